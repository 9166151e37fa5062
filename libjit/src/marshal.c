/* marshal.c — the `marshal` module: CPython's format (versions 0-4) for
 * every value it supports; code objects use Kiln's own record
 * (marshal_code.c).  See NOTES-marshal.md. */
#include <stdio.h>
#include <string.h>

#include "libgc/gc.h"
#include "libjit/jit.h"
#include "libobject/complex.h"
#include "libobject/set.h"
#include "code.h"
#include "marshal.h"

#define FC(f) ((KnCFunction)(void (*)(void))(f))
#define KN_BYTES_CHECK_EXACT(o) (KN_TYPE(o) == &ob_bytes_type)

static int has_buffer(KnObject *v)
{
    KnBufferProcs *bp = KN_TYPE(v)->tp_as_buffer;
    return bp != NULL && bp->bf_getbuffer != NULL;
}

static KnObject *buffer_bytes(KnObject *v)
{
    return ob_call_onearg((KnObject *)&ob_bytes_type, v);
}

/* ---- writer ---- */

int mw_bytes(mw_state *w, const void *data, kn_ssize_t n)
{
    if (w->len + n > w->cap) {
        kn_ssize_t cap = w->cap ? w->cap : 64;
        while (cap < w->len + n)
            cap *= 2;
        char *nb = kgc_alloc_atomic((size_t)cap);
        if (nb == NULL) {
            ob_err_nomemory();
            return -1;
        }
        if (w->len)
            memcpy(nb, w->buf, (size_t)w->len);
        w->buf = nb;
        w->cap = cap;
    }
    memcpy(w->buf + w->len, data, (size_t)n);
    w->len += n;
    return 0;
}

int mw_byte(mw_state *w, int c)
{
    char b = (char)c;
    return mw_bytes(w, &b, 1);
}

int mw_int32(mw_state *w, int32_t v)
{
    uint32_t u = (uint32_t)v;
    unsigned char b[4] = { (unsigned char)u, (unsigned char)(u >> 8),
                           (unsigned char)(u >> 16), (unsigned char)(u >> 24) };
    return mw_bytes(w, b, 4);
}

static int mw_double(mw_state *w, double d)
{
    uint64_t u;
    memcpy(&u, &d, 8);
    unsigned char b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (unsigned char)(u >> (8 * i));
    return mw_bytes(w, b, 8);
}

/* Versions 0-1: a float as text, '%.17g' (CPython's repr-free form),
 * with inf/nan spelled as CPython spells them. */
static int mw_text_double(mw_state *w, double d)
{
    char buf[64];
    if (d != d)
        snprintf(buf, sizeof buf, "nan");
    else if (d == 1.0 / 0.0 || d == -1.0 / 0.0)
        snprintf(buf, sizeof buf, "%sinf", d < 0 ? "-" : "");
    else
        snprintf(buf, sizeof buf, "%.17g", d);
    int n = (int)strlen(buf);
    return mw_byte(w, n) < 0 ? -1 : mw_bytes(w, buf, n);
}

static int mw_sized(mw_state *w, int type, const char *data, kn_ssize_t n)
{
    if (n > INT32_MAX) {
        ob_err_format(ob_exc_ValueError, "unmarshallable object");
        return -1;
    }
    if (mw_byte(w, type) < 0 || mw_int32(w, (int32_t)n) < 0)
        return -1;
    return mw_bytes(w, data, n);
}

/* FLAG_REF.  CPython flags the objects with more than one reference.
 * Kiln keeps no reference counts, so it flags what such a count would
 * show for a freshly built value: objects met more than once inside it
 * (counted first, see count_refs) and the objects CPython always shares
 * (small ints, interned or one-character strings, empty str/bytes/tuple,
 * one-byte bytes).  marshal.dumps(eval(expr)) is then byte for byte
 * CPython's. */
