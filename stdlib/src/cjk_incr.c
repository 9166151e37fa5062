/*
 * cjk_incr.c — MultibyteIncrementalEncoder / MultibyteIncrementalDecoder
 * and what the stream objects share with them (construction, the errors
 * attribute, stateful encoding and decoding with pending input).
 *
 * On an error the pending input is left as it was before the call (the
 * new input is dropped), as python3.11 does; the codec state keeps what
 * the call changed.  getstate() packs the same bytes as python3.11:
 * encoder: one byte for the pending UTF-8 length, the UTF-8, the 8 state
 * bytes, read as a little-endian int; decoder: (pending bytes, the state
 * bytes as a little-endian int).
 */
#include <string.h>

#include "cjk_internal.h"
#include "codecs_internal.h"

void cjk_state_init(const CjkCodec *c, CjkState *st, int encoder)
{
    memset(st, 0, sizeof *st);
    void (*init)(CjkState *) = encoder ? c->encinit : c->decinit;
    if (init != NULL)
        init(st);
}

KnObject *cjk_stateful_new(KnTypeObject *t, KnObject *errors, KnObject *stream, int encoder)
{
    KnObject *codec = ob_getattr_str((KnObject *)t, "codec");
    if (codec == NULL)
        return NULL;
    const CjkCodec *c = cjk_codec_of(codec);
    if (c == NULL) {
        ob_err_set_string(ob_exc_TypeError, "codec is unexpected type");
        return NULL;
    }
    CjkStateful *self = (CjkStateful *)ob_type_generic_alloc(t, 0);
    if (self == NULL)
        return NULL;
    self->codec = c;
    cjk_state_init(c, &self->state, encoder);
    self->errors = errors != NULL ? errors : ob_str_from_cstr("strict");
    self->stream = stream;
    return self->errors == NULL ? NULL : (KnObject *)self;
}

int cjk_noop_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    (void)self;
    (void)args;
    (void)kwargs;
    return 0;
}

static KnObject *get_errors(KnObject *self, void *closure)
{
    (void)closure;
    return ((CjkStateful *)self)->errors;
}

static int set_errors(KnObject *self, KnObject *value, void *closure)
{
    (void)closure;
    if (value == NULL) {
        ob_err_set_string(ob_exc_AttributeError, "cannot delete attribute");
        return -1;
    }
    if (!KN_STR_CHECK(value)) {
        ob_err_set_string(ob_exc_TypeError, "errors must be a string");
        return -1;
    }
    ((CjkStateful *)self)->errors = value;
    return 0;
}

