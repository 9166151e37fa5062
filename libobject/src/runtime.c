/*
 * runtime.c — ob_runtime_init(): libgc, the main thread's state, the
 * interned names, every static type (core, numbers, strings, containers,
 * in that order, from src/types-*.def) and the exception classes.
 */
#include <stdio.h>

#include "libgc/gc.h"
#include "core.h"

#define X(t) extern KnTypeObject t;
#include "types-core.def"
#include "types-protocols.def"
#include "types-classes.def"
#include "types-numbers.def"
#include "types-strings.def"
#include "types-containers.def"
#include "types-buffer.def"
#undef X

static KnTypeObject *const static_types[] = {
#define X(t) &t,
#include "types-core.def"
#include "types-protocols.def"
#include "types-classes.def"
#include "types-numbers.def"
#include "types-strings.def"
#include "types-containers.def"
#include "types-buffer.def"
#undef X
    NULL
};

static int initialised;

int ob_runtime_init(void)
{
    if (initialised)
        return 0;
    kgc_init();
    if (ob_tstate_get() == NULL && ob_tstate_new_and_bind() == NULL) {
        fputs("kiln: cannot allocate the main thread state\n", stderr);
        return -1;
    }
    if (ob_names_init() < 0)
        goto fail;
    for (int i = 0; static_types[i] != NULL; i++)
        if (ob_type_ready(static_types[i]) < 0)
            goto fail;
    if (ob_exceptions_init() < 0)
        goto fail;
    initialised = 1;
    return 0;
fail:
    fputs("kiln: object model start-up failed\n", stderr);
    return -1;
}
