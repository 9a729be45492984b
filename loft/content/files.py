"""Only regular files from inside the repository, and only the kinds we publish.

Every file the site reads or publishes is looked at with os.lstat first and is
opened only when it is a regular file: a symlink beside an item would publish
whatever it points at (/proc/self/environ, /etc/passwd, .git/config), a FIFO
would hang the build for good, a device would be read without end. Attachments
and media are accepted only when their extension *and* their first bytes (the
file signature) name the same allowed format, and an SVG only when it holds no
script and no reference to anything outside itself: a browser runs script in
an SVG opened on its own.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable

from loft.content.problems import Problem

FIELD = "fil"
# Markdown files, data files and SVG images are read whole; nothing real comes near this.
MAX_TEXT_BYTES = 16 * 1024 * 1024
# Names that are no content and never published; allowed anywhere and ignored.
IGNORED_NAMES = {".gitkeep", ".DS_Store"}
# kind_problem's message for a path that is not there (callers word that case themselves).
MISSING = "filen finns inte."

_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


# --- what kind of file -------------------------------------------------------

def kind_problem(path: Path) -> tuple[str, str | None]:
    """("file" | "dir" | "other", Swedish message when it may not be used), from lstat only."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return "other", MISSING
    except OSError as error:
        return "other", f"filen går inte att läsa ({error.strerror or error})."
    if stat.S_ISREG(mode):
        return "file", None
    if stat.S_ISDIR(mode):
        return "dir", None
    if stat.S_ISLNK(mode):
        return "other", _symlink_message(path)
    what = ("en namngiven pipe (FIFO)" if stat.S_ISFIFO(mode) else
            "en socket" if stat.S_ISSOCK(mode) else
            "en enhetsfil" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "en okänd sorts fil")
    return "other", (f"filen är ingen vanlig fil utan {what}. Den kan inte läsas eller publiceras; "
                     "ta bort den.")


def _symlink_message(path: Path) -> str:
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    try:
        os.stat(path)
    except FileNotFoundError:
        return (f"filen är en symbolisk länk till {target}, som inte finns. Ta bort länken "
                "och lägg in själva filen i stället.")
    except OSError as error:
        if error.errno == errno.ELOOP:
            return (f"filen är en symbolisk länk som pekar på sig själv i en slinga ({target}). "
                    "Ta bort länken.")
        return f"filen är en symbolisk länk till {target}, som inte går att läsa. Ta bort länken."
    return (f"filen är en symbolisk länk (till {target}). Länkar publiceras aldrig: de kan peka "
            "på filer utanför innehållet, till exempel lösenord eller inställningar. Ta bort "
            "länken och lägg in en kopia av själva filen i stället.")


def open_regular(path: Path) -> BinaryIO:
    """Open a regular file for reading without following a symlink or blocking on a FIFO.

    Raises UnsafeFile with the Swedish message when it is anything else."""
    kind, message = kind_problem(path)
    if kind == "dir":
        raise UnsafeFile("filen är en mapp, inte en fil. Byt namn på mappen eller ta bort den.")
    if message:
        raise UnsafeFile(message)
    try:
        fd = os.open(path, _FLAGS)
    except PermissionError:
        raise UnsafeFile("filen går inte att läsa: behörighet saknas. Ge alla läsrätt till filen "
                         "(till exempel chmod a+r) eller lägg in den på nytt.") from None
    except OSError as error:  # replaced by a link or removed since lstat
        raise UnsafeFile(f"filen går inte att läsa ({error.strerror or error}).") from None
    handle = os.fdopen(fd, "rb")
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        handle.close()
        raise UnsafeFile("filen är ingen vanlig fil. Ta bort den.")
    return handle


def read_at_most(handle: BinaryIO, count: int) -> bytes:
    """The first count bytes of an open file, or all of it: sized by the file,
    since read(count) allocates count bytes first (16 MiB for every item's text)."""
    size = os.fstat(handle.fileno()).st_size
    data = handle.read(min(size + 1, count))
    if size < len(data) < count:  # grown since fstat: read on, as far as count
        data += handle.read(count - len(data))
    return data


class UnsafeFile(Exception):
    """A file that must not be read; the message is the Swedish problem."""


def read_bytes(path: Path, limit: int = MAX_TEXT_BYTES) -> bytes:
    """The whole file (raises UnsafeFile for anything but a regular file of sane size)."""
    with open_regular(path) as handle:
        data = read_at_most(handle, limit + 1)
    if len(data) > limit:
        raise UnsafeFile(f"filen är större än {limit // (1024 * 1024)} MiB och kan inte vara en "
                         "textfil för webbplatsen. Dela upp den eller ta bort den.")
    return data


