/*
 * weakref.c — weakref.ReferenceType (_weakref.ref), the weak-reference list
 * every referent keeps at tp_weaklistoffset, and the C API of weakref.h.
 * The proxy types are in weakref_proxy.c.  See NOTES-finalize.md.
 */
#include "libgc/gc.h"
#include "core.h"
#include "weakref_internal.h"

/* ------------------------------------------------------ the weak list */

KnWeakReference **ob_weakref_list_head(KnObject *obj)
{
    kn_ssize_t off = KN_TYPE(obj)->tp_weaklistoffset;
    if (off <= 0)
        return NULL;
    return (KnWeakReference **)((char *)obj + off);
}

static int is_basic_ref(KnWeakReference *w)
{
    return w != NULL && KN_TYPE(w) == &ob_weakref_ref_type && w->wr_callback == NULL;
}

static int is_basic_proxy(KnWeakReference *w)
{
    return w != NULL && KN_WEAKREF_PROXY_CHECK((KnObject *)w) && w->wr_callback == NULL;
}

/* CPython's list order: the basic ref first, then the basic proxy, then
 * every other weak reference, newest first. */
static void find_basic(KnWeakReference *head, KnWeakReference **ref, KnWeakReference **proxy)
{
    *ref = *proxy = NULL;
    if (is_basic_ref(head)) {
        *ref = head;
        head = head->wr_next;
    }
    if (is_basic_proxy(head))
        *proxy = head;
}

static void insert_after(KnWeakReference *w, KnWeakReference *prev, KnWeakReference **head)
{
    if (prev == NULL) {
        w->wr_prev = NULL;
        w->wr_next = *head;
        if (*head != NULL)
            (*head)->wr_prev = w;
        *head = w;
        return;
    }
    w->wr_prev = prev;
    w->wr_next = prev->wr_next;
    if (prev->wr_next != NULL)
        prev->wr_next->wr_prev = w;
    prev->wr_next = w;
}

KnWeakReference **ob_weakref_head_or_error(KnObject *obj)
{
    KnWeakReference **head = ob_weakref_list_head(obj);
    if (head == NULL)
        ob_err_format(ob_exc_TypeError, "cannot create weak reference to '%s' object",
                      KN_TNAME(obj));
    return head;
}

KnObject *ob_weakref_make(KnTypeObject *type, KnObject *obj, KnObject *callback)
{
    if (ob_weakref_init() < 0)
        return NULL;
    KnWeakReference **head = ob_weakref_head_or_error(obj);
    if (head == NULL)
        return NULL;
    if (callback == KN_None)
        callback = NULL;
    int proxy = type == &ob_weakref_proxy_type || type == &ob_weakref_callable_proxy_type;
    KnWeakReference *bref, *bproxy;
    find_basic(*head, &bref, &bproxy);
    if (callback == NULL && type == &ob_weakref_ref_type && bref != NULL)
        return (KnObject *)bref;
    if (callback == NULL && proxy && bproxy != NULL)
        return (KnObject *)bproxy;

    KnWeakReference *w = kgc_alloc_weakref_object((size_t)type->tp_basicsize);
    if (w == NULL)
        return ob_err_nomemory();
    w->ob_base.ob_type = type;
    w->wr_object = obj;
    w->wr_callback = callback;
    w->hash = -1;
    if (ob_finalize_register_new((KnObject *)w) < 0)
        return NULL;
    if (kgc_weak_attach(obj, (void **)&w->wr_object, callback ? w : NULL) < 0)
        return ob_err_nomemory();

    KnWeakReference *prev;
    if (callback == NULL && type == &ob_weakref_ref_type)
        prev = NULL;
    else if (callback == NULL && proxy)
        prev = bref;
    else
        prev = bproxy != NULL ? bproxy : bref;
    insert_after(w, prev, head);
    return (KnObject *)w;
}

/* ------------------------------------------------------------ the C API */

KnObject *ob_weakref_new_ref(KnObject *obj, KnObject *callback)
{
    return ob_weakref_make(&ob_weakref_ref_type, obj, callback);
}

KnObject *ob_weakref_new_proxy(KnObject *obj, KnObject *callback)
{
    if (ob_weakref_init() < 0)
        return NULL;
    KnTypeObject *t = ob_callable_check(obj) ? &ob_weakref_callable_proxy_type
                                             : &ob_weakref_proxy_type;
    return ob_weakref_make(t, obj, callback);
}

KnObject *ob_weakref_get_object(KnObject *ref)
{
    if (!KN_WEAKREF_REF_CHECK(ref) && !KN_WEAKREF_PROXY_CHECK(ref)) {
        ob_err_set_string(ob_exc_SystemError, "ob_weakref_get_object: not a weak reference");
        return NULL;
    }
    return ((KnWeakReference *)ref)->wr_object;
}

kn_ssize_t ob_weakref_count(KnObject *obj)
{
    KnWeakReference **head = ob_weakref_list_head(obj);
    kn_ssize_t n = 0;
    for (KnWeakReference *w = head ? *head : NULL; w != NULL; w = w->wr_next)
        if (w->wr_object == obj)
            n++;
    return n;
}

