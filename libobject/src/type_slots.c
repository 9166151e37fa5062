/*
 * type_slots.c — the bridge between C slots and dunder methods.
 *
 *  - ob_slotdefs[]: one entry per dunder that maps to a C slot.
 *  - "slot wrappers": a static type's C slot shown as `int.__add__`
 *    (wrapper_descriptor; bound: method-wrapper), see slot_wrap.c.
 *  - "slot dispatch": for classes with Python-level dunders the C slot
 *    points at a function here that looks the dunder up on the type and
 *    calls it, so C code (ob_number_add, ob_repr, ...) sees one protocol.
 *
 * Binary-operator dispatch functions implement both directions: the one
 * slot nb_add serves __add__ and __radd__ (CPython's SLOT1BINFULL rule).
 */
#include <string.h>

#include "type_new.h"

/* Call special method `name` on o's type with args; *found = 0 when the
 * type has none (then NULL without an error). */
static KnObject *call_special(KnObject *o, KnObject *name, KnObject *const *args,
                              kn_ssize_t n, int *found)
{
    return ob_call_special(o, name, args, n, found);
}

/* Like call_special, but a missing method counts as NotImplemented. */
static KnObject *call_maybe(KnObject *o, KnObject *name, KnObject *const *args, kn_ssize_t n)
{
    int found;
    KnObject *r = call_special(o, name, args, n, &found);
    if (!found)
        return ob_err_occurred() ? NULL : KN_NotImplemented;
    return r;
}

static KnObject *call_required(KnObject *o, KnObject *name, KnObject *const *args, kn_ssize_t n)
{
    int found;
    KnObject *r = call_special(o, name, args, n, &found);
    if (!found && !ob_err_occurred())
        ob_err_attribute(o, name);
    return r;
}

/* Does type b define rname itself differently from type a?  (The reflected
 * method of a subclass goes first only if it overrides it.) */
static int overrides(KnTypeObject *b, KnTypeObject *a, KnObject *rname)
{
    KnObject *x = ob_type_lookup(b, rname);
    if (x == NULL)
        return 0;
    return x != ob_type_lookup(a, rname);
}

#define NBSLOT(t, f) ((t)->tp_as_number ? (void *)(t)->tp_as_number->f : NULL)

#define BINSLOT(FUNC, SLOT, NAME, RNAME)                                          \
static KnObject *FUNC(KnObject *a, KnObject *b)                                   \
{                                                                                 \
    KnTypeObject *ta = KN_TYPE(a), *tb = KN_TYPE(b);                              \
    int do_other = ta != tb && NBSLOT(tb, SLOT) == (void *)FUNC;                  \
    if (NBSLOT(ta, SLOT) == (void *)FUNC) {                                       \
        if (do_other && ob_type_is_subtype(tb, ta) && overrides(tb, ta, KN_ID(RNAME))) { \
            KnObject *r = call_maybe(b, KN_ID(RNAME), &a, 1);                     \
            if (r != KN_NotImplemented)                                           \
                return r;                                                         \
            do_other = 0;                                                         \
        }                                                                         \
        KnObject *r = call_maybe(a, KN_ID(NAME), &b, 1);                          \
        if (r != KN_NotImplemented || ta == tb)                                   \
            return r;                                                             \
    }                                                                             \
    if (do_other)                                                                 \
        return call_maybe(b, KN_ID(RNAME), &a, 1);                                \
    return KN_NotImplemented;                                                     \
}

BINSLOT(slot_nb_add, nb_add, __add__, __radd__)
BINSLOT(slot_nb_subtract, nb_subtract, __sub__, __rsub__)
BINSLOT(slot_nb_multiply, nb_multiply, __mul__, __rmul__)
BINSLOT(slot_nb_remainder, nb_remainder, __mod__, __rmod__)
BINSLOT(slot_nb_divmod, nb_divmod, __divmod__, __rdivmod__)
BINSLOT(slot_nb_lshift, nb_lshift, __lshift__, __rlshift__)
BINSLOT(slot_nb_rshift, nb_rshift, __rshift__, __rrshift__)
BINSLOT(slot_nb_and, nb_and, __and__, __rand__)
BINSLOT(slot_nb_xor, nb_xor, __xor__, __rxor__)
BINSLOT(slot_nb_or, nb_or, __or__, __ror__)
BINSLOT(slot_nb_floor_divide, nb_floor_divide, __floordiv__, __rfloordiv__)
BINSLOT(slot_nb_true_divide, nb_true_divide, __truediv__, __rtruediv__)
BINSLOT(slot_nb_matrix_multiply, nb_matrix_multiply, __matmul__, __rmatmul__)

static KnObject *slot_nb_power_binary(KnObject *a, KnObject *b);

static KnObject *slot_nb_power(KnObject *a, KnObject *b, KnObject *mod)
{
    if (mod == KN_None)
        return slot_nb_power_binary(a, b);
    /* three-argument pow: only __pow__ of a, never reflected */
    if (KN_TYPE(a)->tp_as_number && (void *)KN_TYPE(a)->tp_as_number->nb_power == (void *)slot_nb_power) {
        KnObject *args[2] = { b, mod };
        return call_maybe(a, KN_ID(__pow__), args, 2);
    }
    return KN_NotImplemented;
}

