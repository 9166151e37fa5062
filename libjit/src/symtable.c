/* libjit/src/symtable.c — scopes of a module: build (one AST walk) and
 * analysis (each name gets local / global / free / cell).  See symtable.h
 * and NOTES-compiler.md ("Scopes").
 *
 * Errors: the walk stops at the first SyntaxError; every visitor returns 0
 * on success and -1 with st->err filled. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compile.h"
#include "libobject/libobject.h"
#include "symtable.h"

typedef struct st_state {
    int depth;                   /* AST nesting, bounded like CPython's */
    jit_symtable *st;
    jit_ste *cur;
    ps_arena *arena;
    ps_error *err;
    int flags;
} st_state;

/* ---- errors ---- */

int jit_syntax_error(ps_error *err, const char *src, size_t srclen, int lineno,
                     int col, int end_lineno, int end_col, const char *fmt, ...)
{
    char msg[PS_ERROR_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    const char *line = NULL;
    size_t linelen = 0;
    if (src && lineno > 0) {
        const char *p = src, *end = src + srclen;
        for (int l = 1; l < lineno && p < end; l++) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            p = nl ? nl + 1 : end;
        }
        if (p < end) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            line = p;
            linelen = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
        }
    }
    ps_error_set(err, PS_ERR_SYNTAX, lineno, col, end_lineno, end_col, line, linelen,
                 "%s", msg);
    return -1;
}

#define SERR(s, node, ...)                                                        \
    jit_syntax_error((s)->err, (s)->st->src, (s)->st->srclen, (node)->lineno,     \
                     (node)->col_offset, (node)->end_lineno, (node)->end_col_offset, \
                     __VA_ARGS__)

/* CPython bounds the symbol-table walk at 3 x the recursion limit (1000)
 * and raises RecursionError; the compiler's own recursion follows the same
 * tree, so this bound protects both. */
#define ST_MAX_DEPTH 3000

static int too_deep(st_state *s)
{
    ob_err_set_string(ob_exc_RecursionError,
                      "maximum recursion depth exceeded during compilation");
    s->err->kind = PS_ERR_NONE;
    strcpy(s->err->msg, "\x01");    /* the exception is set (compile.c) */
    return -1;
}

static int nomem(st_state *s)
{
    ps_error_nomem(s->err);
    return -1;
}

/* ---- mangling ---- */

const char *jit_mangle(const char *private_name, const char *name, ps_arena *arena)
{
    if (!private_name || name[0] != '_' || name[1] != '_')
        return name;
    size_t n = strlen(name);
    if (name[n - 1] == '_' && name[n - 2] == '_')
        return name;                       /* __dunder__ (and "__" itself) */
    if (strchr(name, '.'))
        return name;                       /* dotted import name */
    const char *p = private_name;
    while (*p == '_')
        p++;
    if (!*p)
        return name;                       /* class named only with underscores */
    size_t pl = strlen(p);
    char *out = ps_arena_alloc(arena, 1 + pl + n + 1);
    if (!out)
        return NULL;
    out[0] = '_';
    memcpy(out + 1, p, pl);
    memcpy(out + 1 + pl, name, n + 1);
    return out;
}

/* ---- scope entries ---- */

static jit_ste *ste_new(st_state *s, jit_block_type type, const char *name, const void *key,
                        int lineno, int col)
{
    jit_ste *e = ps_arena_alloc(s->arena, sizeof *e);
    if (!e)
        return NULL;
    e->type = type;
    e->name = name;
    e->key = key;
    e->parent = s->cur;
    e->lineno = lineno;
    e->col_offset = col;
    if (s->cur) {
        jit_ste *p = s->cur;
        if (p->nchildren == p->childcap) {
            int nc = p->childcap ? p->childcap * 2 : 4;
            jit_ste **c = ps_arena_alloc(s->arena, sizeof(*c) * (size_t)nc);
            if (!c)
                return NULL;
            if (p->nchildren)
                memcpy(c, p->children, sizeof(*c) * (size_t)p->nchildren);
            p->children = c;
            p->childcap = nc;
        }
        p->children[p->nchildren++] = e;
        e->private_name = p->private_name;
        if (p->is_nested || p->type == JIT_BLOCK_FUNCTION)
            e->is_nested = 1;
        /* a scope inside a comprehension's iterable (a lambda, a nested
         * comprehension) is part of that iterable for := */
        e->comp_iter_expr = p->comp_iter_expr;
    }
    return e;
}

jit_ste *jit_ste_child(jit_ste *ste, const void *key)
{
    for (int i = 0; i < ste->nchildren; i++)
        if (ste->children[i]->key == key)
            return ste->children[i];
    return NULL;
}

int jit_ste_flags(const jit_ste *ste, const char *name)
{
    int i = jit_strmap_find(&ste->symbols, name);
    return i < 0 ? 0 : ste->symbols.vals[i];
}

jit_scope jit_ste_scope(const jit_ste *ste, const char *name)
{
    int i = jit_strmap_find(&ste->symbols, name);
    if (i < 0 || !ste->scopes)
        return JIT_SCOPE_NONE;
    return (jit_scope)ste->scopes[i];
}

static int add_def_in(st_state *s, jit_ste *e, const char *name, int flag)
{
    const char *m = jit_mangle(e->private_name, name, s->arena);
    if (!m)
        return nomem(s);
    int i = jit_strmap_find(&e->symbols, m);
    if (i < 0) {
        i = jit_strmap_add(&e->symbols, m, 0, s->arena);
        if (i < 0)
            return nomem(s);
    }
    e->symbols.vals[i] |= flag;
    /* As CPython, a global declaration anywhere also marks the module's
     * own symbol: module-level code then binds the name in globals even
     * when exec() gives it separate locals. */
    jit_ste *top = s->st->top;
    if ((flag & JIT_DEF_GLOBAL) && top != NULL && e != top &&
        add_def_in(s, top, m, JIT_DEF_GLOBAL) < 0)
        return -1;
    return i;
}

static int add_def(st_state *s, const char *name, int flag)
{
    return add_def_in(s, s->cur, name, flag) < 0 ? -1 : 0;
}

