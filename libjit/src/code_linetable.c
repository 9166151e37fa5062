/* libjit/src/code_linetable.c — the code object's location tables as
 * CPython 3.11 shows them: co_linetable (the PEP 626/657 compressed
 * table), co_lnotab (the 3.10 line-number table, deprecated), and the
 * line_iterator / positions_iterator types that co_lines() and
 * co_positions() return.  Kiln keeps one jit_position per code unit
 * (code.h); these tables are encoded from it on demand.
 * See NOTES-linetable.md for the byte format. */
#include <string.h>

#include "code.h"
#include "code_linetable.h"
#include "libgc/gc.h"
#include "libobject/libobject.h"
#include "opcode.h"

/* ---- a growable byte buffer ---- */

typedef struct {
    unsigned char *p;
    size_t n, cap;
} bytebuf;

static int put(bytebuf *b, unsigned v)
{
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        unsigned char *np = kgc_alloc_atomic(cap);
        if (np == NULL)
            return -1;
        if (b->n)
            memcpy(np, b->p, b->n);
        b->p = np;
        b->cap = cap;
    }
    b->p[b->n++] = (unsigned char)v;
    return 0;
}

/* Unsigned varint: 6 bits a byte, low bits first, 0x40 = more follow. */
static int put_varint(bytebuf *b, unsigned v)
{
    while (v >= 0x40) {
        if (put(b, 0x40 | (v & 0x3F)) < 0)
            return -1;
        v >>= 6;
    }
    return put(b, v);
}

/* Signed varint: magnitude shifted left once, the sign in bit 0. */
static int put_svarint(bytebuf *b, int v)
{
    unsigned u = v < 0 ? (((unsigned)-(long)v) << 1) | 1u : (unsigned)v << 1;
    return put_varint(b, u);
}

/* The first byte of an entry: high bit set, 4-bit form code, length-1. */
static int put_head(bytebuf *b, int code, int len)
{
    return put(b, 0x80 | (unsigned)(code << 3) | (unsigned)(len - 1));
}

/* One entry of `len` (1..8) code units at position p; *line is the line
 * the previous entry left (updated). */
static int put_entry(bytebuf *b, const jit_position *p, int len, int *line)
{
    if (p->lineno < 0)
        return put_head(b, 15, len);
    int delta = p->lineno - *line;
    *line = p->lineno;
    if (p->col < 0)
        return put_head(b, 13, len) < 0 ? -1 : put_svarint(b, delta);
    int same_line = p->end_lineno == p->lineno && p->end_col >= p->col;
    if (same_line && delta == 0 && p->col < 80 && p->end_col - p->col < 16) {
        if (put_head(b, p->col / 8, len) < 0)
            return -1;
        return put(b, (unsigned)((p->col % 8) << 4 | (p->end_col - p->col)));
    }
    if (same_line && delta >= 0 && delta < 3 && p->col < 128 && p->end_col < 128) {
        if (put_head(b, 10 + delta, len) < 0 || put(b, (unsigned)p->col) < 0)
            return -1;
        return put(b, (unsigned)p->end_col);
    }
    int end_delta = p->end_lineno < p->lineno ? 0 : p->end_lineno - p->lineno;
    if (put_head(b, 14, len) < 0 || put_svarint(b, delta) < 0 ||
        put_varint(b, (unsigned)end_delta) < 0 || put_varint(b, (unsigned)p->col + 1) < 0)
        return -1;
    return put_varint(b, p->end_col < 0 ? 0 : (unsigned)p->end_col + 1);
}

/* Length in code units of the instruction starting at unit i: its
 * EXTENDED_ARG prefixes, the instruction and its cache units. */
static int instr_len(const KnCodeObject *co, int i)
{
    int start = i;
    for (;;) {
        int op = co->co_code_orig[i] & 0xFF;
        i += 1 + jit_op_caches(op);
        if (op != JIT_OP_EXTENDED_ARG || i >= co->co_ncode)
            break;
    }
    if (i > co->co_ncode)
        i = co->co_ncode;
    return i - start;
}

KnObject *jit_code_linetable(KnObject *self)
{
    const KnCodeObject *co = JIT_CODE(self);
    bytebuf b = { 0 };
    int line = co->co_firstlineno;
    for (int i = 0; i < co->co_ncode;) {
        int len = instr_len(co, i);
        /* the position of the instruction proper, after its prefixes */
        int at = i;
        while (at < i + len - 1 && (co->co_code_orig[at] & 0xFF) == JIT_OP_EXTENDED_ARG)
            at++;
        for (int left = len; left > 0; left -= 8)
            if (put_entry(&b, &co->co_positions[at], left > 8 ? 8 : left, &line) < 0)
                return ob_err_nomemory();
        i += len;
    }
    return ob_bytes_from_data(b.p, (kn_ssize_t)b.n);
}

/* co_lnotab: (byte delta, signed line delta) pairs, one run per change
 * of the line, which entries without a location leave as it was. */
static int lnotab_pair(bytebuf *b, int bdelta, int ldelta)
{
    for (; bdelta > 255; bdelta -= 255)
        if (put(b, 255) < 0 || put(b, 0) < 0)
            return -1;
    for (; ldelta > 127; ldelta -= 127, bdelta = 0)
        if (put(b, (unsigned)bdelta) < 0 || put(b, 127) < 0)
            return -1;
    for (; ldelta < -128; ldelta += 128, bdelta = 0)
        if (put(b, (unsigned)bdelta) < 0 || put(b, 0x80) < 0)
            return -1;
    if (put(b, (unsigned)bdelta) < 0)
        return -1;
    return put(b, (unsigned)ldelta & 0xFF);
}

