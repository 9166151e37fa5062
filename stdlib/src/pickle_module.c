/* pickle_module.c — the `_pickle` module: PickleError, PicklingError,
 * UnpicklingError, Pickler, Unpickler, PickleBuffer and dump / dumps /
 * load / loads.
 *
 * The Python-level state (copyreg's dispatch table and extension
 * registries, _compat_pickle's name maps, codecs.encode,
 * functools.partial, builtins.getattr) is imported on first use rather
 * than at import of _pickle: copyreg and _compat_pickle are pure Python and
 * pickle.py imports _pickle while it is itself being imported. */
#include <string.h>

#include "pickle_internal.h"

KnObject *kn_init__pickle(void);

extern KnClassHooks ob_type_hooks;

PkState pk_state;

#define PK_NAME_DEFINE(n) KnObject *pk_name_##n;
PK_NAMES(PK_NAME_DEFINE)
#undef PK_NAME_DEFINE

int pk_names_init(void)
{
#define PK_NAME_MAKE(n) if ((pk_name_##n = ob_str_intern_cstr(#n)) == NULL) return -1;
    PK_NAMES(PK_NAME_MAKE)
#undef PK_NAME_MAKE
    return 0;
}

KnObject *pk_import(KnObject *name)
{
    if (ob_type_hooks.import_module == NULL) {
        ob_err_set_string(ob_exc_ImportError, "no import system is running");
        return NULL;
    }
    /* the hook takes a C string: a name with a NUL cannot name a module */
    kn_ssize_t len;
    const char *utf8 = ob_str_as_utf8(name, &len);
    if (utf8 == NULL)
        return NULL;
    if ((kn_ssize_t)strlen(utf8) != len)
        return ob_err_format(ob_exc_ModuleNotFoundError, "No module named %R", name);
    return ob_type_hooks.import_module(name);
}

static KnObject *attr_of(const char *module, const char *name)
{
    KnObject *m = pk_import(ob_str_intern_cstr(module));
    return m ? ob_getattr_str(m, name) : NULL;
}

static KnObject *dict_attr(const char *module, const char *name)
{
    KnObject *d = attr_of(module, name);
    if (d != NULL && !KN_DICT_CHECK(d))
        return ob_err_format(ob_exc_RuntimeError, "%s.%s should be a dict, not %s", module, name,
                             KN_TYPE(d)->tp_name);
    return d;
}

int pk_state_load(void)
{
    if (pk_state.loaded)
        return 0;
    PkState s = pk_state;
    if ((s.dispatch_table = dict_attr("copyreg", "dispatch_table")) == NULL
        || (s.extension_registry = dict_attr("copyreg", "_extension_registry")) == NULL
        || (s.inverted_registry = dict_attr("copyreg", "_inverted_registry")) == NULL
        || (s.extension_cache = dict_attr("copyreg", "_extension_cache")) == NULL
        || (s.name_mapping_2to3 = dict_attr("_compat_pickle", "NAME_MAPPING")) == NULL
        || (s.import_mapping_2to3 = dict_attr("_compat_pickle", "IMPORT_MAPPING")) == NULL
        || (s.name_mapping_3to2 = dict_attr("_compat_pickle", "REVERSE_NAME_MAPPING")) == NULL
        || (s.import_mapping_3to2 = dict_attr("_compat_pickle", "REVERSE_IMPORT_MAPPING")) == NULL
        || (s.codecs_encode = attr_of("codecs", "encode")) == NULL
        || (s.partial = attr_of("functools", "partial")) == NULL
        || (s.getattr = attr_of("builtins", "getattr")) == NULL)
        return -1;
    s.loaded = 1;
    pk_state = s;
    return 0;
}

/* ---- module functions ---- */

static PkPickler *new_pickler(KnObject *file, KnObject *protocol, KnObject *fix,
                              KnObject *buffer_callback)
{
    int fix_imports = 1;
    if (fix != NULL && (fix_imports = ob_is_true(fix)) < 0)
        return NULL;
    PkPickler *p = (PkPickler *)ob_type_generic_alloc(&pk_pickler_type, 0);
    if (p == NULL)
        return NULL;
    p->frame_start = -1;
    if (pk_pickler_setup(p, file, protocol, fix_imports, buffer_callback) < 0)
        return NULL;
    return p;
}

static KnObject *mod_dump(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    (void)m;
    static const char *const names[] = {"obj", "file", "protocol", "fix_imports",
                                        "buffer_callback", NULL};
    static const KnArgSpec spec = {"dump", names, 2, 3, 0};
    KnObject *a[5] = {0};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    PkPickler *p = new_pickler(a[1], a[2], a[3], a[4]);
    if (p == NULL || pk_dump(p, a[0]) < 0 || pk_flush_to_file(p) < 0)
        return NULL;
    return KN_None;
}

static KnObject *mod_dumps(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    (void)m;
    static const char *const names[] = {"obj", "protocol", "fix_imports", "buffer_callback",
                                        NULL};
    static const KnArgSpec spec = {"dumps", names, 1, 2, 0};
    KnObject *a[4] = {0};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    PkPickler *p = new_pickler(NULL, a[1], a[2], a[3]);
    if (p == NULL || pk_dump(p, a[0]) < 0)
        return NULL;
    return pk_output_bytes(p);
}

static PkUnpickler *new_unpickler(void)
{
    return (PkUnpickler *)ob_type_generic_alloc(&pk_unpickler_type, 0);
}

static int fix_flag(KnObject *o)
{
    return o == NULL ? 1 : ob_is_true(o);
}

