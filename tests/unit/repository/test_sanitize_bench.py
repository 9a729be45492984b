"""The sanitizing benchmark's variant config: the real one plus the no-op hook, nothing else."""

from __future__ import annotations

import yaml

from bench.control import _ConfigDumper, _ConfigLoader
from bench.sanitize_bench import NO_SANITIZE, without_sanitizing
from harness import REPO


def test_the_variant_adds_only_the_no_sanitize_hook(tmp_path):
    variant = without_sanitizing(REPO / "mkdocs.yml", tmp_path / "variant.yml")
    real = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    data = yaml.load(variant.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    assert data["hooks"] == [*real["hooks"], str(NO_SANITIZE)]
    assert NO_SANITIZE.is_file()
    rest = [yaml.dump({k: v for k, v in d.items() if k != "hooks"}, Dumper=_ConfigDumper, allow_unicode=True)
            for d in (data, real)]  # !ENV values compare as the text they are written as
    assert rest[0] == rest[1]
