/*
 * bool.c — the bool type and the True/False singletons.
 *
 * bool is an int subclass whose two instances are statically allocated
 * KnLongObjects (digit 1 / ob_size 0), exactly CPython's layout, so every
 * int routine works on them unchanged.  bool is not subclassable (no
 * BASETYPE flag: the class machinery then reports "type 'bool' is not an
 * acceptable base type").
 */
#include "int_internal.h"
#include "libobject/errors.h"
#include "libobject/abstract.h"
#include "libobject/args.h"
#include "libobject/singletons.h"
#include "libobject/str.h"
#include "libobject/tuple.h"
#include "libobject/type.h"

KnLongObject ob_true_obj = { KN_VAR_HEAD_INIT(&ob_bool_type, 1), { 1 } };
KnLongObject ob_false_obj = { KN_VAR_HEAD_INIT(&ob_bool_type, 0), { 0 } };

static KnObject *bool_repr(KnObject *v)
{
    return ob_str_intern_cstr(v == KN_True ? "True" : "False");
}

/* & | ^ stay bool when both sides are bool; otherwise int arithmetic. */
#define BOOL_BITOP(name, intop, cop)                                         \
    static KnObject *name(KnObject *a, KnObject *b)                          \
    {                                                                        \
        if (KN_TYPE(a) == &ob_bool_type && KN_TYPE(b) == &ob_bool_type)      \
            return KN_BOOL((a == KN_True) cop (b == KN_True));               \
        return intop(a, b);                                                  \
    }

BOOL_BITOP(bool_and, ob_int_and, &)
BOOL_BITOP(bool_or, ob_int_or, |)
BOOL_BITOP(bool_xor, ob_int_xor, ^)

static KnObject *bool_vectorcall(KnObject *type, KnObject *const *args, size_t nargsf,
                                 KnObject *kwnames)
{
    kn_ssize_t n = KN_VECTORCALL_NARGS(nargsf);
    if (ob_args_no_keywords("bool", kwnames) < 0)
        return NULL;
    if (ob_args_check_positional("bool", n, 0, 1) < 0)
        return NULL;
    if (n == 0)
        return KN_False;
    int t = ob_is_true(args[0]);
    return t < 0 ? NULL : KN_BOOL(t);
}

static KnObject *bool_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    if (ob_args_no_kwargs_dict("bool", kwargs) < 0)
        return NULL;
    return bool_vectorcall((KnObject *)t, KN_TUPLE_ITEMS(args), (size_t)KN_SIZE(args), NULL);
}

static KnNumberMethods bool_as_number = {
    .nb_and = bool_and,
    .nb_xor = bool_xor,
    .nb_or = bool_or,
};

KnTypeObject ob_bool_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "bool",
    /* CPython allocates bool as a whole PyLongObject (one digit, padded:
     * 32 bytes); Cython checks this size when it imports bool. */
    .tp_basicsize = sizeof(KnLongObject),
    .tp_itemsize = sizeof(kn_digit),
    .tp_repr = bool_repr,
    .tp_as_number = &bool_as_number,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_LONG_SUBCLASS | KN_TPFLAGS_MATCH_SELF,
    .tp_doc = "bool(x) -> bool\n\n"
              "Returns True when the argument x is true, False otherwise.\n"
              "The builtins True and False are the only two instances of the class bool.\n"
              "The class bool is a subclass of the class int, and cannot be subclassed.",
    .tp_base = &ob_int_type,
    .tp_new = bool_new,
    .tp_vectorcall = bool_vectorcall,
};
