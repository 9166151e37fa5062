/* parser.c — ps_parse: the parser's entry point, token buffer, error
 * reporting and the scratch stack sequences are built on.
 *
 * The parser is hand-written recursive descent over the whole token array
 * (ps_tok_all), with mark/reset backtracking in the few places Python's
 * grammar needs it.  See NOTES-parser.md for the design and its invariants.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser_internal.h"

/* ---- tokens ------------------------------------------------------------ */

const ps_token *pp_tok_slow(pp_parser *p, size_t i)
{
    /* Past the tokens the tokenizer produced: it failed there.  Looking at
     * that point is what makes CPython report the tokenizer's error. */
    if (p->tok_failed && !p->failed) {
        ps_error_clear(p->err);   /* an f-string's parser shares its parent's */
        *p->err = p->tok_err;
        ps_error_init(&p->tok_err);
        p->tok_failed = 2;
        p->failed = 1;
    }
    if (i > p->maxpos)
        p->maxpos = i;
    return &p->bad;
}

/* ---- errors ---------------------------------------------------------------- */

void *pp_error_at(pp_parser *p, ps_error_kind kind, int l, int c, int el, int ec,
                  const char *fmt, ...)
{
    if (p->failed)
        return NULL;
    if (p->in_fstring > 0) {
        /* an f-string's sub-parser: CPython reports columns inside
         * "(" expression ")" (so undo the shift applied to the tokens) but
         * the file's line numbers */
        if (l == p->fs_line)
            c -= p->fs_col;
        if (el == p->fs_line)
            ec -= p->fs_col;
    }
    size_t len = 0;
    const char *line = NULL;
    int tl = p->in_fstring > 0 ? l - (p->fs_line - 1) : l;   /* line in p->tz */
    if (tl > 0)
        line = ps_tok_line(p->tz, tl, &len);
    if (line && line[len] == '\n')
        len++;
    va_list ap;
    va_start(ap, fmt);
    ps_error_vset(p->err, kind, l, c, el, ec, line, line ? len : 0, fmt, ap);
    va_end(ap);
    if (ps_tok_byte_offsets(p->tz)) {
        /* bytes that declared no encoding: CPython's parser reports its
         * offsets in bytes, not characters */
        p->err->offset = c < 0 ? 0 : c + 1;
        p->err->end_offset = ec < 0 ? 0 : ec + 1;
    }
    p->failed = 1;
    return NULL;
}

/* Only DEDENTs from t to the ENDMARKER: t is one of the dedents that
 * close the source. */
static int dedent_at_eof(pp_parser *p, const ps_token *t)
{
    if (t < p->toks || t >= p->toks + p->ntok)
        return 0;
    for (size_t i = (size_t)(t - p->toks); i < p->ntok; i++) {
        if (p->toks[i].kind == PS_TOK_ENDMARKER)
            return 1;
        if (p->toks[i].kind != PS_TOK_DEDENT)
            return 0;
    }
    return 0;
}

void pp_dedent_location(pp_parser *p, const ps_token *t)
{
    if (!p->failed || t->kind != PS_TOK_DEDENT || p->err->kind == PS_ERR_MEMORY)
        return;
    size_t len = 0;
    const char *prev = t->lineno > 1 ? ps_tok_line(p->tz, t->lineno - 1, &len) : NULL;
    if (dedent_at_eof(p, t) && prev) {
        /* the end of the last line, its newline included */
        p->err->lineno = p->err->end_lineno = t->lineno - 1;
        p->err->offset = ps_tok_byte_offsets(p->tz)
            ? (int)len + 1 : ps_error_char_offset(prev, len + 1, len + 1);
        if (ps_error_set_text(p->err, prev, len + 1) < 0)
            return;
    } else {
        p->err->offset = t->col_offset;   /* indentation: bytes = characters */
    }
    p->err->end_offset = -1;
}

int pp_first_try(pp_parser *p, size_t pos)
{
    if (pos >= p->ntok)
        return 0;
    if (!p->tried) {
        p->tried = calloc(p->ntok / 8 + 1, 1);
        if (!p->tried)
            return 0;
    }
    unsigned char bit = (unsigned char)(1u << (pos % 8));
    if (p->tried[pos / 8] & bit)
        return 0;
    p->tried[pos / 8] |= bit;
    return 1;
}

void *pp_nomem(pp_parser *p)
{
    if (!p->failed) {
        ps_error_nomem(p->err);
        p->failed = 1;
    }
    return NULL;
}

int pp_enter(pp_parser *p)
{
    if (++p->depth > PP_MAX_DEPTH) {
        pp_nomem(p);
        return 0;
    }
    return 1;
}

