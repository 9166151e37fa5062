/*
 * opcode_module.c — `_opcode.stack_effect(opcode, oparg=None, /, *,
 * jump=None)` for CPython 3.11's opcodes (Lib/opcode.py numbering; dis
 * exports it).  The effects are a generated table (opcode_effects.inc,
 * tools/gen_opcode_effects.py); they describe CPython's bytecode, not
 * Kiln's own instructions.  jump=None gives the larger of the two.
 */
#include <limits.h>
#include <stdint.h>

#include "libobject/libobject.h"
#include "stdlib/modules.h"

KnObject *kn_init__opcode(void);

enum { SE_LINEAR, SE_UNPACK_EX, SE_LOAD_GLOBAL, SE_MAKE_FUNCTION, SE_BUILD_SLICE,
       SE_CALL_FUNCTION_EX, SE_FORMAT_VALUE };

typedef struct OpEffect {
    unsigned char valid, hasarg, rule;
    int jump_base, jump_step, base, step;
} OpEffect;

#include "opcode_effects.inc"

static long long effect(const OpEffect *e, long long arg, int jump)
{
    switch (e->rule) {
    case SE_UNPACK_EX:
        return (arg & 0xFF) + (arg >> 8);
    case SE_LOAD_GLOBAL:
        return 1 + (arg & 1);
    case SE_MAKE_FUNCTION:
        return -(((arg & 1) != 0) + ((arg & 2) != 0) + ((arg & 4) != 0) + ((arg & 8) != 0));
    case SE_BUILD_SLICE:
        return arg == 3 ? -2 : -1;
    case SE_CALL_FUNCTION_EX:
        return -2 - (arg & 1);
    case SE_FORMAT_VALUE:
        return (arg & 4) ? -1 : 0;
    default:
        return jump ? e->jump_base + e->jump_step * arg : e->base + e->step * arg;
    }
}

/* An index argument as CPython's converters read them: the opcode as a C
 * int (`wrap` 0: OverflowError outside int), the oparg as a C long of
 * which the low 32 bits are kept (`wrap` 1). */
static int int_arg(KnObject *o, int wrap, long long *out)
{
    if (!ob_index_check(o)) {
        ob_err_format(ob_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                      KN_TYPE(o)->tp_name);
        return -1;
    }
    KnObject *i = ob_number_index(o);
    if (i == NULL)
        return -1;
    int overflow;
    long long v = ob_int_as_long_long_and_overflow(i, &overflow);
    if (overflow || (!wrap && (v < INT_MIN || v > INT_MAX))) {
        ob_err_set_string(ob_exc_OverflowError, wrap ? "Python int too large to convert to C long"
                                                     : "Python int too large to convert to C int");
        return -1;
    }
    *out = wrap ? (int32_t)(uint32_t)(uint64_t)v : v;
    return 0;
}

static KnObject *stack_effect(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"jump", NULL};
    static const KnArgSpec spec = {"stack_effect", names, 0, 0, 0};
    KnObject *a[3] = {0};
    if (nargs < 1 || nargs > 2)
        return ob_err_format(ob_exc_TypeError, nargs < 1
                             ? "stack_effect() takes at least 1 positional argument (%zd given)"
                             : "stack_effect() takes at most 2 positional arguments (%zd given)", nargs);
    a[0] = args[0];
    a[1] = nargs > 1 ? args[1] : NULL;
    if (ob_args_parse(&spec, args + nargs, 0, kwnames, a + 2) < 0)
        return NULL;
    long long op, arg = 0;
    if (int_arg(a[0], 0, &op) < 0)
        return NULL;
    int has_arg = a[1] != NULL && a[1] != KN_None;
    if (has_arg && int_arg(a[1], 1, &arg) < 0)
        return NULL;
    int jump = -1;
    if (a[2] != NULL && a[2] != KN_None) {
        if (a[2] != KN_True && a[2] != KN_False) {
            ob_err_set_string(ob_exc_ValueError, "stack_effect: jump must be False, True or None");
            return NULL;
        }
        jump = a[2] == KN_True;
    }
    int hasarg_op = op >= 90;   /* HAVE_ARGUMENT */
    if (hasarg_op && !has_arg) {
        ob_err_set_string(ob_exc_ValueError, "stack_effect: opcode requires oparg but oparg was not specified");
        return NULL;
    }
    if (!hasarg_op && has_arg) {
        ob_err_set_string(ob_exc_ValueError, "stack_effect: opcode does not permit oparg but oparg was specified");
        return NULL;
    }
    const OpEffect *e = op >= OPCODE_FIRST && op < 256 ? &opcode_effects[op - OPCODE_FIRST] : NULL;
    if (e == NULL || !e->valid) {
        ob_err_set_string(ob_exc_ValueError, "invalid opcode or oparg");
        return NULL;
    }
    long long r;
    if (jump >= 0) {
        r = effect(e, arg, jump);
    } else {
        long long t = effect(e, arg, 1), f = effect(e, arg, 0);
        r = t > f ? t : f;
    }
    /* CPython computes in C int: keep its wrap-around, and INT_MAX is its
     * "invalid" sentinel even when an effect wraps onto it */
    int32_t w = (int32_t)(uint32_t)(uint64_t)r;
    if (w == INT32_MAX) {
        ob_err_set_string(ob_exc_ValueError, "invalid opcode or oparg");
        return NULL;
    }
    return ob_int_from_long_long(w);
}

static KnMethodDef opcode_functions[] = {
    {"stack_effect", (KnCFunction)(void (*)(void))stack_effect, KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "stack_effect($module, opcode, oparg=None, /, *, jump=None)\n--\n\n"
     "Compute the stack effect of the opcode."},
    {NULL, NULL, 0, NULL}
};

KnObject *kn_init__opcode(void)
{
    KnObject *m = ob_module_new_cstr("_opcode");
    if (m == NULL || ob_module_add_functions(m, opcode_functions) < 0 ||
        ob_module_add_object(m, "__doc__", ob_str_from_cstr("Opcode support module.")) < 0)
        return NULL;
    return m;
}
