"""_pickle.Pickler's API: persistent_id (method and attribute),
dispatch_table (instance attribute, class attribute, copyreg),
reducer_override, memo proxy, clear_memo, fast mode, bin, dump to files,
module-level dump/dumps, and PicklingError messages."""
import copyreg
import io
import pickle
import _pickle

from _corpus import Plain, Reduced, top_function

print(pickle.Pickler is _pickle.Pickler, pickle.Unpickler is _pickle.Unpickler)
print(pickle.PickleError is _pickle.PickleError, _pickle.PicklingError.__mro__[1].__name__)


class PersPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, Plain):
            return ("plain", obj.a)
        return None


class PersUnpickler(pickle.Unpickler):
    def persistent_load(self, pid):
        return "loaded:%r" % (pid,)


for proto in range(6):
    buf = io.BytesIO()
    PersPickler(buf, proto).dump([Plain(1), Plain(2), "x"])
    print(proto, buf.getvalue().hex())
    buf.seek(0)
    print(" ", PersUnpickler(buf).load())

# persistent_id as an attribute, and its getter / error
buf = io.BytesIO()
p = pickle.Pickler(buf, 2)
try:
    p.persistent_id
except AttributeError as e:
    print("AttributeError", e)
p.persistent_id = lambda obj: "ID" if obj == 42 else None
p.dump([42, 43])
print(buf.getvalue().hex())
try:
    p.persistent_id = 5
except TypeError as e:
    print("TypeError", e)
buf = io.BytesIO()
p = pickle.Pickler(buf, 0)
p.persistent_id = lambda obj: "ID" if obj == 42 else None
p.dump([42, 43])
print(buf.getvalue())
try:
    u = pickle.Unpickler(io.BytesIO(buf.getvalue()))
    u.load()
except pickle.UnpicklingError as e:
    print("UnpicklingError", e)
u = pickle.Unpickler(io.BytesIO(buf.getvalue()))
u.persistent_load = lambda pid: ("P", pid)
print(u.load())


# dispatch_table
def reduce_plain(obj):
    return (Plain, (obj.a * 10, obj.b))


for proto in (0, 2, 4):
    buf = io.BytesIO()
    p = pickle.Pickler(buf, proto)
    p.dispatch_table = {Plain: reduce_plain}
    p.dump(Plain(3))
    print(proto, buf.getvalue().hex(), pickle.loads(buf.getvalue()).a)


class TablePickler(pickle.Pickler):
    dispatch_table = copyreg.dispatch_table.copy()
    dispatch_table[Plain] = reduce_plain


buf = io.BytesIO()
TablePickler(buf, 3).dump([Plain(4), complex(1, 2)])
print(buf.getvalue().hex())
copyreg.pickle(Plain, reduce_plain)
print(pickle.dumps(Plain(5), 2).hex())
del copyreg.dispatch_table[Plain]


# reducer_override
class OverridePickler(pickle.Pickler):
    def reducer_override(self, obj):
        if obj is top_function:
            return (str, ("function replaced",))
        if isinstance(obj, Reduced):
            return (int, (obj.v,))
        return NotImplemented


buf = io.BytesIO()
OverridePickler(buf, 4).dump([top_function, Reduced(7), Plain(1), len])
print(buf.getvalue().hex())
print(pickle.loads(buf.getvalue())[:2])

# memo proxy, clear_memo, several dumps on one pickler
buf = io.BytesIO()
p = pickle.Pickler(buf, 2)
shared = ["shared"]
p.dump(shared)
memo = p.memo.copy()
print(len(memo), sorted((v[0], repr(v[1])) for v in memo.values()))
p.dump(shared)
p.clear_memo()
p.dump(shared)
print(buf.getvalue().hex())
q = pickle.Pickler(io.BytesIO(), 2)
q.memo = p.memo
print(len(q.memo.copy()))
p.memo = {id(shared): (0, shared)}
print(len(p.memo.copy()))
p.memo.clear()
print(len(p.memo.copy()))
try:
    p.memo = 3
except TypeError as e:
    print("TypeError", e)
print(type(p.memo).__name__, p.bin, p.fast)
p2 = pickle.Pickler(io.BytesIO(), 0)
print(p2.bin)

# fast mode: no memo
buf = io.BytesIO()
p = pickle.Pickler(buf, 2)
p.fast = 1
p.dump([shared, shared])
print(buf.getvalue().hex())
rec = []
rec.append(rec)
p.fast = 1
try:
    p.dump(rec)
except ValueError as e:
    print("ValueError", str(e).split(" at ")[0])

# module functions, protocol handling
print(pickle.dumps(1, protocol=-1)[:2], pickle.dumps(1)[:2])
try:
    pickle.dumps(1, 6)
except ValueError as e:
    print("ValueError", e)
try:
    pickle.dumps(1, 2, buffer_callback=print)
except ValueError as e:
    print("ValueError", e)
try:
    pickle.Pickler(object())
except TypeError as e:
    print("TypeError", e)
f = io.BytesIO()
pickle.dump({"k": [1, 2]}, f, 3)
print(f.getvalue().hex())
print(pickle.dumps((1, 2), 0, fix_imports=False))


# PicklingError messages
class Local:
    pass


def make_local():
    class Inner:
        pass
    return Inner


cases = [lambda: 0, make_local(), make_local()(), (x for x in ())]
for obj in cases:
    for proto in (0, 2, 4):
        try:
            pickle.dumps(obj, proto)
            print("pickled", type(obj).__name__)
        except Exception as e:
            print(proto, type(e).__name__, str(e).split(" at 0x")[0])


class BadReduce:
    def __init__(self, rv):
        self.rv = rv

    def __reduce__(self):
        return self.rv


for rv in [42, (), (print,), (1, ()), (print, 1), (print, (), None, 5), (print, (), None, None, 7),
           (print, (), None, None, None, 8), (print, (), None, None, None, None, 1)]:
    try:
        pickle.dumps(BadReduce(rv), 2)
    except Exception as e:
        print(type(e).__name__, e)


class Unknown:
    __module__ = "no_such_module_xyz"


try:
    pickle.dumps(Unknown)
except Exception as e:
    print(type(e).__name__, e)
Local.__qualname__ = "Elsewhere"
try:
    pickle.dumps(Local)
except Exception as e:
    print(type(e).__name__, e)
