/* parse_pattern.c — the match statement and its patterns (PEP 634).
 *
 * `match` and `case` are soft keywords: a statement starting with the NAME
 * `match` is tried as a match statement first (subject, then ':' NEWLINE);
 * if that shape is not there the caller rewinds and parses an ordinary
 * statement.  The subject is parsed with the invalid_* checks off so that a
 * call like `match(a, b=1)` cannot raise an error while being tried.
 */
#include <string.h>

#include "parser_internal.h"

#define NEW(x) do { if (!(x)) return pp_nomem(p); } while (0)

static ps_pattern *pattern(pp_parser *p);
static ps_pattern *closed_pattern(pp_parser *p);

static int is_soft(pp_parser *p, size_t i, int kw)
{
    return pp_kind_at(p, i) == PS_TOK_NAME && p->kw[i] == kw;
}

/* pattern_capture_target: !"_" NAME !('.' | '(' | '=') */
static int at_capture(pp_parser *p)
{
    if (!pp_is_name(p) || p->kw[p->pos] == PS_KW_UNDERSCORE)
        return 0;
    int k = pp_kind_at(p, p->pos + 1);
    return k != PS_TOK_DOT && k != PS_TOK_LPAR && k != PS_TOK_EQUAL;
}

static const char *capture_name(pp_parser *p)
{
    if (!at_capture(p))
        return NULL;
    const char *s = pp_ident(p, pp_cur(p));
    if (s)
        p->pos++;
    return s;
}

/* name_or_attr: NAME ('.' NAME)* as a Load expression */
static ps_expr *name_or_attr(pp_parser *p)
{
    size_t st = p->pos;
    if (!pp_is_name(p))
        return NULL;
    p->pos++;
    ps_expr *e = pp_name_from_tok(p, st, PS_Load);
    if (!e)
        return NULL;
    while (pp_kind(p) == PS_TOK_DOT && pp_is_name_at(p, p->pos + 1)) {
        p->pos++;
        const char *a = pp_ident(p, pp_cur(p));
        if (!a)
            return NULL;
        p->pos++;
        e = ps_ast_Attribute(e, a, PS_Load, PP_EXTRA(p, st));
        NEW(e);
    }
    return e;
}

static ps_expr *signed_number(pp_parser *p)
{
    size_t st = p->pos;
    int neg = pp_accept(p, PS_TOK_MINUS);
    if (pp_kind(p) != PS_TOK_NUMBER)
        return NULL;
    const ps_token *t = pp_cur(p);
    ps_constant c;
    if (ps_const_number(&c, t->start, t->len, p->arena) < 0)
        return pp_nomem(p);
    size_t ns = p->pos++;
    ps_expr *e = ps_ast_Constant(c, NULL, PP_EXTRA(p, ns));
    NEW(e);
    if (neg) {
        e = ps_ast_UnaryOp(PS_USub, e, PP_EXTRA(p, st));
        NEW(e);
    }
    return e;
}

/* literal_expr: numbers (with complex forms), strings, None/True/False.
 * *singleton is set for None/True/False. */
