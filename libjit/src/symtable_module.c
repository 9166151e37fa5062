/* symtable_module.c — the `_symtable` built-in module (what the stdlib's
 * symtable.py wraps): symtable(source, filename, mode) runs libjit's own
 * symbol-table pass (symtable.c) over freshly parsed, unoptimised source
 * and returns the tree as `symtable entry` objects.
 *
 * Kiln's flag bits and scope numbers are its own; this file translates
 * them to CPython 3.11's values (DEF_* bits, scope << SCOPE_OFF), which are
 * the module's public constants.  Scope names follow CPython's: the
 * synthetic "<lambda>" / "<listcomp>" ... scopes are reported without the
 * angle brackets ("lambda", "listcomp"), the module is "top" at line 0. */
#include <stdint.h>
#include <string.h>

#include "builtins.h"
#include "compile.h"
#include "libparse/parser.h"
#include "symtable.h"

/* CPython 3.11's values (Include/internal/pycore_symtable.h facts). */
enum {
    PY_DEF_GLOBAL = 1, PY_DEF_LOCAL = 2, PY_DEF_PARAM = 4, PY_DEF_NONLOCAL = 8,
    PY_USE = 0x10, PY_DEF_FREE = 0x20, PY_DEF_FREE_CLASS = 0x40, PY_DEF_IMPORT = 0x80,
    PY_DEF_ANNOT = 0x100, PY_DEF_COMP_ITER = 0x200,
    PY_SCOPE_OFF = 11, PY_SCOPE_MASK = 0xf,
    PY_LOCAL = 1, PY_GLOBAL_EXPLICIT = 2, PY_GLOBAL_IMPLICIT = 3, PY_FREE = 4, PY_CELL = 5,
    PY_TYPE_FUNCTION = 0, PY_TYPE_CLASS = 1, PY_TYPE_MODULE = 2,
};

typedef struct {
    KN_OBJECT_HEAD;
    KnObject *id, *name, *symbols, *varnames, *children, *nested, *type, *lineno;
} SymtableEntry;

static KnObject *entry_repr(KnObject *self)
{
    SymtableEntry *e = (SymtableEntry *)self;
    return ob_str_from_format("<symtable entry %U(%R), line %R>", e->name, e->id, e->lineno);
}

#define MEMBER(n) { #n, KN_T_OBJECT, offsetof(SymtableEntry, n), KN_READONLY, NULL }
static KnMemberDef entry_members[] = {
    MEMBER(id), MEMBER(name), MEMBER(symbols), MEMBER(varnames), MEMBER(children),
    MEMBER(nested), MEMBER(type), MEMBER(lineno),
    { NULL, 0, 0, 0, NULL },
};
#undef MEMBER

static KnTypeObject entry_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "symtable entry",
    .tp_basicsize = sizeof(SymtableEntry),
    .tp_repr = entry_repr,
    .tp_members = entry_members,
    .tp_flags = KN_TPFLAGS_DEFAULT,
};

static int translate_flags(int kf)
{
    int f = 0;
    if (kf & JIT_DEF_GLOBAL) f |= PY_DEF_GLOBAL;
    if (kf & JIT_DEF_LOCAL) f |= PY_DEF_LOCAL;
    if (kf & JIT_DEF_PARAM) f |= PY_DEF_PARAM;
    if (kf & JIT_DEF_NONLOCAL) f |= PY_DEF_NONLOCAL;
    if (kf & JIT_USE) f |= PY_USE;
    if (kf & JIT_DEF_FREE_CLASS) f |= PY_DEF_FREE_CLASS;
    if (kf & JIT_DEF_IMPORT) f |= PY_DEF_IMPORT;
    if (kf & JIT_DEF_ANNOT) f |= PY_DEF_ANNOT;
    if (kf & JIT_DEF_COMP_ITER) f |= PY_DEF_COMP_ITER;
    return f;
}

