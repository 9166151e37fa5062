"""Runs ONE CPython test module inside the interpreter under test.

    <python> child.py test.test_xyz OUT.json

Loads the module with unittest's loader (which honours load_tests), runs it
with a result object that records every test's outcome, and writes a JSON
record: counts and the ids of failing/erroring/skipped tests.  Resources are
denied as regrtest does by default (no network, no GUI, no huge memory).
Written so that it runs on CPython, PyPy and Kiln alike.
"""
import json
import sys
import time
import unittest


class Recorder(unittest.TestResult):
    def __init__(self):
        super().__init__()
        self.passed = []
        self.outcomes = {}

    def addSuccess(self, test):
        super().addSuccess(test)
        self.passed.append(test.id())

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)


def main():
    name, out_path = sys.argv[1], sys.argv[2]
    record = {"module": name, "status": "ok", "passed": 0, "failed": 0,
              "errors": 0, "skipped": 0, "xfail": 0, "xpass": 0,
              "failing": [], "passing": []}
    t0 = time.time()
    try:
        from test import support
        support.use_resources = []       # regrtest's default: no extra resources
        support.verbose = 0
        support.failfast = False
        support.match_tests = None
        support.junit_xml_list = None
        module = __import__(name, fromlist=["*"])
        suite = unittest.defaultTestLoader.loadTestsFromModule(module)
    except unittest.SkipTest as exc:
        record["status"] = "skipped-module"
        record["reason"] = str(exc)[:300]
        return write(out_path, record, t0)
    except BaseException as exc:   # noqa: BLE001 - any import failure is data
        record["status"] = "import-error"
        record["reason"] = ("%s: %s" % (type(exc).__name__, exc))[:300]
        return write(out_path, record, t0)

    result = Recorder()
    try:
        suite.run(result)
    except BaseException as exc:   # noqa: BLE001
        record["status"] = "runner-error"
        record["reason"] = ("%s: %s" % (type(exc).__name__, exc))[:300]
    record["passed"] = len(result.passed)
    record["passing"] = result.passed
    record["failed"] = len(result.failures)
    record["errors"] = len(result.errors)
    record["skipped"] = len(result.skipped)
    record["xfail"] = len(result.expectedFailures)
    record["xpass"] = len(result.unexpectedSuccesses)
    record["failing"] = sorted({t.id() for t, _ in result.failures + result.errors})
    return write(out_path, record, t0)


def write(out_path, record, t0):
    record["seconds"] = round(time.time() - t0, 2)
    with open(out_path, "w") as f:
        json.dump(record, f)
    return 0


if __name__ == "__main__":
    sys.exit(main())
