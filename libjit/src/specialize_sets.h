/* libjit/src/specialize_sets.h — set forms (specialize_sets.c,
 * eval_spec_sets.inc): `a | b` of exact sets/frozensets, and
 * `a | {x}` without building the one-element set. */
#ifndef LIBJIT_SPECIALIZE_SETS_H
#define LIBJIT_SPECIALIZE_SETS_H
#include "libobject/set.h"
#include "specialize.h"

static inline int jit_set_exact(const KnObject *o)
{
    return KN_SET_CHECK_EXACT(o) || KN_FROZENSET_CHECK_EXACT(o);
}

/* `key in s` for an exact str s and exact str key (what str's
 * __contains__ does for them): 1, 0, or -1 with the error set. */
static inline int jit_str_in_str(KnObject *s, KnObject *key)
{
    kn_ssize_t i = ob_str_find(s, key, 0, KN_STR_LEN(s), 0);
    return i >= 0 ? 1 : i == -1 ? 0 : -1;
}

/* BINARY_OP's hook: 1 when the operation is a set form's (specialised or
 * refused here), 0 to let the other specialisers try. */
int jit_specialize_binary_op_set(KnCodeObject *co, uint16_t *instr, int nb, KnObject *a,
                                 KnObject *b);
/* Warm-up (quicken, specialize_num.c): CONTAINS_OP at unit i becomes
 * CONTAINS_OP_Q, or CONTAINS_OP_JUMP before a POP_JUMP_*_IF_FALSE/TRUE. */
void jit_sets_quicken_contains(KnCodeObject *co, int i);
#endif
