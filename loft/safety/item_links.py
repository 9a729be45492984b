"""Links in an item's text that cannot lead anywhere, found before publishing.

Two kinds, both certain from the item alone, so neither can stop a build by
mistake:

- a relative address that climbs out of the site (`../../../../etc/passwd`):
  the build never publishes anything from outside the repository, so the link
  would be dead;
- in an item with a folder of its own, an address into that folder that names
  no file there (a misspelled attachment, an image not added): nothing would be
  at that address.

Addresses are judged as the reader's browser resolves them, against the item
page's address (`rapporter/<slug>/`): the engine rewrites only links to files it
has, which then cannot fall into either kind.

Given the site's items (`ItemAddresses`), a third kind, certain too because the
core makes everything under a content type's folder: an address there that
names no item (a misspelled or removed one, `../annan-rapport/`), a file that
item lacks, an item that is a draft while this one is published, or a Markdown
file (`annan.md`) that is no item's. Listing pages and feeds there
(`rapporter/sida/2/`, `rapporter/atom.xml`) pass. Links to the site's other pages
are left to `loft links`, which checks the built site.
"""

from __future__ import annotations

import html as html_text
import posixpath
import re
from urllib.parse import unquote, urlsplit

from loft.content.model import Item
from loft.content.problems import Problem
from loft.content.text import closest
from loft.content.urls import CITATION_FILES, FEED_FILE, relative, resolve
from loft.safety.sanitizer import locate

# What the build writes into every item's folder besides the attachments.
_GENERATED = frozenset({"index.html", *CITATION_FILES.values()})

# href and src as the sanitizer writes them: always in double quotes.
_LINK = re.compile(r'\s(?:href|src)="([^"]*)"')


class ItemAddresses:
    """The items by their page's address and by their Markdown file's place in
    the site (src_uri, what a link to annan.md names), and the content types'
    folders, where nothing but items, their files, listings and feeds exists."""

    def __init__(self, items, types=(), site_files=None):
        """site_files: for text not yet converted by the engine (`loft check`), the
        paths in the site of the files the engine has (docs/, items, attachments)."""
        items = list(items)
        self.by_url = {item.url: item for item in items}
        self.by_src_uri = {item.src_uri: item for item in items}
        self.folders = tuple(dict.fromkeys(f"{t.path}/" for t in [*types, *(item.type for item in items)]))
        self.site_files = None
        if site_files is not None:
            self.site_files = {*site_files, *self.by_src_uri,
                               *(f"{i.url}{name}" for i in items for name in _file_names(i))}

    def verdict(self, item: Item, url: str, path: str, target: str) -> str | None:
        """What is wrong with a link from item to target (a path in the site, as
        the browser resolves url), or None when it leads somewhere or is not ours."""
        if path.lower().endswith(".md"):
            return self._markdown_verdict(item, url, path)
        if self.site_files is not None and resolve(posixpath.dirname(item.src_uri), path) in self.site_files:
            return None  # the engine links a file it has, named from the Markdown file's folder
        folder = next((f for f in self.folders if target.startswith(f)), None)
        rest = target[len(folder):] if folder else ""
        if not rest or rest in (FEED_FILE, "sida") or rest.startswith("sida/"):
            return None  # not a type's folder, or its listing or feed
        slug, _, name = rest.partition("/")
        other = self.by_url.get(f"{folder}{slug}/")
        if other is None:
            return (f"länken {url} leder till {folder}{slug}/, men där finns inget objekt. "
                    + self._fix(item, f"{folder}{slug}/"))
        if other.draft and not item.draft:
            return _draft(url, other)
        files = _file_names(other)
        if not name or name in files or name in _GENERATED:
            return None
        if other is item:  # not a folder item (a folder item's own folder is _verdict's)
            return (f"länken {url}: objektet har ingen egen mapp, så det har inga bilagor. Gör en mapp "
                    f"med texten som index.md och lägg {name} bredvid den (CONTRIBUTING.md, avsnitt 5), "
                    "eller ta bort länken.")
        present = f"där finns {', '.join(sorted(files))}" if files else "objektet har inga bilagor"
        return (f"länken {url}: filen {name} finns inte hos {other.source} ({present}). "
                "Rätta namnet i länken; stora och små bokstäver räknas.")

    def _markdown_verdict(self, item: Item, url: str, path: str) -> str | None:
        """A link to a Markdown file: the engine makes it a link to that file's
        page when the file is the site's (in the build, a .md link left is dead)."""
        # Named from the Markdown file's folder, as the engine reads it; a path that climbs
        # out from there is left as written, and the browser reads it from the page.
        target = resolve(posixpath.dirname(item.src_uri), path) or resolve(item.url, path)
        if target is None or not target.startswith(self.folders):
            return None  # out of the site (said by _verdict) or one of the site's own pages
        other = self.by_src_uri.get(target)
        if other is None:
            wanted = target.removesuffix(".md").removesuffix("/index") + "/"
            return (f"länken {url} leder till en Markdown-fil som inte finns på webbplatsen. "
                    + self._fix(item, wanted))
        return _draft(url, other) if other.draft and not item.draft else None

    def _fix(self, item: Item, wanted: str) -> str:
        """The closest item's address, as a link from item; else how to find one."""
        hint = closest(wanted, {u: u for u in self.by_url if u != item.url})
        if hint:
            return f"Menade du {relative(item.url, hint)}?"
        return ("Länka till ett objekt med sidans adress, som den står i webbläsarens adressfält "
                "(från ett objekt till ett annat av samma slag: ../namnet-pa-objektet/).")


