/*
 * lzma_objects.c — _lzma.LZMACompressor(format, check, preset, filters)
 * with compress / flush, and _lzma.LZMADecompressor(format, memlimit,
 * filters) with decompress(data, max_length=-1), check, eof, needs_input,
 * unused_data — CPython 3.11's checks, messages and needs_input rule.
 */
#include <string.h>

#include "lzma_internal.h"

#define FC(f) ((KnCFunction)(void (*)(void))(f))

typedef struct {
    KN_OBJECT_HEAD;
    lzma_stream lzs;
    int flushed;             /* compressor */
    int check;               /* decompressor: CHECK_* of the stream */
    int eof;
    int needs_input;
    KnObject *unused_data;   /* bytes */
    CxPending pending;
} LzObject;

static LzObject *lz_new_object(KnTypeObject *t)
{
    LzObject *z = (LzObject *)ob_type_generic_alloc(t, 0);
    if (z == NULL)
        return NULL;
    lzma_stream init = LZMA_STREAM_INIT;
    z->lzs = init;
    z->lzs.allocator = &lz_allocator;
    return z;
}

/* ---- LZMACompressor */

static int init_xz(lzma_stream *s, int check, uint32_t preset, KnObject *filters)
{
    if (check == -1)
        check = LZMA_CHECK_CRC64;
    if (filters == KN_None)
        return lz_check(lzma_easy_encoder(s, preset, (lzma_check)check));
    lzma_filter chain[LZMA_FILTERS_MAX + 1];
    if (lz_filter_chain(filters, chain) < 0)
        return -1;
    return lz_check(lzma_stream_encoder(s, chain, (lzma_check)check));
}

static int init_alone(lzma_stream *s, uint32_t preset, KnObject *filters)
{
    if (filters == KN_None) {
        lzma_options_lzma o;
        if (lzma_lzma_preset(&o, preset)) {
            ob_err_format((KnTypeObject *)lzma_error_type, "Invalid compression preset: %u",
                          preset);
            return -1;
        }
        return lz_check(lzma_alone_encoder(s, &o));
    }
    lzma_filter chain[LZMA_FILTERS_MAX + 1];
    if (lz_filter_chain(filters, chain) < 0)
        return -1;
    if (chain[0].id != LZMA_FILTER_LZMA1 || chain[1].id != LZMA_VLI_UNKNOWN) {
        ob_err_set_string(ob_exc_ValueError,
                          "Invalid filter chain for FORMAT_ALONE - must be a single LZMA1 filter");
        return -1;
    }
    return lz_check(lzma_alone_encoder(s, chain[0].options));
}

static int init_raw(lzma_stream *s, KnObject *filters, int decode)
{
    lzma_filter chain[LZMA_FILTERS_MAX + 1];
    if (lz_filter_chain(filters, chain) < 0)
        return -1;
    return lz_check(decode ? lzma_raw_decoder(s, chain) : lzma_raw_encoder(s, chain));
}

static KnObject *comp_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    static const char *const names[] = { "format", "check", "preset", "filters", NULL };
    static const KnArgSpec spec = { "LZMACompressor", names, 0, 4, 0 };
    KnObject *a[4];
    int format = LZ_FORMAT_XZ, check = -1;
    uint32_t preset = LZMA_PRESET_DEFAULT;
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0 ||
        (a[0] != NULL && lz_int_arg(a[0], &format) < 0) ||
        (a[1] != NULL && lz_int_arg(a[1], &check) < 0))
        return NULL;
    KnObject *preset_obj = a[2] ? a[2] : KN_None, *filters = a[3] ? a[3] : KN_None;
    if (format != LZ_FORMAT_XZ && check != -1 && check != LZMA_CHECK_NONE) {
        ob_err_set_string(ob_exc_ValueError, "Integrity checks are only supported by FORMAT_XZ");
        return NULL;
    }
    if (preset_obj != KN_None && filters != KN_None) {
        ob_err_set_string(ob_exc_ValueError, "Cannot specify both preset and filter chain");
        return NULL;
    }
    if (preset_obj != KN_None && lz_uint32_arg(preset_obj, &preset) < 0)
        return NULL;
    LzObject *z = lz_new_object(t);
    if (z == NULL)
        return NULL;
    int rc;
    switch (format) {
    case LZ_FORMAT_XZ:
        rc = init_xz(&z->lzs, check, preset, filters);
        break;
    case LZ_FORMAT_ALONE:
        rc = init_alone(&z->lzs, preset, filters);
        break;
    case LZ_FORMAT_RAW:
        if (filters == KN_None) {
            ob_err_set_string(ob_exc_ValueError, "Must specify filters for FORMAT_RAW");
            return NULL;
        }
        rc = init_raw(&z->lzs, filters, 0);
        break;
    default:
        ob_err_format(ob_exc_ValueError, "Invalid container format: %d", format);
        return NULL;
    }
    return rc < 0 ? NULL : (KnObject *)z;
}

