class I(int):
    def __format__(self, s): return 'X'
class J:
    def __index__(self): return -255
print(hex(I(5)), oct(I(-9)), bin(I(3)), hex(J()), oct(J()), bin(J()), hex(True), hex(-2**70), oct(0), bin(-1))
for bad in (1.5, 'x', None):
    try:
        hex(bad)
    except TypeError as e:
        print(e)
for v in [0, 1, -1, 7, 8, 15, 16, 255, -256, 2 ** 30 - 1, 2 ** 30, 2 ** 31, 2 ** 62, 2 ** 63 - 1,
          -2 ** 63, 2 ** 63, 2 ** 64, -2 ** 64 + 1, 10 ** 40, -(10 ** 40)]:
    print(hex(v), oct(v), bin(v)[:40], len(bin(v)), int(hex(v), 16) == v, int(oct(v), 8) == v,
          int(bin(v), 2) == v)
