/* import_posix.c — a minimal `posix` for the import system, used only
 * while the stdlib's real posix module (branch stdlib-os) is not in the
 * table of built-in modules: python-bin's jit_import_add_builtin("posix",
 * ...) replaces it.  It has exactly what importlib._bootstrap_external
 * calls: stat, getcwd, listdir, mkdir, open, replace, unlink, fspath,
 * environ and the O_* flags _write_atomic uses.  stat_result here is a
 * struct sequence of ten fields whose times are floats (CPython's
 * st_atime/st_mtime/st_ctime attributes; its tuple items 7-9 are ints). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "builtins.h"
#include "import.h"

#define FC(f) ((KnCFunction)(void (*)(void))(f))

extern char **environ;
static KnTypeObject *stat_result_type;

static KnObject *os_error(const char *path)
{
    int e = errno;
    KnObject *args = path
        ? ob_tuple_pack(3, ob_int_from_ssize(e), ob_str_from_cstr(strerror(e)), ob_str_from_cstr(path))
        : ob_tuple_pack(2, ob_int_from_ssize(e), ob_str_from_cstr(strerror(e)));
    KnObject *exc = args ? ob_call((KnObject *)ob_exc_OSError, args, NULL) : NULL;
    if (exc != NULL)
        ob_err_set_object((KnTypeObject *)KN_TYPE(exc), exc);
    return NULL;
}

/* os.fspath: str or bytes, or the result of __fspath__. */
static KnObject *fspath(KnObject *p)
{
    if (KN_STR_CHECK(p) || KN_BYTES_CHECK(p))
        return p;
    KnObject *r = ob_call_method(p, "__fspath__", 0);
    if (r == NULL) {
        if (!ob_err_matches((KnObject *)ob_exc_AttributeError))
            return NULL;
        ob_err_clear();
        return ob_err_format(ob_exc_TypeError,
                             "expected str, bytes or os.PathLike object, not %s",
                             ob_type_name(KN_TYPE(p)));
    }
    if (!KN_STR_CHECK(r) && !KN_BYTES_CHECK(r))
        return ob_err_format(ob_exc_TypeError, "expected %s.__fspath__() to return str or bytes, not %s",
                             ob_type_name(KN_TYPE(p)), ob_type_name(KN_TYPE(r)));
    return r;
}

static const char *path_arg(KnObject *p)
{
    KnObject *s = fspath(p);
    if (s == NULL)
        return NULL;
    if (KN_BYTES_CHECK(s))
        return KN_BYTES_AS_STRING(s);
    return ob_str_as_utf8(s, NULL);
}

static KnObject *px_fspath(KnObject *m, KnObject *p)
{
    (void)m;
    return fspath(p);
}

static KnObject *px_stat(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"path", "dir_fd", "follow_symlinks", NULL};
    static const KnArgSpec spec = {"stat", names, 1, 1, 0};
    KnObject *a[3];
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    const char *path = path_arg(a[0]);
    if (path == NULL)
        return NULL;
    int follow = a[2] == NULL ? 1 : ob_is_true(a[2]);
    struct stat st;
    if ((follow ? stat(path, &st) : lstat(path, &st)) < 0)
        return os_error(path);
    KnObject *v[10] = {
        ob_int_from_ssize(st.st_mode), ob_int_from_unsigned_long_long(st.st_ino),
        ob_int_from_unsigned_long_long(st.st_dev), ob_int_from_ssize((kn_ssize_t)st.st_nlink),
        ob_int_from_ssize(st.st_uid), ob_int_from_ssize(st.st_gid),
        ob_int_from_long_long(st.st_size),
        ob_float_from_double((double)st.st_atim.tv_sec + st.st_atim.tv_nsec * 1e-9),
        ob_float_from_double((double)st.st_mtim.tv_sec + st.st_mtim.tv_nsec * 1e-9),
        ob_float_from_double((double)st.st_ctim.tv_sec + st.st_ctim.tv_nsec * 1e-9),
    };
    for (int i = 0; i < 10; i++)
        if (v[i] == NULL)
            return NULL;
    return jit_structseq_new(stat_result_type, v);
}

static KnObject *px_getcwd(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    char buf[PATH_MAX];
    if (getcwd(buf, sizeof buf) == NULL)
        return os_error(NULL);
    return ob_str_decode(buf, (kn_ssize_t)strlen(buf), "utf-8", "surrogateescape");
}

static KnObject *px_listdir(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    if (ob_args_check_positional("listdir", nargs, 0, 1) < 0)
        return NULL;
    const char *path = nargs && args[0] != KN_None ? path_arg(args[0]) : ".";
    if (path == NULL)
        return NULL;
    int want_bytes = nargs && KN_BYTES_CHECK(args[0]);
    DIR *d = opendir(path);
    if (d == NULL)
        return os_error(path);
    KnObject *out = ob_list_new(0);
    struct dirent *e;
    while (out != NULL && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        kn_ssize_t n = (kn_ssize_t)strlen(e->d_name);
        KnObject *name = want_bytes ? ob_bytes_from_data(e->d_name, n)
                                    : ob_str_decode(e->d_name, n, "utf-8", "surrogateescape");
        if (name == NULL || ob_list_append(out, name) < 0)
            out = NULL;
    }
    closedir(d);
    return out;
}

