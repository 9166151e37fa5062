/* libjit/tests/test_eval_tbprint.c — jit_traceback_print against the text
 * /usr/bin/python3.11 prints for the same source and positions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <cmocka.h>

#include "test_eval_asm.h"

static KnObject *globals;
static char path[64];

static int setup(void **state)
{
    (void)state;
    if (ob_runtime_init() < 0 || jit_eval_types_init() < 0)
        return -1;
    globals = ob_dict_new();
    ob_dict_setitem_str(globals, "__builtins__", ob_dict_new());
    strcpy(path, "/tmp/kiln-tbprint-XXXXXX");
    int fd = mkstemp(path);
    if (fd < 0)
        return -1;
    static const char src[] =
        "def f(value, other_thing):\n"
        "    return value + other_thing\n"
        "def g(d):\n"
        "    return d[\"key\"]\n"
        "def h():\n"
        "    raise ValueError(\"bad\")\n"
        "f(1, \"a\")\n";
    if (write(fd, src, sizeof src - 1) != (ssize_t)(sizeof src - 1))
        return -1;
    close(fd);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unlink(path);
    return 0;
}

/* Set every unit's position of code `co` from index `from` on. */
static void position(KnObject *co, int from, int line, int col, int end_col)
{
    KnCodeObject *c = JIT_CODE(co);
    for (int i = from; i < c->co_ncode; i++)
        c->co_positions[i] = (jit_position){ line, line, col, end_col };
}

static KnObject *with_file(KnObject *co)
{
    JIT_CODE(co)->co_filename = ob_str_from_cstr(path);
    return co;
}

static char *print_to_string(KnObject *exc)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_int_equal(jit_traceback_print(exc, f), 0);
    fclose(f);
    return buf;
}

static void test_binary_op_carets(void **state)
{
    (void)state;
    /* f(value, other_thing): return value + other_thing */
    asm_buf a = { 0 };
    emit(&a, JIT_OP_LOAD_FAST, 0);
    emit(&a, JIT_OP_LOAD_FAST, 1);
    int op = emit(&a, JIT_OP_BINARY_OP, JIT_NB_ADD);
    emit(&a, JIT_OP_RETURN_VALUE, 0);
    static const char *const locals[] = { "value", "other_thing", NULL };
    KnObject *fco = with_file(make_code(&a, "f", NULL, NULL, locals, NULL, 2,
                                        JIT_CO_OPTIMIZED | JIT_CO_NEWLOCALS, 2));
    position(fco, 0, 2, 11, 30);
    (void)op;
    KnObject *f = jit_function_new(fco, globals);

    /* module: f(1, "a") on line 7 */
    asm_buf m = { 0 };
    emit(&m, JIT_OP_PUSH_NULL, 0);
    emit(&m, JIT_OP_LOAD_CONST, 0);
    emit(&m, JIT_OP_LOAD_CONST, 1);
    emit(&m, JIT_OP_LOAD_CONST, 2);
    emit(&m, JIT_OP_CALL, 2);
    emit(&m, JIT_OP_RETURN_VALUE, 0);
    KnObject *mco = with_file(make_code(&m, "<module>",
                                        tuple_of(3, f, ob_int_from_ssize(1), ob_str_from_cstr("a")),
                                        NULL, NULL, NULL, 0, 0, 4));
    position(mco, 0, 7, 0, 9);
    jit_tstate *jt = jit_tstate_get(ob_tstate_get());
    jit_frame *fr = jit_frame_push(jt, NULL, JIT_CODE(mco), globals,
                                   jit_builtins_from_globals(globals), globals);
    assert_null(jit_eval_frame(jt, fr, 0));
    KnObject *exc = ob_err_fetch();
    char *out = print_to_string(exc);
    char expected[1024];
    snprintf(expected, sizeof expected,
             "Traceback (most recent call last):\n"
             "  File \"%s\", line 7, in <module>\n"
             "    f(1, \"a\")\n"
             "  File \"%s\", line 2, in f\n"
             "    return value + other_thing\n"
             "           ~~~~~~^~~~~~~~~~~~~\n"
             "TypeError: unsupported operand type(s) for +: 'int' and 'str'\n",
             path, path);
    assert_string_equal(out, expected);
    free(out);
}

static void test_chain_and_subscript(void **state)
{
    (void)state;
    asm_buf a = { 0 };
    emit(&a, JIT_OP_LOAD_FAST, 0);
    emit(&a, JIT_OP_LOAD_CONST, 0);
    emit(&a, JIT_OP_BINARY_SUBSCR, 0);
    emit(&a, JIT_OP_RETURN_VALUE, 0);
    static const char *const locals[] = { "d", NULL };
    KnObject *gco = with_file(make_code(&a, "g", tuple_of(1, ob_str_from_cstr("key")), NULL,
                                        locals, NULL, 1, JIT_CO_OPTIMIZED | JIT_CO_NEWLOCALS, 2));
    position(gco, 0, 4, 11, 19);
    assert_null(ob_call_onearg(jit_function_new(gco, globals), ob_dict_new()));
    KnObject *keyerr = ob_err_fetch();

    asm_buf b = { 0 };
    emit(&b, JIT_OP_LOAD_CONST, 0);
    emit(&b, JIT_OP_RAISE_VARARGS, 1);
    KnObject *bad = ob_call_onearg((KnObject *)ob_exc_ValueError, ob_str_from_cstr("bad"));
    KnObject *hco = with_file(make_code(&b, "h", tuple_of(1, bad), NULL, NULL, NULL, 0,
                                        JIT_CO_OPTIMIZED | JIT_CO_NEWLOCALS, 1));
    position(hco, 0, 6, 4, 27);
    assert_null(ob_call_noargs(jit_function_new(hco, globals)));
    KnObject *exc = ob_err_fetch();
    ob_exc_set_cause(exc, keyerr);
    char *out = print_to_string(exc);
    char expected[1024];
    snprintf(expected, sizeof expected,
             "Traceback (most recent call last):\n"
             "  File \"%s\", line 4, in g\n"
             "    return d[\"key\"]\n"
             "           ~^^^^^^^\n"
             "KeyError: 'key'\n"
             "\n"
             "The above exception was the direct cause of the following exception:\n"
             "\n"
             "Traceback (most recent call last):\n"
             "  File \"%s\", line 6, in h\n"
             "    raise ValueError(\"bad\")\n"
             "ValueError: bad\n",
             path, path);
    assert_string_equal(out, expected);
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_binary_op_carets),
        cmocka_unit_test(test_chain_and_subscript),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
