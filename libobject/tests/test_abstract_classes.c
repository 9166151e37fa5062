/*
 * test_abstract_classes.c — the protocols of src/abstract_*.c driven by
 * classes with dunder methods (built from C with the classes part's test
 * helpers, since there is no interpreter yet): __add__/__radd__
 * reflection, the subclass-first rule, NotImplemented, in-place
 * fallbacks, conversions, iteration, length hints, reversed.
 *
 * Each expectation is what python3.11 does for the same class.
 */
#include "test_type_helpers.h"
#include "libobject/iter.h"

/* a function that returns a fixed tag (its name) */
#define TAG_FN(name, text)                                                   \
    static KnObject *name(KnObject *const *a, kn_ssize_t n, KnObject *kw)    \
    {                                                                        \
        return ob_str_from_cstr(text);                                       \
    }

TAG_FN(a_add, "A.add")
TAG_FN(a_radd, "A.radd")
TAG_FN(b_radd, "B.radd")
TAG_FN(x_radd, "X.radd")
TAG_FN(x_rmul, "X.rmul")

static KnObject *not_impl(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    return KN_NotImplemented;
}

static KnObject *ret_self(KnObject *const *a, kn_ssize_t n, KnObject *kw) { return a[0]; }
static KnObject *ret_two(KnObject *const *a, kn_ssize_t n, KnObject *kw) { return I(2); }
static KnObject *ret_float(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    return ob_float_from_double(1.5);
}
static KnObject *ret_str(KnObject *const *a, kn_ssize_t n, KnObject *kw) { return S("x"); }
static KnObject *ret_minus1(KnObject *const *a, kn_ssize_t n, KnObject *kw) { return I(-1); }
static KnObject *ret_notimpl(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    return KN_NotImplemented;
}

/* pow(self, other, mod) -> (other, mod) */
static KnObject *pow_args(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    return ob_tuple_pack(n - 1, a[1], n > 2 ? a[2] : NULL);
}

static void assert_tag(KnObject *o, const char *text)
{
    if (o == NULL) {
        KnObject *e = ob_err_fetch();
        fail_msg("NULL (%s), expected %s", e ? ob_str_as_utf8(ob_str(e), NULL) : "?", text);
    }
    assert_string_equal(cstr(o), text);
}

/* ------------------------------------------------------- reflection */

static void test_reflected_operand(void **state)
{
    KnObject *A = mkclass("A", bases0(), ns("__add__", fn(not_impl), NULL));
    KnObject *B = mkclass("B", bases0(), ns("__radd__", fn(b_radd), NULL));
    assert_tag(ob_number_add(call0(A), call0(B)), "B.radd");
    /* an int on the left hands over to __radd__ */
    KnObject *X = mkclass("X", bases0(), ns("__radd__", fn(x_radd), "__rmul__", fn(x_rmul), NULL));
    assert_tag(ob_number_add(I(1), call0(X)), "X.radd");
    /* __rmul__ is asked before the list's own repetition */
    assert_tag(ob_number_multiply(ob_list_new(0), call0(X)), "X.rmul");
    /* nobody answers */
    assert_null(ob_number_add(call0(A), call0(A)));
    expect_error(ob_exc_TypeError, "unsupported operand type(s) for +: 'A' and 'A'");
    assert_null(ob_number_subtract(call0(B), I(1)));
    expect_error(ob_exc_TypeError, "unsupported operand type(s) for -: 'B' and 'int'");
}

static void test_subclass_reflected_first(void **state)
{
    KnObject *A = mkclass("A", bases0(), ns("__add__", fn(a_add), "__radd__", fn(a_radd), NULL));
    KnObject *B = mkclass("B", bases1(A), ns("__radd__", fn(b_radd), NULL));
    KnObject *C = mkclass("C", bases1(A), ns(NULL));
    /* B overrides __radd__: it goes first */
    assert_tag(ob_number_add(call0(A), call0(B)), "B.radd");
    /* C only inherits it: the left operand's __add__ wins */
    assert_tag(ob_number_add(call0(A), call0(C)), "A.add");
    /* the subclass on the left is plain left-first */
    assert_tag(ob_number_add(call0(B), call0(A)), "A.add");
}

