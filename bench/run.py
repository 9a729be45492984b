"""The benchmark: build generated sites of 1,000, 5,000 and 10,000 items.

    python -m bench.run                          # the full benchmark (slow), as `make bench`
    python -m bench.run --sizes 1000 --runs 1    # a quick run while developing

For each size it generates a corpus (bench/corpus.py), then per run builds
  full     the project as it is (hooks, then Pagefind in on_post_build), timed
           by /usr/bin/time -v (once per size: page sizes, search figures);
  hooks    the same without the search index (LOFT_SEARCH_INDEX=off: search is
           reported apart), with LOFT_PROFILE timing every hook;
  control  the same pages written out by the core and built by plain Material
           without hooks or search (bench/control.py);
and reports medians: wall time and peak memory, the ratio hooks/control, the
search indexing time (full - hooks), the time in the hooks, page sizes, the time
of `loft check`, and search figures from bench/search_bench.py (downloads of a
first and a follow-up query in Chromium, Pagefind's time and peak memory).
It writes bench/results.json and the generated part of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.control import write_control
from bench.corpus import generate

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
WORK = BENCH / "work"
TIME = "/usr/bin/time"
BIN = Path(sys.executable).parent
RESULTS_MD = BENCH / "RESULTS.md"
RESULTS_JSON = BENCH / "results.json"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
GIB = 1024 ** 3


# --- setup ---------------------------------------------------------------------

def ensure_gnu_time() -> None:
    """GNU time gives peak memory (-v); Debian packages it as `time`."""
    if Path(TIME).exists():
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", "-q", "time"], check=True,
                       stdout=subprocess.DEVNULL)
    if not Path(TIME).exists():
        raise SystemExit(f"{TIME} saknas: installera Debians paket med `apt-get install time`.")


# --- one measured command -------------------------------------------------------

def timed(command: list[str], cwd: Path, env: dict | None = None) -> dict:
    """Run under /usr/bin/time -v: wall seconds, peak RSS bytes, CPU seconds."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    done = subprocess.run([TIME, "-v", *command], cwd=cwd, env=full_env,
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed in {cwd}:\n{done.stdout}\n{done.stderr[-4000:]}")
    report = done.stderr
    return {
        "wall_s": _wall_seconds(re.search(r"Elapsed \(wall clock\) time.*: (\S+)", report).group(1)),
        "peak_rss_bytes": int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", report).group(1)) * 1024,
        "cpu_s": float(re.search(r"User time \(seconds\): ([\d.]+)", report).group(1))
        + float(re.search(r"System time \(seconds\): ([\d.]+)", report).group(1)),
    }


def _wall_seconds(text: str) -> float:
    seconds = 0.0
    for part in text.split(":"):
        seconds = seconds * 60 + float(part)
    return seconds


def mkdocs_build(project: Path, config: str, site: Path, env: dict | None = None) -> dict:
    return timed([str(BIN / "mkdocs"), "build", "--strict", "--clean", "--quiet",
                  "--config-file", config, "--site-dir", str(site)], project, env)


# --- page sizes ----------------------------------------------------------------

