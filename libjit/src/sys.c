/* sys.c — the `sys` module's functions and its plain attributes.
 * The struct-sequence attributes (version_info, flags, float_info, ...)
 * and the version strings are in sys_info.c; the standard streams in
 * stdio_writer.c. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "builtins.h"
#include "eval.h"
#include "libobject/tstate.h"

static KnObject *sys_module;

KnObject *jit_sys_module(void)
{
    return sys_module;
}

KnObject *jit_sys_get(const char *name)
{
    if (sys_module == NULL)
        return NULL;
    return ob_dict_getitem_str(ob_module_get_dict(sys_module), name);
}

int jit_sys_set(const char *name, KnObject *value)
{
    return ob_dict_setitem_str(ob_module_get_dict(sys_module), name, value);
}

KnObject *jit_sys_modules(void)
{
    KnObject *m = jit_sys_get("modules");
    return m != NULL && KN_DICT_CHECK(m) ? m : NULL;
}

/* ---- recursion limit: kept in the thread state, read by the interpreter */

int jit_recursion_limit(void)
{
    KnThreadState *ts = ob_tstate_get();
    if (ts->recursion_limit <= 0)
        ts->recursion_limit = 1000;
    return ts->recursion_limit;
}

void jit_set_recursion_limit(int n)
{
    KnThreadState *ts = ob_tstate_get();
    int used = ts->recursion_limit - ts->recursion_remaining;
    ts->recursion_limit = n;
    ts->recursion_remaining = n - used;
}

static KnObject *sys_getrecursionlimit(KnObject *self, KnObject *unused)
{
    return ob_int_from_ssize(jit_recursion_limit());
}

static KnObject *sys_setrecursionlimit(KnObject *self, KnObject *arg)
{
    if (KN_FLOAT_CHECK(arg))
        return ob_err_format(ob_exc_TypeError, "'float' object cannot be interpreted as an integer");
    KnObject *i = ob_number_index(arg);
    if (i == NULL)
        return NULL;
    int overflow = 0;
    long long n = ob_int_as_long_long_and_overflow(i, &overflow);
    if (overflow || n > INT_MAX || n < INT_MIN)
        return ob_err_format(ob_exc_OverflowError, "Python int too large to convert to C int");
    if (n < 1)
        return ob_err_format(ob_exc_ValueError, "recursion limit must be greater or equal than 1");
    KnThreadState *ts = ob_tstate_get();
    int depth = jit_recursion_limit() - ts->recursion_remaining;
    if (depth >= n)
        return ob_err_format(ob_exc_RecursionError,
                             "cannot set the recursion limit to %d at the recursion depth %d: "
                             "the limit is too low", (int)n, depth);
    jit_set_recursion_limit((int)n);
    return KN_None;
}

/* ---- the exception being handled ---- */

static KnObject *handled_exception(void)
{
    KnErrStackItem *item = ob_tstate_get()->exc_info;
    while (item != NULL && (item->exc_value == NULL || item->exc_value == KN_None))
        item = item->previous_item;
    return item ? item->exc_value : NULL;
}

static KnObject *sys_exc_info(KnObject *self, KnObject *unused)
{
    KnObject *e = handled_exception();
    if (e == NULL)
        return ob_tuple_pack(3, KN_None, KN_None, KN_None);
    KnObject *tb = ob_exc_get_traceback(e);
    return ob_tuple_pack(3, (KnObject *)KN_TYPE(e), e, tb ? tb : KN_None);
}

static KnObject *sys_exception(KnObject *self, KnObject *unused)
{
    KnObject *e = handled_exception();
    return e ? e : KN_None;
}

static KnObject *sys_exit(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("exit", nargs, 0, 1) < 0)
        return NULL;
    /* As CPython: no argument or None -> SystemExit() (code None); a tuple
     * becomes the args; anything else the single argument. */
    if (nargs == 0 || args[0] == KN_None)
        ob_err_set_none(ob_exc_SystemExit);
    else
        ob_err_set_object(ob_exc_SystemExit, args[0]);
    return NULL;
}

