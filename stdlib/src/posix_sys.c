/*
 * posix_sys.c — the process environment and system information: environ
 * (bytes keys and values, as CPython's posix.environ), putenv, unsetenv,
 * uname (posix.uname_result), times (posix.times_result), urandom,
 * cpu_count, strerror, sysconf / confstr with their *_names tables,
 * pathconf / fpathconf, getloadavg.
 */
#include <stdlib.h>
#include <sys/random.h>
#include <sys/times.h>
#include <sys/utsname.h>

#include "posix_internal.h"
#include "structseq.h"
#include "libgc/gc.h"

#define PX_ARGS KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kw
#define PARSE(spec, a) ((void)m, ob_args_parse(&(spec), args, nargs, kw, (a)))

extern char **environ;

static KnTypeObject *uname_type, *times_type;

static const char *const uname_fields[] = {"sysname", "nodename", "release", "version", "machine"};
static const char *const times_fields[] = {"user", "system", "children_user", "children_system", "elapsed"};

/* A fresh dict of the C environment: b'NAME' -> b'value'.  An entry
 * without '=' is skipped; the first of duplicate names wins. */
static KnObject *environ_dict(void)
{
    KnObject *d = ob_dict_new();
    if (d == NULL)
        return NULL;
    for (char **e = environ; e != NULL && *e != NULL; e++) {
        const char *eq = strchr(*e, '=');
        if (eq == NULL)
            continue;
        KnObject *k = ob_bytes_from_data(*e, eq - *e);
        KnObject *v = ob_bytes_from_data(eq + 1, (kn_ssize_t)strlen(eq + 1));
        if (k == NULL || v == NULL)
            return NULL;
        int has = ob_dict_contains(d, k);
        if (has < 0 || (!has && ob_dict_setitem(d, k, v) < 0))
            return NULL;
    }
    return d;
}

static KnObject *px_putenv(PX_ARGS)
{
    static const char *const names[] = {"", "", NULL};
    static const KnArgSpec spec = {"putenv", names, 2, 2, 0};
    KnObject *a[2] = {0};
    PxPath k = PX_PATH_INIT("putenv", "name", 0, 0), v = PX_PATH_INIT("putenv", "value", 0, 0);
    if (PARSE(spec, a) < 0 || px_path_conv(a[0], &k) < 0 || px_path_conv(a[1], &v) < 0)
        return NULL;
    if (k.length == 0 || strchr(k.narrow, '=') != NULL) {
        if (k.length > 0) {
            ob_err_set_string(ob_exc_ValueError, "illegal environment variable name");
            return NULL;
        }
        errno = EINVAL;
        return px_err(NULL);
    }
    if (setenv(k.narrow, v.narrow, 1) < 0)
        return px_err(NULL);
    return KN_None;
}

static KnObject *px_unsetenv(KnObject *m, KnObject *arg)
{
    (void)m;
    PxPath k = PX_PATH_INIT("unsetenv", "name", 0, 0);
    if (px_path_conv(arg, &k) < 0)
        return NULL;
    if (unsetenv(k.narrow) < 0)
        return px_err(NULL);
    return KN_None;
}

static KnObject *px_uname(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    struct utsname u;
    if (uname(&u) < 0)
        return px_err(NULL);
    const char *f[5] = {u.sysname, u.nodename, u.release, u.version, u.machine};
    KnObject *v[5];
    for (int i = 0; i < 5; i++)
        if ((v[i] = px_fsdecode(f[i], (kn_ssize_t)strlen(f[i]), 0)) == NULL)
            return NULL;
    return ss_new(uname_type, v);
}

static KnObject *px_times(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    struct tms t;
    clock_t c = times(&t);
    if (c == (clock_t)-1)
        return px_err(NULL);
    double tick = (double)sysconf(_SC_CLK_TCK);
    KnObject *v[5] = {
        ob_float_from_double((double)t.tms_utime / tick),
        ob_float_from_double((double)t.tms_stime / tick),
        ob_float_from_double((double)t.tms_cutime / tick),
        ob_float_from_double((double)t.tms_cstime / tick),
        ob_float_from_double((double)c / tick),
    };
    return ss_new(times_type, v);
}

