"""`python -m`: packages with __main__, modules, argv, exit status, unknown
modules; run through subprocess with sys.executable (the interpreter under
test)."""
import os
import subprocess
import sys
import tempfile

with tempfile.TemporaryDirectory() as d:
    os.mkdir(os.path.join(d, "pkg"))
    with open(os.path.join(d, "pkg", "__init__.py"), "w") as f:
        f.write("")
    with open(os.path.join(d, "pkg", "__main__.py"), "w") as f:
        f.write("import sys\nprint('pkg main', sys.argv[1:], __name__)\n")
    with open(os.path.join(d, "m1.py"), "w") as f:
        f.write("import sys\nprint('m1', __name__, sys.argv[0].endswith('m1.py'), sys.argv[1:])\n"
                "raise SystemExit(3)\n")

    def run(*args, stdin=None):
        p = subprocess.run([sys.executable, *args], cwd=d, input=stdin, capture_output=True,
                           text=True)
        err = p.stderr.strip().splitlines()
        print(p.returncode, repr(p.stdout), repr(err[-1].split(": ", 1)[-1] if err else ""))

    run("-m", "pkg", "a", "b")
    run("-m", "m1", "x")
    run("-m", "nosuch")
    run("-m", "json.tool", stdin='{"a": [1, 2]}')
