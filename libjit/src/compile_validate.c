/* libjit/src/compile_validate.c — the checks compile() runs on a tree that
 * came from Python ast objects (jit_validate_mod) before compiling it.
 *
 * The parser never builds a tree these checks would refuse; a hand-made
 * ast tree can hold anything, so each node is checked against CPython
 * 3.11's rules: expression contexts (a Store target, a Load operand),
 * non-empty bodies and target lists, matching list lengths (Dict keys and
 * values, Compare ops and comparators, defaults), and the shapes of match
 * patterns.  Violations raise ValueError with CPython's messages (TypeError
 * for the one CPython words as such).  Constants were checked while the
 * objects were converted (stdlib/src/ast_module_reverse.c).  Deep trees
 * raise RecursionError through the recursion guard, never overflow. */
#include <string.h>

#include "compile.h"
#include "libobject/libobject.h"
#include "libobject/complex.h"

static int v_expr(ps_expr *e, ps_expr_context ctx);
static int v_stmts(ps_stmt_seq *seq);
static int v_pattern(ps_pattern *p, int star_ok);

/* ValueError with a printf-style message; evaluates to -1. */
#define fail(...) (ob_err_format(ob_exc_ValueError, __VA_ARGS__), -1)

static int nonempty(ptrdiff_t len, const char *what, const char *owner)
{
    return len > 0 ? 0 : fail("empty %s on %s", what, owner);
}

static const char *ctx_name(ps_expr_context ctx)
{
    return ctx == PS_Store ? "Store" : ctx == PS_Del ? "Del" : "Load";
}

/* Names the compiler would read as the constants they spell. */
static int v_name(const char *id)
{
    if (strcmp(id, "None") == 0 || strcmp(id, "True") == 0 || strcmp(id, "False") == 0)
        return fail("identifier field can't represent '%s' constant", id);
    return 0;
}

static int v_capture(const char *name)
{
    if (strcmp(name, "_") == 0)
        return fail("can't capture name '_' in patterns");
    return v_name(name);
}

/* A node's position range: lines in order, negative only as a whole
 * (the "no position" marker), columns in order on a one-line node. */
static int v_positions(int lineno, int col, int end_lineno, int end_col)
{
    if (lineno > end_lineno)
        return fail("AST node line range (%d, %d) is not valid", lineno, end_lineno);
    if ((lineno < 0 && end_lineno != lineno) || (col < 0 && col != end_col))
        return fail("AST node column range (%d, %d) for line range (%d, %d) is not valid", col,
                    end_col, lineno, end_lineno);
    if (lineno == end_lineno && col > end_col)
        return fail("line %d, column %d-%d is not a valid range", lineno, col, end_col);
    return 0;
}
#define V_POSITIONS(n) v_positions((n)->lineno, (n)->col_offset, (n)->end_lineno, \
                                   (n)->end_col_offset)

static int v_opt(ps_expr *e)
{
    return e == NULL ? 0 : v_expr(e, PS_Load);
}

static int v_exprs(ps_expr_seq *seq, ps_expr_context ctx, int null_ok)
{
    for (ptrdiff_t i = 0; i < PS_SEQ_LEN(seq); i++) {
        ps_expr *e = seq->items[i];
        if (e == NULL) {
            if (null_ok)
                continue;
            return fail("None disallowed in expression list");
        }
        if (v_expr(e, ctx) < 0)
            return -1;
    }
    return 0;
}

static int v_body(ps_stmt_seq *body, const char *owner)
{
    if (nonempty(PS_SEQ_LEN(body), "body", owner) < 0)
        return -1;
    return v_stmts(body);
}

static int v_args(ps_arg_seq *args)
{
    for (ptrdiff_t i = 0; i < PS_SEQ_LEN(args); i++)
        if (args->items[i] != NULL && v_opt(args->items[i]->annotation) < 0)
            return -1;
    return 0;
}

