/* import_imp.c — the `_imp` module: what importlib._bootstrap needs from
 * the interpreter (built-in modules, the import lock, frozen-module
 * queries that always answer "not frozen", _fix_co_filename,
 * source_hash).  Extension modules (create_dynamic) need libcapi, which
 * is not wired in yet: extension_suffixes() is [] so importlib never
 * looks for them, and create_dynamic says so. */
#include <pthread.h>
#include <string.h>

#include "builtins.h"
#include "code.h"
#include "import.h"
#include "libjit/jit.h"
#include "libobject/hash.h"

#define FC(f) ((KnCFunction)(void (*)(void))(f))

/* The import lock: reentrant, owned by one thread. */
static unsigned long lock_owner;
static long lock_count;

static KnObject *imp_acquire_lock(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    unsigned long me = (unsigned long)pthread_self();
    if (lock_count > 0 && lock_owner != me)
        return ob_err_format(ob_exc_RuntimeError,
                             "Kiln: the import lock is held by another thread");
    lock_owner = me;
    lock_count++;
    return KN_None;
}

static KnObject *imp_release_lock(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    if (lock_count == 0 || lock_owner != (unsigned long)pthread_self())
        return ob_err_format(ob_exc_RuntimeError, "not holding the import lock");
    if (--lock_count == 0)
        lock_owner = 0;
    return KN_None;
}

static KnObject *imp_lock_held(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    return KN_BOOL(lock_count > 0);
}

static KnObject *str_arg(const char *fname, KnObject *v)
{
    if (!KN_STR_CHECK(v))
        return ob_err_format(ob_exc_TypeError, "%s() argument must be str, not %s", fname,
                             ob_type_name(KN_TYPE(v)));
    return v;
}

static KnObject *imp_is_builtin(KnObject *m, KnObject *name)
{
    (void)m;
    if (str_arg("is_builtin", name) == NULL)
        return NULL;
    int i = jit_import_builtin_index(name);
    if (i < 0)
        return ob_int_from_ssize(0);
    /* CPython answers -1 for the modules that cannot be re-initialised. */
    const char *s = ob_str_as_utf8(name, NULL);
    return ob_int_from_ssize(strcmp(s, "sys") == 0 || strcmp(s, "builtins") == 0 ? -1 : 1);
}

static KnObject *imp_create_builtin(KnObject *m, KnObject *spec)
{
    (void)m;
    KnObject *name = ob_getattr_str(spec, "name");
    if (name == NULL)
        return NULL;
    if (!KN_STR_CHECK(name))
        return ob_err_format(ob_exc_TypeError, "name must be string, not %s",
                             ob_type_name(KN_TYPE(name)));
    KnObject *mod = ob_dict_getitem(jit_sys_modules(), name);
    if (mod != NULL && KN_MODULE_CHECK(mod)) {
        /* Already made (a second import after `del sys.modules[name]`
         * gets a fresh module below; this is the bootstrap's modules). */
        int i = jit_import_builtin_index(name);
        if (i >= 0 && (strcmp(ob_str_as_utf8(name, NULL), "sys") == 0
                       || strcmp(ob_str_as_utf8(name, NULL), "builtins") == 0))
            return mod;
    }
    if (ob_err_occurred())
        return NULL;
    int i = jit_import_builtin_index(name);
    if (i < 0)
        return KN_None;     /* CPython: None for a name that is not built in */
    return jit_import_builtin_create(i);
}

static KnObject *imp_exec_builtin(KnObject *m, KnObject *mod)
{
    (void)m;
    (void)mod;
    return ob_int_from_ssize(0);
}

static KnObject *imp_false(KnObject *m, KnObject *name)
{
    (void)m;
    (void)name;
    return KN_False;
}

static KnObject *imp_find_frozen(KnObject *m, KnObject *const *args, kn_ssize_t nargs,
                                 KnObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"name", "withdata", NULL};
    static const KnArgSpec spec = {"find_frozen", names, 1, 1, 0};
    KnObject *a[2];
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0 || str_arg("find_frozen", a[0]) == NULL)
        return NULL;
    return KN_None;
}

static KnObject *not_frozen(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    if (nargs < 1)
        return ob_err_format(ob_exc_TypeError, "expected a module name");
    KnObject *e = ob_err_format(ob_exc_ImportError, "No such frozen object named %R", args[0]);
    return e;
}

static KnObject *imp_init_frozen(KnObject *m, KnObject *name)
{
    (void)m;
    (void)name;
    return KN_None;
}

static KnObject *imp_frozen_names(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    return ob_tuple_new(0);
}

static KnObject *imp_override_frozen(KnObject *m, KnObject *arg)
{
    (void)m;
    (void)arg;
    return KN_None;
}

/* Rename code and the code objects nested in its constants. */
static void fix_filename(KnCodeObject *co, KnObject *oldname, KnObject *newname)
{
    if (ob_richcompare_bool(co->co_filename, oldname, KN_EQ) != 1) {
        ob_err_clear();
        return;
    }
    co->co_filename = newname;
    KnObject *consts = co->co_consts;
    for (kn_ssize_t i = 0; consts != NULL && i < KN_SIZE(consts); i++) {
        KnObject *c = KN_TUPLE_GET(consts, i);
        if (KN_TYPE(c) == &jit_code_type)
            fix_filename(JIT_CODE(c), oldname, newname);
    }
}

