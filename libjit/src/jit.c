/* jit.c — libjit start-up and running programs as __main__:
 * jit_configure, jit_init, jit_run_file, jit_run_string, jit_finalize, and
 * the top-level handling of an uncaught exception (SystemExit's exit code,
 * sys.excepthook, the default exception printer, KeyboardInterrupt).
 * See NOTES-startup.md. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "builtins.h"
#include "eval.h"
#include "gil.h"
#include "libgc/gc.h"
#include "libobject/iter.h"
#include "xoptions.h"
#include "libobject/weakref.h"

/* libobject's internal hooks (type_new.c): start-up adds the import one. */
extern KnClassHooks ob_type_hooks;

static jit_config config = { .int_max_str_digits = -1 };
static int died_of_sigint;      /* uncaught KeyboardInterrupt: re-raise SIGINT at exit */

void jit_configure(const jit_config *cfg)
{
    config = *cfg;
    jit_xoptions_apply(&config);
}

const jit_config *jit_get_config(void)
{
    return &config;
}

int jit_opt_level(void)
{
    return config.optimize;
}

/* Last resort before sys exists or when sys.stderr is unusable. */
static void print_current_to_fd(const char *what)
{
    KnObject *exc = ob_err_fetch();
    fprintf(stderr, "kiln: %s", what);
    if (exc != NULL) {
        KnObject *s = ob_str(exc);
        const char *text = s ? ob_str_as_utf8(s, NULL) : NULL;
        ob_err_clear();
        fprintf(stderr, ": %s: %s", ob_type_name(KN_TYPE(exc)), text ? text : "?");
    }
    fputc('\n', stderr);
}

static KnObject *import_for_libobject(KnObject *name)
{
    const char *s = ob_str_as_utf8(name, NULL);
    return s ? jit_import_module(s) : NULL;
}

/* What libobject needs from the builtins module and the import system:
 * builtins.iter (iterators' __reduce__), builtins.getattr (bound
 * methods' __reduce__) and `import` (copyreg, for
 * object.__reduce_ex__). */
static int connect_libobject(void)
{
    KnObject *iter = ob_dict_getitem_str(jit_builtins_dict(), "iter");
    if (iter == NULL) {
        ob_err_set_string(ob_exc_SystemError, "builtins has no iter");
        return -1;
    }
    ob_iter_register_builtin_iter(iter);
    KnObject *getattr = ob_dict_getitem_str(jit_builtins_dict(), "getattr");
    if (getattr == NULL) {
        ob_err_set_string(ob_exc_SystemError, "builtins has no getattr");
        return -1;
    }
    ob_func_register_builtin_getattr(getattr);
    static KnClassHooks hooks;
    hooks = ob_type_hooks;
    hooks.import_module = import_for_libobject;
    ob_type_set_hooks(&hooks);
    jit_gen_connect_libobject();
    return 0;
}

int jit_init(int argc, char **argv)
{
    if (ob_runtime_init() < 0)
        return -1;
    jit_gil_init();
    if (jit_eval_types_init() < 0) {
        print_current_to_fd("cannot ready the interpreter's types");
        return -1;
    }
    KnObject *sys = jit_sys_create(argc, argv);
    if (sys == NULL) {
        print_current_to_fd("cannot create the sys module");
        return -1;
    }
    KnObject *builtins = jit_builtins_create();
    if (builtins == NULL
        || ob_dict_setitem_str(jit_sys_modules(), "builtins", builtins) < 0
        || (!config.no_site && jit_builtins_add_site_names(jit_builtins_dict()) < 0)) {
        print_current_to_fd("cannot create the builtins module");
        return -1;
    }
    if (jit_import_init() < 0) {
        print_current_to_fd("cannot initialise the import system");
        return -1;
    }
    if (connect_libobject() < 0) {
        print_current_to_fd("cannot connect libobject to builtins");
        return -1;
    }
    /* As CPython: `import site` unless -S.  site adds the dist-packages
     * directories, runs their .pth files, sitecustomize/usercustomize and
     * installs exit/quit/help/copyright/credits/license. */
    if (!config.no_site && jit_import_module("site") == NULL) {
        print_current_to_fd("Fatal Python error: init_import_site: Failed to import the site module");
        return -1;
    }
    /* sys.path[0] goes in after site ran, so site never makes it absolute. */
    if (config.path0 != NULL) {
        KnObject *path = jit_sys_get("path");
        KnObject *p0 = ob_str_decode_utf8(config.path0, (kn_ssize_t)strlen(config.path0),
                                          "surrogateescape");
        if (path == NULL || p0 == NULL
            || ob_call_method(path, "insert", 2, ob_int_from_ssize(0), p0) == NULL) {
            print_current_to_fd("cannot set sys.path[0]");
            return -1;
        }
    }
    return 0;
}

