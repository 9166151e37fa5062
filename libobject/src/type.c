/*
 * type.c — the `type` type: readying static types, lookup along the MRO,
 * version tags, attribute access on classes, calling a class, isinstance
 * and issubclass.  Class creation is type_new.c; slots are type_slots.c;
 * the MRO is mro.c; `object` is object_type.c.  See NOTES-type.md.
 */
#include <string.h>

#include "type_new.h"

/* --------------------------------------------------------- version tags */

/* Tags come from one counter; 0 means "no valid tag".  A type's tag is
 * dropped (set to 0) whenever the type or any base changes; a fresh one
 * is handed out on the next ob_type_version() call. */
static unsigned int next_version_tag = 1;

unsigned int ob_type_version(KnTypeObject *t)
{
    if (KN_TYPE_HAS_FLAG(t, KN_TPFLAGS_VALID_VERSION_TAG))
        return t->tp_version_tag;
    /* wrapped (no more tags), or a type that must never be cached (its
     * MRO came from a metaclass's mro(): classes in it need not be its
     * bases, so their changes would not reach it) */
    if (next_version_tag == 0 || !KN_TYPE_HAS_FLAG(t, KN_TPFLAGS_HAVE_VERSION_TAG))
        return 0;
    /* A type can only carry a valid tag when its bases do (a change to a
     * base invalidates subclasses by walking tp_subclasses down). */
    if (t->tp_mro != NULL) {
        for (kn_ssize_t i = 1; i < KN_SIZE(t->tp_mro); i++)
            if (ob_type_version((KnTypeObject *)KN_TUPLE_GET(t->tp_mro, i)) == 0)
                return 0;
    }
    t->tp_version_tag = next_version_tag++;
    t->tp_flags |= KN_TPFLAGS_VALID_VERSION_TAG;
    return t->tp_version_tag;
}

void ob_type_modified(KnTypeObject *t)
{
    if (!KN_TYPE_HAS_FLAG(t, KN_TPFLAGS_VALID_VERSION_TAG) && t->tp_version_tag == 0)
        return;
    t->tp_flags &= ~KN_TPFLAGS_VALID_VERSION_TAG;
    t->tp_version_tag = 0;
    KnObject *subs = t->tp_subclasses;
    if (subs != NULL)
        for (kn_ssize_t i = 0; i < KN_SIZE(subs); i++)
            ob_type_modified((KnTypeObject *)KN_LIST_GET(subs, i));
}

/* ---------------------------------------------------------------- lookup */

/* A global cache of MRO lookups keyed on (version tag, name object), as
 * CPython's method cache.  Tags are never reused, so an entry of a type
 * whose tag was dropped (ob_type_modified) simply never matches again.
 * Misses are cached too.  Names are compared by identity: attribute names
 * are nearly always interned; another equal str just misses.  The table
 * is static data, a GC root: a cached name cannot be freed and reused. */
#define MCACHE_BITS 12
#define MCACHE_SIZE (1u << MCACHE_BITS)
static struct mcache_entry {
    unsigned int version;
    KnObject *name;
    KnObject *value;
} mcache[MCACHE_SIZE];

static KnObject *lookup_mro(KnTypeObject *t, KnObject *name);

KnObject *ob_type_lookup(KnTypeObject *t, KnObject *name)
{
    unsigned int tag = 0;
    struct mcache_entry *e = NULL;
    if (KN_STR_CHECK_EXACT(name) && KN_TYPE_HAS_FLAG(t, KN_TPFLAGS_READY) &&
        (tag = ob_type_version(t)) != 0) {
        size_t h = ((size_t)tag * 2654435761u) ^ ((size_t)name >> 4);
        e = &mcache[h & (MCACHE_SIZE - 1)];
        if (e->version == tag && e->name == name)
            return e->value;
    }
    KnObject *v = lookup_mro(t, name);
    /* the walk may run code that changes the type: cache only if the tag held */
    if (e != NULL && KN_TYPE_HAS_FLAG(t, KN_TPFLAGS_VALID_VERSION_TAG) &&
        t->tp_version_tag == tag) {
        e->version = tag;
        e->name = name;
        e->value = v;
    }
    return v;
}

