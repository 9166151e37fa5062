/*
 * str_type.c — the `str` type object: its slots (repr, hash, comparison,
 * sequence and mapping access, concatenation, repetition, %), str(),
 * subclass instances and the str iterator.  Methods live in str_methods.c
 * and friends (ob_str_methods).
 */
#include "str_internal.h"
#include "libobject/slice.h"
#include "libobject/singletons.h"
#include "libobject/int.h"
#include "containers.h"

/* ---- slots ---- */

static KnObject *str_tp_str(KnObject *self)
{
    if (KN_STR_CHECK_EXACT(self))
        return self;
    return ob_str_from_kind_data(KN_STR_KIND(self), KN_STR_DATA(self), KN_STR_LEN(self));
}

static kn_hash_t str_tp_hash(KnObject *self)
{
    return ob_str_hash(self);
}

static KnObject *str_richcompare(KnObject *a, KnObject *b, int op)
{
    if (!KN_STR_CHECK(a) || !KN_STR_CHECK(b))
        return KN_NotImplemented;
    int r;
    if (op == KN_EQ || op == KN_NE) {
        r = ob_str_equal(a, b);
        return KN_BOOL(op == KN_EQ ? r : !r);
    }
    int c = ob_str_compare(a, b);
    switch (op) {
    case KN_LT: r = c < 0; break;
    case KN_LE: r = c <= 0; break;
    case KN_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return KN_BOOL(r);
}

static kn_ssize_t str_sq_length(KnObject *self)
{
    return KN_STR_LEN(self);
}

static KnObject *str_sq_concat(KnObject *a, KnObject *b)
{
    return ob_str_concat(a, b);
}

KnObject *ob_str_repeat(KnObject *s, kn_ssize_t n)
{
    kn_ssize_t len = KN_STR_LEN(s);
    if (n <= 0 || len == 0)
        return ob_str_empty();
    if (n == 1 && KN_STR_CHECK_EXACT(s))
        return s;
    if (len > (kn_ssize_t)0x7fffffffffffffffLL / n) {
        ob_err_set_string(ob_exc_OverflowError, "repeated string is too long");
        return NULL;
    }
    KnObject *r = ob_str_new(len * n, ob_str_max_char(s));
    if (r == NULL)
        return NULL;
    int kind = KN_STR_KIND(r);
    size_t chunk = (size_t)len * (size_t)kind, total = chunk * (size_t)n;
    char *d = KN_STR_DATA(r);
    if (KN_STR_KIND(s) == kind) {
        memcpy(d, KN_STR_DATA(s), chunk);
    } else {
        for (kn_ssize_t i = 0; i < len; i++)
            KN_STR_WRITE(kind, d, i, ob_str_read_char(s, i));
    }
    /* doubling copies: O(log n) memcpy calls */
    size_t done = chunk;
    while (done < total) {
        size_t step = done < total - done ? done : total - done;
        memcpy(d + done, d, step);
        done += step;
    }
    return r;
}

static KnObject *str_sq_item(KnObject *self, kn_ssize_t i)
{
    if (i < 0 || i >= KN_STR_LEN(self)) {
        ob_err_set_string(ob_exc_IndexError, "string index out of range");
        return NULL;
    }
    return ob_str_from_char(ob_str_read_char(self, i));
}

static int str_sq_contains(KnObject *self, KnObject *sub)
{
    if (!KN_STR_CHECK(sub)) {
        ob_err_format(ob_exc_TypeError, "'in <string>' requires string as left operand, not %.100s",
                      KN_TYPE(sub)->tp_name);
        return -1;
    }
    kn_ssize_t at = ob_str_find(self, sub, 0, KN_STR_LEN(self), 0);
    if (at == -2)
        return -1;                     /* the search failed (MemoryError) */
    return at >= 0;
}

static KnObject *str_mp_subscript(KnObject *self, KnObject *key)
{
    if (KN_SLICE_CHECK(key)) {
        kn_ssize_t start, stop, step;
        if (ob_slice_unpack(key, &start, &stop, &step) < 0)
            return NULL;
        kn_ssize_t n = ob_slice_adjust_indices(KN_STR_LEN(self), &start, &stop, step);
        if (n <= 0)
            return ob_str_empty();
        if (step == 1)
            return ob_str_substring(self, start, stop);
        int kind = KN_STR_KIND(self);
        const void *d = KN_STR_DATA(self);
        KnStrWriter w;
        ob_str_writer_init(&w, n);
        for (kn_ssize_t i = 0, at = start; i < n; i++, at += step)
            if (ob_str_writer_put(&w, KN_STR_READ(kind, d, at)) < 0)
                return NULL;
        return ob_str_writer_finish(&w);
    }
    if (!ob_index_check(key))
        return ob_err_format(ob_exc_TypeError, "string indices must be integers, not '%.200s'",
                             KN_TYPE(key)->tp_name);
    kn_ssize_t i = ob_number_as_ssize(key, ob_exc_IndexError);
    if (i == -1 && ob_err_occurred())
        return NULL;
    if (i < 0)
        i += KN_STR_LEN(self);
    return str_sq_item(self, i);
}

static KnObject *str_nb_remainder(KnObject *a, KnObject *b)
{
    if (!KN_STR_CHECK(a))
        return KN_NotImplemented;
    return ob_str_mod_format(a, b);
}

/* ---- str(object='', encoding='utf-8', errors='strict') ---- */

/* A str subclass instance: the legacy layout, data in its own block. */
static KnObject *str_subtype_new(KnTypeObject *type, KnObject *s)
{
    KnObject *o = type->tp_alloc(type, 0);
    if (o == NULL)
        return NULL;
    kn_ssize_t n = KN_STR_LEN(s);
    int kind = KN_STR_KIND(s);
    void *data = kgc_alloc_atomic(((size_t)n + 1) * (size_t)kind);
    if (data == NULL)
        return ob_err_nomemory();
    /* s may be a growable str whose data goes on past its length */
    memcpy(data, KN_STR_DATA(s), (size_t)n * (size_t)kind);
    KN_STR_WRITE(kind, data, n, 0);
    KnUnicodeObject *u = (KnUnicodeObject *)o;
    KnASCIIObject *a = (KnASCIIObject *)o;
    a->length = n;
    a->hash = -1;
    a->state.kind = (unsigned)kind;
    a->state.compact = 0;
    a->state.ascii = KN_STR_IS_ASCII(s);
    a->state.ready = 1;
    u->data.any = data;
    if (a->state.ascii) {
        u->_base.utf8 = data;
        u->_base.utf8_length = n;
    }
    return o;
}

static const char *const str_new_names[] = {"object", "encoding", "errors", NULL};
static const KnArgSpec str_new_spec = {"str", str_new_names, 0, 3, 0};

static KnObject *str_new_impl(KnTypeObject *type, KnObject **a);

static KnObject *str_tp_new(KnTypeObject *type, KnObject *args, KnObject *kwargs)
{
    KnObject *a[3] = {NULL, NULL, NULL};
    if (ob_args_parse_tuple(&str_new_spec, args, kwargs, a) < 0)
        return NULL;
    return str_new_impl(type, a);
}

/* str(...) called on str itself (not inherited by subclasses). */
static KnObject *str_vectorcall(KnObject *type, KnObject *const *args, size_t nargsf,
                                KnObject *kwnames)
{
    kn_ssize_t n = KN_VECTORCALL_NARGS(nargsf);
    if (kwnames == NULL && n == 1)
        return ob_str(args[0]);
    KnObject *a[3] = {NULL, NULL, NULL};
    if (ob_args_parse(&str_new_spec, args, n, kwnames, a) < 0)
        return NULL;
    return str_new_impl((KnTypeObject *)type, a);
}

static KnObject *str_new_impl(KnTypeObject *type, KnObject **a)
{
    KnObject *r;
    if (a[1] == NULL && a[2] == NULL) {
        r = a[0] ? ob_str(a[0]) : ob_str_empty();
    } else {
        const char *enc = NULL, *errs = NULL;
        if (a[1]) {
            if (!KN_STR_CHECK(a[1]))
                return ob_err_format(ob_exc_TypeError,
                                     "str() argument 'encoding' must be str, not %.50s",
                                     KN_TYPE(a[1])->tp_name);
            if ((enc = ob_str_as_utf8(a[1], NULL)) == NULL)
                return NULL;
        }
        if (a[2]) {
            if (!KN_STR_CHECK(a[2]))
                return ob_err_format(ob_exc_TypeError,
                                     "str() argument 'errors' must be str, not %.50s",
                                     KN_TYPE(a[2])->tp_name);
            if ((errs = ob_str_as_utf8(a[2], NULL)) == NULL)
                return NULL;
        }
        KnObject *obj = a[0] ? a[0] : ob_bytes_from_data(NULL, 0);
        if (KN_STR_CHECK(obj)) {
            ob_err_set_string(ob_exc_TypeError, "decoding str is not supported");
            return NULL;
        }
        KnBuffer view;
        KnBufferProcs *bp = KN_TYPE(obj)->tp_as_buffer;
        if (bp == NULL || bp->bf_getbuffer == NULL)
            return ob_err_format(ob_exc_TypeError,
                                 "decoding to str: need a bytes-like object, %.80s found",
                                 KN_TYPE(obj)->tp_name);
        if (bp->bf_getbuffer(obj, &view, 0) < 0)
            return NULL;
        r = ob_str_decode(view.buf, view.len, enc, errs);
        if (bp->bf_releasebuffer)
            bp->bf_releasebuffer(obj, &view);
    }
    if (r == NULL || type == &ob_str_type)
        return r;
    return str_subtype_new(type, r);
}

/* ---- the iterator ---- */

typedef struct {
    KN_OBJECT_HEAD;
    kn_ssize_t index;
    KnObject *str;        /* NULL once exhausted */
} KnStrIterObject;

static KnObject *striter_next(KnObject *self)
{
    KnStrIterObject *it = (KnStrIterObject *)self;
    if (it->str == NULL)
        return NULL;
    if (it->index < KN_STR_LEN(it->str))
        return ob_str_from_char(ob_str_read_char(it->str, it->index++));
    it->str = NULL;
    return NULL;
}

static KnObject *striter_self(KnObject *self)
{
    return self;
}

static KnObject *striter_length_hint(KnObject *self, KnObject *unused)
{
    KnStrIterObject *it = (KnStrIterObject *)self;
    return ob_int_from_ssize(it->str ? KN_STR_LEN(it->str) - it->index : 0);
}

/* (iter, (s,), index), or (iter, ('',)) once exhausted; the layout is
 * KnIndexIter's, so __setstate__ is the containers' one. */
static KnObject *striter_reduce(KnObject *self, KnObject *unused)
{
    (void)unused;
    KnStrIterObject *it = (KnStrIterObject *)self;
    KnObject *fn = ob_cont_builtin_iter();
    if (fn == NULL)
        return NULL;
    KnObject *args = ob_tuple_pack(1, it->str ? it->str : ob_str_empty());
    if (args == NULL || it->str == NULL)
        return args ? ob_tuple_pack(2, fn, args) : NULL;
    KnObject *idx = ob_int_from_ssize(it->index);
    return idx ? ob_tuple_pack(3, fn, args, idx) : NULL;
}

static KnMethodDef striter_methods[] = {
    {"__length_hint__", (KnCFunction)striter_length_hint, KN_METH_NOARGS,
     "Private method returning an estimate of len(list(it))."},
    KN_ITER_PICKLE_METHODS(striter_reduce, ob_cont_iter_setstate)
    {NULL, NULL, 0, NULL}
};

KnTypeObject ob_striter_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "str_iterator",
    .tp_basicsize = sizeof(KnStrIterObject),
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_iter = striter_self,
    .tp_iternext = striter_next,
    .tp_methods = striter_methods,
};

