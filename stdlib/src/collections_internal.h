/* collections_internal.h — shared by the _collections files (not public). */
#ifndef STDLIB_COLLECTIONS_INTERNAL_H
#define STDLIB_COLLECTIONS_INTERNAL_H

#include "libgc/gc.h"
#include "libobject/libobject.h"
#include "libobject/slice.h"

#define CO_FC(f) ((KnCFunction)(void (*)(void))(f))

extern KnTypeObject co_deque_type, co_dequeiter_type, co_dequereviter_type,
    co_defaultdict_type, co_tuplegetter_type;
extern KnMethodDef *co_deque_methods;

#endif
