"""Every input of a build, checked in one place: `loft check` and the build call
`check_inputs`, so the two accept and reject exactly the same files.

Besides the items (Project.load_items) that is docs/: the site's own pages
(read as MkDocs reads them, within the same bounds as items), every other file
there (only allow-listed media, checked by signature; nothing that is not a
regular file), and pages whose address the site itself generates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from loft.content import files
from loft.content import frontmatter
from loft.content import limits
from loft.content.model import Item
from loft.content.problems import Problem
from loft.content.project import Project, unreadable_problem
from loft.safety.item_links import ItemAddresses
from loft.safety.text_check import data_markdown_problems, item_problems, project_text_problems
from loft.content.validated import kept, plain_values
from loft.content.urls import CATALOGUE_PATH, SEARCH_SRC_URI, YEARS_URL, page_url
from loft.content.text import has_markup
from loft.content.validation import markup_message, not_text_message

DOCS_DIR = "docs"
# Maintainers' files (stylesheets, scripts, fonts): any kind, reviewed by them
# (.github/CODEOWNERS); still never a link or anything but a regular file.
ASSETS_DIR = "assets"
# Fields of a site page that the theme prints as text.
PAGE_TEXT_FIELDS = ("title", "description")
# Sections the site generates besides the types' and facets' (loft/pages/listings.py: years).
# /redigera/ is the web editor (loft/editor/cms.py), written by the build.
GENERATED_SECTIONS = (YEARS_URL.strip("/"), SEARCH_SRC_URI.split("/")[0], CATALOGUE_PATH.split("/")[0], "redigera")


@dataclass
class DocsFiles:
    pages: list[Path] = field(default_factory=list)  # the site's own Markdown pages
    media: list[Path] = field(default_factory=list)  # images and documents beside them
    assets: list[Path] = field(default_factory=list)  # docs/assets/: the site's own files, reviewed
    problems: list[Problem] = field(default_factory=list)


def check_inputs(project: Project, only: list[Path] | None = None,
                 texts: bool = True) -> tuple[list[Item], list[Problem]]:
    """All items (or only those at the given paths) and, on a whole check, all of
    docs/. texts: also convert every text and report what the sanitizer would
    remove (loft/safety/text_check.py); the build leaves that to its own conversion."""
    items, problems = project.load_items(only)
    if only is not None:
        if not texts:
            return items, problems
        # Their links to other items are judged against the whole site's.
        everything, _ = project.load_items()
        docs = scan_docs(project)
        addresses = ItemAddresses(everything, project.types, linked_files(project, docs))
        return items, problems + item_problems(items, project, addresses)
    docs = scan_docs(project)
    problems += docs.problems
    page_problems: list[Problem] = []
    for page in docs.pages:
        page_problems += site_page_problems(page, project.display(page), project)
    problems += page_problems
    problems += collisions(project, items, docs)
    problems += data_markdown_problems(project)  # a few short fields: always
    if texts:
        problems += check_texts(project, problems, docs, items)
    return items, problems


def check_texts(project: Project, problems: list[Problem], docs: DocsFiles | None = None,
                items: list[Item] = ()) -> list[Problem]:
    """What the sanitizer would remove from the text of every item and site
    page. It reads every file by itself: only once no file problem stands (a
    link, a FIFO, an unreadable file is never opened)."""
    if any(p.field == files.FIELD for p in problems):
        return []
    docs = scan_docs(project) if docs is None else docs
    return project_text_problems(project, docs.pages, items, linked_files(project, docs))


def linked_files(project: Project, docs: DocsFiles) -> list[str]:
    """Where docs/'s files the engine links (pages, media, assets) are in the site,
    for links between items (loft/safety/item_links.py: ItemAddresses)."""
    root = project.root / DOCS_DIR
    return [path.relative_to(root).as_posix() for path in (*docs.pages, *docs.media, *docs.assets)]


def unsafe_docs_entries(root: Path) -> list[Problem]:
    """Links and special files in docs/, found with lstat alone. MkDocs walks docs/
    following links before any hook sees the files, so the adapter asks this first."""
    problems = []
    pending = [root / DOCS_DIR]
    while pending:
        for entry in files.entries(pending.pop()):
            if entry.kind == "other":
                problems.append(Problem(_display(root, entry.path), None, None, files.FIELD, entry.problem))
            elif entry.kind == "dir":
                pending.append(entry.path)
    return problems


def scan_docs(project: Project) -> DocsFiles:
    """Every file of docs/ outside the content folders in it: a page, allowed media or a problem."""
    root = project.root
    docs = root / DOCS_DIR
    content = {root / t.source for t in project.types}
    rules = project.attachments
    found = DocsFiles()
    pending = [docs]
    while pending:
        folder = pending.pop(0)
        in_assets = folder == docs / ASSETS_DIR or docs / ASSETS_DIR in folder.parents
        for entry in files.entries(folder):
            display = project.display(entry.path)
            if entry.kind == "other":
                found.problems.append(Problem(display, None, None, files.FIELD, entry.problem))
                continue
            if entry.path in content:
                continue  # items: Project.discover
            if entry.name in files.IGNORED_NAMES and entry.kind == "file":
                continue
            if entry.name.startswith(".") and not in_assets:  # MkDocs leaves dot-files out
                what = "mappen" if entry.kind == "dir" else "filen"
                found.problems.append(Problem(display, None, None, files.FIELD,
                                              f"namnet börjar med . och då publiceras {what} inte. "
                                              f"Byt namn eller ta bort {what}."))
                continue
            if entry.kind == "dir":
                pending.append(entry.path)
                continue
            extension = entry.path.suffix.lower().lstrip(".")
            if extension == "md":
                found.pages.append(entry.path)
            elif in_assets:
                found.assets.append(entry.path)
            elif extension in rules.documents or extension in rules.images:
                media = files.media_problems(entry.path, display, extension)
                found.problems += media
                if not media:
                    found.media.append(entry.path)
            else:
                found.problems.append(Problem(
                    display, None, None, files.FIELD,
                    f"filtypen .{extension or '(ingen)'} får inte ligga i docs/. Här får bara finnas "
                    f"sidor (.md) och bilder eller dokument ({', '.join(rules.allowed())}); "
                    "HTML, skript och annat publiceras bara efter granskning, i docs/assets/. "
                    "Ta bort filen eller skriv sidan i Markdown."))
    return found


def site_page_problems(path: Path, display: str, project: Project | None = None) -> list[Problem]:
    """A page of the site's own, read as MkDocs will read it, and within the same bounds as items;
    with project, a page without problems is kept there for the build (Project.validated)."""
    text, problems = files.read_text(path, display)
    if text is None:
        return problems
    front, problems = frontmatter.read(text, display, required=False)
    if front is None:
        return problems
    for key in PAGE_TEXT_FIELDS:
        node = front.fields.get(key)
        if node is None:
            continue
        line, column = frontmatter.node_position(node, 1)
        if not isinstance(node, yaml.ScalarNode):
            problems.append(Problem(display, line, column, key,
                                    f"ska vara en text, inte en lista eller samling av fält. Skriv "
                                    f"{key}: följt av texten på samma rad."))
            continue
        kind = frontmatter.plain_text_kind(node)
        if kind is not None:
            problems.append(Problem(display, line, column, key, not_text_message(key, node, kind)))
        elif key == "title" and has_markup(str(node.value)):  # the theme prints it as it is
            problems.append(Problem(display, line, column, key, markup_message(str(node.value))))
    problems += limits.nesting(front.body, display, front.body_line)
    if front.unreadable and not problems:
        problems.append(unreadable_problem(display, front))
    if project is not None and not problems:
        try:
            meta = plain_values(front.fields)
        except Exception:  # noqa: BLE001 - left to the build, which reads the page again and fails as before
            return problems
        project.validated[path] = kept(text, front.body, front.body_line, meta)
    return problems


def collisions(project: Project, items: list[Item], docs: DocsFiles) -> list[Problem]:
    """Files in docs/ at an address the site generates: an item's page or attachment,
    or a listing, overview, the search page or the catalogue."""
    taken: dict[str, str] = {}
    for item in items:
        taken[item.url] = item.source
        for extra in (*item.attachments, *item.assets):
            taken[f"{item.url}{extra.name}"] = item.source
    sections = {t.path for t in project.types} | {f.path for f in project.facets} | set(GENERATED_SECTIONS)
    docs_root = project.root / DOCS_DIR
    problems = []
    for path in (*docs.pages, *docs.media):
        src_uri = path.relative_to(docs_root).as_posix()
        url = page_url(src_uri) if path.suffix.lower() == ".md" else src_uri
        display = project.display(path)
        if url in taken:
            problems.append(Problem(display, None, None, files.FIELD,
                                    f"krockar med {taken[url]}, som får samma adress ({url}). "
                                    "Byt namn på den ena."))
        elif url.split("/")[0] in sections:
            problems.append(Problem(display, None, None, files.FIELD,
                                    f"krockar med sidorna som webbplatsen skapar själv under "
                                    f"{url.split('/')[0]}/ (adressen {url}). Ta bort eller byt namn på filen."))
    return problems


def _display(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