static int add_param(st_state *s, ps_arg *a)
{
    jit_ste *e = s->cur;
    const char *m = jit_mangle(e->private_name, a->arg, s->arena);
    if (!m)
        return nomem(s);
    if (jit_strmap_find(&e->symbols, m) >= 0 && (jit_ste_flags(e, m) & JIT_DEF_PARAM))
        return SERR(s, a, "duplicate argument '%s' in function definition", a->arg);
    if (add_def(s, a->arg, JIT_DEF_PARAM) < 0)
        return -1;
    if (e->nparams == e->paramcap) {
        int nc = e->paramcap ? e->paramcap * 2 : 8;
        const char **p = ps_arena_alloc(s->arena, sizeof(*p) * (size_t)nc);
        if (!p)
            return nomem(s);
        if (e->nparams)
            memcpy(p, e->params, sizeof(*p) * (size_t)e->nparams);
        e->params = p;
        e->paramcap = nc;
    }
    e->params[e->nparams++] = m;
    return 0;
}

/* ---- the walk ---- */

static int visit_stmts(st_state *s, ps_stmt_seq *seq);
static int visit_stmt(st_state *s, ps_stmt *st);
static int visit_expr(st_state *s, ps_expr *e);
static int visit_pattern(st_state *s, ps_pattern *p);

static int visit_exprs(st_state *s, ps_expr_seq *seq)
{
    for (ptrdiff_t i = 0; i < PS_SEQ_LEN(seq); i++)
        if (seq->items[i] && visit_expr(s, seq->items[i]) < 0)
            return -1;
    return 0;
}

static int visit_annotation(st_state *s, ps_expr *ann)
{
    if (!ann)
        return 0;
    int future = (s->st->future & JIT_FUTURE_ANNOTATIONS) != 0;
    unsigned saved = s->cur->in_annotation;
    if (future)
        s->cur->in_annotation = 1;
    int r = visit_expr(s, ann);
    s->cur->in_annotation = saved;
    return r;
}

static int visit_argannotations(st_state *s, ps_arg_seq *args)
{
    for (ptrdiff_t i = 0; i < PS_SEQ_LEN(args); i++)
        if (visit_annotation(s, args->items[i]->annotation) < 0)
            return -1;
    return 0;
}

static int visit_annotations(st_state *s, ps_arguments *a, ps_expr *returns)
{
    if (visit_argannotations(s, a->posonlyargs) < 0 || visit_argannotations(s, a->args) < 0)
        return -1;
    if (a->vararg && visit_annotation(s, a->vararg->annotation) < 0)
        return -1;
    if (a->kwarg && visit_annotation(s, a->kwarg->annotation) < 0)
        return -1;
    if (visit_argannotations(s, a->kwonlyargs) < 0)
        return -1;
    return visit_annotation(s, returns);
}

static int visit_params(st_state *s, ps_arguments *a)
{
    for (ptrdiff_t i = 0; i < PS_SEQ_LEN(a->posonlyargs); i++)
        if (add_param(s, a->posonlyargs->items[i]) < 0)
            return -1;
    for (ptrdiff_t i = 0; i < PS_SEQ_LEN(a->args); i++)
        if (add_param(s, a->args->items[i]) < 0)
            return -1;
    for (ptrdiff_t i = 0; i < PS_SEQ_LEN(a->kwonlyargs); i++)
        if (add_param(s, a->kwonlyargs->items[i]) < 0)
            return -1;
    if (a->vararg) {
        if (add_param(s, a->vararg) < 0)
            return -1;
        s->cur->has_varargs = 1;
    }
    if (a->kwarg) {
        if (add_param(s, a->kwarg) < 0)
            return -1;
        s->cur->has_varkeywords = 1;
    }
    return 0;
}

static int visit_function(st_state *s, ps_stmt *st, const char *name, ps_arguments *args,
                          ps_stmt_seq *body, ps_expr_seq *decos, ps_expr *returns,
                          int is_async)
{
    if (add_def(s, name, JIT_DEF_LOCAL) < 0)
        return -1;
    if (visit_exprs(s, args->defaults) < 0 || visit_exprs(s, args->kw_defaults) < 0)
        return -1;
    if (visit_annotations(s, args, returns) < 0)
        return -1;
    if (visit_exprs(s, decos) < 0)
        return -1;
    jit_ste *e = ste_new(s, JIT_BLOCK_FUNCTION, name, st, st->lineno, st->col_offset);
    if (!e)
        return nomem(s);
    e->is_coroutine = is_async;
    s->cur = e;
    if (visit_params(s, args) < 0 || visit_stmts(s, body) < 0)
        return -1;
    s->cur = e->parent;
    return 0;
}

static int set_decl_loc(st_state *s, int idx, ps_stmt *st)
{
    jit_ste *e = s->cur;
    /* stored in a small side map: symbol index -> location; rebuilt lazily */
    int need = e->symbols.len;
    int *loc = e->decl_loc;
    int have = loc ? loc[0] : 0;
    if (have < need) {
        int ncap = need * 2 + 8;
        int *nl = ps_arena_alloc(s->arena, sizeof(int) * (size_t)(1 + 4 * ncap));
        if (!nl)
            return nomem(s);
        if (loc)
            memcpy(nl + 1, loc + 1, sizeof(int) * (size_t)(4 * have));
        nl[0] = ncap;
        e->decl_loc = loc = nl;
    }
    int *p = loc + 1 + 4 * idx;
    if (p[0] == 0) {
        p[0] = st->lineno;
        p[1] = st->col_offset;
        p[2] = st->end_lineno;
        p[3] = st->end_col_offset;
    }
    return 0;
}

static int visit_global_nonlocal(st_state *s, ps_stmt *st, int nonlocal)
{
    ps_identifier_seq *names = nonlocal ? st->v.Nonlocal.names : st->v.Global.names;
    const char *what = nonlocal ? "nonlocal" : "global";
    if (nonlocal && s->cur->type == JIT_BLOCK_MODULE)
        return SERR(s, st, "nonlocal declaration not allowed at module level");
    for (ptrdiff_t i = 0; i < PS_SEQ_LEN(names); i++) {
        const char *name = names->items[i];
        const char *m = jit_mangle(s->cur->private_name, name, s->arena);
        if (!m)
            return nomem(s);
        int cur = jit_ste_flags(s->cur, m);
        if (cur & (JIT_DEF_PARAM | JIT_DEF_LOCAL | JIT_USE | JIT_DEF_ANNOT)) {
            if (cur & JIT_DEF_PARAM)
                return SERR(s, st, "name '%s' is parameter and %s", name, what);
            if (cur & JIT_USE)
                return SERR(s, st, "name '%s' is used prior to %s declaration", name, what);
            if (cur & JIT_DEF_ANNOT)
                return SERR(s, st, "annotated name '%s' can't be %s", name, what);
            return SERR(s, st, "name '%s' is assigned to before %s declaration", name, what);
        }
        int idx = add_def_in(s, s->cur, name, nonlocal ? JIT_DEF_NONLOCAL : JIT_DEF_GLOBAL);
        if (idx < 0 || set_decl_loc(s, idx, st) < 0)
            return -1;
    }
    return 0;
}

