/*
 * posixsubprocess_module.c — `_posixsubprocess.fork_exec`, the parent
 * side: check and convert the 23 arguments subprocess.Popen passes
 * (3.11; the trailing allow_vfork may be omitted, and Kiln always uses
 * fork()), build the child's plan in C memory, fork, and return the pid.
 * The child runs posixsubprocess_child.c.
 */
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>

#include "libgc/gc.h"
#include "libobject/libobject.h"
#include "posixsubprocess_internal.h"
#include "select_fd.h"

KnObject *kn_init__posixsubprocess(void);

/* os.fsencode(o) for a str / bytes / os.PathLike, as a C string. */
static char *psp_fsconvert(KnObject *o)
{
    KnObject *v = o;
    if (!KN_STR_CHECK(o) && !KN_BYTES_CHECK(o)) {
        KnObject *f = ob_lookup_special(o, ob_str_intern_cstr("__fspath__"));
        if (f == NULL) {
            if (!ob_err_occurred())
                ob_err_format(ob_exc_TypeError, "expected str, bytes or os.PathLike object, not %s",
                              ob_type_name(KN_TYPE(o)));
            return NULL;
        }
        if ((v = ob_call_noargs(f)) == NULL)
            return NULL;
        if (!KN_STR_CHECK(v) && !KN_BYTES_CHECK(v)) {
            ob_err_format(ob_exc_TypeError, "expected %s.__fspath__() to return str or bytes, not %s",
                          ob_type_name(KN_TYPE(o)), ob_type_name(KN_TYPE(v)));
            return NULL;
        }
    }
    if (KN_STR_CHECK(v) && (v = ob_str_encode_utf8(v, "surrogateescape")) == NULL)
        return NULL;
    kn_ssize_t n = ob_length(v);
    const char *s = KN_BYTES_AS_STRING(v);
    if ((kn_ssize_t)strlen(s) != n) {
        ob_err_set_string(ob_exc_ValueError, "embedded null byte");
        return NULL;
    }
    char *r = kgc_alloc_atomic((size_t)n + 1);
    if (r == NULL) {
        ob_err_nomemory();
        return NULL;
    }
    memcpy(r, s, (size_t)n + 1);
    return r;
}

/* A sequence of paths as a NULL-terminated C array (count in *n). */
static char **psp_strings(KnObject *seq, int *n)
{
    kn_ssize_t len = ob_length(seq);
    if (len < 0)
        return NULL;
    char **out = kgc_alloc(sizeof(char *) * (size_t)(len + 1));
    if (out == NULL) {
        ob_err_nomemory();
        return NULL;
    }
    for (kn_ssize_t i = 0; i < len; i++) {
        KnObject *item = ob_sequence_getitem(seq, i);
        if (item == NULL || (out[i] = psp_fsconvert(item)) == NULL)
            return NULL;
    }
    out[len] = NULL;
    *n = (int)len;
    return out;
}

static int psp_int(KnObject *o, int *v)
{
    return sel_int_arg(o, v);
}

/* uid / gid: None (absent) or a non-negative int. */
static int psp_id(KnObject *o, const char *what, int *has, long long *v)
{
    *has = 0;
    if (o == KN_None)
        return 0;
    int overflow;
    if (!KN_INT_CHECK(o)) {
        ob_err_format(ob_exc_TypeError, "%s should be integer, not %s", what, ob_type_name(KN_TYPE(o)));
        return -1;
    }
    if (kn_arg_index_ll(o, v, &overflow) < 0)
        return -1;
    if (overflow || *v < 0 || *v > 0xfffffffeLL) {
        ob_err_format(ob_exc_OverflowError, "%s is %s", what, *v < 0 && overflow <= 0 ? "less than minimum" : "greater than maximum");
        return -1;
    }
    *has = 1;
    return 0;
}

/* fds_to_keep: a tuple of non-negative ints in increasing order. */
static int psp_keep(KnObject *t, PspPlan *p)
{
    kn_ssize_t n = ob_length(t);
    p->keep = kgc_alloc_atomic(sizeof(int) * (size_t)(n + 1));
    if (p->keep == NULL) {
        ob_err_nomemory();
        return -1;
    }
    long long prev = -1;
    for (kn_ssize_t i = 0; i < n; i++) {
        KnObject *o = ob_sequence_getitem(t, i);
        int overflow = 0;
        long long v = KN_INT_CHECK(o) ? ob_int_as_long_long_and_overflow(o, &overflow) : -1;
        if (!KN_INT_CHECK(o) || overflow || v < 0 || v <= prev || v > INT_MAX) {
            ob_err_set_string(ob_exc_ValueError, "bad value(s) in fds_to_keep");
            return -1;
        }
        p->keep[i] = (int)v;
        prev = v;
    }
    p->nkeep = (int)n;
    return 0;
}

