"""Raw HTML blocks kept out of the Markdown converter, put back after it.

Listing pages are mostly raw HTML the core has already escaped (50 cards with
their labels). Python-Markdown copies such blocks unchanged, but only after
tokenising them with its pure-Python HTML parser, which made the listing pages
the most expensive pages of a build. `defer` swaps each large top-level HTML
block for a short comment; `restore` puts the block back into the converted
HTML, so the page comes out byte for byte as before.
"""

from __future__ import annotations

import re

# A block that Markdown treats as raw HTML: it starts with a block-level tag.
_HTML_BLOCK = re.compile(r"<(ul|ol|nav|dl|div|section|table)[\s>]")
# Small blocks cost little to parse: not worth a placeholder.
MIN_LENGTH = 500


def _marker(number: int) -> str:
    return f"<!-- loft-deferred-{number} -->"


def defer(markdown: str) -> tuple[str, list[str]]:
    """(Markdown with placeholders, the deferred blocks in order)."""
    blocks = markdown.split("\n\n")
    deferred: list[str] = []
    for position, block in enumerate(blocks):
        if len(block) >= MIN_LENGTH and _HTML_BLOCK.match(block) and block.rstrip().endswith(">"):
            blocks[position] = _marker(len(deferred))
            deferred.append(block)
    return "\n\n".join(blocks), deferred


def restore(html: str, deferred: list[str]) -> str:
    for number, block in enumerate(deferred):
        html = html.replace(_marker(number), block, 1)
    return html