static int translate_scope(int scope)
{
    switch (scope) {
    case JIT_SCOPE_LOCAL: return PY_LOCAL;
    case JIT_SCOPE_GLOBAL_EXPLICIT: return PY_GLOBAL_EXPLICIT;
    case JIT_SCOPE_GLOBAL_IMPLICIT: return PY_GLOBAL_IMPLICIT;
    case JIT_SCOPE_FREE: return PY_FREE;
    case JIT_SCOPE_CELL: return PY_CELL;
    default: return 0;
    }
}

static KnObject *cstr(const char *s)
{
    return ob_str_decode_utf8(s, (kn_ssize_t)strlen(s), "surrogateescape");
}

static KnObject *entry_from_ste(const jit_ste *ste)
{
    SymtableEntry *e = (SymtableEntry *)ob_type_generic_alloc(&entry_type, 0);
    if (e == NULL)
        return NULL;
    const char *name = ste->name;
    size_t nlen = strlen(name);
    KnObject *n = (nlen > 2 && name[0] == '<' && name[nlen - 1] == '>')
                  ? ob_str_decode_utf8(name + 1, (kn_ssize_t)nlen - 2, "surrogateescape")
                  : cstr(name);
    e->name = n;
    e->id = ob_int_from_unsigned_long_long((unsigned long long)(uintptr_t)ste->key);
    e->lineno = ob_int_from_ssize(ste->type == JIT_BLOCK_MODULE ? 0 : ste->lineno);
    e->nested = ob_int_from_ssize(ste->is_nested);
    e->type = ob_int_from_ssize(ste->type == JIT_BLOCK_MODULE ? PY_TYPE_MODULE
                                : ste->type == JIT_BLOCK_CLASS ? PY_TYPE_CLASS : PY_TYPE_FUNCTION);
    e->symbols = ob_dict_new();
    e->varnames = ob_list_new(0);
    e->children = ob_list_new(0);
    if (!e->name || !e->id || !e->lineno || !e->nested || !e->type || !e->symbols
        || !e->varnames || !e->children)
        return NULL;
    for (int i = 0; i < ste->symbols.len; i++) {
        int flags = translate_flags(ste->symbols.vals[i])
                    | translate_scope(ste->scopes ? ste->scopes[i] : 0) << PY_SCOPE_OFF;
        KnObject *k = cstr(ste->symbols.keys[i]), *v = ob_int_from_ssize(flags);
        if (!k || !v || ob_dict_setitem(e->symbols, k, v) < 0)
            return NULL;
    }
    for (int i = 0; i < ste->nparams; i++) {
        KnObject *p = cstr(ste->params[i]);
        if (!p || ob_list_append(e->varnames, p) < 0)
            return NULL;
    }
    for (int i = 0; i < ste->nchildren; i++) {
        if (ob_enter_recursive_call(" in symtable") < 0)
            return NULL;
        KnObject *c = entry_from_ste(ste->children[i]);
        ob_leave_recursive_call();
        if (!c || ob_list_append(e->children, c) < 0)
            return NULL;
    }
    return (KnObject *)e;
}

