/*
 * thread_internal.h — what the `_thread` module's files share
 * (thread.c: the module and thread start-up; thread_lock.c: lock and
 * RLock; thread_local.c: _local).  See NOTES-thread.md.
 */
#ifndef STDLIB_THREAD_INTERNAL_H
#define STDLIB_THREAD_INTERNAL_H

#include <semaphore.h>

#include "libobject/libobject.h"

#define FC(f) ((KnCFunction)(void (*)(void))(f))
#define THREAD_TIMEOUT_MAX 9223372036.0   /* CPython 3.11.2 on Linux */

/* A lock: a POSIX semaphore (count 1 = free), so a wait can time out and
 * is interrupted by signals.  `locked` mirrors the state for locked() and
 * repr; it only changes with the GIL held. */
typedef struct ThLock {
    KN_OBJECT_HEAD;
    sem_t sem;
    int locked;
    KnObject *weakreflist;
} ThLock;

extern KnTypeObject th_lock_type, th_rlock_type, th_local_type;

unsigned long th_ident(void);
/* A new, unlocked lock. */
KnObject *th_lock_new(void);
/* Release a held lock (the thread sentinel at thread exit). */
void th_lock_release_quiet(KnObject *lock);

/* ---- thread_local.c ---- */
/* Forget the calling thread's data in every _local it touched (thread
 * exit). */
void th_local_thread_exit(void);

#endif /* STDLIB_THREAD_INTERNAL_H */
