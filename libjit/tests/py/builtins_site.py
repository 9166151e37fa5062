"""exit() and quit(): site.py's Quitter objects (added by Kiln's start-up)."""
print(repr(exit), type(exit).__name__, type(exit).__module__, exit.name, exit.eof)
print(repr(quit))
try:
    exit(1, 2)
except TypeError as e:
    print(e)
try:
    quit(code=4)
except SystemExit as e:
    print("SystemExit", e.code)
try:
    quit(bogus=4)
except TypeError as e:
    print(e)
print("before exit")
exit(5)
print("not reached")
