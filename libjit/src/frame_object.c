/* libjit/src/frame_object.c — frame objects, made on demand (eval.h).
 *
 * A KnFrameObject points at a jit_frame: on the thread stack while the
 * frame runs, inside its generator, or (after the frame exited) at a copy
 * it owns (frame.c: jit_frame_detach).  f_frame is never NULL once made,
 * except after an out-of-memory detach. */
#include "libgc/gc.h"
#include "eval.h"

KnObject *jit_frame_object(jit_frame *f)
{
    if (f->frame_obj != NULL)
        return (KnObject *)f->frame_obj;
    KnFrameObject *fo = (KnFrameObject *)ob_alloc(&jit_frame_type, 0);
    if (fo == NULL)
        return NULL;
    fo->f_frame = f;
    fo->f_trace_lines = 1;
    fo->f_trace_prev = f->lasti;
    f->frame_obj = fo;
    return (KnObject *)fo;
}

/* The innermost Python frame of this thread as a frame object, None when
 * no Python code runs (signal handlers receive it; jit.h). */
KnObject *jit_current_frame_object(void)
{
    jit_frame *f = jit_frame_current();
    return f != NULL ? jit_frame_object(f) : KN_None;
}

#define FRAME(o) (((KnFrameObject *)(o))->f_frame)

static KnObject *none_if_null(KnObject *o)
{
    return o ? o : KN_None;
}

static KnObject *frame_get_code(KnObject *self, void *c)
{
    (void)c;
    return FRAME(self) ? (KnObject *)FRAME(self)->code : KN_None;
}

static KnObject *frame_get_globals(KnObject *self, void *c)
{
    (void)c;
    return FRAME(self) ? FRAME(self)->globals : KN_None;
}

static KnObject *frame_get_builtins(KnObject *self, void *c)
{
    (void)c;
    return FRAME(self) ? FRAME(self)->builtins : KN_None;
}

static KnObject *frame_get_locals(KnObject *self, void *c)
{
    (void)c;
    if (FRAME(self) == NULL)
        return ob_dict_new();
    return jit_frame_get_locals(FRAME(self));
}

static KnObject *frame_get_lineno(KnObject *self, void *c)
{
    (void)c;
    if (FRAME(self) == NULL)
        return KN_None;
    int line = jit_frame_lineno(FRAME(self));
    return line < 0 ? KN_None : ob_int_from_ssize(line);
}

static KnObject *frame_get_lasti(KnObject *self, void *c)
{
    (void)c;
    if (FRAME(self) == NULL || FRAME(self)->lasti < 0)
        return ob_int_from_ssize(-1);
    return ob_int_from_ssize((kn_ssize_t)FRAME(self)->lasti * 2);
}

static KnObject *frame_get_back(KnObject *self, void *c)
{
    (void)c;
    KnFrameObject *fo = (KnFrameObject *)self;
    if (fo->f_back != NULL)
        return (KnObject *)fo->f_back;
    jit_frame *f = fo->f_frame;
    if (f == NULL || f->previous == NULL)
        return KN_None;
    return jit_frame_object(f->previous);
}

static KnObject *frame_get_trace(KnObject *self, void *c)
{
    (void)c;
    return none_if_null(((KnFrameObject *)self)->f_trace);
}

static int frame_set_trace(KnObject *self, KnObject *v, void *c)
{
    (void)c;
    ((KnFrameObject *)self)->f_trace = (v == KN_None) ? NULL : v;
    return 0;
}

static KnObject *frame_get_trace_lines(KnObject *self, void *c)
{
    (void)c;
    return KN_BOOL(((KnFrameObject *)self)->f_trace_lines);
}

static int frame_set_flag(KnObject *v, char *flag, const char *name)
{
    (void)name;
    if (v == NULL || KN_TYPE(v) != &ob_bool_type) {
        ob_err_format(ob_exc_TypeError, "attribute value type must be bool");
        return -1;
    }
    *flag = (char)(v == KN_True);
    return 0;
}

static int frame_set_trace_lines(KnObject *self, KnObject *v, void *c)
{
    (void)c;
    return frame_set_flag(v, &((KnFrameObject *)self)->f_trace_lines, "f_trace_lines");
}

