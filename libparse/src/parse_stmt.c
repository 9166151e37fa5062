/* parse_stmt.c — statements, blocks, function parameters.
 *
 * Compound statements end where their last block ends: PP_EXTRA skips the
 * NEWLINE/INDENT/DEDENT tokens a block consumes, as CPython's EXTRA does.
 */
#include <string.h>

#include "parser_internal.h"

#define NEW(x) do { if (!(x)) return pp_nomem(p); } while (0)

static ps_stmt *compound_or_simple(pp_parser *p, size_t base, int *pushed);
static int simple_stmts(pp_parser *p);

/* ---- helpers ----------------------------------------------------------------- */

/* `:` expected after a compound statement header.  CPython says "expected
 * ':'" when the line ends there (or always, for forced colons). */
static int expect_colon(pp_parser *p, int forced)
{
    if (pp_accept(p, PS_TOK_COLON))
        return 1;
    const ps_token *t = pp_cur(p);
    if (forced || t->kind == PS_TOK_NEWLINE) {
        int ec = t->kind == PS_TOK_NEWLINE ? t->col_offset : t->end_col_offset;
        pp_error_at(p, PS_ERR_SYNTAX, t->lineno, t->col_offset, t->end_lineno, ec,
                    "expected ':'");
    }
    return 0;
}

static const char *ident_at(pp_parser *p)
{
    if (!pp_is_name(p))
        return NULL;
    const char *s = pp_ident(p, pp_cur(p));
    if (s)
        p->pos++;
    return s;
}

/* "expected an indented block after <what> on line N" at the current
 * token (at a DEDENT, see pp_dedent_location). */
void *pp_expected_block(pp_parser *p, const char *what, int line)
{
    if (p->failed)
        return NULL;
    const ps_token *t = pp_cur(p);
    pp_error_at(p, PS_ERR_INDENTATION, t->lineno, t->col_offset, t->end_lineno,
                t->end_col_offset, "expected an indented block after %s on line %d",
                what, line);
    pp_dedent_location(p, t);
    return NULL;
}

/* block: NEWLINE INDENT statements DEDENT | simple_stmts */
ps_stmt_seq *pp_block(pp_parser *p, const char *what, const ps_token *kwtok)
{
    if (pp_kind(p) == PS_TOK_NEWLINE) {
        p->pos++;
        if (pp_kind(p) != PS_TOK_INDENT)
            return pp_expected_block(p, what, kwtok->lineno);
        p->pos++;
        ps_stmt_seq *s = pp_statements(p);
        if (!s)
            return NULL;
        if (!pp_accept(p, PS_TOK_DEDENT))
            return NULL;
        return s;
    }
    size_t base = p->top;
    if (!simple_stmts(p)) {
        p->top = base;
        return NULL;
    }
    return PP_SEQ(p, stmt, base);
}

/* statements: statement+ (until DEDENT or ENDMARKER) */
ps_stmt_seq *pp_statements(pp_parser *p)
{
    size_t base = p->top;
    for (;;) {
        int k = pp_kind(p);
        if (k == PS_TOK_ENDMARKER || k == PS_TOK_DEDENT)
            break;
        int pushed = 0;
        ps_stmt *s = compound_or_simple(p, base, &pushed);
        if (!s && !pushed) {
            p->top = base;
            return NULL;
        }
        if (s && !pp_push(p, s)) {
            p->top = base;
            return NULL;
        }
    }
    if (p->top == base && p->mode != PS_MODE_EXEC)
        return NULL;
    return PP_SEQ(p, stmt, base);
}

/* 'single' input: one statement (a compound statement, or simple
 * statements on one line), then only blank lines or comments; anything
 * else is CPython's "multiple statements found while compiling a single
 * statement". */
ps_stmt_seq *pp_single_statement(pp_parser *p)
{
    size_t base = p->top;
    int pushed = 0;
    ps_stmt *s = compound_or_simple(p, base, &pushed);
    if ((!s && !pushed) || (s && !pp_push(p, s))) {
        p->top = base;
        return NULL;
    }
    ps_stmt_seq *seq = PP_SEQ(p, stmt, base);
    if (!seq)
        return NULL;
    const ps_token *last = pp_at(p, p->pos ? p->pos - 1 : 0);
    if (last->kind != PS_TOK_NEWLINE) {
        /* a compound statement must end the input (blank lines aside) */
        while (pp_kind(p) == PS_TOK_NEWLINE)
            p->pos++;
        if (pp_kind(p) != PS_TOK_ENDMARKER) {
            const ps_token *t = pp_cur(p);
            pp_error_at(p, PS_ERR_SYNTAX, t->lineno, t->col_offset, t->end_lineno,
                        t->end_col_offset, "invalid syntax");
            return NULL;
        }
        return seq;
    }
    while (pp_kind(p) == PS_TOK_NEWLINE)
        p->pos++;
    if (pp_kind(p) != PS_TOK_ENDMARKER) {
        pp_error_at(p, PS_ERR_SYNTAX, last->lineno, last->col_offset, last->lineno,
                    last->col_offset,
                    "multiple statements found while compiling a single statement");
        return NULL;
    }
    return seq;
}

/* ---- simple statements -------------------------------------------------------- */

/* The text of the TYPE_COMMENT token at `i` (there only with
 * PS_TYPE_COMMENTS), in the arena; NULL when out of memory. */
static const char *type_comment_at(pp_parser *p, size_t i)
{
    const ps_token *t = pp_at(p, i);
    const char *s = ps_arena_strndup(p->arena, t->start, t->len);
    return s ? s : pp_nomem(p);
}

/* An optional TYPE_COMMENT here: 0 (*tc NULL when absent), -1 on error. */
static int opt_type_comment(pp_parser *p, const char **tc)
{
    *tc = NULL;
    if (pp_kind(p) != PS_TOK_TYPE_COMMENT)
        return 0;
    if ((*tc = type_comment_at(p, p->pos)) == NULL)
        return -1;
    p->pos++;
    return 0;
}

static int augassign_op(int k)
{
    switch (k) {
    case PS_TOK_PLUSEQUAL: return PS_Add;
    case PS_TOK_MINEQUAL: return PS_Sub;
    case PS_TOK_STAREQUAL: return PS_Mult;
    case PS_TOK_ATEQUAL: return PS_MatMult;
    case PS_TOK_SLASHEQUAL: return PS_Div;
    case PS_TOK_PERCENTEQUAL: return PS_Mod;
    case PS_TOK_AMPEREQUAL: return PS_BitAnd;
    case PS_TOK_VBAREQUAL: return PS_BitOr;
    case PS_TOK_CIRCUMFLEXEQUAL: return PS_BitXor;
    case PS_TOK_LEFTSHIFTEQUAL: return PS_LShift;
    case PS_TOK_RIGHTSHIFTEQUAL: return PS_RShift;
    case PS_TOK_DOUBLESTAREQUAL: return PS_Pow;
    case PS_TOK_DOUBLESLASHEQUAL: return PS_FloorDiv;
    default: return 0;
    }
}