/* nb_power is ternary, so BINSLOT does not fit: the binary form by hand. */
static KnObject *slot_nb_power_binary(KnObject *a, KnObject *b)
{
    KnTypeObject *ta = KN_TYPE(a), *tb = KN_TYPE(b);
    int do_other = ta != tb && NBSLOT(tb, nb_power) == (void *)slot_nb_power;
    if (NBSLOT(ta, nb_power) == (void *)slot_nb_power) {
        if (do_other && ob_type_is_subtype(tb, ta) && overrides(tb, ta, KN_ID(__rpow__))) {
            KnObject *r = call_maybe(b, KN_ID(__rpow__), &a, 1);
            if (r != KN_NotImplemented)
                return r;
            do_other = 0;
        }
        KnObject *r = call_maybe(a, KN_ID(__pow__), &b, 1);
        if (r != KN_NotImplemented || ta == tb)
            return r;
    }
    if (do_other)
        return call_maybe(b, KN_ID(__rpow__), &a, 1);
    return KN_NotImplemented;
}

#define INPLACESLOT(FUNC, NAME) \
static KnObject *FUNC(KnObject *a, KnObject *b) { return call_maybe(a, KN_ID(NAME), &b, 1); }

INPLACESLOT(slot_nb_inplace_add, __iadd__)
INPLACESLOT(slot_nb_inplace_subtract, __isub__)
INPLACESLOT(slot_nb_inplace_multiply, __imul__)
INPLACESLOT(slot_nb_inplace_remainder, __imod__)
INPLACESLOT(slot_nb_inplace_lshift, __ilshift__)
INPLACESLOT(slot_nb_inplace_rshift, __irshift__)
INPLACESLOT(slot_nb_inplace_and, __iand__)
INPLACESLOT(slot_nb_inplace_xor, __ixor__)
INPLACESLOT(slot_nb_inplace_or, __ior__)
INPLACESLOT(slot_nb_inplace_floor_divide, __ifloordiv__)
INPLACESLOT(slot_nb_inplace_true_divide, __itruediv__)
INPLACESLOT(slot_nb_inplace_matrix_multiply, __imatmul__)

static KnObject *slot_nb_inplace_power(KnObject *a, KnObject *b, KnObject *mod)
{
    return call_maybe(a, KN_ID(__ipow__), &b, 1);
}

#define UNARYSLOT(FUNC, NAME) \
static KnObject *FUNC(KnObject *o) { return call_required(o, KN_ID(NAME), NULL, 0); }

UNARYSLOT(slot_nb_negative, __neg__)
UNARYSLOT(slot_nb_positive, __pos__)
UNARYSLOT(slot_nb_absolute, __abs__)
UNARYSLOT(slot_nb_invert, __invert__)
UNARYSLOT(slot_nb_int, __int__)
UNARYSLOT(slot_nb_float, __float__)
UNARYSLOT(slot_nb_index, __index__)
UNARYSLOT(slot_am_await, __await__)
UNARYSLOT(slot_am_aiter, __aiter__)
UNARYSLOT(slot_am_anext, __anext__)

/* __iter__ = None marks a class as not iterable */
static KnObject *slot_tp_iter(KnObject *o)
{
    if (ob_type_lookup(KN_TYPE(o), KN_ID(__iter__)) == KN_None)
        return ob_err_format(ob_exc_TypeError, "'%s' object is not iterable", KN_TNAME(o));
    return call_required(o, KN_ID(__iter__), NULL, 0);
}

static KnObject *slot_tp_iternext(KnObject *o)
{
    return call_required(o, KN_ID(__next__), NULL, 0);
}

static int slot_nb_bool(KnObject *o)
{
    int found;
    KnObject *r = call_special(o, KN_ID(__bool__), NULL, 0, &found);
    if (!found) {
        if (ob_err_occurred())
            return -1;
        r = call_special(o, KN_ID(__len__), NULL, 0, &found);
        if (!found)
            return ob_err_occurred() ? -1 : 1;
        if (r == NULL)
            return -1;
        kn_ssize_t n = ob_number_as_ssize(r, ob_exc_OverflowError);
        if (n == -1 && ob_err_occurred())
            return -1;
        if (n < 0) {
            ob_err_set_string(ob_exc_ValueError, "__len__() should return >= 0");
            return -1;
        }
        return n > 0;
    }
    if (r == NULL)
        return -1;
    if (r == KN_True)
        return 1;
    if (r == KN_False)
        return 0;
    ob_err_format(ob_exc_TypeError, "__bool__ should return bool, returned %s", KN_TNAME(r));
    return -1;
}

