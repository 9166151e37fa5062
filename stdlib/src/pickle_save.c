/* pickle_save.c — save(): the dispatch on an object's exact type, the
 * atoms (None, bool, int, float, str, bytes) and the containers (tuple,
 * list, dict, set, frozenset, bytearray, PickleBuffer).
 *
 * Opcode choices, batching (BATCHSIZE items between MARK and
 * APPENDS / SETITEMS / ADDITEMS) and memoization order reproduce CPython's
 * C pickler, which differs from pickle.py in a few places (an exact list
 * always batches with MARK; an exact dict of exactly 1000 items ends with an
 * empty MARK SETITEMS pair). */
#include <stdio.h>
#include <string.h>

#include "pickle_internal.h"
#include "libobject/set.h"

#define FAST_NESTING_LIMIT 50

extern KnClassHooks ob_type_hooks;

/* ---- memo ---- */

/* PUT / GET in their three sizes: text ("p5\n"), one byte, four bytes. */
static int write_memo_op(PkPickler *p, kn_ssize_t idx, const char ops[3], const char *what)
{
    char buf[32];
    int n;
    if (!p->bin) {
        n = snprintf(buf, sizeof buf, "%c%zd\n", ops[0], idx);
    } else if (idx < 256) {
        buf[0] = ops[1];
        buf[1] = (char)idx;
        n = 2;
    } else if ((size_t)idx <= 0xffffffffUL) {
        buf[0] = ops[2];
        for (int i = 0; i < 4; i++)
            buf[1 + i] = (char)(idx >> (8 * i));
        n = 5;
    } else {
        ob_err_format(PK_ERR(PicklingError), "memo id too large for %s", what);
        return -1;
    }
    return pk_write(p, buf, n);
}

int pk_memo_put(PkPickler *p, KnObject *obj)
{
    if (p->fast)
        return 0;
    kn_ssize_t idx = p->memo.used;
    if (pk_memo_set(&p->memo, obj, idx) < 0)
        return -1;
    if (p->proto >= 4)
        return pk_write_op(p, '\x94');
    return write_memo_op(p, idx, "pqr", "LONG_BINPUT");
}

int pk_memo_emit_get(PkPickler *p, KnObject *obj)
{
    kn_ssize_t *v = pk_memo_get(&p->memo, obj);
    if (v == NULL) {
        ob_err_set_object(ob_exc_KeyError, obj);
        return -1;
    }
    return write_memo_op(p, *v, "ghj", "LONG_BINGET");
}

/* ---- fast mode: no memo, a cycle check past 50 levels ---- */

static int fast_enter(PkPickler *p, KnObject *obj)
{
    if (++p->fast_nesting < FAST_NESTING_LIMIT)
        return 0;
    KnObject *key = NULL;
    int r = -1;
    if (p->fast_memo == NULL)
        p->fast_memo = ob_dict_new();
    if (p->fast_memo != NULL)
        key = ob_int_from_size((size_t)(uintptr_t)obj);
    if (key != NULL)
        r = ob_dict_contains(p->fast_memo, key);
    if (r > 0)
        ob_err_format(ob_exc_ValueError,
                      "fast mode: can't pickle cyclic objects including object type %s at %p",
                      KN_TYPE(obj)->tp_name, (void *)obj);
    else if (r == 0)
        r = ob_dict_setitem(p->fast_memo, key, KN_None);
    if (r != 0) {
        /* an error exit: the levels below must not touch fast_memo */
        p->fast_nesting = -1;
        return -1;
    }
    return 0;
}

static int fast_leave(PkPickler *p, KnObject *obj)
{
    if (p->fast_nesting-- < FAST_NESTING_LIMIT)
        return 0;
    KnObject *key = ob_int_from_size((size_t)(uintptr_t)obj);
    return key == NULL ? -1 : ob_dict_delitem(p->fast_memo, key);
}

/* ---- atoms ---- */

static int save_bool(PkPickler *p, KnObject *obj)
{
    if (p->proto >= 2)
        return pk_write_op(p, obj == KN_True ? '\x88' : '\x89');
    return pk_write(p, obj == KN_True ? "I01\n" : "I00\n", 4);
}

