/*
 * exc_fields.c — exception classes with fields of their own: SystemExit,
 * StopIteration, KeyError's str, AttributeError/NameError (name, obj),
 * ImportError (msg, name, path), OSError (errno, strerror, filename,
 * filename2, errno -> subclass), SyntaxError (msg and location).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "exc_fields.h"

#define EXC(o) ((KnBaseExceptionObject *)(o))

/* Every init also sets args (BaseException.__init__'s job). */
static int base_init(KnObject *self, KnObject *args)
{
    EXC(self)->args = args;
    return 0;
}

static int no_kwargs(KnObject *self, KnObject *kwargs)
{
    return ob_args_no_kwargs_dict(ob_type_name(KN_TYPE(self)), kwargs);
}

static KnObject *first_or_none(KnObject *args)
{
    return KN_SIZE(args) > 0 ? KN_TUPLE_GET(args, 0) : KN_None;
}

/* ---- SystemExit, StopIteration ---- */

int ob_exc_systemexit_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    if (no_kwargs(self, kwargs) < 0)
        return -1;
    base_init(self, args);
    ((KnSystemExitObject *)self)->code = KN_SIZE(args) == 0 ? KN_None
                                       : KN_SIZE(args) == 1 ? KN_TUPLE_GET(args, 0) : args;
    return 0;
}

KnMemberDef ob_exc_systemexit_members[] = {
    { "code", KN_T_OBJECT, offsetof(KnSystemExitObject, code), 0, "exception code" },
    { NULL, 0, 0, 0, NULL }
};

int ob_exc_stopiteration_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    if (no_kwargs(self, kwargs) < 0)
        return -1;
    base_init(self, args);
    ((KnStopIterationObject *)self)->value = first_or_none(args);
    return 0;
}

KnMemberDef ob_exc_stopiteration_members[] = {
    { "value", KN_T_OBJECT, offsetof(KnStopIterationObject, value), 0, "generator return value" },
    { NULL, 0, 0, 0, NULL }
};

/* ---- KeyError: str() of a single key is its repr ---- */

KnObject *ob_exc_keyerror_str(KnObject *self)
{
    KnObject *args = EXC(self)->args;
    if (KN_SIZE(args) == 1)
        return ob_repr(KN_TUPLE_GET(args, 0));
    if (KN_SIZE(args) == 0)
        return ob_str_from_utf8("", 0);
    return ob_str(args);
}

/* ---- AttributeError / NameError: keyword-only name (and obj) ---- */

static int kw_only(KnObject *self, KnObject *kwargs, const char *const *names, KnObject **out)
{
    KnArgSpec spec = { ob_type_name(KN_TYPE(self)), names, 0, 0, 0 };
    return ob_args_parse_tuple(&spec, ob_tuple_empty(), kwargs, out);
}

int ob_exc_attributeerror_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    static const char *const names[] = { "name", "obj", NULL };
    KnObject *out[2];
    if (kw_only(self, kwargs, names, out) < 0)
        return -1;
    base_init(self, args);
    ((KnAttributeErrorObject *)self)->name = out[0];
    ((KnAttributeErrorObject *)self)->obj = out[1];
    return 0;
}

KnMemberDef ob_exc_attributeerror_members[] = {
    { "name", KN_T_OBJECT, offsetof(KnAttributeErrorObject, name), 0, "attribute name" },
    { "obj", KN_T_OBJECT, offsetof(KnAttributeErrorObject, obj), 0, "object" },
    { NULL, 0, 0, 0, NULL }
};

int ob_exc_nameerror_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    static const char *const names[] = { "name", NULL };
    KnObject *out[1];
    if (kw_only(self, kwargs, names, out) < 0)
        return -1;
    base_init(self, args);
    ((KnNameErrorObject *)self)->name = out[0];
    return 0;
}

KnMemberDef ob_exc_nameerror_members[] = {
    { "name", KN_T_OBJECT, offsetof(KnNameErrorObject, name), 0, "name" },
    { NULL, 0, 0, 0, NULL }
};

/* ---- ImportError ---- */

int ob_exc_importerror_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    static const char *const names[] = { "name", "path", NULL };
    KnObject *out[2];
    if (kw_only(self, kwargs, names, out) < 0)
        return -1;
    base_init(self, args);
    KnImportErrorObject *e = (KnImportErrorObject *)self;
    e->name = out[0];
    e->path = out[1];
    e->msg = KN_SIZE(args) == 1 ? KN_TUPLE_GET(args, 0) : NULL;
    return 0;
}

