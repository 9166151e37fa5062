/* test_finalize.c -- src/finalize.c: PEP 442 order at a safe point. */
#include "kgc_test.h"

static void **root;     /* uncollectable cell: a real root */

static void setup_log(void) { kt_install_hooks(); }

KT_NOINLINE static void make_single(long id)
{
    struct kt_obj *o = kt_new(id);
    assert_int_equal(kgc_register_finalizer(o), 0);
}

static void test_single_object_steps_in_order(void **state)
{
    setup_log();
    make_single(100);
    kt_collect();
    assert_int_equal(kt_count(KT_FIN, 100), 1);
    assert_int_equal(kt_count(KT_CLEAR, 100), 1);
    assert_int_equal(kt_count(KT_DEALLOC, 100), 1);
    assert_true(kt_first(KT_FIN, 100) < kt_first(KT_CLEAR, 100));
    assert_true(kt_first(KT_CLEAR, 100) < kt_first(KT_DEALLOC, 100));
}

KT_NOINLINE static void make_cycle(long id1, long id2)
{
    struct kt_obj *a = kt_new(id1), *b = kt_new(id2);
    a->a = b;
    b->a = a;
    kgc_register_finalizer(a);
    kgc_register_finalizer(b);
}

static void test_cycle_of_finalizable_objects(void **state)
{
    setup_log();
    make_cycle(201, 202);
    kt_collect();
    for (long id = 201; id <= 202; id++) {
        assert_int_equal(kt_count(KT_FIN, id), 1);
        assert_int_equal(kt_count(KT_CLEAR, id), 1);
        assert_int_equal(kt_count(KT_DEALLOC, id), 1);
    }
    /* all finalizers, then all clears, then all deallocs */
    int last_fin = kt_first(KT_FIN, 201) > kt_first(KT_FIN, 202) ?
        kt_first(KT_FIN, 201) : kt_first(KT_FIN, 202);
    int first_clear = kt_first(KT_CLEAR, 201) < kt_first(KT_CLEAR, 202) ?
        kt_first(KT_CLEAR, 201) : kt_first(KT_CLEAR, 202);
    int last_clear = kt_first(KT_CLEAR, 201) > kt_first(KT_CLEAR, 202) ?
        kt_first(KT_CLEAR, 201) : kt_first(KT_CLEAR, 202);
    int first_dealloc = kt_first(KT_DEALLOC, 201) < kt_first(KT_DEALLOC, 202)
        ? kt_first(KT_DEALLOC, 201) : kt_first(KT_DEALLOC, 202);
    assert_true(last_fin < first_clear);
    assert_true(last_clear < first_dealloc);
}

/* Weak slot: still the target while its finalizer runs; the sentinel when
 * the callback runs; callback before clear. */
static int slot_seen_in_finalizer_ok;
static int slot_seen_in_callback_ok;
static struct kt_wr *watcher;        /* kept in root[1] */
static void *watched_target_id;

static void check_slot_in_finalizer(void *obj)
{
    if (kt_id(obj) == 300)
        slot_seen_in_finalizer_ok = (watcher->wr_object == obj);
}
static void check_slot_in_callback(void *cookie)
{
    slot_seen_in_callback_ok = (((struct kt_wr *)cookie)->wr_object ==
                                KT_SENTINEL);
}

KT_NOINLINE static void make_watched(void)
{
    struct kt_obj *t = kt_new(300);
    kgc_register_finalizer(t);
    watcher = kt_new_wr(301);
    root[1] = watcher;
    assert_int_equal(kgc_weak_attach(t, &watcher->wr_object, watcher), 0);
}

static void test_weakref_order(void **state)
{
    setup_log();
    kt_on_finalize = check_slot_in_finalizer;
    kt_on_weakcb = check_slot_in_callback;
    (void)watched_target_id;
    make_watched();
    kt_collect();
    assert_int_equal(kt_count(KT_FIN, 300), 1);
    assert_int_equal(kt_count(KT_WEAKCB, 301), 1);
    assert_true(kt_first(KT_FIN, 300) < kt_first(KT_WEAKCB, 301));
    assert_true(kt_first(KT_WEAKCB, 301) < kt_first(KT_CLEAR, 300));
    assert_true(kt_first(KT_CLEAR, 300) < kt_first(KT_DEALLOC, 300));
    assert_true(slot_seen_in_finalizer_ok);
    assert_true(slot_seen_in_callback_ok);
    assert_ptr_equal(watcher->wr_object, KT_SENTINEL);
    root[1] = NULL;
    watcher = NULL;
}

/* Resurrection: the finalizer stores the object in a root. */
static void resurrect(void *obj)
{
    if (kt_id(obj) == 400) {
        root[0] = obj;
        kgc_register_finalizer(obj);    /* must not bring a 2nd finalize */
    }
}

KT_NOINLINE static void make_resurrecting(void)
{
    struct kt_obj *o = kt_new(400);
    struct kt_obj *child = kt_new(401);
    o->a = child;
    kgc_register_finalizer(o);
}

KT_NOINLINE static int resurrected_intact(void)
{
    struct kt_obj *o = root[0];
    return o != NULL && o->id == 400 && o->a != NULL &&
           ((struct kt_obj *)o->a)->id == 401;
}

