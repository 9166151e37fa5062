/*
 * finalize.c -- registration and the PEP 442 pipeline (see
 * include/libgc/finalize.h and NOTES-gc.md).
 *
 * Each registered object has a record (malloc'd, in a hash table keyed by
 * the hidden object address) and a Boehm "no order" finalizer whose only job
 * is kgc_fin_enqueue.  Boehm, with finalize-on-demand and java finalization
 * on, keeps unreachable registered objects and their referents alive and
 * queues them; kgc_run_finalizers drains the queue with
 * GC_invoke_finalizers (so kgc_fin_enqueue runs here, at the safe point,
 * never inside a collection) and then:
 *
 *   LIVE records       -> finalize hook, state FINALIZED, re-registered:
 *                         the next collection is the resurrection check;
 *   FINALIZED records  -> found unreachable again: destroyed (weak slots,
 *                         callbacks, clear, dealloc), record freed.  If some
 *                         finalizer ran in this same round, a FINALIZED
 *                         object is re-registered once more instead (that
 *                         finalizer may have resurrected it); see
 *                         "deferred" in NOTES-gc.md.
 *
 * Memory safety does not depend on any of this being right: libgc never
 * frees an object explicitly, so a resurrected object is at worst cleared,
 * never dangling.
 */
#include <stdlib.h>

#include "gc_internal.h"

/* ---- the record table (kgc_state.lock held) ---- */

static struct kgc_record **kgc_recs;
static size_t kgc_recs_cap;       /* power of two */
static size_t kgc_recs_len;

static size_t kgc_rec_hash(void *obj, size_t cap)
{
    uintptr_t h = ((uintptr_t)obj >> 4) * (uintptr_t)0x9E3779B97F4A7C15u;
    return (size_t)(h >> 24) & (cap - 1);
}

struct kgc_record *kgc_record_find(void *obj)
{
    if (kgc_recs_cap == 0)
        return NULL;
    GC_hidden_pointer key = GC_HIDE_POINTER(obj);
    struct kgc_record *r = kgc_recs[kgc_rec_hash(obj, kgc_recs_cap)];
    while (r != NULL && r->hidden_obj != key)
        r = r->next;
    return r;
}

static int kgc_recs_grow(void)
{
    size_t cap = kgc_recs_cap ? kgc_recs_cap * 2 : 256;
    struct kgc_record **tab = calloc(cap, sizeof *tab);
    if (tab == NULL)
        return -1;
    for (size_t i = 0; i < kgc_recs_cap; i++) {
        struct kgc_record *r = kgc_recs[i], *next;
        for (; r != NULL; r = next) {
            next = r->next;
            size_t h = kgc_rec_hash(GC_REVEAL_POINTER(r->hidden_obj), cap);
            r->next = tab[h];
            tab[h] = r;
        }
    }
    free(kgc_recs);
    kgc_recs = tab;
    kgc_recs_cap = cap;
    return 0;
}

static void kgc_record_unlink(struct kgc_record *rec)
{
    void *obj = GC_REVEAL_POINTER(rec->hidden_obj);
    struct kgc_record **pp = &kgc_recs[kgc_rec_hash(obj, kgc_recs_cap)];
    while (*pp != rec)
        pp = &(*pp)->next;
    *pp = rec->next;
    kgc_recs_len--;
}

static void GC_CALLBACK kgc_fin_enqueue(void *obj, void *cd);

static void kgc_fin_arm(void *obj, struct kgc_record *rec)
{
    GC_register_finalizer_no_order(obj, kgc_fin_enqueue, rec, NULL, NULL);
}

struct kgc_record *kgc_record_ensure(void *obj)
{
    struct kgc_record *rec = kgc_record_find(obj);
    if (rec != NULL)
        return rec;
    if (kgc_recs_len >= kgc_recs_cap && kgc_recs_grow() != 0)
        return NULL;
    rec = calloc(1, sizeof *rec);
    if (rec == NULL)
        return NULL;
    rec->hidden_obj = GC_HIDE_POINTER(obj);
    static unsigned long seq_counter;
    rec->seq = ++seq_counter;
    rec->state = KGC_REC_LIVE;
    size_t h = kgc_rec_hash(obj, kgc_recs_cap);
    rec->next = kgc_recs[h];
    kgc_recs[h] = rec;
    kgc_recs_len++;
    kgc_fin_arm(obj, rec);
    return rec;
}

void kgc_set_hooks(const struct kgc_hooks *hooks)
{
    KGC_ENSURE_INIT();
    pthread_mutex_lock(&kgc_state.lock);
    kgc_state.hooks = *hooks;
    pthread_mutex_unlock(&kgc_state.lock);
}

int kgc_register_finalizer(void *obj)
{
    KGC_ENSURE_INIT();
    if (obj == NULL || GC_base(obj) != obj)
        return -1;
    pthread_mutex_lock(&kgc_state.lock);
    struct kgc_record *rec = kgc_record_ensure(obj);
    pthread_mutex_unlock(&kgc_state.lock);
    return rec ? 0 : -1;
}

int kgc_finalizers_pending(void)
{
    return GC_should_invoke_finalizers();
}

/* ---- the pipeline ---- */

static atomic_int kgc_fin_busy;   /* one processor at a time, no re-entry */
static struct kgc_vec kgc_incoming;   /* owned by the processor */
static struct kgc_vec kgc_doomed;

