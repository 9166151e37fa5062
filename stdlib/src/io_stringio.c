/*
 * io_stringio.c — _io.StringIO, a text stream over an array of code points.
 *
 * newline= decides three things (CPython's rules):
 *   None   writes translate "\r\n" and "\r" to "\n" (readtranslate); lines
 *          end at "\n"; `newlines` reports what was written;
 *   ""     no translation; lines end at "\r", "\n" or "\r\n" (readuniversal);
 *   "\n"   no translation (the default); lines end at "\n";
 *   "\r", "\r\n"  writes turn "\n" into that string; lines end at it.
 * pos may lie past len; a write there pads with U+0000.
 */
#include <string.h>

#include "libgc/gc.h"
#include "io_internal.h"

typedef struct IoStringIO {
    IO_BASE_HEAD;
    uint32_t *buf;
    kn_ssize_t len, cap, pos;
    int ok, closed;
    uint32_t readnl[2];
    int readnl_len;
    int readuniversal, readtranslate;
    const char *writenl;        /* NULL, "\r" or "\r\n" */
    int has_decoder;
    IoNlState dec;
    KnObject *newline;          /* the newline argument (None or str) */
} IoStringIO;

#define SIO(o) ((IoStringIO *)(o))

static int check(KnObject *self)
{
    if (!SIO(self)->ok) {
        ob_err_set_string(ob_exc_ValueError, "I/O operation on uninitialized object");
        return -1;
    }
    if (SIO(self)->closed) {
        ob_err_set_string(ob_exc_ValueError, "I/O operation on closed file");
        return -1;
    }
    return 0;
}
#define CHECK(self) do { if (check(self) < 0) return NULL; } while (0)

static int reserve(IoStringIO *s, kn_ssize_t need)
{
    if (need <= s->cap)
        return 0;
    kn_ssize_t cap = s->cap < 16 ? 16 : s->cap;
    while (cap < need)
        cap = cap > KN_SSIZE_HALF / 4 ? need : cap * 2;
    uint32_t *p = s->buf ? kgc_realloc(s->buf, (size_t)cap * 4) : kgc_alloc_atomic((size_t)cap * 4);
    if (p == NULL) {
        ob_err_nomemory();
        return -1;
    }
    s->buf = p;
    s->cap = cap;
    return 0;
}

/* Write str `text` at pos after the newline rules; -1 on error. */
static int write_text(IoStringIO *s, KnObject *text)
{
    kn_ssize_t n;
    uint32_t *cp = io_ucs4_of(text, &n);
    if (cp == NULL)
        return -1;
    if (s->has_decoder && io_nl_process(&s->dec, cp, n, 1, &cp, &n) < 0)
        return -1;
    if (s->writenl != NULL) {
        kn_ssize_t nls = 0;
        for (kn_ssize_t i = 0; i < n; i++)
            nls += cp[i] == '\n';
        if (nls > 0) {
            int wl = (int)strlen(s->writenl);
            uint32_t *t = kgc_alloc_atomic((size_t)(n + nls * (wl - 1) + 1) * 4);
            if (t == NULL) {
                ob_err_nomemory();
                return -1;
            }
            kn_ssize_t w = 0;
            for (kn_ssize_t i = 0; i < n; i++) {
                if (cp[i] == '\n')
                    for (int k = 0; k < wl; k++)
                        t[w++] = (uint32_t)(unsigned char)s->writenl[k];
                else
                    t[w++] = cp[i];
            }
            cp = t;
            n = w;
        }
    }
    if (n == 0)
        return 0;
    if (n > KN_SSIZE_MAX / 4 - s->pos) {
        ob_err_nomemory();
        return -1;
    }
    if (reserve(s, s->pos + n) < 0)
        return -1;
    if (s->pos > s->len)
        memset(s->buf + s->len, 0, (size_t)(s->pos - s->len) * 4);
    io_memcpy(s->buf + s->pos, cp, (size_t)n * 4);
    s->pos += n;
    if (s->pos > s->len)
        s->len = s->pos;
    return 0;
}

static const char *const sio_kw[] = {"initial_value", "newline", NULL};
static const KnArgSpec sio_spec = {"StringIO", sio_kw, 0, 2, 0};