def page_sizes(site: Path, item_urls: set[str]) -> dict:
    pages = []
    for path in site.rglob("*.html"):
        url = path.parent.relative_to(site).as_posix() + "/"
        pages.append((path.stat().st_size, "" if url == "./" else url))
    pages.sort()
    items = [p for p in pages if p[1] in item_urls]
    listings = [p for p in pages if "/sida/" in p[1] or p[1].count("/") <= 2 and p[1] not in item_urls]
    sample_item = items[len(items) // 2][1] if items else None
    nav_links = None
    if sample_item:
        html = (site / sample_item / "index.html").read_text(encoding="utf-8")
        nav_links = html.count('class="md-nav__link')
    return {
        "html_pages": len(pages),
        "largest_page": {"url": pages[-1][1], "bytes": pages[-1][0]},
        "median_page_bytes": statistics.median(p[0] for p in pages),
        "largest_item_page": {"url": items[-1][1], "bytes": items[-1][0]} if items else None,
        "median_item_page_bytes": statistics.median(p[0] for p in items) if items else None,
        "largest_listing_page": {"url": listings[-1][1], "bytes": listings[-1][0]} if listings else None,
        "nav_links_on_an_item_page": nav_links,
        "site_bytes": sum(f.stat().st_size for f in site.rglob("*") if f.is_file()),
    }


def search_figures(site: Path) -> dict:
    from bench import search_bench

    try:
        figures = search_bench.measure(site)
    except Exception as error:  # a broken measurement must not lose the other figures
        return {"measured": False, "note": f"bench/search_bench.py failed: {error!r}"}
    return {"measured": True, **figures}


# --- one size -------------------------------------------------------------------

def measure_size(n_items: int, runs: int, seed: int) -> dict:
    corpus, control = WORK / f"corpus-{n_items}", WORK / f"control-{n_items}"
    if corpus.exists():
        shutil.rmtree(corpus)
    started = time.perf_counter()
    generate(corpus, n_items, seed)
    generated_s = time.perf_counter() - started
    write_control(corpus, control)

    sys.path.insert(0, str(REPO))
    from loft.build import SiteBuild
    build = SiteBuild.create(corpus)
    item_urls = {item.url for item in build.index.items}

    load_before = os.getloadavg()
    check = timed([str(BIN / "loft"), "check"], corpus)
    full, hooks, plain, profiles = [], [], [], []
    site = WORK / f"site-{n_items}"
    # The full build (with search) once: its figures are memory, page sizes and
    # search. The ratio pair (with hooks / control, both without search) every run.
    full.append(mkdocs_build(corpus, "mkdocs.yml", site))
    sizes = page_sizes(site, item_urls)
    search = search_figures(site)
    for run in range(runs):
        profile_file = WORK / f"profile-{n_items}-{run}.json"
        hooks.append(mkdocs_build(corpus, "mkdocs.yml", WORK / f"site-{n_items}-nosearch",
                                  {"LOFT_PROFILE": str(profile_file), "LOFT_SEARCH_INDEX": "off"}))
        profiles.append(json.loads(profile_file.read_text(encoding="utf-8")))
        plain.append(mkdocs_build(control, "mkdocs.yml", WORK / f"site-{n_items}-control"))
        print(f"  {n_items} run {run + 1}/{runs}: full {full[-1]['wall_s']:.1f} s, "
              f"hooks {hooks[-1]['wall_s']:.1f} s, control {plain[-1]['wall_s']:.1f} s", flush=True)
    load_after = os.getloadavg()

    def med(rows: list[dict], key: str) -> float:
        return statistics.median(r[key] for r in rows)

    hook_seconds = statistics.median(p["total_seconds"] for p in profiles)
    per_hook = {name: statistics.median(p["hooks"][name]["seconds"] for p in profiles)
                for name in profiles[0]["hooks"]}
    result = {
        "items": n_items,
        "runs": runs,
        "pages": sizes["html_pages"],
        "corpus_generation_s": round(generated_s, 2),
        "full_build": {"runs": len(full), "wall_s": med(full, "wall_s"), "peak_rss_bytes": med(full, "peak_rss_bytes"),
                       "cpu_s": med(full, "cpu_s")},
        "build_without_search": {"wall_s": med(hooks, "wall_s"), "peak_rss_bytes": med(hooks, "peak_rss_bytes"),
                                 "cpu_s": med(hooks, "cpu_s")},
        "control_build": {"wall_s": med(plain, "wall_s"), "peak_rss_bytes": med(plain, "peak_rss_bytes"),
                          "cpu_s": med(plain, "cpu_s")},
        # CPU, not wall: one full build against a median is too noisy on a shared machine.
        "search_indexing_cpu_s": round(med(full, "cpu_s") - med(hooks, "cpu_s"), 2),
        "hooks_s": round(hook_seconds, 3),
        "hooks_by_function_s": {k: round(v, 3) for k, v in per_hook.items()},
        "check": check,
        "page_sizes": sizes,
        "search": search,
        "raw": {"full": full, "without_search": hooks, "control": plain},
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in load_after],
    }
    result["ratio_wall"] = round(result["build_without_search"]["wall_s"] / result["control_build"]["wall_s"], 3)
    result["ratio_cpu"] = round(result["build_without_search"]["cpu_s"] / result["control_build"]["cpu_s"], 3)
    return result


