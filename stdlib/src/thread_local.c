/*
 * thread_local.c — `_thread._local` (threading.local), NOTES-thread.md.
 *
 * Each object keeps one attribute dict per thread in `dicts`, keyed by the
 * thread state's id (unique for the whole run, unlike thread idents, which
 * the system reuses).  Attribute access puts the calling thread's dict in
 * the object's __dict__ slot and then does the generic lookup; no other
 * thread can run in between, because threads only switch at safe points
 * of Python code or around blocking calls, and whatever Python code the
 * lookup itself runs (a property) goes through this swap again.
 *
 * The first access from a thread creates its dict and, for a subclass
 * with its own __init__, calls __init__ with the arguments the object was
 * created with.  Each thread records (weakly) which locals it touched, in
 * its thread-state dict; when it ends its entries are deleted.
 */
#include <stddef.h>

#include "libobject/weakref.h"
#include "thread_internal.h"

typedef struct ThLocal {
    KN_OBJECT_HEAD;
    KnObject *dict;         /* the __dict__ slot: the current thread's dict */
    KnObject *dicts;        /* thread-state id (int) -> dict */
    KnObject *args;
    KnObject *kwargs;
    KnObject *weakreflist;
} ThLocal;

#define REGISTRY_KEY "_thread._local.touched"

static KnObject *thread_key(void)
{
    return ob_int_from_unsigned_long_long(ob_tstate_get()->id);
}

/* Remember (weakly) that this thread has data in `self`. */
static int note_touched(KnObject *self)
{
    KnThreadState *ts = ob_tstate_get();
    if (ts->dict == NULL && (ts->dict = ob_dict_new()) == NULL)
        return -1;
    KnObject *list = ob_dict_getitem_str(ts->dict, REGISTRY_KEY);
    if (list == NULL) {
        if (ob_err_occurred() || (list = ob_list_new(0)) == NULL
            || ob_dict_setitem_str(ts->dict, REGISTRY_KEY, list) < 0)
            return -1;
    }
    KnObject *ref = ob_weakref_new_ref(self, NULL);
    return ref == NULL ? -1 : ob_list_append(list, ref);
}

void th_local_thread_exit(void)
{
    KnThreadState *ts = ob_tstate_get();
    KnObject *list = ts->dict ? ob_dict_getitem_str(ts->dict, REGISTRY_KEY) : NULL;
    if (list == NULL || !KN_LIST_CHECK(list))
        return;
    KnObject *key = thread_key();
    for (kn_ssize_t i = 0; key != NULL && i < KN_SIZE(list); i++) {
        KnObject *o = ob_weakref_get_object(KN_LIST_GET(list, i));
        if (o != NULL && o != KN_None && ob_dict_pop(((ThLocal *)o)->dicts, key, KN_None) == NULL)
            ob_err_clear();
    }
    ob_err_clear();
}

/* The calling thread's dict, made (and __init__ run) on first use. */
static KnObject *local_dict(ThLocal *self)
{
    KnObject *key = thread_key();
    if (key == NULL)
        return NULL;
    KnObject *d = ob_dict_getitem(self->dicts, key);
    if (d != NULL || ob_err_occurred())
        return d;
    if ((d = ob_dict_new()) == NULL || ob_dict_setitem(self->dicts, key, d) < 0
        || note_touched((KnObject *)self) < 0)
        return NULL;
    initproc init = KN_TYPE(self)->tp_init;
    if (init != NULL && init != ob_object_type.tp_init) {
        self->dict = d;
        if (init((KnObject *)self, self->args, self->kwargs) < 0) {
            KnObject *exc = ob_err_fetch();
            if (ob_dict_pop(self->dicts, key, KN_None) == NULL)
                ob_err_clear();
            ob_err_restore(exc);
            return NULL;
        }
    }
    return d;
}

static KnObject *local_new(KnTypeObject *type, KnObject *args, KnObject *kwargs)
{
    int has_args = (args != NULL && KN_SIZE(args) > 0)
                   || (kwargs != NULL && ob_length(kwargs) > 0);
    if (has_args && type->tp_init == ob_object_type.tp_init)
        return ob_err_format(ob_exc_TypeError, "Initialization arguments are not supported");
    ThLocal *self = (ThLocal *)ob_type_generic_alloc(type, 0);
    if (self == NULL || (self->dicts = ob_dict_new()) == NULL)
        return NULL;
    self->args = args != NULL ? args : ob_tuple_new(0);
    if (kwargs != NULL && (kwargs = ob_dict_copy(kwargs)) == NULL)
        return NULL;
    self->kwargs = kwargs;
    /* The creating thread's dict; the type call runs __init__ on it. */
    KnObject *key = thread_key();
    KnObject *d = ob_dict_new();
    if (key == NULL || d == NULL || ob_dict_setitem(self->dicts, key, d) < 0
        || note_touched((KnObject *)self) < 0)
        return NULL;
    self->dict = d;
    return (KnObject *)self;
}

static KnObject *local_getattro(KnObject *o, KnObject *name)
{
    ThLocal *self = (ThLocal *)o;
    KnObject *d = local_dict(self);
    if (d == NULL)
        return NULL;
    self->dict = d;
    if (KN_STR_CHECK(name) && ob_str_equal_cstr(name, "__dict__"))
        return d;
    return ob_generic_getattr(o, name);
}

static int local_setattro(KnObject *o, KnObject *name, KnObject *value)
{
    ThLocal *self = (ThLocal *)o;
    if (KN_STR_CHECK(name) && ob_str_equal_cstr(name, "__dict__")) {
        ob_err_format(ob_exc_AttributeError, "'%s' object attribute '__dict__' is read-only",
                      ob_type_name(KN_TYPE(o)));
        return -1;
    }
    KnObject *d = local_dict(self);
    if (d == NULL)
        return -1;
    self->dict = d;
    return ob_generic_setattr(o, name, value);
}

KnTypeObject th_local_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_thread._local",
    .tp_basicsize = sizeof(ThLocal),
    .tp_getattro = local_getattro,
    .tp_setattro = local_setattro,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_doc = "Thread-local data",
    .tp_weaklistoffset = offsetof(ThLocal, weakreflist),
    .tp_dictoffset = offsetof(ThLocal, dict),
    .tp_new = local_new,
};
