/*
 * str.c — str objects: PEP 393 creation, access, equality, ordering,
 * hashing, interning and repr (concatenation: str_concat.c).
 *
 * Every str Kiln creates is canonical (narrowest kind, ascii bit exact) and
 * compact, except long concatenation results and large new strings, which
 * are growable legacy strings (str_concat.c, NOTES-str-concat.md).  Exact str instances are allocated with
 * kgc_alloc_object_head (only the header is scanned) at their exact size (ob_alloc's basicsize+itemsize rule
 * cannot describe kind-dependent data); str subclass instances use the
 * legacy layout with a separate data block (str_type.c).
 */
#include "str_internal.h"
#include "libobject/hash.h"
#include "libobject/unicode.h"
#include "libobject/tuple.h"
#include "libobject/list.h"
#include "libobject/int.h"
#include "libgc/head.h"

/* '' and the 256 one-character Latin-1 strings are shared, like CPython's
 * (code relies on `s is ''` only for speed, never for meaning).  Static
 * pointers: Boehm scans the data segment, so these stay alive. */
static KnObject *str_empty_obj;
static KnObject *str_latin1_cache[256];

/* From this many bytes of characters on, a new str is growable (legacy
 * layout, atomic data): Boehm clears large blocks of scanned kinds. */
#define STR_BIG_BYTES 4096

KnObject *ob_str_new(kn_ssize_t size, uint32_t maxchar)
{
    if (size < 0) {
        ob_err_set_string(ob_exc_SystemError, "Negative size passed to PyUnicode_New");
        return NULL;
    }
    int kind, ascii = 0;
    size_t header;
    if (maxchar < 0x80) {
        kind = 1;
        ascii = 1;
        header = sizeof(KnASCIIObject);
    } else {
        kind = maxchar < 0x100 ? 1 : maxchar < 0x10000 ? 2 : 4;
        header = sizeof(KnCompactUnicodeObject);
        if (maxchar > 0x10ffff) {
            ob_err_set_string(ob_exc_SystemError, "invalid maximum character passed to PyUnicode_New");
            return NULL;
        }
    }
    if ((size_t)size > (((size_t)0x7fffffffffffffffULL - header) / (size_t)kind) - 1)
        return ob_err_nomemory();
    if ((size_t)size * (size_t)kind >= STR_BIG_BYTES) {
        /* Boehm would clear a large scanned-head block; the characters
         * need no clearing: legacy layout over atomic memory. */
        KnObject *big = ob_str_new_big(size, kind, ascii);
        if (big != NULL || ob_err_occurred())
            return big;
    }
    /* The header's pointers (utf8, wstr) lie in the collector's scanned
     * head; the characters are never scanned. */
    _Static_assert(sizeof(KnCompactUnicodeObject) <= KGC_HEAD_SCANNED, "str header");
    KnASCIIObject *o = kgc_alloc_object_head(header + ((size_t)size + 1) * (size_t)kind);
    if (o == NULL)
        return ob_err_nomemory();
    ob_str_init_compact(o, size, kind, ascii);
    /* kgc_alloc_object zeroes: the terminating NUL, wstr and utf8 are set. */
    return (KnObject *)o;
}

KnObject *ob_str_new_ascii_short(kn_ssize_t n)
{
    KnASCIIObject *o = kgc_alloc_object_head(sizeof(KnASCIIObject) + (size_t)n + 1);
    if (o == NULL)
        return ob_err_nomemory();
    ob_str_init_compact(o, n, KN_STR_1BYTE_KIND, 1);
    return (KnObject *)o;
}

KnObject *ob_str_empty(void)
{
    if (str_empty_obj == NULL)
        str_empty_obj = ob_str_new(0, 0);
    return str_empty_obj;
}

KnObject *ob_str_from_char(uint32_t ch)
{
    if (ch < 256) {
        KnObject *s = str_latin1_cache[ch];
        if (s == NULL) {
            s = ob_str_new(1, ch);
            if (s == NULL)
                return NULL;
            ((uint8_t *)KN_STR_DATA(s))[0] = (uint8_t)ch;
            str_latin1_cache[ch] = s;
        }
        return s;
    }
    if (ch > 0x10ffff) {
        ob_err_set_string(ob_exc_ValueError, "chr() arg not in range(0x110000)");
        return NULL;
    }
    KnObject *s = ob_str_new(1, ch);
    if (s == NULL)
        return NULL;
    KN_STR_WRITE(KN_STR_KIND(s), KN_STR_DATA(s), 0, ch);
    return s;
}

