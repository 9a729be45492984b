"""What validation read of each Markdown file, kept for the build.

Project.load_items (and the check of the site's own pages) read every file once;
the build publishes the text kept here (SiteBuild.written) instead of reading
and parsing the file again: the text published is the text validated.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from loft.content.frontmatter import STR_TAG

SEQ_TAG = "tag:yaml.org,2002:seq"


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
    return {key: _plain(node, constructor) for key, node in fields.items()}


def _plain(node: yaml.Node, constructor: yaml.constructor.SafeConstructor):
    # Text, and lists of text (most values), are what the constructor would
    # return for them: the node's value, a list of the values.
    if node.tag == STR_TAG and isinstance(node, yaml.ScalarNode):
        return node.value
    if (node.tag == SEQ_TAG and isinstance(node, yaml.SequenceNode)
            and all(c.tag == STR_TAG and isinstance(c, yaml.ScalarNode) for c in node.value)):
        return [c.value for c in node.value]
    return constructor.construct_object(node, deep=True)
