/*
 * weakref_proxy.c — weakref.ProxyType and weakref.CallableProxyType: every
 * operation is forwarded to the referent (operands that are proxies are
 * unwrapped too); once the referent is dead each one raises ReferenceError
 * "weakly-referenced object no longer exists".
 */
#include "core.h"
#include "weakref_internal.h"

/* The referent of proxy p, or NULL with ReferenceError set. */
static KnObject *referent(KnObject *p)
{
    KnObject *o = ((KnWeakReference *)p)->wr_object;
    if (o == KN_None) {
        ob_err_set_string(ob_exc_ReferenceError, "weakly-referenced object no longer exists");
        return NULL;
    }
    return o;
}

/* Any operand: a proxy becomes its referent, anything else stays. */
static KnObject *unwrap(KnObject *o)
{
    return KN_WEAKREF_PROXY_CHECK(o) ? referent(o) : o;
}

/* ------------------------------------------------------------ operators */

#define PROXY_BINARY(name, fn)                                        \
    static KnObject *proxy_##name(KnObject *a, KnObject *b)           \
    {                                                                 \
        if ((a = unwrap(a)) == NULL || (b = unwrap(b)) == NULL)       \
            return NULL;                                              \
        return fn(a, b);                                              \
    }
#define PROXY_UNARY(name, fn)                                         \
    static KnObject *proxy_##name(KnObject *p)                        \
    {                                                                 \
        KnObject *o = referent(p);                                    \
        return o == NULL ? NULL : fn(o);                              \
    }

PROXY_BINARY(add, ob_number_add)
PROXY_BINARY(sub, ob_number_subtract)
PROXY_BINARY(mul, ob_number_multiply)
PROXY_BINARY(mod, ob_number_remainder)
PROXY_BINARY(divmod, ob_number_divmod)
PROXY_BINARY(lshift, ob_number_lshift)
PROXY_BINARY(rshift, ob_number_rshift)
PROXY_BINARY(and, ob_number_and)
PROXY_BINARY(xor, ob_number_xor)
PROXY_BINARY(or, ob_number_or)
PROXY_BINARY(floordiv, ob_number_floordiv)
PROXY_BINARY(truediv, ob_number_truediv)
PROXY_BINARY(matmul, ob_number_matmul)
PROXY_BINARY(iadd, ob_number_inplace_add)
PROXY_BINARY(isub, ob_number_inplace_subtract)
PROXY_BINARY(imul, ob_number_inplace_multiply)
PROXY_BINARY(imod, ob_number_inplace_remainder)
PROXY_BINARY(ilshift, ob_number_inplace_lshift)
PROXY_BINARY(irshift, ob_number_inplace_rshift)
PROXY_BINARY(iand, ob_number_inplace_and)
PROXY_BINARY(ixor, ob_number_inplace_xor)
PROXY_BINARY(ior, ob_number_inplace_or)
PROXY_BINARY(ifloordiv, ob_number_inplace_floordiv)
PROXY_BINARY(itruediv, ob_number_inplace_truediv)
PROXY_BINARY(imatmul, ob_number_inplace_matmul)
PROXY_BINARY(getitem, ob_getitem)
PROXY_UNARY(neg, ob_number_negative)
PROXY_UNARY(pos, ob_number_positive)
PROXY_UNARY(abs, ob_number_absolute)
PROXY_UNARY(invert, ob_number_invert)
PROXY_UNARY(int, ob_number_long)
PROXY_UNARY(float, ob_number_float)
PROXY_UNARY(index, ob_number_index)
PROXY_UNARY(str, ob_str)
PROXY_UNARY(iter, ob_get_iter)

static KnObject *proxy_pow(KnObject *a, KnObject *b, KnObject *c)
{
    if ((a = unwrap(a)) == NULL || (b = unwrap(b)) == NULL || (c = unwrap(c)) == NULL)
        return NULL;
    return ob_number_power(a, b, c);
}

static KnObject *proxy_ipow(KnObject *a, KnObject *b, KnObject *c)
{
    if ((a = unwrap(a)) == NULL || (b = unwrap(b)) == NULL || (c = unwrap(c)) == NULL)
        return NULL;
    return ob_number_inplace_power(a, b, c);
}

static int proxy_bool(KnObject *p)
{
    KnObject *o = referent(p);
    return o == NULL ? -1 : ob_is_true(o);
}

static kn_ssize_t proxy_length(KnObject *p)
{
    KnObject *o = referent(p);
    return o == NULL ? -1 : ob_length(o);
}

static int proxy_setitem(KnObject *p, KnObject *key, KnObject *value)
{
    KnObject *o = referent(p);
    if (o == NULL || (key = unwrap(key)) == NULL)
        return -1;
    if (value == NULL)
        return ob_delitem(o, key);
    if ((value = unwrap(value)) == NULL)
        return -1;
    return ob_setitem(o, key, value);
}

static int proxy_contains(KnObject *p, KnObject *item)
{
    KnObject *o = referent(p);
    if (o == NULL || (item = unwrap(item)) == NULL)
        return -1;
    return ob_contains(o, item);
}

static KnObject *proxy_iternext(KnObject *p)
{
    KnObject *o = referent(p);
    if (o == NULL)
        return NULL;
    if (!ob_iter_check(o)) {
        ob_err_format(ob_exc_TypeError, "Weakref proxy referenced a non-iterator '%.200s' object",
                      KN_TNAME(o));
        return NULL;
    }
    return KN_TYPE(o)->tp_iternext(o);
}

