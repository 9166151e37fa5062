/*
 * collections_deque.c — collections.deque and its two iterator types.
 *
 * Storage is a ring buffer: `items[(head + i) % cap]` is element i, for i
 * below `len`.  CPython links fixed blocks instead; only the complexity
 * of a few operations differs, not behaviour.  `state` changes on every
 * mutation: iterators and searches that compare items (which may run
 * Python code) check it and raise "deque mutated during iteration".
 */
#include <string.h>

#include "collections_internal.h"

typedef struct {
    KN_OBJECT_HEAD;
    KnObject **items;
    kn_ssize_t cap, head, len;
    kn_ssize_t maxlen;          /* -1: unbounded */
    size_t state;
    KnObject *weakreflist;
} Deque;

#define DQ(o) ((Deque *)(o))
#define AT(d, i) ((d)->items[((d)->head + (i)) % (d)->cap])

static int dq_grow(Deque *d)
{
    if (d->len < d->cap)
        return 0;
    kn_ssize_t ncap = d->cap ? d->cap * 2 : 8;
    KnObject **n = kgc_alloc((size_t)ncap * sizeof(KnObject *));
    if (n == NULL) {
        ob_err_nomemory();
        return -1;
    }
    for (kn_ssize_t i = 0; i < d->len; i++)
        n[i] = AT(d, i);
    d->items = n;
    d->cap = ncap;
    d->head = 0;
    return 0;
}

static KnObject *dq_popleft_raw(Deque *d)
{
    KnObject *x = AT(d, 0);
    AT(d, 0) = NULL;
    d->head = (d->head + 1) % d->cap;
    d->len--;
    d->state++;
    return x;
}

static KnObject *dq_pop_raw(Deque *d)
{
    KnObject *x = AT(d, d->len - 1);
    AT(d, d->len - 1) = NULL;
    d->len--;
    d->state++;
    return x;
}

static int dq_append(Deque *d, KnObject *x)
{
    if (d->maxlen == 0)
        return 0;
    if (d->maxlen > 0 && d->len >= d->maxlen)
        dq_popleft_raw(d);
    if (dq_grow(d) < 0)
        return -1;
    d->len++;
    AT(d, d->len - 1) = x;
    d->state++;
    return 0;
}

static int dq_appendleft(Deque *d, KnObject *x)
{
    if (d->maxlen == 0)
        return 0;
    if (d->maxlen > 0 && d->len >= d->maxlen)
        dq_pop_raw(d);
    if (dq_grow(d) < 0)
        return -1;
    d->head = (d->head + d->cap - 1) % d->cap;
    d->len++;
    AT(d, 0) = x;
    d->state++;
    return 0;
}

static void dq_clear(Deque *d)
{
    d->items = NULL;
    d->cap = d->head = d->len = 0;
    d->state++;
}

static int dq_extend(Deque *d, KnObject *iterable, int left)
{
    if (iterable == (KnObject *)d && (iterable = ob_sequence_list(iterable)) == NULL)
        return -1;
    KnObject *it = ob_get_iter(iterable);
    if (it == NULL)
        return -1;
    for (KnObject *x; (x = ob_iter_next(it)) != NULL;)
        if ((left ? dq_appendleft(d, x) : dq_append(d, x)) < 0)
            return -1;
    return ob_err_occurred() ? -1 : 0;
}

/* ------------------------------------------------------ construction */

static int maxlen_arg(KnObject *o, kn_ssize_t *out)
{
    *out = -1;
    if (o == NULL || o == KN_None)
        return 0;
    if (!KN_INT_CHECK(o)) {
        ob_err_set_string(ob_exc_TypeError, "an integer is required");
        return -1;
    }
    kn_ssize_t v = ob_int_as_ssize(o);
    if (v == -1 && ob_err_occurred())
        return -1;
    if (v < 0) {
        ob_err_set_string(ob_exc_ValueError, "maxlen must be non-negative");
        return -1;
    }
    *out = v;
    return 0;
}

static int deque_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    static const char *const kw[] = {"iterable", "maxlen", NULL};
    static const KnArgSpec spec = {"deque", kw, 0, 2, 0};
    KnObject *a[2];
    kn_ssize_t maxlen;
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0 || maxlen_arg(a[1], &maxlen) < 0)
        return -1;
    Deque *d = DQ(self);
    d->maxlen = maxlen;
    if (d->len > 0)
        dq_clear(d);
    return a[0] != NULL ? dq_extend(d, a[0], 0) : 0;
}