static void test_sequence_with_index_class(void **state)
{
    KnObject *Two = mkclass("Two", bases0(), ns("__index__", fn(ret_two), NULL));
    KnObject *l = ob_list_from_array((KnObject *[]){ I(1) }, 1);
    KnObject *r = ob_number_multiply(l, call0(Two));
    assert_non_null(r);
    assert_string_equal(cstr(ob_repr(r)), "[1, 1]");
    r = ob_number_multiply(call0(Two), S("ab"));
    assert_string_equal(cstr(r), "abab");
    assert_int_equal(as_long(ob_getitem(ob_list_from_array((KnObject *[]){ I(5), I(6), I(7) }, 3),
                                        call0(Two))), 7);
    assert_int_equal(ob_number_as_ssize(call0(Two), NULL), 2);
}

static void test_inplace_with_classes(void **state)
{
    KnObject *Acc = mkclass("Acc", bases0(), ns("__iadd__", fn(ret_self), NULL));
    KnObject *acc = call0(Acc);
    assert_ptr_equal(ob_number_inplace_add(acc, I(1)), acc);
    /* no __iadd__: a + b */
    KnObject *A = mkclass("A", bases0(), ns("__add__", fn(a_add), NULL));
    assert_tag(ob_number_inplace_add(call0(A), I(1)), "A.add");
    /* __iadd__ that declines */
    KnObject *D = mkclass("D", bases0(), ns("__iadd__", fn(not_impl), "__add__", fn(a_add), NULL));
    assert_tag(ob_number_inplace_add(call0(D), I(1)), "A.add");
    KnObject *E = mkclass("E", bases0(), ns(NULL));
    assert_null(ob_number_inplace_add(call0(E), I(1)));
    expect_error(ob_exc_TypeError, "unsupported operand type(s) for +=: 'E' and 'int'");
}

static void test_pow_with_classes(void **state)
{
    KnObject *P = mkclass("P", bases0(), ns("__pow__", fn(pow_args), NULL));
    KnObject *r = ob_number_power(call0(P), I(2), I(5));
    assert_string_equal(cstr(ob_repr(r)), "(2, 5)");
    r = ob_number_power(call0(P), I(3), KN_None);
    assert_string_equal(cstr(ob_repr(r)), "(3,)");
}

static void test_unary_with_classes(void **state)
{
    KnObject *N = mkclass("N", bases0(), ns("__neg__", fn(ret_two), NULL));
    assert_int_equal(as_long(ob_number_negative(call0(N))), 2);
    assert_null(ob_number_invert(call0(N)));
    expect_error(ob_exc_TypeError, "bad operand type for unary ~: 'N'");
    assert_null(ob_number_absolute(call0(N)));
    expect_error(ob_exc_TypeError, "bad operand type for abs(): 'N'");
}

/* ------------------------------------------------------ conversions */

static void test_conversion_dunders(void **state)
{
    KnObject *X = mkclass("X", bases0(), ns("__index__", fn(ret_str), NULL));
    assert_null(ob_number_index(call0(X)));
    expect_error(ob_exc_TypeError, "__index__ returned non-int (type str)");
    KnObject *Y = mkclass("Y", bases0(), ns("__int__", fn(ret_float), NULL));
    assert_null(ob_number_long(call0(Y)));
    expect_error(ob_exc_TypeError, "__int__ returned non-int (type float)");
    KnObject *Z = mkclass("Z", bases0(), ns("__float__", fn(ret_two), NULL));
    assert_null(ob_number_float(call0(Z)));
    expect_error(ob_exc_TypeError, "Z.__float__ returned non-float (type int)");
    KnObject *T = mkclass("T", bases0(), ns("__trunc__", fn(ret_two), NULL));
    assert_int_equal(as_long(ob_number_long(call0(T))), 2);
    KnObject *T2 = mkclass("T2", bases0(), ns("__trunc__", fn(ret_float), NULL));
    assert_null(ob_number_long(call0(T2)));
    expect_error(ob_exc_TypeError, "__trunc__ returned non-Integral (type float)");
    /* __index__ serves int() and float() */
    KnObject *Two = mkclass("Two", bases0(), ns("__index__", fn(ret_two), NULL));
    assert_int_equal(as_long(ob_number_long(call0(Two))), 2);
    assert_true(ob_float_as_double(ob_number_float(call0(Two))) == 2.0);
}

/* -------------------------------------------------------- iteration */

static KnObject *count_next(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    KnObject *v = getattr_s(a[0], "i");
    long i = v ? as_long(v) : 0;
    if (v == NULL)
        ob_err_clear();
    if (i >= 3) {
        ob_err_set_none(ob_exc_StopIteration);
        return NULL;
    }
    if (ob_setattr(a[0], S("i"), I(i + 1)) < 0)
        return NULL;
    return I(i);
}

