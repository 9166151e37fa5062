/*
 * itertools_module.c — the itertools module: its classes and tee().
 */
#include <string.h>

#include "itertools_internal.h"

extern KnMethodDef *it_chain_methods;

static KnObject *itertools_tee(KnObject *mod, KnObject *const *args, kn_ssize_t nargs)
{
    (void)mod;
    if (ob_args_check_positional("tee", nargs, 1, 2) < 0)
        return NULL;
    kn_ssize_t n = 2;
    if (nargs == 2) {
        n = ob_number_as_ssize(args[1], ob_exc_OverflowError);
        if (n == -1 && ob_err_occurred())
            return NULL;
        if (n < 0)
            return ob_err_format(ob_exc_ValueError, "n must be >= 0");
    }
    KnObject *result = ob_tuple_new(n);
    if (result == NULL || n == 0)
        return result;
    KnObject *it = ob_get_iter(args[0]);
    if (it == NULL)
        return NULL;
    KnObject *copy;
    KnObject *name = ob_str_from_cstr("__copy__");
    if (ob_lookup_attr(it, name, &copy) < 0)
        return NULL;
    KnObject *cur = it;
    if (copy == NULL) {
        if ((cur = it_tee_from_iterable(it)) == NULL)
            return NULL;
        if ((copy = ob_getattr(cur, name)) == NULL)
            return NULL;
    }
    KN_TUPLE_SET(result, 0, cur);
    for (kn_ssize_t i = 1; i < n; i++) {
        if ((cur = ob_call_noargs(copy)) == NULL)
            return NULL;
        KN_TUPLE_SET(result, i, cur);
        if ((copy = ob_getattr(cur, name)) == NULL)
            return NULL;
    }
    return result;
}

/* itertools.tee() takes no keywords and says so with its dotted name. */
static KnObject *itertools_tee_kw(KnObject *mod, KnObject *const *args, kn_ssize_t nargs,
                                  KnObject *kwnames)
{
    if (kwnames != NULL && KN_SIZE(kwnames) > 0)
        return ob_err_format(ob_exc_TypeError, "itertools.tee() takes no keyword arguments");
    return itertools_tee(mod, args, nargs);
}

static KnMethodDef itertools_functions[] = {
    {"tee", FC(itertools_tee_kw), KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "tee(iterable, n=2, /)\n--\n\nReturns a tuple of n independent iterators."},
    {NULL, NULL, 0, NULL}
};

static KnTypeObject *const itertools_types[] = {
    &it_accumulate_type, &it_combinations_type, &it_cwr_type, &it_cycle_type,
    &it_dropwhile_type, &it_takewhile_type, &it_islice_type, &it_starmap_type,
    &it_chain_type, &it_compress_type, &it_filterfalse_type, &it_count_type,
    &it_zip_longest_type, &it_pairwise_type, &it_permutations_type, &it_product_type,
    &it_repeat_type, &it_groupby_type, &it_grouper_type, &it_tee_type, &it_teedata_type,
};

KnObject *kn_init_itertools(void)
{
    static int ready;
    if (!ready) {
        /* chain[int] is a types.GenericAlias, as in CPython */
        for (KnMethodDef *m = it_chain_methods;; m++)
            if (m->ml_name == NULL) {
                *m = ob_generic_alias_class_getitem_def;
                break;
            }
        for (size_t i = 0; i < sizeof itertools_types / sizeof *itertools_types; i++)
            if (ob_type_ready(itertools_types[i]) < 0)
                return NULL;
        ready = 1;
    }
    KnObject *m = ob_module_new_cstr("itertools");
    if (m == NULL || ob_module_add_functions(m, itertools_functions) < 0)
        return NULL;
    if (ob_module_add_object(m, "__doc__", ob_str_from_cstr(
            "Functional tools for creating and using iterators.")) < 0)
        return NULL;
    for (size_t i = 0; i < sizeof itertools_types / sizeof *itertools_types; i++) {
        const char *name = strrchr(itertools_types[i]->tp_name, '.') + 1;
        if (ob_module_add_object(m, name, (KnObject *)itertools_types[i]) < 0)
            return NULL;
    }
    return m;
}