static ps_expr *literal_expr(pp_parser *p, int *singleton)
{
    size_t st = p->pos;
    *singleton = 0;
    int kw = pp_kw(p);
    if (kw == PS_KW_NONE || kw == PS_KW_TRUE || kw == PS_KW_FALSE) {
        *singleton = 1;
        ps_constant c = ps_const_singleton(kw == PS_KW_NONE ? PS_CONST_NONE
                                           : kw == PS_KW_TRUE ? PS_CONST_TRUE : PS_CONST_FALSE);
        p->pos++;
        ps_expr *e = ps_ast_Constant(c, NULL, PP_EXTRA(p, st));
        NEW(e);
        return e;
    }
    if (pp_kind(p) == PS_TOK_STRING) {
        ps_expr *e = pp_strings(p);
        if (e && e->kind == PS_EXPR_JoinedStr)
            return PP_ERR_NODE(p, e, "patterns may only match literals and attribute lookups");
        return e;
    }
    ps_expr *a = signed_number(p);
    if (!a)
        return NULL;
    int k = pp_kind(p);
    if (k == PS_TOK_PLUS || k == PS_TOK_MINUS) {
        p->pos++;
        if (pp_kind(p) != PS_TOK_NUMBER)
            return NULL;
        const ps_token *t = pp_cur(p);
        ps_constant c;
        if (ps_const_number(&c, t->start, t->len, p->arena) < 0)
            return pp_nomem(p);
        size_t ns = p->pos++;
        ps_expr *b = ps_ast_Constant(c, NULL, PP_EXTRA(p, ns));
        NEW(b);
        if (c.kind != PS_CONST_COMPLEX)
            return PP_ERR_NODE(p, b, "imaginary number required in complex literal");
        if (a->kind == PS_EXPR_Constant && a->v.Constant.value.kind == PS_CONST_COMPLEX)
            return PP_ERR_NODE(p, a, "real number required in complex literal");
        ps_expr *e = ps_ast_BinOp(a, k == PS_TOK_PLUS ? PS_Add : PS_Sub, b, PP_EXTRA(p, st));
        NEW(e);
        return e;
    }
    return a;
}

static ps_pattern *star_pattern(pp_parser *p)
{
    size_t st = p->pos++;
    const char *name = NULL;
    if (pp_kw(p) == PS_KW_UNDERSCORE) {
        p->pos++;
    } else {
        name = capture_name(p);
        if (!name)
            return NULL;
    }
    ps_pattern *r = ps_ast_MatchStar(name, PP_EXTRA(p, st));
    NEW(r);
    return r;
}

static ps_pattern *maybe_star_pattern(pp_parser *p)
{
    if (pp_kind(p) == PS_TOK_STAR)
        return star_pattern(p);
    return pattern(p);
}

/* Items of a sequence pattern up to `close` (consumed); *ncomma counts
 * the commas, to tell `(p)` from `(p,)`. */
static ps_pattern_seq *sequence_items(pp_parser *p, int close, int *ncomma)
{
    size_t base = p->top;
    *ncomma = 0;
    while (pp_kind(p) != close) {
        ps_pattern *q = maybe_star_pattern(p);
        if (!q || !pp_push(p, q)) {
            p->top = base;
            return NULL;
        }
        if (!pp_accept(p, PS_TOK_COMMA))
            break;
        (*ncomma)++;
    }
    if (!pp_accept(p, close)) {
        p->top = base;
        return NULL;
    }
    return PP_SEQ(p, pattern, base);
}

static ps_pattern *mapping_pattern(pp_parser *p)
{
    size_t st = p->pos++;
    size_t base = p->top;
    const char *rest = NULL;
    while (pp_kind(p) != PS_TOK_RBRACE) {
        if (pp_accept(p, PS_TOK_DOUBLESTAR)) {
            rest = capture_name(p);
            if (!rest)
                goto fail;
            pp_accept(p, PS_TOK_COMMA);
            break;
        }
        ps_expr *key;
        int single;
        if (pp_is_name(p)) {
            key = name_or_attr(p);
            if (key && key->kind != PS_EXPR_Attribute)
                goto fail;
        } else {
            key = literal_expr(p, &single);
        }
        if (!key || !pp_accept(p, PS_TOK_COLON))
            goto fail;
        ps_pattern *v = pattern(p);
        if (!v || !pp_push(p, key) || !pp_push(p, v))
            goto fail;
        if (!pp_accept(p, PS_TOK_COMMA))
            break;
    }
    if (!pp_accept(p, PS_TOK_RBRACE))
        goto fail;
    {
        size_t n = (p->top - base) / 2;
        ps_expr_seq *ks = ps_expr_seq_new((ptrdiff_t)n, p->arena);
        ps_pattern_seq *vs = ps_pattern_seq_new((ptrdiff_t)n, p->arena);
        if (!ks || !vs) {
            pp_nomem(p);
            goto fail;
        }
        for (size_t i = 0; i < n; i++) {
            ks->items[i] = p->stk[base + 2 * i];
            vs->items[i] = p->stk[base + 2 * i + 1];
        }
        p->top = base;
        ps_pattern *r = ps_ast_MatchMapping(ks, vs, rest, PP_EXTRA(p, st));
        NEW(r);
        return r;
    }
fail:
    p->top = base;
    return NULL;
}

