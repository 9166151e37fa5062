/*
 * test_percent.c — printf-style formatting: str % args (src/str_percent.c)
 * and bytes/bytearray % args (src/bytes_percent.c), against rows generated
 * from CPython 3.11 (percent_cases.inc, bytes_percent_cases.inc; see
 * gen_fmtcall_cases.py).
 */
#include "fmt_test.h"

typedef struct {
    const char *fmt;
    kn_ssize_t fmtlen;
    char kind;              /* v single value, t tuple, d dict, e dict with bytes keys */
    const char *vals[10];
    const char *kw[6];
    const char *expect;
    size_t explen;          /* bytes of expect (it may hold NULs) */
    const char *exc;
} PctCase;

static const PctCase str_cases[] = {
#include "percent_cases.inc"
};

static const PctCase bytes_cases[] = {
#include "bytes_percent_cases.inc"
};

static KnObject *right_operand(const PctCase *c)
{
    switch (c->kind) {
    case 't': return V_tuple(c->vals);
    case 'd': return V_dict(c->kw, 0);
    case 'e': return V_dict(c->kw, 1);
    default: return V(c->vals[0]);
    }
}

static size_t run(const PctCase *cases, size_t n, int bytes)
{
    size_t failed = 0;
    for (size_t i = 0; i < n; i++) {
        const PctCase *c = &cases[i];
        KnObject *r;
        if (bytes) {
            r = ob_bytes_mod_format(ob_bytes_from_data(c->fmt, c->fmtlen), right_operand(c));
            /* the expected bytes are raw in the row */
            if (r != NULL && c->exc == NULL) {
                assert_true(KN_BYTES_CHECK(r));
                if (KN_SIZE(r) == (kn_ssize_t)c->explen &&
                    memcmp(KN_BYTES_AS_STRING(r), c->expect, c->explen) == 0)
                    continue;
                printf("FAIL bytes case %zu: '%s' %% ...: got '%.*s'\n", i, c->fmt,
                       (int)KN_SIZE(r), KN_BYTES_AS_STRING(r));
                failed++;
                continue;
            }
        } else {
            r = ob_str_mod_format(ob_str_from_utf8(c->fmt, c->fmtlen), right_operand(c));
            kn_ssize_t n;
            const char *u = r ? ob_str_as_utf8(r, &n) : NULL;
            if (u != NULL && c->exc == NULL && (size_t)n == c->explen &&
                memcmp(u, c->expect, c->explen) == 0)
                continue;
        }
        char what[160];
        snprintf(what, sizeof what, "%s case %zu: '%s' %% ...", bytes ? "bytes" : "str", i, c->fmt);
        if (!fmt_match(r, c->expect, c->exc, what))
            failed++;
    }
    printf("%s %% table: %zu rows, %zu failed\n", bytes ? "bytes" : "str", n, failed);
    return failed;
}

static void test_str_table(void **state)
{
    (void)state;
    assert_int_equal(run(str_cases, sizeof str_cases / sizeof str_cases[0], 0), 0);
}

static void test_bytes_table(void **state)
{
    (void)state;
    assert_int_equal(run(bytes_cases, sizeof bytes_cases / sizeof bytes_cases[0], 1), 0);
}

/* str % through the number protocol (nb_remainder) and the operand rules
 * that make non-tuple mappings and str special. */
static void test_str_operand_rules(void **state)
{
    (void)state;
    assert_true(fmt_match(ob_number_remainder(S("%s|%s"), ob_tuple_pack(2, I(1), S("x"))), "1|x",
                          NULL, "nb_remainder"));
    assert_true(fmt_match(ob_str_mod_format(S("abc"), ob_list_new(0)), "abc", NULL, "list"));
    assert_true(fmt_match(ob_str_mod_format(S("abc"), S("")),
                          "not all arguments converted during string formatting", "TypeError",
                          "str"));
    assert_true(fmt_match(ob_str_mod_format(S("%(a)s"), ob_list_new(0)),
                          "list indices must be integers or slices, not str", "TypeError", "list"));
}

static void test_bytearray(void **state)
{
    (void)state;
    KnObject *r = ob_bytes_mod_format(ob_bytearray_from_data("%s-%d", 5),
                                      ob_tuple_pack(2, ob_bytes_from_data("ab", 2), I(7)));
    assert_non_null(r);
    assert_ptr_equal(KN_TYPE(r), &ob_bytearray_type);
    assert_int_equal(KN_SIZE(r), 4);
    assert_memory_equal(((KnByteArrayObject *)r)->ob_start, "ab-7", 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_str_table),
        cmocka_unit_test(test_bytes_table),
        cmocka_unit_test(test_str_operand_rules),
        cmocka_unit_test(test_bytearray),
    };
    return cmocka_run_group_tests(tests, fmt_setup, NULL);
}
