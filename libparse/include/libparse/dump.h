#ifndef LIBPARSE_DUMP_H
#define LIBPARSE_DUMP_H

/* ps_dump — a tree as text, byte for byte what CPython 3.11 prints for
 * `ast.dump(tree, include_attributes=...)` (one line, no indentation).
 * This is how libparse is tested against CPython (tools/parse-check.py). */

#include <stddef.h>

#include "libparse/ast.h"

/* Flags. */
#define PS_DUMP_ATTRIBUTES 0x1  /* include_attributes=True: positions too */

/* Each returns a malloc'd, NUL-terminated string (free() it) and stores its
 * length in *len when len is not NULL; NULL when out of memory. */
char *ps_dump_mod(const ps_mod *mod, int flags, size_t *len);
char *ps_dump_stmt(const ps_stmt *stmt, int flags, size_t *len);
char *ps_dump_expr(const ps_expr *expr, int flags, size_t *len);
char *ps_dump_pattern(const ps_pattern *pattern, int flags, size_t *len);

/* repr() of a constant as Python prints it: 1e+16, 'it''s' quoting rules,
 * b'\x00', 123456789012345678901234567890, Ellipsis, infj, ... */
char *ps_dump_constant(const ps_constant *c, size_t *len);

#endif
