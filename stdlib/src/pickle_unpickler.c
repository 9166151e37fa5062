/* pickle_unpickler.c — the _pickle.Unpickler type: construction, load(),
 * the default find_class() (with _compat_pickle's 2 -> 3 renames for
 * protocols < 3 and dotted names for protocol 4+), and the memo /
 * persistent_load attributes. */
#include <stddef.h>
#include <string.h>

#include "pickle_internal.h"
#include "libgc/gc.h"

static KnObject *unpickler_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    (void)args;
    (void)kwargs;
    return ob_type_generic_alloc(t, 0);
}

static char *dup_cstr(KnObject *s, const char *what)
{
    if (!KN_STR_CHECK(s)) {
        ob_err_format(ob_exc_TypeError, "argument '%s' must be str, not %s", what,
                      KN_TYPE(s)->tp_name);
        return NULL;
    }
    kn_ssize_t n;
    const char *d = ob_str_as_utf8(s, &n);
    if (d == NULL)
        return NULL;
    char *c = kgc_alloc_atomic((size_t)n + 1);
    if (c == NULL) {
        ob_err_nomemory();
        return NULL;
    }
    memcpy(c, d, (size_t)n + 1);
    return c;
}

/* Everything but the input: shared by Unpickler() and loads(). */
int pk_unpickler_prepare(PkUnpickler *u, int fix_imports, KnObject *encoding, KnObject *errors,
                         KnObject *buffers)
{
    if (pk_state_load() < 0)
        return -1;
    u->encoding = encoding ? dup_cstr(encoding, "encoding") : "ASCII";
    u->errors = errors ? dup_cstr(errors, "errors") : "strict";
    if (u->encoding == NULL || u->errors == NULL)
        return -1;
    u->buffers = NULL;
    if (buffers != NULL && buffers != KN_None && (u->buffers = ob_get_iter(buffers)) == NULL)
        return -1;
    u->fix_imports = fix_imports;
    u->pers_func = NULL;
    if (KN_TYPE(u) != &pk_unpickler_type
        && ob_lookup_attr((KnObject *)u, PK_ID(persistent_load), &u->pers_func) < 0)
        return -1;
    u->sp = 0;
    u->fence = 0;
    u->num_marks = 0;
    u->memo_len = 0;
    u->memo_size = 0;
    u->memo_far = NULL;
    if (pk_unpickler_memo_resize(u, 32) < 0)
        return -1;
    u->proto = 0;
    return 0;
}

int pk_unpickler_setup(PkUnpickler *u, KnObject *file, int fix_imports, KnObject *encoding,
                       KnObject *errors, KnObject *buffers)
{
    u->input = "";
    u->input_len = u->next_read_idx = u->prefetched_idx = 0;
    if (pk_set_input_stream(u, file) < 0)
        return -1;
    return pk_unpickler_prepare(u, fix_imports, encoding, errors, buffers);
}

static int unpickler_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    static const char *const names[] = {"file", "fix_imports", "encoding", "errors", "buffers",
                                        NULL};
    static const KnArgSpec spec = {"Unpickler", names, 1, 1, 0};
    KnObject *a[5] = {0};
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0)
        return -1;
    int fix = 1;
    if (a[1] != NULL && (fix = ob_is_true(a[1])) < 0)
        return -1;
    return pk_unpickler_setup((PkUnpickler *)self, a[0], fix, a[2], a[3], a[4]);
}

static KnObject *unpickler_load(KnObject *self, KnObject *unused)
{
    (void)unused;
    PkUnpickler *u = (PkUnpickler *)self;
    if (u->read == NULL) {
        if (pk_state_load() < 0)
            return NULL;
        return ob_err_format(PK_ERR(UnpicklingError),
                             "Unpickler.__init__() was not called by %s.__init__()",
                             KN_TYPE(self)->tp_name);
    }
    return pk_load(u);
}

