/* libjit/src/gen.c — generators and coroutines (eval.h; async generators
 * are in gen_async.c).
 *
 * A generator owns its frame inline (gi_iframe).  RETURN_GENERATOR copies
 * the thread frame there; each send() pushes the sent value on the
 * frame's value stack, links the frame under the caller and runs it from
 * its lasti; YIELD_VALUE marks the generator suspended.  When the frame
 * returns or raises, the generator is completed and its frame cleared.
 * gi_exc_state is the generator's own level of the exc_info stack,
 * linked in only while it runs. */
#include <stddef.h>
#include <string.h>

#include "eval.h"
#include "gen_inline.h"
#include "opcode.h"
#include "libobject/iter.h"
#include "libobject/weakref.h"

#define GEN(o) ((KnGenObject *)(o))
#define FRAME_GEN(f) JIT_FRAME_GEN(f)

static const char *kind_of(KnGenObject *g)
{
    if (JIT_CORO_CHECK(g))
        return "coroutine";
    if (JIT_ASYNC_GEN_CHECK(g))
        return "async generator";
    return "generator";
}

/* cr_origin: (filename, lineno, name) of up to `depth` frames, innermost
 * first, starting at the coroutine's caller (sys.set_coroutine_origin_
 * tracking_depth). */
static KnObject *coro_origin(jit_frame *caller, int depth)
{
    int n = 0;
    for (jit_frame *p = caller; p != NULL && n < depth; p = p->previous)
        n++;
    KnObject *t = ob_tuple_new(n);
    jit_frame *p = caller;
    for (int i = 0; t != NULL && i < n; i++, p = p->previous) {
        KnObject *line = ob_int_from_ssize(jit_frame_lineno(p));
        KnObject *item = line ? ob_tuple_pack(3, p->code->co_filename, line, p->code->co_name)
                              : NULL;
        if (item == NULL)
            return NULL;
        KN_TUPLE_SET(t, i, item);
    }
    return t;
}

KnObject *jit_gen_from_frame(jit_frame *f, int stacktop)
{
    KnCodeObject *co = f->code;
    KnTypeObject *type = (co->co_flags & JIT_CO_COROUTINE)        ? &jit_coro_type
                         : (co->co_flags & JIT_CO_ASYNC_GENERATOR) ? &jit_async_gen_type
                                                                   : &jit_gen_type;
    kn_ssize_t words = (kn_ssize_t)JIT_FRAME_WORDS(co);
    KnGenObject *g = (KnGenObject *)ob_alloc(type, words);
    if (g == NULL)
        return NULL;
    jit_frame *gf = JIT_GEN_FRAME(g);
    memcpy(gf, f, sizeof(jit_frame) + (size_t)(co->co_nlocalsplus + stacktop) * sizeof(KnObject *));
    gf->owner = JIT_FRAME_GENERATOR;
    gf->previous = NULL;
    gf->stacktop = stacktop;
    if (f->frame_obj != NULL) {
        f->frame_obj->f_frame = gf;
        f->frame_obj = NULL;
    }
    if (f->func != NULL) {
        g->gi_name = JIT_FUNC(f->func)->func_name;
        g->gi_qualname = JIT_FUNC(f->func)->func_qualname;
    } else {
        g->gi_name = co->co_name;
        g->gi_qualname = co->co_qualname ? co->co_qualname : co->co_name;
    }
    g->gi_code = (KnObject *)co;
    g->gi_frame_state = JIT_GEN_CREATED;
    int depth = ob_tstate_get()->coroutine_origin_tracking_depth;
    if (type == &jit_coro_type && depth > 0 &&
        (g->gi_origin_or_finalizer = coro_origin(f->previous, depth)) == NULL)
        return NULL;
    return (KnObject *)g;
}

/* Generators and coroutines register their finalizer (close()) lazily
 * (ob_finalize_defer_type, jit_eval_types_init): close() can only run user
 * code once the frame is suspended inside a try/with block (an exception
 * table entry covers the yield) or delegates to an object other than a
 * generator or coroutine (whose close() is called).  A suspension that is
 * neither needs no finalizer; most generators never get one. */
