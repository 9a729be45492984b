"""The project: data files and content folders of one repository.

`Project.load(root)` reads data/ (loft/content/data); `project.load_items()`
discovers, reads and validates every item and returns them with all problems found.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from loft.content import files
from loft.content import frontmatter
from loft.content.data import reader
from loft.content.data.load import DataFiles
from loft.content.model import Attachment, ContentType, Item
from loft.content.problems import ContentError, Problem
from loft.content.text import closest, slugify
from loft.content.validated import ValidatedText, kept, plain_values
from loft.content.validation import RecordVocabularies, validate

DATA_DIR = reader.DATA_DIR
DEFAULT_LANGUAGE = "sv"
# Names in a content folder that are not items: left alone, never published.
IGNORED = {"README.md", *files.IGNORED_NAMES}
# Slugs that would collide with generated pages.
RESERVED_SLUGS = {"index", "sida", "feed", "flode"}


class Project:
    def __init__(self, root: Path, data: DataFiles):
        self.root = root
        self.data = data
        self.types = list(data.types)
        self.facets = list(data.facets)
        self.attachments = data.attachments
        self.record = RecordVocabularies(data.publishers, data.languages)
        self.type_by_id = {t.id: t for t in self.types}
        self.facet_by_field = {f.field: f for f in self.facets}
        self._prefix = root.as_posix().rstrip("/") + "/"  # display(): the root's paths start so
        # path -> the text of every Markdown file read and split (items, and the
        # site's own pages once checked): the build and the text check use it
        # instead of reading and parsing the file again (loft/content/validated.py).
        self.validated: dict[Path, ValidatedText] = {}

    # --- data files -------------------------------------------------------
    @classmethod
    def load(cls, root: Path | str) -> Project:
        """Read data/; raise ContentError if the data files themselves are wrong."""
        root = Path(root).resolve()
        data, problems = DataFiles.load(root)
        if data is None:
            raise ContentError(problems)
        return cls(root, data)

    # --- content ----------------------------------------------------------
    def type_of(self, path: Path) -> ContentType | None:
        """The content type whose folder holds path (a file under the root)."""
        relative = path.resolve().relative_to(self.root).as_posix()
        for ctype in self.types:
            if relative == ctype.source or relative.startswith(ctype.source + "/"):
                return ctype
        return None

    def sources(self) -> list[tuple[ContentType, Path, bool]]:
        """Every item's Markdown file: (type, path, is_folder) in a stable order."""
        return self.discover()[0]

    def discover(self) -> tuple[list[tuple[ContentType, Path, bool]], list[Problem]]:
        """Every item's Markdown file, and a problem for every other entry of a content
        folder: nothing in one is left out without a word (README.md and .gitkeep aside)."""
        found, problems = [], []
        for ctype in self.types:
            folder = self.root / ctype.source
            kind, message = files.kind_problem(folder)
            if kind == "other" and message != files.MISSING:
                problems.append(Problem(ctype.source, None, None, files.FIELD, message))
            if kind != "dir":
                continue
            for entry in files.entries(folder):
                if entry.kind == "other":
                    problems.append(Problem(self.display(entry.path), None, None, files.FIELD, entry.problem))
                elif entry.name in IGNORED and entry.kind == "file":
                    continue
                elif entry.name.startswith((".", "_")):
                    problems.append(Problem(self.display(entry.path), None, None, files.FIELD,
                                            _hidden_name(entry)))
                else:
                    found.append((ctype, entry.path / "index.md", True) if entry.kind == "dir"
                                 else (ctype, entry.path, False))
        return found, problems

    def load_items(self, only: list[Path] | None = None) -> tuple[list[Item], list[Problem]]:
        """Read and validate all items (or only those at the given paths)."""
        items: list[Item] = []
        problems: list[Problem] = []
        wanted = {lexical_resolve(p) for p in only} if only is not None else None
        sources, found_problems = self.discover()
        problems += [p for p in found_problems
                     if wanted is None or _is_wanted(self.root / p.path, False, wanted)]
        for ctype, path, is_folder in sources:
            if wanted is not None and not _is_wanted(path, is_folder, wanted):
                continue
            item, item_problems = self.read_item(ctype, path, is_folder)
            problems += item_problems
            if item is not None:
                items.append(item)
        problems += _duplicate_urls(items)
        if only is None:  # a part of the content cannot tell whether the item continued exists
            items = by_file_path(items)
            problems += continues_problems(items)
        return items, problems

    def read_item(self, ctype: ContentType, path: Path,
                  is_folder: bool) -> tuple[Item | None, list[Problem]]:
        display = self.display(path)
        if is_folder and files.kind_problem(path)[1] == files.MISSING:
            return None, [Problem(self.display(path.parent), None, None, "mapp",
                                  "mappen saknar index.md. Ett objekt i en egen mapp består av "
                                  "index.md (texten med front matter) och bilagorna bredvid den.")]
        if not is_folder and path.suffix.lower() != ".md":
            return None, [Problem(display, None, None, "fil",
                                  f"filen är ingen Markdown-fil. Lägg bilagor i en mapp tillsammans "
                                  f"med objektets index.md, till exempel {ctype.source}/"
                                  f"{slugify(path.stem) or 'min-rapport'}/index.md.")]
        if not is_folder and path.name == "index.md":
            return None, [Problem(display, None, None, "fil",
                                  f"index.md direkt i {ctype.source}/ är reserverad för "
                                  "listningssidan. Flytta texten till en egen fil eller mapp.")]
        slug = slugify(path.parent.name if is_folder else path.stem)
        problems: list[Problem] = []
        if slug in RESERVED_SLUGS or not slug:
            name = path.parent.name if is_folder else path.name
            problems.append(Problem(display, None, None, "fil",
                                    f"namnet \"{name}\" kan inte användas för ett objekt. "
                                    "Byt namn, till exempel efter titeln."))
        text, read_problems = files.read_text(path, display)
        if text is None:
            return None, problems + read_problems
        front, front_problems = frontmatter.read(text, display)
        problems += front_problems
        if front is None:
            return None, problems
        fields, field_problems = validate(display, front, ctype, self.facets, self.record)
        problems += field_problems
        if front.unreadable and not problems:
            problems.append(unreadable_problem(display, front))
        attachments, assets = [], []
        if is_folder:
            attachments, assets, file_problems = self._folder_files(path.parent)
            problems += file_problems
        if problems:
            self.validated[path] = kept(text, front.body, front.body_line, None)
            return None, problems
        # Valid, so every value constructs (the scalars were tried, the keys are text).
        self.validated[path] = kept(text, front.body, front.body_line, plain_values(front.fields))
        return Item(
            type=ctype, slug=slug, source=display, source_path=path, title=fields.title,
            date=fields.date, summary=fields.summary, authors=fields.authors,
            draft=fields.draft, based_on=fields.based_on, redirect_from=fields.redirect_from,
            tags=fields.tags, attachments=tuple(attachments),
            assets=tuple(assets), is_folder=is_folder,
            publishers=fields.publishers, language=fields.language or DEFAULT_LANGUAGE,
            published_at=fields.published_at, continues=fields.continues,
            continues_at=fields.continues_at, identifiers=fields.identifiers,
        ), []

    def _folder_files(self, folder: Path):
        """Attachments and images of a folder item, its subfolders included (never through a link)."""
        attachments, assets, problems = [], [], []
        pending = [folder]
        while pending:
            current = pending.pop(0)
            for entry in files.entries(current):
                display = self.display(entry.path)
                nested = current != folder
                if entry.kind == "other":
                    problems.append(Problem(display, None, None, files.FIELD, entry.problem))
                    continue
                if entry.name in files.IGNORED_NAMES and entry.kind == "file":
                    continue
                if entry.name.startswith("."):
                    problems.append(Problem(display, None, None, files.FIELD, _hidden_name(entry)))
                    continue
                if entry.kind == "dir":
                    pending.append(entry.path)
                    continue
                if entry.name == "index.md" and not nested:
                    continue
                extension = entry.path.suffix.lower().lstrip(".")
                if extension == "md" and nested:
                    problems.append(Problem(display, None, None, files.FIELD,
                                            "en Markdown-fil i en undermapp till ett objekt publiceras inte: "
                                            "ett objekt har en enda text, index.md. Gör filen till ett eget "
                                            f"objekt (en egen fil eller mapp direkt i {self.display(folder.parent)}/) "
                                            "eller ta bort den."))
                    continue
                name = entry.path.relative_to(folder).as_posix()
                if extension not in self.attachments.documents and extension not in self.attachments.images:
                    problems.append(Problem(
                        display, None, None, "bilaga",
                        f"filtypen .{extension or '(ingen)'} är inte tillåten. Tillåtna filtyper: "
                        f"{', '.join(self.attachments.allowed())}. Spara till exempel dokumentet som PDF."))
                    continue
                signature = files.media_problems(entry.path, display, extension)
                if signature:
                    problems += signature
                    continue
                attachment = Attachment(name, self.attachments.documents.get(extension, extension.upper()),
                                        entry.path.stat().st_size, entry.path,
                                        files.pdf_pages(entry.path) if extension == "pdf" else None)
                (attachments if extension in self.attachments.documents else assets).append(attachment)
        attachments.sort(key=lambda a: a.name)
        assets.sort(key=lambda a: a.name)
        return attachments, assets, problems

    def display(self, path: Path) -> str:
        # Paths found under the (resolved) root need no resolve() and no relative_to():
        # the root's text with a / is their start (Path drops "." parts; ".." sends them below).
        text = path.as_posix()
        if text.startswith(self._prefix) and "/.." not in text:
            return text[len(self._prefix):]
        if path.is_absolute() and ".." not in path.parts:
            try:
                return path.relative_to(self.root).as_posix()
            except ValueError:
                pass
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


