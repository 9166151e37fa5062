#!/usr/bin/env python3.11
"""Generate stdlib/tests/sre_cases.inc: regular-expression code from
python3.11's compiler (re._compiler._code) and python3.11's answers.

Run: python3.11 stdlib/tests/gen_sre_cases.py > stdlib/tests/sre_cases.inc

Each pattern gives an SrePat entry (pattern text, flags, code words,
group names); each case an SreCase: the subject, the operation
(s search, m match, f fullmatch, a findall, p split, r sub with a
literal replacement, i finditer spans), pos/endpos and the repr() of
python3.11's result ('None', or for a match (regs, lastindex, lastgroup)).
"""
import json.decoder
import json.scanner
import random
import re
import string
import textwrap
import tokenize
import email.header
import email.utils
import email._header_value_parser as hvp
from re import _compiler, _parser

rng = random.Random(1125)

F = re
PATTERNS = [
    # literals, classes, anchors
    ("abc", 0), ("a.c", 0), ("a.c", F.S), ("^abc$", 0), ("^abc$", F.M), ("abc$", 0),
    (r"\Aabc\Z", 0), (r"\bfoo\b", 0), (r"\Bfoo\B", 0), (r"\bé", 0), (r"\bé", F.A),
    ("[abc]+", 0), ("[^abc]+", 0), ("[a-z0-9_]+", 0), (r"[\d\s]+", 0), (r"\w+", 0), (r"\w+", F.A),
    (r"\W+", 0), (r"\d+", 0), (r"\D+", 0), (r"\s+", 0), (r"\S+", 0), ("[α-ω]+", 0),
    ("[\u0100-\uffff]+", 0), ("[\U00010000-\U0010ffff]+", 0), ("[^\x00-\x7f]", 0),
    ("[a-fA-F0-9]{2,4}", 0), ("[.^$*+?]", 0), (r"[\]\\-]", 0), ("[%s]" % "".join(chr(c) for c in range(0x400, 0x430, 3)), 0),
    # case-insensitive
    ("abc", F.I), ("[a-z]+", F.I), ("ǅ", F.I), ("σ+", F.I), ("[ſk]", F.I), ("ß", F.I),
    ("[^a-z]+", F.I), ("straße", F.I), (r"(a)\1", F.I), ("[a-z]+", F.I | F.A), ("K", F.I),
    ("İ", F.I), ("\u212a", F.I), ("[\U00010400-\U0001044f]+", F.I),
    # repeats
    ("a*", 0), ("a+", 0), ("a?", 0), ("a*?", 0), ("a+?", 0), ("a??", 0), ("a{2,3}", 0),
    ("a{2,3}?", 0), ("a{3}", 0), ("a{,2}b", 0), ("(ab)*", 0), ("(ab)+?c", 0), ("(a|b)*c", 0),
    ("(a|ab)(c|bcd)(d*)", 0), ("(a*)*", 0), ("(a*)+", 0), ("(a|)*b", 0), ("(?:a|b)*?b", 0),
    ("((a)|b)+", 0), ("(?:(a)|b)*", 0), ("(?:(a)|(b))*", 0),
    (".*foo", 0), (".*?foo", 0), ("(.*)(\\d+)", 0), ("(.*?)(\\d+)", 0), ("x*y*z*", 0),
    ("(a{2})*", 0), ("(a{2,}?)+b", 0), ("(?:ab){2,}?", 0),
    # possessive and atomic
    ("a*+a", 0), ("a++b", 0), ("a?+a", 0), ("(?:ab)*+ab", 0), ("(?:ab)*+c", 0),
    ("(?>a+)b", 0), ("(?>a+)a", 0), ("(?>(a)|b)+c", 0), ("(?:(a)|b)*+", 0),
    ("(?:(a)|b)++c", 0), ("x(?>a|ab)c", 0), ("(?:a{2,3}+)+", 0),
    # groups, names, backrefs, conditionals
    ("(a)(b)?(c)", 0), ("(?P<x>a)(?P<y>b)?", 0), (r"(?P<w>\w+) (?P=w)", 0), (r"(a|b)\1+", 0),
    (r"(a)?(?(1)b|c)", 0), (r"(<)?\w+(?(1)>)", 0), (r"(?P<q>')?x(?(q)')", 0),
    (r"((a)|(b))+", 0), (r"(a)|(b)", 0), (r"(?:(a)|b)(?(1)x|y)", 0),
    # lookaround
    ("a(?=b)", 0), ("a(?!b)", 0), ("(?<=a)b", 0), ("(?<!a)b", 0), (r"(?<=\d{2})x", 0),
    ("(?=(a+))a*b", 0), (r"(?<=(a))b", 0), (r"\w+(?=,)", 0), ("(?!ab)..", 0),
    (r"(?<![\w.])\d+", 0), ("(?=a)(?!ab)a", 0),
    # branches
    ("a|b|c", 0), ("ab|ac|ad", 0), ("(a|ab)c", 0), ("foo|foobar", 0), ("|a", 0), ("a||b", 0),
    ("(?:x|y|)z", 0), (r"\d+|\w+|\s+", 0),
    # multiline, dotall, verbose, inline flags
    ("^\\w+$", F.M), ("^$", F.M), ("$", 0), ("$", F.M), (".+", 0), (".+", F.S),
    ("(?i)abc", 0), ("a(?i:b)c", 0), ("(?s:.)+", 0), ("(?m)^x", 0), (r"(?x) a b # c", 0),
    ("(?a)\\w+", 0), ("(?u)\\w+", 0),
    # empty matches and zero width
    ("", 0), ("x*", 0), (r"\b", 0), ("(?=a)", 0), (r"\s*", 0),
]

