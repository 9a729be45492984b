"""Summarise the last `mutmut run` (mutants/*.meta) as Markdown: the score per
module and every surviving mutant with its diff. Used by `make mutate`."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests", 34: "skipped",
          36: "timeout", 24: "timeout", -24: "timeout", 152: "timeout", 255: "timeout", 37: "type check",
          None: "not checked"}


def main(mutmut: str = ".venv/bin/mutmut") -> None:
    counts: dict[str, Counter] = defaultdict(Counter)
    survivors: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for meta in sorted(Path("mutants/loft").glob("*.py.meta")):
        module = "loft/" + meta.name.removesuffix(".meta")
        for key, code in json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"].items():
            status = STATUS.get(code, "suspicious")
            counts[module][status] += 1
            if status in ("survived", "no tests"):
                survivors[module].append((key, status))
    print("| module | mutants | killed | timeout | survived | no tests | not run | score (killed + timeout) / run |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    total = Counter()
    for module, c in sorted(counts.items()):
        total.update(c)
        print(_row(module, c))
    print(_row("**all**", total))
    print()
    for module, keys in sorted(survivors.items()):
        print(f"### {module}\n")
        for key, status in sorted(keys, key=lambda pair: _natural(pair[0])):
            diff = subprocess.run([mutmut, "show", key], capture_output=True, text=True).stdout
            lines = [l for l in diff.splitlines() if l.startswith(("-", "+")) and not l.startswith(("---", "+++"))]
            print(f"- `{key.split('.', 2)[-1]}` ({status}): "
                  + " → ".join(f"`{' '.join(l[1:].split())}`" for l in lines[:2]))
        print()


def _row(name: str, c: Counter) -> str:
    n = sum(c.values())
    run = n - c["not checked"] - c["skipped"]
    dead = c["killed"] + c["timeout"] + c["type check"]
    score = f"{100 * dead / run:.1f} %" if run else "–"
    return (f"| {name} | {n} | {c['killed']} | {c['timeout']} | {c['survived']} | {c['no tests']} "
            f"| {c['not checked'] + c['skipped']} | {score} |")


def _natural(key: str):
    head, _, number = key.rpartition("_")
    return (head, int(number) if number.isdigit() else 0)


if __name__ == "__main__":
    main(*sys.argv[1:])