static ps_expr *rhs(pp_parser *p)
{
    if (pp_kw(p) == PS_KW_YIELD)
        return pp_yield_expr(p);
    return pp_star_expressions(p);
}

/* Is `e` something invalid_named_expression's third alternative would
 * report with "... here. Maybe you meant '==' ..."? */
static int bitwise_level(const ps_expr *e)
{
    switch (e->kind) {
    case PS_EXPR_BoolOp: case PS_EXPR_Compare: case PS_EXPR_IfExp: case PS_EXPR_Lambda:
    case PS_EXPR_NamedExpr: case PS_EXPR_Starred: case PS_EXPR_Yield: case PS_EXPR_YieldFrom:
    case PS_EXPR_List: case PS_EXPR_Tuple: case PS_EXPR_GeneratorExp:
        return 0;
    case PS_EXPR_UnaryOp:
        return e->v.UnaryOp.op != PS_Not;
    case PS_EXPR_Constant: {
        ps_const_kind k = e->v.Constant.value.kind;
        return k != PS_CONST_TRUE && k != PS_CONST_FALSE && k != PS_CONST_NONE;
    }
    default:
        return 1;
    }
}

/* Does `a` start with a list, tuple or generator display, True, False or
 * None?  (invalid_named_expression's !(list|tuple|genexp|...) lookahead.) */
static int starts_with_display(const ps_expr *a)
{
    const ps_expr *e = a;
    for (;;) {
        switch (e->kind) {
        case PS_EXPR_BinOp: e = e->v.BinOp.left; continue;
        case PS_EXPR_Attribute: e = e->v.Attribute.value; continue;
        case PS_EXPR_Subscript: e = e->v.Subscript.value; continue;
        case PS_EXPR_Call: e = e->v.Call.func; continue;
        default: break;
        }
        break;
    }
    if (e->lineno != a->lineno || e->col_offset != a->col_offset)
        return 0;   /* inside parentheses: a group, not a display */
    switch (e->kind) {
    case PS_EXPR_List: case PS_EXPR_Tuple: case PS_EXPR_GeneratorExp:
        return 1;
    case PS_EXPR_Constant: {
        ps_const_kind k = e->v.Constant.value.kind;
        return k == PS_CONST_TRUE || k == PS_CONST_FALSE || k == PS_CONST_NONE;
    }
    default:
        return 0;
    }
}

