"""A municipality and a principle added to data/ on GitHub's web interface pass
the pull request's checks as they are: no manual `loft schema`, nothing else to run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from harness import run_build
from loft.editor import cms
from loft.editor.schemas import generated_files
from loft.content.project import Project

LOFT = Path(sys.executable).parent / "loft"
MUNICIPALITY = """
- id: provkommun
  label: Provköping
  official_name: Provköpings kommun
  kommunkod: "9999"
  county: Stockholms län
  role: Partner i LOFT sedan 2024.
"""
PRINCIPLE = """
- id: provprincip
  number: 99
  label: Provprincip
  name_en: Test principle
  summary: En princip som bara finns i det här testet.
"""


@pytest.mark.build
def test_web_edit_of_data_passes_check_build_and_links(make_project):
    project = make_project(with_real_content=True)
    for name, entry in (("municipalities.yml", MUNICIPALITY), ("principles.yml", PRINCIPLE)):
        path = project / "data" / name
        path.write_text(path.read_text(encoding="utf-8") + entry, encoding="utf-8")
    (project / "reports/ny.md").write_text(
        "---\ntitle: Ny\ndate: 2024\nsummary: S.\nprinciples: [PROVPRINCIP]\nmunicipalities: [PROVKÖPING]\n---\n",
        encoding="utf-8")
    for command in (["check"],):
        done = subprocess.run([str(LOFT), *command], cwd=project, capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
    built = run_build(project)
    assert built.returncode == 0, built.output
    links = subprocess.run([str(LOFT), "links", "site"], cwd=project, capture_output=True, text=True)
    assert links.returncode == 0, links.stdout
    assert (built.site / "kommuner/provkommun/index.html").is_file()
    assert (built.site / "principer/provprincip/index.html").is_file()
    # The web editor and the VS Code schemas follow from the same data/ with no step of their own.
    config = yaml.safe_load(built.read("redigera/config.yml"))
    fields = {f["name"]: f for f in config["collections"][0]["fields"]}
    assert {"label": "Provköping", "value": "provkommun"} in fields["municipalities"]["options"]
    assert {"label": "Provprincip", "value": "provprincip"} in fields["principles"]["options"]
    schema = generated_files(Project.load(project))["schemas/frontmatter-rapport.schema.json"]
    assert "[pP][rR][oOöÖ][vV][kK][oOöÖ][pP][iI][nN][gG]" in schema
    assert cms.EDITOR_DIR == "redigera"