static KnObject *getitem_upto3(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    long i = as_long(a[1]);
    if (i >= 3)
        return ob_err_format(ob_exc_IndexError, "done");
    return I(i * i);
}

static KnObject *len3(KnObject *const *a, kn_ssize_t n, KnObject *kw) { return I(3); }

static void test_iterator_class(void **state)
{
    KnObject *It = mkclass("It", bases0(), ns("__iter__", fn(ret_self), "__next__", fn(count_next), NULL));
    KnObject *it = call0(It);
    assert_ptr_equal(ob_get_iter(it), it);
    KnObject *l = ob_sequence_list(it);
    assert_non_null(l);
    assert_string_equal(cstr(ob_repr(l)), "[0, 1, 2]");
    assert_null(ob_iter_next(it));
    assert_null(ob_err_occurred());
    assert_int_equal(ob_contains(call0(It), I(2)), 1);
    assert_int_equal(ob_contains(call0(It), I(5)), 0);

    KnObject *NI = mkclass("NI", bases0(), ns("__iter__", fn(ret_two), NULL));
    assert_null(ob_get_iter(call0(NI)));
    expect_error(ob_exc_TypeError, "iter() returned non-iterator of type 'int'");
}

static void test_getitem_class_iterates(void **state)
{
    KnObject *G = mkclass("G", bases0(), ns("__getitem__", fn(getitem_upto3), NULL));
    KnObject *it = ob_get_iter(call0(G));
    assert_non_null(it);
    assert_ptr_equal(KN_TYPE(it), &ob_seqiter_type);
    assert_string_equal(cstr(ob_repr(ob_sequence_list(it))), "[0, 1, 4]");
    assert_int_equal(ob_contains(call0(G), I(4)), 1);
    assert_string_equal(cstr(ob_repr(ob_sequence_tuple(call0(G)))), "(0, 1, 4)");
}

static KnObject *iter_of_str(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    return ob_get_iter(S("xy"));
}

static void test_list_subclass_iter_respected(void **state)
{
    KnObject *L = mkclass("L", bases1((KnObject *)&ob_list_type), ns("__iter__", fn(iter_of_str), NULL));
    KnObject *l = call0(L);
    assert_int_equal(ob_list_append(l, I(1)), 0);
    assert_string_equal(cstr(ob_repr(ob_sequence_tuple(l))), "('x', 'y')");
}

static void test_length_hint_dunder(void **state)
{
    KnObject *H = mkclass("H", bases0(), ns("__length_hint__", fn(ret_minus1), NULL));
    assert_int_equal(ob_length_hint(call0(H), 5), -1);
    expect_error(ob_exc_ValueError, "__length_hint__() should return >= 0");
    KnObject *H2 = mkclass("H2", bases0(), ns("__length_hint__", fn(ret_str), NULL));
    assert_int_equal(ob_length_hint(call0(H2), 5), -1);
    expect_error(ob_exc_TypeError, "__length_hint__ must be an integer, not str");
    KnObject *H3 = mkclass("H3", bases0(), ns("__length_hint__", fn(ret_notimpl), NULL));
    assert_int_equal(ob_length_hint(call0(H3), 5), 5);
    KnObject *L = mkclass("L", bases0(), ns("__len__", fn(len3), "__length_hint__", fn(ret_str), NULL));
    assert_int_equal(ob_length_hint(call0(L), 5), 3);
}

static void test_reversed_with_classes(void **state)
{
    KnObject *R = mkclass("R", bases0(), ns("__reversed__", KN_None, "__getitem__", fn(getitem_upto3),
                                            "__len__", fn(len3), NULL));
    assert_null(ob_call_onearg((KnObject *)&ob_reversed_type, call0(R)));
    expect_error(ob_exc_TypeError, "'R' object is not reversible");
    KnObject *S3 = mkclass("S3", bases0(), ns("__getitem__", fn(getitem_upto3), "__len__", fn(len3), NULL));
    KnObject *r = ob_call_onearg((KnObject *)&ob_reversed_type, call0(S3));
    assert_non_null(r);
    assert_string_equal(cstr(ob_repr(ob_sequence_list(r))), "[4, 1, 0]");
    KnObject *Own = mkclass("Own", bases0(), ns("__reversed__", fn(ret_two), NULL));
    assert_int_equal(as_long(ob_call_onearg((KnObject *)&ob_reversed_type, call0(Own))), 2);
}

static KnObject *class_getitem(KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    return ob_tuple_pack(2, a[0], a[1]);
}

