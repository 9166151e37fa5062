/* libjit/src/specialize_slice.c — picks BUILD_SLICE_SUBSCR /
 * BUILD_SLICE_STORE_SUBSCR for a BUILD_SLICE followed directly by the
 * subscript that consumes its slice (`a[i:j]`, `a[i:j:k]`, `a[i:j] = v`).
 * BUILD_SLICE has no cache units, so there is no counter: the generic form
 * asks as soon as its code object is warm, as FOR_ITER does.  The forms
 * are in eval_spec_slice.inc. */
#include "specialize_slice.h"

static void set_opcode(uint16_t *instr, int op)
{
    *instr = (uint16_t)((*instr & 0xff00) | (unsigned)op);
}

void jit_specialize_build_slice(const KnCodeObject *co, uint16_t *instr, int oparg)
{
    kn_ssize_t at = instr - co->co_code;
    if (at + 1 >= co->co_ncode || jit_quicken_off())
        return;
    /* co_code_orig: the unit after is an instruction (BUILD_SLICE has no
     * caches) whatever the quickening wrote over its opcode byte */
    int next = co->co_code_orig[at + 1] & 0xff;
    int op;
    if (next == JIT_OP_BINARY_SUBSCR)
        op = JIT_OP_BUILD_SLICE_SUBSCR;
    else if (next == JIT_OP_STORE_SUBSCR && oparg == 2)
        op = JIT_OP_BUILD_SLICE_STORE_SUBSCR;
    else
        return;
    JIT_SPEC_STAT(op, JIT_STAT_SPECIALISED);
    set_opcode(instr, op);
}
