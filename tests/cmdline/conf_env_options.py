"""Start-up options from the environment, as CPython 3.11: sys.warnoptions
(-X dev / PYTHONDEVMODE's 'default', PYTHONWARNINGS, -W, then -b/-bb; -E
ignores the environment) and the PYTHON* flags in sys.flags."""
import os
import subprocess
import sys

CODE = "import sys; print(sys.warnoptions, sys.flags.dev_mode)"


def run(*args, **env):
    full = dict(os.environ)
    for k in ("PYTHONWARNINGS", "PYTHONDEVMODE"):
        full.pop(k, None)
    full.update(env)
    p = subprocess.run([sys.executable, *args, "-c", CODE], env=full, capture_output=True,
                       text=True)
    print(p.returncode, p.stdout.strip(), p.stderr.strip().splitlines()[-1:])


run()
run("-b")
run("-bb")
run("-X", "dev")
run("-Werror", "-X", "dev", "-bb")
run(PYTHONWARNINGS="ignore::DeprecationWarning,,ignore::UnicodeWarning")
run("-Wignore::UnicodeWarning", PYTHONWARNINGS="ignore::DeprecationWarning")
run("-E", PYTHONWARNINGS="ignore::DeprecationWarning", PYTHONDEVMODE="1")
run(PYTHONDEVMODE="1")
run(PYTHONDEVMODE="")

# PYTHONDEBUG / PYTHONOPTIMIZE / PYTHONDONTWRITEBYTECODE / PYTHONVERBOSE
FLAGS = ("import sys; f = sys.flags; "
         "print(f.debug, f.optimize, f.verbose, f.dont_write_bytecode)")
for value in ("", "1", "text", "2"):
    env = dict(os.environ, PYTHONDEBUG=value, PYTHONOPTIMIZE=value,
               PYTHONDONTWRITEBYTECODE=value, PYTHONVERBOSE=value)
    p = subprocess.run([sys.executable, "-c", FLAGS], env=env, capture_output=True, text=True)
    print(repr(value), p.returncode, p.stdout.strip())
