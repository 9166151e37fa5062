/* libjit/src/eval.h — the interpreter's internal API: frames, functions,
 * generators, tracebacks (eval part; see NOTES-eval.md).
 *
 * Frames live on a per-thread stack of GC-scanned chunks (frame.c); a
 * frame object (KnFrameObject) is made only when someone asks for one
 * (tracebacks, sys._getframe, gi_frame) and takes a copy of the frame's
 * data when the frame exits.  Generators carry their frame inline. */
#ifndef LIBJIT_EVAL_H
#define LIBJIT_EVAL_H

#include <stdio.h>
#include "libobject/libobject.h"
#include "libobject/tstate.h"
#include "libjit/jit.h"
#include "code.h"

/* ---- functions (function.c): CPython 3.11's PyFunctionObject ---- */
typedef struct KnFunctionObject {
    KN_OBJECT_HEAD;
    KnObject *func_globals;
    KnObject *func_builtins;
    KnObject *func_name;
    KnObject *func_qualname;
    KnObject *func_code;
    KnObject *func_defaults;    /* tuple or NULL */
    KnObject *func_kwdefaults;  /* dict or NULL */
    KnObject *func_closure;     /* tuple of cells or NULL */
    KnObject *func_doc;
    KnObject *func_dict;
    KnObject *func_weakreflist;
    KnObject *func_module;
    KnObject *func_annotations; /* dict, or a (name, value, ...) tuple until read */
    vectorcallfunc vectorcall;
    uint32_t func_version;
} KnFunctionObject;

#define JIT_FUNC(o) ((KnFunctionObject *)(o))
#define JIT_FUNCTION_CHECK(o) (KN_TYPE(o) == &jit_function_type)

/* A function for `code` (qualname: code.co_qualname) over `globals`. */
KnObject *jit_function_new(KnObject *code, KnObject *globals);
/* Run a class body (a function whose code is not optimised) with
 * `locals` as its namespace; the builtins part's __build_class__ uses it. */
KnObject *jit_function_call_with_locals(KnObject *func, KnObject *locals);
/* "f()" / "mod.f()" for argument errors (CPython's _PyObject_FunctionStr). */
KnObject *jit_function_str(KnObject *func);

/* ---- frames (frame.c) ---- */
enum { JIT_FRAME_THREAD = 0, JIT_FRAME_GENERATOR = 1, JIT_FRAME_OBJECT = 2 };

typedef struct jit_frame {
    KnObject *func;             /* function, or NULL (module / exec code) */
    KnCodeObject *code;
    KnObject *globals;
    KnObject *builtins;
    KnObject *locals;           /* mapping (module, class, exec) or NULL */
    struct jit_frame *previous; /* caller while executing, else NULL */
    struct KnFrameObject *frame_obj;    /* materialised object or NULL */
    int32_t lasti;              /* code unit of the current instruction; -1 */
    int32_t stacktop;           /* value-stack items while not running */
    uint8_t owner;              /* JIT_FRAME_* */
    uint8_t is_entry;
    KnObject *localsplus[];     /* co_nlocalsplus slots, then the value stack */
} jit_frame;

#define JIT_FRAME_WORDS(code) \
    ((sizeof(jit_frame) / sizeof(KnObject *)) + (size_t)(code)->co_nlocalsplus + \
     (size_t)(code)->co_stacksize)

/* Per-thread interpreter state, hung off KnThreadState.jit. */
typedef struct jit_chunk {
    struct jit_chunk *prev;
    size_t size;                /* words in data */
    KnObject **top;             /* first free word */
    KnObject *data[];
} jit_chunk;

typedef struct jit_tstate {
    jit_chunk *chunk;
    jit_chunk *spare;
    jit_frame *current;         /* innermost executing frame */
    char *stack_limit;          /* C stack: raise RecursionError below this */
} jit_tstate;

jit_tstate *jit_tstate_get(KnThreadState *ts);
/* Push a zeroed frame for `code` on the thread's stack (NULL +
 * MemoryError).  The caller fills arguments into localsplus, then runs it
 * with jit_eval_frame, which pops it. */
jit_frame *jit_frame_push(jit_tstate *jt, KnObject *func, KnCodeObject *code,
                          KnObject *globals, KnObject *builtins, KnObject *locals);
