/*
 * signal_internal.h — shared by the files of `_signal` (signal_module.c:
 * handlers and the safe-point check; signal_extra.c: masks, timers,
 * constants).
 */
#ifndef STDLIB_SIGNAL_INTERNAL_H
#define STDLIB_SIGNAL_INTERNAL_H

#include <signal.h>

#include "libobject/libobject.h"
#include "libobject/set.h"

/* o (an __index__ object) as a signal number in 1..NSIG-1: ValueError
 * "signal number out of range". */
int sig_number(KnObject *o, int *sig);
/* The set of the signal numbers in *mask. */
KnObject *sig_set_from_mask(const sigset_t *mask);
int sig_add_constants(KnObject *m);

extern KnMethodDef sig_extra_methods[];

#endif /* STDLIB_SIGNAL_INTERNAL_H */
