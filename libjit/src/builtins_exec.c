/* builtins_exec.c — builtins that compile and run code, and the two hooks
 * the compiler emits calls to: compile exec eval __import__ __build_class__.
 *
 * compile/exec/eval take source text (str, bytes, bytearray) or code
 * objects; compile() also takes ast trees, through the hook `_ast`
 * registers (jit_set_ast_tree_hook).  __import__ only knows the modules already in sys.modules
 * (builtins, sys) until the import system lands (importlib._bootstrap
 * driven by _imp, _io, marshal, posix). */
#include <string.h>

#include "builtins.h"
#include "code.h"
#include "eval.h"
#include "libgc/gc.h"
#include "libparse/arena.h"

/* CPython's PyCF_* compile() flags that are ours to check. */
#define CF_ONLY_AST 0x0400
#define CF_TYPE_COMMENTS 0x1000
#define CF_ALLOW_TOP_LEVEL_AWAIT 0x2000
#define CF_ALLOW_INCOMPLETE_INPUT 0x4000
#define CF_DONT_IMPLY_DEDENT 0x0200
#define CF_SOURCE_IS_UTF8 0x0100
#define CF_IGNORE_COOKIE 0x0800
#define CF_FUTURE_MASK 0x3fe0000        /* CO_FUTURE_* bits */
#define CF_KNOWN (CF_ONLY_AST | CF_TYPE_COMMENTS | CF_ALLOW_TOP_LEVEL_AWAIT \
                  | CF_ALLOW_INCOMPLETE_INPUT | CF_DONT_IMPLY_DEDENT | CF_SOURCE_IS_UTF8 \
                  | CF_IGNORE_COOKIE | CF_FUTURE_MASK)

/* CPython's PyCF_MASK: the __future__ flags a compile() inherits from the
 * code calling it (unless dont_inherit), and exec/eval of text always. */
#define CF_INHERITED_FUTURES 0x1fe0000

static int inherited_flags(void)
{
    jit_frame *f = jit_frame_current();
    return f != NULL ? f->code->co_flags & CF_INHERITED_FUTURES : 0;
}

/* The bytes of a source argument; NULL without error when `src` is not
 * text (the caller words the TypeError). */
static const char *source_bytes(KnObject *src, kn_ssize_t *len, int *is_text)
{
    *is_text = 1;
    if (KN_STR_CHECK(src))
        return ob_str_as_utf8(src, len);
    if (KN_BYTES_CHECK(src)) {
        *len = KN_SIZE(src);
        return KN_BYTES_AS_STRING(src);
    }
    if (&ob_bytearray_type != NULL && KN_TYPE_CHECK(src, &ob_bytearray_type)) {
        *len = KN_SIZE(src);
        char *copy = kgc_alloc_atomic((size_t)*len + 1);
        if (copy == NULL) {
            ob_err_nomemory();
            return NULL;
        }
        if (*len > 0)
            memcpy(copy, ((KnByteArrayObject *)src)->ob_start, (size_t)*len);
        copy[*len] = '\0';
        return copy;
    }
    *is_text = 0;
    return NULL;
}

static int check_no_nul(const char *s, kn_ssize_t len)
{
    if (memchr(s, '\0', (size_t)len) == NULL)
        return 0;
    ob_err_set_string(ob_exc_ValueError, "source code string cannot contain null bytes");
    return -1;
}

static jit_ast_hook ast_hook;

void jit_set_ast_hook(jit_ast_hook hook)
{
    ast_hook = hook;
}

static jit_ast_tree_hook tree_hook;

void jit_set_ast_tree_hook(jit_ast_tree_hook hook)
{
    tree_hook = hook;
}

/* compile(<ast node>): the node itself under PyCF_ONLY_AST, else the tree
 * converted, validated and compiled.  *done = 0 when src is no ast node. */
static KnObject *compile_ast_object(KnObject *src, int ast_mode, const char *filename,
                                    jit_mode mode, int flags, int optimize, int *done)
{
    *done = 0;
    if (tree_hook == NULL || KN_STR_CHECK(src) || KN_BYTES_CHECK(src))
        return NULL;
    int is_ast = tree_hook(src, ast_mode, NULL, NULL);
    if (is_ast <= 0) {
        *done = is_ast < 0;
        return NULL;
    }
    *done = 1;
    if (flags & CF_ONLY_AST)
        return src;
    ps_arena *arena = ps_arena_new();
    if (arena == NULL)
        return ob_err_nomemory();
    struct ps_mod *mod = NULL;
    KnObject *code = NULL;
    if (tree_hook(src, ast_mode, arena, &mod) > 0)
        code = jit_compile_tree(mod, arena, filename, mode, flags, optimize);
    ps_arena_free(arena);
    return code;
}

