/*
 * array_types.c — the thirteen typecodes of array.array: item size,
 * conversion from and to Python objects with CPython 3.11's range
 * errors, buffer format and machine-format code for pickling.
 */
#include <limits.h>
#include <stdint.h>

#include "array_internal.h"
#include "intarg.h"

/* An int item: TypeError for non-integers, then the Python int. */
static KnObject *ai_index(KnObject *v)
{
    if (KN_FLOAT_CHECK(v) || !ob_index_check(v)) {
        ob_err_format(ob_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                      ob_type_name(KN_TYPE(v)));
        return NULL;
    }
    return ob_number_index(v);
}

/* A signed value through C long first ("Python int too large to convert
 * to C long"), then the typecode's own range. */
static int ai_long(KnObject *v, long long lo, long long hi, const char *name, long long *out)
{
    KnObject *i = ai_index(v);
    if (i == NULL)
        return -1;
    int overflow;
    long long x = ob_int_as_long_long_and_overflow(i, &overflow);
    if (overflow) {
        ob_err_set_string(ob_exc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    if (x < lo || x > hi) {
        ob_err_format(ob_exc_OverflowError, "%s is %s", name, x < lo ? "less than minimum" : "greater than maximum");
        return -1;
    }
    *out = x;
    return 0;
}

/* 'I' and 'L' (C unsigned long range, 64-bit). */
static int ai_ulong(KnObject *v, unsigned long long hi, const char *name, unsigned long long *out)
{
    KnObject *i = ai_index(v);
    if (i == NULL)
        return -1;
    int neg = ob_richcompare_bool(i, ob_int_from_long_long(0), KN_LT);
    if (neg < 0)
        return -1;
    if (neg) {
        ob_err_set_string(ob_exc_OverflowError, "can't convert negative value to unsigned int");
        return -1;
    }
    int overflow;
    long long x = ob_int_as_long_long_and_overflow(i, &overflow);
    unsigned long long u = (unsigned long long)x;
    if (overflow) {
        KnObject *big = ob_number_and(i, ob_int_from_long_long(0x7fffffffffffffffLL));
        KnObject *top = ob_number_rshift(i, ob_int_from_long_long(63));
        if (big == NULL || top == NULL)
            return -1;
        if (ob_int_as_long_long(top) != 1 || ob_err_occurred()) {
            ob_err_clear();
            ob_err_set_string(ob_exc_OverflowError, "Python int too large to convert to C unsigned long");
            return -1;
        }
        u = (unsigned long long)ob_int_as_long_long(big) | (1ULL << 63);
    }
    if (u > hi) {
        ob_err_format(ob_exc_OverflowError, "%s is greater than maximum", name);
        return -1;
    }
    *out = u;
    return 0;
}

#define SIGNED(code, T, lo, hi, name)                                     \
    static KnObject *get_##code(const char *p)                            \
    {                                                                     \
        T x;                                                              \
        memcpy(&x, p, sizeof x);                                          \
        return ob_int_from_long_long((long long)x);                       \
    }                                                                     \
    static int set_##code(char *p, KnObject *v)                           \
    {                                                                     \
        long long x;                                                      \
        if (ai_long(v, (lo), (hi), (name), &x) < 0)                       \
            return -1;                                                    \
        T y = (T)x;                                                       \
        memcpy(p, &y, sizeof y);                                          \
        return 0;                                                         \
    }

SIGNED(b, signed char, SCHAR_MIN, SCHAR_MAX, "signed char")
SIGNED(h, short, SHRT_MIN, SHRT_MAX, "signed short integer")
SIGNED(i, int, INT_MIN, INT_MAX, "signed integer")
SIGNED(l, long, LONG_MIN, LONG_MAX, "signed long")

/* 'B' and 'H': through C long, then "... is less than minimum". */
#define SMALLU(code, T, hi, name)                                         \
    static KnObject *get_##code(const char *p)                            \
    {                                                                     \
        T x;                                                              \
        memcpy(&x, p, sizeof x);                                          \
        return ob_int_from_long_long((long long)x);                       \
    }                                                                     \
    static int set_##code(char *p, KnObject *v)                           \
    {                                                                     \
        long long x;                                                      \
        if (ai_long(v, 0, (hi), (name), &x) < 0)                          \
            return -1;                                                    \
        T y = (T)x;                                                       \
        memcpy(p, &y, sizeof y);                                          \
        return 0;                                                         \
    }

SMALLU(B, unsigned char, UCHAR_MAX, "unsigned byte integer")
SMALLU(H, unsigned short, USHRT_MAX, "unsigned short")

static KnObject *ai_from_ull(unsigned long long u)
{
    if (u <= (unsigned long long)LLONG_MAX)
        return ob_int_from_long_long((long long)u);
    KnObject *hi = ob_number_lshift(ob_int_from_long_long((long long)(u >> 32)), ob_int_from_long_long(32));
    return hi ? ob_number_or(hi, ob_int_from_long_long((long long)(u & 0xffffffffULL))) : NULL;
}

#define UNSIGNED(code, T, hi, name)                                       \
    static KnObject *get_##code(const char *p)                            \
    {                                                                     \
        T x;                                                              \
        memcpy(&x, p, sizeof x);                                          \
        return ai_from_ull((unsigned long long)x);                        \
    }                                                                     \
    static int set_##code(char *p, KnObject *v)                           \
    {                                                                     \
        unsigned long long x;                                             \
        if (ai_ulong(v, (hi), (name), &x) < 0)                            \
            return -1;                                                    \
        T y = (T)x;                                                       \
        memcpy(p, &y, sizeof y);                                          \
        return 0;                                                         \
    }

UNSIGNED(I, unsigned int, UINT_MAX, "unsigned int")
UNSIGNED(L, unsigned long, ULONG_MAX, "unsigned long")

/* 'q' / 'Q': "int too big to convert" / "can't convert negative int to
 * unsigned" (the long long converters' words). */
static KnObject *get_q(const char *p)
{
    long long x;
    memcpy(&x, p, sizeof x);
    return ob_int_from_long_long(x);
}

static int set_q(char *p, KnObject *v)
{
    KnObject *i = ai_index(v);
    if (i == NULL)
        return -1;
    int overflow;
    long long x = ob_int_as_long_long_and_overflow(i, &overflow);
    if (overflow) {
        ob_err_set_string(ob_exc_OverflowError, "int too big to convert");
        return -1;
    }
    memcpy(p, &x, sizeof x);
    return 0;
}

static KnObject *get_Q(const char *p)
{
    unsigned long long x;
    memcpy(&x, p, sizeof x);
    return ai_from_ull(x);
}

static int set_Q(char *p, KnObject *v)
{
    KnObject *i = ai_index(v);
    if (i == NULL)
        return -1;
    int neg = ob_richcompare_bool(i, ob_int_from_long_long(0), KN_LT);
    if (neg < 0)
        return -1;
    if (neg) {
        ob_err_set_string(ob_exc_OverflowError, "can't convert negative int to unsigned");
        return -1;
    }
    KnObject *top = ob_number_rshift(i, ob_int_from_long_long(64));
    if (top == NULL)
        return -1;
    if (ob_int_as_long_long(top) != 0) {
        ob_err_set_string(ob_exc_OverflowError, "int too big to convert");
        return -1;
    }
    KnObject *lo = ob_number_and(i, ob_int_from_long_long(0xffffffffLL));
    KnObject *hi = ob_number_rshift(i, ob_int_from_long_long(32));
    if (lo == NULL || hi == NULL)
        return -1;
    unsigned long long x = ((unsigned long long)ob_int_as_long_long(hi) << 32)
                           | (unsigned long long)ob_int_as_long_long(lo);
    memcpy(p, &x, sizeof x);
    return 0;
}

static int ai_double(KnObject *v, double *out)
{
    if (!KN_FLOAT_CHECK(v) && !KN_INT_CHECK(v)) {
        KnObject *f = ob_lookup_special(v, ob_str_intern_cstr("__float__"));
        KnObject *ix = f ? NULL : ob_lookup_special(v, ob_str_intern_cstr("__index__"));
        if (f == NULL && ix == NULL) {
            if (!ob_err_occurred())
                ob_err_format(ob_exc_TypeError, "must be real number, not %s", ob_type_name(KN_TYPE(v)));
            return -1;
        }
    }
    double d = ob_float_as_double(v);
    if (d == -1.0 && ob_err_occurred())
        return -1;
    *out = d;
    return 0;
}

static KnObject *get_f(const char *p)
{
    float x;
    memcpy(&x, p, sizeof x);
    return ob_float_from_double(x);
}

static int set_f(char *p, KnObject *v)
{
    double d;
    if (ai_double(v, &d) < 0)
        return -1;
    float x = (float)d;
    memcpy(p, &x, sizeof x);
    return 0;
}

static KnObject *get_d(const char *p)
{
    double x;
    memcpy(&x, p, sizeof x);
    return ob_float_from_double(x);
}

static int set_d(char *p, KnObject *v)
{
    double d;
    if (ai_double(v, &d) < 0)
        return -1;
    memcpy(p, &d, sizeof d);
    return 0;
}

/* 'u': wchar_t, 4 bytes (UCS-4) on Linux. */
static KnObject *get_u(const char *p)
{
    uint32_t c;
    memcpy(&c, p, sizeof c);
    if (c > 0x10ffff) {
        ob_err_set_string(ob_exc_ValueError, "chr() arg not in range(0x110000)");
        return NULL;
    }
    return ob_str_from_kind_data(4, &c, 1);
}

static int set_u(char *p, KnObject *v)
{
    if (!KN_STR_CHECK(v) || ob_str_length(v) != 1) {
        ob_err_set_string(ob_exc_TypeError, "array item must be unicode character");
        return -1;
    }
    uint32_t c = ob_str_read_char(v, 0);
    memcpy(p, &c, sizeof c);
    return 0;
}

const ArrDesc arr_descs[] = {
    {'b', 1, get_b, set_b, "b", 1, 1, 1},
    {'B', 1, get_B, set_B, "B", 1, 0, 0},
    {'u', 4, get_u, set_u, "w", 0, 0, 20},
    {'h', 2, get_h, set_h, "h", 1, 1, 4},
    {'H', 2, get_H, set_H, "H", 1, 0, 2},
    {'i', 4, get_i, set_i, "i", 1, 1, 8},
    {'I', 4, get_I, set_I, "I", 1, 0, 6},
    {'l', 8, get_l, set_l, "l", 1, 1, 12},
    {'L', 8, get_L, set_L, "L", 1, 0, 10},
    {'q', 8, get_q, set_q, "q", 1, 1, 12},
    {'Q', 8, get_Q, set_Q, "Q", 1, 0, 10},
    {'f', 4, get_f, set_f, "f", 0, 1, 14},
    {'d', 8, get_d, set_d, "d", 0, 1, 16},
    {0, 0, NULL, NULL, NULL, 0, 0, 0}
};

const ArrDesc *arr_desc_for(int typecode)
{
    for (const ArrDesc *d = arr_descs; d->typecode; d++)
        if (d->typecode == typecode)
            return d;
    return NULL;
}
