/*
 * lsprof.h — the `_lsprof` module's profiler state (lsprof_module.c: the
 * Profiler type; lsprof_table.c: entries, call contexts and timing).
 *
 * One entry per profiled function, keyed by a pointer: the code object of
 * a Python function, the KnMethodDef of a built-in (so every bound copy of
 * list.append shares one entry, as in CPython).  A context per active
 * call remembers its entry, its start time and the time spent in its
 * callees; returning folds the call into its entry and into the
 * caller->callee sub-entry.  Recursive calls only add their time to the
 * outermost activation's total (recursionLevel), as CPython's _lsprof.
 */
#ifndef STDLIB_LSPROF_H
#define STDLIB_LSPROF_H

#include <stdint.h>
#include "libobject/libobject.h"

typedef struct lsp_stat {
    int64_t tt, it;             /* total and inline time, timer units */
    long callcount, reccallcount, recursion;
} lsp_stat;

typedef struct lsp_entry {
    void *key;
    KnObject *label;            /* code object or "<built-in ...>" str */
    lsp_stat st;
    struct lsp_sub *subs;       /* callees seen from this entry */
} lsp_entry;

typedef struct lsp_sub {
    lsp_entry *callee;
    lsp_stat st;
    struct lsp_sub *next;
} lsp_sub;

typedef struct lsp_ctx {
    lsp_entry *entry;
    int64_t t0, subt;
    struct lsp_ctx *previous;
} lsp_ctx;

typedef struct lsp_profiler {
    KN_OBJECT_HEAD;
    lsp_entry **slots;          /* open addressing on key */
    size_t nslots, nused;
    lsp_ctx *current;
    int subcalls, builtins, enabled;
    KnObject *timer;            /* NULL: the monotonic clock in ns */
    double timeunit;
} lsp_profiler;

/* Entry for key (created with label on first use); NULL + MemoryError. */
lsp_entry *lsp_entry_get(lsp_profiler *p, void *key, KnObject *label);
lsp_entry *lsp_entry_find(lsp_profiler *p, void *key);
/* A call of entry starts / the innermost call ends. */
int lsp_enter(lsp_profiler *p, lsp_entry *entry);
void lsp_leave(lsp_profiler *p, lsp_entry *entry);
/* End every open call (disable), drop everything (clear). */
void lsp_flush(lsp_profiler *p);
void lsp_clear(lsp_profiler *p);
int64_t lsp_now(lsp_profiler *p);

#endif