static KnObject *sys_getdefaultencoding(KnObject *self, KnObject *unused)
{
    return ob_str_intern_cstr("utf-8");
}

static KnObject *sys_getfilesystemencoding(KnObject *self, KnObject *unused)
{
    return ob_str_intern_cstr("utf-8");
}

static KnObject *sys_getfilesystemencodeerrors(KnObject *self, KnObject *unused)
{
    return ob_str_intern_cstr("surrogateescape");
}

static KnObject *sys_intern(KnObject *self, KnObject *s)
{
    if (!KN_STR_CHECK(s))
        return ob_err_format(ob_exc_TypeError, "intern() argument must be str, not %s",
                             ob_type_name(KN_TYPE(s)));
    if (!KN_STR_CHECK_EXACT(s))
        return ob_err_format(ob_exc_TypeError, "can't intern %s", ob_type_name(KN_TYPE(s)));
    return ob_str_intern(s);
}

static KnObject *sys_get_int_max_str_digits(KnObject *self, KnObject *unused)
{
    return ob_int_from_ssize(ob_int_get_max_str_digits());
}

static KnObject *sys_set_int_max_str_digits(KnObject *self, KnObject *const *args,
                                            kn_ssize_t nargs, KnObject *kwnames)
{
    static const char *const names[] = { "maxdigits", NULL };
    static const KnArgSpec spec = { "set_int_max_str_digits", names, 1, -1, 0 };
    KnObject *a[1];
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    kn_ssize_t n = ob_number_as_ssize(a[0], ob_exc_OverflowError);
    if (n == -1 && ob_err_occurred())
        return NULL;
    if (ob_int_set_max_str_digits(n) < 0)
        return NULL;
    return KN_None;
}

static KnObject *sys_getsizeof(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                               KnObject *kwnames)
{
    static const char *const names[] = { "object", "default", NULL };
    static const KnArgSpec spec = { "getsizeof", names, 1, -1, 0 };
    KnObject *a[2];
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    KnObject *meth = ob_lookup_special(a[0], ob_str_intern_cstr("__sizeof__"));
    KnObject *size;
    if (meth == NULL) {
        if (ob_err_occurred())
            return NULL;
        if (a[1] != NULL)
            return a[1];
        return ob_err_format(ob_exc_TypeError, "Type %s doesn't define __sizeof__",
                             ob_type_name(KN_TYPE(a[0])));
    }
    if ((size = ob_call_noargs(meth)) == NULL) {
        if (a[1] != NULL && ob_err_matches((KnObject *)ob_exc_TypeError)) {
            ob_err_clear();
            return a[1];
        }
        return NULL;
    }
    kn_ssize_t n = ob_number_as_ssize(size, ob_exc_OverflowError);
    if (n == -1 && ob_err_occurred())
        return NULL;
    if (n < 0)
        return ob_err_format(ob_exc_ValueError, "__sizeof__() should return >= 0");
    /* CPython adds its GC header (two words) for collected types. */
    if (KN_TYPE_HAS_FLAG(KN_TYPE(a[0]), KN_TPFLAGS_HAVE_GC))
        n += 16;
    return ob_int_from_ssize(n);
}

static KnObject *sys_getframe(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("_getframe", nargs, 0, 1) < 0)
        return NULL;
    kn_ssize_t depth = 0;
    if (nargs == 1 && (depth = ob_number_as_ssize(args[0], ob_exc_OverflowError)) == -1
        && ob_err_occurred())
        return NULL;
    jit_frame *f = jit_frame_current();
    for (; f != NULL && depth > 0; depth--)
        f = f->previous;
    if (f == NULL)
        return ob_err_format(ob_exc_ValueError, "call stack is not deep enough");
    return jit_frame_object(f);
}

