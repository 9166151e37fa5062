/* lzma_internal.h — shared by lzma_module.c, lzma_filters.c and
 * lzma_objects.c (part compress).  Not public. */
#ifndef STDLIB_LZMA_INTERNAL_H
#define STDLIB_LZMA_INTERNAL_H

#include <lzma.h>

#include "compress_internal.h"

/* CPython's container formats (module constants FORMAT_*). */
enum { LZ_FORMAT_AUTO, LZ_FORMAT_XZ, LZ_FORMAT_ALONE, LZ_FORMAT_RAW };

extern KnObject *lzma_error_type;          /* _lzma.LZMAError */
/* liblzma's allocations go through the collector. */
extern const lzma_allocator lz_allocator;

/* 0 for the codes that are not errors; else -1 with CPython's exception. */
int lz_check(lzma_ret ret);

/* CPython's unsigned converters: an int (no __index__: TypeError "an
 * integer is required"), not negative, fitting the type ("Value too large
 * for <type> type").  0 / -1. */
int lz_uint64_arg(KnObject *o, uint64_t *out);
int lz_uint32_arg(KnObject *o, uint32_t *out);
/* A C int argument (__index__, OverflowError past INT_MIN / INT_MAX). */
int lz_int_arg(KnObject *o, int *out);

/* One filter specifier (a mapping with "id" and the filter's options)
 * into *f; options live in GC memory. */
int lz_filter_from_spec(KnObject *spec, lzma_filter *f);
/* A sequence of specifiers into filters[], ended by LZMA_VLI_UNKNOWN. */
int lz_filter_chain(KnObject *specs, lzma_filter filters[LZMA_FILTERS_MAX + 1]);
/* The dict CPython builds for a decoded filter. */
KnObject *lz_filter_to_spec(const lzma_filter *f);

extern KnTypeObject lzma_compressor_type, lzma_decompressor_type;

#endif
