/* test_thread.c — the _thread module from C (cmocka); results as
 * python3.11 gives them for the same calls. */
#include <pthread.h>
#include <setjmp.h>
#include <time.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "libgc/gc.h"
#include "libobject/libobject.h"
#include "stdlib/modules.h"

KnObject *kn_init__thread(void);

static KnObject *mod;

/* Releases the lock after a moment (the waiter is blocked in sem_wait and
 * touches no object meanwhile, so no GIL is needed here). */
static void *release_later(void *lock)
{
    struct timespec ts = {0, 20 * 1000 * 1000};
    nanosleep(&ts, NULL);
    kgc_thread_register();
    ob_tstate_new_and_bind();
    ob_call_method(lock, "release", 0);
    ob_tstate_delete_current();
    kgc_thread_unregister();
    return NULL;
}

static void test_lock(void **state)
{
    (void)state;
    KnObject *l = ob_call_method(mod, "allocate_lock", 0);
    assert_non_null(l);
    assert_ptr_equal(ob_call_method(l, "acquire", 0), KN_True);
    assert_ptr_equal(ob_call_method(l, "acquire", 1, KN_False), KN_False);
    assert_ptr_equal(ob_call_method(l, "locked", 0), KN_True);
    assert_ptr_equal(ob_call_method(l, "release", 0), KN_None);
    assert_null(ob_call_method(l, "release", 0));
    assert_ptr_equal(ob_err_occurred(), ob_exc_RuntimeError);
    ob_err_clear();
    /* a held lock: a timed acquire gives up; a blocking one waits for the
     * release another thread makes */
    ob_call_method(l, "acquire", 0);
    assert_ptr_equal(ob_call_method(l, "acquire", 2, KN_True, ob_float_from_double(0.01)),
                     KN_False);
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, release_later, l), 0);
    assert_ptr_equal(ob_call_method(l, "acquire", 0), KN_True);
    pthread_join(t, NULL);
    assert_ptr_equal(ob_call_method(l, "release", 0), KN_None);
    assert_null(ob_call_method(l, "acquire", 2, KN_True, ob_float_from_double(-2.0)));
    assert_ptr_equal(ob_err_occurred(), ob_exc_ValueError);
    ob_err_clear();
}

static void test_rlock_and_misc(void **state)
{
    (void)state;
    KnObject *rt = ob_getattr_str(mod, "RLock");
    KnObject *r = ob_call_noargs(rt);
    assert_non_null(r);
    assert_ptr_equal(ob_call_method(r, "acquire", 0), KN_True);
    assert_ptr_equal(ob_call_method(r, "acquire", 0), KN_True);
    assert_ptr_equal(ob_call_method(r, "release", 0), KN_None);
    assert_ptr_equal(ob_call_method(r, "_is_owned", 0), KN_True);
    assert_ptr_equal(ob_call_method(r, "release", 0), KN_None);
    assert_ptr_equal(ob_call_method(r, "_is_owned", 0), KN_False);
    assert_ptr_equal(ob_getattr_str(mod, "error"), (KnObject *)ob_exc_RuntimeError);
    KnObject *n = ob_call_method(mod, "_count", 0);
    assert_int_equal(ob_int_as_ssize(n), 0);
    assert_null(ob_call_method(mod, "start_new_thread", 2, ob_getattr_str(mod, "_count"),
                               ob_tuple_new(0)));
    assert_ptr_equal(ob_err_occurred(), ob_exc_RuntimeError);
    ob_err_clear();
    assert_null(ob_call_method(mod, "stack_size", 1, ob_int_from_ssize(100)));
    assert_ptr_equal(ob_err_occurred(), ob_exc_ValueError);
    ob_err_clear();
}

static int setup(void **state)
{
    (void)state;
    if (ob_runtime_init() < 0)
        return -1;
    mod = kn_init__thread();
    return mod ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lock),
        cmocka_unit_test(test_rlock_and_misc),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
