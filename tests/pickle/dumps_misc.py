"""More byte-identity checks: exceptions, built-in functions and types
from other modules, functools.partial, operator objects, shared and
repeated sub-objects, int boundaries."""
import collections
import functools
import io
import operator
import os
import pickle
import sys

objs = [ValueError("x"), KeyError(1), OSError(2, "no"), io.BytesIO, os.path.join,
        operator.itemgetter(1), operator.attrgetter("a.b"), functools.partial(max, 1),
        {"nested": [{"a": (1, 2.5, None, True)}] * 3}, [[]] * 5, (1, [2, (3,)]), b"b" * 300,
        "s" * 300, sys.maxsize, -sys.maxsize - 1, 1 << 31, [1.0] * 3, {frozenset({1}): {2}},
        Exception, collections.ChainMap, reversed, [None, Ellipsis, NotImplemented]]
for o in objs:
    for p in range(6):
        try:
            print(p, pickle.dumps(o, p).hex())
        except Exception as e:
            print(p, type(e).__name__, e)
