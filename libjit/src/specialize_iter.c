/* libjit/src/specialize_iter.c — picks FOR_ITER_RANGE / _LIST / _TUPLE
 * from the exact type of the iterator FOR_ITER steps (the bodies are in
 * eval_spec_iter.inc), and FOR_ITER_ENUMERATE / _ZIP2 for `for i, x in
 * enumerate(...)` / `for x, y in zip(a, b)`, FOR_ITER_DICT_ITEMS for
 * `for k, v in d.items()`.  FOR_ITER has no cache units, so there is no
 * counter: the generic form specialises as soon as its code object is
 * warm, and a form meeting another type goes back to the generic one. */
#include "libobject/complex.h"
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
    int op;
    if (tp == &ob_range_iter_type) {
        op = JIT_OP_FOR_ITER_RANGE;
    } else if (tp == &ob_list_iter_type) {
        op = JIT_OP_FOR_ITER_LIST;
    } else if (tp == &ob_tuple_iter_type) {
        op = JIT_OP_FOR_ITER_TUPLE;
    } else {
        /* enumerate / zip of two: only when the pair goes straight into
         * UNPACK_SEQUENCE 2 (read from co_code_orig), which the form then
         * does itself, so the pair tuple is never made */
        uint16_t next = co->co_code_orig[instr - co->co_code + 1];
        if ((next & 0xff) != JIT_OP_UNPACK_SEQUENCE || (next >> 8) != 2)
            return;
        if (tp == &ob_enumerate_type && jit_iter_enumerate_ok((const KnEnumerateIter *)it))
            op = JIT_OP_FOR_ITER_ENUMERATE;
        else if (tp == &ob_zip_type && jit_iter_zip2_ok((const KnZipIter *)it))
            op = JIT_OP_FOR_ITER_ZIP2;
        else if (tp == &ob_dict_itemiter_type)
            op = JIT_OP_FOR_ITER_DICT_ITEMS;
        else
            return;
    }
    JIT_SPEC_STAT(op, JIT_STAT_SPECIALISED);
    set_opcode(instr, op);
}

void jit_for_iter_deopt(uint16_t *instr)
{
    JIT_SPEC_STAT(*instr, JIT_STAT_DEOPT);
    set_opcode(instr, JIT_OP_FOR_ITER);
}

void jit_iter_quicken_swap(KnCodeObject *co, int i)
{
    const uint16_t *orig = co->co_code_orig;
    if (i + 2 >= co->co_ncode || orig[i] != (JIT_OP_SWAP | 3 << 8) ||
        orig[i + 1] != (JIT_OP_SWAP | 2 << 8) || (orig[i + 2] & 0xff) != JIT_OP_STORE_SUBSCR)
        return;
    if (i > 0 && (orig[i - 1] & 0xff) == JIT_OP_EXTENDED_ARG)
        return;
    JIT_SPEC_STAT(JIT_OP_SWAP_STORE_SUBSCR, JIT_STAT_SPECIALISED);
    set_opcode(&co->co_code[i], JIT_OP_SWAP_STORE_SUBSCR);
}

/* complex is a static, immutable type: its `real` / `imag` member
 * descriptors cannot be replaced or shadowed, so the exact type is the
 * whole guard. */
int jit_specialize_load_attr_complex(uint16_t *instr, const KnObject *owner, KnObject *name)
{
    if (KN_TYPE(owner) != &ob_complex_type)
        return 0;
    if (ob_str_equal_cstr(name, "real"))
        jit_spec_rewrite(instr, JIT_OP_LOAD_ATTR_COMPLEX_REAL);
    else if (ob_str_equal_cstr(name, "imag"))
        jit_spec_rewrite(instr, JIT_OP_LOAD_ATTR_COMPLEX_IMAG);
    else
        return 0;
    return 1;
}
