/* test_gil.c — src/gil.c: mutual exclusion, the drop request served at a
 * safe point, the switch interval, signal hooks only in the main thread. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "libgc/gc.h"
#include "libobject/libobject.h"
#include "libjit/jit.h"
#include "eval.h"
#include "gil.h"

#define WORKERS 4
#define ROUNDS 2000

static atomic_int inside, overlaps, finished;
static long shared_counter;          /* guarded by the GIL only */

static void *exclusive_worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < ROUNDS; i++) {
        kn_gil_acquire();
        if (atomic_fetch_add(&inside, 1) != 0)
            atomic_fetch_add(&overlaps, 1);
        long v = shared_counter;
        for (volatile int k = 0; k < 50; k++)
            ;
        shared_counter = v + 1;      /* a lost update would show */
        atomic_fetch_sub(&inside, 1);
        kn_gil_release();
    }
    atomic_fetch_add(&finished, 1);
    return NULL;
}

static void test_mutual_exclusion(void **state)
{
    (void)state;
    pthread_t t[WORKERS];
    shared_counter = 0;
    for (int i = 0; i < WORKERS; i++)
        assert_int_equal(pthread_create(&t[i], NULL, exclusive_worker, NULL), 0);
    /* The main thread holds the GIL: nobody may have entered yet. */
    for (volatile int k = 0; k < 100000; k++)
        ;
    assert_int_equal(shared_counter, 0);
    kn_gil_release();
    for (int i = 0; i < WORKERS; i++)
        pthread_join(t[i], NULL);
    kn_gil_acquire();
    assert_int_equal(atomic_load(&overlaps), 0);
    assert_int_equal(shared_counter, (long)WORKERS * ROUNDS);
}

/* A waiter asks the holder to drop the lock; the holder, spinning like an
 * interpreter loop that polls jit_eval_pending, hands it over. */
static atomic_int waiter_has_it;

static void *waiter(void *arg)
{
    (void)arg;
    kn_gil_acquire();
    atomic_store(&waiter_has_it, 1);
    kn_gil_release();
    return NULL;
}

static void test_drop_request(void **state)
{
    (void)state;
    pthread_t t;
    atomic_store(&waiter_has_it, 0);
    assert_int_equal(pthread_create(&t, NULL, waiter, NULL), 0);
    long breaks = 0;
    while (!atomic_load(&waiter_has_it)) {
        if (jit_eval_pending) {
            breaks++;
            assert_int_equal(jit_gil_eval_breaker(), 0);
        }
    }
    pthread_join(t, NULL);
    assert_true(breaks >= 1);
}

static void test_switch_interval(void **state)
{
    (void)state;
    double old = kn_gil_get_switch_interval();
    assert_true(old == 0.005);
    kn_gil_set_switch_interval(1e-9);
    assert_true(kn_gil_get_switch_interval() == 1e-6);
    kn_gil_set_switch_interval(0.25);
    assert_true(kn_gil_get_switch_interval() == 0.25);
    kn_gil_set_switch_interval(old);
}

/* The pending hook (signal handlers) runs only in the main thread. */
static atomic_int hook_calls;

static int counting_hook(void)
{
    atomic_fetch_add(&hook_calls, 1);
    return 0;
}

static void *breaker_in_thread(void *arg)
{
    (void)arg;
    kgc_thread_register();
    ob_tstate_new_and_bind();
    kn_gil_acquire();
    assert_false(ob_tstate_is_main());
    jit_eval_pending = 1;
    jit_gil_eval_breaker();
    kn_gil_release();
    ob_tstate_delete_current();
    kgc_thread_unregister();
    return NULL;
}

static void test_hook_main_thread_only(void **state)
{
    (void)state;
    int (*old)(void) = jit_eval_pending_hook;
    jit_eval_pending_hook = counting_hook;
    atomic_store(&hook_calls, 0);
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, breaker_in_thread, NULL), 0);
    kn_gil_release();
    pthread_join(t, NULL);
    kn_gil_acquire();
    assert_int_equal(atomic_load(&hook_calls), 0);
    assert_true(ob_tstate_is_main());
    jit_eval_pending = 1;
    assert_int_equal(jit_gil_eval_breaker(), 0);
    assert_int_equal(atomic_load(&hook_calls), 1);
    jit_eval_pending_hook = old;
}

int main(void)
{
    if (ob_runtime_init() < 0)
        return 1;
    jit_gil_init();
    if (!ob_gil_installed())
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mutual_exclusion),
        cmocka_unit_test(test_drop_request),
        cmocka_unit_test(test_switch_interval),
        cmocka_unit_test(test_hook_main_thread_only),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