/* ---- printing an uncaught exception (sys.excepthook's default) ----
 * The text (chain, traceback with carets, SyntaxError location, notes,
 * groups) is the eval part's jit_traceback_format; it goes to sys.stderr,
 * whatever object that is. */

void jit_print_exception(KnObject *exc)
{
    KnObject *f = jit_sys_get("stderr");
    if (f == NULL || f == KN_None) {
        fputs("kiln: lost sys.stderr\n", stderr);
        return;
    }
    KnObject *text = jit_traceback_format(exc);
    if (text == NULL || jit_file_write_str(f, text) < 0
        || ob_call_method(f, "flush", 0) == NULL)
        ob_err_clear();
}

/* ---- exit status of an uncaught exception ---- */

static int handle_system_exit(KnObject *exc)
{
    KnObject *code = ((KnSystemExitObject *)exc)->code;
    if (code == NULL || code == KN_None)
        return 0;
    if (KN_INT_CHECK(code)) {
        int overflow = 0;
        long long v = ob_int_as_long_long_and_overflow(code, &overflow);
        return overflow ? -1 : (int)v;
    }
    /* Anything else is printed on stderr and the status is 1. */
    jit_stdio_flush_all();
    KnObject *f = jit_sys_get("stderr");
    KnObject *s = ob_str(code);
    if (s != NULL && f != NULL && f != KN_None && jit_file_write_str(f, s) == 0
        && jit_file_write_cstr(f, "\n") == 0 && ob_call_method(f, "flush", 0) != NULL)
        return 1;
    ob_err_clear();
    return 1;
}

/* The current exception escaped __main__: print it, return the status. */
static int handle_uncaught(void)
{
    KnObject *exc = ob_err_fetch();
    if (exc == NULL)
        return 1;
    if (KN_TYPE_CHECK(exc, ob_exc_SystemExit))
        return handle_system_exit(exc);
    jit_stdio_flush_all();
    KnObject *hook = jit_sys_get("excepthook");
    if (hook == NULL || hook == KN_None) {
        fputs("sys.excepthook is missing\n", stderr);
        jit_print_exception(exc);
    } else {
        KnObject *tb = ob_exc_get_traceback(exc);
        KnObject *args[3] = { (KnObject *)KN_TYPE(exc), exc, tb ? tb : KN_None };
        if (ob_vectorcall(hook, args, 3, NULL) == NULL) {
            KnObject *hook_exc = ob_err_fetch();
            if (hook_exc != NULL && KN_TYPE_CHECK(hook_exc, ob_exc_SystemExit))
                return handle_system_exit(hook_exc);
            KnObject *f = jit_sys_get("stderr");
            if (f != NULL && f != KN_None && jit_file_write_cstr(f, "Error in sys.excepthook:\n") == 0) {
                jit_print_exception(hook_exc);
                if (jit_file_write_cstr(f, "\nOriginal exception was:\n") == 0)
                    jit_print_exception(exc);
            }
            ob_err_clear();
        }
    }
    if (KN_TYPE_CHECK(exc, ob_exc_KeyboardInterrupt)) {
        died_of_sigint = 1;
        return 130;
    }
    return 1;
}

