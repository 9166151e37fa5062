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
        || ob_dict_setitem_str(jit_sys_modules(), "builtins", builtins) < 0) {
        print_current_to_fd("cannot create the builtins module");
        return -1;
    }
    return 0;
}

/* ---- printing an uncaught exception (sys.excepthook's default) ---- */

static int write_str(KnObject *f, KnObject *s)
{
    return s == NULL ? -1 : jit_file_write_str(f, s);
}

/* "mod.Qualname" (no prefix for builtins and __main__). */
static KnObject *exc_type_name(KnTypeObject *t)
{
    KnObject *qual = ob_type_qualname(t), *mod = NULL;
    if (qual == NULL)
        return NULL;
    if (ob_lookup_attr((KnObject *)t, ob_str_intern_cstr("__module__"), &mod) < 0)
        return NULL;
    if (mod == NULL || !KN_STR_CHECK(mod) || ob_str_equal_cstr(mod, "builtins")
        || ob_str_equal_cstr(mod, "__main__"))
        return qual;
    return ob_str_from_format("%U.%U", mod, qual);
}

/* SyntaxError's location block: '  File "f", line N' / the text / carets. */
static int print_syntax_location(KnObject *f, KnObject *exc)
{
    KnSyntaxErrorObject *se = (KnSyntaxErrorObject *)exc;
    KnObject *fname = se->filename && se->filename != KN_None ? se->filename
                                                                  : ob_str_intern_cstr("<string>");
    if (se->lineno == NULL || se->lineno == KN_None)
        return 0;
    KnObject *loc = ob_str_from_format("  File \"%S\", line %S\n", fname, se->lineno);
    if (write_str(f, loc) < 0)
        return -1;
    if (se->text == NULL || !KN_STR_CHECK(se->text))
        return 0;
    /* Only the erroneous line; leading blanks removed, carets follow. */
    KnObject *text = se->text;
    kn_ssize_t n = KN_STR_LEN(text), nl = ob_str_find(text, ob_str_intern_cstr("\n"), 0, n, 0);
    kn_ssize_t end = nl >= 0 ? nl : n, start = 0;
    while (start < end) {
        uint32_t c = ob_str_read_char(text, start);
        if (c != ' ' && c != '\t' && c != '\f')
            break;
        start++;
    }
    KnObject *line = ob_str_substring(text, start, end);
    if (write_str(f, ob_str_from_format("    %U\n", line)) < 0)
        return -1;
    if (se->offset == NULL || !KN_INT_CHECK(se->offset))
        return 0;
    kn_ssize_t off = ob_int_as_ssize(se->offset), stop = off + 1;
    if (se->end_offset != NULL && KN_INT_CHECK(se->end_offset)
        && (se->end_lineno == NULL || se->end_lineno == KN_None
            || ob_richcompare_bool(se->end_lineno, se->lineno, KN_EQ) == 1))
        stop = ob_int_as_ssize(se->end_offset);
    if (ob_err_occurred())
        return -1;
    kn_ssize_t col = off - 1 - start, width = stop - off;
    if (col < 0)
        col = 0;
    if (col > end - start)
        col = end - start;
    if (width < 1 || col + width > end - start + 1)
        width = 1;
    KnObject *pad = ob_str_repeat(ob_str_intern_cstr(" "), col + 4);
    KnObject *carets = ob_str_repeat(ob_str_intern_cstr("^"), width);
    if (pad == NULL || carets == NULL)
        return -1;
    return write_str(f, ob_str_from_format("%U%U\n", pad, carets));
}

/* One exception without its chain: traceback, location, "Type: message",
 * notes. */
