/* libjit/src/specialize_num.c — numeric specialisations (complex
 * arithmetic, float forms that reuse a fresh temporary, comparisons fused
 * with the conditional jump after them).  The instructions are in
 * eval_spec_num.inc; the reasoning about temporaries is in
 * NOTES-specialization.md ("Fresh temporaries"). */
#include <stdlib.h>
#include <string.h>

#include "libgc/gc.h"
#include "libobject/complex.h"
#include "specialize.h"
#include "specialize_iter.h"
#include "specialize_sets.h"

/* Is code unit `pos` the target of a jump or of an exception handler? */
static int is_jump_target(const KnCodeObject *co, int pos)
{
    const uint16_t *code = co->co_code_orig;
    unsigned arg = 0;
    for (int i = 0; i < co->co_ncode;) {
        int op = code[i] & 0xff;
        arg = (arg << 8) | (unsigned)(code[i] >> 8);
        int next = i + 1 + jit_eval_caches[op];
        if (op != JIT_OP_EXTENDED_ARG) {
            unsigned fl = jit_op_flags(op);
            if ((fl & JIT_OPF_JFWD) && next + (int)arg == pos)
                return 1;
            if ((fl & JIT_OPF_JBACK) && next - (int)arg == pos)
                return 1;
            arg = 0;
        }
        i = next;
    }
    for (int k = 0; k < co->co_nexc; k++)
        if (co->co_exctable[k].target == pos)
            return 1;
    return 0;
}

int jit_num_straight_operand(const KnCodeObject *co, const uint16_t *instr)
{
    int p = (int)(instr - co->co_code);
    const uint16_t *orig = co->co_code_orig;
    /* co_code_orig holds zeros in cache units (CACHE is opcode 0), so a
     * unit with BINARY_OP's opcode byte is an instruction, not a cache. */
    if (p >= 2 && orig[p - 1] == 0 && (orig[p - 2] & 0xff) == JIT_OP_BINARY_OP &&
        !is_jump_target(co, p))
        return 1;
    if (p >= 3) {
        int load = orig[p - 1] & 0xff;
        if ((load == JIT_OP_LOAD_FAST || load == JIT_OP_LOAD_CONST) && orig[p - 2] == 0 &&
            (orig[p - 3] & 0xff) == JIT_OP_BINARY_OP && !is_jump_target(co, p) &&
            !is_jump_target(co, p - 1))
            return 2;
    }
    return 0;
}

/* The form for float operator nb reusing operand `which` (1 TOP, 2 SECOND). */
static int float_reuse_form(int nb, int which)
{
    switch (nb) {
    case JIT_NB_ADD: case JIT_NB_INPLACE_ADD:
        return which == 1 ? JIT_OP_BINARY_OP_ADD_FLOAT_REUSE1 : JIT_OP_BINARY_OP_ADD_FLOAT_REUSE2;
    case JIT_NB_SUBTRACT: case JIT_NB_INPLACE_SUBTRACT:
        return which == 1 ? JIT_OP_BINARY_OP_SUBTRACT_FLOAT_REUSE1
                          : JIT_OP_BINARY_OP_SUBTRACT_FLOAT_REUSE2;
    case JIT_NB_MULTIPLY: case JIT_NB_INPLACE_MULTIPLY:
        return which == 1 ? JIT_OP_BINARY_OP_MULTIPLY_FLOAT_REUSE1
                          : JIT_OP_BINARY_OP_MULTIPLY_FLOAT_REUSE2;
    case JIT_NB_TRUE_DIVIDE: case JIT_NB_INPLACE_TRUE_DIVIDE:
        return which == 1 ? JIT_OP_BINARY_OP_TRUE_DIVIDE_FLOAT_REUSE1
                          : JIT_OP_BINARY_OP_TRUE_DIVIDE_FLOAT_REUSE2;
    default:
        return -1;
    }
}

static int complex_form(int nb, int which)
{
    static const int forms[3][3] = {
        { JIT_OP_BINARY_OP_ADD_COMPLEX, JIT_OP_BINARY_OP_ADD_COMPLEX_REUSE1,
          JIT_OP_BINARY_OP_ADD_COMPLEX_REUSE2 },
        { JIT_OP_BINARY_OP_SUBTRACT_COMPLEX, JIT_OP_BINARY_OP_SUBTRACT_COMPLEX_REUSE1,
          JIT_OP_BINARY_OP_SUBTRACT_COMPLEX_REUSE2 },
        { JIT_OP_BINARY_OP_MULTIPLY_COMPLEX, JIT_OP_BINARY_OP_MULTIPLY_COMPLEX_REUSE1,
          JIT_OP_BINARY_OP_MULTIPLY_COMPLEX_REUSE2 },
    };
    switch (nb) {
    case JIT_NB_ADD: case JIT_NB_INPLACE_ADD: return forms[0][which];
    case JIT_NB_SUBTRACT: case JIT_NB_INPLACE_SUBTRACT: return forms[1][which];
    case JIT_NB_MULTIPLY: case JIT_NB_INPLACE_MULTIPLY: return forms[2][which];
    default: return -1;
    }
}

