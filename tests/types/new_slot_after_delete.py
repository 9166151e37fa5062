# tp_new after `del C.__new__` keeps the dispatcher (CPython 3.11): object.__new__
# then refuses the arguments; a class that only borrowed __new__ is unaffected.
class C:
    def __new__(cls, *a):
        print("new", a)
        return super().__new__(cls)
    def __init__(self, *a):
        print("init", a)
C(1)
del C.__new__
try:
    C(2)
    print("ok")
except TypeError as e:
    print("TypeError", e)
class D:
    pass
D.__new__ = lambda cls: print("lambda new") or object.__new__(cls)
D()
del D.__new__
print(type(D()).__name__)
