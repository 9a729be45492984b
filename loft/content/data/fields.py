"""Entries of data/ checked field by field into frozen dataclasses.

A dataclass says which YAML keys it reads with `declared(kind, ...)` on each
field; `Checker.record` walks a mapping node against those declarations the
way loft/content/validation.py walks front matter: every unknown, missing,
empty or wrongly shaped key is one Problem at its line and column, named by
its key and saying what to write instead. Values are never constructed by
YAML: each kind reads its scalar or list itself, so a date, a number or a tag
where text belongs is a message, never a surprise further on.

Markdown fields (`Markdown`) are noted as they are read, with the stretch of
the file they came from, so that the safety check of data/ covers exactly
the fields the dataclasses declare as Markdown (loft/safety/text_check.py).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass
from typing import Any

import yaml

from loft.content.frontmatter import (STR_TAG, is_null, markup_message, node_position, not_text_message,
                                      plain_text_kind, shape)
from loft.content.problems import Problem
from loft.content.text import HTTPS_URL, closest, fold, has_markup, slugify

INVALID = object()  # a value that had a problem (reported where it was found)
_BOOL_TAG = "tag:yaml.org,2002:bool"
_INT_TAG = "tag:yaml.org,2002:int"


@dataclass(frozen=True)
class Spec:
    kind: Kind
    key: str  # the key in the YAML file
    required: bool
    example: str  # what to write, in the message for a missing or empty field
    default_from: str  # a missing value is that of this field ("" for none)


def declared(kind: Kind, *, default: Any = dataclasses.MISSING, default_factory: Any = dataclasses.MISSING,
             key: str = "", example: str = "", default_from: str = "", compare: bool = True) -> Any:
    """A dataclass field read from the key of the same name (or key) by kind.
    Without a default the key is required."""
    required = default is dataclasses.MISSING and default_factory is dataclasses.MISSING
    spec = Spec(kind, key, required, example, default_from)
    return dataclasses.field(default=default, default_factory=default_factory, compare=compare,
                             metadata={"loft": spec})


@functools.cache  # Term.get asks on every page that shows a term's field
def specs(cls) -> dict[str, Spec]:
    """Attribute name -> Spec of every field the dataclass reads from YAML."""
    return {f.name: f.metadata["loft"] for f in dataclasses.fields(cls) if "loft" in f.metadata}


@dataclass(frozen=True)
class MarkdownText:
    """A Markdown field of a data file, where it stands in the file."""

    path: str
    line: int
    field: str
    text: str
    source: str  # the lines of the file the value was read from


@dataclass(frozen=True)
class Entry:
    """A record read from a mapping of a file, and where its keys stand ("" is the
    mapping itself), so that checks across files can point at the value."""

    path: str
    values: dict[str, Any]  # attribute -> value (only the good ones, when read partially)
    at: dict[str, tuple[int, int]]

    def problem(self, name: str, message: str, field: str = "") -> Problem:
        """A problem at the key name (field: a more precise name to show, "schema_org.x")."""
        line, column = self.at.get(name, self.at[""])
        return Problem(self.path, line, column, field or name, message)


class Checker:
    """Reads one data file's nodes; collects the problems and the Markdown fields."""

    def __init__(self, path: str, text: str):
        self.path, self.text = path, text
        self.problems: list[Problem] = []
        self.markdown: list[MarkdownText] = []

    def add(self, node: yaml.Node | None, field: str, message: str) -> None:
        line, column = node_position(node, 0) if node is not None else (1, 1)
        self.problems.append(Problem(self.path, line, column, field, message))

    def note_markdown(self, node: yaml.Node, field: str, text: str) -> None:
        source = self.text[node.start_mark.index:node.end_mark.index]
        self.markdown.append(MarkdownText(self.path, node.start_mark.line + 1, field, text, source))

    # --- mappings ---------------------------------------------------------
    def pairs(self, node: yaml.Node, field: str) -> list[tuple[str, yaml.Node, yaml.Node]] | None:
        """(key, key node, value node) of a mapping, each key once and a word; None if no mapping."""
        if not isinstance(node, yaml.MappingNode):
            return None
        found: list[tuple[str, yaml.Node, yaml.Node]] = []
        lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != STR_TAG:
                self.add(key_node, field or "data", "ett fältnamn ska vara ett ord, till exempel label. Ta bort "
                                                    "tecknen framför kolonet eller skriv fältet som namn: värde.")
                continue
            key = key_node.value
            if key in lines:
                self.add(key_node, _join(field, key), f"fältet förekommer två gånger (första gången på rad "
                                                      f"{lines[key]}). Ta bort det ena.")
                continue
            lines[key] = key_node.start_mark.line + 1
            found.append((key, key_node, value_node))
        return found

    def record(self, cls, node: yaml.Node, field: str = "", partial: bool = False) -> Entry | None:
        """The values of cls's declared fields from a mapping node, or None after a
        problem (partial: the good values all the same, for the checks across files)."""
        declared_specs = specs(cls)
        by_key = {spec.key or name: name for name, spec in declared_specs.items()}
        pairs = self.pairs(node, field)
        if pairs is None:
            self.add(node, field or "data", f"ska vara en samling av fält ({', '.join(by_key)}), inte en "
                                            f"{shape(node)}. Skriv fälten indragna på egna rader, "
                                            "som namn: värde.")
            return None
        before = len(self.problems)
        present: dict[str, yaml.Node] = {}
        at = {"": node_position(node, 0)}
        for key, key_node, value_node in pairs:
            if key not in by_key:
                hint = closest(key, {fold(k): k for k in by_key})
                message = f"okänt fält i {self.path}. Tillåtna fält här: {', '.join(by_key)}."
                self.add(key_node, _join(field, key), message + (f" Menade du {hint}?" if hint else ""))
                continue
            present[by_key[key]] = value_node
            at[by_key[key]] = node_position(key_node, 0)
        values: dict[str, Any] = {}
        for name, spec in declared_specs.items():
            key = spec.key or name
            value_node = present.get(name)
            value = INVALID
            if value_node is not None and not is_null(value_node):
                value = spec.kind.read(self, value_node, _join(field, key))
                if value is INVALID:
                    continue
            if value is INVALID or value in ("", ()):
                if spec.required:
                    missing = "saknas" if value_node is None else "är tomt"
                    example = f" Skriv till exempel {spec.example}." if spec.example else ""
                    self.add(node if value_node is None else value_node, _join(field, key),
                             f"fältet {missing} men krävs i {self.path}.{example}")
                    continue
                if value is INVALID:
                    value = _default(cls, name)
            values[name] = value
        if len(self.problems) > before:
            return Entry(self.path, values, at) if partial else None
        for name, spec in declared_specs.items():
            if spec.default_from and not values.get(name):
                values[name] = values[spec.default_from]
        return Entry(self.path, values, at)

    def build(self, cls, node: yaml.Node, field: str = ""):
        """An instance of cls from a mapping node, or None after a problem."""
        entry = self.record(cls, node, field)
        return None if entry is None else cls(**entry.values)


