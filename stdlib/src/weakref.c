/*
 * weakref.c — the `_weakref` module: ref (weakref.ReferenceType),
 * getweakrefcount, getweakrefs, _remove_dead_weakref.
 *
 * A ref holds its referent in a libgc weak slot (kgc_alloc_weakref_object
 * leaves word 2 untraced; kgc_weak_attach tracks it).  When the referent
 * dies the slot is cleared and libgc calls our weak_callback with the ref
 * as cookie, which calls the Python callback.  The refs to an object live
 * in a list stored in the object's weak-list slot (tp_weaklistoffset), so
 * getweakrefcount/getweakrefs work and a callback-less ref(o) is shared,
 * as in CPython.  proxy forwards attributes, str, bool, calls and
 * comparisons (not arithmetic or item access yet).
 */
#include <stddef.h>

#include "libgc/finalize.h"
#include "libgc/gc.h"
#include "libgc/weakref.h"
#include "libobject/libobject.h"
#include "stdlib/modules.h"

#define FC(f) ((KnCFunction)(void (*)(void))(f))

typedef struct WrRef {
    KN_OBJECT_HEAD;
    KnObject *wr_object;    /* word 2: weak; NULL once the referent died */
    KnObject *wr_callback;  /* NULL: none */
    kn_hash_t hash;         /* -1 until computed */
    KnObject *weakreflist;
    KnObject *dict;
} WrRef;

extern KnTypeObject wr_ref_type;

static KnObject **weaklist_slot(KnObject *o)
{
    KnTypeObject *t = KN_TYPE(o);
    if (t->tp_weaklistoffset <= 0)
        return NULL;
    return (KnObject **)((char *)o + t->tp_weaklistoffset);
}

static KnObject *referent(WrRef *r)
{
    KnObject *o = r->wr_object;
    return o == NULL || o == KN_None ? NULL : o;
}

static void weak_callback(void *cookie)
{
    WrRef *r = cookie;
    r->wr_object = NULL;
    KnObject *cb = r->wr_callback;
    r->wr_callback = NULL;
    if (cb == NULL)
        return;
    KnObject *saved = ob_err_fetch();
    if (ob_call_onearg(cb, (KnObject *)r) == NULL)
        ob_err_write_unraisable(cb);
    if (saved != NULL)
        ob_err_restore(saved);
}

static KnObject *new_ref(KnTypeObject *type, KnObject *obj, KnObject *callback)
{
    KnObject **slot = weaklist_slot(obj);
    if (slot == NULL)
        return ob_err_format(ob_exc_TypeError, "cannot create weak reference to '%s' object",
                             ob_type_name(KN_TYPE(obj)));
    if (callback == KN_None)
        callback = NULL;
    KnObject *list = *slot;
    if (list != NULL && KN_TYPE(list) != &ob_list_type)
        return ob_err_format(ob_exc_TypeError, "cannot create weak reference to '%s' object",
                             ob_type_name(KN_TYPE(obj)));
    if (callback == NULL && type == &wr_ref_type && list != NULL) {
        for (kn_ssize_t i = 0; i < KN_SIZE(list); i++) {
            WrRef *r = (WrRef *)KN_LIST_GET(list, i);
            if (KN_TYPE(r) == &wr_ref_type && r->wr_callback == NULL)
                return (KnObject *)r;
        }
    }
    WrRef *r = kgc_alloc_weakref_object((size_t)type->tp_basicsize);
    if (r == NULL)
        return ob_err_nomemory();
    KN_TYPE(r) = type;
    r->hash = -1;
    r->wr_callback = callback;
    if (kgc_weak_attach(obj, (void **)&r->wr_object, r) < 0)
        return ob_err_nomemory();
    if (list == NULL && (list = *slot = ob_list_new(0)) == NULL)
        return NULL;
    if (ob_list_append(list, (KnObject *)r) < 0)
        return NULL;
    return (KnObject *)r;
}

static KnObject *ref_new(KnTypeObject *type, KnObject *args, KnObject *kwargs)
{
    static const char *const names[] = {"object", "callback", NULL};
    static const KnArgSpec spec = {"__new__", names, 1, 2, 0};
    KnObject *a[2];
    if (kwargs != NULL && ob_dict_size(kwargs) > 0 && type == &wr_ref_type)
        return ob_err_format(ob_exc_TypeError, "ref() takes no keyword arguments");
    if (ob_args_parse_tuple(&spec, args, NULL, a) < 0)
        return NULL;
    return new_ref(type, a[0], a[1]);
}

static int ref_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    (void)self;
    (void)args;
    (void)kwargs;
    return 0;
}

static KnObject *ref_call(KnObject *self, KnObject *args, KnObject *kwargs)
{
    if (KN_SIZE(args) != 0 || (kwargs != NULL && ob_dict_size(kwargs) > 0))
        return ob_err_format(ob_exc_TypeError, "weakref() takes no arguments");
    KnObject *o = referent((WrRef *)self);
    return o ? o : KN_None;
}