static int globally_shared(KnObject *v)
{
    if (KN_INT_CHECK_EXACT(v)) {
        int overflow = 0;
        long long x = ob_int_as_long_long_and_overflow(v, &overflow);
        return !overflow && x >= -5 && x <= 256;
    }
    if (KN_STR_CHECK_EXACT(v)) {
        KnASCIIObject *a = (KnASCIIObject *)v;
        return a->state.interned != KN_SSTATE_NOT_INTERNED || a->length == 0
               || (a->length == 1 && a->state.kind == KN_STR_1BYTE_KIND);
    }
    if (KN_BYTES_CHECK_EXACT(v))
        return KN_SIZE(v) <= 1;
    if (KN_TUPLE_CHECK_EXACT(v))
        return KN_SIZE(v) == 0;
    return 0;
}

static int count_refs(mw_state *w, KnObject *v, int depth)
{
    if (v == NULL || v == KN_None || v == KN_True || v == KN_False || v == KN_Ellipsis
        || depth > MARSHAL_MAX_DEPTH)
        return 0;
    KnObject *key = ob_int_from_size((size_t)(uintptr_t)v);
    if (key == NULL)
        return -1;
    KnObject *c = ob_dict_getitem(w->counts, key);
    kn_ssize_t n = c ? ob_int_as_ssize(c) : 0;
    if (ob_dict_setitem(w->counts, key, ob_int_from_ssize(n + 1)) < 0)
        return -1;
    if (n > 0)
        return 0;   /* its contents were counted the first time */
    KnObject *items = NULL;
    if (KN_TUPLE_CHECK_EXACT(v) || KN_LIST_CHECK_EXACT(v) || KN_SET_CHECK_EXACT(v)
        || KN_FROZENSET_CHECK_EXACT(v))
        items = ob_sequence_list(v);
    else if (KN_DICT_CHECK_EXACT(v)) {
        items = ob_list_new(0);
        kn_ssize_t pos = 0;
        KnObject *k, *val;
        while (items != NULL && ob_dict_next(v, &pos, &k, &val))
            if (ob_list_append(items, k) < 0 || ob_list_append(items, val) < 0)
                return -1;
    } else if (KN_TYPE(v) == &jit_code_type) {
        KnCodeObject *co = JIT_CODE(v);
        items = ob_list_new(0);
        KnObject *parts[] = { co->co_consts, co->co_names, co->co_localsplusnames,
                              co->co_filename, co->co_name, co->co_qualname };
        for (size_t i = 0; items != NULL && i < sizeof parts / sizeof parts[0]; i++)
            if (ob_list_append(items, parts[i]) < 0)
                return -1;
    } else {
        return 0;
    }
    if (items == NULL)
        return -1;
    for (kn_ssize_t i = 0; i < KN_SIZE(items); i++)
        if (count_refs(w, KN_LIST_GET(items, i), depth + 1) < 0)
            return -1;
    return 0;
}

static int mw_ref(mw_state *w, KnObject *v, int *flag)
{
    *flag = 0;
    if (w->refs == NULL)
        return 0;
    KnObject *key = ob_int_from_size((size_t)(uintptr_t)v);
    if (key == NULL)
        return -1;
    KnObject *idx = ob_dict_getitem(w->refs, key);
    if (idx != NULL) {
        kn_ssize_t i = ob_int_as_ssize(idx);
        if (mw_byte(w, 'r') < 0 || mw_int32(w, (int32_t)i) < 0)
            return -1;
        return 1;
    }
    if (ob_err_occurred())
        return -1;
    KnObject *c = ob_dict_getitem(w->counts, key);
    if (!globally_shared(v) && (c == NULL || ob_int_as_ssize(c) < 2))
        return 0;
    KnObject *n = ob_int_from_ssize(ob_dict_size(w->refs));
    if (n == NULL || ob_dict_setitem(w->refs, key, n) < 0)
        return -1;
    *flag = MARSHAL_FLAG_REF;
    return 0;
}

