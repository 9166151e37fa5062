/*
 * test_exceptions_misc.c — the ob-fixes part's other corrections, checked
 * against python3.11: bool's instance size (src/bool.c), the pattern
 * matching flags of complex and bytearray, and types.MethodType(f, obj)
 * (src/func.c).  libcapi's test_layout compares the same sizes and flags
 * with CPython's for every type; these pin the behaviour behind them.
 */
#include "test_abstract_util.h"
#include "libobject/bytes.h"
#include "libobject/complex.h"

static void test_bool_size(void **state)
{
    /* CPython: bool.__basicsize__ 32, __itemsize__ 4 (a whole PyLongObject) */
    assert_int_equal(ob_bool_type.tp_basicsize, 32);
    assert_int_equal(ob_bool_type.tp_itemsize, 4);
    assert_int_equal(ob_bool_type.tp_basicsize, sizeof(KnLongObject));
    assert_int(ob_number_add(KN_True, KN_True), 2);
    assert_repr(tu_call((KnObject *)&ob_bool_type, 1, I(5)), "True");
}

/* `case complex(x)` raises TypeError in CPython (no MATCH_SELF);
 * `case [a, b]` does not match a bytearray (not a SEQUENCE). */
static void test_pattern_flags(void **state)
{
    assert_false(KN_TYPE_HAS_FLAG(&ob_complex_type, KN_TPFLAGS_MATCH_SELF));
    assert_false(KN_TYPE_HAS_FLAG(&ob_bytearray_type, KN_TPFLAGS_SEQUENCE));
    assert_true(KN_TYPE_HAS_FLAG(&ob_bytearray_type, KN_TPFLAGS_MATCH_SELF));
    assert_true(KN_TYPE_HAS_FLAG(&ob_float_type, KN_TPFLAGS_MATCH_SELF));
    assert_true(KN_TYPE_HAS_FLAG(&ob_list_type, KN_TPFLAGS_SEQUENCE));
}

static KnObject *pack_args(KnObject *self, KnObject *args) { return args; }
static KnMethodDef pack_def = { "pack", (KnCFunction)pack_args, KN_METH_VARARGS, NULL };

static void test_method_type(void **state)
{
    KnObject *M = (KnObject *)&ob_method_type;
    assert_false(KN_TYPE_HAS_FLAG(&ob_method_type, KN_TPFLAGS_DISALLOW_INSTANTIATION));
    assert_false(KN_TYPE_HAS_FLAG(&ob_method_type, KN_TPFLAGS_BASETYPE));
    /* bound to obj: calling prepends it (len bound to a list is len(list)) */
    KnObject *lst = ob_list_new(0);
    assert_int_equal(ob_list_append(lst, I(1)), 0);
    assert_int_equal(ob_list_append(lst, I(2)), 0);
    KnObject *len = ob_getattr((KnObject *)&ob_list_type, S("__len__"));
    KnObject *m = tu_call(M, 2, len, lst);
    assert_non_null(m);
    assert_ptr_equal(KN_TYPE(m), &ob_method_type);
    assert_ptr_equal(ob_getattr(m, S("__self__")), lst);
    assert_ptr_equal(ob_getattr(m, S("__func__")), len);
    assert_int(tu_call(m, 0), 2);
    KnObject *f = ob_cfunction_new(&pack_def, NULL, NULL);
    assert_repr(tu_call(tu_call(M, 2, f, I(7)), 1, I(8)), "(7, 8)");

    assert_null(tu_call(M, 2, I(1), I(1)));
    assert_raised(ob_exc_TypeError, "first argument must be callable");
    assert_null(tu_call(M, 2, f, KN_None));
    assert_raised(ob_exc_TypeError, "instance must not be None");
    assert_null(tu_call(M, 1, f));
    assert_raised(ob_exc_TypeError, "method expected 2 arguments, got 1");
    assert_null(tu_call(M, 3, f, I(1), I(2)));
    assert_raised(ob_exc_TypeError, "method expected 2 arguments, got 3");
    KnObject *kw = ob_dict_new();
    assert_int_equal(ob_dict_setitem(kw, S("x"), I(2)), 0);
    assert_null(ob_call(M, ob_tuple_pack(2, f, I(1)), kw));
    assert_raised(ob_exc_TypeError, "method() takes no keyword arguments");
    assert_str(ob_getattr(M, S("__doc__")), "Create a bound instance method object.");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bool_size),
        cmocka_unit_test(test_pattern_flags),
        cmocka_unit_test(test_method_type),
    };
    return cmocka_run_group_tests(tests, tu_setup, NULL);
}
