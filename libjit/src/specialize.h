/* libjit/src/specialize.h — quickening: adaptive counters, specialisers and
 * statistics shared by the interpreter loop (eval.c) and specialize*.c.
 * See NOTES-specialization.md for the cache layouts.
 *
 * Cache unit 0 of every specialisable instruction is its counter:
 *   bits 0-11   executions (generic form) or misses (specialised form)
 *   bits 12-15  backoff exponent: the generic form tries to specialise
 *               after JIT_SPEC_WARMUP << backoff executions; each failed
 *               attempt or de-specialisation raises it (up to 8). */
#ifndef LIBJIT_SPECIALIZE_H
#define LIBJIT_SPECIALIZE_H

#include <stdio.h>
#include "eval.h"
#include "opcode.h"

#define JIT_SPEC_WARMUP 8
#define JIT_SPEC_MISS_LIMIT 52
#define JIT_SPEC_MAX_BACKOFF 8

#define JIT_SPEC_COUNT(c) ((c) & 0x0fff)
#define JIT_SPEC_BACKOFF(c) ((c) >> 12)
/* Generic form: is an attempt due (else the counter is bumped)? */
#define JIT_SPEC_DUE(c) (JIT_SPEC_COUNT(c) >= (JIT_SPEC_WARMUP << JIT_SPEC_BACKOFF(c)))

/* A pointer-sized side slot for data that does not fit the 16-bit cache
 * units (cached values, dict identities).  Slots live in co_extra (GC
 * memory, scanned); an instruction names its slot by a 1-based index in
 * one of its cache units. */
typedef struct jit_spec_slot {
    uint64_t version;       /* dict version the value was read under */
    uint64_t version2;      /* second dict version (builtins) */
    KnObject *dict;         /* the dict the version belongs to */
    KnObject *value;        /* the cached object */
    /* Polymorphic attribute / method forms: up to JIT_POLY receiver type
     * versions (0 = free entry) and, for methods, each one's method. */
    uint32_t types[4];
    KnObject *values[4];
} jit_spec_slot;

#define JIT_POLY 4

/* The entry of s for tp's current version, or -1. */
static inline int jit_poly_find(const jit_spec_slot *s, const KnTypeObject *tp)
{
    uint32_t v = tp->tp_version_tag;
    if (v != 0)
        for (int i = 0; i < JIT_POLY; i++)
            if (s->types[i] == v)
                return i;
    return -1;
}

/* A polymorphic form (LOAD_ATTR_INSTANCE_VALUE, STORE_ATTR_INSTANCE_VALUE,
 * LOAD_METHOD_NO_DICT / WITH_VALUES) met a receiver type it has no entry
 * for: add one when the type qualifies and an entry is free.  The entry's
 * index, or -1 (then the caller misses).  Never raises. */
int jit_spec_poly_add(KnCodeObject *co, uint16_t *instr, KnObject *owner, KnObject *name);

typedef struct jit_spec_data {
    int32_t nslots, cap;
    jit_spec_slot *slots;   /* slots[0] unused */
    /* num: warm-up events (RESUME, JUMP_BACKWARD) before jit_num_quicken
     * runs, and whether it has (specialize_num.c). */
    int32_t num_warmup, num_quickened;
} jit_spec_data;

static inline jit_spec_slot *jit_spec_slot_at(KnCodeObject *co, uint16_t idx)
{
    return &((jit_spec_data *)co->co_extra)->slots[idx];
}

/* 32-bit values in two cache units. */
static inline uint32_t jit_cache_read32(const uint16_t *c)
{
    return (uint32_t)c[0] | ((uint32_t)c[1] << 16);
}
static inline void jit_cache_write32(uint16_t *c, uint32_t v)
{
    c[0] = (uint16_t)v;
    c[1] = (uint16_t)(v >> 16);
}

/* The slot index for instruction cache unit *c (allocating a slot when the
 * unit is 0); 0 when out of memory (the attempt then fails). */
uint16_t jit_spec_slot_for(KnCodeObject *co, uint16_t *c);

/* Rewrite the instruction at `instr` (its real unit, after any
 * EXTENDED_ARG) to `op`, keeping its argument byte; counter reset to the
 * current backoff. */
