/* libjit/src/compile_try.c — try/except/else/finally, try/except*, with
 * and async with.  The shapes (handler stacks, cleanup regions, lasti
 * handling) are CPython 3.11's; regions replace its SETUP_/POP_BLOCK
 * pseudo instructions (compile.h). */
#include <string.h>

#include "compile.h"
#include "libobject/libobject.h"

/* prev_exc lasti exc -> (exc_info restored to prev_exc; exc re-raised) */
static int pop_except_and_reraise(jit_compiler *c)
{
    EMIT_NOLOC(JIT_OP_COPY, 3);
    EMIT_NOLOC(JIT_OP_POP_EXCEPT, 0);
    EMIT_NOLOC(JIT_OP_RERAISE, 1);
    return 0;
}

static int store_none_and_del(jit_compiler *c, const char *name)
{
    if (jit_c_load_const(c, &ob_none_obj) < 0)
        return -1;
    if (jit_c_nameop(c, name, PS_Store) < 0 || jit_c_nameop(c, name, PS_Del) < 0)
        return -1;
    return 0;
}

/* The body of try/except (or try/except*), protected by a handler at
 * `except`; the region is closed again afterwards.  (Try and TryStar share
 * their layout in the AST.) */
static int protected_body(jit_compiler *c, ps_stmt *s, int body, int except)
{
    if (!PS_SEQ_LEN(s->v.Try.finalbody))
        EMIT(JIT_OP_NOP, 0);            /* the `try:` line */
    if (jit_c_push_fblock(c, FB_TRY_EXCEPT, body, -1, NULL) < 0)
        return -1;
    PUSH_REGION(JIT_OP_SETUP_FINALLY, except);
    USE_BLOCK(body);
    VISIT_STMTS(s->v.Try.body);
    jit_c_pop_fblock(c);
    jit_c_pop_region(c);
    return 0;
}

static int try_except(jit_compiler *c, ps_stmt *s)
{
    jit_unit *u = c->u;
    ps_excepthandler_seq *hs = s->v.Try.handlers;
    ptrdiff_t n = PS_SEQ_LEN(hs);
    NEW_BLOCK(body);
    NEW_BLOCK(except);
    NEW_BLOCK(end);
    NEW_BLOCK(cleanup);
    int outer = u->cur_region;
    if (protected_body(c, s, body, except) < 0)
        return -1;
    VISIT_STMTS(s->v.Try.orelse);
    /* Jumps out of a try body carry no line (CPython's ADDOP_JUMP_NOLINE). */
    if (jit_c_emit_jump_noloc(c, JIT_OP_JUMP, end) < 0)
        return -1;
    USE_BLOCK(except);
    u->cur_region = outer;
    PUSH_REGION(JIT_OP_SETUP_CLEANUP, cleanup);
    int cleanup_region = u->cur_region;
    EMIT_NOLOC(JIT_OP_PUSH_EXC_INFO, 0);
    if (jit_c_push_fblock(c, FB_EXCEPTION_HANDLER, -1, -1, NULL) < 0)
        return -1;
    u->fblocks[u->nfblocks - 1].region = outer;
    for (ptrdiff_t i = 0; i < n; i++) {
        ps_excepthandler *h = hs->items[i];
        SET_LOC(c, h);
        NEW_BLOCK(next);
        if (!h->v.ExceptHandler.type && i < n - 1)
            return jit_c_error(c, h, "default 'except:' must be last");
        if (h->v.ExceptHandler.type) {
            VISIT(h->v.ExceptHandler.type);
            EMIT(JIT_OP_CHECK_EXC_MATCH, 0);
            EMIT_JUMP(JIT_OP_POP_JUMP_IF_FALSE, next);
        }
        const char *name = h->v.ExceptHandler.name;
        if (name) {
            NEW_BLOCK(cleanup_end);
            NEW_BLOCK(cleanup_body);
            if (jit_c_nameop(c, name, PS_Store) < 0)
                return -1;
            if (jit_c_push_fblock(c, FB_HANDLER_CLEANUP, cleanup_body, -1, name) < 0)
                return -1;
            u->fblocks[u->nfblocks - 1].region = outer;
            PUSH_REGION(JIT_OP_SETUP_CLEANUP, cleanup_end);
            USE_BLOCK(cleanup_body);
            VISIT_STMTS(h->v.ExceptHandler.body);
            jit_c_pop_fblock(c);
            u->cur_region = outer;
            jit_c_set_pos(c, -1, -1, -1, -1);
            EMIT_NOLOC(JIT_OP_POP_EXCEPT, 0);
            if (store_none_and_del(c, name) < 0)
                return -1;
            EMIT_JUMP(JIT_OP_JUMP, end);
            USE_BLOCK(cleanup_end);
            u->cur_region = cleanup_region;
            if (store_none_and_del(c, name) < 0)
                return -1;
            EMIT_NOLOC(JIT_OP_RERAISE, 1);
        } else {
            NEW_BLOCK(cleanup_body);
            EMIT(JIT_OP_POP_TOP, 0);
            USE_BLOCK(cleanup_body);
            if (jit_c_push_fblock(c, FB_HANDLER_CLEANUP, cleanup_body, -1, NULL) < 0)
                return -1;
            u->fblocks[u->nfblocks - 1].region = outer;
            VISIT_STMTS(h->v.ExceptHandler.body);
            jit_c_pop_fblock(c);
            u->cur_region = outer;
            jit_c_set_pos(c, -1, -1, -1, -1);
            EMIT_NOLOC(JIT_OP_POP_EXCEPT, 0);
            EMIT_JUMP(JIT_OP_JUMP, end);
        }
        USE_BLOCK(next);
        u->cur_region = cleanup_region;
    }
    jit_c_pop_fblock(c);
    EMIT_NOLOC(JIT_OP_RERAISE, 0);
    USE_BLOCK(cleanup);
    u->cur_region = outer;
    if (pop_except_and_reraise(c) < 0)
        return -1;
    USE_BLOCK(end);
    return 0;
}

