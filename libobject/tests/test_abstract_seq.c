/*
 * test_abstract_seq.c — containers and iteration (src/abstract_seq.c,
 * src/builtin_iters_seq.c): len, length hints, subscription with its
 * mapping-then-sequence order, `in`, iter()/next(), list()/tuple().
 *
 * Seq3 is a sequence-only type (sq_length 3, sq_item, nothing else), the
 * shape of an old-style class with __getitem__ and __len__.
 */
#include "test_abstract_util.h"

typedef struct {
    KN_OBJECT_HEAD;
    KnObject *last_set;        /* what sq_ass_item stored last */
    kn_ssize_t last_index;     /* the index sq_item / sq_ass_item saw */
} Seq3;

static kn_ssize_t seq3_len(KnObject *o) { return 3; }

static KnObject *seq3_item(KnObject *o, kn_ssize_t i)
{
    ((Seq3 *)o)->last_index = i;
    if (i < 0 || i >= 3)
        return ob_err_format(ob_exc_IndexError, "Seq3 index out of range");
    return ob_int_from_ssize(i * 10);
}

static int seq3_ass_item(KnObject *o, kn_ssize_t i, KnObject *v)
{
    ((Seq3 *)o)->last_index = i;
    ((Seq3 *)o)->last_set = v;
    return 0;
}

static KnSequenceMethods seq3_sq = {
    .sq_length = seq3_len,
    .sq_item = seq3_item,
    .sq_ass_item = seq3_ass_item,
};

static KnTypeObject Seq3_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "Seq3",
    .tp_basicsize = sizeof(Seq3),
    .tp_as_sequence = &seq3_sq,
    .tp_flags = KN_TPFLAGS_DEFAULT,
};

/* An object whose __iter__ returns an int. */
static KnObject *bad_iter(KnObject *o) { return ob_int_from_ssize(1); }
static KnTypeObject BadIter_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "BadIter",
    .tp_basicsize = sizeof(KnObject),
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_iter = bad_iter,
};

/* A counting function for iter(callable, sentinel). */
static long counter;
static KnObject *count_up(KnObject *self, KnObject *unused)
{
    return ob_int_from_ssize(counter++);
}
static KnMethodDef count_def = { "count_up", count_up, KN_METH_NOARGS, NULL };

/* A function that raises StopIteration on its third call. */
static KnObject *stop_soon(KnObject *self, KnObject *unused)
{
    if (counter++ >= 2) {
        ob_err_set_none(ob_exc_StopIteration);
        return NULL;
    }
    return ob_int_from_ssize(counter);
}
static KnMethodDef stop_def = { "stop_soon", stop_soon, KN_METH_NOARGS, NULL };

static int setup(void **state)
{
    if (tu_setup(state) < 0)
        return -1;
    if (ob_type_ready(&Seq3_type) < 0 || ob_type_ready(&BadIter_type) < 0)
        return -1;
    return 0;
}

static KnObject *seq3(void)
{
    KnObject *o = ob_alloc(&Seq3_type, 0);
    assert_non_null(o);
    return o;
}

static KnObject *list3(void)
{
    return ob_list_from_array((KnObject *[]){ I(1), I(2), I(3) }, 3);
}

static KnObject *dict_ab(void)
{
    KnObject *d = ob_dict_new();
    assert_int_equal(ob_dict_setitem(d, S("a"), I(1)), 0);
    assert_int_equal(ob_dict_setitem(d, S("b"), I(2)), 0);
    return d;
}

/* ----------------------------------------------------------- length */

static void test_length(void **state)
{
    assert_int_equal(ob_length(list3()), 3);
    assert_int_equal(ob_length(dict_ab()), 2);
    assert_int_equal(ob_length(S("abcd")), 4);
    assert_int_equal(ob_length(seq3()), 3);
    assert_int_equal(ob_length(I(5)), -1);
    assert_raised(ob_exc_TypeError, "object of type 'int' has no len()");
}

static void test_length_hint(void **state)
{
    assert_int_equal(ob_length_hint(list3(), 7), 3);
    KnObject *it = ob_get_iter(list3());
    assert_int_equal(ob_length_hint(it, 7), 3);
    assert_non_null(ob_iter_next(it));
    assert_int_equal(ob_length_hint(it, 7), 2);
    assert_int_equal(ob_length_hint(I(5), 7), 7);
    assert_null(ob_err_occurred());
    /* a sequence iterator's hint comes from the sequence's length */
    KnObject *sit = ob_get_iter(seq3());
    assert_int_equal(ob_length_hint(sit, 7), 3);
    assert_non_null(ob_iter_next(sit));
    assert_int_equal(ob_length_hint(sit, 7), 2);
}

/* ----------------------------------------------------- subscription */