KnGetSetDef cjk_stateful_getset[] = {
    {"errors", get_errors, set_errors, "how to treat errors", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

KnObject *cjk_stateful_encode(CjkStateful *self, KnObject *input, int final)
{
    if (!KN_STR_CHECK(input)) {
        input = ob_str(input);
        if (input == NULL)
            return NULL;
        if (!KN_STR_CHECK(input)) {
            ob_err_set_string(ob_exc_TypeError, "couldn't convert the object to str.");
            return NULL;
        }
    }
    const char *errors = ob_str_as_utf8(self->errors, NULL);
    KnObject *whole = self->pending ? ob_str_concat(self->pending, input) : input;
    if (errors == NULL || whole == NULL)
        return NULL;
    size_t n, used;
    uint32_t *u = cjk_str_ucs4(whole, &n);
    CjkOut out = {0};
    if (u == NULL
        || cjk_encode_run(self->codec, &self->state, whole, u, n, errors,
                          final ? CJK_FLUSH | CJK_RESET : 0, &out, &used) < 0)
        return NULL;
    KnObject *rest = NULL;
    if (used < n) {
        if (n - used > CJK_MAXENCPENDING) {
            ob_err_set_string(ob_exc_UnicodeError, "pending buffer overflow");
            return NULL;
        }
        rest = ob_str_substring(whole, (kn_ssize_t)used, (kn_ssize_t)n);
        if (rest == NULL)
            return NULL;
    }
    KnObject *b = cjk_out_to_bytes(&out);
    if (b != NULL)
        self->pending = rest;
    return b;
}

KnObject *cjk_stateful_decode(CjkStateful *self, KnObject *obj, const char *data, size_t n,
                              int final)
{
    const char *errors = ob_str_as_utf8(self->errors, NULL);
    if (errors == NULL)
        return NULL;
    const unsigned char *in = (const unsigned char *)data;
    if (self->pending != NULL && KN_SIZE(self->pending) > 0) {
        obj = ob_bytes_concat(self->pending, ob_bytes_from_data(data, (kn_ssize_t)n));
        if (obj == NULL)
            return NULL;
        in = (const unsigned char *)KN_BYTES_AS_STRING(obj);
        n = (size_t)KN_SIZE(obj);
    }
    CjkOut out = {0};
    size_t used;
    if (cjk_decode_run(self->codec, &self->state, obj, in, n, errors, final, &out, &used) < 0)
        return NULL;
    KnObject *rest = NULL;
    if (used < n) {
        if (n - used > CJK_MAXDECPENDING) {
            ob_err_set_string(ob_exc_UnicodeError, "pending buffer overflow");
            return NULL;
        }
        rest = ob_bytes_from_data(in + used, (kn_ssize_t)(n - used));
        if (rest == NULL)
            return NULL;
    }
    KnObject *s = cjk_out_to_str(&out);
    if (s != NULL)
        self->pending = rest;
    return s;
}

/* ---- state as a little-endian int */

static KnObject *int_from_le(const unsigned char *b, size_t n)
{
    KnObject *bytes = ob_bytes_from_data(b, (kn_ssize_t)n);
    return bytes == NULL ? NULL
                         : ob_call_method((KnObject *)&ob_int_type, "from_bytes", 2, bytes,
                                          ob_str_from_cstr("little"));
}

static int int_to_le(KnObject *v, unsigned char *b, size_t n)
{
    KnObject *r = ob_call_method(v, "to_bytes", 2, ob_int_from_size(n), ob_str_from_cstr("little"));
    if (r == NULL)
        return -1;
    memcpy(b, KN_BYTES_AS_STRING(r), n);
    return 0;
}

/* ---- MultibyteIncrementalEncoder */

#define SELF ((CjkStateful *)self)

static KnObject *errors_new(const char *fname, KnTypeObject *t, KnObject *args, KnObject *kw,
                            int encoder)
{
    static const char *const names[] = {"errors", NULL};
    KnArgSpec spec = {fname, names, 0, 1, 0};
    KnObject *a[1] = {0};
    if (ob_args_parse_tuple(&spec, args, kw, a) < 0)
        return NULL;
    if (a[0] != NULL && !KN_STR_CHECK(a[0])) {
        ob_err_format(ob_exc_TypeError, "%s() argument 1 must be str, not %s", fname,
                      a[0] == KN_None ? "None" : ob_type_name(KN_TYPE(a[0])));
        return NULL;
    }
    return cjk_stateful_new(t, a[0], NULL, encoder);
}

static KnObject *ienc_new(KnTypeObject *t, KnObject *args, KnObject *kw)
{
    return errors_new("IncrementalEncoder", t, args, kw, 1);
}

static KnObject *ienc_encode(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"input", "final", NULL};
    static const KnArgSpec spec = {"encode", names, 1, 2, 0};
    KnObject *a[2] = {0};
    int final = 0;
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0 || (a[1] != NULL && (final = ob_is_true(a[1])) < 0))
        return NULL;
    return cjk_stateful_encode(SELF, a[0], final);
}

static KnObject *ienc_getstate(KnObject *self, KnObject *unused)
{
    (void)unused;
    unsigned char buf[1 + CJK_MAXENCPENDING * 4 + 8];
    size_t k = 1;
    buf[0] = 0;
    if (SELF->pending != NULL) {
        kn_ssize_t len;
        const char *u = ob_str_as_utf8(SELF->pending, &len);
        if (u == NULL)
            return NULL;
        if (len > CJK_MAXENCPENDING * 4) {
            ob_err_set_string(ob_exc_UnicodeError, "pending buffer too large");
            return NULL;
        }
        buf[0] = (unsigned char)len;
        memcpy(buf + 1, u, (size_t)len);
        k += (size_t)len;
    }
    memcpy(buf + k, SELF->state.c, 8);
    return int_from_le(buf, k + 8);
}

static KnObject *ienc_setstate(KnObject *self, KnObject *state)
{
    if (!KN_INT_CHECK(state)) {
        ob_err_format(ob_exc_TypeError, "setstate() argument must be int, not %s",
                      ob_type_name(KN_TYPE(state)));
        return NULL;
    }
    unsigned char buf[1 + CJK_MAXENCPENDING * 4 + 8];
    if (int_to_le(state, buf, sizeof buf) < 0)
        return NULL;
    if (buf[0] > CJK_MAXENCPENDING * 4) {
        ob_err_set_string(ob_exc_UnicodeError, "pending buffer too large");
        return NULL;
    }
    KnObject *pending = NULL;
    if (buf[0] > 0) {
        pending = ob_str_decode_utf8((const char *)buf + 1, buf[0], "strict");
        if (pending == NULL)
            return NULL;
    }
    SELF->pending = pending;
    memcpy(SELF->state.c, buf + 1 + buf[0], 8);
    return KN_None;
}

