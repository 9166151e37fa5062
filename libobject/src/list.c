/*
 * list.c — the list type: storage, sequence protocol, slices, comparison,
 * repr and the two iterators.  Methods are in list_methods.c, sorting in
 * listsort.c.
 *
 * Layout is CPython's PyListObject.  `allocated` follows CPython 3.11's
 * over-allocation exactly (see ob_list_resize) so sys.getsizeof agrees.
 * Item arrays are kgc_alloc memory (scanned).  Invariants:
 *   0 <= ob_size <= allocated; ob_item == NULL iff allocated == 0
 *   (listsort.c sets allocated = -1 while a sort owns the items).
 */
#include <string.h>
#include "containers.h"
#include "ob_alloc.h"

/* Small lists made at their final size (slices, list(tuple), literals)
 * carry their items in the same block, right after the header: one
 * allocation instead of two.  ob_item then points into the list itself;
 * ob_list_resize moves such items to a separate array before growing or
 * shrinking (Boehm cannot realloc an interior pointer) and clears the
 * inline slots so they keep nothing alive.  Up to LIST_INLINE_MAX items
 * the whole block stays in libgc's inline fast path (under 512 bytes). */
#define LIST_INLINE_MAX 48

static inline KnObject **inline_items(KnListObject *l)
{
    return (KnObject **)(l + 1);
}

static KnObject **items_alloc(kn_ssize_t n)
{
    if ((size_t)n > (size_t)KN_SSIZE_MAX / sizeof(KnObject *))
        return NULL;
    return (KnObject **)kgc_alloc_fast((size_t)n * sizeof(KnObject *));
}

int ob_list_resize(KnObject *op, kn_ssize_t newsize)
{
    KnListObject *self = (KnListObject *)op;
    kn_ssize_t allocated = self->allocated;
    if (allocated >= newsize && newsize >= (allocated >> 1)) {
        KN_SET_SIZE(self, newsize);
        return 0;
    }
    /* CPython 3.11: grow by ~1/8 plus 6, rounded down to a multiple of 4;
     * no over-allocation when the jump is bigger than the slack would be. */
    size_t new_allocated = ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
    if (newsize - KN_SIZE(self) > (kn_ssize_t)(new_allocated - (size_t)newsize))
        new_allocated = ((size_t)newsize + 3) & ~(size_t)3;
    if (newsize == 0) {
        new_allocated = 0;
        if (self->ob_item == inline_items(self))
            memset(self->ob_item, 0, (size_t)allocated * sizeof(KnObject *));
    }
    KnObject **items = NULL;
    if (new_allocated > 0) {
        if (new_allocated > (size_t)KN_SSIZE_MAX / sizeof(KnObject *)) {
            ob_err_nomemory();
            return -1;
        }
        size_t bytes = new_allocated * sizeof(KnObject *);
        if (self->ob_item == NULL || self->ob_item == inline_items(self))
            items = kgc_alloc_fast(bytes);
        else
            items = kgc_realloc(self->ob_item, bytes);
        if (items == NULL) {
            ob_err_nomemory();
            return -1;
        }
        if (self->ob_item == inline_items(self)) {
            kn_ssize_t keep = newsize < KN_SIZE(self) ? newsize : KN_SIZE(self);
            memcpy(items, self->ob_item, (size_t)keep * sizeof(KnObject *));
            memset(self->ob_item, 0, (size_t)allocated * sizeof(KnObject *));
        }
        /* kgc_realloc does not zero the tail; stale pointers would only
         * retain garbage, but keep the slack clean anyway */
        if ((size_t)newsize < new_allocated)
            memset(items + newsize, 0, (new_allocated - (size_t)newsize) * sizeof(KnObject *));
    }
    self->ob_item = items;
    KN_SET_SIZE(self, newsize);
    self->allocated = (kn_ssize_t)new_allocated;
    return 0;
}