static int v_arguments(ps_arguments *a)
{
    if (v_args(a->posonlyargs) < 0 || v_args(a->args) < 0)
        return -1;
    if (a->vararg != NULL && v_opt(a->vararg->annotation) < 0)
        return -1;
    if (v_args(a->kwonlyargs) < 0)
        return -1;
    if (a->kwarg != NULL && v_opt(a->kwarg->annotation) < 0)
        return -1;
    if (PS_SEQ_LEN(a->defaults) > PS_SEQ_LEN(a->posonlyargs) + PS_SEQ_LEN(a->args))
        return fail("more positional defaults than args on arguments");
    if (PS_SEQ_LEN(a->kw_defaults) != PS_SEQ_LEN(a->kwonlyargs))
        return fail("length of kwonlyargs is not the same as kw_defaults on arguments");
    if (v_exprs(a->defaults, PS_Load, 0) < 0)
        return -1;
    return v_exprs(a->kw_defaults, PS_Load, 1);
}

static int v_keywords(ps_keyword_seq *kws)
{
    for (ptrdiff_t i = 0; i < PS_SEQ_LEN(kws); i++)
        if (kws->items[i] != NULL && v_expr(kws->items[i]->value, PS_Load) < 0)
            return -1;
    return 0;
}

static int v_comprehension(ps_comprehension_seq *gens)
{
    if (PS_SEQ_LEN(gens) == 0)
        return fail("comprehension with no generators");
    for (ptrdiff_t i = 0; i < gens->len; i++) {
        ps_comprehension *g = gens->items[i];
        if (g == NULL)
            return fail("None disallowed in comprehension list");
        if (v_expr(g->target, PS_Store) < 0 || v_expr(g->iter, PS_Load) < 0 ||
            v_exprs(g->ifs, PS_Load, 0) < 0)
            return -1;
    }
    return 0;
}

/* The context an expression carries, 0 for the kinds without one. */
static ps_expr_context expr_ctx(ps_expr *e)
{
    switch (e->kind) {
    case PS_EXPR_Attribute: return e->v.Attribute.ctx;
    case PS_EXPR_Subscript: return e->v.Subscript.ctx;
    case PS_EXPR_Starred: return e->v.Starred.ctx;
    case PS_EXPR_Name: return e->v.Name.ctx;
    case PS_EXPR_List: return e->v.List.ctx;
    case PS_EXPR_Tuple: return e->v.Tuple.ctx;
    default: return 0;
    }
}