static KnObject *lookup_mro(KnTypeObject *t, KnObject *name)
{
    KnObject *mro = t->tp_mro;
    if (mro == NULL) {
        /* not readied yet: ready now (static types of other parts may be
         * used before ob_runtime_init readies them, e.g. in tests) */
        if (ob_type_ready(t) < 0) {
            ob_err_clear();
            return NULL;
        }
        mro = t->tp_mro;
    }
    /* Lookup never raises, and never disturbs an exception that is
     * already propagating (slot_tp_getattr_hook looks for __getattr__
     * with the AttributeError still set). */
    KnObject *pending = ob_err_occurred() ? ob_err_fetch() : NULL;
    KnObject *v = NULL;
    for (kn_ssize_t i = 0; i < KN_SIZE(mro) && v == NULL; i++) {
        KnTypeObject *base = (KnTypeObject *)KN_TUPLE_GET(mro, i);
        KnObject *d = base->tp_dict;
        if (d == NULL)
            continue;
        v = ob_dict_getitem(d, name);
        if (v == NULL && ob_err_occurred())
            ob_err_clear();     /* an unhashable name: simply not found */
    }
    if (pending != NULL)
        ob_err_restore(pending);
    return v;
}

int ob_type_is_subtype(KnTypeObject *a, KnTypeObject *b)
{
    if (a == b)
        return 1;
    KnObject *mro = a->tp_mro;
    if (mro != NULL) {
        for (kn_ssize_t i = 0; i < KN_SIZE(mro); i++)
            if (KN_TUPLE_GET(mro, i) == (KnObject *)b)
                return 1;
        return 0;
    }
    /* not readied: follow tp_base */
    for (KnTypeObject *x = a->tp_base; x != NULL; x = x->tp_base)
        if (x == b)
            return 1;
    return b == &ob_object_type;
}

const char *ob_type_name(KnTypeObject *t)
{
    if (KN_TYPE_HAS_FLAG(t, KN_TPFLAGS_HEAPTYPE)) {
        KnHeapTypeObject *ht = (KnHeapTypeObject *)t;
        if (ht->ht_name != NULL) {
            const char *s = ob_str_as_utf8(ht->ht_name, NULL);
            if (s != NULL)
                return s;
            ob_err_clear();
        }
        return t->tp_name;
    }
    const char *dot = strrchr(t->tp_name, '.');
    return dot ? dot + 1 : t->tp_name;
}

KnObject *ob_type_of(KnObject *o)
{
    return (KnObject *)KN_TYPE(o);
}

KnObject *ob_type_mro_tuple(KnTypeObject *t)
{
    return t->tp_mro;
}

/* A static type's docstring without its "name(sig)\n--\n\n" text
 * signature prefix. */
KnObject *ob_type_internal_doc(KnTypeObject *t)
{
    const char *d = t->tp_doc, *sig = strstr(d, ")\n--\n\n");
    if (sig != NULL && strncmp(d, ob_type_name(t), strlen(ob_type_name(t))) == 0)
        d = sig + 6;
    return ob_str_from_cstr(d);
}

/* ------------------------------------------------------------ subclasses */

/* tp_subclasses is a list of the direct subclasses.  (CPython keeps weak
 * references; Kiln keeps strong ones until libgc's weak slots land, so a
 * class stays alive as long as its bases — see NOTES-type.md.) */
int ob_type_add_subclass(KnTypeObject *base, KnTypeObject *sub)
{
    if (base->tp_subclasses == NULL && (base->tp_subclasses = ob_list_new(0)) == NULL)
        return -1;
    return ob_list_append(base->tp_subclasses, (KnObject *)sub);
}

/* --------------------------------------------------------------- readying */

static void inherit_special(KnTypeObject *t, KnTypeObject *base)
{
    static const unsigned long fast_bits =
        KN_TPFLAGS_LONG_SUBCLASS | KN_TPFLAGS_LIST_SUBCLASS | KN_TPFLAGS_TUPLE_SUBCLASS |
        KN_TPFLAGS_BYTES_SUBCLASS | KN_TPFLAGS_UNICODE_SUBCLASS | KN_TPFLAGS_DICT_SUBCLASS |
        KN_TPFLAGS_BASE_EXC_SUBCLASS | KN_TPFLAGS_TYPE_SUBCLASS;
    t->tp_flags |= base->tp_flags & fast_bits;
    /* pattern matching: `case int(x)` matches subclasses (sequence and
     * mapping come from the MRO, see ob_type_ready) */
    t->tp_flags |= base->tp_flags & KN_TPFLAGS_MATCH_SELF;
    if (t->tp_basicsize == 0)
        t->tp_basicsize = base->tp_basicsize;
    if (t->tp_itemsize == 0)
        t->tp_itemsize = base->tp_itemsize;
    if (t->tp_dictoffset == 0)
        t->tp_dictoffset = base->tp_dictoffset;
    if (t->tp_weaklistoffset == 0)
        t->tp_weaklistoffset = base->tp_weaklistoffset;
    if (KN_TYPE_HAS_FLAG(base, KN_TPFLAGS_HAVE_GC))
        t->tp_flags |= KN_TPFLAGS_HAVE_GC;
}

