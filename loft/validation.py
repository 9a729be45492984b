"""Validation of one item's front matter and text.

Every rule adds a Problem naming the field, the bad value, what is allowed and,
when one is close, the value the editor probably meant. One implementation,
used by the MkDocs build and by `loft check` alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .dates import FORMAT_HELP, DateError, PartialDate
from .frontmatter import FrontMatter, node_position, plain_text_kind
from .limits import nesting
from .markup import unsafe_markup
from .model import ContentType, Facet
from .problems import Problem
from .text import closest, fold, join_or

BASE_FIELDS = ("title", "date", "summary", "authors", "draft")
# Keys editors tend to write in Swedish; each points at the right one.
SWEDISH_KEYS = {
    "titel": "title", "rubrik": "title", "datum": "date", "sammanfattning": "summary",
    "ingress": "summary", "beskrivning": "summary", "forfattare": "authors",
    "författare": "authors", "utkast": "draft", "principer": "principles",
    "princip": "principles", "kommuner": "municipalities", "kommun": "municipalities",
    "tags": "principles", "taggar": "principles",
}
# Listing the whole vocabulary in a message helps only while it is short.
MAX_LISTED_VALUES = 12
# The theme prints titles and names unescaped in places: no markup may hide in them.
_MARKUP = re.compile(r"[<>]|&#?[a-zA-Z0-9]+;")


@dataclass
class ItemFields:
    """The validated front matter of one item."""

    title: str = ""
    date: PartialDate | None = None
    summary: str = ""
    authors: tuple[str, ...] = ()
    draft: bool = False
    tags: dict[str, tuple[str, ...]] = field(default_factory=dict)


class _Checker:
    def __init__(self, path: str, front: FrontMatter, ctype: ContentType, facets: list[Facet]):
        self.path, self.front, self.ctype, self.facets = path, front, ctype, facets
        self.problems: list[Problem] = []
        self.allowed = [*BASE_FIELDS[:2], *(f.field for f in facets), *BASE_FIELDS[2:]]

    def add(self, key: str, message: str, node: yaml.Node | None = None) -> None:
        if node is not None:
            line, column = node_position(node, 1)
        elif key in self.front.key_lines:
            line, column = self.front.key_lines[key]
        else:
            line, column = self.front.start_line, 1
        self.problems.append(Problem(self.path, line, column, key, message))

    # --- shapes -----------------------------------------------------------
    def text(self, key: str) -> str | None:
        """A scalar field as text; None when absent or empty."""
        node = self.front.fields.get(key)
        if node is None or _is_null(node):
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.add(key, f"ska vara en text, inte en {_shape(node)}. Skriv {key}: följt av texten "
                          "på samma rad.", node)
            return None
        if not self.is_text(key, node):
            return None
        return str(node.value).strip() or None

    def is_text(self, key: str, node: yaml.Node) -> bool:
        """Plain-text fields must be text as YAML reads them, not a number or true/false."""
        kind = plain_text_kind(node)
        if kind is None:
            return True
        self.add(key, not_text_message(key, node, kind), node)
        return False

    def text_list(self, key: str, plain: bool = False) -> list[tuple[str, yaml.Node]]:
        node = self.front.fields.get(key)
        if node is None or _is_null(node):
            return []
        if isinstance(node, yaml.ScalarNode):
            self.add(key, f"ska vara en lista, inte en enstaka text (\"{node.value}\"). "
                          f"Skriv varje värde på en egen rad under {key}: med ett bindestreck "
                          f"först, till exempel:\n      {key}:\n        - {node.value}", node)
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.add(key, f"ska vara en lista, inte en {_shape(node)}.", node)
            return []
        values = []
        for child in node.value:
            if not isinstance(child, yaml.ScalarNode) or _is_null(child) or not str(child.value).strip():
                self.add(key, "varje värde i listan ska vara en text; ett värde är tomt eller "
                              "är själv en lista.", child)
                continue
            if plain and not self.is_text(key, child):
                continue
            values.append((str(child.value).strip(), child))
        return values

    # --- rules ------------------------------------------------------------
    def unknown_keys(self) -> None:
        for key in self.front.fields:
            if key in self.allowed:
                continue
            allowed_folded = {fold(k): k for k in self.allowed}
            hint = SWEDISH_KEYS.get(fold(key)) or closest(key, allowed_folded)
            message = f"okänt fält. Tillåtna fält: {', '.join(self.allowed)}."
            if hint in self.allowed:
                message += f" Menade du {hint}?"
            self.add(key, message)

    def has_problem(self, key: str) -> bool:
        return any(p.field == key for p in self.problems)

    def required(self, key: str, present: bool) -> None:
        if present or self.has_problem(key):  # one problem per mistake
            return
        what = {
            "title": "en rubrik, till exempel title: Insikter om innovationsledning",
            "date": f"ett datum. {FORMAT_HELP}",
            "summary": "en sammanfattning på ett stycke, till exempel summary: Rapporten beskriver hur "
                       "kommuner leder förnyelse",
        }.get(key, "minst ett värde")
        missing = "saknas" if key not in self.front.fields else "är tomt"
        self.add(key, f"fältet {missing} men krävs för typen {self.ctype.label.lower()}. "
                      f"Lägg till {what}" + ("" if what.endswith(".") else "."))

    def date(self) -> PartialDate | None:
        node = self.front.fields.get("date")
        if node is None or _is_null(node):
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.add("date", f"ska vara ett datum, inte en {_shape(node)}. {FORMAT_HELP}", node)
            return None
        try:
            return PartialDate.parse(str(node.value))
        except DateError as error:
            self.add("date", str(error), node)
            return None

    def plain(self, key: str, value: str, node: yaml.Node | None = None) -> str:
        """Titles and names are plain text: markup in them would reach the page as HTML."""
        if value and _MARKUP.search(value):
            self.add(key, f"\"{value}\" innehåller tecken som tolkas som HTML (< > eller &...;). "
                          "Skriv texten utan dem, till exempel \"mindre än\" i stället för <.", node)
            return ""
        return value

    def summary(self, value: str | None) -> str:
        if value and re.search(r"\n\s*\n", value):
            self.add("summary", "ska vara ett enda stycke utan tomma rader. Flytta resten av "
                                "texten till sidans brödtext under front matter.")
        return " ".join((value or "").split())

    def draft(self) -> bool:
        node = self.front.fields.get("draft")
        if node is None or _is_null(node):
            return False
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:bool":
            return yaml.safe_load(node.value) is True
        value = getattr(node, "value", "")
        self.add("draft", f"ska vara true eller false, inte \"{value}\". Skriv draft: true för "
                          "ett utkast, annars ta bort raden.", node)
        return False

    def facet(self, facet: Facet) -> tuple[str, ...]:
        ids: list[str] = []
        vocabulary = facet.vocabulary
        for value, node in self.text_list(facet.field):
            term = vocabulary.resolve(value)
            if term is None:
                message = f"okänd {facet.singular} \"{value}\"."
                if len(vocabulary) <= MAX_LISTED_VALUES:
                    listed = ", ".join(f"{t.id} ({t.label})" for t in vocabulary)
                    message += f" Tillåtna värden: {listed}."
                else:
                    message += f" Se tillåtna värden med: loft list {facet.path}."
                suggestion = vocabulary.suggest(value)
                if suggestion:
                    message += f" Menade du {suggestion.label}?"
                self.add(facet.field, message, node)
            elif term.id not in ids:
                ids.append(term.id)
        return tuple(sorted(ids, key=vocabulary.position.__getitem__))

    def body(self) -> None:
        """Editors' text may not carry script: it would run in every reader's browser."""
        self.problems += unsafe_markup(self.path, self.front.body, self.front.body_line)
        self.problems += nesting(self.front.body, self.path, self.front.body_line)


def validate(path: str, front: FrontMatter, ctype: ContentType,
             facets: list[Facet]) -> tuple[ItemFields, list[Problem]]:
    check = _Checker(path, front, ctype, facets)
    check.unknown_keys()
    result = ItemFields()
    result.title = check.plain("title", " ".join((check.text("title") or "").split()))
    check.required("title", bool(result.title))
    result.date = check.date()
    check.required("date", result.date is not None)
    summary = check.text("summary")
    result.summary = check.summary(summary)
    if "summary" in ctype.required:
        check.required("summary", bool(result.summary))
    result.authors = tuple(check.plain("authors", value, node) for value, node in check.text_list("authors", plain=True))
    result.draft = check.draft()
    for facet in facets:
        result.tags[facet.field] = check.facet(facet)
        if facet.field in ctype.required and not result.tags[facet.field] and not check.has_problem(facet.field):
            names = [t.id for t in list(facet.vocabulary)[:3]]
            hint = f" Skriv till exempel:\n      {facet.field}:\n        - {names[0]}" if names else ""
            missing = "saknas" if facet.field not in front.fields else "är tomt"
            check.add(facet.field, f"fältet {missing} men minst en {facet.singular} krävs för typen "
                                   f"{ctype.label.lower()}. Välj bland {join_or(names)} med flera "
                                   f"(loft list {facet.path}).{hint}")
    check.body()
    return result, check.problems


def not_text_message(key: str, node: yaml.Node, kind: str) -> str:
    return (f"ska vara en text, men YAML läser {node.value} som {kind}. Skriv texten inom "
            f"citattecken, till exempel {key}: \"{node.value}\".")


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"


def _shape(node: Any) -> str:
    if isinstance(node, yaml.SequenceNode):
        return "lista"
    if isinstance(node, yaml.MappingNode):
        return "samling av fält"
    return "text"
