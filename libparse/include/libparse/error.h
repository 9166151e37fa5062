/* error.h — libparse's error record, shared by the tokenizer, the string
 * decoder and the parser.
 *
 * libparse knows no Python objects, so a failing call returns NULL (or -1)
 * and fills a ps_error.  The record holds everything the host needs to build
 * CPython's exception: the exception class (kind), the message, and the
 * location both as libparse's byte columns and as the SyntaxError attributes
 * CPython would show.
 *
 * Positions.  Two sets are kept because CPython itself uses two units:
 *   lineno, col_offset, end_lineno, end_col_offset
 *       1-based lines, 0-based UTF-8 *byte* columns from the start of the
 *       line: the units of the ast module and of ps_token.  -1 = unknown.
 *   offset, end_offset
 *       exactly SyntaxError.offset / .end_offset as CPython 3.11 reports them:
 *       1-based, counted in *characters* of `text`.  CPython sometimes reports
 *       0 or -1 here (e.g. end_offset of "unindent does not match" is -1,
 *       end_offset of "'(' was never closed" is 0); the tokenizer stores those
 *       quirks verbatim.  The parser computes its own with
 *       ps_error_char_offset() below.
 * `text` is SyntaxError.text: the offending line as CPython shows it (usually
 * with its trailing "\n", sometimes without — again as CPython does), UTF-8,
 * NUL-terminated, owned by the record (NULL when CPython gives None).
 *
 * Lifetime: a ps_error is a plain struct the caller owns (zero-initialise it or
 * call ps_error_init); ps_error_clear frees `text` and resets it.  Setting an
 * error on a record that already holds one replaces it.
 */
#ifndef LIBPARSE_ERROR_H
#define LIBPARSE_ERROR_H

#include <stdarg.h>
#include <stddef.h>

typedef enum ps_error_kind {
    PS_ERR_NONE = 0,
    PS_ERR_SYNTAX,      /* SyntaxError */
    PS_ERR_INDENTATION, /* IndentationError (subclass of SyntaxError) */
    PS_ERR_TAB,         /* TabError (subclass of IndentationError) */
    PS_ERR_MEMORY,      /* MemoryError: allocation failed; message is "" */
    PS_ERR_DECODE,      /* SyntaxError raised while decoding the source or a
                           literal: "(unicode error) ...", "unknown encoding:
                           ...", "encoding problem: ...".  Same Python class as
                           PS_ERR_SYNTAX; kept apart so the host can tell. */
    PS_ERR_VALUE,       /* ValueError: 3.11's compile() raises
                           "source code string cannot contain null bytes" */
    PS_ERR_OVERFLOW,    /* input too large for libparse's int positions */
    PS_ERR_UNICODE_DECODE, /* UnicodeDecodeError, as CPython 3.11's compile()
                           lets escape when, after a syntax error, it
                           tokenizes on and meets an identifier that is not
                           UTF-8; msg is str() of that exception (encoding
                           'utf-8', no location) */
} ps_error_kind;

#define PS_ERROR_MSG_MAX 512

typedef struct ps_error {
    ps_error_kind kind;
    char msg[PS_ERROR_MSG_MAX]; /* NUL-terminated UTF-8, truncated if longer */
    int lineno;                 /* 1-based; 0 when CPython reports 0 */
    int col_offset;             /* 0-based byte column, -1 unknown */
    int end_lineno;
    int end_col_offset;
    int offset;                 /* SyntaxError.offset (1-based chars) */
    int end_offset;             /* SyntaxError.end_offset */
    char *text;                 /* SyntaxError.text, malloc'd, or NULL */
} ps_error;

/* Warning categories a libparse callback may report. */
typedef enum ps_warn_category {
    PS_WARN_SYNTAX = 1,      /* SyntaxWarning (e.g. "invalid decimal literal" for 1if) */
    PS_WARN_DEPRECATION = 2, /* DeprecationWarning ("invalid escape sequence '\d'") */
} ps_warn_category;

/* Warning sink: return 0 to go on, -1 to turn the warning into an error
 * (as "-W error" does; libparse then fails with PS_ERR_SYNTAX carrying the
 * warning's message, as CPython does).  lineno/col are 1-based / byte 0-based;
 * lineno is 0 when the caller of the decoder did not say where. */
typedef int (*ps_warn_fn)(void *ctx, ps_warn_category cat, int lineno,
                          int col_offset, const char *msg);

void ps_error_init(ps_error *err);
void ps_error_clear(ps_error *err);

/* Fill `err`: kind, location (byte columns; offset/end_offset are derived
 * from them with ps_error_char_offset(line, col + 1), or 0 for a column < 0),
 * the text of the line (copied from line/line_len; NULL line = no text) and a
 * printf-style message.  Returns -1 so callers can `return ps_error_set(...)`. */
int ps_error_set(ps_error *err, ps_error_kind kind,
                 int lineno, int col_offset, int end_lineno, int end_col_offset,
                 const char *line, size_t line_len, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 9, 10)))
#endif
    ;
int ps_error_vset(ps_error *err, ps_error_kind kind,
                  int lineno, int col_offset, int end_lineno, int end_col_offset,
                  const char *line, size_t line_len, const char *fmt, va_list ap);

/* Only the message (location left as unknown, no text). */
int ps_error_setf(ps_error *err, ps_error_kind kind, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* PS_ERR_MEMORY with CPython's empty message. */
int ps_error_nomem(ps_error *err);

/* Replace err->text with a copy of [line, line+len) (NULL: no text).
 * Returns 0, or -1 (and the record becomes PS_ERR_MEMORY) if out of memory. */
int ps_error_set_text(ps_error *err, const char *line, size_t len);

/* CPython's _PyPegen_byte_offset_to_character_offset: the number of
 * characters in the first `nbytes` bytes of `line` (clamped to line_len + 1
 * as CPython does), decoding with "replace" (each maximal invalid or truncated
 * UTF-8 subsequence counts as one character).  SyntaxError.offset for a 0-based
 * byte column c is ps_error_char_offset(line, len, c + 1). */
int ps_error_char_offset(const char *line, size_t line_len, size_t nbytes);

/* The Python class name for a kind ("SyntaxError", "TabError", ...). */
const char *ps_error_kind_name(ps_error_kind kind);

#endif
