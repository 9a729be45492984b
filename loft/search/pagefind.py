"""Running Pagefind over the built site, and making its bundle reproducible.

The page language (lang="sv") picks Pagefind's Swedish stemming.
"""

from __future__ import annotations

import html
import json
import os
import resource
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from loft.content.urls import BUNDLE_DIR
from loft.search import cbor


@dataclass(frozen=True)
class IndexingRun:
    seconds: float
    peak_rss_kib: int  # the largest resident set of any child process so far
    output: str

    def summary(self) -> str:
        seconds = f"{self.seconds:.1f}".replace(".", ",")  # Swedish decimal comma
        return f"Sökindex skapat med Pagefind på {seconds} s."


class SearchIndexError(RuntimeError):
    """Pagefind is missing or failed; the message says what to do."""


def pagefind_executable() -> str:
    # As Pagefind's own Python package: another binary may be named (a system
    # Pagefind, or a test's stand-in).
    if os.environ.get("PAGEFIND_BINARY_PATH"):
        return os.environ["PAGEFIND_BINARY_PATH"]
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise SearchIndexError(
            "Pagefind saknas. Kör `make venv` (paketet pagefind[bin] ingår i beroendena).") from None
    return str(get_executable())


def pagefind_command(site_dir: Path, glob: str | None = None, output: Path | None = None) -> list[str]:
    """Pagefind over the files of site_dir (those glob matches); the bundle in
    <site_dir>/pagefind/, or in output when given."""
    where = ["--output-path", str(output)] if output is not None else ["--output-subdir", BUNDLE_DIR]
    command = [pagefind_executable(), "--site", str(site_dir), *where, "--quiet"]
    return command + ["--glob", glob] if glob else command


def article_document(lang: str, content: str) -> str:
    """What Pagefind needs of an item page, made from its content as converted
    (the hooks' on_page_content, before the theme's templates run): the page's
    language and its article. Pagefind indexes only what is inside
    data-pagefind-body and reads filters, metadata and sort keys from
    data-pagefind-* attributes, all of them in the content the core renders; the
    theme's frame (head, header, menu, footer: two thirds of an item page) it
    would parse for nothing. Every page's fragment in the bundle (its text,
    filters, metadata, sort key) is the same byte for byte as from the whole
    written page (tests/builds/test_search_build.py)."""
    return (f'<!doctype html>\n<html lang="{html.escape(lang)}"><head><meta charset="utf-8"></head>'
            f"<body><article>{content}</article></body></html>\n")


def item_pages_glob(type_paths) -> str:
    """The files Pagefind needs to read: item pages only (the only pages with
    data-pagefind-body). The bundle is the same as from reading every page
    (checked byte for byte at 1,000 items), for about a third less CPU."""
    return "{" + ",".join(sorted(type_paths)) + "}/*/index.html"


def run_pagefind(site_dir: Path | str, cancelled: Callable[[], bool] | None = None,
                 glob: str | None = None) -> IndexingRun | None:
    """Index a built site from its files (the preview, `loft search-index`; the
    build streams its pages, loft/search/streamed.py); the bundle lands in
    <site>/pagefind/. cancelled: asked while Pagefind runs (the preview's next
    build); when it says yes, Pagefind is stopped and None returned. glob: the
    files to read (item_pages_glob)."""
    return start_pagefind(site_dir, glob).finish(cancelled)


def start_pagefind(site_dir: Path | str, glob: str | None = None) -> Indexing:
    """Pagefind started in its own process (see run_pagefind); the caller may
    do other work on this core before Indexing.finish waits for it."""
    return Indexing(Path(site_dir), pagefind_command(Path(site_dir), glob))


