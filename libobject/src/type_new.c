/*
 * type_new.c — creating a class: type.__new__ / type.__init__ (the tp_new
 * and tp_init of `type`), the metaclass calculation, and the steps after
 * the class object exists (__set_name__, __init_subclass__).  The
 * instance layout is heaptype.c; the class statement's driver steps are
 * type_new_build.c.  See NOTES-classes.md.
 */
#include <string.h>

#include "libgc/gc.h"
#include "type_new.h"

KnClassHooks ob_type_hooks;

void ob_type_set_hooks(const KnClassHooks *hooks)
{
    ob_type_hooks = *hooks;
}

int ob_type_is_function(KnObject *o)
{
    return ob_type_hooks.function_type != NULL && KN_TYPE(o) == ob_type_hooks.function_type;
}

/* Replace the current exception by a new `exc` built from fmt, with the
 * old one as __cause__ (CPython's _PyErr_FormatFromCause). */
static void err_format_from_cause(KnTypeObject *exc, const char *fmt, ...)
{
    KnObject *cause = ob_err_fetch();
    va_list ap;
    va_start(ap, fmt);
    ob_err_formatv(exc, fmt, ap);
    va_end(ap);
    KnObject *now = ob_err_fetch();
    if (now != NULL && cause != NULL && KN_EXC_CHECK(now)) {
        KnBaseExceptionObject *e = (KnBaseExceptionObject *)now;
        e->cause = cause;
        e->context = cause;
        e->suppress_context = 1;
    }
    ob_err_restore(now);
}

/* ------------------------------------------------------------ metaclass */

KnTypeObject *ob_type_calculate_meta(KnTypeObject *meta, KnObject *bases)
{
    KnTypeObject *winner = meta;
    for (kn_ssize_t i = 0; i < KN_SIZE(bases); i++) {
        KnTypeObject *t = KN_TYPE(KN_TUPLE_GET(bases, i));
        if (ob_type_is_subtype(winner, t))
            continue;
        if (ob_type_is_subtype(t, winner)) {
            winner = t;
            continue;
        }
        return (KnTypeObject *)ob_err_format(ob_exc_TypeError,
                             "metaclass conflict: the metaclass of a derived class must be a "
                             "(non-strict) subclass of the metaclasses of all its bases");
    }
    return winner;
}

/* ---------------------------------------------------- the class's dict */

/* Wrap a Python function stored under `name` in staticmethod/classmethod. */
static int wrap_special(KnObject *dict, KnObject *name, KnObject *(*wrap)(KnObject *))
{
    KnObject *f = ob_dict_getitem(dict, name);
    if (f == NULL || !ob_type_is_function(f))
        return ob_err_occurred() ? -1 : 0;
    KnObject *w = wrap(f);
    return w ? ob_dict_setitem(dict, name, w) : -1;
}

/* __module__, __qualname__, __doc__, __classcell__, the implicit
 * staticmethod/classmethod wrappers and __hash__ = None. */
static int set_attrs(KnHeapTypeObject *ht, KnObject *dict)
{
    KnTypeObject *t = &ht->ht_type;
    if (ob_dict_getitem(dict, KN_ID(__module__)) == NULL && ob_type_hooks.current_globals) {
        KnObject *g = ob_type_hooks.current_globals();
        KnObject *modname = NULL;
        if (g != NULL && KN_DICT_CHECK(g))
            modname = ob_dict_getitem(g, KN_ID(__name__));
        if (modname != NULL && ob_dict_setitem(dict, KN_ID(__module__), modname) < 0)
            return -1;
    }
    if (ob_err_occurred())
        return -1;

    KnObject *qualname = ob_dict_getitem(dict, KN_ID(__qualname__));
    if (qualname != NULL) {
        if (!KN_STR_CHECK(qualname)) {
            ob_err_format(ob_exc_TypeError, "type __qualname__ must be a str, not %s",
                          KN_TNAME(qualname));
            return -1;
        }
        ht->ht_qualname = qualname;
        if (ob_dict_delitem(dict, KN_ID(__qualname__)) < 0)
            return -1;
    } else {
        ht->ht_qualname = ht->ht_name;
    }

    KnObject *doc = ob_dict_getitem(dict, KN_ID(__doc__));
    if (doc != NULL && KN_STR_CHECK(doc)) {
        kn_ssize_t n;
        const char *s = ob_str_as_utf8(doc, &n);
        if (s == NULL)
            return -1;
        char *copy = kgc_alloc_atomic((size_t)n + 1);
        if (copy == NULL) {
            ob_err_nomemory();
            return -1;
        }
        memcpy(copy, s, (size_t)n + 1);
        t->tp_doc = copy;
    }

    if (wrap_special(dict, KN_ID(__new__), ob_staticmethod_new) < 0 ||
        wrap_special(dict, KN_ID(__init_subclass__), ob_classmethod_new) < 0 ||
        wrap_special(dict, KN_ID(__class_getitem__), ob_classmethod_new) < 0)
        return -1;

    KnObject *cell = ob_dict_getitem(dict, KN_ID(__classcell__));
    if (cell != NULL) {
        if (KN_TYPE(cell) != &ob_cell_type) {
            ob_err_format(ob_exc_TypeError, "__classcell__ must be a nonlocal cell, not %R",
                          (KnObject *)KN_TYPE(cell));
            return -1;
        }
        KN_CELL_SET(cell, (KnObject *)t);
        if (ob_dict_delitem(dict, KN_ID(__classcell__)) < 0)
            return -1;
    }
    return 0;
}

