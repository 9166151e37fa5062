/* libjit/src/opcode.h — opcode numbers and per-opcode data, expanded from
 * opcodes.def (see there for every instruction's semantics).  Internal to
 * libjit; the interpreter and the dis module's tables come from here. */
#ifndef LIBJIT_OPCODE_H
#define LIBJIT_OPCODE_H

#include <stdint.h>

enum {
#define OP(name, pops, pushes, caches, flags) JIT_OP_##name,
#include "opcodes.def"
    JIT_OP__NREAL,                 /* number of OP rows */
    /* SPEC rows continue the numbering right after the OP rows, so that
     * opcode.c's table (OP rows, then SPEC rows) is indexed by opcode. */
    JIT_OP__SPEC_BEFORE = JIT_OP__NREAL - 1,
#define SPEC(name, base) JIT_OP_##name,
#include "opcodes.def"
    JIT_OP__NCODE,                 /* real + specialised: must stay <= 256 */
    JIT_OP__PSEUDO_BASE = 255,
#define PSEUDO(name, pops, pushes, flags) JIT_OP_##name,
#include "opcodes.def"
    JIT_OP__END
};

/* BINARY_OP arguments. */
enum {
#define BINOP(name, sym) JIT_NB_##name,
#include "opcodes.def"
    JIT_NB__COUNT
};

#define JIT_OPF_ARG    0x001
#define JIT_OPF_JFWD   0x002
#define JIT_OPF_JBACK  0x004
#define JIT_OPF_JABS   0x008
#define JIT_OPF_CONST  0x010
#define JIT_OPF_NAME   0x020
#define JIT_OPF_LOCAL  0x040
#define JIT_OPF_FREE   0x080
#define JIT_OPF_TERM   0x100
#define JIT_OPF_UNCOND 0x200
#define JIT_OPF_SETUP  0x400
#define JIT_OPF_JUMP (JIT_OPF_JFWD | JIT_OPF_JBACK | JIT_OPF_JABS)

#define JIT_IS_PSEUDO(op) ((op) > JIT_OP__PSEUDO_BASE)

/* Name ("LOAD_FAST"), flags, cache units of any opcode (real, specialised
 * or pseudo); NULL / 0 for numbers that are not opcodes. */
const char *jit_op_name(int op);
unsigned jit_op_flags(int op);
int jit_op_caches(int op);
/* The unspecialised opcode a specialised one stands for (identity else). */
int jit_op_base(int op);
/* Net stack effect (pushes - pops) on the fall-through edge (jump = 0) or
 * the taken edge (jump = 1).  Also stores pops in *npops when non-NULL. */
int jit_op_stack_effect(int op, int oparg, int jump, int *npops);
/* "+", "+=", ... for a BINARY_OP argument; NULL when out of range. */
const char *jit_binop_symbol(int nb);

#endif
