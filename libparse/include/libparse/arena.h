#ifndef LIBPARSE_ARENA_H
#define LIBPARSE_ARENA_H

/* ps_arena — region allocator for one parse.
 *
 * Every AST node, sequence, identifier and constant payload a parse produces
 * lives in one arena; ps_arena_free releases all of it at once, so the tree
 * needs no per-node cleanup and error paths simply drop the arena.
 * Allocation is a pointer bump inside the current chunk; chunks come from
 * malloc and grow geometrically.  An arena is used by one thread at a time. */

#include <stddef.h>

typedef struct ps_arena ps_arena;

/* A new, empty arena, or NULL when out of memory. */
ps_arena *ps_arena_new(void);

/* Releases the arena and everything allocated in it.  NULL is a no-op. */
void ps_arena_free(ps_arena *arena);

/* `size` bytes aligned for any object, zero-filled; NULL when out of memory.
 * (Zero-filling keeps half-built nodes safe to walk on error paths.) */
void *ps_arena_alloc(ps_arena *arena, size_t size);

/* A copy of `len` bytes of `data` followed by a NUL byte; NULL when out of
 * memory.  The copy may itself contain NUL bytes (str and bytes payloads). */
char *ps_arena_strndup(ps_arena *arena, const char *data, size_t len);

/* Bytes handed out so far (for statistics and the benchmark). */
size_t ps_arena_used(const ps_arena *arena);

#endif