static int is_code(KnObject *o)
{
    return KN_TYPE(o) == &jit_code_type;
}

static KnObject *compile_text(const char *s, kn_ssize_t len, const char *filename,
                              jit_mode mode, int flags, int optimize)
{
    if (check_no_nul(s, len) < 0)
        return NULL;
    return jit_compile_source(s, (size_t)len, filename, mode, flags, optimize);
}

static KnObject *bi_compile(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                            KnObject *kwnames)
{
    static const char *const names[] = { "source", "filename", "mode", "flags",
                                         "dont_inherit", "optimize", "_feature_version",
                                         NULL };
    static const KnArgSpec spec = { "compile", names, 3, 6, 0 };
    KnObject *a[7];
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    KnObject *fn = a[1];
    const char *filename;
    if (KN_STR_CHECK(fn)) {
        if ((filename = ob_str_as_utf8(fn, NULL)) == NULL)
            return NULL;
    } else if (KN_BYTES_CHECK(fn)) {
        filename = KN_BYTES_AS_STRING(fn);
    } else {
        return ob_err_format(ob_exc_TypeError,
                             "expected str, bytes or os.PathLike object, not %s",
                             ob_type_name(KN_TYPE(fn)));
    }
    if (!KN_STR_CHECK(a[2]))
        return ob_err_format(ob_exc_TypeError, "compile() argument 'mode' must be str, not %s",
                             ob_type_name(KN_TYPE(a[2])));
    long long flags = 0, optimize = -1;
    if (a[3] != NULL && ((flags = ob_number_as_ssize(a[3], ob_exc_OverflowError)) == -1)
        && ob_err_occurred())
        return NULL;
    if (a[5] != NULL && ((optimize = ob_number_as_ssize(a[5], ob_exc_OverflowError)) == -1)
        && ob_err_occurred())
        return NULL;
    if (flags & ~(long long)CF_KNOWN)
        return ob_err_format(ob_exc_ValueError, "compile(): unrecognised flags");
    if (optimize < -1 || optimize > 2)
        return ob_err_format(ob_exc_ValueError, "compile(): invalid optimize value");
    jit_mode mode;
    int ast_mode = ob_str_equal_cstr(a[2], "eval") ? 1 : ob_str_equal_cstr(a[2], "single") ? 2
                 : ob_str_equal_cstr(a[2], "func_type") ? 3 : 0;
    if (ob_str_equal_cstr(a[2], "exec"))
        mode = JIT_MODE_EXEC;
    else if (ob_str_equal_cstr(a[2], "eval"))
        mode = JIT_MODE_EVAL;
    else if (ob_str_equal_cstr(a[2], "single"))
        mode = JIT_MODE_SINGLE;
    else if (ob_str_equal_cstr(a[2], "func_type")) {
        if (!(flags & CF_ONLY_AST))
            return ob_err_format(ob_exc_ValueError,
                                 "compile() mode 'func_type' requires flag PyCF_ONLY_AST");
        mode = JIT_MODE_EXEC;
    } else
        return ob_err_format(ob_exc_ValueError,
                             "compile() mode must be 'exec', 'eval' or 'single'");
    if ((flags & CF_ONLY_AST) && ast_hook == NULL)
        return ob_err_format(ob_exc_NotImplementedError,
                             "compile() to an AST (PyCF_ONLY_AST) needs the ast module, "
                             "which Kiln does not have yet");
    if (is_code(a[0]))
        return a[0];
    int dont_inherit = a[4] != NULL ? ob_is_true(a[4]) : 0;
    if (dont_inherit < 0)
        return NULL;
    if (!dont_inherit)
        flags |= inherited_flags();
    int done;
    KnObject *tree_code = compile_ast_object(a[0], ast_mode, filename, mode, (int)flags,
                                             (int)optimize, &done);
    if (done)
        return tree_code;
    kn_ssize_t len;
    int is_text;
    const char *s = source_bytes(a[0], &len, &is_text);
    if (s == NULL) {
        if (is_text)
            return NULL;
        return ob_err_format(ob_exc_TypeError,
                             "compile() arg 1 must be a string, bytes or AST object");
    }
    if (flags & CF_ONLY_AST) {
        if (check_no_nul(s, len) < 0)
            return NULL;
        /* _feature_version (ast.parse(feature_version=...)): bits 16-23 */
        long long fv = -1;
        if (a[6] != NULL && (fv = ob_number_as_ssize(a[6], ob_exc_OverflowError)) == -1
            && ob_err_occurred())
            return NULL;
        int fvbits = fv >= 0 && fv < 255 ? (int)(fv + 1) << 16 : 0;
        return ast_hook(s, (size_t)len, filename,
                        ast_mode | (KN_STR_CHECK(a[0]) ? 0x100 : 0) |
                        ((flags & CF_TYPE_COMMENTS) ? 0x200 : 0) | fvbits);
    }
    /* a str is already text: its coding cookie is not applied again */
    if (KN_STR_CHECK(a[0]))
        flags |= CF_SOURCE_IS_UTF8;
    return compile_text(s, len, filename, mode, (int)flags, (int)optimize);
}

