/*
 * test_binascii.c — `binascii` (src/binascii_module.c, binascii_qp.c)
 * against CPython 3.11's answers for random and perturbed inputs
 * (binascii_cases.inc from gen_binascii_cases.py), plus argument errors.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "libobject/libobject.h"
#include "binascii_cases.inc"

KnObject *kn_init_binascii(void);
static KnObject *mod;

static int setup(void **state)
{
    (void)state;
    if (ob_runtime_init() < 0)
        return -1;
    mod = kn_init_binascii();
    return mod == NULL ? -1 : 0;
}

static KnObject *flag(long v)
{
    return v ? KN_True : KN_False;
}

/* Call case c's function with its options (as the generator did). */
static KnObject *run(const BaCase *c)
{
    KnObject *f = ob_getattr_str(mod, c->fname);
    assert_non_null(f);
    KnObject *args[5] = { ob_bytes_from_data(c->in, c->inlen) };
    size_t n = 1;
    KnObject *kw = NULL;
    const char *name = c->fname;
    if (!strcmp(name, "hexlify")) {
        if (c->opt[0] >= 0) {
            char s = (char)c->opt[0];
            args[n++] = ob_str_from_utf8(&s, 1);
            args[n++] = ob_int_from_ssize(c->opt[1]);
        }
    } else if (!strcmp(name, "b2a_base64") || !strcmp(name, "a2b_base64") ||
               !strcmp(name, "b2a_uu") || !strcmp(name, "a2b_qp")) {
        const char *k = !strcmp(name, "b2a_base64") ? "newline"
                      : !strcmp(name, "a2b_base64") ? "strict_mode"
                      : !strcmp(name, "b2a_uu") ? "backtick" : "header";
        args[n] = flag(c->opt[0]);
        kw = ob_tuple_pack(1, ob_str_from_cstr(k));
    } else if (!strcmp(name, "b2a_qp")) {
        for (int i = 0; i < 3; i++)
            args[n++] = flag(c->opt[i]);
    } else if (!strcmp(name, "crc32") || !strcmp(name, "crc_hqx")) {
        if (c->opt[0] >= 0)
            args[n++] = ob_int_from_ssize(c->opt[0]);
    }
    return ob_vectorcall(f, args, n, kw);
}

static void test_cases(void **state)
{
    (void)state;
    KnObject *error = ob_getattr_str(mod, "Error");
    for (size_t i = 0; i < sizeof ba_cases / sizeof *ba_cases; i++) {
        const BaCase *c = &ba_cases[i];
        KnObject *r = run(c);
        if (c->err != NULL) {
            assert_null(r);
            KnObject *e = ob_err_fetch();
            assert_non_null(e);
            assert_true(KN_TYPE_CHECK(e, (KnTypeObject *)error));
            assert_string_equal(ob_str_as_utf8(ob_str(e), NULL), c->err);
            continue;
        }
        if (r == NULL)
            fail_msg("case %zu (%s): %s", i, c->fname,
                     ob_str_as_utf8(ob_str(ob_err_fetch()), NULL));
        if (KN_INT_CHECK(r))
            r = ob_str(r);
        const char *p = KN_BYTES_CHECK(r) ? KN_BYTES_AS_STRING(r) : ob_str_as_utf8(r, NULL);
        kn_ssize_t len = KN_BYTES_CHECK(r) ? KN_SIZE(r) : (kn_ssize_t)strlen(p);
        if (len != c->outlen || memcmp(p, c->out, (size_t)len) != 0)
            fail_msg("case %zu (%s): wrong output", i, c->fname);
    }
}

static void expect_error(KnTypeObject *exc, const char *msg)
{
    KnObject *e = ob_err_fetch();
    assert_non_null(e);
    assert_true(KN_TYPE_CHECK(e, exc));
    assert_string_equal(ob_str_as_utf8(ob_str(e), NULL), msg);
}

static void test_errors(void **state)
{
    (void)state;
    KnObject *f = ob_getattr_str(mod, "a2b_base64");
    assert_null(ob_call_onearg(f, ob_str_from_cstr("\xc3\xa9")));
    expect_error(ob_exc_ValueError, "string argument should contain only ASCII characters");
    KnObject *s = ob_call_onearg(f, ob_str_from_cstr("YWJj"));
    assert_non_null(s);
    assert_memory_equal(KN_BYTES_AS_STRING(s), "abc", 3);
    assert_null(ob_call_onearg(ob_getattr_str(mod, "b2a_base64"), ob_str_from_cstr("a")));
    expect_error(ob_exc_TypeError, "a bytes-like object is required, not 'str'");
    KnObject *args[2] = { ob_bytes_from_data("ab", 2), ob_str_from_cstr("::") };
    assert_null(ob_vectorcall(ob_getattr_str(mod, "hexlify"), args, 2, NULL));
    expect_error(ob_exc_ValueError, "sep must be length 1.");
    assert_null(ob_vectorcall(ob_getattr_str(mod, "crc_hqx"), args, 1, NULL));
    expect_error(ob_exc_TypeError, "crc_hqx expected 2 arguments, got 1");
    KnObject *err = ob_getattr_str(mod, "Error");
    assert_int_equal(ob_issubclass(err, (KnObject *)ob_exc_ValueError), 1);
    KnObject *inc = ob_getattr_str(mod, "Incomplete");
    assert_int_equal(ob_issubclass(inc, (KnObject *)ob_exc_ValueError), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
