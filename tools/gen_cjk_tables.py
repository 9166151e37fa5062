#!/usr/bin/python3.11
"""Generate stdlib/src/cjk_tables.c: the mapping tables of the CJK
multi-byte codecs (_codecs_cn, _codecs_jp, _codecs_kr, _codecs_tw,
_codecs_hk, _codecs_iso2022), derived from the behaviour of the oracle interpreter:

    /usr/bin/python3.11 tools/gen_cjk_tables.py > stdlib/src/cjk_tables.c
    (or `ninja stdlib-regen-cjk`)

Nothing here reads CPython's sources: every byte sequence of each codec is
decoded, and every code point encoded, with python3.11, and the results are
packed into the layout stdlib/src/cjk_internal.h describes (see
stdlib/NOTES-cjk.md):

  decoding  a trie of byte positions.  The root of a codec has 256 uint32
            entries (a code point, an error length, or a child node); deeper
            nodes keep uint16 entries for the bytes lo..hi they cover and one
            default for the others.  Entries that do not fit 16 bits (code
            points beyond the BMP, two-code-point results, third-level
            children) are CJK_EXT and found in the codec's sorted `extras`.
            Node value arrays are shared between codecs when equal.
  encoding  the inverse of the decoding trie (the shortest sequence wins,
            then the first in byte order), built at run time, plus `overrides`: every code point
            whose python3.11 encoding differs from that inverse (extra
            encodable characters, preferred duplicates, decode-only codes).
            Pairs of code points encoded as one code are listed in `pairs`.
  gb18030   four-byte codes are runs of linear (index -> code point) ranges.
  euc_kr    eight-byte KS X 1001 make-up sequences of Hangul syllables use
            the jamo byte codes in `cjk_euckr_cho/jung/jong`.
  iso2022   one trie per (variant, two-byte charset), probed through the
            variant's designation escape; per variant the accepted charsets,
            the encoder's order, its overrides and pair-start characters.
"""
import codecs
import sys

STATELESS = [
    # (codec, C identifier)
    ("gb2312", "gb2312"), ("gbk", "gbk"), ("gb18030", "gb18030"),
    ("shift_jis", "shift_jis"), ("cp932", "cp932"), ("euc_jp", "euc_jp"),
    ("shift_jis_2004", "shift_jis_2004"), ("shift_jisx0213", "shift_jisx0213"),
    ("euc_jis_2004", "euc_jis_2004"), ("euc_jisx0213", "euc_jisx0213"),
    ("euc_kr", "euc_kr"), ("cp949", "cp949"), ("johab", "johab"),
    ("big5", "big5"), ("cp950", "cp950"), ("big5hkscs", "big5hkscs"),
]

CJK_ILL = 0xFFF8      # + (len - 1): illegal sequence of len bytes (1..4)
CJK_EXT = 0xFFFE      # look the sequence up in the codec's extras
CJK_FOUR = 0xFFFD     # gb18030 four-byte code (second byte 0x30..0x39)
CJK_MAKEUP = 0xFFFC   # euc_kr make-up sequence (a4 d4 + three jamo)
ROOT_CHILD = 0x40000000
ROOT_ILL = 0x20000000  # + len


def probe(enc, seq):
    """('val', str) | ('err', n) | ('more',) for decoding seq."""
    try:
        s = seq.decode(enc)
    except UnicodeDecodeError as e:
        if e.start != 0:
            raise AssertionError((enc, seq, e))
        if e.reason == "incomplete multibyte sequence":
            assert e.end == len(seq), (enc, seq, e)
            return ("more",)
        assert e.reason == "illegal multibyte sequence", (enc, seq, e)
        return ("err", e.end - e.start)
    assert 1 <= len(s) <= 2, (enc, seq, s)
    return ("val", s)


