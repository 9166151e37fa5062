/* utf8.h — UTF-8 helpers shared by the tokenizer and the string decoder
 * (library-internal). */
#ifndef LIBPARSE_SRC_UTF8_H
#define LIBPARSE_SRC_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "libparse/error.h"

/* First undecodable sequence of s[0..n) following Python's UTF-8 decoder:
 * returns 0 if all of it is valid, else 1 with the byte range [*bad, *bad_end)
 * Python reports and its reason ("invalid start byte", "invalid continuation
 * byte", "unexpected end of data"). */
int ps_utf8_find_error(const unsigned char *s, size_t n, size_t *bad,
                       size_t *bad_end, const char **reason);

/* Fill err with "(unicode error) 'utf-8' codec can't decode byte 0x.. in
 * position N: reason" (or "bytes in position N-M") for the first error in
 * s[0..n); positions count from s.  Location is left unset. */
int ps_utf8_error(ps_error *err, const unsigned char *s, size_t n);

/* Decode one code point from valid (generalized) UTF-8; returns its length. */
size_t ps_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

/* Encode cp (any value < 0x110000, surrogates included) into out[0..4). */
size_t ps_utf8_encode(char *out, uint32_t cp);

int ps_uni_is_printable(uint32_t cp);

#endif
