/*
 * posix_internal.h — what the files of the `posix` module share (not
 * public).  posix_path.c converts arguments (paths, descriptors, dir_fd)
 * and raises errno-selected OSErrors; the other posix_*.c files hold the
 * functions by concern and expose their method tables to posix_module.c.
 * See stdlib/NOTES-posix.md.
 */
#ifndef STDLIB_POSIX_INTERNAL_H
#define STDLIB_POSIX_INTERNAL_H

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "libobject/libobject.h"

/* Method-table entries of any calling convention. */
#define PX_FC(f) ((KnCFunction)(void (*)(void))(f))
#define PX_KW (KN_METH_FASTCALL | KN_METH_KEYWORDS)

/* A path argument, CPython's path_t: a str / bytes / os.PathLike (or an
 * int file descriptor where allowed, or None where nullable). */
typedef struct PxPath {
    const char *fname;      /* function name for messages ("stat") */
    const char *argname;    /* argument name ("path") */
    int nullable, allow_fd;
    KnObject *object;       /* the argument as given (for OSError.filename) */
    const char *narrow;     /* encoded path, NUL-terminated; NULL for an fd / None */
    kn_ssize_t length;
    int fd;                 /* -1 unless the argument was an int */
    int is_bytes;           /* results (listdir, readlink) are bytes */
    KnObject *encoded;      /* the bytes object `narrow` points into (keeps it alive) */
} PxPath;

#define PX_PATH_INIT(fn, arg, nullable, allow_fd) \
    {fn, arg, nullable, allow_fd, NULL, NULL, 0, -1, 0, NULL}

/* Fill *p from o; -1 with TypeError / ValueError as CPython words them. */
int px_path_conv(KnObject *o, PxPath *p);
/* os.fspath(o): str or bytes, else TypeError. */
KnObject *px_fspath(KnObject *o);
/* Decode a file-system name for a str (utf-8, surrogateescape) or bytes
 * result. */
KnObject *px_fsdecode(const char *s, kn_ssize_t n, int as_bytes);
/* An int file descriptor argument (OverflowError beyond int). */
int px_fd_conv(KnObject *o, int *fd);
/* dir_fd: None/NULL -> AT_FDCWD, else an int descriptor. */
int px_dirfd_conv(KnObject *o, int *fd);
/* An int argument of C type int / long long ("..." names it in
 * messages). */
int px_int_conv(KnObject *o, int *v);
int px_ll_conv(KnObject *o, long long *v);
/* A call taking n (1..4) positional-only integer arguments, as long long. */
int px_lls(const char *fname, KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames,
           int n, long long *out);
/* A bool argument (NULL -> dflt). */
int px_bool_conv(KnObject *o, int dflt, int *v);

/* Raise the errno-selected OSError subclass (errno is read first), with
 * up to two file names (NULL: none).  Return NULL. */
KnObject *px_err(KnObject *filename);
KnObject *px_err2(KnObject *filename, KnObject *filename2);
KnObject *px_err_path(const PxPath *p);

/* Retry a system call while it fails with EINTR. */
#define PX_RETRY(res, call) do (res) = (call); while ((res) < 0 && errno == EINTR)
/* The same for a call that may block: other threads run meanwhile (the
 * GIL is released around the call only; part threads). */
#define PX_RETRY_BLOCKING(res, call) \
    do { ob_gil_release(); (res) = (call); ob_gil_acquire(); } while ((res) < 0 && errno == EINTR)

/* ---- posix_stat.c ---- */
extern KnTypeObject *px_stat_result_type;
int px_stat_init(void);
KnObject *px_stat_from(const struct stat *st);
extern KnMethodDef px_stat_methods[];

/* ---- the other method tables ---- */
extern KnMethodDef px_fs_methods[];      /* posix_fs.c */
extern KnMethodDef px_fd_methods[];      /* posix_fd.c */
extern KnMethodDef px_dir_methods[];     /* posix_dir.c */
extern KnMethodDef px_proc_methods[];    /* posix_proc.c */
extern KnMethodDef px_sys_methods[];     /* posix_sys.c */
extern KnMethodDef px_extra_methods[];   /* posix_extra.c */
extern KnMethodDef px_more_methods[];    /* posix_more.c */

int px_fd_init(KnObject *m);             /* terminal_size type */
int px_dir_init(KnObject *m);            /* DirEntry, ScandirIterator */
int px_sys_init(KnObject *m);            /* environ, uname_result, times_result */
int px_extra_init(KnObject *m);          /* statvfs_result */
int px_more_init(KnObject *m);           /* waitid_result, MFD_ / EFD_ */

#endif /* STDLIB_POSIX_INTERNAL_H */
