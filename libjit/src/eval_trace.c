/* libjit/src/eval_trace.c — sys.settrace / sys.setprofile: the events the
 * interpreter's trace hook raises, the Python-level trampolines, and the
 * per-thread switches (see NOTES-tracing.md).
 *
 * The interpreter pays nothing while no thread traces: eval.c only reaches
 * this file through its trace hook, which is in the dispatch table only
 * while `hooked_threads` is non-zero, and through cold paths (error:,
 * unwinding, FOR_ITER's StopIteration) that test the thread state. */
#include "libgc/gc.h"
#include "libobject/descr.h"
#include "eval.h"
#include "opcode.h"

const uint8_t jit_trace_deopt[256] = {
#define OP(name, pops, pushes, caches, flags) [JIT_OP_##name] = JIT_OP_##name,
#include "opcodes.def"
#define SPEC(name, base) [JIT_OP_##name] = JIT_OP_##base,
#include "opcodes.def"
};

/* Threads whose state has a trace or a profile function. */
static int hooked_threads;

static int has_hook(KnThreadState *ts)
{
    return ts->c_tracefunc != NULL || ts->c_profilefunc != NULL;
}

/* The code unit of the first RESUME: instructions before it (MAKE_CELL,
 * COPY_FREE_VARS, RETURN_GENERATOR) are never traced, and a line event
 * right after it always fires. */
static int first_traceable(KnCodeObject *co)
{
    for (int i = 0; i < co->co_ncode; i++) {
        int op = co->co_code_orig[i] & 0xff;
        if (op == JIT_OP_RESUME)
            return i;
        i += jit_eval_caches[op];
    }
    return 0;
}

static int line_at(KnCodeObject *co, int unit)
{
    if (unit < 0 || unit >= co->co_ncode || co->co_positions == NULL)
        return -1;
    return co->co_positions[unit].lineno;
}

static KnFrameObject *frame_obj(jit_frame *f)
{
    return (KnFrameObject *)jit_frame_object(f);
}

/* Line events compare with the instruction traced before in the same
 * frame; frames already running when tracing starts begin from their
 * current instruction. */
static int prime_frames(KnThreadState *ts)
{
    jit_tstate *jt = ts->jit;
    for (jit_frame *f = jt ? jt->current : NULL; f != NULL; f = f->previous) {
        KnFrameObject *fo = frame_obj(f);
        if (fo == NULL)
            return -1;
        fo->f_trace_prev = f->lasti;
    }
    return 0;
}

static void update_hooks(KnThreadState *ts, int had)
{
    int now = has_hook(ts);
    if (now && !had) {
        if (hooked_threads++ == 0)
            jit_eval_trace_switch(1);
        KnObject *exc = ob_err_fetch();
        if (prime_frames(ts) < 0)
            ob_err_clear();
        ob_err_restore(exc);
    } else if (!now && had) {
        if (--hooked_threads == 0)
            jit_eval_trace_switch(0);
    }
    ts->cframe->use_tracing = (uint8_t)(now && ts->tracing == 0);
}

void jit_set_trace(jit_tracefunc func, KnObject *obj)
{
    KnThreadState *ts = ob_tstate_get();
    int had = has_hook(ts);
    ts->c_tracefunc = (void *)func;
    ts->c_traceobj = func ? obj : NULL;
    update_hooks(ts, had);
}

void jit_set_profile(jit_tracefunc func, KnObject *obj)
{
    KnThreadState *ts = ob_tstate_get();
    int had = has_hook(ts);
    ts->c_profilefunc = (void *)func;
    ts->c_profileobj = func ? obj : NULL;
    update_hooks(ts, had);
}

KnObject *jit_frame_object_code(KnObject *frame)
{
    if (frame == NULL || KN_TYPE(frame) != &jit_frame_type)
        return NULL;
    jit_frame *f = ((KnFrameObject *)frame)->f_frame;
    return f ? (KnObject *)f->code : NULL;
}

/* One event to one hook, with the thread's tracing suspended meanwhile
 * (the hook's own code is never traced). */
static int call_trace(jit_tracefunc func, KnObject *obj, KnThreadState *ts, jit_frame *f,
                      int what, KnObject *arg)
{
    if (ts->tracing)
        return 0;
    KnFrameObject *fo = frame_obj(f);
    if (fo == NULL)
        return -1;
    int old_what = ts->tracing_what;
    ts->tracing_what = what;
    ts->tracing++;
    ts->cframe->use_tracing = 0;
    int r = func(obj, (KnObject *)fo, what, arg);
    ts->tracing--;
    ts->cframe->use_tracing = (uint8_t)(has_hook(ts) && ts->tracing == 0);
    ts->tracing_what = old_what;
    return r;
}