static int mw_long(mw_state *w, KnObject *v, int flag)
{
    int overflow = 0;
    long long x = ob_int_as_long_long_and_overflow(v, &overflow);
    if (!overflow && x >= INT32_MIN && x <= INT32_MAX)
        return mw_byte(w, 'i' | flag) < 0 ? -1 : mw_int32(w, (int32_t)x);
    /* 'l': 15-bit digits from Kiln's 30-bit ones, dropping a zero top. */
    KnLongObject *l = (KnLongObject *)v;
    kn_ssize_t size = KN_SIZE(v), n30 = size < 0 ? -size : size;
    kn_ssize_t n15 = n30 * 2;
    if (n15 > 0 && (l->ob_digit[n30 - 1] >> 15) == 0)
        n15--;
    if (mw_byte(w, 'l' | flag) < 0 || mw_int32(w, (int32_t)(size < 0 ? -n15 : n15)) < 0)
        return -1;
    for (kn_ssize_t i = 0; i < n15; i++) {
        uint32_t d = (l->ob_digit[i / 2] >> (15 * (i % 2))) & 0x7FFF;
        unsigned char b[2] = { (unsigned char)d, (unsigned char)(d >> 8) };
        if (mw_bytes(w, b, 2) < 0)
            return -1;
    }
    return 0;
}

static int mw_str(mw_state *w, KnObject *v, int flag)
{
    KnASCIIObject *a = (KnASCIIObject *)v;
    /* CPython's empty and one-character ASCII strings are interned. */
    int interned = a->state.interned != KN_SSTATE_NOT_INTERNED || a->length == 0
                   || (a->length == 1 && a->state.ascii);
    kn_ssize_t n;
    if (a->state.ascii && w->version >= 4) {
        const char *s = ob_str_as_utf8(v, &n);
        if (s == NULL)
            return -1;
        if (n < 256) {
            if (mw_byte(w, (interned ? 'Z' : 'z') | flag) < 0 || mw_byte(w, (int)n) < 0)
                return -1;
            return mw_bytes(w, s, n);
        }
        return mw_sized(w, (interned ? 'A' : 'a') | flag, s, n);
    }
    KnObject *b = ob_str_encode_utf8(v, "surrogatepass");
    if (b == NULL)
        return -1;
    int type = interned && w->version >= 3 ? 't' : 'u';
    return mw_sized(w, type | flag, KN_BYTES_AS_STRING(b), KN_SIZE(b));
}

static int mw_seq(mw_state *w, KnObject *const *items, kn_ssize_t n)
{
    for (kn_ssize_t i = 0; i < n; i++)
        if (mw_object(w, items[i]) < 0)
            return -1;
    return 0;
}

static int mw_set(mw_state *w, KnObject *v, int type)
{
    KnObject *items = ob_sequence_list(v);
    if (items == NULL)
        return -1;
    if (mw_byte(w, type) < 0 || mw_int32(w, (int32_t)KN_SIZE(items)) < 0)
        return -1;
    return mw_seq(w, ((KnListObject *)items)->ob_item, KN_SIZE(items));
}

