"""functions, bound methods, builtin functions and code objects: attributes observable without addresses."""
from _typetest import OBJ_SKIP, fmt, res, run_table, scrub, short, show  # noqa: F401

def outer(a, b: int = 2, *args, c, d=4, **kw) -> str:
    "outer doc"
    x = a + b
    def inner(y):
        return x + y
    return inner
f = outer
FT = type(f)
print(FT.__name__, sorted(n for n in set(dir(f)) if n not in OBJ_SKIP))
print(f.__name__, f.__qualname__, f.__module__, f.__doc__, f.__defaults__, f.__kwdefaults__, f.__annotations__)
print(f.__closure__, type(f.__globals__).__name__, f.__globals__ is globals(), f.__dict__, f.__builtins__ is __builtins__ if isinstance(__builtins__, dict) else type(f.__builtins__).__name__)
inner = outer(1, c=3)
print(inner.__name__, inner.__qualname__, [type(c).__name__ for c in inner.__closure__], inner.__closure__[0].cell_contents, inner.__code__.co_freevars)
co = outer.__code__
for name in ["co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals", "co_varnames",
             "co_cellvars", "co_freevars", "co_names", "co_name", "co_qualname", "co_firstlineno",
             "co_flags", "co_filename"]:
    v = getattr(co, name, "<missing>")
    if name == "co_filename":
        v = v.rsplit("/", 1)[-1]
    print(" ", name, v)
print(type(co).__name__, sorted(n for n in set(dir(co)) if not n.startswith("__")))
show("co_consts has doc", lambda: co.co_consts[0])
show("co_lines type", lambda: type(co.co_lines()).__name__)
show("co_positions", lambda: type(co.co_positions()).__name__)
show("replace", lambda: co.replace(co_name="renamed").co_name)
show("code eq", lambda: co == outer.__code__)
show("code hash int", lambda: type(hash(co)).__name__)
def pos(a, b, /, c, *, d):
    pass
print(pos.__code__.co_posonlyargcount, pos.__code__.co_kwonlyargcount, pos.__code__.co_argcount, pos.__code__.co_varnames)
def gen():
    yield 1
async def coro():
    pass
lam = lambda q, r=5: q
print(gen.__code__.co_flags & 0x20 != 0, coro.__code__.co_flags & 0x80 != 0, lam.__name__, lam.__qualname__, lam.__defaults__, lam.__code__.co_name)
f.__doc__ = "new doc"; f.__name__ = "renamed"; f.__qualname__ = "Q.renamed"; f.attr = 1
print(f.__doc__, f.__name__, f.__qualname__, f.__dict__, f.attr)
show("name bad", setattr, f, "__name__", 5)
show("qualname bad", setattr, f, "__qualname__", None)
show("defaults bad", setattr, f, "__defaults__", [1])
show("defaults None", lambda: (setattr(f, "__defaults__", None), f.__defaults__))
show("kwdefaults bad", setattr, f, "__kwdefaults__", 5)
show("code assign", lambda: (setattr(lam, "__code__", pos.__code__), lam.__code__.co_name))
show("closure assign", setattr, f, "__closure__", ())
show("globals assign", setattr, f, "__globals__", {})
show("del name", delattr, f, "__name__")
show("annotations assign", lambda: (setattr(f, "__annotations__", {"z": 1}), f.__annotations__))
show("annotations bad", setattr, f, "__annotations__", 5)
show("dict assign bad", setattr, f, "__dict__", 5)
show("call missing", lambda: outer())
show("call too many", lambda: pos(1, 2, 3, 4, d=5))
show("call kw posonly", lambda: pos(a=1, b=2, c=3, d=4))
show("call unexpected kw", lambda: lam(1, z=2))
show("call dup", lambda: lam(1, q=2))
show("call missing kwonly", lambda: pos(1, 2, 3))
show("function __get__ None", lambda: f.__get__(None, int) is f)
show("function type call", lambda: FT(co, {}).__name__)
show("function type bad", lambda: FT(1, {}))

class A:
    def m(self, x=1):
        "m doc"
        return x
    def __repr__(self):
        return "<A>"
a = A()
bm = a.m
MT = type(bm)
print(MT.__name__, sorted(n for n in set(dir(bm)) if n not in OBJ_SKIP))
print(bm.__self__, bm.__func__ is A.m, bm.__name__, bm.__qualname__, bm.__doc__, bm.__module__, bm(), bm(5))
print(bm == a.m, bm != A().m, a.m is a.m, repr(bm), bm.__defaults__, bm.__code__.co_name)
show("method setattr", setattr, bm, "x", 1)
show("method getattr func attr", lambda: (setattr(A.m, "tag", 7), bm.tag))
show("method hash int", lambda: type(hash(bm)).__name__)
show("MethodType", lambda: MT(len, [1, 2])())
show("MethodType None", lambda: MT(len, None))
show("MethodType uncallable", lambda: MT(5, 1))
show("method __get__", lambda: bm.__get__(A()) is bm)
show("method reduce", lambda: bm.__reduce__()[0].__name__)

b = len
BT = type(b)
print(BT.__name__, sorted(n for n in set(dir(b)) if n not in OBJ_SKIP))
print(b.__name__, b.__qualname__, b.__module__, b.__self__, repr(b), b.__text_signature__)
bb = [].append
print(type(bb).__name__, bb.__name__, bb.__qualname__, bb.__self__, repr(bb).split(" at ")[0])
print(repr(list.append), type(list.append).__name__, list.append.__qualname__, list.append.__objclass__, list.append.__name__)
print(repr(list.__add__), type(list.__add__).__name__, type([].__add__).__name__, list.__add__.__objclass__)
print(type(int.real).__name__, repr(int.real), type(type.__dict__["__dict__"]).__name__, type(dict.fromkeys).__name__)
show("builtin setattr", setattr, len, "x", 1)
show("builtin eq", lambda: ([].append == [].append, len == len))
show("descriptor bad self", lambda: list.append(5, 1))
show("descriptor no self", lambda: list.append())
show("wrapper bad self", lambda: list.__len__(5))
show("builtin kw", lambda: len(obj=[]))
show("builtin no kw", lambda: sorted([], 5))
show("__call__", lambda: len.__call__([1, 2]))
show("reduce builtin", lambda: len.__reduce__())
show("reduce bound builtin", lambda: [].append.__reduce__()[0] is getattr)
