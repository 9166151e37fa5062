/* libjit/src/gen_async.c — async generators (PEP 525) and their
 * awaitables: asend()/__anext__() and athrow()/aclose().
 *
 * An async generator's frame wraps every value it yields (ASYNC_GEN_WRAP),
 * so while an asend/athrow awaitable drives the frame it can tell a
 * `yield v` (finish the awaitable: StopIteration(v)) from a value an inner
 * `await` passes up to the event loop (pass it through). */
#include <stddef.h>

#include "eval.h"

#define GEN(o) ((KnGenObject *)(o))

typedef struct {
    KN_OBJECT_HEAD;
    KnObject *agw_val;
} KnAsyncGenWrapped;

KnObject *jit_async_gen_wrap(KnObject *value)
{
    KnAsyncGenWrapped *w = (KnAsyncGenWrapped *)ob_alloc(&jit_async_gen_wrapped_type, 0);
    if (w == NULL)
        return NULL;
    w->agw_val = value;
    return (KnObject *)w;
}

#define IS_WRAPPED(o) (KN_TYPE(o) == &jit_async_gen_wrapped_type)

/* Result of driving the frame, seen from the awaitable. */
static KnObject *unwrap(KnGenObject *g, KnObject *r)
{
    if (r == NULL) {
        if (!ob_err_occurred())
            ob_err_set_none(ob_exc_StopAsyncIteration);
        if (ob_err_matches((KnObject *)ob_exc_StopAsyncIteration) ||
            ob_err_matches((KnObject *)ob_exc_GeneratorExit))
            g->gi_closed = 1;
        g->gi_running_async = 0;
        return NULL;
    }
    if (IS_WRAPPED(r)) {
        ob_err_set_stop_iteration(((KnAsyncGenWrapped *)r)->agw_val);
        g->gi_running_async = 0;
        return NULL;
    }
    return r;
}

static int init_hooks(KnGenObject *g)
{
    if (g->gi_hooks_inited)
        return 0;
    g->gi_hooks_inited = 1;
    KnThreadState *ts = ob_tstate_get();
    if (ts->async_gen_finalizer != NULL)
        g->gi_origin_or_finalizer = ts->async_gen_finalizer;
    if (ts->async_gen_firstiter != NULL &&
        ob_call_onearg(ts->async_gen_firstiter, (KnObject *)g) == NULL)
        return -1;
    return 0;
}

/* ---- asend / __anext__ ---- */

enum { AWAITABLE_INIT, AWAITABLE_ITER, AWAITABLE_CLOSED };

typedef struct {
    KN_OBJECT_HEAD;
    KnGenObject *ags_gen;
    KnObject *ags_sendval;
    int ags_state;
} KnAsyncGenASend;

static KnObject *asend_new(KnGenObject *g, KnObject *sendval)
{
    KnAsyncGenASend *a = (KnAsyncGenASend *)ob_alloc(&jit_async_gen_asend_type, 0);
    if (a == NULL)
        return NULL;
    a->ags_gen = g;
    a->ags_sendval = sendval;
    a->ags_state = AWAITABLE_INIT;
    return (KnObject *)a;
}

#define ASEND(o) ((KnAsyncGenASend *)(o))

static KnObject *asend_send(KnObject *self, KnObject *arg)
{
    KnAsyncGenASend *a = ASEND(self);
    if (a->ags_state == AWAITABLE_CLOSED)
        return ob_err_format(ob_exc_RuntimeError,
                             "cannot reuse already awaited __anext__()/asend()");
    if (a->ags_state == AWAITABLE_INIT) {
        if (a->ags_gen->gi_running_async)
            return ob_err_format(ob_exc_RuntimeError,
                                 "anext(): asynchronous generator is already running");
        if (arg == NULL || arg == KN_None)
            arg = a->ags_sendval;
        a->ags_state = AWAITABLE_ITER;
    }
    a->ags_gen->gi_running_async = 1;
    KnObject *r = unwrap(a->ags_gen, jit_gen_send(a->ags_gen, arg, 0));
    if (r == NULL)
        a->ags_state = AWAITABLE_CLOSED;
    return r;
}

