/* modules.c — the table of built-in C modules this library provides
 * (stdlib/include/stdlib/modules.h). */
#include "stdlib/modules.h"

KnObject *kn_init__io(void);
KnObject *kn_init_posix(void);
KnObject *kn_init_errno(void);
KnObject *kn_init__stat(void);
KnObject *kn_init_time(void);
KnObject *kn_init__thread(void);
KnObject *kn_init__weakref(void);
KnObject *kn_init_gc(void);
KnObject *kn_init_itertools(void);
KnObject *kn_init__operator(void);
KnObject *kn_init__functools(void);
KnObject *kn_init__collections(void);

const stdlib_module stdlib_modules[] = {
    {"_io", kn_init__io},
    {"posix", kn_init_posix},
    {"errno", kn_init_errno},
    {"_stat", kn_init__stat},
    {"time", kn_init_time},
    {"_thread", kn_init__thread},
    {"_weakref", kn_init__weakref},
    {"gc", kn_init_gc},
    {"itertools", kn_init_itertools},
    {"_operator", kn_init__operator},
    {"_functools", kn_init__functools},
    {"_collections", kn_init__collections},
    {NULL, NULL}
};