static int visit_alias(st_state *s, ps_alias *a, ps_stmt *st)
{
    const char *name = a->asname ? a->asname : a->name;
    if (strcmp(name, "*") == 0) {
        if (s->cur->type != JIT_BLOCK_MODULE)
            return SERR(s, a, "import * only allowed at module level");
        return 0;
    }
    if (!a->asname) {
        const char *dot = strchr(name, '.');
        if (dot) {
            char *first = ps_arena_strndup(s->arena, name, (size_t)(dot - name));
            if (!first)
                return nomem(s);
            name = first;
        }
    }
    (void)st;
    return add_def(s, name, JIT_DEF_IMPORT);
}

static int visit_stmts(st_state *s, ps_stmt_seq *seq)
{
    for (ptrdiff_t i = 0; i < PS_SEQ_LEN(seq); i++)
        if (visit_stmt(s, seq->items[i]) < 0)
            return -1;
    return 0;
}

static int visit_withitems(st_state *s, ps_withitem_seq *items)
{
    for (ptrdiff_t i = 0; i < PS_SEQ_LEN(items); i++) {
        if (visit_expr(s, items->items[i]->context_expr) < 0)
            return -1;
        if (items->items[i]->optional_vars && visit_expr(s, items->items[i]->optional_vars) < 0)
            return -1;
    }
    return 0;
}

static int visit_handlers(st_state *s, ps_excepthandler_seq *hs)
{
    for (ptrdiff_t i = 0; i < PS_SEQ_LEN(hs); i++) {
        ps_excepthandler *h = hs->items[i];
        if (h->v.ExceptHandler.type && visit_expr(s, h->v.ExceptHandler.type) < 0)
            return -1;
        if (h->v.ExceptHandler.name && add_def(s, h->v.ExceptHandler.name, JIT_DEF_LOCAL) < 0)
            return -1;
        if (visit_stmts(s, h->v.ExceptHandler.body) < 0)
            return -1;
    }
    return 0;
}

static int visit_stmt1(st_state *s, ps_stmt *st)
{
    switch (st->kind) {
    case PS_STMT_FunctionDef:
        return visit_function(s, st, st->v.FunctionDef.name, st->v.FunctionDef.args,
                              st->v.FunctionDef.body, st->v.FunctionDef.decorator_list,
                              st->v.FunctionDef.returns, 0);
    case PS_STMT_AsyncFunctionDef:
        return visit_function(s, st, st->v.AsyncFunctionDef.name, st->v.AsyncFunctionDef.args,
                              st->v.AsyncFunctionDef.body,
                              st->v.AsyncFunctionDef.decorator_list,
                              st->v.AsyncFunctionDef.returns, 1);
    case PS_STMT_ClassDef: {
        if (add_def(s, st->v.ClassDef.name, JIT_DEF_LOCAL) < 0)
            return -1;
        if (visit_exprs(s, st->v.ClassDef.bases) < 0)
            return -1;
        for (ptrdiff_t i = 0; i < PS_SEQ_LEN(st->v.ClassDef.keywords); i++)
            if (visit_expr(s, st->v.ClassDef.keywords->items[i]->value) < 0)
                return -1;
        if (visit_exprs(s, st->v.ClassDef.decorator_list) < 0)
            return -1;
        jit_ste *e = ste_new(s, JIT_BLOCK_CLASS, st->v.ClassDef.name, st, st->lineno,
                             st->col_offset);
        if (!e)
            return nomem(s);
        e->private_name = st->v.ClassDef.name;
        s->cur = e;
        if (visit_stmts(s, st->v.ClassDef.body) < 0)
            return -1;
        s->cur = e->parent;
        return 0;
    }
    case PS_STMT_Return:
        if (st->v.Return.value) {
            if (visit_expr(s, st->v.Return.value) < 0)
                return -1;
            s->cur->returns_value = 1;
        }
        return 0;
    case PS_STMT_Delete:
        return visit_exprs(s, st->v.Delete.targets);
    case PS_STMT_Assign:
        if (visit_exprs(s, st->v.Assign.targets) < 0)
            return -1;
        return visit_expr(s, st->v.Assign.value);
    case PS_STMT_AugAssign:
        if (visit_expr(s, st->v.AugAssign.target) < 0)
            return -1;
        return visit_expr(s, st->v.AugAssign.value);
    case PS_STMT_AnnAssign: {
        ps_expr *t = st->v.AnnAssign.target;
        if (t->kind == PS_EXPR_Name) {
            const char *m = jit_mangle(s->cur->private_name, t->v.Name.id, s->arena);
            if (!m)
                return nomem(s);
            int cur = jit_ste_flags(s->cur, m);
            if ((cur & (JIT_DEF_GLOBAL | JIT_DEF_NONLOCAL)) && s->cur->type != JIT_BLOCK_MODULE &&
                st->v.AnnAssign.simple)
                return SERR(s, st, "annotated name '%s' can't be %s", t->v.Name.id,
                            (cur & JIT_DEF_GLOBAL) ? "global" : "nonlocal");
            if (st->v.AnnAssign.simple) {
                if (add_def(s, t->v.Name.id, JIT_DEF_ANNOT | JIT_DEF_LOCAL) < 0)
                    return -1;
            } else if (st->v.AnnAssign.value) {
                if (add_def(s, t->v.Name.id, JIT_DEF_LOCAL) < 0)
                    return -1;
            }
        } else if (visit_expr(s, t) < 0) {
            return -1;
        }
        if (visit_annotation(s, st->v.AnnAssign.annotation) < 0)
            return -1;
        if (st->v.AnnAssign.value && visit_expr(s, st->v.AnnAssign.value) < 0)
            return -1;
        return 0;
    }
    case PS_STMT_For:
    case PS_STMT_AsyncFor:
        if (visit_expr(s, st->v.For.target) < 0 || visit_expr(s, st->v.For.iter) < 0)
            return -1;
        if (visit_stmts(s, st->v.For.body) < 0)
            return -1;
        return visit_stmts(s, st->v.For.orelse);
    case PS_STMT_While:
        if (visit_expr(s, st->v.While.test) < 0 || visit_stmts(s, st->v.While.body) < 0)
            return -1;
        return visit_stmts(s, st->v.While.orelse);
    case PS_STMT_If:
        if (visit_expr(s, st->v.If.test) < 0 || visit_stmts(s, st->v.If.body) < 0)
            return -1;
        return visit_stmts(s, st->v.If.orelse);
    case PS_STMT_With:
    case PS_STMT_AsyncWith:
        if (visit_withitems(s, st->v.With.items) < 0)
            return -1;
        return visit_stmts(s, st->v.With.body);
    case PS_STMT_Match:
        if (visit_expr(s, st->v.Match.subject) < 0)
            return -1;
        for (ptrdiff_t i = 0; i < PS_SEQ_LEN(st->v.Match.cases); i++) {
            ps_match_case *c = st->v.Match.cases->items[i];
            if (visit_pattern(s, c->pattern) < 0)
                return -1;
            if (c->guard && visit_expr(s, c->guard) < 0)
                return -1;
            if (visit_stmts(s, c->body) < 0)
                return -1;
        }
        return 0;
    case PS_STMT_Raise:
        if (st->v.Raise.exc && visit_expr(s, st->v.Raise.exc) < 0)
            return -1;
        if (st->v.Raise.cause && visit_expr(s, st->v.Raise.cause) < 0)
            return -1;
        return 0;
    case PS_STMT_Try:
    case PS_STMT_TryStar:
        if (visit_stmts(s, st->v.Try.body) < 0 || visit_stmts(s, st->v.Try.orelse) < 0)
            return -1;
        if (visit_handlers(s, st->v.Try.handlers) < 0)
            return -1;
        return visit_stmts(s, st->v.Try.finalbody);
    case PS_STMT_Assert:
        if (visit_expr(s, st->v.Assert.test) < 0)
            return -1;
        if (st->v.Assert.msg && visit_expr(s, st->v.Assert.msg) < 0)
            return -1;
        return 0;
    case PS_STMT_Import:
        for (ptrdiff_t i = 0; i < PS_SEQ_LEN(st->v.Import.names); i++)
            if (visit_alias(s, st->v.Import.names->items[i], st) < 0)
                return -1;
        return 0;
    case PS_STMT_ImportFrom:
        for (ptrdiff_t i = 0; i < PS_SEQ_LEN(st->v.ImportFrom.names); i++)
            if (visit_alias(s, st->v.ImportFrom.names->items[i], st) < 0)
                return -1;
        return 0;
    case PS_STMT_Global:
        return visit_global_nonlocal(s, st, 0);
    case PS_STMT_Nonlocal:
        return visit_global_nonlocal(s, st, 1);
    case PS_STMT_Expr:
        return visit_expr(s, st->v.Expr.value);
    case PS_STMT_Pass:
    case PS_STMT_Break:
    case PS_STMT_Continue:
        return 0;
    }
    return 0;
}

