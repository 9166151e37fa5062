/* parse_string.c — string atoms: implicit concatenation and f-strings.
 *
 * In 3.11 an f-string is one STRING token; the parser splits it.  Literal
 * pieces are decoded with the tokenizer's ps_decode_body; each replacement
 * field's expression text is wrapped as "(" text ")" and parsed by a
 * sub-parser over its own token array, whose positions are shifted the way
 * CPython 3.11 shifts them (fstring_find_expr_location):
 *   lines = newlines in the token before the '{'
 *   shift = (lines ? 0 : token column) + bytes from the line start (or the
 *           token start) to the '{'; unless only blanks follow the '{' on
 *           its line, in which case the bytes before the '{' do not count
 *   first line of the expression: column + shift; later lines: unchanged.
 * Every Constant, FormattedValue and format-spec JoinedStr gets the span of
 * the whole concatenation, as CPython 3.11 reports.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser_internal.h"
#include "tokenizer_int.h"

typedef struct str_buf {
    char *data;
    size_t len, cap;
} str_buf;

static int buf_add(pp_parser *p, str_buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t nc = (b->len + n + 1) * 2;
        char *d = realloc(b->data, nc);
        if (!d) {
            pp_nomem(p);
            return 0;
        }
        b->data = d;
        b->cap = nc;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    return 1;
}

typedef struct fs_ctx {
    pp_parser *p;
    const ps_token *first, *last;   /* span of the whole concatenation */
    const ps_token *cfirst, *clast;  /* span of literal parts: the whole
                                        concatenation, but inside a format
                                        spec only its own token (3.11) */
    str_buf lit;                     /* pending literal text */
    int has_lit;
    size_t base;                     /* scratch stack mark of the parts */
    const ps_token *errtok;          /* where string errors are reported */
} fs_ctx;

static ps_expr *whole_const(fs_ctx *c, const char *s, size_t n)
{
    pp_parser *p = c->p;
    char *d = ps_arena_strndup(p->arena, s, n);
    if (!d)
        return pp_nomem(p);
    ps_expr *e = ps_ast_Constant(ps_const_str(d, n), NULL, PP_SPAN(p, c->cfirst, c->clast));
    return e ? e : pp_nomem(p);
}

/* Push the pending literal (if any) as a Constant part. */
static int flush_lit(fs_ctx *c)
{
    if (!c->has_lit || c->lit.len == 0) {
        c->has_lit = 0;
        return 1;
    }
    ps_expr *e = whole_const(c, c->lit.data ? c->lit.data : "", c->lit.len);
    c->lit.len = 0;
    c->has_lit = 0;
    return e && pp_push(c->p, e);
}

/* String errors are reported where CPython's parser stood when it
 * concatenated the strings: the token after the last STRING (a NEWLINE
 * there is zero-width). */
static void *fs_error_kind(fs_ctx *c, ps_error_kind kind, const char *msg)
{
    const ps_token *t = c->errtok;
    int ec = t->kind == PS_TOK_NEWLINE ? t->col_offset : t->end_col_offset;
    int el = t->kind == PS_TOK_NEWLINE ? t->lineno : t->end_lineno;
    return pp_error_at(c->p, kind, t->lineno, t->col_offset, el, ec, "%s", msg);
}
#define fs_error(c, t, msg) fs_error_kind(c, PS_ERR_SYNTAX, msg)

/* Invalid escape sequences warn (DeprecationWarning) through the
 * tokenizer's sink, at the string token's line, as CPython does. */
typedef struct lit_warn_ctx {
    pp_parser *p;
    const ps_token *t;
    int raised;      /* the sink turned the warning into an error */
} lit_warn_ctx;

/* The SyntaxError of a warning turned error: at the string token. */
static void *warn_error(lit_warn_ctx *w, const char *msg)
{
    const ps_token *t = w->t;
    return pp_error_at(w->p, PS_ERR_SYNTAX, t->lineno, t->col_offset, t->end_lineno,
                       t->end_col_offset, "%s", msg);
}

static int lit_warn(void *vctx, ps_warn_category cat, int lineno, int col, const char *msg)
{
    lit_warn_ctx *w = vctx;
    (void)lineno;
    (void)col;
    ps_tokenizer *tz = w->p->tz;
    if (tz == NULL || tz->warn == NULL)
        return 0;
    if (tz->warn(tz->warn_ctx, cat, w->t->lineno, w->t->col_offset, msg) == 0)
        return 0;
    w->raised = 1;
    return -1;
}

