/* tokenizer.c — CPython 3.11's tokenizer for libparse: from the decoded
 * source buffer to ps_tokens.  Numbers live in tok_number.c, identifiers'
 * Unicode checks in utf8.c; see NOTES-tokenizer.md for the design and the
 * places where CPython's error locations are reproduced on purpose. */
#include "tokenizer_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "utf8.h"

/* ---- errors -------------------------------------------------------------- */

static size_t line_len_of(const ps_tokenizer *tok, const char *line)
{
    const char *e = memchr(line, '\n', (size_t)(tok->end - line));
    return e ? (size_t)(e - line) : (size_t)(tok->end - line);
}

/* Fail with text = [text, text + text_len) verbatim. */
static int fail_span(ps_tokenizer *tok, ps_error_kind kind, int lineno,
                     const char *text, size_t text_len, int offset, int end_offset,
                     int col, int end_col, const char *msg)
{
    ps_error *err = tok->err;
    ps_error_set(err, kind, lineno, col, lineno, end_col, NULL, 0, "%s", msg);
    err->offset = offset;
    err->end_offset = end_offset;
    ps_error_set_text(err, text, text_len);
    tok->done = -1;
    return -1;
}

int ps_tok_fail(ps_tokenizer *tok, ps_error_kind kind, int lineno,
                const char *line, int offset, int end_offset, int col,
                int end_col, int text_nl, const char *fmt, ...)
{
    ps_error *err = tok->err;
    va_list ap;
    va_start(ap, fmt);
    ps_error_vset(err, kind, lineno, col, lineno, end_col, NULL, 0, fmt, ap);
    va_end(ap);
    err->offset = offset;
    err->end_offset = end_offset;
    if (line) {
        size_t n = line_len_of(tok, line);
        /* text keeps its "\n" when CPython takes it from the current
         * tokenizer buffer, and loses it when taken from the line up to
         * the newline; callers say which. */
        if (text_nl && line + n < tok->end)
            n++;
        ps_error_set_text(err, line, n);
    }
    tok->done = -1;
    return -1;
}

/* CPython's syntaxerror(): SyntaxError on the line starting at `line`,
 * offset = end_offset = number of characters before `at`, text without its
 * newline. */
