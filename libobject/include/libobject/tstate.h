/*
 * libobject/tstate.h — per-thread state.
 *
 * The prefix of KnThreadState is CPython 3.11's PyThreadState, field for
 * field, because extensions (Cython in particular) read the current exception
 * (curexc_*), the handled-exception stack (exc_info) and cframe->use_tracing
 * straight from memory.  Kiln's own fields follow the mirrored prefix; code
 * outside libcapi never relies on the CPython names beyond what is here.
 *
 * The current exception is always stored normalised: curexc_value is the
 * exception instance, curexc_type its type, curexc_traceback its
 * __traceback__ (or NULL).
 */
#ifndef LIBOBJECT_TSTATE_H
#define LIBOBJECT_TSTATE_H

#include "libobject/object.h"

#ifdef __cplusplus
extern "C" {
#endif

/* CPython's _PyErr_StackItem: one entry per running generator/coroutine
 * frame that may be handling an exception (sys.exc_info()). */
typedef struct KnErrStackItem {
    KnObject *exc_value;
    struct KnErrStackItem *previous_item;
} KnErrStackItem;

/* CPython's _PyCFrame. */
typedef struct KnCFrame {
    uint8_t use_tracing;
    void *current_frame;
    struct KnCFrame *previous;
} KnCFrame;

typedef struct KnThreadState KnThreadState;

struct KnThreadState {
    /* ---- CPython 3.11 PyThreadState layout ---- */
    KnThreadState *prev;
    KnThreadState *next;
    void *interp;
    int _initialized;
    int _static;
    int recursion_remaining;
    int recursion_limit;
    int recursion_headroom;
    int tracing;
    int tracing_what;
    KnCFrame *cframe;
    void *c_profilefunc;
    void *c_tracefunc;
    KnObject *c_profileobj;
    KnObject *c_traceobj;
    KnObject *curexc_type;
    KnObject *curexc_value;
    KnObject *curexc_traceback;
    KnErrStackItem *exc_info;
    KnObject *dict;
    int gilstate_counter;
    KnObject *async_exc;
    unsigned long thread_id;
    unsigned long native_thread_id;
    int trash_delete_nesting;
    KnObject *trash_delete_later;
    void (*on_delete)(void *);
    void *on_delete_data;
    int coroutine_origin_tracking_depth;
    KnObject *async_gen_firstiter;
    KnObject *async_gen_finalizer;
    KnObject *context;
    uint64_t context_ver;
    uint64_t id;
    /* ---- Kiln's own fields (not part of the ABI) ---- */
    KnCFrame root_cframe;
    KnErrStackItem exc_state;   /* bottom of the exc_info stack */
    int c_recursion_depth;      /* nesting of ob_* calls that recurse in C */
    void *jit;                  /* libjit's per-thread data (frames, ...) */
};

/* The running thread's state; set by ob_tstate_bind() when a thread starts
 * running Python (the main thread: ob_runtime_init()). */
extern _Thread_local KnThreadState *ob_tstate_current;

static inline KnThreadState *ob_tstate_get(void)
{
    return ob_tstate_current;
}

/* Allocate (uncollectable) and bind a fresh state to the calling thread. */
KnThreadState *ob_tstate_new_and_bind(void);


/* ---- threads (part: threads; see libjit/NOTES-threads.md) ----
 * The GIL itself lives in libjit (gil.c), which installs its release and
 * acquire functions here at start-up so that code below libjit (the stdlib
 * modules, which link without libjit in their unit tests) can let other
 * threads run around a blocking system call:
 *
 *     ob_gil_release();
 *     n = read(fd, buf, size);      // no Python objects touched here
 *     ob_gil_acquire();
 *
 * Both keep errno.  Until the hooks are installed they do nothing. */
void ob_gil_release(void);
void ob_gil_acquire(void);
void ob_gil_set_hooks(void (*release)(void), void (*acquire)(void));
/* Non-zero once libjit's GIL is installed (threads may be started). */
int ob_gil_installed(void);

/* The main thread is the one whose state was created first (or, after
 * fork(), the thread that forked: ob_tstate_make_main in the child).  Only
 * it runs Python signal handlers. */
int ob_tstate_is_main(void);
void ob_tstate_make_main(void);

/* A thread that ran Python is ending: unbind its state and free it. */
void ob_tstate_delete_current(void);

#ifdef __cplusplus
}
#endif
#endif /* LIBOBJECT_TSTATE_H */
