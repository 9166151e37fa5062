# Quickened int/float arithmetic (BINARY_OP_INT_ARITH / FLOAT_ARITH) against
# every operand mix, including the cases the inline paths hand back.
vals = [0, 1, -1, 7, -7, 3, -3, 2**29, -2**30, 2**40, 2**53 + 1, -2**59, 2**60 - 1, 2**60, 10**17 + 3, 1.5, -2.5, 0.0, True]
out = []
for rep in range(20):
    for a in vals:
        for b in vals:
            for op in range(7):
                try:
                    if op == 0: r = a // b
                    elif op == 1: r = a % b
                    elif op == 2: r = a / b
                    elif op == 3: r = a & b
                    elif op == 4: r = a >> b
                    elif op == 5: r = a * b - a + b
                    else: r = a ^ b | a
                except Exception as e:
                    r = type(e).__name__
                if rep == 19:
                    out.append(r)
print(out)
x = 0
for i in range(100):
    x = x + i / 3
    x = x * 1.0001 - i
    x //= 1
print(x, 7 // -2, -7 % 3, 2**30 // 3)
big = [2**59 + 7, -2**59 - 3, 2**60 - 1, 3 * 2**30 + 1, 2**30]
acc = []
for rep in range(30):
    for a in big:
        for b in big:
            acc.append((a + b, a - b, a * b, a < b, a == b, a // 7, a % 1000, a & b, a >> 3))
print(acc[-25:])