/* ---- running __main__ ---- */

static KnObject *main_globals(const char *filename, int is_file)
{
    KnObject *m = ob_module_new_cstr("__main__");
    if (m == NULL)
        return NULL;
    KnObject *g = ob_module_get_dict(m), *ann = ob_dict_new();
    if (ann == NULL || ob_dict_setitem_str(g, "__annotations__", ann) < 0
        || ob_dict_setitem_str(g, "__builtins__", jit_builtins_module()) < 0
        || ob_dict_setitem_str(jit_sys_modules(), "__main__", m) < 0)
        return NULL;
    if (is_file) {
        KnObject *fn = ob_str_decode_utf8(filename, (kn_ssize_t)strlen(filename),
                                          "surrogateescape");
        if (fn == NULL || ob_dict_setitem_str(g, "__file__", fn) < 0
            || ob_dict_setitem_str(g, "__cached__", KN_None) < 0)
            return NULL;
    }
    return g;
}

static int run_source(const char *src, size_t len, const char *filename, int is_file)
{
    KnObject *g = main_globals(filename, is_file);
    if (g == NULL)
        return handle_uncaught();
    if (memchr(src, '\0', len) != NULL) {
        ob_err_set_string(ob_exc_SyntaxError, "source code cannot contain null bytes");
        return handle_uncaught();
    }
    KnObject *code = jit_compile_source(src, len, filename, JIT_MODE_EXEC, 0, -1);
    jit_xopt_dis_main(code);
    if (code == NULL || jit_eval_code(code, g, g) == NULL)
        return handle_uncaught();
    return 0;
}

static const char *program_name(void)
{
    return config.orig_argc > 0 ? config.orig_argv[0] : "python";
}

/* CPython 3.9+ runs a script under its absolute path (__file__, tracebacks):
 * the current directory joined to a relative path, not normalised. */
static const char *absolute_path(const char *path)
{
    char cwd[4096];
    if (path[0] == '/' || getcwd(cwd, sizeof cwd) == NULL)
        return path;
    size_t n = strlen(cwd) + strlen(path) + 2;
    char *abs = kgc_alloc_atomic(n);
    if (abs == NULL)
        return path;
    snprintf(abs, n, "%s/%s", cwd, path);
    return abs;
}

int jit_run_file(const char *path)
{
    path = absolute_path(path);
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        int err = errno;
        fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", program_name(), path,
                err, strerror(err));
        return 2;
    }
    size_t cap = 1 << 16, len = 0, n;
    char *buf = kgc_alloc_atomic(cap + 1);
    while (buf != NULL && (n = fread(buf + len, 1, cap - len, fp)) > 0) {
        len += n;
        if (len == cap) {
            cap *= 2;
            buf = kgc_realloc(buf, cap + 1);
        }
    }
    int read_error = ferror(fp);
    fclose(fp);
    if (buf == NULL || read_error) {
        fprintf(stderr, "%s: can't read file '%s'\n", program_name(), path);
        return 2;
    }
    buf[len] = '\0';
    if (config.skip_first_line) {
        /* Blank it but keep its newline, so line numbers stay true. */
        for (size_t k = 0; k < len && buf[k] != '\n'; k++)
            buf[k] = ' ';
    }
    return run_source(buf, len, path, 1);
}

int jit_run_string(const char *src, const char *filename)
{
    return run_source(src, strlen(src), filename, 0);
}

int jit_run_source_file(const char *src, size_t len, const char *filename)
{
    return run_source(src, len, filename, 1);
}

/* ---- SIGINT -> KeyboardInterrupt ----
 * The handler only records the signal and asks the interpreter for a safe
 * point (jit_eval_pending); the eval part then calls the pending hook,
 * which raises KeyboardInterrupt in the running Python code.  Blocking
 * reads and writes of the standard streams see EINTR (no SA_RESTART) and
 * call jit_check_signals themselves.  Until the signal module exists this
 * is the only handler; it will take the job over then. */