static kn_ssize_t slot_sq_length(KnObject *o)
{
    KnObject *r = call_required(o, KN_ID(__len__), NULL, 0);
    if (r == NULL)
        return -1;
    if (!ob_index_check(r)) {
        ob_err_format(ob_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                      KN_TNAME(r));
        return -1;
    }
    kn_ssize_t n = ob_number_as_ssize(r, ob_exc_OverflowError);
    if (n == -1 && ob_err_occurred())
        return -1;
    if (n < 0) {
        ob_err_set_string(ob_exc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return n;
}

static KnObject *slot_mp_subscript(KnObject *o, KnObject *key)
{
    return call_required(o, KN_ID(__getitem__), &key, 1);
}

static KnObject *slot_sq_item(KnObject *o, kn_ssize_t i)
{
    KnObject *k = ob_int_from_ssize(i);
    return k ? call_required(o, KN_ID(__getitem__), &k, 1) : NULL;
}

static int slot_mp_ass_subscript(KnObject *o, KnObject *key, KnObject *value)
{
    KnObject *r;
    if (value == NULL) {
        r = call_required(o, KN_ID(__delitem__), &key, 1);
    } else {
        KnObject *args[2] = { key, value };
        r = call_required(o, KN_ID(__setitem__), args, 2);
    }
    return r ? 0 : -1;
}

static int slot_sq_contains(KnObject *o, KnObject *v)
{
    if (ob_type_lookup(KN_TYPE(o), KN_ID(__contains__)) == KN_None) {
        ob_err_format(ob_exc_TypeError, "'%s' object is not a container", KN_TNAME(o));
        return -1;
    }
    int found;
    KnObject *r = call_special(o, KN_ID(__contains__), &v, 1, &found);
    if (!found) {
        if (ob_err_occurred())
            return -1;
        /* a class with __contains__ = None, or iteration fallback */
        KnObject *it = ob_get_iter(o);
        if (it == NULL)
            return -1;
        KnObject *x;
        while ((x = ob_iter_next(it)) != NULL) {
            int eq = ob_richcompare_bool(x, v, KN_EQ);
            if (eq != 0)
                return eq;
        }
        return ob_err_occurred() ? -1 : 0;
    }
    return r ? ob_is_true(r) : -1;
}

static KnObject *slot_tp_repr(KnObject *o)
{
    return call_required(o, KN_ID(__repr__), NULL, 0);
}

static KnObject *slot_tp_str(KnObject *o)
{
    return call_required(o, KN_ID(__str__), NULL, 0);
}

static kn_hash_t slot_tp_hash(KnObject *o)
{
    KnObject *m = ob_type_lookup(KN_TYPE(o), KN_ID(__hash__));
    if (m == NULL || m == KN_None)
        return ob_hash_not_implemented(o);
    KnObject *r = call_required(o, KN_ID(__hash__), NULL, 0);
    if (r == NULL)
        return -1;
    if (!KN_INT_CHECK(r)) {
        ob_err_set_string(ob_exc_TypeError, "__hash__ method should return an integer");
        return -1;
    }
    /* the value itself when it fits a machine word; bigger ints are
     * reduced the way int's own hash does */
    kn_hash_t h = ob_int_as_ssize(r);
    if (h == -1 && ob_err_occurred()) {
        if (!ob_err_matches((KnObject *)ob_exc_OverflowError))
            return -1;
        ob_err_clear();
        h = ob_hash(r);
    }
    return h == -1 && !ob_err_occurred() ? -2 : h;
}

static KnObject *slot_tp_call(KnObject *o, KnObject *args, KnObject *kwargs)
{
    KnObject *m = ob_lookup_special(o, KN_ID(__call__));
    if (m == NULL)
        return ob_err_occurred() ? NULL : ob_err_format(ob_exc_TypeError,
                                                        "'%s' object is not callable", KN_TNAME(o));
    return ob_call(m, args, kwargs);
}

static KnObject *slot_tp_richcompare(KnObject *a, KnObject *b, int op)
{
    static const int names[] = { OB_NAME___lt__, OB_NAME___le__, OB_NAME___eq__,
                                 OB_NAME___ne__, OB_NAME___gt__, OB_NAME___ge__ };
    /* a missing method is NotImplemented; one set to None is called
     * (and fails) as in CPython */
    return call_maybe(a, ob_names[names[op]], &b, 1);
}

/* __getattribute__ then, on AttributeError, __getattr__. */
static KnObject *slot_tp_getattr_hook(KnObject *o, KnObject *name)
{
    KnTypeObject *tp = KN_TYPE(o);
    KnObject *getattribute = ob_type_lookup(tp, KN_ID(__getattribute__));
    KnObject *dflt = ob_dict_getitem(ob_object_type.tp_dict, KN_ID(__getattribute__));
    KnObject *r;
    if (getattribute == NULL || getattribute == dflt)
        r = ob_generic_getattr(o, name);
    else
        r = call_required(o, KN_ID(__getattribute__), &name, 1);
    if (r != NULL || !ob_err_matches((KnObject *)ob_exc_AttributeError))
        return r;
    if (ob_type_lookup(tp, KN_ID(__getattr__)) == NULL)
        return NULL;
    ob_err_clear();
    return call_required(o, KN_ID(__getattr__), &name, 1);
}

static int slot_tp_setattro(KnObject *o, KnObject *name, KnObject *value)
{
    KnObject *r;
    if (value == NULL) {
        r = call_required(o, KN_ID(__delattr__), &name, 1);
    } else {
        KnObject *args[2] = { name, value };
        r = call_required(o, KN_ID(__setattr__), args, 2);
    }
    return r ? 0 : -1;
}

int ob_slot_is_python_setattro(setattrofunc f)
{
    return f == slot_tp_setattro;
}

static KnObject *slot_tp_descr_get(KnObject *self, KnObject *obj, KnObject *type)
{
    KnObject *args[2] = { obj ? obj : KN_None, type ? type : KN_None };
    return call_required(self, KN_ID(__get__), args, 2);
}

static int slot_tp_descr_set(KnObject *self, KnObject *obj, KnObject *value)
{
    KnObject *r;
    if (value == NULL) {
        r = call_required(self, KN_ID(__delete__), &obj, 1);
    } else {
        KnObject *args[2] = { obj, value };
        r = call_required(self, KN_ID(__set__), args, 2);
    }
    return r ? 0 : -1;
}

static int slot_tp_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    KnObject *m = ob_lookup_special(self, KN_ID(__init__));
    if (m == NULL) {
        if (!ob_err_occurred())
            ob_err_attribute(self, KN_ID(__init__));
        return -1;
    }
    KnObject *r = ob_call(m, args, kwargs);
    if (r == NULL)
        return -1;
    if (r != KN_None) {
        ob_err_format(ob_exc_TypeError, "__init__() should return None, not '%s'", KN_TNAME(r));
        return -1;
    }
    return 0;
}

static KnObject *slot_tp_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    KnObject *f = ob_getattr((KnObject *)t, KN_ID(__new__));
    if (f == NULL)
        return NULL;
    kn_ssize_t n = KN_SIZE(args);
    KnObject *full = ob_tuple_new(n + 1);
    if (full == NULL)
        return NULL;
    KN_TUPLE_SET(full, 0, (KnObject *)t);
    for (kn_ssize_t i = 0; i < n; i++)
        KN_TUPLE_SET(full, i + 1, KN_TUPLE_GET(args, i));
    return ob_call(f, full, kwargs);
}

