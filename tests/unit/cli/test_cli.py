"""`loft check`, `loft list` and the console script, on temporary projects."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from harness import REPO, checkout_env
from helpers import news, report
from loft.content.project import Project
from loft.cli.main import main

PROBLEM_LINE = re.compile(r"^(?P<path>[^\s:]+):(?P<line>\d+):(?P<column>\d+): (?P<field>[^:]+): (?P<message>.+)$")


def run(project: Path, monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    monkeypatch.chdir(project)
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def problem_lines(out: str) -> list[re.Match]:
    return [m for m in map(PROBLEM_LINE.match, out.splitlines()) if m]


def test_check_passes_on_the_real_content(monkeypatch, capsys):
    code, out, _ = run(REPO, monkeypatch, capsys, "check")
    assert code == 0
    assert re.search(r"Inga fel: \d+ objekt kontrollerade", out)


def test_check_reports_every_problem_as_file_line_column_field_message(make_project, monkeypatch, capsys):
    project = make_project({
        "reports/alfa.md": report("Alfa", "2022-13-01", ["Kulture"], ["Kungsbaka"]),
        "materials/beta.md": "---\ntitle: Beta\ndate: 2023\nprinciper: [kultur]\n---\n",
        "docs/nyheter/gamma.md": news("Gamma", "2021"),
    })
    code, out, err = run(project, monkeypatch, capsys, "check")
    assert code == 1
    found = {(m["path"], m["field"]): m for m in problem_lines(out)}
    assert set(found) == {
        ("reports/alfa.md", "date"), ("reports/alfa.md", "principles"),
        ("reports/alfa.md", "municipalities"), ("materials/beta.md", "principer"),
        ("materials/beta.md", "summary"), ("materials/beta.md", "principles"),
    }
    principle = found[("reports/alfa.md", "principles")]
    assert "okänd princip \"Kulture\"" in principle["message"]
    assert "Tillåtna värden: realisering-av-varde (Realisering av värde)" in principle["message"]
    assert principle["message"].endswith("Menade du Kultur?")
    assert "Menade du Kungsbacka?" in found[("reports/alfa.md", "municipalities")]["message"]
    assert "Menade du principles?" in found[("materials/beta.md", "principer")]["message"]
    # The line and column point at the bad value itself.
    lines = (project / "reports/alfa.md").read_text(encoding="utf-8").splitlines()
    assert "Kulture" in lines[int(principle["line"]) - 1]
    assert "6 fel i 2 filer" in err


def test_check_takes_files_and_folders(make_project, monkeypatch, capsys):
    project = make_project({
        "reports/bad.md": report("Bad", "2022", ["okand"]),
        "reports/good/index.md": report("Good", "2022"),
        "reports/good/good.pdf": b"%PDF-1.4\n",
        "docs/nyheter/ok.md": news("Ok", "2021"),
    })
    assert run(project, monkeypatch, capsys, "check", "reports/good")[0] == 0
    assert run(project, monkeypatch, capsys, "check", "reports/good/good.pdf")[0] == 0
    code, out, _ = run(project, monkeypatch, capsys, "check", "docs/nyheter")
    assert code == 0 and "1 objekt" in out
    code, out, _ = run(project, monkeypatch, capsys, "check", "reports/bad.md", "docs/nyheter/ok.md")
    assert code == 1 and [m["path"] for m in problem_lines(out)] == ["reports/bad.md"]
    # A change in data/ can break any item: everything is checked.
    code, out, _ = run(project, monkeypatch, capsys, "check", "data/principles.yml")
    assert code == 1 and "reports/bad.md" in out
    # Paths are shown from the repository root even from a subfolder.
    code, out, _ = run(project / "reports", monkeypatch, capsys, "check", "bad.md")
    assert code == 1 and out.startswith("reports/bad.md:")


def test_check_refuses_paths_that_are_not_content(make_project, monkeypatch, capsys):
    project = make_project()
    code, _, err = run(project, monkeypatch, capsys, "check", "mkdocs.yml")
    assert code == 2 and "är inget innehåll" in err and "reports/" in err
    code, _, err = run(project, monkeypatch, capsys, "check", "reports/saknas.md")
    assert code == 2 and "finns inte" in err


def test_list_prints_ids_and_labels(monkeypatch, capsys):
    code, out, _ = run(REPO, monkeypatch, capsys, "list", "principer")
    assert code == 0
    assert re.search(r"^realisering-av-varde\s+Realisering av värde\s+\(Realization of value\)$", out, re.M)
    assert len(out.splitlines()) == len(Project.load(REPO).facet_by_field["principles"].vocabulary)
    code, out, _ = run(REPO, monkeypatch, capsys, "list", "kommuner")
    assert re.search(r"^kungsbacka\s+Kungsbacka\s+\(Kungsbacka kommun\)$", out, re.M)
    code, out, _ = run(REPO, monkeypatch, capsys, "list", "typer")
    assert re.search(r"^nyhet\s+Nyhet\s+mapp: docs/nyheter/$", out, re.M)
    code, _, err = run(REPO, monkeypatch, capsys, "list", "färger")
    assert code == 2 and "Välj bland: principer, kommuner, utgivare, sprak, typer" in err


@pytest.mark.subprocess
def test_console_script_is_installed_and_runs():
    loft = Path(sys.executable).parent / "loft"  # the console script beside this Python
    if not loft.exists():
        pytest.fail(f"{loft} saknas: kör make venv")
    done = subprocess.run([str(loft), "list", "typer"], cwd=REPO, capture_output=True, text=True,
                          env=checkout_env())
    assert done.returncode == 0 and "rapport" in done.stdout


def test_usage_errors_are_in_swedish(monkeypatch, capsys):
    monkeypatch.chdir(REPO)
    with pytest.raises(SystemExit) as exited:
        main(["lista"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "användning: loft" in err and "ogiltigt val: 'lista' (välj bland 'check', 'new'" in err
    with pytest.raises(SystemExit):
        main(["new", "rapport"])
    assert "de här argumenten saknas: \"Rubrik\"" in capsys.readouterr().err


def test_every_command_runs_its_own_module():
    """Dispatch is declared (set_defaults), not an if-chain whose last line runs `list`."""
    from loft.cli.main import COMMANDS, build_parser

    parser = build_parser()
    minimal = {"new": ["rapport", "x"], "list": ["typer"], "diff": ["a", "b"], "export": ["m"]}
    for command in COMMANDS:
        args = parser.parse_args([command.NAME, *minimal.get(command.NAME, [])])
        assert args.func is command.run, command.NAME
    assert len({c.NAME for c in COMMANDS}) == len(COMMANDS)


def test_help_is_swedish(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("användning: loft") and "\nflaggor:\n" in out and "visa den här hjälpen" in out
    assert "usage" not in out and "options" not in out and "show this help" not in out