/* A list of n slots the caller fills at once (no None pre-fill). */
static KnObject *list_new_unfilled(kn_ssize_t n)
{
    if (n < 0) {
        ob_err_bad_internal_call();
        return NULL;
    }
    if (n > 0 && n <= LIST_INLINE_MAX) {
        KnListObject *l = (KnListObject *)ob_alloc_exact(
            &ob_list_type, sizeof(KnListObject) + (size_t)n * sizeof(KnObject *));
        if (l == NULL)
            return NULL;
        l->ob_item = inline_items(l);
        KN_SET_SIZE(l, n);
        l->allocated = n;
        return (KnObject *)l;
    }
    KnListObject *l = (KnListObject *)ob_alloc_exact(&ob_list_type, sizeof(KnListObject));
    if (l == NULL)
        return NULL;
    if (n > 0) {
        l->ob_item = items_alloc(n);
        if (l->ob_item == NULL)
            return ob_err_nomemory();
    }
    KN_SET_SIZE(l, n);
    l->allocated = n;
    return (KnObject *)l;
}

KnObject *ob_list_new(kn_ssize_t n)
{
    KnObject *l = list_new_unfilled(n);
    if (l == NULL)
        return NULL;
    for (kn_ssize_t i = 0; i < n; i++)
        KN_LIST_ITEMS(l)[i] = KN_None;
    return l;
}

KnObject *ob_list_from_array(KnObject *const *items, kn_ssize_t n)
{
    KnObject *l = list_new_unfilled(n);
    if (l == NULL)
        return NULL;
    if (n > 0)
        memcpy(KN_LIST_ITEMS(l), items, (size_t)n * sizeof(KnObject *));
    return l;
}

int ob_list_append(KnObject *op, KnObject *item)
{
    KnListObject *self = (KnListObject *)op;
    kn_ssize_t n = KN_SIZE(self);
    if (n < self->allocated) {
        self->ob_item[n] = item;
        KN_SET_SIZE(self, n + 1);
        return 0;
    }
    if (ob_list_resize(op, n + 1) < 0)
        return -1;
    self->ob_item[n] = item;
    return 0;
}

/* Drop every item and the array (CPython's _list_clear: allocated 0). */
void ob_list_clear_items(KnObject *op)
{
    KnListObject *self = (KnListObject *)op;
    if (self->ob_item == inline_items(self))
        memset(self->ob_item, 0, (size_t)self->allocated * sizeof(KnObject *));
    self->ob_item = NULL;
    self->allocated = 0;
    KN_SET_SIZE(self, 0);
}

/* Items of `v` as a C array, for extend and slice assignment: lists and
 * tuples are read in place, other iterables are collected into a list.
 * `msg` replaces the TypeError of a non-iterable (NULL keeps it). */
static KnObject *seq_fast(KnObject *v, const char *msg)
{
    /* exact types only: a subclass may override __iter__ */
    if (KN_LIST_CHECK_EXACT(v) || KN_TUPLE_CHECK_EXACT(v))
        return v;
    KnObject *it = ob_get_iter(v);
    if (it == NULL) {
        if (msg != NULL && ob_err_matches((KnObject *)ob_exc_TypeError))
            ob_err_set_string(ob_exc_TypeError, msg);
        return NULL;
    }
    return ob_sequence_list(it);
}

static KnObject **fast_items(KnObject *seq, kn_ssize_t *n)
{
    *n = KN_SIZE(seq);
    return KN_LIST_CHECK(seq) ? KN_LIST_ITEMS(seq) : KN_TUPLE_ITEMS(seq);
}

/* A value an iterator being driven (ob_iter_next_taking) yields, taken
 * straight into the list while it has room; growing could fail, so a
 * full list gives the value back and the loop appends it. */
static int list_take(void *ctx, KnObject *item)
{
    KnListObject *self = ctx;
    kn_ssize_t n = KN_SIZE(self);
    if (n >= self->allocated)
        return 1;
    self->ob_item[n] = item;
    KN_SET_SIZE(self, n + 1);
    return 0;
}

