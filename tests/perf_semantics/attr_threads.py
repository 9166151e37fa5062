# Inline __init__ frames and keyword calls while the GIL switches threads
# often: every thread's objects come out right.
import sys
import threading

sys.setswitchinterval(1e-6)


class Node:
    def __init__(self, value, *, parent=None):
        self.value = value
        self.parent = parent
        self.depth = 0 if parent is None else parent.depth + 1


def chain(tag, n, out):
    node = Node(tag)
    for i in range(n):
        node = Node(i, parent=node)
    total = 0
    while node is not None:
        total += node.depth
        node = node.parent
    out[tag] = total


out = {}
threads = [threading.Thread(target=chain, args=(t, 20000, out)) for t in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(out.items()))
