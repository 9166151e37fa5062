#!/usr/bin/python3.11
"""conformance/imports.py — which standard-library modules import.

    <python> conformance/imports.py [--interp kiln|cpython|PATH] [--jobs 2]

Every top-level stdlib module that exists on Linux (sys.stdlib_module_names
of CPython 3.11, minus the ones for other platforms) and every extension
module in /usr/lib/python3.11/lib-dynload is imported in a fresh process of
the chosen interpreter.  Writes conformance/results/imports-<interp>.json
and prints "N of M modules import".
"""

import argparse
import json
import os
import subprocess
import sys
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
INTERPRETERS = {"kiln": os.path.join(ROOT, "build", "release", "bin", "python"),
                "cpython": "/usr/bin/python3.11"}
DYNLOAD = "/usr/lib/python3.11/lib-dynload"

# Names in sys.stdlib_module_names that do not exist on Linux builds.
NOT_ON_LINUX = {
    "_msi", "_overlapped", "_scproxy", "_winapi", "msilib", "msvcrt", "nt",
    "winreg", "winsound",
}


def stdlib_modules():
    # The list is CPython's own, computed once by /usr/bin/python3.11 so the
    # same names are used whichever interpreter is measured.
    out = subprocess.run(["/usr/bin/python3.11", "-c",
                          "import sys; print('\\n'.join(sorted(sys.stdlib_module_names)))"],
                         capture_output=True, text=True, check=True).stdout.split()
    return [m for m in out if m not in NOT_ON_LINUX]


def dynload_modules():
    return sorted(f.split(".")[0] for f in os.listdir(DYNLOAD) if f.endswith(".so"))


def try_import(interp, name):
    try:
        proc = subprocess.run([interp, "-c", "import %s" % name], capture_output=True,
                              timeout=60, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return "timeout"
    if proc.returncode == 0:
        return "ok"
    if proc.returncode < 0:
        return "crash (signal %d)" % -proc.returncode
    lines = proc.stderr.decode("utf-8", "replace").strip().splitlines()
    return (lines[-1] if lines else "exit status %d" % proc.returncode)[:200]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--interp", default="kiln")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    label = args.interp if args.interp in INTERPRETERS else os.path.basename(args.interp)
    interp = INTERPRETERS.get(args.interp, args.interp)
    if not (os.path.isfile(interp) and os.access(interp, os.X_OK)):
        print("imports: interpreter %s is not built/installed" % interp)
        return 1
    names = [("stdlib", n) for n in stdlib_modules()] + [("dynload", n) for n in dynload_modules()]
    results = {}
    lock = threading.Lock()
    it = iter(names)

    def worker():
        while True:
            with lock:
                item = next(it, None)
            if item is None:
                return
            verdict = try_import(interp, item[1])
            with lock:
                results.setdefault(item[0], {})[item[1]] = verdict

    threads = [threading.Thread(target=worker) for _ in range(max(1, args.jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    os.makedirs(os.path.join(HERE, "results"), exist_ok=True)
    with open(os.path.join(HERE, "results", "imports-%s.json" % label), "w") as f:
        json.dump(results, f, indent=0, sort_keys=True)
    for group in ("stdlib", "dynload"):
        per = results.get(group, {})
        ok = sum(1 for v in per.values() if v == "ok")
        print("%s: %d of %d %s modules import" % (label, ok, len(per), group))
    return 0


if __name__ == "__main__":
    sys.exit(main())
