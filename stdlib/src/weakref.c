/*
 * weakref.c — the `_weakref` module: libobject's weak references
 * (libobject/weakref.h: ref, proxy, getweakrefcount, getweakrefs,
 * _remove_dead_weakref on libgc's weak slots and finalization hooks).
 */
#include "libobject/libobject.h"
#include "libobject/weakref.h"
#include "stdlib/modules.h"

KnObject *kn_init__weakref(void)
{
    KnObject *m = ob_module_new_cstr("_weakref");
    if (m == NULL || ob_weakref_module_fill(m) < 0)
        return NULL;
    return m;
}