static KnObject *asend_iternext(KnObject *self)
{
    return asend_send(self, NULL);
}

static KnObject *asend_throw(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    KnAsyncGenASend *a = ASEND(self);
    if (a->ags_state == AWAITABLE_CLOSED)
        return ob_err_format(ob_exc_RuntimeError,
                             "cannot reuse already awaited __anext__()/asend()");
    if (ob_args_check_positional("throw", nargs, 1, 3) < 0)
        return NULL;
    KnObject *r = jit_gen_throw(a->ags_gen, 1, args[0], nargs > 1 ? args[1] : NULL,
                                nargs > 2 ? args[2] : NULL);
    r = unwrap(a->ags_gen, r);
    if (r == NULL)
        a->ags_state = AWAITABLE_CLOSED;
    return r;
}

static KnObject *awaitable_close(KnObject *self, KnObject *unused)
{
    (void)unused;
    ASEND(self)->ags_state = AWAITABLE_CLOSED;
    return KN_None;
}

static KnObject *self_iter(KnObject *self)
{
    return self;
}

static KnMethodDef asend_methods[] = {
    { "send", (KnCFunction)asend_send, KN_METH_O, NULL },
    { "throw", (KnCFunction)(void (*)(void))asend_throw, KN_METH_FASTCALL, NULL },
    { "close", (KnCFunction)awaitable_close, KN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL },
};

static KnAsyncMethods asend_as_async = { self_iter, NULL, NULL, NULL };

KnTypeObject jit_async_gen_asend_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "async_generator_asend",
    .tp_basicsize = sizeof(KnAsyncGenASend),
    .tp_as_async = &asend_as_async,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_iter = self_iter,
    .tp_iternext = asend_iternext,
    .tp_methods = asend_methods,
};

/* ---- athrow / aclose ---- */

typedef struct {
    KN_OBJECT_HEAD;
    KnGenObject *agt_gen;
    KnObject *agt_typ, *agt_val, *agt_tb;   /* agt_typ NULL: aclose() */
    int agt_state;
} KnAsyncGenAThrow;

#define ATHROW(o) ((KnAsyncGenAThrow *)(o))

static KnObject *athrow_new(KnGenObject *g, KnObject *typ, KnObject *val, KnObject *tb)
{
    KnAsyncGenAThrow *t = (KnAsyncGenAThrow *)ob_alloc(&jit_async_gen_athrow_type, 0);
    if (t == NULL)
        return NULL;
    t->agt_gen = g;
    t->agt_typ = typ;
    t->agt_val = val;
    t->agt_tb = tb;
    t->agt_state = AWAITABLE_INIT;
    return (KnObject *)t;
}

static KnObject *ignored_exit(KnAsyncGenAThrow *t)
{
    t->agt_gen->gi_running_async = 0;
    t->agt_state = AWAITABLE_CLOSED;
    return ob_err_format(ob_exc_RuntimeError, "async generator ignored GeneratorExit");
}

static KnObject *athrow_check_error(KnAsyncGenAThrow *t)
{
    t->agt_gen->gi_running_async = 0;
    t->agt_state = AWAITABLE_CLOSED;
    if (t->agt_typ == NULL && (ob_err_matches((KnObject *)ob_exc_StopAsyncIteration) ||
                               ob_err_matches((KnObject *)ob_exc_GeneratorExit))) {
        ob_err_clear();
        ob_err_set_none(ob_exc_StopIteration);
    }
    return NULL;
}

