/*
 * object.c — allocation and the object protocol (abstract.h: attributes,
 * repr/str/ascii/format, hash, rich comparison, truth).
 *
 * Attribute lookup follows CPython's order exactly: a data descriptor on
 * the type wins over the instance __dict__, which wins over a non-data
 * descriptor or plain class attribute.
 */
#include <string.h>

#include "libgc/gc.h"
#include "core.h"
#include "libobject/weakref.h"

/* ---------------------------------------------------------------- alloc */

KnObject *ob_alloc(KnTypeObject *type, kn_ssize_t nitems)
{
    size_t size = (size_t)type->tp_basicsize;
    if (type->tp_itemsize != 0) {
        size += (size_t)nitems * (size_t)type->tp_itemsize;
        size = (size + 7) & ~(size_t)7;
    }
    if (size < sizeof(KnObject))
        size = sizeof(KnObject);
    KnObject *o = kgc_alloc_object_fast(size);
    if (o == NULL)
        return ob_err_nomemory();
    o->ob_type = type;
    if (type->tp_itemsize != 0)
        KN_SET_SIZE(o, nitems);
    /* __del__ / tp_finalize, tp_del, tp_dealloc: libgc's PEP 442 queue
     * (finalize.c); weakly referenced objects are registered by weakref.c. */
    if ((type->tp_finalize != NULL || type->tp_del != NULL || type->tp_dealloc != NULL) &&
        ob_finalize_register_new(o) < 0)
        return NULL;
    return o;
}

/* -------------------------------------------------------- instance dict */

KnObject **ob_object_dict_ptr(KnObject *o)
{
    kn_ssize_t off = KN_TYPE(o)->tp_dictoffset;
    if (off == 0)
        return NULL;
    if (off < 0) {
        KnTypeObject *t = KN_TYPE(o);
        kn_ssize_t n = KN_SIZE(o);
        if (n < 0)
            n = -n;
        size_t size = (size_t)t->tp_basicsize + (size_t)n * (size_t)t->tp_itemsize;
        size = (size + 7) & ~(size_t)7;
        off += (kn_ssize_t)size;
    }
    return (KnObject **)((char *)o + off);
}

KnObject *ob_object_get_dict(KnObject *o, void *closure)
{
    (void)closure;
    KnObject **dp = ob_object_dict_ptr(o);
    if (dp == NULL) {
        ob_err_set_string(ob_exc_AttributeError, "This object has no __dict__");
        return NULL;
    }
    if (*dp == NULL && (*dp = ob_dict_new()) == NULL)
        return NULL;
    return *dp;
}

