/*
 * posix_dir.c — listdir, scandir, posix.ScandirIterator and posix.DirEntry.
 *
 * A DirEntry keeps what readdir() told (name, d_type, d_ino) and caches
 * the stat and lstat results on first use, so is_dir()/is_file() cost no
 * system call when the file system reports the type.  Entries of
 * scandir(fd) are looked up relative to that descriptor (fstatat).
 */
#include <dirent.h>

#include "posix_internal.h"
#include "libgc/gc.h"

#define PX_ARGS KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kw

typedef struct PxDirEntry {
    KN_OBJECT_HEAD;
    KnObject *name, *path;          /* str or bytes, as the scandir argument */
    KnObject *stat, *lstat;         /* cached stat_result or NULL */
    unsigned char d_type;
    unsigned long long d_ino;
    int dir_fd;                     /* -1 unless scandir(fd) */
    const char *cpath;              /* encoded path (or name when dir_fd >= 0) */
} PxDirEntry;

typedef struct PxScandir {
    KN_OBJECT_HEAD;
    DIR *dir;
    PxPath path;
    int fd;                         /* scandir(fd): the original descriptor */
} PxScandir;

static KnTypeObject px_direntry_type, px_scandir_type;

static KnObject *entry_fetch_stat(PxDirEntry *e, int follow)
{
    struct stat st;
    int r = e->dir_fd >= 0 ? fstatat(e->dir_fd, e->cpath, &st, follow ? 0 : AT_SYMLINK_NOFOLLOW)
          : follow ? stat(e->cpath, &st) : lstat(e->cpath, &st);
    if (r < 0)
        return px_err(e->path);
    return px_stat_from(&st);
}

static KnObject *entry_lstat(PxDirEntry *e)
{
    if (e->lstat == NULL)
        e->lstat = entry_fetch_stat(e, 0);
    return e->lstat;
}

/* -1 error, else 0/1. */
static int entry_is_symlink(PxDirEntry *e)
{
    if (e->d_type != DT_UNKNOWN)
        return e->d_type == DT_LNK;
    KnObject *st = entry_lstat(e);
    if (st == NULL)
        return -1;
    long long mode = ob_int_as_long_long(KN_TUPLE_GET(st, 0));
    return S_ISLNK(mode);
}

static KnObject *entry_stat_impl(PxDirEntry *e, int follow)
{
    if (!follow)
        return entry_lstat(e);
    if (e->stat == NULL) {
        int link = entry_is_symlink(e);
        if (link < 0)
            return NULL;
        e->stat = link ? entry_fetch_stat(e, 1) : entry_lstat(e);
    }
    return e->stat;
}

static int follow_arg(const char *fname, KnObject *const *args, kn_ssize_t nargs, KnObject *kw, int *follow)
{
    static const char *const names[] = {"follow_symlinks", NULL};
    KnArgSpec spec = {fname, names, 0, 0, 0};
    KnObject *a[1] = {0};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return -1;
    return px_bool_conv(a[0], 1, follow);
}

/* is_dir / is_file: the test on d_type, else on the (l)stat mode; a
 * missing file answers False. */
static KnObject *entry_test(PxDirEntry *e, int follow, unsigned char want, mode_t fmt)
{
    if (e->d_type != DT_UNKNOWN && !(follow && e->d_type == DT_LNK))
        return KN_BOOL(e->d_type == want);
    KnObject *st = entry_stat_impl(e, follow);
    if (st == NULL) {
        if (ob_err_matches((KnObject *)ob_exc_FileNotFoundError)) {
            ob_err_clear();
            return KN_False;
        }
        return NULL;
    }
    long long mode = ob_int_as_long_long(KN_TUPLE_GET(st, 0));
    return KN_BOOL(((mode_t)mode & S_IFMT) == fmt);
}

static KnObject *de_is_dir(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    int follow;
    if (follow_arg("is_dir", args, nargs, kw, &follow) < 0)
        return NULL;
    return entry_test((PxDirEntry *)self, follow, DT_DIR, S_IFDIR);
}

static KnObject *de_is_file(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    int follow;
    if (follow_arg("is_file", args, nargs, kw, &follow) < 0)
        return NULL;
    return entry_test((PxDirEntry *)self, follow, DT_REG, S_IFREG);
}

static KnObject *de_is_symlink(KnObject *self, KnObject *unused)
{
    (void)unused;
    int r = entry_is_symlink((PxDirEntry *)self);
    if (r < 0) {
        if (ob_err_matches((KnObject *)ob_exc_FileNotFoundError)) {
            ob_err_clear();
            return KN_False;
        }
        return NULL;
    }
    return KN_BOOL(r);
}

