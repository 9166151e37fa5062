/*
 * args.c — argument-count and keyword checks for C functions (args.h).
 *
 * Kept deliberately simple: a linear scan of the spec's names for each
 * keyword (signatures have a handful of parameters), names compared by
 * their UTF-8 bytes.  No allocation on the success path.
 */
#include <string.h>

#include "libobject/args.h"
#include "libobject/errors.h"
#include "libobject/str.h"
#include "libobject/tuple.h"
#include "libobject/dict.h"

static const char *plural(kn_ssize_t n)
{
    return n == 1 ? "" : "s";
}

int ob_args_check_positional(const char *fname, kn_ssize_t nargs,
                             kn_ssize_t min, kn_ssize_t max)
{
    if (nargs < min) {
        ob_err_format(ob_exc_TypeError, "%s expected %s%zd argument%s, got %zd",
                      fname, min == max ? "" : "at least ", min, plural(min), nargs);
        return -1;
    }
    if (max >= 0 && nargs > max) {
        ob_err_format(ob_exc_TypeError, "%s expected %s%zd argument%s, got %zd",
                      fname, min == max ? "" : "at most ", max, plural(max), nargs);
        return -1;
    }
    return 0;
}

int ob_args_no_keywords(const char *fname, KnObject *kwnames)
{
    if (kwnames == NULL || KN_SIZE(kwnames) == 0)
        return 0;
    ob_err_format(ob_exc_TypeError, "%s() takes no keyword arguments", fname);
    return -1;
}

int ob_args_no_kwargs_dict(const char *fname, KnObject *kwargs)
{
    if (kwargs == NULL || ob_dict_size(kwargs) == 0)
        return 0;
    ob_err_format(ob_exc_TypeError, "%s() takes no keyword arguments", fname);
    return -1;
}

int ob_args_new_no_kwargs(KnTypeObject *type, KnTypeObject *base, const char *fname,
                          KnObject *kwargs)
{
    if (type != base && type->tp_init != base->tp_init)
        return 0;
    return ob_args_no_kwargs_dict(fname, kwargs);
}

int ob_args_exactly_one(const char *fname, kn_ssize_t nargs)
{
    if (nargs == 1)
        return 0;
    ob_err_format(ob_exc_TypeError, "%s() takes exactly one argument (%zd given)",
                  fname, nargs);
    return -1;
}

int ob_args_none(const char *fname, kn_ssize_t nargs)
{
    if (nargs == 0)
        return 0;
    ob_err_format(ob_exc_TypeError, "%s() takes no arguments (%zd given)", fname, nargs);
    return -1;
}

/* Index of keyword `key` among the spec's named parameters, -1 if absent,
 * -2 on error (a non-str keyword). */
static int find_param(const KnArgSpec *spec, int nparams, KnObject *key)
{
    if (!KN_STR_CHECK(key)) {
        ob_err_set_string(ob_exc_TypeError, "keywords must be strings");
        return -2;
    }
    kn_ssize_t klen;
    const char *k = ob_str_as_utf8(key, &klen);
    if (k == NULL)
        return -2;
    for (int i = 0; i < nparams; i++) {
        const char *n = spec->names[i];
        if (n[0] != '\0' && (kn_ssize_t)strlen(n) == klen && memcmp(n, k, (size_t)klen) == 0)
            return i;
    }
    return -1;
}

static int count_params(const KnArgSpec *spec, int *posonly)
{
    int n = 0, p = 0;
    while (spec->names[n] != NULL) {
        if (spec->names[n][0] == '\0')
            p = n + 1;
        n++;
    }
    *posonly = p;
    return n;
}

static int too_many_positional(const KnArgSpec *spec, int maxpos, kn_ssize_t nargs)
{
    if (spec->flags & KN_ARGS_PYSTYLE) {
        if (spec->required < maxpos)
            ob_err_format(ob_exc_TypeError,
                          "%s() takes from %d to %d positional arguments but %zd were given",
                          spec->fname, spec->required, maxpos, nargs);
        else
            ob_err_format(ob_exc_TypeError,
                          "%s() takes %d positional argument%s but %zd %s given",
                          spec->fname, maxpos, plural(maxpos), nargs,
                          nargs == 1 ? "was" : "were");
    } else if (maxpos == 0) {
        ob_err_format(ob_exc_TypeError, "%s() takes no positional arguments", spec->fname);
    } else {
        ob_err_format(ob_exc_TypeError, "%s() takes %s %d positional argument%s (%zd given)",
                      spec->fname, spec->required < maxpos ? "at most" : "exactly",
                      maxpos, plural(maxpos), nargs);
    }
    return -1;
}

/* The shared core: keyword values are fetched through `kwval(i)` so the
 * vectorcall (names tuple + trailing values) and dict forms share it. */
typedef struct {
    KnObject *kwnames;         /* tuple form */
    KnObject *const *kwvalues;
    KnObject *kwdict;          /* dict form */
} KwSource;

