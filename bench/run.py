"""The benchmark: build generated sites of 2,000 and 5,000 items (and more).

    python -m bench.run                          # the full benchmark (slow), as `make bench`
    python -m bench.run --sizes 1000 --runs 1    # a quick run while developing

For each size it generates a corpus (bench/corpus.py) and writes the two
controls (bench/control.py), then per run, one after the other (interleaved,
so that the machine's load falls on all alike), times
  full        `properdocs build` of the project (hooks, then Pagefind): `make build`;
  mkdocs      the same with MkDocs 1.6.1 (ProperDocs against MkDocs);
  same pages  `loft export` built by plain ProperDocs/Material without hooks,
              then Pagefind: the same pages as plain files (today's control);
  theme       the item files and site pages as plain Markdown, no generated
              pages, built by plain Material, then Pagefind: what a user would
              get without this project (the second control);
  zensical    the export built by Zensical 0.0.68, then Pagefind;
and reports medians of wall and CPU time, peak memory, the ratios full/theme
and full/same pages, the time in the hooks (LOFT_PROFILE on the full build),
page sizes, `loft check` and `loft export`, and search figures from
bench/search_bench.py. It writes bench/results.json and the generated part of
bench/RESULTS.md; the preview's save-to-page time comes from bench/serve_latency.py.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.control import write_control, write_theme_control
from bench.corpus import generate

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
RAM_DISK = Path("/dev/shm")
RAM_DISK_NEEDED = 4 * 1024 ** 3  # corpora and sites of 2,000 and 5,000 items: about 1.5 GiB


def _work_folder() -> Path:
    """Where corpora and built sites go: LOFT_BENCH_WORK if set, else a RAM disk
    with room, else bench/work.

    On a disk the builds also measure the file system. The benchmark machine's
    ext4 has no journal, and then the kernel checks every free inode for a recent
    deletion before handing it out: a build right after `--clean` removed its last
    output's files spent 0.5–2.5 s of system time in that check (perf: ext4_create
    -> find_inode_bit -> recently_deleted), more for a build that writes more files
    and varying from run to run more than any change to the build did. On the RAM
    disk every build writes the same files, without that check (bench/RESULTS.md)."""
    if os.environ.get("LOFT_BENCH_WORK"):
        return Path(os.environ["LOFT_BENCH_WORK"]).resolve()
    if RAM_DISK.is_dir() and os.access(RAM_DISK, os.W_OK) and shutil.disk_usage(RAM_DISK).free >= RAM_DISK_NEEDED:
        return RAM_DISK / f"loft-bench-{os.getuid()}"
    return BENCH / "work"


WORK = _work_folder()
ON_RAM_DISK = RAM_DISK in WORK.parents


def release_work() -> None:
    """A RAM disk's work folder holds memory: removed when the benchmark is done."""
    if ON_RAM_DISK and WORK.is_dir():
        shutil.rmtree(WORK)


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


def engine_build(project: Path, site: Path, engine: str = "properdocs", env: dict | None = None,
                 config: str | None = None) -> dict:
    command = [str(BIN / engine), "build", "--strict", "--clean", "--quiet", "--site-dir", str(site)]
    if config:
        command += ["--config-file", config]
    return timed(command, project, env)


ITEM_PAGES = "{material,nyheter,rapporter}/*/index.html"  # loft.search.pagefind.item_pages_glob of data/types.yml


def with_pagefind(build: list[str], site: Path, glob: str | None = None) -> list[str]:
    """One timed command: a build without hooks, then Pagefind over its output
    (as `loft search-index` runs it when glob is given)."""
    from loft.search.pagefind import pagefind_command

    pagefind = " ".join(shlex.quote(part) for part in pagefind_command(site, glob))
    return ["sh", "-c", f"{' '.join(shlex.quote(part) for part in build)} && rm -rf {shlex.quote(str(site / 'pagefind'))} && {pagefind}"]


def plain_build(folder: Path, site: Path, glob: str | None = None) -> dict:
    """Plain ProperDocs/Material (no hooks: the folder's config has none) + Pagefind."""
    return timed(with_pagefind([str(BIN / "properdocs"), "build", "--clean", "--quiet", "--site-dir", str(site)],
                               site, glob), folder)


