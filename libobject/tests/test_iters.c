/*
 * test_iters.c — enumerate, zip, map, filter and reversed
 * (src/builtin_iters.c), called through their type objects as the
 * builtins module will call them.
 */
#include "test_abstract_util.h"

static int setup(void **state) { return tu_setup(state); }

#define T(t) ((KnObject *)&(t))

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

/* Call `callable` with positional args (a tuple) and keyword pairs. */
static KnObject *call_kw(KnObject *callable, KnObject *args, const char *k, KnObject *v)
{
    KnObject *kw = ob_dict_new();
    assert_int_equal(ob_dict_setitem_str(kw, k, v), 0);
    return ob_call(callable, args, kw);
}

/* -------------------------------------------------------- enumerate */

static void test_enumerate(void **state)
{
    KnObject *e = tu_call(T(ob_enumerate_type), 1, S("ab"));
    assert_repr(ob_type_of(e), "<class 'enumerate'>");
    assert_ptr_equal(ob_get_iter(e), e);
    assert_list_repr(e, "[(0, 'a'), (1, 'b')]");
    assert_null(ob_iter_next(e));
    assert_null(ob_err_occurred());
    /* the slot wrappers: e.__next__() raises StopIteration at the end */
    e = tu_call(T(ob_enumerate_type), 1, S("a"));
    assert_ptr_equal(ob_call_method(e, "__iter__", 0), e);
    assert_repr(ob_call_method(e, "__next__", 0), "(0, 'a')");
    assert_null(ob_call_method(e, "__next__", 0));
    assert_raised(ob_exc_StopIteration, "");
    e = tu_call(T(ob_enumerate_type), 2, S("ab"), I(-1));
    assert_list_repr(e, "[(-1, 'a'), (0, 'b')]");
    e = call_kw(T(ob_enumerate_type), ob_tuple_pack(1, S("a")), "start", KN_True);
    assert_list_repr(e, "[(1, 'a')]");
    e = call_kw(T(ob_enumerate_type), ob_tuple_empty(), "iterable", S("x"));
    assert_list_repr(e, "[(0, 'x')]");
}

static void test_enumerate_big_counts(void **state)
{
    /* past the C range the count goes on as a Python int */
    KnObject *start = BIG("9223372036854775806");
    KnObject *e = tu_call(T(ob_enumerate_type), 2, S("abc"), start);
    assert_list_repr(e, "[(9223372036854775806, 'a'), (9223372036854775807, 'b'), "
                        "(9223372036854775808, 'c')]");
    e = tu_call(T(ob_enumerate_type), 2, S("ab"), BIG("100000000000000000000000"));
    assert_list_repr(e, "[(100000000000000000000000, 'a'), (100000000000000000000001, 'b')]");
}

static void test_enumerate_errors_and_reduce(void **state)
{
    /* CPython's fast path for enumerate itself has no "(pos 1)" */
    assert_null(tu_call(T(ob_enumerate_type), 0));
    assert_raised(ob_exc_TypeError, "enumerate() missing required argument 'iterable'");
    assert_null(call_kw(T(ob_enumerate_type), ob_tuple_empty(), "start", I(1)));
    assert_raised(ob_exc_TypeError, "'start' is an invalid keyword argument for enumerate()");
    assert_list_repr(call_kw(T(ob_enumerate_type), ob_tuple_pack(1, S("a")), "start", I(5)),
                     "[(5, 'a')]");
    assert_null(tu_call(T(ob_enumerate_type), 3, S("a"), I(0), I(2)));
    assert_raised(ob_exc_TypeError, "enumerate() takes at most 2 arguments (3 given)");
    assert_null(tu_call(T(ob_enumerate_type), 2, S("a"), S("x")));
    assert_raised(ob_exc_TypeError, "'str' object cannot be interpreted as an integer");
    assert_null(tu_call(T(ob_enumerate_type), 1, I(1)));
    assert_raised(ob_exc_TypeError, "'int' object is not iterable");

    KnObject *e = tu_call(T(ob_enumerate_type), 2, list_of(2, I(7), I(8)), I(3));
    assert_non_null(ob_iter_next(e));
    KnObject *r = ob_call_method(e, "__reduce__", 0);
    assert_non_null(r);
    assert_int_equal(KN_SIZE(r), 2);
    assert_ptr_equal(KN_TUPLE_GET(r, 0), T(ob_enumerate_type));
    KnObject *args = KN_TUPLE_GET(r, 1);
    assert_int(KN_TUPLE_GET(args, 1), 4);
    /* rebuilding from the reduce value resumes where it stopped */
    KnObject *again = ob_call(KN_TUPLE_GET(r, 0), args, NULL);
    assert_list_repr(again, "[(4, 8)]");
}