static KnObject *sys_displayhook(KnObject *self, KnObject *value)
{
    if (value == KN_None)
        return KN_None;
    KnObject *bdict = jit_builtins_dict();
    if (bdict == NULL)
        return ob_err_format(ob_exc_RuntimeError, "lost builtins module");
    /* `_` is None while repr() runs, so a failing repr leaves no stale value. */
    if (ob_dict_setitem_str(bdict, "_", KN_None) < 0)
        return NULL;
    KnObject *out = jit_sys_get("stdout");
    if (out == NULL || out == KN_None)
        return ob_err_format(ob_exc_RuntimeError, "lost sys.stdout");
    KnObject *r = ob_repr(value);
    if (r == NULL || jit_file_write_str(out, r) < 0
        || jit_file_write_str(out, ob_str_intern_cstr("\n")) < 0)
        return NULL;
    if (ob_dict_setitem_str(bdict, "_", value) < 0)
        return NULL;
    return KN_None;
}

static KnObject *sys_excepthook(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("excepthook", nargs, 3, 3) < 0)
        return NULL;
    KnObject *value = args[1];
    if (!KN_EXC_CHECK(value)) {
        /* CPython prints "TypeError: print_exception(): Exception expected
         * for value, int found" in this case. */
        KnObject *err = jit_sys_get("stderr");
        if (err == NULL || err == KN_None)
            return KN_None;
        KnObject *msg = ob_str_from_format(
            "TypeError: print_exception(): Exception expected for value, %s found\n",
            ob_type_name(KN_TYPE(value)));
        if (msg == NULL || jit_file_write_str(err, msg) < 0)
            return NULL;
        return KN_None;
    }
    if (args[2] != KN_None && ob_exc_set_traceback(value, args[2]) < 0)
        return NULL;
    jit_print_exception(value);
    return KN_None;
}

static KnObject *sys_getrefcount(KnObject *self, KnObject *o)
{
    /* Kiln does not count references (DESIGN §4); the word holds BASE plus
     * the references C extensions own. */
    return ob_int_from_ssize(o->ob_refcnt);
}

#define FAST(f) ((KnCFunction)(void (*)(void))(f))

KnMethodDef jit_sys_methods[] = {
    { "_getframe", FAST(sys_getframe), KN_METH_FASTCALL,
      "Return a frame object from the call stack." },
    { "displayhook", sys_displayhook, KN_METH_O,
      "Print an object to sys.stdout and also save it in builtins._" },
    { "exc_info", sys_exc_info, KN_METH_NOARGS,
      "Return current exception information: (type, value, traceback)." },
    { "excepthook", FAST(sys_excepthook), KN_METH_FASTCALL,
      "Handle an exception by displaying it with a traceback on sys.stderr." },
    { "exception", sys_exception, KN_METH_NOARGS,
      "Return the current exception." },
    { "exit", FAST(sys_exit), KN_METH_FASTCALL,
      "Exit the interpreter by raising SystemExit(status)." },
    { "getdefaultencoding", sys_getdefaultencoding, KN_METH_NOARGS,
      "Return the current default encoding used by the Unicode implementation." },
    { "getfilesystemencodeerrors", sys_getfilesystemencodeerrors, KN_METH_NOARGS,
      "Return the error mode used Unicode to OS filename conversion." },
    { "getfilesystemencoding", sys_getfilesystemencoding, KN_METH_NOARGS,
      "Return the encoding used to convert Unicode filenames to OS filenames." },
    { "getrecursionlimit", sys_getrecursionlimit, KN_METH_NOARGS,
      "Return the current value of the recursion limit." },
    { "getrefcount", sys_getrefcount, KN_METH_O,
      "Return the reference count of object." },
    { "getsizeof", FAST(sys_getsizeof), KN_METH_FASTCALL | KN_METH_KEYWORDS,
      "Return the size of object in bytes." },
    { "get_int_max_str_digits", sys_get_int_max_str_digits, KN_METH_NOARGS,
      "Return the maximum string digits limit for non-binary int<->str conversions." },
    { "set_int_max_str_digits", FAST(sys_set_int_max_str_digits),
      KN_METH_FASTCALL | KN_METH_KEYWORDS,
      "Set the maximum string digits limit for non-binary int<->str conversions." },
    { "intern", sys_intern, KN_METH_O, "``Intern'' the given string." },
    { "setrecursionlimit", sys_setrecursionlimit, KN_METH_O,
      "Set the maximum depth of the Python interpreter stack to n." },
    { NULL, NULL, 0, NULL },
};