/* Copy into t every slot it leaves NULL from `base`, table by table.
 * Static types may share a base's table pointer when they have none. */
#define COPY(f) do { if (t->f == NULL) t->f = base->f; } while (0)
#define COPY_IN(tab, f) do { if (t->tab->f == NULL) t->tab->f = base->tab->f; } while (0)

void ob_type_inherit_slots(KnTypeObject *t, KnTypeObject *base)
{
    if (base->tp_as_number != NULL) {
        if (t->tp_as_number == NULL) {
            t->tp_as_number = base->tp_as_number;
        } else if (t->tp_as_number != base->tp_as_number) {
            void **dst = (void **)t->tp_as_number, **src = (void **)base->tp_as_number;
            for (size_t i = 0; i < sizeof(KnNumberMethods) / sizeof(void *); i++)
                if (dst[i] == NULL)
                    dst[i] = src[i];
        }
    }
    if (base->tp_as_sequence != NULL) {
        if (t->tp_as_sequence == NULL) {
            t->tp_as_sequence = base->tp_as_sequence;
        } else if (t->tp_as_sequence != base->tp_as_sequence) {
            void **dst = (void **)t->tp_as_sequence, **src = (void **)base->tp_as_sequence;
            for (size_t i = 0; i < sizeof(KnSequenceMethods) / sizeof(void *); i++)
                if (dst[i] == NULL)
                    dst[i] = src[i];
        }
    }
    if (base->tp_as_mapping != NULL) {
        if (t->tp_as_mapping == NULL) {
            t->tp_as_mapping = base->tp_as_mapping;
        } else if (t->tp_as_mapping != base->tp_as_mapping) {
            COPY_IN(tp_as_mapping, mp_length);
            COPY_IN(tp_as_mapping, mp_subscript);
            COPY_IN(tp_as_mapping, mp_ass_subscript);
        }
    }
    if (base->tp_as_async != NULL) {
        if (t->tp_as_async == NULL) {
            t->tp_as_async = base->tp_as_async;
        } else if (t->tp_as_async != base->tp_as_async) {
            COPY_IN(tp_as_async, am_await);
            COPY_IN(tp_as_async, am_aiter);
            COPY_IN(tp_as_async, am_anext);
            COPY_IN(tp_as_async, am_send);
        }
    }
    if (base->tp_as_buffer != NULL) {
        if (t->tp_as_buffer == NULL) {
            t->tp_as_buffer = base->tp_as_buffer;
        } else if (t->tp_as_buffer != base->tp_as_buffer) {
            COPY_IN(tp_as_buffer, bf_getbuffer);
            COPY_IN(tp_as_buffer, bf_releasebuffer);
        }
    }
    COPY(tp_dealloc);
    if (t->tp_getattr == NULL && t->tp_getattro == NULL) {
        t->tp_getattr = base->tp_getattr;
        t->tp_getattro = base->tp_getattro;
    }
    if (t->tp_setattr == NULL && t->tp_setattro == NULL) {
        t->tp_setattr = base->tp_setattr;
        t->tp_setattro = base->tp_setattro;
    }
    COPY(tp_repr);
    COPY(tp_call);
    COPY(tp_str);
    /* __eq__ and __hash__ go together: a type that defines one of them
     * does not inherit the other. */
    if (t->tp_richcompare == NULL && t->tp_hash == NULL) {
        int own_eq = 0;
        if (t->tp_dict != NULL) {
            own_eq = ob_dict_getitem(t->tp_dict, KN_ID(__eq__)) != NULL ||
                     ob_dict_getitem(t->tp_dict, KN_ID(__hash__)) != NULL;
            if (ob_err_occurred())
                ob_err_clear();
        }
        if (!own_eq) {
            t->tp_richcompare = base->tp_richcompare;
            t->tp_hash = base->tp_hash;
        }
    }
    COPY(tp_iter);
    COPY(tp_iternext);
    COPY(tp_descr_get);
    COPY(tp_descr_set);
    COPY(tp_init);
    COPY(tp_alloc);
    COPY(tp_is_gc);
    COPY(tp_finalize);
    COPY(tp_free);
    if (t->tp_vectorcall_offset == 0 && KN_TYPE_HAS_FLAG(base, KN_TPFLAGS_HAVE_VECTORCALL) &&
        t->tp_call == base->tp_call && !KN_TYPE_HAS_FLAG(t, KN_TPFLAGS_HEAPTYPE)) {
        t->tp_vectorcall_offset = base->tp_vectorcall_offset;
        t->tp_flags |= KN_TPFLAGS_HAVE_VECTORCALL;
    }
    if (KN_TYPE_HAS_FLAG(base, KN_TPFLAGS_METHOD_DESCRIPTOR) && t->tp_descr_get == base->tp_descr_get)
        t->tp_flags |= KN_TPFLAGS_METHOD_DESCRIPTOR;
}
#undef COPY
#undef COPY_IN

