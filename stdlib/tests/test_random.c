/*
 * test_random.c — `_random` (src/random_module.c) against CPython 3.11's
 * answers in hash_cases.inc (gen_hash_cases.py): seeding from ints of any
 * size and sign, random(), getrandbits(k), getstate/setstate, errors.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "libobject/libobject.h"
#include "hash_cases.inc"

KnObject *kn_init__random(void);
static KnObject *rnd_type;

static int setup(void **state)
{
    (void)state;
    if (ob_runtime_init() < 0)
        return -1;
    KnObject *m = kn_init__random();
    if (m == NULL)
        return -1;
    rnd_type = ob_getattr_str(m, "Random");
    return rnd_type == NULL ? -1 : 0;
}

static KnObject *make(const char *seed)
{
    KnObject *n = ob_int_from_string(seed, (kn_ssize_t)strlen(seed), 10);
    assert_non_null(n);
    KnObject *r = ob_call_onearg(rnd_type, n);
    assert_non_null(r);
    return r;
}

static void expect_error(KnTypeObject *exc, const char *msg)
{
    KnObject *e = ob_err_fetch();
    assert_non_null(e);
    assert_true(KN_TYPE_CHECK(e, exc));
    assert_string_equal(ob_str_as_utf8(ob_str(e), NULL), msg);
}

static void test_known_sequences(void **state)
{
    (void)state;
    for (size_t c = 0; c < sizeof random_cases / sizeof *random_cases; c++) {
        const RandomCase *rc = &random_cases[c];
        KnObject *r = make(rc->seed);
        KnObject *st = ob_call_method(r, "getstate", 0);
        assert_non_null(st);
        assert_int_equal(KN_SIZE(st), 625);
        assert_int_equal(ob_int_as_long_long(KN_TUPLE_GET(st, 0)), rc->state[0]);
        assert_int_equal(ob_int_as_long_long(KN_TUPLE_GET(st, 1)), rc->state[1]);
        assert_int_equal(ob_int_as_long_long(KN_TUPLE_GET(st, 623)), rc->state[2]);
        assert_int_equal(ob_int_as_long_long(KN_TUPLE_GET(st, 624)), rc->index);
        for (int i = 0; i < 4; i++) {
            KnObject *f = ob_call_method(r, "random", 0);
            assert_non_null(f);
            assert_true(ob_float_as_double(f) == rc->r[i]);
        }
        for (int i = 0; i < 8; i++) {
            KnObject *v = ob_call_method(r, "getrandbits", 1, ob_int_from_ssize(bit_counts[i]));
            assert_non_null(v);
            KnObject *want = ob_int_from_string(rc->bits[i], (kn_ssize_t)strlen(rc->bits[i]), 16);
            assert_int_equal(ob_richcompare_bool(v, want, KN_EQ), 1);
        }
        /* setstate replays the same stream */
        assert_non_null(ob_call_method(r, "setstate", 1, st));
        KnObject *f = ob_call_method(r, "random", 0);
        assert_true(ob_float_as_double(f) == rc->r[0]);
    }
}

static void test_seed_none_and_reseed(void **state)
{
    (void)state;
    KnObject *r = ob_call_noargs(rnd_type);
    assert_non_null(r);
    double x = ob_float_as_double(ob_call_method(r, "random", 0));
    assert_true(x >= 0.0 && x < 1.0);
    assert_non_null(ob_call_method(r, "seed", 1, ob_int_from_ssize(42)));
    assert_true(ob_float_as_double(ob_call_method(r, "random", 0)) == 0.6394267984578837);
}

static void test_big_bits_and_hash_seed(void **state)
{
    (void)state;
    KnObject *v = ob_call_method(make("5"), "getrandbits", 1, ob_int_from_ssize(20000));
    assert_non_null(v);
    KnObject *want = ob_int_from_string(big_bits, (kn_ssize_t)strlen(big_bits), 16);
    assert_non_null(want);
    assert_int_equal(ob_richcompare_bool(v, want, KN_EQ), 1);
    KnObject *r = ob_call_onearg(rnd_type, ob_float_from_double(1.5));
    assert_non_null(r);
    assert_true(ob_float_as_double(ob_call_method(r, "random", 0)) == float_seed_random);
}

static void test_errors(void **state)
{
    (void)state;
    KnObject *r = make("1");
    assert_null(ob_call_method(r, "getrandbits", 1, ob_int_from_ssize(-1)));
    expect_error(ob_exc_ValueError, "number of bits must be non-negative");
    assert_null(ob_call_method(r, "setstate", 1, ob_list_new(0)));
    expect_error(ob_exc_TypeError, "state vector must be a tuple");
    assert_null(ob_call_method(r, "setstate", 1, ob_tuple_pack(1, ob_int_from_ssize(1))));
    expect_error(ob_exc_ValueError, "state vector is the wrong size");
    KnObject *st = ob_tuple_new(625);
    for (int i = 0; i < 624; i++)
        KN_TUPLE_SET(st, i, ob_int_from_ssize(0));
    KN_TUPLE_SET(st, 624, ob_int_from_ssize(625));
    assert_null(ob_call_method(r, "setstate", 1, st));
    expect_error(ob_exc_ValueError, "invalid state");
    KN_TUPLE_SET(st, 0, ob_int_from_ssize(-1));
    KN_TUPLE_SET(st, 624, ob_int_from_ssize(624));
    assert_null(ob_call_method(r, "setstate", 1, st));
    expect_error(ob_exc_OverflowError, "can't convert negative value to unsigned int");
    KnObject *two = ob_tuple_pack(2, ob_int_from_ssize(1), ob_int_from_ssize(2));
    assert_null(ob_call(rnd_type, two, NULL));
    expect_error(ob_exc_TypeError, "Random() requires 0 or 1 argument");
    assert_null(ob_call_method(r, "seed", 2, ob_int_from_ssize(1), ob_int_from_ssize(2)));
    expect_error(ob_exc_TypeError, "seed expected at most 1 argument, got 2");
    assert_null(ob_call_method(r, "seed", 1, ob_list_new(0)));
    expect_error(ob_exc_TypeError, "unhashable type: 'list'");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_known_sequences),
        cmocka_unit_test(test_seed_none_and_reseed),
        cmocka_unit_test(test_big_bits_and_hash_seed),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