static KnObject *mod_load(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    (void)m;
    static const char *const names[] = {"file", "fix_imports", "encoding", "errors", "buffers",
                                        NULL};
    static const KnArgSpec spec = {"load", names, 1, 1, 0};
    KnObject *a[5] = {0};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    int fix = fix_flag(a[1]);
    PkUnpickler *u = fix < 0 ? NULL : new_unpickler();
    if (u == NULL || pk_unpickler_setup(u, a[0], fix, a[2], a[3], a[4]) < 0)
        return NULL;
    return pk_load(u);
}

static KnObject *mod_loads(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    (void)m;
    static const char *const names[] = {"", "fix_imports", "encoding", "errors", "buffers",
                                        NULL};
    static const KnArgSpec spec = {"loads", names, 1, 1, 0};
    KnObject *a[5] = {0};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    int fix = fix_flag(a[1]);
    PkUnpickler *u = fix < 0 ? NULL : new_unpickler();
    if (u == NULL || pk_set_string_input(u, a[0]) < 0
        || pk_unpickler_prepare(u, fix, a[2], a[3], a[4]) < 0)
        return NULL;
    return pk_load(u);
}

static KnMethodDef pickle_functions[] = {
    {"dump", PK_FC(mod_dump), PK_KW,
     "dump($module, /, obj, file, protocol=None, *, fix_imports=True,\n     buffer_callback=None)\n"
     "--\n\nWrite a pickled representation of obj to the open file object file."},
    {"dumps", PK_FC(mod_dumps), PK_KW,
     "dumps($module, /, obj, protocol=None, *, fix_imports=True,\n      buffer_callback=None)\n"
     "--\n\nReturn the pickled representation of the object as a bytes object."},
    {"load", PK_FC(mod_load), PK_KW,
     "load($module, /, file, *, fix_imports=True, encoding='ASCII',\n     errors='strict', "
     "buffers=())\n--\n\nRead and return an object from the pickle data stored in a file."},
    {"loads", PK_FC(mod_loads), PK_KW,
     "loads($module, data, /, *, fix_imports=True, encoding='ASCII',\n      errors='strict', "
     "buffers=())\n--\n\nRead and return an object from the given pickle data."},
    {NULL, NULL, 0, NULL}
};

static KnObject *new_error(const char *name, KnObject *base)
{
    KnObject *dict = ob_dict_new();
    if (dict == NULL || ob_dict_setitem_str(dict, "__module__", ob_str_from_cstr("_pickle")) < 0)
        return NULL;
    KnObject *bases = ob_tuple_pack(1, base);
    return bases ? ob_type_new(&ob_type_type, ob_str_from_cstr(name), bases, dict) : NULL;
}

KnObject *kn_init__pickle(void)
{
    if (pk_names_init() < 0 || ob_type_ready(&pk_pickler_type) < 0 || ob_type_ready(&pk_unpickler_type) < 0
        || ob_type_ready(&pk_pickler_memoproxy_type) < 0
        || ob_type_ready(&pk_unpickler_memoproxy_type) < 0
        || ob_type_ready(&pk_picklebuffer_type) < 0)
        return NULL;
    if (pk_state.PickleError == NULL) {
        KnObject *pe = new_error("PickleError", (KnObject *)ob_exc_Exception);
        KnObject *pge = pe ? new_error("PicklingError", pe) : NULL;
        KnObject *upe = pge ? new_error("UnpicklingError", pe) : NULL;
        if (upe == NULL)
            return NULL;
        pk_state.PickleError = pe;
        pk_state.PicklingError = pge;
        pk_state.UnpicklingError = upe;
    }
    KnObject *mod = ob_module_new_cstr("_pickle");
    if (mod == NULL || ob_module_add_functions(mod, pickle_functions) < 0
        || ob_module_add_object(mod, "Pickler", (KnObject *)&pk_pickler_type) < 0
        || ob_module_add_object(mod, "Unpickler", (KnObject *)&pk_unpickler_type) < 0
        || ob_module_add_object(mod, "PickleBuffer", (KnObject *)&pk_picklebuffer_type) < 0
        || ob_module_add_object(mod, "PickleError", pk_state.PickleError) < 0
        || ob_module_add_object(mod, "PicklingError", pk_state.PicklingError) < 0
        || ob_module_add_object(mod, "UnpicklingError", pk_state.UnpicklingError) < 0)
        return NULL;
    return mod;
}

/* ob_lookup_attr without raising and swallowing an AttributeError for the
 * common miss on a plain object (generic attribute lookup, no class
 * attribute of that name, none in the instance dict): unpickling asks
 * every rebuilt instance for __setstate__. */
int pk_lookup_attr(KnObject *o, KnObject *name, KnObject **res)
{
    KnTypeObject *t = KN_TYPE(o);
    if (t->tp_getattro == ob_generic_getattr && ob_type_lookup(t, name) == NULL) {
        kn_ssize_t off = t->tp_dictoffset;
        KnObject *dict = NULL;
        if (off > 0) {
            dict = *(KnObject **)((char *)o + off);
        } else if (off < 0) {
            kn_ssize_t n = KN_SIZE(o) < 0 ? -KN_SIZE(o) : KN_SIZE(o);
            size_t size = (size_t)t->tp_basicsize + (size_t)n * (size_t)t->tp_itemsize;
            size = (size + 7) & ~(size_t)7;
            dict = *(KnObject **)((char *)o + (kn_ssize_t)size + off);
        }
        *res = NULL;
        if (dict == NULL)
            return 0;
        if (KN_DICT_CHECK(dict)) {
            *res = ob_dict_getitem(dict, name);
            if (*res != NULL)
                return 1;
            return ob_err_occurred() ? -1 : 0;
        }
    }
    return ob_lookup_attr(o, name, res);
}
