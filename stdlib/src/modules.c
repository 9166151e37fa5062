/* modules.c — the table of built-in C modules this library provides
 * (stdlib/include/stdlib/modules.h). */
#include "stdlib/modules.h"

KnObject *kn_init__io(void);

const stdlib_module stdlib_modules[] = {
    {"_io", kn_init__io},
    {NULL, NULL}
};
