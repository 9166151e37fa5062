/* libjit/src/eval_values.c — value-building helpers of the interpreter:
 * sequence unpacking, f-string formatting, **kwargs merging. */
#include "eval.h"

static int not_iterable(KnObject *o)
{
    KnTypeObject *t = KN_TYPE(o);
    return t->tp_iter == NULL && (t->tp_as_sequence == NULL || t->tp_as_sequence->sq_item == NULL);
}

/* Unpack seq onto the stack whose new top is `top`: item 0 lands at
 * top[-1].  after < 0: exactly `before` items.  Otherwise `before` items,
 * a list of the rest, then `after` items (UNPACK_EX). */
int jit_eval_unpack(KnObject *seq, int before, int after, KnObject **top)
{
    if (after >= 0 && (KN_TUPLE_CHECK_EXACT(seq) || KN_LIST_CHECK_EXACT(seq)) &&
        KN_SIZE(seq) >= before + after) {
        /* Starred target over an exact tuple or list long enough: its items
         * as they are (no iterator; nothing can run in between).  Shorter
         * ones take the path below, which words the error. */
        kn_ssize_t n = KN_SIZE(seq);
        KnObject **items = KN_TUPLE_CHECK_EXACT(seq) ? KN_TUPLE_ITEMS(seq) : KN_LIST_ITEMS(seq);
        KnObject *list = ob_list_from_array(items + before, n - before - after);
        if (list == NULL)
            return -1;
        for (int i = 0; i < before; i++)
            top[-1 - i] = items[i];
        top[-1 - before] = list;
        for (int j = 0; j < after; j++)
            top[-2 - before - j] = items[n - after + j];
        return 0;
    }
    KnObject *it = ob_get_iter(seq);
    if (it == NULL) {
        if (ob_err_matches((KnObject *)ob_exc_TypeError) && not_iterable(seq)) {
            ob_err_clear();
            ob_err_format(ob_exc_TypeError, "cannot unpack non-iterable %s object",
                          ob_type_name(KN_TYPE(seq)));
        }
        return -1;
    }
    for (int i = 0; i < before; i++) {
        KnObject *v = ob_iter_next(it);
        if (v == NULL) {
            if (ob_err_occurred())
                return -1;
            if (after < 0)
                ob_err_format(ob_exc_ValueError,
                              "not enough values to unpack (expected %d, got %d)", before, i);
            else
                ob_err_format(ob_exc_ValueError,
                              "not enough values to unpack (expected at least %d, got %d)",
                              before + after, i);
            return -1;
        }
        top[-1 - i] = v;
    }
    if (after < 0) {
        KnObject *v = ob_iter_next(it);
        if (v != NULL) {
            ob_err_format(ob_exc_ValueError, "too many values to unpack (expected %d)", before);
            return -1;
        }
        return ob_err_occurred() ? -1 : 0;
    }
    KnObject *list = ob_sequence_list(it);
    if (list == NULL)
        return -1;
    kn_ssize_t n = KN_SIZE(list);
    if (n < after) {
        ob_err_format(ob_exc_ValueError,
                      "not enough values to unpack (expected at least %d, got %zd)",
                      before + after, before + n);
        return -1;
    }
    top[-1 - before] = list;
    for (int j = 0; j < after; j++) {
        top[-2 - before - j] = KN_LIST_GET(list, n - after + j);
        KN_LIST_ITEMS(list)[n - after + j] = NULL;
    }
    KN_SET_SIZE(list, n - after);
    return 0;
}

KnObject *jit_eval_format_value(KnObject *value, int conv, KnObject *spec)
{
    switch (conv) {
    case 1: value = ob_str(value); break;
    case 2: value = ob_repr(value); break;
    case 3: value = ob_ascii(value); break;
    default: break;
    }
    if (value == NULL)
        return NULL;
    return ob_format_fast(value, spec);
}

/* DICT_MERGE and f(**m) with a non-dict m: copy m's items into dict,
 * refusing duplicates with CPython's messages. */
int jit_eval_dict_merge(KnObject *func, KnObject *dict, KnObject *other)
{
    /* `f(**d)`: into the fresh empty dict no key can repeat; copy the
     * table's entries with their hashes (libobject's dict merge, which
     * reads a dict subclass's table as CPython does). */
    int dictlike = KN_DICT_CHECK(other) && KN_TYPE(other)->tp_iter == ob_dict_type.tp_iter;
    if (dictlike && KN_DICT_CHECK_EXACT(dict) && ob_dict_size(dict) == 0)
        return ob_dict_merge(dict, other, 1);
    KnObject *keys;
    if (KN_DICT_CHECK(other)) {
        keys = ob_dict_keys_list(other);
    } else {
        KnObject *meth = NULL;
        if (ob_lookup_attr(other, ob_str_intern_cstr("keys"), &meth) < 0)
            return -1;
        if (meth == NULL) {
            KnObject *fs = jit_function_str(func);
            if (fs != NULL)
                ob_err_format(ob_exc_TypeError, "%U argument after ** must be a mapping, not %s",
                              fs, ob_type_name(KN_TYPE(other)));
            return -1;
        }
        KnObject *k = ob_call_noargs(meth);
        keys = k ? ob_sequence_list(k) : NULL;
    }
    if (keys == NULL)
        return -1;
    for (kn_ssize_t i = 0; i < KN_SIZE(keys); i++) {
        KnObject *key = KN_LIST_GET(keys, i);
        int has = ob_dict_contains(dict, key);
        if (has < 0)
            return -1;
        if (has) {
            KnObject *fs = jit_function_str(func);
            if (fs == NULL)
                return -1;
            /* a repeated key is reported before any non-str one, as
             * CPython's DICT_MERGE (str() of the key either way) */
            ob_err_format(ob_exc_TypeError,
                          "%U got multiple values for keyword argument '%S'", fs, key);
            return -1;
        }
        /* a dict (subclass) iterating as dict is read from its table, as
         * CPython: an overridden __getitem__ is not called */
        KnObject *v = dictlike ? ob_dict_getitem(other, key) : NULL;
        if (v == NULL && ob_err_occurred())
            return -1;
        if (v == NULL)
            v = ob_getitem(other, key);
        if (v == NULL || ob_dict_setitem(dict, key, v) < 0)
            return -1;
    }
    return 0;
}
