/* libjit/src/import.h — the import system's internals (import*.c).
 * Public entry points are in include/libjit/jit.h (part jit-import). */
#ifndef LIBJIT_IMPORT_H
#define LIBJIT_IMPORT_H

#include "libobject/libobject.h"

/* The built-in module table: index of `name` (str), or -1. */
int jit_import_builtin_index(KnObject *name);
/* Run entry `i`'s init (sys and builtins: the existing modules). */
KnObject *jit_import_builtin_create(int i);

/* importlib._bootstrap once installed (NULL before). */
KnObject *jit_import_bootstrap_module(void);

/* Modules implemented in libjit. */
KnObject *kn_init__imp(void);
KnObject *kn_init__symtable(void);     /* symtable_module.c */
KnObject *kn_init__warnings(void);
KnObject *kn_init_marshal(void);

/* Kiln's .pyc magic number: a 16-bit hash of the opcode table,
 * JIT_PYC_RECORD_VERSION (bump it when marshal_code.c's record changes) and
 * the compiler's build stamp, then '\r', '\n'.  See NOTES-import.md. */
#define JIT_PYC_RECORD_VERSION 1
unsigned jit_pyc_magic_word(void);

#endif /* LIBJIT_IMPORT_H */
