/* libjit/src/specialize_iter.h — FOR_ITER_RANGE / _LIST / _TUPLE
 * (specialize_iter.c, eval_spec_iter.inc; NOTES-specialization.md,
 * "Loops over range / list / tuple"). */
#ifndef LIBJIT_SPECIALIZE_ITER_H
#define LIBJIT_SPECIALIZE_ITER_H

#include "../../libobject/src/iter_internal.h"
#include "specialize.h"

/* One of the iterator types FOR_ITER has an inline form for. */
static inline int jit_iter_inline_type(const KnTypeObject *tp)
{
    return tp == &ob_range_iter_type || tp == &ob_list_iter_type || tp == &ob_tuple_iter_type ||
           tp == &ob_enumerate_type || tp == &ob_zip_type || tp == &ob_dict_itemiter_type;
}

/* FOR_ITER_ENUMERATE / FOR_ITER_ZIP2 can step: an int count, two
 * iterators without strict. */
static inline int jit_iter_enumerate_ok(const KnEnumerateIter *e)
{
    return e->long_index == NULL && e->index < KN_SSIZE_MAX;
}
static inline int jit_iter_zip2_ok(const KnZipIter *z)
{
    return KN_SIZE(z->iters) == 2 && !z->strict;
}

/* FOR_ITER (no cache units) at instr (also FOR_ITER_ENUMERATE / _ZIP2
 * when the loop body starts with UNPACK_SEQUENCE 2), in warm code, about to step `it`
 * whose type passed jit_iter_inline_type: rewrite the opcode byte to the
 * matching form (the argument byte is kept).  Never raises. */
void jit_specialize_for_iter(const KnCodeObject *co, uint16_t *instr, const KnObject *it);

/* A FOR_ITER_* form met another iterator type: back to FOR_ITER (whose
 * next execution may pick another form). */
void jit_for_iter_deopt(uint16_t *instr);

/* Warm-up (specialize_num.c's quicken): the SWAP at unit i starting
 * SWAP 3; SWAP 2; STORE_SUBSCR becomes SWAP_STORE_SUBSCR. */
void jit_iter_quicken_swap(KnCodeObject *co, int i);

/* LOAD_ATTR of `real` / `imag` on an exact complex: LOAD_ATTR_COMPLEX_REAL
 * / _IMAG read the part directly.  1 when rewritten. */
int jit_specialize_load_attr_complex(uint16_t *instr, const KnObject *owner, KnObject *name);

#endif