class Codec:
    def __init__(self, enc, probe_fn=None):
        self.enc = enc
        self.probe = probe_fn or (lambda seq: probe(enc, seq))
        self.dec = {}         # bytes -> str (every mapped sequence)
        self.root = []        # 256 probe results
        self.levels = {}      # prefix bytes -> list of 256 probe results
        self.four = []        # gb18030 runs (idx_lo, idx_hi, cp_lo)
        self.build()

    def build(self):
        enc = self.enc
        for b in range(256):
            r = self.probe(bytes([b]))
            self.root.append(r)
            if r[0] == "val":
                self.dec[bytes([b])] = r[1]
        todo = [bytes([b]) for b in range(256) if self.root[b][0] == "more"]
        while todo:
            prefix = todo.pop(0)
            level = []
            for b in range(256):
                seq = prefix + bytes([b])
                if enc == "gb18030" and len(seq) == 2 and 0x30 <= b <= 0x39:
                    level.append(("four",))
                    continue
                if enc == "euc_kr" and seq == b"\xa4\xd4":
                    level.append(("makeup",))
                    continue
                r = self.probe(seq)
                if r[0] == "more":
                    assert len(seq) < 3, (enc, seq)
                    todo.append(seq)
                elif r[0] == "val":
                    self.dec[seq] = r[1]
                level.append(r)
            self.levels[prefix] = level
        if enc == "gb18030":
            self.build_four()
        if enc == "euc_kr":
            self.check_makeup()

    def build_four(self):
        runs = []
        for b1 in range(0x81, 0xFF):
            for b2 in range(0x30, 0x3A):
                for b3 in range(0x81, 0xFF):
                    for b4 in range(0x30, 0x3A):
                        seq = bytes([b1, b2, b3, b4])
                        idx = (((b1 - 0x81) * 10 + b2 - 0x30) * 126 + b3 - 0x81) * 10 + b4 - 0x30
                        r = probe("gb18030", seq)
                        if r[0] == "err":
                            assert r[1] == 1, seq
                            continue
                        assert r[0] == "val" and len(r[1]) == 1, (seq, r)
                        cp = ord(r[1])
                        if runs and runs[-1][1] == idx - 1 and runs[-1][2] + idx - runs[-1][0] == cp:
                            runs[-1][1] = idx
                        else:
                            runs.append([idx, idx, cp])
        # an invalid third or fourth byte: illegal, length 1
        for seq in (b"\x81\x30\x20\x30", b"\x81\x30\x81\x20", b"\x81\x30\xff\x30"):
            assert probe("gb18030", seq) == ("err", 1)
        assert probe("gb18030", b"\x81\x30\x81") == ("more",)
        assert probe("gb18030", b"\x81\x30\x20") == ("more",)
        self.four = runs

    def check_makeup(self):
        cho, jung, jong = {}, {}, {}
        for i in range(11172):
            b = chr(0xAC00 + i).encode("euc_kr")
            if len(b) != 8:
                continue
            assert b[:2] == b"\xa4\xd4"
            c, j, k = i // 588, i % 588 // 28, i % 28
            for tab, key, code in ((cho, c, b[2:4]), (jung, j, b[4:6]), (jong, k, b[6:8])):
                assert tab.setdefault(key, code) == code
        assert len(cho) == 19 and len(jung) == 21 and len(jong) == 28
        self.cho = [cho[i][1] for i in range(19)]
        self.jung = [jung[i][1] for i in range(21)]
        self.jong = [jong[i][1] for i in range(28)]
        assert all(cho[i][0] == 0xA4 for i in cho) and all(jung[i][0] == 0xA4 for i in jung)
        assert all(jong[i][0] == 0xA4 for i in jong)
        # every make-up sequence of A4 row codes decodes by that rule
        ci = {b: i for i, b in enumerate(self.cho)}
        ji = {b: i for i, b in enumerate(self.jung)}
        ki = {b: i for i, b in enumerate(self.jong)}
        for x in range(0xA1, 0xFF):
            for y in range(0xA1, 0xFF):
                for z in range(0xA1, 0xFF):
                    seq = bytes([0xA4, 0xD4, 0xA4, x, 0xA4, y, 0xA4, z])
                    r = probe("euc_kr", seq)
                    if x in ci and y in ji and z in ki:
                        want = ("val", chr(0xAC00 + (ci[x] * 21 + ji[y]) * 28 + ki[z]))
                    else:
                        want = ("err", 1)
                    if r[0] == "val" and len(r[1]) != 1:
                        r = ("val2", r[1])
                    assert r == want, (seq, r, want)
        for n in range(2, 8):
            assert probe("euc_kr", b"\xa4\xd4\xa4\xa1\xa4\xbf\xa4\xa2"[:n]) == ("more",)
        assert probe("euc_kr", b"\xa4\xd4AAAAAA") == ("err", 1)

    def inverse(self):
        inv = {}
        for seq in sorted(self.dec, key=lambda q: (len(q), q)):
            s = self.dec[seq]
            if len(s) == 1 and ord(s) not in inv:
                inv[ord(s)] = seq
        for lo, hi, cp in self.four:
            for idx in range(lo, hi + 1):
                c = cp + idx - lo
                if c not in inv:
                    inv[c] = four_bytes(idx)
        return inv

    def encode_facts(self):
        """overrides {cp: bytes | None} and pairs [(cp1, cp2, bytes)]"""
        inv = self.inverse()
        over = {}
        enc = self.enc
        for cp in range(0x110000):
            if 0xD800 <= cp < 0xE000:
                continue
            try:
                b = chr(cp).encode(enc)
            except UnicodeEncodeError:
                b = None
            if enc == "euc_kr" and b is not None and len(b) == 8:
                b = "makeup"
            want = inv.get(cp)
            if enc == "euc_kr" and 0xAC00 <= cp <= 0xD7A3 and want is None:
                want = "makeup"
            if b != want:
                assert b is None or b == "makeup" or len(b) <= 3, (enc, cp, b)
                over[cp] = b
        pairs = []
        for seq in sorted(self.dec):
            s = self.dec[seq]
            if len(s) == 2:
                try:
                    b = s.encode(enc)
                except UnicodeEncodeError:
                    b = None
                if b == seq:
                    pairs.append((ord(s[0]), ord(s[1]), seq))
        return over, pairs


