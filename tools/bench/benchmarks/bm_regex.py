"""re: compiling and matching regular expressions over generated text
(search, findall, sub with groups and a function, split)."""
import re


def make_text(n):
    out = []
    for i in range(n):
        out.append("user%d@example%d.org visited /page/%d?id=%d on 2024-%02d-%02d; "
                   % (i, i % 13, i % 97, i * 7, i % 12 + 1, i % 28 + 1))
    return "".join(out)


def bench():
    text = make_text(30000)
    email = re.compile(r"([a-z]+\d+)@([a-z]+\d*)\.org")
    date = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
    path = re.compile(r"/page/(\d+)\?id=(\d+)")
    emails = email.findall(text)
    dates = [m.group(2) for m in date.finditer(text)]
    swapped = date.sub(r"\3/\2/\1", text)
    doubled = path.sub(lambda m: "/p/%d" % (int(m.group(1)) * 2), text)
    parts = re.split(r";\s*", text)
    hits = sum(1 for p in parts if re.search(r"example1[0-2]\.org", p))
    return len(emails), len(dates), len(swapped), len(doubled), len(parts), hits


def check(result):
    return result == EXPECTED


EXPECTED = (30000, 30000, 1926836, 1568784, 30001, 6921)
