"""CONTRIBUTING.md documents every message the checks give, and only real ones.

Each rule is triggered by a bad file (or bad data file); every message that comes
out must start as one of the guide's documented beginnings, and every documented
beginning must match a real message.
"""

from __future__ import annotations

import pytest

from guide import message_stems, stem_pattern
from loft.problems import ContentError
from loft.project import Project
from loft.text_check import text_problems

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
    "reports/utan-index/bilaga.pdf": b"%PDF-1.4\n",
    "reports/bilaga.pdf": b"%PDF-1.4\n",
    "reports/index.md": f"---\n{GOOD}---\n",
    "reports/sida.md": f"---\n{GOOD}---\n",
    "reports/latin1.md": "---\ntitle: Förnyelse\n---\n".encode("latin-1"),
    "reports/med-bilaga/index.md": f"---\n{GOOD}---\n",
    "reports/med-bilaga/program.exe": b"MZ",
    "reports/dubbel.md": f"---\n{GOOD}---\n",
    "reports/dubbel/index.md": f"---\n{GOOD}---\n",
}
# One of each thing the sanitizer removes (loft/safety.py).
HOSTILE_TEXT = ("<script>x</script>\n<a href=\"#\" onclick=\"x()\">a</a>\n[b](javascript:x)\n"
                "<p style=\"color:red\">c</p>\n![d](https://example.org/d.png)\n"
                "<a href=\"\\\\example.org\">e</a>\n\n<p id=\"__config\">f</p>\n")
BAD_DATA = {
    "data/principles.yml": "- id: kultur\n- id: Åsa\n  label: Åsa\n- id: x\n  label: X\n- id: x\n  label: Y\n",
    "data/municipalities.yml": "- id: [\n",
    "data/types.yml": "rapport: reports\n",
}


def real_messages(make_project, other_folder) -> list[str]:
    from harness import copy_machinery, write_files

    content = Project.load(make_project(BAD_CONTENT))
    _, problems = content.load_items()
    data = copy_machinery(other_folder / "project")
    write_files(data, BAD_DATA)
    (data / "data/attachments.yml").unlink()
    with pytest.raises(ContentError) as raised:
        Project.load(data)
    text = text_problems("reports/l.md", HOSTILE_TEXT, 5)
    return [p.message for p in [*problems, *raised.value.problems, *text]]


def test_every_message_is_documented_and_every_documented_message_is_real(make_project, tmp_path_factory):
    messages = real_messages(make_project, tmp_path_factory.mktemp("data"))
    stems = message_stems()
    assert len(stems) >= 30
    patterns = {stem: stem_pattern(stem) for stem in stems}
    undocumented = [m for m in messages if not any(p.match(m) for p in patterns.values())]
    assert undocumented == [], "meddelanden som saknas i CONTRIBUTING.md avsnitt 11"
    invented = [s for s, p in patterns.items() if not any(p.match(m) for m in messages)]
    assert invented == [], "meddelanden i CONTRIBUTING.md som kontrollerna aldrig ger"
