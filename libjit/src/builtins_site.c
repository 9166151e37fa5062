/* builtins_site.c — exit() and quit(), the names CPython's site.py adds to
 * builtins (type _sitebuiltins.Quitter).  Kiln cannot run site.py until
 * the import system exists, so start-up adds these two itself (and, as
 * with CPython, not under -S).  Calling one closes sys.stdin and raises
 * SystemExit(code). */
#include <stddef.h>

#include "builtins.h"

typedef struct {
    KN_OBJECT_HEAD;
    KnObject *name;     /* "exit" / "quit" */
    KnObject *eof;      /* "Ctrl-D (i.e. EOF)" */
    KnObject *dict;
} QuitterObject;

static KnObject *quitter_repr(KnObject *self)
{
    QuitterObject *q = (QuitterObject *)self;
    return ob_str_from_format("Use %U() or %U to exit", q->name, q->eof);
}

static KnObject *quitter_call(KnObject *self, KnObject *args, KnObject *kwargs)
{
    static const char *const names[] = { "code", NULL };
    static const KnArgSpec spec = { "Quitter.__call__", names, 0, -1, KN_ARGS_PYSTYLE };
    KnObject *code[1];
    if (KN_SIZE(args) > 1)
        return ob_err_format(ob_exc_TypeError,
                             "Quitter.__call__() takes from 1 to 2 positional arguments but "
                             "%zd were given", KN_SIZE(args) + 1);
    if (ob_args_parse_tuple(&spec, args, kwargs, code) < 0)
        return NULL;
    /* site's Quitter closes stdin first (it may be the terminal) and
     * ignores any failure to do so. */
    KnObject *in = jit_sys_get("stdin");
    if (in != NULL && in != KN_None && ob_call_method(in, "close", 0) == NULL)
        ob_err_clear();
    if (code[0] == NULL || code[0] == KN_None)
        ob_err_set_none(ob_exc_SystemExit);
    else
        ob_err_set_object(ob_exc_SystemExit, code[0]);
    return NULL;
}

static KnMemberDef quitter_members[] = {
    { "name", KN_T_OBJECT, offsetof(QuitterObject, name), KN_READONLY, NULL },
    { "eof", KN_T_OBJECT, offsetof(QuitterObject, eof), KN_READONLY, NULL },
    { NULL, 0, 0, 0, NULL },
};

static KnTypeObject quitter_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_sitebuiltins.Quitter",
    .tp_basicsize = sizeof(QuitterObject),
    .tp_repr = quitter_repr,
    .tp_call = quitter_call,
    .tp_getattro = ob_generic_getattr,
    .tp_setattro = ob_generic_setattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_members = quitter_members,
    .tp_dictoffset = offsetof(QuitterObject, dict),
};

int jit_builtins_add_site_names(KnObject *builtins_dict)
{
    if (!(quitter_type.tp_flags & KN_TPFLAGS_READY) && ob_type_ready(&quitter_type) < 0)
        return -1;
    static const char *const names[] = { "exit", "quit" };
    for (int i = 0; i < 2; i++) {
        QuitterObject *q = (QuitterObject *)ob_alloc(&quitter_type, 0);
        if (q == NULL || (q->name = ob_str_from_cstr(names[i])) == NULL
            || (q->eof = ob_str_from_cstr("Ctrl-D (i.e. EOF)")) == NULL
            || ob_dict_setitem_str(builtins_dict, names[i], (KnObject *)q) < 0)
            return -1;
    }
    return 0;
}
