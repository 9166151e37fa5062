"""An inventory tool: argparse sub-commands, dataclasses, json round trip."""
import argparse
import json
from dataclasses import dataclass, field, asdict, astuple, replace
from typing import List


@dataclass(order=True)
class Item:
    sku: str
    name: str = field(compare=False)
    qty: int = 0
    price: float = 0.0
    tags: List[str] = field(default_factory=list, compare=False)

    @property
    def value(self):
        return round(self.qty * self.price, 2)


def build_parser():
    p = argparse.ArgumentParser(prog="inv", description="Track stock.")
    p.add_argument("-v", "--verbose", action="count", default=0)
    sub = p.add_subparsers(dest="cmd", required=True)
    add = sub.add_parser("add", help="add an item")
    add.add_argument("sku")
    add.add_argument("name")
    add.add_argument("--qty", type=int, default=1)
    add.add_argument("--price", type=float, default=0.0)
    add.add_argument("--tag", action="append", default=[])
    rep = sub.add_parser("report")
    rep.add_argument("--sort", choices=["sku", "value"], default="sku")
    return p


def main(argv_list):
    parser = build_parser()
    items = []
    for argv in argv_list:
        try:
            ns = parser.parse_args(argv)
        except SystemExit as e:
            print("exit", e.code)
            continue
        if ns.cmd == "add":
            items.append(Item(ns.sku, ns.name, ns.qty, ns.price, ns.tag))
            if ns.verbose:
                print("added", items[-1])
        else:
            key = (lambda i: i.sku) if ns.sort == "sku" else (lambda i: -i.value)
            for it in sorted(items, key=key):
                print(f"{it.sku:<6}{it.name:<12}{it.qty:>4} x {it.price:>7.2f} = {it.value:>9.2f}")
    data = json.dumps([asdict(i) for i in items], indent=2, sort_keys=True)
    print(data)
    back = [Item(**d) for d in json.loads(data)]
    print(back == items, sorted(back)[0], astuple(back[0]))
    print(replace(back[0], qty=99))
    print(parser.format_help())


import contextlib, io
err = io.StringIO()
with contextlib.redirect_stderr(err):
    main([
        ["-v", "add", "A100", "widget", "--qty", "4", "--price", "2.5", "--tag", "x", "--tag", "y"],
        ["add", "B7", "gadget", "--qty", "10", "--price", "0.99"],
        ["add", "C3", "doohickey", "--qty", "notanumber"],
        ["report", "--sort", "value"],
        ["report", "--sort", "bogus"],
        ["report"],
    ])
print(err.getvalue())
