/*
 * test_abstract_util.h — helpers shared by the PROTOCOLS part's cmocka
 * tests (test_abstract*.c, test_module.c, test_iters.c).
 */
#ifndef TEST_ABSTRACT_UTIL_H
#define TEST_ABSTRACT_UTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "libobject/libobject.h"
#include "libobject/iter.h"

static inline int tu_setup(void **state)
{
    (void)state;
    return ob_runtime_init();
}

static inline KnObject *S(const char *s) { return ob_str_from_cstr(s); }
/* An int.  Tests avoid -256..-6: producing such a value currently flips
 * the sign of the cached small int 6..256 (a NUMBERS bug in int.c,
 * reported), which would corrupt every later use of that int. */
static inline KnObject *I(long long v) { return ob_int_from_long_long(v); }
static inline KnObject *F(double v) { return ob_float_from_double(v); }
/* An int from decimal digits (any size). */
static inline KnObject *BIG(const char *digits)
{
    return ob_int_from_string(digits, (kn_ssize_t)strlen(digits), 10);
}

/* An exception of exactly class `exc` with str(exc) == msg (msg NULL: any
 * message) is pending; it is cleared. */
#define assert_raised(exc, msg) tu_assert_raised((exc), (msg), __FILE__, __LINE__)
static inline void tu_assert_raised(KnTypeObject *exc, const char *msg, const char *file,
                                    int line)
{
    KnObject *e = ob_err_fetch();
    if (e == NULL) {
        print_error("%s:%d: no exception pending (expected %s)\n", file, line, exc->tp_name);
        fail();
    }
    if (KN_TYPE(e) != exc) {
        KnObject *s = ob_str(e);
        print_error("%s:%d: got %s: %s, expected %s\n", file, line, KN_TYPE(e)->tp_name,
                       s ? ob_str_as_utf8(s, NULL) : "?", exc->tp_name);
        fail();
    }
    if (msg != NULL) {
        KnObject *s = ob_str(e);
        assert_non_null(s);
        const char *got = ob_str_as_utf8(s, NULL);
        if (strcmp(got, msg) != 0) {
            print_error("%s:%d: message\n  got:      %s\n  expected: %s\n", file, line, got,
                           msg);
            fail();
        }
    }
}

/* `o` is a str equal to `text`. */
#define assert_str(o, text) tu_assert_str((o), (text), __FILE__, __LINE__)
static inline void tu_assert_str(KnObject *o, const char *text, const char *file, int line)
{
    if (o == NULL) {
        KnObject *e = ob_err_fetch();
        KnObject *s = e ? ob_str(e) : NULL;
        print_error("%s:%d: NULL (%s: %s), expected '%s'\n", file, line,
                       e ? KN_TYPE(e)->tp_name : "no error", s ? ob_str_as_utf8(s, NULL) : "",
                       text);
        fail();
    }
    if (!KN_STR_CHECK(o)) {
        print_error("%s:%d: a '%s', expected str '%s'\n", file, line, KN_TYPE(o)->tp_name,
                       text);
        fail();
    }
    const char *got = ob_str_as_utf8(o, NULL);
    if (strcmp(got, text) != 0) {
        print_error("%s:%d: got '%s', expected '%s'\n", file, line, got, text);
        fail();
    }
}

/* repr(o) == text */
#define assert_repr(o, text) tu_assert_str(tu_repr(o), (text), __FILE__, __LINE__)
static inline KnObject *tu_repr(KnObject *o)
{
    return o ? ob_repr(o) : NULL;
}

/* o is an int equal to v */
#define assert_int(o, v) tu_assert_int((o), (v), __FILE__, __LINE__)
static inline void tu_assert_int(KnObject *o, long long v, const char *file, int line)
{
    if (o == NULL || !KN_INT_CHECK(o)) {
        KnObject *e = o ? NULL : ob_err_fetch();
        KnObject *s = e ? ob_str(e) : NULL;
        print_error("%s:%d: %s %s, expected int %lld\n", file, line,
                       o ? KN_TYPE(o)->tp_name : e ? KN_TYPE(e)->tp_name : "NULL",
                       s ? ob_str_as_utf8(s, NULL) : "", v);
        fail();
    }
    long long got = ob_int_as_long_long(o);
    if (got != v) {
        print_error("%s:%d: got %lld, expected %lld\n", file, line, got, v);
        fail();
    }
}

/* Call a type (or any callable) with positional arguments. */
static inline KnObject *tu_call(KnObject *callable, int n, ...)
{
    KnObject *args[8];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        args[i] = va_arg(ap, KnObject *);
    va_end(ap);
    return ob_vectorcall(callable, args, (size_t)n, NULL);
}

/* list(iterable) rendered with repr, for compact comparisons. */
#define assert_list_repr(iterable, text) \
    tu_assert_str(tu_repr(ob_sequence_list(iterable)), (text), __FILE__, __LINE__)

#endif
