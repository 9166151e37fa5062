/* libjit/tests/test_symtable.c — scopes of tricky programs (expected
 * values as python3.11's symtable module reports them). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "libparse/parser.h"
#include "symtable.h"

static ps_arena *arena;

static jit_symtable *build(const char *src)
{
    if (arena)
        ps_arena_free(arena);
    arena = ps_arena_new();
    ps_error err;
    ps_error_init(&err);
    ps_mod *mod = ps_parse(src, strlen(src), "x.py", PS_MODE_EXEC, 0, arena, &err);
    assert_non_null(mod);
    jit_symtable *st = jit_symtable_build(mod, "x.py", src, strlen(src), 0, arena, &err);
    if (!st)
        fail_msg("symtable error: %s", err.msg);
    ps_error_clear(&err);
    return st;
}

/* child scope by path of names: "f", "f/g", "C/m" */
static jit_ste *scope(jit_symtable *st, const char *path)
{
    jit_ste *e = st->top;
    char buf[256];
    strcpy(buf, path);
    for (char *tok = strtok(buf, "/"); tok; tok = strtok(NULL, "/")) {
        jit_ste *found = NULL;
        for (int i = 0; i < e->nchildren && !found; i++)
            if (strcmp(e->children[i]->name, tok) == 0)
                found = e->children[i];
        if (!found)
            fail_msg("no scope %s", tok);
        e = found;
    }
    return e;
}

#define SCOPE_IS(st, path, name, sc) assert_int_equal(jit_ste_scope(scope(st, path), name), sc)

static void test_closure_cell_free(void **state)
{
    (void)state;
    jit_symtable *st = build("def f():\n    x = 1\n    def g():\n        return x\n    return g\n");
    SCOPE_IS(st, "f", "x", JIT_SCOPE_CELL);
    SCOPE_IS(st, "f", "g", JIT_SCOPE_LOCAL);
    SCOPE_IS(st, "f/g", "x", JIT_SCOPE_FREE);
    SCOPE_IS(st, "", "f", JIT_SCOPE_LOCAL);
    assert_true(scope(st, "f/g")->is_nested);
    assert_false(scope(st, "f")->is_nested);
}

static void test_class_scope_is_skipped(void **state)
{
    (void)state;
    jit_symtable *st = build("def f():\n    x = 1\n    class C:\n        x = 2\n"
                             "        def g(self):\n            return x\n");
    SCOPE_IS(st, "f", "x", JIT_SCOPE_CELL);
    SCOPE_IS(st, "f/C", "x", JIT_SCOPE_LOCAL);
    assert_true(jit_ste_flags(scope(st, "f/C"), "x") & JIT_DEF_FREE_CLASS);
    SCOPE_IS(st, "f/C/g", "x", JIT_SCOPE_FREE);
    /* a class's own names are invisible to its methods */
    st = build("class C:\n    y = 1\n    def m(self):\n        return y\n");
    SCOPE_IS(st, "C/m", "y", JIT_SCOPE_GLOBAL_IMPLICIT);
}

static void test_super_needs_class_cell(void **state)
{
    (void)state;
    jit_symtable *st = build("class C(B):\n    def m(self):\n        return super().m()\n"
                             "    def n(self):\n        return 1\n");
    assert_true(scope(st, "C")->needs_class_closure);
    SCOPE_IS(st, "C/m", "__class__", JIT_SCOPE_FREE);
    SCOPE_IS(st, "C/m", "super", JIT_SCOPE_GLOBAL_IMPLICIT);
    assert_int_equal(jit_ste_scope(scope(st, "C/n"), "__class__"), JIT_SCOPE_NONE);
    st = build("class D:\n    def m(self):\n        return __class__\n");
    assert_true(scope(st, "D")->needs_class_closure);
    st = build("class E:\n    def m(self):\n        return 1\n");
    assert_false(scope(st, "E")->needs_class_closure);
}

static void test_global_nonlocal(void **state)
{
    (void)state;
    jit_symtable *st = build("x = 0\ndef f():\n    global x\n    x = 1\n    y = 2\n"
                             "    def g():\n        nonlocal y\n        y = 3\n        return x\n");
    /* as CPython: `global x` in f marks the module's x global too */
    SCOPE_IS(st, "", "x", JIT_SCOPE_GLOBAL_EXPLICIT);
    SCOPE_IS(st, "f", "x", JIT_SCOPE_GLOBAL_EXPLICIT);
    SCOPE_IS(st, "f", "y", JIT_SCOPE_CELL);
    SCOPE_IS(st, "f/g", "y", JIT_SCOPE_FREE);
    /* x is global in f, so g sees the global */
    SCOPE_IS(st, "f/g", "x", JIT_SCOPE_GLOBAL_IMPLICIT);
}

