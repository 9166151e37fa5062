/* test_type_slots.c — dunder methods of classes reach C code through the
 * slots (src/type_slots.c as connected by type_new.c), and later class
 * attribute assignment or deletion updates them. */
#include "test_type_helpers.h"

/* self.v as a C long (instances carry their value in attribute v) */
static long v_of(KnObject *o)
{
    return as_long(getattr_s(o, "v"));
}

static KnObject *m_add(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    if (!KN_INT_CHECK(a[1]))
        return KN_NotImplemented;
    return I(v_of(a[0]) + as_long(a[1]));
}

static KnObject *m_radd(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    if (!KN_INT_CHECK(a[1]))
        return KN_NotImplemented;
    return I(1000 + v_of(a[0]) + as_long(a[1]));
}

static KnObject *m_len(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    return getattr_s(a[0], "v");
}

static KnObject *m_len7(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    return I(7);
}

static KnObject *m_getitem(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    return I(10 * as_long(a[1]));
}

static KnObject *m_eq_always(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    return KN_True;
}

static KnObject *m_hash(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    return I(1234);
}

static KnObject *hash_result;
static KnObject *m_hash_big(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    return hash_result;
}

static KnObject *m_repr(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    return ob_str_from_format("<V %ld>", v_of(a[0]));
}

static KnObject *m_bool_false(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    return KN_False;
}

static KnObject *m_call(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    return I(n - 1);
}

static KnObject *m_getattr(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    return ob_str_concat(S("dyn_"), a[1]);
}

static KnObject *m_init_v(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    if (n != 2)
        return ob_err_format(ob_exc_TypeError, "__init__ wants one argument");
    return ob_setattr(a[0], S("v"), a[1]) < 0 ? NULL : KN_None;
}

static KnObject *make_v(KnObject *cls, long v)
{
    KnObject *o = ob_call_onearg(cls, I(v));
    assert_non_null(o);
    return o;
}

static void test_binary_ops(void **state)
{
    KnObject *V = mkclass("V", bases0(), ns("__init__", fn(m_init_v), "__add__", fn(m_add),
                                            "__radd__", fn(m_radd), NULL));
    KnTypeObject *t = (KnTypeObject *)V;
    assert_non_null(t->tp_as_number->nb_add);
    KnObject *x = make_v(V, 5);
    assert_int_equal(as_long(ob_number_add(x, I(3))), 8);
    assert_int_equal(as_long(ob_number_add(I(3), x)), 1008);
    /* the slot itself, as C callers see it */
    assert_int_equal(as_long(t->tp_as_number->nb_add(x, I(1))), 6);
    /* unsupported: TypeError from the protocol */
    assert_null(ob_number_add(x, S("s")));
    expect_error(ob_exc_TypeError, "unsupported operand type(s) for +: 'V' and 'str'");
    assert_null(ob_number_subtract(x, I(1)));
    expect_error(ob_exc_TypeError, "unsupported operand type(s) for -: 'V' and 'int'");
}

static void test_sequence_and_mapping(void **state)
{
    KnObject *L = mkclass("L", bases0(), ns("__init__", fn(m_init_v), "__len__", fn(m_len),
                                            "__getitem__", fn(m_getitem), NULL));
    KnObject *x = make_v(L, 4);
    assert_int_equal(ob_length(x), 4);
    assert_int_equal(as_long(ob_getitem(x, I(3))), 30);
    assert_int_equal(ob_is_true(x), 1);
    KnObject *empty = make_v(L, 0);
    assert_int_equal(ob_is_true(empty), 0);
    KnObject *neg = make_v(L, -1);
    assert_int_equal(ob_length(neg), -1);
    expect_error(ob_exc_ValueError, "__len__() should return >= 0");
    KnTypeObject *t = (KnTypeObject *)L;
    assert_non_null(t->tp_as_mapping->mp_length);
    assert_non_null(t->tp_as_sequence->sq_length);
    assert_non_null(t->tp_as_sequence->sq_item);
    assert_int_equal(as_long(t->tp_as_sequence->sq_item(x, 2)), 20);
    /* no __setitem__: item assignment fails */
    assert_int_equal(ob_setitem(x, I(0), I(1)), -1);
    expect_error(ob_exc_TypeError, "'L' object does not support item assignment");
}

