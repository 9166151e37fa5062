"""xml.etree.ElementTree (the pure-Python path) over pyexpat: fromstring,
parse, iterparse with every event, XMLPullParser, tostring with
namespaces, and ParseError positions."""
import io
import xml.etree.ElementTree as ET

SRC = b"""<?xml version="1.0"?>
<!DOCTYPE feed [<!ENTITY brand "Kiln">]>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:m="urn:meta">
  <title type="text">Hello &brand;</title>
  <?pi data?>
  <!-- note -->
  <entry m:id="1"><name>a &amp; b</name><m:size>3</m:size></entry>
  <entry m:id="2"><name>c</name></entry>
</feed>"""

root = ET.fromstring(SRC)
print(root.tag, root.attrib, len(root))
for el in root.iter():
    print(repr(el.tag), el.attrib, repr(el.text), repr(el.tail))
print(ET.tostring(root))
print(ET.tostring(root, encoding="unicode", method="text"))
ns = {"a": "http://www.w3.org/2005/Atom", "m": "urn:meta"}
print([e.get("{urn:meta}id") for e in root.findall("a:entry", ns)],
      root.find("a:entry/m:size", ns).text)

tree = ET.parse(io.BytesIO(SRC))
print(tree.getroot().tag)
for event, item in ET.iterparse(io.BytesIO(SRC), events=("start", "end", "start-ns", "end-ns",
                                                            "comment", "pi")):
    if event in ("start", "end"):
        print(event, item.tag)
    elif event in ("comment", "pi"):
        print(event, item.tag.__name__, item.text)
    else:
        print(event, item)

p = ET.XMLPullParser(events=("start", "end"))
for chunk in (b"<r><a>1</a>", b"<b x='y'>2", b"</b></r>"):
    p.feed(chunk)
    print([(e, el.tag) for e, el in p.read_events()])
p.close()

tb = ET.TreeBuilder()
parser = ET.XMLParser(target=tb)
parser.feed("<x><y>z</y></x>")
print(ET.tostring(parser.close()))

class Target:
    def __init__(self):
        self.log = []
    def start(self, tag, attrib):
        self.log.append(("start", tag, attrib))
    def end(self, tag):
        self.log.append(("end", tag))
    def data(self, data):
        self.log.append(("data", data))
    def comment(self, text):
        self.log.append(("comment", text))
    def pi(self, target, data):
        self.log.append(("pi", target, data))
    def doctype(self, name, pubid, system):
        self.log.append(("doctype", name, pubid, system))
    def close(self):
        return self.log
parser = ET.XMLParser(target=Target())
parser.feed(b'<!DOCTYPE r PUBLIC "-//P//X" "r.dtd"><r a="1"><!--c--><?p d?>t</r>')
for entry in parser.close():
    print(entry)

e = ET.Element("{urn:x}root", {"{urn:y}attr": "v"})
ET.SubElement(e, "{urn:x}child").text = "<&>"
print(ET.tostring(e))
ET.register_namespace("xx", "urn:x")
print(ET.tostring(e, xml_declaration=True, encoding="utf-8"))
ET.indent(e)
print(ET.tostring(e, encoding="unicode"))

for bad in (b"<a>", b"<a></b>", b"<a>\n<b>\n</a>", b"", b"<a/>junk", b"<a>&x;</a>"):
    try:
        ET.fromstring(bad)
    except ET.ParseError as err:
        print(repr(bad), err, err.code, err.position)
