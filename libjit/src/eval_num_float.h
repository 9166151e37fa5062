/* libjit/src/eval_num_float.h — float temporaries recycled by the float
 * forms of eval_spec_num.inc ("floats" part; included by eval.c only).
 *
 * jit_float_spare[] holds up to two exact floats that nothing references
 * any more: a temporary that was referenced only by the value stack and
 * has just been consumed (see the REUSE1 forms and BINARY_OP_*_FLOAT_R0K).
 * The next floats the float forms make take them instead of allocating
 * (two: mandelbrot's loop frees two per iteration and makes them again).
 *
 * jit_float_keep_top / jit_float_keep_below: what the last R0K execution
 * made (top) and the fresh temporary it proved to sit right under its
 * operands (below, or NULL).  A REUSE1 form whose operands are exactly
 * (below, top) consumes both temporaries: its result goes into top, below
 * becomes the spare.  NOTES-specialization.md, "Recycled float
 * temporaries", has the argument.
 *
 * All three are statics of this one translation unit, so they are in the
 * executable's .bss, which the collector scans: whatever they hold stays
 * allocated (an address held here cannot be handed out again by libgc).
 * They are only touched with the GIL held, between safe points. */
#ifndef LIBJIT_EVAL_NUM_FLOAT_H
#define LIBJIT_EVAL_NUM_FLOAT_H

#include "libgc/gc.h"
#include "libobject/float.h"

static KnObject *jit_float_spare[2];
static KnObject *jit_float_keep_top;
static KnObject *jit_float_keep_below;

/* A float holding v: the spare if there is one, else libgc's inline free
 * list pop (ob_float_from_double on the slow path: it raises MemoryError). */
static inline KnObject *jit_float_new(double v)
{
    KnObject *o = jit_float_spare[0];
    if (o != NULL) {
        jit_float_spare[0] = NULL;
    } else if ((o = jit_float_spare[1]) != NULL) {
        jit_float_spare[1] = NULL;
    } else {
        o = (KnObject *)kgc_alloc_object_fast(sizeof(KnFloatObject));
        if (__builtin_expect(o == NULL, 0))
            return ob_float_from_double(v);
        o->ob_type = &ob_float_type;
    }
    KN_FLOAT_VALUE(o) = v;
    return o;
}

/* o (an exact float) is referenced by nothing: keep it for a next one
 * (replacing the second spare when both are taken). */
static inline void jit_float_recycle(KnObject *o)
{
    if (o == jit_float_keep_top)
        jit_float_keep_top = NULL;
    if (jit_float_spare[0] == NULL)
        jit_float_spare[0] = o;
    else
        jit_float_spare[1] = o;
}

#endif /* LIBJIT_EVAL_NUM_FLOAT_H */