static int gen_needs_finalizer(KnGenObject *g, jit_frame *f)
{
    KnCodeObject *co = f->code;
    for (int i = 0; i < co->co_nexc; i++) {
        const jit_exc_entry *e = &co->co_exctable[i];
        if (e->start > f->lasti)
            break;
        if (f->lasti < e->end)
            return 1;
    }
    KnObject *yf = jit_gen_yf(g);
    return yf != NULL && !JIT_GEN_CHECK(yf) && !JIT_CORO_CHECK(yf);
}

void jit_gen_suspend(jit_frame *f)
{
    KnGenObject *g = FRAME_GEN(f);
    g->gi_frame_state = JIT_GEN_SUSPENDED;
    if (g->gi_fin_registered || KN_TYPE(g) == &jit_async_gen_type ||
        !gen_needs_finalizer(g, f))
        return;
    /* Out of memory here leaves the generator unregistered; its next
     * suspension tries again (the error is not the caller's). */
    if (ob_finalize_register((KnObject *)g) < 0)
        ob_err_clear();
    else
        g->gi_fin_registered = 1;
}

static void gen_clear_frame(KnGenObject *g)
{
    jit_frame *f = JIT_GEN_FRAME(g);
    if (f->frame_obj != NULL) {
        KnObject *pending = ob_err_fetch();
        jit_frame_detach(f);
        ob_err_restore(pending);
        f->frame_obj = NULL;
    }
    for (int i = 0; i < f->code->co_nlocalsplus + f->code->co_stacksize; i++)
        f->localsplus[i] = NULL;
    f->stacktop = 0;
    f->locals = NULL;
}

/* Replace a StopIteration escaping the frame by RuntimeError (PEP 479). */
static void stop_iteration_to_runtime_error(KnGenObject *g)
{
    int async = JIT_ASYNC_GEN_CHECK(g);
    const char *what = NULL;
    if (ob_err_matches((KnObject *)ob_exc_StopIteration))
        what = "StopIteration";
    else if (async && ob_err_matches((KnObject *)ob_exc_StopAsyncIteration))
        what = "StopAsyncIteration";
    if (what == NULL)
        return;
    KnObject *cause = ob_err_fetch();
    ob_err_format(ob_exc_RuntimeError, "%s raised %s", kind_of(g), what);
    KnObject *e = ob_err_fetch();
    if (e == NULL)
        return;
    ob_exc_set_cause(e, cause);
    ob_exc_set_context(e, cause);
    ob_err_restore(e);
}

/* CPython's gen_send_ex2.  exc: raise the current exception at the
 * resume point; closing: called from close(). */
static KnSendResult gen_send_ex(KnGenObject *g, KnObject *arg, int exc, int closing,
                                KnObject **result)
{
    KnThreadState *ts = ob_tstate_get();
    jit_frame *f = JIT_GEN_FRAME(g);
    *result = NULL;
    if (g->gi_frame_state == JIT_GEN_CREATED && !exc && arg != NULL && arg != KN_None) {
        ob_err_format(ob_exc_TypeError, "can't send non-None value to a just-started %s",
                      kind_of(g));
        return KN_SEND_ERROR;
    }
    if (g->gi_frame_state == JIT_GEN_EXECUTING) {
        ob_err_format(ob_exc_ValueError, "%s already executing", kind_of(g));
        return KN_SEND_ERROR;
    }
    if (g->gi_frame_state >= JIT_GEN_COMPLETED) {
        if (JIT_CORO_CHECK(g) && !closing) {
            ob_err_set_string(ob_exc_RuntimeError, "cannot reuse already awaited coroutine");
        } else if (arg != NULL && !exc) {
            *result = KN_None;
            return KN_SEND_RETURN;
        }
        return KN_SEND_ERROR;
    }
    jit_tstate *jt = ts->jit != NULL ? (jit_tstate *)ts->jit : jit_tstate_get(ts);
    if (jt == NULL)
        return KN_SEND_ERROR;
    f->localsplus[f->code->co_nlocalsplus + f->stacktop++] = arg ? arg : KN_None;
    g->gi_exc_state.previous_item = ts->exc_info;
    ts->exc_info = &g->gi_exc_state;
    g->gi_frame_state = JIT_GEN_EXECUTING;
    KnObject *r = jit_eval_frame(jt, f, exc);
    ts->exc_info = g->gi_exc_state.previous_item;
    g->gi_exc_state.previous_item = NULL;
    if (g->gi_frame_state == JIT_GEN_SUSPENDED) {
        *result = r;
        return KN_SEND_NEXT;
    }
    g->gi_frame_state = JIT_GEN_COMPLETED;
    g->gi_exc_state.exc_value = NULL;
    if (r == NULL)
        stop_iteration_to_runtime_error(g);
    gen_clear_frame(g);
    *result = r;
    return r ? KN_SEND_RETURN : KN_SEND_ERROR;
}

