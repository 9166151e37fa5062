/* builtins_anext.c — the awaitable anext(aiterator, default) returns.
 *
 * It wraps the awaitable aiterator.__anext__() gave and drives it: every
 * step (next, send, throw) goes to that awaitable's iterator, and when the
 * async iterator is exhausted (StopAsyncIteration) the await finishes with
 * `default` instead (StopIteration(default)).  close() is forwarded. */
#include "builtins.h"
#include "eval.h"

typedef struct {
    KN_OBJECT_HEAD;
    KnObject *wrapped;      /* what __anext__ returned */
    KnObject *dflt;
} AnextAwaitable;

#define AA(o) ((AnextAwaitable *)(o))

/* The iterator to drive: the awaitable's __await__() result (a generator-
 * based coroutine or plain iterator is used as it is). */
static KnObject *aa_iter(AnextAwaitable *aa)
{
    KnObject *it = jit_coro_get_awaitable_iter(aa->wrapped);
    if (it == NULL)
        return NULL;
    if (KN_TYPE(it)->tp_iternext != NULL)
        return it;
    /* A native coroutine: step it through its __await__ wrapper. */
    KnAsyncMethods *am = KN_TYPE(it)->tp_as_async;
    if (am == NULL || am->am_await == NULL)
        return ob_err_format(ob_exc_TypeError, "'%s' object can't be awaited",
                             ob_type_name(KN_TYPE(it)));
    KnObject *w = am->am_await(it);
    if (w == NULL)
        return NULL;
    if (!ob_iter_check(w))
        return ob_err_format(ob_exc_TypeError, "__await__ returned a non-iterable");
    return w;
}

/* A step failed: exhaustion of the async iterator becomes the default. */
static KnObject *aa_finish(AnextAwaitable *aa)
{
    if (ob_err_matches((KnObject *)ob_exc_StopAsyncIteration)) {
        ob_err_clear();
        ob_err_set_stop_iteration(aa->dflt);
    }
    return NULL;
}

static KnObject *aa_iternext(KnObject *self)
{
    KnObject *it = aa_iter(AA(self));
    if (it == NULL)
        return NULL;
    KnObject *r = KN_TYPE(it)->tp_iternext(it);
    if (r != NULL)
        return r;
    if (!ob_err_occurred())
        return NULL;        /* finished: StopIteration without a value */
    return aa_finish(AA(self));
}

static KnObject *aa_forward(KnObject *self, const char *meth, KnObject *const *args,
                            kn_ssize_t nargs)
{
    KnObject *it = aa_iter(AA(self));
    if (it == NULL)
        return NULL;
    KnObject *bound = ob_getattr_str(it, meth);
    if (bound == NULL)
        return NULL;
    KnObject *r = ob_vectorcall(bound, args, (size_t)nargs, NULL);
    return r != NULL ? r : aa_finish(AA(self));
}

static KnObject *aa_send(KnObject *self, KnObject *arg)
{
    return aa_forward(self, "send", &arg, 1);
}

static KnObject *aa_throw(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    return aa_forward(self, "throw", args, nargs);
}

static KnObject *aa_close(KnObject *self, KnObject *unused)
{
    return aa_forward(self, "close", NULL, 0);
}

static KnObject *aa_await(KnObject *self)
{
    return self;
}

static KnAsyncMethods aa_as_async = { aa_await, NULL, NULL, NULL };

static KnMethodDef aa_methods[] = {
    { "send", aa_send, KN_METH_O, "send(arg) -> send 'arg' into the wrapped iterator" },
    { "throw", (KnCFunction)(void (*)(void))aa_throw, KN_METH_FASTCALL,
      "throw(typ[,val[,tb]]) -> raise exception in the wrapped iterator" },
    { "close", aa_close, KN_METH_NOARGS, "close() -> close the wrapped iterator" },
    { NULL, NULL, 0, NULL },
};

KnTypeObject jit_anext_awaitable_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "anext_awaitable",
    .tp_basicsize = sizeof(AnextAwaitable),
    .tp_as_async = &aa_as_async,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_iter = aa_await,
    .tp_iternext = aa_iternext,
    .tp_methods = aa_methods,
};

KnObject *jit_anext_awaitable_new(KnObject *awaitable, KnObject *dflt)
{
    if (!(jit_anext_awaitable_type.tp_flags & KN_TPFLAGS_READY)
        && ob_type_ready(&jit_anext_awaitable_type) < 0)
        return NULL;
    AnextAwaitable *aa = (AnextAwaitable *)ob_alloc(&jit_anext_awaitable_type, 0);
    if (aa == NULL)
        return NULL;
    aa->wrapped = awaitable;
    aa->dflt = dflt;
    return (KnObject *)aa;
}
