/* libobject/src/func_reduce.c — pickling bound methods as CPython 3.11:
 * a method bound to an object reduces to (getattr, (obj, name)).
 * builtins.getattr lives in libjit, which registers it at start-up
 * (ob_func_register_builtin_getattr); until then these raise a clear
 * NotImplementedError. */
#include "core.h"

static KnObject *builtin_getattr;

void ob_func_register_builtin_getattr(KnObject *getattr_function)
{
    builtin_getattr = getattr_function;
}

KnObject *ob_reduce_as_getattr(KnObject *obj, KnObject *name)
{
    if (builtin_getattr == NULL)
        return ob_err_format(ob_exc_NotImplementedError,
                             "Kiln: pickling a bound method needs builtins.getattr, which "
                             "is not registered (ob_func_register_builtin_getattr)");
    if (name == NULL)
        return NULL;
    KnObject *args = ob_tuple_pack(2, obj, name);
    return args ? ob_tuple_pack(2, builtin_getattr, args) : NULL;
}

/* method.__reduce__: (getattr, (__self__, __func__.__name__)). */
KnObject *ob_method_reduce(KnObject *m, KnObject *unused)
{
    (void)unused;
    KnMethodObject *meth = (KnMethodObject *)m;
    return ob_reduce_as_getattr(meth->im_self, ob_getattr(meth->im_func, KN_ID(__name__)));
}
