"""pyexpat: handler order and arguments (namespaces, DTD declarations,
CDATA, PIs, comments), attribute flags, interning, buffering, ParseFile,
external entities, positions, and ExpatError for malformed documents."""
import io
import pyexpat
import sys
from xml.parsers import expat

HANDLERS = [n for n in dir(pyexpat.XMLParserType) if n.endswith(("Handler", "HandlerExpand"))]
print(HANDLERS)
print(pyexpat.version_info >= (2, 0, 0), pyexpat.native_encoding, pyexpat.EXPAT_VERSION.startswith("expat_"))
print(sorted(dict(pyexpat.features)))
print(pyexpat.errors.XML_ERROR_SYNTAX, pyexpat.errors.codes["syntax error"],
      pyexpat.errors.messages[2], len(pyexpat.errors.codes))
print(sorted(n for n in dir(pyexpat.model) if n.startswith("XML")))
print(sys.modules["pyexpat.errors"] is pyexpat.errors, sys.modules["pyexpat.model"] is pyexpat.model)
print(expat.ExpatError.__module__, expat.ExpatError.__name__, expat.error is expat.ExpatError)
print(pyexpat.XML_PARAM_ENTITY_PARSING_NEVER, pyexpat.XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE,
      pyexpat.XML_PARAM_ENTITY_PARSING_ALWAYS)
print([pyexpat.ErrorString(i) for i in (0, 1, 4, 9, 43, 1000)])


def recorder(parser, events, skip=()):
    for name in HANDLERS:
        if name in skip:
            continue
        def handler(*args, _name=name):
            events.append((_name,) + args)
            if _name in ("ExternalEntityRefHandler", "NotStandaloneHandler"):
                return 1
        setattr(parser, name, handler)


DOC = b"""<?xml version="1.0" encoding="utf-8" standalone="no"?>
<!DOCTYPE root PUBLIC "-//T//DTD T//EN" "t.dtd" [
  <!ELEMENT root (item*, (a|b)+, c?)>
  <!ELEMENT item (#PCDATA|em)*>
  <!ELEMENT c EMPTY>
  <!ELEMENT any ANY>
  <!ATTLIST item id ID #REQUIRED kind (x|y) "x" note CDATA #IMPLIED>
  <!ENTITY greet "hello &amp; welcome">
  <!ENTITY ext SYSTEM "ext.xml">
  <!ENTITY pic SYSTEM "pic.gif" NDATA gif>
  <!NOTATION gif PUBLIC "image/gif">
  <!ENTITY % pe "ignored">
]>
<!-- a comment -->
<?target some data?>
<root xmlns="urn:default" xmlns:p="urn:p" p:attr="v">
  <item id="i1">&greet; text<em>emph</em></item>
  <p:item id="i2" kind="y"><![CDATA[<raw> & stuff]]></p:item>
  &ext;
  <c/>
</root>
"""

for sep in (None, " ", "|"):
    for prefixes in (False, True):
        p = pyexpat.ParserCreate(namespace_separator=sep)
        p.namespace_prefixes = prefixes
        events = []
        recorder(p, events, skip=("DefaultHandler", "DefaultHandlerExpand"))
        p.SetParamEntityParsing(pyexpat.XML_PARAM_ENTITY_PARSING_NEVER)
        print("--- separator", repr(sep), "prefixes", prefixes, "->", p.Parse(DOC, True))
        for e in events:
            if e[0] == "ExternalEntityRefHandler":
                # expat orders the namespace bindings by a salted hash
                parts = e[1].split("\x0c")
                e = (e[0], sorted(parts[:-1]), parts[-1]) + e[2:]
            print(e)

# The Default handlers see what has no other handler.
for which in ("DefaultHandler", "DefaultHandlerExpand"):
    p = pyexpat.ParserCreate()
    events = []
    setattr(p, which, lambda s: events.append(s))
    p.StartElementHandler = lambda n, a: events.append(("start", n))
    p.Parse(b'<!DOCTYPE r [<!ENTITY e "ent">]><r a="1">x&e;<!--c--></r>', True)
    print(which, events)

