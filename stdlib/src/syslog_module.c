/*
 * syslog_module.c — the `syslog` module: openlog, syslog, closelog,
 * setlogmask, LOG_MASK / LOG_UPTO and the LOG_* constants.
 *
 * openlog(3) keeps the ident pointer it is given, so the encoded ident
 * lives in sl_ident (a static root the collector scans) until closelog.
 * Without an explicit ident, as in CPython, the basename of sys.argv[0]
 * is used; sys is reached through libjit's jit_import_module, a weak
 * reference (absent in programs that do not link libjit: then the C
 * library's default ident).
 */
#include <syslog.h>

#include "unix_internal.h"

KnObject *kn_init_syslog(void);
KnObject *jit_import_module(const char *name) __attribute__((weak));

static KnObject *sl_ident;   /* str whose utf-8 openlog holds, or NULL */
static int sl_open;

/* basename(sys.argv[0]) as a str, or NULL (no error) when unavailable. */
static KnObject *sl_default_ident(void)
{
    if (jit_import_module == NULL)
        return NULL;
    KnObject *sys = jit_import_module("sys");
    KnObject *argv = sys ? ob_getattr_str(sys, "argv") : NULL;
    if (argv == NULL || !KN_LIST_CHECK(argv) || KN_SIZE(argv) == 0
        || !KN_STR_CHECK(KN_LIST_ITEMS(argv)[0])) {
        ob_err_clear();
        return NULL;
    }
    KnObject *script = KN_LIST_ITEMS(argv)[0];
    kn_ssize_t n = ob_str_length(script), start = n;
    while (start > 0 && ob_str_read_char(script, start - 1) != '/')
        start--;
    return ob_str_substring(script, start, n);
}

static int sl_openlog(KnObject *ident, long option, long facility)
{
    const char *s = NULL;
    if (ident == NULL || ident == KN_None)
        ident = sl_default_ident();
    if (ident != NULL && (s = ob_str_as_utf8(ident, NULL)) == NULL)
        return -1;
    sl_ident = ident;
    openlog(s, (int)option, (int)facility);
    sl_open = 1;
    return 0;
}

static KnObject *sl_openlog_fn(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"ident", "logoption", "facility", NULL};
    static const KnArgSpec spec = {"openlog", names, 0, 3, 0};
    KnObject *a[3] = {0};
    long option = 0, facility = LOG_USER;
    (void)m;
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    if (a[0] != NULL && a[0] != KN_None && !KN_STR_CHECK(a[0]))
        return ob_err_format(ob_exc_TypeError, "openlog() argument 1 must be str, not %s",
                             ob_type_name(KN_TYPE(a[0])));
    if ((a[1] != NULL && ux_long_arg(a[1], &option) < 0)
        || (a[2] != NULL && ux_long_arg(a[2], &facility) < 0))
        return NULL;
    return sl_openlog(a[0], option, facility) < 0 ? NULL : KN_None;
}

static KnObject *sl_syslog(KnObject *m, KnObject *const *args, kn_ssize_t nargs,
                           KnObject *kwnames)
{
    /* CPython's syslog is METH_VARARGS: its message has the bare name */
    if (kwnames != NULL && KN_SIZE(kwnames) > 0)
        return ob_err_format(ob_exc_TypeError, "syslog() takes no keyword arguments");
    (void)m;
    int priority = LOG_INFO;
    KnObject *message = NULL;
    if (nargs == 1 && KN_STR_CHECK(args[0])) {
        message = args[0];
    } else if (nargs == 2 && KN_STR_CHECK(args[1])) {
        if (ux_cint_arg(args[0], &priority) < 0)
            ob_err_clear();   /* any failure reads as the usage message */
        else
            message = args[1];
    }
    if (message == NULL) {
        ob_err_set_string(ob_exc_TypeError, "[priority,] message string");
        return NULL;
    }
    const char *text = ob_str_as_utf8(message, NULL);
    if (text == NULL)
        return NULL;
    if (!sl_open && sl_openlog(NULL, 0, LOG_USER) < 0)
        return NULL;
    syslog(priority, "%s", text);
    return KN_None;
}

static KnObject *sl_closelog(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    if (sl_open) {
        closelog();
        sl_ident = NULL;
        sl_open = 0;
    }
    return KN_None;
}

/* The "l" argument of setlogmask, LOG_MASK and LOG_UPTO. */
static int sl_long(KnObject *const *args, kn_ssize_t nargs, const char *fname, long *v)
{
    if (nargs != 1) {
        ob_err_format(ob_exc_TypeError, "%s() takes exactly 1 argument (%zd given)", fname, nargs);
        return -1;
    }
    return ux_long_arg(args[0], v);
}

static KnObject *sl_setlogmask(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    long mask;
    if (sl_long(args, nargs, "setlogmask", &mask) < 0)
        return NULL;
    return ob_int_from_long_long(setlogmask((int)mask));
}

/* LOG_MASK / LOG_UPTO compute in C int with the shift count taken modulo
 * 32, which is what CPython's (1 << pri) gives on x86-64. */
static KnObject *sl_log_mask(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    long pri;
    if (sl_long(args, nargs, "LOG_MASK", &pri) < 0)
        return NULL;
    return ob_int_from_long_long((int32_t)(1u << ((unsigned long)pri & 31)));
}

static KnObject *sl_log_upto(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    long pri;
    if (sl_long(args, nargs, "LOG_UPTO", &pri) < 0)
        return NULL;
    return ob_int_from_long_long((int32_t)((1u << ((unsigned long)(pri + 1) & 31)) - 1u));
}

static KnMethodDef sl_methods[] = {
    {"openlog", UX_FC(sl_openlog_fn), UX_KW, NULL},
    {"closelog", sl_closelog, KN_METH_NOARGS, NULL},
    {"syslog", UX_FC(sl_syslog), KN_METH_FASTCALL | KN_METH_KEYWORDS, NULL},
    {"setlogmask", UX_FC(sl_setlogmask), KN_METH_FASTCALL, NULL},
    {"LOG_MASK", UX_FC(sl_log_mask), KN_METH_FASTCALL, NULL},
    {"LOG_UPTO", UX_FC(sl_log_upto), KN_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL}
};

static const UxConst sl_consts[] = {
#define C(n) {#n, (long long)(n)},
    C(LOG_EMERG) C(LOG_ALERT) C(LOG_CRIT) C(LOG_ERR) C(LOG_WARNING) C(LOG_NOTICE)
    C(LOG_INFO) C(LOG_DEBUG) C(LOG_PID) C(LOG_CONS) C(LOG_NDELAY) C(LOG_ODELAY)
    C(LOG_NOWAIT) C(LOG_PERROR) C(LOG_KERN) C(LOG_USER) C(LOG_MAIL) C(LOG_DAEMON)
    C(LOG_AUTH) C(LOG_LPR) C(LOG_LOCAL0) C(LOG_LOCAL1) C(LOG_LOCAL2) C(LOG_LOCAL3)
    C(LOG_LOCAL4) C(LOG_LOCAL5) C(LOG_LOCAL6) C(LOG_LOCAL7) C(LOG_SYSLOG) C(LOG_CRON)
    C(LOG_UUCP) C(LOG_NEWS) C(LOG_AUTHPRIV)
#undef C
    {NULL, 0}
};

KnObject *kn_init_syslog(void)
{
    KnObject *mod = ob_module_new_cstr("syslog");
    if (mod == NULL || ob_module_add_functions(mod, sl_methods) < 0 || ux_add_consts(mod, sl_consts) < 0)
        return NULL;
    return mod;
}
