/* test_type_new.c — class creation (src/type_new.c, heaptype.c,
 * type_new_build.c): type(x), type(name, bases, dict, **kw), metaclasses,
 * layouts and __slots__, the class dict's special entries. */
#include "type_new.h"
#include "test_type_helpers.h"

/* ---- "Python functions" used as methods ---- */

static KnObject *m_answer(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    return n == 1 ? I(42) : ob_err_format(ob_exc_TypeError, "answer() takes 1 argument");
}

static KnObject *m_twice_x(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    KnObject *x = getattr_s(a[0], "x");
    return x ? I(2 * as_long(x)) : NULL;
}

/* __init__(self, x): self.x = x */
static KnObject *m_init_x(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    if (n != 2)
        return ob_err_format(ob_exc_TypeError, "__init__() takes 2 positional arguments but %zd were given", n);
    return ob_setattr(a[0], S("x"), a[1]) < 0 ? NULL : KN_None;
}

/* __init__(self, x): object.__init__(self, x) */
static KnObject *m_init_super_x(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    KnObject *init = ob_getattr((KnObject *)&ob_object_type, S("__init__"));
    KnObject *args[2] = { a[0], a[1] };
    return init ? ob_vectorcall(init, args, 2, NULL) : NULL;
}

/* __new__(cls, *args): object.__new__(cls), tagging it with x = len(args) */
static KnObject *m_new(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    KnObject *new = ob_getattr((KnObject *)&ob_object_type, S("__new__"));
    KnObject *o = new ? ob_call_onearg(new, a[0]) : NULL;
    if (o == NULL || ob_setattr(o, S("x"), I(n - 1)) < 0)
        return NULL;
    return o;
}

/* ---------------------------------------------------------------- tests */

static void test_type_one_arg(void **state)
{
    KnObject *t = ob_call_onearg((KnObject *)&ob_type_type, I(3));
    assert_ptr_equal(t, &ob_int_type);
    assert_ptr_equal(ob_type_of(KN_None), &ob_none_type);
    assert_null(ob_call((KnObject *)&ob_type_type, ob_tuple_empty(), NULL));
    expect_error(ob_exc_TypeError, "type() takes 1 or 3 arguments");
    assert_null(ob_call((KnObject *)&ob_type_type, ob_tuple_pack(2, I(1), I(2)), NULL));
    expect_error(ob_exc_TypeError, "type() takes 1 or 3 arguments");
}

static void test_type_new_argument_errors(void **state)
{
    KnObject *tn = getattr_s((KnObject *)&ob_type_type, "__new__");
    assert_non_null(tn);
    KnObject *a1[2] = { (KnObject *)&ob_type_type, I(1) };
    assert_null(ob_vectorcall(tn, a1, 2, NULL));
    expect_error(ob_exc_TypeError, "type.__new__() takes exactly 3 arguments (1 given)");
    KnObject *a2[4] = { (KnObject *)&ob_type_type, I(1), ob_tuple_empty(), ob_dict_new() };
    assert_null(ob_vectorcall(tn, a2, 4, NULL));
    expect_error(ob_exc_TypeError, "type.__new__() argument 1 must be str, not int");
    KnObject *a3[4] = { (KnObject *)&ob_type_type, S("a"), ob_list_new(0), ob_dict_new() };
    assert_null(ob_vectorcall(tn, a3, 4, NULL));
    expect_error(ob_exc_TypeError, "type.__new__() argument 2 must be tuple, not list");
    KnObject *a4[4] = { (KnObject *)&ob_type_type, S("a"), ob_tuple_empty(), ob_list_new(0) };
    assert_null(ob_vectorcall(tn, a4, 4, NULL));
    expect_error(ob_exc_TypeError, "type.__new__() argument 3 must be dict, not list");
    assert_null(ob_type_new(&ob_type_type, ob_str_from_utf8("a\0b", 3), bases0(), ns(NULL)));
    expect_error(ob_exc_ValueError, "type name must not contain null characters");

    KnObject *ti = getattr_s((KnObject *)&ob_type_type, "__init__");
    KnObject *b[3] = { (KnObject *)&ob_type_type, I(1), I(2) };
    assert_null(ob_vectorcall(ti, b, 3, NULL));
    expect_error(ob_exc_TypeError, "type.__init__() takes 1 or 3 arguments");
}

static void test_simple_class(void **state)
{
    KnObject *A = mkclass("A", bases0(), ns("answer", fn(m_answer), "twice", fn(m_twice_x), NULL));
    KnTypeObject *t = (KnTypeObject *)A;
    assert_ptr_equal(KN_TYPE(A), &ob_type_type);
    assert_true(KN_TYPE_HAS_FLAG(t, KN_TPFLAGS_HEAPTYPE));
    assert_false(KN_TYPE_HAS_FLAG(t, KN_TPFLAGS_IMMUTABLETYPE));
    assert_string_equal(t->tp_name, "A");
    assert_string_equal(cstr(getattr_s(A, "__name__")), "A");
    assert_string_equal(cstr(getattr_s(A, "__qualname__")), "A");
    assert_string_equal(cstr(getattr_s(A, "__module__")), "tmod");
    assert_ptr_equal(getattr_s(A, "__doc__"), KN_None);
    assert_string_equal(cstr(ob_repr(A)), "<class 'tmod.A'>");
    KnObject *bases = getattr_s(A, "__bases__");
    assert_int_equal(KN_SIZE(bases), 1);
    assert_ptr_equal(KN_TUPLE_GET(bases, 0), &ob_object_type);
    KnObject *mro = getattr_s(A, "__mro__");
    assert_int_equal(KN_SIZE(mro), 2);
    assert_ptr_equal(KN_TUPLE_GET(mro, 0), A);

    KnObject *a = call0(A);
    assert_non_null(a);
    assert_ptr_equal(KN_TYPE(a), A);
    assert_int_equal(as_long(callm(a, "answer", 0, NULL)), 42);
    KnObject *bound = getattr_s(a, "answer");
    assert_ptr_equal(KN_TYPE(bound), &ob_method_type);
    assert_int_equal(as_long(call0(bound)), 42);
    /* instance dict */
    assert_int_equal(ob_setattr(a, S("x"), I(21)), 0);
    assert_int_equal(as_long(callm(a, "twice", 0, NULL)), 42);
    KnObject *d = getattr_s(a, "__dict__");
    assert_true(KN_DICT_CHECK(d));
    assert_int_equal(as_long(ob_dict_getitem(d, S("x"))), 21);
    KnObject *dd = ob_dict_getitem(t->tp_dict, S("__dict__"));
    assert_ptr_equal(KN_TYPE(dd), &ob_getset_descr_type);
    assert_string_equal(cstr(ob_repr(dd)), "<attribute '__dict__' of 'A' objects>");
    assert_string_equal(cstr(getattr_s(dd, "__doc__")), "dictionary for instance variables");
    assert_int_equal(ob_setattr(a, S("__dict__"), I(5)), -1);
    expect_error(ob_exc_TypeError, "__dict__ must be set to a dictionary, not a 'int'");
    assert_int_equal(ob_setattr(a, S("__dict__"), NULL), 0);
    assert_int_equal(ob_dict_size(getattr_s(a, "__dict__")), 0);
    assert_int_equal(ob_setattr(a, S("x"), I(21)), 0);
    assert_ptr_equal(getattr_s(a, "__weakref__"), KN_None);
    assert_true(t->tp_dictoffset > 0 && t->tp_weaklistoffset > 0);
    assert_int_equal(t->tp_basicsize, 16 + 2 * 8);
    /* no __init__: no arguments */
    assert_null(ob_call_onearg(A, I(1)));
    expect_error(ob_exc_TypeError, "A() takes no arguments");
    /* missing attribute */
    assert_null(getattr_s(a, "nope"));
    expect_error(ob_exc_AttributeError, "'A' object has no attribute 'nope'");
}

