/* operator_internal.h — shared by the _operator files (not public). */
#ifndef STDLIB_OPERATOR_INTERNAL_H
#define STDLIB_OPERATOR_INTERNAL_H

#include "libobject/libobject.h"

#define OP_FC(f) ((KnCFunction)(void (*)(void))(f))
#define KN_SSIZE_MAX_ARGS ((kn_ssize_t)(((size_t)-1) >> 1))

extern KnTypeObject op_attrgetter_type, op_itemgetter_type, op_methodcaller_type;
int op_getters_ready(void);

/* functools.partial (functools_partial.c): methodcaller.__reduce__ uses it. */
extern KnTypeObject ft_partial_type;

/* "TYPE(repr(first), repr(args)..., k=repr(v)...)" for partial and
 * methodcaller, `recursive` when self is already being repr'd
 * (functools_partial.c). */
KnObject *ft_call_repr(KnObject *self, const char *recursive, KnObject *first, KnObject *args,
                       KnObject *kw);

#endif