# Attribute shapes.
XML = b'<!DOCTYPE r [<!ATTLIST r d CDATA "dflt">]><r b="2" a="1" c="3"/>'
for ordered in (False, True):
    for specified in (False, True):
        p = pyexpat.ParserCreate()
        p.ordered_attributes = ordered
        p.specified_attributes = specified
        p.StartElementHandler = lambda n, a: print(ordered, specified, n, a)
        p.Parse(XML, True)
        print(p.ordered_attributes, p.specified_attributes)

# Interning: names are shared through the intern dict.
p = pyexpat.ParserCreate()
names = []
p.StartElementHandler = lambda n, a: names.append(n)
p.Parse(b"<a><b/><b/><a/></a>", True)
print(names, names[1] is names[2], sorted(p.intern))
p = pyexpat.ParserCreate(intern=None)
print(p.intern)
shared = {}
p = pyexpat.ParserCreate(intern=shared)
p.StartElementHandler = lambda n, a: None
p.Parse(b"<x y='1'/>", True)
print(sorted(shared), p.intern is shared)

# Character data: unbuffered pieces vs. buffer_text.
for buffered in (False, True):
    p = pyexpat.ParserCreate()
    p.buffer_text = buffered
    pieces = []
    p.CharacterDataHandler = pieces.append
    p.Parse(b"<a>one &amp; two\nthree<![CDATA[ four ]]>five</a>", True)
    print(buffered, pieces, p.buffer_text, p.buffer_used)
p = pyexpat.ParserCreate()
p.buffer_size = 16
print(p.buffer_text, p.buffer_size)
pieces = []
p.CharacterDataHandler = pieces.append
p.Parse(b"<a>" + b"0123456789" * 5 + b"<b/>x</a>", True)
print(pieces)
p = pyexpat.ParserCreate()
p.buffer_text = True
pieces = []
p.CharacterDataHandler = pieces.append
p.Parse(b"<a>abc", False)
print(pieces, p.buffer_used)
p.CharacterDataHandler = lambda s: pieces.append(("new", s))
print(pieces, p.buffer_used)
p.Parse(b"def</a>", True)
print(pieces)

for value in ("x", 0, -5, 2 ** 40, 1.5):
    p = pyexpat.ParserCreate()
    try:
        p.buffer_size = value
        print("buffer_size", value, p.buffer_size)
    except Exception as e:
        print("buffer_size", value, type(e).__name__, e)
for attr in ("buffer_text", "buffer_size", "ordered_attributes", "StartElementHandler"):
    try:
        delattr(pyexpat.ParserCreate(), attr)
    except Exception as e:
        print("del", attr, type(e).__name__, e)

# Incremental parsing, positions and GetInputContext.
p = pyexpat.ParserCreate()
trace = []
def start(name, attrs):
    trace.append((name, p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex,
                  p.GetInputContext()[:12]))
p.StartElementHandler = start
for chunk in (b"<doc>\n  <a x='1'>", b"</a>\n  <b>", b"text</b>\n", b"</doc>"):
    print(p.Parse(chunk, False), end=" ")
print(p.Parse(b"", True), trace, p.GetInputContext())

# str input, other encodings, and encodings expat does not know itself.
for data, enc in (("<a>caf\u00e9 \u20ac</a>", None),
                  ("<?xml version='1.0' encoding='iso-8859-1'?><a>caf\u00e9</a>".encode("latin-1"), None),
                  ("<a>\u00e9\u0161</a>".encode("utf-16"), None),
                  (b"<?xml version='1.0' encoding='cp1252'?><a>\x80\x92</a>", None),
                  (b"<?xml version='1.0' encoding='iso-8859-2'?><a>\xb9</a>", None),
                  ("<a>\u00e9</a>".encode("latin-1"), "iso-8859-1"),
                  (b"<?xml version='1.0' encoding='no-such-codec'?><a/>", None),
                  (b"<?xml version='1.0' encoding='utf-7'?><a/>", None)):
    p = pyexpat.ParserCreate(enc)
    out = []
    p.CharacterDataHandler = out.append
    try:
        p.Parse(data, True)
        print("text", out)
    except Exception as e:
        print("text", type(e).__name__, e)

# ParseFile reads bytes in chunks; bad readers are refused.
p = pyexpat.ParserCreate()
count = []
p.StartElementHandler = lambda n, a: count.append(n)
print(p.ParseFile(io.BytesIO(b"<r>" + b"<i/>" * 3000 + b"</r>")), len(count))
for bad in (io.StringIO("<a/>"), object()):
    try:
        pyexpat.ParserCreate().ParseFile(bad)
    except Exception as e:
        print("ParseFile", type(e).__name__, e)
