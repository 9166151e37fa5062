"""Runs one benchmark inside the interpreter being measured.

    <python> harness.py BENCH_FILE WARMUP ITERATIONS

BENCH_FILE defines ``bench()`` (one iteration; returns a result) and
``check(result)`` (raises or returns False when the result is wrong).
Prints one JSON line: the first iteration's CPU time, then the CPU time of
each measured iteration after WARMUP more warm-up iterations.
Written for Python 3.9+ (pypy3 is 3.9).
"""
import json
import sys
import time
import types


def main():
    path, warmup, iterations = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    # A real module in sys.modules, so that pickle can find its classes.
    module = types.ModuleType("bench_module")
    module.__file__ = path
    sys.modules["bench_module"] = module
    with open(path) as f:
        code = compile(f.read(), path, "exec")
    exec(code, module.__dict__)
    bench, check = module.bench, module.check

    t0 = time.process_time()
    result = bench()
    first = time.process_time() - t0
    if check(result) is False:
        print(json.dumps({"error": "wrong result: %r" % (result,)}))
        return 1
    for _ in range(warmup):
        bench()
    times = []
    for _ in range(iterations):
        t0 = time.process_time()
        result = bench()
        times.append(time.process_time() - t0)
    if check(result) is False:
        print(json.dumps({"error": "wrong result after warm-up: %r" % (result,)}))
        return 1
    print(json.dumps({"first": first, "times": times}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