static int visit_stmt(st_state *s, ps_stmt *st)
{
    if (++s->depth > ST_MAX_DEPTH)
        return too_deep(s);
    int r = visit_stmt1(s, st);
    s->depth--;
    return r;
}


static const char *comp_kind_name(ps_expr *e)
{
    switch (e->kind) {
    case PS_EXPR_ListComp: return "list comprehension";
    case PS_EXPR_SetComp: return "set comprehension";
    case PS_EXPR_DictComp: return "dict comprehension";
    default: return "generator expression";
    }
}

static const char *comp_scope_name(ps_expr *e)
{
    switch (e->kind) {
    case PS_EXPR_ListComp: return "<listcomp>";
    case PS_EXPR_SetComp: return "<setcomp>";
    case PS_EXPR_DictComp: return "<dictcomp>";
    default: return "<genexpr>";
    }
}

/* Mark names bound as comprehension iteration targets (walks target exprs). */
static int mark_comp_targets(st_state *s, ps_expr *t)
{
    switch (t->kind) {
    case PS_EXPR_Name:
        if (jit_ste_flags(s->cur, t->v.Name.id) & (JIT_DEF_GLOBAL | JIT_DEF_NONLOCAL))
            return SERR(s, t, "comprehension inner loop cannot rebind assignment expression "
                              "target '%s'", t->v.Name.id);
        return add_def(s, t->v.Name.id, JIT_DEF_COMP_ITER);
    case PS_EXPR_Tuple:
    case PS_EXPR_List:
        for (ptrdiff_t i = 0; i < PS_SEQ_LEN(t->v.Tuple.elts); i++)
            if (mark_comp_targets(s, t->v.Tuple.elts->items[i]) < 0)
                return -1;
        return 0;
    case PS_EXPR_Starred:
        return mark_comp_targets(s, t->v.Starred.value);
    default:
        return 0;
    }
}