class Greedy:
    def read(self, n):
        return b"<a>" + b" " * (n + 10)
try:
    pyexpat.ParserCreate().ParseFile(Greedy())
except Exception as e:
    print("ParseFile", type(e).__name__, e)

# Base, external entities through a child parser, foreign DTD.
p = pyexpat.ParserCreate()
print(p.GetBase())
p.SetBase("http://example.com/dir/")
print(p.GetBase())
got = []
def ext_ref(context, base, sysid, pubid):
    got.append((context, base, sysid, pubid))
    child = p.ExternalEntityParserCreate(context)
    child.CharacterDataHandler = lambda s: got.append(("child", s))
    child.StartElementHandler = lambda n, a: got.append(("child-start", n))
    print("child", child.GetBase(), child.buffer_text, child.ordered_attributes)
    return child.Parse(b"<inner>from ext</inner>", True)
p.ExternalEntityRefHandler = ext_ref
p.StartElementHandler = lambda n, a: got.append(("start", n))
p.SetParamEntityParsing(pyexpat.XML_PARAM_ENTITY_PARSING_ALWAYS)
p.Parse(b'<!DOCTYPE r [<!ENTITY e SYSTEM "e.xml">]><r>&e;</r>', True)
print(got)
p = pyexpat.ParserCreate()
seen = []
p.ExternalEntityRefHandler = lambda *a: seen.append(a) or 1
p.UseForeignDTD()
p.Parse(b"<r/>", True)
print("foreign", seen)
p = pyexpat.ParserCreate()
p.Parse(b"<r>", False)
try:
    p.UseForeignDTD(False)
except expat.ExpatError as e:
    print("foreign late", e.code, e)
p = pyexpat.ParserCreate()
p.ExternalEntityRefHandler = lambda *a: 0
try:
    p.Parse(b'<!DOCTYPE r [<!ENTITY e SYSTEM "e.xml">]><r>&e;</r>', True)
except expat.ExpatError as e:
    print("refused", e.code, e)
p = pyexpat.ParserCreate()
p.NotStandaloneHandler = lambda: 0
try:
    p.Parse(b'<?xml version="1.0" standalone="no"?><!DOCTYPE r SYSTEM "x"><r/>', True)
except expat.ExpatError as e:
    print("not standalone", e.code, e)

# A handler that raises: the exception comes out of Parse and every
# handler is dropped.
p = pyexpat.ParserCreate()
def boom(name, attrs):
    if name == "b":
        raise KeyError(name)
p.StartElementHandler = boom
p.EndElementHandler = print
try:
    p.Parse(b"<a><b/></a>", True)
except KeyError as e:
    print("raised", repr(e), p.StartElementHandler, p.EndElementHandler)
p = pyexpat.ParserCreate()
p.CharacterDataHandler = lambda s: 1 / 0
try:
    p.Parse(b"<a>x</a>", True)
except ZeroDivisionError as e:
    print("raised", e)

# Malformed documents: messages, codes and positions.
BAD = [b"", b"<a>", b"<a></b>", b"<a><b></a>", b"<a x='1' x='2'/>", b"<a>&nope;</a>",
       b"<a/><b/>", b"<a>\n\n  <b attr=noquote/></a>", b"<a>&#0;</a>", b"<?xml version='1.0'?>\n<?xml?><a/>",
       b"<p:a/>", b"<a xmlns:p=''/>", b"<a>\xff</a>", b"<a><![CDATA[x</a>", b"  \n<a>\n<b>\n</a>"]
for doc in BAD:
    p = pyexpat.ParserCreate(namespace_separator=" " if b"p:" in doc or b"xmlns" in doc else None)
    try:
        p.Parse(doc, True)
        print("ok?", doc)
    except expat.ExpatError as e:
        print(repr(doc[:20]), "|", e, "|", e.code, e.lineno, e.offset, "|",
              p.ErrorCode, p.ErrorLineNumber, p.ErrorColumnNumber, p.ErrorByteIndex,
              expat.errors.messages[e.code] == expat.ErrorString(e.code))
p = pyexpat.ParserCreate()
p.Parse(b"<a/>", True)
try:
    p.Parse(b"<b/>", True)