static KnObject *ienc_reset(KnObject *self, KnObject *unused)
{
    (void)unused;
    if (SELF->codec->encreset != NULL) {
        CjkOut scratch = {0};
        if (SELF->codec->encreset(SELF->codec, &SELF->state, &scratch) < 0)
            return NULL;
    }
    SELF->pending = NULL;
    return KN_None;
}

/* ---- MultibyteIncrementalDecoder */

static KnObject *idec_new(KnTypeObject *t, KnObject *args, KnObject *kw)
{
    return errors_new("IncrementalDecoder", t, args, kw, 0);
}

static KnObject *idec_decode(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"input", "final", NULL};
    static const KnArgSpec spec = {"decode", names, 1, 2, 0};
    KnObject *a[2] = {0};
    int final = 0;
    CdBytes in;
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0 || cd_get_bytes(a[0], &in) < 0
        || (a[1] != NULL && (final = ob_is_true(a[1])) < 0))
        return NULL;
    KnObject *obj = KN_TYPE(a[0]) == &ob_bytes_type ? a[0] : NULL;
    return cjk_stateful_decode(SELF, obj, in.data, (size_t)in.len, final);
}

static KnObject *idec_getstate(KnObject *self, KnObject *unused)
{
    (void)unused;
    KnObject *p = SELF->pending ? SELF->pending : ob_bytes_from_data("", 0);
    KnObject *st = int_from_le(SELF->state.c, 8);
    return p == NULL || st == NULL ? NULL : ob_tuple_pack(2, p, st);
}

static KnObject *idec_setstate(KnObject *self, KnObject *state)
{
    if (!KN_TUPLE_CHECK(state)) {
        ob_err_format(ob_exc_TypeError, "setstate() argument must be tuple, not %s", ob_type_name(KN_TYPE(state)));
        return NULL;
    }
    if (KN_SIZE(state) != 2 || !KN_BYTES_CHECK(KN_TUPLE_GET(state, 0))
        || !KN_INT_CHECK(KN_TUPLE_GET(state, 1))) {
        ob_err_set_string(ob_exc_TypeError, "setstate(): illegal state argument");
        return NULL;
    }
    unsigned char c[8];
    if (int_to_le(KN_TUPLE_GET(state, 1), c, 8) < 0)
        return NULL;
    KnObject *buf = KN_TUPLE_GET(state, 0);
    if (KN_SIZE(buf) > CJK_MAXDECPENDING) {
        ob_err_set_string(ob_exc_UnicodeError, "pending buffer too large");
        return NULL;
    }
    SELF->pending = KN_SIZE(buf) ? ob_bytes_from_data(KN_BYTES_AS_STRING(buf), KN_SIZE(buf)) : NULL;
    memcpy(SELF->state.c, c, 8);
    return KN_None;
}

static KnObject *idec_reset(KnObject *self, KnObject *unused)
{
    (void)unused;
    SELF->pending = NULL;
    if (SELF->codec->decreset != NULL)   /* stateless codecs keep the state bytes */
        SELF->codec->decreset(&SELF->state);
    return KN_None;
}

#define CJ_FC(f) ((KnCFunction)(void (*)(void))(f))
#define CJ_KW (KN_METH_FASTCALL | KN_METH_KEYWORDS)

static KnMethodDef ienc_methods[] = {
    {"encode", CJ_FC(ienc_encode), CJ_KW, NULL},
    {"getstate", CJ_FC(ienc_getstate), KN_METH_NOARGS, NULL},
    {"setstate", CJ_FC(ienc_setstate), KN_METH_O, NULL},
    {"reset", CJ_FC(ienc_reset), KN_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static KnMethodDef idec_methods[] = {
    {"decode", CJ_FC(idec_decode), CJ_KW, NULL},
    {"getstate", CJ_FC(idec_getstate), KN_METH_NOARGS, NULL},
    {"setstate", CJ_FC(idec_setstate), KN_METH_O, NULL},
    {"reset", CJ_FC(idec_reset), KN_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

KnTypeObject cjk_ienc_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_multibytecodec.MultibyteIncrementalEncoder",
    .tp_basicsize = sizeof(CjkStateful),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_methods = ienc_methods,
    .tp_getset = cjk_stateful_getset,
    .tp_init = cjk_noop_init,
    .tp_new = ienc_new,
};

KnTypeObject cjk_idec_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_multibytecodec.MultibyteIncrementalDecoder",
    .tp_basicsize = sizeof(CjkStateful),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_methods = idec_methods,
    .tp_getset = cjk_stateful_getset,
    .tp_init = cjk_noop_init,
    .tp_new = idec_new,
};
