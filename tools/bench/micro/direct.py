"""Time tools/bench benchmarks without the harness (for interpreters that
cannot import json/time yet): each run is a child process executing
benchmarks/bm_<name>.py followed by `check(bench())` and ITER more
bench() calls; its CPU time (user + sys, from wait4) is measured from the
outside.  Kiln and CPython alternate, ROUNDS rounds, medians reported.

    /usr/bin/python3.11 tools/bench/micro/direct.py [--rounds 5] [--iter 3] name ...
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
BENCH = os.path.join(os.path.dirname(HERE), "benchmarks")
KILN = os.path.join(ROOT, "build", "release", "bin", "python")
CPY = "/usr/bin/python3.11"


def run(interp, script):
    p = subprocess.Popen([interp, script], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, ru = os.wait4(p.pid, 0)
    out = p.stdout.read().decode()
    err = p.stderr.read().decode()
    p.stdout.close()
    p.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0 or "ok" not in out:
        return None, (out + err)[-300:]
    return ru.ru_utime + ru.ru_stime, None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--iter", type=int, default=3)
    ap.add_argument("names", nargs="+")
    a = ap.parse_args()
    ratios = []
    print("%-16s %10s %10s %8s" % ("benchmark", "kiln s", "cpython s", "ratio"))
    for name in a.names:
        with open(os.path.join(BENCH, "bm_%s.py" % name)) as f:
            src = f.read()
        src += ("\n_r = bench()\nif check(_r) is False:\n    raise SystemExit('wrong')\n"
                "for _i in range(%d):\n    bench()\nprint('ok')\n" % a.iter)
        fd, script = tempfile.mkstemp(suffix=".py")
        with os.fdopen(fd, "w") as f:
            f.write(src)
        times = {KILN: [], CPY: []}
        failed = None
        for r in range(a.rounds):
            order = [KILN, CPY] if r % 2 == 0 else [CPY, KILN]
            for interp in order:
                t, err = run(interp, script)
                if t is None:
                    failed = failed or (interp, err)
                else:
                    times[interp].append(t)
        os.unlink(script)
        if failed or not times[KILN] or not times[CPY]:
            print("%-16s failed (%s): %s" % (name, os.path.basename(failed[0]),
                                            failed[1].strip().splitlines()[-1:] if failed[1] else ""))
            continue
        k, c = statistics.median(times[KILN]), statistics.median(times[CPY])
        ratios.append(k / c)
        print("%-16s %10.3f %10.3f %8.2f" % (name, k, c, k / c))
    if ratios:
        print("geometric mean ratio (kiln / cpython) over %d: %.2f"
              % (len(ratios), statistics.geometric_mean(ratios)))


if __name__ == "__main__":
    sys.exit(main())
