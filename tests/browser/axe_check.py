"""axe-core in the page: injected from the pinned PyPI package's file, never a CDN."""

from __future__ import annotations

from pathlib import Path

import axe_playwright_python

AXE_JS = Path(axe_playwright_python.__file__).with_name("axe.min.js")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_version() -> str:
    """The version in the header of axe.min.js ("/*! axe v4.12.1 ...")."""
    head = AXE_JS.read_text(encoding="utf-8")[:200]
    return head.split("axe v", 1)[1].split()[0]


def run_axe(page, tags: list[str] = WCAG_TAGS) -> dict:
    """axe.run over the whole document with only the given rule tags."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, not as a <script> element: the
        # page's Content-Security-Policy (rightly) refuses inline scripts.
        page.evaluate(AXE_JS.read_text(encoding="utf-8") + "\n;true")
    return page.evaluate(
        """tags => axe.run(document, {runOnly: {type: 'tag', values: tags},
                                      resultTypes: ['violations']})""",
        tags,
    )


def describe(violations: list[dict]) -> str:
    """Violations as readable lines: rule, impact, what it needs, and each element."""
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            lines.append(f"    * {target}")
            lines.append(f"      {node['html'][:200]}")
            for reason in (node.get("failureSummary") or "").splitlines():
                lines.append(f"      {reason.strip()}")
    return "\n".join(lines)
