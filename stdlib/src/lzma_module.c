/*
 * lzma_module.c — `_lzma` over Debian's liblzma, as CPython 3.11: the
 * FORMAT_* / CHECK_* / FILTER_* / MF_* / MODE_* / PRESET_* constants,
 * LZMAError, is_check_supported, _encode_filter_properties and
 * _decode_filter_properties.  The stream objects are in lzma_objects.c,
 * filter specifiers in lzma_filters.c.
 */
#include <limits.h>
#include <string.h>

#include "lzma_internal.h"
#include "intarg.h"

#define FC(f) ((KnCFunction)(void (*)(void))(f))

KnObject *kn_init__lzma(void);

KnObject *lzma_error_type;

static void *lz_alloc(void *opaque, size_t nmemb, size_t size)
{
    (void)opaque;
    return kgc_alloc(nmemb * size);
}

static void lz_free(void *opaque, void *p)
{
    (void)opaque;
    (void)p;    /* the collector reclaims it */
}

const lzma_allocator lz_allocator = { lz_alloc, lz_free, NULL };

int lz_check(lzma_ret ret)
{
    const char *msg;
    switch (ret) {
    case LZMA_OK: case LZMA_GET_CHECK: case LZMA_NO_CHECK: case LZMA_STREAM_END:
        return 0;
    case LZMA_MEM_ERROR:
        ob_err_nomemory();
        return -1;
    case LZMA_UNSUPPORTED_CHECK: msg = "Unsupported integrity check"; break;
    case LZMA_MEMLIMIT_ERROR: msg = "Memory usage limit exceeded"; break;
    case LZMA_FORMAT_ERROR: msg = "Input format not supported by decoder"; break;
    case LZMA_OPTIONS_ERROR: msg = "Invalid or unsupported options"; break;
    case LZMA_DATA_ERROR: msg = "Corrupt input data"; break;
    case LZMA_BUF_ERROR: msg = "Insufficient buffer space"; break;
    case LZMA_PROG_ERROR: msg = "Internal error"; break;
    default:
        ob_err_format((KnTypeObject *)lzma_error_type, "Unrecognized error from liblzma: %d",
                      (int)ret);
        return -1;
    }
    ob_err_set_string((KnTypeObject *)lzma_error_type, msg);
    return -1;
}

int lz_uint64_arg(KnObject *o, uint64_t *out)
{
    if (!KN_INT_CHECK(o)) {
        ob_err_set_string(ob_exc_TypeError, "an integer is required");
        return -1;
    }
    if (ob_int_sign(o) < 0) {
        ob_err_set_string(ob_exc_OverflowError, "can't convert negative int to unsigned");
        return -1;
    }
    int overflow;
    long long v = ob_int_as_long_long_and_overflow(o, &overflow);
    if (!overflow) {
        *out = (uint64_t)v;
        return 0;
    }
    /* Between 2**63 and 2**64: take the high half on its own. */
    KnObject *hi = ob_number_rshift(o, ob_int_from_ssize(32));
    if (hi == NULL)
        return -1;
    long long h = ob_int_as_long_long_and_overflow(hi, &overflow);
    if (overflow || h > (long long)UINT32_MAX) {
        ob_err_set_string(ob_exc_OverflowError, "int too big to convert");
        return -1;
    }
    KnObject *lo = ob_number_and(o, ob_int_from_long_long(0xffffffffLL));
    if (lo == NULL)
        return -1;
    *out = ((uint64_t)h << 32) | (uint64_t)ob_int_as_long_long(lo);
    return 0;
}

int lz_uint32_arg(KnObject *o, uint32_t *out)
{
    uint64_t v;
    if (lz_uint64_arg(o, &v) < 0)
        return -1;
    if (v > UINT32_MAX) {
        ob_err_set_string(ob_exc_OverflowError, "Value too large for uint32_t type");
        return -1;
    }
    *out = (uint32_t)v;
    return 0;
}

int lz_int_arg(KnObject *o, int *out)
{
    long long v;
    int overflow;
    if (kn_arg_index_ll(o, &v, &overflow) < 0)
        return -1;
    if (overflow > 0 || v > INT_MAX) {
        ob_err_set_string(ob_exc_OverflowError, "signed integer is greater than maximum");
        return -1;
    }
    if (overflow < 0 || v < INT_MIN) {
        ob_err_set_string(ob_exc_OverflowError, "signed integer is less than minimum");
        return -1;
    }
    *out = (int)v;
    return 0;
}

static KnObject *lz_is_check_supported(KnObject *m, KnObject *arg)
{
    (void)m;
    int check;
    if (lz_int_arg(arg, &check) < 0)
        return NULL;
    return KN_BOOL(lzma_check_is_supported((lzma_check)check));
}

static KnObject *lz_encode_filter_properties(KnObject *m, KnObject *spec)
{
    (void)m;
    lzma_filter f;
    uint32_t size;
    if (lz_filter_from_spec(spec, &f) < 0 || lz_check(lzma_properties_size(&size, &f)) < 0)
        return NULL;
    KnObject *r = ob_bytes_new_uninit(size);
    if (r == NULL ||
        lz_check(lzma_properties_encode(&f, (uint8_t *)KN_BYTES_AS_STRING(r))) < 0)
        return NULL;
    return r;
}

