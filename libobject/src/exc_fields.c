/*
 * exc_fields.c — exception classes with fields of their own: SystemExit,
 * StopIteration, KeyError's str, AttributeError/NameError (name, obj),
 * ImportError (msg, name, path), OSError (errno, strerror, filename,
 * filename2, errno -> subclass), SyntaxError (msg and location).
 */
#include <errno.h>
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
        if (n >= 3) {
            e->filename = KN_TUPLE_GET(args, 2);
            if (n == 5)
                e->filename2 = KN_TUPLE_GET(args, 4);
            /* with a filename, args keeps only (errno, strerror) */
            KnObject *two = ob_tuple_pack(2, e->myerrno, e->strerror);
            if (two == NULL)
                return -1;
            EXC(self)->args = two;
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
    if (t == ob_exc_OSError && KN_SIZE(args) >= 2 && KN_INT_CHECK(KN_TUPLE_GET(args, 0))) {
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
            ob_err_set_string(ob_exc_IndexError, "tuple index out of range");
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
