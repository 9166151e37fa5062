/* test_tokenizer.c — placeholder, filled below. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
