"""object and type: attributes, dir(), __class__, the object protocol methods."""
from _typetest import OBJ_SKIP, fmt, res, run_table, scrub, short, show  # noqa: F401

print(sorted(set(dir(object))))
print(sorted(set(dir(type))))
o = object()
for name in ["__class__", "__doc__" if False else "__module__", "__dict__", "__slots__"]:
    show("object()." + name, getattr, o, name)
show("setattr object", setattr, o, "x", 1)
show("delattr object", delattr, o, "x")
show("object(1)", object, 1)
show("object(x=1)", lambda: object(x=1))
show("__eq__", o.__eq__, o)
show("__eq__ other", o.__eq__, 1)
show("__ne__", o.__ne__, 1)
show("__lt__", o.__lt__, o)
show("__le__", o.__le__, 1)
show("__gt__", o.__gt__, 1)
show("__ge__", o.__ge__, 1)
show("__format__", o.__format__, "")
show("__format__ x", o.__format__, "x")
show("__format__ 1", o.__format__, 1)
show("__reduce_ex__ bad", o.__reduce_ex__, "x")
show("__getstate__", o.__getstate__)
show("__sizeof__ type", lambda: type(o.__sizeof__()).__name__)
show("__dir__", lambda: sorted(o.__dir__()))
show("__init_subclass__", object.__init_subclass__)
show("__subclasshook__", object.__subclasshook__, int)
show("__hash__ type", lambda: type(o.__hash__()).__name__)
show("str==repr", lambda: str(o) == repr(o))
show("__new__ no arg", object.__new__)
show("__new__ int", object.__new__, int)
show("__new__ str", object.__new__, 5)
show("__getattribute__", o.__getattribute__, "__class__")
show("__getattribute__ bad", o.__getattribute__, 1)
show("__getattribute__ missing", o.__getattribute__, "nope")
show("__setattr__ on int", object.__setattr__, 1, "x", 1)
show("__setattr__ on type", object.__setattr__, int, "x", 1)
show("__delattr__ missing", object.__delattr__, o, "x")

class A:
    """doc of A"""
    x = 1
    def m(self):
        return "A.m"
class B(A):
    y = 2
    def __repr__(self):
        return "<B>"
class C(B, A):
    __slots__ = ("s",)