static int v_expr_kind(ps_expr *e, ps_expr_context ctx)
{
    switch (e->kind) {
    case PS_EXPR_BoolOp:
        if (PS_SEQ_LEN(e->v.BoolOp.values) < 2)
            return fail("BoolOp with less than 2 values");
        return v_exprs(e->v.BoolOp.values, PS_Load, 0);
    case PS_EXPR_NamedExpr:
        return v_expr(e->v.NamedExpr.value, PS_Load);
    case PS_EXPR_BinOp:
        return v_expr(e->v.BinOp.left, PS_Load) < 0 ? -1 : v_expr(e->v.BinOp.right, PS_Load);
    case PS_EXPR_UnaryOp:
        return v_expr(e->v.UnaryOp.operand, PS_Load);
    case PS_EXPR_Lambda:
        return v_arguments(e->v.Lambda.args) < 0 ? -1 : v_expr(e->v.Lambda.body, PS_Load);
    case PS_EXPR_IfExp:
        if (v_expr(e->v.IfExp.test, PS_Load) < 0 || v_expr(e->v.IfExp.body, PS_Load) < 0)
            return -1;
        return v_expr(e->v.IfExp.orelse, PS_Load);
    case PS_EXPR_Dict:
        if (PS_SEQ_LEN(e->v.Dict.keys) != PS_SEQ_LEN(e->v.Dict.values))
            return fail("Dict doesn't have the same number of keys as values");
        /* a None key is a ** unpacking */
        if (v_exprs(e->v.Dict.keys, PS_Load, 1) < 0)
            return -1;
        return v_exprs(e->v.Dict.values, PS_Load, 0);
    case PS_EXPR_Set:
        return v_exprs(e->v.Set.elts, PS_Load, 0);
    case PS_EXPR_ListComp:
        if (v_comprehension(e->v.ListComp.generators) < 0)
            return -1;
        return v_expr(e->v.ListComp.elt, PS_Load);
    case PS_EXPR_SetComp:
        if (v_comprehension(e->v.SetComp.generators) < 0)
            return -1;
        return v_expr(e->v.SetComp.elt, PS_Load);
    case PS_EXPR_GeneratorExp:
        if (v_comprehension(e->v.GeneratorExp.generators) < 0)
            return -1;
        return v_expr(e->v.GeneratorExp.elt, PS_Load);
    case PS_EXPR_DictComp:
        if (v_comprehension(e->v.DictComp.generators) < 0 ||
            v_expr(e->v.DictComp.key, PS_Load) < 0)
            return -1;
        return v_expr(e->v.DictComp.value, PS_Load);
    case PS_EXPR_Yield:
        return v_opt(e->v.Yield.value);
    case PS_EXPR_YieldFrom:
        return v_expr(e->v.YieldFrom.value, PS_Load);
    case PS_EXPR_Await:
        return v_expr(e->v.Await.value, PS_Load);
    case PS_EXPR_Compare:
        if (PS_SEQ_LEN(e->v.Compare.comparators) == 0)
            return fail("Compare with no comparators");
        if (PS_SEQ_LEN(e->v.Compare.comparators) != PS_SEQ_LEN(e->v.Compare.ops))
            return fail("Compare has a different number of comparators and operands");
        if (v_exprs(e->v.Compare.comparators, PS_Load, 0) < 0)
            return -1;
        return v_expr(e->v.Compare.left, PS_Load);
    case PS_EXPR_Call:
        if (v_expr(e->v.Call.func, PS_Load) < 0 || v_exprs(e->v.Call.args, PS_Load, 0) < 0)
            return -1;
        return v_keywords(e->v.Call.keywords);
    case PS_EXPR_Constant:
        return 0;   /* checked during the conversion */
    case PS_EXPR_JoinedStr:
        return v_exprs(e->v.JoinedStr.values, PS_Load, 0);
    case PS_EXPR_FormattedValue:
        if (v_expr(e->v.FormattedValue.value, PS_Load) < 0)
            return -1;
        return v_opt(e->v.FormattedValue.format_spec);
    case PS_EXPR_Attribute:
        return v_expr(e->v.Attribute.value, PS_Load);
    case PS_EXPR_Subscript:
        if (v_expr(e->v.Subscript.slice, PS_Load) < 0)
            return -1;
        return v_expr(e->v.Subscript.value, PS_Load);
    case PS_EXPR_Starred:
        return v_expr(e->v.Starred.value, ctx);
    case PS_EXPR_Slice:
        if (v_opt(e->v.Slice.lower) < 0 || v_opt(e->v.Slice.upper) < 0)
            return -1;
        return v_opt(e->v.Slice.step);
    case PS_EXPR_List:
        return v_exprs(e->v.List.elts, ctx, 0);
    case PS_EXPR_Tuple:
        return v_exprs(e->v.Tuple.elts, ctx, 0);
    case PS_EXPR_Name:
        return v_name(e->v.Name.id);
    }
    ob_err_set_string(ob_exc_SystemError, "unexpected expression");
    return -1;
}

static int v_expr(ps_expr *e, ps_expr_context ctx)
{
    if (e == NULL)
        return fail("None disallowed in expression");
    if (V_POSITIONS(e) < 0)
        return -1;
    ps_expr_context actual = expr_ctx(e);
    if (actual != 0 && actual != ctx) {
        ob_err_format(ob_exc_ValueError, "expression must have %s context but has %s instead",
                      ctx_name(ctx), ctx_name(actual));
        return -1;
    }
    if (actual == 0 && ctx != PS_Load)
        return fail("expression which can't be assigned to in %s context", ctx_name(ctx));
    if (ob_enter_recursive_call(" during compilation") < 0)
        return -1;
    int r = v_expr_kind(e, ctx);
    ob_leave_recursive_call();
    return r;
}

