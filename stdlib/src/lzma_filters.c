/*
 * lzma_filters.c — filter specifiers, as CPython 3.11's _lzma reads and
 * writes them: {"id": FILTER_LZMA1 / FILTER_LZMA2, "preset", "dict_size",
 * "lc", "lp", "pb", "mode", "nice_len", "mf", "depth"}, {"id":
 * FILTER_DELTA, "dist"}, {"id": FILTER_X86 ... FILTER_SPARC,
 * "start_offset"}.  An option CPython's keyword parser would refuse (an
 * unknown key, a wrong type or range, a non-dict mapping) becomes its
 * ValueError "Invalid filter specifier for <kind> filter".
 */
#include <string.h>

#include "lzma_internal.h"

/* The keys a filter kind takes, with where each lands in its options
 * struct (offset -1: accepted and ignored, as "id" and "preset"). */
typedef struct {
    const char *name;
    long offset;
    int is_uint32;     /* else lzma_mode / lzma_match_finder (enum, 32-bit) */
} LzKey;

static const LzKey lzma_keys[] = {
    { "id", -1, 1 }, { "preset", -1, 1 },
    { "dict_size", offsetof(lzma_options_lzma, dict_size), 1 },
    { "lc", offsetof(lzma_options_lzma, lc), 1 },
    { "lp", offsetof(lzma_options_lzma, lp), 1 },
    { "pb", offsetof(lzma_options_lzma, pb), 1 },
    { "mode", offsetof(lzma_options_lzma, mode), 0 },
    { "nice_len", offsetof(lzma_options_lzma, nice_len), 1 },
    { "mf", offsetof(lzma_options_lzma, mf), 0 },
    { "depth", offsetof(lzma_options_lzma, depth), 1 },
    { NULL, 0, 0 }
};
static const LzKey delta_keys[] = {
    { "id", -1, 1 }, { "dist", offsetof(lzma_options_delta, dist), 1 }, { NULL, 0, 0 }
};
static const LzKey bcj_keys[] = {
    { "id", -1, 1 }, { "start_offset", offsetof(lzma_options_bcj, start_offset), 1 },
    { NULL, 0, 0 }
};

/* Store the options of `spec` (a dict) named in keys into opts.  0, or -1
 * with no exception set (the caller raises its ValueError). */
static int apply_keys(KnObject *spec, const LzKey *keys, void *opts)
{
    if (!KN_DICT_CHECK(spec))
        return -1;
    kn_ssize_t pos = 0;
    KnObject *k, *v;
    while (ob_dict_next(spec, &pos, &k, &v)) {
        if (!KN_STR_CHECK(k))
            return -1;
        const LzKey *key = keys;
        while (key->name != NULL && !ob_str_equal_cstr(k, key->name))
            key++;
        if (key->name == NULL)
            return -1;
        if (key->offset < 0)
            continue;
        uint64_t val;
        if (lz_uint64_arg(v, &val) < 0 || val > UINT32_MAX) {
            ob_err_clear();
            return -1;
        }
        uint32_t u = (uint32_t)val;
        memcpy((char *)opts + key->offset, &u, sizeof u);
    }
    return 0;
}

static void *spec_lzma(KnObject *spec)
{
    uint32_t preset = LZMA_PRESET_DEFAULT;
    KnObject *p = ob_getitem(spec, ob_str_from_cstr("preset"));
    if (p == NULL) {
        if (!ob_err_matches((KnObject *)ob_exc_KeyError))
            return NULL;
        ob_err_clear();
    } else if (lz_uint32_arg(p, &preset) < 0) {
        return NULL;
    }
    lzma_options_lzma *o = kgc_alloc(sizeof *o);
    if (o == NULL)
        return ob_err_nomemory();
    if (lzma_lzma_preset(o, preset)) {
        ob_err_format((KnTypeObject *)lzma_error_type, "Invalid compression preset: %u", preset);
        return NULL;
    }
    if (apply_keys(spec, lzma_keys, o) < 0) {
        ob_err_set_string(ob_exc_ValueError, "Invalid filter specifier for LZMA filter");
        return NULL;
    }
    return o;
}

static void *spec_delta(KnObject *spec)
{
    lzma_options_delta *o = kgc_alloc(sizeof *o);
    if (o == NULL)
        return ob_err_nomemory();
    o->type = LZMA_DELTA_TYPE_BYTE;
    o->dist = 1;
    if (apply_keys(spec, delta_keys, o) < 0) {
        ob_err_set_string(ob_exc_ValueError, "Invalid filter specifier for delta filter");
        return NULL;
    }
    return o;
}

static void *spec_bcj(KnObject *spec)
{
    lzma_options_bcj *o = kgc_alloc(sizeof *o);
    if (o == NULL)
        return ob_err_nomemory();
    if (apply_keys(spec, bcj_keys, o) < 0) {
        ob_err_set_string(ob_exc_ValueError, "Invalid filter specifier for BCJ filter");
        return NULL;
    }
    return o;
}

