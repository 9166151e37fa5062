/*
 * codecs_handled.c — libobject's C codecs with any error handler.
 *
 * libobject's ob_str_decode / ob_str_encode know the built-in handler
 * names only.  For another name the codec runs strictly; at each
 * Unicode{De,En}codeError the registered handler (lookup_error) is called
 * with the error positioned in the whole input, its replacement is kept
 * and the codec resumes where the handler says.
 */
#include <string.h>

#include "codecs_internal.h"

int cd_builtin_handler(const char *errors)
{
    static const char *const names[] = {"strict", "ignore", "replace", "surrogateescape",
                                        "surrogatepass", "backslashreplace",
                                        "xmlcharrefreplace", "namereplace", NULL};
    if (errors == NULL)
        return 1;
    for (int i = 0; names[i] != NULL; i++)
        if (strcmp(errors, names[i]) == 0)
            return 1;
    return 0;
}

/* The pending Unicode error's start, end, reason and encoding (the
 * exception is cleared); -1 when the pending exception is another one. */
static int take_error(KnTypeObject *type, kn_ssize_t *start, kn_ssize_t *end,
                      const char **reason, const char **encoding)
{
    if (!ob_err_matches((KnObject *)type))
        return -1;
    KnObject *exc = ob_err_fetch();
    KnObject *s = ob_getattr_str(exc, "start"), *e = ob_getattr_str(exc, "end");
    KnObject *r = ob_getattr_str(exc, "reason"), *n = ob_getattr_str(exc, "encoding");
    if (s == NULL || e == NULL || r == NULL || n == NULL)
        return -1;
    *start = ob_int_as_ssize(s);
    *end = ob_int_as_ssize(e);
    *reason = ob_str_as_utf8(r, NULL);
    *encoding = ob_str_as_utf8(n, NULL);
    return *reason == NULL || *encoding == NULL ? -1 : 0;
}

/* Re-raise the pending UnicodeDecodeError of a decode of
 * all[off:off+n] as one about the whole input (positions shifted). */
static void widen_decode_error(const char *all, kn_ssize_t all_len, kn_ssize_t off)
{
    kn_ssize_t start, end;
    const char *reason, *name;
    if (take_error(ob_exc_UnicodeDecodeError, &start, &end, &reason, &name) < 0)
        return;
    KnObject *exc = ob_call((KnObject *)ob_exc_UnicodeDecodeError,
                            ob_tuple_pack(5, ob_str_from_cstr(name), ob_bytes_from_data(all, all_len),
                                          ob_int_from_ssize(start + off),
                                          ob_int_from_ssize(end + off), ob_str_from_cstr(reason)),
                            NULL);
    if (exc != NULL)
        ob_err_restore(exc);
}

KnObject *cd_str_decode_in(const char *all, kn_ssize_t all_len, kn_ssize_t off, kn_ssize_t n,
                           const char *encoding, const char *errors)
{
    if (cd_builtin_handler(errors)) {
        KnObject *r = ob_str_decode(all + off, n, encoding, errors);
        if (r == NULL && (off != 0 || n != all_len))
            widen_decode_error(all, all_len, off);
        return r;
    }
    if (kn_codecs_lookup_error(errors) == NULL)
        return NULL;
    KnObject *parts = ob_list_new(0), *whole = NULL;
    if (parts == NULL)
        return NULL;
    kn_ssize_t pos = off, stop = off + n;
    while (pos < stop) {
        KnObject *r = ob_str_decode(all + pos, stop - pos, encoding, "strict");
        if (r != NULL) {
            if (ob_list_append(parts, r) < 0)
                return NULL;
            break;
        }
        kn_ssize_t start, end, newpos;
        const char *reason, *name;
        if (take_error(ob_exc_UnicodeDecodeError, &start, &end, &reason, &name) < 0)
            return NULL;
        KnObject *prefix = ob_str_decode(all + pos, start, encoding, "strict"), *rep;
        if (prefix == NULL || ob_list_append(parts, prefix) < 0)
            return NULL;
        if (whole == NULL && (whole = ob_bytes_from_data(all, all_len)) == NULL)
            return NULL;
        if (cd_call_handler(name, reason, errors, ob_exc_UnicodeDecodeError, whole, all_len,
                            pos + start, pos + end, &rep, &newpos) < 0
            || ob_list_append(parts, rep) < 0)
            return NULL;
        pos = newpos;
    }
    return ob_str_join(ob_str_empty(), parts);
}

KnObject *cd_str_decode(const char *data, kn_ssize_t len, const char *encoding, const char *errors)
{
    return cd_str_decode_in(data, len, 0, len, encoding, errors);
}

KnObject *cd_str_encode(KnObject *s, const char *encoding, const char *errors)
{
    if (cd_builtin_handler(errors))
        return ob_str_encode(s, encoding, errors);
    if (kn_codecs_lookup_error(errors) == NULL)
        return NULL;
    KnObject *parts = ob_list_new(0);
    if (parts == NULL)
        return NULL;
    kn_ssize_t len = ob_str_length(s), pos = 0;
    for (;;) {
        KnObject *r = ob_str_encode(ob_str_substring(s, pos, len), encoding, "strict");
        if (r != NULL) {
            if (ob_list_append(parts, r) < 0)
                return NULL;
            break;
        }
        kn_ssize_t start, end, newpos;
        const char *reason, *name;
        if (take_error(ob_exc_UnicodeEncodeError, &start, &end, &reason, &name) < 0)
            return NULL;
        KnObject *prefix = ob_str_encode(ob_str_substring(s, pos, pos + start), encoding, "strict");
        KnObject *rep;
        if (prefix == NULL || ob_list_append(parts, prefix) < 0)
            return NULL;
        if (cd_call_handler(name, reason, errors, ob_exc_UnicodeEncodeError, s, len,
                            pos + start, pos + end, &rep, &newpos) < 0)
            return NULL;
        if (KN_STR_CHECK(rep)) {
            /* a str replacement must encode strictly; else the original error */
            rep = ob_str_encode(rep, encoding, "strict");
            if (rep == NULL) {
                ob_err_clear();
                KnObject *exc = ob_call((KnObject *)ob_exc_UnicodeEncodeError,
                                        ob_tuple_pack(5, ob_str_from_cstr(name), s,
                                                      ob_int_from_ssize(pos + start),
                                                      ob_int_from_ssize(pos + end),
                                                      ob_str_from_cstr(reason)), NULL);
                if (exc != NULL)
                    ob_err_restore(exc);
                return NULL;
            }
        }
        if (ob_list_append(parts, rep) < 0)
            return NULL;
        pos = newpos;
    }
    KnObject *empty = ob_bytes_from_data("", 0);
    return empty == NULL ? NULL : ob_call_method(empty, "join", 1, parts);
}