KnObject *ob_exc_importerror_str(KnObject *self)
{
    KnImportErrorObject *e = (KnImportErrorObject *)self;
    if (e->msg != NULL && e->msg != KN_None)
        return ob_str(e->msg);
    KnObject *args = EXC(self)->args;
    if (KN_SIZE(args) == 0)
        return ob_str_from_utf8("", 0);
    return ob_str(KN_SIZE(args) == 1 ? KN_TUPLE_GET(args, 0) : args);
}

/* (type, args[, state]): state is the instance dict plus name and path
 * when set, so a copy or pickle keeps them (CPython's ImportError_reduce). */
static KnObject *importerror_reduce(KnObject *self, KnObject *unused)
{
    KnImportErrorObject *e = (KnImportErrorObject *)self;
    KnObject *state = EXC(self)->dict;
    if (e->name != NULL || e->path != NULL) {
        state = state ? ob_dict_copy(state) : ob_dict_new();
        if (state == NULL)
            return NULL;
        if (e->name != NULL && ob_dict_setitem(state, ob_str_intern_cstr("name"), e->name) < 0)
            return NULL;
        if (e->path != NULL && ob_dict_setitem(state, ob_str_intern_cstr("path"), e->path) < 0)
            return NULL;
    }
    if (state == NULL)
        return ob_tuple_pack(2, (KnObject *)KN_TYPE(self), EXC(self)->args);
    return ob_tuple_pack(3, (KnObject *)KN_TYPE(self), EXC(self)->args, state);
}

KnMethodDef ob_exc_importerror_methods[] = {
    { "__reduce__", (KnCFunction)importerror_reduce, KN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL }
};

KnMemberDef ob_exc_importerror_members[] = {
    { "msg", KN_T_OBJECT, offsetof(KnImportErrorObject, msg), 0, "exception message" },
    { "name", KN_T_OBJECT, offsetof(KnImportErrorObject, name), 0, "module name" },
    { "path", KN_T_OBJECT, offsetof(KnImportErrorObject, path), 0, "module path" },
    { NULL, 0, 0, 0, NULL }
};

/* ---- OSError ---- */

int ob_exc_oserror_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    if (no_kwargs(self, kwargs) < 0)
        return -1;
    KnOSErrorObject *e = (KnOSErrorObject *)self;
    kn_ssize_t n = KN_SIZE(args);
    base_init(self, args);
    e->written = -1;
    if (n >= 2 && n <= 5) {
        e->myerrno = KN_TUPLE_GET(args, 0);
        e->strerror = KN_TUPLE_GET(args, 1);
        KnObject *f = n >= 3 ? KN_TUPLE_GET(args, 2) : KN_None;
        if (f != KN_None) {
            /* BlockingIOError(errno, msg, n): n is characters_written */
            KnNumberMethods *nb = KN_TYPE(f)->tp_as_number;
            if (KN_TYPE(self) == ob_exc_BlockingIOError && nb != NULL &&
                (nb->nb_index || nb->nb_int || nb->nb_float)) {
                e->written = ob_number_as_ssize(f, ob_exc_ValueError);
                if (e->written == -1 && ob_err_occurred())
                    return -1;
            } else {
                e->filename = f;
                if (n == 5 && KN_TUPLE_GET(args, 4) != KN_None)
                    e->filename2 = KN_TUPLE_GET(args, 4);
                /* with a filename, args keeps only (errno, strerror) */
                KnObject *two = ob_tuple_pack(2, e->myerrno, e->strerror);
                if (two == NULL)
                    return -1;
                EXC(self)->args = two;
            }
        }
    }
    return 0;
}

KnObject *ob_exc_oserror_str(KnObject *self)
{
    KnOSErrorObject *e = (KnOSErrorObject *)self;
    if (e->filename != NULL && e->filename != KN_None) {
        if (e->filename2 != NULL && e->filename2 != KN_None)
            return ob_str_from_format("[Errno %S] %S: %R -> %R", e->myerrno, e->strerror,
                                      e->filename, e->filename2);
        return ob_str_from_format("[Errno %S] %S: %R", e->myerrno, e->strerror, e->filename);
    }
    if (e->myerrno != NULL && e->strerror != NULL)
        return ob_str_from_format("[Errno %S] %S", e->myerrno, e->strerror);
    KnObject *args = EXC(self)->args;
    if (KN_SIZE(args) == 0)
        return ob_str_from_utf8("", 0);
    return ob_str(KN_SIZE(args) == 1 ? KN_TUPLE_GET(args, 0) : args);
}

