/* test_fastalloc.c -- src/fastalloc.c: the per-thread free lists behind
 * kgc_alloc_object and kgc_alloc_weakref_object. */
#include "gc_internal.h"      /* first: GC_THREADS before <gc/gc.h> */
#include "kgc_test.h"

#define NDIRTY 3000

static uintptr_t *dirty_hidden;   /* malloc: ~address of each dirtied object */

static int cmp_uintptr(const void *a, const void *b)
{
    uintptr_t x = *(const uintptr_t *)a, y = *(const uintptr_t *)b;
    return x < y ? -1 : x > y;
}

/* Objects filled with garbage, then dropped: their memory comes back. */
KT_NOINLINE static void make_dirty_objects(void)
{
    for (int i = 0; i < NDIRTY; i++) {
        intptr_t *o = kgc_alloc_object(32);
        memset(o + 1, 0xa5, 24);
        o[0] = KGC_REFCNT_BASE - 3;       /* a lowered refcount, too */
        dirty_hidden[i] = ~(uintptr_t)o;
    }
    qsort(dirty_hidden, NDIRTY, sizeof *dirty_hidden, cmp_uintptr);
}

KT_NOINLINE static int check_fresh_objects(int *reused)
{
    int bad = 0;
    for (int i = 0; i < 4 * NDIRTY; i++) {
        intptr_t *o = kgc_alloc_object(32);
        if (o[0] != KGC_REFCNT_BASE || o[1] != 0 || o[2] != 0 || o[3] != 0)
            bad++;
        uintptr_t h = ~(uintptr_t)o;
        if (bsearch(&h, dirty_hidden, NDIRTY, sizeof h, cmp_uintptr))
            (*reused)++;
    }
    return bad;
}

/* Memory that held dirty objects is handed out again zeroed, word 0 BASE. */
static void test_reused_memory_zeroed_refcount_base(void **state)
{
    dirty_hidden = malloc(NDIRTY * sizeof *dirty_hidden);
    make_dirty_objects();
    kt_collect();
    int reused = 0;
    assert_int_equal(check_fresh_objects(&reused), 0);
    assert_true(reused > 0);        /* the check above saw reused memory */
    free(dirty_hidden);
}

/* Every object on this thread's lists: link word a heap object's address
 * (or NULL), far below BASE; everything else zero; the list's size. */
static int check_lists(size_t *total)
{
    int bad = 0;
    for (int which = 0; which < KGC_FAST_ROWS; which++) {
        for (size_t g = 1; g <= KGC_FAST_GRANULES; g++) {
            for (void **p = kgc_fast_tl->head[which][g]; p != NULL; p = *p) {
                uintptr_t link = (uintptr_t)*p;
                if (link >= ((uintptr_t)1 << 47) ||
                    (intptr_t)link >= KGC_REFCNT_BASE ||
                    (link != 0 && GC_base((void *)link) != (void *)link))
                    bad++;
                if (GC_size(p) != g * KGC_GRANULE)
                    bad++;
                for (size_t w = 1; w < g * KGC_GRANULE / sizeof(void *); w++)
                    if (p[w] != NULL)
                        bad++;
                (*total)++;
            }
        }
    }
    return bad;
}

static void test_free_lists_hold_links_and_zeros(void **state)
{
    for (size_t n = 16; n <= KGC_FAST_GRANULES * KGC_GRANULE; n += 16) {
        assert_non_null(kgc_alloc_object(n));
        assert_non_null(kgc_alloc_weakref_object(n));
        assert_non_null(kgc_alloc_object_head(n));
        assert_non_null(kgc_alloc(n));
    }
    size_t before = 0;
    assert_int_equal(check_lists(&before), 0);
    assert_true(before > 0);
    kt_collect();                   /* lists survive a collection intact */
    size_t after = 0;
    assert_int_equal(check_lists(&after), 0);
    assert_true(after == before);
    /* and the refcount walk kept none of them */
    struct kgc_stats st;
    kgc_get_stats(&st);
    assert_true(st.refcount_kept == 0);
}