/* Pop the thread stack's top frame (detaching its frame object). */
void jit_frame_pop(jit_tstate *jt, jit_frame *f);
/* Copy a frame that is leaving its storage into memory owned by its frame
 * object (if it has one). */
void jit_frame_detach(jit_frame *f);
int jit_frame_lineno(jit_frame *f);
/* f_locals: for optimised code a dict snapshot of the fast locals (kept in
 * f->locals, refreshed on every call); else the locals mapping. */
KnObject *jit_frame_get_locals(jit_frame *f);
/* The frame's builtins dict from a globals dict (its __builtins__). */
KnObject *jit_builtins_from_globals(KnObject *globals);

/* The running frame (NULL at top level), for sys._getframe, globals(),
 * locals(), super(). */
jit_frame *jit_frame_current(void);

/* ---- frame objects (frame_object.c): CPython's PyFrameObject prefix ---- */
typedef struct KnFrameObject {
    KN_OBJECT_HEAD;
    struct KnFrameObject *f_back;   /* set when the frame exits */
    jit_frame *f_frame;
    KnObject *f_trace;
    int f_lineno;                   /* only while tracing (unused: 0) */
    char f_trace_lines;
    char f_trace_opcodes;
    char f_fast_as_locals;
    /* part jittools: the code unit traced last in this frame (line events
     * compare with it: NOTES-tracing.md). */
    int32_t f_trace_prev;
} KnFrameObject;

extern KnTypeObject jit_frame_type;
/* The frame object for f, made on first request. */
KnObject *jit_frame_object(jit_frame *f);

/* ---- zero-argument super() support ---- */
/* The current function's __class__ cell content and first argument:
 * 0 with *type and *obj set, -1 with RuntimeError set ("super(): no arguments",
 * "super(): __class__ cell not found", ...). */
int jit_super_args(KnTypeObject **type, KnObject **obj);

/* ---- the interpreter (eval.c) ---- */
/* Safe points.  Whoever needs the interpreter's attention (a signal
 * handler, the collector's finalization queue, a GIL drop request) sets
 * jit_eval_pending; at its next RESUME or JUMP_BACKWARD the interpreter
 * clears it and calls jit_eval_pending_hook (when set), raising what the
 * hook raises (-1).  The signal module / start-up install the hook. */
extern volatile int jit_eval_pending;
extern int (*jit_eval_pending_hook)(void);
/* Set while this thread runs queued finalizers from a safe point; the
 * signal hook is not called then, and jit_signals_skipped records that it
 * was due (eval.c run_pending calls it after the finalizers). */
extern _Thread_local int jit_finalizing_here;
extern volatile int jit_signals_skipped;
/* Inline cache units after each opcode (from opcodes.def). */
extern const uint8_t jit_eval_caches[256];
/* Run frame f (pushed by jit_frame_push, or a generator's frame) from its
 * lasti.  throwflag: the current exception is raised at the resume point.
 * Thread frames are popped before returning. */
KnObject *jit_eval_frame(jit_tstate *jt, jit_frame *f, int throwflag);

/* ---- tracebacks (traceback.c): CPython's PyTracebackObject ---- */
typedef struct KnTracebackObject {
    KN_OBJECT_HEAD;
    struct KnTracebackObject *tb_next;
    KnFrameObject *tb_frame;
    int tb_lasti;               /* byte offset (2 * code unit), as CPython */
    int tb_lineno;
} KnTracebackObject;

extern KnTypeObject jit_traceback_type;
/* Prepend an entry for f (at its lasti) to the current exception's
 * traceback.  -1 on failure (the original exception is kept). */
int jit_traceback_here(jit_frame *f);
KnObject *jit_traceback_new(KnObject *next, KnObject *frame, int lasti_bytes, int lineno);

/* ---- generators, coroutines, async generators (gen.c, gen_async.c) ---- */
enum {
    JIT_GEN_CREATED = 0, JIT_GEN_SUSPENDED = 1, JIT_GEN_EXECUTING = 2,
    JIT_GEN_COMPLETED = 3
};

