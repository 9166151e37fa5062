/* modules.c — the table of built-in C modules this library provides
 * (stdlib/include/stdlib/modules.h). */
#include "stdlib/modules.h"

KnObject *kn_init__io(void);
KnObject *kn_init_posix(void);
KnObject *kn_init_errno(void);
KnObject *kn_init__stat(void);
KnObject *kn_init_time(void);
KnObject *kn_init_gc(void);
KnObject *kn_init_select(void);
KnObject *kn_init_fcntl(void);
KnObject *kn_init__posixsubprocess(void);
KnObject *kn_init__contextvars(void);
KnObject *kn_init_array(void);
KnObject *kn_init__queue(void);

const stdlib_module stdlib_modules[] = {
    {"_io", kn_init__io},
    {"posix", kn_init_posix},
    {"errno", kn_init_errno},
    {"_stat", kn_init__stat},
    {"time", kn_init_time},
    {"gc", kn_init_gc},
    {"select", kn_init_select},
    {"fcntl", kn_init_fcntl},
    {"_posixsubprocess", kn_init__posixsubprocess},
    {"_contextvars", kn_init__contextvars},
    {"array", kn_init_array},
    {"_queue", kn_init__queue},
    {NULL, NULL}
};
