/*
 * int.c — the int type: allocation, the small-int cache, C conversions,
 * comparison, hashing and the type object.
 *
 * Layout (CPython 3.11 PyLongObject): ob_size = sign * number of digits,
 * digits are 30-bit, little-endian, the top digit non-zero; zero has
 * ob_size 0 (ob_digit[0] is still allocated and 0).  Arithmetic lives in
 * int_arith.c, text conversion in int_format.c, methods in int_methods.c.
 */
#include <math.h>
#include <string.h>
#include "int_internal.h"
#include "libobject/errors.h"
#include "libobject/abstract.h"
#include "libobject/type.h"
#include "libobject/singletons.h"
#include "ob_alloc.h"

/* ---- the small-int cache: -5..256, statically initialised ---- */

#define SI_POS(n) { KN_VAR_HEAD_INIT(&ob_int_type, (n) != 0), { (n) } }
#define SI_NEG(n) { KN_VAR_HEAD_INIT(&ob_int_type, -1), { (n) } }
#define SI4(b) SI_POS(b), SI_POS(b + 1), SI_POS(b + 2), SI_POS(b + 3)
#define SI16(b) SI4(b), SI4(b + 4), SI4(b + 8), SI4(b + 12)
#define SI64(b) SI16(b), SI16(b + 16), SI16(b + 32), SI16(b + 48)

KnLongObject ob_int_small[OB_INT_SMALL_NEG + OB_INT_SMALL_POS] = {
    SI_NEG(5), SI_NEG(4), SI_NEG(3), SI_NEG(2), SI_NEG(1),
    SI64(0), SI64(64), SI64(128), SI64(192), SI_POS(256),
};

static inline KnObject *small_int(kn_stwodigits v)
{
    return (KnObject *)&ob_int_small[v + OB_INT_SMALL_NEG];
}
#define IS_SMALL(v) ((v) >= -OB_INT_SMALL_NEG && (v) < OB_INT_SMALL_POS)

/* ---- allocation ---- */

/* An int of n >= 1 digits, ob_size n.  Sized exactly (not rounded up to 8
 * bytes as ob_alloc does): a one-digit int is 28 bytes and fits a 32-byte
 * heap slot with Boehm's extra byte, where 32 would take 48.  Exact ints
 * have no __dict__, so nothing computes offsets past the digits. */
static inline KnLongObject *int_alloc_digits(kn_ssize_t n)
{
    size_t size = offsetof(KnLongObject, ob_digit) + (size_t)n * sizeof(kn_digit);
    if (__builtin_expect(size >= KGC_HEAD_SCANNED, 0)) {
        /* A big int: only its head is scanned, never its digits (no
         * pointers; scanning them costs mark time and can pin garbage). */
        KnObject *o = kgc_alloc_object_head(size);
        if (o == NULL)
            return (KnLongObject *)ob_err_nomemory();
        o->ob_type = &ob_int_type;
        KN_SET_SIZE(o, n);
        return (KnLongObject *)o;
    }
    return (KnLongObject *)ob_alloc_exact_var(&ob_int_type, size, n);
}

/* The one-digit int 0 < |x| < 2**30 outside the small-int cache. */
static inline KnObject *int_from_digit(kn_digit d, int negative)
{
    KnLongObject *v = int_alloc_digits(1);
    if (v == NULL)
        return NULL;
    v->ob_digit[0] = d;
    if (negative)
        KN_SET_SIZE(v, -1);
    return (KnObject *)v;
}

KnLongObject *ob_int_alloc(kn_ssize_t n)
{
    if (n > (kn_ssize_t)1 << 58) {
        ob_err_set_string(ob_exc_OverflowError, "too many digits in integer");
        return NULL;
    }
    /* CPython always has room for one digit (zero's ob_digit[0] reads 0). */
    KnLongObject *v = int_alloc_digits(n > 0 ? n : 1);
    if (v)
        KN_SET_SIZE(v, n);
    return v;
}

KnObject *ob_int_normalize(KnLongObject *v)
{
    kn_ssize_t n = OB_INT_NDIGITS(v);
    kn_ssize_t m = ob_int_mag_strip(v->ob_digit, n);
    int neg = KN_SIZE(v) < 0;
    if (m <= 1) {
        kn_stwodigits x = m ? v->ob_digit[0] : 0;
        if (neg)
            x = -x;
        if (IS_SMALL(x))
            return small_int(x);
    }
    KN_SET_SIZE(v, neg ? -m : m);
    return (KnObject *)v;
}

