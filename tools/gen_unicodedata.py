#!/usr/bin/python3.11
"""gen_unicodedata.py -- the tables of stdlib's `unicodedata` module.

Writes stdlib/src/unicodedata_db.inc (ninja target `regen-unicodedata`):
    /usr/bin/python3.11 tools/gen_unicodedata.py > stdlib/src/unicodedata_db.inc

Only what libobject's Unicode tables (libobject/unicode.h, from
gen_unicode_db.py: category, decimal, digit, numeric) do not already
carry, all read from CPython 3.11's own unicodedata (Unicode 14.0.0):

  * per code point: bidirectional class, canonical combining class, East
    Asian width, mirrored, and the one-level decomposition (tag + code
    points; normalisation applies it recursively at run time);
  * the primary composites for NFC/NFKC: pairs (first, second) whose
    canonical decomposition composes back (not excluded);
  * character names: words indexed by frequency, one byte stream of word
    numbers per name (below 0x80 one byte, else two with the top bit set),
    code points sorted for binary search; PREFIX-XXXX names become ranges
    (Hangul syllables are computed in C); the name aliases and named
    sequences lookup() accepts, taken from Perl's copy of the Unicode 14.0
    files (Debian's perl-modules: unicore/Name.pl, NamedSequences.txt) and
    each kept only when this Python's lookup() agrees;
  * Unicode 3.2.0 (unicodedata.ucd_3_2_0, which stringprep and
    encodings.idna use): per code point whether it was assigned, and its
    category, bidirectional class, East Asian width and mirrored flag
    then; decimal/digit/numeric values that changed; and the code points
    whose 3.2 normalisation differs from applying the 14.0 decompositions
    (their 3.2 full NFD / NFKD are stored).

Two-level tables: index1[cp >> SHIFT] picks a block, index2[block << SHIFT
| cp & mask] a record; SHIFT minimises the size.
"""
import glob
import sys
import unicodedata as U
from collections import Counter

OLD = U.ucd_3_2_0
BIDI = ["", "L", "LRE", "LRO", "R", "AL", "RLE", "RLO", "PDF", "EN", "ES", "ET", "AN", "CS",
        "NSM", "BN", "B", "S", "WS", "ON", "LRI", "RLI", "FSI", "PDI"]
EAW = ["F", "H", "W", "Na", "A", "N"]
CATEGORIES = ["Cn", "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No",
              "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So", "Zs",
              "Zl", "Zp", "Cc", "Cf", "Cs", "Co"]
TAGS = ["", "<font>", "<noBreak>", "<initial>", "<medial>", "<final>", "<isolated>",
        "<circle>", "<super>", "<sub>", "<vertical>", "<wide>", "<narrow>", "<small>",
        "<square>", "<fraction>", "<compat>"]
SBASE, SCOUNT = 0xAC00, 11172
out = []


def emit(line=""):
    out.append(line)


def array(ctype, name, values, per_line=None):
    emit(f"static const {ctype} {name}[{max(len(values), 1)}] = {{")
    line = ""
    for v in values:
        item = str(v) + ","
        if len(line) + len(item) > 96:
            emit(line)
            line = ""
        line += item
    emit(line if values else "0,")
    emit("};")


def byte_string(name, data):
    """A byte array as a C string literal (printable ASCII as is, the rest
    as three-digit octal escapes), about half the size of a number list."""
    emit(f"static const unsigned char {name}[{len(data) + 1}] =")
    line = ""
    for b in data:
        if 0x20 <= b < 0x7F and chr(b) not in '"\\?':
            item = chr(b)
        else:
            item = "\\%03o" % b
        if len(line) + len(item) > 92:
            emit('    "' + line + '"')
            line = ""
        line += item
    emit('    "' + line + '";')


