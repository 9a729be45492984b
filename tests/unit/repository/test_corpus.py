"""The synthetic corpus (bench/corpus.py): valid, deterministic, realistically spread."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from loft.content.project import Project

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))  # bench/ is a repository folder
from bench.corpus import generate  # noqa: E402


def _contents(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_seed_same_bytes_other_seed_other_corpus(tmp_path):
    one = _contents(generate(tmp_path / "one", 40, seed=2, extra_municipalities=5))
    two = _contents(generate(tmp_path / "two", 40, seed=2, extra_municipalities=5))
    other = _contents(generate(tmp_path / "other", 40, seed=3, extra_municipalities=5))
    assert one == two
    assert one != other


def test_corpus_is_valid_content_with_a_realistic_spread(tmp_path):
    project = Project.load(generate(tmp_path / "corpus", 300, seed=1, extra_municipalities=20))
    items, problems = project.load_items()
    assert problems == []
    assert len(items) == 300
    types = Counter(item.type.id for item in items)
    assert types["nyhet"] > types["rapport"] > 0 and types["mall"] > 0
    assert len({item.year for item in items}) >= 10
    every = len(project.facet_by_field["principles"].vocabulary)
    assert any(len(item.tags["principles"]) == every for item in items if item.type.id == "rapport")
    assert any(item.attachments for item in items)
    assert len({m for item in items for m in item.tags["municipalities"]}) > 20  # real and fictional
    words = [len(item.source_path.read_text(encoding="utf-8").split()) for item in items]
    assert min(words) > 150 and max(words) > 1500
    text = " ".join(item.source_path.read_text(encoding="utf-8") for item in items[:100]).lower()
    for word in ("innovationsledning", "kommunledning", "innovationskultur", "innovationsklimat",
                 "kommunerna", "kommunens"):
        assert word in text