/* -------------------------------------------------------------- zip */

static void test_zip(void **state)
{
    KnObject *z = tu_call(T(ob_zip_type), 2, S("abc"), list_of(2, I(1), I(2)));
    assert_repr(ob_type_of(z), "<class 'zip'>");
    assert_list_repr(z, "[('a', 1), ('b', 2)]");
    assert_list_repr(tu_call(T(ob_zip_type), 0), "[]");
    assert_list_repr(tu_call(T(ob_zip_type), 1, S("ab")), "[('a',), ('b',)]");
    assert_null(tu_call(T(ob_zip_type), 2, S("ab"), I(1)));
    assert_raised(ob_exc_TypeError, "'int' object is not iterable");
    assert_null(call_kw(T(ob_zip_type), ob_tuple_pack(1, S("a")), "foo", I(1)));
    assert_raised(ob_exc_TypeError, "'foo' is an invalid keyword argument for zip()");
}

static void test_zip_strict(void **state)
{
    KnObject *z = call_kw(T(ob_zip_type), ob_tuple_pack(2, S("ab"), S("cd")), "strict", KN_True);
    assert_list_repr(z, "[('a', 'c'), ('b', 'd')]");
    z = call_kw(T(ob_zip_type), ob_tuple_pack(2, S("a"), S("cd")), "strict", KN_True);
    assert_null(ob_sequence_list(z));
    assert_raised(ob_exc_ValueError, "zip() argument 2 is longer than argument 1");
    z = call_kw(T(ob_zip_type), ob_tuple_pack(2, S("ab"), S("c")), "strict", KN_True);
    assert_null(ob_sequence_list(z));
    assert_raised(ob_exc_ValueError, "zip() argument 2 is shorter than argument 1");
    z = call_kw(T(ob_zip_type), ob_tuple_pack(3, S("ab"), S("cd"), S("e")), "strict", KN_True);
    assert_null(ob_sequence_list(z));
    assert_raised(ob_exc_ValueError, "zip() argument 3 is shorter than arguments 1-2");
    z = call_kw(T(ob_zip_type), ob_tuple_pack(3, S("a"), S("c"), S("ef")), "strict", KN_True);
    assert_null(ob_sequence_list(z));
    assert_raised(ob_exc_ValueError, "zip() argument 3 is longer than arguments 1-2");
    /* strict=False (any false value) stops quietly */
    z = call_kw(T(ob_zip_type), ob_tuple_pack(2, S("a"), S("cd")), "strict", I(0));
    assert_list_repr(z, "[('a', 'c')]");
}

static void test_zip_reduce(void **state)
{
    KnObject *z = tu_call(T(ob_zip_type), 2, S("ab"), S("cd"));
    KnObject *r = ob_call_method(z, "__reduce__", 0);
    assert_int_equal(KN_SIZE(r), 2);
    assert_ptr_equal(KN_TUPLE_GET(r, 0), T(ob_zip_type));
    assert_int_equal(KN_SIZE(KN_TUPLE_GET(r, 1)), 2);
    z = call_kw(T(ob_zip_type), ob_tuple_pack(2, S("ab"), S("cd")), "strict", KN_True);
    r = ob_call_method(z, "__reduce__", 0);
    assert_int_equal(KN_SIZE(r), 3);
    assert_repr(KN_TUPLE_GET(r, 2), "(True,)");
    /* __setstate__ turns strictness on */
    z = tu_call(T(ob_zip_type), 2, S("ab"), S("c"));
    assert_non_null(ob_call_method(z, "__setstate__", 1, KN_True));
    assert_null(ob_sequence_list(z));
    assert_raised(ob_exc_ValueError, "zip() argument 2 is shorter than argument 1");
}

/* -------------------------------------------------------------- map */

static KnObject *add2(KnObject *self, KnObject *const *args, kn_ssize_t n)
{
    if (n != 2)
        return ob_err_format(ob_exc_TypeError, "add2 wants 2, got %zd", n);
    return ob_number_add(args[0], args[1]);
}
static KnMethodDef add2_def = { "add2", (KnCFunction)(void (*)(void))add2, KN_METH_FASTCALL, NULL };

static KnObject *pack(KnObject *self, KnObject *const *args, kn_ssize_t n)
{
    return ob_tuple_from_array(args, n);
}
static KnMethodDef pack_def = { "pack", (KnCFunction)(void (*)(void))pack, KN_METH_FASTCALL, NULL };

