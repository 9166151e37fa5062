/* libjit/src/compile_stmt.c — simple and compound statements (try/with
 * are in compile_try.c, match in compile_match.c, def/class in
 * compile_def.c). */
#include <string.h>

#include "compile.h"
#include "libobject/libobject.h"

int jit_c_binop_arg(ps_operator op, int inplace);

int jit_c_stmts(jit_compiler *c, ps_stmt_seq *seq)
{
    for (ptrdiff_t i = 0; i < PS_SEQ_LEN(seq); i++)
        if (jit_c_stmt(c, seq->items[i]) < 0)
            return -1;
    return 0;
}

static int is_docstring(ps_stmt *s)
{
    return s->kind == PS_STMT_Expr && s->v.Expr.value->kind == PS_EXPR_Constant &&
           s->v.Expr.value->v.Constant.value.kind == PS_CONST_STR;
}

/* Does the body contain a simple-target annotation (module/class
 * bodies then need SETUP_ANNOTATIONS)? */
static int find_ann(ps_stmt_seq *seq)
{
    for (ptrdiff_t i = 0; i < PS_SEQ_LEN(seq); i++) {
        ps_stmt *s = seq->items[i];
        switch (s->kind) {
        case PS_STMT_AnnAssign:
            return 1;
        case PS_STMT_For:
        case PS_STMT_AsyncFor:
            if (find_ann(s->v.For.body) || find_ann(s->v.For.orelse))
                return 1;
            break;
        case PS_STMT_While:
            if (find_ann(s->v.While.body) || find_ann(s->v.While.orelse))
                return 1;
            break;
        case PS_STMT_If:
            if (find_ann(s->v.If.body) || find_ann(s->v.If.orelse))
                return 1;
            break;
        case PS_STMT_With:
        case PS_STMT_AsyncWith:
            if (find_ann(s->v.With.body))
                return 1;
            break;
        case PS_STMT_Try:
        case PS_STMT_TryStar:
            for (ptrdiff_t k = 0; k < PS_SEQ_LEN(s->v.Try.handlers); k++)
                if (find_ann(s->v.Try.handlers->items[k]->v.ExceptHandler.body))
                    return 1;
            if (find_ann(s->v.Try.body) || find_ann(s->v.Try.orelse) ||
                find_ann(s->v.Try.finalbody))
                return 1;
            break;
        case PS_STMT_Match:
            for (ptrdiff_t k = 0; k < PS_SEQ_LEN(s->v.Match.cases); k++)
                if (find_ann(s->v.Match.cases->items[k]->body))
                    return 1;
            break;
        default:
            break;
        }
    }
    return 0;
}

/* Module / class body: SETUP_ANNOTATIONS, the docstring into __doc__. */
int jit_c_body(jit_compiler *c, ps_stmt_seq *body, int docstring_ok)
{
    ptrdiff_t i = 0;
    if (find_ann(body))
        EMIT(JIT_OP_SETUP_ANNOTATIONS, 0);
    if (docstring_ok && PS_SEQ_LEN(body) && is_docstring(body->items[0])) {
        i = 1;
        if (c->optimize < 2) {
            ps_stmt *s = body->items[0];
            SET_LOC(c, s);
            VISIT(s->v.Expr.value);
            if (jit_c_nameop(c, "__doc__", PS_Store) < 0)
                return -1;
        }
    }
    for (; i < PS_SEQ_LEN(body); i++)
        if (jit_c_stmt(c, body->items[i]) < 0)
            return -1;
    return 0;
}

/* ---- unwinding for return / break / continue ---- */

static int call_exit_with_nones(jit_compiler *c)
{
    for (int i = 0; i < 3; i++)
        if (jit_c_load_const(c, &ob_none_obj) < 0)
            return -1;
    EMIT(JIT_OP_CALL, 2);
    return 0;
}