static void slot_tp_finalize(KnObject *self)
{
    KnObject *exc = ob_err_fetch();
    int found;
    KnObject *r = call_special(self, KN_ID(__del__), NULL, 0, &found);
    if (found && r == NULL) {
        /* as CPython: "Exception ignored in: <function C.__del__ ...>" */
        KnObject *del = ob_type_lookup(KN_TYPE(self), KN_ID(__del__));
        ob_err_write_unraisable(del != NULL ? del : self);
    }
    ob_err_restore(exc);
}

/* ------------------------------------------------------------ the table */

#define TP(f) 0, offsetof(KnTypeObject, f)
#define NB(f) 1, offsetof(KnNumberMethods, f)
#define SQ(f) 2, offsetof(KnSequenceMethods, f)
#define MP(f) 3, offsetof(KnMappingMethods, f)
#define AM(f) 4, offsetof(KnAsyncMethods, f)

const KnSlotDef ob_slotdefs[] = {
    { "__getattribute__", TP(tp_getattro), (void *)slot_tp_getattr_hook, KN_WRAP_GETATTR, 0, "Return getattr(self, name)." },
    { "__getattr__", TP(tp_getattro), (void *)slot_tp_getattr_hook, -1, 0, NULL },
    { "__setattr__", TP(tp_setattro), (void *)slot_tp_setattro, KN_WRAP_SETATTR, 0, "Implement setattr(self, name, value)." },
    { "__delattr__", TP(tp_setattro), (void *)slot_tp_setattro, KN_WRAP_DELATTR, 0, "Implement delattr(self, name)." },
    { "__repr__", TP(tp_repr), (void *)slot_tp_repr, KN_WRAP_UNARY, 0, "Return repr(self)." },
    { "__hash__", TP(tp_hash), (void *)slot_tp_hash, KN_WRAP_HASH, 0, "Return hash(self)." },
    { "__call__", TP(tp_call), (void *)slot_tp_call, KN_WRAP_CALL, 0, "Call self as a function." },
    { "__str__", TP(tp_str), (void *)slot_tp_str, KN_WRAP_UNARY, 0, "Return str(self)." },
    { "__lt__", TP(tp_richcompare), (void *)slot_tp_richcompare, KN_WRAP_RICHCMP, KN_LT, "Return self<value." },
    { "__le__", TP(tp_richcompare), (void *)slot_tp_richcompare, KN_WRAP_RICHCMP, KN_LE, "Return self<=value." },
    { "__eq__", TP(tp_richcompare), (void *)slot_tp_richcompare, KN_WRAP_RICHCMP, KN_EQ, "Return self==value." },
    { "__ne__", TP(tp_richcompare), (void *)slot_tp_richcompare, KN_WRAP_RICHCMP, KN_NE, "Return self!=value." },
    { "__gt__", TP(tp_richcompare), (void *)slot_tp_richcompare, KN_WRAP_RICHCMP, KN_GT, "Return self>value." },
    { "__ge__", TP(tp_richcompare), (void *)slot_tp_richcompare, KN_WRAP_RICHCMP, KN_GE, "Return self>=value." },
    { "__iter__", TP(tp_iter), (void *)slot_tp_iter, KN_WRAP_UNARY, 0, "Implement iter(self)." },
    { "__next__", TP(tp_iternext), (void *)slot_tp_iternext, KN_WRAP_NEXT, 0, "Implement next(self)." },
    { "__get__", TP(tp_descr_get), (void *)slot_tp_descr_get, KN_WRAP_DESCR_GET, 0, "Return an attribute of instance, which is of type owner." },
    { "__set__", TP(tp_descr_set), (void *)slot_tp_descr_set, KN_WRAP_DESCR_SET, 0, "Set an attribute of instance to value." },
    { "__delete__", TP(tp_descr_set), (void *)slot_tp_descr_set, KN_WRAP_DESCR_DELETE, 0, "Delete an attribute of instance." },
    { "__init__", TP(tp_init), (void *)slot_tp_init, KN_WRAP_INIT, 0, "Initialize self.  See help(type(self)) for accurate signature." },
    { "__new__", TP(tp_new), (void *)slot_tp_new, -1, 0, NULL },
    { "__del__", TP(tp_finalize), (void *)slot_tp_finalize, KN_WRAP_DEL, 0, "Called when the instance is about to be destroyed." },
    { "__await__", AM(am_await), (void *)slot_am_await, KN_WRAP_UNARY, 0, "Return an iterator to be used in await expression." },
    { "__aiter__", AM(am_aiter), (void *)slot_am_aiter, KN_WRAP_UNARY, 0, "Return an awaitable, that resolves in asynchronous iterator." },
    { "__anext__", AM(am_anext), (void *)slot_am_anext, KN_WRAP_UNARY, 0, "Return a value or raise StopAsyncIteration." },
    { "__add__", NB(nb_add), (void *)slot_nb_add, KN_WRAP_BINARY, 0, "Return self+value." },
    { "__radd__", NB(nb_add), (void *)slot_nb_add, KN_WRAP_BINARY_R, 0, "Return value+self." },
    { "__sub__", NB(nb_subtract), (void *)slot_nb_subtract, KN_WRAP_BINARY, 0, "Return self-value." },
    { "__rsub__", NB(nb_subtract), (void *)slot_nb_subtract, KN_WRAP_BINARY_R, 0, "Return value-self." },
    { "__mul__", NB(nb_multiply), (void *)slot_nb_multiply, KN_WRAP_BINARY, 0, "Return self*value." },
    { "__rmul__", NB(nb_multiply), (void *)slot_nb_multiply, KN_WRAP_BINARY_R, 0, "Return value*self." },
    { "__mod__", NB(nb_remainder), (void *)slot_nb_remainder, KN_WRAP_BINARY, 0, "Return self%value." },
    { "__rmod__", NB(nb_remainder), (void *)slot_nb_remainder, KN_WRAP_BINARY_R, 0, "Return value%self." },
    { "__divmod__", NB(nb_divmod), (void *)slot_nb_divmod, KN_WRAP_BINARY, 0, "Return divmod(self, value)." },
    { "__rdivmod__", NB(nb_divmod), (void *)slot_nb_divmod, KN_WRAP_BINARY_R, 0, "Return divmod(value, self)." },
    { "__pow__", NB(nb_power), (void *)slot_nb_power, KN_WRAP_TERNARY, 0, "Return pow(self, value, mod)." },
    { "__rpow__", NB(nb_power), (void *)slot_nb_power, KN_WRAP_TERNARY_R, 0, "Return pow(value, self, mod)." },
    { "__neg__", NB(nb_negative), (void *)slot_nb_negative, KN_WRAP_UNARY, 0, "-self" },
    { "__pos__", NB(nb_positive), (void *)slot_nb_positive, KN_WRAP_UNARY, 0, "+self" },
    { "__abs__", NB(nb_absolute), (void *)slot_nb_absolute, KN_WRAP_UNARY, 0, "abs(self)" },
    { "__bool__", NB(nb_bool), (void *)slot_nb_bool, KN_WRAP_INQUIRY, 0, "True if self else False" },
    { "__invert__", NB(nb_invert), (void *)slot_nb_invert, KN_WRAP_UNARY, 0, "~self" },
    { "__lshift__", NB(nb_lshift), (void *)slot_nb_lshift, KN_WRAP_BINARY, 0, "Return self<<value." },
    { "__rlshift__", NB(nb_lshift), (void *)slot_nb_lshift, KN_WRAP_BINARY_R, 0, "Return value<<self." },
    { "__rshift__", NB(nb_rshift), (void *)slot_nb_rshift, KN_WRAP_BINARY, 0, "Return self>>value." },
    { "__rrshift__", NB(nb_rshift), (void *)slot_nb_rshift, KN_WRAP_BINARY_R, 0, "Return value>>self." },
    { "__and__", NB(nb_and), (void *)slot_nb_and, KN_WRAP_BINARY, 0, "Return self&value." },
    { "__rand__", NB(nb_and), (void *)slot_nb_and, KN_WRAP_BINARY_R, 0, "Return value&self." },
    { "__xor__", NB(nb_xor), (void *)slot_nb_xor, KN_WRAP_BINARY, 0, "Return self^value." },
    { "__rxor__", NB(nb_xor), (void *)slot_nb_xor, KN_WRAP_BINARY_R, 0, "Return value^self." },
    { "__or__", NB(nb_or), (void *)slot_nb_or, KN_WRAP_BINARY, 0, "Return self|value." },
    { "__ror__", NB(nb_or), (void *)slot_nb_or, KN_WRAP_BINARY_R, 0, "Return value|self." },
    { "__int__", NB(nb_int), (void *)slot_nb_int, KN_WRAP_UNARY, 0, "int(self)" },
    { "__float__", NB(nb_float), (void *)slot_nb_float, KN_WRAP_UNARY, 0, "float(self)" },
    { "__iadd__", NB(nb_inplace_add), (void *)slot_nb_inplace_add, KN_WRAP_BINARY, 0, "Return self+=value." },
    { "__isub__", NB(nb_inplace_subtract), (void *)slot_nb_inplace_subtract, KN_WRAP_BINARY, 0, "Return self-=value." },
    { "__imul__", NB(nb_inplace_multiply), (void *)slot_nb_inplace_multiply, KN_WRAP_BINARY, 0, "Return self*=value." },
    { "__imod__", NB(nb_inplace_remainder), (void *)slot_nb_inplace_remainder, KN_WRAP_BINARY, 0, "Return self%=value." },
    { "__ipow__", NB(nb_inplace_power), (void *)slot_nb_inplace_power, KN_WRAP_TERNARY, 0, "Return self**=value." },
    { "__ilshift__", NB(nb_inplace_lshift), (void *)slot_nb_inplace_lshift, KN_WRAP_BINARY, 0, "Return self<<=value." },
    { "__irshift__", NB(nb_inplace_rshift), (void *)slot_nb_inplace_rshift, KN_WRAP_BINARY, 0, "Return self>>=value." },
    { "__iand__", NB(nb_inplace_and), (void *)slot_nb_inplace_and, KN_WRAP_BINARY, 0, "Return self&=value." },
    { "__ixor__", NB(nb_inplace_xor), (void *)slot_nb_inplace_xor, KN_WRAP_BINARY, 0, "Return self^=value." },
    { "__ior__", NB(nb_inplace_or), (void *)slot_nb_inplace_or, KN_WRAP_BINARY, 0, "Return self|=value." },
    { "__floordiv__", NB(nb_floor_divide), (void *)slot_nb_floor_divide, KN_WRAP_BINARY, 0, "Return self//value." },
    { "__rfloordiv__", NB(nb_floor_divide), (void *)slot_nb_floor_divide, KN_WRAP_BINARY_R, 0, "Return value//self." },
    { "__truediv__", NB(nb_true_divide), (void *)slot_nb_true_divide, KN_WRAP_BINARY, 0, "Return self/value." },
    { "__rtruediv__", NB(nb_true_divide), (void *)slot_nb_true_divide, KN_WRAP_BINARY_R, 0, "Return value/self." },
    { "__ifloordiv__", NB(nb_inplace_floor_divide), (void *)slot_nb_inplace_floor_divide, KN_WRAP_BINARY, 0, "Return self//=value." },
    { "__itruediv__", NB(nb_inplace_true_divide), (void *)slot_nb_inplace_true_divide, KN_WRAP_BINARY, 0, "Return self/=value." },
    { "__index__", NB(nb_index), (void *)slot_nb_index, KN_WRAP_UNARY, 0, "Return self converted to an integer, if self is suitable for use as an index into a list." },
    { "__matmul__", NB(nb_matrix_multiply), (void *)slot_nb_matrix_multiply, KN_WRAP_BINARY, 0, "Return self@value." },
    { "__rmatmul__", NB(nb_matrix_multiply), (void *)slot_nb_matrix_multiply, KN_WRAP_BINARY_R, 0, "Return value@self." },
    { "__imatmul__", NB(nb_inplace_matrix_multiply), (void *)slot_nb_inplace_matrix_multiply, KN_WRAP_BINARY, 0, "Return self@=value." },
    { "__len__", MP(mp_length), (void *)slot_sq_length, KN_WRAP_LEN, 0, "Return len(self)." },
    { "__getitem__", MP(mp_subscript), (void *)slot_mp_subscript, KN_WRAP_BINARY, 0, "Return self[key]." },
    { "__setitem__", MP(mp_ass_subscript), (void *)slot_mp_ass_subscript, KN_WRAP_OBJOBJARG_SET, 0, "Set self[key] to value." },
    { "__delitem__", MP(mp_ass_subscript), (void *)slot_mp_ass_subscript, KN_WRAP_OBJOBJARG_DEL, 0, "Delete self[key]." },
    { "__len__", SQ(sq_length), (void *)slot_sq_length, KN_WRAP_LEN, 0, "Return len(self)." },
    { "__add__", SQ(sq_concat), NULL, KN_WRAP_BINARY, 0, "Return self+value." },
    { "__mul__", SQ(sq_repeat), NULL, KN_WRAP_SQ_REPEAT, 0, "Return self*value." },
    { "__rmul__", SQ(sq_repeat), NULL, KN_WRAP_SQ_REPEAT, 0, "Return value*self." },
    { "__getitem__", SQ(sq_item), (void *)slot_sq_item, KN_WRAP_SQ_ITEM, 0, "Return self[key]." },
    { "__setitem__", SQ(sq_ass_item), NULL, KN_WRAP_SQ_SETITEM, 0, "Set self[key] to value." },
    { "__delitem__", SQ(sq_ass_item), NULL, KN_WRAP_SQ_DELITEM, 0, "Delete self[key]." },
    { "__contains__", SQ(sq_contains), (void *)slot_sq_contains, KN_WRAP_OBJOBJ, 0, "Return key in self." },
    { "__iadd__", SQ(sq_inplace_concat), NULL, KN_WRAP_BINARY, 0, "Implement self+=value." },
    { "__imul__", SQ(sq_inplace_repeat), NULL, KN_WRAP_SQ_REPEAT, 0, "Implement self*=value." },
};
const int ob_slotdefs_count = (int)(sizeof ob_slotdefs / sizeof ob_slotdefs[0]);