/* The generic failure: "invalid syntax" (or an indentation error) at the
 * furthest token looked at, unless the tokenizer fails later in the file. */
static void pp_generic_error(pp_parser *p)
{
    if (p->failed)
        return;
    const ps_token *t = pp_at(p, p->maxpos);
    if (p->failed)
        return;
    if (t->kind == PS_TOK_INDENT) {
        /* CPython reports the tokenizer's column (just past the indentation)
         * as the 1-based offset, and no end. */
        const char *l = t->line ? t->line : "";
        int w = 0;
        while (l[w] == ' ' || l[w] == '\t' || l[w] == '\f')
            w++;
        pp_error_at(p, PS_ERR_INDENTATION, t->lineno, t->col_offset, t->lineno, -1,
                    "unexpected indent");
        p->indent_error = 1;
        p->err->offset = ps_error_char_offset(l, (size_t)w, (size_t)w);
        p->err->end_offset = -1;
    } else if (t->kind == PS_TOK_DEDENT) {
        pp_error_at(p, PS_ERR_INDENTATION, t->lineno, t->col_offset, t->end_lineno,
                    t->end_col_offset, "unexpected unindent");
        pp_dedent_location(p, t);
        p->indent_error = 1;
    } else {
        int ec = t->end_col_offset;
        if (t->kind == PS_TOK_NEWLINE)
            ec = t->col_offset;
        pp_error_at(p, PS_ERR_SYNTAX, t->lineno, t->col_offset, t->end_lineno, ec,
                    "invalid syntax");
    }
}

/* After a SyntaxError (or subclass) raised by the parser, CPython tokenizes
 * the rest of the file (_PyPegen_tokenize_full_source_to_check_for_errors):
 * a tokenizer error that raises replaces the parser's; one the tokenizer
 * only returns as a code (ps_tok_error_deferred) leaves it, unless a bracket
 * still open there was opened on a line before the furthest token the
 * parser had read: that is then reported as never closed.  The generic
 * "unexpected indent" / "unexpected unindent" are final: CPython raises
 * them without tokenizing on. */
static void pp_prefer_tokenizer_error(pp_parser *p)
{
    if (p->tok_failed != 1 || !p->failed || p->indent_error)
        return;
    if (p->err->kind != PS_ERR_SYNTAX && p->err->kind != PS_ERR_INDENTATION
        && p->err->kind != PS_ERR_TAB && p->err->kind != PS_ERR_DECODE)
        return;
    if (ps_tok_error_deferred(p->tz)) {
        int open_line = ps_tok_open_bracket_line(p->tz);
        size_t i = p->maxpos < p->ntok ? p->maxpos : p->ntok - 1;
        int cur_line = p->ntok ? p->toks[i].lineno : 0;
        if (open_line == 0 || cur_line <= open_line)
            return;
        if (strstr(p->tok_err.msg, "was never closed") == NULL) {
            /* the tokenizer writes it into p->err, over the parser's */
            ps_tok_unclosed_error(p->tz);
            p->tok_failed = 2;
            return;
        }
    }
    ps_error_clear(p->err);
    *p->err = p->tok_err;
    ps_error_init(&p->tok_err);
    p->tok_failed = 2;
    /* an identifier that is not UTF-8: CPython's tokenizer leaves the
     * codec's exception itself, which only its parser's own token fetch
     * turns into "(unicode error) ..."; here it escapes as it is */
    static const char prefix[] = "(unicode error) ";
    if (strncmp(p->err->msg, prefix, sizeof prefix - 1) == 0) {
        char msg[PS_ERROR_MSG_MAX];
        snprintf(msg, sizeof msg, "%s", p->err->msg + sizeof prefix - 1);
        ps_error_clear(p->err);
        ps_error_setf(p->err, PS_ERR_UNICODE_DECODE, "%s", msg);
    }
}

/* ---- scratch stack ------------------------------------------------------------ */

int pp_push(pp_parser *p, void *item)
{
    if (p->top == p->cap) {
        size_t ncap = p->cap ? p->cap * 2 : 256;
        void **n = realloc(p->stk, ncap * sizeof *n);
        if (!n) {
            pp_nomem(p);
            return 0;
        }
        p->stk = n;
        p->cap = ncap;
    }
    p->stk[p->top++] = item;
    return 1;
}

void *pp_seq_from(pp_parser *p, size_t base)
{
    size_t n = p->top - base;
    ps_expr_seq *s = ps_expr_seq_new((ptrdiff_t)n, p->arena);
    if (!s) {
        p->top = base;
        return pp_nomem(p);
    }
    if (n)
        memcpy(s->items, p->stk + base, n * sizeof(void *));
    p->top = base;
    return s;
}