/* Reusing int objects relies on ob_int_from_long_long allocating every
 * value outside +-1024 (no cache that large): checked once. */
static int int_reuse_ok(void)
{
    static int state;   /* 0 unknown, 1 yes, -1 no */
    if (state == 0) {
        KnObject *p1 = ob_int_from_long_long(1025), *p2 = ob_int_from_long_long(1025);
        KnObject *n1 = ob_int_from_long_long(-1025), *n2 = ob_int_from_long_long(-1025);
        if (p1 == NULL || p2 == NULL || n1 == NULL || n2 == NULL) {
            ob_err_clear();
            return 0;
        }
        state = p1 != p2 && n1 != n2 ? 1 : -1;
    }
    return state > 0;
}

static int int_reuse_form(int op, int which)
{
    switch (op) {
    case JIT_OP_BINARY_OP_ADD_INT:
        return which == 1 ? JIT_OP_BINARY_OP_ADD_INT_REUSE1 : JIT_OP_BINARY_OP_ADD_INT_REUSE2;
    case JIT_OP_BINARY_OP_SUBTRACT_INT:
        return which == 1 ? JIT_OP_BINARY_OP_SUBTRACT_INT_REUSE1
                          : JIT_OP_BINARY_OP_SUBTRACT_INT_REUSE2;
    default:
        return which == 1 ? JIT_OP_BINARY_OP_MULTIPLY_INT_REUSE1
                          : JIT_OP_BINARY_OP_MULTIPLY_INT_REUSE2;
    }
}

static void set_opcode(uint16_t *instr, int op)
{
    JIT_SPEC_STAT(op, JIT_STAT_SPECIALISED);
    *instr = (uint16_t)((*instr & 0xff00) | (unsigned)op);
}

void jit_specialize_binary_op_num(KnCodeObject *co, uint16_t *instr, int nb, KnObject *a,
                                  KnObject *b)
{
    if (jit_specialize_binary_op_set(co, instr, nb, a, b))     /* specialize_sets.c */
        return;
    if (KN_COMPLEX_CHECK_EXACT(a) && KN_COMPLEX_CHECK_EXACT(b)) {
        int form = complex_form(nb, 0);
        if (form < 0) {
            jit_spec_fail(instr);
            return;
        }
        jit_spec_rewrite(instr, form);
        if ((*instr & 0xff) == form)    /* not refused (KILN_NOQUICKEN) */
            set_opcode(instr, complex_form(nb, jit_num_straight_operand(co, instr)));
        return;
    }
    jit_specialize_binary_op(instr, nb, a, b);
    int op = *instr & 0xff;
    if ((op == JIT_OP_BINARY_OP_ADD_INT || op == JIT_OP_BINARY_OP_SUBTRACT_INT ||
         op == JIT_OP_BINARY_OP_MULTIPLY_INT)) {
        int which = int_reuse_ok() ? jit_num_straight_operand(co, instr) : 0;
        if (which)
            set_opcode(instr, int_reuse_form(op, which));
        return;
    }
    if (op == JIT_OP_BINARY_OP_INT_ARITH) {
        set_opcode(instr, JIT_OP_BINARY_OP_INT_ARITH64);
        return;
    }
    if ((op == JIT_OP_BINARY_OP_ADD_FLOAT || op == JIT_OP_BINARY_OP_SUBTRACT_FLOAT ||
         op == JIT_OP_BINARY_OP_MULTIPLY_FLOAT ||
         (op == JIT_OP_BINARY_OP_FLOAT_ARITH && KN_TYPE(a) == &ob_float_type &&
          KN_TYPE(b) == &ob_float_type))) {
        int which = jit_num_straight_operand(co, instr);
        if (which)
            set_opcode(instr, float_reuse_form(nb, which));
    }
}