/* ---- patterns ---- */

static int is_number_object(KnObject *o)
{
    return KN_INT_CHECK_EXACT(o) || KN_FLOAT_CHECK_EXACT(o) || KN_COMPLEX_CHECK_EXACT(o);
}

static int v_match_value(ps_expr *e)
{
    if (v_expr(e, PS_Load) < 0)
        return -1;
    switch (e->kind) {
    case PS_EXPR_Constant:
        switch (e->v.Constant.value.kind) {
        case PS_CONST_INT: case PS_CONST_FLOAT: case PS_CONST_COMPLEX: case PS_CONST_STR:
        case PS_CONST_BYTES:
            return 0;
        case PS_CONST_OBJECT:
            if (is_number_object((KnObject *)e->v.Constant.value.u.obj))
                return 0;
            break;
        default:
            break;
        }
        return fail("unexpected constant inside of a literal pattern");
    case PS_EXPR_Attribute:
    case PS_EXPR_JoinedStr:
        return 0;
    case PS_EXPR_UnaryOp:
        if (e->v.UnaryOp.op == PS_USub)
            return 0;
        break;
    case PS_EXPR_BinOp:
        if (e->v.BinOp.op == PS_Add || e->v.BinOp.op == PS_Sub)
            return 0;
        break;
    default:
        break;
    }
    return fail("patterns may only match literals and attribute lookups");
}

static int v_patterns(ps_pattern_seq *ps, int star_ok)
{
    for (ptrdiff_t i = 0; i < PS_SEQ_LEN(ps); i++)
        if (v_pattern(ps->items[i], star_ok) < 0)
            return -1;
    return 0;
}

static int v_mapping(ps_pattern *p)
{
    ps_expr_seq *keys = p->v.MatchMapping.keys;
    if (PS_SEQ_LEN(keys) != PS_SEQ_LEN(p->v.MatchMapping.patterns))
        return fail("MatchMapping doesn't have the same number of keys as patterns");
    if (p->v.MatchMapping.rest != NULL && v_capture(p->v.MatchMapping.rest) < 0)
        return -1;
    for (ptrdiff_t i = 0; i < PS_SEQ_LEN(keys); i++) {
        ps_expr *k = keys->items[i];
        if (k != NULL && k->kind == PS_EXPR_Constant) {
            ps_const_kind ck = k->v.Constant.value.kind;
            /* None, True and False are valid keys, though not values */
            if (ck == PS_CONST_NONE || ck == PS_CONST_TRUE || ck == PS_CONST_FALSE)
                continue;
        }
        if (v_match_value(k) < 0)
            return -1;
    }
    return v_patterns(p->v.MatchMapping.patterns, 0);
}

static int v_class(ps_pattern *p)
{
    if (v_expr(p->v.MatchClass.cls, PS_Load) < 0)
        return -1;
    for (ps_expr *cls = p->v.MatchClass.cls; cls->kind != PS_EXPR_Name;
         cls = cls->v.Attribute.value) {
        if (cls->kind != PS_EXPR_Attribute)
            return fail("MatchClass cls field can only contain Name or Attribute nodes.");
    }
    ps_identifier_seq *attrs = p->v.MatchClass.kwd_attrs;
    for (ptrdiff_t i = 0; i < PS_SEQ_LEN(attrs); i++)
        if (attrs->items[i] != NULL && v_name(attrs->items[i]) < 0)
            return -1;
    if (PS_SEQ_LEN(attrs) != PS_SEQ_LEN(p->v.MatchClass.kwd_patterns))
        return fail("MatchClass doesn't have the same number of keyword attributes as "
                    "patterns");
    if (v_patterns(p->v.MatchClass.patterns, 0) < 0)
        return -1;
    return v_patterns(p->v.MatchClass.kwd_patterns, 0);
}

