/*
 * grp_module.c — the `grp` module: the group database (getgrgid,
 * getgrnam, getgrall) as grp.struct_group struct sequences whose gr_mem
 * is a list of member names.
 *
 * Unlike pwd.getpwuid, an out-of-range gid is an OverflowError here, as
 * in CPython; a missing group is a KeyError naming the argument.
 */
#include <grp.h>
#include <unistd.h>

#include "libgc/gc.h"
#include "structseq.h"
#include "unix_internal.h"

KnObject *kn_init_grp(void);

static KnTypeObject *grp_type;

static const char *const grp_fields[] = {"gr_name", "gr_passwd", "gr_gid", "gr_mem"};

static KnObject *grp_entry(const struct group *g)
{
    KnObject *mem = ob_list_new(0);
    if (mem == NULL)
        return NULL;
    for (char *const *p = g->gr_mem; p != NULL && *p != NULL; p++) {
        KnObject *s = ux_fsdecode(*p);
        if (s == NULL || ob_list_append(mem, s) < 0)
            return NULL;
    }
    KnObject *v[4] = {ux_fsdecode(g->gr_name), ux_fsdecode(g->gr_passwd),
                      ob_int_from_long_long(g->gr_gid), mem};
    for (int i = 0; i < 4; i++)
        if (v[i] == NULL)
            return NULL;
    return ss_new(grp_type, v);
}

/* 1 found, 0 absent, -1 with MemoryError (name NULL: by gid).  *buf
 * receives the storage out's strings point into; the caller keeps it. */
static int grp_lookup(const char *name, uint32_t gid, struct group *out, char **buf)
{
    long hint = sysconf(_SC_GETGR_R_SIZE_MAX);
    size_t size = hint > 0 ? (size_t)hint : 1024;
    for (;;) {
        *buf = kgc_alloc_atomic(size);
        if (*buf == NULL) {
            ob_err_nomemory();
            return -1;
        }
        struct group *res = NULL;
        int r = name ? getgrnam_r(name, out, *buf, size, &res)
                     : getgrgid_r((gid_t)gid, out, *buf, size, &res);
        if (r == ERANGE && size < ((size_t)1 << 24)) {
            size *= 2;
            continue;
        }
        return res != NULL;
    }
}

static KnObject *grp_getgrgid(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"id", NULL};
    static const KnArgSpec spec = {"getgrgid", names, 1, 1, 0};
    KnObject *a[1] = {0};
    uint32_t gid;
    (void)m;
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0 || ux_id_conv(a[0], "gid", &gid) < 0)
        return NULL;
    struct group g;
    char *buf;
    int r = grp_lookup(NULL, gid, &g, &buf);
    if (r < 0)
        return NULL;
    if (r == 0)
        return ob_err_format(ob_exc_KeyError, "getgrgid(): gid not found: %S", ob_number_index(a[0]));
    return grp_entry(&g);
}

static KnObject *grp_getgrnam(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"name", NULL};
    static const KnArgSpec spec = {"getgrnam", names, 1, 1, 0};
    KnObject *a[1] = {0};
    (void)m;
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    if (!KN_STR_CHECK(a[0]))
        return ob_err_format(ob_exc_TypeError, "getgrnam() argument 'name' must be str, not %s",
                             ux_arg_type_name(a[0]));
    KnObject *keep;
    const char *name = ux_fsencode(a[0], &keep);
    if (name == NULL)
        return NULL;
    struct group g;
    char *buf;
    int r = grp_lookup(name, 0, &g, &buf);
    if (r < 0)
        return NULL;
    if (r == 0)
        return ob_err_format(ob_exc_KeyError, "getgrnam(): name not found: %R", a[0]);
    return grp_entry(&g);
}

static KnObject *grp_getgrall(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    KnObject *list = ob_list_new(0);
    if (list == NULL)
        return NULL;
    setgrent();
    struct group *g;
    while ((g = getgrent()) != NULL) {
        KnObject *e = grp_entry(g);
        if (e == NULL || ob_list_append(list, e) < 0) {
            endgrent();
            return NULL;
        }
    }
    endgrent();
    return list;
}

static KnMethodDef grp_methods[] = {
    {"getgrgid", UX_FC(grp_getgrgid), UX_KW,
     "Return the group database entry for the given numeric group ID.\n\n"
     "If id is not valid, raise KeyError."},
    {"getgrnam", UX_FC(grp_getgrnam), UX_KW,
     "Return the group database entry for the given group name.\n\n"
     "If name is not valid, raise KeyError."},
    {"getgrall", grp_getgrall, KN_METH_NOARGS,
     "Return a list of all available group entries, in arbitrary order.\n\n"
     "An entry whose name starts with '+' or '-' represents an instruction\n"
     "to use YP/NIS and may not be accessible via getgrnam or getgrgid."},
    {NULL, NULL, 0, NULL}
};

static const char grp_doc[] =
    "Access to the Unix group database.\n\n"
    "Group entries are reported as 4-tuples containing the following fields\n"
    "from the group database, in order:\n\n"
    "  gr_name   - name of the group\n"
    "  gr_passwd - group password (encrypted); often empty\n"
    "  gr_gid    - numeric ID of the group\n"
    "  gr_mem    - list of members\n\n"
    "The gid is an integer, name and password are strings.  (Note that most\n"
    "users are not explicitly listed as members of the groups they are in\n"
    "according to the password database.  Check both databases to get\n"
    "complete membership information.)";

KnObject *kn_init_grp(void)
{
    if (grp_type == NULL) {
        grp_type = ss_new_type("grp.struct_group",
                               "grp.struct_group: Results from getgr*() routines.\n\n"
                               "This object may be accessed either as a tuple of\n"
                               "  (gr_name,gr_passwd,gr_gid,gr_mem)\n"
                               "or via the object attributes as named in the above tuple.\n",
                               grp_fields, 4, 4);
        if (grp_type == NULL)
            return NULL;
    }
    KnObject *mod = ob_module_new_cstr("grp");
    if (mod == NULL || ob_module_add_functions(mod, grp_methods) < 0
        || ob_module_add_object(mod, "__doc__", ob_str_from_cstr(grp_doc)) < 0
        || ob_module_add_object(mod, "struct_group", (KnObject *)grp_type) < 0)
        return NULL;
    return mod;
}