static void test_getitem(void **state)
{
    KnObject *l = list3();
    assert_int(ob_getitem(l, I(0)), 1);
    assert_int(ob_getitem(l, I(-1)), 3);
    assert_null(ob_getitem(l, I(3)));
    assert_raised(ob_exc_IndexError, "list index out of range");
    assert_int(ob_getitem(dict_ab(), S("b")), 2);
    assert_null(ob_getitem(dict_ab(), S("z")));
    assert_raised(ob_exc_KeyError, "'z'");
    assert_repr(ob_getitem(S("abc"), I(-1)), "'c'");
    assert_null(ob_getitem(I(1), I(0)));
    assert_raised(ob_exc_TypeError, "'int' object is not subscriptable");
    assert_null(ob_getitem(KN_None, I(0)));
    assert_raised(ob_exc_TypeError, "'NoneType' object is not subscriptable");
}

static void test_getitem_sequence_only(void **state)
{
    KnObject *s = seq3();
    assert_int(ob_getitem(s, I(1)), 10);
    /* the length is added once to a negative index before sq_item */
    assert_int(ob_getitem(s, I(-1)), 20);
    assert_int_equal(((Seq3 *)s)->last_index, 2);
    assert_int(ob_getitem(s, KN_True), 10);
    assert_null(ob_getitem(s, I(-4)));
    assert_int_equal(((Seq3 *)s)->last_index, -1);
    assert_raised(ob_exc_IndexError, "Seq3 index out of range");
    assert_null(ob_getitem(s, S("a")));
    assert_raised(ob_exc_TypeError, "sequence index must be integer, not 'str'");
    assert_null(ob_getitem(s, BIG("100000000000000000000000")));
    assert_raised(ob_exc_IndexError, "cannot fit 'int' into an index-sized integer");
}

static void test_sequence_getitem(void **state)
{
    assert_int(ob_sequence_getitem(list3(), -3), 1);
    assert_int(ob_sequence_getitem(seq3(), -2), 10);
    assert_null(ob_sequence_getitem(dict_ab(), 0));
    assert_raised(ob_exc_TypeError, "dict is not a sequence");
    assert_null(ob_sequence_getitem(I(3), 0));
    assert_raised(ob_exc_TypeError, "'int' object does not support indexing");
}

static void test_setitem_delitem(void **state)
{
    KnObject *l = list3();
    assert_int_equal(ob_setitem(l, I(-1), S("x")), 0);
    assert_repr(l, "[1, 2, 'x']");
    assert_int_equal(ob_delitem(l, I(0)), 0);
    assert_repr(l, "[2, 'x']");
    KnObject *d = dict_ab();
    assert_int_equal(ob_setitem(d, S("c"), I(3)), 0);
    assert_int_equal(ob_delitem(d, S("a")), 0);
    assert_repr(d, "{'b': 2, 'c': 3}");
    assert_int_equal(ob_delitem(d, S("a")), -1);
    assert_raised(ob_exc_KeyError, "'a'");

    KnObject *s = seq3();
    assert_int_equal(ob_setitem(s, I(-1), S("v")), 0);
    assert_int_equal(((Seq3 *)s)->last_index, 2);
    assert_str(((Seq3 *)s)->last_set, "v");
    assert_int_equal(ob_delitem(s, I(-3)), 0);
    assert_int_equal(((Seq3 *)s)->last_index, 0);
    assert_null(((Seq3 *)s)->last_set);
    assert_int_equal(ob_setitem(s, S("k"), I(1)), -1);
    assert_raised(ob_exc_TypeError, "sequence index must be integer, not 'str'");

    KnObject *t = ob_tuple_pack(1, I(1));
    assert_int_equal(ob_setitem(t, I(0), I(2)), -1);
    assert_raised(ob_exc_TypeError, "'tuple' object does not support item assignment");
    assert_int_equal(ob_delitem(t, I(0)), -1);
    assert_raised(ob_exc_TypeError, "'tuple' object doesn't support item deletion");
    assert_int_equal(ob_setitem(I(1), I(0), I(2)), -1);
    assert_raised(ob_exc_TypeError, "'int' object does not support item assignment");
    assert_int_equal(ob_delitem(I(1), I(0)), -1);
    assert_raised(ob_exc_TypeError, "'int' object does not support item deletion");
    assert_int_equal(ob_setitem(S("ab"), I(0), S("x")), -1);
    assert_raised(ob_exc_TypeError, "'str' object does not support item assignment");
}

/* ------------------------------------------------------------- `in` */