/* Two's complement, little-endian, fewest bytes (pickle's encode_long). */
static int save_long_bytes(PkPickler *p, KnObject *obj)
{
    KnLongObject *v = (KnLongObject *)obj;
    kn_ssize_t nd = KN_SIZE(obj) < 0 ? -KN_SIZE(obj) : KN_SIZE(obj);
    int neg = KN_SIZE(obj) < 0;
    kn_digit top = v->ob_digit[nd - 1];
    kn_ssize_t nbits = (nd - 1) * KN_INT_SHIFT;
    while (top) {
        nbits++;
        top >>= 1;
    }
    kn_ssize_t nbytes = (nbits >> 3) + 1;
    if (nbytes > 0x7fffffffL) {
        ob_err_set_string(ob_exc_OverflowError, "int too large to pickle");
        return -1;
    }
    KnObject *buf = ob_bytes_new_uninit(nbytes + 5);
    if (buf == NULL)
        return -1;
    unsigned char *hdr = (unsigned char *)KN_BYTES_AS_STRING(buf);
    unsigned char *b = hdr + 5;
    /* magnitude */
    uint64_t acc = 0;
    int accbits = 0;
    kn_ssize_t di = 0, bi = 0;
    while (bi < nbytes) {
        while (accbits < 8 && di < nd) {
            acc |= (uint64_t)v->ob_digit[di++] << accbits;
            accbits += KN_INT_SHIFT;
        }
        b[bi++] = (unsigned char)acc;
        acc >>= 8;
        accbits -= 8;
        if (accbits < 0)
            accbits = 0;
    }
    if (neg) {
        unsigned carry = 1;
        for (kn_ssize_t i = 0; i < nbytes; i++) {
            unsigned x = (unsigned char)~b[i] + carry;
            b[i] = (unsigned char)x;
            carry = x >> 8;
        }
        if (nbytes > 1 && b[nbytes - 1] == 0xff && (b[nbytes - 2] & 0x80))
            nbytes--;
    }
    kn_ssize_t hlen;
    if (nbytes < 256) {
        hdr[3] = '\x8a';
        hdr[4] = (unsigned char)nbytes;
        hlen = 2;
    } else {
        hdr[0] = '\x8b';
        for (int i = 0; i < 4; i++)
            hdr[1 + i] = (unsigned char)(nbytes >> (8 * i));
        hlen = 5;
    }
    return pk_write(p, (char *)b - hlen, hlen + nbytes);
}

static int save_long(PkPickler *p, KnObject *obj)
{
    int overflow;
    long long val = ob_int_as_long_long_and_overflow(obj, &overflow);
    if (!overflow && val <= 0x7fffffffLL && val >= -0x80000000LL) {
        char out[32];
        int n;
        if (p->bin) {
            for (int i = 0; i < 4; i++)
                out[1 + i] = (char)(val >> (8 * i));
            if (out[3] == 0 && out[4] == 0) {
                if (out[2] == 0) {
                    out[0] = 'K';
                    n = 2;
                } else {
                    out[0] = 'M';
                    n = 3;
                }
            } else {
                out[0] = 'J';
                n = 5;
            }
        } else {
            n = snprintf(out, sizeof out, "I%lld\n", val);
        }
        return pk_write(p, out, n);
    }
    if (p->proto >= 2)
        return save_long_bytes(p, obj);
    KnObject *r = ob_int_to_decimal_string(obj);
    if (r == NULL)
        return -1;
    kn_ssize_t n;
    const char *s = ob_str_as_utf8(r, &n);
    if (pk_write_op(p, 'L') < 0 || pk_write(p, s, n) < 0 || pk_write(p, "L\n", 2) < 0)
        return -1;
    return 0;
}