int ob_list_extend(KnObject *op, KnObject *iterable)
{
    KnListObject *self = (KnListObject *)op;
    if (KN_LIST_CHECK_EXACT(iterable) || KN_TUPLE_CHECK_EXACT(iterable) || iterable == op) {
        kn_ssize_t n = KN_SIZE(iterable), m = KN_SIZE(self);
        if (n == 0)
            return 0;
        if (m > KN_SSIZE_MAX - n) {
            ob_err_nomemory();
            return -1;
        }
        if (ob_list_resize(op, m + n) < 0)
            return -1;
        /* read the source after resizing: it may be self */
        KnObject **src = KN_LIST_CHECK_EXACT(iterable) ? KN_LIST_ITEMS(iterable)
                                                       : KN_TUPLE_ITEMS(iterable);
        memmove(self->ob_item + m, src, (size_t)n * sizeof(KnObject *));
        return 0;
    }
    KnObject *it = ob_get_iter(iterable);
    if (it == NULL)
        return -1;
    kn_ssize_t hint = ob_length_hint(iterable, 8);
    if (hint < 0)
        return -1;
    kn_ssize_t m = KN_SIZE(self);
    if (m <= KN_SSIZE_MAX - hint) {
        if (ob_list_resize(op, m + hint) < 0)
            return -1;
        KN_SET_SIZE(self, m);
    }
    for (;;) {
        KnObject *item = ob_iter_next_taking(it, list_take, self);
        if (item == NULL) {
            if (ob_err_occurred())
                return -1;
            break;
        }
        if (ob_list_append(op, item) < 0)
            return -1;
    }
    /* give back the unused part of the guess */
    if (KN_SIZE(self) < self->allocated)
        return ob_list_resize(op, KN_SIZE(self));
    return 0;
}

/* a[ilow:ihigh] = v (v NULL: delete).  CPython's list_ass_slice. */
int ob_list_ass_slice(KnObject *op, kn_ssize_t ilow, kn_ssize_t ihigh, KnObject *v)
{
    KnListObject *a = (KnListObject *)op;
    KnObject **vitems = NULL;
    kn_ssize_t n = 0;
    if (v != NULL) {
        KnObject *seq;
        if (v == op) {
            seq = ob_list_from_array(a->ob_item, KN_SIZE(a));
        } else {
            seq = seq_fast(v, "can only assign an iterable");
        }
        if (seq == NULL)
            return -1;
        /* seq never shares a's item array (a itself was copied above), and
         * no Python code runs from here on: no snapshot is needed */
        vitems = fast_items(seq, &n);
    }
    kn_ssize_t size = KN_SIZE(a);
    if (ilow < 0)
        ilow = 0;
    else if (ilow > size)
        ilow = size;
    if (ihigh < ilow)
        ihigh = ilow;
    else if (ihigh > size)
        ihigh = size;
    kn_ssize_t d = n - (ihigh - ilow);
    if (size + d == 0) {
        ob_list_clear_items(op);
        return 0;
    }
    if (d == 0) {
        if (n > 0)
            memcpy(&a->ob_item[ilow], vitems, (size_t)n * sizeof(KnObject *));
        return 0;
    }
    if (d < 0) {
        memmove(&a->ob_item[ihigh + d], &a->ob_item[ihigh],
                (size_t)(size - ihigh) * sizeof(KnObject *));
        if (ob_list_resize(op, size + d) < 0)
            return -1;
    } else if (d > 0) {
        if (ob_list_resize(op, size + d) < 0)
            return -1;
        memmove(&a->ob_item[ihigh + d], &a->ob_item[ihigh],
                (size_t)(size - ihigh) * sizeof(KnObject *));
    }
    if (n > 0)
        memcpy(&a->ob_item[ilow], vitems, (size_t)n * sizeof(KnObject *));
    return 0;
}

/* ---- repr (shared with tuple through ob_cont_repr_items) ---- */

KnObject *ob_cont_repr_items(KnObject *seq, ob_cont_getter get, const char *open,
                             const char *close, int one_comma)
{
    KnObject *parts = ob_list_new(0);
    if (parts == NULL)
        return NULL;
    kn_ssize_t i;
    for (i = 0;; i++) {
        KnObject *item = get(seq, i);
        if (item == NULL)
            break;
        if (ob_enter_recursive_call(" while getting the repr of an object") < 0)
            return NULL;
        KnObject *r = ob_repr(item);
        ob_leave_recursive_call();
        if (r == NULL || ob_list_append(parts, r) < 0)
            return NULL;
    }
    KnObject *sep = ob_str_from_cstr(", ");
    KnObject *body = sep ? ob_str_join(sep, parts) : NULL;
    if (body == NULL)
        return NULL;
    KnObject *o = ob_str_from_cstr(open);
    KnObject *c = ob_str_from_cstr(i == 1 && one_comma ? ",)" : close);
    if (o == NULL || c == NULL)
        return NULL;
    KnObject *res = ob_str_concat(o, body);
    return res ? ob_str_concat(res, c) : NULL;
}