def _file_names(item: Item) -> set[str]:
    """The item's attachments and images, as named in its folder (bilder/figur.png)."""
    return {f.name for f in (*item.attachments, *item.assets)}


def _draft(url: str, other: Item) -> str:
    return (f"länken {url} leder till {other.source}, som är ett utkast och inte publiceras. Publicera "
            "det först, ta bort länken, eller gör också det här objektet till ett utkast.")


def link_problems(item: Item, html: str, source: str, first_line: int,
                  addresses: ItemAddresses | None = None) -> list[Problem]:
    """Problems with the links in html, the item's text (source, its first line
    first_line) as converted and sanitized; addresses: the site's items, for
    links to them."""
    problems: list[Problem] = []
    for url in dict.fromkeys(html_text.unescape(m.group(1)) for m in _LINK.finditer(html)):
        message = _verdict(item, url, addresses)
        if message is not None:
            where = locate(source, (url,), first_line) or (None, None)
            problems.append(Problem(item.source, where[0], where[1], "text", message))
    return problems


def _verdict(item: Item, url: str, addresses: ItemAddresses | None = None) -> str | None:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("/"):
        return None  # another host, or the site's root: not judged here
    path = unquote(parts.path)
    if not path:
        return None  # "#avsnitt": the page itself
    target = resolve(item.url, path)
    if target is None:
        return (f"länken {url} pekar utanför webbplatsen, så den leder ingenstans. Länka till en annan "
                "webbplats med en adress som börjar med https://, till en bilaga med bara filens namn, "
                "eller till en sida här som den står i webbläsarens adressfält.")
    folder = item.url.rstrip("/")
    if not item.is_folder or not target.startswith(folder + "/"):
        return addresses.verdict(item, url, path, target) if addresses is not None else None
    name = target[len(folder) + 1:]
    files = _file_names(item)
    if name in files or name in _GENERATED:
        return None
    folder_name = posixpath.dirname(item.source)
    present = f"där finns {', '.join(sorted(files))}" if files else "mappen har inga bilagor"
    return (f"länken {url}: filen {name} finns inte i {folder_name}/ ({present}). Lägg filen där eller "
            "rätta namnet i länken; stora och små bokstäver räknas.")