static int save_float(PkPickler *p, KnObject *obj)
{
    double x = KN_FLOAT_VALUE(obj);
    if (p->bin) {
        char out[9];
        uint64_t bits;
        memcpy(&bits, &x, 8);
        out[0] = 'G';
        for (int i = 0; i < 8; i++)
            out[1 + i] = (char)(bits >> (56 - 8 * i));
        return pk_write(p, out, 9);
    }
    char buf[72];
    buf[0] = 'F';
    int n = ob_float_repr_buf(x, buf + 1, sizeof buf - 2);
    buf[1 + n] = '\n';
    return pk_write(p, buf, n + 2);
}

/* The opcode and little-endian length before a counted payload: ops are
 * the 1-, 4- and 8-byte forms (the 1-byte one only when short_ok, the
 * 8-byte one from protocol 4).  The header's length, or -1. */
static kn_ssize_t size_header(PkPickler *p, char hdr[9], kn_ssize_t n, int short_ok,
                              const char ops[3], const char *too_big)
{
    int width;
    if (short_ok && n <= 0xff) {
        hdr[0] = ops[0];
        width = 1;
    } else if ((size_t)n <= 0xffffffffUL) {
        hdr[0] = ops[1];
        width = 4;
    } else if (p->proto >= 4) {
        hdr[0] = ops[2];
        width = 8;
    } else {
        ob_err_set_string(ob_exc_OverflowError, too_big);
        return -1;
    }
    for (int i = 0; i < width; i++)
        hdr[1 + i] = (char)((uint64_t)n >> (8 * i));
    return 1 + width;
}

int pk_save_bytes_data(PkPickler *p, KnObject *obj, const char *data, kn_ssize_t n)
{
    char hdr[9];
    kn_ssize_t hlen = size_header(p, hdr, n, 1, "CB\x8e",
                                  "cannot serialize a bytes object larger than 4 GiB");
    if (hlen < 0)
        return -1;
    if (pk_write_bytes(p, hdr, hlen, data, n, KN_BYTES_CHECK(obj) ? obj : NULL) < 0)
        return -1;
    return pk_memo_put(p, obj);
}

int pk_save_bytearray_data(PkPickler *p, KnObject *obj, const char *data, kn_ssize_t n)
{
    char hdr[9];
    hdr[0] = '\x96';
    for (int i = 0; i < 8; i++)
        hdr[1 + i] = (char)((uint64_t)n >> (8 * i));
    if (pk_write_bytes(p, hdr, 9, data, n, NULL) < 0)
        return -1;
    return pk_memo_put(p, obj);
}

static int save_bytes(PkPickler *p, KnObject *obj)
{
    if (p->proto >= 3)
        return pk_save_bytes_data(p, obj, KN_BYTES_AS_STRING(obj), KN_SIZE(obj));
    /* Protocols 0-2 have no bytes opcode: reduce to codecs.encode(latin-1 text). */
    KnObject *rv;
    if (KN_SIZE(obj) == 0) {
        rv = ob_tuple_pack(2, (KnObject *)&ob_bytes_type, ob_tuple_empty());
    } else {
        KnObject *text = ob_str_from_latin1(KN_BYTES_AS_STRING(obj), KN_SIZE(obj));
        if (text == NULL)
            return -1;
        KnObject *args = ob_tuple_pack(2, text, PK_ID(latin1));
        rv = args ? ob_tuple_pack(2, pk_state.codecs_encode, args) : NULL;
    }
    return rv == NULL ? -1 : pk_save_reduce(p, rv, obj);
}

static int save_bytearray(PkPickler *p, KnObject *obj)
{
    KnByteArrayObject *ba = (KnByteArrayObject *)obj;
    if (p->proto >= 5)
        return pk_save_bytearray_data(p, obj, ba->ob_start, KN_SIZE(obj));
    KnObject *rv;
    if (KN_SIZE(obj) == 0) {
        rv = ob_tuple_pack(2, (KnObject *)&ob_bytearray_type, ob_tuple_empty());
    } else {
        KnObject *b = ob_bytes_from_data(ba->ob_start, KN_SIZE(obj));
        KnObject *args = b ? ob_tuple_pack(1, b) : NULL;
        rv = args ? ob_tuple_pack(2, (KnObject *)&ob_bytearray_type, args) : NULL;
    }
    return rv == NULL ? -1 : pk_save_reduce(p, rv, obj);
}

