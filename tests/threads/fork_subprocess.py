"""subprocess.run from several threads at once; os.fork() while another
thread allocates: the child (one thread, the forking one) runs Python,
collects and starts a thread of its own."""
import subprocess, threading, os, sys, time
out = []
def run(i):
    r = subprocess.run([sys.executable, "-c", "print(%d * 2)" % i], capture_output=True, text=True)
    out.append(r.stdout.strip())
ts = [threading.Thread(target=run, args=(i,)) for i in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(out))
stop = threading.Event()
def spin():
    l = []
    while not stop.is_set():
        l.append([1] * 100)
        if len(l) > 1000: l = []
t = threading.Thread(target=spin); t.start()
pid = os.fork()
if pid == 0:
    x = [str(i) for i in range(200000)]
    import gc; gc.collect()
    th = threading.Thread(target=lambda: print("child thread ok", len(x)))
    th.start(); th.join()
    os._exit(0)
os.waitpid(pid, 0)
stop.set(); t.join()
print("parent ok")

# input() lets other threads run while it waits for a line.
code = ("import threading, time\n"
        "t = threading.Thread(target=lambda: (time.sleep(0.05), print('thread ran', flush=True)))\n"
        "t.start()\n"
        "print(input())\n"
        "t.join()\n")
p = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE, text=True)
time.sleep(0.5)
out, _ = p.communicate("a line\n")
print(out.splitlines())