void jit_spec_rewrite(uint16_t *instr, int op);
/* Record a failed attempt: backoff + 1, counter 0. */
void jit_spec_fail(uint16_t *instr);
/* A specialised form missed: count it; after JIT_SPEC_MISS_LIMIT misses
 * the instruction goes back to its generic form with a longer backoff. */
void jit_spec_miss(uint16_t *instr);

/* Specialisers: called by the generic form when an attempt is due, with
 * the operands it is about to work on.  Each rewrites the instruction or
 * calls jit_spec_fail; they never raise. */
void jit_specialize_load_global(jit_frame *f, uint16_t *instr, KnObject *name);
void jit_specialize_load_attr(KnCodeObject *co, uint16_t *instr, KnObject *owner, KnObject *name);
void jit_specialize_store_attr(KnCodeObject *co, uint16_t *instr, KnObject *owner, KnObject *name);
void jit_specialize_load_method(KnCodeObject *co, uint16_t *instr, KnObject *owner,
                                KnObject *name);
void jit_specialize_binary_op(uint16_t *instr, int nb, KnObject *a, KnObject *b);
void jit_specialize_compare_op(uint16_t *instr, KnObject *a, KnObject *b);
void jit_specialize_binary_subscr(uint16_t *instr, KnObject *container, KnObject *key);
void jit_specialize_store_subscr(uint16_t *instr, KnObject *container, KnObject *key);
void jit_specialize_unpack_sequence(uint16_t *instr, int n, KnObject *seq);
void jit_specialize_call(KnCodeObject *co, uint16_t *instr, KnObject *callable, int nargs, KnObject *kwnames);

/* An exact int of at most two digits (|v| < 2**60): 1 with its value,
 * else 0. */
static inline int jit_small_int(KnObject *o, long long *v)
{
    if (!KN_INT_CHECK_EXACT(o))
        return 0;
    kn_ssize_t n = KN_SIZE(o);
    const kn_digit *d = ((KnLongObject *)o)->ob_digit;
    /* Tested in order of frequency with plain branches: a switch became
     * a jump table, one indirect jump shared by every caller. */
    if (__builtin_expect(n == 1, 1)) {
        *v = d[0];
        return 1;
    }
    if (n == 0) {
        *v = 0;
        return 1;
    }
    if (n == -1) {
        *v = -(long long)d[0];
        return 1;
    }
    if (n != 2 && n != -2)
        return 0;
    long long m = (long long)d[0] | ((long long)d[1] << KN_INT_SHIFT);
    *v = n < 0 ? -m : m;
    return 1;
}

/* A float, or an exact int that a double holds exactly (|v| < 2**53):
 * 1 with its value, else 0.  Comparing such values as doubles is exact,
 * so it gives Python's float/int comparison. */
static inline int jit_exact_double(KnObject *o, double *v)
{
    long long i;
    if (KN_TYPE(o) == &ob_float_type) {
        *v = KN_FLOAT_VALUE(o);
        return 1;
    }
    if (!jit_small_int(o, &i) || i >= (1LL << 53) || i <= -(1LL << 53))
        return 0;
    *v = (double)i;
    return 1;
}

/* BINARY_OP_NUMBER: the operator of BINARY_OP argument nb as JIT_NB_ADD,
 * _SUBTRACT, _MULTIPLY or _TRUE_DIVIDE (in-place forms mapped to these),
 * or -1 for the others. */
static inline int jit_num_poly_op(int nb)
{
    switch (nb) {
    case JIT_NB_ADD: case JIT_NB_INPLACE_ADD: return JIT_NB_ADD;
    case JIT_NB_SUBTRACT: case JIT_NB_INPLACE_SUBTRACT: return JIT_NB_SUBTRACT;
    case JIT_NB_MULTIPLY: case JIT_NB_INPLACE_MULTIPLY: return JIT_NB_MULTIPLY;
    case JIT_NB_TRUE_DIVIDE: case JIT_NB_INPLACE_TRUE_DIVIDE: return JIT_NB_TRUE_DIVIDE;
    default: return -1;
    }
}