static int save_picklebuffer(PkPickler *p, KnObject *obj)
{
    if (p->proto < 5) {
        ob_err_set_string(PK_ERR(PicklingError),
                          "PickleBuffer can only pickled with protocol >= 5");
        return -1;
    }
    const KnBuffer *view = pk_picklebuffer_view(obj);
    if (view == NULL)
        return -1;
    if (view->suboffsets != NULL || !ob_buffer_is_contiguous(view, 'A')) {
        ob_err_set_string(PK_ERR(PicklingError),
                          "PickleBuffer can not be pickled when pointing to a "
                          "non-contiguous buffer");
        return -1;
    }
    int in_band = 1;
    if (p->buffer_callback != NULL) {
        KnObject *r = ob_call_onearg(p->buffer_callback, obj);
        if (r == NULL || (in_band = ob_is_true(r)) < 0)
            return -1;
    }
    if (in_band) {
        if (view->readonly)
            return pk_save_bytes_data(p, obj, view->buf, view->len);
        return pk_save_bytearray_data(p, obj, view->buf, view->len);
    }
    if (pk_write_op(p, '\x97') < 0)
        return -1;
    return view->readonly ? pk_write_op(p, '\x98') : 0;
}

/* The text of protocol 0's UNICODE opcode: raw-unicode-escape, with also
 * backslash, NUL, \n, \r and \x1a escaped so the line stays one line. */
static int save_unicode_text(PkPickler *p, KnObject *obj)
{
    kn_ssize_t len = KN_STR_LEN(obj);
    int kind = KN_STR_KIND(obj);
    const void *data = KN_STR_DATA(obj);
    static const char hex[] = "0123456789abcdef";
    if (pk_write_op(p, 'V') < 0)
        return -1;
    char chunk[256];
    int n = 0;
    for (kn_ssize_t i = 0; i < len; i++) {
        uint32_t ch = KN_STR_READ(kind, data, i);
        if (n > (int)sizeof chunk - 12) {
            if (pk_write(p, chunk, n) < 0)
                return -1;
            n = 0;
        }
        if (ch >= 0x10000) {
            chunk[n++] = '\\';
            chunk[n++] = 'U';
            for (int s = 28; s >= 0; s -= 4)
                chunk[n++] = hex[(ch >> s) & 15];
        } else if (ch >= 256 || ch == '\\' || ch == 0 || ch == '\n' || ch == '\r'
                   || ch == 0x1a) {
            chunk[n++] = '\\';
            chunk[n++] = 'u';
            for (int s = 12; s >= 0; s -= 4)
                chunk[n++] = hex[(ch >> s) & 15];
        } else {
            chunk[n++] = (char)ch;
        }
    }
    chunk[n++] = '\n';
    return pk_write(p, chunk, n);
}

static int save_unicode(PkPickler *p, KnObject *obj)
{
    if (!p->bin) {
        if (save_unicode_text(p, obj) < 0)
            return -1;
        return pk_memo_put(p, obj);
    }
    const char *data;
    kn_ssize_t n;
    KnObject *encoded = NULL;
    if (KN_STR_IS_ASCII(obj) && KN_STR_IS_COMPACT(obj)) {
        data = (const char *)KN_STR_DATA(obj);
        n = KN_STR_LEN(obj);
    } else if ((data = ob_str_as_utf8(obj, &n)) == NULL) {
        ob_err_clear();
        encoded = ob_str_encode(obj, "utf-8", "surrogatepass");
        if (encoded == NULL)
            return -1;
        data = KN_BYTES_AS_STRING(encoded);
        n = KN_SIZE(encoded);
    }
    char hdr[9];
    kn_ssize_t hlen = size_header(p, hdr, n, p->proto >= 4, "\x8cX\x8d",
                                  "cannot serialize a string larger than 4GiB");
    if (hlen < 0)
        return -1;
    if (n < PK_FRAME_SIZE_TARGET) {
        if (pk_write(p, hdr, hlen) < 0 || pk_write(p, data, n) < 0)
            return -1;
    } else if (pk_write_bytes(p, hdr, hlen, data, n, encoded) < 0) {
        return -1;
    }
    return pk_memo_put(p, obj);
}

