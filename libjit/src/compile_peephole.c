/* libjit/src/compile_peephole.c — tuple-free parallel assignment.
 *
 * `a, b = x, y` compiles to BUILD_TUPLE n; UNPACK_SEQUENCE n.  The tuple is
 * never visible, so (as CPython 3.11's optimizer does) the pair becomes
 * nothing for n == 1 and SWAP n for n == 2 or 3: the values are already on
 * the stack, UNPACK_SEQUENCE would only have reversed them.
 *
 * Then a SWAP n followed by n plain stores (STORE_FAST or POP_TOP, nothing
 * else between them but NOPs, all on the line of the first) is removed by
 * exchanging the first and the last store instead (CPython's
 * apply_static_swaps): `a, b = b, a` becomes LOAD b; LOAD a; STORE b;
 * STORE a.  Not when two of the stores name the same local (`a, a = x, y`
 * must leave y in a), which is the behaviour of later 3.11 releases.
 *
 * Runs on the blocks before the stack depth pass (assemble.c); the NOPs it
 * leaves are removed by the assembler like any other.
 *
 * jit_peephole_next_line serves the assembler's NOP removal: a NOP that
 * ends its block goes when the next block starts on its line (a `try:`
 * whose body is `pass`, as CPython). */
#include "compile.h"

static int swappable(const jit_instr *in)
{
    return in->op == JIT_OP_STORE_FAST || in->op == JIT_OP_POP_TOP;
}

/* The next STORE_FAST / POP_TOP after index i (NOPs skipped) on `line`
 * (any line when line < 0), or -1 when anything else comes first. */
static int next_store(const jit_block *b, int i, int line)
{
    for (int k = i + 1; k < b->n; k++) {
        const jit_instr *in = &b->ins[k];
        if (in->op == JIT_OP_NOP)
            continue;
        if (swappable(in) && (line < 0 || in->pos.lineno == line))
            return k;
        return -1;
    }
    return -1;
}

static int same_local(const jit_instr *x, const jit_instr *y)
{
    return x->op == JIT_OP_STORE_FAST && y->op == JIT_OP_STORE_FAST && x->arg == y->arg;
}

/* SWAP at index i: try to replace it by reordering the stores after it. */
static void static_swap(jit_block *b, int i)
{
    int n = b->ins[i].arg;
    int idx[3];
    idx[0] = next_store(b, i, -1);
    if (idx[0] < 0)
        return;
    int line = b->ins[idx[0]].pos.lineno;
    for (int q = 1; q < n; q++) {
        idx[q] = next_store(b, idx[q - 1], line);
        if (idx[q] < 0)
            return;
    }
    for (int p = 0; p < n; p++)
        for (int q = p + 1; q < n; q++)
            if (same_local(&b->ins[idx[p]], &b->ins[idx[q]]))
                return;
    jit_instr t = b->ins[idx[0]];
    b->ins[idx[0]] = b->ins[idx[n - 1]];
    b->ins[idx[n - 1]] = t;
    b->ins[i].op = JIT_OP_NOP;
    b->ins[i].arg = 0;
}

void jit_peephole_unpack(jit_unit *u)
{
    for (int bi = 0; bi < u->nblocks; bi++) {
        jit_block *b = &u->blocks[bi];
        for (int k = 0; k + 1 < b->n; k++) {
            jit_instr *build = &b->ins[k], *unpack = &b->ins[k + 1];
            int n = build->arg;
            if (build->op != JIT_OP_BUILD_TUPLE || unpack->op != JIT_OP_UNPACK_SEQUENCE ||
                unpack->arg != n || n < 1 || n > 3)
                continue;
            build->op = JIT_OP_NOP;
            build->arg = 0;
            if (n == 1) {
                unpack->op = JIT_OP_NOP;
                unpack->arg = 0;
                continue;
            }
            unpack->op = JIT_OP_SWAP;
            static_swap(b, k + 1);
        }
    }
}

int jit_peephole_next_line(jit_unit *u, int k)
{
    for (int q = k + 1; q < u->norder; q++) {
        const jit_block *b = &u->blocks[u->order[q]];
        if (!b->reachable)
            continue;
        for (int j = 0; j < b->n; j++) {
            const jit_instr *in = &b->ins[j];
            if (jit_op_flags(in->op) & JIT_OPF_SETUP || in->op == JIT_OP_POP_BLOCK)
                continue;
            return in->pos.lineno;
        }
    }
    return -1;
}
