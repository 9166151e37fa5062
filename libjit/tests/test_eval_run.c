/* libjit/tests/test_eval_run.c — compile real snippets with the compiler
 * (jit_compile_source) and run them (jit_eval_code); results are read back
 * from the module namespace through libobject. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "eval.h"

static KnObject *builtins;

static int setup(void **state)
{
    (void)state;
    if (ob_runtime_init() < 0 || jit_eval_types_init() < 0)
        return -1;
    builtins = ob_dict_new();
#define EXC(name) ob_dict_setitem_str(builtins, #name, (KnObject *)ob_exc_##name);
    OB_EXC_LIST(EXC)
#undef EXC
    ob_dict_setitem_str(builtins, "list", (KnObject *)&ob_list_type);
    ob_dict_setitem_str(builtins, "tuple", (KnObject *)&ob_tuple_type);
    ob_dict_setitem_str(builtins, "int", (KnObject *)&ob_int_type);
    ob_dict_setitem_str(builtins, "type", (KnObject *)&ob_type_type);
    return 0;
}

/* Run src as a module; the namespace, or NULL with the error set. */
static KnObject *run(const char *src)
{
    KnObject *code = jit_compile_source(src, strlen(src), "<test>", JIT_MODE_EXEC, 0, 0);
    if (code == NULL) {
        KnObject *e = ob_err_fetch();
        fail_msg("compile failed: %s", ob_str_as_utf8(ob_str(e), NULL));
    }
    KnObject *ns = ob_dict_new();
    ob_dict_setitem_str(ns, "__builtins__", builtins);
    ob_dict_setitem_str(ns, "__name__", ob_str_from_cstr("__main__"));
    return jit_eval_code(code, ns, NULL) ? ns : NULL;
}

static KnObject *get(KnObject *ns, const char *name)
{
    assert_non_null(ns);
    KnObject *v = ob_dict_getitem_str(ns, name);
    if (v == NULL)
        fail_msg("%s not set", name);
    return v;
}

static void assert_repr(KnObject *ns, const char *name, const char *expected)
{
    KnObject *r = ob_repr(get(ns, name));
    assert_non_null(r);
    assert_string_equal(ob_str_as_utf8(r, NULL), expected);
}

static void test_arith_and_calls(void **state)
{
    (void)state;
    KnObject *ns = run("def f(a, b=2, *args, c=3, **kw):\n"
                       "    return (a, b, args, c, sorted_keys(kw))\n"
                       "def sorted_keys(d):\n"
                       "    out = []\n"
                       "    for k in d:\n"
                       "        out.append(k)\n"
                       "    return out\n"
                       "r1 = f(1)\n"
                       "r2 = f(1, 5, 6, 7, c=8, z=9)\n"
                       "r3 = f(*[1, 2], **{'c': 4})\n"
                       "x = 0\n"
                       "for i in (1, 2, 3):\n"
                       "    x += i * i\n");
    assert_repr(ns, "r1", "(1, 2, (), 3, [])");
    assert_repr(ns, "r2", "(1, 5, (6, 7), 8, ['z'])");
    assert_repr(ns, "r3", "(1, 2, (), 4, [])");
    assert_repr(ns, "x", "14");
}

static void test_exceptions(void **state)
{
    (void)state;
    KnObject *ns = run("log = []\n"
                       "try:\n"
                       "    try:\n"
                       "        {}['k']\n"
                       "    except KeyError as e:\n"
                       "        log.append('key')\n"
                       "        raise ValueError('v') from e\n"
                       "    finally:\n"
                       "        log.append('fin')\n"
                       "except ValueError as e:\n"
                       "    log.append(type(e.__cause__).__name__)\n"
                       "    log.append(e.__context__ is e.__cause__)\n"
                       "def g():\n"
                       "    try:\n"
                       "        return 1\n"
                       "    finally:\n"
                       "        log.append('g-fin')\n"
                       "log.append(g())\n");
    assert_repr(ns, "log", "['key', 'fin', 'KeyError', True, 'g-fin', 1]");
    /* an uncaught error leaves the frame stack empty */
    assert_null(run("def h():\n    return undefined_name\nh()\n"));
    KnObject *exc = ob_err_fetch();
    assert_ptr_equal(KN_TYPE(exc), ob_exc_NameError);
    assert_null(jit_frame_current());
    KnTracebackObject *tb = (KnTracebackObject *)ob_exc_get_traceback(exc);
    assert_int_equal(tb->tb_lineno, 3);
    assert_int_equal(tb->tb_next->tb_lineno, 2);
}

static void test_generators_and_closures(void **state)
{
    (void)state;
    KnObject *ns = run("def counter():\n"
                       "    n = 0\n"
                       "    def inc(k=1):\n"
                       "        nonlocal n\n"
                       "        n += k\n"
                       "        return n\n"
                       "    return inc\n"
                       "c = counter(); c(); c(); total = c(10)\n"
                       "def gen(n):\n"
                       "    for i in range(n) if False else (0, 1, 2):\n"
                       "        got = yield i\n"
                       "        if got: yield got\n"
                       "def deleg():\n"
                       "    r = yield from gen(3)\n"
                       "    return r\n"
                       "vals = [v for v in deleg()]\n"
                       "sq = {k: k * k for k in (1, 2)}\n"
                       "with_res = []\n"
                       "class_free = None\n");
    assert_repr(ns, "total", "12");
    assert_repr(ns, "vals", "[0, 1, 2]");
    assert_repr(ns, "sq", "{1: 1, 2: 4}");
}

static void test_match_and_unpack(void **state)
{
    (void)state;
    KnObject *ns = run("def m(x):\n"
                       "    match x:\n"
                       "        case [a, *rest]: return ('seq', a, rest)\n"
                       "        case {'k': v}: return ('map', v)\n"
                       "        case int(n) if n > 5: return ('big', n)\n"
                       "        case _: return 'other'\n"
                       "r = [m([1, 2, 3]), m({'k': 9}), m(7), m(2)]\n"
                       "a, *b, c = (1, 2, 3, 4)\n"
                       "err = None\n"
                       "try:\n"
                       "    p, q = [1, 2, 3]\n"
                       "except ValueError as e:\n"
                       "    err = e.args[0]\n");
    assert_repr(ns, "r", "[('seq', 1, [2, 3]), ('map', 9), ('big', 7), 'other']");
    assert_repr(ns, "b", "[2, 3]");
    assert_repr(ns, "err", "'too many values to unpack (expected 2)'");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arith_and_calls),
        cmocka_unit_test(test_exceptions),
        cmocka_unit_test(test_generators_and_closures),
        cmocka_unit_test(test_match_and_unpack),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