static int visit_comprehension(st_state *s, ps_expr *e, ps_comprehension_seq *gens,
                               ps_expr *elt, ps_expr *value)
{
    ps_comprehension *outer = gens->items[0];
    /* The outermost iterable is evaluated in the enclosing scope. */
    unsigned saved = s->cur->comp_iter_expr;
    s->cur->comp_iter_expr = 1;
    if (visit_expr(s, outer->iter) < 0)
        return -1;
    s->cur->comp_iter_expr = saved;
    jit_ste *c = ste_new(s, JIT_BLOCK_FUNCTION, comp_scope_name(e), e, e->lineno, e->col_offset);
    if (!c)
        return nomem(s);
    c->is_comprehension = 1;
    if (outer->is_async)
        c->is_coroutine = 1, c->is_async_comp = 1;
    if (e->kind == PS_EXPR_GeneratorExp)
        c->is_generator = 1;
    s->cur = c;
    ps_arg dot0 = {0};
    dot0.arg = ".0";
    dot0.lineno = e->lineno;
    if (add_param(s, &dot0) < 0)
        return -1;
    unsigned inherited = c->comp_iter_expr;   /* inside an outer iterable */
    for (ptrdiff_t i = 0; i < PS_SEQ_LEN(gens); i++) {
        ps_comprehension *g = gens->items[i];
        /* iteration targets are marked so := can refuse to rebind them */
        if (visit_expr(s, g->target) < 0 || mark_comp_targets(s, g->target) < 0)
            return -1;
        if (i > 0) {
            c->comp_iter_expr = 1;
            if (visit_expr(s, g->iter) < 0)
                return -1;
            c->comp_iter_expr = inherited;
        }
        if (visit_exprs(s, g->ifs) < 0)
            return -1;
        if (g->is_async)
            c->is_coroutine = 1, c->is_async_comp = 1;
    }
    if (value && visit_expr(s, value) < 0)
        return -1;
    if (visit_expr(s, elt) < 0)
        return -1;
    s->cur = c->parent;
    /* an async list/set/dict comprehension is awaited where it is built:
     * an enclosing comprehension becomes a coroutine too */
    if (c->is_coroutine && e->kind != PS_EXPR_GeneratorExp && c->parent->is_comprehension)
        c->parent->is_coroutine = 1;
    if (c->is_generator && e->kind != PS_EXPR_GeneratorExp) {
        /* a yield inside a list/set/dict comprehension */
        return SERR(s, e, "'yield' inside %s", comp_kind_name(e));
    }
    return 0;
}

static int visit_namedexpr_target(st_state *s, ps_expr *e)
{
    ps_expr *t = e->v.NamedExpr.target;
    const char *name = t->v.Name.id;
    if (s->cur->comp_iter_expr)
        return SERR(s, e, "assignment expression cannot be used in a comprehension "
                          "iterable expression");
    if (!s->cur->is_comprehension)
        return visit_expr(s, t);
    /* Bind in the nearest enclosing scope that is not a comprehension. */
    for (jit_ste *c = s->cur; c; c = c->parent) {
        if (c->is_comprehension) {
            if (jit_ste_flags(c, name) & JIT_DEF_COMP_ITER)
                return SERR(s, t, "assignment expression cannot rebind comprehension "
                                  "iteration variable '%s'", name);
            continue;
        }
        if (c->type == JIT_BLOCK_FUNCTION) {
            /* a name the function declares global stays global */
            int decl = jit_ste_flags(c, jit_mangle(c->private_name, name, s->arena));
            if (add_def(s, name, (decl & JIT_DEF_GLOBAL) ? JIT_DEF_GLOBAL : JIT_DEF_NONLOCAL) < 0)
                return -1;
            if (add_def_in(s, c, name, JIT_DEF_LOCAL) < 0)
                return -1;
            return 0;
        }
        if (c->type == JIT_BLOCK_MODULE) {
            if (add_def(s, name, JIT_DEF_GLOBAL) < 0)
                return -1;
            if (add_def_in(s, c, name, JIT_DEF_GLOBAL) < 0)
                return -1;
            return 0;
        }
        return SERR(s, t, "assignment expression within a comprehension cannot be used "
                          "in a class body");
    }
    return 0;
}

static int annotation_error(st_state *s, ps_expr *e, const char *what)
{
    return SERR(s, e, "'%s' can not be used within an annotation", what);
}