static KnObject *getattribute(KnObject *obj, KnObject *name, int allow_qualname)
{
    KnObject *attr;
    if (allow_qualname) {
        KnObject *path = pk_dotted_path(obj, name);
        if (path == NULL)
            return NULL;
        attr = pk_deep_attribute(obj, path, NULL);
    } else if (ob_lookup_attr(obj, name, &attr) < 0) {
        return NULL;
    }
    if (attr == NULL && !ob_err_occurred())
        ob_err_format(ob_exc_AttributeError, "Can't get attribute %R on %R", name, obj);
    return attr;
}

static KnObject *unpickler_find_class(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("find_class", nargs, 2, 2) < 0)
        return NULL;
    PkUnpickler *u = (PkUnpickler *)self;
    KnObject *module = args[0], *name = args[1];
    if (pk_state_load() < 0)
        return NULL;
    if (u->proto < 3 && u->fix_imports) {
        KnObject *key = ob_tuple_pack(2, module, name);
        if (key == NULL)
            return NULL;
        KnObject *item = ob_dict_getitem(pk_state.name_mapping_2to3, key);
        if (item != NULL) {
            if (!KN_TUPLE_CHECK(item) || KN_SIZE(item) != 2)
                return ob_err_format(ob_exc_RuntimeError,
                                     "_compat_pickle.NAME_MAPPING values should be 2-tuples, not %s",
                                     KN_TYPE(item)->tp_name);
            module = KN_TUPLE_GET(item, 0);
            name = KN_TUPLE_GET(item, 1);
            if (!KN_STR_CHECK(module) || !KN_STR_CHECK(name))
                return ob_err_format(ob_exc_RuntimeError,
                                     "_compat_pickle.NAME_MAPPING values should be pairs of str, "
                                     "not (%s, %s)", KN_TYPE(module)->tp_name,
                                     KN_TYPE(name)->tp_name);
        } else if (ob_err_occurred()) {
            return NULL;
        } else {
            item = ob_dict_getitem(pk_state.import_mapping_2to3, module);
            if (item != NULL) {
                if (!KN_STR_CHECK(item))
                    return ob_err_format(ob_exc_RuntimeError,
                                         "_compat_pickle.IMPORT_MAPPING values should be strings, "
                                         "not %s", KN_TYPE(item)->tp_name);
                module = item;
            } else if (ob_err_occurred()) {
                return NULL;
            }
        }
    }
    KnObject *mod = pk_import(module);
    if (mod == NULL)
        return NULL;
    return getattribute(mod, name, u->proto >= 4);
}

static KnObject *unpickler_sizeof(KnObject *self, KnObject *unused)
{
    (void)unused;
    PkUnpickler *u = (PkUnpickler *)self;
    size_t n = (size_t)KN_TYPE(self)->tp_basicsize;
    n += sizeof(KnObject *) * (size_t)u->memo_size;
    n += sizeof(kn_ssize_t) * (size_t)u->marks_cap;
    n += sizeof(KnObject *) * (size_t)u->stack_cap;
    n += (size_t)u->line_cap;
    return ob_int_from_size(n);
}

static KnMethodDef unpickler_methods[] = {
    {"load", PK_FC(unpickler_load), KN_METH_NOARGS,
     "load($self, /)\n--\n\nLoad a pickle."},
    {"find_class", PK_FC(unpickler_find_class), KN_METH_FASTCALL,
     "find_class($self, module_name, global_name, /)\n--\n\nReturn an object from a specified module."},
    {"__sizeof__", PK_FC(unpickler_sizeof), KN_METH_NOARGS,
     "__sizeof__($self, /)\n--\n\nReturns size in memory, in bytes."},
    {NULL, NULL, 0, NULL}
};

static KnObject *unpickler_get_memo(KnObject *self, void *closure)
{
    (void)closure;
    PkUnpickler *u = (PkUnpickler *)self;
    if (u->memo == NULL && pk_unpickler_memo_resize(u, 32) < 0)
        return NULL;
    return pk_memoproxy_new(&pk_unpickler_memoproxy_type, self);
}