ps_expr_seq *pp_seq1(pp_parser *p, ps_expr *e)
{
    ps_expr_seq *s = ps_expr_seq_new(1, p->arena);
    if (!s)
        return pp_nomem(p);
    s->items[0] = e;
    return s;
}

/* ---- identifiers ---------------------------------------------------------------- */

const char *pp_ident(pp_parser *p, const ps_token *t)
{
    const char *r;
    for (size_t i = 0; i < t->len; i++) {
        if ((unsigned char)t->start[i] >= 0x80) {
            size_t n;
            char *s = pp_nfkc(t->start, t->len, &n);
            if (!s)
                return pp_nomem(p);
            r = ps_arena_strndup(p->arena, s, n);
            free(s);
            return r ? r : pp_nomem(p);
        }
    }
    r = ps_arena_strndup(p->arena, t->start, t->len);
    return r ? r : pp_nomem(p);
}

ps_expr *pp_name_from_tok(pp_parser *p, size_t i, ps_expr_context ctx)
{
    const ps_token *t = &p->toks[i];
    const char *id = pp_ident(p, t);
    if (!id)
        return NULL;
    ps_expr *e = ps_ast_Name(id, ctx, t->lineno, t->col_offset, t->end_lineno,
                             t->end_col_offset, p->arena);
    return e ? e : pp_nomem(p);
}

/* ---- start rules ------------------------------------------------------------------ */

static void skip_newlines(pp_parser *p)
{
    while (pp_kind(p) == PS_TOK_NEWLINE)
        p->pos++;
}

static ps_mod *parse_file(pp_parser *p)
{
    ps_stmt_seq *body = pp_statements(p);
    if (!body)
        return NULL;
    if (pp_kind(p) != PS_TOK_ENDMARKER)
        return NULL;
    size_t nign;
    const ps_token *ign = ps_tok_type_ignores(p->tz, &nign);
    ps_type_ignore_seq *ti = ps_type_ignore_seq_new((ptrdiff_t)nign, p->arena);
    if (!ti)
        return pp_nomem(p);
    for (size_t i = 0; i < nign; i++) {
        const char *tag = ps_arena_strndup(p->arena, ign[i].start, ign[i].len);
        ti->items[i] = tag ? ps_ast_TypeIgnore(ign[i].lineno, tag, p->arena) : NULL;
        if (!ti->items[i])
            return pp_nomem(p);
    }
    ps_mod *m = ps_ast_Module(body, ti, p->arena);
    return m ? m : pp_nomem(p);
}

static ps_mod *parse_eval(pp_parser *p)
{
    ps_expr *e = pp_expressions(p);
    if (!e)
        return NULL;
    skip_newlines(p);
    if (pp_kind(p) != PS_TOK_ENDMARKER)
        return NULL;
    ps_mod *m = ps_ast_Expression(e, p->arena);
    return m ? m : pp_nomem(p);
}

static ps_mod *parse_single(pp_parser *p)
{
    ps_stmt_seq *body;
    int k = pp_kind(p);
    if (k == PS_TOK_NEWLINE || k == PS_TOK_ENDMARKER) {
        /* no statement at all: CPython's "invalid syntax" with no column */
        const ps_token *t = pp_cur(p);
        int line = t->lineno - 1;      /* the last line of the input */
        pp_error_at(p, PS_ERR_SYNTAX, line, -1, line, -1, "invalid syntax");
        return NULL;
    } else {
        body = pp_single_statement(p);
        if (!body)
            return NULL;
    }
    ps_mod *m = ps_ast_Interactive(body, p->arena);
    return m ? m : pp_nomem(p);
}

static ps_mod *parse_func_type(pp_parser *p)
{
    size_t base = p->top;
    if (!pp_accept(p, PS_TOK_LPAR))
        return NULL;
    /* type_expressions: plain types, then at most one '*' type, then at
     * most one '**' type, comma-separated without a trailing comma; the
     * starred ones are kept as plain entries */
    int stage = 0;   /* 1 after '*', 2 after '**' */
    if (pp_kind(p) != PS_TOK_RPAR) {
        for (;;) {
            if (stage == 2)
                return NULL;
            if (pp_accept(p, PS_TOK_STAR)) {
                if (stage != 0)
                    return NULL;
                stage = 1;
            } else if (pp_accept(p, PS_TOK_DOUBLESTAR)) {
                stage = 2;
            } else if (stage != 0) {
                return NULL;
            }
            ps_expr *e = pp_expression(p);
            if (!e || !pp_push(p, e))
                return NULL;
            if (!pp_accept(p, PS_TOK_COMMA))
                break;
        }
    }
    if (!pp_accept(p, PS_TOK_RPAR))
        return NULL;
    ps_expr_seq *args = PP_SEQ(p, expr, base);
    if (!args || !pp_accept(p, PS_TOK_RARROW))
        return NULL;
    ps_expr *r = pp_expression(p);
    if (!r)
        return NULL;
    skip_newlines(p);
    if (pp_kind(p) != PS_TOK_ENDMARKER)
        return NULL;
    ps_mod *m = ps_ast_FunctionType(args, r, p->arena);
    return m ? m : pp_nomem(p);
}

