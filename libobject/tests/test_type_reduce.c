/* test_type_reduce.c — object.__reduce_ex__ / __reduce__ / __getstate__
 * for class instances (src/object_type.c), with a stand-in copyreg
 * module served by the import hook. */
#include "type_new.h"
#include "test_type_helpers.h"

static KnObject *copyreg;
static KnObject *newobj_fn, *newobj_ex_fn;
static KnObject *reduce_ex_args;

static KnObject *f_newobj(KnObject *const *a, kn_ssize_t n, KnObject *kw) { return KN_None; }
static KnObject *f_reduce_ex(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    reduce_ex_args = ob_tuple_from_array(a, n);
    return S("old protocol");
}

static KnObject *import_hook(KnObject *name)
{
    if (!ob_str_equal_cstr(name, "copyreg"))
        return ob_err_format(ob_exc_ImportError, "no module named %U", name);
    return copyreg;
}

static int setup(void **state)
{
    if (setup_runtime(state) < 0)
        return -1;
    copyreg = ob_module_new_cstr("copyreg");
    newobj_fn = fn(f_newobj);
    newobj_ex_fn = fn(f_newobj);
    if (copyreg == NULL || ob_module_add_object(copyreg, "__newobj__", newobj_fn) < 0 ||
        ob_module_add_object(copyreg, "__newobj_ex__", newobj_ex_fn) < 0 ||
        ob_module_add_object(copyreg, "_reduce_ex", fn(f_reduce_ex)) < 0)
        return -1;
    KnClassHooks h = ob_type_hooks;
    h.import_module = import_hook;
    ob_type_set_hooks(&h);
    return 0;
}

static KnObject *reduce_ex(KnObject *o, long proto)
{
    KnObject *r = callm(o, "__reduce_ex__", 1, I(proto));
    assert_non_null(r);
    return r;
}

static void test_plain_instance(void **state)
{
    KnObject *B = mkclass("B", bases0(), ns(NULL));
    KnObject *b = call0(B);
    KnObject *r = reduce_ex(b, 2);
    assert_int_equal(KN_SIZE(r), 5);
    assert_ptr_equal(KN_TUPLE_GET(r, 0), newobj_fn);
    KnObject *args = KN_TUPLE_GET(r, 1);
    assert_int_equal(KN_SIZE(args), 1);
    assert_ptr_equal(KN_TUPLE_GET(args, 0), B);
    assert_ptr_equal(KN_TUPLE_GET(r, 2), KN_None);
    assert_ptr_equal(KN_TUPLE_GET(r, 3), KN_None);
    assert_ptr_equal(KN_TUPLE_GET(r, 4), KN_None);
    assert_ptr_equal(callm(b, "__getstate__", 0, NULL), KN_None);
    ob_setattr(b, S("z"), I(1));
    KnObject *st = KN_TUPLE_GET(reduce_ex(b, 4), 2);
    assert_true(KN_DICT_CHECK(st));
    assert_int_equal(as_long(ob_dict_getitem(st, S("z"))), 1);
    /* protocols 0 and 1 go to copyreg._reduce_ex(obj, proto) */
    assert_string_equal(cstr(reduce_ex(b, 1)), "old protocol");
    assert_ptr_equal(KN_TUPLE_GET(reduce_ex_args, 0), b);
    assert_int_equal(as_long(KN_TUPLE_GET(reduce_ex_args, 1)), 1);
    assert_string_equal(cstr(callm(b, "__reduce__", 0, NULL)), "old protocol");
    assert_int_equal(as_long(KN_TUPLE_GET(reduce_ex_args, 1)), 0);
    assert_null(callm(b, "__reduce_ex__", 1, KN_None));
    expect_error(ob_exc_TypeError, "'NoneType' object cannot be interpreted as an integer");
}