static int mw_complex(mw_state *w, KnObject *v, int flag)
{
    if (w->depth > MARSHAL_MAX_DEPTH) {
        ob_err_format(ob_exc_ValueError, "object too deeply nested to marshal");
        return -1;
    }
    if (KN_TUPLE_CHECK_EXACT(v)) {
        kn_ssize_t n = KN_SIZE(v);
        if (w->version >= 4 && n < 256) {
            if (mw_byte(w, ')' | flag) < 0 || mw_byte(w, (int)n) < 0)
                return -1;
        } else if (mw_byte(w, '(' | flag) < 0 || mw_int32(w, (int32_t)n) < 0) {
            return -1;
        }
        return mw_seq(w, ((KnTupleObject *)v)->ob_item, n);
    }
    if (KN_LIST_CHECK_EXACT(v)) {
        if (mw_byte(w, '[' | flag) < 0 || mw_int32(w, (int32_t)KN_SIZE(v)) < 0)
            return -1;
        for (kn_ssize_t i = 0; i < KN_SIZE(v); i++)
            if (mw_object(w, KN_LIST_GET(v, i)) < 0)
                return -1;
        return 0;
    }
    if (KN_DICT_CHECK_EXACT(v)) {
        if (mw_byte(w, '{' | flag) < 0)
            return -1;
        kn_ssize_t pos = 0;
        KnObject *k, *val;
        while (ob_dict_next(v, &pos, &k, &val))
            if (mw_object(w, k) < 0 || mw_object(w, val) < 0)
                return -1;
        return mw_byte(w, '0');
    }
    if (KN_SET_CHECK_EXACT(v))
        return mw_set(w, v, '<' | flag);
    if (KN_FROZENSET_CHECK_EXACT(v))
        return mw_set(w, v, '>' | flag);
    if (KN_TYPE(v) == &jit_code_type)
        return mw_byte(w, 'c' | flag) < 0 ? -1 : mw_code(w, v);
    ob_err_format(ob_exc_ValueError, "unmarshallable object");
    return -1;
}

int mw_object(mw_state *w, KnObject *v)
{
    if (v == NULL)
        return mw_byte(w, '0');
    if (v == KN_None)
        return mw_byte(w, 'N');
    if (v == KN_True)
        return mw_byte(w, 'T');
    if (v == KN_False)
        return mw_byte(w, 'F');
    if (v == KN_Ellipsis)
        return mw_byte(w, '.');
    if (v == (KnObject *)ob_exc_StopIteration)
        return mw_byte(w, 'S');
    int flag;
    int r = mw_ref(w, v, &flag);
    if (r != 0)
        return r < 0 ? -1 : 0;
    w->depth++;
    if (KN_INT_CHECK_EXACT(v))
        r = mw_long(w, v, flag);
    else if (KN_FLOAT_CHECK_EXACT(v)) {
        if (w->version > 1)
            r = mw_byte(w, 'g' | flag) < 0 ? -1 : mw_double(w, KN_FLOAT_VALUE(v));
        else
            r = mw_byte(w, 'f' | flag) < 0 ? -1 : mw_text_double(w, KN_FLOAT_VALUE(v));
    } else if (KN_COMPLEX_CHECK_EXACT(v)) {
        KnComplex c = KN_COMPLEX_VALUE(v);
        if (w->version > 1)
            r = mw_byte(w, 'y' | flag) < 0 || mw_double(w, c.real) < 0 || mw_double(w, c.imag) < 0
                ? -1 : 0;
        else
            r = mw_byte(w, 'x' | flag) < 0 || mw_text_double(w, c.real) < 0
                || mw_text_double(w, c.imag) < 0 ? -1 : 0;
    } else if (KN_STR_CHECK_EXACT(v))
        r = mw_str(w, v, flag);
    else if (KN_BYTES_CHECK_EXACT(v))
        r = mw_sized(w, 's' | flag, KN_BYTES_AS_STRING(v), KN_SIZE(v));
    else if (has_buffer(v)) {
        KnObject *b = buffer_bytes(v);
        r = b == NULL ? -1 : mw_sized(w, 's' | flag, KN_BYTES_AS_STRING(b), KN_SIZE(b));
    } else
        r = mw_complex(w, v, flag);
    w->depth--;
    return r;
}

KnObject *jit_marshal_dumps(KnObject *v, int version)
{
    mw_state w = { .version = version };
    if (version >= 3
        && ((w.refs = ob_dict_new()) == NULL || (w.counts = ob_dict_new()) == NULL
            || count_refs(&w, v, 0) < 0))
        return NULL;
    if (mw_object(&w, v) < 0)
        return NULL;
    return ob_bytes_from_data(w.buf, w.len);
}

