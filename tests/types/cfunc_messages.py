# Argument-count messages of C functions name the module as CPython does
# (builtins unprefixed); methods name their class.
import math, posix, sys, time, functools
calls = [lambda: math.sqrt(), lambda: math.sqrt(x=1), lambda: posix.getcwd(1),
         lambda: posix.getcwd(x=1), lambda: sys.getrecursionlimit(1), lambda: time.sleep(x=1),
         lambda: len(), lambda: len(x=1), lambda: [].append(), lambda: [].clear(1),
         lambda: {}.get(x=1), lambda: functools.reduce(x=1), lambda: math.gcd(x=1)]
for c in calls:
    try:
        c()
    except TypeError as e:
        print(e)
