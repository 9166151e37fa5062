/* libjit/src/opcode.c — the tables opcodes.def describes, as C data. */
#include <stddef.h>

#include "opcode.h"

#define ARG JIT_OPF_ARG
#define JFWD JIT_OPF_JFWD
#define JBACK JIT_OPF_JBACK
#define JABS JIT_OPF_JABS
#define CONST JIT_OPF_CONST
#define NAME JIT_OPF_NAME
#define LOCAL JIT_OPF_LOCAL
#define FREE JIT_OPF_FREE
#define TERM JIT_OPF_TERM
#define UNCOND JIT_OPF_UNCOND
#define SETUP JIT_OPF_SETUP

typedef struct op_info {
    const char *name;
    unsigned flags;
    int caches;
    int base;
} op_info;

static const op_info real_ops[] = {
#define OP(name, pops, pushes, caches, flags) {#name, (flags), (caches), JIT_OP_##name},
#include "opcodes.def"
#define SPEC(name, base) {#name, 0, 0, JIT_OP_##base},
#include "opcodes.def"
};

static const op_info pseudo_ops[] = {
#define PSEUDO(name, pops, pushes, flags) {#name, (flags), 0, JIT_OP_##name},
#include "opcodes.def"
};

_Static_assert(JIT_OP__NCODE <= 256, "opcodes must fit in a byte");
_Static_assert(sizeof real_ops / sizeof real_ops[0] == JIT_OP__NCODE,
               "real_ops must be indexed by opcode (OP rows, then SPEC rows)");

static const op_info *info(int op)
{
    /* A specialised row carries its own name; flags and caches are read
     * through `base` by the accessors below. */
    if (op >= 0 && op < JIT_OP__NCODE)
        return &real_ops[op];
    if (op > JIT_OP__PSEUDO_BASE && op < JIT_OP__END)
        return &pseudo_ops[op - JIT_OP__PSEUDO_BASE - 1];
    return NULL;
}

const char *jit_op_name(int op)
{
    const op_info *i = info(op);
    return i ? i->name : NULL;
}

unsigned jit_op_flags(int op)
{
    const op_info *i = info(op);
    if (!i)
        return 0;
    return op < JIT_OP__NCODE ? real_ops[i->base].flags : i->flags;
}

int jit_op_caches(int op)
{
    const op_info *i = info(op);
    if (!i)
        return 0;
    return op < JIT_OP__NCODE ? real_ops[i->base].caches : 0;
}

int jit_op_base(int op)
{
    const op_info *i = info(op);
    return i ? i->base : op;
}

int jit_op_stack_effect(int op, int oparg, int jump, int *npops)
{
    int pops = 0, pushes = 0;
    op = jit_op_base(op);
    switch (op) {
#define OP(name, po, pu, caches, flags) \
    case JIT_OP_##name: pops = (po); pushes = (pu); break;
#include "opcodes.def"
#define PSEUDO(name, po, pu, flags) \
    case JIT_OP_##name: pops = (po); pushes = (pu); break;
#include "opcodes.def"
    default:
        break;
    }
    (void)jump;
    if (npops)
        *npops = pops;
    return pushes - pops;
}

static const char *const binop_symbols[] = {
#define BINOP(name, sym) sym,
#include "opcodes.def"
};

const char *jit_binop_symbol(int nb)
{
    if (nb < 0 || nb >= JIT_NB__COUNT)
        return NULL;
    return binop_symbols[nb];
}
