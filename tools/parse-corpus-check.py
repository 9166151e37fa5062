#!/usr/bin/python3.11
"""parse-corpus-check.py -- compare pyparse with CPython on a fuzz corpus.

Each file of the corpus is a fuzz_parser input: one mode byte, then the
source.  The source is parsed as bytes in exec mode by ast.parse (this
process) and by `pyparse --check -`, and the outcomes are compared: accepted
by both, or rejected with the same exception, message, line and offset
(position only for SyntaxError and subclasses).  Inputs that make CPython
raise RecursionError / MemoryError, or that libparse refuses past its depth
limit or for a codec it does not decode, are left out (documented limits).

    parse-corpus-check.py [DIR]        default build/fuzz/corpus-parse
    parse-corpus-check.py --show 30    how many mismatch groups to print

Mismatches are grouped by (CPython's message, pyparse's message); one
example file is named per group.  Exit status 0 when all agree.
"""
import argparse
import ast
import collections
import multiprocessing
import os
import subprocess
import sys
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PYPARSE = os.path.join(ROOT, "build", "release", "bin", "pyparse")


def cpython(src):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            ast.parse(src)
            return "OK"
        except SyntaxError as e:
            return f"{e.lineno}:{e.offset}: {type(e).__name__}: {e.msg}"
        except (MemoryError, RecursionError):
            return None
        except ValueError as e:     # null bytes; UnicodeDecodeError
            return f"{type(e).__name__}: {e}"


def pyparse(exe, src):
    p = subprocess.run([exe, "--check", "-"], input=src, capture_output=True, timeout=20)
    out = p.stdout.decode("utf-8", "replace").strip()
    if p.returncode == 0:
        return "OK"
    if p.returncode == 1 and out.startswith("-:"):
        res = out[2:]
        line, col, rest = res.split(":", 2)
        kind = rest.strip().split(":", 1)[0]
        if kind in ("ValueError", "UnicodeDecodeError", "MemoryError"):
            return rest.strip()
        return res
    return f"CRASH exit status {p.returncode}: {p.stderr.decode('utf-8', 'replace')[-300:]}"


def check(args):
    exe, path = args
    with open(path, "rb") as f:
        data = f.read()
    if not data:
        return path, None, None
    src = data[1:]
    want = cpython(src)
    if want is None:
        return path, None, None
    got = pyparse(exe, src)
    if got.startswith("MemoryError") or "unsupported encoding" in got:
        return path, None, None
    return path, want, got


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dir", nargs="?", default=os.path.join(ROOT, "build", "fuzz", "corpus-parse"))
    ap.add_argument("--show", type=int, default=20)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--pyparse", default=PYPARSE)
    opt = ap.parse_args()
    files = sorted(os.path.join(opt.dir, n) for n in os.listdir(opt.dir) if not n.startswith("."))
    work = [(opt.pyparse, f) for f in files]
    with multiprocessing.Pool(opt.jobs) as pool:
        results = pool.map(check, work, chunksize=16)
    groups = collections.Counter()
    example = {}
    compared = agree = 0
    for path, want, got in results:
        if want is None:
            continue
        compared += 1
        if want == got:
            agree += 1
            continue
        key = (want.split(": ", 1)[-1][:70], got.split(": ", 1)[-1][:70])
        groups[key] += 1
        example.setdefault(key, (path, want, got))
    print(f"parse-corpus-check: {len(files)} inputs, {compared} compared, "
          f"{agree} agree ({100.0 * agree / max(compared, 1):.2f}%)")
    for key, n in groups.most_common(opt.show):
        path, want, got = example[key]
        print(f"\n{n:5}  e.g. {path}\n       CPython: {want[:150]}\n       pyparse: {got[:150]}")
    return 0 if agree == compared else 1


if __name__ == "__main__":
    sys.exit(main())
