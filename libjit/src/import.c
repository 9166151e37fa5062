/* import.c — the table of built-in modules, the import bootstrap and
 * builtins.__import__'s C path (see NOTES-import.md).
 *
 * Bootstrap, as CPython's init_importlib: _imp goes into sys.modules;
 * importlib/_bootstrap.py is compiled from the stdlib's source and run as
 * module _frozen_importlib; _install(sys, _imp) sets up BuiltinImporter
 * (which loads _thread, _warnings, _weakref); _bootstrap_external.py runs
 * as _frozen_importlib_external (its `import posix, _io, marshal, ...`
 * already go through __import__ and BuiltinImporter), gets Kiln's magic
 * number, and _install_external_importers() adds the path finder. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "builtins.h"
#include "import.h"
#include "pyc_stamp.h"
#include "libgc/gc.h"
#include "libjit/jit.h"
#include "opcode.h"

#define MAX_BUILTINS 128

typedef struct builtin_entry {
    const char *name;
    KnObject *(*init)(void);
} builtin_entry;

KnObject *jit_import_posix_init(void);

/* posix: import_posix.c's minimal one until the stdlib's is added. */
static builtin_entry table[MAX_BUILTINS] = {
    {"builtins", NULL}, {"sys", NULL},
    {"_imp", kn_init__imp}, {"_warnings", kn_init__warnings}, {"marshal", kn_init_marshal},
    {"posix", jit_import_posix_init}, {"_symtable", kn_init__symtable},
};
static int ntable = 7;
static KnObject *bootstrap;     /* _frozen_importlib */

int jit_import_add_builtin(const char *name, KnObject *(*init)(void))
{
    for (int i = 0; i < ntable; i++)
        if (strcmp(table[i].name, name) == 0) {
            table[i].init = init;
            return 0;
        }
    if (ntable == MAX_BUILTINS)
        return -1;
    table[ntable].name = name;
    table[ntable].init = init;
    ntable++;
    return 0;
}

int jit_import_builtin_index(KnObject *name)
{
    const char *s = KN_STR_CHECK(name) ? ob_str_as_utf8(name, NULL) : NULL;
    if (s == NULL) {
        ob_err_clear();
        return -1;
    }
    for (int i = 0; i < ntable; i++)
        if (strcmp(table[i].name, s) == 0)
            return i;
    return -1;
}

KnObject *jit_import_builtin_create(int i)
{
    if (strcmp(table[i].name, "sys") == 0)
        return jit_sys_module();
    if (strcmp(table[i].name, "builtins") == 0)
        return jit_builtins_module();
    KnObject *m = table[i].init();
    if (m == NULL && !ob_err_occurred())
        ob_err_format(ob_exc_SystemError, "initialization of %s did not return a module",
                      table[i].name);
    return m;
}

KnObject *jit_import_bootstrap_module(void)
{
    return bootstrap;
}

/* sys.builtin_module_names: the table's names, sorted. */
static int set_builtin_names(void)
{
    KnObject *l = ob_list_new(0);
    for (int i = 0; l != NULL && i < ntable; i++)
        if (ob_list_append(l, ob_str_intern_cstr(table[i].name)) < 0)
            return -1;
    if (l == NULL || ob_call_method(l, "sort", 0) == NULL)
        return -1;
    KnObject *t = ob_sequence_tuple(l);
    return t == NULL ? -1 : jit_sys_set("builtin_module_names", t);
}

