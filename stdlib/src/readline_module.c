/*
 * readline_module.c — the `readline` module over GNU readline: init files
 * and key bindings, the line buffer, the history list and file, and the
 * completion settings.  Reading itself (and the callbacks) is in
 * readline_hook.c; importing the module hands its reader to libjit, so the
 * interactive prompt and input() edit lines on a terminal.
 *
 * CPython 3.11's argument conventions are kept (METH_O functions say
 * "readline.f() takes exactly one argument", optional ones "f expected at
 * most 1 argument").
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "readline_internal.h"

KnObject *kn_init_readline(void);
KnObject *px_fspath(KnObject *o);

/* libjit's hook, weak: libkiln-stdlib.so does not link libjit. */
extern void jit_set_readline_hook(char *(*hook)(const char *prompt)) __attribute__((weak));

#define RL_ARGS KnObject *m, KnObject *const *args, kn_ssize_t nargs

/* A str argument as utf-8 bytes (surrogateescape), or TypeError. */
static const char *str_arg(KnObject *o, const char *fname, const char *which)
{
    if (!KN_STR_CHECK(o)) {
        /* CPython: clinic's message for a str parameter, the generic
         * "bad argument" for the one-argument functions. */
        if (which[0] == '\0')
            ob_err_format(ob_exc_TypeError, "bad argument type for built-in operation");
        else
            ob_err_format(ob_exc_TypeError, "%s() argument %smust be str, not %s", fname,
                          which, ob_type_name(KN_TYPE(o)));
        return NULL;
    }
    KnObject *b = ob_str_encode_utf8(o, "surrogateescape");
    return b ? KN_BYTES_AS_STRING(b) : NULL;
}

/* An optional file name: NULL for readline's default (absent or None). */
static int path_arg(KnObject *const *args, kn_ssize_t nargs, kn_ssize_t i, const char **out)
{
    *out = NULL;
    if (nargs <= i || args[i] == KN_None)
        return 0;
    KnObject *p = px_fspath(args[i]);
    if (p == NULL)
        return -1;
    if (KN_STR_CHECK(p))
        p = ob_str_encode_utf8(p, "surrogateescape");
    if (p == NULL)
        return -1;
    *out = KN_BYTES_AS_STRING(p);
    return 0;
}

static KnObject *errno_error(int err)
{
    errno = err;
    return ob_err_from_errno(ob_exc_OSError, NULL);
}

static KnObject *int_obj(long long v)
{
    return ob_int_from_long_long(v);
}