static void test_class_getitem(void **state)
{
    KnObject *G = mkclass("G", bases0(), ns("__class_getitem__", fn(class_getitem), NULL));
    KnObject *r = ob_getitem(G, (KnObject *)&ob_int_type);
    assert_non_null(r);
    assert_ptr_equal(KN_TUPLE_GET(r, 0), G);
    assert_ptr_equal(KN_TUPLE_GET(r, 1), (KnObject *)&ob_int_type);
    KnObject *Nn = mkclass("Nn", bases0(), ns("__class_getitem__", KN_None, NULL));
    assert_null(ob_getitem(Nn, I(1)));
    expect_error(ob_exc_TypeError, "type 'Nn' is not subscriptable");
    /* type[X] is a types.GenericAlias with origin type (as CPython) */
    KnObject *ga = ob_getitem((KnObject *)&ob_type_type, (KnObject *)&ob_int_type);
    assert_non_null(ga);
    assert_ptr_equal(ob_getattr_str(ga, "__origin__"), (KnObject *)&ob_type_type);
    KnObject *P = mkclass("P", bases0(), ns(NULL));
    assert_null(ob_getitem(P, I(1)));
    expect_error(ob_exc_TypeError, "type 'P' is not subscriptable");
}

/* A subclass of module keeps module's dict, repr and attribute rules. */
static void test_module_subclass(void **state)
{
    KnObject *M = mkclass("M", bases1((KnObject *)&ob_module_type), ns("flag", I(1), NULL));
    KnObject *m = ob_call_onearg(M, S("sub"));
    assert_non_null(m);
    assert_true(KN_MODULE_CHECK(m));
    assert_string_equal(cstr(ob_repr(m)), "<module 'sub'>");
    assert_int_equal(as_long(getattr_s(m, "flag")), 1);
    assert_int_equal(ob_setattr(m, S("x"), I(5)), 0);
    assert_int_equal(as_long(ob_dict_getitem_str(ob_module_get_dict(m), "x")), 5);
    assert_null(getattr_s(m, "nope"));
    expect_error(ob_exc_AttributeError, "module 'sub' has no attribute 'nope'");
}

/* Subclasses of the builtin iterators are built by tp_new (the vectorcall
 * fast path is for the exact types only) and keep their behaviour. */
static void test_iterator_subclasses(void **state)
{
    KnObject *Z = mkclass("Z", bases1((KnObject *)&ob_zip_type), ns("tag", I(1), NULL));
    KnObject *z = ob_call(Z, ob_tuple_pack(2, S("ab"), S("cd")), NULL);
    assert_non_null(z);
    assert_ptr_equal(KN_TYPE(z), (KnTypeObject *)Z);
    assert_string_equal(cstr(ob_repr(ob_sequence_list(z))), "[('a', 'c'), ('b', 'd')]");
    KnObject *E = mkclass("E", bases1((KnObject *)&ob_enumerate_type), ns(NULL));
    KnObject *e = ob_call_onearg(E, S("x"));
    assert_non_null(e);
    assert_string_equal(cstr(ob_repr(ob_sequence_list(e))), "[(0, 'x')]");
    KnObject *R = mkclass("R", bases1((KnObject *)&ob_reversed_type), ns(NULL));
    KnObject *S3 = mkclass("S3", bases0(), ns("__getitem__", fn(getitem_upto3), "__len__", fn(len3), NULL));
    KnObject *r = ob_call_onearg(R, call0(S3));
    assert_non_null(r);
    assert_ptr_equal(KN_TYPE(r), (KnTypeObject *)R);
    assert_string_equal(cstr(ob_repr(ob_sequence_list(r))), "[4, 1, 0]");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reflected_operand),
        cmocka_unit_test(test_subclass_reflected_first),
        cmocka_unit_test(test_sequence_with_index_class),
        cmocka_unit_test(test_inplace_with_classes),
        cmocka_unit_test(test_pow_with_classes),
        cmocka_unit_test(test_unary_with_classes),
        cmocka_unit_test(test_conversion_dunders),
        cmocka_unit_test(test_iterator_class),
        cmocka_unit_test(test_getitem_class_iterates),
        cmocka_unit_test(test_list_subclass_iter_respected),
        cmocka_unit_test(test_length_hint_dunder),
        cmocka_unit_test(test_reversed_with_classes),
        cmocka_unit_test(test_class_getitem),
        cmocka_unit_test(test_module_subclass),
        cmocka_unit_test(test_iterator_subclasses),
    };
    return cmocka_run_group_tests(tests, setup_runtime, NULL);
}