static int visit_expr1(st_state *s, ps_expr *e)
{
    switch (e->kind) {
    case PS_EXPR_BoolOp:
        return visit_exprs(s, e->v.BoolOp.values);
    case PS_EXPR_NamedExpr:
        if (s->cur->in_annotation)
            return annotation_error(s, e, "named expression");
        if (visit_expr(s, e->v.NamedExpr.value) < 0)
            return -1;
        return visit_namedexpr_target(s, e);
    case PS_EXPR_BinOp:
        if (visit_expr(s, e->v.BinOp.left) < 0)
            return -1;
        return visit_expr(s, e->v.BinOp.right);
    case PS_EXPR_UnaryOp:
        return visit_expr(s, e->v.UnaryOp.operand);
    case PS_EXPR_Lambda: {
        ps_arguments *a = e->v.Lambda.args;
        if (visit_exprs(s, a->defaults) < 0 || visit_exprs(s, a->kw_defaults) < 0)
            return -1;
        jit_ste *l = ste_new(s, JIT_BLOCK_FUNCTION, "<lambda>", e, e->lineno, e->col_offset);
        if (!l)
            return nomem(s);
        l->is_lambda = 1;
        s->cur = l;
        if (visit_params(s, a) < 0 || visit_expr(s, e->v.Lambda.body) < 0)
            return -1;
        s->cur = l->parent;
        return 0;
    }
    case PS_EXPR_IfExp:
        if (visit_expr(s, e->v.IfExp.test) < 0 || visit_expr(s, e->v.IfExp.body) < 0)
            return -1;
        return visit_expr(s, e->v.IfExp.orelse);
    case PS_EXPR_Dict:
        if (visit_exprs(s, e->v.Dict.keys) < 0)
            return -1;
        return visit_exprs(s, e->v.Dict.values);
    case PS_EXPR_Set:
        return visit_exprs(s, e->v.Set.elts);
    case PS_EXPR_ListComp:
    case PS_EXPR_SetComp:
    case PS_EXPR_GeneratorExp:
        return visit_comprehension(s, e, e->v.ListComp.generators, e->v.ListComp.elt, NULL);
    case PS_EXPR_DictComp:
        return visit_comprehension(s, e, e->v.DictComp.generators, e->v.DictComp.value,
                                   e->v.DictComp.key);
    case PS_EXPR_Await:
        if (s->cur->in_annotation)
            return annotation_error(s, e, "await expression");
        if (s->cur->is_comprehension)
            s->cur->is_coroutine = 1;
        return visit_expr(s, e->v.Await.value);
    case PS_EXPR_Yield:
    case PS_EXPR_YieldFrom:
        if (s->cur->in_annotation)
            return annotation_error(s, e, "yield expression");
        if (e->v.Yield.value && visit_expr(s, e->v.Yield.value) < 0)
            return -1;
        s->cur->is_generator = 1;
        if (s->cur->is_comprehension) {
            jit_ste *c = s->cur;
            return jit_syntax_error(s->err, s->st->src, s->st->srclen, e->lineno,
                                    e->col_offset, e->end_lineno, e->end_col_offset,
                                    "'yield' inside %s",
                                    strcmp(c->name, "<listcomp>") == 0 ? "list comprehension"
                                    : strcmp(c->name, "<setcomp>") == 0 ? "set comprehension"
                                    : strcmp(c->name, "<dictcomp>") == 0 ? "dict comprehension"
                                    : "generator expression");
        }
        return 0;
    case PS_EXPR_Compare:
        if (visit_expr(s, e->v.Compare.left) < 0)
            return -1;
        return visit_exprs(s, e->v.Compare.comparators);
    case PS_EXPR_Call:
        if (visit_expr(s, e->v.Call.func) < 0 || visit_exprs(s, e->v.Call.args) < 0)
            return -1;
        for (ptrdiff_t i = 0; i < PS_SEQ_LEN(e->v.Call.keywords); i++)
            if (visit_expr(s, e->v.Call.keywords->items[i]->value) < 0)
                return -1;
        return 0;
    case PS_EXPR_FormattedValue:
        if (visit_expr(s, e->v.FormattedValue.value) < 0)
            return -1;
        if (e->v.FormattedValue.format_spec)
            return visit_expr(s, e->v.FormattedValue.format_spec);
        return 0;
    case PS_EXPR_JoinedStr:
        return visit_exprs(s, e->v.JoinedStr.values);
    case PS_EXPR_Constant:
        return 0;
    case PS_EXPR_Attribute:
        return visit_expr(s, e->v.Attribute.value);
    case PS_EXPR_Subscript:
        if (visit_expr(s, e->v.Subscript.value) < 0)
            return -1;
        return visit_expr(s, e->v.Subscript.slice);
    case PS_EXPR_Starred:
        return visit_expr(s, e->v.Starred.value);
    case PS_EXPR_Slice:
        if (e->v.Slice.lower && visit_expr(s, e->v.Slice.lower) < 0)
            return -1;
        if (e->v.Slice.upper && visit_expr(s, e->v.Slice.upper) < 0)
            return -1;
        if (e->v.Slice.step && visit_expr(s, e->v.Slice.step) < 0)
            return -1;
        return 0;
    case PS_EXPR_Name: {
        /* under `from __future__ import annotations` an annotation is a
         * string: its names are nobody's uses (no cells for them) */
        if (s->cur->in_annotation && e->v.Name.ctx == PS_Load)
            return 0;
        int flag = e->v.Name.ctx == PS_Load ? JIT_USE : JIT_DEF_LOCAL;
        if (add_def(s, e->v.Name.id, flag) < 0)
            return -1;
        /* `super` in a function (or `__class__`) needs the class cell. */
        if (e->v.Name.ctx == PS_Load && s->cur->type == JIT_BLOCK_FUNCTION &&
            strcmp(e->v.Name.id, "super") == 0)
            if (add_def(s, "__class__", JIT_USE) < 0)
                return -1;
        return 0;
    }
    case PS_EXPR_List:
    case PS_EXPR_Tuple:
        return visit_exprs(s, e->v.Tuple.elts);
    }
    return 0;
}

static int visit_expr(st_state *s, ps_expr *e)
{
    if (++s->depth > ST_MAX_DEPTH)
        return too_deep(s);
    int r = visit_expr1(s, e);
    s->depth--;
    return r;
}


static int visit_pattern1(st_state *s, ps_pattern *p)
{
    switch (p->kind) {
    case PS_PATTERN_MatchValue:
        return visit_expr(s, p->v.MatchValue.value);
    case PS_PATTERN_MatchSingleton:
        return 0;
    case PS_PATTERN_MatchSequence:
        for (ptrdiff_t i = 0; i < PS_SEQ_LEN(p->v.MatchSequence.patterns); i++)
            if (visit_pattern(s, p->v.MatchSequence.patterns->items[i]) < 0)
                return -1;
        return 0;
    case PS_PATTERN_MatchMapping:
        if (visit_exprs(s, p->v.MatchMapping.keys) < 0)
            return -1;
        for (ptrdiff_t i = 0; i < PS_SEQ_LEN(p->v.MatchMapping.patterns); i++)
            if (visit_pattern(s, p->v.MatchMapping.patterns->items[i]) < 0)
                return -1;
        if (p->v.MatchMapping.rest)
            return add_def(s, p->v.MatchMapping.rest, JIT_DEF_LOCAL);
        return 0;
    case PS_PATTERN_MatchClass:
        if (visit_expr(s, p->v.MatchClass.cls) < 0)
            return -1;
        for (ptrdiff_t i = 0; i < PS_SEQ_LEN(p->v.MatchClass.patterns); i++)
            if (visit_pattern(s, p->v.MatchClass.patterns->items[i]) < 0)
                return -1;
        for (ptrdiff_t i = 0; i < PS_SEQ_LEN(p->v.MatchClass.kwd_patterns); i++)
            if (visit_pattern(s, p->v.MatchClass.kwd_patterns->items[i]) < 0)
                return -1;
        return 0;
    case PS_PATTERN_MatchStar:
        if (p->v.MatchStar.name)
            return add_def(s, p->v.MatchStar.name, JIT_DEF_LOCAL);
        return 0;
    case PS_PATTERN_MatchAs:
        if (p->v.MatchAs.pattern && visit_pattern(s, p->v.MatchAs.pattern) < 0)
            return -1;
        if (p->v.MatchAs.name)
            return add_def(s, p->v.MatchAs.name, JIT_DEF_LOCAL);
        return 0;
    case PS_PATTERN_MatchOr:
        for (ptrdiff_t i = 0; i < PS_SEQ_LEN(p->v.MatchOr.patterns); i++)
            if (visit_pattern(s, p->v.MatchOr.patterns->items[i]) < 0)
                return -1;
        return 0;
    }
    return 0;
}

static int visit_pattern(st_state *s, ps_pattern *p)
{
    if (++s->depth > ST_MAX_DEPTH)
        return too_deep(s);
    int r = visit_pattern1(s, p);
    s->depth--;
    return r;
}