int jit_c_unwind_fblock(jit_compiler *c, jit_fblock *f, int preserve_tos)
{
    jit_unit *u = c->u;
    /* Code that leaves a block runs outside the block's own regions. */
    u->cur_region = f->region;
    switch (f->kind) {
    case FB_WHILE_LOOP:
    case FB_EXCEPTION_HANDLER:
    case FB_EXCEPTION_GROUP_HANDLER:
    case FB_ASYNC_COMPREHENSION_GENERATOR:
    case FB_TRY_EXCEPT:
        return 0;
    case FB_FOR_LOOP:
        if (preserve_tos)
            EMIT(JIT_OP_SWAP, 2);
        EMIT(JIT_OP_POP_TOP, 0);
        return 0;
    case FB_FINALLY_TRY:
        if (preserve_tos && jit_c_push_fblock(c, FB_POP_VALUE, -1, -1, NULL) < 0)
            return -1;
        /* the fblock's region is outside; emit the finally body there */
        u->cur_region = f->region;
        if (jit_c_stmts(c, (ps_stmt_seq *)f->datum) < 0)
            return -1;
        if (preserve_tos)
            jit_c_pop_fblock(c);
        /* What follows (the jump or return that unwound) has no line of
         * its own: it runs after the finally body, as in CPython. */
        jit_c_set_pos(c, -1, -1, -1, -1);
        return 0;
    case FB_FINALLY_END:
        if (preserve_tos)
            EMIT_NOLOC(JIT_OP_SWAP, 2);
        EMIT_NOLOC(JIT_OP_POP_TOP, 0);
        if (preserve_tos)
            EMIT_NOLOC(JIT_OP_SWAP, 2);
        EMIT_NOLOC(JIT_OP_POP_EXCEPT, 0);
        return 0;
    case FB_WITH:
    case FB_ASYNC_WITH:
        /* __exit__ runs at the `with` statement's position. */
        SET_LOC(c, (ps_stmt *)f->datum);
        if (preserve_tos)
            EMIT(JIT_OP_SWAP, 2);
        if (call_exit_with_nones(c) < 0)
            return -1;
        if (f->kind == FB_ASYNC_WITH) {
            EMIT(JIT_OP_GET_AWAITABLE, 2);
            if (jit_c_load_const(c, &ob_none_obj) < 0 || jit_c_add_yield_from(c, 1) < 0)
                return -1;
        }
        EMIT(JIT_OP_POP_TOP, 0);
        jit_c_set_pos(c, -1, -1, -1, -1);
        return 0;
    case FB_HANDLER_CLEANUP:
        if (preserve_tos)
            EMIT_NOLOC(JIT_OP_SWAP, 2);
        EMIT_NOLOC(JIT_OP_POP_EXCEPT, 0);
        if (f->datum) {
            if (jit_c_load_const(c, &ob_none_obj) < 0)
                return -1;
            if (jit_c_nameop(c, (const char *)f->datum, PS_Store) < 0 ||
                jit_c_nameop(c, (const char *)f->datum, PS_Del) < 0)
                return -1;
        }
        return 0;
    case FB_POP_VALUE:
        if (preserve_tos)
            EMIT(JIT_OP_SWAP, 2);
        EMIT(JIT_OP_POP_TOP, 0);
        return 0;
    }
    return 0;
}

/* Unwind every fblock (return: loop == NULL) or down to the innermost loop
 * (break / continue: *loop set to it, not unwound). */
int jit_c_unwind_fblock_stack(jit_compiler *c, int preserve_tos, jit_fblock **loop)
{
    jit_unit *u = c->u;
    if (u->nfblocks == 0)
        return 0;
    jit_fblock *top = &u->fblocks[u->nfblocks - 1];
    if (top->kind == FB_EXCEPTION_GROUP_HANDLER)
        return jit_c_error(c, NULL, "'break', 'continue' and 'return' cannot appear in an "
                                    "except* block");
    if (loop && (top->kind == FB_WHILE_LOOP || top->kind == FB_FOR_LOOP)) {
        *loop = top;
        return 0;
    }
    jit_fblock copy = *top;
    u->nfblocks--;
    int r = jit_c_unwind_fblock(c, &copy, preserve_tos);
    if (r == 0)
        r = jit_c_unwind_fblock_stack(c, preserve_tos, loop);
    u->fblocks[u->nfblocks++] = copy;
    return r;
}