/* feature_version < 3.7: `async` and `await` are keywords only in an
 * `async def` (its header and body) and where `async def` starts, as the
 * tokenizer's "async hacks" made them in 3.5 and 3.6; elsewhere they are
 * names (`async = 1`). */
static void async_hacks(pp_parser *p)
{
    int level = 0, in_async = 0, async_level = 0, header = 0;
    for (size_t i = 0; i < p->ntok; i++) {
        int k = p->toks[i].kind;
        if (k == PS_TOK_INDENT) {
            level++;
        } else if (k == PS_TOK_DEDENT) {
            level--;
            if (in_async && level <= async_level)
                in_async = 0;
        } else if (k == PS_TOK_NEWLINE && header) {
            if (i + 1 < p->ntok && p->toks[i + 1].kind == PS_TOK_TYPE_COMMENT)
                continue;   /* the signature's type comment line comes first */
            header = 0;
            /* a one-line body ends here */
            if (i + 1 >= p->ntok || p->toks[i + 1].kind != PS_TOK_INDENT)
                in_async = 0;
        } else if (p->kw[i] == PS_KW_ASYNC || p->kw[i] == PS_KW_AWAIT) {
            int starts_def = p->kw[i] == PS_KW_ASYNC && i + 1 < p->ntok &&
                             p->kw[i + 1] == PS_KW_DEF;
            if (starts_def && !in_async) {
                in_async = 1;
                async_level = level;
                header = 1;
            } else if (!in_async) {
                p->kw[i] = 0;
            }
        }
    }
}

int pp_parser_init_tokens(pp_parser *p)
{
    p->kw = malloc(p->ntok + 1);
    if (!p->kw) {
        pp_nomem(p);
        return -1;
    }
    for (size_t i = 0; i < p->ntok; i++) {
        const ps_token *t = &p->toks[i];
        p->kw[i] = t->kind == PS_TOK_NAME
            ? (unsigned char)ps_keyword_lookup(t->start, t->len) : 0;
    }
    int fv = ((p->flags & PS_FEATURE_VERSION_MASK) >> 8) - 1;
    if (fv >= 0 && fv < 7)
        async_hacks(p);
    /* The "bad" token sits where the tokenizer stopped. */
    memset(&p->bad, 0, sizeof p->bad);
    p->bad.kind = (ps_token_kind)PP_TOK_BAD;
    if (p->ntok) {
        const ps_token *l = &p->toks[p->ntok - 1];
        p->bad.lineno = p->bad.end_lineno = l->end_lineno;
        p->bad.col_offset = p->bad.end_col_offset = l->end_col_offset;
        p->bad.start = l->start + l->len;
        p->bad.line = l->line;
    } else {
        p->bad.lineno = p->bad.end_lineno = 1;
        p->bad.start = "";
    }
    return 0;
}

int pp_version_ok(pp_parser *p, int minor, const char *what)
{
    int fv = ((p->flags & PS_FEATURE_VERSION_MASK) >> 8) - 1;
    if (fv < 0 || fv >= minor)
        return 1;
    const ps_token *t = pp_at(p, p->pos > 0 ? p->pos - 1 : 0);
    pp_error_at(p, PS_ERR_SYNTAX, t->lineno, t->col_offset, t->end_lineno, t->end_col_offset,
                "%s only supported in Python 3.%d and greater", what, minor);
    return 0;
}

/* PS_ALLOW_INCOMPLETE: did the parse (m, NULL when it failed) stop because
 * the source ended, as CPython's tokenizer reporting E_EOF/E_EOFS/E_EOLS
 * at the failure?  Without a final newline the NEWLINE the tokenizer adds
 * counts as the end. */