static KnObject *athrow_send(KnObject *self, KnObject *arg)
{
    KnAsyncGenAThrow *t = ATHROW(self);
    KnGenObject *g = t->agt_gen;
    KnObject *r;
    if (t->agt_state == AWAITABLE_CLOSED)
        return ob_err_format(ob_exc_RuntimeError,
                             "cannot reuse already awaited aclose()/athrow()");
    if (g->gi_frame_state >= JIT_GEN_COMPLETED) {
        t->agt_state = AWAITABLE_CLOSED;
        ob_err_set_none(ob_exc_StopIteration);
        return NULL;
    }
    if (t->agt_state == AWAITABLE_INIT) {
        if (g->gi_running_async) {
            t->agt_state = AWAITABLE_CLOSED;
            return ob_err_format(ob_exc_RuntimeError,
                                 "%s(): asynchronous generator is already running",
                                 t->agt_typ ? "athrow" : "aclose");
        }
        if (g->gi_closed) {
            t->agt_state = AWAITABLE_CLOSED;
            ob_err_set_none(ob_exc_StopAsyncIteration);
            return NULL;
        }
        if (arg != NULL && arg != KN_None)
            return ob_err_format(ob_exc_RuntimeError,
                                 "can't send non-None value to a just-started coroutine");
        t->agt_state = AWAITABLE_ITER;
        g->gi_running_async = 1;
        if (t->agt_typ == NULL) {
            g->gi_closed = 1;
            r = jit_gen_throw(g, 0, (KnObject *)ob_exc_GeneratorExit, NULL, NULL);
            if (r != NULL && IS_WRAPPED(r))
                return ignored_exit(t);
        } else {
            r = unwrap(g, jit_gen_throw(g, 0, t->agt_typ, t->agt_val, t->agt_tb));
        }
        return r ? r : athrow_check_error(t);
    }
    r = jit_gen_send(g, arg ? arg : KN_None, 0);
    if (t->agt_typ != NULL)
        return unwrap(g, r);
    if (r != NULL && IS_WRAPPED(r))
        return ignored_exit(t);
    return r ? r : athrow_check_error(t);
}

static KnObject *athrow_iternext(KnObject *self)
{
    return athrow_send(self, KN_None);
}

static KnObject *athrow_throw(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    KnAsyncGenAThrow *t = ATHROW(self);
    if (t->agt_state == AWAITABLE_CLOSED)
        return ob_err_format(ob_exc_RuntimeError,
                             "cannot reuse already awaited aclose()/athrow()");
    if (ob_args_check_positional("throw", nargs, 1, 3) < 0)
        return NULL;
    KnObject *r = jit_gen_throw(t->agt_gen, 1, args[0], nargs > 1 ? args[1] : NULL,
                                nargs > 2 ? args[2] : NULL);
    if (t->agt_typ != NULL)
        return unwrap(t->agt_gen, r);
    if (r != NULL && IS_WRAPPED(r))
        return ignored_exit(t);
    if (r == NULL && (ob_err_matches((KnObject *)ob_exc_StopAsyncIteration) ||
                      ob_err_matches((KnObject *)ob_exc_GeneratorExit))) {
        ob_err_clear();
        ob_err_set_none(ob_exc_StopIteration);
    }
    return r;
}

static KnObject *athrow_close(KnObject *self, KnObject *unused)
{
    (void)unused;
    ATHROW(self)->agt_state = AWAITABLE_CLOSED;
    return KN_None;
}

static KnMethodDef athrow_methods[] = {
    { "send", (KnCFunction)athrow_send, KN_METH_O, NULL },
    { "throw", (KnCFunction)(void (*)(void))athrow_throw, KN_METH_FASTCALL, NULL },
    { "close", (KnCFunction)athrow_close, KN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL },
};

static KnAsyncMethods athrow_as_async = { self_iter, NULL, NULL, NULL };

KnTypeObject jit_async_gen_athrow_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "async_generator_athrow",
    .tp_basicsize = sizeof(KnAsyncGenAThrow),
    .tp_as_async = &athrow_as_async,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_iter = self_iter,
    .tp_iternext = athrow_iternext,
    .tp_methods = athrow_methods,
};