def two_level(prefix, per_cp):
    best = None
    for shift in range(4, 11):
        size = 1 << shift
        blocks, bindex, idx1 = [], {}, []
        for start in range(0, 0x110000, size):
            blk = tuple(per_cp[start:start + size])
            if blk not in bindex:
                bindex[blk] = len(blocks)
                blocks.append(blk)
            idx1.append(bindex[blk])
        cost = len(idx1) * (1 if len(blocks) < 256 else 2) + len(blocks) * size * 2
        if best is None or cost < best[0]:
            best = (cost, shift, idx1, blocks)
    _, shift, idx1, blocks = best
    emit(f"#define {prefix.upper()}_SHIFT {shift}")
    array("uint8_t" if len(blocks) < 256 else "uint16_t", f"{prefix}_index1", idx1, 24)
    array("uint16_t", f"{prefix}_index2", [x for b in blocks for x in b], 24)


def decomposition_pool():
    """Pool of uint32: per entry (tag << 8 | count) then the code points;
    offset 0 means none."""
    pool, where = [0], {}
    per_cp = [0] * 0x110000
    for cp in range(0x110000):
        d = U.decomposition(chr(cp))
        if not d:
            continue
        parts = d.split()
        tag = 0
        if parts[0].startswith("<"):
            tag = TAGS.index(parts[0])
            parts = parts[1:]
        key = (tag, tuple(int(p, 16) for p in parts))
        if key not in where:
            where[key] = len(pool)
            pool.append(tag << 8 | len(key[1]))
            pool.extend(key[1])
        per_cp[cp] = where[key]
    return pool, per_cp


def properties(decomp_of):
    records, index, per_cp = [], {}, []
    for cp in range(0x110000):
        c = chr(cp)
        r = (BIDI.index(U.bidirectional(c)), U.combining(c), EAW.index(U.east_asian_width(c)),
             U.mirrored(c), decomp_of[cp])
        if r not in index:
            index[r] = len(records)
            records.append(r)
        per_cp.append(index[r])
    emit("/* {bidirectional, combining, east_asian_width, mirrored, decomposition offset} */")
    emit("static const UdRecord ud_records[] = {")
    for r in records:
        emit("    {%d, %d, %d, %d, %d}," % r)
    emit("};")
    two_level("ud", per_cp)


def compositions():
    pairs = []
    for cp in range(0x110000):
        d = U.decomposition(chr(cp))
        if not d or d.startswith("<"):
            continue
        parts = [int(p, 16) for p in d.split()]
        if len(parts) != 2:
            continue
        if U.normalize("NFC", chr(cp)) != chr(cp):
            continue          # excluded from composition
        pairs.append((parts[0], parts[1], cp))
    pairs.sort()
    emit("/* primary composites: first, second, composite; sorted */")
    array("uint32_t", "ud_comp", [x for p in pairs for x in p], 12)
    emit(f"#define UD_NCOMP {len(pairs)}")


