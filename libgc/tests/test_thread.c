/* test_thread.c -- src/thread.c: registered threads allocate and collect. */
#define GC_THREADS 1              /* declares the signal getters */
#define GC_NO_THREAD_REDIRECTS 1  /* registration stays explicit */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <signal.h>
#include "kgc_test.h"

/* Build linked lists of objects and check them, collecting now and then. */
static int churn_lists(long seed, int rounds)
{
    int bad = 0;
    for (int r = 0; r < rounds; r++) {
        struct kt_obj *head = NULL;
        for (long i = 0; i < 2000; i++) {
            struct kt_obj *o = kt_new(seed + i);
            o->a = head;
            o->b = kgc_alloc_atomic(64);
            memset(o->b, (int)(i & 0x7f), 64);
            head = o;
        }
        for (long i = 1999; i >= 0; i--) {
            if (head->id != seed + i ||
                ((unsigned char *)head->b)[63] != (i & 0x7f))
                bad++;
            head = head->a;
        }
        if (r % 10 == 0)
            kgc_collect();
    }
    return bad;
}

static void *worker(void *arg)
{
    intptr_t bad = -1;
    if (kgc_thread_register() != 0)
        return (void *)bad;
    if (!kgc_thread_is_registered())
        return (void *)bad;
    bad = churn_lists(1000000, 60);
    if (kgc_thread_unregister() != 0)
        bad = -1;
    return (void *)bad;
}

static void test_second_thread_allocates(void **state)
{
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, worker, NULL), 0);
    int bad_main = churn_lists(0, 60);
    void *ret;
    pthread_join(t, &ret);
    assert_int_equal(bad_main, 0);
    assert_int_equal((intptr_t)ret, 0);
}

/* kgc_thread_start: the argument (a heap list only the start record
 * refers to) survives collections run while the threads start up, and the
 * threads run registered. */
#define START_THREADS 6
static atomic_int started_ok, started_done;

static void started(void *arg)
{
    struct kt_obj *o = arg;
    int ok = kgc_thread_is_registered();
    for (long i = 99; i >= 0; i--, o = o->a)
        if (o == NULL || o->id != 5000 + i)
            ok = 0;
    ok = ok && churn_lists(2000000, 5) == 0;
    atomic_fetch_add(&started_ok, ok);
    atomic_fetch_add(&started_done, 1);
}

static void test_thread_start(void **state)
{
    for (int t = 0; t < START_THREADS; t++) {
        struct kt_obj *head = NULL;
        for (long i = 0; i < 100; i++) {
            struct kt_obj *o = kt_new(5000 + i);
            o->a = head;
            head = o;
        }
        unsigned long ident = 0;
        assert_int_equal(kgc_thread_start(started, head, 0, &ident), 0);
        assert_true(ident != 0);
        head = NULL;
    }
    while (atomic_load(&started_done) < START_THREADS)
        kgc_collect();
    assert_int_equal(atomic_load(&started_ok), START_THREADS);
    /* A bad stack size is refused without starting anything. */
    assert_int_equal(kgc_thread_start(started, NULL, 1, NULL), EINVAL);
}

static void test_main_thread_registered(void **state)
{
    assert_true(kgc_thread_is_registered());
    assert_int_equal(kgc_thread_register(), 0);    /* idempotent */
}

static void test_suspend_signals(void **state)
{
    assert_int_equal(GC_get_suspend_signal(), SIGPWR);
    assert_int_equal(GC_get_thr_restart_signal(), SIGXCPU);
}

int main(void)
{
    kgc_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_main_thread_registered),
        cmocka_unit_test(test_suspend_signals),
        cmocka_unit_test(test_second_thread_allocates),
        cmocka_unit_test(test_thread_start),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
