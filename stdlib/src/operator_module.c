/*
 * operator_module.c — _operator: the functions of operator.py written in
 * C (operator.py replaces its pure-Python ones with these through
 * `from _operator import *`).  attrgetter, itemgetter and methodcaller are
 * in operator_getters.c.
 */
#include <string.h>

#include "libgc/gc.h"
#include "libobject/libobject.h"
#include "operator_internal.h"

typedef KnObject *(*binop)(KnObject *, KnObject *);

/* Binary functions: name(a, b, /), "NAME expected 2 arguments, got N". */
#define BIN(cname, pyname, expr) \
    static KnObject *op_##cname(KnObject *m, KnObject *const *args, kn_ssize_t n) \
    { \
        (void)m; \
        if (ob_args_check_positional(pyname, n, 2, 2) < 0) \
            return NULL; \
        KnObject *a = args[0], *b = args[1]; \
        return (expr); \
    }
/* Unary functions: CPython's METH_O message names the module
 * ("_operator.neg() takes exactly one argument (2 given)"). */
#define UN(cname, expr) \
    static KnObject *op_##cname(KnObject *m, KnObject *const *args, kn_ssize_t n) \
    { \
        (void)m; \
        if (ob_args_exactly_one("_operator." #cname, n) < 0) \
            return NULL; \
        KnObject *a = args[0]; \
        return (expr); \
    }

static KnObject *bool_or_null(int v)
{
    return v < 0 ? NULL : KN_BOOL(v);
}

/* CPython's sequence check: sq_item, and not a dict. */
static int is_sequence(KnObject *o)
{
    KnSequenceMethods *sq = KN_TYPE(o)->tp_as_sequence;
    return !KN_DICT_CHECK(o) && sq != NULL && sq->sq_item != NULL;
}

static KnObject *concat(KnObject *a, KnObject *b, int inplace)
{
    KnSequenceMethods *sq = KN_TYPE(a)->tp_as_sequence;
    if (!is_sequence(a))
        return ob_err_format(ob_exc_TypeError, "'%s' object can't be concatenated",
                             ob_type_name(KN_TYPE(a)));
    if (inplace && sq->sq_inplace_concat != NULL)
        return sq->sq_inplace_concat(a, b);
    if (sq->sq_concat != NULL && !inplace)
        return sq->sq_concat(a, b);
    return inplace ? ob_number_inplace_add(a, b) : ob_number_add(a, b);
}

/* countOf / indexOf / contains share CPython's message for non-iterables. */
static KnObject *iter_for_search(KnObject *seq)
{
    KnObject *it = ob_get_iter(seq);
    if (it == NULL && ob_err_occurred() == ob_exc_TypeError) {
        ob_err_clear();
        ob_err_format(ob_exc_TypeError, "argument of type '%s' is not iterable",
                      ob_type_name(KN_TYPE(seq)));
    }
    return it;
}

/* count of items equal to b (want_index: index of the first). */
static KnObject *search(KnObject *a, KnObject *b, int want_index)
{
    KnObject *it = iter_for_search(a);
    if (it == NULL)
        return NULL;
    kn_ssize_t n = 0, i = 0;
    for (KnObject *x; (x = ob_iter_next(it)) != NULL; i++) {
        int eq = ob_richcompare_bool(x, b, KN_EQ);
        if (eq < 0)
            return NULL;
        if (eq) {
            if (want_index)
                return ob_int_from_ssize(i);
            n++;
        }
    }
    if (ob_err_occurred())
        return NULL;
    if (want_index)
        return ob_err_format(ob_exc_ValueError, "sequence.index(x): x not in sequence");
    return ob_int_from_ssize(n);
}

BIN(lt, "lt", ob_richcompare(a, b, KN_LT))
BIN(le, "le", ob_richcompare(a, b, KN_LE))
BIN(eq, "eq", ob_richcompare(a, b, KN_EQ))
BIN(ne, "ne", ob_richcompare(a, b, KN_NE))
BIN(gt, "gt", ob_richcompare(a, b, KN_GT))
BIN(ge, "ge", ob_richcompare(a, b, KN_GE))
BIN(is_, "is_", KN_BOOL(a == b))
BIN(is_not, "is_not", KN_BOOL(a != b))
BIN(add, "add", ob_number_add(a, b))
BIN(sub, "sub", ob_number_subtract(a, b))
BIN(mul, "mul", ob_number_multiply(a, b))
BIN(matmul, "matmul", ob_number_matmul(a, b))
BIN(truediv, "truediv", ob_number_truediv(a, b))
BIN(floordiv, "floordiv", ob_number_floordiv(a, b))
BIN(mod, "mod", ob_number_remainder(a, b))
BIN(pow, "pow", ob_number_power(a, b, KN_None))
BIN(lshift, "lshift", ob_number_lshift(a, b))
BIN(rshift, "rshift", ob_number_rshift(a, b))
BIN(and_, "and_", ob_number_and(a, b))
BIN(or_, "or_", ob_number_or(a, b))
BIN(xor, "xor", ob_number_xor(a, b))
BIN(iadd, "iadd", ob_number_inplace_add(a, b))
BIN(isub, "isub", ob_number_inplace_subtract(a, b))
BIN(imul, "imul", ob_number_inplace_multiply(a, b))
BIN(imatmul, "imatmul", ob_number_inplace_matmul(a, b))
BIN(itruediv, "itruediv", ob_number_inplace_truediv(a, b))
BIN(ifloordiv, "ifloordiv", ob_number_inplace_floordiv(a, b))
BIN(imod, "imod", ob_number_inplace_remainder(a, b))
BIN(ipow, "ipow", ob_number_inplace_power(a, b, KN_None))
BIN(ilshift, "ilshift", ob_number_inplace_lshift(a, b))
BIN(irshift, "irshift", ob_number_inplace_rshift(a, b))
BIN(iand, "iand", ob_number_inplace_and(a, b))
BIN(ior, "ior", ob_number_inplace_or(a, b))
BIN(ixor, "ixor", ob_number_inplace_xor(a, b))
BIN(concat, "concat", concat(a, b, 0))
BIN(iconcat, "iconcat", concat(a, b, 1))
BIN(contains, "contains", bool_or_null(ob_contains(a, b)))
BIN(countOf, "countOf", search(a, b, 0))
BIN(indexOf, "indexOf", search(a, b, 1))
BIN(getitem, "getitem", ob_getitem(a, b))
BIN(delitem, "delitem", ob_delitem(a, b) < 0 ? NULL : KN_None)

UN(neg, ob_number_negative(a))
UN(pos, ob_number_positive(a))
UN(abs, ob_number_absolute(a))
UN(inv, ob_number_invert(a))
UN(invert, ob_number_invert(a))
UN(index, ob_number_index(a))
UN(truth, bool_or_null(ob_is_true(a)))
UN(not_, bool_or_null(ob_not(a)))

static KnObject *op_setitem(KnObject *m, KnObject *const *args, kn_ssize_t n)
{
    (void)m;
    if (ob_args_check_positional("setitem", n, 3, 3) < 0)
        return NULL;
    return ob_setitem(args[0], args[1], args[2]) < 0 ? NULL : KN_None;
}

static KnObject *op_length_hint(KnObject *m, KnObject *const *args, kn_ssize_t n)
{
    (void)m;
    if (ob_args_check_positional("length_hint", n, 1, 2) < 0)
        return NULL;
    kn_ssize_t dflt = 0;
    if (n == 2) {
        dflt = ob_number_as_ssize(args[1], ob_exc_OverflowError);
        if (dflt == -1 && ob_err_occurred())
            return NULL;
    }
    kn_ssize_t r = ob_length_hint(args[0], dflt);
    if (r == -1 && ob_err_occurred())
        return NULL;
    return ob_int_from_ssize(r);
}

static KnObject *op_call(KnObject *m, KnObject *const *args, size_t nargsf, KnObject *kwnames)
{
    (void)m;
    kn_ssize_t n = KN_VECTORCALL_NARGS(nargsf);
    if (ob_args_check_positional("call", n, 1, KN_SSIZE_MAX_ARGS) < 0)
        return NULL;
    return ob_vectorcall(args[0], args + 1, (size_t)(n - 1), kwnames);
}

/* ---------------------------------------------------- _compare_digest */

/* Compare in time that depends only on the length of b. */
static int digest_eq(const unsigned char *a, kn_ssize_t na, const unsigned char *b, kn_ssize_t nb)
{
    const unsigned char *left = na == nb ? a : b;
    unsigned char diff = na == nb ? 0 : 1;
    for (kn_ssize_t i = 0; i < nb; i++)
        diff |= (unsigned char)(left[i] ^ b[i]);
    return diff == 0;
}

static int has_buffer(KnObject *o)
{
    return KN_TYPE(o)->tp_as_buffer != NULL && KN_TYPE(o)->tp_as_buffer->bf_getbuffer != NULL;
}

static int get_buffer(KnObject *o, KnBuffer *view)
{
    if (!has_buffer(o)) {
        ob_err_format(ob_exc_TypeError, "a bytes-like object is required, not '%s'",
                      ob_type_name(KN_TYPE(o)));
        return -1;
    }
    return KN_TYPE(o)->tp_as_buffer->bf_getbuffer(o, view, 0);
}

static void release_buffer(KnObject *o, KnBuffer *view)
{
    if (KN_TYPE(o)->tp_as_buffer->bf_releasebuffer != NULL)
        KN_TYPE(o)->tp_as_buffer->bf_releasebuffer(o, view);
}

static int ascii_only(KnObject *s)
{
    kn_ssize_t n;
    const char *u = ob_str_as_utf8(s, &n);
    for (kn_ssize_t i = 0; u != NULL && i < n; i++)
        if ((unsigned char)u[i] >= 0x80)
            return 0;
    return u != NULL;
}

static KnObject *op_compare_digest(KnObject *m, KnObject *const *args, kn_ssize_t n)
{
    (void)m;
    if (ob_args_check_positional("_compare_digest", n, 2, 2) < 0)
        return NULL;
    KnObject *a = args[0], *b = args[1];
    if (KN_STR_CHECK(a) && KN_STR_CHECK(b)) {
        if (!ascii_only(a) || !ascii_only(b))
            return ob_err_format(ob_exc_TypeError,
                                 "comparing strings with non-ASCII characters is not supported");
        kn_ssize_t na, nb;
        const char *sa = ob_str_as_utf8(a, &na), *sb = ob_str_as_utf8(b, &nb);
        return KN_BOOL(digest_eq((const unsigned char *)sa, na, (const unsigned char *)sb, nb));
    }
    if (!has_buffer(a) && !has_buffer(b))
        return ob_err_format(ob_exc_TypeError,
                             "unsupported operand types(s) or combination of types: '%s' and '%s'",
                             ob_type_name(KN_TYPE(a)), ob_type_name(KN_TYPE(b)));
    KnBuffer va, vb;
    if (get_buffer(a, &va) < 0)
        return NULL;
    if (get_buffer(b, &vb) < 0) {
        release_buffer(a, &va);
        return NULL;
    }
    int eq = digest_eq(va.buf, va.len, vb.buf, vb.len);
    release_buffer(a, &va);
    release_buffer(b, &vb);
    return KN_BOOL(eq);
}

/* ------------------------------------------------------------ module */

#define F2(name, doc) {#name, OP_FC(op_##name), KN_METH_FASTCALL, doc}
#define F1(name, doc) {#name, OP_FC(op_##name), KN_METH_FASTCALL, doc}

static KnMethodDef operator_functions[] = {
    F2(lt, "Same as a < b."), F2(le, "Same as a <= b."), F2(eq, "Same as a == b."),
    F2(ne, "Same as a != b."), F2(gt, "Same as a > b."), F2(ge, "Same as a >= b."),
    F2(is_, "Same as a is b."), F2(is_not, "Same as a is not b."),
    F2(add, "Same as a + b."), F2(sub, "Same as a - b."), F2(mul, "Same as a * b."),
    F2(matmul, "Same as a @ b."), F2(truediv, "Same as a / b."),
    F2(floordiv, "Same as a // b."), F2(mod, "Same as a % b."), F2(pow, "Same as a ** b."),
    F2(lshift, "Same as a << b."), F2(rshift, "Same as a >> b."), F2(and_, "Same as a & b."),
    F2(or_, "Same as a | b."), F2(xor, "Same as a ^ b."),
    F2(iadd, "Same as a += b."), F2(isub, "Same as a -= b."), F2(imul, "Same as a *= b."),
    F2(imatmul, "Same as a @= b."), F2(itruediv, "Same as a /= b."),
    F2(ifloordiv, "Same as a //= b."), F2(imod, "Same as a %= b."),
    F2(ipow, "Same as a **= b."), F2(ilshift, "Same as a <<= b."),
    F2(irshift, "Same as a >>= b."), F2(iand, "Same as a &= b."), F2(ior, "Same as a |= b."),
    F2(ixor, "Same as a ^= b."),
    F2(concat, "Same as a + b, for a and b sequences."),
    F2(iconcat, "Same as a += b, for a and b sequences."),
    F2(contains, "Same as b in a (note reversed operands)."),
    F2(countOf, "Return the number of items in a which are, or which equal, b."),
    F2(indexOf, "Return the first index of b in a."),
    F2(getitem, "Same as a[b]."), F2(delitem, "Same as del a[b]."),
    F2(setitem, "Same as a[b] = c."),
    F2(length_hint, "Return an estimate of the number of items in obj."),
    {"_compare_digest", OP_FC(op_compare_digest), KN_METH_FASTCALL,
     "Return 'a == b'.\n\nThis function uses an approach designed to prevent\n"
     "timing analysis, making it appropriate for cryptography."},
    {"call", OP_FC(op_call), KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "Same as obj(*args, **kwargs)."},
    F1(neg, "Same as -a."), F1(pos, "Same as +a."), F1(abs, "Same as abs(a)."),
    F1(inv, "Same as ~a."), F1(invert, "Same as ~a."),
    F1(index, "Same as a.__index__()"), F1(truth, "Return True if a is true, False otherwise."),
    F1(not_, "Same as not a."),
    {NULL, NULL, 0, NULL}
};

KnObject *kn_init__operator(void)
{
    if (op_getters_ready() < 0)
        return NULL;
    KnObject *m = ob_module_new_cstr("_operator");
    if (m == NULL || ob_module_add_functions(m, operator_functions) < 0)
        return NULL;
    if (ob_module_add_object(m, "__doc__", ob_str_from_cstr(
            "Operator interface.\n\nThis module exports a set of functions implemented in C "
            "corresponding\nto the intrinsic operators of Python.  For example, "
            "operator.add(x, y)\nis equivalent to the expression x+y.  The function names "
            "are those\nused for special methods; variants without leading and trailing\n"
            "'__' are also provided for convenience.")) < 0 ||
        ob_module_add_object(m, "attrgetter", (KnObject *)&op_attrgetter_type) < 0 ||
        ob_module_add_object(m, "itemgetter", (KnObject *)&op_itemgetter_type) < 0 ||
        ob_module_add_object(m, "methodcaller", (KnObject *)&op_methodcaller_type) < 0)
        return NULL;
    return m;
}
