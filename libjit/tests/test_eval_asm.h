/* libjit/tests/test_eval_asm.h — a tiny assembler for hand-made code
 * objects, so the interpreter can be tested without the compiler.
 * Instruction indexes count code units (caches included), as jumps do. */
#ifndef TEST_EVAL_ASM_H
#define TEST_EVAL_ASM_H

#include <stdarg.h>
#include <string.h>

#include "libgc/gc.h"
#include "eval.h"
#include "opcode.h"

typedef struct asm_buf {
    uint16_t code[512];
    int n;
    jit_exc_entry exc[16];
    int nexc;
} asm_buf;

/* A stand-in for the compiler's code type. */
static KnTypeObject test_code_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "code",
    .tp_basicsize = sizeof(KnCodeObject),
    .tp_flags = KN_TPFLAGS_DEFAULT,
};

/* Emit op with arg; returns the index of the instruction's unit. */
static inline int emit(asm_buf *a, int op, int arg)
{
    if (arg > 0xff)
        a->code[a->n++] = (uint16_t)(JIT_OP_EXTENDED_ARG | ((arg >> 8) & 0xff) << 8);
    int at = a->n;
    a->code[a->n++] = (uint16_t)(op | (arg & 0xff) << 8);
    for (int i = 0; i < jit_eval_caches[op]; i++)
        a->code[a->n++] = 0;
    return at;
}

static inline void handler(asm_buf *a, int start, int end, int target, int depth, int lasti)
{
    a->exc[a->nexc++] = (jit_exc_entry){ start, end, target, depth, lasti };
}

/* names: NULL-terminated C strings; kinds: one char per local
 * ('l' local, 'c' cell, 'f' free). */
static inline KnObject *make_code(asm_buf *a, const char *name, KnObject *consts,
                                  const char *const *names, const char *const *locals,
                                  const char *kinds, int argcount, int flags, int stacksize)
{
    KnCodeObject *co = (KnCodeObject *)ob_alloc(&test_code_type, 0);
    int nnames = 0, nlocals = 0;
    while (names && names[nnames])
        nnames++;
    while (locals && locals[nlocals])
        nlocals++;
    co->co_names = ob_tuple_new(nnames);
    for (int i = 0; i < nnames; i++)
        KN_TUPLE_SET(co->co_names, i, ob_str_intern_cstr(names[i]));
    co->co_localsplusnames = ob_tuple_new(nlocals);
    co->co_localspluskinds = kgc_alloc_atomic((size_t)nlocals + 1);
    for (int i = 0; i < nlocals; i++) {
        KN_TUPLE_SET(co->co_localsplusnames, i, ob_str_intern_cstr(locals[i]));
        char k = kinds ? kinds[i] : 'l';
        co->co_localspluskinds[i] = k == 'c' ? JIT_LOCAL_CELL : k == 'f' ? JIT_LOCAL_FREE
                                                                      : JIT_LOCAL_LOCAL;
        if (k == 'c')
            co->co_ncellvars++;
        else if (k == 'f')
            co->co_nfreevars++;
        else
            co->co_nlocals++;
    }
    co->co_nlocalsplus = nlocals;
    co->co_argcount = argcount;
    co->co_flags = flags;
    co->co_stacksize = stacksize;
    co->co_firstlineno = 1;
    co->co_consts = consts ? consts : ob_tuple_empty();
    co->co_name = ob_str_from_cstr(name);
    co->co_qualname = co->co_name;
    co->co_filename = ob_str_from_cstr("<test>");
    co->co_code = kgc_alloc_atomic((size_t)a->n * 2);
    memcpy(co->co_code, a->code, (size_t)a->n * 2);
    co->co_code_orig = co->co_code;
    co->co_ncode = a->n;
    co->co_positions = kgc_alloc_atomic(sizeof(jit_position) * (size_t)a->n);
    for (int i = 0; i < a->n; i++)
        /* line = 10 + unit index: tests can tell where an error was raised */
        co->co_positions[i] = (jit_position){ 10 + i, 10 + i, 0, 1 };
    co->co_exctable = kgc_alloc_atomic(sizeof(jit_exc_entry) * (size_t)(a->nexc + 1));
    memcpy(co->co_exctable, a->exc, sizeof(jit_exc_entry) * (size_t)a->nexc);
    co->co_nexc = a->nexc;
    return (KnObject *)co;
}

static inline KnObject *tuple_of(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    KnObject *t = ob_tuple_new(n);
    for (int i = 0; i < n; i++)
        KN_TUPLE_SET(t, i, va_arg(ap, KnObject *));
    va_end(ap);
    return t;
}

#endif
