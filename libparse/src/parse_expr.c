/* parse_expr.c — expressions: operators by precedence, atoms, trailers,
 * displays and comprehensions, call arguments, slices, assignment targets.
 *
 * Each function is one rule of CPython 3.11's grammar (names kept, so the
 * grammar is the map).  Node positions follow the grammar too: a node spans
 * from the first token of the rule that built it to the last token that rule
 * consumed (PP_EXTRA), which is why `(a)` keeps `a`'s span but `(a, b)`
 * includes the parentheses.
 */
#include <stdlib.h>
#include <string.h>

#include "parser_internal.h"

#define NEW(x) do { if (!(x)) return pp_nomem(p); } while (0)

static ps_expr *atom(pp_parser *p);
static ps_expr *factor(pp_parser *p);
static ps_expr *slices(pp_parser *p);
static ps_comprehension_seq *for_if_clauses(pp_parser *p);
static ps_expr *expression_noinvalid(pp_parser *p);
static ps_expr *conjunction(pp_parser *p);

/* ---- names for messages ---------------------------------------------------- */

const char *pp_expr_name(const ps_expr *e)
{
    switch (e->kind) {
    case PS_EXPR_Attribute: return "attribute";
    case PS_EXPR_Subscript: return "subscript";
    case PS_EXPR_Starred: return "starred";
    case PS_EXPR_Name: return "name";
    case PS_EXPR_List: return "list";
    case PS_EXPR_Tuple: return "tuple";
    case PS_EXPR_Lambda: return "lambda";
    case PS_EXPR_Call: return "function call";
    case PS_EXPR_BoolOp: case PS_EXPR_BinOp: case PS_EXPR_UnaryOp: return "expression";
    case PS_EXPR_GeneratorExp: return "generator expression";
    case PS_EXPR_Yield: case PS_EXPR_YieldFrom: return "yield expression";
    case PS_EXPR_Await: return "await expression";
    case PS_EXPR_ListComp: return "list comprehension";
    case PS_EXPR_SetComp: return "set comprehension";
    case PS_EXPR_DictComp: return "dict comprehension";
    case PS_EXPR_Dict: return "dict literal";
    case PS_EXPR_Set: return "set display";
    case PS_EXPR_JoinedStr: case PS_EXPR_FormattedValue: return "f-string expression";
    case PS_EXPR_Constant:
        switch (e->v.Constant.value.kind) {
        case PS_CONST_NONE: return "None";
        case PS_CONST_TRUE: return "True";
        case PS_CONST_FALSE: return "False";
        case PS_CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    case PS_EXPR_Compare: return "comparison";
    case PS_EXPR_IfExp: return "conditional expression";
    case PS_EXPR_NamedExpr: return "named expression";
    default: return "expression";
    }
}

/* The first sub-expression that cannot be a target (CPython's
 * _PyPegen_get_invalid_target), or NULL if `e` is a valid target. */
/* for_target: CPython's FOR_TARGETS reading, where `a in b` is the target
 * `a` followed by `in` and any other comparison is no error of its own. */
static ps_expr *invalid_target(ps_expr *e, ps_expr_context ctx, int for_target)
{
    switch (e->kind) {
    case PS_EXPR_List:
    case PS_EXPR_Tuple: {
        ps_expr_seq *s = e->kind == PS_EXPR_List ? e->v.List.elts : e->v.Tuple.elts;
        for (ptrdiff_t i = 0; i < PS_SEQ_LEN(s); i++) {
            ps_expr *r = invalid_target(s->items[i], ctx, for_target);
            if (r)
                return r;
        }
        return NULL;
    }
    case PS_EXPR_Starred:
        if (ctx == PS_Del)
            return e;
        return invalid_target(e->v.Starred.value, ctx, for_target);
    case PS_EXPR_Compare:
        if (!for_target)
            return e;
        if (e->v.Compare.ops->items[0] == PS_In)
            return invalid_target(e->v.Compare.left, ctx, for_target);
        return NULL;
    case PS_EXPR_Name:
    case PS_EXPR_Subscript:
    case PS_EXPR_Attribute:
        return NULL;
    default:
        return e;
    }
}

ps_expr *pp_invalid_target(ps_expr *e, ps_expr_context ctx)
{
    return invalid_target(e, ctx, 0);
}

int pp_set_context(pp_parser *p, ps_expr *e, ps_expr_context ctx)
{
    ps_expr *bad = pp_invalid_target(e, ctx);
    if (bad) {
        /* for targets: CPython's invalid_for_target reads `a in b` as the
         * target `a` followed by `in`, so it has nothing to say about a
         * comparison — the parse just fails */
        if (p->for_targets && bad->kind == PS_EXPR_Compare)
            return 0;
        PP_ERR_NODE(p, bad, ctx == PS_Del ? "cannot delete %s" : "cannot assign to %s",
                    pp_expr_name(bad));
        return 0;
    }
    switch (e->kind) {
    case PS_EXPR_Name: e->v.Name.ctx = ctx; break;
    case PS_EXPR_Attribute: e->v.Attribute.ctx = ctx; break;
    case PS_EXPR_Subscript: e->v.Subscript.ctx = ctx; break;
    case PS_EXPR_Starred:
        e->v.Starred.ctx = ctx;
        return pp_set_context(p, e->v.Starred.value, ctx);
    case PS_EXPR_List:
    case PS_EXPR_Tuple: {
        ps_expr_seq *s;
        if (e->kind == PS_EXPR_List) {
            e->v.List.ctx = ctx;
            s = e->v.List.elts;
        } else {
            e->v.Tuple.ctx = ctx;
            s = e->v.Tuple.elts;
        }
        for (ptrdiff_t i = 0; i < PS_SEQ_LEN(s); i++)
            if (!pp_set_context(p, s->items[i], ctx))
                return 0;
        break;
    }
    default:
        break;
    }
    return 1;
}

/* ---- helpers ---------------------------------------------------------------- */

/* Can this token begin an expression?  (For "Perhaps you forgot a comma?") */
static int starts_expression(pp_parser *p, size_t i)
{
    const ps_token *t = pp_at(p, i);
    switch ((int)t->kind) {
    case PS_TOK_NAME: {
        int kw = p->kw[i];
        return !pp_is_hard_kw(kw) || kw == PS_KW_TRUE || kw == PS_KW_FALSE
            || kw == PS_KW_NONE || kw == PS_KW_LAMBDA || kw == PS_KW_NOT
            || kw == PS_KW_AWAIT;
    }
    case PS_TOK_NUMBER: case PS_TOK_STRING: case PS_TOK_LPAR: case PS_TOK_LSQB:
    case PS_TOK_LBRACE: case PS_TOK_MINUS: case PS_TOK_PLUS: case PS_TOK_TILDE:
    case PS_TOK_ELLIPSIS:
        return 1;
    default:
        return 0;
    }
}

/* Bracket depth after token i (as CPython's token->level). */
static int level_at(pp_parser *p, size_t i)
{
    int lvl = 0;
    for (size_t k = 0; k <= i && k < p->ntok; k++) {
        int kd = p->toks[k].kind;
        if (kd == PS_TOK_LPAR || kd == PS_TOK_LSQB || kd == PS_TOK_LBRACE)
            lvl++;
        else if (kd == PS_TOK_RPAR || kd == PS_TOK_RSQB || kd == PS_TOK_RBRACE)
            lvl--;
    }
    return lvl;
}

/* invalid_expression's first alternative: two expressions in a row inside
 * brackets.  Called when `a` (starting at token st) ended and the next
 * token could begin another expression.  Returns NULL with the error set,
 * or NULL without one when the rule does not apply. */
static void check_missing_comma(pp_parser *p, size_t st, ps_expr *a)
{
    if (p->failed || p->noinvalid)
        return;
    if (!starts_expression(p, p->pos))
        return;
    /* !(NAME STRING | SOFT_KEYWORD) before a */
    if (p->toks[st].kind == PS_TOK_NAME && (pp_kind_at(p, st + 1) == PS_TOK_STRING
                                              || ps_keyword_is_soft(p->kw[st])))
        return;
    /* CPython tries this only in its second pass, whose tokens do not move
     * the generic error's location: a failed try leaves maxpos alone.  It
     * parses b before it looks at the bracket level, so errors met in b
     * (the tokenizer's included) are raised even outside brackets. */
    size_t m = p->pos, maxpos = p->maxpos;
    ps_expr *b = expression_noinvalid(p);
    if (p->failed)
        return;
    if (!b || level_at(p, m - 1) == 0) {
        pp_unlook(p, m, maxpos);
        return;
    }
    PP_ERR_RANGE(p, a, b, "invalid syntax. Perhaps you forgot a comma?");
}

static ps_expr *expression_noinvalid(pp_parser *p)
{
    p->noinvalid++;
    ps_expr *r = pp_expression(p);
    p->noinvalid--;
    return r;
}

/* ---- operators ----------------------------------------------------------------- */

static ps_expr *lambdef(pp_parser *p)
{
    size_t st = p->pos;
    p->pos++;   /* lambda */
    ps_arguments *args = pp_lambda_params(p);
    if (!args)
        return NULL;
    if (!pp_accept(p, PS_TOK_COLON))
        return NULL;
    ps_expr *body = pp_expression(p);
    if (!body)
        return NULL;
    ps_expr *r = ps_ast_Lambda(args, body, PP_EXTRA(p, st));
    NEW(r);
    return r;
}

static ps_expr *expression_inner(pp_parser *p)
{
    size_t st = p->pos;
    if (pp_kw(p) == PS_KW_LAMBDA)
        return lambdef(p);
    ps_expr *a = pp_disjunction(p);
    if (!a)
        return NULL;
    if (pp_kw(p) == PS_KW_IF) {
        p->pos++;
        ps_expr *b = pp_disjunction(p);
        if (!b)
            return NULL;
        if (!pp_accept_kw(p, PS_KW_ELSE)) {
            if (pp_kind(p) != PS_TOK_COLON)
                PP_ERR_RANGE(p, a, b, "expected 'else' after 'if' expression");
            return NULL;
        }
        ps_expr *c = pp_expression(p);
        if (!c)
            return NULL;
        ps_expr *r = ps_ast_IfExp(b, a, c, PP_EXTRA(p, st));
        NEW(r);
        return r;
    }
    if (!p->noinvalid)
        check_missing_comma(p, st, a);
    return p->failed ? NULL : a;
}

ps_expr *pp_expression(pp_parser *p)
{
    return pp_nested(p, expression_inner);
}

static ps_expr *named_expression_ex(pp_parser *p, int check_eq);

/* named_expression, with invalid_named_expression's messages. */
ps_expr *pp_named_expression(pp_parser *p)
{
    return named_expression_ex(p, 1);
}

static ps_expr *named_expression_ex(pp_parser *p, int check_eq)
{
    size_t st = p->pos;
    if (pp_is_name(p) && pp_kind_at(p, st + 1) == PS_TOK_COLONEQUAL) {
        ps_expr *target = pp_name_from_tok(p, st, PS_Store);
        if (!target)
            return NULL;
        p->pos += 2;
        ps_expr *v = pp_expression(p);
        if (!v)
            return NULL;
        ps_expr *r = ps_ast_NamedExpr(target, v, PP_EXTRA(p, st));
        NEW(r);
        if (!pp_version_ok(p, 8, "Assignment expressions are"))
            return NULL;
        return r;
    }
    ps_expr *a = pp_expression(p);
    if (!a)
        return NULL;
    int k = pp_kind(p);
    if (k == PS_TOK_COLONEQUAL) {
        return PP_ERR_NODE(p, a, "cannot use assignment expressions with %s",
                           pp_expr_name(a));
    }
    if (k == PS_TOK_EQUAL && check_eq && !p->noinvalid) {
        size_t m = p->pos, maxpos = p->maxpos;
        p->pos++;
        ps_expr *b = pp_bitwise_or(p);
        if (p->failed)
            return NULL;
        int k2 = pp_kind(p);
        if (b && k2 != PS_TOK_EQUAL && k2 != PS_TOK_COLONEQUAL) {
            if (a->kind == PS_EXPR_Name)
                return PP_ERR_RANGE(p, a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            int tk = p->toks[st].kind;
            int kw = p->kw[st];
            if (tk != PS_TOK_LSQB && tk != PS_TOK_LPAR && kw != PS_KW_TRUE && kw != PS_KW_FALSE
                && kw != PS_KW_NONE && a->kind != PS_EXPR_Compare && a->kind != PS_EXPR_BoolOp
                && a->kind != PS_EXPR_IfExp && a->kind != PS_EXPR_Lambda
                && !(a->kind == PS_EXPR_UnaryOp && a->v.UnaryOp.op == PS_Not))
                return PP_ERR_NODE(p, a, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                                   pp_expr_name(a));
        }
        pp_unlook(p, m, maxpos);
    }
    return a;
}

/* disjunction: conjunction ('or' conjunction)+ | conjunction, and
 * conjunction likewise over inversion with 'and': one BoolOp per chain. */
static ps_expr *bool_chain(pp_parser *p, int kw, ps_boolop op,
                           ps_expr *(*operand)(pp_parser *))
{
    size_t st = p->pos;
    ps_expr *a = operand(p);
    if (!a || pp_kw(p) != kw)
        return a;
    size_t base = p->top;
    if (!pp_push(p, a))
        return NULL;
    while (pp_accept_kw(p, kw)) {
        ps_expr *b = operand(p);
        if (!b || !pp_push(p, b)) {
            p->top = base;
            return NULL;
        }
    }
    ps_expr_seq *vals = PP_SEQ(p, expr, base);
    if (!vals)
        return NULL;
    ps_expr *r = ps_ast_BoolOp(op, vals, PP_EXTRA(p, st));
    NEW(r);
    return r;
}

static ps_expr *inversion(pp_parser *p);

static ps_expr *conjunction(pp_parser *p)
{
    return bool_chain(p, PS_KW_AND, PS_And, inversion);
}

ps_expr *pp_disjunction(pp_parser *p)
{
    return bool_chain(p, PS_KW_OR, PS_Or, conjunction);
}

static ps_expr *comparison(pp_parser *p);

static ps_expr *inversion(pp_parser *p)
{
    if (pp_kw(p) != PS_KW_NOT)
        return comparison(p);
    size_t st = p->pos++;
    ps_expr *a = pp_nested(p, inversion);
    if (!a)
        return NULL;
    ps_expr *r = ps_ast_UnaryOp(PS_Not, a, PP_EXTRA(p, st));
    NEW(r);
    return r;
}

/* The comparison operator at the cursor (consumed), or 0. */
static int compare_op(pp_parser *p)
{
    switch (pp_kind(p)) {
    case PS_TOK_EQEQUAL: p->pos++; return PS_Eq;
    case PS_TOK_NOTEQUAL: {
        const ps_token *t = pp_cur(p);
        int barry = (p->flags & PS_FUTURE_BARRY_AS_BDFL) != 0;
        int is_ltgt = t->len == 2 && t->start[0] == '<';
        if (is_ltgt != barry)
            return 0;
        p->pos++;
        return PS_NotEq;
    }
    case PS_TOK_LESS: p->pos++; return PS_Lt;
    case PS_TOK_LESSEQUAL: p->pos++; return PS_LtE;
    case PS_TOK_GREATER: p->pos++; return PS_Gt;
    case PS_TOK_GREATEREQUAL: p->pos++; return PS_GtE;
    case PS_TOK_NAME:
        switch (pp_kw(p)) {
        case PS_KW_IN: p->pos++; return PS_In;
        case PS_KW_IS:
            p->pos++;
            if (pp_accept_kw(p, PS_KW_NOT))
                return PS_IsNot;
            return PS_Is;
        case PS_KW_NOT:
            if (pp_kw_at(p, p->pos + 1) == PS_KW_IN) {
                p->pos += 2;
                return PS_NotIn;
            }
            return 0;
        default:
            return 0;
        }
    default:
        return 0;
    }
}

static ps_expr *comparison(pp_parser *p)
{
    size_t st = p->pos;
    ps_expr *a = pp_bitwise_or(p);
    if (!a)
        return NULL;
    size_t m = p->pos;
    int op = compare_op(p);
    if (!op)
        return a;
    size_t base = p->top;
    size_t nops = 0;
    ps_cmpop ops_small[16];
    ps_cmpop *ops = ops_small;
    size_t ops_cap = 16;
    ps_expr *r = NULL;
    for (;;) {
        ps_expr *b = pp_bitwise_or(p);
        if (!b || !pp_push(p, b))
            goto done;
        if (nops == ops_cap) {
            ps_cmpop *n = malloc(2 * ops_cap * sizeof *n);
            if (!n) {
                pp_nomem(p);
                goto done;
            }
            memcpy(n, ops, nops * sizeof *n);
            if (ops != ops_small)
                free(ops);
            ops = n;
            ops_cap *= 2;
        }
        ops[nops++] = (ps_cmpop)op;
        m = p->pos;
        op = compare_op(p);
        if (!op)
            break;
    }
    p->pos = m;
    ps_cmpop_seq *os = ps_cmpop_seq_new((ptrdiff_t)nops, p->arena);
    if (!os) {
        pp_nomem(p);
        goto done;
    }
    memcpy(os->items, ops, nops * sizeof *ops);
    ps_expr_seq *cs = PP_SEQ(p, expr, base);
    if (!cs)
        goto done;
    r = ps_ast_Compare(a, os, cs, PP_EXTRA(p, st));
    if (!r)
        pp_nomem(p);
done:
    p->top = base;
    if (ops != ops_small)
        free(ops);
    return r;
}

/* Binary operator levels, loosest first: | ^ & shifts sums terms. */
static int binop_at(pp_parser *p, int level)
{
    int k = pp_kind(p);
    switch (level) {
    case 0: return k == PS_TOK_VBAR ? PS_BitOr : 0;
    case 1: return k == PS_TOK_CIRCUMFLEX ? PS_BitXor : 0;
    case 2: return k == PS_TOK_AMPER ? PS_BitAnd : 0;
    case 3: return k == PS_TOK_LEFTSHIFT ? PS_LShift : k == PS_TOK_RIGHTSHIFT ? PS_RShift : 0;
    case 4: return k == PS_TOK_PLUS ? PS_Add : k == PS_TOK_MINUS ? PS_Sub : 0;
    default:
        switch (k) {
        case PS_TOK_STAR: return PS_Mult;
        case PS_TOK_SLASH: return PS_Div;
        case PS_TOK_DOUBLESLASH: return PS_FloorDiv;
        case PS_TOK_PERCENT: return PS_Mod;
        case PS_TOK_AT: return PS_MatMult;
        default: return 0;
        }
    }
}

static ps_expr *binary(pp_parser *p, int level)
{
    if (level == 6)
        return factor(p);
    size_t st = p->pos;
    ps_expr *a = binary(p, level + 1);
    if (!a)
        return NULL;
    int chain = 0;
    int op;
    while ((op = binop_at(p, level)) != 0) {
        p->pos++;
        ps_expr *b = binary(p, level + 1);
        if (!b)
            return NULL;
        if (p->depth + ++chain > PP_MAX_DEPTH)
            return pp_nomem(p);
        a = ps_ast_BinOp(a, (ps_operator)op, b, PP_EXTRA(p, st));
        NEW(a);
        if (op == PS_MatMult && !pp_version_ok(p, 5, "The '@' operator is"))
            return NULL;
    }
    return a;
}

ps_expr *pp_bitwise_or(pp_parser *p)
{
    return binary(p, 0);
}

static ps_expr *power(pp_parser *p)
{
    size_t st = p->pos;
    ps_expr *a;
    if (pp_kw(p) == PS_KW_AWAIT) {
        p->pos++;
        ps_expr *v = pp_primary(p);
        if (!v)
            return NULL;
        a = ps_ast_Await(v, PP_EXTRA(p, st));
        NEW(a);
        if (!pp_version_ok(p, 5, "Await expressions are"))
            return NULL;
    } else {
        a = pp_primary(p);
        if (!a)
            return NULL;
    }
    if (pp_kind(p) == PS_TOK_DOUBLESTAR) {
        p->pos++;
        ps_expr *b = pp_nested(p, factor);   /* 2**2**2...: right recursion */
        if (!b)
            return NULL;
        a = ps_ast_BinOp(a, PS_Pow, b, PP_EXTRA(p, st));
        NEW(a);
    }
    return a;
}

static ps_expr *factor(pp_parser *p)
{
    int op;
    switch (pp_kind(p)) {
    case PS_TOK_PLUS: op = PS_UAdd; break;
    case PS_TOK_MINUS: op = PS_USub; break;
    case PS_TOK_TILDE: op = PS_Invert; break;
    default: return power(p);
    }
    size_t st = p->pos++;
    ps_expr *a = pp_nested(p, factor);
    if (!a)
        return NULL;
    ps_expr *r = ps_ast_UnaryOp((ps_unaryop)op, a, PP_EXTRA(p, st));
    NEW(r);
    return r;
}

/* ---- primary and trailers ------------------------------------------------------------ */

ps_expr *pp_primary(pp_parser *p)
{
    size_t st = p->pos;
    ps_expr *a = atom(p);
    if (!a)
        return NULL;
    int chain = 0;
    for (;;) {
        int k = pp_kind(p);
        if (k == PS_TOK_DOT) {
            p->pos++;
            if (!pp_is_name(p))
                return NULL;
            const char *attr = pp_ident(p, pp_cur(p));
            if (!attr)
                return NULL;
            p->pos++;
            a = ps_ast_Attribute(a, attr, PS_Load, PP_EXTRA(p, st));
        } else if (k == PS_TOK_LPAR) {
            size_t lp = p->pos++;
            ps_expr_seq *args;
            ps_keyword_seq *kws;
            if (!pp_call_args(p, lp, 1, &args, &kws))
                return NULL;
            a = ps_ast_Call(a, args, kws, PP_EXTRA(p, st));
        } else if (k == PS_TOK_LSQB) {
            p->pos++;
            ps_expr *s = slices(p);
            if (!s)
                return NULL;
            if (!pp_accept(p, PS_TOK_RSQB))
                return NULL;
            a = ps_ast_Subscript(a, s, PS_Load, PP_EXTRA(p, st));
        } else {
            break;
        }
        NEW(a);
        if (p->depth + ++chain > PP_MAX_DEPTH)
            return pp_nomem(p);
    }
    return a;
}

/* slice: [expression] ':' [expression] [':' [expression]] | named_expression */
static ps_expr *slice(pp_parser *p)
{
    size_t st = p->pos;
    ps_expr *lo = NULL, *hi = NULL, *step = NULL;
    if (pp_kind(p) != PS_TOK_COLON) {
        lo = pp_named_expression(p);
        if (!lo)
            return NULL;
        if (pp_kind(p) != PS_TOK_COLON)
            return lo;
    }
    p->pos++;
    int k = pp_kind(p);
    if (k != PS_TOK_COLON && k != PS_TOK_COMMA && k != PS_TOK_RSQB) {
        hi = pp_expression(p);
        if (!hi)
            return NULL;
    }
    if (pp_accept(p, PS_TOK_COLON)) {
        k = pp_kind(p);
        if (k != PS_TOK_COMMA && k != PS_TOK_RSQB) {
            step = pp_expression(p);
            if (!step)
                return NULL;
        }
    }
    ps_expr *r = ps_ast_Slice(lo, hi, step, PP_EXTRA(p, st));
    NEW(r);
    return r;
}

static ps_expr *starred_expression(pp_parser *p)
{
    size_t st = p->pos++;
    ps_expr *v = pp_expression(p);
    if (!v)
        return NULL;
    ps_expr *r = ps_ast_Starred(v, PS_Load, PP_EXTRA(p, st));
    NEW(r);
    return r;
}

static ps_expr *slices(pp_parser *p)
{
    size_t st = p->pos;
    ps_expr *a = pp_kind(p) == PS_TOK_STAR ? starred_expression(p) : slice(p);
    if (!a)
        return NULL;
    if (pp_kind(p) != PS_TOK_COMMA && a->kind != PS_EXPR_Starred)
        return a;
    size_t base = p->top;
    if (!pp_push(p, a))
        return NULL;
    while (pp_accept(p, PS_TOK_COMMA)) {
        if (pp_kind(p) == PS_TOK_RSQB)
            break;
        ps_expr *b = pp_kind(p) == PS_TOK_STAR ? starred_expression(p) : slice(p);
        if (!b || !pp_push(p, b)) {
            p->top = base;
            return NULL;
        }
    }
    ps_expr_seq *elts = PP_SEQ(p, expr, base);
    if (!elts)
        return NULL;
    ps_expr *r = ps_ast_Tuple(elts, PS_Load, PP_EXTRA(p, st));
    NEW(r);
    return r;
}

/* ---- call arguments ---------------------------------------------------------------------- */

static ps_expr *genexp_in_call(pp_parser *p, size_t lpar, ps_expr *elt);

/* '(' already consumed at token lpar; consumes up to and including ')'. */
/* The token closing the bracket that is open at the cursor (or the
 * furthest token, if the brackets never balance). */
static const ps_token *close_paren(pp_parser *p)
{
    int depth = 0;
    for (size_t i = p->pos; i < p->ntok; i++) {
        int k = p->toks[i].kind;
        if (k == PS_TOK_LPAR || k == PS_TOK_LSQB || k == PS_TOK_LBRACE)
            depth++;
        else if (k == PS_TOK_RPAR || k == PS_TOK_RSQB || k == PS_TOK_RBRACE) {
            if (depth-- == 0)
                return pp_at(p, i);
        } else if (k == PS_TOK_NEWLINE || k == PS_TOK_ENDMARKER)
            return pp_at(p, i);
    }
    return pp_cur(p);
}

int pp_call_args(pp_parser *p, size_t lpar, int allow_genexp, ps_expr_seq **args,
                 ps_keyword_seq **kws)
{
    const ps_token *last_arg_end = &p->toks[lpar];
    size_t abase = p->top;
    size_t nargs = 0, nkw = 0;
    ps_keyword_arg *kwbuf_small[8];
    ps_keyword_arg **kwv = kwbuf_small;
    size_t kwcap = 8;
    int seen_kw = 0, seen_dstar = 0;
    int ok = 0;
    while (pp_kind(p) != PS_TOK_RPAR) {
        size_t st = p->pos;
        int k = pp_kind(p);
        ps_keyword_arg *kw = NULL;
        ps_expr *e = NULL;
        if (k == PS_TOK_STAR) {
            e = starred_expression(p);
            if (!e)
                goto done;
            if (seen_dstar) {
                PP_ERR_RANGE(p, &p->toks[lpar + 1], last_arg_end,
                             "iterable argument unpacking follows keyword argument unpacking");
                goto done;
            }
        } else if (k == PS_TOK_DOUBLESTAR) {
            p->pos++;
            ps_expr *v = pp_expression(p);
            if (!v)
                goto done;
            kw = ps_ast_keyword(NULL, v, PP_EXTRA(p, st));
            if (!kw) {
                pp_nomem(p);
                goto done;
            }
            seen_dstar = 1;
        } else if (k == PS_TOK_NAME && pp_kind_at(p, st + 1) == PS_TOK_EQUAL) {
            int kwd = p->kw[st];
            if (pp_is_hard_kw(kwd)) {
                const ps_token *t = &p->toks[st];
                if (kwd == PS_KW_TRUE || kwd == PS_KW_FALSE || kwd == PS_KW_NONE)
                    PP_ERR_RANGE(p, t, &p->toks[st + 1], "cannot assign to %.*s", (int)t->len, t->start);
                else
                    PP_ERR_RANGE(p, t, &p->toks[st + 1], "expression cannot contain assignment, perhaps you meant \"==\"?");
                goto done;
            }
            const char *name = pp_ident(p, &p->toks[st]);
            if (!name)
                goto done;
            p->pos += 2;
            ps_expr *v = pp_expression(p);
            if (!v)
                goto done;
            if (pp_kw(p) == PS_KW_FOR || (pp_kw(p) == PS_KW_ASYNC && pp_kw_at(p, p->pos + 1) == PS_KW_FOR)) {
                PP_ERR_RANGE(p, &p->toks[st], v, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
                goto done;
            }
            kw = ps_ast_keyword(name, v, PP_EXTRA(p, st));
            if (!kw) {
                pp_nomem(p);
                goto done;
            }
            seen_kw = 1;
        } else {
            e = named_expression_ex(p, 0);
            if (!e)
                goto done;
            if (pp_kind(p) == PS_TOK_EQUAL) {
                PP_ERR_RANGE(p, e, pp_cur(p), "expression cannot contain assignment, perhaps you meant \"==\"?");
                goto done;
            }
            int fk = pp_kw(p);
            if (fk == PS_KW_FOR || (fk == PS_KW_ASYNC && pp_kw_at(p, p->pos + 1) == PS_KW_FOR)) {
                if (nargs == 0 && nkw == 0) {
                    if (!allow_genexp)
                        goto done;
                    e = genexp_in_call(p, lpar, e);
                    if (!e)
                        goto done;
                } else {
                    ps_comprehension_seq *g = for_if_clauses(p);
                    if (g)
                        PP_ERR_RANGE(p, e, pp_prev(p), "Generator expression must be parenthesized");
                    goto done;
                }
            } else if (seen_kw || seen_dstar) {
                /* reported where CPython's parser stops: the call's ')' */
                const ps_token *t = close_paren(p);
                PP_ERR_TOK(p, t, seen_dstar ? "positional argument follows keyword argument unpacking"
                                            : "positional argument follows keyword argument");
                goto done;
            }
        }
        if (e) {
            if (!pp_push(p, e))
                goto done;
            nargs++;
        } else {
            if (nkw == kwcap) {
                ps_keyword_arg **n = malloc(2 * kwcap * sizeof *n);
                if (!n) {
                    pp_nomem(p);
                    goto done;
                }
                memcpy(n, kwv, nkw * sizeof *n);
                if (kwv != kwbuf_small)
                    free(kwv);
                kwv = n;
                kwcap *= 2;
            }
            kwv[nkw++] = kw;
        }
        last_arg_end = pp_prev(p);
        if (!pp_accept(p, PS_TOK_COMMA))
            break;
    }
    if (!pp_accept(p, PS_TOK_RPAR))
        goto done;
    *args = PP_SEQ(p, expr, abase);
    if (!*args)
        goto done;
    *kws = ps_keyword_seq_new((ptrdiff_t)nkw, p->arena);
    if (!*kws) {
        pp_nomem(p);
        goto done;
    }
    if (nkw)
        memcpy((*kws)->items, kwv, nkw * sizeof *kwv);
    ok = 1;
done:
    p->top = abase;
    if (kwv != kwbuf_small)
        free(kwv);
    return ok;
}

/* ---- comprehensions ----------------------------------------------------------------------- */

/* invalid_for_target: when `for` targets 'in' did not parse, CPython's
 * second pass reads the targets as star_expressions — which raises what
 * they raise ("Perhaps you forgot a comma?") — and reports the first
 * sub-expression that cannot be a for target.  Otherwise nothing: pos and
 * maxpos as they were. */
void pp_invalid_for_target(pp_parser *p, size_t tpos)
{
    if (p->failed || p->noinvalid || !pp_first_try(p, tpos))
        return;
    size_t m = p->pos, maxpos = p->maxpos;
    p->pos = tpos;
    ps_expr *e = pp_star_expressions(p);
    if (p->failed)
        return;
    ps_expr *bad = e ? invalid_target(e, PS_Store, 1) : NULL;
    if (bad) {
        PP_ERR_NODE(p, bad, "cannot assign to %s", pp_expr_name(bad));
        return;
    }
    pp_unlook(p, m, maxpos);
}

/* star_targets of a for loop or comprehension.  A failure without error at
 * a token that cannot begin a target stops CPython's first pass right
 * there, before anything the expression grammar looked at after it. */
ps_expr *pp_for_targets(pp_parser *p)
{
    size_t tpos = p->pos, maxpos = p->maxpos;
    int k = pp_kind(p);
    p->for_targets++;
    ps_expr *t = pp_star_targets(p);
    p->for_targets--;
    if (!t && !p->failed && k != PS_TOK_NAME && k != PS_TOK_LPAR && k != PS_TOK_LSQB
        && k != PS_TOK_LBRACE && k != PS_TOK_STRING && k != PS_TOK_NUMBER
        && k != PS_TOK_ELLIPSIS && k != PS_TOK_STAR)
        p->maxpos = maxpos > tpos ? maxpos : tpos;
    return t;
}

static ps_comprehension_seq *for_if_clauses(pp_parser *p)
{
    size_t base = p->top;
    for (;;) {
        int is_async = 0;
        if (pp_kw(p) == PS_KW_ASYNC && pp_kw_at(p, p->pos + 1) == PS_KW_FOR) {
            is_async = 1;
            p->pos++;
            if (!pp_version_ok(p, 6, "Async comprehensions are"))
                return NULL;
        }
        if (!pp_accept_kw(p, PS_KW_FOR))
            break;
        size_t tpos = p->pos;
        ps_expr *t = pp_for_targets(p);
        if (!t || !pp_accept_kw(p, PS_KW_IN)) {
            pp_invalid_for_target(p, tpos);
            goto fail;
        }
        ps_expr *it = pp_disjunction(p);
        if (!it)
            goto fail;
        size_t ibase = p->top;
        while (pp_accept_kw(p, PS_KW_IF)) {
            ps_expr *c = pp_disjunction(p);
            if (!c || !pp_push(p, c))
                goto fail;
        }
        ps_expr_seq *ifs = PP_SEQ(p, expr, ibase);
        if (!ifs)
            goto fail;
        ps_comprehension *c = ps_ast_comprehension(t, it, ifs, is_async, p->arena);
        if (!c || !pp_push(p, c)) {
            pp_nomem(p);
            goto fail;
        }
    }
    if (p->top == base)
        return NULL;
    return PP_SEQ(p, comprehension, base);
fail:
    p->top = base;
    return NULL;
}

static ps_expr *genexp_in_call(pp_parser *p, size_t lpar, ps_expr *elt)
{
    if (elt->kind == PS_EXPR_Starred)
        return PP_ERR_NODE(p, elt, "iterable unpacking cannot be used in comprehension");
    ps_comprehension_seq *g = for_if_clauses(p);
    if (!g)
        return NULL;
    if (pp_kind(p) != PS_TOK_RPAR) {
        /* f(x for x in y, 1); CPython's rule reads on after the comma, so
         * a tokenizer error there wins */
        if (pp_kind(p) == PS_TOK_COMMA && pp_kind_at(p, p->pos + 1) != PP_TOK_BAD)
            return PP_ERR_RANGE(p, elt, pp_prev(p), "Generator expression must be parenthesized");
        return NULL;
    }
    /* The generator's span is the call's parentheses. */
    const ps_token *a = &p->toks[lpar], *b = pp_cur(p);
    ps_expr *r = ps_ast_GeneratorExp(elt, g, PP_SPAN(p, a, b));
    NEW(r);
    return r;
}

/* ---- atoms ----------------------------------------------------------------------------------- */

ps_expr *pp_star_named_expression(pp_parser *p)
{
    if (pp_kind(p) == PS_TOK_STAR) {
        size_t st = p->pos++;
        ps_expr *v = pp_bitwise_or(p);
        if (!v)
            return NULL;
        ps_expr *r = ps_ast_Starred(v, PS_Load, PP_EXTRA(p, st));
        NEW(r);
        return r;
    }
    return pp_named_expression(p);
}

/* Elements after the first of a list/tuple/set display, up to `close`. */
static int at_comp_for(pp_parser *p)
{
    int kw = pp_kw(p);
    return kw == PS_KW_FOR || (kw == PS_KW_ASYNC && pp_kw_at(p, p->pos + 1) == PS_KW_FOR);
}

/* "[a, b for ...]": CPython's invalid_comprehension, from the first
 * element to the last one (to the comma after a lone first element). */
#define UNPARENTHESIZED_TARGET "did you forget parentheses around the comprehension target?"

static ps_expr_seq *display_rest(pp_parser *p, ps_expr *first, int close)
{
    size_t base = p->top;
    if (!pp_push(p, first))
        return NULL;
    ps_expr *last = first;
    while (pp_accept(p, PS_TOK_COMMA)) {
        if (pp_kind(p) == close)
            break;
        if (close != PS_TOK_RPAR && at_comp_for(p)) {
            p->top = base;
            if (last == first)
                return PP_ERR_RANGE(p, first, pp_at(p, p->pos - 1), UNPARENTHESIZED_TARGET);
            return PP_ERR_RANGE(p, first, last, UNPARENTHESIZED_TARGET);
        }
        ps_expr *e = pp_star_named_expression(p);
        if (!e || !pp_push(p, e)) {
            p->top = base;
            return NULL;
        }
        last = e;
    }
    if (!pp_accept(p, close)) {
        p->top = base;
        if (close != PS_TOK_RPAR && last != first && at_comp_for(p))
            return PP_ERR_RANGE(p, first, last, UNPARENTHESIZED_TARGET);
        return NULL;
    }
    return PP_SEQ(p, expr, base);
}

static ps_expr *paren_atom(pp_parser *p)
{
    size_t st = p->pos++;
    if (pp_accept(p, PS_TOK_RPAR)) {
        ps_expr_seq *e = ps_expr_seq_new(0, p->arena);
        NEW(e);
        ps_expr *r = ps_ast_Tuple(e, PS_Load, PP_EXTRA(p, st));
        NEW(r);
        return r;
    }
    if (pp_kw(p) == PS_KW_YIELD) {
        ps_expr *y = pp_yield_expr(p);
        if (!y || !pp_accept(p, PS_TOK_RPAR))
            return NULL;
        return y;
    }
    if (pp_kind(p) == PS_TOK_DOUBLESTAR) {
        /* "(**x)" can never parse: CPython's invalid_group wording */
        size_t maxpos = p->maxpos;
        const ps_token *dstar = pp_at(p, p->pos++);
        if (pp_expression(p) && pp_kind(p) == PS_TOK_RPAR)
            return PP_ERR_TOK(p, dstar, "cannot use double starred expression here");
        if (!p->failed) {
            /* otherwise the generic error stays at the '**', where the
             * valid grammar stopped */
            p->pos = st + 1;
            p->maxpos = maxpos;
        }
        return NULL;
    }
    ps_expr *first = pp_star_named_expression(p);
    if (!first)
        return NULL;
    if (at_comp_for(p)) {
        if (first->kind == PS_EXPR_Starred)
            return PP_ERR_NODE(p, first, "iterable unpacking cannot be used in comprehension");
        ps_comprehension_seq *g = for_if_clauses(p);
        if (!g || !pp_accept(p, PS_TOK_RPAR))
            return NULL;
        ps_expr *r = ps_ast_GeneratorExp(first, g, PP_EXTRA(p, st));
        NEW(r);
        return r;
    }
    if (pp_kind(p) == PS_TOK_RPAR) {
        if (first->kind == PS_EXPR_Starred)
            return PP_ERR_NODE(p, first, "cannot use starred expression here");
        p->pos++;
        return first;
    }
    if (pp_kind(p) != PS_TOK_COMMA)
        return NULL;
    ps_expr_seq *elts = display_rest(p, first, PS_TOK_RPAR);
    if (!elts)
        return NULL;
    ps_expr *r = ps_ast_Tuple(elts, PS_Load, PP_EXTRA(p, st));
    NEW(r);
    return r;
}

static ps_expr *list_atom(pp_parser *p)
{
    size_t st = p->pos++;
    ps_expr_seq *elts;
    if (pp_accept(p, PS_TOK_RSQB)) {
        elts = ps_expr_seq_new(0, p->arena);
        NEW(elts);
    } else {
        ps_expr *first = pp_star_named_expression(p);
        if (!first)
            return NULL;
        if (at_comp_for(p)) {
            if (first->kind == PS_EXPR_Starred)
                return PP_ERR_NODE(p, first, "iterable unpacking cannot be used in comprehension");
            ps_comprehension_seq *g = for_if_clauses(p);
            if (!g || !pp_accept(p, PS_TOK_RSQB))
                return NULL;
            ps_expr *r = ps_ast_ListComp(first, g, PP_EXTRA(p, st));
            NEW(r);
            return r;
        }
        elts = display_rest(p, first, PS_TOK_RSQB);
        if (!elts)
            return NULL;
    }
    ps_expr *r = ps_ast_List(elts, PS_Load, PP_EXTRA(p, st));
    NEW(r);
    return r;
}

/* "{k: *v}": CPython's invalid_kvpair wording, from the '*' to the end of
 * the value; always NULL. */
static void *starred_dict_value(pp_parser *p)
{
    const ps_token *star = pp_at(p, p->pos++);
    ps_expr *v = pp_bitwise_or(p);
    if (v != NULL)
        PP_ERR_RANGE(p, star, v, "cannot use a starred expression in a dictionary value");
    return NULL;
}

static ps_expr *brace_atom(pp_parser *p)
{
    size_t st = p->pos++;
    if (pp_accept(p, PS_TOK_RBRACE)) {
        ps_expr_seq *k = ps_expr_seq_new(0, p->arena), *v = ps_expr_seq_new(0, p->arena);
        NEW(k);
        NEW(v);
        ps_expr *r = ps_ast_Dict(k, v, PP_EXTRA(p, st));
        NEW(r);
        return r;
    }
    ps_expr *key = NULL, *val = NULL;
    if (pp_kind(p) == PS_TOK_DOUBLESTAR) {
        const ps_token *dstar = pp_at(p, p->pos++);
        val = pp_bitwise_or(p);
        if (!val)
            return NULL;
        if (at_comp_for(p)) {
            /* CPython's invalid_dict_comprehension, when the rest fits */
            size_t m = p->pos, maxpos = p->maxpos;
            ps_comprehension_seq *g = for_if_clauses(p);
            if (p->failed)
                return NULL;
            if (g && pp_kind(p) == PS_TOK_RBRACE)
                return PP_ERR_TOK(p, dstar, "dict unpacking cannot be used in dict comprehension");
            pp_unlook(p, m, maxpos);
        }
    } else {
        key = pp_star_named_expression(p);
        if (!key)
            return NULL;
        if (key->kind != PS_EXPR_Starred && pp_accept(p, PS_TOK_COLON)) {
            if (pp_kind(p) == PS_TOK_RBRACE || pp_kind(p) == PS_TOK_COMMA)
                return PP_ERR_TOK(p, pp_prev(p), "expression expected after dictionary key and ':'");
            if (pp_kind(p) == PS_TOK_STAR)
                return starred_dict_value(p);
            val = pp_expression(p);
            if (!val)
                return NULL;
        }
    }
    if (!val) {
        /* a set */
        if (at_comp_for(p)) {
            if (key->kind == PS_EXPR_Starred)
                return PP_ERR_NODE(p, key, "iterable unpacking cannot be used in comprehension");
            ps_comprehension_seq *g = for_if_clauses(p);
            if (!g || !pp_accept(p, PS_TOK_RBRACE))
                return NULL;
            ps_expr *r = ps_ast_SetComp(key, g, PP_EXTRA(p, st));
            NEW(r);
            return r;
        }
        ps_expr_seq *elts = display_rest(p, key, PS_TOK_RBRACE);
        if (!elts)
            return NULL;
        ps_expr *r = ps_ast_Set(elts, PP_EXTRA(p, st));
        NEW(r);
        return r;
    }
    if (key && at_comp_for(p)) {
        ps_comprehension_seq *g = for_if_clauses(p);
        if (!g || !pp_accept(p, PS_TOK_RBRACE))
            return NULL;
        ps_expr *r = ps_ast_DictComp(key, val, g, PP_EXTRA(p, st));
        NEW(r);
        return r;
    }
    /* keys and values interleaved on the scratch stack */
    size_t base = p->top;
    if (!pp_push(p, key) || !pp_push(p, val))
        return NULL;
    while (pp_accept(p, PS_TOK_COMMA)) {
        if (pp_kind(p) == PS_TOK_RBRACE)
            break;
        if (pp_accept(p, PS_TOK_DOUBLESTAR)) {
            key = NULL;
            val = pp_bitwise_or(p);
        } else {
            key = pp_expression(p);
            if (!key)
                goto fail;
            if (!pp_accept(p, PS_TOK_COLON)) {
                if (pp_kind(p) == PS_TOK_RBRACE || pp_kind(p) == PS_TOK_COMMA)
                    pp_error_at(p, PS_ERR_SYNTAX, key->lineno, key->end_col_offset - 1,
                                key->end_lineno, -1, "':' expected after dictionary key");
                goto fail;
            }
            if (pp_kind(p) == PS_TOK_RBRACE || pp_kind(p) == PS_TOK_COMMA) {
                PP_ERR_TOK(p, pp_prev(p), "expression expected after dictionary key and ':'");
                goto fail;
            }
            if (pp_kind(p) == PS_TOK_STAR) {
                starred_dict_value(p);
                goto fail;
            }
            val = pp_expression(p);
        }
        if (!val || !pp_push(p, key) || !pp_push(p, val))
            goto fail;
    }
    if (!pp_accept(p, PS_TOK_RBRACE))
        goto fail;
    size_t n = (p->top - base) / 2;
    ps_expr_seq *ks = ps_expr_seq_new((ptrdiff_t)n, p->arena);
    ps_expr_seq *vs = ps_expr_seq_new((ptrdiff_t)n, p->arena);
    if (!ks || !vs) {
        pp_nomem(p);
        goto fail;
    }
    for (size_t i = 0; i < n; i++) {
        ks->items[i] = p->stk[base + 2 * i];
        vs->items[i] = p->stk[base + 2 * i + 1];
    }
    p->top = base;
    ps_expr *r = ps_ast_Dict(ks, vs, PP_EXTRA(p, st));
    NEW(r);
    return r;
fail:
    p->top = base;
    return NULL;
}

static ps_expr *constant_tok(pp_parser *p, ps_constant c)
{
    size_t st = p->pos++;
    ps_expr *r = ps_ast_Constant(c, NULL, PP_EXTRA(p, st));
    NEW(r);
    return r;
}

static ps_expr *atom(pp_parser *p)
{
    const ps_token *t = pp_cur(p);
    switch ((int)t->kind) {
    case PS_TOK_NAME:
        switch (p->kw[p->pos]) {
        case PS_KW_TRUE: return constant_tok(p, ps_const_singleton(PS_CONST_TRUE));
        case PS_KW_FALSE: return constant_tok(p, ps_const_singleton(PS_CONST_FALSE));
        case PS_KW_NONE: return constant_tok(p, ps_const_singleton(PS_CONST_NONE));
        default:
            if (pp_is_hard_kw(p->kw[p->pos]))
                return NULL;
            p->pos++;
            return pp_name_from_tok(p, p->pos - 1, PS_Load);
        }
    case PS_TOK_NUMBER: {
        ps_constant c;
        if (memchr(t->start, '_', t->len) != NULL) {
            p->pos++;   /* the error is at the number */
            if (!pp_version_ok(p, 6, "Underscores in numeric literals are"))
                return NULL;
            p->pos--;
        }
        if (ps_const_number(&c, t->start, t->len, p->arena) < 0)
            return pp_nomem(p);
        return constant_tok(p, c);
    }
    case PS_TOK_STRING:
        return pp_strings(p);
    case PS_TOK_LPAR:
        return pp_nested(p, paren_atom);
    case PS_TOK_LSQB:
        return pp_nested(p, list_atom);
    case PS_TOK_LBRACE:
        return pp_nested(p, brace_atom);
    case PS_TOK_ELLIPSIS:
        return constant_tok(p, ps_const_singleton(PS_CONST_ELLIPSIS));
    default:
        return NULL;
    }
}

/* ---- expression lists --------------------------------------------------------------------- */

/* The comma lists: elem (',' elem)* [','], a Tuple (of context ctx) when
 * there is a comma.  `star` says whether an element may start with '*'. */
static ps_expr *comma_list(pp_parser *p, ps_expr *(*elem)(pp_parser *), int star,
                           ps_expr_context ctx)
{
    size_t st = p->pos;
    ps_expr *a = elem(p);
    if (!a)
        return NULL;
    if (pp_kind(p) != PS_TOK_COMMA)
        return a;
    size_t base = p->top;
    if (!pp_push(p, a))
        return NULL;
    while (pp_accept(p, PS_TOK_COMMA)) {
        if (!starts_expression(p, p->pos) && !(star && pp_kind(p) == PS_TOK_STAR))
            break;
        ps_expr *b = elem(p);
        if (!b || !pp_push(p, b)) {
            p->top = base;
            return NULL;
        }
    }
    ps_expr_seq *elts = PP_SEQ(p, expr, base);
    if (!elts)
        return NULL;
    ps_expr *r = ps_ast_Tuple(elts, ctx, PP_EXTRA(p, st));
    NEW(r);
    return r;
}

/* star_expression: '*' bitwise_or | expression */
static ps_expr *star_expression(pp_parser *p)
{
    return pp_kind(p) == PS_TOK_STAR ? pp_star_named_expression(p) : pp_expression(p);
}

/* star_expressions: star_expression (',' star_expression)* [','] */
ps_expr *pp_star_expressions(pp_parser *p)
{
    return comma_list(p, star_expression, 1, PS_Load);
}

/* star_named_expressions as an unparenthesized tuple (match subjects). */
ps_expr *pp_star_named_expressions_tuple(pp_parser *p)
{
    return comma_list(p, pp_star_named_expression, 1, PS_Load);
}

/* expressions: expression (',' expression)* [','] */
ps_expr *pp_expressions(pp_parser *p)
{
    return comma_list(p, pp_expression, 0, PS_Load);
}

ps_expr *pp_yield_expr(pp_parser *p)
{
    size_t st = p->pos++;   /* yield */
    ps_expr *r;
    if (pp_accept_kw(p, PS_KW_FROM)) {
        ps_expr *v = pp_expression(p);
        if (!v)
            return NULL;
        r = ps_ast_YieldFrom(v, PP_EXTRA(p, st));
    } else {
        ps_expr *v = NULL;
        if (starts_expression(p, p->pos) || pp_kind(p) == PS_TOK_STAR) {
            v = pp_star_expressions(p);
            if (!v)
                return NULL;
        }
        r = ps_ast_Yield(v, PP_EXTRA(p, st));
    }
    NEW(r);
    return r;
}

/* ---- targets ------------------------------------------------------------------------------- */

/* star_target: parsed as an expression without comparisons, then checked. */
ps_expr *pp_star_target(pp_parser *p)
{
    size_t st = p->pos;
    ps_expr *e;
    if (pp_kind(p) == PS_TOK_STAR) {
        p->pos++;
        if (pp_kind(p) == PS_TOK_STAR)
            return NULL;
        ps_expr *v = pp_star_target(p);
        if (!v)
            return NULL;
        e = ps_ast_Starred(v, PS_Store, PP_EXTRA(p, st));
        NEW(e);
        return e;
    }
    e = pp_bitwise_or(p);
    if (!e)
        return NULL;
    return pp_set_context(p, e, PS_Store) ? e : NULL;
}

/* star_targets: star_target (',' star_target)* [','] */
ps_expr *pp_star_targets(pp_parser *p)
{
    return comma_list(p, pp_star_target, 1, PS_Store);
}
