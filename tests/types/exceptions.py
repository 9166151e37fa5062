"""exceptions: the hierarchy, args/str/repr of every built-in class, attributes
(OSError errno mapping, SyntaxError, UnicodeError, StopIteration, ...), ExceptionGroup.
"""
from _typetest import OBJ_SKIP, fmt, res, run_table, scrub, short, show  # noqa: F401

classes = []
seen = set()
def walk(c, depth):
    if c in seen:
        return
    seen.add(c)
    classes.append(c)
    print("  " * depth + c.__name__, [b.__name__ for b in c.__bases__])
    for s in sorted(c.__subclasses__(), key=lambda k: k.__name__):
        if s.__module__ == "builtins":
            walk(s, depth + 1)
walk(BaseException, 0)
print(len(classes))
for c in classes:
    print(c.__name__, sorted(n for n in c.__dict__ if n != "__doc__"))
    for args in [(), ("msg",), (1, 2), ("a", "b", "c")]:
        try:
            if c in (BaseExceptionGroup, ExceptionGroup):
                e = c("grp", [ValueError(1)]) if args else c()
            else:
                e = c(*args)
        except BaseException as x:
            print("  %s%r -> !%s: %s" % (c.__name__, args, type(x).__name__, x))
            continue
        print("  %s%r -> type %s args %s str %s repr %s" % (c.__name__, args, type(e).__name__, res(lambda: e.args), res(str, e), res(repr, e)))
for args in [(2, "No such file"), (13, "denied", "f.txt"), (17, "exists", "a", None, "b"), (11, "again"),
             (4, "intr"), (32, "pipe"), (104, "reset"), (111, "refused"), (110, "timeout"),
             (10, "child"), (3, "srch"), (21, "isdir"), (20, "notdir"), (1, "perm"), (99999, "x"),
             ("2", "str errno"), (2,), (2, "a", "b", "c", "d", "e")]:
    e = OSError(*args)
    print("OSError%r" % (args,), type(e).__name__, e.errno, e.strerror, e.filename, e.filename2, repr(str(e)), e.args)
e = FileNotFoundError(2, "gone", "x")
print(e.errno, e.characters_written if hasattr(e, "characters_written") else "-", isinstance(e, OSError), IOError is OSError, EnvironmentError is OSError)
show("characters_written", lambda: BlockingIOError(11, "x", 5).characters_written)
show("characters_written unset", lambda: OSError().characters_written)
show("del characters_written", lambda: delattr(BlockingIOError(11, "x"), "characters_written"))
e = OSError(1, "x"); e.errno = 5; e.strerror = "y"; e.filename = "f"; print(str(e), e.args)
se = SyntaxError("bad", ("f.py", 3, 5, "x = 1\n", 3, 6))
print(se.msg, se.filename, se.lineno, se.offset, se.text, se.end_lineno, se.end_offset, str(se), repr(se), se.print_file_and_line)
show("SyntaxError bad tuple", SyntaxError, "m", (1, 2))
show("SyntaxError str file only", lambda: str(SyntaxError("m", ("dir/f.py", None, None, None))))
show("SyntaxError str line only", lambda: str(SyntaxError("m", (None, 4, None, None))))
show("IndentationError", lambda: (IndentationError("i", ("f", 1, 1, "x", 1, 1)).lineno, TabError.__mro__))
print(StopIteration(5).value, StopIteration().value, StopIteration(1, 2).value, StopAsyncIteration.__mro__)
print(SystemExit(3).code, SystemExit().code, SystemExit(1, 2).code, KeyboardInterrupt.__mro__)
print(str(KeyError("k")), str(KeyError()), str(KeyError("a", "b")), repr(KeyError("k")))
ie = ImportError("m", name="n", path="p")
print(ie.name, ie.path, ie.msg, str(ie), repr(ie), ModuleNotFoundError("x").name)
show("ImportError bad kw", lambda: ImportError("m", nope=1))
ne = NameError("x", name="v"); print(ne.name, str(ne))
ae = AttributeError("x", name="n", obj=5); print(ae.name, ae.obj, str(ae))
show("AttributeError bad kw", lambda: AttributeError(nope=1))
show("ValueError kw", lambda: ValueError(x=1))
ude = UnicodeDecodeError("utf-8", b"ab\xff", 2, 3, "invalid start byte")
print(ude.encoding, ude.object, ude.start, ude.end, ude.reason, str(ude), ude.args)
ue = UnicodeEncodeError("ascii", "aé", 1, 2, "ordinal not in range(128)")
print(ue.encoding, ue.object, ue.start, ue.end, ue.reason, str(ue))
ut = UnicodeTranslateError("aé", 1, 2, "no")
print(ut.object, ut.start, ut.end, ut.reason, str(ut), ut.encoding)
show("UnicodeDecodeError bad", UnicodeDecodeError, "utf-8", "str", 1, 2, "r")
show("UnicodeEncodeError few", UnicodeEncodeError, "ascii")
show("unicode str range", lambda: str(UnicodeDecodeError("utf-8", b"ab", 1, 2, "r")))
show("unicode str multi", lambda: str(UnicodeDecodeError("utf-8", b"abcd", 1, 3, "r")))
show("unicode str empty", lambda: str(UnicodeEncodeError("ascii", "", 0, 1, "r")))
e = ValueError(1)
print(e.__traceback__, e.__cause__, e.__context__, e.__suppress_context__, e.__notes__ if hasattr(e, "__notes__") else "no notes")
e.add_note("n1"); e.add_note("n2"); print(e.__notes__)
show("add_note int", e.add_note, 5)
show("with_traceback", lambda: ValueError(2).with_traceback(None).args)
show("with_traceback bad", lambda: ValueError(2).with_traceback(5))
show("args assign", lambda: (lambda x: (setattr(x, "args", [1, 2]), x.args))(ValueError()))
show("cause bad", lambda: setattr(ValueError(), "__cause__", 5))
show("context bad", lambda: setattr(ValueError(), "__context__", 5))
show("reduce", lambda: ValueError(1, 2).__reduce__())
show("reduce with dict", lambda: (lambda x: (setattr(x, "k", 1), x.__reduce__())[1])(ValueError(1)))
show("setstate", lambda: (lambda x: (x.__setstate__({"z": 1}), x.z))(ValueError()))
show("setstate bad", lambda: ValueError().__setstate__(5))
show("eq", lambda: (ValueError(1) == ValueError(1), hash(ValueError) == hash(ValueError)))
class MyErr(Exception):
    def __init__(self, a, b):
        super().__init__(a)
        self.b = b
