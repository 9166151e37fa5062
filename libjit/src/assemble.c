/* libjit/src/assemble.c — from a unit's basic blocks to a code object:
 * reachability and stack depth (one flow pass), dead-block removal, jump
 * resolution with EXTENDED_ARG sizing (iterated to a fixed point), code
 * units with inline caches, positions, the exception table. */
#include <string.h>

#include "compile.h"
#include "libgc/gc.h"
#include "libobject/libobject.h"

static int internal_error(jit_compiler *c, const char *what, const char *name)
{
    ob_err_format(ob_exc_SystemError, "compiler: %s in '%s'", what, name);
    return jit_c_objerr(c);
}

static int is_jump(const jit_instr *i)
{
    return i->target >= 0 && !(jit_op_flags(i->op) & JIT_OPF_SETUP);
}

/* ---- flow: reachability and stack depth ---- */

static int stackdepth(jit_compiler *c, jit_unit *u, int *maxdepth)
{
    int *stack = kgc_alloc(sizeof(int) * (size_t)(u->nblocks + 1));
    int *pos_in_order = kgc_alloc(sizeof(int) * (size_t)(u->nblocks + 1));
    if (!stack || !pos_in_order)
        return jit_c_nomem(c);
    for (int k = 0; k < u->norder; k++)
        pos_in_order[u->order[k]] = k;
    int sp = 0, maxd = 0;
    int entry = u->order[0];
    u->blocks[entry].depth = 0;
    u->blocks[entry].reachable = 1;
    stack[sp++] = entry;
#define PUSH_BLOCK(bi, d)                                                            \
    do {                                                                             \
        jit_block *tb_ = &u->blocks[(bi)];                                           \
        if (tb_->depth < 0) {                                                        \
            tb_->depth = (d);                                                        \
            tb_->reachable = 1;                                                      \
            stack[sp++] = (bi);                                                      \
        } else if (tb_->depth != (d)) {                                              \
            return internal_error(c, "inconsistent stack depth", u->name);           \
        }                                                                            \
    } while (0)
    while (sp) {
        int bi = stack[--sp];
        jit_block *b = &u->blocks[bi];
        int depth = b->depth;
        int fall = 1;
        for (int k = 0; k < b->n; k++) {
            jit_instr *in = &b->ins[k];
            unsigned fl = jit_op_flags(in->op);
            if (fl & JIT_OPF_SETUP) {
                int hd = depth + jit_op_stack_effect(in->op, in->arg, 1, NULL);
                jit_region *r = &u->regions[in->arg];
                r->depth = hd - 1 - r->lasti;
                if (hd > maxd)
                    maxd = hd;
                PUSH_BLOCK(in->target, hd);
                continue;
            }
            if (is_jump(in)) {
                int td = depth + jit_op_stack_effect(in->op, in->arg, 1, NULL);
                if (td < 0)
                    return internal_error(c, "negative stack depth", u->name);
                if (td > maxd)
                    maxd = td;
                PUSH_BLOCK(in->target, td);
            }
            int npops = 0;
            int eff = jit_op_stack_effect(in->op, in->arg, 0, &npops);
            if (depth - npops < 0)
                return internal_error(c, "stack underflow", u->name);
            depth += eff;
            if (depth > maxd)
                maxd = depth;
            if (fl & JIT_OPF_TERM) {
                fall = 0;
                break;
            }
        }
        if (fall) {
            int k = pos_in_order[bi] + 1;
            if (k < u->norder)
                PUSH_BLOCK(u->order[k], depth);
            else
                return internal_error(c, "control falls off the end", u->name);
        }
    }
#undef PUSH_BLOCK
    *maxdepth = maxd;
    return 0;
}

/* ---- layout ---- */

typedef struct asm_instr {
    int op, arg, target, region;
    int size, offset;
    jit_position pos;
} asm_instr;

static int ext_count(unsigned arg)
{
    return arg > 0xFFFFFF ? 3 : arg > 0xFFFF ? 2 : arg > 0xFF ? 1 : 0;
}