/* tp_methods / tp_members / tp_getset -> descriptors in tp_dict. */
static int add_descriptors(KnTypeObject *t)
{
    KnObject *d = t->tp_dict;
    if (t->tp_methods != NULL) {
        for (KnMethodDef *m = t->tp_methods; m->ml_name != NULL; m++) {
            KnObject *descr;
            if (m->ml_flags & KN_METH_CLASS)
                descr = ob_descr_new_classmethod(t, m);
            else if (m->ml_flags & KN_METH_STATIC) {
                KnObject *f = ob_cfunction_new(m, (KnObject *)t, NULL);
                descr = f ? ob_staticmethod_new(f) : NULL;
            } else
                descr = ob_descr_new_method(t, m);
            if (descr == NULL)
                return -1;
            if (!(m->ml_flags & KN_METH_COEXIST) &&
                ob_dict_getitem_str(d, m->ml_name) != NULL)
                continue;
            if (ob_dict_setitem_str(d, m->ml_name, descr) < 0)
                return -1;
        }
    }
    if (t->tp_members != NULL) {
        for (KnMemberDef *m = t->tp_members; m->name != NULL; m++) {
            if (ob_dict_getitem_str(d, m->name) != NULL)
                continue;
            KnObject *descr = ob_descr_new_member(t, m);
            if (descr == NULL || ob_dict_setitem_str(d, m->name, descr) < 0)
                return -1;
        }
    }
    if (t->tp_getset != NULL) {
        for (KnGetSetDef *g = t->tp_getset; g->name != NULL; g++) {
            if (ob_dict_getitem_str(d, g->name) != NULL)
                continue;
            KnObject *descr = ob_descr_new_getset(t, g);
            if (descr == NULL || ob_dict_setitem_str(d, g->name, descr) < 0)
                return -1;
        }
    }
    return 0;
}

/* `__new__` in a type's dict: a builtin bound to the type (as CPython's
 * tp_new_wrapper), so int.__new__(int, 5) works. */
static KnObject *tp_new_wrapper(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                                KnObject *kwnames);
static KnMethodDef tp_new_def = {
    "__new__", (KnCFunction)(void (*)(void))tp_new_wrapper, KN_METH_FASTCALL | KN_METH_KEYWORDS,
    "Create and return a new object.  See help(type) for accurate signature."
};

