/*
 * math_sum.c — math's accumulating functions: fsum (exact: Shewchuk's
 * non-overlapping partials, then a round-half-even correction of the
 * final sum), hypot and dist (scaled by the largest magnitude, squares
 * summed with their exact rounding errors via fma, and one Newton
 * correction of the square root), prod (through the number protocol)
 * and isclose.
 */
#include <math.h>
#include <string.h>

#include "libgc/gc.h"
#include "math_internal.h"

/* ---- fsum ---- */

typedef struct Partials { double *p; kn_ssize_t n, cap; double inline_buf[32]; } Partials;

static int partials_push(Partials *ps, double v)
{
    if (ps->n == ps->cap) {
        kn_ssize_t cap = ps->cap * 2;
        double *np = kgc_alloc_atomic((size_t)cap * sizeof(double));
        if (np == NULL) {
            ob_err_nomemory();
            return -1;
        }
        memcpy(np, ps->p, (size_t)ps->n * sizeof(double));
        ps->p = np;
        ps->cap = cap;
    }
    ps->p[ps->n++] = v;
    return 0;
}

static KnObject *m_fsum(KnObject *m, KnObject *iterable)
{
    (void)m;
    Partials ps;
    ps.p = ps.inline_buf;
    ps.n = 0;
    ps.cap = 32;
    double special = 0.0, infs = 0.0;
    KnObject *it = ob_get_iter(iterable), *item;
    if (it == NULL)
        return NULL;
    while ((item = ob_iter_next(it)) != NULL) {
        double x;
        if (math_arg_double(item, &x) < 0)
            return NULL;
        if (!isfinite(x)) {
            if (isinf(x))
                infs += x;
            special += x;
            continue;
        }
        kn_ssize_t k = 0;
        for (kn_ssize_t i = 0; i < ps.n; i++) {
            double y = ps.p[i];
            if (fabs(x) < fabs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y, lo = y - (hi - x);
            if (lo != 0.0)
                ps.p[k++] = lo;
            x = hi;
        }
        ps.n = k;
        if (!isfinite(x))
            return ob_err_format(ob_exc_OverflowError, "intermediate overflow in fsum");
        if (partials_push(&ps, x) < 0)
            return NULL;
    }
    if (ob_err_occurred())
        return NULL;
    if (special != 0.0) {
        if (isnan(infs))
            return ob_err_format(ob_exc_ValueError, "-inf + inf in fsum");
        return ob_float_from_double(special);
    }
    double hi = 0.0, lo = 0.0;
    kn_ssize_t n = ps.n;
    if (n > 0) {
        hi = ps.p[--n];
        while (n > 0) {           /* add from the top until inexact */
            double x = hi, y = ps.p[--n];
            hi = x + y;
            lo = y - (hi - x);
            if (lo != 0.0)
                break;
        }
        /* the remaining partials decide a halfway case */
        if (n > 0 && ((lo < 0 && ps.p[n - 1] < 0) || (lo > 0 && ps.p[n - 1] > 0))) {
            double y = lo * 2, x = hi + y;
            if (y == x - hi)
                hi = x;
        }
    }
    return ob_float_from_double(hi);
}

/* ---- hypot / dist ---- */

/* sqrt(sum v[i]**2) without undue overflow, underflow or rounding. */
static double vector_norm(const double *v, kn_ssize_t n, double maxv, int found_nan)
{
    if (isinf(maxv))
        return maxv;
    if (found_nan)
        return NAN;
    if (maxv == 0 || n <= 1)
        return maxv;
    int e;
    frexp(maxv, &e);
    double sum = 0.0, comp = 0.0;      /* Neumaier-compensated sum of squares */
    for (kn_ssize_t i = 0; i < n; i++) {
        double x = ldexp(v[i], -e);    /* |x| < 1 */
        double sq = x * x, err = fma(x, x, -sq);
        double t = sum + sq;
        comp += fabs(sum) >= fabs(sq) ? (sum - t) + sq : (sq - t) + sum;
        sum = t;
        comp += err;
    }
    double total = sum + comp;
    double h = sqrt(total);
    /* one Newton step on h*h = total, the residual computed exactly */
    double r = fma(-h, h, sum) + comp;
    h += r / (2 * h);
    return ldexp(h, e);
}

static KnObject *m_hypot(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    double *v = kgc_alloc_atomic((size_t)(nargs + 1) * sizeof(double));
    if (v == NULL)
        return ob_err_nomemory();
    double maxv = 0.0;
    int nan_seen = 0;
    for (kn_ssize_t i = 0; i < nargs; i++) {
        if (math_arg_double(args[i], &v[i]) < 0)
            return NULL;
        v[i] = fabs(v[i]);
        nan_seen |= isnan(v[i]);
        if (v[i] > maxv)
            maxv = v[i];
    }
    return ob_float_from_double(vector_norm(v, nargs, maxv, nan_seen));
}

static KnObject *m_dist(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    if (ob_args_check_positional("dist", nargs, 2, 2) < 0)
        return NULL;
    KnObject *p = args[0], *q = args[1];
    if (!KN_TUPLE_CHECK(p) && (p = ob_sequence_tuple(p)) == NULL)
        return NULL;
    if (!KN_TUPLE_CHECK(q) && (q = ob_sequence_tuple(q)) == NULL)
        return NULL;
    kn_ssize_t n = KN_SIZE(p);
    if (KN_SIZE(q) != n)
        return ob_err_format(ob_exc_ValueError, "both points must have the same number of dimensions");
    double *v = kgc_alloc_atomic((size_t)(n + 1) * sizeof(double));
    if (v == NULL)
        return ob_err_nomemory();
    double maxv = 0.0;
    int nan_seen = 0;
    for (kn_ssize_t i = 0; i < n; i++) {
        double a, b;
        if (math_arg_double(KN_TUPLE_GET(p, i), &a) < 0 || math_arg_double(KN_TUPLE_GET(q, i), &b) < 0)
            return NULL;
        v[i] = fabs(a - b);
        nan_seen |= isnan(v[i]);
        if (v[i] > maxv)
            maxv = v[i];
    }
    return ob_float_from_double(vector_norm(v, n, maxv, nan_seen));
}

/* ---- prod / isclose ---- */

static KnObject *m_prod(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"", "start", NULL};
    KnArgSpec spec = {"prod", names, 1, 1, 0};
    KnObject *a[2];
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    KnObject *r = a[1] ? a[1] : ob_int_from_ssize(1);
    KnObject *it = ob_get_iter(a[0]), *item;
    if (it == NULL)
        return NULL;
    while ((item = ob_iter_next(it)) != NULL)
        if ((r = ob_number_multiply(r, item)) == NULL)
            return NULL;
    return ob_err_occurred() ? NULL : r;
}

