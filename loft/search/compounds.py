"""Compound words: Pagefind's Swedish stemming does not split them, so
data/compounds.yml lists the domain's compounds and an item that contains one
is indexed with its parts too ("kommunledningens" is found by "ledning").
The file is read and checked with the rest of data/ (loft/content/data)."""

from __future__ import annotations

import re
from pathlib import Path

from loft.content.data.load import load_compounds
from loft.content.problems import Problem


class Compounds:
    """Compound word -> its parts; finds the compounds in a text in one pass."""

    def __init__(self, parts: dict[str, tuple[str, ...]]):
        self.parts = parts
        # Longest first, so "kommunledning" wins over a shorter compound inside it.
        alternatives = sorted(parts, key=len, reverse=True)
        self._pattern = (re.compile("|".join(re.escape(w) for w in alternatives))
                         if alternatives else None)

    def __len__(self) -> int:
        return len(self.parts)

    def parts_in(self, text: str) -> list[str]:
        """Parts of every compound the text contains, inflected or inside a longer
        word ("kommunledningens", "innovationsledningsarbete"), each once."""
        if self._pattern is None:
            return []
        found: dict[str, None] = {}
        for match in self._pattern.finditer(text.casefold()):
            for part in self.parts[match.group(0)]:
                found.setdefault(part, None)
        return list(found)

    @classmethod
    def load(cls, root: Path) -> tuple[Compounds, list[Problem]]:
        """data/compounds.yml alone (compound: [part, part, ...]), read as Project.load
        reads it: a missing file is no compounds, a wrong entry is a problem."""
        words, problems = load_compounds(root)
        return cls(words.parts), problems
