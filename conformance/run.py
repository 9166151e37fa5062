#!/usr/bin/python3.11
"""conformance/run.py — CPython 3.11's test suite, module by module.

    <python> conformance/run.py [--interp kiln|cpython|PATH] [--jobs 2]
                                [--timeout 600] [--only test_a,test_b]
                                [--quick] [--write-status]

Runs every test module of /usr/lib/python3.11/test (Debian's
libpython3.11-testsuite) in its own process under the chosen interpreter
(conformance/child.py inside it), two at a time, with a timeout, printing a
progress line per module.  Counts passed / failed / errored / skipped per
module; a crash (signal), timeout or import failure is recorded as such.

The runner itself is an ordinary Python program (threads, subprocess, json),
written to run under Kiln as well as under CPython.

Outputs (conformance/results/): <interp>.json (the full run), history.jsonl
(one summary line per run).  --write-status regenerates STATUS.md and
dashboard.html from the latest kiln.json and cpython.json (report.py).
--quick runs the curated subset in quick.txt and compares with the ledger
(ledger.txt: tests expected to fail under Kiln): exit status 1 on a
regression (a test outside the ledger that fails), unexpected passes listed.
"""

import argparse
import json
import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TESTDIR = "/usr/lib/python3.11/test"
INTERPRETERS = {"kiln": os.path.join(ROOT, "build", "release", "bin", "python"),
                "cpython": "/usr/bin/python3.11"}
# Modules regrtest itself never runs as tests.
NOT_TESTS = {"test_support", "test_script_helper", "test_regrtest_helper"}


def find_test_modules():
    names = []
    for entry in sorted(os.listdir(TESTDIR)):
        path = os.path.join(TESTDIR, entry)
        if entry.startswith("test_") and entry.endswith(".py"):
            names.append(entry[:-3])
        elif entry.startswith("test_") and os.path.isdir(path) and \
                os.path.exists(os.path.join(path, "__init__.py")):
            names.append(entry)
    return [n for n in names if n not in NOT_TESTS]


