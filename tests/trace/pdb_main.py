"""`python -m pdb script` (pdb.main, run in this process with sys.argv and
sys.stdin replaced): a breakpoint on a function, continue, where, p,
return, next, quit.  pdb.main runs the script in __main__'s namespace
(clearing this module's globals), so everything here lives in run()."""


def run():
    import io
    import os
    import pdb
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        script = os.path.join(tmp, "prog.py")
        with open(script, "w") as f:
            f.write("def f(x):\n    y = x * 2\n    return y + 1\n\nprint(f(2))\nprint('done')\n")
        saved = sys.argv[:], sys.stdin, sys.stdout, sys.path[0]
        sys.argv = ["pdb", script]
        sys.stdin = io.StringIO("b f\nc\nwhere\np x\nn\np y\nr\nn\nn\nq\n")
        out = sys.stdout = io.StringIO()
        try:
            pdb.main()
        finally:
            sys.argv, sys.stdin, sys.stdout, sys.path[0] = saved
            sys.settrace(None)
        print(out.getvalue().replace(script, "PROG"))


run()
