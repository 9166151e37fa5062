/* test_dump.c — ps_dump_* against text printed by /usr/bin/python3.11's
 * ast.dump() for the same source (the source is quoted above each case). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "libparse/dump.h"

static ps_arena *A;

static int setup(void **state)
{
    A = ps_arena_new();
    return A ? 0 : -1;
}

static int teardown(void **state)
{
    ps_arena_free(A);
    return 0;
}

/* Positions are irrelevant unless a test dumps attributes. */
#define P 1, 0, 1, 0

static ps_expr *name(const char *id, ps_expr_context ctx)
{
    return ps_ast_Name(id, ctx, P, A);
}

static ps_expr *num(const char *text)
{
    ps_constant c;
    assert_int_equal(ps_const_number(&c, text, strlen(text), A), 0);
    return ps_ast_Constant(c, NULL, P, A);
}

static ps_expr_seq *exprs(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    ps_expr_seq *s = ps_expr_seq_new(n, A);
    for (int i = 0; i < n; i++)
        s->items[i] = va_arg(ap, ps_expr *);
    va_end(ap);
    return s;
}

static ps_stmt_seq *stmts1(ps_stmt *s)
{
    ps_stmt_seq *q = ps_stmt_seq_new(1, A);
    q->items[0] = s;
    return q;
}

static ps_mod *module1(ps_stmt *s)
{
    return ps_ast_Module(stmts1(s), NULL, A);
}

static void check_mod(const ps_mod *m, int flags, const char *want)
{
    size_t len;
    char *got = ps_dump_mod(m, flags, &len);
    assert_non_null(got);
    assert_string_equal(got, want);
    assert_int_equal(len, strlen(want));
    free(got);
}

static void check_const(ps_constant c, const char *want)
{
    char *got = ps_dump_constant(&c, NULL);
    assert_string_equal(got, want);
    free(got);
}

/* x = 1 */
static void test_assign_with_attributes(void **state)
{
    ps_expr *x = ps_ast_Name("x", PS_Store, 1, 0, 1, 1, A);
    ps_constant one;
    ps_const_number(&one, "1", 1, A);
    ps_expr *v = ps_ast_Constant(one, NULL, 1, 2, 1, 3, A);
    ps_mod *m = module1(ps_ast_Assign(exprs(1, x), v, NULL, 1, 0, 1, 3, A));
    check_mod(m, PS_DUMP_ATTRIBUTES,
              "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, "
              "end_lineno=1, end_col_offset=1)], value=Constant(value=1, lineno=1, col_offset=2, "
              "end_lineno=1, end_col_offset=3), lineno=1, col_offset=0, end_lineno=1, "
              "end_col_offset=3)], type_ignores=[])");
    check_mod(m, 0,
              "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], "
              "type_ignores=[])");
}

/* f(a, k=1)  (keyword nodes carry positions; arguments-less products don't) */
static void test_call_keyword_attributes(void **state)
{
    ps_expr *f = ps_ast_Name("f", PS_Load, 1, 0, 1, 1, A);
    ps_expr *a = ps_ast_Name("a", PS_Load, 1, 2, 1, 3, A);
    ps_constant one;
    ps_const_number(&one, "1", 1, A);
    ps_keyword_seq *kws = ps_keyword_seq_new(1, A);
    kws->items[0] = ps_ast_keyword("k", ps_ast_Constant(one, NULL, 1, 7, 1, 8, A), 1, 5, 1, 8, A);
    ps_expr *call = ps_ast_Call(f, exprs(1, a), kws, 1, 0, 1, 9, A);
    check_mod(module1(ps_ast_Expr(call, 1, 0, 1, 9, A)), PS_DUMP_ATTRIBUTES,
              "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load(), lineno=1, col_offset=0, "
              "end_lineno=1, end_col_offset=1), args=[Name(id='a', ctx=Load(), lineno=1, "
              "col_offset=2, end_lineno=1, end_col_offset=3)], keywords=[keyword(arg='k', "
              "value=Constant(value=1, lineno=1, col_offset=7, end_lineno=1, end_col_offset=8), "
              "lineno=1, col_offset=5, end_lineno=1, end_col_offset=8)], lineno=1, col_offset=0, "
              "end_lineno=1, end_col_offset=9), lineno=1, col_offset=0, end_lineno=1, "
              "end_col_offset=9)], type_ignores=[])");
}

