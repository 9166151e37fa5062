/* tok_number.c — numeric literals, with CPython 3.11's error messages and
 * the exact places its errors point at (offset = characters before the
 * tokenizer's read position when it gives up). */
#include "tokenizer_int.h"

#include <stdio.h>
#include <string.h>

static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_xdigit(int c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
static int is_id_char(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           c >= 128 || is_digit(c);
}

static int fail(ps_tokenizer *tok, const char *msg)
{
    return ps_tok_error_at(tok, PS_ERR_SYNTAX, tok->lineno, tok->line_start,
                           tok->cur, "%s", msg);
}

/* CPython's lookahead(): does the text at cur spell `s`, not followed by
 * another identifier character?  Reads nothing. */
static int keyword_follows(ps_tokenizer *tok, const char *s)
{
    size_t n = strlen(s);
    if ((size_t)(tok->end - tok->cur) < n || memcmp(tok->cur, s, n) != 0)
        return 0;
    return !is_id_char(tok->cur + n < tok->end ? (unsigned char)tok->cur[n] : 0);
}

/* verify_end_of_number(): c (already read) follows the literal.  A keyword
 * that valid code may put right after a number ("1if x else y") only warns;
 * any other identifier character is an error.  Returns 0 or -1. */
static int verify_end(ps_tokenizer *tok, int c, const char *kind)
{
    int r = 0;
    switch (c) {
    case 'a': r = keyword_follows(tok, "nd"); break;
    case 'e': r = keyword_follows(tok, "lse"); break;
    case 'f': r = keyword_follows(tok, "or"); break;
    case 'o': r = keyword_follows(tok, "r"); break;
    case 'n': r = keyword_follows(tok, "ot"); break;
    case 'i':
        /* CPython checks only the second letter here: "1ifx" warns too */
        r = tok->cur < tok->end &&
            (tok->cur[0] == 'f' || tok->cur[0] == 'n' || tok->cur[0] == 's');
        break;
    }
    char msg[64];
    snprintf(msg, sizeof msg, "invalid %s literal", kind);
    if (r) {
        ps_tok_backup(tok, c);
        if (ps_tok_warn(tok, PS_WARN_SYNTAX, tok->cur, msg) < 0)
            return -1;
        ps_tok_nextc(tok);
        return 0;
    }
    if (is_id_char(c)) {
        ps_tok_backup(tok, c);
        return fail(tok, msg);
    }
    return 0;
}

/* tok_decimal_tail(): digits with single underscores between them; the
 * first digit has been read.  Returns the first character after them, or -2
 * on error. */
static int decimal_tail(ps_tokenizer *tok)
{
    int c;
    for (;;) {
        do
            c = ps_tok_nextc(tok);
        while (is_digit(c));
        if (c != '_')
            break;
        c = ps_tok_nextc(tok);
        if (!is_digit(c)) {
            ps_tok_backup(tok, c);
            fail(tok, "invalid decimal literal");
            return -2;
        }
    }
    return c;
}

/* Hex, octal, binary digits after the prefix; c is the first char after it. */
static int radix_digits(ps_tokenizer *tok, int c, int radix, const char *kind)
{
    char msg[64];
    for (;;) {
        if (c == '_')
            c = ps_tok_nextc(tok);
        int ok = radix == 16 ? is_xdigit(c) : (c >= '0' && c < '0' + radix);
        if (!ok) {
            if (radix != 16 && is_digit(c)) {
                snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", c, kind);
                return fail(tok, msg);
            }
            ps_tok_backup(tok, c);
            snprintf(msg, sizeof msg, "invalid %s literal", kind);
            return fail(tok, msg);
        }
        do {
            c = ps_tok_nextc(tok);
            ok = radix == 16 ? is_xdigit(c) : (c >= '0' && c < '0' + radix);
        } while (ok);
        if (c != '_')
            break;
    }
    if (radix != 16 && is_digit(c)) {
        snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", c, kind);
        return fail(tok, msg);
    }
    if (verify_end(tok, c, kind) < 0)
        return -1;
    ps_tok_backup(tok, c);
    return 0;
}

int ps_tok_number(ps_tokenizer *tok, const char *start, const char *line,
                  int lineno, int after_dot)
{
    int c, nonzero = 0;
    (void)lineno;
    if (after_dot) {
        c = (unsigned char)tok->cur[-1];
        goto fraction;
    }
    c = ps_tok_nextc(tok);
    if (c == '0') {
        c = ps_tok_nextc(tok);
        if (c == 'x' || c == 'X')
            return radix_digits(tok, ps_tok_nextc(tok), 16, "hexadecimal");
        if (c == 'o' || c == 'O')
            return radix_digits(tok, ps_tok_nextc(tok), 8, "octal");
        if (c == 'b' || c == 'B')
            return radix_digits(tok, ps_tok_nextc(tok), 2, "binary");
        /* "0", "00", "0_0", or an old-style octal that is now an error */
        for (;;) {
            if (c == '_') {
                c = ps_tok_nextc(tok);
                if (!is_digit(c)) {
                    ps_tok_backup(tok, c);
                    return fail(tok, "invalid decimal literal");
                }
            }
            if (c != '0')
                break;
            c = ps_tok_nextc(tok);
        }
        const char *zeros_end = tok->cur;
        if (is_digit(c)) {
            nonzero = 1;
            c = decimal_tail(tok);
            if (c == -2)
                return -1;
        }
        if (c == '.') {
            c = ps_tok_nextc(tok);
            goto fraction;
        }
        if (c == 'e' || c == 'E')
            goto exponent;
        if (c == 'j' || c == 'J')
            goto imaginary;
        if (nonzero) {
            ps_tok_backup(tok, c);
            /* CPython's known range: start+1 .. end of the zeros, in bytes */
            int off = (int)(start + 1 - line), end_off = (int)(zeros_end - line);
            return ps_tok_fail(tok, PS_ERR_SYNTAX, tok->lineno, line, off, end_off,
                               off - 1, end_off - 1, 0,
                               "leading zeros in decimal integer literals are not "
                               "permitted; use an 0o prefix for octal integers");
        }
        if (verify_end(tok, c, "decimal") < 0)
            return -1;
        ps_tok_backup(tok, c);
        return 0;
    }

    c = decimal_tail(tok);
    if (c == -2)
        return -1;
    if (c == '.') {
        c = ps_tok_nextc(tok);
fraction:
        if (is_digit(c)) {
            c = decimal_tail(tok);
            if (c == -2)
                return -1;
        }
    }
    if (c == 'e' || c == 'E') {
exponent:;
        int e = c;
        c = ps_tok_nextc(tok);
        if (c == '+' || c == '-') {
            c = ps_tok_nextc(tok);
            if (!is_digit(c)) {
                ps_tok_backup(tok, c);
                return fail(tok, "invalid decimal literal");
            }
        } else if (!is_digit(c)) {
            /* "1else": the literal is "1"; the 'e' starts the next token */
            ps_tok_backup(tok, c);
            if (verify_end(tok, e, "decimal") < 0)
                return -1;
            ps_tok_backup(tok, e);
            return 0;
        }
        c = decimal_tail(tok);
        if (c == -2)
            return -1;
    }
    if (c == 'j' || c == 'J') {
imaginary:
        c = ps_tok_nextc(tok);
        if (verify_end(tok, c, "imaginary") < 0)
            return -1;
    } else if (verify_end(tok, c, "decimal") < 0) {
        return -1;
    }
    ps_tok_backup(tok, c);
    return 0;
}
