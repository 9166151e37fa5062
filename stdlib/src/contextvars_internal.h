/*
 * contextvars_internal.h — what the files of `_contextvars` share: the
 * Context, ContextVar and Token layouts and the current-context accessors
 * (KnThreadState.context).  See NOTES-contextvars.md for the persistent
 * mapping (a copy-on-write dict).
 */
#ifndef STDLIB_CONTEXTVARS_INTERNAL_H
#define STDLIB_CONTEXTVARS_INTERNAL_H

#include "libobject/libobject.h"

typedef struct CvContext {
    KN_OBJECT_HEAD;
    KnObject *vars;        /* dict ContextVar -> value; never mutated once stored */
    KnObject *prev;        /* the context run() replaced (while entered) */
    int entered;
} CvContext;

typedef struct CvVar {
    KN_OBJECT_HEAD;
    KnObject *name;        /* str */
    KnObject *dflt;        /* NULL: no default */
} CvVar;

typedef struct CvToken {
    KN_OBJECT_HEAD;
    KnObject *ctx, *var;
    KnObject *old;         /* NULL: the variable had no value (Token.MISSING) */
    int used;
} CvToken;

extern KnTypeObject cv_context_type, cv_var_type, cv_token_type, cv_missing_type;
extern KnObject cv_missing;    /* Token.MISSING */

#define CV_VAR_CHECK(o) (KN_TYPE(o) == &cv_var_type)

/* The running thread's context, created empty on first use. */
CvContext *cv_current(void);
/* A new context sharing `vars` (NULL: empty). */
CvContext *cv_context_new(KnObject *vars);
/* Replace the current context's mapping (bumps context_ver). */
void cv_set_vars(CvContext *c, KnObject *vars);

#endif /* STDLIB_CONTEXTVARS_INTERNAL_H */
