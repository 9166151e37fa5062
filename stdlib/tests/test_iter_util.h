/*
 * test_iter_util.h — shared by the itertools / _collections / _functools /
 * _operator tests: argument decoding for the generated case tables
 * ("kind:text" items joined by '|', see gen_itertools_cases.py; b: bytes,
 * d: float, t: tuple of ints in addition), helper
 * callables, and checks of a result's repr or of the raised exception.
 */
#ifndef TEST_ITER_UTIL_H
#define TEST_ITER_UTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "libobject/libobject.h"

static inline KnObject *S(const char *s) { return ob_str_from_cstr(s); }
static inline KnObject *I(long long v) { return ob_int_from_long_long(v); }

/* The repr of o as a C string (static storage is fine: GC heap). */
static inline const char *R(KnObject *o)
{
    KnObject *r = ob_repr(o);
    assert_non_null(r);
    return ob_str_as_utf8(r, NULL);
}

static KnObject *h_add(KnObject *m, KnObject *const *a, kn_ssize_t n)
{
    (void)m; (void)n;
    return ob_number_add(a[0], a[1]);
}
static KnObject *h_pow(KnObject *m, KnObject *const *a, kn_ssize_t n)
{
    (void)m; (void)n;
    return ob_number_power(a[0], a[1], KN_None);
}
static KnObject *h_odd(KnObject *m, KnObject *x)
{
    (void)m;
    return ob_number_remainder(x, I(2));
}
static KnObject *h_lt5(KnObject *m, KnObject *x)
{
    (void)m;
    return ob_richcompare(x, I(5), KN_LT);
}
static KnObject *h_key3(KnObject *m, KnObject *x)
{
    (void)m;
    return ob_number_floordiv(x, I(3));
}

#define HFC(f) ((KnCFunction)(void (*)(void))(f))
static KnMethodDef h_defs[] = {
    {"add", HFC(h_add), KN_METH_FASTCALL, NULL},
    {"pow", HFC(h_pow), KN_METH_FASTCALL, NULL},
    {"odd", HFC(h_odd), KN_METH_O, NULL},
    {"lt5", HFC(h_lt5), KN_METH_O, NULL},
    {"key3", HFC(h_key3), KN_METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static inline KnObject *decode_arg(const char *a, size_t len)
{
    char buf[256];
    assert_true(len < sizeof buf && len >= 2 && a[1] == ':');
    memcpy(buf, a + 2, len - 2);
    buf[len - 2] = 0;
    switch (a[0]) {
    case 's': return S(buf);
    case 'i': return I(atoll(buf));
    case 'n': return KN_None;
    case 'b': return ob_bytes_from_data(buf, (kn_ssize_t)strlen(buf));
    case 'd': return ob_float_from_double(atof(buf));
    case 't':
    case 'l': {
        KnObject *l = ob_list_new(0);
        for (char *p = buf; *p;) {
            ob_list_append(l, I(strtoll(p, &p, 10)));
            if (*p == ',')
                p++;
        }
        return a[0] == 't' ? ob_sequence_tuple(l) : l;
    }
    case 'f':
        for (KnMethodDef *d = h_defs; d->ml_name; d++)
            if (strcmp(d->ml_name, buf) == 0)
                return ob_cfunction_new(d, NULL, NULL);
        break;
    }
    fail_msg("bad argument spec %s", a);
    return NULL;
}

/* f(*args, **kw) for an encoded argument list. */
static inline KnObject *call_spec(KnObject *f, const char *spec)
{
    KnObject *args = ob_list_new(0), *kw = ob_dict_new();
    for (const char *p = spec; *p;) {
        const char *e = strchr(p, '|');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        const char *eq = memchr(p, '=', len), *colon = memchr(p, ':', len);
        if (eq != NULL && (colon == NULL || eq < colon)) {
            KnObject *k = ob_str_from_utf8(p, eq - p);
            ob_dict_setitem(kw, k, decode_arg(eq + 1, len - (size_t)(eq + 1 - p)));
        } else {
            ob_list_append(args, decode_arg(p, len));
        }
        p += len;
        if (*p == '|')
            p++;
    }
    return ob_call(f, ob_sequence_tuple(args), kw);
}

/* Compare an outcome (result or pending exception) with (kind, text). */
static inline void check_outcome(const char *what, KnObject *res, const char *kind, const char *text)
{
    if (res != NULL) {
        if (strcmp(kind, "ok") != 0)
            fail_msg("%s: expected %s: %s, got %s", what, kind, text, R(res));
        const char *got = R(res);
        if (strcmp(got, text) != 0)
            fail_msg("%s:\n  expected %s\n  got      %s", what, text, got);
        return;
    }
    KnObject *exc = ob_err_fetch();
    assert_non_null(exc);
    const char *ename = ob_type_name(KN_TYPE(exc));
    KnObject *msg = ob_str(exc);
    const char *m = msg ? ob_str_as_utf8(msg, NULL) : "?";
    if (strcmp(kind, ename) != 0 || strcmp(text, m) != 0)
        fail_msg("%s: expected %s: %s\n  got %s: %s", what, kind, text, ename, m);
}

#endif
