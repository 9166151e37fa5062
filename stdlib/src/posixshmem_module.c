/*
 * posixshmem_module.c — the `_posixshmem` module behind
 * multiprocessing.shared_memory: shm_open(path, flags, mode=0o777) -> fd
 * and shm_unlink(path).  Failures raise the errno-selected OSError naming
 * the path; calls interrupted by a signal run the handlers and retry.
 */
#include <fcntl.h>
#include <sys/mman.h>

#include "stdlib/signals.h"
#include "unix_internal.h"

KnObject *kn_init__posixshmem(void);

static KnObject *shm_open_fn(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"path", "flags", "mode", NULL};
    static const KnArgSpec spec = {"shm_open", names, 2, 3, 0};
    KnObject *a[3] = {0};
    int flags, mode = 0777, fd;
    const char *path;
    (void)m;
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0 || (path = ux_utf8_arg(a[0], "shm_open", "argument 'path'", 0)) == NULL
        || ux_cint_arg(a[1], &flags) < 0 || (a[2] && ux_cint_arg(a[2], &mode) < 0))
        return NULL;
    while ((fd = shm_open(path, flags, (mode_t)mode)) < 0 && errno == EINTR)
        if (kn_signal_check() < 0)
            return NULL;
    if (fd < 0)
        return ob_err_from_errno(ob_exc_OSError, a[0]);
    return ob_int_from_long_long(fd);
}

static KnObject *shm_unlink_fn(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"path", NULL};
    static const KnArgSpec spec = {"shm_unlink", names, 1, 1, 0};
    KnObject *a[1] = {0};
    const char *path;
    int r;
    (void)m;
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0 || (path = ux_utf8_arg(a[0], "shm_unlink", "argument 'path'", 0)) == NULL)
        return NULL;
    while ((r = shm_unlink(path)) < 0 && errno == EINTR)
        if (kn_signal_check() < 0)
            return NULL;
    if (r < 0)
        return ob_err_from_errno(ob_exc_OSError, a[0]);
    return KN_None;
}

static KnMethodDef shm_methods[] = {
    {"shm_open", UX_FC(shm_open_fn), UX_KW,
     "Open a shared memory object.  Returns a file descriptor (integer)."},
    {"shm_unlink", UX_FC(shm_unlink_fn), UX_KW,
     "Remove a shared memory object (similar to unlink()).\n\n"
     "Remove a shared memory object name, and, once all processes  have  unmapped\n"
     "the object, de-allocates and destroys the contents of the associated memory\n"
     "region."},
    {NULL, NULL, 0, NULL}
};

KnObject *kn_init__posixshmem(void)
{
    KnObject *mod = ob_module_new_cstr("_posixshmem");
    if (mod == NULL || ob_module_add_functions(mod, shm_methods) < 0
        || ob_module_add_object(mod, "__doc__", ob_str_from_cstr("POSIX shared memory module")) < 0)
        return NULL;
    return mod;
}
