/*
 * cjk_codec.c — the MultibyteCodec object (encode / decode of whole
 * inputs), getcodec() of the _codecs_* modules, and the _multibytecodec
 * module.  Each codec has one MultibyteCodec object, made on first use;
 * python3.11 wraps a capsule in a new one per getcodec() call, which no
 * caller can tell apart.
 */
#include <string.h>

#include "cjk_internal.h"
#include "codecs_internal.h"

KnObject *kn_init__multibytecodec(void);

typedef struct CodecObject {
    KN_OBJECT_HEAD;
    const CjkCodec *codec;
} CodecObject;

const CjkCodec *cjk_codec_of(KnObject *o)
{
    if (o == NULL || KN_TYPE(o) != &cjk_codec_type)
        return NULL;
    return ((CodecObject *)o)->codec;
}

static KnObject *new_codec_object(const CjkCodec *c)
{
    CodecObject *o = (CodecObject *)ob_type_generic_alloc(&cjk_codec_type, 0);
    if (o == NULL)
        return NULL;
    o->codec = c;
    return (KnObject *)o;
}

KnObject *cjk_codec_object(const CjkCodec *c)
{
    static struct { const CjkCodec *c; KnObject *o; } *cache;
    static size_t ncache;
    for (size_t i = 0; i < ncache; i++)
        if (cache[i].c == c)
            return cache[i].o;
    if (ob_type_ready(&cjk_codec_type) < 0)
        return NULL;
    KnObject *o = new_codec_object(c);
    if (o == NULL)
        return NULL;
    void *grown = kgc_alloc_uncollectable((ncache + 1) * sizeof *cache);
    if (grown == NULL) {
        ob_err_nomemory();
        return NULL;
    }
    if (ncache) {
        memcpy(grown, cache, ncache * sizeof *cache);
        kgc_free(cache);
    }
    cache = grown;
    cache[ncache].c = c;
    cache[ncache].o = o;
    ncache++;
    return o;
}

KnObject *cjk_getcodec(const CjkCodec *const *list, size_t n, KnObject *name)
{
    if (!KN_STR_CHECK(name)) {
        ob_err_set_string(ob_exc_TypeError, "encoding name must be a string.");
        return NULL;
    }
    const char *s = ob_str_as_utf8(name, NULL);
    if (s == NULL)
        return NULL;
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i]->name, s) == 0)
            return cjk_codec_object(list[i]);
    ob_err_set_string(ob_exc_LookupError, "no such codec is supported.");
    return NULL;
}

static int errors_param(const char *fname, KnObject *o, const char **errors)
{
    if (o != NULL && o != KN_None && !KN_STR_CHECK(o)) {
        ob_err_format(ob_exc_TypeError, "%s() argument 'errors' must be str or None, not %s",
                      fname, ob_type_name(KN_TYPE(o)));
        return -1;
    }
    return cjk_errors_arg(o, errors);
}

static KnObject *codec_encode(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                              KnObject *kw)
{
    static const char *const names[] = {"input", "errors", NULL};
    static const KnArgSpec spec = {"encode", names, 1, 2, 0};
    KnObject *a[2] = {0};
    const char *errors;
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0 || errors_param("encode", a[1], &errors) < 0)
        return NULL;
    KnObject *s = a[0];
    if (!KN_STR_CHECK(s)) {
        s = ob_str(s);
        if (s == NULL)
            return NULL;
        if (!KN_STR_CHECK(s)) {
            ob_err_set_string(ob_exc_TypeError, "couldn't convert the object to unicode.");
            return NULL;
        }
    }
    size_t n, used;
    uint32_t *u = cjk_str_ucs4(s, &n);
    if (u == NULL)
        return NULL;
    CjkState st;
    const CjkCodec *c = ((CodecObject *)self)->codec;
    cjk_state_init(c, &st, 1);
    CjkOut out = {0};
    if (cjk_encode_run(c, &st, s, u, n, errors, CJK_FLUSH | CJK_RESET, &out, &used) < 0)
        return NULL;
    KnObject *b = cjk_out_to_bytes(&out);
    return b == NULL ? NULL : cd_pair(b, (kn_ssize_t)n);
}

