/*
 * int_methods.c — int(x), int(s, base) and the methods and attributes of
 * int reached from Python (bit_length, to_bytes, __round__, real, ...).
 */
#include <stdlib.h>
#include <string.h>
#include "int_internal.h"
#include "libobject/errors.h"
#include "libobject/abstract.h"
#include "libobject/args.h"
#include "libobject/bytes.h"
#include "libobject/singletons.h"
#include "libobject/str.h"
#include "libobject/tuple.h"
#include "libobject/unicode.h"
#include "libgc/gc.h"

/* str -> ASCII for int()/float() parsing: Unicode decimal digits become
 * '0'..'9', Unicode white space ' ', anything else non-ASCII '?' (which no
 * parser accepts).  NULL + error (lone surrogates are fine: they become '?'). */
char *ob_int_text_ascii(KnObject *s, kn_ssize_t *len)
{
    kn_ssize_t n = ob_str_length(s);
    if (KN_STR_IS_ASCII(s) && KN_STR_IS_COMPACT(s)) {
        /* already ASCII and NUL-terminated (compact): the parsers only
         * read it */
        *len = n;
        return (char *)KN_STR_DATA(s);
    }
    char *out = kgc_alloc_atomic((size_t)n + 1);
    if (!out)
        return ob_err_nomemory(), NULL;
    for (kn_ssize_t i = 0; i < n; i++) {
        uint32_t c = ob_str_read_char(s, i);
        if (c < 128) {
            out[i] = (char)c;
        } else if (ob_unicode_isspace(c)) {
            out[i] = ' ';
        } else {
            int d = ob_unicode_decimal(c);
            out[i] = d >= 0 ? (char)('0' + d) : '?';
        }
    }
    out[n] = '\0';
    *len = n;
    return out;
}

/* int(text, base) for str, bytes and bytearray; NULL with *handled = 0 when
 * x is none of these. */
static KnObject *int_from_text(KnObject *x, int base, int *handled)
{
    *handled = 1;
    if (KN_STR_CHECK(x)) {
        kn_ssize_t n;
        char *a = ob_int_text_ascii(x, &n);
        return a ? ob_int_parse(a, n, base, x) : NULL;
    }
    if (KN_BYTES_CHECK(x))
        return ob_int_parse(KN_BYTES_AS_STRING(x), KN_SIZE(x), base, x);
    if (KN_TYPE_CHECK(x, &ob_bytearray_type)) {
        KnByteArrayObject *ba = (KnByteArrayObject *)x;
        return ob_int_parse(ba->ob_start ? ba->ob_start : "", KN_SIZE(x), base, x);
    }
    *handled = 0;
    return NULL;
}

/* An instance of int subclass t with v's value. */
static KnObject *int_subtype_new(KnTypeObject *t, KnObject *v)
{
    kn_ssize_t n = OB_INT_NDIGITS(v);
    KnObject *r = ob_alloc(t, n > 0 ? n : 1);
    if (!r)
        return NULL;
    KN_SET_SIZE(r, KN_SIZE(v));
    memcpy(OB_INT_DIGITS(r), OB_INT_DIGITS(v), (size_t)n * sizeof(kn_digit));
    return r;
}

static const char *const int_new_names[] = { "", "base", NULL };
static const KnArgSpec int_new_spec = { "int", int_new_names, 0, 2, 0 };

KnObject *ob_int_new_impl(KnTypeObject *t, KnObject *x, KnObject *obase)
{
    KnObject *v;
    if (!x) {
        if (obase)
            return ob_err_format(ob_exc_TypeError, "int() missing string argument");
        v = ob_int_from_long_long(0);
    } else if (!obase) {
        v = ob_number_long(x);
    } else {
        int ov;
        KnObject *bi = ob_number_index(obase);
        if (!bi)
            return NULL;
        long long base = ob_int_as_long_long_and_overflow(bi, &ov);
        if (ov || (base != 0 && (base < 2 || base > 36)))
            return ob_err_format(ob_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        int handled;
        v = int_from_text(x, (int)base, &handled);
        if (!handled)
            return ob_err_format(ob_exc_TypeError,
                                 "int() can't convert non-string with explicit base");
    }
    if (!v || t == &ob_int_type)
        return v;
    return int_subtype_new(t, v);
}

KnObject *ob_int_tp_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    KnObject *a[2] = { NULL, NULL };
    if (ob_args_parse_tuple(&int_new_spec, args, kwargs, a) < 0)
        return NULL;
    return ob_int_new_impl(t, a[0], a[1]);
}