static volatile sig_atomic_t sigint_pending;

static void on_sigint(int sig)
{
    (void)sig;
    sigint_pending = 1;
    jit_eval_pending = 1;
}

int jit_check_signals(void)
{
    if (!sigint_pending || !ob_tstate_is_main())
        return 0;
    sigint_pending = 0;
    ob_err_set_none(ob_exc_KeyboardInterrupt);
    return -1;
}

int jit_install_sigint_handler(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGINT, &sa, NULL) < 0)
        return -1;
    jit_eval_pending_hook = jit_check_signals;
    return 0;
}

/* ---- the interactive prompt ----
 * Lines are read from sys.stdin, prompts (sys.ps1, sys.ps2) written to
 * sys.stderr, each complete input compiled in "single" mode (expression
 * values go to sys.displayhook) and run in __main__.  Until the parser can
 * report "incomplete input" (codeop's flag), an input continues while
 * brackets or a triple-quoted string are open or a line ends with a
 * backslash, and a compound statement (or a line ending in ':') continues
 * until an empty line — the usual interactive rhythm. */

typedef struct { int depth, in_triple, backslash, colon; } InputState;

/* Does the input start a compound statement?  Interactively those always
 * end with an empty line, even on one line ("while x: pass"). */
static int starts_compound(const char *s)
{
    static const char *const kw[] = { "if", "while", "for", "def", "class", "with", "try",
                                      "async", NULL };
    s += strspn(s, " \t");
    if (*s == '@')
        return 1;
    for (int i = 0; kw[i] != NULL; i++) {
        size_t n = strlen(kw[i]);
        if (strncmp(s, kw[i], n) == 0 && !(s[n] == '_' || (s[n] >= 'a' && s[n] <= 'z')
                                           || (s[n] >= 'A' && s[n] <= 'Z')
                                           || (s[n] >= '0' && s[n] <= '9')))
            return 1;
    }
    return 0;
}

static void scan_input(const char *s, InputState *st)
{
    memset(st, 0, sizeof *st);
    char quote = 0;
    const char *last = NULL;        /* last significant character */
    for (const char *p = s; *p; p++) {
        if (st->in_triple) {
            if (p[0] == quote && p[1] == quote && p[2] == quote) {
                st->in_triple = 0;
                p += 2;
                last = p;
            }
            continue;
        }
        if (quote) {
            if (*p == '\\' && p[1])
                p++;
            else if (*p == quote || *p == '\n')
                quote = 0;
            last = p;
            continue;
        }
        if (*p == '#') {
            while (p[1] && p[1] != '\n')
                p++;
        } else if (*p == '\'' || *p == '"') {
            if (p[1] == *p && p[2] == *p) {
                st->in_triple = 1;
                quote = *p;
                p += 2;
                continue;
            }
            quote = *p;
        } else if (strchr("([{", *p)) {
            st->depth++;
        } else if (strchr(")]}", *p) && st->depth > 0) {
            st->depth--;
        }
        if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
            last = p;
    }
    if (st->in_triple)
        return;
    st->backslash = last != NULL && *last == '\\';
    st->colon = last != NULL && *last == ':';
}

static KnObject *prompt_text(const char *name, const char *dflt)
{
    KnObject *v = jit_sys_get(name);
    if (v == NULL)
        return ob_str_from_cstr(dflt);
    return ob_str(v);
}

/* Compile and run one interactive input; 0, or -1 when SystemExit asks to
 * leave (*status set). */