/* May a site doing nb on a and b become BINARY_OP_NUMBER: one of its
 * operators and exact int or float operands. */
static inline int jit_num_poly_ok(int nb, KnObject *a, KnObject *b)
{
    return jit_num_poly_op(nb) >= 0 &&
           (KN_INT_CHECK_EXACT(a) || KN_TYPE(a) == &ob_float_type) &&
           (KN_INT_CHECK_EXACT(b) || KN_TYPE(b) == &ob_float_type);
}

/* Rich comparison `op` (KN_LT..KN_GE) of two C numbers without a branch
 * on op (a per-site constant, but a switch is one indirect jump shared by
 * every site): the outcome sets one bit -- 1 less, 2 equal, 4 greater,
 * 8 unordered (a NaN) -- and op's mask lists the outcomes that make it
 * true.  An op outside the range behaves as KN_GE, as the switch did. */
static inline int jit_compare_mask(int op)
{
    static const uint8_t masks[6] = {
        [KN_LT] = 1, [KN_LE] = 1 | 2, [KN_EQ] = 2, [KN_NE] = 1 | 4 | 8, [KN_GT] = 4, [KN_GE] = 2 | 4,
    };
    return masks[(unsigned)op < 6 ? op : KN_GE];
}
static inline int jit_compare_ll(long long x, long long y, int op)
{
    return (jit_compare_mask(op) >> (1 + (x > y) - (x < y))) & 1;
}
static inline int jit_compare_double(double x, double y, int op)
{
    int bit = (x < y) | (x == y) << 1 | (x > y) << 2;
    bit |= (bit == 0) << 3;
    return (jit_compare_mask(op) & bit) != 0;
}

/* BINARY_OP_INT_ARITH: which operators it does inline (an index >= 0),
 * -1 for the others. */
static inline int jit_int_arith_op(int nb)
{
    switch (nb) {
    case JIT_NB_FLOOR_DIVIDE: case JIT_NB_INPLACE_FLOOR_DIVIDE: return 0;
    case JIT_NB_REMAINDER: case JIT_NB_INPLACE_REMAINDER: return 1;
    case JIT_NB_AND: case JIT_NB_INPLACE_AND: return 2;
    case JIT_NB_OR: case JIT_NB_INPLACE_OR: return 3;
    case JIT_NB_XOR: case JIT_NB_INPLACE_XOR: return 4;
    case JIT_NB_RSHIFT: case JIT_NB_INPLACE_RSHIFT: return 5;
    case JIT_NB_TRUE_DIVIDE: case JIT_NB_INPLACE_TRUE_DIVIDE: return 6;
    default: return -1;
    }
}

/* Code flags that keep a call on the vectorcall path (CALL_PY_* and
 * LOAD_ATTR_PROPERTY run only plain optimised functions inline). */
#define JIT_SPEC_NOT_INLINE_FLAGS                                              \
    (JIT_CO_VARARGS | JIT_CO_VARKEYWORDS | JIT_CO_GENERATOR | JIT_CO_COROUTINE | \
     JIT_CO_ASYNC_GENERATOR | JIT_CO_ITERABLE_COROUTINE | JIT_CO_OPTIMIZED)

/* Can a call of fn with nargs positional arguments run inline: a plain
 * (non-generator) function taking exactly nargs positional parameters. */
static inline int jit_spec_simple_code(KnFunctionObject *fn, int nargs)
{
    KnCodeObject *code = JIT_CODE(fn->func_code);
    return code->co_argcount == nargs && code->co_kwonlyargcount == 0 &&
           (code->co_flags & JIT_SPEC_NOT_INLINE_FLAGS) == JIT_CO_OPTIMIZED;
}

/* ---- num (specialize_num.c) ---- */
/* BINARY_OP / COMPARE_OP specialisers that add complex arithmetic, the
 * float forms reusing a fresh temporary and the fused compare-and-jump
 * forms to jit_specialize_binary_op / jit_specialize_compare_op. */
void jit_specialize_binary_op_num(KnCodeObject *co, uint16_t *instr, int nb, KnObject *a,
                                  KnObject *b);
