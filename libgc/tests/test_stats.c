/* test_stats.c -- src/stats.c: figures for the gc module. */
#include "kgc_test.h"

KT_NOINLINE static void make_garbage(void)
{
    for (int i = 0; i < 10; i++) {
        struct kt_obj *o = kt_new(i);
        kgc_register_finalizer(o);
    }
}

static void test_figures_move(void **state)
{
    struct kgc_stats a, b;
    kgc_get_stats(&a);
    assert_true(a.heap_size > 0);
    assert_true(a.free_bytes <= a.heap_size);
    for (int i = 0; i < 1000; i++)
        kgc_alloc(1000);
    make_garbage();
    kt_collect();
    kgc_get_stats(&b);
    assert_true(b.total_bytes >= a.total_bytes + 1000 * 1000);
    assert_true(b.collections >= a.collections + 3);
    assert_true(b.finalizers_run >= a.finalizers_run + 10);
    assert_true(b.objects_destroyed >= a.objects_destroyed + 10);
    assert_true(b.heap_size >= b.free_bytes);
}

int main(void)
{
    kgc_init();
    kt_install_hooks();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_figures_move),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