static KnObject *tp_new_wrapper(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                                KnObject *kwnames)
{
    KnTypeObject *t = (KnTypeObject *)self;
    if (nargs < 1)
        return ob_err_format(ob_exc_TypeError, "%s.__new__(): not enough arguments", t->tp_name);
    KnObject *arg0 = args[0];
    if (!KN_TYPE_OBJ_CHECK(arg0))
        return ob_err_format(ob_exc_TypeError, "%s.__new__(X): X is not a type object (%s)",
                             t->tp_name, KN_TNAME(arg0));
    KnTypeObject *sub = (KnTypeObject *)arg0;
    if (!ob_type_is_subtype(sub, t))
        return ob_err_format(ob_exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s",
                             t->tp_name, sub->tp_name, sub->tp_name, t->tp_name);
    /* The most derived static base of sub must use this tp_new, or the
     * object would be built without that base's initialisation. */
    KnTypeObject *staticbase = sub;
    while (staticbase != NULL && staticbase->tp_new != NULL &&
           KN_TYPE_HAS_FLAG(staticbase, KN_TPFLAGS_HEAPTYPE))
        staticbase = staticbase->tp_base;
    if (staticbase != NULL && staticbase->tp_new != t->tp_new)
        return ob_err_format(ob_exc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()",
                             t->tp_name, sub->tp_name, staticbase->tp_name);
    KnObject *rest = ob_tuple_from_array(args + 1, nargs - 1);
    if (rest == NULL)
        return NULL;
    KnObject *kw = NULL;
    if (kwnames != NULL && KN_SIZE(kwnames) > 0) {
        kw = ob_dict_new();
        if (kw == NULL)
            return NULL;
        for (kn_ssize_t i = 0; i < KN_SIZE(kwnames); i++)
            if (ob_dict_setitem(kw, KN_TUPLE_GET(kwnames, i), args[nargs + i]) < 0)
                return NULL;
    }
    return t->tp_new(sub, rest, kw);
}

int ob_type_is_new_wrapper(KnObject *o)
{
    return KN_TYPE(o) == &ob_cfunction_type && ((KnCFunctionObject *)o)->m_ml == &tp_new_def;
}

static void set_builtin_subclass_bit(KnTypeObject *t)
{
    if (t == &ob_int_type) t->tp_flags |= KN_TPFLAGS_LONG_SUBCLASS;
    else if (t == &ob_list_type) t->tp_flags |= KN_TPFLAGS_LIST_SUBCLASS;
    else if (t == &ob_tuple_type) t->tp_flags |= KN_TPFLAGS_TUPLE_SUBCLASS;
    else if (t == &ob_bytes_type) t->tp_flags |= KN_TPFLAGS_BYTES_SUBCLASS;
    else if (t == &ob_str_type) t->tp_flags |= KN_TPFLAGS_UNICODE_SUBCLASS;
    else if (t == &ob_dict_type) t->tp_flags |= KN_TPFLAGS_DICT_SUBCLASS;
    else if (t == &ob_type_type) t->tp_flags |= KN_TPFLAGS_TYPE_SUBCLASS;
}

