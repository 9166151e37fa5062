/*
 * resource_module.c — the `resource` module: resource limits (getrlimit,
 * setrlimit, prlimit), usage (getrusage -> resource.struct_rusage),
 * getpagesize, the RLIMIT_* / RLIM_* / RUSAGE_* constants and
 * resource.error (OSError itself, as in CPython).
 *
 * Limits cross as signed 64-bit ints, so RLIM_INFINITY reads as -1 and
 * -1 written back means "unlimited"; EINVAL / EPERM from setting a limit
 * become CPython's ValueErrors.
 */
#include <sys/resource.h>
#include <unistd.h>

#include "select_fd.h"
#include "structseq.h"
#include "unix_internal.h"

KnObject *kn_init_resource(void);

static KnTypeObject *rs_rusage_type;

static const char *const rs_fields[] = {
    "ru_utime", "ru_stime", "ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss",
    "ru_minflt", "ru_majflt", "ru_nswap", "ru_inblock", "ru_oublock", "ru_msgsnd",
    "ru_msgrcv", "ru_nsignals", "ru_nvcsw", "ru_nivcsw",
};

static KnObject *rs_seconds(struct timeval tv)
{
    return ob_float_from_double((double)tv.tv_sec + (double)tv.tv_usec * 1e-6);
}

static KnObject *rs_getrusage(KnObject *m, KnObject *arg)
{
    (void)m;
    int who;
    struct rusage ru;
    if (ux_cint_arg(arg, &who) < 0)
        return NULL;
    if (getrusage(who, &ru) < 0) {
        if (errno == EINVAL) {
            ob_err_set_string(ob_exc_ValueError, "invalid who parameter");
            return NULL;
        }
        return ux_oserror();
    }
    KnObject *v[16] = {
        rs_seconds(ru.ru_utime), rs_seconds(ru.ru_stime),
        ob_int_from_long_long(ru.ru_maxrss), ob_int_from_long_long(ru.ru_ixrss),
        ob_int_from_long_long(ru.ru_idrss), ob_int_from_long_long(ru.ru_isrss),
        ob_int_from_long_long(ru.ru_minflt), ob_int_from_long_long(ru.ru_majflt),
        ob_int_from_long_long(ru.ru_nswap), ob_int_from_long_long(ru.ru_inblock),
        ob_int_from_long_long(ru.ru_oublock), ob_int_from_long_long(ru.ru_msgsnd),
        ob_int_from_long_long(ru.ru_msgrcv), ob_int_from_long_long(ru.ru_nsignals),
        ob_int_from_long_long(ru.ru_nvcsw), ob_int_from_long_long(ru.ru_nivcsw),
    };
    for (int i = 0; i < 16; i++)
        if (v[i] == NULL)
            return NULL;
    return ss_new(rs_rusage_type, v);
}

static int rs_check_resource(int resource)
{
    if (resource < 0 || resource >= RLIM_NLIMITS) {
        ob_err_set_string(ob_exc_ValueError, "invalid resource specified");
        return -1;
    }
    return 0;
}

static KnObject *rs_limits_tuple(const struct rlimit *rl)
{
    return ob_tuple_pack(2, ob_int_from_long_long((long long)rl->rlim_cur),
                         ob_int_from_long_long((long long)rl->rlim_max));
}

/* (soft, hard) from any iterable of two integers. */
static int rs_limits_arg(KnObject *o, struct rlimit *rl)
{
    KnObject *t = ob_sequence_tuple(o);
    if (t == NULL)
        return -1;
    if (KN_SIZE(t) != 2) {
        ob_err_set_string(ob_exc_ValueError, "expected a tuple of 2 integers");
        return -1;
    }
    long cur, max;
    if (ux_long_arg(KN_TUPLE_GET(t, 0), &cur) < 0 || ux_long_arg(KN_TUPLE_GET(t, 1), &max) < 0)
        return -1;
    rl->rlim_cur = (rlim_t)cur;
    rl->rlim_max = (rlim_t)max;
    return 0;
}

static KnObject *rs_getrlimit(KnObject *m, KnObject *arg)
{
    (void)m;
    int resource;
    struct rlimit rl;
    if (ux_cint_arg(arg, &resource) < 0 || rs_check_resource(resource) < 0)
        return NULL;
    if (getrlimit((__rlimit_resource_t)resource, &rl) < 0)
        return ux_oserror();
    return rs_limits_tuple(&rl);
}

