/*
 * errno_module.c — the `errno` module: every Linux errno name as an int,
 * and errorcode, the dict from value to name.
 */
#include <errno.h>

#include "libobject/libobject.h"

KnObject *kn_init_errno(void);

typedef struct ErrnoName { const char *name; int value; } ErrnoName;

static const ErrnoName errno_names[] = {
#define X(n) {#n, n},
#include "errno_names.def"
#undef X
    {NULL, 0}
};

KnObject *kn_init_errno(void)
{
    KnObject *m = ob_module_new_cstr("errno");
    KnObject *codes = ob_dict_new();
    if (m == NULL || codes == NULL)
        return NULL;
    for (const ErrnoName *e = errno_names; e->name != NULL; e++) {
        KnObject *v = ob_int_from_ssize(e->value);
        KnObject *n = ob_str_intern_cstr(e->name);
        if (v == NULL || n == NULL || ob_module_add_object(m, e->name, v) < 0
            || ob_dict_setitem(codes, v, n) < 0)
            return NULL;
    }
    if (ob_module_add_object(m, "errorcode", codes) < 0)
        return NULL;
    return m;
}
