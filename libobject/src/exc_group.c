/*
 * exc_group.c — BaseExceptionGroup and ExceptionGroup (PEP 654).
 *
 * BaseExceptionGroup is a static exception class whose instances add
 * `msg` (a str) and `excs` (a non-empty tuple of exceptions) to
 * BaseException's fields.  ExceptionGroup is made at start-up as CPython
 * makes it: a *heap* class over (BaseExceptionGroup, Exception), mutable,
 * with a __weakref__ slot of its own (hence 96 bytes against 88).
 *
 * split()/subgroup() walk the tree of groups: a group (or leaf) that
 * matches as a whole is kept as it is; otherwise each group is rebuilt
 * from the parts that match (and, for split, from the parts that do not)
 * through its derive(), and the rebuilt group gets the original's
 * __traceback__, __context__, __cause__ and a copy of its __notes__.
 */
#include "core.h"
#include "protocols.h"
#include "type_new.h"
#include "exc_fields.h"

#define EG(o) ((KnBaseExceptionGroupObject *)(o))

static int is_group(KnObject *o)
{
    return ob_type_is_subtype(KN_TYPE(o), ob_exc_BaseExceptionGroup);
}

/* ------------------------------------------------------------ __new__ */

KnObject *ob_exc_group_new(KnTypeObject *cls, KnObject *args, KnObject *kwargs)
{
    /* keywords are __init__'s business (BaseException's check) */
    kn_ssize_t n = KN_SIZE(args);
    if (n != 2)
        return ob_err_format(ob_exc_TypeError,
                             "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zd given)", n);
    KnObject *msg = KN_TUPLE_GET(args, 0), *seq = KN_TUPLE_GET(args, 1);
    if (!KN_STR_CHECK(msg))
        return ob_err_format(ob_exc_TypeError,
                             "BaseExceptionGroup.__new__() argument 1 must be str, not %.50s",
                             msg == KN_None ? "None" : KN_TNAME(msg));
    if (!ob_sequence_check(seq))
        return ob_err_format(ob_exc_TypeError, "second argument (exceptions) must be a sequence");
    KnObject *excs = ob_sequence_tuple(seq);
    if (excs == NULL)
        return NULL;
    if (KN_SIZE(excs) == 0)
        return ob_err_format(ob_exc_ValueError,
                             "second argument (exceptions) must be a non-empty sequence");
    int nested_base = 0;
    for (kn_ssize_t i = 0; i < KN_SIZE(excs); i++) {
        KnObject *e = KN_TUPLE_GET(excs, i);
        if (!KN_EXC_CHECK(e))
            return ob_err_format(ob_exc_ValueError,
                                 "Item %zd of second argument (exceptions) is not an exception", i);
        if (!ob_type_is_subtype(KN_TYPE(e), ob_exc_Exception))
            nested_base = 1;
    }
    if (cls == ob_exc_BaseExceptionGroup) {
        if (!nested_base)
            cls = ob_exc_ExceptionGroup;     /* all Exceptions: the narrower class */
    } else if (cls == ob_exc_ExceptionGroup) {
        if (nested_base)
            return ob_err_format(ob_exc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
    } else if (nested_base && ob_type_is_subtype(cls, ob_exc_Exception)) {
        return ob_err_format(ob_exc_TypeError, "Cannot nest BaseExceptions in '%.200s'",
                             cls->tp_name);
    }
    KnObject *self = cls->tp_alloc(cls, 0);
    if (self == NULL)
        return NULL;
    EG(self)->args = args;
    EG(self)->msg = msg;
    EG(self)->excs = excs;
    return self;
}

/* ------------------------------------------------------------ __str__ */

KnObject *ob_exc_group_str(KnObject *self)
{
    KnObject *msg = EG(self)->msg, *excs = EG(self)->excs;
    kn_ssize_t n = excs ? KN_SIZE(excs) : 0;
    KnObject *text = msg ? ob_str(msg) : ob_str_from_utf8("", 0);
    if (text == NULL)
        return NULL;
    return ob_str_from_format("%U (%zd sub-exception%s)", text, n, n == 1 ? "" : "s");
}

KnMemberDef ob_exc_group_members[] = {
    { "message", KN_T_OBJECT, offsetof(KnBaseExceptionGroupObject, msg), KN_READONLY,
      "exception message" },
    { "exceptions", KN_T_OBJECT, offsetof(KnBaseExceptionGroupObject, excs), KN_READONLY,
      "nested exceptions" },
    { NULL, 0, 0, 0, NULL }
};

/* ------------------------------------------------------------- derive */

static KnObject *eg_derive(KnObject *self, KnObject *args)
{
    if (KN_SIZE(args) != 1)
        return ob_err_format(ob_exc_TypeError, "function takes exactly 1 argument (%zd given)",
                             KN_SIZE(args));
    KnObject *call_args = ob_tuple_pack(2, EG(self)->msg ? EG(self)->msg : KN_None,
                                        KN_TUPLE_GET(args, 0));
    if (call_args == NULL)
        return NULL;
    return ob_call((KnObject *)ob_exc_BaseExceptionGroup, call_args, NULL);
}

/* ------------------------------------------------- split and subgroup */

typedef enum { MATCH_TYPES, MATCH_PREDICATE, MATCH_INSTANCES } MatchKind;

typedef struct Matcher {
    MatchKind kind;
    KnObject *value;          /* class, tuple of classes, function, or a
                                 list of leaves (MATCH_INSTANCES) */
} Matcher;

static int matcher_from(KnObject *value, Matcher *m)
{
    m->value = value;
    if (KN_EXC_CLASS_CHECK(value)) {
        m->kind = MATCH_TYPES;
        return 0;
    }
    if (KN_TUPLE_CHECK(value)) {
        for (kn_ssize_t i = 0; i < KN_SIZE(value); i++)
            if (!KN_EXC_CLASS_CHECK(KN_TUPLE_GET(value, i)))
                goto bad;
        m->kind = MATCH_TYPES;
        return 0;
    }
    /* CPython accepts Python functions only, not any callable */
    if (ob_type_is_function(value)) {
        m->kind = MATCH_PREDICATE;
        return 0;
    }
bad:
    ob_err_format(ob_exc_TypeError, "expected a function, exception type or tuple of exception types");
    return -1;
}

/* 1 when exc matches, 0 when not, -1 on error. */
static int matches(const Matcher *m, KnObject *exc)
{
    if (m->kind == MATCH_TYPES)
        return ob_err_given_matches(exc, m->value);
    if (m->kind == MATCH_INSTANCES) {
        for (kn_ssize_t i = 0; i < KN_SIZE(m->value); i++)
            if (KN_LIST_GET(m->value, i) == exc)
                return 1;
        return 0;
    }
    KnObject *r = ob_call_onearg(m->value, exc);
    return r == NULL ? -1 : ob_is_true(r);
}

/* A group like orig holding `parts` (a list) through orig.derive(), with
 * orig's traceback, context, cause and notes.  *out NULL when parts is
 * empty. */
static int derive_subset(KnObject *orig, KnObject *parts, KnObject **out)
{
    *out = NULL;
    if (KN_SIZE(parts) == 0)
        return 0;
    KnObject *eg = ob_call_method(orig, "derive", 1, parts);
    if (eg == NULL)
        return -1;
    if (!is_group(eg)) {
        ob_err_format(ob_exc_TypeError, "derive must return an instance of BaseExceptionGroup");
        return -1;
    }
    KnObject *tb = ob_exc_get_traceback(orig);
    if (tb != NULL && ob_exc_set_traceback(eg, tb) < 0)
        return -1;
    ob_exc_set_context(eg, ob_exc_get_context(orig));
    ob_exc_set_cause(eg, ob_exc_get_cause(orig));
    KnObject *notes;
    int found = ob_lookup_attr(orig, KN_ID(__notes__), &notes);
    if (found < 0)
        return -1;
    if (found && ob_sequence_check(notes)) {
        /* a copy: the parts' notes must not be shared with the original */
        KnObject *copy = ob_sequence_list(notes);
        if (copy == NULL || ob_setattr(eg, KN_ID(__notes__), copy) < 0)
            return -1;
    }
    *out = eg;
    return 0;
}

/* The matching part (*match) and, when rest != NULL, the other part
 * (*rest) of exc; NULL for an empty part. */
static int split_tree(KnObject *exc, const Matcher *m, KnObject **match, KnObject **rest)
{
    *match = NULL;
    if (rest != NULL)
        *rest = NULL;
    int r = matches(m, exc);
    if (r < 0)
        return -1;
    if (r) {
        *match = exc;
        return 0;
    }
    if (!is_group(exc)) {
        if (rest != NULL)
            *rest = exc;
        return 0;
    }
    KnObject *excs = EG(exc)->excs;
    KnObject *match_list = ob_list_new(0);
    KnObject *rest_list = rest != NULL ? ob_list_new(0) : NULL;
    if (match_list == NULL || (rest != NULL && rest_list == NULL))
        return -1;
    for (kn_ssize_t i = 0; excs != NULL && i < KN_SIZE(excs); i++) {
        KnObject *sub_match, *sub_rest;
        if (ob_enter_recursive_call(" in exceptiongroup_split_recursive") < 0)
            return -1;
        r = split_tree(KN_TUPLE_GET(excs, i), m, &sub_match, rest != NULL ? &sub_rest : NULL);
        ob_leave_recursive_call();
        if (r < 0)
            return -1;
        if (sub_match != NULL && ob_list_append(match_list, sub_match) < 0)
            return -1;
        if (rest != NULL && sub_rest != NULL && ob_list_append(rest_list, sub_rest) < 0)
            return -1;
    }
    if (derive_subset(exc, match_list, match) < 0)
        return -1;
    if (rest != NULL && derive_subset(exc, rest_list, rest) < 0)
        return -1;
    return 0;
}

static KnObject *eg_split(KnObject *self, KnObject *args)
{
    if (ob_args_check_positional("split", KN_SIZE(args), 1, 1) < 0)
        return NULL;
    Matcher m;
    KnObject *match, *rest;
    if (matcher_from(KN_TUPLE_GET(args, 0), &m) < 0 || split_tree(self, &m, &match, &rest) < 0)
        return NULL;
    return ob_tuple_pack(2, match ? match : KN_None, rest ? rest : KN_None);
}

static KnObject *eg_subgroup(KnObject *self, KnObject *args)
{
    if (ob_args_check_positional("subgroup", KN_SIZE(args), 1, 1) < 0)
        return NULL;
    Matcher m;
    KnObject *match;
    if (matcher_from(KN_TUPLE_GET(args, 0), &m) < 0 || split_tree(self, &m, &match, NULL) < 0)
        return NULL;
    return match ? match : KN_None;
}

/* Leaves (non-group exceptions) of exc, appended to list. */
static int collect_leaves(KnObject *exc, KnObject *list)
{
    if (!is_group(exc))
        return ob_list_append(list, exc);
    KnObject *excs = EG(exc)->excs;
    for (kn_ssize_t i = 0; excs != NULL && i < KN_SIZE(excs); i++) {
        if (ob_enter_recursive_call(" in collect_exception_group_leaf_ids") < 0)
            return -1;
        int r = collect_leaves(KN_TUPLE_GET(excs, i), list);
        ob_leave_recursive_call();
        if (r < 0)
            return -1;
    }
    return 0;
}

KnObject *ob_exc_group_projection(KnObject *eg, KnObject *keep)
{
    Matcher m = { MATCH_INSTANCES, ob_list_new(0) };
    if (m.value == NULL)
        return NULL;
    for (kn_ssize_t i = 0; i < KN_SIZE(keep); i++)
        if (collect_leaves(KN_LIST_GET(keep, i), m.value) < 0)
            return NULL;
    KnObject *match;
    if (split_tree(eg, &m, &match, NULL) < 0)
        return NULL;
    return match ? match : KN_None;
}

/* ExceptionGroup[X] is a types.GenericAlias (PEP 585). */
static KnObject *eg_class_getitem(KnObject *cls, KnObject *item)
{
    return ob_generic_alias_new(cls, item);
}

KnMethodDef ob_exc_group_methods[] = {
    { "derive", (KnCFunction)eg_derive, KN_METH_VARARGS, NULL },
    { "split", (KnCFunction)eg_split, KN_METH_VARARGS, NULL },
    { "subgroup", (KnCFunction)eg_subgroup, KN_METH_VARARGS, NULL },
    { "__class_getitem__", (KnCFunction)eg_class_getitem, KN_METH_O | KN_METH_CLASS,
      "See PEP 585" },
    { NULL, NULL, 0, NULL }
};

/* ------------------------------------------------------ ExceptionGroup */

/* class ExceptionGroup(BaseExceptionGroup, Exception), made like
 * CPython's PyErr_NewException does: a heap class in module builtins. */
KnTypeObject *ob_exc_group_make_exception_group(void)
{
    KnObject *name = ob_str_from_cstr("ExceptionGroup");
    KnObject *bases = ob_tuple_pack(2, (KnObject *)ob_exc_BaseExceptionGroup,
                                    (KnObject *)ob_exc_Exception);
    KnObject *dict = ob_dict_new();
    KnObject *module = ob_str_from_cstr("builtins");
    if (name == NULL || bases == NULL || dict == NULL || module == NULL ||
        ob_dict_setitem(dict, KN_ID(__module__), module) < 0)
        return NULL;
    return (KnTypeObject *)ob_type_new(&ob_type_type, name, bases, dict);
}
