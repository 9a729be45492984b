"""Citations of reports and templates, generated from their front matter.

Which types are cited, and as what, is data (`citation` in data/types.yml).
Each citable item gets a reference in Swedish on its page (APA-like: authors,
or LOFT as corporate author; year; title; type; publisher; URL) and three
downloads beside the page: citera.bib (BibTeX), citera.ris (RIS) and
citera.json (CSL-JSON). Reports with `scholar: true` also carry Google
Scholar's citation_* meta tags. URLs are given only when the site's address
(site_url) is known: a relative URL means nothing in a reference manager.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from loft.content.metadata import SiteMetadata
from loft.content.model import Item
from loft.content.site_index import SiteIndex
from loft.content.urls import CITATION_FILES
from loft.safety.templating import Templates
from loft.safety.trusted import trusted

BIBTEX_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_BIBTEX_SPECIAL = re.compile(r"([\\{}%&$#_^~])")
_BIBTEX_REPLACEMENTS = {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}


@dataclass(frozen=True)
class Name:
    """A person's name split the way reference formats want it.

    Editors write "Anna Andersson" or "Andersson, Anna": with a comma the
    family name comes first; otherwise the last word is the family name. A
    single word (a first name alone) stays a literal name.
    """

    full: str
    family: str = ""
    given: str = ""

    @classmethod
    def parse(cls, text: str) -> Name:
        text = " ".join(text.split())
        if "," in text:
            family, given = (part.strip() for part in text.split(",", 1))
            return cls(f"{given} {family}".strip(), family, given)
        words = text.split(" ")
        if len(words) == 1:
            return cls(text)
        return cls(text, words[-1], " ".join(words[:-1]))

    @property
    def inverted(self) -> str:
        """"Andersson, Anna" (or the literal name)."""
        return f"{self.family}, {self.given}" if self.family else self.full

    @property
    def apa(self) -> str:
        """"Andersson, A.", "Berg, P.-O." (or the literal name)."""
        if not self.family:
            return self.full
        initials = " ".join("-".join(f"{part[0]}." for part in word.split("-") if part)
                            for word in self.given.split())
        return f"{self.family}, {initials}"

    def csl(self) -> dict[str, str]:
        return {"family": self.family, "given": self.given} if self.family else {"literal": self.full}


class Citations:
    """References and downloads for every citable item of one build."""

    def __init__(self, index: SiteIndex, meta: SiteMetadata, templates: Templates | None = None):
        self.index = index
        self.meta = meta
        self._html = (templates or Templates.package()).macros("citation.html")

    def citable(self, item: Item) -> bool:
        return item.type.citation is not None

    # --- pieces ---------------------------------------------------------------
    def key(self, item: Item) -> str:
        return f"loft-{item.type.id}-{item.slug}"

    def names(self, item: Item) -> list[Name]:
        return [Name.parse(a) for a in item.authors]

    def url(self, item: Item) -> str | None:
        return self.meta.absolute(item.url)

    def publishers(self, item: Item) -> list[str]:
        """Full names of the item's publishers (data/publishers.yml); the site's
        publisher (LOFT) when the item names none."""
        record = getattr(self.index, "record", None)
        if record is not None and item.publishers:
            return [str(record.publishers.by_id[p].get("official_name") or record.publishers.by_id[p].label)
                    for p in item.publishers]
        return [self.meta.publisher.name]

    def publisher_names(self, item: Item) -> list[tuple[str, str | None]]:
        """(name, language) of the publishers for the page: an English name is
        marked as English (lang in data/publishers.yml)."""
        record = getattr(self.index, "record", None)
        if record is None or not item.publishers:
            return [(self.meta.publisher.name, None)]
        names = []
        for p in item.publishers:
            term = record.publishers.by_id[p]
            lang = term.get("lang")
            names.append((str(term.get("official_name") or term.label), str(lang) if lang else None))
        return names

    def publisher(self, item: Item) -> str:
        return "; ".join(self.publishers(item))

    def language(self, item: Item) -> tuple[str, str]:
        """(ISO 639-1 code, BibTeX language name)."""
        record = getattr(self.index, "record", None)
        term = record.languages.by_id.get(item.language) if record is not None else None
        return item.language or "sv", str(term.get("bibtex") or "swedish") if term else "swedish"

    def keywords(self, item: Item) -> list[str]:
        return [term.label for facet in self.index.facets for term in item.terms(facet)]

    def _kind(self, item: Item, format_: str) -> str:
        return getattr(item.type.citation, format_)

    # --- Swedish reference on the page ------------------------------------------
    def reference_html(self, item: Item) -> str:
        """"Andersson, A. (2023). <cite>Titel</cite> [Rapport]. LOFT. https://…"."""
        return str(self._reference(item))

    def _reference(self, item: Item):
        publisher = self.meta.publisher.name
        names = self.names(item)
        if names:
            apa = [n.apa for n in names]
            author = apa[0] if len(apa) == 1 else ", ".join(apa[:-1]) + ", & " + apa[-1]
        else:
            author = publisher
        if not author.endswith("."):
            author += "."  # APA: "Andersson, A. (2023)." and "LOFT. (2023)."
        publishers = None
        if names or self.publishers(item) != [publisher]:  # with a corporate author, APA leaves the same publisher out
            publishers = self.publisher_names(item)
        return self._html.reference(author, item.year, item.title, item.type.label, publishers,
                                    item.identifiers.get("doi"), self.url(item))

    def section(self, item: Item) -> list[str]:
        """The "Citera" section of an item page (Markdown lines), or nothing."""
        if not self.citable(item) or item.draft:  # drafts get no downloads
            return []
        return ["## Citera", "", trusted(str(self._html.section(self._reference(item), CITATION_FILES))), ""]

    # --- downloads ---------------------------------------------------------------
    def bibtex(self, item: Item) -> str:
        names = self.names(item)
        publisher = self.meta.publisher.name
        author = " and ".join(_bib(n.inverted) if n.family else "{" + _bib(n.full) + "}" for n in names)
        fields = [
            ("author", author or "{" + _bib(publisher) + "}"),
            ("title", "{" + _bib(item.title) + "}"),
            ("year", str(item.year)),
        ]
        if item.date.month:
            fields.append(("month", BIBTEX_MONTHS[item.date.month - 1]))
        kind = self._kind(item, "bibtex")
        # Each organisation braced as one name: {{RISE ...} and {Mälardalens universitet}}.
        names = self.publishers(item)
        issuer = _bib(names[0]) if len(names) == 1 else " and ".join("{" + _bib(p) + "}" for p in names)
        if kind == "techreport":
            fields += [("institution", issuer), ("type", _bib(item.type.label))]
        else:
            fields += [("publisher", issuer), ("howpublished", _bib(item.type.label))]
        for key, name in (("isbn", "isbn"), ("doi", "doi"), ("urn_nbn", "urn")):
            if item.identifiers.get(key):
                fields.append((name, _bib(item.identifiers[key])))
        if self.url(item):
            fields.append(("url", self.url(item)))
        if item.summary:
            fields.append(("abstract", _bib(item.summary)))
        keywords = self.keywords(item)
        if keywords:
            fields.append(("keywords", _bib(", ".join(keywords))))
        fields.append(("language", self.language(item)[1]))
        # year and month are bare (a number, a month macro); everything else is braced.
        body = ",\n".join(f"  {name} = {value}" if name in ("year", "month") else f"  {name} = {{{value}}}"
                          for name, value in fields)
        return f"@{kind}{{{self.key(item)},\n{body}\n}}\n"

    def ris(self, item: Item) -> str:
        lines = [("TY", self._kind(item, "ris")), ("TI", item.title)]
        names = self.names(item)
        if names:
            lines += [("AU", n.inverted) for n in names]
        else:
            lines.append(("AU", self.meta.publisher.name))
        lines.append(("PY", str(item.year)))
        if item.date.month:
            day = f"{item.date.day:02d}" if item.date.day else ""
            lines.append(("DA", f"{item.year}/{item.date.month:02d}/{day}/"))  # RIS: YYYY/MM/DD/
        lines += [("PB", self.publisher(item)), ("M3", item.type.label)]
        if item.identifiers.get("isbn"):
            lines.append(("SN", item.identifiers["isbn"]))
        if item.identifiers.get("doi"):
            lines.append(("DO", item.identifiers["doi"]))
        if self.url(item):
            lines.append(("UR", self.url(item)))
        if item.summary:
            lines.append(("AB", item.summary))
        lines += [("KW", k) for k in self.keywords(item)]
        lines += [("LA", self.language(item)[0]), ("ID", self.key(item)), ("ER", "")]
        # RIS: "TAG  - value", one per line, CR LF line ends.
        return "".join(f"{tag}  - {' '.join(value.split())}\r\n" for tag, value in lines)

    def csl(self, item: Item) -> dict:
        date_parts = [p for p in (item.year, item.date.month, item.date.day) if p]
        names = self.names(item)
        data = {
            "id": self.key(item),
            "type": self._kind(item, "csl"),
            "title": item.title,
            "author": [n.csl() for n in names] or [{"literal": self.meta.publisher.name}],
            "issued": {"date-parts": [date_parts]},
            "publisher": self.publisher(item),
            "genre": item.type.label,
            "language": self.language(item)[0],
        }
        if item.identifiers.get("isbn"):
            data["ISBN"] = item.identifiers["isbn"]
        if item.identifiers.get("doi"):
            data["DOI"] = item.identifiers["doi"]
        if self.url(item):
            data["URL"] = self.url(item)
        if item.summary:
            data["abstract"] = item.summary
        keywords = self.keywords(item)
        if keywords:
            data["keyword"] = ", ".join(keywords)
        return data

    def csl_json(self, item: Item) -> str:
        return json.dumps([self.csl(item)], ensure_ascii=False, indent=2) + "\n"

    def files(self) -> dict[str, str]:
        """Every citable published item's downloads: site-relative path -> text."""
        out = {}
        for item in self.index.published():
            if self.citable(item):
                out[item.url + CITATION_FILES["bib"]] = self.bibtex(item)
                out[item.url + CITATION_FILES["ris"]] = self.ris(item)
                out[item.url + CITATION_FILES["csl"]] = self.csl_json(item)
        return out

    # --- Google Scholar ----------------------------------------------------------
    def scholar_tags(self, item: Item) -> list[tuple[str, str]]:
        """(name, content) of the citation_* meta tags, for types with `scholar: true`."""
        if not item.type.scholar:
            return []
        tags = [("citation_title", item.title)]
        names = self.names(item)
        tags += [("citation_author", n.inverted) for n in names] or [("citation_author", self.meta.publisher.name)]
        tags.append(("citation_publication_date", _scholar_date(item)))
        for name in self.publishers(item):
            if self._kind(item, "bibtex") == "techreport":
                tags.append(("citation_technical_report_institution", name))
            else:
                tags.append(("citation_publisher", name))
        tags.append(("citation_language", self.language(item)[0]))
        if item.identifiers.get("isbn"):
            tags.append(("citation_isbn", item.identifiers["isbn"]))
        if item.identifiers.get("doi"):
            tags.append(("citation_doi", item.identifiers["doi"]))
        if item.summary:
            tags.append(("citation_abstract", item.summary))
        url = self.url(item)
        if url:
            tags.append(("citation_abstract_html_url", url))
        pdf = next((a for a in item.attachments if a.extension == "pdf"), None)
        if pdf is not None:
            tags.append(("citation_pdf_url", self.meta.link(item.url, item.file_url(pdf))))
        return tags


def _scholar_date(item: Item) -> str:
    """Scholar's form: "2023/05/15", "2023/05" or "2023"."""
    return "/".join(f"{p:02d}" if i else str(p)
                    for i, p in enumerate((item.year, item.date.month, item.date.day)) if p)


def _bib(text: str) -> str:
    """Text safe inside a BibTeX value: special characters escaped, one line."""
    text = " ".join(text.split())
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_REPLACEMENTS.get(m.group(1), "\\" + m.group(1)), text)