/* A KN_SEND_* outcome as a Python-level result: the yielded value, or
 * NULL with StopIteration(value) / StopAsyncIteration / the error. */
static KnObject *send_result(KnGenObject *g, KnSendResult st, KnObject *r)
{
    if (st == KN_SEND_NEXT)
        return r;
    if (st == KN_SEND_RETURN) {
        if (JIT_ASYNC_GEN_CHECK(g))
            ob_err_set_none(ob_exc_StopAsyncIteration);
        else if (r == KN_None)
            ob_err_set_none(ob_exc_StopIteration);
        else
            ob_err_set_stop_iteration(r);
    }
    return NULL;
}

KnObject *jit_gen_send(KnGenObject *g, KnObject *arg, int exc)
{
    KnObject *r;
    KnSendResult st = gen_send_ex(g, arg, exc, 0, &r);
    return send_result(g, st, r);
}

static KnObject *gen_send(KnObject *self, KnObject *arg)
{
    return jit_gen_send(GEN(self), arg, 0);
}

static KnObject *gen_iternext(KnObject *self)
{
    KnObject *r;
    KnSendResult st = gen_send_ex(GEN(self), NULL, 0, 0, &r);
    if (st == KN_SEND_RETURN) {
        if (r != KN_None)
            ob_err_set_stop_iteration(r);
        return NULL;
    }
    return st == KN_SEND_NEXT ? r : NULL;
}

static KnSendResult gen_am_send(KnObject *self, KnObject *arg, KnObject **result)
{
    return gen_send_ex(GEN(self), arg, 0, 0, result);
}

_Thread_local jit_gen_driver *jit_gen_driving;

KnObject *jit_gen_next_driven(KnObject *gen, jit_gen_driver *d)
{
    KnGenObject *g = GEN(gen);
    d->frame = JIT_GEN_FRAME(g);
    d->outer = jit_gen_driving;
    jit_gen_driving = d;
    KnObject *r;
    KnSendResult st = gen_send_ex(g, NULL, 0, 0, &r);
    jit_gen_driving = d->outer;
    /* Exhausted: no StopIteration, as ob_iter_next leaves it. */
    return st == KN_SEND_NEXT ? r : NULL;
}

/* libobject's consumers (list()/tuple()/str.join()/list.extend(), iter.h
 * ob_iter_next_taking) drive through the same machinery: their take()
 * wrapped as a jit_gen_driver. */
typedef struct {
    jit_gen_driver drv;
    KnIterTake take;
    void *ctx;
} take_driver;

static int take_consume(jit_gen_driver *d, KnObject *value)
{
    take_driver *t = (take_driver *)d;
    return t->take(t->ctx, value);
}

static KnObject *drive_for_libobject(KnObject *gen, KnIterTake take, void *ctx)
{
    take_driver t = {.drv = {.consume = take_consume}, .take = take, .ctx = ctx};
    return jit_gen_next_driven(gen, &t.drv);
}

void jit_gen_connect_libobject(void)
{
    ob_iter_set_drive_hook(&jit_gen_type, drive_for_libobject);
}

/* FOR_ITER / SEND running a generator inside the caller's C loop
 * (eval_spec_num.inc): the same steps as gen_send_ex around
 * jit_eval_frame, split at the frame switch. */
