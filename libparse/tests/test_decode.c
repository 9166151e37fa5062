/* test_decode.c — source decoding (src/decode.c): coding cookies resolved
 * as Python's codec registry does, single-byte codecs decoded with the
 * tables of tools/gen_codecs.py, CPython's messages for the failures.
 * Expected texts were produced by /usr/bin/python3.11 (bytes.decode, or the
 * SyntaxError message of ast.parse). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "decode.h"
#include "decode_codecs.h"

struct codec_case {
    const char *src;
    size_t len;
    int ok;
    const char *want;   /* decoded UTF-8 text, or the error message */
    size_t want_len;
};

static const struct codec_case codec_cases[] = {
    {"# coding: koi8-r\n\360\322\311\327\305\324\n", sizeof "# coding: koi8-r\n\360\322\311\327\305\324\n" - 1, 1, "# coding: koi8-r\n\320\237\321\200\320\270\320\262\320\265\321\202\n", sizeof "# coding: koi8-r\n\320\237\321\200\320\270\320\262\320\265\321\202\n" - 1},
    {"# coding: KOI8_U\n\244\246\247\n", sizeof "# coding: KOI8_U\n\244\246\247\n" - 1, 1, "# coding: KOI8_U\n\321\224\321\226\321\227\n", sizeof "# coding: KOI8_U\n\321\224\321\226\321\227\n" - 1},
    {"# coding: cyrillic\n\260\357\n", sizeof "# coding: cyrillic\n\260\357\n" - 1, 1, "# coding: cyrillic\n\320\220\321\217\n", sizeof "# coding: cyrillic\n\320\220\321\217\n" - 1},
    {"# coding: latin2\n\241\261\n", sizeof "# coding: latin2\n\241\261\n" - 1, 1, "# coding: latin2\n\304\204\304\205\n", sizeof "# coding: latin2\n\304\204\304\205\n" - 1},
    {"# coding: macroman\n\245\333\n", sizeof "# coding: macroman\n\245\333\n" - 1, 1, "# coding: macroman\n\342\200\242\342\202\254\n", sizeof "# coding: macroman\n\342\200\242\342\202\254\n" - 1},
    {"# coding: mac-roman\n\245\n", sizeof "# coding: mac-roman\n\245\n" - 1, 1, "# coding: mac-roman\n\342\200\242\n", sizeof "# coding: mac-roman\n\342\200\242\n" - 1},
    {"# coding: cp437\n\001\260\333\n", sizeof "# coding: cp437\n\001\260\333\n" - 1, 1, "# coding: cp437\n\001\342\226\221\342\226\210\n", sizeof "# coding: cp437\n\001\342\226\221\342\226\210\n" - 1},
    {"# coding: cp866\n\200\240\n", sizeof "# coding: cp866\n\200\240\n" - 1, 1, "# coding: cp866\n\320\220\320\260\n", sizeof "# coding: cp866\n\320\220\320\260\n" - 1},
    {"# coding: ibm850\n\233\n", sizeof "# coding: ibm850\n\233\n" - 1, 1, "# coding: ibm850\n\303\270\n", sizeof "# coding: ibm850\n\303\270\n" - 1},
    {"# coding: windows-1251\n\300\n", sizeof "# coding: windows-1251\n\300\n" - 1, 1, "# coding: windows-1251\n\320\220\n", sizeof "# coding: windows-1251\n\320\220\n" - 1},
    {"# coding: iso-8859-15\n\244\n", sizeof "# coding: iso-8859-15\n\244\n" - 1, 1, "# coding: iso-8859-15\n\342\202\254\n", sizeof "# coding: iso-8859-15\n\342\202\254\n" - 1},
    {"# coding: iso_8859_7\n\341\n", sizeof "# coding: iso_8859_7\n\341\n" - 1, 1, "# coding: iso_8859_7\n\316\261\n", sizeof "# coding: iso_8859_7\n\316\261\n" - 1},
    {"# coding: l1\n\351\n", sizeof "# coding: l1\n\351\n" - 1, 1, "# coding: l1\n\303\251\n", sizeof "# coding: l1\n\303\251\n" - 1},
    {"# coding: tis-620\n\241\n", sizeof "# coding: tis-620\n\241\n" - 1, 1, "# coding: tis-620\n\340\270\201\n", sizeof "# coding: tis-620\n\340\270\201\n" - 1},
    {"# coding: hp-roman8\n\241\n", sizeof "# coding: hp-roman8\n\241\n" - 1, 1, "# coding: hp-roman8\n\303\200\n", sizeof "# coding: hp-roman8\n\303\200\n" - 1},
    {"# coding: cp037\n\301\n", sizeof "# coding: cp037\n\301\n" - 1, 1, "\302\203\302\200\303\204?\303\200\303\221>\303\205\302\232\302\200\303\204\303\270\302\220\302\223\004\302\216A\302\216", sizeof "\302\203\302\200\303\204?\303\200\303\221>\303\205\302\232\302\200\303\204\303\270\302\220\302\223\004\302\216A\302\216" - 1},
    {"# coding: koi8--r\n\301\n", sizeof "# coding: koi8--r\n\301\n" - 1, 1, "# coding: koi8--r\n\320\260\n", sizeof "# coding: koi8--r\n\320\260\n" - 1},
    {"# coding: koi8.r\n\301\n", sizeof "# coding: koi8.r\n\301\n" - 1, 0, "unknown encoding: koi8.r", sizeof "unknown encoding: koi8.r" - 1},
    {"# coding: utf8\n\303\251\n", sizeof "# coding: utf8\n\303\251\n" - 1, 1, "# coding: utf8\n\303\251\n", sizeof "# coding: utf8\n\303\251\n" - 1},
    {"# coding: utf-8-sig\n\303\251\n", sizeof "# coding: utf-8-sig\n\303\251\n" - 1, 1, "# coding: utf-8-sig\n\303\251\n", sizeof "# coding: utf-8-sig\n\303\251\n" - 1},
    {"# coding: cp1255\n\377\n", sizeof "# coding: cp1255\n\377\n" - 1, 0, "'charmap' codec can't decode byte 0xff in position 17: character maps to <undefined>", sizeof "'charmap' codec can't decode byte 0xff in position 17: character maps to <undefined>" - 1},
    {"# coding: ascii\n\200\n", sizeof "# coding: ascii\n\200\n" - 1, 0, "'ascii' codec can't decode byte 0x80 in position 16: ordinal not in range(128)", sizeof "'ascii' codec can't decode byte 0x80 in position 16: ordinal not in range(128)" - 1},
    {"# coding: cp1252.\na\n", sizeof "# coding: cp1252.\na\n" - 1, 0, "unknown encoding: cp1252.", sizeof "unknown encoding: cp1252." - 1},
    {"# coding: koi8-r-x\na\n", sizeof "# coding: koi8-r-x\na\n" - 1, 0, "unknown encoding: koi8-r-x", sizeof "unknown encoding: koi8-r-x" - 1},
    {"# coding: hex\na\n", sizeof "# coding: hex\na\n" - 1, 0, "'hex' is not a text encoding; use codecs.decode() to handle arbitrary codecs", sizeof "'hex' is not a text encoding; use codecs.decode() to handle arbitrary codecs" - 1},
    {"# coding: euc-jp\na\n", sizeof "# coding: euc-jp\na\n" - 1, 0, "unsupported encoding: euc-jp (libparse decodes UTF-8 and the single-byte codecs only)", sizeof "unsupported encoding: euc-jp (libparse decodes UTF-8 and the single-byte codecs only)" - 1},
    {"# coding: utf8\n\377\n", sizeof "# coding: utf8\n\377\n" - 1, 0, "'utf-8' codec can't decode byte 0xff in position 15: invalid start byte", sizeof "'utf-8' codec can't decode byte 0xff in position 15: invalid start byte" - 1},
};

