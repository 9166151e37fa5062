/* libjit/tests/test_eval.c — the interpreter, functions and tracebacks on
 * hand-assembled code objects. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "test_eval_asm.h"

static KnObject *globals;

static KnObject *I(long v)
{
    return ob_int_from_ssize(v);
}

static KnObject *S(const char *s)
{
    return ob_str_from_cstr(s);
}

static long as_long(KnObject *o)
{
    assert_non_null(o);
    assert_true(KN_INT_CHECK(o));
    return (long)ob_int_as_ssize(o);
}

/* The message of the pending exception (cleared), checking its type. */
static const char *error_message(KnTypeObject *type)
{
    KnTypeObject *t = ob_err_occurred();
    assert_non_null(t);
    KnObject *exc = ob_err_fetch();
    if (!ob_type_is_subtype(KN_TYPE(exc), type))
        fail_msg("expected %s, got %s", type->tp_name, KN_TYPE(exc)->tp_name);
    KnObject *s = ob_str(exc);
    assert_non_null(s);
    return ob_str_as_utf8(s, NULL);
}

static int setup(void **state)
{
    (void)state;
    if (ob_runtime_init() < 0 || jit_eval_types_init() < 0)
        return -1;
    globals = ob_dict_new();
    KnObject *builtins = ob_dict_new();
    ob_dict_setitem_str(builtins, "ValueError", (KnObject *)ob_exc_ValueError);
    ob_dict_setitem_str(builtins, "len", ob_str_from_cstr("not really len"));
    ob_dict_setitem_str(globals, "__builtins__", builtins);
    ob_dict_setitem_str(globals, "__name__", S("testmod"));
    return 0;
}

static KnObject *func(KnObject *code)
{
    KnObject *f = jit_function_new(code, globals);
    assert_non_null(f);
    return f;
}

/* def add(a, b): return a + b */
static KnObject *make_add(void)
{
    asm_buf a = { 0 };
    emit(&a, JIT_OP_RESUME, 0);
    emit(&a, JIT_OP_LOAD_FAST, 0);
    emit(&a, JIT_OP_LOAD_FAST, 1);
    emit(&a, JIT_OP_BINARY_OP, JIT_NB_ADD);
    emit(&a, JIT_OP_RETURN_VALUE, 0);
    static const char *const locals[] = { "a", "b", NULL };
    return make_code(&a, "add", NULL, NULL, locals, NULL, 2, JIT_CO_OPTIMIZED | JIT_CO_NEWLOCALS, 2);
}

static void test_call_add(void **state)
{
    (void)state;
    KnObject *f = func(make_add());
    KnObject *args[2] = { I(40), I(2) };
    assert_int_equal(as_long(ob_vectorcall(f, args, 2, NULL)), 42);
    /* keywords */
    KnObject *kw = tuple_of(1, S("a"));
    KnObject *args2[2] = { I(5), I(1) };   /* b=5 positional, a=1 keyword... */
    KnObject *r = ob_vectorcall(f, args2, 1, kw);
    /* a given twice: positionally (5) and by keyword */
    assert_null(r);
    assert_string_equal(error_message(ob_exc_TypeError), "add() got multiple values for argument 'a'");
    kw = tuple_of(1, S("b"));
    assert_int_equal(as_long(ob_vectorcall(f, args2, 1, kw)), 6);
    /* tp_call with a dict */
    KnObject *d = ob_dict_new();
    ob_dict_setitem_str(d, "b", I(7));
    assert_int_equal(as_long(ob_call(f, tuple_of(1, I(3)), d)), 10);
}