static int compile_return(jit_compiler *c, ps_stmt *s)
{
    jit_unit *u = c->u;
    ps_expr *v = s->v.Return.value;
    int preserve = v && v->kind != PS_EXPR_Constant;
    if (u->ste->type != JIT_BLOCK_FUNCTION)
        return jit_c_error(c, s, "'return' outside function");
    if (v && u->ste->is_coroutine && u->ste->is_generator)
        return jit_c_error(c, s, "'return' with value in async generator");
    if (preserve) {
        VISIT(v);
    } else if (v) {
        /* a constant is loaded after the unwinding; its line shows first */
        SET_LOC(c, v);
        EMIT(JIT_OP_NOP, 0);
    }
    if (!v || v->lineno != s->lineno) {
        SET_LOC(c, s);
        EMIT(JIT_OP_NOP, 0);
    }
    int saved_region = u->cur_region;
    SET_LOC(c, s);
    /* Unwinding a finally or with block leaves no position: the return
     * then shows the line that ran last, as in CPython. */
    if (jit_c_unwind_fblock_stack(c, preserve, NULL) < 0)
        return -1;
    if (!v) {
        if (jit_c_load_const(c, &ob_none_obj) < 0)
            return -1;
    } else if (!preserve) {
        /* at the current position, not the constant's */
        KnObject *k;
        if (jit_c_constant(c, &v->v.Constant.value, &k) < 0 || jit_c_load_const(c, k) < 0)
            return -1;
    }
    EMIT(JIT_OP_RETURN_VALUE, 0);
    u->cur_region = saved_region;
    return 0;
}

static int compile_break_continue(jit_compiler *c, ps_stmt *s, int is_break)
{
    jit_unit *u = c->u;
    jit_fblock *loop = NULL;
    int saved_region = u->cur_region;
    /* The statement's own line first, then what unwinding runs (finally
     * bodies, __exit__), then the jump (CPython's order). */
    SET_LOC(c, s);
    EMIT(JIT_OP_NOP, 0);
    if (jit_c_unwind_fblock_stack(c, 0, &loop) < 0)
        return -1;
    if (!loop) {
        u->cur_region = saved_region;
        SET_LOC(c, s);   /* the unwinding compiled finally bodies elsewhere */
        return jit_c_error(c, s, is_break ? "'break' outside loop"
                                          : "'continue' not properly in loop");
    }
    if (is_break) {
        if (jit_c_unwind_fblock(c, loop, 0) < 0)
            return -1;
        EMIT_JUMP(JIT_OP_JUMP, loop->exit);
    } else {
        u->cur_region = loop->region;
        EMIT_JUMP(JIT_OP_JUMP, loop->block);
    }
    u->cur_region = saved_region;
    return 0;
}

/* ---- loops and conditionals ---- */

static int compile_if(jit_compiler *c, ps_stmt *s)
{
    NEW_BLOCK(end);
    int next = end;
    if (PS_SEQ_LEN(s->v.If.orelse)) {
        next = jit_c_new_block(c);
        if (next < 0)
            return -1;
    }
    if (jit_c_jump_if(c, s->v.If.test, next, 0) < 0)
        return -1;
    VISIT_STMTS(s->v.If.body);
    if (PS_SEQ_LEN(s->v.If.orelse)) {
        /* No line of its own (CPython's ADDOP_JUMP_NOLINE): jump threading
         * and line events treat it as part of the body's last line. */
        if (jit_c_emit_jump_noloc(c, JIT_OP_JUMP, end) < 0)
            return -1;
        USE_BLOCK(next);
        VISIT_STMTS(s->v.If.orelse);
    }
    USE_BLOCK(end);
    return 0;
}

static int compile_while(jit_compiler *c, ps_stmt *s)
{
    NEW_BLOCK(loop);
    NEW_BLOCK(body);
    NEW_BLOCK(anchor);
    NEW_BLOCK(end);
    USE_BLOCK(loop);
    if (jit_c_push_fblock(c, FB_WHILE_LOOP, loop, end, NULL) < 0)
        return -1;
    if (jit_c_jump_if(c, s->v.While.test, anchor, 0) < 0)
        return -1;
    USE_BLOCK(body);
    VISIT_STMTS(s->v.While.body);
    SET_LOC(c, s);
    if (jit_c_jump_if(c, s->v.While.test, body, 1) < 0)
        return -1;
    jit_c_pop_fblock(c);
    USE_BLOCK(anchor);
    VISIT_STMTS(s->v.While.orelse);
    USE_BLOCK(end);
    return 0;
}

