/*
 * unix_internal.h — helpers shared by the Unix database and terminal
 * modules of stdlib/build-unix.ninja (pwd, grp, spwd, termios, resource,
 * syslog, _crypt, mmap, _posixshmem, _multiprocessing): file-system string
 * conversion, user / group id arguments, integer constant tables and the
 * errno-selected OSError.
 */
#ifndef STDLIB_UNIX_INTERNAL_H
#define STDLIB_UNIX_INTERNAL_H

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>

#include "libobject/libobject.h"
#include "intarg.h"

#define UX_FC(f) ((KnCFunction)(void (*)(void))(f))
#define UX_KW (KN_METH_FASTCALL | KN_METH_KEYWORDS)

/* A C string from the system decoded as os.fsdecode does (utf-8,
 * surrogateescape); NULL pointers become None. */
static inline KnObject *ux_fsdecode(const char *s)
{
    if (s == NULL)
        return KN_None;
    return ob_str_decode_utf8(s, (kn_ssize_t)strlen(s), "surrogateescape");
}

/* The type name argument-clinic messages print ("None" for None). */
static inline const char *ux_arg_type_name(KnObject *o)
{
    return o == KN_None ? "None" : ob_type_name(KN_TYPE(o));
}

/* A str argument as UTF-8 (strict), as argument clinic's str converters
 * read one: TypeError "<fname>() <what> must be str, not T" (what is
 * "argument", "argument 1", "argument 'name'" ...), and with check_nul
 * ValueError "embedded null character" ("s"; without it, as
 * PyUnicode_AsUTF8, a NUL simply ends the C string). */
static inline const char *ux_utf8_arg(KnObject *o, const char *fname, const char *what, int check_nul)
{
    if (!KN_STR_CHECK(o)) {
        ob_err_format(ob_exc_TypeError, "%s() %s must be str, not %s", fname, what, ux_arg_type_name(o));
        return NULL;
    }
    kn_ssize_t n;
    const char *s = ob_str_as_utf8(o, &n);
    if (s != NULL && check_nul && strlen(s) != (size_t)n) {
        ob_err_set_string(ob_exc_ValueError, "embedded null character");
        return NULL;
    }
    return s;
}

/* A str argument encoded for the system (utf-8, surrogateescape), with
 * ValueError "embedded null byte" as CPython's converters raise.  The
 * result points into the bytes object stored in *keep. */
static inline const char *ux_fsencode(KnObject *s, KnObject **keep)
{
    KnObject *b = ob_str_encode(s, "utf-8", "surrogateescape");
    if (b == NULL)
        return NULL;
    const char *data = KN_BYTES_AS_STRING(b);
    if (strlen(data) != (size_t)KN_SIZE(b)) {
        ob_err_set_string(ob_exc_ValueError, "embedded null byte");
        return NULL;
    }
    *keep = b;
    return data;
}

/* A uid_t / gid_t argument as CPython's _Py_Uid_Converter reads one
 * (`what` is "uid" or "gid"): an int or __index__ object; -1 stands for
 * (id_t)-1; other negatives and values past 32 bits are OverflowErrors
 * worded as CPython words them (values between 2**32 and 2**63 say "less
 * than minimum", as 3.11 does). */
static inline int ux_id_conv(KnObject *o, const char *what, uint32_t *out)
{
    if (KN_FLOAT_CHECK(o) || !ob_index_check(o)) {
        ob_err_format(ob_exc_TypeError, "%s should be integer, not %s", what,
                      ob_type_name(KN_TYPE(o)));
        return -1;
    }
    KnObject *i = ob_number_index(o);
    if (i == NULL)
        return -1;
    int overflow;
    long long v = ob_int_as_long_long_and_overflow(i, &overflow);
    if (v == -1 && overflow == 0 && ob_err_occurred())
        return -1;
    if (overflow > 0) {
        ob_err_format(ob_exc_OverflowError, "%s is greater than maximum", what);
        return -1;
    }
    if (v == -1 && overflow == 0) {
        *out = UINT32_MAX;
        return 0;
    }
    if (overflow < 0 || v < 0 || v > (long long)UINT32_MAX) {
        ob_err_format(ob_exc_OverflowError, "%s is less than minimum", what);
        return -1;
    }
    *out = (uint32_t)v;
    return 0;
}

/* An integer argument (int or __index__ object, never a float) that must
 * fit a C type of range [lo, hi]; beyond it, OverflowError "Python int
 * too large to convert to C <ctype>" (CPython's wording for both
 * directions of long, int and ssize_t). */
static inline int ux_ranged_arg(KnObject *o, long long lo, long long hi, const char *ctype,
                                long long *out)
{
    int overflow;
    if (kn_arg_index_ll(o, out, &overflow) < 0)
        return -1;
    if (overflow || *out < lo || *out > hi) {
        ob_err_format(ob_exc_OverflowError, "Python int too large to convert to C %s", ctype);
        return -1;
    }
    return 0;
}

/* PyLong_AsLong's reading of an argument. */
static inline int ux_long_arg(KnObject *o, long *out)
{
    long long v;
    if (ux_ranged_arg(o, LONG_MIN, LONG_MAX, "long", &v) < 0)
        return -1;
    *out = (long)v;
    return 0;
}

/* Argument clinic's "int" converter (_PyLong_AsInt). */
static inline int ux_cint_arg(KnObject *o, int *out)
{
    long long v;
    if (ux_ranged_arg(o, INT_MIN, INT_MAX, "int", &v) < 0)
        return -1;
    *out = (int)v;
    return 0;
}

/* A module's integer constants. */
typedef struct UxConst {
    const char *name;
    long long value;
} UxConst;

static inline int ux_add_consts(KnObject *mod, const UxConst *c)
{
    for (; c->name != NULL; c++) {
        KnObject *v = ob_int_from_long_long(c->value);
        if (v == NULL || ob_module_add_object(mod, c->name, v) < 0)
            return -1;
    }
    return 0;
}

/* OSError (subclass by errno) for the current errno; NULL. */
static inline KnObject *ux_oserror(void)
{
    return ob_err_from_errno(ob_exc_OSError, NULL);
}

/* A new exception class module.name deriving from base (created once per
 * run by the caller). */
static inline KnObject *ux_new_exception(const char *module, const char *name, KnTypeObject *base)
{
    KnObject *dict = ob_dict_new();
    if (dict == NULL || ob_dict_setitem_str(dict, "__module__", ob_str_from_cstr(module)) < 0)
        return NULL;
    return ob_type_new(&ob_type_type, ob_str_from_cstr(name), ob_tuple_pack(1, (KnObject *)base), dict);
}

/* Raise exc(errno, strerror(errno)) for the current errno, as
 * PyErr_SetFromErrno does for a class outside the OSError tree; NULL. */
static inline KnObject *ux_errno_error(KnObject *exc)
{
    int e = errno;
    const char *msg = strerror(e);
    KnObject *s = ob_str_decode_utf8(msg, (kn_ssize_t)strlen(msg), "surrogateescape");
    if (s != NULL)
        ob_err_set_object((KnTypeObject *)exc, ob_tuple_pack(2, ob_int_from_long_long(e), s));
    return NULL;
}

#endif /* STDLIB_UNIX_INTERNAL_H */
