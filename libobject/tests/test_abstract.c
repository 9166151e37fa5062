/*
 * test_abstract.c — the number protocol (src/abstract_number.c): which
 * operand's slot runs, in which order, NotImplemented hand-over, the
 * sequence fallbacks and CPython's error messages.
 *
 * "Probe" types stand in for classes: each has its own nb_add / nb_power
 * / nb_inplace_add, which logs "<type>:<side>" and answers NotImplemented
 * when the probe says so.
 */
#include "test_abstract_util.h"

typedef struct {
    KN_OBJECT_HEAD;
    int refuse;          /* answer NotImplemented */
} Probe;

static char log_buf[256];

static void log_call(const char *what)
{
    if (log_buf[0])
        strncat(log_buf, ",", sizeof log_buf - strlen(log_buf) - 1);
    strncat(log_buf, what, sizeof log_buf - strlen(log_buf) - 1);
}

/* One probe type: its nb_add knows its own address, so it can tell whether
 * it was called for the left operand (a's type has this very slot) or for
 * the right one. */
#define PROBE(NAME, BASE)                                                            \
    static KnObject *NAME##_add(KnObject *a, KnObject *b);                           \
    static KnObject *NAME##_pow(KnObject *a, KnObject *b, KnObject *m);              \
    static KnNumberMethods NAME##_nb = { .nb_add = NAME##_add, .nb_power = NAME##_pow }; \
    static KnTypeObject NAME##_type = {                                              \
        KN_VAR_HEAD_INIT(&ob_type_type, 0),                                          \
        .tp_name = #NAME,                                                            \
        .tp_basicsize = sizeof(Probe),                                               \
        .tp_as_number = &NAME##_nb,                                                  \
        .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,                        \
        .tp_base = BASE,                                                             \
    };                                                                               \
    static int NAME##_owns(KnObject *o)                                              \
    {                                                                                \
        return KN_TYPE(o)->tp_as_number && KN_TYPE(o)->tp_as_number->nb_add == NAME##_add; \
    }                                                                                \
    /* which operand is this type's own: a (left), b (right), else mod */      \
    static KnObject *NAME##_answer(KnObject *a, KnObject *b, KnObject *m, const char *op) \
    {                                                                                \
        int side = NAME##_owns(a) ? 'l' : NAME##_owns(b) ? 'r' : 'm';                \
        KnObject *self = side == 'l' ? a : side == 'r' ? b : m;                      \
        char what[64];                                                               \
        snprintf(what, sizeof what, "%s%s:%c", #NAME, op, side);                     \
        log_call(what);                                                              \
        if (((Probe *)self)->refuse)                                                 \
            return KN_NotImplemented;                                                \
        return ob_str_from_cstr(what);                                               \
    }                                                                                \
    static KnObject *NAME##_add(KnObject *a, KnObject *b) { return NAME##_answer(a, b, NULL, ""); } \
    static KnObject *NAME##_pow(KnObject *a, KnObject *b, KnObject *m)                 \
    {                                                                                \
        return NAME##_answer(a, b, m, m == KN_None ? "**" : "pow3");                 \
    }

PROBE(Left, NULL)
PROBE(Right, NULL)
PROBE(LeftSub, &Left_type)

/* A subclass of Left that only inherits Left's slot. */
static KnTypeObject LeftPlain_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "LeftPlain",
    .tp_basicsize = sizeof(Probe),
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_base = &Left_type,
};

/* A type with an in-place add that refuses when told to. */
static KnObject *Acc_iadd(KnObject *a, KnObject *b)
{
    log_call("Acc+=");
    return ((Probe *)a)->refuse ? KN_NotImplemented : a;
}
static KnObject *Acc_add(KnObject *a, KnObject *b)
{
    log_call("Acc+");
    return ob_str_from_cstr("Acc+");
}
static KnNumberMethods Acc_nb = { .nb_add = Acc_add, .nb_inplace_add = Acc_iadd };
static KnTypeObject Acc_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "Acc",
    .tp_basicsize = sizeof(Probe),
    .tp_as_number = &Acc_nb,
    .tp_flags = KN_TPFLAGS_DEFAULT,
};

