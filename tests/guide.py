"""Reading CONTRIBUTING.md as the tests see it: its code blocks, markers and message tables.

A code block may be preceded by an HTML comment (invisible on GitHub) that tells
the tests what to do with it:

    <!-- test: fil PATH -->                 write the block to PATH (the editor fills a file in)
    <!-- test: exempelfil PATH -->          write it, and remove it after the next shell block
    <!-- test: lägg till i PATH -->         append the block to PATH
    <!-- test: misslyckas -->               the shell block must fail; its output is the next text block
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

GUIDE = Path(__file__).resolve().parent.parent / "CONTRIBUTING.md"
_BLOCK = re.compile(r"(?:<!-- test: (?P<marker>[^>]*?) -->\n)?^```(?P<lang>\w*)\n(?P<body>.*?)^```$",
                    re.S | re.M)


@dataclass(frozen=True)
class Block:
    lang: str
    body: str
    marker: str | None

    @property
    def commands(self) -> list[str]:
        return [line.strip() for line in self.body.splitlines()
                if line.strip() and not line.strip().startswith("#")]


def blocks(text: str | None = None) -> list[Block]:
    text = GUIDE.read_text(encoding="utf-8") if text is None else text
    return [Block(m["lang"], m["body"], m["marker"]) for m in _BLOCK.finditer(text)]


def message_stems(text: str | None = None) -> list[str]:
    """The documented beginnings of messages: backticked text in the first cell of the
    tables in the section on what the checks say (element names like `<iframe>` aside)."""
    text = GUIDE.read_text(encoding="utf-8") if text is None else text
    section = text[text.index("## 11."):]
    stems = []
    for line in section.splitlines():
        if not line.startswith("| `"):
            continue
        first_cell = line.split(" | ")[0]
        stems += [s for s in re.findall(r"`([^`]+)`", first_cell) if not s.startswith("<")]
    return stems


def stem_pattern(stem: str) -> re.Pattern:
    """`okänd princip "…"` -> a pattern matching the start of the real message."""
    return re.compile(".+?".join(re.escape(part) for part in stem.split("…")))