/* ---- methods ---- */

static KnObject *int_self(KnObject *self, KnObject *unused)
{
    return ob_int_exact(self);
}

static KnObject *int_bit_length(KnObject *self, KnObject *unused)
{
    return ob_int_from_unsigned_long_long(ob_int_bit_length_u(self));
}

static KnObject *int_bit_count(KnObject *self, KnObject *unused)
{
    uint64_t c = 0;
    for (kn_ssize_t i = 0; i < OB_INT_NDIGITS(self); i++)
        c += (uint64_t)__builtin_popcount(OB_INT_DIGITS(self)[i]);
    return ob_int_from_unsigned_long_long(c);
}

static KnObject *int_as_integer_ratio(KnObject *self, KnObject *unused)
{
    KnObject *n = ob_int_exact(self);
    return n ? ob_tuple_pack(2, n, ob_int_from_long_long(1)) : NULL;
}

static KnObject *int_getnewargs(KnObject *self, KnObject *unused)
{
    KnObject *n = ob_int_exact(self);
    return n ? ob_tuple_pack(1, n) : NULL;
}

static KnObject *int_sizeof(KnObject *self, KnObject *unused)
{
    kn_ssize_t n = OB_INT_NDIGITS(self);
    return ob_int_from_ssize(KN_TYPE(self)->tp_basicsize +
                             (n > 0 ? n : 1) * (kn_ssize_t)sizeof(kn_digit));
}

/* round(self, ndigits): exact for ints; negative ndigits rounds half-even
 * to a multiple of 10**-ndigits. */
static KnObject *int_round(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("__round__", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 0)
        return ob_int_exact(self);
    KnObject *nd = ob_number_index(args[0]);
    if (!nd)
        return NULL;
    if (KN_SIZE(nd) >= 0)
        return ob_int_exact(self);
    int ov;
    long long k = ob_int_as_long_long_and_overflow(nd, &ov);
    /* 10**-k exceeds |self| by far: the result is 0 */
    if (ov || (uint64_t)(-k) > ob_int_bit_length_u(self) + 1)
        return ob_int_from_long_long(0);
    KnObject *p = ob_int_pow(ob_int_from_long_long(10), ob_int_from_long_long(-k), NULL);
    KnObject *q, *r;
    if (!p || ob_int_divmod_parts(self, p, &q, &r) < 0)
        return NULL;
    KnObject *twice = ob_int_lshift_n(r, 1);
    if (!twice)
        return NULL;
    int c = ob_int_compare(twice, p);
    if (c > 0 || (c == 0 && KN_SIZE(q) != 0 && (OB_INT_DIGITS(q)[0] & 1))) {
        q = ob_int_add(q, ob_int_from_long_long(1));
        if (!q)
            return NULL;
    }
    return ob_int_mul(q, p);
}

static int parse_byteorder(KnObject *o, int *little)
{
    if (!o) {
        *little = 0;
        return 0;
    }
    if (!KN_STR_CHECK(o)) {
        ob_err_format(ob_exc_TypeError, "to_bytes() argument 'byteorder' must be str, not %s",
                      ob_type_name(KN_TYPE(o)));
        return -1;
    }
    if (ob_str_equal_cstr(o, "little"))
        *little = 1;
    else if (ob_str_equal_cstr(o, "big"))
        *little = 0;
    else {
        ob_err_set_string(ob_exc_ValueError, "byteorder must be either 'little' or 'big'");
        return -1;
    }
    return 0;
}

static const char *const to_bytes_names[] = { "length", "byteorder", "signed", NULL };
static const KnArgSpec to_bytes_spec = { "to_bytes", to_bytes_names, 0, 2, 0 };

