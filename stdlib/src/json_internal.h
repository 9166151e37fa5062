/*
 * json_internal.h — shared pieces of the `_json` module (json_*.c):
 * a growing str buffer and the JSONDecodeError helper.
 *
 * JsonBuf keeps code points in the narrowest kind seen so far (1, 2 or 4
 * bytes) and widens in place when a wider one arrives, so an ASCII-only
 * document is built byte by byte and turned into a str with one copy.
 */
#ifndef STDLIB_JSON_INTERNAL_H
#define STDLIB_JSON_INTERNAL_H

#include <stdint.h>

#include "libobject/libobject.h"

typedef struct JsonBuf {
    void *data;          /* GC atomic block of cap units of `kind` bytes */
    kn_ssize_t len, cap;
    int kind;            /* 1, 2 or 4 */
} JsonBuf;

void json_buf_init(JsonBuf *b, kn_ssize_t cap);
/* Room for n more code points up to maxchar (widens / grows); -1 on error. */
int json_buf_reserve(JsonBuf *b, kn_ssize_t n, uint32_t maxchar);
int json_buf_putc(JsonBuf *b, uint32_t c);
int json_buf_ascii(JsonBuf *b, const char *s, kn_ssize_t n);
/* Append s[start:end] of a str. */
int json_buf_str(JsonBuf *b, KnObject *s, kn_ssize_t start, kn_ssize_t end);
KnObject *json_buf_finish(JsonBuf *b);

/* Escape str s as a JSON string literal (quotes included) into b;
 * ascii_only: everything outside ' '..'~' as \uXXXX. */
int json_escape_into(JsonBuf *b, KnObject *s, int ascii_only);
/* 1 when the n bytes need no JSON escape and are ASCII (" " .. "~"). */
int json_plain_ascii(const void *data, kn_ssize_t n);

/* Raise json.decoder.JSONDecodeError(msg, doc, pos); always returns NULL. */
KnObject *json_raise_errmsg(const char *msg, KnObject *doc, kn_ssize_t pos);
/* StopIteration(idx); returns NULL. */
KnObject *json_stop_iteration(kn_ssize_t idx);

/* scanstring over str s from `end` (just past the opening quote): the
 * decoded str, *next set past the closing quote. */
KnObject *json_scanstring(KnObject *s, kn_ssize_t end, int strict, kn_ssize_t *next);

extern KnTypeObject json_scanner_type;
extern KnTypeObject json_encoder_type;
/* encode_basestring_ascii, encode_basestring, terminator */
extern KnMethodDef json_fast_encoders[3];

#endif
