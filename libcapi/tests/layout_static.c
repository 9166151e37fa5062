/* libcapi/tests/layout_static.c — the compile-time half of the layout
 * check: every entry of layout_table.h as a _Static_assert, so a layout
 * that drifts from CPython 3.11's breaks the build with the field's name.
 *
 * This is the one file that sees both sets of headers at once.  Kiln's
 * libobject/object.h names its slot signatures as CPython does (unaryfunc,
 * getter, ...), with KnObject instead of PyObject, so CPython's typedefs
 * are renamed while its headers are read and the names are given back to
 * Kiln afterwards.
 *
 * The runtime comparison in test_layout.c prints every mismatch at once;
 * build with -DKN_LAYOUT_NO_STATIC to see that report instead of the first
 * compile error. */

#define unaryfunc cpy_unaryfunc
#define binaryfunc cpy_binaryfunc
#define ternaryfunc cpy_ternaryfunc
#define inquiry cpy_inquiry
#define lenfunc cpy_lenfunc
#define ssizeargfunc cpy_ssizeargfunc
#define ssizessizeargfunc cpy_ssizessizeargfunc
#define ssizeobjargproc cpy_ssizeobjargproc
#define ssizessizeobjargproc cpy_ssizessizeobjargproc
#define objobjargproc cpy_objobjargproc
#define objobjproc cpy_objobjproc
#define visitproc cpy_visitproc
#define traverseproc cpy_traverseproc
#define freefunc cpy_freefunc
#define destructor cpy_destructor
#define getattrfunc cpy_getattrfunc
#define getattrofunc cpy_getattrofunc
#define setattrfunc cpy_setattrfunc
#define setattrofunc cpy_setattrofunc
#define reprfunc cpy_reprfunc
#define hashfunc cpy_hashfunc
#define richcmpfunc cpy_richcmpfunc
#define getiterfunc cpy_getiterfunc
#define iternextfunc cpy_iternextfunc
#define descrgetfunc cpy_descrgetfunc
#define descrsetfunc cpy_descrsetfunc
#define initproc cpy_initproc
#define newfunc cpy_newfunc
#define allocfunc cpy_allocfunc
#define getbufferproc cpy_getbufferproc
#define releasebufferproc cpy_releasebufferproc
#define getter cpy_getter
#define setter cpy_setter
#define vectorcallfunc cpy_vectorcallfunc
#define sendfunc cpy_sendfunc

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>
#define Py_BUILD_CORE 1
#include <internal/pycore_moduleobject.h>
#include <internal/pycore_code.h>
#undef Py_BUILD_CORE

#undef unaryfunc
#undef binaryfunc
#undef ternaryfunc
#undef inquiry
#undef lenfunc
#undef ssizeargfunc
#undef ssizessizeargfunc
#undef ssizeobjargproc
#undef ssizessizeobjargproc
#undef objobjargproc
#undef objobjproc
#undef visitproc
#undef traverseproc
#undef freefunc
#undef destructor
#undef getattrfunc
#undef getattrofunc
#undef setattrfunc
#undef setattrofunc
#undef reprfunc
#undef hashfunc
#undef richcmpfunc
#undef getiterfunc
#undef iternextfunc
#undef descrgetfunc
#undef descrsetfunc
#undef initproc
#undef newfunc
#undef allocfunc
#undef getbufferproc
#undef releasebufferproc
#undef getter
#undef setter
#undef vectorcallfunc
#undef sendfunc

#include "libobject/libobject.h"
#include "libobject/bytes.h"
#include "libobject/complex.h"
#include "libobject/set.h"
#include "libobject/slice.h"
#include "libobject/str.h"
#include "libobject/tstate.h"
#include "code.h"
#include "eval.h"
#include "layout_table.h"

#ifndef KN_LAYOUT_NO_STATIC

/* PyBytesObject.ob_shash is deprecated in 3.11 but still there. */
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

#define SA_STR_(x) #x
#define SA_STR(x) SA_STR_(x)
#define SA_CPY_(c, k) c
#define SA_KN_(c, k) k
#define SA_CPY(P) SA_CPY_ P
#define SA_KN(P) SA_KN_ P

#define SA_FIELD(P, m) \
    _Static_assert(offsetof(SA_CPY(P), m) == offsetof(SA_KN(P), m), \
                   "offset of " SA_STR(SA_CPY(P)) "." #m " differs from CPython 3.11"); \
    _Static_assert(sizeof(((SA_CPY(P) *)0)->m) == sizeof(((SA_KN(P) *)0)->m), \
                   "size of " SA_STR(SA_CPY(P)) "." #m " differs from CPython 3.11");
#define SA_STRUCT(c, k, fields) \
    _Static_assert(sizeof(c) == sizeof(k), "sizeof " #c " differs from CPython 3.11"); \
    fields(SA_FIELD, (c, k))
#define SA_PREFIX(c, k, fields) fields(SA_FIELD, (c, k))
#define SA_CONST(c, k) \
    _Static_assert((unsigned long long)(c) == (unsigned long long)(k), \
                   #c " differs from CPython 3.11");

KN_LAYOUT_STRUCTS(SA_STRUCT)
KN_LAYOUT_PREFIXES(SA_PREFIX)
KN_LAYOUT_CONSTS(SA_CONST)

#endif /* KN_LAYOUT_NO_STATIC */

/* Keeps the translation unit non-empty under -DKN_LAYOUT_NO_STATIC. */
int layout_static_checked = !0;
