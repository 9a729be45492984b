"""Every data file read once, through one reader and the dataclasses, and checked
against each other: `DataFiles.load(root)`.

A file's own mistakes are found where it is read (loft/content/data/fields.py);
here are the checks across files: the roles of the facets (the matrix's rows
and columns), the address the matrix takes, the fields a type may require, the
term fields data/ names, the schema.org mapping's facets, and the file types
whose content the site can recognise. Nothing raises: every mistake is a
Problem at file:line:column.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

import yaml

from loft.content import files
from loft.content.data import reader
from loft.content.data.declarations import (COLUMNS, ROWS, AttachmentRules, CompoundWords, ContentType, Facet,
                                            Metadata)
from loft.content.data.fields import Checker, Entry, MarkdownText, Mapping, Parts, specs
from loft.content.problems import Problem
from loft.content.urls import MATRIX_SLUG
from loft.content.validation import BASE_FIELDS, RECORD_FIELDS, REQUIRABLE
from loft.content.vocabulary import FacetTerm, Language, Publisher, Term, Vocabulary

TYPES_FILE = "types.yml"
FACETS_FILE = "facets.yml"
PUBLISHERS_FILE = "publishers.yml"
LANGUAGES_FILE = "languages.yml"
METADATA_FILE = "metadata.yml"
ATTACHMENTS_FILE = "attachments.yml"
COMPOUNDS_FILE = "compounds.yml"  # optional: without it no compound is split
_EMPTY = ("filen är tom. Återställ den (git restore data/) eller skriv dess {what} som i kommentaren "
          "överst i filen.")
_NOT_A_LIST = ("filen ska vara en lista med poster: varje post börjar med ett bindestreck och fältet "
               "{key}, till exempel \"- {key}: ...\", och fälten under är indragna med två mellanslag.")


@dataclass(frozen=True)
class DataFiles:
    """Everything data/ declares, read and checked."""

    types: tuple[ContentType, ...]
    facets: tuple[Facet, ...]
    publishers: Vocabulary
    languages: Vocabulary
    metadata: Metadata
    attachments: AttachmentRules
    compounds: CompoundWords
    markdown: tuple[MarkdownText, ...]  # every Markdown field, for the safety check

    @classmethod
    def load(cls, root: Path | str) -> tuple[DataFiles | None, list[Problem]]:
        """The data files of a checkout, or None and every problem found in them."""
        loading = _Loading(Path(root))
        types = loading.entries(TYPES_FILE, ContentType, "id")
        facet_entries = loading.entries(FACETS_FILE, Facet, "field")
        rows = loading.roles(facet_entries)
        facets = []
        for entry in facet_entries:
            vocabulary = loading.vocabulary(entry, holds_matrix=entry is rows)
            facets.append(Facet(**{**entry.values, "vocabulary": vocabulary}))
        publishers = loading.terms(PUBLISHERS_FILE, Publisher)
        languages = loading.terms(LANGUAGES_FILE, Language)
        metadata = loading.mapping(METADATA_FILE, Metadata)
        attachments = loading.mapping(ATTACHMENTS_FILE, AttachmentRules)
        compounds = loading.compounds()
        loading.across(types, facet_entries, metadata, attachments)
        loading.unread()
        if loading.problems:
            return None, list(dict.fromkeys(loading.problems))
        return cls(
            types=tuple(ContentType(**e.values) for e in types), facets=tuple(facets),
            publishers=publishers, languages=languages, metadata=Metadata(**metadata.values),
            attachments=AttachmentRules(**attachments.values), compounds=compounds,
            markdown=tuple(loading.markdown),
        ), []


def load_compounds(root: Path | str) -> tuple[CompoundWords, list[Problem]]:
    """data/compounds.yml alone (its good entries even beside bad ones)."""
    loading = _Loading(Path(root))
    return loading.compounds(), loading.problems


class _Loading:
    """One load of data/: the problems and Markdown fields of every file read."""

    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []
        self.markdown: list[MarkdownText] = []
        self.read_files: set[str] = set()
        # Files with mistakes of their own: checks that rest on them wait until they are
        # right, so that one mistake is one message (a facet left out is no missing role).
        self.broken: set[str] = set()

    def source(self, name: str, optional: bool = False) -> tuple[reader.Source | None, Checker | None]:
        self.read_files.add(name)
        source, problems = reader.read(self.root, name, optional)
        self.problems += problems
        if source is None:
            return None, None
        return source, Checker(source.display, source.text)

    def done(self, check: Checker) -> None:
        if check.problems:
            self.broken.add(check.path)
        self.problems += check.problems
        self.markdown += check.markdown

    # --- the shapes of files ------------------------------------------------
    def entries(self, name: str, cls, key: str) -> list[Entry]:
        """The entries of a file that is a list of records, each key value once."""
        source, check = self.source(name)
        if source is None:
            return []
        found: list[Entry] = []
        if source.root is None:
            check.add(None, reader.FIELD, _EMPTY.format(what="poster"))
        elif not isinstance(source.root, yaml.SequenceNode):
            check.add(source.root, reader.FIELD, _NOT_A_LIST.format(key=key))
        else:
            first: dict[str, int] = {}
            for node in source.root.value:
                entry = check.record(cls, node)
                if entry is None:
                    continue
                value = entry.values[key]
                if value in first:
                    check.problems.append(entry.problem(key, f"{key} \"{value}\" förekommer två gånger (första "
                                                            f"gången på rad {first[value]}). Ta bort den ena "
                                                            f"posten eller byt dess {key}."))
                    continue
                first[value] = entry.at[key][0]
                found.append(entry)
        self.done(check)
        return found

    def mapping(self, name: str, cls) -> Entry | None:
        """A file that is one record."""
        source, check = self.source(name)
        if source is None:
            return None
        entry = None
        if source.root is None:
            check.add(None, reader.FIELD, _EMPTY.format(what="fält"))
        else:
            entry = check.record(cls, source.root, partial=True)
        self.done(check)
        return entry

    def terms(self, name: str, cls: type[Term], matrix_path: str = "") -> Vocabulary:
        """A vocabulary file's terms (matrix_path: the facet's path holds the whole matrix,
        at <path>/matris/, so no term may have that id)."""
        entries = self.entries(name, cls, "id")
        for entry in entries:
            if matrix_path and entry.values["id"] == MATRIX_SLUG:
                self.problems.append(entry.problem("id", f"id \"{MATRIX_SLUG}\" är upptaget: "
                                                         f"{matrix_path}/{MATRIX_SLUG}/ är sidan med hela "
                                                         "översikten. Välj ett annat id."))
        return Vocabulary(Path(name).stem, [cls(**e.values) for e in entries])

    def vocabulary(self, facet: Entry, holds_matrix: bool) -> Vocabulary:
        name = facet.values["vocabulary"]
        if files.kind_problem(self.root / reader.DATA_DIR / name)[1] == files.MISSING:
            self.problems.append(facet.problem("vocabulary", f"filen {reader.display_path(name)} finns inte. "
                                                             "Skapa den med facettens termer eller rätta "
                                                             "filnamnet."))
            self.read_files.add(name)
            return Vocabulary(Path(name).stem, [])
        return self.terms(name, FacetTerm, facet.values["path"] if holds_matrix else "")

    def compounds(self) -> CompoundWords:
        source, check = self.source(COMPOUNDS_FILE, optional=True)
        if source is None:
            return CompoundWords()
        parts = {}
        if source.root is None:
            check.add(None, reader.FIELD, _EMPTY.format(what="sammansatta ord"))
        else:
            found = Mapping(Parts()).read(check, source.root, "")
            if isinstance(found, dict):  # else a problem is reported already
                parts = {word.strip().casefold(): value for word, value in found.items()}
        self.done(check)
        return CompoundWords(parts)

    # --- checks across files -------------------------------------------------
    def roles(self, facets: list[Entry]) -> Entry | None:
        """The facet of the matrix's rows (with one of its columns), or None: each role
        is declared once or not at all, and one goes with the other."""
        if reader.display_path(FACETS_FILE) in self.broken:
            return None
        declared = {role: [e for e in facets if e.values["matrix"] == role] for role in (ROWS, COLUMNS)}
        for role, entries in declared.items():
            for extra in entries[1:]:
                self.problems.append(extra.problem("matrix", f"{role} står redan vid "
                                                             f"{entries[0].values['field']}. Matrisen har en "
                                                             "facett som rader och en som kolumner; ta bort "
                                                             "raden här eller ändra den."))
        for role, other in ((ROWS, COLUMNS), (COLUMNS, ROWS)):
            if declared[role] and not declared[other]:
                self.problems.append(declared[role][0].problem(
                    "matrix", f"{role} behöver en facett med matrix: {other}. Skriv matrix: {other} "
                              "vid en annan facett, eller ta bort raden."))
        return declared[ROWS][0] if declared[ROWS] and declared[COLUMNS] else None

    def across(self, types: list[Entry], facets: list[Entry], metadata: Entry | None,
               attachments: Entry | None) -> None:
        if attachments is not None:
            self.signatures(attachments)
        if reader.display_path(FACETS_FILE) in self.broken:
            return  # the facets are what the rest is checked against
        facet_fields = [e.values["field"] for e in facets]
        term_fields = list(specs(FacetTerm))
        for facet in facets:
            if facet.values["field"] in (*BASE_FIELDS, *RECORD_FIELDS):
                self.problems.append(facet.problem("field", f"\"{facet.values['field']}\" kan inte vara en "
                                                            "facett: det är redan ett fält i front matter. "
                                                            "Välj ett annat namn."))
            for detail in facet.values["details"]:
                self._term_field(facet, "details", detail.field, term_fields, "details.field")
        requirable = [*REQUIRABLE, *facet_fields]
        for ctype in types:
            for name in ctype.values["required"]:
                if name not in requirable:
                    self.problems.append(ctype.problem("required", f"\"{name}\" kan inte krävas. Fält som kan "
                                                                   f"krävas: {', '.join(requirable)}."))
        for name, schema in (metadata.values.get("schema_org", {}) if metadata else {}).items():
            if name not in facet_fields:
                self.problems.append(metadata.problem("schema_org", f"\"{name}\" är ingen facett. "
                                                                    f"Facetter: {', '.join(facet_fields)}.",
                                                      f"schema_org.{name}"))
            for part in fields(schema):
                if part.name not in ("property", "type", "term_set"):
                    self._term_field(metadata, "schema_org", getattr(schema, part.name), term_fields,
                                     f"schema_org.{name}.{part.name}")

    def signatures(self, attachments: Entry) -> None:
        """Only file types whose content the site can recognise (loft/content/files.py)."""
        documents = attachments.values.get("documents", {})
        for extension in sorted({*documents, *attachments.values.get("images", ())}):
            if extension not in files.SIGNATURES:
                self.problems.append(attachments.problem(
                    "documents" if extension in documents else "images",
                    f"filtypen .{extension} har ingen kontroll av filinnehållet (loft/content/files.py, "
                    "SIGNATURES). Lägg till en eller ta bort filtypen."))

    def _term_field(self, entry: Entry, key: str, name: str, term_fields: list[str], field: str = "") -> None:
        if name and name not in term_fields:
            self.problems.append(entry.problem(key, f"\"{name}\" är inget fält i termerna. Fält som finns: "
                                                    f"{', '.join(term_fields)}.", field))

    def unread(self) -> None:
        """Every entry of data/ a regular file, and every other YAML file there
        within the same bounds, though nothing reads it."""
        for entry in files.entries(self.root / reader.DATA_DIR):
            if entry.kind == "other":
                self.problems.append(Problem(reader.display_path(entry.name), None, None, reader.FIELD,
                                             entry.problem))
            elif entry.kind == "file" and entry.name.endswith((".yml", ".yaml")) \
                    and entry.name not in self.read_files:
                self.problems += reader.read(self.root, entry.name)[1]
