/*
 * array_methods.c — the methods of array.array: append / extend / insert
 * / pop / remove / reverse, count / index, the list, bytes, file and
 * unicode conversions, byteswap, buffer_info, copying and pickling.
 */
#include "libgc/gc.h"
#include "array_internal.h"
#include "intarg.h"

#define AM_FC(f) ((KnCFunction)(void (*)(void))(f))
#define AM_ARGS KnObject *self, KnObject *const *args, kn_ssize_t nargs

static KnObject *am_append(KnObject *self, KnObject *v)
{
    char tmp[8];
    if (ARR(self)->d->set(tmp, v) < 0 || arr_append_raw(self, tmp, 1) < 0)
        return NULL;
    return KN_None;
}

static KnObject *am_extend(KnObject *self, KnObject *v)
{
    if (ARR_CHECK(v)) {
        if (ARR(v)->d != ARR(self)->d) {
            ob_err_set_string(ob_exc_TypeError, "can only extend with array of same kind");
            return NULL;
        }
        return arr_append_raw(self, ARR(v)->items, ARR_LEN(v)) < 0 ? NULL : KN_None;
    }
    return arr_extend_iterable(self, v) < 0 ? NULL : KN_None;
}

static KnObject *am_fromlist(KnObject *self, KnObject *l)
{
    if (!KN_LIST_CHECK(l)) {
        ob_err_set_string(ob_exc_TypeError, "arg must be list");
        return NULL;
    }
    kn_ssize_t old = ARR_LEN(self);
    if (arr_extend_iterable(self, l) < 0) {
        KnObject *e = ob_err_fetch();
        if (ARR(self)->exports == 0)
            arr_resize(self, old);
        ob_err_restore(e);
        return NULL;
    }
    return KN_None;
}

static KnObject *am_tolist(KnObject *self, KnObject *unused)
{
    (void)unused;
    return arr_tolist_obj(self);
}

static KnObject *am_frombytes(KnObject *self, KnObject *b)
{
    KnBuffer v;
    if (ob_buffer_get(b, &v, KN_BUF_SIMPLE) < 0)
        return NULL;
    int r = arr_frombytes_data(self, v.buf, v.len);
    ob_buffer_release(&v);
    return r < 0 ? NULL : KN_None;
}

static KnObject *am_tobytes(KnObject *self, KnObject *unused)
{
    (void)unused;
    return ob_bytes_from_data(ARR(self)->items, ARR_LEN(self) * ARR(self)->d->itemsize);
}

static KnObject *am_fromfile(AM_ARGS)
{
    if (ob_args_check_positional("fromfile", nargs, 2, 2) < 0)
        return NULL;
    long long n;
    int overflow;
    if (kn_arg_index_ll(args[1], &n, &overflow) < 0)
        return NULL;
    if (n < 0) {
        ob_err_set_string(ob_exc_ValueError, "negative count");
        return NULL;
    }
    int sz = ARR(self)->d->itemsize;
    if (overflow || n > ARR_SSIZE_MAX / sz)
        return ob_err_nomemory();
    kn_ssize_t want = (kn_ssize_t)n * sz;
    KnObject *b = ob_call_method(args[0], "read", 1, ob_int_from_long_long(want));
    if (b == NULL)
        return NULL;
    if (!KN_BYTES_CHECK(b)) {
        ob_err_set_string(ob_exc_TypeError, "read() didn't return bytes");
        return NULL;
    }
    kn_ssize_t got = ob_length(b);
    kn_ssize_t whole = got - got % sz;
    if (arr_append_raw(self, KN_BYTES_AS_STRING(b), whole / sz) < 0)
        return NULL;
    if (got != want) {
        ob_err_set_string(ob_exc_EOFError, "read() didn't return enough bytes");
        return NULL;
    }
    return KN_None;
}

static KnObject *am_tofile(KnObject *self, KnObject *f)
{
    kn_ssize_t total = ARR_LEN(self) * ARR(self)->d->itemsize, block = 64 * 1024;
    for (kn_ssize_t off = 0; off < total; off += block) {
        kn_ssize_t n = total - off < block ? total - off : block;
        KnObject *b = ob_bytes_from_data(ARR(self)->items + off, n);
        if (b == NULL || ob_call_method(f, "write", 1, b) == NULL)
            return NULL;
    }
    return KN_None;
}

static KnObject *am_fromunicode(KnObject *self, KnObject *s)
{
    if (!KN_STR_CHECK(s)) {
        ob_err_format(ob_exc_TypeError, "fromunicode() argument must be str, not %s", ob_type_name(KN_TYPE(s)));
        return NULL;
    }
    if (ARR(self)->d->typecode != 'u') {
        ob_err_set_string(ob_exc_ValueError, "fromunicode() may only be called on unicode type arrays");
        return NULL;
    }
    return arr_fromunicode_obj(self, s) < 0 ? NULL : KN_None;
}