static KnObject *probe(KnTypeObject *t, int refuse)
{
    KnObject *o = ob_alloc(t, 0);
    assert_non_null(o);
    ((Probe *)o)->refuse = refuse;
    return o;
}

static int setup(void **state)
{
    if (tu_setup(state) < 0)
        return -1;
    KnTypeObject *types[] = { &Left_type, &Right_type, &LeftSub_type, &LeftPlain_type, &Acc_type };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (ob_type_ready(types[i]) < 0)
            return -1;
    return 0;
}

static void reset_log(void) { log_buf[0] = 0; }

/* ------------------------------------------------------ slot order */

static void test_left_slot_first(void **state)
{
    reset_log();
    assert_str(ob_number_add(probe(&Left_type, 0), probe(&Right_type, 0)), "Left:l");
    assert_string_equal(log_buf, "Left:l");
}

static void test_notimplemented_passes_to_right(void **state)
{
    reset_log();
    assert_str(ob_number_add(probe(&Left_type, 1), probe(&Right_type, 0)), "Right:r");
    assert_string_equal(log_buf, "Left:l,Right:r");
}

static void test_both_refuse_is_type_error(void **state)
{
    reset_log();
    assert_null(ob_number_add(probe(&Left_type, 1), probe(&Right_type, 1)));
    assert_raised(ob_exc_TypeError, "unsupported operand type(s) for +: 'Left' and 'Right'");
    assert_string_equal(log_buf, "Left:l,Right:r");
}

static void test_subclass_goes_first(void **state)
{
    reset_log();
    assert_str(ob_number_add(probe(&Left_type, 0), probe(&LeftSub_type, 0)), "LeftSub:r");
    assert_string_equal(log_buf, "LeftSub:r");
    /* a refusing subclass hands over to the base, and is not asked twice */
    reset_log();
    assert_str(ob_number_add(probe(&Left_type, 0), probe(&LeftSub_type, 1)), "Left:l");
    assert_string_equal(log_buf, "LeftSub:r,Left:l");
    reset_log();
    assert_null(ob_number_add(probe(&Left_type, 1), probe(&LeftSub_type, 1)));
    assert_raised(ob_exc_TypeError, "unsupported operand type(s) for +: 'Left' and 'LeftSub'");
    assert_string_equal(log_buf, "LeftSub:r,Left:l");
}

static void test_subclass_on_left_keeps_order(void **state)
{
    reset_log();
    assert_str(ob_number_add(probe(&LeftSub_type, 1), probe(&Left_type, 0)), "Left:r");
    assert_string_equal(log_buf, "LeftSub:l,Left:r");
}

static void test_shared_slot_called_once(void **state)
{
    reset_log();
    assert_null(ob_number_add(probe(&Left_type, 1), probe(&LeftPlain_type, 1)));
    assert_raised(ob_exc_TypeError, "unsupported operand type(s) for +: 'Left' and 'LeftPlain'");
    assert_string_equal(log_buf, "Left:l");
}

static void test_power_binary_and_ternary(void **state)
{
    reset_log();
    assert_str(ob_number_power(probe(&Left_type, 1), probe(&Right_type, 0), KN_None),
               "Right**:r");
    reset_log();
    /* the third operand's slot is tried last */
    assert_str(ob_number_power(I(2), probe(&Left_type, 1), probe(&Right_type, 0)), "Rightpow3:m");
    assert_string_equal(log_buf, "Leftpow3:r,Rightpow3:m");
    assert_null(ob_number_power(I(1), S("a"), I(3)));
    assert_raised(ob_exc_TypeError, "unsupported operand type(s) for ** or pow(): 'int', 'str', 'int'");
    assert_null(ob_number_power(I(1), S("a"), KN_None));
    assert_raised(ob_exc_TypeError, "unsupported operand type(s) for ** or pow(): 'int' and 'str'");
    assert_null(ob_number_inplace_power(I(1), S("a"), NULL));
    assert_raised(ob_exc_TypeError, "unsupported operand type(s) for **=: 'int' and 'str'");
    assert_int(ob_number_power(I(2), I(10), KN_None), 1024);
    assert_int(ob_number_power(I(2), I(10), I(1000)), 24);
    assert_int(ob_number_inplace_power(I(3), I(3), NULL), 27);
}

/* --------------------------------------------------------- in-place */

