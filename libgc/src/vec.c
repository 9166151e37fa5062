/*
 * vec.c -- struct kgc_vec, the growable arrays finalize.c and weakref.c use
 * to hold objects between a collection and the hooks that process them.
 * items[] is uncollectable and scanned, so what it holds stays alive;
 * aux[] is plain malloc (records, not collectable).
 */
#include <stdlib.h>
#include <string.h>

#include "gc_internal.h"

int kgc_vec_reserve(struct kgc_vec *v, size_t cap)
{
    if (cap <= v->cap)
        return 0;
    size_t ncap = v->cap ? v->cap : 64;
    while (ncap < cap)
        ncap *= 2;
    void **items = GC_malloc_uncollectable(ncap * sizeof *items);
    void **aux = malloc(ncap * sizeof *aux);
    if (items == NULL || aux == NULL) {
        GC_free(items);
        free(aux);
        return -1;
    }
    if (v->len) {
        memcpy(items, v->items, v->len * sizeof *items);
        memcpy(aux, v->aux, v->len * sizeof *aux);
        /* leave no stale copy behind in the freed block */
        memset(v->items, 0, v->len * sizeof *items);
    }
    GC_free(v->items);
    free(v->aux);
    v->items = items;
    v->aux = aux;
    v->cap = ncap;
    return 0;
}

int kgc_vec_push(struct kgc_vec *v, void *item, void *aux)
{
    if (v->len == v->cap && kgc_vec_reserve(v, v->len + 1) != 0)
        return -1;
    v->items[v->len] = item;
    v->aux[v->len] = aux;
    v->len++;
    return 0;
}

/* Drop the references (zeroed, so no stale pointer keeps anything alive);
 * keep the storage. */
void kgc_vec_clear(struct kgc_vec *v)
{
    if (v->len) {
        memset(v->items, 0, v->len * sizeof *v->items);
        memset(v->aux, 0, v->len * sizeof *v->aux);
    }
    v->len = 0;
}
