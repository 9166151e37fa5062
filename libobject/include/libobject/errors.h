/*
 * libobject/errors.h — the exception protocol (src/errors.c).
 *
 * A failing call returns NULL (or -1) with the current exception set in the
 * thread state.  The built-in exception classes are ob_exc_<Name>.
 */
#ifndef LIBOBJECT_ERRORS_H
#define LIBOBJECT_ERRORS_H

#include <stdarg.h>
#include "libobject/object.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Raise exc (an exception class) with no argument / a message / a value
 * (a value that is already an instance of exc is raised as it is; a tuple is
 * the argument tuple; anything else the single argument). */
void ob_err_set_none(KnTypeObject *exc);
void ob_err_set_string(KnTypeObject *exc, const char *msg);
void ob_err_set_object(KnTypeObject *exc, KnObject *value);

/* Raise exc with a message built by ob_str_from_format's rules (CPython's
 * PyUnicode_FromFormat: %s %d %i %u %ld %lu %zd %zu %x %p %c %% %U %S %R %A
 * %V %N (type name)).  Always returns NULL so callers can `return
 * ob_err_format(...)`. */
KnObject *ob_err_format(KnTypeObject *exc, const char *fmt, ...);
KnObject *ob_err_formatv(KnTypeObject *exc, const char *fmt, va_list ap);

/* MemoryError (a preallocated instance: works when memory is exhausted).
 * Returns NULL. */
KnObject *ob_err_nomemory(void);

/* SystemError "bad argument to internal function". */
void ob_err_bad_internal_call(void);

/* The current exception's class, or NULL when none is set (borrowed). */
KnTypeObject *ob_err_occurred(void);

/* Does the current exception match exc (a class or a tuple of classes)? */
int ob_err_matches(KnObject *exc);
/* Does exception instance or class `given` match exc (class or tuple)? */
int ob_err_given_matches(KnObject *given, KnObject *exc);

/* Take the current exception instance and clear it (NULL when none). */
KnObject *ob_err_fetch(void);
/* Make `exc` (an exception instance, or NULL to clear) the current one. */
void ob_err_restore(KnObject *exc);
void ob_err_clear(void);

/* Set __context__ of the exception being raised to the one being handled,
 * as `raise` inside `except` does (called by the interpreter and by C code
 * that raises while handling). */
void ob_err_chain_context(KnObject *exc);

/* Report the current exception, which cannot be raised (in a finalizer, a
 * callback), and clear it: ob_unraisable_handler's job when a runtime has
 * installed one (libjit: sys.unraisablehook), else "Exception ignored in:
 * <context_obj>" and the exception on stderr.  The _msg form passes
 * err_msg (NULL: none, the hook's default "Exception ignored in"). */
void ob_err_write_unraisable(KnObject *context_obj);
void ob_err_write_unraisable_msg(const char *err_msg, KnObject *context_obj);

/* Called with the exception already fetched; 0 when it was reported, -1
 * (no exception set) to fall back to the plain report. */
extern int (*ob_unraisable_handler)(KnObject *exc, const char *err_msg,
                                    KnObject *context_obj);

/* RecursionError guard for C code that recurses (repr, compare, ...).
 * ob_enter_recursive_call returns -1 with RecursionError set when too deep
 * ("maximum recursion depth exceeded" + where). */
int ob_enter_recursive_call(const char *where);
void ob_leave_recursive_call(void);

/* ---- the built-in exception classes (src/exceptions.c) ---- */
#define OB_EXC_LIST(X) \
    X(BaseException) X(BaseExceptionGroup) X(Exception) X(ExceptionGroup) \
    X(GeneratorExit) X(KeyboardInterrupt) X(SystemExit) \
    X(ArithmeticError) X(FloatingPointError) X(OverflowError) X(ZeroDivisionError) \
    X(AssertionError) X(AttributeError) X(BufferError) X(EOFError) \
    X(ImportError) X(ModuleNotFoundError) \
    X(LookupError) X(IndexError) X(KeyError) X(MemoryError) \
    X(NameError) X(UnboundLocalError) \
    X(OSError) X(BlockingIOError) X(ChildProcessError) X(ConnectionError) \
    X(BrokenPipeError) X(ConnectionAbortedError) X(ConnectionRefusedError) \
    X(ConnectionResetError) X(FileExistsError) X(FileNotFoundError) \
    X(InterruptedError) X(IsADirectoryError) X(NotADirectoryError) \
    X(PermissionError) X(ProcessLookupError) X(TimeoutError) \
    X(ReferenceError) X(RuntimeError) X(NotImplementedError) X(RecursionError) \
    X(StopAsyncIteration) X(StopIteration) \
    X(SyntaxError) X(IndentationError) X(TabError) X(SystemError) X(TypeError) \
    X(ValueError) X(UnicodeError) X(UnicodeDecodeError) X(UnicodeEncodeError) \
    X(UnicodeTranslateError) \
    X(Warning) X(BytesWarning) X(DeprecationWarning) X(EncodingWarning) \
    X(FutureWarning) X(ImportWarning) X(PendingDeprecationWarning) \
    X(ResourceWarning) X(RuntimeWarning) X(SyntaxWarning) X(UnicodeWarning) \
    X(UserWarning)

#define OB_EXC_DECLARE(name) extern KnTypeObject *ob_exc_##name;
OB_EXC_LIST(OB_EXC_DECLARE)
#undef OB_EXC_DECLARE

/* ---- ob-fixes: warnings (src/warnings.c) ----
 * Issue a warning of `category` (a Warning subclass; NULL: RuntimeWarning)
 * attributed `stacklevel` frames up (1: the code that called the C
 * function), as CPython's PyErr_WarnEx / PyErr_WarnFormat.  Returns 0, or
 * -1 with an exception set when the warning became an error (a filter
 * with action "error") or could not be issued: the caller must then fail.
 * ob_err_warn_format builds the message with ob_str_from_format's rules.
 *
 * libobject has no filters of its own: libjit registers the real
 * implementation (the _warnings module) with ob_err_set_warn_hook; the
 * hook gets the message as a str and returns 0 / -1 as above.  Without a
 * hook a warning is handled as CPython handles one that has no Python
 * frame, under its default filters: DeprecationWarning,
 * PendingDeprecationWarning, ImportWarning and ResourceWarning are
 * ignored; any other category is written once per (category, message) to
 * stderr as "sys:1: Category: message". */
typedef int (*KnWarnHook)(KnObject *category, KnObject *message, kn_ssize_t stacklevel);
void ob_err_set_warn_hook(KnWarnHook hook);
int ob_err_warn(KnObject *category, const char *message, kn_ssize_t stacklevel);
int ob_err_warn_format(KnObject *category, kn_ssize_t stacklevel, const char *fmt, ...);

#ifdef __cplusplus
}
#endif
#endif /* LIBOBJECT_ERRORS_H */
