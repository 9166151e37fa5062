/*
 * weakref.c -- weak slots (include/libgc/weakref.h, NOTES-gc.md).
 *
 * A target's record lists its slots.  Each entry knows the slot's owner
 * (GC_base(slot)) through two Boehm links kept in the entry itself (malloc
 * memory, values hidden, so they retain nothing):
 *   long_link  -- cleared once the owner is unreachable even from objects
 *                 waiting for finalization: the owner's memory may be
 *                 reused, never write into the slot again;
 *   short_link -- cleared once the owner is unreachable from the roots: the
 *                 owner is garbage itself, so its callback must not run
 *                 (CPython skips callbacks of weakrefs that die with their
 *                 referent), though its memory is still valid.
 * Both are read, and slots written, under the allocation lock, so no
 * collection can run between the check and the write.  Invariant: an entry
 * is freed only after both links are unregistered, or Boehm would later
 * write a zero into freed malloc memory.
 */
#include <stdlib.h>

#include "gc_internal.h"

static void kgc_weak_unlink_links(struct kgc_weak_entry *e)
{
    if (e->owner != NULL) {
        GC_unregister_long_link((void **)&e->long_link);
        GC_unregister_disappearing_link((void **)&e->short_link);
    }
}

void kgc_weak_free_list(struct kgc_weak_entry *e)
{
    while (e != NULL) {
        struct kgc_weak_entry *next = e->next;
        kgc_weak_unlink_links(e);
        free(e);
        e = next;
    }
}

static int kgc_weak_owner_gone(const struct kgc_weak_entry *e)
{
    return e->owner != NULL &&
           *(volatile const GC_hidden_pointer *)&e->long_link == 0;
}

/* Drop entries whose owner is gone (lock held).  A zero link never becomes
 * non-zero again, so reading it without the allocation lock is enough. */
static void kgc_weak_prune(struct kgc_record *rec)
{
    struct kgc_weak_entry **pp = &rec->weak;
    while (*pp != NULL) {
        struct kgc_weak_entry *e = *pp;
        if (kgc_weak_owner_gone(e)) {
            *pp = e->next;
            kgc_weak_unlink_links(e);
            free(e);
        } else {
            pp = &e->next;
        }
    }
}

int kgc_weak_attach(void *target, void **slot, void *cookie)
{
    KGC_ENSURE_INIT();
    void *sentinel = kgc_state.hooks.weak_sentinel;
    if (target == NULL || GC_base(target) != target) {
        *slot = target;         /* static object: lives for ever */
        return 0;
    }
    struct kgc_weak_entry *e = calloc(1, sizeof *e);
    if (e == NULL) {
        *slot = sentinel;
        return -1;
    }
    e->slot = slot;
    e->owner = GC_base(slot);
    e->cookie = cookie ? GC_HIDE_POINTER(cookie) : 0;

    pthread_mutex_lock(&kgc_state.lock);
    struct kgc_record *rec = kgc_record_ensure(target);
    if (rec == NULL || rec->state == KGC_REC_DYING) {
        pthread_mutex_unlock(&kgc_state.lock);
        free(e);
        *slot = sentinel;
        return rec ? 0 : -1;
    }
    kgc_weak_prune(rec);
    if (e->owner != NULL) {
        e->long_link = GC_HIDE_POINTER(e->owner);
        e->short_link = GC_HIDE_POINTER(e->owner);
        if (GC_register_long_link((void **)&e->long_link, e->owner) ==
                GC_NO_MEMORY ||
            GC_general_register_disappearing_link((void **)&e->short_link,
                                                  e->owner) == GC_NO_MEMORY) {
            kgc_weak_unlink_links(e);
            pthread_mutex_unlock(&kgc_state.lock);
            free(e);
            *slot = sentinel;
            return -1;
        }
    }
    *slot = target;
    e->next = rec->weak;
    rec->weak = e;
    pthread_mutex_unlock(&kgc_state.lock);
    return 0;
}

void kgc_weak_detach(void **slot)
{
    KGC_ENSURE_INIT();
    void *target = *slot;
    void *sentinel = kgc_state.hooks.weak_sentinel;
    if (target == NULL || target == sentinel)
        return;
    pthread_mutex_lock(&kgc_state.lock);
    struct kgc_record *rec = kgc_record_find(target);
    if (rec != NULL) {
        struct kgc_weak_entry **pp = &rec->weak;
        while (*pp != NULL && (*pp)->slot != slot)
            pp = &(*pp)->next;
        if (*pp != NULL) {
            struct kgc_weak_entry *e = *pp;
            *pp = e->next;
            kgc_weak_unlink_links(e);
            free(e);
            *slot = sentinel;
        }
    }
    pthread_mutex_unlock(&kgc_state.lock);
}

