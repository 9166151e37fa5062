"""Read CSV, compute per-group stats, write CSV and pathlib files in a temp dir."""
import csv
import io
import pathlib
import statistics
import tempfile

RAW = """region,product,units,unit_price
north,apple,10,0.5
south,"pear, green",3,1.25
north,apple,7,0.55
east,"quote ""q"" fruit",1,9.99
south,apple,12,0.45
"""

with tempfile.TemporaryDirectory() as d:
    root = pathlib.Path(d)
    src = root / "in" / "sales.csv"
    src.parent.mkdir(parents=True)
    src.write_text(RAW)
    with src.open(newline="") as f:
        rows = list(csv.DictReader(f))
    groups = {}
    for r in rows:
        groups.setdefault(r["region"], []).append(int(r["units"]) * float(r["unit_price"]))
    out = root / "out.csv"
    with out.open("w", newline="") as f:
        w = csv.writer(f, quoting=csv.QUOTE_NONNUMERIC)
        w.writerow(["region", "n", "total", "mean"])
        for region in sorted(groups):
            v = groups[region]
            w.writerow([region, len(v), round(sum(v), 2), round(statistics.mean(v), 3)])
    print(out.read_text())
    print(sorted(p.relative_to(root).as_posix() for p in root.rglob("*")))
    print(src.suffix, src.stem, src.with_suffix(".bak").name, src.parent.name, out.stat().st_size > 0)
    buf = io.StringIO()
    dw = csv.DictWriter(buf, fieldnames=["a", "b"], extrasaction="ignore", dialect="excel-tab")
    dw.writeheader()
    dw.writerows([{"a": 1, "b": "x\ty", "c": 3}, {"a": None, "b": ""}])
    print(repr(buf.getvalue()))
    print(list(csv.reader(['a;"b;c";d'], delimiter=";")))
    sniff = csv.Sniffer().sniff("x|y|z\n1|2|3\n")
    print(sniff.delimiter)
    p = pathlib.PurePosixPath("/usr/lib/../lib/python3.11/os.py")
    print(p.parts, p.suffixes, p.match("*.py"), p.with_name("x.txt"), p.is_absolute())