static int resolve_jump_op(int op, int forward)
{
    switch (op) {
    case JIT_OP_JUMP:
        return forward ? JIT_OP_JUMP_FORWARD : JIT_OP_JUMP_BACKWARD;
    case JIT_OP_JUMP_NO_INTERRUPT:
        return forward ? JIT_OP_JUMP_FORWARD : JIT_OP_JUMP_BACKWARD_NO_INTERRUPT;
    case JIT_OP_POP_JUMP_IF_FALSE:
        return forward ? JIT_OP_POP_JUMP_FORWARD_IF_FALSE : JIT_OP_POP_JUMP_BACKWARD_IF_FALSE;
    case JIT_OP_POP_JUMP_IF_TRUE:
        return forward ? JIT_OP_POP_JUMP_FORWARD_IF_TRUE : JIT_OP_POP_JUMP_BACKWARD_IF_TRUE;
    case JIT_OP_POP_JUMP_IF_NONE:
        return forward ? JIT_OP_POP_JUMP_FORWARD_IF_NONE : JIT_OP_POP_JUMP_BACKWARD_IF_NONE;
    case JIT_OP_POP_JUMP_IF_NOT_NONE:
        return forward ? JIT_OP_POP_JUMP_FORWARD_IF_NOT_NONE
                       : JIT_OP_POP_JUMP_BACKWARD_IF_NOT_NONE;
    default:
        return op;
    }
}

static void write_exc_item(uint8_t *buf, int *n, int value, int msb)
{
    if (value >= 1 << 24) {
        buf[(*n)++] = (uint8_t)(((value >> 24) & 0x3f) | 64 | msb);
        msb = 0;
    }
    if (value >= 1 << 18) {
        buf[(*n)++] = (uint8_t)(((value >> 18) & 0x3f) | 64 | msb);
        msb = 0;
    }
    if (value >= 1 << 12) {
        buf[(*n)++] = (uint8_t)(((value >> 12) & 0x3f) | 64 | msb);
        msb = 0;
    }
    if (value >= 1 << 6) {
        buf[(*n)++] = (uint8_t)(((value >> 6) & 0x3f) | 64 | msb);
        msb = 0;
    }
    buf[(*n)++] = (uint8_t)((value & 0x3f) | msb);
}

/* CPython 3.11's co_exceptiontable encoding of the entries (dis reads it). */
KnObject *jit_exctable_bytes(const jit_exc_entry *e, int n)
{
    uint8_t *buf = kgc_alloc_atomic((size_t)n * 20 + 1);
    if (!buf)
        return ob_err_nomemory();
    int len = 0;
    for (int i = 0; i < n; i++) {
        write_exc_item(buf, &len, e[i].start, 128);
        write_exc_item(buf, &len, e[i].end - e[i].start, 0);
        write_exc_item(buf, &len, e[i].target, 0);
        write_exc_item(buf, &len, (e[i].depth << 1) | e[i].lasti, 0);
    }
    return ob_bytes_from_data(buf, len);
}

static KnObject *strmap_tuple(jit_strmap *m)
{
    KnObject *t = ob_tuple_new(m->len);
    if (!t)
        return NULL;
    for (int i = 0; i < m->len; i++) {
        KnObject *s = ob_str_intern_cstr(m->keys[i]);
        if (!s)
            return NULL;
        ((KnTupleObject *)t)->ob_item[i] = s;
    }
    return t;
}

static int compute_flags(jit_compiler *c, jit_unit *u)
{
    jit_ste *e = u->ste;
    int flags = 0;
    if (e->type == JIT_BLOCK_FUNCTION) {
        flags |= JIT_CO_NEWLOCALS | JIT_CO_OPTIMIZED;
        if (e->is_nested)
            flags |= JIT_CO_NESTED;
        if (e->is_generator && e->is_coroutine)
            flags |= JIT_CO_ASYNC_GENERATOR;
        else if (e->is_coroutine)
            flags |= JIT_CO_COROUTINE;
        else if (e->is_generator)
            flags |= JIT_CO_GENERATOR;
        if (e->has_varargs)
            flags |= JIT_CO_VARARGS;
        if (e->has_varkeywords)
            flags |= JIT_CO_VARKEYWORDS;
    }
    /* CPython 3.11 no longer sets CO_NOFREE */
    flags |= (c->future | c->flags) & 0x1FE0000;
    return flags;
}

