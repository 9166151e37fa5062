/* libjit/src/symtable.h — scopes and name bindings of a module (symtable.c).
 *
 * One pass over the AST builds a tree of scope entries (jit_ste): the
 * module, each class body, each function / lambda / comprehension (3.11
 * still compiles comprehensions as functions).  A second pass (analysis)
 * gives every name its scope: local, global (explicit or implicit), free or
 * cell, adds the implicit `__class__` cell, and reports CPython's
 * SyntaxErrors through a ps_error record.
 *
 * Identifiers stored here are already mangled (`__x` in class C is
 * `_C__x`); the compiler mangles with jit_mangle() before lookups.
 * Everything lives in the ps_arena given to jit_symtable_build. */
#ifndef LIBJIT_SYMTABLE_H
#define LIBJIT_SYMTABLE_H

#include <stddef.h>

#include "libparse/arena.h"
#include "libparse/ast.h"
#include "libparse/error.h"
#include "strmap.h"

/* Symbol flags: how a name is used in one scope (CPython's DEF_* facts). */
#define JIT_DEF_GLOBAL     0x001  /* named in a `global` statement */
#define JIT_DEF_LOCAL      0x002  /* assigned in this scope */
#define JIT_DEF_PARAM      0x004  /* a parameter */
#define JIT_DEF_NONLOCAL   0x008  /* named in a `nonlocal` statement */
#define JIT_USE            0x010  /* read */
#define JIT_DEF_FREE_CLASS 0x020  /* free in a nested scope, bound in this class */
#define JIT_DEF_IMPORT     0x040  /* bound by import */
#define JIT_DEF_ANNOT      0x080  /* annotated (x: int) */
#define JIT_DEF_COMP_ITER  0x100  /* comprehension iteration variable */
#define JIT_DEF_BOUND (JIT_DEF_LOCAL | JIT_DEF_PARAM | JIT_DEF_IMPORT)

/* Scope of a name after analysis. */
typedef enum jit_scope {
    JIT_SCOPE_NONE = 0,
    JIT_SCOPE_LOCAL,
    JIT_SCOPE_GLOBAL_EXPLICIT,
    JIT_SCOPE_GLOBAL_IMPLICIT,
    JIT_SCOPE_FREE,
    JIT_SCOPE_CELL,
} jit_scope;

typedef enum jit_block_type {
    JIT_BLOCK_MODULE = 1,
    JIT_BLOCK_CLASS,
    JIT_BLOCK_FUNCTION,     /* def, async def, lambda, comprehension */
} jit_block_type;

/* Future features (CPython's compiler flag bits). */
#define JIT_FUTURE_DIVISION        0x0020000
#define JIT_FUTURE_ABSOLUTE_IMPORT 0x0040000
#define JIT_FUTURE_WITH_STATEMENT  0x0080000
#define JIT_FUTURE_PRINT_FUNCTION  0x0100000
#define JIT_FUTURE_UNICODE_LITERALS 0x0200000
#define JIT_FUTURE_BARRY_AS_BDFL   0x0400000
#define JIT_FUTURE_GENERATOR_STOP  0x0800000
#define JIT_FUTURE_ANNOTATIONS     0x1000000

typedef struct jit_ste jit_ste;

struct jit_ste {
    jit_block_type type;
    const char *name;            /* "top", class name, function name, "<lambda>", "<listcomp>" ... */
    const void *key;             /* the AST node that opened the scope */
    jit_ste *parent;
    jit_ste **children;          /* in source order */
    int nchildren, childcap;
    jit_strmap symbols;          /* name -> flags (insertion order) */
    int *scopes;                 /* jit_scope per symbol, after analysis */
    const char **params;         /* parameter names in order */
    int nparams, paramcap;
    int lineno, col_offset;
    unsigned is_nested : 1;      /* function inside a function */
    unsigned is_generator : 1;   /* contains yield / yield from (or is a genexp) */
    unsigned is_coroutine : 1;   /* async def, or a comprehension with await */
    unsigned is_comprehension : 1;
    unsigned is_lambda : 1;
    unsigned has_varargs : 1, has_varkeywords : 1;
    unsigned needs_class_closure : 1;  /* class body providing the __class__ cell */
    unsigned returns_value : 1;
    unsigned comp_iter_expr : 1;       /* visiting a comprehension's iterable */
    unsigned in_annotation : 1;
    const char *private_name;    /* innermost enclosing class name (mangling) */
    int *decl_loc;               /* per symbol: 4 ints (line, col, end_line,
                                    end_col) of its first global/nonlocal
                                    statement, for analysis errors */
    unsigned needs_classdict : 1;      /* reserved */
    unsigned has_free : 1;             /* some name is free here or below */
    unsigned child_free : 1;
    unsigned is_async_comp : 1;        /* comprehension with `async for` */
    unsigned in_comp_iterable : 1;     /* reserved */
};

typedef struct jit_symtable {
    jit_ste *top;
    int future;                  /* JIT_FUTURE_* of the module */
    const char *filename;
    const char *src;             /* for SyntaxError.text; may be NULL */
    size_t srclen;
} jit_symtable;

/* Build and analyse the symbol table of `mod`.  `flags` are JIT_FUTURE_* /
 * compile flags in effect from the outside (they are or-ed with the
 * module's own `from __future__` imports); JIT_CF_ALLOW_TOP_LEVEL_AWAIT
 * (compile.h) allows await at module level.  NULL + err on SyntaxError or
 * when out of memory. */
jit_symtable *jit_symtable_build(ps_mod *mod, const char *filename, const char *src,
                                 size_t srclen, int flags, ps_arena *arena, ps_error *err);

/* The child scope opened by AST node `key` (a stmt, expr or the lambda /
 * comprehension expr), searched among ste's children; NULL if none. */
jit_ste *jit_ste_child(jit_ste *ste, const void *key);

/* Flags / scope of a (mangled) name in ste; 0 / JIT_SCOPE_NONE if absent. */
int jit_ste_flags(const jit_ste *ste, const char *name);
jit_scope jit_ste_scope(const jit_ste *ste, const char *name);

/* `name` mangled for the class `private_name` (NULL: no class): "__x" in
 * class "_C" gives "_C__x"; dunder names, dotted names and names of
 * all-underscore classes are unchanged.  Returns name itself or an arena
 * string; NULL only when out of memory. */
const char *jit_mangle(const char *private_name, const char *name, ps_arena *arena);

/* Fill err with a SyntaxError at the given AST position (1-based line,
 * 0-based byte columns), taking SyntaxError.text from src when present.
 * Returns -1. */
/* ps_error.end_offset value meaning "None" (SyntaxError.end_offset). */
#define JIT_ERR_NO_END (-2147483647 - 1)

int jit_syntax_error(ps_error *err, const char *src, size_t srclen, int lineno,
                     int col, int end_lineno, int end_col, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 8, 9)))
#endif
    ;

/* Module-level `from __future__ import x` features, validated: returns
 * JIT_FUTURE_* bits, or -1 with err set ("future feature x is not defined",
 * "from __future__ imports must occur at the beginning of the file"). */
int jit_future_features(ps_mod *mod, const char *src, size_t srclen, ps_error *err);

#endif