int lz_filter_from_spec(KnObject *spec, lzma_filter *f)
{
    KnMappingMethods *mp = KN_TYPE(spec)->tp_as_mapping;
    if (mp == NULL || mp->mp_subscript == NULL) {
        ob_err_set_string(ob_exc_TypeError, "Filter specifier must be a dict or dict-like object");
        return -1;
    }
    KnObject *id = ob_getitem(spec, ob_str_from_cstr("id"));
    if (id == NULL) {
        if (ob_err_matches((KnObject *)ob_exc_KeyError)) {
            ob_err_clear();
            ob_err_set_string(ob_exc_ValueError, "Filter specifier must have an \"id\" entry");
        }
        return -1;
    }
    uint64_t fid;
    if (lz_uint64_arg(id, &fid) < 0)
        return -1;
    f->id = fid;
    switch (fid) {
    case LZMA_FILTER_LZMA1:
    case LZMA_FILTER_LZMA2:
        f->options = spec_lzma(spec);
        break;
    case LZMA_FILTER_DELTA:
        f->options = spec_delta(spec);
        break;
    case LZMA_FILTER_X86: case LZMA_FILTER_POWERPC: case LZMA_FILTER_IA64:
    case LZMA_FILTER_ARM: case LZMA_FILTER_ARMTHUMB: case LZMA_FILTER_SPARC:
        f->options = spec_bcj(spec);
        break;
    default:
        ob_err_format(ob_exc_ValueError, "Invalid filter ID: %llu", (unsigned long long)fid);
        return -1;
    }
    return f->options == NULL ? -1 : 0;
}

int lz_filter_chain(KnObject *specs, lzma_filter filters[LZMA_FILTERS_MAX + 1])
{
    /* CPython measures the chain with PySequence_Size: a mapping is no
     * sequence */
    KnSequenceMethods *sq = KN_TYPE(specs)->tp_as_sequence;
    KnMappingMethods *mp = KN_TYPE(specs)->tp_as_mapping;
    if ((sq == NULL || sq->sq_length == NULL) && mp != NULL && mp->mp_length != NULL) {
        ob_err_format(ob_exc_TypeError, "%.200s is not a sequence", ob_type_name(KN_TYPE(specs)));
        return -1;
    }
    kn_ssize_t n = ob_length(specs);
    if (n < 0)
        return -1;
    if (n > LZMA_FILTERS_MAX) {
        ob_err_format(ob_exc_ValueError, "Too many filters - liblzma supports a maximum of %d",
                      LZMA_FILTERS_MAX);
        return -1;
    }
    for (kn_ssize_t i = 0; i < n; i++) {
        KnObject *spec = ob_sequence_getitem(specs, i);
        if (spec == NULL || lz_filter_from_spec(spec, &filters[i]) < 0)
            return -1;
    }
    filters[n].id = LZMA_VLI_UNKNOWN;
    filters[n].options = NULL;
    return 0;
}

static int put_u(KnObject *d, const char *key, unsigned long long v)
{
    KnObject *i = ob_int_from_unsigned_long_long(v);
    return i == NULL ? -1 : ob_dict_setitem_str(d, key, i);
}

KnObject *lz_filter_to_spec(const lzma_filter *f)
{
    KnObject *d = ob_dict_new();
    if (d == NULL || put_u(d, "id", f->id) < 0)
        return NULL;
    switch (f->id) {
    case LZMA_FILTER_LZMA1: {
        const lzma_options_lzma *o = f->options;
        if (put_u(d, "lc", o->lc) < 0 || put_u(d, "lp", o->lp) < 0 ||
            put_u(d, "pb", o->pb) < 0 || put_u(d, "dict_size", o->dict_size) < 0)
            return NULL;
        break;
    }
    case LZMA_FILTER_LZMA2:
        if (put_u(d, "dict_size", ((const lzma_options_lzma *)f->options)->dict_size) < 0)
            return NULL;
        break;
    case LZMA_FILTER_DELTA:
        if (put_u(d, "dist", ((const lzma_options_delta *)f->options)->dist) < 0)
            return NULL;
        break;
    case LZMA_FILTER_X86: case LZMA_FILTER_POWERPC: case LZMA_FILTER_IA64:
    case LZMA_FILTER_ARM: case LZMA_FILTER_ARMTHUMB: case LZMA_FILTER_SPARC:
        /* liblzma leaves the options out when start_offset is 0 */
        if (f->options != NULL &&
            put_u(d, "start_offset", ((const lzma_options_bcj *)f->options)->start_offset) < 0)
            return NULL;
        break;
    default:
        ob_err_format(ob_exc_ValueError, "Invalid filter ID: %llu", (unsigned long long)f->id);
        return NULL;
    }
    return d;
}
