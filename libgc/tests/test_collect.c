/* test_collect.c -- src/collect.c: gc.collect/disable/enable semantics. */
#include "kgc_test.h"

static uint64_t collections(void)
{
    struct kgc_stats st;
    kgc_get_stats(&st);
    return st.collections;
}

KT_NOINLINE static void make_finalizable(int n)
{
    for (int i = 0; i < n; i++)
        kgc_register_finalizer(kt_new(i));
}

static void test_collect_returns_destroyed_count(void **state)
{
    kt_install_hooks();
    make_finalizable(5);
    size_t n = kt_collect();
    assert_true(n >= 5);
    assert_int_equal(kt_collect(), 0);
}

KT_NOINLINE static void allocate_garbage(size_t bytes)
{
    for (size_t done = 0; done < bytes; done += 256)
        kgc_alloc(256);
}

static void test_disable_enable(void **state)
{
    assert_true(kgc_is_enabled());
    kgc_disable();
    kgc_disable();                      /* not nested */
    assert_false(kgc_is_enabled());
    uint64_t before = collections();
    allocate_garbage(32u << 20);
    assert_int_equal(collections(), before);   /* no automatic collection */
    kgc_collect();                              /* explicit one still runs */
    assert_true(collections() > before);
    kgc_enable();
    assert_true(kgc_is_enabled());
    before = collections();
    allocate_garbage(128u << 20);   /* past what the sweep recycles */
    assert_true(collections() > before);
}

int main(void)
{
    kgc_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_collect_returns_destroyed_count),
        cmocka_unit_test(test_disable_enable),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