# --- report ---------------------------------------------------------------------

def _mib(value: float) -> str:
    return f"{value / 1024 ** 2:.0f} MiB"


def _kib(value: float | None) -> str:
    return "–" if value is None else f"{value / 1024:.1f} KiB"


def render_markdown(results: dict) -> str:
    rows = results["sizes"]
    out = [BEGIN, "",
           f"Measured {results['date']} on {results['machine']}; load average at start "
           f"{results['load_average_start']}. Medians of the runs shown. "
           "Generated by `python -m bench.run`; do not edit between the markers.", "",
           "| items | pages | runs | full build (1 run) | without search | peak RSS of MkDocs | control | ratio (wall) | ratio (CPU) | search indexing (CPU) | in hooks | `loft check` |",
           "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        out.append(
            f"| {r['items']:,} | {r['pages']:,} | {r['runs']} | {r['full_build']['wall_s']:.1f} s "
            f"| {r['build_without_search']['wall_s']:.1f} s | {_mib(r['build_without_search']['peak_rss_bytes'])} "
            f"| {r['control_build']['wall_s']:.1f} s | {r['ratio_wall']:.3f} | {r['ratio_cpu']:.3f} "
            f"| {r['search_indexing_cpu_s']:.1f} s | {r['hooks_s']:.2f} s "
            f"| {r['check']['wall_s']:.1f} s, {_mib(r['check']['peak_rss_bytes'])} |")
    out += ["", "| items | median page | largest page | largest item page | median item page | largest listing page | nav links on an item page | site |",
            "| ---: | ---: | --- | --- | ---: | --- | ---: | ---: |"]
    for r in rows:
        s = r["page_sizes"]
        out.append(
            f"| {r['items']:,} | {_kib(s['median_page_bytes'])} "
            f"| {_kib(s['largest_page']['bytes'])} (`{s['largest_page']['url']}`) "
            f"| {_kib(s['largest_item_page']['bytes'])} (`{s['largest_item_page']['url']}`) "
            f"| {_kib(s['median_item_page_bytes'])} "
            f"| {_kib(s['largest_listing_page']['bytes'])} (`{s['largest_listing_page']['url']}`) "
            f"| {s['nav_links_on_an_item_page']} | {s['site_bytes'] / 1024 ** 2:.0f} MiB |")
    out += ["", "Time in the hooks, by function (median seconds):", "",
            "| items | " + " | ".join(rows[0]["hooks_by_function_s"]) + " |",
            "| ---: | " + " | ".join("---:" for _ in rows[0]["hooks_by_function_s"]) + " |"]
    for r in rows:
        out.append(f"| {r['items']:,} | " + " | ".join(f"{v:.3f}" for v in r["hooks_by_function_s"].values()) + " |")
    out += ["", "Search (Pagefind; downloads in Chromium from a server without HTTP compression, "
                "see bench/SEARCH.md for the method):", "",
            "| items | indexing | peak RSS of Pagefind | bundle | first query: all / search | follow-up query | one filter more |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        search = r["search"]
        if not search.get("measured"):
            out.append(f"| {r['items']:,} | {search['note']} | | | | | |")
            continue
        ix, dl = search["indexing"], search["downloads"]
        out.append(f"| {r['items']:,} | {ix['seconds']:.1f} s | {ix['peak_rss_mib']:.0f} MiB "
                   f"| {ix['bundle_mib']} MiB, {ix['bundle_files']:,} files "
                   f"| {dl['first_query']['kib']:,} / {dl['first_query']['search_kib']:,} KiB "
                   f"| {dl['follow_up_query']['kib']:,} KiB | {dl['add_filter']['kib']:,} KiB |")
    checks = results.get("targets", {})
    if checks:
        out += ["", "Targets:", ""]
        out += [f"- {'met' if ok else '**missed**'}: {text}" for text, ok in checks.items()]
    for s in results.get("serve", []):
        mode = "`mkdocs serve --dirty`" if s["dirty"] else "`mkdocs serve`"
        out += ["", f"{mode} at {s['items']:,} items: save an item -> rebuilt page served: "
                    f"median {s['median_s']:.1f} s over {len(s['samples_s'])} saves "
                    f"({', '.join(f'{x:.1f}' for x in s['samples_s'])} s); first build {s['startup_s']:.1f} s."]
    out += ["", END]
    return "\n".join(out)


def targets(rows: list[dict]) -> dict[str, bool]:
    """The issue's targets. Wall times on a shared machine are noisy: CPU time too."""
    by = {r["items"]: r for r in rows}
    found: dict[str, bool] = {}
    if 5000 in by:
        r = by[5000]
        found[f"hooks add at most 10 % at 5,000 items: wall ratio {r['ratio_wall']:.3f}"] = r["ratio_wall"] <= 1.10
        found[f"hooks add at most 10 % at 5,000 items: CPU ratio {r['ratio_cpu']:.3f}"] = r["ratio_cpu"] <= 1.10
    if 1000 in by and 10000 in by:
        small, large = by[1000]["build_without_search"], by[10000]["build_without_search"]
        for key, name in (("wall_s", "wall"), ("cpu_s", "CPU")):
            growth = large[key] / small[key]
            found[f"10,000-item build at most 11 x the 1,000-item build ({name} time, "
                  f"without search: {growth:.1f} x)"] = growth <= 11
        for key, name in (("wall_s", "wall"), ("cpu_s", "CPU")):
            full = by[10000]["full_build"][key] / by[1000]["full_build"][key]
            found[f"the same for the full build with search ({name} time: {full:.1f} x)"] = full <= 11
    if 10000 in by:
        rss = by[10000]["build_without_search"]["peak_rss_bytes"]
        found[f"MkDocs peak memory at 10,000 items under 1 GiB ({_mib(rss)}; Pagefind's is reported "
              "apart, above)"] = rss < GIB
        item = by[10000]["page_sizes"]["largest_item_page"]["bytes"]
        found[f"item pages under 60 KiB at 10,000 items (largest {_kib(item)})"] = item < 60 * 1024
    return found


def write_report(results: dict) -> None:
    RESULTS_JSON.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    generated = render_markdown(results)
    text = RESULTS_MD.read_text(encoding="utf-8") if RESULTS_MD.exists() else f"# Benchmark results\n\n{BEGIN}\n{END}\n"
    if BEGIN in text and END in text:
        text = text[:text.index(BEGIN)] + generated + text[text.index(END) + len(END):]
    else:
        text += "\n" + generated + "\n"
    RESULTS_MD.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description="LOFT benchmark")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    parser.add_argument("--runs", type=int, default=3, help="runs per size (default 3)")
    parser.add_argument("--runs-largest", type=int, default=1,
                        help="runs at the largest size when it is 10,000 or more (default 1)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve latency")
    parser.add_argument("--dry", action="store_true", help="print, do not write bench/RESULTS.md")
    args = parser.parse_args(argv)

    ensure_gnu_time()
    WORK.mkdir(parents=True, exist_ok=True)
    results = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "load_average_start": [round(x, 2) for x in os.getloadavg()],
        "sizes": [],
    }
    for n in args.sizes:
        runs = args.runs_largest if n >= 10000 and n == max(args.sizes) else args.runs
        print(f"{n} items, {runs} run(s) ...", flush=True)
        results["sizes"].append(measure_size(n, runs, args.seed))
        results["targets"] = targets(results["sizes"])
        if not args.dry:  # after every size, so a long run leaves what it measured
            write_report(results)
    if not args.no_serve:
        from bench.serve_latency import measure as serve_measure
        results["serve"] = [serve_measure(WORK / "corpus-serve", 1000, args.seed, dirty=dirty)
                            for dirty in (False, True)]
    results["targets"] = targets(results["sizes"])
    if args.dry:
        print(render_markdown(results))
    else:
        write_report(results)
        print(f"Wrote {RESULTS_MD.relative_to(REPO)} and {RESULTS_JSON.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
