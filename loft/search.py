"""Site search with Pagefind: what the item pages tell the index, the search
page `sok/`, the compound-word list, and the Pagefind run after the build.

Pagefind indexes only what sits inside `data-pagefind-body`, and only item
pages carry it, so listings, overviews and the start page are never results.
Filters use the search page's URL parameter names (facet paths, `ar`, `typ`)
and term ids as values, so a URL and the index speak the same language.

Swedish stemming comes from Pagefind itself (`<html lang="sv">`); compound
words do not split on their own, so data/compounds.yml lists the domain's
compounds and each item that contains one is indexed with its parts too.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import resource
import shutil
import subprocess
import time
from typing import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path

import yaml

from .model import Item
from .problems import Problem
from .site_index import SiteIndex
from .trusted import trusted
from .urls import relative

SEARCH_URL = "sok/"
SEARCH_SRC_URI = "sok/index.md"
BUNDLE_DIR = "pagefind"  # Pagefind's output, inside the site
COMPOUNDS_FILE = "data/compounds.yml"
YEAR_PARAM, TYPE_PARAM, SORT_PARAM, QUERY_PARAM = "ar", "typ", "sortera", "q"
SORT_KEY = "nyast"  # Pagefind sort: rank in the site's newest-first order


# --- compound words -------------------------------------------------------
class Compounds:
    """Compound word -> its parts; finds the compounds in a text in one pass."""

    def __init__(self, parts: dict[str, tuple[str, ...]]):
        self.parts = parts
        # Longest first, so "kommunledning" wins over a shorter compound inside it.
        alternatives = sorted(parts, key=len, reverse=True)
        self._pattern = (re.compile("|".join(re.escape(w) for w in alternatives))
                         if alternatives else None)

    def __len__(self) -> int:
        return len(self.parts)

    def parts_in(self, text: str) -> list[str]:
        """Parts of every compound the text contains, inflected or inside a longer
        word ("kommunledningens", "innovationsledningsarbete"), each once."""
        if self._pattern is None:
            return []
        found: dict[str, None] = {}
        for match in self._pattern.finditer(text.casefold()):
            for part in self.parts[match.group(0)]:
                found.setdefault(part, None)
        return list(found)

    @classmethod
    def load(cls, root: Path) -> tuple[Compounds, list[Problem]]:
        """Read data/compounds.yml (compound: [part, part, ...]); a missing file is
        no compounds, a wrong entry is a problem."""
        path = Path(root) / COMPOUNDS_FILE
        problems: list[Problem] = []

        def problem(message: str) -> None:
            problems.append(Problem(COMPOUNDS_FILE, None, None, "sammansättningar", message))

        if not path.is_file():
            return cls({}), problems
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            problems.append(Problem(COMPOUNDS_FILE, mark.line + 1 if mark else None, 1,
                                    "sammansättningar", f"YAML-syntaxfel: {error}"))
            return cls({}), problems
        if not isinstance(raw, dict):
            problem("filen ska vara en lista med rader som \"innovationsledning: [innovation, ledning]\".")
            return cls({}), problems
        parts: dict[str, tuple[str, ...]] = {}
        for word, value in raw.items():
            word_text = str(word).strip().casefold()
            if (not isinstance(value, list) or len(value) < 2
                    or not all(isinstance(p, str) and p.strip() for p in value)):
                problem(f"\"{word}\" ska följas av minst två delord inom hakparenteser, "
                        f"till exempel \"{word}: [innovation, ledning]\".")
                continue
            parts[word_text] = tuple(p.strip().casefold() for p in value)
        return cls(parts), problems


# --- what an item page tells the index -------------------------------------
@dataclass(frozen=True)
class ItemMarkup:
    """HTML around an item page's Markdown: `open` starts the indexed region
    (with the item's filters, metadata, sort value and extra search words),
    `close` ends it."""

    open: str
    close: str


class SiteSearch:
    """The search side of one build, computed once from the SiteIndex."""

    def __init__(self, index: SiteIndex, compounds: Compounds | None = None):
        self.index = index
        self.compounds = compounds or Compounds({})
        # Newest-first position, counted down: sorting by it descending gives
        # exactly the listings' order (date, ties by URL).
        total = len(index.items)
        self._rank = {item.url: total - n for n, item in enumerate(index.items)}

    def filters(self, item: Item) -> list[tuple[str, str]]:
        """(URL parameter, value) pairs the item matches."""
        pairs = [(TYPE_PARAM, item.type.id), (YEAR_PARAM, str(item.year))]
        for facet in self.index.facets:
            pairs += [(facet.path, term_id) for term_id in item.tags.get(facet.field, ())]
        return pairs

    def extra_words(self, item: Item, body: str) -> list[str]:
        """Words to index beyond the visible text: every name of the item's terms
        (label, English and official names, aliases) and the parts of the
        compounds in its title, summary and text."""
        words: dict[str, None] = {}
        for facet in self.index.facets:
            for term in item.terms(facet):
                for name in term.names()[1:]:  # not the id: it is a URL slug
                    words.setdefault(str(name), None)
        for part in self.compounds.parts_in(f"{item.title}\n{item.summary}\n{body}"):
            words.setdefault(part, None)
        return list(words)

    def item_markup(self, item: Item, body: str) -> ItemMarkup:
        data = [f'<span data-pagefind-filter="{escape(k)}:{escape(v)}"></span>'
                for k, v in self.filters(item)]
        meta = {
            "title": item.title,
            "typ": item.type.label,
            "datum": item.date.swedish,
            "iso": item.date.iso,
        }
        if item.summary:
            meta["sammanfattning"] = " ".join(item.summary.split())
        data += [f'<span data-pagefind-meta="{k}:{escape(v)}"></span>' for k, v in meta.items()]
        data.append(f'<span data-pagefind-sort="{SORT_KEY}:{self._rank.get(item.url, 0)}"></span>')
        # "index": skipped as text, still read for filters and metadata. (Spelled
        # out: Python-Markdown turns a bare attribute into ignore="ignore".)
        hidden = f'<div hidden data-pagefind-ignore="index">{"".join(data)}</div>'
        words = " ".join(self.extra_words(item, body))
        # Indexed through an attribute of an empty block (a span would get a <p>
        # around it): found by search, never shown nor read by a screen reader.
        extra = (f'<div data-pagefind-index-attrs="data-search-words" data-search-words="{escape(words)}"></div>'
                 if words else "")
        # The extra words come last, so that excerpts show the item's own text first.
        return ItemMarkup(open=f'<div data-pagefind-body>\n{hidden}\n',
                          close=f"{extra}\n</div>")

    # --- the search page --------------------------------------------------
    def facet_groups(self) -> list[dict]:
        """The filter groups of the search page, options in their stable order:
        every facet in vocabulary order, then years newest first, then types."""
        groups = []
        for facet in self.index.facets:
            groups.append({
                "param": facet.path, "title": facet.title, "singular": facet.singular, "tags": True,
                "options": [(t.id, t.label, facet.term_url(t.id), [str(n) for n in t.names()])
                            for t in facet.vocabulary],
            })
        groups.append({
            "param": YEAR_PARAM, "title": "År", "singular": "år", "tags": False,
            "options": [(str(y), str(y), f"ar/{y}/", [str(y)]) for y in self.index.years],
        })
        groups.append({
            "param": TYPE_PARAM, "title": "Typ", "singular": "typ", "tags": False,
            "options": [(t.id, t.label, t.url, [t.id, t.label, t.plural]) for t in self.index.types],
        })
        return groups

    def page_markdown(self) -> str:
        """Source of sok/: the search form driven by loft-search.js; without
        script, links to every static listing instead."""
        here = SEARCH_URL
        fieldsets = []
        for group in self.facet_groups():
            param = group["param"]
            options = []
            for value, label, url, names in group["options"]:
                box_id = escape(f"loft-filter-{param}-{value}")
                options.append(
                    f'<li><input type="checkbox" id="{box_id}" name="{escape(param)}" value="{escape(value)}"'
                    f' data-label="{escape(label)}" data-url="{escape(relative(here, url))}"'
                    f' data-names="{escape("|".join(names))}">'
                    f'<label for="{box_id}">{escape(label)} <span class="loft-search__count"></span></label></li>'
                )
            fieldsets.append(
                f'<fieldset class="loft-search__facet" data-param="{escape(param)}"'
                f'{" data-tags" if group["tags"] else ""}'
                f' data-singular="{escape(group["singular"])}"><legend>{escape(group["title"])}</legend>'
                f'<ul>{"".join(options)}</ul></fieldset>'
            )
        form = (
            f'<form class="loft-search" id="loft-search" role="search" aria-label="Sök i kunskapsbanken" hidden'
            f' data-bundle="{relative(here, BUNDLE_DIR + "/")}" data-root="{relative(here, "")}">'
            '<div class="loft-search__query">'
            '<label for="loft-search-q">Sökord</label>'
            f'<input type="search" id="loft-search-q" name="{QUERY_PARAM}" autocomplete="off" spellcheck="false"'
            ' aria-describedby="loft-search-help">'
            '<button type="submit" class="md-button md-button--primary">Sök</button>'
            '<p id="loft-search-help" class="loft-search__help">Sök på ord i titel och text, på principer och '
            'kommuner. Böjda former hittas också: ”kommunerna” hittar ”kommun”.</p>'
            '</div>'
            '<div class="loft-search__suggest" id="loft-search-suggest" hidden></div>'
            '<div class="loft-search__layout">'
            # Filters behind a disclosure: closed on phones (results come first), open
            # as a sidebar on wide screens (loft-search.js sets it from the width).
            '<details class="loft-search__filters" id="loft-search-filters" open>'
            '<summary class="loft-search__filters-summary">Filtrera '
            '<span id="loft-search-chosen">(0 valda)</span></summary>'
            '<p><a class="loft-search__skip" href="#loft-search-heading">Hoppa förbi filtren till träffarna</a></p>'
            '<p class="loft-search__help">Välj ett eller flera värden. Siffran visar hur många träffar '
            'valet skulle ge tillsammans med dina övriga val.</p>'
            + "".join(fieldsets)
            + '<button type="button" class="md-button" id="loft-search-clear">Rensa sökning och filter</button>'
            '</details>'
            '<div class="loft-search__results"><h2 id="loft-search-heading" tabindex="-1">Träffar</h2>'
            '<fieldset class="loft-search__sort"><legend>Sortera</legend>'
            f'<input type="radio" id="loft-sort-relevans" name="{SORT_PARAM}" value="relevans" checked>'
            '<label for="loft-sort-relevans">Bäst matchning först</label> '
            f'<input type="radio" id="loft-sort-nyast" name="{SORT_PARAM}" value="nyast">'
            '<label for="loft-sort-nyast">Nyast först</label>'
            '<span class="loft-search__sort-note" id="loft-sort-note" hidden> (utan sökord: nyast först)</span>'
            '</fieldset>'
            '<p class="loft-search__status" id="loft-search-status" role="status" aria-live="polite"></p>'
            '<ol class="loft-cards loft-search__list" id="loft-search-list" aria-labelledby="loft-search-heading"></ol>'
            '<button type="button" class="md-button" id="loft-search-more" hidden>Visa fler träffar</button>'
            '</div></div></form>'
        )
        type_links = "".join(
            f'<li><a href="{escape(relative(here, t.url))}">{escape(t.plural)}</a></li>' for t in self.index.types
        )
        # Raw HTML, Markdown off: its headings stay out of the table of contents,
        # which would otherwise list headings that script hides.
        browse = [
            '<div class="loft-search-nojs" id="loft-search-nojs">',
            "",
            '<p class="loft-search-nojs__note">Sökfunktionen behöver JavaScript, som är avstängt eller inte '
            'kunde laddas i din webbläsare. Allt material finns också i listorna nedan.</p>',
            "",
            "<h2>Efter typ</h2>",
            "",
            f'<ul class="loft-term-links">{type_links}</ul>',
            "",
        ]
        for facet in self.index.facets:
            browse += [f"<h2>{escape(facet.title)}</h2>", "", f"<!-- loft:{facet.path} -->", ""]
        browse += ["<h2>År</h2>", "", "<!-- loft:years -->", "", "</div>"]
        script = relative(here, "assets/javascripts/loft-search.js")
        # Every block is the core's own HTML; the <!-- loft:… --> lines are
        # filled with trusted blocks by PageRenderer.fill_blocks.
        blocks = [form, *browse, f'<script type="module" src="{script}"></script>']
        return "# Sök\n\n" + "\n\n".join(b if b.startswith("<!-- loft:") else trusted(b) for b in blocks if b) + "\n"


# --- running Pagefind -----------------------------------------------------
@dataclass(frozen=True)
class IndexingRun:
    seconds: float
    peak_rss_kib: int  # the largest resident set of any child process so far
    output: str

    def summary(self) -> str:
        seconds = f"{self.seconds:.1f}".replace(".", ",")  # Swedish decimal comma
        return f"Sökindex skapat med Pagefind på {seconds} s."


class SearchIndexError(RuntimeError):
    """Pagefind is missing or failed; the message says what to do."""


def pagefind_executable() -> str:
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise SearchIndexError(
            "Pagefind saknas. Kör `make venv` (paketet pagefind[bin] ingår i beroendena).") from None
    return str(get_executable())


def pagefind_command(site_dir: Path, glob: str | None = None) -> list[str]:
    # The page language (lang="sv") picks Pagefind's Swedish stemming.
    command = [pagefind_executable(), "--site", str(site_dir), "--output-subdir", BUNDLE_DIR, "--quiet"]
    return command + ["--glob", glob] if glob else command


def item_pages_glob(type_paths) -> str:
    """The files Pagefind needs to read: item pages only (the only pages with
    data-pagefind-body). The bundle is the same as from reading every page
    (checked byte for byte at 1,000 items), for about a third less CPU."""
    return "{" + ",".join(sorted(type_paths)) + "}/*/index.html"


def run_pagefind(site_dir: Path | str, cancelled: Callable[[], bool] | None = None,
                 glob: str | None = None) -> IndexingRun | None:
    """Index a built site; the bundle lands in <site>/pagefind/. cancelled: asked
    while Pagefind runs (the preview's next build); when it says yes, Pagefind
    is stopped and None returned. glob: the files to read (item_pages_glob)."""
    command = pagefind_command(Path(site_dir), glob)
    # Pagefind adds to an existing bundle; files of an older run must not linger.
    shutil.rmtree(Path(site_dir) / BUNDLE_DIR, ignore_errors=True)
    started = time.perf_counter()
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as process:
        while cancelled is not None:
            try:
                process.wait(timeout=0.1)
                break
            except subprocess.TimeoutExpired:
                if cancelled():
                    process.terminate()
                    process.communicate()
                    return None
        output = process.communicate()[0].strip()
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SearchIndexError(f"Pagefind misslyckades (kod {process.returncode}): {output}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    make_reproducible(Path(site_dir) / BUNDLE_DIR)
    return IndexingRun(seconds, peak, output)


# --- reproducible bundle --------------------------------------------------
# Pagefind 1.5 writes its filter indexes from hash maps: the same site gives
# the values of a filter, and the filters in the metadata file, in a different
# order on every run (Pagefind issue #638), so file names and contents change.
# We sort them afterwards and name the rewritten files by their content. The
# files are "pagefind_dcd" + CBOR, gzip-compressed; the few CBOR types Pagefind
# uses here are read and written below, and a file that does not read back to
# the same bytes is left alone.
_MAGIC = b"pagefind_dcd"


def make_reproducible(bundle: Path) -> None:
    entry_path = bundle / "pagefind-entry.json"
    if not entry_path.is_file():
        return
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language in entry.get("languages", {}).values():
        meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = _read_cbor(meta_path)
        if meta is None or len(meta) < 4 or not isinstance(meta[3], list):
            continue
        filters = []
        for pair in meta[3]:
            content = (_read_cbor(bundle / "filter" / f"{pair[1]}.pf_filter")
                       if _is_list_of(pair, str, 2) else None)
            if not (isinstance(content, list) and len(content) == 2 and isinstance(content[1], list)
                    and all(_is_list_of(v, object, 2) and isinstance(v[0], str) for v in content[1])):
                break  # not the format we know: leave this language as Pagefind wrote it
            filters.append((pair[0], pair[1], content))
        else:
            _sort_filters(bundle, meta, filters, language)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _is_list_of(value, kind: type, length: int) -> bool:
    return isinstance(value, list) and len(value) == length and all(isinstance(v, kind) for v in value)


def _sort_filters(bundle: Path, meta: list, filters: list, language: dict) -> None:
    renamed: list[list[str]] = []
    for name, old_hash, content in filters:
        content[1].sort(key=lambda pair: pair[0])
        renamed.append([name, _write_cbor(bundle / "filter" / f"{old_hash}.pf_filter", content, old_hash, 7)])
    meta[3] = sorted(renamed)
    meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
    language["hash"] = _write_cbor(meta_path, meta, language["hash"], 10, prefix="pagefind.")


def _read_cbor(path: Path):
    try:
        data = gzip.decompress(path.read_bytes())
    except (OSError, EOFError):
        return None
    if not data.startswith(_MAGIC):
        return None
    try:
        value, end = _decode(data, len(_MAGIC))
    except (IndexError, ValueError):
        return None
    if end != len(data) or _encode(value) != data[len(_MAGIC):]:
        return None
    return value


def _write_cbor(path: Path, value, old_hash: str, digits: int, prefix: str = "") -> str:
    """Write value to a file named by its content; return the new hash."""
    data = _MAGIC + _encode(value)
    language = old_hash.split("_", 1)[0]
    new_hash = f"{language}_{hashlib.sha256(data).hexdigest()[:digits]}"
    path.unlink()
    suffix = path.suffix
    (path.parent / f"{prefix}{new_hash}{suffix}").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return new_hash


def _decode(data: bytes, at: int):
    major, info = data[at] >> 5, data[at] & 0x1F
    at += 1
    if info < 24:
        number = info
    elif info <= 27:
        size = 1 << (info - 24)
        number, at = int.from_bytes(data[at:at + size], "big"), at + size
    else:
        raise ValueError("unsupported CBOR item")
    if major == 0:
        return number, at
    if major == 2:
        return data[at:at + number], at + number
    if major == 3:
        return data[at:at + number].decode("utf-8"), at + number
    if major == 4:
        items = []
        for _ in range(number):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    raise ValueError("unsupported CBOR type")


def _head(major: int, number: int) -> bytes:
    if number < 24:
        return bytes([major << 5 | number])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if number < 1 << (8 * size):
            return bytes([major << 5 | info]) + number.to_bytes(size, "big")
    raise ValueError("number too large")


def _encode(value) -> bytes:
    if isinstance(value, bool):
        raise ValueError("unsupported CBOR value")
    if isinstance(value, int):
        return _head(0, value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _head(3, len(raw)) + raw
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(_encode(v) for v in value)
    raise ValueError("unsupported CBOR value")
