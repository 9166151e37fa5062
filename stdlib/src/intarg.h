/*
 * intarg.h — integer arguments of the posix and time functions: an int or
 * an object with __index__ (never a float), as a C long long.
 */
#ifndef STDLIB_INTARG_H
#define STDLIB_INTARG_H

#include "libobject/libobject.h"

/* 0 with *v set, or with *overflow set to +1 / -1 (no exception) when the
 * value does not fit; -1 with TypeError "'X' object cannot be interpreted
 * as an integer" (or the error of __index__). */
static inline int kn_arg_index_ll(KnObject *o, long long *v, int *overflow)
{
    *overflow = 0;
    if (KN_FLOAT_CHECK(o) || !ob_index_check(o)) {
        ob_err_format(ob_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                      ob_type_name(KN_TYPE(o)));
        return -1;
    }
    KnObject *i = ob_number_index(o);
    if (i == NULL)
        return -1;
    long long r = ob_int_as_long_long_and_overflow(i, overflow);
    if (r == -1 && ob_err_occurred())
        return -1;
    *v = r;
    return 0;
}

#endif /* STDLIB_INTARG_H */
