"""threading.settrace / threading.setprofile: new threads install the
hooks through sys.settrace / sys.setprofile before running their target;
the main thread's own tracing is unaffected."""
import sys
import threading

seen = []


def tracer(frame, event, arg):
    if frame.f_code.co_name == "work":
        seen.append(("trace", threading.current_thread().name, event,
                     frame.f_lineno - frame.f_code.co_firstlineno))
    return tracer


def profiler(frame, event, arg):
    if frame.f_code.co_name == "work" and event in ("call", "return"):
        seen.append(("profile", threading.current_thread().name, event))


def work(n):
    total = 0
    for i in range(n):
        total += i
    return total


threading.settrace(tracer)
threading.setprofile(profiler)
t = threading.Thread(target=work, args=(2,), name="worker")
t.start()
t.join()
threading.settrace(None)
threading.setprofile(None)
work(1)                             # not traced: main thread has no hook
print(sys.gettrace(), sys.getprofile())
for s in seen:
    print(*s)