static int v_pattern_kind(ps_pattern *p, int star_ok)
{
    switch (p->kind) {
    case PS_PATTERN_MatchValue:
        return v_match_value(p->v.MatchValue.value);
    case PS_PATTERN_MatchSingleton: {
        ps_const_kind k = p->v.MatchSingleton.value.kind;
        if (k == PS_CONST_NONE || k == PS_CONST_TRUE || k == PS_CONST_FALSE)
            return 0;
        return fail("MatchSingleton can only contain True, False and None");
    }
    case PS_PATTERN_MatchSequence:
        return v_patterns(p->v.MatchSequence.patterns, 1);
    case PS_PATTERN_MatchMapping:
        return v_mapping(p);
    case PS_PATTERN_MatchClass:
        return v_class(p);
    case PS_PATTERN_MatchStar:
        if (!star_ok)
            return fail("can't use MatchStar here");
        return p->v.MatchStar.name != NULL ? v_capture(p->v.MatchStar.name) : 0;
    case PS_PATTERN_MatchAs:
        if (p->v.MatchAs.name != NULL && v_capture(p->v.MatchAs.name) < 0)
            return -1;
        if (p->v.MatchAs.pattern == NULL)
            return 0;
        if (p->v.MatchAs.name == NULL)
            return fail("MatchAs must specify a target name if a pattern is given");
        return v_pattern(p->v.MatchAs.pattern, 0);
    case PS_PATTERN_MatchOr:
        if (PS_SEQ_LEN(p->v.MatchOr.patterns) < 2)
            return fail("MatchOr requires at least 2 patterns");
        return v_patterns(p->v.MatchOr.patterns, 0);
    }
    ob_err_set_string(ob_exc_SystemError, "unexpected pattern");
    return -1;
}

static int v_pattern(ps_pattern *p, int star_ok)
{
    if (p == NULL)
        return fail("None disallowed in pattern list");
    if (V_POSITIONS(p) < 0)
        return -1;
    if (ob_enter_recursive_call(" during compilation") < 0)
        return -1;
    int r = v_pattern_kind(p, star_ok);
    ob_leave_recursive_call();
    return r;
}

/* ---- statements ---- */

static int v_targets(ps_expr_seq *targets, ps_expr_context ctx)
{
    if (nonempty(PS_SEQ_LEN(targets), "targets", ctx == PS_Del ? "Delete" : "Assign") < 0)
        return -1;
    return v_exprs(targets, ctx, 0);
}

static int v_try(ps_stmt_seq *body, ps_excepthandler_seq *handlers, ps_stmt_seq *orelse,
                 ps_stmt_seq *finalbody, const char *owner)
{
    if (v_body(body, owner) < 0)
        return -1;
    if (PS_SEQ_LEN(handlers) == 0 && PS_SEQ_LEN(finalbody) == 0)
        return fail("%s has neither except handlers nor finalbody", owner);
    if (PS_SEQ_LEN(handlers) == 0 && PS_SEQ_LEN(orelse) != 0)
        return fail("%s has orelse but no except handlers", owner);
    for (ptrdiff_t i = 0; i < PS_SEQ_LEN(handlers); i++) {
        ps_excepthandler *h = handlers->items[i];
        if (h == NULL)
            return fail("None disallowed in excepthandler list");
        if (v_opt(h->v.ExceptHandler.type) < 0 ||
            v_body(h->v.ExceptHandler.body, "ExceptHandler") < 0)
            return -1;
    }
    if (v_stmts(finalbody) < 0)
        return -1;
    return v_stmts(orelse);
}