static KnObject *px_urandom(PX_ARGS)
{
    static const char *const names[] = {"", NULL};
    static const KnArgSpec spec = {"urandom", names, 1, 1, 0};
    KnObject *a[1] = {0};
    long long n;
    if (PARSE(spec, a) < 0 || px_ll_conv(a[0], &n) < 0)
        return NULL;
    if (n < 0)
        return ob_err_format(ob_exc_ValueError, "negative argument not allowed");
    KnObject *b = ob_bytes_new_uninit((kn_ssize_t)n);
    if (b == NULL)
        return NULL;
    char *p = KN_BYTES_AS_STRING(b);
    long long done = 0;
    while (done < n) {
        ssize_t r = getrandom(p + done, (size_t)(n - done), 0);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            return px_err(NULL);
        }
        done += r;
    }
    return b;
}

static KnObject *px_cpu_count(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? KN_None : ob_int_from_ssize(n);
}

static KnObject *px_strerror(KnObject *m, KnObject *arg)
{
    (void)m;
    int code;
    if (px_int_conv(arg, &code) < 0)
        return NULL;
    return ob_str_decode_utf8(strerror(code), (kn_ssize_t)strlen(strerror(code)), "surrogateescape");
}

static KnObject *px_getloadavg(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    double l[3];
    if (getloadavg(l, 3) != 3)
        return ob_err_format(ob_exc_OSError, "Load averages are unobtainable");
    return ob_tuple_pack(3, ob_float_from_double(l[0]), ob_float_from_double(l[1]), ob_float_from_double(l[2]));
}

/* ---- sysconf / confstr ---- */

typedef struct PxConfName { const char *name; int value; } PxConfName;

static const PxConfName sysconf_table[] = {
    {"SC_ARG_MAX", _SC_ARG_MAX}, {"SC_CHILD_MAX", _SC_CHILD_MAX}, {"SC_CLK_TCK", _SC_CLK_TCK},
    {"SC_NGROUPS_MAX", _SC_NGROUPS_MAX}, {"SC_OPEN_MAX", _SC_OPEN_MAX},
    {"SC_STREAM_MAX", _SC_STREAM_MAX}, {"SC_TZNAME_MAX", _SC_TZNAME_MAX},
    {"SC_JOB_CONTROL", _SC_JOB_CONTROL}, {"SC_SAVED_IDS", _SC_SAVED_IDS},
    {"SC_VERSION", _SC_VERSION}, {"SC_PAGESIZE", _SC_PAGESIZE}, {"SC_PAGE_SIZE", _SC_PAGE_SIZE},
    {"SC_NPROCESSORS_CONF", _SC_NPROCESSORS_CONF}, {"SC_NPROCESSORS_ONLN", _SC_NPROCESSORS_ONLN},
    {"SC_PHYS_PAGES", _SC_PHYS_PAGES}, {"SC_AVPHYS_PAGES", _SC_AVPHYS_PAGES},
    {"SC_IOV_MAX", _SC_IOV_MAX}, {"SC_HOST_NAME_MAX", _SC_HOST_NAME_MAX},
    {"SC_LOGIN_NAME_MAX", _SC_LOGIN_NAME_MAX}, {"SC_LINE_MAX", _SC_LINE_MAX},
    {"SC_TTY_NAME_MAX", _SC_TTY_NAME_MAX}, {"SC_SEM_NSEMS_MAX", _SC_SEM_NSEMS_MAX},
    {"SC_GETPW_R_SIZE_MAX", _SC_GETPW_R_SIZE_MAX}, {"SC_GETGR_R_SIZE_MAX", _SC_GETGR_R_SIZE_MAX},
    {"SC_THREAD_STACK_MIN", _SC_THREAD_STACK_MIN}, {"SC_RTSIG_MAX", _SC_RTSIG_MAX},
    {NULL, 0}
};