/* Sizes just under and over granule boundaries map to the right list. */
static void test_sizes_round_like_boehm(void **state)
{
    for (size_t n = 1; n <= KGC_FAST_GRANULES * KGC_GRANULE + 40; n++) {
        intptr_t *o = kgc_alloc_object(n);
        assert_true(KGC_GRANULES(n) * KGC_GRANULE >= n + kgc_state.extra_bytes);
        assert_non_null(o);
        assert_true(o[0] == KGC_REFCNT_BASE);
        assert_true(GC_size(o) >= n + kgc_state.extra_bytes);
        assert_true(GC_size(o) >= 16);
        memset(o + 1, 0x11, (n > 16 ? n : 16) - sizeof *o);   /* all ours */
    }
}

/* The inline paths of libgc/gc.h (taken in NDEBUG builds; the others call
 * through) and kgc_alloc's plain rows: zeroed memory of Boehm's NORMAL
 * kind, word 0 BASE for objects and 0 for plain memory; plain blocks are
 * never objects, so the refcount walk ignores them; realloc/free work. */
static void test_inline_and_plain_paths(void **state)
{
    for (size_t n = 0; n <= KGC_FAST_GRANULES * KGC_GRANULE + 40; n++) {
        intptr_t *p = kgc_alloc_fast(n);
        intptr_t *q = kgc_alloc(n);
        intptr_t *o = kgc_alloc_object_fast(n < 16 ? 16 : n);
        assert_non_null(p);
        assert_non_null(q);
        assert_non_null(o);
        assert_true(p[0] == 0 && q[0] == 0 && o[0] == KGC_REFCNT_BASE);
        assert_true(GC_size(p) >= n + kgc_state.extra_bytes);
        assert_true(GC_size(o) >= n + kgc_state.extra_bytes);
        for (size_t w = 1; w < GC_size(p) / sizeof *p; w++)
            assert_true(p[w] == 0);
        assert_int_equal(GC_get_kind_and_size(p, NULL), GC_I_NORMAL);
        assert_int_equal(GC_get_kind_and_size(o, NULL), kgc_state.obj_kind);
        memset(p, 0x5a, n);
        p = kgc_realloc(p, n + 100);
        assert_non_null(p);
        for (size_t b = 0; b < n; b++)
            assert_true(((unsigned char *)p)[b] == 0x5a);
        if (n % 3 == 0)
            kgc_free(q);
    }
}

/* Allocation interleaved with collections while lists are partly used:
 * no object is handed out twice or lost, contents survive. */
static void test_collections_between_partial_lists(void **state)
{
    enum { N = 30000 };
    static const size_t sizes[] = { 16, 32, 48, 100, 200, 500, 512, 600 };
    intptr_t **objs = kgc_alloc(N * sizeof *objs);    /* scanned */
    for (long i = 0; i < N; i++) {
        size_t n = sizes[i % 8];
        intptr_t *o = i % 3 ? kgc_alloc_object(n)
                            : kgc_alloc_weakref_object(n);
        assert_non_null(o);
        assert_true(o[0] == KGC_REFCNT_BASE);
        assert_true(o[1] == 0);
        o[1] = i;
        if (n >= 3 * sizeof *o)
            o[n / sizeof *o - 1] = ~i;
        objs[i] = o;
        if (i % 2500 == 1234)
            kgc_collect();
    }
    kgc_collect();
    int bad = 0;
    for (long i = 0; i < N; i++) {
        size_t n = sizes[i % 8];
        if (objs[i][1] != i ||
            (n >= 3 * sizeof(intptr_t) && objs[i][n / sizeof(intptr_t) - 1] != ~i))
            bad++;
    }
    assert_int_equal(bad, 0);
    uintptr_t *sorted = malloc(N * sizeof *sorted);
    for (long i = 0; i < N; i++)
        sorted[i] = (uintptr_t)objs[i];
    qsort(sorted, N, sizeof *sorted, cmp_uintptr);
    for (long i = 1; i < N; i++)
        if (sorted[i] == sorted[i - 1])
            bad++;
    assert_int_equal(bad, 0);
    free(sorted);
}