def run_module(interp, name, timeout):
    fd, out_path = tempfile.mkstemp(prefix="kiln-conf-", suffix=".json")
    os.close(fd)
    t0 = time.time()
    workdir = tempfile.mkdtemp(prefix="kiln-conf-cwd-")
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env.pop("PYTHONPATH", None)
    # Its own session, so that a timeout kills the test's helper processes
    # (multiprocessing workers, servers) too, not only the child.
    proc = subprocess.Popen([interp, os.path.join(HERE, "child.py"), "test." + name, out_path],
                            cwd=workdir, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        _, err = proc.communicate(timeout=timeout)
        rc = proc.returncode
    except subprocess.TimeoutExpired:
        rc, err = None, b""
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except OSError:
            pass
        if proc.returncode is None:
            proc.kill()
            proc.wait()
    record = None
    try:
        with open(out_path) as f:
            text = f.read()
        if text:
            record = json.loads(text)
    except (OSError, ValueError):
        record = None
    finally:
        try:
            os.unlink(out_path)
        except OSError:
            pass
        subprocess.run(["rm", "-rf", workdir])
    if record is None:
        record = {"module": "test." + name, "passed": 0, "failed": 0, "errors": 0,
                  "skipped": 0, "xfail": 0, "xpass": 0, "failing": [], "passing": []}
        if rc is None:
            record["status"] = "timeout"
        elif rc < 0:
            record["status"] = "crash"
            record["reason"] = "killed by signal %d" % -rc
        else:
            record["status"] = "crash"
            tail = err.decode("utf-8", "replace").strip().splitlines()[-3:]
            record["reason"] = ("exit status %d: %s" % (rc, " | ".join(tail)))[:300]
    record["seconds"] = round(time.time() - t0, 2)
    return record


def run_all(interp, names, jobs, timeout, progress=True):
    todo = queue.Queue()
    for n in names:
        todo.put(n)
    results = {}
    lock = threading.Lock()
    done = [0]

    def worker():
        while True:
            try:
                name = todo.get_nowait()
            except queue.Empty:
                return
            rec = run_module(interp, name, timeout)
            with lock:
                results[name] = rec
                done[0] += 1
                if progress:
                    print("[%3d/%d] %-32s %-14s %4d passed %3d failed %3d errors %3d skipped %6.1fs"
                          % (done[0], len(names), name, rec["status"], rec["passed"],
                             rec["failed"], rec["errors"], rec["skipped"], rec["seconds"]),
                          flush=True)

    threads = [threading.Thread(target=worker) for _ in range(max(1, jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def summarise(results):
    tot = {"passed": 0, "failed": 0, "errors": 0, "skipped": 0, "modules": len(results)}
    for rec in results.values():
        for k in ("passed", "failed", "errors", "skipped"):
            tot[k] += rec[k]
    for status in ("ok", "import-error", "crash", "timeout", "skipped-module", "runner-error"):
        tot[status] = sum(1 for r in results.values() if r["status"] == status)
    return tot


def read_lines(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [l.strip() for l in f if l.strip() and not l.startswith("#")]


LEDGER_HEADER = """\
# Tests expected to fail under Kiln (one test id per line, as unittest
# prints it: test.test_mod.Class.test_method), or a whole module's failure
# kind (test.test_mod:import-error, :crash, :timeout).  Quick mode fails on
# any failure not listed here and reports listed tests that now pass.
# Regenerate after fixing things: run.py --quick --update-ledger
"""


def quick(interp, jobs, timeout, update_ledger=False):
    names = read_lines(os.path.join(HERE, "quick.txt"))
    ledger_path = os.path.join(HERE, "ledger.txt")
    flaky = set(read_lines(os.path.join(HERE, "flaky.txt")))
    ledger = set(read_lines(ledger_path))
    results = run_all(interp, names, jobs, timeout)
    if update_ledger:
        failing = []
        for name, rec in sorted(results.items()):
            if rec["status"] not in ("ok", "skipped-module"):
                failing.append("test.%s:%s" % (name, rec["status"]))
            failing.extend(sorted(rec["failing"]))
        with open(ledger_path, "w") as f:
            f.write(LEDGER_HEADER + "".join(t + "\n" for t in failing))
        print("ledger.txt: %d expected failures written" % len(failing))
        ledger = set(failing)
    ledger |= flaky
    regressions, unexpected = [], []
    for name, rec in sorted(results.items()):
        if rec["status"] not in ("ok", "skipped-module"):
            key = "test.%s:%s" % (name, rec["status"])   # e.g. test.test_os:crash
            if key not in ledger:
                regressions.append(key)
        for test_id in rec["failing"]:
            if test_id not in ledger:
                regressions.append(test_id)
        for test_id in rec["passing"]:
            if test_id in ledger and test_id not in flaky:
                unexpected.append(test_id)
    tot = summarise(results)
    print("quick mode: %d modules, %d tests passed, %d failed, %d errors, %d skipped"
          % (len(names), tot["passed"], tot["failed"], tot["errors"], tot["skipped"]))
    for r in regressions:
        print("REGRESSION", r)
    for u in unexpected:
        print("UNEXPECTED PASS (remove from ledger.txt)", u)
    print("%d regressions, %d unexpected passes" % (len(regressions), len(unexpected)))
    return 1 if regressions else 0


def main():
    ap = argparse.ArgumentParser(description="CPython's test suite per module")
    ap.add_argument("--interp", default="kiln")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=int, default=600)
    ap.add_argument("--only", default="")
    ap.add_argument("--label", default="",
                    help="name the results (default: kiln/cpython, or the binary's name)")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--write-status", action="store_true")
    ap.add_argument("--update-ledger", action="store_true",
                    help="with --quick: record the current failures as expected")
    args = ap.parse_args()

    label = args.label or (args.interp if args.interp in INTERPRETERS
                           else os.path.basename(args.interp))
    interp = INTERPRETERS.get(args.interp, args.interp)
    if not (os.path.isfile(interp) and os.access(interp, os.X_OK)):
        print("conformance: interpreter %s is not built/installed; nothing run" % interp)
        return 0 if args.quick else 1

    if args.quick:
        return quick(interp, args.jobs, args.timeout, args.update_ledger)

    names = find_test_modules()
    if args.only:
        wanted = set(args.only.split(","))
        names = [n for n in names if n in wanted]
    t0 = time.time()
    results = run_all(interp, names, args.jobs, args.timeout)
    tot = summarise(results)
    run = {"interpreter": label, "path": interp, "date": time.strftime("%Y-%m-%d %H:%M"),
           "seconds": round(time.time() - t0, 1), "totals": tot,
           "partial": bool(args.only), "modules": results,
           # which interpreter ran this runner (self-hosting: kiln)
           "runner": "%s (%s)" % (sys.implementation.name, sys.executable)}
    os.makedirs(os.path.join(HERE, "results"), exist_ok=True)
    if not args.only:
        with open(os.path.join(HERE, "results", label + ".json"), "w") as f:
            json.dump(run, f, indent=0, sort_keys=True)
        with open(os.path.join(HERE, "results", "history.jsonl"), "a") as f:
            f.write(json.dumps({"interpreter": label, "date": run["date"],
                                "totals": tot}, sort_keys=True) + "\n")
    print("%s: %d modules, %d tests passed, %d failed, %d errors, %d skipped "
          "(%d import errors, %d crashes, %d timeouts) in %.0fs"
          % (label, tot["modules"], tot["passed"], tot["failed"], tot["errors"],
             tot["skipped"], tot["import-error"], tot["crash"], tot["timeout"], run["seconds"]))
    if args.write_status:
        import report
        report.write_all()
    return 0


if __name__ == "__main__":
    sys.path.insert(0, HERE)
    sys.exit(main())