static void test_call_errors(void **state)
{
    (void)state;
    KnObject *f = func(make_add());
    KnObject *args[3] = { I(1), I(2), I(3) };
    assert_null(ob_vectorcall(f, args, 3, NULL));
    assert_string_equal(error_message(ob_exc_TypeError),
                        "add() takes 2 positional arguments but 3 were given");
    assert_null(ob_vectorcall(f, args, 0, NULL));
    assert_string_equal(error_message(ob_exc_TypeError),
                        "add() missing 2 required positional arguments: 'a' and 'b'");
    assert_null(ob_vectorcall(f, args, 1, NULL));
    assert_string_equal(error_message(ob_exc_TypeError),
                        "add() missing 1 required positional argument: 'b'");
    assert_null(ob_vectorcall(f, args, 2, tuple_of(1, S("z"))));
    assert_string_equal(error_message(ob_exc_TypeError),
                        "add() got an unexpected keyword argument 'z'");
    /* defaults: add(a, b=10) */
    JIT_FUNC(f)->func_defaults = tuple_of(1, I(10));
    assert_int_equal(as_long(ob_vectorcall(f, args, 1, NULL)), 11);
    assert_null(ob_vectorcall(f, args, 3, NULL));
    assert_string_equal(error_message(ob_exc_TypeError),
                        "add() takes from 1 to 2 positional arguments but 3 were given");
    /* positional-only: add(a, /, b) */
    JIT_CODE(JIT_FUNC(f)->func_code)->co_posonlyargcount = 1;
    KnObject *kwargs[2] = { I(1), I(2) };
    assert_null(ob_vectorcall(f, kwargs, 0, tuple_of(2, S("a"), S("b"))));
    assert_string_equal(error_message(ob_exc_TypeError),
                        "add() got some positional-only arguments passed as keyword arguments: 'a'");
}

static void test_exception_table(void **state)
{
    (void)state;
    /* try: raise ValueError
     * except: return 1 */
    asm_buf a = { 0 };
    emit(&a, JIT_OP_RESUME, 0);
    int start = emit(&a, JIT_OP_LOAD_GLOBAL, 0 << 1);
    emit(&a, JIT_OP_RAISE_VARARGS, 1);
    int h = emit(&a, JIT_OP_PUSH_EXC_INFO, 0);
    emit(&a, JIT_OP_POP_TOP, 0);
    emit(&a, JIT_OP_POP_EXCEPT, 0);
    emit(&a, JIT_OP_LOAD_CONST, 0);
    emit(&a, JIT_OP_RETURN_VALUE, 0);
    handler(&a, start, h, h, 0, 0);
    static const char *const names[] = { "ValueError", NULL };
    KnObject *code = make_code(&a, "f", tuple_of(1, I(1)), names, NULL, NULL, 0,
                               JIT_CO_OPTIMIZED | JIT_CO_NEWLOCALS, 3);
    KnObject *f = func(code);
    assert_int_equal(as_long(ob_call_noargs(f)), 1);
    assert_null(ob_err_occurred());
    /* exc_info restored after the handler */
    KnObject *ei = ob_tstate_get()->exc_info->exc_value;
    assert_true(ei == NULL || ei == KN_None);
}

static void test_traceback_and_context(void **state)
{
    (void)state;
    /* raise ValueError('x') at unit 3 (line 13); in a handler, raise
     * another: its __context__ is the first. */
    asm_buf a = { 0 };
    emit(&a, JIT_OP_RESUME, 0);
    int start = emit(&a, JIT_OP_LOAD_CONST, 0);
    emit(&a, JIT_OP_LOAD_CONST, 1);
    emit(&a, JIT_OP_RAISE_VARARGS, 1);  /* raise ValueError instance */
    int h = emit(&a, JIT_OP_PUSH_EXC_INFO, 0);
    emit(&a, JIT_OP_LOAD_CONST, 2);
    int second = emit(&a, JIT_OP_RAISE_VARARGS, 1);
    handler(&a, start, h, h, 0, 1);
    KnObject *first_exc = ob_call_onearg((KnObject *)ob_exc_ValueError, S("x"));
    KnObject *second_exc = ob_call_onearg((KnObject *)ob_exc_KeyError, S("y"));
    KnObject *code = make_code(&a, "g", tuple_of(3, KN_None, first_exc, second_exc), NULL, NULL,
                               NULL, 0, JIT_CO_OPTIMIZED | JIT_CO_NEWLOCALS, 4);
    assert_null(ob_call_noargs(func(code)));
    KnObject *exc = ob_err_fetch();
    assert_ptr_equal(exc, second_exc);
    assert_ptr_equal(ob_exc_get_context(exc), first_exc);
    KnTracebackObject *tb = (KnTracebackObject *)ob_exc_get_traceback(exc);
    assert_non_null(tb);
    assert_ptr_equal(KN_TYPE(tb), &jit_traceback_type);
    assert_int_equal(tb->tb_lineno, 10 + second);
    assert_int_equal(tb->tb_lasti, second * 2);
    assert_null(tb->tb_next);
    KnObject *fcode = ob_getattr((KnObject *)tb->tb_frame, ob_str_intern_cstr("f_code"));
    assert_ptr_equal(fcode, code);
    /* the first exception's traceback points at the raise at unit 3 */
    tb = (KnTracebackObject *)ob_exc_get_traceback(first_exc);
    assert_int_equal(tb->tb_lineno, 13);
}