void **ob_slot_ptr(KnTypeObject *t, const KnSlotDef *s)
{
    char *base;
    switch (s->table) {
    case 0: base = (char *)t; break;
    case 1: base = (char *)t->tp_as_number; break;
    case 2: base = (char *)t->tp_as_sequence; break;
    case 3: base = (char *)t->tp_as_mapping; break;
    default: base = (char *)t->tp_as_async; break;
    }
    return base ? (void **)(base + s->offset) : NULL;
}

/* Static types: every C slot the type sets itself (not inherited: this
 * runs before inheritance) gets a wrapper descriptor, unless the dict
 * already has the name (an explicit method wins). */
int ob_type_add_slot_wrappers(KnTypeObject *t)
{
    KnObject *d = t->tp_dict;
    for (int i = 0; i < ob_slotdefs_count; i++) {
        const KnSlotDef *s = &ob_slotdefs[i];
        if ((int)s->wrap < 0)
            continue;
        void **p = ob_slot_ptr(t, s);
        if (p == NULL || *p == NULL)
            continue;
        KnObject *name = ob_str_intern_cstr(s->name);
        if (name == NULL)
            return -1;
        if (ob_dict_getitem(d, name) != NULL)
            continue;
        if (*p == (void *)ob_hash_not_implemented) {
            if (ob_dict_setitem(d, name, KN_None) < 0)
                return -1;
            continue;
        }
        KnObject *w = ob_descr_new_wrapper(t, s, *p);
        if (w == NULL || ob_dict_setitem(d, name, w) < 0)
            return -1;
    }
    return 0;
}