/* ---- analysis ---- */

/* A name set: a strmap used as a set (value unused). */
typedef jit_strmap nameset;

static int set_has(const nameset *n, const char *k)
{
    return jit_strmap_find(n, k) >= 0;
}

static int set_add(st_state *s, nameset *n, const char *k)
{
    if (set_has(n, k))
        return 0;
    return jit_strmap_add(n, k, 1, s->arena) < 0 ? nomem(s) : 0;
}

/* Removal: values mark membership (1 = present, 0 = removed). */
static int set_in(const nameset *n, const char *k)
{
    int i = jit_strmap_find(n, k);
    return i >= 0 && n->vals[i];
}

static int set_put(st_state *s, nameset *n, const char *k)
{
    int i = jit_strmap_find(n, k);
    if (i >= 0) {
        n->vals[i] = 1;
        return 0;
    }
    return set_add(s, n, k);
}

static void set_del(nameset *n, const char *k)
{
    int i = jit_strmap_find(n, k);
    if (i >= 0)
        n->vals[i] = 0;
}

static int set_copy(st_state *s, nameset *dst, const nameset *src)
{
    for (int i = 0; i < src->len; i++)
        if (src->vals[i] && set_put(s, dst, src->keys[i]) < 0)
            return -1;
    return 0;
}

static int decl_error(st_state *s, jit_ste *e, int idx, const char *fmt, const char *name)
{
    int *p = e->decl_loc && idx < e->decl_loc[0] ? e->decl_loc + 1 + 4 * idx : NULL;
    if (!p || !p[0])
        return jit_syntax_error(s->err, s->st->src, s->st->srclen, e->lineno, e->col_offset,
                                e->lineno, e->col_offset, fmt, name);
    return jit_syntax_error(s->err, s->st->src, s->st->srclen, p[0], p[1], p[2], p[3], fmt,
                            name);
}

static int analyze_name(st_state *s, jit_ste *e, int idx, nameset *local, nameset *bound,
                        nameset *global, nameset *free)
{
    const char *name = e->symbols.keys[idx];
    int flags = e->symbols.vals[idx];
    int *scope = &e->scopes[idx];
    if (flags & JIT_DEF_GLOBAL) {
        if (flags & JIT_DEF_NONLOCAL)
            return decl_error(s, e, idx, "name '%s' is nonlocal and global", name);
        *scope = JIT_SCOPE_GLOBAL_EXPLICIT;
        if (set_put(s, global, name) < 0)
            return -1;
        set_del(bound, name);
        return 0;
    }
    if (flags & JIT_DEF_NONLOCAL) {
        if (!set_in(bound, name))
            return decl_error(s, e, idx, "no binding for nonlocal '%s' found", name);
        *scope = JIT_SCOPE_FREE;
        e->has_free = 1;
        return set_put(s, free, name);
    }
    if (flags & JIT_DEF_BOUND) {
        *scope = JIT_SCOPE_LOCAL;
        if (set_put(s, local, name) < 0)
            return -1;
        set_del(global, name);
        return 0;
    }
    if (set_in(bound, name)) {
        *scope = JIT_SCOPE_FREE;
        e->has_free = 1;
        return set_put(s, free, name);
    }
    if (set_in(global, name)) {
        *scope = JIT_SCOPE_GLOBAL_IMPLICIT;
        return 0;
    }
    if (e->is_nested)
        e->has_free = 1;
    *scope = JIT_SCOPE_GLOBAL_IMPLICIT;
    return 0;
}

static int analyze_block(st_state *s, jit_ste *e, const nameset *bound, const nameset *global,
                         nameset *free_out);

static int analyze_child(st_state *s, jit_ste *c, const nameset *newbound,
                         const nameset *newglobal, nameset *child_free)
{
    nameset tb = {0}, tg = {0};
    if (set_copy(s, &tb, newbound) < 0 || set_copy(s, &tg, newglobal) < 0)
        return -1;
    return analyze_block(s, c, &tb, &tg, child_free);
}

static int analyze_block(st_state *s, jit_ste *e, const nameset *bound_in,
                         const nameset *global_in, nameset *free_out)
{
    nameset local = {0}, bound = {0}, global = {0}, newbound = {0}, newglobal = {0},
            newfree = {0};
    if (set_copy(s, &bound, bound_in) < 0 || set_copy(s, &global, global_in) < 0)
        return -1;
    e->scopes = ps_arena_alloc(s->arena, sizeof(int) * (size_t)(e->symbols.len + 1));
    if (!e->scopes)
        return nomem(s);
    if (e->type == JIT_BLOCK_CLASS) {
        if (set_copy(s, &newglobal, &global) < 0 || set_copy(s, &newbound, &bound) < 0)
            return -1;
    }
    for (int i = 0; i < e->symbols.len; i++)
        if (analyze_name(s, e, i, &local, &bound, &global, &newfree) < 0)
            return -1;
    if (e->type != JIT_BLOCK_CLASS) {
        if (e->type == JIT_BLOCK_FUNCTION && set_copy(s, &newbound, &local) < 0)
            return -1;
        if (set_copy(s, &newbound, &bound) < 0 || set_copy(s, &newglobal, &global) < 0)
            return -1;
    } else {
        if (set_put(s, &newbound, "__class__") < 0)
            return -1;
    }
    /* Children see the names this block binds (functions only). */
    nameset allfree = {0};
    for (int i = 0; i < e->nchildren; i++) {
        nameset cf = {0};
        jit_ste *c = e->children[i];
        if (analyze_child(s, c, &newbound, &newglobal, &cf) < 0)
            return -1;
        if (set_copy(s, &allfree, &cf) < 0)
            return -1;
        if (c->has_free || c->child_free)
            e->child_free = 1;
    }
    if (set_copy(s, &newfree, &allfree) < 0)
        return -1;
    /* Locals of a function that a child needs become cells. */
    if (e->type == JIT_BLOCK_FUNCTION) {
        for (int i = 0; i < e->symbols.len; i++) {
            const char *name = e->symbols.keys[i];
            if (e->scopes[i] == JIT_SCOPE_LOCAL && set_in(&newfree, name)) {
                e->scopes[i] = JIT_SCOPE_CELL;
                set_del(&newfree, name);
            }
        }
    } else if (e->type == JIT_BLOCK_CLASS && set_in(&newfree, "__class__")) {
        e->needs_class_closure = 1;
        set_del(&newfree, "__class__");
    }
    /* Free names passing through this block are recorded as free here. */
    for (int i = 0; i < newfree.len; i++) {
        if (!newfree.vals[i])
            continue;
        const char *name = newfree.keys[i];
        int idx = jit_strmap_find(&e->symbols, name);
        if (idx >= 0) {
            if (e->type == JIT_BLOCK_CLASS &&
                (e->symbols.vals[idx] & (JIT_DEF_BOUND | JIT_DEF_GLOBAL)))
                e->symbols.vals[idx] |= JIT_DEF_FREE_CLASS;
            continue;
        }
        if (!set_in(&bound, name))
            continue;           /* a global name: nothing to pass */
        idx = jit_strmap_add(&e->symbols, name, 0, s->arena);
        if (idx < 0)
            return nomem(s);
        int *ns = ps_arena_alloc(s->arena, sizeof(int) * (size_t)(e->symbols.len + 1));
        if (!ns)
            return nomem(s);
        memcpy(ns, e->scopes, sizeof(int) * (size_t)idx);
        e->scopes = ns;
        e->scopes[idx] = JIT_SCOPE_FREE;
        e->has_free = 1;
    }
    return set_copy(s, free_out, &newfree);
}

