/*
 * abc_module.c — `_abc`, the native half of abc.ABCMeta as in CPython 3.11
 * (the algorithm is _py_abc's; see stdlib/NOTES-abc.md).
 *
 * Each ABC carries an `_abc_data` object in cls._abc_impl holding three
 * sets of weak references (registry, positive cache, negative cache; NULL
 * until first used) and the value of the global invalidation counter the
 * negative cache is valid for.  Every weak reference has a callback that
 * drops it from its set (through a weak reference to the set) when the
 * class dies.  register() also marks the registered class (and its
 * subclasses) a sequence or mapping for pattern matching when the ABC is
 * one; the ABC's own flag comes from __abc_tpflags__, which libobject's
 * type_new already applies and removes at class creation.
 */
#include "libobject/libobject.h"
#include "libobject/set.h"
#include "libobject/weakref.h"
#include "stdlib/modules.h"

KnObject *kn_init__abc(void);

#define FC(f) ((KnCFunction)(void (*)(void))(f))
#define COLLECTION_FLAGS (KN_TPFLAGS_SEQUENCE | KN_TPFLAGS_MAPPING)

typedef struct {
    KN_OBJECT_HEAD;
    KnObject *registry;        /* set of weakrefs, or NULL */
    KnObject *cache;
    KnObject *negative_cache;
    unsigned long long negative_cache_version;
} AbcData;

static KnTypeObject abc_data_type;
static unsigned long long abc_invalidation_counter;

static KnObject *abc_data_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    (void)args;
    (void)kwargs;
    AbcData *d = (AbcData *)ob_type_generic_alloc(t, 0);
    if (d == NULL)
        return NULL;
    d->negative_cache_version = abc_invalidation_counter;
    return (KnObject *)d;
}

/* ------------------------------------------------------------ weak sets */

/* Callback of every weak reference in a set: self is a weak reference to
 * the set, arg the dead reference. */
static KnObject *weak_set_drop(KnObject *setref, KnObject *ref)
{
    KnObject *set = ob_weakref_get_object(setref);
    if (set != KN_None && ob_set_discard(set, ref) < 0)
        return NULL;
    return KN_None;
}

static KnMethodDef weak_set_drop_def = { "_destroy", FC(weak_set_drop), KN_METH_O, NULL };

/* 1 when obj is in the weak set, 0 when not (or not weakly referenceable). */
static int in_weak_set(KnObject *set, KnObject *obj)
{
    if (set == NULL || ob_set_size(set) == 0)
        return 0;
    KnObject *ref = ob_weakref_new_ref(obj, NULL);
    if (ref == NULL) {
        if (ob_err_matches((KnObject *)ob_exc_TypeError)) {
            ob_err_clear();
            return 0;
        }
        return -1;
    }
    return ob_set_contains(set, ref);
}

static int add_to_weak_set(KnObject **setp, KnObject *obj)
{
    if (*setp == NULL && (*setp = ob_set_new(NULL)) == NULL)
        return -1;
    KnObject *setref = ob_weakref_new_ref(*setp, NULL);
    if (setref == NULL)
        return -1;
    KnObject *cb = ob_cfunction_new(&weak_set_drop_def, setref, NULL);
    if (cb == NULL)
        return -1;
    KnObject *ref = ob_weakref_new_ref(obj, cb);
    return ref != NULL ? ob_set_add(*setp, ref) : -1;
}

/* ------------------------------------------------------------- helpers */

static AbcData *get_impl(KnObject *cls)
{
    KnObject *impl = ob_getattr_str(cls, "_abc_impl");
    if (impl == NULL)
        return NULL;
    if (KN_TYPE(impl) != &abc_data_type) {
        ob_err_set_string(ob_exc_TypeError, "_abc_impl is set to a wrong type");
        return NULL;
    }
    return (AbcData *)impl;
}

/* getattr(value, "__isabstractmethod__", False) as a truth value. */
static int is_abstract(KnObject *value)
{
    KnObject *flag;
    int r = ob_lookup_attr(value, ob_str_intern_cstr("__isabstractmethod__"), &flag);
    if (r <= 0)
        return r;
    return ob_is_true(flag);
}