/* Per slotdef, computed once: its interned name, and the chain of
 * slotdefs that share its C slot (first_same[i] is the chain's head). */
#define MAX_SLOTDEFS 128
static KnObject *slot_names[MAX_SLOTDEFS];
static signed char first_same[MAX_SLOTDEFS], next_same[MAX_SLOTDEFS];
static int slot_index_ready;

static int slot_index_init(void)
{
    if (slot_index_ready)
        return 0;
    if (ob_slotdefs_count > MAX_SLOTDEFS) {
        ob_err_set_string(ob_exc_SystemError, "slot table larger than MAX_SLOTDEFS");
        return -1;
    }
    for (int i = 0; i < ob_slotdefs_count; i++) {
        if ((slot_names[i] = ob_str_intern_cstr(ob_slotdefs[i].name)) == NULL)
            return -1;
        first_same[i] = (signed char)i;
        next_same[i] = -1;
        for (int j = 0; j < i; j++)
            if (ob_slotdefs[j].table == ob_slotdefs[i].table &&
                ob_slotdefs[j].offset == ob_slotdefs[i].offset) {
                first_same[i] = first_same[j];
                int k = j;
                while (next_same[k] >= 0)
                    k = next_same[k];
                next_same[k] = (signed char)i;
                break;
            }
    }
    slot_index_ready = 1;
    return 0;
}

