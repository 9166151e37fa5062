/* libjit/src/strmap.h — a string -> int map living in a ps_arena.
 *
 * Used by the symbol table and the compiler (name -> index).  Open
 * addressing, linear probing, grows by doubling; memory of a table that
 * grew is simply left in the arena (compilation is short-lived).  Keys are
 * not copied: they must outlive the map (arena strings or AST identifiers).
 * Insertion order is kept in `keys` so callers can list entries in the
 * order they were added (CPython keeps symbol tables in dict order). */
#ifndef LIBJIT_STRMAP_H
#define LIBJIT_STRMAP_H

#include <stdint.h>
#include <string.h>

#include "libparse/arena.h"

typedef struct jit_strmap {
    int len, cap;              /* entries, slots (power of two, 0 = empty) */
    int *slots;                /* index into keys/vals + 1; 0 = free */
    const char **keys;         /* insertion order */
    int *vals;
    int kcap;
} jit_strmap;

static inline uint32_t jit_strmap_hash(const char *s)
{
    uint32_t h = 2166136261u;          /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* Index of key in insertion order, or -1. */
static inline int jit_strmap_find(const jit_strmap *m, const char *key)
{
    if (!m->cap)
        return -1;
    uint32_t mask = (uint32_t)m->cap - 1, i = jit_strmap_hash(key) & mask;
    for (;;) {
        int s = m->slots[i];
        if (!s)
            return -1;
        if (strcmp(m->keys[s - 1], key) == 0)
            return s - 1;
        i = (i + 1) & mask;
    }
}

static inline int *jit_strmap_get(const jit_strmap *m, const char *key)
{
    int i = jit_strmap_find(m, key);
    return i < 0 ? NULL : &m->vals[i];
}

/* Add key (must be absent) with val; returns its index or -1 (no memory). */
static inline int jit_strmap_add(jit_strmap *m, const char *key, int val, ps_arena *a)
{
    if ((m->len + 1) * 2 > m->cap) {
        int ncap = m->cap ? m->cap * 2 : 16;
        int *ns = ps_arena_alloc(a, sizeof(int) * (size_t)ncap);
        if (!ns)
            return -1;
        uint32_t mask = (uint32_t)ncap - 1;
        for (int k = 0; k < m->len; k++) {
            uint32_t i = jit_strmap_hash(m->keys[k]) & mask;
            while (ns[i])
                i = (i + 1) & mask;
            ns[i] = k + 1;
        }
        m->slots = ns;
        m->cap = ncap;
    }
    if (m->len == m->kcap) {
        int nk = m->kcap ? m->kcap * 2 : 8;
        const char **keys = ps_arena_alloc(a, sizeof(char *) * (size_t)nk);
        int *vals = ps_arena_alloc(a, sizeof(int) * (size_t)nk);
        if (!keys || !vals)
            return -1;
        if (m->len) {
            memcpy(keys, m->keys, sizeof(char *) * (size_t)m->len);
            memcpy(vals, m->vals, sizeof(int) * (size_t)m->len);
        }
        m->keys = keys;
        m->vals = vals;
        m->kcap = nk;
    }
    uint32_t mask = (uint32_t)m->cap - 1, i = jit_strmap_hash(key) & mask;
    while (m->slots[i])
        i = (i + 1) & mask;
    m->keys[m->len] = key;
    m->vals[m->len] = val;
    m->slots[i] = ++m->len;
    return m->len - 1;
}

#endif
