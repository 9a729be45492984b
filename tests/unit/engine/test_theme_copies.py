"""Overrides that hold one of Material's templates between two tags, so that the
hooks can render it once per distinct menu or links (ENGINE.md: "What the hooks
change in the engine's own work"): between the tags is Material's file as it
is. A Material upgrade that changes the file fails here, instead of the site
quietly keeping the old markup."""

from __future__ import annotations

from pathlib import Path

import material
import pytest

REPO = Path(__file__).resolve().parents[3]
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
HEADER = "-#}\n"  # Material's "automatically generated" comment ends its files' first lines


@pytest.mark.parametrize("name, start", [
    ("partials/nav.html", "{% set loft_nav_html %}"),
    ("partials/top.html", "{% set loft_html %}"),
])
def test_override_holds_materials_file_as_it_is(name, start):
    ours = (REPO / "overrides" / name).read_text(encoding="utf-8")
    held = ours[ours.rindex(start) + len(start):ours.rindex("{% endset %}")]
    theirs = (MATERIAL_TEMPLATES / name).read_text(encoding="utf-8")
    assert held == theirs[theirs.index(HEADER) + len(HEADER):].rstrip("\n")
