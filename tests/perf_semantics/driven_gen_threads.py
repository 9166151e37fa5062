# Driven generators (list/sum/join over yield-from chains) in several threads
# switching every few instructions, and yield-from chains near the
# recursion limit: same results and errors as CPython.
import sys, threading
sys.setswitchinterval(1e-6)
def leaf(n):
    for i in range(n):
        yield i
def deep(level, n):
    if level == 0:
        yield from leaf(n)
    else:
        yield level
        yield from deep(level - 1, n)
res = {}
def work(k):
    out = []
    for j in range(30):
        out.append(len(list(deep(20, 2000))) + sum(deep(10, 300)) + len("".join(str(x) for x in deep(5, 400))))
    res[k] = out[-1]
ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(res.items()))
# near the recursion limit
def rec(level):
    if level == 0:
        yield "bottom"
        return
    yield from rec(level - 1)
for lv in (100, 400, 900, 990, 2000):
    try:
        print(lv, list(rec(lv)))
    except RecursionError as e:
        print(lv, "RecursionError", e)