static int print_one(KnObject *f, KnObject *exc)
{
    KnObject *tb = ob_exc_get_traceback(exc);
    if (tb != NULL && tb != KN_None
        && (jit_traceback_print != NULL ? jit_traceback_print(tb, f)
                                        : jit_sys_print_traceback(tb, f)) < 0)
        return -1;
    if (KN_TYPE_CHECK(exc, ob_exc_SyntaxError) && print_syntax_location(f, exc) < 0)
        return -1;
    KnObject *name = exc_type_name(KN_TYPE(exc));
    if (name == NULL)
        return -1;
    KnObject *msg = ob_str(exc);
    if (msg == NULL) {
        ob_err_clear();
        msg = ob_str_intern_cstr("<exception str() failed>");
    }
    if (KN_TYPE_CHECK(exc, ob_exc_SyntaxError)) {
        KnObject *m = ((KnSyntaxErrorObject *)exc)->msg;
        if (m != NULL && KN_STR_CHECK(m))
            msg = m;
    }
    KnObject *line = KN_STR_LEN(msg) ? ob_str_from_format("%U: %U\n", name, msg)
                                     : ob_str_from_format("%U\n", name);
    if (write_str(f, line) < 0)
        return -1;
    KnObject *notes;
    int has = ob_lookup_attr(exc, ob_str_intern_cstr("__notes__"), &notes);
    if (has < 0)
        return -1;
    if (has && KN_LIST_CHECK(notes)) {
        for (kn_ssize_t i = 0; i < KN_SIZE(notes); i++) {
            KnObject *note = KN_LIST_GET(notes, i);
            KnObject *text = KN_STR_CHECK(note) ? note : ob_repr(note);
            if (text == NULL || write_str(f, ob_str_from_format("%U\n", text)) < 0)
                return -1;
        }
    }
    return 0;
}

/* The chain first (cause, or context unless suppressed), guarding cycles. */
static int print_chain(KnObject *f, KnObject *exc, KnObject *seen)
{
    if (ob_set_add(seen, ob_int_from_size((size_t)(uintptr_t)exc)) < 0)
        return -1;
    KnObject *cause = ob_exc_get_cause(exc), *ctx = ob_exc_get_context(exc);
    KnObject *prev = NULL;
    const char *sep = NULL;
    if (cause != NULL && cause != KN_None) {
        prev = cause;
        sep = "\nThe above exception was the direct cause of the following exception:\n\n";
    } else if (ctx != NULL && ctx != KN_None
               && !((KnBaseExceptionObject *)exc)->suppress_context) {
        prev = ctx;
        sep = "\nDuring handling of the above exception, another exception occurred:\n\n";
    }
    if (prev != NULL) {
        int again = ob_set_contains(seen, ob_int_from_size((size_t)(uintptr_t)prev));
        if (again < 0)
            return -1;
        if (!again && (print_chain(f, prev, seen) < 0 || jit_file_write_cstr(f, sep) < 0))
            return -1;
    }
    return print_one(f, exc);
}

void jit_print_exception(KnObject *exc)
{
    KnObject *f = jit_sys_get("stderr");
    if (f == NULL || f == KN_None) {
        fputs("kiln: lost sys.stderr\n", stderr);
        return;
    }
    KnObject *seen = &ob_set_type != NULL ? ob_set_new(NULL) : NULL;
    int r = seen != NULL ? print_chain(f, exc, seen) : print_one(f, exc);
    if (r < 0) {
        ob_err_clear();
        return;
    }
    if (ob_call_method(f, "flush", 0) == NULL)
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
    if (jit_compile_source == NULL) {
        ob_err_set_string(ob_exc_NotImplementedError,
                          "this Kiln build has no bytecode compiler yet");
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

int jit_run_file(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        int err = errno;
        char *abs = realpath(path, NULL);
        char cwd[4096];
        if (abs == NULL && path[0] != '/' && getcwd(cwd, sizeof cwd) != NULL)
            fprintf(stderr, "%s: can't open file '%s/%s': [Errno %d] %s\n", program_name(),
                    cwd, path, err, strerror(err));
        else
            fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", program_name(),
                    abs ? abs : path, err, strerror(err));
        free(abs);
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