static KnObject *int_to_bytes(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                              KnObject *kwnames)
{
    KnObject *a[3] = { NULL, NULL, NULL };
    if (ob_args_parse(&to_bytes_spec, args, nargs, kwnames, a) < 0)
        return NULL;
    kn_ssize_t length = 1;
    if (a[0]) {
        length = ob_number_as_ssize(a[0], ob_exc_OverflowError);
        if (length == -1 && ob_err_occurred())
            return NULL;
        if (length < 0)
            return ob_err_format(ob_exc_ValueError, "length argument must be non-negative");
    }
    int little, is_signed = 0;
    if (parse_byteorder(a[1], &little) < 0)
        return NULL;
    if (a[2]) {
        is_signed = ob_is_true(a[2]);
        if (is_signed < 0)
            return NULL;
    }
    if (KN_SIZE(self) < 0 && !is_signed)
        return ob_err_format(ob_exc_OverflowError, "can't convert negative int to unsigned");
    KnObject *out = ob_bytes_from_data(NULL, length);
    if (!out)
        return NULL;
    unsigned char *p = (unsigned char *)KN_BYTES_AS_STRING(out);
    /* Two's complement bytes, least significant first, from the digits. */
    kn_ssize_t n = OB_INT_NDIGITS(self), di = 0, bi = 0;
    const kn_digit *d = OB_INT_DIGITS(self);
    int neg = KN_SIZE(self) < 0;
    kn_twodigits acc = 0, carry = 1;   /* carry: the +1 of ~x + 1 */
    int accbits = 0;
    for (; bi < length; bi++) {
        if (accbits < 8) {
            kn_twodigits dg = di < n ? d[di] : 0;
            di++;
            if (neg) {
                dg = (dg ^ KN_INT_MASK) + carry;
                carry = dg >> KN_INT_SHIFT;
                dg &= KN_INT_MASK;
            }
            acc |= dg << accbits;
            accbits += KN_INT_SHIFT;
        }
        p[little ? bi : length - 1 - bi] = (unsigned char)(acc & 0xff);
        acc >>= 8;
        accbits -= 8;
    }
    /* Fits when bits <= 8L (unsigned), bits <= 8L-1 (signed), or for a
     * negative value exactly -2**(8L-1). */
    uint64_t bits = ob_int_bit_length_u(self), room = (uint64_t)length * 8;
    int overflow;
    if (!neg)
        overflow = bits > 0 && bits > room - (is_signed ? 1 : 0);
    else if (length == 0)
        overflow = 1;
    else if (bits <= room - 1)
        overflow = 0;
    else {
        int pow2 = bits == room;
        for (kn_ssize_t i = 0; pow2 && i < n - 1; i++)
            pow2 = d[i] == 0;
        overflow = !(pow2 && (d[n - 1] & (d[n - 1] - 1)) == 0);
    }
    if (overflow)
        return ob_err_format(ob_exc_OverflowError, "int too big to convert");
    return out;
}

static const char *const from_bytes_names[] = { "bytes", "byteorder", "signed", NULL };
static const KnArgSpec from_bytes_spec = { "from_bytes", from_bytes_names, 1, 2, 0 };

/* bytes(x) as int.from_bytes sees it (CPython's PyObject_Bytes): __bytes__,
 * a buffer, or an iterable of ints; never a str or an int count. */
static KnObject *bytes_of(KnObject *x)
{
    if (KN_BYTES_CHECK(x))
        return x;
    KnObject *meth = ob_lookup_special(x, ob_str_intern_cstr("__bytes__"));
    if (meth == NULL && ob_err_occurred())
        return NULL;
    if (meth != NULL || (KN_TYPE(x)->tp_as_buffer && KN_TYPE(x)->tp_as_buffer->bf_getbuffer))
        return ob_call_onearg((KnObject *)&ob_bytes_type, x);
    if (!KN_STR_CHECK(x) && (KN_TYPE(x)->tp_iter != NULL ||
                             (KN_TYPE(x)->tp_as_sequence && KN_TYPE(x)->tp_as_sequence->sq_item))) {
        KnObject *items = ob_sequence_list(x);      /* a list: never read as a count */
        return items ? ob_call_onearg((KnObject *)&ob_bytes_type, items) : NULL;
    }
    return ob_err_format(ob_exc_TypeError, "cannot convert '%.200s' object to bytes",
                         ob_type_name(KN_TYPE(x)));
}