static void test_eq_hash_rules(void **state)
{
    /* __eq__ alone: __hash__ = None, unhashable */
    KnObject *E = mkclass("E", bases0(), ns("__eq__", fn(m_eq_always), NULL));
    KnTypeObject *te = (KnTypeObject *)E;
    assert_ptr_equal(ob_dict_getitem(te->tp_dict, S("__hash__")), KN_None);
    /* the class dict in CPython's order */
    static const char *const order[] = { "__module__", "__eq__", "__dict__", "__weakref__",
                                         "__doc__", "__hash__" };
    KnObject *keys = ob_dict_keys_list(te->tp_dict);
    assert_int_equal(KN_SIZE(keys), 6);
    for (int i = 0; i < 6; i++)
        assert_string_equal(cstr(KN_LIST_GET(keys, i)), order[i]);
    KnObject *e = call0(E);
    assert_int_equal(ob_hash(e), -1);
    expect_error(ob_exc_TypeError, "unhashable type: 'E'");
    assert_int_equal(ob_richcompare_bool(e, I(1), KN_EQ), 1);
    /* != is the inverse of __eq__ by default */
    assert_int_equal(ob_richcompare_bool(e, I(1), KN_NE), 0);
    /* orderings still missing */
    assert_null(ob_richcompare(e, I(1), KN_LT));
    expect_error(ob_exc_TypeError, "'<' not supported between instances of 'E' and 'int'");

    /* __lt__ = None is called, as CPython does */
    KnObject *N = mkclass("N", bases0(), ns("__lt__", KN_None, NULL));
    assert_null(ob_richcompare(call0(N), I(1), KN_LT));
    expect_error(ob_exc_TypeError, "'NoneType' object is not callable");

    /* __eq__ and __hash__ */
    KnObject *H = mkclass("H", bases0(), ns("__eq__", fn(m_eq_always), "__hash__", fn(m_hash), NULL));
    assert_int_equal(ob_hash(call0(H)), 1234);
    /* a subclass that defines nothing inherits both */
    KnObject *H2 = mkclass("H2", bases1(H), ns(NULL));
    assert_int_equal(ob_hash(call0(H2)), 1234);
    /* a __hash__ result is used as it is when it fits a word */
    KnObject *big = ob_number_lshift(I(1), I(61));
    assert_int_equal(ob_setattr(H, S("__hash__"), fn(m_hash_big)), 0);
    hash_result = big;
    assert_int_equal(ob_hash(call0(H)), (kn_hash_t)1 << 61);
    hash_result = ob_number_lshift(I(1), I(64));
    assert_int_equal(ob_hash(call0(H)), 8);
    hash_result = I(-1);
    assert_int_equal(ob_hash(call0(H)), -2);
    hash_result = ob_float_from_double(1.5);
    assert_int_equal(ob_hash(call0(H)), -1);
    expect_error(ob_exc_TypeError, "__hash__ method should return an integer");
    /* a list subclass is unhashable through list's slot, with no
     * __hash__ of its own */
    KnObject *LS = mkclass("LS", bases1((KnObject *)&ob_list_type), ns(NULL));
    assert_null(ob_dict_getitem(((KnTypeObject *)LS)->tp_dict, S("__hash__")));
    assert_int_equal(ob_hash(call0(LS)), -1);
    expect_error(ob_exc_TypeError, "unhashable type: 'LS'");
    /* plain classes hash by identity */
    KnObject *P = mkclass("P", bases0(), ns(NULL));
    KnObject *p = call0(P);
    assert_int_equal(ob_hash(p), ob_hash(p));
    assert_ptr_equal(((KnTypeObject *)P)->tp_hash, ob_object_type.tp_hash);
}

