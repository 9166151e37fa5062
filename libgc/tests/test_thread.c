/* test_thread.c -- src/thread.c: registered threads allocate and collect. */
#define GC_THREADS 1              /* declares the signal getters */
#define GC_NO_THREAD_REDIRECTS 1  /* registration stays explicit */
#include <pthread.h>
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
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