/* Called by GC_invoke_finalizers, i.e. from kgc_run_finalizers only. */
static void GC_CALLBACK kgc_fin_enqueue(void *obj, void *cd)
{
    if (kgc_vec_push(&kgc_incoming, obj, cd) != 0)
        kgc_fin_arm(obj, cd);   /* no room: Boehm queues it again later */
}

/* ---- ordering of a finalization batch ---- */

struct fin_pair {
    void *item;
    struct kgc_record *rec;
};

static int fin_pair_newer_first(const void *a, const void *b)
{
    unsigned long sa = ((const struct fin_pair *)a)->rec->seq;
    unsigned long sb = ((const struct fin_pair *)b)->rec->seq;
    return sa < sb ? 1 : sa > sb ? -1 : 0;
}

static void sort_newest_first(struct kgc_vec *v)
{
    if (v->len < 2)
        return;
    /* scanned memory: while the items are copied back, some live only here */
    struct fin_pair *pairs = GC_malloc_uncollectable(v->len * sizeof *pairs);
    if (pairs == NULL)
        return;                 /* order is best effort; never fail here */
    for (size_t i = 0; i < v->len; i++) {
        pairs[i].item = v->items[i];
        pairs[i].rec = v->aux[i];
    }
    qsort(pairs, v->len, sizeof *pairs, fin_pair_newer_first);
    for (size_t i = 0; i < v->len; i++) {
        v->items[i] = pairs[i].item;
        v->aux[i] = pairs[i].rec;
    }
    GC_free(pairs);
}


/* Internal entry point; *rearmed counts objects handed back for a
 * resurrection check (kgc_collect collects again while that is > 0). */
size_t kgc_fin_process(size_t *rearmed)
{
    *rearmed = 0;
    if (atomic_exchange(&kgc_fin_busy, 1))
        return 0;
    KGC_ENSURE_INIT();
    GC_invoke_finalizers();

    struct kgc_vec *in = &kgc_incoming;
    struct kgc_hooks hooks;
    size_t fresh = 0;

    pthread_mutex_lock(&kgc_state.lock);
    hooks = kgc_state.hooks;
    for (size_t i = 0; i < in->len; i++)
        if (((struct kgc_record *)in->aux[i])->state == KGC_REC_LIVE)
            fresh++;
    pthread_mutex_unlock(&kgc_state.lock);

    /* Newest registered first: an object is registered after what it
     * wraps (a text wrapper after its buffer after its raw file), so its
     * finalizer must run first to flush into a still-open inner object. */
    sort_newest_first(in);
    /* Step 1: finalizers, each at most once (state changes first). */
    for (size_t i = 0; i < in->len; i++) {
        struct kgc_record *rec = in->aux[i];
        if (rec->state != KGC_REC_LIVE)
            continue;
        pthread_mutex_lock(&kgc_state.lock);
        rec->state = KGC_REC_FINALIZED;
        pthread_mutex_unlock(&kgc_state.lock);
        if (hooks.finalize != NULL) {
            hooks.finalize(in->items[i]);
            atomic_fetch_add_explicit(&kgc_state.finalizers_run, 1,
                                      memory_order_relaxed);
        }
        rec->deferred = 2;      /* marker: finalized in this round */
    }

    /* Step 2: split into "back to the collector" and "destroy now". */
    kgc_vec_clear(&kgc_doomed);
    for (size_t i = 0; i < in->len; i++) {
        struct kgc_record *rec = in->aux[i];
        void *obj = in->items[i];
        int rearm;
        if (rec->deferred == 2) {
            rec->deferred = 0;
            rearm = 1;
        } else if (fresh > 0 && !rec->deferred) {
            rec->deferred = 1;
            rearm = 1;
        } else {
            rearm = 0;
        }
        if (!rearm && kgc_vec_push(&kgc_doomed, obj, rec) != 0)
            rearm = 1;          /* no memory to destroy it now: later */
        if (rearm) {
            pthread_mutex_lock(&kgc_state.lock);
            kgc_weak_rearm(rec);
            kgc_fin_arm(obj, rec);
            pthread_mutex_unlock(&kgc_state.lock);
            (*rearmed)++;
        }
    }
    kgc_vec_clear(in);

    /* Steps 3-5 for everything found unreachable again. */
    struct kgc_vec *d = &kgc_doomed;
    if (d->len) {
        pthread_mutex_lock(&kgc_state.lock);
        for (size_t i = 0; i < d->len; i++)
            ((struct kgc_record *)d->aux[i])->state = KGC_REC_DYING;
        pthread_mutex_unlock(&kgc_state.lock);

        kgc_weak_clear_batch((struct kgc_record **)d->aux, d->len);
        if (hooks.clear != NULL)
            for (size_t i = 0; i < d->len; i++)
                hooks.clear(d->items[i]);
        if (hooks.dealloc != NULL)
            for (size_t i = 0; i < d->len; i++)
                hooks.dealloc(d->items[i]);

        pthread_mutex_lock(&kgc_state.lock);
        for (size_t i = 0; i < d->len; i++) {
            struct kgc_record *rec = d->aux[i];
            kgc_record_unlink(rec);
            kgc_weak_free_list(rec->weak);   /* attached while dying */
            free(rec);
        }
        pthread_mutex_unlock(&kgc_state.lock);
        atomic_fetch_add_explicit(&kgc_state.objects_destroyed, d->len,
                                  memory_order_relaxed);
    }
    size_t destroyed = d->len;
    kgc_vec_clear(d);
    atomic_store(&kgc_fin_busy, 0);
    return destroyed;
}

size_t kgc_run_finalizers(void)
{
    size_t rearmed;
    return kgc_fin_process(&rearmed);
}