static KnObject *st_symtable(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    if (ob_args_check_positional("symtable", nargs, 3, 3) < 0)
        return NULL;
    KnObject *src = args[0], *fn = args[1], *mode = args[2];
    const char *text;
    kn_ssize_t len;
    if (KN_STR_CHECK(src)) {
        text = ob_str_as_utf8(src, &len);
    } else if (KN_BYTES_CHECK(src)) {
        text = KN_BYTES_AS_STRING(src);
        len = KN_SIZE(src);
    } else {
        return ob_err_format(ob_exc_TypeError,
                             "symtable() arg 1 must be a string or bytes object");
    }
    if (text == NULL)
        return NULL;
    if (memchr(text, '\0', (size_t)len) != NULL)
        return ob_err_format(ob_exc_ValueError, "source code string cannot contain null bytes");
    if (!KN_STR_CHECK(fn) && !KN_BYTES_CHECK(fn)) {
        fn = ob_call_method(fn, "__fspath__", 0);    /* os.PathLike */
        if (fn == NULL || (!KN_STR_CHECK(fn) && !KN_BYTES_CHECK(fn))) {
            ob_err_clear();
            return ob_err_format(ob_exc_TypeError,
                                 "expected str, bytes or os.PathLike object, not %.200s",
                                 ob_type_name(KN_TYPE(args[1])));
        }
    }
    const char *filename = KN_STR_CHECK(fn) ? ob_str_as_utf8(fn, NULL) : KN_BYTES_AS_STRING(fn);
    if (filename == NULL)
        return NULL;
    if (!KN_STR_CHECK(mode))
        return ob_err_format(ob_exc_TypeError,
                             "symtable() argument 3 must be str, not %.200s",
                             ob_type_name(KN_TYPE(mode)));
    const char *ms = ob_str_as_utf8(mode, NULL);
    ps_mode pm;
    if (strcmp(ms, "exec") == 0)
        pm = PS_MODE_EXEC;
    else if (strcmp(ms, "eval") == 0)
        pm = PS_MODE_EVAL;
    else if (strcmp(ms, "single") == 0)
        pm = PS_MODE_SINGLE;
    else
        return ob_err_format(ob_exc_ValueError,
                             "symtable() arg 3 must be 'exec' or 'eval' or 'single'");
    ps_arena *arena = ps_arena_new();
    if (arena == NULL)
        return ob_err_nomemory();
    ps_error err;
    ps_error_init(&err);
    KnObject *result = NULL;
    ps_mod *mod = ps_parse(text, (size_t)len, filename, pm,
                           KN_STR_CHECK(src) ? PS_INPUT_IS_UTF8_STR : 0, arena, &err);
    jit_symtable *st = mod ? jit_symtable_build(mod, filename, text, (size_t)len, 0, arena, &err)
                           : NULL;
    if (st == NULL)
        jit_compile_raise_error(&err, filename);
    else
        result = entry_from_ste(st->top);
    ps_error_clear(&err);
    ps_arena_free(arena);
    return result;
}

static KnMethodDef symtable_methods[] = {
    { "symtable", (KnCFunction)(void (*)(void))st_symtable, KN_METH_FASTCALL,
      "Return symbol and scope dictionaries used internally by compiler." },
    { NULL, NULL, 0, NULL },
};

KnObject *kn_init__symtable(void)
{
    if (ob_type_ready(&entry_type) < 0)
        return NULL;
    KnObject *m = ob_module_new_cstr("_symtable");
    if (m == NULL || ob_module_add_functions(m, symtable_methods) < 0)
        return NULL;
    static const struct { const char *name; int value; } consts[] = {
        {"USE", PY_USE}, {"DEF_GLOBAL", PY_DEF_GLOBAL}, {"DEF_NONLOCAL", PY_DEF_NONLOCAL},
        {"DEF_LOCAL", PY_DEF_LOCAL}, {"DEF_PARAM", PY_DEF_PARAM}, {"DEF_FREE", PY_DEF_FREE},
        {"DEF_FREE_CLASS", PY_DEF_FREE_CLASS}, {"DEF_IMPORT", PY_DEF_IMPORT},
        {"DEF_BOUND", PY_DEF_LOCAL | PY_DEF_PARAM | PY_DEF_IMPORT}, {"DEF_ANNOT", PY_DEF_ANNOT},
        {"TYPE_FUNCTION", PY_TYPE_FUNCTION}, {"TYPE_CLASS", PY_TYPE_CLASS},
        {"TYPE_MODULE", PY_TYPE_MODULE}, {"SCOPE_OFF", PY_SCOPE_OFF},
        {"SCOPE_MASK", PY_SCOPE_MASK}, {"LOCAL", PY_LOCAL},
        {"GLOBAL_EXPLICIT", PY_GLOBAL_EXPLICIT}, {"GLOBAL_IMPLICIT", PY_GLOBAL_IMPLICIT},
        {"FREE", PY_FREE}, {"CELL", PY_CELL},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) {
        KnObject *v = ob_int_from_ssize(consts[i].value);
        if (v == NULL || ob_module_add_object(m, consts[i].name, v) < 0)
            return NULL;
    }
    return m;
}