/* The one slot of t among those a dunder name stands for (`__mul__`:
 * nb_multiply and sq_repeat) that is filled, or NULL when none or more than
 * one is. */
static void **only_slot_named(KnTypeObject *t, const char *name)
{
    void **found = NULL;
    for (int k = 0; k < ob_slotdefs_count; k++) {
        if (strcmp(ob_slotdefs[k].name, name) != 0)
            continue;
        void **q = ob_slot_ptr(t, &ob_slotdefs[k]);
        if (q == NULL || *q == NULL || q == found)
            continue;
        if (found != NULL)
            return NULL;
        found = q;
    }
    return found;
}

/* Whether the slot d belongs to is a binary operator slot with a
 * reflected dunder (nb_add: `__add__` and `__radd__`).  Such a slot is
 * called with the operands either way round, so it never takes a C
 * function written for `self` on the left (CPython's wrap_binaryfunc_l
 * versus wrap_binaryfunc). */
static int slot_reflected(const KnSlotDef *d)
{
    for (int k = 0; k < ob_slotdefs_count; k++)
        if (ob_slotdefs[k].table == d->table && ob_slotdefs[k].offset == d->offset &&
            ob_slotdefs[k].wrap == KN_WRAP_BINARY_R)
            return 1;
    return 0;
}

/* Heap types: decide each slot from what the MRO defines for its
 * dunder(s).  A slot whose dunders are all wrappers of the same C
 * function gets that C function back (so a subclass of int keeps int's
 * fast nb_add); anything defined in Python gets the dispatch function. */