BYTES_PATTERNS = [
    (b"abc", 0), (b"[a-z]+", F.I), (rb"\w+", 0), (rb"\w+", F.L), (rb"[\x80-\xff]+", 0),
    (rb"(a)(?:b|c)*\1", 0), (b"a.c", F.S), (rb"\bx\b", 0), (b"[a-z]+", F.I | F.L),
    (rb"(?<=\x00)\xff", 0), (b"k", F.I | F.L), (rb"\s+", 0), (rb"\d+(?!\d)", 0),
]

STDLIB = [
    (tokenize.PseudoToken, 0), (string.Template.pattern.pattern, string.Template.flags),
    (json.scanner.NUMBER_RE.pattern, json.scanner.NUMBER_RE.flags),
    (json.decoder.STRINGCHUNK.pattern, json.decoder.STRINGCHUNK.flags),
    (json.decoder.WHITESPACE.pattern, json.decoder.WHITESPACE.flags),
    (textwrap.TextWrapper.wordsep_re.pattern, textwrap.TextWrapper.wordsep_re.flags),
    (textwrap.TextWrapper.wordsep_simple_re.pattern, textwrap.TextWrapper.wordsep_simple_re.flags),
    (textwrap.TextWrapper.sentence_end_re.pattern, textwrap.TextWrapper.sentence_end_re.flags),
    (email.header.ecre.pattern, email.header.ecre.flags),
    (email.utils.specialsre.pattern, email.utils.specialsre.flags),
    (email.utils.escapesre.pattern, email.utils.escapesre.flags),
    (hvp.rfc2047_matcher.pattern, hvp.rfc2047_matcher.flags),
    (tokenize.Number, 0), (tokenize.String, 0), (tokenize.Funny, 0),
    (r"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)", re.ASCII),
    (r"\$(?:(?P<escaped>\$)|(?P<named>[_a-z][_a-z0-9]*)|\{(?P<braced>[_a-z][_a-z0-9]*)\}|(?P<invalid>))", re.I | re.A),
    (r"[^\s]+", 0), (r"(?:(?:\r\n)|\n|\r)", 0), (r"^(?P<key>[^=\s;,]+)\s*=\s*(?P<val>\"[^\"]*\"|[^;]*)", 0),
    (r"%\(([^)]+)\)s", 0), (r"(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d))?)?", 0),
]

SUBJECTS_COMMON = [
    "", "a", "ab", "abc", "aab", "abab", "ababc", "aaa", "aaab", "xabcx", "foo bar", "foobar",
    "ab ac ad", "a1b22c333", "  spaced  out ", "line1\nline2\n", "\n", "x\ny", "AbC", "ABC",
    "Straße STRASSE", "ǄǅǆDž", "ΣσςΣ", "ſK\u212ak", "İiIı", "α β γ ω", "日本語テキスト",
    "\U0001f600 emoji \U00010401\U00010429", "<tag> tag>", "'x'", "x", "a,b,c", "ab12 34x",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", "abcabcabc", "cab", "bbbc", "aXbXc", "a\tb\x0bc",
]

