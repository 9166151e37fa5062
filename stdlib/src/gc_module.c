/*
 * gc_module.c — the `gc` module over libgc (Boehm, DESIGN §4).
 *
 * collect() is a full collection plus the finalization queue
 * (ob_gc_collect): __del__ methods, weak-reference callbacks, destruction.
 * It returns the number of objects destroyed through that queue (objects
 * with a finalizer or weak references) — CPython counts every unreachable
 * object, which a tracing collector that frees plain garbage silently does
 * not know.  enable/disable/isenabled switch Boehm's automatic collection.
 * Thresholds and debug flags are kept and reported but do not drive Boehm
 * (it has no generations).  gc.callbacks are called around explicit
 * collections only.  What a tracing collector cannot answer
 * (get_objects, get_referrers, get_referents, get_stats, get_count,
 * is_tracked, is_finalized, freeze, unfreeze, get_freeze_count) raises
 * NotImplementedError.
 */
#include <string.h>

#include "libgc/gc.h"
#include "libobject/libobject.h"
#include "libobject/weakref.h"
#include "stdlib/modules.h"

#define FC(f) ((KnCFunction)(void (*)(void))(f))

static KnObject *gc_callbacks;      /* the module's `callbacks` list */
static int thresholds[3] = { 700, 10, 10 };
static int debug_flags;

/* CPython converts with the C int format: __index__, OverflowError. */
static int as_int(KnObject *o, int *out)
{
    kn_ssize_t v = ob_number_as_ssize(o, ob_exc_OverflowError);
    if (v == -1 && ob_err_occurred())
        return -1;
    if (v > 2147483647 || v < -2147483647 - 1) {
        ob_err_set_string(ob_exc_OverflowError,
                          v > 0 ? "signed integer is greater than maximum"
                                : "signed integer is less than minimum");
        return -1;
    }
    *out = (int)v;
    return 0;
}

/* Call every gc.callbacks entry with (phase, info); errors are unraisable
 * as in CPython.  Not inlined: its locals would be stack slots of
 * gc_collect's frame, left holding stale pointers of earlier deeper calls
 * (conservative scanning would keep that garbage) when there are no
 * callbacks. */
__attribute__((noinline)) static void run_callbacks(const char *phase, int generation, kn_ssize_t collected)
{
    if (gc_callbacks == NULL || !KN_LIST_CHECK(gc_callbacks) || KN_SIZE(gc_callbacks) == 0)
        return;
    KnObject *exc = ob_err_fetch();
    KnObject *info = ob_dict_new(), *ph = ob_str_from_cstr(phase);
    if (info == NULL || ph == NULL ||
        ob_dict_setitem_str(info, "generation", ob_int_from_ssize(generation)) < 0 ||
        ob_dict_setitem_str(info, "collected", ob_int_from_ssize(collected)) < 0 ||
        ob_dict_setitem_str(info, "uncollectable", ob_int_from_ssize(0)) < 0) {
        ob_err_write_unraisable(NULL);
        ob_err_restore(exc);
        return;
    }
    KnObject *snapshot = ob_sequence_list(gc_callbacks);
    for (kn_ssize_t i = 0; snapshot != NULL && i < KN_SIZE(snapshot); i++) {
        KnObject *cb = KN_LIST_ITEMS(snapshot)[i];
        KnObject *args[2] = { ph, info };
        if (ob_vectorcall(cb, args, 2, NULL) == NULL)
            ob_err_write_unraisable(cb);
    }
    ob_err_restore(exc);
}

__attribute__((noinline)) static KnObject *collect_impl(KnObject *self, KnObject *const *args,
                                                      kn_ssize_t nargs, KnObject *kwnames)
{
    (void)self;
    static const char *const names[] = { "generation", NULL };
    static const KnArgSpec spec = { "collect", names, 0, 1, 0 };
    KnObject *a[1];
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    int generation = 2;
    if (a[0] != NULL && as_int(a[0], &generation) < 0)
        return NULL;
    if (generation < 0 || generation > 2) {
        ob_err_set_string(ob_exc_ValueError, "invalid generation");
        return NULL;
    }
    run_callbacks("start", generation, 0);
    kn_ssize_t n = ob_gc_collect();
    run_callbacks("stop", generation, n);
    return ob_int_from_ssize(n);
}

/* Zero the dead C stack below the caller before the real work: frames of
 * earlier, deeper calls (a class's __init__ run from C) leave pointers to
 * new objects there, and the collection's own frames would expose them to
 * conservative scanning — `f(); gc.collect()` would miss f's garbage. */
__attribute__((noinline)) static void wipe_below(void)
{
    volatile char buf[16384];
    memset((char *)buf, 0, sizeof buf);
    __asm__ volatile("" : : "r"(buf) : "memory");
}

static KnObject *gc_collect(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                            KnObject *kwnames)
{
    wipe_below();
    KnObject *r = collect_impl(self, args, nargs, kwnames);
    __asm__ volatile("" : : "r"(r) : "memory");    /* no tail call: keep the
                                                       work below the wipe */
    return r;
}

static KnObject *gc_enable(KnObject *self, KnObject *unused)
{
    (void)self;
    (void)unused;
    kgc_enable();
    return KN_None;
}

static KnObject *gc_disable(KnObject *self, KnObject *unused)
{
    (void)self;
    (void)unused;
    kgc_disable();
    return KN_None;
}

