/*
 * readline_hook.c — reading one line with GNU readline for Kiln's prompt
 * and input(), and the callbacks readline makes into Python: completion,
 * the startup / pre-input hooks and the display-matches hook.
 *
 * The reader uses readline's callback interface, not readline(): a
 * blocking readline() would restart after Ctrl-C, while here pselect()
 * sees EINTR, the interpreter's signal check runs (KeyboardInterrupt) and
 * the half-typed line is dropped.  The GIL is released only around
 * pselect(); rl_callback_read_char and the callbacks it makes run with it.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "readline_internal.h"

/* libjit's signal check (SIGINT -> KeyboardInterrupt, or the _signal
 * module's handlers); weak, as libkiln-stdlib.so does not link libjit. */
extern int (*jit_eval_pending_hook)(void) __attribute__((weak));

KrlState krl_state = { .auto_history = 1, .history_length = -1 };

/* Set by on_line: the finished line (malloc'd, NULL at EOF). */
static char *finished_line;
static int line_done;

static void on_line(char *text)
{
    finished_line = text;
    line_done = 1;
    rl_callback_handler_remove();
}

/* A Python callable's int result for readline (None and errors: 0). */
static int call_hook(KnObject *func)
{
    KnObject *r = ob_call(func, NULL, NULL);
    if (r == NULL) {
        ob_err_clear();
        return 0;
    }
    if (r == KN_None || !KN_INT_CHECK(r))
        return 0;
    long long v = ob_int_as_long_long(r);
    if (v == -1 && ob_err_occurred()) {
        ob_err_clear();
        return 0;
    }
    return (int)v;
}

static int on_startup(void)
{
    return krl_state.startup_hook ? call_hook(krl_state.startup_hook) : 0;
}

static int on_pre_input(void)
{
    return krl_state.pre_input_hook ? call_hook(krl_state.pre_input_hook) : 0;
}

/* A str from readline's bytes (utf-8, undecodable bytes kept as
 * surrogates). */
static KnObject *text_to_str(const char *s)
{
    return ob_str_decode_utf8(s, (kn_ssize_t)strlen(s), "surrogateescape");
}

/* Readline's generator: the completer's state-th match for text, as a
 * malloc'd string; NULL ends the list (also on any error). */
static char *on_completion(const char *text, int state)
{
    KnObject *func = krl_state.completer;
    if (func == NULL)
        return NULL;
    KnObject *t = text_to_str(text), *n = ob_int_from_long_long(state);
    KnObject *args = t && n ? ob_tuple_pack(2, t, n) : NULL;
    KnObject *r = args ? ob_call(func, args, NULL) : NULL;
    if (r == NULL || r == KN_None) {
        ob_err_clear();
        return NULL;
    }
    KnObject *s = ob_str(r);
    KnObject *b = s ? ob_str_encode_utf8(s, "surrogateescape") : NULL;
    if (b == NULL) {
        ob_err_clear();
        return NULL;
    }
    return strdup(KN_BYTES_AS_STRING(b));
}

static char **on_attempted_completion(const char *text, int start, int end)
{
    krl_state.begidx = start;
    krl_state.endidx = end;
    /* The completer decides what follows a match (rlcompleter adds "(" or
     * "."), so readline appends nothing; readline's own file-name
     * completion stays off when there is no completer. */
    rl_completion_append_character = '\0';
    rl_completion_suppress_append = 0;
    rl_attempted_completion_over = 1;
    if (krl_state.completer == NULL)
        return NULL;
    return rl_completion_matches(text, on_completion);
}

static void on_display_matches(char **matches, int num_matches, int max_length)
{
    KnObject *list = ob_list_new(0);
    if (list == NULL)
        goto error;
    for (int i = 0; i < num_matches; i++) {
        KnObject *s = text_to_str(matches[i + 1]);
        if (s == NULL || ob_list_append(list, s) < 0)
            goto error;
    }
    KnObject *sub = text_to_str(matches[0]);
    KnObject *len = ob_int_from_long_long(max_length);
    KnObject *args = sub && len ? ob_tuple_pack(3, sub, list, len) : NULL;
    if (args == NULL || ob_call(krl_state.display_hook, args, NULL) == NULL)
        goto error;
    return;
error:
    ob_err_clear();
}