static int stringio_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    KnObject *a[2];
    if (ob_args_parse_tuple(&sio_spec, args, kwargs, a) < 0)
        return -1;
    KnObject *init = a[0], *nl = a[1];
    const char *newline = "\n";
    if (nl == KN_None) {
        newline = NULL;
    } else if (nl != NULL) {
        if (!KN_STR_CHECK(nl)) {
            ob_err_format(ob_exc_TypeError, "newline must be str or None, not %s",
                          ob_type_name(KN_TYPE(nl)));
            return -1;
        }
        newline = ob_str_as_utf8(nl, NULL);
        if (newline == NULL)
            return -1;
        if (strcmp(newline, "") && strcmp(newline, "\n") && strcmp(newline, "\r") &&
            strcmp(newline, "\r\n")) {
            ob_err_format(ob_exc_ValueError, "illegal newline value: %R", nl);
            return -1;
        }
    }
    if (init != NULL && init != KN_None && !KN_STR_CHECK(init)) {
        ob_err_format(ob_exc_TypeError, "initial_value must be str or None, not %s",
                      ob_type_name(KN_TYPE(init)));
        return -1;
    }
    IoStringIO *s = SIO(self);
    s->len = s->pos = 0;
    s->closed = 0;
    s->newline = newline == NULL ? KN_None : nl != NULL ? nl : ob_str_from_cstr("\n");
    s->readnl_len = 0;
    if (newline != NULL) {
        for (const char *p = newline; *p; p++)
            s->readnl[s->readnl_len++] = (uint32_t)*p;
    }
    s->readuniversal = newline == NULL || newline[0] == '\0';
    s->readtranslate = newline == NULL;
    s->writenl = newline != NULL && newline[0] == '\r' ? (newline[1] ? "\r\n" : "\r") : NULL;
    s->has_decoder = s->readuniversal;
    s->dec = (IoNlState){0, 0, s->readtranslate};
    s->ok = 1;
    if (init != NULL && init != KN_None && ob_str_length(init) > 0) {
        if (write_text(s, init) < 0)
            return -1;
        s->pos = 0;
    }
    return 0;
}

static KnObject *substr(IoStringIO *s, kn_ssize_t start, kn_ssize_t n)
{
    return ob_str_from_kind_data(KN_STR_4BYTE_KIND, s->buf + start, n);
}

static KnObject *stringio_read(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("read", nargs, 0, 1) < 0)
        return NULL;
    CHECK(self);
    kn_ssize_t size;
    if (io_size_arg(nargs ? args[0] : NULL, &size) < 0)
        return NULL;
    IoStringIO *s = SIO(self);
    kn_ssize_t n = s->len - s->pos;
    if (n < 0)
        n = 0;
    if (size >= 0 && size < n)
        n = size;
    KnObject *r = substr(s, s->pos < s->len ? s->pos : s->len, n);
    if (r != NULL)
        s->pos += n;
    return r;
}

static KnObject *readline_limit(IoStringIO *s, kn_ssize_t limit)
{
    if (s->pos >= s->len)
        return ob_str_empty();
    kn_ssize_t consumed, end = io_find_line_end(s->buf, s->pos, s->len, s->readtranslate,
                                                 s->readuniversal, s->readnl, s->readnl_len,
                                                 &consumed);
    kn_ssize_t n = (end < 0 ? s->len : end) - s->pos;
    if (limit >= 0 && n > limit)
        n = limit;
    KnObject *r = substr(s, s->pos, n);
    if (r != NULL)
        s->pos += n;
    return r;
}

static KnObject *stringio_readline(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("readline", nargs, 0, 1) < 0)
        return NULL;
    CHECK(self);
    kn_ssize_t size;
    if (io_size_arg(nargs ? args[0] : NULL, &size) < 0)
        return NULL;
    return readline_limit(SIO(self), size);
}

static KnObject *stringio_iternext(KnObject *self)
{
    CHECK(self);
    KnObject *line;
    if (KN_TYPE(self) == &io_stringio_type) {
        line = readline_limit(SIO(self), -1);
    } else {
        line = ob_call_method(self, "readline", 0);
        if (line != NULL && !KN_STR_CHECK(line))
            return ob_err_format(ob_exc_OSError, "readline() should have returned a str object, "
                                 "not '%s'", ob_type_name(KN_TYPE(line)));
    }
    if (line == NULL || ob_str_length(line) == 0)
        return NULL;
    return line;
}

