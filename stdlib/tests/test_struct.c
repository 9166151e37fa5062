/*
 * test_struct.c — the _struct module against python3.11's answers
 * (struct_cases.inc from gen_struct_cases.py: calcsize, pack, unpack,
 * unpack_from, pack_into, iter_unpack over random formats), plus the
 * Struct object, the cache and the buffer protocol by hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "libobject/libobject.h"

KnObject *kn_init__struct(void);

typedef struct Case {
    char op;
    const char *fmt;
    int fmtlen;
    const char *args;
    long extra;
    const char *expect;
} Case;

static const Case cases[] = {
#include "struct_cases.inc"
};

static KnObject *mod;

static KnObject *fn(const char *name)
{
    KnObject *f = ob_getattr_str(mod, name);
    assert_non_null(f);
    return f;
}

static KnObject *from_hex(const char *h, size_t n, int bytearray)
{
    char *buf = malloc(n / 2 + 1);
    for (size_t i = 0; i < n / 2; i++) {
        unsigned v;
        sscanf(h + 2 * i, "%2x", &v);
        buf[i] = (char)v;
    }
    KnObject *r = bytearray ? ob_bytearray_from_data(buf, (kn_ssize_t)(n / 2))
                            : ob_bytes_from_data(buf, (kn_ssize_t)(n / 2));
    free(buf);
    return r;
}

/* One encoded value (see the generator) of n characters. */
static KnObject *decode(const char *t, size_t n)
{
    switch (t[0]) {
    case 'T': return KN_True;
    case 'F': return KN_False;
    case 'n': return KN_None;
    case 'l': return ob_list_new(0);
    case 'i': return ob_int_from_string(t + 2, (kn_ssize_t)n - 2, 10);
    case 's': return ob_str_from_utf8(t + 2, (kn_ssize_t)n - 2);
    case 'y': return from_hex(t + 2, n - 2, 0);
    case 'a': return from_hex(t + 2, n - 2, 1);
    case 'f': {
        uint64_t bits = strtoull(t + 2, NULL, 16);
        double d;
        memcpy(&d, &bits, 8);
        return ob_float_from_double(d);
    }
    default:
        fail_msg("bad encoded value %s", t);
        return NULL;
    }
}

static int decode_all(const char *s, KnObject **out)
{
    int n = 0;
    while (*s) {
        const char *e = strchr(s, ' ');
        size_t len = e ? (size_t)(e - s) : strlen(s);
        out[n++] = decode(s, len);
        s += len;
        if (*s == ' ')
            s++;
    }
    return n;
}

static void append(char **buf, size_t *len, size_t *cap, const char *s)
{
    size_t n = strlen(s);
    while (*len + n + 2 > *cap) {
        *cap = *cap * 2 + 64;
        *buf = realloc(*buf, *cap);
    }
    if (*len > 0)
        (*buf)[(*len)++] = ' ';
    memcpy(*buf + *len, s, n + 1);
    *len += n;
}

static void encode_one(KnObject *v, char **buf, size_t *len, size_t *cap)
{
    char tmp[64];
    if (v == KN_True || v == KN_False) {
        append(buf, len, cap, v == KN_True ? "T" : "F");
    } else if (KN_INT_CHECK(v)) {
        KnObject *s = ob_int_to_decimal_string(v);
        char *t = malloc(strlen(ob_str_as_utf8(s, NULL)) + 3);
        sprintf(t, "i:%s", ob_str_as_utf8(s, NULL));
        append(buf, len, cap, t);
        free(t);
    } else if (KN_FLOAT_CHECK(v)) {
        double d = KN_FLOAT_VALUE(v);
        uint64_t bits;
        memcpy(&bits, &d, 8);
        snprintf(tmp, sizeof tmp, "f:%016llx", (unsigned long long)bits);
        append(buf, len, cap, tmp);
    } else if (KN_BYTES_CHECK(v)) {
        kn_ssize_t n = KN_SIZE(v);
        char *t = malloc((size_t)n * 2 + 3);
        strcpy(t, "y:");
        for (kn_ssize_t i = 0; i < n; i++)
            sprintf(t + 2 + 2 * i, "%02x", (unsigned char)KN_BYTES_AS_STRING(v)[i]);
        append(buf, len, cap, t);
        free(t);
    } else if (v == KN_None) {
        append(buf, len, cap, "n");
    } else {
        fail_msg("unexpected result type %s", ob_type_name(KN_TYPE(v)));
    }
}

