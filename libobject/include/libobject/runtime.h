/* libobject/runtime.h — start-up of the object model (src/runtime.c). */
#ifndef LIBOBJECT_RUNTIME_H
#define LIBOBJECT_RUNTIME_H

#ifdef __cplusplus
extern "C" {
#endif

/* Start libgc, bind a thread state to the calling (main) thread, ready
 * every static type (core, numbers, strings, containers — in that order)
 * and create the exception classes.  Idempotent.  0 on success, -1 with a
 * message on stderr when start-up fails (nothing can be raised yet). */
int ob_runtime_init(void);

#ifdef __cplusplus
}
#endif
#endif /* LIBOBJECT_RUNTIME_H */
