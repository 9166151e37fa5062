/* libjit/src/eval_entry.c — the eval part's entry points: running module
 * code (jit_eval_code), readying the types, zero-argument super(). */
#include "eval.h"
#include "libjit/jit.h"
#include "libobject/weakref.h"

KnObject *jit_eval_code(KnObject *code, KnObject *globals, KnObject *locals)
{
    if (code == NULL || KN_TYPE(code) != &jit_code_type)
        return ob_err_format(ob_exc_TypeError, "expected a code object, not %s",
                             code ? ob_type_name(KN_TYPE(code)) : "NULL");
    if (globals == NULL || !KN_DICT_CHECK(globals))
        return ob_err_format(ob_exc_TypeError, "globals must be a dict");
    KnCodeObject *co = JIT_CODE(code);
    if (co->co_nfreevars > 0)
        return ob_err_format(ob_exc_TypeError,
                             "code object passed to exec() may not contain free variables");
    int has = ob_dict_contains(globals, ob_str_intern_cstr("__builtins__"));
    if (has < 0)
        return NULL;
    if (!has) {
        KnObject *bm = jit_builtins_module();
        if (bm != NULL && ob_dict_setitem_str(globals, "__builtins__", bm) < 0)
            return NULL;
    }
    KnObject *builtins = jit_builtins_from_globals(globals);
    if (builtins == NULL) {
        if (!ob_err_occurred())
            ob_err_set_string(ob_exc_SystemError, "no builtins available");
        return NULL;
    }
    jit_tstate *jt = jit_tstate_get(ob_tstate_get());
    if (jt == NULL)
        return NULL;
    jit_frame *f = jit_frame_push(jt, NULL, co, globals, builtins, locals ? locals : globals);
    if (f == NULL)
        return NULL;
    return jit_eval_frame(jt, f, 0);
}

static KnObject *current_globals(void)
{
    jit_frame *f = jit_frame_current();
    return f ? f->globals : NULL;
}

int jit_eval_types_init(void)
{
    /* libobject reaches the interpreter through these (class creation
     * and zero-argument super()). */
    static const KnClassHooks hooks = {
        .function_type = &jit_function_type,
        .current_globals = current_globals,
        .super_zero_args = jit_super_args,
    };
    ob_type_set_hooks(&hooks);
    KnTypeObject *types[] = {
        &jit_function_type, &jit_frame_type, &jit_traceback_type, &jit_gen_type,
        &jit_coro_type, &jit_coro_wrapper_type, &jit_async_gen_type,
        &jit_async_gen_asend_type, &jit_async_gen_athrow_type, &jit_async_gen_wrapped_type,
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (ob_type_ready(types[i]) < 0)
            return -1;
    /* registered on suspension when close() could run code (gen.c) */
    if (ob_finalize_defer_type(&jit_gen_type) < 0 || ob_finalize_defer_type(&jit_coro_type) < 0)
        return -1;
    return 0;
}

int jit_super_args(KnTypeObject **type, KnObject **obj)
{
    jit_frame *f = jit_frame_current();
    if (f == NULL) {
        ob_err_set_string(ob_exc_RuntimeError, "super(): no current frame");
        return -1;
    }
    KnCodeObject *co = f->code;
    if (co->co_argcount == 0) {
        ob_err_set_string(ob_exc_RuntimeError, "super(): no arguments");
        return -1;
    }
    KnObject *first = f->localsplus[0];
    if (first != NULL && (co->co_localspluskinds[0] & JIT_LOCAL_CELL) &&
        KN_TYPE(first) == &ob_cell_type)
        first = KN_CELL_GET(first);
    if (first == NULL) {
        ob_err_set_string(ob_exc_RuntimeError, "super(): arg[0] deleted");
        return -1;
    }
    /* The compiler interns its names, so the cell is found by pointer; a
     * code object built from other strings (types.CodeType) still matches
     * by value, checked only for names of the right length. */
    static KnObject *class_name;
    if (class_name == NULL && (class_name = ob_str_intern_cstr("__class__")) == NULL)
        return -1;
    for (int i = co->co_nlocalsplus - co->co_nfreevars; i < co->co_nlocalsplus; i++) {
        KnObject *name = KN_TUPLE_GET(co->co_localsplusnames, i);
        if (name != class_name &&
            (!KN_STR_CHECK(name) || KN_STR_LEN(name) != 9 || !ob_str_equal_cstr(name, "__class__")))
            continue;
        KnObject *cell = f->localsplus[i];
        if (cell == NULL || KN_TYPE(cell) != &ob_cell_type) {
            ob_err_set_string(ob_exc_RuntimeError, "super(): bad __class__ cell");
            return -1;
        }
        KnObject *t = KN_CELL_GET(cell);
        if (t == NULL) {
            ob_err_set_string(ob_exc_RuntimeError, "super(): empty __class__ cell");
            return -1;
        }
        if (!KN_TYPE_OBJ_CHECK(t)) {
            ob_err_format(ob_exc_RuntimeError, "super(): __class__ is not a type (%s)",
                          ob_type_name(KN_TYPE(t)));
            return -1;
        }
        *type = (KnTypeObject *)t;
        *obj = first;
        return 0;
    }
    ob_err_set_string(ob_exc_RuntimeError, "super(): __class__ cell not found");
    return -1;
}