static void test_inplace_slot_then_binary(void **state)
{
    KnObject *acc = probe(&Acc_type, 0);
    reset_log();
    assert_ptr_equal(ob_number_inplace_add(acc, I(1)), acc);
    assert_string_equal(log_buf, "Acc+=");
    ((Probe *)acc)->refuse = 1;
    reset_log();
    assert_str(ob_number_inplace_add(acc, I(1)), "Acc+");
    assert_string_equal(log_buf, "Acc+=,Acc+");
}

static void test_inplace_sequences(void **state)
{
    KnObject *l = ob_list_new(0);
    assert_int_equal(ob_list_append(l, I(1)), 0);
    /* list += tuple extends the same list (sq_inplace_concat) */
    KnObject *r = ob_number_inplace_add(l, ob_tuple_pack(1, I(2)));
    assert_ptr_equal(r, l);
    assert_repr(l, "[1, 2]");
    r = ob_number_inplace_multiply(l, I(2));
    assert_ptr_equal(r, l);
    assert_repr(l, "[1, 2, 1, 2]");
    /* tuple += tuple makes a new tuple through sq_concat */
    KnObject *t = ob_tuple_pack(1, I(1));
    r = ob_number_inplace_add(t, ob_tuple_pack(1, I(2)));
    assert_repr(r, "(1, 2)");
    assert_repr(t, "(1,)");
    assert_repr(ob_number_inplace_multiply(I(3), S("ab")), "'ababab'");
    assert_null(ob_number_inplace_add(I(1), S("a")));
    assert_raised(ob_exc_TypeError, "unsupported operand type(s) for +=: 'int' and 'str'");
    assert_null(ob_number_inplace_multiply(ob_list_new(0), F(2.0)));
    assert_raised(ob_exc_TypeError, "can't multiply sequence by non-int of type 'float'");
    assert_null(ob_number_inplace_subtract(S("a"), S("b")));
    assert_raised(ob_exc_TypeError, "unsupported operand type(s) for -=: 'str' and 'str'");
    assert_int(ob_number_inplace_lshift(I(1), I(4)), 16);
    assert_int(ob_number_inplace_floordiv(I(7), I(2)), 3);
}

/* ------------------------------------------- builtin types, messages */

static void test_numbers(void **state)
{
    assert_int(ob_number_add(I(2), I(3)), 5);
    assert_int(ob_number_add(KN_True, KN_True), 2);
    assert_repr(ob_number_add(I(1), F(0.5)), "1.5");
    assert_repr(ob_number_add(F(0.5), I(1)), "1.5");
    assert_int(ob_number_subtract(I(2), I(5)), -3);
    assert_int(ob_number_multiply(I(6), I(7)), 42);
    assert_repr(ob_number_truediv(I(1), I(4)), "0.25");
    assert_int(ob_number_floordiv(I(-701), I(2)), -351);
    assert_int(ob_number_remainder(I(-701), I(2)), 1);
    assert_repr(ob_number_divmod(I(7), I(2)), "(3, 1)");
    assert_int(ob_number_lshift(I(1), I(10)), 1024);
    assert_int(ob_number_rshift(I(1024), I(3)), 128);
    assert_int(ob_number_and(I(12), I(10)), 8);
    assert_int(ob_number_or(I(12), I(10)), 14);
    assert_int(ob_number_xor(I(12), I(10)), 6);
    assert_null(ob_number_truediv(I(1), I(0)));
    assert_raised(ob_exc_ZeroDivisionError, "division by zero");
}

static void test_sequence_fallbacks(void **state)
{
    assert_repr(ob_number_add(S("ab"), S("cd")), "'abcd'");
    assert_repr(ob_number_multiply(S("ab"), I(3)), "'ababab'");
    assert_repr(ob_number_multiply(I(2), ob_tuple_pack(1, I(7))), "(7, 7)");
    assert_repr(ob_number_multiply(KN_True, S("x")), "'x'");
    assert_null(ob_number_multiply(ob_list_new(0), F(2.0)));
    assert_raised(ob_exc_TypeError, "can't multiply sequence by non-int of type 'float'");
    assert_null(ob_number_multiply(F(2.0), ob_list_new(0)));
    assert_raised(ob_exc_TypeError, "can't multiply sequence by non-int of type 'float'");
    assert_null(ob_number_multiply(S("a"), S("b")));
    assert_raised(ob_exc_TypeError, "can't multiply sequence by non-int of type 'str'");
    assert_null(ob_number_add(I(1), S("a")));
    assert_raised(ob_exc_TypeError, "unsupported operand type(s) for +: 'int' and 'str'");
    /* str's concat slot sees the foreign operand and says so itself */
    assert_null(ob_number_add(S("a"), I(1)));
    assert_raised(ob_exc_TypeError, NULL);
    assert_null(ob_number_multiply(S("a"), BIG("100000000000000000000000")));
    assert_raised(ob_exc_OverflowError, "cannot fit 'int' into an index-sized integer");
}

