# python -m venv makes an environment whose interpreter (a symlink to this
# one) finds pyvenv.cfg: sys.prefix is the venv, its site-packages is on
# sys.path, sys.base_prefix is the installation's.
import os, subprocess, sys, tempfile
with tempfile.TemporaryDirectory() as d:
    env = os.path.join(d, "env")
    r = subprocess.run([sys.executable, "-m", "venv", "--without-pip", env],
                       capture_output=True, text=True)
    print("venv exit", r.returncode, r.stderr.strip()[-200:])
    py = os.path.join(env, "bin", "python")
    print(os.path.islink(py), sorted(os.listdir(os.path.join(env, "bin")))[:4])
    code = ("import sys, os; e = os.environ['ENVDIR']; "
            "print(sys.prefix == e, sys.exec_prefix == e, sys.base_prefix, "
            "sys.executable == os.path.join(e, 'bin', 'python'), "
            "os.path.join(e, 'lib', 'python3.11', 'site-packages') in sys.path)")
    out = subprocess.run([py, "-c", code], capture_output=True, text=True,
                         env=dict(os.environ, ENVDIR=env))
    print(out.stdout.strip(), out.returncode)