def four_bytes(idx):
    b4 = idx % 10
    idx //= 10
    b3 = idx % 126
    idx //= 126
    b2 = idx % 10
    b1 = idx // 10
    return bytes([b1 + 0x81, b2 + 0x30, b3 + 0x81, b4 + 0x30])


def pack(seq):
    v = 0
    for b in seq:
        v = v << 8 | b
    return v


class Out:
    def __init__(self):
        self.vals = []          # shared uint16 pool
        self.pool = {}          # tuple(values) -> offset
        self.nodes = []         # (lo, hi, dflt, off)
        self.node_ids = {}

    def add_vals(self, vals):
        t = tuple(vals)
        if t not in self.pool:
            self.pool[t] = len(self.vals)
            self.vals.extend(t)
        return self.pool[t]

    def node(self, entries):
        """entries: 256 uint16 values -> node index"""
        counts = {}
        for e in entries:
            counts[e] = counts.get(e, 0) + 1
        dflt = max(counts, key=lambda e: (counts[e], e >= CJK_ILL))
        lo = next((i for i in range(256) if entries[i] != dflt), 0)
        hi = next((i for i in range(255, -1, -1) if entries[i] != dflt), -1)
        if hi < lo:
            lo, hi = 1, 0
        off = self.add_vals(entries[lo:hi + 1]) if hi >= lo else 0
        key = (lo, hi, dflt, off)
        if key not in self.node_ids:
            self.node_ids[key] = len(self.nodes)
            self.nodes.append(key)
        return self.node_ids[key]


def entry16(r, seq, extras, codec, out):
    kind = r[0]
    if kind == "err":
        assert 1 <= r[1] <= 4
        return CJK_ILL + r[1] - 1
    if kind == "four":
        return CJK_FOUR
    if kind == "makeup":
        return CJK_MAKEUP
    if kind == "more":
        child = level_node(codec, seq, extras, out)
        extras.append((pack(seq), ROOT_CHILD | child, 0))
        return CJK_EXT
    s = r[1]
    if len(s) == 1 and ord(s) < CJK_ILL - 8:
        return ord(s)
    extras.append((pack(seq), ord(s[0]), ord(s[1]) if len(s) == 2 else 0))
    return CJK_EXT


def build_root(c, out):
    extras = []
    root = []
    for b in range(256):
        r = c.root[b]
        if r[0] == "val":
            assert len(r[1]) == 1
            root.append(ord(r[1]))
        elif r[0] == "err":
            root.append(ROOT_ILL | r[1])
        else:
            root.append(ROOT_CHILD | level_node(c, bytes([b]), extras, out))
    return root, sorted(extras)


