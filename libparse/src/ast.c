/* ast.c — hand-written helpers behind the generated constructors
 * (ast_gen.c, from ast.def). */
#include <stdint.h>

#include "ast_meta.h"

/* Every ps_<type>_seq has the layout { ptrdiff_t len; T items[]; }, so one
 * allocator serves them all.  Items start out zero (NULL). */
void *ps_ast_seq_alloc_(ps_arena *arena, ptrdiff_t len, size_t item_size)
{
    if (len < 0 || (size_t)len > (SIZE_MAX - sizeof(ps_expr_seq)) / item_size)
        return NULL;
    ps_expr_seq *s = ps_arena_alloc(arena, sizeof(ps_expr_seq) + (size_t)len * item_size);
    if (s)
        s->len = len;
    return s;
}