/* The same, keeping the exception that is being raised (if any) unless
 * the hook fails. */
static int call_trace_protected(jit_tracefunc func, KnObject *obj, KnThreadState *ts,
                                jit_frame *f, int what, KnObject *arg)
{
    KnObject *exc = ob_err_fetch();
    int r = call_trace(func, obj, ts, f, what, arg);
    if (r == 0)
        ob_err_restore(exc);
    return r;
}

int jit_trace_entry(KnThreadState *ts, jit_frame *f)
{
    if (ts->c_tracefunc != NULL &&
        call_trace_protected(ts->c_tracefunc, ts->c_traceobj, ts, f, JIT_TRACE_CALL, KN_None))
        return -1;
    if (ts->c_profilefunc != NULL &&
        call_trace_protected(ts->c_profilefunc, ts->c_profileobj, ts, f, JIT_TRACE_CALL, KN_None))
        return -1;
    return 0;
}

static int trace_exit(KnThreadState *ts, jit_frame *f, KnObject *retval)
{
    if (ts->c_tracefunc != NULL &&
        call_trace_protected(ts->c_tracefunc, ts->c_traceobj, ts, f, JIT_TRACE_RETURN, retval))
        return -1;
    if (ts->c_profilefunc != NULL &&
        call_trace_protected(ts->c_profilefunc, ts->c_profileobj, ts, f, JIT_TRACE_RETURN,
                             retval))
        return -1;
    return 0;
}

void jit_trace_unwind(KnThreadState *ts, jit_frame *f)
{
    (void)trace_exit(ts, f, KN_None);
}

void jit_trace_exception(KnThreadState *ts, jit_frame *f)
{
    if (ts->c_tracefunc == NULL || ts->tracing)
        return;
    KnObject *exc = ob_err_fetch();
    if (exc == NULL)
        return;
    KnObject *tb = ob_exc_get_traceback(exc);
    KnObject *items[3] = { (KnObject *)KN_TYPE(exc), exc, tb ? tb : KN_None };
    KnObject *arg = ob_tuple_from_array(items, 3);
    if (arg == NULL) {
        ob_err_restore(exc);
        return;
    }
    if (call_trace(ts->c_tracefunc, ts->c_traceobj, ts, f, JIT_TRACE_EXCEPTION, arg) == 0)
        ob_err_restore(exc);
}

/* 'line' when the instruction starts a new line or is the target of a
 * backward jump (except the jump back to SEND in `yield from`), then
 * 'opcode' when the frame asks for it. */
static int trace_line(KnThreadState *ts, jit_frame *f, int opcode, int here, int first)
{
    KnFrameObject *fo = frame_obj(f);
    if (fo == NULL)
        return -1;
    int prev = fo->f_trace_prev;
    fo->f_trace_prev = here;
    KnCodeObject *co = f->code;
    int line = line_at(co, here);
    int lastline = prev <= first ? -1 : line_at(co, prev);
    int r = 0;
    if (line != -1 && fo->f_trace_lines &&
        (line != lastline || (here < prev && opcode != JIT_OP_SEND)))
        r = call_trace(ts->c_tracefunc, ts->c_traceobj, ts, f, JIT_TRACE_LINE, KN_None);
    if (r == 0 && fo->f_trace_opcodes)
        r = call_trace(ts->c_tracefunc, ts->c_traceobj, ts, f, JIT_TRACE_OPCODE, KN_None);
    return r ? -1 : 0;
}

int jit_trace_instruction(KnThreadState *ts, jit_frame *f, int opcode, KnObject **sp)
{
    int here = f->lasti;
    int first = first_traceable(f->code);
    if (here < first)
        return JIT_TRACE_GO;
    opcode = jit_trace_deopt[opcode];
    if (opcode == JIT_OP_RESUME) {
        KnFrameObject *fo = frame_obj(f);
        if (fo == NULL)
            return JIT_TRACE_FAIL;
        fo->f_trace_prev = here;
        return jit_trace_entry(ts, f) < 0 ? JIT_TRACE_FAIL : JIT_TRACE_GO;
    }
    if (ts->c_tracefunc != NULL && trace_line(ts, f, opcode, here, first) < 0)
        return JIT_TRACE_FAIL;
    if ((opcode == JIT_OP_RETURN_VALUE || opcode == JIT_OP_YIELD_VALUE) &&
        trace_exit(ts, f, sp[-1]) < 0)
        return JIT_TRACE_LEAVE;
    return JIT_TRACE_GO;
}