/* ------------------------------------------ attributes, calls, compare */

static KnObject *proxy_getattr(KnObject *p, KnObject *name)
{
    KnObject *o = referent(p);
    return o == NULL ? NULL : ob_getattr(o, name);
}

static int proxy_setattr(KnObject *p, KnObject *name, KnObject *value)
{
    KnObject *o = referent(p);
    return o == NULL ? -1 : ob_setattr(o, name, value);
}

static KnObject *proxy_call(KnObject *p, KnObject *args, KnObject *kwargs)
{
    KnObject *o = referent(p);
    return o == NULL ? NULL : ob_call(o, args, kwargs);
}

static KnObject *proxy_richcompare(KnObject *a, KnObject *b, int op)
{
    if ((a = unwrap(a)) == NULL || (b = unwrap(b)) == NULL)
        return NULL;
    return ob_richcompare(a, b, op);
}

/* As CPython: the message names the type by its full tp_name. */
static kn_hash_t proxy_hash(KnObject *p)
{
    ob_err_format(ob_exc_TypeError, "unhashable type: '%s'", KN_TYPE(p)->tp_name);
    return -1;
}

static KnObject *proxy_repr(KnObject *p)
{
    KnObject *o = ((KnWeakReference *)p)->wr_object;
    return ob_str_from_format("<weakproxy at %p to %s at %p>", (void *)p, KN_TNAME(o),
                              (void *)o);
}

static KnObject *proxy_bytes(KnObject *p, KnObject *unused)
{
    (void)unused;
    KnObject *o = referent(p);
    return o == NULL ? NULL : ob_call_method(o, "__bytes__", 0);
}

static KnObject *proxy_reversed(KnObject *p, KnObject *unused)
{
    (void)unused;
    KnObject *o = referent(p);
    return o == NULL ? NULL : ob_call_method(o, "__reversed__", 0);
}

/* ----------------------------------------------------------- the types */

static KnNumberMethods proxy_as_number = {
    .nb_add = proxy_add, .nb_subtract = proxy_sub, .nb_multiply = proxy_mul,
    .nb_remainder = proxy_mod, .nb_divmod = proxy_divmod, .nb_power = proxy_pow,
    .nb_negative = proxy_neg, .nb_positive = proxy_pos, .nb_absolute = proxy_abs,
    .nb_bool = proxy_bool, .nb_invert = proxy_invert, .nb_lshift = proxy_lshift,
    .nb_rshift = proxy_rshift, .nb_and = proxy_and, .nb_xor = proxy_xor, .nb_or = proxy_or,
    .nb_int = proxy_int, .nb_float = proxy_float,
    .nb_inplace_add = proxy_iadd, .nb_inplace_subtract = proxy_isub,
    .nb_inplace_multiply = proxy_imul, .nb_inplace_remainder = proxy_imod,
    .nb_inplace_power = proxy_ipow, .nb_inplace_lshift = proxy_ilshift,
    .nb_inplace_rshift = proxy_irshift, .nb_inplace_and = proxy_iand,
    .nb_inplace_xor = proxy_ixor, .nb_inplace_or = proxy_ior,
    .nb_floor_divide = proxy_floordiv, .nb_true_divide = proxy_truediv,
    .nb_inplace_floor_divide = proxy_ifloordiv, .nb_inplace_true_divide = proxy_itruediv,
    .nb_index = proxy_index, .nb_matrix_multiply = proxy_matmul,
    .nb_inplace_matrix_multiply = proxy_imatmul,
};

static KnSequenceMethods proxy_as_sequence = { .sq_contains = proxy_contains };

static KnMappingMethods proxy_as_mapping = {
    .mp_length = proxy_length, .mp_subscript = proxy_getitem,
    .mp_ass_subscript = proxy_setitem,
};

static KnMethodDef proxy_methods[] = {
    { "__bytes__", (KnCFunction)proxy_bytes, KN_METH_NOARGS, NULL },
    { "__reversed__", (KnCFunction)proxy_reversed, KN_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL }
};

#define PROXY_TYPE(name_, call_)                                           \
    KN_VAR_HEAD_INIT(&ob_type_type, 0),                                    \
    .tp_name = name_,                                                      \
    .tp_basicsize = sizeof(KnWeakReference),                               \
    .tp_repr = proxy_repr,                                                 \
    .tp_as_number = &proxy_as_number,                                      \
    .tp_as_sequence = &proxy_as_sequence,                                  \
    .tp_as_mapping = &proxy_as_mapping,                                    \
    .tp_hash = proxy_hash,                                                \
    .tp_call = call_,                                                      \
    .tp_str = proxy_str,                                                   \
    .tp_getattro = proxy_getattr,                                          \
    .tp_setattro = proxy_setattr,                                          \
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_HAVE_GC,                   \
    .tp_richcompare = proxy_richcompare,                                   \
    .tp_iter = proxy_iter,                                                 \
    .tp_iternext = proxy_iternext,                                         \
    .tp_methods = proxy_methods

KnTypeObject ob_weakref_proxy_type = { PROXY_TYPE("weakref.ProxyType", NULL) };
KnTypeObject ob_weakref_callable_proxy_type = {
    PROXY_TYPE("weakref.CallableProxyType", proxy_call)
};
