/*
 * json_module.c — the `_json` module: scanstring, encode_basestring,
 * encode_basestring_ascii, make_scanner (json_scanner.c) and make_encoder
 * (json_encoder.c), the accelerators json.decoder, json.scanner and
 * json.encoder import when present.
 *
 * Decoding errors are json.decoder.JSONDecodeError(msg, doc, pos), the
 * class looked up in json.decoder at raise time as CPython does, so msg,
 * pos, lineno and colno are computed by the same Python code.
 */
#include <string.h>

#include "json_internal.h"
#include "stdlib/modules.h"

KnObject *kn_init__json(void);
KnObject *jit_import_module(const char *name) __attribute__((weak));

#define FC(f) ((KnCFunction)(void (*)(void))(f))

KnObject *json_raise_errmsg(const char *msg, KnObject *doc, kn_ssize_t pos)
{
    if (jit_import_module == NULL)
        return ob_err_format(ob_exc_NotImplementedError,
                             "Kiln: _json needs json.decoder and no importer is linked");
    KnObject *mod = jit_import_module("json.decoder");
    if (mod == NULL)
        return NULL;
    KnObject *cls = ob_getattr_str(mod, "JSONDecodeError");
    KnObject *p = cls == NULL ? NULL : ob_int_from_ssize(pos);
    KnObject *exc = p == NULL ? NULL : ob_call(cls, ob_tuple_pack(3, ob_str_from_cstr(msg), doc, p), NULL);
    if (exc == NULL)
        return NULL;
    ob_err_set_object((KnTypeObject *)KN_TYPE(exc), exc);
    return NULL;
}

KnObject *json_stop_iteration(kn_ssize_t idx)
{
    KnObject *v = ob_int_from_ssize(idx);
    if (v == NULL)
        return NULL;
    KnObject *exc = ob_call_onearg((KnObject *)ob_exc_StopIteration, v);
    if (exc != NULL)
        ob_err_set_object(ob_exc_StopIteration, exc);
    return NULL;
}

static KnObject *encode_common(KnObject *s, int ascii_only)
{
    if (!KN_STR_CHECK(s))
        return ob_err_format(ob_exc_TypeError, "first argument must be a string, not %.80s",
                             KN_TYPE(s)->tp_name);
    /* An ASCII string that needs no escape: quoted straight into the
     * result (no buffer to copy from). */
    kn_ssize_t n = KN_STR_LEN(s);
    if (ob_str_max_char(s) == 0x7f && json_plain_ascii(KN_STR_DATA(s), n)) {
        KnObject *r = ob_str_new(n + 2, 0x7f);
        if (r == NULL)
            return NULL;
        char *d = KN_STR_DATA(r);
        d[0] = '"';
        memcpy(d + 1, KN_STR_DATA(s), (size_t)n);
        d[n + 1] = '"';
        return r;
    }
    JsonBuf b;
    json_buf_init(&b, n + 2);
    return json_escape_into(&b, s, ascii_only) < 0 ? NULL : json_buf_finish(&b);
}

static KnObject *encode_basestring_ascii(KnObject *m, KnObject *s)
{
    (void)m;
    return encode_common(s, 1);
}

static KnObject *encode_basestring(KnObject *m, KnObject *s)
{
    (void)m;
    return encode_common(s, 0);
}

/* The two fast encoders, in this order (json_encoder.c compares against
 * their ml_meth to skip the Python-level call). */
KnMethodDef json_fast_encoders[3] = {
    {"encode_basestring_ascii", FC(encode_basestring_ascii), KN_METH_O,
     "encode_basestring_ascii(string) -> string\n\nReturn an ASCII-only JSON representation of a Python string"},
    {"encode_basestring", FC(encode_basestring), KN_METH_O,
     "encode_basestring(string) -> string\n\nReturn a JSON representation of a Python string"},
    {NULL, NULL, 0, NULL}
};

static KnObject *scanstring(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    if (nargs < 2 || nargs > 3)
        return ob_err_format(ob_exc_TypeError, "scanstring expected %s 3 arguments, got %zd",
                             nargs < 2 ? "at least 2" : "at most", nargs);
    KnObject *s = args[0];
    if (!ob_index_check(args[1]))
        return ob_err_format(ob_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                             KN_TYPE(args[1])->tp_name);
    kn_ssize_t end = ob_number_as_ssize(args[1], ob_exc_OverflowError);
    if (end == -1 && ob_err_occurred())
        return NULL;
    int strict = 1;
    if (nargs == 3 && (strict = ob_is_true(args[2])) < 0)
        return NULL;
    if (!KN_STR_CHECK(s))
        return ob_err_format(ob_exc_TypeError, "first argument must be a string, not %.80s",
                             KN_TYPE(s)->tp_name);
    kn_ssize_t next = 0;
    KnObject *r = json_scanstring(s, end, strict, &next);
    KnObject *n = r == NULL ? NULL : ob_int_from_ssize(next);
    return n == NULL ? NULL : ob_tuple_pack(2, r, n);
}

static KnMethodDef json_functions[] = {
    {"scanstring", FC(scanstring), KN_METH_FASTCALL,
     "scanstring(string, end, strict=True) -> (string, end)\n\n"
     "Scan the string s for a JSON string. End is the index of the\n"
     "character in s after the quote that started the JSON string.\n"
     "Unescapes all valid JSON string escape sequences and raises ValueError\n"
     "on attempt to decode an invalid string. If strict is False then literal\n"
     "control characters are allowed in the string.\n\n"
     "Returns a tuple of the decoded string and the index of the character in s\n"
     "after the end quote."},
    {NULL, NULL, 0, NULL}
};

KnObject *kn_init__json(void)
{
    if (ob_type_ready(&json_scanner_type) < 0 || ob_type_ready(&json_encoder_type) < 0)
        return NULL;
    KnObject *m = ob_module_new_cstr("_json");
    if (m == NULL || ob_module_add_functions(m, json_functions) < 0 ||
        ob_module_add_functions(m, json_fast_encoders) < 0)
        return NULL;
    if (ob_module_add_object(m, "make_scanner", (KnObject *)&json_scanner_type) < 0 ||
        ob_module_add_object(m, "make_encoder", (KnObject *)&json_encoder_type) < 0 ||
        ob_module_add_object(m, "__doc__", ob_str_from_cstr("json speedups\n")) < 0)
        return NULL;
    return m;
}
