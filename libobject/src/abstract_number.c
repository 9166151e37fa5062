/*
 * abstract_number.c — the number protocol (abstract.h): binary and in-place
 * operators, unary operators, index / int / float conversions.
 *
 * The binary-operator rule (see NOTES-protocols.md): with a = left and
 * b = right operand, the slot of type(a) is tried first, then the slot of
 * type(b) — unless type(b) is a proper subclass of type(a) with a slot of
 * its own, in which case type(b) goes first.  Both calls pass (a, b) in
 * that order: a C slot must look at which side it was called for (the
 * slot dispatch of classes does so in type_slots.c).  NotImplemented from
 * one side passes the turn to the other; from both sides, sequence
 * concatenation / repetition is the last resort for + and *.
 */
#include "protocols.h"
#include "int_internal.h"
#include "float_internal.h"

#include <string.h>

#include "libobject/bytes.h"

/* Defined by NUMBERS without a header declaration (int_methods.c,
 * float_methods.c): text -> ASCII digits, float(x) for text. */
extern char *ob_int_text_ascii(KnObject *s, kn_ssize_t *len);
extern KnObject *ob_float_new_impl(KnTypeObject *t, KnObject *x);

/* The operators, as data: C name, slot, in-place slot, symbol. */
#define OB_BINARY_OPS(X)                                                    \
    X(subtract, nb_subtract, nb_inplace_subtract, "-")                      \
    X(matmul, nb_matrix_multiply, nb_inplace_matrix_multiply, "@")          \
    X(truediv, nb_true_divide, nb_inplace_true_divide, "/")                 \
    X(floordiv, nb_floor_divide, nb_inplace_floor_divide, "//")             \
    X(remainder, nb_remainder, nb_inplace_remainder, "%")                   \
    X(lshift, nb_lshift, nb_inplace_lshift, "<<")                           \
    X(and, nb_and, nb_inplace_and, "&")                                     \
    X(or, nb_or, nb_inplace_or, "|")                                        \
    X(xor, nb_xor, nb_inplace_xor, "^")

#define SLOT_AT(t, off) \
    ((t)->tp_as_number ? *(void **)((char *)(t)->tp_as_number + (off)) : NULL)
#define OFF(slot) offsetof(KnNumberMethods, slot)

/* ------------------------------------------------------------ binary */

/* Both operands' slot at `off`, in CPython's order; NotImplemented when
 * neither answers. */
static KnObject *binary_op1(KnObject *a, KnObject *b, size_t off)
{
    KnTypeObject *ta = KN_TYPE(a), *tb = KN_TYPE(b);
    binaryfunc fa = (binaryfunc)SLOT_AT(ta, off);
    binaryfunc fb = NULL;
    KnObject *r;
    if (tb != ta) {
        fb = (binaryfunc)SLOT_AT(tb, off);
        if (fb == fa)
            fb = NULL;
    }
    if (fa != NULL) {
        if (fb != NULL && ob_type_is_subtype(tb, ta)) {
            r = fb(a, b);
            if (r != KN_NotImplemented)
                return r;
            fb = NULL;
        }
        r = fa(a, b);
        if (r != KN_NotImplemented)
            return r;
    }
    if (fb != NULL)
        return fb(a, b);
    return KN_NotImplemented;
}

static KnObject *binop_type_error(KnObject *a, KnObject *b, const char *sym)
{
    return ob_err_format(ob_exc_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
                         sym, KN_TYPE(a)->tp_name, KN_TYPE(b)->tp_name);
}

static KnObject *binary_op(KnObject *a, KnObject *b, size_t off, const char *sym)
{
    KnObject *r = binary_op1(a, b, off);
    if (r != KN_NotImplemented)
        return r;
    /* `print >> f` is Python 2: CPython adds a hint, and so do we */
    if (off == OFF(nb_rshift) && KN_TYPE(a) == &ob_cfunction_type &&
        strcmp(((KnCFunctionObject *)a)->m_ml->ml_name, "print") == 0)
        return ob_err_format(ob_exc_TypeError,
                             "unsupported operand type(s) for %s: '%s' and '%s'. Did you mean "
                             "\"print(<message>, file=<output_stream>)\"?",
                             sym, KN_TYPE(a)->tp_name, KN_TYPE(b)->tp_name);
    return binop_type_error(a, b, sym);
}

