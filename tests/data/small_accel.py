"""_statistics, _opcode, _typing and _uuid against python3.11."""
import _opcode
import _statistics
import _typing
import _uuid
import dis
import statistics
import typing
import uuid
import zlib


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


# statistics.NormalDist.inv_cdf and the accelerator itself
nd = statistics.NormalDist(100, 15)
print([nd.inv_cdf(p / 100) for p in range(1, 100, 7)])
print([statistics.NormalDist().inv_cdf(p) for p in (1e-300, 1e-20, 1e-5, 0.02425, 0.075, 0.5, 0.925, 0.99999, 1 - 1e-16)])
print(statistics.NormalDist(0, 1).quantiles(10))
for args in [(0.5, 0, 1), (0, 0, 1), (1, 0, 1), (0.3, 0, 0), (0.3, 0, -1), (float("nan"), 0, 1),
             (0.3, float("inf"), 1), (True, 1, 2), ("x", 0, 1), (0.5, 0)]:
    t(lambda: _statistics._normal_dist_inv_cdf(*args))
t(lambda: statistics.NormalDist().inv_cdf(1.5))

# _opcode.stack_effect over every opcode (CPython 3.11 numbering)
rows = []
for op in range(-12, 260):
    for arg in (None, 0, 1, 2, 3, 4, 7, 255, 256, 257, 1000, -1, 2 ** 31, 2 ** 40):
        for jump in (None, True, False):
            try:
                if arg is None:
                    r = _opcode.stack_effect(op, jump=jump)
                else:
                    r = _opcode.stack_effect(op, arg, jump=jump)
            except ValueError as e:
                r = str(e)
            rows.append(r)
print(len(rows), zlib.crc32(repr(rows).encode()))
for op in (1, 90, 100, 102, 114, 132, 155):
    print(dis.opname[op], [dis.stack_effect(op, a) if op >= 90 else dis.stack_effect(op) for a in range(6)])
t(lambda: _opcode.stack_effect())
t(lambda: _opcode.stack_effect("x"))
t(lambda: _opcode.stack_effect(100, "x"))
t(lambda: _opcode.stack_effect(100, 1, jump=1))
t(lambda: _opcode.stack_effect(2 ** 31))
t(lambda: _opcode.stack_effect(102, 2 ** 64))

# _typing
o = object()
print(_typing._idfunc(o) is o)
UserId = typing.NewType("UserId", int)
print(UserId(5), type(UserId(5)))

# _uuid / uuid1
print(_uuid.has_uuid_generate_time_safe)
raw, safe = _uuid.generate_time_safe()
print(type(raw), len(raw), type(safe), safe in (-1, 0))
u = uuid.uuid1()
print(u.version, u.variant, type(u.is_safe).__name__, type(u.node), type(u.time), type(u.clock_seq),
      len(u.bytes), len(str(u)))
a, b = uuid.uuid1(), uuid.uuid1()
print(a != b, a.node == b.node)