/* ---- containers ---- */

static int save_tuple(PkPickler *p, KnObject *obj)
{
    kn_ssize_t len = KN_SIZE(obj);
    static const char len2op[] = {')', '\x85', '\x86', '\x87'};
    if (len == 0)
        return p->proto ? pk_write_op(p, ')') : pk_write(p, "(t", 2);
    int short_form = len <= 3 && p->proto >= 2;
    if (!short_form && pk_write_op(p, '(') < 0)
        return -1;
    for (kn_ssize_t i = 0; i < len; i++) {
        if (pk_save(p, KN_TUPLE_GET(obj, i), 0) < 0)
            return -1;
    }
    if (pk_memo_get(&p->memo, obj) != NULL) {
        /* recursive: drop what was pushed, fetch the memoized tuple */
        if (short_form) {
            for (kn_ssize_t i = 0; i < len; i++)
                if (pk_write_op(p, '0') < 0)
                    return -1;
        } else if (p->bin) {
            if (pk_write_op(p, '1') < 0)
                return -1;
        } else {
            for (kn_ssize_t i = 0; i <= len; i++)
                if (pk_write_op(p, '0') < 0)
                    return -1;
        }
        return pk_memo_emit_get(p, obj);
    }
    if (pk_write_op(p, short_form ? len2op[len] : 't') < 0)
        return -1;
    return pk_memo_put(p, obj);
}

static int batch_list_exact(PkPickler *p, KnObject *list)
{
    if (KN_SIZE(list) == 1) {
        if (pk_save(p, KN_LIST_GET(list, 0), 0) < 0)
            return -1;
        return pk_write_op(p, 'a');
    }
    kn_ssize_t total = 0;
    do {
        int batch = 0;
        if (pk_write_op(p, '(') < 0)
            return -1;
        while (total < KN_SIZE(list)) {
            if (pk_save(p, KN_LIST_GET(list, total), 0) < 0)
                return -1;
            total++;
            if (++batch == PK_BATCHSIZE)
                break;
        }
        if (pk_write_op(p, 'e') < 0)
            return -1;
    } while (total < KN_SIZE(list));
    return 0;
}

static int check_pair(KnObject *item)
{
    if (!KN_TUPLE_CHECK(item) || KN_SIZE(item) != 2) {
        ob_err_set_string(ob_exc_TypeError, "dict items iterator must return 2-tuples");
        return -1;
    }
    return 0;
}

static int save_pair(PkPickler *p, KnObject *item)
{
    return pk_save(p, KN_TUPLE_GET(item, 0), 0) < 0 || pk_save(p, KN_TUPLE_GET(item, 1), 0) < 0
               ? -1 : 0;
}

/* One item of an iterator being batched: a value, or a (key, value) pair. */
static int save_item(PkPickler *p, KnObject *item, int pairs)
{
    if (!pairs)
        return pk_save(p, item, 0);
    return check_pair(item) < 0 || save_pair(p, item) < 0 ? -1 : 0;
}

/* Items from an iterator (list subclasses, protocol 0, the 4th / 5th
 * element of a reduce tuple): protocol 0 one opcode per item; otherwise
 * MARK ... APPENDS / SETITEMS batches of 1000, a lone last item with
 * APPEND / SETITEM. */
static int batch_iter(PkPickler *p, KnObject *iter, int pairs)
{
    char one = pairs ? 's' : 'a', many = pairs ? 'u' : 'e';
    KnObject *obj;
    if (p->proto == 0) {
        while ((obj = ob_iter_next(iter)) != NULL) {
            if (save_item(p, obj, pairs) < 0 || pk_write_op(p, one) < 0)
                return -1;
        }
        return ob_err_occurred() ? -1 : 0;
    }
    int n;
    do {
        KnObject *first = ob_iter_next(iter);
        if (first == NULL)
            return ob_err_occurred() ? -1 : 0;
        if (pairs && check_pair(first) < 0)
            return -1;
        obj = ob_iter_next(iter);
        if (obj == NULL) {
            if (ob_err_occurred() || save_item(p, first, pairs) < 0)
                return -1;
            return pk_write_op(p, one);
        }
        if (pk_write_op(p, '(') < 0 || save_item(p, first, pairs) < 0)
            return -1;
        n = 1;
        while (obj) {
            if (save_item(p, obj, pairs) < 0)
                return -1;
            if (++n == PK_BATCHSIZE)
                break;
            obj = ob_iter_next(iter);
            if (obj == NULL && ob_err_occurred())
                return -1;
        }
        if (pk_write_op(p, many) < 0)
            return -1;
    } while (n == PK_BATCHSIZE);
    return 0;
}