static ps_pattern *class_pattern(pp_parser *p, size_t st, ps_expr *cls)
{
    p->pos++;   /* ( */
    size_t base = p->top;
    size_t npos = 0;
    int seen_kw = 0;
    while (pp_kind(p) != PS_TOK_RPAR) {
        if (pp_is_name(p) && pp_kind_at(p, p->pos + 1) == PS_TOK_EQUAL) {
            const char *name = pp_ident(p, pp_cur(p));
            if (!name)
                goto fail;
            p->pos += 2;
            ps_pattern *v = pattern(p);
            if (!v || !pp_push(p, (void *)name) || !pp_push(p, v))
                goto fail;
            seen_kw = 1;
        } else {
            ps_pattern *v = pattern(p);
            if (!v)
                goto fail;
            if (seen_kw) {
                PP_ERR_NODE(p, v, "positional patterns follow keyword patterns");
                goto fail;
            }
            if (!pp_push(p, v))
                goto fail;
            npos++;
        }
        if (!pp_accept(p, PS_TOK_COMMA))
            break;
    }
    if (!pp_accept(p, PS_TOK_RPAR))
        goto fail;
    {
        size_t nkw = (p->top - base - npos) / 2;
        ps_pattern_seq *ps = ps_pattern_seq_new((ptrdiff_t)npos, p->arena);
        ps_identifier_seq *ka = ps_identifier_seq_new((ptrdiff_t)nkw, p->arena);
        ps_pattern_seq *kp = ps_pattern_seq_new((ptrdiff_t)nkw, p->arena);
        if (!ps || !ka || !kp) {
            pp_nomem(p);
            goto fail;
        }
        for (size_t i = 0; i < npos; i++)
            ps->items[i] = p->stk[base + i];
        for (size_t i = 0; i < nkw; i++) {
            ka->items[i] = p->stk[base + npos + 2 * i];
            kp->items[i] = p->stk[base + npos + 2 * i + 1];
        }
        p->top = base;
        ps_pattern *r = ps_ast_MatchClass(cls, ps, ka, kp, PP_EXTRA(p, st));
        NEW(r);
        return r;
    }
fail:
    p->top = base;
    return NULL;
}