static int compile_for(jit_compiler *c, ps_stmt *s)
{
    NEW_BLOCK(start);
    NEW_BLOCK(body);
    NEW_BLOCK(cleanup);
    NEW_BLOCK(end);
    if (jit_c_push_fblock(c, FB_FOR_LOOP, start, end, NULL) < 0)
        return -1;
    if (jit_c_iter_expr(c, s->v.For.iter) < 0)
        return -1;
    EMIT(JIT_OP_GET_ITER, 0);
    USE_BLOCK(start);
    EMIT_JUMP(JIT_OP_FOR_ITER, cleanup);
    USE_BLOCK(body);
    if (jit_c_assign_target(c, s->v.For.target) < 0)
        return -1;
    VISIT_STMTS(s->v.For.body);
    if (jit_c_emit_jump_noloc(c, JIT_OP_JUMP, start) < 0)
        return -1;
    USE_BLOCK(cleanup);
    jit_c_pop_fblock(c);
    VISIT_STMTS(s->v.For.orelse);
    USE_BLOCK(end);
    return 0;
}

static int compile_async_for(jit_compiler *c, ps_stmt *s)
{
    jit_unit *u = c->u;
    if (u->scope_type != SCOPE_ASYNC_FUNCTION && !jit_c_is_top_level_await(c))
        return jit_c_error(c, s, "'async for' outside async function");
    NEW_BLOCK(start);
    NEW_BLOCK(except);
    NEW_BLOCK(end);
    VISIT(s->v.AsyncFor.iter);
    EMIT(JIT_OP_GET_AITER, 0);
    USE_BLOCK(start);
    if (jit_c_push_fblock(c, FB_FOR_LOOP, start, end, NULL) < 0)
        return -1;
    if (jit_c_push_region(c, JIT_OP_SETUP_FINALLY, except) < 0)
        return -1;
    EMIT(JIT_OP_GET_ANEXT, 0);
    if (jit_c_load_const(c, &ob_none_obj) < 0 || jit_c_add_yield_from(c, 1) < 0)
        return -1;
    jit_c_pop_region(c);
    if (jit_c_assign_target(c, s->v.AsyncFor.target) < 0)
        return -1;
    VISIT_STMTS(s->v.AsyncFor.body);
    if (jit_c_emit_jump_noloc(c, JIT_OP_JUMP, start) < 0)
        return -1;
    jit_c_pop_fblock(c);
    USE_BLOCK(except);
    /* at the iterator's line: it ends the `async for`, not its body */
    SET_LOC(c, s->v.AsyncFor.iter);
    EMIT(JIT_OP_END_ASYNC_FOR, 0);
    VISIT_STMTS(s->v.AsyncFor.orelse);
    USE_BLOCK(end);
    return 0;
}

/* ---- simple statements ---- */

static int compile_import(jit_compiler *c, ps_stmt *s)
{
    for (ptrdiff_t i = 0; i < PS_SEQ_LEN(s->v.Import.names); i++) {
        ps_alias *a = s->v.Import.names->items[i];
        if (jit_c_load_const(c, ob_int_from_ssize(0)) < 0 || jit_c_load_const(c, &ob_none_obj) < 0)
            return -1;
        int idx = jit_c_add_name(c, a->name);
        if (idx < 0)
            return -1;
        EMIT(JIT_OP_IMPORT_NAME, idx);
        const char *dot = strchr(a->name, '.');
        if (a->asname) {
            if (dot) {
                const char *p = dot + 1;
                for (;;) {
                    const char *q = strchr(p, '.');
                    size_t n = q ? (size_t)(q - p) : strlen(p);
                    char *attr = ps_arena_strndup(c->arena, p, n);
                    if (!attr)
                        return jit_c_nomem(c);
                    int ai = jit_c_add_name(c, attr);
                    if (ai < 0)
                        return -1;
                    EMIT(JIT_OP_IMPORT_FROM, ai);
                    if (!q)
                        break;
                    EMIT(JIT_OP_SWAP, 2);
                    EMIT(JIT_OP_POP_TOP, 0);
                    p = q + 1;
                }
                if (jit_c_nameop(c, a->asname, PS_Store) < 0)
                    return -1;
                EMIT(JIT_OP_POP_TOP, 0);
            } else if (jit_c_nameop(c, a->asname, PS_Store) < 0) {
                return -1;
            }
        } else {
            const char *store = a->name;
            if (dot) {
                store = ps_arena_strndup(c->arena, a->name, (size_t)(dot - a->name));
                if (!store)
                    return jit_c_nomem(c);
            }
            if (jit_c_nameop(c, store, PS_Store) < 0)
                return -1;
        }
    }
    return 0;
}

