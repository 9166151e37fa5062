/* libcapi/tests/layout_cpython.c — CPython 3.11's side of the layout check,
 * measured from Debian's python3.11-dev headers.  Only this file (and
 * layout_static.c) includes them. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>
/* Two facts live in CPython's internal headers: PyModuleObject (md_state,
 * read by extensions through PyModule_GetState's inline twin in Cython)
 * and the CO_FAST_* kinds of code objects' locals. */
#define Py_BUILD_CORE 1
#include <internal/pycore_moduleobject.h>
#include <internal/pycore_code.h>
#undef Py_BUILD_CORE

/* PyBytesObject.ob_shash is deprecated in 3.11 but still there: measure it. */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

#define LAYOUT_PICK(c, k) c
#define LAYOUT_FN layout_cpython
#define LAYOUT_LABEL "CPython 3.11"
#include "layout_expand.h"

long long layout_cpython_weakref_object_offset(void)
{
    return (long long)offsetof(PyWeakReference, wr_object);
}

long long layout_cpython_cmethod_class_offset(void)
{
    return (long long)offsetof(PyCMethodObject, mm_class);
}

long long layout_cpython_cmethod_size(void)
{
    return (long long)sizeof(PyCMethodObject);
}
