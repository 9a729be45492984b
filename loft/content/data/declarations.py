"""One frozen dataclass per data file: what each entry of data/ may hold.

Each field says which key it is read from, by which kind of value, and whether
it is required (loft/content/data/fields.py); the loader reads every file
through them (loft/content/data/load.py). The vocabularies' terms are in
loft/content/vocabulary.py.

    types.yml        ContentType (with StartTask, Citation)
    facets.yml       Facet (with Detail, StartTask)
    metadata.yml     Metadata (Organisation, Contact, FacetSchema, OpenData, ToConfirm)
    attachments.yml  AttachmentRules
    compounds.yml    CompoundWords
"""

from __future__ import annotations

from dataclasses import dataclass, field

from loft.content.data.fields import (Boolean, Choice, DataFile, FieldName, Folder, HttpsAddress, Identifier, Markdown,
                                      Mapping, Record, Records, Text, TextList, declared)
from loft.content.vocabulary import Vocabulary

# How `loft new` and the web editor store a new item of a type (data/types.yml `layout`).
FOLDER = "folder"  # a folder of its own: index.md with its attachments beside it
FILE = "file"  # one Markdown file
DATED_FILE = "dated-file"  # one Markdown file whose name begins with year and month
# What a count says of items of a type without its own nouns ("3 publikationer").
DEFAULT_COUNT_NOUNS = ("publikation", "publikationer")
DEFAULT_SCHEMA_TYPE = "CreativeWork"
DEFAULT_EMPTY = "Inget publicerat material ännu."
# The matrix of the overview charts: the facet of its rows and that of its columns.
ROWS, COLUMNS = "rows", "columns"
# In a start task's text, replaced by the number of the facet's terms.
COUNT_PLACEHOLDER = "{antal}"


@dataclass(frozen=True)
class StartTask:
    """A way in by task on the start page: a link and what it leads to."""

    link: str = declared(Text(), example="link: Läs rapporterna")
    what: str = declared(Text(), example="what: Kunskapsöversikter och analyser")

    def what_with(self, count: int) -> str:
        """what, with {antal} as count (a facet's number of terms)."""
        return self.what.replace(COUNT_PLACEHOLDER, str(count))


@dataclass(frozen=True)
class Citation:
    """How an item of a type is cited: its CSL, BibTeX and RIS types."""

    csl: str = declared(Text(), example="csl: report")
    bibtex: str = declared(Text(), example="bibtex: techreport")
    ris: str = declared(Text(), example="ris: RPRT")


@dataclass(frozen=True)
class ContentType:
    """A content type (data/types.yml): its folder, its addresses, its words and
    how its items are stored, described and cited."""

    id: str = declared(Identifier(), example="id: rapport")  # value of `type` in the catalogue
    label: str = declared(Text(), example="label: Rapport")
    plural: str = declared(Text(), example="plural: Rapporter")
    source: str = declared(Folder(), example="source: reports")  # folder from the repository root
    path: str = declared(Identifier(), example="path: rapporter")  # URL path of listing and items
    required: tuple[str, ...] = declared(TextList(FieldName()), default=())
    intro: str = declared(Markdown(), default="")
    count_nouns: tuple[str, str] = declared(TextList(Text(), size=2), key="count", default=DEFAULT_COUNT_NOUNS)
    layout: str = declared(Choice(FOLDER, FILE, DATED_FILE), default=FILE)
    schema_org: str = declared(Text(), default=DEFAULT_SCHEMA_TYPE)
    citation: Citation | None = declared(Record(Citation), default=None)
    scholar: bool = declared(Boolean(), default=False)
    start_task: StartTask | None = declared(Record(StartTask), default=None)

    @property
    def url(self) -> str:
        return f"{self.path}/"

    @property
    def in_folder(self) -> bool:
        """A new item gets a folder of its own, for its attachments (layout: folder)."""
        return self.layout == FOLDER

    @property
    def dated_name(self) -> bool:
        """A new item's file name begins with year and month (layout: dated-file): recurring
        titles ("Partnerskapsdagar") stay apart and the folder lists them in time order."""
        return self.layout == DATED_FILE


@dataclass(frozen=True)
class Detail:
    """A term field shown on the term's page, with its Swedish label."""

    field: str = declared(FieldName(), example="field: county")
    label: str = declared(Text(), example="label: Län")
    lang: str = declared(Identifier(), default="")