static void test_comprehensions(void **state)
{
    (void)state;
    jit_symtable *st = build("def f(y):\n    return [x + y for x in y if x]\n");
    jit_ste *lc = scope(st, "f/<listcomp>");
    assert_true(lc->is_comprehension);
    assert_int_equal(lc->nparams, 1);
    assert_string_equal(lc->params[0], ".0");
    SCOPE_IS(st, "f/<listcomp>", "x", JIT_SCOPE_LOCAL);
    SCOPE_IS(st, "f/<listcomp>", "y", JIT_SCOPE_FREE);
    SCOPE_IS(st, "f", "y", JIT_SCOPE_CELL);
    /* the walrus binds in the enclosing function */
    st = build("def f(r):\n    [(last := i) for i in r]\n    return last\n");
    SCOPE_IS(st, "f", "last", JIT_SCOPE_CELL);
    SCOPE_IS(st, "f/<listcomp>", "last", JIT_SCOPE_FREE);
    st = build("[(t := i) for i in r]\n");
    SCOPE_IS(st, "<listcomp>", "t", JIT_SCOPE_GLOBAL_EXPLICIT);
    /* generator expressions are generators */
    st = build("g = (i for i in r)\n");
    assert_true(scope(st, "<genexpr>")->is_generator);
}

static void test_mangling(void **state)
{
    (void)state;
    jit_symtable *st = build("class C:\n    __x = 1\n    __y__ = 2\n"
                             "    def m(self, __a):\n        return self.__x + __a\n");
    SCOPE_IS(st, "C", "_C__x", JIT_SCOPE_LOCAL);
    SCOPE_IS(st, "C", "__y__", JIT_SCOPE_LOCAL);
    SCOPE_IS(st, "C/m", "_C__a", JIT_SCOPE_LOCAL);
    assert_string_equal(jit_mangle("C", "__x", arena), "_C__x");
    assert_string_equal(jit_mangle("_C", "__x", arena), "_C__x");
    assert_string_equal(jit_mangle("__", "__x", arena), "__x");
    assert_string_equal(jit_mangle("C", "__x__", arena), "__x__");
    assert_string_equal(jit_mangle("C", "__a.b", arena), "__a.b");
    assert_string_equal(jit_mangle(NULL, "__x", arena), "__x");
}

static void test_function_kinds(void **state)
{
    (void)state;
    jit_symtable *st = build("def g():\n    yield 1\nasync def a():\n    await x\n"
                             "async def ag():\n    yield 1\nh = lambda *a, **k: a\n");
    assert_true(scope(st, "g")->is_generator);
    assert_false(scope(st, "g")->is_coroutine);
    assert_true(scope(st, "a")->is_coroutine);
    assert_false(scope(st, "a")->is_generator);
    assert_true(scope(st, "ag")->is_coroutine && scope(st, "ag")->is_generator);
    jit_ste *l = scope(st, "<lambda>");
    assert_true(l->is_lambda && l->has_varargs && l->has_varkeywords);
    assert_int_equal(l->nparams, 2);
}

static void test_future_and_annotations(void **state)
{
    (void)state;
    jit_symtable *st = build("\"doc\"\nfrom __future__ import annotations\nx: int = 1\n"
                             "def f(a: T) -> R:\n    y: int\n");
    assert_true(st->future & JIT_FUTURE_ANNOTATIONS);
    assert_true(jit_ste_flags(st->top, "x") & JIT_DEF_ANNOT);
    /* under the future, annotations are strings: their names are no uses
     * (CPython's symtable does not list T or R) */
    assert_false(jit_ste_flags(st->top, "T") & JIT_USE);
    assert_true(jit_ste_flags(scope(st, "f"), "y") & JIT_DEF_ANNOT);
    SCOPE_IS(st, "f", "y", JIT_SCOPE_LOCAL);
}

static void test_imports_and_except(void **state)
{
    (void)state;
    jit_symtable *st = build("def f():\n    import a.b.c\n    import d.e as g\n"
                             "    try:\n        pass\n    except E as err:\n        pass\n");
    SCOPE_IS(st, "f", "a", JIT_SCOPE_LOCAL);
    SCOPE_IS(st, "f", "g", JIT_SCOPE_LOCAL);
    SCOPE_IS(st, "f", "err", JIT_SCOPE_LOCAL);
    SCOPE_IS(st, "f", "E", JIT_SCOPE_GLOBAL_IMPLICIT);
    assert_int_equal(jit_ste_scope(scope(st, "f"), "d"), JIT_SCOPE_NONE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_closure_cell_free),
        cmocka_unit_test(test_class_scope_is_skipped),
        cmocka_unit_test(test_super_needs_class_cell),
        cmocka_unit_test(test_global_nonlocal),
        cmocka_unit_test(test_comprehensions),
        cmocka_unit_test(test_mangling),
        cmocka_unit_test(test_function_kinds),
        cmocka_unit_test(test_future_and_annotations),
        cmocka_unit_test(test_imports_and_except),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