/* ---- the module ---- */

static KnObject *str_list(int n, char *const *items)
{
    KnObject *l = ob_list_new(0);
    if (l == NULL)
        return NULL;
    for (int i = 0; i < n; i++) {
        /* Command-line bytes decode like CPython's: UTF-8, surrogateescape. */
        KnObject *s = ob_str_decode_utf8(items[i], (kn_ssize_t)strlen(items[i]),
                                         "surrogateescape");
        if (s == NULL || ob_list_append(l, s) < 0)
            return NULL;
    }
    return l;
}

static KnObject *path_list(void)
{
    /* What CPython's getpath computes on Debian; site (unless -S) appends
     * the dist-packages directories. */
    static const char *const debian[] = {
        "/usr/lib/python311.zip", "/usr/lib/python3.11", "/usr/lib/python3.11/lib-dynload",
    };
    KnObject *l = ob_list_new(0);
    if (l == NULL)
        return NULL;
    for (size_t i = 0; i < sizeof debian / sizeof debian[0]; i++) {
        KnObject *s = ob_str_from_cstr(debian[i]);
        if (s == NULL || ob_list_append(l, s) < 0)
            return NULL;
    }
    return l;
}

/* sys.executable as CPython computes it: argv[0] made absolute without
 * resolving symbolic links (a venv's bin/python is a link to the real
 * binary, and site finds pyvenv.cfg beside it), or found on $PATH; the
 * kernel's /proc/self/exe only when neither works. */
static KnObject *executable_path(const char *argv0)
{
    char buf[4096];
    if (argv0 != NULL && argv0[0] != '\0') {
        if (strchr(argv0, '/') != NULL) {
            if (argv0[0] == '/') {
                if (access(argv0, X_OK) == 0)
                    return ob_str_decode_utf8(argv0, (kn_ssize_t)strlen(argv0), "surrogateescape");
            } else if (getcwd(buf, sizeof buf) != NULL) {
                const char *rel = argv0[0] == '.' && argv0[1] == '/' ? argv0 + 2 : argv0;
                size_t n = strlen(buf);
                if (n + 1 + strlen(rel) < sizeof buf) {
                    buf[n] = '/';
                    strcpy(buf + n + 1, rel);
                    if (access(buf, X_OK) == 0)
                        return ob_str_decode_utf8(buf, (kn_ssize_t)strlen(buf), "surrogateescape");
                }
            }
        } else {
            const char *path = getenv("PATH");
            while (path != NULL && *path != '\0') {
                const char *end = strchr(path, ':');
                size_t dl = end ? (size_t)(end - path) : strlen(path);
                if (dl > 0 && dl + 1 + strlen(argv0) < sizeof buf) {
                    memcpy(buf, path, dl);
                    buf[dl] = '/';
                    strcpy(buf + dl + 1, argv0);
                    if (access(buf, X_OK) == 0)
                        return ob_str_decode_utf8(buf, (kn_ssize_t)strlen(buf), "surrogateescape");
                }
                path = end ? end + 1 : NULL;
            }
        }
    }
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0)
        return ob_str_empty();
    return ob_str_decode_utf8(buf, n, "surrogateescape");
}

/* sys._xoptions: "-X a=b" -> {'a': 'b'}, "-X a" -> {'a': True}. */
static KnObject *xoptions_dict(const jit_config *cfg)
{
    KnObject *d = ob_dict_new();
    if (d == NULL)
        return NULL;
    for (int i = 0; i < cfg->n_xoptions; i++) {
        const char *opt = cfg->xoptions[i], *eq = strchr(opt, '=');
        KnObject *k = ob_str_decode_utf8(opt, eq ? eq - opt : (kn_ssize_t)strlen(opt),
                                         "surrogateescape");
        KnObject *v = eq ? ob_str_decode_utf8(eq + 1, (kn_ssize_t)strlen(eq + 1),
                                              "surrogateescape")
                         : KN_True;
        if (k == NULL || v == NULL || ob_dict_setitem(d, k, v) < 0)
            return NULL;
    }
    return d;
}