/* A bound of the widest character of data[0, len) that falls in the same
 * PEP 393 class (< 0x80, < 0x100, < 0x10000, else) as the true maximum:
 * enough for ob_str_new.  The class limits are powers of two, so the OR of
 * all units is in the maximum's class; 1-byte data is OR-ed a word at a
 * time.  4-byte data takes the true maximum when the OR passes 0x10ffff
 * (two valid code points can OR to an invalid one). */
static uint32_t kind_data_max_class(int kind, const void *data, kn_ssize_t len)
{
    if (kind == 1) {
        const uint8_t *p = data;
        uint64_t acc = 0;
        kn_ssize_t i = 0;
        for (; i + 8 <= len; i += 8) {
            uint64_t w;
            memcpy(&w, p + i, 8);
            acc |= w;
        }
        for (; i < len; i++)
            acc |= p[i];
        return (acc & 0x8080808080808080ULL) ? 0xff : 0x7f;
    }
    if (kind == 2) {
        const uint16_t *p = data;
        uint32_t acc = 0;
        for (kn_ssize_t i = 0; i < len; i++)
            acc |= p[i];
        return acc;
    }
    const uint32_t *p = data;
    uint32_t acc = 0;
    for (kn_ssize_t i = 0; i < len; i++)
        acc |= p[i];
    if (acc > 0x10ffff) {
        acc = 0;
        for (kn_ssize_t i = 0; i < len; i++)
            acc = p[i] > acc ? p[i] : acc;
    }
    return acc;
}

KnObject *ob_str_from_kind_data(int kind, const void *data, kn_ssize_t len)
{
    if (len == 0)
        return ob_str_empty();
    if (len == 1 && KN_STR_READ(kind, data, 0) < 256)
        return ob_str_from_char(KN_STR_READ(kind, data, 0));
    uint32_t maxchar = kind_data_max_class(kind, data, len);
    KnObject *s = ob_str_new(len, maxchar);
    if (s == NULL)
        return NULL;
    int sk = KN_STR_KIND(s);
    void *sd = KN_STR_DATA(s);
    if (sk == kind) {
        memcpy(sd, data, (size_t)len * (size_t)kind);
    } else if (sk == 1 && kind == 2) {
        const uint16_t *p = data;
        uint8_t *o = sd;
        for (kn_ssize_t i = 0; i < len; i++)
            o[i] = (uint8_t)p[i];
    } else if (sk == 1 && kind == 4) {
        const uint32_t *p = data;
        uint8_t *o = sd;
        for (kn_ssize_t i = 0; i < len; i++)
            o[i] = (uint8_t)p[i];
    } else if (sk == 2 && kind == 4) {
        const uint32_t *p = data;
        uint16_t *o = sd;
        for (kn_ssize_t i = 0; i < len; i++)
            o[i] = (uint16_t)p[i];
    } else {
        for (kn_ssize_t i = 0; i < len; i++)
            KN_STR_WRITE(sk, sd, i, KN_STR_READ(kind, data, i));
    }
    return s;
}

KnObject *ob_str_from_latin1(const char *s, kn_ssize_t len)
{
    return ob_str_from_kind_data(1, s, len);
}

KnObject *ob_str_from_codepoints(const uint32_t *cps, kn_ssize_t n)
{
    for (kn_ssize_t i = 0; i < n; i++) {
        if (cps[i] > 0x10ffff) {
            return ob_err_format(ob_exc_ValueError,
                                 "character U+%x is not in range [U+0000; U+10ffff]", (unsigned)cps[i]);
        }
    }
    return ob_str_from_kind_data(4, cps, n);
}

KnObject *ob_str_from_utf8(const char *s, kn_ssize_t len)
{
    return ob_str_decode_utf8(s, len, NULL);
}

KnObject *ob_str_from_cstr(const char *s)
{
    return ob_str_decode_utf8(s, (kn_ssize_t)strlen(s), NULL);
}

KnObject *ob_str_substring(KnObject *s, kn_ssize_t start, kn_ssize_t end)
{
    kn_ssize_t len = KN_STR_LEN(s);
    if (start < 0)
        start = 0;
    if (end > len)
        end = len;
    if (start >= end)
        return ob_str_empty();
    if (start == 0 && end == len && KN_STR_CHECK_EXACT(s))
        return s;
    int kind = KN_STR_KIND(s);
    const char *d = (const char *)KN_STR_DATA(s) + start * kind;
    if (KN_STR_IS_ASCII(s) && end - start > 1) {
        /* a slice of ASCII is ASCII: no scan for the kind */
        KnObject *r = end - start < OB_STR_SHORT_MAX ? ob_str_new_ascii_short(end - start)
                                                     : ob_str_new(end - start, 0x7f);
        if (r != NULL)
            memcpy(KN_STR_DATA(r), d, (size_t)(end - start));
        return r;
    }
    return ob_str_from_kind_data(kind, d, end - start);
}