STDLIB_SUBJECTS = [
    "x = 1 + 2.5e-3  # comment\n", "def f(a, *b):\n    return 'str' \"x\"\n",
    "0x1F 0o17 0b101 1_000 3.14j", "Hello $name and ${braced} $$ $", "-12.5e+10", "0",
    "\"abc\\n\"def", "   \t\n x", "Hello world. This is a test-case of text-wrapping!  Yes.",
    "=?utf-8?q?caf=C3=A9?= and =?iso-8859-1?b?SGVsbG8=?=", "John \"Doe\" <j@x.org>",
    "# -*- coding: latin-1 -*-", "key = \"value\"; other=1", "%(name)s and %(x)s",
    "2024-01-02T03:04:05 and 1999-12-31", "well-known self-evident don't", "a\r\nb\nc\rd",
]

BYTES_SUBJECTS = [b"", b"abc", b"ABCabc", b"\x80\xff\xe9", b"word_1 x", b"a\x00\xffb",
                  b"abcba", b"kK", b" \t\n12 345x", b"aabcbca", b"x x"]


def cstr(b):
    out = []
    for ch in b:
        if 32 <= ch < 127 and ch not in (34, 92, 63):
            out.append(chr(ch))
        else:
            out.append("\\%03o" % ch)
    return '"' + "".join(out) + '"'


def result_repr(op, p, s, pos, endpos, repl):
    try:
        if op in "smf":
            fn = {"s": p.search, "m": p.match, "f": p.fullmatch}[op]
            m = fn(s, pos, endpos)
            return repr(None if m is None else (m.regs, m.lastindex, m.lastgroup))
        if op == "a":
            return repr(p.findall(s, pos, endpos))
        if op == "i":
            return repr([(m.regs, m.lastindex) for m in p.finditer(s, pos, endpos)])
        if op == "p":
            return repr(p.split(s, pos))     # pos as maxsplit
        if op == "r":
            return repr(p.subn(repl, s, pos))  # pos as count
    except Exception as e:  # noqa: BLE001
        return "E:%s" % type(e).__name__
    raise ValueError(op)


# random patterns over a small alphabet (groups, alternation, every kind
# of repeat, atomic groups, lookaround, backreferences, conditionals)
def _atom(d, ng):
    r = rng.random()
    if d > 2 or r < 0.35:
        return rng.choice(["a", "b", "c", ".", "[ab]", "[^a]", r"\w", "A"])
    if r < 0.5:
        ng[0] += 1
        return "(" + _alt(d + 1, ng) + ")"
    if r < 0.6:
        return "(?:" + _alt(d + 1, ng) + ")"
    if r < 0.65:
        return "(?>" + _alt(d + 1, ng) + ")"
    if r < 0.72:
        return rng.choice(["(?=", "(?!"]) + _alt(d + 1, ng) + ")"
    if r < 0.77:
        return rng.choice(["(?<=a)", "(?<!b)", "(?<=ab)", r"\b", "^", "$"])
    if r < 0.82 and ng[0] > 0:
        return "\\%d" % rng.randint(1, ng[0])
    if r < 0.86 and ng[0] > 0:
        return "(?(%d)%s|%s)" % (rng.randint(1, ng[0]), _atom(d + 1, ng), _atom(d + 1, ng))
    return _atom(d + 1, ng)


def _piece(d, ng):
    return _atom(d, ng) + rng.choice(["", "", "", "*", "+", "?", "*?", "+?", "??", "{1,2}",
                                      "{2}", "{0,3}?", "*+", "++", "?+"])


def _alt(d, ng):
    return "|".join("".join(_piece(d, ng) for _ in range(rng.randint(1, 3)))
                    for _ in range(rng.randint(1, 2)))


FUZZ = []
while len(FUZZ) < 400:
    ng = [0]
    pat = _alt(0, ng)
    fl = rng.choice([0, 0, re.I, re.M, re.S])
    try:
        re.compile(pat, fl)
    except (re.error, RecursionError, OverflowError):
        continue
    FUZZ.append((pat, fl))