static void test_raise_from_and_errors(void **state)
{
    (void)state;
    asm_buf a = { 0 };
    emit(&a, JIT_OP_RESUME, 0);
    emit(&a, JIT_OP_LOAD_FAST, 0);
    emit(&a, JIT_OP_LOAD_FAST, 1);
    emit(&a, JIT_OP_RAISE_VARARGS, 2);
    static const char *const locals[] = { "e", "c", NULL };
    KnObject *f = func(make_code(&a, "r", NULL, NULL, locals, NULL, 2,
                                 JIT_CO_OPTIMIZED | JIT_CO_NEWLOCALS, 2));
    KnObject *args[2] = { (KnObject *)ob_exc_ValueError, KN_None };
    assert_null(ob_vectorcall(f, args, 2, NULL));
    KnObject *exc = ob_err_fetch();
    assert_ptr_equal(KN_TYPE(exc), ob_exc_ValueError);
    assert_true(((KnBaseExceptionObject *)exc)->suppress_context);
    args[0] = I(1);
    assert_null(ob_vectorcall(f, args, 2, NULL));
    assert_string_equal(error_message(ob_exc_TypeError), "exceptions must derive from BaseException");
    args[0] = (KnObject *)ob_exc_ValueError;
    args[1] = I(1);
    assert_null(ob_vectorcall(f, args, 2, NULL));
    assert_string_equal(error_message(ob_exc_TypeError),
                        "exception causes must derive from BaseException");
}

static void test_unbound_and_names(void **state)
{
    (void)state;
    asm_buf a = { 0 };
    emit(&a, JIT_OP_RESUME, 0);
    emit(&a, JIT_OP_LOAD_FAST, 0);
    emit(&a, JIT_OP_RETURN_VALUE, 0);
    static const char *const locals[] = { "x", NULL };
    KnObject *f = func(make_code(&a, "u", NULL, NULL, locals, NULL, 0,
                                 JIT_CO_OPTIMIZED | JIT_CO_NEWLOCALS, 1));
    assert_null(ob_call_noargs(f));
    assert_string_equal(error_message(ob_exc_UnboundLocalError),
                        "cannot access local variable 'x' where it is not associated with a value");

    /* module code: x = len; return x; then an unknown name */
    asm_buf b = { 0 };
    emit(&b, JIT_OP_LOAD_NAME, 0);
    emit(&b, JIT_OP_STORE_NAME, 1);
    emit(&b, JIT_OP_LOAD_NAME, 1);
    emit(&b, JIT_OP_LOAD_NAME, 2);
    emit(&b, JIT_OP_RETURN_VALUE, 0);
    static const char *const names[] = { "len", "x", "nope", NULL };
    KnObject *code = make_code(&b, "<module>", NULL, names, NULL, NULL, 0, 0, 2);
    jit_tstate *jt = jit_tstate_get(ob_tstate_get());
    KnObject *locals_d = ob_dict_new();
    jit_frame *fr = jit_frame_push(jt, NULL, JIT_CODE(code), globals,
                                   jit_builtins_from_globals(globals), locals_d);
    assert_null(jit_eval_frame(jt, fr, 0));
    KnObject *exc = ob_err_fetch();
    assert_ptr_equal(KN_TYPE(exc), ob_exc_NameError);
    assert_true(ob_str_equal_cstr(ob_str(exc), "name 'nope' is not defined"));
    assert_true(ob_str_equal_cstr(((KnNameErrorObject *)exc)->name, "nope"));
    assert_true(ob_str_equal_cstr(ob_dict_getitem_str(locals_d, "x"), "not really len"));
    assert_null(jt->current);
}

