/* libjit/jit.h — libjit's public API: compile source, run code objects.
 *
 * Parts and owners (each has its own build fragment):
 *   compiler  src/symtable.c, src/compile*.c, src/assemble.c, src/code.c,
 *             src/opcode.c                         (build-compiler.ninja)
 *   eval      src/eval*.c, src/frame.c, src/function.c, src/gen*.c,
 *             src/traceback.c                       (build-eval.ninja)
 *   builtins  src/builtins*.c, src/sys*.c, src/jit.c (start-up, run_*)
 *                                                   (build-builtins.ninja)
 * Errors follow libobject's protocol: NULL (or -1) with the exception set. */
#ifndef LIBJIT_JIT_H
#define LIBJIT_JIT_H

#include <stddef.h>
#include <stdio.h>
#include "libobject/object.h"

#ifdef __cplusplus
extern "C" {
#endif

/* compile() modes. */
typedef enum jit_mode {
    JIT_MODE_EXEC = 0,     /* "exec": a module */
    JIT_MODE_EVAL = 1,     /* "eval": one expression, its value returned */
    JIT_MODE_SINGLE = 2,   /* "single": interactive; expression statements print */
} jit_mode;

/* ---- compiler (compile.c) ----
 * Source bytes (decoded as a source file: BOM, coding cookie) to a code
 * object.  flags: CPython's compile() flag bits (CO_FUTURE_*, PyCF_*).
 * optimize: -1 = the interpreter's -O level, 0, 1 (asserts and __debug__
 * off), 2 (docstrings off too).  A syntax error raises SyntaxError (or a
 * subclass) with filename, lineno, offset, text, end_lineno, end_offset. */
KnObject *jit_compile_source(const char *src, size_t len, const char *filename,
                             jit_mode mode, int flags, int optimize);

/* The code object type (src/code.h has the layout). */
extern KnTypeObject jit_code_type;

/* ---- eval (eval.c, function.c) ----
 * Run a module-level code object: globals a dict (gets __builtins__ if it
 * has none), locals a mapping or NULL (= globals).  Returns the value of
 * the code (None for a module; the expression for "eval" mode). */
KnObject *jit_eval_code(KnObject *code, KnObject *globals, KnObject *locals);

/* The Python function type (CPython's PyFunctionObject layout). */
extern KnTypeObject jit_function_type;

/* ---- start-up and running programs (jit.c, builtins*.c, sys*.c) ---- */
/* After ob_runtime_init(): ready libjit's types, create the builtins and
 * sys modules.  argv becomes sys.argv.  0 on success, -1 with a message on
 * stderr. */
int jit_init(int argc, char **argv);
/* The builtins module and its dict. */
KnObject *jit_builtins_module(void);
KnObject *jit_builtins_dict(void);
/* Compile and run a file / a string as __main__.  Return the process exit
 * status: 0 success, 1 uncaught exception (traceback printed on stderr as
 * CPython prints it), SystemExit's code otherwise. */
int jit_run_file(const char *path);
int jit_run_string(const char *src, const char *filename);


/* ---- builtins part: command-line configuration and shutdown ----
 * python-bin fills a jit_config from its options and hands it over before
 * jit_init(); sys.flags, sys._xoptions, sys.warnoptions, sys.orig_argv and
 * the standard streams follow it.  All zero is CPython's default run. */
typedef struct jit_config {
    int optimize;              /* -O count (sys.flags.optimize, __debug__) */
    int inspect, interactive, verbose, quiet, bytes_warning, debug;
    int unbuffered;            /* -u: stdout/stderr unbuffered */
    int isolated, no_site, no_user_site, ignore_environment;
    int dont_write_bytecode, safe_path, dev_mode, utf8_mode;
    int warn_default_encoding;
    int int_max_str_digits;    /* -X int_max_str_digits; -1: default */
    const char *const *xoptions;   /* "-X" option texts, "name" or "name=value" */
    int n_xoptions;
    const char *const *warnoptions; /* "-W" texts */
    int n_warnoptions;
    int orig_argc;             /* the whole command line (sys.orig_argv) */
    char **orig_argv;
    const char *path0;         /* sys.path[0] to insert ("" for -c, -); NULL: none */
    int skip_first_line;       /* -x: jit_run_file blanks the script's first line */
} jit_config;

/* Like jit_run_string for a program read from a file-like origin (piped
 * stdin): __main__.__file__ is `filename`, as CPython sets it. */
int jit_run_source_file(const char *src, size_t len, const char *filename);
/* The interactive prompt on sys.stdin, in __main__ (a fresh one, or the
 * one a script or -c command ran in, for -i).  Returns the exit status. */
int jit_run_interactive(void);
/* Make SIGINT raise KeyboardInterrupt in the running Python code (the
 * `python` program calls it; an embedder may not).  0, or -1 (errno). */
int jit_install_sigint_handler(void);
/* Raise KeyboardInterrupt (-1) if SIGINT arrived since the last check. */
int jit_check_signals(void);
/* Before jit_init(): copy *cfg (the arrays must outlive the program). */
void jit_configure(const jit_config *cfg);
/* Flush sys.stdout and sys.stderr before the process exits.  Returns 0, or
 * 120 when flushing stdout failed (CPython's status for that case). */
int jit_finalize(void);

/* ---- eval (eval_tbprint.c, eval_entry.c) ---- */
/* Print exc (its chained causes/contexts first) with its traceback as
 * CPython 3.11 prints an uncaught exception: source lines, PEP 657 carets,
 * folded recursion, exception groups, notes.  0 on success, -1 when exc
 * is not an exception.  Never changes the current exception. */
int jit_traceback_print(KnObject *exc, FILE *out);
/* The same text as a str (for writing to a Python file object such as
 * sys.stderr).  NULL + TypeError when exc is not an exception. */
KnObject *jit_traceback_format(KnObject *exc);
/* Ready the eval part's types (function, frame, traceback, generator,
 * coroutine, async generator and their helpers); call from jit_init. */
int jit_eval_types_init(void);

/* ---- compiler (dis.c) ----
 * Print the disassembly of a code object (and of the code objects among
 * its constants, after it) in the format of CPython 3.11's dis.dis. */
#include <stdio.h>
void jit_code_dis(KnObject *code, FILE *out);
/* Compile-time warnings (SyntaxWarning, DeprecationWarning for invalid
 * escape sequences) go to this hook: return 0 to go on, or -1 with an
 * exception set to turn the warning into an error (the compiler then raises
 * SyntaxError with the warning's message, as CPython does).  Without a hook
 * SyntaxWarnings are printed on stderr as CPython's default filters show
 * them ("file:line: SyntaxWarning: msg" and the source line) and
 * DeprecationWarnings are ignored.  The builtins part installs the warnings
 * machinery here. */
typedef int (*jit_warn_hook)(KnTypeObject *category, KnObject *message,
                             KnObject *filename, int lineno);
void jit_compile_set_warn_hook(jit_warn_hook hook);


/* ---- jit-import: built-in modules and the import system (import*.c) ----
 * jit_import_add_builtin: put a C module in the table of built-in modules
 * (sys.builtin_module_names; _imp.create_builtin calls init) — before
 * jit_init.  jit_init then runs the import bootstrap: importlib._bootstrap
 * and _bootstrap_external from the stdlib's source (JIT_IMPORTLIB_DIR)
 * as _frozen_importlib(_external), installed as CPython installs them.
 * jit_import_module_level is builtins.__import__ (CPython's
 * PyImport_ImportModuleLevelObject); jit_import_module(name) is
 * `import name` returning the named module itself. */
#define JIT_IMPORTLIB_DIR "/usr/lib/python3.11/importlib"
int jit_import_add_builtin(const char *name, KnObject *(*init)(void));
int jit_import_init(void);
KnObject *jit_import_module_level(KnObject *name, KnObject *globals, KnObject *locals,
                                  KnObject *fromlist, kn_ssize_t level);
KnObject *jit_import_module(const char *name);

/* ---- jit-quicken: specialisation statistics ----
 * Print, per opcode, how many instructions specialised, failed to, missed
 * their guards and were de-specialised (counted only while KILN_SPECSTATS
 * is set in the environment; libjit then prints this report on stderr at
 * exit by itself). */
void jit_specialize_report(FILE *out);

/* ---- shutdown hook ----
 * jit_finalize() calls hook first, before anything is torn down: the
 * embedder (python-bin) passes the stdlib's atexit runner here, so libjit
 * does not depend on the stdlib. */
void jit_set_exit_hook(int (*hook)(void));

/* ---- stdlib-ast: compile(..., PyCF_ONLY_AST) ----
 * compile() with PyCF_ONLY_AST hands the source to this hook (mode 0 exec,
 * 1 eval, 2 single, 3 func_type, plus 0x100 when the source was a str,
 * plus 0x200 for PyCF_TYPE_COMMENTS,
 * plus (minor + 1) << 16 for compile()'s _feature_version=minor);
 * python-bin registers stdlib's
 * kn_ast_from_source.  Without a hook it raises NotImplementedError. */
typedef KnObject *(*jit_ast_hook)(const char *src, size_t len, const char *filename, int mode);
void jit_set_ast_hook(jit_ast_hook hook);

/* ---- threads: the GIL (gil.c, NOTES-threads.md; part threads) ----
 * One global interpreter lock; jit_init creates it held by the calling
 * (main) thread.  C code about to block without touching Python objects
 * lets other threads run:
 *     kn_gil_release(); r = poll(...); kn_gil_acquire();
 * (errno is kept).  Code below libjit uses libobject's ob_gil_release /
 * ob_gil_acquire, which jit_init points at these.  The switch interval is
 * sys.setswitchinterval's (default 0.005 s, kept in whole microseconds,
 * at least 1). */
void kn_gil_release(void);
void kn_gil_acquire(void);
double kn_gil_get_switch_interval(void);
void kn_gil_set_switch_interval(double seconds);
/* ---- part jittools: tracing and profiling (src/eval_trace.c) ----
 * CPython's PyEval_SetTrace / PyEval_SetProfile for the calling thread:
 * func(obj, frame, what, arg) runs for each event (what: JIT_TRACE_*,
 * CPython's PyTrace_* values; frame a frame object; arg the return value,
 * the (type, value, traceback) of an exception, or the built-in function
 * of a c_* event).  A non-zero result makes the event raise (the
 * exception must be set).  func NULL removes the hook.  sys.settrace and
 * sys.setprofile install Python-level trampolines through these. */
enum {
    JIT_TRACE_CALL = 0, JIT_TRACE_EXCEPTION = 1, JIT_TRACE_LINE = 2, JIT_TRACE_RETURN = 3,
    JIT_TRACE_C_CALL = 4, JIT_TRACE_C_EXCEPTION = 5, JIT_TRACE_C_RETURN = 6,
    JIT_TRACE_OPCODE = 7
};
typedef int (*jit_tracefunc)(KnObject *obj, KnObject *frame, int what, KnObject *arg);
void jit_set_trace(jit_tracefunc func, KnObject *obj);
void jit_set_profile(jit_tracefunc func, KnObject *obj);
/* The code object of a frame object (NULL when frame is not one). */
KnObject *jit_frame_object_code(KnObject *frame);
/* The calling thread's innermost Python frame as a frame object (None
 * when no Python frame runs; NULL with MemoryError set). */
KnObject *jit_current_frame_object(void);
/* Write the Python traceback of thread state ts (a KnThreadState *) to fd
 * as faulthandler does ("  File \"f\", line N in name" lines, innermost
 * first, at most 100).  Only reads memory and calls write(2): usable from
 * a signal handler.  Returns 0, or -1 when ts has no Python frame. */
int jit_dump_traceback_fd(int fd, void *ts);
/* The thread line before such a traceback: "Current thread 0x<16 hex>
 * (most recent call first):" ("Thread 0x..." when current is 0). */
void jit_dump_thread_header(int fd, unsigned long thread_id, int current);
/* -X dis / KILN_DIS: print the code of every module compiled from source
 * (jit_compile_source) on stderr as it is compiled. */
void jit_set_dis_on_compile(int on);

/* ---- compiler: compile(<ast tree>, ...) (part confcomp) ----
 * jit_compile_tree validates a libparse tree the embedder built from ast
 * objects (ValueError/TypeError with CPython's messages) and compiles it;
 * the tree and its arena stay the caller's.  Its PS_CONST_OBJECT constants
 * are KnObject pointers the caller keeps alive.
 * compile() hands an object that is not text or code to the tree hook: it
 * returns 0 when `obj` is not an ast node, 1 with *out set to the tree
 * (its root checked against mode: 0 exec, 1 eval, 2 single, 3 func_type),
 * -1 with an exception.  With PyCF_ONLY_AST an ast node is returned as is.
 * python-bin registers stdlib's kn_ast_tree_hook. */
struct ps_mod;
struct ps_arena;
KnObject *jit_compile_tree(struct ps_mod *mod, struct ps_arena *arena, const char *filename,
                           jit_mode mode, int flags, int optimize);
typedef int (*jit_ast_tree_hook)(KnObject *obj, int mode, struct ps_arena *arena,
                                 struct ps_mod **out);
void jit_set_ast_tree_hook(jit_ast_tree_hook hook);

/* ---- part readline: line editing at the prompt (stdlib readline) ----
 * The `readline` module installs its reader here when imported (libjit
 * does not link libreadline).  The reader is called with the GIL held,
 * releases it while waiting for keys, writes the prompt itself and returns
 * a malloc'd line ending in "\n", "" at end of input, or NULL with an
 * exception set (KeyboardInterrupt for Ctrl-C).  As CPython's
 * PyOS_Readline, the interactive prompt uses it when fds 0 and 1 are
 * terminals, input() when sys.stdin / sys.stdout are also fds 0 and 1.
 * jit_readline reads one line through it: a str ("" at end of input), or
 * NULL with an exception; it returns NotImplemented (no exception) when no
 * reader is installed or the streams are not terminals (use_sys_streams:
 * also check sys.stdin.fileno() == 0 and sys.stdout.fileno() == 1). */
typedef char *(*jit_readline_hook)(const char *prompt);
void jit_set_readline_hook(jit_readline_hook hook);
KnObject *jit_readline(KnObject *prompt, int use_sys_streams);

#ifdef __cplusplus
}
#endif
#endif /* LIBJIT_JIT_H */
