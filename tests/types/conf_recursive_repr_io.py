# repr of objects whose repr recurses into themselves raises RuntimeError
# (never crashes); array('u') items outside Unicode raise ValueError.
import array
import io

raw = io.BytesIO()
t = io.TextIOWrapper(raw, encoding="utf-8")
raw.name = t
try:
    repr(t)
except RuntimeError as e:
    print('RuntimeError', e)

a = array.array('u', b'\xff\xff\xff\xff')
for f in (repr, str, lambda a: a.tounicode(), lambda a: a[0], list):
    try:
        f(a)
    except ValueError as e:
        print('ValueError', e)
print(repr(array.array('u', 'ok')))
