/*
 * unicodedata_internal.h — shared pieces of the `unicodedata` module
 * (unicodedata_*.c).  Tables: unicodedata_db.inc (tools/gen_unicodedata.py)
 * for what libobject's Unicode tables lack; category and the numeric
 * values come from libobject/unicode.h.
 *
 * `old` selects Unicode 3.2.0 (unicodedata.ucd_3_2_0): code points not yet
 * assigned then behave as unassigned, and the 3.2 records and corrections
 * apply.
 */
#ifndef STDLIB_UNICODEDATA_INTERNAL_H
#define STDLIB_UNICODEDATA_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "libobject/libobject.h"

typedef struct UdProps {
    const char *category, *bidirectional, *east_asian_width;
    int combining, mirrored;
    int assigned;            /* always 1 for 14.0 */
    uint32_t decomp;         /* offset into the decomposition pool, 0: none */
} UdProps;

void ud_props(uint32_t cp, int old, UdProps *p);
/* decimal / digit: -1 when none; numeric: 0 and *v, or -1 when none. */
int ud_decimal(uint32_t cp, int old);
int ud_digit(uint32_t cp, int old);
int ud_numeric(uint32_t cp, int old, double *v);
/* The one-level decomposition at pool offset `off`: tag index and code
 * points (count returned). */
int ud_decomp_entry(uint32_t off, const char **tag, const uint32_t **cps);
/* 3.2 normalisation correction: count and sequence, or 0. */
int ud_old_correction(uint32_t cp, int compat, const uint32_t **seq);
uint32_t ud_compose_pair(uint32_t a, uint32_t b);   /* 0: none */

/* Name of cp into buf (>= 128 bytes); 1 if it has one. */
int ud_name(uint32_t cp, int old, char *buf, size_t size);
/* lookup(): a str of one or more code points, or NULL with KeyError. */
KnObject *ud_lookup(const char *name, size_t len, int old);

KnObject *ud_normalize(const char *form, KnObject *s, int old, int check_only);

#define UD_SBASE 0xAC00
#define UD_LBASE 0x1100
#define UD_VBASE 0x1161
#define UD_TBASE 0x11A7
#define UD_LCOUNT 19
#define UD_VCOUNT 21
#define UD_TCOUNT 28
#define UD_NCOUNT (UD_VCOUNT * UD_TCOUNT)
#define UD_SCOUNT (UD_LCOUNT * UD_NCOUNT)

#endif
