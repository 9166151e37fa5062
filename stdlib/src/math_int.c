/*
 * math_int.c — math's integer functions on ints of any size: gcd, lcm
 * (any number of arguments), isqrt (Newton from above), factorial
 * (product tree), comb and perm.  Arithmetic goes through libobject's
 * number protocol, so ints of any size work.
 */
#include <limits.h>
#include <math.h>

#include "math_internal.h"

static KnObject *small(long long v)
{
    return ob_int_from_long_long(v);
}

static int int_cmp(KnObject *a, KnObject *b, int op)
{
    return ob_richcompare_bool(a, b, op);
}

static KnObject *gcd2(KnObject *a, KnObject *b)
{
    a = ob_number_absolute(a);
    b = ob_number_absolute(b);
    while (a != NULL && b != NULL && ob_int_sign(b) != 0) {
        int oa, ob;
        long long x = ob_int_as_long_long_and_overflow(a, &oa);
        long long y = ob_int_as_long_long_and_overflow(b, &ob);
        if (!oa && !ob) {                  /* finish in C */
            while (y != 0) {
                long long t = x % y;
                x = y;
                y = t;
            }
            return small(x);
        }
        KnObject *r = ob_number_remainder(a, b);
        a = b;
        b = r;
    }
    return a == NULL || b == NULL ? NULL : a;
}

static KnObject *m_gcd(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    KnObject *g = small(0);
    for (kn_ssize_t i = 0; i < nargs && g != NULL; i++) {
        KnObject *x = math_arg_index(args[i]);
        if (x == NULL)
            return NULL;
        g = gcd2(g, x);
    }
    return g;
}

static KnObject *m_lcm(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    KnObject *l = small(1);
    for (kn_ssize_t i = 0; i < nargs && l != NULL; i++) {
        KnObject *x = math_arg_index(args[i]);
        if (x == NULL)
            return NULL;
        if (ob_int_sign(x) == 0 || ob_int_sign(l) == 0) {
            l = small(0);
            continue;
        }
        KnObject *g = gcd2(l, x);
        if (g == NULL)
            return NULL;
        KnObject *q = ob_number_floordiv(ob_number_absolute(x), g);
        l = q == NULL ? NULL : ob_number_multiply(l, q);
    }
    return l;
}

/* floor(sqrt(n)) for n >= 0. */
static KnObject *isqrt_of(KnObject *n)
{
    int of;
    long long v = ob_int_as_long_long_and_overflow(n, &of);
    if (!of) {
        long long r = (long long)sqrtl((long double)v);
        while (r > 0 && r > v / r)
            r--;
        while ((r + 1) <= v / (r + 1))
            r++;
        return small(r);
    }
    KnObject *bl = ob_call_method(n, "bit_length", 0);
    if (bl == NULL)
        return NULL;
    long long bits = ob_int_as_long_long(bl);
    /* x = 2**ceil(bits/2) > sqrt(n); Newton steps decrease to the floor */
    KnObject *x = ob_number_lshift(small(1), small((bits + 1) / 2));
    KnObject *two = small(2);
    for (;;) {
        if (x == NULL)
            return NULL;
        KnObject *q = ob_number_floordiv(n, x);
        KnObject *y = q == NULL ? NULL : ob_number_floordiv(ob_number_add(x, q), two);
        if (y == NULL)
            return NULL;
        int lt = int_cmp(y, x, KN_LT);
        if (lt < 0)
            return NULL;
        if (!lt)
            return x;
        x = y;
    }
}

static KnObject *m_isqrt(KnObject *m, KnObject *a)
{
    (void)m;
    KnObject *n = math_arg_index(a);
    if (n == NULL)
        return NULL;
    if (ob_int_sign(n) < 0)
        return ob_err_format(ob_exc_ValueError, "isqrt() argument must be nonnegative");
    return isqrt_of(n);
}

/* lo * (lo+1) * ... * hi (empty: 1), split in halves for balanced products. */
static KnObject *range_product(long long lo, long long hi)
{
    if (lo > hi)
        return small(1);
    if (hi - lo < 8) {
        KnObject *p = small(lo);
        for (long long i = lo + 1; i <= hi && p != NULL; i++)
            p = ob_number_multiply(p, small(i));
        return p;
    }
    long long mid = lo + (hi - lo) / 2;
    KnObject *a = range_product(lo, mid), *b = range_product(mid + 1, hi);
    return a == NULL || b == NULL ? NULL : ob_number_multiply(a, b);
}

