"""What sanitizing costs: the build with and without it, measured in one run.

    python -m bench.sanitize_bench [--sizes 1000 5000] [--runs 3]

For each size it generates a corpus (bench/corpus.py) and builds it, runs
interleaved, with the real hooks and with bench/hooks/no_sanitize.py added
(the sanitizer and the detection replaced by no-ops); both without the search
index (LOFT_SEARCH_INDEX=off), which sanitizing does not touch. Medians of wall
and CPU time go to bench/SANITIZE.md and bench/sanitize.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
from pathlib import Path

import yaml

from bench.control import _ConfigDumper, _ConfigLoader
from bench.corpus import generate
from bench.run import WORK, engine_build, ensure_gnu_time, release_work

BENCH = Path(__file__).resolve().parent
RESULTS_MD, RESULTS_JSON = BENCH / "SANITIZE.md", BENCH / "sanitize.json"
NO_SANITIZE = BENCH / "hooks" / "no_sanitize.py"


def without_sanitizing(config: Path, target: Path) -> Path:
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    data["hooks"] = [*data.get("hooks", []), str(NO_SANITIZE)]
    target.write_text(yaml.dump(data, Dumper=_ConfigDumper, allow_unicode=True, sort_keys=False),
                      encoding="utf-8")
    return target


def measure(n_items: int, runs: int) -> dict:
    corpus = WORK / f"sanitize-{n_items}"
    if corpus.exists():
        shutil.rmtree(corpus)
    generate(corpus, n_items, 1)
    without_sanitizing(corpus / "mkdocs.yml", corpus / "mkdocs-no-sanitize.yml")
    env = {"LOFT_SEARCH_INDEX": "off"}
    real, plain = [], []
    load_before = os.getloadavg()[0]
    for run in range(runs):
        real.append(engine_build(corpus, WORK / f"sanitize-site-{n_items}", env=env, config="mkdocs.yml"))
        plain.append(engine_build(corpus, WORK / f"sanitize-site-{n_items}-off", env=env,
                                  config="mkdocs-no-sanitize.yml"))
        print(f"  {n_items} run {run + 1}/{runs}: with {real[-1]['wall_s']:.1f} s, "
              f"without {plain[-1]['wall_s']:.1f} s", flush=True)
    med = lambda rows, key: statistics.median(r[key] for r in rows)  # noqa: E731
    row = {"items": n_items, "runs": runs,
           "with_wall_s": med(real, "wall_s"), "without_wall_s": med(plain, "wall_s"),
           "with_cpu_s": med(real, "cpu_s"), "without_cpu_s": med(plain, "cpu_s")}
    row["load_average"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
    row["cost_wall"] = row["with_wall_s"] / row["without_wall_s"] - 1
    row["cost_cpu"] = row["with_cpu_s"] / row["without_cpu_s"] - 1
    return row


def render(rows: list[dict]) -> str:
    lines = ["# Sanitizing: the build with and without it", "",
             "Written by `python -m bench.sanitize_bench`; both builds of a size run interleaved",
             "in one run, without the search index. Target: sanitizing costs under 10 % of the build.",
             "CPU time is the figure to read on a shared machine: wall time follows the load",
             "(load average before and after each size in the last column).",
             f"Machine: {platform.machine()}, Python {platform.python_version()}.", "",
             "| items | runs | with (wall) | without (wall) | cost (wall) | with (CPU) | without (CPU) | cost (CPU) | load |",
             "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for r in rows:
        lines.append(f"| {r['items']:,} | {r['runs']} | {r['with_wall_s']:.1f} s | {r['without_wall_s']:.1f} s | "
                     f"{r['cost_wall']:+.1%} | {r['with_cpu_s']:.1f} s | {r['without_cpu_s']:.1f} s | "
                     f"{r['cost_cpu']:+.1%} | {r['load_average'][0]} → {r['load_average'][1]} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    ensure_gnu_time()
    WORK.mkdir(parents=True, exist_ok=True)
    try:
        rows = [measure(n, args.runs) for n in args.sizes]
    finally:
        release_work()
    RESULTS_JSON.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    RESULTS_MD.write_text(render(rows), encoding="utf-8")
    print(render(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