static KnObject *deque_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    (void)args;
    (void)kwargs;
    Deque *d = (Deque *)ob_type_generic_alloc(t, 0);
    if (d != NULL)
        d->maxlen = -1;
    return (KnObject *)d;
}

static KnObject *dq_new_like(Deque *d)
{
    Deque *n = (Deque *)deque_new(&co_deque_type, NULL, NULL);
    if (n != NULL)
        n->maxlen = d->maxlen;
    return (KnObject *)n;
}

static KnObject *deque_copy(KnObject *self, KnObject *unused)
{
    (void)unused;
    Deque *d = DQ(self);
    if (KN_TYPE(self) == &co_deque_type) {
        KnObject *n = dq_new_like(d);
        if (n == NULL || dq_extend(DQ(n), self, 0) < 0)
            return NULL;
        return n;
    }
    KnObject *cls = (KnObject *)KN_TYPE(self);
    if (d->maxlen < 0)
        return ob_call_onearg(cls, self);
    return ob_vectorcall(cls, (KnObject *[]){self, ob_int_from_ssize(d->maxlen)}, 2, NULL);
}

/* ----------------------------------------------------------- methods */

static KnObject *deque_append(KnObject *self, KnObject *x)
{
    return dq_append(DQ(self), x) < 0 ? NULL : KN_None;
}

static KnObject *deque_appendleft(KnObject *self, KnObject *x)
{
    return dq_appendleft(DQ(self), x) < 0 ? NULL : KN_None;
}

static KnObject *deque_pop(KnObject *self, KnObject *unused)
{
    (void)unused;
    if (DQ(self)->len == 0)
        return ob_err_format(ob_exc_IndexError, "pop from an empty deque");
    return dq_pop_raw(DQ(self));
}

static KnObject *deque_popleft(KnObject *self, KnObject *unused)
{
    (void)unused;
    if (DQ(self)->len == 0)
        return ob_err_format(ob_exc_IndexError, "pop from an empty deque");
    return dq_popleft_raw(DQ(self));
}

static KnObject *deque_extend(KnObject *self, KnObject *it)
{
    return dq_extend(DQ(self), it, 0) < 0 ? NULL : KN_None;
}

static KnObject *deque_extendleft(KnObject *self, KnObject *it)
{
    return dq_extend(DQ(self), it, 1) < 0 ? NULL : KN_None;
}

static KnObject *deque_clearm(KnObject *self, KnObject *unused)
{
    (void)unused;
    dq_clear(DQ(self));
    return KN_None;
}

/* Compare x with items [start, stop); index of the first equal, -1 none,
 * -2 error.  Raises RuntimeError when a comparison mutates the deque. */
static kn_ssize_t dq_find(Deque *d, KnObject *x, kn_ssize_t start, kn_ssize_t stop, kn_ssize_t *count)
{
    size_t state = d->state;
    kn_ssize_t n = d->len;
    for (kn_ssize_t i = start; i < stop && i < n; i++) {
        KnObject *item = AT(d, i);
        int eq = ob_richcompare_bool(item, x, KN_EQ);
        if (eq < 0)
            return -2;
        if (d->state != state || d->len != n) {
            ob_err_set_string(ob_exc_RuntimeError, "deque mutated during iteration");
            return -2;
        }
        if (eq) {
            if (count == NULL)
                return i;
            (*count)++;
        }
    }
    return -1;
}

static KnObject *deque_count(KnObject *self, KnObject *x)
{
    kn_ssize_t c = 0;
    if (dq_find(DQ(self), x, 0, DQ(self)->len, &c) == -2)
        return NULL;
    return ob_int_from_ssize(c);
}

static int index_arg(KnObject *o, kn_ssize_t *out)
{
    if (!ob_index_check(o)) {
        ob_err_set_string(ob_exc_TypeError,
                          "slice indices must be integers or have an __index__ method");
        return -1;
    }
    return ob_slice_index(o, out);
}

