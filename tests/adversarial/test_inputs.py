"""Hostile and broken input: each case is the smallest file that shows it.

For every case `loft check` fails within seconds naming the file (and the line
where there is one), with no traceback; a subset (one per class) goes through
the real MkDocs build, which fails the same way; one test shows that the check
and the build reject exactly the same problems. Timeouts are a safety net
against hangs (a FIFO, a bomb), not timed assertions.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from harness import REPO, write_files
from helpers import report

GOOD = report("Rapport", "2023-05-15")
FRONT = "---\ntitle: Rapport\ndate: 2023-05-15\nsummary: Kort.\nprinciples: [kultur]\n"


def item(extra_front: str = "", body: str = "Text.\n", front: str = FRONT) -> str:
    return f"{front}{extra_front}---\n\n{body}"


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def svg(inner: str, attributes: str = "") -> bytes:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
            f'width="10" height="10"{attributes}>{inner}</svg>').encode()


def symlink(link: str, target: str) -> Callable[[Path], None]:
    def make(project: Path) -> None:
        path = project / link
        path.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, path)

    return make


def fifo(name: str) -> Callable[[Path], None]:
    def make(project: Path) -> None:
        path = project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(path)

    return make


def folder(name: str) -> Callable[[Path], None]:
    return lambda project: (project / name).mkdir(parents=True)


def git_config(project: Path) -> None:
    (project / ".git").mkdir(exist_ok=True)
    (project / ".git/config").write_text("[remote \"origin\"]\n\turl = https://token@example.org/x\n")
    symlink("reports/r/config.pdf", "../../.git/config")(project)


@dataclass
class Case:
    id: str
    files: dict[str, str | bytes]
    path: str  # the file the report must name
    line: int | None = None  # and the line, where the case is about one
    says: str = ""  # a piece of the Swedish message
    setup: Callable[[Path], None] | None = None


FOLDER = {"reports/r/index.md": GOOD}  # a folder item for attachments

CASES = [
    # --- YAML: bombs, depth, tags, binary, aliases --------------------------------
    Case("brackets-100k", {"reports/a.md": "---\ntitle: " + "[" * 100_000 + "\n---\n"},
         "reports/a.md", 2, "större än 64 KiB"),
    Case("brackets-60k", {"reports/a.md": "---\ntitle: " + "[" * 60_000 + "\n---\n"},
         "reports/a.md", 2, "fler än 20 nivåer"),
    Case("flow-mappings-3000", {"reports/a.md": "---\ntitle: " + "{a: " * 3000 + "}" * 3000 + "\n---\n"},
         "reports/a.md", 2, "fler än 20 nivåer"),
    Case("block-mappings-3000", {"reports/a.md": "---\n" + "".join(" " * n + "a:\n" for n in range(3000)) + "---\n"},
         "reports/a.md", 2, "större än 64 KiB"),
    Case("block-mappings-30", {"reports/a.md": "---\n" + "".join(" " * n + "a:\n" for n in range(30)) + "---\n"},
         "reports/a.md", 22, "fler än 20 nivåer"),
    Case("alias-bomb", {"reports/a.md": "---\na: &a [x, x, x, x, x, x, x, x, x]\n"
                                        + "".join(f"{k}: &{k} [{', '.join(['*' + p] * 9)}]\n"
                                                  for p, k in zip("abcdefgh", "bcdefghi"))
                                        + "title: *i\n---\n"},
         "reports/a.md", 2, "ankare och hänvisningar"),
    Case("one-alias", {"reports/a.md": item("authors: [&x Anna, *x]\n")}, "reports/a.md", 6, "ankare"),
    Case("binary-title", {"reports/a.md": "---\ntitle: !!binary AAECAwQF\n---\n"}, "reports/a.md", 2,
         "typangivelsen !!binary"),
    Case("int-tag", {"reports/a.md": "---\ntitle: !!int abc\n---\n"}, "reports/a.md", 2, "typangivelsen !!int"),
    Case("local-tag", {"reports/a.md": "---\ntitle: !foo bar\n---\n"}, "reports/a.md", 2, "typangivelsen !foo"),
    Case("python-tag", {"reports/a.md": "---\ntitle: !!python/object/apply:os.system [id]\n---\n"},
         "reports/a.md", 2, "typangivelsen"),
    Case("front-matter-70k", {"reports/a.md": item(f"authors: [{'A' * 70_000}]\n")}, "reports/a.md", 2,
         "större än 64 KiB"),
    Case("merge-key", {"reports/a.md": item("<<: {draft: true}\n")}, "reports/a.md", 6, "fältnamn"),
    Case("list-key", {"reports/a.md": item("? [a, b]\n: c\n")}, "reports/a.md", 6, "fältnamn"),
    # --- control characters ----------------------------------------------------
    Case("vertical-tab-title", {"reports/a.md": "---\ntitle: Del\x0btvå\n---\n"}, "reports/a.md", 2,
         "vertikal tabb, U+000B), som ofta följer med text som klistrats in från Word"),
    Case("nul-in-body", {"reports/a.md": item(body="Text\x00.\n")}, "reports/a.md", 8, "NUL-tecken"),
    Case("form-feed-body", {"reports/a.md": item(body="Ett\n\nTvå\x0c\n")}, "reports/a.md", 10, "sidbrytning"),
    Case("bom-inside", {"reports/a.md": item(body="Text \ufeffmer.\n")}, "reports/a.md", 8, "BOM"),
    Case("c1-nel-title", {"reports/a.md": "---\ntitle: a\x85b\n---\n"}, "reports/a.md", 2, "U+0085"),
    Case("escape-summary", {"reports/a.md": "---\ntitle: a\nsummary: \x1b[31m\n---\n"}, "reports/a.md", 3, "U+001B"),
    Case("control-in-site-page", {"docs/om.md": "---\ntitle: Om\n---\n\nText\x0b.\n"}, "docs/om.md", 5, "U+000B"),
    Case("control-in-data", {"data/principles.yml": None}, "data/principles.yml", None, "U+000B"),
    # --- encodings -------------------------------------------------------------
    Case("latin1-item", {"reports/a.md": "---\ntitle: Förnyelse\n---\n".encode("latin-1")},
         "reports/a.md", 2, "inte sparad som UTF-8"),
    Case("latin1-site-page", {"docs/om.md": "# Om\n\nFörnyelse\n".encode("latin-1")}, "docs/om.md", 3, "UTF-8"),
    Case("utf16-item", {"reports/a.md": GOOD.encode("utf-16")}, "reports/a.md", 1, "UTF-8"),
    Case("latin1-data", {"data/municipalities.yml": None}, "data/municipalities.yml", None, "UTF-8"),
    # --- front matter MkDocs would split differently -----------------------------
    Case("no-newline-after-closing", {"reports/a.md": FRONT + "---"}, "reports/a.md", 1, "sista rad"),
    Case("space-before-opening", {"reports/a.md": " " + item()}, "reports/a.md", 1, "mellanslag eller tabb före"),
    Case("empty-front-matter", {"reports/a.md": "---\n---\nText\n"}, "reports/a.md", 1, "front matter är tom"),
    Case("multimarkdown-site-page", {"docs/om.md": "Obs: sidan är ny\n\nText.\n"}, "docs/om.md", 1,
         "ser ut som ett fält"),
    Case("tag-in-site-page", {"docs/om.md": "---\ntitle: !!int abc\n---\n"}, "docs/om.md", 2, "typangivelsen"),
    Case("bad-date-in-site-page", {"docs/om.md": "---\ntitle: Om\ndate: 2023-02-31\n---\n"}, "docs/om.md", 2,
         "går inte att läsa som fält"),
    # --- plain-text fields that are not text -----------------------------------------
    Case("title-number", {"reports/a.md": item(front=FRONT.replace("Rapport", "123"))}, "reports/a.md", 2,
         "inom citattecken"),
    Case("title-true", {"reports/a.md": item(front=FRONT.replace("Rapport", "true"))}, "reports/a.md", 2,
         "sanningsvärde"),
    Case("author-year", {"reports/a.md": item("authors: [2023]\n")}, "reports/a.md", 6, "inom citattecken"),
    Case("summary-float", {"reports/a.md": item(front=FRONT.replace("Kort.", "1.5"))}, "reports/a.md", 4,
         "inom citattecken"),
    Case("site-title-number", {"docs/om.md": "---\ntitle: 123\n---\n"}, "docs/om.md", 2, "inom citattecken"),
    Case("site-description-mapping", {"docs/om.md": "---\ntitle: Om\ndescription: {a: b}\n---\n"},
         "docs/om.md", 3, "ska vara en text"),
    Case("data-label-number", {"data/principles.yml": None}, "data/principles.yml", None, "inom citattecken"),
    # --- file kinds ------------------------------------------------------------------
    Case("symlink-environ", FOLDER, "reports/r/env.pdf", None, "symbolisk länk",
         setup=symlink("reports/r/env.pdf", "/proc/self/environ")),
    Case("symlink-passwd", FOLDER, "reports/r/passwd.pdf", None, "symbolisk länk",
         setup=symlink("reports/r/passwd.pdf", "/etc/passwd")),
    Case("symlink-git-config", FOLDER, "reports/r/config.pdf", None, "symbolisk länk", setup=git_config),
    Case("symlink-dangling", FOLDER, "reports/r/borta.pdf", None, "som inte finns",
         setup=symlink("reports/r/borta.pdf", "finns-inte.pdf")),
    Case("symlink-loop", FOLDER, "reports/r/slinga.pdf", None, "slinga",
         setup=symlink("reports/r/slinga.pdf", "slinga.pdf")),
    Case("symlink-item", {}, "reports/a.md", None, "symbolisk länk", setup=symlink("reports/a.md", "/etc/passwd")),
    Case("symlink-news-folder", {}, "docs/nyheter/x", None, "symbolisk länk",
         setup=symlink("docs/nyheter/x", "/etc")),
    Case("symlink-docs-page", {}, "docs/env.md", None, "symbolisk länk",
         setup=symlink("docs/env.md", "/proc/self/environ")),
    Case("symlink-docs-root", {}, "docs/rot", None, "symbolisk länk", setup=symlink("docs/rot", "/")),
    Case("symlink-in-assets", {}, "docs/assets/x.css", None, "symbolisk länk",
         setup=symlink("docs/assets/x.css", "/etc/passwd")),
    Case("fifo-item", {}, "reports/a.md", None, "FIFO", setup=fifo("reports/a.md")),
    Case("fifo-docs", {}, "docs/x.md", None, "FIFO", setup=fifo("docs/x.md")),
    Case("fifo-attachment", FOLDER, "reports/r/a.pdf", None, "FIFO", setup=fifo("reports/r/a.pdf")),
    Case("dir-named-index-md", {"reports/r/bilaga.pdf": b"%PDF-1.4\n"}, "reports/r/index.md", None, "är en mapp",
         setup=folder("reports/r/index.md")),
    # --- attachments whose content is not what the name says ----------------------------
    Case("pdf-is-html", {**FOLDER, "reports/r/a.pdf": b"<html><script>alert(1)</script>"}, "reports/r/a.pdf",
         None, "filen heter .pdf men är ingen PDF. Spara om dokumentet som PDF och lägg in det igen."),
    Case("docx-without-word", {**FOLDER, "reports/r/a.docx": zip_bytes({"[Content_Types].xml": b"", "x": b""})},
         "reports/r/a.docx", None, "ingen DOCX"),
    Case("docx-bad-zip", {**FOLDER, "reports/r/a.docx": b"PK\x03\x04" + b"\x00" * 40}, "reports/r/a.docx",
         None, "ingen DOCX"),
    Case("odt-wrong-mimetype", {**FOLDER, "reports/r/a.odt": zip_bytes({"mimetype": b"text/html"})},
         "reports/r/a.odt", None, "ingen ODT"),
    Case("png-is-text", {**FOLDER, "reports/r/a.png": b"not a picture"}, "reports/r/a.png", None, "ingen PNG"),
    Case("gif-bad", {**FOLDER, "reports/r/a.gif": b"GIF88a...."}, "reports/r/a.gif", None, "ingen GIF"),
    Case("webp-bad", {**FOLDER, "reports/r/a.webp": b"RIFF\x00\x00\x00\x00WAVE"}, "reports/r/a.webp", None,
         "ingen WebP"),
    Case("pdf-in-docs-is-exe", {"docs/a.pdf": b"MZ\x90\x00"}, "docs/a.pdf", None, "ingen PDF"),
    # --- hostile SVGs -------------------------------------------------------------------
    Case("svg-script", {**FOLDER, "reports/r/a.svg": svg("\n<script>alert(1)</script>")}, "reports/r/a.svg", 2,
         "skript"),
    Case("svg-onload", {**FOLDER, "reports/r/a.svg": svg("", ' onload="alert(1)"')}, "reports/r/a.svg", 1,
         "onload"),
    Case("svg-external-href", {**FOLDER, "reports/r/a.svg": svg('<image xlink:href="https://example.org/x.png"/>')},
         "reports/r/a.svg", 1, "utanför bilden"),
    Case("svg-foreign-object", {**FOLDER, "reports/r/a.svg": svg("<foreignObject><p>x</p></foreignObject>")},
         "reports/r/a.svg", 1, "foreignObject"),
    Case("svg-style-import", {**FOLDER, "reports/r/a.svg": svg("<style>@import url(https://example.org/x.css);</style>")},
         "reports/r/a.svg", 1, "stilmall"),
    Case("svg-css-url", {**FOLDER, "reports/r/a.svg": svg('<rect style="fill: url(https://example.org/p)"/>')},
         "reports/r/a.svg", 1, "url("),
    Case("svg-entities", {**FOLDER, "reports/r/a.svg": b'<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY a "aaaa">'
                                                         b'<!ENTITY b "&a;&a;&a;">]>\n<svg>&b;</svg>'},
         "reports/r/a.svg", 2, "DOCTYPE"),
    Case("svg-broken", {**FOLDER, "reports/r/a.svg": b"<svg><g></svg>"}, "reports/r/a.svg", None, "som XML"),
    Case("svg-in-docs", {"docs/bild.svg": svg("<script>alert(1)</script>")}, "docs/bild.svg", 1, "skript"),
    # --- names that would not be published -------------------------------------------
    Case("underscore-item", {"reports/_x.md": GOOD}, "reports/_x.md", None, "namnet börjar med _"),
    Case("dot-item", {"reports/.x.md": GOOD}, "reports/.x.md", None, "namnet börjar med ."),
    Case("underscore-folder", {"materials/_mapp/index.md": GOOD}, "materials/_mapp", None, "namnet börjar med _"),
    Case("dot-attachment", {**FOLDER, "reports/r/.a.pdf": b"%PDF-1.4\n"}, "reports/r/.a.pdf", None,
         "namnet börjar med ."),
    # --- nested folders -------------------------------------------------------------------
    Case("nested-index", {"reports/mapp/index.md": GOOD, "reports/mapp/del2/index.md": GOOD},
         "reports/mapp/del2/index.md", None, "undermapp"),
    Case("nested-markdown", {**FOLDER, "reports/r/bilagor/a/b/text.md": "x"}, "reports/r/bilagor/a/b/text.md",
         None, "undermapp"),
    Case("nested-exe", {**FOLDER, "reports/r/bilagor/a.exe": b"MZ"}, "reports/r/bilagor/a.exe", None,
         "filtypen .exe"),
    # --- docs/: only pages and allowed media ------------------------------------------
    Case("docs-html", {"docs/x.html": "<script>alert(1)</script>"}, "docs/x.html", None, "filtypen .html"),
    Case("docs-js", {"docs/x.js": "alert(1)"}, "docs/x.js", None, "filtypen .js"),
    Case("docs-nested-exe", {"docs/filer/a.exe": b"MZ"}, "docs/filer/a.exe", None, "filtypen .exe"),
    Case("docs-dot-page", {"docs/.hemlig.md": "# Hemlig\n"}, "docs/.hemlig.md", None, "namnet börjar med ."),
    # --- collisions with generated addresses ------------------------------------------
    Case("docs-page-as-item", {"reports/x.md": GOOD, "docs/rapporter/x.md": "# X\n"}, "docs/rapporter/x.md",
         None, "krockar med reports/x.md, som får samma adress (rapporter/x/)"),
    Case("docs-page-as-overview", {"docs/principer.md": "# P\n"}, "docs/principer.md", None, "skapar själv under"),
    Case("docs-page-as-year", {"docs/ar/2023.md": "# 2023\n"}, "docs/ar/2023.md", None, "skapar själv under"),
    Case("docs-file-as-attachment", {"reports/r/index.md": GOOD, "reports/r/a.pdf": b"%PDF-1.4\n",
                                     "docs/rapporter/r/a.pdf": b"%PDF-1.4\n"},
         "docs/rapporter/r/a.pdf", None, "samma adress"),
    # --- bodies too deep for Markdown ------------------------------------------------------
    Case("div-50k", {"reports/a.md": item(body="<div>\n" * 50_000 + "x\n" + "</div>\n" * 50_000)},
         "reports/a.md", 8 + 100, "HTML-element"),
    Case("list-2000", {"reports/a.md": item(body="".join(" " * 4 * n + "- a\n" for n in range(2000)))},
         "reports/a.md", 8 + 100, "listor eller citat"),
    Case("inline-lists", {"reports/a.md": item(body="- " * 3000 + "x\n")}, "reports/a.md", 8, "listor"),
    Case("quotes-5000", {"reports/a.md": item(body=">" * 5000 + " x\n")}, "reports/a.md", 8, "citat"),
    Case("spaced-quotes", {"reports/a.md": item(body="> " * 2000 + "x\n")}, "reports/a.md", 8, "citat"),
    Case("emphasis-2000", {"reports/a.md": item(body="*" * 2000 + "x" + "*" * 2000 + "\n")}, "reports/a.md", 8,
         "tecken * eller _"),
    Case("deep-site-page", {"docs/om.md": "# Om\n\n" + "<span>" * 500 + "x\n"}, "docs/om.md", 3, "HTML-element"),
]

DATA_EDITS = {
    "control-in-data": ("data/principles.yml", lambda t: t.replace("label:", "label: \x0b", 1).encode()),
    "latin1-data": ("data/municipalities.yml", lambda t: (t + "\n# Förnyelse\n").encode("latin-1")),
    "data-label-number": ("data/principles.yml", lambda t: t.replace("label:", "label: 2023 #", 1).encode()),
}


def make_case(make_project, case: Case) -> Path:
    files = {k: v for k, v in case.files.items() if v is not None}
    project = make_project(files)
    if case.id in DATA_EDITS:
        name, edit = DATA_EDITS[case.id]
        (project / name).write_bytes(edit((project / name).read_text(encoding="utf-8")))
    if case.setup:
        case.setup(project)
    return project


def loft_check(project: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "loft.cli", "check"], cwd=project, env=env,
                          capture_output=True, text=True, timeout=60)


def assert_names(output: str, case: Case) -> None:
    assert "Traceback" not in output and "RecursionError" not in output, output[-3000:]
    where = f"{case.path}:{case.line}:" if case.line else f"{case.path}:"
    lines = [line.strip() for line in output.splitlines() if line.strip().startswith(where)]
    assert lines, f"{where} saknas i:\n{output[-3000:]}"
    assert any(case.says in line for line in lines), f"{case.says!r} saknas i {lines}"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_loft_check_rejects_and_names_the_file(case, make_project):
    done = loft_check(make_case(make_project, case))
    assert done.returncode == 1, done.stdout + done.stderr
    assert_names(done.stdout + done.stderr, case)


# One case of each class through the real build.
BUILD_CASES = ["brackets-100k", "alias-bomb", "binary-title", "vertical-tab-title", "latin1-site-page",
               "no-newline-after-closing", "site-title-number", "symlink-environ", "symlink-docs-root",
               "fifo-docs", "fifo-item", "pdf-is-html", "svg-script", "underscore-item", "nested-index",
               "docs-html", "docs-page-as-item", "div-50k", "control-in-data"]


@pytest.mark.build
@pytest.mark.parametrize("case_id", BUILD_CASES)
def test_the_build_fails_the_same_way(case_id, make_project):
    case = next(c for c in CASES if c.id == case_id)
    project = make_case(make_project, case)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site")]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO), "LOFT_SEARCH_INDEX": "off"}
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1, done.stdout + done.stderr  # 1: an error, not a signal
    assert_names(done.stdout + done.stderr, case)


def problem_lines(output: str) -> set[str]:
    return {line.strip() for line in output.splitlines()
            if line.startswith(("reports/", "materials/", "docs/", "data/", "  reports/", "  materials/",
                                "  docs/", "  data/"))}


@pytest.mark.build
@pytest.mark.parametrize("with_links", [False, True], ids=["files", "with-links-in-docs"])
def test_check_and_build_reject_exactly_the_same_problems(make_project, build, with_links):
    files: dict[str, str | bytes] = {}
    chosen = [c for c in CASES if c.id not in DATA_EDITS and c.setup is None]
    for case in chosen:
        files.update(case.files)
    project = make_project(files)
    if with_links:
        for case in CASES:
            if case.setup is not None and not os.path.lexists(project / case.path):
                case.setup(project)
    checked = loft_check(project)
    built = build(project)
    assert checked.returncode == 1 and built.returncode == 1
    from_check, from_build = problem_lines(checked.stdout), problem_lines(built.output)
    assert len(from_check) >= 20  # cases sharing a path (reports/a.md) leave the last one
    assert from_check == from_build
    for case in chosen:
        if files.get(case.path) is case.files.get(case.path):  # not overwritten by a later case
            assert any(line.startswith(case.path) for line in from_check), case.id


def test_good_attachments_of_every_format_pass(make_project):
    ooxml = {"[Content_Types].xml": b"<Types/>"}
    project = make_project({
        **FOLDER,
        "reports/r/a.pdf": b"%PDF-1.7\n",
        "reports/r/a.docx": zip_bytes({**ooxml, "word/document.xml": b"<w/>"}),
        "reports/r/a.pptx": zip_bytes({**ooxml, "ppt/presentation.xml": b"<p/>"}),
        "reports/r/a.xlsx": zip_bytes({**ooxml, "xl/workbook.xml": b"<x/>"}),
        "reports/r/a.odt": zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.text"}),
        "reports/r/a.odp": zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.presentation"}),
        "reports/r/bilder/a.png": b"\x89PNG\r\n\x1a\n",
        "reports/r/bilder/a.jpg": b"\xff\xd8\xff\xe0",
        "reports/r/a.gif": b"GIF89a",
        "reports/r/a.webp": b"RIFF\x10\x00\x00\x00WEBPVP8 ",
        "reports/r/a.svg": svg('<defs><linearGradient id="g"/></defs><rect fill="url(#g)"/><use href="#g"/>'),
        "reports/r/_utkast.pdf": b"%PDF-1.4\n",  # published as it is: only items' names matter
        "reports/.gitkeep": "",
        "reports/README.md": "Rapporterna.\n",
        "docs/bild.png": b"\x89PNG\r\n\x1a\n",
        "docs/assets/extra.js": "// underhållarnas fil\n",
    })
    done = loft_check(project)
    assert done.returncode == 0, done.stdout + done.stderr


def test_an_unreadable_file_is_named(make_project, monkeypatch):
    """Tests run as root, who reads a chmod 000 file anyway: the refusal is simulated."""
    import loft.content.files
    from loft.safety.inputs import check_inputs
    from loft.content.project import Project

    project = make_project({"reports/a.md": GOOD, **FOLDER, "reports/r/a.pdf": b"%PDF-1.4\n",
                            "docs/om.md": "# Om\n"})
    real_open = os.open
    locked = {project / "reports/a.md", project / "reports/r/a.pdf", project / "docs/om.md"}

    def refusing_open(path, flags, *args, **kwargs):
        if Path(path) in locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(loft.content.files.os, "open", refusing_open)
    _, problems = check_inputs(Project.load(project))
    named = {p.path: p.message for p in problems}
    for path in ("reports/a.md", "reports/r/a.pdf", "docs/om.md"):
        assert "behörighet saknas" in named[path], problems