KnObject *jit_code_lnotab(KnObject *self)
{
    const KnCodeObject *co = JIT_CODE(self);
    bytebuf b = { 0 };
    int line = co->co_firstlineno, emitted_at = 0;
    for (int i = 0; i < co->co_ncode;) {
        int len = instr_len(co, i);
        int at = i;
        while (at < i + len - 1 && (co->co_code_orig[at] & 0xFF) == JIT_OP_EXTENDED_ARG)
            at++;
        int l = co->co_positions[at].lineno;
        if (l >= 0 && l != line) {
            if (lnotab_pair(&b, (i - emitted_at) * 2, l - line) < 0)
                return ob_err_nomemory();
            emitted_at = i;
            line = l;
        }
        i += len;
    }
    return ob_bytes_from_data(b.p, (kn_ssize_t)b.n);
}

/* ---- line_iterator / positions_iterator ----
 * Both walk a list of tuples made up front (tables are small). */

typedef struct {
    KN_OBJECT_HEAD;
    KnObject *items; /* list of tuples */
    kn_ssize_t next;
} TableIter;

static KnObject *ti_self(KnObject *self)
{
    return self;
}

static KnObject *ti_next(KnObject *self)
{
    TableIter *it = (TableIter *)self;
    if (it->items == NULL || it->next >= KN_SIZE(it->items)) {
        it->items = NULL;
        return NULL;
    }
    return ((KnListObject *)it->items)->ob_item[it->next++];
}

KnTypeObject jit_line_iterator_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "line_iterator",
    .tp_basicsize = sizeof(TableIter),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_iter = ti_self,
    .tp_iternext = ti_next,
};

KnTypeObject jit_positions_iterator_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "positions_iterator",
    .tp_basicsize = sizeof(TableIter),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_iter = ti_self,
    .tp_iternext = ti_next,
};

KnObject *jit_code_table_iter(KnTypeObject *type, KnObject *list)
{
    if (!(type->tp_flags & KN_TPFLAGS_READY) && ob_type_ready(type) < 0)
        return NULL;
    TableIter *it = (TableIter *)ob_alloc(type, 0);
    if (it == NULL)
        return NULL;
    it->items = list;
    it->next = 0;
    return (KnObject *)it;
}

/* ---- decoding (replace(co_linetable=...)) ---- */

typedef struct {
    const unsigned char *p, *end;
} reader;

static int get_varint(reader *r, unsigned *out)
{
    unsigned v = 0;
    for (int shift = 0;; shift += 6) {
        if (r->p >= r->end || shift > 30)
            return -1;
        unsigned b = *r->p++;
        v |= (b & 0x3F) << shift;
        if (!(b & 0x40))
            break;
    }
    *out = v;
    return 0;
}

static int get_svarint(reader *r, int *out)
{
    unsigned u;
    if (get_varint(r, &u) < 0)
        return -1;
    *out = (u & 1) ? -(int)(u >> 1) : (int)(u >> 1);
    return 0;
}

static int get_byte(reader *r, int *out)
{
    if (r->p >= r->end)
        return -1;
    *out = *r->p++;
    return 0;
}

int jit_code_decode_linetable(KnObject *table, int firstlineno, jit_position *out, int n)
{
    reader r = { (const unsigned char *)((KnBytesObject *)table)->ob_sval, NULL };
    r.end = r.p + KN_SIZE(table);
    int line = firstlineno, unit = 0;
    while (r.p < r.end) {
        int head = *r.p++;
        if (!(head & 0x80))
            goto malformed;
        int form = (head >> 3) & 15, len = (head & 7) + 1;
        jit_position p = { -1, -1, -1, -1 };
        if (form == 15) {
            /* no location */
        } else if (form == 14) {
            int d;
            unsigned el, c, ec;
            if (get_svarint(&r, &d) < 0 || get_varint(&r, &el) < 0 || get_varint(&r, &c) < 0 ||
                get_varint(&r, &ec) < 0)
                goto malformed;
            line += d;
            p = (jit_position){ line, line + (int)el, (int)c - 1, (int)ec - 1 };
        } else if (form == 13) {
            int d;
            if (get_svarint(&r, &d) < 0)
                goto malformed;
            line += d;
            p = (jit_position){ line, line, -1, -1 };
        } else if (form >= 10) {
            int c, ec;
            if (get_byte(&r, &c) < 0 || get_byte(&r, &ec) < 0)
                goto malformed;
            line += form - 10;
            p = (jit_position){ line, line, c, ec };
        } else {
            int b;
            if (get_byte(&r, &b) < 0)
                goto malformed;
            int c = form * 8 + ((b >> 4) & 7);
            p = (jit_position){ line, line, c, c + (b & 15) };
        }
        for (int i = 0; i < len && unit < n; i++)
            out[unit++] = p;
    }
    for (; unit < n; unit++)
        out[unit] = (jit_position){ -1, -1, -1, -1 };
    return 0;
malformed:
    ob_err_set_string(ob_exc_ValueError, "code: co_linetable is malformed");
    return -1;
}
