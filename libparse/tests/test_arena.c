/* test_arena.c — ps_arena: alignment, zero fill, big blocks, strndup. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "libparse/arena.h"

static void test_alloc_aligned_and_zeroed(void **state)
{
    ps_arena *a = ps_arena_new();
    assert_non_null(a);
    for (size_t n = 1; n < 3000; n += 7) {
        unsigned char *p = ps_arena_alloc(a, n);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
        for (size_t i = 0; i < n; i++)
            assert_int_equal(p[i], 0);
        memset(p, 0xAB, n);  /* must not disturb later blocks */
    }
    assert_true(ps_arena_used(a) > 0);
    ps_arena_free(a);
}

static void test_big_blocks_and_many_small(void **state)
{
    ps_arena *a = ps_arena_new();
    char *small = ps_arena_alloc(a, 16);
    strcpy(small, "still here");
    char *big = ps_arena_alloc(a, 5 * 1024 * 1024);
    assert_non_null(big);
    memset(big, 1, 5 * 1024 * 1024);
    /* A big block does not end the current chunk. */
    char *small2 = ps_arena_alloc(a, 16);
    assert_non_null(small2);
    assert_string_equal(small, "still here");
    for (int i = 0; i < 200000; i++)
        assert_non_null(ps_arena_alloc(a, 24));
    ps_arena_free(a);
}

static void test_strndup_keeps_nul_bytes(void **state)
{
    ps_arena *a = ps_arena_new();
    char *s = ps_arena_strndup(a, "a\0b", 3);
    assert_memory_equal(s, "a\0b", 4);
    char *e = ps_arena_strndup(a, NULL, 0);
    assert_string_equal(e, "");
    ps_arena_free(a);
    ps_arena_free(NULL);
}

static void test_zero_size(void **state)
{
    ps_arena *a = ps_arena_new();
    void *p = ps_arena_alloc(a, 0), *q = ps_arena_alloc(a, 0);
    assert_non_null(p);
    assert_ptr_not_equal(p, q);
    ps_arena_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_alloc_aligned_and_zeroed),
        cmocka_unit_test(test_big_blocks_and_many_small),
        cmocka_unit_test(test_strndup_keeps_nul_bytes),
        cmocka_unit_test(test_zero_size),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
