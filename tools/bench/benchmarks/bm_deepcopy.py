"""copy.deepcopy of nested containers and instances (with a memo for shared
and cyclic references)."""
import copy


class Node:
    def __init__(self, value, children):
        self.value = value
        self.children = children
        self.parent = None


def tree(depth, width):
    if depth == 0:
        return Node(depth, [])
    node = Node(depth, [tree(depth - 1, width) for _ in range(width)])
    for c in node.children:
        c.parent = node
    return node


def bench():
    shared = [1, 2, 3]
    data = {"rows": [{"k": i, "v": [i, str(i), (i, shared)]} for i in range(3000)],
            "tree": tree(6, 3), "tuple": tuple(range(100)), "shared": shared}
    total = 0
    for _ in range(12):
        c = copy.deepcopy(data)
        total += len(c["rows"]) + (c["rows"][5]["v"][2][1] is c["shared"])
        total += c["tree"].children[0].parent is c["tree"]
    return total


def check(result):
    return result == 12 * (3000 + 1 + 1)