/* cls.__abstractmethods__ = the abstract names of the namespace plus the
 * inherited abstract names still abstract in cls. */
static int compute_abstract_methods(KnObject *cls)
{
    KnObject *abstracts = ob_set_new(NULL);
    KnObject *ns = ob_getattr_str(cls, "__dict__");
    if (abstracts == NULL || ns == NULL)
        return -1;
    KnObject *keys = ob_call_method(ns, "keys", 0);
    if (keys == NULL || (keys = ob_sequence_list(keys)) == NULL)
        return -1;
    for (kn_ssize_t i = 0; i < KN_SIZE(keys); i++) {
        KnObject *key = KN_LIST_GET(keys, i);
        KnObject *value = ob_getitem(ns, key);
        if (value == NULL)
            return -1;
        int r = is_abstract(value);
        if (r < 0 || (r && ob_set_add(abstracts, key) < 0))
            return -1;
    }
    KnObject *bases = ob_getattr_str(cls, "__bases__");
    if (bases == NULL)
        return -1;
    if (!KN_TUPLE_CHECK(bases)) {
        ob_err_set_string(ob_exc_TypeError, "__bases__ is not tuple");
        return -1;
    }
    for (kn_ssize_t i = 0; i < KN_SIZE(bases); i++) {
        KnObject *names;
        int r = ob_lookup_attr(KN_TUPLE_GET(bases, i),
                               ob_str_intern_cstr("__abstractmethods__"), &names);
        if (r < 0)
            return -1;
        if (r == 0)
            continue;
        KnObject *it = ob_get_iter(names), *name;
        if (it == NULL)
            return -1;
        while ((name = ob_iter_next(it)) != NULL) {
            KnObject *value;
            r = ob_lookup_attr(cls, name, &value);
            if (r < 0)
                return -1;
            if (r == 0)
                continue;
            r = is_abstract(value);
            if (r < 0 || (r && ob_set_add(abstracts, name) < 0))
                return -1;
        }
        if (ob_err_occurred())
            return -1;
    }
    KnObject *frozen = ob_frozenset_new(abstracts);
    return frozen != NULL ? ob_setattr_str(cls, "__abstractmethods__", frozen) : -1;
}

/* Mark a registered class, and its subclasses, a sequence or mapping;
 * builtin and other immutable types keep their own nature. */
static void set_collection_flag(KnTypeObject *t, unsigned long flag)
{
    if (KN_TYPE_HAS_FLAG(t, KN_TPFLAGS_IMMUTABLETYPE) || !KN_TYPE_HAS_FLAG(t, KN_TPFLAGS_HEAPTYPE)
        || (t->tp_flags & COLLECTION_FLAGS) == flag)
        return;
    t->tp_flags = (t->tp_flags & ~COLLECTION_FLAGS) | flag;
    KnObject *subs = t->tp_subclasses;
    if (subs != NULL)
        for (kn_ssize_t i = 0; i < KN_SIZE(subs); i++)
            set_collection_flag((KnTypeObject *)KN_LIST_GET(subs, i), flag);
}

/* ------------------------------------------------------------ functions */

static KnObject *abc_get_cache_token(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    return ob_int_from_unsigned_long_long(abc_invalidation_counter);
}

static KnObject *abc_init(KnObject *m, KnObject *cls)
{
    (void)m;
    if (compute_abstract_methods(cls) < 0)
        return NULL;
    KnObject *data = abc_data_new(&abc_data_type, NULL, NULL);
    if (data == NULL || ob_setattr_str(cls, "_abc_impl", data) < 0)
        return NULL;
    return KN_None;
}

