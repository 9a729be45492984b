"""What a preview rebuild may keep from the last one.

The engine's preview (`properdocs serve`) rebuilds the whole site on every
save. With `--dirty` it converts and writes only the pages it believes
changed, but it judges by file times: generated pages always count as changed
and a page whose inputs changed elsewhere (a listing after an item's title
changed, the start page's latest items) never does. Here the core says which
pages changed, by content: a page's key is a digest of everything its HTML is
made from (the page source the core renders, with the blocks of every other
item it shows, its metadata and update date) plus the site-wide inputs
(configuration, data/, hooks/, overrides/). A page is rebuilt when its key
differs from the one its current output was built with; an edit to one item's
text changes that item's key only, so no listing is rebuilt.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

# Site-wide inputs of every page: a change here rebuilds the whole site.
CONFIG_FILES = ("mkdocs.yml", "properdocs.yml")
FOLDERS = ("data", "hooks", "overrides")


def inputs_digest(root: Path | str, *extra: str) -> str:
    """A digest of the configuration and of every file under data/, hooks/ and
    overrides/ (by content), and of extra (engine options that shape pages)."""
    root = Path(root)
    digest = hashlib.sha256()
    for value in extra:
        digest.update(value.encode("utf-8") + b"\0")
    paths = [root / name for name in CONFIG_FILES]
    for folder in FOLDERS:
        if (root / folder).is_dir():
            paths += sorted(p for p in (root / folder).rglob("*")
                            if p.is_file() and "__pycache__" not in p.parts)
    for path in paths:
        if path.is_file():
            digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def page_digest(site_inputs: str, *parts: str) -> str:
    digest = hashlib.sha256(site_inputs.encode("utf-8"))
    for part in parts:
        digest.update(b"\0" + part.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()
