/*
 * lsprof_table.c — `_lsprof`'s bookkeeping (lsprof.h): the entry table,
 * the stack of open calls and the clock.
 */
#include <time.h>

#include "libgc/gc.h"
#include "lsprof.h"

static size_t slot_of(void *key, size_t n)
{
    uintptr_t h = (uintptr_t)key;
    h ^= h >> 17;
    h *= (uintptr_t)0x9e3779b97f4a7c15ULL;
    return (size_t)(h >> 7) & (n - 1);
}

lsp_entry *lsp_entry_find(lsp_profiler *p, void *key)
{
    if (p->slots == NULL)
        return NULL;
    for (size_t i = slot_of(key, p->nslots);; i = (i + 1) & (p->nslots - 1)) {
        lsp_entry *e = p->slots[i];
        if (e == NULL || e->key == key)
            return e;
    }
}

static int grow(lsp_profiler *p)
{
    size_t n = p->nslots ? p->nslots * 2 : 64;
    lsp_entry **slots = kgc_alloc(n * sizeof *slots);
    if (slots == NULL) {
        ob_err_nomemory();
        return -1;
    }
    for (size_t i = 0; i < p->nslots; i++) {
        lsp_entry *e = p->slots[i];
        if (e == NULL)
            continue;
        size_t j = slot_of(e->key, n);
        while (slots[j] != NULL)
            j = (j + 1) & (n - 1);
        slots[j] = e;
    }
    p->slots = slots;
    p->nslots = n;
    return 0;
}

lsp_entry *lsp_entry_get(lsp_profiler *p, void *key, KnObject *label)
{
    lsp_entry *e = lsp_entry_find(p, key);
    if (e != NULL)
        return e;
    if ((p->nused + 1) * 2 > p->nslots && grow(p) < 0)
        return NULL;
    e = kgc_alloc(sizeof *e);
    if (e == NULL) {
        ob_err_nomemory();
        return NULL;
    }
    e->key = key;
    e->label = label;
    size_t i = slot_of(key, p->nslots);
    while (p->slots[i] != NULL)
        i = (i + 1) & (p->nslots - 1);
    p->slots[i] = e;
    p->nused++;
    return e;
}

static lsp_sub *sub_get(lsp_entry *caller, lsp_entry *callee, int create)
{
    for (lsp_sub *s = caller->subs; s != NULL; s = s->next)
        if (s->callee == callee)
            return s;
    if (!create)
        return NULL;
    lsp_sub *s = kgc_alloc(sizeof *s);
    if (s == NULL)
        return NULL;
    s->callee = callee;
    s->next = caller->subs;
    caller->subs = s;
    return s;
}

int64_t lsp_now(lsp_profiler *p)
{
    if (p->timer == NULL) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
    }
    /* A user timer: an integer in `timeunit`s, or float seconds. */
    KnObject *exc = ob_err_fetch();
    KnObject *v = ob_call(p->timer, ob_tuple_new(0), NULL);
    int64_t r = 0;
    if (v != NULL) {
        if (p->timeunit > 0.0) {
            r = (int64_t)ob_int_as_ssize(v);
        } else {
            double d = ob_float_as_double(v);
            r = (int64_t)(d * 1e9);
        }
    }
    if (ob_err_occurred())
        ob_err_write_unraisable(p->timer);
    ob_err_restore(exc);
    return r;
}

int lsp_enter(lsp_profiler *p, lsp_entry *entry)
{
    lsp_ctx *c = kgc_alloc(sizeof *c);
    if (c == NULL) {
        ob_err_nomemory();
        return -1;
    }
    c->entry = entry;
    c->previous = p->current;
    p->current = c;
    entry->st.recursion++;
    if (p->subcalls && c->previous != NULL) {
        lsp_sub *s = sub_get(c->previous->entry, entry, 1);
        if (s != NULL)
            s->st.recursion++;
    }
    c->t0 = lsp_now(p);
    return 0;
}

static void account(lsp_stat *st, int64_t tt, int64_t it)
{
    if (--st->recursion == 0)
        st->tt += tt;
    else
        st->reccallcount++;
    st->it += it;
    st->callcount++;
}

/* Ends the innermost open call; `entry` is what the returning frame maps
 * to (NULL when it was never entered: the call is dropped). */
void lsp_leave(lsp_profiler *p, lsp_entry *entry)
{
    lsp_ctx *c = p->current;
    if (c == NULL)
        return;
    p->current = c->previous;
    if (entry == NULL)
        return;
    int64_t tt = lsp_now(p) - c->t0;
    int64_t it = tt - c->subt;
    if (c->previous != NULL)
        c->previous->subt += tt;
    account(&entry->st, tt, it);
    if (p->subcalls && c->previous != NULL) {
        lsp_sub *s = sub_get(c->previous->entry, entry, 0);
        if (s != NULL)
            account(&s->st, tt, it);
    }
}

void lsp_flush(lsp_profiler *p)
{
    while (p->current != NULL)
        lsp_leave(p, p->current->entry);
}

void lsp_clear(lsp_profiler *p)
{
    p->slots = NULL;
    p->nslots = p->nused = 0;
    p->current = NULL;
}
