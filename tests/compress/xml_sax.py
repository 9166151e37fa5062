"""xml.sax over pyexpat (xml.sax.expatreader): handler events with and
without namespaces, attributes, locator positions, errors."""
import io
import xml.sax
from xml.sax.handler import ContentHandler, feature_namespaces


class Log(ContentHandler):
    def setDocumentLocator(self, locator):
        self.locator = locator

    def startDocument(self):
        print("startDocument")

    def endDocument(self):
        print("endDocument")

    def startElement(self, name, attrs):
        print("start", name, sorted(attrs.items()), self.locator.getLineNumber(),
              self.locator.getColumnNumber())

    def endElement(self, name):
        print("end", name)

    def startElementNS(self, name, qname, attrs):
        print("startNS", name, qname, sorted(attrs.items()))

    def endElementNS(self, name, qname):
        print("endNS", name, qname)

    def startPrefixMapping(self, prefix, uri):
        print("prefix", prefix, uri)

    def endPrefixMapping(self, prefix):
        print("endprefix", prefix)

    def characters(self, content):
        print("chars", repr(content))

    def processingInstruction(self, target, data):
        print("pi", target, data)


DOC = b"""<?xml version="1.0"?>
<root xmlns:p="urn:p" a="1">
  <p:child p:b="2">text &amp; more</p:child>
  <?go now?>
</root>"""

xml.sax.parseString(DOC, Log())
parser = xml.sax.make_parser()
parser.setFeature(feature_namespaces, True)
parser.setContentHandler(Log())
parser.parse(io.BytesIO(DOC))
try:
    xml.sax.parseString(b"<a>\n<b></a>", Log())
except xml.sax.SAXParseException as e:
    print("error", e.getMessage(), e.getLineNumber(), e.getColumnNumber())
