/* test_weakref.c -- src/weakref.c: weak slots. */
#include "kgc_test.h"

static void **root;     /* uncollectable cells */

static uint64_t weak_cleared(void)
{
    struct kgc_stats st;
    kgc_get_stats(&st);
    return st.weak_cleared;
}

KT_NOINLINE static void make_pair(long tid, long wid, int keep_target,
                                  int keep_wr)
{
    struct kt_obj *t = kt_new(tid);
    struct kt_wr *w = kt_new_wr(wid);
    assert_int_equal(kgc_weak_attach(t, &w->wr_object, w), 0);
    assert_ptr_equal(w->wr_object, t);
    if (keep_target)
        root[0] = t;
    if (keep_wr)
        root[1] = w;
}

static void test_slot_does_not_keep_target(void **state)
{
    kt_install_hooks();
    uint64_t before = weak_cleared();
    make_pair(10, 11, 0, 1);
    kt_collect();
    struct kt_wr *w = root[1];
    assert_ptr_equal(w->wr_object, KT_SENTINEL);
    assert_int_equal(kt_count(KT_WEAKCB, 11), 1);
    assert_int_equal(kt_count(KT_DEALLOC, 10), 1);
    assert_true(weak_cleared() >= before + 1);
    root[1] = NULL;
}

static void test_slot_tracks_live_target(void **state)
{
    kt_install_hooks();
    make_pair(20, 21, 1, 1);
    kt_collect();
    kt_churn();
    kt_collect();
    struct kt_wr *w = root[1];
    assert_ptr_equal(w->wr_object, root[0]);
    assert_int_equal(((struct kt_obj *)w->wr_object)->id, 20);
    assert_int_equal(kt_count(KT_WEAKCB, 21), 0);
    root[0] = NULL;           /* now it dies */
    kt_collect();
    assert_ptr_equal(w->wr_object, KT_SENTINEL);
    assert_int_equal(kt_count(KT_WEAKCB, 21), 1);
    root[1] = NULL;
}

/* The weakref object dies first: later, nothing is written into it. */
static void **wr_link;
KT_NOINLINE static void make_dying_weakref(void)
{
    struct kt_obj *t = kt_new(30);
    struct kt_wr *w = kt_new_wr(31);
    kgc_weak_attach(t, &w->wr_object, w);
    root[0] = t;
    wr_link = kt_watch(w);
}

static void test_weakref_dies_before_target(void **state)
{
    kt_install_hooks();
    make_dying_weakref();
    kt_collect();
    assert_false(kt_alive(wr_link));        /* the weakref is gone */
    kt_churn();                              /* its memory reused */
    uint64_t before = weak_cleared();
    root[0] = NULL;
    kt_collect();
    assert_int_equal(kt_count(KT_DEALLOC, 30), 1);
    assert_int_equal(kt_count(KT_WEAKCB, 31), 0);
    assert_int_equal(weak_cleared(), before);   /* no write at all */
}

/* Weakref and target die together: no callback (CPython skips callbacks
 * of weakrefs that are part of the garbage). */
KT_NOINLINE static void make_garbage_pair(void)
{
    struct kt_obj *t = kt_new(40);
    struct kt_wr *w = kt_new_wr(41);
    kgc_weak_attach(t, &w->wr_object, w);
    t->a = w;               /* t -> w strongly, w -> t weakly */
}

static void test_weakref_in_same_garbage(void **state)
{
    kt_install_hooks();
    make_garbage_pair();
    kt_collect();
    assert_int_equal(kt_count(KT_DEALLOC, 40), 1);
    assert_int_equal(kt_count(KT_WEAKCB, 41), 0);
}

KT_NOINLINE static void make_detached(void)
{
    struct kt_obj *t = kt_new(50);
    struct kt_wr *w = kt_new_wr(51);
    kgc_weak_attach(t, &w->wr_object, w);
    kgc_weak_detach(&w->wr_object);
    assert_ptr_equal(w->wr_object, KT_SENTINEL);
    kgc_weak_detach(&w->wr_object);          /* second time: no-op */
    root[1] = w;
}

static void test_detach(void **state)
{
    kt_install_hooks();
    uint64_t before = weak_cleared();
    make_detached();
    kt_collect();
    assert_int_equal(kt_count(KT_DEALLOC, 50), 1);
    assert_int_equal(kt_count(KT_WEAKCB, 51), 0);
    assert_int_equal(weak_cleared(), before);
    root[1] = NULL;
}

/* A slot in malloc memory (no owner) and several slots on one target. */
static void **malloc_slot;
static struct kt_wr static_cookie = { 0, &kt_type_wr, NULL, 62, NULL };

KT_NOINLINE static void make_many_slots(void)
{
    struct kt_obj *t = kt_new(60);
    malloc_slot = malloc(sizeof *malloc_slot);
    assert_int_equal(kgc_weak_attach(t, malloc_slot, &static_cookie), 0);
    for (int i = 0; i < 3; i++) {
        struct kt_wr *w = kt_new_wr(63 + i);
        kgc_weak_attach(t, &w->wr_object, w);
        root[i] = w;
    }
    assert_ptr_equal(*malloc_slot, t);
}

static void test_malloc_slot_and_many_slots(void **state)
{
    kt_install_hooks();
    make_many_slots();
    kt_collect();
    assert_ptr_equal(*malloc_slot, KT_SENTINEL);
    assert_int_equal(kt_count(KT_WEAKCB, 62), 1);
    for (int i = 0; i < 3; i++) {
        assert_ptr_equal(((struct kt_wr *)root[i])->wr_object, KT_SENTINEL);
        assert_int_equal(kt_count(KT_WEAKCB, 63 + i), 1);
        root[i] = NULL;
    }
    free(malloc_slot);
}

static void test_static_target(void **state)
{
    static struct kt_obj static_target = { 0, &kt_type_obj, 70, 0, 0, 0 };
    void **slot = malloc(sizeof *slot);
    assert_int_equal(kgc_weak_attach(&static_target, slot, NULL), 0);
    kt_collect();
    assert_ptr_equal(*slot, &static_target);
    free(slot);
}

int main(void)
{
    kgc_init();
    root = kgc_alloc_uncollectable(4 * sizeof(void *));
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_slot_does_not_keep_target),
        cmocka_unit_test(test_slot_tracks_live_target),
        cmocka_unit_test(test_weakref_dies_before_target),
        cmocka_unit_test(test_weakref_in_same_garbage),
        cmocka_unit_test(test_detach),
        cmocka_unit_test(test_malloc_slot_and_many_slots),
        cmocka_unit_test(test_static_target),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