void jit_specialize_compare_op_num(uint16_t *instr, KnObject *a, KnObject *b);
/* 1 when the TOP operand of the instruction at instr comes straight from
 * the BINARY_OP before it, 2 when SECOND does (one LOAD_FAST / LOAD_CONST
 * between), 0 otherwise (nor when either is a jump target). */
int jit_num_straight_operand(const KnCodeObject *co, const uint16_t *instr);

/* Warm-up as CPython 3.11's: the 8th RESUME or JUMP_BACKWARD executed in
 * a code object quickens it (jit_num_warmup): LOAD_FAST, STORE_FAST and
 * LOAD_CONST are paired with the instruction after them into the *__*
 * superinstructions, RESUME 0 becomes RESUME_QUICK and JUMP_BACKWARD
 * JUMP_BACKWARD_QUICK.  jit_num_cold is the test the generic forms make. */
#define JIT_NUM_WARMUP 8
void jit_num_warmup(KnCodeObject *co);
/* KILN_NOQUICKEN set (read once): warm code is not quickened. */
int jit_quicken_off(void);
static inline int jit_num_cold(const KnCodeObject *co)
{
    const jit_spec_data *d = co->co_extra;
    return d == NULL || !d->num_quickened;
}

/* The full argument of the instruction at code unit pos (its EXTENDED_ARG
 * prefixes read from co_code_orig, where cache units are zero). */
int jit_num_oparg_at(const KnCodeObject *co, int pos);

/* An int result of the small-int fast paths that ob_int_from_long_long
 * certainly allocated (outside any small-int cache): its object may be
 * reused by a *_INT_REUSE form.  Values within +-1024 always go through
 * ob_int_from_long_long, so cached ints keep their identity. */
static inline int jit_num_int_big(long long z)
{
    return z > 1024 || z < -1024;
}

/* Store z into the fresh int t when it is big (above) and fits the digits
 * t has; 0 when the caller must make a new int. */
static inline int jit_num_int_store(KnObject *t, long long z)
{
    if (!jit_num_int_big(z))
        return 0;
    unsigned long long u = z < 0 ? 0ULL - (unsigned long long)z : (unsigned long long)z;
    kn_ssize_t cap = KN_SIZE(t) < 0 ? -KN_SIZE(t) : KN_SIZE(t);
    kn_ssize_t n = u >> KN_INT_SHIFT == 0 ? 1 : u >> (2 * KN_INT_SHIFT) == 0 ? 2 : 3;
    if (n > cap)
        return 0;
    kn_digit *d = ((KnLongObject *)t)->ob_digit;
    for (kn_ssize_t i = 0; i < n; i++, u >>= KN_INT_SHIFT)
        d[i] = (kn_digit)(u & KN_INT_MASK);
    KN_SET_SIZE(t, z < 0 ? -n : n);
    return 1;
}

/* Read KILN_SPECSTATS once (the first frame run calls it). */
void jit_specialize_init(void);

/* Statistics (KILN_SPECSTATS=1). */
extern int jit_spec_stats_on;
enum { JIT_STAT_SPECIALISED, JIT_STAT_FAILED, JIT_STAT_MISS, JIT_STAT_DEOPT, JIT_STAT__N };
extern uint64_t jit_spec_stats[256][JIT_STAT__N];
#define JIT_SPEC_STAT(op, kind) \
    do { if (jit_spec_stats_on) jit_spec_stats[(op) & 0xff][kind]++; } while (0)

/* ---- calls (specialize_call.c) ---- */
/* CALL_FUNCTION_EX 1 at instr calling func: when func is a Python function
 * and the instructions before are `BUILD_MAP 0; LOAD_FAST d; DICT_MERGE 1`
 * (co_code_orig), rewrite that BUILD_MAP to BUILD_MAP_CALL_KW. */
void jit_call_quicken_kw(KnCodeObject *co, uint16_t *instr, KnObject *func);
/* CALL_FUNCTION_EX 0 at instr calling a Python function func, after
 * `BUILD_LIST n; (LOAD_FAST x; LIST_EXTEND 1) 1..JIT_CALL_STAR_MAX_SEQS
 * times; LIST_TO_TUPLE`: rewrite that BUILD_LIST to BUILD_LIST_CALL_STAR. */