/* (type, args[, dict]) with the filename(s) put back into args, which
 * __init__ shortened to (errno, strerror) (CPython's OSError_reduce). */
static KnObject *oserror_reduce(KnObject *self, KnObject *unused)
{
    KnOSErrorObject *e = (KnOSErrorObject *)self;
    KnObject *args = EXC(self)->args;
    int have_f2 = e->filename2 != NULL && e->filename2 != KN_None;
    if (KN_SIZE(args) == 2 && e->filename != NULL && e->filename != KN_None) {
        args = have_f2 ? ob_tuple_pack(5, KN_TUPLE_GET(args, 0), KN_TUPLE_GET(args, 1),
                                       e->filename, KN_None, e->filename2)
                       : ob_tuple_pack(3, KN_TUPLE_GET(args, 0), KN_TUPLE_GET(args, 1),
                                       e->filename);
        if (args == NULL)
            return NULL;
    }
    if (EXC(self)->dict != NULL)
        return ob_tuple_pack(3, (KnObject *)KN_TYPE(self), args, EXC(self)->dict);
    return ob_tuple_pack(2, (KnObject *)KN_TYPE(self), args);
}

KnMethodDef ob_exc_oserror_methods[] = {
    { "__reduce__", (KnCFunction)oserror_reduce, KN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL }
};

static KnObject *oserror_get_written(KnObject *self, void *c)
{
    KnOSErrorObject *e = (KnOSErrorObject *)self;
    if (e->written == -1)
        return ob_err_format(ob_exc_AttributeError, "characters_written");
    return ob_int_from_ssize(e->written);
}

static int oserror_set_written(KnObject *self, KnObject *v, void *c)
{
    KnOSErrorObject *e = (KnOSErrorObject *)self;
    if (v == NULL) {
        if (e->written == -1) {
            ob_err_format(ob_exc_AttributeError, "characters_written");
            return -1;
        }
        e->written = -1;
        return 0;
    }
    kn_ssize_t n = ob_number_as_ssize(v, ob_exc_ValueError);
    if (n == -1 && ob_err_occurred())
        return -1;
    e->written = n;
    return 0;
}