typedef struct KnGenObject {
    KN_OBJECT_VAR_HEAD;               /* ob_size: words of the inline frame */
    KnObject *gi_weakreflist;
    KnObject *gi_name;
    KnObject *gi_qualname;
    KnErrStackItem gi_exc_state;
    KnObject *gi_origin_or_finalizer;
    char gi_hooks_inited;
    char gi_closed;
    char gi_running_async;
    int8_t gi_frame_state;            /* JIT_GEN_* */
    char gi_fin_registered;           /* finalizer registered (gen.c) */
    KnObject *gi_code;
    KnObject *gi_iframe[];            /* a jit_frame */
} KnGenObject;

#define JIT_GEN_FRAME(g) ((jit_frame *)((KnGenObject *)(g))->gi_iframe)

extern KnTypeObject jit_gen_type, jit_coro_type, jit_async_gen_type, jit_coro_wrapper_type,
    jit_async_gen_asend_type, jit_async_gen_athrow_type, jit_async_gen_wrapped_type;

#define JIT_GEN_CHECK(o) (KN_TYPE(o) == &jit_gen_type)
#define JIT_CORO_CHECK(o) (KN_TYPE(o) == &jit_coro_type)
#define JIT_ASYNC_GEN_CHECK(o) (KN_TYPE(o) == &jit_async_gen_type)

/* RETURN_GENERATOR: move thread frame f into a new generator object of the
 * kind its code's flags select. */
KnObject *jit_gen_from_frame(jit_frame *f, int stacktop);
/* YIELD_VALUE inside generator frame f: mark it suspended. */
void jit_gen_suspend(jit_frame *f);
/* send() in the iteration protocol (am_send); also for non-generators
 * (PyIter_Send): KN_SEND_NEXT with *result yielded, KN_SEND_RETURN with
 * the return value, KN_SEND_ERROR. */
KnSendResult jit_iter_send(KnObject *iter, KnObject *value, KnObject **result);
/* The iterator `await obj` drives (NULL + TypeError). */
KnObject *jit_coro_get_awaitable_iter(KnObject *obj);
/* The object a suspended generator delegates to (yield from / await), or
 * NULL. */
KnObject *jit_gen_yf(KnGenObject *g);
/* num (gen.c): FOR_ITER / SEND resuming an exact generator without a C
 * call.  enter: its frame, linked under caller and ready to run with value
 * sent, or NULL when it is not suspended (or created, for None).  leave:
 * unlink it again after
 * YIELD_VALUE (finished 0) or when it returned / raised (finished 1,
 * retval NULL on error: a StopIteration becomes RuntimeError). */
jit_frame *jit_gen_enter_inline(KnThreadState *ts, KnObject *it, KnObject *value,
                                jit_frame *caller);
void jit_gen_leave_inline(KnThreadState *ts, jit_frame *f, int finished, KnObject *retval);
/* send() with Python-level results: the yielded value, or NULL with
 * StopIteration(value) / StopAsyncIteration / the error.  exc: raise the
 * current exception inside instead of sending. */
KnObject *jit_gen_send(KnGenObject *g, KnObject *arg, int exc);
KnSendResult jit_gen_send_ex(KnGenObject *g, KnObject *arg, int exc, int closing,
                             KnObject **result);
/* throw(typ[, val[, tb]]); close_on_genexit: close a delegate on
 * GeneratorExit instead of throwing into it. */
KnObject *jit_gen_throw(KnGenObject *g, int close_on_genexit, KnObject *typ, KnObject *val,
                        KnObject *tb);
KnObject *jit_gen_close(KnObject *g);
/* tp_finalize of generators, coroutines and async generators. */
void jit_gen_finalize(KnObject *g);
/* ASYNC_GEN_WRAP. */
KnObject *jit_async_gen_wrap(KnObject *value);

/* ---- start-up ---- */
/* Ready the eval part's types (function, frame, traceback, generators). */
int jit_eval_types_init(void);

/* ---- helpers shared by the interpreter files (eval_*.c) ---- */
KnObject *jit_eval_import_name(jit_frame *f, KnObject *name, KnObject *fromlist,
                               KnObject *level);
