# Arithmetic on ints of one and two 30-bit digits (computed in 64-bit C by
# the fast paths) and just beyond, every operator and sign combination,
# bools and int subclasses included.
vals = [0, 1, -1, 2, -2, 7, -7, 255, 2 ** 29, 2 ** 30 - 1, 2 ** 30, 2 ** 30 + 1, -(2 ** 30),
        -(2 ** 30) - 1, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), 1103515245, 0x7FFFFFFF,
        2 ** 59 + 12345, 2 ** 60 - 1, -(2 ** 60) + 1, 2 ** 60, -(2 ** 60), 2 ** 61 + 3,
        -(2 ** 62) - 5, 2 ** 63 - 1, -(2 ** 63), 3 ** 39, -(3 ** 38)]

class MyInt(int):
    pass

out = []
for a in vals + [True, MyInt(2 ** 40 + 3)]:
    for b in vals + [False, True, MyInt(-(2 ** 35))]:
        row = [a + b, a - b, a * b, a & b, a | b, a ^ b, a < b, a == b]
        if b:
            row += [a // b, a % b, divmod(a, b)]
        for n in (0, 1, 3, 29, 30, 31, 33, 59, 60, 61, 62, 63, 64, 70):
            row += [a >> n, a << n]
        out.append(hash(tuple(row)) & 0xFFFFFFFF)
        if len(out) % 97 == 0:
            print(a, b, row[:11])
print(len(out), sum(out) % 1000000007)
print(type(MyInt(5) + MyInt(2 ** 40)).__name__, type(True & True).__name__, True + True,
      MyInt(2 ** 40) >> 1, -(2 ** 45) >> 44, (-(2 ** 45)) // 7, (2 ** 45) % -7, -5 << 58)