/* def f(a, /, b=1, *c, d, e=2, **g) -> int: pass */
static void test_function_def(void **state)
{
    ps_arg_seq *po = ps_arg_seq_new(1, A), *args = ps_arg_seq_new(1, A),
               *kwo = ps_arg_seq_new(2, A);
    po->items[0] = ps_ast_arg("a", NULL, NULL, P, A);
    args->items[0] = ps_ast_arg("b", NULL, NULL, P, A);
    kwo->items[0] = ps_ast_arg("d", NULL, NULL, P, A);
    kwo->items[1] = ps_ast_arg("e", NULL, NULL, P, A);
    ps_arguments *as = ps_ast_arguments(po, args, ps_ast_arg("c", NULL, NULL, P, A), kwo,
                                        exprs(2, NULL, num("2")),
                                        ps_ast_arg("g", NULL, NULL, P, A), exprs(1, num("1")), A);
    ps_stmt *def = ps_ast_FunctionDef("f", as, stmts1(ps_ast_Pass(P, A)), NULL,
                                      name("int", PS_Load), NULL, P, A);
    check_mod(module1(def), 0,
              "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], "
              "args=[arg(arg='b')], vararg=arg(arg='c'), kwonlyargs=[arg(arg='d'), arg(arg='e')], "
              "kw_defaults=[None, Constant(value=2)], kwarg=arg(arg='g'), "
              "defaults=[Constant(value=1)]), body=[Pass()], decorator_list=[], "
              "returns=Name(id='int', ctx=Load()))], type_ignores=[])");
}

/* {**a, 1: b} and from . import a as b */
static void test_none_items_and_absent_fields(void **state)
{
    ps_expr *d = ps_ast_Dict(exprs(2, NULL, num("1")),
                             exprs(2, name("a", PS_Load), name("b", PS_Load)), P, A);
    check_mod(module1(ps_ast_Expr(d, P, A)), 0,
              "Module(body=[Expr(value=Dict(keys=[None, Constant(value=1)], "
              "values=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())]))], type_ignores=[])");
    ps_alias_seq *names = ps_alias_seq_new(1, A);
    names->items[0] = ps_ast_alias("a", "b", P, A);
    check_mod(module1(ps_ast_ImportFrom(NULL, names, 1, P, A)), 0,
              "Module(body=[ImportFrom(names=[alias(name='a', asname='b')], level=1)], "
              "type_ignores=[])");
}

/* match x:
 *  case None: pass
 *  case [1, *r] if r: pass */
static void test_match(void **state)
{
    ps_match_case_seq *cases = ps_match_case_seq_new(2, A);
    cases->items[0] = ps_ast_match_case(ps_ast_MatchSingleton(ps_const_singleton(PS_CONST_NONE), P, A),
                                        NULL, stmts1(ps_ast_Pass(P, A)), A);
    ps_pattern_seq *ps = ps_pattern_seq_new(2, A);
    ps->items[0] = ps_ast_MatchValue(num("1"), P, A);
    ps->items[1] = ps_ast_MatchStar("r", P, A);
    cases->items[1] = ps_ast_match_case(ps_ast_MatchSequence(ps, P, A), name("r", PS_Load),
                                        stmts1(ps_ast_Pass(P, A)), A);
    check_mod(module1(ps_ast_Match(name("x", PS_Load), cases, P, A)), 0,
              "Module(body=[Match(subject=Name(id='x', ctx=Load()), "
              "cases=[match_case(pattern=MatchSingleton(value=None), body=[Pass()]), "
              "match_case(pattern=MatchSequence(patterns=[MatchValue(value=Constant(value=1)), "
              "MatchStar(name='r')]), guard=Name(id='r', ctx=Load()), body=[Pass()])])], "
              "type_ignores=[])");
}

/* x < y is not z ; a[1:2, ::3] ; u"x" */
static void test_expressions(void **state)
{
    ps_cmpop_seq *ops = ps_cmpop_seq_new(2, A);
    ops->items[0] = PS_Lt;
    ops->items[1] = PS_IsNot;
    ps_expr *cmp = ps_ast_Compare(name("x", PS_Load), ops,
                                  exprs(2, name("y", PS_Load), name("z", PS_Load)), P, A);
    char *got = ps_dump_expr(cmp, 0, NULL);
    assert_string_equal(got, "Compare(left=Name(id='x', ctx=Load()), ops=[Lt(), IsNot()], "
                             "comparators=[Name(id='y', ctx=Load()), Name(id='z', ctx=Load())])");
    free(got);
    ps_expr *sl = ps_ast_Tuple(exprs(2, ps_ast_Slice(num("1"), num("2"), NULL, P, A),
                                     ps_ast_Slice(NULL, NULL, num("3"), P, A)),
                               PS_Load, P, A);
    got = ps_dump_expr(ps_ast_Subscript(name("a", PS_Load), sl, PS_Load, P, A), 0, NULL);
    assert_string_equal(got, "Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=["
                             "Slice(lower=Constant(value=1), upper=Constant(value=2)), "
                             "Slice(step=Constant(value=3))], ctx=Load()), ctx=Load())");
    free(got);
    got = ps_dump_expr(ps_ast_Constant(ps_const_str("x", 1), "u", P, A), 0, NULL);
    assert_string_equal(got, "Constant(value='x', kind='u')");
    free(got);
}

