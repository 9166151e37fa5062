"""Run a small unittest suite programmatically and print a stable summary."""
import io
import unittest
from unittest import mock


class Stack:
    def __init__(self):
        self._items = []

    def push(self, x):
        self._items.append(x)

    def pop(self):
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()

    def __len__(self):
        return len(self._items)


class StackTests(unittest.TestCase):
    def setUp(self):
        self.s = Stack()

    def test_push_pop(self):
        self.s.push(1)
        self.s.push(2)
        self.assertEqual(self.s.pop(), 2)
        self.assertEqual(len(self.s), 1)

    def test_empty(self):
        with self.assertRaisesRegex(IndexError, "empty"):
            self.s.pop()

    def test_fails_on_purpose(self):
        self.assertEqual([1, 2, 3], [1, 2, 4])

    @unittest.skip("not today")
    def test_skipped(self):
        pass

    @unittest.expectedFailure
    def test_expected(self):
        self.assertTrue(False)

    def test_subtests(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertNotEqual(i, 2)

    def test_mock(self):
        m = mock.Mock(return_value=3)
        self.assertEqual(m(1, k=2), 3)
        m.assert_called_once_with(1, k=2)
        with mock.patch.object(Stack, "pop", return_value="patched"):
            self.assertEqual(Stack().pop(), "patched")

    def test_error(self):
        {}["missing"]


suite = unittest.defaultTestLoader.loadTestsFromTestCase(StackTests)
out = io.StringIO()
result = unittest.TextTestRunner(stream=out, verbosity=2).run(suite)
text = out.getvalue()
lines = [l for l in text.splitlines() if not l.startswith("Ran ")]
print("\n".join(lines))
print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped),
      len(result.expectedFailures), result.wasSuccessful())