def start_process(command: list[str], **options) -> subprocess.Popen:
    """Pagefind's process, or the reason it cannot start in Swedish (a
    PAGEFIND_BINARY_PATH that names no program, say)."""
    try:
        return subprocess.Popen(command, **options)
    except OSError as error:
        raise SearchIndexError(f"Pagefind kunde inte startas ({command[0]}): {error.strerror or error}. "
                               "Kör `make venv`, eller rätta PAGEFIND_BINARY_PATH.") from None


class Indexing:
    """One Pagefind run under way. Its output is read when it is done: with
    --quiet it writes a line or two, far from filling the pipe."""

    def __init__(self, site_dir: Path, command: list[str]):
        """site_dir: where the bundle lands (<site_dir>/pagefind/), whatever command reads."""
        self.site_dir = site_dir
        # Pagefind adds to an existing bundle; files of an older run must not linger.
        shutil.rmtree(site_dir / BUNDLE_DIR, ignore_errors=True)
        self.started = time.perf_counter()
        self.process = start_process(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def finish(self, cancelled: Callable[[], bool] | None = None) -> IndexingRun | None:
        """Wait for Pagefind, then make its bundle reproducible; None when
        cancelled() said yes first (Pagefind is stopped)."""
        process = self.process
        while cancelled is not None:
            try:
                process.wait(timeout=0.1)
                break
            except subprocess.TimeoutExpired:
                if cancelled():
                    self.stop()
                    return None
        output = process.communicate()[0].strip()
        seconds = time.perf_counter() - self.started
        if process.returncode != 0:
            raise SearchIndexError(f"Pagefind misslyckades (kod {process.returncode}): {output}")
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        make_reproducible(self.site_dir / BUNDLE_DIR)
        return IndexingRun(seconds, peak, output)

    def stop(self) -> None:
        """Stop Pagefind (by its process) and wait for it to go; nothing when
        finish() has already waited for it (its output read, the pipe closed)."""
        if self.process.poll() is None:
            self.process.terminate()
        if self.process.stdout is not None and not self.process.stdout.closed:
            self.process.communicate()
        self.process.wait()


# --- reproducible bundle --------------------------------------------------
# Pagefind 1.5 writes its filter indexes from hash maps: the same site gives
# the values of a filter, and the filters in the metadata file, in a different
# order on every run (Pagefind issue #638), so file names and contents change.
# We sort them afterwards and name the rewritten files by their content. The
# files are "pagefind_dcd" + CBOR, gzip-compressed; the few CBOR types Pagefind
# uses here are read and written below, and a file that does not read back to
# the same bytes is left alone.


def make_reproducible(bundle: Path) -> None:
    entry_path = bundle / "pagefind-entry.json"
    if not entry_path.is_file():
        return
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language in entry.get("languages", {}).values():
        meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = cbor.read(meta_path)
        if meta is None or len(meta) < 4 or not isinstance(meta[3], list):
            continue
        filters = []
        for pair in meta[3]:
            content = (cbor.read(bundle / "filter" / f"{pair[1]}.pf_filter")
                       if _is_list_of(pair, str, 2) else None)
            if not (isinstance(content, list) and len(content) == 2 and isinstance(content[1], list)
                    and all(_is_list_of(v, object, 2) and isinstance(v[0], str) for v in content[1])):
                break  # not the format we know: leave this language as Pagefind wrote it
            filters.append((pair[0], pair[1], content))
        else:
            _sort_filters(bundle, meta, filters, language)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _is_list_of(value, kind: type, length: int) -> bool:
    return isinstance(value, list) and len(value) == length and all(isinstance(v, kind) for v in value)


def _sort_filters(bundle: Path, meta: list, filters: list, language: dict) -> None:
    renamed: list[list[str]] = []
    for name, old_hash, content in filters:
        content[1].sort(key=lambda pair: pair[0])
        renamed.append([name, cbor.write(bundle / "filter" / f"{old_hash}.pf_filter", content, old_hash, 7)])
    meta[3] = sorted(renamed)
    meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
    language["hash"] = cbor.write(meta_path, meta, language["hash"], 10, prefix="pagefind.")
