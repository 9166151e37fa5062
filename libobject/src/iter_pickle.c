/*
 * iter_pickle.c — __reduce__ and __setstate__ for the container iterators,
 * so copy.copy() and pickle of a live iterator resume where it stopped, as
 * in CPython: list/tuple/bytes/bytearray iterators reduce to
 * (iter, (seq,), index), list_reverseiterator to (reversed, (seq,), index),
 * an exhausted one to (iter, ([],)) for lists and (iter, ((),)) otherwise;
 * set and dict iterators to (iter, (list of the items still to come,)).
 *
 * builtins.iter lives in libjit; it registers it here at start-up
 * (ob_iter_register_builtin_iter).  Without it __reduce__ raises
 * NotImplementedError instead of returning something unpicklable.
 */
#include "containers.h"

static KnObject *builtin_iter;

void ob_iter_register_builtin_iter(KnObject *iter_function)
{
    builtin_iter = iter_function;
}

KnObject *ob_cont_builtin_iter(void)
{
    if (builtin_iter == NULL) {
        ob_err_set_string(ob_exc_NotImplementedError,
                          "pickling an iterator needs builtins.iter, which is not registered "
                          "(ob_iter_register_builtin_iter)");
        return NULL;
    }
    return builtin_iter;
}

#define IT(o) ((KnIndexIter *)(o))

static KnObject *exhausted(KnObject *self)
{
    KnObject *fn = ob_cont_builtin_iter();
    if (fn == NULL)
        return NULL;
    int is_list = KN_TYPE(self) == &ob_list_iter_type || KN_TYPE(self) == &ob_list_reviter_type;
    KnObject *empty = is_list ? ob_list_new(0) : ob_tuple_empty();
    KnObject *args = empty ? ob_tuple_pack(1, empty) : NULL;
    return args ? ob_tuple_pack(2, fn, args) : NULL;
}

static KnObject *reduce_with(KnObject *fn, KnObject *seq, kn_ssize_t index)
{
    KnObject *args = ob_tuple_pack(1, seq);
    KnObject *idx = args ? ob_int_from_ssize(index) : NULL;
    return idx ? ob_tuple_pack(3, fn, args, idx) : NULL;
}

KnObject *ob_cont_iter_reduce(KnObject *self, KnObject *unused)
{
    if (IT(self)->seq == NULL)
        return exhausted(self);
    KnObject *fn = ob_cont_builtin_iter();
    return fn ? reduce_with(fn, IT(self)->seq, IT(self)->index) : NULL;
}

KnObject *ob_cont_reviter_reduce(KnObject *self, KnObject *unused)
{
    if (IT(self)->seq == NULL)
        return exhausted(self);
    return reduce_with((KnObject *)&ob_reversed_type, IT(self)->seq, IT(self)->index);
}

static int state_index(KnObject *state, kn_ssize_t *out)
{
    *out = ob_number_as_ssize(state, ob_exc_OverflowError);
    return (*out == -1 && ob_err_occurred()) ? -1 : 0;
}

KnObject *ob_cont_iter_setstate(KnObject *self, KnObject *state)
{
    kn_ssize_t index;
    if (state_index(state, &index) < 0)
        return NULL;
    if (IT(self)->seq != NULL) {
        kn_ssize_t n = ob_length(IT(self)->seq);
        if (n < 0)
            return NULL;
        IT(self)->index = index < 0 ? 0 : index > n ? n : index;
    }
    return KN_None;
}

KnObject *ob_cont_reviter_setstate(KnObject *self, KnObject *state)
{
    kn_ssize_t index;
    if (state_index(state, &index) < 0)
        return NULL;
    if (IT(self)->seq != NULL) {
        kn_ssize_t n = KN_SIZE(IT(self)->seq);
        IT(self)->index = index < -1 ? -1 : index > n - 1 ? n - 1 : index;
    }
    return KN_None;
}

KnObject *ob_cont_reduce_remaining(KnObject *copy)
{
    KnObject *fn = ob_cont_builtin_iter();
    KnObject *rest = fn ? ob_list_new(0) : NULL;
    if (rest == NULL)
        return NULL;
    KnObject *x;
    while ((x = KN_TYPE(copy)->tp_iternext(copy)) != NULL)
        if (ob_list_append(rest, x) < 0)
            return NULL;
    if (ob_err_occurred())
        return NULL;
    KnObject *args = ob_tuple_pack(1, rest);
    return args ? ob_tuple_pack(2, fn, args) : NULL;
}
