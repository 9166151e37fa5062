"""The gc module's switches, thresholds, callbacks and argument errors."""
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(gc.get_threshold())
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.garbage, gc.callbacks, gc.get_debug())
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL,
      gc.DEBUG_LEAK)

phases = []


def cb(phase, info):
    phases.append((phase, info["generation"], sorted(info)))


gc.callbacks.append(cb)
n = gc.collect()
gc.callbacks.remove(cb)
print(type(n).__name__, phases)
for bad in (3, -1, "x"):
    try:
        gc.collect(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    gc.set_threshold()
except TypeError as e:
    print(e)