/* try: <inner> finally: <finalbody> -- inner is the try/except (or the
 * plain body) compiled by `inner`. */
static int try_finally(jit_compiler *c, ps_stmt *s, ps_stmt_seq *finalbody,
                       int (*inner)(jit_compiler *, ps_stmt *))
{
    jit_unit *u = c->u;
    NEW_BLOCK(body);
    NEW_BLOCK(end);
    NEW_BLOCK(exit);
    NEW_BLOCK(cleanup);
    int outer = u->cur_region;
    EMIT(JIT_OP_NOP, 0);                /* the `try:` line */
    if (jit_c_push_fblock(c, FB_FINALLY_TRY, body, end, finalbody) < 0)
        return -1;
    PUSH_REGION(JIT_OP_SETUP_FINALLY, end);
    USE_BLOCK(body);
    if (inner(c, s) < 0)
        return -1;
    jit_c_pop_fblock(c);
    u->cur_region = outer;
    VISIT_STMTS(finalbody);
    if (jit_c_emit_jump_noloc(c, JIT_OP_JUMP, exit) < 0)
        return -1;
    /* the exceptional path */
    USE_BLOCK(end);
    jit_c_set_pos(c, -1, -1, -1, -1);
    PUSH_REGION(JIT_OP_SETUP_CLEANUP, cleanup);
    EMIT_NOLOC(JIT_OP_PUSH_EXC_INFO, 0);
    if (jit_c_push_fblock(c, FB_FINALLY_END, end, -1, NULL) < 0)
        return -1;
    /* FINALLY_END's unwinding must run outside the cleanup region too */
    u->fblocks[u->nfblocks - 1].region = outer;
    VISIT_STMTS(finalbody);
    jit_c_pop_fblock(c);
    EMIT_NOLOC(JIT_OP_RERAISE, 0);
    USE_BLOCK(cleanup);
    u->cur_region = outer;
    if (pop_except_and_reraise(c) < 0)
        return -1;
    USE_BLOCK(exit);
    return 0;
}

static int try_body_or_except(jit_compiler *c, ps_stmt *s)
{
    if (PS_SEQ_LEN(s->v.Try.handlers))
        return try_except(c, s);
    return jit_c_stmts(c, s->v.Try.body);
}

int jit_c_try(jit_compiler *c, ps_stmt *s)
{
    if (!PS_SEQ_LEN(s->v.Try.finalbody))
        return try_except(c, s);
    return try_finally(c, s, s->v.Try.finalbody, try_body_or_except);
}