static void test_contains(void **state)
{
    assert_int_equal(ob_contains(list3(), I(2)), 1);
    assert_int_equal(ob_contains(list3(), F(2.0)), 1);
    assert_int_equal(ob_contains(list3(), I(9)), 0);
    assert_int_equal(ob_contains(S("abc"), S("bc")), 1);
    assert_int_equal(ob_contains(dict_ab(), S("a")), 1);
    /* no sq_contains: iterate through the sequence iterator */
    assert_int_equal(ob_contains(seq3(), I(20)), 1);
    assert_int_equal(ob_contains(seq3(), I(5)), 0);
    assert_int_equal(ob_contains(ob_get_iter(list3()), I(3)), 1);
    assert_int_equal(ob_contains(I(3), I(3)), -1);
    assert_raised(ob_exc_TypeError, "argument of type 'int' is not iterable");
    assert_int_equal(ob_contains(S("abc"), I(1)), -1);
    assert_raised(ob_exc_TypeError, "'in <string>' requires string as left operand, not int");
}

/* -------------------------------------------------------- iteration */

static void test_get_iter(void **state)
{
    KnObject *l = list3();
    KnObject *it = ob_get_iter(l);
    assert_non_null(it);
    assert_true(ob_iter_check(it));
    assert_false(ob_iter_check(l));
    assert_ptr_equal(ob_get_iter(it), it);
    assert_int(ob_iter_next(it), 1);
    assert_int(ob_iter_next(it), 2);
    assert_int(ob_iter_next(it), 3);
    assert_null(ob_iter_next(it));
    assert_null(ob_err_occurred());

    assert_null(ob_get_iter(I(3)));
    assert_raised(ob_exc_TypeError, "'int' object is not iterable");
    assert_null(ob_iter_next(I(3)));
    assert_raised(ob_exc_TypeError, "'int' object is not an iterator");
    assert_null(ob_get_iter(ob_alloc(&BadIter_type, 0)));
    assert_raised(ob_exc_TypeError, "iter() returned non-iterator of type 'int'");
}

static void test_sequence_iterator(void **state)
{
    KnObject *s = seq3();
    KnObject *it = ob_get_iter(s);
    assert_ptr_equal(KN_TYPE(it), &ob_seqiter_type);
    assert_repr(ob_type_of(it), "<class 'iterator'>");
    assert_int(ob_iter_next(it), 0);
    assert_int(ob_iter_next(it), 10);
    assert_int(ob_iter_next(it), 20);
    /* IndexError ends the iteration, and it stays ended */
    assert_null(ob_iter_next(it));
    assert_null(ob_err_occurred());
    assert_null(ob_iter_next(it));
    assert_int_equal(ob_length_hint(it, 9), 0);
    /* __setstate__ moves the position */
    it = ob_get_iter(s);
    assert_non_null(ob_call_method(it, "__setstate__", 1, I(2)));
    assert_list_repr(it, "[20]");
    /* a dict is never treated as a sequence */
    assert_null(ob_seqiter_new(dict_ab()));
    assert_raised(ob_exc_TypeError, "'dict' object is not iterable");
}

static void test_callable_iterator(void **state)
{
    counter = 0;
    KnObject *f = ob_cfunction_new(&count_def, NULL, NULL);
    KnObject *it = ob_calliter_new(f, I(3));
    assert_repr(ob_type_of(it), "<class 'callable_iterator'>");
    assert_list_repr(it, "[0, 1, 2]");
    assert_int_equal(counter, 4);            /* the sentinel call, then no more */
    assert_null(ob_iter_next(it));
    assert_int_equal(counter, 4);
    counter = 0;
    it = ob_calliter_new(ob_cfunction_new(&stop_def, NULL, NULL), KN_None);
    assert_list_repr(it, "[1, 2]");
    assert_null(ob_err_occurred());
}

static void test_list_and_tuple(void **state)
{
    assert_list_repr(seq3(), "[0, 10, 20]");
    assert_list_repr(S("ab"), "['a', 'b']");
    assert_repr(ob_sequence_tuple(seq3()), "(0, 10, 20)");
    assert_repr(ob_sequence_tuple(list3()), "(1, 2, 3)");
    KnObject *t = ob_tuple_pack(2, I(1), I(2));
    assert_ptr_equal(ob_sequence_tuple(t), t);
    KnObject *l = list3();
    KnObject *copy = ob_sequence_list(l);
    assert_true(copy != l);
    assert_repr(copy, "[1, 2, 3]");
    assert_null(ob_sequence_list(I(1)));
    assert_raised(ob_exc_TypeError, "'int' object is not iterable");
    assert_null(ob_sequence_tuple(KN_None));
    assert_raised(ob_exc_TypeError, "'NoneType' object is not iterable");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_length),
        cmocka_unit_test(test_length_hint),
        cmocka_unit_test(test_getitem),
        cmocka_unit_test(test_getitem_sequence_only),
        cmocka_unit_test(test_sequence_getitem),
        cmocka_unit_test(test_setitem_delitem),
        cmocka_unit_test(test_contains),
        cmocka_unit_test(test_get_iter),
        cmocka_unit_test(test_sequence_iterator),
        cmocka_unit_test(test_callable_iterator),
        cmocka_unit_test(test_list_and_tuple),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
