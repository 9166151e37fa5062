/* libjit/src/eval.c — the tier-0 interpreter loop (see NOTES-eval.md).
 *
 * One C call of jit_eval_frame runs one Python frame: computed-goto
 * dispatch over the code units, the value stack in the frame's localsplus
 * array after the fast locals, and every failure going to `error:`, which
 * adds the frame's traceback entry and consults the exception table.
 *
 * Decoding: a code unit is (opcode | oparg << 8); EXTENDED_ARG prefixes
 * shift in higher argument bytes.  The inline cache units that follow an
 * instruction are skipped at decode time, so `next_instr` always points
 * at the next instruction, which is also what relative jumps count from.
 * frame->lasti is the code unit of the instruction being executed (the
 * real one, not its EXTENDED_ARG prefix): tracebacks, f_lineno and the
 * exception table read it. */
#include <string.h>

#include "libgc/finalize.h"
#include "libobject/complex.h"
#include "libobject/descr.h"
#include "libobject/module.h"
#include "libobject/set.h"
#include "libobject/slice.h"
#include "eval.h"
#include "eval_num_float.h"
#include "frame_fast.h"
#include "gen_inline.h"
#include "gil.h"
#include "opcode.h"
#include "specialize.h"
#include "specialize_attr.h"
#include "specialize_iter.h"
#include "specialize_slice.h"
#include "specialize_sets.h"

/* Cache units per opcode: a specialised form has its base's. */
enum {
#define OP(name, pops, pushes, caches, flags) JIT_CACHES_##name = (caches),
#include "opcodes.def"
#define SPEC(name, base) JIT_CACHES_##name = JIT_CACHES_##base,
#include "opcodes.def"
};

const uint8_t jit_eval_caches[256] = {
#define OP(name, pops, pushes, caches, flags) [JIT_OP_##name] = (caches),
#include "opcodes.def"
#define SPEC(name, base) [JIT_OP_##name] = JIT_CACHES_##base,
#include "opcodes.def"
};

volatile int jit_eval_pending;
int (*jit_eval_pending_hook)(void);

_Thread_local int jit_finalizing_here;
volatile int jit_signals_skipped;

/* 0, or -1 with the hook's exception set.  Objects the collector queued
 * for finalization are finalized here too (never inside a collection).
 * Their __del__ methods and weakref callbacks run with signal handlers
 * held back (jit_gil_eval_breaker): an exception a handler raised there
 * would be reported as unraisable and lost -- a KeyboardInterrupt that
 * never reaches the loop it was meant to stop.  The handlers run at the
 * first safe point after the finalizers. */
static int run_pending(void)
{
    if (kgc_finalizers_pending() && !jit_finalizing_here) {
        KnObject *exc = ob_err_fetch();
        jit_finalizing_here = 1;
        kgc_run_finalizers();
        jit_finalizing_here = 0;
        ob_err_restore(exc);
        if (jit_signals_skipped) {
            jit_signals_skipped = 0;
            jit_eval_pending = 1;
        }
    }
    if (!jit_eval_pending)
        return 0;
    return jit_gil_eval_breaker();   /* GIL drop request, then signals */
}

/* The finalization queue is polled at every 32nd safe point of a loop
 * (it is a call into libgc); pending signals at every one. */
static unsigned safe_ticks;   /* racy across threads: only a poll rate */
#define SAFE_POINT_DUE() \
    (jit_eval_pending || ((++safe_ticks & 31) == 0 && kgc_finalizers_pending()))
/* Every taken backward jump is a safe point, conditional ones included:
 * a `while cond:` loop ends in POP_JUMP_BACKWARD_IF_*, and its fused
 * compare-and-branch forms (eval_spec_num.inc, eval_spec_sets.inc), not
 * in JUMP_BACKWARD (CPython checks its eval breaker there too). */
#define JUMP_BACK_SAFE(n)                                   \
    do {                                                    \
        next_instr -= (n);                                  \
        if (SAFE_POINT_DUE() && run_pending() < 0)          \
            goto error;                                     \
    } while (0)

static KnObject *binary_op(int nb, KnObject *a, KnObject *b)
{
    switch (nb) {
    case JIT_NB_ADD: return ob_number_add(a, b);
    case JIT_NB_AND: return ob_number_and(a, b);
    case JIT_NB_FLOOR_DIVIDE: return ob_number_floordiv(a, b);
    case JIT_NB_LSHIFT: return ob_number_lshift(a, b);
    case JIT_NB_MATRIX_MULTIPLY: return ob_number_matmul(a, b);
    case JIT_NB_MULTIPLY: return ob_number_multiply(a, b);
    case JIT_NB_REMAINDER: return ob_number_remainder(a, b);
    case JIT_NB_OR: return ob_number_or(a, b);
    case JIT_NB_POWER: return ob_number_power(a, b, KN_None);
    case JIT_NB_RSHIFT: return ob_number_rshift(a, b);
    case JIT_NB_SUBTRACT: return ob_number_subtract(a, b);
    case JIT_NB_TRUE_DIVIDE: return ob_number_truediv(a, b);
    case JIT_NB_XOR: return ob_number_xor(a, b);
    case JIT_NB_INPLACE_ADD: return ob_number_inplace_add(a, b);
    case JIT_NB_INPLACE_AND: return ob_number_inplace_and(a, b);
    case JIT_NB_INPLACE_FLOOR_DIVIDE: return ob_number_inplace_floordiv(a, b);
    case JIT_NB_INPLACE_LSHIFT: return ob_number_inplace_lshift(a, b);
    case JIT_NB_INPLACE_MATRIX_MULTIPLY: return ob_number_inplace_matmul(a, b);
    case JIT_NB_INPLACE_MULTIPLY: return ob_number_inplace_multiply(a, b);
    case JIT_NB_INPLACE_REMAINDER: return ob_number_inplace_remainder(a, b);
    case JIT_NB_INPLACE_OR: return ob_number_inplace_or(a, b);
    case JIT_NB_INPLACE_POWER: return ob_number_inplace_power(a, b, KN_None);
    case JIT_NB_INPLACE_RSHIFT: return ob_number_inplace_rshift(a, b);
    case JIT_NB_INPLACE_SUBTRACT: return ob_number_inplace_subtract(a, b);
    case JIT_NB_INPLACE_TRUE_DIVIDE: return ob_number_inplace_truediv(a, b);
    case JIT_NB_INPLACE_XOR: return ob_number_inplace_xor(a, b);
    default:
        return ob_err_format(ob_exc_SystemError, "bad BINARY_OP argument %d", nb);
    }
}

/* CPython's _PyObject_GetMethod: 1 with *meth an unbound method to call
 * with obj first, 0 with *meth the attribute value, 0 with NULL on error. */
