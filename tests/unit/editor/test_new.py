"""`loft new`: the created file, its comments, and what `loft check` says of it."""

from __future__ import annotations

import datetime as dt
import re
import types

import pytest

import yaml

from loft.editor import scaffold
from loft.cli.main import main
from loft.content.project import Project

TODAY = dt.date(2031, 2, 7)  # any fixed day: `loft new` is given it, never the clock's


class _Today(dt.date):
    @classmethod
    def today(cls):
        return TODAY


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    """`loft new` dates a new item today: the test decides which day that is."""
    monkeypatch.setattr(scaffold, "dt", types.SimpleNamespace(date=_Today))


def loft(project, monkeypatch, capsys, *args):
    monkeypatch.chdir(project)
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def fill(path, summary=None, principles=()):
    """Fill in what the comments ask, the way an editor does in a text editor."""
    text = path.read_text(encoding="utf-8")
    if summary is not None:
        text = text.replace("summary: >-\n", f"summary: >-\n  {summary}\n", 1)
    if principles:
        listed = "".join(f"  - {p}\n" for p in principles)
        text = text.replace("principles:\n", f"principles:\n{listed}", 1)
    path.write_text(text, encoding="utf-8")


def test_new_report_is_a_folder_with_every_key_commented(make_project, monkeypatch, capsys):
    project = make_project()
    code, out, _ = loft(project, monkeypatch, capsys, "new", "rapport", "Styrning: för förnyelse i Västerås")
    assert code == 0
    path = project / "reports/styrning-for-fornyelse-i-vasteras/index.md"
    assert path.is_file()
    assert "Skapade reports/styrning-for-fornyelse-i-vasteras/index.md" in out
    assert "Lägg PDF-filen" in out
    text = path.read_text(encoding="utf-8")
    front = text.split("---\n")[1]
    data = yaml.safe_load(front)
    assert data["title"] == "Styrning: för förnyelse i Västerås"  # the colon is quoted
    assert data["date"] == TODAY
    assert data["draft"] is True  # a new item is a draft until its editor says otherwise
    assert "Objektet är ett utkast" in out
    keys = re.findall(r"^([a-z]+):", front, re.M)
    assert keys == ["title", "date", "principles", "municipalities", "summary", "authors", "publishers", "draft"]
    # Every key has a Swedish comment right above it.
    lines = front.splitlines()
    for key in keys:
        index = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
        assert lines[index - 1].startswith("#"), key
    assert "loft list principer" in front and "#   kultur" in front
    assert "loft list kommuner" in front and "Krävs: minst en princip." in front


def test_new_report_as_created_passes_as_a_draft_and_names_what_publishing_needs(make_project, monkeypatch,
                                                                                   capsys):
    project = make_project()
    loft(project, monkeypatch, capsys, "new", "rapport", "Ny rapport")
    # A draft may leave summary and principles empty: the preview never breaks.
    code, out, _ = loft(project, monkeypatch, capsys, "check")
    assert code == 0, out
    # Once draft is false, exactly the fields the editor must fill are named.
    path = project / "reports/ny-rapport/index.md"
    path.write_text(path.read_text(encoding="utf-8").replace("draft: true", "draft: false"), encoding="utf-8")
    code, out, _ = loft(project, monkeypatch, capsys, "check")
    assert code == 1
    fields = re.findall(r"^reports/ny-rapport/index\.md:\d+:1: (\w+): ", out, re.M)
    assert sorted(fields) == ["principles", "summary"]
    assert "minst en princip krävs för typen rapport" in out
    assert "fältet är tomt men krävs för typen rapport" in out


def test_publicera_flag_makes_a_finished_item_and_drafts_still_get_every_other_check(make_project, monkeypatch,
                                                                                     capsys):
    project = make_project()
    code, out, _ = loft(project, monkeypatch, capsys, "new", "rapport", "Klar rapport", "--publicera")
    assert code == 0 and "utkast" not in out
    path = project / "reports/klar-rapport/index.md"
    assert yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])["draft"] is False
    code, out, _ = loft(project, monkeypatch, capsys, "check")
    assert code == 1 and "summary" in out
    # A draft is spared only the required fields: wrong values are still wrong.
    draft = project / "reports/utkast.md"
    draft.write_text("---\ntitle: U\ndate: 2023-5\nprinciples: [Kulture]\ndraft: true\n---\n", encoding="utf-8")
    code, out, _ = loft(project, monkeypatch, capsys, "check", "reports/utkast.md")
    assert code == 1
    assert "date: \"2023-5\" är inte ett datum" in out and "okänd princip \"Kulture\"" in out
    draft.write_text("---\ndate: 2023\ndraft: true\n---\n", encoding="utf-8")
    code, out, _ = loft(project, monkeypatch, capsys, "check", "reports/utkast.md")
    assert code == 1 and "title: fältet saknas men krävs" in out  # title and date stay required


