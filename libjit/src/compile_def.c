/* libjit/src/compile_def.c — `def`, `async def` and `class` statements:
 * defaults, annotations, closures, decorators and the class-body protocol
 * of CPython 3.11 (__build_class__(func, name, *bases, **kw); the body
 * sets __module__ and __qualname__ and returns the __class__ cell). */
#include <string.h>

#include "compile.h"
#include "libobject/libobject.h"

int jit_c_annexpr(jit_compiler *c, ps_expr *e);

static int arg_annotation(jit_compiler *c, const char *name, ps_expr *ann, int *n)
{
    if (!ann)
        return 0;
    const char *m = jit_c_mangle(c, name);
    if (!m || jit_c_load_const(c, jit_c_str(c, m)) < 0)
        return -1;
    if (ann->kind == PS_EXPR_Starred && !(c->future & JIT_FUTURE_ANNOTATIONS)) {
        /* *args: *Ts -- the annotation is the one item of *Ts */
        if (jit_c_expr(c, ann->v.Starred.value) < 0)
            return -1;
        EMIT(JIT_OP_UNPACK_SEQUENCE, 1);
    } else if (jit_c_annexpr(c, ann) < 0) {
        return -1;
    }
    *n += 2;
    return 0;
}

static int args_annotations(jit_compiler *c, ps_arg_seq *args, int *n)
{
    for (ptrdiff_t i = 0; i < PS_SEQ_LEN(args); i++)
        if (arg_annotation(c, args->items[i]->arg, args->items[i]->annotation, n) < 0)
            return -1;
    return 0;
}

int jit_c_annotations(jit_compiler *c, ps_arguments *a, ps_expr *returns, int *flags)
{
    int n = 0;
    if (args_annotations(c, a->args, &n) < 0 || args_annotations(c, a->posonlyargs, &n) < 0)
        return -1;
    if (a->vararg && arg_annotation(c, a->vararg->arg, a->vararg->annotation, &n) < 0)
        return -1;
    if (args_annotations(c, a->kwonlyargs, &n) < 0)
        return -1;
    if (a->kwarg && arg_annotation(c, a->kwarg->arg, a->kwarg->annotation, &n) < 0)
        return -1;
    if (returns && arg_annotation(c, "return", returns, &n) < 0)
        return -1;
    if (n) {
        EMIT(JIT_OP_BUILD_TUPLE, n);
        *flags |= 0x04;
    }
    return 0;
}

static int is_docstring(ps_stmt *s)
{
    return s->kind == PS_STMT_Expr && s->v.Expr.value->kind == PS_EXPR_Constant &&
           s->v.Expr.value->v.Constant.value.kind == PS_CONST_STR;
}

static int check_debug_arg_seq(jit_compiler *c, ps_arg_seq *args)
{
    for (ptrdiff_t i = 0; i < PS_SEQ_LEN(args); i++)
        if (jit_c_check_forbidden(c, args->items[i]->arg, args->items[i], PS_Store) < 0)
            return -1;
    return 0;
}

int jit_c_check_debug_args(jit_compiler *c, ps_arguments *a)
{
    if (check_debug_arg_seq(c, a->posonlyargs) < 0 || check_debug_arg_seq(c, a->args) < 0 ||
        check_debug_arg_seq(c, a->kwonlyargs) < 0)
        return -1;
    if (a->vararg && jit_c_check_forbidden(c, a->vararg->arg, a->vararg, PS_Store) < 0)
        return -1;
    if (a->kwarg && jit_c_check_forbidden(c, a->kwarg->arg, a->kwarg, PS_Store) < 0)
        return -1;
    return 0;
}

/* One CALL per decorator, innermost first, each at its decorator's
 * position (line events and tracebacks name the decorator line, as in
 * CPython); the store that follows is at the statement's. */
static int apply_decorators(jit_compiler *c, ps_expr_seq *decos, ps_stmt *s)
{
    for (ptrdiff_t i = PS_SEQ_LEN(decos) - 1; i >= 0; i--) {
        SET_LOC(c, decos->items[i]);
        EMIT(JIT_OP_CALL, 0);
    }
    SET_LOC(c, s);
    return 0;
}

