/* libjit/src/compile.h — the compiler's internal state, shared by
 * compile*.c, fold.c and assemble.c (see NOTES-compiler.md).
 *
 * A code unit (one per function / class body / module / comprehension)
 * emits instructions into basic blocks.  Blocks are identified by index in
 * u->blocks; u->order lists them in layout order (the order they were
 * started with use_block).  Jumps name a target block; pseudo instructions
 * (JUMP, POP_JUMP_IF_*, SETUP_*) are resolved by the assembler.
 *
 * Exception handling: every instruction records the protected region it
 * was emitted in (u->cur_region, a stack maintained by push_region /
 * pop_region).  A region knows its handler block and whether the handler
 * wants the raising offset (lasti); the stack depth at its SETUP pseudo
 * instruction, found by the stack-depth pass, gives the table's depth.
 *
 * All of it lives in collectable, scanned GC memory (constants are
 * KnObjects); the symbol table lives in the parse arena. */
#ifndef LIBJIT_COMPILE_H
#define LIBJIT_COMPILE_H

#include <stdint.h>

#include "code.h"
#include "libjit/jit.h"
#include "libparse/arena.h"
#include "libparse/ast.h"
#include "libparse/error.h"
#include "opcode.h"
#include "strmap.h"
#include "symtable.h"

/* compile() flags (CPython's PyCF_* values). */
#define JIT_CF_SOURCE_IS_UTF8 0x0100
#define JIT_CF_DONT_IMPLY_DEDENT 0x0200
#define JIT_CF_ONLY_AST 0x0400
#define JIT_CF_IGNORE_COOKIE 0x0800
#define JIT_CF_TYPE_COMMENTS 0x1000
#define JIT_CF_ALLOW_TOP_LEVEL_AWAIT 0x2000

typedef struct jit_instr {
    int op, arg;
    int target;             /* block index for jumps / SETUP_*, else -1 */
    int region;             /* protecting region index, -1 none */
    jit_position pos;
} jit_instr;

typedef struct jit_block {
    jit_instr *ins;
    int n, cap;
    int depth;              /* stack depth at entry, -1 unknown */
    int offset;             /* first code unit (assembler) */
    int placed;             /* appears in u->order */
    int reachable;
} jit_block;

typedef struct jit_region {
    int handler;            /* block */
    int lasti;              /* push the raising offset */
    int setup_op;           /* SETUP_FINALLY / SETUP_CLEANUP / SETUP_WITH */
    int depth;              /* table depth, -1 until known */
    int parent;             /* enclosing region, -1 none */
} jit_region;

typedef enum fb_kind {
    FB_WHILE_LOOP,
    FB_FOR_LOOP,
    FB_TRY_EXCEPT,
    FB_FINALLY_TRY,
    FB_FINALLY_END,
    FB_WITH,
    FB_ASYNC_WITH,
    FB_HANDLER_CLEANUP,
    FB_POP_VALUE,
    FB_EXCEPTION_HANDLER,
    FB_EXCEPTION_GROUP_HANDLER,
    FB_ASYNC_COMPREHENSION_GENERATOR,
} fb_kind;

typedef struct jit_fblock {
    fb_kind kind;
    int block;              /* loop head / try start */
    int exit;               /* loop exit / cleanup target */
    const void *datum;      /* finally body (stmt seq), handler name, with stmt */
    int region;             /* region active when the block was pushed */
} jit_fblock;

enum { SCOPE_MODULE, SCOPE_CLASS, SCOPE_FUNCTION, SCOPE_ASYNC_FUNCTION, SCOPE_LAMBDA,
       SCOPE_COMPREHENSION };

typedef struct jit_unit jit_unit;
struct jit_unit {
    jit_unit *parent;
    jit_ste *ste;
    int scope_type;
    const char *name;           /* arena / static string */
    KnObject *qualname;
    const char *private_name;   /* class name for mangling */
    int firstlineno;
    int argcount, posonlyargcount, kwonlyargcount;

    KnObject **consts;
    int nconsts, constcap;
    jit_strmap constkeys;       /* key string -> index */
    jit_strmap names;           /* co_names */
    jit_strmap varnames;        /* locals (params first) */
    jit_strmap cellvars;
    jit_strmap freevars;

    jit_block *blocks;
    int nblocks, blockcap;
    int *order;
    int norder, ordercap;
    int cur;                    /* current block */

    jit_region *regions;
    int nregions, regioncap;
    int cur_region;

    jit_fblock fblocks[40];
    int nfblocks;

    jit_position pos;           /* location of the next instruction */
    int in_inlined_comp;
};

