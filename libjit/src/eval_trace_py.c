/* libjit/src/eval_trace_py.c — the Python face of tracing: sys.settrace /
 * sys.setprofile trampolines, locals written back after a trace function
 * ran, sys.call_tracing (see NOTES-tracing.md). */
#include <stdlib.h>
#include <string.h>

#include "builtins.h"
#include "eval.h"

static const char *const event_names[] = {
    "call", "exception", "line", "return", "c_call", "c_exception", "c_return", "opcode",
};

/* CPython's PyFrame_LocalsToFast(frame, 1): a trace function may have
 * changed frame.f_locals; optimised frames copy the dict back into their
 * fast slots (a name missing from the dict unbinds the local). */
static void locals_to_fast(jit_frame *f)
{
    KnCodeObject *co = f->code;
    if (!(co->co_flags & JIT_CO_OPTIMIZED) || f->locals == NULL || !KN_DICT_CHECK(f->locals))
        return;
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        KnObject *name = KN_TUPLE_GET(co->co_localsplusnames, i);
        KnObject *v = ob_dict_getitem(f->locals, name);
        if (v == NULL && ob_err_occurred())
            ob_err_clear();
        uint8_t kind = co->co_localspluskinds[i];
        KnObject *old = f->localsplus[i];
        if ((kind & (JIT_LOCAL_CELL | JIT_LOCAL_FREE)) && old != NULL &&
            KN_TYPE(old) == &ob_cell_type) {
            KN_CELL_SET(old, v);
        } else if (kind & JIT_LOCAL_FREE) {
            continue;               /* COPY_FREE_VARS has not run yet */
        } else {
            f->localsplus[i] = v;
        }
    }
}

static KnObject *call_trampoline(KnObject *callback, KnFrameObject *fo, int what,
                                 KnObject *arg)
{
    jit_frame *f = fo->f_frame;
    if (f != NULL && (f->code->co_flags & JIT_CO_OPTIMIZED) && jit_frame_get_locals(f) == NULL)
        return NULL;
    KnObject *name = ob_str_intern_cstr(event_names[what]);
    if (name == NULL)
        return NULL;
    KnObject *args[3] = { (KnObject *)fo, name, arg ? arg : KN_None };
    KnObject *r = ob_vectorcall(callback, args, 3, NULL);
    if (fo->f_frame != NULL) {
        KnObject *exc = ob_err_fetch();
        locals_to_fast(fo->f_frame);
        ob_err_restore(exc);
    }
    return r;
}

/* sys.settrace's hook: 'call' goes to the global function, every other
 * event to the frame's f_trace (what 'call' returned). */
static int trace_trampoline(KnObject *self, KnObject *frame, int what, KnObject *arg)
{
    KnFrameObject *fo = (KnFrameObject *)frame;
    KnObject *callback = what == JIT_TRACE_CALL ? self : fo->f_trace;
    if (callback == NULL)
        return 0;
    KnObject *r = call_trampoline(callback, fo, what, arg);
    if (r == NULL) {
        jit_set_trace(NULL, NULL);
        fo->f_trace = NULL;
        return -1;
    }
    if (r != KN_None)
        fo->f_trace = r;
    return 0;
}

static int profile_trampoline(KnObject *self, KnObject *frame, int what, KnObject *arg)
{
    KnObject *r = call_trampoline(self, (KnFrameObject *)frame, what, arg);
    if (r == NULL) {
        jit_set_profile(NULL, NULL);
        return -1;
    }
    return 0;
}

KnObject *jit_trace_sys_set(KnObject *func, int profile)
{
    if (func == KN_None)
        func = NULL;
    if (profile)
        jit_set_profile(func ? profile_trampoline : NULL, func);
    else
        jit_set_trace(func ? trace_trampoline : NULL, func);
    return KN_None;
}

KnObject *jit_trace_sys_get(int profile)
{
    KnThreadState *ts = ob_tstate_get();
    KnObject *o = profile ? ts->c_profileobj : ts->c_traceobj;
    return o ? o : KN_None;
}

KnObject *jit_trace_call_tracing(KnObject *func, KnObject *args)
{
    KnThreadState *ts = ob_tstate_get();
    int save_tracing = ts->tracing;
    uint8_t save_use = ts->cframe->use_tracing;
    ts->tracing = 0;
    ts->cframe->use_tracing = ts->c_tracefunc != NULL || ts->c_profilefunc != NULL;
    KnObject *r = ob_call(func, args, NULL);
    ts->tracing = save_tracing;
    ts->cframe->use_tracing = save_use;
    return r;
}

/* sys.breakpointhook: $PYTHONBREAKPOINT names the callable ("0": do
 * nothing; unset or empty: pdb.set_trace; "name" alone: builtins.name),
 * which is imported and called with breakpoint()'s arguments.  An
 * unimportable name is a RuntimeWarning, as in CPython. */
KnObject *jit_trace_breakpointhook(KnObject *args, KnObject *kwargs)
{
    const char *env = jit_get_config()->ignore_environment ? NULL : getenv("PYTHONBREAKPOINT");
    if (env == NULL || *env == '\0')
        env = "pdb.set_trace";
    else if (strcmp(env, "0") == 0)
        return KN_None;
    const char *dot = strrchr(env, '.');
    KnObject *modname = dot ? ob_str_decode_utf8(env, dot - env, "surrogateescape")
                            : ob_str_from_cstr("builtins");
    const char *attr = dot ? dot + 1 : env;
    if (modname == NULL)
        return NULL;
    const char *mod_c = ob_str_as_utf8(modname, NULL);
    KnObject *mod = mod_c ? jit_import_module(mod_c) : NULL;
    KnObject *hook = mod ? ob_getattr_str(mod, attr) : NULL;
    if (hook == NULL) {
        if (!ob_err_matches((KnObject *)ob_exc_ImportError) &&
            !ob_err_matches((KnObject *)ob_exc_AttributeError))
            return NULL;
        ob_err_clear();
        if (ob_err_warn_format((KnObject *)ob_exc_RuntimeWarning, 1,
                               "Ignoring unimportable $PYTHONBREAKPOINT: \"%s\"", env) < 0)
            return NULL;
        return KN_None;
    }
    return ob_call(hook, args, kwargs);
}