KnGetSetDef ob_exc_oserror_getset[] = {
    { "characters_written", oserror_get_written, oserror_set_written, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

KnMemberDef ob_exc_oserror_members[] = {
    { "errno", KN_T_OBJECT, offsetof(KnOSErrorObject, myerrno), 0, "POSIX exception code" },
    { "strerror", KN_T_OBJECT, offsetof(KnOSErrorObject, strerror), 0, "exception strerror" },
    { "filename", KN_T_OBJECT, offsetof(KnOSErrorObject, filename), 0, "exception filename" },
    { "filename2", KN_T_OBJECT, offsetof(KnOSErrorObject, filename2), 0, "second exception filename" },
    { NULL, 0, 0, 0, NULL }
};

/* errno -> the OSError subclass CPython raises for it. */
static KnTypeObject *errno_class(int code)
{
    switch (code) {
    case EAGAIN: case EALREADY: case EINPROGRESS: return ob_exc_BlockingIOError;
    case ECHILD: return ob_exc_ChildProcessError;
    case EPIPE: case ESHUTDOWN: return ob_exc_BrokenPipeError;
    case ECONNABORTED: return ob_exc_ConnectionAbortedError;
    case ECONNREFUSED: return ob_exc_ConnectionRefusedError;
    case ECONNRESET: return ob_exc_ConnectionResetError;
    case EEXIST: return ob_exc_FileExistsError;
    case ENOENT: return ob_exc_FileNotFoundError;
    case EINTR: return ob_exc_InterruptedError;
    case EISDIR: return ob_exc_IsADirectoryError;
    case ENOTDIR: return ob_exc_NotADirectoryError;
    case EACCES: case EPERM: return ob_exc_PermissionError;
    case ESRCH: return ob_exc_ProcessLookupError;
    case ETIMEDOUT: return ob_exc_TimeoutError;
    default: return NULL;
    }
}

/* OSError(errno, ...) called on OSError itself picks the subclass. */
KnObject *ob_exc_oserror_new(KnTypeObject *t, KnObject *args, KnObject *kwargs);
KnObject *ob_exc_oserror_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    kn_ssize_t n = KN_SIZE(args);
    if (t == ob_exc_OSError && n >= 2 && n <= 5 && KN_INT_CHECK(KN_TUPLE_GET(args, 0))) {
        int overflow;
        long long code = ob_int_as_long_long_and_overflow(KN_TUPLE_GET(args, 0), &overflow);
        KnTypeObject *sub = overflow ? NULL : errno_class((int)code);
        if (sub != NULL)
            t = sub;
    }
    KnObject *self = t->tp_alloc(t, 0);
    if (self != NULL)
        EXC(self)->args = args;
    return self;
}

KnObject *ob_err_from_errno(KnTypeObject *exc, KnObject *filename)
{
    int code = errno;
    KnObject *num = ob_int_from_ssize(code);
    KnObject *msg = ob_str_from_cstr(strerror(code));
    if (num == NULL || msg == NULL)
        return NULL;
    KnObject *args = filename ? ob_tuple_pack(3, num, msg, filename) : ob_tuple_pack(2, num, msg);
    if (args == NULL)
        return NULL;
    ob_err_set_object(exc ? exc : ob_exc_OSError, args);
    return NULL;
}

/* ---- SyntaxError ---- */

int ob_exc_syntaxerror_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    if (no_kwargs(self, kwargs) < 0)
        return -1;
    base_init(self, args);
    KnSyntaxErrorObject *e = (KnSyntaxErrorObject *)self;
    kn_ssize_t n = KN_SIZE(args);
    if (n >= 1)
        e->msg = KN_TUPLE_GET(args, 0);
    if (n == 2) {
        KnObject *info = ob_sequence_tuple(KN_TUPLE_GET(args, 1));
        if (info == NULL)
            return -1;
        kn_ssize_t m = KN_SIZE(info);
        if (m < 4 || m > 6) {
            ob_err_format(ob_exc_TypeError, "function takes at %s %d arguments (%zd given)",
                          m < 4 ? "least" : "most", m < 4 ? 4 : 6, m);
            return -1;
        }
        e->filename = KN_TUPLE_GET(info, 0);
        e->lineno = KN_TUPLE_GET(info, 1);
        e->offset = KN_TUPLE_GET(info, 2);
        e->text = KN_TUPLE_GET(info, 3);
        if (m >= 5)
            e->end_lineno = KN_TUPLE_GET(info, 4);
        if (m == 6)
            e->end_offset = KN_TUPLE_GET(info, 5);
    }
    return 0;
}

KnObject *ob_exc_syntaxerror_str(KnObject *self)
{
    KnSyntaxErrorObject *e = (KnSyntaxErrorObject *)self;
    KnObject *msg = ob_str(e->msg ? e->msg : KN_None);
    if (msg == NULL)
        return NULL;
    KnObject *fname = NULL;
    if (e->filename != NULL && KN_STR_CHECK(e->filename)) {
        /* only the base name is shown */
        kn_ssize_t len;
        const char *f = ob_str_as_utf8(e->filename, &len);
        if (f == NULL)
            return NULL;
        const char *slash = strrchr(f, '/');
        fname = ob_str_from_cstr(slash ? slash + 1 : f);
        if (fname == NULL)
            return NULL;
    }
    int have_line = e->lineno != NULL && KN_INT_CHECK(e->lineno);
    if (fname && have_line)
        return ob_str_from_format("%U (%U, line %S)", msg, fname, e->lineno);
    if (fname)
        return ob_str_from_format("%U (%U)", msg, fname);
    if (have_line)
        return ob_str_from_format("%U (line %S)", msg, e->lineno);
    return msg;
}

KnMemberDef ob_exc_syntaxerror_members[] = {
    { "msg", KN_T_OBJECT, offsetof(KnSyntaxErrorObject, msg), 0, "exception msg" },
    { "filename", KN_T_OBJECT, offsetof(KnSyntaxErrorObject, filename), 0, "exception filename" },
    { "lineno", KN_T_OBJECT, offsetof(KnSyntaxErrorObject, lineno), 0, "exception lineno" },
    { "offset", KN_T_OBJECT, offsetof(KnSyntaxErrorObject, offset), 0, "exception offset" },
    { "text", KN_T_OBJECT, offsetof(KnSyntaxErrorObject, text), 0, "exception text" },
    { "end_lineno", KN_T_OBJECT, offsetof(KnSyntaxErrorObject, end_lineno), 0, "exception end lineno" },
    { "end_offset", KN_T_OBJECT, offsetof(KnSyntaxErrorObject, end_offset), 0, "exception end offset" },
    { "print_file_and_line", KN_T_OBJECT, offsetof(KnSyntaxErrorObject, print_file_and_line), 0, "exception print_file_and_line" },
    { NULL, 0, 0, 0, NULL }
};