def _join(field: str, key: str) -> str:
    return f"{field}.{key}" if field else key


def _default(cls, name: str) -> Any:
    spec = next(f for f in dataclasses.fields(cls) if f.name == name)
    return spec.default_factory() if spec.default is dataclasses.MISSING else spec.default


def _name(field: str) -> str:
    return field.rsplit(".", 1)[-1]


# --- kinds of value ----------------------------------------------------------

class Kind:
    """How one value is read: read() returns it, or INVALID after adding a problem."""

    def read(self, check: Checker, node: yaml.Node, field: str) -> Any:
        raise NotImplementedError


class Text(Kind):
    """Plain text: a YAML string without markup (labels and titles reach page titles,
    which the theme prints as they are)."""

    plain = True

    def read(self, check, node, field):
        if not isinstance(node, yaml.ScalarNode):
            check.add(node, field, f"ska vara en text, inte en {shape(node)}. Skriv {_name(field)}: följt av "
                                   "texten på samma rad.")
            return INVALID
        kind = plain_text_kind(node)
        if kind is not None:
            check.add(node, field, not_text_message(_name(field), node, kind))
            return INVALID
        if self.plain and has_markup(node.value):
            check.add(node, field, markup_message(node.value))
            return INVALID
        return self.checked(check, node, field, node.value)

    def checked(self, check, node, field, value: str):
        return value


class Markdown(Text):
    """Text that is published as Markdown: checked against the sanitizer's
    allow-list by loft check and sanitized when published."""

    plain = False

    def checked(self, check, node, field, value):
        check.note_markdown(node, field, value)
        return value


class Identifier(Text):
    """An id, an address segment or a field name: a-z, 0-9 and hyphens."""

    def checked(self, check, node, field, value):
        if slugify(value) != value:
            better = slugify(value) or "nytt-id"
            check.add(node, field, f"\"{value}\" får bara innehålla a–z, 0–9 och bindestreck "
                                   f"(till exempel \"{better}\").")
            return INVALID
        return value


class Pattern(Text):
    """Text of a given form; message says what is wrong and how to write it ({value}: the value)."""

    pattern: re.Pattern
    message: str

    def checked(self, check, node, field, value):
        if not self.pattern.match(value):
            check.add(node, field, self.message.format(value=value))
            return INVALID
        return value


class FieldName(Pattern):
    """The name of a field: of front matter, or of a vocabulary's terms."""

    pattern = re.compile(r"^[a-z][a-z0-9_]*$")
    message = ("\"{value}\" är inget fältnamn. Skriv det med små bokstäver a–z, siffror och understreck, "
               "till exempel official_name.")


class Folder(Pattern):
    """A folder from the repository root: lower-case names, no "..", no leading "/"."""

    pattern = re.compile(r"^[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*$")
    message = ("\"{value}\" är ingen mapp i repositoriet. Skriv mappen från repositoriets rot med små "
               "bokstäver, siffror och bindestreck, till exempel reports eller docs/nyheter.")


class DataFile(Pattern):
    """The name of another file in data/."""

    pattern = re.compile(r"^[a-z0-9][a-z0-9_-]*\.yml$")
    message = ("\"{value}\" är inget filnamn i data/. Skriv filens namn med små bokstäver och .yml på "
               "slutet, till exempel teman.yml.")


