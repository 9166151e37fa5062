"""xml.dom.minidom over pyexpat: parse / parseString, toxml,
toprettyxml, namespaces, DOCTYPE and entities, and errors."""
import io
import xml.dom.minidom as minidom
from xml.parsers.expat import ExpatError

SRC = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE catalog [
  <!ENTITY company "ACME &amp; Sons">
  <!ATTLIST book lang CDATA "en">
]>
<catalog xmlns="urn:books" xmlns:x="urn:extra">
  <!-- first -->
  <book id="b1" x:rating="5">
    <title>Parsing &company;</title>
    <price currency="EUR">12.50</price>
    <note><![CDATA[<b>bold</b> & raw]]></note>
  </book>
  <book id="b2" lang="fr"><title>Caf\u00e9</title><?render fast?></book>
  <empty/>
</catalog>
"""

doc = minidom.parseString(SRC.encode("utf-8"))
print(doc.toxml())
print(doc.documentElement.tagName, doc.documentElement.namespaceURI)
for b in doc.getElementsByTagName("book"):
    print(b.getAttribute("id"), b.getAttribute("lang"), b.getAttributeNS("urn:extra", "rating"),
          [t.firstChild.data for t in b.getElementsByTagName("title")])
print(doc.doctype.name, sorted(doc.doctype.entities.keys()) if doc.doctype.entities else None)
print(doc.toprettyxml(indent="  ")[:400])
doc2 = minidom.parse(io.BytesIO(b"<a><b x='1'>t</b>tail<c/></a>"))
b = doc2.getElementsByTagName("b")[0]
b.setAttribute("y", "2")
b.appendChild(doc2.createTextNode(" & more"))
doc2.documentElement.appendChild(doc2.createComment("added"))
print(doc2.toxml(), doc2.documentElement.childNodes.length)
print(minidom.parseString("<r>\u20ac</r>").documentElement.firstChild.data)
print(doc2.toxml(encoding="utf-8"))
for bad in ("<a>", "<a></b>", "<a x='1' x='1'/>", "text", "<a>&undefined;</a>"):
    try:
        minidom.parseString(bad)
    except ExpatError as e:
        print(repr(bad), e, e.code, e.lineno, e.offset)
