/* functools_internal.h — shared by the _functools files (not public). */
#ifndef STDLIB_FUNCTOOLS_INTERNAL_H
#define STDLIB_FUNCTOOLS_INTERNAL_H

#include "libgc/gc.h"
#include "libobject/libobject.h"

#define FT_FC(f) ((KnCFunction)(void (*)(void))(f))

extern KnTypeObject ft_partial_type, ft_keywrapper_type, ft_lru_type, ft_lru_link_type;

/* A lazily created instance __dict__ stored at `*slot`. */
KnObject *ft_dict_get(KnObject **slot);
int ft_dict_set(KnObject **slot, KnObject *value);

/* "TYPE(repr(first), repr(args)..., k=repr(v)...)" for partial and
 * methodcaller, `recursive` when self is already being repr'd
 * (functools_partial.c). */
KnObject *ft_call_repr(KnObject *self, const char *recursive, KnObject *first, KnObject *args,
                       KnObject *kw);

#endif