KnTypeObject jit_async_gen_wrapped_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "async_generator_wrapped_value",
    .tp_basicsize = sizeof(KnAsyncGenWrapped),
    .tp_flags = KN_TPFLAGS_DEFAULT,
};

/* ---- the async generator object ---- */

static KnObject *agen_anext(KnObject *self)
{
    if (init_hooks(GEN(self)) < 0)
        return NULL;
    return asend_new(GEN(self), NULL);
}

static KnObject *agen_asend(KnObject *self, KnObject *arg)
{
    if (init_hooks(GEN(self)) < 0)
        return NULL;
    return asend_new(GEN(self), arg);
}

static KnObject *agen_athrow(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("athrow", nargs, 1, 3) < 0 || init_hooks(GEN(self)) < 0)
        return NULL;
    return athrow_new(GEN(self), args[0], nargs > 1 ? args[1] : NULL, nargs > 2 ? args[2] : NULL);
}

static KnObject *agen_aclose(KnObject *self, KnObject *unused)
{
    (void)unused;
    if (init_hooks(GEN(self)) < 0)
        return NULL;
    return athrow_new(GEN(self), NULL, NULL, NULL);
}

static KnObject *agen_get_frame(KnObject *self, void *c)
{
    (void)c;
    if (GEN(self)->gi_frame_state >= JIT_GEN_COMPLETED)
        return KN_None;
    return jit_frame_object(JIT_GEN_FRAME(self));
}

static KnObject *agen_get_running(KnObject *self, void *c)
{
    (void)c;
    return KN_BOOL(GEN(self)->gi_running_async);
}

static KnObject *agen_get_code(KnObject *self, void *c)
{
    (void)c;
    return GEN(self)->gi_code;
}

static KnObject *agen_get_await(KnObject *self, void *c)
{
    (void)c;
    KnObject *yf = jit_gen_yf(GEN(self));
    return yf ? yf : KN_None;
}

static KnObject *agen_get_name(KnObject *self, void *c)
{
    (void)c;
    return GEN(self)->gi_name;
}

static KnObject *agen_get_qualname(KnObject *self, void *c)
{
    (void)c;
    return GEN(self)->gi_qualname;
}

static KnGetSetDef agen_getset[] = {
    { "__name__", agen_get_name, NULL, NULL, NULL },
    { "__qualname__", agen_get_qualname, NULL, NULL, NULL },
    { "ag_frame", agen_get_frame, NULL, NULL, NULL },
    { "ag_running", agen_get_running, NULL, NULL, NULL },
    { "ag_code", agen_get_code, NULL, NULL, NULL },
    { "ag_await", agen_get_await, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL },
};

static KnMethodDef agen_methods[] = {
    { "asend", (KnCFunction)agen_asend, KN_METH_O, "asend(v) -> send 'v' in generator." },
    { "athrow", (KnCFunction)(void (*)(void))agen_athrow, KN_METH_FASTCALL,
      "athrow(typ[,val[,tb]]) -> raise exception in generator." },
    { "aclose", (KnCFunction)agen_aclose, KN_METH_NOARGS,
      "aclose() -> raise GeneratorExit inside generator." },
    { NULL, NULL, 0, NULL },
};

static KnObject *agen_repr(KnObject *self)
{
    return ob_str_from_format("<async_generator object %U at %p>", GEN(self)->gi_qualname,
                              (void *)self);
}

static KnAsyncMethods agen_as_async = { NULL, self_iter, agen_anext, NULL };

KnTypeObject jit_async_gen_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "async_generator",
    .tp_basicsize = sizeof(KnGenObject),
    .tp_itemsize = sizeof(KnObject *),
    .tp_as_async = &agen_as_async,
    .tp_repr = agen_repr,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_weaklistoffset = offsetof(KnGenObject, gi_weakreflist),
    .tp_finalize = jit_gen_finalize,
    .tp_methods = agen_methods,
    .tp_getset = agen_getset,
};