static ps_constant flt(double v)
{
    ps_constant c = ps_const_singleton(PS_CONST_FLOAT);
    c.u.f = v;
    return c;
}

static ps_constant imag(double v)
{
    ps_constant c = ps_const_singleton(PS_CONST_COMPLEX);
    c.u.f = v;
    return c;
}

/* repr(float) / repr(complex) as python3.11 prints them. */
static void test_float_repr(void **state)
{
    check_const(flt(1e16), "1e+16");
    check_const(flt(1e15), "1000000000000000.0");
    check_const(flt(1e-5), "1e-05");
    check_const(flt(1e-4), "0.0001");
    check_const(flt(0.1), "0.1");
    check_const(flt(1.0 / 3), "0.3333333333333333");
    check_const(flt(5e-324), "5e-324");
    check_const(flt(1.7976931348623157e308), "1.7976931348623157e+308");
    check_const(flt(123456789.0), "123456789.0");
    check_const(flt(1e22), "1e+22");
    check_const(flt(2.5), "2.5");
    check_const(flt(100.0), "100.0");
    check_const(flt(0.0), "0.0");
    check_const(flt(123456789012345678.0), "1.2345678901234568e+17");
    check_const(flt(1e300 * 1e300), "inf");
    check_const(imag(2), "2j");
    check_const(imag(1e16), "1e+16j");
    check_const(imag(0.5), "0.5j");
    check_const(imag(1e-7), "1e-07j");
    check_const(imag(0), "0j");
    check_const(imag(1e300 * 1e300), "infj");
}

#define STR(lit) ps_const_str(lit, sizeof(lit) - 1)
#define BYTES(lit) ps_const_bytes(lit, sizeof(lit) - 1)

/* repr(str) / repr(bytes): quote choice, escapes, printability. */
static void test_str_bytes_repr(void **state)
{
    check_const(STR("a"), "'a'");
    check_const(STR("it's"), "\"it's\"");
    check_const(STR("say \"hi\""), "'say \"hi\"'");
    check_const(STR("both ' \""), "'both \\' \"'");
    check_const(STR("tab\tnl\n\r\\"), "'tab\\tnl\\n\\r\\\\'");
    /* '\x00\x7f\x80\xa0\xff' */
    check_const(STR("\x00\x7f\xc2\x80\xc2\xa0\xc3\xbf"), "'\\x00\\x7f\\x80\\xa0\xc3\xbf'");
    /* 'é€😀' stays as it is */
    check_const(STR("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"),
                "'\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80'");
    /* '\u200b\u2028\ud800\U000e0001' (a lone surrogate among them) */
    check_const(STR("\xe2\x80\x8b\xe2\x80\xa8\xed\xa0\x80\xf3\xa0\x80\x81"),
                "'\\u200b\\u2028\\ud800\\U000e0001'");
    check_const(STR("\xf4\x8f\xbf\xbf"), "'\\U0010ffff'");
    check_const(BYTES("abc"), "b'abc'");
    check_const(BYTES("'"), "b\"'\"");
    check_const(BYTES("'\""), "b'\\'\"'");
    check_const(BYTES("\x00\xff\t\\"), "b'\\x00\\xff\\t\\\\'");
    check_const(ps_const_singleton(PS_CONST_ELLIPSIS), "Ellipsis");
    check_const(ps_const_singleton(PS_CONST_TRUE), "True");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_assign_with_attributes),
        cmocka_unit_test(test_call_keyword_attributes),
        cmocka_unit_test(test_function_def),
        cmocka_unit_test(test_none_items_and_absent_fields),
        cmocka_unit_test(test_match),
        cmocka_unit_test(test_expressions),
        cmocka_unit_test(test_float_repr),
        cmocka_unit_test(test_str_bytes_repr),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