static int update_one(KnTypeObject *t, int index)
{
    const KnSlotDef *s = &ob_slotdefs[index];
    void **p = ob_slot_ptr(t, s);
    if (p == NULL)
        return 0;
    void *use = NULL;
    int any = 0, generic = 0, no_specific = 0, dispatch_ok = 0;
    void *specific = NULL;
    /* all slot defs sharing this slot pointer */
    for (int j = first_same[index]; j >= 0; j = next_same[j]) {
        const KnSlotDef *o = &ob_slotdefs[j];
        KnObject *descr = ob_type_lookup(t, slot_names[j]);
        if (descr == NULL)
            continue;
        any = 1;
        if (descr == KN_None && o->offset == offsetof(KnTypeObject, tp_hash) && o->table == 0) {
            specific = (void *)ob_hash_not_implemented;
            continue;
        }
        if (KN_TYPE(descr) == &ob_wrapper_descr_type) {
            void *w = ((KnWrapperDescrObject *)descr)->d_wrapped;
            const KnSlotDef *wb = ((KnWrapperDescrObject *)descr)->d_base;
            if (wb->table == s->table && wb->offset == s->offset &&
                (specific == NULL || specific == w)) {
                specific = w;
                continue;
            }
            if ((wb->table != s->table || wb->offset != s->offset) &&
                strcmp(wb->name, o->name) == 0) {
                /* The wrapper of another slot under the same name, as
                 * CPython decides it: its C function is taken when the
                 * two slots have the same signature (list's `__iadd__`,
                 * sq_inplace_concat, also fills nb_inplace_add); else the
                 * slot gets the dispatcher only when it is the one slot of
                 * that name the type fills (or none or several are), and
                 * stays empty otherwise (str's `__mul__` wraps sq_repeat:
                 * a str subclass has no nb_multiply, so `"ab" * S()` says
                 * "can't multiply sequence by non-int of type 'S'"). */
                void **only = only_slot_named(t, o->name);
                if (only == NULL || only == p)
                    dispatch_ok = 1;
                if (wb->wrap == o->wrap && !slot_reflected(o) && !slot_reflected(wb) &&
                    (specific == NULL || specific == w))
                    specific = w;
                else
                    no_specific = 1;
                continue;
            }
        }
        if (o->table == 0 && o->offset == offsetof(KnTypeObject, tp_new) &&
            KN_TYPE(descr) == &ob_staticmethod_type) {
            generic = 1;
            continue;
        }
        if (o->table == 0 && o->offset == offsetof(KnTypeObject, tp_new) &&
            ob_type_is_new_wrapper(descr)) {
            /* tp_new_wrapper of a static base: the slot keeps what it
             * holds (inherited from the base when the class is made), as
             * CPython's -- so after `del C.__new__` the dispatcher stays
             * and object.__new__ then refuses C's arguments.  Only an
             * empty slot takes the owner's tp_new. */
            KnTypeObject *owner = (KnTypeObject *)((KnCFunctionObject *)descr)->m_self;
            void *keep = *p != NULL ? *p : (void *)owner->tp_new;
            if (specific == NULL || specific == keep) {
                specific = keep;
                continue;
            }
        }
        generic = 1;
    }
    if (!any)
        use = NULL;
    else if (generic)
        use = s->dispatch;
    else if (no_specific)
        use = dispatch_ok ? s->dispatch : NULL;
    else if (specific == NULL)
        use = s->dispatch;
    else
        use = specific;
    if (use == NULL && s->table == 0 && s->offset == offsetof(KnTypeObject, tp_getattro))
        use = (void *)ob_generic_getattr;
    if (use == NULL && s->table == 0 && s->offset == offsetof(KnTypeObject, tp_setattro))
        use = (void *)ob_generic_setattr;
    if (use == NULL && s->table == 0 && s->offset == offsetof(KnTypeObject, tp_new) &&
        t->tp_base != NULL)
        use = (void *)t->tp_base->tp_new;
    /* __getattr__ anywhere forces the hook for tp_getattro */
    if (s->table == 0 && s->offset == offsetof(KnTypeObject, tp_getattro) &&
        ob_type_lookup(t, KN_ID(__getattr__)) != NULL)
        use = (void *)slot_tp_getattr_hook;
    *p = use;
    return 0;
}

int ob_type_fixup_slots(KnTypeObject *t)
{
    if (slot_index_init() < 0)
        return -1;
    for (int i = 0; i < ob_slotdefs_count; i++)
        if (first_same[i] == i && update_one(t, i) < 0)    /* each C slot once */
            return -1;
    return 0;
}

/* After `name` changed in t's dict: redo the slots named by it in t and
 * all its subclasses. */
int ob_type_update_slot(KnTypeObject *t, KnObject *name)
{
    if (!KN_TYPE_HAS_FLAG(t, KN_TPFLAGS_HEAPTYPE))
        return 0;
    if (slot_index_init() < 0)
        return -1;
    for (int i = 0; i < ob_slotdefs_count; i++) {
        if (slot_names[i] != name && !ob_str_equal(slot_names[i], name))
            continue;
        if (update_one(t, first_same[i]) < 0)
            return -1;
    }
    KnObject *subs = t->tp_subclasses;
    if (subs != NULL)
        for (kn_ssize_t i = 0; i < KN_SIZE(subs); i++)
            if (ob_type_update_slot((KnTypeObject *)KN_LIST_GET(subs, i), name) < 0)
                return -1;
    return 0;
}
