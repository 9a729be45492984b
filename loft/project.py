"""The project: data files and content folders of one repository.

`Project.load(root)` reads the vocabularies; `project.load_items()` discovers,
reads and validates every item and returns them with all problems found.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from . import frontmatter
from .model import Attachment, ContentType, Detail, Facet, Item
from .problems import ContentError, Problem
from .text import slugify
from .validation import validate
from .vocabulary import Vocabulary

DATA_DIR = "data"
# Names in a content folder that are not items.
IGNORED = {"README.md", ".gitkeep"}
# Slugs that would collide with generated pages.
RESERVED_SLUGS = {"index", "sida", "feed", "flode"}


@dataclass(frozen=True)
class AttachmentRules:
    documents: dict[str, str]  # extension -> format label
    images: frozenset[str]

    def allowed(self) -> list[str]:
        return sorted(set(self.documents) | self.images)


class Project:
    def __init__(self, root: Path, types: list[ContentType], facets: list[Facet],
                 attachments: AttachmentRules):
        self.root = root
        self.types = types
        self.facets = facets
        self.attachments = attachments
        self.type_by_id = {t.id: t for t in types}
        self.facet_by_field = {f.field: f for f in facets}

    # --- data files -------------------------------------------------------
    @classmethod
    def load(cls, root: Path | str) -> Project:
        """Read data/; raise ContentError if the data files themselves are wrong."""
        root = Path(root).resolve()
        problems: list[Problem] = []
        types = [
            ContentType(
                id=str(t["id"]), label=t["label"], plural=t["plural"], source=t["source"],
                path=t["path"], required=tuple(t.get("required") or ()), intro=t.get("intro", ""),
                count_nouns=tuple(t.get("count") or ("publikation", "publikationer")),
            )
            for t in _read_list(root, "types.yml", problems)
        ]
        facets = []
        for entry in _read_list(root, "facets.yml", problems):
            vocab_file = f"{DATA_DIR}/{entry['vocabulary']}"
            vocabulary, vocab_problems = Vocabulary.load(root / vocab_file, vocab_file)
            problems += vocab_problems
            facets.append(Facet(
                field=entry["field"], vocabulary=vocabulary, path=entry["path"],
                title=entry["title"], singular=entry["singular"],
                item_heading=entry.get("item_heading", entry["title"]),
                empty=entry.get("empty", "Inget publicerat material ännu."),
                intro=entry.get("intro", ""),
                details=tuple(Detail(d["field"], d["label"], d.get("lang"))
                              for d in entry.get("details") or ()),
            ))
        raw_attachments = _read(root, "attachments.yml", problems) or {}
        rules = AttachmentRules(
            documents={str(k).lower(): str(v) for k, v in (raw_attachments.get("documents") or {}).items()},
            images=frozenset(str(e).lower() for e in raw_attachments.get("images") or ()),
        )
        if problems:
            raise ContentError(problems)
        return cls(root, types, facets, rules)

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
        found = []
        for ctype in self.types:
            folder = self.root / ctype.source
            if not folder.is_dir():
                continue
            for entry in sorted(folder.iterdir(), key=lambda e: e.name):
                if entry.name in IGNORED or entry.name.startswith((".", "_")):
                    continue
                if entry.is_dir():
                    found.append((ctype, entry / "index.md", True))
                else:
                    found.append((ctype, entry, False))
        return found

    def load_items(self, only: list[Path] | None = None) -> tuple[list[Item], list[Problem]]:
        """Read and validate all items (or only those at the given paths)."""
        items: list[Item] = []
        problems: list[Problem] = []
        wanted = {p.resolve() for p in only} if only is not None else None
        for ctype, path, is_folder in self.sources():
            if wanted is not None and not _is_wanted(path, is_folder, wanted):
                continue
            item, item_problems = self.read_item(ctype, path, is_folder)
            problems += item_problems
            if item is not None:
                items.append(item)
        problems += _duplicate_urls(items)
        return items, problems

    def read_item(self, ctype: ContentType, path: Path,
                  is_folder: bool) -> tuple[Item | None, list[Problem]]:
        display = self.display(path)
        if is_folder and not path.exists():
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
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            return None, [Problem(display, None, None, "fil",
                                  "filen är inte sparad som UTF-8. Spara om den med "
                                  "teckenkodningen UTF-8.")]
        front, front_problems = frontmatter.read(text, display)
        problems += front_problems
        if front is None:
            return None, problems
        fields, field_problems = validate(display, front, ctype, self.facets)
        problems += field_problems
        attachments, assets = [], []
        if is_folder:
            attachments, assets, file_problems = self._folder_files(path.parent)
            problems += file_problems
        if problems:
            return None, problems
        return Item(
            type=ctype, slug=slug, source=display, source_path=path, title=fields.title,
            date=fields.date, summary=fields.summary, authors=fields.authors,
            draft=fields.draft, based_on=fields.based_on, redirect_from=fields.redirect_from,
            tags=fields.tags, attachments=tuple(attachments),
            assets=tuple(assets), is_folder=is_folder,
        ), []

    def _folder_files(self, folder: Path):
        attachments, assets, problems = [], [], []
        for file in sorted(folder.rglob("*")):
            if not file.is_file() or file.name == "index.md" or file.name.startswith("."):
                continue
            name = file.relative_to(folder).as_posix()
            extension = file.suffix.lower().lstrip(".")
            entry = Attachment(name, self.attachments.documents.get(extension, extension.upper()),
                               file.stat().st_size, file)
            if extension in self.attachments.documents:
                attachments.append(entry)
            elif extension in self.attachments.images:
                assets.append(entry)
            else:
                problems.append(Problem(
                    self.display(file), None, None, "bilaga",
                    f"filtypen .{extension or '(ingen)'} är inte tillåten. Tillåtna filtyper: "
                    f"{', '.join(self.attachments.allowed())}. Spara till exempel dokumentet som PDF."))
        return attachments, assets, problems

    def display(self, path: Path) -> str:
        if path.is_absolute() and ".." not in path.parts:
            try:  # paths found under the (resolved) root need no resolve(): 5,000 stat calls saved
                return path.relative_to(self.root).as_posix()
            except ValueError:
                pass
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


def _is_wanted(path: Path, is_folder: bool, wanted: set[Path]) -> bool:
    """Whether the item at path was asked for: itself, a folder holding it, or a file in its folder."""
    item = path.parent if is_folder else path  # absolute, under the resolved root already
    return any(w == item or w in item.parents or (is_folder and item in w.parents) for w in wanted)


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


def _read(root: Path, name: str, problems: list[Problem]):
    path = root / DATA_DIR / name
    display = f"{DATA_DIR}/{name}"
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=frontmatter.LOADER)
    except FileNotFoundError:
        problems.append(Problem(display, None, None, "data", "filen saknas."))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problems.append(Problem(display, mark.line + 1 if mark else None, 1, "data",
                                f"YAML-syntaxfel: {error}"))
    return None


def _read_list(root: Path, name: str, problems: list[Problem]) -> list[dict]:
    raw = _read(root, name, problems)
    if raw is None:
        return []
    if not isinstance(raw, list) or not all(isinstance(e, dict) for e in raw):
        problems.append(Problem(f"{DATA_DIR}/{name}", None, None, "data",
                                "filen ska vara en lista med poster."))
        return []
    return raw
