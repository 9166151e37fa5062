"""Four threads allocate lists, dicts, strings and instances for a while,
collecting now and then: Boehm and the GIL together must neither crash nor
corrupt anything."""
import gc
import threading
import time

DURATION = 1.5
errors = []
rounds = {}


class Box:
    def __init__(self, v):
        self.v = v


def churn(n):
    end = time.monotonic() + DURATION
    r = 0
    while time.monotonic() < end:
        strs = [str(i) * 3 for i in range(200)]
        d = {s: [s, len(s), Box(s)] for s in strs}
        t = tuple(d.items())
        joined = "".join(strs[:10])
        if (len(d) != 200 or len(t) != 200 or d["777"][:2] != ["777", 3]
                or d["12"][2].v != "121212" or joined != "000111222333444555666777888999"):
            errors.append((n, r))
        if r % 40 == 0:
            gc.collect()
        r += 1
    rounds[n] = r


threads = [threading.Thread(target=churn, args=(n,)) for n in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("errors:", errors)
print("every thread ran:", sorted(rounds) == [0, 1, 2, 3] and all(v > 0 for v in rounds.values()))
