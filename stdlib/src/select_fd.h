/*
 * select_fd.h — argument helpers shared by the select, fcntl and
 * _posixsubprocess modules: a file descriptor given as an int or as an
 * object with fileno() (CPython's PyObject_AsFileDescriptor), a C int
 * argument, and the errno-selected OSError.
 */
#ifndef STDLIB_SELECT_FD_H
#define STDLIB_SELECT_FD_H

#include <errno.h>
#include <limits.h>

#include "intarg.h"

/* An int in C int range; OverflowError as CPython words it for "i". */
static inline int sel_int_arg(KnObject *o, int *out)
{
    long long v;
    int overflow;
    if (kn_arg_index_ll(o, &v, &overflow) < 0)
        return -1;
    if (overflow > 0 || v > INT_MAX) {
        ob_err_set_string(ob_exc_OverflowError, "signed integer is greater than maximum");
        return -1;
    }
    if (overflow < 0 || v < INT_MIN) {
        ob_err_set_string(ob_exc_OverflowError, "signed integer is less than minimum");
        return -1;
    }
    *out = (int)v;
    return 0;
}

/* The descriptor of o: an int, or the int its fileno() returns. */
static inline int sel_fileno(KnObject *o, int *fd)
{
    KnObject *v = o;
    if (!KN_INT_CHECK(o)) {
        KnObject *meth = ob_getattr_str(o, "fileno");
        if (meth == NULL) {
            if (!ob_err_matches((KnObject *)ob_exc_AttributeError))
                return -1;
            ob_err_clear();
            ob_err_set_string(ob_exc_TypeError,
                              "argument must be an int, or have a fileno() method.");
            return -1;
        }
        v = ob_call(meth, ob_tuple_new(0), NULL);
        if (v == NULL)
            return -1;
        if (!KN_INT_CHECK(v)) {
            ob_err_set_string(ob_exc_TypeError, "fileno() returned a non-integer");
            return -1;
        }
    }
    int overflow;
    long long r = ob_int_as_long_long_and_overflow(v, &overflow);
    if (overflow || r > INT_MAX || r < INT_MIN) {
        ob_err_set_string(ob_exc_OverflowError, overflow > 0 || r > INT_MAX
                          ? "Python int too large to convert to C int"
                          : "Python int too small to convert to C int");
        return -1;
    }
    if (r < 0) {
        ob_err_format(ob_exc_ValueError, "file descriptor cannot be a negative integer (%d)", (int)r);
        return -1;
    }
    *fd = (int)r;
    return 0;
}

/* OSError (subclass by errno) for the current errno; NULL. */
static inline KnObject *sel_oserror(void)
{
    return ob_err_from_errno(ob_exc_OSError, NULL);
}

#endif /* STDLIB_SELECT_FD_H */