def names():
    plain, ranges = [], {}
    for cp in range(0x110000):
        if SBASE <= cp < SBASE + SCOUNT:
            continue
        n = U.name(chr(cp), None)
        if n is None:
            continue
        suffix = "-%04X" % cp
        if n.endswith(suffix) and len(n) > len(suffix):
            ranges.setdefault(n[:-len(suffix)], []).append(cp)
            continue
        plain.append((cp, n))
    rlist = []
    for prefix, cps in ranges.items():
        start = prev = cps[0]
        for cp in cps[1:] + [None]:
            if cp is not None and cp == prev + 1:
                prev = cp
                continue
            rlist.append((start, prev, prefix))
            if cp is not None:
                start = prev = cp
    rlist.sort()
    aliases, sequences = [], []
    known = {n for _, n in plain}
    for f in sorted(glob.glob("/usr/share/perl/5*/unicore/Name.pl"))[-1:]:
        body = open(f, encoding="utf-8").read().split("<<'END';\n", 1)[1].split("\nEND\n", 1)[0]
        for block in body.split("\n\n"):
            lines = block.strip().split("\n")
            if len(lines) != 2 or " " in lines[0] or lines[1] in known:
                continue
            cp = int(lines[0], 16)
            try:
                ok = U.lookup(lines[1]) == chr(cp)
            except KeyError:
                ok = False
            if ok and (cp, lines[1]) not in aliases:
                aliases.append((cp, lines[1]))
    for f in sorted(glob.glob("/usr/share/perl/5*/unicore/NamedSequences.txt"))[-1:]:
        for line in open(f, encoding="utf-8"):
            line = line.strip()
            if not line or line.startswith("#") or ";" not in line:
                continue
            name, cps = line.split(";", 1)
            seq = [int(x, 16) for x in cps.split()]
            try:
                ok = U.lookup(name) == "".join(map(chr, seq))
            except KeyError:
                ok = False
            if ok:
                sequences.append((name, seq))
    if not aliases or not sequences:
        sys.exit("gen_unicodedata: no aliases / named sequences (install perl-modules)")
    all_names = [n for _, n in plain] + [n for _, n in aliases] + [n for n, _ in sequences]
    counts = Counter(w for n in all_names for w in n.split(" "))
    words = [w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    assert len(words) < 0x8000
    windex = {w: i for i, w in enumerate(words)}

    stream = []

    def encode(name):
        at = len(stream)
        ws = name.split(" ")
        stream.append(len(ws))
        for w in ws:
            i = windex[w]
            stream.extend([i] if i < 0x80 else [0x80 | i >> 8, i & 0xFF])
        return at

    woff, pos = [], 0
    for w in words:
        woff.append(pos)
        pos += len(w) + 1
    emit(f"#define UD_NWORDS {len(words)}")
    emit("static const char ud_words[] =")
    for i in range(0, len(words), 8):
        emit('    "' + "".join(w + "\\0" for w in words[i:i + 8]) + '"')
    emit("    ;")
    array("uint32_t", "ud_word_off", woff, 12)
    name_cp = [cp for cp, _ in plain]
    name_at = [encode(n) for _, n in plain]
    emit(f"#define UD_NNAMES {len(plain)}")
    emit("/* name i starts at ud_name_ck[i / 16]; skip i % 16 names from there */")
    array("uint32_t", "ud_name_cp", name_cp, 12)
    array("uint32_t", "ud_name_ck", name_at[::16], 12)
    emit(f"#define UD_NALIASES {len(aliases)}")
    array("uint32_t", "ud_alias_cp", [cp for cp, _ in aliases], 12)
    array("uint32_t", "ud_alias_at", [encode(n) for _, n in aliases], 12)
    seqpool, seqat, seqname = [], [], []
    for name, seq in sequences:
        seqname.append(encode(name))
        seqat.append(len(seqpool))
        seqpool.append(len(seq))
        seqpool.extend(seq)
    emit(f"#define UD_NSEQ {len(sequences)}")
    array("uint32_t", "ud_seq_name", seqname, 12)
    array("uint32_t", "ud_seq_at", seqat, 12)
    array("uint32_t", "ud_seq_pool", seqpool, 12)
    byte_string("ud_name_stream", stream)
    emit("/* PREFIX-XXXX names: first, last, prefix */")
    emit("static const UdRange ud_ranges[] = {")
    for a, b, p in rlist:
        emit(f'    {{0x{a:X}, 0x{b:X}, "{p}"}},')
    emit("};")


def old_version(decomp_pool, decomp_of):
    """Unicode 3.2.0 records and normalisation corrections."""
    records, index, per_cp = [], {}, []
    numeric = []
    for cp in range(0x110000):
        c = chr(cp)
        cat = OLD.category(c)
        assigned = not (cat == "Cn" and U.category(c) != "Cn")
        r = (int(assigned), CATEGORIES.index(cat), BIDI.index(OLD.bidirectional(c)),
             EAW.index(OLD.east_asian_width(c)), OLD.mirrored(c))
        if r not in index:
            index[r] = len(records)
            records.append(r)
        per_cp.append(index[r])
        vals = (OLD.decimal(c, -1), OLD.digit(c, -1), OLD.numeric(c, -1.0))
        if vals != (U.decimal(c, -1), U.digit(c, -1), U.numeric(c, -1.0)):
            numeric.append((cp,) + vals)
    emit("/* Unicode 3.2.0: {assigned, category, bidirectional, east_asian_width, mirrored} */")
    emit("static const UdOldRecord ud_old_records[] = {")
    for r in records:
        emit("    {%d, %d, %d, %d, %d}," % r)
    emit("};")
    two_level("ud_old", per_cp)
    emit("/* Unicode 3.2.0 numeric values that differ from 14.0: cp, decimal, digit, numeric */")
    emit("static const UdOldNumeric ud_old_numeric[] = {")
    for cp, de, di, nu in numeric:
        emit(f"    {{0x{cp:X}, {de}, {di}, {nu!r}}},")
    emit("};")
    # normalisation: where 3.2's full decompositions differ from the 14.0
    # one-level decompositions applied recursively (to assigned-in-3.2 code
    # points only), store 3.2's NFD / NFKD of the single character.
    def full(cp, compat):
        if SBASE <= cp < SBASE + SCOUNT or not per_cp_assigned(cp):
            return [cp]
        off = decomp_of[cp]
        if not off or (not compat and decomp_pool[off] >> 8):
            return [cp]
        n = decomp_pool[off] & 0xFF
        res = []
        for x in decomp_pool[off + 1:off + 1 + n]:
            res += full(x, compat)
        return res

    def per_cp_assigned(cp):
        return records[per_cp[cp]][0] == 1

    fixes = []
    for cp in range(0x110000):
        if 0xD800 <= cp < 0xE000 or SBASE <= cp < SBASE + SCOUNT:
            continue
        c = chr(cp)
        for form, compat in (("NFD", 0), ("NFKD", 1)):
            want = [ord(x) for x in OLD.normalize(form, c)]
            got = sorted(full(cp, compat), key=lambda x: 0)  # order fixed below
            if canonical_order(got, OLD) != want:
                fixes.append((cp, compat, want))
    emit("/* Unicode 3.2.0 normalisation corrections: cp, compat, count, then 3.2's full"
         " decomposition */")
    flat = []
    for cp, compat, want in fixes:
        flat += [cp, compat, len(want)] + want
    emit(f"#define UD_OLD_NFIX {len(fixes)}")
    array("uint32_t", "ud_old_fix", flat, 12)


def canonical_order(seq, db):
    seq = list(seq)
    i = 1
    while i < len(seq):
        a, b = db.combining(chr(seq[i - 1])), db.combining(chr(seq[i]))
        if b and a > b:
            seq[i - 1], seq[i] = seq[i], seq[i - 1]
            if i > 1:
                i -= 1
                continue
        i += 1
    return seq


def main():
    assert U.unidata_version == "14.0.0", U.unidata_version
    emit("/* @generated by tools/gen_unicodedata.py from Python %s unicodedata %s -- do not edit."
         % (sys.version.split()[0], U.unidata_version))
    emit(" * Regenerate: ninja regen-unicodedata. */")
    emit("static const char *const ud_bidi_names[] = {%s};" % ", ".join('"%s"' % b for b in BIDI))
    emit("static const char *const ud_eaw_names[] = {%s};" % ", ".join('"%s"' % e for e in EAW))
    emit("static const char *const ud_tag_names[] = {%s};" % ", ".join('"%s"' % t for t in TAGS))
    emit("static const char *const ud_category_names[] = {%s};"
         % ", ".join('"%s"' % c for c in CATEGORIES))
    pool, decomp_of = decomposition_pool()
    array("uint32_t", "ud_decomp_pool", pool, 12)
    properties(decomp_of)
    compositions()
    names()
    old_version(pool, decomp_of)
    sys.stdout.write("\n".join(out) + "\n")


main()