jit_frame *jit_gen_enter_inline(KnThreadState *ts, KnObject *it, KnObject *value,
                                jit_frame *caller)
{
    return jit_gen_enter_fast(ts, it, value, caller);
}

void jit_gen_leave_inline(KnThreadState *ts, jit_frame *f, int finished, KnObject *retval)
{
    KnGenObject *g = FRAME_GEN(f);
    jit_gen_driver *d = jit_gen_driving;
    if (d != NULL && d->frame == f)
        d->frame = f->previous;     /* back to the delegating frame (gen_inline.h) */
    ts->exc_info = g->gi_exc_state.previous_item;
    g->gi_exc_state.previous_item = NULL;
    f->previous = NULL;
    if (!finished)
        return;         /* YIELD_VALUE marked it suspended */
    g->gi_frame_state = JIT_GEN_COMPLETED;
    g->gi_exc_state.exc_value = NULL;
    if (retval == NULL)
        stop_iteration_to_runtime_error(g);
    gen_clear_frame(g);
}

KnObject *jit_gen_yf(KnGenObject *g)
{
    if (g->gi_frame_state != JIT_GEN_SUSPENDED)
        return NULL;
    jit_frame *f = JIT_GEN_FRAME(g);
    KnCodeObject *co = f->code;
    if (f->lasti < 0 || f->lasti + 1 >= co->co_ncode || f->stacktop < 1)
        return NULL;
    uint16_t next = co->co_code[f->lasti + 1];
    if ((next & 0xff) != JIT_OP_RESUME || (next >> 8) < 2)
        return NULL;
    return f->localsplus[co->co_nlocalsplus + f->stacktop - 1];
}

/* StopIteration's value (None when no exception) -> 0; another error: -1. */
static int fetch_stop_value(KnObject **value)
{
    *value = KN_None;
    if (!ob_err_occurred())
        return 0;
    if (!ob_err_matches((KnObject *)ob_exc_StopIteration))
        return -1;
    KnObject *e = ob_err_fetch();
    KnObject *v = ((KnStopIterationObject *)e)->value;
    *value = v ? v : KN_None;
    return 0;
}

static KnObject *gen_close(KnObject *self, KnObject *unused);

/* close() the object a generator delegates to: 0 ok, -1 error. */
static int close_iter(KnObject *yf)
{
    KnObject *r;
    if (JIT_GEN_CHECK(yf) || JIT_CORO_CHECK(yf)) {
        r = gen_close(yf, NULL);
        return r ? 0 : -1;
    }
    KnObject *meth = NULL;
    if (ob_lookup_attr(yf, ob_str_intern_cstr("close"), &meth) < 0) {
        ob_err_write_unraisable(yf);
        return 0;
    }
    if (meth == NULL)
        return 0;
    r = ob_call_noargs(meth);
    return r ? 0 : -1;
}

/* The subiterator of a `yield from` finished with `value` while we threw
 * into it: leave the SEND loop as SEND would have, then resume. */
static KnObject *finish_yield_from(KnGenObject *g, KnObject *value)
{
    jit_frame *f = JIT_GEN_FRAME(g);
    KnCodeObject *co = f->code;
    int send_at = f->lasti - 1;
    if (send_at < 0 || (co->co_code[send_at] & 0xff) != JIT_OP_SEND)
        return ob_err_format(ob_exc_SystemError, "yield from without SEND at offset %d",
                             f->lasti * 2);
    int oparg = co->co_code[send_at] >> 8;
    for (int i = send_at - 1, shift = 8;
         i >= 0 && (co->co_code[i] & 0xff) == JIT_OP_EXTENDED_ARG; i--, shift += 8)
        oparg |= (co->co_code[i] >> 8) << shift;
    int target = f->lasti + oparg;
    if (target < 1 || jit_eval_caches[co->co_code[target - 1] & 0xff] != 0)
        return ob_err_format(ob_exc_SystemError, "bad SEND target at offset %d", send_at * 2);
    f->stacktop--;              /* the receiver; the value takes its place */
    f->lasti = target - 1;
    return jit_gen_send(g, value, 0);
}