/* ---- reader ---- */

KnObject *mr_bad(void)
{
    return ob_err_format(ob_exc_ValueError, "bad marshal data (unknown type code)");
}

static KnObject *mr_eof(void)
{
    return ob_err_format(ob_exc_EOFError, "marshal data too short");
}

const unsigned char *mr_take(mr_state *r, kn_ssize_t n)
{
    if (n < 0 || r->end - r->p < n) {
        mr_eof();
        return NULL;
    }
    const unsigned char *s = r->p;
    r->p += n;
    return s;
}

int mr_byte(mr_state *r)
{
    const unsigned char *s = mr_take(r, 1);
    return s ? *s : -1;
}

int mr_int32(mr_state *r, int32_t *out)
{
    const unsigned char *s = mr_take(r, 4);
    if (s == NULL)
        return -1;
    *out = (int32_t)((uint32_t)s[0] | (uint32_t)s[1] << 8 | (uint32_t)s[2] << 16
                     | (uint32_t)s[3] << 24);
    return 0;
}

static int mr_double(mr_state *r, double *out)
{
    const unsigned char *s = mr_take(r, 8);
    if (s == NULL)
        return -1;
    uint64_t u = 0;
    for (int i = 0; i < 8; i++)
        u |= (uint64_t)s[i] << (8 * i);
    memcpy(out, &u, 8);
    return 0;
}

static int mr_size(mr_state *r, kn_ssize_t *n)
{
    int32_t v;
    if (mr_int32(r, &v) < 0)
        return -1;
    if (v < 0) {
        ob_err_format(ob_exc_ValueError, "bad marshal data (size out of range)");
        return -1;
    }
    *n = v;
    return 0;
}

static KnObject *mr_long(mr_state *r)
{
    int32_t n;
    if (mr_int32(r, &n) < 0)
        return NULL;
    if (n == INT32_MIN)
        return ob_err_format(ob_exc_ValueError, "bad marshal data (long size out of range)");
    kn_ssize_t nd = n < 0 ? -(kn_ssize_t)n : n;
    /* The digits as a hex literal: 15 bits each, most significant first. */
    kn_ssize_t nbits = nd * 15, nhex = (nbits + 3) / 4;
    char *hex = kgc_alloc_atomic((size_t)nhex + 2);
    uint16_t *d = kgc_alloc_atomic(sizeof(uint16_t) * (size_t)(nd + 1));
    if (hex == NULL || d == NULL)
        return ob_err_nomemory();
    for (kn_ssize_t i = 0; i < nd; i++) {
        const unsigned char *s = mr_take(r, 2);
        if (s == NULL)
            return NULL;
        d[i] = (uint16_t)(s[0] | s[1] << 8);
        if (d[i] > 0x7FFF)
            return ob_err_format(ob_exc_ValueError, "bad marshal data (digit out of range in long)");
    }
    if (nd > 0 && d[nd - 1] == 0)
        return ob_err_format(ob_exc_ValueError, "bad marshal data (unnormalized long data)");
    if (nd == 0)
        return ob_int_from_ssize(0);
    for (kn_ssize_t h = 0; h < nhex; h++) {
        kn_ssize_t bit = (nhex - 1 - h) * 4;    /* lowest bit of this nibble */
        int v = 0;
        for (int k = 0; k < 4; k++) {
            kn_ssize_t b = bit + k;
            if (b < nbits && (d[b / 15] >> (b % 15)) & 1)
                v |= 1 << k;
        }
        hex[h] = "0123456789abcdef"[v];
    }
    KnObject *x = ob_int_from_string(hex, nhex, 16);
    return x == NULL || n > 0 ? x : ob_number_negative(x);
}

