/* builtins_num.c — builtins about numbers and single values:
 * abs bin hex oct divmod pow round sum hash id chr ord format ascii repr
 * len callable.  Messages are CPython 3.11's. */
#include <string.h>

#include "builtins.h"
#include "gen_inline.h"

static KnObject *bi_abs(KnObject *self, KnObject *x)
{
    return ob_number_absolute(x);
}

/* bin/hex/oct: the text of index(x) in base 2/8/16 with its prefix. */
static KnObject *int_to_base(KnObject *x, int base)
{
    KnObject *i = ob_number_index(x);
    return i ? ob_int_to_base_str(i, base) : NULL;
}

static KnObject *bi_bin(KnObject *self, KnObject *x) { return int_to_base(x, 2); }
static KnObject *bi_hex(KnObject *self, KnObject *x) { return int_to_base(x, 16); }
static KnObject *bi_oct(KnObject *self, KnObject *x) { return int_to_base(x, 8); }

static KnObject *bi_divmod(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("divmod", nargs, 2, 2) < 0)
        return NULL;
    return ob_number_divmod(args[0], args[1]);
}

static KnObject *bi_pow(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                        KnObject *kwnames)
{
    static const char *const names[] = { "base", "exp", "mod", NULL };
    static const KnArgSpec spec = { "pow", names, 2, -1, 0 };
    KnObject *a[3];
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    return ob_number_power(a[0], a[1], a[2] ? a[2] : KN_None);
}

static KnObject *bi_round(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                          KnObject *kwnames)
{
    static const char *const names[] = { "number", "ndigits", NULL };
    static const KnArgSpec spec = { "round", names, 1, -1, 0 };
    KnObject *a[2];
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    KnObject *meth = ob_lookup_special(a[0], ob_str_intern_cstr("__round__"));
    if (meth == NULL) {
        if (!ob_err_occurred())
            ob_err_format(ob_exc_TypeError, "type %s doesn't define __round__ method",
                          ob_type_name(KN_TYPE(a[0])));
        return NULL;
    }
    if (a[1] == NULL || a[1] == KN_None)
        return ob_call_noargs(meth);
    return ob_call_onearg(meth, a[1]);
}

/* sum()'s unboxed totals, as CPython keeps them: an exact int total in a
 * C long long while the items are exact ints or bools and nothing
 * overflows; an exact float total in a double while the items are exact
 * floats or ints that fit (added in order, so the rounding is that of
 * `+`).  sum_take adds an item that fits and says 0, else 1; it runs no
 * Python code, so it also serves as the consumer that drives an exact
 * generator without suspending it per item (gen_inline.h). */
enum { SUM_INT, SUM_FLOAT };

typedef struct SumState {
    jit_gen_driver drv;
    int mode;
    long long ltotal;
    double dtotal;
} SumState;

static int sum_take(jit_gen_driver *drv, KnObject *item)
{
    SumState *st = (SumState *)drv;
    int ov = 0;
    if (st->mode == SUM_INT) {
        if (KN_INT_CHECK_EXACT(item) || KN_TYPE(item) == &ob_bool_type) {
            long long b = ob_int_as_long_long_and_overflow(item, &ov);
            long long t;
            if (!ov && !__builtin_add_overflow(st->ltotal, b, &t)) {
                st->ltotal = t;
                return 0;
            }
        }
        return 1;
    }
    if (KN_TYPE(item) == &ob_float_type) {
        st->dtotal += KN_FLOAT_VALUE(item);
        return 0;
    }
    if (KN_INT_CHECK(item)) {
        long long v = ob_int_as_long_long_and_overflow(item, &ov);
        if (!ov) {
            st->dtotal += (double)v;
            return 0;
        }
    }
    return 1;
}

/* The next item sum_take does not take (NULL at the end or on error). */
static KnObject *sum_next_other(SumState *st, KnObject *it)
{
    KnObject *item;
    if (KN_TYPE(it) == &jit_gen_type) {
        /* Values given back while tracing were not offered: offer them. */
        while ((item = jit_gen_next_driven(it, &st->drv)) != NULL && sum_take(&st->drv, item) == 0)
            ;
        return item;
    }
    while ((item = ob_iter_next(it)) != NULL && sum_take(&st->drv, item) == 0)
        ;
    return item;
}