static KnObject *m_isclose(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"a", "b", "rel_tol", "abs_tol", NULL};
    KnArgSpec spec = {"isclose", names, 2, 2, 0};
    KnObject *o[4];
    double a, b, rel = 1e-9, abs_tol = 0.0;
    if (ob_args_parse(&spec, args, nargs, kwnames, o) < 0 || math_arg_double(o[0], &a) < 0
        || math_arg_double(o[1], &b) < 0 || (o[2] && math_arg_double(o[2], &rel) < 0)
        || (o[3] && math_arg_double(o[3], &abs_tol) < 0))
        return NULL;
    if (rel < 0 || abs_tol < 0)
        return ob_err_format(ob_exc_ValueError, "tolerances must be non-negative");
    if (a == b)
        return KN_True;
    if (isinf(a) || isinf(b))
        return KN_False;
    double diff = fabs(b - a);
    return KN_BOOL((diff <= fabs(rel * b)) || (diff <= fabs(rel * a)) || diff <= abs_tol);
}

KnMethodDef math_sum_methods[] = {
    {"fsum", (KnCFunction)m_fsum, KN_METH_O, NULL},
    {"hypot", (KnCFunction)(void *)m_hypot, KN_METH_FASTCALL, NULL},
    {"dist", (KnCFunction)(void *)m_dist, KN_METH_FASTCALL, NULL},
    {"prod", (KnCFunction)(void *)m_prod, KN_METH_FASTCALL | KN_METH_KEYWORDS, NULL},
    {"isclose", (KnCFunction)(void *)m_isclose, KN_METH_FASTCALL | KN_METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL}
};