int ob_type_ready(KnTypeObject *t)
{
    if (KN_TYPE_HAS_FLAG(t, KN_TPFLAGS_READY))
        return 0;
    if (KN_TYPE_HAS_FLAG(t, KN_TPFLAGS_READYING))
        return 0;       /* re-entered while readying (e.g. dict of type) */
    t->tp_flags |= KN_TPFLAGS_READYING;
    set_builtin_subclass_bit(t);

    KnTypeObject *base = t->tp_base;
    if (base == NULL && t != &ob_object_type)
        base = t->tp_base = &ob_object_type;
    if (base != NULL && ob_type_ready(base) < 0)
        goto error;
    if (KN_TYPE(t) == NULL && base != NULL)
        t->ob_base.ob_base.ob_type = KN_TYPE(base);
    if (t->tp_bases == NULL) {
        t->tp_bases = base ? ob_tuple_pack(1, (KnObject *)base) : ob_tuple_empty();
        if (t->tp_bases == NULL)
            goto error;
    }
    for (kn_ssize_t i = 0; i < KN_SIZE(t->tp_bases); i++)
        if (ob_type_ready((KnTypeObject *)KN_TUPLE_GET(t->tp_bases, i)) < 0)
            goto error;
    if (t->tp_dict == NULL && (t->tp_dict = ob_dict_new()) == NULL)
        goto error;

    if (base != NULL)
        inherit_special(t, base);
    if (ob_type_add_slot_wrappers(t) < 0 || add_descriptors(t) < 0)
        goto error;
    if (ob_mro_compute(t) < 0)
        goto error;
    /* Slots from every base in MRO order (the first one that has a slot
     * wins, as CPython). */
    for (kn_ssize_t i = 1; i < KN_SIZE(t->tp_mro); i++) {
        KnTypeObject *b = (KnTypeObject *)KN_TUPLE_GET(t->tp_mro, i);
        ob_type_inherit_slots(t, b);
        /* a sequence or mapping stays one unless it says otherwise: the
         * first class of the MRO that is either decides, as CPython */
        if (!(t->tp_flags & (KN_TPFLAGS_SEQUENCE | KN_TPFLAGS_MAPPING)))
            t->tp_flags |= b->tp_flags & (KN_TPFLAGS_SEQUENCE | KN_TPFLAGS_MAPPING);
    }

    if (!KN_TYPE_HAS_FLAG(t, KN_TPFLAGS_HEAPTYPE)) {
        if (t->tp_new == NULL && base == &ob_object_type)
            t->tp_flags |= KN_TPFLAGS_DISALLOW_INSTANTIATION;
        if (!KN_TYPE_HAS_FLAG(t, KN_TPFLAGS_DISALLOW_INSTANTIATION)) {
            if (t->tp_new != NULL) {
                if (ob_dict_getitem(t->tp_dict, KN_ID(__new__)) == NULL) {
                    KnObject *f = ob_cfunction_new(&tp_new_def, (KnObject *)t, NULL);
                    if (f == NULL || ob_dict_setitem(t->tp_dict, KN_ID(__new__), f) < 0)
                        goto error;
                }
            } else if (base != NULL) {
                t->tp_new = base->tp_new;
            }
        }
        t->tp_flags |= KN_TPFLAGS_IMMUTABLETYPE;
    }
    if (ob_dict_getitem(t->tp_dict, KN_ID(__doc__)) == NULL) {
        KnObject *doc = KN_None;
        if (t->tp_doc != NULL && !KN_TYPE_HAS_FLAG(t, KN_TPFLAGS_HEAPTYPE) &&
            (doc = ob_type_internal_doc(t)) == NULL)
            goto error;
        if (ob_dict_setitem(t->tp_dict, KN_ID(__doc__), doc) < 0)
            goto error;
    }
    /* No hash after inheriting (the type defines __eq__ but not
     * __hash__): unhashable, with __hash__ = None in its dict. */
    if (t->tp_hash == NULL && ob_dict_getitem(t->tp_dict, KN_ID(__hash__)) == NULL) {
        if (ob_err_occurred() || ob_dict_setitem(t->tp_dict, KN_ID(__hash__), KN_None) < 0)
            goto error;
        t->tp_hash = ob_hash_not_implemented;
    }
    if (t->tp_alloc == NULL)
        t->tp_alloc = ob_type_generic_alloc;
    for (kn_ssize_t i = 0; i < KN_SIZE(t->tp_bases); i++)
        if (ob_type_add_subclass((KnTypeObject *)KN_TUPLE_GET(t->tp_bases, i), t) < 0)
            goto error;
    t->tp_flags = (t->tp_flags & ~KN_TPFLAGS_READYING) | KN_TPFLAGS_READY;
    ob_type_version(t);
    return 0;
error:
    t->tp_flags &= ~KN_TPFLAGS_READYING;
    return -1;
}

/* ------------------------------------------------------ class attributes */

KnObject *ob_type_getattro(KnObject *self, KnObject *name)
{
    if (!KN_STR_CHECK(name))
        return ob_err_format(ob_exc_TypeError, "attribute name must be string, not '%s'",
                             KN_TNAME(name));
    KnTypeObject *t = (KnTypeObject *)self;
    KnTypeObject *meta = KN_TYPE(self);
    KnObject *meta_attr = ob_type_lookup(meta, name);
    descrgetfunc meta_get = NULL;
    if (meta_attr != NULL) {
        meta_get = KN_TYPE(meta_attr)->tp_descr_get;
        if (meta_get != NULL && KN_TYPE(meta_attr)->tp_descr_set != NULL)
            return meta_get(meta_attr, self, (KnObject *)meta);
    }
    KnObject *attr = ob_type_lookup(t, name);
    if (attr != NULL) {
        descrgetfunc get = KN_TYPE(attr)->tp_descr_get;
        if (get != NULL)
            return get(attr, NULL, self);
        return attr;
    }
    if (meta_get != NULL)
        return meta_get(meta_attr, self, (KnObject *)meta);
    if (meta_attr != NULL)
        return meta_attr;
    ob_err_attribute(self, name);
    return NULL;
}