def lexical_resolve(path: Path) -> Path:
    """The absolute path with its folders resolved but not its last part: a link
    given on the command line is checked as the link (resolve() would follow it,
    and raises on a loop)."""
    path = path.absolute()
    try:
        return path.parent.resolve() / path.name if path.name not in ("", ".", "..") else path.resolve()
    except (OSError, RuntimeError):
        return path


def _hidden_name(entry: files.Entry) -> str:
    what = "mappen" if entry.kind == "dir" else "filen"
    stem, dot, suffix = entry.name.lstrip("._").partition(".")
    better = (slugify(stem) or "nytt-namn") + (dot + suffix if entry.kind == "file" and suffix else "")
    return (f"namnet börjar med {entry.name[0]} och då publiceras {what} inte. Byt namn, till exempel "
            f"till {better}, eller ta bort {what}.")


def unreadable_problem(display: str, front: frontmatter.FrontMatter) -> Problem:
    """MkDocs' loader fails on YAML ours read: MkDocs would show the front matter as text."""
    return Problem(display, 2, 1, "front matter",
                   f"front matter går inte att läsa som fält ({front.unreadable}). Skriv värden "
                   "som innehåller specialtecken inom citattecken.")


def _is_wanted(path: Path, is_folder: bool, wanted: set[Path]) -> bool:
    """Whether the item at path was asked for: itself, a folder holding it, or a file in its folder."""
    item = path.parent if is_folder else path  # absolute, under the resolved root already
    return any(w == item or w in item.parents or (is_folder and item in w.parents) for w in wanted)


