"""What a Swedish public-sector site owes its readers, checked on the built
real site: Swedish throughout, English names marked as English, meaningful
links, headings in order, tables with headers, images with alt text, the
accessibility statement and the page about the site linked from every page,
and an HTML page with a summary for every report and template."""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import jinja2
import material
import pytest
import yaml

from harness import REPO, corpus_site
from helpers import office_file, report
from loft.pages.wording import format_size
from loft.content.project import Project

pytestmark = pytest.mark.build

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# English names in the site's own text, besides the principles' names in the standard.
ENGLISH_NAMES = ["Research Institutes of Sweden"]
GENERIC_LINK_TEXTS = {"läs mer", "mer", "klicka här", "här", "länk", "read more", "more", "click here", "link"}
# Material's keys that are settings, not text a reader sees.
NOT_TEXT = {"language", "direction", "search.config.lang", "search.config.pipeline", "search.config.separator"}


class Page(HTMLParser):
    """The parts of one built page these tests look at."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []  # open elements with their lang
        self.html_lang = None
        self.texts: list[tuple[str, str | None]] = []  # (text, lang in force)
        self.links: list[dict] = []
        self.headings: list[int] = []  # levels inside the article
        self.tables = self.tables_with_th = 0
        self.images: list[dict] = []
        self._link = None
        self._article_depth = None
        self._skip = 0
        self.feed(html)

    @property
    def lang(self) -> str | None:
        return next((lang for _, lang in reversed(self.stack) if lang), None)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        if tag in ("script", "style", "svg"):
            self._skip += 1
        if tag == "article" and "md-content__inner" in (attrs.get("class") or ""):
            self._article_depth = len(self.stack)
        in_article = self._article_depth is not None
        if tag == "a" and "href" in attrs:
            self._link = {"href": attrs["href"], "label": attrs.get("aria-label"), "text": ""}
        if in_article and re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if in_article and tag == "table":
            self.tables += 1
        if in_article and tag == "th":
            self.tables_with_th += 1
        if tag == "img":
            self.images.append(attrs)
        if tag not in VOID:
            self.stack.append((tag, attrs.get("lang")))

    def handle_endtag(self, tag):
        if tag in ("script", "style", "svg"):
            self._skip -= 1
        if tag == "a" and self._link is not None:
            self.links.append(self._link)
            self._link = None
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                break
        if self._article_depth is not None and len(self.stack) <= self._article_depth:
            self._article_depth = None

    def handle_data(self, data):
        if self._skip:
            return
        if self._link is not None:
            self._link["text"] += data
        if data.strip():
            self.texts.append((" ".join(data.split()), self.lang))


REDIRECT = '<meta http-equiv="refresh"'


@pytest.fixture(scope="module")
def pages(real_site) -> dict[str, Page]:
    """Every page of the site; the generated pages at old addresses (redirect_from),
    which only send the reader on, are checked in tests/unit/content/test_based_on.py."""
    from loft.editor.cms import EDITOR_DIR

    texts = {path.relative_to(real_site.site).as_posix(): path.read_text(encoding="utf-8")
             for path in sorted(real_site.site.rglob("*.html"))}
    # The web editor redigera/ is not a theme page: tests/browser/test_web_editor.py, tests/unit/editor/test_cms.py.
    return {name: Page(html) for name, html in texts.items()
            if REDIRECT not in html and not name.startswith(f"{EDITOR_DIR}/")}


def test_every_page_is_swedish(pages):
    assert len(pages) > 20
    assert {name: p.html_lang for name, p in pages.items() if p.html_lang != "sv"} == {}


def test_english_names_are_marked_english_wherever_they_appear(pages):
    principles = yaml.safe_load((REPO / "data/principles.yml").read_text(encoding="utf-8"))
    names = [p["name_en"] for p in principles] + ENGLISH_NAMES
    seen, unmarked = 0, []
    for page_name, page in pages.items():
        for text, lang in page.texts:
            for name in names:
                if re.search(rf"\b{re.escape(name)}\b", text):
                    seen += 1
                    if lang != "en":
                        unmarked.append(f"{page_name}: \"{text[:60]}\" (lang={lang})")
    assert seen >= len(names), "principernas engelska namn syns inte: testet mäter inget"
    assert not unmarked, "engelska namn utan lang=\"en\":\n" + "\n".join(unmarked)


def test_link_texts_say_where_they_lead(pages):
    vague = [f"{name}: \"{link['text'].strip()}\" -> {link['href']}"
             for name, page in pages.items() for link in page.links
             if " ".join((link["label"] or link["text"]).split()).lower().rstrip(" .…") in GENERIC_LINK_TEXTS
             or not (link["label"] or link["text"]).strip() and not link["href"].startswith("#")]
    assert not vague, "länkar utan begriplig text:\n" + "\n".join(vague)


def test_headings_start_at_h1_and_never_skip_a_level(pages):
    wrong = []
    for name, page in pages.items():
        levels = page.headings
        if not levels:
            wrong.append(f"{name}: inga rubriker")
            continue
        if levels[0] != 1 or levels.count(1) != 1:
            wrong.append(f"{name}: {levels}")
        wrong += [f"{name}: h{a} följs av h{b}" for a, b in zip(levels, levels[1:]) if b > a + 1]
    assert not wrong, "\n".join(wrong)


def test_tables_have_headers_and_images_have_alt_text(pages):
    tables = {name: (p.tables, p.tables_with_th) for name, p in pages.items() if p.tables}
    assert tables, "ingen tabell på webbplatsen: testet mäter inget"
    assert all(th >= 1 for _, th in tables.values()), tables
    without_alt = [f"{name}: {img.get('src')}" for name, p in pages.items() for img in p.images
                   if "alt" not in img]
    assert not without_alt, without_alt


FOOTER_LINKS = {"Tillgänglighetsredogörelse": "tillganglighet/index.html",
                "Om webbplatsen: kakor och lagring": "om-webbplatsen/index.html"}


def test_every_page_links_the_statement_and_the_page_about_the_site(real_site, pages):
    for name, page in pages.items():
        found = {link["text"].strip(): link["href"] for link in page.links
                 if link["text"].strip() in FOOTER_LINKS}
        assert set(found) == set(FOOTER_LINKS), f"{name}: sidfoten saknar länkarna"
        for text, href in found.items():
            if name == "404.html":
                target = real_site.site / href.lstrip("/").split("#")[0] / "index.html"
            else:
                target = (real_site.site / name).parent / href.split("#")[0] / "index.html"
            assert target.resolve() == (real_site.site / FOOTER_LINKS[text]).resolve(), f"{name}: {href}"


def test_the_statement_has_the_parts_digg_requires(real_site):
    html = real_site.read("tillganglighet/index.html")
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())
    required = [
        "LOFT kunskapsbank",  # the service
        "RISE Research Institutes of Sweden AB",  # who runs the partnership behind it
        "Mälardalens universitet",
        "ingen juridisk person",
        "Inte bekräftat ännu",  # the responsible body and contact LOFT must confirm
        "delvis förenlig",  # compliance level
        "Innehåll som inte är tillgängligt",  # known gaps and why
        "Hur vi testat webbplatsen",  # how it was assessed
        "Den senaste bedömningen gjordes den",  # when
        "Redogörelsen uppdaterades senast den",  # last updated
        "Vad kan du göra om du inte kan använda delar av webbplatsen?",  # reporting
        "axe-core (version",  # the basis: the tests (test_accessibility checks the version)
    ]
    assert [part for part in required if part not in text] == []
    assert 'href="https://www.digg.se/tdosanmalan"' in html
    assert 'id="rapportera-brister"' in html and "ri.se/sv/vad-vi-gor/projekt/loft" in html
    assert re.search(r"bedömningen gjordes den \d{1,2} \w+ \d{4}", text)
    assert not re.search(r"[\w.+-]+@[\w-]+\.\w+", text), "ingen personlig e-postadress i redogörelsen"


def test_om_webbplatsen_says_no_cookies_and_no_analytics(real_site):
    text = real_site.read("om-webbplatsen/index.html")
    assert "inga kakor" in text and "ingen besöksstatistik" in text


def _material_strings(language: str) -> dict[str, str]:
    source = (MATERIAL_TEMPLATES / f"partials/languages/{language}.html").read_text(encoding="utf-8")
    return dict(re.findall(r'^\s*"([\w.]+)": "(.*)",?$', source, re.MULTILINE))


def test_every_theme_string_is_swedish():
    """Our language partial over Material's Swedish: no key left in English."""
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(
        [str(REPO / "overrides"), str(MATERIAL_TEMPLATES)]))
    ours = environment.get_template("partials/languages/custom.html").module
    english = _material_strings("en")
    texts = {key: str(ours.t(key)) for key in english if key not in NOT_TEXT}
    assert [key for key, value in texts.items() if not value] == [], "nycklar utan svensk text"
    assert [key for key, value in texts.items() if value == english[key]] == [], "nycklar på engelska"
    assert str(ours.t("language")) == "sv"
    assert texts["nav"] == "Huvudmeny" and texts["action.skip"] == "Gå till innehållet"
    assert texts["source"] == "Gå till källkoden"  # Material's Swedish says "datakatalog"