/* ------------------------------------------------------ after creation */

/* value.__set_name__(cls, key) for every attribute that has one. */
static int set_names(KnTypeObject *t)
{
    KnObject *copy = ob_dict_copy(t->tp_dict);
    if (copy == NULL)
        return -1;
    kn_ssize_t pos = 0;
    KnObject *key, *value;
    while (ob_dict_next(copy, &pos, &key, &value)) {
        KnObject *m = ob_type_lookup(KN_TYPE(value), KN_ID(__set_name__));
        if (m == NULL)
            continue;
        descrgetfunc get = KN_TYPE(m)->tp_descr_get;
        if (get != NULL && (m = get(m, value, (KnObject *)KN_TYPE(value))) == NULL)
            return -1;
        KnObject *args[2] = { (KnObject *)t, key };
        if (ob_vectorcall(m, args, 2, NULL) == NULL) {
            err_format_from_cause(ob_exc_RuntimeError,
                                  "Error calling __set_name__ on '%s' instance %R in '%s'",
                                  KN_TNAME(value), key, t->tp_name);
            return -1;
        }
    }
    return 0;
}

/* super(t, t).__init_subclass__(**kwargs) */
static int init_subclass(KnTypeObject *t, KnObject *kwargs)
{
    KnObject *f = ob_super_lookup(t, t, (KnObject *)t, KN_ID(__init_subclass__));
    if (f == NULL)
        return ob_err_occurred() ? -1 : 0;
    KnObject *r = ob_vectorcall_dict(f, NULL, 0, kwargs);
    return r ? 0 : -1;
}

/* ------------------------------------------------------------- type_new */

/* What CPython's _abc module does for an ABC (Kiln runs _py_abc): an int
 * __abc_tpflags__ in the class body (collections.abc.Sequence, Mapping)
 * marks the class a sequence or mapping for pattern matching, and the
 * entry is removed.  (part confcomp) */
static int abc_tpflags(KnTypeObject *t)
{
    const unsigned long both = KN_TPFLAGS_SEQUENCE | KN_TPFLAGS_MAPPING;
    KnObject *key = ob_str_intern_cstr("__abc_tpflags__");
    KnObject *v = key != NULL ? ob_dict_getitem(t->tp_dict, key) : NULL;
    if (v == NULL)
        return key != NULL ? 0 : -1;
    if (KN_INT_CHECK_EXACT(v)) {
        long long flags = ob_int_as_long_long(v);
        if (flags == -1 && ob_err_occurred())
            return -1;
        if (((unsigned long)flags & both) == both) {
            ob_err_set_string(ob_exc_TypeError, "__abc_tpflags__ cannot be both "
                              "Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING");
            return -1;
        }
        t->tp_flags |= (unsigned long)flags & both;
    }
    return ob_dict_delitem(t->tp_dict, key);
}

