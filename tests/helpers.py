"""Writing test content the way an editor would."""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ET
from html import unescape

import lxml.html
import yaml

from loft.content.site_index import SiteIndex
from loft.safety.trusted import compose


def item_md(body: str = "Brödtext.\n", **fields) -> str:
    """A content file with the given front-matter fields (None values are left out)."""
    data = {k: v for k, v in fields.items() if v is not None}
    front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False)
    return f"---\n{front}---\n\n{body}"


def report(title: str, date: str, principles=("kultur",), municipalities=(), **more) -> str:
    return item_md(title=title, date=date, principles=list(principles),
                   municipalities=list(municipalities) or None,
                   summary=more.pop("summary", f"Sammanfattning av {title}."), **more)


def news(title: str, date: str, principles=(), municipalities=(), **more) -> str:
    return item_md(title=title, date=date, principles=list(principles) or None,
                   municipalities=list(municipalities) or None, **more)


def office_file(extension: str, padding: int = 0) -> bytes:
    """The smallest file the attachment checks accept as DOCX/PPTX/XLSX/ODT/ODP
    (loft/content/files.py SIGNATURES), padded with a stored entry to a given size."""
    import io
    import zipfile

    folder = {"docx": "word/", "pptx": "ppt/", "xlsx": "xl/"}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if extension in folder:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr(f"{folder[extension]}content.xml", "<x/>")
        else:
            kind = {"odt": "text", "odp": "presentation"}[extension]
            archive.writestr("mimetype", f"application/vnd.oasis.opendocument.{kind}")
        if padding:
            archive.writestr("padding.bin", b"0" * padding)
    return buffer.getvalue()


# --- reading built pages ---------------------------------------------------------

def listed_titles(html: str) -> list[str]:
    """Titles of the item cards of a listing page, in order."""
    return [unescape(t) for t in re.findall(r'class="loft-card__title"><a href="[^"]*">([^<]*)</a>', html)]


def table_numbers(fig: ET.Element) -> dict[tuple[str, str], str]:
    """(row heading, column heading) -> cell text of a chart's data table."""
    table = fig.find(".//table")
    heads = [th.text for th in table.find("thead/tr")]
    return {(tr[0].text, heading): "".join(td.itertext())
            for tr in table.find("tbody") for heading, td in zip(heads[1:], tr[1:])}


# --- hostile data ----------------------------------------------------------------

def with_data(index, facets: dict[str, dict] | None = None, types: dict[str, dict] | None = None):
    """A copy of a build's SiteIndex whose facets (by field) and content types (by
    id) have the values given: values from data/ that the loader may well refuse,
    to hold the core's HTML to its own escaping."""
    new_types = [dataclasses.replace(t, **(types or {}).get(t.id, {})) for t in index.types]
    by_id = {t.id: t for t in new_types}
    new_facets = [dataclasses.replace(f, **(facets or {}).get(f.field, {})) for f in index.facets]
    items = [dataclasses.replace(i, type=by_id[i.type.id]) for i in index.items]
    return SiteIndex(items, new_types, new_facets, index.record)


def markup_shape(html: str) -> list[tuple[str, tuple[str, ...]]]:
    """Every element of html and its attributes' names, in document order, as an
    independent parser (lxml, as browsers do) reads them."""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    return [(element.tag, tuple(element.attrib)) for element in root.iter() if isinstance(element.tag, str)]


def text_of(html: str) -> str:
    """html's text and attribute values, as a browser reads them (entities decoded)."""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    values = [v for element in root.iter() if isinstance(element.tag, str) for v in element.attrib.values()]
    return root.text_content() + "\n" + "\n".join(values)


def assert_same_markup(ordinary: list[tuple[str, str]], hostile: list[tuple[str, str]], *values: str) -> None:
    """The same pages, block by block with the same elements and attributes
    (the core's trusted blocks, read by lxml); every hostile value read back as
    text or as an attribute's value."""
    assert len(ordinary) == len(hostile)
    seen = ""
    for (url, mine), (_, theirs) in zip(ordinary, hostile):
        mine, theirs = compose(mine).blocks, compose(theirs).blocks
        assert mine and len(theirs) == len(mine), url
        assert [markup_shape(b) for b in theirs] == [markup_shape(b) for b in mine], url
        seen += "".join(text_of(b) for b in theirs)
    for value in values:
        assert value in seen, value
