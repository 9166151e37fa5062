"""subprocess: run, pipes, return codes, timeouts, env, Popen.communicate."""
import os
import subprocess
import sys

r = subprocess.run(["echo", "hello world"], capture_output=True, text=True)
print(r.returncode, repr(r.stdout))
r = subprocess.run("printf 'a\\nb\\n' | wc -l", shell=True, stdout=subprocess.PIPE)
print(r.stdout.strip())
r = subprocess.run(["sh", "-c", "echo err >&2; exit 3"], capture_output=True)
print(r.returncode, r.stderr)
try:
    subprocess.run(["sh", "-c", "exit 2"], check=True)
except subprocess.CalledProcessError as e:
    print("CalledProcessError", e.returncode, e)
try:
    subprocess.run(["sleep", "5"], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired", e.cmd)
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, _ = p.communicate(b"x" * 100000)
print(len(out), p.returncode)
env = dict(os.environ, KILN_DEMO="42")
print(subprocess.check_output(["sh", "-c", "echo $KILN_DEMO"], env=env).decode().strip())
print(subprocess.getoutput("echo one; echo two"))
print(subprocess.call(["true"]), subprocess.call(["false"]))
try:
    subprocess.run(["/nonexistent/prog"])
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.filename)
child = subprocess.run([sys.executable, "-c", "import sys; print(sys.argv[1:]); sys.exit(7)", "a", "b"],
                       capture_output=True, text=True)
print(child.returncode, child.stdout.strip())
with subprocess.Popen(["sh", "-c", "read x; echo got $x"], stdin=subprocess.PIPE,
                      stdout=subprocess.PIPE, text=True) as p:
    print(p.communicate("line\n")[0].strip())