int ob_object_set_dict(KnObject *o, KnObject *v, void *closure)
{
    (void)closure;
    KnObject **dp = ob_object_dict_ptr(o);
    if (dp == NULL) {
        ob_err_set_string(ob_exc_AttributeError, "This object has no __dict__");
        return -1;
    }
    if (v == NULL) {
        ob_err_set_string(ob_exc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!KN_DICT_CHECK(v)) {
        ob_err_format(ob_exc_TypeError, "__dict__ must be set to a dictionary, not a '%s'",
                      KN_TNAME(v));
        return -1;
    }
    *dp = v;
    return 0;
}

/* ----------------------------------------------------------- attributes */

void ob_err_attribute(KnObject *o, KnObject *name)
{
    if (KN_TYPE_OBJ_CHECK(o))
        ob_err_format(ob_exc_AttributeError, "type object '%s' has no attribute '%U'",
                      ((KnTypeObject *)o)->tp_name, name);
    else
        ob_err_format(ob_exc_AttributeError, "'%s' object has no attribute '%U'",
                      KN_TNAME(o), name);
    KnObject *exc = ob_tstate_get()->curexc_value;
    if (exc != NULL && KN_TYPE_CHECK(exc, ob_exc_AttributeError)) {
        ((KnAttributeErrorObject *)exc)->name = name;
        ((KnAttributeErrorObject *)exc)->obj = o;
    }
}

static int check_name(KnObject *name)
{
    if (KN_STR_CHECK(name))
        return 0;
    ob_err_format(ob_exc_TypeError, "attribute name must be string, not '%s'", KN_TNAME(name));
    return -1;
}

/* object.__getattribute__; with `suppress`, a missing attribute returns
 * NULL with no exception set (ob_lookup_attr: no AttributeError is built
 * only to be cleared). */
static KnObject *generic_getattr(KnObject *o, KnObject *name, int suppress)
{
    if (check_name(name) < 0)
        return NULL;
    KnTypeObject *tp = KN_TYPE(o);
    KnObject *descr = ob_type_lookup(tp, name);
    descrgetfunc get = NULL;
    if (descr != NULL) {
        get = KN_TYPE(descr)->tp_descr_get;
        if (get != NULL && KN_TYPE(descr)->tp_descr_set != NULL)
            return get(descr, o, (KnObject *)tp);
    }
    KnObject **dp = ob_object_dict_ptr(o);
    if (dp != NULL && *dp != NULL) {
        KnObject *v = ob_dict_getitem(*dp, name);
        if (v != NULL)
            return v;
        if (ob_err_occurred())
            return NULL;
    }
    if (get != NULL)
        return get(descr, o, (KnObject *)tp);
    if (descr != NULL)
        return descr;
    if (!suppress)
        ob_err_attribute(o, name);
    return NULL;
}

KnObject *ob_generic_getattr(KnObject *o, KnObject *name)
{
    return generic_getattr(o, name, 0);
}

int ob_generic_setattr(KnObject *o, KnObject *name, KnObject *value)
{
    if (check_name(name) < 0)
        return -1;
    KnTypeObject *tp = KN_TYPE(o);
    KnObject *descr = ob_type_lookup(tp, name);
    if (descr != NULL) {
        descrsetfunc set = KN_TYPE(descr)->tp_descr_set;
        if (set != NULL)
            return set(descr, o, value);
    }
    KnObject **dp = ob_object_dict_ptr(o);
    if (dp == NULL) {
        if (descr == NULL)
            ob_err_attribute(o, name);
        else
            ob_err_format(ob_exc_AttributeError, "'%s' object attribute '%U' is read-only",
                          tp->tp_name, name);
        return -1;
    }
    if (value == NULL) {
        if (*dp == NULL || !ob_dict_contains(*dp, name)) {
            if (!ob_err_occurred())
                ob_err_attribute(o, name);
            return -1;
        }
        return ob_dict_delitem(*dp, name);
    }
    if (*dp == NULL && (*dp = ob_dict_new()) == NULL)
        return -1;
    return ob_dict_setitem(*dp, name, value);
}

/* An AttributeError that left a getattr without saying what it was about
 * (raise AttributeError() in a __getattr__) learns its obj and name, as
 * in CPython: the traceback's "Did you mean" needs them. */
static void attribute_error_context(KnObject *o, KnObject *name)
{
    KnObject *exc = ob_tstate_get()->curexc_value;
    if (exc == NULL || !ob_type_is_subtype(KN_TYPE(exc), ob_exc_AttributeError))
        return;
    KnAttributeErrorObject *ae = (KnAttributeErrorObject *)exc;
    if (ae->name == NULL && ae->obj == NULL) {
        ae->name = name;
        ae->obj = o;
    }
}

static KnObject *getattr_slot(KnObject *o, KnObject *name)
{
    KnTypeObject *tp = KN_TYPE(o);
    if (tp->tp_getattro != NULL)
        return tp->tp_getattro(o, name);
    if (tp->tp_getattr != NULL) {
        const char *s = ob_str_as_utf8(name, NULL);
        if (s == NULL)
            return NULL;
        return tp->tp_getattr(o, (char *)s);
    }
    ob_err_attribute(o, name);
    return NULL;
}

KnObject *ob_getattr(KnObject *o, KnObject *name)
{
    if (check_name(name) < 0)
        return NULL;
    KnObject *r = getattr_slot(o, name);
    if (r == NULL)
        attribute_error_context(o, name);
    return r;
}

KnObject *ob_getattr_str(KnObject *o, const char *name)
{
    KnObject *n = ob_str_intern_cstr(name);
    return n ? ob_getattr(o, n) : NULL;
}

int ob_lookup_attr(KnObject *o, KnObject *name, KnObject **res)
{
    if (KN_TYPE(o)->tp_getattro == ob_generic_getattr) {
        *res = generic_getattr(o, name, 1);
        if (*res != NULL)
            return 1;
        if (!ob_err_occurred())
            return 0;
        if (!ob_err_matches((KnObject *)ob_exc_AttributeError))
            return -1;      /* a descriptor's own AttributeError is a miss too */
        ob_err_clear();
        return 0;
    }
    *res = ob_getattr(o, name);
    if (*res != NULL)
        return 1;
    if (ob_err_matches((KnObject *)ob_exc_AttributeError)) {
        ob_err_clear();
        return 0;
    }
    return -1;
}

int ob_hasattr(KnObject *o, KnObject *name)
{
    KnObject *r;
    int found = ob_lookup_attr(o, name, &r);
    if (found < 0)
        ob_err_clear();
    return found > 0;
}

int ob_setattr(KnObject *o, KnObject *name, KnObject *value)
{
    if (check_name(name) < 0)
        return -1;
    KnTypeObject *tp = KN_TYPE(o);
    if (tp->tp_setattro != NULL)
        return tp->tp_setattro(o, name, value);
    if (tp->tp_setattr != NULL) {
        const char *s = ob_str_as_utf8(name, NULL);
        if (s == NULL)
            return -1;
        return tp->tp_setattr(o, (char *)s, value);
    }
    if (tp->tp_getattro == NULL && tp->tp_getattr == NULL)
        ob_err_format(ob_exc_TypeError, "'%s' object has no attributes (%s .%U)",
                      tp->tp_name, value ? "assign to" : "del", name);
    else
        ob_err_format(ob_exc_TypeError, "'%s' object has only read-only attributes (%s .%U)",
                      tp->tp_name, value ? "assign to" : "del", name);
    return -1;
}

int ob_setattr_str(KnObject *o, const char *name, KnObject *value)
{
    KnObject *n = ob_str_intern_cstr(name);
    return n ? ob_setattr(o, n, value) : -1;
}

KnObject *ob_lookup_special(KnObject *o, KnObject *name)
{
    KnObject *r = ob_type_lookup(KN_TYPE(o), name);
    if (r == NULL)
        return NULL;
    descrgetfunc get = KN_TYPE(r)->tp_descr_get;
    if (get != NULL)
        return get(r, o, (KnObject *)KN_TYPE(o));
    return r;
}

KnObject *ob_dir(KnObject *o)
{
    KnObject *meth = ob_lookup_special(o, KN_ID(__dir__));
    if (meth == NULL) {
        if (!ob_err_occurred())
            ob_err_set_string(ob_exc_TypeError, "object does not provide __dir__");
        return NULL;
    }
    KnObject *r = ob_call_noargs(meth);
    if (r == NULL)
        return NULL;
    KnObject *l = ob_sequence_list(r);
    if (l == NULL || ob_list_sort(l) < 0)
        return NULL;
    return l;
}

/* ------------------------------------------------------------------ text */

KnObject *ob_repr(KnObject *o)
{
    KnTypeObject *tp = KN_TYPE(o);
    if (tp->tp_repr == NULL)
        return ob_str_from_format("<%s object at %p>", tp->tp_name, (void *)o);
    if (ob_enter_recursive_call(" while getting the repr of an object") < 0)
        return NULL;
    KnObject *r = tp->tp_repr(o);
    ob_leave_recursive_call();
    if (r != NULL && !KN_STR_CHECK(r))
        return ob_err_format(ob_exc_TypeError, "__repr__ returned non-string (type %s)",
                             KN_TNAME(r));
    return r;
}

KnObject *ob_str(KnObject *o)
{
    if (KN_STR_CHECK_EXACT(o))
        return o;
    KnTypeObject *tp = KN_TYPE(o);
    if (tp->tp_str == NULL)
        return ob_repr(o);
    if (ob_enter_recursive_call(" while getting the str of an object") < 0)
        return NULL;
    KnObject *r = tp->tp_str(o);
    ob_leave_recursive_call();
    if (r != NULL && !KN_STR_CHECK(r))
        return ob_err_format(ob_exc_TypeError, "__str__ returned non-string (type %s)",
                             KN_TNAME(r));
    return r;
}

KnObject *ob_ascii(KnObject *o)
{
    KnObject *r = ob_repr(o);
    if (r == NULL)
        return NULL;
    kn_ssize_t n = ob_str_length(r);
    kn_ssize_t extra = 0;
    for (kn_ssize_t i = 0; i < n; i++) {
        uint32_t c = ob_str_read_char(r, i);
        if (c >= 0x80)
            extra += c < 0x100 ? 3 : c < 0x10000 ? 5 : 9;
    }
    if (extra == 0)
        return r;
    char *buf = kgc_alloc_atomic((size_t)(n + extra + 1));
    if (buf == NULL)
        return ob_err_nomemory();
    static const char hex[] = "0123456789abcdef";
    char *p = buf;
    for (kn_ssize_t i = 0; i < n; i++) {
        uint32_t c = ob_str_read_char(r, i);
        if (c < 0x80) {
            *p++ = (char)c;
            continue;
        }
        int digits;
        *p++ = '\\';
        if (c < 0x100) { *p++ = 'x'; digits = 2; }
        else if (c < 0x10000) { *p++ = 'u'; digits = 4; }
        else { *p++ = 'U'; digits = 8; }
        for (int d = digits - 1; d >= 0; d--)
            *p++ = hex[(c >> (4 * d)) & 0xF];
    }
    return ob_str_from_utf8(buf, p - buf);
}

KnObject *ob_format(KnObject *o, KnObject *spec)
{
    if (spec == NULL || spec == KN_None) {
        spec = ob_str_from_utf8("", 0);
        if (spec == NULL)
            return NULL;
    }
    if (ob_str_length(spec) == 0) {
        if (KN_STR_CHECK_EXACT(o))
            return o;
        if (KN_INT_CHECK_EXACT(o))
            return ob_str(o);
    }
    KnObject *meth = ob_lookup_special(o, KN_ID(__format__));
    if (meth == NULL) {
        if (!ob_err_occurred())
            ob_err_format(ob_exc_TypeError, "Type %s doesn't define __format__", KN_TNAME(o));
        return NULL;
    }
    KnObject *r = ob_call_onearg(meth, spec);
    if (r != NULL && !KN_STR_CHECK(r))
        return ob_err_format(ob_exc_TypeError, "__format__ must return a str, not %s",
                             KN_TNAME(r));
    return r;
}

/* The objects whose repr is in progress on this thread live in a list in
 * the thread-state dict (thread state memory is scanned). */
static KnObject *repr_list(void)
{
    KnThreadState *ts = ob_tstate_get();
    if (ts->dict == NULL && (ts->dict = ob_dict_new()) == NULL)
        return NULL;
    KnObject *l = ob_dict_getitem_str(ts->dict, "Kiln.reprenter");
    if (l == NULL) {
        if (ob_err_occurred() || (l = ob_list_new(0)) == NULL)
            return NULL;
        if (ob_dict_setitem_str(ts->dict, "Kiln.reprenter", l) < 0)
            return NULL;
    }
    return l;
}

int ob_repr_enter(KnObject *o)
{
    KnObject *l = repr_list();
    if (l == NULL)
        return -1;
    for (kn_ssize_t i = KN_SIZE(l) - 1; i >= 0; i--)
        if (KN_LIST_GET(l, i) == o)
            return 1;
    return ob_list_append(l, o) < 0 ? -1 : 0;
}

void ob_repr_leave(KnObject *o)
{
    KnObject *exc = ob_err_fetch();   /* keep a pending error across the cleanup */
    KnObject *l = repr_list();
    if (l != NULL) {
        for (kn_ssize_t i = KN_SIZE(l) - 1; i >= 0; i--) {
            if (KN_LIST_GET(l, i) == o) {
                /* remove item i by shifting the tail down */
                KnObject **items = KN_LIST_ITEMS(l);
                memmove(&items[i], &items[i + 1], (size_t)(KN_SIZE(l) - i - 1) * sizeof *items);
                KN_SET_SIZE(l, KN_SIZE(l) - 1);
                break;
            }
        }
    }
    ob_err_restore(exc);
}

/* ------------------------------------------------------------- hashing */

kn_hash_t ob_hash_not_implemented(KnObject *o)
{
    ob_err_format(ob_exc_TypeError, "unhashable type: '%s'", KN_TYPE(o)->tp_name);
    return -1;
}

kn_hash_t ob_object_hash(KnObject *o)
{
    /* Objects never move; the low 4 bits of an address are always zero,
     * so rotate them to the top to spread the value. */
    size_t y = (size_t)o;
    y = (y >> 4) | (y << (8 * sizeof y - 4));
    kn_hash_t h = (kn_hash_t)y;
    return h == -1 ? -2 : h;
}

kn_hash_t ob_hash(KnObject *o)
{
    hashfunc f = KN_TYPE(o)->tp_hash;
    if (f == NULL) {
        /* a static type not readied yet inherits object's hash lazily */
        if (!KN_TYPE_HAS_FLAG(KN_TYPE(o), KN_TPFLAGS_READY)) {
            if (ob_type_ready(KN_TYPE(o)) < 0)
                return -1;
            if ((f = KN_TYPE(o)->tp_hash) != NULL)
                return f(o);
        }
        return ob_hash_not_implemented(o);
    }
    return f(o);
}

/* ----------------------------------------------------------- comparison */

static const char *const op_symbols[] = { "<", "<=", "==", "!=", ">", ">=" };
static const int swapped_op[] = { KN_GT, KN_GE, KN_EQ, KN_NE, KN_LT, KN_LE };

static KnObject *do_richcompare(KnObject *a, KnObject *b, int op)
{
    KnTypeObject *ta = KN_TYPE(a), *tb = KN_TYPE(b);
    int checked_reverse = 0;
    KnObject *r;
    /* A proper subclass of a's type that overrides the comparison gets
     * the first go (so subclasses can specialise how they compare). */
    if (ta != tb && ob_type_is_subtype(tb, ta) && tb->tp_richcompare != NULL) {
        checked_reverse = 1;
        r = tb->tp_richcompare(b, a, swapped_op[op]);
        if (r != KN_NotImplemented)
            return r;
    }
    if (ta->tp_richcompare != NULL) {
        r = ta->tp_richcompare(a, b, op);
        if (r != KN_NotImplemented)
            return r;
    }
    if (!checked_reverse && tb->tp_richcompare != NULL) {
        r = tb->tp_richcompare(b, a, swapped_op[op]);
        if (r != KN_NotImplemented)
            return r;
    }
    switch (op) {
    case KN_EQ:
        return KN_BOOL(a == b);
    case KN_NE:
        return KN_BOOL(a != b);
    default:
        return ob_err_format(ob_exc_TypeError,
                             "'%s' not supported between instances of '%s' and '%s'",
                             op_symbols[op], ta->tp_name, tb->tp_name);
    }
}

KnObject *ob_richcompare(KnObject *a, KnObject *b, int op)
{
    if (op < KN_LT || op > KN_GE) {
        ob_err_bad_internal_call();
        return NULL;
    }
    if (ob_enter_recursive_call(" in comparison") < 0)
        return NULL;
    KnObject *r = do_richcompare(a, b, op);
    ob_leave_recursive_call();
    return r;
}

int ob_richcompare_bool(KnObject *a, KnObject *b, int op)
{
    if (a == b) {
        if (op == KN_EQ)
            return 1;
        if (op == KN_NE)
            return 0;
    }
    KnObject *r = ob_richcompare(a, b, op);
    if (r == NULL)
        return -1;
    if (r == KN_True)
        return 1;
    if (r == KN_False)
        return 0;
    return ob_is_true(r);
}

/* object's own tp_richcompare: identity for ==, the inverse of __eq__ for
 * != (when __eq__ answers), NotImplemented for orderings. */
KnObject *ob_object_richcompare(KnObject *a, KnObject *b, int op)
{
    switch (op) {
    case KN_EQ:
        return a == b ? KN_True : KN_NotImplemented;
    case KN_NE: {
        richcmpfunc eq = KN_TYPE(a)->tp_richcompare;
        if (eq == NULL)
            return KN_NotImplemented;
        KnObject *r = eq(a, b, KN_EQ);
        if (r == NULL || r == KN_NotImplemented)
            return r;
        int t = ob_is_true(r);
        if (t < 0)
            return NULL;
        return KN_BOOL(!t);
    }
    default:
        return KN_NotImplemented;
    }
}

/* ---------------------------------------------------------------- truth */

int ob_is_true(KnObject *o)
{
    if (o == KN_True)
        return 1;
    if (o == KN_False || o == KN_None)
        return 0;
    KnTypeObject *tp = KN_TYPE(o);
    kn_ssize_t n;
    if (tp->tp_as_number != NULL && tp->tp_as_number->nb_bool != NULL)
        return tp->tp_as_number->nb_bool(o);
    if (tp->tp_as_mapping != NULL && tp->tp_as_mapping->mp_length != NULL)
        n = tp->tp_as_mapping->mp_length(o);
    else if (tp->tp_as_sequence != NULL && tp->tp_as_sequence->sq_length != NULL)
        n = tp->tp_as_sequence->sq_length(o);
    else
        return 1;
    return n > 0 ? 1 : (int)n;
}

int ob_not(KnObject *o)
{
    int t = ob_is_true(o);
    return t < 0 ? t : !t;
}

int ob_callable_check(KnObject *o)
{
    return KN_TYPE(o)->tp_call != NULL;
}