static void test_recursion_limit(void **state)
{
    (void)state;
    /* def rec(): return rec() */
    asm_buf a = { 0 };
    emit(&a, JIT_OP_RESUME, 0);
    emit(&a, JIT_OP_LOAD_GLOBAL, (0 << 1) | 1);
    emit(&a, JIT_OP_CALL, 0);
    emit(&a, JIT_OP_RETURN_VALUE, 0);
    static const char *const names[] = { "rec", NULL };
    KnObject *f = func(make_code(&a, "rec", NULL, names, NULL, NULL, 0,
                                 JIT_CO_OPTIMIZED | JIT_CO_NEWLOCALS, 3));
    ob_dict_setitem_str(globals, "rec", f);
    int before = ob_tstate_get()->recursion_remaining;
    assert_null(ob_call_noargs(f));
    assert_string_equal(error_message(ob_exc_RecursionError), "maximum recursion depth exceeded");
    assert_int_equal(ob_tstate_get()->recursion_remaining, before);
}

/* def gen(): yield 1; return 2 */
static KnObject *make_gen(int flags)
{
    asm_buf a = { 0 };
    emit(&a, JIT_OP_RETURN_GENERATOR, 0);
    emit(&a, JIT_OP_POP_TOP, 0);
    emit(&a, JIT_OP_RESUME, 0);
    emit(&a, JIT_OP_LOAD_CONST, 0);
    emit(&a, JIT_OP_YIELD_VALUE, 0);
    emit(&a, JIT_OP_RESUME, 1);
    emit(&a, JIT_OP_POP_TOP, 0);
    emit(&a, JIT_OP_LOAD_CONST, 1);
    emit(&a, JIT_OP_RETURN_VALUE, 0);
    return make_code(&a, "gen", tuple_of(2, I(1), I(2)), NULL, NULL, NULL, 0,
                     JIT_CO_OPTIMIZED | JIT_CO_NEWLOCALS | flags, 2);
}

static void test_generator(void **state)
{
    (void)state;
    KnObject *g = ob_call_noargs(func(make_gen(JIT_CO_GENERATOR)));
    assert_non_null(g);
    assert_ptr_equal(KN_TYPE(g), &jit_gen_type);
    assert_null(jit_frame_current());
    KnObject *r = ob_call_method(g, "send", 1, I(5));
    assert_null(r);
    assert_string_equal(error_message(ob_exc_TypeError),
                        "can't send non-None value to a just-started generator");
    assert_int_equal(as_long(ob_iter_next(g)), 1);
    KnObject *running = ob_getattr(g, ob_str_intern_cstr("gi_running"));
    assert_ptr_equal(running, KN_False);
    KnObject *fo = ob_getattr(g, ob_str_intern_cstr("gi_frame"));
    assert_int_equal(as_long(ob_getattr(fo, ob_str_intern_cstr("f_lineno"))), 10 + 4);
    r = ob_call_method(g, "send", 1, KN_None);
    assert_null(r);
    KnObject *exc = ob_err_fetch();
    assert_ptr_equal(KN_TYPE(exc), ob_exc_StopIteration);
    assert_int_equal(as_long(((KnStopIterationObject *)exc)->value), 2);
    assert_ptr_equal(ob_getattr(g, ob_str_intern_cstr("gi_frame")), KN_None);
    /* exhausted */
    assert_null(ob_iter_next(g));
    assert_null(ob_err_occurred());
}

