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

/* getframe(): the running Python frame's object (sys._getframe's job). */
static KnObject *getframe(KnObject *self, KnObject *unused)
{
    (void)self;
    (void)unused;
    return jit_frame_object(jit_frame_current());
}

static KnMethodDef getframe_def = { "getframe", getframe, KN_METH_NOARGS, NULL };

/* A minimal __build_class__(func, name, *bases): run the body with
 * jit_function_call_with_locals, then type(name, bases, ns). */
static KnObject *build_class(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    (void)self;
    if (nargs < 2)
        return ob_err_format(ob_exc_TypeError, "__build_class__: not enough arguments");
    KnObject *ns = ob_dict_new();
    if (ns == NULL || jit_function_call_with_locals(args[0], ns) == NULL)
        return NULL;
    KnObject *bases = ob_tuple_from_array(args + 2, nargs - 2);
    return bases ? ob_type_new(&ob_type_type, args[1], bases, ns) : NULL;
}

static KnMethodDef build_class_def = { "__build_class__", (KnCFunction)(void (*)(void))build_class,
                                       KN_METH_FASTCALL, NULL };

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
    ob_dict_setitem_str(builtins, "getframe", ob_cfunction_new(&getframe_def, NULL, NULL));
    ob_dict_setitem_str(builtins, "__build_class__", ob_cfunction_new(&build_class_def, NULL, NULL));
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
    if (ns == NULL) {
        KnObject *e = ob_err_fetch();
        fail_msg("run failed: %s: %s", e ? KN_TYPE(e)->tp_name : "?",
                 e ? ob_str_as_utf8(ob_str(e), NULL) : "");
    }
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

static void test_frames(void **state)
{
    (void)state;
    KnObject *ns = run("def inner(a):\n"
                       "    b = a + 1\n"
                       "    return getframe()\n"
                       "def outer():\n"
                       "    f = inner(1)\n"
                       "    return f, getframe()\n"
                       "f, o = outer()\n"
                       "line = f.f_lineno\n"
                       "names = [f.f_code.co_name, f.f_back.f_code.co_name, o.f_back.f_code.co_name]\n"
                       "back_is_o = f.f_back is o\n"
                       "locs = f.f_locals\n"
                       "g_ok = f.f_globals is o.f_globals\n");
    assert_repr(ns, "line", "3");
    assert_repr(ns, "names", "['inner', 'outer', '<module>']");
    assert_repr(ns, "back_is_o", "True");
    assert_repr(ns, "locs", "{'a': 1, 'b': 2}");
    assert_repr(ns, "g_ok", "True");
}

static void test_async(void **state)
{
    (void)state;
    KnObject *ns = run("class Tick:\n"
                       "    def __await__(self):\n"
                       "        got = yield 'tick'\n"
                       "        return got\n"
                       "async def agen(n):\n"
                       "    for i in (0, 1, 2)[:n]:\n"
                       "        v = await Tick()\n"
                       "        yield (i, v)\n"
                       "async def main():\n"
                       "    out = []\n"
                       "    async for x in agen(2):\n"
                       "        out.append(x)\n"
                       "    return out\n"
                       "coro = main()\n");
    KnObject *coro = get(ns, "coro");
    assert_ptr_equal(KN_TYPE(coro), &jit_coro_type);
    KnObject *sent = KN_None;
    int ticks = 0;
    for (;;) {
        KnObject *r = ob_call_method(coro, "send", 1, sent);
        if (r == NULL)
            break;
        assert_true(ob_str_equal_cstr(r, "tick"));
        sent = ob_int_from_ssize(100 + ticks++);
    }
    KnObject *exc = ob_err_fetch();
    assert_ptr_equal(KN_TYPE(exc), ob_exc_StopIteration);
    KnObject *r = ob_repr(((KnStopIterationObject *)exc)->value);
    assert_string_equal(ob_str_as_utf8(r, NULL), "[(0, 100), (1, 101)]");
    assert_int_equal(ticks, 2);
}

static void test_generator_close_and_exc_info(void **state)
{
    (void)state;
    KnObject *ns = run("log = []\n"
                       "def g():\n"
                       "    try:\n"
                       "        yield 1\n"
                       "    except GeneratorExit:\n"
                       "        log.append('exit')\n"
                       "        raise\n"
                       "    finally:\n"
                       "        log.append('finally')\n"
                       "it = g()\n"
                       "log.append(it.__next__())\n"
                       "it.close()\n"
                       "log.append(it.gi_frame)\n"
                       "def h():\n"
                       "    try:\n"
                       "        raise KeyError('k')\n"
                       "    except KeyError as e:\n"
                       "        yield e\n"
                       "        raise ValueError('v')\n"
                       "it2 = h()\n"
                       "k = it2.__next__()\n"
                       "try:\n"
                       "    it2.__next__()\n"
                       "except ValueError as v:\n"
                       "    log.append(v.__context__ is k)\n");
    assert_repr(ns, "log", "[1, 'exit', 'finally', None, True]");
}

static void test_coroutine_origin(void **state)
{
    (void)state;
    ob_tstate_get()->coroutine_origin_tracking_depth = 2;
    KnObject *ns = run("async def c(): pass\n"
                       "def mk():\n"
                       "    return c()\n"
                       "x = mk()\n"
                       "origin = [(f[1], f[2]) for f in x.cr_origin]\n");
    ob_tstate_get()->coroutine_origin_tracking_depth = 0;
    assert_repr(ns, "origin", "[(3, 'mk'), (4, '<module>')]");
}

static void test_generator_finalize(void **state)
{
    (void)state;
    KnObject *ns = run("log = []\n"
                       "def g():\n"
                       "    try:\n"
                       "        yield 1\n"
                       "    finally:\n"
                       "        log.append('finally')\n"
                       "it = g()\n"
                       "it.__next__()\n"
                       "fresh = g()\n");
    KnObject *it = get(ns, "it");
    jit_gen_finalize(it);
    jit_gen_finalize(it);               /* completed: nothing more */
    jit_gen_finalize(get(ns, "fresh")); /* never started: closes silently */
    assert_null(ob_err_occurred());
    assert_repr(ns, "log", "['finally']");
    assert_ptr_equal(ob_getattr(it, ob_str_intern_cstr("gi_frame")), KN_None);
}

static int polls;

static int interrupt_hook(void)
{
    if (++polls < 3) {
        jit_eval_pending = 1;       /* ask again: the loop keeps running */
        return 0;
    }
    ob_err_set_none(ob_exc_KeyboardInterrupt);
    return -1;
}

static void test_safe_point_hook(void **state)
{
    (void)state;
    jit_eval_pending_hook = interrupt_hook;
    jit_eval_pending = 1;
    KnObject *ns = run("n = 0\n"
                       "while True:\n"
                       "    n += 1\n");
    jit_eval_pending_hook = NULL;
    assert_null(ns);
    KnObject *exc = ob_err_fetch();
    assert_ptr_equal(KN_TYPE(exc), ob_exc_KeyboardInterrupt);
    assert_int_equal(polls, 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arith_and_calls),
        cmocka_unit_test(test_exceptions),
        cmocka_unit_test(test_generators_and_closures),
        cmocka_unit_test(test_match_and_unpack),
        cmocka_unit_test(test_frames),
        cmocka_unit_test(test_async),
        cmocka_unit_test(test_generator_close_and_exc_info),
        cmocka_unit_test(test_safe_point_hook),
        cmocka_unit_test(test_coroutine_origin),
        cmocka_unit_test(test_generator_finalize),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