def by_file_path(items: list[Item]) -> list[Item]:
    """continues: may name the other item by its file ("reports/x.md",
    "reports/x/index.md"): such a value becomes the item's address."""
    urls = {item.url for item in items}
    by_file = {item.source.removesuffix(".md").removesuffix("/index") + "/": item.url for item in items}
    return [replace(item, continues=by_file[item.continues])
            if item.continues and item.continues not in urls and item.continues in by_file else item
            for item in items]


def _continues_fix(item: Item, by_url: dict[str, Item]) -> str:
    """How to mend a continues: that names no item: the closest address, else
    an address of this site (the same type's first), never one that may not exist."""
    others = [other for other in by_url.values() if other is not item]
    if not others:
        return "Det finns inget annat objekt att fortsätta ännu: ta bort raden continues."
    hint = closest(item.continues, {other.url: other.url for other in others})
    if hint:
        return f"Menade du {hint}?"
    example = next((o for o in others if o.type == item.type and not o.draft), None) or others[0]
    return ("Skriv adressen till den tidigare delen som den står i webbläsaren efter webbplatsens namn, "
            f"till exempel {example.url}.")


def continues_problems(items: list[Item]) -> list[Problem]:
    """continues: must name another item that exists, and one that is published when
    this one is; two items cannot continue the same one, and a chain cannot loop."""
    by_url = {item.url: item for item in items}
    problems: list[Problem] = []
    taken: dict[str, Item] = {}

    def problem(item: Item, message: str) -> None:
        line, column = item.continues_at or (None, None)
        problems.append(Problem(item.source, line, column, "continues", message))

    for item in items:
        if not item.continues:
            continue
        target = by_url.get(item.continues)
        if target is None:
            problem(item, f"det finns inget objekt med adressen \"{item.continues}\". "
                          + _continues_fix(item, by_url))
        elif target is item:
            problem(item, "ett objekt kan inte fortsätta sig självt. Skriv adressen till den tidigare delen.")
        elif target.draft and not item.draft:
            problem(item, f"{target.source} är ett utkast och publiceras inte, så länken dit skulle inte "
                          "fungera. Publicera den delen först, eller gör också det här objektet till ett utkast.")
        elif target.url in taken:
            problem(item, f"{taken[target.url].source} fortsätter redan {target.url}. En del kan bara ha "
                          "en direkt fortsättning; skriv adressen till den senaste delen i serien.")
        else:
            taken[target.url] = item
    # A loop (a continues b, b continues a) has no first part.
    for item in items:
        seen = {item.url}
        current = item
        while current.continues and current.continues in by_url:
            current = by_url[current.continues]
            if current.url in seen:
                if current is item:
                    problem(item, "delarna fortsätter varandra i en ring, så ingen av dem är den första. "
                                  "Ta bort continues från den första delen.")
                break
            seen.add(current.url)
    return problems


def _duplicate_urls(items: list[Item]) -> list[Problem]:
    seen: dict[str, Item] = {}
    problems = []
    for item in items:
        if item.url in seen:
            problems.append(Problem(item.source, None, None, "fil",
                                    f"ger samma adress ({item.url}) som {seen[item.url].source}. "
                                    "Byt namn på den ena filen."))
        else:
            seen[item.url] = item
    return problems

