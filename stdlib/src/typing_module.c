/*
 * typing_module.c — `_typing`: `_idfunc(x)` returns x (typing.NewType's
 * __call__, kept in C so it costs one call).
 */
#include "libobject/libobject.h"
#include "stdlib/modules.h"

KnObject *kn_init__typing(void);

static KnObject *idfunc(KnObject *m, KnObject *x)
{
    (void)m;
    return x;
}

static KnMethodDef typing_functions[] = {
    {"_idfunc", (KnCFunction)(void (*)(void))idfunc, KN_METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

KnObject *kn_init__typing(void)
{
    KnObject *m = ob_module_new_cstr("_typing");
    if (m == NULL || ob_module_add_functions(m, typing_functions) < 0 ||
        ob_module_add_object(m, "__doc__", ob_str_from_cstr("Accelerators for the typing module.\n")) < 0)
        return NULL;
    return m;
}