static int run_interactive_input(KnObject *g, const char *src, size_t len, int *status)
{
    KnObject *code = jit_compile_source(src, len, "<stdin>", JIT_MODE_SINGLE, 0, -1);
    if (code != NULL && jit_eval_code(code, g, g) != NULL)
        return 0;
    KnObject *exc = ob_err_fetch();
    if (exc != NULL && KN_TYPE_CHECK(exc, ob_exc_SystemExit)) {
        *status = handle_system_exit(exc);
        return -1;
    }
    ob_err_restore(exc);
    handle_uncaught();
    died_of_sigint = 0;
    return 0;
}

/* ---- line editing (the readline module's reader; jit.h) ---- */

static jit_readline_hook readline_hook;

void jit_set_readline_hook(jit_readline_hook hook)
{
    readline_hook = hook;
}

/* stream.fileno() == fd; errors count as "no". */
static int stream_is_fd(KnObject *stream, int fd)
{
    KnObject *r = stream && stream != KN_None ? ob_call_method(stream, "fileno", 0) : NULL;
    if (r == NULL || !KN_INT_CHECK(r)) {
        ob_err_clear();
        return 0;
    }
    long long v = ob_int_as_long_long(r);
    ob_err_clear();
    return v == fd;
}

KnObject *jit_readline(KnObject *prompt, int use_sys_streams)
{
    if (readline_hook == NULL || !isatty(0) || !isatty(1))
        return KN_NotImplemented;
    if (use_sys_streams
        && (!stream_is_fd(jit_sys_get("stdin"), 0) || !stream_is_fd(jit_sys_get("stdout"), 1)))
        return KN_NotImplemented;
    KnObject *text = prompt ? ob_str(prompt) : ob_str_empty();
    KnObject *b = text ? ob_str_encode_utf8(text, "surrogateescape") : NULL;
    if (b == NULL)
        return NULL;
    jit_stdio_flush_all();
    char *line = readline_hook(KN_BYTES_AS_STRING(b));
    if (line == NULL)
        return NULL;
    KnObject *r = ob_str_decode_utf8(line, (kn_ssize_t)strlen(line), "surrogateescape");
    free(line);
    return r;
}

/* As CPython, an interactive start calls sys.__interactivehook__ (site's
 * hook imports readline and rlcompleter and loads ~/.python_history). */
static void run_interactive_hook(void)
{
    KnObject *hook = jit_sys_get("__interactivehook__");
    if (hook == NULL) {
        ob_err_clear();
        return;
    }
    if (ob_call(hook, NULL, NULL) != NULL)
        return;
    KnObject *err = jit_sys_get("stderr");
    if (err != NULL && err != KN_None)
        jit_file_write_cstr(err, "Failed calling sys.__interactivehook__\n");
    KnObject *exc = ob_err_fetch();
    if (exc != NULL)
        jit_print_exception(exc);
    ob_err_clear();
}

/* One line for the prompt: through the reader on a terminal (prompt on
 * stdout, as CPython's), else sys.stdin.readline() with the prompt on
 * sys.stderr. */
static KnObject *read_prompt_line(KnObject *in, KnObject *err, KnObject *prompt)
{
    KnObject *line = prompt ? jit_readline(prompt, 0) : KN_NotImplemented;
    if (line != KN_NotImplemented)
        return line;
    jit_stdio_flush_all();
    if (prompt == NULL || jit_file_write_str(err, prompt) < 0
        || ob_call_method(err, "flush", 0) == NULL)
        ob_err_clear();
    return ob_call_method(in, "readline", 0);
}

