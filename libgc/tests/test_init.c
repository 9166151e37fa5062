/* test_init.c -- src/init.c: start-up and configuration. */
#include "kgc_test.h"
#include "gc_internal.h"

static void test_alloc_before_init_initialises(void **state)
{
    /* first call in this program: must start the collector itself */
    intptr_t *o = kgc_alloc_object(32);
    assert_non_null(o);
    assert_true(atomic_load(&kgc_state.ready));
}

static void test_init_idempotent_and_configured(void **state)
{
    int kind = kgc_state.obj_kind;
    kgc_init();
    kgc_init();
    assert_int_equal(kgc_state.obj_kind, kind);
    assert_int_not_equal(kgc_state.obj_kind, kgc_state.weak_kind);
    assert_true(GC_get_finalize_on_demand());
    assert_true(GC_get_java_finalization());
    assert_false(GC_is_incremental_mode());
    assert_null(GC_get_oom_fn()(64));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_alloc_before_init_initialises),
        cmocka_unit_test(test_init_idempotent_and_configured),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
