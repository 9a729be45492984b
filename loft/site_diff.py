"""Two built sites compared byte for byte (the engines' promise).

ProperDocs builds the site; MkDocs 1.6.1 must give the very same files, except
for the theme's generator line (`<meta name="generator" content="mkdocs-1.6.1, …">`
against `"mkdocs-ProperDocs 1.6.7, …"`). `differences(a, b)` names every file
that is missing on one side or differs beyond that line; CI runs it on both
builds (`python -m loft.site_diff site site-mkdocs`), tests/site/test_engines.py too.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def differences(a: Path | str, b: Path | str) -> list[str]:
    a, b = Path(a), Path(b)
    left, right = _files(a), _files(b)
    found = [f"only in {a}: {name}" for name in sorted(left - right)]
    found += [f"only in {b}: {name}" for name in sorted(right - left)]
    for name in sorted(left & right):
        one, other = (a / name).read_bytes(), (b / name).read_bytes()
        if one == other:
            continue
        if name.endswith(".html") and GENERATOR.sub(b"", one) == GENERATOR.sub(b"", other):
            continue
        found.append(f"differs: {name}")
    return found


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m loft.site_diff SITE_A SITE_B", file=sys.stderr)
        return 2
    found = differences(*args)
    for line in found:
        print(line)
    count = len(_files(Path(args[0])))
    print(f"{len(found)} differences in {count} files (generator line aside).", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