static KnObject *list_repr_get(KnObject *seq, kn_ssize_t i)
{
    return i < KN_SIZE(seq) ? KN_LIST_GET(seq, i) : NULL;
}

static KnObject *list_repr(KnObject *self)
{
    if (KN_SIZE(self) == 0)
        return ob_str_from_cstr("[]");
    int r = ob_repr_enter(self);
    if (r != 0)
        return r > 0 ? ob_str_from_cstr("[...]") : NULL;
    KnObject *res = ob_cont_repr_items(self, list_repr_get, "[", "]", 0);
    ob_repr_leave(self);
    return res;
}

/* ---- sequence protocol ---- */

static kn_ssize_t list_length(KnObject *self)
{
    return KN_SIZE(self);
}

static KnObject *list_item(KnObject *self, kn_ssize_t i)
{
    if ((size_t)i >= (size_t)KN_SIZE(self)) {
        ob_err_set_string(ob_exc_IndexError, "list index out of range");
        return NULL;
    }
    return KN_LIST_GET(self, i);
}

static int list_ass_item(KnObject *self, kn_ssize_t i, KnObject *v)
{
    if ((size_t)i >= (size_t)KN_SIZE(self)) {
        ob_err_set_string(ob_exc_IndexError, "list assignment index out of range");
        return -1;
    }
    if (v == NULL)
        return ob_list_ass_slice(self, i, i + 1, NULL);
    KN_LIST_ITEMS(self)[i] = v;
    return 0;
}

static int list_contains(KnObject *self, KnObject *x)
{
    for (kn_ssize_t i = 0; i < KN_SIZE(self); i++) {
        int r = ob_richcompare_bool(KN_LIST_GET(self, i), x, KN_EQ);
        if (r != 0)
            return r;
    }
    return 0;
}

static KnObject *list_concat(KnObject *a, KnObject *b)
{
    if (!KN_LIST_CHECK(b))
        return ob_err_format(ob_exc_TypeError,
                             "can only concatenate list (not \"%.200s\") to list",
                             ob_type_name(KN_TYPE(b)));
    kn_ssize_t na = KN_SIZE(a), nb = KN_SIZE(b);
    if (na > KN_SSIZE_MAX - nb)
        return ob_err_nomemory();
    KnObject *res = ob_list_new(na + nb);
    if (res == NULL)
        return NULL;
    if (na)
        memcpy(KN_LIST_ITEMS(res), KN_LIST_ITEMS(a), (size_t)na * sizeof(KnObject *));
    if (nb)
        memcpy(KN_LIST_ITEMS(res) + na, KN_LIST_ITEMS(b), (size_t)nb * sizeof(KnObject *));
    return res;
}

static KnObject *list_repeat(KnObject *self, kn_ssize_t n)
{
    kn_ssize_t len = KN_SIZE(self);
    if (n <= 0 || len == 0)
        return ob_list_new(0);
    if (len > KN_SSIZE_MAX / n)
        return ob_err_nomemory();
    KnObject *res = ob_list_new(len * n);
    if (res == NULL)
        return NULL;
    KnObject **dst = KN_LIST_ITEMS(res);
    for (kn_ssize_t r = 0; r < n; r++, dst += len)
        memcpy(dst, KN_LIST_ITEMS(self), (size_t)len * sizeof(KnObject *));
    return res;
}

static KnObject *list_inplace_concat(KnObject *self, KnObject *other)
{
    if (ob_list_extend(self, other) < 0)
        return NULL;
    return self;
}

