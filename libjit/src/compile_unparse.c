/* libjit/src/compile_unparse.c — an expression back to source text, the
 * way CPython's ast unparser writes it (used for the annotations of
 * `from __future__ import annotations`): operator precedence decides the
 * parentheses, constants print as their repr. */
#include <math.h>
#include <string.h>

#include "compile.h"
#include "libobject/libobject.h"

enum {
    PR_TUPLE, PR_TEST, PR_OR, PR_AND, PR_NOT, PR_CMP, PR_EXPR, PR_BOR = PR_EXPR, PR_BXOR,
    PR_BAND, PR_SHIFT, PR_ARITH, PR_TERM, PR_FACTOR, PR_POWER, PR_AWAIT, PR_ATOM
};

typedef struct ubuf {
    char *p;
    size_t n, cap;
    ps_arena *arena;
    int err;            /* 1: out of memory, 2: object error set */
} ubuf;

static void put(ubuf *b, const char *s, size_t n)
{
    if (b->err)
        return;
    if (b->n + n + 1 > b->cap) {
        size_t nc = (b->cap ? b->cap * 2 : 64) + n;
        char *np = ps_arena_alloc(b->arena, nc);
        if (!np) {
            b->err = 1;
            return;
        }
        if (b->n)
            memcpy(np, b->p, b->n);
        b->p = np;
        b->cap = nc;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
}

static void puts_(ubuf *b, const char *s)
{
    put(b, s, strlen(s));
}

static void put_obj_str(ubuf *b, KnObject *s)
{
    kn_ssize_t n;
    const char *p = s ? ob_str_as_utf8(s, &n) : NULL;
    if (!p) {
        b->err = 2;
        return;
    }
    put(b, p, (size_t)n);
}

static void expr(ubuf *b, ps_expr *e, int level);

static void put_constant(ubuf *b, const ps_constant *k)
{
    if (k->kind == PS_CONST_ELLIPSIS) {
        puts_(b, "...");
        return;
    }
    if ((k->kind == PS_CONST_FLOAT || k->kind == PS_CONST_COMPLEX) && isinf(k->u.f)) {
        /* inf has no literal: CPython writes a float that overflows */
        puts_(b, k->kind == PS_CONST_COMPLEX ? "1e309j" : "1e309");
        return;
    }
    KnObject *v = jit_const_object(k);
    if (!v) {
        b->err = 2;
        return;
    }
    put_obj_str(b, ob_repr(v));
}

static void seq(ubuf *b, ps_expr_seq *s, int level)
{
    for (ptrdiff_t i = 0; i < PS_SEQ_LEN(s); i++) {
        if (i)
            puts_(b, ", ");
        expr(b, s->items[i], level);
    }
}

static void comprehensions(ubuf *b, ps_comprehension_seq *gens)
{
    for (ptrdiff_t i = 0; i < PS_SEQ_LEN(gens); i++) {
        ps_comprehension *g = gens->items[i];
        puts_(b, g->is_async ? " async for " : " for ");
        expr(b, g->target, PR_TUPLE);
        puts_(b, " in ");
        expr(b, g->iter, PR_TEST + 1);
        for (ptrdiff_t k = 0; k < PS_SEQ_LEN(g->ifs); k++) {
            puts_(b, " if ");
            expr(b, g->ifs->items[k], PR_TEST + 1);
        }
    }
}

static void arg(ubuf *b, ps_arg *a)
{
    puts_(b, a->arg);
    if (a->annotation) {
        puts_(b, ": ");
        expr(b, a->annotation, PR_TEST);
    }
}

static void arguments(ubuf *b, ps_arguments *a)
{
    int first = 1;
    ptrdiff_t npos = PS_SEQ_LEN(a->posonlyargs), nargs = PS_SEQ_LEN(a->args);
    ptrdiff_t ndef = PS_SEQ_LEN(a->defaults);
    for (ptrdiff_t i = 0; i < npos + nargs; i++) {
        if (!first)
            puts_(b, ", ");
        first = 0;
        arg(b, i < npos ? a->posonlyargs->items[i] : a->args->items[i - npos]);
        ptrdiff_t di = i - (npos + nargs - ndef);
        if (di >= 0) {
            puts_(b, "=");
            expr(b, a->defaults->items[di], PR_TEST);
        }
        if (i + 1 == npos)
            puts_(b, ", /");
    }
    if (a->vararg || PS_SEQ_LEN(a->kwonlyargs)) {
        if (!first)
            puts_(b, ", ");
        first = 0;
        puts_(b, "*");
        if (a->vararg)
            arg(b, a->vararg);
    }
    for (ptrdiff_t i = 0; i < PS_SEQ_LEN(a->kwonlyargs); i++) {
        puts_(b, ", ");
        arg(b, a->kwonlyargs->items[i]);
        ps_expr *d = PS_SEQ_LEN(a->kw_defaults) > i ? a->kw_defaults->items[i] : NULL;
        if (d) {
            puts_(b, "=");
            expr(b, d, PR_TEST);
        }
    }
    if (a->kwarg) {
        if (!first)
            puts_(b, ", ");
        puts_(b, "**");
        arg(b, a->kwarg);
    }
}

/* f-string bodies: literal text with braces doubled, replacement fields */
static void fstring_body(ubuf *b, ps_expr *e, int is_spec);

static void fstring_elem(ubuf *b, ps_expr *e, int is_spec)
{
    if (e->kind == PS_EXPR_Constant) {
        const char *s = e->v.Constant.value.u.s.data;
        size_t n = e->v.Constant.value.u.s.len;
        for (size_t i = 0; i < n; i++) {
            if (s[i] == '{')
                puts_(b, "{{");
            else if (s[i] == '}')
                puts_(b, "}}");
            else
                put(b, s + i, 1);
        }
        return;
    }
    if (e->kind == PS_EXPR_JoinedStr) {
        fstring_body(b, e, is_spec);
        return;
    }
    /* a replacement field */
    ubuf inner = {0};
    inner.arena = b->arena;
    expr(&inner, e->v.FormattedValue.value, PR_TEST + 1);
    if (inner.err) {
        b->err = inner.err;
        return;
    }
    puts_(b, inner.p && inner.p[0] == '{' ? "{ " : "{");
    if (inner.p)
        puts_(b, inner.p);
    int conv = e->v.FormattedValue.conversion;
    if (conv == 's' || conv == 'r' || conv == 'a') {
        char cv[3] = {'!', (char)conv, 0};
        puts_(b, cv);
    }
    if (e->v.FormattedValue.format_spec) {
        puts_(b, ":");
        fstring_elem(b, e->v.FormattedValue.format_spec, 1);
    }
    puts_(b, "}");
}

static void fstring_body(ubuf *b, ps_expr *e, int is_spec)
{
    for (ptrdiff_t i = 0; i < PS_SEQ_LEN(e->v.JoinedStr.values); i++)
        fstring_elem(b, e->v.JoinedStr.values->items[i], is_spec);
}

static void fstring(ubuf *b, ps_expr *e)
{
    ubuf body = {0};
    body.arena = b->arena;
    if (e->kind == PS_EXPR_JoinedStr)
        fstring_body(&body, e, 0);
    else
        fstring_elem(&body, e, 0);
    if (body.err) {
        b->err = body.err;
        return;
    }
    KnObject *s = ob_str_from_utf8(body.p ? body.p : "", (kn_ssize_t)body.n);
    puts_(b, "f");
    put_obj_str(b, s ? ob_repr(s) : NULL);
}

static const char *binop_str(ps_operator op, int *pr)
{
    switch (op) {
    case PS_Add: *pr = PR_ARITH; return " + ";
    case PS_Sub: *pr = PR_ARITH; return " - ";
    case PS_Mult: *pr = PR_TERM; return " * ";
    case PS_MatMult: *pr = PR_TERM; return " @ ";
    case PS_Div: *pr = PR_TERM; return " / ";
    case PS_Mod: *pr = PR_TERM; return " % ";
    case PS_FloorDiv: *pr = PR_TERM; return " // ";
    case PS_LShift: *pr = PR_SHIFT; return " << ";
    case PS_RShift: *pr = PR_SHIFT; return " >> ";
    case PS_BitOr: *pr = PR_BOR; return " | ";
    case PS_BitXor: *pr = PR_BXOR; return " ^ ";
    case PS_BitAnd: *pr = PR_BAND; return " & ";
    case PS_Pow: *pr = PR_POWER; return " ** ";
    }
    *pr = PR_ATOM;
    return " ? ";
}

static const char *cmp_str(ps_cmpop op)
{
    static const char *const s[] = {"", " == ", " != ", " < ", " <= ", " > ", " >= ",
                                    " is ", " is not ", " in ", " not in "};
    return op >= PS_Eq && op <= PS_NotIn ? s[op] : " ? ";
}

static void open_if(ubuf *b, int cond)
{
    if (cond)
        puts_(b, "(");
}

static void close_if(ubuf *b, int cond)
{
    if (cond)
        puts_(b, ")");
}

static void expr(ubuf *b, ps_expr *e, int level)
{
    int pr;
    switch (e->kind) {
    case PS_EXPR_BoolOp:
        pr = e->v.BoolOp.op == PS_And ? PR_AND : PR_OR;
        open_if(b, level > pr);
        for (ptrdiff_t i = 0; i < PS_SEQ_LEN(e->v.BoolOp.values); i++) {
            if (i)
                puts_(b, pr == PR_AND ? " and " : " or ");
            expr(b, e->v.BoolOp.values->items[i], pr + 1);
        }
        close_if(b, level > pr);
        return;
    case PS_EXPR_NamedExpr:
        open_if(b, level > PR_TUPLE);
        expr(b, e->v.NamedExpr.target, PR_ATOM);
        puts_(b, " := ");
        expr(b, e->v.NamedExpr.value, PR_ATOM);
        close_if(b, level > PR_TUPLE);
        return;
    case PS_EXPR_BinOp: {
        const char *op = binop_str(e->v.BinOp.op, &pr);
        int rassoc = e->v.BinOp.op == PS_Pow;
        open_if(b, level > pr);
        expr(b, e->v.BinOp.left, pr + rassoc);
        puts_(b, op);
        expr(b, e->v.BinOp.right, pr + !rassoc);
        close_if(b, level > pr);
        return;
    }
    case PS_EXPR_UnaryOp: {
        const char *op;
        switch (e->v.UnaryOp.op) {
        case PS_Not: op = "not "; pr = PR_NOT; break;
        case PS_Invert: op = "~"; pr = PR_FACTOR; break;
        case PS_UAdd: op = "+"; pr = PR_FACTOR; break;
        default: op = "-"; pr = PR_FACTOR; break;
        }
        open_if(b, level > pr);
        puts_(b, op);
        expr(b, e->v.UnaryOp.operand, pr);
        close_if(b, level > pr);
        return;
    }
    case PS_EXPR_Lambda: {
        ps_arguments *a = e->v.Lambda.args;
        open_if(b, level > PR_TEST);
        int has_args = PS_SEQ_LEN(a->args) || PS_SEQ_LEN(a->posonlyargs) || a->vararg ||
                       PS_SEQ_LEN(a->kwonlyargs) || a->kwarg;
        puts_(b, has_args ? "lambda " : "lambda");
        arguments(b, a);
        puts_(b, ": ");
        expr(b, e->v.Lambda.body, PR_TEST);
        close_if(b, level > PR_TEST);
        return;
    }
    case PS_EXPR_IfExp:
        open_if(b, level > PR_TEST);
        expr(b, e->v.IfExp.body, PR_TEST + 1);
        puts_(b, " if ");
        expr(b, e->v.IfExp.test, PR_TEST + 1);
        puts_(b, " else ");
        expr(b, e->v.IfExp.orelse, PR_TEST);
        close_if(b, level > PR_TEST);
        return;
    case PS_EXPR_Dict:
        puts_(b, "{");
        for (ptrdiff_t i = 0; i < PS_SEQ_LEN(e->v.Dict.values); i++) {
            if (i)
                puts_(b, ", ");
            ps_expr *k = e->v.Dict.keys->items[i];
            if (k) {
                expr(b, k, PR_TEST);
                puts_(b, ": ");
                expr(b, e->v.Dict.values->items[i], PR_TEST);
            } else {
                puts_(b, "**");
                expr(b, e->v.Dict.values->items[i], PR_EXPR);
            }
        }
        puts_(b, "}");
        return;
    case PS_EXPR_Set:
        if (!PS_SEQ_LEN(e->v.Set.elts)) {
            puts_(b, "{*()}");
            return;
        }
        puts_(b, "{");
        seq(b, e->v.Set.elts, PR_TEST);
        puts_(b, "}");
        return;
    case PS_EXPR_ListComp:
        puts_(b, "[");
        expr(b, e->v.ListComp.elt, PR_TEST);
        comprehensions(b, e->v.ListComp.generators);
        puts_(b, "]");
        return;
    case PS_EXPR_SetComp:
        puts_(b, "{");
        expr(b, e->v.SetComp.elt, PR_TEST);
        comprehensions(b, e->v.SetComp.generators);
        puts_(b, "}");
        return;
    case PS_EXPR_DictComp:
        puts_(b, "{");
        expr(b, e->v.DictComp.key, PR_TEST);
        puts_(b, ": ");
        expr(b, e->v.DictComp.value, PR_TEST);
        comprehensions(b, e->v.DictComp.generators);
        puts_(b, "}");
        return;
    case PS_EXPR_GeneratorExp:
        puts_(b, "(");
        expr(b, e->v.GeneratorExp.elt, PR_TEST);
        comprehensions(b, e->v.GeneratorExp.generators);
        puts_(b, ")");
        return;
    case PS_EXPR_Await:
        open_if(b, level > PR_AWAIT);
        puts_(b, "await ");
        expr(b, e->v.Await.value, PR_ATOM);
        close_if(b, level > PR_AWAIT);
        return;
    case PS_EXPR_Yield:
        if (!e->v.Yield.value) {
            puts_(b, "(yield)");
            return;
        }
        puts_(b, "(yield ");
        expr(b, e->v.Yield.value, PR_TEST);
        puts_(b, ")");
        return;
    case PS_EXPR_YieldFrom:
        puts_(b, "(yield from ");
        expr(b, e->v.YieldFrom.value, PR_TEST);
        puts_(b, ")");
        return;
    case PS_EXPR_Compare:
        open_if(b, level > PR_CMP);
        expr(b, e->v.Compare.left, PR_CMP + 1);
        for (ptrdiff_t i = 0; i < PS_SEQ_LEN(e->v.Compare.ops); i++) {
            puts_(b, cmp_str(e->v.Compare.ops->items[i]));
            expr(b, e->v.Compare.comparators->items[i], PR_CMP + 1);
        }
        close_if(b, level > PR_CMP);
        return;
    case PS_EXPR_Call: {
        expr(b, e->v.Call.func, PR_ATOM);
        ps_expr_seq *args = e->v.Call.args;
        ps_keyword_seq *kws = e->v.Call.keywords;
        if (PS_SEQ_LEN(args) == 1 && !PS_SEQ_LEN(kws) &&
            args->items[0]->kind == PS_EXPR_GeneratorExp) {
            expr(b, args->items[0], PR_TEST);    /* f(x for x in y) */
            return;
        }
        puts_(b, "(");
        int first = 1;
        for (ptrdiff_t i = 0; i < PS_SEQ_LEN(args); i++) {
            if (!first)
                puts_(b, ", ");
            first = 0;
            expr(b, args->items[i], PR_TEST);
        }
        for (ptrdiff_t i = 0; i < PS_SEQ_LEN(kws); i++) {
            if (!first)
                puts_(b, ", ");
            first = 0;
            if (kws->items[i]->arg) {
                puts_(b, kws->items[i]->arg);
                puts_(b, "=");
                expr(b, kws->items[i]->value, PR_TEST);
            } else {
                puts_(b, "**");
                expr(b, kws->items[i]->value, PR_EXPR);
            }
        }
        puts_(b, ")");
        return;
    }
    case PS_EXPR_FormattedValue:
    case PS_EXPR_JoinedStr:
        fstring(b, e);
        return;
    case PS_EXPR_Constant:
        if (e->v.Constant.kind != NULL && strcmp(e->v.Constant.kind, "u") == 0)
            puts_(b, "u");   /* u'...' keeps its prefix */
        put_constant(b, &e->v.Constant.value);
        return;
    case PS_EXPR_Attribute: {
        ps_expr *v = e->v.Attribute.value;
        expr(b, v, PR_ATOM);
        /* 1 .real: an int literal needs a space before the dot */
        int int_lit = v->kind == PS_EXPR_Constant && v->v.Constant.value.kind == PS_CONST_INT;
        puts_(b, int_lit ? " ." : ".");
        puts_(b, e->v.Attribute.attr);
        return;
    }
    case PS_EXPR_Subscript: {
        expr(b, e->v.Subscript.value, PR_ATOM);
        puts_(b, "[");
        ps_expr *sl = e->v.Subscript.slice;
        if (sl->kind == PS_EXPR_Tuple && PS_SEQ_LEN(sl->v.Tuple.elts)) {
            seq(b, sl->v.Tuple.elts, PR_TEST);
            if (PS_SEQ_LEN(sl->v.Tuple.elts) == 1)
                puts_(b, ",");
        } else {
            expr(b, sl, PR_TUPLE);
        }
        puts_(b, "]");
        return;
    }
    case PS_EXPR_Starred:
        puts_(b, "*");
        expr(b, e->v.Starred.value, PR_EXPR);
        return;
    case PS_EXPR_Name:
        puts_(b, e->v.Name.id);
        return;
    case PS_EXPR_List:
        puts_(b, "[");
        seq(b, e->v.List.elts, PR_TEST);
        puts_(b, "]");
        return;
    case PS_EXPR_Tuple: {
        ptrdiff_t n = PS_SEQ_LEN(e->v.Tuple.elts);
        if (!n) {
            puts_(b, "()");
            return;
        }
        open_if(b, level > PR_TUPLE);
        seq(b, e->v.Tuple.elts, PR_TEST);
        if (n == 1)
            puts_(b, ",");
        close_if(b, level > PR_TUPLE);
        return;
    }
    case PS_EXPR_Slice:
        if (e->v.Slice.lower)
            expr(b, e->v.Slice.lower, PR_TEST);
        puts_(b, ":");
        if (e->v.Slice.upper)
            expr(b, e->v.Slice.upper, PR_TEST);
        if (e->v.Slice.step) {
            puts_(b, ":");
            expr(b, e->v.Slice.step, PR_TEST);
        }
        return;
    }
}

/* The annotation string of `from __future__ import annotations`. */
KnObject *jit_c_annotation_string(jit_compiler *c, ps_expr *e)
{
    ubuf b = {0};
    b.arena = c->arena;
    expr(&b, e, PR_TEST);
    if (b.err == 1)
        return ob_err_nomemory();
    if (b.err)
        return NULL;
    return ob_str_decode_utf8(b.p ? b.p : "", (kn_ssize_t)b.n, "surrogatepass");
}
