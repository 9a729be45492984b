"""Vocabularies: the allowed values of a facet, read from a YAML data file.

An editor may name a term by its id, its Swedish label, its English name, its
official name or any alias, in any letter case and with or without å, ä, ö.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from loft.content.files import MISSING, kind_problem
from loft.content.frontmatter import load_yaml_file
from loft.content.problems import Problem
from loft.content.text import closest, fold, has_markup, slugify

# Term fields an editor may use to name a term, besides the id.
MATCH_FIELDS = ("label", "name_en", "official_name")


@dataclass(frozen=True)
class Term:
    id: str
    label: str
    data: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def names(self) -> list[str]:
        names = [self.id, self.label]
        names += [self.data[f] for f in MATCH_FIELDS[1:] if self.data.get(f)]
        names += list(self.data.get("aliases") or [])
        return names


class Vocabulary:
    def __init__(self, name: str, terms: list[Term]):
        self.name = name
        self.terms = tuple(terms)
        self.by_id = {t.id: t for t in terms}
        self.position = {t.id: n for n, t in enumerate(terms)}  # vocabulary order
        self._lookup: dict[str, Term] = {}
        for term in terms:
            for name_ in term.names():
                self._lookup.setdefault(fold(str(name_)), term)

    def __iter__(self):
        return iter(self.terms)

    def __len__(self) -> int:
        return len(self.terms)

    def resolve(self, value: str) -> Term | None:
        return self._lookup.get(fold(value))

    def suggest(self, value: str) -> Term | None:
        key_to_id = {key: term.id for key, term in self._lookup.items()}
        found = closest(value, key_to_id, cutoff=0.6)
        return self.by_id[found] if found else None

    @classmethod
    def load(cls, path: Path, display_path: str) -> tuple[Vocabulary, list[Problem]]:
        """Read a vocabulary file; its own mistakes are problems too."""
        problems: list[Problem] = []

        def problem(message: str, line: int | None = None) -> None:
            problems.append(Problem(display_path, line, 1 if line else None, "vokabulär", message))

        if kind_problem(path)[1] == MISSING:
            problem("filen saknas.")
            return cls(path.stem, []), problems
        raw, read_problems = load_yaml_file(path, display_path)  # as Project.load's scan: reported once
        if read_problems:
            return cls(path.stem, []), read_problems
        if not isinstance(raw, list):
            problem("filen ska vara en lista med termer (rader som börjar med \"- id: ...\").")
            return cls(path.stem, []), problems

        terms: list[Term] = []
        seen: set[str] = set()
        for number, entry in enumerate(raw, start=1):
            if not isinstance(entry, dict) or not entry.get("id") or not entry.get("label"):
                problem(f"term nummer {number} saknar id eller label.")
                continue
            not_text = [key for key in ("label", *MATCH_FIELDS[1:]) if key in entry
                        and entry[key] is not None and not isinstance(entry[key], str)]
            if not_text:  # `label: 2023` would be read as a number, `label: ja` stays "ja"
                problem(f"term nummer {number} ({entry['id']}): {not_text[0]} ska vara en text, men "
                        f"YAML läser {entry[not_text[0]]} som något annat. Skriv texten inom "
                        f"citattecken, till exempel {not_text[0]}: \"{entry[not_text[0]]}\".")
                continue
            marked = [key for key in ("label", *MATCH_FIELDS[1:]) if has_markup(str(entry.get(key) or ""))]
            if marked:  # a label is a page title, which the theme prints as it is
                problem(f"term nummer {number} ({entry['id']}): {marked[0]} innehåller tecken som "
                        "tolkas som HTML (< > eller &...;). Skriv texten utan dem.")
                continue
            term_id, label = str(entry["id"]), str(entry["label"])
            if slugify(term_id) != term_id:
                problem(f"id \"{term_id}\" får bara innehålla a–z, 0–9 och bindestreck "
                        f"(till exempel \"{slugify(term_id)}\").")
                continue
            if term_id in seen:
                problem(f"id \"{term_id}\" förekommer två gånger.")
                continue
            seen.add(term_id)
            data = {k: v for k, v in entry.items() if k not in ("id", "label")}
            terms.append(Term(term_id, label, data))
        return cls(path.stem, terms), problems
