/*
 * test_contextvars.c — _contextvars from C: ContextVar get/set/reset with
 * tokens and defaults, Context.run isolation and its re-entry error, the
 * mapping methods, copy_context sharing, and reprs / messages as
 * python3.11 words them.
 */
#include "test_posix_util.h"

KnObject *kn_init__contextvars(void);

static KnObject *cv, *ContextVar, *Context;

static int setup(void **state)
{
    (void)state;
    if (ob_runtime_init() < 0 || (cv = kn_init__contextvars()) == NULL)
        return -1;
    ContextVar = ob_getattr_str(cv, "ContextVar");
    Context = ob_getattr_str(cv, "Context");
    return ContextVar && Context ? 0 : -1;
}

static KnObject *new_var(const char *name, KnObject *dflt)
{
    return OK(ob_call(ContextVar, ob_tuple_pack(1, S(name)), dflt ? KW("default", dflt) : NULL));
}

static void test_get_set_reset(void **state)
{
    (void)state;
    KnObject *v = new_var("v", I(1)), *w = new_var("w", NULL);
    ASSERT_INT(CALL0(v, "get"), 1);
    ASSERT_INT(CALL(w, "get", I(5)), 5);
    KnObject *e = (assert_null(CALL0(w, "get")), RAISED(ob_exc_LookupError, NULL));
    assert_true(ob_sequence_getitem(attr(e, "args"), 0) == w);
    KnObject *t1 = OK(CALL(w, "set", I(3)));
    ASSERT_INT(CALL0(w, "get"), 3);
    ASSERT_REPR(attr(t1, "old_value"), "<Token.MISSING>");
    assert_true(attr(t1, "var") == w);
    assert_true(attr(t1, "old_value") == attr(attr(cv, "Token"), "MISSING"));
    KnObject *t2 = OK(CALL(w, "set", I(4)));
    ASSERT_INT(attr(t2, "old_value"), 3);
    assert_null(CALL(v, "reset", t2));
    RAISED(ob_exc_ValueError, NULL);
    assert_null(CALL(w, "reset", I(5)));
    RAISED(ob_exc_TypeError, "expected an instance of Token, got 5");
    OK(CALL(w, "reset", t2));
    ASSERT_INT(CALL0(w, "get"), 3);
    assert_null(CALL(w, "reset", t2));
    KnObject *err = RAISED(ob_exc_RuntimeError, NULL);
    assert_non_null(strstr(ob_str_as_utf8(ob_str(err), NULL), "has already been used once"));
    assert_non_null(strstr(ob_str_as_utf8(ob_repr(t2), NULL), "<Token used var=<ContextVar name='w' at 0x"));
    OK(CALL(w, "reset", t1));
    assert_null(CALL0(w, "get"));
    RAISED(ob_exc_LookupError, NULL);
    /* reprs and attributes */
    assert_true(strncmp(ob_str_as_utf8(ob_repr(v), NULL), "<ContextVar name='v' default=1 at 0x", 36) == 0);
    ASSERT_STR(attr(v, "name"), "v");
    assert_null(ob_call(ContextVar, ob_tuple_pack(1, I(1)), NULL));
    RAISED(ob_exc_TypeError, "context variable name must be a str");
    assert_null(ob_call(attr(cv, "Token"), ob_tuple_new(0), NULL));
    RAISED(ob_exc_RuntimeError, "Tokens can only be created by ContextVars");
    ASSERT_REPR(OK(ob_getitem(ContextVar, (KnObject *)&ob_int_type)), "_contextvars.ContextVar[int]");
}

static KnObject *g_var, *g_ctx;

static KnObject *inner(KnObject *m, KnObject *arg)
{
    (void)m;
    if (ob_call_method(g_var, "set", 1, arg) == NULL)
        return NULL;
    return ob_call_method(g_var, "get", 0);
}

static KnObject *reenter(KnObject *m, KnObject *arg)
{
    (void)m;
    (void)arg;
    return ob_call_method(g_ctx, "run", 1, ob_getattr_str(g_var, "get"));
}

static KnMethodDef defs[] = {
    {"inner", inner, KN_METH_O, NULL},
    {"reenter", reenter, KN_METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static void test_context_run(void **state)
{
    (void)state;
    g_var = new_var("g", I(0));
    KnObject *mod = ob_module_new_cstr("helpers");
    assert_int_equal(ob_module_add_functions(mod, defs), 0);
    OK(CALL(g_var, "set", I(1)));
    KnObject *ctx = OK(CALL0(cv, "copy_context"));
    g_ctx = ctx;
    /* run sets inside ctx only */
    ASSERT_INT(CALL(ctx, "run", attr(mod, "inner"), I(9)), 9);
    ASSERT_INT(CALL0(g_var, "get"), 1);
    ASSERT_INT(OK(ob_getitem(ctx, g_var)), 9);
    assert_int_equal(ob_length(ctx), 1);
    assert_int_equal(ob_contains(ctx, g_var), 1);
    ASSERT_INT(CALL(ctx, "get", new_var("other", NULL), I(7)), 7);
    /* the copy taken earlier still sees the old value */
    KnObject *cur = OK(CALL0(cv, "copy_context"));
    ASSERT_INT(OK(ob_getitem(cur, g_var)), 1);
    /* copies share until one of them changes */
    KnObject *cp = OK(CALL0(ctx, "copy"));
    ASSERT_INT(OK(ob_getitem(cp, g_var)), 9);
    KnObject *items = OK(ob_sequence_list(OK(CALL0(ctx, "items"))));
    assert_int_equal(ob_length(items), 1);
    /* errors */
    assert_null(CALL(ctx, "run", attr(mod, "reenter"), I(0)));
    KnObject *e = RAISED(ob_exc_RuntimeError, NULL);
    assert_true(strncmp(ob_str_as_utf8(ob_str(e), NULL),
                        "cannot enter context: <_contextvars.Context object at 0x", 56) == 0);
    assert_non_null(strstr(ob_str_as_utf8(ob_str(e), NULL), "is already entered"));
    assert_null(ob_getitem(ctx, I(1)));
    RAISED(ob_exc_TypeError, "a ContextVar key was expected, got 1");
    assert_null(ob_getitem(OK(ob_call(Context, ob_tuple_new(0), NULL)), g_var));
    RAISED(ob_exc_KeyError, NULL);
    assert_null(ob_call(Context, ob_tuple_pack(1, I(1)), NULL));
    RAISED(ob_exc_TypeError, "Context() does not accept any arguments");
    assert_null(CALL0(ctx, "run"));
    RAISED(ob_exc_TypeError, "run() missing 1 required positional argument");
    /* a token from ctx cannot reset outside it */
    KnObject *tok = OK(CALL(ctx, "run", attr(g_var, "set"), I(5)));
    assert_null(CALL(g_var, "reset", tok));
    e = RAISED(ob_exc_ValueError, NULL);
    assert_non_null(strstr(ob_str_as_utf8(ob_str(e), NULL), "was created in a different Context"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_get_set_reset),
        cmocka_unit_test(test_context_run),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
