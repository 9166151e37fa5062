/*
 * abstract_seq.c — container and iteration protocols (abstract.h): len(),
 * length hints, subscription, `in`, iter()/next(), list()/tuple() of an
 * iterable.
 *
 * Subscription tries the mapping slot before the sequence slot, exactly
 * as CPython: a type with mp_subscript sees every key (slices included);
 * only types that have sq_item alone get the integer-index path, where a
 * negative index has the length added once before the slot sees it.
 */
#include "libobject/type.h"
#include "protocols.h"

static KnObject *type_error(const char *fmt, KnObject *o)
{
    return ob_err_format(ob_exc_TypeError, fmt, KN_TYPE(o)->tp_name);
}

/* ------------------------------------------------------------ length */

int ob_proto_has_len(KnObject *o)
{
    KnTypeObject *t = KN_TYPE(o);
    return (t->tp_as_sequence && t->tp_as_sequence->sq_length) ||
           (t->tp_as_mapping && t->tp_as_mapping->mp_length);
}

kn_ssize_t ob_length(KnObject *o)
{
    KnTypeObject *t = KN_TYPE(o);
    if (t->tp_as_sequence && t->tp_as_sequence->sq_length)
        return t->tp_as_sequence->sq_length(o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_length)
        return t->tp_as_mapping->mp_length(o);
    type_error("object of type '%s' has no len()", o);
    return -1;
}

kn_ssize_t ob_length_hint(KnObject *o, kn_ssize_t dflt)
{
    if (ob_proto_has_len(o)) {
        kn_ssize_t n = ob_length(o);
        if (n >= 0)
            return n;
        if (!ob_err_matches((KnObject *)ob_exc_TypeError))
            return -1;
        ob_err_clear();
    }
    KnObject *hint = ob_lookup_special(o, KN_ID(__length_hint__));
    if (hint == NULL)
        return ob_err_occurred() ? -1 : dflt;
    KnObject *r = ob_call_noargs(hint);
    if (r == NULL) {
        if (!ob_err_matches((KnObject *)ob_exc_TypeError))
            return -1;
        ob_err_clear();
        return dflt;
    }
    if (r == KN_NotImplemented)
        return dflt;
    if (!KN_INT_CHECK(r)) {
        type_error("__length_hint__ must be an integer, not %s", r);
        return -1;
    }
    kn_ssize_t n = ob_int_as_ssize(r);
    if (n == -1 && ob_err_occurred())
        return -1;
    if (n < 0) {
        ob_err_set_string(ob_exc_ValueError, "__length_hint__() should return >= 0");
        return -1;
    }
    return n;
}

/* ----------------------------------------------------- subscription */

int ob_sequence_check(KnObject *o)
{
    if (KN_DICT_CHECK(o))
        return 0;
    KnSequenceMethods *sq = KN_TYPE(o)->tp_as_sequence;
    return sq != NULL && sq->sq_item != NULL;
}

/* i += len(o) for a negative index, when the type knows its length. */
static int adjust_index(KnObject *o, kn_ssize_t *i)
{
    KnSequenceMethods *sq = KN_TYPE(o)->tp_as_sequence;
    if (*i < 0 && sq->sq_length != NULL) {
        kn_ssize_t n = sq->sq_length(o);
        if (n < 0)
            return -1;
        *i += n;
    }
    return 0;
}

KnObject *ob_sequence_getitem(KnObject *o, kn_ssize_t i)
{
    KnTypeObject *t = KN_TYPE(o);
    if (t->tp_as_sequence && t->tp_as_sequence->sq_item) {
        if (adjust_index(o, &i) < 0)
            return NULL;
        return t->tp_as_sequence->sq_item(o, i);
    }
    if (t->tp_as_mapping && t->tp_as_mapping->mp_subscript)
        return type_error("%s is not a sequence", o);
    return type_error("'%s' object does not support indexing", o);
}

/* key as an index for the sequence path: 1 ok (*i set), 0 not an index
 * (no error), -1 error. */
static int key_as_index(KnObject *key, kn_ssize_t *i)
{
    if (!ob_index_check(key))
        return 0;
    *i = ob_number_as_ssize(key, ob_exc_IndexError);
    return *i == -1 && ob_err_occurred() ? -1 : 1;
}

/* C[key] for a class C: __class_getitem__ (PEP 560).  type[X] itself is
 * special-cased, as in CPython, into a types.GenericAlias. */
static KnObject *class_getitem(KnObject *cls, KnObject *key)
{
    if ((KnTypeObject *)cls == &ob_type_type)
        return ob_generic_alias_new(cls, key);
    KnObject *meth;
    int found = ob_lookup_attr(cls, KN_ID(__class_getitem__), &meth);
    if (found < 0)
        return NULL;
    if (found == 0 || meth == KN_None)
        return ob_err_format(ob_exc_TypeError, "type '%s' is not subscriptable",
                             ((KnTypeObject *)cls)->tp_name);
    return ob_call_onearg(meth, key);
}

