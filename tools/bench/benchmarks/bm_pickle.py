"""Pure-Python pickle: dump and load nested objects with the pickle module's
Python implementation (pickle._Pickler / pickle._Unpickler), so the
interpreter, not a C accelerator, does the work."""
import io
import pickle


class Record:
    def __init__(self, i):
        self.id = i
        self.name = "rec%d" % i
        self.values = [i, i * 2.5, str(i), (i, -i)]
        self.flags = {"a": i % 2 == 0, "b": None}


def dumps(obj, protocol):
    buf = io.BytesIO()
    pickle._Pickler(buf, protocol).dump(obj)
    return buf.getvalue()


def loads(data):
    return pickle._Unpickler(io.BytesIO(data)).load()


def bench():
    data = {"records": [Record(i) for i in range(1500)],
            "table": [[j * i for j in range(20)] for i in range(100)],
            "text": "\u00e9t\u00e9 " * 100, "big": 2 ** 200, "set": set(range(100))}
    total = 0
    for protocol in (2, 4, 5):
        blob = dumps(data, protocol)
        back = loads(blob)
        r = back["records"][7]
        total += len(back["records"]) + r.values[0] + (r.values[3] == (7, -7))
        total += (back["big"] == data["big"]) + (back["set"] == data["set"])
        total += (back["table"] == data["table"]) + (back["text"] == data["text"])
    return total


def check(result):
    return result == EXPECTED


EXPECTED = 3 * (1500 + 7 + 1 + 4)