KnObject *jit_eval_import_from(KnObject *module, KnObject *name);
int jit_eval_import_star(jit_frame *f, KnObject *module);
int jit_eval_unpack(KnObject *seq, int before, int after, KnObject **sp);
KnObject *jit_eval_format_value(KnObject *value, int conv, KnObject *spec);
int jit_eval_dict_merge(KnObject *func, KnObject *dict, KnObject *other);
int jit_eval_do_raise(KnObject *exc, KnObject *cause);
int jit_eval_check_except_type(KnObject *type, int star);
int jit_eval_eg_match(KnObject *exc, KnObject *type, KnObject **match, KnObject **rest);
KnObject *jit_eval_prep_reraise_star(KnObject *orig, KnObject *excs);
KnObject *jit_eval_match_class(KnObject *subject, KnObject *type, kn_ssize_t nargs,
                               KnObject *kwargs);
KnObject *jit_eval_match_keys(KnObject *map, KnObject *keys);
KnObject *jit_eval_sys_attr(const char *name);
void jit_eval_name_error(KnTypeObject *type, const char *fmt, KnObject *name);
void jit_eval_unbound_error(KnCodeObject *code, int slot);
int jit_eval_setup_annotations(KnObject *locals);
KnObject *jit_eval_load_name(jit_frame *f, KnObject *name);
KnObject *jit_eval_load_global(jit_frame *f, KnObject *name);

/* ---- part jittools: tracing and profiling (eval_trace.c, NOTES-tracing.md) ----
 * While any thread has a trace or profile function, eval.c sends every
 * instruction through its trace hook (jit_eval_trace_switch swaps the
 * dispatch table); the hook calls jit_trace_instruction and then runs the
 * instruction's generic (unspecialised) form. */
void jit_eval_trace_switch(int on);
/* Specialised opcode -> its base; other opcodes map to themselves. */
extern const uint8_t jit_trace_deopt[256];
/* jit_trace_instruction results: go on, raise (goto error), or leave the
 * frame with the exception set (a failing 'return' event). */
enum { JIT_TRACE_GO = 0, JIT_TRACE_FAIL = -1, JIT_TRACE_LEAVE = -2 };
/* 'call' at RESUME, 'line' / 'opcode' events, 'return' at RETURN_VALUE and
 * YIELD_VALUE (top of stack sp[-1]). */
int jit_trace_instruction(KnThreadState *ts, jit_frame *f, int opcode, KnObject **sp);
/* 'call' events (trace, then profile function); -1 on failure. */
int jit_trace_entry(KnThreadState *ts, jit_frame *f);
/* The 'exception' event for the current exception (error: path, FOR_ITER's
 * StopIteration).  A failing trace function replaces the exception. */
void jit_trace_exception(KnThreadState *ts, jit_frame *f);
/* 'return' None for a frame left by an exception. */
void jit_trace_unwind(KnThreadState *ts, jit_frame *f);
/* CALL under a profile function: 1 when callable is a built-in the
 * profiler sees (c_call / c_return / c_exception around the call). */
int jit_trace_is_c_callable(KnObject *callable, kn_ssize_t nargs);
KnObject *jit_trace_c_call(KnThreadState *ts, jit_frame *f, KnObject *callable,
                           KnObject *const *args, size_t nargs, KnObject *kwnames);
/* The same for CALL_FUNCTION_EX: func(*callargs, **kwargs); callargs an
 * exact tuple, kwargs NULL or an exact dict. */
KnObject *jit_trace_c_call_ex(KnThreadState *ts, jit_frame *f, KnObject *func,
                              KnObject *callargs, KnObject *kwargs);
/* SEND under a trace function (receiver, sent value): StopIteration from
 * the delegate is reported as an 'exception' event first. */
KnSendResult jit_trace_send(KnThreadState *ts, jit_frame *f, KnObject *receiver, KnObject *v,
                            KnObject **result);
/* sys.settrace / setprofile (None removes), gettrace / getprofile,
 * call_tracing (eval_trace_py.c). */
KnObject *jit_trace_sys_set(KnObject *func, int profile);
KnObject *jit_trace_sys_get(int profile);
KnObject *jit_trace_call_tracing(KnObject *func, KnObject *args);
/* sys.breakpointhook(*args, **kwargs) ($PYTHONBREAKPOINT, pdb.set_trace). */
KnObject *jit_trace_breakpointhook(KnObject *args, KnObject *kwargs);

/* ---- r5-json (gen.c) ---- */
/* Let libobject's list()/tuple()/str.join()/list.extend() drive exact
 * generators (libobject/iter.h ob_iter_set_drive_hook); jit.c, start-up. */
void jit_gen_connect_libobject(void);

#endif