KnObject *ob_getitem(KnObject *o, KnObject *key)
{
    KnTypeObject *t = KN_TYPE(o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_subscript)
        return t->tp_as_mapping->mp_subscript(o, key);
    if (t->tp_as_sequence && t->tp_as_sequence->sq_item) {
        kn_ssize_t i;
        int r = key_as_index(key, &i);
        if (r < 0)
            return NULL;
        if (r == 0)
            return type_error("sequence index must be integer, not '%s'", key);
        return ob_sequence_getitem(o, i);
    }
    if (KN_TYPE_OBJ_CHECK(o))
        return class_getitem(o, key);
    return type_error("'%s' object is not subscriptable", o);
}

static int sequence_assign(KnObject *o, kn_ssize_t i, KnObject *value)
{
    KnTypeObject *t = KN_TYPE(o);
    if (t->tp_as_sequence && t->tp_as_sequence->sq_ass_item) {
        if (adjust_index(o, &i) < 0)
            return -1;
        return t->tp_as_sequence->sq_ass_item(o, i, value);
    }
    if (t->tp_as_mapping && t->tp_as_mapping->mp_ass_subscript)
        type_error("%s is not a sequence", o);
    else if (value != NULL)
        type_error("'%s' object does not support item assignment", o);
    else
        type_error("'%s' object doesn't support item deletion", o);
    return -1;
}

/* o[key] = value, or del o[key] when value is NULL. */
static int assign_item(KnObject *o, KnObject *key, KnObject *value)
{
    KnTypeObject *t = KN_TYPE(o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_ass_subscript)
        return t->tp_as_mapping->mp_ass_subscript(o, key, value);
    if (t->tp_as_sequence) {
        kn_ssize_t i;
        int r = key_as_index(key, &i);
        if (r < 0)
            return -1;
        if (r > 0)
            return sequence_assign(o, i, value);
        if (t->tp_as_sequence->sq_ass_item) {
            type_error("sequence index must be integer, not '%s'", key);
            return -1;
        }
    }
    if (value != NULL)
        type_error("'%s' object does not support item assignment", o);
    else
        type_error("'%s' object does not support item deletion", o);
    return -1;
}

int ob_setitem(KnObject *o, KnObject *key, KnObject *value)
{
    if (value == NULL) {
        ob_err_bad_internal_call();
        return -1;
    }
    return assign_item(o, key, value);
}

int ob_delitem(KnObject *o, KnObject *key)
{
    return assign_item(o, key, NULL);
}

/* --------------------------------------------------------- iteration */

int ob_iter_check(KnObject *o)
{
    return KN_TYPE(o)->tp_iternext != NULL;
}

KnObject *ob_get_iter(KnObject *o)
{
    getiterfunc f = KN_TYPE(o)->tp_iter;
    if (f == NULL) {
        if (ob_sequence_check(o))
            return ob_seqiter_new(o);
        return type_error("'%s' object is not iterable", o);
    }
    KnObject *it = f(o);
    if (it != NULL && !ob_iter_check(it))
        return type_error("iter() returned non-iterator of type '%s'", it);
    return it;
}

KnObject *ob_iter_next(KnObject *it)
{
    iternextfunc f = KN_TYPE(it)->tp_iternext;
    if (f == NULL)
        return type_error("'%s' object is not an iterator", it);
    KnObject *r = f(it);
    if (r == NULL && ob_err_matches((KnObject *)ob_exc_StopIteration))
        ob_err_clear();
    return r;
}

/* The generator type libjit lets C consumers drive (iter.h). */
static KnTypeObject *drive_type;
static KnIterDrive drive_fn;

void ob_iter_set_drive_hook(KnTypeObject *type, KnIterDrive drive)
{
    drive_fn = drive;
    drive_type = type;
}

KnObject *ob_iter_next_taking(KnObject *it, KnIterTake take, void *ctx)
{
    if (KN_TYPE(it) == drive_type && drive_type != NULL)
        return drive_fn(it, take, ctx);
    return ob_iter_next(it);
}

/* `item in container`: __contains__, else a linear search by iteration. */
int ob_contains(KnObject *container, KnObject *item)
{
    KnSequenceMethods *sq = KN_TYPE(container)->tp_as_sequence;
    if (sq != NULL && sq->sq_contains != NULL)
        return sq->sq_contains(container, item);
    KnObject *it = ob_get_iter(container);
    if (it == NULL) {
        if (ob_err_matches((KnObject *)ob_exc_TypeError))
            type_error("argument of type '%s' is not iterable", container);
        return -1;
    }
    for (;;) {
        KnObject *x = ob_iter_next(it);
        if (x == NULL)
            return ob_err_occurred() ? -1 : 0;
        int eq = ob_richcompare_bool(x, item, KN_EQ);
        if (eq != 0)
            return eq;
    }
}

KnObject *ob_sequence_list(KnObject *iterable)
{
    KnObject *l = ob_list_new(0);
    if (l == NULL || ob_list_extend(l, iterable) < 0)
        return NULL;
    return l;
}

KnObject *ob_sequence_tuple(KnObject *iterable)
{
    if (KN_TUPLE_CHECK_EXACT(iterable))
        return iterable;
    if (KN_LIST_CHECK_EXACT(iterable))     /* a subclass may override __iter__ */
        return ob_tuple_from_array(KN_LIST_ITEMS(iterable), KN_SIZE(iterable));
    KnObject *l = ob_sequence_list(iterable);
    if (l == NULL)
        return NULL;
    return ob_tuple_from_array(KN_LIST_ITEMS(l), KN_SIZE(l));
}
