"""sys: the core attributes and functions."""
import sys

print(sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 11))
print(type(sys.version_info).__name__, sys.version.split()[0])
print(sys.hexversion == 0x30B02F0, sys.maxsize, sys.maxunicode, sys.byteorder, sys.platform)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig)
print(sys.int_info.bits_per_digit, sys.hash_info.modulus, sys.hash_info.algorithm)
print(sys.argv[0].endswith("sys_basics.py"), len(sys.argv))
print(sys.path[1:])
print("sys" in sys.modules, "builtins" in sys.modules, sys.modules["__main__"].__name__)
print(sys.getrecursionlimit(), sys.getdefaultencoding(), sys.getfilesystemencoding())
sys.setrecursionlimit(500)
print(sys.getrecursionlimit())
sys.setrecursionlimit(1000)
print(sys.exc_info(), sys.exception())
try:
    raise KeyError("k")
except KeyError as e:
    t, v, tb = sys.exc_info()
    print(t.__name__, v is e, sys.exception() is e)
print(sys.intern("abc") == "abc", sys.flags.optimize, sys.flags.isolated)
print(sys.stdout.encoding, sys.stdout.writable(), sys.stdin.readable())
print(sys.stdout.write("written\n"))
print("asyncio" in sys.stdlib_module_names, "builtins" in sys.builtin_module_names)
try:
    sys.exit(4)
except SystemExit as e:
    print("exit code", e.code)
try:
    sys.exit()
except SystemExit as e:
    print("exit code", e.code, e.args)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(e)
print(sys.implementation.cache_tag.endswith("-311"))
sys.stdout.flush()
sys.exit(3)