static const PxConfName confstr_table[] = {
    {"CS_PATH", _CS_PATH}, {"CS_GNU_LIBC_VERSION", _CS_GNU_LIBC_VERSION},
    {"CS_GNU_LIBPTHREAD_VERSION", _CS_GNU_LIBPTHREAD_VERSION},
    {NULL, 0}
};

static const PxConfName pathconf_table[] = {
    {"PC_LINK_MAX", _PC_LINK_MAX}, {"PC_MAX_CANON", _PC_MAX_CANON}, {"PC_MAX_INPUT", _PC_MAX_INPUT},
    {"PC_NAME_MAX", _PC_NAME_MAX}, {"PC_PATH_MAX", _PC_PATH_MAX}, {"PC_PIPE_BUF", _PC_PIPE_BUF},
    {"PC_CHOWN_RESTRICTED", _PC_CHOWN_RESTRICTED}, {"PC_NO_TRUNC", _PC_NO_TRUNC},
    {"PC_VDISABLE", _PC_VDISABLE}, {"PC_SYNC_IO", _PC_SYNC_IO}, {"PC_ASYNC_IO", _PC_ASYNC_IO},
    {"PC_PRIO_IO", _PC_PRIO_IO}, {"PC_SOCK_MAXBUF", _PC_SOCK_MAXBUF},
    {"PC_FILESIZEBITS", _PC_FILESIZEBITS}, {"PC_REC_INCR_XFER_SIZE", _PC_REC_INCR_XFER_SIZE},
    {"PC_REC_MAX_XFER_SIZE", _PC_REC_MAX_XFER_SIZE}, {"PC_REC_MIN_XFER_SIZE", _PC_REC_MIN_XFER_SIZE},
    {"PC_REC_XFER_ALIGN", _PC_REC_XFER_ALIGN}, {"PC_ALLOC_SIZE_MIN", _PC_ALLOC_SIZE_MIN},
    {"PC_SYMLINK_MAX", _PC_SYMLINK_MAX},
    {NULL, 0}
};

static int conf_name(KnObject *o, const PxConfName *table, int *out)
{
    if (KN_INT_CHECK(o))
        return px_int_conv(o, out);
    if (!KN_STR_CHECK(o)) {
        ob_err_set_string(ob_exc_TypeError, "configuration names must be strings or integers");
        return -1;
    }
    for (const PxConfName *c = table; c->name != NULL; c++)
        if (ob_str_equal_cstr(o, c->name)) {
            *out = c->value;
            return 0;
        }
    ob_err_set_string(ob_exc_ValueError, "unrecognized configuration name");
    return -1;
}

static KnObject *conf_names_dict(const PxConfName *table)
{
    KnObject *d = ob_dict_new();
    for (const PxConfName *c = table; d != NULL && c->name != NULL; c++)
        if (ob_dict_setitem_str(d, c->name, ob_int_from_ssize(c->value)) < 0)
            return NULL;
    return d;
}

static KnObject *px_sysconf(KnObject *m, KnObject *arg)
{
    (void)m;
    int name;
    if (conf_name(arg, sysconf_table, &name) < 0)
        return NULL;
    errno = 0;
    long r = sysconf(name);
    if (r == -1 && errno != 0)
        return px_err(NULL);
    return ob_int_from_ssize(r);
}

static KnObject *px_confstr(KnObject *m, KnObject *arg)
{
    (void)m;
    int name;
    if (conf_name(arg, confstr_table, &name) < 0)
        return NULL;
    errno = 0;
    size_t n = confstr(name, NULL, 0);
    if (n == 0) {
        if (errno != 0)
            return px_err(NULL);
        return KN_None;
    }
    char *buf = kgc_alloc_atomic(n);
    if (buf == NULL)
        return ob_err_nomemory();
    confstr(name, buf, n);
    return ob_str_decode_utf8(buf, (kn_ssize_t)strlen(buf), "surrogateescape");
}

