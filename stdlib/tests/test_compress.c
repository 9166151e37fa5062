/*
 * test_compress.c — `_bz2`, `_lzma` and `pyexpat` at the C level (part
 * compress): stream round trips through the type objects, input kept
 * across max_length-limited decompress calls, filter properties, and an
 * expat parse with a C-implemented handler.  The full behaviour against
 * python3.11 is in the tests/compress programs.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "libobject/libobject.h"

KnObject *kn_init__bz2(void);
KnObject *kn_init__lzma(void);
KnObject *kn_init_pyexpat(void);

static int setup(void **state)
{
    (void)state;
    return ob_runtime_init();
}

static KnObject *checked(KnObject *r)
{
    if (r == NULL)
        fail_msg("%s", ob_str_as_utf8(ob_str(ob_err_fetch()), NULL));
    return r;
}

static KnObject *sample(size_t n)
{
    KnObject *b = ob_bytes_new_uninit((kn_ssize_t)n);
    for (size_t i = 0; i < n; i++)
        KN_BYTES_AS_STRING(b)[i] = (char)("abcdefgh"[i % 8] + (i / 1000) % 3);
    return b;
}

/* Compress `data` with a fresh comp_type(args...), then decompress it in
 * max_length pieces of `step` bytes, feeding input only when asked. */
static void round_trip(KnObject *comp, KnObject *decomp_type, KnObject *data, long step)
{
    KnObject *head = checked(ob_call_method(comp, "compress", 1, data));
    KnObject *packed = checked(ob_number_add(head, checked(ob_call_method(comp, "flush", 0))));
    KnObject *d = checked(ob_call_noargs(decomp_type));
    KnObject *out = ob_bytes_from_data("", 0);
    int fed = 0;
    for (int calls = 0; calls < 100000; calls++) {
        if (ob_is_true(checked(ob_getattr_str(d, "eof"))))
            break;
        int need = ob_is_true(checked(ob_getattr_str(d, "needs_input")));
        KnObject *in = need && !fed ? packed : ob_bytes_from_data("", 0);
        if (need && fed)
            fail_msg("decompressor wants input after all of it was given");
        fed |= need;
        KnObject *piece = checked(ob_call_method(d, "decompress", 2, in, ob_int_from_ssize(step)));
        assert_true(KN_SIZE(piece) <= step);
        out = checked(ob_number_add(out, piece));
    }
    assert_int_equal(KN_SIZE(out), KN_SIZE(data));
    assert_memory_equal(KN_BYTES_AS_STRING(out), KN_BYTES_AS_STRING(data), (size_t)KN_SIZE(data));
    assert_int_equal(KN_SIZE(checked(ob_getattr_str(d, "unused_data"))), 0);
}

static void test_bz2(void **state)
{
    (void)state;
    KnObject *m = checked(kn_init__bz2());
    KnObject *ct = checked(ob_getattr_str(m, "BZ2Compressor"));
    KnObject *dt = checked(ob_getattr_str(m, "BZ2Decompressor"));
    KnObject *data = sample(200000);
    round_trip(checked(ob_call_onearg(ct, ob_int_from_ssize(1))), dt, data, 7000);
    round_trip(checked(ob_call_noargs(ct)), dt, sample(10), 3);
    /* out-of-range level */
    assert_null(ob_call_onearg(ct, ob_int_from_ssize(10)));
    assert_true(ob_err_matches((KnObject *)ob_exc_ValueError));
    ob_err_clear();
}

static void test_lzma(void **state)
{
    (void)state;
    KnObject *m = checked(kn_init__lzma());
    KnObject *ct = checked(ob_getattr_str(m, "LZMACompressor"));
    KnObject *dt = checked(ob_getattr_str(m, "LZMADecompressor"));
    round_trip(checked(ob_call_noargs(ct)), dt, sample(150000), 9000);
    round_trip(checked(ob_call_onearg(ct, checked(ob_getattr_str(m, "FORMAT_ALONE")))), dt,
               sample(5000), 1);
    /* an LZMA2 filter's properties: one byte for the dictionary size */
    KnObject *spec = ob_dict_new();
    ob_dict_setitem_str(spec, "id", checked(ob_getattr_str(m, "FILTER_LZMA2")));
    ob_dict_setitem_str(spec, "preset", ob_int_from_ssize(0));
    KnObject *props = checked(ob_call_method(m, "_encode_filter_properties", 1, spec));
    assert_int_equal(KN_SIZE(props), 1);
    KnObject *back = checked(ob_call_method(m, "_decode_filter_properties", 2,
                                            ob_dict_getitem_str(spec, "id"), props));
    assert_int_equal(ob_int_as_long_long(ob_dict_getitem_str(back, "dict_size")), 1 << 18);
    KnObject *err = checked(ob_getattr_str(m, "LZMAError"));
    assert_null(ob_call_method(checked(ob_call_noargs(dt)), "decompress", 1,
                               ob_bytes_from_data("garbage!", 8)));
    assert_true(ob_err_matches(err));
    ob_err_clear();
}

static void test_pyexpat(void **state)
{
    (void)state;
    KnObject *m = checked(kn_init_pyexpat());
    KnObject *p = checked(ob_call_method(m, "ParserCreate", 0));
    KnObject *texts = ob_list_new(0);
    assert_int_equal(ob_setattr_str(p, "CharacterDataHandler",
                                    checked(ob_getattr_str(texts, "append"))), 0);
    assert_int_equal(ob_setattr_str(p, "buffer_text", KN_True), 0);
    KnObject *r = checked(ob_call_method(p, "Parse", 2,
                                         ob_bytes_from_data("<a>x &amp; y<b/>z</a>", 21),
                                         KN_True));
    assert_int_equal(ob_int_as_long_long(r), 1);
    /* buffered text is flushed only before events that have a handler */
    assert_int_equal(ob_length(texts), 1);
    assert_string_equal(ob_str_as_utf8(ob_sequence_getitem(texts, 0), NULL), "x & yz");
    /* a malformed document: ExpatError with code, lineno and offset */
    KnObject *q = checked(ob_call_method(m, "ParserCreate", 0));
    assert_null(ob_call_method(q, "Parse", 2, ob_bytes_from_data("<a>\n<b></a>", 11), KN_True));
    KnObject *e = ob_err_fetch();
    assert_true(KN_TYPE_CHECK(e, (KnTypeObject *)checked(ob_getattr_str(m, "ExpatError"))));
    assert_int_equal(ob_int_as_long_long(checked(ob_getattr_str(e, "code"))), 7);
    assert_int_equal(ob_int_as_long_long(checked(ob_getattr_str(e, "lineno"))), 2);
    assert_int_equal(ob_int_as_long_long(checked(ob_getattr_str(e, "offset"))), 5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bz2),
        cmocka_unit_test(test_lzma),
        cmocka_unit_test(test_pyexpat),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