KnObject *ob_weakref_list(KnObject *obj)
{
    KnObject *list = ob_list_new(0);
    if (list == NULL)
        return NULL;
    KnWeakReference **head = ob_weakref_list_head(obj);
    for (KnWeakReference *w = head ? *head : NULL; w != NULL; w = w->wr_next)
        if (w->wr_object == obj && ob_list_append(list, (KnObject *)w) < 0)
            return NULL;
    return list;
}

/* ------------------------------------------------------- ReferenceType */

#define WR(o) ((KnWeakReference *)(o))

static KnObject *ref_new(KnTypeObject *type, KnObject *args, KnObject *kwargs)
{
    (void)kwargs;   /* as CPython: __new__ leaves keywords to __init__ */
    kn_ssize_t n = KN_SIZE(args);
    if (ob_args_check_positional("__new__", n, 1, 2) < 0)
        return NULL;
    return ob_weakref_make(type, KN_TUPLE_GET(args, 0), n > 1 ? KN_TUPLE_GET(args, 1) : NULL);
}

static int ref_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    (void)self;
    if (ob_args_no_kwargs_dict("ref", kwargs) < 0)
        return -1;
    return ob_args_check_positional("__init__", KN_SIZE(args), 1, 2);
}

static KnObject *ref_call(KnObject *self, KnObject *args, KnObject *kwargs)
{
    if (ob_args_no_kwargs_dict("weakref", kwargs) < 0 ||
        ob_args_check_positional("weakref", KN_SIZE(args), 0, 0) < 0)
        return NULL;
    return WR(self)->wr_object;
}

static kn_hash_t ref_hash(KnObject *self)
{
    KnWeakReference *w = WR(self);
    if (w->hash != -1)
        return w->hash;
    if (w->wr_object == KN_None) {
        ob_err_set_string(ob_exc_TypeError, "weak object has gone away");
        return -1;
    }
    kn_hash_t h = ob_hash(w->wr_object);
    if (h != -1)
        w->hash = h;
    return h;
}

static KnObject *ref_richcompare(KnObject *a, KnObject *b, int op)
{
    if ((op != KN_EQ && op != KN_NE) || !KN_WEAKREF_REF_CHECK(a) || !KN_WEAKREF_REF_CHECK(b))
        return KN_NotImplemented;
    KnObject *oa = WR(a)->wr_object, *ob = WR(b)->wr_object;
    if (oa == KN_None || ob == KN_None) {
        int same = (a == b) == (op == KN_EQ);
        return KN_BOOL(same);
    }
    return ob_richcompare(oa, ob, op);
}

static KnObject *ref_repr(KnObject *self)
{
    KnObject *obj = WR(self)->wr_object;
    if (obj == KN_None)
        return ob_str_from_format("<weakref at %p; dead>", (void *)self);
    KnObject *name = NULL;
    if (ob_lookup_attr(obj, KN_ID(__name__), &name) < 0)
        return NULL;
    if (name != NULL && KN_STR_CHECK(name))
        return ob_str_from_format("<weakref at %p; to '%s' at %p (%U)>", (void *)self,
                                  KN_TNAME(obj), (void *)obj, name);
    return ob_str_from_format("<weakref at %p; to '%s' at %p>", (void *)self,
                              KN_TNAME(obj), (void *)obj);
}

static KnMemberDef ref_members[] = {
    { "__callback__", KN_T_OBJECT, offsetof(KnWeakReference, wr_callback), KN_READONLY,
      "the callback called when the referent is destroyed (None when there is none)" },
    { NULL, 0, 0, 0, NULL }
};

static KnMethodDef ref_methods[] = {
    { "__class_getitem__", (KnCFunction)ob_generic_alias_new, KN_METH_O | KN_METH_CLASS,
      "See PEP 585" },
    { NULL, NULL, 0, NULL }
};

KnTypeObject ob_weakref_ref_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "weakref.ReferenceType",
    .tp_basicsize = sizeof(KnWeakReference),
    .tp_repr = ref_repr,
    .tp_hash = ref_hash,
    .tp_call = ref_call,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_HAVE_GC | KN_TPFLAGS_BASETYPE,
    .tp_doc = NULL,
    .tp_richcompare = ref_richcompare,
    .tp_methods = ref_methods,
    .tp_members = ref_members,
    .tp_init = ref_init,
    .tp_new = ref_new,
};

/* ----------------------------------------------------------------- init */

int ob_weakref_init(void)
{
    static int ready;
    if (ready)
        return 0;
    ob_finalize_install_hooks();
    if (ob_type_ready(&ob_weakref_ref_type) < 0 ||
        ob_type_ready(&ob_weakref_proxy_type) < 0 ||
        ob_type_ready(&ob_weakref_callable_proxy_type) < 0)
        return -1;
    ready = 1;
    return 0;
}
