/*
 * pwd_module.c — the `pwd` module: the password database (getpwuid,
 * getpwnam, getpwall) as pwd.struct_passwd struct sequences.
 *
 * Lookups use the reentrant getpw*_r calls with a scratch buffer that
 * grows on ERANGE; a missing entry is a KeyError worded as CPython's.
 */
#include <pwd.h>
#include <unistd.h>

#include "libgc/gc.h"
#include "structseq.h"
#include "unix_internal.h"

KnObject *kn_init_pwd(void);

static KnTypeObject *pwd_type;

static const char *const pwd_fields[] = {
    "pw_name", "pw_passwd", "pw_uid", "pw_gid", "pw_gecos", "pw_dir", "pw_shell",
};

static KnObject *pwd_entry(const struct passwd *p)
{
    KnObject *v[7] = {
        ux_fsdecode(p->pw_name), ux_fsdecode(p->pw_passwd),
        ob_int_from_long_long(p->pw_uid), ob_int_from_long_long(p->pw_gid),
        ux_fsdecode(p->pw_gecos), ux_fsdecode(p->pw_dir), ux_fsdecode(p->pw_shell),
    };
    for (int i = 0; i < 7; i++)
        if (v[i] == NULL)
            return NULL;
    return ss_new(pwd_type, v);
}

/* One lookup by uid (name NULL) or by name: 1 found, 0 absent, -1 with
 * MemoryError. */
static int pwd_lookup(const char *name, uint32_t uid, struct passwd *out, char **buf)
{
    long hint = sysconf(_SC_GETPW_R_SIZE_MAX);
    size_t size = hint > 0 ? (size_t)hint : 1024;
    for (;;) {
        *buf = kgc_alloc_atomic(size);
        if (*buf == NULL) {
            ob_err_nomemory();
            return -1;
        }
        struct passwd *res = NULL;
        int r = name ? getpwnam_r(name, out, *buf, size, &res)
                     : getpwuid_r((uid_t)uid, out, *buf, size, &res);
        if (r == ERANGE && size < ((size_t)1 << 24)) {
            size *= 2;
            continue;
        }
        return res != NULL;
    }
}

static KnObject *pwd_getpwuid(KnObject *m, KnObject *arg)
{
    (void)m;
    uint32_t uid;
    if (ux_id_conv(arg, "uid", &uid) < 0) {
        if (ob_err_matches((KnObject *)ob_exc_OverflowError)) {
            ob_err_clear();
            ob_err_set_string(ob_exc_KeyError, "getpwuid(): uid not found");
        }
        return NULL;
    }
    struct passwd pw;
    char *buf;
    int r = pwd_lookup(NULL, uid, &pw, &buf);
    if (r < 0)
        return NULL;
    if (r == 0)
        return ob_err_format(ob_exc_KeyError, "getpwuid(): uid not found: %lld",
                             uid == UINT32_MAX ? -1LL : (long long)uid);
    return pwd_entry(&pw);
}

static KnObject *pwd_getpwnam(KnObject *m, KnObject *arg)
{
    (void)m;
    if (!KN_STR_CHECK(arg))
        return ob_err_format(ob_exc_TypeError, "getpwnam() argument must be str, not %s",
                             ux_arg_type_name(arg));
    KnObject *keep;
    const char *name = ux_fsencode(arg, &keep);
    if (name == NULL)
        return NULL;
    struct passwd pw;
    char *buf;
    int r = pwd_lookup(name, 0, &pw, &buf);
    if (r < 0)
        return NULL;
    if (r == 0)
        return ob_err_format(ob_exc_KeyError, "getpwnam(): name not found: %R", arg);
    return pwd_entry(&pw);
}

static KnObject *pwd_getpwall(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    KnObject *list = ob_list_new(0);
    if (list == NULL)
        return NULL;
    setpwent();
    struct passwd *p;
    while ((p = getpwent()) != NULL) {
        KnObject *e = pwd_entry(p);
        if (e == NULL || ob_list_append(list, e) < 0) {
            endpwent();
            return NULL;
        }
    }
    endpwent();
    return list;
}

static KnMethodDef pwd_methods[] = {
    {"getpwuid", pwd_getpwuid, KN_METH_O,
     "Return the password database entry for the given numeric user ID.\n\n"
     "See `help(pwd)` for more on password database entries."},
    {"getpwnam", pwd_getpwnam, KN_METH_O,
     "Return the password database entry for the given user name.\n\n"
     "See `help(pwd)` for more on password database entries."},
    {"getpwall", pwd_getpwall, KN_METH_NOARGS,
     "Return a list of all available password database entries, in arbitrary order.\n\n"
     "See help(pwd) for more on password database entries."},
    {NULL, NULL, 0, NULL}
};

static const char pwd_doc[] =
    "This module provides access to the Unix password database.\n"
    "It is available on all Unix versions.\n\n"
    "Password database entries are reported as 7-tuples containing the following\n"
    "items from the password database (see `<pwd.h>'), in order:\n"
    "pw_name, pw_passwd, pw_uid, pw_gid, pw_gecos, pw_dir, pw_shell.\n"
    "The uid and gid items are integers, all others are strings. An\n"
    "exception is raised if the entry asked for cannot be found.";

KnObject *kn_init_pwd(void)
{
    if (pwd_type == NULL) {
        pwd_type = ss_new_type("pwd.struct_passwd",
                               "pwd.struct_passwd: Results from getpw*() routines.\n\n"
                               "This object may be accessed either as a tuple of\n"
                               "  (pw_name,pw_passwd,pw_uid,pw_gid,pw_gecos,pw_dir,pw_shell)\n"
                               "or via the object attributes as named in the above tuple.",
                               pwd_fields, 7, 7);
        if (pwd_type == NULL)
            return NULL;
    }
    KnObject *mod = ob_module_new_cstr("pwd");
    if (mod == NULL || ob_module_add_functions(mod, pwd_methods) < 0
        || ob_module_add_object(mod, "__doc__", ob_str_from_cstr(pwd_doc)) < 0
        || ob_module_add_object(mod, "struct_passwd", (KnObject *)pwd_type) < 0)
        return NULL;
    return mod;
}
