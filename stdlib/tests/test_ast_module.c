/*
 * test_ast_module.c — the _ast module (src/ast_module.c): the class
 * hierarchy, _fields / _attributes / class defaults, and the AST
 * constructor's positional / keyword rules.  Expected values are python3.11's.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "libobject/libobject.h"
#include "stdlib/ast.h"
#include "libparse/dump.h"
#include "libparse/parser.h"

static KnObject *mod;

static int setup(void **state)
{
    (void)state;
    if (ob_runtime_init() < 0 || (mod = kn_init__ast()) == NULL)
        return -1;
    return 0;
}

static KnObject *C(const char *name)
{
    KnObject *c = ob_getattr_str(mod, name);
    assert_non_null(c);
    return c;
}

static void assert_repr(KnObject *o, const char *want)
{
    assert_non_null(o);
    KnObject *r = ob_repr(o);
    assert_non_null(r);
    assert_string_equal(ob_str_as_utf8(r, NULL), want);
}

static void test_hierarchy(void **state)
{
    (void)state;
    assert_int_equal(ob_issubclass(C("Name"), C("expr")), 1);
    assert_int_equal(ob_issubclass(C("expr"), C("AST")), 1);
    assert_int_equal(ob_issubclass(C("Load"), C("expr_context")), 1);
    assert_int_equal(ob_issubclass(C("Load"), C("expr")), 0);
    assert_int_equal(ob_issubclass(C("arguments"), C("AST")), 1);
    assert_int_equal(ob_issubclass(C("TryStar"), C("stmt")), 1);
    assert_repr(C("Name"), "<class 'ast.Name'>");
}

static void test_fields(void **state)
{
    (void)state;
    assert_repr(ob_getattr_str(C("Name"), "_fields"), "('id', 'ctx')");
    assert_repr(ob_getattr_str(C("Name"), "__match_args__"), "('id', 'ctx')");
    assert_repr(ob_getattr_str(C("Name"), "_attributes"),
                "('lineno', 'col_offset', 'end_lineno', 'end_col_offset')");
    assert_repr(ob_getattr_str(C("Load"), "_attributes"), "()");
    assert_repr(ob_getattr_str(C("AST"), "_fields"), "()");
    assert_repr(ob_getattr_str(C("arguments"), "_fields"),
                "('posonlyargs', 'args', 'vararg', 'kwonlyargs', 'kw_defaults', 'kwarg', 'defaults')");
    assert_repr(ob_getattr_str(C("Return"), "value"), "None");
    assert_repr(ob_getattr_str(C("expr"), "end_lineno"), "None");
    assert_repr(ob_getattr_str(mod, "PyCF_ONLY_AST"), "1024");
}

static void test_constructor(void **state)
{
    (void)state;
    KnObject *args = ob_tuple_pack(2, ob_str_from_cstr("x"), ob_int_from_ssize(3));
    KnObject *n = ob_call(C("Name"), args, NULL);
    assert_non_null(n);
    assert_repr(ob_getattr_str(n, "id"), "'x'");
    assert_repr(ob_getattr_str(n, "ctx"), "3");
    assert_repr(ob_call_method(n, "__reduce__", 0), "(<class 'ast.Name'>, (), {'id': 'x', 'ctx': 3})");

    KnObject *kw = ob_dict_new();
    assert_int_equal(ob_dict_setitem_str(kw, "lineno", ob_int_from_ssize(7)), 0);
    KnObject *r = ob_call(C("Return"), ob_tuple_new(0), kw);
    assert_non_null(r);
    assert_repr(ob_getattr_str(r, "lineno"), "7");
    assert_repr(ob_getattr_str(r, "value"), "None");       /* class default */
    KnObject *bare = ob_call_noargs(C("Name"));           /* missing fields stay absent */
    assert_non_null(bare);
    assert_null(ob_getattr_str(bare, "id"));
    assert_int_equal(ob_err_matches((KnObject *)ob_exc_AttributeError), 1);
    ob_err_clear();

    KnObject *three = ob_tuple_pack(3, KN_None, KN_None, KN_None);
    assert_null(ob_call(C("Name"), three, NULL));
    assert_int_equal(ob_err_matches((KnObject *)ob_exc_TypeError), 1);
    KnObject *msg = ob_str(ob_err_fetch());
    assert_string_equal(ob_str_as_utf8(msg, NULL), "Name constructor takes at most 2 positional arguments");
    ob_err_clear();
    assert_null(ob_call(C("Return"), three, NULL));
    msg = ob_str(ob_err_fetch());
    assert_string_equal(ob_str_as_utf8(msg, NULL), "Return constructor takes at most 1 positional argument");
    ob_err_clear();
}

static const char *type_name(KnObject *o)
{
    assert_non_null(o);
    return KN_TYPE(o)->tp_name;
}