static KnObject *fake_print(KnObject *self, KnObject *args) { return KN_None; }
static KnMethodDef print_def = { "print", fake_print, KN_METH_VARARGS, NULL };

static void test_binary_messages(void **state)
{
    assert_null(ob_number_subtract(S("a"), I(1)));
    assert_raised(ob_exc_TypeError, "unsupported operand type(s) for -: 'str' and 'int'");
    assert_null(ob_number_matmul(I(1), I(1)));
    assert_raised(ob_exc_TypeError, "unsupported operand type(s) for @: 'int' and 'int'");
    assert_null(ob_number_inplace_matmul(I(1), I(1)));
    assert_raised(ob_exc_TypeError, "unsupported operand type(s) for @=: 'int' and 'int'");
    assert_null(ob_number_divmod(S("a"), I(1)));
    assert_raised(ob_exc_TypeError, "unsupported operand type(s) for divmod(): 'str' and 'int'");
    assert_null(ob_number_xor(F(1.0), I(1)));
    assert_raised(ob_exc_TypeError, "unsupported operand type(s) for ^: 'float' and 'int'");
    assert_null(ob_number_inplace_or(F(1.0), I(1)));
    assert_raised(ob_exc_TypeError, "unsupported operand type(s) for |=: 'float' and 'int'");
    KnObject *print = ob_cfunction_new(&print_def, NULL, NULL);
    assert_null(ob_number_rshift(print, I(1)));
    assert_raised(ob_exc_TypeError,
                  "unsupported operand type(s) for >>: 'builtin_function_or_method' and 'int'. "
                  "Did you mean \"print(<message>, file=<output_stream>)\"?");
    assert_null(ob_number_lshift(print, I(1)));
    assert_raised(ob_exc_TypeError,
                  "unsupported operand type(s) for <<: 'builtin_function_or_method' and 'int'");
}

static void test_unary(void **state)
{
    assert_int(ob_number_negative(I(5)), -5);
    assert_int(ob_number_positive(I(-5)), -5);
    assert_int(ob_number_absolute(I(-3)), 3);
    assert_int(ob_number_invert(I(300)), -301);
    assert_repr(ob_number_negative(F(1.5)), "-1.5");
    assert_null(ob_number_negative(S("a")));
    assert_raised(ob_exc_TypeError, "bad operand type for unary -: 'str'");
    assert_null(ob_number_positive(ob_list_new(0)));
    assert_raised(ob_exc_TypeError, "bad operand type for unary +: 'list'");
    assert_null(ob_number_invert(F(1.0)));
    assert_raised(ob_exc_TypeError, "bad operand type for unary ~: 'float'");
    assert_null(ob_number_absolute(S("a")));
    assert_raised(ob_exc_TypeError, "bad operand type for abs(): 'str'");
}

/* ------------------------------------------------------ conversions */

static void test_index(void **state)
{
    assert_true(ob_index_check(I(1)));
    assert_true(ob_index_check(KN_True));
    assert_false(ob_index_check(F(1.0)));
    assert_false(ob_index_check(S("1")));
    KnObject *one = ob_number_index(KN_True);
    assert_ptr_equal(KN_TYPE(one), &ob_int_type);       /* exact int, not bool */
    assert_int(one, 1);
    KnObject *seven = I(7);
    assert_ptr_equal(ob_number_index(seven), seven);
    assert_null(ob_number_index(F(1.0)));
    assert_raised(ob_exc_TypeError, "'float' object cannot be interpreted as an integer");
}