/* A jump to a block that starts with an unconditional jump goes straight
 * to that jump's target. */
static void thread_jumps(jit_unit *u)
{
    for (int bi = 0; bi < u->nblocks; bi++) {
        jit_block *b = &u->blocks[bi];
        for (int k = 0; k < b->n; k++) {
            jit_instr *in = &b->ins[k];
            if (in->target < 0 || (jit_op_flags(in->op) & JIT_OPF_SETUP))
                continue;
            if (in->op != JIT_OP_JUMP && in->op != JIT_OP_JUMP_NO_INTERRUPT &&
                in->op != JIT_OP_POP_JUMP_IF_FALSE && in->op != JIT_OP_POP_JUMP_IF_TRUE &&
                in->op != JIT_OP_POP_JUMP_IF_NONE && in->op != JIT_OP_POP_JUMP_IF_NOT_NONE)
                continue;
            for (int hops = 0; hops < 10; hops++) {
                jit_block *t = &u->blocks[in->target];
                if (!t->n || t->ins[0].op != JIT_OP_JUMP || t->ins[0].target == in->target)
                    break;
                /* Not past a jump of another line (a `break` that lands
                 * on an outer `break` still passes that line), as CPython. */
                if (t->ins[0].pos.lineno >= 0 && t->ins[0].pos.lineno != in->pos.lineno)
                    break;
                in->target = t->ins[0].target;
            }
        }
    }
}

/* Does some reachable block start at flattened instruction k? */
static int ins_is_target(jit_unit *u, const int *block_first, int k)
{
    for (int bi = 0; bi < u->nblocks; bi++)
        if (u->blocks[bi].reachable && block_first[bi] == k)
            return 1;
    return 0;
}

/* LOAD_CONST a; ...; LOAD_CONST z; BUILD_TUPLE n  ->  LOAD_CONST (a, ..., z)
 * within a block (CPython's fold_tuple_on_constants). */
static int fold_const_tuples(jit_compiler *c, jit_unit *u)
{
    for (int bi = 0; bi < u->nblocks; bi++) {
        jit_block *b = &u->blocks[bi];
        for (int k = 0; k < b->n; k++) {
            jit_instr *in = &b->ins[k];
            int n = in->arg;
            if (in->op != JIT_OP_BUILD_TUPLE || n < 1 || n > k)
                continue;
            int ok = 1;
            for (int j = k - n; j < k && ok; j++)
                if (b->ins[j].op != JIT_OP_LOAD_CONST)
                    ok = 0;
            if (!ok)
                continue;
            KnObject *t = ob_tuple_new(n);
            if (!t)
                return jit_c_objerr(c);
            for (int j = 0; j < n; j++) {
                b->ins[k - n + j].op = JIT_OP_NOP;
                ((KnTupleObject *)t)->ob_item[j] = u->consts[b->ins[k - n + j].arg];
            }
            int idx = jit_c_add_const(c, t);
            if (idx < 0)
                return -1;
            in->op = JIT_OP_LOAD_CONST;
            in->arg = idx;
        }
    }
    return 0;
}

/* Line numbers for code without a position (CPython's
 * duplicate_exits_without_lineno and propagate_line_numbers): an exit
 * block without a line (the implicit `return None`) reached by jumps from
 * several places is copied once per jump, each copy taking its jump's
 * line; then a block without a line reached from a single place takes
 * that place's line.  Line events (sys.settrace) and coverage depend on
 * this matching CPython.  Runs after the flow pass. */
static int block_falls_through(const jit_block *b)
{
    return !b->n || !(jit_op_flags(b->ins[b->n - 1].op) & JIT_OPF_TERM);
}

/* Predecessors of each block: jumps (not SETUP_*) and fall-through into
 * the next reachable block in layout order.  preds has nblocks entries. */
static void count_preds(jit_unit *u, int *preds)
{
    for (int k = 0; k < u->norder; k++) {
        jit_block *b = &u->blocks[u->order[k]];
        if (!b->reachable)
            continue;
        for (int j = 0; j < b->n; j++)
            if (b->ins[j].target >= 0 && !(jit_op_flags(b->ins[j].op) & JIT_OPF_SETUP))
                preds[b->ins[j].target]++;
        /* the fall-through successor: the next reachable block in order */
        if (block_falls_through(b))
            for (int q = k + 1; q < u->norder; q++)
                if (u->blocks[u->order[q]].reachable) {
                    preds[u->order[q]]++;
                    break;
                }
    }
}