int ob_type_setattro(KnObject *self, KnObject *name, KnObject *value)
{
    KnTypeObject *t = (KnTypeObject *)self;
    if (!KN_STR_CHECK(name)) {
        ob_err_format(ob_exc_TypeError, "attribute name must be string, not '%s'",
                      KN_TNAME(name));
        return -1;
    }
    if (KN_TYPE_HAS_FLAG(t, KN_TPFLAGS_IMMUTABLETYPE)) {
        ob_err_format(ob_exc_TypeError, "cannot set '%U' attribute of immutable type '%s'",
                      name, t->tp_name);
        return -1;
    }
    /* data descriptors on the metaclass (__name__, __doc__, ...) */
    KnObject *meta_attr = ob_type_lookup(KN_TYPE(self), name);
    if (meta_attr != NULL && KN_TYPE(meta_attr)->tp_descr_set != NULL) {
        int r = KN_TYPE(meta_attr)->tp_descr_set(meta_attr, self, value);
        ob_type_modified(t);
        return r;
    }
    name = ob_str_intern(name);
    if (name == NULL)
        return -1;
    int r;
    if (value == NULL) {
        if (!ob_dict_contains(t->tp_dict, name)) {
            if (!ob_err_occurred())
                ob_err_attribute(self, name);
            return -1;
        }
        r = ob_dict_delitem(t->tp_dict, name);
    } else {
        r = ob_dict_setitem(t->tp_dict, name, value);
    }
    if (r < 0)
        return -1;
    ob_type_modified(t);
    return ob_type_update_slot(t, name);
}

/* ------------------------------------------------------- calling a class */

KnObject *ob_type_call(KnObject *self, KnObject *args, KnObject *kwargs)
{
    KnTypeObject *t = (KnTypeObject *)self;
    if (t == &ob_type_type && KN_SIZE(args) == 1 &&
        (kwargs == NULL || ob_dict_size(kwargs) == 0))
        return (KnObject *)KN_TYPE(KN_TUPLE_GET(args, 0));
    if (t == &ob_type_type && KN_SIZE(args) != 3)
        return ob_err_format(ob_exc_TypeError, "type() takes 1 or 3 arguments");
    if (t->tp_new == NULL || KN_TYPE_HAS_FLAG(t, KN_TPFLAGS_DISALLOW_INSTANTIATION))
        return ob_err_format(ob_exc_TypeError, "cannot create '%s' instances", t->tp_name);
    KnObject *obj = t->tp_new(t, args, kwargs);
    if (obj == NULL)
        return NULL;
    /* type(x) with one argument returned a type: don't initialise it */
    if (t == &ob_type_type && KN_SIZE(args) == 1)
        return obj;
    if (!ob_type_is_subtype(KN_TYPE(obj), t))
        return obj;
    initproc init = KN_TYPE(obj)->tp_init;
    if (init != NULL && init(obj, args, kwargs) < 0)
        return NULL;
    return obj;
}

KnObject *ob_type_generic_alloc(KnTypeObject *t, kn_ssize_t nitems)
{
    return ob_alloc(t, nitems);
}

KnObject *ob_type_generic_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    (void)args;
    (void)kwargs;
    return t->tp_alloc(t, 0);
}

/* --------------------------------------------------- isinstance & co. */

static int is_class_like(KnObject *o, KnObject **bases)
{
    /* An object is "a class" for issubclass when it is a type or has a
     * __bases__ tuple (CPython's abstract_get_bases). */
    if (KN_TYPE_OBJ_CHECK(o)) {
        *bases = ((KnTypeObject *)o)->tp_bases;
        return 1;
    }
    KnObject *b;
    int r = ob_lookup_attr(o, KN_ID(__bases__), &b);
    if (r <= 0)
        return r;
    if (!KN_TUPLE_CHECK(b))
        return 0;
    *bases = b;
    return 1;
}

static int abstract_issubclass(KnObject *derived, KnObject *cls)
{
    KnObject *bases;
    for (int depth = 0;; depth++) {
        if (derived == cls)
            return 1;
        int r = is_class_like(derived, &bases);
        if (r <= 0)
            return r;
        kn_ssize_t n = KN_SIZE(bases);
        if (n == 0)
            return 0;
        if (n == 1) {
            derived = KN_TUPLE_GET(bases, 0);
            continue;
        }
        for (kn_ssize_t i = 0; i < n; i++) {
            r = abstract_issubclass(KN_TUPLE_GET(bases, i), cls);
            if (r != 0)
                return r;
        }
        return 0;
    }
}