static KnObject *stringio_write(KnObject *self, KnObject *obj)
{
    CHECK(self);
    if (!KN_STR_CHECK(obj))
        return ob_err_format(ob_exc_TypeError, "string argument expected, got '%s'",
                             ob_type_name(KN_TYPE(obj)));
    kn_ssize_t n = ob_str_length(obj);
    if (n > 0 && write_text(SIO(self), obj) < 0)
        return NULL;
    return ob_int_from_ssize(n);
}

static KnObject *stringio_seek(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("seek", nargs, 1, 2) < 0)
        return NULL;
    CHECK(self);
    kn_ssize_t pos = ob_number_as_ssize(args[0], ob_exc_OverflowError);
    if (pos == -1 && ob_err_occurred())
        return NULL;
    long long whence;
    if (io_whence_arg(args, nargs, &whence) < 0)
        return NULL;
    if (whence < 0 || whence > 2)
        return ob_err_format(ob_exc_ValueError, "Invalid whence (%lld, should be 0, 1 or 2)", whence);
    if (pos < 0 && whence == 0)
        return ob_err_format(ob_exc_ValueError, "Negative seek position %zd", pos);
    if (whence != 0 && pos != 0)
        return ob_err_format(ob_exc_OSError, "Can't do nonzero cur-relative seeks");
    IoStringIO *s = SIO(self);
    if (whence == 1)
        pos = s->pos;
    else if (whence == 2)
        pos = s->len;
    s->pos = pos;
    return ob_int_from_ssize(pos);
}

static KnObject *stringio_tell(KnObject *self, KnObject *unused)
{
    CHECK(self);
    return ob_int_from_ssize(SIO(self)->pos);
}

static KnObject *stringio_truncate(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("truncate", nargs, 0, 1) < 0)
        return NULL;
    CHECK(self);
    IoStringIO *s = SIO(self);
    kn_ssize_t size;
    if (io_truncate_size(args, nargs, s->pos, "Negative size value %zd", &size) < 0)
        return NULL;
    if (size < s->len)
        s->len = size;
    return ob_int_from_ssize(size);
}

static KnObject *stringio_getvalue(KnObject *self, KnObject *unused)
{
    CHECK(self);
    return substr(SIO(self), 0, SIO(self)->len);
}

static KnObject *stringio_true(KnObject *self, KnObject *unused)
{
    CHECK(self);
    return KN_True;
}

static KnObject *stringio_close(KnObject *self, KnObject *unused)
{
    SIO(self)->closed = 1;
    SIO(self)->iobase_closed = 1;
    SIO(self)->buf = NULL;
    SIO(self)->len = SIO(self)->cap = 0;
    return KN_None;
}

static KnObject *stringio_closed_get(KnObject *self, void *c)
{
    if (!SIO(self)->ok) {
        ob_err_set_string(ob_exc_ValueError, "I/O operation on uninitialized object");
        return NULL;
    }
    return KN_BOOL(SIO(self)->closed);
}

static KnObject *stringio_line_buffering_get(KnObject *self, void *c)
{
    CHECK(self);
    return KN_False;
}

static KnObject *stringio_newlines_get(KnObject *self, void *c)
{
    CHECK(self);
    return SIO(self)->has_decoder ? io_nl_newlines(SIO(self)->dec.seennl) : KN_None;
}

static KnObject *stringio_getstate(KnObject *self, KnObject *unused)
{
    KnObject *v = stringio_getvalue(self, NULL);
    if (v == NULL)
        return NULL;
    KnObject *d = SIO(self)->dict;
    if (d == NULL)
        d = KN_None;
    else if ((d = ob_dict_copy(d)) == NULL)
        return NULL;
    return ob_tuple_pack(4, v, SIO(self)->newline, ob_int_from_ssize(SIO(self)->pos), d);
}

