/* libjit/src/code.h — the code object: Kiln's own layout (DESIGN §3 leaves
 * it to us), shared by the compiler (which builds it, src/code.c) and the
 * interpreter (which runs and quickens it).
 *
 * Bytecode: co_code is an array of 16-bit code units, each
 *   (opcode) | (oparg << 8)
 * as in CPython 3.11, followed by jit_op_caches(op) zeroed CACHE units.
 * EXTENDED_ARG prefixes carry the high bytes of an argument.  Jumps are
 * relative in code units (see opcodes.def).  The interpreter rewrites
 * opcodes and cache units in place (quickening): co_code is mutable,
 * co_code_orig keeps the compiler's bytes (co_code as Python sees it).
 *
 * Fast locals ("localsplus", CPython 3.11's scheme): one array per frame of
 * co_nlocalsplus slots, named by co_localsplusnames with a kind byte each
 * in co_localspluskinds:
 *   JIT_LOCAL_ARG/LOCAL  a plain local (parameters first, in order)
 *   JIT_LOCAL_CELL       a cell variable; when also an argument the slot
 *                        holds the argument until MAKE_CELL wraps it
 *   JIT_LOCAL_FREE       a free variable, filled by COPY_FREE_VARS from the
 *                        function's closure (the last co_nfreevars slots)
 * co_varnames / co_cellvars / co_freevars are computed from these.
 *
 * Positions: one jit_position per code unit (cache units repeat their
 * instruction's), lines 1-based, columns 0-based UTF-8 byte offsets, -1
 * where unknown.  Exception table: ranges of code units with a handler. */
#ifndef LIBJIT_CODE_H
#define LIBJIT_CODE_H

#include <stdint.h>
#include "libobject/object.h"

/* co_flags: CPython's CO_* bits (inspect reads them). */
#define JIT_CO_OPTIMIZED          0x0001
#define JIT_CO_NEWLOCALS          0x0002
#define JIT_CO_VARARGS            0x0004
#define JIT_CO_VARKEYWORDS        0x0008
#define JIT_CO_NESTED             0x0010
#define JIT_CO_GENERATOR          0x0020
#define JIT_CO_NOFREE             0x0040
#define JIT_CO_COROUTINE          0x0080
#define JIT_CO_ITERABLE_COROUTINE 0x0100
#define JIT_CO_ASYNC_GENERATOR    0x0200

/* Kinds of localsplus slots (CPython 3.11's CO_FAST_* values). */
#define JIT_LOCAL_LOCAL 0x20
#define JIT_LOCAL_CELL  0x40
#define JIT_LOCAL_FREE  0x80

typedef struct jit_position {
    int32_t lineno, end_lineno, col, end_col;
} jit_position;

typedef struct jit_exc_entry {
    int32_t start, end;     /* code units [start, end) covered */
    int32_t target;         /* handler's first code unit */
    int32_t depth;          /* value-stack depth to pop down to */
    int32_t lasti;          /* 1: push the raising instruction's offset first */
} jit_exc_entry;

typedef struct KnCodeObject {
    KN_OBJECT_HEAD;
    int32_t co_argcount;        /* positional parameters, incl. positional-only */
    int32_t co_posonlyargcount;
    int32_t co_kwonlyargcount;
    int32_t co_nlocalsplus;     /* slots in a frame's fast-locals array */
    int32_t co_nlocals;         /* len(co_varnames) */
    int32_t co_ncellvars;
    int32_t co_nfreevars;
    int32_t co_stacksize;       /* value-stack depth bound */
    int32_t co_flags;
    int32_t co_firstlineno;
    KnObject *co_consts;        /* tuple */
    KnObject *co_names;         /* tuple of str (globals, attributes, imports) */
    KnObject *co_localsplusnames; /* tuple of str, co_nlocalsplus long */
    uint8_t *co_localspluskinds;  /* co_nlocalsplus bytes (atomic memory) */
    KnObject *co_filename;      /* str */
    KnObject *co_name;          /* str */
    KnObject *co_qualname;      /* str */
    uint16_t *co_code;          /* co_ncode units, quickened in place */
    uint16_t *co_code_orig;     /* the compiler's units (co_code attribute) */
    int32_t co_ncode;
    jit_position *co_positions; /* co_ncode entries */
    jit_exc_entry *co_exctable; /* co_nexc entries, sorted by start */
    int32_t co_nexc;
    KnObject *co_weakreflist;
    void *co_extra;             /* interpreter / tier-1 data (owned by eval) */
} KnCodeObject;

#define JIT_CODE(o) ((KnCodeObject *)(o))

#endif /* LIBJIT_CODE_H */
