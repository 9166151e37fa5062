#!/usr/bin/python3.11
"""parse-check.py -- compare libparse (pyparse) with CPython's ast module.

For every .py file under a root (default /usr/lib/python3.11, the test suite
included), run `pyparse --dump FILE` and `pyparse --dump --no-attributes FILE`
and compare with ast.dump(ast.parse(source), include_attributes=True/False)
computed in this process.  Files CPython rejects must be rejected by pyparse
too, and vice versa; for files both reject, the error line and message are
compared as well.

    parse-check.py                     everything under the root
    parse-check.py --match email/      only paths containing "email/"
    parse-check.py --limit 200         the first 200 files (sorted)
    parse-check.py FILE                one file, with a full diff
    parse-check.py --show 20 --jobs 2  how many mismatches to print, workers

Must be run by /usr/bin/python3.11 (the oracle).  Exit status 0 when every
file agrees, 1 otherwise.  Works with an incomplete parser: whatever pyparse
gets wrong is counted and shown, not fatal.
"""
import argparse
import ast
import multiprocessing
import os
import subprocess
import sys
import time
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PYPARSE = os.path.join(ROOT, "build", "release", "bin", "pyparse")
TIMEOUT = 20


def cpython(path):
    """(kind, dumps or error): ('ok', (with_attrs, without)) or
    ('error', (class name, lineno, offset, msg))."""
    with open(path, "rb") as f:
        src = f.read()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            tree = ast.parse(src, path)
        except SyntaxError as e:
            return "error", (type(e).__name__, e.lineno, e.offset, e.msg)
        except (ValueError, MemoryError, RecursionError) as e:
            return "error", (type(e).__name__, None, None, str(e))
    try:
        return "ok", (ast.dump(tree, include_attributes=True), ast.dump(tree))
    except RecursionError:
        return "skip", "ast.dump too deep for CPython"
    except ValueError as e:  # repr of an int literal over 4300 decimal digits
        return "skip", f"CPython's ast.dump fails: {e}"


def pyparse(exe, path, attributes):
    """('ok', dump) / ('error', (kind, lineno, offset, msg)) / ('crash', text)."""
    cmd = [exe, "--dump", path] if attributes else [exe, "--dump", "--no-attributes", path]
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return "crash", f"timeout after {TIMEOUT}s"
    out = p.stdout.decode("utf-8", "surrogateescape")
    if p.returncode == 0:
        return "ok", out.rstrip("\n")
    if p.returncode == 1 and out.startswith(path + ":"):
        # FILE:LINE:COL: Kind: message
        rest = out[len(path) + 1:].rstrip("\n")
        try:
            line, col, kind_msg = rest.split(":", 2)
            kind, _, msg = kind_msg.strip().partition(": ")
            return "error", (kind, int(line), int(col), msg)
        except ValueError:
            pass
    err = p.stderr.decode("utf-8", "replace").strip()
    return "crash", f"exit status {p.returncode}: {err or out}"[:300]


def check_one(args):
    exe, path = args
    try:
        ck, cv = cpython(path)
    except OSError as e:
        return path, "skip", str(e)
    if ck == "skip":
        return path, "skip", cv
    pk, pv = pyparse(exe, path, True)
    if pk == "crash":
        return path, "crash", pv
    if ck == "error" and pk == "error":
        same_msg = (cv[0], cv[3]) == (pv[0], pv[3])
        # a non-SyntaxError (ValueError, UnicodeDecodeError) has no position
        same_pos = cv[1] is None or (cv[1], cv[2]) == (pv[1], pv[2])
        if same_msg and same_pos:
            return path, "both-reject", None
        return path, "both-reject-differ", f"CPython: {cv}\npyparse: {pv}"
    if ck == "error":
        return path, "false-accept", f"CPython rejects: {cv}"
    if pk == "error":
        return path, "false-reject", f"pyparse rejects: {pv}"
    # both dumps are compared, so the two rates of the bar are both known
    pk2, pv2 = pyparse(exe, path, False)
    noattr_ok = pk2 == "ok" and pv2 == cv[1]
    if pv != cv[0]:
        return path, "mismatch" if noattr_ok else "mismatch-both", (cv[0], pv)
    if not noattr_ok:
        return path, "mismatch-noattr", (cv[1], pv2 if pk2 == "ok" else str(pv2))
    return path, "match", None