static void test_generator_throw_close(void **state)
{
    (void)state;
    KnObject *g = ob_call_noargs(func(make_gen(JIT_CO_GENERATOR)));
    assert_int_equal(as_long(ob_iter_next(g)), 1);
    KnObject *r = ob_call_method(g, "throw", 1, (KnObject *)ob_exc_ValueError);
    assert_null(r);
    KnObject *exc = ob_err_fetch();
    assert_ptr_equal(KN_TYPE(exc), ob_exc_ValueError);
    /* the generator frame is in the traceback (at the yield, line 14) */
    KnTracebackObject *tb = (KnTracebackObject *)ob_exc_get_traceback(exc);
    assert_non_null(tb);
    assert_int_equal(tb->tb_lineno, 14);
    /* close() on a fresh generator and on a suspended one */
    g = ob_call_noargs(func(make_gen(JIT_CO_GENERATOR)));
    assert_ptr_equal(ob_call_method(g, "close", 0), KN_None);
    g = ob_call_noargs(func(make_gen(JIT_CO_GENERATOR)));
    ob_iter_next(g);
    assert_ptr_equal(ob_call_method(g, "close", 0), KN_None);
    assert_null(ob_err_occurred());
    r = ob_call_method(g, "throw", 1, I(3));
    assert_null(r);
    assert_string_equal(error_message(ob_exc_TypeError),
                        "exceptions must be classes or instances deriving from BaseException, "
                        "not int");
}

static void test_stop_iteration_in_generator(void **state)
{
    (void)state;
    asm_buf a = { 0 };
    emit(&a, JIT_OP_RETURN_GENERATOR, 0);
    emit(&a, JIT_OP_POP_TOP, 0);
    emit(&a, JIT_OP_RESUME, 0);
    emit(&a, JIT_OP_LOAD_CONST, 0);
    emit(&a, JIT_OP_RAISE_VARARGS, 1);
    KnObject *code = make_code(&a, "bad", tuple_of(1, (KnObject *)ob_exc_StopIteration), NULL,
                               NULL, NULL, 0,
                               JIT_CO_OPTIMIZED | JIT_CO_NEWLOCALS | JIT_CO_GENERATOR, 2);
    KnObject *g = ob_call_noargs(func(code));
    assert_null(ob_iter_next(g));
    KnObject *exc = ob_err_fetch();
    assert_ptr_equal(KN_TYPE(exc), ob_exc_RuntimeError);
    assert_true(ob_str_equal_cstr(ob_str(exc), "generator raised StopIteration"));
    assert_ptr_equal(KN_TYPE(ob_exc_get_cause(exc)), ob_exc_StopIteration);
}

/* def outer(it): return (yield from it) */
static KnObject *make_delegator(int flags, int await)
{
    asm_buf a = { 0 };
    emit(&a, JIT_OP_RETURN_GENERATOR, 0);
    emit(&a, JIT_OP_POP_TOP, 0);
    emit(&a, JIT_OP_RESUME, 0);
    emit(&a, JIT_OP_LOAD_FAST, 0);
    if (await)
        emit(&a, JIT_OP_GET_AWAITABLE, 0);
    else
        emit(&a, JIT_OP_GET_YIELD_FROM_ITER, 0);
    emit(&a, JIT_OP_LOAD_CONST, 0);
    int send = emit(&a, JIT_OP_SEND, 3);
    emit(&a, JIT_OP_YIELD_VALUE, 0);
    emit(&a, JIT_OP_RESUME, await ? 3 : 2);
    emit(&a, JIT_OP_JUMP_BACKWARD_NO_INTERRUPT, 4);
    int ret = emit(&a, JIT_OP_RETURN_VALUE, 0);
    assert_int_equal(ret, send + 4);
    static const char *const locals[] = { "it", NULL };
    return make_code(&a, "outer", tuple_of(1, KN_None), NULL, locals, NULL, 1,
                     JIT_CO_OPTIMIZED | JIT_CO_NEWLOCALS | flags, 3);
}

static void test_yield_from(void **state)
{
    (void)state;
    KnObject *inner = ob_call_noargs(func(make_gen(JIT_CO_GENERATOR)));
    KnObject *outer = ob_call_onearg(func(make_delegator(JIT_CO_GENERATOR, 0)), inner);
    assert_int_equal(as_long(ob_iter_next(outer)), 1);
    assert_ptr_equal(ob_getattr(outer, ob_str_intern_cstr("gi_yieldfrom")), inner);
    assert_null(ob_call_method(outer, "send", 1, KN_None));
    KnObject *exc = ob_err_fetch();
    assert_ptr_equal(KN_TYPE(exc), ob_exc_StopIteration);
    assert_int_equal(as_long(((KnStopIterationObject *)exc)->value), 2);

    /* throw() into the delegate: ValueError propagates through both */
    inner = ob_call_noargs(func(make_gen(JIT_CO_GENERATOR)));
    outer = ob_call_onearg(func(make_delegator(JIT_CO_GENERATOR, 0)), inner);
    ob_iter_next(outer);
    assert_null(ob_call_method(outer, "throw", 1, (KnObject *)ob_exc_ValueError));
    exc = ob_err_fetch();
    assert_ptr_equal(KN_TYPE(exc), ob_exc_ValueError);
    KnTracebackObject *tb = (KnTracebackObject *)ob_exc_get_traceback(exc);
    assert_non_null(tb);
    assert_non_null(tb->tb_next);    /* outer's entry, then inner's */
}