KnObject *ob_int_from_digits(const kn_digit *d, kn_ssize_t n, int sign)
{
    n = ob_int_mag_strip(d, n);
    KnLongObject *v = ob_int_alloc(n);
    if (!v)
        return NULL;
    memcpy(v->ob_digit, d, (size_t)n * sizeof(kn_digit));
    if (sign < 0)
        KN_SET_SIZE(v, -n);
    return ob_int_normalize(v);
}

KnObject *ob_int_copy(KnObject *v)
{
    kn_ssize_t n = OB_INT_NDIGITS(v);
    return ob_int_from_digits(OB_INT_DIGITS(v), n, KN_SIZE(v) < 0 ? -1 : 1);
}

KnObject *ob_int_exact(KnObject *v)
{
    return KN_INT_CHECK_EXACT(v) ? v : ob_int_copy(v);
}

/* ---- from C ---- */

KnObject *ob_int_from_unsigned_long_long(unsigned long long u)
{
    if (u < OB_INT_SMALL_POS)
        return small_int((kn_stwodigits)u);
    if (u <= KN_INT_MASK)
        return int_from_digit((kn_digit)u, 0);
    kn_ssize_t n = 0;
    for (unsigned long long t = u; t; t >>= KN_INT_SHIFT)
        n++;
    KnLongObject *v = ob_int_alloc(n);
    if (!v)
        return NULL;
    for (kn_ssize_t i = 0; i < n; i++, u >>= KN_INT_SHIFT)
        v->ob_digit[i] = (kn_digit)(u & KN_INT_MASK);
    return (KnObject *)v;
}

KnObject *ob_int_from_long_long(long long x)
{
    if (IS_SMALL(x))
        return small_int(x);
    unsigned long long u = x < 0 ? 0ULL - (unsigned long long)x : (unsigned long long)x;
    if (u <= KN_INT_MASK)
        return int_from_digit((kn_digit)u, x < 0);
    /* Two or three digits (|x| <= 2**63), written straight: the
     * interpreter's int64 forms box such values on every operation. */
    kn_ssize_t n = u >> (2 * KN_INT_SHIFT) != 0 ? 3 : 2;
    KnLongObject *v = int_alloc_digits(n);
    if (!v)
        return NULL;
    v->ob_digit[0] = (kn_digit)(u & KN_INT_MASK);
    v->ob_digit[1] = (kn_digit)((u >> KN_INT_SHIFT) & KN_INT_MASK);
    if (n == 3)
        v->ob_digit[2] = (kn_digit)(u >> (2 * KN_INT_SHIFT));
    if (x < 0)
        KN_SET_SIZE(v, -n);
    return (KnObject *)v;
}

KnObject *ob_int_from_ssize(kn_ssize_t v)
{
    return ob_int_from_long_long(v);
}

KnObject *ob_int_from_size(size_t v)
{
    return ob_int_from_unsigned_long_long(v);
}

KnObject *ob_int_from_double(double d)
{
    if (isinf(d))
        return ob_err_format(ob_exc_OverflowError, "cannot convert float infinity to integer");
    if (isnan(d))
        return ob_err_format(ob_exc_ValueError, "cannot convert float NaN to integer");
    d = trunc(d);
    if (fabs(d) < 9.2e18)
        return ob_int_from_long_long((long long)d);
    int e;
    double m = frexp(fabs(d), &e);          /* |d| = m * 2**e, e > 63 */
    kn_ssize_t n = (e - 1) / KN_INT_SHIFT + 1;
    KnLongObject *v = ob_int_alloc(n);
    if (!v)
        return NULL;
    /* Peel digits from the top: the first one takes the e mod 30 leading bits. */
    m = ldexp(m, (e - 1) % KN_INT_SHIFT + 1);
    for (kn_ssize_t i = n - 1; i >= 0; i--) {
        kn_digit dg = (kn_digit)m;
        v->ob_digit[i] = dg;
        m = ldexp(m - dg, KN_INT_SHIFT);
    }
    if (d < 0)
        KN_SET_SIZE(v, -n);
    return (KnObject *)v;
}

/* ---- to C ---- */

