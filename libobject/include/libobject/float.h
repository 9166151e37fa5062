/* libobject/float.h — float (src/float.c).  Layout = PyFloatObject. */
#ifndef LIBOBJECT_FLOAT_H
#define LIBOBJECT_FLOAT_H
#include "libobject/object.h"

typedef struct KnFloatObject {
    KN_OBJECT_HEAD;
    double ob_fval;
} KnFloatObject;

extern KnTypeObject ob_float_type;
#define KN_FLOAT_CHECK(o) KN_TYPE_CHECK(o, &ob_float_type)
#define KN_FLOAT_CHECK_EXACT(o) (KN_TYPE(o) == &ob_float_type)
#define KN_FLOAT_VALUE(o) (((KnFloatObject *)(o))->ob_fval)

KnObject *ob_float_from_double(double v);
double ob_float_as_double(KnObject *o);          /* any object with __float__/__index__; -1.0 + error */
/* repr(float) as CPython: shortest round-trip digits; returns a C string in buf. */
int ob_float_repr_buf(double v, char *buf, size_t size);

#endif
