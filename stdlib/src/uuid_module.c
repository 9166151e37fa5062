/*
 * uuid_module.c — `_uuid`: generate_time_safe() through libuuid's
 * uuid_generate_time_safe: (16 bytes, is_safe) where is_safe is 0 when
 * libuuid's daemon guaranteed uniqueness, -1 when it did not (uuid.py
 * turns it into SafeUUID); has_uuid_generate_time_safe = 1.
 *
 * libuuid.so.1 is opened at import time with dlopen rather than linked:
 * everything that links libkiln-stdlib.a (the cmocka programs of other
 * libraries too) would otherwise need -luuid.  The prototype comes from
 * Debian's uuid-dev header; without the library the import fails with
 * ImportError and uuid.py uses its pure-Python fallbacks.
 */
#include <dlfcn.h>
#include <uuid/uuid.h>

#include "libobject/libobject.h"
#include "stdlib/modules.h"

KnObject *kn_init__uuid(void);

static __typeof__(uuid_generate_time_safe) *generate;

static KnObject *generate_time_safe(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    uuid_t u;
    int r = generate(u);
    KnObject *b = ob_bytes_from_data(u, (kn_ssize_t)sizeof u);
    KnObject *safe = b == NULL ? NULL : ob_int_from_long_long(r);
    return safe == NULL ? NULL : ob_tuple_pack(2, b, safe);
}

static KnMethodDef uuid_functions[] = {
    {"generate_time_safe", (KnCFunction)(void (*)(void))generate_time_safe, KN_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

KnObject *kn_init__uuid(void)
{
    if (generate == NULL) {
        void *lib = dlopen("libuuid.so.1", RTLD_NOW | RTLD_LOCAL);
        void *sym = lib != NULL ? dlsym(lib, "uuid_generate_time_safe") : NULL;
        if (sym == NULL)
            return ob_err_format(ob_exc_ImportError, "_uuid: cannot load libuuid.so.1 (%s)",
                                 dlerror());
        *(void **)&generate = sym;
    }
    KnObject *m = ob_module_new_cstr("_uuid");
    if (m == NULL || ob_module_add_functions(m, uuid_functions) < 0 ||
        ob_module_add_object(m, "has_uuid_generate_time_safe", ob_int_from_long_long(1)) < 0)
        return NULL;
    return m;
}