/* An int argument (index protocol) as C int, OverflowError beyond. */
static int int_arg(KnObject *o, int *out)
{
    if (KN_FLOAT_CHECK(o) || !ob_index_check(o)) {
        ob_err_format(ob_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                      ob_type_name(KN_TYPE(o)));
        return -1;
    }
    KnObject *i = ob_number_index(o);
    if (i == NULL)
        return -1;
    int of;
    long long v = ob_int_as_long_long_and_overflow(i, &of);
    if (of || v > 2147483647LL || v < -2147483647LL - 1) {
        ob_err_format(ob_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)v;
    return 0;
}

/* ---- init file, bindings, line buffer ---- */

static KnObject *rlm_parse_and_bind(KnObject *m, KnObject *arg)
{
    const char *s = str_arg(arg, "parse_and_bind", "");
    if (s == NULL)
        return NULL;
    /* rl_parse_and_bind writes into its argument. */
    char *copy = strdup(s);
    if (copy == NULL)
        return ob_err_nomemory();
    rl_parse_and_bind(copy);
    free(copy);
    return KN_None;
}

static KnObject *rlm_read_init_file(RL_ARGS)
{
    const char *path;
    if (ob_args_check_positional("read_init_file", nargs, 0, 1) < 0
        || path_arg(args, nargs, 0, &path) < 0)
        return NULL;
    int err = rl_read_init_file(path);
    return err ? errno_error(err) : KN_None;
}

static KnObject *rlm_get_line_buffer(KnObject *m, KnObject *unused)
{
    const char *s = rl_line_buffer ? rl_line_buffer : "";
    return ob_str_decode_utf8(s, (kn_ssize_t)strlen(s), "surrogateescape");
}

static KnObject *rlm_insert_text(KnObject *m, KnObject *arg)
{
    const char *s = str_arg(arg, "insert_text", "");
    if (s == NULL)
        return NULL;
    rl_insert_text(s);
    return KN_None;
}

static KnObject *rlm_redisplay(KnObject *m, KnObject *unused)
{
    rl_redisplay();
    return KN_None;
}

/* ---- history file ---- */

/* After writing a history file: keep at most set_history_length lines. */
static KnObject *truncate_after(const char *path, int err)
{
    if (err == 0 && krl_state.history_length >= 0)
        err = history_truncate_file(path, krl_state.history_length);
    return err ? errno_error(err) : KN_None;
}

static KnObject *rlm_read_history_file(RL_ARGS)
{
    const char *path;
    if (ob_args_check_positional("read_history_file", nargs, 0, 1) < 0
        || path_arg(args, nargs, 0, &path) < 0)
        return NULL;
    int err = read_history(path);
    return err ? errno_error(err) : KN_None;
}

static KnObject *rlm_write_history_file(RL_ARGS)
{
    const char *path;
    if (ob_args_check_positional("write_history_file", nargs, 0, 1) < 0
        || path_arg(args, nargs, 0, &path) < 0)
        return NULL;
    return truncate_after(path, write_history(path));
}

static KnObject *rlm_append_history_file(RL_ARGS)
{
    const char *path;
    int n;
    if (ob_args_check_positional("append_history_file", nargs, 1, 2) < 0
        || int_arg(args[0], &n) < 0 || path_arg(args, nargs, 1, &path) < 0)
        return NULL;
    return truncate_after(path, append_history(n, path));
}

/* ---- the history list ---- */

static KnObject *rlm_set_history_length(KnObject *m, KnObject *arg)
{
    int n;
    if (int_arg(arg, &n) < 0)
        return NULL;
    krl_state.history_length = n;
    return KN_None;
}

static KnObject *rlm_get_history_length(KnObject *m, KnObject *unused)
{
    return int_obj(krl_state.history_length);
}

static KnObject *rlm_clear_history(KnObject *m, KnObject *unused)
{
    clear_history();
    return KN_None;
}

static KnObject *rlm_get_current_history_length(KnObject *m, KnObject *unused)
{
    return int_obj(history_length);
}

/* 1-based (history_base), None outside the list. */
static KnObject *rlm_get_history_item(KnObject *m, KnObject *arg)
{
    int i;
    if (int_arg(arg, &i) < 0)
        return NULL;
    HIST_ENTRY *e = history_get(i);
    if (e == NULL || e->line == NULL)
        return KN_None;
    return ob_str_decode_utf8(e->line, (kn_ssize_t)strlen(e->line), "surrogateescape");
}

static KnObject *rlm_remove_history_item(KnObject *m, KnObject *arg)
{
    int i;
    if (int_arg(arg, &i) < 0)
        return NULL;
    if (i < 0)
        return ob_err_format(ob_exc_ValueError, "History index cannot be negative");
    HIST_ENTRY *e = remove_history(i);
    if (e == NULL)
        return ob_err_format(ob_exc_ValueError, "No history item at position %d", i);
    free_history_entry(e);
    return KN_None;
}

static KnObject *rlm_replace_history_item(RL_ARGS)
{
    int i;
    if (ob_args_check_positional("replace_history_item", nargs, 2, 2) < 0
        || int_arg(args[0], &i) < 0)
        return NULL;
    const char *line = str_arg(args[1], "replace_history_item", "2 ");
    if (line == NULL)
        return NULL;
    if (i < 0)
        return ob_err_format(ob_exc_ValueError, "History index cannot be negative");
    HIST_ENTRY *old = replace_history_entry(i, line, NULL);
    if (old == NULL)
        return ob_err_format(ob_exc_ValueError, "No history item at position %d", i);
    free_history_entry(old);
    return KN_None;
}

static KnObject *rlm_add_history(KnObject *m, KnObject *arg)
{
    const char *s = str_arg(arg, "add_history", "");
    if (s == NULL)
        return NULL;
    add_history(s);
    return KN_None;
}

static KnObject *rlm_set_auto_history(KnObject *m, KnObject *arg)
{
    int t = ob_is_true(arg);
    if (t < 0)
        return NULL;
    krl_state.auto_history = t;
    return KN_None;
}

/* ---- hooks and completion ---- */

/* set_<x>(function=None): None clears, else it must be callable. */
static int hook_arg(const char *fname, KnObject *const *args, kn_ssize_t nargs, KnObject **slot)
{
    if (ob_args_check_positional(fname, nargs, 0, 1) < 0)
        return -1;
    KnObject *f = nargs ? args[0] : KN_None;
    if (f == KN_None) {
        *slot = NULL;
        return 0;
    }
    if (!ob_callable_check(f)) {
        ob_err_format(ob_exc_TypeError, "%s(func): argument not callable", fname);
        return -1;
    }
    *slot = f;
    return 0;
}

static KnObject *rlm_set_startup_hook(RL_ARGS)
{
    return hook_arg("set_startup_hook", args, nargs, &krl_state.startup_hook) < 0 ? NULL : KN_None;
}

static KnObject *rlm_set_pre_input_hook(RL_ARGS)
{
    return hook_arg("set_pre_input_hook", args, nargs, &krl_state.pre_input_hook) < 0 ? NULL
                                                                                       : KN_None;
}

static KnObject *rlm_set_completer(RL_ARGS)
{
    return hook_arg("set_completer", args, nargs, &krl_state.completer) < 0 ? NULL : KN_None;
}

static KnObject *rlm_get_completer(KnObject *m, KnObject *unused)
{
    return krl_state.completer ? krl_state.completer : KN_None;
}

static KnObject *rlm_set_completion_display_matches_hook(RL_ARGS)
{
    if (hook_arg("set_completion_display_matches_hook", args, nargs, &krl_state.display_hook) < 0)
        return NULL;
    krl_set_display_hook(krl_state.display_hook != NULL);
    return KN_None;
}

static KnObject *rlm_get_completion_type(KnObject *m, KnObject *unused)
{
    return int_obj(rl_completion_type);
}

static KnObject *rlm_get_begidx(KnObject *m, KnObject *unused)
{
    return int_obj(krl_state.begidx);
}

static KnObject *rlm_get_endidx(KnObject *m, KnObject *unused)
{
    return int_obj(krl_state.endidx);
}

static KnObject *rlm_set_completer_delims(KnObject *m, KnObject *arg)
{
    const char *s = str_arg(arg, "set_completer_delims", "");
    if (s == NULL)
        return NULL;
    char *copy = strdup(s);
    if (copy == NULL)
        return ob_err_nomemory();
    /* readline keeps the pointer; the previous string is ours to free. */
    char *old = (char *)rl_completer_word_break_characters;
    rl_completer_word_break_characters = copy;
    rl_basic_word_break_characters = copy;
    free(old);
    return KN_None;
}

static KnObject *rlm_get_completer_delims(KnObject *m, KnObject *unused)
{
    const char *s = rl_completer_word_break_characters ? rl_completer_word_break_characters : "";
    return ob_str_decode_utf8(s, (kn_ssize_t)strlen(s), "surrogateescape");
}

#define FAST(f) ((KnCFunction)(void (*)(void))(f))
#define ONE(name, f, doc) {name, (KnCFunction)(f), KN_METH_O, doc}
#define NONE(name, f, doc) {name, (KnCFunction)(f), KN_METH_NOARGS, doc}
#define VAR(name, f, doc) {name, FAST(f), KN_METH_FASTCALL, doc}

static KnMethodDef readline_methods[] = {
    ONE("parse_and_bind", rlm_parse_and_bind, "Execute the init line provided in the string argument."),
    VAR("read_init_file", rlm_read_init_file, "Execute a readline initialization file."),
    NONE("get_line_buffer", rlm_get_line_buffer, "Return the current contents of the line buffer."),
    ONE("insert_text", rlm_insert_text, "Insert text into the line buffer at the cursor position."),
    NONE("redisplay", rlm_redisplay, "Change what's displayed on the screen to reflect the line buffer."),
    VAR("read_history_file", rlm_read_history_file, "Load a readline history file."),
    VAR("write_history_file", rlm_write_history_file, "Save a readline history file."),
    VAR("append_history_file", rlm_append_history_file, "Append the last nelements items of the history list to file."),
    ONE("set_history_length", rlm_set_history_length, "Set the maximal number of lines saved in the history file."),
    NONE("get_history_length", rlm_get_history_length, "Return the maximum number of lines saved in the history file."),
    NONE("clear_history", rlm_clear_history, "Clear the current readline history."),
    NONE("get_current_history_length", rlm_get_current_history_length, "Return the current (not the maximum) length of history."),
    ONE("get_history_item", rlm_get_history_item, "Return the current contents of history item at one-based index."),
    ONE("remove_history_item", rlm_remove_history_item, "Remove history item given by its zero-based position."),
    VAR("replace_history_item", rlm_replace_history_item, "Replaces history item given by its position with contents of line."),
    ONE("add_history", rlm_add_history, "Add an item to the history buffer."),
    ONE("set_auto_history", rlm_set_auto_history, "Enables or disables automatic history."),
    VAR("set_startup_hook", rlm_set_startup_hook, "Set or remove the function invoked by the rl_startup_hook callback."),
    VAR("set_pre_input_hook", rlm_set_pre_input_hook, "Set or remove the function invoked by the rl_pre_input_hook callback."),
    VAR("set_completer", rlm_set_completer, "Set or remove the completer function."),
    NONE("get_completer", rlm_get_completer, "Get the current completer function."),
    NONE("get_completion_type", rlm_get_completion_type, "Get the type of completion being attempted."),
    NONE("get_begidx", rlm_get_begidx, "Get the beginning index of the completion scope."),
    NONE("get_endidx", rlm_get_endidx, "Get the ending index of the completion scope."),
    ONE("set_completer_delims", rlm_set_completer_delims, "Set the word delimiters for completion."),
    NONE("get_completer_delims", rlm_get_completer_delims, "Get the word delimiters for completion."),
    VAR("set_completion_display_matches_hook", rlm_set_completion_display_matches_hook,
        "Set or remove the completion display function."),
    {NULL, NULL, 0, NULL}
};

static const char readline_doc[] =
    "Line editing and history for the interactive prompt and input(), "
    "through the GNU readline library.";

KnObject *kn_init_readline(void)
{
    static int set_up;
    if (!set_up) {
        krl_setup();
        set_up = 1;
    }
    KnObject *mod = ob_module_new_cstr("readline");
    if (mod == NULL || ob_module_add_functions(mod, readline_methods) < 0
        || ob_module_add_object(mod, "__doc__", ob_str_from_cstr(readline_doc)) < 0
        || ob_module_add_object(mod, "_READLINE_VERSION", int_obj(RL_READLINE_VERSION)) < 0
        || ob_module_add_object(mod, "_READLINE_RUNTIME_VERSION", int_obj(rl_readline_version)) < 0
        || ob_module_add_object(mod, "_READLINE_LIBRARY_VERSION",
                                ob_str_from_cstr(rl_library_version)) < 0)
        return NULL;
    if (&jit_set_readline_hook != NULL)
        jit_set_readline_hook(krl_read_line);
    return mod;
}