static void test_from_source(void **state)
{
    (void)state;
    const char *src = "x = 10**30 + 'a\\ud800'\nif x: pass\n";
    KnObject *m = kn_ast_from_source(src, strlen(src), "<t>", 0);
    assert_string_equal(type_name(m), "Module");
    assert_true(ob_isinstance(m, C("Module")) == 1);
    KnObject *body = ob_getattr_str(m, "body");
    assert_repr(ob_call_method(body, "__len__", 0), "2");
    KnObject *assign = ob_sequence_getitem(body, 0);
    assert_string_equal(type_name(assign), "Assign");
    assert_repr(ob_getattr_str(assign, "lineno"), "1");
    assert_repr(ob_getattr_str(assign, "end_col_offset"), "22");
    assert_repr(ob_getattr_str(assign, "type_comment"), "None");
    KnObject *binop = ob_getattr_str(assign, "value");
    assert_string_equal(type_name(ob_getattr_str(binop, "op")), "Add");
    KnObject *pow = ob_getattr_str(binop, "left");
    assert_repr(ob_getattr_str(ob_getattr_str(pow, "right"), "value"), "30");
    assert_repr(ob_getattr_str(ob_getattr_str(binop, "right"), "value"), "'a\\ud800'");
    KnObject *target = ob_sequence_getitem(ob_getattr_str(assign, "targets"), 0);
    assert_string_equal(type_name(ob_getattr_str(target, "ctx")), "Store");

    KnObject *e = kn_ast_from_source("1j", 2, "<t>", 1);
    assert_string_equal(type_name(e), "Expression");
    assert_repr(ob_getattr_str(ob_getattr_str(e, "body"), "value"), "1j");

    /* bytes honour a coding cookie; the UTF-8 of a str ignores it */
    const char *cookie = "# coding: latin-1\ns = '\xc3\xa9'\n";
    KnObject *fromb = kn_ast_from_source(cookie, strlen(cookie), "<t>", 0);
    KnObject *froms = kn_ast_from_source(cookie, strlen(cookie), "<t>", KN_AST_SOURCE_IS_STR);
    KnObject *sb = ob_getattr_str(ob_getattr_str(ob_sequence_getitem(ob_getattr_str(fromb, "body"), 0), "value"), "value");
    KnObject *ss = ob_getattr_str(ob_getattr_str(ob_sequence_getitem(ob_getattr_str(froms, "body"), 0), "value"), "value");
    assert_repr(sb, "'\xc3\x83\xc2\xa9'");   /* 'Ã©' */
    assert_repr(ss, "'\xc3\xa9'");           /* 'é' */

    assert_null(kn_ast_from_source("x = (", 5, "<t>", 0));
    assert_int_equal(ob_err_matches((KnObject *)ob_exc_SyntaxError), 1);
    ob_err_clear();
}

/* source -> objects -> C tree dumps exactly like source -> C tree. */
static void round_trip(const char *src, int mode)
{
    ps_arena *a = ps_arena_new();
    ps_error err;
    ps_error_init(&err);
    ps_mod *direct = ps_parse(src, strlen(src), "<t>", (ps_mode)mode, 0, a, &err);
    assert_non_null(direct);
    KnObject *tree = kn_ast_from_source(src, strlen(src), "<t>", mode);
    assert_non_null(tree);
    ps_mod *back = kn_ast_to_c(tree, a);
    if (back == NULL)
        fprintf(stderr, "kn_ast_to_c: %s\n", ob_str_as_utf8(ob_str(ob_err_fetch()), NULL));
    assert_non_null(back);
    size_t l1, l2;
    char *d1 = ps_dump_mod(direct, PS_DUMP_ATTRIBUTES, &l1);
    char *d2 = ps_dump_mod(back, PS_DUMP_ATTRIBUTES, &l2);
    assert_string_equal(d1, d2);
    free(d1);
    free(d2);
    ps_error_clear(&err);
    ps_arena_free(a);
}

static void test_to_c(void **state)
{
    (void)state;
    round_trip("def f(a, /, b=1, *c, d, e=2, **g) -> int:\n    return {**x, 1: a}\n", 0);
    round_trip("from . import (x as y)\nimport a.b\nx += 10**40 - 1.5 + 2j + ...\n", 0);
    round_trip("match p:\n    case [1, *r] | {'k': v, **kw} if v: pass\n"
               "    case C(x=0) as q: pass\n    case None: pass\n", 0);
    round_trip("try:\n    pass\nexcept* E as e:\n    del a[1:2], b.c\n", 0);
    round_trip("f'{a!r:>{w}}' + b'\\xff' + '\\ud800' if x else [i async for i in y if i]", 1);

    /* errors: a missing required field, a wrong family */
    ps_arena *a = ps_arena_new();
    KnObject *mod = ob_call_noargs(C("Module"));
    assert_null(kn_ast_to_c(mod, a));
    KnObject *msg = ob_str(ob_err_fetch());
    assert_string_equal(ob_str_as_utf8(msg, NULL), "required field \"body\" missing from Module");
    KnObject *body = ob_list_new(0);
    assert_int_equal(ob_list_append(body, ob_call_noargs(C("Load"))), 0);
    assert_int_equal(ob_setattr_str(mod, "body", body), 0);
    assert_int_equal(ob_setattr_str(mod, "type_ignores", ob_list_new(0)), 0);
    assert_null(kn_ast_to_c(mod, a));
    msg = ob_str(ob_err_fetch());
    const char *want = "expected some sort of stmt, but got <ast.Load object at ";
    assert_int_equal(strncmp(ob_str_as_utf8(msg, NULL), want, strlen(want)), 0);
    ps_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hierarchy),
        cmocka_unit_test(test_fields),
        cmocka_unit_test(test_constructor),
        cmocka_unit_test(test_from_source),
        cmocka_unit_test(test_to_c),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
