/* libobject/complex.h — complex (src/complex.c).  Layout = PyComplexObject. */
#ifndef LIBOBJECT_COMPLEX_H
#define LIBOBJECT_COMPLEX_H
#include "libobject/object.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct KnComplex {
    double real;
    double imag;
} KnComplex;

typedef struct KnComplexObject {
    KN_OBJECT_HEAD;
    KnComplex cval;
} KnComplexObject;

extern KnTypeObject ob_complex_type;
#define KN_COMPLEX_CHECK(o) KN_TYPE_CHECK(o, &ob_complex_type)
#define KN_COMPLEX_CHECK_EXACT(o) (KN_TYPE(o) == &ob_complex_type)
#define KN_COMPLEX_VALUE(o) (((KnComplexObject *)(o))->cval)

KnObject *ob_complex_from_doubles(double real, double imag);
/* CPython's algorithms (_Py_c_*): errno-free; *err: 0 ok, 1 division by
 * zero (EDOM), 2 overflow (ERANGE). */
KnComplex ob_complex_quot(KnComplex a, KnComplex b, int *err);
KnComplex ob_complex_pow(KnComplex a, KnComplex b, int *err);
double ob_complex_abs(KnComplex z, int *err);
/* Parse complex('...') text; -1 (no exception) when malformed. */
int ob_complex_parse(const char *s, kn_ssize_t len, KnComplex *out);

#ifdef __cplusplus
}
#endif
#endif
