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
        # At each place the longest compound wins ("kommunledning" over a shorter
        # compound inside it): the words as a trie, each ending optional and tried
        # after the longer words through it, which matches what the alternation of
        # all words longest first would, without trying every word at every letter.
        self._pattern = re.compile(_trie_pattern(parts)) if parts else None

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


def _trie_pattern(words) -> str:
    """A regular expression matching, at any place, the longest of words there."""
    trie: dict = {}
    for word in words:
        node = trie
        for character in word:
            node = node.setdefault(character, {})
        node[""] = {}  # a word ends here

    def pattern(node: dict) -> str:
        branches = [re.escape(character) + pattern(child)
                    for character, child in sorted(node.items()) if character]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)
