# An AttributeError raised without a name by __getattr__ gets obj and name
# from the attribute look-up (CPython 3.11), so tracebacks can suggest.
class A:
    blech = None
    def __getattr__(self, attr):
        raise AttributeError()

class B:
    blech = None
    def __getattr__(self, attr):
        raise AttributeError('custom', 'x')

class C:
    def __getattr__(self, attr):
        e = AttributeError('preset')
        e.name = 'other'
        raise e

for cls, attr in ((A, 'bluch'), (B, 'bluch'), (C, 'zzz')):
    try:
        getattr(cls(), attr)
    except AttributeError as e:
        print(cls.__name__, e.args, e.name, type(e.obj).__name__)
a = A()
try:
    a.bluch
except AttributeError as e:
    print(e.name, e.obj is a)
try:
    object().nope
except AttributeError as e:
    print(e.name, type(e.obj).__name__)
import traceback, sys
try:
    A().bluch
except AttributeError:
    print(traceback.format_exc().splitlines()[-1])
