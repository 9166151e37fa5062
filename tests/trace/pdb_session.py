"""pdb driven non-interactively: step / next / where / p / pp / args /
list / break / continue / return / until over a small program."""
import io
import pdb


def square(v):
    r = v * v
    return r


def compute(n):
    total = 0
    for i in range(n):
        total += square(i)
    message = "total=%d" % total
    return message


commands = """\
step
next
where
p total
args
step
step
step
p v, r
return
next
break square
continue
p v
where
clear 1
until
next
next
next
list
pp {'a': [1, 2], 'b': 'x'}
continue
"""
out = io.StringIO()
debugger = pdb.Pdb(stdin=io.StringIO(commands), stdout=out, nosigint=True, readrc=False)
debugger.use_rawinput = False
result = debugger.runcall(compute, 3)
print("result:", result)
print(out.getvalue().replace(__file__, "FILE"))
