#!/usr/bin/python3.11
"""Generate stdlib/src/cjk_tables.c: the mapping tables of the CJK
multi-byte codecs (_codecs_cn, _codecs_jp, _codecs_kr, _codecs_tw,
_codecs_hk), derived from the behaviour of the oracle interpreter:

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
"""
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
    def __init__(self, enc):
        self.enc = enc
        self.dec = {}         # bytes -> str (every mapped sequence)
        self.root = []        # 256 probe results
        self.levels = {}      # prefix bytes -> list of 256 probe results
        self.four = []        # gb18030 runs (idx_lo, idx_hi, cp_lo)
        self.build()

    def build(self):
        enc = self.enc
        for b in range(256):
            r = probe(enc, bytes([b]))
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
                r = probe(enc, seq)
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


def level_node(codec, prefix, extras, out):
    level = codec.levels[prefix]
    entries = [entry16(level[b], prefix + bytes([b]), extras, codec, out) for b in range(256)]
    return out.node(entries)


def main():
    out = Out()
    codecs_out = []
    for enc, ident in STATELESS:
        c = Codec(enc)
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
        over, pairs = c.encode_facts()
        codecs_out.append((enc, ident, c, root, sorted(extras), over, pairs))

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


if __name__ == "__main__":
    main()