static ps_pattern *closed_pattern(pp_parser *p)
{
    size_t st = p->pos;
    int k = pp_kind(p);
    ps_pattern *r;
    if (k == PS_TOK_NAME) {
        int kw = p->kw[st];
        if (kw == PS_KW_UNDERSCORE && pp_kind_at(p, st + 1) != PS_TOK_DOT
            && pp_kind_at(p, st + 1) != PS_TOK_LPAR) {
            p->pos++;
            r = ps_ast_MatchAs(NULL, NULL, PP_EXTRA(p, st));
            NEW(r);
            return r;
        }
        if (kw == PS_KW_NONE || kw == PS_KW_TRUE || kw == PS_KW_FALSE) {
            p->pos++;
            ps_constant c = ps_const_singleton(kw == PS_KW_NONE ? PS_CONST_NONE
                                               : kw == PS_KW_TRUE ? PS_CONST_TRUE : PS_CONST_FALSE);
            r = ps_ast_MatchSingleton(c, PP_EXTRA(p, st));
            NEW(r);
            return r;
        }
        if (at_capture(p)) {
            const char *name = capture_name(p);
            if (!name)
                return NULL;
            r = ps_ast_MatchAs(NULL, name, PP_EXTRA(p, st));
            NEW(r);
            return r;
        }
        ps_expr *e = name_or_attr(p);
        if (!e)
            return NULL;
        if (pp_kind(p) == PS_TOK_LPAR)
            return class_pattern(p, st, e);
        if (e->kind != PS_EXPR_Attribute)
            return NULL;
        r = ps_ast_MatchValue(e, PP_EXTRA(p, st));
        NEW(r);
        return r;
    }
    if (k == PS_TOK_LPAR || k == PS_TOK_LSQB) {
        if (!pp_enter(p))
            return NULL;
        p->pos++;
        int ncomma;
        int close = k == PS_TOK_LPAR ? PS_TOK_RPAR : PS_TOK_RSQB;
        ps_pattern_seq *items = sequence_items(p, close, &ncomma);
        pp_leave(p);
        if (!items)
            return NULL;
        if (k == PS_TOK_LPAR && items->len == 1 && ncomma == 0
            && items->items[0]->kind != PS_PATTERN_MatchStar)
            return items->items[0];     /* group_pattern */
        r = ps_ast_MatchSequence(items, PP_EXTRA(p, st));
        NEW(r);
        return r;
    }
    if (k == PS_TOK_LBRACE) {
        if (!pp_enter(p))
            return NULL;
        r = mapping_pattern(p);
        pp_leave(p);
        return r;
    }
    int single;
    ps_expr *e = literal_expr(p, &single);
    if (!e)
        return NULL;
    r = ps_ast_MatchValue(e, PP_EXTRA(p, st));
    NEW(r);
    return r;
}

static ps_pattern *or_pattern(pp_parser *p)
{
    size_t st = p->pos;
    ps_pattern *a = closed_pattern(p);
    if (!a || pp_kind(p) != PS_TOK_VBAR)
        return a;
    size_t base = p->top;
    if (!pp_push(p, a))
        return NULL;
    while (pp_accept(p, PS_TOK_VBAR)) {
        ps_pattern *b = closed_pattern(p);
        if (!b || !pp_push(p, b)) {
            p->top = base;
            return NULL;
        }
    }
    ps_pattern_seq *alts = PP_SEQ(p, pattern, base);
    if (!alts)
        return NULL;
    ps_pattern *r = ps_ast_MatchOr(alts, PP_EXTRA(p, st));
    NEW(r);
    return r;
}

static ps_pattern *pattern(pp_parser *p)
{
    size_t st = p->pos;
    ps_pattern *a = or_pattern(p);
    if (!a)
        return NULL;
    if (pp_accept_kw(p, PS_KW_AS)) {
        if (pp_kw(p) == PS_KW_UNDERSCORE)
            return PP_ERR_TOK(p, pp_cur(p), "cannot use '_' as a target");
        const char *name = capture_name(p);
        if (!name) {
            if (!p->failed && !pp_is_name(p) && pp_kind(p) != PS_TOK_COLON
                && pp_kind(p) != PS_TOK_NEWLINE) {
                size_t m = p->pos;
                ps_expr *bad = pp_bitwise_or(p);
                if (bad && !p->failed)
                    return PP_ERR_NODE(p, bad, "invalid pattern target");
                p->pos = m;
            }
            return NULL;
        }
        a = ps_ast_MatchAs(a, name, PP_EXTRA(p, st));
        NEW(a);
    }
    return a;
}