@dataclass(frozen=True)
class Facet:
    """A facet (data/facets.yml): a vocabulary items are tagged with, its pages and its words."""

    field: str = declared(FieldName(), example="field: principles")  # front-matter and catalogue key
    vocabulary: Vocabulary = declared(DataFile(), compare=False, example="vocabulary: principles.yml")
    path: str = declared(Identifier(), example="path: principer")  # URL path
    title: str = declared(Text(), example="title: Principer")
    singular: str = declared(Text(), example="singular: princip")
    item_heading: str = declared(Text(), default="", default_from="title")
    empty: str = declared(Text(), default=DEFAULT_EMPTY)
    intro: str = declared(Markdown(), default="")
    details: tuple[Detail, ...] = declared(Records(Detail), default=())
    matrix: str = declared(Choice(ROWS, COLUMNS), default="")
    start_task: StartTask | None = declared(Record(StartTask), default=None)

    @property
    def url(self) -> str:
        return f"{self.path}/"

    def term_url(self, term_id: str) -> str:
        return f"{self.path}/{term_id}/"


@dataclass(frozen=True)
class Organisation:
    name: str = declared(Text(), example="name: LOFT")
    short_name: str = declared(Text(), default="")
    url: str = declared(HttpsAddress(), default="")
    members: tuple[Organisation, ...] = declared(Records(lambda: Organisation), default=())


@dataclass(frozen=True)
class Contact:
    """The open data's contact point: an organisation's page, never a person's address."""

    url: str = declared(HttpsAddress(), example="url: https://www.ri.se/")
    name: str = declared(Text(), default="")


@dataclass(frozen=True)
class FacetSchema:
    """How one facet's terms appear in schema.org (data/metadata.yml, schema_org)."""

    property: str = declared(Text(), example="property: about")
    type: str = declared(Text(), example="type: DefinedTerm")
    term_set: str = declared(Text(), default="")
    name: str = declared(FieldName(), default="label")
    alternate_name: str = declared(FieldName(), default="")
    identifier: str = declared(FieldName(), default="")
    contained_in: str = declared(FieldName(), default="")


@dataclass(frozen=True)
class OpenData:
    """The catalogue as a DCAT-AP-SE dataset (api/dcat.jsonld)."""

    title: str = declared(Text(), default="")
    description: str = declared(Text(), default="")
    keywords: tuple[str, ...] = declared(TextList(Text()), default=())
    themes: tuple[str, ...] = declared(TextList(Text()), default=())
    licence: str = declared(Text(), default="")


@dataclass(frozen=True)
class Confirmation:
    """A decision LOFT has yet to confirm: empty until it is."""

    value: str = declared(Text(), default="")
    confirmed: bool = declared(Boolean(), default=False)
    proposal: str = declared(Text(), default="")


@dataclass(frozen=True)
class ToConfirm:
    responsible_body: Confirmation | None = declared(Record(Confirmation), default=None)
    contact_address: Confirmation | None = declared(Record(Confirmation), default=None)
    licence: Confirmation | None = declared(Record(Confirmation), default=None)


@dataclass(frozen=True)
class Metadata:
    """data/metadata.yml: who publishes the site, its contact, the facets in schema.org,
    the open data and what LOFT has yet to confirm."""

    publisher: Organisation = declared(Record(Organisation), example="publisher:\n        name: LOFT")
    contact: Contact = declared(Record(Contact), example="contact:\n        url: https://www.ri.se/")
    schema_org: dict[str, FacetSchema] = declared(Mapping(Record(FacetSchema)), default_factory=dict,
                                                  compare=False)
    open_data: OpenData = declared(Record(OpenData), default=OpenData())
    to_confirm: ToConfirm | None = declared(Record(ToConfirm), default=None)


@dataclass(frozen=True)
class AttachmentRules:
    """data/attachments.yml: the file types allowed beside an item's index.md."""

    documents: dict[str, str] = declared(Mapping(Text(), key=Identifier()), compare=False,
                                         example="documents:\n        pdf: PDF")  # extension -> format label
    images: tuple[str, ...] = declared(TextList(Identifier()), default=())

    def allowed(self) -> list[str]:
        return sorted(set(self.documents) | set(self.images))


@dataclass(frozen=True)
class CompoundWords:
    """data/compounds.yml: compound words of the domain and their parts, for the search."""

    parts: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)
