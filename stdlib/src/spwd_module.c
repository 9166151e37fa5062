/*
 * spwd_module.c — the `spwd` module: the shadow password database
 * (getspnam, getspall) as spwd.struct_spwd struct sequences.
 *
 * Only root may read /etc/shadow: getspnam then fails with errno set and
 * raises the errno-selected OSError (PermissionError), while a name that
 * is simply absent is a KeyError.  struct_spwd has nine visible fields
 * plus sp_nam / sp_pwd, aliases of the first two reachable by name.
 * Importing warns (DeprecationWarning), as 3.11's spwd does.
 */
#include <shadow.h>

#include "structseq.h"
#include "unix_internal.h"

KnObject *kn_init_spwd(void);

static KnTypeObject *spwd_type;

static const char *const spwd_fields[] = {
    "sp_namp", "sp_pwdp", "sp_lstchg", "sp_min", "sp_max", "sp_warn",
    "sp_inact", "sp_expire", "sp_flag", "sp_nam", "sp_pwd",
};

static KnObject *spwd_entry(const struct spwd *p)
{
    KnObject *v[11] = {
        ux_fsdecode(p->sp_namp), ux_fsdecode(p->sp_pwdp),
        ob_int_from_long_long(p->sp_lstchg), ob_int_from_long_long(p->sp_min),
        ob_int_from_long_long(p->sp_max), ob_int_from_long_long(p->sp_warn),
        ob_int_from_long_long(p->sp_inact), ob_int_from_long_long(p->sp_expire),
        ob_int_from_long_long((long)p->sp_flag), NULL, NULL,
    };
    for (int i = 0; i < 9; i++)
        if (v[i] == NULL)
            return NULL;
    v[9] = v[0];
    v[10] = v[1];
    return ss_new(spwd_type, v);
}

static KnObject *spwd_getspnam(KnObject *m, KnObject *arg)
{
    (void)m;
    if (!KN_STR_CHECK(arg))
        return ob_err_format(ob_exc_TypeError, "getspnam() argument must be str, not %s",
                             ux_arg_type_name(arg));
    KnObject *keep;
    const char *name = ux_fsencode(arg, &keep);
    if (name == NULL)
        return NULL;
    errno = 0;
    struct spwd *p = getspnam(name);
    if (p == NULL) {
        if (errno != 0)
            return ux_oserror();
        ob_err_set_string(ob_exc_KeyError, "getspnam(): name not found");
        return NULL;
    }
    return spwd_entry(p);
}

static KnObject *spwd_getspall(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    KnObject *list = ob_list_new(0);
    if (list == NULL)
        return NULL;
    setspent();
    struct spwd *p;
    while ((p = getspent()) != NULL) {
        KnObject *e = spwd_entry(p);
        if (e == NULL || ob_list_append(list, e) < 0) {
            endspent();
            return NULL;
        }
    }
    endspent();
    return list;
}

static KnMethodDef spwd_methods[] = {
    {"getspnam", spwd_getspnam, KN_METH_O,
     "Return the shadow password database entry for the given user name.\n\n"
     "See `help(spwd)` for more on shadow password database entries."},
    {"getspall", spwd_getspall, KN_METH_NOARGS,
     "Return a list of all available shadow password database entries, in arbitrary order.\n\n"
     "See `help(spwd)` for more on shadow password database entries."},
    {NULL, NULL, 0, NULL}
};

static const char spwd_doc[] =
    "This module provides access to the Unix shadow password database.\n"
    "It is available on various Unix versions.\n\n"
    "Shadow password database entries are reported as 9-tuples of type struct_spwd,\n"
    "containing the following items from the password database (see `<shadow.h>'):\n"
    "sp_namp, sp_pwdp, sp_lstchg, sp_min, sp_max, sp_warn, sp_inact, sp_expire, sp_flag.\n"
    "The sp_namp and sp_pwdp are strings, the rest are integers.\n"
    "An exception is raised if the entry asked for cannot be found.\n"
    "You have to be root to be able to use this module.";

KnObject *kn_init_spwd(void)
{
    if (spwd_type == NULL) {
        spwd_type = ss_new_type("spwd.struct_spwd",
                                "spwd.struct_spwd: Results from getsp*() routines.\n\n"
                                "This object may be accessed either as a 9-tuple of\n"
                                "  (sp_namp,sp_pwdp,sp_lstchg,sp_min,sp_max,sp_warn,sp_inact,sp_expire,sp_flag)\n"
                                "or via the object attributes as named in the above tuple.",
                                spwd_fields, 11, 9);
        if (spwd_type == NULL)
            return NULL;
    }
    /* Level 2 skips the importlib frames that run this init, so the
     * warning names the importing line, as CPython's does (and shows by
     * default when that line is in __main__). */
    if (ob_err_warn((KnObject *)ob_exc_DeprecationWarning,
                    "'spwd' is deprecated and slated for removal in Python 3.13", 2) < 0)
        return NULL;
    KnObject *mod = ob_module_new_cstr("spwd");
    if (mod == NULL || ob_module_add_functions(mod, spwd_methods) < 0
        || ob_module_add_object(mod, "__doc__", ob_str_from_cstr(spwd_doc)) < 0
        || ob_module_add_object(mod, "struct_spwd", (KnObject *)spwd_type) < 0)
        return NULL;
    return mod;
}
