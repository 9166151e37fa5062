"""Parse a web-server log with re, aggregate with collections, report with logging."""
import collections
import logging
import re
import io

LOG = """\
127.0.0.1 - - [10/Oct/2023:13:55:36 +0000] "GET /index.html HTTP/1.1" 200 2326
10.0.0.2 - bob [10/Oct/2023:13:56:01 +0000] "POST /api/login HTTP/1.1" 302 0
10.0.0.2 - bob [10/Oct/2023:13:56:03 +0000] "GET /dashboard HTTP/1.1" 200 10422
192.168.1.9 - - [10/Oct/2023:13:57:12 +0000] "GET /missing HTTP/1.1" 404 512
127.0.0.1 - - [10/Oct/2023:13:58:40 +0000] "GET /index.html HTTP/1.1" 304 0
garbage line here
10.0.0.3 - alice [10/Oct/2023:14:01:00 +0000] "DELETE /api/item/7 HTTP/1.1" 500 89
"""

PAT = re.compile(r'(?P<ip>\d+(?:\.\d+){3}) - (?P<user>\S+) \[(?P<ts>[^\]]+)\] '
                 r'"(?P<method>[A-Z]+) (?P<path>\S+) HTTP/(?P<ver>[\d.]+)" (?P<status>\d{3}) (?P<size>\d+)')

stream = io.StringIO()
handler = logging.StreamHandler(stream)
handler.setFormatter(logging.Formatter("%(levelname)-8s %(name)s: %(message)s"))
log = logging.getLogger("analyzer")
log.addHandler(handler)
log.setLevel(logging.DEBUG)
child = log.getChild("parse")

hits = collections.Counter()
bytes_by_ip = collections.defaultdict(int)
status_classes = collections.OrderedDict()
Req = collections.namedtuple("Req", "ip user method path status size")
reqs = collections.deque(maxlen=3)

for n, line in enumerate(LOG.splitlines(), 1):
    m = PAT.match(line)
    if not m:
        child.warning("line %d unparsable: %r", n, line)
        continue
    r = Req(m["ip"], None if m["user"] == "-" else m["user"], m["method"], m["path"],
            int(m["status"]), int(m["size"]))
    reqs.append(r)
    hits[r.path] += 1
    bytes_by_ip[r.ip] += r.size
    status_classes.setdefault(f"{r.status // 100}xx", []).append(r.status)
    if r.status >= 500:
        log.error("server error on %s %s", r.method, r.path)
    elif r.status >= 400:
        log.info("client error %d for %s", r.status, r.path)
    else:
        log.debug("ok %s", r.path)

print(hits.most_common(2))
print(sorted(bytes_by_ip.items(), key=lambda kv: (-kv[1], kv[0])))
print(dict(status_classes))
print(list(reqs))
print(reqs[-1]._asdict(), reqs[0]._replace(size=1))
chain = collections.ChainMap({"a": 1}, {"a": 2, "b": 3})
print(chain["a"], chain["b"], len(chain), chain.new_child({"c": 4}).maps)
print(re.sub(r"(\d+)\.(\d+)", lambda m: m[2] + "." + m[1], "1.2 and 33.44"))
print(re.findall(r"\b\w{5}\b", LOG), re.split(r"[\s/]+", "a b/c  d")[:4])
print(stream.getvalue())