int ps_tok_error_at(ps_tokenizer *tok, ps_error_kind kind, int lineno,
                    const char *line, const char *at, const char *fmt, ...)
{
    size_t ll = line_len_of(tok, line);
    size_t nb = (size_t)(at - line);
    int chars = ps_error_char_offset(line, ll, nb);
    int col = nb ? (int)nb - 1 : 0;
    while (col > 0 && ((unsigned char)line[col] & 0xC0) == 0x80)
        col--;
    char msg[PS_ERROR_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return ps_tok_fail(tok, kind, lineno, line, chars, chars, col, (int)nb, 0,
                       "%s", msg);
}

/* ---- low-level reading ---------------------------------------------------
 * The buffer is NUL-terminated and, when non-empty, ends with '\n', so the
 * scanner may always look one byte ahead.  Line bookkeeping is eager: once
 * '\n' is read, lineno/line_start describe the next line; backing up over
 * that '\n' restores them. */

static int record_line(ps_tokenizer *tok, const char *start)
{
    if (tok->nlines == tok->lines_cap) {
        size_t cap = tok->lines_cap ? tok->lines_cap * 2 : 64;
        const char **nl = realloc(tok->lines, cap * sizeof *nl);
        if (!nl)
            return -1;
        tok->lines = nl;
        tok->lines_cap = cap;
    }
    tok->lines[tok->nlines++] = start;
    return 0;
}

int ps_tok_nextc(ps_tokenizer *tok)
{
    if (tok->cur >= tok->end)
        return PS_EOF;
    if (tok->cur == tok->line_start && tok->lineno != tok->buf_decided_line) {
        tok->buf_decided_line = tok->lineno;
        if (!tok->in_token)
            tok->buf_start = tok->cur;
    }
    unsigned char c = (unsigned char)*tok->cur++;
    if (c == '\n') {
        tok->prev_line_start = tok->line_start;
        tok->line_start = tok->cur;
        tok->lineno++;
        if (tok->cur < tok->end && (size_t)(tok->lineno - 1) == tok->nlines &&
            record_line(tok, tok->cur) < 0)
            tok->oom = 1;
    }
    return c;
}

void ps_tok_backup(ps_tokenizer *tok, int c)
{
    if (c == PS_EOF)
        return;
    tok->cur--;
    if (c == '\n') {
        tok->line_start = tok->prev_line_start;
        tok->lineno--;
    }
}

/* ---- construction -------------------------------------------------------- */

ps_tokenizer *ps_tok_new(const char *src, size_t len, int flags, ps_error *err)
{
    ps_tokenizer *tok = calloc(1, sizeof *tok);
    if (!tok) {
        ps_error_nomem(err);
        return NULL;
    }
    char *buf = NULL;
    size_t n = 0;
    if (ps_source_decode(src, len, flags, &buf, &n, &tok->encoding, err) < 0) {
        free(tok);
        return NULL;
    }
    /* CPython appends the missing final newline; so do we (room is there:
     * the decoder allocates len + 1 and the NUL moves one further). */
    if (n > 0 && buf[n - 1] != '\n') {
        char *nb = realloc(buf, n + 2);
        if (!nb) {
            free(buf);
            free(tok);
            ps_error_nomem(err);
            return NULL;
        }
        buf = nb;
        buf[n++] = '\n';
        buf[n] = '\0';
        tok->added_newline = 1;
    }
    if (n > (size_t)INT32_MAX / 2) {
        free(buf);
        free(tok);
        ps_error_setf(err, PS_ERR_OVERFLOW, "source too large");
        return NULL;
    }
    tok->buf = buf;
    tok->end = buf + n;
    tok->cur = buf;
    tok->line_start = buf;
    tok->prev_line_start = buf;
    tok->buf_start = buf;
    tok->lineno = 1;
    tok->atbol = 1;
    tok->err = err;
    tok->type_comments = (flags & PS_TOK_TYPE_COMMENTS) != 0;
    for (size_t i = 0; i < n; i++)
        if (buf[i] == '\n')
            tok->total_lines++;
    if (n > 0 && record_line(tok, buf) < 0) {
        ps_tok_free(tok);
        ps_error_nomem(err);
        return NULL;
    }
    return tok;
}

void ps_tok_free(ps_tokenizer *tok)
{
    if (!tok)
        return;
    free(tok->buf);
    free(tok->lines);
    free(tok->toks);
    free(tok->ignores);
    free(tok);
}

void ps_tok_set_warn(ps_tokenizer *tok, ps_warn_fn fn, void *ctx)
{
    tok->warn = fn;
    tok->warn_ctx = ctx;
}

const char *ps_tok_encoding(const ps_tokenizer *tok)
{
    return tok->encoding ? tok->encoding : "utf-8";
}

int ps_tok_byte_offsets(const ps_tokenizer *tok)
{
    return tok->encoding == NULL;
}

static int unclosed_error(ps_tokenizer *tok);

int ps_tok_error_deferred(const ps_tokenizer *tok)
{
    return tok->done == -1 && tok->deferred;
}

int ps_tok_open_bracket_line(const ps_tokenizer *tok)
{
    return tok->level > 0 ? tok->parenline[tok->level - 1] : 0;
}

int ps_tok_unclosed_error(ps_tokenizer *tok)
{
    return tok->level > 0 ? unclosed_error(tok) : 0;
}

/* SyntaxError.offset for errors CPython raises from its parser (at the
 * tokenizer's request): a byte count converted to characters, except when
 * the source declared no encoding (see ps_tok_byte_offsets). */
static int parser_offset(const ps_tokenizer *tok, const char *line, size_t nbytes)
{
    if (tok->encoding == NULL)
        return (int)nbytes;
    return ps_error_char_offset(line, line_len_of(tok, line) + 1, nbytes);
}

const char *ps_tok_line(ps_tokenizer *tok, int lineno, size_t *len)
{
    if (lineno < 1 || (size_t)lineno > tok->nlines)
        return NULL;
    const char *l = tok->lines[lineno - 1];
    if (len)
        *len = line_len_of(tok, l);
    return l;
}

/* ---- token tables -------------------------------------------------------- */

static const char *const token_names[] = {
#define PS_TOKEN(name, text) #name,
#include "libparse/token.def"
};
static const char *const token_texts[] = {
#define PS_TOKEN(name, text) text,
#include "libparse/token.def"
};

const char *ps_token_name(ps_token_kind kind)
{
    return (unsigned)kind < PS_TOK__COUNT ? token_names[kind] : "ERRORTOKEN";
}

const char *ps_token_text(ps_token_kind kind)
{
    return (unsigned)kind < PS_TOK__COUNT ? token_texts[kind] : NULL;
}

/* ---- the scanner --------------------------------------------------------- */

static int is_id_start(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}

static int is_id_char(int c)
{
    return is_id_start(c) || (c >= '0' && c <= '9');
}

static void set_token(ps_tokenizer *tok, ps_token *t, ps_token_kind kind,
                      const char *start, int lineno, const char *line)
{
    t->kind = kind;
    t->start = start;
    t->len = (size_t)(tok->cur - start);
    t->lineno = lineno;
    t->col_offset = (int)(start - line);
    t->line = line;
    t->end_lineno = tok->lineno;
    t->end_col_offset = (int)(tok->cur - tok->line_start);
    /* a token ending with the '\n' it consumed (never in practice, since
     * NEWLINE is built by hand) would otherwise point past its line */
}

/* verify_identifier(): the identifier [start, cur) has non-ASCII bytes; it
 * must be valid UTF-8, start with XID_Start (or '_') and go on with
 * XID_Continue. */
static int verify_identifier(ps_tokenizer *tok, const char *start)
{
    const unsigned char *s = (const unsigned char *)start;
    size_t n = (size_t)(tok->cur - start);
    size_t bad, bad_end;
    const char *why;
    if (ps_utf8_find_error(s, n, &bad, &bad_end, &why)) {
        ps_utf8_error(tok->err, s, n);
        /* CPython's offset is the end of the identifier, counted in bytes;
         * text is the whole line with its newline. */
        int col = (int)(start - tok->line_start) + (int)bad;
        int off = (int)(tok->cur - tok->line_start);
        char msg[PS_ERROR_MSG_MAX];
        memcpy(msg, tok->err->msg, sizeof msg);
        return ps_tok_fail(tok, PS_ERR_DECODE, tok->lineno, tok->line_start,
                           off, -1, col, -1, 1, "%s", msg);
    }
    size_t i = 0;
    int first = 1;
    while (i < n) {
        uint32_t cp;
        size_t k = ps_utf8_decode(s + i, n - i, &cp);
        int ok = first ? ps_is_xid_start(cp) : ps_is_xid_continue(cp);
        if (!ok) {
            tok->cur = start + i + k;
            if (ps_uni_is_printable(cp)) {
                char ch[5] = {0};
                ps_utf8_encode(ch, cp);
                return ps_tok_error_at(tok, PS_ERR_SYNTAX, tok->lineno, tok->line_start,
                                       tok->cur, "invalid character '%s' (U+%04X)",
                                       ch, (unsigned)cp);
            }
            return ps_tok_error_at(tok, PS_ERR_SYNTAX, tok->lineno, tok->line_start,
                                   tok->cur, "invalid non-printable character U+%04X",
                                   (unsigned)cp);
        }
        first = 0;
        i += k;
    }
    return 0;
}

/* The rest of a string literal whose first quote was just read (c).
 * `start` is the token start (prefix included). */
static int scan_string(ps_tokenizer *tok, int quote, const char *start,
                       int start_lineno, const char *start_line)
{
    int quote_size = 1, end_quote_size = 0;
    int c = ps_tok_nextc(tok);
    if (c == quote) {
        c = ps_tok_nextc(tok);
        if (c == quote)
            quote_size = 3;
        else
            end_quote_size = 1;   /* the empty string '' */
    }
    if (c != quote)
        ps_tok_backup(tok, c);
    while (end_quote_size != quote_size) {
        c = ps_tok_nextc(tok);
        if (c == PS_EOF || (quote_size == 1 && c == '\n')) {
            /* Reported at the token's first character (+1), on its first
             * line; "detected at" is the line the scan gave up on, which at
             * EOF is the last line of the source (CPython never moves past
             * it). */
            int detected = c == PS_EOF ? tok->total_lines : tok->lineno - 1;
            if (detected < start_lineno)
                detected = start_lineno;
            if (quote_size == 3)
                return ps_tok_error_at(tok, PS_ERR_SYNTAX, start_lineno, start_line,
                                       start + 1, "unterminated triple-quoted string "
                                       "literal (detected at line %d)", detected);
            return ps_tok_error_at(tok, PS_ERR_SYNTAX, start_lineno, start_line,
                                   start + 1, "unterminated string literal "
                                   "(detected at line %d)", detected);
        }
        if (c == quote) {
            end_quote_size++;
        } else {
            end_quote_size = 0;
            if (c == '\\')
                ps_tok_nextc(tok);   /* the escaped character, even a newline */
        }
    }
    return 0;
}

static int one_char(int c)
{
    switch (c) {
    case '%': return PS_TOK_PERCENT;
    case '&': return PS_TOK_AMPER;
    case '(': return PS_TOK_LPAR;
    case ')': return PS_TOK_RPAR;
    case '*': return PS_TOK_STAR;
    case '+': return PS_TOK_PLUS;
    case ',': return PS_TOK_COMMA;
    case '-': return PS_TOK_MINUS;
    case '.': return PS_TOK_DOT;
    case '/': return PS_TOK_SLASH;
    case ':': return PS_TOK_COLON;
    case ';': return PS_TOK_SEMI;
    case '<': return PS_TOK_LESS;
    case '=': return PS_TOK_EQUAL;
    case '>': return PS_TOK_GREATER;
    case '@': return PS_TOK_AT;
    case '[': return PS_TOK_LSQB;
    case ']': return PS_TOK_RSQB;
    case '^': return PS_TOK_CIRCUMFLEX;
    case '{': return PS_TOK_LBRACE;
    case '|': return PS_TOK_VBAR;
    case '}': return PS_TOK_RBRACE;
    case '~': return PS_TOK_TILDE;
    }
    return PS_TOK_OP;
}

static int two_chars(int c1, int c2)
{
    switch (c1) {
    case '!': if (c2 == '=') return PS_TOK_NOTEQUAL; break;
    case '%': if (c2 == '=') return PS_TOK_PERCENTEQUAL; break;
    case '&': if (c2 == '=') return PS_TOK_AMPEREQUAL; break;
    case '*':
        if (c2 == '*') return PS_TOK_DOUBLESTAR;
        if (c2 == '=') return PS_TOK_STAREQUAL;
        break;
    case '+': if (c2 == '=') return PS_TOK_PLUSEQUAL; break;
    case '-':
        if (c2 == '=') return PS_TOK_MINEQUAL;
        if (c2 == '>') return PS_TOK_RARROW;
        break;
    case '/':
        if (c2 == '/') return PS_TOK_DOUBLESLASH;
        if (c2 == '=') return PS_TOK_SLASHEQUAL;
        break;
    case ':': if (c2 == '=') return PS_TOK_COLONEQUAL; break;
    case '<':
        if (c2 == '<') return PS_TOK_LEFTSHIFT;
        if (c2 == '=') return PS_TOK_LESSEQUAL;
        if (c2 == '>') return PS_TOK_NOTEQUAL;
        break;
    case '=': if (c2 == '=') return PS_TOK_EQEQUAL; break;
    case '>':
        if (c2 == '=') return PS_TOK_GREATEREQUAL;
        if (c2 == '>') return PS_TOK_RIGHTSHIFT;
        break;
    case '@': if (c2 == '=') return PS_TOK_ATEQUAL; break;
    case '^': if (c2 == '=') return PS_TOK_CIRCUMFLEXEQUAL; break;
    case '|': if (c2 == '=') return PS_TOK_VBAREQUAL; break;
    }
    return -1;
}

static int three_chars(int k2, int c3)
{
    if (c3 != '=')
        return -1;
    switch (k2) {
    case PS_TOK_LEFTSHIFT: return PS_TOK_LEFTSHIFTEQUAL;
    case PS_TOK_RIGHTSHIFT: return PS_TOK_RIGHTSHIFTEQUAL;
    case PS_TOK_DOUBLESTAR: return PS_TOK_DOUBLESTAREQUAL;
    case PS_TOK_DOUBLESLASH: return PS_TOK_DOUBLESLASHEQUAL;
    }
    return -1;
}

static int linecont_error(ps_tokenizer *tok, const char *line, int lineno);
static int eof_after_continuation(ps_tokenizer *tok, const char *line, int lineno);

/* Indentation of a new logical line (CPython's atbol block).  Returns 0 and
 * sets *blank, or -1 on an indentation error. */
static int read_indent(ps_tokenizer *tok, int *blank)
{
    int col = 0, altcol = 0, cont_col = 0, c;
    for (;;) {
        c = ps_tok_nextc(tok);
        if (c == ' ') {
            col++;
            altcol++;
        } else if (c == '\t') {
            col = (col / PS_TABSIZE + 1) * PS_TABSIZE;
            altcol = altcol + 1;    /* alternate tab size 1 */
        } else if (c == '\014') {
            col = altcol = 0;       /* form feed resets the count */
        } else if (c == '\\') {
            /* A backslash continuation inside the indentation: counting
             * goes on on the next line, but the first continuation found at
             * a non-zero column fixes the level (CPython 3.11's rule). */
            const char *line = tok->line_start;
            int lineno = tok->lineno;
            if (!cont_col)
                cont_col = col;
            c = ps_tok_nextc(tok);
            if (c != '\n')
                return linecont_error(tok, line, lineno);
            ps_tok_backup(tok, ps_tok_nextc(tok));
            if (tok->cur >= tok->end)
                return eof_after_continuation(tok, line, lineno);
        } else {
            break;
        }
    }
    ps_tok_backup(tok, c);
    if (cont_col)
        col = cont_col;
    *blank = (c == '#' || c == '\n');
    if (*blank || tok->level > 0)
        return 0;
    const char *ls = tok->line_start;
    int lineno = tok->lineno;
    if (col == tok->indstack[tok->indent]) {
        if (altcol != tok->altindstack[tok->indent])
            goto tab_error;
    } else if (col > tok->indstack[tok->indent]) {
        if (tok->indent + 1 >= PS_MAXINDENT) {
            tok->deferred = 1;
            return ps_tok_fail(tok, PS_ERR_INDENTATION, lineno, ls, 1, 0, 0, -1, 1,
                               "too many levels of indentation");
        }
        if (altcol <= tok->altindstack[tok->indent])
            goto tab_error;
        tok->pendin++;
        tok->indent++;
        tok->indstack[tok->indent] = col;
        tok->altindstack[tok->indent] = altcol;
    } else {
        while (tok->indent > 0 && col < tok->indstack[tok->indent]) {
            tok->pendin--;
            tok->indent--;
        }
        if (col != tok->indstack[tok->indent]) {
            /* CPython reports at the end of the line, newline included */
            size_t ll = line_len_of(tok, ls);
            size_t full = ls + ll < tok->end ? ll + 1 : ll;
            int off = parser_offset(tok, ls, full);
            tok->deferred = 1;
            return ps_tok_fail(tok, PS_ERR_INDENTATION, lineno, ls, off, -1,
                               (int)(tok->cur - ls), -1, 1,
                               "unindent does not match any outer indentation level");
        }
        if (altcol != tok->altindstack[tok->indent])
            goto tab_error;
    }
    return 0;

tab_error:
    tok->deferred = 1;
    return ps_tok_fail(tok, PS_ERR_TAB, lineno, ls, 1, 0, 0, -1, 1,
                       "inconsistent use of tabs and spaces in indentation");
}

static int unclosed_error(ps_tokenizer *tok)
{
    tok->deferred = 1;
    int i = tok->level - 1;
    int ln = tok->parenline[i];
    const char *line = tok->lines[ln - 1];
    char msg[64];
    snprintf(msg, sizeof msg, "'%c' was never closed", tok->parenstack[i]);
    size_t nb = (size_t)tok->parencol[i] + 1;
    if (ln >= tok->total_lines) {
        /* CPython quotes its current buffer (from buf_start, newline kept)
         * and converts the column against that text */
        const char *t = tok->buf_start;
        size_t tl = (size_t)(tok->end - t);
        int off = tok->encoding ? ps_error_char_offset(t, tl, nb) : (int)nb;
        return fail_span(tok, PS_ERR_SYNTAX, ln, t, tl, off, 0,
                         tok->parencol[i], -1, msg);
    }
    int off = parser_offset(tok, line, nb);
    return fail_span(tok, PS_ERR_SYNTAX, ln, line, line_len_of(tok, line), off, 0,
                     tok->parencol[i], -1, msg);
}

/* "\\" followed by something other than a newline; cur is past it. */
static int linecont_error(ps_tokenizer *tok, const char *line, int lineno)
{
    /* offset counts up to the offending character, from CPython's buffer
     * start (earlier continued lines included), and the text is that whole
     * buffer up to the end of this line */
    const char *t = tok->buf_start;
    size_t nb = (size_t)(tok->cur - t);
    size_t tl = line_len_of(tok, tok->cur);
    tl = (size_t)(tok->cur - t) + tl + (tok->cur + tl < tok->end);
    int off = tok->encoding ? ps_error_char_offset(t, tl, nb) : (int)nb;
    tok->deferred = 1;
    return fail_span(tok, PS_ERR_SYNTAX, lineno, t, tl, off, 0,
                     (int)(tok->cur - line) - 1, -1,
                     "unexpected character after line continuation character");
}

/* "\\\n" at the very end of the source. */
static int eof_after_continuation(ps_tokenizer *tok, const char *line, int lineno)
{
    if (tok->level > 0)
        return unclosed_error(tok);
    /* CPython stays on the backslash's line; offset = its length with the
     * newline */
    size_t ll = line_len_of(tok, line);
    int off = parser_offset(tok, line, ll + 1);
    tok->deferred = 1;
    /* the text is CPython's whole buffer: continued lines included */
    return fail_span(tok, PS_ERR_SYNTAX, lineno, tok->buf_start,
                     (size_t)(tok->end - tok->buf_start), off, -1,
                     (int)ll + 1, -1, "unexpected EOF while parsing");
}

/* A comment [hash, cur) read up to (and with) its end `c`: with type
 * comments on, "#", blanks, "type:", blanks (each blank run may be empty)
 * start a TYPE_COMMENT, or a TYPE_IGNORE when "ignore" follows, alone or
 * before a character that is ASCII and not alphanumeric.  The newline is
 * left for the NEWLINE token, except after an ignore alone on its line.
 * Returns the token kind, or 0 for an ordinary comment. */
static int type_comment(ps_tokenizer *tok, ps_token *t, const char *hash, int c, int blank,
                        int lineno, const char *line)
{
    static const char prefix[] = "# type: ";
    const char *p = hash, *q = prefix;
    while (*q && p < tok->cur) {
        if (*q == ' ') {
            while (p < tok->cur && (*p == ' ' || *p == '\t'))
                p++;
        } else if (*q == *p) {
            p++;
        } else {
            break;
        }
        q++;
    }
    if (*q)
        return 0;
    if (c == '\n')
        ps_tok_backup(tok, c);
    const char *ign_end = p + 6;
    unsigned char after = ign_end < tok->cur ? (unsigned char)*ign_end : 0;
    int ignore = tok->cur >= ign_end && memcmp(p, "ignore", 6) == 0 &&
                 !(tok->cur > ign_end && (after >= 128 || (after >= '0' && after <= '9') ||
                                          ((after | 0x20) >= 'a' && (after | 0x20) <= 'z')));
    if (!ignore) {
        set_token(tok, t, PS_TOK_TYPE_COMMENT, p, lineno, line);
        return PS_TOK_TYPE_COMMENT;
    }
    set_token(tok, t, PS_TOK_TYPE_IGNORE, ign_end, lineno, line);
    if (blank && c == '\n') {
        ps_tok_nextc(tok);   /* the line holds nothing else: no NEWLINE */
        tok->atbol = 1;
    }
    return PS_TOK_TYPE_IGNORE;
}

static int tok_get(ps_tokenizer *tok, ps_token *t)
{
    int c, blank = 0;
    const char *start;

nextline:
    blank = 0;
    tok->in_token = 0;
    if (tok->atbol) {
        tok->atbol = 0;
        if (read_indent(tok, &blank) < 0)
            return -1;
    }
    if (tok->pendin != 0) {
        if (tok->pendin < 0) {
            tok->pendin++;
            set_token(tok, t, PS_TOK_DEDENT, tok->cur, tok->lineno, tok->line_start);
        } else {
            tok->pendin--;
            set_token(tok, t, PS_TOK_INDENT, tok->line_start, tok->lineno,
                      tok->line_start);
        }
        if (tok->cur >= tok->end) {    /* at EOF: where ENDMARKER will be */
            t->lineno = t->end_lineno = tok->total_lines + 1;
            t->col_offset = t->end_col_offset = 0;
            t->line = tok->end;
            t->start = tok->end;
            t->len = 0;
        }
        return t->kind;
    }

again:
    tok->in_token = 0;
    do {
        c = ps_tok_nextc(tok);
    } while (c == ' ' || c == '\t' || c == '\014');
    ps_tok_backup(tok, c);
    tok->in_token = 1;
    start = tok->cur;
    const char *line = tok->line_start;
    int lineno = tok->lineno;
    c = ps_tok_nextc(tok);

    if (c == '#') {
        while (c != PS_EOF && c != '\n')
            c = ps_tok_nextc(tok);
        if (tok->type_comments) {
            int k = type_comment(tok, t, start, c, blank, lineno, line);
            if (k != 0)
                return k;
        }
        if (c == '\n')
            start = tok->cur - 1;   /* NEWLINE sits on the '\n' */
    }

    if (c == PS_EOF) {
        if (tok->level > 0)
            return unclosed_error(tok);
        t->kind = PS_TOK_ENDMARKER;
        t->start = tok->end;
        t->len = 0;
        t->lineno = t->end_lineno = tok->total_lines + 1;
        t->col_offset = t->end_col_offset = 0;
        t->line = tok->end;
        tok->done = 1;
        return PS_TOK_ENDMARKER;
    }

    if (is_id_start(c)) {
        int saw_b = 0, saw_r = 0, saw_u = 0, saw_f = 0, nonascii = 0;
        for (;;) {
            if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B'))
                saw_b = 1;
            else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U'))
                saw_u = 1;
            else if (!(saw_r || saw_u) && (c == 'r' || c == 'R'))
                saw_r = 1;
            else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F'))
                saw_f = 1;
            else
                break;
            c = ps_tok_nextc(tok);
            if (c == '"' || c == '\'') {
                if (scan_string(tok, c, start, lineno, line) < 0)
                    return -1;
                set_token(tok, t, PS_TOK_STRING, start, lineno, line);
                return PS_TOK_STRING;
            }
        }
        while (is_id_char(c)) {
            if (c >= 128)
                nonascii = 1;
            c = ps_tok_nextc(tok);
        }
        ps_tok_backup(tok, c);
        if (nonascii && verify_identifier(tok, start) < 0)
            return -1;
        set_token(tok, t, PS_TOK_NAME, start, lineno, line);
        return PS_TOK_NAME;
    }

    if (c == '\n') {
        tok->atbol = 1;
        if (blank || tok->level > 0)
            goto nextline;
        t->kind = PS_TOK_NEWLINE;
        t->start = start;
        t->lineno = t->end_lineno = lineno;
        t->col_offset = (int)(start - line);
        t->line = line;
        if (tok->added_newline && tok->cur >= tok->end) {
            /* the newline CPython (and we) appended: empty text */
            t->len = 0;
            t->end_col_offset = t->col_offset;
        } else {
            t->len = 1;
            t->end_col_offset = t->col_offset + 1;
        }
        return PS_TOK_NEWLINE;
    }

    if (c == '.') {
        c = ps_tok_nextc(tok);
        if (c >= '0' && c <= '9') {
            if (ps_tok_number(tok, start, line, lineno, 1) < 0)
                return -1;
            set_token(tok, t, PS_TOK_NUMBER, start, lineno, line);
            return PS_TOK_NUMBER;
        }
        if (c == '.') {
            int c2 = ps_tok_nextc(tok);
            if (c2 == '.') {
                set_token(tok, t, PS_TOK_ELLIPSIS, start, lineno, line);
                return PS_TOK_ELLIPSIS;
            }
            ps_tok_backup(tok, c2);
        }
        ps_tok_backup(tok, c);
        set_token(tok, t, PS_TOK_DOT, start, lineno, line);
        return PS_TOK_DOT;
    }

    if (c >= '0' && c <= '9') {
        ps_tok_backup(tok, c);
        if (ps_tok_number(tok, start, line, lineno, 0) < 0)
            return -1;
        set_token(tok, t, PS_TOK_NUMBER, start, lineno, line);
        return PS_TOK_NUMBER;
    }

    if (c == '\'' || c == '"') {
        if (scan_string(tok, c, start, lineno, line) < 0)
            return -1;
        set_token(tok, t, PS_TOK_STRING, start, lineno, line);
        return PS_TOK_STRING;
    }

    if (c == '\\') {
        c = ps_tok_nextc(tok);
        if (c != '\n')
            return linecont_error(tok, line, lineno);
        /* CPython reads the next line's first character while still
         * inside this "token", so its buffer keeps the continued line */
        ps_tok_backup(tok, ps_tok_nextc(tok));
        if (tok->cur >= tok->end)
            return eof_after_continuation(tok, line, lineno);
        goto again;
    }

    /* operators */
    {
        int c2 = ps_tok_nextc(tok);
        int k2 = two_chars(c, c2);
        if (k2 >= 0) {
            int c3 = ps_tok_nextc(tok);
            int k3 = three_chars(k2, c3);
            if (k3 >= 0) {
                set_token(tok, t, (ps_token_kind)k3, start, lineno, line);
                return k3;
            }
            ps_tok_backup(tok, c3);
            set_token(tok, t, (ps_token_kind)k2, start, lineno, line);
            return k2;
        }
        ps_tok_backup(tok, c2);
    }

    switch (c) {
    case '(': case '[': case '{':
        if (tok->level >= PS_MAXLEVEL)
            return ps_tok_error_at(tok, PS_ERR_SYNTAX, lineno, line, tok->cur,
                                   "too many nested parentheses");
        tok->parenstack[tok->level] = (char)c;
        tok->parenline[tok->level] = lineno;
        tok->parencol[tok->level] = (int)(start - line);
        tok->level++;
        break;
    case ')': case ']': case '}': {
        if (!tok->level)
            return ps_tok_error_at(tok, PS_ERR_SYNTAX, lineno, line, tok->cur,
                                   "unmatched '%c'", c);
        tok->level--;
        int open = tok->parenstack[tok->level];
        if (!((open == '(' && c == ')') || (open == '[' && c == ']') ||
              (open == '{' && c == '}'))) {
            if (tok->parenline[tok->level] != lineno)
                return ps_tok_error_at(tok, PS_ERR_SYNTAX, lineno, line, tok->cur,
                                       "closing parenthesis '%c' does not match "
                                       "opening parenthesis '%c' on line %d",
                                       c, open, tok->parenline[tok->level]);
            return ps_tok_error_at(tok, PS_ERR_SYNTAX, lineno, line, tok->cur,
                                   "closing parenthesis '%c' does not match "
                                   "opening parenthesis '%c'", c, open);
        }
        break;
    }
    }

    if (c < 128 && (c < 0x20 || c == 0x7F))
        return ps_tok_error_at(tok, PS_ERR_SYNTAX, lineno, line, tok->cur,
                               "invalid non-printable character U+%04X", (unsigned)c);

    int k = one_char(c);
    set_token(tok, t, (ps_token_kind)k, start, lineno, line);
    return k;
}

int ps_tok_next(ps_tokenizer *tok, ps_token *out)
{
    if (tok->done < 0)
        return -1;
    if (tok->done > 0) {
        out->kind = PS_TOK_ENDMARKER;
        out->start = tok->end;
        out->len = 0;
        out->lineno = out->end_lineno = tok->total_lines + 1;
        out->col_offset = out->end_col_offset = 0;
        out->line = tok->end;
        return PS_TOK_ENDMARKER;
    }
    int k = tok_get(tok, out);
    if (k >= 0 && tok->oom) {
        tok->done = -1;
        return ps_error_nomem(tok->err);
    }
    return k;
}

int ps_tok_all(ps_tokenizer *tok, const ps_token **toks, size_t *n)
{
    int rc = 0;
    for (;;) {
        if (tok->ntoks == tok->toks_cap) {
            size_t cap = tok->toks_cap ? tok->toks_cap * 2 : 256;
            ps_token *nt = realloc(tok->toks, cap * sizeof *nt);
            if (!nt) {
                tok->done = -1;
                rc = ps_error_nomem(tok->err);
                break;
            }
            tok->toks = nt;
            tok->toks_cap = cap;
        }
        int k = ps_tok_next(tok, &tok->toks[tok->ntoks]);
        if (k < 0) {
            rc = -1;
            break;
        }
        if (k == PS_TOK_TYPE_IGNORE) {
            /* the parser's grammar never sees these */
            if (tok->nignores == tok->ignores_cap) {
                size_t cap = tok->ignores_cap ? tok->ignores_cap * 2 : 8;
                ps_token *ni = realloc(tok->ignores, cap * sizeof *ni);
                if (!ni) {
                    tok->done = -1;
                    rc = ps_error_nomem(tok->err);
                    break;
                }
                tok->ignores = ni;
                tok->ignores_cap = cap;
            }
            tok->ignores[tok->nignores++] = tok->toks[tok->ntoks];
            continue;
        }
        tok->ntoks++;
        if (k == PS_TOK_ENDMARKER)
            break;
    }
    *toks = tok->toks;
    *n = tok->ntoks;
    return rc;
}

const ps_token *ps_tok_type_ignores(const ps_tokenizer *tok, size_t *n)
{
    *n = tok->nignores;
    return tok->ignores;
}

int ps_tok_warn(ps_tokenizer *tok, ps_warn_category cat, const char *at,
                const char *msg)
{
    if (!tok->warn)
        return 0;
    if (tok->warn(tok->warn_ctx, cat, tok->lineno, (int)(at - tok->line_start), msg) < 0)
        return ps_tok_error_at(tok, PS_ERR_SYNTAX, tok->lineno, tok->line_start, at,
                               "%s", msg);
    return 0;
}