long long ob_int_as_long_long_and_overflow(KnObject *o, int *overflow)
{
    *overflow = 0;
    if (!KN_INT_CHECK(o)) {
        KnObject *i = ob_number_index(o);
        if (!i)
            return -1;
        o = i;
    }
    kn_ssize_t n = OB_INT_NDIGITS(o);
    if (n <= 1)
        return (long long)ob_int_medium_value(o);
    if (n > 3) {
        *overflow = KN_SIZE(o) < 0 ? -1 : 1;
        return -1;
    }
    unsigned long long u = 0;
    const kn_digit *d = OB_INT_DIGITS(o);
    for (kn_ssize_t i = n - 1; i >= 0; i--) {
        if (u >> (64 - KN_INT_SHIFT)) {
            *overflow = KN_SIZE(o) < 0 ? -1 : 1;
            return -1;
        }
        u = (u << KN_INT_SHIFT) | d[i];
    }
    if (KN_SIZE(o) > 0) {
        if (u <= (unsigned long long)INT64_MAX)
            return (long long)u;
    } else if (u <= (unsigned long long)INT64_MAX + 1) {
        return (long long)(0ULL - u);
    }
    *overflow = KN_SIZE(o) < 0 ? -1 : 1;
    return -1;
}

long long ob_int_as_long_long(KnObject *o)
{
    int ov;
    long long r = ob_int_as_long_long_and_overflow(o, &ov);
    if (ov) {
        ob_err_set_string(ob_exc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    return r;
}

kn_ssize_t ob_int_as_ssize(KnObject *o)
{
    int ov;
    long long r = ob_int_as_long_long_and_overflow(o, &ov);
    if (ov) {
        ob_err_set_string(ob_exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return (kn_ssize_t)r;
}

int ob_int_sign(KnObject *o)
{
    kn_ssize_t s = KN_SIZE(o);
    return s < 0 ? -1 : s > 0;
}

uint64_t ob_int_bit_length_u(KnObject *v)
{
    kn_ssize_t n = OB_INT_NDIGITS(v);
    if (n == 0)
        return 0;
    kn_digit top = OB_INT_DIGITS(v)[n - 1];
    return (uint64_t)(n - 1) * KN_INT_SHIFT + (uint64_t)(32 - __builtin_clz(top));
}

/* Correctly rounded (half-even) conversion: collect the top 55 bits plus a
 * sticky bit for everything below them, then round to 53 bits by hand (a
 * single rounding step, so no double-rounding error). */
double ob_int_frexp(KnObject *v, int64_t *e)
{
    kn_ssize_t n = OB_INT_NDIGITS(v);
    if (n == 0) {
        *e = 0;
        return 0.0;
    }
    const kn_digit *d = OB_INT_DIGITS(v);
    uint64_t bits = ob_int_bit_length_u(v);
    uint64_t x;       /* the top min(bits, 55) bits, plus a sticky bit */
    if (bits <= 64) {
        x = 0;
        for (kn_ssize_t i = n - 1; i >= 0; i--)
            x = (x << KN_INT_SHIFT) | d[i];
        if (bits > 53) {
            int sh = (int)bits - 55;
            uint64_t lost = sh > 0 ? x & ((1ULL << sh) - 1) : 0;
            x = sh > 0 ? x >> sh : x << -sh;
            if (lost)
                x |= 1;
        } else {
            x <<= 55 - bits;
        }
    } else {
        /* Take 55 bits starting at bit (bits - 55); anything below is sticky. */
        uint64_t lo = bits - 55;
        kn_ssize_t di = (kn_ssize_t)(lo / KN_INT_SHIFT);
        int off = (int)(lo % KN_INT_SHIFT);
        unsigned __int128 acc = 0;
        for (kn_ssize_t i = n - 1; i >= di; i--)
            acc = (acc << KN_INT_SHIFT) | d[i];
        x = (uint64_t)(acc >> off);
        int sticky = (acc & (((unsigned __int128)1 << off) - 1)) != 0;
        for (kn_ssize_t i = di - 1; i >= 0 && !sticky; i--)
            sticky = d[i] != 0;
        if (sticky)
            x |= 1;
    }
    /* x has 55 significant bits (bit 54 set); round to 53 half-even. */
    uint64_t low = x & 3;
    x >>= 2;
    if (low > 2 || (low == 2 && (x & 1)))
        x++;
    double m = ldexp((double)x, -53);    /* in [0.5, 1], exact */
    int64_t ex = (int64_t)bits;
    if (m == 1.0) {
        m = 0.5;
        ex++;
    }
    *e = ex;
    return KN_SIZE(v) < 0 ? -m : m;
}

double ob_int_as_double(KnObject *o)
{
    if (OB_INT_IS_MEDIUM(o))
        return (double)ob_int_medium_value(o);
    int64_t e;
    double m = ob_int_frexp(o, &e);
    if (e > 1024) {
        ob_err_set_string(ob_exc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    return ldexp(m, (int)e);
}

/* ---- comparison and hashing ---- */

int ob_int_compare(KnObject *a, KnObject *b)
{
    kn_ssize_t sa = KN_SIZE(a), sb = KN_SIZE(b);
    if (sa != sb)
        return sa < sb ? -1 : 1;
    kn_ssize_t n = sa < 0 ? -sa : sa;
    int c = ob_int_mag_cmp(OB_INT_DIGITS(a), n, OB_INT_DIGITS(b), n);
    return sa < 0 ? -c : c;
}

/* The numeric hash: |v| mod P (P = 2**61 - 1), signed; -1 becomes -2.
 * Because 2**61 ≡ 1 (mod P), multiplying by 2**30 is a 61-bit rotation. */
#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)

kn_hash_t ob_int_hash(KnObject *v)
{
    kn_ssize_t n = OB_INT_NDIGITS(v);
    const kn_digit *d = OB_INT_DIGITS(v);
    uint64_t x = 0;
    for (kn_ssize_t i = n - 1; i >= 0; i--) {
        x = ((x << KN_INT_SHIFT) & HASH_MODULUS) | (x >> (HASH_BITS - KN_INT_SHIFT));
        x += d[i];
        if (x >= HASH_MODULUS)
            x -= HASH_MODULUS;
    }
    kn_hash_t h = KN_SIZE(v) < 0 ? -(kn_hash_t)x : (kn_hash_t)x;
    return h == -1 ? -2 : h;
}

KnObject *ob_int_richcompare(KnObject *a, KnObject *b, int op)
{
    if (!KN_INT_CHECK(a) || !KN_INT_CHECK(b))
        return KN_NotImplemented;
    int c = a == b ? 0 : ob_int_compare(a, b);
    int r;
    switch (op) {
    case KN_LT: r = c < 0; break;
    case KN_LE: r = c <= 0; break;
    case KN_EQ: r = c == 0; break;
    case KN_NE: r = c != 0; break;
    case KN_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return KN_BOOL(r);
}

int ob_int_bool(KnObject *a)
{
    return KN_SIZE(a) != 0;
}

/* ---- the type ---- */

extern KnObject *ob_int_repr(KnObject *v);
extern KnObject *ob_int_tp_new(KnTypeObject *t, KnObject *args, KnObject *kwargs);
extern KnMethodDef ob_int_methods[];
extern KnGetSetDef ob_int_getset[];

static KnObject *int_float(KnObject *v)
{
    double d = ob_int_as_double(v);
    if (d == -1.0 && ob_err_occurred())
        return NULL;
    return ob_float_from_double(d);
}

static KnNumberMethods int_as_number = {
    .nb_add = ob_int_add,
    .nb_subtract = ob_int_sub,
    .nb_multiply = ob_int_mul,
    .nb_remainder = ob_int_mod,
    .nb_divmod = ob_int_divmod,
    .nb_power = ob_int_pow,
    .nb_negative = ob_int_neg,
    .nb_positive = ob_int_pos,
    .nb_absolute = ob_int_abs,
    .nb_bool = ob_int_bool,
    .nb_invert = ob_int_invert,
    .nb_lshift = ob_int_lshift,
    .nb_rshift = ob_int_rshift,
    .nb_and = ob_int_and,
    .nb_xor = ob_int_xor,
    .nb_or = ob_int_or,
    .nb_int = ob_int_pos,
    .nb_float = int_float,
    .nb_floor_divide = ob_int_floordiv,
    .nb_true_divide = ob_int_truediv,
    .nb_index = ob_int_pos,
};

KnTypeObject ob_int_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "int",
    .tp_basicsize = offsetof(KnLongObject, ob_digit),
    .tp_itemsize = sizeof(kn_digit),
    .tp_repr = ob_int_repr,
    .tp_as_number = &int_as_number,
    .tp_hash = ob_int_hash,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE | KN_TPFLAGS_LONG_SUBCLASS |
                KN_TPFLAGS_MATCH_SELF,
    .tp_doc = "int([x]) -> integer\n"
              "int(x, base=10) -> integer\n\n"
              "Convert a number or string to an integer, or return 0 if no arguments\n"
              "are given.  If x is a number, return x.__int__().  For floating point\n"
              "numbers, this truncates towards zero.",
    .tp_richcompare = ob_int_richcompare,
    .tp_methods = ob_int_methods,
    .tp_getset = ob_int_getset,
    .tp_new = ob_int_tp_new,
};