b = B()
b.z = 3
print(A.__name__, A.__qualname__, A.__module__, A.__doc__, A.__bases__, A.__base__, A.__mro__)
print(C.__mro__, C.mro(), B.__subclasses__(), type(A).__name__, A.__class__, type(type))
print(sorted(k for k in A.__dict__), type(A.__dict__).__name__, b.__dict__, vars(b))
print(sorted(set(dir(b)) - set(dir(object))), sorted(set(dir(C)) - set(dir(object))))
print(isinstance(b, A), issubclass(C, A), issubclass(A, (int, A)), A.__instancecheck__(b), A.__subclasscheck__(C))
print(object.__base__, object.__bases__, type.__base__, type.__mro__, int.__flags__ & (1 << 9) != 0)
show("A.__dict__ write", lambda: A.__dict__.__setitem__("q", 1))
show("setattr builtin", setattr, int, "x", 1)
show("setattr builtin dunder", setattr, list, "__len__", 1)
show("A.nope", getattr, A, "nope")
show("b.nope", getattr, b, "nope")
show("C().z", lambda: setattr(C(), "z", 1))
show("C().s", lambda: C().s)
show("__class__ assign", lambda: setattr(b, "__class__", A) or type(b).__name__)
show("__class__ assign int", lambda: setattr(1, "__class__", bool))
show("__bases__ assign", lambda: setattr(A, "__bases__", (int,)))
show("__name__ assign", lambda: (setattr(A, "__name__", "AA"), A.__name__, A.__qualname__))
show("__name__ bad", lambda: setattr(A, "__name__", 5))
show("__qualname__ assign", lambda: (setattr(A, "__qualname__", "Q.A"), repr(A)))
show("type 1 arg", type, 5)
show("type 2 args", type, "X", ())
show("type bad bases", type, "X", (1,), {})
show("type bad name", type, 5, (), {})
show("type ok", lambda: type("X", (A,), {"k": 1}).__mro__)
show("type final", lambda: type("X", (bool,), {}))
show("layout conflict", lambda: type("X", (int, str), {}))
show("mro conflict", lambda: type("X", (A, B), {}))
show("dup base", lambda: type("X", (A, A), {}))
show("type.__prepare__", lambda: type.__prepare__("X", ()))
show("int.__text_signature__", lambda: int.__text_signature__)
show("type.__call__", type.__call__, int, "5")
show("type.__or__", lambda: int | None)
show("type.__ror__", lambda: None | int)
show("__abstractmethods__", lambda: type.__abstractmethods__)
show("A.__abstractmethods__", lambda: A.__abstractmethods__)
show("__dictoffset__ type", lambda: type(A.__dictoffset__).__name__)
show("__weakrefoffset__", lambda: type(A.__weakrefoffset__).__name__)
show("__basicsize__ pos", lambda: object.__basicsize__ > 0)
show("__itemsize__", lambda: (object.__itemsize__, tuple.__itemsize__ > 0))
show("__annotations__", lambda: A.__annotations__)
show("__type_params__", lambda: A.__type_params__)
show("__sizeof__ cls", lambda: type(type.__sizeof__(A)).__name__)
show("__dir__ type", lambda: sorted(type.__dir__(A))[-3:])
show("__flags__ type", lambda: type(A.__flags__).__name__)
show("__module__ builtin", lambda: (int.__module__, type.__module__, object.__module__))
show("__getattribute__ type", lambda: type.__getattribute__(A, "x"))
show("__setattr__ type", lambda: (type.__setattr__(A, "w", 5), A.w))
show("__delattr__ type", lambda: (type.__delattr__(A, "w"), hasattr(A, "w")))
show("__delattr__ builtin", lambda: type.__delattr__(int, "real"))
show("__init__ type", lambda: type.__init__(A, "X", (), {}))
show("__init__ type bad", lambda: type.__init__(A, "X"))
show("__new__ type", lambda: type.__new__(type, "N", (), {}).__name__)
show("__subclasses__ int", lambda: bool in int.__subclasses__())
show("__instancecheck__", lambda: type.__instancecheck__(int, True))
show("__subclasscheck__", lambda: type.__subclasscheck__(int, bool))
show("__text_signature__ A", lambda: A.__text_signature__)
show("repr types", lambda: (repr(int), repr(A), repr(type), repr(object)))
show("type.__doc__ A", lambda: C.__doc__)
show("mro()", lambda: type.mro(C))
show("mro() bad", lambda: type.mro(5))
show("object.__eq__ NotImpl", lambda: object() == object())
class Eq:
    def __eq__(self, other):
        return "eq!"
e = Eq()
print(e == 1, e != 1, 1 == e, e.__ne__(1), Eq.__hash__)
class H:
    __hash__ = None
show("unhashable", hash, H())
print(sorted(set(dir(A)) - set(dir(object))), sorted(A.__dict__.keys()))

# object.__setattr__/__delattr__ refuse to bypass a C-level __setattr__ (type's); format errors
def t(f):  # noqa
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
class A: pass
class M(type): pass
class P:
    def __setattr__(self, k, v): object.__setattr__(self, k, v * 2)
class Q(P): pass
class MM(type):
    def __setattr__(cls, k, v): type.__setattr__(cls, k, v)
t(lambda: object.__setattr__(A(), "x", 1))
t(lambda: object.__setattr__(A, "x", 1))
t(lambda: object.__setattr__(M("X", (), {}), "x", 1))
t(lambda: type.__setattr__(M("X", (), {}), "x", 1))
t(lambda: (setattr(Q(), "x", 2)))
q = Q(); q.y = 4; print(q.y)
t(lambda: setattr(MM("Y", (), {}), "z", 1))
t(lambda: object.__delattr__(A, "x"))
t(lambda: object.__setattr__(1, "x", 1))
t(lambda: object.__setattr__([], "x", 1))
class E(Exception): pass
t(lambda: object.__setattr__(E(), "x", 1))
t(lambda: format(object(), 1))
t(lambda: object().__format__(1))
class B: pass
t(lambda: del_am(B))
def del_am(c):
    del c.__abstractmethods__
t(lambda: del_am(B))
t(lambda: B.__abstractmethods__)
