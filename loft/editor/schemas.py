"""JSON Schemas of the front matter, generated from data/ (one source of truth).

One schema per content type (the folder decides the type, and with it which
fields are required), written to schemas/frontmatter-<type>.schema.json so that
editors' editors offer live errors. The schemas describe the same rules as
loft/content/validation.py, which stays the authority. Vocabulary values are matched
as `loft check` matches them: in any letter case, with or without å, ä, ö, é
and ü, with any spaces (text.fold), by a pattern of letter classes (a JSON
Schema enum compares exactly). A draft may leave the type's required fields
empty (if draft is true, else they are required), as in loft/content/validation.py.

The files are generated, not committed: `make` writes them whenever data/
changes (schemas/ is in .gitignore), so a municipality added on GitHub's web
interface needs no manual step.
"""

from __future__ import annotations

import json
from pathlib import Path

from loft.content.dates import FORMAT_HELP
from loft.content.model import ContentType, Facet
from loft.content.project import Project
from loft.content.vocabulary import MATCH_FIELDS

_SYNTAX = set("^$\\.*+?()[]{}|/")
# Letters that text.fold makes equal, each with its upper case.
_FOLDS = {"a": "aAåÅäÄ", "o": "oOöÖ", "e": "eEéÉ", "u": "uUüÜ"}
for _plain, _letters in list(_FOLDS.items()):
    for _letter in _letters:
        _FOLDS[_letter] = _letters

SCHEMA_DIR = "schemas"
DRAFT = "http://json-schema.org/draft-07/schema#"
# ÅÅÅÅ, ÅÅÅÅ-MM or ÅÅÅÅ-MM-DD; YAML reads a bare year as a number.
DATE_PATTERN = r"^(19|20)\d{2}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"


def schema_path(ctype: ContentType) -> str:
    """Path of the type's schema from the repository root."""
    return f"{SCHEMA_DIR}/frontmatter-{ctype.id}.schema.json"


def content_glob(ctype: ContentType) -> str:
    return f"{ctype.source}/**/*.md"


def folded_pattern(names: list[str]) -> str:
    """An ECMAScript pattern matching exactly the texts that fold (text.fold) to one of names."""
    alternatives = []
    for name in dict.fromkeys(" ".join(str(n).split()) for n in names):
        parts = []
        for char in name:
            if char == " ":
                parts.append(r"\s+")
            elif char in _FOLDS:
                parts.append(f"[{_FOLDS[char]}]")
            elif char.lower() != char.upper():
                parts.append(f"[{char.lower()}{char.upper()}]")
            else:  # only syntax characters escaped: \- is an error in a Unicode-mode pattern
                parts.append("\\" + char if char in _SYNTAX else char)
        alternatives.append("".join(parts))
    return r"^\s*(?:" + "|".join(dict.fromkeys(alternatives)) + r")\s*$"


def _facet_schema(facet: Facet, required: bool) -> dict:
    names: list[str] = []
    for term in facet.vocabulary:
        names += [str(name) for name in term.names()]
    listing = ", ".join(f"{t.id} ({t.label})" for t in facet.vocabulary)
    english = any(term.name_en for term in facet.vocabulary)  # the vocabulary has English names
    schema: dict = {
        "description": (f"{facet.title}: en lista, ett värde per rad med bindestreck först. "
                        f"Skriv id, svenskt namn{' eller engelskt namn' if english else ''}. "
                        f"Se alla med: loft list {facet.path}."),
        # null: the key with nothing under it, as loft new writes it (a draft may leave it so).
        "type": ["array", "null"],
        "items": {"type": "string", "pattern": folded_pattern(names),
                  "description": f"Tillåtna värden (stora eller små bokstäver): {listing}."},
    }
    return schema