static KnObject *list_inplace_repeat(KnObject *self, kn_ssize_t n)
{
    kn_ssize_t len = KN_SIZE(self);
    if (len == 0 || n == 1)
        return self;
    if (n < 1) {
        ob_list_clear_items(self);
        return self;
    }
    if (len > KN_SSIZE_MAX / n)
        return ob_err_nomemory();
    if (ob_list_resize(self, len * n) < 0)
        return NULL;
    KnObject **items = KN_LIST_ITEMS(self);
    for (kn_ssize_t r = 1; r < n; r++)
        memcpy(items + r * len, items, (size_t)len * sizeof(KnObject *));
    return self;
}

/* ---- subscripts ---- */

/* self[start:stop:step] from unpacked (not yet adjusted) bounds, step != 0:
 * what list_subscript does once the slice object is read; libjit's fused
 * BUILD_SLICE forms call it with the bounds straight from the stack. */
KnObject *ob_list_get_slice(KnObject *self, kn_ssize_t start, kn_ssize_t stop,
                            kn_ssize_t step)
{
    kn_ssize_t n = ob_slice_adjust_indices(KN_SIZE(self), &start, &stop, step);
    if (step == 1)
        return ob_list_from_array(KN_LIST_ITEMS(self) + start, n);
    KnObject *res = list_new_unfilled(n);
    if (res == NULL)
        return NULL;
    KnObject **src = KN_LIST_ITEMS(self), **dst = KN_LIST_ITEMS(res);
    if (step == -1 && n > 0) {
        src += start;
        for (kn_ssize_t k = 0; k < n; k++)
            dst[k] = src[-k];
        return res;
    }
    for (kn_ssize_t k = 0, cur = start; k < n; k++, cur += step)
        dst[k] = src[cur];
    return res;
}

static KnObject *list_subscript(KnObject *self, KnObject *key)
{
    /* slice objects have no __index__: testing for them first changes
     * nothing but the cost */
    if (!KN_SLICE_CHECK(key) && ob_index_check(key)) {
        kn_ssize_t i = ob_cont_as_index(key);
        if (i == -1 && ob_err_occurred())
            return NULL;
        if (i < 0)
            i += KN_SIZE(self);
        return list_item(self, i);
    }
    if (KN_SLICE_CHECK(key)) {
        kn_ssize_t start, stop, step;
        /* __index__ of the bounds may change the list: size it after */
        if (ob_slice_unpack(key, &start, &stop, &step) < 0)
            return NULL;
        return ob_list_get_slice(self, start, stop, step);
    }
    return ob_err_format(ob_exc_TypeError,
                         "list indices must be integers or slices, not %.200s",
                         ob_type_name(KN_TYPE(key)));
}

/* del a[start:stop:step] for step != 1 (normalised to step > 0). */
static int list_del_extended(KnObject *self, kn_ssize_t start, kn_ssize_t step,
                             kn_ssize_t slicelen)
{
    if (slicelen <= 0)
        return 0;
    if (step < 0) {
        start = start + step * (slicelen - 1);
        step = -step;
    }
    KnObject **items = KN_LIST_ITEMS(self);
    kn_ssize_t size = KN_SIZE(self), out = start, next = start, removed = 0;
    for (kn_ssize_t i = start; i < size; i++) {
        if (i == next && removed < slicelen) {
            removed++;
            next += step;
            continue;
        }
        items[out++] = items[i];
    }
    return ob_list_resize(self, size - slicelen);
}

static int list_ass_subscript(KnObject *self, KnObject *key, KnObject *value)
{
    if (!KN_SLICE_CHECK(key) && ob_index_check(key)) {
        kn_ssize_t i = ob_cont_as_index(key);
        if (i == -1 && ob_err_occurred())
            return -1;
        if (i < 0)
            i += KN_SIZE(self);
        return list_ass_item(self, i, value);
    }
    if (!KN_SLICE_CHECK(key)) {
        ob_err_format(ob_exc_TypeError, "list indices must be integers or slices, not %.200s",
                      ob_type_name(KN_TYPE(key)));
        return -1;
    }
    kn_ssize_t start, stop, step;
    if (ob_slice_unpack(key, &start, &stop, &step) < 0)
        return -1;
    kn_ssize_t slicelen = ob_slice_adjust_indices(KN_SIZE(self), &start, &stop, step);
    if (step == 1)
        return ob_list_ass_slice(self, start, stop, value);
    if (value == NULL)
        return list_del_extended(self, start, step, slicelen);
    KnObject *seq = value == self ? ob_list_from_array(KN_LIST_ITEMS(self), KN_SIZE(self))
                                  : seq_fast(value, "must assign iterable to extended slice");
    if (seq == NULL)
        return -1;
    kn_ssize_t n;
    KnObject **src = fast_items(seq, &n);
    if (n != slicelen) {
        ob_err_format(ob_exc_ValueError,
                      "attempt to assign sequence of size %zd to extended slice of size %zd",
                      n, slicelen);
        return -1;
    }
    for (kn_ssize_t k = 0, cur = start; k < n; k++, cur += step)
        KN_LIST_ITEMS(self)[cur] = src[k];
    return 0;
}

