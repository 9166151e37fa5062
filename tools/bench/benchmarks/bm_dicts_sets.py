"""Dict- and set-heavy work: word counting, inverted index, set algebra,
dict comprehensions, sorting items."""


def words(n):
    syll = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo"]
    out = []
    x = 12345
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        out.append(syll[x % 8] + syll[(x >> 3) % 8] + syll[(x >> 6) % 8])
    return out


def bench():
    results = [one_round(i) for i in range(6)]
    return results[0], len(results)


def one_round(seed):
    ws = words(60000)
    counts = {}
    for w in ws:
        counts[w] = counts.get(w, 0) + 1
    index = {}
    for i, w in enumerate(ws):
        index.setdefault(w[:2], set()).add(i % 1000)
    common = set.intersection(*index.values())
    union = set().union(*index.values())
    squares = {i: i * i for i in range(50000)}
    odd = {k: v for k, v in squares.items() if k % 2}
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    seen = set()
    dups = 0
    for w in ws:
        if w in seen:
            dups += 1
        else:
            seen.add(w)
    return len(counts), len(common), len(union), len(odd), top, dups, sum(odd.values()) % 1000003


def check(result):
    return result == EXPECTED


EXPECTED = ((512, 0, 1000, 25000, [('kakane', 118), ('kalolo', 118), ('kaloru', 118), ('kamiti', 118), ('kaneru', 118)], 59488, 825190), 6)