/* The result as the generator writes it. */
static char *encode_result(KnObject *r)
{
    char *buf = NULL;
    size_t len = 0, cap = 0;
    append(&buf, &len, &cap, "");
    len = 0;
    if (r == NULL) {
        KnObject *e = ob_err_fetch();
        KnObject *msg = ob_str(e);
        const char *m = msg ? ob_str_as_utf8(msg, NULL) : "?";
        char *t = malloc(strlen(m) + 128);
        sprintf(t, "E:%s:%s", KN_TYPE(e)->tp_name, m);
        append(&buf, &len, &cap, t);
        free(t);
    } else if (KN_TUPLE_CHECK(r)) {
        for (kn_ssize_t i = 0; i < KN_SIZE(r); i++)
            encode_one(KN_TUPLE_GET(r, i), &buf, &len, &cap);
    } else {
        encode_one(r, &buf, &len, &cap);
    }
    return buf;
}

static KnObject *call(const char *name, KnObject **args, kn_ssize_t n)
{
    return ob_vectorcall(fn(name), args, (size_t)n, NULL);
}

/* iter_unpack flattened into one tuple */
static KnObject *iter_all(KnObject **args)
{
    KnObject *it = call("iter_unpack", args, 2);
    if (it == NULL)
        return NULL;
    KnObject *all = ob_list_new(0);
    KnObject *t;
    while ((t = ob_iter_next(it)) != NULL)
        for (kn_ssize_t i = 0; i < KN_SIZE(t); i++)
            ob_list_append(all, KN_TUPLE_GET(t, i));
    if (ob_err_occurred())
        return NULL;
    return ob_sequence_tuple(all);
}

static KnObject *run_case(const Case *c)
{
    KnObject *args[600];
    KnObject *fmt = ob_str_from_utf8(c->fmt, c->fmtlen);
    args[0] = fmt;
    int n = decode_all(c->args, args + 1);
    switch (c->op) {
    case 'c':
        return call("calcsize", args, 1);
    case 'p':
        return call("pack", args, n + 1);
    case 'u':
        return call("unpack", args, 2);
    case 'f':
        args[2] = ob_int_from_ssize(c->extra);
        return call("unpack_from", args, 3);
    case 't':
        return iter_all(args);
    case 'i': {
        kn_ssize_t size = c->extra >> 16, off = (int16_t)(c->extra & 0xffff);
        char fill[64];
        memset(fill, 0xaa, sizeof fill);
        KnObject *buf = ob_bytearray_from_data(fill, size);
        KnObject *pargs[600];
        pargs[0] = fmt;
        pargs[1] = buf;
        pargs[2] = ob_int_from_ssize(off);
        memcpy(pargs + 3, args + 1, (size_t)n * sizeof(KnObject *));
        KnObject *r = call("pack_into", pargs, n + 3);
        if (r == NULL)
            return NULL;
        assert_true(r == KN_None);
        return ob_bytes_from_data(((KnByteArrayObject *)buf)->ob_start, KN_SIZE(buf));
    }
    default:
        fail_msg("bad op");
        return NULL;
    }
}

static void test_cases(void **state)
{
    (void)state;
    size_t n = sizeof cases / sizeof cases[0], bad = 0;
    for (size_t i = 0; i < n; i++) {
        char *got = encode_result(run_case(&cases[i]));
        if (strcmp(got, cases[i].expect) != 0) {
            if (bad++ < 20)
                printf("case %zu %c %s (%s):\n  got    %s\n  expect %s\n", i, cases[i].op,
                       cases[i].fmt, cases[i].args, got, cases[i].expect);
        }
        free(got);
    }
    printf("%zu struct cases, %zu wrong\n", n, bad);
    assert_int_equal(bad, 0);
}

