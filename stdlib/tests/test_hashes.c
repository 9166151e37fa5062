/*
 * test_hashes.c — _md5, _sha1, _sha256, _sha512, _sha3 (src/md5, sha256, sha512, sha3 modules on
 * src/hash_object.c) against CPython 3.11's digests in hash_cases.inc
 * (gen_hash_cases.py): lengths around every block and padding boundary,
 * data fed whole and byte by byte, copy(), shake lengths, errors.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "libobject/libobject.h"
#include "hash_cases.inc"

KnObject *kn_init__md5(void);
KnObject *kn_init__sha1(void);
KnObject *kn_init__sha256(void);
KnObject *kn_init__sha512(void);
KnObject *kn_init__sha3(void);
KnObject *kn_init__blake2(void);
static KnObject *mods[6];

static int setup(void **state)
{
    (void)state;
    if (ob_runtime_init() < 0)
        return -1;
    mods[0] = kn_init__md5();
    mods[1] = kn_init__sha1();
    mods[2] = kn_init__sha256();
    mods[3] = kn_init__sha512();
    mods[4] = kn_init__sha3();
    mods[5] = kn_init__blake2();
    for (int i = 0; i < 6; i++)
        if (mods[i] == NULL)
            return -1;
    return 0;
}

static KnObject *ctor(const char *alg)
{
    for (int i = 0; i < 6; i++) {
        KnObject *f = ob_getattr_str(mods[i], alg);
        if (f != NULL)
            return f;
        ob_err_clear();
    }
    fail_msg("no constructor %s", alg);
    return NULL;
}

static void expect_error(KnTypeObject *exc, const char *msg)
{
    KnObject *e = ob_err_fetch();
    assert_non_null(e);
    assert_true(KN_TYPE_CHECK(e, exc));
    assert_string_equal(ob_str_as_utf8(ob_str(e), NULL), msg);
}

static const char *hexdigest(KnObject *h)
{
    KnObject *s = ob_call_method(h, "hexdigest", 0);
    assert_non_null(s);
    return ob_str_as_utf8(s, NULL);
}

static void test_digests(void **state)
{
    (void)state;
    for (size_t c = 0; c < sizeof hash_cases / sizeof *hash_cases; c++) {
        const HashCase *hc = &hash_cases[c];
        KnObject *data = ob_bytes_from_data(hc->data, hc->len);
        KnObject *h = ob_call_onearg(ctor(hc->alg), data);
        assert_non_null(h);
        assert_string_equal(hexdigest(h), hc->hex);
        /* byte by byte, through a copy taken half way */
        KnObject *g = ob_call_noargs(ctor(hc->alg));
        assert_non_null(g);
        for (long i = 0; i < hc->len; i++) {
            if (i == hc->len / 2)
                g = ob_call_method(g, "copy", 0);
            assert_non_null(ob_call_method(g, "update", 1, ob_bytes_from_data(hc->data + i, 1)));
        }
        assert_string_equal(hexdigest(g), hc->hex);
        KnObject *d = ob_call_method(g, "digest", 0);
        assert_non_null(d);
        assert_int_equal(KN_SIZE(d), strlen(hc->hex) / 2);
        assert_string_equal(ob_str_as_utf8(ob_getattr_str(h, "name"), NULL), hc->alg);
        assert_int_equal(ob_int_as_ssize(ob_getattr_str(h, "digest_size")), strlen(hc->hex) / 2);
    }
}

static void test_shake(void **state)
{
    (void)state;
    for (size_t c = 0; c < sizeof shake_cases / sizeof *shake_cases; c++) {
        const ShakeCase *sc = &shake_cases[c];
        uint8_t buf[400];
        for (long i = 0; i < sc->len; i++)
            buf[i] = (uint8_t)((i * 7 + sc->len) & 0xff);
        KnObject *h = ob_call_onearg(ctor(sc->alg), ob_bytes_from_data(buf, sc->len));
        assert_non_null(h);
        KnObject *s = ob_call_method(h, "hexdigest", 1, ob_int_from_ssize(sc->outlen));
        assert_non_null(s);
        assert_string_equal(ob_str_as_utf8(s, NULL), sc->hex);
    }
    KnObject *h = ob_call_noargs(ctor("shake_128"));
    assert_null(ob_call_method(h, "digest", 0));
    expect_error(ob_exc_TypeError, "shake_128.digest() takes exactly one argument (0 given)");
    assert_null(ob_call_method(h, "digest", 1, ob_int_from_ssize(-1)));
    expect_error(ob_exc_ValueError, "value must be positive");
    assert_int_equal(ob_int_as_ssize(ob_getattr_str(h, "_rate_bits")), 1344);
    assert_int_equal(ob_int_as_ssize(ob_getattr_str(h, "_capacity_bits")), 256);
}