static KnObject *compress_run(LzObject *z, const uint8_t *p, size_t n, lzma_action action)
{
    CxOut out = { NULL, 0, 0 };
    uint8_t *next;
    size_t room;
    if (cx_out_room(&out, CX_NO_LIMIT, SIZE_MAX, &next, &room) < 0)
        return NULL;
    z->lzs.next_in = p;
    z->lzs.avail_in = n;
    z->lzs.next_out = next;
    z->lzs.avail_out = room;
    for (;;) {
        lzma_ret ret = lzma_code(&z->lzs, action);
        cx_out_sync(&out, z->lzs.next_out);
        /* liblzma reports a second call without progress as a buffer
         * error; with no input and room to spare that only means done */
        if (ret == LZMA_BUF_ERROR && n == 0 && z->lzs.avail_out > 0)
            ret = LZMA_OK;
        if (lz_check(ret) < 0)
            return NULL;
        if ((action == LZMA_RUN && z->lzs.avail_in == 0) ||
            (action == LZMA_FINISH && ret == LZMA_STREAM_END))
            break;
        if (z->lzs.avail_out == 0) {
            if (cx_out_room(&out, CX_NO_LIMIT, SIZE_MAX, &next, &room) < 0)
                return NULL;
            z->lzs.next_out = next;
            z->lzs.avail_out = room;
        }
    }
    return cx_out_bytes(&out);
}

static KnObject *comp_compress(KnObject *self, KnObject *data)
{
    LzObject *z = (LzObject *)self;
    KnBuffer view;
    if (ob_buffer_get(data, &view, KN_BUF_SIMPLE) < 0)
        return NULL;
    KnObject *r = NULL;
    if (z->flushed)
        ob_err_set_string(ob_exc_ValueError, "Compressor has been flushed");
    else
        r = compress_run(z, view.buf, (size_t)view.len, LZMA_RUN);
    ob_buffer_release(&view);
    return r;
}

static KnObject *comp_flush(KnObject *self, KnObject *unused)
{
    (void)unused;
    LzObject *z = (LzObject *)self;
    if (z->flushed) {
        ob_err_set_string(ob_exc_ValueError, "Repeated call to flush()");
        return NULL;
    }
    z->flushed = 1;
    return compress_run(z, NULL, 0, LZMA_FINISH);
}

/* ---- LZMADecompressor */