static KnObject *mr_str(mr_state *r, kn_ssize_t n, int ascii, int interned)
{
    const unsigned char *s = mr_take(r, n);
    if (s == NULL)
        return NULL;
    KnObject *v;
    if (ascii) {
        for (kn_ssize_t i = 0; i < n; i++)
            if (s[i] >= 0x80)
                return ob_err_format(ob_exc_ValueError, "bad marshal data (non-ASCII in ASCII string)");
        v = ob_str_from_utf8((const char *)s, n);
    } else {
        v = ob_str_decode((const char *)s, n, "utf-8", "surrogatepass");
    }
    return v != NULL && interned ? ob_str_intern(v) : v;
}

/* Reserve a slot in the reference table (flagged objects). */
static kn_ssize_t mr_reserve(mr_state *r, int flag)
{
    if (!flag)
        return -1;
    kn_ssize_t i = KN_SIZE(r->refs);
    return ob_list_append(r->refs, KN_None) < 0 ? -2 : i;
}

static KnObject *mr_set_ref(mr_state *r, kn_ssize_t i, KnObject *v)
{
    if (v != NULL && i >= 0)
        KN_LIST_GET(r->refs, i) = v;
    return v;
}

static KnObject *mr_items(mr_state *r, int type, kn_ssize_t idx)
{
    kn_ssize_t n;
    int small = type == ')';
    if (small) {
        int b = mr_byte(r);
        if (b < 0)
            return NULL;
        n = b;
    } else if (type != '{' && mr_size(r, &n) < 0) {
        return NULL;
    }
    if (type == '{') {
        KnObject *d = mr_set_ref(r, idx, ob_dict_new());
        for (;;) {
            if (d == NULL)
                return NULL;
            if (r->p < r->end && *r->p == '0') {
                r->p++;
                return d;
            }
            KnObject *k = mr_object(r);
            KnObject *v = k ? mr_object(r) : NULL;
            if (v == NULL || ob_dict_setitem(d, k, v) < 0)
                return NULL;
        }
    }
    if (type == '[') {
        KnObject *l = mr_set_ref(r, idx, ob_list_new(0));
        for (kn_ssize_t i = 0; l != NULL && i < n; i++) {
            KnObject *v = mr_object(r);
            if (v == NULL || ob_list_append(l, v) < 0)
                return NULL;
        }
        return l;
    }
    if (type == '<') {
        KnObject *s = mr_set_ref(r, idx, ob_set_new(NULL));
        for (kn_ssize_t i = 0; s != NULL && i < n; i++) {
            KnObject *v = mr_object(r);
            if (v == NULL || ob_set_add(s, v) < 0)
                return NULL;
        }
        return s;
    }
    if (n > r->end - r->p)
        return ob_err_format(ob_exc_EOFError, "EOF read where object expected");
    KnObject *t = ob_tuple_new(n);
    for (kn_ssize_t i = 0; t != NULL && i < n; i++) {
        KnObject *v = mr_object(r);
        if (v == NULL)
            return NULL;
        ((KnTupleObject *)t)->ob_item[i] = v;
    }
    if (t == NULL || type != '>')
        return mr_set_ref(r, idx, t);
    return mr_set_ref(r, idx, ob_frozenset_new(t));
}