static KnObject *deque_index(KnObject *self, KnObject *const *args, kn_ssize_t n)
{
    Deque *d = DQ(self);
    if (ob_args_check_positional("index", n, 1, 3) < 0)
        return NULL;
    kn_ssize_t start = 0, stop = d->len;
    if ((n > 1 && index_arg(args[1], &start) < 0) || (n > 2 && index_arg(args[2], &stop) < 0))
        return NULL;
    if (start < 0 && (start += d->len) < 0)
        start = 0;
    if (stop < 0 && (stop += d->len) < 0)
        stop = 0;
    kn_ssize_t i = dq_find(d, args[0], start, stop, NULL);
    if (i == -2)
        return NULL;
    if (i == -1)
        return ob_err_format(ob_exc_ValueError, "%R is not in deque", args[0]);
    return ob_int_from_ssize(i);
}

static int dq_del(Deque *d, kn_ssize_t i)
{
    for (kn_ssize_t j = i; j < d->len - 1; j++)
        AT(d, j) = AT(d, j + 1);
    dq_pop_raw(d);
    return 0;
}

static KnObject *deque_remove(KnObject *self, KnObject *x)
{
    Deque *d = DQ(self);
    kn_ssize_t i = dq_find(d, x, 0, d->len, NULL);
    if (i == -2)
        return NULL;
    if (i == -1)
        return ob_err_format(ob_exc_ValueError, "%R is not in deque", x);
    dq_del(d, i);
    return KN_None;
}

static KnObject *deque_insert(KnObject *self, KnObject *const *args, kn_ssize_t n)
{
    Deque *d = DQ(self);
    if (ob_args_check_positional("insert", n, 2, 2) < 0)
        return NULL;
    kn_ssize_t i = ob_number_as_ssize(args[0], NULL);
    if (i == -1 && ob_err_occurred())
        return NULL;
    if (d->maxlen >= 0 && d->len >= d->maxlen)
        return ob_err_format(ob_exc_IndexError, "deque already at its maximum size");
    if (i < 0 && (i += d->len) < 0)
        i = 0;
    if (i > d->len)
        i = d->len;
    if (dq_append(d, args[1]) < 0)
        return NULL;
    for (kn_ssize_t j = d->len - 1; j > i; j--)
        AT(d, j) = AT(d, j - 1);
    AT(d, i) = args[1];
    return KN_None;
}

static KnObject *deque_reverse(KnObject *self, KnObject *unused)
{
    (void)unused;
    Deque *d = DQ(self);
    for (kn_ssize_t i = 0, j = d->len - 1; i < j; i++, j--) {
        KnObject *t = AT(d, i);
        AT(d, i) = AT(d, j);
        AT(d, j) = t;
    }
    d->state++;
    return KN_None;
}

static int dq_rotate(Deque *d, kn_ssize_t k)
{
    if (d->len <= 1)
        return 0;
    k %= d->len;
    if (k < 0)
        k += d->len;
    if (k == 0)
        return 0;
    if (d->len < d->cap) {
        /* compact so the ring is full; rotating then only moves the head */
        KnObject **n = kgc_alloc((size_t)d->len * sizeof(KnObject *));
        if (n == NULL) {
            ob_err_nomemory();
            return -1;
        }
        for (kn_ssize_t i = 0; i < d->len; i++)
            n[i] = AT(d, i);
        d->items = n;
        d->cap = d->len;
        d->head = 0;
    }
    d->head = (d->head + d->len - k) % d->len;
    d->state++;
    return 0;
}

static KnObject *deque_rotate(KnObject *self, KnObject *const *args, kn_ssize_t n)
{
    if (ob_args_check_positional("rotate", n, 0, 1) < 0)
        return NULL;
    kn_ssize_t k = 1;
    if (n == 1) {
        k = ob_number_as_ssize(args[0], ob_exc_OverflowError);
        if (k == -1 && ob_err_occurred())
            return NULL;
    }
    return dq_rotate(DQ(self), k) < 0 ? NULL : KN_None;
}

static KnObject *deque_maxlen(KnObject *self, void *closure)
{
    (void)closure;
    return DQ(self)->maxlen < 0 ? KN_None : ob_int_from_ssize(DQ(self)->maxlen);
}

static KnObject *deque_reduce(KnObject *self, KnObject *unused)
{
    (void)unused;
    Deque *d = DQ(self);
    KnObject *state = KN_None, *dict;
    if (ob_lookup_attr(self, ob_str_from_cstr("__dict__"), &dict) < 0)
        return NULL;
    if (dict != NULL && KN_DICT_CHECK(dict) && ob_dict_size(dict) > 0)
        state = dict;
    KnObject *it = ob_get_iter(self);
    if (it == NULL)
        return NULL;
    KnObject *args = d->maxlen < 0 ? ob_tuple_empty()
                                   : ob_tuple_pack(2, ob_tuple_empty(), ob_int_from_ssize(d->maxlen));
    return ob_tuple_pack(4, (KnObject *)KN_TYPE(self), args, state, it);
}