/* Shared by exec() and eval(): check and default globals/locals, compile
 * text, run.  `is_eval` selects eval's wording and mode. */
static KnObject *run_source(int is_eval, KnObject *src, KnObject *globals, KnObject *locals,
                            KnObject *closure)
{
    const char *fname = is_eval ? "eval" : "exec";
    if (globals == KN_None)
        globals = NULL;
    if (locals == KN_None)
        locals = NULL;
    if (globals != NULL && !KN_DICT_CHECK(globals)) {
        if (is_eval) {
            int mapping = ob_type_lookup(KN_TYPE(globals), ob_str_intern_cstr("__getitem__")) != NULL;
            ob_err_set_string(ob_exc_TypeError,
                              mapping ? "globals must be a real dict; try eval(expr, {}, mapping)"
                                      : "globals must be a dict");
            return NULL;
        }
        return ob_err_format(ob_exc_TypeError, "exec() globals must be a dict, not %s",
                             ob_type_name(KN_TYPE(globals)));
    }
    if (locals != NULL && !KN_DICT_CHECK(locals)
        && ob_type_lookup(KN_TYPE(locals), ob_str_intern_cstr("__getitem__")) == NULL) {
        if (is_eval)
            return ob_err_format(ob_exc_TypeError, "locals must be a mapping");
        return ob_err_format(ob_exc_TypeError, "locals must be a mapping or None, not %s",
                             ob_type_name(KN_TYPE(locals)));
    }
    if (globals == NULL) {
        if ((globals = jit_current_globals()) == NULL)
            return NULL;
        if (locals == NULL && (locals = jit_current_locals()) == NULL)
            return NULL;
    } else if (locals == NULL) {
        locals = globals;
    }
    int has = ob_dict_contains(globals, ob_str_intern_cstr("__builtins__"));
    if (has < 0)
        return NULL;
    if (!has && ob_dict_setitem_str(globals, "__builtins__", jit_builtins_module()) < 0)
        return NULL;

    KnObject *code;
    if (is_code(src)) {
        int nfree = JIT_CODE(src)->co_nfreevars;
        if (closure != NULL && closure != KN_None)
            return ob_err_format(ob_exc_NotImplementedError,
                                 "exec() with a closure is not supported yet in Kiln");
        if (nfree > 0)
            return ob_err_format(ob_exc_TypeError,
                                 "code object requires a closure of exactly length %d", nfree);
        code = src;
    } else {
        if (closure != NULL && closure != KN_None)
            return ob_err_format(ob_exc_TypeError,
                                 "closure can only be used when source is a code object");
        kn_ssize_t len;
        int is_text;
        const char *s = source_bytes(src, &len, &is_text);
        if (s == NULL) {
            if (is_text)
                return NULL;
            return ob_err_format(ob_exc_TypeError,
                                 "%s() arg 1 must be a string, bytes or code object", fname);
        }
        if (is_eval) {
            while (len > 0 && (*s == ' ' || *s == '\t')) {
                s++;
                len--;
            }
        }
        code = compile_text(s, len, "<string>", is_eval ? JIT_MODE_EVAL : JIT_MODE_EXEC,
                            inherited_flags() | (KN_STR_CHECK(src) ? CF_SOURCE_IS_UTF8 : 0),
                            -1);
        if (code == NULL)
            return NULL;
    }
    KnObject *r = jit_eval_code(code, globals, locals);
    if (r == NULL)
        return NULL;
    return is_eval ? r : KN_None;
}

static KnObject *bi_exec(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                         KnObject *kwnames)
{
    static const char *const names[] = { "", "", "", "closure", NULL };
    static const KnArgSpec spec = { "exec", names, 1, 3, 0 };
    KnObject *a[4];
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    return run_source(0, a[0], a[1], a[2], a[3]);
}

