/*
 * test_module.c — module objects (src/module.c), cells (src/cell.c) and
 * mappingproxy (src/mappingproxy.c).
 */
#include "test_abstract_util.h"

static int setup(void **state) { return tu_setup(state); }

static KnObject *getattr(KnObject *o, const char *name) { return ob_getattr_str(o, name); }
static int setattr(KnObject *o, const char *name, KnObject *v) { return ob_setattr_str(o, name, v); }

/* ----------------------------------------------------------- module */

static void test_module_new(void **state)
{
    KnObject *m = ob_module_new_cstr("x");
    assert_non_null(m);
    assert_ptr_equal(KN_TYPE(m), &ob_module_type);
    assert_true(KN_MODULE_CHECK(m));
    KnObject *d = ob_module_get_dict(m);
    assert_repr(d, "{'__name__': 'x', '__doc__': None, '__package__': None, "
                   "'__loader__': None, '__spec__': None}");
    assert_ptr_equal(getattr(m, "__dict__"), d);
    assert_str(getattr(m, "__name__"), "x");
    assert_ptr_equal(getattr(m, "__doc__"), KN_None);
    assert_repr(ob_type_of(m), "<class 'module'>");
    assert_null(ob_module_new(I(1)));
    assert_raised(ob_exc_TypeError, "module name must be str, not int");
    assert_null(ob_module_get_dict(I(1)));
    assert_raised(ob_exc_SystemError, NULL);
}

static void test_module_call_type(void **state)
{
    KnObject *m = tu_call((KnObject *)&ob_module_type, 2, S("q"), S("the doc"));
    assert_non_null(m);
    assert_str(getattr(m, "__doc__"), "the doc");
    assert_repr(m, "<module 'q'>");
    assert_null(tu_call((KnObject *)&ob_module_type, 1, I(1)));
    assert_raised(ob_exc_TypeError, "module() argument 'name' must be str, not int");
    assert_null(tu_call((KnObject *)&ob_module_type, 0));
    assert_raised(ob_exc_TypeError, "module() missing required argument 'name' (pos 1)");
    assert_null(tu_call((KnObject *)&ob_module_type, 3, S("a"), S("b"), S("c")));
    assert_raised(ob_exc_TypeError, "module() takes at most 2 arguments (3 given)");
}

static void test_module_attributes(void **state)
{
    KnObject *m = ob_module_new_cstr("x");
    assert_int_equal(setattr(m, "v", I(5)), 0);
    assert_int(getattr(m, "v"), 5);
    assert_int(ob_dict_getitem_str(ob_module_get_dict(m), "v"), 5);
    assert_int_equal(setattr(m, "v", NULL), 0);
    assert_null(getattr(m, "v"));
    assert_raised(ob_exc_AttributeError, "module 'x' has no attribute 'v'");
    /* the AttributeError carries name and obj */
    assert_null(getattr(m, "y"));
    KnObject *e = ob_err_fetch();
    assert_str(((KnAttributeErrorObject *)e)->name, "y");
    assert_ptr_equal(((KnAttributeErrorObject *)e)->obj, m);
    /* no (str) __name__: the short message */
    assert_int_equal(ob_dict_delitem(ob_module_get_dict(m), S("__name__")), 0);
    assert_null(getattr(m, "zz"));
    assert_raised(ob_exc_AttributeError, "module has no attribute 'zz'");
    /* __dict__ is read-only */
    assert_int_equal(setattr(m, "__dict__", ob_dict_new()), -1);
    assert_raised(ob_exc_AttributeError, NULL);
}

static KnObject *twice(KnObject *self, KnObject *name) { return ob_str_concat(name, name); }
static KnMethodDef twice_def = { "__getattr__", twice, KN_METH_O, NULL };

static void test_module_getattr_hook(void **state)
{
    KnObject *m = ob_module_new_cstr("x");
    assert_int_equal(setattr(m, "__getattr__", ob_cfunction_new(&twice_def, NULL, NULL)), 0);
    assert_str(getattr(m, "ab"), "abab");
    /* real attributes never reach the hook */
    assert_int_equal(setattr(m, "real", I(1)), 0);
    assert_int(getattr(m, "real"), 1);
}

