/*
 * fmt_test.h — helpers shared by the formatting tests (test_format*.c,
 * test_percent.c): build values, and check a result against CPython's text
 * or its exception (class name and message).
 */
#ifndef FMT_TEST_H
#define FMT_TEST_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "libobject/libobject.h"
#include "libobject/complex.h"

static int fmt_setup(void **state)
{
    (void)state;
    return ob_runtime_init();
}

static __attribute__((unused)) KnObject *S(const char *utf8)
{
    KnObject *s = ob_str_from_utf8(utf8, (kn_ssize_t)strlen(utf8));
    assert_non_null(s);
    return s;
}

static __attribute__((unused)) KnObject *I(long long v)
{
    return ob_int_from_long_long(v);
}

/* Compare r with the expected text, or (exc != NULL) with the exception
 * class name and message.  Returns 1 on match, else prints and returns 0. */
static __attribute__((unused)) int fmt_match(KnObject *r, const char *expect, const char *exc, const char *what)
{
    if (exc == NULL) {
        if (r == NULL) {
            KnObject *e = ob_err_fetch();
            KnObject *m = e ? ob_str(e) : NULL;
            const char *mt = m ? ob_str_as_utf8(m, NULL) : "?";
            printf("FAIL %s: expected '%s', raised %s: %s\n", what, expect,
                   e ? KN_TYPE(e)->tp_name : "?", mt ? mt : "?");
            return 0;
        }
        const char *got = ob_str_as_utf8(r, NULL);
        if (got == NULL || strcmp(got, expect) != 0) {
            printf("FAIL %s: expected '%s', got '%s'\n", what, expect, got ? got : "?");
            ob_err_clear();
            return 0;
        }
        return 1;
    }
    if (r != NULL) {
        const char *got = KN_STR_CHECK(r) ? ob_str_as_utf8(r, NULL) : "(non-str)";
        printf("FAIL %s: expected %s: %s, got '%s'\n", what, exc, expect, got ? got : "?");
        return 0;
    }
    KnObject *e = ob_err_fetch();
    KnObject *m = e ? ob_str(e) : NULL;
    const char *mt = m ? ob_str_as_utf8(m, NULL) : NULL;
    if (e == NULL || strcmp(KN_TYPE(e)->tp_name, exc) != 0 || mt == NULL || strcmp(mt, expect) != 0) {
        printf("FAIL %s: expected %s: %s, got %s: %s\n", what, exc, expect,
               e ? KN_TYPE(e)->tp_name : "(none)", mt ? mt : "?");
        ob_err_clear();
        return 0;
    }
    return 1;
}

/* A value from its tagged text (see gen_fmtcall_cases.py). */
static __attribute__((unused)) KnObject *V(const char *tag)
{
    const char *v = tag + 2;
    KnObject *o = NULL;
    switch (tag[0]) {
    case 'i': o = ob_int_from_string(v, (kn_ssize_t)strlen(v), 10); break;
    case 'b': o = KN_BOOL(v[0] == '1'); break;
    case 'f': o = ob_float_from_double(strtod(v, NULL)); break;
    case 'c': {
        char *end;
        double re = strtod(v, &end);
        o = ob_complex_from_doubles(re, strtod(end + 1, NULL));
        break;
    }
    case 's': o = S(v); break;
    case 'n': o = KN_None; break;
    case 'y': case 'Y': {
        /* latin-1 text -> bytes */
        KnObject *s = S(v);
        kn_ssize_t n = ob_str_length(s);
        char *buf = malloc((size_t)n + 1);
        for (kn_ssize_t i = 0; i < n; i++)
            buf[i] = (char)ob_str_read_char(s, i);
        o = tag[0] == 'y' ? ob_bytes_from_data(buf, n) : ob_bytearray_from_data(buf, n);
        free(buf);
        break;
    }
    case 'L': case 'T': {
        KnObject *items[32];
        kn_ssize_t n = 0;
        while (*v && n < 32) {
            char *end;
            items[n++] = I(strtoll(v, &end, 10));
            v = *end ? end + 1 : end;
        }
        if (tag[0] == 'T') {
            o = ob_tuple_from_array(items, n);
        } else {
            o = ob_list_new(0);
            for (kn_ssize_t i = 0; i < n; i++)
                ob_list_append(o, items[i]);
        }
        break;
    }
    case 'D': {
        o = ob_dict_new();
        while (*v) {
            const char *eq = strchr(v, '=');
            char *end;
            long long x = strtoll(eq + 1, &end, 10);
            ob_dict_setitem(o, ob_str_from_utf8(v, eq - v), I(x));
            v = *end ? end + 1 : end;
        }
        break;
    }
    }
    assert_non_null(o);
    return o;
}

/* Tuple of the tagged values in a NULL-terminated array. */
static __attribute__((unused)) KnObject *V_tuple(const char *const *tags)
{
    kn_ssize_t n = 0;
    while (tags[n])
        n++;
    KnObject *t = ob_tuple_new(n);
    for (kn_ssize_t i = 0; i < n; i++)
        KN_TUPLE_SET(t, i, V(tags[i]));
    return t;
}

/* Dict of "name=tag" entries; bytes_keys: keys are bytes (latin-1). */
static __attribute__((unused)) KnObject *V_dict(const char *const *kw, int bytes_keys)
{
    KnObject *d = ob_dict_new();
    for (; *kw; kw++) {
        const char *eq = strchr(*kw, '=');
        KnObject *k = ob_str_from_utf8(*kw, eq - *kw);
        if (bytes_keys) {
            char buf[64];
            kn_ssize_t n = ob_str_length(k);
            for (kn_ssize_t i = 0; i < n; i++)
                buf[i] = (char)ob_str_read_char(k, i);
            k = ob_bytes_from_data(buf, n);
        }
        ob_dict_setitem(d, k, V(eq + 1));
    }
    return d;
}

#endif