static void test_init_and_new(void **state)
{
    KnObject *B = mkclass("B", bases0(), ns("__init__", fn(m_init_x), NULL));
    KnObject *b = ob_call_onearg(B, I(7));
    assert_non_null(b);
    assert_int_equal(as_long(getattr_s(b, "x")), 7);

    /* object.__init__ with an extra argument from an overriding __init__ */
    KnObject *C = mkclass("C", bases0(), ns("__init__", fn(m_init_super_x), NULL));
    assert_null(ob_call_onearg(C, I(1)));
    expect_error(ob_exc_TypeError,
                 "object.__init__() takes exactly one argument (the instance to initialize)");

    /* a function __new__ becomes a staticmethod; object.__init__ tolerates
     * the arguments then */
    KnObject *N = mkclass("N", bases0(), ns("__new__", fn(m_new), NULL));
    KnObject *raw = ob_dict_getitem(((KnTypeObject *)N)->tp_dict, S("__new__"));
    assert_ptr_equal(KN_TYPE(raw), &ob_staticmethod_type);
    KnObject *n = ob_call((KnObject *)N, ob_tuple_pack(2, I(1), I(2)), NULL);
    assert_non_null(n);
    assert_ptr_equal(KN_TYPE(n), N);
    assert_int_equal(as_long(getattr_s(n, "x")), 2);

    /* object.__new__ with arguments when __new__ is overridden */
    KnObject *onew = getattr_s((KnObject *)&ob_object_type, "__new__");
    KnObject *args[2] = { N, I(1) };
    assert_null(ob_vectorcall(onew, args, 2, NULL));
    expect_error(ob_exc_TypeError,
                 "object.__new__() takes exactly one argument (the type to instantiate)");
    KnObject *args2[1] = { (KnObject *)&ob_int_type };
    assert_null(ob_vectorcall(onew, args2, 1, NULL));
    expect_error(ob_exc_TypeError, "object.__new__(int) is not safe, use int.__new__()");
}

static void test_inheritance_and_mro(void **state)
{
    KnObject *A = mkclass("A", bases0(), ns("answer", fn(m_answer), NULL));
    KnObject *B = mkclass("B", bases1(A), ns(NULL));
    KnObject *C = mkclass("C", bases1(A), ns(NULL));
    KnObject *D = mkclass("D", bases2(B, C), ns(NULL));
    KnObject *mro = getattr_s(D, "__mro__");
    assert_int_equal(KN_SIZE(mro), 5);
    KnObject *want[5] = { D, B, C, A, (KnObject *)&ob_object_type };
    for (int i = 0; i < 5; i++)
        assert_ptr_equal(KN_TUPLE_GET(mro, i), want[i]);
    KnObject *l = callm(D, "mro", 0, NULL);
    assert_true(KN_LIST_CHECK(l));
    assert_int_equal(KN_SIZE(l), 5);
    assert_int_equal(as_long(callm(call0(D), "answer", 0, NULL)), 42);
    assert_int_equal(ob_issubclass(D, A), 1);
    assert_int_equal(ob_isinstance(call0(D), C), 1);
    /* inconsistent and duplicate bases */
    assert_null(ob_type_new(&ob_type_type, S("E"), bases2(A, B), ns(NULL)));
    expect_error(ob_exc_TypeError,
                 "Cannot create a consistent method resolution\norder (MRO) for bases A, B");
    assert_null(ob_type_new(&ob_type_type, S("E"), bases2(A, A), ns(NULL)));
    expect_error(ob_exc_TypeError, "duplicate base class A");
    /* __subclasses__ */
    KnObject *subs = callm(A, "__subclasses__", 0, NULL);
    assert_int_equal(KN_SIZE(subs), 2);
    assert_ptr_equal(KN_LIST_GET(subs, 0), B);
    assert_ptr_equal(KN_LIST_GET(subs, 1), C);
}

