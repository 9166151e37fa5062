/*
 * test_bisect.c — `_bisect` (src/bisect_module.c) against CPython 3.11's
 * answers (bisect_heapq_cases.inc from gen_bisect_heapq_cases.py), insort
 * with key, errors.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "libobject/libobject.h"
#include "bisect_heapq_cases.inc"
#include "test_bisect_heapq_util.h"

KnObject *kn_init__bisect(void);
static KnObject *mod;

static int setup(void **state)
{
    (void)state;
    if (ob_runtime_init() < 0)
        return -1;
    mod = kn_init__bisect();
    return mod == NULL ? -1 : 0;
}

static void test_cases(void **state)
{
    (void)state;
    for (size_t c = 0; c < sizeof bisect_cases / sizeof *bisect_cases; c++) {
        const BisectCase *b = &bisect_cases[c];
        KnObject *a = int_list(b->items, b->n);
        KnObject *x = ob_int_from_ssize(b->x), *lo = ob_int_from_ssize(b->lo);
        KnObject *hi = b->hi == -1 ? KN_None : ob_int_from_ssize(b->hi);
        KnObject *l = call(mod, "bisect_left", 4, a, x, lo, hi);
        KnObject *r = call(mod, "bisect_right", 4, a, x, lo, hi);
        assert_non_null(l);
        assert_non_null(r);
        assert_int_equal(ob_int_as_ssize(l), b->left);
        assert_int_equal(ob_int_as_ssize(r), b->right);
        /* insort puts x at that index */
        assert_ptr_equal(call(mod, "insort_left", 4, a, x, lo, hi), KN_None);
        assert_int_equal(KN_SIZE(a), b->n + 1);
        assert_ptr_equal(KN_LIST_GET(a, b->left), x);
    }
}

static void test_key_and_errors(void **state)
{
    (void)state;
    int v[] = { 5, 3, 1 };
    KnObject *a = int_list(v, 3);
    KnObject *neg = ob_getattr_str(ob_getattr_str(ob_int_from_ssize(0), "__class__"), "__neg__");
    assert_non_null(neg);
    /* key=int.__neg__ over a descending list */
    KnObject *f = ob_getattr_str(mod, "insort_right");
    KnObject *args[3] = { a, ob_int_from_ssize(3), neg };
    KnObject *kw = ob_tuple_pack(1, ob_str_from_cstr("key"));
    assert_ptr_equal(ob_vectorcall(f, args, 2, kw), KN_None);
    int want[] = { 5, 3, 3, 1 };
    assert_list_is(a, want, 4);
    assert_null(call(mod, "bisect_left", 3, a, ob_int_from_ssize(1), ob_int_from_ssize(-1)));
    expect_error(ob_exc_ValueError, "lo must be non-negative");
    assert_null(call(mod, "bisect_left", 2, ob_int_from_ssize(5), ob_int_from_ssize(1)));
    expect_error(ob_exc_TypeError, "object of type 'int' has no len()");
    assert_null(call(mod, "bisect_left", 3, a, ob_int_from_ssize(1), ob_str_from_cstr("a")));
    expect_error(ob_exc_TypeError, "'str' object cannot be interpreted as an integer");
    assert_null(call(mod, "bisect_left", 0));
    expect_error(ob_exc_TypeError, "bisect_left() missing required argument 'a' (pos 1)");
    KnObject *t = ob_tuple_new(0);
    assert_null(call(mod, "insort_left", 2, t, ob_int_from_ssize(1)));
    expect_error(ob_exc_AttributeError, "'tuple' object has no attribute 'insert'");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_key_and_errors),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
