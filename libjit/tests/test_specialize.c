/* libjit/tests/test_specialize.c — quickening rewrites co_code in place
 * (specialised opcodes appear after warm-up, de-specialise after repeated
 * misses) while co_code_orig keeps the compiler's units. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "libobject/range.h"
#include "eval.h"
#include "opcode.h"
#include "specialize.h"

static KnObject *builtins;

static int setup(void **state)
{
    (void)state;
    if (ob_runtime_init() < 0 || jit_eval_types_init() < 0)
        return -1;
    builtins = ob_dict_new();
    if (builtins == NULL)
        return -1;
    return ob_dict_setitem_str(builtins, "range", (KnObject *)&ob_range_type);
}

/* Run src as a module; its namespace (failing the test on an error). */
static KnObject *run(const char *src)
{
    KnObject *code = jit_compile_source(src, strlen(src), "<test>", JIT_MODE_EXEC, 0, 0);
    assert_non_null(code);
    KnObject *ns = ob_dict_new();
    ob_dict_setitem_str(ns, "__builtins__", builtins);
    if (jit_eval_code(code, ns, NULL) == NULL) {
        KnObject *e = ob_err_fetch();
        fail_msg("run failed: %s", e ? ob_str_as_utf8(ob_str(e), NULL) : "?");
    }
    return ns;
}

/* How many instructions of f's code currently have opcode op. */
static int count_op(KnObject *ns, const char *func, int op, int orig)
{
    KnObject *f = ob_dict_getitem_str(ns, func);
    assert_non_null(f);
    KnCodeObject *co = JIT_CODE(JIT_FUNC(f)->func_code);
    uint16_t *units = orig ? co->co_code_orig : co->co_code;
    int n = 0;
    for (int i = 0; i < co->co_ncode; i += 1 + jit_eval_caches[units[i] & 0xff])
        n += (units[i] & 0xff) == op;
    return n;
}

static void test_warm_up_specialises(void **state)
{
    (void)state;
    KnObject *ns = run("def f(a, b):\n    return a + b\n"
                       "for i in range(3):\n    f(i, i)\n");
    assert_int_equal(count_op(ns, "f", JIT_OP_BINARY_OP, 0), 1);
    ns = run("def f(a, b):\n    return a + b\n"
             "for i in range(100):\n    f(i, i)\n");
    assert_int_equal(count_op(ns, "f", JIT_OP_BINARY_OP_ADD_INT, 0), 1);
    assert_int_equal(count_op(ns, "f", JIT_OP_BINARY_OP_ADD_INT, 1), 0);
    assert_int_equal(count_op(ns, "f", JIT_OP_BINARY_OP, 1), 1);
}

static void test_misses_despecialise(void **state)
{
    (void)state;
    KnObject *ns = run("def f(a, b):\n    return a + b\n"
                       "for i in range(100):\n    f(i, i)\n"
                       "for i in range(200):\n    r = f(0.5, 1.0)\n");
    assert_int_equal(count_op(ns, "f", JIT_OP_BINARY_OP_ADD_INT, 0), 0);
    KnObject *r = ob_dict_getitem_str(ns, "r");
    assert_non_null(r);
    assert_true(KN_TYPE(r) == &ob_float_type);
    assert_true(KN_FLOAT_VALUE(r) == 1.5);
}

static void test_inline_call_and_globals(void **state)
{
    (void)state;
    KnObject *ns = run("def g(x):\n    return x * 2\n"
                       "def f(n):\n    t = 0\n    for i in range(n):\n        t = t + g(i)\n"
                       "    return t\n"
                       "r = f(100)\n");
    assert_int_equal(count_op(ns, "f", JIT_OP_CALL_PY_EXACT_ARGS, 0), 1);
    assert_int_equal(count_op(ns, "f", JIT_OP_LOAD_GLOBAL_MODULE, 0), 1);
    KnObject *r = ob_dict_getitem_str(ns, "r");
    assert_int_equal(ob_int_as_ssize(r), 9900);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_warm_up_specialises),
        cmocka_unit_test(test_misses_despecialise),
        cmocka_unit_test(test_inline_call_and_globals),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