static KnObject *neg(KnObject *self, KnObject *x) { return ob_number_negative(x); }
static KnMethodDef neg_def = { "neg", neg, KN_METH_O, NULL };

static void test_map(void **state)
{
    KnObject *f = ob_cfunction_new(&add2_def, NULL, NULL);
    KnObject *m = tu_call(T(ob_map_type), 3, f, list_of(3, I(1), I(2), I(3)),
                          list_of(2, I(10), I(20)));
    assert_repr(ob_type_of(m), "<class 'map'>");
    assert_list_repr(m, "[11, 22]");
    m = tu_call(T(ob_map_type), 2, ob_cfunction_new(&neg_def, NULL, NULL), list_of(2, I(1), I(-2)));
    assert_list_repr(m, "[-1, 2]");
    /* an error from the function propagates */
    m = tu_call(T(ob_map_type), 2, f, list_of(1, I(1)));
    assert_null(ob_iter_next(m));
    assert_raised(ob_exc_TypeError, "add2 wants 2, got 1");
    /* nine iterables: more arguments than map's buffer on the C stack */
    KnObject *args = ob_tuple_new(10);
    KN_TUPLE_SET(args, 0, ob_cfunction_new(&pack_def, NULL, NULL));
    for (int i = 1; i < 10; i++)
        KN_TUPLE_SET(args, i, list_of(2, I(i), I(-1000 * i)));
    m = ob_call(T(ob_map_type), args, NULL);
    assert_list_repr(m, "[(1, 2, 3, 4, 5, 6, 7, 8, 9), (-1000, -2000, -3000, -4000, -5000, -6000, -7000, -8000, -9000)]");

    assert_null(tu_call(T(ob_map_type), 1, f));
    assert_raised(ob_exc_TypeError, "map() must have at least two arguments.");
    assert_null(tu_call(T(ob_map_type), 2, f, I(1)));
    assert_raised(ob_exc_TypeError, "'int' object is not iterable");
    assert_null(call_kw(T(ob_map_type), ob_tuple_pack(2, f, S("a")), "x", I(1)));
    assert_raised(ob_exc_TypeError, "map() takes no keyword arguments");

    m = tu_call(T(ob_map_type), 2, f, S("ab"));
    KnObject *r = ob_call_method(m, "__reduce__", 0);
    assert_ptr_equal(KN_TUPLE_GET(r, 0), T(ob_map_type));
    assert_ptr_equal(KN_TUPLE_GET(KN_TUPLE_GET(r, 1), 0), f);
    assert_int_equal(KN_SIZE(KN_TUPLE_GET(r, 1)), 2);
}

/* ----------------------------------------------------------- filter */

static KnObject *is_odd(KnObject *self, KnObject *x)
{
    KnObject *r = ob_number_and(x, ob_int_from_ssize(1));
    return r;
}
static KnMethodDef odd_def = { "is_odd", is_odd, KN_METH_O, NULL };

static void test_filter(void **state)
{
    KnObject *items = list_of(5, I(0), I(1), S(""), S("a"), KN_None);
    KnObject *f = tu_call(T(ob_filter_type), 2, KN_None, items);
    assert_repr(ob_type_of(f), "<class 'filter'>");
    assert_list_repr(f, "[1, 'a']");
    f = tu_call(T(ob_filter_type), 2, T(ob_bool_type), items);
    assert_list_repr(f, "[1, 'a']");
    KnObject *odd = ob_cfunction_new(&odd_def, NULL, NULL);
    f = tu_call(T(ob_filter_type), 2, odd, list_of(4, I(1), I(2), I(3), I(4)));
    assert_list_repr(f, "[1, 3]");
    f = tu_call(T(ob_filter_type), 2, odd, list_of(1, S("s")));
    assert_null(ob_iter_next(f));
    assert_raised(ob_exc_TypeError, "unsupported operand type(s) for &: 'str' and 'int'");

    assert_null(tu_call(T(ob_filter_type), 1, KN_None));
    assert_raised(ob_exc_TypeError, "filter expected 2 arguments, got 1");
    assert_null(tu_call(T(ob_filter_type), 2, KN_None, I(1)));
    assert_raised(ob_exc_TypeError, "'int' object is not iterable");
    assert_null(call_kw(T(ob_filter_type), ob_tuple_pack(2, KN_None, S("a")), "x", I(1)));
    assert_raised(ob_exc_TypeError, "filter() takes no keyword arguments");

    f = tu_call(T(ob_filter_type), 2, KN_None, S("ab"));
    KnObject *r = ob_call_method(f, "__reduce__", 0);
    assert_ptr_equal(KN_TUPLE_GET(r, 0), T(ob_filter_type));
    assert_ptr_equal(KN_TUPLE_GET(KN_TUPLE_GET(r, 1), 0), KN_None);
}