static KnObject *gen_throw_impl(KnGenObject *g, int close_on_genexit, KnObject *typ,
                                KnObject *val, KnObject *tb)
{
    KnObject *yf = jit_gen_yf(g);
    if (yf != NULL) {
        KnObject *ret;
        if (close_on_genexit && typ == (KnObject *)ob_exc_GeneratorExit) {
            g->gi_frame_state = JIT_GEN_EXECUTING;
            int err = close_iter(yf);
            g->gi_frame_state = JIT_GEN_SUSPENDED;
            if (err < 0)
                return jit_gen_send(g, KN_None, 1);
            goto throw_here;
        }
        if (JIT_GEN_CHECK(yf) || JIT_CORO_CHECK(yf)) {
            g->gi_frame_state = JIT_GEN_EXECUTING;
            ret = gen_throw_impl(GEN(yf), close_on_genexit, typ, val, tb);
            g->gi_frame_state = JIT_GEN_SUSPENDED;
        } else {
            KnObject *meth = NULL;
            if (ob_lookup_attr(yf, ob_str_intern_cstr("throw"), &meth) < 0)
                return NULL;
            if (meth == NULL)
                goto throw_here;
            g->gi_frame_state = JIT_GEN_EXECUTING;
            KnObject *args[3] = { typ, val, tb };
            ret = ob_vectorcall(meth, args, tb ? 3 : (val ? 2 : 1), NULL);
            g->gi_frame_state = JIT_GEN_SUSPENDED;
        }
        if (ret != NULL)
            return ret;
        KnObject *value;
        if (fetch_stop_value(&value) == 0)
            return finish_yield_from(g, value);
        return jit_gen_send(g, KN_None, 1);
    }
throw_here:
    if (tb == KN_None)
        tb = NULL;
    if (tb != NULL && KN_TYPE(tb) != &jit_traceback_type) {
        ob_err_set_string(ob_exc_TypeError, "throw() third argument must be a traceback object");
        return NULL;
    }
    KnObject *exc;
    if (KN_TYPE_OBJ_CHECK(typ) && KN_EXC_CLASS_CHECK(typ)) {
        if (val != NULL && val != KN_None && KN_EXC_CHECK(val) &&
            ob_type_is_subtype(KN_TYPE(val), (KnTypeObject *)typ)) {
            exc = val;
        } else {
            KnObject *args = (val == NULL || val == KN_None) ? ob_tuple_empty()
                             : KN_TUPLE_CHECK(val)           ? val
                                                             : ob_tuple_pack(1, val);
            exc = args ? ob_call(typ, args, NULL) : NULL;
            if (exc == NULL)
                return NULL;
            if (!KN_EXC_CHECK(exc))
                return ob_err_format(ob_exc_TypeError,
                                     "calling %R should have returned an instance of "
                                     "BaseException, not %s",
                                     typ, ob_type_name(KN_TYPE(exc)));
        }
    } else if (KN_EXC_CHECK(typ)) {
        if (val != NULL && val != KN_None) {
            ob_err_set_string(ob_exc_TypeError,
                              "instance exception may not have a separate value");
            return NULL;
        }
        exc = typ;
    } else {
        return ob_err_format(ob_exc_TypeError,
                             "exceptions must be classes or instances deriving from "
                             "BaseException, not %s",
                             ob_type_name(KN_TYPE(typ)));
    }
    if (tb != NULL)
        ((KnBaseExceptionObject *)exc)->traceback = tb;
    ob_err_restore(exc);
    return jit_gen_send(g, KN_None, 1);
}

static KnObject *gen_throw(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("throw", nargs, 1, 3) < 0)
        return NULL;
    return gen_throw_impl(GEN(self), 1, args[0], nargs > 1 ? args[1] : NULL,
                          nargs > 2 ? args[2] : NULL);
}

