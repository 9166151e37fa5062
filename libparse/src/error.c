/* error.c — the ps_error record (see include/libparse/error.h). */
#include "libparse/error.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ps_error_init(ps_error *err)
{
    memset(err, 0, sizeof *err);
    err->col_offset = err->end_col_offset = -1;
}

void ps_error_clear(ps_error *err)
{
    if (!err)
        return;
    free(err->text);
    ps_error_init(err);
}

int ps_error_set_text(ps_error *err, const char *line, size_t len)
{
    free(err->text);
    err->text = NULL;
    if (!line)
        return 0;
    char *t = malloc(len + 1);
    if (!t) {
        ps_error_nomem(err);
        return -1;
    }
    memcpy(t, line, len);
    t[len] = '\0';
    err->text = t;
    return 0;
}

/* One piece of Python's "replace" decoding of s[0..n): a valid character
 * or one maximal invalid subpart (which becomes one U+FFFD).  Returns its
 * length in bytes; *valid tells which. */
static size_t utf8_piece(const unsigned char *s, size_t n, int *valid)
{
    unsigned char c = s[0];
    int want = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2
             : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
    if (want <= 1) {
        *valid = want == 1;
        return 1;
    }
    /* the second byte's range depends on the lead (no overlongs, no
     * surrogates, nothing past U+10FFFF) */
    unsigned char lo = 0x80, hi = 0xBF;
    if (c == 0xE0) lo = 0xA0;
    else if (c == 0xED) hi = 0x9F;
    else if (c == 0xF0) lo = 0x90;
    else if (c == 0xF4) hi = 0x8F;
    size_t k = 1;
    while ((int)k < want && k < n && s[k] >= lo && s[k] <= hi) {
        k++;
        lo = 0x80, hi = 0xBF;
    }
    *valid = (int)k == want;
    return k;
}

int ps_error_char_offset(const char *line, size_t line_len, size_t nbytes)
{
    const unsigned char *s = (const unsigned char *)line;
    if (!line)
        return (int)nbytes;
    /* CPython decodes col+1 bytes of a NUL-terminated buffer, clamped to
     * len+1: asking for one byte past the end counts the terminator. */
    int extra = 0;
    if (nbytes > line_len) {
        nbytes = line_len;
        extra = 1;
    }
    size_t i = 0;
    int chars = 0, valid;
    while (i < nbytes) {
        i += utf8_piece(s + i, nbytes - i, &valid);
        chars++;
    }
    return chars + extra;
}

/* The parser's variant: CPython's parser maps a byte column onto the line
 * as SyntaxError.text holds it, i.e. already decoded with "replace", where
 * each undecodable piece of the raw line is U+FFFD (3 bytes).  Counts the
 * characters of that line that start before `nbytes` (plus the terminator
 * when asked past the end); identical to ps_error_char_offset on valid
 * UTF-8. */
static int replaced_char_offset(const char *line, size_t line_len, size_t nbytes)
{
    const unsigned char *s = (const unsigned char *)line;
    if (!line)
        return (int)nbytes;
    size_t raw = 0, cooked = 0;
    int chars = 0, valid;
    while (raw < line_len && cooked < nbytes) {
        size_t piece = utf8_piece(s + raw, line_len - raw, &valid);
        raw += piece;
        cooked += valid ? piece : 3;
        chars++;
    }
    if (cooked < nbytes)
        chars++;
    return chars;
}

int ps_error_vset(ps_error *err, ps_error_kind kind,
                  int lineno, int col_offset, int end_lineno, int end_col_offset,
                  const char *line, size_t line_len, const char *fmt, va_list ap)
{
    if (!err)
        return -1;
    free(err->text);
    err->text = NULL;
    err->kind = kind;
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    err->lineno = lineno;
    err->col_offset = col_offset;
    err->end_lineno = end_lineno;
    err->end_col_offset = end_col_offset;
    err->offset = col_offset < 0 ? 0
        : replaced_char_offset(line, line_len, (size_t)col_offset + 1);
    err->end_offset = end_col_offset < 0 ? 0
        : replaced_char_offset(line, line_len, (size_t)end_col_offset + 1);
    if (line && ps_error_set_text(err, line, line_len) < 0)
        return -1;
    return -1;
}

int ps_error_set(ps_error *err, ps_error_kind kind,
                 int lineno, int col_offset, int end_lineno, int end_col_offset,
                 const char *line, size_t line_len, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ps_error_vset(err, kind, lineno, col_offset, end_lineno, end_col_offset,
                  line, line_len, fmt, ap);
    va_end(ap);
    return -1;
}

int ps_error_setf(ps_error *err, ps_error_kind kind, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ps_error_vset(err, kind, 0, -1, 0, -1, NULL, 0, fmt, ap);
    va_end(ap);
    return -1;
}

int ps_error_nomem(ps_error *err)
{
    if (!err)
        return -1;
    free(err->text);
    ps_error_init(err);
    err->kind = PS_ERR_MEMORY;
    return -1;
}

const char *ps_error_kind_name(ps_error_kind kind)
{
    switch (kind) {
    case PS_ERR_NONE: return "";
    case PS_ERR_SYNTAX: return "SyntaxError";
    case PS_ERR_INDENTATION: return "IndentationError";
    case PS_ERR_TAB: return "TabError";
    case PS_ERR_MEMORY: return "MemoryError";
    case PS_ERR_DECODE: return "SyntaxError";
    case PS_ERR_VALUE: return "ValueError";
    case PS_ERR_OVERFLOW: return "OverflowError";
    case PS_ERR_UNICODE_DECODE: return "UnicodeDecodeError";
    }
    return "SyntaxError";
}
