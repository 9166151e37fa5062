/*
 * codecs_module.c — `_codecs`: the codec search registry (register,
 * unregister, lookup with its cache, _forget_codec), encode/decode
 * through it, and the error-handler registry (register_error,
 * lookup_error) with the built-in handlers as Python-callable functions
 * (strict, ignore, replace, backslashreplace, xmlcharrefreplace,
 * surrogateescape).  The per-encoding functions are in codecs_funcs.c and
 * codecs_charmap.c.
 */
#include <stdio.h>
#include <string.h>

#include "codecs_internal.h"

KnObject *kn_init__codecs(void);
KnObject *kn_codecs_lookup_error(const char *name);

/* `import encodings` on the first lookup (as CPython does): libjit's
 * importer when linked (weak), else nothing. */
KnObject *jit_import_module(const char *name) __attribute__((weak));

static KnObject *search_path;     /* list of search functions */
static KnObject *codec_cache;     /* normalised name -> CodecInfo */
static KnObject *error_registry;  /* name -> handler */

/* ---- codec registry ---- */

static KnObject *cd_register(KnObject *m, KnObject *fn)
{
    (void)m;
    if (!ob_callable_check(fn))
        return ob_err_format(ob_exc_TypeError, "argument must be callable");
    return ob_list_append(search_path, fn) < 0 ? NULL : KN_None;
}

static KnObject *cd_unregister(KnObject *m, KnObject *fn)
{
    (void)m;
    kn_ssize_t n = ob_length(search_path);
    for (kn_ssize_t i = 0; i < n; i++) {
        KnObject *f = ob_sequence_getitem(search_path, i);
        if (f == fn) {
            if (ob_delitem(search_path, ob_int_from_ssize(i)) < 0)
                return NULL;
            ob_dict_clear(codec_cache);
            break;
        }
    }
    return KN_None;
}

