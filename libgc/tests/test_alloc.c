/* test_alloc.c -- src/alloc.c: the allocation contract of libgc/gc.h. */
#include "kgc_test.h"
#include "libgc/head.h"

static void test_object_header_and_zeroing(void **state)
{
    size_t sizes[] = { 16, 24, 100, 2048, 5000 };
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        intptr_t *o = kgc_alloc_object(sizes[i]);
        assert_non_null(o);
        assert_int_equal((uintptr_t)o % 16, 0);
        assert_true(o[0] == KGC_REFCNT_BASE);
        for (size_t w = 1; w < sizes[i] / sizeof *o; w++)
            assert_int_equal(o[w], 0);
    }
    intptr_t *w = kgc_alloc_weakref_object(64);
    assert_true(w[0] == KGC_REFCNT_BASE);
    assert_int_equal(w[2], 0);
}

static void test_scanned_and_atomic(void **state)
{
    unsigned char *p = kgc_alloc(1000);
    for (int i = 0; i < 1000; i++)
        assert_int_equal(p[i], 0);
    char *a = kgc_alloc_atomic(4096);
    assert_non_null(a);
    memset(a, 'x', 4096);              /* writable, read() target */
    assert_int_equal(a[4095], 'x');
}

static void test_realloc_keeps_contents(void **state)
{
    char *p = kgc_alloc(16);
    memcpy(p, "0123456789abcdef", 16);
    p = kgc_realloc(p, 100000);
    assert_non_null(p);
    assert_memory_equal(p, "0123456789abcdef", 16);
    char *a = kgc_alloc_atomic(8);
    memcpy(a, "atomic!", 8);
    a = kgc_realloc(a, 3000);
    assert_memory_equal(a, "atomic!", 8);
    char *n = kgc_realloc(NULL, 32);
    assert_non_null(n);
}

/* Only an atomic block points at the object: it is not kept. */
static void **atomic_watch, **scanned_watch;
static void **holder;          /* malloc'd: unscanned */
KT_NOINLINE static void make_atomic_ref(void)
{
    void **a = kgc_alloc_atomic(sizeof(void *));
    struct kt_obj *o = kt_new(1);
    *a = o;
    atomic_watch = kt_watch(o);
    void **s = kgc_alloc_uncollectable(sizeof(void *));
    struct kt_obj *p = kt_new(2);
    *s = p;
    scanned_watch = kt_watch(p);
    holder = malloc(2 * sizeof *holder);
    holder[0] = a;
    holder[1] = s;
}

static void test_atomic_not_scanned_uncollectable_scanned(void **state)
{
    make_atomic_ref();
    kt_collect();
    assert_false(kt_alive(atomic_watch));
    assert_true(kt_alive(scanned_watch));   /* uncollectable is a root */
    kgc_free(holder[1]);
    holder[1] = NULL;
    kt_collect();
    assert_false(kt_alive(scanned_watch));
    kgc_free(NULL);
}

/* Head-scanned objects: a short one (below KGC_HEAD_SCANNED) is all head
 * and traced whole at its own size; a long one is traced only in its first
 * KGC_HEAD_SCANNED bytes. */
static void **short_in_watch, **long_head_watch, **long_tail_watch;
static void **head_holder;     /* uncollectable: a root */
KT_NOINLINE static void make_head_refs(void)
{
    head_holder = kgc_alloc_uncollectable(2 * sizeof(void *));
    intptr_t *s = kgc_alloc_object_head(56);
    assert_true(s[0] == KGC_REFCNT_BASE);
    for (size_t w = 1; w < 56 / sizeof *s; w++)
        assert_int_equal(s[w], 0);
    s[6] = (intptr_t)kt_new(1);                 /* last word of 56 bytes */
    short_in_watch = kt_watch((void *)s[6]);
    intptr_t *l = kgc_alloc_object_head(200);
    l[KGC_HEAD_SCANNED / sizeof *l - 1] = (intptr_t)kt_new(2);
    long_head_watch = kt_watch((void *)l[KGC_HEAD_SCANNED / sizeof *l - 1]);
    l[KGC_HEAD_SCANNED / sizeof *l + 2] = (intptr_t)kt_new(3);
    long_tail_watch = kt_watch((void *)l[KGC_HEAD_SCANNED / sizeof *l + 2]);
    head_holder[0] = s;
    head_holder[1] = l;
}

static void test_head_objects_traced_in_their_head(void **state)
{
    make_head_refs();
    kt_collect();
    assert_true(kt_alive(short_in_watch));
    assert_true(kt_alive(long_head_watch));
    assert_false(kt_alive(long_tail_watch));
    kgc_free(head_holder);
}

static void test_exhaustion_returns_null(void **state)
{
    size_t huge[] = { (size_t)1 << 50, SIZE_MAX - 64, SIZE_MAX };
    for (size_t i = 0; i < sizeof huge / sizeof huge[0]; i++) {
        assert_null(kgc_alloc_object(huge[i]));
        assert_null(kgc_alloc_weakref_object(huge[i]));
        assert_null(kgc_alloc(huge[i]));
        assert_null(kgc_alloc_atomic(huge[i]));
        assert_null(kgc_alloc_uncollectable(huge[i]));
        void *p = kgc_alloc(10);
        assert_null(kgc_realloc(p, huge[i]));
    }
    assert_non_null(kgc_alloc_object(32));   /* and life goes on */
}

int main(void)
{
    kgc_init();
    kt_install_hooks();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_object_header_and_zeroing),
        cmocka_unit_test(test_scanned_and_atomic),
        cmocka_unit_test(test_realloc_keeps_contents),
        cmocka_unit_test(test_atomic_not_scanned_uncollectable_scanned),
        cmocka_unit_test(test_head_objects_traced_in_their_head),
        cmocka_unit_test(test_exhaustion_returns_null),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