static void test_as_ssize(void **state)
{
    KnObject *big = BIG("100000000000000000000000");
    KnObject *nbig = ob_number_negative(big);
    assert_int_equal(ob_number_as_ssize(I(-4200), NULL), -4200);
    assert_int_equal(ob_number_as_ssize(KN_True, NULL), 1);
    assert_true(ob_number_as_ssize(big, NULL) == (kn_ssize_t)(((size_t)-1) >> 1));
    assert_true(ob_number_as_ssize(nbig, NULL) == -(kn_ssize_t)(((size_t)-1) >> 1) - 1);
    assert_null(ob_err_occurred());
    assert_int_equal(ob_number_as_ssize(big, ob_exc_IndexError), -1);
    assert_raised(ob_exc_IndexError, "cannot fit 'int' into an index-sized integer");
    assert_int_equal(ob_number_as_ssize(nbig, ob_exc_OverflowError), -1);
    assert_raised(ob_exc_OverflowError, "cannot fit 'int' into an index-sized integer");
    assert_int_equal(ob_number_as_ssize(S("x"), NULL), -1);
    assert_raised(ob_exc_TypeError, "'str' object cannot be interpreted as an integer");
}

static void test_number_long(void **state)
{
    KnObject *seven = I(7);
    assert_ptr_equal(ob_number_long(seven), seven);
    assert_int(ob_number_long(F(3.99)), 3);
    assert_int(ob_number_long(F(-3.99)), -3);
    assert_int(ob_number_long(S("  -12 ")), -12);
    assert_int(ob_number_long(S("1_000")), 1000);
    KnObject *t = ob_number_long(KN_True);
    assert_ptr_equal(KN_TYPE(t), &ob_int_type);
    assert_int(t, 1);
    assert_null(ob_number_long(S("1.5")));
    assert_raised(ob_exc_ValueError, "invalid literal for int() with base 10: '1.5'");
    assert_null(ob_number_long(ob_list_new(0)));
    assert_raised(ob_exc_TypeError,
                  "int() argument must be a string, a bytes-like object or a real number, not 'list'");
    assert_null(ob_number_long(F(1.0 / 0.0)));
    assert_raised(ob_exc_OverflowError, "cannot convert float infinity to integer");
}

static void test_number_float(void **state)
{
    KnObject *f = F(2.5);
    assert_ptr_equal(ob_number_float(f), f);
    assert_repr(ob_number_float(I(3)), "3.0");
    assert_repr(ob_number_float(KN_True), "1.0");
    assert_repr(ob_number_float(S(" 1e3 ")), "1000.0");
    assert_repr(ob_number_float(S("-inf")), "-inf");
    assert_null(ob_number_float(S("x")));
    assert_raised(ob_exc_ValueError, "could not convert string to float: 'x'");
    assert_null(ob_number_float(ob_list_new(0)));
    assert_raised(ob_exc_TypeError, "float() argument must be a string or a real number, not 'list'");
    assert_null(ob_number_float(BIG("1" "000000000000000000000000000000000000000"
                                                   "000000000000000000000000000000000000000"
                                                   "000000000000000000000000000000000000000"
                                                   "000000000000000000000000000000000000000"
                                                   "000000000000000000000000000000000000000"
                                                   "000000000000000000000000000000000000000"
                                                   "000000000000000000000000000000000000000"
                                                   "000000000000000000000000000000000000000")));
    assert_raised(ob_exc_OverflowError, "int too large to convert to float");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_left_slot_first),
        cmocka_unit_test(test_notimplemented_passes_to_right),
        cmocka_unit_test(test_both_refuse_is_type_error),
        cmocka_unit_test(test_subclass_goes_first),
        cmocka_unit_test(test_subclass_on_left_keeps_order),
        cmocka_unit_test(test_shared_slot_called_once),
        cmocka_unit_test(test_power_binary_and_ternary),
        cmocka_unit_test(test_inplace_slot_then_binary),
        cmocka_unit_test(test_inplace_sequences),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_sequence_fallbacks),
        cmocka_unit_test(test_binary_messages),
        cmocka_unit_test(test_unary),
        cmocka_unit_test(test_index),
        cmocka_unit_test(test_as_ssize),
        cmocka_unit_test(test_number_long),
        cmocka_unit_test(test_number_float),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