class HttpsAddress(Pattern):
    pattern = HTTPS_URL
    message = ("\"{value}\" är ingen fullständig https-adress. Skriv hela adressen, till exempel "
               "https://www.ri.se/.")


class Choice(Text):
    def __init__(self, *values: str):
        self.values = values

    def checked(self, check, node, field, value):
        if value not in self.values:
            hint = closest(value, {fold(v): v for v in self.values})
            check.add(node, field, f"\"{value}\" är inget tillåtet värde. Tillåtna värden: "
                                   f"{', '.join(self.values)}." + (f" Menade du {hint}?" if hint else ""))
            return INVALID
        return value


class Integer(Kind):
    def read(self, check, node, field):
        if isinstance(node, yaml.ScalarNode) and node.tag == _INT_TAG:
            try:
                return int(node.value.replace("_", ""), 0)
            except ValueError:
                pass
        shown = f"\"{node.value}\"" if isinstance(node, yaml.ScalarNode) else f"en {shape(node)}"
        check.add(node, field, f"ska vara ett heltal, inte {shown}. Skriv siffrorna utan citattecken, "
                               f"till exempel {_name(field)}: 1.")
        return INVALID


class Boolean(Kind):
    def read(self, check, node, field):
        if isinstance(node, yaml.ScalarNode) and node.tag == _BOOL_TAG:
            return node.value.lower() in ("true", "yes", "on", "y")
        value = node.value if isinstance(node, yaml.ScalarNode) else shape(node)
        check.add(node, field, f"ska vara true eller false, inte \"{value}\". Skriv {_name(field)}: true "
                               "eller ta bort raden.")
        return INVALID


class TextList(Kind):
    """A list of values of one kind (size: exactly that many)."""

    def __init__(self, item: Kind, size: int | None = None):
        self.item, self.size = item, size

    def read(self, check, node, field):
        if isinstance(node, yaml.ScalarNode):
            check.add(node, field, f"ska vara en lista, inte en enstaka text (\"{node.value}\"). Skriv "
                                   f"värdena inom hakparenteser, till exempel {_name(field)}: [{node.value}].")
            return INVALID
        if not isinstance(node, yaml.SequenceNode):
            check.add(node, field, f"ska vara en lista, inte en {shape(node)}.")
            return INVALID
        values = []
        for child in node.value:
            if not self.readable(child):
                check.add(child, field, "varje värde i listan ska vara en text; ett värde är tomt eller är "
                                        "själv en lista.")
                return INVALID
            value = self.item.read(check, child, field)
            if value is INVALID:
                return INVALID
            values.append(value)
        if self.size is not None and len(values) != self.size:
            check.add(node, field, f"ska vara en lista med exakt {self.size} värden, inte {len(values)}.")
            return INVALID
        return tuple(values)

    def readable(self, child: yaml.Node) -> bool:
        return isinstance(child, yaml.ScalarNode) and not is_null(child) and bool(child.value.strip())


class Record(Kind):
    """A mapping read into the dataclass cls (or the one a function gives, for a
    dataclass that holds records of its own kind)."""

    def __init__(self, cls):
        self.cls = cls

    def read(self, check, node, field):
        cls = self.cls if isinstance(self.cls, type) else self.cls()
        value = check.build(cls, node, field)
        return INVALID if value is None else value


class Records(TextList):
    """A list of mappings, each read into the dataclass cls."""

    def __init__(self, cls):
        super().__init__(Record(cls))

    def readable(self, child):
        return True  # Record says what is wrong with anything but a mapping


class Mapping(Kind):
    """Keys chosen by the editor (extensions, facet fields, words), each value of one kind."""

    def __init__(self, value: Kind, key: Kind | None = None):
        self.value, self.key = value, key

    def read(self, check, node, field):
        pairs = check.pairs(node, field)
        if pairs is None:
            check.add(node, field or "data", f"ska vara en samling av fält (namn: värde), inte en "
                                             f"{shape(node)}.")
            return INVALID
        found = {}  # the good pairs, even beside bad ones (the problems stop the build anyway)
        for key, key_node, value_node in pairs:
            if self.key is not None and self.key.read(check, key_node, _join(field, key)) is INVALID:
                continue
            if is_null(value_node):
                check.add(value_node, _join(field, key), f"fältet är tomt men krävs i {check.path}.")
                continue
            value = self.value.read(check, value_node, _join(field, key))
            if value is not INVALID:
                found[key] = value
        return found


class Parts(Kind):
    """The parts of a compound word: at least two words."""

    def read(self, check, node, field):
        parts = node.value if isinstance(node, yaml.SequenceNode) else []
        if len(parts) < 2 or not all(isinstance(p, yaml.ScalarNode) and p.tag == STR_TAG and p.value.strip()
                                     for p in parts):
            check.add(node, field, f"\"{field}\" ska följas av minst två delord inom hakparenteser, "
                                   f"till exempel \"{field}: [innovation, ledning]\".")
            return INVALID
        return tuple(p.value.strip().casefold() for p in parts)