static KnObject *int_from_bytes(KnObject *cls, KnObject *const *args, kn_ssize_t nargs,
                                KnObject *kwnames)
{
    KnObject *a[3] = { NULL, NULL, NULL };
    if (ob_args_parse(&from_bytes_spec, args, nargs, kwnames, a) < 0)
        return NULL;
    int little, is_signed = 0;
    if (parse_byteorder(a[1], &little) < 0)
        return NULL;
    if (a[2]) {
        is_signed = ob_is_true(a[2]);
        if (is_signed < 0)
            return NULL;
    }
    KnObject *b = bytes_of(a[0]);
    if (!b)
        return NULL;
    kn_ssize_t len = KN_SIZE(b);
    const unsigned char *p = (const unsigned char *)KN_BYTES_AS_STRING(b);
    kn_ssize_t nd = (len * 8 + KN_INT_SHIFT - 1) / KN_INT_SHIFT + 1;
    KnLongObject *r = ob_int_alloc(nd);
    if (!r)
        return NULL;
    int neg = is_signed && len > 0 && (p[little ? len - 1 : 0] & 0x80);
    kn_twodigits acc = 0, carry = 1;
    int accbits = 0;
    kn_ssize_t di = 0;
    for (kn_ssize_t i = 0; i < len; i++) {
        unsigned char c = p[little ? i : len - 1 - i];
        acc |= (kn_twodigits)c << accbits;
        accbits += 8;
        if (accbits >= KN_INT_SHIFT) {
            kn_twodigits dg = acc & KN_INT_MASK;
            if (neg) {
                dg = (dg ^ KN_INT_MASK) + carry;
                carry = dg >> KN_INT_SHIFT;
                dg &= KN_INT_MASK;
            }
            r->ob_digit[di++] = (kn_digit)dg;
            acc >>= KN_INT_SHIFT;
            accbits -= KN_INT_SHIFT;
        }
    }
    while (di < nd) {
        kn_twodigits dg = acc & KN_INT_MASK;
        if (neg) {
            /* sign-extend the partial top digit with ones */
            dg |= accbits < KN_INT_SHIFT ? (KN_INT_MASK & ~((1u << (accbits > 0 ? accbits : 0)) - 1)) : 0;
            dg = (dg ^ KN_INT_MASK) + carry;
            carry = dg >> KN_INT_SHIFT;
            dg &= KN_INT_MASK;
        }
        r->ob_digit[di++] = (kn_digit)dg;
        acc = 0;
        accbits = 0;
    }
    if (neg)
        KN_SET_SIZE(r, -nd);
    KnObject *v = ob_int_normalize(r);
    if ((KnTypeObject *)cls != &ob_int_type)
        return ob_call_onearg(cls, v);
    return v;
}

extern KnObject *ob_int_format_method(KnObject *self, KnObject *spec);

KnMethodDef ob_int_methods[] = {
    { "conjugate", int_self, KN_METH_NOARGS, "Returns self, the complex conjugate of any int." },
    { "bit_length", int_bit_length, KN_METH_NOARGS,
      "Number of bits necessary to represent self in binary." },
    { "bit_count", int_bit_count, KN_METH_NOARGS,
      "Number of ones in the binary representation of the absolute value of self." },
    { "to_bytes", (KnCFunction)(void (*)(void))int_to_bytes, KN_METH_FASTCALL | KN_METH_KEYWORDS,
      "Return an array of bytes representing an integer." },
    { "from_bytes", (KnCFunction)(void (*)(void))int_from_bytes,
      KN_METH_FASTCALL | KN_METH_KEYWORDS | KN_METH_CLASS,
      "Return the integer represented by the given array of bytes." },
    { "as_integer_ratio", int_as_integer_ratio, KN_METH_NOARGS,
      "Return integer ratio." },
    { "__trunc__", int_self, KN_METH_NOARGS, "Truncating an Integral returns itself." },
    { "__floor__", int_self, KN_METH_NOARGS, "Flooring an Integral returns itself." },
    { "__ceil__", int_self, KN_METH_NOARGS, "Ceiling of an Integral returns itself." },
    { "__round__", (KnCFunction)(void (*)(void))int_round, KN_METH_FASTCALL,
      "Rounding an Integral returns itself.\n\nRounding with an ndigits argument also returns an integer." },
    { "__getnewargs__", int_getnewargs, KN_METH_NOARGS, NULL },
    { "__format__", ob_int_format_method, KN_METH_O, "Convert to a string according to format_spec." },
    { "__sizeof__", int_sizeof, KN_METH_NOARGS, "Returns size in memory, in bytes." },
    { NULL, NULL, 0, NULL },
};

static KnObject *get_self(KnObject *self, void *c)
{
    return ob_int_exact(self);
}

static KnObject *get_zero(KnObject *self, void *c)
{
    return ob_int_from_long_long(0);
}

static KnObject *get_one(KnObject *self, void *c)
{
    return ob_int_from_long_long(1);
}

KnGetSetDef ob_int_getset[] = {
    { "real", get_self, NULL, "the real part of a complex number", NULL },
    { "imag", get_zero, NULL, "the imaginary part of a complex number", NULL },
    { "numerator", get_self, NULL, "the numerator of a rational number in lowest terms", NULL },
    { "denominator", get_one, NULL, "the denominator of a rational number in lowest terms", NULL },
    { NULL, NULL, NULL, NULL, NULL },
};
