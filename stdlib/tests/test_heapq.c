/*
 * test_heapq.c — `_heapq` (src/heapq_module.c) against CPython 3.11's
 * answers (bisect_heapq_cases.inc from gen_bisect_heapq_cases.py): heapify
 * layouts, push/pop/replace/pushpop sequences, the _max variants, errors.
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

KnObject *kn_init__heapq(void);
static KnObject *mod;

static int setup(void **state)
{
    (void)state;
    if (ob_runtime_init() < 0)
        return -1;
    mod = kn_init__heapq();
    return mod == NULL ? -1 : 0;
}

static void test_cases(void **state)
{
    (void)state;
    static const char *const names[6] = {
        "heappush", "heappop", "heapreplace", "heappushpop", "_heappop_max", "_heapreplace_max",
    };
    for (size_t c = 0; c < sizeof heap_cases / sizeof *heap_cases; c++) {
        const HeapCase *hc = &heap_cases[c];
        KnObject *h = int_list(hc->items, hc->n), *m = int_list(hc->items, hc->n);
        assert_ptr_equal(call(mod, "heapify", 1, h), KN_None);
        assert_ptr_equal(call(mod, "_heapify_max", 1, m), KN_None);
        assert_list_is(h, hc->heap, hc->n);
        assert_list_is(m, hc->maxheap, hc->n);
        for (int i = 0; i < hc->nops; i++) {
            int k = hc->ops[i][0];
            KnObject *heap = k >= 4 ? m : h, *v = ob_int_from_ssize(hc->ops[i][1]);
            KnObject *r = (k == 1 || k == 4) ? call(mod, names[k], 1, heap)
                                             : call(mod, names[k], 2, heap, v);
            if (hc->results[i] == -2) {
                assert_null(r);
                expect_error(ob_exc_IndexError, "index out of range");
            } else if (hc->results[i] == -1) {
                assert_ptr_equal(r, KN_None);
            } else {
                assert_non_null(r);
                assert_int_equal(ob_int_as_ssize(r), hc->results[i]);
            }
        }
        assert_list_is(h, hc->final, hc->fn);
        assert_list_is(m, hc->mfinal, hc->mfn);
    }
}

static void test_errors(void **state)
{
    (void)state;
    KnObject *t = ob_tuple_new(0);
    assert_null(call(mod, "heappush", 2, t, ob_int_from_ssize(1)));
    expect_error(ob_exc_TypeError, "heappush() argument 1 must be list, not tuple");
    assert_null(call(mod, "heapify", 1, ob_int_from_ssize(1)));
    expect_error(ob_exc_TypeError, "heapify() argument must be list, not int");
    assert_null(call(mod, "_heappop_max", 1, t));
    expect_error(ob_exc_TypeError, "_heappop_max() argument must be list, not tuple");
    assert_null(call(mod, "heappush", 1, ob_list_new(0)));
    expect_error(ob_exc_TypeError, "heappush expected 2 arguments, got 1");
    assert_null(call(mod, "heappop", 1, ob_list_new(0)));
    expect_error(ob_exc_IndexError, "index out of range");
    KnObject *l = ob_list_new(0), *three = ob_int_from_ssize(3);
    assert_ptr_equal(call(mod, "heappushpop", 2, l, three), three);
    assert_int_equal(KN_SIZE(l), 0);
    /* comparisons that raise propagate */
    KnObject *mixed = ob_list_new(0);
    ob_list_append(mixed, ob_int_from_ssize(1));
    assert_null(call(mod, "heappush", 2, mixed, ob_str_from_cstr("a")));
    expect_error(ob_exc_TypeError, "'<' not supported between instances of 'str' and 'int'");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