static int compile_from_import(jit_compiler *c, ps_stmt *s)
{
    ps_alias_seq *names = s->v.ImportFrom.names;
    ptrdiff_t n = PS_SEQ_LEN(names);
    if (jit_c_load_const(c, ob_int_from_ssize(s->v.ImportFrom.level)) < 0)
        return -1;
    KnObject *t = ob_tuple_new(n);
    if (!t)
        return jit_c_objerr(c);
    for (ptrdiff_t i = 0; i < n; i++) {
        KnObject *nm = jit_c_str(c, names->items[i]->name);
        if (!nm)
            return jit_c_objerr(c);
        ((KnTupleObject *)t)->ob_item[i] = nm;
    }
    if (jit_c_load_const(c, t) < 0)
        return -1;
    int idx = jit_c_add_name(c, s->v.ImportFrom.module ? s->v.ImportFrom.module : "");
    if (idx < 0)
        return -1;
    EMIT(JIT_OP_IMPORT_NAME, idx);
    if (n == 1 && strcmp(names->items[0]->name, "*") == 0) {
        EMIT(JIT_OP_IMPORT_STAR, 0);
        return 0;
    }
    for (ptrdiff_t i = 0; i < n; i++) {
        ps_alias *a = names->items[i];
        int ai = jit_c_add_name(c, a->name);
        if (ai < 0)
            return -1;
        EMIT(JIT_OP_IMPORT_FROM, ai);
        if (jit_c_nameop(c, a->asname ? a->asname : a->name, PS_Store) < 0)
            return -1;
    }
    EMIT(JIT_OP_POP_TOP, 0);
    return 0;
}

static int compile_assert(jit_compiler *c, ps_stmt *s)
{
    ps_expr *t = s->v.Assert.test;
    if (t->kind == PS_EXPR_Tuple && PS_SEQ_LEN(t->v.Tuple.elts) > 0 &&
        jit_c_warn(c, ob_exc_SyntaxWarning, s->lineno, s->col_offset, s->end_lineno,
                   s->end_col_offset, "assertion is always true, perhaps remove parentheses?") < 0)
        return -1;
    if (c->optimize)
        return 0;
    NEW_BLOCK(end);
    if (jit_c_jump_if(c, s->v.Assert.test, end, 1) < 0)
        return -1;
    EMIT(JIT_OP_LOAD_ASSERTION_ERROR, 0);
    if (s->v.Assert.msg) {
        VISIT(s->v.Assert.msg);
        EMIT(JIT_OP_CALL, 0);
    }
    EMIT(JIT_OP_RAISE_VARARGS, 1);
    USE_BLOCK(end);
    return 0;
}

static int compile_augassign(jit_compiler *c, ps_stmt *s)
{
    ps_expr *t = s->v.AugAssign.target;
    int op = jit_c_binop_arg(s->v.AugAssign.op, 1);
    jit_position saved;
    switch (t->kind) {
    case PS_EXPR_Attribute: {
        VISIT(t->v.Attribute.value);
        EMIT(JIT_OP_COPY, 1);
        int idx = jit_c_add_name(c, t->v.Attribute.attr);
        if (idx < 0)
            return -1;
        saved = c->u->pos;
        SET_LOC(c, t);
        EMIT(JIT_OP_LOAD_ATTR, idx);
        c->u->pos = saved;
        VISIT(s->v.AugAssign.value);
        EMIT(JIT_OP_BINARY_OP, op);
        SET_LOC(c, t);
        EMIT(JIT_OP_SWAP, 2);
        EMIT(JIT_OP_STORE_ATTR, idx);
        return 0;
    }
    case PS_EXPR_Subscript:
        VISIT(t->v.Subscript.value);
        VISIT(t->v.Subscript.slice);
        EMIT(JIT_OP_COPY, 2);
        EMIT(JIT_OP_COPY, 2);
        saved = c->u->pos;
        SET_LOC(c, t);
        EMIT(JIT_OP_BINARY_SUBSCR, 0);
        c->u->pos = saved;
        VISIT(s->v.AugAssign.value);
        EMIT(JIT_OP_BINARY_OP, op);
        SET_LOC(c, t);
        EMIT(JIT_OP_SWAP, 3);
        EMIT(JIT_OP_SWAP, 2);
        EMIT(JIT_OP_STORE_SUBSCR, 0);
        return 0;
    case PS_EXPR_Name:
        if (jit_c_check_forbidden(c, t->v.Name.id, t, PS_Store) < 0)
            return -1;
        saved = c->u->pos;
        SET_LOC(c, t);
        if (jit_c_nameop(c, t->v.Name.id, PS_Load) < 0)
            return -1;
        c->u->pos = saved;
        VISIT(s->v.AugAssign.value);
        EMIT(JIT_OP_BINARY_OP, op);
        SET_LOC(c, t);
        return jit_c_nameop(c, t->v.Name.id, PS_Store);
    default:
        return jit_c_error(c, t, "illegal expression for augmented assignment");
    }
}

