# Starred unpacking of exact tuples and lists (taken item by item without an
# iterator) next to other iterables: values, fresh lists, error messages.
for seq in [(1, 2, 3), [1, 2, 3], (1,), [], (1, 2), 'abc', range(4), (x for x in range(3))]:
    for stmt in ['a, *b = s', '*a, b = s', 'a, *b, c = s', '*a, = s', 'a, b, *c, d, e = s']:
        ns = {'s': seq if not hasattr(seq, '__next__') else list(seq)}
        try:
            exec(stmt, ns)
            print(stmt, {k: v for k, v in ns.items() if k in 'abcde'})
        except ValueError as e:
            print(stmt, 'ValueError', e)
l = [1, 2, 3, 4]
a, *b = l
b.append(9)
print(l, a, b)
t = (1, [2], 3)
x, *y = t
print(y[0] is t[1])
