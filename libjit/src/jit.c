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
#include "libgc/gc.h"

static jit_config config = { .int_max_str_digits = -1 };
static int died_of_sigint;      /* uncaught KeyboardInterrupt: re-raise SIGINT at exit */

void jit_configure(const jit_config *cfg)
{
    config = *cfg;
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

int jit_init(int argc, char **argv)
{
    if (ob_runtime_init() < 0)
        return -1;
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

int jit_stdio_flush_stdout(void);

int jit_finalize(void)
{
    int status = jit_stdio_flush_stdout() < 0 ? 120 : 0;
    jit_stdio_flush_all();
    if (died_of_sigint) {
        /* As CPython: die of SIGINT so the parent sees the signal. */
        signal(SIGINT, SIG_DFL);
        kill(getpid(), SIGINT);
    }
    return status;
}