def test_built_pages_carry_the_corrected_strings(real_site, pages):
    html = real_site.read("index.html")
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html).group(1))
    assert config["translations"]["search.result.none"] == "Inga träffar"
    assert 'aria-label="Huvudmeny"' in html and 'aria-label="Navigation"' not in html
    not_found = real_site.read("404.html")
    assert "Sidan finns inte" in not_found and "Not found" not in not_found
    assert "Made with" not in html


def test_not_found_page_works_at_any_depth(real_site):
    html = real_site.read("404.html")
    local = [url for url in re.findall(r'(?:href|src)="([^"#][^"]*)"', html)
             if not url.startswith(("http:", "https:", "data:"))]
    assert local and all(url.startswith("/") for url in local), [u for u in local if not u.startswith("/")]


# The real content has no attachment yet: the tested corpus is the real content
# plus one report in a folder with two files beside it.
WITH_FILES = {
    "reports/rapport-med-bilagor/index.md": report("Rapport med bilagor", "2024-03-01", ["kultur"], ["lidingo"]),
    "reports/rapport-med-bilagor/rapporten.pdf": b"%PDF-1.4\n" + b"0" * 2491,
    "reports/rapport-med-bilagor/underlag/mall.docx": office_file("docx"),
}


@pytest.fixture(scope="module")
def site_with_files(tmp_path_factory):
    return corpus_site(tmp_path_factory.mktemp("with-files"), WITH_FILES, with_real_content=True)


def test_every_report_and_template_has_a_page_with_summary_and_described_files(site_with_files):
    items, problems = Project.load(site_with_files.site.parent).load_items()
    assert not problems
    documents = [i for i in items if i.type.id in ("rapport", "mall") and not i.draft]
    assert len(documents) >= 5
    described = []
    for item in documents:
        html = site_with_files.read(f"{item.url}index.html")
        lead = re.search(r'<p class="loft-lead">(.*?)</p>', html)
        assert lead and unescape(lead.group(1)) == item.summary, item.source
        for attachment in item.attachments:
            assert f'href="{attachment.name}"' in html, attachment.name
            assert f"({attachment.format}, {format_size(attachment.size)})" in html, attachment.name
            assert (site_with_files.site / item.url / attachment.name).is_file(), attachment.name
            described.append(attachment.name)
    # Written by hand, not taken from the build: the loop above has run for both files.
    assert sorted(described) == ["rapporten.pdf", "underlag/mall.docx"]
    html = site_with_files.read("rapporter/rapport-med-bilagor/index.html")
    assert "(PDF, 2 kB)" in html
