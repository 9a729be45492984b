"""CONTRIBUTING.md documents every message the checks give, and only real ones.

Each rule is triggered by a bad file (or bad data file); every message that comes
out must start as one of the guide's documented beginnings, and every documented
beginning must match a real message.
"""

from __future__ import annotations

import os
from pathlib import Path
from unittest import mock

import pytest

import loft.content.files
from guide import message_stems, stem_pattern
from loft.safety.inputs import check_inputs
from loft.content.problems import ContentError
from loft.content.project import Project
from loft.safety.item_links import ItemAddresses
from loft.safety.text_check import text_problems

GOOD = "title: T\ndate: 2023\nsummary: S.\nprinciples: [kultur]\n"
BAD_CONTENT: dict[str, str | bytes] = {
    "reports/a.md": "Ingen front matter\n",
    "reports/b.md": "---\ntitle: B\n",
    "reports/c.md": "---\ntitle: [\n---\n",
    "reports/d.md": "---\n- en lista\n---\n",
    "reports/e.md": f"---\n{GOOD}title: Igen\n---\n",
    "reports/f.md": "---\ndatum: 2023\n---\n",
    "reports/g.md": "---\ntitle: G\ndate: 2023-5\nsummary: ''\nprinciples: []\n---\n",
    "reports/h.md": "---\ntitle: [H]\ndate: 1800\nsummary: S.\nprinciples: kultur\n---\n",
    "reports/i.md": "---\ntitle: I\ndate: 2023-13\nsummary: \"a\\n\\nb\"\nprinciples: {a: b}\n---\n",
    "reports/j.md": "---\ntitle: J\ndate: 2023-02-30\nsummary: S.\nprinciples: [kultur, '']\ndraft: ja\n---\n",
    "reports/k.md": "---\ntitle: K\ndate: [2023]\nsummary: S.\nprinciples: [Kulture]\nmunicipalities: [Stokholm]\n---\n"
                    "",
    "reports/l.md": f"---\n{GOOD}based_on: Ett inlägg\nredirect_from: [Gammal adress]\n---\n",
    "reports/m.md": f"---\n{GOOD}based_on:\n  utgivare: X\n  url: http://example.org\n---\n",
    "reports/n.md": f"---\n{GOOD}based_on:\n  title: ''\n---\n",
    # The publication record: publishers, language, published_at, continues, identifiers.
    "reports/rec1.md": f"---\n{GOOD}publishers: [Rise AB, Kommunförbundet]\nlanguage: svenskt\n"
                       "published_at: www.ri.se/rapport\ncontinues: rapporter/finns-inte/\n"
                       "identifiers:\n  isbn: 978-91-0000000-0\n  urn: urn:nbn:se:x-1\n  doi: 11.1/x\n---\n",
    "reports/rec2.md": f"---\n{GOOD}continues: Rapporter om något\nidentifiers: 978-91-89757-01-1\n---\n",
    "reports/rec3.md": f"---\n{GOOD}continues: rapporter/rec3/\nidentifiers:\n  urn_nbn: nbn:se:1\n---\n",
    "reports/rec4.md": f"---\n{GOOD}continues: rapporter/rec5/\n---\n",
    "reports/rec5.md": f"---\n{GOOD}continues: rapporter/rec4/\n---\n",
    "reports/rec6.md": f"---\n{GOOD}continues: rapporter/rec5/\n---\n",
    "reports/rec7.md": f"---\n{GOOD}continues: rapporter/rec8/\n---\n",
    "reports/rec8.md": f"---\n{GOOD}draft: true\n---\n",
    "reports/rec9.md": f"---\n{GOOD}continues: rapporter/rec99/\n---\n",
    "reports/rec10.md": f"---\n{GOOD}continues: /rapporter/rec10\n---\n",
    "reports/utan-index/bilaga.pdf": b"%PDF-1.4\n",
    "reports/bilaga.pdf": b"%PDF-1.4\n",
    "reports/index.md": f"---\n{GOOD}---\n",
    "reports/sida.md": f"---\n{GOOD}---\n",
    "reports/latin1.md": "---\ntitle: Förnyelse\n---\n".encode("latin-1"),
    "reports/med-bilaga/index.md": f"---\n{GOOD}---\n",
    "reports/med-bilaga/program.exe": b"MZ",
    "reports/dubbel.md": f"---\n{GOOD}---\n",
    "reports/dubbel/index.md": f"---\n{GOOD}---\n",
    # Safe reading (loft/content/files.py, loft/content/limits.py, the bounds in loft/content/frontmatter.py).
    "reports/l2.md": f" ---\n{GOOD}---\n",
    "reports/m2.md": f"---\n{GOOD}---",
    "reports/n2.md": "---\n---\n",
    "reports/o.md": f"---\n{GOOD}authors: [{'A' * 70_000}]\n---\n",
    "reports/p.md": "---\ntitle: " + "[" * 30 + "\n---\n",
    "reports/q.md": "---\ntitle: &a T\n---\n",
    "reports/r.md": "---\ntitle: !!binary AAEC\n---\n",
    "reports/s.md": f"---\n{GOOD}<<: {{draft: true}}\n---\n",
    "reports/t.md": f"---\n{GOOD}authors: [2023]\n---\n\nText\x0b.\n\n" + "<div>" * 101 + "\n",
    "reports/u.md": f"---\n{GOOD}---\n\n" + "> " * 101 + "x\n",
    "reports/v.md": f"---\n{GOOD}---\n\n" + "*" * 101 + "x\n",
    "reports/_w.md": f"---\n{GOOD}---\n",
    "reports/x/index.md": f"---\n{GOOD}---\n",
    "reports/x/del/index.md": f"---\n{GOOD}---\n",
    "reports/x/a.pdf": b"<html>",
    "reports/x/a.svg": b"<svg xmlns='http://www.w3.org/2000/svg'><script>x</script></svg>",
    "reports/x/b.svg": b"<svg>",
    "reports/lankar/index.md": f"---\n{GOOD}---\n",
    "reports/andra/index.md": f"---\n{GOOD}---\n",
    "reports/andra/andra.pdf": b"%PDF-1.4\n",
    "docs/sida.html": "<p>x</p>",
    "docs/obs.md": "Obs: ny sida\n",
    "docs/datum.md": "---\ntitle: Datum\nupdated: 2023-02-31\n---\n",
    "docs/rapporter/dubbel.md": "# Dubbel\n",
}
# One of each thing the sanitizer removes (loft/safety/sanitizer.py).
HOSTILE_TEXT = ("<script>x</script>\n<a href=\"#\" onclick=\"x()\">a</a>\n[b](javascript:x)\n"
                "<p style=\"color:red\">c</p>\n![d](https://example.org/d.png)\n"
                "<a href=\"\\\\example.org\">e</a>\n\n<p id=\"__config\">f</p>\n")