static void test_cookies(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof codec_cases / sizeof codec_cases[0]; i++) {
        const struct codec_case *c = &codec_cases[i];
        ps_error err;
        ps_error_init(&err);
        char *out = NULL;
        size_t n = 0;
        const char *enc = NULL;
        int rc = ps_source_decode(c->src, c->len, 0, &out, &n, &enc, &err);
        if (c->ok) {
            if (rc != 0)
                fail_msg("case %zu: %s", i, err.msg);
            assert_non_null(enc);
            if (n != c->want_len || memcmp(out, c->want, n) != 0)
                fail_msg("case %zu: decoded text differs", i);
        } else {
            assert_int_equal(rc, -1);
            assert_int_equal(err.kind, PS_ERR_DECODE);
            assert_int_equal(err.lineno, 0);
            assert_int_equal(err.offset, -1);
            if (strcmp(err.msg, c->want) != 0)
                fail_msg("case %zu:\n want %s\n got  %s", i, c->want, err.msg);
        }
        free(out);
        ps_error_clear(&err);
    }
}

/* The generated tables are sorted (decode.c searches them with bsearch)
 * and every alias names an existing module. */
static void test_tables_sorted(void **state)
{
    (void)state;
    size_t nm = sizeof ps_codec_modules / sizeof ps_codec_modules[0];
    size_t na = sizeof ps_codec_aliases / sizeof ps_codec_aliases[0];
    size_t nt = sizeof ps_codec_tables / sizeof ps_codec_tables[0];
    for (size_t i = 1; i < nm; i++)
        assert_true(strcmp(ps_codec_modules[i - 1].name, ps_codec_modules[i].name) < 0);
    for (size_t i = 1; i < na; i++)
        assert_true(strcmp(ps_codec_aliases[i - 1].alias, ps_codec_aliases[i].alias) < 0);
    for (size_t i = 0; i < na; i++)
        assert_true(ps_codec_aliases[i].module < nm);
    for (size_t i = 0; i < nm; i++) {
        if (ps_codec_modules[i].kind == PS_CODEC_TABLE)
            assert_true(ps_codec_modules[i].table >= 0 && (size_t)ps_codec_modules[i].table < nt);
        else
            assert_int_equal(ps_codec_modules[i].table, -1);
    }
}

/* Without a cookie: newlines translated, nothing decoded or validated. */
static void test_plain(void **state)
{
    (void)state;
    ps_error err;
    ps_error_init(&err);
    char *out;
    size_t n;
    const char *enc;
    assert_int_equal(ps_source_decode("a\r\nb\rc\xff", 7, 0, &out, &n, &enc, &err), 0);
    assert_null(enc);
    assert_int_equal(n, 6);
    assert_memory_equal(out, "a\nb\nc\xff", 6);
    free(out);
    assert_int_equal(ps_source_decode("x\0", 2, 0, &out, &n, &enc, &err), -1);
    assert_int_equal(err.kind, PS_ERR_VALUE);
    ps_error_clear(&err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cookies),
        cmocka_unit_test(test_tables_sorted),
        cmocka_unit_test(test_plain),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