static KnObject *abc_register(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    if (ob_args_check_positional("_abc_register", nargs, 2, 2) < 0)
        return NULL;
    KnObject *cls = args[0], *sub = args[1];
    if (!KN_TYPE_OBJ_CHECK(sub)) {
        ob_err_set_string(ob_exc_TypeError, "Can only register classes");
        return NULL;
    }
    int r = ob_issubclass(sub, cls);
    if (r != 0)
        return r > 0 ? sub : NULL;
    r = ob_issubclass(cls, sub);
    if (r < 0)
        return NULL;
    if (r > 0) {
        ob_err_set_string(ob_exc_RuntimeError, "Refusing to create an inheritance cycle");
        return NULL;
    }
    AbcData *impl = get_impl(cls);
    if (impl == NULL || add_to_weak_set(&impl->registry, sub) < 0)
        return NULL;
    abc_invalidation_counter++;
    if (KN_TYPE_OBJ_CHECK(cls)) {
        unsigned long flag = ((KnTypeObject *)cls)->tp_flags & COLLECTION_FLAGS;
        if (flag)
            set_collection_flag((KnTypeObject *)sub, flag);
    }
    return sub;
}

static KnObject *abc_instancecheck(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    if (ob_args_check_positional("_abc_instancecheck", nargs, 2, 2) < 0)
        return NULL;
    KnObject *cls = args[0], *inst = args[1];
    AbcData *impl = get_impl(cls);
    KnObject *sub = impl != NULL ? ob_getattr_str(inst, "__class__") : NULL;
    if (sub == NULL)
        return NULL;
    int r = in_weak_set(impl->cache, sub);
    if (r != 0)
        return r > 0 ? KN_True : NULL;
    KnObject *subtype = (KnObject *)KN_TYPE(inst);
    if (subtype == sub) {
        if (impl->negative_cache_version == abc_invalidation_counter) {
            r = in_weak_set(impl->negative_cache, sub);
            if (r != 0)
                return r > 0 ? KN_False : NULL;
        }
        return ob_call_method(cls, "__subclasscheck__", 1, sub);
    }
    KnObject *res = ob_call_method(cls, "__subclasscheck__", 1, sub);
    if (res == NULL || (r = ob_is_true(res)) < 0)
        return NULL;
    if (r > 0)
        return res;
    return ob_call_method(cls, "__subclasscheck__", 1, subtype);
}

/* The end of a subclass check: remember the answer in the right cache. */
static KnObject *remember(AbcData *impl, KnObject *sub, int yes)
{
    if (add_to_weak_set(yes ? &impl->cache : &impl->negative_cache, sub) < 0)
        return NULL;
    return yes ? KN_True : KN_False;
}

static KnObject *abc_subclasscheck(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    if (ob_args_check_positional("_abc_subclasscheck", nargs, 2, 2) < 0)
        return NULL;
    KnObject *cls = args[0], *sub = args[1];
    if (!KN_TYPE_OBJ_CHECK(sub)) {
        ob_err_set_string(ob_exc_TypeError, "issubclass() arg 1 must be a class");
        return NULL;
    }
    AbcData *impl = get_impl(cls);
    if (impl == NULL)
        return NULL;
    /* 1. the positive cache */
    int r = in_weak_set(impl->cache, sub);
    if (r != 0)
        return r > 0 ? KN_True : NULL;
    /* 2. the negative cache, dropped when a register() happened since */
    if (impl->negative_cache_version < abc_invalidation_counter) {
        if (impl->negative_cache != NULL && ob_set_clear(impl->negative_cache) < 0)
            return NULL;
        impl->negative_cache_version = abc_invalidation_counter;
    } else if ((r = in_weak_set(impl->negative_cache, sub)) != 0) {
        return r > 0 ? KN_False : NULL;
    }
    /* 3. the subclass hook */
    KnObject *ok = ob_call_method(cls, "__subclasshook__", 1, sub);
    if (ok == NULL)
        return NULL;
    if (ok == KN_True || ok == KN_False)
        return remember(impl, sub, ok == KN_True);
    if (ok != KN_NotImplemented) {
        ob_err_set_string(ob_exc_AssertionError,
                          "__subclasshook__ must return either False, True, or NotImplemented");
        return NULL;
    }
    /* 4. a direct subclass */
    KnObject *mro = ((KnTypeObject *)sub)->tp_mro;
    if (mro != NULL && KN_TUPLE_CHECK(mro))
        for (kn_ssize_t i = 0; i < KN_SIZE(mro); i++)
            if (KN_TUPLE_GET(mro, i) == cls)
                return remember(impl, sub, 1);
    /* 5. a subclass of a registered class (on a snapshot of the registry) */
    if (impl->registry != NULL) {
        KnObject *refs = ob_sequence_list(impl->registry);
        if (refs == NULL)
            return NULL;
        for (kn_ssize_t i = 0; i < KN_SIZE(refs); i++) {
            KnObject *rcls = ob_weakref_get_object(KN_LIST_GET(refs, i));
            if (rcls == KN_None)
                continue;
            if ((r = ob_issubclass(sub, rcls)) != 0)
                return r > 0 ? remember(impl, sub, 1) : NULL;
        }
    }
    /* 6. a subclass of a subclass */
    KnObject *subs = ob_call_method(cls, "__subclasses__", 0);
    if (subs == NULL)
        return NULL;
    if (!KN_LIST_CHECK(subs)) {
        ob_err_set_string(ob_exc_TypeError, "__subclasses__() must return a list");
        return NULL;
    }
    for (kn_ssize_t i = 0; i < KN_SIZE(subs); i++)
        if ((r = ob_issubclass(sub, KN_LIST_GET(subs, i))) != 0)
            return r > 0 ? remember(impl, sub, 1) : NULL;
    /* 7. no */
    return remember(impl, sub, 0);
}

