"""Keys at the interactive prompt (through a pseudo-terminal): Tab
completion from rlcompleter (site's hook sets "tab: complete"), Ctrl-C
dropping a half-typed line and an open block (KeyboardInterrupt, fresh
prompt), Ctrl-C inside input(), and Ctrl-D leaving with status 0."""

import _session

s = _session.Session()
ok = s.read_until(">>> ")
steps = [
    ("class K:\n", "... "),
    ("    alpha_one = 1; alpha_two = 2\n", "... "),
    ("\n", ">>> "),
    # One Tab completes the common part, two more list the matches.
    ("K.al\t", "K.alpha_"),
    ("\t\t", "K.alpha_"),
    ("o\t\n", ">>> "),
    ("len\t'abc')\n", ">>> "),
    ("half typed", "half typed"),
    ("\x03", ">>> "),
    ("if True:\n", "... "),
    ("    pass", "pass"),
    ("\x03", ">>> "),
    ("input('> ')\n", "> "),
    ("\x03", ">>> "),
    ("'still here'\n", ">>> "),
]
for data, prompt in steps:
    if data == "\x03":
        ok = ok and s.interrupt(prompt)
    else:
        ok = ok and s.send(data, prompt)
print("all prompts seen:", ok)
s.send("\x04", "")
s.finish()
_session.report(s)
s.close()