static int is_exit_without_line(const jit_block *t)
{
    if (!t->n)
        return 0;
    int last = t->ins[t->n - 1].op;
    if (last != JIT_OP_RETURN_VALUE && last != JIT_OP_RERAISE && last != JIT_OP_RAISE_VARARGS)
        return 0;
    for (int j = 0; j < t->n; j++)
        if (t->ins[j].pos.lineno >= 0)
            return 0;
    return 1;
}

/* The block a jump to t really lands in: empty blocks (a `for` loop's
 * missing `else`) fall through to the next reachable block in layout. */
static int skip_empty(jit_unit *u, const int *slot, int t)
{
    while (u->blocks[t].n == 0) {
        int q = slot[t] + 1;
        while (q < u->norder && !u->blocks[u->order[q]].reachable)
            q++;
        if (q >= u->norder)
            return t;
        t = u->order[q];
    }
    return t;
}

/* Copy exit blocks without a line that several jumps reach: each jump
 * gets its own copy (laid out at the end), at the jump's position.  An
 * exit reached by a single jump takes that jump's position here (the
 * propagation below follows only a block's last instruction, and no
 * chain of empty blocks). */
static int duplicate_exits(jit_compiler *c, jit_unit *u)
{
    int *preds = kgc_alloc(sizeof(int) * (size_t)(u->nblocks + 1) * 2);
    if (!preds)
        return jit_c_nomem(c);
    int *slot = preds + u->nblocks + 1;     /* block -> index in u->order */
    count_preds(u, preds);
    for (int k = 0; k < u->norder; k++)
        slot[u->order[k]] = k;
    int norder = u->norder;
    for (int k = 0; k < norder; k++) {
        int bi = u->order[k];
        if (!u->blocks[bi].reachable)
            continue;
        jit_position here = {-1, -1, -1, -1};
        for (int j = 0; j < u->blocks[bi].n; j++) {
            jit_instr in = u->blocks[bi].ins[j];
            if (in.pos.lineno >= 0)
                here = in.pos;
            if (in.target < 0 || (jit_op_flags(in.op) & JIT_OPF_SETUP) || here.lineno < 0)
                continue;
            int t = skip_empty(u, slot, in.target);
            if (!is_exit_without_line(&u->blocks[t]))
                continue;
            if (t != in.target) {
                /* Jump straight there; the empty block falls into t only
                 * while something else still reaches it. */
                u->blocks[bi].ins[j].target = t;
                preds[t]++;
                if (--preds[in.target] == 0)
                    preds[t]--;
            }
            if (preds[t] <= 1) {
                u->blocks[t].ins[0].pos = here;
                continue;
            }
            jit_block *b = &u->blocks[bi];
            if (j == b->n - 1 && (jit_op_flags(in.op) & JIT_OPF_TERM)) {
                /* An unconditional jump to the shared exit: the exit's
                 * code replaces the jump (CPython inlines such small exit
                 * blocks before it copies them). */
                jit_block *exit = &u->blocks[t];
                jit_instr *ni = kgc_alloc(sizeof(jit_instr) * (size_t)(b->n - 1 + exit->n));
                if (!ni)
                    return jit_c_nomem(c);
                memcpy(ni, b->ins, sizeof(jit_instr) * (size_t)(b->n - 1));
                memcpy(ni + b->n - 1, exit->ins, sizeof(jit_instr) * (size_t)exit->n);
                ni[b->n - 1].pos = here;
                b->ins = ni;
                b->n = b->cap = b->n - 1 + exit->n;
                preds[t]--;
                break;
            }
            int nb = jit_c_new_block(c);     /* may move u->blocks */
            if (nb < 0)
                return -1;
            jit_block *exit = &u->blocks[t], *copy = &u->blocks[nb];
            copy->ins = kgc_alloc(sizeof(jit_instr) * (size_t)exit->n);
            if (!copy->ins)
                return jit_c_nomem(c);
            memcpy(copy->ins, exit->ins, sizeof(jit_instr) * (size_t)exit->n);
            copy->n = copy->cap = exit->n;
            copy->depth = exit->depth;
            copy->reachable = 1;
            copy->ins[0].pos = here;
            preds[t]--;
            u->blocks[bi].ins[j].target = nb;
            int cur = u->cur;
            if (jit_c_use_block(c, nb) < 0)
                return -1;
            u->cur = cur;
        }
    }
    return 0;
}