void krl_set_display_hook(int on)
{
    rl_completion_display_matches_hook = on ? on_display_matches : NULL;
}

void krl_setup(void)
{
    rl_readline_name = "python";
    using_history();
    /* Tab inserts itself until parse_and_bind("tab: complete") (site.py);
     * Esc-Tab completes, as in CPython. */
    rl_bind_key('\t', rl_insert);
    rl_bind_key_in_map('\t', rl_complete, emacs_meta_keymap);
    rl_bind_key_in_map('\033', rl_complete, emacs_meta_keymap);
    rl_startup_hook = on_startup;
    rl_pre_input_hook = on_pre_input;
    rl_attempted_completion_function = on_attempted_completion;
    rl_completer_word_break_characters =
        strdup(" \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?");
    rl_completion_display_matches_hook = NULL;
    rl_instream = stdin;
    rl_outstream = stdout;
    rl_initialize();
    if (!isatty(fileno(stdout)))
        rl_variable_bind("enable-meta-key", "off");
}

/* Add line (no newline) unless it repeats the newest entry. */
static void remember(const char *line)
{
    if (!krl_state.auto_history || line[0] == '\0')
        return;
    HIST_ENTRY *last = history_length > 0 ? history_get(history_base + history_length - 1) : NULL;
    if (last == NULL || strcmp(last->line, line) != 0)
        add_history(line);
}

/* Runs the interpreter's pending-signal check: 1 when it raised. */
static int signals_raised(void)
{
    return &jit_eval_pending_hook != NULL && jit_eval_pending_hook != NULL
           && jit_eval_pending_hook() < 0;
}

/* Ctrl-C: forget the half-typed line and leave readline's state clean. */
static void abandon_line(void)
{
    rl_free_line_state();
    rl_callback_sigcleanup();
    rl_cleanup_after_signal();
    rl_callback_handler_remove();
}

char *krl_read_line(const char *prompt)
{
    rl_instream = stdin;
    rl_outstream = stdout;
    rl_catch_signals = 0;
    line_done = 0;
    finished_line = NULL;
    rl_callback_handler_install(prompt, on_line);
    while (!line_done) {
        fd_set fds;
        FD_ZERO(&fds);
        int fd = fileno(rl_instream);
        FD_SET(fd, &fds);
        /* A Ctrl-C that lands between two keys' processing must not be
         * lost in a select() that then waits forever: SIGINT stays
         * blocked from the pending check until pselect() atomically
         * unblocks it. */
        sigset_t block, orig;
        sigemptyset(&block);
        sigaddset(&block, SIGINT);
        pthread_sigmask(SIG_BLOCK, &block, &orig);
        if (signals_raised()) {
            pthread_sigmask(SIG_SETMASK, &orig, NULL);
            abandon_line();
            return NULL;
        }
        ob_gil_release();
        int r = pselect(fd + 1, &fds, NULL, NULL, NULL, &orig);
        int err = errno;
        pthread_sigmask(SIG_SETMASK, &orig, NULL);
        ob_gil_acquire();
        if (r > 0) {
            rl_callback_read_char();
            continue;
        }
        if (r < 0 && err == EINTR) {
            if (signals_raised()) {
                abandon_line();
                return NULL;
            }
            continue;
        }
        abandon_line();
        errno = err;
        ob_err_from_errno(ob_exc_OSError, NULL);
        return NULL;
    }
    if (finished_line == NULL)
        return strdup("");
    remember(finished_line);
    size_t n = strlen(finished_line);
    char *out = malloc(n + 2);
    if (out != NULL) {
        memcpy(out, finished_line, n);
        out[n] = '\n';
        out[n + 1] = '\0';
    }
    free(finished_line);
    if (out == NULL)
        ob_err_nomemory();
    return out;
}
