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
has, which then cannot fall into either kind. Links to other pages of the site
are left to `loft links`, which checks the built site.
"""

from __future__ import annotations

import html as html_text
import posixpath
import re
from urllib.parse import unquote, urlsplit

from loft.content.model import Item
from loft.content.problems import Problem
from loft.content.urls import CITATION_FILES, resolve
from loft.safety.sanitizer import locate

# What the build writes into every item's folder besides the attachments.
_GENERATED = frozenset({"index.html", *CITATION_FILES.values()})

# href and src as the sanitizer writes them: always in double quotes.
_LINK = re.compile(r'\s(?:href|src)="([^"]*)"')


def link_problems(item: Item, html: str, source: str, first_line: int) -> list[Problem]:
    """Problems with the links in html, the item's text (source, its first line
    first_line) as converted and sanitized."""
    problems: list[Problem] = []
    for url in dict.fromkeys(html_text.unescape(m.group(1)) for m in _LINK.finditer(html)):
        message = _verdict(item, url)
        if message is not None:
            where = locate(source, (url,), first_line) or (None, None)
            problems.append(Problem(item.source, where[0], where[1], "text", message))
    return problems


def _verdict(item: Item, url: str) -> str | None:
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
        return None
    name = target[len(folder) + 1:]
    files = {a.name for a in (*item.attachments, *item.assets)}
    if name in files or name in _GENERATED:
        return None
    folder_name = posixpath.dirname(item.source)
    present = f"där finns {', '.join(sorted(files))}" if files else "mappen har inga bilagor"
    return (f"länken {url}: filen {name} finns inte i {folder_name}/ ({present}). Lägg filen där eller "
            "rätta namnet i länken; stora och små bokstäver räknas.")