/* ---- comparison ---- */

static KnObject *list_richcompare(KnObject *v, KnObject *w, int op)
{
    if (!KN_LIST_CHECK(v) || !KN_LIST_CHECK(w))
        return KN_NotImplemented;
    if (KN_SIZE(v) != KN_SIZE(w) && (op == KN_EQ || op == KN_NE))
        return KN_BOOL(op == KN_NE);
    kn_ssize_t i;
    /* sizes are re-read each step: element comparisons may mutate */
    for (i = 0; i < KN_SIZE(v) && i < KN_SIZE(w); i++) {
        KnObject *a = KN_LIST_GET(v, i), *b = KN_LIST_GET(w, i);
        if (a == b)
            continue;
        int k = ob_richcompare_bool(a, b, KN_EQ);
        if (k < 0)
            return NULL;
        if (!k)
            break;
    }
    if (i >= KN_SIZE(v) || i >= KN_SIZE(w)) {
        kn_ssize_t a = KN_SIZE(v), b = KN_SIZE(w);
        int r;
        switch (op) {
        case KN_LT: r = a < b; break;
        case KN_LE: r = a <= b; break;
        case KN_EQ: r = a == b; break;
        case KN_NE: r = a != b; break;
        case KN_GT: r = a > b; break;
        default: r = a >= b; break;
        }
        return KN_BOOL(r);
    }
    if (op == KN_EQ)
        return KN_False;
    if (op == KN_NE)
        return KN_True;
    return ob_richcompare(KN_LIST_GET(v, i), KN_LIST_GET(w, i), op);
}

/* ---- construction ---- */

static int has_len(KnObject *o)
{
    KnTypeObject *t = KN_TYPE(o);
    return (t->tp_as_sequence && t->tp_as_sequence->sq_length) ||
           (t->tp_as_mapping && t->tp_as_mapping->mp_length);
}

/* list.__init__(iterable=()): CPython 3.11 pre-sizes exactly when the
 * argument has a length (so list(range(10)) has allocated == 10). */
static int list_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    if (KN_TYPE(self) == &ob_list_type && ob_args_no_kwargs_dict("list", kwargs) < 0)
        return -1;
    kn_ssize_t nargs = KN_SIZE(args);
    if (ob_args_check_positional("list", nargs, 0, 1) < 0)
        return -1;
    KnListObject *l = (KnListObject *)self;
    if (l->ob_item != NULL)
        ob_list_clear_items(self);
    if (nargs == 0)
        return 0;
    KnObject *iterable = KN_TUPLE_GET(args, 0);
    if (has_len(iterable)) {
        kn_ssize_t n = ob_length(iterable);
        if (n == -1) {
            if (!ob_err_matches((KnObject *)ob_exc_TypeError))
                return -1;
            ob_err_clear();
        }
        if (n > 0 && l->ob_item == NULL) {
            l->ob_item = items_alloc(n);
            if (l->ob_item == NULL) {
                ob_err_nomemory();
                return -1;
            }
            l->allocated = n;
        }
    }
    return ob_list_extend(self, iterable);
}

KnObject *ob_listiter_new(KnObject *list, int reverse);

static KnObject *list_iter(KnObject *self)
{
    return ob_listiter_new(self, 0);
}

extern KnMethodDef ob_list_methods[];    /* list_methods.c */

