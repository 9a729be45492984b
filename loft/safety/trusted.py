"""Trusted blocks: HTML the core built (and escaped) itself, kept apart from
what editors wrote, so that everything else on a page can be sanitized.

A page source mixes the core's HTML (facts, cards, charts, the search form)
with editor-written Markdown (an item's text, a site page, Markdown fields in
data/). The core wraps each of its own blocks with `trusted()`. `compose` swaps
every wrapped block for a marker line, so that the Markdown converter never
parses it (Python-Markdown's HTML parser was the most expensive step of a
build: bench/RESULTS.md); `finish` sanitizes every stretch of the converted
HTML between markers on its own (so editor HTML can neither close nor wrap the
core's elements) and puts the blocks back.

The wrapper and the markers carry a random token drawn per process: an editor
cannot forge one, so editor text can never pass as trusted.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from typing import Callable

TOKEN = secrets.token_hex(8)
_OPEN, _CLOSE = f"<!--loft-trusted:{TOKEN}-->", f"<!--/loft-trusted:{TOKEN}-->"
_WRAPPED = re.compile(re.escape(_OPEN) + r"(.*?)" + re.escape(_CLOSE), re.DOTALL)
_MARKER = re.compile(rf"<!--loft-{TOKEN}-(\d+)-->")


def trusted(html: str) -> str:
    """Mark html, built by the core with every value escaped, as a block to
    publish as it is. It must stand as a block of its own (blank lines around)."""
    return f"{_OPEN}{html}{_CLOSE}"


@dataclass
class PageSource:
    """A page's Markdown with its trusted blocks taken out."""

    markdown: str
    blocks: list[str] = field(default_factory=list)
    text: str = ""  # the page's text with the blocks in place (inline)

    def inline(self) -> str:
        """The Markdown with the blocks back in place (SiteBuild.page_markdown)."""
        return self.text


# Between two raw HTML blocks the converter writes a blank line.
_BETWEEN_BLOCKS = "\n\n"


def compose(text: str) -> PageSource:
    """text with each wrapped block swapped for a marker line. What _WRAPPED
    matches (each opening with the first closing after it), found with str.find:
    the blocks are long HTML, which the pattern's engine walked a character at a time.

    Blocks with nothing but blank lines between them share one marker, joined as
    the converter would have placed them: each marker costs the converter a raw
    HTML block, and a listing page's cards, charts and pager follow each other."""
    blocks: list[str] = []
    out: list[str] = []
    inline: list[str] = []
    position = 0
    while True:
        start = text.find(_OPEN, position)
        if start < 0:
            break
        end = text.find(_CLOSE, start + len(_OPEN))
        if end < 0:
            break
        between, block = text[position:start], text[start + len(_OPEN):end]
        if blocks and not between.strip():
            blocks[-1] += _BETWEEN_BLOCKS + block
        else:
            blocks.append(block)
            out += [between, f"\n\n<!--loft-{TOKEN}-{len(blocks) - 1}-->\n\n"]
        inline += [between, "\n\n", block, "\n\n"]
        position = end + len(_CLOSE)
    out.append(text[position:])
    inline.append(text[position:])
    return PageSource("".join(out), blocks, "".join(inline))


def finish(html: str, blocks: list[str], clean: Callable[[str], str],
           inspect: Callable[[str], None] | None = None) -> tuple[str, int]:
    """(converted html with every editor stretch passed through clean and the
    blocks back, number of blocks whose marker did not come through).

    A marker is lost when editor text swallows it, for example a code block
    that is never closed; the caller reports that instead of publishing."""
    parts = _MARKER.split(html)
    out: list[str] = []
    seen: set[int] = set()
    for position, part in enumerate(parts):
        if position % 2:
            number = int(part)
            if number < len(blocks) and number not in seen:
                seen.add(number)
                out.append(blocks[number])
            continue
        if part.strip():
            if inspect is not None:
                inspect(part)
            out.append(clean(part))
        else:
            out.append(part)
    return "".join(out), len(blocks) - len(seen)