static KnObject *mr_dispatch(mr_state *r, int type, int flag)
{
    int32_t i32;
    kn_ssize_t n, idx;
    double re, im;
    const unsigned char *s;
    switch (type) {
    case '0':
        /* NULL: only meaningful as a dict terminator (see mr_items). */
        return ob_err_format(ob_exc_SystemError, "NULL object in marshal data for object");
    case 'N': return KN_None;
    case 'T': return KN_True;
    case 'F': return KN_False;
    case '.': return KN_Ellipsis;
    case 'S': return (KnObject *)ob_exc_StopIteration;
    case 'i':
        idx = mr_reserve(r, flag);
        return mr_int32(r, &i32) < 0 ? NULL : mr_set_ref(r, idx, ob_int_from_long_long(i32));
    case 'l':
        idx = mr_reserve(r, flag);
        return mr_set_ref(r, idx, mr_long(r));
    case 'g':
        idx = mr_reserve(r, flag);
        return mr_double(r, &re) < 0 ? NULL : mr_set_ref(r, idx, ob_float_from_double(re));
    case 'y':
        idx = mr_reserve(r, flag);
        if (mr_double(r, &re) < 0 || mr_double(r, &im) < 0)
            return NULL;
        return mr_set_ref(r, idx, ob_complex_from_doubles(re, im));
    case 'f':
    case 'x': {
        idx = mr_reserve(r, flag);
        KnObject *parts[2];
        for (int k = 0; k < (type == 'x' ? 2 : 1); k++) {
            int len = mr_byte(r);
            if (len < 0 || (s = mr_take(r, len)) == NULL)
                return NULL;
            KnObject *text = ob_str_from_utf8((const char *)s, len);
            if (text == NULL || (parts[k] = ob_call_onearg((KnObject *)&ob_float_type, text)) == NULL)
                return NULL;
        }
        if (type == 'f')
            return mr_set_ref(r, idx, parts[0]);
        return mr_set_ref(r, idx, ob_complex_from_doubles(KN_FLOAT_VALUE(parts[0]),
                                                          KN_FLOAT_VALUE(parts[1])));
    }
    case 's':
        idx = mr_reserve(r, flag);
        if (mr_size(r, &n) < 0 || (s = mr_take(r, n)) == NULL)
            return NULL;
        return mr_set_ref(r, idx, ob_bytes_from_data(s, n));
    case 'u': case 't': case 'a': case 'A':
        idx = mr_reserve(r, flag);
        if (mr_size(r, &n) < 0)
            return NULL;
        return mr_set_ref(r, idx, mr_str(r, n, type == 'a' || type == 'A',
                                         type == 't' || type == 'A'));
    case 'z': case 'Z': {
        idx = mr_reserve(r, flag);
        int b = mr_byte(r);
        if (b < 0)
            return NULL;
        return mr_set_ref(r, idx, mr_str(r, b, 1, type == 'Z'));
    }
    case '(': case ')': case '[': case '{': case '<': case '>':
        idx = mr_reserve(r, flag);
        return idx == -2 ? NULL : mr_items(r, type, idx);
    case 'c':
        idx = mr_reserve(r, flag);
        return idx == -2 ? NULL : mr_code(r, idx);
    case 'r':
        if (mr_int32(r, &i32) < 0)
            return NULL;
        if (i32 < 0 || i32 >= KN_SIZE(r->refs))
            return ob_err_format(ob_exc_ValueError, "bad marshal data (invalid reference)");
        return KN_LIST_GET(r->refs, i32);
    default:
        return mr_bad();
    }
}

KnObject *mr_object(mr_state *r)
{
    int code = mr_byte(r);
    if (code < 0)
        return ob_err_format(ob_exc_EOFError, "EOF read where object expected");
    if (++r->depth > MARSHAL_MAX_DEPTH) {
        r->depth--;
        return ob_err_format(ob_exc_ValueError, "recursion limit exceeded");
    }
    KnObject *v = mr_dispatch(r, code & ~MARSHAL_FLAG_REF, code & MARSHAL_FLAG_REF);
    r->depth--;
    if (v == NULL && !ob_err_occurred())
        ob_err_format(ob_exc_TypeError, "NULL object in marshal data for object");
    return v;
}

static KnObject *loads_at(const char *data, kn_ssize_t len, kn_ssize_t *used)
{
    mr_state r = { (const unsigned char *)data, (const unsigned char *)data + len, 0, ob_list_new(0) };
    if (r.refs == NULL)
        return NULL;
    KnObject *v = mr_object(&r);
    if (v != NULL && used != NULL)
        *used = (kn_ssize_t)(r.p - (const unsigned char *)data);
    return v;
}

