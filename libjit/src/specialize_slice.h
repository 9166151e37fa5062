/* libjit/src/specialize_slice.h — BUILD_SLICE fused with the subscript
 * after it (specialize_slice.c, eval_spec_slice.inc;
 * NOTES-specialization.md, "Slices without slice objects"). */
#ifndef LIBJIT_SPECIALIZE_SLICE_H
#define LIBJIT_SPECIALIZE_SLICE_H

#include "libobject/int.h"
#include "libobject/list.h"
#include "libobject/slice.h"
#include "libobject/str.h"
#include "libobject/tuple.h"
#include "specialize.h"

/* jit_small_int reads up to two digits (60 bits): they fit a kn_ssize_t
 * unclamped only when it is 64 bits wide. */
_Static_assert(sizeof(kn_ssize_t) >= 8, "slice bounds need a 64-bit kn_ssize_t");

/* A slice bound as ob_slice_unpack reads it when no code can run: None
 * (leaves *v, the default) or an exact int of at most two digits.  0 for
 * anything else (bool, other int subclasses, __index__ objects, big ints),
 * which the generic BUILD_SLICE handles. */
static inline int jit_slice_bound(KnObject *o, kn_ssize_t *v)
{
    long long x;
    if (o == KN_None)
        return 1;
    if (!jit_small_int(o, &x))
        return 0;
    *v = (kn_ssize_t)x;
    return 1;
}

/* BUILD_SLICE (no cache units) at instr in warm code: when the next
 * instruction in co_code_orig is BINARY_SUBSCR, or STORE_SUBSCR after a
 * two-argument BUILD_SLICE, rewrite the opcode byte to the fused form.
 * Never raises. */
void jit_specialize_build_slice(const KnCodeObject *co, uint16_t *instr, int oparg);

#endif /* LIBJIT_SPECIALIZE_SLICE_H */
