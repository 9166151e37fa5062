"""The readline module without a terminal: history list and files,
completion settings, hooks, argument errors (CPython 3.11's messages)."""

import os
import readline
import tempfile

print(sorted(n for n in dir(readline) if not n.startswith("__")))
print(type(readline._READLINE_VERSION), type(readline._READLINE_RUNTIME_VERSION),
      type(readline._READLINE_LIBRARY_VERSION))
print(readline._READLINE_VERSION == readline._READLINE_RUNTIME_VERSION)
print("libedit" in (readline.__doc__ or ""))

readline.clear_history()
print(readline.get_current_history_length(), readline.get_history_item(1))
for line in ["first", "second", "third"]:
    readline.add_history(line)
print(readline.get_current_history_length(),
      [readline.get_history_item(i) for i in range(0, 5)])
readline.replace_history_item(1, "SECOND")
readline.remove_history_item(0)
print([readline.get_history_item(i) for i in range(1, 4)])
for bad in [lambda: readline.remove_history_item(99), lambda: readline.remove_history_item(-1),
            lambda: readline.replace_history_item(99, "x"), lambda: readline.replace_history_item(0, 5),
            lambda: readline.add_history(1), lambda: readline.add_history(),
            lambda: readline.get_history_item("1"), lambda: readline.set_completer(1),
            lambda: readline.set_startup_hook(1, 2), lambda: readline.parse_and_bind(b"x"),
            lambda: readline.get_line_buffer(1), lambda: readline.read_history_file("/nonexistent/h"),
            lambda: readline.set_completer_delims(None)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

print(readline.get_history_length())
d = tempfile.mkdtemp()
path = os.path.join(d, "hist")
readline.clear_history()
for i in range(5):
    readline.add_history("line %d" % i)
readline.write_history_file(path)
with open(path) as f:
    print(f.read().splitlines())
readline.set_history_length(3)
print(readline.get_history_length())
readline.write_history_file(path)
with open(path) as f:
    print(f.read().splitlines())
readline.add_history("extra")
readline.set_history_length(-1)
readline.append_history_file(1, path)
with open(path) as f:
    print(f.read().splitlines())
readline.clear_history()
readline.read_history_file(path)
print(readline.get_current_history_length(), readline.get_history_item(1))
from pathlib import Path
readline.clear_history()
readline.read_history_file(Path(path))
print(readline.get_current_history_length())
os.remove(path)
os.rmdir(d)

print(repr(readline.get_completer_delims()))
readline.set_completer_delims(" .")
print(repr(readline.get_completer_delims()))
print(readline.get_completer())
f = lambda text, state: None
readline.set_completer(f)
print(readline.get_completer() is f)
readline.set_completer()
print(readline.get_completer())
readline.set_startup_hook(lambda: None)
readline.set_startup_hook(None)
readline.set_pre_input_hook(lambda: None)
readline.set_pre_input_hook()
readline.set_completion_display_matches_hook(lambda a, b, c: None)
readline.set_completion_display_matches_hook()
print(readline.get_completion_type(), readline.get_begidx(), readline.get_endidx())
print(repr(readline.get_line_buffer()))
readline.parse_and_bind("tab: complete")
readline.set_auto_history(False)
readline.set_auto_history(True)
import rlcompleter
c = rlcompleter.Completer({"alpha": 1, "alphabet": 2})
print(c.complete("alp", 0), c.complete("alp", 1), c.complete("alp", 2))
