/*
 * test_finalize.c — finalization through libgc's queue (src/finalize.c and
 * ob_alloc's registration): __del__ once, resurrection, cycles, exceptions
 * in __del__, tp_finalize / tp_dealloc of C types, and the PEP 442 order
 * (finalizer before the weak callbacks).
 */
#include <stdio.h>
#include <unistd.h>

#include "test_fin_util.h"

static KnObject *saved;      /* a root: __del__ of R resurrects into it */

static KnObject *del_fn(KnObject *const *args, kn_ssize_t n, KnObject *kw)
{
    (void)kw;
    assert_int_equal(n, 1);
    fin_record("del", args[0]);
    return KN_None;
}

static KnObject *resurrect_fn(KnObject *const *args, kn_ssize_t n, KnObject *kw)
{
    (void)kw;
    (void)n;
    fin_record("del", args[0]);
    saved = args[0];
    return KN_None;
}

static KnObject *raising_del_fn(KnObject *const *args, kn_ssize_t n, KnObject *kw)
{
    (void)kw;
    (void)n;
    fin_record("del", args[0]);
    ob_err_set_string(ob_exc_ValueError, "boom");
    return NULL;
}

static KnObject *cb_fn(KnObject *const *args, kn_ssize_t n, KnObject *kw)
{
    (void)kw;
    assert_int_equal(n, 1);
    /* the weak reference is dead by now */
    assert_ptr_equal(ob_weakref_get_object(args[0]), KN_None);
    fin_record("cb", NULL);
    return KN_None;
}

static KnObject *class_with_del(const char *name, tfn del)
{
    return mkclass(name, bases0(), ns("__del__", fn(del), NULL));
}

NOINLINE static void drop_one(KnObject *cls, long id)
{
    mk(cls, id);
}

static void test_del_runs_once(void **state)
{
    (void)state;
    KnObject *D = class_with_del("D", del_fn);
    drop_one(D, 1);
    kn_ssize_t n = collect();
    assert_string_equal(fin_log, "del 1");
    assert_true(n >= 1);
    collect();
    assert_string_equal(fin_log, "del 1");
}

NOINLINE static KnObject *resurrectable(KnObject *cls, long id)
{
    KnObject *o = mk(cls, id);
    return ob_weakref_new_ref(o, NULL);   /* the weakref does not keep o */
}

static KnObject *wref;                    /* a root, but weak to its target */

/* Checked in a helper so that no copy of `saved` stays in the test's frame. */
NOINLINE static int resurrected_and_dropped(void)
{
    int ok = saved != NULL && ob_weakref_get_object(wref) == saved;
    saved = NULL;
    return ok;
}

static void test_resurrection(void **state)
{
    (void)state;
    KnObject *R = class_with_del("R", resurrect_fn);
    wref = resurrectable(R, 2);
    assert_non_null(wref);
    collect();
    assert_string_equal(fin_log, "del 2");
    /* resurrected: still alive, the weak reference still points at it */
    assert_true(resurrected_and_dropped());
    collect();
    /* destroyed now, and __del__ was not called a second time */
    assert_ptr_equal(ob_weakref_get_object(wref), KN_None);
    assert_string_equal(fin_log, "del 2");
}

NOINLINE static void make_cycle(KnObject *cls)
{
    KnObject *a = mk(cls, 3), *b = mk(cls, 4);
    assert_int_equal(ob_setattr(a, S("other"), b), 0);
    assert_int_equal(ob_setattr(b, S("other"), a), 0);
}

static void test_cycle_with_del(void **state)
{
    (void)state;
    make_cycle(class_with_del("Cyc", del_fn));
    collect();
    assert_true(strcmp(fin_log, "del 3;del 4") == 0 || strcmp(fin_log, "del 4;del 3") == 0);
}

static void test_del_exception_is_unraisable(void **state)
{
    (void)state;
    KnObject *E = class_with_del("E", raising_del_fn);
    fflush(stderr);
    char path[] = "/tmp/test_finalize_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    int old = dup(2);
    dup2(fd, 2);
    drop_one(E, 5);
    /* an exception being handled by the caller survives the collection */
    ob_err_set_string(ob_exc_KeyError, "kept");
    collect();
    fflush(stderr);
    dup2(old, 2);
    close(old);
    expect_error(ob_exc_KeyError, "'kept'");
    char buf[1024] = { 0 };
    lseek(fd, 0, SEEK_SET);
    ssize_t got = read(fd, buf, sizeof buf - 1);
    close(fd);
    unlink(path);
    assert_true(got > 0);
    assert_string_equal(fin_log, "del 5");
    assert_non_null(strstr(buf, "Exception ignored in: <"));
    assert_non_null(strstr(buf, "ValueError: boom"));
}