static int v_with(ps_withitem_seq *items, ps_stmt_seq *body, const char *owner)
{
    if (nonempty(PS_SEQ_LEN(items), "items", owner) < 0)
        return -1;
    for (ptrdiff_t i = 0; i < items->len; i++) {
        ps_withitem *w = items->items[i];
        if (w == NULL)
            return fail("None disallowed in withitem list");
        if (v_expr(w->context_expr, PS_Load) < 0)
            return -1;
        if (w->optional_vars != NULL && v_expr(w->optional_vars, PS_Store) < 0)
            return -1;
    }
    return v_body(body, owner);
}

static int v_match(ps_stmt *s)
{
    if (v_expr(s->v.Match.subject, PS_Load) < 0 ||
        nonempty(PS_SEQ_LEN(s->v.Match.cases), "cases", "Match") < 0)
        return -1;
    for (ptrdiff_t i = 0; i < s->v.Match.cases->len; i++) {
        ps_match_case *mc = s->v.Match.cases->items[i];
        if (mc == NULL)
            return fail("None disallowed in match_case list");
        if (v_pattern(mc->pattern, 0) < 0 || v_opt(mc->guard) < 0 ||
            v_body(mc->body, "match_case") < 0)
            return -1;
    }
    return 0;
}

static int v_funcdef(ps_stmt *s, const char *owner)
{
    /* FunctionDef and AsyncFunctionDef share their layout */
    if (v_body(s->v.FunctionDef.body, owner) < 0 || v_arguments(s->v.FunctionDef.args) < 0 ||
        v_exprs(s->v.FunctionDef.decorator_list, PS_Load, 0) < 0)
        return -1;
    return v_opt(s->v.FunctionDef.returns);
}

static int v_loop(ps_expr *target, ps_expr *iter, ps_stmt_seq *body, ps_stmt_seq *orelse,
                  const char *owner)
{
    if (v_expr(target, PS_Store) < 0 || v_expr(iter, PS_Load) < 0 || v_body(body, owner) < 0)
        return -1;
    return v_stmts(orelse);
}