/* a's in-place slot first, then the binary rule. */
static KnObject *binary_iop1(KnObject *a, KnObject *b, size_t ioff, size_t off)
{
    binaryfunc f = (binaryfunc)SLOT_AT(KN_TYPE(a), ioff);
    if (f != NULL) {
        KnObject *r = f(a, b);
        if (r != KN_NotImplemented)
            return r;
    }
    return binary_op1(a, b, off);
}

static KnObject *binary_iop(KnObject *a, KnObject *b, size_t ioff, size_t off, const char *isym)
{
    KnObject *r = binary_iop1(a, b, ioff, off);
    return r != KN_NotImplemented ? r : binop_type_error(a, b, isym);
}

#define DEFINE_BINARY(name, slot, islot, sym)                               \
    KnObject *ob_number_##name(KnObject *a, KnObject *b)                    \
    {                                                                       \
        return binary_op(a, b, OFF(slot), sym);                             \
    }                                                                       \
    KnObject *ob_number_inplace_##name(KnObject *a, KnObject *b)            \
    {                                                                       \
        return binary_iop(a, b, OFF(islot), OFF(slot), sym "=");            \
    }
OB_BINARY_OPS(DEFINE_BINARY)
#undef DEFINE_BINARY

/* rshift is separate only because of the print hint in binary_op. */
KnObject *ob_number_rshift(KnObject *a, KnObject *b)
{
    return binary_op(a, b, OFF(nb_rshift), ">>");
}

KnObject *ob_number_inplace_rshift(KnObject *a, KnObject *b)
{
    return binary_iop(a, b, OFF(nb_inplace_rshift), OFF(nb_rshift), ">>=");
}

KnObject *ob_number_divmod(KnObject *a, KnObject *b)
{
    return binary_op(a, b, OFF(nb_divmod), "divmod()");
}

/* seq * n through a repeat slot; n must have __index__. */
static KnObject *sequence_repeat(ssizeargfunc repeat, KnObject *seq, KnObject *n)
{
    if (!ob_index_check(n))
        return ob_err_format(ob_exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                             KN_TYPE(n)->tp_name);
    kn_ssize_t count = ob_number_as_ssize(n, ob_exc_OverflowError);
    if (count == -1 && ob_err_occurred())
        return NULL;
    return repeat(seq, count);
}

KnObject *ob_number_add(KnObject *a, KnObject *b)
{
    KnObject *r = binary_op1(a, b, OFF(nb_add));
    if (r != KN_NotImplemented)
        return r;
    KnSequenceMethods *sq = KN_TYPE(a)->tp_as_sequence;
    if (sq != NULL && sq->sq_concat != NULL)
        return sq->sq_concat(a, b);
    return binop_type_error(a, b, "+");
}

KnObject *ob_number_multiply(KnObject *a, KnObject *b)
{
    KnObject *r = binary_op1(a, b, OFF(nb_multiply));
    if (r != KN_NotImplemented)
        return r;
    KnSequenceMethods *sa = KN_TYPE(a)->tp_as_sequence, *sb = KN_TYPE(b)->tp_as_sequence;
    if (sa != NULL && sa->sq_repeat != NULL)
        return sequence_repeat(sa->sq_repeat, a, b);
    if (sb != NULL && sb->sq_repeat != NULL)
        return sequence_repeat(sb->sq_repeat, b, a);
    return binop_type_error(a, b, "*");
}

