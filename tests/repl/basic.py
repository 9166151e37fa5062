"""The interactive prompt on a terminal, driven through a pseudo-terminal:
statements, an expression's value, a block with continuation lines, a
traceback, an arrow-key history recall (readline, enabled by site's
sys.__interactivehook__), input() through readline, sys.ps1, exit()."""

import _session

s = _session.Session()
ok = s.read_until(">>> ")
steps = [
    ("x = 6 * 7\n", ">>> "),
    ("x\n", ">>> "),
    ("for i in range(2):\n", "... "),
    ("    print(i, x)\n", "... "),
    ("\n", ">>> "),
    ("1/0\n", ">>> "),
    # Up arrow four times: "x" again (the empty line is not remembered).
    ("\x1b[A\x1b[A\x1b[A\x1b[A\n", ">>> "),
    ("name = input('name? ')\n", "name? "),
    ("kiln\n", ">>> "),
    ("name, len(name)\n", ">>> "),
    ("import sys; sys.ps1 = 'py> '\n", "py> "),
    ("[\n", "... "),
    ("1, 2]\n", "py> "),
    ("def f():\n", "... "),
    ("    return undefined\n", "... "),
    ("\n", "py> "),
    ("f()\n", "py> "),
]
for data, prompt in steps:
    ok = ok and s.send(data, prompt)
print("all prompts seen:", ok)
s.send("exit()\n", "")
s.finish()
_session.report(s)
print("history file:", s.history())
s.close()
