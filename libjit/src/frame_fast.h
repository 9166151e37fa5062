/* libjit/src/frame_fast.h — inline push/pop of the thread frame stack for
 * the interpreter's own calls (CALL_PY_*, CALL_ALLOC_AND_INIT, `leave:`).
 *
 * The common case — room in the current chunk on push, no frame object
 * and not the chunk's first frame on pop — is done here without a call;
 * everything else goes to frame.c, which keeps the invariant that the
 * free part of a chunk is zero (so a pushed frame's locals, frame_obj,
 * stacktop and is_entry are already 0/NULL).  The pop still clears the
 * whole frame: POP() leaves stale pointers above the stack top, and the
 * next push reuses those words as locals that must read unbound. */
#ifndef LIBJIT_FRAME_FAST_H
#define LIBJIT_FRAME_FAST_H

#include <string.h>

#include "eval.h"

/* The thread's interpreter state; made on first use (NULL + MemoryError). */
static inline jit_tstate *jit_tstate_fast(KnThreadState *ts)
{
    if (__builtin_expect(ts->jit != NULL, 1))
        return ts->jit;
    return jit_tstate_get(ts);
}

/* Carve a frame of `words` out of chunk c (which has room) and fill its
 * header; the rest is zero already. */
static inline jit_frame *jit_frame_carve(jit_chunk *c, size_t words, KnObject *func,
                                         KnCodeObject *code, KnObject *globals,
                                         KnObject *builtins, KnObject *locals)
{
    jit_frame *f = (jit_frame *)c->top;
    c->top += words;
    f->func = func;
    f->code = code;
    f->globals = globals;
    f->builtins = builtins;
    f->locals = locals;
    f->lasti = -1;
    f->owner = JIT_FRAME_THREAD;
    return f;
}

static inline jit_frame *jit_frame_push_fast(jit_tstate *jt, KnObject *func, KnCodeObject *code,
                                             KnObject *globals, KnObject *builtins)
{
    size_t words = JIT_FRAME_WORDS(code);
    jit_chunk *c = jt->chunk;
    if (__builtin_expect(c == NULL || (size_t)(c->data + c->size - c->top) < words, 0))
        return jit_frame_push(jt, func, code, globals, builtins, NULL);
    return jit_frame_carve(c, words, func, code, globals, builtins, NULL);
}

static inline void jit_frame_pop_fast(jit_tstate *jt, jit_frame *f)
{
    jit_chunk *c = jt->chunk;
    KnObject **base = (KnObject **)f;
    if (__builtin_expect(f->frame_obj != NULL || base == c->data, 0)) {
        jit_frame_pop(jt, f);
        return;
    }
    memset(base, 0, (size_t)(c->top - base) * sizeof(KnObject *));
    c->top = base;
}

#endif