static int fix_lines(jit_compiler *c, jit_unit *u)
{
    if (duplicate_exits(c, u) < 0)
        return -1;
    int *preds = kgc_alloc(sizeof(int) * (size_t)(u->nblocks + 1) * 2);
    if (!preds)
        return jit_c_nomem(c);
    count_preds(u, preds);
    /* propagate along single-predecessor edges */
    for (int k = 0; k < u->norder; k++) {
        jit_block *b = &u->blocks[u->order[k]];
        if (!b->reachable || !b->n)
            continue;
        jit_position last = {-1, -1, -1, -1};
        for (int j = 0; j < b->n; j++)
            if (b->ins[j].pos.lineno >= 0)
                last = b->ins[j].pos;
        if (last.lineno < 0)
            continue;
        if (block_falls_through(b)) {
            for (int q = k + 1; q < u->norder; q++) {
                jit_block *nx = &u->blocks[u->order[q]];
                if (!nx->reachable)
                    continue;
                if (preds[u->order[q]] == 1 && nx->n && nx->ins[0].pos.lineno < 0)
                    nx->ins[0].pos = last;
                break;
            }
        }
        jit_instr *lj = &b->ins[b->n - 1];
        if (lj->target >= 0 && !(jit_op_flags(lj->op) & JIT_OPF_SETUP)) {
            jit_block *t = &u->blocks[lj->target];
            if (preds[lj->target] == 1 && t->n && t->ins[0].pos.lineno < 0)
                t->ins[0].pos = last;
        }
    }
    /* an exit (`return None`) still without a line: the line of the code
     * laid out before it */
    jit_position prevpos = {-1, -1, -1, -1};
    for (int k = 0; k < u->norder; k++) {
        jit_block *b = &u->blocks[u->order[k]];
        if (!b->reachable || !b->n)
            continue;
        if (b->ins[0].pos.lineno < 0 && b->ins[b->n - 1].op == JIT_OP_RETURN_VALUE &&
            prevpos.lineno >= 0)
            b->ins[0].pos = prevpos;
        for (int j = 0; j < b->n; j++)
            if (b->ins[j].pos.lineno >= 0)
                prevpos = b->ins[j].pos;
    }
    return 0;
}