static void test_module_partially_initialized(void **state)
{
    KnObject *spec = ob_module_new_cstr("spec");
    assert_int_equal(setattr(spec, "_initializing", KN_True), 0);
    KnObject *m = ob_module_new_cstr("z");
    assert_int_equal(setattr(m, "__spec__", spec), 0);
    assert_null(getattr(m, "nope"));
    assert_raised(ob_exc_AttributeError, "partially initialized module 'z' has no attribute "
                                         "'nope' (most likely due to a circular import)");
    assert_int_equal(setattr(spec, "_initializing", KN_False), 0);
    assert_null(getattr(m, "nope"));
    assert_raised(ob_exc_AttributeError, "module 'z' has no attribute 'nope'");
}

static KnObject *custom_repr(KnObject *self, KnObject *m) { return S("<custom>"); }
static KnMethodDef custom_repr_def = { "module_repr", custom_repr, KN_METH_O, NULL };

static void test_module_repr(void **state)
{
    KnObject *m = ob_module_new_cstr("x");
    assert_repr(m, "<module 'x'>");
    assert_int_equal(setattr(m, "__loader__", S("LD")), 0);
    assert_repr(m, "<module 'x' ('LD')>");
    assert_int_equal(setattr(m, "__file__", S("/a/b.py")), 0);
    assert_repr(m, "<module 'x' from '/a/b.py'>");
    assert_int_equal(setattr(m, "__name__", NULL), 0);
    assert_repr(m, "<module '?' from '/a/b.py'>");

    /* from the spec: name, origin, has_location, loader */
    KnObject *spec = ob_module_new_cstr("sp");
    assert_int_equal(setattr(spec, "name", S("sp")), 0);
    assert_int_equal(setattr(spec, "origin", S("built-in")), 0);
    assert_int_equal(setattr(spec, "has_location", KN_False), 0);
    assert_int_equal(setattr(spec, "loader", KN_None), 0);
    KnObject *m2 = ob_module_new_cstr("other");
    assert_int_equal(setattr(m2, "__spec__", spec), 0);
    assert_repr(m2, "<module 'sp' (built-in)>");
    assert_int_equal(setattr(spec, "has_location", KN_True), 0);
    assert_repr(m2, "<module 'sp' from 'built-in'>");
    assert_int_equal(setattr(spec, "origin", KN_None), 0);
    assert_repr(m2, "<module 'sp'>");
    assert_int_equal(setattr(spec, "loader", S("L")), 0);
    assert_repr(m2, "<module 'sp' ('L')>");
    assert_int_equal(setattr(spec, "name", KN_None), 0);
    assert_repr(m2, "<module '?' ('L')>");

    /* a loader with module_repr() */
    KnObject *loader = ob_module_new_cstr("loader");
    assert_int_equal(setattr(loader, "module_repr",
                             ob_cfunction_new(&custom_repr_def, NULL, NULL)), 0);
    KnObject *m3 = ob_module_new_cstr("m3");
    assert_int_equal(setattr(m3, "__loader__", loader), 0);
    assert_repr(m3, "<custom>");
}

static KnObject *my_dir(KnObject *self, KnObject *unused)
{
    return ob_list_from_array((KnObject *[]){ S("b"), S("a") }, 2);
}
static KnMethodDef my_dir_def = { "__dir__", my_dir, KN_METH_NOARGS, NULL };

static void test_module_dir_and_annotations(void **state)
{
    KnObject *m = ob_module_new_cstr("q");
    assert_repr(ob_dir(m), "['__doc__', '__loader__', '__name__', '__package__', '__spec__']");
    assert_repr(getattr(m, "__annotations__"), "{}");
    assert_repr(ob_dir(m),
                "['__annotations__', '__doc__', '__loader__', '__name__', '__package__', "
                "'__spec__']");
    assert_int_equal(setattr(m, "__annotations__", NULL), 0);
    assert_int_equal(setattr(m, "__annotations__", NULL), -1);
    assert_raised(ob_exc_AttributeError, "__annotations__");
    assert_int_equal(setattr(m, "__dir__", ob_cfunction_new(&my_dir_def, NULL, NULL)), 0);
    assert_repr(ob_dir(m), "['a', 'b']");
}

static KnObject *mod_self(KnObject *self, KnObject *unused) { return self; }
static KnMethodDef mod_functions[] = {
    { "me", mod_self, KN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL },
};
static KnMethodDef bad_functions[] = {
    { "cm", mod_self, KN_METH_NOARGS | KN_METH_CLASS, NULL },
    { NULL, NULL, 0, NULL },
};

