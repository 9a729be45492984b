"""Untrusted in, inert out: the allow-list that every editor-written HTML passes.

Everything an editor writes (an item's text, a site page under docs/, Markdown
fields in data/) may become HTML on a public-sector site, so it is published
only through `sanitize`, which is Ammonia (through nh3) configured with the
allow-list below: what Markdown and the site's extensions produce, plus the few
attributes listed under HAND_WRITTEN. Nothing else survives, whatever the
spelling: Ammonia parses like a browser (html5ever), so entity-encoded or
whitespace-split schemes, handlers after `/` and unclosed tags are judged the
way a browser would read them.

`find_unsafe` walks the same HTML against the same allow-list and says what
sanitizing would remove, so that the editor is told (file, line, what) instead
of seeing their markup silently vanish. It is the message, not the defence: what
is published is always the sanitized HTML, so a gap in the detection can never
publish script; the Content-Security-Policy (loft/safety/csp.py) is the second line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

import nh3

from loft.content.problems import Problem

# What Markdown and the enabled extensions (mkdocs.yml: abbr, admonition,
# attr_list, def_list, footnotes, md_in_html, tables, toc, details, superfences)
# produce. No form, no embedding, no styling, no SVG: none is needed for text.
ALLOWED_TAGS = frozenset({
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
    "em", "strong", "b", "i", "s", "del", "ins", "sub", "sup", "mark", "small",
    "code", "pre", "kbd", "samp", "var", "blockquote", "q", "cite", "abbr", "dfn", "time",
    "ul", "ol", "li", "dl", "dt", "dd", "a", "img", "figure", "figcaption",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col",
    "div", "span", "details", "summary",
})
# Attributes on every allowed element: anchors, admonition and code classes,
# abbreviation titles, and the language of a quotation (WCAG 3.1.2).
GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title", "lang"})
ELEMENT_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "th": frozenset({"align", "colspan", "rowspan", "scope"}),
    "td": frozenset({"align", "colspan", "rowspan"}),
    "ol": frozenset({"start", "reversed"}),
    "time": frozenset({"datetime"}),
    "details": frozenset({"open"}),
    "blockquote": frozenset({"cite"}),
    "q": frozenset({"cite"}),
    "del": frozenset({"cite", "datetime"}),
    "ins": frozenset({"cite", "datetime"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
}
# What an editor may write by hand beyond Markdown (CONTRIBUTING.md lists it):
# image size and lazy loading with attr_list ({ width=600 loading=lazy }), the
# language of a passage ({ lang=en }) and <details open>.
HAND_WRITTEN = ("width", "height", "loading", "lang", "open")
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
SCHEMES = frozenset({"https", "http", "mailto", "tel"})
# Elements removed with their content (the rest keep their text when stripped).
REMOVED_WITH_CONTENT = frozenset({"script", "style", "template", "noscript", "textarea",
                                  "iframe", "noembed", "noframes", "xmp", "plaintext", "title"})

# Browsers drop tabs and newlines anywhere in a URL and C0 controls and spaces
# at either end; judge the URL as they will read it.
_URL_JUNK = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
# The theme's own elements are found by ids that begin with "__" (__config,
# __search, __drawer …): content may not clobber them.
_THEME_ID = re.compile(r"^__")


def url_verdict(value: str, image: bool = False) -> str | None:
    """None if the URL is allowed; else why not (Swedish, for the message)."""
    url = _URL_JUNK.sub("", value)
    scheme = _SCHEME.match(url)
    if scheme:
        name = scheme.group(1).lower()
        if image:
            return "bilder får bara visas från webbplatsen själv (lägg bilden i objektets mapp)"
        if name not in SCHEMES:
            return f"adresser som börjar med {name}: är inte tillåtna (bara https:, http:, mailto: och tel:)"
        return None
    if url[:2].replace("\\", "/") == "//":  # //host/… leads to another host
        if image:
            return "bilder får bara visas från webbplatsen själv (lägg bilden i objektets mapp)"
        return None if not url.startswith("\\") else "adressen är inte giltig"
    return None


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute in URL_ATTRIBUTES and url_verdict(value, image=tag == "img") is not None:
        return None
    if attribute == "id" and _THEME_ID.match(value):
        return None
    return value


_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags=set(REMOVED_WITH_CONTENT),
    attributes={"*": set(GLOBAL_ATTRIBUTES), **{k: set(v) for k, v in ELEMENT_ATTRIBUTES.items()}},
    url_schemes=set(SCHEMES),
    attribute_filter=_attribute_filter,
    link_rel=None,  # keep links as Markdown wrote them
    strip_comments=True,  # editors' notes to each other are not published
)


def sanitize(html: str) -> str:
    """The publishable form of editor-written HTML."""
    return _CLEANER.clean(html)


@dataclass(frozen=True)
class Finding:
    """One thing sanitizing removes: what it is (Swedish) and text to find it by."""

    what: str
    needles: tuple[str, ...]  # looked for in the source, in order, to name the line


class _Walker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.findings: list[Finding] = []

    def handle_starttag(self, tag, attrs):
        raw = self.get_starttag_text() or f"<{tag}"
        if tag not in ALLOWED_TAGS:
            self.findings.append(Finding(f"elementet <{tag}> är inte tillåtet", (f"<{tag}", raw)))
            return
        allowed = GLOBAL_ATTRIBUTES | ELEMENT_ATTRIBUTES.get(tag, frozenset())
        for name, value in attrs:
            value = value or ""
            if name not in allowed:
                if name.startswith("on"):
                    what = f"händelseattributet {name} är inte tillåtet (det skulle köra skript)"
                else:
                    what = f"attributet {name} är inte tillåtet på <{tag}>"
                self.findings.append(Finding(what, (name, raw)))
            elif name in URL_ATTRIBUTES:
                verdict = url_verdict(value, image=tag == "img")
                if verdict:
                    self.findings.append(Finding(verdict, _url_needles(name, value, raw)))
            elif name == "id" and _THEME_ID.match(value):
                self.findings.append(Finding(f"id=\"{value}\" är reserverat för webbplatsens mall",
                                             (value, raw)))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_pi(self, data):
        self.findings.append(Finding("processinstruktioner (<?...>) är inte tillåtna", ("<?",)))

    def unknown_decl(self, data):
        self.findings.append(Finding("deklarationer (<![...]>) är inte tillåtna", ("<![",)))

    def handle_decl(self, decl):
        self.findings.append(Finding("deklarationer (<!DOCTYPE ...>) är inte tillåtna", ("<!",)))


def _url_needles(name: str, value: str, raw: str) -> tuple[str, ...]:
    """Ways the URL may be spelled in the source: as the converted HTML spells it
    (entities kept), as decoded, by what follows its scheme, by its first word."""
    spelled = re.search(rf"""{name}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", raw, re.IGNORECASE)
    as_written = next((g for g in spelled.groups() if g), "") if spelled else ""
    value = value.strip()
    tail = value.split(":", 1)[1] if ":" in value else ""
    head = re.split(r"[\s:&]", value, maxsplit=1)[0]
    return tuple(n for n in (as_written, value, tail if len(tail) >= 4 else "", head, raw) if n)