int pk_batch_list(PkPickler *p, KnObject *iter)
{
    return batch_iter(p, iter, 0);
}

int pk_batch_dict(PkPickler *p, KnObject *iter)
{
    return batch_iter(p, iter, 1);
}

static int batch_dict_exact(PkPickler *p, KnObject *d)
{
    kn_ssize_t size = ob_dict_size(d), pos = 0;
    KnObject *k, *v;
    if (size == 1) {
        ob_dict_next(d, &pos, &k, &v);
        if (pk_save(p, k, 0) < 0 || pk_save(p, v, 0) < 0)
            return -1;
        return pk_write_op(p, 's');
    }
    int i;
    do {
        i = 0;
        if (pk_write_op(p, '(') < 0)
            return -1;
        while (ob_dict_next(d, &pos, &k, &v)) {
            if (pk_save(p, k, 0) < 0 || pk_save(p, v, 0) < 0)
                return -1;
            if (++i == PK_BATCHSIZE)
                break;
        }
        if (pk_write_op(p, 'u') < 0)
            return -1;
        if (ob_dict_size(d) != size) {
            ob_err_set_string(ob_exc_RuntimeError, "dictionary changed size during iteration");
            return -1;
        }
    } while (i == PK_BATCHSIZE);
    return 0;
}

/* list and dict: fast-mode cycle check, the empty container and its memo
 * entry, then the items (exact containers batch; protocol 0 one by one). */
static int save_mutable(PkPickler *p, KnObject *obj, int is_dict)
{
    int status = -1;
    if (p->fast && fast_enter(p, obj) < 0)
        return -1;
    if ((p->bin ? pk_write_op(p, is_dict ? '}' : ']') : pk_write(p, is_dict ? "(d" : "(l", 2)) < 0)
        goto done;
    if (pk_memo_put(p, obj) < 0)
        goto done;
    status = 0;
    if ((is_dict ? ob_dict_size(obj) : KN_SIZE(obj)) != 0) {
        if (ob_enter_recursive_call(" while pickling an object") < 0) {
            status = -1;
            goto done;
        }
        if (p->proto > 0) {
            status = is_dict ? batch_dict_exact(p, obj) : batch_list_exact(p, obj);
        } else {
            KnObject *items = is_dict ? ob_call_method(obj, "items", 0) : obj;
            KnObject *it = items ? ob_get_iter(items) : NULL;
            status = it == NULL ? -1 : is_dict ? pk_batch_dict(p, it) : pk_batch_list(p, it);
        }
        ob_leave_recursive_call();
    }
done:
    if (p->fast && fast_leave(p, obj) < 0)
        status = -1;
    return status;
}

static int save_set(PkPickler *p, KnObject *obj)
{
    if (p->proto < 4) {
        KnObject *items = ob_sequence_list(obj);
        KnObject *args = items ? ob_tuple_pack(1, items) : NULL;
        KnObject *rv = args ? ob_tuple_pack(2, (KnObject *)&ob_set_type, args) : NULL;
        return rv == NULL ? -1 : pk_save_reduce(p, rv, obj);
    }
    if (pk_write_op(p, '\x8f') < 0 || pk_memo_put(p, obj) < 0)
        return -1;
    kn_ssize_t size = ob_set_size(obj), pos = 0;
    if (size == 0)
        return 0;
    KnObject *item;
    kn_hash_t h;
    int i;
    do {
        i = 0;
        if (pk_write_op(p, '(') < 0)
            return -1;
        while (ob_set_next(obj, &pos, &item, &h)) {
            if (pk_save(p, item, 0) < 0)
                return -1;
            if (++i == PK_BATCHSIZE)
                break;
        }
        if (pk_write_op(p, '\x90') < 0)
            return -1;
        if (ob_set_size(obj) != size) {
            ob_err_set_string(ob_exc_RuntimeError, "set changed size during iteration");
            return -1;
        }
    } while (i == PK_BATCHSIZE);
    return 0;
}

