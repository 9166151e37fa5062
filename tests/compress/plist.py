"""plistlib: XML plists (parsed with pyexpat) and binary plists, both
directions, with every value type, and errors on invalid input."""
import datetime
import plistlib

value = {
    "int": 42, "neg": -7, "big": 2 ** 62, "float": 3.25, "true": True, "false": False,
    "str": "h\u00e9llo <&>", "bytes": b"\x00\x01binary\xff", "list": [1, "two", [3.0]],
    "date": datetime.datetime(2021, 6, 7, 8, 9, 10), "nested": {"a": {"b": {"c": []}}},
    "empty": {}, "uid": plistlib.UID(5),
}
xml_value = {k: v for k, v in value.items() if k != "uid"}

text = plistlib.dumps(xml_value)
print(text.decode())
print(plistlib.loads(text) == xml_value)
print(plistlib.dumps(xml_value, sort_keys=False)[:200])
for fmt in (plistlib.FMT_XML, plistlib.FMT_BINARY):
    data = plistlib.dumps(xml_value, fmt=fmt)
    back = plistlib.loads(data)
    print(fmt, back == xml_value, len(data), sorted(back))
binary = plistlib.dumps(value, fmt=plistlib.FMT_BINARY)
print(binary[:8], plistlib.loads(binary) == value)
print(plistlib.loads(binary, fmt=plistlib.FMT_BINARY)["uid"])
print(plistlib.loads(plistlib.dumps([1, 2], fmt=plistlib.FMT_XML), fmt=plistlib.FMT_XML))
print(plistlib.loads(b"""<?xml version="1.0" encoding="UTF-8"?>
<plist version="1.0"><dict><key>k</key><data>AAEC</data><key>d</key>
<date>2000-01-01T00:00:00Z</date><key>r</key><real>1e3</real></dict></plist>"""))

for bad in (b"<plist><dict><key>a</key></dict></plist>", b"<plist><integer>x</integer></plist>",
            b"<plist><unknown/></plist>", b"<plist><dict>", b"not a plist", b"bplist00garbage"):
    try:
        print(plistlib.loads(bad))
    except Exception as e:
        print(type(e).__name__, e)
