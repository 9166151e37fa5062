# FOR_ITER_DICT_ITEMS (libjit eval_spec_iter.inc): `for k, v in d.items()`
# unpacked without the pair tuple must behave as the generic loop.


def loop(d):
    out = []
    for k, v in d.items():
        out.append((k, v))
    return out


class D(dict):
    def items(self):
        return [("sub", 1)]


class E(dict):
    pass


def mutate_size(d, add):
    n = 0
    try:
        for k, v in d.items():
            n += 1
            if add:
                d[str(k) + "x"] = v
            else:
                del d[k]
    except RuntimeError as e:
        return n, str(e)
    return n, None


def keys_changed():
    d = {1: 1, 2: 2, 3: 3}
    seen = []
    try:
        for k, v in d.items():
            seen.append(k)
            if k == 1:
                del d[2]
                d[4] = 4
    except RuntimeError as e:
        return seen, str(e)
    return seen, None


def keys_really_changed():
    d = {1: 1, 2: 2}
    seen = []
    try:
        for k, v in d.items():
            seen.append((k, v))
            if k == 1:
                del d[1]
                d[5] = 5
    except RuntimeError as e:
        return seen, str(e)
    return seen, None


def generic_then_dict():
    res = []
    for src in ([(1, 2), (3, 4)], {5: 6, 7: 8}.items(), zip("ab", "cd"), {9: 10}.items()):
        for a, b in src:
            res.append((a, b))
    return res


def partial_stop():
    d = {i: i * i for i in range(10)}
    it = iter(d.items())
    for k, v in it:
        if k == 4:
            break
    rest = []
    for k, v in it:
        rest.append((k, v))
    return rest, list(it)


for _ in range(300):
    r1 = loop({})
    r2 = loop({i: -i for i in range(5)})
    d = {i: i for i in range(8)}
    for i in range(0, 8, 2):
        del d[i]
    r3 = loop(d)
    r4 = loop(D(a=1, b=2))
    r5 = loop(E(a=1, b=2))
    r6 = mutate_size({1: 1, 2: 2}, True)
    r7 = mutate_size({1: 1, 2: 2}, False)
    r8 = keys_changed()
    r9 = generic_then_dict()
    r10 = partial_stop()
    r11 = [(k, v) for k, v in {"x": None, "y": [1]}.items()]
    r12 = {k: v for k, v in {1: 2, 3: 4}.items() if k > 1}
    r14 = keys_really_changed()
    r13 = loop({("t", 1): (2, 3)})
print(r1, r2, r3, r4, r5)
print(r6, r7, r8, r14)
print(r9, r10, r11, r12, r13)
try:
    for k, v in {1: (1, 2, 3)}.items():
        for a, b in [v]:
            pass
except ValueError as e:
    print("ValueError", e)
try:
    for k, v, w in {1: 2}.items():
        pass
except ValueError as e:
    print("ValueError", e)
