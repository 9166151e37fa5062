# {**x} takes mappings only; dict unpacking in a dict comprehension is a
# syntax error with CPython's wording.
for src in ["{**1}", "{**[]}", "{**[(1, 2)]}", "{**{1: 2}, **{3: 4}}", "{**{} for a in [1]}",
            "{**a for a in b if a}", "{**{}, 'x': 1}"]:
    try:
        print(src, eval(src))
    except (TypeError, SyntaxError, NameError) as e:
        print(src, type(e).__name__, e)


class M:
    def keys(self):
        return ["k"]

    def __getitem__(self, key):
        return key * 2


print({**M()})


def f(**k):
    pass


for call in [lambda: f(**{1: 3}, **{1: 5}), lambda: f(**{'a': 1}, **{'a': 2}), lambda: f(**{1: 2})]:
    try:
        call()
    except TypeError as e:
        print(e)
