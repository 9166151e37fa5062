/*
 * cjk_stream.c — MultibyteStreamReader / MultibyteStreamWriter.
 *
 * read(size) asks the stream for `size` bytes and, while that yields no
 * character yet (a sequence cut in two), for one more byte at a time; at
 * end of file (or with read() of everything) an incomplete tail is an
 * error.  The writer keeps a pair-starting character pending between
 * writes; reset() flushes it (python3.11 writes nothing when there is
 * nothing pending, not even a stateful codec's return to ASCII).
 */
#include <string.h>

#include "cjk_internal.h"

#define SELF ((CjkStateful *)self)

static KnObject *stream_new(const char *fname, KnTypeObject *t, KnObject *args, KnObject *kw,
                            int encoder)
{
    static const char *const names[] = {"stream", "errors", NULL};
    KnArgSpec spec = {fname, names, 1, 2, 0};
    KnObject *a[2] = {0};
    if (ob_args_parse_tuple(&spec, args, kw, a) < 0)
        return NULL;
    if (a[1] != NULL && !KN_STR_CHECK(a[1])) {
        ob_err_format(ob_exc_TypeError, "%s() argument 2 must be str, not %s", fname,
                      a[1] == KN_None ? "None" : ob_type_name(KN_TYPE(a[1])));
        return NULL;
    }
    return cjk_stateful_new(t, a[1], a[0], encoder);
}

/* ---- reader */

static KnObject *reader_new(KnTypeObject *t, KnObject *args, KnObject *kw)
{
    return stream_new("StreamReader", t, args, kw, 0);
}

static KnObject *iread(KnObject *self, const char *method, kn_ssize_t sizehint)
{
    if (sizehint == 0)
        return ob_str_empty();
    for (;;) {
        KnObject *data = sizehint < 0
                         ? ob_call_method(SELF->stream, method, 0)
                         : ob_call_method(SELF->stream, method, 1, ob_int_from_ssize(sizehint));
        if (data == NULL)
            return NULL;
        if (!KN_BYTES_CHECK(data)) {
            ob_err_format(ob_exc_TypeError, "stream function returned a non-bytes object (%.100s)",
                          ob_type_name(KN_TYPE(data)));
            return NULL;
        }
        kn_ssize_t rsize = KN_SIZE(data);
        KnObject *s = cjk_stateful_decode(SELF, data, KN_BYTES_AS_STRING(data), (size_t)rsize,
                                          rsize == 0 || sizehint < 0);
        if (s == NULL)
            return NULL;
        if (sizehint < 0 || ob_str_length(s) != 0 || rsize == 0)
            return s;
        sizehint = 1;   /* a sequence was cut: read one more byte */
    }
}

static int size_arg(const char *fname, KnObject *const *args, kn_ssize_t nargs, kn_ssize_t *size)
{
    if (nargs > 1) {
        ob_err_format(ob_exc_TypeError, "%s expected at most 1 argument, got %zd", fname, nargs);
        return -1;
    }
    *size = -1;
    if (nargs == 0 || args[0] == KN_None)
        return 0;
    if (!KN_INT_CHECK(args[0])) {
        ob_err_set_string(ob_exc_TypeError, "arg 1 must be an integer");
        return -1;
    }
    *size = ob_int_as_ssize(args[0]);
    return *size == -1 && ob_err_occurred() ? -1 : 0;
}

static KnObject *reader_read(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    kn_ssize_t size;
    return size_arg("read", args, nargs, &size) < 0 ? NULL : iread(self, "read", size);
}

static KnObject *reader_readline(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    kn_ssize_t size;
    return size_arg("readline", args, nargs, &size) < 0 ? NULL : iread(self, "readline", size);
}

static KnObject *reader_readlines(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    kn_ssize_t size;
    if (size_arg("readlines", args, nargs, &size) < 0)
        return NULL;
    KnObject *s = iread(self, "read", size);
    return s == NULL ? NULL : ob_call_method(s, "splitlines", 1, KN_True);
}

static KnObject *reader_reset(KnObject *self, KnObject *unused)
{
    (void)unused;
    SELF->pending = NULL;
    if (SELF->codec->decreset != NULL)   /* stateless codecs keep the state bytes */
        SELF->codec->decreset(&SELF->state);
    return KN_None;
}

/* ---- writer */

static KnObject *writer_new(KnTypeObject *t, KnObject *args, KnObject *kw)
{
    return stream_new("StreamWriter", t, args, kw, 1);
}

static int iwrite(KnObject *self, KnObject *s)
{
    KnObject *b = cjk_stateful_encode(SELF, s, 0);
    return b == NULL || ob_call_method(SELF->stream, "write", 1, b) == NULL ? -1 : 0;
}

static KnObject *writer_write(KnObject *self, KnObject *s)
{
    return iwrite(self, s) < 0 ? NULL : KN_None;
}

static KnObject *writer_writelines(KnObject *self, KnObject *lines)
{
    for (kn_ssize_t i = 0;; i++) {
        kn_ssize_t n = ob_length(lines);
        if (n < 0)
            return NULL;
        if (i >= n)
            return KN_None;
        KnObject *line = ob_sequence_getitem(lines, i);
        if (line == NULL || iwrite(self, line) < 0)
            return NULL;
    }
}

static KnObject *writer_reset(KnObject *self, KnObject *unused)
{
    (void)unused;
    if (SELF->pending == NULL)
        return KN_None;
    const char *errors = ob_str_as_utf8(SELF->errors, NULL);
    size_t n, used;
    uint32_t *u = errors ? cjk_str_ucs4(SELF->pending, &n) : NULL;
    CjkOut out = {0};
    if (u == NULL
        || cjk_encode_run(SELF->codec, &SELF->state, SELF->pending, u, n, errors,
                          CJK_FLUSH | CJK_RESET, &out, &used) < 0)
        return NULL;
    SELF->pending = NULL;
    if (out.len > 0) {
        KnObject *b = cjk_out_to_bytes(&out);
        if (b == NULL || ob_call_method(SELF->stream, "write", 1, b) == NULL)
            return NULL;
    }
    return KN_None;
}

#define CJ_FC(f) ((KnCFunction)(void (*)(void))(f))

static KnMethodDef reader_methods[] = {
    {"read", CJ_FC(reader_read), KN_METH_FASTCALL, NULL},
    {"readline", CJ_FC(reader_readline), KN_METH_FASTCALL, NULL},
    {"readlines", CJ_FC(reader_readlines), KN_METH_FASTCALL, NULL},
    {"reset", CJ_FC(reader_reset), KN_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static KnMethodDef writer_methods[] = {
    {"write", CJ_FC(writer_write), KN_METH_O, NULL},
    {"writelines", CJ_FC(writer_writelines), KN_METH_O, NULL},
    {"reset", CJ_FC(writer_reset), KN_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static KnMemberDef stream_members[] = {
    {"stream", KN_T_OBJECT, offsetof(CjkStateful, stream), KN_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

KnTypeObject cjk_reader_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_multibytecodec.MultibyteStreamReader",
    .tp_basicsize = sizeof(CjkStateful),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_methods = reader_methods,
    .tp_members = stream_members,
    .tp_getset = cjk_stateful_getset,
    .tp_init = cjk_noop_init,
    .tp_new = reader_new,
};

KnTypeObject cjk_writer_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_multibytecodec.MultibyteStreamWriter",
    .tp_basicsize = sizeof(CjkStateful),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_methods = writer_methods,
    .tp_members = stream_members,
    .tp_getset = cjk_stateful_getset,
    .tp_init = cjk_noop_init,
    .tp_new = writer_new,
};