static KnSequenceMethods list_as_sequence = {
    .sq_length = list_length,
    .sq_concat = list_concat,
    .sq_repeat = list_repeat,
    .sq_item = list_item,
    .sq_ass_item = list_ass_item,
    .sq_contains = list_contains,
    .sq_inplace_concat = list_inplace_concat,
    .sq_inplace_repeat = list_inplace_repeat,
};

static KnMappingMethods list_as_mapping = {
    .mp_length = list_length,
    .mp_subscript = list_subscript,
    .mp_ass_subscript = list_ass_subscript,
};

KnTypeObject ob_list_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "list",
    .tp_basicsize = sizeof(KnListObject),
    .tp_repr = list_repr,
    .tp_as_sequence = &list_as_sequence,
    .tp_as_mapping = &list_as_mapping,
    .tp_hash = ob_hash_not_implemented,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE | KN_TPFLAGS_LIST_SUBCLASS |
                KN_TPFLAGS_SEQUENCE | KN_TPFLAGS_MATCH_SELF | KN_TPFLAGS_HAVE_GC,
    .tp_doc = "Built-in mutable sequence.\n\n"
              "If no argument is given, the constructor creates a new empty list.\n"
              "The argument must be an iterable if specified.",
    .tp_richcompare = list_richcompare,
    .tp_iter = list_iter,
    .tp_methods = ob_list_methods,
    .tp_init = list_init,
    .tp_new = ob_type_generic_new,
};

/* ---- list_iterator / list_reverseiterator ---- */

typedef KnIndexIter ListIter;     /* seq NULL once exhausted */

KnObject *ob_listiter_new(KnObject *list, int reverse)
{
    ListIter *it = (ListIter *)ob_alloc(reverse ? &ob_list_reviter_type : &ob_list_iter_type, 0);
    if (it == NULL)
        return NULL;
    it->seq = list;
    it->index = reverse ? KN_SIZE(list) - 1 : 0;
    return (KnObject *)it;
}

static KnObject *listiter_next(KnObject *self)
{
    ListIter *it = (ListIter *)self;
    if (it->seq == NULL)
        return NULL;
    if (it->index < KN_SIZE(it->seq))
        return KN_LIST_GET(it->seq, it->index++);
    it->seq = NULL;
    return NULL;
}

static KnObject *listreviter_next(KnObject *self)
{
    ListIter *it = (ListIter *)self;
    if (it->seq == NULL)
        return NULL;
    if (it->index >= 0 && it->index < KN_SIZE(it->seq))
        return KN_LIST_GET(it->seq, it->index--);
    it->index = -1;
    it->seq = NULL;
    return NULL;
}

static KnObject *listiter_length_hint(KnObject *self, KnObject *unused)
{
    ListIter *it = (ListIter *)self;
    kn_ssize_t n = 0;
    if (it->seq != NULL) {
        if (KN_TYPE(self) == &ob_list_iter_type)
            n = KN_SIZE(it->seq) - it->index;
        else
            n = it->index < KN_SIZE(it->seq) ? it->index + 1 : 0;
    }
    return ob_int_from_ssize(n < 0 ? 0 : n);
}

static KnMethodDef listiter_methods[] = {
    {"__length_hint__", (KnCFunction)listiter_length_hint, KN_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    KN_ITER_PICKLE_METHODS(ob_cont_iter_reduce, ob_cont_iter_setstate)
    {NULL, NULL, 0, NULL}
};

static KnMethodDef listreviter_methods[] = {
    {"__length_hint__", (KnCFunction)listiter_length_hint, KN_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    KN_ITER_PICKLE_METHODS(ob_cont_reviter_reduce, ob_cont_reviter_setstate)
    {NULL, NULL, 0, NULL}
};

KnTypeObject ob_list_iter_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "list_iterator",
    .tp_basicsize = sizeof(ListIter),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_iter = ob_iter_self,
    .tp_iternext = listiter_next,
    .tp_methods = listiter_methods,
};

KnTypeObject ob_list_reviter_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "list_reverseiterator",
    .tp_basicsize = sizeof(ListIter),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_iter = ob_iter_self,
    .tp_iternext = listreviter_next,
    .tp_methods = listreviter_methods,
};