# Links that lead nowhere (loft/safety/item_links.py), in the text of reports/lankar/.
LINKS_TEXT = "[bilaga](saknas.pdf) ![x](../../../../etc/passwd)\n"
# Links to the site's items that lead nowhere: no item, no such Markdown file, a draft,
# another item's missing file; and a file beside an item without a folder.
ITEM_LINKS_TEXT = "[a](../finns-inte/) [b](../finns-inte.md) [c](../rec8/) [d](../andra/saknas.pdf)\n"
BAD_DATA = {
    "data/principles.yml": "- id: kultur\n- id: Åsa\n  label: Åsa\n- id: x\n  label: X\n- id: x\n  label: Y\n"
                           "- id: matris\n  label: Matris\n- id: z\n  label: 2030\n",
    "data/municipalities.yml": "- id: [\n",
    "data/types.yml": "rapport: reports\n",
}
# Mistakes in the declarations, each in an entry that is otherwise right (data/ as
# it is, with these entries added or these lines replaced).
BAD_TYPES = """
- id: ny
  labl: Ny
  label: [Ny]
  plural: ""
  source: ../hemligt
  path: nya
  count: [ny]
  layout: mapp
  scholar: ja
- id: rapport
  label: R
  plural: R
  source: r
  path: r
- id: markerad
  label: "<b>Markerad</b>"
  plural: Markerade
  source: markerade
  path: markerade
- id: krav
  label: Krav
  plural: Krav
  source: krav
  path: krav
  required: [authors]
- id: tomma
  label: Tomma
  plural: Tomma
  source: tomma
  path: tomma
  required: [summary, ""]
"""
BAD_FACETS = """
- field: title
  vocabulary: principles.yml
  path: titlar
  title: Titlar
  singular: titel
- field: sprak
  vocabulary: saknas.yml
  path: sprak
  title: Språk
  singular: språk
  matrix: rows
  details:
    - field: finns_inte
      label: X
"""
# Mistakes of facets.yml's own, which hold back the checks that rest on the facets.
BAD_FACET_ENTRIES = """
- field: Tema
  vocabulary: Teman
  path: teman
  title: Teman
  singular: tema
- field: principles
  vocabulary: principles.yml
  path: principer-igen
  title: Principer igen
  singular: princip
"""
BAD_DECLARATIONS = {
    "data/types.yml": ("", BAD_TYPES),
    "data/facets.yml": ("", BAD_FACETS),
    "data/principles.yml": ("", "- id: ny\n  label: Ny\n  number: ett\n"),
    "data/metadata.yml": [("  municipalities:\n    property: spatialCoverage", "  kommunerna:\n    property: spatialCoverage"),
                          ("    name: official_name", "    name: finns_inte"),
                          ("  url: https://www.ri.se/sv/vad-vi-gor", "  url: www.ri.se/sv/vad-vi-gor")],
    "data/attachments.yml": [("  pdf: PDF\n", "  pdf: PDF\n  exe: Program\n")],
    "data/compounds.yml": None,  # written whole below
    "data/languages.yml": None,
}
WHOLE_FILES = {"data/compounds.yml": "innovationsledning: ledning\n", "data/languages.yml": ""}
# The matrix's rows without its columns.
HALF_MATRIX = {"data/facets.yml": [("  matrix: columns\n", "")]}
FACET_ENTRIES = {"data/facets.yml": ("", BAD_FACET_ENTRIES)}


