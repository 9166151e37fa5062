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

/* Length of the UTF-8 sequence led by `c`, or 0 for a byte that cannot lead
 * one.  The second-byte ranges (E0 A0.., ED ..9F, F0 90.., F4 ..8F) are
 * checked by the caller, which follows Python's "maximal subpart" rule. */
static int seq_len(unsigned char c)
{
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return 2;
    if (c >= 0xE0 && c <= 0xEF) return 3;
    if (c >= 0xF0 && c <= 0xF4) return 4;
    return 0;
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
    int chars = 0;
    while (i < nbytes) {
        int n = seq_len(s[i]);
        size_t j = i + 1;
        if (n > 1) {
            /* consume as many valid continuation bytes as fit */
            unsigned char lo = 0x80, hi = 0xBF;
            if (s[i] == 0xE0) lo = 0xA0;
            else if (s[i] == 0xED) hi = 0x9F;
            else if (s[i] == 0xF0) lo = 0x90;
            else if (s[i] == 0xF4) hi = 0x8F;
            int k = 1;
            while (k < n && j < nbytes && s[j] >= lo && s[j] <= hi) {
                j++;
                k++;
                lo = 0x80, hi = 0xBF;
            }
        }
        i = j;
        chars++;
    }
    return chars + extra;
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
        : ps_error_char_offset(line, line_len, (size_t)col_offset + 1);
    err->end_offset = end_col_offset < 0 ? 0
        : ps_error_char_offset(line, line_len, (size_t)end_col_offset + 1);
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
    }
    return "SyntaxError";
}
