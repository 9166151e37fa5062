/*
 * test_fin_util.h — shared by test_finalize.c and test_weakref.c.
 *
 * Conservative stack scanning can keep an object alive through a stale
 * pointer in a dead frame or a register, so objects that must die are made
 * only inside noinline helpers that return plain integers or pointers held
 * elsewhere, and collect() wipes the unused stack before each of several
 * collections.  "Destroyed" is always proven positively (a __del__ ran, a
 * weak reference went dead, a callback was called).
 */
#ifndef TEST_FIN_UTIL_H
#define TEST_FIN_UTIL_H

#include <stdio.h>
#include <stdlib.h>

#include "test_type_helpers.h"
#include "libobject/weakref.h"
#include "libgc/gc.h"

#define NOINLINE __attribute__((noinline, unused))

NOINLINE static void wipe_stack(void)
{
    volatile char buf[32768];
    for (size_t i = 0; i < sizeof buf; i++)
        buf[i] = 0;
    __asm__ volatile("" : : "r"(buf) : "memory");
}

/* Several full collections, the finalization queue each time; returns how
 * many objects were destroyed in all. */
NOINLINE static kn_ssize_t collect(void)
{
    kn_ssize_t n = 0;
    for (int i = 0; i < 3; i++) {
        wipe_stack();
        n += ob_gc_collect();
    }
    wipe_stack();
    return n;
}

/* The log written by the __del__ methods and callbacks below: one line per
 * event, "del <id>" / "cb <id>". */
static char fin_log[4096];

static void fin_record(const char *what, KnObject *o)
{
    long id = -1;
    KnObject *v = o != NULL ? ob_getattr(o, S("id")) : NULL;
    if (v != NULL && KN_INT_CHECK(v))
        id = (long)ob_int_as_long_long(v);
    ob_err_clear();
    size_t len = strlen(fin_log);
    snprintf(fin_log + len, sizeof fin_log - len, "%s%s %ld", len ? ";" : "", what, id);
}

static int fin_setup(void **state)
{
    if (setup_runtime(state) < 0 || ob_weakref_init() < 0)
        return -1;
    return 0;
}

static int fin_reset(void **state)
{
    (void)state;
    fin_log[0] = '\0';
    return 0;
}

/* An instance of cls with attribute id. */
static KnObject *mk(KnObject *cls, long id)
{
    KnObject *o = call0(cls);
    assert_non_null(o);
    assert_int_equal(ob_setattr(o, S("id"), I(id)), 0);
    return o;
}

/* callable(a) or callable(a, b) (b NULL: one argument). */
static inline KnObject *tu_call2(KnObject *callable, KnObject *a, KnObject *b)
{
    KnObject *args[2] = { a, b };
    return ob_vectorcall(callable, args, b ? 2 : 1, NULL);
}

static inline KnObject *tu_call(KnObject *callable, int n, KnObject *a)
{
    return ob_vectorcall(callable, &a, (size_t)n, NULL);
}

#define assert_str(o, text) assert_string_equal(cstr(o), (text))
#define assert_repr(o, text) assert_string_equal(cstr(ob_repr(o)), (text))
#define assert_list_repr(o, text) assert_repr(ob_sequence_list(o), (text))
#define assert_int(o, v) assert_int_equal(as_long(o), (v))

#endif /* TEST_FIN_UTIL_H */
