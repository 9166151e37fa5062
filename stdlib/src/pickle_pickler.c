/* pickle_pickler.c — the _pickle.Pickler type: construction, dump(),
 * clear_memo(), and the memo / persistent_id / bin / fast /
 * dispatch_table attributes.
 *
 * persistent_id and dispatch_table are looked up on the instance when it is
 * initialised (so a subclass's method or class attribute wins over the
 * built-in descriptors, as in CPython); reducer_override on every dump(). */
#include <stddef.h>

#include "pickle_internal.h"

static KnObject *pickler_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    (void)args;
    (void)kwargs;
    PkPickler *p = (PkPickler *)ob_type_generic_alloc(t, 0);
    if (p == NULL)
        return NULL;
    p->frame_start = -1;
    p->proto = 0;
    return (KnObject *)p;
}

int pk_pickler_setup(PkPickler *p, KnObject *file, KnObject *protocol, int fix_imports,
                     KnObject *buffer_callback)
{
    if (pk_state_load() < 0)
        return -1;
    long long proto;
    if (protocol == NULL || protocol == KN_None) {
        proto = PK_DEFAULT_PROTOCOL;
    } else {
        int overflow;
        KnObject *idx = ob_number_index(protocol);
        if (idx == NULL)
            return -1;
        proto = ob_int_as_long_long_and_overflow(idx, &overflow);
        if (overflow) {
            ob_err_set_string(ob_exc_OverflowError, "Python int too large to convert to C long");
            return -1;
        }
        if (proto < 0) {
            proto = PK_HIGHEST_PROTOCOL;
        } else if (proto > PK_HIGHEST_PROTOCOL) {
            ob_err_format(ob_exc_ValueError, "pickle protocol must be <= %d", PK_HIGHEST_PROTOCOL);
            return -1;
        }
    }
    p->proto = (int)proto;
    p->bin = proto > 0;
    p->fix_imports = fix_imports && proto < 3;
    p->write = NULL;
    if (file != NULL) {
        if (ob_lookup_attr(file, PK_ID(write), &p->write) < 0)
            return -1;
        if (p->write == NULL) {
            ob_err_set_string(ob_exc_TypeError, "file must have a 'write' attribute");
            return -1;
        }
    }
    if (buffer_callback == KN_None)
        buffer_callback = NULL;
    if (buffer_callback != NULL && p->proto < 5) {
        ob_err_set_string(ob_exc_ValueError, "buffer_callback needs protocol >= 5");
        return -1;
    }
    p->buffer_callback = buffer_callback;
    if (!p->memo_ready) {
        if (pk_memo_init(&p->memo) < 0)
            return -1;
        p->memo_ready = 1;
    }
    pk_clear_buffer(p);
    p->framing = 0;
    p->fast = 0;
    p->fast_nesting = 0;
    p->fast_memo = NULL;
    /* On the base type the lookups below would find just the current
     * descriptor values: skip them (they raise and swallow AttributeError
     * on every dumps() call otherwise). */
    if (KN_TYPE(p) == &pk_pickler_type)
        return 0;
    KnObject *pers, *dt;
    if (ob_lookup_attr((KnObject *)p, PK_ID(persistent_id), &pers) < 0
        || ob_lookup_attr((KnObject *)p, PK_ID(dispatch_table), &dt) < 0)
        return -1;
    p->pers_func = pers;
    p->dispatch_table = dt;
    return 0;
}

static int pickler_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    static const char *const names[] = {"file", "protocol", "fix_imports", "buffer_callback",
                                        NULL};
    static const KnArgSpec spec = {"Pickler", names, 1, 4, 0};
    KnObject *a[4] = {0};
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0)
        return -1;
    int fix = 1;
    if (a[2] != NULL && (fix = ob_is_true(a[2])) < 0)
        return -1;
    return pk_pickler_setup((PkPickler *)self, a[0], a[1], fix, a[3]);
}

static KnObject *pickler_dump(KnObject *self, KnObject *obj)
{
    PkPickler *p = (PkPickler *)self;
    if (p->write == NULL) {
        if (pk_state_load() < 0)
            return NULL;
        return ob_err_format(PK_ERR(PicklingError), "Pickler.__init__() was not called by %s.__init__()",
                             KN_TYPE(self)->tp_name);
    }
    pk_clear_buffer(p);
    if (pk_dump(p, obj) < 0 || pk_flush_to_file(p) < 0)
        return NULL;
    pk_clear_buffer(p);
    return KN_None;
}

static KnObject *pickler_clear_memo(KnObject *self, KnObject *unused)
{
    (void)unused;
    PkPickler *p = (PkPickler *)self;
    if (p->memo_ready)
        pk_memo_clear(&p->memo);
    return KN_None;
}