static kn_ssize_t kw_count(const KwSource *src)
{
    if (src->kwdict != NULL)
        return ob_dict_size(src->kwdict);
    return src->kwnames ? KN_SIZE(src->kwnames) : 0;
}

/* Iterate keywords: returns 1 with *k, *v set, 0 at end. */
static int kw_next(const KwSource *src, kn_ssize_t *pos, KnObject **k, KnObject **v)
{
    if (src->kwdict != NULL)
        return ob_dict_next(src->kwdict, pos, k, v);
    if (src->kwnames == NULL || *pos >= KN_SIZE(src->kwnames))
        return 0;
    *k = KN_TUPLE_GET(src->kwnames, *pos);
    *v = src->kwvalues[*pos];
    (*pos)++;
    return 1;
}

/* An unknown keyword (index < 0) or one naming a parameter already given. */
static int keyword_error(const KnArgSpec *spec, KnObject *k, int index)
{
    int py = spec->flags & KN_ARGS_PYSTYLE;
    if (index < 0 && py)
        ob_err_format(ob_exc_TypeError, "%s() got an unexpected keyword argument '%U'",
                      spec->fname, k);
    else if (index < 0)
        ob_err_format(ob_exc_TypeError, "'%U' is an invalid keyword argument for %s()",
                      k, spec->fname);
    else if (py)
        ob_err_format(ob_exc_TypeError, "%s() got multiple values for argument '%U'",
                      spec->fname, k);
    else
        ob_err_format(ob_exc_TypeError,
                      "argument for %s() given by name ('%U') and position (%d)",
                      spec->fname, k, index + 1);
    return -1;
}

static int parse_common(const KnArgSpec *spec, KnObject *const *args, kn_ssize_t nargs,
                        const KwSource *src, KnObject **out)
{
    int posonly;
    int nparams = count_params(spec, &posonly);
    int maxpos = spec->max_positional < 0 ? nparams : spec->max_positional;
    kn_ssize_t nkw = kw_count(src);
    int py = spec->flags & KN_ARGS_PYSTYLE;

    if (!py && nargs + nkw > nparams) {
        ob_err_format(ob_exc_TypeError, "%s() takes at most %d %sargument%s (%zd given)",
                      spec->fname, nparams, nargs == 0 ? "keyword " : "",
                      plural(nparams), nargs + nkw);
        return -1;
    }
    if (nargs > maxpos)
        return too_many_positional(spec, maxpos, nargs);
    for (int i = 0; i < nparams; i++)
        out[i] = i < nargs ? args[i] : NULL;

    /* Python-style signatures report keyword errors first, as a Python
     * function does; C-style ones (argument clinic) report a missing
     * required argument before an unknown or repeated keyword. */
    kn_ssize_t pos = 0;
    KnObject *k, *v, *bad_key = NULL;
    int bad_index = -1;
    while (kw_next(src, &pos, &k, &v)) {
        int i = find_param(spec, nparams, k);
        if (i == -2)
            return -1;
        if (i < 0 || out[i] != NULL) {
            bad_key = k;
            bad_index = i;
            if (py)
                break;
            continue;
        }
        out[i] = v;
    }
    if (py && bad_key != NULL)
        return keyword_error(spec, bad_key, bad_index);
    for (int i = 0; i < spec->required && i < nparams; i++) {
        if (out[i] != NULL)
            continue;
        const char *name = spec->names[i];
        if (name[0] == '\0') {
            /* a missing positional-only parameter: clinic counts them */
            ob_err_format(ob_exc_TypeError, "%s() takes %s %d positional argument%s (%zd given)",
                          spec->fname, posonly < maxpos ? "at least" : "exactly",
                          posonly, plural(posonly), nargs);
        } else if (py) {
            ob_err_format(ob_exc_TypeError, "%s() missing 1 required %sargument: '%s'",
                          spec->fname, i >= maxpos ? "keyword-only " : "positional ", name);
        } else {
            ob_err_format(ob_exc_TypeError, "%s() missing required argument '%s' (pos %d)",
                          spec->fname, name, i + 1);
        }
        return -1;
    }
    if (bad_key != NULL)
        return keyword_error(spec, bad_key, bad_index);
    return 0;
}

int ob_args_parse(const KnArgSpec *spec, KnObject *const *args, kn_ssize_t nargs,
                  KnObject *kwnames, KnObject **out)
{
    KwSource src = { kwnames, args + nargs, NULL };
    return parse_common(spec, args, nargs, &src, out);
}

int ob_args_parse_tuple(const KnArgSpec *spec, KnObject *args, KnObject *kwargs,
                        KnObject **out)
{
    KwSource src = { NULL, NULL, kwargs };
    return parse_common(spec, KN_TUPLE_ITEMS(args), KN_SIZE(args), &src, out);
}
