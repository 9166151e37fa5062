/* libjit/src/frame.c — the per-thread frame stack (eval.h).
 *
 * Frames are carved out of chunks allocated with kgc_alloc: the collector
 * scans them like any heap block, so every local and stack value is seen.
 * Invariant: the free part of a chunk is zero — a push needs no clearing
 * and a pop clears what the frame used (so no stale pointer keeps garbage
 * alive).  The chunk list and the current frame hang off
 * KnThreadState.jit, which is scanned because thread states are. */
#include <pthread.h>
#include <string.h>

#include "libgc/gc.h"
#include "eval.h"
#include "frame_fast.h"

#define CHUNK_WORDS (64 * 1024)     /* 512 KiB per chunk */
#define STACK_MARGIN (256 * 1024)   /* C stack kept free for C callees */

static void init_stack_limit(jit_tstate *jt)
{
    pthread_attr_t attr;
    void *lo = NULL;
    size_t size = 0;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        pthread_attr_getstack(&attr, &lo, &size);
        pthread_attr_destroy(&attr);
    }
    if (lo != NULL && size > 2 * STACK_MARGIN)
        jt->stack_limit = (char *)lo + STACK_MARGIN;
    else
        jt->stack_limit = NULL;
}

jit_tstate *jit_tstate_get(KnThreadState *ts)
{
    if (ts->jit != NULL)
        return ts->jit;
    jit_tstate *jt = kgc_alloc(sizeof *jt);
    if (jt == NULL)
        return (jit_tstate *)ob_err_nomemory();
    init_stack_limit(jt);
    ts->jit = jt;
    return jt;
}

jit_frame *jit_frame_current(void)
{
    KnThreadState *ts = ob_tstate_get();
    return ts && ts->jit ? ((jit_tstate *)ts->jit)->current : NULL;
}

static jit_chunk *new_chunk(jit_tstate *jt, size_t words)
{
    if (jt->spare != NULL && jt->spare->size >= words) {
        jit_chunk *c = jt->spare;
        jt->spare = NULL;
        return c;
    }
    size_t size = words < CHUNK_WORDS ? CHUNK_WORDS : words;
    jit_chunk *c = kgc_alloc(sizeof(jit_chunk) + size * sizeof(KnObject *));
    if (c == NULL)
        return (jit_chunk *)ob_err_nomemory();
    c->size = size;
    c->top = c->data;
    return c;
}

jit_frame *jit_frame_push(jit_tstate *jt, KnObject *func, KnCodeObject *code,
                          KnObject *globals, KnObject *builtins, KnObject *locals)
{
    size_t words = JIT_FRAME_WORDS(code);
    jit_chunk *c = jt->chunk;
    if (c == NULL || (size_t)(c->data + c->size - c->top) < words) {
        jit_chunk *n = new_chunk(jt, words);
        if (n == NULL)
            return NULL;
        n->prev = c;
        jt->chunk = c = n;
    }
    return jit_frame_carve(c, words, func, code, globals, builtins, locals);
}

void jit_frame_detach(jit_frame *f)
{
    KnFrameObject *fo = f->frame_obj;
    if (fo == NULL || fo->f_frame != f)
        return;
    size_t words = JIT_FRAME_WORDS(f->code);
    jit_frame *copy = kgc_alloc(words * sizeof(KnObject *));
    if (copy == NULL) {
        /* No memory for the copy: the object forgets its frame rather
         * than point into reused stack (f_locals etc. then read empty). */
        fo->f_frame = NULL;
        ob_err_clear();
        return;
    }
    memcpy(copy, f, sizeof(jit_frame) + (size_t)(f->code->co_nlocalsplus + f->stacktop) *
                                            sizeof(KnObject *));
    copy->owner = JIT_FRAME_OBJECT;
    copy->previous = NULL;
    if (fo->f_back == NULL && f->previous != NULL)
        fo->f_back = (KnFrameObject *)jit_frame_object(f->previous);
    fo->f_frame = copy;
}

void jit_frame_pop(jit_tstate *jt, jit_frame *f)
{
    if (f->frame_obj != NULL) {
        /* Making f_back's object may raise MemoryError; never lose the
         * exception that is propagating. */
        KnObject *pending = ob_err_fetch();
        jit_frame_detach(f);
        ob_err_clear();
        ob_err_restore(pending);
    }
    jit_chunk *c = jt->chunk;
    KnObject **base = (KnObject **)f;
    memset(base, 0, (size_t)(c->top - base) * sizeof(KnObject *));
    c->top = base;
    if (c->top == c->data && c->prev != NULL) {
        jt->chunk = c->prev;
        c->prev = NULL;
        jt->spare = c;
    }
}

int jit_frame_lineno(jit_frame *f)
{
    KnCodeObject *co = f->code;
    if (f->lasti < 0 || co->co_positions == NULL || f->lasti >= co->co_ncode)
        return co->co_firstlineno;
    int line = co->co_positions[f->lasti].lineno;
    return line < 0 ? -1 : line;
}

KnObject *jit_builtins_from_globals(KnObject *globals)
{
    KnObject *b = ob_dict_getitem_str(globals, "__builtins__");
    if (b == NULL) {
        if (ob_err_occurred())
            return NULL;
        return jit_builtins_dict();
    }
    if (KN_MODULE_CHECK(b))
        return ob_module_get_dict(b);
    return b;
}

KnObject *jit_frame_get_locals(jit_frame *f)
{
    KnCodeObject *co = f->code;
    if (!(co->co_flags & JIT_CO_OPTIMIZED)) {
        if (f->locals == NULL)
            ob_err_set_string(ob_exc_SystemError, "frame has no locals");
        return f->locals;
    }
    if (f->locals == NULL && (f->locals = ob_dict_new()) == NULL)
        return NULL;
    int nfree = co->co_nfreevars;
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        KnObject *name = KN_TUPLE_GET(co->co_localsplusnames, i);
        KnObject *v = f->localsplus[i];
        uint8_t kind = co->co_localspluskinds[i];
        if (kind & JIT_LOCAL_FREE) {
            /* Free variables of a class body are not locals of it. */
            if (!(co->co_flags & JIT_CO_OPTIMIZED))
                continue;
            (void)nfree;
        }
        if ((kind & (JIT_LOCAL_CELL | JIT_LOCAL_FREE)) && v != NULL &&
            KN_TYPE(v) == &ob_cell_type)
            v = KN_CELL_GET(v);
        if (v == NULL) {
            if (ob_dict_contains(f->locals, name) > 0 &&
                ob_dict_delitem(f->locals, name) < 0)
                return NULL;
            continue;
        }
        if (ob_dict_setitem(f->locals, name, v) < 0)
            return NULL;
    }
    return f->locals;
}