KnObject *ob_number_inplace_add(KnObject *a, KnObject *b)
{
    KnObject *r = binary_iop1(a, b, OFF(nb_inplace_add), OFF(nb_add));
    if (r != KN_NotImplemented)
        return r;
    KnSequenceMethods *sq = KN_TYPE(a)->tp_as_sequence;
    if (sq != NULL) {
        binaryfunc f = sq->sq_inplace_concat ? sq->sq_inplace_concat : sq->sq_concat;
        if (f != NULL)
            return f(a, b);
    }
    return binop_type_error(a, b, "+=");
}

KnObject *ob_number_inplace_multiply(KnObject *a, KnObject *b)
{
    KnObject *r = binary_iop1(a, b, OFF(nb_inplace_multiply), OFF(nb_multiply));
    if (r != KN_NotImplemented)
        return r;
    KnSequenceMethods *sa = KN_TYPE(a)->tp_as_sequence, *sb = KN_TYPE(b)->tp_as_sequence;
    if (sa != NULL) {
        ssizeargfunc f = sa->sq_inplace_repeat ? sa->sq_inplace_repeat : sa->sq_repeat;
        if (f != NULL)
            return sequence_repeat(f, a, b);
    } else if (sb != NULL && sb->sq_repeat != NULL) {
        /* n *= seq: only when the left operand has no sequence methods at
         * all (a heap type always has them, filled or not), as CPython */
        return sequence_repeat(sb->sq_repeat, b, a);
    }
    return binop_type_error(a, b, "*=");
}

/* ----------------------------------------------------------- power */

/* pow(a, b, mod): the binary rule on nb_power, then mod's own slot when
 * it is a third type.  mod is None for a ** b. */
static KnObject *ternary_op(KnObject *a, KnObject *b, KnObject *mod, const char *sym)
{
    KnTypeObject *ta = KN_TYPE(a), *tb = KN_TYPE(b);
    ternaryfunc fa = (ternaryfunc)SLOT_AT(ta, OFF(nb_power));
    ternaryfunc fb = NULL;
    KnObject *r;
    if (tb != ta) {
        fb = (ternaryfunc)SLOT_AT(tb, OFF(nb_power));
        if (fb == fa)
            fb = NULL;
    }
    if (fa != NULL) {
        if (fb != NULL && ob_type_is_subtype(tb, ta)) {
            r = fb(a, b, mod);
            if (r != KN_NotImplemented)
                return r;
            fb = NULL;
        }
        r = fa(a, b, mod);
        if (r != KN_NotImplemented)
            return r;
    }
    if (fb != NULL) {
        r = fb(a, b, mod);
        if (r != KN_NotImplemented)
            return r;
    }
    if (mod != KN_None) {
        ternaryfunc fm = (ternaryfunc)SLOT_AT(KN_TYPE(mod), OFF(nb_power));
        if (fm != NULL && fm != fa && fm != fb) {
            r = fm(a, b, mod);
            if (r != KN_NotImplemented)
                return r;
        }
        return ob_err_format(ob_exc_TypeError,
                             "unsupported operand type(s) for %s: '%s', '%s', '%s'", sym,
                             ta->tp_name, tb->tp_name, KN_TYPE(mod)->tp_name);
    }
    return binop_type_error(a, b, sym);
}

KnObject *ob_number_power(KnObject *a, KnObject *b, KnObject *mod)
{
    return ternary_op(a, b, mod ? mod : KN_None, "** or pow()");
}

KnObject *ob_number_inplace_power(KnObject *a, KnObject *b, KnObject *mod)
{
    if (mod == NULL)
        mod = KN_None;
    ternaryfunc f = (ternaryfunc)SLOT_AT(KN_TYPE(a), OFF(nb_inplace_power));
    if (f != NULL) {
        KnObject *r = f(a, b, mod);
        if (r != KN_NotImplemented)
            return r;
    }
    return ternary_op(a, b, mod, "**=");
}

/* ------------------------------------------------------------ unary */

static KnObject *unary(KnObject *o, size_t off, const char *what)
{
    unaryfunc f = (unaryfunc)SLOT_AT(KN_TYPE(o), off);
    if (f != NULL)
        return f(o);
    return ob_err_format(ob_exc_TypeError, "bad operand type for %s: '%s'", what,
                         KN_TYPE(o)->tp_name);
}