KnObject *jit_marshal_loads(const char *data, kn_ssize_t len)
{
    return loads_at(data, len, NULL);
}

/* ---- the module ---- */

static int get_version(KnObject *v, int *out)
{
    *out = MARSHAL_VERSION;
    if (v == NULL)
        return 0;
    kn_ssize_t n = ob_number_as_ssize(v, ob_exc_OverflowError);
    if (n == -1 && ob_err_occurred())
        return -1;
    *out = (int)n;
    return 0;
}

static KnObject *m_dumps(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    int version;
    if (ob_args_check_positional("dumps", nargs, 1, 2) < 0
        || get_version(nargs > 1 ? args[1] : NULL, &version) < 0)
        return NULL;
    return jit_marshal_dumps(args[0], version);
}

static KnObject *m_dump(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    int version;
    if (ob_args_check_positional("dump", nargs, 2, 3) < 0
        || get_version(nargs > 2 ? args[2] : NULL, &version) < 0)
        return NULL;
    KnObject *b = jit_marshal_dumps(args[0], version);
    if (b == NULL)
        return NULL;
    KnObject *write = ob_getattr_str(args[1], "write");
    return write == NULL || ob_call_onearg(write, b) == NULL ? NULL : KN_None;
}

static KnObject *bytes_of(KnObject *v)
{
    if (KN_BYTES_CHECK(v))
        return v;
    if (!has_buffer(v))
        return ob_err_format(ob_exc_TypeError, "a bytes-like object is required, not '%s'",
                             ob_type_name(KN_TYPE(v)));
    return buffer_bytes(v);
}

static KnObject *m_loads(KnObject *m, KnObject *arg)
{
    (void)m;
    KnObject *b = bytes_of(arg);
    return b ? jit_marshal_loads(KN_BYTES_AS_STRING(b), KN_SIZE(b)) : NULL;
}

/* load(file): reads what is left of the file (CPython reads just the
 * object); the file position is then put right after the object when the
 * file can seek. */
static KnObject *m_load(KnObject *m, KnObject *file)
{
    (void)m;
    KnObject *data = ob_call_method(file, "read", 0);
    if (data == NULL)
        return NULL;
    KnObject *b = bytes_of(data);
    if (b == NULL)
        return NULL;
    if (KN_SIZE(b) == 0)
        return ob_err_format(ob_exc_EOFError, "EOF read where object expected");
    kn_ssize_t used = 0;
    KnObject *v = loads_at(KN_BYTES_AS_STRING(b), KN_SIZE(b), &used);
    if (v == NULL)
        return NULL;
    if (used < KN_SIZE(b)) {
        KnObject *off = ob_int_from_ssize(used - KN_SIZE(b)), *whence = ob_int_from_ssize(1);
        if (off == NULL || whence == NULL || ob_call_method(file, "seek", 2, off, whence) == NULL)
            return NULL;
    }
    return v;
}

static KnMethodDef marshal_functions[] = {
    {"dumps", FC(m_dumps), KN_METH_FASTCALL,
     "Return the bytes object that would be written to a file by dump(value, file)."},
    {"dump", FC(m_dump), KN_METH_FASTCALL, "Write the value on the open file."},
    {"loads", FC(m_loads), KN_METH_O, "Convert the bytes-like object to a value."},
    {"load", FC(m_load), KN_METH_O, "Read one value from the open file and return it."},
    {NULL, NULL, 0, NULL}
};

KnObject *kn_init_marshal(void)
{
    KnObject *m = ob_module_new_cstr("marshal");
    KnObject *v = ob_int_from_ssize(MARSHAL_VERSION);
    if (m == NULL || v == NULL || ob_module_add_functions(m, marshal_functions) < 0
        || ob_module_add_object(m, "version", v) < 0)
        return NULL;
    return m;
}
