/*
 * libobject/exceptions.h — layouts of the built-in exception objects
 * (src/exceptions.c, exc_types.c).  The classes themselves are ob_exc_<Name>
 * in errors.h.  Layouts are CPython 3.11's (PyBaseExceptionObject, ...).
 */
#ifndef LIBOBJECT_EXCEPTIONS_H
#define LIBOBJECT_EXCEPTIONS_H

#include "libobject/object.h"

#ifdef __cplusplus
extern "C" {
#endif

#define KN_EXC_HEAD \
    KN_OBJECT_HEAD; \
    KnObject *dict; \
    KnObject *args; \
    KnObject *notes; \
    KnObject *traceback; \
    KnObject *context; \
    KnObject *cause; \
    char suppress_context

typedef struct KnBaseExceptionObject { KN_EXC_HEAD; } KnBaseExceptionObject;

typedef struct KnBaseExceptionGroupObject {
    KN_EXC_HEAD;
    KnObject *msg;
    KnObject *excs;
} KnBaseExceptionGroupObject;

typedef struct KnSyntaxErrorObject {
    KN_EXC_HEAD;
    KnObject *msg, *filename, *lineno, *offset, *end_lineno, *end_offset, *text,
        *print_file_and_line;
} KnSyntaxErrorObject;

typedef struct KnImportErrorObject {
    KN_EXC_HEAD;
    KnObject *msg, *name, *path;
} KnImportErrorObject;

typedef struct KnUnicodeErrorObject {
    KN_EXC_HEAD;
    KnObject *encoding, *object;
    kn_ssize_t start, end;
    KnObject *reason;
} KnUnicodeErrorObject;

typedef struct KnSystemExitObject { KN_EXC_HEAD; KnObject *code; } KnSystemExitObject;

typedef struct KnOSErrorObject {
    KN_EXC_HEAD;
    KnObject *myerrno, *strerror, *filename, *filename2;
    kn_ssize_t written;
} KnOSErrorObject;

typedef struct KnStopIterationObject { KN_EXC_HEAD; KnObject *value; } KnStopIterationObject;

typedef struct KnNameErrorObject { KN_EXC_HEAD; KnObject *name; } KnNameErrorObject;

typedef struct KnAttributeErrorObject {
    KN_EXC_HEAD;
    KnObject *obj, *name;
} KnAttributeErrorObject;

#define KN_EXC_CHECK(o) KN_FAST_SUBCLASS(o, KN_TPFLAGS_BASE_EXC_SUBCLASS)
#define KN_EXC_CLASS_CHECK(t) (KN_FAST_SUBCLASS((KnObject *)(t), KN_TPFLAGS_TYPE_SUBCLASS) \
    && KN_TYPE_HAS_FLAG((KnTypeObject *)(t), KN_TPFLAGS_BASE_EXC_SUBCLASS))

/* New instance of exception class `type` with args tuple `args`
 * (calls the class).  NULL + error. */
KnObject *ob_exc_new(KnTypeObject *type, KnObject *args);
KnObject *ob_exc_get_traceback(KnObject *exc);
int ob_exc_set_traceback(KnObject *exc, KnObject *tb);   /* tb None or traceback */
KnObject *ob_exc_get_context(KnObject *exc);
void ob_exc_set_context(KnObject *exc, KnObject *ctx);
KnObject *ob_exc_get_cause(KnObject *exc);
void ob_exc_set_cause(KnObject *exc, KnObject *cause);   /* sets suppress_context */
KnObject *ob_exc_get_args(KnObject *exc);

/* StopIteration(value) raised with `value` (None when NULL). */
void ob_err_set_stop_iteration(KnObject *value);
/* Raise the OSError subclass matching errno (FileNotFoundError for ENOENT,
 * ...) with (errno, strerror[, filename]). */
KnObject *ob_err_from_errno(KnTypeObject *exc, KnObject *filename);

/* ---- confcomp: except* ----
 * The part of group eg whose leaves are the leaves of the exceptions in
 * the list keep (by identity), built through derive() as split() builds
 * its parts; None when nothing is kept.  CPython's
 * exception_group_projection, for the interpreter's PREP_RERAISE_STAR. */
KnObject *ob_exc_group_projection(KnObject *eg, KnObject *keep);

#ifdef __cplusplus
}
#endif
#endif /* LIBOBJECT_EXCEPTIONS_H */
