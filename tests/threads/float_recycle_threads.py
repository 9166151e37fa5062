# Float temporaries recycled by the float forms (a spare shared by the
# whole interpreter, keep registers) while threads switch often: every
# thread's results must match the single-threaded ones.
import sys
import threading

sys.setswitchinterval(1e-6)


class Slow:
    @property
    def x(self):
        # runs Python code (and may switch threads) between a temporary's
        # birth and its use
        return sum(i * 0.5 for i in range(3))


def work(seed, s):
    zr = zi = 0.0
    cr, ci = -0.75 + seed * 1e-3, 0.1
    acc = 0.0
    kept = []
    for n in range(400):
        zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
        if zr * zr + zi * zi > 4.0:
            zr = zi = 0.0
        d2 = zr * zr + zi * zi + cr * cr
        acc = acc + d2 * s.x + zr * s.x
        if n % 50 == 0:
            kept.append(d2)
    return acc, kept


expected = {seed: work(seed, Slow()) for seed in range(4)}
results = {}


def run(seed):
    r = None
    for _ in range(5):
        r = work(seed, Slow())
    results[seed] = r


threads = [threading.Thread(target=run, args=(seed,)) for seed in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(all(results[k] == expected[k] for k in expected))
print(sorted(round(v[0], 6) for v in results.values()))