/* Decode a literal chunk and add it to the pending text. */
static int add_literal(fs_ctx *c, const ps_token *t, const char *s, size_t n, unsigned flags)
{
    if (n == 0)
        return 1;
    pp_parser *p = c->p;
    char *out;
    size_t olen;
    ps_error e;
    ps_error_init(&e);
    lit_warn_ctx wctx = {p, t, 0};
    if (ps_decode_body(s, n, flags, &out, &olen, lit_warn, &wctx, &e) < 0) {
        if (e.kind == PS_ERR_MEMORY) {
            ps_error_clear(&e);
            return pp_nomem(p) != NULL;
        }
        if (wctx.raised) {
            warn_error(&wctx, e.msg);
            ps_error_clear(&e);
            return 0;
        }
        fs_error_kind(c, e.kind, e.msg);
        ps_error_clear(&e);
        return 0;
    }
    int ok = buf_add(p, &c->lit, out, olen);
    free(out);
    c->has_lit = 1;
    return ok;
}

/* ---- the expression sub-parser -------------------------------------------------- */

static ps_expr *compile_expr(fs_ctx *c, const ps_token *t, const char *tstart,
                             const char *es, const char *ee)
{
    pp_parser *p = c->p;
    if (p->failed)      /* the sub-parser would write over p's error */
        return NULL;
    /* all-blank expression */
    const char *q = es;
    while (q < ee && (*q == ' ' || *q == '\t' || *q == '\f' || *q == '\n' || *q == '\r'))
        q++;
    if (q == ee && (*ee == '!' || *ee == ':' || *ee == '=')) {
        /* ee is inside the token: the scan stopped on this character */
        char m[64];
        snprintf(m, sizeof m, "f-string: expression required before '%c'", *ee);
        return fs_error(c, t, m);
    }
    if (q == ee)
        return fs_error(c, t, "f-string: empty expression not allowed");
    /* location (see the file comment) */
    const char *brace = es - 1;
    int lines = 0;
    for (const char *r = tstart; r < brace; r++)
        if (*r == '\n')
            lines++;
    int cols = 0;
    int nl_after = 1;
    for (const char *r = brace + 1; r < ee && *r != '\n'; r++) {
        if (*r != ' ' && *r != '\t' && *r != '\f') {
            nl_after = 0;
            break;
        }
    }
    if (!nl_after) {
        const char *r = brace;
        while (r > tstart && *r != '\n')
            r--;
        cols = (int)(brace - r);
        if (*r == '\n')
            cols--;
    }
    int first_line = t->lineno + lines;
    int shift = (lines ? 0 : t->col_offset) + cols;

    size_t n = (size_t)(ee - es);
    char *src = malloc(n + 3);
    if (!src)
        return pp_nomem(p);
    src[0] = '(';
    memcpy(src + 1, es, n);
    src[n + 1] = ')';
    src[n + 2] = 0;
    ps_error terr;
    ps_error_init(&terr);
    ps_tokenizer *tz = ps_tok_new(src, n + 2, PS_TOK_STR, &terr);
    free(src);
    if (!tz) {
        fs_error_kind(c, terr.kind, terr.msg);
        ps_error_clear(&terr);
        return NULL;
    }
    const ps_token *toks;
    size_t nt;
    int bad = ps_tok_all(tz, &toks, &nt) < 0;
    ps_token *mine = malloc((nt + 1) * sizeof *mine);
    if (!mine) {
        ps_tok_free(tz);
        ps_error_clear(&terr);
        return pp_nomem(p);
    }
    for (size_t i = 0; i < nt; i++) {
        mine[i] = toks[i];
        if (mine[i].lineno == 1)
            mine[i].col_offset += shift;
        if (mine[i].end_lineno == 1)
            mine[i].end_col_offset += shift;
        mine[i].lineno += first_line - 1;
        mine[i].end_lineno += first_line - 1;
    }
    pp_parser sub;
    memset(&sub, 0, sizeof sub);
    ps_error_init(&sub.tok_err);
    sub.toks = mine;
    sub.ntok = nt;
    sub.arena = p->arena;
    sub.err = p->err;
    sub.flags = p->flags;
    sub.mode = p->mode;
    sub.depth = p->depth;
    sub.in_fstring = p->in_fstring + 1;
    sub.tz = tz;      /* errors inside are reported in the substring's coordinates */
    sub.fs_line = first_line;
    sub.fs_col = shift;
    if (bad) {
        sub.tok_err = terr;
        ps_error_init(&terr);
        sub.tok_failed = 1;
    }
    ps_expr *e = NULL;
    extern int pp_parser_init_tokens(pp_parser *p);
    if (pp_parser_init_tokens(&sub) == 0) {
        e = pp_star_expressions(&sub);
        if (e) {
            while (pp_kind(&sub) == PS_TOK_NEWLINE)
                sub.pos++;
            if (pp_kind(&sub) != PS_TOK_ENDMARKER)
                e = NULL;
        }
        if (!e && !sub.failed) {
            const ps_token *bt = pp_at(&sub, sub.maxpos);
            if (!sub.failed)
                pp_error_at(&sub, PS_ERR_SYNTAX, bt->lineno, bt->col_offset, bt->end_lineno,
                            bt->end_col_offset, "f-string: invalid syntax");
        }
    }
    if (sub.failed && sub.tok_failed == 2) {
        /* The sub-tokenizer's own error.  CPython's runs on the file's line
         * numbers but the expression text's columns, and its message gets
         * no "f-string: " — except a non-UTF-8 identifier, which its parser
         * reports (prefixed, at offset 0). */
        e = NULL;
        p->err->lineno += first_line - 1;
        if (p->err->end_lineno > 0)
            p->err->end_lineno += first_line - 1;
        if (p->err->kind == PS_ERR_DECODE) {
            char tmp[PS_ERROR_MSG_MAX + 16];
            snprintf(tmp, sizeof tmp, "f-string: %s", p->err->msg);
            memcpy(p->err->msg, tmp, PS_ERROR_MSG_MAX - 1);
            p->err->msg[PS_ERROR_MSG_MAX - 1] = 0;
            p->err->offset = p->err->end_offset = 0;
        }
        p->failed = 1;
    } else if (sub.failed) {
        e = NULL;
        if (p->err->kind == PS_ERR_SYNTAX && strncmp(p->err->msg, "f-string", 8) != 0) {
            char tmp[PS_ERROR_MSG_MAX + 16];
            snprintf(tmp, sizeof tmp, "f-string: %s", p->err->msg);
            memcpy(p->err->msg, tmp, PS_ERROR_MSG_MAX - 1);
            p->err->msg[PS_ERROR_MSG_MAX - 1] = 0;
        }
        p->failed = 1;
    }
    free(sub.kw);
    free(sub.tried);
    free(sub.stk);
    free(mine);
    ps_error_clear(&sub.tok_err);
    ps_error_clear(&terr);
    ps_tok_free(tz);
    return e;
}