static KnObject *gen_close(KnObject *self, KnObject *unused)
{
    (void)unused;
    KnGenObject *g = GEN(self);
    KnObject *yf = jit_gen_yf(g);
    int err = 0;
    if (yf != NULL) {
        int8_t state = g->gi_frame_state;
        g->gi_frame_state = JIT_GEN_EXECUTING;
        err = close_iter(yf);
        g->gi_frame_state = state;
    }
    if (err == 0)
        ob_err_set_none(ob_exc_GeneratorExit);
    KnObject *r;
    KnSendResult st = gen_send_ex(g, KN_None, 1, 1, &r);
    if (st == KN_SEND_NEXT) {
        ob_err_format(ob_exc_RuntimeError, "%s ignored GeneratorExit", kind_of(g));
        return NULL;
    }
    if (st == KN_SEND_RETURN)
        return KN_None;
    if (ob_err_matches((KnObject *)ob_exc_StopIteration) ||
        ob_err_matches((KnObject *)ob_exc_GeneratorExit)) {
        ob_err_clear();
        return KN_None;
    }
    return NULL;
}

KnObject *jit_gen_throw(KnGenObject *g, int close_on_genexit, KnObject *typ, KnObject *val,
                        KnObject *tb)
{
    return gen_throw_impl(g, close_on_genexit, typ, val, tb);
}

KnObject *jit_gen_close(KnObject *g)
{
    return gen_close(g, NULL);
}

KnSendResult jit_gen_send_ex(KnGenObject *g, KnObject *arg, int exc, int closing,
                             KnObject **result)
{
    return gen_send_ex(g, arg, exc, closing, result);
}

/* ---- iteration protocol helpers ---- */

KnSendResult jit_iter_send(KnObject *iter, KnObject *value, KnObject **result)
{
    KnTypeObject *t = KN_TYPE(iter);
    if (t->tp_as_async != NULL && t->tp_as_async->am_send != NULL)
        return t->tp_as_async->am_send(iter, value, result);
    KnObject *r;
    if (value == KN_None && t->tp_iternext != NULL)
        r = t->tp_iternext(iter);
    else
        r = ob_call_method(iter, "send", 1, value);
    if (r != NULL) {
        *result = r;
        return KN_SEND_NEXT;
    }
    if (fetch_stop_value(result) == 0)
        return KN_SEND_RETURN;
    *result = NULL;
    return KN_SEND_ERROR;
}

static int is_coroutine_like(KnObject *o)
{
    return JIT_CORO_CHECK(o) ||
           (JIT_GEN_CHECK(o) && (JIT_CODE(GEN(o)->gi_code)->co_flags & JIT_CO_ITERABLE_COROUTINE));
}

KnObject *jit_coro_get_awaitable_iter(KnObject *o)
{
    if (is_coroutine_like(o))
        return o;
    KnAsyncMethods *am = KN_TYPE(o)->tp_as_async;
    if (am != NULL && am->am_await != NULL) {
        KnObject *res = am->am_await(o);
        if (res == NULL)
            return NULL;
        if (is_coroutine_like(res))
            return ob_err_format(ob_exc_TypeError, "__await__() returned a coroutine");
        if (KN_TYPE(res)->tp_iternext == NULL)
            return ob_err_format(ob_exc_TypeError,
                                 "__await__() returned non-iterator of type '%s'",
                                 KN_TYPE(res)->tp_name);
        return res;
    }
    return ob_err_format(ob_exc_TypeError, "object %s can't be used in 'await' expression",
                         KN_TYPE(o)->tp_name);
}

/* tp_finalize (PEP 442), run by the collector's finalization queue: a
 * suspended generator is closed (its finally blocks run); an async
 * generator goes to the event loop's finalizer when one was installed
 * (sys.set_asyncgen_hooks).  A coroutine that was never awaited only
 * warns in CPython; without the warnings machinery it is left alone. */
