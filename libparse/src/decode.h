/* decode.h — source decoding for the tokenizer (library-internal). */
#ifndef LIBPARSE_SRC_DECODE_H
#define LIBPARSE_SRC_DECODE_H

#include <stddef.h>
#include "libparse/error.h"

/* Turn the source into the tokenizer's buffer: BOM and PEP 263 cookie
 * handled (unless PS_TOK_STR), transcoded to UTF-8, "\r\n"/"\r" -> "\n",
 * NUL-terminated.  UTF-8 input (declared or default) is NOT validated here:
 * CPython finds undecodable bytes only where it decodes them (identifiers,
 * string literals), with messages relative to that token, and ignores them
 * in comments; the tokenizer and ps_decode_body do the same.
 * *encoding gets CPython's normalized name (static string), or NULL when
 * raw bytes declared nothing (no BOM, no cookie): CPython's tok->encoding is
 * then NULL and its parser reports SyntaxError offsets in bytes. */
int ps_source_decode(const char *src, size_t len, int flags,
                     char **out, size_t *out_len, const char **encoding,
                     ps_error *err);

#endif