KnObject *ob_number_negative(KnObject *o) { return unary(o, OFF(nb_negative), "unary -"); }
KnObject *ob_number_positive(KnObject *o) { return unary(o, OFF(nb_positive), "unary +"); }
KnObject *ob_number_invert(KnObject *o) { return unary(o, OFF(nb_invert), "unary ~"); }
KnObject *ob_number_absolute(KnObject *o) { return unary(o, OFF(nb_absolute), "abs()"); }

/* ------------------------------------------------------ conversions */

int ob_index_check(KnObject *o)
{
    KnNumberMethods *nb = KN_TYPE(o)->tp_as_number;
    return nb != NULL && nb->nb_index != NULL;
}

/* o.__index__() as an int, possibly of an int subclass. */
static KnObject *index_any_int(KnObject *o)
{
    if (KN_INT_CHECK(o))
        return o;
    if (!ob_index_check(o))
        return ob_err_format(ob_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                             KN_TYPE(o)->tp_name);
    KnObject *r = KN_TYPE(o)->tp_as_number->nb_index(o);
    if (r == NULL || KN_INT_CHECK_EXACT(r))
        return r;
    if (!KN_INT_CHECK(r))
        return ob_err_format(ob_exc_TypeError, "__index__ returned non-int (type %s)",
                             KN_TYPE(r)->tp_name);
    if (ob_err_warn_format((KnObject *)ob_exc_DeprecationWarning, 1,
                           "__index__ returned non-int (type %.200s).  The ability to return an "
                           "instance of a strict subclass of int is deprecated, and may be "
                           "removed in a future version of Python.", KN_TYPE(r)->tp_name) < 0)
        return NULL;
    return r;
}

KnObject *ob_number_index(KnObject *o)
{
    KnObject *r = index_any_int(o);
    if (r == NULL || KN_INT_CHECK_EXACT(r))
        return r;
    return ob_int_exact(r);
}

kn_ssize_t ob_number_as_ssize(KnObject *o, KnTypeObject *exc)
{
    KnObject *v = index_any_int(o);
    if (v == NULL)
        return -1;
    int overflow;
    long long x = ob_int_as_long_long_and_overflow(v, &overflow);
    if (overflow == 0 && x >= (long long)OB_PROTO_SSIZE_MIN && x <= (long long)OB_PROTO_SSIZE_MAX)
        return (kn_ssize_t)x;
    if (exc == NULL)
        return ob_int_sign(v) < 0 ? OB_PROTO_SSIZE_MIN : OB_PROTO_SSIZE_MAX;
    ob_err_format(exc, "cannot fit '%s' into an index-sized integer", KN_TYPE(o)->tp_name);
    return -1;
}

/* An __int__ / __trunc__ result: exact int, or an int subclass made exact. */
static KnObject *exact_int_result(KnObject *r, const char *meth)
{
    if (r == NULL || KN_INT_CHECK_EXACT(r))
        return r;
    if (KN_INT_CHECK(r))
        return ob_int_exact(r);
    return ob_err_format(ob_exc_TypeError, "%s returned non-int (type %s)", meth,
                         KN_TYPE(r)->tp_name);
}

/* int(text) for str, bytes and bytearray: 1 handled (*out set or error),
 * 0 not text. */
static int int_from_text(KnObject *o, KnObject **out)
{
    if (KN_STR_CHECK(o)) {
        kn_ssize_t n;
        char *a = ob_int_text_ascii(o, &n);
        *out = a ? ob_int_parse(a, n, 10, o) : NULL;
        return 1;
    }
    if (KN_BYTES_CHECK(o)) {
        *out = ob_int_parse(KN_BYTES_AS_STRING(o), KN_SIZE(o), 10, o);
        return 1;
    }
    if (KN_TYPE_CHECK(o, &ob_bytearray_type)) {
        KnByteArrayObject *ba = (KnByteArrayObject *)o;
        *out = ob_int_parse(ba->ob_start ? ba->ob_start : "", KN_SIZE(o), 10, o);
        return 1;
    }
    return 0;
}

