"""Vocabularies: the allowed values of a facet, read from a YAML data file.

An editor may name a term by its id, its Swedish label, its English name, its
official name or any alias, in any letter case and with or without å, ä, ö.
Each kind of vocabulary file has its dataclass: `FacetTerm` for every facet's
vocabulary (data/facets.yml names the file), `Publisher` and `Language` for
the two vocabularies of the publication record; loft/content/data reads them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from loft.content.data.fields import (HttpsAddress, Identifier, Integer, Markdown, Text, TextList, declared,
                                      specs)
from loft.content.text import closest, fold

# Term fields an editor may use to name a term, besides the id.
MATCH_FIELDS = ("label", "name_en", "official_name")


@dataclass(frozen=True)
class Term:
    """What every term has: an id (used in front matter and addresses), a label
    (the name shown) and other names an editor may write for it."""

    id: str = declared(Identifier(), example="id: kultur")
    label: str = declared(Text(), example="label: Kultur")
    aliases: tuple[str, ...] = declared(TextList(Text()), default=())

    def get(self, key: str, default: Any = None) -> Any:
        """A field named in data/ (a facet's details, a schema.org mapping); default when empty."""
        value = getattr(self, key) if key in specs(type(self)) else None
        return default if value in (None, "", ()) else value

    def names(self) -> list[str]:
        names = [self.id, self.label]
        names += [getattr(self, f) for f in MATCH_FIELDS[1:] if getattr(self, f, "")]
        names += list(self.aliases)
        return names


@dataclass(frozen=True)
class FacetTerm(Term):
    """A term of a facet's vocabulary (data/principles.yml, data/municipalities.yml, ...).
    summary, description and questions are Markdown, shown on the term's page."""

    number: int | None = declared(Integer(), default=None)
    name_en: str = declared(Text(), default="")
    official_name: str = declared(Text(), default="")
    kommunkod: str = declared(Text(), default="")
    county: str = declared(Text(), default="")
    role: str = declared(Text(), default="")
    summary: str = declared(Markdown(), default="")
    description: str = declared(Markdown(), default="")
    questions: tuple[str, ...] = declared(TextList(Markdown()), default=())


@dataclass(frozen=True)
class Publisher(Term):
    """An organisation that publishes material (data/publishers.yml)."""

    official_name: str = declared(Text(), default="")
    url: str = declared(HttpsAddress(), default="")
    lang: str = declared(Identifier(), default="")  # the official name's language, when not Swedish


@dataclass(frozen=True)
class Language(Term):
    """A language an item can be written in (data/languages.yml): its ISO 639-1 code as id."""

    bibtex: str = declared(Text(), default="")  # the name babel/biblatex expect


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
