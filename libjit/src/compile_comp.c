/* libjit/src/compile_comp.c — comprehensions and generator expressions.
 * As in CPython 3.11 each is a nested function taking the outermost
 * iterator as its only argument `.0`; the caller evaluates that iterable
 * in its own scope, calls the function, and (for an async list/set/dict
 * comprehension) awaits the result. */
#include <string.h>

#include "compile.h"
#include "libobject/libobject.h"

enum { COMP_GENEXP, COMP_LIST, COMP_SET, COMP_DICT };

static int comp_generator(jit_compiler *c, ps_comprehension_seq *gens, int idx, int depth,
                          ps_expr *elt, ps_expr *val, int type);

static int comp_element(jit_compiler *c, ps_expr *elt, ps_expr *val, int type, int depth)
{
    switch (type) {
    case COMP_GENEXP:
        VISIT(elt);
        if (c->u->ste->is_generator && c->u->ste->is_coroutine)
            EMIT(JIT_OP_ASYNC_GEN_WRAP, 0);
        EMIT(JIT_OP_YIELD_VALUE, 0);
        EMIT(JIT_OP_RESUME, 1);
        EMIT(JIT_OP_POP_TOP, 0);
        return 0;
    case COMP_LIST:
        VISIT(elt);
        EMIT(JIT_OP_LIST_APPEND, depth + 1);
        return 0;
    case COMP_SET:
        VISIT(elt);
        EMIT(JIT_OP_SET_ADD, depth + 1);
        return 0;
    default:
        VISIT(elt);   /* the key */
        VISIT(val);
        EMIT(JIT_OP_MAP_ADD, depth + 1);
        return 0;
    }
}

static int load_iter(jit_compiler *c, ps_comprehension *g, int idx, int is_async)
{
    if (idx == 0) {
        /* the outermost iterator is the argument .0 */
        int i = jit_c_name_index(c, &c->u->varnames, ".0");
        if (i < 0)
            return -1;
        EMIT(JIT_OP_LOAD_FAST, i);
        return 0;
    }
    if (jit_c_iter_expr(c, g->iter) < 0)
        return -1;
    EMIT(is_async ? JIT_OP_GET_AITER : JIT_OP_GET_ITER, 0);
    return 0;
}

static int sync_generator(jit_compiler *c, ps_comprehension_seq *gens, int idx, int depth,
                          ps_expr *elt, ps_expr *val, int type)
{
    ps_comprehension *g = gens->items[idx];
    NEW_BLOCK(start);
    NEW_BLOCK(if_cleanup);
    NEW_BLOCK(anchor);
    if (load_iter(c, g, idx, 0) < 0)
        return -1;
    depth++;
    USE_BLOCK(start);
    EMIT_JUMP(JIT_OP_FOR_ITER, anchor);
    if (jit_c_assign_target(c, g->target) < 0)
        return -1;
    for (ptrdiff_t i = 0; i < PS_SEQ_LEN(g->ifs); i++)
        if (jit_c_jump_if(c, g->ifs->items[i], if_cleanup, 0) < 0)
            return -1;
    if (idx + 1 < PS_SEQ_LEN(gens)) {
        if (comp_generator(c, gens, idx + 1, depth, elt, val, type) < 0)
            return -1;
    } else if (comp_element(c, elt, val, type, depth) < 0) {
        return -1;
    }
    USE_BLOCK(if_cleanup);
    EMIT_JUMP(JIT_OP_JUMP, start);
    USE_BLOCK(anchor);
    return 0;
}

