/*
 * type_new_build.c — the steps of a class statement that surround running
 * the class body (builtins.__build_class__ in CPython): PEP 560
 * __mro_entries__, choosing the metaclass, __prepare__, calling the
 * metaclass and checking the __class__ cell.  libjit runs the body.
 */
#include "type_new.h"

KnObject *ob_type_build_bases(KnObject *orig_bases)
{
    KnObject *list = NULL;      /* created on the first __mro_entries__ */
    kn_ssize_t n = KN_SIZE(orig_bases);
    for (kn_ssize_t i = 0; i < n; i++) {
        KnObject *b = KN_TUPLE_GET(orig_bases, i);
        KnObject *entries = NULL;
        if (!KN_TYPE_OBJ_CHECK(b)) {
            KnObject *meth;
            int r = ob_lookup_attr(b, KN_ID(__mro_entries__), &meth);
            if (r < 0)
                return NULL;
            if (r > 0) {
                if ((entries = ob_call_onearg(meth, orig_bases)) == NULL)
                    return NULL;
                if (!KN_TUPLE_CHECK(entries))
                    return ob_err_format(ob_exc_TypeError, "__mro_entries__ must return a tuple");
            }
        }
        if (entries == NULL) {
            if (list != NULL && ob_list_append(list, b) < 0)
                return NULL;
            continue;
        }
        if (list == NULL && (list = ob_list_from_array(KN_TUPLE_ITEMS(orig_bases), i)) == NULL)
            return NULL;
        for (kn_ssize_t j = 0; j < KN_SIZE(entries); j++)
            if (ob_list_append(list, KN_TUPLE_GET(entries, j)) < 0)
                return NULL;
    }
    if (list == NULL)
        return orig_bases;
    return ob_tuple_from_array(KN_LIST_ITEMS(list), KN_SIZE(list));
}

KnObject *ob_type_build_meta(KnObject *bases, KnObject *kwargs)
{
    KnObject *meta = NULL;
    if (kwargs != NULL) {
        meta = ob_dict_getitem(kwargs, KN_ID(metaclass));
        if (meta != NULL && ob_dict_delitem(kwargs, KN_ID(metaclass)) < 0)
            return NULL;
        if (ob_err_occurred())
            return NULL;
    }
    if (meta == NULL)
        meta = KN_SIZE(bases) == 0 ? (KnObject *)&ob_type_type
                                   : (KnObject *)KN_TYPE(KN_TUPLE_GET(bases, 0));
    /* only a class metaclass is reconciled with the bases' metaclasses */
    if (KN_TYPE_OBJ_CHECK(meta))
        meta = (KnObject *)ob_type_calculate_meta((KnTypeObject *)meta, bases);
    return meta;
}

KnObject *ob_type_build_prepare(KnObject *meta, KnObject *name, KnObject *bases, KnObject *kwargs)
{
    KnObject *prep;
    int r = ob_lookup_attr(meta, KN_ID(__prepare__), &prep);
    if (r < 0)
        return NULL;
    if (r == 0)
        return ob_dict_new();
    KnObject *args[2] = { name, bases };
    KnObject *ns = ob_vectorcall_dict(prep, args, 2, kwargs);
    if (ns == NULL)
        return NULL;
    KnTypeObject *nt = KN_TYPE(ns);
    if (nt->tp_as_mapping == NULL || nt->tp_as_mapping->mp_subscript == NULL)
        return ob_err_format(ob_exc_TypeError, "%s.__prepare__() must return a mapping, not %s",
                             KN_TYPE_OBJ_CHECK(meta) ? ((KnTypeObject *)meta)->tp_name
                                                     : "<metaclass>",
                             KN_TNAME(ns));
    return ns;
}

KnObject *ob_type_build_class(KnObject *meta, KnObject *name, KnObject *bases,
                              KnObject *orig_bases, KnObject *ns, KnObject *kwargs,
                              KnObject *cell)
{
    if (orig_bases != NULL && orig_bases != bases) {
        int r = KN_DICT_CHECK(ns) ? ob_dict_setitem(ns, KN_ID(__orig_bases__), orig_bases)
                                  : ob_setitem(ns, KN_ID(__orig_bases__), orig_bases);
        if (r < 0)
            return NULL;
    }
    KnObject *args[3] = { name, bases, ns };
    KnObject *cls = ob_vectorcall_dict(meta, args, 3, kwargs);
    if (cls == NULL || cell == NULL || !KN_TYPE_OBJ_CHECK(cls) || KN_TYPE(cell) != &ob_cell_type)
        return cls;
    KnObject *held = KN_CELL_GET(cell);
    if (held == cls)
        return cls;
    if (held == NULL)
        return ob_err_format(ob_exc_RuntimeError,
                             "__class__ not set defining %R as %R. "
                             "Was __classcell__ propagated to type.__new__?", name, cls);
    return ob_err_format(ob_exc_TypeError, "__class__ set to %R defining %R as %R", held, name,
                         cls);
}
