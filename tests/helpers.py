"""Writing test content the way an editor would."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import unescape

import yaml


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
