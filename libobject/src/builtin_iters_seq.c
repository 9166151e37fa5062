/*
 * builtin_iters_seq.c — the two iterators iter() makes itself: the
 * sequence iterator (`iterator`, for objects with __getitem__ but no
 * __iter__) and the callable iterator (`callable_iterator`, for
 * iter(callable, sentinel)).
 *
 * Both drop their reference to the underlying object once exhausted, so
 * they stay exhausted even if the sequence grows afterwards (CPython does
 * the same).
 */
#include "protocols.h"

typedef struct {
    KN_OBJECT_HEAD;
    kn_ssize_t it_index;
    KnObject *it_seq;           /* NULL once exhausted */
} SeqIter;

typedef struct {
    KN_OBJECT_HEAD;
    KnObject *it_callable;      /* NULL once exhausted */
    KnObject *it_sentinel;
} CallIter;

/* ------------------------------------------------ sequence iterator */

KnObject *ob_seqiter_new(KnObject *seq)
{
    if (!ob_sequence_check(seq))
        return ob_err_format(ob_exc_TypeError, "'%s' object is not iterable", KN_TNAME(seq));
    SeqIter *it = (SeqIter *)ob_alloc(&ob_seqiter_type, 0);
    if (it == NULL)
        return NULL;
    it->it_seq = seq;
    return (KnObject *)it;
}

/* IndexError or StopIteration from __getitem__ ends the iteration. */
static int ends_iteration(void)
{
    if (ob_err_matches((KnObject *)ob_exc_IndexError) ||
        ob_err_matches((KnObject *)ob_exc_StopIteration)) {
        ob_err_clear();
        return 1;
    }
    return 0;
}

static KnObject *seqiter_next(KnObject *self)
{
    SeqIter *it = (SeqIter *)self;
    if (it->it_seq == NULL)
        return NULL;
    if (it->it_index == OB_PROTO_SSIZE_MAX) {
        ob_err_set_string(ob_exc_OverflowError, "iter index too large");
        return NULL;
    }
    KnObject *item = ob_sequence_getitem(it->it_seq, it->it_index);
    if (item != NULL) {
        it->it_index++;
        return item;
    }
    if (ends_iteration())
        it->it_seq = NULL;
    return NULL;
}

static KnObject *seqiter_length_hint(KnObject *self, KnObject *unused)
{
    SeqIter *it = (SeqIter *)self;
    if (it->it_seq == NULL)
        return ob_int_from_ssize(0);
    if (!ob_proto_has_len(it->it_seq))
        return KN_NotImplemented;
    kn_ssize_t n = ob_length(it->it_seq);
    if (n < 0)
        return NULL;
    n -= it->it_index;
    return ob_int_from_ssize(n > 0 ? n : 0);
}

static KnObject *seqiter_setstate(KnObject *self, KnObject *state)
{
    SeqIter *it = (SeqIter *)self;
    kn_ssize_t i = ob_number_as_ssize(state, NULL);
    if (i == -1 && ob_err_occurred())
        return NULL;
    if (it->it_seq != NULL)
        it->it_index = i < 0 ? 0 : i;
    return KN_None;
}

static KnMethodDef seqiter_methods[] = {
    {"__length_hint__", (KnCFunction)seqiter_length_hint, KN_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    {"__setstate__", (KnCFunction)seqiter_setstate, KN_METH_O,
     "Set state information for unpickling."},
    {NULL, NULL, 0, NULL}
};

KnTypeObject ob_seqiter_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "iterator",
    .tp_basicsize = sizeof(SeqIter),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_iter = ob_iter_self,
    .tp_iternext = seqiter_next,
    .tp_methods = seqiter_methods,
};

/* ------------------------------------------------ callable iterator */

KnObject *ob_calliter_new(KnObject *callable, KnObject *sentinel)
{
    CallIter *it = (CallIter *)ob_alloc(&ob_calliter_type, 0);
    if (it == NULL)
        return NULL;
    it->it_callable = callable;
    it->it_sentinel = sentinel;
    return (KnObject *)it;
}

static KnObject *calliter_next(KnObject *self)
{
    CallIter *it = (CallIter *)self;
    if (it->it_callable == NULL)
        return NULL;
    KnObject *r = ob_call_noargs(it->it_callable);
    if (r == NULL) {
        if (ob_err_matches((KnObject *)ob_exc_StopIteration)) {
            ob_err_clear();
            it->it_callable = NULL;
        }
        return NULL;
    }
    int eq = ob_richcompare_bool(it->it_sentinel, r, KN_EQ);
    if (eq == 0)
        return r;
    if (eq > 0) {
        it->it_callable = NULL;
        it->it_sentinel = NULL;
    }
    return NULL;
}

KnTypeObject ob_calliter_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "callable_iterator",
    .tp_basicsize = sizeof(CallIter),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_iter = ob_iter_self,
    .tp_iternext = calliter_next,
};