def level_node(codec, prefix, extras, out):
    level = codec.levels[prefix]
    entries = [entry16(level[b], prefix + bytes([b]), extras, codec, out) for b in range(256)]
    return out.node(entries)


def main():
    out = Out()
    codecs_out = []
    for enc, ident in STATELESS:
        c = Codec(enc)
        root, extras = build_root(c, out)
        over, pairs = c.encode_facts()
        codecs_out.append((enc, ident, c, root, extras, over, pairs))
    iso_out = [build_iso(v, out) for v in ISO_VARIANTS]

    w = sys.stdout.write
    w("/* @generated by tools/gen_cjk_tables.py from Python %d.%d.%d's CJK codecs.\n"
      " * Do not edit; re-run the generator (ninja stdlib-regen-cjk).\n"
      " * Layout: stdlib/src/cjk_internal.h, stdlib/NOTES-cjk.md. */\n"
      % sys.version_info[:3])
    w('#include "cjk_internal.h"\n\n')
    w("const uint16_t cjk_vals[%d] = {\n" % len(out.vals))
    emit_numbers(w, out.vals)
    w("};\n\nconst CjkNode cjk_nodes[%d] = {\n" % len(out.nodes))
    for lo, hi, dflt, off in out.nodes:
        w("{%d,%d,%d,%d},\n" % (lo, hi, dflt, off))
    w("};\n\n")
    for enc, ident, c, root, extras, over, pairs in codecs_out:
        w("/* ---- %s */\n" % enc)
        w("static const uint32_t root_%s[256] = {\n" % ident)
        emit_numbers(w, root)
        w("};\n")
        if extras:
            w("static const CjkExtra extras_%s[] = {\n" % ident)
            for seq, a, b in extras:
                w("{%d,%d,%d}," % (seq, a, b))
            w("\n};\n")
        ov = sorted(over.items())
        if ov:
            w("static const CjkOverride over_%s[] = {\n" % ident)
            for cp, b in ov:
                if b is None:
                    w("{%d,0,0}," % cp)
                elif b == "makeup":
                    w("{%d,0,%d}," % (cp, CJK_OVER_MAKEUP))
                else:
                    w("{%d,%d,%d}," % (cp, pack(b), len(b)))
            w("\n};\n")
        if pairs:
            w("static const CjkPair pairs_%s[] = {\n" % ident)
            for a, b, seq in pairs:
                w("{%d,%d,%d,%d}," % (a, b, pack(seq), len(seq)))
            w("\n};\n")
        if c.four:
            w("static const CjkRun four_%s[] = {\n" % ident)
            for lo, hi, cp in c.four:
                w("{%d,%d,%d}," % (lo, hi, cp))
            w("\n};\n")
        if enc == "euc_kr":
            for name in ("cho", "jung", "jong"):
                vals = getattr(c, name)
                w("const uint8_t cjk_euckr_%s[%d] = {%s};\n" % (name, len(vals), ",".join(map(str, vals))))

        def arr(prefix, items):
            return ("%s_%s, %d" % (prefix, ident, len(items))) if items else "NULL, 0"
        w("const CjkTable cjk_table_%s = {\"%s\", root_%s, %s, %s, %s, %s};\n\n"
          % (ident, enc, ident, arr("extras", extras), arr("over", ov), arr("pairs", pairs),
             arr("four", c.four)))
    emit_iso(w, iso_out)


CJK_OVER_MAKEUP = 8


def emit_numbers(w, nums):
    line = []
    for n in nums:
        line.append(str(n))
        if len(line) == 16:
            w(",".join(line) + ",\n")
            line = []
    if line:
        w(",".join(line) + ",\n")