static KnObject *psp_fork_exec(KnObject *m, KnObject *const *a, kn_ssize_t nargs)
{
    (void)m;
    if (nargs != 22 && nargs != 23) {
        ob_err_format(ob_exc_TypeError, "fork_exec() takes exactly 23 arguments (%zd given)", nargs);
        return NULL;
    }
    PspPlan p;
    memset(&p, 0, sizeof p);
    KnObject *args = a[0], *exe = a[1], *keep = a[3], *cwd = a[4], *env = a[5];
    KnObject *gid = a[17], *groups = a[18], *uid = a[19], *preexec = a[21];
    if (!KN_TUPLE_CHECK(keep)) {
        ob_err_format(ob_exc_TypeError, "fork_exec() argument 4 must be tuple, not %s",
                      ob_type_name(KN_TYPE(keep)));
        return NULL;
    }
    int close_fds = ob_is_true(a[2]);
    if (close_fds < 0)
        return NULL;
    p.close_fds = close_fds;
    int *ints[] = {&p.p2cread, &p.p2cwrite, &p.c2pread, &p.c2pwrite, &p.errread, &p.errwrite,
                   &p.errpipe_read, &p.errpipe_write};
    for (int i = 0; i < 8; i++)
        if (psp_int(a[6 + i], ints[i]) < 0)
            return NULL;
    int rs = ob_is_true(a[14]), ss = ob_is_true(a[15]);
    int pgid, umask_v;
    if (rs < 0 || ss < 0 || psp_int(a[16], &pgid) < 0 || psp_int(a[20], &umask_v) < 0)
        return NULL;
    p.restore_signals = rs;
    p.call_setsid = ss;
    p.pgid_to_set = pgid;
    p.child_umask = umask_v;
    if (p.errpipe_write < 3) {
        ob_err_set_string(ob_exc_ValueError, "errpipe_write must be >= 3");
        return NULL;
    }
    if (psp_keep(keep, &p) < 0)
        return NULL;
    if (args != KN_None) {
        if (!KN_TUPLE_CHECK(args) && !KN_LIST_CHECK(args)) {
            ob_err_set_string(ob_exc_TypeError, "argv must be a tuple");
            return NULL;
        }
        int n;
        if ((p.argv = psp_strings(args, &n)) == NULL)
            return NULL;
    }
    if ((p.exec_list = psp_strings(exe, &p.nexec)) == NULL)
        return NULL;
    if (env != KN_None) {
        int n;
        if ((p.envp = psp_strings(env, &n)) == NULL)
            return NULL;
    }
    if (cwd != KN_None && (p.cwd = psp_fsconvert(cwd)) == NULL)
        return NULL;
    long long idv;
    if (psp_id(gid, "gid", &p.has_gid, &idv) < 0)
        return NULL;
    p.gid = (gid_t)idv;
    if (groups != KN_None) {
        if (!KN_LIST_CHECK(groups)) {
            ob_err_set_string(ob_exc_TypeError, "setgroups argument must be a list");
            return NULL;
        }
        kn_ssize_t n = ob_length(groups);
        p.groups = kgc_alloc_atomic(sizeof(gid_t) * (size_t)(n + 1));
        if (p.groups == NULL)
            return ob_err_nomemory();
        for (kn_ssize_t i = 0; i < n; i++) {
            int has;
            if (psp_id(ob_sequence_getitem(groups, i), "gid", &has, &idv) < 0)
                return NULL;
            p.groups[i] = (gid_t)idv;
        }
        p.ngroups = (int)n;
        p.has_groups = 1;
    }
    if (psp_id(uid, "uid", &p.has_uid, &idv) < 0)
        return NULL;
    p.uid = (uid_t)idv;
    p.preexec_fn = preexec == KN_None ? NULL : preexec;
    if (p.argv == NULL) {
        p.argv = kgc_alloc(sizeof(char *));
        if (p.argv == NULL)
            return ob_err_nomemory();
    }
    long mx = sysconf(_SC_OPEN_MAX);
    p.max_fd = mx > 0 && mx < INT_MAX ? (int)mx : 256;

    pid_t pid = fork();
    if (pid == 0)
        psp_child(&p);
    if (pid < 0)
        return sel_oserror();
    return ob_int_from_long_long(pid);
}

static KnMethodDef psp_methods[] = {
    {"fork_exec", (KnCFunction)(void (*)(void))psp_fork_exec, KN_METH_FASTCALL,
     "Spawn a fresh new child process (fork, set up descriptors, exec)."},
    {NULL, NULL, 0, NULL}
};

KnObject *kn_init__posixsubprocess(void)
{
    KnObject *mod = ob_module_new_cstr("_posixsubprocess");
    if (mod == NULL || ob_module_add_functions(mod, psp_methods) < 0)
        return NULL;
    return mod;
}