static int try_star_except(jit_compiler *c, ps_stmt *s)
{
    jit_unit *u = c->u;
    ps_excepthandler_seq *hs = s->v.TryStar.handlers;
    ptrdiff_t n = PS_SEQ_LEN(hs);
    NEW_BLOCK(body);
    NEW_BLOCK(except);
    NEW_BLOCK(orelse);
    NEW_BLOCK(end);
    NEW_BLOCK(cleanup);
    NEW_BLOCK(reraise_star);
    int outer = u->cur_region;
    if (protected_body(c, s, body, except) < 0)
        return -1;
    if (jit_c_emit_jump_noloc(c, JIT_OP_JUMP, orelse) < 0)
        return -1;
    USE_BLOCK(except);
    PUSH_REGION(JIT_OP_SETUP_CLEANUP, cleanup);
    int cleanup_region = u->cur_region;
    EMIT_NOLOC(JIT_OP_PUSH_EXC_INFO, 0);
    if (jit_c_push_fblock(c, FB_EXCEPTION_GROUP_HANDLER, -1, -1, NULL) < 0)
        return -1;
    u->fblocks[u->nfblocks - 1].region = outer;
    for (ptrdiff_t i = 0; i < n; i++) {
        ps_excepthandler *h = hs->items[i];
        SET_LOC(c, h);
        NEW_BLOCK(next);
        NEW_BLOCK(except_with_error);
        NEW_BLOCK(no_match);
        if (i == 0) {
            EMIT(JIT_OP_COPY, 1);          /* orig exc */
            EMIT(JIT_OP_BUILD_LIST, 0);    /* orig [] exc */
            EMIT(JIT_OP_SWAP, 2);
        }
        if (h->v.ExceptHandler.type) {
            VISIT(h->v.ExceptHandler.type);
            EMIT(JIT_OP_CHECK_EG_MATCH, 0);
            EMIT(JIT_OP_COPY, 1);
            EMIT_JUMP(JIT_OP_POP_JUMP_IF_NONE, no_match);
        }
        NEW_BLOCK(cleanup_end);
        NEW_BLOCK(cleanup_body);
        const char *name = h->v.ExceptHandler.name;
        if (name) {
            if (jit_c_nameop(c, name, PS_Store) < 0)
                return -1;
        } else {
            EMIT(JIT_OP_POP_TOP, 0);
        }
        if (jit_c_push_fblock(c, FB_HANDLER_CLEANUP, cleanup_body, -1, name) < 0)
            return -1;
        u->fblocks[u->nfblocks - 1].region = outer;
        PUSH_REGION(JIT_OP_SETUP_CLEANUP, cleanup_end);
        USE_BLOCK(cleanup_body);
        VISIT_STMTS(h->v.ExceptHandler.body);
        jit_c_pop_fblock(c);
        u->cur_region = cleanup_region;
        jit_c_set_pos(c, -1, -1, -1, -1);
        if (name && store_none_and_del(c, name) < 0)
            return -1;
        EMIT_JUMP(JIT_OP_JUMP, next);
        USE_BLOCK(cleanup_end);
        if (name && store_none_and_del(c, name) < 0)
            return -1;
        EMIT_NOLOC(JIT_OP_LIST_APPEND, 3);   /* the raised exception */
        EMIT_NOLOC(JIT_OP_POP_TOP, 0);       /* lasti */
        EMIT_JUMP(JIT_OP_JUMP, except_with_error);
        USE_BLOCK(next);
        EMIT_NOLOC(JIT_OP_NOP, 0);
        EMIT_JUMP(JIT_OP_JUMP, except_with_error);
        USE_BLOCK(no_match);
        EMIT_NOLOC(JIT_OP_POP_TOP, 0);       /* match (None) */
        USE_BLOCK(except_with_error);
        if (i == n - 1) {
            /* the unhandled rest joins the list */
            EMIT_NOLOC(JIT_OP_LIST_APPEND, 1);
            EMIT_JUMP(JIT_OP_JUMP, reraise_star);
        }
    }
    jit_c_pop_fblock(c);
    NEW_BLOCK(reraise);
    USE_BLOCK(reraise_star);
    u->cur_region = cleanup_region;
    EMIT_NOLOC(JIT_OP_PREP_RERAISE_STAR, 0);
    EMIT_NOLOC(JIT_OP_COPY, 1);
    EMIT_JUMP(JIT_OP_POP_JUMP_IF_NOT_NONE, reraise);
    EMIT_NOLOC(JIT_OP_POP_TOP, 0);
    u->cur_region = outer;
    EMIT_NOLOC(JIT_OP_POP_EXCEPT, 0);
    EMIT_JUMP(JIT_OP_JUMP, end);
    USE_BLOCK(reraise);
    u->cur_region = outer;
    EMIT_NOLOC(JIT_OP_SWAP, 2);
    EMIT_NOLOC(JIT_OP_POP_EXCEPT, 0);
    EMIT_NOLOC(JIT_OP_RERAISE, 0);
    USE_BLOCK(cleanup);
    if (pop_except_and_reraise(c) < 0)
        return -1;
    USE_BLOCK(orelse);
    VISIT_STMTS(s->v.TryStar.orelse);
    USE_BLOCK(end);
    return 0;
}

