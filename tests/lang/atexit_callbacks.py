"""atexit callbacks run at exit, last registered first; a failing one is reported on stderr."""
import atexit
def bye(x): print("bye", x)
def bad(): raise ValueError("in atexit")
atexit.register(bye, 1)
atexit.register(bad)
atexit.register(bye, 2)
print("main done")
