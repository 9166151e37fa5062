"""Markdown table and SVG chart for tools/bench/run.py results (no plotting
library needed: the SVG is written by hand)."""

import math

COLOURS = {"kiln": "#d9534f", "cpython": "#337ab7", "pypy": "#5cb85c"}


def _fmt_time(t):
    if t is None:
        return "-"
    if t < 1e-3:
        return "%.0f us" % (t * 1e6)
    if t < 1:
        return "%.1f ms" % (t * 1e3)
    return "%.2f s" % t


def _cell(entry):
    if not entry:
        return "-"
    st = entry.get("status")
    if st == "unavailable":
        return "n/a"
    if st == "failed":
        return "failed"
    ratio = entry.get("ratio")
    return "%s (%s)" % (_fmt_time(entry["median"]), "%.2fx" % ratio if ratio else "-")


def markdown(results, names):
    lines = []
    s = results["settings"]
    lines.append("Run of %s: %d rounds x %d measured iterations after %d warm-up "
                 "(per process); cells are median CPU time (ratio to CPython)."
                 % (results["date"], s["rounds"], s["iterations"], s["warmup"]))
    lines.append("")
    for name, why in sorted(results.get("missing", {}).items()):
        lines.append("- %s: %s" % (name, why))
    if results.get("missing"):
        lines.append("")
    lines.append("| benchmark | " + " | ".join(names) + " | first iteration (" +
                 ", ".join(names) + ") | peak RSS MiB (" + ", ".join(names) + ") |")
    lines.append("|---" * (len(names) + 3) + "|")
    for bench, row in sorted(results["benchmarks"].items()):
        cells = [_cell(row.get(n)) for n in names]
        first = ", ".join(_fmt_time(row.get(n, {}).get("first")) for n in names)
        mem = ", ".join("%.0f" % (row[n]["peak_rss_kib"] / 1024.0)
                        if row.get(n, {}).get("status") == "ok" else "-" for n in names)
        lines.append("| %s | %s | %s | %s |" % (bench, " | ".join(cells), first, mem))
    gm = results.get("geomean_ratio", {})
    lines.append("| **geometric mean of ratios** | " +
                 " | ".join("%.2fx" % gm[n] if gm.get(n) else "-" for n in names) +
                 " | | |")
    lines.append("")
    lines.append("Start-up (median wall time):")
    lines.append("")
    lines.append("| command | " + " | ".join(names) + " |")
    lines.append("|---" * (len(names) + 1) + "|")
    for label, per in results.get("startup", {}).items():
        lines.append("| `%s` | %s |" % (label, " | ".join(_fmt_time(per.get(n)) for n in names)))
    lines.append("")
    return "\n".join(lines)


def svg(results, names):
    """Horizontal grouped bars: speed relative to CPython (CPython time /
    interpreter time) on a log2 axis, one group per benchmark."""
    benches = sorted(results["benchmarks"])
    bar_h, gap, left, right, top = 9, 8, 150, 40, 40
    width = 760
    plot_w = width - left - right
    lo, hi = -4.0, 4.0           # log2 of speed-up: 1/16x .. 16x
    group_h = bar_h * len(names) + gap
    height = top + group_h * len(benches) + 50

    def x_of(speedup):
        v = max(lo, min(hi, math.log2(speedup)))
        return left + (v - lo) / (hi - lo) * plot_w

    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
           'font-family="sans-serif" font-size="11">' % (width, height),
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="%d" y="18" font-size="13">Speed relative to CPython 3.11 '
           '(right of the line is faster; log scale)</text>' % left]
    for k in range(int(lo), int(hi) + 1):
        x = left + (k - lo) / (hi - lo) * plot_w
        label = ("%dx" % (2 ** k)) if k >= 0 else ("1/%dx" % (2 ** -k))
        out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="%s"/>'
                   % (x, top - 5, x, height - 40, "#000" if k == 0 else "#ddd"))
        out.append('<text x="%.1f" y="%d" text-anchor="middle">%s</text>'
                   % (x, height - 28, label))
    base_x = x_of(1.0)
    for i, bench in enumerate(benches):
        y0 = top + i * group_h
        out.append('<text x="%d" y="%d" text-anchor="end">%s</text>'
                   % (left - 6, y0 + bar_h * len(names) / 2 + 4, bench))
        for j, name in enumerate(names):
            e = results["benchmarks"][bench].get(name, {})
            y = y0 + j * bar_h
            if e.get("status") != "ok" or not e.get("ratio"):
                if e.get("status") == "failed":
                    out.append('<text x="%.1f" y="%d" fill="%s">%s failed</text>'
                               % (base_x + 3, y + bar_h - 1, COLOURS.get(name, "#888"), name))
                continue
            x = x_of(1.0 / e["ratio"])
            out.append('<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"/>'
                       % (min(x, base_x), y, max(1.0, abs(x - base_x)), bar_h - 1,
                          COLOURS.get(name, "#888")))
    lx = left
    for name in names:
        out.append('<rect x="%d" y="%d" width="10" height="10" fill="%s"/>'
                   % (lx, height - 16, COLOURS.get(name, "#888")))
        out.append('<text x="%d" y="%d">%s</text>' % (lx + 14, height - 7, name))
        lx += 90
    out.append("</svg>")
    return "\n".join(out) + "\n"
