/* binascii_internal.h — helpers shared by binascii_module.c and
 * binascii_qp.c.  Not public. */
#ifndef STDLIB_BINASCII_INTERNAL_H
#define STDLIB_BINASCII_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "libgc/gc.h"
#include "libobject/libobject.h"
#include "libobject/buffer.h"

/* An input argument's bytes; ba_release() ends the buffer export. */
typedef struct {
    const uint8_t *p;
    kn_ssize_t n;
    KnBuffer view;
    int owned;
} BaData;

extern KnObject *binascii_error, *binascii_incomplete;

/* ASCII-only str or bytes-like (the a2b_* inputs); 0 / -1. */
int ba_ascii_arg(KnObject *o, BaData *d);
/* bytes-like only; 0 / -1. */
int ba_bytes_arg(KnObject *o, BaData *d);
void ba_release(BaData *d);
/* n (+1) bytes of atomic memory, MemoryError on failure. */
uint8_t *ba_alloc(size_t n);
/* binascii.Error(msg). */
void ba_set_error(const char *msg);
/* 0..15 for a hex digit of either case, else -1. */
int ba_hexval(uint8_t c);
/* CRC-32 (reflected, polynomial 0xEDB88320). */
uint32_t ba_crc32(uint32_t crc, const uint8_t *p, size_t n);

KnObject *ba_a2b_qp(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames);
KnObject *ba_b2a_qp(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames);

#endif
