"""Byte-identical output: helpers that remove build-time traces from files."""

from __future__ import annotations

import gzip
from pathlib import Path


def stable_gzip(source: Path) -> Path:
    """Write source + ".gz" with a fixed header: no timestamp (mtime 0), no name.

    MkDocs stamps sitemap.xml.gz with the build date, so two builds of the same
    sources differ by that date; this rewrites it from the uncompressed file.
    """
    target = source.with_name(source.name + ".gz")
    with target.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", filename="", mtime=0) as out:
        out.write(source.read_bytes())
    return target