static KnObject *type_new_impl(KnTypeObject *meta, KnObject *name, KnObject *bases,
                               KnObject *orig_dict, KnObject *args, KnObject *kwargs)
{
    /* a base with __mro_entries__ needs __build_class__ (types.new_class) */
    for (kn_ssize_t i = 0; i < KN_SIZE(bases); i++) {
        KnObject *b = KN_TUPLE_GET(bases, i);
        if (KN_TYPE_OBJ_CHECK(b))
            continue;
        KnObject *me;
        int r = ob_lookup_attr(b, KN_ID(__mro_entries__), &me);
        if (r < 0)
            return NULL;
        if (r > 0)
            return ob_err_format(ob_exc_TypeError,
                                 "type() doesn't support MRO entry resolution; "
                                 "use types.new_class()");
    }
    KnTypeObject *winner = ob_type_calculate_meta(meta, bases);
    if (winner == NULL)
        return NULL;
    if (winner != meta) {
        if (winner->tp_new != ob_type_new_entry)
            return winner->tp_new(winner, args, kwargs);
        meta = winner;
    }
    if (KN_SIZE(bases) == 0 && (bases = ob_tuple_pack(1, (KnObject *)&ob_object_type)) == NULL)
        return NULL;
    KnSlotsPlan plan;
    if ((plan.base = ob_heaptype_best_base(bases)) == NULL)
        return NULL;
    KnObject *dict = ob_dict_copy(orig_dict);
    if (dict == NULL || ob_heaptype_plan_slots(&plan, name, bases, dict) < 0)
        return NULL;

    /* tp_name points into the (interned) name the class keeps */
    if ((name = ob_str_intern(name)) == NULL)
        return NULL;
    kn_ssize_t nlen;
    const char *cname = ob_str_as_utf8(name, &nlen);
    if (cname == NULL)
        return NULL;
    if ((kn_ssize_t)strlen(cname) != nlen)
        return ob_err_format(ob_exc_ValueError, "type name must not contain null characters");

    /* nslot KnMemberDefs plus a zeroed terminator: inline after the type
     * object, as CPython's heap types, unless the metaclass's items are
     * too small for them (a C metaclass) */
    int inline_members = meta->tp_itemsize >= (kn_ssize_t)sizeof(KnMemberDef);
    KnObject *obj = meta->tp_alloc(meta, inline_members ? plan.nslot + 1 : 0);
    if (obj == NULL)
        return NULL;
    KnMemberDef *members;
    if (inline_members) {
        KN_SET_SIZE(obj, plan.nslot);
        members = (KnMemberDef *)((char *)obj + meta->tp_basicsize);
    } else if ((members = kgc_alloc(sizeof(KnMemberDef) * (size_t)(plan.nslot + 1))) == NULL) {
        return ob_err_nomemory();
    }
    KnHeapTypeObject *ht = (KnHeapTypeObject *)obj;
    KnTypeObject *t = &ht->ht_type;
    t->tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_HEAPTYPE | KN_TPFLAGS_BASETYPE |
                  KN_TPFLAGS_HAVE_GC;
    t->tp_as_async = &ht->as_async;
    t->tp_as_number = &ht->as_number;
    t->tp_as_sequence = &ht->as_sequence;
    t->tp_as_mapping = &ht->as_mapping;
    t->tp_as_buffer = &ht->as_buffer;
    ht->ht_name = name;
    ht->ht_slots = plan.slots;
    ht->_ht_tpname = (char *)cname;
    t->tp_name = cname;
    t->tp_base = plan.base;
    t->tp_bases = bases;
    t->tp_dict = dict;
    if (set_attrs(ht, dict) < 0)
        return NULL;
    ob_heaptype_apply_layout(ht, &plan, members);

    if (ob_type_ready(t) < 0 || ob_type_fixup_slots(t) < 0)
        return NULL;
    if (set_names(t) < 0 || init_subclass(t, kwargs) < 0 || abc_tpflags(t) < 0)
        return NULL;
    return obj;
}

/* type.__new__(meta, name, bases, dict, **kwargs) */
KnObject *ob_type_new_entry(KnTypeObject *meta, KnObject *args, KnObject *kwargs)
{
    kn_ssize_t n = KN_SIZE(args);
    if (n != 3)
        return ob_err_format(ob_exc_TypeError,
                             "type.__new__() takes exactly 3 arguments (%zd given)", n);
    KnObject *name = KN_TUPLE_GET(args, 0), *bases = KN_TUPLE_GET(args, 1),
             *dict = KN_TUPLE_GET(args, 2);
    if (!KN_STR_CHECK(name))
        return ob_err_format(ob_exc_TypeError, "type.__new__() argument 1 must be str, not %s",
                             KN_TNAME(name));
    if (!KN_TUPLE_CHECK(bases))
        return ob_err_format(ob_exc_TypeError, "type.__new__() argument 2 must be tuple, not %s",
                             KN_TNAME(bases));
    if (!KN_DICT_CHECK(dict))
        return ob_err_format(ob_exc_TypeError, "type.__new__() argument 3 must be dict, not %s",
                             KN_TNAME(dict));
    return type_new_impl(meta, name, bases, dict, args, kwargs);
}

/* type.__init__: everything happened in __new__; only the argument
 * count is checked (keywords belong to __init_subclass__). */
int ob_type_init_entry(KnObject *self, KnObject *args, KnObject *kwargs)
{
    kn_ssize_t n = KN_SIZE(args);
    if (kwargs != NULL && n == 1 && ob_dict_size(kwargs) != 0) {
        ob_err_set_string(ob_exc_TypeError, "type.__init__() takes no keyword arguments");
        return -1;
    }
    if (n != 1 && n != 3) {
        ob_err_set_string(ob_exc_TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

KnObject *ob_type_new_kw(KnTypeObject *meta, KnObject *name, KnObject *bases, KnObject *dict,
                         KnObject *kwargs)
{
    KnObject *args = ob_tuple_pack(3, name, bases, dict);
    return args ? ob_call((KnObject *)meta, args, kwargs) : NULL;
}

KnObject *ob_type_new(KnTypeObject *meta, KnObject *name, KnObject *bases, KnObject *dict)
{
    return ob_type_new_kw(meta, name, bases, dict, NULL);
}
