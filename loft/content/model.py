"""The content model: types, facets and the items tagged with them.

Types and facets are what data/types.yml and data/facets.yml declare
(loft/content/data/declarations.py); items are what editors write.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from loft.content.data.declarations import COLUMNS, ROWS, ContentType, Detail, Facet
from loft.content.dates import PartialDate
from loft.content.vocabulary import Term

__all__ = ["Attachment", "BasedOn", "ContentType", "Detail", "Facet", "Item", "MatrixFacets", "Term", "matrix_facets"]


@dataclass(frozen=True)
class Attachment:
    name: str  # path inside the item folder, POSIX
    format: str  # "PDF"
    size: int  # bytes
    source: Path = field(compare=False)
    pages: int | None = None  # a PDF's page count, when the file tells it

    @property
    def extension(self) -> str:
        return self.name.rsplit(".", 1)[-1].lower()


@dataclass(frozen=True)
class BasedOn:
    """The original an item retells (front matter `based_on`): plain text, never markup."""

    title: str
    publisher: str = ""
    authors: tuple[str, ...] = ()
    date: PartialDate | None = None
    url: str = ""  # an https: address, or empty when unknown


@dataclass(frozen=True)
class Item:
    type: ContentType
    slug: str
    source: str  # path of the Markdown file from the repository root
    source_path: Path = field(compare=False)
    title: str
    date: PartialDate
    summary: str = ""
    authors: tuple[str, ...] = ()
    draft: bool = False
    based_on: BasedOn | None = None  # the original this item retells, if any
    # Old site-relative addresses ("nyheter/gammalt-namn/") that now lead here.
    redirect_from: tuple[str, ...] = ()
    # facet field -> ids of its terms, in the order of the vocabulary
    tags: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, hash=False)
    attachments: tuple[Attachment, ...] = ()
    assets: tuple[Attachment, ...] = ()  # images used in the text
    is_folder: bool = False  # index.md in a folder of its own, beside its attachments
    # The publication record (data/publishers.yml, data/languages.yml).
    publishers: tuple[str, ...] = ()  # ids of data/publishers.yml
    language: str = "sv"  # id of data/languages.yml
    published_at: str = ""  # https: address where the work is published, when known
    continues: str = ""  # site address of the item this one continues ("rapporter/namn/")
    continues_at: tuple[int, int] | None = field(default=None, compare=False)
    identifiers: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def url(self) -> str:
        """Site-relative URL of the item's page."""
        return f"{self.type.path}/{self.slug}/"

    @property
    def src_uri(self) -> str:
        """Path the page takes inside the site's docs (what MkDocs calls src_uri)."""
        if self.is_folder:
            return f"{self.type.path}/{self.slug}/index.md"
        return f"{self.type.path}/{self.slug}.md"

    @property
    def year(self) -> int:
        return self.date.year

    def terms(self, facet: Facet) -> list[Term]:
        return [facet.vocabulary.by_id[i] for i in self.tags.get(facet.field, ())]

    def file_url(self, attachment: Attachment) -> str:
        return f"{self.url}{attachment.name}"

    @property
    def sort_key(self) -> tuple:
        """Newest first when sorted in reverse; the URL breaks ties stably."""
        return (self.date.sort_key, _Reversed(self.url))


class _Reversed(str):
    """A string that sorts backwards, so ties read A–Ö in a newest-first list."""

    def __lt__(self, other: str) -> bool:  # type: ignore[override]
        return str.__gt__(self, other)

    def __gt__(self, other: str) -> bool:  # type: ignore[override]
        return str.__lt__(self, other)


class MatrixFacets(NamedTuple):
    """The two facets the overview matrix crosses (data/facets.yml `matrix`)."""

    rows: Facet
    columns: Facet


def matrix_facets(facets) -> MatrixFacets | None:
    """The facets of the matrix's rows and of its columns, as data/facets.yml
    declares them (`matrix: rows`, `matrix: columns`), or None without them."""
    rows = next((f for f in facets if f.matrix == ROWS), None)
    columns = next((f for f in facets if f.matrix == COLUMNS), None)
    return MatrixFacets(rows, columns) if rows is not None and columns is not None else None