# ---- ISO 2022 (_codecs_iso2022)
#
# A charset is named by its mark, the final byte of its designation with
# 0x80 added for two-byte sets (JIS X 0208 "ESC $ B" is 0xC2, JIS X 0201
# Roman "ESC ( J" is 'J'); G2 sets (ISO 8859-1 / -7 after "ESC . A/F",
# used through single shift "ESC N") are 0x100 | final.  For each variant:
# the marks its decoder accepts, the order its encoder tries them in (the
# overrides record wherever python3.11 picks otherwise), and flags.
ISO_KR, ISO_G2 = 1, 2
ISO_VARIANTS = [
    ("iso2022_jp", 0, [0xC2, 0x4A, 0xC0], [0xC2, 0x4A, 0xC0]),
    ("iso2022_jp_1", 0, [0xC2, 0xC4, 0x4A, 0xC0], [0xC2, 0xC4, 0x4A, 0xC0]),
    ("iso2022_jp_2", ISO_G2, [0xC2, 0xC4, 0xC3, 0xC1, 0x4A, 0xC0, 0x141, 0x146],
     [0xC2, 0xC4, 0xC3, 0xC1, 0x4A, 0xC0, 0x141, 0x146]),
    ("iso2022_jp_2004", 0, [0xD1, 0xC2, 0xD0], [0xC2, 0xD1, 0xD0]),
    ("iso2022_jp_3", 0, [0xCF, 0xC2, 0xD0], [0xC2, 0xCF, 0xD0]),
    ("iso2022_jp_ext", 0, [0xC2, 0xC4, 0x4A, 0x49, 0xC0], [0xC2, 0xC4, 0x4A, 0x49, 0xC0]),
    ("iso2022_kr", ISO_KR, [0xC3], [0xC3]),
]
ESC = 0x1B


def designation(mark):
    f = mark & 0x7F
    if mark & 0x100:
        return bytes([ESC, 0x2E, f])
    if not mark & 0x80:
        return bytes([ESC, 0x28, f])
    if f in b"@AB":
        return bytes([ESC, 0x24, f])
    return bytes([ESC, 0x24, 0x28, f])


def iso_probe(variant, esc):
    def fn(seq):
        if not 0x20 <= seq[0] <= 0x7F:
            return ("err", 1)
        try:
            s = (esc + seq).decode(variant)
        except UnicodeDecodeError as e:
            assert e.start == len(esc), (variant, seq, e)
            if e.reason == "incomplete multibyte sequence":
                return ("more",)
            return ("err", e.end - e.start)
        assert 1 <= len(s) <= 2, (variant, seq, s)
        return ("val", s)
    return fn


def iso_parse(out):
    """[(mark, code bytes)] of an iso2022 encoding (escapes applied)."""
    g = [0x42, 0x42, 0x42]
    shifted = False
    res = []
    i = 0
    while i < len(out):
        b = out[i]
        if b == ESC:
            if out[i + 1] == 0x24:
                if out[i + 2] in (0x28, 0x29):
                    g[out[i + 2] - 0x28] = out[i + 3] | 0x80
                    i += 4
                else:
                    g[0] = out[i + 2] | 0x80
                    i += 3
            elif out[i + 1] == 0x28:
                g[0] = out[i + 2]
                i += 3
            elif out[i + 1] == 0x2E:
                g[2] = out[i + 2] | 0x100
                i += 3
            else:
                assert out[i + 1] == 0x4E, out
                res.append((g[2], out[i + 2:i + 3]))
                i += 3
        elif b == 0x0E:
            shifted = True
            i += 1
        elif b == 0x0F:
            shifted = False
            i += 1
        else:
            cs = g[1] if shifted else g[0]
            n = 2 if cs & 0x80 else 1
            res.append((cs, out[i:i + n]))
            i += n
    return res


def single_inverse(mark, g2f):
    if mark == 0x4A:
        return {0xA5: b"\x5c", 0x203E: b"\x7e"}
    if mark == 0x49:
        return {0xFF61 + i: bytes([0x21 + i]) for i in range(63)}
    if mark == 0x141:
        return {0xA0 + i: bytes([0x20 + i]) for i in range(96)}
    if mark == 0x146:
        return {cp: bytes([c]) for c, cp in sorted(g2f.items(), reverse=True)}
    raise AssertionError(mark)