static KnObject *frame_get_trace_opcodes(KnObject *self, void *c)
{
    (void)c;
    return KN_BOOL(((KnFrameObject *)self)->f_trace_opcodes);
}

static int frame_set_trace_opcodes(KnObject *self, KnObject *v, void *c)
{
    (void)c;
    return frame_set_flag(v, &((KnFrameObject *)self)->f_trace_opcodes, "f_trace_opcodes");
}

/* Jumping (pdb's `jump`) would need the block-stack analysis CPython does
 * in frame_setlineno; Kiln refuses it with a clear error (NOTES-tracing.md). */
static int frame_set_lineno(KnObject *self, KnObject *v, void *c)
{
    (void)self;
    (void)c;
    if (v == NULL) {
        ob_err_format(ob_exc_AttributeError, "cannot delete f_lineno attribute");
        return -1;
    }
    if (!KN_INT_CHECK_EXACT(v)) {
        ob_err_format(ob_exc_ValueError, "lineno must be an integer");
        return -1;
    }
    int what = ob_tstate_get()->tracing_what;
    if (what == 0 /* JIT_TRACE_CALL, also when not tracing */)
        ob_err_format(ob_exc_ValueError, "can't jump from the 'call' trace event of a new frame");
    else if (what != 2 /* JIT_TRACE_LINE */)
        ob_err_format(ob_exc_ValueError, "can only jump from a 'line' trace event");
    else
        ob_err_format(ob_exc_ValueError,
                      "Kiln does not support jumping: f_lineno cannot be set from a trace "
                      "function");
    return -1;
}

static KnGetSetDef frame_getset[] = {
    { "f_code", frame_get_code, NULL, NULL, NULL },
    { "f_globals", frame_get_globals, NULL, NULL, NULL },
    { "f_builtins", frame_get_builtins, NULL, NULL, NULL },
    { "f_locals", frame_get_locals, NULL, NULL, NULL },
    { "f_lineno", frame_get_lineno, frame_set_lineno, NULL, NULL },
    { "f_lasti", frame_get_lasti, NULL, NULL, NULL },
    { "f_back", frame_get_back, NULL, NULL, NULL },
    { "f_trace", frame_get_trace, frame_set_trace, NULL, NULL },
    { "f_trace_lines", frame_get_trace_lines, frame_set_trace_lines, NULL, NULL },
    { "f_trace_opcodes", frame_get_trace_opcodes, frame_set_trace_opcodes, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL },
};

static KnObject *frame_clear(KnObject *self, KnObject *unused)
{
    (void)unused;
    jit_frame *f = FRAME(self);
    if (f == NULL)
        return KN_None;
    if (f->owner != JIT_FRAME_OBJECT) {
        /* A running frame (or a suspended generator's) cannot be cleared
         * by this route in Kiln's tier 0. */
        if (f->owner == JIT_FRAME_THREAD)
            return ob_err_format(ob_exc_RuntimeError, "cannot clear an executing frame");
        return ob_err_format(ob_exc_RuntimeError, "cannot clear a suspended frame");
    }
    for (int i = 0; i < f->code->co_nlocalsplus + f->stacktop; i++)
        f->localsplus[i] = NULL;
    f->stacktop = 0;
    if (f->code->co_flags & JIT_CO_OPTIMIZED)
        f->locals = NULL;
    return KN_None;
}

static KnMethodDef frame_methods[] = {
    { "clear", (KnCFunction)frame_clear, KN_METH_NOARGS,
      "F.clear(): clear most references held by the frame" },
    { NULL, NULL, 0, NULL },
};

static KnObject *frame_repr(KnObject *self)
{
    jit_frame *f = FRAME(self);
    if (f == NULL)
        return ob_str_from_format("<frame at %p>", (void *)self);
    return ob_str_from_format("<frame at %p, file %R, line %d, code %U>", (void *)self,
                              f->code->co_filename, jit_frame_lineno(f), f->code->co_name);
}

KnTypeObject jit_frame_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "frame",
    .tp_basicsize = sizeof(KnFrameObject),
    .tp_repr = frame_repr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_getattro = ob_generic_getattr,
    .tp_methods = frame_methods,
    .tp_getset = frame_getset,
};