NOINLINE static KnObject *weak_to_new(KnObject *cls, long id, KnObject *cb)
{
    return ob_weakref_new_ref(mk(cls, id), cb);
}

static void test_finalizer_before_weak_callback(void **state)
{
    (void)state;
    KnObject *D = class_with_del("D2", del_fn);
    KnObject *cb = fn(cb_fn);
    wref = weak_to_new(D, 6, cb);   /* no pointer to the instance here */
    collect();
    assert_string_equal(fin_log, "del 6;cb -1");
    assert_ptr_equal(ob_weakref_get_object(wref), KN_None);
    assert_ptr_equal(((KnWeakReference *)wref)->wr_callback, NULL);
}

/* ------------------------------------------------------------ C types */

static int cfin_count, cdealloc_count;

typedef struct { KN_OBJECT_HEAD; long payload; } CObj;

static void cobj_finalize(KnObject *o)
{
    assert_int_equal(((CObj *)o)->payload, 77);
    cfin_count++;
}

static void cobj_dealloc(KnObject *o)
{
    assert_int_equal(((CObj *)o)->payload, 77);
    cdealloc_count++;
}

static KnTypeObject cfin_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "cfin",
    .tp_basicsize = sizeof(CObj),
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_finalize = cobj_finalize,
};

static KnTypeObject cdealloc_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "cdealloc",
    .tp_basicsize = sizeof(CObj),
    .tp_dealloc = cobj_dealloc,
    .tp_flags = KN_TPFLAGS_DEFAULT,
};

NOINLINE static void drop_c(KnTypeObject *t, int n)
{
    for (int i = 0; i < n; i++) {
        CObj *o = (CObj *)ob_alloc(t, 0);
        assert_non_null(o);
        o->payload = 77;
    }
}

static void test_c_type_finalize_and_dealloc(void **state)
{
    (void)state;
    assert_int_equal(ob_type_ready(&cfin_type), 0);
    assert_int_equal(ob_type_ready(&cdealloc_type), 0);
    cfin_count = cdealloc_count = 0;
    drop_c(&cfin_type, 10);
    drop_c(&cdealloc_type, 10);
    collect();
    /* conservative scanning may keep one or two; most must go, each once */
    assert_true(cfin_count >= 8 && cfin_count <= 10);
    assert_true(cdealloc_count >= 8 && cdealloc_count <= 10);
    int f = cfin_count, d = cdealloc_count;
    collect();
    assert_true(cfin_count >= f && cfin_count <= 10);
    assert_true(cdealloc_count >= d && cdealloc_count <= 10);
}

static KnTypeObject cdefer_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "cdefer",
    .tp_basicsize = sizeof(CObj),
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_finalize = cobj_finalize,
};

NOINLINE static void drop_deferred(int n, int register_them)
{
    for (int i = 0; i < n; i++) {
        CObj *o = (CObj *)ob_alloc(&cdefer_type, 0);
        assert_non_null(o);
        o->payload = 77;
        if (register_them)
            assert_int_equal(ob_finalize_register((KnObject *)o), 0);
    }
}

/* A deferred type's objects are finalized only once registered by hand. */
static void test_deferred_type(void **state)
{
    (void)state;
    assert_int_equal(ob_type_ready(&cdefer_type), 0);
    assert_int_equal(ob_finalize_defer_type(&cdefer_type), 0);
    assert_int_equal(ob_finalize_defer_type(&cdefer_type), 0);   /* idempotent */
    cfin_count = 0;
    drop_deferred(10, 0);
    collect();
    assert_int_equal(cfin_count, 0);
    drop_deferred(10, 1);
    collect();
    assert_true(cfin_count >= 8 && cfin_count <= 10);
}

/* A type without finalization needs is not registered: nothing is
 * finalized or destroyed through the queue for it. */
static void test_plain_objects_not_queued(void **state)
{
    (void)state;
    collect();
    KnObject *P = mkclass("Plain", bases0(), ns(NULL));
    for (int i = 0; i < 100; i++)
        drop_one(P, i);
    assert_int_equal(collect(), 0);
    assert_string_equal(fin_log, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_del_runs_once, fin_reset),
        cmocka_unit_test_setup(test_resurrection, fin_reset),
        cmocka_unit_test_setup(test_cycle_with_del, fin_reset),
        cmocka_unit_test_setup(test_del_exception_is_unraisable, fin_reset),
        cmocka_unit_test_setup(test_finalizer_before_weak_callback, fin_reset),
        cmocka_unit_test_setup(test_c_type_finalize_and_dealloc, fin_reset),
        cmocka_unit_test_setup(test_deferred_type, fin_reset),
        cmocka_unit_test_setup(test_plain_objects_not_queued, fin_reset),
    };
    return cmocka_run_group_tests(tests, fin_setup, NULL);
}