static int get_method(KnObject *obj, KnObject *name, KnObject **meth)
{
    KnTypeObject *tp = KN_TYPE(obj);
    if (tp->tp_getattro != ob_generic_getattr || tp->tp_dictoffset < 0) {
        *meth = ob_getattr(obj, name);
        return 0;
    }
    KnObject *descr = ob_type_lookup(tp, name);
    descrgetfunc get = NULL;
    int is_method = 0;
    if (descr != NULL) {
        if (KN_TYPE_HAS_FLAG(KN_TYPE(descr), KN_TPFLAGS_METHOD_DESCRIPTOR)) {
            is_method = 1;
        } else {
            get = KN_TYPE(descr)->tp_descr_get;
            if (get != NULL && KN_TYPE(descr)->tp_descr_set != NULL) {
                *meth = get(descr, obj, (KnObject *)tp);
                return 0;
            }
        }
    }
    if (tp->tp_dictoffset > 0) {
        KnObject *dict = *(KnObject **)((char *)obj + tp->tp_dictoffset);
        if (dict != NULL) {
            KnObject *v = ob_dict_getitem(dict, name);
            if (v != NULL) {
                *meth = v;
                return 0;
            }
            if (ob_err_occurred()) {
                *meth = NULL;
                return 0;
            }
        }
    }
    if (is_method) {
        *meth = descr;
        return 1;
    }
    if (get != NULL) {
        *meth = get(descr, obj, (KnObject *)tp);
        return 0;
    }
    if (descr != NULL) {
        *meth = descr;
        return 0;
    }
    *meth = ob_getattr(obj, name);   /* raises the AttributeError */
    return 0;
}

static int truth(KnObject *v)
{
    if (v == KN_True)
        return 1;
    if (v == KN_False || v == KN_None)
        return 0;
    KnTypeObject *tp = KN_TYPE(v);
    if (tp == &ob_int_type || tp == &ob_list_type || tp == &ob_tuple_type)
        return KN_SIZE(v) != 0;     /* digits / items */
    if (tp == &ob_str_type)
        return KN_STR_LEN(v) != 0;
    if (tp == &ob_dict_type)
        return ((KnDictObject *)v)->ma_used != 0;
    return ob_is_true(v);
}

static int falsy(KnObject *v)
{
    int t = truth(v);
    return t < 0 ? -1 : !t;
}

static const jit_exc_entry *find_handler(KnCodeObject *co, int lasti)
{
    const jit_exc_entry *best = NULL;
    for (int i = 0; i < co->co_nexc; i++) {
        const jit_exc_entry *e = &co->co_exctable[i];
        if (e->start > lasti)
            break;
        if (lasti < e->end &&
            (best == NULL || e->start > best->start ||
             (e->start == best->start && e->end < best->end)))
            best = e;
    }
    return best;
}

static void format_awaitable_error(KnTypeObject *type, int oparg)
{
    if (type->tp_as_async != NULL && type->tp_as_async->am_await != NULL)
        return;
    if (oparg == 1 || oparg == 2) {
        ob_err_clear();
        ob_err_format(ob_exc_TypeError,
                      "'async with' received an object from __a%s__ that does not implement "
                      "__await__: %s",
                      oparg == 1 ? "enter" : "exit", type->tp_name);
    }
}

static KnObject *call_exit(KnObject *exit, KnObject *exc)
{
    KnObject *tb = ob_exc_get_traceback(exc);
    KnObject *args[3] = { (KnObject *)KN_TYPE(exc), exc, tb ? tb : KN_None };
    return ob_vectorcall(exit, args, 3, NULL);
}

/* Special-method lookup for `with`: bound method or NULL (error set
 * only on a real failure). */
static KnObject *lookup_special(KnObject *o, const char *name)
{
    return ob_lookup_special(o, ob_str_intern_cstr(name));
}

/* The dispatch table the loop jumps through, and the plain one it is
 * refilled from.  While any thread traces or profiles, every entry of
 * targets[] is the trace hook (NOTES-tracing.md): the loop itself never
 * tests a tracing flag. */
static void *targets[256];
static void *plain_targets[256];
static void *trace_hook_target;
static int trace_on;

void jit_eval_trace_switch(int on)
{
    trace_on = on;
    if (trace_hook_target == NULL)
        return;                 /* the first jit_eval_frame fills targets[] */
    for (int i = 0; i < 256; i++)
        targets[i] = on ? trace_hook_target : plain_targets[i];
}