static KnObject *abc_get_dump(KnObject *m, KnObject *cls)
{
    (void)m;
    AbcData *impl = get_impl(cls);
    if (impl == NULL)
        return NULL;
    KnObject *reg = ob_set_new(impl->registry), *cache = ob_set_new(impl->cache);
    KnObject *neg = ob_set_new(impl->negative_cache);
    KnObject *ver = ob_int_from_unsigned_long_long(impl->negative_cache_version);
    if (reg == NULL || cache == NULL || neg == NULL || ver == NULL)
        return NULL;
    return ob_tuple_pack(4, reg, cache, neg, ver);
}

static KnObject *abc_reset_registry(KnObject *m, KnObject *cls)
{
    (void)m;
    AbcData *impl = get_impl(cls);
    if (impl == NULL || (impl->registry != NULL && ob_set_clear(impl->registry) < 0))
        return NULL;
    return KN_None;
}

static KnObject *abc_reset_caches(KnObject *m, KnObject *cls)
{
    (void)m;
    AbcData *impl = get_impl(cls);
    if (impl == NULL || (impl->cache != NULL && ob_set_clear(impl->cache) < 0)
        || (impl->negative_cache != NULL && ob_set_clear(impl->negative_cache) < 0))
        return NULL;
    return KN_None;
}

static KnMethodDef abc_functions[] = {
    { "get_cache_token", FC(abc_get_cache_token), KN_METH_NOARGS,
      "Returns the current ABC cache token." },
    { "_abc_init", FC(abc_init), KN_METH_O, "Internal ABC helper for class set-up." },
    { "_abc_register", FC(abc_register), KN_METH_FASTCALL,
      "Internal ABC helper for subclasss registration." },
    { "_abc_instancecheck", FC(abc_instancecheck), KN_METH_FASTCALL,
      "Internal ABC helper for instance checks." },
    { "_abc_subclasscheck", FC(abc_subclasscheck), KN_METH_FASTCALL,
      "Internal ABC helper for subclasss checks." },
    { "_get_dump", FC(abc_get_dump), KN_METH_O,
      "Internal ABC helper for cache and registry debugging." },
    { "_reset_registry", FC(abc_reset_registry), KN_METH_O,
      "Internal ABC helper to reset registry of a given class." },
    { "_reset_caches", FC(abc_reset_caches), KN_METH_O,
      "Internal ABC helper to reset both caches of a given class." },
    { NULL, NULL, 0, NULL },
};

static KnTypeObject abc_data_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_abc._abc_data",
    .tp_basicsize = sizeof(AbcData),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_doc = "Internal state held by ABC machinery.",
    .tp_new = abc_data_new,
};

KnObject *kn_init__abc(void)
{
    if (ob_type_ready(&abc_data_type) < 0 || ob_weakref_init() < 0)
        return NULL;
    KnObject *mod = ob_module_new_cstr("_abc");
    if (mod == NULL || ob_module_add_functions(mod, abc_functions) < 0)
        return NULL;
    return mod;
}
