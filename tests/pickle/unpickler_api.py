"""_pickle.Unpickler: every opcode family, Python 2 pickles (encoding,
errors, fix_imports), find_class overrides, memo, files (several pickles
in one file, with and without peek / readinto), and UnpicklingError /
EOFError messages for malformed or truncated data."""
import copyreg
import re
import io
import pickle
import pickletools

# -- malformed and truncated streams
bad = [b"", b"N", b"garbage", b"\x00", b"\xff.", b"'", b"\\", b"0.", b"1.", b"(N}.", b"(d.",
       b"(Nd.", b"a.", b"s.", b"e.", b"u.", b"t.", b"l.", b"b.", b"R.", b"N)R.", b"NNR.",
       b"g0\n.", b"h\x00.", b"j\x00\x00\x00\x00.", b"p0\n.", b"q\x00.", b"\x94.",
       b"I12x\n.", b"Iabc\n.", b"L12\n.", b"L1x\n.", b"F1.5z\n.", b"F\n.", b"S'abc\n.",
       b"Sabc\n.", b"S'a\\x4'\n.", b"T\xff\xff\xff\xff.", b"\x80\x06.", b"\x80\x02K",
       b"\x8b\xff\xff\xff\xff.", b"\x82\x00.", b"\x82\x09.", b"\x8c\x05ab", b"X\x03\x00\x00\x00ab",
       b"B\x05\x00\x00\x00abc", b"\x95\x10\x00\x00\x00\x00\x00\x00\x00N.",
       b"\x93.", b"K\x01K\x02\x93.", b"\x81.", b"K\x01)\x81.", b"c__builtin__\nint\n)\x81.",
       b"\x97.", b"P1\n.", b"NQ.", b"cno_such_mod_q\nx\n.", b"cbuiltins\nno_such_attr\n.",
       b"(K\x01\x90.", b"\x8f(K\x01K\x02\x90.", b"(\x91.", b"(K\x01K\x02\x91.", b"V\\u12\n.",
       b"\x80\x04\x8c\x08builtins\x8c\x0bf.<locals>.g\x93.", b"c__main__\nf.<locals>\n."]
for data in bad:
    try:
        r = pickle.loads(data)
        print(data, "->", repr(r)[:60])
    except Exception as e:
        print(data, type(e).__name__, e)

# -- hand-written protocol 0/1 streams (Python 2 style)
py2 = [b"(lp0\nI1\naI2\na.", b"(dp0\nS'a'\np1\nI1\ns.", b"S'caf\\xc3\\xa9'\np0\n.",
       b"U\x03abcq\x00.", b"T\x02\x00\x00\x00hi.", b"c__builtin__\nset\np0\n((lp1\nI1\natp2\nRp3\n.",
       b"cexceptions\nValueError\n(S'x'\ntR.", b"(i__main__\nNotThere\n.", b"I01\n.", b"I00\n.",
       b"L123L\n.", b"I-7\n.", b"F-0.5\n.", b"N.", b"\x88.", b"(I1\nI2\nt.", b"(t.",
       b"ccopy_reg\n_reconstructor\n(c__builtin__\nobject\nc__builtin__\nobject\nNtR.",
       b"cUserDict\nUserDict\n.", b"c__builtin__\nxrange\n(I0\nI5\nI1\ntR."]
for data in py2:
    for enc in ("ASCII", "latin1", "bytes"):
        try:
            r = pickle.loads(data, encoding=enc)
            print(data, enc, type(r).__name__, re.sub(" at 0x[0-9a-f]+", "", repr(r))[:60])
        except Exception as e:
            print(data, enc, type(e).__name__, e)
try:
    pickle.loads(b"S'caf\\xc3\\xa9'\n.", encoding="ascii", errors="strict")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e.reason)
