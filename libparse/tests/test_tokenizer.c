/* test_tokenizer.c — the tokenizer (src/tokenizer.c): tokens of a small
 * source, and which failures CPython's tokenizer raises vs. only returns
 * (ps_tok_error_deferred, see NOTES-tokenizer.md). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "libparse/token.h"

static void test_empty(void **state)
{
    (void)state;
    ps_error err;
    ps_error_init(&err);
    ps_tokenizer *tok = ps_tok_new("", 0, 0, &err);
    assert_non_null(tok);
    ps_token t;
    assert_int_equal(ps_tok_next(tok, &t), PS_TOK_ENDMARKER);
    ps_tok_free(tok);
}

static void test_tokens(void **state)
{
    (void)state;
    ps_error err;
    ps_error_init(&err);
    const char *src = "x = (1,\n  2)\n";
    ps_tokenizer *tok = ps_tok_new(src, strlen(src), 0, &err);
    assert_non_null(tok);
    static const ps_token_kind want[] = {
        PS_TOK_NAME, PS_TOK_EQUAL, PS_TOK_LPAR, PS_TOK_NUMBER, PS_TOK_COMMA,
        PS_TOK_NUMBER, PS_TOK_RPAR, PS_TOK_NEWLINE, PS_TOK_ENDMARKER,
    };
    ps_token t;
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        assert_int_equal(ps_tok_next(tok, &t), want[i]);
        if (i == 5) {   /* the 2 on the continuation line */
            assert_int_equal(t.lineno, 2);
            assert_int_equal(t.col_offset, 2);
        }
    }
    ps_tok_free(tok);
}

/* Tokenize all of src; returns the tokenizer (failed or not). */
static ps_tokenizer *run(const char *src, ps_error *err, int *rc)
{
    ps_error_init(err);
    ps_tokenizer *tok = ps_tok_new(src, strlen(src), 0, err);
    assert_non_null(tok);
    const ps_token *toks;
    size_t n;
    *rc = ps_tok_all(tok, &toks, &n);
    return tok;
}

static void test_deferred(void **state)
{
    (void)state;
    static const struct { const char *src; int deferred; int open_line; const char *msg; } cases[] = {
        {"if x:\n    a\n  b\n", 1, 0, "unindent does not match any outer indentation level"},
        {"if x:\n\ta\n        b\n", 1, 0, "inconsistent use of tabs and spaces in indentation"},
        {"x = (1,\n\\a)\n", 1, 1, "unexpected character after line continuation character"},
        {"x = [\n1,\n", 1, 1, "'[' was never closed"},
        {"x = 1abc\n", 0, 0, "invalid decimal literal"},
        {"x = )\n", 0, 0, "unmatched ')'"},
        {"x = 'abc\n", 0, 0, "unterminated string literal (detected at line 1)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ps_error err;
        int rc;
        ps_tokenizer *tok = run(cases[i].src, &err, &rc);
        assert_int_equal(rc, -1);
        assert_string_equal(err.msg, cases[i].msg);
        assert_int_equal(ps_tok_error_deferred(tok), cases[i].deferred);
        assert_int_equal(ps_tok_open_bracket_line(tok), cases[i].open_line);
        ps_tok_free(tok);
        ps_error_clear(&err);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_tokens),
        cmocka_unit_test(test_deferred),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
