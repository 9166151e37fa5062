/*
 * test_exceptions.c — BaseExceptionGroup / ExceptionGroup (src/exc_group.c).
 * Every expected value and message is python3.11's.
 *
 * split()/subgroup() accept Python functions only; libjit's function type
 * does not exist here, so the setup registers builtin functions as "the
 * function type" through the class hooks (what libjit does with its own).
 */
#include "test_abstract_util.h"
#include "libobject/set.h"

#define BEG ((KnObject *)ob_exc_BaseExceptionGroup)
#define EGT ((KnObject *)ob_exc_ExceptionGroup)

static KnObject *exc(KnTypeObject *t, long long v)
{
    KnObject *e = tu_call((KnObject *)t, 1, I(v));
    assert_non_null(e);
    return e;
}

static KnObject *list_of(int n, ...)
{
    KnObject *l = ob_list_new(0);
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++)
        assert_int_equal(ob_list_append(l, va_arg(ap, KnObject *)), 0);
    va_end(ap);
    return l;
}

static KnObject *group(KnObject *cls, const char *msg, KnObject *excs)
{
    KnObject *g = tu_call(cls, 2, S(msg), excs);
    assert_non_null(g);
    return g;
}

/* class name(bases...) with an empty namespace (and `extra` entries). */
static KnObject *make_class(const char *name, KnObject *bases, KnObject *dict)
{
    KnObject *cls = ob_type_new(&ob_type_type, S(name), bases, dict ? dict : ob_dict_new());
    assert_non_null(cls);
    return cls;
}

static KnObject *is_key_error(KnObject *self, KnObject *e)
{
    return KN_BOOL(KN_TYPE(e) == ob_exc_KeyError);
}
static KnObject *always(KnObject *self, KnObject *e) { return KN_True; }
static KnObject *explode(KnObject *self, KnObject *e)
{
    return ob_err_format(ob_exc_ZeroDivisionError, "division by zero");
}
static KnObject *derive_five(KnObject *self, KnObject *excs) { return I(5); }

static KnMethodDef pred_defs[] = {
    { "is_key_error", (KnCFunction)is_key_error, KN_METH_O, NULL },
    { "always", (KnCFunction)always, KN_METH_O, NULL },
    { "explode", (KnCFunction)explode, KN_METH_O, NULL },
    { "derive", (KnCFunction)derive_five, KN_METH_O, NULL },
};

static KnObject *fn(int i)
{
    KnObject *f = ob_cfunction_new(&pred_defs[i], NULL, NULL);
    assert_non_null(f);
    return f;
}

static int setup(void **state)
{
    if (tu_setup(state) < 0)
        return -1;
    ob_type_set_hooks(&(KnClassHooks){ .function_type = &ob_cfunction_type });
    return 0;
}

/* ---- construction ---- */

