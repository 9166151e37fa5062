/*
 * test_posix_util.h — shared by the posix, errno, _stat and time cmocka
 * tests: start-up (runtime, module, scratch directory), calls by name with
 * positional and keyword arguments, and assertions on results and on the
 * pending exception.
 */
#ifndef TEST_POSIX_UTIL_H
#define TEST_POSIX_UTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "libobject/libobject.h"

KnObject *kn_init_posix(void);
KnObject *kn_init_errno(void);
KnObject *kn_init__stat(void);
KnObject *kn_init_time(void);

static char px_tmp[64];

static inline int px_make_tmp(void)
{
    strcpy(px_tmp, "/tmp/kiln-posix-XXXXXX");
    return mkdtemp(px_tmp) ? 0 : -1;
}

static inline int px_remove_tmp(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", px_tmp);
    return system(cmd) == 0 ? 0 : -1;
}

static inline KnObject *S(const char *s) { return ob_str_from_cstr(s); }
static inline KnObject *I(long long v) { return ob_int_from_long_long(v); }
static inline KnObject *B(const char *s) { return ob_bytes_from_data(s, (kn_ssize_t)strlen(s)); }

/* "<tmp>/name" as a C string (static buffer, one at a time) or a str. */
static inline const char *tp(const char *name)
{
    static char buf[256];
    snprintf(buf, sizeof buf, "%s/%s", px_tmp, name);
    return buf;
}
static inline KnObject *TP(const char *name) { return S(tp(name)); }

static inline void put_file(const char *name, const char *data)
{
    FILE *f = fopen(tp(name), "wb");
    assert_non_null(f);
    fputs(data, f);
    fclose(f);
}

/* mod.name(*args): n positional arguments. */
static inline KnObject *callv(KnObject *mod, const char *name, int n, KnObject **args, KnObject *kw)
{
    KnObject *f = ob_getattr_str(mod, name);
    if (f == NULL)
        return NULL;
    return ob_call(f, ob_tuple_from_array(args, n), kw);
}
#define CALL(mod, name, ...) \
    callv((mod), (name), (int)(sizeof((KnObject *[]){NULL, __VA_ARGS__}) / sizeof(KnObject *)) - 1, \
          ((KnObject *[]){NULL, __VA_ARGS__}) + 1, NULL)
#define CALL0(mod, name) callv((mod), (name), 0, NULL, NULL)

/* A one-entry keyword dict. */
static inline KnObject *KW(const char *k, KnObject *v)
{
    KnObject *d = ob_dict_new();
    ob_dict_setitem_str(d, k, v);
    return d;
}

static inline const char *pending_text(void)
{
    KnObject *e = ob_err_fetch();
    if (e == NULL)
        return "no exception";
    KnObject *s = ob_str(e);
    static char buf[512];
    snprintf(buf, sizeof buf, "%s: %s", KN_TYPE(e)->tp_name, s ? ob_str_as_utf8(s, NULL) : "?");
    return buf;
}

/* Non-NULL result, else fail with the pending exception. */
#define OK(expr) ok_or_fail((expr), #expr, __FILE__, __LINE__)
static inline KnObject *ok_or_fail(KnObject *o, const char *what, const char *file, int line)
{
    if (o == NULL) {
        print_error("%s:%d: %s failed: %s\n", file, line, what, pending_text());
        fail();
    }
    return o;
}

/* The pending exception is exactly `exc` and str() of it is msg (NULL:
 * any message); returns the exception object. */
#define RAISED(exc, msg) raised_check((exc), (msg), __FILE__, __LINE__)
static inline KnObject *raised_check(KnTypeObject *exc, const char *msg, const char *file, int line)
{
    KnObject *e = ob_err_fetch();
    if (e == NULL) {
        print_error("%s:%d: nothing raised (expected %s)\n", file, line, exc->tp_name);
        fail();
    }
    KnObject *s = ob_str(e);
    const char *got = s ? ob_str_as_utf8(s, NULL) : "?";
    if (KN_TYPE(e) != exc || (msg != NULL && strcmp(got, msg) != 0)) {
        print_error("%s:%d: got %s: %s\n  expected %s: %s\n", file, line, KN_TYPE(e)->tp_name, got,
                    exc->tp_name, msg ? msg : "...");
        fail();
    }
    return e;
}

#define ASSERT_STR(o, text) str_check((o), (text), __FILE__, __LINE__)
static inline void str_check(KnObject *o, const char *text, const char *file, int line)
{
    o = ok_or_fail(o, "value", file, line);
    const char *got = KN_STR_CHECK(o) ? ob_str_as_utf8(o, NULL) : "<not a str>";
    if (strcmp(got, text) != 0) {
        print_error("%s:%d: got '%s', expected '%s'\n", file, line, got, text);
        fail();
    }
}
#define ASSERT_REPR(o, text) str_check(ob_repr(ok_or_fail((o), "value", __FILE__, __LINE__)), (text), \
                                       __FILE__, __LINE__)

#define ASSERT_INT(o, v) int_check((o), (v), __FILE__, __LINE__)
static inline void int_check(KnObject *o, long long v, const char *file, int line)
{
    o = ok_or_fail(o, "value", file, line);
    if (!KN_INT_CHECK(o) || ob_int_as_long_long(o) != v) {
        print_error("%s:%d: got %s, expected %lld\n", file, line, ob_str_as_utf8(ob_repr(o), NULL), v);
        fail();
    }
}

static inline KnObject *attr(KnObject *o, const char *name)
{
    return ok_or_fail(ob_getattr_str(o, name), name, __FILE__, __LINE__);
}

#endif /* TEST_POSIX_UTIL_H */
