/* parser.h — libparse's parser: Python 3.11 source to the ast.h tree.
 *
 * One call parses a whole source text:
 *
 *     ps_arena *a = ps_arena_new();
 *     ps_error err; ps_error_init(&err);
 *     ps_mod *m = ps_parse(src, len, "<file>", PS_MODE_EXEC, 0, a, &err);
 *     if (!m) { ... err.kind, err.msg, err.lineno, err.offset ... }
 *     ...
 *     ps_error_clear(&err); ps_arena_free(a);
 *
 * The tree is what CPython 3.11's ast.parse(src, mode=...) returns: the same
 * node kinds, fields and positions (1-based lines, 0-based UTF-8 byte
 * columns).  On failure it returns NULL and `err` holds the exception CPython
 * would raise from compile(): SyntaxError, IndentationError or TabError with
 * its message and location, MemoryError (also for nesting deeper than the
 * parser's limit, as CPython 3.11's parser does), or ValueError for a source
 * containing NUL bytes.  Errors the compiler raises later ("'return' outside
 * function", "duplicate argument") are not the parser's.
 */
#ifndef LIBPARSE_PARSER_H
#define LIBPARSE_PARSER_H

#include <stddef.h>

#include "libparse/arena.h"
#include "libparse/ast.h"
#include "libparse/error.h"

typedef enum ps_mode {
    PS_MODE_EXEC = 0,       /* compile(..., 'exec'): Module */
    PS_MODE_EVAL = 1,       /* 'eval': Expression */
    PS_MODE_SINGLE = 2,     /* 'single': Interactive */
    PS_MODE_FUNC_TYPE = 3,  /* 'func_type': FunctionType */
} ps_mode;

/* flags */
#define PS_INPUT_IS_UTF8_STR   0x0001  /* src is a decoded str: ignore BOM and coding cookie */
#define PS_FUTURE_BARRY_AS_BDFL 0x0002 /* from __future__ import barry_as_FLUFL: accept "<>" */
#define PS_ALLOW_INCOMPLETE    0x0004  /* PyCF_ALLOW_INCOMPLETE_INPUT (codeop): input that
                                          ends too early is "incomplete input" */
#define PS_DONT_IMPLY_DEDENT   0x0010  /* PyCF_DONT_IMPLY_DEDENT: with the above, a block
                                          still open at the end (no final newline) is
                                          incomplete too */
#define PS_TYPE_COMMENTS       0x0008  /* PyCF_TYPE_COMMENTS: PEP 484 type comments and
                                          "# type: ignore" (Module.type_ignores) */
/* compile()'s _feature_version (ast.parse(feature_version=(3, minor))):
 * syntax newer than Python 3.<minor> is a SyntaxError ("... only supported
 * in Python 3.N and greater").  Without it the grammar is 3.11's. */
#define PS_FEATURE_VERSION(minor) ((((minor) + 1) & 0xff) << 8)
#define PS_FEATURE_VERSION_MASK 0xff00

/* Parse src[0..len).  `filename` is only used in messages (may be NULL).
 * Nodes, identifiers and constants are allocated in `arena`. */
ps_mod *ps_parse(const char *src, size_t len, const char *filename, ps_mode mode,
                 int flags, ps_arena *arena, ps_error *err);

/* Warnings (invalid escape sequences, "invalid decimal literal" for `1if`,
 * "\"is\" with a literal") go to `fn` if set before the call; see error.h. */
ps_mod *ps_parse_ex(const char *src, size_t len, const char *filename, ps_mode mode,
                    int flags, ps_arena *arena, ps_error *err,
                    ps_warn_fn warn, void *warn_ctx);

#endif