/* ---- splitting an f-string body ----------------------------------------------------- */

static int fstring_body(fs_ctx *c, const ps_token *t, const ps_strlit *sl, const char **sp,
                        const char *end, int recurse, ps_expr **spec_out);

/* Parses one replacement field starting after its '{'; *sp ends after '}'. */
static ps_expr *replacement_field(fs_ctx *c, const ps_token *t, const ps_strlit *sl,
                                  const char **sp, const char *end, int recurse)
{
    pp_parser *p = c->p;
    const char *s = *sp;
    const char *es = s;
    char quote = 0;
    int qlen = 0;
    char stack[200];
    int depth = 0;
    if (recurse >= 2)
        return fs_error(c, t, "f-string: expressions nested too deeply");
    for (; s < end; s++) {
        char ch = *s;
        if (ch == '\\')
            return fs_error(c, t, "f-string expression part cannot include a backslash");
        if (quote) {
            if (ch == quote) {
                if (qlen == 3) {
                    if (s + 2 < end && s[1] == ch && s[2] == ch) {
                        s += 2;
                        quote = 0;
                    }
                } else {
                    quote = 0;
                }
            }
            continue;
        }
        if (ch == '\'' || ch == '"') {
            if (s + 2 < end && s[1] == ch && s[2] == ch) {
                qlen = 3;
                s += 2;
            } else {
                qlen = 1;
            }
            quote = ch;
            continue;
        }
        if (ch == '[' || ch == '(' || ch == '{') {
            if (depth >= 200)
                return fs_error(c, t, "f-string: too many nested parenthesis");
            stack[depth++] = ch;
            continue;
        }
        if (ch == '#')
            return fs_error(c, t, "f-string expression part cannot include '#'");
        if (depth == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
            if (s + 1 < end) {
                char nx = s[1];
                if ((ch == '!' || ch == '=' || ch == '<' || ch == '>') && nx == '=') {
                    s++;
                    continue;
                }
            }
            if (ch == '>' || ch == '<')
                continue;
            break;
        }
        if (ch == ']' || ch == '}' || ch == ')') {
            if (!depth) {
                char m[64];
                snprintf(m, sizeof m, "f-string: unmatched '%c'", ch);
                return fs_error(c, t, m);
            }
            char open = stack[--depth];
            if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') || (open == '{' && ch == '}'))) {
                char m[96];
                snprintf(m, sizeof m, "f-string: closing parenthesis '%c' does not match opening parenthesis '%c'", ch, open);
                return fs_error(c, t, m);
            }
        }
    }
    if (quote)
        return fs_error(c, t, "f-string: unterminated string");
    if (depth) {
        char m[64];
        snprintf(m, sizeof m, "f-string: unmatched '%c'", stack[depth - 1]);
        return fs_error(c, t, m);
    }
    if (s >= end)
        return fs_error(c, t, "f-string: expecting '}'");
    const char *ee = s;
    ps_expr *value = compile_expr(c, t, t->start, es, ee);
    if (!value)
        return NULL;
    /* '=' debugging specifier: the text goes into the literal */
    int debug = 0;
    if (*s == '=') {
        if (!pp_version_ok(c->p, 8, "f-string: self documenting expressions are"))
            return NULL;
        debug = 1;
        s++;
        while (s < end && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f' || *s == '\r'))
            s++;
        if (!buf_add(p, &c->lit, es, (size_t)(s - es)))
            return NULL;
        c->has_lit = 1;
    }
    int conversion = -1;
    if (s < end && *s == '!') {
        s++;
        if (s >= end)
            return fs_error(c, t, "f-string: expecting '}'");
        conversion = (unsigned char)*s;
        if (conversion != 's' && conversion != 'r' && conversion != 'a')
            return fs_error(c, t, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
        s++;
    }
    ps_expr *spec = NULL;
    if (s < end && *s == ':') {
        s++;
        if (!fstring_body(c, t, sl, &s, end, recurse + 1, &spec))
            return NULL;
    }
    if (s >= end || *s != '}')
        return fs_error(c, t, "f-string: expecting '}'");
    s++;
    if (debug && conversion == -1 && !spec)
        conversion = 'r';
    if (!flush_lit(c))
        return NULL;
    ps_expr *fv = ps_ast_FormattedValue(value, conversion, spec, PP_SPAN(p, c->first, c->last));
    if (!fv)
        return pp_nomem(p);
    *sp = s;
    return fv;
}

/* Splits literal text and fields from *sp.  At recurse 0 the parts go into
 * c's list; inside a format spec (recurse > 0) they form a JoinedStr that
 * is returned in *spec_out and the scan stops at the closing '}'. */
static int fstring_body(fs_ctx *c, const ps_token *t, const ps_strlit *sl, const char **sp,
                        const char *end, int recurse, ps_expr **spec_out)
{
    pp_parser *p = c->p;
    const char *s = *sp;
    int raw = (sl->flags & PS_STR_RAW) != 0;
    fs_ctx inner;
    fs_ctx *cc = c;
    if (recurse) {
        inner = *c;
        inner.lit.data = NULL;
        inner.lit.len = inner.lit.cap = 0;
        inner.has_lit = 0;
        inner.base = p->top;
        inner.cfirst = inner.clast = t;
        cc = &inner;
    }
    int ok = 0;
    while (s < end) {
        const char *ls = s;
        /* literal run */
        while (s < end && *s != '{' && *s != '}') {
            if (!raw && *s == '\\' && s + 1 < end) {
                if (s[1] == 'N' && s + 2 < end && s[2] == '{') {
                    s += 3;
                    while (s < end && *s != '}')
                        s++;
                    if (s < end)
                        s++;
                    continue;
                }
                if (s[1] == '{' || s[1] == '}')
                    break;   /* the brace still opens (closes) a field */
                s += 2;
                continue;
            }
            s++;
        }
        if (!add_literal(cc, t, ls, (size_t)(s - ls), sl->flags))
            goto done;
        if (s < end && *s == '\\') {
            /* "\{": an invalid escape that keeps its backslash */
            char m[40];
            snprintf(m, sizeof m, "invalid escape sequence '\\%c'", s[1]);
            lit_warn_ctx w = {p, t, 0};
            if (lit_warn(&w, PS_WARN_DEPRECATION, 0, 0, m) < 0) {
                warn_error(&w, m);
                goto done;
            }
            if (!add_literal(cc, t, "\\", 1, PS_STR_RAW))
                goto done;
            s++;
        }
        if (s >= end)
            break;
        if (*s == '}') {
            if (recurse)
                break;
            if (s + 1 < end && s[1] == '}') {
                if (!add_literal(cc, t, "}", 1, PS_STR_RAW))
                    goto done;
                s += 2;
                continue;
            }
            fs_error(c, t, "f-string: single '}' is not allowed");
            goto done;
        }
        /* '{' */
        if (s + 1 < end && s[1] == '{' && !recurse) {
            if (!add_literal(cc, t, "{", 1, PS_STR_RAW))
                goto done;
            s += 2;
            continue;
        }
        s++;
        ps_expr *fv = replacement_field(cc, t, sl, &s, end, recurse);
        if (!fv || !pp_push(p, fv))
            goto done;
    }
    if (recurse) {
        if (!flush_lit(cc))
            goto done;
        ps_expr_seq *vals = PP_SEQ(p, expr, cc->base);
        if (!vals)
            goto done;
        ps_expr *js = ps_ast_JoinedStr(vals, PP_SPAN(p, t, t));
        if (!js) {
            pp_nomem(p);
            goto done;
        }
        *spec_out = js;
    }
    ok = 1;
done:
    if (recurse)
        free(inner.lit.data);
    *sp = s;
    return ok;
}

/* ---- STRING+ -------------------------------------------------------------------- */

ps_expr *pp_strings(pp_parser *p)
{
    size_t st = p->pos, en = st;
    while (pp_kind_at(p, en) == PS_TOK_STRING)
        en++;
    const ps_token *first = &p->toks[st], *last = &p->toks[en - 1];
    int any_f = 0, any_bytes = 0, any_str = 0;
    for (size_t i = st; i < en; i++) {
        ps_strlit sl;
        ps_strlit_parse(p->toks[i].start, p->toks[i].len, &sl);
        if (sl.flags & PS_STR_FSTRING)
            any_f = 1;
        if (sl.flags & PS_STR_BYTES)
            any_bytes = 1;
        else
            any_str = 1;
    }
    /* CPython reads the token after the last string before it decodes any
     * of them: a tokenizer error there wins over errors inside the strings */
    const ps_token *after = pp_at(p, en);
    if (p->failed)
        return NULL;
    if (any_f && !pp_version_ok(p, 6, "Format strings are"))
        return NULL;
    if (any_bytes && any_str) {
        fs_ctx ec;
        ec.p = p;
        ec.errtok = after;
        return fs_error(&ec, after, "cannot mix bytes and nonbytes literals");
    }
    ps_strlit sl0;
    ps_strlit_parse(first->start, first->len, &sl0);
    const char *kind = (sl0.flags & PS_STR_UNICODE) ? "u" : NULL;

    fs_ctx c;
    memset(&c, 0, sizeof c);
    c.p = p;
    c.first = first;
    c.last = last;
    c.cfirst = first;
    c.clast = last;
    c.base = p->top;
    c.errtok = after;
    ps_expr *res = NULL;
    for (size_t i = st; i < en; i++) {
        const ps_token *t = &p->toks[i];
        ps_strlit sl;
        ps_strlit_parse(t->start, t->len, &sl);
        if (!(sl.flags & PS_STR_FSTRING)) {
            if (!add_literal(&c, t, sl.body, sl.body_len, sl.flags))
                goto done;
            c.has_lit = 1;
            continue;
        }
        const char *s = sl.body;
        if (!fstring_body(&c, t, &sl, &s, sl.body + sl.body_len, 0, NULL))
            goto done;
    }
    p->pos = en;
    if (!any_f) {
        const char *d = ps_arena_strndup(p->arena, c.lit.data ? c.lit.data : "", c.lit.len);
        if (!d) {
            pp_nomem(p);
            goto done;
        }
        ps_constant v = any_bytes ? ps_const_bytes(d, c.lit.len) : ps_const_str(d, c.lit.len);
        res = ps_ast_Constant(v, kind, PP_SPAN(p, first, last));
        if (!res)
            pp_nomem(p);
        goto done;
    }
    if (!flush_lit(&c))
        goto done;
    ps_expr_seq *vals = PP_SEQ(p, expr, c.base);
    if (!vals)
        goto done;
    res = ps_ast_JoinedStr(vals, PP_SPAN(p, first, last));
    if (!res)
        pp_nomem(p);
done:
    p->top = c.base;
    free(c.lit.data);
    return res;
}