def zensical_build(folder: Path) -> dict:
    return timed(with_pagefind([str(BIN / "zensical"), "build", "--clean"], folder / "site", ITEM_PAGES), folder)


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

BUILDS = ("full", "mkdocs", "same_pages", "theme", "zensical")


def measure_size(n_items: int, runs: int, seed: int, search: bool = True) -> dict:
    corpus = WORK / f"corpus-{n_items}"
    export, theme = WORK / f"export-{n_items}", WORK / f"theme-{n_items}"
    if corpus.exists():
        shutil.rmtree(corpus)
    started = time.perf_counter()
    generate(corpus, n_items, seed)
    generated_s = time.perf_counter() - started
    export_run = timed([str(BIN / "loft"), "export", str(export)], corpus)
    write_theme_control(corpus, theme)

    sys.path.insert(0, str(REPO))
    from loft.build import SiteBuild
    from loft.engine.site_diff import differences
    build = SiteBuild.create(corpus)
    item_urls = {item.url for item in build.index.items}

    load_before = os.getloadavg()
    check = timed([str(BIN / "loft"), "check"], corpus)
    rows: dict[str, list[dict]] = {name: [] for name in BUILDS}
    profiles = []
    site, mkdocs_site = WORK / f"site-{n_items}", WORK / f"site-{n_items}-mkdocs"
    def full() -> dict:
        profile_file = WORK / f"profile-{n_items}-{len(profiles)}.json"
        row = engine_build(corpus, site, env={"LOFT_PROFILE": str(profile_file)})
        profiles.append(json.loads(profile_file.read_text(encoding="utf-8")))
        return row

    builds = {
        "full": full,
        "mkdocs": lambda: engine_build(corpus, mkdocs_site, engine="mkdocs", config="mkdocs.yml"),
        "same_pages": lambda: plain_build(export, WORK / f"site-{n_items}-same-pages", ITEM_PAGES),
        "theme": lambda: plain_build(theme, WORK / f"site-{n_items}-theme"),
        "zensical": lambda: zensical_build(export),
    }
    for run in range(runs):
        # Each run starts with another build, so that none is always first.
        for name in BUILDS[run % len(BUILDS):] + BUILDS[:run % len(BUILDS)]:
            rows[name].append(builds[name]())
        print(f"  {n_items} run {run + 1}/{runs}: " + ", ".join(
            f"{name} {rows[name][-1]['wall_s']:.1f} s" for name in BUILDS), flush=True)
    load_after = os.getloadavg()
    engines_differ = differences(site, mkdocs_site)
    sizes = page_sizes(site, item_urls)
    figures = search_figures(site) if search else {"measured": False, "note": "not measured (--no-search)"}

    def med(name: str, key: str) -> float:
        return statistics.median(r[key] for r in rows[name])

    per_hook = {name: statistics.median(p["hooks"].get(name, {}).get("seconds", 0.0) for p in profiles)
                for name in profiles[0]["hooks"]}
    result = {
        "items": n_items,
        "runs": runs,
        "pages": sizes["html_pages"],
        "corpus_generation_s": round(generated_s, 2),
        "builds": {name: {"wall_s": med(name, "wall_s"), "cpu_s": med(name, "cpu_s"),
                          "peak_rss_bytes": med(name, "peak_rss_bytes")} for name in BUILDS},
        "export": export_run,
        "engines_identical": not engines_differ,
        "engine_differences": engines_differ[:20],
        "hooks_s": round(statistics.median(p["total_seconds"] for p in profiles), 3),
        "hooks_by_function_s": {k: round(v, 3) for k, v in per_hook.items()},
        "check": check,
        "page_sizes": sizes,
        "search": figures,
        "raw": rows,
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in load_after],
    }
    for control in ("theme", "same_pages", "mkdocs"):
        for key, name in (("wall_s", "wall"), ("cpu_s", "cpu")):
            result[f"ratio_{control}_{name}"] = round(med("full", key) / med(control, key), 3)
    for key, name in (("wall_s", "wall"), ("cpu_s", "cpu")):
        result[f"ratio_zensical_{name}"] = round(med("zensical", key) / med("full", key), 3)
    return result