/* ---- access ---- */

kn_ssize_t ob_str_length(KnObject *s)
{
    return KN_STR_LEN(s);
}

uint32_t ob_str_read_char(KnObject *s, kn_ssize_t i)
{
    return KN_STR_READ(KN_STR_KIND(s), KN_STR_DATA(s), i);
}

uint32_t ob_str_max_char(KnObject *s)
{
    if (KN_STR_IS_ASCII(s))
        return 0x7f;
    return ob_str_kind_max(KN_STR_KIND(s));
}

void ob_str_copy_ucs4(KnObject *s, kn_ssize_t start, kn_ssize_t n, uint32_t *out)
{
    int kind = KN_STR_KIND(s);
    const void *d = KN_STR_DATA(s);
    for (kn_ssize_t i = 0; i < n; i++)
        out[i] = KN_STR_READ(kind, d, start + i);
}

const char *ob_str_as_utf8(KnObject *s, kn_ssize_t *len)
{
    if (KN_STR_IS_ASCII(s) && KN_STR_IS_COMPACT(s)) {
        if (len)
            *len = KN_STR_LEN(s);
        return (const char *)KN_STR_DATA(s);
    }
    KnCompactUnicodeObject *c = (KnCompactUnicodeObject *)s;
    if (c->utf8 == NULL) {
        KnObject *b = ob_str_encode_utf8(s, NULL);
        if (b == NULL)
            return NULL;
        kn_ssize_t n = KN_SIZE(b);
        char *buf = kgc_alloc_atomic((size_t)n + 1);
        if (buf == NULL) {
            ob_err_nomemory();
            return NULL;
        }
        memcpy(buf, KN_BYTES_AS_STRING(b), (size_t)n + 1);
        c->utf8_length = n;
        c->utf8 = buf;
    }
    if (len)
        *len = c->utf8_length;
    return c->utf8;
}

/* ---- comparison and hashing ---- */

int ob_str_equal(KnObject *a, KnObject *b)
{
    if (a == b)
        return 1;
    kn_ssize_t n = KN_STR_LEN(a);
    if (n != KN_STR_LEN(b))
        return 0;
    int ka = KN_STR_KIND(a), kb = KN_STR_KIND(b);
    const void *da = KN_STR_DATA(a), *db = KN_STR_DATA(b);
    if (ka == kb)
        return memcmp(da, db, (size_t)n * (size_t)ka) == 0;
    /* canonical kinds differ => contents differ, unless a legacy string
     * was built wider than needed: compare by code point to be safe. */
    for (kn_ssize_t i = 0; i < n; i++)
        if (KN_STR_READ(ka, da, i) != KN_STR_READ(kb, db, i))
            return 0;
    return 1;
}

int ob_str_equal_cstr(KnObject *a, const char *s)
{
    /* s is UTF-8; compare by decoding on the fly */
    int kind = KN_STR_KIND(a);
    const void *d = KN_STR_DATA(a);
    kn_ssize_t n = KN_STR_LEN(a), i = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        uint32_t c;
        int extra;
        if (*p < 0x80) { c = *p; extra = 0; }
        else if (*p < 0xe0) { c = *p & 0x1f; extra = 1; }
        else if (*p < 0xf0) { c = *p & 0x0f; extra = 2; }
        else { c = *p & 0x07; extra = 3; }
        p++;
        for (int k = 0; k < extra; k++) {
            if ((*p & 0xc0) != 0x80)
                return 0;
            c = (c << 6) | (*p++ & 0x3f);
        }
        if (i >= n || KN_STR_READ(kind, d, i) != c)
            return 0;
        i++;
    }
    return i == n;
}

int ob_str_compare(KnObject *a, KnObject *b)
{
    if (a == b)
        return 0;
    kn_ssize_t na = KN_STR_LEN(a), nb = KN_STR_LEN(b);
    kn_ssize_t n = na < nb ? na : nb;
    int ka = KN_STR_KIND(a), kb = KN_STR_KIND(b);
    const void *da = KN_STR_DATA(a), *db = KN_STR_DATA(b);
    if (ka == 1 && kb == 1) {
        int r = memcmp(da, db, (size_t)n);
        if (r != 0)
            return r < 0 ? -1 : 1;
    } else {
        for (kn_ssize_t i = 0; i < n; i++) {
            uint32_t ca = KN_STR_READ(ka, da, i), cb = KN_STR_READ(kb, db, i);
            if (ca != cb)
                return ca < cb ? -1 : 1;
        }
    }
    return na < nb ? -1 : na > nb ? 1 : 0;
}