def find_unsafe(html: str) -> list[Finding]:
    """What sanitizing would remove from html, in document order."""
    if "<" not in html:
        return []
    walker = _Walker()
    walker.feed(html)
    walker.close()
    return walker.findings


def locate(source: str, needles: tuple[str, ...], first_line: int = 1) -> tuple[int, int] | None:
    """(line, column) of the first needle found in source (case-insensitive),
    numbering the source's lines from first_line."""
    folded = source.lower()
    for needle in needles:
        at = folded.find(needle.lower())
        if at >= 0:
            line = source.count("\n", 0, at)
            column = at - (source.rfind("\n", 0, at) + 1) + 1
            return first_line + line, column
    return None


# --- problems for the editor ------------------------------------------------
FIX = ("Det tas bort när sidan publiceras. Skriv med vanlig Markdown; vilken HTML som "
       "är tillåten står i CONTRIBUTING.md under \"HTML i texten\".")
LOST_BLOCK = ("texten avslutas inte: ett kodblock (```) eller ett HTML-element öppnas men "
              "stängs aldrig, så resten av sidan hamnar inuti det. Stäng det.")


def html_problems(path: str, source: str, first_line: int, html: str) -> list[Problem]:
    """One Problem per thing that sanitizing would remove from html (converted
    from source, whose first line is first_line of the file)."""
    problems: list[Problem] = []
    for finding in find_unsafe(html):
        line, column = locate(source, finding.needles, first_line) or (first_line, 1)
        problem = Problem(path, line, column, "text", f"{finding.what}. {FIX}")
        if problem not in problems:
            problems.append(problem)
    return problems