static int save_frozenset(PkPickler *p, KnObject *obj)
{
    if (p->proto < 4) {
        KnObject *items = ob_sequence_list(obj);
        KnObject *args = items ? ob_tuple_pack(1, items) : NULL;
        KnObject *rv = args ? ob_tuple_pack(2, (KnObject *)&ob_frozenset_type, args) : NULL;
        return rv == NULL ? -1 : pk_save_reduce(p, rv, obj);
    }
    if (pk_write_op(p, '(') < 0)
        return -1;
    kn_ssize_t pos = 0;
    KnObject *item;
    kn_hash_t h;
    while (ob_set_next(obj, &pos, &item, &h)) {
        if (pk_save(p, item, 0) < 0)
            return -1;
    }
    if (pk_memo_get(&p->memo, obj) != NULL) {
        if (pk_write_op(p, '1') < 0)
            return -1;
        return pk_memo_emit_get(p, obj);
    }
    if (pk_write_op(p, '\x91') < 0)
        return -1;
    return pk_memo_put(p, obj);
}

/* ---- save ---- */

int pk_save(PkPickler *p, KnObject *obj, int pers_save)
{
    if (pk_opcode_boundary(p) < 0)
        return -1;
    if (!pers_save && p->pers_func != NULL) {
        int r = pk_save_pers(p, obj);
        if (r != 0)
            return r < 0 ? -1 : 0;
    }
    KnTypeObject *type = KN_TYPE(obj);
    if (obj == KN_None)
        return pk_write_op(p, 'N');
    if (type == &ob_bool_type)
        return save_bool(p, obj);
    if (type == &ob_int_type)
        return save_long(p, obj);
    if (type == &ob_float_type)
        return save_float(p, obj);
    if (pk_memo_get(&p->memo, obj) != NULL)
        return pk_memo_emit_get(p, obj);
    if (type == &ob_bytes_type)
        return save_bytes(p, obj);
    if (type == &ob_str_type)
        return save_unicode(p, obj);

    if (ob_enter_recursive_call(" while pickling an object") < 0)
        return -1;
    int status;
    if (type == &ob_dict_type)
        status = save_mutable(p, obj, 1);
    else if (type == &ob_set_type)
        status = save_set(p, obj);
    else if (type == &ob_frozenset_type)
        status = save_frozenset(p, obj);
    else if (type == &ob_list_type)
        status = save_mutable(p, obj, 0);
    else if (type == &ob_tuple_type)
        status = save_tuple(p, obj);
    else if (type == &ob_bytearray_type)
        status = save_bytearray(p, obj);
    else if (type == &pk_picklebuffer_type)
        status = save_picklebuffer(p, obj);
    else
        status = pk_save_via_reduce(p, obj);
    ob_leave_recursive_call();
    return status;
}

int pk_dump(PkPickler *p, KnObject *obj)
{
    KnObject *ro = NULL;
    int status = -1;
    if (pk_lookup_attr((KnObject *)p, PK_ID(reducer_override), &ro) < 0)
        goto done;
    p->reducer_override = ro;
    if (p->proto >= 2) {
        char hdr[2] = {'\x80', (char)p->proto};
        if (pk_write(p, hdr, 2) < 0)
            goto done;
        if (p->proto >= 4)
            p->framing = 1;
    }
    if (pk_save(p, obj, 0) < 0 || pk_write_op(p, '.') < 0 || pk_commit_frame(p) < 0)
        goto done;
    status = 0;
done:
    p->framing = 0;
    p->reducer_override = NULL;
    return status;
}
