"""Strings: building with join and +=, formatting (%, format, f-strings),
splitting, replacing, searching, case changes, encoding."""


def bench():
    return tuple(sum(v) for v in zip(*[one_round() for _ in range(10)]))


def one_round():
    parts = []
    for i in range(20000):
        parts.append("%05d:%s" % (i, hex(i)))
    text = ",".join(parts)
    fields = text.split(",")
    s = ""
    for i in range(5000):
        s += "{}-{:>6}|".format(i, i * 3)
    lines = [f"row {i:04d} value={i * 1.5:.2f} name={'x' * (i % 5)!r}" for i in range(20000)]
    joined = "\n".join(lines)
    upper = joined.upper()
    count = upper.count("VALUE") + joined.find("row 9999") + len(joined.replace("row", "r"))
    words = " ".join(w.capitalize() for w in joined.split()[:20000])
    encoded = words.encode("utf-8")
    return len(fields), len(s), count, len(encoded), sum(map(len, lines))


def check(result):
    return result == EXPECTED


EXPECTED = (200000, 588900, 9951470, 1642580, 6625920)