void jit_gen_finalize(KnObject *self)
{
    KnGenObject *g = GEN(self);
    if (g->gi_frame_state >= JIT_GEN_COMPLETED || g->gi_frame_state == JIT_GEN_EXECUTING)
        return;
    KnObject *pending = ob_err_fetch();
    KnObject *res = KN_None;
    if (JIT_ASYNC_GEN_CHECK(g) && g->gi_origin_or_finalizer != NULL && !g->gi_closed) {
        res = ob_call_onearg(g->gi_origin_or_finalizer, self);
    } else if (!(JIT_CORO_CHECK(g) && g->gi_frame_state == JIT_GEN_CREATED)) {
        res = gen_close(self, NULL);
    }
    if (res == NULL)
        ob_err_write_unraisable(self);
    ob_err_restore(pending);
}

/* ---- attributes ---- */

static KnObject *gen_get_frame(KnObject *self, void *c)
{
    (void)c;
    KnGenObject *g = GEN(self);
    if (g->gi_frame_state >= JIT_GEN_COMPLETED)
        return KN_None;
    return jit_frame_object(JIT_GEN_FRAME(g));
}

static KnObject *gen_get_running(KnObject *self, void *c)
{
    (void)c;
    return KN_BOOL(GEN(self)->gi_frame_state == JIT_GEN_EXECUTING);
}

static KnObject *gen_get_suspended(KnObject *self, void *c)
{
    (void)c;
    return KN_BOOL(GEN(self)->gi_frame_state == JIT_GEN_SUSPENDED);
}

static KnObject *gen_get_code(KnObject *self, void *c)
{
    (void)c;
    return GEN(self)->gi_code;
}

static KnObject *gen_get_yieldfrom(KnObject *self, void *c)
{
    (void)c;
    KnObject *yf = jit_gen_yf(GEN(self));
    return yf ? yf : KN_None;
}

static KnObject *gen_get_name(KnObject *self, void *c)
{
    (void)c;
    return GEN(self)->gi_name;
}

