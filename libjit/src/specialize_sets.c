/* libjit/src/specialize_sets.c — BINARY_OP_OR_SET (`a | b`, both exact
 * set or frozenset) and BUILD_SET_OR1, the `BUILD_SET 1` feeding such an
 * operator (`used | {c}`), which does the union itself without making the
 * one-element set.  CONTAINS_OP_Q / CONTAINS_OP_JUMP (written when the
 * code object is warm): `x in s` straight to the set table for an exact
 * set/frozenset, fused with the POP_JUMP_IF_* after it.  Bodies in
 * eval_spec_sets.inc; the argument is in NOTES-specialization.md ("Set
 * union with a one-element display", "Membership tests"). */
#include "specialize_sets.h"

int jit_specialize_binary_op_set(KnCodeObject *co, uint16_t *instr, int nb, KnObject *a,
                                 KnObject *b)
{
    if (nb != JIT_NB_OR || !jit_set_exact(a) || !jit_set_exact(b))
        return 0;
    jit_spec_rewrite(instr, JIT_OP_BINARY_OP_OR_SET);
    if ((*instr & 0xff) != JIT_OP_BINARY_OP_OR_SET)
        return 1;                       /* refused (KILN_NOQUICKEN) */
    /* The right operand comes from a `BUILD_SET 1` just before: read in
     * co_code_orig (cache units are zero there), without an EXTENDED_ARG
     * prefix.  A jump to the BINARY_OP itself does not matter: the fused
     * form only runs when control is at the BUILD_SET. */
    int p = (int)(instr - co->co_code);
    const uint16_t *orig = co->co_code_orig;
    if (p < 1 || orig[p - 1] != (JIT_OP_BUILD_SET | 1u << 8))
        return 1;
    if (p >= 2 && (orig[p - 2] & 0xff) == JIT_OP_EXTENDED_ARG)
        return 1;
    if ((co->co_code[p - 1] & 0xff) != JIT_OP_BUILD_SET)
        return 1;
    JIT_SPEC_STAT(JIT_OP_BUILD_SET_OR1, JIT_STAT_SPECIALISED);
    co->co_code[p - 1] = (uint16_t)((co->co_code[p - 1] & 0xff00) | JIT_OP_BUILD_SET_OR1);
    return 1;
}

void jit_sets_quicken_contains(KnCodeObject *co, int i)
{
    int op = JIT_OP_CONTAINS_OP_Q;
    if (i + 1 < co->co_ncode) {
        /* no EXTENDED_ARG can sit between: the next unit is the jump */
        switch (co->co_code_orig[i + 1] & 0xff) {
        case JIT_OP_POP_JUMP_FORWARD_IF_FALSE:
        case JIT_OP_POP_JUMP_FORWARD_IF_TRUE:
        case JIT_OP_POP_JUMP_BACKWARD_IF_FALSE:
        case JIT_OP_POP_JUMP_BACKWARD_IF_TRUE:
            op = JIT_OP_CONTAINS_OP_JUMP;
            break;
        default:
            break;
        }
    }
    JIT_SPEC_STAT(op, JIT_STAT_SPECIALISED);
    co->co_code[i] = (uint16_t)((co->co_code[i] & 0xff00) | (unsigned)op);
}
