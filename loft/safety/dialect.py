"""The site's Markdown dialect: the extensions mkdocs.yml enables, for the core.

`loft check` converts editors' text with it to tell them, before any build,
what the sanitizer would remove (loft/safety/sanitizer.py). The build converts with the
engine's own converter; tests/unit/safety/test_safety_core.py holds mkdocs.yml to this list.
"""

from __future__ import annotations

import markdown

EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html",
              "tables", "toc", "pymdownx.details", "pymdownx.superfences"]
# Table alignment as align="…": the sanitizer allows no style attribute.
CONFIGS = {"toc": {"permalink": False}, "tables": {"use_align_attribute": True}}


_CONVERTER: list[markdown.Markdown] = []


def render(text: str) -> str:
    # One converter, reset between texts: making one loads every extension
    # (measured: 0.71 ms a text against 0.22 ms reset and reused).
    if not _CONVERTER:
        _CONVERTER.append(markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS))
    return _CONVERTER[0].reset().convert(text)
