"""Expectations from the sources, never from the build.

A test that takes its expected items from the build's own output (api/items.json,
a listing) cannot see the build drop or merge an item: the expectation loses it
too. These functions read what a test wrote into a project (or the repository's
own content) with plain YAML, and say what the site must then show, by rules
written down here independently of loft/:

- an item's type is the folder it lives in (data/types.yml `source`), its URL
  `<type path>/<file stem or folder name>/`;
- drafts (`draft: true`) are published nowhere;
- every listing is newest first: by year, then month, then day, a missing month
  or day counting as earlier than any given one; items of one date read A–Ö by URL;
- page n of a listing at `base` is `base` (n = 1) or `base/sida/n/`.

Shared by the unit, site and browser tests (`from expect import ...`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from harness import REPO

_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e"})


def fold(text: str) -> str:
    text = " ".join(str(text).casefold().split()).translate(_FOLD)
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _yaml(root: Path, name: str):
    return yaml.safe_load((root / "data" / name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Facet:
    field: str
    path: str
    ids: tuple[str, ...]  # in the vocabulary's order
    names: dict[str, str]  # folded id, label, official name or alias -> id


def facets(root: Path = REPO) -> list[Facet]:
    found = []
    for entry in _yaml(root, "facets.yml"):
        terms = _yaml(root, entry["vocabulary"])
        names: dict[str, str] = {}
        for term in terms:
            for name in [term["id"], term.get("label"), term.get("official_name"), *(term.get("aliases") or [])]:
                if name:
                    names.setdefault(fold(name), term["id"])
        found.append(Facet(entry["field"], entry["path"], tuple(t["id"] for t in terms), names))
    return found


def types(root: Path = REPO) -> list[dict]:
    return _yaml(root, "types.yml")


@dataclass(frozen=True)
class SourceItem:
    url: str
    type: str  # type id
    title: str
    date: str  # as written: YYYY, YYYY-MM or YYYY-MM-DD
    draft: bool
    tags: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, hash=False)
    attachments: tuple[str, ...] = ()  # file names beside a folder item's index.md

    @property
    def year(self) -> int:
        return int(self.date[:4])

    @property
    def newest_first_key(self) -> tuple:
        parts = [int(p) for p in self.date.split("-")] + [0, 0]
        return (-parts[0], -parts[1], -parts[2], self.url)


def _front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    assert match, f"{path}: no front matter"
    return yaml.safe_load(match.group(1)) or {}


def source_items(root: Path = REPO) -> list[SourceItem]:
    """Every item a project's content folders hold, drafts included."""
    items = []
    known = facets(root)
    for ctype in types(root):
        folder = root / ctype["source"]
        if not folder.is_dir():
            continue
        for entry in sorted(folder.iterdir()):
            if entry.name.startswith((".", "_")):
                continue
            if entry.is_dir() and (entry / "index.md").is_file():
                source, slug = entry / "index.md", entry.name
                attachments = tuple(sorted(p.name for p in entry.iterdir()
                                           if p.is_file() and p.suffix.lower() not in (".md", ".png", ".jpg",
                                                                                      ".jpeg", ".svg", ".webp")))
            elif entry.suffix == ".md" and entry.name != "index.md":
                source, slug, attachments = entry, entry.stem, ()
            else:
                continue
            data = _front_matter(source)
            tags = {facet.field: tuple(sorted({facet.names[fold(v)] for v in data.get(facet.field) or ()},
                                              key=facet.ids.index))
                    for facet in known}
            items.append(SourceItem(f"{ctype['path']}/{slug}/", ctype["id"], " ".join(str(data["title"]).split()),
                                    str(data["date"]), data.get("draft") is True, tags, attachments))
    return items


def published(items: list[SourceItem]) -> list[SourceItem]:
    """The published items, newest first."""
    return sorted((i for i in items if not i.draft), key=lambda i: i.newest_first_key)


def listings(items: list[SourceItem], root: Path = REPO) -> dict[str, list[str]]:
    """Base URL of every listing -> URLs of its items, newest first. Every type and
    every term has a listing, empty or not; every year with an item has one."""
    expected: dict[str, list[str]] = {f"{t['path']}/": [] for t in types(root)}
    for facet in facets(root):
        expected.update({f"{facet.path}/{term}/": [] for term in facet.ids})
    type_paths = {t["id"]: t["path"] for t in types(root)}
    for item in published(items):
        expected[f"{type_paths[item.type]}/"].append(item.url)
        expected.setdefault(f"ar/{item.year}/", []).append(item.url)
        for facet in facets(root):
            for term in item.tags.get(facet.field, ()):
                expected[f"{facet.path}/{term}/"].append(item.url)
    return expected


def page_urls(base: str, count: int, page_size: int) -> list[str]:
    """URLs of the pages of a listing of `count` items (one page when empty)."""
    pages = max(1, (count + page_size - 1) // page_size)
    return [base if n == 1 else f"{base}sida/{n}/" for n in range(1, pages + 1)]


def count(items: list[SourceItem], **filters: str) -> int:
    """Published items matching every filter: facet path -> term id, "ar" -> year, "typ" -> type id."""
    paths = {f.path: f.field for f in facets()}

    def matches(item: SourceItem, key: str, value: str) -> bool:
        if key == "ar":
            return item.year == int(value)
        if key == "typ":
            return item.type == value
        return value in item.tags.get(paths[key], ())

    return sum(1 for item in published(items) if all(matches(item, k, v) for k, v in filters.items()))