typedef struct jit_compiler {
    jit_symtable *st;
    ps_arena *arena;
    ps_error *err;
    const char *src;
    size_t srclen;
    KnObject *filename;         /* str */
    int optimize;
    int future;                 /* JIT_FUTURE_* */
    int flags;
    int interactive;
    jit_unit *u;
    int nesting;                /* units open (recursion bound) */
} jit_compiler;

/* ---- compile.c: units, emission, names ---- */
int jit_c_error(jit_compiler *c, const void *node_pos, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
int jit_c_error_at(jit_compiler *c, int lineno, int col, int end_lineno, int end_col,
                   const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;
int jit_c_nomem(jit_compiler *c);
/* A compile-time warning at lineno (see jit_compile_set_warn_hook); -1
 * when it was turned into an error (the SyntaxError is recorded). */
int jit_c_warn(jit_compiler *c, KnTypeObject *category, int lineno, int col, int end_lineno,
               int end_col, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 7, 8)))
#endif
    ;
/* A KnObject error (already set) carried out of the compiler. */
int jit_c_objerr(jit_compiler *c);

int jit_c_new_block(jit_compiler *c);
int jit_c_use_block(jit_compiler *c, int b);
int jit_c_emit(jit_compiler *c, int op, int arg);
int jit_c_emit_jump(jit_compiler *c, int op, int target);
int jit_c_emit_noloc(jit_compiler *c, int op, int arg);
int jit_c_emit_jump_noloc(jit_compiler *c, int op, int target);
/* Mark the end of the current block after a terminating instruction:
 * starts a fresh unreachable block so following code has somewhere to go. */
int jit_c_add_const(jit_compiler *c, KnObject *v);     /* index, -1 on error */
int jit_c_load_const(jit_compiler *c, KnObject *v);
int jit_c_add_name(jit_compiler *c, const char *name); /* co_names index (mangled) */
int jit_c_name_index(jit_compiler *c, jit_strmap *m, const char *name);
int jit_c_push_region(jit_compiler *c, int setup_op, int handler);
void jit_c_pop_region(jit_compiler *c);
int jit_c_push_fblock(jit_compiler *c, fb_kind kind, int block, int exit, const void *datum);
void jit_c_pop_fblock(jit_compiler *c);
void jit_c_set_pos(jit_compiler *c, int lineno, int col, int end_lineno, int end_col);
#define SET_LOC(c, n) jit_c_set_pos((c), (n)->lineno, (n)->col_offset, (n)->end_lineno, (n)->end_col_offset)

int jit_c_enter_scope(jit_compiler *c, const char *name, int scope_type, const void *key,
                      int lineno);
/* Finish the current unit: assemble and return its code object (the unit
 * is popped).  add_return: append `return None` when control falls off. */
KnObject *jit_c_exit_scope(jit_compiler *c, int add_return);
/* Load / store / delete a name with the right opcode for its scope. */
int jit_c_nameop(jit_compiler *c, const char *name, ps_expr_context ctx);
const char *jit_c_mangle(jit_compiler *c, const char *name);
/* localsplus slot of a raw cell/free index (assembler). */
int jit_c_deref_slot(jit_unit *u, int raw);
/* Build the closure tuple for `co` (LOAD_CLOSURE...BUILD_TUPLE) and
 * MAKE_FUNCTION with the given flags (0x08 added when there are free
 * variables). */
int jit_c_make_closure(jit_compiler *c, KnObject *co, int flags);
KnObject *jit_c_str(jit_compiler *c, const char *s);   /* interned str constant */
int jit_c_is_top_level_await(jit_compiler *c);

/* ---- compile_expr.c ---- */
int jit_c_expr(jit_compiler *c, ps_expr *e);
int jit_c_exprs(jit_compiler *c, ps_expr_seq *seq);
int jit_c_iter_expr(jit_compiler *c, ps_expr *e);
int jit_c_jump_if(jit_compiler *c, ps_expr *e, int target, int cond);
int jit_c_call_helper(jit_compiler *c, int n, ps_expr_seq *args, ps_keyword_seq *kws);
int jit_c_assign_target(jit_compiler *c, ps_expr *t);   /* value on TOS */
int jit_c_unpack_helper(jit_compiler *c, ps_expr_seq *elts);
int jit_c_constant(jit_compiler *c, const ps_constant *k, KnObject **out);
int jit_c_lambda(jit_compiler *c, ps_expr *e);
int jit_c_defaults(jit_compiler *c, ps_arguments *a, int *flags);
/* SyntaxError "cannot assign to __debug__" for a parameter so named. */
int jit_c_check_debug_args(jit_compiler *c, ps_arguments *a);
int jit_c_annotations(jit_compiler *c, ps_arguments *a, ps_expr *returns, int *flags);
int jit_c_check_forbidden(jit_compiler *c, const char *name, const void *node,
                          ps_expr_context ctx);