/* ---- UnicodeDecodeError / UnicodeEncodeError / UnicodeTranslateError ----
 *
 * The five fields of KnUnicodeErrorObject are set by __init__ from
 * (encoding, object, start, end, reason) -- (object, start, end, reason)
 * for UnicodeTranslateError, whose encoding stays None.  Only the
 * constructor checks types; the attributes are plain members afterwards,
 * as in CPython. */

#define UERR(o) ((KnUnicodeErrorObject *)(o))

/* "argument N must be str, not T" (CPython's "U" conversion). */
static int uerr_str_arg(KnObject *args, kn_ssize_t i, KnObject **out)
{
    KnObject *v = KN_TUPLE_GET(args, i);
    if (!KN_STR_CHECK(v)) {
        ob_err_format(ob_exc_TypeError, "argument %zd must be str, not %.50s", i + 1,
                      v == KN_None ? "None" : KN_TNAME(v));
        return -1;
    }
    *out = v;
    return 0;
}

/* An index-sized position ("n" conversion). */
static int uerr_pos_arg(KnObject *args, kn_ssize_t i, kn_ssize_t *out)
{
    KnObject *v = ob_number_index(KN_TUPLE_GET(args, i));
    if (v == NULL)
        return -1;
    *out = ob_int_as_ssize(v);
    return *out == -1 && ob_err_occurred() ? -1 : 0;
}

/* bytes of a bytes-like object (decode errors keep a bytes copy). */
static KnObject *uerr_bytes_of(KnObject *o)
{
    if (KN_TYPE(o) == &ob_bytes_type)
        return o;
    KnBufferProcs *bp = KN_TYPE(o)->tp_as_buffer;
    if (bp == NULL || bp->bf_getbuffer == NULL)
        return ob_err_format(ob_exc_TypeError, "a bytes-like object is required, not '%.100s'",
                             KN_TNAME(o));
    KnBuffer view;
    if (bp->bf_getbuffer(o, &view, 0) < 0)
        return NULL;
    KnObject *b = ob_bytes_from_data(view.buf, view.len);
    if (bp->bf_releasebuffer != NULL)
        bp->bf_releasebuffer(o, &view);
    return b;
}

enum { UERR_DECODE, UERR_ENCODE, UERR_TRANSLATE };

/* Common part of the three inits: args set, fields cleared, then
 * (encoding,) object, start, end, reason parsed in order. */
static int uerr_init(KnObject *self, KnObject *args, KnObject *kwargs, int mode)
{
    if (no_kwargs(self, kwargs) < 0)
        return -1;
    base_init(self, args);
    KnUnicodeErrorObject *u = UERR(self);
    u->encoding = u->object = u->reason = NULL;
    u->start = u->end = 0;
    kn_ssize_t want = mode == UERR_TRANSLATE ? 4 : 5, n = KN_SIZE(args);
    if (n != want) {
        ob_err_format(ob_exc_TypeError, "function takes exactly %zd arguments (%zd given)", want,
                      n);
        return -1;
    }
    kn_ssize_t i = 0;
    KnObject *encoding = NULL, *object, *reason;
    kn_ssize_t start, end;
    if (mode != UERR_TRANSLATE && uerr_str_arg(args, i++, &encoding) < 0)
        return -1;
    object = KN_TUPLE_GET(args, i);
    if (mode != UERR_DECODE && uerr_str_arg(args, i, &object) < 0)
        return -1;
    i++;
    if (uerr_pos_arg(args, i++, &start) < 0 || uerr_pos_arg(args, i++, &end) < 0 ||
        uerr_str_arg(args, i, &reason) < 0)
        return -1;
    if (mode == UERR_DECODE && (object = uerr_bytes_of(object)) == NULL)
        return -1;
    u->encoding = encoding;
    u->object = object;
    u->start = start;
    u->end = end;
    u->reason = reason;
    return 0;
}

int ob_exc_unicodedecode_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    return uerr_init(self, args, kwargs, UERR_DECODE);
}

int ob_exc_unicodeencode_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    return uerr_init(self, args, kwargs, UERR_ENCODE);
}

