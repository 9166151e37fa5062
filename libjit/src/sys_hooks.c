/* sys_hooks.c — sys's hooks and run-time knobs: audit hooks, the switch
 * interval, async-generator hooks, breakpointhook, unraisablehook,
 * tracing/profiling, dlopen flags, call_tracing, is_finalizing.
 *
 * Only what Kiln really does is accepted.  Tracing and profiling live in
 * the eval part (eval_trace*.c, NOTES-tracing.md). */
#include <dlfcn.h>

#include "builtins.h"
#include "eval.h"
#include "libobject/tstate.h"

static KnObject *audit_hooks;       /* list, created on first addaudithook */
static int dlopen_flags = RTLD_NOW;
static KnTypeObject *asyncgen_hooks_type;

static KnObject *sys_addaudithook(KnObject *self, KnObject *hook)
{
    if (audit_hooks == NULL && (audit_hooks = ob_list_new(0)) == NULL)
        return NULL;
    if (ob_list_append(audit_hooks, hook) < 0)
        return NULL;
    return KN_None;
}

static KnObject *sys_audit(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (nargs == 0)
        return ob_err_format(ob_exc_TypeError,
                             "audit() missing 1 required positional argument: 'event'");
    if (!KN_STR_CHECK(args[0]))
        return ob_err_format(ob_exc_TypeError, "expected str for argument 'event', not %s",
                             ob_type_name(KN_TYPE(args[0])));
    if (audit_hooks == NULL || KN_SIZE(audit_hooks) == 0)
        return KN_None;
    KnObject *rest = ob_tuple_from_array(args + 1, nargs - 1);
    if (rest == NULL)
        return NULL;
    for (kn_ssize_t i = 0; i < KN_SIZE(audit_hooks); i++) {
        KnObject *hargs[2] = { args[0], rest };
        if (ob_vectorcall(KN_LIST_GET(audit_hooks, i), hargs, 2, NULL) == NULL)
            return NULL;
    }
    return KN_None;
}

static KnObject *sys_getswitchinterval(KnObject *self, KnObject *unused)
{
    return ob_float_from_double(kn_gil_get_switch_interval());
}

static KnObject *sys_setswitchinterval(KnObject *self, KnObject *arg)
{
    double v = ob_float_as_double(arg);
    if (v == -1.0 && ob_err_occurred())
        return NULL;
    if (!(v > 0.0))
        return ob_err_format(ob_exc_ValueError, "switch interval must be strictly positive");
    kn_gil_set_switch_interval(v);
    return KN_None;
}

static KnObject *sys_getdlopenflags(KnObject *self, KnObject *unused)
{
    return ob_int_from_ssize(dlopen_flags);
}

static KnObject *sys_setdlopenflags(KnObject *self, KnObject *arg)
{
    kn_ssize_t v = ob_number_as_ssize(arg, ob_exc_OverflowError);
    if (v == -1 && ob_err_occurred())
        return NULL;
    dlopen_flags = (int)v;  /* read by the extension loader (libcapi) */
    return KN_None;
}

static KnObject *sys_get_asyncgen_hooks(KnObject *self, KnObject *unused)
{
    static const char *const fields[] = { "firstiter", "finalizer", NULL };
    if (asyncgen_hooks_type == NULL
        && (asyncgen_hooks_type = jit_structseq_new_type("asyncgen_hooks", fields)) == NULL)
        return NULL;
    KnThreadState *ts = ob_tstate_get();
    KnObject *v[2] = { ts->async_gen_firstiter ? ts->async_gen_firstiter : KN_None,
                       ts->async_gen_finalizer ? ts->async_gen_finalizer : KN_None };
    return jit_structseq_new(asyncgen_hooks_type, v);
}

static KnObject *sys_set_asyncgen_hooks(KnObject *self, KnObject *const *args,
                                        kn_ssize_t nargs, KnObject *kwnames)
{
    static const char *const names[] = { "firstiter", "finalizer", NULL };
    static const KnArgSpec spec = { "set_asyncgen_hooks", names, 0, -1, 0 };
    KnObject *a[2];
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    for (int i = 1; i >= 0; i--)
        if (a[i] != NULL && a[i] != KN_None && !ob_callable_check(a[i]))
            return ob_err_format(ob_exc_TypeError, "callable %s expected, got %s", names[i],
                                 ob_type_name(KN_TYPE(a[i])));
    KnThreadState *ts = ob_tstate_get();
    if (a[0] != NULL)
        ts->async_gen_firstiter = a[0] == KN_None ? NULL : a[0];
    if (a[1] != NULL)
        ts->async_gen_finalizer = a[1] == KN_None ? NULL : a[1];
    return KN_None;
}