/* ---- entry points ---- */

int jit_future_features(ps_mod *mod, const char *src, size_t srclen, ps_error *err)
{
    if (mod->kind != PS_MOD_Module && mod->kind != PS_MOD_Interactive)
        return 0;
    ps_stmt_seq *body = mod->kind == PS_MOD_Module ? mod->v.Module.body : mod->v.Interactive.body;
    int features = 0, done = 0, prev_line = 0;
    for (ptrdiff_t i = 0; i < PS_SEQ_LEN(body); i++) {
        ps_stmt *st = body->items[i];
        int same_line = st->lineno == prev_line;
        prev_line = st->lineno;
        if (i == 0 && st->kind == PS_STMT_Expr && st->v.Expr.value->kind == PS_EXPR_Constant &&
            st->v.Expr.value->v.Constant.value.kind == PS_CONST_STR)
            continue;               /* docstring */
        int is_future = st->kind == PS_STMT_ImportFrom && st->v.ImportFrom.module &&
                        strcmp(st->v.ImportFrom.module, "__future__") == 0 &&
                        st->v.ImportFrom.level == 0;
        if (!is_future) {
            done = 1;
            continue;
        }
        if (done) {
            jit_syntax_error(err, src, srclen, st->lineno, st->col_offset, st->end_lineno,
                             st->end_col_offset,
                             "from __future__ imports must occur at the beginning of the file");
            if (same_line) {
                /* CPython's future pass reports this one: the raw column as
                 * offset, no end (later lines come from its compiler) */
                err->offset = st->col_offset;
                err->end_lineno = st->lineno;
                err->end_offset = JIT_ERR_NO_END;
            }
            return -1;
        }
        for (ptrdiff_t k = 0; k < PS_SEQ_LEN(st->v.ImportFrom.names); k++) {
            ps_alias *a = st->v.ImportFrom.names->items[k];
            const char *f = a->name;
            if (!strcmp(f, "nested_scopes") || !strcmp(f, "generators") ||
                !strcmp(f, "with_statement") || !strcmp(f, "division") ||
                !strcmp(f, "absolute_import") || !strcmp(f, "print_function") ||
                !strcmp(f, "unicode_literals"))
                continue;
            if (!strcmp(f, "generator_stop"))
                continue;           /* always on since 3.7: no flag */
            if (!strcmp(f, "annotations")) {
                features |= JIT_FUTURE_ANNOTATIONS;
                continue;
            }
            if (!strcmp(f, "barry_as_FLUFL")) {
                features |= JIT_FUTURE_BARRY_AS_BDFL;
                continue;
            }
            if (!strcmp(f, "braces")) {
                jit_syntax_error(err, src, srclen, st->lineno, st->col_offset,
                                 st->end_lineno, st->end_col_offset, "not a chance");
                err->end_offset = JIT_ERR_NO_END;   /* CPython gives None here */
                return -1;
            }
            jit_syntax_error(err, src, srclen, st->lineno, st->col_offset, st->end_lineno,
                             st->end_col_offset, "future feature %s is not defined", f);
            err->end_offset = JIT_ERR_NO_END;   /* CPython gives None here */
            return -1;
        }
    }
    return features;
}

jit_symtable *jit_symtable_build(ps_mod *mod, const char *filename, const char *src,
                                 size_t srclen, int flags, ps_arena *arena, ps_error *err)
{
    st_state s = {0};
    jit_symtable *st = ps_arena_alloc(arena, sizeof *st);
    if (!st) {
        ps_error_nomem(err);
        return NULL;
    }
    st->filename = filename;
    st->src = src;
    st->srclen = srclen;
    s.st = st;
    s.arena = arena;
    s.err = err;
    s.flags = flags;
    int fut = jit_future_features(mod, src, srclen, err);
    if (fut < 0)
        return NULL;
    st->future = fut | (flags & (JIT_FUTURE_ANNOTATIONS | JIT_FUTURE_BARRY_AS_BDFL |
                                 JIT_FUTURE_GENERATOR_STOP));
    st->top = ste_new(&s, JIT_BLOCK_MODULE, "top", mod, 0, 0);
    if (!st->top) {
        ps_error_nomem(err);
        return NULL;
    }
    s.cur = st->top;
    int r = 0;
    switch (mod->kind) {
    case PS_MOD_Module:
        r = visit_stmts(&s, mod->v.Module.body);
        break;
    case PS_MOD_Interactive:
        r = visit_stmts(&s, mod->v.Interactive.body);
        break;
    case PS_MOD_Expression:
        r = visit_expr(&s, mod->v.Expression.body);
        break;
    default:
        r = jit_syntax_error(err, src, srclen, 1, 0, 1, 0, "cannot compile this kind of module");
    }
    if (r < 0)
        return NULL;
    nameset bound = {0}, global = {0}, free = {0};
    if (analyze_block(&s, st->top, &bound, &global, &free) < 0)
        return NULL;
    return st;
}
