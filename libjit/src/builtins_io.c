/* builtins_io.c — builtins that talk to the user: print input open
 * breakpoint help.  print() and input() go through sys.stdout/sys.stdin
 * (any object with write()/readline()), as in CPython. */
#include <string.h>

#include "builtins.h"

int jit_file_write_str(KnObject *file, KnObject *s)
{
    return ob_call_method(file, "write", 1, s) == NULL ? -1 : 0;
}

int jit_file_write_cstr(KnObject *file, const char *s)
{
    KnObject *str = ob_str_from_utf8(s, (kn_ssize_t)strlen(s));
    return str == NULL ? -1 : jit_file_write_str(file, str);
}

/* sys.<name> for print/input: RuntimeError "lost sys.stdout" when absent. */
static KnObject *sys_stream(const char *name)
{
    KnObject *f = jit_sys_get(name);
    if (f == NULL)
        ob_err_format(ob_exc_RuntimeError, "lost sys.%s", name);
    return f;
}

static KnObject *bi_print(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                          KnObject *kwnames)
{
    static const char *const names[] = { "sep", "end", "file", "flush", NULL };
    static const KnArgSpec spec = { "print", names, 0, 0, 0 };
    KnObject *kw[4];
    if (ob_args_parse(&spec, args + nargs, 0, kwnames, kw) < 0)
        return NULL;
    KnObject *sep = kw[0], *end = kw[1], *file = kw[2], *flush = kw[3];
    if (file == NULL || file == KN_None) {
        if ((file = sys_stream("stdout")) == NULL)
            return NULL;
        if (file == KN_None)
            return KN_None;
    }
    if (sep == KN_None)
        sep = NULL;
    else if (sep != NULL && !KN_STR_CHECK(sep))
        return ob_err_format(ob_exc_TypeError, "sep must be None or a string, not %s",
                             ob_type_name(KN_TYPE(sep)));
    if (end == KN_None)
        end = NULL;
    else if (end != NULL && !KN_STR_CHECK(end))
        return ob_err_format(ob_exc_TypeError, "end must be None or a string, not %s",
                             ob_type_name(KN_TYPE(end)));
    KnObject *write = ob_getattr_str(file, "write");
    if (write == NULL)
        return NULL;
    for (kn_ssize_t i = 0; i < nargs; i++) {
        if (i > 0 && ob_call_onearg(write, sep ? sep : ob_str_intern_cstr(" ")) == NULL)
            return NULL;
        KnObject *s = ob_str(args[i]);
        if (s == NULL || ob_call_onearg(write, s) == NULL)
            return NULL;
    }
    if (ob_call_onearg(write, end ? end : ob_str_intern_cstr("\n")) == NULL)
        return NULL;
    if (flush != NULL) {
        int t = ob_is_true(flush);
        if (t < 0 || (t && ob_call_method(file, "flush", 0) == NULL))
            return NULL;
    }
    return KN_None;
}

static KnObject *bi_input(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("input", nargs, 0, 1) < 0)
        return NULL;
    KnObject *in = sys_stream("stdin"), *out, *err;
    if (in == NULL || (out = sys_stream("stdout")) == NULL || (err = sys_stream("stderr")) == NULL)
        return NULL;
    if (in == KN_None)
        return ob_err_format(ob_exc_RuntimeError, "input(): lost sys.stdin");
    if (out == KN_None)
        return ob_err_format(ob_exc_RuntimeError, "input(): lost sys.stdout");
    if (err != KN_None && ob_call_method(err, "flush", 0) == NULL)
        ob_err_clear();     /* CPython ignores a failing stderr flush here */
    /* On a terminal, with the readline module imported: its line editor
     * (jit.h), which writes the prompt itself. */
    KnObject *edited = jit_readline(nargs == 1 ? args[0] : NULL, 1);
    if (edited == NULL)
        return NULL;
    if (edited != KN_NotImplemented) {
        kn_ssize_t len = KN_STR_LEN(edited);
        if (len == 0)
            return ob_err_format(ob_exc_EOFError, "EOF when reading a line");
        return ob_str_substring(edited, 0, len - 1);
    }
    if (nargs == 1) {
        KnObject *prompt = ob_str(args[0]);
        if (prompt == NULL || jit_file_write_str(out, prompt) < 0)
            return NULL;
    }
    if (ob_call_method(out, "flush", 0) == NULL)
        ob_err_clear();
    KnObject *line = ob_call_method(in, "readline", 0);
    if (line == NULL)
        return NULL;
    if (!KN_STR_CHECK(line))
        return ob_err_format(ob_exc_TypeError, "object.readline() returned non-string");
    kn_ssize_t n = KN_STR_LEN(line);
    if (n == 0)
        return ob_err_format(ob_exc_EOFError, "EOF when reading a line");
    if (ob_str_read_char(line, n - 1) == '\n')
        return ob_str_substring(line, 0, n - 1);
    return line;
}

static KnObject *bi_open(KnObject *self, KnObject *args, KnObject *kwargs)
{
    KnObject *msg = ob_str_from_cstr(
        "open() needs the _io module, which this Kiln build does not have yet");
    if (msg == NULL)
        return NULL;
    KnObject *exc = ob_call_onearg((KnObject *)ob_exc_ImportError, msg);
    if (exc == NULL)
        return NULL;
    if (ob_setattr_str(exc, "name", ob_str_intern_cstr("_io")) < 0)
        return NULL;
    ob_err_set_object(ob_exc_ImportError, exc);
    return NULL;
}

/* breakpoint(*a, **k) is sys.breakpointhook(*a, **k) (sys_hooks.c). */
static KnObject *bi_breakpoint(KnObject *self, KnObject *args, KnObject *kwargs)
{
    KnObject *hook = jit_sys_get("breakpointhook");
    if (hook == NULL)
        return ob_err_format(ob_exc_RuntimeError, "lost sys.breakpointhook");
    return ob_call(hook, args, kwargs);
}

static KnObject *bi_help(KnObject *self, KnObject *args, KnObject *kwargs)
{
    return ob_err_format(ob_exc_NotImplementedError,
                         "help() needs pydoc, which Kiln cannot import yet");
}

#define FAST(f) ((KnCFunction)(void (*)(void))(f))
#define KW(f) ((KnCFunction)(void (*)(void))(f))

KnMethodDef jit_builtins_io_methods[] = {
    { "breakpoint", KW(bi_breakpoint), KN_METH_VARARGS | KN_METH_KEYWORDS,
      "breakpoint(*args, **kws)\n\n"
      "Call sys.breakpointhook(*args, **kws)." },
    { "help", KW(bi_help), KN_METH_VARARGS | KN_METH_KEYWORDS,
      "Define the builtin 'help'." },
    { "input", FAST(bi_input), KN_METH_FASTCALL,
      "input($module, prompt='', /)\n--\n\n"
      "Read a string from standard input.  The trailing newline is stripped." },
    { "open", KW(bi_open), KN_METH_VARARGS | KN_METH_KEYWORDS,
      "open($module, /, file, mode='r', buffering=-1, encoding=None,\n     errors=None, newline=None, closefd=True, opener=None)\n--\n\n"
      "Open file and return a stream.  Raise OSError upon failure." },
    { "print", FAST(bi_print), KN_METH_FASTCALL | KN_METH_KEYWORDS,
      "print($module, /, *args, sep=' ', end='\\n', file=None, flush=False)\n--\n\n"
      "Prints the values to a stream, or to sys.stdout by default." },
    { NULL, NULL, 0, NULL },
};