static KnObject *px_mkdir(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"path", "mode", "dir_fd", NULL};
    static const KnArgSpec spec = {"mkdir", names, 1, 2, 0};
    KnObject *a[3];
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    const char *path = path_arg(a[0]);
    kn_ssize_t mode = a[1] ? ob_number_as_ssize(a[1], ob_exc_OverflowError) : 0777;
    if (path == NULL || (mode == -1 && ob_err_occurred()))
        return NULL;
    if (mkdir(path, (mode_t)mode) < 0)
        return os_error(path);
    return KN_None;
}

static KnObject *px_open(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"path", "flags", "mode", "dir_fd", NULL};
    static const KnArgSpec spec = {"open", names, 2, 3, 0};
    KnObject *a[4];
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    const char *path = path_arg(a[0]);
    kn_ssize_t flags = ob_number_as_ssize(a[1], ob_exc_OverflowError);
    kn_ssize_t mode = a[2] ? ob_number_as_ssize(a[2], ob_exc_OverflowError) : 0777;
    if (path == NULL || ob_err_occurred())
        return NULL;
    int fd = open(path, (int)flags | O_CLOEXEC, (mode_t)mode);
    if (fd < 0)
        return os_error(path);
    return ob_int_from_ssize(fd);
}

static KnObject *px_replace(KnObject *m, KnObject *const *args, kn_ssize_t nargs,
                            KnObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"src", "dst", "src_dir_fd", "dst_dir_fd", NULL};
    static const KnArgSpec spec = {"replace", names, 2, 2, 0};
    KnObject *a[4];
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    const char *src = path_arg(a[0]), *dst = src ? path_arg(a[1]) : NULL;
    if (dst == NULL)
        return NULL;
    if (rename(src, dst) < 0)
        return os_error(src);
    return KN_None;
}

static KnObject *px_unlink(KnObject *m, KnObject *const *args, kn_ssize_t nargs,
                           KnObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"path", "dir_fd", NULL};
    static const KnArgSpec spec = {"unlink", names, 1, 1, 0};
    KnObject *a[2];
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    const char *path = path_arg(a[0]);
    if (path == NULL)
        return NULL;
    if (unlink(path) < 0)
        return os_error(path);
    return KN_None;
}

static KnMethodDef px_functions[] = {
    {"stat", FC(px_stat), KN_METH_FASTCALL | KN_METH_KEYWORDS, "Perform a stat system call."},
    {"getcwd", FC(px_getcwd), KN_METH_NOARGS, "The current working directory."},
    {"listdir", FC(px_listdir), KN_METH_FASTCALL, "The names of the entries in a directory."},
    {"mkdir", FC(px_mkdir), KN_METH_FASTCALL | KN_METH_KEYWORDS, "Create a directory."},
    {"open", FC(px_open), KN_METH_FASTCALL | KN_METH_KEYWORDS, "Open a file descriptor."},
    {"replace", FC(px_replace), KN_METH_FASTCALL | KN_METH_KEYWORDS, "Rename, replacing dst."},
    {"unlink", FC(px_unlink), KN_METH_FASTCALL | KN_METH_KEYWORDS, "Remove a file."},
    {"fspath", FC(px_fspath), KN_METH_O, "The file system representation of the path."},
    {NULL, NULL, 0, NULL}
};

KnObject *jit_import_posix_init(void);

KnObject *jit_import_posix_init(void)
{
    static const char *const fields[] = {"st_mode", "st_ino", "st_dev", "st_nlink", "st_uid",
                                         "st_gid", "st_size", "st_atime", "st_mtime",
                                         "st_ctime", NULL};
    if (stat_result_type == NULL
        && (stat_result_type = jit_structseq_new_type("os.stat_result", fields)) == NULL)
        return NULL;
    KnObject *m = ob_module_new_cstr("posix");
    KnObject *env = ob_dict_new();
    if (m == NULL || env == NULL || ob_module_add_functions(m, px_functions) < 0)
        return NULL;
    for (char **e = environ; e != NULL && *e != NULL; e++) {
        const char *eq = strchr(*e, '=');
        if (eq == NULL)
            continue;
        KnObject *k = ob_bytes_from_data(*e, eq - *e), *v = ob_bytes_from_data(eq + 1, (kn_ssize_t)strlen(eq + 1));
        if (k == NULL || v == NULL || ob_dict_setitem(env, k, v) < 0)
            return NULL;
    }
    static const struct { const char *name; long v; } consts[] = {
        {"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR},
        {"O_CREAT", O_CREAT}, {"O_EXCL", O_EXCL}, {"O_TRUNC", O_TRUNC},
        {"O_APPEND", O_APPEND}, {"O_CLOEXEC", O_CLOEXEC},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
        if (ob_module_add_object(m, consts[i].name, ob_int_from_ssize(consts[i].v)) < 0)
            return NULL;
    if (ob_module_add_object(m, "environ", env) < 0
        || ob_module_add_object(m, "stat_result", (KnObject *)stat_result_type) < 0)
        return NULL;
    return m;
}