def short_diff(want, got, width=100):
    """Where two one-line dumps first differ, with some context."""
    i = 0
    n = min(len(want), len(got))
    while i < n and want[i] == got[i]:
        i += 1
    lo = max(0, i - width)
    return (f"    first difference at char {i} (CPython {len(want)} chars, pyparse {len(got)})\n"
            f"    CPython: ...{want[lo:i + width]}\n"
            f"    pyparse: ...{got[lo:i + width]}")


def collect(root, match, limit):
    files = []
    for d, dirs, names in os.walk(root):
        dirs.sort()
        for name in sorted(names):
            if name.endswith(".py"):
                p = os.path.join(d, name)
                if os.path.isfile(p) and (not match or match in p):
                    files.append(p)
    return files[:limit] if limit else files


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*", help="check these files only")
    ap.add_argument("--root", default="/usr/lib/python3.11")
    ap.add_argument("--match", help="only paths containing this text")
    ap.add_argument("--limit", type=int, default=0, help="only the first N files")
    ap.add_argument("--show", type=int, default=10, help="mismatches to print")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--pyparse", default=PYPARSE)
    opt = ap.parse_args()
    if not os.access(opt.pyparse, os.X_OK):
        sys.exit(f"parse-check: {opt.pyparse} not found (run `ninja libparse`)")
    files = opt.files or collect(opt.root, opt.match, opt.limit)
    sys.setrecursionlimit(10000)  # ast.dump of deeply nested test files
    t0 = time.time()
    work = [(opt.pyparse, f) for f in files]
    if opt.jobs > 1 and len(work) > 1:
        with multiprocessing.Pool(opt.jobs) as pool:
            results = pool.map(check_one, work, chunksize=4)
    else:
        results = [check_one(w) for w in work]
    counts = {}
    for _, status, _ in results:
        counts[status] = counts.get(status, 0) + 1
    total = len(results)
    good = counts.get("match", 0) + counts.get("both-reject", 0)
    print(f"parse-check: {total} files in {time.time() - t0:.1f}s under "
          f"{opt.root if not opt.files else 'the given files'}")
    accepted = sum(counts.get(k, 0) for k in
                   ("match", "mismatch", "mismatch-noattr", "mismatch-both", "false-reject"))
    order = ["match", "mismatch", "mismatch-noattr", "mismatch-both", "false-reject", "both-reject",
             "both-reject-differ", "false-accept", "crash", "skip"]
    for k in order:
        if counts.get(k):
            print(f"  {k:20} {counts[k]:6}")
    if accepted:
        with_attrs = counts.get("match", 0) + counts.get("mismatch-noattr", 0)
        without = counts.get("match", 0) + counts.get("mismatch", 0)
        print(f"  identical with attributes    (files CPython accepts): "
              f"{with_attrs}/{accepted} = {100.0 * with_attrs / accepted:.2f}%")
        print(f"  identical without attributes (files CPython accepts): "
              f"{without}/{accepted} = {100.0 * without / accepted:.2f}%")
    rejected = sum(counts.get(k, 0) for k in ("both-reject", "both-reject-differ", "false-accept"))
    if rejected:
        print(f"  rejected by both with the same error and location (files CPython rejects): "
              f"{counts.get('both-reject', 0)}/{rejected}")
    print(f"  overall agreement: {100.0 * good / max(total, 1):.2f}%  ({good}/{total})")
    shown = 0
    full = len(files) == 1
    for path, status, detail in results:
        if status in ("match", "both-reject", "skip") or shown >= opt.show:
            continue
        shown += 1
        print(f"\n[{status}] {path}")
        if isinstance(detail, tuple):
            if full:
                print("  CPython:", detail[0])
                print("  pyparse:", detail[1])
            print(short_diff(*detail))
        elif detail:
            print("  " + detail.replace("\n", "\n  "))
    return 0 if good + counts.get("skip", 0) == total else 1


if __name__ == "__main__":
    sys.exit(main())