static int async_generator(jit_compiler *c, ps_comprehension_seq *gens, int idx, int depth,
                           ps_expr *elt, ps_expr *val, int type)
{
    ps_comprehension *g = gens->items[idx];
    NEW_BLOCK(start);
    NEW_BLOCK(except);
    NEW_BLOCK(if_cleanup);
    if (load_iter(c, g, idx, 1) < 0)
        return -1;
    USE_BLOCK(start);
    if (jit_c_push_fblock(c, FB_ASYNC_COMPREHENSION_GENERATOR, start, -1, NULL) < 0)
        return -1;
    if (jit_c_push_region(c, JIT_OP_SETUP_FINALLY, except) < 0)
        return -1;
    EMIT(JIT_OP_GET_ANEXT, 0);
    if (jit_c_load_const(c, &ob_none_obj) < 0 || jit_c_add_yield_from(c, 1) < 0)
        return -1;
    jit_c_pop_region(c);
    EMIT(JIT_OP_POP_BLOCK, 0);
    if (jit_c_assign_target(c, g->target) < 0)
        return -1;
    depth++;
    for (ptrdiff_t i = 0; i < PS_SEQ_LEN(g->ifs); i++)
        if (jit_c_jump_if(c, g->ifs->items[i], if_cleanup, 0) < 0)
            return -1;
    if (idx + 1 < PS_SEQ_LEN(gens)) {
        if (comp_generator(c, gens, idx + 1, depth, elt, val, type) < 0)
            return -1;
    } else if (comp_element(c, elt, val, type, depth) < 0) {
        return -1;
    }
    USE_BLOCK(if_cleanup);
    EMIT_JUMP(JIT_OP_JUMP, start);
    jit_c_pop_fblock(c);
    USE_BLOCK(except);
    EMIT(JIT_OP_END_ASYNC_FOR, 0);
    return 0;
}

static int comp_generator(jit_compiler *c, ps_comprehension_seq *gens, int idx, int depth,
                          ps_expr *elt, ps_expr *val, int type)
{
    if (gens->items[idx]->is_async)
        return async_generator(c, gens, idx, depth, elt, val, type);
    return sync_generator(c, gens, idx, depth, elt, val, type);
}

int jit_c_comprehension(jit_compiler *c, ps_expr *e)
{
    int type;
    const char *name;
    ps_comprehension_seq *gens;
    ps_expr *elt, *val = NULL;
    switch (e->kind) {
    case PS_EXPR_GeneratorExp:
        type = COMP_GENEXP, name = "<genexpr>";
        gens = e->v.GeneratorExp.generators, elt = e->v.GeneratorExp.elt;
        break;
    case PS_EXPR_ListComp:
        type = COMP_LIST, name = "<listcomp>";
        gens = e->v.ListComp.generators, elt = e->v.ListComp.elt;
        break;
    case PS_EXPR_SetComp:
        type = COMP_SET, name = "<setcomp>";
        gens = e->v.SetComp.generators, elt = e->v.SetComp.elt;
        break;
    default:
        type = COMP_DICT, name = "<dictcomp>";
        gens = e->v.DictComp.generators, elt = e->v.DictComp.key, val = e->v.DictComp.value;
        break;
    }
    int outer_scope = c->u->scope_type;
    int top_await = jit_c_is_top_level_await(c);
    ps_comprehension *outer = gens->items[0];
    if (jit_c_enter_scope(c, name, SCOPE_COMPREHENSION, e, e->lineno) < 0)
        return -1;
    c->u->argcount = 1;
    SET_LOC(c, e);
    int is_async = c->u->ste->is_coroutine;
    if (is_async && type != COMP_GENEXP && outer_scope != SCOPE_ASYNC_FUNCTION &&
        outer_scope != SCOPE_COMPREHENSION && !top_await)
        return jit_c_error_at(c, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset,
                              "asynchronous comprehension outside of an asynchronous "
                              "function");
    if (type != COMP_GENEXP) {
        EMIT(type == COMP_LIST ? JIT_OP_BUILD_LIST : type == COMP_SET ? JIT_OP_BUILD_SET
                                                                       : JIT_OP_BUILD_MAP, 0);
    }
    if (comp_generator(c, gens, 0, 0, elt, val, type) < 0)
        return -1;
    int add_return = 1;
    if (type != COMP_GENEXP) {
        EMIT(JIT_OP_RETURN_VALUE, 0);
        add_return = 0;
    }
    KnObject *co = jit_c_exit_scope(c, add_return);
    if (!co)
        return -1;
    if (jit_c_make_closure(c, co, 0) < 0)
        return -1;
    if (jit_c_iter_expr(c, outer->iter) < 0)
        return -1;
    EMIT(outer->is_async ? JIT_OP_GET_AITER : JIT_OP_GET_ITER, 0);
    EMIT(JIT_OP_CALL, 0);
    if (is_async && type != COMP_GENEXP) {
        EMIT(JIT_OP_GET_AWAITABLE, 0);
        if (jit_c_load_const(c, &ob_none_obj) < 0)
            return -1;
        return jit_c_add_yield_from(c, 1);
    }
    return 0;
}