static void test_slots_state(void **state)
{
    KnObject *A = mkclass("A", bases0(), ns("__slots__", ob_tuple_pack(2, S("a"), S("__b")), NULL));
    KnObject *a = call0(A);
    ob_setattr(a, S("a"), I(1));
    KnObject *st = callm(a, "__getstate__", 0, NULL);
    assert_true(KN_TUPLE_CHECK(st));
    assert_ptr_equal(KN_TUPLE_GET(st, 0), KN_None);
    KnObject *slots = KN_TUPLE_GET(st, 1);
    assert_int_equal(ob_dict_size(slots), 1);
    assert_int_equal(as_long(ob_dict_getitem(slots, S("a"))), 1);
    /* the names are cached on the class, mangled */
    KnObject *names = ob_dict_getitem(((KnTypeObject *)A)->tp_dict, S("__slotnames__"));
    assert_non_null(names);
    assert_int_equal(KN_SIZE(names), 2);
    assert_string_equal(cstr(KN_LIST_GET(names, 1)), "_A__b");
    ob_setattr(a, S("_A__b"), I(2));
    KnObject *r = reduce_ex(a, 2);
    assert_int_equal(ob_dict_size(KN_TUPLE_GET(KN_TUPLE_GET(r, 2), 1)), 2);
}

static KnObject *f_newargs(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    return ob_tuple_pack(1, I(7));
}

static KnObject *f_newargs_bad(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    return I(5);
}

static KnObject *f_newargs_ex(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    KnObject *d = ob_dict_new();
    ob_dict_setitem(d, S("k"), I(1));
    return ob_tuple_pack(2, ob_tuple_pack(1, I(3)), d);
}

static KnObject *f_custom_reduce(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    return S("custom");
}

static void test_newargs_and_overrides(void **state)
{
    KnObject *W = mkclass("W", bases0(), ns("__getnewargs__", fn(f_newargs), NULL));
    KnObject *r = reduce_ex(call0(W), 2);
    KnObject *args = KN_TUPLE_GET(r, 1);
    assert_int_equal(KN_SIZE(args), 2);
    assert_int_equal(as_long(KN_TUPLE_GET(args, 1)), 7);
    KnObject *Bad = mkclass("Bad", bases0(), ns("__getnewargs__", fn(f_newargs_bad), NULL));
    assert_null(callm(call0(Bad), "__reduce_ex__", 1, I(2)));
    expect_error(ob_exc_TypeError, "__getnewargs__ should return a tuple, not 'int'");
    KnObject *X = mkclass("X", bases0(), ns("__getnewargs_ex__", fn(f_newargs_ex), NULL));
    r = reduce_ex(call0(X), 4);
    assert_ptr_equal(KN_TUPLE_GET(r, 0), newobj_ex_fn);
    assert_int_equal(KN_SIZE(KN_TUPLE_GET(r, 1)), 3);
    KnObject *C = mkclass("C", bases0(), ns("__reduce__", fn(f_custom_reduce), NULL));
    assert_string_equal(cstr(reduce_ex(call0(C), 2)), "custom");
}

static void test_builtin_subclasses(void **state)
{
    KnObject *L = mkclass("L", bases1((KnObject *)&ob_list_type), ns(NULL));
    KnObject *l = call0(L);
    ob_list_append(l, I(1));
    KnObject *r = reduce_ex(l, 2);
    KnObject *it = KN_TUPLE_GET(r, 3);
    {
        KnObject *x = ob_iter_next(it);
        assert_int_equal(as_long(x), 1);
        assert_null(ob_iter_next(it));
    }
    assert_ptr_equal(KN_TUPLE_GET(r, 4), KN_None);
    KnObject *D = mkclass("D", bases1((KnObject *)&ob_dict_type), ns(NULL));
    KnObject *d = call0(D);
    ob_dict_setitem(d, S("k"), I(2));
    r = reduce_ex(d, 2);
    KnObject *pair = ob_iter_next(KN_TUPLE_GET(r, 4));
    assert_true(KN_TUPLE_CHECK(pair));
    assert_string_equal(cstr(KN_TUPLE_GET(pair, 0)), "k");
    /* int subclasses rebuild from __getnewargs__ */
    KnObject *V = mkclass("V", bases1((KnObject *)&ob_int_type), ns(NULL));
    r = reduce_ex(ob_call_onearg(V, I(3)), 2);
    assert_int_equal(as_long(KN_TUPLE_GET(KN_TUPLE_GET(r, 1), 1)), 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_instance),
        cmocka_unit_test(test_slots_state),
        cmocka_unit_test(test_newargs_and_overrides),
        cmocka_unit_test(test_builtin_subclasses),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