def test_new_report_passes_after_filling_the_required_fields(make_project, monkeypatch, capsys):
    project = make_project()
    loft(project, monkeypatch, capsys, "new", "rapport", "Ny rapport", "--publicera")
    fill(project / "reports/ny-rapport/index.md", summary="Rapporten handlar om förnyelse.",
         principles=["kultur", "Systems approach"])
    (project / "reports/ny-rapport/ny-rapport.pdf").write_bytes(b"%PDF-1.4\n")
    code, out, _ = loft(project, monkeypatch, capsys, "check")
    assert code == 0, out
    items, problems = Project.load(project).load_items()
    [item] = items
    assert item.tags["principles"] == ("kultur", "systemsynsatt")
    assert item.summary == "Rapporten handlar om förnyelse." and item.date.iso == TODAY.isoformat()
    assert [a.name for a in item.attachments] == ["ny-rapport.pdf"]


def test_new_template_and_news(make_project, monkeypatch, capsys):
    project = make_project()
    assert loft(project, monkeypatch, capsys, "new", "mall", "Workshop om kultur")[0] == 0
    assert (project / "materials/workshop-om-kultur/index.md").is_file()
    code, out, _ = loft(project, monkeypatch, capsys, "new", "nyhet", "Partnerskapsdagar i Lidingö", "--utkast")
    assert code == 0
    path = project / f"docs/nyheter/{TODAY:%Y-%m}-partnerskapsdagar-i-lidingo.md"
    assert path.is_file()
    assert yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])["draft"] is True
    # A news post requires only title and date, which loft new fills: it passes as created.
    code, out, _ = loft(project, monkeypatch, capsys, "check", "docs/nyheter")
    assert code == 0, out


def test_new_refuses_to_overwrite(make_project, monkeypatch, capsys):
    project = make_project({"reports/ny-rapport.md": "---\ntitle: Min egen\n---\n"})
    code, _, err = loft(project, monkeypatch, capsys, "new", "rapport", "Ny rapport")
    assert code == 1 and "reports/ny-rapport.md finns redan. Inget skrevs över." in err
    assert not (project / "reports/ny-rapport").exists()
    loft(project, monkeypatch, capsys, "new", "mall", "Mall A")
    target = project / "materials/mall-a/index.md"
    target.write_text("redigerad", encoding="utf-8")
    code, _, err = loft(project, monkeypatch, capsys, "new", "mall", "Mall A")
    assert code == 1 and "finns redan" in err
    assert target.read_text(encoding="utf-8") == "redigerad"


def test_new_rejects_bad_type_and_titles(make_project, monkeypatch, capsys):
    project = make_project()
    code, _, err = loft(project, monkeypatch, capsys, "new", "artikel", "X")
    assert code == 1 and "okänd typ \"artikel\". Välj bland: rapport, mall, nyhet." in err
    code, _, err = loft(project, monkeypatch, capsys, "new", "rapport", "!!!")
    assert code == 1 and "ger ingen adress" in err
    code, _, err = loft(project, monkeypatch, capsys, "new", "rapport", "Index")
    assert code == 1 and "reserverad" in err


def test_long_vocabularies_point_to_loft_list_instead_of_listing(make_project, monkeypatch, capsys):
    project = make_project()
    extra = "".join(f"\n- id: ort-{n}\n  label: Ort {n}\n" for n in range(10))
    municipalities = project / "data/municipalities.yml"
    municipalities.write_text(municipalities.read_text(encoding="utf-8") + extra, encoding="utf-8")
    assert loft(project, monkeypatch, capsys, "new", "nyhet", "Många kommuner")[0] == 0
    [path] = (project / "docs/nyheter").glob("*.md")
    text = path.read_text(encoding="utf-8")
    assert "# Se alla 18 tillåtna värden med: loft list kommuner" in text
    assert "#   enkoping" not in text and "#   kultur" in text  # the eight principles are still listed