print(pickle.loads(b"S'caf\\xc3\\xa9'\n.", encoding="ascii", errors="replace"))
print(pickle.loads(b"S'caf\\xc3\\xa9'\n.", encoding="utf-8"))
print(pickle.loads(b"c__builtin__\nint\n.", fix_imports=True))
try:
    pickle.loads(b"c__builtin__\nint\n.", fix_imports=False)
except ModuleNotFoundError as e:
    print("ModuleNotFoundError", e)

# -- find_class / persistent_load / memo
class Restricted(pickle.Unpickler):
    def find_class(self, module, name):
        if module == "builtins" and name in ("set", "frozenset"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError("global '%s.%s' is forbidden" % (module, name))


for obj in [{1, 2}, frozenset([3]), [len], complex(1, 2)]:
    for proto in (0, 2, 4):
        try:
            print(proto, Restricted(io.BytesIO(pickle.dumps(obj, proto))).load())
        except pickle.UnpicklingError as e:
            print(proto, "UnpicklingError", e)

u = pickle.Unpickler(io.BytesIO(pickle.dumps([["a"], ["a"]], 2)))
print(u.load(), sorted(u.memo.copy().items()))
u.memo = {0: "zero", 5: "five"}
print(sorted(u.memo.copy().items()))
u.memo.clear()
print(u.memo.copy())
try:
    u.memo = {-1: 0}
except ValueError as e:
    print("ValueError", e)
u2 = pickle.Unpickler(io.BytesIO(b"h\x05."))
u2.memo = {5: "from memo"}   # CPython 3.11 keeps no entry of an assigned dict
try:
    print(u2.load())
except pickle.UnpicklingError as e:
    print("UnpicklingError", e)
u3 = pickle.Unpickler(io.BytesIO(b"h\x01."))
u3.memo = pickle.Unpickler(io.BytesIO(b"")).memo
u4 = pickle.Unpickler(io.BytesIO(pickle.dumps([["a"], ["a"]], 2)))
u4.load()
u3.memo = u4.memo
print(u3.load())

# -- files: several pickles back to back, with and without peek / readinto
blob = b"".join(pickle.dumps(x, p) for p in range(6) for x in ([1, 2], "s" * 300, {"k": (1.5,)}))


class ReadOnly:
    def __init__(self, data):
        self.f = io.BytesIO(data)

    def read(self, n=-1):
        return self.f.read(n)

    def readline(self):
        return self.f.readline()


for f in (io.BytesIO(blob), io.BufferedReader(io.BytesIO(blob)), ReadOnly(blob)):
    u = pickle.Unpickler(f)
    out = []
    while True:
        try:
            out.append(u.load())
        except EOFError as e:
            print(type(f).__name__, "EOFError", e)
            break
    print(len(out), out[:3], (f.f if isinstance(f, ReadOnly) else f).tell())
f = io.BytesIO(pickle.dumps(list(range(10))) + b"trailing")
print(pickle.load(f), f.read())
try:
    pickle.Unpickler(object())
except TypeError as e:
    print("TypeError", e)
big = b"x" * 300000
f = io.BufferedReader(io.BytesIO(pickle.dumps([big, big[:70000], "y" * 100000], 4) + b"!"))
r = pickle.load(f)
print(len(r[0]), len(r[1]), len(r[2]), r[0] is not r[1], f.read())

# -- extension registry
copyreg.add_extension("collections", "OrderedDict", 240)
copyreg.add_extension("collections", "deque", 70000)
import collections
for proto in (0, 2, 4):
    data = pickle.dumps([collections.OrderedDict, collections.deque], proto)
    print(proto, data.hex(), pickle.loads(data))
copyreg.remove_extension("collections", "OrderedDict", 240)
copyreg.remove_extension("collections", "deque", 70000)

# -- disassembly of a protocol 5 stream stays valid
out = io.StringIO()
pickletools.dis(pickle.dumps({"a": [1, 2.5, b"x", bytearray(b"y")], "b": {None}}, 5), out)
print(out.getvalue())
