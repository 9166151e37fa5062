#!/usr/bin/python3.11
"""parse-bench.py -- libparse's parse time against CPython's ast.parse.

Times parsing every .py file under a root (default /usr/lib/python3.11) both
ways, interleaved in one run:
  - `pyparse --bench FILE...`: the time spent inside ps_parse, measured by
    pyparse itself (reading files and process start-up are not counted; the
    tree is built in the arena and freed, never dumped);
  - ast.parse(source_bytes) in this process over the same files, read into
    memory beforehand (building Python AST objects is CPython's equivalent of
    building libparse's tree).
Only files CPython accepts are timed.  Each repetition runs both; medians and
the ratio are reported.

    parse-bench.py [--repeat 5] [--match SUBSTR] [--limit N]

Run with /usr/bin/python3.11.  Works with an incomplete parser: the number
of files pyparse rejects is reported (their partial work still counts).
"""
import argparse
import ast
import gc
import os
import statistics
import subprocess
import sys
import time
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PYPARSE = os.path.join(ROOT, "build", "release", "bin", "pyparse")


def collect(root, match, limit):
    files = []
    for d, dirs, names in os.walk(root):
        dirs.sort()
        for name in sorted(names):
            p = os.path.join(d, name)
            if name.endswith(".py") and os.path.isfile(p) and (not match or match in p):
                files.append(p)
    return files[:limit] if limit else files


def time_cpython(sources):
    gc.collect()
    total = 0.0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for path, src in sources:
            t = time.perf_counter()
            tree = ast.parse(src, path)
            total += time.perf_counter() - t
            del tree
    return total


def time_pyparse(exe, paths):
    p = subprocess.run([exe, "--bench", *paths], capture_output=True, text=True)
    # files N failed K repeat R parse_seconds S
    words = p.stdout.split()
    if p.returncode != 0 or len(words) < 8:
        sys.exit(f"parse-bench: pyparse --bench failed: {p.stderr.strip() or p.stdout}")
    return float(words[7]), int(words[3])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", default="/usr/lib/python3.11")
    ap.add_argument("--match")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--pyparse", default=PYPARSE)
    opt = ap.parse_args()
    if not os.access(opt.pyparse, os.X_OK):
        sys.exit(f"parse-bench: {opt.pyparse} not found (run `ninja libparse`)")
    sources = []
    sys.setrecursionlimit(10000)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for path in collect(opt.root, opt.match, opt.limit):
            with open(path, "rb") as f:
                src = f.read()
            try:
                ast.parse(src, path)
            except (SyntaxError, ValueError, MemoryError, RecursionError):
                continue
            sources.append((path, src))
    paths = [p for p, _ in sources]
    nbytes = sum(len(s) for _, s in sources)
    print(f"parse-bench: {len(sources)} files CPython accepts, {nbytes / 1e6:.1f} MB, "
          f"{opt.repeat} repetitions")
    ours, theirs, failed = [], [], 0
    for r in range(opt.repeat):
        secs, failed = time_pyparse(opt.pyparse, paths)
        ours.append(secs)
        theirs.append(time_cpython(sources))
        print(f"  rep {r + 1}: pyparse {ours[-1]:.3f}s  ast.parse {theirs[-1]:.3f}s")
    mo, mt = statistics.median(ours), statistics.median(theirs)
    print(f"median: pyparse {mo:.3f}s ({nbytes / 1e6 / mo if mo else 0:.1f} MB/s), "
          f"ast.parse {mt:.3f}s ({nbytes / 1e6 / mt:.1f} MB/s)")
    print(f"ratio ast.parse / pyparse: {mt / mo if mo else float('inf'):.2f}x"
          f"  (higher = libparse faster)")
    if failed == len(sources):
        print("note: pyparse rejected every file: the ratio means nothing yet")
    elif failed:
        print(f"note: pyparse rejected {failed} of these files (parser incomplete?)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