static KnObject *codec_decode(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                              KnObject *kw)
{
    static const char *const names[] = {"input", "errors", NULL};
    static const KnArgSpec spec = {"decode", names, 1, 2, 0};
    KnObject *a[2] = {0};
    const char *errors;
    CdBytes in;
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0 || cd_get_bytes(a[0], &in) < 0
        || errors_param("decode", a[1], &errors) < 0)
        return NULL;
    CjkState st;
    const CjkCodec *c = ((CodecObject *)self)->codec;
    cjk_state_init(c, &st, 0);
    CjkOut out = {0};
    size_t used;
    KnObject *obj = KN_BYTES_CHECK(a[0]) && KN_TYPE(a[0]) == &ob_bytes_type ? a[0] : NULL;
    if (cjk_decode_run(c, &st, obj, (const unsigned char *)in.data, (size_t)in.len, errors, 1,
                       &out, &used) < 0)
        return NULL;
    KnObject *s = cjk_out_to_str(&out);
    return s == NULL ? NULL : cd_pair(s, in.len);
}

#define CJ_FC(f) ((KnCFunction)(void (*)(void))(f))
#define CJ_KW (KN_METH_FASTCALL | KN_METH_KEYWORDS)

static KnMethodDef codec_methods[] = {
    {"encode", CJ_FC(codec_encode), CJ_KW,
     "Return an encoded string version of `input'.\n\n'errors' may be given to set a different "
     "error handling scheme. Default is 'strict' meaning that encoding errors raise a "
     "UnicodeEncodeError. Other possible values are 'ignore', 'replace' and "
     "'xmlcharrefreplace' as well as any other name registered with codecs.register_error "
     "that can handle UnicodeEncodeErrors."},
    {"decode", CJ_FC(codec_decode), CJ_KW,
     "Decodes 'input'.\n\n'errors' may be given to set a different error handling scheme. "
     "Default is 'strict' meaning that encoding errors raise a UnicodeDecodeError. Other "
     "possible values are 'ignore' and 'replace' as well as any other name registered with "
     "codecs.register_error that is able to handle UnicodeDecodeErrors.\""},
    {NULL, NULL, 0, NULL}
};

KnTypeObject cjk_codec_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_multibytecodec.MultibyteCodec",
    .tp_basicsize = sizeof(CodecObject),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_methods = codec_methods,
};

/* __create_codec(codec): python3.11 takes a capsule the _codecs_*
 * modules make; here getcodec() returns the codec object itself, and this
 * accepts one (anything else is "argument type invalid", as there). */
static KnObject *create_codec(KnObject *mod, KnObject *arg)
{
    (void)mod;
    const CjkCodec *c = cjk_codec_of(arg);
    if (c == NULL) {
        ob_err_set_string(ob_exc_ValueError, "argument type invalid");
        return NULL;
    }
    return new_codec_object(c);
}

static KnMethodDef mbc_functions[] = {
    {"__create_codec", CJ_FC(create_codec), KN_METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

KnObject *kn_init__multibytecodec(void)
{
    KnTypeObject *types[] = {&cjk_codec_type, &cjk_ienc_type, &cjk_idec_type, &cjk_reader_type,
                             &cjk_writer_type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (ob_type_ready(types[i]) < 0)
            return NULL;
    KnObject *mod = ob_module_new_cstr("_multibytecodec");
    if (mod == NULL || ob_module_add_functions(mod, mbc_functions) < 0
        || ob_module_add_object(mod, "MultibyteIncrementalEncoder", (KnObject *)&cjk_ienc_type) < 0
        || ob_module_add_object(mod, "MultibyteIncrementalDecoder", (KnObject *)&cjk_idec_type) < 0
        || ob_module_add_object(mod, "MultibyteStreamReader", (KnObject *)&cjk_reader_type) < 0
        || ob_module_add_object(mod, "MultibyteStreamWriter", (KnObject *)&cjk_writer_type) < 0)
        return NULL;
    return mod;
}
