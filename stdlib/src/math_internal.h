/*
 * math_internal.h — shared by the files of the `math` module
 * (math_module.c: float functions and the module; math_int.c: integer
 * functions; math_sum.c: fsum, hypot, dist, prod, isclose).
 */
#ifndef STDLIB_MATH_INTERNAL_H
#define STDLIB_MATH_INTERNAL_H

#include "libobject/libobject.h"

/* x as a C double (float, int, __float__, __index__): -1 with TypeError
 * "must be real number, not X" (or OverflowError for a huge int). */
int math_arg_double(KnObject *o, double *x);

KnObject *math_domain_error(void);   /* ValueError "math domain error" */
KnObject *math_range_error(void);    /* OverflowError "math range error" */

/* x as an exact int via __index__ (never a float): TypeError "'X' object
 * cannot be interpreted as an integer". */
KnObject *math_arg_index(KnObject *o);

extern KnMethodDef math_int_methods[];   /* math_int.c */
extern KnMethodDef math_sum_methods[];   /* math_sum.c */

#endif /* STDLIB_MATH_INTERNAL_H */