static KnObject *stringio_setstate(KnObject *self, KnObject *state)
{
    if (!KN_TUPLE_CHECK(state) || KN_SIZE(state) < 4)
        return ob_err_format(ob_exc_TypeError,
                             "%s.__setstate__ argument should be 4-tuple, got %s",
                             KN_TYPE(self)->tp_name, ob_type_name(KN_TYPE(state)));
    KnObject *value = KN_TUPLE_GET(state, 0), *pos = KN_TUPLE_GET(state, 2),
             *d = KN_TUPLE_GET(state, 3);
    /* __init__ checks value and newline; the text is then put back as it
     * was, without a second newline translation */
    KnObject *init = ob_tuple_pack(2, KN_None, KN_TUPLE_GET(state, 1));
    if (init == NULL || stringio_init(self, init, NULL) < 0)
        return NULL;
    if (value != KN_None && !KN_STR_CHECK(value))
        return ob_err_format(ob_exc_TypeError, "initial_value must be str or None, not %s",
                             ob_type_name(KN_TYPE(value)));
    IoStringIO *s = SIO(self);
    if (value != KN_None) {
        kn_ssize_t n;
        uint32_t *cp = io_ucs4_of(value, &n);
        if (cp == NULL || reserve(s, n) < 0)
            return NULL;
        io_memcpy(s->buf, cp, (size_t)n * 4);
        s->len = n;
    }
    if (!KN_INT_CHECK(pos))
        return ob_err_format(ob_exc_TypeError, "third item of state must be an integer, got %s",
                             ob_type_name(KN_TYPE(pos)));
    kn_ssize_t p = ob_int_as_ssize(pos);
    if (p == -1 && ob_err_occurred())
        return NULL;
    if (p < 0)
        return ob_err_format(ob_exc_ValueError, "position value cannot be negative");
    s->pos = p;
    if (d != KN_None) {
        if (!KN_DICT_CHECK(d))
            return ob_err_format(ob_exc_TypeError, "fourth item of state should be a dict, got a %s",
                                 ob_type_name(KN_TYPE(d)));
        if (s->dict == NULL && (s->dict = ob_dict_new()) == NULL)
            return NULL;
        if (ob_dict_update(s->dict, d) < 0)
            return NULL;
    }
    return KN_None;
}

static KnMethodDef stringio_methods[] = {
    {"__getstate__", FC(stringio_getstate), KN_METH_NOARGS, NULL},
    {"__setstate__", FC(stringio_setstate), KN_METH_O, NULL},
    {"close", FC(stringio_close), KN_METH_NOARGS, NULL},
    {"getvalue", FC(stringio_getvalue), KN_METH_NOARGS, NULL},
    {"read", FC(stringio_read), KN_METH_FASTCALL, NULL},
    {"readline", FC(stringio_readline), KN_METH_FASTCALL, NULL},
    {"tell", FC(stringio_tell), KN_METH_NOARGS, NULL},
    {"truncate", FC(stringio_truncate), KN_METH_FASTCALL, NULL},
    {"seek", FC(stringio_seek), KN_METH_FASTCALL, NULL},
    {"write", FC(stringio_write), KN_METH_O, NULL},
    {"seekable", FC(stringio_true), KN_METH_NOARGS, NULL},
    {"readable", FC(stringio_true), KN_METH_NOARGS, NULL},
    {"writable", FC(stringio_true), KN_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static KnGetSetDef stringio_getset[] = {
    {"closed", stringio_closed_get, NULL, NULL, NULL},
    {"newlines", stringio_newlines_get, NULL, NULL, NULL},
    {"line_buffering", stringio_line_buffering_get, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

KnTypeObject io_stringio_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_io.StringIO",
    .tp_basicsize = sizeof(IoStringIO),
    .tp_getattro = ob_generic_getattr,
    .tp_setattro = ob_generic_setattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE | KN_TPFLAGS_HAVE_FINALIZE,
    .tp_doc = "Text I/O implementation using an in-memory buffer.",
    .tp_iternext = stringio_iternext,
    .tp_methods = stringio_methods,
    .tp_getset = stringio_getset,
    .tp_base = &io_textiobase_type,
    .tp_init = stringio_init,
    .tp_new = ob_type_generic_new,
};
