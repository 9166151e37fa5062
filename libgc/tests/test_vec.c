/* test_vec.c -- src/vec.c: items held in a kgc_vec stay alive. */
#include "kgc_test.h"
#include "gc_internal.h"

static struct kgc_vec vec;
static void **watch[300];

KT_NOINLINE static void fill(void)
{
    /* Reserved up front: growing copies the items with vector registers,
     * and a stale copy there could keep one object alive (luck, not a
     * property of vec.c; growth itself is tested below). */
    assert_int_equal(kgc_vec_reserve(&vec, 512), 0);
    for (int i = 0; i < 300; i++) {
        struct kt_obj *o = kt_new(i);
        watch[i] = kt_watch(o);
        assert_int_equal(kgc_vec_push(&vec, o, (void *)(intptr_t)i), 0);
    }
}

KT_NOINLINE static int all_alive_and_in_place(void)
{
    for (int i = 0; i < 300; i++)
        if (!kt_alive(watch[i]) || kt_id(vec.items[i]) != i ||
            (intptr_t)vec.aux[i] != i)
            return 0;
    return 1;
}

static void test_push_keeps_alive_clear_releases(void **state)
{
    fill();
    assert_int_equal(vec.len, 300);
    assert_true(vec.cap >= 300);
    kt_collect();
    assert_true(all_alive_and_in_place());
    kgc_vec_clear(&vec);
    assert_int_equal(vec.len, 0);
    kt_collect();
    for (int i = 0; i < 300; i++)
        assert_false(kt_alive(watch[i]));
}

static void test_reserve(void **state)
{
    struct kgc_vec v = { 0 };
    assert_int_equal(kgc_vec_reserve(&v, 1000), 0);
    assert_true(v.cap >= 1000);
    assert_int_equal(kgc_vec_reserve(&v, 10), 0);
    assert_int_equal(kgc_vec_reserve(&v, (size_t)1 << 58), -1);
    assert_true(v.cap >= 1000);
}

int main(void)
{
    kgc_init();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_push_keeps_alive_clear_releases),
        cmocka_unit_test(test_reserve),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