/* First target of `a = ...` that is not assignable: CPython's messages. */
static void *bad_first_target(pp_parser *p, ps_expr *a)
{
    if (a->kind == PS_EXPR_Yield || a->kind == PS_EXPR_YieldFrom)
        return PP_ERR_NODE(p, a, "assignment to yield expression not possible");
    ps_expr *bad = pp_invalid_target(a, PS_Store);
    if (!bad)
        bad = a;
    /* `bad = b` followed by no further '=' reads like a comparison. */
    size_t m = p->pos;
    p->pos++;
    ps_expr *b = pp_bitwise_or(p);
    if (p->failed)
        return NULL;
    int k = pp_kind(p);
    p->pos = m;
    /* CPython's check looks at the whole first target, or, when that is
     * a tuple without parentheses, at its offending element */
    ps_expr *whole = a;
    if (a->kind == PS_EXPR_Tuple && PS_SEQ_LEN(a->v.Tuple.elts) > 0 &&
        a->v.Tuple.elts->items[0]->col_offset == a->col_offset &&
        a->v.Tuple.elts->items[0]->lineno == a->lineno)
        whole = bad;
    if (b && k != PS_TOK_EQUAL && k != PS_TOK_COLONEQUAL && bitwise_level(whole) &&
        !starts_with_display(whole))
        return PP_ERR_NODE(p, whole,
                           "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                           pp_expr_name(whole));
    return PP_ERR_NODE(p, bad, "cannot assign to %s", pp_expr_name(bad));
}

/* The invalid_assignment alternatives for a bad annotation target all end
 * in ':' expression: without an expression there, no specific message
 * (and the look does not move the generic error). */
static int annotation_follows(pp_parser *p)
{
    size_t m = p->pos, maxpos = p->maxpos;
    p->pos++;
    ps_expr *e = pp_expression(p);
    if (p->failed)
        return 1;
    pp_unlook(p, m, maxpos);
    return e != NULL;
}

static ps_stmt *expr_or_assign(pp_parser *p)
{
    size_t st = p->pos;
    ps_expr *a = rhs(p);
    if (!a)
        return NULL;
    int k = pp_kind(p);
    ps_stmt *r;
    if (k == PS_TOK_COLON) {
        /* annotated assignment */
        int simple = 0;
        if (a->kind != PS_EXPR_Name && a->kind != PS_EXPR_Attribute
            && a->kind != PS_EXPR_Subscript && !annotation_follows(p))
            return NULL;
        if (a->kind == PS_EXPR_Name) {
            simple = p->toks[st].kind != PS_TOK_LPAR;
        } else if (a->kind == PS_EXPR_Tuple || a->kind == PS_EXPR_List) {
            if (a->kind == PS_EXPR_Tuple && p->toks[st].kind != PS_TOK_LPAR)
                return PP_ERR_NODE(p, a->v.Tuple.elts->items[0],
                                   "only single target (not tuple) can be annotated");
            return PP_ERR_NODE(p, a, "only single target (not %s) can be annotated",
                               a->kind == PS_EXPR_Tuple ? "tuple" : "list");
        } else if (a->kind != PS_EXPR_Attribute && a->kind != PS_EXPR_Subscript) {
            return PP_ERR_NODE(p, a, "illegal target for annotation");
        }
        if (!pp_set_context(p, a, PS_Store))
            return NULL;
        p->pos++;
        ps_expr *ann = pp_expression(p);
        if (!ann)
            return NULL;
        ps_expr *v = NULL;
        if (pp_accept(p, PS_TOK_EQUAL)) {
            v = rhs(p);
            if (!v)
                return NULL;
        }
        r = ps_ast_AnnAssign(a, ann, v, simple, PP_EXTRA(p, st));
        NEW(r);
        if (!pp_version_ok(p, 6, "Variable annotation syntax is"))
            return NULL;
        return r;
    }
    if (k == PS_TOK_EQUAL) {
        size_t base = p->top;
        if (!pp_invalid_target(a, PS_Store) && a->kind != PS_EXPR_Yield
            && a->kind != PS_EXPR_YieldFrom) {
            pp_set_context(p, a, PS_Store);
        } else {
            return bad_first_target(p, a);
        }
        if (!pp_push(p, a))
            return NULL;
        ps_expr *v = NULL;
        while (pp_accept(p, PS_TOK_EQUAL)) {
            v = rhs(p);
            if (!v)
                goto fail;
            if (pp_kind(p) == PS_TOK_EQUAL) {
                if (v->kind == PS_EXPR_Yield || v->kind == PS_EXPR_YieldFrom) {
                    PP_ERR_NODE(p, v, "assignment to yield expression not possible");
                    goto fail;
                }
                if (!pp_set_context(p, v, PS_Store) || !pp_push(p, v))
                    goto fail;
            }
        }
        ps_expr_seq *targets = PP_SEQ(p, expr, base);
        const char *tc;
        if (!targets || opt_type_comment(p, &tc) < 0)
            return NULL;
        r = ps_ast_Assign(targets, v, tc, PP_EXTRA(p, st));
        NEW(r);
        return r;
    fail:
        p->top = base;
        return NULL;
    }
    int op = augassign_op(k);
    if (op) {
        if (a->kind != PS_EXPR_Name && a->kind != PS_EXPR_Attribute
            && a->kind != PS_EXPR_Subscript)
            return PP_ERR_NODE(p, a, "'%s' is an illegal expression for augmented assignment",
                               pp_expr_name(a));
        pp_set_context(p, a, PS_Store);
        p->pos++;
        if (op == PS_MatMult && !pp_version_ok(p, 5, "The '@' operator is"))
            return NULL;
        ps_expr *v = rhs(p);
        if (!v)
            return NULL;
        r = ps_ast_AugAssign(a, (ps_operator)op, v, PP_EXTRA(p, st));
        NEW(r);
        return r;
    }
    /* print "x": CPython's legacy-statement hint */
    if (a->kind == PS_EXPR_Name && k != PS_TOK_LPAR
        && (strcmp(a->v.Name.id, "print") == 0 || strcmp(a->v.Name.id, "exec") == 0)) {
        size_t m = p->pos;
        int kk = pp_kind(p);
        if (kk != PS_TOK_NEWLINE && kk != PS_TOK_SEMI) {
            ps_expr *b = pp_star_expressions(p);
            if (b && !p->failed)
                return PP_ERR_RANGE(p, a, b, "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                                    a->v.Name.id, a->v.Name.id);
            if (p->failed)
                return NULL;
            p->pos = m;
        }
    }
    r = ps_ast_Expr(a, PP_EXTRA(p, st));
    NEW(r);
    return r;
}

static ps_alias *dotted_as_name(pp_parser *p)
{
    size_t st = p->pos;
    if (!pp_is_name(p))
        return NULL;
    /* dotted name: join the parts with '.' */
    char buf_small[256];
    char *buf = buf_small;
    size_t len = 0, cap = sizeof buf_small;
    for (;;) {
        const char *part = pp_ident(p, pp_cur(p));
        if (!part)
            return NULL;
        size_t n = strlen(part);
        if (len + n + 2 > cap) {
            size_t ncap = (len + n + 2) * 2;
            char *nb = ps_arena_alloc(p->arena, ncap);
            if (!nb)
                return pp_nomem(p);
            memcpy(nb, buf, len);
            buf = nb;
            cap = ncap;
        }
        memcpy(buf + len, part, n);
        len += n;
        p->pos++;
        if (pp_kind(p) == PS_TOK_DOT && pp_is_name_at(p, p->pos + 1)) {
            buf[len++] = '.';
            p->pos++;
            continue;
        }
        break;
    }
    const char *name = ps_arena_strndup(p->arena, buf, len);
    NEW(name);
    const char *as = NULL;
    if (pp_accept_kw(p, PS_KW_AS)) {
        as = ident_at(p);
        if (!as)
            return NULL;
    }
    ps_alias *a = ps_ast_alias(name, as, PP_EXTRA(p, st));
    NEW(a);
    return a;
}

static ps_stmt *import_name(pp_parser *p)
{
    size_t st = p->pos++;
    size_t base = p->top;
    do {
        ps_alias *a = dotted_as_name(p);
        if (!a || !pp_push(p, a)) {
            p->top = base;
            return NULL;
        }
    } while (pp_accept(p, PS_TOK_COMMA));
    ps_alias_seq *names = PP_SEQ(p, alias, base);
    if (!names)
        return NULL;
    ps_stmt *r = ps_ast_Import(names, PP_EXTRA(p, st));
    NEW(r);
    return r;
}

static ps_stmt *import_from(pp_parser *p)
{
    size_t st = p->pos++;
    int level = 0;
    for (;;) {
        if (pp_accept(p, PS_TOK_DOT))
            level++;
        else if (pp_accept(p, PS_TOK_ELLIPSIS))
            level += 3;
        else
            break;
    }
    const char *module = NULL;
    if (pp_kw(p) != PS_KW_IMPORT) {
        ps_alias *m = dotted_as_name(p);
        if (!m)
            return NULL;
        if (m->asname)
            return NULL;
        module = m->name;
    } else if (level == 0) {
        return NULL;
    }
    if (!pp_accept_kw(p, PS_KW_IMPORT))
        return NULL;
    size_t base = p->top;
    if (pp_kind(p) == PS_TOK_STAR) {
        size_t s = p->pos++;
        const char *star = ps_arena_strndup(p->arena, "*", 1);
        NEW(star);
        ps_alias *a = ps_ast_alias(star, NULL, PP_EXTRA(p, s));
        NEW(a);
        if (!pp_push(p, a))
            return NULL;
    } else {
        int paren = pp_accept(p, PS_TOK_LPAR);
        for (;;) {
            size_t s = p->pos;
            const char *name = ident_at(p);
            if (!name)
                goto fail;
            const char *as = NULL;
            if (pp_accept_kw(p, PS_KW_AS)) {
                as = ident_at(p);
                if (!as)
                    goto fail;
            }
            ps_alias *a = ps_ast_alias(name, as, PP_EXTRA(p, s));
            if (!a) {
                pp_nomem(p);
                goto fail;
            }
            if (!pp_push(p, a))
                goto fail;
            if (!pp_accept(p, PS_TOK_COMMA))
                break;
            if (paren && pp_kind(p) == PS_TOK_RPAR)
                break;
            if (!paren && pp_kind(p) == PS_TOK_NEWLINE) {
                const ps_token *t = pp_cur(p);
                pp_error_at(p, PS_ERR_SYNTAX, t->lineno, t->col_offset, t->lineno, t->col_offset,
                            "trailing comma not allowed without surrounding parentheses");
                goto fail;
            }
        }
        if (paren && !pp_accept(p, PS_TOK_RPAR))
            goto fail;
    }
    ps_alias_seq *names = PP_SEQ(p, alias, base);
    if (!names)
        return NULL;
    ps_stmt *r = ps_ast_ImportFrom(module, names, level, PP_EXTRA(p, st));
    NEW(r);
    return r;
fail:
    p->top = base;
    return NULL;
}

static ps_stmt *global_stmt(pp_parser *p, int nonlocal)
{
    size_t st = p->pos++;
    size_t base = p->top;
    do {
        const char *n = ident_at(p);
        if (!n || !pp_push(p, (void *)n)) {
            p->top = base;
            return NULL;
        }
    } while (pp_accept(p, PS_TOK_COMMA));
    ps_identifier_seq *names = PP_SEQ(p, identifier, base);
    if (!names)
        return NULL;
    ps_stmt *r = nonlocal ? ps_ast_Nonlocal(names, PP_EXTRA(p, st))
                          : ps_ast_Global(names, PP_EXTRA(p, st));
    NEW(r);
    return r;
}

static ps_stmt *del_stmt(pp_parser *p)
{
    size_t st = p->pos++;
    size_t base = p->top;
    for (;;) {
        ps_expr *e = pp_kind(p) == PS_TOK_STAR ? pp_star_named_expression(p) : pp_expression(p);
        if (!e)
            goto fail;
        if (!pp_set_context(p, e, PS_Del) || !pp_push(p, e))
            goto fail;
        if (!pp_accept(p, PS_TOK_COMMA))
            break;
        int k = pp_kind(p);
        if (k == PS_TOK_NEWLINE || k == PS_TOK_SEMI)
            break;
    }
    int k = pp_kind(p);
    if (k != PS_TOK_NEWLINE && k != PS_TOK_SEMI)
        goto fail;
    ps_expr_seq *targets = PP_SEQ(p, expr, base);
    if (!targets)
        return NULL;
    ps_stmt *r = ps_ast_Delete(targets, PP_EXTRA(p, st));
    NEW(r);
    return r;
fail:
    p->top = base;
    return NULL;
}

static int at_stmt_end(pp_parser *p)
{
    int k = pp_kind(p);
    return k == PS_TOK_NEWLINE || k == PS_TOK_SEMI;
}

static ps_stmt *simple_stmt(pp_parser *p)
{
    size_t st = p->pos;
    ps_stmt *r;
    switch (pp_kw(p)) {
    case PS_KW_PASS:
        p->pos++;
        r = ps_ast_Pass(PP_EXTRA(p, st));
        break;
    case PS_KW_BREAK:
        p->pos++;
        r = ps_ast_Break(PP_EXTRA(p, st));
        break;
    case PS_KW_CONTINUE:
        p->pos++;
        r = ps_ast_Continue(PP_EXTRA(p, st));
        break;
    case PS_KW_RETURN: {
        p->pos++;
        ps_expr *v = NULL;
        if (!at_stmt_end(p)) {
            v = pp_star_expressions(p);
            if (!v)
                return NULL;
        }
        r = ps_ast_Return(v, PP_EXTRA(p, st));
        break;
    }
    case PS_KW_RAISE: {
        p->pos++;
        ps_expr *e = NULL, *c = NULL;
        if (!at_stmt_end(p)) {
            e = pp_expression(p);
            if (!e)
                return NULL;
            if (pp_accept_kw(p, PS_KW_FROM)) {
                c = pp_expression(p);
                if (!c)
                    return NULL;
            }
        }
        r = ps_ast_Raise(e, c, PP_EXTRA(p, st));
        break;
    }
    case PS_KW_ASSERT: {
        p->pos++;
        ps_expr *t = pp_expression(p), *m = NULL;
        if (!t)
            return NULL;
        if (pp_accept(p, PS_TOK_COMMA)) {
            m = pp_expression(p);
            if (!m)
                return NULL;
        }
        r = ps_ast_Assert(t, m, PP_EXTRA(p, st));
        break;
    }
    case PS_KW_IMPORT: return import_name(p);
    case PS_KW_FROM: return import_from(p);
    case PS_KW_GLOBAL: return global_stmt(p, 0);
    case PS_KW_NONLOCAL: return global_stmt(p, 1);
    case PS_KW_DEL: return del_stmt(p);
    default:
        return expr_or_assign(p);
    }
    NEW(r);
    return r;
}

/* simple_stmts: pushes each statement on the scratch stack. */
static int simple_stmts(pp_parser *p)
{
    for (;;) {
        ps_stmt *s = simple_stmt(p);
        if (!s || !pp_push(p, s))
            return 0;
        if (!pp_accept(p, PS_TOK_SEMI))
            break;
        if (pp_kind(p) == PS_TOK_NEWLINE)
            break;
    }
    return pp_accept(p, PS_TOK_NEWLINE);
}

/* ---- compound statements ---------------------------------------------------------- */

static ps_stmt *if_stmt(pp_parser *p, int elif)
{
    size_t st = p->pos;
    const ps_token *kt = pp_cur(p);
    p->pos++;
    ps_expr *test = pp_named_expression(p);
    if (!test || !expect_colon(p, 0))
        return NULL;
    ps_stmt_seq *body = pp_block(p, elif ? "'elif' statement" : "'if' statement", kt);
    if (!body)
        return NULL;
    ps_stmt_seq *orelse;
    if (pp_kw(p) == PS_KW_ELIF) {
        /* each elif nests one If deeper: bounded like any other nesting */
        if (!pp_enter(p))
            return NULL;
        ps_stmt *e = if_stmt(p, 1);
        pp_leave(p);
        if (!e)
            return NULL;
        orelse = ps_stmt_seq_new(1, p->arena);
        NEW(orelse);
        orelse->items[0] = e;
    } else if (pp_kw(p) == PS_KW_ELSE) {
        const ps_token *et = pp_cur(p);
        p->pos++;
        if (!expect_colon(p, 1))
            return NULL;
        orelse = pp_block(p, "'else' statement", et);
        if (!orelse)
            return NULL;
    } else {
        orelse = ps_stmt_seq_new(0, p->arena);
        NEW(orelse);
    }
    ps_stmt *r = ps_ast_If(test, body, orelse, PP_EXTRA(p, st));
    NEW(r);
    return r;
}

static ps_stmt_seq *else_block(pp_parser *p)
{
    if (pp_kw(p) != PS_KW_ELSE) {
        ps_stmt_seq *s = ps_stmt_seq_new(0, p->arena);
        NEW(s);
        return s;
    }
    const ps_token *et = pp_cur(p);
    p->pos++;
    if (!expect_colon(p, 1))
        return NULL;
    return pp_block(p, "'else' statement", et);
}

static ps_stmt *while_stmt(pp_parser *p)
{
    size_t st = p->pos;
    const ps_token *kt = pp_cur(p);
    p->pos++;
    ps_expr *test = pp_named_expression(p);
    if (!test || !expect_colon(p, 0))
        return NULL;
    ps_stmt_seq *body = pp_block(p, "'while' statement", kt);
    if (!body)
        return NULL;
    ps_stmt_seq *orelse = else_block(p);
    if (!orelse)
        return NULL;
    ps_stmt *r = ps_ast_While(test, body, orelse, PP_EXTRA(p, st));
    NEW(r);
    return r;
}

static ps_stmt *for_stmt(pp_parser *p, size_t st, int is_async)
{
    const ps_token *kt = pp_cur(p);
    p->pos++;
    size_t tpos = p->pos;
    ps_expr *t = pp_for_targets(p);
    if (!t || !pp_accept_kw(p, PS_KW_IN)) {
        pp_invalid_for_target(p, tpos);
        return NULL;
    }
    ps_expr *it = pp_star_expressions(p);
    const char *tc;
    if (!it || !expect_colon(p, 0) || opt_type_comment(p, &tc) < 0)
        return NULL;
    ps_stmt_seq *body = pp_block(p, "'for' statement", kt);
    if (!body)
        return NULL;
    ps_stmt_seq *orelse = else_block(p);
    if (!orelse)
        return NULL;
    ps_stmt *r = is_async ? ps_ast_AsyncFor(t, it, body, orelse, tc, PP_EXTRA(p, st))
                          : ps_ast_For(t, it, body, orelse, tc, PP_EXTRA(p, st));
    NEW(r);
    if (is_async && !pp_version_ok(p, 5, "Async for loops are"))
        return NULL;
    return r;
}

static ps_withitem *with_item(pp_parser *p, int in_parens)
{
    ps_expr *e = pp_expression(p);
    if (!e)
        return NULL;
    ps_expr *target = NULL;
    if (pp_accept_kw(p, PS_KW_AS)) {
        target = pp_star_target(p);
        if (!target)
            return NULL;
        int k = pp_kind(p);
        if (k != PS_TOK_COMMA && k != PS_TOK_COLON && !(in_parens && k == PS_TOK_RPAR))
            return NULL;
    }
    ps_withitem *w = ps_ast_withitem(e, target, p->arena);
    NEW(w);
    return w;
}

/* One item of invalid_with_stmt: expression(s) ['as' star_target]. */
static int loose_with_item(pp_parser *p, int in_parens)
{
    if (!(in_parens ? pp_expressions(p) : pp_expression(p)))
        return 0;
    return !pp_accept_kw(p, PS_KW_AS) || pp_star_target(p);
}

/* invalid_with_stmt: items, parenthesized or not, that end the line:
 * "expected ':'" at the NEWLINE.  Otherwise nothing, pos and maxpos as
 * they were. */
static void invalid_with_stmt(pp_parser *p, size_t items)
{
    if (p->failed || p->noinvalid)
        return;
    size_t m = p->pos, maxpos = p->maxpos;
    int ok = 0;
    for (int parens = pp_kind_at(p, items) == PS_TOK_LPAR; parens >= 0 && !ok; parens--) {
        p->pos = items + (size_t)parens;
        while (loose_with_item(p, parens) && pp_accept(p, PS_TOK_COMMA))
            if (parens && pp_kind(p) == PS_TOK_RPAR)
                break;
        if (p->failed)
            return;
        ok = (!parens || pp_accept(p, PS_TOK_RPAR)) && pp_kind(p) == PS_TOK_NEWLINE;
    }
    if (ok) {
        const ps_token *t = pp_cur(p);
        pp_error_at(p, PS_ERR_SYNTAX, t->lineno, t->col_offset, t->lineno, t->col_offset,
                    "expected ':'");
        return;
    }
    pp_unlook(p, m, maxpos);
}

static ps_stmt *with_stmt(pp_parser *p, size_t st, int is_async)
{
    const ps_token *kt = pp_cur(p);
    p->pos++;
    size_t first = p->pos;   /* the first item (or its "(") */
    size_t base = p->top;
    int done = 0;
    if (pp_kind(p) == PS_TOK_LPAR) {
        /* '(' ','.with_item+ ','? ')' ':' — else an ordinary expression */
        size_t m = p->pos;
        p->pos++;
        for (;;) {
            ps_withitem *w = with_item(p, 1);
            if (!w || !pp_push(p, w))
                break;
            if (!pp_accept(p, PS_TOK_COMMA))
                break;
            if (pp_kind(p) == PS_TOK_RPAR)
                break;
        }
        if (!p->failed && pp_accept(p, PS_TOK_RPAR) && pp_kind(p) == PS_TOK_COLON)
            done = 1;
        if (p->failed)
            goto fail;
        if (!done) {
            p->top = base;
            p->pos = m;
        }
    }
    if (!done) {
        for (;;) {
            ps_withitem *w = with_item(p, 0);
            if (!w || !pp_push(p, w))
                goto fail;
            if (!pp_accept(p, PS_TOK_COMMA))
                break;
        }
    }
    if (!expect_colon(p, 0))
        goto fail;
    const char *tc = NULL;   /* not after the parenthesized form */
    if (!done && opt_type_comment(p, &tc) < 0)
        return NULL;
    ps_withitem_seq *items = PP_SEQ(p, withitem, base);
    if (!items)
        return NULL;
    ps_stmt_seq *body = pp_block(p, "'with' statement", kt);
    if (!body)
        return NULL;
    ps_stmt *r = is_async ? ps_ast_AsyncWith(items, body, tc, PP_EXTRA(p, st))
                          : ps_ast_With(items, body, tc, PP_EXTRA(p, st));
    NEW(r);
    if (is_async ? !pp_version_ok(p, 5, "Async with statements are")
                 : done && !pp_version_ok(p, 9, "Parenthesized context managers are"))
        return NULL;
    return r;
fail:
    p->top = base;
    invalid_with_stmt(p, first);
    return NULL;
}

static ps_excepthandler *except_block(pp_parser *p, int *star)
{
    size_t st = p->pos;
    const ps_token *kt = pp_cur(p);
    p->pos++;
    *star = pp_accept(p, PS_TOK_STAR);
    ps_expr *type = NULL;
    const char *name = NULL;
    int k = pp_kind(p);
    if (*star && (k == PS_TOK_COLON || k == PS_TOK_NEWLINE)) {
        const ps_token *t = pp_cur(p);
        return pp_error_at(p, PS_ERR_SYNTAX, t->lineno, t->col_offset, t->end_lineno,
                           k == PS_TOK_NEWLINE ? t->col_offset : t->end_col_offset,
                           "expected one or more exception types");
    }
    if (*star || (k != PS_TOK_COLON && k != PS_TOK_NEWLINE)) {
        type = pp_expression(p);
        if (!type)
            return NULL;
        if (pp_kind(p) == PS_TOK_COMMA) {
            size_t m = p->pos;
            p->pos++;
            ps_expr *last = NULL;
            if (!p->failed) {
                p->pos = m;
                ps_expr *t = NULL;
                while (pp_accept(p, PS_TOK_COMMA)) {
                    t = pp_expression(p);
                    if (!t)
                        break;
                    last = t;
                }
            }
            if (last && !p->failed && (pp_kind(p) == PS_TOK_COLON || pp_kw(p) == PS_KW_AS))
                return PP_ERR_RANGE(p, type, last, "multiple exception types must be parenthesized");
            return NULL;
        }
        if (pp_accept_kw(p, PS_KW_AS)) {
            name = ident_at(p);
            if (!name)
                return NULL;
        }
    }
    if (!expect_colon(p, 0))
        return NULL;
    ps_stmt_seq *body = pp_block(p, *star ? "'except*' statement" : "'except' statement", kt);
    if (!body)
        return NULL;
    ps_excepthandler *h = ps_ast_ExceptHandler(type, name, body, PP_EXTRA(p, st));
    NEW(h);
    return h;
}

static ps_stmt *try_stmt(pp_parser *p)
{
    size_t st = p->pos;
    const ps_token *kt = pp_cur(p);
    p->pos++;
    if (!expect_colon(p, 1))
        return NULL;
    ps_stmt_seq *body = pp_block(p, "'try' statement", kt);
    if (!body)
        return NULL;
    size_t base = p->top;
    int nstar = 0, nplain = 0;
    while (pp_kw(p) == PS_KW_EXCEPT) {
        int star;
        const ps_token *et = pp_cur(p);
        ps_excepthandler *h = except_block(p, &star);
        if (!h || !pp_push(p, h)) {
            p->top = base;
            return NULL;
        }
        if (star)
            nstar++;
        else
            nplain++;
        if (nstar && nplain) {
            p->top = base;
            /* "except*" after plain ones spans both tokens; a plain
             * "except" after starred ones only itself */
            return PP_ERR_RANGE(p, et, star ? et + 1 : et,
                                "cannot have both 'except' and 'except*' on the same 'try'");
        }
    }
    ps_excepthandler_seq *handlers = PP_SEQ(p, excepthandler, base);
    if (!handlers)
        return NULL;
    ps_stmt_seq *orelse = NULL, *fin = NULL;
    if (handlers->len) {
        orelse = else_block(p);
        if (!orelse)
            return NULL;
    }
    if (pp_kw(p) == PS_KW_FINALLY) {
        const ps_token *ft = pp_cur(p);
        p->pos++;
        if (!expect_colon(p, 1))
            return NULL;
        fin = pp_block(p, "'finally' statement", ft);
        if (!fin)
            return NULL;
    } else if (!handlers->len) {
        if (p->failed)
            return NULL;
        const ps_token *t = pp_cur(p);
        PP_ERR_TOK(p, t, "expected 'except' or 'finally' block");
        pp_dedent_location(p, t);
        return NULL;
    }
    if (!orelse) {
        orelse = ps_stmt_seq_new(0, p->arena);
        NEW(orelse);
    }
    if (!fin) {
        fin = ps_stmt_seq_new(0, p->arena);
        NEW(fin);
    }
    ps_stmt *r = nstar ? ps_ast_TryStar(body, handlers, orelse, fin, PP_EXTRA(p, st))
                       : ps_ast_Try(body, handlers, orelse, fin, PP_EXTRA(p, st));
    NEW(r);
    if (nstar && !pp_version_ok(p, 11, "Exception groups are"))
        return NULL;
    return r;
}

/* ---- function parameters ------------------------------------------------------------ */

typedef struct param_state {
    size_t base_pos, base_args;   /* stack marks */
} param_state;

/* One parameter name with an optional annotation (none in lambdas). */
static ps_arg *param(pp_parser *p, int lambda, int star)
{
    size_t st = p->pos;
    const char *name = ident_at(p);
    if (!name)
        return NULL;
    ps_expr *ann = NULL;
    if (!lambda && pp_accept(p, PS_TOK_COLON)) {
        if (star && pp_kind(p) == PS_TOK_STAR) {
            size_t s2 = p->pos++;
            ps_expr *v = pp_expression(p);
            if (!v)
                return NULL;
            ann = ps_ast_Starred(v, PS_Load, PP_EXTRA(p, s2));
            NEW(ann);
        } else {
            ann = pp_expression(p);
            if (!ann)
                return NULL;
        }
    }
    ps_arg *a = ps_ast_arg(name, ann, NULL, PP_EXTRA(p, st));
    NEW(a);
    return a;
}

/* parameters / lambda_parameters, up to (not including) ')' or ':'. */
ps_arguments *pp_params(pp_parser *p, int lambda)
{
    int close = lambda ? PS_TOK_COLON : PS_TOK_RPAR;
    /* positional params and their defaults go on the scratch stack as
     * (arg, default) pairs; keyword-only likewise. */
    size_t base = p->top;
    size_t npos = 0, nposonly = 0, nkw = 0;
    ps_arg *vararg = NULL, *kwarg = NULL;
    int seen_default = 0, seen_star = 0, seen_slash = 0;
    ps_arguments *res = NULL;
    while (pp_kind(p) != close) {
        const ps_token *t = pp_cur(p);
        int k = t->kind;
        ps_arg *last = NULL;   /* the parameter a type comment may follow */
        if (kwarg) {
            PP_ERR_TOK(p, t, "arguments cannot follow var-keyword argument");
            goto done;
        }
        if (k == PS_TOK_SLASH) {
            if (seen_star) {
                PP_ERR_TOK(p, t, "/ must be ahead of *");
                goto done;
            }
            if (seen_slash) {
                PP_ERR_TOK(p, t, "/ may appear only once");
                goto done;
            }
            if (npos == 0) {
                PP_ERR_TOK(p, t, "at least one argument must precede /");
                goto done;
            }
            seen_slash = 1;
            nposonly = npos;
            p->pos++;
            if (!pp_version_ok(p, 8, "Positional-only parameters are"))
                goto done;
            if (pp_kind(p) == PS_TOK_STAR) {
                PP_ERR_TOK(p, pp_cur(p), "expected comma between / and *");
                goto done;
            }
        } else if (k == PS_TOK_STAR) {
            if (seen_star) {
                PP_ERR_TOK(p, t, "* argument may appear only once");
                goto done;
            }
            seen_star = 1;
            p->pos++;
            if (pp_is_name(p)) {
                vararg = last = param(p, lambda, 1);
                if (!vararg)
                    goto done;
                if (pp_kind(p) == PS_TOK_EQUAL) {
                    PP_ERR_TOK(p, pp_cur(p), "var-positional argument cannot have default value");
                    goto done;
                }
            } else {
                int nk = pp_kind(p);
                if (nk == close || (nk == PS_TOK_COMMA && (pp_kind_at(p, p->pos + 1) == close
                                                         || pp_kind_at(p, p->pos + 1) == PS_TOK_DOUBLESTAR))) {
                    PP_ERR_TOK(p, t, "named arguments must follow bare *");
                    goto done;
                }
                if (nk != PS_TOK_COMMA)
                    goto done;
                if (pp_kind_at(p, p->pos + 1) == PS_TOK_TYPE_COMMENT) {
                    const ps_token *tc = pp_at(p, p->pos + 1);
                    PP_ERR_TOK(p, tc, "bare * has associated type comment");
                    goto done;
                }
            }
        } else if (k == PS_TOK_DOUBLESTAR) {
            p->pos++;
            kwarg = last = param(p, lambda, 0);
            if (!kwarg)
                goto done;
            if (pp_kind(p) == PS_TOK_EQUAL) {
                PP_ERR_TOK(p, pp_cur(p), "var-keyword argument cannot have default value");
                goto done;
            }
        } else {
            if (k == PS_TOK_LPAR && !seen_default && !seen_star && !seen_slash) {
                /* "(a, b)" where a parameter goes: Python 2's tuple parameters
                 * (the look ahead leaves the generic error where it was) */
                size_t i = p->pos + 1, maxpos = p->maxpos;
                while (pp_kind_at(p, i) == PS_TOK_NAME && pp_kind_at(p, i + 1) == PS_TOK_COMMA)
                    i += 2;
                if (pp_kind_at(p, i) == PS_TOK_NAME)
                    i++;
                int tuple = i > p->pos + 1 && pp_kind_at(p, i) == PS_TOK_RPAR;
                p->maxpos = maxpos;
                if (tuple) {
                    PP_ERR_RANGE(p, t, pp_at(p, i),
                                 lambda ? "Lambda expression parameters cannot be parenthesized"
                                        : "Function parameters cannot be parenthesized");
                    goto done;
                }
            }
            ps_arg *a = last = param(p, lambda, 0);
            if (!a)
                goto done;
            ps_expr *def = NULL;
            if (pp_kind(p) == PS_TOK_EQUAL) {
                size_t maxpos = p->maxpos;
                int nk = pp_kind_at(p, p->pos + 1);
                p->maxpos = maxpos;
                if (nk == PS_TOK_RPAR || nk == PS_TOK_COMMA) {
                    PP_ERR_TOK(p, pp_cur(p), "expected default value expression");
                    goto done;
                }
            }
            if (pp_accept(p, PS_TOK_EQUAL)) {
                def = pp_expression(p);
                if (!def)
                    goto done;
            }
            if (!seen_star) {
                if (def)
                    seen_default = 1;
                else if (seen_default) {
                    PP_ERR_NODE(p, a, "non-default argument follows default argument");
                    goto done;
                }
                npos++;
            } else {
                nkw++;
            }
            if (!pp_push(p, a) || !pp_push(p, def))
                goto done;
        }
        /* a def's parameter: `param ',' TYPE_COMMENT?` or
         * `param TYPE_COMMENT? &')'` */
        int comma = pp_accept(p, PS_TOK_COMMA);
        if (!lambda && last && pp_kind(p) == PS_TOK_TYPE_COMMENT &&
            (comma || pp_kind_at(p, p->pos + 1) == close)) {
            if ((last->type_comment = type_comment_at(p, p->pos)) == NULL)
                goto done;
            p->pos++;
        }
        if (!comma)
            break;
    }
    if (pp_kind(p) != close)
        goto done;
    {
        ps_arg_seq *po = ps_arg_seq_new((ptrdiff_t)nposonly, p->arena);
        ps_arg_seq *as = ps_arg_seq_new((ptrdiff_t)(npos - nposonly), p->arena);
        ps_arg_seq *ko = ps_arg_seq_new((ptrdiff_t)nkw, p->arena);
        ps_expr_seq *kd = ps_expr_seq_new((ptrdiff_t)nkw, p->arena);
        size_t ndef = 0;
        for (size_t i = 0; i < npos; i++)
            if (p->stk[base + 2 * i + 1])
                ndef++;
        ps_expr_seq *defs = ps_expr_seq_new((ptrdiff_t)ndef, p->arena);
        if (!po || !as || !ko || !kd || !defs) {
            pp_nomem(p);
            goto done;
        }
        size_t d = 0;
        for (size_t i = 0; i < npos; i++) {
            ps_arg *a = p->stk[base + 2 * i];
            if (i < nposonly)
                po->items[i] = a;
            else
                as->items[i - nposonly] = a;
            if (p->stk[base + 2 * i + 1])
                defs->items[d++] = p->stk[base + 2 * i + 1];
        }
        for (size_t i = 0; i < nkw; i++) {
            ko->items[i] = p->stk[base + 2 * (npos + i)];
            kd->items[i] = p->stk[base + 2 * (npos + i) + 1];
        }
        res = ps_ast_arguments(po, as, vararg, ko, kd, kwarg, defs, p->arena);
        if (!res)
            pp_nomem(p);
    }
done:
    p->top = base;
    return res;
}

ps_arguments *pp_lambda_params(pp_parser *p)
{
    return pp_params(p, 1);
}

static ps_stmt *funcdef(pp_parser *p, size_t st, int is_async, ps_expr_seq *decos)
{
    const ps_token *kt = pp_cur(p);
    p->pos++;
    const char *name = ident_at(p);
    if (!name)
        return NULL;
    if (!pp_accept(p, PS_TOK_LPAR)) {
        return PP_ERR_TOK(p, pp_cur(p), "expected '('");
    }
    ps_arguments *args = pp_params(p, 0);
    if (!args || !pp_accept(p, PS_TOK_RPAR))
        return NULL;
    ps_expr *ret = NULL;
    if (pp_kind(p) == PS_TOK_RARROW) {
        const ps_token *arrow = pp_cur(p);
        p->pos++;
        ret = pp_expression(p);
        if (!ret) {
            if (!p->failed)
                PP_ERR_TOK(p, arrow, "expected ':'");
            return NULL;
        }
    }
    if (!expect_colon(p, 1))
        return NULL;
    /* func_type_comment: after the ':' or alone on the next line */
    const char *tc = NULL;
    size_t i = p->pos;
    if (pp_kind(p) == PS_TOK_TYPE_COMMENT) {
        if (pp_kind_at(p, i + 1) == PS_TOK_NEWLINE && pp_kind_at(p, i + 2) == PS_TOK_TYPE_COMMENT
            && pp_kind_at(p, i + 3) == PS_TOK_NEWLINE && pp_kind_at(p, i + 4) == PS_TOK_INDENT)
            return PP_ERR_TOK(p, pp_at(p, i), "Cannot have two type comments on def");
        if ((tc = type_comment_at(p, i)) == NULL)
            return NULL;
        p->pos++;
    } else if (pp_kind(p) == PS_TOK_NEWLINE && pp_kind_at(p, i + 1) == PS_TOK_TYPE_COMMENT
               && pp_kind_at(p, i + 2) == PS_TOK_NEWLINE && pp_kind_at(p, i + 3) == PS_TOK_INDENT) {
        if ((tc = type_comment_at(p, i + 1)) == NULL)
            return NULL;
        p->pos += 2;
    }
    ps_stmt_seq *body = pp_block(p, "function definition", kt);
    if (!body)
        return NULL;
    ps_stmt *r = is_async
        ? ps_ast_AsyncFunctionDef(name, args, body, decos, ret, tc, PP_EXTRA(p, st))
        : ps_ast_FunctionDef(name, args, body, decos, ret, tc, PP_EXTRA(p, st));
    NEW(r);
    if (is_async && !pp_version_ok(p, 5, "Async functions are"))
        return NULL;
    return r;
}

static ps_stmt *classdef(pp_parser *p, size_t st, ps_expr_seq *decos)
{
    const ps_token *kt = pp_cur(p);
    p->pos++;
    const char *name = ident_at(p);
    if (!name)
        return NULL;
    ps_expr_seq *bases = NULL;
    ps_keyword_seq *kws = NULL;
    if (pp_kind(p) == PS_TOK_LPAR) {
        size_t lp = p->pos++;
        if (!pp_call_args(p, lp, 0, &bases, &kws))
            return NULL;
    } else {
        bases = ps_expr_seq_new(0, p->arena);
        kws = ps_keyword_seq_new(0, p->arena);
        NEW(bases);
        NEW(kws);
    }
    if (!expect_colon(p, 0))
        return NULL;
    ps_stmt_seq *body = pp_block(p, "class definition", kt);
    if (!body)
        return NULL;
    ps_stmt *r = ps_ast_ClassDef(name, bases, kws, body, decos, PP_EXTRA(p, st));
    NEW(r);
    return r;
}

static ps_stmt *decorated(pp_parser *p)
{
    size_t base = p->top;
    while (pp_accept(p, PS_TOK_AT)) {
        ps_expr *d = pp_named_expression(p);
        if (!d || !pp_push(p, d) || !pp_accept(p, PS_TOK_NEWLINE)) {
            p->top = base;
            return NULL;
        }
    }
    ps_expr_seq *decos = PP_SEQ(p, expr, base);
    if (!decos)
        return NULL;
    size_t st = p->pos;
    int kw = pp_kw(p);
    if (kw == PS_KW_DEF)
        return funcdef(p, st, 0, decos);
    if (kw == PS_KW_CLASS)
        return classdef(p, st, decos);
    if (kw == PS_KW_ASYNC && pp_kw_at(p, st + 1) == PS_KW_DEF) {
        p->pos++;
        return funcdef(p, st, 1, decos);
    }
    return NULL;
}

static ps_stmt *compound_or_simple(pp_parser *p, size_t base, int *pushed)
{
    size_t st = p->pos;
    ps_expr_seq *nodecos;
    switch (pp_kw(p)) {
    case PS_KW_IF: return if_stmt(p, 0);
    case PS_KW_WHILE: return while_stmt(p);
    case PS_KW_FOR: return for_stmt(p, st, 0);
    case PS_KW_WITH: return with_stmt(p, st, 0);
    case PS_KW_TRY: return try_stmt(p);
    case PS_KW_DEF:
        nodecos = ps_expr_seq_new(0, p->arena);
        NEW(nodecos);
        return funcdef(p, st, 0, nodecos);
    case PS_KW_CLASS:
        nodecos = ps_expr_seq_new(0, p->arena);
        NEW(nodecos);
        return classdef(p, st, nodecos);
    case PS_KW_ASYNC: {
        int nk = pp_kw_at(p, st + 1);
        p->pos++;
        if (nk == PS_KW_DEF) {
            nodecos = ps_expr_seq_new(0, p->arena);
            NEW(nodecos);
            return funcdef(p, st, 1, nodecos);
        }
        if (nk == PS_KW_FOR)
            return for_stmt(p, st, 1);
        if (nk == PS_KW_WITH)
            return with_stmt(p, st, 1);
        return NULL;
    }
    case PS_KW_MATCH: {
        ps_stmt *m = pp_match_stmt(p);
        if (m || p->failed)
            return m;
        p->pos = st;
        break;
    }
    default:
        if (pp_kind(p) == PS_TOK_AT)
            return decorated(p);
        break;
    }
    (void)base;
    if (!simple_stmts(p))
        return NULL;
    /* simple_stmts pushed its statements itself */
    *pushed = 1;
    return NULL;
}
