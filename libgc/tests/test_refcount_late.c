/* test_refcount_late.c -- src/refcount.c: kgc_refcounts_enable after objects
 * exist.  Blocks are not noted while refcounts are off; turning them on
 * notes the blocks of every live object (from the mark bits), so a refcount
 * raised afterwards on an object allocated before keeps it alive. */
#include "kgc_test.h"
#include "libgc/head.h"

#define KT_N 4
static const size_t kt_sizes[KT_N] = { 48, 200, 3000, 100 };   /* 100: head kind */

/* Scanned static roots while refcounts are off. */
static struct kt_obj *kt_keep[KT_N];

KT_NOINLINE static void make_before(void ***watch)
{
    for (int i = 0; i < KT_N; i++) {
        struct kt_obj *o = i == KT_N - 1 ? kgc_alloc_object_head(kt_sizes[i])
                                         : kgc_alloc_object(kt_sizes[i]);
        o->type = &kt_type_obj;
        o->id = 100 + i;
        kt_keep[i] = o;
        watch[i] = kt_watch(o);
    }
}

/* Move each object to an unscanned malloc'd holder, refcount raised. */
KT_NOINLINE static void raise_and_hide(void **holder)
{
    for (int i = 0; i < KT_N; i++) {
        kt_keep[i]->refcnt = KGC_REFCNT_BASE + 1;
        holder[i] = kt_keep[i];
        kt_keep[i] = NULL;
    }
}

KT_NOINLINE static void drop(void **holder)
{
    for (int i = 0; i < KT_N; i++)
        ((struct kt_obj *)holder[i])->refcnt = KGC_REFCNT_BASE;
}

static void test_enable_after_allocation(void **state)
{
    (void)state;
    void **watch[KT_N];
    void **holder = malloc(KT_N * sizeof *holder);
    make_before(watch);
    kt_collect();            /* blocks still not noted */
    kgc_refcounts_enable();
    raise_and_hide(holder);
    kt_collect();
    kt_churn();
    kt_collect();
    for (int i = 0; i < KT_N; i++) {
        assert_true(kt_alive(watch[i]));
        assert_int_equal(((struct kt_obj *)holder[i])->id, 100 + i);
    }
    drop(holder);
    kt_collect();
    for (int i = 0; i < KT_N; i++)
        assert_false(kt_alive(watch[i]));
    free(holder);
}

int main(void)
{
    kgc_init();
    kt_install_hooks();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_enable_after_allocation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
