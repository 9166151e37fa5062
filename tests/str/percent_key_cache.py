# '%(key)s' % dict: keys cached per (format, position) must behave exactly
# like fresh keys: changing dicts, missing keys, subclasses, unicode keys.
class D(dict):
    def __getitem__(self, k):
        print("getitem", ascii(k), type(k).__name__)
        return dict.__getitem__(self, k)

class M:
    def __getitem__(self, k):
        return "m[%s]" % k

fmt = "%(levelname)s:%(name)s:%(message)s|%(\xe9t\xe9)r|%((a))s"
d = {"levelname": "INFO", "name": "app", "message": "hi", "\xe9t\xe9": 1.5, "(a)": "paren"}
for i in range(5):
    d["message"] = "msg %d" % i
    print(fmt % d)
print(fmt % D(d))
print(fmt % M())
del d["name"]
for i in range(3):
    try:
        print(fmt % d)
    except KeyError as e:
        print("KeyError", e)
d["name"] = "back"
print(fmt % d)
# many formats: cache slots are reused and overwritten
for i in range(300):
    f = "%(k" + str(i % 37) + ")s-" + "x" * (i % 5) + "%(k" + str(i % 11) + ")d"
    print(f % {"k" + str(j): j for j in range(40)})
class K(str):
    pass
fk = K("%(a)s %(b)s")
print(fk % {"a": 1, "b": 2}, fk % {"a": 3, "b": 4})
print(b"%(a)s" % {b"a": b"bytes"})