int jit_c_try_star(jit_compiler *c, ps_stmt *s)
{
    if (!PS_SEQ_LEN(s->v.TryStar.finalbody))
        return try_star_except(c, s);
    return try_finally(c, s, s->v.TryStar.finalbody, try_star_except);
}

/* ---- with ---- */

static int await_helper(jit_compiler *c, int kind)
{
    EMIT(JIT_OP_GET_AWAITABLE, kind);
    if (jit_c_load_const(c, &ob_none_obj) < 0)
        return -1;
    return jit_c_add_yield_from(c, 1);
}

/* exit lasti prev_exc exc result -> ... : the exceptional exit of a with */
static int with_except_finish(jit_compiler *c, int cleanup, int outer)
{
    jit_unit *u = c->u;
    NEW_BLOCK(exit);
    EMIT_JUMP(JIT_OP_POP_JUMP_IF_TRUE, exit);
    EMIT_NOLOC(JIT_OP_RERAISE, 2);
    USE_BLOCK(cleanup);
    u->cur_region = outer;
    if (pop_except_and_reraise(c) < 0)
        return -1;
    USE_BLOCK(exit);
    /* exit keeps the cleanup region for its first POP_TOP (as CPython) */
    EMIT_NOLOC(JIT_OP_POP_TOP, 0);
    EMIT_NOLOC(JIT_OP_POP_EXCEPT, 0);
    EMIT_NOLOC(JIT_OP_POP_TOP, 0);
    EMIT_NOLOC(JIT_OP_POP_TOP, 0);
    return 0;
}

int jit_c_with(jit_compiler *c, ps_stmt *s, int pos, int is_async)
{
    jit_unit *u = c->u;
    ps_withitem *item = s->v.With.items->items[pos];
    NEW_BLOCK(block);
    NEW_BLOCK(final);
    NEW_BLOCK(exit);
    NEW_BLOCK(cleanup);
    int outer = u->cur_region;
    VISIT(item->context_expr);
    if (is_async) {
        EMIT(JIT_OP_BEFORE_ASYNC_WITH, 0);
        if (await_helper(c, 1) < 0)
            return -1;
    } else {
        EMIT(JIT_OP_BEFORE_WITH, 0);
    }
    if (jit_c_push_fblock(c, is_async ? FB_ASYNC_WITH : FB_WITH, block, final, s) < 0)
        return -1;
    PUSH_REGION(JIT_OP_SETUP_WITH, final);
    USE_BLOCK(block);
    if (item->optional_vars) {
        if (jit_c_assign_target(c, item->optional_vars) < 0)
            return -1;
    } else {
        EMIT(JIT_OP_POP_TOP, 0);
    }
    if (pos + 1 == PS_SEQ_LEN(s->v.With.items)) {
        VISIT_STMTS(s->v.With.body);
    } else if (jit_c_with(c, s, pos + 1, is_async) < 0) {
        return -1;
    }
    jit_c_pop_fblock(c);
    u->cur_region = outer;
    SET_LOC(c, s);
    for (int i = 0; i < 3; i++)
        if (jit_c_load_const(c, &ob_none_obj) < 0)
            return -1;
    EMIT(JIT_OP_CALL, 2);
    if (is_async && await_helper(c, 2) < 0)
        return -1;
    EMIT(JIT_OP_POP_TOP, 0);
    EMIT_JUMP(JIT_OP_JUMP, exit);
    USE_BLOCK(final);
    PUSH_REGION(JIT_OP_SETUP_CLEANUP, cleanup);
    EMIT(JIT_OP_PUSH_EXC_INFO, 0);
    EMIT(JIT_OP_WITH_EXCEPT_START, 0);
    if (is_async && await_helper(c, 2) < 0)
        return -1;
    if (with_except_finish(c, cleanup, outer) < 0)
        return -1;
    USE_BLOCK(exit);
    u->cur_region = outer;
    return 0;
}
