"""Compound words: Pagefind's Swedish stemming does not split them, so
data/compounds.yml lists the domain's compounds and an item that contains one
is indexed with its parts too ("kommunledningens" is found by "ledning")."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from loft.content.problems import Problem

COMPOUNDS_FILE = "data/compounds.yml"


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
        """Read data/compounds.yml (compound: [part, part, ...]); a missing file is
        no compounds, a wrong entry is a problem."""
        path = Path(root) / COMPOUNDS_FILE
        problems: list[Problem] = []

        def problem(message: str) -> None:
            problems.append(Problem(COMPOUNDS_FILE, None, None, "sammansättningar", message))

        if not path.is_file():
            return cls({}), problems
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            problems.append(Problem(COMPOUNDS_FILE, mark.line + 1 if mark else None, 1,
                                    "sammansättningar", f"YAML-syntaxfel: {error}"))
            return cls({}), problems
        if not isinstance(raw, dict):
            problem("filen ska vara en lista med rader som \"innovationsledning: [innovation, ledning]\".")
            return cls({}), problems
        parts: dict[str, tuple[str, ...]] = {}
        for word, value in raw.items():
            word_text = str(word).strip().casefold()
            if (not isinstance(value, list) or len(value) < 2
                    or not all(isinstance(p, str) and p.strip() for p in value)):
                problem(f"\"{word}\" ska följas av minst två delord inom hakparenteser, "
                        f"till exempel \"{word}: [innovation, ledning]\".")
                continue
            parts[word_text] = tuple(p.strip().casefold() for p in value)
        return cls(parts), problems
