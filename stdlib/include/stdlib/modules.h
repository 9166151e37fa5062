/* stdlib/modules.h — the built-in C modules of Kiln's stdlib.
 *
 * Each module exports one entry point, kn_init_<name>(), that creates and
 * fills a fresh module object (libobject's ob_module_new_cstr,
 * ob_module_add_functions, ob_module_add_object) and returns it, or NULL
 * with the exception set.  The import system calls it once, when the module
 * is first imported, and stores the result in sys.modules.
 *
 * stdlib_modules[] lists every module this library provides, ending in
 * {NULL, NULL}; python-bin puts it in the interpreter's table of built-in
 * modules (sys.builtin_module_names). */
#ifndef STDLIB_MODULES_H
#define STDLIB_MODULES_H

#include "libobject/object.h"

typedef struct stdlib_module {
    const char *name;
    KnObject *(*init)(void);
} stdlib_module;

extern const stdlib_module stdlib_modules[];

#endif /* STDLIB_MODULES_H */