/* Re-arm short links cleared by the collection that queued rec, so that the
 * next one (the resurrection check) tells again whether each owner is
 * garbage.  Lock held. */
struct kgc_rearm_ctx {
    struct kgc_weak_entry *e;
    void *owner;               /* on the stack: keeps the owner alive */
};

static void *GC_CALLBACK kgc_weak_rearm_check(void *arg)
{
    struct kgc_rearm_ctx *c = arg;
    c->owner = NULL;
    if (c->e->long_link != 0 && c->e->short_link == 0) {
        c->owner = GC_REVEAL_POINTER(c->e->long_link);
        c->e->short_link = c->e->long_link;
    }
    return NULL;
}

void kgc_weak_rearm(struct kgc_record *rec)
{
    kgc_weak_prune(rec);
    for (struct kgc_weak_entry *e = rec->weak; e != NULL; e = e->next) {
        if (e->owner == NULL)
            continue;
        struct kgc_rearm_ctx c = { e, NULL };
        GC_call_with_alloc_lock(kgc_weak_rearm_check, &c);
        if (c.owner != NULL &&
            GC_general_register_disappearing_link((void **)&e->short_link,
                                                  c.owner) == GC_NO_MEMORY)
            e->short_link = 0;  /* treated as garbage: no callback */
        GC_reachable_here(c.owner);
        /* no stale copy of the owner may outlive this frame: the next
         * collection must be free to find the owner unreachable */
        *(void *volatile *)&c.owner = NULL;
    }
}

/* Step 3.  Under the allocation lock: every slot whose owner still exists
 * gets the sentinel; the cookies of owners reachable from the roots are
 * copied into a scanned vector (so they stay alive); the rest is decided
 * outside the lock. */
struct kgc_clear_ctx {
    struct kgc_weak_entry *list;
    struct kgc_vec *cookies;
    void *sentinel;
    uint64_t cleared;
};

static void *GC_CALLBACK kgc_weak_clear_locked(void *arg)
{
    struct kgc_clear_ctx *c = arg;
    for (struct kgc_weak_entry *e = c->list; e != NULL; e = e->next) {
        if (kgc_weak_owner_gone(e))
            continue;
        *e->slot = c->sentinel;
        c->cleared++;
        int owner_live = e->owner == NULL || e->short_link != 0;
        if (e->cookie != 0 && owner_live) {
            /* capacity reserved beforehand: no allocation here */
            c->cookies->items[c->cookies->len] = GC_REVEAL_POINTER(e->cookie);
            c->cookies->aux[c->cookies->len] = e->owner;
            c->cookies->len++;
        }
    }
    return NULL;
}

void kgc_weak_clear_batch(struct kgc_record **recs, size_t n)
{
    struct kgc_vec cookies = { 0 };
    struct kgc_clear_ctx c = { NULL, &cookies, NULL, 0 };
    size_t count = 0;

    pthread_mutex_lock(&kgc_state.lock);
    c.sentinel = kgc_state.hooks.weak_sentinel;
    void (*callback)(void *) = kgc_state.hooks.weak_callback;
    for (size_t i = 0; i < n; i++) {
        struct kgc_weak_entry *e = recs[i]->weak, *next;
        recs[i]->weak = NULL;
        for (; e != NULL; e = next) {
            next = e->next;
            e->next = c.list;
            c.list = e;
            count++;
        }
    }
    pthread_mutex_unlock(&kgc_state.lock);
    if (count == 0)
        return;

    if (callback == NULL || kgc_vec_reserve(&cookies, count) != 0) {
        /* no hook, or no memory for the queue: clear slots, no callbacks */
        callback = NULL;
        for (struct kgc_weak_entry *e = c.list; e != NULL; e = e->next)
            e->cookie = 0;
    }
    GC_call_with_alloc_lock(kgc_weak_clear_locked, &c);
    atomic_fetch_add_explicit(&kgc_state.weak_cleared, c.cleared,
                              memory_order_relaxed);

    /* An owner that is itself being destroyed in this batch gets no
     * callback (CPython: weakrefs that are part of the garbage). */
    pthread_mutex_lock(&kgc_state.lock);
    for (size_t i = 0; i < cookies.len; i++) {
        struct kgc_record *orec = cookies.aux[i] ?
            kgc_record_find(cookies.aux[i]) : NULL;
        if (orec != NULL && orec->state == KGC_REC_DYING)
            cookies.items[i] = NULL;
    }
    kgc_weak_free_list(c.list);
    pthread_mutex_unlock(&kgc_state.lock);

    if (callback != NULL)
        for (size_t i = 0; i < cookies.len; i++)
            if (cookies.items[i] != NULL)
                callback(cookies.items[i]);
    kgc_vec_clear(&cookies);
    GC_free(cookies.items);
    free(cookies.aux);
}