int jit_c_add_yield_from(jit_compiler *c, int await);
int jit_c_await_check(jit_compiler *c, ps_expr *e);

/* ---- compile_comp.c ---- */
int jit_c_comprehension(jit_compiler *c, ps_expr *e);

/* ---- compile_stmt.c ---- */
int jit_c_stmt(jit_compiler *c, ps_stmt *s);
int jit_c_stmts(jit_compiler *c, ps_stmt_seq *seq);
int jit_c_body(jit_compiler *c, ps_stmt_seq *body, int docstring_ok);
/* Unwind the frame blocks for return/break/continue (preserve_tos: a
 * return value sits on top).  *loop receives the innermost loop fblock for
 * break/continue (NULL for return). */
int jit_c_unwind_fblock_stack(jit_compiler *c, int preserve_tos, jit_fblock **loop);

/* ---- compile_stmt2.c: try / with ---- */
int jit_c_try(jit_compiler *c, ps_stmt *s);
int jit_c_try_star(jit_compiler *c, ps_stmt *s);
int jit_c_with(jit_compiler *c, ps_stmt *s, int pos, int is_async);
int jit_c_unwind_fblock(jit_compiler *c, jit_fblock *f, int preserve_tos);
int jit_c_function(jit_compiler *c, ps_stmt *s, int is_async);
int jit_c_class(jit_compiler *c, ps_stmt *s);

/* ---- compile_match.c ---- */
int jit_c_match(jit_compiler *c, ps_stmt *s);

/* ---- fold.c ---- */
/* Fold constant sub-expressions of the AST in place (CPython's AST
 * optimizer): unary/binary ops on constants within size limits, tuples of
 * constants, `x in [consts]`, __debug__.  -1 with err on out of memory. */
int jit_fold_mod(ps_mod *mod, int optimize, ps_arena *arena, ps_error *err);
/* A folded constant's value as an object; NULL+exception on failure. */
KnObject *jit_const_object(const ps_constant *k);

/* ---- compile_validate.c ---- */
/* CPython's checks of a tree built from ast objects (contexts, empty
 * bodies, list lengths, pattern shapes): 0, or -1 with ValueError. */
int jit_validate_mod(ps_mod *mod);

/* ---- assemble.c ---- */
KnObject *jit_assemble(jit_compiler *c, jit_unit *u);
/* compile_peephole.c: BUILD_TUPLE n; UNPACK_SEQUENCE n -> SWAP (n <= 3). */
void jit_peephole_unpack(jit_unit *u);
/* The line of the first instruction of the block placed after u->order[k]
 * (empty and unreachable blocks skipped), -1 if none: a NOP ending a block
 * is redundant when that line is its own (CPython's remove_redundant_nops). */
int jit_peephole_next_line(jit_unit *u, int k);

/* ---- code.c ---- */
/* A new code object; the arrays are adopted. */
KnCodeObject *jit_code_new(void);
int jit_code_ready(void);

/* Emission shorthands for compile*.c: each returns -1 from the calling
 * function when the step fails (the error is already recorded). */
#define EMIT(op, arg)                          \
    do {                                       \
        if (jit_c_emit(c, (op), (arg)) < 0)    \
            return -1;                         \
    } while (0)
#define EMIT_NOLOC(op, arg)                       \
    do {                                          \
        if (jit_c_emit_noloc(c, (op), (arg)) < 0) \
            return -1;                            \
    } while (0)
#define EMIT_JUMP(op, b)                         \
    do {                                         \
        if (jit_c_emit_jump(c, (op), (b)) < 0)   \
            return -1;                           \
    } while (0)
#define VISIT(e)                      \
    do {                              \
        if (jit_c_expr(c, (e)) < 0)   \
            return -1;                \
    } while (0)
#define VISIT_STMTS(s)                 \
    do {                               \
        if (jit_c_stmts(c, (s)) < 0)   \
            return -1;                 \
    } while (0)
#define NEW_BLOCK(var)                  \
    int var = jit_c_new_block(c);       \
    if (var < 0)                        \
        return -1
#define USE_BLOCK(b)                     \
    do {                                 \
        if (jit_c_use_block(c, (b)) < 0) \
            return -1;                   \
    } while (0)
#define PUSH_REGION(op, b)                            \
    do {                                              \
        if (jit_c_push_region(c, (op), (b)) < 0)      \
            return -1;                                \
    } while (0)

/* Raise the Python exception (SyntaxError and subclasses, ValueError,
 * MemoryError...) that a libparse / symtable error record describes
 * (used by _symtable, which parses on its own). */
void jit_compile_raise_error(ps_error *err, const char *filename);

#endif