static KnObject *sys_get_coro_depth(KnObject *self, KnObject *unused)
{
    return ob_int_from_ssize(ob_tstate_get()->coroutine_origin_tracking_depth);
}

static KnObject *sys_set_coro_depth(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                                    KnObject *kwnames)
{
    static const char *const names[] = { "depth", NULL };
    static const KnArgSpec spec = { "set_coroutine_origin_tracking_depth", names, 1, -1, 0 };
    KnObject *a[1];
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    kn_ssize_t depth = ob_number_as_ssize(a[0], ob_exc_OverflowError);
    if (depth == -1 && ob_err_occurred())
        return NULL;
    if (depth < 0)
        return ob_err_format(ob_exc_ValueError, "depth must be >= 0");
    if (depth > 0x7fffffff)
        depth = 0x7fffffff;
    /* The eval part records cr_origin for new coroutines up to this depth. */
    ob_tstate_get()->coroutine_origin_tracking_depth = (int)depth;
    return KN_None;
}

/* settrace/setprofile: the eval part's trampolines (eval_trace_py.c). */
static KnObject *sys_settrace(KnObject *self, KnObject *arg) { return jit_trace_sys_set(arg, 0); }
static KnObject *sys_setprofile(KnObject *self, KnObject *arg) { return jit_trace_sys_set(arg, 1); }
static KnObject *sys_gettrace(KnObject *self, KnObject *unused) { return jit_trace_sys_get(0); }
static KnObject *sys_getprofile(KnObject *self, KnObject *unused) { return jit_trace_sys_get(1); }

static KnObject *sys_breakpointhook(KnObject *self, KnObject *args, KnObject *kwargs)
{
    return jit_trace_breakpointhook(args, kwargs);
}

/* The default sys.unraisablehook: "Exception ignored in: <obj>" and the
 * exception, on sys.stderr. */
static KnObject *sys_unraisablehook(KnObject *self, KnObject *u)
{
    KnObject *err = jit_sys_get("stderr");
    if (err == NULL || err == KN_None)
        return KN_None;
    KnObject *exc = ob_getattr_str(u, "exc_value");
    KnObject *obj = exc ? ob_getattr_str(u, "object") : NULL;
    KnObject *msg = obj ? ob_getattr_str(u, "err_msg") : NULL;
    if (msg == NULL)
        return NULL;
    KnObject *head;
    if (msg != KN_None && obj != KN_None)
        head = ob_str_from_format("%S: %R\n", msg, obj);
    else if (msg != KN_None)
        head = ob_str_from_format("%S\n", msg);
    else if (obj != KN_None)
        head = ob_str_from_format("Exception ignored in: %R\n", obj);
    else
        head = ob_str_from_cstr("Exception ignored in: <object repr() failed>\n");
    if (head == NULL || jit_file_write_str(err, head) < 0)
        return NULL;
    if (exc != KN_None) {
        KnObject *text = jit_traceback_format(exc);
        if (text == NULL || jit_file_write_str(err, text) < 0)
            return NULL;
    }
    return KN_None;
}

/* libobject's ob_err_write_unraisable lands here once sys exists: an
 * UnraisableHookArgs (exc_type, exc_value, exc_traceback, err_msg, object)
 * handed to sys.unraisablehook (the default one above when it is missing
 * or None).  A hook that raises is itself reported by the default hook
 * as "Exception ignored in sys.unraisablehook: <hook>", as in CPython. */
static KnTypeObject *unraisable_args_type;

static KnObject *unraisable_args(KnObject *exc, KnObject *msg, KnObject *obj)
{
    if (unraisable_args_type == NULL) {
        static const char *const fields[] = { "exc_type", "exc_value", "exc_traceback",
                                              "err_msg", "object", NULL };
        unraisable_args_type = jit_structseq_new_type("UnraisableHookArgs", fields);
        if (unraisable_args_type == NULL)
            return NULL;
    }
    KnObject *tb = ob_exc_get_traceback(exc);
    KnObject *vals[5] = { (KnObject *)KN_TYPE(exc), exc, tb != NULL ? tb : KN_None,
                          msg, obj != NULL ? obj : KN_None };
    return jit_structseq_new(unraisable_args_type, vals);
}