# --- report ---------------------------------------------------------------------

def _mib(value: float) -> str:
    return f"{value / 1024 ** 2:.0f} MiB"


def _kib(value: float | None) -> str:
    return "–" if value is None else f"{value / 1024:.1f} KiB"


def render_markdown(results: dict) -> str:
    rows = results["sizes"]
    out = [BEGIN, "",
           f"Measured {results['date']} on {results['machine']}; corpora and sites on "
           f"{results.get('work', 'disk')}; load average at start "
           f"{results['load_average_start']}. Medians of the runs shown; in each run the five builds "
           "ran one after the other. Generated by `python -m bench.run`; do not edit between the markers.", "",
           "Wall time (CPU time: user + system, all processes), every build with its Pagefind step:", "",
           "| items | pages | runs | full build (ProperDocs) | same with MkDocs | same-pages control | theme control | full / theme | full / same pages | ProperDocs / MkDocs | export by Zensical | `loft export` |",
           "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        b = r["builds"]
        cell = lambda name: f"{b[name]['wall_s']:.1f} s ({b[name]['cpu_s']:.1f} s)"
        out.append(
            f"| {r['items']:,} | {r['pages']:,} | {r['runs']} | {cell('full')} | {cell('mkdocs')} "
            f"| {cell('same_pages')} | {cell('theme')} "
            f"| {r['ratio_theme_wall']:.2f} ({r['ratio_theme_cpu']:.2f}) "
            f"| {r['ratio_same_pages_wall']:.2f} ({r['ratio_same_pages_cpu']:.2f}) "
            f"| {r['ratio_mkdocs_wall']:.2f} ({r['ratio_mkdocs_cpu']:.2f}) "
            f"| {cell('zensical')} | {r['export']['wall_s']:.1f} s ({r['export']['cpu_s']:.1f} s) |")
    out += ["", "| items | peak RSS: full build | same-pages control | theme control | Zensical | in hooks (full build, Pagefind included) | `loft check` | ProperDocs and MkDocs output | load average during the runs |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |"]
    for r in rows:
        b = r["builds"]
        same = ("identical (generator line aside)" if r["engines_identical"]
                else f"{len(r['engine_differences'])} files differ")
        out.append(
            f"| {r['items']:,} | {_mib(b['full']['peak_rss_bytes'])} | {_mib(b['same_pages']['peak_rss_bytes'])} "
            f"| {_mib(b['theme']['peak_rss_bytes'])} | {_mib(b['zensical']['peak_rss_bytes'])} | {r['hooks_s']:.2f} s "
            f"| {r['check']['wall_s']:.1f} s, {_mib(r['check']['peak_rss_bytes'])} "
            f"| {same} "
            f"| {r['load_average_before']} → {r['load_average_after']} |")
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
    out += ["", "Time in the hooks, by function (median seconds, full build):", "",
            "| items | " + " | ".join(rows[0]["hooks_by_function_s"]) + " |",
            "| ---: | " + " | ".join("---:" for _ in rows[0]["hooks_by_function_s"]) + " |"]
    for r in rows:
        out.append(f"| {r['items']:,} | " + " | ".join(f"{r['hooks_by_function_s'].get(k, 0):.3f}"
                                                      for k in rows[0]["hooks_by_function_s"]) + " |")
    measured = [r for r in rows if r["search"].get("measured")]
    if measured:
        out += ["", "Search (Pagefind; downloads in Chromium from a server without HTTP compression, "
                    "see bench/SEARCH.md for the method):", "",
                "| items | indexing | peak RSS of Pagefind | bundle | first query: all / search | follow-up query | one filter more |",
                "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for r in measured:
            ix, dl = r["search"]["indexing"], r["search"]["downloads"]
            out.append(f"| {r['items']:,} | {ix['seconds']:.1f} s | {ix['peak_rss_mib']:.0f} MiB "
                       f"| {ix['bundle_mib']} MiB, {ix['bundle_files']:,} files "
                       f"| {dl['first_query']['kib']:,} / {dl['first_query']['search_kib']:,} KiB "
                       f"| {dl['follow_up_query']['kib']:,} KiB | {dl['add_filter']['kib']:,} KiB |")
    checks = results.get("targets", {})
    if checks:
        out += ["", "Targets:", ""]
        out += [f"- {'met' if ok else '**missed**'}: {text}" for text, ok in checks.items()]
    serve = results.get("serve", [])
    if serve:
        out += ["", "Preview, save an item -> rebuilt page served (`python -m bench.serve_latency --compare`, "
                    "one after the other on the same corpus):", ""]
        for s in serve:
            mode = "`make serve` (`properdocs serve --dirty`)" if s.get("dirty") else f"`{s.get('engine', 'mkdocs')} serve`"
            out.append(f"- {mode} at {s['items']:,} items: median {s['median_s']:.1f} s over {len(s['samples_s'])} saves "
                       f"({', '.join(f'{x:.1f}' for x in s['samples_s'])} s); first build {s['startup_s']:.1f} s; "
                       f"load average {s.get('load_average')}.")
    out += ["", END]
    return "\n".join(out)


def targets(rows: list[dict], serve: list[dict] | None = None) -> dict[str, bool]:
    """The issue's targets, in wall and in CPU time (wall alone is noisy on a shared machine)."""
    found: dict[str, bool] = {}
    for r in rows:
        if r["items"] < 2000:
            continue
        n = f"{r['items']:,}"
        found[f"{n} items: full build at most 1.3 x the theme control (wall {r['ratio_theme_wall']:.2f})"] = r["ratio_theme_wall"] <= 1.3
        found[f"{n} items: full build at most 1.3 x the theme control (CPU {r['ratio_theme_cpu']:.2f})"] = r["ratio_theme_cpu"] <= 1.3
        found[f"{n} items: full build at most 1.05 x the same-pages control (wall {r['ratio_same_pages_wall']:.2f})"] = r["ratio_same_pages_wall"] <= 1.05
        found[f"{n} items: full build at most 1.05 x the same-pages control (CPU {r['ratio_same_pages_cpu']:.2f})"] = r["ratio_same_pages_cpu"] <= 1.05
        found[f"{n} items: ProperDocs and MkDocs give the same files"] = r["engines_identical"]
    for s in serve or []:
        if s.get("dirty"):
            found[f"`make serve` at {s['items']:,} items shows a saved item within 5 s (median {s['median_s']:.1f} s)"] = s["median_s"] <= 5
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
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 5000])
    parser.add_argument("--runs", type=int, default=5, help="runs per size (default 5)")
    parser.add_argument("--runs-largest", type=int, default=None,
                        help="runs at the largest size (default: --runs, or 1 from 10,000 items)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-serve", action="store_true", help="skip the preview's save-to-page time")
    parser.add_argument("--no-search", action="store_true", help="skip the search figures (Chromium)")
    parser.add_argument("--dry", action="store_true", help="print, do not write bench/RESULTS.md")
    args = parser.parse_args(argv)

    ensure_gnu_time()
    WORK.mkdir(parents=True, exist_ok=True)
    try:
        return _run(args)
    finally:
        release_work()


def _run(args) -> int:
    print(f"Corpora and sites in {WORK}", flush=True)
    results = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "load_average_start": [round(x, 2) for x in os.getloadavg()],
        "work": "RAM disk" if ON_RAM_DISK else str(WORK),
        "sizes": [],
    }
    for n in args.sizes:
        runs = args.runs
        if n == max(args.sizes) and len(args.sizes) > 1:
            runs = args.runs_largest if args.runs_largest is not None else (1 if n >= 10000 else args.runs)
        print(f"{n} items, {runs} run(s) ...", flush=True)
        results["sizes"].append(measure_size(n, runs, args.seed, search=not args.no_search))
        results["targets"] = targets(results["sizes"])
        if not args.dry:  # after every size, so a long run leaves what it measured
            write_report(results)
    if not args.no_serve:
        from bench.serve_latency import compare
        results["serve"] = compare(WORK / "corpus-serve", 1000, args.seed)
    results["targets"] = targets(results["sizes"], results.get("serve"))
    if args.dry:
        print(render_markdown(results))
    else:
        write_report(results)
        print(f"Wrote {RESULTS_MD.relative_to(REPO)} and {RESULTS_JSON.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