static void test_repr_bool_call_getattr(void **state)
{
    KnObject *R = mkclass("R", bases0(), ns("__init__", fn(m_init_v), "__repr__", fn(m_repr),
                                            "__bool__", fn(m_bool_false), "__call__", fn(m_call),
                                            "__getattr__", fn(m_getattr), NULL));
    KnObject *r = make_v(R, 9);
    assert_string_equal(cstr(ob_repr(r)), "<V 9>");
    assert_string_equal(cstr(ob_str(r)), "<V 9>");
    assert_int_equal(ob_is_true(r), 0);
    assert_int_equal(as_long(ob_call(r, ob_tuple_pack(2, I(1), I(2)), NULL)), 2);
    assert_string_equal(cstr(getattr_s(r, "zap")), "dyn_zap");
    assert_int_equal(v_of(r), 9);   /* real attributes win */
    /* default repr of a class instance */
    KnObject *P = mkclass("Plain", bases0(), ns(NULL));
    const char *s = cstr(ob_repr(call0(P)));
    assert_true(strncmp(s, "<tmod.Plain object at 0x", 24) == 0);
}

static void test_assignment_updates_slots(void **state)
{
    KnObject *A = mkclass("A", bases0(), ns("__init__", fn(m_init_v), NULL));
    KnObject *B = mkclass("B", bases1(A), ns(NULL));
    KnObject *b = make_v(B, 3);
    assert_int_equal(ob_length(b), -1);
    expect_error(ob_exc_TypeError, "object of type 'B' has no len()");
    unsigned tag = ob_type_version((KnTypeObject *)B);
    /* A.__len__ = ...: subclasses see it */
    assert_int_equal(ob_setattr(A, S("__len__"), fn(m_len)), 0);
    assert_true(ob_type_version((KnTypeObject *)B) != tag);
    assert_int_equal(ob_length(b), 3);
    /* B.__len__ overrides */
    assert_int_equal(ob_setattr(B, S("__len__"), fn(m_len7)), 0);
    assert_int_equal(ob_length(b), 7);
    assert_int_equal(ob_length(make_v(A, 2)), 2);
    /* deleting it brings A's back; deleting A's removes the slot */
    assert_int_equal(ob_setattr(B, S("__len__"), NULL), 0);
    assert_int_equal(ob_length(b), 3);
    assert_int_equal(ob_setattr(A, S("__len__"), NULL), 0);
    assert_null(((KnTypeObject *)B)->tp_as_sequence->sq_length);
    assert_int_equal(ob_length(b), -1);
    expect_error(ob_exc_TypeError, "object of type 'B' has no len()");
    /* __add__ added later */
    assert_int_equal(ob_setattr(A, S("__add__"), fn(m_add)), 0);
    assert_int_equal(as_long(ob_number_add(b, I(1))), 4);
    /* deleting a missing attribute */
    assert_int_equal(ob_setattr(A, S("__sub__"), NULL), -1);
    expect_error(ob_exc_AttributeError, "type object 'A' has no attribute '__sub__'");
    /* built-in types stay immutable */
    assert_int_equal(ob_setattr((KnObject *)&ob_int_type, S("x"), I(1)), -1);
    expect_error(ob_exc_TypeError, "cannot set 'x' attribute of immutable type 'int'");
}

static void test_builtin_subclass(void **state)
{
    KnObject *MyInt = mkclass("MyInt", bases1((KnObject *)&ob_int_type), ns(NULL));
    KnObject *m = ob_call_onearg(MyInt, I(41));
    assert_non_null(m);
    assert_ptr_equal(KN_TYPE(m), MyInt);
    assert_int_equal(as_long(ob_number_add(m, I(1))), 42);
    assert_int_equal(ob_setattr(m, S("tag"), I(1)), 0);
    assert_int_equal(as_long(getattr_s(m, "tag")), 1);

    /* some other builtin named __new__ is called like any callable */
    KnObject *fromkeys = getattr_s((KnObject *)&ob_dict_type, "fromkeys");
    KnObject *F = mkclass("F", bases0(), ns("__new__", fromkeys, NULL));
    assert_null(ob_call_onearg(F, ob_tuple_pack(1, S("q"))));   /* dict.fromkeys(F, ...) */
    expect_error(ob_exc_TypeError, "'type' object is not iterable");

    KnObject *MyList = mkclass("MyList", bases1((KnObject *)&ob_list_type),
                               ns("__len__", fn(m_len7), NULL));
    KnObject *l = call0(MyList);
    assert_non_null(l);
    assert_true(KN_LIST_CHECK(l));
    assert_int_equal(ob_list_append(l, I(1)), 0);
    assert_int_equal(ob_length(l), 7);
    assert_int_equal(KN_SIZE(l), 1);
}