static kn_hash_t ref_hash(KnObject *self)
{
    WrRef *r = (WrRef *)self;
    if (r->hash != -1)
        return r->hash;
    KnObject *o = referent(r);
    if (o == NULL) {
        ob_err_format(ob_exc_TypeError, "weak object has gone away");
        return -1;
    }
    return r->hash = ob_hash(o);
}

static KnObject *ref_richcompare(KnObject *a, KnObject *b, int op)
{
    if ((op != KN_EQ && op != KN_NE) || !KN_TYPE_CHECK(a, &wr_ref_type)
        || !KN_TYPE_CHECK(b, &wr_ref_type))
        return KN_NotImplemented;
    KnObject *x = referent((WrRef *)a), *y = referent((WrRef *)b);
    if (x == NULL || y == NULL) {
        int same = a == b;
        return KN_BOOL(op == KN_EQ ? same : !same);
    }
    return ob_richcompare(x, y, op);
}

static KnObject *ref_repr(KnObject *self)
{
    KnObject *o = referent((WrRef *)self);
    if (o == NULL)
        return ob_str_from_format("<weakref at %p; dead>", (void *)self);
    KnObject *name = ob_getattr_str(o, "__name__");
    if (name == NULL) {
        if (!ob_err_matches((KnObject *)ob_exc_AttributeError))
            return NULL;
        ob_err_clear();
    }
    if (name != NULL && KN_STR_CHECK(name))
        return ob_str_from_format("<weakref at %p; to '%s' at %p (%U)>", (void *)self,
                                  ob_type_name(KN_TYPE(o)), (void *)o, name);
    return ob_str_from_format("<weakref at %p; to '%s' at %p>", (void *)self,
                              ob_type_name(KN_TYPE(o)), (void *)o);
}

static KnObject *ref_get_callback(KnObject *self, void *cl)
{
    (void)cl;
    KnObject *cb = ((WrRef *)self)->wr_callback;
    return cb ? cb : KN_None;
}

