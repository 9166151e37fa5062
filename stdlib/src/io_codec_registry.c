/*
 * io_codec_registry.c — TextIOWrapper's codecs beyond the built-in ones:
 * any text encoding of the codec registry (koi8-r, cp1252, iso8859-x,
 * mac-roman, ...), decoded with the codec's incremental decoder, as
 * CPython's TextIOWrapper does.  Encoding needs nothing here: write()
 * goes through ob_str_encode, which reaches the registry itself.
 *
 * io_codec.c's contract is stateless — every chunk is decoded from a
 * clean decoder, and the bytes of a cut character wait in `partial` — so
 * the decoder is reset before each use and what it buffers (its
 * getstate()[0]) is reported back as not used.  A codec whose decoder
 * keeps other state between chunks (getstate()[1] != 0, e.g. utf-7 inside
 * a shifted run) cannot be carried that way: NotImplementedError.
 */
#include <string.h>

#include "libgc/gc.h"
#include "io_textio.h"

/* libjit's importer (weak: stdlib links without libjit in some tests). */
KnObject *jit_import_module(const char *name) __attribute__((weak));

struct IoRegCodec {
    KnObject *factory;          /* CodecInfo.incrementaldecoder */
    KnObject *decoder;          /* an instance for `decoder_err`, or NULL */
    IoErrors decoder_err;
};

static const char *errors_name(IoErrors e)
{
    switch (e) {
    case IO_ERR_IGNORE: return "ignore";
    case IO_ERR_REPLACE: return "replace";
    case IO_ERR_SURROGATEESCAPE: return "surrogateescape";
    case IO_ERR_BACKSLASH: return "backslashreplace";
    default: return "strict";
    }
}

int io_codec_registry_lookup(const char *name, IoCodec *codec)
{
    KnObject *codecs = jit_import_module ? jit_import_module("codecs") : NULL;
    if (codecs == NULL) {
        if (!ob_err_occurred())
            ob_err_format(ob_exc_LookupError, "unknown encoding: %s", name);
        return -1;
    }
    KnObject *info = ob_call_method(codecs, "lookup", 1, ob_str_from_cstr(name));
    if (info == NULL)
        return -1;
    KnObject *is_text = NULL;
    if (ob_lookup_attr(info, ob_str_intern_cstr("_is_text_encoding"), &is_text) < 0)
        return -1;
    int text = is_text == NULL ? 1 : ob_is_true(is_text);
    if (text < 0)
        return -1;
    if (!text) {
        ob_err_format(ob_exc_LookupError, "'%s' is not a text encoding; "
                      "use codecs.open() to handle arbitrary codecs", name);
        return -1;
    }
    KnObject *factory = ob_getattr_str(info, "incrementaldecoder");
    KnObject *cname = factory ? ob_getattr_str(info, "name") : NULL;
    const char *cn = cname && KN_STR_CHECK(cname) ? ob_str_as_utf8(cname, NULL) : NULL;
    if (cn == NULL)
        return -1;
    struct IoRegCodec *reg = kgc_alloc(sizeof *reg);
    if (reg == NULL) {
        ob_err_nomemory();
        return -1;
    }
    reg->factory = factory;
    reg->decoder = NULL;
    codec->kind = IO_CODEC_REGISTRY;
    codec->name = cn;
    codec->reg = reg;
    return 0;
}

/* Decode s[0, n) from a clean decoder: the text, and in *held how many
 * trailing bytes the decoder kept back (a cut character). */
static KnObject *decode_clean(struct IoRegCodec *reg, IoErrors e, const char *codec_name,
                              const uint8_t *s, kn_ssize_t n, int final, kn_ssize_t *held)
{
    if (reg->factory == KN_None) {
        ob_err_format(ob_exc_NotImplementedError,
                      "the '%s' codec has no incremental decoder", codec_name);
        return NULL;
    }
    if (reg->decoder == NULL || reg->decoder_err != e) {
        reg->decoder = ob_call_onearg(reg->factory, ob_str_from_cstr(errors_name(e)));
        if (reg->decoder == NULL)
            return NULL;
        reg->decoder_err = e;
    } else if (ob_call_method(reg->decoder, "reset", 0) == NULL) {
        return NULL;
    }
    KnObject *in = ob_bytes_from_data((const char *)s, n);
    KnObject *text = in ? ob_call_method(reg->decoder, "decode", 2, in, KN_BOOL(final)) : NULL;
    if (text == NULL)
        return NULL;
    if (!KN_STR_CHECK(text))
        return ob_err_format(ob_exc_TypeError, "decoder should return a string result, not '%s'",
                             ob_type_name(KN_TYPE(text)));
    *held = 0;
    if (final)
        return text;
    KnObject *state = ob_call_method(reg->decoder, "getstate", 0);
    if (state == NULL)
        return NULL;
    if (!KN_TUPLE_CHECK(state) || KN_SIZE(state) != 2 || !KN_BYTES_CHECK(KN_TUPLE_GET(state, 0)))
        return ob_err_format(ob_exc_TypeError, "illegal decoder state");
    int more = ob_is_true(KN_TUPLE_GET(state, 1));
    if (more < 0)
        return NULL;
    *held = KN_SIZE(KN_TUPLE_GET(state, 0));
    if (more || *held > 4)
        return ob_err_format(ob_exc_NotImplementedError,
                             "Kiln: TextIOWrapper cannot carry the decoder state of the "
                             "'%s' codec between chunks", codec_name);
    return text;
}

static int to_code_points(KnObject *text, uint32_t *out)
{
    kn_ssize_t len = ob_str_length(text);
    for (kn_ssize_t i = 0; i < len; i++)
        out[i] = ob_str_read_char(text, i);
    return (int)len;
}

int io_codec_registry_step(const IoCodec *codec, IoErrors e, const uint8_t *s, kn_ssize_t n,
                           int final, uint32_t out[16], int *nout)
{
    kn_ssize_t lim = n < 8 ? n : 8;
    for (kn_ssize_t k = 1; k <= lim; k++) {
        kn_ssize_t held;
        KnObject *text = decode_clean(codec->reg, e, codec->name, s, k, final && k == n, &held);
        if (text == NULL) {
            ob_err_clear();         /* the caller reports the position it failed at */
            return -1;
        }
        if (held > 0)
            continue;               /* the character goes on in the next byte */
        if (ob_str_length(text) > 16)
            return -1;
        *nout = to_code_points(text, out);
        return (int)k;
    }
    return lim == n && !final ? 0 : -1;
}

int io_codec_registry_decode(const IoCodec *codec, IoErrors e, const uint8_t *s, kn_ssize_t n,
                             int final, uint32_t **out, kn_ssize_t *outn, kn_ssize_t *used)
{
    kn_ssize_t held;
    KnObject *text = decode_clean(codec->reg, e, codec->name, s, n, final, &held);
    if (text == NULL)
        return -1;
    kn_ssize_t len = ob_str_length(text);
    uint32_t *buf = kgc_alloc_atomic((size_t)(len + 1) * sizeof(uint32_t));
    if (buf == NULL) {
        ob_err_nomemory();
        return -1;
    }
    to_code_points(text, buf);
    *out = buf;
    *outn = len;
    *used = n - held;
    return 0;
}