static int check_ann_expr(jit_compiler *c, ps_expr *e)
{
    VISIT(e);
    EMIT(JIT_OP_POP_TOP, 0);
    return 0;
}

static int check_ann_subscr(jit_compiler *c, ps_expr *e)
{
    if (e->kind == PS_EXPR_Slice) {
        if (e->v.Slice.lower && check_ann_expr(c, e->v.Slice.lower) < 0)
            return -1;
        if (e->v.Slice.upper && check_ann_expr(c, e->v.Slice.upper) < 0)
            return -1;
        if (e->v.Slice.step && check_ann_expr(c, e->v.Slice.step) < 0)
            return -1;
        return 0;
    }
    if (e->kind == PS_EXPR_Tuple) {
        for (ptrdiff_t i = 0; i < PS_SEQ_LEN(e->v.Tuple.elts); i++)
            if (check_ann_subscr(c, e->v.Tuple.elts->items[i]) < 0)
                return -1;
        return 0;
    }
    return check_ann_expr(c, e);
}

KnObject *jit_c_annotation_string(jit_compiler *c, ps_expr *e);

int jit_c_annexpr(jit_compiler *c, ps_expr *e)
{
    if (c->future & JIT_FUTURE_ANNOTATIONS)
        return jit_c_load_const(c, jit_c_annotation_string(c, e));
    return jit_c_expr(c, e);
}

static int compile_annassign(jit_compiler *c, ps_stmt *s)
{
    ps_expr *t = s->v.AnnAssign.target;
    if (s->v.AnnAssign.value) {
        VISIT(s->v.AnnAssign.value);
        if (jit_c_assign_target(c, t) < 0)
            return -1;
    }
    switch (t->kind) {
    case PS_EXPR_Name:
        if (jit_c_check_forbidden(c, t->v.Name.id, t, PS_Store) < 0)
            return -1;
        if (s->v.AnnAssign.simple &&
            (c->u->scope_type == SCOPE_MODULE || c->u->scope_type == SCOPE_CLASS)) {
            if (jit_c_annexpr(c, s->v.AnnAssign.annotation) < 0)
                return -1;
            int idx = jit_c_name_index(c, &c->u->names, "__annotations__");
            if (idx < 0)
                return -1;
            EMIT(JIT_OP_LOAD_NAME, idx);
            const char *m = jit_c_mangle(c, t->v.Name.id);
            if (!m || jit_c_load_const(c, jit_c_str(c, m)) < 0)
                return -1;
            EMIT(JIT_OP_STORE_SUBSCR, 0);
        }
        break;
    case PS_EXPR_Attribute:
        /* with a value, the store above already refused obj.__debug__ */
        if (!s->v.AnnAssign.value &&
            (jit_c_check_forbidden(c, t->v.Attribute.attr, t, PS_Store) < 0 ||
             check_ann_expr(c, t->v.Attribute.value) < 0))
            return -1;
        break;
    case PS_EXPR_Subscript:
        if (!s->v.AnnAssign.value && (check_ann_expr(c, t->v.Subscript.value) < 0 ||
                                      check_ann_subscr(c, t->v.Subscript.slice) < 0))
            return -1;
        break;
    default:
        return jit_c_error(c, t, "invalid node type for annotated assignment");
    }
    if (!s->v.AnnAssign.simple && !(c->future & JIT_FUTURE_ANNOTATIONS) &&
        (c->u->scope_type == SCOPE_MODULE || c->u->scope_type == SCOPE_CLASS)) {
        if (check_ann_expr(c, s->v.AnnAssign.annotation) < 0)
            return -1;
    }
    return 0;
}