KnObject *jit_assemble(jit_compiler *c, jit_unit *u)
{
    int maxdepth = 0;
    thread_jumps(u);
    if (fold_const_tuples(c, u) < 0)
        return NULL;
    jit_peephole_unpack(u);
    if (stackdepth(c, u, &maxdepth) < 0)
        return NULL;
    if (fix_lines(c, u) < 0)
        return NULL;
    /* Flatten reachable blocks; drop pseudo SETUP/POP_BLOCK, redundant
     * NOPs and jumps to the next instruction. */
    int total = 0;
    for (int k = 0; k < u->norder; k++)
        if (u->blocks[u->order[k]].reachable)
            total += u->blocks[u->order[k]].n;
    asm_instr *ins = kgc_alloc(sizeof(asm_instr) * (size_t)(total + 1));
    int *block_first = kgc_alloc(sizeof(int) * (size_t)(u->nblocks + 1));
    if (!ins || !block_first)
        {
            jit_c_nomem(c);
            return NULL;
        }
    int n = 0;
    for (int k = 0; k < u->norder; k++) {
        int bi = u->order[k];
        jit_block *b = &u->blocks[bi];
        block_first[bi] = n;
        if (!b->reachable)
            continue;
        /* effective positions: an instruction without one inherits the
         * previous instruction's (within the block) */
        jit_position prev = {-1, -1, -1, -1};
        for (int j = 0; j < b->n; j++) {
            jit_instr *in = &b->ins[j];
            if (jit_op_flags(in->op) & JIT_OPF_SETUP || in->op == JIT_OP_POP_BLOCK)
                continue;
            if (in->pos.lineno < 0 && prev.lineno >= 0)
                in->pos = prev;
            prev = in->pos;
        }
        int kept_line = -1;
        for (int j = 0; j < b->n; j++) {
            jit_instr *in = &b->ins[j];
            if (jit_op_flags(in->op) & JIT_OPF_SETUP || in->op == JIT_OP_POP_BLOCK)
                continue;
            if (in->op == JIT_OP_NOP) {
                /* keep a NOP only when it is the sole carrier of its line */
                int line = in->pos.lineno, lone = line >= 0 && line != kept_line, seen = 0;
                for (int q = j + 1; q < b->n && lone; q++) {
                    jit_instr *nx = &b->ins[q];
                    if (jit_op_flags(nx->op) & JIT_OPF_SETUP || nx->op == JIT_OP_POP_BLOCK)
                        continue;
                    seen = 1;
                    if (nx->pos.lineno == line)
                        lone = 0;
                    break;
                }
                /* the block's last: the next block may carry the line */
                if (lone && !seen && jit_peephole_next_line(u, k) == line)
                    lone = 0;
                if (!lone)
                    continue;
            }
            asm_instr *a = &ins[n++];
            a->op = in->op;
            a->arg = in->arg;
            a->target = in->target;
            a->region = in->region;
            a->pos = in->pos;
            kept_line = in->pos.lineno;
        }
    }
    /* SWAP k; SWAP k inside one block cancel out */
    for (int k = 0; k + 1 < n; k++) {
        if (ins[k].op == JIT_OP_SWAP && ins[k + 1].op == JIT_OP_SWAP &&
            ins[k].arg == ins[k + 1].arg && !ins_is_target(u, block_first, k + 1)) {
            ins[k].op = ins[k + 1].op = JIT_OP_NOP;
            ins[k].pos.lineno = ins[k + 1].pos.lineno = -2;
        }
    }
    /* map block -> first instruction index following it (skip empty) */
    int *block_at = kgc_alloc(sizeof(int) * (size_t)(u->nblocks + 1));
    if (!block_at)
        {
            jit_c_nomem(c);
            return NULL;
        }
    for (int bi = 0; bi < u->nblocks; bi++)
        block_at[bi] = u->blocks[bi].reachable ? block_first[bi] : -1;
    /* jumps to the very next instruction vanish; one that is the only
     * instruction of its line (`if False:`, a `break` right before the
     * loop's exit) stays as a NOP, so the line still has a line event,
     * as with CPython's NOP removal */
    int last_line = -1;
    for (int k = 0; k < n; k++) {
        asm_instr *a = &ins[k];
        if ((a->op == JIT_OP_JUMP || a->op == JIT_OP_JUMP_NO_INTERRUPT) &&
            block_at[a->target] == k + 1) {
            int line = a->pos.lineno, next_line = k + 1 < n ? ins[k + 1].pos.lineno : -1;
            a->op = JIT_OP_NOP;
            a->target = -1;
            /* a NOP that carries nothing is removed below */
            if (line < 0 || line == last_line || line == next_line)
                a->pos.lineno = -2;
        }
        if (a->pos.lineno != -2)
            last_line = a->pos.lineno;
    }
    {
        int m = 0;
        int *remap = kgc_alloc(sizeof(int) * (size_t)(n + 1));
        if (!remap)
            {
            jit_c_nomem(c);
            return NULL;
        }
        for (int k = 0; k < n; k++) {
            remap[k] = m;
            if (ins[k].op == JIT_OP_NOP && ins[k].pos.lineno == -2)
                continue;
            ins[m++] = ins[k];
        }
        remap[n] = m;
        for (int bi = 0; bi < u->nblocks; bi++)
            if (block_at[bi] >= 0)
                block_at[bi] = remap[block_at[bi]];
        n = m;
    }
    /* constants only dead code used are dropped (the first one stays: it
     * is a function's docstring slot) */
    {
        int *newidx = kgc_alloc(sizeof(int) * (size_t)(u->nconsts + 1));
        if (!newidx) {
            jit_c_nomem(c);
            return NULL;
        }
        for (int i = 0; i < u->nconsts; i++)
            newidx[i] = i == 0 ? 0 : -1;
        for (int k = 0; k < n; k++)
            if (jit_op_flags(ins[k].op) & JIT_OPF_CONST)
                newidx[ins[k].arg] = 0;
        int m = 0;
        for (int i = 0; i < u->nconsts; i++) {
            if (newidx[i] < 0)
                continue;
            u->consts[m] = u->consts[i];
            newidx[i] = m++;
        }
        u->nconsts = m;
        for (int k = 0; k < n; k++)
            if (jit_op_flags(ins[k].op) & JIT_OPF_CONST)
                ins[k].arg = newidx[ins[k].arg];
    }
    /* cell and free variable indexes become localsplus slots */
    for (int k = 0; k < n; k++)
        if (jit_op_flags(ins[k].op) & JIT_OPF_FREE)
            ins[k].arg = jit_c_deref_slot(u, ins[k].arg);
    /* sizes and offsets, to a fixed point */
    for (int k = 0; k < n; k++)
        ins[k].size = 1 + ext_count((unsigned)ins[k].arg) + jit_op_caches(ins[k].op);
    for (int iter = 0;; iter++) {
        int off = 0;
        for (int k = 0; k < n; k++) {
            ins[k].offset = off;
            off += ins[k].size;
        }
        int changed = 0;
        for (int k = 0; k < n; k++) {
            asm_instr *a = &ins[k];
            if (a->target < 0)
                continue;
            int ti = block_at[a->target];
            int toff = ti < n ? ins[ti].offset : off;
            int next = a->offset + a->size;
            int fwd = toff >= next;
            int op = resolve_jump_op(a->op, fwd);
            unsigned fl = jit_op_flags(op);
            if ((fl & JIT_OPF_JFWD) && !fwd)
                {
            internal_error(c, "backward jump of a forward-only instruction",
                                      u->name);
            return NULL;
        }
            int arg = fwd ? toff - next : next - toff;
            int size = 1 + ext_count((unsigned)arg) + jit_op_caches(op);
            if (size != a->size) {
                a->size = size;
                changed = 1;
            }
            a->arg = arg;
            a->op = op;
            a->target = a->target;   /* keep for the next round */
        }
        if (!changed)
            break;
        if (iter > 20)
            {
            internal_error(c, "jump sizes do not converge", u->name);
            return NULL;
        }
        /* a resolved op must go back to its pseudo form for re-resolution:
         * resolve_jump_op maps real jump ops to themselves, and the
         * direction of a jump never changes when only sizes grow. */
    }
    int ncode = n ? ins[n - 1].offset + ins[n - 1].size : 0;
    uint16_t *code = kgc_alloc_atomic(sizeof(uint16_t) * (size_t)(ncode + 1));
    uint16_t *orig = kgc_alloc_atomic(sizeof(uint16_t) * (size_t)(ncode + 1));
    jit_position *pos = kgc_alloc_atomic(sizeof(jit_position) * (size_t)(ncode + 1));
    jit_exc_entry *exc = kgc_alloc_atomic(sizeof(jit_exc_entry) * (size_t)(n + 1));
    if (!code || !orig || !pos || !exc)
        {
            jit_c_nomem(c);
            return NULL;
        }
    int nexc = 0;
    for (int k = 0; k < n; k++) {
        asm_instr *a = &ins[k];
        int w = a->offset;
        unsigned arg = (unsigned)a->arg;
        int ext = ext_count(arg);
        for (int e = ext; e > 0; e--) {
            code[w] = (uint16_t)(JIT_OP_EXTENDED_ARG | (((arg >> (8 * e)) & 0xFF) << 8));
            pos[w++] = a->pos;
        }
        code[w] = (uint16_t)(a->op | ((arg & 0xFF) << 8));
        pos[w++] = a->pos;
        for (int q = 0; q < jit_op_caches(a->op); q++) {
            code[w] = 0;
            pos[w++] = a->pos;
        }
        /* exception table */
        if (a->region >= 0) {
            jit_region *r = &u->regions[a->region];
            int ti = block_at[r->handler];
            if (ti < 0 || r->depth < 0)
                {
            internal_error(c, "handler without a known depth", u->name);
            return NULL;
        }
            int target = ti < n ? ins[ti].offset : ncode;
            jit_exc_entry *last = nexc ? &exc[nexc - 1] : NULL;
            if (last && last->end == a->offset && last->target == target &&
                last->depth == r->depth && last->lasti == r->lasti) {
                last->end = a->offset + a->size;
            } else {
                exc[nexc].start = a->offset;
                exc[nexc].end = a->offset + a->size;
                exc[nexc].target = target;
                exc[nexc].depth = r->depth;
                exc[nexc].lasti = r->lasti;
                nexc++;
            }
        }
    }
    memcpy(orig, code, sizeof(uint16_t) * (size_t)ncode);

    KnCodeObject *co = jit_code_new();
    if (!co)
        {
            jit_c_objerr(c);
            return NULL;
        }
    KnObject *consts = ob_tuple_new(u->nconsts);
    if (!consts)
        {
            jit_c_objerr(c);
            return NULL;
        }
    for (int i = 0; i < u->nconsts; i++)
        ((KnTupleObject *)consts)->ob_item[i] = u->consts[i];
    KnObject *names = strmap_tuple(&u->names);
    if (!names)
        {
            jit_c_objerr(c);
            return NULL;
        }
    /* localsplus: locals, cells that are not locals, frees */
    int nl = u->varnames.len, ncell = 0;
    for (int i = 0; i < u->cellvars.len; i++)
        if (jit_strmap_find(&u->varnames, u->cellvars.keys[i]) < 0)
            ncell++;
    int nplus = nl + ncell + u->freevars.len;
    KnObject *lpn = ob_tuple_new(nplus);
    uint8_t *kinds = kgc_alloc_atomic((size_t)nplus + 1);
    if (!lpn || !kinds)
        {
            jit_c_objerr(c);
            return NULL;
        }
    int w = 0;
    for (int i = 0; i < nl; i++, w++) {
        ((KnTupleObject *)lpn)->ob_item[w] = ob_str_intern_cstr(u->varnames.keys[i]);
        kinds[w] = JIT_LOCAL_LOCAL;
        if (jit_strmap_find(&u->cellvars, u->varnames.keys[i]) >= 0)
            kinds[w] |= JIT_LOCAL_CELL;
    }
    for (int i = 0; i < u->cellvars.len; i++) {
        if (jit_strmap_find(&u->varnames, u->cellvars.keys[i]) >= 0)
            continue;
        ((KnTupleObject *)lpn)->ob_item[w] = ob_str_intern_cstr(u->cellvars.keys[i]);
        kinds[w++] = JIT_LOCAL_CELL;
    }
    for (int i = 0; i < u->freevars.len; i++, w++) {
        ((KnTupleObject *)lpn)->ob_item[w] = ob_str_intern_cstr(u->freevars.keys[i]);
        kinds[w] = JIT_LOCAL_FREE;
    }
    for (int i = 0; i < nplus; i++)
        if (!((KnTupleObject *)lpn)->ob_item[i])
            {
            jit_c_objerr(c);
            return NULL;
        }
    co->co_argcount = u->argcount;
    co->co_posonlyargcount = u->posonlyargcount;
    co->co_kwonlyargcount = u->kwonlyargcount;
    co->co_nlocalsplus = nplus;
    co->co_nlocals = nl;
    co->co_ncellvars = u->cellvars.len;
    co->co_nfreevars = u->freevars.len;
    co->co_stacksize = maxdepth;
    co->co_flags = compute_flags(c, u);
    co->co_firstlineno = u->firstlineno;
    co->co_consts = consts;
    co->co_names = names;
    co->co_localsplusnames = lpn;
    co->co_localspluskinds = kinds;
    co->co_filename = c->filename;
    co->co_name = ob_str_intern_cstr(u->name);
    co->co_qualname = u->qualname;
    co->co_code = code;
    co->co_code_orig = orig;
    co->co_ncode = ncode;
    co->co_positions = pos;
    co->co_exctable = exc;
    co->co_nexc = nexc;
    if (!co->co_name)
        {
            jit_c_objerr(c);
            return NULL;
        }
    return (KnObject *)co;
}