static KnObject *bi_eval(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("eval", nargs, 1, 3) < 0)
        return NULL;
    return run_source(1, args[0], nargs > 1 ? args[1] : NULL, nargs > 2 ? args[2] : NULL, NULL);
}

/* ---- __import__ ---- */

/* The work is the import system's (import.c, part jit-import). */
static KnObject *bi_import(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                           KnObject *kwnames)
{
    static const char *const names[] = { "name", "globals", "locals", "fromlist", "level",
                                         NULL };
    static const KnArgSpec spec = { "__import__", names, 1, -1, 0 };
    KnObject *a[5];
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    KnObject *name = a[0], *globals = a[1] == KN_None ? NULL : a[1];
    if (!KN_STR_CHECK(name))
        return ob_err_format(ob_exc_TypeError, "module name must be a string");
    kn_ssize_t level = 0;
    if (a[4] != NULL && (level = ob_number_as_ssize(a[4], ob_exc_OverflowError)) == -1
        && ob_err_occurred())
        return NULL;
    if (level < 0)
        return ob_err_format(ob_exc_ValueError, "level must be >= 0");
    return jit_import_module_level(name, globals, a[2], a[3], level);
}

/* ---- __build_class__ ----
 * CPython 3.11's steps, through libobject's class-statement helpers
 * (type.h: ob_type_build_*): PEP 560 bases, the metaclass, __prepare__,
 * the body run with the namespace as its locals (the eval part), the
 * metaclass call and the __class__ cell check. */

static KnObject *bi_build_class(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                                KnObject *kwnames)
{
    if (nargs < 2)
        return ob_err_format(ob_exc_TypeError, "__build_class__: not enough arguments");
    KnObject *func = args[0], *name = args[1];
    if (KN_TYPE(func) != &jit_function_type)
        return ob_err_format(ob_exc_TypeError, "__build_class__: func must be a function");
    if (!KN_STR_CHECK(name))
        return ob_err_format(ob_exc_TypeError, "__build_class__: name is not a string");
    KnObject *orig_bases = ob_tuple_from_array(args + 2, nargs - 2);
    KnObject *bases = orig_bases ? ob_type_build_bases(orig_bases) : NULL;
    if (bases == NULL)
        return NULL;
    KnObject *kwds = NULL;
    kn_ssize_t nkw = kwnames ? KN_SIZE(kwnames) : 0;
    if (nkw > 0 && (kwds = ob_dict_new()) == NULL)
        return NULL;
    for (kn_ssize_t i = 0; i < nkw; i++)
        if (ob_dict_setitem(kwds, KN_TUPLE_GET(kwnames, i), args[nargs + i]) < 0)
            return NULL;
    KnObject *meta = ob_type_build_meta(bases, kwds);
    KnObject *ns = meta ? ob_type_build_prepare(meta, name, bases, kwds) : NULL;
    if (ns == NULL)
        return NULL;
    KnObject *cell = jit_function_call_with_locals(func, ns);
    if (cell == NULL)
        return NULL;
    return ob_type_build_class(meta, name, bases, orig_bases, ns, kwds,
                               KN_TYPE(cell) == &ob_cell_type ? cell : NULL);
}

#define FAST(f) ((KnCFunction)(void (*)(void))(f))

KnMethodDef jit_builtins_exec_methods[] = {
    { "__build_class__", FAST(bi_build_class), KN_METH_FASTCALL | KN_METH_KEYWORDS,
      "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class\n\n"
      "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class\n\n"
      "Internal helper function used by the class statement." },
    { "__import__", FAST(bi_import), KN_METH_FASTCALL | KN_METH_KEYWORDS,
      "__import__($module, /, name, globals=None, locals=None, fromlist=(),\n           level=0)\n--\n\n"
      "Import a module." },
    { "compile", FAST(bi_compile), KN_METH_FASTCALL | KN_METH_KEYWORDS,
      "compile($module, /, source, filename, mode, flags=0,\n        dont_inherit=False, optimize=-1, *, _feature_version=-1)\n--\n\n"
      "Compile source into a code object that can be executed by exec() or eval()." },
    { "eval", FAST(bi_eval), KN_METH_FASTCALL,
      "eval($module, source, globals=None, locals=None, /)\n--\n\n"
      "Evaluate the given source in the context of globals and locals." },
    { "exec", FAST(bi_exec), KN_METH_FASTCALL | KN_METH_KEYWORDS,
      "exec($module, source, globals=None, locals=None, /, *, closure=None)\n--\n\n"
      "Execute the given source in the context of globals and locals." },
    { NULL, NULL, 0, NULL },
};