KnObject *ob_number_long(KnObject *o)
{
    if (KN_INT_CHECK_EXACT(o))
        return o;
    KnNumberMethods *nb = KN_TYPE(o)->tp_as_number;
    if (nb != NULL && nb->nb_int != NULL) {
        KnObject *r = nb->nb_int(o);
        if (r != NULL && KN_INT_CHECK(r) && !KN_INT_CHECK_EXACT(r) &&
            ob_err_warn_format((KnObject *)ob_exc_DeprecationWarning, 1,
                               "__int__ returned non-int (type %.200s).  The ability to return "
                               "an instance of a strict subclass of int is deprecated, and may "
                               "be removed in a future version of Python.",
                               KN_TYPE(r)->tp_name) < 0)
            return NULL;
        return exact_int_result(r, "__int__");
    }
    if (nb != NULL && nb->nb_index != NULL)
        return ob_number_index(o);
    KnObject *trunc = ob_lookup_special(o, KN_ID(__trunc__));
    if (trunc != NULL) {
        if (ob_err_warn((KnObject *)ob_exc_DeprecationWarning,
                        "The delegation of int() to __trunc__ is deprecated.", 1) < 0)
            return NULL;
        KnObject *r = ob_call_noargs(trunc);
        if (r == NULL || KN_INT_CHECK(r))
            return exact_int_result(r, "__trunc__");
        if (!ob_index_check(r))
            return ob_err_format(ob_exc_TypeError, "__trunc__ returned non-Integral (type %s)",
                                 KN_TYPE(r)->tp_name);
        return ob_number_index(r);
    }
    if (ob_err_occurred())
        return NULL;
    KnObject *r;
    if (int_from_text(o, &r))
        return r;
    return ob_err_format(ob_exc_TypeError,
                         "int() argument must be a string, a bytes-like object or a real number, "
                         "not '%s'", KN_TYPE(o)->tp_name);
}

KnObject *ob_number_float(KnObject *o)
{
    if (KN_FLOAT_CHECK_EXACT(o))
        return o;
    KnNumberMethods *nb = KN_TYPE(o)->tp_as_number;
    if (nb != NULL && nb->nb_float != NULL) {
        KnObject *r = nb->nb_float(o);
        if (r == NULL || KN_FLOAT_CHECK_EXACT(r))
            return r;
        if (!KN_FLOAT_CHECK(r))
            return ob_err_format(ob_exc_TypeError, "%s.__float__ returned non-float (type %s)",
                                 KN_TYPE(o)->tp_name, KN_TYPE(r)->tp_name);
        if (ob_err_warn_format((KnObject *)ob_exc_DeprecationWarning, 1,
                               "%.50s.__float__ returned non-float (type %.50s).  The ability to "
                               "return an instance of a strict subclass of float is deprecated, "
                               "and may be removed in a future version of Python.",
                               KN_TYPE(o)->tp_name, KN_TYPE(r)->tp_name) < 0)
            return NULL;
        return ob_float_from_double(KN_FLOAT_VALUE(r));
    }
    if (nb != NULL && nb->nb_index != NULL) {
        KnObject *i = ob_number_index(o);
        if (i == NULL)
            return NULL;
        double d = ob_int_as_double(i);
        if (d == -1.0 && ob_err_occurred())
            return NULL;
        return ob_float_from_double(d);
    }
    if (KN_FLOAT_CHECK(o))
        return ob_float_from_double(KN_FLOAT_VALUE(o));
    if (KN_STR_CHECK(o) || KN_BYTES_CHECK(o) || KN_TYPE_CHECK(o, &ob_bytearray_type))
        return ob_float_new_impl(&ob_float_type, o);
    return ob_err_format(ob_exc_TypeError, "float() argument must be a string or a real number, "
                         "not '%s'", KN_TYPE(o)->tp_name);
}
