/*
 * test_zlib.c — `zlib` (src/zlib_module.c, zlib_objects.c) against
 * CPython 3.11 over the same libz (zlib_cases.inc from gen_zlib_cases.py):
 * one-shot compress/decompress with levels, wbits and bufsize, and
 * step-by-step Compress / Decompress sessions with flush modes, copies,
 * max_length, unconsumed_tail, unused_data, eof; plus argument errors.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "libobject/libobject.h"
#include "zlib_cases.inc"

KnObject *kn_init_zlib(void);
static KnObject *mod;

static int setup(void **state)
{
    (void)state;
    if (ob_runtime_init() < 0)
        return -1;
    mod = kn_init_zlib();
    return mod == NULL ? -1 : 0;
}

static KnObject *I(long v)
{
    return ob_int_from_ssize(v);
}

static void check_bytes(KnObject *r, const char *want, long len, size_t step)
{
    if (r == NULL)
        fail_msg("step %zu: %s", step, ob_str_as_utf8(ob_str(ob_err_fetch()), NULL));
    assert_true(KN_BYTES_CHECK(r));
    if (KN_SIZE(r) != len || memcmp(KN_BYTES_AS_STRING(r), want, (size_t)len) != 0)
        fail_msg("step %zu: %ld bytes, want %ld", step, (long)KN_SIZE(r), len);
}

static void check_error(KnObject *r, const char *msg, size_t step)
{
    if (r != NULL)
        fail_msg("step %zu: no error, want %s", step, msg);
    KnObject *e = ob_err_fetch();
    assert_true(KN_TYPE_CHECK(e, (KnTypeObject *)ob_getattr_str(mod, "error")));
    assert_string_equal(ob_str_as_utf8(ob_str(e), NULL), msg);
}

static void test_sessions(void **state)
{
    (void)state;
    KnObject *obj = NULL;
    for (size_t i = 0; i < sizeof zsteps / sizeof *zsteps; i++) {
        const ZStep *s = &zsteps[i];
        KnObject *data = ob_bytes_from_data(s->data, s->len), *r = NULL;
        long w, lv, b;
        switch (s->op) {
        case 'z':
        case 'K':
            w = ((s->arg % 1000) + 1000) % 1000 - 100;
            lv = (s->arg - (w + 100)) / 1000;
            if (s->op == 'z') {
                KnObject *args[3] = { data, I(lv), I(w) };
                r = ob_vectorcall(ob_getattr_str(mod, "compress"), args, 3, NULL);
                check_bytes(r, s->out, s->outlen, i);
            } else {
                KnObject *args[3] = { I(lv), I(8), I(w) };
                obj = ob_vectorcall(ob_getattr_str(mod, "compressobj"), args, 3, NULL);
                assert_non_null(obj);
            }
            break;
        case 'u': {
            b = ((s->arg % 100000) + 100000) % 100000;
            w = (s->arg - b) / 100000;
            KnObject *args[3] = { data, I(w), I(b) };
            r = ob_vectorcall(ob_getattr_str(mod, "decompress"), args, 3, NULL);
            if (s->err)
                check_error(r, s->err, i);
            else
                check_bytes(r, s->out, s->outlen, i);
            break;
        }
        case 'D':
            obj = ob_call_onearg(ob_getattr_str(mod, "decompressobj"), I(s->arg));
            assert_non_null(obj);
            break;
        case 'c':
            r = ob_call_method(obj, "compress", 1, data);
            if (s->err)
                check_error(r, s->err, i);
            else
                check_bytes(r, s->out, s->outlen, i);
            break;
        case 'f':
            check_bytes(ob_call_method(obj, "flush", 1, I(s->arg)), s->out, s->outlen, i);
            break;
        case 'p':
            obj = ob_call_method(obj, "copy", 0);
            assert_non_null(obj);
            break;
        case 'd':
        case 'F':
            r = s->op == 'd' ? ob_call_method(obj, "decompress", 2, data, I(s->arg))
                             : ob_call_method(obj, "flush", 1, I(s->arg));
            check_bytes(r, s->out, s->outlen, i);
            check_bytes(ob_getattr_str(obj, "unconsumed_tail"), s->tail, s->taillen, i);
            check_bytes(ob_getattr_str(obj, "unused_data"), s->unused, s->unusedlen, i);
            assert_int_equal(ob_is_true(ob_getattr_str(obj, "eof")), s->eof);
            break;
        default:
            fail();
        }
    }
}

static void expect_error(KnTypeObject *exc, const char *msg)
{
    KnObject *e = ob_err_fetch();
    assert_non_null(e);
    assert_true(KN_TYPE_CHECK(e, exc));
    assert_string_equal(ob_str_as_utf8(ob_str(e), NULL), msg);
}

static void test_errors_and_checksums(void **state)
{
    (void)state;
    KnObject *abc = ob_bytes_from_data("abc", 3);
    KnObject *args[2] = { abc, I(11) };
    assert_null(ob_vectorcall(ob_getattr_str(mod, "compress"), args, 2, NULL));
    expect_error((KnTypeObject *)ob_getattr_str(mod, "error"), "Bad compression level");
    assert_null(ob_call_onearg(ob_getattr_str(mod, "compressobj"), I(11)));
    expect_error(ob_exc_ValueError, "Invalid initialization option");
    KnObject *d = ob_call_noargs(ob_getattr_str(mod, "decompressobj"));
    assert_null(ob_call_method(d, "decompress", 2, abc, I(-1)));
    expect_error(ob_exc_ValueError, "max_length must be non-negative");
    assert_null(ob_call_method(d, "flush", 1, I(0)));
    expect_error(ob_exc_ValueError, "length must be greater than zero");
    KnObject *kw = ob_dict_new();
    ob_dict_setitem_str(kw, "zdict", I(1));
    assert_null(ob_call(ob_getattr_str(mod, "decompressobj"), ob_tuple_new(0), kw));
    expect_error(ob_exc_TypeError, "zdict argument must support the buffer protocol");
    KnObject *c = ob_call_noargs(ob_getattr_str(mod, "compressobj"));
    assert_non_null(ob_call_method(c, "flush", 0));
    assert_null(ob_call_method(c, "copy", 0));
    expect_error(ob_exc_ValueError, "Inconsistent stream state");
    /* checksums (values from python3.11) */
    args[1] = I(-1);
    KnObject *r = ob_vectorcall(ob_getattr_str(mod, "crc32"), args, 1, NULL);
    assert_int_equal(ob_int_as_long_long(r), 891568578);
    r = ob_vectorcall(ob_getattr_str(mod, "crc32"), args, 2, NULL);
    assert_int_equal(ob_int_as_long_long(r), 899311407);
    r = ob_vectorcall(ob_getattr_str(mod, "adler32"), args, 1, NULL);
    assert_int_equal(ob_int_as_long_long(r), 38600999);
    /* zdict round trip */
    KnObject *zd = ob_bytes_from_data("abcabc", 6);
    kw = ob_dict_new();
    ob_dict_setitem_str(kw, "zdict", zd);
    c = ob_call(ob_getattr_str(mod, "compressobj"), ob_tuple_new(0), kw);
    assert_non_null(c);
    KnObject *z1 = ob_call_method(c, "compress", 1, abc), *z2 = ob_call_method(c, "flush", 0);
    d = ob_call(ob_getattr_str(mod, "decompressobj"), ob_tuple_new(0), kw);
    assert_non_null(d);
    KnObject *back = ob_call_method(d, "decompress", 1, ob_number_add(z1, z2));
    assert_non_null(back);
    assert_int_equal(KN_SIZE(back), 3);
    assert_memory_equal(KN_BYTES_AS_STRING(back), "abc", 3);
    assert_string_equal(ob_str_as_utf8(ob_getattr_str(mod, "ZLIB_VERSION"), NULL), zlib_version);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sessions),
        cmocka_unit_test(test_errors_and_checksums),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