static int compile_delete_target(jit_compiler *c, ps_expr *t)
{
    if (t->kind == PS_EXPR_Tuple || t->kind == PS_EXPR_List) {
        for (ptrdiff_t i = 0; i < PS_SEQ_LEN(t->v.Tuple.elts); i++)
            if (compile_delete_target(c, t->v.Tuple.elts->items[i]) < 0)
                return -1;
        return 0;
    }
    return jit_c_expr(c, t);
}

int jit_c_stmt(jit_compiler *c, ps_stmt *s)
{
    SET_LOC(c, s);
    switch (s->kind) {
    case PS_STMT_FunctionDef:
        return jit_c_function(c, s, 0);
    case PS_STMT_AsyncFunctionDef:
        return jit_c_function(c, s, 1);
    case PS_STMT_ClassDef:
        return jit_c_class(c, s);
    case PS_STMT_Return:
        return compile_return(c, s);
    case PS_STMT_Delete:
        for (ptrdiff_t i = 0; i < PS_SEQ_LEN(s->v.Delete.targets); i++)
            if (compile_delete_target(c, s->v.Delete.targets->items[i]) < 0)
                return -1;
        return 0;
    case PS_STMT_Assign: {
        ptrdiff_t n = PS_SEQ_LEN(s->v.Assign.targets);
        VISIT(s->v.Assign.value);
        for (ptrdiff_t i = 0; i < n; i++) {
            if (i < n - 1)
                EMIT(JIT_OP_COPY, 1);
            if (jit_c_assign_target(c, s->v.Assign.targets->items[i]) < 0)
                return -1;
        }
        return 0;
    }
    case PS_STMT_AugAssign:
        return compile_augassign(c, s);
    case PS_STMT_AnnAssign:
        return compile_annassign(c, s);
    case PS_STMT_For:
        return compile_for(c, s);
    case PS_STMT_AsyncFor:
        return compile_async_for(c, s);
    case PS_STMT_While:
        return compile_while(c, s);
    case PS_STMT_If:
        return compile_if(c, s);
    case PS_STMT_With:
        return jit_c_with(c, s, 0, 0);
    case PS_STMT_AsyncWith:
        if (c->u->scope_type != SCOPE_ASYNC_FUNCTION && !jit_c_is_top_level_await(c))
            return jit_c_error(c, s, "'async with' outside async function");
        return jit_c_with(c, s, 0, 1);
    case PS_STMT_Match:
        return jit_c_match(c, s);
    case PS_STMT_Raise: {
        int n = 0;
        if (s->v.Raise.exc) {
            VISIT(s->v.Raise.exc);
            n++;
            if (s->v.Raise.cause) {
                VISIT(s->v.Raise.cause);
                n++;
            }
        }
        EMIT(JIT_OP_RAISE_VARARGS, n);
        return 0;
    }
    case PS_STMT_Try:
        return jit_c_try(c, s);
    case PS_STMT_TryStar:
        return jit_c_try_star(c, s);
    case PS_STMT_Assert:
        return compile_assert(c, s);
    case PS_STMT_Import:
        return compile_import(c, s);
    case PS_STMT_ImportFrom:
        return compile_from_import(c, s);
    case PS_STMT_Global:
    case PS_STMT_Nonlocal:
        return 0;
    case PS_STMT_Expr: {
        ps_expr *v = s->v.Expr.value;
        if (c->interactive && c->u->scope_type == SCOPE_MODULE) {
            VISIT(v);
            EMIT(JIT_OP_PRINT_EXPR, 0);
            return 0;
        }
        if (v->kind == PS_EXPR_Constant) {
            EMIT(JIT_OP_NOP, 0);
            return 0;
        }
        VISIT(v);
        EMIT(JIT_OP_POP_TOP, 0);
        return 0;
    }
    case PS_STMT_Pass:
        EMIT(JIT_OP_NOP, 0);
        return 0;
    case PS_STMT_Break:
        return compile_break_continue(c, s, 1);
    case PS_STMT_Continue:
        return compile_break_continue(c, s, 0);
    }
    return jit_c_error(c, s, "compiler: unknown statement kind %d", (int)s->kind);
}