static void test_resurrection(void **state)
{
    setup_log();
    kt_on_finalize = resurrect;
    make_resurrecting();
    kt_collect();
    assert_int_equal(kt_count(KT_FIN, 400), 1);
    assert_int_equal(kt_count(KT_CLEAR, 400), 0);
    assert_int_equal(kt_count(KT_DEALLOC, 400), 0);
    kt_churn();
    kt_collect();
    assert_true(resurrected_intact());

    root[0] = NULL;              /* dies again */
    kt_collect();
    assert_int_equal(kt_count(KT_FIN, 400), 1);   /* never twice */
    assert_int_equal(kt_count(KT_CLEAR, 400), 1);
    assert_int_equal(kt_count(KT_DEALLOC, 400), 1);
}

/* Nothing runs inside the collector: a raw Boehm collection only queues. */
static void test_runs_only_at_safe_point(void **state)
{
    setup_log();
    make_single(500);
    for (int i = 0; i < 3 && !kgc_finalizers_pending(); i++) {
        kt_clear_stack();
        GC_gcollect();
    }
    assert_true(kgc_finalizers_pending());
    assert_int_equal(kt_count(KT_FIN, 500), 0);
    kgc_run_finalizers();
    assert_int_equal(kt_count(KT_FIN, 500), 1);
    assert_int_equal(kt_count(KT_DEALLOC, 500), 0);   /* needs a check */
    kt_collect();
    assert_int_equal(kt_count(KT_DEALLOC, 500), 1);
}

/* Referents of a finalizable object are intact when its finalizer runs. */
static int referent_ok = -1;
static void check_referent(void *obj)
{
    if (kt_id(obj) == 600) {
        struct kt_obj *o = obj;
        referent_ok = o->a != NULL && ((struct kt_obj *)o->a)->id == 601 &&
                      memcmp(o->b, "atomic", 7) == 0;
    }
}

KT_NOINLINE static void make_with_referents(void)
{
    struct kt_obj *o = kt_new(600);
    o->a = kt_new(601);
    o->b = kgc_alloc_atomic(7);
    memcpy(o->b, "atomic", 7);
    kgc_register_finalizer(o);
}

static void test_referents_alive_during_finalizer(void **state)
{
    setup_log();
    kt_on_finalize = check_referent;
    make_with_referents();
    for (int i = 0; i < 3 && !kgc_finalizers_pending(); i++) {
        kt_clear_stack();
        GC_gcollect();
    }
    kt_churn();                  /* would reuse swept memory */
    kgc_collect();
    kt_collect();
    assert_int_equal(referent_ok, 1);
}

/* refcount > BASE: never finalized while raised. */
static void **raised_holder;
KT_NOINLINE static void make_raised(void)
{
    struct kt_obj *o = kt_new(700);
    o->refcnt = KGC_REFCNT_BASE + 1;
    kgc_register_finalizer(o);
    raised_holder = malloc(sizeof *raised_holder);
    *raised_holder = o;
}
KT_NOINLINE static void lower_raised(void)
{
    ((struct kt_obj *)*raised_holder)->refcnt = KGC_REFCNT_BASE;
    *raised_holder = NULL;
}

static void test_raised_refcount_not_finalized(void **state)
{
    setup_log();
    make_raised();
    kt_collect();
    assert_int_equal(kt_count(KT_FIN, 700), 0);
    lower_raised();
    kt_collect();
    assert_int_equal(kt_count(KT_FIN, 700), 1);
    assert_int_equal(kt_count(KT_DEALLOC, 700), 1);
}

/* Hooks may allocate and collect; the nested call does not re-enter. */
static int nested_calls;
static void nested(void *obj)
{
    if (kt_id(obj) == 800) {
        nested_calls++;
        for (int i = 0; i < 100; i++)
            kt_new(-1);
        assert_int_equal(kgc_run_finalizers(), 0);
        kgc_collect();
    }
}

static void test_nested_collect_in_finalizer(void **state)
{
    setup_log();
    kt_on_finalize = nested;
    make_single(800);
    kt_collect();
    assert_int_equal(nested_calls, 1);
    assert_int_equal(kt_count(KT_DEALLOC, 800), 1);
}

static void test_register_rejects_non_objects(void **state)
{
    static int not_heap;
    assert_int_equal(kgc_register_finalizer(&not_heap), -1);
    assert_int_equal(kgc_register_finalizer(NULL), -1);
    char *p = kgc_alloc(64);
    assert_int_equal(kgc_register_finalizer(p + 8), -1);
}

int main(void)
{
    kgc_init();
    kgc_refcounts_enable();
    root = kgc_alloc_uncollectable(4 * sizeof(void *));
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_single_object_steps_in_order),
        cmocka_unit_test(test_cycle_of_finalizable_objects),
        cmocka_unit_test(test_weakref_order),
        cmocka_unit_test(test_resurrection),
        cmocka_unit_test(test_runs_only_at_safe_point),
        cmocka_unit_test(test_referents_alive_during_finalizer),
        cmocka_unit_test(test_raised_refcount_not_finalized),
        cmocka_unit_test(test_nested_collect_in_finalizer),
        cmocka_unit_test(test_register_rejects_non_objects),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
