# Deep inline calls of functions with many locals cross the frame stack's
# chunk boundaries: every new frame must start with its locals unbound,
# frame objects taken on the way must stay readable after the return.
import sys

names = ["v%d" % i for i in range(300)]
src = "def big(n, probe):\n"
src += "    if probe:\n        try:\n            return v299\n        except UnboundLocalError as e:\n            return str(e)\n"
src += "".join("    %s = n + %d\n" % (nm, i) for i, nm in enumerate(names))
src += "    if n == 0:\n        return (v0, v299, sys._getframe())\n"
src += "    r = big(n - 1, n % 97 == 0)\n"
src += "    if isinstance(r, str):\n        r = big(n - 1, False)\n"
src += "    return r\n"
ns = {"sys": sys}
exec(src, ns)
big = ns["big"]

frames = []
for depth in (10, 250, 180, 400, 230, 600, 5, 420):
    v0, v299, f = big(depth, False)
    frames.append(f)
    print(depth, v0, v299)
print([fr.f_locals["v7"] for fr in frames])
print([fr.f_lineno - fr.f_code.co_firstlineno for fr in frames][:2])
print(big(3, True))


def rec(n):
    x = n
    if n:
        return rec(n - 1) + x
    try:
        return y          # noqa: F821 - unbound on purpose
    except NameError as e:
        return len(str(e))


old = sys.getrecursionlimit()
sys.setrecursionlimit(6000)
for i in range(3):
    print(rec(4000))
sys.setrecursionlimit(old)
