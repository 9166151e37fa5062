/* bytes_internal.h — what bytes and bytearray share (src/bytes_*.c,
 * src/bytearray*.c).  Not a public header.
 *
 * Every method that bytes and bytearray have in common is written once,
 * over a (data, len) view of self (KnBView), and builds its result with
 * ob_bv_result(): a bytes for bytes (and its subclasses), a bytearray for
 * bytearray.  The method table entries live in bytes_methods.def, expanded
 * into both types' tables. */
#ifndef LIBOBJECT_BYTES_INTERNAL_H
#define LIBOBJECT_BYTES_INTERNAL_H
#include "str_internal.h"
#include "containers.h"

typedef struct KnBView {
    const char *s;
    kn_ssize_t n;
} KnBView;

#define KN_BYTEARRAY_CHECK(o) KN_TYPE_CHECK(o, &ob_bytearray_type)
#define KN_BA(o) ((KnByteArrayObject *)(o))

/* The bytes of a bytes or bytearray (self of a shared method). */
static inline KnBView ob_bv_self(KnObject *o)
{
    KnBView v;
    if (KN_BYTES_CHECK(o)) {
        v.s = KN_BYTES_AS_STRING(o);
    } else {
        v.s = KN_BA(o)->ob_start;
        if (v.s == NULL)
            v.s = "";
    }
    v.n = KN_SIZE(o);
    return v;
}

/* A result of self's kind holding a copy of data[0:n] (data NULL: zeroed). */
KnObject *ob_bv_result(KnObject *self, const char *data, kn_ssize_t n);
/* A fresh result of self's kind with n bytes to fill (*out points at them). */
KnObject *ob_bv_result_uninit(KnObject *self, kn_ssize_t n, char **out);
/* Returns self itself when that is allowed (exact bytes), else a copy. */
KnObject *ob_bv_result_self(KnObject *self);

/* A bytes-like argument: bytes, bytearray or any buffer exporter (copied).
 * TypeError "a bytes-like object is required, not 'T'" otherwise. */
int ob_bv_arg(KnObject *o, KnBView *v);
/* Like ob_bv_arg but 0 (no error) when o exports no buffer. */
int ob_bv_try_arg(KnObject *o, KnBView *v);
/* An integer argument: "'T' object cannot be interpreted as an integer". */
int ob_bv_ssize(KnObject *o, kn_ssize_t *out);
/* A C int argument ("Python int too large to convert to C int"). */
int ob_bv_cint(KnObject *o, int *out);
/* A slice bound (None allowed, clamped). */
int ob_bv_slice_index(KnObject *o, kn_ssize_t *out);
/* A byte value 0..255 from an int-like; `msg` for the range error. */
int ob_bv_byte(KnObject *o, int *out, const char *range_msg);

/* Collect the bytes of an iterable of ints (bytes(iterable), extend). */
int ob_bv_from_iterable(KnObject *it, KnBytesWriter *w, const char *range_msg);
/* bytes(x) / bytearray(x) source rules, shared by both constructors:
 * str + encoding, int count, buffer, iterable of ints. */
int ob_bv_from_source(KnObject *x, KnObject *encoding, KnObject *errors, KnBytesWriter *w,
                      const char *range_msg, const char *tname);

/* The shared sequence pieces (bytes_view.c).  ob_bv_concat_args: both
 * operands of a + b as views, or TypeError "can't concat X to Y". */
int ob_bv_concat_args(KnObject *a, KnObject *b, KnBView *va, KnBView *vb);
int ob_bv_contains(KnObject *self, KnObject *arg);
KnObject *ob_bv_richcompare(KnObject *a, KnObject *b, int op);

/* bytes.c: ob_bytes_repr_data with bytearray's rule (escape_sq: always
 * escape a single quote, whatever the quote character). */
KnObject *ob_bytes_repr_quoted(const char *data, kn_ssize_t n, const char *prefix,
                               const char *suffix, int escape_sq);

/* bytearray.c */
int ob_bytearray_resize(KnObject *ba, kn_ssize_t n);

/* The shared method functions (bytes_find.c, bytes_split.c, bytes_case.c,
 * bytes_misc.c): declared through the table. */
#define BM_FAST(name, fn, doc) \
    KnObject *fn(KnObject *self, KnObject *const *args, kn_ssize_t nargs);
#define BM_KW(name, fn, doc) \
    KnObject *fn(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw);
#define BM_NOARGS(name, fn, doc) KnObject *fn(KnObject *self, KnObject *unused);
#define BM_O(name, fn, doc) KnObject *fn(KnObject *self, KnObject *arg);
#include "bytes_methods.def"
#include "bytearray_methods.def"
#undef BM_FAST
#undef BM_KW
#undef BM_NOARGS
#undef BM_O

/* Method-table entries for the shared methods: define BM_* as these and
 * include bytes_methods.def inside a KnMethodDef array. */
#define BM_ENTRY_FAST(name, fn, doc) \
    {name, (KnCFunction)(void (*)(void))fn, KN_METH_FASTCALL, doc},
#define BM_ENTRY_KW(name, fn, doc) \
    {name, (KnCFunction)(void (*)(void))fn, KN_METH_FASTCALL | KN_METH_KEYWORDS, doc},
#define BM_ENTRY_NOARGS(name, fn, doc) {name, (KnCFunction)fn, KN_METH_NOARGS, doc},
#define BM_ENTRY_O(name, fn, doc) {name, (KnCFunction)fn, KN_METH_O, doc},

/* The class and static methods of both types (bytes_misc.c, bytes_case.c). */
KnObject *ob_bytes_fromhex(KnObject *cls, KnObject *arg);
KnObject *ob_bytes_maketrans(KnObject *unused, KnObject *const *args, kn_ssize_t nargs);
#define BM_CLASS_METHODS \
    {"fromhex", (KnCFunction)ob_bytes_fromhex, KN_METH_O | KN_METH_CLASS, \
     "Create an object from a string of hexadecimal numbers (whitespace between bytes is skipped)."}, \
    {"maketrans", (KnCFunction)(void (*)(void))ob_bytes_maketrans, \
     KN_METH_FASTCALL | KN_METH_STATIC, \
     "Return a translation table usable for the bytes or bytearray translate method."},

/* bytes_type.c: self[key] for bytes and bytearray; `what` names the type
 * in the TypeError, index_msg is the IndexError text. */
KnObject *ob_bv_subscript(KnObject *self, KnObject *key, const char *what, const char *index_msg);
void ob_bv_repeat_into(char *dst, const char *src, kn_ssize_t len, kn_ssize_t n);
extern KnTypeObject ob_bytes_iter_type, ob_bytearray_iter_type;
/* bytes_iter.c: iter(b) for both types (bytes_iterator / bytearray_iterator). */
KnObject *ob_bv_iter(KnObject *self);

#endif
