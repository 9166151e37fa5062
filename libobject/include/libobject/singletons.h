/* libobject/singletons.h — None, NotImplemented, Ellipsis, True, False.
 * None/NotImplemented/Ellipsis: src/none.c; True/False: src/bool.c. */
#ifndef LIBOBJECT_SINGLETONS_H
#define LIBOBJECT_SINGLETONS_H
#include "libobject/object.h"

extern KnTypeObject ob_none_type, ob_notimplemented_type, ob_ellipsis_type, ob_bool_type;
extern KnObject ob_none_obj, ob_notimplemented_obj, ob_ellipsis_obj;
extern struct KnLongObject ob_true_obj, ob_false_obj;   /* bool is an int */

#define KN_None ((KnObject *)&ob_none_obj)
#define KN_NotImplemented ((KnObject *)&ob_notimplemented_obj)
#define KN_Ellipsis ((KnObject *)&ob_ellipsis_obj)
#define KN_True ((KnObject *)&ob_true_obj)
#define KN_False ((KnObject *)&ob_false_obj)
#define KN_BOOL(c) ((c) ? KN_True : KN_False)

#endif