/* isinstance without __instancecheck__ (type.__instancecheck__). */
static int recursive_isinstance(KnObject *o, KnObject *cls)
{
    if (KN_TYPE_OBJ_CHECK(cls)) {
        if (ob_type_is_subtype(KN_TYPE(o), (KnTypeObject *)cls))
            return 1;
        KnObject *c;
        int r = ob_lookup_attr(o, KN_ID(__class__), &c);
        if (r <= 0)
            return r;
        if (c != (KnObject *)KN_TYPE(o) && KN_TYPE_OBJ_CHECK(c))
            return ob_type_is_subtype((KnTypeObject *)c, (KnTypeObject *)cls);
        return 0;
    }
    KnObject *bases;
    int r = is_class_like(cls, &bases);
    if (r < 0)
        return -1;
    if (r == 0) {
        ob_err_set_string(ob_exc_TypeError,
                          "isinstance() arg 2 must be a type, a tuple of types, or a union");
        return -1;
    }
    KnObject *c;
    r = ob_lookup_attr(o, KN_ID(__class__), &c);
    if (r <= 0)
        return r;
    return abstract_issubclass(c, cls);
}

static int recursive_issubclass(KnObject *derived, KnObject *cls)
{
    if (KN_TYPE_OBJ_CHECK(cls) && KN_TYPE_OBJ_CHECK(derived))
        return ob_type_is_subtype((KnTypeObject *)derived, (KnTypeObject *)cls);
    KnObject *bases;
    int r = is_class_like(derived, &bases);
    if (r < 0)
        return -1;
    if (r == 0) {
        ob_err_set_string(ob_exc_TypeError, "issubclass() arg 1 must be a class");
        return -1;
    }
    r = is_class_like(cls, &bases);
    if (r < 0)
        return -1;
    if (r == 0) {
        ob_err_set_string(ob_exc_TypeError,
                          "issubclass() arg 2 must be a class, a tuple of classes, or a union");
        return -1;
    }
    return abstract_issubclass(derived, cls);
}

static int check_with_hook(KnObject *a, KnObject *cls, KnObject *hookname,
                           int (*plain)(KnObject *, KnObject *), const char *where)
{
    if (ob_type_union_check(cls))         /* int | str: like (int, str) */
        cls = ob_type_union_args(cls);
    if (KN_TUPLE_CHECK(cls)) {
        if (ob_enter_recursive_call(where) < 0)
            return -1;
        int r = 0;
        for (kn_ssize_t i = 0; i < KN_SIZE(cls) && r == 0; i++)
            r = check_with_hook(a, KN_TUPLE_GET(cls, i), hookname, plain, where);
        ob_leave_recursive_call();
        return r;
    }
    KnObject *hook = ob_lookup_special(cls, hookname);
    if (hook != NULL) {
        if (ob_enter_recursive_call(where) < 0)
            return -1;
        KnObject *res = ob_call_onearg(hook, a);
        ob_leave_recursive_call();
        return res ? ob_is_true(res) : -1;
    }
    if (ob_err_occurred())
        return -1;
    return plain(a, cls);
}

int ob_isinstance(KnObject *o, KnObject *cls)
{
    if ((KnObject *)KN_TYPE(o) == cls)
        return 1;
    if (KN_TYPE(cls) == &ob_type_type)     /* exact type: no hook possible */
        return recursive_isinstance(o, cls);
    return check_with_hook(o, cls, KN_ID(__instancecheck__), recursive_isinstance,
                           " in __instancecheck__");
}

int ob_issubclass(KnObject *derived, KnObject *cls)
{
    if (KN_TYPE(cls) == &ob_type_type && KN_TYPE_OBJ_CHECK(derived))
        return derived == cls ? 1 : recursive_issubclass(derived, cls);
    return check_with_hook(derived, cls, KN_ID(__subclasscheck__), recursive_issubclass,
                           " in __subclasscheck__");
}

/* type.__instancecheck__ / __subclasscheck__: the hook-free checks. */
KnObject *ob_type_instancecheck(KnObject *self, KnObject *o);
KnObject *ob_type_instancecheck(KnObject *self, KnObject *o)
{
    int r = recursive_isinstance(o, self);
    return r < 0 ? NULL : KN_BOOL(r);
}

KnObject *ob_type_subclasscheck(KnObject *self, KnObject *o);
KnObject *ob_type_subclasscheck(KnObject *self, KnObject *o)
{
    int r = recursive_issubclass(o, self);
    return r < 0 ? NULL : KN_BOOL(r);
}
