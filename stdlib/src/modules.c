/* modules.c — the table of built-in C modules this library provides
 * (stdlib/include/stdlib/modules.h). */
#include "stdlib/modules.h"

KnObject *kn_init__io(void);
KnObject *kn_init__thread(void);
KnObject *kn_init__weakref(void);

const stdlib_module stdlib_modules[] = {
    {"_io", kn_init__io},
    {"_thread", kn_init__thread},
    {"_weakref", kn_init__weakref},
    {NULL, NULL}
};
