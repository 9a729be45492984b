"""`loft new`: a new item's file, with every front-matter key explained in Swedish.

The required fields that only the editor can fill (summary, principles) are left
empty on purpose, so `loft check` names exactly what is missing until they are
filled: a placeholder would pass the check and be published as it stands.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from loft.content.dates import FORMAT_HELP
from loft.content.model import ContentType, Facet
from loft.content.project import RESERVED_SLUGS, Project
from loft.content.text import slugify
from loft.content.validation import MAX_LISTED_VALUES


class ScaffoldError(Exception):
    """The item cannot be created; the message (Swedish) says why and what to do."""


@dataclass(frozen=True)
class NewItem:
    path: Path  # the Markdown file
    folder: Path | None  # the item's own folder, for attachments


def target_for(project: Project, ctype: ContentType, title: str, today: dt.date) -> NewItem:
    slug = slugify(title)
    if not slug:
        raise ScaffoldError(f"rubriken \"{title}\" ger ingen adress: den måste innehålla "
                            "minst en bokstav eller siffra.")
    if slug in RESERVED_SLUGS:
        raise ScaffoldError(f"rubriken \"{title}\" ger adressen \"{slug}\", som är reserverad. "
                            "Välj en längre rubrik.")
    if ctype.dated_name:
        slug = f"{today:%Y-%m}-{slug}"
    base = project.root / ctype.source
    if ctype.in_folder:
        folder = base / slug
        new = NewItem(folder / "index.md", folder)
    else:
        new = NewItem(base / f"{slug}.md", None)
    # Either form of the same slug gives the same URL: refuse both.
    for existing in (base / slug, base / f"{slug}.md"):
        if existing.exists():
            raise ScaffoldError(f"{project.display(existing)} finns redan. Inget skrevs över. "
                                "Välj en annan rubrik, eller öppna och redigera den befintliga filen.")
    return new


def _quote(text: str) -> str:
    """A YAML scalar that reads back as exactly text (JSON strings are YAML)."""
    return json.dumps(" ".join(text.split()), ensure_ascii=False)


def _facet_lines(facet: Facet, ctype: ContentType) -> list[str]:
    terms = list(facet.vocabulary)
    if facet.field in ctype.required:
        need = f"Krävs: minst en {facet.singular}."
    else:
        need = "Frivilligt: lämna tomt om ingen passar."
    lines = [f"# {facet.title} som materialet handlar om. {need}",
             "# Skriv en per rad under fältet, med två mellanslag och ett bindestreck först,"]
    if terms:
        lines.append(f"# till exempel \"  - {terms[0].id}\". Både id och namn går bra.")
    if len(terms) <= MAX_LISTED_VALUES:
        lines.append(f"# Tillåtna värden (samma lista ger: loft list {facet.path}):")
        width = max(len(t.id) for t in terms) + 2 if terms else 0
        lines += [f"#   {t.id:<{width}}{t.label}" for t in terms]
    else:
        lines.append(f"# Se alla {len(terms)} tillåtna värden med: loft list {facet.path}")
    lines.append(f"{facet.field}:")
    return lines


def render(project: Project, ctype: ContentType, title: str, today: dt.date, draft: bool) -> str:
    """The new file's text: front matter with a comment over every key, and a body."""
    summary_need = ("Krävs." if "summary" in ctype.required
                    else "Frivilligt, men visas i listor och sökresultat.")
    lines = [
        "---",
        "# Rubriken som den ska stå på webbplatsen. Skriv den inom citattecken.",
        f"title: {_quote(title)}",
        f"# Publiceringsdatum. {FORMAT_HELP}",
        f"date: {today.isoformat()}",
    ]
    for facet in project.facets:
        lines += _facet_lines(facet, ctype)
    lines += [
        f"# Sammanfattning på ett stycke, utan tomma rader. {summary_need}",
        "# Skriv texten på raderna under \"summary: >-\", indragen med två mellanslag.",
        "summary: >-",
        "",
        "# Författare: frivilligt. En per rad med bindestreck först, till exempel \"  - Anna Andersson\".",
        "authors:",
        "# Utgivare: frivilligt. Organisationen som gav ut materialet, en per rad, till exempel",
        "# \"  - rise\". Se tillåtna värden med: loft list utgivare",
        "publishers:",
        "# Språk: frivilligt; utan fältet svenska (sv). Se tillåtna värden med: loft list sprak",
        "# language: sv",
        "# Adressen (https://...) till sidan där materialet är publicerat, om filen inte ligger",
        "# här. Ta bort # och fyll i; skriv aldrig in en adress du inte sett.",
        "# published_at: \"https://...\"",
        "# Om materialet är en fortsättning (del 2 av en serie): adressen till föregående del.",
        "# continues: rapporter/foregaende-del/",
        "# Identifierare som står i själva dokumentet (ISBN, URN:NBN, DOI). Hitta aldrig på en.",
        "# identifiers:",
        "#   isbn: \"978-91-...\"",
        "#   urn_nbn: \"urn:nbn:se:...\"",
        "#   doi: \"10....\"",
        "# Källa: bara om texten återger någon annans text, till exempel en nyhet från en",
        "# annan organisation. Den som skrev originalet står här, inte under authors.",
        "# Ta bort # framför raderna och fyll i det som är känt; title krävs, url ska börja",
        "# med https:// och datumet skrivs som date ovan. Skriv aldrig in en adress du inte sett.",
        "# based_on:",
        "#   title: \"Originalets rubrik\"",
        "#   publisher: \"Organisationen som publicerade originalet\"",
        "#   authors:",
        "#     - \"Förnamn Efternamn\"",
        "#   date: 2023-05",
        "#   url: \"https://...\"",
        "# true = utkast: syns bara i förhandsgranskningen (make serve), inte på webbplatsen.",
        "# Ett utkast får ha tomma fält som annars krävs; de kontrolleras när du skriver false.",
        "# Skriv false (eller ta bort raden) när texten ska publiceras.",
        f"draft: {'true' if draft else 'false'}",
        "---",
        "",
    ]
    if ctype.in_folder:
        where = "i samma mapp som den här filen"
        lines.append(f"<!-- Skriv texten här under. Lägg PDF-filen och andra bilagor {where}; "
                     "de visas som nedladdningar på sidan. Den här kommentaren syns inte på webbplatsen. -->")
    else:
        lines.append("<!-- Skriv texten här under. Den här kommentaren syns inte på webbplatsen. -->")
    lines.append("")
    return "\n".join(lines)


def create(project: Project, type_id: str, title: str, today: dt.date | None = None,
           draft: bool = True) -> NewItem:
    """Write the new item; raise ScaffoldError rather than overwrite anything."""
    ctype = project.type_by_id.get(type_id)
    if ctype is None:
        choices = ", ".join(t.id for t in project.types)
        raise ScaffoldError(f"okänd typ \"{type_id}\". Välj bland: {choices}.")
    if not title.strip():
        raise ScaffoldError("rubriken är tom. Skriv den inom citattecken, till exempel "
                            f"loft new {type_id} \"Min rubrik\".")
    today = today or dt.date.today()
    new = target_for(project, ctype, title, today)
    new.path.parent.mkdir(parents=True, exist_ok=True)
    with new.path.open("x", encoding="utf-8") as out:  # "x": never overwrite
        out.write(render(project, ctype, title, today, draft))
    return new
