"""sys hooks and knobs: audit, switch interval, async-generator hooks."""
import sys

print(sys.get_asyncgen_hooks(), type(sys.get_asyncgen_hooks()).__name__)
try:
    sys.setswitchinterval(0)
except ValueError as e:
    print("ValueError", e)
sys.setswitchinterval(0.01)
print(sys.getswitchinterval())
try:
    sys.set_asyncgen_hooks(firstiter=1)
except TypeError as e:
    print("TypeError", e)
try:
    sys.set_coroutine_origin_tracking_depth(-1)
except ValueError as e:
    print("ValueError", e)
print(sys.get_coroutine_origin_tracking_depth(), sys.gettrace(), sys.getprofile())
print(sys.audit("x", 1), sys.is_finalizing(), sys.call_tracing(max, (1, 2)))
sys.addaudithook(lambda e, a: print("hook", e, a) if e == "my.event" else None)
sys.audit("my.event", 1, 2)
try:
    sys.audit()
except TypeError as e:
    print("TypeError", e)
seen = []


def first(agen):
    seen.append(("first", type(agen).__name__))


sys.set_asyncgen_hooks(firstiter=first)
print(sys.get_asyncgen_hooks().firstiter is first)


async def agen():
    yield 1


g = agen()
try:
    g.asend(None).send(None)
except StopIteration as e:
    print("value", e.value)
print(seen)
sys.set_asyncgen_hooks(firstiter=None, finalizer=None)
print(sys.get_asyncgen_hooks())
print(sys.__excepthook__ is sys.excepthook, sys.__displayhook__ is sys.displayhook)
