/*
 * test_io_util.h — helpers shared by the `_io` cmocka tests: a runtime and
 * the module, a scratch directory (mkdtemp), short constructors, and
 * assertions on results and raised exceptions.
 */
#ifndef TEST_IO_UTIL_H
#define TEST_IO_UTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "libobject/libobject.h"
#include "io_internal.h"

KnObject *kn_init__io(void);

static KnObject *io_mod;
static char io_tmpdir[64];

static inline int io_setup(void **state)
{
    (void)state;
    if (ob_runtime_init() < 0)
        return -1;
    io_mod = kn_init__io();
    if (io_mod == NULL)
        return -1;
    strcpy(io_tmpdir, "/tmp/kiln-io-XXXXXX");
    return mkdtemp(io_tmpdir) ? 0 : -1;
}

static inline int io_teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", io_tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static inline KnObject *S(const char *s) { return ob_str_from_cstr(s); }
static inline KnObject *I(long long v) { return ob_int_from_long_long(v); }
static inline KnObject *B(const char *s) { return ob_bytes_from_data(s, (kn_ssize_t)strlen(s)); }
static inline KnObject *BN(const char *s, kn_ssize_t n) { return ob_bytes_from_data(s, n); }

/* A path inside the scratch directory, as a str. */
static inline KnObject *tpath(const char *name)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s/%s", io_tmpdir, name);
    return S(buf);
}

/* Write `data` to scratch file `name` with stdio (independent of _io). */
static inline void tput(const char *name, const char *data, size_t n)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s/%s", io_tmpdir, name);
    FILE *f = fopen(buf, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    fclose(f);
}

/* Contents of scratch file `name` (GC memory, NUL-terminated). */
static inline char *tget(const char *name, size_t *n)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s/%s", io_tmpdir, name);
    FILE *f = fopen(buf, "rb");
    assert_non_null(f);
    static char data[1 << 16];
    *n = fread(data, 1, sizeof data - 1, f);
    data[*n] = 0;
    fclose(f);
    return data;
}

/* type(*args) with positional arguments. */
static inline KnObject *mk(KnTypeObject *t, int n, ...)
{
    va_list ap;
    va_start(ap, n);
    KnObject *args = ob_tuple_new(n);
    for (int i = 0; i < n; i++)
        KN_TUPLE_SET(args, i, va_arg(ap, KnObject *));
    va_end(ap);
    return ob_call((KnObject *)t, args, NULL);
}

/* type(*args, **{k: v}) with one keyword. */
static inline KnObject *mk_kw(KnTypeObject *t, KnObject *args, const char *k, KnObject *v)
{
    KnObject *kw = ob_dict_new();
    ob_dict_setitem_str(kw, k, v);
    return ob_call((KnObject *)t, args, kw);
}

#define M(o, name, ...) ob_call_method((o), (name), __VA_ARGS__)

static inline const char *io_errtext(void)
{
    KnObject *e = ob_err_fetch();
    if (e == NULL)
        return "no error";
    KnObject *s = ob_str(e);
    static char buf[512];
    snprintf(buf, sizeof buf, "%s: %s", KN_TYPE(e)->tp_name, s ? ob_str_as_utf8(s, NULL) : "?");
    return buf;
}

/* An exception of exactly class `exc` with str(exc) == msg (NULL: any). */
#define assert_raised(exc, msg) io_assert_raised((exc), (msg), __FILE__, __LINE__)
static inline void io_assert_raised(KnTypeObject *exc, const char *msg, const char *file, int line)
{
    KnObject *e = ob_err_fetch();
    if (e == NULL) {
        print_error("%s:%d: no exception pending (expected %s)\n", file, line, exc->tp_name);
        fail();
    }
    KnObject *s = ob_str(e);
    const char *got = s ? ob_str_as_utf8(s, NULL) : "?";
    if (KN_TYPE(e) != exc) {
        print_error("%s:%d: got %s: %s, expected %s\n", file, line, KN_TYPE(e)->tp_name, got,
                    exc->tp_name);
        fail();
    }
    if (msg != NULL && strcmp(got, msg) != 0) {
        print_error("%s:%d: message\n  got:      %s\n  expected: %s\n", file, line, got, msg);
        fail();
    }
}

/* o is bytes equal to (data, n). */
#define assert_bytes(o, data, n) io_assert_bytes((o), (data), (n), __FILE__, __LINE__)
static inline void io_assert_bytes(KnObject *o, const char *data, kn_ssize_t n, const char *file,
                                   int line)
{
    if (o == NULL) {
        print_error("%s:%d: NULL (%s)\n", file, line, io_errtext());
        fail();
    }
    if (!KN_BYTES_CHECK(o)) {
        print_error("%s:%d: a %s, expected bytes\n", file, line, KN_TYPE(o)->tp_name);
        fail();
    }
    if (KN_SIZE(o) != n || memcmp(KN_BYTES_AS_STRING(o), data, (size_t)n) != 0) {
        KnObject *r = ob_repr(o);
        print_error("%s:%d: got %s (%zd bytes), expected %zd bytes '%.*s'\n", file, line,
                    ob_str_as_utf8(r, NULL), KN_SIZE(o), n, (int)n, data);
        fail();
    }
}
#define assert_b(o, lit) assert_bytes((o), (lit), (kn_ssize_t)(sizeof(lit) - 1))

/* o is a str equal to text (UTF-8). */
#define assert_str(o, text) io_assert_str((o), (text), __FILE__, __LINE__)
static inline void io_assert_str(KnObject *o, const char *text, const char *file, int line)
{
    if (o == NULL) {
        print_error("%s:%d: NULL (%s), expected '%s'\n", file, line, io_errtext(), text);
        fail();
    }
    if (!KN_STR_CHECK(o)) {
        print_error("%s:%d: a %s, expected str '%s'\n", file, line, KN_TYPE(o)->tp_name, text);
        fail();
    }
    const char *got = ob_str_as_utf8(o, NULL);
    if (strcmp(got, text) != 0) {
        print_error("%s:%d: got '%s', expected '%s'\n", file, line, got, text);
        fail();
    }
}

/* repr(o) == text. */
#define assert_repr(o, text) io_assert_str(io_repr_or_null(o), (text), __FILE__, __LINE__)
static inline KnObject *io_repr_or_null(KnObject *o) { return o ? ob_repr(o) : NULL; }

/* o is an int equal to v. */
#define assert_int(o, v) io_assert_int((o), (v), __FILE__, __LINE__)
static inline void io_assert_int(KnObject *o, long long v, const char *file, int line)
{
    if (o == NULL) {
        print_error("%s:%d: NULL (%s), expected %lld\n", file, line, io_errtext(), v);
        fail();
    }
    if (!KN_INT_CHECK(o)) {
        print_error("%s:%d: a %s, expected int %lld\n", file, line, KN_TYPE(o)->tp_name, v);
        fail();
    }
    long long got = ob_int_as_long_long(o);
    if (got != v) {
        print_error("%s:%d: got %lld, expected %lld\n", file, line, got, v);
        fail();
    }
}

/* Call succeeded (non-NULL result), else print the exception. */
#define assert_ok(o) io_assert_ok((o), __FILE__, __LINE__)
static inline KnObject *io_assert_ok(KnObject *o, const char *file, int line)
{
    if (o == NULL) {
        print_error("%s:%d: NULL (%s)\n", file, line, io_errtext());
        fail();
    }
    return o;
}

#endif /* TEST_IO_UTIL_H */