m = MyErr(1, 2)
print(m.args, str(m), repr(m), m.b, MyErr.__mro__)
show("raise non-exc", lambda: exec("raise 5"))
def chain():
    try:
        try:
            raise KeyError("inner")
        except KeyError as k:
            raise ValueError("outer") from k
    except ValueError as v:
        return (repr(v), repr(v.__cause__), repr(v.__context__), v.__suppress_context__)
print(chain())

# ExceptionGroup
eg = ExceptionGroup("top", [ValueError(1), TypeError(2), ExceptionGroup("sub", [ValueError(3), KeyError(4)])])
print(repr(eg), str(eg), eg.message, eg.exceptions, type(eg).__mro__)
def desc(g):
    if g is None:
        return None
    if isinstance(g, BaseExceptionGroup):
        return "%s(%r, [%s])" % (type(g).__name__, g.message, ", ".join(desc(x) for x in g.exceptions))
    return repr(g)
for cond in [ValueError, (ValueError, KeyError), TypeError, OSError, Exception, lambda e: isinstance(e, KeyError) or getattr(e, "args", None) == (1,)]:
    m, r = eg.split(cond)
    print("split", getattr(cond, "__name__", "pred") if not isinstance(cond, tuple) else "tuple", desc(m), "|", desc(r))
    print("subgroup", desc(eg.subgroup(cond)))
show("split bad", eg.split, 5)
show("EG no exc", ExceptionGroup, "m", [])
show("EG not seq", ExceptionGroup, "m", 5)
show("EG bad item", ExceptionGroup, "m", [1])
show("EG msg int", ExceptionGroup, 1, [ValueError()])
show("EG base exc", ExceptionGroup, "m", [KeyboardInterrupt()])
show("BEG narrows", lambda: type(BaseExceptionGroup("m", [ValueError()])).__name__)
show("BEG keeps", lambda: type(BaseExceptionGroup("m", [KeyboardInterrupt()])).__name__)
show("derive", lambda: desc(eg.derive([KeyError(9)])))
show("EG args", lambda: eg.args)
show("EG one arg", lambda: ExceptionGroup("m"))
eg.add_note("note")
m, r = eg.split(ValueError)
print(m.__notes__, r.__notes__, m.__traceback__, m.__cause__)
show("except*", lambda: exec("""
try:
    raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
except* ValueError as e:
    print("caught", repr(e))
except* TypeError as e:
    print("caught", repr(e))
"""))

# OSError args/filename/reduce, BlockingIOError.characters_written, ImportError reduce, SyntaxError info
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
for args in [(2, "x", None), (2, "x", None, None, "g"), (2, "x", "f", None, None), (2, "x", "f", None, "g"), (2, "x", "f"), (2, "x"), (1,), (2, "x", "f", 5)]:
    e = OSError(*args)
    t(lambda: (type(e).__name__, e.args, e.filename, e.filename2, str(e), e.__reduce__()))
b = BlockingIOError(11, "x", 5)
t(lambda: (b.args, b.filename, b.characters_written, str(b), b.__reduce__()))
b = BlockingIOError(11, "x", "file")
t(lambda: (b.args, b.filename, str(b)))
t(lambda: BlockingIOError(11, "x", 2.5).characters_written)
t(lambda: BlockingIOError(11, "x", 2**70))
b.characters_written = 3; t(lambda: b.characters_written)
del b.characters_written; t(lambda: b.characters_written)
t(lambda: setattr(b, "characters_written", "x"))
class B2(BlockingIOError): pass
t(lambda: B2(11, "x", 5).filename)
t(lambda: ImportError("m", name="n").__reduce__())
t(lambda: ImportError("m").__reduce__())
t(lambda: ImportError("m", name=None).__reduce__())
t(lambda: ImportError("m", path="p").__reduce__())
x = ImportError("m", name="n"); x.q = 1
t(lambda: x.__reduce__())
t(lambda: (lambda e: (setattr(e, "a", 1), e.__reduce__()))(OSError(2, "x", "f")))
t(lambda: SyntaxError("m", (1, 2, 3, 4, 5, 6, 7)))
t(lambda: SyntaxError("m", 5))
t(lambda: ValueError(1).__reduce__())
