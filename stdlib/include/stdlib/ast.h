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
 * libparse (mode: 0 exec, 1 eval, 2 single, 3 func_type — ps_mode — plus
 * the flag below) and
 * return the tree as instances of the `_ast` classes.  NULL with
 * SyntaxError (IndentationError, TabError), ValueError, OverflowError or
 * MemoryError set on failure. */
KnObject *kn_ast_from_source(const char *src, size_t len, const char *filename, int mode);
/* OR'd into mode: src is the UTF-8 of a str (compile(str, ...)), so a
 * coding cookie or BOM in it is ignored, as CPython does. */
#define KN_AST_SOURCE_IS_STR 0x100
/* OR'd into mode: PyCF_TYPE_COMMENTS (type_comment fields, type_ignores). */
#define KN_AST_TYPE_COMMENTS 0x200
/* OR'd into mode: (minor + 1) << 16 parses as Python 3.<minor>
 * (compile()'s _feature_version). */
#define KN_AST_FEATURE_VERSION_SHIFT 16

/* The other way (for compile(<AST object>)): the node objects of `tree`
 * (a mod) as libparse's C tree, allocated in `arena`.  NULL with TypeError
 * ("required field ... missing from ...", "expected some sort of ...") or
 * NotImplementedError (constants the C tree cannot hold) set. */
struct ps_mod;
struct ps_arena;
struct ps_mod *kn_ast_to_c(KnObject *tree, struct ps_arena *arena);

/* compile()'s ast-tree hook (libjit's jit_ast_tree_hook): 0 when obj is
 * no ast node; else 1 (with arena: *out is the tree of the root class
 * that mode -- 0 exec, 1 eval, 2 single, 3 func_type -- asks for, or -1
 * with TypeError "expected Module node, got ..." and the conversion's
 * errors).  python-bin registers it. */
int kn_ast_tree_hook(KnObject *obj, int mode, struct ps_arena *arena, struct ps_mod **out);

/* The `_ast` module (created once; the same object `import _ast` gives). */
KnObject *kn_init__ast(void);

#ifdef __cplusplus
}
#endif

#endif