static KnObject *gc_isenabled(KnObject *self, KnObject *unused)
{
    (void)self;
    (void)unused;
    return KN_BOOL(kgc_is_enabled());
}

static KnObject *gc_get_threshold(KnObject *self, KnObject *unused)
{
    (void)self;
    (void)unused;
    return ob_tuple_pack(3, ob_int_from_ssize(thresholds[0]), ob_int_from_ssize(thresholds[1]),
                         ob_int_from_ssize(thresholds[2]));
}

static KnObject *gc_set_threshold(KnObject *self, KnObject *args)
{
    (void)self;
    kn_ssize_t n = KN_SIZE(args);
    if (n < 1 || n > 3) {
        ob_err_format(ob_exc_TypeError, "set_threshold() takes at %s 1 argument%s (%zd given)",
                      n < 1 ? "least" : "most", n < 1 ? "" : "s", n);
        if (n > 3) {            /* "at most 3 arguments" */
            ob_err_clear();
            ob_err_format(ob_exc_TypeError, "set_threshold() takes at most 3 arguments (%zd given)",
                          n);
        }
        return NULL;
    }
    int v[3] = { thresholds[0], thresholds[1], thresholds[2] };
    for (kn_ssize_t i = 0; i < n; i++)
        if (as_int(KN_TUPLE_GET(args, i), &v[i]) < 0)
            return NULL;
    for (int i = 0; i < 3; i++)
        thresholds[i] = v[i];
    return KN_None;
}

static KnObject *gc_get_debug(KnObject *self, KnObject *unused)
{
    (void)self;
    (void)unused;
    return ob_int_from_ssize(debug_flags);
}

static KnObject *gc_set_debug(KnObject *self, KnObject *flags)
{
    (void)self;
    return as_int(flags, &debug_flags) < 0 ? NULL : KN_None;
}

static KnObject *gc_not_supported(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                                  KnObject *kwnames)
{
    (void)self;
    (void)args;
    (void)nargs;
    (void)kwnames;
    ob_err_set_string(ob_exc_NotImplementedError,
                      "not available with Kiln's tracing collector (Boehm GC keeps no "
                      "object lists or generations)");
    return NULL;
}

#define UNSUPPORTED(name) { name, FC(gc_not_supported), KN_METH_FASTCALL | KN_METH_KEYWORDS, \
                            "Not available in Kiln (raises NotImplementedError)." }

static KnMethodDef gc_functions[] = {
    { "collect", FC(gc_collect), KN_METH_FASTCALL | KN_METH_KEYWORDS,
      "Run the garbage collector and the finalization queue; return the number of "
      "objects destroyed through it." },
    { "enable", FC(gc_enable), KN_METH_NOARGS, "Enable automatic garbage collection." },
    { "disable", FC(gc_disable), KN_METH_NOARGS, "Disable automatic garbage collection." },
    { "isenabled", FC(gc_isenabled), KN_METH_NOARGS,
      "Returns true if automatic garbage collection is enabled." },
    { "get_threshold", FC(gc_get_threshold), KN_METH_NOARGS,
      "Return the current collection thresholds." },
    { "set_threshold", FC(gc_set_threshold), KN_METH_VARARGS,
      "Set the collection thresholds (kept, not used by Kiln's collector)." },
    { "get_debug", FC(gc_get_debug), KN_METH_NOARGS, "Get the garbage collection debugging flags." },
    { "set_debug", FC(gc_set_debug), KN_METH_O,
      "Set the garbage collection debugging flags (kept, not used by Kiln's collector)." },
    UNSUPPORTED("get_objects"), UNSUPPORTED("get_referrers"), UNSUPPORTED("get_referents"),
    UNSUPPORTED("get_stats"), UNSUPPORTED("get_count"), UNSUPPORTED("is_tracked"),
    UNSUPPORTED("is_finalized"), UNSUPPORTED("freeze"), UNSUPPORTED("unfreeze"),
    UNSUPPORTED("get_freeze_count"),
    { NULL, NULL, 0, NULL }
};

KnObject *kn_init_gc(void)
{
    KnObject *m = ob_module_new_cstr("gc");
    if (m == NULL || ob_module_add_functions(m, gc_functions) < 0)
        return NULL;
    if (gc_callbacks == NULL && (gc_callbacks = ob_list_new(0)) == NULL)
        return NULL;
    KnObject *garbage = ob_list_new(0);
    if (garbage == NULL || ob_module_add_object(m, "garbage", garbage) < 0 ||
        ob_module_add_object(m, "callbacks", gc_callbacks) < 0 ||
        ob_module_add_object(m, "DEBUG_STATS", ob_int_from_ssize(1)) < 0 ||
        ob_module_add_object(m, "DEBUG_COLLECTABLE", ob_int_from_ssize(2)) < 0 ||
        ob_module_add_object(m, "DEBUG_UNCOLLECTABLE", ob_int_from_ssize(4)) < 0 ||
        ob_module_add_object(m, "DEBUG_SAVEALL", ob_int_from_ssize(32)) < 0 ||
        ob_module_add_object(m, "DEBUG_LEAK", ob_int_from_ssize(38)) < 0 ||
        ob_module_add_object(m, "__doc__", ob_str_from_cstr(
            "This module provides access to the garbage collector for reference cycles.\n\n"
            "In Kiln, a full collection plus the finalization queue (DESIGN §4).")) < 0)
        return NULL;
    return m;
}