static KnObject *de_stat(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    int follow;
    if (follow_arg("stat", args, nargs, kw, &follow) < 0)
        return NULL;
    return entry_stat_impl((PxDirEntry *)self, follow);
}

static KnObject *de_inode(KnObject *self, KnObject *unused)
{
    (void)unused;
    return ob_int_from_unsigned_long_long(((PxDirEntry *)self)->d_ino);
}

static KnObject *de_fspath(KnObject *self, KnObject *unused)
{
    (void)unused;
    return ((PxDirEntry *)self)->path;
}

static KnObject *de_class_getitem(KnObject *cls, KnObject *arg)
{
    return ob_generic_alias_new(cls, arg);
}

static KnObject *de_repr(KnObject *self)
{
    KnObject *r = ob_repr(((PxDirEntry *)self)->name);
    return r ? ob_str_from_format("<DirEntry %U>", r) : NULL;
}

static KnObject *de_get_name(KnObject *self, void *c) { (void)c; return ((PxDirEntry *)self)->name; }
static KnObject *de_get_path(KnObject *self, void *c) { (void)c; return ((PxDirEntry *)self)->path; }

static KnMethodDef de_methods[] = {
    {"is_dir", PX_FC(de_is_dir), PX_KW, "Return True if the entry is a directory; cached per entry."},
    {"is_file", PX_FC(de_is_file), PX_KW, "Return True if the entry is a file; cached per entry."},
    {"is_symlink", de_is_symlink, KN_METH_NOARGS, "Return True if the entry is a symbolic link; cached per entry."},
    {"stat", PX_FC(de_stat), PX_KW, "Return stat_result object for the entry; cached per entry."},
    {"inode", de_inode, KN_METH_NOARGS, "Return inode of the entry; cached per entry."},
    {"__fspath__", de_fspath, KN_METH_NOARGS, "Returns the path for the entry."},
    {"__class_getitem__", de_class_getitem, KN_METH_O | KN_METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL}
};

static KnGetSetDef de_getset[] = {
    {"name", de_get_name, NULL, "the entry's base filename, relative to scandir() \"path\" argument", NULL},
    {"path", de_get_path, NULL, "the entry's full path name; equivalent to os.path.join(scandir_path, entry.name)", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static KnObject *de_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    (void)args;
    (void)kwargs;
    return ob_err_format(ob_exc_TypeError, "cannot create '%s' instances", t->tp_name);
}

static KnTypeObject px_direntry_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "posix.DirEntry",
    .tp_basicsize = sizeof(PxDirEntry),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_repr = de_repr,
    .tp_methods = de_methods,
    .tp_getset = de_getset,
    .tp_new = de_new,
};

/* ---- ScandirIterator ---- */

static void scandir_close(PxScandir *s)
{
    if (s->dir != NULL) {
        if (s->fd >= 0)
            rewinddir(s->dir);
        closedir(s->dir);
        s->dir = NULL;
    }
}

static KnObject *entry_new(PxScandir *s, struct dirent *d)
{
    PxDirEntry *e = (PxDirEntry *)ob_alloc(&px_direntry_type, 0);
    if (e == NULL)
        return NULL;
    size_t nlen = strlen(d->d_name);
    int as_bytes = s->path.is_bytes;
    e->d_type = d->d_type;
    e->d_ino = d->d_ino;
    e->dir_fd = s->fd;    /* the caller's descriptor, valid after the iterator closes */
    e->name = px_fsdecode(d->d_name, (kn_ssize_t)nlen, as_bytes);
    if (e->name == NULL)
        return NULL;
    if (s->fd >= 0) {
        char *c = kgc_alloc_atomic(nlen + 1);
        if (c == NULL)
            return ob_err_nomemory();
        memcpy(c, d->d_name, nlen + 1);
        e->cpath = c;
        e->path = e->name;
        return (KnObject *)e;
    }
    const char *base = s->path.narrow ? s->path.narrow : ".";
    size_t blen = strlen(base);
    int sep = blen > 0 && base[blen - 1] != '/';
    char *c = kgc_alloc_atomic(blen + (size_t)sep + nlen + 1);
    if (c == NULL)
        return ob_err_nomemory();
    memcpy(c, base, blen);
    if (sep)
        c[blen] = '/';
    memcpy(c + blen + sep, d->d_name, nlen + 1);
    e->cpath = c;
    e->path = px_fsdecode(c, (kn_ssize_t)strlen(c), as_bytes);
    return e->path ? (KnObject *)e : NULL;
}