/* __getattribute__: everything is "got_<name>" except v */
static KnObject *m_getattribute(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    if (ob_str_equal_cstr(a[1], "v"))
        return ob_generic_getattr(a[0], a[1]);
    return ob_str_concat(S("got_"), a[1]);
}

/* __setattr__(self, name, value): stores value * 2 */
static KnObject *m_setattr(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    KnObject *v = KN_INT_CHECK(a[2]) ? I(2 * as_long(a[2])) : a[2];
    return ob_generic_setattr(a[0], a[1], v) < 0 ? NULL : KN_None;
}

/* __iter__ returns self; __next__ counts self.v down to 1 */
static KnObject *m_iter_self(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    return a[0];
}

static KnObject *m_next(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    long v = v_of(a[0]);
    if (v <= 0) {
        ob_err_set_none(ob_exc_StopIteration);
        return NULL;
    }
    if (ob_setattr(a[0], S("v"), I(v - 1)) < 0)
        return NULL;
    return I(v);
}

static void test_attribute_and_iteration_hooks(void **state)
{
    KnObject *G = mkclass("G", bases0(), ns("__init__", fn(m_init_v), "__getattribute__",
                                            fn(m_getattribute), "__setattr__", fn(m_setattr), NULL));
    KnObject *g = make_v(G, 4);          /* __init__ goes through __setattr__ */
    assert_int_equal(v_of(g), 8);
    assert_string_equal(cstr(getattr_s(g, "anything")), "got_anything");
    assert_int_equal(ob_setattr(g, S("w"), I(5)), 0);
    assert_int_equal(as_long(ob_dict_getitem(ob_generic_getattr(g, S("__dict__")), S("w"))), 10);

    KnObject *It = mkclass("It", bases0(), ns("__init__", fn(m_init_v), "__iter__", fn(m_iter_self),
                                              "__next__", fn(m_next), NULL));
    KnObject *it = make_v(It, 3);
    KnObject *got = ob_get_iter(it);
    assert_ptr_equal(got, it);
    long sum = 0;
    KnObject *x;
    while ((x = ob_iter_next(got)) != NULL)
        sum += as_long(x);
    assert_null(ob_err_occurred());
    assert_int_equal(sum, 6);
    /* __iter__ / __contains__ = None */
    KnObject *NoIt = mkclass("NoIt", bases0(), ns("__iter__", KN_None, "__contains__", KN_None, NULL));
    assert_null(ob_get_iter(call0(NoIt)));
    expect_error(ob_exc_TypeError, "'NoIt' object is not iterable");
    assert_int_equal(ob_contains(call0(NoIt), I(1)), -1);
    expect_error(ob_exc_TypeError, "'NoIt' object is not a container");
    /* `in` falls back to iteration */
    assert_int_equal(ob_contains(make_v(It, 3), I(2)), 1);
    assert_int_equal(ob_contains(make_v(It, 3), I(7)), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_binary_ops),
        cmocka_unit_test(test_sequence_and_mapping),
        cmocka_unit_test(test_eq_hash_rules),
        cmocka_unit_test(test_repr_bool_call_getattr),
        cmocka_unit_test(test_assignment_updates_slots),
        cmocka_unit_test(test_builtin_subclass),
        cmocka_unit_test(test_attribute_and_iteration_hooks),
    };
    return cmocka_run_group_tests(tests, setup_runtime, NULL);
}