static KnObject *decomp_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    static const char *const names[] = { "format", "memlimit", "filters", NULL };
    static const KnArgSpec spec = { "LZMADecompressor", names, 0, 3, 0 };
    KnObject *a[3];
    int format = LZ_FORMAT_AUTO;
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0 ||
        (a[0] != NULL && lz_int_arg(a[0], &format) < 0))
        return NULL;
    KnObject *memlimit = a[1] ? a[1] : KN_None, *filters = a[2] ? a[2] : KN_None;
    uint64_t limit = UINT64_MAX;
    if (memlimit != KN_None && format == LZ_FORMAT_RAW) {
        ob_err_set_string(ob_exc_ValueError, "Cannot specify memory limit with FORMAT_RAW");
        return NULL;
    }
    if (format == LZ_FORMAT_RAW && filters == KN_None) {
        ob_err_set_string(ob_exc_ValueError, "Must specify filters for FORMAT_RAW");
        return NULL;
    }
    if (format != LZ_FORMAT_RAW && filters != KN_None) {
        ob_err_set_string(ob_exc_ValueError, "Cannot specify filters except with FORMAT_RAW");
        return NULL;
    }
    if (memlimit != KN_None && lz_uint64_arg(memlimit, &limit) < 0)
        return NULL;
    LzObject *z = lz_new_object(t);
    if (z == NULL || (z->unused_data = ob_bytes_from_data("", 0)) == NULL)
        return NULL;
    z->check = LZMA_CHECK_ID_MAX + 1;
    z->needs_input = 1;
    const uint32_t flags = LZMA_TELL_ANY_CHECK | LZMA_TELL_NO_CHECK;
    int rc;
    switch (format) {
    case LZ_FORMAT_AUTO:
        rc = lz_check(lzma_auto_decoder(&z->lzs, limit, flags));
        break;
    case LZ_FORMAT_XZ:
        rc = lz_check(lzma_stream_decoder(&z->lzs, limit, flags));
        break;
    case LZ_FORMAT_ALONE:
        z->check = LZMA_CHECK_NONE;
        rc = lz_check(lzma_alone_decoder(&z->lzs, limit));
        break;
    case LZ_FORMAT_RAW:
        z->check = LZMA_CHECK_NONE;
        rc = init_raw(&z->lzs, filters, 1);
        break;
    default:
        ob_err_format(ob_exc_ValueError, "Invalid container format: %d", format);
        return NULL;
    }
    return rc < 0 ? NULL : (KnObject *)z;
}

/* Decompress until the end of stream, the input runs out or the output
 * reaches `limit` bytes (CPython's loop: the output is checked first). */
static KnObject *decompress_buf(LzObject *z, size_t limit)
{
    CxOut out = { NULL, 0, 0 };
    uint8_t *next;
    size_t room;
    if (cx_out_room(&out, limit, SIZE_MAX, &next, &room) < 0)
        return NULL;
    z->lzs.next_out = next;
    z->lzs.avail_out = room;
    for (;;) {
        lzma_ret ret = lzma_code(&z->lzs, LZMA_RUN);
        cx_out_sync(&out, z->lzs.next_out);
        /* all input decompressed, not at the end of stream yet */
        if (ret == LZMA_BUF_ERROR && z->lzs.avail_in == 0 && z->lzs.avail_out > 0)
            ret = LZMA_OK;
        if (lz_check(ret) < 0)
            return NULL;
        if (ret == LZMA_GET_CHECK || ret == LZMA_NO_CHECK)
            z->check = (int)lzma_get_check(&z->lzs);
        if (ret == LZMA_STREAM_END) {
            z->eof = 1;
            break;
        }
        if (z->lzs.avail_out == 0) {
            if (out.len == limit)
                break;
            if (cx_out_room(&out, limit, SIZE_MAX, &next, &room) < 0)
                return NULL;
            z->lzs.next_out = next;
            z->lzs.avail_out = room;
        } else if (z->lzs.avail_in == 0) {
            break;
        }
    }
    return cx_out_bytes(&out);
}