int ob_exc_unicodetranslate_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    return uerr_init(self, args, kwargs, UERR_TRANSLATE);
}

/* str() of encoding and reason (any object once assigned). */
static int uerr_texts(KnObject *self, KnObject **enc, KnObject **reason)
{
    KnUnicodeErrorObject *u = UERR(self);
    *reason = ob_str(u->reason ? u->reason : KN_None);
    if (*reason == NULL)
        return -1;
    if (enc != NULL && (*enc = ob_str(u->encoding ? u->encoding : KN_None)) == NULL)
        return -1;
    return 0;
}

/* Does [start, end) name the single item at start, inside len items?
 * (CPython reads the item without the start >= 0 check; Kiln falls back
 * to the range wording instead of reading outside the object.) */
static int uerr_single(const KnUnicodeErrorObject *u, kn_ssize_t len)
{
    return u->start >= 0 && u->start < len && u->end == u->start + 1;
}

KnObject *ob_exc_unicodedecode_str(KnObject *self)
{
    KnUnicodeErrorObject *u = UERR(self);
    KnObject *enc, *reason;
    if (u->object == NULL)
        return ob_str_from_utf8("", 0);
    if (uerr_texts(self, &enc, &reason) < 0)
        return NULL;
    if (KN_BYTES_CHECK(u->object) && uerr_single(u, KN_SIZE(u->object))) {
        char byte[8];
        snprintf(byte, sizeof byte, "0x%02x",
                 (unsigned char)KN_BYTES_AS_STRING(u->object)[u->start]);
        return ob_str_from_format("'%U' codec can't decode byte %s in position %zd: %U", enc,
                                  byte, u->start, reason);
    }
    return ob_str_from_format("'%U' codec can't decode bytes in position %zd-%zd: %U", enc,
                              u->start, u->end - 1, reason);
}

/* '\xNN', '\uNNNN' or '\UNNNNNNNN' of character i of s. */
static void uerr_char_escape(KnObject *s, kn_ssize_t i, char *buf, size_t n)
{
    uint32_t c = KN_STR_READ(KN_STR_KIND(s), KN_STR_DATA(s), i);
    if (c <= 0xff)
        snprintf(buf, n, "'\\x%02x'", c);
    else if (c <= 0xffff)
        snprintf(buf, n, "'\\u%04x'", c);
    else
        snprintf(buf, n, "'\\U%08x'", c);
}

static KnObject *uerr_char_str(KnObject *self, int translate)
{
    KnUnicodeErrorObject *u = UERR(self);
    KnObject *enc = NULL, *reason;
    if (u->object == NULL)
        return ob_str_from_utf8("", 0);
    if (uerr_texts(self, translate ? NULL : &enc, &reason) < 0)
        return NULL;
    if (KN_STR_CHECK(u->object) && uerr_single(u, KN_STR_LEN(u->object))) {
        char ch[16];
        uerr_char_escape(u->object, u->start, ch, sizeof ch);
        if (translate)
            return ob_str_from_format("can't translate character %s in position %zd: %U", ch,
                                      u->start, reason);
        return ob_str_from_format("'%U' codec can't encode character %s in position %zd: %U",
                                  enc, ch, u->start, reason);
    }
    if (translate)
        return ob_str_from_format("can't translate characters in position %zd-%zd: %U",
                                  u->start, u->end - 1, reason);
    return ob_str_from_format("'%U' codec can't encode characters in position %zd-%zd: %U", enc,
                              u->start, u->end - 1, reason);
}

KnObject *ob_exc_unicodeencode_str(KnObject *self) { return uerr_char_str(self, 0); }
KnObject *ob_exc_unicodetranslate_str(KnObject *self) { return uerr_char_str(self, 1); }

KnMemberDef ob_exc_unicodeerror_members[] = {
    { "encoding", KN_T_OBJECT, offsetof(KnUnicodeErrorObject, encoding), 0, "exception encoding" },
    { "object", KN_T_OBJECT, offsetof(KnUnicodeErrorObject, object), 0, "exception object" },
    { "start", KN_T_PYSSIZET, offsetof(KnUnicodeErrorObject, start), 0, "exception start" },
    { "end", KN_T_PYSSIZET, offsetof(KnUnicodeErrorObject, end), 0, "exception end" },
    { "reason", KN_T_OBJECT, offsetof(KnUnicodeErrorObject, reason), 0, "exception reason" },
    { NULL, 0, 0, 0, NULL }
};
