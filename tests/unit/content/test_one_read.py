"""Each Markdown file is read and parsed once (loft/content/validated.py,
loft/content/frontmatter.py compose): the build publishes what validation read,
and the one-pass parse says exactly what the two passes say."""

from __future__ import annotations

import pytest
import yaml

from helpers import report
from loft.content import frontmatter

DEEP_BLOCK = "".join(" " * n + "a:\n" for n in range(21)) + " " * 21 + "b\n"


@pytest.mark.parametrize("yaml_text", [
    "title: x\n", "", "# nothing\n", "a: " + "[" * 20 + "x" + "]" * 20 + "\n",
    "a: " + "[" * 21 + "x" + "]" * 21 + "\n", "- " * 20 + "x\n", "- " * 21 + "x\n", DEEP_BLOCK,
    DEEP_BLOCK + "c: 'open\n", "a: b\n---\nc: d\n", "a: b: c\n", "a: [x\n", "a: -" + "-" * 300 + "\n",
    "a: &x b\n", "a: !!str b\n", "? [a]\n: b\n",
])
def test_one_pass_says_what_two_passes_say(yaml_text):
    def two_passes():
        bound = frontmatter.scan_events(yaml_text, "p", 1)
        if bound:
            return None, bound
        loader = frontmatter.LOADER(yaml_text)
        try:
            return _shape(loader.get_single_node()), []
        except yaml.YAMLError as error:
            return None, [frontmatter.syntax_problem(error, "p", 1)]
        finally:
            loader.dispose()

    loader, root, problems = frontmatter.compose(yaml_text, "p", 1)
    if loader is not None:
        loader.dispose()
    assert (_shape(root), problems) == two_passes()


def _shape(node):
    if node is None:
        return None
    mark = (node.start_mark.line, node.start_mark.column)
    if isinstance(node, yaml.ScalarNode):
        return node.tag, node.value, mark
    if isinstance(node, yaml.SequenceNode):
        return node.tag, [_shape(n) for n in node.value], mark
    return node.tag, [(_shape(k), _shape(v)) for k, v in node.value], mark


def test_the_build_publishes_the_text_validated(build_of, project_dir):
    build = build_of({"reports/a.md": report("Rapport A", "2022") + "\nDen granskade texten.\n"})
    (project_dir / "reports/a.md").write_text(report("Rapport A", "2022") + "\n<script>x</script>\n",
                                              encoding="utf-8")
    written = build.written("rapporter/a.md")
    assert "Den granskade texten." in written.body and "script" not in written.body
    assert written.meta["title"] == "Rapport A" and written.meta["principles"] == ["kultur"]