/* CPython hashes the PEP 393 code units as stored (host byte order), so
 * hash('€') depends on the 2-byte representation; so does ours. */
kn_hash_t ob_str_hash(KnObject *s)
{
    KnASCIIObject *o = (KnASCIIObject *)s;
    if (o->hash != -1)
        return o->hash;
    o->hash = ob_hash_bytes(KN_STR_DATA(s), o->length * (kn_ssize_t)o->state.kind);
    return o->hash;
}

/* ---- interning ----
 * An open-addressed set of str in scanned GC memory (the table pointer is a
 * static root).  Interned strings live for ever, like CPython's immortal
 * interned strings; Kiln has no deallocation to unhook mortal ones. */
static KnObject **intern_table;
static size_t intern_mask, intern_used;

static int intern_grow(void)
{
    size_t ncap = intern_table ? (intern_mask + 1) * 2 : 1024;
    KnObject **nt = kgc_alloc(ncap * sizeof(KnObject *));
    if (nt == NULL) {
        ob_err_nomemory();
        return -1;
    }
    if (intern_table) {
        for (size_t i = 0; i <= intern_mask; i++) {
            KnObject *s = intern_table[i];
            if (s == NULL)
                continue;
            size_t j = (size_t)ob_str_hash(s) & (ncap - 1);
            while (nt[j] != NULL)
                j = (j + 1) & (ncap - 1);
            nt[j] = s;
        }
    }
    intern_table = nt;
    intern_mask = ncap - 1;
    return 0;
}

KnObject *ob_str_intern(KnObject *s)
{
    if (!KN_STR_CHECK_EXACT(s))
        return s;   /* CPython interns exact str only */
    if (KN_STR_ASCII(s)->state.interned)
        return s;
    if ((intern_used + 1) * 3 >= (intern_table ? intern_mask + 1 : 0) * 2 && intern_grow() < 0)
        return NULL;
    size_t j = (size_t)ob_str_hash(s) & intern_mask;
    while (intern_table[j] != NULL) {
        if (ob_str_equal(intern_table[j], s))
            return intern_table[j];
        j = (j + 1) & intern_mask;
    }
    intern_table[j] = s;
    intern_used++;
    KN_STR_ASCII(s)->state.interned = KN_SSTATE_INTERNED_IMMORTAL;
    return s;
}

KnObject *ob_str_intern_cstr(const char *cs)
{
    KnObject *s = ob_str_from_cstr(cs);
    if (s == NULL)
        return NULL;
    return ob_str_intern(s);
}

/* ---- join ---- */

KnObject *ob_str_join(KnObject *sep, KnObject *iterable)
{
    KnObject *seq = iterable;
    if (!KN_LIST_CHECK_EXACT(seq) && !KN_TUPLE_CHECK_EXACT(seq)) {
        KnObject *it = ob_get_iter(iterable);
        if (it == NULL) {
            if (ob_err_matches((KnObject *)ob_exc_TypeError)) {
                ob_err_clear();
                ob_err_set_string(ob_exc_TypeError, "can only join an iterable");
            }
            return NULL;
        }
        seq = ob_sequence_list(it);
        if (seq == NULL)
            return NULL;
    }
    KnObject *const *items = KN_LIST_CHECK_EXACT(seq) ? (KnObject *const *)KN_LIST_ITEMS(seq)
                                                      : (KnObject *const *)KN_TUPLE_ITEMS(seq);
    kn_ssize_t n = KN_SIZE(seq);
    if (n == 0)
        return ob_str_empty();
    if (n == 1 && KN_STR_CHECK_EXACT(items[0]))
        return items[0];
    return ob_str_join_checked(sep, items, n, 1);
}

/* ---- repr ---- */

static const char str_hexdigits[] = "0123456789abcdef";

static int str_put_hex(KnStrWriter *w, char tag, uint32_t ch, int ndigits)
{
    char buf[12];
    int k = 0;
    buf[k++] = '\\';
    buf[k++] = tag;
    for (int sh = (ndigits - 1) * 4; sh >= 0; sh -= 4)
        buf[k++] = str_hexdigits[(ch >> sh) & 0xf];
    return ob_str_writer_put_ascii(w, buf, k);
}

/* repr(s) (ascii_only: ascii(s)).  The quote is ' unless the text holds '
 * and no ".  Non-printable code points become \xhh, \uhhhh or \Uhhhhhhhh. */