/* Compile importlib/<file> and run it as module `modname`. */
static KnObject *run_importlib_file(const char *file, const char *modname, const char *shown)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", JIT_IMPORTLIB_DIR, file);
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return ob_err_format(ob_exc_ImportError, "Kiln: cannot read %s: %s", path, strerror(errno));
    size_t cap = 1 << 17, len = 0, n;
    char *src = kgc_alloc_atomic(cap + 1);
    while (src != NULL && (n = fread(src + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap) {
            char *nb = kgc_alloc_atomic(cap * 2 + 1);
            if (nb != NULL)
                memcpy(nb, src, len);
            src = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (src == NULL)
        return ob_err_nomemory();
    src[len] = '\0';
    KnObject *co = jit_compile_source(src, len, shown, JIT_MODE_EXEC, 0, -1);
    if (co == NULL)
        return NULL;
    KnObject *m = ob_module_new_cstr(modname);
    if (m == NULL)
        return NULL;
    KnObject *d = ob_module_get_dict(m);
    if (ob_dict_setitem_str(d, "__builtins__", jit_builtins_module()) < 0
        || ob_dict_setitem_str(jit_sys_modules(), modname, m) < 0
        || jit_eval_code(co, d, d) == NULL)
        return NULL;
    return m;
}

/* CPython's _PyImportZip_Init: zipimporter goes first in sys.path_hooks;
 * a zipimport that cannot be imported is skipped (said under -v). */
static int install_zipimport(void)
{
    KnObject *z = jit_import_module("zipimport");
    KnObject *hook = z ? ob_getattr_str(z, "zipimporter") : NULL;
    KnObject *hooks = jit_sys_get("path_hooks");
    if (hook == NULL || hooks == NULL || !KN_LIST_CHECK(hooks)) {
        if (jit_get_config()->verbose)
            fputs("# can't import zipimport\n", stderr);
        ob_err_clear();
        return 0;
    }
    return ob_call_method(hooks, "insert", 2, ob_int_from_ssize(0), hook) == NULL ? -1 : 0;
}

/* CPython's start-up makes builtins.open io.open (which is _io.open). */
static int set_builtins_open(void)
{
    if (jit_import_builtin_index(ob_str_intern_cstr("_io")) < 0)
        return 0;
    KnObject *io = jit_import_module("_io");
    KnObject *open = io ? ob_getattr_str(io, "open") : NULL;
    if (open == NULL)
        return -1;
    return ob_dict_setitem_str(jit_builtins_dict(), "open", open);
}

/* CPython's start-up sets up the codec registry: str.encode and
 * bytes.decode reach every registered codec without an import (`encodings`
 * itself is imported by the first look-up, as in CPython). */
static int init_codec_registry(void)
{
    if (jit_import_builtin_index(ob_str_intern_cstr("_codecs")) < 0)
        return 0;
    return jit_import_module("_codecs") == NULL ? -1 : 0;
}

/* The .pyc magic word (the first two bytes of MAGIC_NUMBER; '\r\n'
 * follow): a 16-bit hash of the real opcodes (names, numbers, cache sizes),
 * the code record's version and the build stamp of the compiler's sources
 * (pyc_stamp.h), so a .pyc made by any other Kiln compiler is recompiled.
 * Kiln's files never meet CPython's: the cache tag (kiln-311) keeps them
 * apart. */
unsigned jit_pyc_magic_word(void)
{
    uint32_t h = 2166136261u ^ JIT_PYC_RECORD_VERSION;
    for (int sh = 0; sh < 32; sh += 8)
        h = (h ^ ((JIT_PYC_BUILD_STAMP >> sh) & 0xFF)) * 16777619u;
    /* Real opcodes only: they are what co_code holds in a .pyc. */
    for (int op = 0; op < JIT_OP__NREAL; op++) {
        const char *name = jit_op_name(op);
        if (name == NULL)
            continue;
        for (const char *c = name; *c; c++)
            h = (h ^ (uint8_t)*c) * 16777619u;
        h = (h ^ (uint32_t)op ^ (uint32_t)jit_op_caches(op) << 8) * 16777619u;
    }
    return (h ^ (h >> 16)) & 0xFFFF;
}

int jit_import_init(void)
{
    if (set_builtin_names() < 0)
        return -1;
    /* importlib._bootstrap needs _thread and _weakref (the stdlib's). */
    if (jit_import_builtin_index(ob_str_intern_cstr("_thread")) < 0
        || jit_import_builtin_index(ob_str_intern_cstr("_weakref")) < 0)
        return 0;
    KnObject *imp = kn_init__imp();
    if (imp == NULL || ob_dict_setitem_str(jit_sys_modules(), "_imp", imp) < 0)
        return -1;
    KnObject *b = run_importlib_file("_bootstrap.py", "_frozen_importlib",
                                     "<frozen importlib._bootstrap>");
    if (b == NULL || ob_call_method(b, "_install", 2, jit_sys_module(), imp) == NULL)
        return -1;
    bootstrap = b;
    KnObject *ext = run_importlib_file("_bootstrap_external.py", "_frozen_importlib_external",
                                       "<frozen importlib._bootstrap_external>");
    if (ext == NULL)
        return -1;
    /* Kiln's own magic number: Kiln's .pyc files never pass for CPython's. */
    unsigned word = jit_pyc_magic_word();
    char mb[4] = { (char)(word & 0xFF), (char)(word >> 8), '\r', '\n' };
    KnObject *magic = ob_bytes_from_data(mb, 4);
    KnObject *raw = magic ? ob_call_method((KnObject *)&ob_int_type, "from_bytes", 2, magic,
                                           ob_str_from_cstr("little")) : NULL;
    if (raw == NULL || ob_setattr_str(ext, "MAGIC_NUMBER", magic) < 0
        || ob_setattr_str(ext, "_RAW_MAGIC_NUMBER", raw) < 0)
        return -1;
    if (ob_call_method(b, "_install_external_importers", 0) == NULL)
        return -1;
    if (set_builtins_open() < 0 || init_codec_registry() < 0 || install_zipimport() < 0)
        return -1;
    /* As CPython: with -W options, warnings is imported at start-up (it
     * applies sys.warnoptions to the filters). */
    KnObject *wopts = jit_sys_get("warnoptions");
    if (wopts != NULL && KN_LIST_CHECK(wopts) && KN_SIZE(wopts) > 0
        && jit_import_module("warnings") == NULL)
        return -1;
    return 0;
}

/* ---- __import__ ---- */

static KnObject *warn_import(const char *msg)
{
    return ob_err_warn((KnObject *)ob_exc_ImportWarning, msg, 1) < 0 ? NULL : KN_None;
}

/* The absolute name of a relative import (CPython's resolve_name). */
static KnObject *resolve_name(KnObject *name, KnObject *globals, kn_ssize_t level)
{
    if (globals == NULL)
        return ob_err_format(ob_exc_KeyError, "'__name__' not in globals");
    if (!KN_DICT_CHECK(globals))
        return ob_err_format(ob_exc_TypeError, "globals must be a dict");
    KnObject *package = ob_dict_getitem_str(globals, "__package__");
    KnObject *spec = ob_dict_getitem_str(globals, "__spec__");
    if (package == KN_None)
        package = NULL;
    if (spec == KN_None)
        spec = NULL;
    if (package != NULL) {
        if (!KN_STR_CHECK(package))
            return ob_err_format(ob_exc_TypeError, "package must be a string");
        if (spec != NULL) {
            KnObject *parent = ob_getattr_str(spec, "parent");
            if (parent == NULL)
                return NULL;
            int eq = ob_richcompare_bool(package, parent, KN_EQ);
            if (eq < 0 || (eq == 0 && warn_import("__package__ != __spec__.parent") == NULL))
                return NULL;
        }
    } else if (spec != NULL) {
        if ((package = ob_getattr_str(spec, "parent")) == NULL)
            return NULL;
        if (!KN_STR_CHECK(package))
            return ob_err_format(ob_exc_TypeError, "__spec__.parent must be a string");
    } else {
        if (warn_import("can't resolve package from __spec__ or __package__, "
                        "falling back on __name__ and __path__") == NULL)
            return NULL;
        package = ob_dict_getitem_str(globals, "__name__");
        if (package == NULL)
            return ob_err_format(ob_exc_KeyError, "'__name__' not in globals");
        if (!KN_STR_CHECK(package))
            return ob_err_format(ob_exc_TypeError, "__name__ must be a string");
        if (ob_dict_getitem_str(globals, "__path__") == NULL) {
            kn_ssize_t dot = ob_str_find(package, ob_str_intern_cstr("."), 0,
                                         KN_STR_LEN(package), -1);
            package = dot < 0 ? ob_str_empty() : ob_str_substring(package, 0, dot);
            if (package == NULL)
                return NULL;
        }
    }
    if (KN_STR_LEN(package) == 0)
        return ob_err_format(ob_exc_ImportError,
                             "attempted relative import with no known parent package");
    kn_ssize_t last = KN_STR_LEN(package);
    for (kn_ssize_t up = 1; up < level; up++) {
        last = ob_str_find(package, ob_str_intern_cstr("."), 0, last, -1);
        if (last < 0)
            return ob_err_format(ob_exc_ImportError,
                                 "attempted relative import beyond top-level package");
    }
    KnObject *base = ob_str_substring(package, 0, last);
    if (base == NULL || KN_STR_LEN(name) == 0)
        return base;
    return ob_str_from_format("%U.%U", base, name);
}

/* CPython's rule for an exception escaping the import machinery:
 * importlib's frames are cut from the traceback — all of them for an
 * ImportError, otherwise each run of them that ends in
 * _call_with_frames_removed (the frames between the importer and the
 * imported module's code). */
static int tb_is_importlib(KnObject *tb, int *is_marker)
{
    KnObject *fr = ob_getattr_str(tb, "tb_frame");
    KnObject *code = fr ? ob_getattr_str(fr, "f_code") : NULL;
    KnObject *fn = code ? ob_getattr_str(code, "co_filename") : NULL;
    KnObject *nm = code ? ob_getattr_str(code, "co_name") : NULL;
    const char *f = fn && KN_STR_CHECK(fn) ? ob_str_as_utf8(fn, NULL) : NULL;
    const char *n = nm && KN_STR_CHECK(nm) ? ob_str_as_utf8(nm, NULL) : NULL;
    if (f == NULL || n == NULL) {
        ob_err_clear();
        return 0;
    }
    *is_marker = strcmp(n, "_call_with_frames_removed") == 0;
    return strncmp(f, "<frozen importlib._bootstrap", 28) == 0;
}

static void remove_importlib_frames(void)
{
    KnObject *exc = ob_err_fetch();
    if (exc == NULL)
        return;
    int always = KN_TYPE_CHECK(exc, ob_exc_ImportError);
    KnObject *tbs = ob_list_new(0), *keep = ob_list_new(0);
    KnObject *tb = ob_getattr_str(exc, "__traceback__");
    for (; tbs != NULL && tb != NULL && tb != KN_None; tb = ob_getattr_str(tb, "tb_next"))
        if (ob_list_append(tbs, tb) < 0)
            tbs = NULL;
    if (tbs == NULL || keep == NULL || tb == NULL) {
        ob_err_clear();
        ob_err_restore(exc);
        return;
    }
    kn_ssize_t n = KN_SIZE(tbs), chunk = -1;    /* start of the current importlib run */
    char *drop = kgc_alloc_atomic((size_t)n + 1);
    if (drop == NULL) {
        ob_err_restore(exc);
        return;
    }
    memset(drop, 0, (size_t)n + 1);
    for (kn_ssize_t i = 0; i < n; i++) {
        int marker = 0;
        if (!tb_is_importlib(KN_LIST_GET(tbs, i), &marker)) {
            chunk = -1;
            continue;
        }
        if (chunk < 0)
            chunk = i;
        if (always || marker) {
            for (kn_ssize_t j = chunk; j <= i; j++)
                drop[j] = 1;
            chunk = -1;
        }
    }
    KnObject *head = KN_None, *tail = NULL;
    for (kn_ssize_t i = 0; i < n; i++) {
        if (drop[i])
            continue;
        KnObject *t = KN_LIST_GET(tbs, i);
        if (tail == NULL)
            head = t;
        else if (ob_setattr_str(tail, "tb_next", t) < 0)
            ob_err_clear();
        tail = t;
    }
    if (tail != NULL && ob_setattr_str(tail, "tb_next", KN_None) < 0)
        ob_err_clear();
    if (ob_setattr_str(exc, "__traceback__", head) < 0)
        ob_err_clear();
    ob_err_restore(exc);
}

static KnObject *find_and_load(KnObject *abs_name);

/* Without importlib (libjit linked without the stdlib's _thread and
 * _weakref): only the table's built-in modules can be imported. */
static KnObject *load_builtin_only(KnObject *abs_name)
{
    int i = jit_import_builtin_index(abs_name);
    kn_ssize_t dot = ob_str_find(abs_name, ob_str_intern_cstr("."), 0, KN_STR_LEN(abs_name), -1);
    KnObject *parent = dot > 0 ? ob_str_substring(abs_name, 0, dot) : NULL;
    if (parent != NULL) {
        KnObject *pm = find_and_load(parent);
        if (pm == NULL)
            return NULL;
        if (!ob_hasattr(pm, ob_str_intern_cstr("__path__"))) {
            KnObject *msg = ob_str_from_format("No module named '%U'; '%U' is not a package",
                                               abs_name, parent);
            KnObject *exc = msg ? ob_call_onearg((KnObject *)ob_exc_ModuleNotFoundError, msg) : NULL;
            if (exc != NULL && ob_setattr_str(exc, "name", abs_name) == 0)
                ob_err_set_object(ob_exc_ModuleNotFoundError, exc);
            return NULL;
        }
    }
    if (i < 0) {
        KnObject *msg = ob_str_from_format("No module named '%U'", abs_name);
        KnObject *exc = msg ? ob_call_onearg((KnObject *)ob_exc_ModuleNotFoundError, msg) : NULL;
        if (exc != NULL && ob_setattr_str(exc, "name", abs_name) == 0)
            ob_err_set_object(ob_exc_ModuleNotFoundError, exc);
        return NULL;
    }
    KnObject *m = jit_import_builtin_create(i);
    if (m == NULL || ob_dict_setitem(jit_sys_modules(), abs_name, m) < 0)
        return NULL;
    return m;
}

static KnObject *find_and_load(KnObject *abs_name)
{
    KnObject *mod = ob_dict_getitem(jit_sys_modules(), abs_name);
    if (mod != NULL && mod != KN_None)
        return mod;
    if (ob_err_occurred())
        return NULL;
    if (bootstrap == NULL)
        return load_builtin_only(abs_name);
    KnObject *imp = ob_dict_getitem_str(jit_builtins_dict(), "__import__");
    if (imp == NULL)
        return ob_err_format(ob_exc_ImportError, "__import__ not found");
    mod = ob_call_method(bootstrap, "_find_and_load", 2, abs_name, imp);
    if (mod == NULL)
        remove_importlib_frames();
    return mod;
}

KnObject *jit_import_module_level(KnObject *name, KnObject *globals, KnObject *locals,
                                  KnObject *fromlist, kn_ssize_t level)
{
    (void)locals;
    if (!KN_STR_CHECK(name))
        return ob_err_format(ob_exc_TypeError, "module name must be a string");
    if (level < 0)
        return ob_err_format(ob_exc_ValueError, "level must be >= 0");
    KnObject *abs_name = name;
    if (level > 0) {
        if ((abs_name = resolve_name(name, globals, level)) == NULL)
            return NULL;
    } else if (KN_STR_LEN(name) == 0) {
        return ob_err_format(ob_exc_ValueError, "Empty module name");
    }
    KnObject *mod = find_and_load(abs_name);
    if (mod == NULL)
        return NULL;
    int has_from = 0;
    if (fromlist != NULL && fromlist != KN_None && (has_from = ob_is_true(fromlist)) < 0)
        return NULL;
    if (!has_from) {
        kn_ssize_t dot = ob_str_find(name, ob_str_intern_cstr("."), 0, KN_STR_LEN(name), 1);
        if (level == 0 || KN_STR_LEN(name) > 0) {
            if (dot < 0)
                return mod;
            KnObject *front = ob_str_substring(name, 0, dot);
            if (front == NULL)
                return NULL;
            if (level == 0)
                return jit_import_module_level(front, NULL, NULL, NULL, 0);
            kn_ssize_t cut = KN_STR_LEN(name) - dot;
            KnObject *ret = ob_str_substring(abs_name, 0, KN_STR_LEN(abs_name) - cut);
            if (ret == NULL)
                return NULL;
            KnObject *m = ob_dict_getitem(jit_sys_modules(), ret);
            if (m == NULL && !ob_err_occurred())
                ob_err_format(ob_exc_KeyError, "%R not in sys.modules as expected", ret);
            return m;
        }
        return mod;
    }
    KnObject *path = ob_getattr_str(mod, "__path__");
    if (path == NULL) {
        if (!ob_err_matches((KnObject *)ob_exc_AttributeError))
            return NULL;
        ob_err_clear();
        return mod;
    }
    KnObject *imp = ob_dict_getitem_str(jit_builtins_dict(), "__import__");
    KnObject *r = ob_call_method(bootstrap, "_handle_fromlist", 3, mod, fromlist, imp);
    if (r == NULL)
        remove_importlib_frames();
    return r;
}

KnObject *jit_import_module(const char *name)
{
    KnObject *n = ob_str_from_cstr(name);
    KnObject *fl = ob_tuple_pack(1, ob_str_intern_cstr("__name__"));
    if (n == NULL || fl == NULL)
        return NULL;
    if (jit_import_module_level(n, NULL, NULL, fl, 0) == NULL)
        return NULL;
    return ob_dict_getitem(jit_sys_modules(), n);
}