static KnObject *decomp_decompress(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                                   KnObject *kwnames)
{
    LzObject *z = (LzObject *)self;
    static const char *const names[] = { "data", "max_length", NULL };
    static const KnArgSpec spec = { "decompress", names, 1, 2, 0 };
    KnObject *a[2];
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    KnBuffer view;
    if (ob_buffer_get(a[0], &view, KN_BUF_SIMPLE) < 0)
        return NULL;
    KnObject *r = NULL;
    kn_ssize_t max_length = -1;
    if (a[1] != NULL) {
        if (KN_FLOAT_CHECK(a[1])) {
            ob_err_set_string(ob_exc_TypeError, "'float' object cannot be interpreted as an integer");
            goto done;
        }
        max_length = ob_number_as_ssize(a[1], ob_exc_OverflowError);
        if (max_length == -1 && ob_err_occurred())
            goto done;
    }
    if (z->eof) {
        ob_err_set_string(ob_exc_EOFError, "Already at end of stream");
        goto done;
    }
    size_t total;
    const uint8_t *in = cx_pending_join(&z->pending, view.buf, (size_t)view.len, &total);
    if (in == NULL)
        goto done;
    z->lzs.next_in = in;
    z->lzs.avail_in = total;
    r = decompress_buf(z, max_length < 0 ? CX_NO_LIMIT : (size_t)max_length);
    if (r == NULL) {
        cx_pending_keep(&z->pending, NULL, 0);    /* the input is dropped */
        goto done;
    }
    size_t left = z->lzs.avail_in;
    if (z->eof) {
        z->needs_input = 0;
        if (left > 0 &&
            (z->unused_data = ob_bytes_from_data(z->lzs.next_in, (kn_ssize_t)left)) == NULL)
            r = NULL;
        cx_pending_keep(&z->pending, NULL, 0);
    } else if (left == 0) {
        /* A full output buffer may leave output inside liblzma: ask for
         * another call before more input. */
        z->needs_input = z->lzs.avail_out != 0;
        cx_pending_keep(&z->pending, NULL, 0);
    } else {
        z->needs_input = 0;
        if (cx_pending_keep(&z->pending, z->lzs.next_in, left) < 0)
            r = NULL;
    }
done:
    ob_buffer_release(&view);
    return r;
}

static KnObject *get_check(KnObject *self, void *c)
{
    (void)c;
    return ob_int_from_ssize(((LzObject *)self)->check);
}

static KnObject *get_eof(KnObject *self, void *c)
{
    (void)c;
    return KN_BOOL(((LzObject *)self)->eof);
}

static KnObject *get_needs_input(KnObject *self, void *c)
{
    (void)c;
    return KN_BOOL(((LzObject *)self)->needs_input);
}

static KnObject *get_unused_data(KnObject *self, void *c)
{
    (void)c;
    return ((LzObject *)self)->unused_data;
}

static KnMethodDef comp_methods[] = {
    { "compress", FC(comp_compress), KN_METH_O,
      "Provide data to the compressor object.\n\nReturns a chunk of compressed data if possible, "
      "or b'' otherwise.\n\nWhen you have finished providing data to the compressor, call the\n"
      "flush() method to finish the compression process." },
    { "flush", FC(comp_flush), KN_METH_NOARGS,
      "Finish the compression process.\n\nReturns the compressed data left in internal buffers.\n\n"
      "The compressor object may not be used after this method is called." },
    { NULL, NULL, 0, NULL }
};

static KnMethodDef decomp_methods[] = {
    { "decompress", FC(decomp_decompress), KN_METH_FASTCALL | KN_METH_KEYWORDS,
      "Decompress *data*, returning uncompressed data as bytes." },
    { NULL, NULL, 0, NULL }
};

static KnGetSetDef decomp_getset[] = {
    { "check", get_check, NULL, "ID of the integrity check used by the input stream.", NULL },
    { "eof", get_eof, NULL, "True if the end-of-stream marker has been reached.", NULL },
    { "needs_input", get_needs_input, NULL,
      "True if more input is needed before more decompressed data can be produced.", NULL },
    { "unused_data", get_unused_data, NULL, "Data found after the end of the compressed stream.", NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

KnTypeObject lzma_compressor_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_lzma.LZMACompressor", .tp_basicsize = sizeof(LzObject),
    .tp_getattro = ob_generic_getattr, .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_doc = "LZMACompressor(format=FORMAT_XZ, check=-1, preset=None, filters=None)\n\n"
              "Create a compressor object for compressing data incrementally.",
    .tp_methods = comp_methods, .tp_new = comp_new,
};

KnTypeObject lzma_decompressor_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_lzma.LZMADecompressor", .tp_basicsize = sizeof(LzObject),
    .tp_getattro = ob_generic_getattr, .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_doc = "Create a decompressor object for decompressing data incrementally.",
    .tp_methods = decomp_methods, .tp_getset = decomp_getset, .tp_new = decomp_new,
};