static KnObject *scandir_next(KnObject *self)
{
    PxScandir *s = (PxScandir *)self;
    while (s->dir != NULL) {
        errno = 0;
        struct dirent *d = readdir(s->dir);
        if (d == NULL) {
            int err = errno;
            scandir_close(s);
            if (err != 0) {
                errno = err;
                return px_err_path(&s->path);
            }
            return NULL;
        }
        if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0)
            continue;
        return entry_new(s, d);
    }
    return NULL;
}

static KnObject *sc_close(KnObject *self, KnObject *unused)
{
    (void)unused;
    scandir_close((PxScandir *)self);
    return KN_None;
}

static KnObject *sc_enter(KnObject *self, KnObject *unused)
{
    (void)unused;
    return self;
}

static KnObject *sc_exit(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    (void)args;
    (void)nargs;
    scandir_close((PxScandir *)self);
    return KN_None;
}

static void sc_finalize(KnObject *self)
{
    scandir_close((PxScandir *)self);
}

static KnObject *sc_iter(KnObject *self) { return self; }

static KnMethodDef sc_methods[] = {
    {"close", sc_close, KN_METH_NOARGS, NULL},
    {"__enter__", sc_enter, KN_METH_NOARGS, NULL},
    {"__exit__", PX_FC(sc_exit), KN_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL}
};

static KnTypeObject px_scandir_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "posix.ScandirIterator",
    .tp_basicsize = sizeof(PxScandir),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_HAVE_FINALIZE,
    .tp_iter = sc_iter,
    .tp_iternext = scandir_next,
    .tp_methods = sc_methods,
    .tp_finalize = sc_finalize,
};

/* Open the directory of a listdir/scandir argument (fd: a dup, so the
 * caller's descriptor stays open). */
static DIR *open_dir(PxPath *p)
{
    if (p->narrow == NULL && p->fd >= 0) {
        int fd = fcntl(p->fd, F_DUPFD_CLOEXEC, 0);
        if (fd < 0)
            return NULL;
        DIR *d = fdopendir(fd);
        if (d == NULL) {
            int err = errno;
            close(fd);
            errno = err;
        }
        return d;
    }
    return opendir(p->narrow ? p->narrow : ".");
}

static KnObject *px_scandir(PX_ARGS)
{
    (void)m;
    static const char *const names[] = {"path", NULL};
    static const KnArgSpec spec = {"scandir", names, 0, 1, 0};
    KnObject *a[1] = {0};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    PxScandir *s = (PxScandir *)ob_alloc(&px_scandir_type, 0);
    if (s == NULL)
        return NULL;
    PxPath init = PX_PATH_INIT("scandir", "path", 1, 1);
    s->path = init;
    if (px_path_conv(a[0], &s->path) < 0)
        return NULL;
    s->fd = s->path.narrow == NULL && s->path.object != KN_None ? s->path.fd : -1;
    s->dir = open_dir(&s->path);
    if (s->dir == NULL)
        return px_err_path(&s->path);
    return (KnObject *)s;
}

static KnObject *px_listdir(PX_ARGS)
{
    (void)m;
    static const char *const names[] = {"path", NULL};
    static const KnArgSpec spec = {"listdir", names, 0, 1, 0};
    KnObject *a[1] = {0};
    PxPath p = PX_PATH_INIT("listdir", "path", 1, 1);
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0 || px_path_conv(a[0], &p) < 0)
        return NULL;
    DIR *d = open_dir(&p);
    if (d == NULL)
        return px_err_path(&p);
    KnObject *list = ob_list_new(0);
    for (;;) {
        errno = 0;
        struct dirent *de = readdir(d);
        if (de == NULL) {
            int err = errno;
            if (p.narrow == NULL && p.fd >= 0)
                rewinddir(d);
            closedir(d);
            if (err != 0) {
                errno = err;
                return px_err_path(&p);
            }
            return list;
        }
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        KnObject *name = px_fsdecode(de->d_name, (kn_ssize_t)strlen(de->d_name), p.is_bytes);
        if (list == NULL || name == NULL || ob_list_append(list, name) < 0) {
            closedir(d);
            return NULL;
        }
    }
}

int px_dir_init(KnObject *m)
{
    if (ob_type_ready(&px_direntry_type) < 0 || ob_type_ready(&px_scandir_type) < 0)
        return -1;
    return ob_module_add_object(m, "DirEntry", (KnObject *)&px_direntry_type);
}

KnMethodDef px_dir_methods[] = {
    {"listdir", PX_FC(px_listdir), PX_KW, "Return a list containing the names of the files in the directory."},
    {"scandir", PX_FC(px_scandir), PX_KW, "Return an iterator of DirEntry objects for given path."},
    {NULL, NULL, 0, NULL}
};
