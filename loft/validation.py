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
from .model import BasedOn, ContentType, Facet
from .problems import Problem
from .text import closest, fold, has_markup, join_or

BASE_FIELDS = ("title", "date", "summary", "authors", "based_on", "redirect_from", "draft")
# The keys of based_on, the original an item retells (title is required).
BASED_ON_FIELDS = ("title", "publisher", "authors", "date", "url")
# Keys editors tend to write in Swedish; each points at the right one.
SWEDISH_KEYS = {
    "titel": "title", "rubrik": "title", "datum": "date", "sammanfattning": "summary",
    "ingress": "summary", "beskrivning": "summary", "forfattare": "authors",
    "författare": "authors", "utkast": "draft", "principer": "principles",
    "princip": "principles", "kommuner": "municipalities", "kommun": "municipalities",
    "tags": "principles", "taggar": "principles",
    "kalla": "based_on", "källa": "based_on", "kallor": "based_on", "källor": "based_on",
    "baserad_pa": "based_on", "baserad_på": "based_on", "bygger_pa": "based_on",
    "bygger_på": "based_on", "original": "based_on", "source": "based_on", "basedon": "based_on",
    "is_based_on": "based_on", "omdirigering": "redirect_from", "gammal_adress": "redirect_from",
    "gamla_adresser": "redirect_from", "redirect": "redirect_from", "redirects": "redirect_from",
}
# Keys inside based_on written in Swedish.
SWEDISH_BASED_ON_KEYS = {
    "titel": "title", "rubrik": "title", "utgivare": "publisher", "publicerad_av": "publisher",
    "forfattare": "authors", "författare": "authors", "author": "authors", "datum": "date",
    "lank": "url", "länk": "url", "adress": "url", "webbadress": "url", "link": "url",
}
# An old address on the site: lower-case path segments, ending in /.
_SITE_PATH = re.compile(r"^[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*/$")
# An https: address with a host and no spaces or quotes.
_HTTPS_URL = re.compile(r"^https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:\d+)?(/[^\s\"'<>]*)?$")
# Listing the whole vocabulary in a message helps only while it is short.
MAX_LISTED_VALUES = 12
# The theme prints titles and names unescaped in places: no markup may hide in them.