static int gen_set_name(KnObject *self, KnObject *v, void *c)
{
    (void)c;
    if (v == NULL || !KN_STR_CHECK(v)) {
        ob_err_set_string(ob_exc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    GEN(self)->gi_name = v;
    return 0;
}

static KnObject *gen_get_qualname(KnObject *self, void *c)
{
    (void)c;
    return GEN(self)->gi_qualname;
}

static int gen_set_qualname(KnObject *self, KnObject *v, void *c)
{
    (void)c;
    if (v == NULL || !KN_STR_CHECK(v)) {
        ob_err_set_string(ob_exc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    GEN(self)->gi_qualname = v;
    return 0;
}

static KnObject *coro_get_origin(KnObject *self, void *c)
{
    (void)c;
    KnObject *o = GEN(self)->gi_origin_or_finalizer;
    return o ? o : KN_None;
}

#define NAME_GETSET                                                  \
    { "__name__", gen_get_name, gen_set_name, NULL, NULL },          \
    { "__qualname__", gen_get_qualname, gen_set_qualname, NULL, NULL }

static KnGetSetDef gen_getset[] = {
    NAME_GETSET,
    { "gi_frame", gen_get_frame, NULL, NULL, NULL },
    { "gi_running", gen_get_running, NULL, NULL, NULL },
    { "gi_suspended", gen_get_suspended, NULL, NULL, NULL },
    { "gi_code", gen_get_code, NULL, NULL, NULL },
    { "gi_yieldfrom", gen_get_yieldfrom, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL },
};

static KnGetSetDef coro_getset[] = {
    NAME_GETSET,
    { "cr_frame", gen_get_frame, NULL, NULL, NULL },
    { "cr_running", gen_get_running, NULL, NULL, NULL },
    { "cr_suspended", gen_get_suspended, NULL, NULL, NULL },
    { "cr_code", gen_get_code, NULL, NULL, NULL },
    { "cr_await", gen_get_yieldfrom, NULL, NULL, NULL },
    { "cr_origin", coro_get_origin, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL },
};

static KnObject *self_iter(KnObject *self)
{
    return self;
}

static KnObject *gen_repr(KnObject *self)
{
    return ob_str_from_format("<%s object %U at %p>", kind_of(GEN(self)), GEN(self)->gi_qualname,
                              (void *)self);
}

static KnMethodDef gen_methods[] = {
    { "send", (KnCFunction)gen_send, KN_METH_O,
      "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration." },
    { "throw", (KnCFunction)(void (*)(void))gen_throw, KN_METH_FASTCALL,
      "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next "
      "yielded value or raise\nStopIteration." },
    { "close", (KnCFunction)gen_close, KN_METH_NOARGS, "close() -> raise GeneratorExit inside generator." },
    { NULL, NULL, 0, NULL },
};

static KnAsyncMethods gen_as_async = { NULL, NULL, NULL, gen_am_send };

#define GEN_TYPE_COMMON                                                  \
    .tp_finalize = jit_gen_finalize,                                         \
    .tp_basicsize = sizeof(KnGenObject),                                 \
    .tp_itemsize = sizeof(KnObject *),                                   \
    .tp_repr = gen_repr,                                                 \
    .tp_getattro = ob_generic_getattr,                                   \
    .tp_flags = KN_TPFLAGS_DEFAULT,                                      \
    .tp_weaklistoffset = offsetof(KnGenObject, gi_weakreflist)

KnTypeObject jit_gen_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "generator",
    GEN_TYPE_COMMON,
    .tp_as_async = &gen_as_async,
    .tp_iter = self_iter,
    .tp_iternext = gen_iternext,
    .tp_methods = gen_methods,
    .tp_getset = gen_getset,
};

/* ---- coroutines ---- */

typedef struct {
    KN_OBJECT_HEAD;
    KnGenObject *cw_coroutine;
} KnCoroWrapper;

static KnObject *coro_await(KnObject *self)
{
    KnCoroWrapper *w = (KnCoroWrapper *)ob_alloc(&jit_coro_wrapper_type, 0);
    if (w == NULL)
        return NULL;
    w->cw_coroutine = GEN(self);
    return (KnObject *)w;
}

static KnObject *coro_await_meth(KnObject *self, KnObject *unused)
{
    (void)unused;
    return coro_await(self);
}

static KnMethodDef coro_methods[] = {
    { "send", (KnCFunction)gen_send, KN_METH_O,
      "send(arg) -> send 'arg' into coroutine,\nreturn next iterated value or raise StopIteration." },
    { "throw", (KnCFunction)(void (*)(void))gen_throw, KN_METH_FASTCALL,
      "throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine, return "
      "next iterated value or raise\nStopIteration." },
    { "close", (KnCFunction)gen_close, KN_METH_NOARGS, "close() -> raise GeneratorExit inside coroutine." },
    { "__await__", (KnCFunction)coro_await_meth, KN_METH_NOARGS,
      "Return an iterator to be used in await expression." },
    { NULL, NULL, 0, NULL },
};

static KnAsyncMethods coro_as_async = { coro_await, NULL, NULL, gen_am_send };

KnTypeObject jit_coro_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "coroutine",
    GEN_TYPE_COMMON,
    .tp_as_async = &coro_as_async,
    .tp_methods = coro_methods,
    .tp_getset = coro_getset,
};

#define CW(o) (((KnCoroWrapper *)(o))->cw_coroutine)

static KnObject *cw_iternext(KnObject *self)
{
    return jit_gen_send(CW(self), KN_None, 0);
}

static KnObject *cw_send(KnObject *self, KnObject *arg)
{
    return jit_gen_send(CW(self), arg, 0);
}

static KnObject *cw_throw(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    return gen_throw((KnObject *)CW(self), args, nargs);
}

static KnObject *cw_close(KnObject *self, KnObject *unused)
{
    (void)unused;
    return gen_close((KnObject *)CW(self), NULL);
}

static KnMethodDef cw_methods[] = {
    { "send", (KnCFunction)cw_send, KN_METH_O, NULL },
    { "throw", (KnCFunction)(void (*)(void))cw_throw, KN_METH_FASTCALL, NULL },
    { "close", (KnCFunction)cw_close, KN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL },
};

KnTypeObject jit_coro_wrapper_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "coroutine_wrapper",
    .tp_basicsize = sizeof(KnCoroWrapper),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_iter = self_iter,
    .tp_iternext = cw_iternext,
    .tp_methods = cw_methods,
};
