/* libjit/src/specialize_call.c — quickening of calls with ** arguments
 * (see NOTES-specialization.md, "Calls with **d").
 *
 * `f(**d)` compiles, as in CPython, to BUILD_MAP 0; LOAD_FAST d;
 * DICT_MERGE 1; CALL_FUNCTION_EX 1: a copy of d is built only to be read
 * by the binder.  CALL_FUNCTION_EX, seeing a Python callee, rewrites the
 * BUILD_MAP of that exact sequence (read from co_code_orig) into
 * BUILD_MAP_CALL_KW, which binds d itself when the guards hold.
 *
 * `f(*x, *y)` / `f(a, *x)` compile to BUILD_LIST n; (LOAD_FAST;
 * LIST_EXTEND 1)...; LIST_TO_TUPLE; CALL_FUNCTION_EX 0: a list and a tuple
 * built only to be bound.  That BUILD_LIST becomes BUILD_LIST_CALL_STAR,
 * which binds the items of exact tuples / lists straight from them. */
#include <stdlib.h>
#include <string.h>

#include "eval.h"
#include "frame_fast.h"
#include "opcode.h"
#include "specialize.h"

static int quicken_disabled(void)
{
    static int disabled = -1;       /* KILN_NOQUICKEN, as specialize.c reads it */
    if (disabled < 0) {
        const char *q = getenv("KILN_NOQUICKEN");
        disabled = q != NULL && *q != '\0' && strcmp(q, "0") != 0;
    }
    return disabled;
}

void jit_call_quicken_kw(KnCodeObject *co, uint16_t *instr, KnObject *func)
{
    if (!JIT_FUNCTION_CHECK(func))
        return;
    ptrdiff_t at = instr - co->co_code;
    if (at < 3)
        return;
    const uint16_t *orig = co->co_code_orig;
    uint16_t *start = co->co_code + at - 3;
    /* The exact units: no EXTENDED_ARG before any of them (a prefixed
     * LOAD_FAST puts the prefix where BUILD_MAP is expected). */
    if (*start != JIT_OP_BUILD_MAP || orig[at - 3] != JIT_OP_BUILD_MAP ||
        (orig[at - 2] & 0xff) != JIT_OP_LOAD_FAST ||
        orig[at - 1] != (JIT_OP_DICT_MERGE | 1 << 8) ||
        (at >= 4 && (orig[at - 4] & 0xff) == JIT_OP_EXTENDED_ARG))
        return;
    if (quicken_disabled())
        return;
    JIT_SPEC_STAT(JIT_OP_BUILD_MAP_CALL_KW, JIT_STAT_SPECIALISED);
    *start = JIT_OP_BUILD_MAP_CALL_KW;
}

void jit_call_quicken_star(KnCodeObject *co, uint16_t *instr, KnObject *func)
{
    if (!JIT_FUNCTION_CHECK(func))
        return;
    ptrdiff_t at = instr - co->co_code;
    const uint16_t *orig = co->co_code_orig;
    if (at < 4 || orig[at - 1] != JIT_OP_LIST_TO_TUPLE)
        return;
    ptrdiff_t p = at - 2;
    int pairs = 0;
    while (p >= 2 && orig[p] == (JIT_OP_LIST_EXTEND | 1 << 8) &&
           (orig[p - 1] & 0xff) == JIT_OP_LOAD_FAST && pairs < JIT_CALL_STAR_MAX_SEQS) {
        pairs++;
        p -= 2;
    }
    uint16_t *start = co->co_code + p;
    if (pairs == 0 || (orig[p] & 0xff) != JIT_OP_BUILD_LIST || *start != orig[p] ||
        (p >= 1 && (orig[p - 1] & 0xff) == JIT_OP_EXTENDED_ARG) || quicken_disabled())
        return;
    JIT_SPEC_STAT(JIT_OP_BUILD_LIST_CALL_STAR, JIT_STAT_SPECIALISED);
    *start = (uint16_t)((*start & 0xff00) | JIT_OP_BUILD_LIST_CALL_STAR);
}

jit_frame *jit_call_frame(jit_tstate *jt, KnObject *func, KnObject *const *args,
                          kn_ssize_t nargs, KnObject *kwargs)
{
    KnFunctionObject *fn = JIT_FUNC(func);
    KnCodeObject *code = JIT_CODE(fn->func_code);
    jit_frame *nf = jit_frame_push_fast(jt, func, code, fn->func_globals, fn->func_builtins);
    if (nf == NULL)
        return NULL;
    if (kwargs == NULL && jit_spec_simple_code(fn, (int)nargs)) {
        for (kn_ssize_t i = 0; i < nargs; i++)
            nf->localsplus[i] = args[i];
    } else if (jit_function_bind_array(func, nf, args, nargs, kwargs) < 0) {
        jit_frame_pop(jt, nf);
        return NULL;
    }
    return nf;
}

int32_t jit_call_star_frame(jit_tstate *jt, KnCodeObject *co, int32_t at, KnObject **sp,
                            int oparg, KnObject **fast, jit_frame **nf)
{
    KnObject *argv[JIT_CALL_STAR_MAX_ARGS];
    KnObject *func = sp[-oparg - 1];
    if (oparg > JIT_CALL_STAR_MAX_ARGS || !JIT_CALL_INLINABLE(func))
        return 0;
    int nargs = oparg;
    for (int i = 0; i < oparg; i++)
        argv[i] = sp[i - oparg];
    const uint16_t *u = co->co_code_orig + at + 1;
    for (; (*u & 0xff) == JIT_OP_LOAD_FAST; u += 2) {
        KnObject *x = fast[*u >> 8];
        if (x == NULL || (!KN_TUPLE_CHECK_EXACT(x) && !KN_LIST_CHECK_EXACT(x)) ||
            KN_SIZE(x) > JIT_CALL_STAR_MAX_ARGS - nargs)
            return 0;
        KnObject **items = KN_TUPLE_CHECK_EXACT(x) ? KN_TUPLE_ITEMS(x) : KN_LIST_ITEMS(x);
        for (kn_ssize_t i = 0; i < KN_SIZE(x); i++)
            argv[nargs++] = items[i];
    }
    /* u: the LIST_TO_TUPLE; the CALL_FUNCTION_EX follows it. */
    *nf = jit_call_frame(jt, func, argv, nargs, NULL);
    return (int32_t)(u + 1 - co->co_code_orig);
}

int32_t jit_call_kw_frame(jit_tstate *jt, int32_t at, KnObject **sp, KnObject *d,
                          jit_frame **nf)
{
    KnObject *callargs = sp[-1], *func = sp[-2];
    if (d == NULL || !KN_DICT_CHECK_EXACT(d) ||
        !(KN_TUPLE_CHECK_EXACT(callargs) || KN_LIST_CHECK_EXACT(callargs)) ||
        !JIT_CALL_INLINABLE(func))
        return 0;
    /* binding runs no Python code: a list cannot change under it */
    KnObject **items = KN_TUPLE_CHECK_EXACT(callargs) ? KN_TUPLE_ITEMS(callargs)
                                                      : KN_LIST_ITEMS(callargs);
    *nf = jit_call_frame(jt, func, items, KN_SIZE(callargs), d);
    return at + 3;
}
