"""The chart palette in loft-charts.css keeps WCAG contrast in both schemes."""

from __future__ import annotations

import re

import pytest

from harness import REPO
from loft.pages.charts import HEAT_LEVELS

CSS = (REPO / "docs/assets/stylesheets/loft-charts.css").read_text(encoding="utf-8")
# Material's page backgrounds: white, and slate's hsl(225, 15%, 14%).
BACKGROUNDS = {"light": "#ffffff", "dark": "#1e2129"}


def variables(selector: str) -> dict[str, str]:
    block = re.search(re.escape(selector) + r"\s*\{(.*?)\}", CSS, re.S).group(1)
    return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", block))


SCHEMES = {"light": variables(":root")}
SCHEMES["dark"] = {**SCHEMES["light"], **variables('[data-md-color-scheme="slate"]')}


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("level", range(1, HEAT_LEVELS + 1))
def test_counts_in_heat_cells_are_readable(scheme, level):
    colours = SCHEMES[scheme]
    assert contrast(colours[f"loft-heat-{level}"], colours[f"loft-heat-{level}-text"]) >= 4.5


@pytest.mark.parametrize("scheme", SCHEMES)
def test_heat_scale_is_one_hue_getting_stronger(scheme):
    colours, background = SCHEMES[scheme], BACKGROUNDS[scheme]
    steps = [contrast(colours[f"loft-heat-{level}"], background) for level in range(1, HEAT_LEVELS + 1)]
    assert steps == sorted(steps) and len(set(steps)) == HEAT_LEVELS


@pytest.mark.parametrize("scheme", SCHEMES)
def test_bars_stand_out_from_the_page(scheme):
    assert contrast(SCHEMES[scheme]["loft-bar"], BACKGROUNDS[scheme]) >= 3