/* --------------------------------------------------------- reversed */

/* A sequence-only type: len 3, items 0, 10, 20. */
static kn_ssize_t s3_len(KnObject *o) { return 3; }
static KnObject *s3_item(KnObject *o, kn_ssize_t i)
{
    if (i < 0 || i >= 3)
        return ob_err_format(ob_exc_IndexError, "out of range");
    return ob_int_from_ssize(i * 10);
}
static KnSequenceMethods s3_sq = { .sq_length = s3_len, .sq_item = s3_item };
static KnTypeObject S3_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "S3",
    .tp_basicsize = sizeof(KnObject),
    .tp_as_sequence = &s3_sq,
    .tp_flags = KN_TPFLAGS_DEFAULT,
};

static void test_reversed(void **state)
{
    assert_int_equal(ob_type_ready(&S3_type), 0);
    KnObject *seq = ob_alloc(&S3_type, 0);
    KnObject *r = tu_call(T(ob_reversed_type), 1, seq);
    assert_repr(ob_type_of(r), "<class 'reversed'>");
    assert_int_equal(ob_length_hint(r, 99), 3);
    assert_int(ob_iter_next(r), 20);
    assert_int_equal(ob_length_hint(r, 99), 2);
    assert_list_repr(r, "[10, 0]");
    assert_int_equal(ob_length_hint(r, 99), 0);
    assert_null(ob_iter_next(r));
    assert_null(ob_err_occurred());
    /* __reversed__ wins: list's own reverse iterator */
    KnObject *lr = tu_call(T(ob_reversed_type), 1, list_of(2, I(1), I(2)));
    assert_true(KN_TYPE(lr) != &ob_reversed_type);
    assert_list_repr(lr, "[2, 1]");
    assert_list_repr(tu_call(T(ob_reversed_type), 1, S("abc")), "['c', 'b', 'a']");

    assert_null(tu_call(T(ob_reversed_type), 1, I(3)));
    assert_raised(ob_exc_TypeError, "'int' object is not reversible");
    assert_null(tu_call(T(ob_reversed_type), 2, S("a"), S("b")));
    assert_raised(ob_exc_TypeError, "reversed expected 1 argument, got 2");
    assert_null(call_kw(T(ob_reversed_type), ob_tuple_pack(1, S("a")), "x", I(1)));
    assert_raised(ob_exc_TypeError, "reversed() takes no keyword arguments");
}

static void test_reversed_reduce_setstate(void **state)
{
    KnObject *seq = ob_alloc(&S3_type, 0);
    KnObject *r = tu_call(T(ob_reversed_type), 1, seq);
    assert_non_null(ob_iter_next(r));
    KnObject *red = ob_call_method(r, "__reduce__", 0);
    assert_int_equal(KN_SIZE(red), 3);
    assert_ptr_equal(KN_TUPLE_GET(KN_TUPLE_GET(red, 1), 0), seq);
    assert_int(KN_TUPLE_GET(red, 2), 1);
    /* restore: a fresh reversed at the saved index */
    KnObject *again = ob_call(KN_TUPLE_GET(red, 0), KN_TUPLE_GET(red, 1), NULL);
    assert_non_null(ob_call_method(again, "__setstate__", 1, KN_TUPLE_GET(red, 2)));
    assert_list_repr(again, "[10, 0]");
    /* out-of-range states are clamped */
    again = tu_call(T(ob_reversed_type), 1, seq);
    assert_non_null(ob_call_method(again, "__setstate__", 1, I(50)));
    assert_list_repr(again, "[20, 10, 0]");
    again = tu_call(T(ob_reversed_type), 1, seq);
    assert_non_null(ob_call_method(again, "__setstate__", 1, I(-700)));
    assert_list_repr(again, "[]");
    /* exhausted: reduces to an empty sequence */
    red = ob_call_method(again, "__reduce__", 0);
    assert_repr(KN_TUPLE_GET(red, 1), "((),)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_enumerate),
        cmocka_unit_test(test_enumerate_big_counts),
        cmocka_unit_test(test_enumerate_errors_and_reduce),
        cmocka_unit_test(test_zip),
        cmocka_unit_test(test_zip_strict),
        cmocka_unit_test(test_zip_reduce),
        cmocka_unit_test(test_map),
        cmocka_unit_test(test_filter),
        cmocka_unit_test(test_reversed),
        cmocka_unit_test(test_reversed_reduce_setstate),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