/* A dropped object is not kept, and neither is what it pointed to, while
 * its memory may sit on a free list again. */
static void **dropped_watch, **target_watch;
KT_NOINLINE static void make_dropped_pair(void)
{
    struct kt_obj *target = kt_new(71);
    struct kt_obj *holder = kt_new(70);
    holder->a = target;
    dropped_watch = kt_watch(holder);
    target_watch = kt_watch(target);
}

static void test_free_memory_retains_nothing(void **state)
{
    make_dropped_pair();
    kt_collect();
    kt_churn();                     /* refills lists from swept blocks */
    kt_collect();
    assert_false(kt_alive(dropped_watch));
    assert_false(kt_alive(target_watch));
}

/* Threads: a worker allocates one object (its list now holds the rest of
 * the batch), watches the head of that list, and leaves either through
 * kgc_thread_unregister or (raw Boehm unregistration) the key destructor.
 * The released objects must be swept. */
struct worker_out {
    void **watch;
    long on_list, on_list_after_gc;
    int alive_after_gc;
};

static int raw_exit;

static void *worker(void *arg)
{
    struct worker_out *out = arg;
    if (kgc_thread_register() != 0)
        return NULL;
    assert_non_null(kt_new(5));
    size_t g = (sizeof(struct kt_obj) + kgc_state.extra_bytes
                + KGC_GRANULE - 1) / KGC_GRANULE;
    out->on_list = (long)kgc_fast_count(KGC_FAST_OBJ, g);
    out->watch = kt_watch(kgc_fast_tl->head[KGC_FAST_OBJ][g]);
    kt_collect();
    out->alive_after_gc = kt_alive(out->watch);
    out->on_list_after_gc = (long)kgc_fast_count(KGC_FAST_OBJ, g);
    if (raw_exit)
        GC_unregister_my_thread();      /* kgc_fast_tl left to the key */
    else
        kgc_thread_unregister();
    return NULL;
}

static void run_worker(int raw)
{
    struct worker_out out = { 0 };
    pthread_t t;
    raw_exit = raw;
    assert_int_equal(pthread_create(&t, NULL, worker, &out), 0);
    pthread_join(t, NULL);
    assert_non_null(out.watch);
    assert_true(out.on_list > 0);
    assert_true(out.alive_after_gc);            /* the list kept it */
    assert_true(out.on_list_after_gc == out.on_list);
    kt_collect();
    assert_false(kt_alive(out.watch));          /* released, then swept */
}

static void test_thread_exit_releases_lists(void **state)
{
    run_worker(0);
}

static void test_thread_exit_without_unregister(void **state)
{
    run_worker(1);
}

/* After kgc_thread_unregister the lists are gone; allocating again (the
 * main thread stays registered) builds new ones. */
static void test_release_then_allocate(void **state)
{
    assert_non_null(kt_new(1));
    assert_non_null(kgc_fast_tl);
    kgc_fast_release();
    assert_null(kgc_fast_tl);
    struct kt_obj *o = kt_new(2);
    assert_non_null(o);
    assert_true(o->refcnt == KGC_REFCNT_BASE);
    assert_non_null(kgc_fast_tl);
}

int main(void)
{
    kgc_init();
    kt_install_hooks();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_free_lists_hold_links_and_zeros),
        cmocka_unit_test(test_reused_memory_zeroed_refcount_base),
        cmocka_unit_test(test_sizes_round_like_boehm),
        cmocka_unit_test(test_inline_and_plain_paths),
        cmocka_unit_test(test_collections_between_partial_lists),
        cmocka_unit_test(test_free_memory_retains_nothing),
        cmocka_unit_test(test_thread_exit_releases_lists),
        cmocka_unit_test(test_thread_exit_without_unregister),
        cmocka_unit_test(test_release_then_allocate),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
