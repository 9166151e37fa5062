/*
 * stdlib/ast.h — libparse trees as `_ast` node objects (src/ast_module_convert.c).
 */
#ifndef STDLIB_AST_H
#define STDLIB_AST_H

#include <stddef.h>

#include "libobject/object.h"

#ifdef __cplusplus
extern "C" {
#endif

/* compile(src, filename, mode, PyCF_ONLY_AST): parse src[0..len) with
 * libparse (mode: 0 exec, 1 eval, 2 single, 3 func_type — ps_mode) and
 * return the tree as instances of the `_ast` classes.  NULL with
 * SyntaxError (IndentationError, TabError), ValueError, OverflowError or
 * MemoryError set on failure. */
KnObject *kn_ast_from_source(const char *src, size_t len, const char *filename, int mode);

/* The `_ast` module (created once; the same object `import _ast` gives). */
KnObject *kn_init__ast(void);

#ifdef __cplusplus
}
#endif

#endif
