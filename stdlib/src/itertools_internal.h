/* itertools_internal.h — shared by the itertools files (not public). */
#ifndef STDLIB_ITERTOOLS_INTERNAL_H
#define STDLIB_ITERTOOLS_INTERNAL_H

#include "libgc/gc.h"
#include "libobject/libobject.h"
#include "libobject/complex.h"

#define FC(f) ((KnCFunction)(void (*)(void))(f))

/* A static iterator class of itertools: tp_iter returns self. */
#define IT_TYPE(cname, pyname, Struct, newf, nextf, meths, doc) \
    KnTypeObject cname = { \
        KN_VAR_HEAD_INIT(&ob_type_type, 0), \
        .tp_name = "itertools." pyname, \
        .tp_basicsize = sizeof(Struct), \
        .tp_getattro = ob_generic_getattr, \
        .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE, \
        .tp_doc = doc, \
        .tp_iter = it_self_iter, \
        .tp_iternext = nextf, \
        .tp_methods = meths, \
        .tp_new = newf, \
    }

KnObject *it_self_iter(KnObject *self);
/* New instance of `t` (a subclass allowed). */
KnObject *it_alloc(KnTypeObject *t);
/* "NAME() takes no keyword arguments" (for class t unless it defines
 * __init__, as CPython 3.11) + the positional count check. */
int it_posonly(const char *name, KnTypeObject *t, KnObject *args, KnObject *kwargs,
               kn_ssize_t min, kn_ssize_t max);

extern KnTypeObject it_count_type, it_cycle_type, it_repeat_type, it_accumulate_type,
    it_chain_type, it_compress_type, it_dropwhile_type, it_takewhile_type,
    it_filterfalse_type, it_starmap_type, it_pairwise_type, it_islice_type,
    it_groupby_type, it_grouper_type, it_tee_type, it_teedata_type, it_zip_longest_type,
    it_product_type, it_permutations_type, it_combinations_type, it_cwr_type;

KnObject *it_tee_from_iterable(KnObject *iterable);

#endif