static int unpickler_set_memo(KnObject *self, KnObject *value, void *closure)
{
    (void)closure;
    PkUnpickler *u = (PkUnpickler *)self;
    if (value == NULL) {
        ob_err_set_string(ob_exc_TypeError, "attribute deletion is not supported");
        return -1;
    }
    PkUnpickler tmp;
    memset(&tmp, 0, sizeof tmp);
    if (KN_TYPE(value) == &pk_unpickler_memoproxy_type) {
        PkUnpickler *src = (PkUnpickler *)pk_memoproxy_owner(value);
        if (pk_unpickler_memo_resize(&tmp, src->memo_size > 0 ? src->memo_size : 1) < 0)
            return -1;
        for (kn_ssize_t i = 0; i < src->memo_size; i++)
            tmp.memo[i] = src->memo[i];
        if (src->memo_far != NULL && (tmp.memo_far = ob_dict_copy(src->memo_far)) == NULL)
            return -1;
        tmp.memo_len = src->memo_len;
    } else if (KN_DICT_CHECK(value)) {
        /* CPython 3.11 validates the keys but keeps none of the entries
         * (an assigned dict leaves an empty memo); reproduced as observed. */
        if (pk_unpickler_memo_resize(&tmp, 32) < 0)
            return -1;
        kn_ssize_t pos = 0;
        KnObject *k, *v;
        while (ob_dict_next(value, &pos, &k, &v)) {
            if (!KN_INT_CHECK(k)) {
                ob_err_set_string(ob_exc_TypeError, "memo key must be integers");
                return -1;
            }
            kn_ssize_t idx = ob_int_as_ssize(k);
            if (idx == -1 && ob_err_occurred())
                return -1;
            if (idx < 0) {
                ob_err_set_string(ob_exc_ValueError, "memo key must be positive integers.");
                return -1;
            }
        }
    } else {
        ob_err_format(ob_exc_TypeError,
                      "'memo' attribute must be an UnpicklerMemoProxy object or dict, not %s",
                      KN_TYPE(value)->tp_name);
        return -1;
    }
    u->memo = tmp.memo;
    u->memo_far = tmp.memo_far;
    u->memo_size = tmp.memo_size;
    u->memo_len = tmp.memo_len;
    return 0;
}

static KnObject *unpickler_get_persload(KnObject *self, void *closure)
{
    (void)closure;
    PkUnpickler *u = (PkUnpickler *)self;
    if (u->pers_func == NULL) {
        ob_err_set_string(ob_exc_AttributeError, "persistent_load");
        return NULL;
    }
    return u->pers_func;
}

static int unpickler_set_persload(KnObject *self, KnObject *value, void *closure)
{
    (void)closure;
    if (value == NULL) {
        ob_err_set_string(ob_exc_TypeError, "attribute deletion is not supported");
        return -1;
    }
    if (!ob_callable_check(value)) {
        ob_err_set_string(ob_exc_TypeError,
                          "persistent_load must be a callable taking one argument");
        return -1;
    }
    ((PkUnpickler *)self)->pers_func = value;
    return 0;
}

static KnGetSetDef unpickler_getset[] = {
    {"memo", unpickler_get_memo, unpickler_set_memo, NULL, NULL},
    {"persistent_load", unpickler_get_persload, unpickler_set_persload, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

KnTypeObject pk_unpickler_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_pickle.Unpickler",
    .tp_basicsize = sizeof(PkUnpickler),
    .tp_getattro = ob_generic_getattr,
    .tp_setattro = ob_generic_setattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_doc = "Unpickler(file, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=())\n"
              "--\n\nThis takes a binary file for reading a pickle data stream.",
    .tp_weaklistoffset = offsetof(PkUnpickler, weakreflist),
    .tp_methods = unpickler_methods,
    .tp_getset = unpickler_getset,
    .tp_init = unpickler_init,
    .tp_new = unpickler_new,
};