static KnObject *str_repr_impl(KnObject *s, int ascii_only)
{
    kn_ssize_t n = KN_STR_LEN(s);
    int kind = KN_STR_KIND(s);
    const void *d = KN_STR_DATA(s);
    int has_sq = 0, has_dq = 0, plain = KN_STR_IS_ASCII(s);
    for (kn_ssize_t i = 0; i < n; i++) {
        uint32_t c = KN_STR_READ(kind, d, i);
        if (c == '\'')
            has_sq = 1;
        else if (c == '"')
            has_dq = 1;
        else if (c == '\\' || c < ' ' || c == 0x7f)
            plain = 0;
    }
    uint32_t quote = (has_sq && !has_dq) ? '"' : '\'';
    if (plain && !(has_sq && has_dq)) {
        /* printable ASCII without backslashes or the quote: copied as is */
        KnObject *r = ob_str_new(n + 2, 0x7f);
        if (r == NULL)
            return NULL;
        char *o = KN_STR_DATA(r);
        o[0] = o[n + 1] = (char)quote;
        memcpy(o + 1, d, (size_t)n);
        return r;
    }
    KnStrWriter w;
    ob_str_writer_init(&w, n + 2);
    if (ob_str_writer_put(&w, quote) < 0)
        return NULL;
    for (kn_ssize_t i = 0; i < n; i++) {
        uint32_t c = KN_STR_READ(kind, d, i);
        int r;
        if (c == quote || c == '\\') {
            char esc[2] = {'\\', (char)c};
            r = ob_str_writer_put_ascii(&w, esc, 2);
        } else if (c == '\t') {
            r = ob_str_writer_put_ascii(&w, "\\t", 2);
        } else if (c == '\n') {
            r = ob_str_writer_put_ascii(&w, "\\n", 2);
        } else if (c == '\r') {
            r = ob_str_writer_put_ascii(&w, "\\r", 2);
        } else if (c < ' ' || c == 0x7f) {
            r = str_put_hex(&w, 'x', c, 2);
        } else if (c < 0x7f) {
            r = ob_str_writer_put(&w, c);
        } else if (!ascii_only && ob_unicode_isprintable(c)) {
            r = ob_str_writer_put(&w, c);
        } else if (c <= 0xff) {
            r = str_put_hex(&w, 'x', c, 2);
        } else if (c <= 0xffff) {
            r = str_put_hex(&w, 'u', c, 4);
        } else {
            r = str_put_hex(&w, 'U', c, 8);
        }
        if (r < 0)
            return NULL;
    }
    if (ob_str_writer_put(&w, quote) < 0)
        return NULL;
    return ob_str_writer_finish(&w);
}

KnObject *ob_str_repr(KnObject *s)
{
    return str_repr_impl(s, 0);
}

KnObject *ob_str_ascii_repr(KnObject *s)
{
    return str_repr_impl(s, 1);
}

/* ---- exceptions with structured arguments ---- */

void ob_str_raise_decode_error(const char *encoding, const char *data, kn_ssize_t len,
                               kn_ssize_t start, kn_ssize_t end, const char *reason)
{
    KnObject *enc = ob_str_from_cstr(encoding);
    KnObject *obj = ob_bytes_from_data(data, len);
    KnObject *st = ob_int_from_ssize(start);
    KnObject *en = ob_int_from_ssize(end);
    KnObject *rs = ob_str_from_cstr(reason);
    if (!enc || !obj || !st || !en || !rs)
        return;
    KnObject *args = ob_tuple_pack(5, enc, obj, st, en, rs);
    if (args == NULL)
        return;
    KnObject *exc = ob_call((KnObject *)ob_exc_UnicodeDecodeError, args, NULL);
    if (exc != NULL)
        ob_err_set_object(ob_exc_UnicodeDecodeError, exc);
}

void ob_str_raise_encode_error(const char *encoding, KnObject *s, kn_ssize_t start,
                               kn_ssize_t end, const char *reason)
{
    KnObject *enc = ob_str_from_cstr(encoding);
    KnObject *st = ob_int_from_ssize(start);
    KnObject *en = ob_int_from_ssize(end);
    KnObject *rs = ob_str_from_cstr(reason);
    if (!enc || !st || !en || !rs)
        return;
    KnObject *args = ob_tuple_pack(5, enc, s, st, en, rs);
    if (args == NULL)
        return;
    KnObject *exc = ob_call((KnObject *)ob_exc_UnicodeEncodeError, args, NULL);
    if (exc != NULL)
        ob_err_set_object(ob_exc_UnicodeEncodeError, exc);
}