def build_schema(project: Project, ctype: ContentType) -> dict:
    """The JSON Schema of one content type's front matter."""
    properties: dict = {
        "title": {"description": "Rubriken som den ska stå på webbplatsen.",
                  "type": "string", "minLength": 1},
        "date": {"description": f"Publiceringsdatum. {FORMAT_HELP}",
                 "anyOf": [{"type": "string", "pattern": DATE_PATTERN},
                           {"type": "integer", "minimum": 1900, "maximum": 2100}]},
    }
    for facet in project.facets:
        properties[facet.field] = _facet_schema(facet, facet.field in ctype.required)
    record = project.record
    properties["publishers"] = {
        "description": ("Utgivare: en lista, en per rad med bindestreck först. Skriv id eller namn. "
                        "Se alla med: loft list utgivare."),
        "type": ["array", "null"], "uniqueItems": True,
        "items": {"type": "string", "enum": _names(record.publishers),
                  "description": "Tillåtna värden: " + ", ".join(
                      f"{t.id} ({t.label})" for t in record.publishers) + "."},
    }
    properties["language"] = {
        "description": "Språket materialet är skrivet på; utan fältet svenska. Se alla med: loft list sprak.",
        "type": ["string", "null"], "enum": [*_names(record.languages), None],
    }
    properties["published_at"] = {
        "description": ("Adressen (https://...) till sidan där materialet är publicerat, när filen inte "
                        "ligger här eller som ett komplement. Skriv aldrig in en adress du inte sett."),
        "type": ["string", "null"], "pattern": r"^https://",
    }
    properties["continues"] = {
        "description": ("Adressen till det objekt som det här fortsätter (föregående del), till exempel "
                        "rapporter/ledning-och-styrning-for-innovation-och-fornyelse/."),
        "type": ["string", "null"],
        "pattern": r"^/?[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*/?$",
    }
    properties["identifiers"] = {
        "description": "Identifierare som står i själva dokumentet: isbn, urn_nbn och doi. Hitta aldrig på en.",
        "type": ["object", "null"], "additionalProperties": False,
        "properties": {
            "isbn": {"description": "ISBN med 10 eller 13 siffror, till exempel 978-91-89757-01-1.",
                     "type": ["string", "null"], "pattern": r"^[0-9Xx -]{10,17}$"},
            "urn_nbn": {"description": "URN:NBN, till exempel urn:nbn:se:ri:diva-12345.",
                        "type": ["string", "null"], "pattern": r"^[Uu][Rr][Nn]:[Nn][Bb][Nn]:"},
            "doi": {"description": "DOI, till exempel 10.1234/loft.2022.1.",
                    "type": ["string", "null"], "pattern": r"^(https://doi\.org/)?10\."},
        },
    }
    properties["summary"] = {
        "description": "Sammanfattning på ett stycke (visas i listor och sökresultat).",
        "type": ["string", "null"],
    }
    properties["authors"] = {"description": "Författare, en per rad med bindestreck först.",
                             "type": ["array", "null"], "items": {"type": "string", "minLength": 1}}
    properties["based_on"] = {
        "description": ("Originalet som texten återger, om den bygger på någon annans text: "
                        "rubrik (krävs), utgivare, författare, datum och https-adress där de är kända."),
        "type": ["object", "null"],
        "additionalProperties": False,
        "required": ["title"],
        "properties": {
            "title": {"description": "Originalets rubrik.", "type": "string", "minLength": 1},
            "publisher": {"description": "Vem som publicerade originalet, till exempel Region Västerbotten.",
                          "type": ["string", "null"]},
            "authors": {"description": "Originalets författare, en per rad med bindestreck först.",
                        "type": ["array", "null"], "items": {"type": "string", "minLength": 1}},
            "date": {"description": f"Originalets datum. {FORMAT_HELP}",
                     "anyOf": [{"type": "string", "pattern": DATE_PATTERN},
                               {"type": "integer", "minimum": 1900, "maximum": 2100}, {"type": "null"}]},
            "url": {"description": "Originalets fullständiga adress (https://...), om den är känd.",
                    "type": ["string", "null"], "pattern": r"^https://"},
        },
    }
    properties["redirect_from"] = {
        "description": ("Gamla adresser som ska leda hit, till exempel nyheter/2021-11-gammalt-namn/ "
                        "(när filen har bytt namn)."),
        "type": ["array", "null"],
        "items": {"type": "string", "pattern": r"^/?[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*/?$"},
    }
    properties["draft"] = {"description": "true = utkast: syns i förhandsgranskningen (make serve) "
                                          "men inte på den publicerade webbplatsen.",
                           "type": ["boolean", "null"]}
    # The type's own required fields, unless the item is a draft (draft: true).
    type_required = [f for f in ctype.required if f in properties]
    when_published = {
        "required": type_required,
        "properties": {f: ({"type": "string", "minLength": 1} if f == "summary" else
                           {"type": "array", "minItems": 1}) for f in type_required},
    }
    schema = {
        "$schema": DRAFT,
        "title": f"Front matter för typen {ctype.label.lower()} i LOFT kunskapsbank",
        "description": (f"Fälten överst i en fil i {ctype.source}/. Genererad från data/ av "
                        "`make` (loft schema); ändra inte för hand. Id och "
                        f"{', '.join(MATCH_FIELDS)} godtas i alla skiftlägen och med eller utan "
                        "å, ä och ö, som i loft check. Ett utkast (draft: true) får lämna "
                        "fält som annars krävs tomma."),
        "type": "object",
        "additionalProperties": False,
        "required": ["title", "date"],
        "properties": properties,
    }
    if type_required:
        schema["if"] = {"properties": {"draft": {"const": True}}, "required": ["draft"]}
        schema["else"] = when_published
    return schema


def _names(vocabulary) -> list[str]:
    names: list[str] = []
    for term in vocabulary:
        for name in term.names():
            if str(name) not in names:
                names.append(str(name))
    return names


def render(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def generated_files(project: Project) -> dict[str, str]:
    """Path from the repository root -> file text, for every content type."""
    return {schema_path(t): render(build_schema(project, t)) for t in project.types}


def write_schemas(project: Project) -> list[str]:
    """Write the schemas that differ from the generated ones; return their paths."""
    changed = []
    for relative, text in generated_files(project).items():
        target = Path(project.root) / relative
        if target.is_file() and target.read_text(encoding="utf-8") == text:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        changed.append(relative)
    return changed


def stale_schemas(project: Project) -> list[str]:
    """Committed schemas that no longer match data/ (or are missing)."""
    stale = []
    for relative, text in generated_files(project).items():
        target = Path(project.root) / relative
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            stale.append(relative)
    return stale
