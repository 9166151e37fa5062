/*
 * ast_module.c — `_ast`: the node classes of CPython 3.11's ast module.
 *
 * Every class is an ordinary heap class made with ob_type_new from the
 * generated table ast_module_table.inc (tools/gen_ast_module.py reads
 * libparse/ast.def).  The base AST carries the constructor (positional
 * arguments fill _fields in order, keywords set attributes, missing
 * fields stay absent) and __reduce__; instances keep their fields in
 * their __dict__.  See NOTES-ast.md.
 */
#include <string.h>

#include "libobject/libobject.h"
#include "stdlib/ast.h"
#include "stdlib/modules.h"

#define FC(f) ((KnCFunction)(void (*)(void))(f))

enum { KN_AST_ABSTRACT, KN_AST_CONCRETE, KN_AST_PRODUCT };

typedef struct {
    const char *name, *base, *fields, *attributes, *optional;
    int kind;
    const char *doc;
} AstClassSpec;

static const AstClassSpec ast_specs[] = {
#include "ast_module_table.inc"
};
#define N_SPECS (sizeof ast_specs / sizeof ast_specs[0])

/* A tuple of the space-separated names in s. */
static KnObject *names_tuple(const char *s)
{
    kn_ssize_t n = 0;
    for (const char *p = s; *p;) {
        while (*p == ' ')
            p++;
        if (*p == '\0')
            break;
        n++;
        while (*p && *p != ' ')
            p++;
    }
    KnObject *t = ob_tuple_new(n);
    if (t == NULL)
        return NULL;
    kn_ssize_t i = 0;
    char buf[64];
    for (const char *p = s; *p;) {
        while (*p == ' ')
            p++;
        if (*p == '\0')
            break;
        size_t len = strcspn(p, " ");
        if (len >= sizeof buf)
            len = sizeof buf - 1;
        memcpy(buf, p, len);
        buf[len] = '\0';
        KnObject *name = ob_str_intern_cstr(buf);
        if (name == NULL)
            return NULL;
        KN_TUPLE_ITEMS(t)[i++] = name;
        p += len;
    }
    return t;
}

/* AST.__init__(self, *args, **kwargs) */
static KnObject *ast_init(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                          KnObject *kwnames)
{
    KnObject *fields = NULL;
    kn_ssize_t nfields = 0;
    int found = ob_lookup_attr((KnObject *)KN_TYPE(self), ob_str_intern_cstr("_fields"), &fields);
    if (found < 0)
        return NULL;
    if (found) {
        nfields = ob_length(fields);
        if (nfields < 0)
            return NULL;
    }
    if (nargs > nfields) {
        ob_err_format(ob_exc_TypeError, "%s constructor takes at most %zd positional argument%s",
                      KN_TYPE(self)->tp_name, nfields, nfields == 1 ? "" : "s");
        return NULL;
    }
    for (kn_ssize_t i = 0; i < nargs; i++) {
        KnObject *name = ob_sequence_getitem(fields, i);
        if (name == NULL || ob_setattr(self, name, args[i]) < 0)
            return NULL;
    }
    kn_ssize_t nkw = kwnames != NULL ? KN_SIZE(kwnames) : 0;
    for (kn_ssize_t i = 0; i < nkw; i++) {
        KnObject *key = KN_TUPLE_ITEMS(kwnames)[i];
        for (kn_ssize_t j = 0; j < nargs; j++) {
            KnObject *name = ob_sequence_getitem(fields, j);
            int same = name != NULL ? ob_richcompare_bool(name, key, KN_EQ) : -1;
            if (same < 0)
                return NULL;
            if (same) {
                ob_err_format(ob_exc_TypeError, "%s got multiple values for argument '%s'",
                              KN_TYPE(self)->tp_name, ob_str_as_utf8(key, NULL));
                return NULL;
            }
        }
        if (ob_setattr(self, key, args[nargs + i]) < 0)
            return NULL;
    }
    return KN_None;
}

/* AST.__new__(cls, *args, **kwargs): the arguments are __init__'s (as
 * CPython's generic tp_new), so a subclass __new__ may pass them on. */
static KnObject *ast_new(KnObject *unused, KnObject *const *args, kn_ssize_t nargs,
                         KnObject *kwnames)
{
    (void)unused;
    (void)kwnames;
    if (nargs < 1)
        return ob_err_format(ob_exc_TypeError, "AST.__new__(): not enough arguments");
    return ob_call_method((KnObject *)&ob_object_type, "__new__", 1, args[0]);
}

/* AST.__reduce__: (type(self), ()) or (type(self), (), __dict__). */
static KnObject *ast_reduce(KnObject *self, KnObject *unused)
{
    (void)unused;
    KnObject *dict = NULL;
    int found = ob_lookup_attr(self, ob_str_intern_cstr("__dict__"), &dict);
    if (found < 0)
        return NULL;
    KnObject *empty = ob_tuple_new(0);
    if (empty == NULL)
        return NULL;
    if (found)
        return ob_tuple_pack(3, (KnObject *)KN_TYPE(self), empty, dict);
    return ob_tuple_pack(2, (KnObject *)KN_TYPE(self), empty);
}