static void test_errors(void **state)
{
    (void)state;
    KnObject *h = ob_call_noargs(ctor("sha512"));
    assert_non_null(h);
    assert_null(ob_call_method(h, "update", 1, ob_str_from_cstr("x")));
    expect_error(ob_exc_TypeError, "Strings must be encoded before hashing");
    assert_null(ob_call_onearg(ctor("md5"), ob_int_from_ssize(1)));
    expect_error(ob_exc_TypeError, "object supporting the buffer API required");
    KnObject *two = ob_tuple_pack(2, ob_bytes_from_data("", 0), ob_bytes_from_data("", 0));
    assert_null(ob_call(ctor("sha256"), two, NULL));
    expect_error(ob_exc_TypeError, "sha256() takes at most 1 positional argument (2 given)");
    assert_null(ob_call_noargs((KnObject *)KN_TYPE(h)));
    expect_error(ob_exc_TypeError, "cannot create '_sha512.sha512' instances");
    assert_int_equal(ob_int_as_ssize(ob_getattr_str(h, "block_size")), 128);
    KnObject *kw = ob_dict_new();
    ob_dict_setitem_str(kw, "usedforsecurity", KN_False);
    ob_dict_setitem_str(kw, "string", ob_bytes_from_data("abc", 3));
    KnObject *s = ob_call(ctor("sha1"), ob_tuple_new(0), kw);
    assert_non_null(s);
    assert_string_equal(hexdigest(s), "a9993e364706816aba3e25717850c26c9cd0d89d");
}

static void test_blake2(void **state)
{
    (void)state;
    for (size_t c = 0; c < sizeof blake_cases / sizeof *blake_cases; c++) {
        const BlakeCase *b = &blake_cases[c];
        KnObject *kw = ob_dict_new();
        assert_non_null(kw);
        ob_dict_setitem_str(kw, "digest_size", ob_int_from_ssize(b->digest_size));
        ob_dict_setitem_str(kw, "key", ob_bytes_from_data(b->key, b->keylen));
        ob_dict_setitem_str(kw, "salt", ob_bytes_from_data(b->salt, b->saltlen));
        ob_dict_setitem_str(kw, "person", ob_bytes_from_data(b->person, b->personlen));
        ob_dict_setitem_str(kw, "fanout", ob_int_from_ssize(b->fanout));
        ob_dict_setitem_str(kw, "depth", ob_int_from_ssize(b->depth));
        ob_dict_setitem_str(kw, "leaf_size", ob_int_from_unsigned_long_long(b->leaf));
        ob_dict_setitem_str(kw, "node_offset", ob_int_from_unsigned_long_long(b->offset));
        ob_dict_setitem_str(kw, "node_depth", ob_int_from_ssize(b->node_depth));
        ob_dict_setitem_str(kw, "inner_size", ob_int_from_ssize(b->inner));
        ob_dict_setitem_str(kw, "last_node", b->last_node ? KN_True : KN_False);
        KnObject *h = ob_call(ctor(b->alg), ob_tuple_new(0), kw);
        if (h == NULL)
            fail_msg("case %zu: %s", c, ob_str_as_utf8(ob_str(ob_err_fetch()), NULL));
        /* fed in two pieces through a copy */
        long half = b->len / 2;
        assert_non_null(ob_call_method(h, "update", 1, ob_bytes_from_data(b->data, half)));
        h = ob_call_method(h, "copy", 0);
        assert_non_null(ob_call_method(h, "update", 1,
                                       ob_bytes_from_data(b->data + half, b->len - half)));
        if (strcmp(hexdigest(h), b->hex) != 0)
            fail_msg("blake case %zu: %s", c, hexdigest(h));
        assert_int_equal(ob_int_as_ssize(ob_getattr_str(h, "digest_size")), b->digest_size);
        assert_string_equal(ob_str_as_utf8(ob_getattr_str(h, "name"), NULL), b->alg);
    }
    KnObject *kw = ob_dict_new();
    ob_dict_setitem_str(kw, "digest_size", ob_int_from_ssize(33));
    assert_null(ob_call(ctor("blake2s"), ob_tuple_new(0), kw));
    expect_error(ob_exc_ValueError, "digest_size must be between 1 and 32 bytes");
    kw = ob_dict_new();
    ob_dict_setitem_str(kw, "salt", ob_bytes_from_data(NULL, 17));
    assert_null(ob_call(ctor("blake2b"), ob_tuple_new(0), kw));
    expect_error(ob_exc_ValueError, "maximum salt length is 16 bytes");
    kw = ob_dict_new();
    ob_dict_setitem_str(kw, "node_offset", ob_int_from_unsigned_long_long(1ULL << 48));
    assert_null(ob_call(ctor("blake2s"), ob_tuple_new(0), kw));
    expect_error(ob_exc_OverflowError, "node_offset is too large");
    kw = ob_dict_new();
    ob_dict_setitem_str(kw, "leaf_size", ob_int_from_ssize(-1));
    assert_null(ob_call(ctor("blake2b"), ob_tuple_new(0), kw));
    expect_error(ob_exc_ValueError, "value must be positive");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_digests),
        cmocka_unit_test(test_shake),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_blake2),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