/* The boxed total (NULL: out of memory) plus an item sum_take gave back. */
static KnObject *sum_boxed(KnObject *total, KnObject *item)
{
    return total != NULL ? ob_number_add(total, item) : NULL;
}

static KnObject *bi_sum(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                        KnObject *kwnames)
{
    static const char *const names[] = { "", "start", NULL };
    static const KnArgSpec spec = { "sum", names, 1, -1, 0 };
    KnObject *a[2];
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    KnObject *result = a[1];
    if (result == NULL) {
        result = ob_int_from_ssize(0);
    } else if (KN_STR_CHECK(result)) {
        return ob_err_format(ob_exc_TypeError,
                             "sum() can't sum strings [use ''.join(seq) instead]");
    } else if (KN_BYTES_CHECK(result)) {
        return ob_err_format(ob_exc_TypeError,
                             "sum() can't sum bytes [use b''.join(seq) instead]");
    } else if (&ob_bytearray_type != NULL && KN_TYPE_CHECK(result, &ob_bytearray_type)) {
        return ob_err_format(ob_exc_TypeError,
                             "sum() can't sum bytearray [use b''.join(seq) instead]");
    }
    KnObject *it = ob_get_iter(a[0]);
    if (it == NULL)
        return NULL;
    KnObject *item;
    SumState st = { { NULL, sum_take, NULL }, SUM_INT, 0, 0.0 };
    if (KN_INT_CHECK_EXACT(result)) {
        int overflow = 0;
        st.ltotal = ob_int_as_long_long_and_overflow(result, &overflow);
        if (!overflow) {
            item = sum_next_other(&st, it);
            if (item == NULL)
                return ob_err_occurred() ? NULL : ob_int_from_long_long(st.ltotal);
            /* The item is not an int that fits: continue boxed. */
            result = sum_boxed(ob_int_from_long_long(st.ltotal), item);
            if (result == NULL)
                return NULL;
        }
    }
    if (KN_TYPE(result) == &ob_float_type) {
        st.mode = SUM_FLOAT;
        st.dtotal = KN_FLOAT_VALUE(result);
        item = sum_next_other(&st, it);
        if (item == NULL)
            return ob_err_occurred() ? NULL : ob_float_from_double(st.dtotal);
        result = sum_boxed(ob_float_from_double(st.dtotal), item);
        if (result == NULL)
            return NULL;
    }
    while ((item = ob_iter_next(it)) != NULL) {
        result = ob_number_add(result, item);
        if (result == NULL)
            return NULL;
    }
    return ob_err_occurred() ? NULL : result;
}

static KnObject *bi_hash(KnObject *self, KnObject *x)
{
    kn_hash_t h = ob_hash(x);
    if (h == -1)
        return NULL;
    return ob_int_from_ssize(h);
}

static KnObject *bi_id(KnObject *self, KnObject *x)
{
    return ob_int_from_size((size_t)(uintptr_t)x);
}

static KnObject *bi_chr(KnObject *self, KnObject *x)
{
    KnObject *i = ob_number_index(x);
    if (i == NULL)
        return NULL;
    int overflow = 0;
    long long v = ob_int_as_long_long_and_overflow(i, &overflow);
    if (overflow || v > 0x7fffffffLL || v < -0x7fffffffLL - 1)
        return ob_err_format(ob_exc_OverflowError, "Python int too large to convert to C int");
    if (v < 0 || v > 0x10ffff)
        return ob_err_format(ob_exc_ValueError, "chr() arg not in range(0x110000)");
    return ob_str_from_char((uint32_t)v);
}

static KnObject *bi_ord(KnObject *self, KnObject *c)
{
    kn_ssize_t n;
    if (KN_STR_CHECK(c)) {
        n = KN_STR_LEN(c);
        if (n == 1)
            return ob_int_from_ssize(ob_str_read_char(c, 0));
    } else if (KN_BYTES_CHECK(c)) {
        n = KN_SIZE(c);
        if (n == 1)
            return ob_int_from_ssize((unsigned char)KN_BYTES_AS_STRING(c)[0]);
    } else if (&ob_bytearray_type != NULL && KN_TYPE_CHECK(c, &ob_bytearray_type)) {
        n = KN_SIZE(c);
        if (n == 1)
            return ob_int_from_ssize((unsigned char)((KnByteArrayObject *)c)->ob_start[0]);
    } else {
        return ob_err_format(ob_exc_TypeError,
                             "ord() expected string of length 1, but %s found",
                             ob_type_name(KN_TYPE(c)));
    }
    return ob_err_format(ob_exc_TypeError,
                         "ord() expected a character, but string of length %zd found", n);
}