/* pathconf(path, name) (path may be an fd) / fpathconf(fd, name). */
static KnObject *pathconf_common(const char *fname, int allow_path, PX_ARGS)
{
    static const char *const names_p[] = {"path", "name", NULL};
    static const char *const names_f[] = {"fd", "name", NULL};
    KnArgSpec spec = {fname, allow_path ? names_p : names_f, 2, 2, 0};
    KnObject *a[2] = {0};
    PxPath p = PX_PATH_INIT(fname, "path", 0, 1);
    int name;
    if (PARSE(spec, a) < 0 || px_path_conv(a[0], &p) < 0 || conf_name(a[1], pathconf_table, &name) < 0)
        return NULL;
    if (!allow_path && p.narrow != NULL)
        return ob_err_format(ob_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                             ob_type_name(KN_TYPE(a[0])));
    errno = 0;
    long r = p.narrow ? pathconf(p.narrow, name) : fpathconf(p.fd, name);
    if (r == -1 && errno != 0)
        return px_err_path(&p);
    return ob_int_from_ssize(r);
}

static KnObject *px_pathconf(PX_ARGS) { return pathconf_common("pathconf", 1, m, args, nargs, kw); }
static KnObject *px_fpathconf(PX_ARGS) { return pathconf_common("fpathconf", 0, m, args, nargs, kw); }

int px_sys_init(KnObject *m)
{
    if (uname_type == NULL) {
        uname_type = ss_new_type("posix.uname_result", "uname_result: Result from os.uname().",
                                 uname_fields, 5, 5);
        times_type = ss_new_type("posix.times_result", "times_result: Result from os.times().",
                                 times_fields, 5, 5);
        if (uname_type == NULL || times_type == NULL)
            return -1;
    }
    KnObject *env = environ_dict();
    if (env == NULL
        || ob_module_add_object(m, "environ", env) < 0
        || ob_module_add_object(m, "uname_result", (KnObject *)uname_type) < 0
        || ob_module_add_object(m, "times_result", (KnObject *)times_type) < 0
        || ob_module_add_object(m, "sysconf_names", conf_names_dict(sysconf_table)) < 0
        || ob_module_add_object(m, "confstr_names", conf_names_dict(confstr_table)) < 0
        || ob_module_add_object(m, "pathconf_names", conf_names_dict(pathconf_table)) < 0)
        return -1;
    return 0;
}

KnMethodDef px_sys_methods[] = {
    {"putenv", PX_FC(px_putenv), PX_KW, "Change or add an environment variable."},
    {"unsetenv", px_unsetenv, KN_METH_O, "Delete an environment variable."},
    {"uname", px_uname, KN_METH_NOARGS, "Return an object identifying the current operating system."},
    {"times", px_times, KN_METH_NOARGS, "Return a collection containing process timing information."},
    {"urandom", PX_FC(px_urandom), PX_KW, "Return a bytes object containing random bytes suitable for cryptographic use."},
    {"cpu_count", px_cpu_count, KN_METH_NOARGS, "Return the number of CPUs in the system; return None if indeterminable."},
    {"strerror", px_strerror, KN_METH_O, "Translate an error code to a message string."},
    {"getloadavg", px_getloadavg, KN_METH_NOARGS, "Return average recent system load information."},
    {"sysconf", px_sysconf, KN_METH_O, "Return an integer-valued system configuration variable."},
    {"pathconf", PX_FC(px_pathconf), PX_KW, "Return the configuration limit name for the file or directory path."},
    {"fpathconf", PX_FC(px_fpathconf), PX_KW, "Return the configuration limit name for the file descriptor fd."},
    {"confstr", px_confstr, KN_METH_O, "Return a string-valued system configuration variable."},
    {NULL, NULL, 0, NULL}
};
