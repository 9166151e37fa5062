"""CPython's own lock tests (test/lock_tests.py) over threading's Lock,
RLock (C and Python), Event, Condition, Semaphore, BoundedSemaphore and
Barrier, as test_threading runs them.  test_weakref_deleted is left out:
it expects a lock to vanish the moment its last reference goes, which a
tracing collector does not promise (Kiln's documented deviation)."""
import io
import threading
import unittest

from test import lock_tests


class NoPromptDestruction:
    test_weakref_deleted = None


class LockTests(NoPromptDestruction, lock_tests.LockTests):
    locktype = staticmethod(threading.Lock)


class PyRLockTests(NoPromptDestruction, lock_tests.RLockTests):
    locktype = staticmethod(threading._PyRLock)


class CRLockTests(NoPromptDestruction, lock_tests.RLockTests):
    locktype = staticmethod(threading._CRLock)


class EventTests(lock_tests.EventTests):
    eventtype = staticmethod(threading.Event)


class ConditionAsRLockTests(NoPromptDestruction, lock_tests.RLockTests):
    locktype = staticmethod(threading.Condition)


class ConditionTests(lock_tests.ConditionTests):
    condtype = staticmethod(threading.Condition)


class SemaphoreTests(lock_tests.SemaphoreTests):
    semtype = staticmethod(threading.Semaphore)


class BoundedSemaphoreTests(lock_tests.BoundedSemaphoreTests):
    semtype = staticmethod(threading.BoundedSemaphore)


class BarrierTests(lock_tests.BarrierTests):
    barriertype = staticmethod(threading.Barrier)


suite = unittest.TestSuite()
loader = unittest.TestLoader()
for cls in (LockTests, PyRLockTests, CRLockTests, EventTests, ConditionAsRLockTests,
            ConditionTests, SemaphoreTests, BoundedSemaphoreTests, BarrierTests):
    suite.addTests(loader.loadTestsFromTestCase(cls))
stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream, verbosity=0).run(suite)
print("ran", result.testsRun, "failures", len(result.failures), "errors", len(result.errors))
for test, tb in result.failures + result.errors:
    print("FAILED", test.id())