static void test_module_add(void **state)
{
    KnObject *m = ob_module_new_cstr("cmod");
    assert_int_equal(ob_module_add_functions(m, mod_functions), 0);
    KnObject *f = getattr(m, "me");
    assert_repr(f, "<built-in function me>");
    assert_ptr_equal(ob_call_noargs(f), m);
    assert_str(((KnCFunctionObject *)f)->m_module, "cmod");
    assert_int_equal(ob_module_add_object(m, "k", I(3)), 0);
    assert_int(getattr(m, "k"), 3);
    assert_int_equal(ob_module_add_object(m, "k", NULL), -1);
    assert_raised(ob_exc_SystemError, NULL);
    assert_int_equal(ob_module_add_functions(m, bad_functions), -1);
    assert_raised(ob_exc_ValueError, "module functions cannot set METH_CLASS or METH_STATIC");
}

/* ------------------------------------------------------------- cell */

static void test_cell(void **state)
{
    KnObject *c = ob_cell_new(NULL);
    assert_ptr_equal(KN_TYPE(c), &ob_cell_type);
    KnObject *r = ob_repr(c);
    assert_non_null(r);
    assert_true(strstr(ob_str_as_utf8(r, NULL), ": empty>") != NULL);
    assert_null(getattr(c, "cell_contents"));
    assert_raised(ob_exc_ValueError, "Cell is empty");
    assert_int_equal(setattr(c, "cell_contents", I(4)), 0);
    assert_int(getattr(c, "cell_contents"), 4);
    assert_int(KN_CELL_GET(c), 4);
    r = ob_repr(c);
    assert_true(strstr(ob_str_as_utf8(r, NULL), ": int object at 0x") != NULL);
    assert_int_equal(setattr(c, "cell_contents", NULL), 0);
    assert_null(KN_CELL_GET(c));
    KN_CELL_SET(c, S("s"));
    assert_str(getattr(c, "cell_contents"), "s");

    assert_int_equal(ob_hash(c), -1);
    assert_raised(ob_exc_TypeError, "unhashable type: 'cell'");
}

static void test_cell_compare_and_new(void **state)
{
    KnObject *one = ob_cell_new(I(1)), *two = ob_cell_new(I(2)), *empty = ob_cell_new(NULL);
    assert_int_equal(ob_richcompare_bool(one, ob_cell_new(I(1)), KN_EQ), 1);
    assert_int_equal(ob_richcompare_bool(one, two, KN_LT), 1);
    assert_int_equal(ob_richcompare_bool(empty, two, KN_LT), 1);
    assert_int_equal(ob_richcompare_bool(empty, ob_cell_new(NULL), KN_EQ), 1);
    assert_int_equal(ob_richcompare_bool(two, empty, KN_LE), 0);
    assert_int_equal(ob_richcompare_bool(one, I(1), KN_EQ), 0);
    assert_int_equal(ob_richcompare_bool(one, ob_cell_new(S("a")), KN_LT), -1);
    assert_raised(ob_exc_TypeError, "'<' not supported between instances of 'int' and 'str'");

    KnObject *c = tu_call((KnObject *)&ob_cell_type, 1, I(9));
    assert_int(KN_CELL_GET(c), 9);
    c = tu_call((KnObject *)&ob_cell_type, 0);
    assert_null(KN_CELL_GET(c));
    assert_null(tu_call((KnObject *)&ob_cell_type, 2, I(1), I(2)));
    assert_raised(ob_exc_TypeError, "cell expected at most 1 argument, got 2");
}

/* ----------------------------------------------------- mappingproxy */

static KnObject *dict_ab(void)
{
    KnObject *d = ob_dict_new();
    assert_int_equal(ob_dict_setitem(d, S("a"), I(1)), 0);
    assert_int_equal(ob_dict_setitem(d, S("b"), I(2)), 0);
    return d;
}