except expat.ExpatError as e:
    print("after final", e.code, e)

# Argument errors.
for call in (lambda: pyexpat.ParserCreate(namespace_separator="ab"),
             lambda: pyexpat.ParserCreate(intern=[]),
             lambda: pyexpat.ParserCreate(encoding=5),
             lambda: pyexpat.ParserCreate(1, 2, 3, 4),
             lambda: pyexpat.ParserCreate(bogus=1),
             lambda: pyexpat.ParserCreate().Parse(),
             lambda: pyexpat.ParserCreate().Parse(5),
             lambda: pyexpat.ParserCreate().SetBase(5),
             lambda: pyexpat.ParserCreate().ExternalEntityParserCreate(5),
             lambda: pyexpat.XMLParserType(),
             lambda: pyexpat.ErrorString("x")):
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
p = pyexpat.ParserCreate(namespace_separator="")
p.StartElementHandler = lambda n, a: print("empty sep", repr(n))
p.Parse(b"<a xmlns='urn:u'/>", True)
p = pyexpat.ParserCreate()
for call in (lambda: p.Parse(b"", 1, 2), lambda: p.Parse(data=b""), lambda: p.Parse(b"", isfinal=1),
             lambda: p.ExternalEntityParserCreate(), lambda: p.ExternalEntityParserCreate(None, "x", 3),
             lambda: p.UseForeignDTD(1, 2), lambda: p.UseForeignDTD(flag=1), lambda: p.ParseFile(),
             lambda: p.ParseFile(b"", x=1), lambda: p.ParseFile(x=1), lambda: p.SetParamEntityParsing("x"),
             lambda: p.SetParamEntityParsing(), lambda: p.GetBase(1),
             lambda: pyexpat.ParserCreate(namespace_separator=5), lambda: pyexpat.ParserCreate("a\0b"),
             lambda: p.SetBase("a\0b"), lambda: p.SetBase(None), lambda: p.ExternalEntityParserCreate(None, 5),
             lambda: pyexpat.ParserCreate(encoding="utf-16").Parse("<a/>", True)):
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)

# A parser is good for one document; ParseFile after the end reports it.
p = pyexpat.ParserCreate()
p.ParseFile(io.BytesIO(b"<a/>"))
try:
    p.ParseFile(io.BytesIO(b"<a/>"))
except expat.ExpatError as e:
    print("parse again", e.code, e)

# Content models nest as deep as the document: RecursionError, no crash.
N = 100000
p = pyexpat.ParserCreate()
p.ElementDeclHandler = lambda name, model: None
try:
    p.Parse(b"<!DOCTYPE r [<!ELEMENT r " + b"(a, " * N + b"a" + b")" * N + b">]><r/>", True)
except RecursionError as e:
    print("deep model", type(e).__name__)
p = pyexpat.ParserCreate()
models = []
p.ElementDeclHandler = lambda name, model: models.append((name, model))
p.Parse(b"<!DOCTYPE r [<!ELEMENT r ((a|b)*, c+, (d, e?))><!ELEMENT a (#PCDATA)>"
        b"<!ELEMENT b (#PCDATA|a)*><!ELEMENT c EMPTY><!ELEMENT d ANY>]><r/>", True)
for m in models:
    print(m)

# Handlers that change buffering or themselves in the middle of a parse.
p = pyexpat.ParserCreate()
p.buffer_text = True
p.buffer_size = 4
out = []
def se(n, a):
    out.append(n)
    p.buffer_text = False
p.StartElementHandler = se
p.CharacterDataHandler = out.append
p.Parse(b"<a>ab<b/>defghij&amp;klm</a>", True)
print(out, p.buffer_text)
p = pyexpat.ParserCreate()
p.buffer_text = True
p.buffer_size = 4
out = []
def ch2(s):
    out.append(s)
    p.CharacterDataHandler = None
p.CharacterDataHandler = ch2
p.StartElementHandler = lambda n, a: out.append(n)
p.Parse(b"<a>abcdef<b/>ghi</a>", True)
print(out)
p = pyexpat.ParserCreate()
def se2(n, a):
    out.append(n)
    p.StartElementHandler = None
    p.buffer_size = 3
p.StartElementHandler = se2
p.CharacterDataHandler = out.append
out = []
p.Parse(b"<a>abcdefg<b>xy</b></a>", True)
print(out)