static int jit_unraisable(KnObject *exc, const char *err_msg, KnObject *obj)
{
    KnObject *msg = err_msg != NULL ? ob_str_from_cstr(err_msg) : KN_None;
    KnObject *args = msg != NULL ? unraisable_args(exc, msg, obj) : NULL;
    if (args == NULL) {
        ob_err_clear();
        return -1;
    }
    KnObject *hook = jit_sys_get("unraisablehook");
    if (hook == NULL || hook == KN_None) {
        ob_err_clear();
        if (sys_unraisablehook(NULL, args) != NULL)
            return 0;
        ob_err_clear();
        return -1;
    }
    if (ob_call_onearg(hook, args) != NULL)
        return 0;
    KnObject *hook_exc = ob_err_fetch();
    msg = ob_str_from_cstr("Exception ignored in sys.unraisablehook");
    args = msg != NULL ? unraisable_args(hook_exc, msg, hook) : NULL;
    if (args != NULL && sys_unraisablehook(NULL, args) != NULL)
        return 0;
    ob_err_clear();
    return -1;
}

void jit_sys_install_unraisable(void)
{
    ob_unraisable_handler = jit_unraisable;
}

static KnObject *sys_call_tracing(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("call_tracing", nargs, 2, 2) < 0)
        return NULL;
    if (!KN_TUPLE_CHECK(args[1]))
        return ob_err_format(ob_exc_TypeError, "call_tracing() argument 2 must be tuple, not %s",
                             ob_type_name(KN_TYPE(args[1])));
    return jit_trace_call_tracing(args[0], args[1]);
}

static KnObject *sys_is_finalizing(KnObject *self, KnObject *unused)
{
    return KN_False;
}

static KnObject *sys_getallocatedblocks(KnObject *self, KnObject *unused)
{
    /* No pymalloc: CPython documents 0 for "not applicable". */
    return ob_int_from_ssize(0);
}

#define FAST(f) ((KnCFunction)(void (*)(void))(f))

KnMethodDef jit_sys_hooks_methods[] = {
    { "addaudithook", sys_addaudithook, KN_METH_O, "Adds a new audit hook callback." },
    { "audit", FAST(sys_audit), KN_METH_FASTCALL,
      "Passes the event to any audit hooks that are attached." },
    { "breakpointhook", (KnCFunction)(void (*)(void))sys_breakpointhook,
      KN_METH_VARARGS | KN_METH_KEYWORDS, "Called by the built-in breakpoint() function." },
    { "call_tracing", FAST(sys_call_tracing), KN_METH_FASTCALL,
      "Call func(*args), while tracing is enabled." },
    { "get_asyncgen_hooks", sys_get_asyncgen_hooks, KN_METH_NOARGS,
      "Return the installed asynchronous generators hooks." },
    { "get_coroutine_origin_tracking_depth", sys_get_coro_depth, KN_METH_NOARGS,
      "Check status of origin tracking for coroutine objects in this thread." },
    { "getallocatedblocks", sys_getallocatedblocks, KN_METH_NOARGS,
      "Return the number of memory blocks currently allocated." },
    { "getdlopenflags", sys_getdlopenflags, KN_METH_NOARGS,
      "Return the current value of the flags that are used for dlopen calls." },
    { "getprofile", sys_getprofile, KN_METH_NOARGS, "Return the profiling function." },
    { "getswitchinterval", sys_getswitchinterval, KN_METH_NOARGS,
      "Return the current thread switch interval; see sys.setswitchinterval()." },
    { "gettrace", sys_gettrace, KN_METH_NOARGS, "Return the global debug tracing function." },
    { "is_finalizing", sys_is_finalizing, KN_METH_NOARGS,
      "Return True if Python is exiting." },
    { "set_asyncgen_hooks", FAST(sys_set_asyncgen_hooks), KN_METH_FASTCALL | KN_METH_KEYWORDS,
      "Set new hooks for asynchronous generators." },
    { "set_coroutine_origin_tracking_depth", FAST(sys_set_coro_depth),
      KN_METH_FASTCALL | KN_METH_KEYWORDS,
      "Enable or disable origin tracking for coroutine objects in this thread." },
    { "setdlopenflags", sys_setdlopenflags, KN_METH_O,
      "Set the flags used by the interpreter for dlopen calls." },
    { "setprofile", sys_setprofile, KN_METH_O, "Set the profiling function." },
    { "setswitchinterval", sys_setswitchinterval, KN_METH_O,
      "Set the ideal thread switching delay inside the Python interpreter." },
    { "settrace", sys_settrace, KN_METH_O, "Set the global debug tracing function." },
    { "unraisablehook", sys_unraisablehook, KN_METH_O,
      "Handle an unraisable exception." },
    { NULL, NULL, 0, NULL },
};
