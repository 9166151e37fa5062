/* test_weakref.c — the _weakref module from C (cmocka): refs die with
 * their referent (libgc weak slots), callbacks run, refs are shared. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "libgc/collect.h"
#include "libobject/libobject.h"
#include "libobject/set.h"
#include "stdlib/modules.h"

KnObject *kn_init__weakref(void);

static KnObject *mod, *ref_type;

/* A referent that can be weakly referenced: a set (tp_weaklistoffset). */
static KnObject *target(void)
{
    KnObject *s = ob_set_new(NULL);
    assert_non_null(s);
    return s;
}

static void test_ref_basics(void **state)
{
    (void)state;
    KnObject *t = target();
    KnObject *r = ob_call_onearg(ref_type, t);
    assert_non_null(r);
    assert_ptr_equal(ob_call_noargs(r), t);
    assert_ptr_equal(ob_call_onearg(ref_type, t), r);     /* shared */
    KnObject *n = ob_call_method(mod, "getweakrefcount", 1, t);
    assert_int_equal(ob_int_as_ssize(n), 1);
    assert_null(ob_call_onearg(ref_type, ob_int_from_ssize(3)));
    assert_ptr_equal(ob_err_occurred(), ob_exc_TypeError);
    ob_err_clear();
}

static int called;

static KnObject *note(KnObject *self, KnObject *arg)
{
    (void)self;
    (void)arg;
    called++;
    return KN_None;
}

static KnMethodDef note_def = {"note", (KnCFunction)(void (*)(void))note, KN_METH_O, NULL};

static KnObject *make_dying_ref(KnObject *cb)
{
    KnObject *args = ob_tuple_pack(2, target(), cb);
    return ob_call(ref_type, args, NULL);
}

static void test_death_and_callback(void **state)
{
    (void)state;
    KnObject *cb = ob_cfunction_new(&note_def, NULL, NULL);
    assert_non_null(cb);
    KnObject *r = NULL;
    for (int i = 0; i < 8 && r == NULL; i++)
        r = make_dying_ref(cb);
    assert_non_null(r);
    for (int i = 0; i < 5 && ob_call_noargs(r) != KN_None; i++)
        kgc_collect();
    /* conservative GC may keep a stale pointer alive; when it does not,
     * the ref is dead and the callback ran exactly once */
    if (ob_call_noargs(r) == KN_None)
        assert_int_equal(called, 1);
}

static int setup(void **state)
{
    (void)state;
    if (ob_runtime_init() < 0 || (mod = kn_init__weakref()) == NULL)
        return -1;
    ref_type = ob_getattr_str(mod, "ref");
    return ref_type ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ref_basics),
        cmocka_unit_test(test_death_and_callback),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
