/* libjit/src/gen_inline.h — the per-step generator work that the eval
 * loop does inline (eval.c's YIELD_VALUE, FOR_ITER and SEND; gen.c).
 *
 * Only eval.c and gen.c include this.  The slow cases stay in gen.c:
 * jit_gen_suspend when the suspension may need a finalizer, and the C
 * path of send()/next() when the generator is not simply suspended. */
#ifndef LIBJIT_GEN_INLINE_H
#define LIBJIT_GEN_INLINE_H

#include <stddef.h>

#include "eval.h"
#include "opcode.h"

/* A C consumer driving an exact generator (sum() in builtins_num.c):
 * while jit_gen_next_driven runs the generator, each value it yields is
 * first offered to consume(), which takes it (0: the generator goes on at
 * once, in the same eval loop, as if next() had resumed it) or gives it
 * back (1: the generator suspends and the value is returned as next()
 * would).  consume() must not run Python code nor fail: the generator
 * is still executing while it runs.  Drivers nest (outer).
 *
 * `frame` follows a `yield from` chain down (jit_gen_enter_fast) and back
 * up (gen.c, jit_gen_leave_inline): while the driven frame delegates to a
 * generator entered in the same C loop, every value that generator yields
 * would travel up unchanged (SEND, YIELD_VALUE, RESUME and SEND again in
 * each delegating frame, nothing else), so it is offered where it is
 * yielded.  A value given back is then offered again by each delegating
 * frame on its way up: giving back must leave the consumer unchanged. */
typedef struct jit_gen_driver {
    jit_frame *frame;                 /* the driven generator's frame */
    int (*consume)(struct jit_gen_driver *d, KnObject *value);
    struct jit_gen_driver *outer;
} jit_gen_driver;

extern _Thread_local jit_gen_driver *jit_gen_driving;

/* next(gen) for an exact generator, with `d` consuming what it takes:
 * the first value given back, or NULL when the generator is exhausted
 * (no exception set) or failed (exception set). */
KnObject *jit_gen_next_driven(KnObject *gen, jit_gen_driver *d);

#define JIT_FRAME_GEN(f) ((KnGenObject *)((char *)(f) - offsetof(KnGenObject, gi_iframe)))

/* YIELD_VALUE's bookkeeping (f->lasti at the YIELD_VALUE, its stacktop
 * stored): mark the generator suspended.  A suspension needs the close()
 * finalizer only inside a try/with block or while delegating to an
 * object other than a generator or coroutine (gen.c: gen_needs_finalizer);
 * code without an exception table that yields plainly or delegates to a
 * generator needs nothing more, so no call. */
static inline void jit_gen_suspend_inline(jit_frame *f)
{
    KnGenObject *g = JIT_FRAME_GEN(f);
    KnCodeObject *co = f->code;
    if (g->gi_fin_registered || co->co_nexc != 0 || f->lasti + 1 >= co->co_ncode) {
        jit_gen_suspend(f);
        return;
    }
    uint16_t next = co->co_code[f->lasti + 1];
    if ((next & 0xff) == JIT_OP_RESUME && (next >> 8) >= 2) {
        KnObject *yf = f->stacktop >= 1 ? f->localsplus[co->co_nlocalsplus + f->stacktop - 1]
                                        : NULL;
        if (yf == NULL || (!JIT_GEN_CHECK(yf) && !JIT_CORO_CHECK(yf))) {
            jit_gen_suspend(f);
            return;
        }
    }
    g->gi_frame_state = JIT_GEN_SUSPENDED;
}

/* FOR_ITER / SEND entering an exact generator in the caller's C loop:
 * jit_gen_enter_inline's steps.  NULL when the generator is running,
 * finished, or just created and sent a value other than None (the C
 * path reports those). */
static inline jit_frame *jit_gen_enter_fast(KnThreadState *ts, KnObject *it, KnObject *value,
                                            jit_frame *caller)
{
    KnGenObject *g = (KnGenObject *)it;
    if (g->gi_frame_state != JIT_GEN_SUSPENDED &&
        (g->gi_frame_state != JIT_GEN_CREATED || value != KN_None))
        return NULL;
    jit_frame *f = JIT_GEN_FRAME(g);
    f->localsplus[f->code->co_nlocalsplus + f->stacktop++] = value;
    g->gi_exc_state.previous_item = ts->exc_info;
    ts->exc_info = &g->gi_exc_state;
    g->gi_frame_state = JIT_GEN_EXECUTING;
    f->previous = caller;
    f->is_entry = 0;
    jit_gen_driver *d = jit_gen_driving;
    if (d != NULL && d->frame == caller) {
        /* `yield from` in the driven frame (SEND, then YIELD_VALUE of what
         * it gets): drive the delegate (gen_inline.h, jit_gen_driver). */
        KnCodeObject *cc = caller->code;
        int32_t at = caller->lasti;
        if (at >= 0 && at + 1 < cc->co_ncode && (cc->co_code[at] & 0xff) == JIT_OP_SEND &&
            (cc->co_code[at + 1] & 0xff) == JIT_OP_YIELD_VALUE)
            d->frame = f;
    }
    return f;
}

#endif
