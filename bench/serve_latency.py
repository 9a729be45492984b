"""Time from saving one item to the rebuilt page being served by the preview.

    python -m bench.serve_latency [--items 1000] [--saves 3] [--engine properdocs] [--dirty]
    python -m bench.serve_latency --compare     # `mkdocs serve` and `make serve` in one run

Generates a corpus (bench/corpus.py), starts `<engine> serve` on 127.0.0.1 at a
free port, waits for the first build, then saves one report several times
(each save adds a unique sentence) and polls its page until the sentence shows;
every wait is bounded. `make serve` is `properdocs serve --dirty`. The server is
stopped by its own process id. With --compare both commands run on the same
corpus, one after the other (two previews at once would share the two cores).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.corpus import generate

BIN = Path(sys.executable).parent
STARTUP_TIMEOUT_S = 900
REBUILD_TIMEOUT_S = 300
POLL_S = 0.2


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def _wait_for(predicate, timeout: float) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if predicate():
            return time.perf_counter() - start
        time.sleep(POLL_S)
    raise TimeoutError(f"gave up after {timeout:.0f} s")


def measure(project: Path, n_items: int = 1000, seed: int = 1, saves: int = 3,
            dirty: bool = False, engine: str = "mkdocs", fresh: bool = True) -> dict:
    project = Path(project)
    if fresh or not project.exists():
        if project.exists():
            shutil.rmtree(project)
        generate(project, n_items, seed)
    report = sorted(p for p in (project / "reports").glob("*.md"))[0]
    url_path = f"rapporter/{report.stem}/"
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    command = [str(BIN / engine), "serve", "--dev-addr", f"127.0.0.1:{port}"]
    if dirty:
        command.append("--dirty")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    log = (project / "serve.log").open("w", encoding="utf-8")
    server = subprocess.Popen(command, cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    original = report.read_text(encoding="utf-8")
    samples = []
    try:
        startup = _wait_for(lambda: _get(base + url_path) is not None, STARTUP_TIMEOUT_S)
        for number in range(saves):
            time.sleep(2)  # let the watcher settle after the previous build
            marker = f"Mätpunkt {number} {time.time_ns()}"
            report.write_text(original + f"\n{marker}\n", encoding="utf-8")
            samples.append(_wait_for(lambda: marker in (_get(base + url_path) or ""), REBUILD_TIMEOUT_S))
    finally:
        report.write_text(original, encoding="utf-8")
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
    return {"items": n_items, "engine": engine, "dirty": dirty, "load_average": [round(x, 2) for x in os.getloadavg()],
            "startup_s": round(startup, 2),
            "samples_s": [round(s, 2) for s in samples], "median_s": round(statistics.median(samples), 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.serve_latency")
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--saves", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--engine", default="mkdocs", choices=["mkdocs", "properdocs"])
    parser.add_argument("--dirty", action="store_true", help="serve --dirty")
    parser.add_argument("--compare", action="store_true",
                        help="`mkdocs serve` (full rebuilds) and `make serve` (properdocs serve --dirty)")
    args = parser.parse_args(argv)
    work = Path(__file__).resolve().parent / "work" / "corpus-serve"
    if args.compare:
        results = compare(work, args.items, args.seed, args.saves)
    else:
        results = measure(work, args.items, args.seed, args.saves, args.dirty, args.engine)
    print(json.dumps(results, indent=2))
    return 0


MODES = (("mkdocs", False), ("properdocs", True))  # plain `mkdocs serve`; `make serve`


def compare(project: Path, n_items: int = 1000, seed: int = 1, saves: int = 3) -> list[dict]:
    """Each mode on the same corpus, one after the other."""
    return [measure(project, n_items, seed, saves, dirty, engine, fresh=number == 0)
            for number, (engine, dirty) in enumerate(MODES)]


if __name__ == "__main__":
    sys.exit(main())