static KnObject *rs_setrlimit(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    int resource;
    struct rlimit rl;
    if (ob_args_check_positional("setrlimit", nargs, 2, 2) < 0 || ux_cint_arg(args[0], &resource) < 0
        || rs_check_resource(resource) < 0 || rs_limits_arg(args[1], &rl) < 0)
        return NULL;
    if (setrlimit((__rlimit_resource_t)resource, &rl) < 0) {
        if (errno == EINVAL)
            ob_err_set_string(ob_exc_ValueError, "current limit exceeds maximum limit");
        else if (errno == EPERM)
            ob_err_set_string(ob_exc_ValueError, "not allowed to raise maximum limit");
        else
            ux_oserror();
        return NULL;
    }
    return KN_None;
}

static KnObject *rs_prlimit(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    (void)m;
    int pid, resource;
    struct rlimit old, new_;
    if (ob_args_no_keywords("prlimit", kw) < 0)
        return NULL;
    if (nargs < 2 || nargs > 3) {
        ob_err_set_string(ob_exc_TypeError, "resource.prlimit requires 2 to 3 arguments");
        return NULL;
    }
    if (sel_int_arg(args[0], &pid) < 0 || sel_int_arg(args[1], &resource) < 0
        || rs_check_resource(resource) < 0)
        return NULL;
    if (nargs == 3 && rs_limits_arg(args[2], &new_) < 0)
        return NULL;
    if (prlimit((pid_t)pid, (__rlimit_resource_t)resource, nargs == 3 ? &new_ : NULL, &old) < 0) {
        if (errno == EINVAL) {
            ob_err_set_string(ob_exc_ValueError, "current limit exceeds maximum limit");
            return NULL;
        }
        return ux_oserror();
    }
    return rs_limits_tuple(&old);
}

static KnObject *rs_getpagesize(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    return ob_int_from_long_long(sysconf(_SC_PAGESIZE));
}

static KnMethodDef rs_methods[] = {
    {"getrusage", rs_getrusage, KN_METH_O, NULL},
    {"getrlimit", rs_getrlimit, KN_METH_O, NULL},
    {"setrlimit", UX_FC(rs_setrlimit), KN_METH_FASTCALL, NULL},
    {"prlimit", UX_FC(rs_prlimit), UX_KW, "prlimit(pid, resource, [limits])"},
    {"getpagesize", rs_getpagesize, KN_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static const UxConst rs_consts[] = {
#define C(n) {#n, (long long)(n)},
    C(RLIMIT_CPU) C(RLIMIT_FSIZE) C(RLIMIT_DATA) C(RLIMIT_STACK) C(RLIMIT_CORE)
    C(RLIMIT_NOFILE) C(RLIMIT_OFILE) C(RLIMIT_AS) C(RLIMIT_RSS) C(RLIMIT_NPROC)
    C(RLIMIT_MEMLOCK) C(RLIMIT_MSGQUEUE) C(RLIMIT_NICE) C(RLIMIT_RTPRIO) C(RLIMIT_RTTIME)
    C(RLIMIT_SIGPENDING) C(RUSAGE_SELF) C(RUSAGE_CHILDREN) C(RUSAGE_THREAD)
#undef C
    {"RLIM_INFINITY", (long long)RLIM_INFINITY},
    {NULL, 0}
};

KnObject *kn_init_resource(void)
{
    if (rs_rusage_type == NULL) {
        rs_rusage_type = ss_new_type("resource.struct_rusage",
                                     "struct_rusage: Result from getrusage.\n\n"
                                     "This object may be accessed either as a tuple of\n"
                                     "    (utime,stime,maxrss,ixrss,idrss,isrss,minflt,majflt,\n"
                                     "    nswap,inblock,oublock,msgsnd,msgrcv,nsignals,nvcsw,nivcsw)\n"
                                     "or via the attributes ru_utime, ru_stime, ru_maxrss, and so on.",
                                     rs_fields, 16, 16);
        if (rs_rusage_type == NULL)
            return NULL;
    }
    KnObject *mod = ob_module_new_cstr("resource");
    if (mod == NULL || ob_module_add_functions(mod, rs_methods) < 0
        || ob_module_add_object(mod, "error", (KnObject *)ob_exc_OSError) < 0
        || ob_module_add_object(mod, "struct_rusage", (KnObject *)rs_rusage_type) < 0
        || ux_add_consts(mod, rs_consts) < 0)
        return NULL;
    return mod;
}