static void test_bases_errors(void **state)
{
    assert_null(ob_type_new(&ob_type_type, S("a"), bases1(I(1)), ns(NULL)));
    expect_error(ob_exc_TypeError,
                 "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                 "subclass of the metaclasses of all its bases");
    assert_null(ob_type_new(&ob_type_type, S("a"), bases1((KnObject *)&ob_bool_type), ns(NULL)));
    expect_error(ob_exc_TypeError, "type 'bool' is not an acceptable base type");
    assert_null(ob_type_new(&ob_type_type, S("a"),
                            bases2((KnObject *)&ob_int_type, (KnObject *)&ob_str_type), ns(NULL)));
    expect_error(ob_exc_TypeError, "multiple bases have instance lay-out conflict");
    /* two classes that only add __dict__/__weakref__ combine fine */
    KnObject *P = mkclass("P", bases0(), ns(NULL));
    KnObject *Q = mkclass("Q", bases0(), ns("__slots__", ob_tuple_empty(), NULL));
    KnObject *R = mkclass("R", bases2(P, Q), ns(NULL));
    assert_ptr_equal(((KnTypeObject *)R)->tp_base, P);
}

static void test_metaclasses(void **state)
{
    KnObject *M1 = mkclass("M1", bases1((KnObject *)&ob_type_type), ns(NULL));
    KnObject *M2 = mkclass("M2", bases1((KnObject *)&ob_type_type), ns(NULL));
    KnObject *A = ob_type_new((KnTypeObject *)M1, S("A"), bases0(), ns(NULL));
    KnObject *B = ob_type_new((KnTypeObject *)M2, S("B"), bases0(), ns(NULL));
    assert_non_null(A);
    assert_non_null(B);
    assert_ptr_equal(KN_TYPE(A), M1);
    assert_null(ob_type_new(&ob_type_type, S("C"), bases2(A, B), ns(NULL)));
    expect_error(ob_exc_TypeError,
                 "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                 "subclass of the metaclasses of all its bases");
    /* type(...) with a base of metaclass M1 makes an M1 instance */
    KnObject *C = mkclass("C", bases1(A), ns(NULL));
    assert_ptr_equal(KN_TYPE(C), M1);
    assert_ptr_equal(ob_type_calculate_meta(&ob_type_type, bases1(A)), M1);
    /* a metaclass cannot have nonempty __slots__ */
    assert_null(ob_type_new(&ob_type_type, S("M3"), bases1((KnObject *)&ob_type_type),
                            ns("__slots__", ob_tuple_pack(1, S("x")), NULL)));
    expect_error(ob_exc_TypeError, "nonempty __slots__ not supported for subtype of 'type'");
}

static KnObject *m_mro_reversed(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    /* [cls] + bases reversed + [object] for a two-base class */
    KnTypeObject *cls = (KnTypeObject *)a[0];
    KnObject *b = cls->tp_bases;
    if (KN_SIZE(b) != 2)
        return ob_list_from_array(KN_TUPLE_ITEMS(cls->tp_mro), KN_SIZE(cls->tp_mro));
    KnObject *items[4] = { a[0], KN_TUPLE_GET(b, 1), KN_TUPLE_GET(b, 0),
                           (KnObject *)&ob_object_type };
    return ob_list_from_array(items, 4);
}

static KnObject *m_mro_int(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    KnObject *items[3] = { a[0], (KnObject *)&ob_int_type, (KnObject *)&ob_object_type };
    return ob_list_from_array(items, 3);
}

static void test_mro_override(void **state)
{
    KnObject *M = mkclass("M", bases1((KnObject *)&ob_type_type),
                          ns("mro", fn(m_mro_reversed), NULL));
    KnObject *X = mkclass("X", bases0(), ns(NULL));
    KnObject *Y = mkclass("Y", bases0(), ns(NULL));
    KnObject *Z = ob_type_new((KnTypeObject *)M, S("Z"), bases2(X, Y), ns(NULL));
    assert_non_null(Z);
    KnObject *mro = ((KnTypeObject *)Z)->tp_mro;
    assert_int_equal(KN_SIZE(mro), 4);
    assert_ptr_equal(KN_TUPLE_GET(mro, 1), Y);
    assert_ptr_equal(KN_TUPLE_GET(mro, 2), X);
    /* never cached: its MRO need not follow its bases */
    assert_int_equal(ob_type_version((KnTypeObject *)Z), 0);
    /* type.mro() itself still answers with the C3 order */
    KnObject *tm = getattr_s((KnObject *)&ob_type_type, "mro");
    KnObject *c3 = ob_call_onearg(tm, Z);
    assert_int_equal(KN_SIZE(c3), 4);
    assert_ptr_equal(KN_LIST_GET(c3, 1), X);
    KnObject *M2 = mkclass("M2", bases1((KnObject *)&ob_type_type), ns("mro", fn(m_mro_int), NULL));
    assert_null(ob_type_new((KnTypeObject *)M2, S("W"), bases0(), ns(NULL)));
    expect_error(ob_exc_TypeError, "mro() returned base with unsuitable layout ('int')");
}

static void test_slots(void **state)
{
    KnObject *Sl = mkclass("Sl", bases0(),
                           ns("__slots__", ob_tuple_pack(3, S("b"), S("a"), S("__p")), NULL));
    KnTypeObject *t = (KnTypeObject *)Sl;
    assert_int_equal(t->tp_basicsize, 16 + 3 * 8);
    assert_int_equal(t->tp_dictoffset, 0);
    assert_int_equal(t->tp_weaklistoffset, 0);
    /* sorted, mangled */
    KnObject *slots = ((KnHeapTypeObject *)t)->ht_slots;
    assert_string_equal(cstr(KN_TUPLE_GET(slots, 0)), "_Sl__p");
    assert_string_equal(cstr(KN_TUPLE_GET(slots, 1)), "a");
    assert_string_equal(cstr(KN_TUPLE_GET(slots, 2)), "b");
    KnObject *md = ob_dict_getitem(t->tp_dict, S("a"));
    assert_ptr_equal(KN_TYPE(md), &ob_member_descr_type);
    assert_string_equal(cstr(ob_repr(md)), "<member 'a' of 'Sl' objects>");
    assert_int_equal(((KnMemberDescrObject *)md)->d_member->offset, 24);
    KnObject *o = call0(Sl);
    assert_null(getattr_s(o, "a"));
    expect_error(ob_exc_AttributeError, "'Sl' object has no attribute 'a'");
    assert_int_equal(ob_setattr(o, S("a"), I(5)), 0);
    assert_int_equal(ob_setattr(o, S("_Sl__p"), I(6)), 0);
    assert_int_equal(as_long(getattr_s(o, "a")), 5);
    assert_int_equal(as_long(getattr_s(o, "_Sl__p")), 6);
    assert_int_equal(ob_setattr(o, S("a"), NULL), 0);
    assert_null(getattr_s(o, "a"));
    expect_error(ob_exc_AttributeError, "'Sl' object has no attribute 'a'");
    assert_int_equal(ob_setattr(o, S("c"), I(1)), -1);
    expect_error(ob_exc_AttributeError, "'Sl' object has no attribute 'c'");
    assert_null(getattr_s(o, "__dict__"));
    expect_error(ob_exc_AttributeError, "'Sl' object has no attribute '__dict__'");

    /* __dict__ and __weakref__ as slots; a str __slots__ is one name */
    KnObject *Sd = mkclass("Sd", bases0(), ns("__slots__", ob_tuple_pack(2, S("__dict__"), S("x")), NULL));
    assert_int_equal(((KnTypeObject *)Sd)->tp_dictoffset, 24);
    assert_int_equal(((KnTypeObject *)Sd)->tp_weaklistoffset, 0);
    KnObject *od = call0(Sd);
    assert_int_equal(ob_setattr(od, S("y"), I(1)), 0);
    KnObject *Sw = mkclass("Sw", bases0(), ns("__slots__", S("__weakref__"), NULL));
    assert_int_equal(((KnTypeObject *)Sw)->tp_weaklistoffset, 16);
    /* subclass of a slotted class without __slots__ gets a dict back */
    KnObject *Sub = mkclass("Sub", bases1(Sl), ns(NULL));
    assert_int_equal(((KnTypeObject *)Sub)->tp_dictoffset, 40);
    KnObject *so = call0(Sub);
    assert_int_equal(ob_setattr(so, S("zz"), I(3)), 0);
    assert_int_equal(ob_setattr(so, S("a"), I(4)), 0);
    assert_int_equal(as_long(getattr_s(so, "a")), 4);
}

static void test_slots_errors(void **state)
{
    assert_null(ob_type_new(&ob_type_type, S("a"), bases0(),
                            ns("__slots__", ob_tuple_pack(1, S("3")), NULL)));
    expect_error(ob_exc_TypeError, "__slots__ must be identifiers");
    assert_null(ob_type_new(&ob_type_type, S("a"), bases0(),
                            ns("__slots__", ob_tuple_pack(1, I(3)), NULL)));
    expect_error(ob_exc_TypeError, "__slots__ items must be strings, not 'int'");
    assert_null(ob_type_new(&ob_type_type, S("a"), bases0(),
                            ns("__slots__", ob_tuple_pack(1, S("x")), "x", I(1), NULL)));
    expect_error(ob_exc_ValueError, "'x' in __slots__ conflicts with class variable");
    assert_null(ob_type_new(&ob_type_type, S("a"), bases1((KnObject *)&ob_int_type),
                            ns("__slots__", ob_tuple_pack(1, S("x")), NULL)));
    expect_error(ob_exc_TypeError, "nonempty __slots__ not supported for subtype of 'int'");
    assert_null(ob_type_new(&ob_type_type, S("a"), bases1((KnObject *)&ob_tuple_type),
                            ns("__slots__", ob_tuple_pack(1, S("x")), NULL)));
    expect_error(ob_exc_TypeError, "nonempty __slots__ not supported for subtype of 'tuple'");
    assert_null(ob_type_new(&ob_type_type, S("a"), bases0(),
                            ns("__slots__", ob_tuple_pack(2, S("__dict__"), S("__dict__")), NULL)));
    expect_error(ob_exc_TypeError, "__dict__ slot disallowed: we already got one");
    assert_null(ob_type_new(&ob_type_type, S("a"), bases0(),
                            ns("__slots__", ob_tuple_pack(2, S("__weakref__"), S("__weakref__")), NULL)));
    expect_error(ob_exc_TypeError,
                 "__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0");
    /* two slotted classes cannot be combined */
    KnObject *G = mkclass("G", bases0(), ns("__slots__", ob_tuple_pack(1, S("a")), NULL));
    KnObject *H = mkclass("H", bases0(), ns("__slots__", ob_tuple_pack(1, S("b")), NULL));
    assert_null(ob_type_new(&ob_type_type, S("I"), bases2(G, H), ns(NULL)));
    expect_error(ob_exc_TypeError, "multiple bases have instance lay-out conflict");
}

static void test_var_sized_base(void **state)
{
    KnObject *T = mkclass("T", bases1((KnObject *)&ob_tuple_type), ns(NULL));
    KnTypeObject *t = (KnTypeObject *)T;
    assert_int_equal(t->tp_dictoffset, -8);
    assert_int_equal(t->tp_itemsize, ob_tuple_type.tp_itemsize);
    assert_int_equal(t->tp_basicsize, ob_tuple_type.tp_basicsize + 8);
    assert_int_equal(t->tp_weaklistoffset, 0);
    assert_true(KN_TYPE_HAS_FLAG(t, KN_TPFLAGS_TUPLE_SUBCLASS));
    KnObject *items = ob_list_from_array((KnObject *[]){ I(1), I(2), I(3) }, 3);
    KnObject *tv = ob_call_onearg(T, items);
    assert_non_null(tv);
    assert_ptr_equal(KN_TYPE(tv), T);
    assert_int_equal(KN_SIZE(tv), 3);
    assert_int_equal(ob_setattr(tv, S("label"), S("abc")), 0);
    assert_int_equal(as_long(KN_TUPLE_GET(tv, 2)), 3);
    assert_string_equal(cstr(getattr_s(tv, "label")), "abc");
    assert_true(KN_TYPE_HAS_FLAG(t, KN_TPFLAGS_SEQUENCE));
    assert_true(KN_TYPE_HAS_FLAG(t, KN_TPFLAGS_MATCH_SELF));
    KnObject *I2 = mkclass("I2", bases1((KnObject *)&ob_int_type), ns(NULL));
    assert_true(KN_TYPE_HAS_FLAG((KnTypeObject *)I2, KN_TPFLAGS_MATCH_SELF));
    assert_false(KN_TYPE_HAS_FLAG((KnTypeObject *)I2, KN_TPFLAGS_SEQUENCE));
    KnObject *big = ob_call_onearg(I2, ob_number_negative(ob_number_lshift(I(1), I(200))));
    assert_non_null(big);
    assert_int_equal(ob_setattr(big, S("label"), S("neg")), 0);
    assert_string_equal(cstr(getattr_s(big, "label")), "neg");
    assert_int_equal(ob_richcompare_bool(big, ob_number_negative(ob_number_lshift(I(1), I(200))),
                                         KN_EQ), 1);
    assert_true(KN_TYPE_HAS_FLAG((KnTypeObject *)I2, KN_TPFLAGS_LONG_SUBCLASS));
    /* int subclasses keep int's arithmetic slot */
    assert_ptr_equal(((KnTypeObject *)I2)->tp_as_number->nb_add, ob_int_type.tp_as_number->nb_add);
}

static void test_dict_entries(void **state)
{
    /* __qualname__ */
    KnObject *Q = mkclass("Q", bases0(), ns("__qualname__", S("outer.Q"), NULL));
    assert_string_equal(cstr(getattr_s(Q, "__qualname__")), "outer.Q");
    assert_null(ob_dict_getitem(((KnTypeObject *)Q)->tp_dict, KN_ID(__qualname__)));
    assert_null(ob_type_new(&ob_type_type, S("a"), bases0(), ns("__qualname__", I(3), NULL)));
    expect_error(ob_exc_TypeError, "type __qualname__ must be a str, not int");
    /* __doc__ */
    KnObject *Dc = mkclass("Dc", bases0(), ns("__doc__", S("the doc"), NULL));
    assert_string_equal(((KnTypeObject *)Dc)->tp_doc, "the doc");
    assert_string_equal(cstr(getattr_s(Dc, "__doc__")), "the doc");
    /* __classcell__ must be a cell */
    assert_null(ob_type_new(&ob_type_type, S("a"), bases0(), ns("__classcell__", I(3), NULL)));
    expect_error(ob_exc_TypeError, "__classcell__ must be a nonlocal cell, not <class 'int'>");
    KnObject *cell = ob_cell_new(NULL);
    KnObject *Cc = mkclass("Cc", bases0(), ns("__classcell__", cell, NULL));
    assert_ptr_equal(KN_CELL_GET(cell), Cc);
    assert_null(ob_dict_getitem(((KnTypeObject *)Cc)->tp_dict, KN_ID(__classcell__)));
    /* no __module__ in the namespace and no running frame: none is set */
    KnObject *d = ob_dict_new();
    KnObject *c = ob_type_new(&ob_type_type, S("NoMod"), bases0(), d);
    assert_non_null(c);
    assert_null(ob_dict_getitem(((KnTypeObject *)c)->tp_dict, KN_ID(__module__)));
}

static KnObject *the_globals;
static KnObject *hook_globals(void)
{
    return the_globals;
}

static void test_module_from_globals(void **state)
{
    the_globals = ob_dict_new();
    ob_dict_setitem(the_globals, KN_ID(__name__), S("some.module"));
    KnClassHooks h = ob_type_hooks;
    h.current_globals = hook_globals;
    ob_type_set_hooks(&h);
    KnObject *c = ob_type_new(&ob_type_type, S("M"), bases0(), ob_dict_new());
    h.current_globals = NULL;
    ob_type_set_hooks(&h);
    assert_non_null(c);
    assert_string_equal(cstr(getattr_s(c, "__module__")), "some.module");
    assert_string_equal(cstr(ob_repr(c)), "<class 'some.module.M'>");
}

/* ---- __set_name__ and __init_subclass__ ---- */

static KnObject *seen_owner, *seen_name, *seen_cls, *seen_kw;

static KnObject *m_set_name(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    if (n != 3)
        return ob_err_format(ob_exc_TypeError, "bad __set_name__ call");
    seen_owner = a[1];
    seen_name = a[2];
    return KN_None;
}

static KnObject *m_set_name_fails(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    return ob_err_format(ob_exc_ZeroDivisionError, "division by zero");
}

static KnObject *m_init_subclass(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    seen_cls = a[0];
    seen_kw = kw;
    return KN_None;
}

static void test_set_name(void **state)
{
    KnObject *Desc = mkclass("Desc", bases0(), ns("__set_name__", fn(m_set_name), NULL));
    KnObject *dv = call0(Desc);
    KnObject *Owner = mkclass("Owner", bases0(), ns("attr", dv, NULL));
    assert_ptr_equal(seen_owner, Owner);
    assert_string_equal(cstr(seen_name), "attr");

    KnObject *Bad = mkclass("Bad", bases0(), ns("__set_name__", fn(m_set_name_fails), NULL));
    assert_null(ob_type_new(&ob_type_type, S("A"), bases0(), ns("x", call0(Bad), NULL)));
    KnObject *e = ob_err_fetch();
    assert_non_null(e);
    assert_ptr_equal(KN_TYPE(e), ob_exc_RuntimeError);
    assert_string_equal(cstr(ob_str(e)), "Error calling __set_name__ on 'Bad' instance 'x' in 'A'");
    KnObject *cause = ((KnBaseExceptionObject *)e)->cause;
    assert_non_null(cause);
    assert_ptr_equal(KN_TYPE(cause), ob_exc_ZeroDivisionError);
}

static void test_init_subclass(void **state)
{
    KnObject *Base = mkclass("Base", bases0(), ns("__init_subclass__", fn(m_init_subclass), NULL));
    KnObject *raw = ob_dict_getitem(((KnTypeObject *)Base)->tp_dict, S("__init_subclass__"));
    assert_ptr_equal(KN_TYPE(raw), &ob_classmethod_type);
    seen_cls = NULL;
    KnObject *kw = ob_dict_new();
    ob_dict_setitem(kw, S("flavour"), I(9));
    KnObject *Sub = ob_type_new_kw(&ob_type_type, S("Sub"), bases1(Base), ns(NULL), kw);
    assert_non_null(Sub);
    assert_ptr_equal(seen_cls, Sub);
    assert_non_null(seen_kw);
    assert_int_equal(KN_SIZE(seen_kw), 1);
    assert_string_equal(cstr(KN_TUPLE_GET(seen_kw, 0)), "flavour");
    /* Base itself was created with no call to its own hook */
    assert_ptr_not_equal(seen_cls, Base);
    /* object.__init_subclass__ takes no keywords */
    assert_null(ob_type_new_kw(&ob_type_type, S("Plain"), bases0(), ns(NULL), kw));
    expect_error(ob_exc_TypeError, "Plain.__init_subclass__() takes no keyword arguments");
    /* __class_getitem__ becomes a classmethod */
    KnObject *G = mkclass("G", bases0(), ns("__class_getitem__", fn(m_init_subclass), NULL));
    raw = ob_dict_getitem(((KnTypeObject *)G)->tp_dict, S("__class_getitem__"));
    assert_ptr_equal(KN_TYPE(raw), &ob_classmethod_type);
}

static void test_prepare_and_build(void **state)
{
    KnObject *prep = getattr_s((KnObject *)&ob_type_type, "__prepare__");
    KnObject *args[2] = { S("a"), ob_tuple_empty() };
    KnObject *kwn = ob_tuple_pack(1, S("x"));
    KnObject *stack[3] = { S("a"), ob_tuple_empty(), I(1) };
    KnObject *d = ob_vectorcall(prep, stack, 2, kwn);
    assert_non_null(d);
    assert_true(KN_DICT_CHECK(d));
    assert_int_equal(ob_dict_size(d), 0);
    (void)args;

    /* the class statement's steps */
    KnObject *M = mkclass("BM", bases1((KnObject *)&ob_type_type), ns(NULL));
    KnObject *kw = ob_dict_new();
    ob_dict_setitem(kw, KN_ID(metaclass), M);
    KnObject *bases = ob_type_build_bases(bases0());
    assert_ptr_equal(bases, ob_tuple_empty());
    KnObject *meta = ob_type_build_meta(bases, kw);
    assert_ptr_equal(meta, M);
    assert_int_equal(ob_dict_size(kw), 0);
    KnObject *space = ob_type_build_prepare(meta, S("K"), bases, kw);
    assert_true(KN_DICT_CHECK(space));
    ob_dict_setitem(space, KN_ID(__module__), S("tmod"));
    KnObject *K = ob_type_build_class(meta, S("K"), bases, bases, space, kw, NULL);
    assert_non_null(K);
    assert_ptr_equal(KN_TYPE(K), M);
    /* without a metaclass keyword: the most derived metaclass of the bases */
    assert_ptr_equal(ob_type_build_meta(bases1(K), NULL), M);
    assert_ptr_equal(ob_type_build_meta(bases0(), NULL), &ob_type_type);
}

static KnObject *m_mro_entries(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    return ob_tuple_pack(1, (KnObject *)&ob_object_type);
}

static void test_mro_entries(void **state)
{
    KnObject *Gen = mkclass("Gen", bases0(), ns("__mro_entries__", fn(m_mro_entries), NULL));
    KnObject *alias = call0(Gen);
    KnObject *orig = bases1(alias);
    KnObject *bases = ob_type_build_bases(orig);
    assert_int_equal(KN_SIZE(bases), 1);
    assert_ptr_equal(KN_TUPLE_GET(bases, 0), &ob_object_type);
    KnObject *space = ns(NULL);
    KnObject *C = ob_type_build_class((KnObject *)&ob_type_type, S("C"), bases, orig, space, NULL, NULL);
    assert_non_null(C);
    assert_ptr_equal(ob_dict_getitem(((KnTypeObject *)C)->tp_dict, KN_ID(__orig_bases__)), orig);
    /* type() itself refuses such bases */
    assert_null(ob_type_new(&ob_type_type, S("D"), orig, ns(NULL)));
    expect_error(ob_exc_TypeError,
                 "type() doesn't support MRO entry resolution; use types.new_class()");
}

static void test_version_tags(void **state)
{
    KnObject *A = mkclass("VA", bases0(), ns(NULL));
    KnObject *B = mkclass("VB", bases1(A), ns(NULL));
    /* cached misses and hits follow changes to a base */
    assert_null(ob_type_lookup((KnTypeObject *)B, S("k")));
    assert_null(ob_type_lookup((KnTypeObject *)B, S("k")));
    assert_int_equal(ob_setattr(A, S("k"), I(7)), 0);
    assert_int_equal(as_long(ob_type_lookup((KnTypeObject *)B, S("k"))), 7);
    assert_int_equal(as_long(ob_type_lookup((KnTypeObject *)B, S("k"))), 7);
    assert_int_equal(ob_setattr(B, S("k"), I(8)), 0);
    assert_int_equal(as_long(ob_type_lookup((KnTypeObject *)B, S("k"))), 8);
    assert_int_equal(ob_setattr(B, S("k"), NULL), 0);
    assert_int_equal(ob_setattr(A, S("k"), NULL), 0);
    assert_null(ob_type_lookup((KnTypeObject *)B, S("k")));
    unsigned va = ob_type_version((KnTypeObject *)A), vb = ob_type_version((KnTypeObject *)B);
    assert_true(va != 0 && vb != 0);
    assert_int_equal(ob_setattr(A, S("k"), I(1)), 0);
    assert_false(KN_TYPE_HAS_FLAG((KnTypeObject *)B, KN_TPFLAGS_VALID_VERSION_TAG));
    unsigned va2 = ob_type_version((KnTypeObject *)A);
    assert_true(va2 != 0 && va2 != va);
    assert_true(ob_type_version((KnTypeObject *)B) != vb);
    assert_int_equal(as_long(getattr_s(B, "k")), 1);
    assert_int_equal(ob_setattr(A, S("k"), NULL), 0);
    assert_null(getattr_s(B, "k"));
    expect_error(ob_exc_AttributeError, "type object 'VB' has no attribute 'k'");
}


/* ---- metaclasses written "in Python" ---- */

static KnObject *meta_seen_kw;

/* Meta.__new__(mcls, name, bases, ns, **kw) -> type.__new__(mcls, name, bases, ns) */
static KnObject *m_meta_new(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    meta_seen_kw = kw;
    KnObject *tn = ob_getattr((KnObject *)&ob_type_type, S("__new__"));
    if (tn == NULL)
        return NULL;
    KnObject *cls = ob_vectorcall(tn, a, 4, NULL);
    if (cls != NULL && ob_setattr(cls, S("made_by_meta"), KN_True) < 0)
        return NULL;
    return cls;
}

/* Meta.__call__(cls, *args): a fixed marker instead of an instance */
static KnObject *m_meta_call(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    return I(100 + n - 1);
}

/* Meta2.__new__(mcls, name, bases, ns, **kw):
 *     return super(Meta2, mcls).__new__(mcls, name, bases, ns, **kw) */
static KnObject *Meta2;
static KnObject *m_meta_new_super(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    KnObject *s = ob_super_new((KnTypeObject *)Meta2, a[0]);
    KnObject *f = s ? getattr_s(s, "__new__") : NULL;
    return f ? ob_vectorcall(f, a, (size_t)n, kw) : NULL;
}

static void test_metaclass_forwards_keywords(void **state)
{
    Meta2 = mkclass("Meta2", bases1((KnObject *)&ob_type_type),
                    ns("__new__", fn(m_meta_new_super), NULL));
    KnObject *Base = ob_type_new((KnTypeObject *)Meta2, S("Base2"), bases0(),
                                 ns("__init_subclass__", fn(m_init_subclass), NULL));
    assert_non_null(Base);
    KnObject *kw = ob_dict_new();
    ob_dict_setitem(kw, S("depth"), I(2));
    seen_cls = NULL;
    seen_kw = NULL;
    KnObject *Sub = ob_type_new_kw(&ob_type_type, S("Sub2"), bases1(Base), ns(NULL), kw);
    assert_non_null(Sub);
    assert_ptr_equal(KN_TYPE(Sub), Meta2);
    assert_ptr_equal(seen_cls, Sub);
    assert_non_null(seen_kw);
    assert_string_equal(cstr(KN_TUPLE_GET(seen_kw, 0)), "depth");
}

static void test_python_metaclass(void **state)
{
    KnObject *Meta = mkclass("Meta", bases1((KnObject *)&ob_type_type),
                             ns("__new__", fn(m_meta_new), NULL));
    KnObject *kw = ob_dict_new();
    ob_dict_setitem(kw, S("flag"), I(1));
    meta_seen_kw = NULL;
    KnObject *X = ob_type_new_kw((KnTypeObject *)Meta, S("X"), bases0(), ns(NULL), kw);
    assert_non_null(X);
    assert_ptr_equal(KN_TYPE(X), Meta);
    assert_ptr_equal(getattr_s(X, "made_by_meta"), KN_True);
    assert_non_null(meta_seen_kw);
    assert_string_equal(cstr(KN_TUPLE_GET(meta_seen_kw, 0)), "flag");
    /* a subclass of X gets Meta through the bases */
    KnObject *Y = mkclass("Y", bases1(X), ns(NULL));
    assert_ptr_equal(KN_TYPE(Y), Meta);
    assert_ptr_equal(getattr_s(Y, "made_by_meta"), KN_True);
    /* instances of X are ordinary */
    KnObject *x = call0(X);
    assert_ptr_equal(KN_TYPE(x), X);

    /* a metaclass __call__ replaces instance creation */
    KnObject *CallMeta = mkclass("CallMeta", bases1((KnObject *)&ob_type_type),
                                 ns("__call__", fn(m_meta_call), NULL));
    KnObject *Z = ob_type_new((KnTypeObject *)CallMeta, S("Z"), bases0(), ns(NULL));
    assert_non_null(Z);
    assert_int_equal(as_long(ob_call(Z, ob_tuple_pack(2, I(1), I(2)), NULL)), 102);
    /* type.__call__ is still reachable */
    KnObject *tc = getattr_s((KnObject *)&ob_type_type, "__call__");
    KnObject *args[1] = { Z };
    KnObject *z = ob_vectorcall(tc, args, 1, NULL);
    assert_non_null(z);
    assert_ptr_equal(KN_TYPE(z), Z);
}

static void test_abstract_and_class_assignment(void **state)
{
    KnObject *Ab = mkclass("Ab", bases0(), ns(NULL));
    KnObject *names = ob_tuple_pack(2, S("run"), S("stop"));
    assert_int_equal(ob_setattr(Ab, S("__abstractmethods__"), names), 0);
    assert_null(call0(Ab));
    expect_error(ob_exc_TypeError, "Can't instantiate abstract class Ab with abstract methods run, stop");
    assert_int_equal(ob_setattr(Ab, S("__abstractmethods__"), ob_tuple_empty()), 0);
    assert_non_null(call0(Ab));

    KnObject *P = mkclass("P", bases0(), ns(NULL));
    KnObject *Q = mkclass("Q", bases0(), ns(NULL));
    KnObject *Sl = mkclass("Sl2", bases0(), ns("__slots__", ob_tuple_pack(1, S("a")), NULL));
    KnObject *p = call0(P);
    assert_int_equal(ob_setattr(p, S("__class__"), Q), 0);
    assert_ptr_equal(KN_TYPE(p), Q);
    assert_int_equal(ob_setattr(p, S("__class__"), Sl), -1);
    expect_error(ob_exc_TypeError, "__class__ assignment: 'Sl2' object layout differs from 'Q'");
    /* siblings that add the same slots are compatible; a layout-neutral
     * subclass too */
    KnObject *S1 = mkclass("S1", bases0(), ns("__slots__", ob_tuple_pack(1, S("a")), NULL));
    KnObject *s2 = call0(Sl);
    assert_int_equal(ob_setattr(s2, S("__class__"), S1), 0);
    KnObject *R = mkclass("R", bases0(), ns("__slots__", ob_tuple_pack(1, S("b")), NULL));
    assert_int_equal(ob_setattr(s2, S("__class__"), R), -1);
    expect_error(ob_exc_TypeError, "__class__ assignment: 'R' object layout differs from 'S1'");
    KnObject *Q2 = mkclass("Q2", bases1(Q), ns("__slots__", ob_tuple_empty(), NULL));
    assert_int_equal(ob_setattr(p, S("__class__"), Q2), 0);
    /* the sys.modules[__name__].__class__ = MyModule idiom */
    KnObject *MyMod = mkclass("MyMod", bases1((KnObject *)&ob_module_type), ns(NULL));
    KnObject *m = ob_module_new_cstr("some_mod");
    assert_int_equal(ob_setattr(m, S("__class__"), MyMod), 0);
    assert_ptr_equal(KN_TYPE(m), MyMod);
    assert_string_equal(cstr(getattr_s(m, "__name__")), "some_mod");
    assert_int_equal(ob_setattr(p, S("__class__"), (KnObject *)&ob_int_type), -1);
    expect_error(ob_exc_TypeError,
                 "__class__ assignment only supported for mutable types or ModuleType subclasses");
}

static KnObject *m_len3(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    return I(3);
}

static void test_bases_assignment(void **state)
{
    KnObject *A = mkclass("BA", bases0(), ns(NULL));
    KnObject *B = mkclass("BB", bases0(), ns("__len__", fn(m_len3), "tag", I(5), NULL));
    KnObject *C = mkclass("BC", bases1(A), ns(NULL));
    KnObject *D = mkclass("BD", bases1(C), ns(NULL));
    KnObject *d = call0(D);
    assert_int_equal(ob_length(d), -1);
    ob_err_clear();
    unsigned tag = ob_type_version((KnTypeObject *)D);
    assert_int_equal(ob_setattr(C, S("__bases__"), bases1(B)), 0);
    KnObject *mro = ((KnTypeObject *)D)->tp_mro;
    assert_int_equal(KN_SIZE(mro), 4);
    assert_ptr_equal(KN_TUPLE_GET(mro, 2), B);
    assert_ptr_equal(((KnTypeObject *)C)->tp_base, B);
    assert_true(ob_type_version((KnTypeObject *)D) != tag);
    /* slots and attributes follow the new base, subclasses included */
    assert_int_equal(ob_length(d), 3);
    assert_int_equal(as_long(getattr_s(d, "tag")), 5);
    assert_int_equal(KN_SIZE(callm(A, "__subclasses__", 0, NULL)), 0);
    assert_ptr_equal(KN_LIST_GET(callm(B, "__subclasses__", 0, NULL), 0), C);

    assert_int_equal(ob_setattr(C, S("__bases__"), ob_list_new(0)), -1);
    expect_error(ob_exc_TypeError, "can only assign tuple to BC.__bases__, not list");
    assert_int_equal(ob_setattr(C, S("__bases__"), ob_tuple_empty()), -1);
    expect_error(ob_exc_TypeError, "can only assign non-empty tuple to BC.__bases__, not ()");
    assert_int_equal(ob_setattr(C, S("__bases__"), bases1(I(1))), -1);
    expect_error(ob_exc_TypeError, "BC.__bases__ must be tuple of classes, not 'int'");
    assert_int_equal(ob_setattr(B, S("__bases__"), bases1(D)), -1);
    expect_error(ob_exc_TypeError, "a __bases__ item causes an inheritance cycle");
    assert_int_equal(ob_setattr(C, S("__bases__"), bases1((KnObject *)&ob_int_type)), -1);
    expect_error(ob_exc_TypeError, "__bases__ assignment: 'int' deallocator differs from 'BB'");
    KnObject *Sl = mkclass("BS", bases0(), ns("__slots__", ob_tuple_pack(1, S("a")), NULL));
    assert_int_equal(ob_setattr(C, S("__bases__"), bases1(Sl)), -1);
    expect_error(ob_exc_TypeError, "__bases__ assignment: 'BS' object layout differs from 'BB'");
    assert_int_equal(ob_setattr((KnObject *)&ob_int_type, S("__bases__"), bases1(A)), -1);
    expect_error(ob_exc_TypeError, "cannot set '__bases__' attribute of immutable type 'int'");
    /* a subclass's MRO that becomes inconsistent undoes everything */
    KnObject *X = mkclass("BX", bases0(), ns(NULL));
    KnObject *E = mkclass("BE", bases2(X, C), ns(NULL));
    KnObject *emro = ((KnTypeObject *)E)->tp_mro;
    assert_int_equal(ob_setattr(C, S("__bases__"), bases1(X)), -1);
    expect_error(ob_exc_TypeError,
                 "Cannot create a consistent method resolution\norder (MRO) for bases BX, BC");
    assert_ptr_equal(((KnTypeObject *)E)->tp_mro, emro);
    /* nothing changed by the failures */
    assert_ptr_equal(((KnTypeObject *)C)->tp_base, B);
    assert_int_equal(ob_length(d), 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_type_one_arg),
        cmocka_unit_test(test_type_new_argument_errors),
        cmocka_unit_test(test_simple_class),
        cmocka_unit_test(test_init_and_new),
        cmocka_unit_test(test_inheritance_and_mro),
        cmocka_unit_test(test_bases_errors),
        cmocka_unit_test(test_metaclasses),
        cmocka_unit_test(test_mro_override),
        cmocka_unit_test(test_slots),
        cmocka_unit_test(test_slots_errors),
        cmocka_unit_test(test_var_sized_base),
        cmocka_unit_test(test_dict_entries),
        cmocka_unit_test(test_module_from_globals),
        cmocka_unit_test(test_set_name),
        cmocka_unit_test(test_init_subclass),
        cmocka_unit_test(test_prepare_and_build),
        cmocka_unit_test(test_mro_entries),
        cmocka_unit_test(test_version_tags),
        cmocka_unit_test(test_python_metaclass),
        cmocka_unit_test(test_metaclass_forwards_keywords),
        cmocka_unit_test(test_abstract_and_class_assignment),
        cmocka_unit_test(test_bases_assignment),
    };
    return cmocka_run_group_tests(tests, setup_runtime, NULL);
}
