/*
 * io_rwpair.c — _io.BufferedRWPair: a BufferedReader over one raw stream
 * and a BufferedWriter over another, seen as one (unseekable) stream.
 */
#include "io_internal.h"

typedef struct IoRWPair {
    IO_BASE_HEAD;
    KnObject *reader, *writer;
} IoRWPair;

#define P(o) ((IoRWPair *)(o))

static const char *const pair_kw[] = {"reader", "writer", "buffer_size", NULL};
static const KnArgSpec pair_spec = {"BufferedRWPair", pair_kw, 2, 3, 0};

static int rwpair_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    KnObject *a[3];
    if (ob_args_parse_tuple(&pair_spec, args, kwargs, a) < 0)
        return -1;
    if (io_check_readable(a[0]) < 0 || io_check_writable(a[1]) < 0)
        return -1;
    KnObject *size = a[2] ? a[2] : ob_int_from_ssize(IO_DEFAULT_BUFFER_SIZE);
    KnObject *r = ob_vectorcall((KnObject *)&io_bufferedreader_type, (KnObject *[]){a[0], size}, 2, NULL);
    if (r == NULL)
        return -1;
    KnObject *w = ob_vectorcall((KnObject *)&io_bufferedwriter_type, (KnObject *[]){a[1], size}, 2, NULL);
    if (w == NULL)
        return -1;
    P(self)->reader = r;
    P(self)->writer = w;
    return 0;
}

static KnObject *side(KnObject *self, int writer)
{
    KnObject *s = writer ? P(self)->writer : P(self)->reader;
    if (s == NULL)
        ob_err_set_string(ob_exc_ValueError, "I/O operation on uninitialized object");
    return s;
}

/* Forward a call with the same positional arguments. */
static KnObject *forward(KnObject *self, int writer, const char *name, KnObject *const *args,
                         kn_ssize_t nargs)
{
    KnObject *s = side(self, writer);
    if (s == NULL)
        return NULL;
    KnObject *meth = ob_getattr_str(s, name);
    if (meth == NULL)
        return NULL;
    return ob_vectorcall(meth, args, (size_t)nargs, NULL);
}

#define FWD(fn, w, name) \
    static KnObject *fn(KnObject *self, KnObject *const *args, kn_ssize_t nargs) \
    { return forward(self, w, name, args, nargs); }

FWD(rwpair_read, 0, "read")
FWD(rwpair_peek, 0, "peek")
FWD(rwpair_read1, 0, "read1")
FWD(rwpair_readinto, 0, "readinto")
FWD(rwpair_readinto1, 0, "readinto1")
FWD(rwpair_readable, 0, "readable")
FWD(rwpair_write, 1, "write")
FWD(rwpair_flush, 1, "flush")
FWD(rwpair_writable, 1, "writable")

static KnObject *rwpair_close(KnObject *self, KnObject *unused)
{
    KnObject *w = side(self, 1), *r = side(self, 0);
    if (w == NULL || r == NULL)
        return NULL;
    KnObject *res = ob_call_method(w, "close", 0);
    KnObject *exc = res == NULL ? ob_err_fetch() : NULL;
    return io_close_finish(exc, ob_call_method(r, "close", 0));
}

static KnObject *rwpair_isatty(KnObject *self, KnObject *unused)
{
    KnObject *w = side(self, 1), *r = side(self, 0);
    if (w == NULL || r == NULL)
        return NULL;
    KnObject *res = ob_call_method(w, "isatty", 0);
    if (res == NULL || res != KN_False)
        return res;
    return ob_call_method(r, "isatty", 0);
}

static KnObject *rwpair_closed_get(KnObject *self, void *c)
{
    KnObject *w = side(self, 1);
    if (w == NULL) {
        ob_err_clear();
        ob_err_set_string(ob_exc_RuntimeError, "the BufferedRWPair object is being garbage-collected");
        return NULL;
    }
    return ob_getattr_str(w, "closed");
}

static KnMethodDef rwpair_methods[] = {
    {"read", FC(rwpair_read), KN_METH_FASTCALL, NULL},
    {"peek", FC(rwpair_peek), KN_METH_FASTCALL, NULL},
    {"read1", FC(rwpair_read1), KN_METH_FASTCALL, NULL},
    {"readinto", FC(rwpair_readinto), KN_METH_FASTCALL, NULL},
    {"readinto1", FC(rwpair_readinto1), KN_METH_FASTCALL, NULL},
    {"write", FC(rwpair_write), KN_METH_FASTCALL, NULL},
    {"flush", FC(rwpair_flush), KN_METH_FASTCALL, NULL},
    {"readable", FC(rwpair_readable), KN_METH_FASTCALL, NULL},
    {"writable", FC(rwpair_writable), KN_METH_FASTCALL, NULL},
    {"close", FC(rwpair_close), KN_METH_NOARGS, NULL},
    {"isatty", FC(rwpair_isatty), KN_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static KnGetSetDef rwpair_getset[] = {
    {"closed", rwpair_closed_get, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

KnTypeObject io_bufferedrwpair_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_io.BufferedRWPair",
    .tp_basicsize = sizeof(IoRWPair),
    .tp_getattro = ob_generic_getattr,
    .tp_setattro = ob_generic_setattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE | KN_TPFLAGS_HAVE_FINALIZE,
    .tp_doc = "A buffered reader and writer object together.",
    .tp_methods = rwpair_methods,
    .tp_getset = rwpair_getset,
    .tp_base = &io_bufferediobase_type,
    .tp_init = rwpair_init,
    .tp_new = ob_type_generic_new,
};