KnObject *jit_sys_create(int argc, char **argv)
{
    const jit_config *cfg = jit_get_config();
    KnObject *m = ob_module_new_cstr("sys");
    if (m == NULL || ob_module_add_functions(m, jit_sys_methods) < 0
        || ob_module_add_functions(m, jit_sys_hooks_methods) < 0)
        return NULL;
    sys_module = m;
    KnObject *modules = ob_dict_new();
    KnObject *argv_l = str_list(argc > 0 ? argc : 1, argc > 0 ? argv : (char *[]){ "" });
    KnObject *orig = str_list(cfg->orig_argc, cfg->orig_argv);
    KnObject *warn = str_list(cfg->n_warnoptions, (char *const *)cfg->warnoptions);
    KnObject *path = path_list(), *xopts = xoptions_dict(cfg);
    KnObject *exe = executable_path(cfg->orig_argc > 0 ? cfg->orig_argv[0] : NULL);
    KnObject *prefix = ob_str_from_cstr("/usr");
    if (modules == NULL || argv_l == NULL || orig == NULL || warn == NULL || path == NULL
        || xopts == NULL || exe == NULL || prefix == NULL)
        return NULL;
    struct { const char *name; KnObject *value; } attrs[] = {
        { "modules", modules }, { "argv", argv_l }, { "orig_argv", orig },
        { "warnoptions", warn }, { "path", path }, { "_xoptions", xopts },
        { "executable", exe }, { "_base_executable", exe },
        { "prefix", prefix }, { "base_prefix", prefix }, { "exec_prefix", prefix },
        { "base_exec_prefix", prefix },
        { "platform", ob_str_from_cstr("linux") },
        { "byteorder", ob_str_from_cstr("little") },
        { "maxsize", ob_int_from_ssize(SSIZE_MAX) },
        { "maxunicode", ob_int_from_ssize(0x10ffff) },
        { "api_version", ob_int_from_ssize(1013) },
        { "platlibdir", ob_str_from_cstr("lib") },
        { "_stdlib_dir", ob_str_from_cstr("/usr/lib/python3.11") },   /* as sys.path's */
        { "float_repr_style", ob_str_from_cstr("short") },
        { "abiflags", ob_str_empty() },
        { "pycache_prefix", KN_None },
        { "dont_write_bytecode", KN_BOOL(cfg->dont_write_bytecode) },
        { "meta_path", ob_list_new(0) }, { "path_hooks", ob_list_new(0) },
        { "path_importer_cache", ob_dict_new() },
        { "__displayhook__", ob_dict_getitem_str(ob_module_get_dict(m), "displayhook") },
        { "__excepthook__", ob_dict_getitem_str(ob_module_get_dict(m), "excepthook") },
        { "__breakpointhook__", ob_dict_getitem_str(ob_module_get_dict(m), "breakpointhook") },
        { "__unraisablehook__", ob_dict_getitem_str(ob_module_get_dict(m), "unraisablehook") },
        { "builtin_module_names", ob_tuple_pack(2, ob_str_from_cstr("builtins"),
                                                ob_str_from_cstr("sys")) },
        { "copyright", ob_str_from_cstr(
              "Copyright (c) 2026 the Kiln authors.\n"
              "Kiln implements the Python 3.11 language; Python is a trademark of the\n"
              "Python Software Foundation.") },
    };
    KnObject *d = ob_module_get_dict(m);
    for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++)
        if (attrs[i].value == NULL || ob_dict_setitem_str(d, attrs[i].name, attrs[i].value) < 0)
            return NULL;
    if (jit_sys_add_info(m) < 0)
        return NULL;
    if (ob_dict_setitem_str(modules, "sys", m) < 0)
        return NULL;
    jit_sys_install_unraisable();
    return m;
}
