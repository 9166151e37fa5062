/* libjit/src/eval_match.c — structural pattern matching support
 * (MATCH_KEYS, MATCH_CLASS), with CPython 3.11's errors. */
#include "libobject/set.h"
#include "eval.h"

/* Values of `keys` (a tuple) in mapping `map` as a tuple, or None when
 * one is missing. */
KnObject *jit_eval_match_keys(KnObject *map, KnObject *keys)
{
    kn_ssize_t n = KN_SIZE(keys);
    if (n == 0)
        return ob_tuple_empty();
    KnObject *get = ob_getattr(map, ob_str_intern_cstr("get"));
    KnObject *seen = get ? ob_set_new(NULL) : NULL;
    KnObject *values = seen ? ob_tuple_new(n) : NULL;
    if (values == NULL)
        return NULL;
    /* A fresh object nobody else can hold marks "missing". */
    KnObject *dummy = ob_alloc(&ob_object_type, 0);
    if (dummy == NULL)
        return NULL;
    for (kn_ssize_t i = 0; i < n; i++) {
        KnObject *key = KN_TUPLE_GET(keys, i);
        int dup = ob_set_contains(seen, key);
        if (dup < 0 || (!dup && ob_set_add(seen, key) < 0))
            return NULL;
        if (dup)
            return ob_err_format(ob_exc_ValueError, "mapping pattern checks duplicate key (%R)",
                                 key);
        KnObject *args[2] = { key, dummy };
        KnObject *v = ob_vectorcall(get, args, 2, NULL);
        if (v == NULL)
            return NULL;
        if (v == dummy)
            return KN_None;
        KN_TUPLE_SET(values, i, v);
    }
    return values;
}

/* getattr for a sub-pattern: NULL without error when missing, error for
 * an attribute named twice. */
static KnObject *match_attr(KnObject *subject, KnObject *type, KnObject *name, KnObject *seen)
{
    int dup = ob_set_contains(seen, name);
    if (dup < 0)
        return NULL;
    if (dup)
        return ob_err_format(ob_exc_TypeError, "%s() got multiple sub-patterns for attribute %R",
                             ((KnTypeObject *)type)->tp_name, name);
    if (ob_set_add(seen, name) < 0)
        return NULL;
    KnObject *v = NULL;
    ob_lookup_attr(subject, name, &v);
    return v;
}

KnObject *jit_eval_match_class(KnObject *subject, KnObject *type, kn_ssize_t nargs,
                               KnObject *kwargs)
{
    if (!KN_TYPE_OBJ_CHECK(type))
        return ob_err_format(ob_exc_TypeError, "called match pattern must be a class");
    int inst = ob_isinstance(subject, type);
    if (inst <= 0)
        return inst < 0 ? NULL : KN_None;
    const char *tname = ((KnTypeObject *)type)->tp_name;
    kn_ssize_t nkw = KN_SIZE(kwargs);
    KnObject *attrs = ob_list_new(0), *seen = ob_set_new(NULL);
    if (attrs == NULL || seen == NULL)
        return NULL;
    if (nargs > 0) {
        KnObject *match_args = NULL;
        int match_self = 0;
        if (ob_lookup_attr(type, ob_str_intern_cstr("__match_args__"), &match_args) < 0)
            return NULL;
        if (match_args != NULL) {
            if (!KN_TUPLE_CHECK_EXACT(match_args))
                return ob_err_format(ob_exc_TypeError,
                                     "%s.__match_args__ must be a tuple (got %s)", tname,
                                     ob_type_name(KN_TYPE(match_args)));
        } else {
            match_self = KN_TYPE_HAS_FLAG((KnTypeObject *)type, KN_TPFLAGS_MATCH_SELF);
            match_args = ob_tuple_empty();
        }
        kn_ssize_t allowed = match_self ? 1 : KN_SIZE(match_args);
        if (allowed < nargs)
            return ob_err_format(ob_exc_TypeError,
                                 "%s() accepts %zd positional sub-pattern%s (%zd given)", tname,
                                 allowed, allowed == 1 ? "" : "s", nargs);
        if (match_self) {
            if (ob_list_append(attrs, subject) < 0)
                return NULL;
        } else {
            for (kn_ssize_t i = 0; i < nargs; i++) {
                KnObject *name = KN_TUPLE_GET(match_args, i);
                if (!KN_STR_CHECK(name))
                    return ob_err_format(ob_exc_TypeError,
                                         "__match_args__ elements must be strings (got %s)",
                                         ob_type_name(KN_TYPE(name)));
                KnObject *v = match_attr(subject, type, name, seen);
                if (v == NULL)
                    return ob_err_occurred() ? NULL : KN_None;
                if (ob_list_append(attrs, v) < 0)
                    return NULL;
            }
        }
    }
    for (kn_ssize_t i = 0; i < nkw; i++) {
        KnObject *v = match_attr(subject, type, KN_TUPLE_GET(kwargs, i), seen);
        if (v == NULL)
            return ob_err_occurred() ? NULL : KN_None;
        if (ob_list_append(attrs, v) < 0)
            return NULL;
    }
    return ob_tuple_from_array(KN_LIST_ITEMS(attrs), KN_SIZE(attrs));
}