def _refusing(locked: Path):
    """os.open as for a file without read permission (tests run as root, who reads any file)."""
    real_open = os.open

    def refusing(path, flags, *args, **kwargs):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    return refusing


def real_messages(make_project, other_folder) -> list[str]:
    from harness import copy_machinery, write_files

    project = make_project(BAD_CONTENT)
    os.symlink("/etc/passwd", project / "reports/x/passwd.pdf")
    os.mkfifo(project / "reports/x/fifo.pdf")
    (project / "reports/y/index.md").mkdir(parents=True)
    with mock.patch.object(loft.content.files.os, "open", _refusing(project / "reports/x/c.pdf")):
        (project / "reports/x/c.pdf").write_bytes(b"%PDF-1.4\n")
        items, problems = check_inputs(Project.load(project))
    data = copy_machinery(other_folder / "project")
    write_files(data, BAD_DATA)
    (data / "data/attachments.yml").unlink()
    data_problems = _data_problems(data)
    for number, edits in enumerate([BAD_DECLARATIONS, HALF_MATRIX, FACET_ENTRIES]):
        data = copy_machinery(other_folder / f"declarations-{number}")
        _edit(data, edits)
        data_problems += _data_problems(data)
    text = text_problems("reports/l.md", HOSTILE_TEXT, 5)
    # The texts are not converted while file problems stand: the links' item on its own.
    [links] = [item for item in items if item.slug == "lankar"]
    text += text_problems(links.source, LINKS_TEXT, 6, links)
    addresses = ItemAddresses(items, Project.load(project).types, site_files=())
    text += text_problems(links.source, ITEM_LINKS_TEXT, 7, links, addresses)
    plain = next(item for item in items if not item.is_folder and not item.draft)
    text += text_problems(plain.source, "[fil](fil.pdf)\n", 8, plain, addresses)
    return [p.message for p in [*problems, *data_problems, *text]]


def _edit(root: Path, edits: dict) -> None:
    for name, change in edits.items():
        path = root / name
        if change is None:
            path.write_text(WHOLE_FILES[name], encoding="utf-8")
        elif isinstance(change, tuple):  # appended
            path.write_text(path.read_text(encoding="utf-8") + change[1], encoding="utf-8")
        else:
            text = path.read_text(encoding="utf-8")
            for old, new in change:
                assert old in text, (name, old)
                text = text.replace(old, new, 1)
            path.write_text(text, encoding="utf-8")


def _data_problems(root: Path) -> list:
    with pytest.raises(ContentError) as raised:
        Project.load(root)
    return raised.value.problems


def test_every_message_is_documented_and_every_documented_message_is_real(make_project, tmp_path_factory):
    messages = real_messages(make_project, tmp_path_factory.mktemp("data"))
    stems = message_stems()
    assert len(stems) >= 30
    patterns = {stem: stem_pattern(stem) for stem in stems}
    undocumented = [m for m in messages if not any(p.match(m) for p in patterns.values())]
    assert undocumented == [], "meddelanden som saknas i CONTRIBUTING.md avsnitt 11"
    invented = [s for s, p in patterns.items() if not any(p.match(m) for m in messages)]
    assert invented == [], "meddelanden i CONTRIBUTING.md som kontrollerna aldrig ger"