KnObject *jit_eval_frame(jit_tstate *jt, jit_frame *frame, int throwflag)
{
    if (trace_hook_target == NULL) {
        for (int i = 0; i < 256; i++)
            plain_targets[i] = &&op_unknown;
#define OP(name, pops, pushes, caches, flags) plain_targets[JIT_OP_##name] = &&op_##name;
#include "opcodes.def"
#define SPEC(name, base) plain_targets[JIT_OP_##name] = &&op_##name;
#include "opcodes.def"
        jit_specialize_init();
        trace_hook_target = &&trace_hook;
        jit_eval_trace_switch(trace_on);
    }

    KnThreadState *ts = ob_tstate_get();
    KnObject *retval = NULL;
    char probe;
    if (--ts->recursion_remaining < 0 ||
        (jt->stack_limit != NULL && &probe < jt->stack_limit)) {
        /* Headroom while the RecursionError itself is created: making it
         * calls the class, which counts against the same limit. */
        ts->recursion_remaining += 51;
        ob_err_set_string(ob_exc_RecursionError, "maximum recursion depth exceeded");
        ts->recursion_remaining -= 50;
        if (frame->owner == JIT_FRAME_THREAD)
            jit_frame_pop(jt, frame);
        return NULL;
    }
    frame->previous = jt->current;
    frame->is_entry = JIT_ENTRY_C;
    jt->current = frame;

    KnCodeObject *co = frame->code;
    uint16_t *first = co->co_code;
    KnObject **base = frame->localsplus + co->co_nlocalsplus;
    KnObject **sp = base + frame->stacktop;
    KnObject **names = KN_TUPLE_ITEMS(co->co_names);
    KnObject **consts = KN_TUPLE_ITEMS(co->co_consts);
    /* The fast locals: addressed from `frame` (no variable to reload). */
#define fast (frame->localsplus)
    KnObject *kwnames = NULL;
    jit_frame *inline_frame = NULL;     /* CALL_PY_* / LOAD_ATTR_PROPERTY */
    KnObject *num_fresh = NULL;         /* eval_spec_num.inc: last fresh float/complex */
    uint16_t *next_instr = first;
    int oparg;
    /* The instruction being executed: where the exception table is
     * searched.  frame->lasti normally equals it, but RERAISE restores
     * the lasti of the original raise (for the traceback) first. */
    int32_t here = frame->lasti;
    if (frame->lasti >= 0)
        next_instr = first + frame->lasti + 1 + jit_eval_caches[first[frame->lasti] & 0xff];
    if (throwflag) {
        /* A generator resumed by throw() skips its RESUME: 'call' here. */
        if (ts->cframe->use_tracing)
            (void)jit_trace_entry(ts, frame);
        goto error;
    }

/* DISPATCH decodes the next unit and jumps; the instruction's own
 * TARGET skips its inline cache units (a constant per opcode), so
 * between the two — only in the trace hook — next_instr points just
 * after the instruction's unit.  Two TARGETs sharing one body must have
 * the same cache count (the first is then written as a bare label,
 * TARGET_LABEL). */
#define DISPATCH()                                                  \
    do {                                                            \
        uint32_t w_ = *next_instr;                                  \
        here = frame->lasti = (int32_t)(next_instr - first);        \
        next_instr++;                                               \
        oparg = (int)(w_ >> 8);                                     \
        goto *targets[w_ & 0xff];                                   \
    } while (0)
#define TARGET(name) op_##name: next_instr += JIT_CACHES_##name;
#define TARGET_LABEL(name) op_##name:
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define PEEK(n) (sp[-(n)])
#define SET_TOP(v) (sp[-1] = (v))
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define CHECK(x) do { if ((x) == NULL) goto error; } while (0)
#define CHECK_INT(x) do { if ((x) < 0) goto error; } while (0)
/* Quickening (specialize.h): the executing instruction's unit and its
 * first cache unit; ADAPTIVE runs `attempt` when a specialisation attempt
 * is due and else bumps the counter; MISS leaves a specialised form for
 * its generic body. */
#define INSTR() (first + here)
#define CACHE() (first + here + 1)
#define ADAPTIVE(attempt)                                           \
    do {                                                            \
        uint16_t *c_ = CACHE();                                     \
        if (JIT_SPEC_DUE(*c_)) {                                    \
            attempt;                                                \
        } else {                                                    \
            (*c_)++;                                                \
        }                                                           \
    } while (0)
#define MISS(base)                                                  \
    do {                                                            \
        jit_spec_miss(INSTR());                                     \
        goto generic_##base;                                        \
    } while (0)
#define DEOPT_IF(cond, base) do { if (cond) MISS(base); } while (0)
/* A type miss of an int or float BINARY_OP form: BINARY_OP_NUMBER takes
 * over when the operands are ints and floats (eval_spec_num.inc). */
#define NUM_DEOPT_IF(cond) do { if (cond) goto num_poly_miss; } while (0)
#define RELOAD_FRAME()                                              \
    do {                                                            \
        co = frame->code;                                           \
        first = co->co_code;                                        \
        base = frame->localsplus + co->co_nlocalsplus;              \
        sp = base + frame->stacktop;                                \
        names = KN_TUPLE_ITEMS(co->co_names);                       \
        consts = KN_TUPLE_ITEMS(co->co_consts);                     \
        here = frame->lasti;                                        \
    } while (0)

    DISPATCH();

    TARGET(CACHE)
    op_unknown:
        ob_err_format(ob_exc_SystemError, "unknown opcode %d at offset %d", first[here] & 0xff,
                      frame->lasti * 2);
        goto error;

    TARGET(NOP)
        DISPATCH();

    TARGET(EXTENDED_ARG) {
        uint16_t w = *next_instr;
        here = frame->lasti = (int32_t)(next_instr - first);
        next_instr++;
        oparg = (oparg << 8) | (w >> 8);
        goto *targets[w & 0xff];      /* its TARGET skips its caches */
    }

    TARGET(RESUME)
        if (jit_num_cold(co))
            jit_num_warmup(co);         /* specialize_num.c */
        if (SAFE_POINT_DUE() && run_pending() < 0)
            goto error;
        DISPATCH();

    TARGET(COPY_FREE_VARS) {
        KnObject *closure = frame->func ? JIT_FUNC(frame->func)->func_closure : NULL;
        int off = co->co_nlocalsplus - oparg;
        if (closure == NULL || KN_SIZE(closure) < oparg) {
            ob_err_set_string(ob_exc_SystemError, "function has no closure for its free variables");
            goto error;
        }
        for (int i = 0; i < oparg; i++)
            fast[off + i] = KN_TUPLE_GET(closure, i);
        DISPATCH();
    }

    TARGET(MAKE_CELL) {
        KnObject *cell = ob_cell_new(fast[oparg]);
        CHECK(cell);
        fast[oparg] = cell;
        DISPATCH();
    }

    TARGET(POP_TOP)
        sp--;
        *sp = NULL;
        DISPATCH();

    TARGET(PUSH_NULL)
        PUSH(NULL);
        DISPATCH();

    TARGET(COPY) {
        KnObject *v = PEEK(oparg);
        PUSH(v);
        DISPATCH();
    }

    TARGET(SWAP) {
        KnObject *t = TOP();
        SET_TOP(PEEK(oparg));
        PEEK(oparg) = t;
        DISPATCH();
    }

    TARGET(UNARY_POSITIVE) {
        KnObject *r = ob_number_positive(TOP());
        CHECK(r);
        SET_TOP(r);
        DISPATCH();
    }

    TARGET(UNARY_NEGATIVE) {
        KnObject *r = ob_number_negative(TOP());
        CHECK(r);
        SET_TOP(r);
        DISPATCH();
    }

    TARGET(UNARY_NOT) {
        int t = truth(TOP());
        CHECK_INT(t);
        SET_TOP(KN_BOOL(!t));
        DISPATCH();
    }

    TARGET(UNARY_INVERT) {
        KnObject *r = ob_number_invert(TOP());
        CHECK(r);
        SET_TOP(r);
        DISPATCH();
    }

    TARGET(BINARY_OP)
        ADAPTIVE(jit_specialize_binary_op_num(co, INSTR(), oparg, SECOND(), TOP()));
    generic_BINARY_OP: {
        num_fresh = NULL;
        KnObject *rhs = POP();
        KnObject *r = binary_op(oparg, TOP(), rhs);
        CHECK(r);
        SET_TOP(r);
        DISPATCH();
    }

    TARGET(COMPARE_OP)
        ADAPTIVE(jit_specialize_compare_op_num(INSTR(), SECOND(), TOP()));
    generic_COMPARE_OP: {
        KnObject *rhs = POP();
        KnObject *r = ob_richcompare(TOP(), rhs, oparg);
        CHECK(r);
        SET_TOP(r);
        DISPATCH();
    }

    TARGET(IS_OP) {
        KnObject *rhs = POP();
        SET_TOP(KN_BOOL((TOP() == rhs) ^ oparg));
        DISPATCH();
    }

    TARGET(CONTAINS_OP) {
        KnObject *rhs = POP();
        int r = ob_contains(rhs, TOP());
        CHECK_INT(r);
        SET_TOP(KN_BOOL(r ^ oparg));
        DISPATCH();
    }

    TARGET(BINARY_SUBSCR)
        ADAPTIVE(jit_specialize_binary_subscr(INSTR(), SECOND(), TOP()));
    generic_BINARY_SUBSCR: {
        KnObject *key = POP();
        KnObject *r = ob_getitem(TOP(), key);
        CHECK(r);
        SET_TOP(r);
        DISPATCH();
    }

    TARGET(STORE_SUBSCR)
        ADAPTIVE(jit_specialize_store_subscr(INSTR(), SECOND(), TOP()));
    generic_STORE_SUBSCR: {
        KnObject *key = PEEK(1), *container = PEEK(2), *v = PEEK(3);
        sp -= 3;
        CHECK_INT(ob_setitem(container, key, v));
        DISPATCH();
    }

    TARGET(DELETE_SUBSCR) {
        KnObject *key = PEEK(1), *container = PEEK(2);
        sp -= 2;
        CHECK_INT(ob_delitem(container, key));
        DISPATCH();
    }

    TARGET(BUILD_SLICE)
        if (!jit_num_cold(co))
            jit_specialize_build_slice(co, INSTR(), oparg);    /* specialize_slice.c */
    generic_BUILD_SLICE: {
        KnObject *step = oparg == 3 ? POP() : KN_None;
        KnObject *stop = POP();
        KnObject *s = ob_slice_new(TOP(), stop, step);
        CHECK(s);
        SET_TOP(s);
        DISPATCH();
    }

    TARGET(LOAD_CONST)
        PUSH(consts[oparg]);
        DISPATCH();

    TARGET(LOAD_NAME) {
        KnObject *v = jit_eval_load_name(frame, names[oparg]);
        CHECK(v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_NAME) {
        KnObject *name = names[oparg], *v = POP();
        if (frame->locals == NULL) {
            ob_err_format(ob_exc_SystemError, "no locals found when storing %R", name);
            goto error;
        }
        if (KN_DICT_CHECK_EXACT(frame->locals))
            CHECK_INT(ob_dict_setitem(frame->locals, name, v));
        else
            CHECK_INT(ob_setitem(frame->locals, name, v));
        DISPATCH();
    }

    TARGET(DELETE_NAME) {
        KnObject *name = names[oparg];
        if (frame->locals == NULL) {
            ob_err_format(ob_exc_SystemError, "no locals when deleting %R", name);
            goto error;
        }
        if (ob_delitem(frame->locals, name) < 0) {
            if (ob_err_matches((KnObject *)ob_exc_KeyError)) {
                ob_err_clear();
                jit_eval_name_error(ob_exc_NameError, "name '%U' is not defined", name);
            }
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_GLOBAL)
        ADAPTIVE(jit_specialize_load_global(frame, INSTR(), names[oparg >> 1]));
    generic_LOAD_GLOBAL: {
        KnObject *v = jit_eval_load_global(frame, names[oparg >> 1]);
        CHECK(v);
        if (oparg & 1)
            PUSH(NULL);
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_GLOBAL) {
        KnObject *v = POP();
        CHECK_INT(ob_dict_setitem(frame->globals, names[oparg], v));
        DISPATCH();
    }

    TARGET(DELETE_GLOBAL) {
        KnObject *name = names[oparg];
        if (ob_dict_delitem(frame->globals, name) < 0) {
            if (ob_err_matches((KnObject *)ob_exc_KeyError)) {
                ob_err_clear();
                jit_eval_name_error(ob_exc_NameError, "name '%U' is not defined", name);
            }
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_FAST) {
        KnObject *v = fast[oparg];
        if (v == NULL) {
            jit_eval_unbound_error(co, oparg);
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_FAST)
        fast[oparg] = POP();
        DISPATCH();

    TARGET(DELETE_FAST)
        if (fast[oparg] == NULL) {
            jit_eval_unbound_error(co, oparg);
            goto error;
        }
        fast[oparg] = NULL;
        DISPATCH();

    TARGET(LOAD_DEREF) {
        KnObject *v = KN_CELL_GET(fast[oparg]);
        if (v == NULL) {
            jit_eval_unbound_error(co, oparg);
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_DEREF)
        KN_CELL_SET(fast[oparg], POP());
        DISPATCH();

    TARGET(DELETE_DEREF)
        if (KN_CELL_GET(fast[oparg]) == NULL) {
            jit_eval_unbound_error(co, oparg);
            goto error;
        }
        KN_CELL_SET(fast[oparg], NULL);
        DISPATCH();

    TARGET(LOAD_CLASSDEREF) {
        KnObject *name = KN_TUPLE_GET(co->co_localsplusnames, oparg);
        KnObject *v = NULL;
        if (frame->locals != NULL) {
            if (KN_DICT_CHECK_EXACT(frame->locals)) {
                v = ob_dict_getitem(frame->locals, name);
                if (v == NULL && ob_err_occurred())
                    goto error;
            } else {
                v = ob_getitem(frame->locals, name);
                if (v == NULL) {
                    if (!ob_err_matches((KnObject *)ob_exc_KeyError))
                        goto error;
                    ob_err_clear();
                }
            }
        }
        if (v == NULL) {
            v = KN_CELL_GET(fast[oparg]);
            if (v == NULL) {
                jit_eval_unbound_error(co, oparg);
                goto error;
            }
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(LOAD_CLOSURE)
        PUSH(fast[oparg]);
        DISPATCH();

    TARGET(LOAD_ATTR)
        ADAPTIVE(jit_specialize_load_attr(co, INSTR(), TOP(), names[oparg]));
    generic_LOAD_ATTR: {
        KnObject *r = ob_getattr(TOP(), names[oparg]);
        CHECK(r);
        SET_TOP(r);
        DISPATCH();
    }

    TARGET(STORE_ATTR)
        ADAPTIVE(jit_specialize_store_attr(co, INSTR(), TOP(), names[oparg]));
    generic_STORE_ATTR: {
        KnObject *owner = PEEK(1), *v = PEEK(2);
        sp -= 2;
        CHECK_INT(ob_setattr(owner, names[oparg], v));
        DISPATCH();
    }

    TARGET(DELETE_ATTR) {
        KnObject *owner = POP();
        CHECK_INT(ob_setattr(owner, names[oparg], NULL));
        DISPATCH();
    }

    TARGET(LOAD_METHOD)
        ADAPTIVE(jit_specialize_load_method(co, INSTR(), TOP(), names[oparg]));
    generic_LOAD_METHOD: {
        KnObject *obj = TOP(), *meth;
        int found = get_method(obj, names[oparg], &meth);
        CHECK(meth);
        if (found) {
            SET_TOP(meth);
            PUSH(obj);
        } else {
            SET_TOP(NULL);
            PUSH(meth);
        }
        DISPATCH();
    }

    TARGET(KW_NAMES)
        kwnames = consts[oparg];
        DISPATCH();

    TARGET(CALL)
        ADAPTIVE({
            KnObject *c = sp[-oparg - 2];
            jit_specialize_call(co, INSTR(), c ? c : sp[-oparg - 1], oparg + (c != NULL), kwnames);
        });
    generic_CALL: {
        int nargs = oparg;
        KnObject **args = sp - nargs;
        KnObject *callable = sp[-nargs - 2];
        if (callable != NULL) {
            args--;
            nargs++;
        } else {
            callable = sp[-nargs - 1];
        }
        kn_ssize_t nkw = kwnames ? KN_SIZE(kwnames) : 0;
        KnObject *r = ob_vectorcall(callable, args,
                                    (size_t)(nargs - nkw) | KN_VECTORCALL_ARGUMENTS_OFFSET,
                                    kwnames);
        kwnames = NULL;
        KnObject **newsp = sp - oparg - 2;
        while (sp > newsp)
            *--sp = NULL;
        CHECK(r);
        PUSH(r);
        DISPATCH();
    }

    TARGET(CALL_FUNCTION_EX) {
        KnObject *kwargs = (oparg & 1) ? POP() : NULL;
        KnObject *callargs = POP();
        KnObject *func = TOP();
        if (oparg & 1)
            jit_call_quicken_kw(co, INSTR(), func);    /* specialize_call.c */
        else
            jit_call_quicken_star(co, INSTR(), func);
        if (!KN_TUPLE_CHECK_EXACT(callargs)) {
            if (KN_TYPE(callargs)->tp_iter == NULL && ob_iter_check(callargs) == 0 &&
                (KN_TYPE(callargs)->tp_as_sequence == NULL ||
                 KN_TYPE(callargs)->tp_as_sequence->sq_item == NULL)) {
                KnObject *fs = jit_function_str(func);
                if (fs != NULL)
                    ob_err_format(ob_exc_TypeError,
                                  "%U argument after * must be an iterable, not %s", fs,
                                  ob_type_name(KN_TYPE(callargs)));
                goto error;
            }
            callargs = ob_sequence_tuple(callargs);
            CHECK(callargs);
        }
        if (kwargs != NULL && !KN_DICT_CHECK_EXACT(kwargs)) {
            KnObject *d = ob_dict_new();
            CHECK(d);
            CHECK_INT(jit_eval_dict_merge(func, d, kwargs));
            kwargs = d;
        }
        if (JIT_CALL_INLINABLE(func)) {
            /* A Python function runs in this loop (specialize_call.c). */
            jit_frame *nf = jit_call_frame(jt, func, KN_TUPLE_ITEMS(callargs), KN_SIZE(callargs),
                                           kwargs);
            sp[-1] = NULL;
            sp[-2] = NULL;
            sp -= 2;
            CHECK(nf);
            inline_frame = nf;
            goto enter_inline_frame;
        }
        KnObject *r = ob_call(func, callargs, kwargs);
        sp[-1] = NULL;
        sp[-2] = NULL;
        sp -= 2;
        CHECK(r);
        PUSH(r);
        DISPATCH();
    }

    TARGET(MAKE_FUNCTION) {
        KnObject *code = POP();
        KnObject *fn = jit_function_new(code, frame->globals);
        CHECK(fn);
        KnFunctionObject *f = JIT_FUNC(fn);
        if (oparg & 8)
            f->func_closure = POP();
        if (oparg & 4)
            f->func_annotations = POP();
        if (oparg & 2)
            f->func_kwdefaults = POP();
        if (oparg & 1)
            f->func_defaults = POP();
        PUSH(fn);
        DISPATCH();
    }

    TARGET(LOAD_BUILD_CLASS) {
        KnObject *bc;
        if (KN_DICT_CHECK(frame->builtins)) {
            bc = ob_dict_getitem_str(frame->builtins, "__build_class__");
            if (bc == NULL && ob_err_occurred())
                goto error;
        } else {
            bc = ob_getitem(frame->builtins, ob_str_intern_cstr("__build_class__"));
            if (bc == NULL) {
                if (!ob_err_matches((KnObject *)ob_exc_KeyError))
                    goto error;
                ob_err_clear();
            }
        }
        if (bc == NULL) {
            ob_err_set_string(ob_exc_NameError, "__build_class__ not found");
            goto error;
        }
        PUSH(bc);
        DISPATCH();
    }

    TARGET(RETURN_VALUE)
        retval = POP();
        goto leave;

    TARGET(BUILD_TUPLE) {
        KnObject *t = ob_tuple_from_array(sp - oparg, oparg);
        CHECK(t);
        sp -= oparg;
        PUSH(t);
        DISPATCH();
    }

    TARGET(BUILD_LIST) {
        KnObject *l = ob_list_from_array(sp - oparg, oparg);
        CHECK(l);
        sp -= oparg;
        PUSH(l);
        DISPATCH();
    }

    TARGET(BUILD_SET) {
        KnObject *s = ob_set_new(NULL);
        CHECK(s);
        for (int i = oparg; i > 0; i--)
            CHECK_INT(ob_set_add(s, PEEK(i)));
        sp -= oparg;
        PUSH(s);
        DISPATCH();
    }

    TARGET(BUILD_MAP) {
        KnObject *d = ob_dict_new();
        CHECK(d);
        for (int i = 2 * oparg; i > 0; i -= 2)
            CHECK_INT(ob_dict_setitem(d, PEEK(i), PEEK(i - 1)));
        sp -= 2 * oparg;
        PUSH(d);
        DISPATCH();
    }

    TARGET(BUILD_CONST_KEY_MAP) {
        KnObject *keys = TOP();
        if (!KN_TUPLE_CHECK_EXACT(keys) || KN_SIZE(keys) != oparg) {
            ob_err_set_string(ob_exc_SystemError, "bad BUILD_CONST_KEY_MAP keys argument");
            goto error;
        }
        KnObject *d = ob_dict_new();
        CHECK(d);
        for (int i = 0; i < oparg; i++)
            CHECK_INT(ob_dict_setitem(d, KN_TUPLE_GET(keys, i), PEEK(oparg + 1 - i)));
        sp -= oparg + 1;
        PUSH(d);
        DISPATCH();
    }

    TARGET(BUILD_STRING) {
        KnObject *s = ob_str_concat_array(sp - oparg, oparg);
        CHECK(s);
        sp -= oparg;
        PUSH(s);
        DISPATCH();
    }

    TARGET(LIST_APPEND) {
        KnObject *v = POP();
        CHECK_INT(ob_list_append(PEEK(oparg), v));
        DISPATCH();
    }

    TARGET(SET_ADD) {
        KnObject *v = POP();
        CHECK_INT(ob_set_add(PEEK(oparg), v));
        DISPATCH();
    }

    TARGET(MAP_ADD) {
        KnObject *v = POP(), *k = POP();
        CHECK_INT(ob_dict_setitem(PEEK(oparg), k, v));
        DISPATCH();
    }

    TARGET(LIST_EXTEND) {
        KnObject *it = POP();
        if (ob_list_extend(PEEK(oparg), it) < 0) {
            if (ob_err_matches((KnObject *)ob_exc_TypeError) && KN_TYPE(it)->tp_iter == NULL &&
                (KN_TYPE(it)->tp_as_sequence == NULL ||
                 KN_TYPE(it)->tp_as_sequence->sq_item == NULL)) {
                ob_err_clear();
                ob_err_format(ob_exc_TypeError, "Value after * must be an iterable, not %s",
                              ob_type_name(KN_TYPE(it)));
            }
            goto error;
        }
        DISPATCH();
    }

    TARGET(SET_UPDATE) {
        KnObject *it = POP();
        CHECK_INT(ob_set_update(PEEK(oparg), it));
        DISPATCH();
    }

    TARGET(DICT_UPDATE) {
        KnObject *m = POP();
        /* {**m}: a mapping (keys()), never pairs as dict.update takes */
        if (ob_dict_merge(PEEK(oparg), m, 1) < 0) {
            if (ob_err_matches((KnObject *)ob_exc_AttributeError)) {
                ob_err_clear();
                ob_err_format(ob_exc_TypeError, "'%s' object is not a mapping",
                              ob_type_name(KN_TYPE(m)));
            }
            goto error;
        }
        DISPATCH();
    }

    TARGET(DICT_MERGE) {
        KnObject *m = POP();
        CHECK_INT(jit_eval_dict_merge(PEEK(oparg + 2), PEEK(oparg), m));
        DISPATCH();
    }

    TARGET(LIST_TO_TUPLE) {
        KnObject *t = ob_tuple_from_array(KN_LIST_ITEMS(TOP()), KN_SIZE(TOP()));
        CHECK(t);
        SET_TOP(t);
        DISPATCH();
    }

    TARGET(UNPACK_SEQUENCE)
        ADAPTIVE(jit_specialize_unpack_sequence(INSTR(), oparg, TOP()));
    generic_UNPACK_SEQUENCE: {
        KnObject *seq = POP();
        if (KN_TUPLE_CHECK_EXACT(seq) && KN_SIZE(seq) == oparg) {
            for (int i = oparg - 1; i >= 0; i--)
                PUSH(KN_TUPLE_GET(seq, i));
        } else if (KN_LIST_CHECK_EXACT(seq) && KN_SIZE(seq) == oparg) {
            for (int i = oparg - 1; i >= 0; i--)
                PUSH(KN_LIST_GET(seq, i));
        } else {
            CHECK_INT(jit_eval_unpack(seq, oparg, -1, sp + oparg));
            sp += oparg;
        }
        DISPATCH();
    }

    TARGET(UNPACK_EX) {
        int before = oparg & 0xFF, after = oparg >> 8;
        KnObject *seq = POP();
        CHECK_INT(jit_eval_unpack(seq, before, after, sp + before + after + 1));
        sp += before + after + 1;
        DISPATCH();
    }

    TARGET(FORMAT_VALUE) {
        KnObject *spec = (oparg & 4) ? POP() : NULL;
        KnObject *r = jit_eval_format_value(TOP(), oparg & 3, spec);
        CHECK(r);
        SET_TOP(r);
        DISPATCH();
    }

    TARGET(GET_ITER) {
        KnObject *it = ob_get_iter(TOP());
        CHECK(it);
        SET_TOP(it);
        DISPATCH();
    }

    TARGET(GET_YIELD_FROM_ITER) {
        KnObject *v = TOP();
        if (JIT_CORO_CHECK(v)) {
            if (!(co->co_flags & (JIT_CO_COROUTINE | JIT_CO_ITERABLE_COROUTINE))) {
                ob_err_set_string(ob_exc_TypeError,
                                  "cannot 'yield from' a coroutine object in a non-coroutine "
                                  "generator");
                goto error;
            }
        } else if (!JIT_GEN_CHECK(v)) {
            KnObject *it = ob_get_iter(v);
            CHECK(it);
            SET_TOP(it);
        }
        DISPATCH();
    }

    TARGET(FOR_ITER) {
        KnObject *it = TOP();
        if (KN_TYPE(it) == &jit_gen_type && !trace_on && ts->recursion_remaining > 1 &&
            (inline_frame = jit_gen_enter_fast(ts, it, KN_None, frame)) != NULL)
            goto num_gen_enter;         /* eval_spec_num.inc */
        if (jit_iter_inline_type(KN_TYPE(it)) && !trace_on)
            jit_specialize_for_iter(co, INSTR(), it);  /* eval_spec_iter.inc */
        iternextfunc next = KN_TYPE(it)->tp_iternext;
        KnObject *v = next ? next(it) : ob_iter_next(it);
        if (v != NULL) {
            PUSH(v);
            DISPATCH();
        }
        if (ob_err_occurred()) {
            if (!ob_err_matches((KnObject *)ob_exc_StopIteration))
                goto error;
            if (ts->c_tracefunc != NULL)
                jit_trace_exception(ts, frame);
            ob_err_clear();
        }
        sp--;
        *sp = NULL;
        next_instr += oparg;
        DISPATCH();
    }

    TARGET(JUMP_FORWARD)
        next_instr += oparg;
        DISPATCH();

    TARGET(JUMP_BACKWARD)
        if (jit_num_cold(co))
            jit_num_warmup(co);         /* specialize_num.c */
        JUMP_BACK_SAFE(oparg);
        DISPATCH();

    TARGET(JUMP_BACKWARD_NO_INTERRUPT)
        next_instr -= oparg;
        DISPATCH();

#define POP_JUMP_IF(name, cond, delta)              \
    TARGET(name) {                                  \
        KnObject *v = POP();                        \
        int t_ = (cond);                            \
        CHECK_INT(t_);                              \
        if (t_)                                     \
            next_instr += (delta);                  \
        DISPATCH();                                 \
    }
    POP_JUMP_IF(POP_JUMP_FORWARD_IF_FALSE, falsy(v), oparg)
    POP_JUMP_IF(POP_JUMP_FORWARD_IF_TRUE, truth(v), oparg)
    POP_JUMP_IF(POP_JUMP_FORWARD_IF_NONE, v == KN_None, oparg)
    POP_JUMP_IF(POP_JUMP_FORWARD_IF_NOT_NONE, v != KN_None, oparg)
#define POP_JUMP_BACK_IF(name, cond)                \
    TARGET(name) {                                  \
        KnObject *v = POP();                        \
        int t_ = (cond);                            \
        CHECK_INT(t_);                              \
        if (t_)                                     \
            JUMP_BACK_SAFE(oparg);                  \
        DISPATCH();                                 \
    }
    POP_JUMP_BACK_IF(POP_JUMP_BACKWARD_IF_FALSE, falsy(v))
    POP_JUMP_BACK_IF(POP_JUMP_BACKWARD_IF_TRUE, truth(v))
    POP_JUMP_BACK_IF(POP_JUMP_BACKWARD_IF_NONE, v == KN_None)
    POP_JUMP_BACK_IF(POP_JUMP_BACKWARD_IF_NOT_NONE, v != KN_None)

    TARGET(JUMP_IF_FALSE_OR_POP) {
        int t = truth(TOP());
        CHECK_INT(t);
        if (!t)
            next_instr += oparg;
        else
            sp--;
        DISPATCH();
    }

    TARGET(JUMP_IF_TRUE_OR_POP) {
        int t = truth(TOP());
        CHECK_INT(t);
        if (t)
            next_instr += oparg;
        else
            sp--;
        DISPATCH();
    }

    TARGET(RAISE_VARARGS) {
        KnObject *cause = NULL, *exc = NULL;
        if (oparg == 2)
            cause = POP();
        if (oparg >= 1)
            exc = POP();
        if (jit_eval_do_raise(exc, cause))
            goto exception_unwind;     /* bare re-raise: no new entry */
        goto error;
    }

    TARGET(RERAISE) {
        KnObject *exc = POP();
        if (oparg) {
            KnObject *lasti = PEEK(oparg);
            if (KN_INT_CHECK(lasti))
                frame->lasti = (int32_t)ob_int_as_ssize(lasti);
        }
        ob_err_restore(exc);
        goto exception_unwind;
    }

    TARGET(PUSH_EXC_INFO) {
        KnObject *v = TOP();
        KnErrStackItem *ei = ts->exc_info;
        SET_TOP(ei->exc_value ? ei->exc_value : KN_None);
        ei->exc_value = v;
        PUSH(v);
        DISPATCH();
    }

    TARGET(POP_EXCEPT)
        ts->exc_info->exc_value = POP();
        DISPATCH();

    TARGET(CHECK_EXC_MATCH) {
        KnObject *type = TOP();
        CHECK_INT(jit_eval_check_except_type(type, 0));
        SET_TOP(KN_BOOL(ob_err_given_matches(SECOND(), type)));
        DISPATCH();
    }

    TARGET(CHECK_EG_MATCH) {
        KnObject *type = POP(), *exc = POP();
        CHECK_INT(jit_eval_check_except_type(type, 1));
        KnObject *match, *rest;
        CHECK_INT(jit_eval_eg_match(exc, type, &match, &rest));
        PUSH(rest);
        PUSH(match);
        if (match != KN_None)
            ts->exc_info->exc_value = match;
        DISPATCH();
    }

    TARGET(PREP_RERAISE_STAR) {
        KnObject *excs = POP();
        KnObject *r = jit_eval_prep_reraise_star(TOP(), excs);
        CHECK(r);
        SET_TOP(r);
        DISPATCH();
    }

    TARGET(LOAD_ASSERTION_ERROR)
        PUSH((KnObject *)ob_exc_AssertionError);
        DISPATCH();

    TARGET(BEFORE_WITH) {
        KnObject *mgr = TOP();
        KnObject *enter = lookup_special(mgr, "__enter__");
        if (enter == NULL) {
            if (!ob_err_occurred())
                ob_err_format(ob_exc_TypeError,
                              "'%s' object does not support the context manager protocol",
                              ob_type_name(KN_TYPE(mgr)));
            goto error;
        }
        KnObject *exit = lookup_special(mgr, "__exit__");
        if (exit == NULL) {
            if (!ob_err_occurred())
                ob_err_format(ob_exc_TypeError,
                              "'%s' object does not support the context manager protocol "
                              "(missed __exit__ method)",
                              ob_type_name(KN_TYPE(mgr)));
            goto error;
        }
        SET_TOP(exit);
        KnObject *r = ob_call_noargs(enter);
        CHECK(r);
        PUSH(r);
        DISPATCH();
    }

    TARGET(BEFORE_ASYNC_WITH) {
        KnObject *mgr = TOP();
        KnObject *enter = lookup_special(mgr, "__aenter__");
        if (enter == NULL) {
            if (!ob_err_occurred())
                ob_err_format(ob_exc_TypeError,
                              "'%s' object does not support the asynchronous context manager "
                              "protocol",
                              ob_type_name(KN_TYPE(mgr)));
            goto error;
        }
        KnObject *exit = lookup_special(mgr, "__aexit__");
        if (exit == NULL) {
            if (!ob_err_occurred())
                ob_err_format(ob_exc_TypeError,
                              "'%s' object does not support the asynchronous context manager "
                              "protocol (missed __aexit__ method)",
                              ob_type_name(KN_TYPE(mgr)));
            goto error;
        }
        SET_TOP(exit);
        KnObject *r = ob_call_noargs(enter);
        CHECK(r);
        PUSH(r);
        DISPATCH();
    }

    TARGET(WITH_EXCEPT_START) {
        KnObject *r = call_exit(PEEK(4), TOP());
        CHECK(r);
        PUSH(r);
        DISPATCH();
    }

    TARGET(RETURN_GENERATOR) {
        KnObject *gen = jit_gen_from_frame(frame, (int)(sp - base));
        CHECK(gen);
        retval = gen;
        goto leave;
    }

    TARGET(YIELD_VALUE) {
        retval = POP();
        jit_gen_driver *drv = jit_gen_driving;
        if (drv != NULL && drv->frame == frame && !trace_on && drv->consume(drv, retval) == 0) {
            /* Taken by the C consumer driving this generator (gen_inline.h):
             * go on as next() would resume it, None sent.  A statement
             * `yield x` (RESUME 1; POP_TOP) drops that None at once: skip
             * both (the loop's JUMP_BACKWARD still checks safe points). */
            retval = NULL;
            if (next_instr[0] == (uint16_t)(JIT_OP_RESUME | (1 << 8)) &&
                (next_instr[1] & 0xff) == JIT_OP_POP_TOP) {
                next_instr += 2;
                DISPATCH();
            }
            PUSH(KN_None);
            DISPATCH();
        }
        *sp = NULL;
        frame->stacktop = (int32_t)(sp - base);
        jit_gen_suspend_inline(frame);      /* gen_inline.h */
        if (!frame->is_entry)
            goto num_gen_yield;         /* resumed by FOR_ITER: eval_spec_num.inc */
        goto leave_suspended;
    }

    TARGET(ASYNC_GEN_WRAP) {
        KnObject *w = jit_async_gen_wrap(TOP());
        CHECK(w);
        SET_TOP(w);
        DISPATCH();
    }

    TARGET(SEND) {
        if (KN_TYPE(SECOND()) == &jit_gen_type && !trace_on && ts->recursion_remaining > 1 &&
            (inline_frame = jit_gen_enter_fast(ts, SECOND(), TOP(), frame)) != NULL) {
            *--sp = NULL;
            goto num_gen_enter;         /* eval_spec_num.inc */
        }
        KnObject *v = POP();
        KnObject *r = NULL;
        KnSendResult st = jit_iter_send(TOP(), v, &r);
        if (st == KN_SEND_ERROR)
            goto error;
        if (st == KN_SEND_RETURN) {
            SET_TOP(r);
            next_instr += oparg;
            DISPATCH();
        }
        PUSH(r);
        DISPATCH();
    }

    TARGET(GET_AWAITABLE) {
        KnObject *obj = TOP();
        KnObject *it = jit_coro_get_awaitable_iter(obj);
        if (it == NULL) {
            format_awaitable_error(KN_TYPE(obj), oparg);
            goto error;
        }
        if (JIT_CORO_CHECK(it) && jit_gen_yf((KnGenObject *)it) != NULL) {
            ob_err_set_string(ob_exc_RuntimeError, "coroutine is being awaited already");
            goto error;
        }
        SET_TOP(it);
        DISPATCH();
    }

    TARGET(GET_AITER) {
        KnObject *obj = TOP();
        KnAsyncMethods *am = KN_TYPE(obj)->tp_as_async;
        if (am == NULL || am->am_aiter == NULL) {
            ob_err_format(ob_exc_TypeError,
                          "'async for' requires an object with __aiter__ method, got %s",
                          KN_TYPE(obj)->tp_name);
            goto error;
        }
        KnObject *it = am->am_aiter(obj);
        CHECK(it);
        am = KN_TYPE(it)->tp_as_async;
        if (am == NULL || am->am_anext == NULL) {
            ob_err_format(ob_exc_TypeError,
                          "'async for' received an object from __aiter__ that does not "
                          "implement __anext__: %s",
                          KN_TYPE(it)->tp_name);
            goto error;
        }
        SET_TOP(it);
        DISPATCH();
    }

    TARGET(GET_ANEXT) {
        KnObject *aiter = TOP();
        KnAsyncMethods *am = KN_TYPE(aiter)->tp_as_async;
        if (am == NULL || am->am_anext == NULL) {
            ob_err_format(ob_exc_TypeError,
                          "'async for' requires an iterator with __anext__ method, got %s",
                          KN_TYPE(aiter)->tp_name);
            goto error;
        }
        KnObject *next = am->am_anext(aiter);
        CHECK(next);
        KnObject *awaitable = next;
        if (!JIT_ASYNC_GEN_CHECK(aiter)) {
            awaitable = jit_coro_get_awaitable_iter(next);
            if (awaitable == NULL) {
                KnObject *cause = ob_err_fetch();
                ob_err_format(ob_exc_TypeError,
                              "'async for' received an invalid object from __anext__: %s",
                              KN_TYPE(next)->tp_name);
                KnObject *e = ob_err_fetch();
                ob_exc_set_cause(e, cause);
                ob_exc_set_context(e, cause);
                ob_err_restore(e);
                goto error;
            }
        }
        PUSH(awaitable);
        DISPATCH();
    }

    TARGET(END_ASYNC_FOR) {
        KnObject *exc = POP();
        if (ob_err_given_matches(exc, (KnObject *)ob_exc_StopAsyncIteration)) {
            sp--;
            *sp = NULL;
            DISPATCH();
        }
        ob_err_restore(exc);
        goto exception_unwind;
    }

    TARGET(IMPORT_NAME) {
        KnObject *fromlist = POP();
        KnObject *m = jit_eval_import_name(frame, names[oparg], fromlist, TOP());
        CHECK(m);
        SET_TOP(m);
        DISPATCH();
    }

    TARGET(IMPORT_FROM) {
        KnObject *v = jit_eval_import_from(TOP(), names[oparg]);
        CHECK(v);
        PUSH(v);
        DISPATCH();
    }

    TARGET(IMPORT_STAR) {
        KnObject *m = POP();
        CHECK_INT(jit_eval_import_star(frame, m));
        DISPATCH();
    }

    TARGET(PRINT_EXPR) {
        KnObject *v = POP();
        KnObject *hook = jit_eval_sys_attr("displayhook");
        if (hook == NULL) {
            if (!ob_err_occurred())
                ob_err_set_string(ob_exc_RuntimeError, "lost sys.displayhook");
            goto error;
        }
        CHECK(ob_call_onearg(hook, v));
        DISPATCH();
    }

    TARGET(SETUP_ANNOTATIONS)
        CHECK_INT(jit_eval_setup_annotations(frame->locals));
        DISPATCH();

    TARGET(GET_LEN) {
        kn_ssize_t n = ob_length(TOP());
        CHECK_INT(n);
        KnObject *r = ob_int_from_ssize(n);
        CHECK(r);
        PUSH(r);
        DISPATCH();
    }

    TARGET(MATCH_MAPPING)
    {
        KnObject *r = KN_BOOL(KN_TYPE(TOP())->tp_flags & KN_TPFLAGS_MAPPING);
        PUSH(r);
        DISPATCH();
    }

    TARGET(MATCH_SEQUENCE)
    {
        KnObject *r = KN_BOOL(KN_TYPE(TOP())->tp_flags & KN_TPFLAGS_SEQUENCE);
        PUSH(r);
        DISPATCH();
    }

    TARGET(MATCH_KEYS) {
        KnObject *r = jit_eval_match_keys(SECOND(), TOP());
        CHECK(r);
        PUSH(r);
        DISPATCH();
    }

    TARGET(MATCH_CLASS) {
        KnObject *kwargs = POP(), *type = POP();
        KnObject *r = jit_eval_match_class(TOP(), type, oparg, kwargs);
        CHECK(r);
        SET_TOP(r);
        DISPATCH();
    }

#include "eval_spec.inc"
#include "eval_spec_attr.inc"
#include "eval_spec_num.inc"
#include "eval_spec_iter.inc"
#include "eval_spec_call.inc"
#include "eval_spec_slice.inc"
#include "eval_spec_sets.inc"

    /* Every instruction while tracing (targets[] all point here): the
     * events (eval_trace.c), c_call events around built-in calls, then
     * the instruction's unspecialised form. */
trace_hook: {
    /* The unit at `here` is the one DISPATCH decoded (EXTENDED_ARG sets
     * `here` to the prefixed instruction before jumping). */
    int opcode = first[here] & 0xff;
    num_fresh = NULL;   /* a trace function may jump (f_lineno) or stop tracing */
    if (ts->cframe->use_tracing && opcode != JIT_OP_EXTENDED_ARG) {
        frame->stacktop = (int32_t)(sp - base);
        int st = jit_trace_instruction(ts, frame, opcode, sp);
        if (st == JIT_TRACE_FAIL)
            goto error;
        if (st == JIT_TRACE_LEAVE) {
            while (sp > base)
                *--sp = NULL;
            retval = NULL;
            goto leave;
        }
        if (jit_trace_deopt[opcode] == JIT_OP_CALL && ts->c_profilefunc != NULL) {
            KnObject **args = sp - oparg;
            KnObject *callable = sp[-oparg - 2];
            int nargs = oparg;
            if (callable != NULL) {
                args--;
                nargs++;
            } else {
                callable = sp[-oparg - 1];
            }
            kn_ssize_t npos = nargs - (kwnames ? KN_SIZE(kwnames) : 0);
            if (jit_trace_is_c_callable(callable, npos)) {
                next_instr += JIT_CACHES_CALL;  /* as TARGET(CALL) would */
                KnObject *r = jit_trace_c_call(ts, frame, callable, args, (size_t)npos, kwnames);
                kwnames = NULL;
                KnObject **newsp = sp - oparg - 2;
                while (sp > newsp)
                    *--sp = NULL;
                CHECK(r);
                PUSH(r);
                DISPATCH();
            }
        }
        if (opcode == JIT_OP_SEND && ts->c_tracefunc != NULL) {
            next_instr += JIT_CACHES_SEND;
            KnObject *v = POP(), *r = NULL;
            *sp = NULL;
            KnSendResult st = jit_trace_send(ts, frame, TOP(), v, &r);
            if (st == KN_SEND_ERROR)
                goto error;
            if (st == KN_SEND_RETURN) {
                SET_TOP(r);
                next_instr += oparg;
            } else {
                PUSH(r);
            }
            DISPATCH();
        }
        if (opcode == JIT_OP_CALL_FUNCTION_EX && ts->c_profilefunc != NULL) {
            /* The shapes the instruction would not convert differently: a
             * tuple or list of arguments, no **kwargs or a dict. */
            KnObject *kwargs = (oparg & 1) ? TOP() : NULL;
            KnObject **argslot = (oparg & 1) ? &SECOND() : &TOP();
            if (KN_LIST_CHECK_EXACT(*argslot)) {
                KnObject *t = ob_sequence_tuple(*argslot);
                CHECK(t);
                *argslot = t;
            }
            KnObject *callargs = *argslot;
            KnObject *func = (oparg & 1) ? PEEK(3) : SECOND();
            if (KN_TUPLE_CHECK_EXACT(callargs) && (kwargs == NULL || KN_DICT_CHECK_EXACT(kwargs)) &&
                jit_trace_is_c_callable(func, KN_SIZE(callargs))) {
                next_instr += JIT_CACHES_CALL_FUNCTION_EX;
                KnObject *r = jit_trace_c_call_ex(ts, frame, func, callargs, kwargs);
                KnObject **newsp = sp - 3 - (oparg & 1);
                while (sp > newsp)
                    *--sp = NULL;
                CHECK(r);
                PUSH(r);
                DISPATCH();
            }
        }
    }
    goto *plain_targets[jit_trace_deopt[opcode]];
    }

error:
    if (!ob_err_occurred())
        ob_err_set_string(ob_exc_SystemError, "error return without exception set");
    jit_traceback_here(frame);
    if (ts->c_tracefunc != NULL)
        jit_trace_exception(ts, frame);
exception_unwind: {
        const jit_exc_entry *h = find_handler(co, here);
        if (h == NULL) {
            if (ts->cframe->use_tracing)
                jit_trace_unwind(ts, frame);
            while (sp > base)
                *--sp = NULL;
            retval = NULL;
            goto leave;
        }
        KnObject *exc = ob_err_fetch();
        KnObject **to = base + h->depth;
        while (sp > to)
            *--sp = NULL;
        sp = to;
        kwnames = NULL;
        if (h->lasti) {
            KnObject *li = ob_int_from_ssize(frame->lasti);
            if (li == NULL) {
                /* MemoryError replaces the exception being handled. */
                exc = ob_err_fetch();
                li = KN_None;
            }
            PUSH(li);
        }
        PUSH(exc);
        next_instr = first + h->target;
        DISPATCH();
    }

leave:
    frame->stacktop = 0;
    if (frame->is_entry != JIT_ENTRY_C) {
        if (frame->owner == JIT_FRAME_GENERATOR)
            goto num_gen_return;        /* eval_spec_num.inc */
        /* Return from a frame CALL_PY_* pushed inline: resume the caller. */
        jit_frame *callee = frame;
        int init = callee->is_entry == JIT_ENTRY_INIT;
        frame = callee->previous;
        jt->current = frame;
        ts->recursion_remaining++;
        jit_frame_pop_fast(jt, callee);
        RELOAD_FRAME();
        next_instr = first + frame->lasti + 1 + jit_eval_caches[first[frame->lasti] & 0xff];
        kwnames = NULL;
        if (retval == NULL)
            goto error;
        if (init) {
            /* __init__ run by CALL_ALLOC_AND_INIT: the instance is on top. */
            CHECK_INT(jit_attr_init_done(co, INSTR(), retval, TOP()));
            retval = NULL;
            DISPATCH();
        }
        PUSH(retval);
        retval = NULL;
        DISPATCH();
    }
leave_suspended:
    jt->current = frame->previous;
    ts->recursion_remaining++;
    if (frame->owner == JIT_FRAME_THREAD)
        jit_frame_pop_fast(jt, frame);
    else
        frame->previous = NULL;
    return retval;
}
#undef fast