static KnObject *m_factorial(KnObject *m, KnObject *a)
{
    (void)m;
    KnObject *n = math_arg_index(a);
    if (n == NULL)
        return NULL;
    int of;
    long long v = ob_int_as_long_long_and_overflow(n, &of);
    if (of > 0)
        return ob_err_format(ob_exc_OverflowError,
                             "factorial() argument should not exceed %lld", LLONG_MAX);
    if (of < 0 || v < 0)
        return ob_err_format(ob_exc_ValueError, "factorial() not defined for negative values");
    return range_product(1, v);
}

/* n and k as non-negative ints (ValueError "n must be a non-negative
 * integer"). */
static int nk_args(KnObject *an, KnObject *ak, KnObject **n, KnObject **k)
{
    *n = math_arg_index(an);
    if (*n == NULL)
        return -1;
    *k = math_arg_index(ak);
    if (*k == NULL)
        return -1;
    if (ob_int_sign(*n) < 0) {
        ob_err_format(ob_exc_ValueError, "n must be a non-negative integer");
        return -1;
    }
    if (ob_int_sign(*k) < 0) {
        ob_err_format(ob_exc_ValueError, "k must be a non-negative integer");
        return -1;
    }
    return 0;
}

/* n*(n-1)*...*(n-k+1) / (divide ? k! : 1), k a C count. */
static KnObject *falling(KnObject *n, long long k, int divide)
{
    KnObject *r = small(1);
    for (long long i = 0; i < k && r != NULL; i++) {
        KnObject *f = ob_number_subtract(n, small(i));
        r = f == NULL ? NULL : ob_number_multiply(r, f);
        if (r != NULL && divide)
            r = ob_number_floordiv(r, small(i + 1));
    }
    return r;
}

static KnObject *m_comb(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    KnObject *n, *k;
    if (ob_args_check_positional("comb", nargs, 2, 2) < 0 || nk_args(args[0], args[1], &n, &k) < 0)
        return NULL;
    int gt = int_cmp(k, n, KN_GT);
    if (gt)
        return gt < 0 ? NULL : small(0);
    KnObject *nk = ob_number_subtract(n, k);
    if (nk == NULL)
        return NULL;
    if (int_cmp(nk, k, KN_LT) == 1)
        k = nk;
    int of;
    long long kk = ob_int_as_long_long_and_overflow(k, &of);
    if (of)
        return ob_err_format(ob_exc_OverflowError, "min(n - k, k) must not exceed %lld", LLONG_MAX);
    return falling(n, kk, 1);
}

static KnObject *m_perm(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    KnObject *n, *k;
    if (ob_args_check_positional("perm", nargs, 1, 2) < 0)
        return NULL;
    if (nargs == 1 || args[1] == KN_None)
        return m_factorial(m, args[0]);
    if (nk_args(args[0], args[1], &n, &k) < 0)
        return NULL;
    int gt = int_cmp(k, n, KN_GT);
    if (gt)
        return gt < 0 ? NULL : small(0);
    int of;
    long long kk = ob_int_as_long_long_and_overflow(k, &of);
    if (of)
        return ob_err_format(ob_exc_OverflowError, "k must not exceed %lld", LLONG_MAX);
    return falling(n, kk, 0);
}

KnMethodDef math_int_methods[] = {
    {"gcd", (KnCFunction)(void *)m_gcd, KN_METH_FASTCALL, NULL},
    {"lcm", (KnCFunction)(void *)m_lcm, KN_METH_FASTCALL, NULL},
    {"isqrt", (KnCFunction)m_isqrt, KN_METH_O, NULL},
    {"factorial", (KnCFunction)m_factorial, KN_METH_O, NULL},
    {"comb", (KnCFunction)(void *)m_comb, KN_METH_FASTCALL, NULL},
    {"perm", (KnCFunction)(void *)m_perm, KN_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL}
};