static void test_coroutine_await(void **state)
{
    (void)state;
    KnObject *inner = ob_call_noargs(func(make_gen(JIT_CO_COROUTINE)));
    assert_ptr_equal(KN_TYPE(inner), &jit_coro_type);
    KnObject *outer = ob_call_onearg(func(make_delegator(JIT_CO_COROUTINE, 1)), inner);
    KnObject *r = ob_call_method(outer, "send", 1, KN_None);
    assert_int_equal(as_long(r), 1);
    assert_ptr_equal(ob_getattr(outer, ob_str_intern_cstr("cr_await")), inner);
    assert_null(ob_call_method(outer, "send", 1, KN_None));
    KnObject *exc = ob_err_fetch();
    assert_ptr_equal(KN_TYPE(exc), ob_exc_StopIteration);
    assert_int_equal(as_long(((KnStopIterationObject *)exc)->value), 2);
    assert_null(ob_call_method(outer, "send", 1, KN_None));
    assert_string_equal(error_message(ob_exc_RuntimeError), "cannot reuse already awaited coroutine");
    /* awaiting a non-awaitable */
    outer = ob_call_onearg(func(make_delegator(JIT_CO_COROUTINE, 1)), I(3));
    assert_null(ob_call_method(outer, "send", 1, KN_None));
    assert_string_equal(error_message(ob_exc_TypeError), "object int can't be used in 'await' expression");
}

static void test_function_attributes(void **state)
{
    (void)state;
    KnObject *f = func(make_add());
    assert_true(ob_str_equal_cstr(ob_getattr(f, ob_str_intern_cstr("__name__")), "add"));
    assert_true(ob_str_equal_cstr(ob_getattr(f, ob_str_intern_cstr("__module__")), "testmod"));
    assert_ptr_equal(ob_getattr(f, ob_str_intern_cstr("__defaults__")), KN_None);
    assert_ptr_equal(ob_getattr(f, ob_str_intern_cstr("__globals__")), globals);
    assert_int_equal(ob_setattr(f, ob_str_intern_cstr("__defaults__"), I(1)), -1);
    assert_string_equal(error_message(ob_exc_TypeError), "__defaults__ must be set to a tuple object");
    assert_int_equal(ob_setattr(f, ob_str_intern_cstr("spam"), I(1)), 0);
    assert_int_equal(as_long(ob_getattr(f, ob_str_intern_cstr("spam"))), 1);
    KnObject *m = KN_TYPE(f)->tp_descr_get(f, I(3), NULL);
    assert_ptr_equal(KN_TYPE(m), &ob_method_type);
    assert_int_equal(as_long(ob_call_onearg(m, I(4))), 7);
    KnObject *r = ob_repr(f);
    assert_true(strncmp(ob_str_as_utf8(r, NULL), "<function add at 0x", 19) == 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_call_add),
        cmocka_unit_test(test_call_errors),
        cmocka_unit_test(test_exception_table),
        cmocka_unit_test(test_traceback_and_context),
        cmocka_unit_test(test_raise_from_and_errors),
        cmocka_unit_test(test_unbound_and_names),
        cmocka_unit_test(test_recursion_limit),
        cmocka_unit_test(test_generator),
        cmocka_unit_test(test_generator_throw_close),
        cmocka_unit_test(test_stop_iteration_in_generator),
        cmocka_unit_test(test_yield_from),
        cmocka_unit_test(test_coroutine_await),
        cmocka_unit_test(test_function_attributes),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
