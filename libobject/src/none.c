/*
 * none.c — None, NotImplemented and Ellipsis with their types
 * (NoneType, NotImplementedType, ellipsis).
 */
#include "core.h"

/* The message names the type as Python code spells it (types.EllipsisType),
 * although the type's __name__ is still "ellipsis" in 3.11. */
static KnObject *singleton_new(const char *name, KnObject *args, KnObject *kwargs, KnObject *v)
{
    if (KN_SIZE(args) > 0 || (kwargs != NULL && ob_dict_size(kwargs) > 0))
        return ob_err_format(ob_exc_TypeError, "%s takes no arguments", name);
    return v;
}

static KnObject *none_new(KnTypeObject *t, KnObject *a, KnObject *k) { return singleton_new("NoneType", a, k, KN_None); }
static KnObject *notimpl_new(KnTypeObject *t, KnObject *a, KnObject *k) { return singleton_new("NotImplementedType", a, k, KN_NotImplemented); }
static KnObject *ellipsis_new(KnTypeObject *t, KnObject *a, KnObject *k) { return singleton_new("EllipsisType", a, k, KN_Ellipsis); }

static KnObject *none_repr(KnObject *o) { return ob_str_intern_cstr("None"); }
static KnObject *notimpl_repr(KnObject *o) { return ob_str_intern_cstr("NotImplemented"); }
static KnObject *ellipsis_repr(KnObject *o) { return ob_str_intern_cstr("Ellipsis"); }

static int none_bool(KnObject *o) { return 0; }

/* hash(None) is a constant in 3.12; in 3.11 it is the identity hash, which
 * NoneType inherits from object together with object's comparison (so
 * None != None is False through object's __ne__). */
static KnNumberMethods none_as_number = { .nb_bool = none_bool };

/* bool(NotImplemented) is True, with a DeprecationWarning since 3.9. */
static int notimpl_bool(KnObject *o)
{
    return ob_err_warn((KnObject *)ob_exc_DeprecationWarning,
                       "NotImplemented should not be used in a boolean context", 1) < 0 ? -1 : 1;
}

static KnNumberMethods notimpl_as_number = { .nb_bool = notimpl_bool };

static KnObject *reduce_name(KnObject *o, KnObject *unused)
{
    return o == KN_NotImplemented ? ob_str_intern_cstr("NotImplemented")
                                  : ob_str_intern_cstr("Ellipsis");
}

static KnMethodDef singleton_methods[] = {
    { "__reduce__", (KnCFunction)reduce_name, KN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL }
};

KnTypeObject ob_none_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "NoneType",
    .tp_basicsize = sizeof(KnObject),
    .tp_repr = none_repr,
    .tp_as_number = &none_as_number,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_new = none_new,
};

KnTypeObject ob_notimplemented_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "NotImplementedType",
    .tp_basicsize = sizeof(KnObject),
    .tp_repr = notimpl_repr,
    .tp_as_number = &notimpl_as_number,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_methods = singleton_methods,
    .tp_new = notimpl_new,
};

KnTypeObject ob_ellipsis_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "ellipsis",
    .tp_basicsize = sizeof(KnObject),
    .tp_repr = ellipsis_repr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_methods = singleton_methods,
    .tp_new = ellipsis_new,
};

KnObject ob_none_obj = KN_HEAD_INIT(&ob_none_type);
KnObject ob_notimplemented_obj = KN_HEAD_INIT(&ob_notimplemented_type);
KnObject ob_ellipsis_obj = KN_HEAD_INIT(&ob_ellipsis_type);