/* The 'u' items as a str; items outside U+0000..U+10FFFF raise ValueError
   (the str constructor must never see them). */
KnObject *arr_tounicode_obj(KnObject *self)
{
    for (kn_ssize_t i = 0; i < ARR_LEN(self); i++) {
        uint32_t c;
        memcpy(&c, ARR_AT(self, i), 4);
        if (c > 0x10ffff) {
            ob_err_format(ob_exc_ValueError, "character U+%x is not in range [U+0000; U+10ffff]", c);
            return NULL;
        }
    }
    return ob_str_from_kind_data(4, ARR(self)->items, ARR_LEN(self));
}

static KnObject *am_tounicode(KnObject *self, KnObject *unused)
{
    (void)unused;
    if (ARR(self)->d->typecode != 'u') {
        ob_err_set_string(ob_exc_ValueError, "tounicode() may only be called on unicode type arrays");
        return NULL;
    }
    return arr_tounicode_obj(self);
}

void arr_byteswap(KnObject *self)
{
    int sz = ARR(self)->d->itemsize;
    for (kn_ssize_t i = 0; i < ARR_LEN(self); i++) {
        char *p = ARR_AT(self, i);
        for (int lo = 0, hi = sz - 1; lo < hi; lo++, hi--) {
            char c = p[lo];
            p[lo] = p[hi];
            p[hi] = c;
        }
    }
}

static KnObject *am_byteswap(KnObject *self, KnObject *unused)
{
    (void)unused;
    arr_byteswap(self);
    return KN_None;
}

static KnObject *am_buffer_info(KnObject *self, KnObject *unused)
{
    (void)unused;
    return ob_tuple_pack(2, ob_int_from_long_long((long long)(uintptr_t)ARR(self)->items),
                         ob_int_from_long_long(ARR_LEN(self)));
}

/* Position of the first item equal to v in [lo, hi), -1 when none, -2 on error. */
static kn_ssize_t am_find(KnObject *self, KnObject *v, kn_ssize_t lo, kn_ssize_t hi)
{
    for (kn_ssize_t i = lo; i < hi && i < ARR_LEN(self); i++) {
        KnObject *x = ARR(self)->d->get(ARR_AT(self, i));
        int eq = x ? ob_richcompare_bool(x, v, KN_EQ) : -1;
        if (eq < 0)
            return -2;
        if (eq)
            return i;
    }
    return -1;
}

static KnObject *am_count(KnObject *self, KnObject *v)
{
    kn_ssize_t n = 0;
    for (kn_ssize_t i = 0; i < ARR_LEN(self); i++) {
        KnObject *x = ARR(self)->d->get(ARR_AT(self, i));
        int eq = x ? ob_richcompare_bool(x, v, KN_EQ) : -1;
        if (eq < 0)
            return NULL;
        n += eq;
    }
    return ob_int_from_long_long(n);
}

static int am_bound(KnObject *o, kn_ssize_t len, kn_ssize_t *out)
{
    kn_ssize_t v = ob_number_as_ssize(o, NULL);
    if (v == -1 && ob_err_occurred())
        return -1;
    if (v < 0) {
        v += len;
        if (v < 0)
            v = 0;
    }
    *out = v;
    return 0;
}

static KnObject *am_index(AM_ARGS)
{
    if (ob_args_check_positional("index", nargs, 1, 3) < 0)
        return NULL;
    kn_ssize_t lo = 0, hi = ARR_SSIZE_MAX, len = ARR_LEN(self);
    if ((nargs > 1 && am_bound(args[1], len, &lo) < 0) || (nargs > 2 && am_bound(args[2], len, &hi) < 0))
        return NULL;
    kn_ssize_t i = am_find(self, args[0], lo, hi);
    if (i == -2)
        return NULL;
    if (i < 0) {
        ob_err_set_string(ob_exc_ValueError, "array.index(x): x not in array");
        return NULL;
    }
    return ob_int_from_long_long(i);
}

static KnObject *am_remove(KnObject *self, KnObject *v)
{
    kn_ssize_t i = am_find(self, v, 0, ARR_LEN(self));
    if (i == -2)
        return NULL;
    if (i < 0) {
        ob_err_set_string(ob_exc_ValueError, "array.remove(x): x not in array");
        return NULL;
    }
    return ob_delitem(self, ob_int_from_long_long(i)) < 0 ? NULL : KN_None;
}