def read_text(path: Path, display: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 text read as MkDocs reads it (BOM dropped, universal newlines), or the problem."""
    try:
        data = read_bytes(path)
    except UnsafeFile as error:
        return None, [Problem(display, None, None, FIELD, str(error))]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [Problem(display, line, column, FIELD,
                              "filen är inte sparad som UTF-8. Spara om den med "
                              "teckenkodningen UTF-8.")]
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, []


# --- signatures of the allowed formats --------------------------------------
# The allow-list of extensions is data/attachments.yml; each extension there needs
# a rule here (Project.load says so otherwise). A rule gets the first 16 bytes and
# the open file, and says whether the content is that format.

def _prefix(*signatures: bytes) -> Callable[[bytes, BinaryIO], bool]:
    return lambda head, handle: head.startswith(signatures)


def _zip(handle: BinaryIO) -> zipfile.ZipFile | None:
    try:
        return zipfile.ZipFile(handle)
    except Exception:  # a hostile archive fails in many ways; any failure means "not this format"
        return None


def _zip_with(check: Callable[[zipfile.ZipFile], bool]) -> Callable[[bytes, BinaryIO], bool]:
    """A ZIP-based format: a ZIP archive whose entries pass check."""

    def rule(head: bytes, handle: BinaryIO) -> bool:
        archive = head.startswith(b"PK\x03\x04") and _zip(handle)
        if not archive:
            return False
        with archive:
            try:
                return check(archive)
            except Exception:  # missing entry, bad CRC, unknown compression, ...
                return False

    return rule


def _office_open(folder: str) -> Callable[[bytes, BinaryIO], bool]:
    """DOCX/PPTX/XLSX: a ZIP with [Content_Types].xml and the format's own folder."""

    def check(archive: zipfile.ZipFile) -> bool:
        names = archive.namelist()
        return "[Content_Types].xml" in names and any(n.startswith(folder) for n in names)

    return _zip_with(check)


def _open_document(media_type: str) -> Callable[[bytes, BinaryIO], bool]:
    """ODT/ODP: a ZIP whose `mimetype` entry is the format's media type."""

    def check(archive: zipfile.ZipFile) -> bool:
        info = archive.getinfo("mimetype")
        return info.file_size < 200 and archive.read(info).strip() == media_type.encode()

    return _zip_with(check)


def _webp(head: bytes, handle: BinaryIO) -> bool:
    return head[:4] == b"RIFF" and head[8:12] == b"WEBP"


SIGNATURES: dict[str, tuple[str, str, Callable[[bytes, BinaryIO], bool]]] = {
    # extension: (format name in messages, "dokumentet"/"bilden", rule)
    "pdf": ("PDF", "dokumentet", _prefix(b"%PDF-")),
    "docx": ("DOCX", "dokumentet", _office_open("word/")),
    "pptx": ("PPTX", "presentationen", _office_open("ppt/")),
    "xlsx": ("XLSX", "kalkylbladet", _office_open("xl/")),
    "odt": ("ODT", "dokumentet", _open_document("application/vnd.oasis.opendocument.text")),
    "odp": ("ODP", "presentationen", _open_document("application/vnd.oasis.opendocument.presentation")),
    "png": ("PNG", "bilden", _prefix(b"\x89PNG\r\n\x1a\n")),
    "jpg": ("JPEG", "bilden", _prefix(b"\xff\xd8\xff")),
    "jpeg": ("JPEG", "bilden", _prefix(b"\xff\xd8\xff")),
    "gif": ("GIF", "bilden", _prefix(b"GIF87a", b"GIF89a")),
    "webp": ("WebP", "bilden", _webp),
    "svg": ("SVG", "bilden", lambda head, handle: True),  # checked whole by svg_problems
}


def media_problems(path: Path, display: str, extension: str) -> list[Problem]:
    """Problems of one attachment or media file whose extension is allowed."""
    name, what, rule = SIGNATURES[extension]
    try:
        if extension == "svg":
            return svg_problems(read_bytes(path), display)
        with open_regular(path) as handle:
            head = handle.read(16)
            handle.seek(0)
            if rule(head, handle):
                return []
    except UnsafeFile as error:
        return [Problem(display, None, None, FIELD, str(error))]
    pronoun = "den" if what in ("bilden", "presentationen") else "det"
    return [Problem(display, None, None, "bilaga",
                    f"filen heter .{extension} men är ingen {name}. Spara om {what} som {name} "
                    f"och lägg in {pronoun} igen.")]


# --- SVG ---------------------------------------------------------------------

_SVG_FIX = ("En SVG-bild får bara innehålla själva bilden: skript, händelseattribut och "
            "hänvisningar till andra filer eller webbplatser körs eller hämtas i läsarens "
            "webbläsare. Exportera bilden på nytt utan dem, eller spara den som PNG.")
_DOCTYPE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_CSS_URL = re.compile(r"url\s*\(\s*['\"]?\s*([^'\")\s]*)", re.IGNORECASE)
_LINK_ATTRIBUTES = {"href", "src"}


def svg_problems(data: bytes, display: str) -> list[Problem]:
    """An SVG is allowed only when it is nothing but a picture."""
    from lxml import etree

    def problem(what: str, line: int | None = None) -> list[Problem]:
        return [Problem(display, line, 1 if line else None, "bilaga",
                        f"SVG-bilden innehåller {what}. {_SVG_FIX}")]

    doctype = _DOCTYPE.search(data)
    if doctype:  # entities can pull in files or explode; an SVG never needs them
        return problem("en DOCTYPE eller en ENTITY-deklaration", data.count(b"\n", 0, doctype.start()) + 1)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                             load_dtd=False, dtd_validation=False)
    try:
        root = etree.fromstring(data, parser)
    except (etree.XMLSyntaxError, ValueError) as error:
        return [Problem(display, None, None, "bilaga",
                        f"SVG-bilden går inte att läsa som XML ({error}). Exportera bilden på nytt "
                        "eller spara den som PNG.")]
    if etree.QName(root).localname != "svg":
        return problem("inget <svg>-element överst; filen är ingen SVG-bild")
    for node in root.iter():
        line = getattr(node, "sourceline", None)
        if isinstance(node, etree._ProcessingInstruction):
            return problem(f"en bearbetningsinstruktion (<?{node.target} …?>)", line)
        if not isinstance(node.tag, str):  # comments and entities
            continue
        name = etree.QName(node).localname.lower()
        if name == "script":
            return problem("skript (<script>)", line)
        if name == "foreignobject":
            return problem("ett <foreignObject>, som kan bära HTML", line)
        if name == "style" and _bad_css(node.text or ""):
            return problem("en stilmall som hämtar något utifrån (@import eller url(...))", line)
        for attribute, value in node.attrib.items():
            local = etree.QName(attribute).localname.lower()
            if local.startswith("on"):
                return problem(f"händelseattributet {local}=", line)
            if local in _LINK_ATTRIBUTES and not value.strip().startswith("#"):
                return problem(f"en hänvisning till något utanför bilden ({local}=\"{value[:60]}\")", line)
            if _bad_css(value):
                return problem("en stil som hämtar något utifrån (url(...))", line)
    return []