#define JIT_CALL_STAR_MAX_SEQS 4
#define JIT_CALL_STAR_MAX_ARGS 32
void jit_call_quicken_star(KnCodeObject *co, uint16_t *instr, KnObject *func);
/* func's frame pushed (thread stack fast path) with the positional
 * arguments args and the keywords of the dict kwargs (or NULL) bound; func
 * a Python function JIT_CALL_INLINABLE accepts.  NULL with the binder's
 * exception set. */
jit_frame *jit_call_frame(jit_tstate *jt, KnObject *func, KnObject *const *args,
                          kn_ssize_t nargs, KnObject *kwargs);
/* BUILD_MAP_CALL_KW at co_code[at] (callee and positional arguments the
 * two items below sp, d the LOAD_FAST's value): 0 when its guards fail
 * (run BUILD_MAP 0); else the index of the CALL_FUNCTION_EX it stands
 * for, with *nf the callee's bound frame, or NULL with the exception set. */
int32_t jit_call_kw_frame(jit_tstate *jt, int32_t at, KnObject **sp, KnObject *d,
                          jit_frame **nf);
/* BUILD_LIST_CALL_STAR at co_code[at] with oparg items on the stack below
 * sp: 0 when its guards fail (run BUILD_LIST); else the index of the
 * CALL_FUNCTION_EX it stands for, with *nf the callee's bound frame, or
 * NULL with the binder's exception set. */
int32_t jit_call_star_frame(jit_tstate *jt, KnCodeObject *co, int32_t at, KnObject **sp,
                            int oparg, KnObject **fast, jit_frame **nf);
/* The binder behind it (function.c): CALL_FUNCTION_EX's binding with the
 * positional arguments as an array. */
int jit_function_bind_array(KnObject *func, jit_frame *fr, KnObject *const *args,
                            kn_ssize_t nargs, KnObject *kwargs);
/* Can CALL_FUNCTION_EX's forms run func inline (a Python function, not a
 * generator / coroutine; as jit_attr_call_ex_inline)? */
#define JIT_CALL_INLINABLE(f)                                                     \
    (JIT_FUNCTION_CHECK(f) &&                                                     \
     (JIT_CODE(JIT_FUNC(f)->func_code)->co_flags &                                \
      (JIT_CO_GENERATOR | JIT_CO_COROUTINE | JIT_CO_ASYNC_GENERATOR |             \
       JIT_CO_ITERABLE_COROUTINE | JIT_CO_OPTIMIZED)) == JIT_CO_OPTIMIZED)

/* ---- strs (r5): int forms over int64 values ---- */
/* An exact int of at most three digits whose magnitude is below 2**63
 * (so -LLONG_MAX..LLONG_MAX): 1 with its value, else 0.
 * BINARY_OP_INT_ARITH64 and the *_INT_REUSE forms (eval_spec_num.inc)
 * read operands with it; results are computed with overflow checks, so a value outside
 * int64 goes to the big-int path. */
static inline int jit_int64(KnObject *o, long long *v)
{
    if (jit_small_int(o, v))
        return 1;
    if (!KN_INT_CHECK_EXACT(o))
        return 0;
    kn_ssize_t n = KN_SIZE(o);
    const kn_digit *d = ((KnLongObject *)o)->ob_digit;
    if ((n != 3 && n != -3) || d[2] >> (63 - 2 * KN_INT_SHIFT) != 0)
        return 0;
    unsigned long long m = (unsigned long long)d[0] | ((unsigned long long)d[1] << KN_INT_SHIFT) |
                           ((unsigned long long)d[2] << (2 * KN_INT_SHIFT));
    *v = n < 0 ? -(long long)m : (long long)m;
    return 1;
}

/* ---- builtins (round 5) ---- */
/* CALL_ISINSTANCE with an exact tuple of classes: each item through
 * ob_isinstance in order (an exact type answers without the
 * __instancecheck__ lookup, as CPython's recursive check does), inside one
 * recursion level (" in __instancecheck__").  1, 0, or -1 with the error. */
int jit_isinstance_tuple(KnObject *o, KnObject *classes);

#endif