static void test_constructor_checks(void **state)
{
    assert_null(tu_call(EGT, 2, S("m"), I(1)));
    assert_raised(ob_exc_TypeError, "second argument (exceptions) must be a sequence");
    assert_null(tu_call(EGT, 2, S("m"), ob_set_new(NULL)));
    assert_raised(ob_exc_TypeError, "second argument (exceptions) must be a sequence");
    assert_null(tu_call(EGT, 2, S("m"), ob_list_new(0)));
    assert_raised(ob_exc_ValueError, "second argument (exceptions) must be a non-empty sequence");
    assert_null(tu_call(EGT, 2, S("m"), list_of(1, I(1))));
    assert_raised(ob_exc_ValueError, "Item 0 of second argument (exceptions) is not an exception");
    assert_null(tu_call(EGT, 2, S("m"), list_of(2, exc(ob_exc_ValueError, 1), I(1))));
    assert_raised(ob_exc_ValueError, "Item 1 of second argument (exceptions) is not an exception");
    /* a class is not an instance; a str is a sequence of non-exceptions */
    assert_null(tu_call(EGT, 2, S("m"), list_of(1, (KnObject *)ob_exc_ValueError)));
    assert_raised(ob_exc_ValueError, "Item 0 of second argument (exceptions) is not an exception");
    assert_null(tu_call(EGT, 2, S("m"), S("ab")));
    assert_raised(ob_exc_ValueError, "Item 0 of second argument (exceptions) is not an exception");
    assert_null(tu_call(EGT, 2, S("m"), list_of(1, tu_call((KnObject *)ob_exc_KeyboardInterrupt, 0))));
    assert_raised(ob_exc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
    assert_null(tu_call(EGT, 2, I(1), list_of(1, exc(ob_exc_ValueError, 1))));
    assert_raised(ob_exc_TypeError, "BaseExceptionGroup.__new__() argument 1 must be str, not int");
    assert_null(tu_call(EGT, 1, S("m")));
    assert_raised(ob_exc_TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (1 given)");
    assert_null(tu_call(EGT, 3, S("m"), list_of(1, exc(ob_exc_ValueError, 1)), I(3)));
    assert_raised(ob_exc_TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (3 given)");
    /* keywords: __new__ ignores them, BaseException.__init__ refuses them */
    KnObject *kw = ob_dict_new();
    assert_int_equal(ob_dict_setitem(kw, S("x"), I(1)), 0);
    KnObject *args = ob_tuple_pack(2, S("m"), list_of(1, exc(ob_exc_ValueError, 1)));
    assert_null(ob_call(BEG, args, kw));
    assert_raised(ob_exc_TypeError, "ExceptionGroup() takes no keyword arguments");
}

static void test_class_choice(void **state)
{
    KnObject *ki = tu_call((KnObject *)ob_exc_KeyboardInterrupt, 0);
    KnObject *g = group(BEG, "m", list_of(1, exc(ob_exc_ValueError, 1)));
    assert_ptr_equal(KN_TYPE(g), ob_exc_ExceptionGroup);
    assert_repr(g, "ExceptionGroup('m', [ValueError(1)])");
    g = group(BEG, "m", list_of(2, exc(ob_exc_ValueError, 1), ki));
    assert_ptr_equal(KN_TYPE(g), ob_exc_BaseExceptionGroup);
    assert_repr(g, "BaseExceptionGroup('m', [ValueError(1), KeyboardInterrupt()])");

    /* subclasses keep their class; one that is also an Exception refuses
     * BaseExceptions by name */
    KnObject *my_beg = make_class("MyBEG", ob_tuple_pack(1, BEG), NULL);
    g = group(my_beg, "m", list_of(1, exc(ob_exc_ValueError, 1)));
    assert_ptr_equal(KN_TYPE(g), (KnTypeObject *)my_beg);
    KnObject *my_e = make_class("MyE", ob_tuple_pack(2, BEG, (KnObject *)ob_exc_Exception), NULL);
    assert_null(tu_call(my_e, 2, S("m"), list_of(1, ki)));
    assert_raised(ob_exc_TypeError, "Cannot nest BaseExceptions in 'MyE'");
    KnObject *my_eg = make_class("MyEG", ob_tuple_pack(1, EGT), NULL);
    assert_null(tu_call(my_eg, 2, S("m"), list_of(1, ki)));
    assert_raised(ob_exc_TypeError, "Cannot nest BaseExceptions in 'MyEG'");
    assert_repr(group(my_eg, "m", list_of(1, exc(ob_exc_ValueError, 2))), "MyEG('m', [ValueError(2)])");
}

static void test_attributes_and_str(void **state)
{
    KnObject *seq = ob_tuple_pack(2, exc(ob_exc_ValueError, 1), exc(ob_exc_TypeError, 2));
    KnObject *g = group(EGT, "m", seq);
    assert_str(ob_getattr(g, S("message")), "m");
    KnObject *excs = ob_getattr(g, S("exceptions"));
    assert_true(KN_TUPLE_CHECK(excs));
    assert_ptr_equal(excs, ob_getattr(g, S("exceptions")));
    assert_repr(excs, "(ValueError(1), TypeError(2))");
    assert_repr(ob_getattr(g, S("args")), "('m', (ValueError(1), TypeError(2)))");
    assert_str(ob_str(g), "m (2 sub-exceptions)");
    assert_str(ob_str(group(EGT, "", list_of(1, exc(ob_exc_ValueError, 1)))), " (1 sub-exception)");
    assert_int_equal(ob_setattr(g, S("message"), I(1)), -1);
    assert_raised(ob_exc_AttributeError, "readonly attribute");
    assert_int_equal(ob_setattr(g, S("exceptions"), I(1)), -1);
    assert_raised(ob_exc_AttributeError, "readonly attribute");
    /* str() uses the fields, repr() the args */
    assert_int_equal(ob_setattr(g, S("args"), ob_tuple_pack(3, I(1), I(2), I(3))), 0);
    assert_str(ob_str(g), "m (2 sub-exceptions)");
    assert_repr(g, "ExceptionGroup(1, 2, 3)");
    KnObject *red = ob_call_method(group(EGT, "m", list_of(1, exc(ob_exc_ValueError, 1))),
                                   "__reduce__", 0);
    assert_repr(red, "(<class 'ExceptionGroup'>, ('m', [ValueError(1)]))");
}

/* ExceptionGroup is a mutable heap class with a __weakref__ slot, as in
 * CPython (PyErr_NewException). */
static void test_exception_group_class(void **state)
{
    KnTypeObject *t = ob_exc_ExceptionGroup;
    assert_true(KN_TYPE_HAS_FLAG(t, KN_TPFLAGS_HEAPTYPE));
    assert_false(KN_TYPE_HAS_FLAG(t, KN_TPFLAGS_IMMUTABLETYPE));
    assert_true(KN_TYPE_HAS_FLAG(t, KN_TPFLAGS_BASE_EXC_SUBCLASS));
    assert_int_equal(t->tp_basicsize, 96);
    assert_int_equal(t->tp_weaklistoffset, 88);
    assert_int_equal(t->tp_dictoffset, 16);
    assert_int_equal(ob_exc_BaseExceptionGroup->tp_basicsize, 88);
    assert_repr(ob_getattr(EGT, S("__mro__")),
                "(<class 'ExceptionGroup'>, <class 'BaseExceptionGroup'>, <class 'Exception'>, "
                "<class 'BaseException'>, <class 'object'>)");
    assert_str(ob_getattr(EGT, S("__module__")), "builtins");
    assert_int_equal(ob_setattr(EGT, S("kiln_probe"), I(1)), 0);
    assert_int(ob_getattr(EGT, S("kiln_probe")), 1);
    assert_int_equal(ob_setattr(EGT, S("kiln_probe"), NULL), 0);
    /* BaseExceptionGroup itself stays a static, immutable class */
    assert_int_equal(ob_setattr(BEG, S("kiln_probe"), I(1)), -1);
    assert_raised(ob_exc_TypeError, NULL);
    assert_true(ob_type_is_subtype(t, ob_exc_Exception));
}

static void test_class_getitem(void **state)
{
    KnObject *alias = ob_getitem(EGT, (KnObject *)&ob_int_type);
    assert_non_null(alias);
    assert_ptr_equal(KN_TYPE(alias), &ob_generic_alias_type);
    assert_repr(alias, "ExceptionGroup[int]");
    assert_ptr_equal(ob_getattr(alias, S("__origin__")), EGT);
    assert_repr(ob_getitem(BEG, ob_tuple_pack(2, (KnObject *)&ob_int_type, (KnObject *)&ob_str_type)),
                "BaseExceptionGroup[int, str]");
    assert_str(ob_getattr(ob_getattr(BEG, S("__class_getitem__")), S("__doc__")), "See PEP 585");
}

/* ---- derive, split, subgroup ---- */

/* ExceptionGroup("m", [ValueError(1), TypeError(2),
 *                      ExceptionGroup("n", [ValueError(3), KeyError(4)])]) */
static KnObject *sample(void)
{
    KnObject *inner = group(EGT, "n", list_of(2, exc(ob_exc_ValueError, 3), exc(ob_exc_KeyError, 4)));
    return group(EGT, "m", list_of(3, exc(ob_exc_ValueError, 1), exc(ob_exc_TypeError, 2), inner));
}

static void test_derive(void **state)
{
    KnObject *g = sample();
    KnObject *ki = tu_call((KnObject *)ob_exc_KeyboardInterrupt, 0);
    assert_repr(ob_call_method(g, "derive", 1, list_of(1, ki)),
                "BaseExceptionGroup('m', [KeyboardInterrupt()])");
    assert_repr(ob_call_method(g, "derive", 1, list_of(1, exc(ob_exc_ValueError, 7))),
                "ExceptionGroup('m', [ValueError(7)])");
    assert_null(ob_call_method(g, "derive", 1, I(1)));
    assert_raised(ob_exc_TypeError, "second argument (exceptions) must be a sequence");
    assert_null(ob_call_method(g, "derive", 0));
    assert_raised(ob_exc_TypeError, "function takes exactly 1 argument (0 given)");
}

static void test_subgroup_and_split_by_type(void **state)
{
    KnObject *g = sample();
    KnObject *ve = (KnObject *)ob_exc_ValueError;
    assert_repr(ob_call_method(g, "subgroup", 1, ve),
                "ExceptionGroup('m', [ValueError(1), ExceptionGroup('n', [ValueError(3)])])");
    KnObject *both = ob_tuple_pack(2, ve, (KnObject *)ob_exc_KeyError);
    KnObject *sub = ob_call_method(g, "subgroup", 1, both);
    assert_repr(sub, "ExceptionGroup('m', [ValueError(1), ExceptionGroup('n', [ValueError(3), KeyError(4)])])");
    /* the whole group matching is the group itself */
    assert_ptr_equal(ob_call_method(g, "subgroup", 1, EGT), g);
    assert_ptr_equal(ob_call_method(g, "subgroup", 1, BEG), g);
    assert_ptr_equal(ob_call_method(g, "subgroup", 1, (KnObject *)ob_exc_OSError), KN_None);
    assert_repr(ob_call_method(g, "split", 1, ve),
                "(ExceptionGroup('m', [ValueError(1), ExceptionGroup('n', [ValueError(3)])]), "
                "ExceptionGroup('m', [TypeError(2), ExceptionGroup('n', [KeyError(4)])]))");
    KnObject *r = ob_call_method(g, "split", 1, (KnObject *)ob_exc_BaseException);
    assert_ptr_equal(KN_TUPLE_GET(r, 0), g);
    assert_ptr_equal(KN_TUPLE_GET(r, 1), KN_None);
    /* nothing matches: the rest is rebuilt through derive(), not g */
    r = ob_call_method(g, "split", 1, ob_tuple_empty());
    assert_ptr_equal(KN_TUPLE_GET(r, 0), KN_None);
    assert_ptr_not_equal(KN_TUPLE_GET(r, 1), g);
    assert_repr(KN_TUPLE_GET(r, 1), "ExceptionGroup('m', [ValueError(1), TypeError(2), "
                                    "ExceptionGroup('n', [ValueError(3), KeyError(4)])])");
}

static void test_split_by_predicate(void **state)
{
    KnObject *g = sample();
    assert_repr(ob_call_method(g, "subgroup", 1, fn(0)),
                "ExceptionGroup('m', [ExceptionGroup('n', [KeyError(4)])])");
    assert_ptr_equal(ob_call_method(g, "subgroup", 1, fn(1)), g);
    assert_null(ob_call_method(g, "split", 1, fn(2)));
    assert_raised(ob_exc_ZeroDivisionError, "division by zero");
}

static void test_bad_matchers(void **state)
{
    KnObject *g = sample();
    const char *msg = "expected a function, exception type or tuple of exception types";
    KnObject *bad[] = { I(1), exc(ob_exc_ValueError, 1), (KnObject *)&ob_int_type,
                        (KnObject *)&ob_type_type,
                        ob_tuple_pack(2, (KnObject *)ob_exc_ValueError, I(1)) };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_null(ob_call_method(g, "split", 1, bad[i]));
        assert_raised(ob_exc_TypeError, msg);
        assert_null(ob_call_method(g, "subgroup", 1, bad[i]));
        assert_raised(ob_exc_TypeError, msg);
    }
    assert_null(ob_call_method(g, "split", 0));
    assert_raised(ob_exc_TypeError, "split expected 1 argument, got 0");
    assert_null(ob_call_method(g, "split", 2, (KnObject *)ob_exc_ValueError, (KnObject *)ob_exc_TypeError));
    assert_raised(ob_exc_TypeError, "split expected 1 argument, got 2");
}

/* A derive() override decides the class of the parts; it must return a
 * group. */
static void test_derive_override(void **state)
{
    KnObject *d2 = make_class("D2", ob_tuple_pack(1, EGT), NULL);
    KnObject *g = group(d2, "m", list_of(2, exc(ob_exc_ValueError, 1), exc(ob_exc_TypeError, 2)));
    assert_repr(ob_call_method(g, "split", 1, (KnObject *)ob_exc_ValueError),
                "(ExceptionGroup('m', [ValueError(1)]), ExceptionGroup('m', [TypeError(2)]))");
    assert_ptr_equal(ob_call_method(g, "subgroup", 1, d2), g);

    KnObject *ns = ob_dict_new();
    assert_int_equal(ob_dict_setitem(ns, S("derive"), fn(3)), 0);
    KnObject *d = make_class("D", ob_tuple_pack(1, EGT), ns);
    g = group(d, "m", list_of(2, exc(ob_exc_ValueError, 1), exc(ob_exc_TypeError, 2)));
    assert_null(ob_call_method(g, "subgroup", 1, (KnObject *)ob_exc_ValueError));
    assert_raised(ob_exc_TypeError, "derive must return an instance of BaseExceptionGroup");
    assert_null(ob_call_method(g, "split", 1, (KnObject *)ob_exc_ValueError));
    assert_raised(ob_exc_TypeError, "derive must return an instance of BaseExceptionGroup");
}

/* The parts carry the original's __traceback__, __context__, __cause__
 * (so __suppress_context__ is set) and a copy of __notes__. */
static void test_parts_copy_metadata(void **state)
{
    KnObject *g = group(EGT, "m", list_of(2, exc(ob_exc_ValueError, 1), exc(ob_exc_TypeError, 2)));
    /* a stand-in traceback: __traceback__ accepts instances of a class
     * named "traceback" (libjit's tracebacks are not linked here) */
    KnObject *tb_cls = make_class("traceback", ob_tuple_empty(), NULL);
    KnObject *tb = tu_call(tb_cls, 0);
    assert_non_null(tb);
    assert_int_equal(ob_setattr(g, S("__traceback__"), tb), 0);
    KnObject *cause = exc(ob_exc_KeyError, 5), *ctx = exc(ob_exc_KeyError, 6);
    assert_int_equal(ob_setattr(g, S("__context__"), ctx), 0);
    assert_int_equal(ob_setattr(g, S("__cause__"), cause), 0);
    assert_non_null(ob_call_method(g, "add_note", 1, S("n1")));

    KnObject *s = ob_call_method(g, "subgroup", 1, (KnObject *)ob_exc_ValueError);
    assert_non_null(s);
    assert_ptr_equal(ob_getattr(s, S("__traceback__")), tb);
    assert_ptr_equal(ob_getattr(s, S("__cause__")), cause);
    assert_ptr_equal(ob_getattr(s, S("__context__")), ctx);
    assert_ptr_equal(ob_getattr(s, S("__suppress_context__")), KN_True);
    KnObject *notes = ob_getattr(s, S("__notes__"));
    assert_repr(notes, "['n1']");
    assert_ptr_not_equal(notes, ob_getattr(g, S("__notes__")));

    /* any sequence of notes is copied into a list; a non-sequence is skipped */
    assert_int_equal(ob_setattr(g, S("__notes__"), S("ab")), 0);
    assert_repr(ob_getattr(ob_call_method(g, "subgroup", 1, (KnObject *)ob_exc_ValueError),
                           S("__notes__")), "['a', 'b']");
    assert_int_equal(ob_setattr(g, S("__notes__"), I(5)), 0);
    assert_null(ob_getattr(ob_call_method(g, "subgroup", 1, (KnObject *)ob_exc_ValueError),
                           S("__notes__")));
    assert_raised(ob_exc_AttributeError, NULL);

    /* without a cause the part still has __suppress_context__ set */
    KnObject *plain = group(EGT, "m", list_of(2, exc(ob_exc_ValueError, 1), exc(ob_exc_TypeError, 2)));
    s = ob_call_method(plain, "subgroup", 1, (KnObject *)ob_exc_ValueError);
    assert_ptr_equal(ob_getattr(s, S("__cause__")), KN_None);
    assert_ptr_equal(ob_getattr(s, S("__suppress_context__")), KN_True);
    assert_ptr_equal(ob_getattr(s, S("__traceback__")), KN_None);
}

/* A group nested deeper than the recursion limit is refused, not a C
 * stack overflow. */
static void test_deep_nesting(void **state)
{
    KnObject *g = exc(ob_exc_ValueError, 0);
    for (int i = 0; i < 3000; i++)
        g = group(EGT, "m", list_of(1, g));
    assert_null(ob_call_method(g, "subgroup", 1, (KnObject *)ob_exc_KeyError));
    assert_raised(ob_exc_RecursionError, NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_constructor_checks),
        cmocka_unit_test(test_class_choice),
        cmocka_unit_test(test_attributes_and_str),
        cmocka_unit_test(test_exception_group_class),
        cmocka_unit_test(test_class_getitem),
        cmocka_unit_test(test_derive),
        cmocka_unit_test(test_subgroup_and_split_by_type),
        cmocka_unit_test(test_split_by_predicate),
        cmocka_unit_test(test_bad_matchers),
        cmocka_unit_test(test_derive_override),
        cmocka_unit_test(test_parts_copy_metadata),
        cmocka_unit_test(test_deep_nesting),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
