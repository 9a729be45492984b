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

from loft.content.dates import FORMAT_HELP, DateError, PartialDate
from loft.content.frontmatter import (FrontMatter, is_null, markup_message, node_position,
                                     not_text_message, plain_text_kind, shape)
from loft.content.limits import nesting
from loft.content.model import BasedOn, ContentType, Facet
from loft.content.problems import Problem
from loft.content.text import HTTPS_URL, closest, fold, has_markup, join_or
from loft.content.vocabulary import Vocabulary

BASE_FIELDS = ("title", "date", "summary", "authors", "based_on", "redirect_from", "draft")
# The fields besides the facets that a type may require (data/types.yml `required`).
REQUIRABLE = ("summary",)
# Fields of the publication record (after the facets, before summary in the list of
# allowed fields): who published it, its language, where it is published, which
# item it continues and its standard identifiers.
RECORD_FIELDS = ("publishers", "language", "published_at", "continues", "identifiers")
# The keys of identifiers, each checked by its form.
IDENTIFIER_FIELDS = ("isbn", "urn_nbn", "doi")
IDENTIFIER_NAMES = {"isbn": "ISBN", "urn_nbn": "URN:NBN", "doi": "DOI"}
# The keys of based_on, the original an item retells (title is required).
BASED_ON_FIELDS = ("title", "publisher", "authors", "date", "url")
# Keys editors tend to write in Swedish; each points at the right one (a facet's
# Swedish names, its path, title and singular, point at its field: swedish_key).
SWEDISH_KEYS = {
    "titel": "title", "rubrik": "title", "datum": "date", "sammanfattning": "summary",
    "ingress": "summary", "beskrivning": "summary", "forfattare": "authors",
    "författare": "authors", "utkast": "draft",
    "kalla": "based_on", "källa": "based_on", "kallor": "based_on", "källor": "based_on",
    "baserad_pa": "based_on", "baserad_på": "based_on", "bygger_pa": "based_on",
    "bygger_på": "based_on", "original": "based_on", "source": "based_on", "basedon": "based_on",
    "is_based_on": "based_on", "omdirigering": "redirect_from", "gammal_adress": "redirect_from",
    "gamla_adresser": "redirect_from", "redirect": "redirect_from", "redirects": "redirect_from",
    "utgivare": "publishers", "publisher": "publishers", "publicerad_av": "publishers",
    "sprak": "language", "språk": "language", "lang": "language",
    "publicerad_pa": "published_at", "publicerad_på": "published_at", "url": "published_at",
    "lank": "published_at", "länk": "published_at", "official_url": "published_at",
    "fortsatter": "continues", "fortsätter": "continues", "foljer_pa": "continues",
    "följer_på": "continues", "del_av": "continues", "part_of": "continues", "previous": "continues",
    "identifierare": "identifiers", "isbn": "identifiers", "doi": "identifiers", "urn": "identifiers",
    "urn_nbn": "identifiers",
}
SWEDISH_IDENTIFIER_KEYS = {"urn": "urn_nbn", "urnnbn": "urn_nbn", "urn:nbn": "urn_nbn", "nbn": "urn_nbn"}
# Keys inside based_on written in Swedish.
SWEDISH_BASED_ON_KEYS = {
    "titel": "title", "rubrik": "title", "utgivare": "publisher", "publicerad_av": "publisher",
    "forfattare": "authors", "författare": "authors", "author": "authors", "datum": "date",
    "lank": "url", "länk": "url", "adress": "url", "webbadress": "url", "link": "url",
}
# An old address on the site: lower-case path segments, ending in /.
_SITE_PATH = re.compile(r"^[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*/$")
# An item's address on the site, as continues: names it ("rapporter/namn/").
_ITEM_PATH = re.compile(r"^[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*/$")
# URN:NBN as the national libraries give it (urn:nbn:se:ri:diva-12345).
_URN_NBN = re.compile(r"^urn:nbn:[a-z]{2}(-[a-z0-9]+)?:[a-z0-9][a-z0-9:._/-]*$", re.IGNORECASE)
# A DOI: 10.<registrant>/<suffix>, without https://doi.org/ in front.
_DOI = re.compile(r"^10\.\d{4,9}/[^\s\"'<>]+$")
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
    publishers: tuple[str, ...] = ()
    language: str = ""
    published_at: str = ""
    continues: str = ""  # the site address of the item this one continues
    continues_at: tuple[int, int] | None = None  # line, column of that value
    identifiers: dict[str, str] = field(default_factory=dict)


