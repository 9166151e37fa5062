/* libjit/src/specialize_iter.c — picks FOR_ITER_RANGE / _LIST / _TUPLE
 * from the exact type of the iterator FOR_ITER steps (the bodies are in
 * eval_spec_iter.inc).  FOR_ITER has no cache units, so there is no
 * counter: the generic form specialises as soon as its code object is
 * warm, and a form meeting another type goes back to the generic one. */
#include "specialize_iter.h"

static void set_opcode(uint16_t *instr, int op)
{
    *instr = (uint16_t)((*instr & 0xff00) | (unsigned)op);
}

void jit_specialize_for_iter(const KnCodeObject *co, uint16_t *instr, const KnObject *it)
{
    if (jit_num_cold(co) || jit_quicken_off())
        return;
    const KnTypeObject *tp = KN_TYPE(it);
    int op = tp == &ob_range_iter_type ? JIT_OP_FOR_ITER_RANGE
             : tp == &ob_list_iter_type ? JIT_OP_FOR_ITER_LIST
                                        : JIT_OP_FOR_ITER_TUPLE;
    JIT_SPEC_STAT(op, JIT_STAT_SPECIALISED);
    set_opcode(instr, op);
}

void jit_for_iter_deopt(uint16_t *instr)
{
    JIT_SPEC_STAT(*instr, JIT_STAT_DEOPT);
    set_opcode(instr, JIT_OP_FOR_ITER);
}
