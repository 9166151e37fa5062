/* tokenizer_int.h — the tokenizer's state, shared by tokenizer.c and
 * tok_number.c (library-internal). */
#ifndef LIBPARSE_SRC_TOKENIZER_INT_H
#define LIBPARSE_SRC_TOKENIZER_INT_H

#include "libparse/token.h"

#define PS_EOF (-1)
#define PS_TABSIZE 8
#define PS_MAXINDENT 100   /* CPython's MAXINDENT */
#define PS_MAXLEVEL 200    /* CPython's MAXLEVEL: bracket nesting */

struct ps_tokenizer {
    char *buf;                 /* decoded source, NUL-terminated, ends in '\n' */
    const char *end;           /* buf + length */
    const char *cur;           /* next byte to read */
    const char *line_start;    /* start of the line holding cur */
    const char *prev_line_start;
    int lineno;                /* line of cur (1-based) */
    /* CPython's tok->buf: start of the text its parser quotes in errors.
     * It moves to a new line only when that line is first read outside a
     * token, so it stays put across backslash continuations and multi-line
     * strings (see NOTES-tokenizer.md, "Error locations"). */
    const char *buf_start;
    int buf_decided_line;      /* line whose first read has been seen */
    int in_token;              /* CPython's tok->start != NULL */
    int total_lines;           /* number of '\n' in buf */
    int added_newline;         /* the final '\n' was appended by us */
    int atbol;                 /* at the beginning of a logical line */
    int pendin;                /* pending INDENT (>0) / DEDENT (<0) tokens */
    int indent;                /* top of indstack */
    int indstack[PS_MAXINDENT];
    int altindstack[PS_MAXINDENT];
    int level;                 /* bracket depth */
    char parenstack[PS_MAXLEVEL];
    int parenline[PS_MAXLEVEL];
    int parencol[PS_MAXLEVEL]; /* byte column of the opening bracket */
    int done;                  /* 0 running, 1 after ENDMARKER, -1 failed */
    int deferred;              /* the failure is one CPython's tokenizer
                                  returns as a code, raising nothing */
    int oom;                   /* line index allocation failed */
    ps_error *err;
    ps_warn_fn warn;
    void *warn_ctx;
    const char *encoding;
    const char **lines;        /* start of each line reached so far */
    size_t nlines, lines_cap;
    ps_token *toks;            /* ps_tok_all's array */
    size_t ntoks, toks_cap;
    int type_comments;         /* PS_TOK_TYPE_COMMENTS */
    ps_token *ignores;         /* TYPE_IGNORE tokens ps_tok_all set apart */
    size_t nignores, ignores_cap;
};

int ps_tok_nextc(ps_tokenizer *tok);
void ps_tok_backup(ps_tokenizer *tok, int c);

/* Fail with every SyntaxError field given explicitly (see tokenizer.c). */
int ps_tok_fail(ps_tokenizer *tok, ps_error_kind kind, int lineno,
                const char *line, int offset, int end_offset, int col,
                int end_col, int text_nl, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 10, 11)))
#endif
    ;
/* CPython's syntaxerror(): offset = characters before `at` on that line. */
int ps_tok_error_at(ps_tokenizer *tok, ps_error_kind kind, int lineno,
                    const char *line, const char *at, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;
/* A SyntaxWarning at `at`; -1 if the sink turned it into an error. */
int ps_tok_warn(ps_tokenizer *tok, ps_warn_category cat, const char *at,
                const char *msg);

/* Scan a number whose first character is next (or, with after_dot, whose
 * ".d" has been read).  cur ends after the literal.  0 or -1. */
int ps_tok_number(ps_tokenizer *tok, const char *start, const char *line,
                  int lineno, int after_dot);

#endif