static KnObject *pickler_sizeof(KnObject *self, KnObject *unused)
{
    (void)unused;
    PkPickler *p = (PkPickler *)self;
    size_t n = (size_t)KN_TYPE(self)->tp_basicsize;
    if (p->memo_ready)
        n += sizeof(PkMemoEntry) * (size_t)(p->memo.mask + 1);
    n += (size_t)p->out_cap;
    return ob_int_from_size(n);
}

static KnMethodDef pickler_methods[] = {
    {"dump", PK_FC(pickler_dump), KN_METH_O,
     "dump($self, obj, /)\n--\n\nWrite a pickled representation of the given object to the open file."},
    {"clear_memo", PK_FC(pickler_clear_memo), KN_METH_NOARGS,
     "clear_memo($self, /)\n--\n\nClears the pickler's \"memo\"."},
    {"__sizeof__", PK_FC(pickler_sizeof), KN_METH_NOARGS,
     "__sizeof__($self, /)\n--\n\nReturns size in memory, in bytes."},
    {NULL, NULL, 0, NULL}
};

static KnObject *pickler_get_memo(KnObject *self, void *closure)
{
    (void)closure;
    PkPickler *p = (PkPickler *)self;
    if (!p->memo_ready) {
        if (pk_memo_init(&p->memo) < 0)
            return NULL;
        p->memo_ready = 1;
    }
    return pk_memoproxy_new(&pk_pickler_memoproxy_type, self);
}

static int pickler_set_memo(KnObject *self, KnObject *value, void *closure)
{
    (void)closure;
    PkPickler *p = (PkPickler *)self;
    PkMemo m;
    if (value == NULL) {
        ob_err_set_string(ob_exc_TypeError, "attribute deletion is not supported");
        return -1;
    }
    if (KN_TYPE(value) == &pk_pickler_memoproxy_type) {
        PkPickler *src = (PkPickler *)pk_memoproxy_owner(value);
        if (pk_memo_copy(&m, &src->memo) < 0)
            return -1;
    } else if (KN_DICT_CHECK(value)) {
        if (pk_memo_init(&m) < 0)
            return -1;
        kn_ssize_t pos = 0;
        KnObject *k, *v;
        while (ob_dict_next(value, &pos, &k, &v)) {
            if (!KN_TUPLE_CHECK(v) || KN_SIZE(v) != 2) {
                ob_err_set_string(ob_exc_TypeError, "'memo' values must be 2-item tuples");
                return -1;
            }
            kn_ssize_t id = ob_number_as_ssize(KN_TUPLE_GET(v, 0), ob_exc_OverflowError);
            if (id == -1 && ob_err_occurred())
                return -1;
            if (pk_memo_set(&m, KN_TUPLE_GET(v, 1), id) < 0)
                return -1;
        }
    } else {
        ob_err_format(ob_exc_TypeError,
                      "'memo' attribute must be a PicklerMemoProxy object or dict, not %s",
                      KN_TYPE(value)->tp_name);
        return -1;
    }
    p->memo = m;
    p->memo_ready = 1;
    return 0;
}

static KnObject *pickler_get_persid(KnObject *self, void *closure)
{
    (void)closure;
    PkPickler *p = (PkPickler *)self;
    if (p->pers_func == NULL) {
        ob_err_set_string(ob_exc_AttributeError, "persistent_id");
        return NULL;
    }
    return p->pers_func;
}

static int pickler_set_persid(KnObject *self, KnObject *value, void *closure)
{
    (void)closure;
    if (value == NULL) {
        ob_err_set_string(ob_exc_TypeError, "attribute deletion is not supported");
        return -1;
    }
    if (!ob_callable_check(value)) {
        ob_err_set_string(ob_exc_TypeError, "persistent_id must be a callable taking one argument");
        return -1;
    }
    ((PkPickler *)self)->pers_func = value;
    return 0;
}

static KnGetSetDef pickler_getset[] = {
    {"memo", pickler_get_memo, pickler_set_memo, NULL, NULL},
    {"persistent_id", pickler_get_persid, pickler_set_persid, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static KnMemberDef pickler_members[] = {
    {"bin", KN_T_INT, offsetof(PkPickler, bin), 0, NULL},
    {"fast", KN_T_INT, offsetof(PkPickler, fast), 0, NULL},
    {"dispatch_table", KN_T_OBJECT_EX, offsetof(PkPickler, dispatch_table), 0, NULL},
    {NULL, 0, 0, 0, NULL}
};

KnTypeObject pk_pickler_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_pickle.Pickler",
    .tp_basicsize = sizeof(PkPickler),
    .tp_getattro = ob_generic_getattr,
    .tp_setattro = ob_generic_setattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_doc = "Pickler(file, protocol=None, fix_imports=True, buffer_callback=None)\n--\n\n"
              "This takes a binary file for writing a pickle data stream.",
    .tp_weaklistoffset = offsetof(PkPickler, weakreflist),
    .tp_methods = pickler_methods,
    .tp_members = pickler_members,
    .tp_getset = pickler_getset,
    .tp_init = pickler_init,
    .tp_new = pickler_new,
};