static int incomplete_input(pp_parser *p, ps_mod *m, const char *src, size_t len)
{
    int final_nl = len > 0 && (src[len - 1] == '\n' || src[len - 1] == '\r');
    /* a one-quote string reaches the end when no newline ends the text or
     * the last newline is escaped */
    int string_at_end = !final_nl || (len >= 2 && src[len - 2] == '\\');
    if (m != NULL) {
        if (p->mode == PS_MODE_SINGLE && m->kind == PS_MOD_Interactive &&
            PS_SEQ_LEN(m->v.Interactive.body) == 0)
            return 1;   /* nothing but blanks and comments yet */
        /* a block still open when the text ends without a newline */
        return (p->flags & PS_DONT_IMPLY_DEDENT) && !final_nl && p->ntok >= 2 &&
               p->toks[p->ntok - 2].kind == PS_TOK_DEDENT;
    }
    /* the tokenizer's errors at the end of the text (its own record, or the
     * one reported: unclosed brackets are found once the parse failed) */
    for (int k = 0; k < 2; k++) {
        const char *msg = k == 0 ? p->err->msg : p->tok_failed ? p->tok_err.msg : "";
        if (strstr(msg, "was never closed") != NULL ||
            strncmp(msg, "unterminated triple-quoted string literal", 41) == 0 ||
            (string_at_end && strncmp(msg, "unterminated string literal", 27) == 0) ||
            (final_nl && strncmp(msg, "unexpected EOF while parsing", 28) == 0))
            return 1;
    }
    if (p->tok_failed)
        return 0;
    if (p->ntok == 0)
        return 1;
    size_t i = p->maxpos < p->ntok ? p->maxpos : p->ntok - 1;
    const ps_token *t = &p->toks[i];
    /* the end: ENDMARKER, the DEDENTs before it (on its line), the NEWLINE
     * added to a last line without one */
    return t->kind == PS_TOK_ENDMARKER || (t->kind == PS_TOK_NEWLINE && t->len == 0) ||
           (t->kind == PS_TOK_DEDENT && t->lineno == p->toks[p->ntok - 1].lineno);
}

ps_mod *ps_parse_ex(const char *src, size_t len, const char *filename, ps_mode mode,
                    int flags, ps_arena *arena, ps_error *err,
                    ps_warn_fn warn, void *warn_ctx)
{
    (void)filename;
    pp_parser P;
    pp_parser *p = &P;
    memset(p, 0, sizeof *p);
    ps_error_init(&p->tok_err);
    p->arena = arena;
    p->err = err;
    p->flags = flags;
    p->mode = (int)mode;

    ps_tokenizer *tz = ps_tok_new(src, len,
                                  ((flags & PS_INPUT_IS_UTF8_STR) ? PS_TOK_STR : 0) |
                                  ((flags & PS_TYPE_COMMENTS) ? PS_TOK_TYPE_COMMENTS : 0),
                                  err);
    if (!tz)
        return NULL;
    p->tz = tz;
    if (warn)
        ps_tok_set_warn(tz, warn, warn_ctx);
    const ps_token *toks = NULL;
    size_t n = 0;
    if (ps_tok_all(tz, &toks, &n) < 0) {
        if (err->kind == PS_ERR_MEMORY) {
            ps_tok_free(tz);
            return NULL;
        }
        p->tok_err = *err;
        ps_error_init(err);
        p->tok_failed = 1;
    }
    p->toks = toks;
    p->ntok = n;
    ps_mod *m = NULL;
    if (pp_parser_init_tokens(p) == 0) {
        switch (mode) {
        case PS_MODE_EXEC: m = parse_file(p); break;
        case PS_MODE_EVAL: m = parse_eval(p); break;
        case PS_MODE_SINGLE: m = parse_single(p); break;
        case PS_MODE_FUNC_TYPE: m = parse_func_type(p); break;
        }
        if (!m) {
            pp_generic_error(p);
            pp_prefer_tokenizer_error(p);
        }
    }
    if (m && p->failed)
        m = NULL;
    if ((flags & PS_ALLOW_INCOMPLETE) && (m != NULL || err->kind != PS_ERR_MEMORY) &&
        incomplete_input(p, m, src, len)) {
        const ps_token *t = p->ntok ? &p->toks[p->ntok - 1] : &p->bad;
        ps_error_clear(err);
        ps_error_set(err, PS_ERR_SYNTAX, t->lineno, t->col_offset, t->end_lineno,
                     t->end_col_offset, NULL, 0, "incomplete input");
        m = NULL;
    }
    free(p->kw);
    free(p->tried);
    free(p->stk);
    ps_error_clear(&p->tok_err);
    ps_tok_free(tz);
    return m;
}

ps_mod *ps_parse(const char *src, size_t len, const char *filename, ps_mode mode,
                 int flags, ps_arena *arena, ps_error *err)
{
    return ps_parse_ex(src, len, filename, mode, flags, arena, err, NULL, NULL);
}
