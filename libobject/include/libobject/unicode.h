/*
 * libobject/unicode.h — the Unicode character database str needs
 * (src/unicode_db.c over the generated tables in src/unicode_db.inc).
 *
 * Unicode 14.0, the version of CPython 3.11's unicodedata.  Properties are
 * per code point (0..0x10FFFF); out-of-range input behaves like an
 * unassigned code point.  Case mappings are the full ones (SpecialCasing:
 * 'ß'.upper() == 'SS'); the context-dependent final sigma is str's job.
 */
#ifndef LIBOBJECT_UNICODE_H
#define LIBOBJECT_UNICODE_H
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

int ob_unicode_isprintable(uint32_t ch);   /* str.isprintable */
int ob_unicode_isspace(uint32_t ch);       /* str.isspace / split() */
int ob_unicode_islinebreak(uint32_t ch);   /* str.splitlines boundaries */
int ob_unicode_isalpha(uint32_t ch);       /* categories L* */
int ob_unicode_isdecimal(uint32_t ch);
int ob_unicode_isdigit(uint32_t ch);
int ob_unicode_isnumeric(uint32_t ch);
int ob_unicode_isalnum(uint32_t ch);
int ob_unicode_islower(uint32_t ch);       /* Lowercase property */
int ob_unicode_isupper(uint32_t ch);       /* Uppercase property */
int ob_unicode_istitle(uint32_t ch);       /* category Lt */
int ob_unicode_iscased(uint32_t ch);
int ob_unicode_iscaseignorable(uint32_t ch);
int ob_unicode_isxidstart(uint32_t ch);
int ob_unicode_isxidcontinue(uint32_t ch);
int ob_unicode_decimal(uint32_t ch);       /* -1 when none */
int ob_unicode_digit(uint32_t ch);         /* -1 when none */
double ob_unicode_numeric(uint32_t ch);    /* -1.0 when none */
const char *ob_unicode_category(uint32_t ch); /* "Lu", "Cn", ... */

/* Full case mappings: write 1..3 code points to out, return the count. */
int ob_unicode_to_lower(uint32_t ch, uint32_t out[3]);
int ob_unicode_to_upper(uint32_t ch, uint32_t out[3]);
int ob_unicode_to_title(uint32_t ch, uint32_t out[3]);
int ob_unicode_to_folded(uint32_t ch, uint32_t out[3]);

#ifdef __cplusplus
}
#endif
#endif
