#!/usr/bin/env python3
"""Edit → reload latency of `minhbach serve` on a generated site.

Copies the site (the edits must not touch the benchmark corpus), starts
`minhbach serve`, opens the live-reload event stream, then edits one post
K times: each time it appends a sentence to the post, and measures the
time from the write to the `event: reload` line, then the time to fetch
the edited page, and checks that the page shows the new sentence.

With --data-edit, each edit changes one value of the results file
(`content/du-lieu/ket-qua.csv`) instead, and the page checked is that
target's page. The file is saved as spreadsheet programs save: written
beside it under a hidden name, then renamed over it. After each edit (and
the pause) the server's resident memory (VmRSS, Linux) is sampled; the
table shows it after the first and the last edit (and the third, when
there are more).

With --newest, the post edited is the newest one (listed on the home
page and in the feeds, which are made again after each edit).

Usage: serve_latency.py SITE [--edits 20] [--pause 3] [--data-edit | --newest]
                            [--minhbach PATH] [--log PATH]
"""

import argparse
import csv
import glob
import io
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def vm_rss(pid):
    """Resident memory of a process in MiB (Linux), or None."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def cpu_seconds(pid):
    """User + system CPU time of a process in seconds (Linux), or None."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("site")
    ap.add_argument("--edits", type=int, default=20)
    ap.add_argument("--pause", type=float, default=3.0,
                    help="seconds between edits (lets the background check finish)")
    ap.add_argument("--data-edit", action="store_true",
                    help="edit a row of content/du-lieu/ket-qua.csv instead of a post")
    ap.add_argument("--newest", action="store_true",
                    help="edit the newest post (on the home page and in the feeds) "
                         "instead of one in the middle")
    ap.add_argument("--minhbach", default=os.path.join(REPO, "target", "release", "minhbach"))
    ap.add_argument("--log", help="copy the server's output here (with MINHBACH_TIMINGS=1 "
                                  "in the environment: the phase times of every rebuild)")
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="minhbach-serve-bench-", dir=os.path.dirname(os.path.abspath(a.site)))
    site = os.path.join(tmp, "site")
    shutil.copytree(a.site, site)
    port = free_port()
    log = open(os.path.join(tmp, "serve.log"), "w")
    proc = subprocess.Popen([a.minhbach, "serve", "--root", site, "--port", str(port),
                             "--date", "2026-11-25"], stdout=log, stderr=log)
    try:
        base = f"http://127.0.0.1:{port}/chuyen-doi-so/"
        deadline = time.time() + 120
        while True:
            try:
                urllib.request.urlopen(base, timeout=5).read()
                break
            except Exception:
                if time.time() > deadline or proc.poll() is not None:
                    sys.exit("serve did not start:\n" + open(log.name).read())
                time.sleep(0.2)
        time.sleep(a.pause)  # let the first background check finish
        ev = socket.create_connection(("127.0.0.1", port))
        ev.sendall(f"GET /__minhbach/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                   "Accept: text/event-stream\r\n\r\n".encode())
        ev.settimeout(120)
        buf = b""
        if a.data_edit:
            target = os.path.join(site, "content", "du-lieu", "ket-qua.csv")
            lines = open(target, encoding="utf-8-sig").read().split("\n")
            row = len(lines) // 2
            code = next(csv.reader([lines[row]]))[0]
            url = f"{base}chi-tieu/{code.lower()}/"
        else:
            posts = sorted(p for p in glob.glob(os.path.join(site, "content", "tin-tuc", "*.md"))
                           if not os.path.basename(p).startswith("_"))
            target = posts[-1] if a.newest else posts[len(posts) // 2]
            slug = re.sub(r"^\d{4}-\d{2}-\d{2}-", "", os.path.basename(target))[:-3]
            url = f"{base}tin-tuc/{slug}/"
        reloads, fetches, rss = [], [], []
        cpu0 = cpu_seconds(proc.pid)
        for k in range(a.edits):
            if a.data_edit:
                # A new value for one row: k+1,5 with k = 0, 1, … (always
                # new); the row is parsed as CSV (values such as "81,5" are
                # quoted), so only the value changes.
                cells = next(csv.reader([lines[row]]))
                cells[2] = f"{k + 1},5"
                out = io.StringIO()
                csv.writer(out, lineterminator="").writerow(cells)
                lines[row] = out.getvalue()
                marker = f"{k + 1},5"
                # Saved as spreadsheet programs save: a new file beside
                # it, renamed over the original (one event for the
                # watcher; `.~…tmp` names are ignored). Rewriting the 1 MB
                # file in place could outlast the debounce under load and
                # make one edit two rebuilds.
                tmp_file = os.path.join(os.path.dirname(target),
                                        f".~{os.path.basename(target)}.tmp")
                with open(tmp_file, "w", encoding="utf-8-sig") as f:
                    f.write("\n".join(lines))
                os.replace(tmp_file, target)
            else:
                marker = f"Câu sửa thử số {k} để đo thời gian tải lại."
                with open(target, "a", encoding="utf-8") as f:
                    f.write(f"\n{marker}\n")
            t0 = time.perf_counter()
            while b"event: reload" not in buf:
                buf += ev.recv(65536)
            t1 = time.perf_counter()
            buf = buf[buf.index(b"event: reload") + 13:]
            page = urllib.request.urlopen(url, timeout=10).read().decode("utf-8")
            t2 = time.perf_counter()
            # A data value may not show as written (only the latest period
            # is on the page, formatted): only post edits are checked.
            if not a.data_edit and marker not in page:
                sys.exit(f"edit {k}: the page does not show the edit")
            reloads.append((t1 - t0) * 1000)
            fetches.append((t2 - t1) * 1000)
            time.sleep(a.pause)
            rss.append(vm_rss(proc.pid))
        def row(name, xs):
            xs = sorted(xs)
            return (f"| {name} | {xs[0]:.0f} ms | {statistics.median(xs):.0f} ms | "
                    f"{xs[-1]:.0f} ms |")
        print(f"{a.edits} edits of {os.path.relpath(target, site)}, pause {a.pause} s")
        print("| | min | median | max |\n|---|---:|---:|---:|")
        print(row("write → `event: reload`", reloads))
        print(row("reload → edited page received", fetches))
        print(row("write → edited page received", [r + f for r, f in zip(reloads, fetches)]))
        cpu1 = cpu_seconds(proc.pid)
        if cpu0 is not None and cpu1 is not None:
            print(f"server CPU (user+sys) over the {a.edits} edits, background checks "
                  f"included: {cpu1 - cpu0:.2f} s, {(cpu1 - cpu0) / a.edits * 1000:.0f} ms per edit")
        if rss[0] is not None:
            third = f", after edit 3: {rss[2]:.0f} MiB" if len(rss) > 3 else ""
            print(f"server memory (VmRSS) after edit 1: {rss[0]:.0f} MiB{third}, after edit "
                  f"{a.edits}: {rss[-1]:.0f} MiB, most: {max(rss):.0f} MiB")
        rebuilds = re.findall(r"trong (\d+) ms", open(log.name).read())
        if rebuilds:
            print(f"rebuild times printed by minhbach (ms): {', '.join(rebuilds[-a.edits:])}")
    finally:
        proc.terminate()
        proc.wait()
        log.close()
        if a.log:
            shutil.copyfile(log.name, a.log)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