/* CPython 3.11's normalisation: ASCII lower case, spaces to '_'. */
static KnObject *normalize(KnObject *enc)
{
    kn_ssize_t len;
    const char *u = ob_str_as_utf8(enc, &len);
    if (u == NULL)
        return NULL;
    char *buf = kgc_alloc_atomic((size_t)len + 1);
    if (buf == NULL)
        return ob_err_nomemory();
    for (kn_ssize_t i = 0; i < len; i++) {
        char c = u[i];
        buf[i] = c == ' ' ? '_' : (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
    }
    return ob_str_from_utf8(buf, len);
}

static KnObject *codec_lookup(KnObject *enc)
{
    if (!KN_STR_CHECK(enc))
        return ob_err_format(ob_exc_TypeError, "lookup() argument must be str, not %s",
                             ob_type_name(KN_TYPE(enc)));
    KnObject *key = normalize(enc);
    if (key == NULL)
        return NULL;
    KnObject *hit = ob_dict_getitem(codec_cache, key);
    if (hit != NULL)
        return hit;
    if (ob_err_occurred())
        return NULL;
    if (ob_length(search_path) == 0 && jit_import_module != NULL
        && jit_import_module("encodings") == NULL)
        return NULL;
    kn_ssize_t n = ob_length(search_path);
    if (n == 0)
        return ob_err_format(ob_exc_LookupError,
                             "no codec search functions registered: can't find encoding");
    for (kn_ssize_t i = 0; i < n; i++) {
        KnObject *r = ob_call_onearg(ob_sequence_getitem(search_path, i), key);
        if (r == NULL)
            return NULL;
        if (r == KN_None)
            continue;
        if (!KN_TUPLE_CHECK(r) || KN_SIZE(r) != 4)
            return ob_err_format(ob_exc_TypeError, "codec search functions must return 4-tuples");
        return ob_dict_setitem(codec_cache, key, r) < 0 ? NULL : r;
    }
    return ob_err_format(ob_exc_LookupError, "unknown encoding: %s", ob_str_as_utf8(enc, NULL));
}

static KnObject *cd_lookup(KnObject *m, KnObject *enc)
{
    (void)m;
    return codec_lookup(enc);
}

static KnObject *cd_forget_codec(KnObject *m, KnObject *enc)
{
    (void)m;
    if (!KN_STR_CHECK(enc))
        return ob_err_format(ob_exc_TypeError, "_forget_codec() argument must be str, not %s",
                             ob_type_name(KN_TYPE(enc)));
    KnObject *key = normalize(enc);
    if (key == NULL)
        return NULL;
    if (ob_dict_getitem(codec_cache, key) != NULL && ob_dict_delitem(codec_cache, key) < 0)
        return NULL;
    return KN_None;
}

/* encode/decode(obj, encoding='utf-8', errors='strict') */
static KnObject *run_codec(const char *fname, int index, KnObject *const *args, kn_ssize_t nargs,
                           KnObject *kwnames)
{
    static const char *const names[] = {"obj", "encoding", "errors", NULL};
    KnArgSpec spec = {fname, names, 1, 3, 0};
    KnObject *a[3];
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    for (int i = 1; i < 3; i++)
        if (a[i] != NULL && !KN_STR_CHECK(a[i]))
            return ob_err_format(ob_exc_TypeError, "%s() argument '%s' must be str, not %s",
                                 fname, names[i], ob_type_name(KN_TYPE(a[i])));
    KnObject *info = codec_lookup(a[1] ? a[1] : ob_str_from_cstr("utf-8"));
    if (info == NULL)
        return NULL;
    KnObject *fn = ob_sequence_getitem(info, index);
    if (fn == NULL)
        return NULL;
    KnObject *r = ob_call(fn, ob_tuple_pack(2, a[0], a[2] ? a[2] : ob_str_from_cstr("strict")),
                          NULL);
    if (r == NULL)
        return NULL;
    if (!KN_TUPLE_CHECK(r) || KN_SIZE(r) != 2)
        return ob_err_format(ob_exc_TypeError, index == 0
                             ? "encoder must return a tuple (object, integer)"
                             : "decoder must return a tuple (object,integer)");
    return KN_TUPLE_GET(r, 0);
}

static KnObject *cd_encode(KnObject *m, KnObject *const *a, kn_ssize_t n, KnObject *k)
{
    (void)m;
    return run_codec("encode", 0, a, n, k);
}

static KnObject *cd_decode(KnObject *m, KnObject *const *a, kn_ssize_t n, KnObject *k)
{
    (void)m;
    return run_codec("decode", 1, a, n, k);
}

/* ---- libobject's hooks (ob_codec_hooks, str.h): bytes.decode and
 * str.encode with an encoding or handler libobject does not know ---- */

static KnObject *text_codec(const char *encoding, int index)
{
    KnObject *info = codec_lookup(ob_str_from_cstr(encoding));
    if (info == NULL)
        return NULL;
    KnObject *is_text;
    if (ob_lookup_attr(info, ob_str_intern_cstr("_is_text_encoding"), &is_text) < 0)
        return NULL;
    if (is_text != NULL) {
        int t = ob_is_true(is_text);
        if (t < 0)
            return NULL;
        if (!t)
            return ob_err_format(ob_exc_LookupError, "'%.400s' is not a text encoding; use "
                                 "codecs.%s() to handle arbitrary codecs", encoding,
                                 index == 0 ? "encode" : "decode");
    }
    return ob_sequence_getitem(info, index);
}

static KnObject *hook_run(const char *encoding, const char *errors, int index, KnObject *arg)
{
    KnObject *fn = text_codec(encoding, index);
    if (fn == NULL)
        return NULL;
    KnObject *r = ob_call(fn, ob_tuple_pack(2, arg, ob_str_from_cstr(errors ? errors : "strict")),
                          NULL);
    if (r == NULL)
        return NULL;
    if (!KN_TUPLE_CHECK(r) || KN_SIZE(r) != 2)
        return ob_err_format(ob_exc_TypeError, index == 0
                             ? "encoder must return a tuple (object, integer)"
                             : "decoder must return a tuple (object,integer)");
    KnObject *v = KN_TUPLE_GET(r, 0);
    if (index == 0 ? !KN_BYTES_CHECK(v) : !KN_STR_CHECK(v))
        return ob_err_format(ob_exc_TypeError, index == 0
                             ? "'%.400s' encoder returned '%.400s' instead of 'bytes'; use "
                               "codecs.encode() to encode to arbitrary types"
                             : "'%.400s' decoder returned '%.400s' instead of 'str'; use "
                               "codecs.decode() to decode to arbitrary types",
                             encoding, ob_type_name(KN_TYPE(v)));
    return v;
}

static KnObject *hook_decode(const char *data, kn_ssize_t len, const char *encoding,
                             const char *errors)
{
    KnObject *b = ob_bytes_from_data(data, len);
    return b == NULL ? NULL : hook_run(encoding, errors, 1, b);
}

static KnObject *hook_encode(KnObject *s, const char *encoding, const char *errors)
{
    return hook_run(encoding, errors, 0, s);
}

/* ---- error handlers ---- */

static KnObject *cd_register_error(KnObject *m, KnObject *const *args, kn_ssize_t nargs,
                                   KnObject *kwnames)
{
    (void)m;
    if (cd_args("register_error", args, nargs, kwnames, 2, 2) < 0
        || cd_check_str("register_error", 1, args[0]) < 0)
        return NULL;
    if (!ob_callable_check(args[1]))
        return ob_err_format(ob_exc_TypeError, "handler must be callable");
    return ob_dict_setitem(error_registry, args[0], args[1]) < 0 ? NULL : KN_None;
}

KnObject *kn_codecs_lookup_error(const char *name)
{
    KnObject *h = ob_dict_getitem_str(error_registry, name ? name : "strict");
    if (h == NULL && !ob_err_occurred())
        ob_err_format(ob_exc_LookupError, "unknown error handler name '%.400s'", name);
    return h;
}

static KnObject *cd_lookup_error(KnObject *m, KnObject *name)
{
    (void)m;
    if (cd_check_str("lookup_error", 1, name) < 0)
        return NULL;
    return kn_codecs_lookup_error(ob_str_as_utf8(name, NULL));
}

/* Call the handler for [start, end); *rep gets the replacement, *newpos
 * the resume position (normalised, range-checked). */
int cd_call_handler(const char *encoding, const char *reason, const char *errors,
                    KnTypeObject *exc_type, KnObject *obj, kn_ssize_t len, kn_ssize_t start,
                    kn_ssize_t end, KnObject **rep, kn_ssize_t *newpos)
{
    KnObject *h = kn_codecs_lookup_error(errors);
    if (h == NULL)
        return -1;
    KnObject *a = ob_int_from_ssize(start), *b = ob_int_from_ssize(end);
    if (a == NULL || b == NULL)
        return -1;
    KnObject *exc = ob_call((KnObject *)exc_type,
                            ob_tuple_pack(5, ob_str_from_cstr(encoding), obj, a, b,
                                          ob_str_from_cstr(reason)), NULL);
    if (exc == NULL)
        return -1;
    KnObject *r = ob_call_onearg(h, exc);
    if (r == NULL)
        return -1;
    int enc = exc_type == ob_exc_UnicodeEncodeError;
    if (!KN_TUPLE_CHECK(r) || KN_SIZE(r) != 2
        || !(KN_STR_CHECK(KN_TUPLE_GET(r, 0)) || (enc && KN_BYTES_CHECK(KN_TUPLE_GET(r, 0))))
        || !KN_INT_CHECK(KN_TUPLE_GET(r, 1))) {
        ob_err_format(ob_exc_TypeError, enc
                      ? "encoding error handler must return (str/bytes, int) tuple"
                      : "decoding error handler must return (str, int) tuple");
        return -1;
    }
    kn_ssize_t p = ob_int_as_ssize(KN_TUPLE_GET(r, 1));
    if (p == -1 && ob_err_occurred())
        return -1;
    if (p < 0)
        p += len;
    if (p < 0 || p > len) {
        ob_err_format(ob_exc_IndexError, "position %zd from error handler out of range", p);
        return -1;
    }
    *rep = KN_TUPLE_GET(r, 0);
    *newpos = p;
    return 0;
}

enum { EXC_ENCODE, EXC_DECODE, EXC_TRANSLATE, EXC_OTHER };

static int exc_kind(KnObject *exc)
{
    if (ob_isinstance(exc, (KnObject *)ob_exc_UnicodeEncodeError) == 1) return EXC_ENCODE;
    if (ob_isinstance(exc, (KnObject *)ob_exc_UnicodeDecodeError) == 1) return EXC_DECODE;
    if (ob_isinstance(exc, (KnObject *)ob_exc_UnicodeTranslateError) == 1) return EXC_TRANSLATE;
    return EXC_OTHER;
}

static KnObject *wrong_exc(KnObject *exc)
{
    return ob_err_format(ob_exc_TypeError, "don't know how to handle %s in error callback",
                         ob_type_name(KN_TYPE(exc)));
}

/* exc.start, exc.end, exc.object (clamped as CPython's getters do). */
static int exc_range(KnObject *exc, kn_ssize_t *start, kn_ssize_t *end, KnObject **obj)
{
    KnObject *s = ob_getattr_str(exc, "start"), *e = ob_getattr_str(exc, "end");
    *obj = ob_getattr_str(exc, "object");
    if (s == NULL || e == NULL || *obj == NULL)
        return -1;
    *start = ob_int_as_ssize(s);
    *end = ob_int_as_ssize(e);
    if ((*start == -1 || *end == -1) && ob_err_occurred())
        return -1;
    kn_ssize_t len = ob_length(*obj);
    if (len < 0)
        return -1;
    if (*start < 0) *start = 0;
    if (*start > len) *start = len;
    if (*end > len) *end = len;
    if (*end < *start) *end = *start;
    return 0;
}

/* The common start of the handlers: exc must be one of the kinds in
 * `allowed` (a bit mask of 1 << EXC_*); its kind and clamped range.
 * -1 with TypeError for another exception. */
static int eh_begin(KnObject *exc, int allowed, int *kind, kn_ssize_t *start, kn_ssize_t *end,
                    KnObject **obj)
{
    *kind = exc_kind(exc);
    if (!(allowed & (1 << *kind))) {
        wrong_exc(exc);
        return -1;
    }
    return exc_range(exc, start, end, obj);
}

#define EH_UNICODE ((1 << EXC_ENCODE) | (1 << EXC_DECODE) | (1 << EXC_TRANSLATE))

static KnObject *eh_strict(KnObject *m, KnObject *exc)
{
    (void)m;
    if (ob_isinstance(exc, (KnObject *)ob_exc_BaseException) != 1)
        return ob_err_format(ob_exc_TypeError, "codec must pass exception instance");
    ob_err_restore(exc);
    return NULL;
}

static KnObject *eh_ignore(KnObject *m, KnObject *exc)
{
    (void)m;
    if (exc_kind(exc) == EXC_OTHER)
        return wrong_exc(exc);
    KnObject *e = ob_getattr_str(exc, "end");
    return e == NULL ? NULL : ob_tuple_pack(2, ob_str_empty(), e);
}

static KnObject *eh_replace(KnObject *m, KnObject *exc)
{
    (void)m;
    int kind;
    kn_ssize_t start, end;
    KnObject *obj;
    if (eh_begin(exc, EH_UNICODE, &kind, &start, &end, &obj) < 0)
        return NULL;
    KnObject *r = kind == EXC_DECODE ? ob_str_from_char(0xfffd)
                : ob_str_repeat(ob_str_from_char(kind == EXC_ENCODE ? '?' : 0xfffd), end - start);
    return cd_pair(r, end);
}

static KnObject *eh_backslashreplace(KnObject *m, KnObject *exc)
{
    (void)m;
    int kind;
    kn_ssize_t start, end;
    KnObject *obj;
    if (eh_begin(exc, EH_UNICODE, &kind, &start, &end, &obj) < 0)
        return NULL;
    char *buf = kgc_alloc_atomic((size_t)(end - start) * 10 + 1);
    if (buf == NULL)
        return ob_err_nomemory();
    size_t k = 0;
    if (kind == EXC_DECODE) {
        CdBytes b;
        if (cd_get_bytes(obj, &b) < 0)
            return NULL;
        for (kn_ssize_t i = start; i < end; i++)
            k += (size_t)snprintf(buf + k, 5, "\\x%02x", (unsigned char)b.data[i]);
    } else {
        for (kn_ssize_t i = start; i < end; i++) {
            uint32_t c = ob_str_read_char(obj, i);
            k += (size_t)snprintf(buf + k, 11, c <= 0xff ? "\\x%02x" : c <= 0xffff ? "\\u%04x"
                                  : "\\U%08x", (unsigned)c);
        }
    }
    return cd_pair(ob_str_from_utf8(buf, (kn_ssize_t)k), end);
}

static KnObject *eh_xmlcharrefreplace(KnObject *m, KnObject *exc)
{
    (void)m;
    int kind;
    kn_ssize_t start, end;
    KnObject *obj;
    if (eh_begin(exc, 1 << EXC_ENCODE, &kind, &start, &end, &obj) < 0)
        return NULL;
    char *buf = kgc_alloc_atomic((size_t)(end - start) * 12 + 1);
    if (buf == NULL)
        return ob_err_nomemory();
    size_t k = 0;
    for (kn_ssize_t i = start; i < end; i++)
        k += (size_t)snprintf(buf + k, 13, "&#%u;", (unsigned)ob_str_read_char(obj, i));
    return cd_pair(ob_str_from_utf8(buf, (kn_ssize_t)k), end);
}

/* Decoding: bytes >= 0x80 become U+DC80..U+DCFF (at most 4 of them, as
 * CPython); encoding: U+DC80..U+DCFF become those bytes. */
static KnObject *eh_surrogateescape(KnObject *m, KnObject *exc)
{
    (void)m;
    int kind;
    kn_ssize_t start, end;
    KnObject *obj;
    if (eh_begin(exc, (1 << EXC_ENCODE) | (1 << EXC_DECODE), &kind, &start, &end, &obj) < 0)
        return NULL;
    if (kind == EXC_DECODE) {
        CdBytes b;
        uint32_t cps[4];
        kn_ssize_t n = 0;
        if (cd_get_bytes(obj, &b) < 0)
            return NULL;
        for (kn_ssize_t i = start; i < end && n < 4; i++) {
            unsigned char c = (unsigned char)b.data[i];
            if (c < 0x80)
                break;
            cps[n++] = 0xdc00 + c;
        }
        if (n == 0) {
            ob_err_restore(exc);
            return NULL;
        }
        return cd_pair(ob_str_from_codepoints(cps, n), start + n);
    }
    char *buf = kgc_alloc_atomic((size_t)(end - start) + 1);
    if (buf == NULL)
        return ob_err_nomemory();
    for (kn_ssize_t i = start; i < end; i++) {
        uint32_t c = ob_str_read_char(obj, i);
        if (c < 0xdc80 || c > 0xdcff) {
            ob_err_restore(exc);
            return NULL;
        }
        buf[i - start] = (char)(c - 0xdc00);
    }
    return cd_pair(ob_bytes_from_data(buf, end - start), end);
}

/* surrogatepass and namereplace need per-codec knowledge (the encoding's
 * unit size, the Unicode name database); libobject's codecs apply them
 * internally, only their Python-callable form is missing. */
static KnObject *eh_missing(KnObject *m, KnObject *exc)
{
    (void)m;
    (void)exc;
    return ob_err_format(ob_exc_NotImplementedError,
                         "Kiln: this error handler is applied inside the C codecs only and "
                         "cannot be called directly yet");
}

static KnMethodDef eh_methods[] = {
    {"strict_errors", (KnCFunction)eh_strict, KN_METH_O, NULL},
    {"ignore_errors", (KnCFunction)eh_ignore, KN_METH_O, NULL},
    {"replace_errors", (KnCFunction)eh_replace, KN_METH_O, NULL},
    {"backslashreplace_errors", (KnCFunction)eh_backslashreplace, KN_METH_O, NULL},
    {"xmlcharrefreplace_errors", (KnCFunction)eh_xmlcharrefreplace, KN_METH_O, NULL},
    {"surrogateescape", (KnCFunction)eh_surrogateescape, KN_METH_O, NULL},
    {"surrogatepass", (KnCFunction)eh_missing, KN_METH_O, NULL},
    {"namereplace_errors", (KnCFunction)eh_missing, KN_METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static int init_error_registry(void)
{
    static const char *const names[] = {"strict", "ignore", "replace", "backslashreplace",
                                        "xmlcharrefreplace", "surrogateescape",
                                        "surrogatepass", "namereplace"};
    KnObject *holder = ob_module_new_cstr("_codecs");
    if (holder == NULL || ob_module_add_functions(holder, eh_methods) < 0)
        return -1;
    error_registry = ob_dict_new();
    if (error_registry == NULL)
        return -1;
    for (int i = 0; i < 8; i++) {
        KnObject *f = ob_getattr_str(holder, eh_methods[i].ml_name);
        if (f == NULL || ob_dict_setitem_str(error_registry, names[i], f) < 0)
            return -1;
    }
    return 0;
}

static KnMethodDef cd_methods[] = {
    {"register", (KnCFunction)cd_register, KN_METH_O, NULL},
    {"unregister", (KnCFunction)cd_unregister, KN_METH_O, NULL},
    {"lookup", (KnCFunction)cd_lookup, KN_METH_O, NULL},
    {"_forget_codec", (KnCFunction)cd_forget_codec, KN_METH_O, NULL},
    {"encode", (KnCFunction)(void *)cd_encode, KN_METH_FASTCALL | KN_METH_KEYWORDS, NULL},
    {"decode", (KnCFunction)(void *)cd_decode, KN_METH_FASTCALL | KN_METH_KEYWORDS, NULL},
    {"register_error", (KnCFunction)(void *)cd_register_error,
     KN_METH_FASTCALL | KN_METH_KEYWORDS, NULL},
    {"lookup_error", (KnCFunction)cd_lookup_error, KN_METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

KnObject *kn_init__codecs(void)
{
    if (search_path == NULL) {
        search_path = ob_list_new(0);
        codec_cache = ob_dict_new();
        if (search_path == NULL || codec_cache == NULL || init_error_registry() < 0) {
            search_path = NULL;
            return NULL;
        }
        ob_codec_hooks.decode = hook_decode;
        ob_codec_hooks.encode = hook_encode;
    }
    KnObject *m = ob_module_new_cstr("_codecs");
    if (m == NULL || ob_module_add_functions(m, cd_methods) < 0
        || ob_module_add_functions(m, cd_codec_methods) < 0
        || ob_module_add_functions(m, cd_charmap_methods) < 0
        || ob_module_add_functions(m, cd_escape_methods) < 0
        || ob_module_add_functions(m, cd_utf7_methods) < 0)
        return NULL;
    return m;
}
