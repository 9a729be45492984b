"""Every command in CONTRIBUTING.md, run in order in a temporary copy of the project.

loft, cp and git commands run for real (git against a local bare repository as
`origin`); make targets are dry-run against the real Makefile, since they start
servers or install packages. Files the guide shows filled in are written where it
says, so the sequence is what an editor does. At the end the site builds strictly.
The Windows (PowerShell) block is checked against the venv layout on Windows.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from harness import REPO
from guide import blocks
from helpers import office_file

VENV_BIN = Path(sys.executable).parent


def run(command: str, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True)


@pytest.fixture
def editor_checkout(make_project, tmp_path):
    """A clone of the project as an editor has it: real content, git, a remote."""
    project = make_project(with_real_content=True)
    for name in ("Makefile", "pyproject.toml", "constraints.txt", ".gitignore"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, project / name)
        else:
            (project / name).write_bytes(source.read_bytes())
    home = tmp_path / "home"
    downloads = home / "Hämtningar"
    downloads.mkdir(parents=True)
    env = {**os.environ, "HOME": str(home), "PATH": f"{VENV_BIN}{os.pathsep}{os.environ['PATH']}",
           "PYTHONPATH": str(REPO), "NO_MKDOCS_2_WARNING": "1",
           "GIT_AUTHOR_NAME": "Redaktör", "GIT_AUTHOR_EMAIL": "redaktor@example.org",
           "GIT_COMMITTER_NAME": "Redaktör", "GIT_COMMITTER_EMAIL": "redaktor@example.org"}
    remote = tmp_path / "origin.git"
    for command in (f"git init -q --bare {remote}", "git init -q -b main",
                    f"git remote add origin {remote}", "git add -A", "git commit -q -m start"):
        done = run(command, project, env)
        assert done.returncode == 0, done.stderr
    return project, downloads, env, remote


def prepare_download(command: str, downloads: Path) -> None:
    """The file an editor downloaded before `cp ~/Hämtningar/...`."""
    source = shlex.split(command)[1]
    if source.startswith("~/Hämtningar/"):
        target = downloads / source.removeprefix("~/Hämtningar/")
        extension = target.suffix.lstrip(".")
        target.write_bytes(b"%PDF-1.4\n" if extension == "pdf" else office_file(extension))


@pytest.mark.build
def test_every_command_in_the_guide_works(editor_checkout):
    project, downloads, env, remote = editor_checkout
    ran: list[str] = []
    expect_failure = False
    example_file: Path | None = None
    pending_output: str | None = None
    guide_blocks = blocks()
    for index, block in enumerate(guide_blocks):
        marker = block.marker or ""
        if block.lang in ("markdown", "yaml") and marker:
            action, _, path = marker.partition(" ")
            if marker.startswith("kontrollerad fil "):  # a file to paste: it passes loft check
                target = project / marker.removeprefix("kontrollerad fil ")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(block.body, encoding="utf-8")
                done = run(f"loft check {target.relative_to(project)}", project, env)
                assert done.returncode == 0, done.stdout + done.stderr
                shutil.rmtree(target.parent)
                continue
            if action == "lägg" and path.startswith("till i "):
                target = project / path.removeprefix("till i ")
                target.write_text(target.read_text(encoding="utf-8") + "\n" + block.body, encoding="utf-8")
            else:
                target = project / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(block.body, encoding="utf-8")
                if action == "exempelfil":
                    example_file = target
            continue
        if block.lang == "powershell":
            windows_block(block)
            continue
        if block.lang != "sh":
            continue
        expect_failure = marker == "misslyckas"
        for command in block.commands:
            program = command.split()[0]
            if program == "make":
                target = command.split()[1]
                done = subprocess.run(["make", "-n", target], cwd=REPO, capture_output=True, text=True)
                assert done.returncode == 0 and done.stdout.strip(), f"{command}: {done.stderr}"
            elif program == "source":
                assert command == "source .venv/bin/activate"
                assert (VENV_BIN / "activate").is_file() and (VENV_BIN / "loft").is_file()
            elif program in ("loft", "cp", "git"):
                if program == "cp":
                    prepare_download(command, downloads)
                done = run(command, project, env)
                output = done.stdout
                if expect_failure:
                    assert done.returncode == 1, f"{command} borde ha misslyckats:\n{output}"
                    pending_output = output
                else:
                    assert done.returncode == 0, f"{command}:\n{done.stdout}{done.stderr}"
            else:
                pytest.fail(f"CONTRIBUTING.md: kommandot \"{command}\" testas inte; lägg till det här")
            ran.append(command)
        if expect_failure:
            following = guide_blocks[index + 1]
            assert following.lang == "text", "efter ett block som misslyckas kommer dess utdata"
            assert same_but_values(pending_output, following.body), "utdata i guiden stämmer inte med loft check"
        if example_file is not None:
            example_file.unlink()
            example_file = None

    assert any(c.startswith("loft new rapport") for c in ran)
    assert any(c.startswith("git push") for c in ran)
    # What the editor made is there, checked, committed and pushed.
    assert (project / "reports/innovationsledning-i-praktiken/innovationsledning-i-praktiken.pdf").is_file()
    branch = run("git ls-remote --heads origin", project, env).stdout
    assert "refs/heads/ny-rapport-innovationsledning" in branch
    committed = run("git show --stat=200 --format= HEAD", project, env).stdout
    # `git add -A` took what was made, whichever parts of the guide were followed.
    for made in ("reports/innovationsledning-i-praktiken/index.md",
                 "reports/innovationsledning-i-praktiken/innovationsledning-i-praktiken.pdf",
                 "materials/workshop-om-innovationskultur/index.md", "docs/nyheter/", "data/municipalities.yml"):
        assert made in committed, made
    assert "schemas/" not in committed  # generated by make, never committed
    assert "reports/mall-fran-webben" not in committed
    # And the site builds strictly with it.
    from harness import run_build

    result = run_build(project)
    assert result.returncode == 0, result.output
    assert (result.site / "rapporter/innovationsledning-i-praktiken/innovationsledning-i-praktiken.pdf").is_file()
    assert (result.site / "kommuner/norrtalje/index.html").is_file()
    assert (result.site / "material/workshop-om-innovationskultur/index.html").is_file()


def same_but_values(output: str, shown: str) -> bool:
    """loft check's output as the guide shows it, the lists of allowed values aside
    (they follow data/: a principle added there must not make the guide wrong)."""
    def strip(text: str) -> str:
        return re.sub(r"Tillåtna värden: .*?\.( Menade|$)", r"Tillåtna värden: …\1", text, flags=re.M)

    return strip(output) == strip(shown)


def windows_block(block) -> None:
    """The PowerShell lines: a venv on Windows has Scripts\\, the same pins are used."""
    lines = block.commands
    assert lines[0] == "py -3.11 -m venv .venv"
    assert lines[1] == '.venv\\Scripts\\pip install -c constraints.txt -e ".[test]"'
    assert lines[2] == ".venv\\Scripts\\Activate.ps1"


def test_the_guide_has_three_paths_a_glossary_and_complete_prerequisites():
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for heading in ("## 2. Med webbredigeraren", "## 3. Med GitHubs webbgränssnitt", "## 4. I terminalen"):
        assert heading in text
    for word in ("**commit**", "**gren**", "**pull request**", "**granskning**"):
        assert f"| {word}" in text, word
    for need in ("**Python 3.11**", "**git**", "**make**", "**Node.js"):
        assert need in text, need
    for step in ("**Add file**", "**Create new file**", "**Upload files**", "**Create pull request**",
                 "**För redaktörer**", "**Spara**"):
        assert step in text, step
    assert "loft schema" not in text  # no manual step after a data/ change