static void test_mappingproxy_reads(void **state)
{
    KnObject *d = dict_ab();
    KnObject *p = ob_mappingproxy_new(d);
    assert_non_null(p);
    assert_repr(p, "mappingproxy({'a': 1, 'b': 2})");
    assert_str(ob_str(p), "{'a': 1, 'b': 2}");
    assert_int(ob_getitem(p, S("a")), 1);
    assert_null(ob_getitem(p, S("z")));
    assert_raised(ob_exc_KeyError, "'z'");
    assert_int_equal(ob_length(p), 2);
    assert_int_equal(ob_contains(p, S("b")), 1);
    assert_int_equal(ob_contains(p, S("z")), 0);
    assert_list_repr(p, "['a', 'b']");
    assert_int(ob_call_method(p, "get", 1, S("a")), 1);
    assert_ptr_equal(ob_call_method(p, "get", 1, S("z")), KN_None);
    assert_int(ob_call_method(p, "get", 2, S("z"), I(5)), 5);
    assert_null(ob_call_method(p, "get", 0));
    assert_raised(ob_exc_TypeError, "get expected at least 1 argument, got 0");
    assert_list_repr(ob_call_method(p, "keys", 0), "['a', 'b']");
    assert_list_repr(ob_call_method(p, "values", 0), "[1, 2]");
    assert_list_repr(ob_call_method(p, "items", 0), "[('a', 1), ('b', 2)]");
    assert_list_repr(ob_call_method(p, "__reversed__", 0), "['b', 'a']");
    KnObject *copy = ob_call_method(p, "copy", 0);
    assert_true(copy != d && KN_DICT_CHECK_EXACT(copy));
    assert_repr(copy, "{'a': 1, 'b': 2}");
    /* a live view */
    assert_int_equal(ob_dict_setitem(d, S("c"), I(3)), 0);
    assert_int_equal(ob_length(p), 3);
    assert_int_equal(ob_richcompare_bool(p, d, KN_EQ), 1);
    assert_int_equal(ob_hash(p), -1);
    assert_raised(ob_exc_TypeError, "unhashable type: 'mappingproxy'");
}

static void test_mappingproxy_read_only(void **state)
{
    KnObject *p = ob_mappingproxy_new(dict_ab());
    assert_int_equal(ob_setitem(p, S("a"), I(0)), -1);
    assert_raised(ob_exc_TypeError, "'mappingproxy' object does not support item assignment");
    assert_int_equal(ob_delitem(p, S("a")), -1);
    assert_raised(ob_exc_TypeError, "'mappingproxy' object does not support item deletion");
    assert_int_equal(setattr(p, "x", I(1)), -1);
    assert_raised(ob_exc_AttributeError, NULL);
    KnObject *other = ob_dict_new();
    assert_int_equal(ob_dict_setitem(other, S("b"), I(9)), 0);
    assert_repr(ob_number_or(p, other), "{'a': 1, 'b': 9}");
    assert_repr(ob_number_or(other, p), "{'b': 2, 'a': 1}");
    assert_null(ob_number_inplace_or(p, other));
    assert_raised(ob_exc_TypeError, "'|=' is not supported by mappingproxy; use '|' instead");
}

static void test_mappingproxy_new(void **state)
{
    assert_null(ob_mappingproxy_new(ob_list_new(0)));
    assert_raised(ob_exc_TypeError, "mappingproxy() argument must be a mapping, not list");
    assert_null(ob_mappingproxy_new(I(1)));
    assert_raised(ob_exc_TypeError, "mappingproxy() argument must be a mapping, not int");
    KnObject *type = (KnObject *)&ob_mappingproxy_type;
    KnObject *pp = tu_call(type, 1, ob_mappingproxy_new(dict_ab()));
    assert_repr(pp, "mappingproxy(mappingproxy({'a': 1, 'b': 2}))");
    assert_null(tu_call(type, 0));
    assert_raised(ob_exc_TypeError, "mappingproxy() missing required argument 'mapping' (pos 1)");
    assert_null(tu_call(type, 2, ob_dict_new(), ob_dict_new()));
    assert_raised(ob_exc_TypeError, "mappingproxy() takes at most 1 argument (2 given)");
    /* a class's __dict__ is one */
    KnObject *cd = getattr((KnObject *)&ob_int_type, "__dict__");
    assert_non_null(cd);
    assert_ptr_equal(KN_TYPE(cd), &ob_mappingproxy_type);
    assert_int_equal(ob_contains(cd, S("bit_length")), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_module_new),
        cmocka_unit_test(test_module_call_type),
        cmocka_unit_test(test_module_attributes),
        cmocka_unit_test(test_module_getattr_hook),
        cmocka_unit_test(test_module_partially_initialized),
        cmocka_unit_test(test_module_repr),
        cmocka_unit_test(test_module_dir_and_annotations),
        cmocka_unit_test(test_module_add),
        cmocka_unit_test(test_cell),
        cmocka_unit_test(test_cell_compare_and_new),
        cmocka_unit_test(test_mappingproxy_reads),
        cmocka_unit_test(test_mappingproxy_read_only),
        cmocka_unit_test(test_mappingproxy_new),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