static KnObject *lz_decode_filter_properties(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    if (ob_args_check_positional("_decode_filter_properties", nargs, 2, 2) < 0)
        return NULL;
    uint64_t id;
    if (lz_uint64_arg(args[0], &id) < 0)
        return NULL;
    KnBuffer view;
    if (ob_buffer_get(args[1], &view, KN_BUF_SIMPLE) < 0)
        return NULL;
    lzma_filter f = { .id = id, .options = NULL };
    lzma_ret ret = lzma_properties_decode(&f, &lz_allocator, view.buf, (size_t)view.len);
    ob_buffer_release(&view);
    if (lz_check(ret) < 0)
        return NULL;
    return lz_filter_to_spec(&f);
}

static KnMethodDef lzma_functions[] = {
    { "is_check_supported", FC(lz_is_check_supported), KN_METH_O,
      "Test whether the given integrity check is supported.\n\n"
      "Always returns True for CHECK_NONE and CHECK_CRC32." },
    { "_encode_filter_properties", FC(lz_encode_filter_properties), KN_METH_O,
      "Return a bytes object encoding the options (properties) of the filter specified by *filter* "
      "(a dict).\n\nThe result does not include the filter ID itself, only the options." },
    { "_decode_filter_properties", FC(lz_decode_filter_properties), KN_METH_FASTCALL,
      "Return a bytes object encoding the options (properties) of the filter specified by *filter* "
      "(a dict).\n\nThe result does not include the filter ID itself, only the options." },
    { NULL, NULL, 0, NULL }
};

KnObject *kn_init__lzma(void)
{
    if (lzma_error_type == NULL) {
        lzma_error_type = cx_new_exception("_lzma", "LZMAError", "Call to liblzma failed.");
        if (lzma_error_type == NULL || ob_type_ready(&lzma_compressor_type) < 0 ||
            ob_type_ready(&lzma_decompressor_type) < 0)
            return NULL;
    }
    KnObject *m = ob_module_new_cstr("_lzma");
    if (m == NULL || ob_module_add_functions(m, lzma_functions) < 0 ||
        ob_module_add_object(m, "LZMAError", lzma_error_type) < 0 ||
        ob_module_add_object(m, "LZMACompressor", (KnObject *)&lzma_compressor_type) < 0 ||
        ob_module_add_object(m, "LZMADecompressor", (KnObject *)&lzma_decompressor_type) < 0)
        return NULL;
    static const struct { const char *name; unsigned long long value; } consts[] = {
        { "FORMAT_AUTO", LZ_FORMAT_AUTO }, { "FORMAT_XZ", LZ_FORMAT_XZ },
        { "FORMAT_ALONE", LZ_FORMAT_ALONE }, { "FORMAT_RAW", LZ_FORMAT_RAW },
        { "CHECK_NONE", LZMA_CHECK_NONE }, { "CHECK_CRC32", LZMA_CHECK_CRC32 },
        { "CHECK_CRC64", LZMA_CHECK_CRC64 }, { "CHECK_SHA256", LZMA_CHECK_SHA256 },
        { "CHECK_ID_MAX", LZMA_CHECK_ID_MAX }, { "CHECK_UNKNOWN", LZMA_CHECK_ID_MAX + 1 },
        { "FILTER_LZMA1", LZMA_FILTER_LZMA1 }, { "FILTER_LZMA2", LZMA_FILTER_LZMA2 },
        { "FILTER_DELTA", LZMA_FILTER_DELTA }, { "FILTER_X86", LZMA_FILTER_X86 },
        { "FILTER_IA64", LZMA_FILTER_IA64 }, { "FILTER_ARM", LZMA_FILTER_ARM },
        { "FILTER_ARMTHUMB", LZMA_FILTER_ARMTHUMB }, { "FILTER_SPARC", LZMA_FILTER_SPARC },
        { "FILTER_POWERPC", LZMA_FILTER_POWERPC },
        { "MF_HC3", LZMA_MF_HC3 }, { "MF_HC4", LZMA_MF_HC4 }, { "MF_BT2", LZMA_MF_BT2 },
        { "MF_BT3", LZMA_MF_BT3 }, { "MF_BT4", LZMA_MF_BT4 },
        { "MODE_FAST", LZMA_MODE_FAST }, { "MODE_NORMAL", LZMA_MODE_NORMAL },
        { "PRESET_DEFAULT", LZMA_PRESET_DEFAULT }, { "PRESET_EXTREME", LZMA_PRESET_EXTREME },
    };
    for (size_t i = 0; i < sizeof consts / sizeof *consts; i++)
        if (ob_module_add_object(m, consts[i].name,
                                 ob_int_from_unsigned_long_long(consts[i].value)) < 0)
            return NULL;
    return m;
}