def build_iso(v, out):
    name, flags, marks, order = v
    tables = {}
    for m in marks:
        if m & 0x80 and not m & 0x100:
            c = Codec(name + "/%x" % m, iso_probe(name, designation(m)))
            root, extras = build_root(c, out)
            tables[m] = (c, root, extras, c.inverse())
    g2f = {}
    if flags & ISO_G2:
        for c in range(0x20, 0x80):
            try:
                s = (b"\x1b.F\x1bN" + bytes([c])).decode(name)
                g2f[c] = ord(s)
            except UnicodeDecodeError:
                pass
    inv = {m: (tables[m][3] if m in tables else single_inverse(m, g2f)) for m in order}

    def model(cp):
        for m in order:
            if cp in inv[m]:
                return (m, inv[m][cp])
        return None

    over = {}
    firsts = []
    for cp in range(0x80, 0x110000):
        if 0xD800 <= cp < 0xE000:
            continue
        try:
            r = iso_parse(chr(cp).encode(name))
            assert len(r) == 1, (name, cp, r)
            got = r[0]
        except UnicodeEncodeError:
            got = None
        if got != model(cp):
            over[cp] = got
        if got is not None and got[0] & 0x80:
            # a character that may start a pair waits for the next one
            enc = codecs.getincrementalencoder(name)()
            if enc.encode(chr(cp)) == b"":
                firsts.append(cp)
    for cp in range(0x80):
        assert chr(cp).encode(name) == bytes([cp]), (name, cp)
    pairs = []
    for m, (c, _, _, _) in sorted(tables.items()):
        for seq in sorted(c.dec):
            s = c.dec[seq]
            if len(s) != 2:
                continue
            try:
                r = iso_parse(s.encode(name))
            except UnicodeEncodeError:
                continue
            if len(r) == 1:
                pairs.append((ord(s[0]), ord(s[1]), r[0]))
    # pair-starting characters whose pairs python3.11 cannot encode: second 0
    paired = {a for a, _, _ in pairs}
    pairs += [(cp, 0, (0, b"")) for cp in firsts if cp not in paired]
    return name, flags, marks, order, tables, over, sorted(set(pairs)), g2f


def emit_iso(w, iso_out):
    w("/* ---- ISO 2022 variants (marks: see tools/gen_cjk_tables.py) */\n")
    g2f_all = {}
    for name, flags, marks, order, tables, over, pairs, g2f in iso_out:
        g2f_all.update(g2f)
        ident = name
        names = []
        for m in marks:
            if m not in tables:
                names.append("NULL")
                continue
            c, root, extras, _ = tables[m]
            t = "%s_%x" % (ident, m)
            w("static const uint32_t root_%s[256] = {\n" % t)
            emit_numbers(w, root)
            w("};\n")
            if extras:
                w("static const CjkExtra extras_%s[] = {\n" % t)
                for seq, a, b in extras:
                    w("{%d,%d,%d}," % (seq, a, b))
                w("\n};\n")
            w("static const CjkTable table_%s = {\"%s\", root_%s, %s, NULL, 0, NULL, 0, NULL, 0};\n"
              % (t, t, t, ("extras_%s, %d" % (t, len(extras))) if extras else "NULL, 0"))
            names.append("&table_" + t)
        w("static const uint16_t marks_%s[] = {%s, 0};\n" % (ident, ",".join(map(str, marks))))
        w("static const uint16_t order_%s[] = {%s, 0};\n" % (ident, ",".join(map(str, order))))
        w("static const CjkTable *const tables_%s[] = {%s};\n" % (ident, ", ".join(names)))
        ov = sorted(over.items())
        if ov:
            w("static const CjkOverride over_%s[] = {\n" % ident)
            for cp, got in ov:
                if got is None:
                    w("{%d,0,0}," % cp)
                else:
                    w("{%d,%d,%d}," % (cp, pack(got[1]), got[0] << 8 | len(got[1])))
            w("\n};\n")
        if pairs:
            w("static const CjkPair pairs_%s[] = {\n" % ident)
            for a, b, (m, code) in pairs:
                w("{%d,%d,%d,%d}," % (a, b, pack(code), m << 8 | len(code)))
            w("\n};\n")
        w("const CjkIsoVariant cjk_iso_%s = {\"%s\", %d, marks_%s, order_%s, tables_%s, %s, %s};\n\n"
          % (ident, name, flags, ident, ident, ident,
             ("over_%s, %d" % (ident, len(ov))) if ov else "NULL, 0",
             ("pairs_%s, %d" % (ident, len(pairs))) if pairs else "NULL, 0"))
    w("const uint16_t cjk_iso8859_7[96] = {\n")
    emit_numbers(w, [g2f_all.get(c, 0) for c in range(0x20, 0x80)])
    w("};\n")


if __name__ == "__main__":
    main()
