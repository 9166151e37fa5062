"""property, classmethod, staticmethod, super: attributes, methods, errors."""
from _typetest import OBJ_SKIP, fmt, res, run_table, scrub, short, show  # noqa: F401

for T in [property, classmethod, staticmethod, super]:
    print(T.__name__, sorted(n for n in set(dir(T)) if n not in OBJ_SKIP))
def g(self):
    "getter doc"
    return "got"
def s(self, v):
    print("set", v)
def d(self):
    print("del")
p = property(g, s, d)
print(p.fget is g, p.fset is s, p.fdel is d, p.__doc__, p.__isabstractmethod__)
class C:
    x = p
    y = property(g)
    z = property()
    @property
    def w(self):
        return 1
    @w.setter
    def w(self, v):
        print("w set", v)
    @w.deleter
    def w(self):
        print("w del")
c = C()
print(c.x, C.x is p, c.y, c.w)
c.x = 5
del c.x
c.w = 2
del c.w
show("no setter", setattr, c, "y", 1)
show("no deleter", delattr, c, "y")
show("no getter", getattr, c, "z")
show("unreadable", lambda: C.z.__get__(c))
show("__get__ None", lambda: p.__get__(None, C) is p)
show("__get__ None None", lambda: p.__get__(None, None))
show("__set__", p.__set__, c, 3)
show("__delete__", p.__delete__, c)
show("getter copy", lambda: (lambda q: (q is p, q.fget is g, q.fset is s))(p.getter(g)))
# property.getter/setter/deleter(None) keep the old accessor, but crash
# CPython 3.11 at exit (a reference count bug): tested in test_property.c
show("doc kw", lambda: property(doc="D").__doc__)
show("doc from getter", lambda: property(g).__doc__)
show("bad arg", lambda: property(1, 2, 3, 4, 5))
show("fget uncallable", lambda: (property(5).__get__(1, int)))
show("set readonly attr", lambda: setattr(p, "fget", None))
class PP(property):
    pass
show("subclass doc", lambda: PP(g).__doc__)
show("__set_name__", lambda: p.__set_name__(C, "x"))
show("__isabstractmethod__", lambda: property(type("A", (), {"__isabstractmethod__": True})()).__isabstractmethod__)

class K:
    @classmethod
    def cm(cls, a=1):
        return (cls.__name__, a)
    @staticmethod
    def sm(a=2):
        return a
    @classmethod
    @property
    def cp(cls):
        return "class property " + cls.__name__
class K2(K):
    pass
print(K.cm(), K2.cm(5), K().cm(), K.sm(), K().sm(3), K2.cp)
cm = K.__dict__["cm"]
sm = K.__dict__["sm"]
print(type(cm).__name__, cm.__func__.__name__, cm.__wrapped__ is cm.__func__, cm.__isabstractmethod__, sm.__func__.__name__, sm.__wrapped__ is sm.__func__)
print(cm.__get__(None, K2)(), cm.__get__(K2())(), sm.__get__(None, K)(), sm(9), cm.__name__, sm.__qualname__, sm.__doc__, cm.__doc__)
show("classmethod(5) call", lambda: classmethod(5).__get__(None, int)())
show("staticmethod(5) call", lambda: staticmethod(5)())
show("classmethod no arg", classmethod)
show("staticmethod 2 args", staticmethod, 1, 2)
show("cm __get__ no args", lambda: cm.__get__())
show("cm __get__ None None", lambda: cm.__get__(None, None))
show("sm __get__", lambda: sm.__get__(None)())
show("cm __dict__", lambda: classmethod(len).__dict__)
show("sm attr", lambda: (lambda x: (setattr(x, "q", 1), x.q))(staticmethod(len)))
show("cm repr", lambda: repr(classmethod(len)).split(" at ")[0])
show("sm repr", lambda: repr(staticmethod(len)).split(" at ")[0])
show("cm __annotations__", lambda: classmethod(K.cm.__func__).__annotations__)

class A:
    def f(self):
        return "A.f"
    @classmethod
    def c(cls):
        return "A.c " + cls.__name__
    x = 1
class B(A):
    def f(self):
        return "B.f>" + super().f()
    @classmethod
    def c(cls):
        return "B.c>" + super().c()
    x = 2
class D(B):
    def f(self):
        return "D.f>" + super(B, self).f()
o = D()
print(o.f(), D.c(), super(D, o).x, super(B, o).x, super(D, D).c())
sp = super(B, o)
print(type(sp).__name__, sp.__thisclass__.__name__, type(sp.__self__).__name__, sp.__self_class__.__name__)
show("super unbound", lambda: super(B).__thisclass__)
show("super unbound self", lambda: super(B).__self__)
show("super repr", lambda: repr(super(B, o)).split(" at ")[0])
show("super bad", lambda: super(B, 5))
show("super bad type", lambda: super(5, o))
show("super attr missing", lambda: super(B, o).nope)
show("super no args outside", lambda: super())
show("super __get__", lambda: super(B).__get__(o).f())
show("super setattr", lambda: setattr(super(B, o), "x", 1))
show("super dunder", lambda: super(B, o).__class__.__name__)
show("super of type", lambda: super(int, True).__repr__())
show("super 3 args", lambda: super(1, 2, 3))
class E(A):
    def f(self):
        def inner():
            return super().f()
        return inner
show("super in nested", lambda: E().f()())
class F(A):
    def f(self):
        return [super().f() for _ in range(1)]
show("super in comprehension", lambda: F().f())
class G(A):
    def f(self):
        __class__ = 5
        return super().f()
show("super __class__ shadowed", lambda: G().f())
class H(A):
    def __init__(self):
        self.v = super().x
print(H().v, H.__init__.__code__.co_freevars)

show('get 3 args', lambda: property().__get__(1, 2, 3))
