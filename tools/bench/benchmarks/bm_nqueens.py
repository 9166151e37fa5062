"""Integer work: count the solutions of the n-queens puzzle (sets, generators)."""


def solutions(n):
    cols = range(n)

    def place(row, used, diag1, diag2):
        if row == n:
            yield 1
            return
        for c in cols:
            if c in used or (row + c) in diag1 or (row - c) in diag2:
                continue
            yield from place(row + 1, used | {c}, diag1 | {row + c}, diag2 | {row - c})

    return sum(place(0, frozenset(), frozenset(), frozenset()))


def bench():
    return solutions(11)


def check(result):
    return result == 2680
