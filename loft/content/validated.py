"""What validation read of each Markdown file, kept for the build.

Project.load_items (and the check of the site's own pages) read every file once;
the build publishes the text kept here (SiteBuild.written) instead of reading
and parsing the file again: the text published is the text validated.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml


@dataclass(frozen=True)
class ValidatedText:
    text: str  # the file as read (BOM dropped, newlines normalised)
    start: int  # where the body starts in text
    body_line: int  # line of the file where the body starts
    meta: dict | None  # front-matter values as Python data; None: not valid, never published

    @property
    def body(self) -> str:
        return self.text[self.start:]


def kept(text: str, body: str, body_line: int, meta: dict | None) -> ValidatedText:
    """body is the end of text (frontmatter.read splits it off)."""
    return ValidatedText(text, len(text) - len(body), body_line, meta)


def plain_values(fields: dict[str, yaml.Node]) -> dict:
    """Front-matter values as Python data, as MkDocs' SafeLoader makes them."""
    constructor = yaml.constructor.SafeConstructor()
    return {key: constructor.construct_object(node, deep=True) for key, node in fields.items()}
