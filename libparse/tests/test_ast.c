/* test_ast.c — generated constructors and sequences (ast_gen.c, ast.c) and
 * number literals (constant.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "libparse/ast.h"

static void test_constructor_fills_fields(void **state)
{
    ps_arena *a = ps_arena_new();
    ps_expr *n = ps_ast_Name("x", PS_Store, 3, 4, 3, 5, a);
    assert_int_equal(n->kind, PS_EXPR_Name);
    assert_string_equal(n->v.Name.id, "x");
    assert_int_equal(n->v.Name.ctx, PS_Store);
    assert_int_equal(n->lineno, 3);
    assert_int_equal(n->col_offset, 4);
    assert_int_equal(n->end_lineno, 3);
    assert_int_equal(n->end_col_offset, 5);
    ps_stmt *p = ps_ast_Pass(1, 0, 1, 4, a);
    assert_int_equal(p->kind, PS_STMT_Pass);
    ps_keyword_arg *k = ps_ast_keyword(NULL, n, 1, 2, 3, 4, a);
    assert_null(k->arg);
    assert_ptr_equal(k->value, n);
    ps_arena_free(a);
}

static void test_sequences(void **state)
{
    ps_arena *a = ps_arena_new();
    ps_expr_seq *s = ps_expr_seq_new(3, a);
    assert_int_equal(s->len, 3);
    for (int i = 0; i < 3; i++)
        assert_null(s->items[i]);
    ps_cmpop_seq *ops = ps_cmpop_seq_new(2, a);
    ops->items[0] = PS_Lt;
    ops->items[1] = PS_NotIn;
    assert_int_equal(ops->items[1], PS_NotIn);
    ps_identifier_seq *ids = ps_identifier_seq_new(0, a);
    assert_int_equal(PS_SEQ_LEN(ids), 0);
    ps_stmt_seq *none = NULL;
    assert_int_equal(PS_SEQ_LEN(none), 0);
    assert_null(ps_expr_seq_new(-1, a));
    ps_arena_free(a);
}

static void number(const char *text, ps_const_kind kind, ps_constant *c, ps_arena *a)
{
    assert_int_equal(ps_const_number(c, text, strlen(text), a), 0);
    assert_int_equal(c->kind, kind);
}

static void test_numbers(void **state)
{
    ps_arena *a = ps_arena_new();
    ps_constant c;
    number("0", PS_CONST_INT, &c, a);
    assert_string_equal(c.u.i.digits, "0");
    assert_true(c.u.i.fits);
    number("00_0", PS_CONST_INT, &c, a);
    assert_string_equal(c.u.i.digits, "0");
    number("1_000_000", PS_CONST_INT, &c, a);
    assert_string_equal(c.u.i.digits, "1000000");
    assert_int_equal(c.u.i.value, 1000000);
    number("9223372036854775807", PS_CONST_INT, &c, a);
    assert_true(c.u.i.fits);
    assert_int_equal(c.u.i.value, INT64_MAX);
    number("9223372036854775808", PS_CONST_INT, &c, a);
    assert_false(c.u.i.fits);
    /* Values checked against /usr/bin/python3.11. */
    number("0xffffffffffffffffffffffffffffffff", PS_CONST_INT, &c, a);
    assert_string_equal(c.u.i.digits, "340282366920938463463374607431768211455");
    number("0x_ff_ff_ffffffffffffffffffff", PS_CONST_INT, &c, a);
    assert_string_equal(c.u.i.digits, "79228162514264337593543950335");
    number("0o777", PS_CONST_INT, &c, a);
    assert_string_equal(c.u.i.digits, "511");
    number("0B1010", PS_CONST_INT, &c, a);
    assert_string_equal(c.u.i.digits, "10");
    number("0x0", PS_CONST_INT, &c, a);
    assert_string_equal(c.u.i.digits, "0");
    number("1.5", PS_CONST_FLOAT, &c, a);
    assert_true(c.u.f == 1.5);
    number("1_0e-1_0", PS_CONST_FLOAT, &c, a);
    assert_true(c.u.f == 10e-10);
    number("1e999", PS_CONST_FLOAT, &c, a);
    assert_true(c.u.f > 1e308);
    number("2j", PS_CONST_COMPLEX, &c, a);
    assert_true(c.u.f == 2.0);
    number("1.5E3J", PS_CONST_COMPLEX, &c, a);
    assert_true(c.u.f == 1500.0);
    assert_int_equal(ps_const_number(&c, "0x", 2, a), -1);
    assert_int_equal(ps_const_number(&c, "12a", 3, a), -1);
    ps_arena_free(a);
}

static void test_long_literal(void **state)
{
    /* 2**400 - 1 in binary: 400 ones. */
    char text[403] = "0b";
    memset(text + 2, '1', 400);
    text[402] = '\0';
    ps_arena *a = ps_arena_new();
    ps_constant c;
    number(text, PS_CONST_INT, &c, a);
    assert_string_equal(c.u.i.digits,
                        "2582249878086908589655919172003011874329705792829223512830659356540647"
                        "622016841194629645353280137831435903171972747493375");
    ps_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_constructor_fills_fields),
        cmocka_unit_test(test_sequences),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_long_literal),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
