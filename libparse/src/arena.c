/* arena.c — ps_arena: bump allocation in malloc'ed chunks.
 *
 * Invariants: `cur` is the chunk being filled; `next` .. `end` is its free
 * space; every chunk is on the `chunks` list so ps_arena_free can release
 * them all.  Requests larger than a quarter of the normal chunk size get a
 * chunk of their own, linked behind `cur`, so a huge string does not waste
 * the rest of the current chunk. */
#include "libparse/arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_ALIGN (alignof(max_align_t))
#define FIRST_CHUNK (16 * 1024)
#define MAX_CHUNK (1024 * 1024)

typedef struct chunk {
    struct chunk *prev;
    size_t size;                      /* usable bytes after the header */
    alignas(max_align_t) char data[]; /* the memory handed out */
} chunk;

struct ps_arena {
    chunk *cur;
    char *next, *end;
    size_t chunk_size;  /* size of the next normal chunk */
    size_t used;
};

static chunk *arena_chunk_new(size_t size)
{
    /* calloc: chunks are zeroed once, so allocations need no memset (and
     * large chunks come zeroed from mmap for free). */
    chunk *c = calloc(1, sizeof(chunk) + size);
    if (!c)
        return NULL;
    c->size = size;
    c->prev = NULL;
    return c;
}

ps_arena *ps_arena_new(void)
{
    ps_arena *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->chunk_size = FIRST_CHUNK;
    return a;
}

void ps_arena_free(ps_arena *a)
{
    if (!a)
        return;
    chunk *c = a->cur;
    while (c) {
        chunk *prev = c->prev;
        free(c);
        c = prev;
    }
    free(a);
}

/* Slow path of ps_arena_alloc: the current chunk is too small. */
static void *arena_alloc_slow(ps_arena *a, size_t size)
{
    if (size > a->chunk_size / 4) {
        /* A chunk of its own, slipped under the current one. */
        chunk *c = arena_chunk_new(size);
        if (!c)
            return NULL;
        if (a->cur) {
            c->prev = a->cur->prev;
            a->cur->prev = c;
        } else {
            a->cur = c;
            a->next = a->end = c->data + size;
        }
        return c->data;
    }
    chunk *c = arena_chunk_new(a->chunk_size);
    if (!c)
        return NULL;
    c->prev = a->cur;
    a->cur = c;
    a->next = c->data;
    a->end = c->data + c->size;
    if (a->chunk_size < MAX_CHUNK)
        a->chunk_size *= 2;
    void *p = a->next;
    a->next += size;
    return p;
}

void *ps_arena_alloc(ps_arena *a, size_t size)
{
    if (size > SIZE_MAX - ARENA_ALIGN)
        return NULL;
    size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (size == 0)
        size = ARENA_ALIGN;
    a->used += size;
    if ((size_t)(a->end - a->next) < size)
        return arena_alloc_slow(a, size);
    void *p = a->next;
    a->next += size;
    return p;
}

char *ps_arena_strndup(ps_arena *a, const char *data, size_t len)
{
    if (len == SIZE_MAX)
        return NULL;
    char *p = ps_arena_alloc(a, len + 1);
    if (!p)
        return NULL;
    if (len)
        memcpy(p, data, len);
    p[len] = '\0';
    return p;
}

size_t ps_arena_used(const ps_arena *a)
{
    return a->used;
}
