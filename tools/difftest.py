#!/usr/bin/python3.11
"""Differential tests: run each test program with Kiln and with CPython 3.11.

Every ``tests/**/*.py`` at the repository root and every
``<library>/tests/py/**/*.py`` is a test (files whose name starts with ``_``
are helpers, not tests).  A test passes when Kiln's stdout and exit status
equal CPython's.  ``name.exp`` beside ``name.py`` holds the expected stdout
instead of CPython's, for the rare places where Kiln differs on purpose (each
such file says why in the test's docstring).

Both interpreters run with the test's folder as working directory and
PYTHONHASHSEED=0, so programs that print sets of strings are deterministic.

A test listed in ``tests/xfail.txt`` (one path per line, then `` # why``)
is a known failure: it still runs, a failure is reported as ``xfail`` and
does not fail the run, and a pass is reported as ``XPASS`` and fails the
run until the line is removed (the ledger can only shrink honestly).

The last line printed is ``N passed, N failed, N skipped``.
"""

import argparse
import concurrent.futures
import difflib
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CPYTHON = "/usr/bin/python3.11"
LIBRARIES = ("libparse", "libgc", "libobject", "libjit", "libcapi",
             "stdlib", "python-bin", "conformance", "tools")


def find_tests(patterns):
    found = []
    roots = [os.path.join(ROOT, "tests")]
    roots += [os.path.join(ROOT, lib, "tests", "py") for lib in LIBRARIES]
    for top in roots:
        for folder, dirs, files in os.walk(top):
            dirs.sort()
            for name in sorted(files):
                if not name.endswith(".py") or name.startswith("_"):
                    continue
                path = os.path.join(folder, name)
                rel = os.path.relpath(path, ROOT)
                if patterns and not any(p in rel for p in patterns):
                    continue
                found.append(path)
    return found


def load_xfail():
    """{relative path: reason} from tests/xfail.txt."""
    ledger = {}
    path = os.path.join(ROOT, "tests", "xfail.txt")
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                rel, _, why = line.partition("#")
                ledger[rel.strip()] = why.strip()
    return ledger


def run(interp, path, timeout):
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env.pop("PYTHONPATH", None)
    try:
        proc = subprocess.run([interp, os.path.basename(path)],
                              cwd=os.path.dirname(path), env=env,
                              stdin=subprocess.DEVNULL,
                              capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, b"", b"timed out after %d s" % timeout
    return proc.returncode, proc.stdout, proc.stderr


def check(kiln, path, timeout):
    exp_path = path[:-3] + ".exp"
    if os.path.exists(exp_path):
        with open(exp_path, "rb") as f:
            want_out, want_rc = f.read(), 0
    else:
        want_rc, want_out, err = run(CPYTHON, path, timeout)
        if want_rc is None:
            return "fail", "CPython itself timed out"
    got_rc, got_out, got_err = run(kiln, path, timeout)
    if got_rc == want_rc and got_out == want_out:
        return "pass", ""
    lines = []
    if got_rc != want_rc:
        lines.append("exit status: kiln %s, expected %s" % (got_rc, want_rc))
    if got_out != want_out:
        diff = difflib.unified_diff(
            want_out.decode("utf-8", "replace").splitlines(),
            got_out.decode("utf-8", "replace").splitlines(),
            "expected", "kiln", lineterm="", n=1)
        lines.extend(list(diff)[:30])
    tail = got_err.decode("utf-8", "replace").strip().splitlines()[-5:]
    if tail:
        lines.append("kiln stderr (last lines):")
        lines.extend("  " + t for t in tail)
    return "fail", "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kiln", default=os.path.join(ROOT, "build/release/bin/python"))
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=int, default=60)
    ap.add_argument("patterns", nargs="*", help="run only tests whose path contains one")
    args = ap.parse_args()

    tests = find_tests(args.patterns)
    kiln = os.path.abspath(args.kiln)
    print("Python-level differential tests: %d programs" % len(tests))
    if not os.access(kiln, os.X_OK):
        print("kiln interpreter %s is not built yet (it needs libjit): "
              "every program skipped" % os.path.relpath(kiln, ROOT))
        print("0 passed, 0 failed, %d skipped" % len(tests))
        return 0

    xfail = load_xfail()
    counts = {"pass": 0, "fail": 0, "xfail": 0}
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        futures = [(t, pool.submit(check, kiln, t, args.timeout)) for t in tests]
        for path, fut in futures:
            verdict, detail = fut.result()
            rel = os.path.relpath(path, ROOT)
            if rel in xfail:
                if verdict == "fail":
                    counts["xfail"] += 1
                    print("xfail %s (%s)" % (rel, xfail[rel]))
                    continue
                counts["fail"] += 1
                print("XPASS %s: it passes now; remove it from tests/xfail.txt" % rel)
                continue
            counts[verdict] += 1
            if verdict == "fail":
                print("FAIL %s" % rel)
                if detail:
                    print("  " + detail.replace("\n", "\n  "))
    if counts["xfail"]:
        print("known failures (tests/xfail.txt): %d" % counts["xfail"])
    print("%d passed, %d failed, 0 skipped" % (counts["pass"], counts["fail"]))
    return 1 if counts["fail"] else 0


if __name__ == "__main__":
    sys.exit(main())