/* patterns: open_sequence_pattern | pattern */
static ps_pattern *patterns(pp_parser *p)
{
    size_t st = p->pos;
    ps_pattern *a = maybe_star_pattern(p);
    if (!a)
        return NULL;
    if (pp_kind(p) != PS_TOK_COMMA && a->kind != PS_PATTERN_MatchStar)
        return a;
    size_t base = p->top;
    if (!pp_push(p, a))
        return NULL;
    while (pp_accept(p, PS_TOK_COMMA)) {
        int k = pp_kind(p);
        if (k == PS_TOK_COLON || (k == PS_TOK_NAME && p->kw[p->pos] == PS_KW_IF))
            break;
        ps_pattern *b = maybe_star_pattern(p);
        if (!b || !pp_push(p, b)) {
            p->top = base;
            return NULL;
        }
    }
    ps_pattern_seq *items = PP_SEQ(p, pattern, base);
    if (!items)
        return NULL;
    ps_pattern *r = ps_ast_MatchSequence(items, PP_EXTRA(p, st));
    NEW(r);
    return r;
}

static ps_match_case *case_block(pp_parser *p)
{
    const ps_token *kt = pp_cur(p);
    p->pos++;   /* case */
    ps_pattern *pat = patterns(p);
    if (!pat)
        return NULL;
    ps_expr *guard = NULL;
    if (pp_accept_kw(p, PS_KW_IF)) {
        guard = pp_named_expression(p);
        if (!guard)
            return NULL;
    }
    if (!pp_accept(p, PS_TOK_COLON)) {
        if (pp_kind(p) == PS_TOK_NEWLINE) {
            const ps_token *t = pp_cur(p);
            pp_error_at(p, PS_ERR_SYNTAX, t->lineno, t->col_offset, t->lineno, t->col_offset,
                        "expected ':'");
        }
        return NULL;
    }
    ps_stmt_seq *body = pp_block(p, "'case' statement", kt);
    if (!body)
        return NULL;
    ps_match_case *c = ps_ast_match_case(pat, guard, body, p->arena);
    NEW(c);
    return c;
}

ps_stmt *pp_match_stmt(pp_parser *p)
{
    size_t st = p->pos;
    const ps_token *kt = pp_cur(p);
    p->pos++;
    /* subject_expr, tried quietly */
    p->noinvalid++;
    ps_expr *subject = pp_star_named_expressions_tuple(p);
    p->noinvalid--;
    if (!subject || p->failed)
        return NULL;
    if (subject->kind == PS_EXPR_Starred)
        return NULL;
    if (pp_kind(p) == PS_TOK_NEWLINE) {
        /* "match x" then the line ends: when no expression statement can
         * start that way (a name, number or string right after `match`),
         * CPython's invalid_match_stmt asks for the ':' */
        int k1 = pp_kind_at(p, st + 1);
        if ((k1 == PS_TOK_NAME && p->kw[st + 1] == 0) || k1 == PS_TOK_NUMBER ||
            k1 == PS_TOK_STRING) {
            const ps_token *nl = pp_cur(p);
            if (!pp_version_ok(p, 10, "Pattern matching is"))
                return NULL;
            return pp_error_at(p, PS_ERR_SYNTAX, nl->lineno, nl->col_offset, nl->lineno,
                               nl->col_offset, "expected ':'");
        }
    }
    if (pp_kind(p) != PS_TOK_COLON)
        return NULL;
    p->pos++;
    if (pp_kind(p) != PS_TOK_NEWLINE)
        return NULL;
    p->pos++;
    if (pp_kind(p) != PS_TOK_INDENT)
        return pp_expected_block(p, "'match' statement", kt->lineno);
    p->pos++;
    size_t base = p->top;
    while (is_soft(p, p->pos, PS_KW_CASE)) {
        ps_match_case *c = case_block(p);
        if (!c || !pp_push(p, c)) {
            p->top = base;
            return NULL;
        }
    }
    if (p->top == base || !pp_accept(p, PS_TOK_DEDENT)) {
        p->top = base;
        return NULL;
    }
    ps_match_case_seq *cases = PP_SEQ(p, match_case, base);
    if (!cases)
        return NULL;
    ps_stmt *r = ps_ast_Match(subject, cases, PP_EXTRA(p, st));
    NEW(r);
    if (!pp_version_ok(p, 10, "Pattern matching is"))
        return NULL;
    return r;
}