int jit_trace_is_c_callable(KnObject *callable, kn_ssize_t nargs)
{
    KnTypeObject *t = KN_TYPE(callable);
    return t == &ob_cfunction_type || (t == &ob_method_descr_type && nargs > 0);
}

KnObject *jit_trace_c_call(KnThreadState *ts, jit_frame *f, KnObject *callable,
                           KnObject *const *args, size_t nargs, KnObject *kwnames)
{
    KnObject *fn = callable;
    if (KN_TYPE(callable) == &ob_method_descr_type) {
        /* The profiler sees the method bound to its receiver, as CPython
         * shows it ("<method 'append' of 'list' objects>"). */
        fn = KN_TYPE(callable)->tp_descr_get(callable, args[0], (KnObject *)KN_TYPE(args[0]));
        if (fn == NULL)
            return NULL;
        args++;
        nargs--;
    }
    if (ts->c_profilefunc == NULL)
        return ob_vectorcall(fn, args, nargs, kwnames);
    if (call_trace(ts->c_profilefunc, ts->c_profileobj, ts, f, JIT_TRACE_C_CALL, fn))
        return NULL;
    KnObject *r = ob_vectorcall(fn, args, nargs, kwnames);
    if (ts->c_profilefunc != NULL) {
        if (r == NULL)
            call_trace_protected(ts->c_profilefunc, ts->c_profileobj, ts, f,
                                 JIT_TRACE_C_EXCEPTION, fn);
        else if (call_trace(ts->c_profilefunc, ts->c_profileobj, ts, f, JIT_TRACE_C_RETURN, fn))
            r = NULL;
    }
    return r;
}

KnObject *jit_trace_c_call_ex(KnThreadState *ts, jit_frame *f, KnObject *func,
                              KnObject *callargs, KnObject *kwargs)
{
    KnObject *names = NULL;
    kn_ssize_t nkw = kwargs ? ob_dict_size(kwargs) : 0;
    kn_ssize_t npos = KN_SIZE(callargs);
    KnObject **args = kgc_alloc(sizeof(KnObject *) * (size_t)(npos + nkw + 1));
    if (args == NULL)
        return ob_err_nomemory();
    for (kn_ssize_t i = 0; i < npos; i++)
        args[i] = KN_TUPLE_GET(callargs, i);
    if (nkw > 0) {
        if ((names = ob_tuple_new(nkw)) == NULL)
            return NULL;
        kn_ssize_t pos = 0, i = 0;
        KnObject *k, *v;
        while (ob_dict_next(kwargs, &pos, &k, &v)) {
            if (!KN_STR_CHECK(k))
                return ob_err_format(ob_exc_TypeError, "keywords must be strings");
            KN_TUPLE_ITEMS(names)[i] = k;
            args[npos + i] = v;
            i++;
        }
    }
    return jit_trace_c_call(ts, f, func, args, (size_t)npos, names);
}

/* SEND while a trace function is set: CPython 3.11 then drives the
 * receiver through tp_iternext / send() so that a delegate's return shows
 * up as an 'exception' event (StopIteration) in the delegating frame. */
KnSendResult jit_trace_send(KnThreadState *ts, jit_frame *f, KnObject *receiver, KnObject *v,
                            KnObject **result)
{
    KnObject *r;
    if (v == KN_None && KN_TYPE(receiver)->tp_iternext != NULL)
        r = KN_TYPE(receiver)->tp_iternext(receiver);
    else
        r = ob_call_method(receiver, "send", 1, v);
    if (r != NULL) {
        *result = r;
        return KN_SEND_NEXT;
    }
    if (!ob_err_occurred()) {
        *result = KN_None;
        return KN_SEND_RETURN;
    }
    if (!ob_err_matches((KnObject *)ob_exc_StopIteration))
        return KN_SEND_ERROR;
    jit_trace_exception(ts, f);
    if (!ob_err_matches((KnObject *)ob_exc_StopIteration))
        return KN_SEND_ERROR;      /* the trace function raised instead */
    KnObject *exc = ob_err_fetch();
    KnObject *value = ((KnStopIterationObject *)exc)->value;
    *result = value ? value : KN_None;
    return KN_SEND_RETURN;
}