int jit_run_interactive(void)
{
    KnObject *mods = jit_sys_modules();
    KnObject *m = mods ? ob_dict_getitem_str(mods, "__main__") : NULL;
    KnObject *g = m != NULL ? ob_module_get_dict(m) : main_globals("<stdin>", 0);
    if (g == NULL || jit_sys_set("ps1", ob_str_from_cstr(">>> ")) < 0
        || jit_sys_set("ps2", ob_str_from_cstr("... ")) < 0)
        return handle_uncaught();
    KnObject *in = jit_sys_get("stdin"), *err = jit_sys_get("stderr");
    if (in == NULL || in == KN_None || err == NULL || err == KN_None) {
        fputs("kiln: no sys.stdin or sys.stderr for the interactive prompt\n", stderr);
        return 1;
    }
    if (isatty(0) || config.interactive)
        run_interactive_hook();
    KnObject *pending = ob_str_empty();
    int block = 0, status = 0;
    for (;;) {
        KnObject *prompt = KN_STR_LEN(pending) ? prompt_text("ps2", "... ")
                                               : prompt_text("ps1", ">>> ");
        if (prompt == NULL)
            ob_err_clear();
        KnObject *line = read_prompt_line(in, err, prompt);
        if (line == NULL && ob_err_matches((KnObject *)ob_exc_KeyboardInterrupt)) {
            /* Ctrl-C at the prompt drops the pending input, as CPython. */
            ob_err_clear();
            jit_file_write_cstr(err, "\nKeyboardInterrupt\n");
            pending = ob_str_empty();
            block = 0;
            continue;
        }
        if (line == NULL) {
            handle_uncaught();
            return 1;
        }
        int eof = !KN_STR_CHECK(line) || KN_STR_LEN(line) == 0;
        if (eof) {
            jit_file_write_cstr(err, "\n");
            ob_err_clear();
            if (KN_STR_LEN(pending) == 0)
                return 0;
        } else if ((pending = ob_str_concat(pending, line)) == NULL) {
            return handle_uncaught();
        }
        kn_ssize_t len;
        const char *src = ob_str_as_utf8(pending, &len);
        if (src == NULL)
            return handle_uncaught();
        InputState st;
        scan_input(src, &st);
        int blank = !eof && KN_STR_LEN(line) <= 1;
        if (!eof) {
            if (st.depth > 0 || st.in_triple || st.backslash)
                continue;
            if (st.colon || starts_compound(src))
                block = 1;
            if (block && !blank)
                continue;
        }
        block = 0;
        pending = ob_str_empty();
        if (len > 0 && strspn(src, " \t\r\n") < (size_t)len
            && run_interactive_input(g, src, (size_t)len, &status) < 0)
            return status;
        /* At end of input the next prompt still appears (then EOF again). */
    }
}

int jit_stdio_flush_stdout(void);

static int (*exit_hook)(void);

void jit_set_exit_hook(int (*hook)(void))
{
    exit_hook = hook;
}

/* As CPython's shutdown: if threading was imported, its _shutdown() joins
 * the non-daemon threads (daemon threads keep running until the process
 * ends, blocked on the GIL the main thread no longer lets go). */
static void wait_for_threads(void)
{
    KnObject *mods = jit_sys_modules();
    KnObject *threading = mods ? ob_dict_getitem_str(mods, "threading") : NULL;
    if (threading == NULL)
        return;
    KnObject *exc = ob_err_fetch();
    if (ob_call_method(threading, "_shutdown", 0) == NULL)
        ob_err_write_unraisable(threading);
    ob_err_restore(exc);
}

int jit_finalize(void)
{
    /* As CPython's shutdown: atexit callbacks first (the embedder's hook),
     * then the __del__ of what only __main__ kept runs, and the
     * finalization queue is drained (DESIGN §4). */
    wait_for_threads();
    if (exit_hook != NULL)
        exit_hook();
    KnObject *mods = jit_sys_modules();
    KnObject *m = mods ? ob_dict_getitem_str(mods, "__main__") : NULL;
    ob_finalize_at_exit(m != NULL && KN_MODULE_CHECK(m) ? ob_module_get_dict(m) : NULL);
    int status = jit_stdio_flush_stdout() < 0 ? 120 : 0;
    jit_stdio_flush_all();
    if (died_of_sigint) {
        /* As CPython: die of SIGINT so the parent sees the signal. */
        signal(SIGINT, SIG_DFL);
        kill(getpid(), SIGINT);
    }
    return status;
}