static void test_struct_object(void **state)
{
    (void)state;
    KnObject *cls = fn("Struct");
    KnObject *a[3] = { ob_str_from_cstr("<hi") };
    KnObject *s = ob_vectorcall(cls, a, 1, NULL);
    assert_non_null(s);
    assert_int_equal(ob_int_as_ssize(ob_getattr_str(s, "size")), 6);
    assert_string_equal(ob_str_as_utf8(ob_getattr_str(s, "format"), NULL), "<hi");
    a[0] = ob_int_from_ssize(-2);
    a[1] = ob_int_from_ssize(7);
    KnObject *packed = ob_vectorcall(ob_getattr_str(s, "pack"), a, 2, NULL);
    assert_non_null(packed);
    assert_memory_equal(KN_BYTES_AS_STRING(packed), "\xfe\xff\x07\x00\x00\x00", 6);
    /* a bytearray is a buffer exporter like bytes */
    a[0] = ob_bytearray_from_data(KN_BYTES_AS_STRING(packed), 6);
    KnObject *t = ob_vectorcall(ob_getattr_str(s, "unpack"), a, 1, NULL);
    assert_non_null(t);
    assert_int_equal(ob_int_as_ssize(KN_TUPLE_GET(t, 0)), -2);
    assert_int_equal(ob_int_as_ssize(KN_TUPLE_GET(t, 1)), 7);
    /* bytes format gives a str .format; the module functions take a Struct */
    a[0] = ob_bytes_from_data("bi", 2);
    KnObject *s2 = ob_vectorcall(cls, a, 1, NULL);
    assert_string_equal(ob_str_as_utf8(ob_getattr_str(s2, "format"), NULL), "bi");
    KnObject *r = call("calcsize", &s2, 1);
    assert_int_equal(ob_int_as_ssize(r), 8);
    /* a str where a buffer is needed */
    a[0] = ob_str_from_cstr("abcdef");
    assert_null(ob_vectorcall(ob_getattr_str(s, "unpack"), a, 1, NULL));
    KnObject *e = ob_err_fetch();
    assert_string_equal(ob_str_as_utf8(ob_str(e), NULL), "a bytes-like object is required, not 'str'");
    /* Struct(1) */
    a[0] = ob_int_from_ssize(1);
    assert_null(ob_vectorcall(cls, a, 1, NULL));
    e = ob_err_fetch();
    assert_string_equal(ob_str_as_utf8(ob_str(e), NULL),
                        "Struct() argument 1 must be a str or bytes object, not int");
    /* iterator length hint */
    a[0] = ob_bytes_from_data("abcdefghijkl", 12);
    KnObject *it = ob_vectorcall(ob_getattr_str(s, "iter_unpack"), a, 1, NULL);
    assert_non_null(it);
    KnObject *hint = ob_vectorcall(ob_getattr_str(it, "__length_hint__"), NULL, 0, NULL);
    assert_int_equal(ob_int_as_ssize(hint), 2);
    assert_non_null(ob_iter_next(it));
    hint = ob_vectorcall(ob_getattr_str(it, "__length_hint__"), NULL, 0, NULL);
    assert_int_equal(ob_int_as_ssize(hint), 1);
}

static void test_cache_and_error(void **state)
{
    (void)state;
    /* more formats than the cache holds: every answer stays right */
    for (int i = 0; i < 250; i++) {
        char f[16];
        snprintf(f, sizeof f, "%dx", i);
        KnObject *a = ob_str_from_cstr(f);
        KnObject *r = call("calcsize", &a, 1);
        assert_int_equal(ob_int_as_ssize(r), i);
    }
    assert_non_null(call("_clearcache", NULL, 0));
    KnObject *err = fn("error");
    assert_true(ob_type_is_subtype((KnTypeObject *)err, (KnTypeObject *)ob_exc_Exception));
    assert_string_equal(ob_str_as_utf8(ob_getattr_str(err, "__module__"), NULL), "struct");
    KnObject *none = NULL;
    assert_null(call("pack", &none, 0));
    KnObject *e = ob_err_fetch();
    assert_string_equal(ob_str_as_utf8(ob_str(e), NULL), "missing format argument");
}

static int setup(void **state)
{
    (void)state;
    if (ob_runtime_init() < 0 || (mod = kn_init__struct()) == NULL)
        return -1;
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_struct_object),
        cmocka_unit_test(test_cache_and_error),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
