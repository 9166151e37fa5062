/*
 * test_queue.c — _queue.SimpleQueue from C: FIFO order, qsize / empty,
 * Empty from get_nowait, non-blocking get and a timed get that expires,
 * and argument errors as python3.11 words them.
 */
#include <time.h>

#include "test_posix_util.h"

KnObject *kn_init__queue(void);

static KnObject *qm;

static int setup(void **state)
{
    (void)state;
    return ob_runtime_init() < 0 || (qm = kn_init__queue()) == NULL ? -1 : 0;
}

static void test_fifo(void **state)
{
    (void)state;
    KnObject *q = OK(CALL0(qm, "SimpleQueue"));
    assert_true(OK(CALL0(q, "empty")) == KN_True);
    OK(CALL(q, "put", I(1)));
    OK(ob_call(attr(q, "put"), ob_tuple_pack(1, I(2)), KW("timeout", I(5))));
    OK(CALL(q, "put_nowait", I(3)));
    for (int i = 0; i < 40; i++)
        OK(CALL(q, "put", I(100 + i)));
    ASSERT_INT(CALL0(q, "qsize"), 43);
    ASSERT_INT(CALL0(q, "get"), 1);
    ASSERT_INT(ob_call(attr(q, "get"), ob_tuple_new(0), KW("timeout", I(1))), 2);
    ASSERT_INT(CALL0(q, "get_nowait"), 3);
    for (int i = 0; i < 40; i++)
        ASSERT_INT(CALL(q, "get", KN_False), 100 + i);
    assert_true(OK(CALL0(q, "empty")) == KN_True);
    KnObject *empty = attr(qm, "Empty");
    assert_null(CALL0(q, "get_nowait"));
    RAISED((KnTypeObject *)empty, "");
    assert_null(CALL(q, "get", KN_False));
    RAISED((KnTypeObject *)empty, "");
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    assert_null(CALL(q, "get", KN_True, ob_float_from_double(0.05)));
    clock_gettime(CLOCK_MONOTONIC, &t1);
    RAISED((KnTypeObject *)empty, "");
    double dt = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
    assert_true(dt >= 0.045 && dt < 2.0);
    ASSERT_STR(attr(empty, "__module__"), "_queue");
    assert_int_equal(ob_issubclass(empty, (KnObject *)ob_exc_Exception), 1);
}

static void test_errors(void **state)
{
    (void)state;
    KnObject *q = OK(CALL0(qm, "SimpleQueue"));
    assert_null(CALL(q, "get", KN_True, I(-1)));
    RAISED(ob_exc_ValueError, "'timeout' must be a non-negative number");
    assert_null(CALL(q, "get", KN_True, S("x")));
    RAISED(ob_exc_TypeError, "'str' object cannot be interpreted as an integer");
    assert_null(CALL(qm, "SimpleQueue", I(1)));
    RAISED(ob_exc_TypeError, "SimpleQueue() takes no positional arguments");
    assert_null(CALL0(q, "put"));
    RAISED(ob_exc_TypeError, NULL);
    ASSERT_REPR(ob_getitem(attr(qm, "SimpleQueue"), (KnObject *)&ob_int_type), "_queue.SimpleQueue[int]");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fifo),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