static KnGetSetDef ref_getset[] = {
    {"__callback__", ref_get_callback, NULL, "The callback of this weak reference.", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

KnTypeObject wr_ref_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "weakref.ReferenceType",
    .tp_basicsize = sizeof(WrRef),
    .tp_repr = ref_repr,
    .tp_hash = ref_hash,
    .tp_call = ref_call,
    .tp_getattro = ob_generic_getattr,
    .tp_setattro = ob_generic_setattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_richcompare = ref_richcompare,
    .tp_weaklistoffset = offsetof(WrRef, weakreflist),
    .tp_getset = ref_getset,
    .tp_dictoffset = offsetof(WrRef, dict),
    .tp_init = ref_init,
    .tp_new = ref_new,
};


/* ---- proxy: forwards attribute access, str, bool, call, comparison to
 * the referent; ReferenceError once it died.  (Arithmetic, item access
 * and iteration are not forwarded yet.) */

extern KnTypeObject wr_proxy_type, wr_callable_proxy_type;

static KnObject *proxy_target(KnObject *self)
{
    KnObject *o = referent((WrRef *)self);
    if (o == NULL)
        return ob_err_format(ob_exc_ReferenceError, "weakly-referenced object no longer exists");
    return o;
}

static KnObject *proxy_getattro(KnObject *self, KnObject *name)
{
    KnObject *o = proxy_target(self);
    return o ? ob_getattr(o, name) : NULL;
}

static int proxy_setattro(KnObject *self, KnObject *name, KnObject *value)
{
    KnObject *o = proxy_target(self);
    return o ? ob_setattr(o, name, value) : -1;
}

static KnObject *proxy_str(KnObject *self)
{
    KnObject *o = proxy_target(self);
    return o ? ob_str(o) : NULL;
}

static KnObject *proxy_repr(KnObject *self)
{
    KnObject *o = referent((WrRef *)self);
    return ob_str_from_format("<weakproxy at %p; to '%s' at %p>", (void *)self,
                              o ? ob_type_name(KN_TYPE(o)) : "NoneType", (void *)o);
}

static int proxy_bool(KnObject *self)
{
    KnObject *o = proxy_target(self);
    return o ? ob_is_true(o) : -1;
}

static KnObject *proxy_call(KnObject *self, KnObject *args, KnObject *kwargs)
{
    KnObject *o = proxy_target(self);
    return o ? ob_call(o, args, kwargs) : NULL;
}

static KnObject *proxy_richcompare(KnObject *a, KnObject *b, int op)
{
    if (KN_TYPE(a) == &wr_proxy_type || KN_TYPE(a) == &wr_callable_proxy_type)
        if ((a = proxy_target(a)) == NULL)
            return NULL;
    if (KN_TYPE(b) == &wr_proxy_type || KN_TYPE(b) == &wr_callable_proxy_type)
        if ((b = proxy_target(b)) == NULL)
            return NULL;
    return ob_richcompare(a, b, op);
}

static KnNumberMethods proxy_as_number = { .nb_bool = proxy_bool };

#define PROXY_TYPE(var, tname, call)                                          \
    KnTypeObject var = {                                                      \
        KN_VAR_HEAD_INIT(&ob_type_type, 0),                                   \
        .tp_name = tname,                                                     \
        .tp_basicsize = sizeof(WrRef),                                        \
        .tp_repr = proxy_repr,                                                \
        .tp_as_number = &proxy_as_number,                                     \
        .tp_hash = ob_hash_not_implemented,                                   \
        .tp_call = call,                                                      \
        .tp_str = proxy_str,                                                  \
        .tp_getattro = proxy_getattro,                                        \
        .tp_setattro = proxy_setattro,                                        \
        .tp_flags = KN_TPFLAGS_DEFAULT,                                       \
        .tp_richcompare = proxy_richcompare,                                  \
    };

PROXY_TYPE(wr_proxy_type, "weakref.ProxyType", NULL)
PROXY_TYPE(wr_callable_proxy_type, "weakref.CallableProxyType", proxy_call)

static KnObject *wr_proxy(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    if (ob_args_check_positional("proxy", nargs, 1, 2) < 0)
        return NULL;
    KnTypeObject *t = ob_callable_check(args[0]) ? &wr_callable_proxy_type : &wr_proxy_type;
    return new_ref(t, args[0], nargs > 1 ? args[1] : NULL);
}

/* The live refs to o, as a new list. */
static KnObject *live_refs(KnObject *o)
{
    KnObject *out = ob_list_new(0);
    KnObject **slot = weaklist_slot(o);
    if (out == NULL || slot == NULL || *slot == NULL || KN_TYPE(*slot) != &ob_list_type)
        return out;
    for (kn_ssize_t i = 0; i < KN_SIZE(*slot); i++) {
        WrRef *r = (WrRef *)KN_LIST_GET(*slot, i);
        if (referent(r) != NULL && ob_list_append(out, (KnObject *)r) < 0)
            return NULL;
    }
    return out;
}

static KnObject *wr_getweakrefcount(KnObject *m, KnObject *o)
{
    (void)m;
    KnObject *l = live_refs(o);
    return l ? ob_int_from_ssize(KN_SIZE(l)) : NULL;
}

static KnObject *wr_getweakrefs(KnObject *m, KnObject *o)
{
    (void)m;
    return live_refs(o);
}

static KnObject *wr_remove_dead(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    if (ob_args_check_positional("_remove_dead_weakref", nargs, 2, 2) < 0)
        return NULL;
    if (!KN_DICT_CHECK(args[0]))
        return ob_err_format(ob_exc_TypeError, "_remove_dead_weakref() argument 1 must be dict, not %s",
                             ob_type_name(KN_TYPE(args[0])));
    KnObject *v = ob_dict_getitem(args[0], args[1]);
    if (v == NULL) {
        if (ob_err_occurred())
            return NULL;
        return KN_None;
    }
    if (KN_TYPE_CHECK(v, &wr_ref_type) && referent((WrRef *)v) == NULL
        && ob_dict_delitem(args[0], args[1]) < 0) {
        if (!ob_err_matches((KnObject *)ob_exc_KeyError))
            return NULL;
        ob_err_clear();
    }
    return KN_None;
}

static KnMethodDef wr_functions[] = {
    {"proxy", FC(wr_proxy), KN_METH_FASTCALL,
     "Create a proxy object that weakly references 'object'."},
    {"getweakrefcount", FC(wr_getweakrefcount), KN_METH_O,
     "Return the number of weak references to 'object'."},
    {"getweakrefs", FC(wr_getweakrefs), KN_METH_O,
     "Return a list of all weak reference objects pointing to 'object'."},
    {"_remove_dead_weakref", FC(wr_remove_dead), KN_METH_FASTCALL,
     "Atomically remove key from dict if it points to a dead weakref."},
    {NULL, NULL, 0, NULL}
};

KnObject *kn_init__weakref(void)
{
    static int hooked;
    if (!hooked) {
        /* libobject installs no libgc hooks yet; until it does, the weak
         * callback is ours (see NOTES-weakref in the report). */
        struct kgc_hooks h = { .weak_callback = weak_callback };
        kgc_set_hooks(&h);
        hooked = 1;
    }
    if (ob_type_ready(&wr_ref_type) < 0 || ob_type_ready(&wr_proxy_type) < 0
        || ob_type_ready(&wr_callable_proxy_type) < 0)
        return NULL;
    KnObject *m = ob_module_new_cstr("_weakref");
    if (m == NULL || ob_module_add_functions(m, wr_functions) < 0
        || ob_module_add_object(m, "ref", (KnObject *)&wr_ref_type) < 0
        || ob_module_add_object(m, "ReferenceType", (KnObject *)&wr_ref_type) < 0
        || ob_module_add_object(m, "ProxyType", (KnObject *)&wr_proxy_type) < 0
        || ob_module_add_object(m, "CallableProxyType", (KnObject *)&wr_callable_proxy_type) < 0)
        return NULL;
    return m;
}
