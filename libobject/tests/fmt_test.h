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
#include <string.h>
#include <cmocka.h>
#include "libobject/libobject.h"
#include "libobject/complex.h"

static int fmt_setup(void **state)
{
    (void)state;
    return ob_runtime_init();
}

static KnObject *S(const char *utf8)
{
    KnObject *s = ob_str_from_utf8(utf8, (kn_ssize_t)strlen(utf8));
    assert_non_null(s);
    return s;
}

static KnObject *I(long long v)
{
    return ob_int_from_long_long(v);
}

/* Compare r with the expected text, or (exc != NULL) with the exception
 * class name and message.  Returns 1 on match, else prints and returns 0. */
static int fmt_match(KnObject *r, const char *expect, const char *exc, const char *what)
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

#endif