class _Checker:
    def __init__(self, path: str, front: FrontMatter, ctype: ContentType, facets: list[Facet],
                 record: RecordVocabularies | None = None):
        self.path, self.front, self.ctype, self.facets = path, front, ctype, facets
        self.record = record
        self.problems: list[Problem] = []
        self.allowed = [*BASE_FIELDS[:2], *(f.field for f in facets),
                        *(RECORD_FIELDS if record is not None else ()), *BASE_FIELDS[2:]]

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
        if node is None or is_null(node):
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.add(key, f"ska vara en text, inte en {shape(node)}. Skriv {key}: följt av texten "
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
        if node is None or is_null(node):
            return []
        if isinstance(node, yaml.ScalarNode):
            # based_on.authors: the example shows the key as it is written, indented.
            name, pad = key.rsplit(".", 1)[-1], "  " * key.count(".")
            self.add(key, f"ska vara en lista, inte en enstaka text (\"{node.value}\"). "
                          f"Skriv varje värde på en egen rad under {name}: med ett bindestreck "
                          f"först, till exempel:\n      {pad}{name}:\n        {pad}- {node.value}", node)
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.add(key, f"ska vara en lista, inte en {shape(node)}.", node)
            return []
        values = []
        for child in node.value:
            if not isinstance(child, yaml.ScalarNode) or is_null(child) or not str(child.value).strip():
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
            hint = swedish_key(key, self.facets) or closest(key, allowed_folded)
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
        if node is None or is_null(node):
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.add(key, f"ska vara ett datum, inte en {shape(node)}. {FORMAT_HELP}", node)
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
        if node is None or is_null(node):
            return None
        example = ("\n      based_on:\n        title: Originalets rubrik\n"
                   "        publisher: Region Västerbotten\n        date: 2021-08-16")
        if not isinstance(node, yaml.MappingNode):
            self.add("based_on", f"ska vara en samling av fält ({', '.join(BASED_ON_FIELDS)}), inte en "
                                 f"{shape(node)}. Skriv fälten indragna under based_on:, till exempel:"
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
            if value is None or is_null(value):
                return ""
            if not isinstance(value, yaml.ScalarNode):
                self.add(f"based_on.{key}", f"ska vara en text, inte en {shape(value)}. Skriv texten "
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
        if url and not HTTPS_URL.match(url):
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
            path = _site_path(value)
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
        if node is None or is_null(node):
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

    # --- the publication record ------------------------------------------
    def terms(self, key: str, vocabulary: Vocabulary, noun: str, listing: str) -> tuple[str, ...]:
        """A list of terms of a vocabulary that is not a facet (publishers)."""
        ids: list[str] = []
        for value, node in self.text_list(key):
            term = vocabulary.resolve(value)
            if term is None:
                self.add(key, _unknown_term(noun, value, vocabulary, listing), node)
            elif term.id not in ids:
                ids.append(term.id)
        return tuple(sorted(ids, key=vocabulary.position.__getitem__))

    def language(self, vocabulary: Vocabulary) -> str:
        value = self.text("language")
        if value is None:
            return ""
        term = vocabulary.resolve(value)
        if term is None:
            self.add("language", _unknown_term("språk", value, vocabulary, "sprak"),
                     self.front.fields.get("language"))
            return ""
        return term.id

    def published_at(self) -> str:
        url = self.text("published_at")
        if url and not HTTPS_URL.match(url):
            self.add("published_at", f"\"{url}\" är ingen fullständig https-adress. Skriv hela adressen "
                                     "till sidan där materialet är publicerat, till exempel "
                                     "https://www.ri.se/sv/..., eller ta bort raden om adressen inte är känd.",
                     self.front.fields.get("published_at"))
            return ""
        return url or ""

    def continues(self) -> tuple[str, tuple[int, int] | None]:
        """The item this one continues, by its address on the site ("rapporter/namn/");
        whether that item exists is checked once every item is read (loft/content/project.py)."""
        value = self.text("continues")
        if not value:
            return "", None
        node = self.front.fields.get("continues")
        path = _site_path(value, item_file=True)
        if not _ITEM_PATH.match(path):
            self.add("continues", f"\"{value}\" är ingen adress till ett objekt. Skriv adressen till det "
                                  "objekt som det här fortsätter, utan https:// och domän, till exempel "
                                  "rapporter/ledning-och-styrning-for-innovation-och-fornyelse/.", node)
            return "", None
        return path, node_position(node, 1)

    def identifiers(self) -> dict[str, str]:
        node = self.front.fields.get("identifiers")
        if node is None or is_null(node):
            return {}
        if not isinstance(node, yaml.MappingNode):
            self.add("identifiers", f"ska vara en samling av fält ({', '.join(IDENTIFIER_FIELDS)}), inte en "
                                    f"{shape(node)}. Skriv varje identifierare indragen under identifiers:, "
                                    "till exempel:\n      identifiers:\n        isbn: 978-91-89757-01-1", node)
            return {}
        found: dict[str, str] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key not in IDENTIFIER_FIELDS:
                hint = SWEDISH_IDENTIFIER_KEYS.get(fold(key)) or closest(key, {k: k for k in IDENTIFIER_FIELDS})
                message = f"okänt fält i identifiers. Tillåtna fält: {', '.join(IDENTIFIER_FIELDS)}."
                if hint in IDENTIFIER_FIELDS:
                    message += f" Menade du {hint}?"
                self.add(f"identifiers.{key}", message, key_node)
                continue
            if key in found:
                self.add(f"identifiers.{key}", "fältet förekommer två gånger i identifiers. Ta bort det ena.",
                         key_node)
                continue
            if is_null(value_node):
                continue
            if not isinstance(value_node, yaml.ScalarNode):
                self.add(f"identifiers.{key}", f"ska vara en text, inte en {shape(value_node)}. Skriv "
                                               "identifieraren direkt efter fältnamnet.", value_node)
                continue
            value = " ".join(str(value_node.value).split())
            problem = identifier_problem(key, value)
            if problem:
                self.add(f"identifiers.{key}", problem, value_node)
                continue
            found[key] = normal_identifier(key, value)
        return found

    def body(self) -> None:
        """Bodies of pathological depth are refused before Markdown sees them
        (loft/content/limits.py); what the text may contain is judged as HTML (loft/safety/sanitizer.py)."""
        self.problems += nesting(self.front.body, self.path, self.front.body_line)


def swedish_key(key: str, facets: list[Facet]) -> str | None:
    """The field a key written in Swedish stands for ("datum": date, "principer": principles)."""
    folded = fold(key)
    return SWEDISH_KEYS.get(folded) or next(
        (f.field for f in facets if folded in (fold(f.path), fold(f.title), fold(f.singular))), None)


@dataclass(frozen=True)
class RecordVocabularies:
    """Vocabularies of the record fields that are not facets (data/publishers.yml,
    data/languages.yml)."""

    publishers: Vocabulary
    languages: Vocabulary


def validate(path: str, front: FrontMatter, ctype: ContentType, facets: list[Facet],
             record: RecordVocabularies | None = None) -> tuple[ItemFields, list[Problem]]:
    check = _Checker(path, front, ctype, facets, record)
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
    if record is not None:
        result.publishers = check.terms("publishers", record.publishers, "utgivare", "utgivare")
        result.language = check.language(record.languages)
        result.published_at = check.published_at()
        result.continues, result.continues_at = check.continues()
        result.identifiers = check.identifiers()
    check.body()
    return result, check.problems


def _unknown_term(noun: str, value: str, vocabulary: Vocabulary, listing: str) -> str:
    message = f"okänt {noun} \"{value}\"." if noun == "språk" else f"okänd {noun} \"{value}\"."
    if len(vocabulary) <= MAX_LISTED_VALUES:
        message += " Tillåtna värden: " + ", ".join(f"{t.id} ({t.label})" for t in vocabulary) + "."
    else:
        message += f" Se tillåtna värden med: loft list {listing}."
    suggestion = vocabulary.suggest(value)
    if suggestion:
        message += f" Menade du {suggestion.label}?"
    return message


def isbn_valid(value: str) -> bool:
    digits = re.sub(r"[\s-]", "", value).upper()
    if re.fullmatch(r"\d{9}[\dX]", digits):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(digits))
        return total % 11 == 0
    if re.fullmatch(r"97[89]\d{10}", digits):
        total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(digits))
        return total % 10 == 0
    return False


def identifier_problem(key: str, value: str) -> str:
    """Swedish message when an identifier does not have its form, else ""."""
    if key == "isbn" and not isbn_valid(value):
        return (f"\"{value}\" är inget giltigt ISBN: det ska ha 10 eller 13 siffror (bindestreck går bra) "
                "och kontrollsiffran ska stämma. Skriv av numret från rapportens tryckortssida, till exempel "
                "978-91-89757-01-1, eller ta bort raden.")
    if key == "urn_nbn" and not _URN_NBN.match(value):
        return (f"\"{value}\" är inget URN:NBN. Det börjar med urn:nbn: och landskoden, till exempel "
                "urn:nbn:se:ri:diva-12345 (så som det står i DiVA).")
    if key == "doi":
        bare = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:)", "", value, flags=re.IGNORECASE)
        if not _DOI.match(bare):
            return (f"\"{value}\" är ingen DOI. En DOI börjar med 10. följt av siffror, ett snedstreck och "
                    "resten, till exempel 10.1234/loft.2022.1.")
    return ""


def normal_identifier(key: str, value: str) -> str:
    """The identifier as stored: a DOI without its resolver, a URN:NBN in lower case."""
    if key == "doi":
        return re.sub(r"^(https?://(dx\.)?doi\.org/|doi:)", "", value, flags=re.IGNORECASE)
    if key == "urn_nbn":
        return value.lower()
    return value


def _site_path(value: str, item_file: bool = False) -> str:
    """An address as editors write it (with or without slashes; with item_file,
    also as the item's file: reports/namn.md, reports/namn/index.md) in the
    site's form: namn/namn/."""
    path = value.strip().lstrip("/")
    if item_file and path.endswith(".md"):
        path = path[:-3].removesuffix("/index")
    if path and not path.endswith("/"):
        path += "/"
    return path
