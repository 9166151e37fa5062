/*
 * test_warnings.c — ob_err_warn / ob_err_warn_format (src/warnings.c):
 * the fallback without a hook (CPython's frameless output and default
 * filters), the hook protocol, and the DeprecationWarnings libobject
 * issues where CPython 3.11 does (messages are python3.11's).
 */
#include <unistd.h>

#include "test_abstract_util.h"
#include "libobject/complex.h"

/* ---- capturing stderr ---- */

static char captured[4096];

/* Run f() with stderr redirected; its output lands in `captured`. */
static int capture_stderr(int (*f)(void))
{
    FILE *tmp = tmpfile();
    assert_non_null(tmp);
    fflush(stderr);
    int saved = dup(2);
    assert_true(saved >= 0);
    assert_int_equal(dup2(fileno(tmp), 2), 2);
    int r = f();
    fflush(stderr);
    assert_int_equal(dup2(saved, 2), 2);
    close(saved);
    rewind(tmp);
    size_t n = fread(captured, 1, sizeof captured - 1, tmp);
    captured[n] = '\0';
    fclose(tmp);
    return r;
}

static int warn_runtime(void)
{
    return ob_err_warn((KnObject *)ob_exc_RuntimeWarning, "kiln probe one", 1);
}
static int warn_runtime_twice(void)
{
    return ob_err_warn(NULL, "kiln probe two", 1) | ob_err_warn(NULL, "kiln probe two", 2);
}
static int warn_deprecated(void)
{
    return ob_err_warn((KnObject *)ob_exc_DeprecationWarning, "old", 1) |
           ob_err_warn((KnObject *)ob_exc_PendingDeprecationWarning, "old", 1) |
           ob_err_warn((KnObject *)ob_exc_ImportWarning, "old", 1) |
           ob_err_warn((KnObject *)ob_exc_ResourceWarning, "old", 1);
}
static int warn_format(void)
{
    return ob_err_warn_format((KnObject *)ob_exc_UserWarning, 1, "x=%d %R", 5, S("a"));
}

/* No hook: "sys:1: Category: message" once per (category, message); the
 * categories CPython's default filters ignore outside __main__ print
 * nothing. */
static void test_fallback(void **state)
{
    ob_err_set_warn_hook(NULL);
    assert_int_equal(capture_stderr(warn_runtime), 0);
    assert_string_equal(captured, "sys:1: RuntimeWarning: kiln probe one\n");
    assert_int_equal(capture_stderr(warn_runtime_twice), 0);
    assert_string_equal(captured, "sys:1: RuntimeWarning: kiln probe two\n");
    assert_int_equal(capture_stderr(warn_runtime), 0);
    assert_string_equal(captured, "");
    assert_int_equal(capture_stderr(warn_deprecated), 0);
    assert_string_equal(captured, "");
    assert_int_equal(capture_stderr(warn_format), 0);
    assert_string_equal(captured, "sys:1: UserWarning: x=5 'a'\n");
    assert_null(ob_err_occurred());
}

static void test_bad_category(void **state)
{
    assert_int_equal(ob_err_warn((KnObject *)ob_exc_ValueError, "x", 1), -1);
    assert_raised(ob_exc_TypeError, "category must be a Warning subclass, not 'type'");
    assert_int_equal(ob_err_warn(I(5), "x", 1), -1);
    assert_raised(ob_exc_TypeError, "category must be a Warning subclass, not 'int'");
}

/* ---- the hook ---- */

static struct {
    int calls;
    KnObject *category, *message;
    kn_ssize_t stacklevel;
    int fail;             /* act as an "error" filter */
} rec;

static int recording_hook(KnObject *category, KnObject *message, kn_ssize_t stacklevel)
{
    rec.calls++;
    rec.category = category;
    rec.message = message;
    rec.stacklevel = stacklevel;
    if (rec.fail) {
        ob_err_set_object((KnTypeObject *)category, message);
        return -1;
    }
    return 0;
}

static void hook_reset(int fail)
{
    memset(&rec, 0, sizeof rec);
    rec.fail = fail;
    ob_err_set_warn_hook(recording_hook);
}

static void test_hook(void **state)
{
    hook_reset(0);
    assert_int_equal(ob_err_warn(NULL, "m", 3), 0);
    assert_int_equal(rec.calls, 1);
    assert_ptr_equal(rec.category, ob_exc_RuntimeWarning);
    assert_str(rec.message, "m");
    assert_int_equal(rec.stacklevel, 3);
    assert_int_equal(ob_err_warn_format((KnObject *)ob_exc_DeprecationWarning, 2, "%s-%zd", "a",
                                        (kn_ssize_t)7), 0);
    assert_ptr_equal(rec.category, ob_exc_DeprecationWarning);
    assert_str(rec.message, "a-7");
    hook_reset(1);
    assert_int_equal(ob_err_warn((KnObject *)ob_exc_UserWarning, "boom", 1), -1);
    assert_raised(ob_exc_UserWarning, "boom");
    ob_err_set_warn_hook(NULL);
}

/* ---- libobject's DeprecationWarnings ---- */

static KnObject *cls_int_sub, *cls_float_sub, *cls_complex_sub;

static KnObject *make_class(const char *name, KnTypeObject *base, KnObject *dict)
{
    KnObject *cls = ob_type_new(&ob_type_type, S(name), ob_tuple_pack(1, (KnObject *)base),
                                dict ? dict : ob_dict_new());
    assert_non_null(cls);
    return cls;
}

/* The dunders below live in a class dict as builtin functions: not
 * descriptors, so the slot calls them without self. */