void jit_specialize_compare_op_num(uint16_t *instr, KnObject *a, KnObject *b)
{
    jit_specialize_compare_op(instr, a, b);
    int next = instr[1 + jit_eval_caches[JIT_OP_COMPARE_OP]] & 0xff;
    if (next != JIT_OP_POP_JUMP_FORWARD_IF_FALSE && next != JIT_OP_POP_JUMP_FORWARD_IF_TRUE &&
        next != JIT_OP_POP_JUMP_BACKWARD_IF_FALSE && next != JIT_OP_POP_JUMP_BACKWARD_IF_TRUE)
        return;
    switch (*instr & 0xff) {
    case JIT_OP_COMPARE_OP_INT: set_opcode(instr, JIT_OP_COMPARE_OP_INT_JUMP); break;
    case JIT_OP_COMPARE_OP_FLOAT: set_opcode(instr, JIT_OP_COMPARE_OP_FLOAT_JUMP); break;
    case JIT_OP_COMPARE_OP_STR: set_opcode(instr, JIT_OP_COMPARE_OP_STR_JUMP); break;
    default: break;
    }
}

/* KILN_NOQUICKEN=1 turns this off too (specialize.c reads it for the
 * adaptive forms). */
int jit_quicken_off(void)
{
    static int state;   /* 0 unknown, 1 on, -1 off */
    if (state == 0) {
        const char *q = getenv("KILN_NOQUICKEN");
        state = q != NULL && *q != '\0' && strcmp(q, "0") != 0 ? -1 : 1;
    }
    return state < 0;
}

/* CPython 3.11's _PyCode_Quicken, for the instructions Kiln has: the unit
 * before a LOAD_FAST / STORE_FAST / LOAD_CONST names the pair it starts
 * (pairs overlap: the one at the second unit is used by jumps to it). */
static void quicken(KnCodeObject *co)
{
    uint16_t *code = co->co_code;
    int prev = -1;
    for (int i = 0; i < co->co_ncode;) {
        int op = code[i] & 0xff;
        int caches = jit_eval_caches[op];
        if (caches) {
            prev = -1;
            i += 1 + caches;
            continue;
        }
        int pair = -1;
        switch (op) {
        case JIT_OP_RESUME:
            if ((code[i] >> 8) == 0)
                set_opcode(&code[i], JIT_OP_RESUME_QUICK);
            break;
        case JIT_OP_JUMP_BACKWARD:
            set_opcode(&code[i], JIT_OP_JUMP_BACKWARD_QUICK);
            break;
        case JIT_OP_SWAP:
            jit_iter_quicken_swap(co, i);   /* specialize_iter.c */
            break;
        case JIT_OP_CONTAINS_OP:
            jit_sets_quicken_contains(co, i);   /* specialize_sets.c */
            break;
        case JIT_OP_LOAD_FAST:
            pair = prev == JIT_OP_LOAD_FAST    ? JIT_OP_LOAD_FAST__LOAD_FAST
                   : prev == JIT_OP_STORE_FAST ? JIT_OP_STORE_FAST__LOAD_FAST
                   : prev == JIT_OP_LOAD_CONST ? JIT_OP_LOAD_CONST__LOAD_FAST
                                               : -1;
            break;
        case JIT_OP_STORE_FAST:
            pair = prev == JIT_OP_STORE_FAST ? JIT_OP_STORE_FAST__STORE_FAST : -1;
            break;
        case JIT_OP_LOAD_CONST:
            pair = prev == JIT_OP_LOAD_FAST ? JIT_OP_LOAD_FAST__LOAD_CONST : -1;
            break;
        default:
            break;
        }
        if (pair >= 0)
            set_opcode(&code[i - 1], pair);
        prev = op;
        i++;
    }
}

void jit_num_warmup(KnCodeObject *co)
{
    jit_spec_data *d = co->co_extra;
    if (d == NULL) {
        d = kgc_alloc(sizeof *d);
        if (d == NULL)
            return;             /* stays cold; tried again next time */
        co->co_extra = d;
    }
    if (++d->num_warmup < JIT_NUM_WARMUP)
        return;
    d->num_quickened = 1;
    if (!jit_quicken_off())
        quicken(co);
}

int jit_num_oparg_at(const KnCodeObject *co, int pos)
{
    const uint16_t *orig = co->co_code_orig;
    int oparg = orig[pos] >> 8, shift = 8;
    for (int k = pos - 1; k >= 0 && (orig[k] & 0xff) == JIT_OP_EXTENDED_ARG; k--, shift += 8)
        oparg |= (orig[k] >> 8) << shift;
    return oparg;
}