/* CPython 3.11 iterates an ASCII string with a type of its own; the two
 * differ only in name here. */
KnTypeObject ob_str_ascii_iter_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "str_ascii_iterator",
    .tp_basicsize = sizeof(KnStrIterObject),
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_iter = striter_self,
    .tp_iternext = striter_next,
    .tp_methods = striter_methods,
};

static KnObject *str_tp_iter(KnObject *self)
{
    KnTypeObject *t = KN_STR_CHECK_EXACT(self) && KN_STR_IS_ASCII(self) ? &ob_str_ascii_iter_type
                                                                        : &ob_striter_type;
    KnStrIterObject *it = (KnStrIterObject *)ob_alloc(t, 0);
    if (it == NULL)
        return NULL;
    it->str = self;
    it->index = 0;
    return (KnObject *)it;
}

/* ---- the type ---- */

static KnSequenceMethods str_as_sequence = {
    .sq_length = str_sq_length,
    .sq_concat = str_sq_concat,
    .sq_repeat = ob_str_repeat,
    .sq_item = str_sq_item,
    .sq_contains = str_sq_contains,
};

static KnMappingMethods str_as_mapping = {
    .mp_length = str_sq_length,
    .mp_subscript = str_mp_subscript,
};

static KnNumberMethods str_as_number = {
    .nb_remainder = str_nb_remainder,
};

KnTypeObject ob_str_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "str",
    .tp_basicsize = sizeof(KnUnicodeObject),
    .tp_itemsize = 0,
    .tp_repr = ob_str_repr,
    .tp_as_number = &str_as_number,
    .tp_as_sequence = &str_as_sequence,
    .tp_as_mapping = &str_as_mapping,
    .tp_hash = str_tp_hash,
    .tp_str = str_tp_str,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE | KN_TPFLAGS_UNICODE_SUBCLASS |
                KN_TPFLAGS_MATCH_SELF,
    .tp_doc = "str(object='') -> str\n"
              "str(bytes_or_buffer[, encoding[, errors]]) -> str\n\n"
              "Create a new string object from the given object. If encoding or\n"
              "errors is specified, then the object must expose a data buffer\n"
              "that will be decoded using the given encoding and error handler.\n"
              "Otherwise, returns the result of object.__str__() (if defined)\n"
              "or repr(object).\n"
              "encoding defaults to sys.getdefaultencoding().\n"
              "errors defaults to 'strict'.",
    .tp_richcompare = str_richcompare,
    .tp_iter = str_tp_iter,
    .tp_methods = ob_str_methods,
    .tp_new = str_tp_new,
    .tp_vectorcall = str_vectorcall,
};
