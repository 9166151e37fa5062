/* libjit/src/traceback.c — traceback objects (eval.h).
 *
 * An exception's __traceback__ is a chain with the outermost frame first:
 * as the exception leaves a frame, the interpreter prepends that frame's
 * entry (jit_traceback_here), so the head is the last frame it left. */
#include "eval.h"

KnObject *jit_traceback_new(KnObject *next, KnObject *frame, int lasti_bytes, int lineno)
{
    KnTracebackObject *tb = (KnTracebackObject *)ob_alloc(&jit_traceback_type, 0);
    if (tb == NULL)
        return NULL;
    tb->tb_next = (KnTracebackObject *)next;
    tb->tb_frame = (KnFrameObject *)frame;
    tb->tb_lasti = lasti_bytes;
    tb->tb_lineno = lineno;
    return (KnObject *)tb;
}

int jit_traceback_here(jit_frame *f)
{
    KnObject *exc = ob_err_fetch();
    if (exc == NULL)
        return 0;
    KnObject *fo = jit_frame_object(f);
    KnObject *tb = NULL;
    if (fo != NULL)
        tb = jit_traceback_new(ob_exc_get_traceback(exc), fo, f->lasti * 2, jit_frame_lineno(f));
    if (tb == NULL) {
        ob_err_clear();
        ob_err_restore(exc);
        return -1;
    }
    ((KnBaseExceptionObject *)exc)->traceback = tb;
    ob_err_restore(exc);
    return 0;
}

/* ---- Python attributes ---- */

#define TB(o) ((KnTracebackObject *)(o))

static KnObject *tb_get_next(KnObject *self, void *c)
{
    (void)c;
    return TB(self)->tb_next ? (KnObject *)TB(self)->tb_next : KN_None;
}

static int tb_set_next(KnObject *self, KnObject *v, void *c)
{
    (void)c;
    if (v == NULL) {
        ob_err_set_string(ob_exc_TypeError, "can't delete tb_next attribute");
        return -1;
    }
    if (v == KN_None) {
        TB(self)->tb_next = NULL;
        return 0;
    }
    if (KN_TYPE(v) != &jit_traceback_type) {
        ob_err_format(ob_exc_TypeError, "expected traceback object or None, got '%s'",
                      ob_type_name(KN_TYPE(v)));
        return -1;
    }
    for (KnTracebackObject *t = TB(v); t != NULL; t = t->tb_next)
        if (t == TB(self)) {
            ob_err_set_string(ob_exc_ValueError, "traceback loop detected");
            return -1;
        }
    TB(self)->tb_next = TB(v);
    return 0;
}

static KnObject *tb_get_frame(KnObject *self, void *c)
{
    (void)c;
    return TB(self)->tb_frame ? (KnObject *)TB(self)->tb_frame : KN_None;
}

static KnObject *tb_get_lasti(KnObject *self, void *c)
{
    (void)c;
    return ob_int_from_ssize(TB(self)->tb_lasti);
}

static KnObject *tb_get_lineno(KnObject *self, void *c)
{
    (void)c;
    return TB(self)->tb_lineno < 0 ? KN_None : ob_int_from_ssize(TB(self)->tb_lineno);
}

static KnGetSetDef tb_getset[] = {
    { "tb_next", tb_get_next, tb_set_next, NULL, NULL },
    { "tb_frame", tb_get_frame, NULL, NULL, NULL },
    { "tb_lasti", tb_get_lasti, NULL, NULL, NULL },
    { "tb_lineno", tb_get_lineno, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL },
};

/* types.TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno) */
static KnObject *tb_new(KnTypeObject *type, KnObject *args, KnObject *kwargs)
{
    static const char *const names[] = { "tb_next", "tb_frame", "tb_lasti", "tb_lineno", NULL };
    static const KnArgSpec spec = { "TracebackType", names, 4, 4, 0 };
    KnObject *a[4];
    (void)type;
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0)
        return NULL;
    if (a[0] != KN_None && KN_TYPE(a[0]) != &jit_traceback_type)
        return ob_err_format(ob_exc_TypeError,
                             "expected traceback object or None, got '%s'",
                             ob_type_name(KN_TYPE(a[0])));
    if (KN_TYPE(a[1]) != &jit_frame_type)
        return ob_err_format(ob_exc_TypeError,
                             "TracebackType() argument 'tb_frame' must be frame, not %s",
                             ob_type_name(KN_TYPE(a[1])));
    if (!KN_INT_CHECK(a[2]) || !KN_INT_CHECK(a[3]))
        return ob_err_format(ob_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                             ob_type_name(KN_TYPE(KN_INT_CHECK(a[2]) ? a[3] : a[2])));
    kn_ssize_t lasti = ob_int_as_ssize(a[2]), lineno = ob_int_as_ssize(a[3]);
    if ((lasti == -1 || lineno == -1) && ob_err_occurred())
        return NULL;
    return jit_traceback_new(a[0] == KN_None ? NULL : a[0], a[1], (int)lasti, (int)lineno);
}

KnTypeObject jit_traceback_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "traceback",
    .tp_basicsize = sizeof(KnTracebackObject),
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_getattro = ob_generic_getattr,
    .tp_getset = tb_getset,
    .tp_new = tb_new,
};
