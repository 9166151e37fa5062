# sys.stdout / sys.stderr buffering attributes (non-interactive, with -u).
import subprocess, sys
CODE = ("import sys\n"
        "for s in (sys.stdout, sys.stderr):\n"
        "    print(s.isatty(), s.write_through, s.line_buffering)\n")
for args in ((), ('-u',)):
    p = subprocess.run([sys.executable, *args, '-c', CODE], capture_output=True, text=True)
    print(args, p.returncode, p.stdout.split('\n'))