pats = []
cases = []


def add_pattern(pattern, flags, subjects):
    p = re.compile(pattern, flags)
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    names = [None] * parsed.state.groups
    for k, i in parsed.state.groupdict.items():
        names[i] = k
    idx = len(pats)
    pats.append((pattern, p.flags, code, parsed.state.groups - 1, names))
    isbytes = isinstance(pattern, bytes)
    for s in subjects:
        for op in "smfaipr":
            pos, endpos = 0, len(s) + 5
            if op in "smfai" and rng.random() < 0.25 and s:
                pos = rng.randrange(-1, len(s) + 1)
                endpos = rng.randrange(-1, len(s) + 2)
            if op in "pr":
                pos = rng.choice([0, 0, 1, 2])
            repl = (b"<>" if isbytes else "<\u00e9>") if op == "r" else (b"" if isbytes else "")
            cases.append((idx, s, op, pos, endpos, repl, result_repr(op, p, s, pos, endpos, repl)))


def rand_subject(alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


for pat, fl in PATTERNS:
    subj = rng.sample(SUBJECTS_COMMON, 8)
    alpha = "".join(sorted(set(c for c in pat if c.isalnum()))) or "ab"
    subj += [rand_subject(alpha + " \n", rng.randrange(0, 12)) for _ in range(3)]
    add_pattern(pat, fl, subj)
for pat, fl in STDLIB:
    add_pattern(pat, fl, STDLIB_SUBJECTS)
for pat, fl in BYTES_PATTERNS:
    add_pattern(pat, fl, BYTES_SUBJECTS)
for pat, fl in FUZZ:
    add_pattern(pat, fl, [rand_subject("abcA", rng.randrange(0, 9)) for _ in range(3)])

print("/* generated by gen_sre_cases.py from python3.11 — do not edit */")
print("#if defined(SRE_CASE_TABLES)")
print("#elif defined(SRE_CODE)")
for i, (pattern, flags, code, groups, names) in enumerate(pats):
    isbytes = isinstance(pattern, bytes)
    praw = pattern if isbytes else pattern.encode("utf-8")
    print("static const uint32_t code_%d[] = { %s };" % (i, ", ".join("%du" % c for c in code)))
    print("static const char *const names_%d[] = { %s };" % (
        i, ", ".join(cstr(n.encode()) if n else "NULL" for n in names) or "NULL"))
print("#elif defined(SRE_PATTERNS)")
for i, (pattern, flags, code, groups, names) in enumerate(pats):
    isbytes = isinstance(pattern, bytes)
    praw = pattern if isbytes else pattern.encode("utf-8")
    print("{ %s, %d, %d, %d, code_%d, %d, %d, names_%d }," % (
        cstr(praw), len(praw), isbytes, flags, i, len(code), groups, i))
print("#else")
for idx, s, op, pos, endpos, repl, expect in cases:
    raw = s if isinstance(s, bytes) else s.encode("utf-8")
    rraw = repl if isinstance(repl, bytes) else repl.encode("utf-8")
    print("{ %d, %s, %d, '%s', %d, %d, %s, %d, %s }," % (
        idx, cstr(raw), len(raw), op, pos, endpos, cstr(rraw), len(rraw),
        cstr(expect.encode("utf-8"))))
print("#endif")

# _sre.unicode_iscased as ranges and unicode_tolower where it changes ch
import _sre  # noqa: E402
ranges, start = [], None
for c in range(0x110001):
    v = c < 0x110000 and _sre.unicode_iscased(c)
    if v and start is None:
        start = c
    if not v and start is not None:
        ranges.append((start, c - 1))
        start = None
print("#ifdef SRE_CASE_TABLES")  # a second block, after the #if chain
print("static const uint32_t iscased_ranges[][2] = { %s };" % ", ".join(
    "{%d, %d}" % r for r in ranges))
print("static const uint32_t tolower_pairs[][2] = { %s };" % ", ".join(
    "{%d, %d}" % (c, _sre.unicode_tolower(c)) for c in range(0x110000)
    if _sre.unicode_tolower(c) != c))
print("#endif")
