#!/usr/bin/python3.11
"""tools/bench/run.py — Kiln against CPython 3.11 and PyPy, one interleaved run.

    /usr/bin/python3.11 tools/bench/run.py [--rounds 3] [--only nbody,richards] [--docs]

Each benchmark (benchmarks/bm_*.py: ``bench()`` + ``check()``) runs in a fresh
process per round and interpreter, interleaved (round-robin over benchmarks
and interpreters, the interpreter order rotating each round), so the noise of
a shared machine spreads over all of them.  Inside the process
(harness.py) one first iteration is timed on its own (warm-up cost), then
warm-up iterations, then measured iterations, all by CPU time.

Reported per benchmark and interpreter: median iteration time, ratio to
CPython (time / CPython's time: below 1 is faster), first-iteration time and
peak memory (max RSS).  Also start-up time (``-c pass`` and importing common
modules) and the geometric mean of the ratios.  Writes
tools/bench/results/latest.{json,md,svg}; with --docs also
docs/performance.md and docs/performance.svg.

Benchmarks are never run as timed tests in CI.
"""

import argparse
import json
import math
import os
import selectors
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import chart  # noqa: E402

INTERPRETERS = [
    ("kiln", os.path.join(ROOT, "build/release/bin/python")),
    ("cpython", "/usr/bin/python3.11"),
    ("pypy", shutil.which("pypy3") or "/usr/bin/pypy3"),
]


def available(path):
    return os.path.isfile(path) and os.access(path, os.X_OK)


def run_measured(argv, timeout):
    """Run argv; return (exit status, stdout, stderr, peak RSS in KiB, wall s).

    The child is reaped with wait4 so its own max RSS can be read."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, cwd=HERE)
    deadline = t0 + timeout
    out_chunks, err_chunks = [], []
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ, out_chunks)
    sel.register(proc.stderr, selectors.EVENT_READ, err_chunks)
    open_streams = 2
    while open_streams:
        left = deadline - time.perf_counter()
        if left <= 0:
            proc.kill()
            break
        for key, _ in sel.select(timeout=left):
            data = os.read(key.fd, 65536)
            if not data:
                sel.unregister(key.fileobj)
                open_streams -= 1
            else:
                key.data.append(data)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - t0
    if wall >= timeout:
        return None, b"", b"timeout", usage.ru_maxrss, wall
    return proc.returncode, b"".join(out_chunks), b"".join(err_chunks), usage.ru_maxrss, wall


def find_benchmarks(only):
    names = sorted(f[3:-3] for f in os.listdir(os.path.join(HERE, "benchmarks"))
                   if f.startswith("bm_") and f.endswith(".py"))
    if only:
        wanted = set(only.split(","))
        names = [n for n in names if n in wanted]
    return names


def geomean(values):
    values = [v for v in values if v and v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def main():
    ap = argparse.ArgumentParser(description="Kiln vs CPython vs PyPy")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--iterations", type=int, default=3)
    ap.add_argument("--timeout", type=int, default=300)
    ap.add_argument("--only", default="")
    ap.add_argument("--startup-runs", type=int, default=10)
    ap.add_argument("--docs", action="store_true", help="also write docs/performance.md")
    args = ap.parse_args()

    benches = find_benchmarks(args.only)
    interps = [(n, p) for n, p in INTERPRETERS]
    missing = {n: "not built / not installed (%s)" % p for n, p in interps if not available(p)}
    live = [(n, p) for n, p in interps if n not in missing]
    for n, why in missing.items():
        print("%s: %s" % (n, why))

    samples = {b: {n: [] for n, _ in interps} for b in benches}
    firsts = {b: {n: [] for n, _ in interps} for b in benches}
    rss = {b: {n: 0 for n, _ in interps} for b in benches}
    errors = {b: {} for b in benches}

    for rnd in range(args.rounds):
        order = live[rnd % max(1, len(live)):] + live[:rnd % max(1, len(live))]
        for bench in benches:
            for name, path in order:
                if name in errors[bench]:
                    continue
                argv = [path, "harness.py", os.path.join("benchmarks", "bm_%s.py" % bench),
                        str(args.warmup), str(args.iterations)]
                rc, out, err, maxrss, wall = run_measured(argv, args.timeout)
                line = out.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
                try:
                    data = json.loads(line[0])
                except ValueError:
                    data = {"error": "exit %s: %s" % (rc, err.decode("utf-8", "replace").strip()[-300:])}
                if rc != 0 or "error" in data:
                    errors[bench][name] = data.get("error") or "exit status %s" % rc
                    print("  %-14s %-8s FAILED: %s" % (bench, name, errors[bench][name][:200]))
                    continue
                samples[bench][name].extend(data["times"])
                firsts[bench][name].append(data["first"])
                rss[bench][name] = max(rss[bench][name], maxrss)
                print("  round %d %-14s %-8s median %.4fs" % (rnd + 1, bench, name,
                                                             statistics.median(data["times"])))

    startup = {}
    for label, code in (("-c pass", "pass"),
                        ("import json, re, os, collections, decimal",
                         "import json, re, os, collections, decimal")):
        startup[label] = {n: [] for n, _ in interps}
        for _ in range(args.startup_runs):
            for name, path in live:
                rc, _, _, _, wall = run_measured([path, "-c", code], 60)
                if rc == 0:
                    startup[label][name].append(wall)

    results = {"date": time.strftime("%Y-%m-%d %H:%M"), "benchmarks": {}, "startup": {},
               "missing": missing,
               "settings": {"rounds": args.rounds, "warmup": args.warmup,
                            "iterations": args.iterations}}
    for bench in benches:
        row = {}
        base = samples[bench]["cpython"]
        base_med = statistics.median(base) if base else None
        for name, _ in interps:
            s = samples[bench][name]
            if name in missing:
                row[name] = {"status": "unavailable"}
            elif name in errors[bench]:
                row[name] = {"status": "failed", "error": errors[bench][name]}
            elif s:
                med = statistics.median(s)
                row[name] = {"status": "ok", "median": med,
                             "first": statistics.median(firsts[bench][name]),
                             "ratio": (med / base_med) if base_med else None,
                             "peak_rss_kib": rss[bench][name], "samples": len(s)}
        results["benchmarks"][bench] = row
    for label, per in startup.items():
        results["startup"][label] = {n: statistics.median(v) for n, v in per.items() if v}
    results["geomean_ratio"] = {
        name: geomean([r[name].get("ratio") for r in results["benchmarks"].values()
                       if r.get(name, {}).get("status") == "ok"])
        for name, _ in interps}

    outdir = os.path.join(HERE, "results")
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, "latest.json"), "w") as f:
        json.dump(results, f, indent=1, sort_keys=True)
    md = chart.markdown(results, [n for n, _ in interps])
    with open(os.path.join(outdir, "latest.md"), "w") as f:
        f.write(md)
    svg = chart.svg(results, [n for n, _ in interps])
    with open(os.path.join(outdir, "latest.svg"), "w") as f:
        f.write(svg)
    if args.docs:
        with open(os.path.join(ROOT, "docs", "performance.svg"), "w") as f:
            f.write(svg)
        with open(os.path.join(ROOT, "docs", "performance.md"), "w") as f:
            f.write("# Performance\n\nLatest run of `tools/bench/run.py` (CPU time, "
                    "medians; ratio = time / CPython's time, below 1 is faster).\n\n"
                    "![ratio to CPython per benchmark](performance.svg)\n\n" + md)
    print()
    print(md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