static int v_stmt_kind(ps_stmt *s)
{
    switch (s->kind) {
    case PS_STMT_FunctionDef:
        return v_funcdef(s, "FunctionDef");
    case PS_STMT_AsyncFunctionDef:
        return v_funcdef(s, "AsyncFunctionDef");
    case PS_STMT_ClassDef:
        if (v_body(s->v.ClassDef.body, "ClassDef") < 0 ||
            v_exprs(s->v.ClassDef.bases, PS_Load, 0) < 0 || v_keywords(s->v.ClassDef.keywords) < 0)
            return -1;
        return v_exprs(s->v.ClassDef.decorator_list, PS_Load, 0);
    case PS_STMT_Return:
        return v_opt(s->v.Return.value);
    case PS_STMT_Delete:
        return v_targets(s->v.Delete.targets, PS_Del);
    case PS_STMT_Assign:
        if (v_targets(s->v.Assign.targets, PS_Store) < 0)
            return -1;
        return v_expr(s->v.Assign.value, PS_Load);
    case PS_STMT_AugAssign:
        if (v_expr(s->v.AugAssign.target, PS_Store) < 0)
            return -1;
        return v_expr(s->v.AugAssign.value, PS_Load);
    case PS_STMT_AnnAssign:
        if (s->v.AnnAssign.simple && s->v.AnnAssign.target != NULL &&
            s->v.AnnAssign.target->kind != PS_EXPR_Name) {
            ob_err_set_string(ob_exc_TypeError, "AnnAssign with simple non-Name target");
            return -1;
        }
        if (v_expr(s->v.AnnAssign.target, PS_Store) < 0 || v_opt(s->v.AnnAssign.value) < 0)
            return -1;
        return v_expr(s->v.AnnAssign.annotation, PS_Load);
    case PS_STMT_For:
        return v_loop(s->v.For.target, s->v.For.iter, s->v.For.body, s->v.For.orelse, "For");
    case PS_STMT_AsyncFor:
        return v_loop(s->v.AsyncFor.target, s->v.AsyncFor.iter, s->v.AsyncFor.body,
                      s->v.AsyncFor.orelse, "AsyncFor");
    case PS_STMT_While:
        if (v_expr(s->v.While.test, PS_Load) < 0 || v_body(s->v.While.body, "While") < 0)
            return -1;
        return v_stmts(s->v.While.orelse);
    case PS_STMT_If:
        if (v_expr(s->v.If.test, PS_Load) < 0 || v_body(s->v.If.body, "If") < 0)
            return -1;
        return v_stmts(s->v.If.orelse);
    case PS_STMT_With:
        return v_with(s->v.With.items, s->v.With.body, "With");
    case PS_STMT_AsyncWith:
        return v_with(s->v.AsyncWith.items, s->v.AsyncWith.body, "AsyncWith");
    case PS_STMT_Match:
        return v_match(s);
    case PS_STMT_Raise:
        if (s->v.Raise.exc == NULL) {
            if (s->v.Raise.cause != NULL)
                return fail("Raise with cause but no exception");
            return 0;
        }
        if (v_expr(s->v.Raise.exc, PS_Load) < 0)
            return -1;
        return v_opt(s->v.Raise.cause);
    case PS_STMT_Try:
        return v_try(s->v.Try.body, s->v.Try.handlers, s->v.Try.orelse, s->v.Try.finalbody,
                     "Try");
    case PS_STMT_TryStar:
        return v_try(s->v.TryStar.body, s->v.TryStar.handlers, s->v.TryStar.orelse,
                     s->v.TryStar.finalbody, "TryStar");
    case PS_STMT_Assert:
        if (v_expr(s->v.Assert.test, PS_Load) < 0)
            return -1;
        return v_opt(s->v.Assert.msg);
    case PS_STMT_Import:
        return nonempty(PS_SEQ_LEN(s->v.Import.names), "names", "Import");
    case PS_STMT_ImportFrom:
        if (s->v.ImportFrom.level < 0)
            return fail("Negative ImportFrom level");
        return nonempty(PS_SEQ_LEN(s->v.ImportFrom.names), "names", "ImportFrom");
    case PS_STMT_Global:
        return nonempty(PS_SEQ_LEN(s->v.Global.names), "names", "Global");
    case PS_STMT_Nonlocal:
        return nonempty(PS_SEQ_LEN(s->v.Nonlocal.names), "names", "Nonlocal");
    case PS_STMT_Expr:
        return v_expr(s->v.Expr.value, PS_Load);
    case PS_STMT_Pass:
    case PS_STMT_Break:
    case PS_STMT_Continue:
        return 0;
    }
    ob_err_set_string(ob_exc_SystemError, "unexpected statement");
    return -1;
}

static int v_stmts(ps_stmt_seq *seq)
{
    for (ptrdiff_t i = 0; i < PS_SEQ_LEN(seq); i++) {
        ps_stmt *s = seq->items[i];
        if (s == NULL)
            return fail("None disallowed in statement list");
        if (V_POSITIONS(s) < 0)
            return -1;
        if (ob_enter_recursive_call(" during compilation") < 0)
            return -1;
        int r = v_stmt_kind(s);
        ob_leave_recursive_call();
        if (r < 0)
            return -1;
    }
    return 0;
}

int jit_validate_mod(ps_mod *mod)
{
    switch (mod->kind) {
    case PS_MOD_Module:
        return v_stmts(mod->v.Module.body);
    case PS_MOD_Interactive:
        return v_stmts(mod->v.Interactive.body);
    case PS_MOD_Expression:
        return v_expr(mod->v.Expression.body, PS_Load);
    case PS_MOD_FunctionType:
        if (v_exprs(mod->v.FunctionType.argtypes, PS_Load, 0) < 0)
            return -1;
        return v_expr(mod->v.FunctionType.returns, PS_Load);
    }
    ob_err_set_string(ob_exc_SystemError, "impossible module node");
    return -1;
}