static KnObject *ret_int_sub(KnObject *m, KnObject *unused) { return tu_call(cls_int_sub, 1, I(3)); }
static KnObject *ret_float_sub(KnObject *m, KnObject *unused) { return tu_call(cls_float_sub, 1, F(3.0)); }
static KnObject *ret_complex_sub(KnObject *m, KnObject *unused) { return tu_call(cls_complex_sub, 1, I(3)); }

static KnMethodDef dunder_defs[] = {
    { "ret_int_sub", (KnCFunction)ret_int_sub, KN_METH_NOARGS, NULL },
    { "ret_float_sub", (KnCFunction)ret_float_sub, KN_METH_NOARGS, NULL },
    { "ret_complex_sub", (KnCFunction)ret_complex_sub, KN_METH_NOARGS, NULL },
};

/* An instance of a class whose `dunder` is dunder_defs[i]. */
static KnObject *with_dunder(const char *dunder, int i)
{
    KnObject *ns = ob_dict_new();
    assert_int_equal(ob_dict_setitem(ns, S(dunder), ob_cfunction_new(&dunder_defs[i], NULL, NULL)), 0);
    KnObject *obj = tu_call(make_class("A", &ob_object_type, ns), 0);
    assert_non_null(obj);
    return obj;
}

#define SUBCLASS_TAIL "The ability to return an instance of a strict subclass of "
#define DEPRECATED_TAIL " is deprecated, and may be removed in a future version of Python."

static void expect_warning(const char *msg)
{
    assert_int_equal(rec.calls, 1);
    assert_ptr_equal(rec.category, ob_exc_DeprecationWarning);
    assert_str(rec.message, msg);
    assert_int_equal(rec.stacklevel, 1);
    rec.calls = 0;
}

static void test_number_conversions_warn(void **state)
{
    cls_int_sub = make_class("I", &ob_int_type, NULL);
    cls_float_sub = make_class("F", &ob_float_type, NULL);
    cls_complex_sub = make_class("C", &ob_complex_type, NULL);
    hook_reset(0);

    KnObject *x = with_dunder("__index__", 0);
    KnObject *r = ob_number_index(x);
    assert_int(r, 3);
    assert_ptr_equal(KN_TYPE(r), &ob_int_type);
    expect_warning("__index__ returned non-int (type I).  " SUBCLASS_TAIL "int" DEPRECATED_TAIL);
    assert_int_equal(ob_number_as_ssize(x, NULL), 3);
    expect_warning("__index__ returned non-int (type I).  " SUBCLASS_TAIL "int" DEPRECATED_TAIL);

    r = ob_number_long(with_dunder("__int__", 0));
    assert_int(r, 3);
    assert_ptr_equal(KN_TYPE(r), &ob_int_type);
    expect_warning("__int__ returned non-int (type I).  " SUBCLASS_TAIL "int" DEPRECATED_TAIL);

    assert_int(ob_number_long(with_dunder("__trunc__", 0)), 3);
    expect_warning("The delegation of int() to __trunc__ is deprecated.");

    r = ob_number_float(with_dunder("__float__", 1));
    assert_non_null(r);
    assert_ptr_equal(KN_TYPE(r), &ob_float_type);
    expect_warning("A.__float__ returned non-float (type F).  " SUBCLASS_TAIL "float" DEPRECATED_TAIL);

    r = tu_call((KnObject *)&ob_complex_type, 1, with_dunder("__complex__", 2));
    assert_repr(r, "(3+0j)");
    expect_warning("__complex__ returned non-complex (type C).  " SUBCLASS_TAIL "complex" DEPRECATED_TAIL);

    assert_int_equal(ob_is_true(KN_NotImplemented), 1);
    expect_warning("NotImplemented should not be used in a boolean context");

    /* an exact int from __index__ does not warn */
    assert_int(ob_number_index(I(4)), 4);
    assert_int_equal(rec.calls, 0);
    ob_err_set_warn_hook(NULL);
}

/* With warnings turned into errors (-W error), each conversion fails
 * with the warning as the exception. */
static void test_warnings_as_errors(void **state)
{
    hook_reset(1);
    assert_null(ob_number_index(with_dunder("__index__", 0)));
    assert_raised(ob_exc_DeprecationWarning, NULL);
    assert_int_equal(ob_number_as_ssize(with_dunder("__index__", 0), NULL), -1);
    assert_raised(ob_exc_DeprecationWarning, NULL);
    assert_null(ob_number_long(with_dunder("__int__", 0)));
    assert_raised(ob_exc_DeprecationWarning, NULL);
    assert_null(ob_number_long(with_dunder("__trunc__", 0)));
    assert_raised(ob_exc_DeprecationWarning, "The delegation of int() to __trunc__ is deprecated.");
    assert_null(ob_number_float(with_dunder("__float__", 1)));
    assert_raised(ob_exc_DeprecationWarning, NULL);
    assert_null(tu_call((KnObject *)&ob_complex_type, 1, with_dunder("__complex__", 2)));
    assert_raised(ob_exc_DeprecationWarning, NULL);
    assert_int_equal(ob_is_true(KN_NotImplemented), -1);
    assert_raised(ob_exc_DeprecationWarning, "NotImplemented should not be used in a boolean context");
    ob_err_set_warn_hook(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fallback),
        cmocka_unit_test(test_bad_category),
        cmocka_unit_test(test_hook),
        cmocka_unit_test(test_number_conversions_warn),
        cmocka_unit_test(test_warnings_as_errors),
    };
    return cmocka_run_group_tests(tests, tu_setup, NULL);
}