int jit_c_function(jit_compiler *c, ps_stmt *s, int is_async)
{
    const char *name = s->v.FunctionDef.name;
    ps_arguments *a = s->v.FunctionDef.args;
    ps_stmt_seq *body = s->v.FunctionDef.body;
    ps_expr_seq *decos = s->v.FunctionDef.decorator_list;
    SET_LOC(c, s);
    if (jit_c_check_debug_args(c, a) < 0)
        return -1;
    if (jit_c_exprs(c, decos) < 0)
        return -1;
    int firstlineno = s->lineno;
    if (PS_SEQ_LEN(decos))
        firstlineno = decos->items[0]->lineno;
    int flags = 0;
    if (jit_c_defaults(c, a, &flags) < 0)
        return -1;
    if (jit_c_annotations(c, a, s->v.FunctionDef.returns, &flags) < 0)
        return -1;
    if (jit_c_enter_scope(c, name, is_async ? SCOPE_ASYNC_FUNCTION : SCOPE_FUNCTION, s,
                          firstlineno) < 0)
        return -1;
    jit_unit *u = c->u;
    u->argcount = (int)(PS_SEQ_LEN(a->args) + PS_SEQ_LEN(a->posonlyargs));
    u->posonlyargcount = (int)PS_SEQ_LEN(a->posonlyargs);
    u->kwonlyargcount = (int)PS_SEQ_LEN(a->kwonlyargs);
    ptrdiff_t first = 0;
    /* co_consts[0] is the docstring (None without one). */
    if (PS_SEQ_LEN(body) && is_docstring(body->items[0])) {
        first = 1;
        KnObject *doc = &ob_none_obj;
        if (c->optimize < 2 &&
            jit_c_constant(c, &body->items[0]->v.Expr.value->v.Constant.value, &doc) < 0)
            return -1;
        if (jit_c_add_const(c, doc) < 0)
            return -1;
    } else if (jit_c_add_const(c, &ob_none_obj) < 0) {
        return -1;
    }
    for (ptrdiff_t i = first; i < PS_SEQ_LEN(body); i++)
        if (jit_c_stmt(c, body->items[i]) < 0)
            return -1;
    KnObject *co = jit_c_exit_scope(c, 1);
    if (!co)
        return -1;
    SET_LOC(c, s);
    if (jit_c_make_closure(c, co, flags) < 0)
        return -1;
    if (apply_decorators(c, decos, s) < 0)
        return -1;
    return jit_c_nameop(c, name, PS_Store);
}

int jit_c_class(jit_compiler *c, ps_stmt *s)
{
    const char *name = s->v.ClassDef.name;
    ps_expr_seq *decos = s->v.ClassDef.decorator_list;
    if (jit_c_exprs(c, decos) < 0)
        return -1;
    int firstlineno = s->lineno;
    if (PS_SEQ_LEN(decos))
        firstlineno = decos->items[0]->lineno;
    if (jit_c_enter_scope(c, name, SCOPE_CLASS, s, firstlineno) < 0)
        return -1;
    jit_unit *u = c->u;
    /* The prologue keeps RESUME's position (the first decorator's line,
     * column 0), as in CPython. */
    if (jit_c_nameop(c, "__name__", PS_Load) < 0 || jit_c_nameop(c, "__module__", PS_Store) < 0)
        return -1;
    if (jit_c_load_const(c, u->qualname) < 0 || jit_c_nameop(c, "__qualname__", PS_Store) < 0)
        return -1;
    if (jit_c_body(c, s->v.ClassDef.body, 1) < 0)
        return -1;
    jit_c_set_pos(c, -1, -1, -1, -1);
    if (u->ste->needs_class_closure) {
        int idx = jit_strmap_find(&u->cellvars, "__class__");
        if (idx < 0)
            return jit_c_error(c, s, "compiler: missing __class__ cell");
        EMIT(JIT_OP_LOAD_CLOSURE, idx);     /* raw cell index */
        EMIT(JIT_OP_COPY, 1);
        int ni = jit_c_name_index(c, &u->names, "__classcell__");
        if (ni < 0)
            return -1;
        EMIT(JIT_OP_STORE_NAME, ni);
    } else if (jit_c_load_const(c, &ob_none_obj) < 0) {
        return -1;
    }
    EMIT(JIT_OP_RETURN_VALUE, 0);
    KnObject *co = jit_c_exit_scope(c, 0);
    if (!co)
        return -1;
    SET_LOC(c, s);
    EMIT(JIT_OP_PUSH_NULL, 0);
    EMIT(JIT_OP_LOAD_BUILD_CLASS, 0);
    if (jit_c_make_closure(c, co, 0) < 0)
        return -1;
    if (jit_c_load_const(c, jit_c_str(c, name)) < 0)
        return -1;
    if (jit_c_call_helper(c, 2, s->v.ClassDef.bases, s->v.ClassDef.keywords) < 0)
        return -1;
    if (apply_decorators(c, decos, s) < 0)
        return -1;
    return jit_c_nameop(c, name, PS_Store);
}