static KnObject *bi_format(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("format", nargs, 1, 2) < 0)
        return NULL;
    KnObject *spec = nargs > 1 ? args[1] : ob_str_empty();
    if (!KN_STR_CHECK(spec))
        return ob_err_format(ob_exc_TypeError, "format() argument 2 must be str, not %s",
                             ob_type_name(KN_TYPE(spec)));
    return ob_format(args[0], spec);
}

static KnObject *bi_ascii(KnObject *self, KnObject *x) { return ob_ascii(x); }
static KnObject *bi_repr(KnObject *self, KnObject *x) { return ob_repr(x); }

static KnObject *bi_len(KnObject *self, KnObject *x)
{
    kn_ssize_t n = ob_length(x);
    if (n < 0)
        return NULL;
    return ob_int_from_ssize(n);
}

static KnObject *bi_callable(KnObject *self, KnObject *x)
{
    return KN_BOOL(ob_callable_check(x));
}

#define FAST(f) ((KnCFunction)(void (*)(void))(f))

KnMethodDef jit_builtins_num_methods[] = {
    { "abs", bi_abs, KN_METH_O, "abs($module, x, /)\n--\n\n"
      "Return the absolute value of the argument." },
    { "ascii", bi_ascii, KN_METH_O,
      "ascii($module, obj, /)\n--\n\n"
      "Return an ASCII-only representation of an object." },
    { "bin", bi_bin, KN_METH_O, "bin($module, number, /)\n--\n\n"
      "Return the binary representation of an integer." },
    { "callable", bi_callable, KN_METH_O,
      "callable($module, obj, /)\n--\n\n"
      "Return whether the object is callable (i.e., some kind of function)." },
    { "chr", bi_chr, KN_METH_O,
      "chr($module, i, /)\n--\n\n"
      "Return a Unicode string of one character with ordinal i; 0 <= i <= 0x10ffff." },
    { "divmod", FAST(bi_divmod), KN_METH_FASTCALL,
      "divmod($module, x, y, /)\n--\n\n"
      "Return the tuple (x//y, x%y).  Invariant: div*y + mod == x." },
    { "format", FAST(bi_format), KN_METH_FASTCALL,
      "format($module, value, format_spec='', /)\n--\n\n"
      "Return value.__format__(format_spec)" },
    { "hash", bi_hash, KN_METH_O, "hash($module, obj, /)\n--\n\n"
      "Return the hash value for the given object." },
    { "hex", bi_hex, KN_METH_O,
      "hex($module, number, /)\n--\n\n"
      "Return the hexadecimal representation of an integer." },
    { "id", bi_id, KN_METH_O, "id($module, obj, /)\n--\n\n"
      "Return the identity of an object." },
    { "len", bi_len, KN_METH_O, "len($module, obj, /)\n--\n\n"
      "Return the number of items in a container." },
    { "oct", bi_oct, KN_METH_O, "oct($module, number, /)\n--\n\n"
      "Return the octal representation of an integer." },
    { "ord", bi_ord, KN_METH_O,
      "ord($module, c, /)\n--\n\n"
      "Return the Unicode code point for a one-character string." },
    { "pow", FAST(bi_pow), KN_METH_FASTCALL | KN_METH_KEYWORDS,
      "pow($module, /, base, exp, mod=None)\n--\n\n"
      "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments" },
    { "repr", bi_repr, KN_METH_O, "repr($module, obj, /)\n--\n\n"
      "Return the canonical string representation of the object." },
    { "round", FAST(bi_round), KN_METH_FASTCALL | KN_METH_KEYWORDS,
      "round($module, /, number, ndigits=None)\n--\n\n"
      "Round a number to a given precision in decimal digits." },
    { "sum", FAST(bi_sum), KN_METH_FASTCALL | KN_METH_KEYWORDS,
      "sum($module, iterable, /, start=0)\n--\n\n"
      "Return the sum of a 'start' value (default: 0) plus an iterable of numbers" },
    { NULL, NULL, 0, NULL },
};