static KnObject *deque_reversed(KnObject *self, KnObject *unused);

static KnObject *deque_sizeof(KnObject *self, KnObject *unused)
{
    (void)unused;
    return ob_int_from_ssize((kn_ssize_t)sizeof(Deque) + DQ(self)->cap * (kn_ssize_t)sizeof(KnObject *));
}

static KnMethodDef deque_methods[] = {
    {"append", CO_FC(deque_append), KN_METH_O, "Add an element to the right side of the deque."},
    {"appendleft", CO_FC(deque_appendleft), KN_METH_O, "Add an element to the left side of the deque."},
    {"clear", CO_FC(deque_clearm), KN_METH_NOARGS, "Remove all elements from the deque."},
    {"__copy__", CO_FC(deque_copy), KN_METH_NOARGS, "Return a shallow copy of a deque."},
    {"copy", CO_FC(deque_copy), KN_METH_NOARGS, "Return a shallow copy of a deque."},
    {"count", CO_FC(deque_count), KN_METH_O, "D.count(value) -- return number of occurrences of value"},
    {"extend", CO_FC(deque_extend), KN_METH_O, "Extend the right side of the deque with elements from the iterable"},
    {"extendleft", CO_FC(deque_extendleft), KN_METH_O, "Extend the left side of the deque with elements from the iterable"},
    {"index", CO_FC(deque_index), KN_METH_FASTCALL,
     "D.index(value, [start, [stop]]) -- return first index of value.\n"
     "Raises ValueError if the value is not present."},
    {"insert", CO_FC(deque_insert), KN_METH_FASTCALL, "D.insert(index, object) -- insert object before index"},
    {"pop", CO_FC(deque_pop), KN_METH_NOARGS, "Remove and return the rightmost element."},
    {"popleft", CO_FC(deque_popleft), KN_METH_NOARGS, "Remove and return the leftmost element."},
    {"__reduce__", CO_FC(deque_reduce), KN_METH_NOARGS, "Return state information for pickling."},
    {"remove", CO_FC(deque_remove), KN_METH_O, "D.remove(value) -- remove first occurrence of value."},
    {"__reversed__", CO_FC(deque_reversed), KN_METH_NOARGS, "D.__reversed__() -- return a reverse iterator over the deque"},
    {"reverse", CO_FC(deque_reverse), KN_METH_NOARGS, "D.reverse() -- reverse *IN PLACE*"},
    {"rotate", CO_FC(deque_rotate), KN_METH_FASTCALL, "Rotate the deque n steps to the right (default n=1).  If n is negative, rotates left."},
    {"__sizeof__", CO_FC(deque_sizeof), KN_METH_NOARGS, "D.__sizeof__() -- size of D in memory, in bytes"},
    {NULL, NULL, 0, NULL},   /* __class_getitem__, filled in at start-up */
    {NULL, NULL, 0, NULL}
};
KnMethodDef *co_deque_methods = deque_methods;

