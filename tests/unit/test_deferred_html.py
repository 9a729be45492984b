"""Deferred HTML blocks: the converted page is byte-identical to converting it whole."""

from __future__ import annotations

import markdown

from loft.deferred_html import MIN_LENGTH, defer, restore

CARDS = "<ul class=\"loft-cards\">\n" + "\n".join(
    f'<li class="loft-card"><h2><a href="../x{n}/">Rubrik {n} &amp; mer</a></h2><p>Text {n}.</p></li>'
    for n in range(20)) + "\n</ul>"
PAGE = "\n\n".join([
    "# Rapporter – sida 2 av 3",
    "Vanlig text med *betoning* och en [länk](../om-loft/).",
    '<p class="loft-count">Visar 51–100 av 120 rapporter, nyast först.</p>',
    CARDS,
    '<nav class="loft-pagination" aria-label="Sidor i listan"><ul><li><a href="../">1</a></li></ul></nav>',
]) + "\n"


def _convert(text: str) -> str:
    return markdown.markdown(text, extensions=["md_in_html", "attr_list", "toc"])


def test_large_html_blocks_are_deferred_and_small_ones_stay():
    text, deferred = defer(PAGE)
    assert deferred == [CARDS]
    assert "loft-card" not in text
    assert "loft-pagination" in text and len(PAGE.split("\n\n")[4]) < MIN_LENGTH


def test_restored_page_equals_the_page_converted_whole():
    text, deferred = defer(PAGE)
    assert restore(_convert(text), deferred) == _convert(PAGE)


def test_markdown_without_html_blocks_is_unchanged():
    text = "# Rubrik\n\n" + "Ett stycke. " * 100 + "\n"
    assert defer(text) == (text, [])