static KnMethodDef ast_init_def = {
    "__init__", FC(ast_init), KN_METH_FASTCALL | KN_METH_KEYWORDS,
    "Initialize self.  See help(type(self)) for accurate signature."
};
static KnMethodDef ast_new_def = {
    "__new__", FC(ast_new), KN_METH_FASTCALL | KN_METH_KEYWORDS,
    "Create and return a new object.  See help(type) for accurate signature."
};
static KnMethodDef ast_reduce_def = { "__reduce__", FC(ast_reduce), KN_METH_NOARGS,
                                      "Helper for pickle." };

static KnObject *make_class(const char *name, KnObject *base, KnObject *dict)
{
    KnObject *bases = base != NULL ? ob_tuple_pack(1, base) : ob_tuple_new(0);
    KnObject *pyname = ob_str_from_cstr(name);
    if (bases == NULL || pyname == NULL ||
        ob_dict_setitem_str(dict, "__module__", ob_str_from_cstr("ast")) < 0)
        return NULL;
    return ob_type_new(&ob_type_type, pyname, bases, dict);
}

/* One class from its table row, added to the module. */
static int add_spec(KnObject *m, const AstClassSpec *s)
{
    KnObject *dict = ob_dict_new();
    if (dict == NULL)
        return -1;
    KnObject *base = ob_dict_getitem_str(ob_module_get_dict(m), s->base);
    if (base == NULL) {
        ob_err_format(ob_exc_SystemError, "_ast: base %s of %s missing", s->base, s->name);
        return -1;
    }
    KnObject *fields = names_tuple(s->fields);
    if (fields == NULL || ob_dict_setitem_str(dict, "_fields", fields) < 0 ||
        ob_dict_setitem_str(dict, "__match_args__", fields) < 0)
        return -1;
    if (s->kind != KN_AST_CONCRETE) {
        KnObject *attrs = names_tuple(s->attributes);
        if (attrs == NULL || ob_dict_setitem_str(dict, "_attributes", attrs) < 0)
            return -1;
    }
    if (ob_dict_setitem_str(dict, "__doc__", ob_str_from_cstr(s->doc)) < 0)
        return -1;
    KnObject *opt = names_tuple(s->optional);
    if (opt == NULL)
        return -1;
    for (kn_ssize_t i = 0; i < KN_SIZE(opt); i++) {
        if (ob_dict_setitem(dict, KN_TUPLE_ITEMS(opt)[i], KN_None) < 0)
            return -1;
    }
    KnObject *cls = make_class(s->name, base, dict);
    if (cls == NULL)
        return -1;
    return ob_module_add_object(m, s->name, cls);
}

static KnObject *make_ast_base(void)
{
    KnObject *dict = ob_dict_new();
    KnObject *empty = ob_tuple_new(0);
    if (dict == NULL || empty == NULL || ob_dict_setitem_str(dict, "_fields", empty) < 0 ||
        ob_dict_setitem_str(dict, "_attributes", empty) < 0 ||
        ob_dict_setitem_str(dict, "__match_args__", empty) < 0)
        return NULL;
    KnObject *new_fn = ob_cfunction_new(&ast_new_def, NULL, NULL);
    if (new_fn == NULL || ob_dict_setitem_str(dict, "__new__", new_fn) < 0)
        return NULL;
    KnObject *cls = make_class("AST", NULL, dict);
    if (cls == NULL)
        return NULL;
    KnTypeObject *t = (KnTypeObject *)cls;
    KnObject *init = ob_descr_new_method(t, &ast_init_def);
    KnObject *reduce = ob_descr_new_method(t, &ast_reduce_def);
    if (init == NULL || reduce == NULL || ob_setattr_str(cls, "__init__", init) < 0 ||
        ob_setattr_str(cls, "__reduce__", reduce) < 0)
        return NULL;
    return cls;
}

/* Created once: kn_ast_from_source's trees must be instances of the very
 * classes `import _ast` hands out. */
static KnObject *ast_module;

KnObject *kn_init__ast(void)
{
    if (ast_module != NULL)
        return ast_module;
    KnObject *m = ob_module_new_cstr("_ast");
    if (m == NULL)
        return NULL;
    KnObject *base = make_ast_base();
    if (base == NULL || ob_module_add_object(m, "AST", base) < 0)
        return NULL;
    for (size_t i = 0; i < N_SPECS; i++) {
        if (add_spec(m, &ast_specs[i]) < 0)
            return NULL;
    }
    if (ob_module_add_object(m, "PyCF_ONLY_AST", ob_int_from_ssize(1024)) < 0 ||
        ob_module_add_object(m, "PyCF_TYPE_COMMENTS", ob_int_from_ssize(4096)) < 0 ||
        ob_module_add_object(m, "PyCF_ALLOW_TOP_LEVEL_AWAIT", ob_int_from_ssize(8192)) < 0)
        return NULL;
    ast_module = m;
    return m;
}
