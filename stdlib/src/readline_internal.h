/*
 * readline_internal.h — state shared by the `readline` module's files
 * (readline_module.c: the Python functions; readline_hook.c: reading a
 * line for the prompt and input(), and the callbacks GNU readline makes).
 *
 * All callbacks run with the GIL held: the reader lets go of it only while
 * it waits in select() for a key (NOTES-readline.md).
 */
#ifndef STDLIB_READLINE_INTERNAL_H
#define STDLIB_READLINE_INTERNAL_H

#include "libobject/libobject.h"

/* The Python objects the module keeps (NULL when unset). */
typedef struct KrlState {
    KnObject *completer;
    KnObject *startup_hook;
    KnObject *pre_input_hook;
    KnObject *display_hook;
    int begidx, endidx;           /* of the word being completed */
    int auto_history;             /* add each line read to the history */
    int history_length;           /* set_history_length (-1: unlimited) */
} KrlState;

extern KrlState krl_state;

/* One-time set-up of GNU readline (names, key bindings, callbacks). */
void krl_setup(void);
/* The reader libjit calls (jit_set_readline_hook): a malloc'd line ending
 * in "\n", "" at end of input, NULL with an exception (Ctrl-C). */
char *krl_read_line(const char *prompt);
/* Route readline's match listing to krl_state.display_hook (on) or not. */
void krl_set_display_hook(int on);

#endif /* STDLIB_READLINE_INTERNAL_H */