@dataclass
class ItemFields:
    """The validated front matter of one item."""

    title: str = ""
    date: PartialDate | None = None
    summary: str = ""
    authors: tuple[str, ...] = ()
    based_on: BasedOn | None = None
    redirect_from: tuple[str, ...] = ()
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

    def text_list(self, key: str, node: yaml.Node | None = None,
                  plain: bool = False) -> list[tuple[str, yaml.Node]]:
        if node is None:
            node = self.front.fields.get(key)
        if node is None or _is_null(node):
            return []
        if isinstance(node, yaml.ScalarNode):
            # based_on.authors: the example shows the key as it is written, indented.
            name, pad = key.rsplit(".", 1)[-1], "  " * key.count(".")
            self.add(key, f"ska vara en lista, inte en enstaka text (\"{node.value}\"). "
                          f"Skriv varje värde på en egen rad under {name}: med ett bindestreck "
                          f"först, till exempel:\n      {pad}{name}:\n        {pad}- {node.value}", node)
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

    def date(self, key: str = "date", node: yaml.Node | None = None) -> PartialDate | None:
        if node is None:
            node = self.front.fields.get(key)
        if node is None or _is_null(node):
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.add(key, f"ska vara ett datum, inte en {_shape(node)}. {FORMAT_HELP}", node)
            return None
        try:
            return PartialDate.parse(str(node.value))
        except DateError as error:
            self.add(key, str(error), node)
            return None

    def based_on(self) -> BasedOn | None:
        """The original the item retells: a mapping with a title and, where known,
        publisher, authors, date and an https: address. Plain text only."""
        node = self.front.fields.get("based_on")
        if node is None or _is_null(node):
            return None
        example = ("\n      based_on:\n        title: Originalets rubrik\n"
                   "        publisher: Region Västerbotten\n        date: 2021-08-16")
        if not isinstance(node, yaml.MappingNode):
            self.add("based_on", f"ska vara en samling av fält ({', '.join(BASED_ON_FIELDS)}), inte en "
                                 f"{_shape(node)}. Skriv fälten indragna under based_on:, till exempel:"
                                 + example, node)
            return None
        values: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in BASED_ON_FIELDS and key not in values:
                values[key] = value_node
                continue
            if key in values:
                self.add(f"based_on.{key}", "fältet förekommer två gånger i based_on. Ta bort det ena.",
                         key_node)
                continue
            hint = SWEDISH_BASED_ON_KEYS.get(fold(key)) or closest(key, {k: k for k in BASED_ON_FIELDS})
            message = f"okänt fält i based_on. Tillåtna fält: {', '.join(BASED_ON_FIELDS)}."
            if hint in BASED_ON_FIELDS:
                message += f" Menade du {hint}?"
            self.add(f"based_on.{key}", message, key_node)

        def text(key: str) -> str:
            value = values.get(key)
            if value is None or _is_null(value):
                return ""
            if not isinstance(value, yaml.ScalarNode):
                self.add(f"based_on.{key}", f"ska vara en text, inte en {_shape(value)}. Skriv texten "
                                            "direkt efter fältnamnet.", value)
                return ""
            return self.plain(f"based_on.{key}", " ".join(str(value.value).split()), value)

        title = text("title")
        if not title and not self.has_problem("based_on.title"):
            missing = "saknas" if "title" not in values else "är tomt"
            self.add("based_on.title", f"fältet {missing} men krävs i based_on. Skriv originalets "
                                       "rubrik, till exempel title: LOFT Partnerskapsdagar i Kungsbacka.",
                     node)
        publisher = text("publisher")
        authors = tuple(self.plain("based_on.authors", value, child)
                        for value, child in self.text_list("based_on.authors", values.get("authors"))
                        ) if "authors" in values else ()
        date = self.date("based_on.date", values["date"]) if "date" in values else None
        url = text("url")
        if url and not _HTTPS_URL.match(url):
            self.add("based_on.url", f"\"{url}\" är ingen fullständig https-adress. Skriv hela adressen "
                                     "till originalet, till exempel https://www.ri.se/sv/..., eller ta "
                                     "bort raden om adressen inte är känd.", values["url"])
            url = ""
        if not title:
            return None
        return BasedOn(title=title, publisher=publisher, authors=tuple(a for a in authors if a),
                       date=date, url=url)

    def redirect_from(self) -> tuple[str, ...]:
        """Old addresses of the item: site-relative paths that now lead to it."""
        paths = []
        for value, node in self.text_list("redirect_from"):
            path = value.strip().lstrip("/")
            if path and not path.endswith("/"):
                path += "/"
            if not _SITE_PATH.match(path):
                self.add("redirect_from", f"\"{value}\" är ingen adress på webbplatsen. Skriv den gamla "
                                          "adressen utan https:// och domän, med små bokstäver, till "
                                          "exempel nyheter/2021-11-gammalt-namn/.", node)
            elif path not in paths:
                paths.append(path)
        return tuple(paths)

    def plain(self, key: str, value: str, node: yaml.Node | None = None) -> str:
        """Titles and names are plain text: markup in them would reach the page as HTML."""
        if value and has_markup(value):
            self.add(key, markup_message(value), node)
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
        """Bodies of pathological depth are refused before Markdown sees them
        (loft/limits.py); what the text may contain is judged as HTML (loft/safety.py)."""
        self.problems += nesting(self.front.body, self.path, self.front.body_line)


def validate(path: str, front: FrontMatter, ctype: ContentType,
             facets: list[Facet]) -> tuple[ItemFields, list[Problem]]:
    check = _Checker(path, front, ctype, facets)
    check.unknown_keys()
    result = ItemFields()
    # A draft may leave the type's own required fields (data/types.yml) empty: it
    # is shown only in the preview, and they are checked once draft is false.
    # Title and date stay required (the preview names and sorts by them), and
    # every other rule (values, shapes, safety) applies to drafts as well.
    result.draft = check.draft()
    result.title = check.plain("title", " ".join((check.text("title") or "").split()))
    check.required("title", bool(result.title))
    result.date = check.date()
    check.required("date", result.date is not None)
    summary = check.text("summary")
    result.summary = check.summary(summary)
    if "summary" in ctype.required and not result.draft:
        check.required("summary", bool(result.summary))
    result.authors = tuple(check.plain("authors", value, node)
                           for value, node in check.text_list("authors", plain=True))
    result.based_on = check.based_on()
    result.redirect_from = check.redirect_from()
    for facet in facets:
        result.tags[facet.field] = check.facet(facet)
        if (facet.field in ctype.required and not result.draft and not result.tags[facet.field]
                and not check.has_problem(facet.field)):
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


def markup_message(value: str) -> str:
    return (f"\"{value}\" innehåller tecken som tolkas som HTML (< > eller &...;). "
            "Skriv texten utan dem, till exempel \"mindre än\" i stället för <.")