static KnGetSetDef deque_getset[] = {
    {"maxlen", deque_maxlen, NULL, "maximum size of a deque or None if unbounded", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

/* ------------------------------------------------- sequence protocol */

static kn_ssize_t deque_len(KnObject *self)
{
    return DQ(self)->len;
}

static KnObject *deque_item(KnObject *self, kn_ssize_t i)
{
    Deque *d = DQ(self);
    if (i < 0 || i >= d->len)
        return ob_err_format(ob_exc_IndexError, "deque index out of range");
    return AT(d, i);
}

static int deque_ass_item(KnObject *self, kn_ssize_t i, KnObject *v)
{
    Deque *d = DQ(self);
    if (i < 0 || i >= d->len) {
        ob_err_set_string(ob_exc_IndexError, "deque index out of range");
        return -1;
    }
    if (v == NULL)
        return dq_del(d, i);
    AT(d, i) = v;
    return 0;
}

static int deque_contains(KnObject *self, KnObject *x)
{
    kn_ssize_t i = dq_find(DQ(self), x, 0, DQ(self)->len, NULL);
    return i == -2 ? -1 : i >= 0;
}

static KnObject *deque_concat(KnObject *self, KnObject *other)
{
    if (!KN_TYPE_CHECK(other, &co_deque_type))
        return ob_err_format(ob_exc_TypeError, "can only concatenate deque (not \"%s\") to deque",
                             ob_type_name(KN_TYPE(other)));
    KnObject *n = deque_copy(self, NULL);
    if (n == NULL || dq_extend(DQ(n), other, 0) < 0)
        return NULL;
    return n;
}

static KnObject *deque_inplace_concat(KnObject *self, KnObject *other)
{
    return dq_extend(DQ(self), other, 0) < 0 ? NULL : self;
}

static KnObject *deque_inplace_repeat(KnObject *self, kn_ssize_t n)
{
    Deque *d = DQ(self);
    kn_ssize_t len = d->len;
    if (n <= 0 || len == 0) {
        dq_clear(d);
        return self;
    }
    if (n > ((kn_ssize_t)(SIZE_MAX >> 2)) / len)
        return ob_err_nomemory();
    KnObject *copy = ob_sequence_list(self);
    if (copy == NULL)
        return NULL;
    /* with a maxlen only the last maxlen items of the repetition survive */
    kn_ssize_t total = len * n, k = len;
    if (d->maxlen >= 0 && total - d->maxlen > len)
        k = total - d->maxlen;
    for (; k < total; k++)
        if (dq_append(d, KN_LIST_GET(copy, k % len)) < 0)
            return NULL;
    return self;
}

static KnObject *deque_repeat(KnObject *self, kn_ssize_t n)
{
    KnObject *c = deque_copy(self, NULL);
    return c == NULL ? NULL : deque_inplace_repeat(c, n);
}

static KnSequenceMethods deque_as_sequence = {
    .sq_length = deque_len,
    .sq_concat = deque_concat,
    .sq_repeat = deque_repeat,
    .sq_item = deque_item,
    .sq_ass_item = deque_ass_item,
    .sq_contains = deque_contains,
    .sq_inplace_concat = deque_inplace_concat,
    .sq_inplace_repeat = deque_inplace_repeat,
};

static int deque_bool(KnObject *self)
{
    return DQ(self)->len > 0;
}

static KnNumberMethods deque_as_number = {
    .nb_bool = deque_bool,
};

/* ------------------------------------------- repr, compare, hash */

static KnObject *deque_repr(KnObject *self)
{
    Deque *d = DQ(self);
    const char *name = ob_type_name(KN_TYPE(self));
    int rec = ob_repr_enter(self);
    if (rec < 0)
        return NULL;
    if (rec > 0)
        return ob_str_from_cstr("[...]");
    KnObject *r = NULL, *list = ob_sequence_list(self);
    KnObject *lr = list ? ob_repr(list) : NULL;
    ob_repr_leave(self);
    if (lr == NULL)
        return NULL;
    if (d->maxlen < 0)
        r = ob_str_from_format("%s(%U)", name, lr);
    else
        r = ob_str_from_format("%s(%U, maxlen=%zd)", name, lr, d->maxlen);
    return r;
}

static KnObject *deque_richcompare(KnObject *a, KnObject *b, int op)
{
    if (!KN_TYPE_CHECK(b, &co_deque_type))
        return KN_NotImplemented;
    KnObject *la = ob_sequence_list(a), *lb = la ? ob_sequence_list(b) : NULL;
    if (lb == NULL)
        return NULL;
    return ob_richcompare(la, lb, op);
}

/* --------------------------------------------------------- iterators */

typedef struct {
    KN_OBJECT_HEAD;
    Deque *deque;
    kn_ssize_t index;       /* next position (from the end when reversed) */
    size_t state;
    kn_ssize_t counter;     /* items left */
} DequeIter;

static KnObject *dqiter_make(KnTypeObject *t, Deque *d, kn_ssize_t skip)
{
    DequeIter *it = (DequeIter *)ob_type_generic_alloc(t, 0);
    if (it == NULL)
        return NULL;
    it->deque = d;
    it->state = d->state;
    it->counter = d->len;
    for (; skip > 0 && it->counter > 0; skip--) {
        it->index++;
        it->counter--;
    }
    return (KnObject *)it;
}

static KnObject *deque_iter(KnObject *self)
{
    return dqiter_make(&co_dequeiter_type, DQ(self), 0);
}

static KnObject *deque_reversed(KnObject *self, KnObject *unused)
{
    (void)unused;
    return dqiter_make(&co_dequereviter_type, DQ(self), 0);
}

static KnObject *dqiter_next(KnObject *self)
{
    DequeIter *it = (DequeIter *)self;
    Deque *d = it->deque;
    if (d->state != it->state) {
        it->counter = 0;
        return ob_err_format(ob_exc_RuntimeError, "deque mutated during iteration");
    }
    if (it->counter == 0)
        return NULL;
    it->counter--;
    kn_ssize_t i = it->index++;
    return KN_TYPE(self) == &co_dequereviter_type || ob_type_is_subtype(KN_TYPE(self), &co_dequereviter_type)
               ? AT(d, d->len - 1 - i) : AT(d, i);
}

static KnObject *dqiter_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    const char *name = t == &co_dequereviter_type ? "_deque_reverse_iterator" : "_deque_iterator";
    if (ob_args_no_kwargs_dict(name, kwargs) < 0 ||
        ob_args_check_positional(name, KN_SIZE(args), 1, 2) < 0)
        return NULL;
    KnObject *d = KN_TUPLE_GET(args, 0);
    if (!KN_TYPE_CHECK(d, &co_deque_type))
        return ob_err_format(ob_exc_TypeError, "%s() argument 1 must be collections.deque, not %s",
                             name, ob_type_name(KN_TYPE(d)));
    kn_ssize_t skip = 0;
    if (KN_SIZE(args) == 2) {
        skip = ob_number_as_ssize(KN_TUPLE_GET(args, 1), ob_exc_OverflowError);
        if (skip == -1 && ob_err_occurred())
            return NULL;
    }
    return dqiter_make(t, DQ(d), skip);
}

static KnObject *dqiter_len(KnObject *self, KnObject *unused)
{
    (void)unused;
    return ob_int_from_ssize(((DequeIter *)self)->counter);
}

static KnObject *dqiter_reduce(KnObject *self, KnObject *unused)
{
    (void)unused;
    DequeIter *it = (DequeIter *)self;
    return ob_tuple_pack(2, (KnObject *)KN_TYPE(self),
                         ob_tuple_pack(2, (KnObject *)it->deque,
                                       ob_int_from_ssize(it->deque->len - it->counter)));
}

static KnObject *dqiter_self(KnObject *self)
{
    return self;
}

static KnMethodDef dqiter_methods[] = {
    {"__length_hint__", CO_FC(dqiter_len), KN_METH_NOARGS, "Private method returning an estimate of len(list(it))."},
    {"__reduce__", CO_FC(dqiter_reduce), KN_METH_NOARGS, "Return state information for pickling."},
    {NULL, NULL, 0, NULL}
};

KnTypeObject co_dequeiter_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_collections._deque_iterator",
    .tp_basicsize = sizeof(DequeIter),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_iter = dqiter_self,
    .tp_iternext = dqiter_next,
    .tp_methods = dqiter_methods,
    .tp_new = dqiter_new,
};

KnTypeObject co_dequereviter_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_collections._deque_reverse_iterator",
    .tp_basicsize = sizeof(DequeIter),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_iter = dqiter_self,
    .tp_iternext = dqiter_next,
    .tp_methods = dqiter_methods,
    .tp_new = dqiter_new,
};

KnTypeObject co_deque_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "collections.deque",
    .tp_basicsize = sizeof(Deque),
    .tp_repr = deque_repr,
    .tp_as_number = &deque_as_number,
    .tp_as_sequence = &deque_as_sequence,
    .tp_hash = ob_hash_not_implemented,    /* __hash__ is None */
    .tp_getattro = ob_generic_getattr,
    .tp_setattro = ob_generic_setattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE | KN_TPFLAGS_SEQUENCE,
    .tp_doc = "deque([iterable[, maxlen]]) --> deque object\n\n"
              "A list-like sequence optimized for data accesses near its endpoints.",
    .tp_richcompare = deque_richcompare,
    .tp_weaklistoffset = offsetof(Deque, weakreflist),
    .tp_iter = deque_iter,
    .tp_methods = deque_methods,
    .tp_getset = deque_getset,
    .tp_init = deque_init,
    .tp_new = deque_new,
};