def _bad_css(css: str) -> bool:
    if "@import" in css.lower():
        return True
    return any(not target.startswith("#") for target in _CSS_URL.findall(css))


# --- walking folders without following links ---------------------------------

@dataclass(frozen=True)
class Entry:
    path: Path
    name: str
    kind: str  # "file", "dir" or "other"
    problem: str | None  # Swedish message for "other"


def entries(folder: Path) -> list[Entry]:
    """The entries of a folder, sorted by name, classified by lstat (never followed)."""
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    found = []
    for name in names:
        path = folder / name
        kind, message = kind_problem(path)
        found.append(Entry(path, name, kind, message))
    return found


# A page-tree node of a PDF: << ... /Type /Pages ... /Count n ... >> (no nested
# dictionary in between; the root's count is the largest).
_PDF_PAGES = re.compile(rb"<<(?:(?!<<|>>).){0,2000}?/Type\s*/Pages\b(?:(?!<<|>>).){0,2000}?>>", re.DOTALL)
_PDF_COUNT = re.compile(rb"/Count\s+(\d{1,6})\b")
PDF_SCAN_BYTES = 64 * 1024 * 1024


def pdf_pages(path: Path) -> int | None:
    """The page count a PDF states in its page tree, or None when it does not say
    it readably (compressed object streams, a damaged file): never a guess."""
    try:
        with open_regular(path) as handle:
            data = read_at_most(handle, PDF_SCAN_BYTES)
    except UnsafeFile:
        return None
    counts = [int(m.group(1)) for node in _PDF_PAGES.finditer(data)
              for m in [_PDF_COUNT.search(node.group(0))] if m]
    return max(counts) if counts and max(counts) > 0 else None
