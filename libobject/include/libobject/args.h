/*
 * libobject/args.h — argument checking for C functions (src/args.c).
 *
 * Two families of messages exist in CPython 3.11 and both are reproduced:
 *
 *  - positional-only built-ins (argument clinic "positional" checks):
 *        "get expected at least 1 argument, got 0"
 *        "divmod expected 2 arguments, got 1"
 *    -> ob_args_check_positional()
 *
 *  - functions that take keywords (clinic's keyword parser):
 *        "split() takes at most 2 arguments (3 given)"
 *        "'x' is an invalid keyword argument for split()"
 *        "from_bytes() missing required argument 'bytes' (pos 1)"
 *        "argument for split() given by name ('sep') and position (1)"
 *    -> ob_args_parse() with a KnArgSpec
 *
 * Old-style checks used by METH_O / METH_NOARGS / a fixed count:
 *        "f() takes exactly one argument (2 given)", "f() takes no arguments
 *        (1 given)", "f() takes no keyword arguments"
 *    -> ob_args_exactly_one(), ob_args_none(), ob_args_no_keywords().
 *
 * Python-function style messages ("f() got an unexpected keyword argument
 * 'y'", "f() got multiple values for argument 'x'") are selected with
 * KN_ARGS_PYSTYLE in KnArgSpec.flags.
 *
 * All functions return 0 on success, -1 with TypeError set.  `fname` is
 * printed as given, so pass "list.append" where CPython prints the
 * qualified name.
 */
#ifndef LIBOBJECT_ARGS_H
#define LIBOBJECT_ARGS_H

#include "libobject/object.h"

#ifdef __cplusplus
extern "C" {
#endif

/* "NAME expected [at least |at most ]N argument[s], got M" */
int ob_args_check_positional(const char *fname, kn_ssize_t nargs,
                             kn_ssize_t min, kn_ssize_t max);

/* "NAME() takes no keyword arguments" when kwnames (a tuple) or kwargs
 * (a dict) is non-empty.  NULL is accepted. */
int ob_args_no_keywords(const char *fname, KnObject *kwnames);
int ob_args_no_kwargs_dict(const char *fname, KnObject *kwargs);

/* "NAME() takes exactly one argument (N given)" / "NAME() takes no
 * arguments (N given)". */
int ob_args_exactly_one(const char *fname, kn_ssize_t nargs);
int ob_args_none(const char *fname, kn_ssize_t nargs);

/* A keyword-capable signature.  Parameter i is names[i]; an empty name
 * ("") is positional-only (must come first).  The first `required`
 * parameters are required; parameters at index >= max_positional are
 * keyword-only (max_positional < 0: none are), and keyword-only ones below
 * index `required` are required too. */
typedef struct KnArgSpec {
    const char *fname;            /* printed as "fname()" */
    const char *const *names;     /* NULL-terminated */
    int required;
    int max_positional;
    int flags;                    /* KN_ARGS_* */
} KnArgSpec;

#define KN_ARGS_PYSTYLE 1         /* Python-function wording */

/* Vectorcall form: fills out[0 .. nparams-1]; absent optionals are NULL. */
int ob_args_parse(const KnArgSpec *spec, KnObject *const *args, kn_ssize_t nargs,
                  KnObject *kwnames, KnObject **out);
/* tp_call form: args is a tuple, kwargs a dict or NULL. */
int ob_args_parse_tuple(const KnArgSpec *spec, KnObject *args, KnObject *kwargs,
                        KnObject **out);

/* ---- confrt ----
 * A __new__ that takes no keyword arguments, CPython 3.11's rule: refused
 * for the class itself and for a subclass that does not override __init__
 * (whose tp_init is still base's); a subclass with its own __init__ may
 * take keywords, which __new__ then ignores.  0, or -1 with TypeError. */
int ob_args_new_no_kwargs(KnTypeObject *type, KnTypeObject *base, const char *fname,
                          KnObject *kwargs);

#ifdef __cplusplus
}
#endif
#endif /* LIBOBJECT_ARGS_H */