static KnObject *imp_fix_co_filename(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    if (ob_args_check_positional("_fix_co_filename", nargs, 2, 2) < 0)
        return NULL;
    if (KN_TYPE(args[0]) != &jit_code_type)
        return ob_err_format(ob_exc_TypeError, "_fix_co_filename() argument 1 must be code, not %s",
                             ob_type_name(KN_TYPE(args[0])));
    if (!KN_STR_CHECK(args[1]))
        return ob_err_format(ob_exc_TypeError, "_fix_co_filename() argument 2 must be str, not %s",
                             ob_type_name(KN_TYPE(args[1])));
    KnCodeObject *co = JIT_CODE(args[0]);
    KnObject *old = co->co_filename;
    int same = ob_richcompare_bool(old, args[1], KN_EQ);
    if (same < 0)
        return NULL;
    if (!same)
        fix_filename(co, old, args[1]);
    return KN_None;
}

static KnObject *imp_extension_suffixes(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    return ob_list_new(0);
}

static KnObject *imp_create_dynamic(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    (void)args;
    (void)nargs;
    return ob_err_format(ob_exc_ImportError,
                         "Kiln: extension modules are not supported yet (libcapi loading)");
}

static KnObject *imp_source_hash(KnObject *m, KnObject *const *args, kn_ssize_t nargs,
                                 KnObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"key", "source", NULL};
    static const KnArgSpec spec = {"source_hash", names, 2, 2, 0};
    KnObject *a[2];
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    int overflow = 0;
    long long key = ob_int_as_long_long_and_overflow(a[0], &overflow);
    if (key == -1 && ob_err_occurred())
        return NULL;
    KnObject *src = a[1];
    if (!KN_BYTES_CHECK(src)) {
        KnBufferProcs *bp = KN_TYPE(src)->tp_as_buffer;
        if (bp == NULL || bp->bf_getbuffer == NULL)
            return ob_err_format(ob_exc_TypeError, "a bytes-like object is required, not '%s'",
                                 ob_type_name(KN_TYPE(src)));
        if ((src = ob_call_onearg((KnObject *)&ob_bytes_type, src)) == NULL)
            return NULL;
    }
    uint64_t h = ob_hash_siphash13((uint64_t)key, 0, KN_BYTES_AS_STRING(src),
                                   (size_t)KN_SIZE(src));
    unsigned char out[8];
    for (int i = 0; i < 8; i++)
        out[i] = (unsigned char)(h >> (8 * i));
    return ob_bytes_from_data(out, 8);
}

static KnMethodDef imp_functions[] = {
    {"acquire_lock", FC(imp_acquire_lock), KN_METH_NOARGS, "Acquire the import lock."},
    {"release_lock", FC(imp_release_lock), KN_METH_NOARGS, "Release the import lock."},
    {"lock_held", FC(imp_lock_held), KN_METH_NOARGS, "Whether the import lock is held."},
    {"is_builtin", FC(imp_is_builtin), KN_METH_O, "Whether name is a built-in module."},
    {"create_builtin", FC(imp_create_builtin), KN_METH_O, "Create a built-in module from spec."},
    {"exec_builtin", FC(imp_exec_builtin), KN_METH_O, "Initialize a built-in module."},
    {"is_frozen", FC(imp_false), KN_METH_O, "Kiln has no frozen modules: False."},
    {"is_frozen_package", FC(not_frozen), KN_METH_FASTCALL, "Kiln has no frozen modules."},
    {"find_frozen", FC(imp_find_frozen), KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "Kiln has no frozen modules: None."},
    {"get_frozen_object", FC(not_frozen), KN_METH_FASTCALL, "Kiln has no frozen modules."},
    {"init_frozen", FC(imp_init_frozen), KN_METH_O, "Kiln has no frozen modules: None."},
    {"_frozen_module_names", FC(imp_frozen_names), KN_METH_NOARGS, "No frozen modules: ()."},
    {"_override_frozen_modules_for_tests", FC(imp_override_frozen), KN_METH_O,
     "No frozen modules: does nothing."},
    {"_fix_co_filename", FC(imp_fix_co_filename), KN_METH_FASTCALL,
     "Change a code object's co_filename (and its nested code objects')."},
    {"extension_suffixes", FC(imp_extension_suffixes), KN_METH_NOARGS,
     "Suffixes of extension modules: none until libcapi loading exists."},
    {"create_dynamic", FC(imp_create_dynamic), KN_METH_FASTCALL,
     "Extension modules: not supported yet."},
    {"exec_dynamic", FC(imp_exec_builtin), KN_METH_O, "Initialize an extension module."},
    {"source_hash", FC(imp_source_hash), KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "The 8-byte keyed hash of source (hash-based .pyc files)."},
    {NULL, NULL, 0, NULL}
};

KnObject *kn_init__imp(void)
{
    static KnObject *mod;
    if (mod != NULL)
        return mod;
    KnObject *m = ob_module_new_cstr("_imp");
    if (m == NULL || ob_module_add_functions(m, imp_functions) < 0
        || ob_module_add_object(m, "check_hash_based_pycs", ob_str_from_cstr("default")) < 0)
        return NULL;
    return mod = m;
}