static KnObject *am_insert(AM_ARGS)
{
    if (ob_args_check_positional("insert", nargs, 2, 2) < 0)
        return NULL;
    kn_ssize_t len = ARR_LEN(self), i = ob_number_as_ssize(args[0], NULL);
    if (i == -1 && ob_err_occurred())
        return NULL;
    if (i < 0 && (i += len) < 0)
        i = 0;
    if (i > len)
        i = len;
    char tmp[8];
    if (ARR(self)->d->set(tmp, args[1]) < 0 || arr_resize(self, len + 1) < 0)
        return NULL;
    size_t sz = (size_t)ARR(self)->d->itemsize;
    memmove(ARR_AT(self, i + 1), ARR_AT(self, i), (size_t)(len - i) * sz);
    memcpy(ARR_AT(self, i), tmp, sz);
    return KN_None;
}

static KnObject *am_pop(AM_ARGS)
{
    if (ob_args_check_positional("pop", nargs, 0, 1) < 0)
        return NULL;
    kn_ssize_t len = ARR_LEN(self), i = -1;
    if (nargs > 0 && (i = ob_number_as_ssize(args[0], NULL)) == -1 && ob_err_occurred())
        return NULL;
    if (len == 0) {
        ob_err_set_string(ob_exc_IndexError, "pop from empty array");
        return NULL;
    }
    if (i < 0)
        i += len;
    if (i < 0 || i >= len) {
        ob_err_set_string(ob_exc_IndexError, "pop index out of range");
        return NULL;
    }
    KnObject *v = ARR(self)->d->get(ARR_AT(self, i));
    if (v == NULL || ob_delitem(self, ob_int_from_long_long(i)) < 0)
        return NULL;
    return v;
}

static KnObject *am_reverse(KnObject *self, KnObject *unused)
{
    (void)unused;
    size_t sz = (size_t)ARR(self)->d->itemsize;
    char tmp[8];
    for (kn_ssize_t lo = 0, hi = ARR_LEN(self) - 1; lo < hi; lo++, hi--) {
        memcpy(tmp, ARR_AT(self, lo), sz);
        memcpy(ARR_AT(self, lo), ARR_AT(self, hi), sz);
        memcpy(ARR_AT(self, hi), tmp, sz);
    }
    return KN_None;
}

static KnObject *am_copy(KnObject *self, KnObject *unused)
{
    (void)unused;
    return arr_slice(self, 0, ARR_LEN(self));
}

static KnObject *am_sizeof(KnObject *self, KnObject *unused)
{
    (void)unused;
    return ob_int_from_long_long((long long)sizeof(ArrObject) + ARR(self)->allocated * ARR(self)->d->itemsize);
}

extern KnMethodDef arr_reduce_def;

KnMethodDef arr_methods[] = {
    {"append", am_append, KN_METH_O, "Append new value v to the end of the array."},
    {"extend", am_extend, KN_METH_O, "Append items to the end of the array."},
    {"fromlist", am_fromlist, KN_METH_O, "Append items to array from list."},
    {"tolist", am_tolist, KN_METH_NOARGS, "Convert array to an ordinary list with the same items."},
    {"frombytes", am_frombytes, KN_METH_O, "Appends items from the string, interpreting it as an array of machine values."},
    {"tobytes", am_tobytes, KN_METH_NOARGS, "Convert the array to an array of machine values and return the bytes representation."},
    {"fromfile", AM_FC(am_fromfile), KN_METH_FASTCALL, "Read n objects from the file object f and append them to the end of the array."},
    {"tofile", am_tofile, KN_METH_O, "Write all items (as machine values) to the file object f."},
    {"fromunicode", am_fromunicode, KN_METH_O, "Extends this array with data from the unicode string ustr."},
    {"tounicode", am_tounicode, KN_METH_NOARGS, "Extends this array with data from the unicode string ustr."},
    {"byteswap", am_byteswap, KN_METH_NOARGS, "Byteswap all items of the array."},
    {"buffer_info", am_buffer_info, KN_METH_NOARGS, "Return a tuple (address, length) giving the current memory address and the length in items."},
    {"count", am_count, KN_METH_O, "Return number of occurrences of v in the array."},
    {"index", AM_FC(am_index), KN_METH_FASTCALL, "Return index of first occurrence of v in the array."},
    {"remove", am_remove, KN_METH_O, "Remove the first occurrence of v in the array."},
    {"insert", AM_FC(am_insert), KN_METH_FASTCALL, "Insert a new item v into the array before position i."},
    {"pop", AM_FC(am_pop), KN_METH_FASTCALL, "Return the i-th element and delete it from the array."},
    {"reverse", am_reverse, KN_METH_NOARGS, "Reverse the order of the items in the array."},
    {"__copy__", am_copy, KN_METH_NOARGS, "Return a copy of the array."},
    {"__deepcopy__", am_copy, KN_METH_O, "Return a copy of the array."},
    {"__sizeof__", am_sizeof, KN_METH_NOARGS, "Size of the array in memory, in bytes."},
    {NULL, NULL, 0, NULL},   /* __reduce_ex__, filled at init */
    {NULL, NULL, 0, NULL}
};
