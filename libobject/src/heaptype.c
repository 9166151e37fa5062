/*
 * heaptype.c — the instance layout of a class made at run time: which
 * base it extends (best base, layout conflicts), what __slots__ adds, and
 * where the __dict__ and __weakref__ pointers go.  See NOTES-classes.md.
 *
 * Layout of an instance: the best base's fields, then one pointer per
 * slot (sorted names), then __dict__, then __weakref__.  With a
 * variable-size base (int, tuple, ...) the __dict__ pointer sits in the
 * last word of the object instead (tp_dictoffset < 0).
 */
#include <string.h>

#include "libgc/gc.h"
#include "type_new.h"

#define PTR ((kn_ssize_t)sizeof(KnObject *))

/* ------------------------------------------------------- solid bases */

/* Does t add C fields to base?  A heap type's own __dict__/__weakref__
 * pointers at the very end do not count: two classes that only add
 * those can still be combined. */
static int extra_ivars(KnTypeObject *t, KnTypeObject *base)
{
    kn_ssize_t t_size = t->tp_basicsize, b_size = base->tp_basicsize;
    if (t->tp_itemsize != 0 || base->tp_itemsize != 0)
        return t_size != b_size || t->tp_itemsize != base->tp_itemsize;
    int heap = KN_TYPE_HAS_FLAG(t, KN_TPFLAGS_HEAPTYPE);
    if (heap && t->tp_weaklistoffset != 0 && base->tp_weaklistoffset == 0 &&
        t->tp_weaklistoffset + PTR == t_size)
        t_size -= PTR;
    if (heap && t->tp_dictoffset > 0 && base->tp_dictoffset == 0 &&
        t->tp_dictoffset + PTR == t_size)
        t_size -= PTR;
    return t_size != b_size;
}

KnTypeObject *ob_heaptype_solid_base(KnTypeObject *t)
{
    KnTypeObject *base = t->tp_base ? ob_heaptype_solid_base(t->tp_base) : &ob_object_type;
    return extra_ivars(t, base) ? t : base;
}

KnTypeObject *ob_heaptype_best_base(KnObject *bases)
{
    KnTypeObject *base = NULL, *winner = NULL;
    for (kn_ssize_t i = 0; i < KN_SIZE(bases); i++) {
        KnObject *b = KN_TUPLE_GET(bases, i);
        if (!KN_TYPE_OBJ_CHECK(b))
            return (KnTypeObject *)ob_err_format(ob_exc_TypeError, "bases must be types");
        KnTypeObject *bt = (KnTypeObject *)b;
        if (!KN_TYPE_HAS_FLAG(bt, KN_TPFLAGS_BASETYPE))
            return (KnTypeObject *)ob_err_format(
                ob_exc_TypeError, "type '%s' is not an acceptable base type", bt->tp_name);
        if (ob_type_ready(bt) < 0)
            return NULL;
        KnTypeObject *cand = ob_heaptype_solid_base(bt);
        if (winner == NULL) {
            winner = cand;
            base = bt;
        } else if (ob_type_is_subtype(winner, cand)) {
            /* winner already extends cand */
        } else if (ob_type_is_subtype(cand, winner)) {
            winner = cand;
            base = bt;
        } else {
            return (KnTypeObject *)ob_err_format(ob_exc_TypeError,
                                                 "multiple bases have instance lay-out conflict");
        }
    }
    return base;
}

/* ---------------------------------------------------- __class__ changes */

/* child's instances look exactly like its base's */
static int same_layout_as_base(KnTypeObject *child)
{
    KnTypeObject *p = child->tp_base;
    return p != NULL && child->tp_basicsize == p->tp_basicsize &&
           child->tp_itemsize == p->tp_itemsize && child->tp_dictoffset == p->tp_dictoffset &&
           child->tp_weaklistoffset == p->tp_weaklistoffset &&
           KN_TYPE_HAS_FLAG(child, KN_TPFLAGS_HAVE_GC) == KN_TYPE_HAS_FLAG(p, KN_TPFLAGS_HAVE_GC);
}

/* a and b (siblings) add the same slots, __dict__ and __weakref__ */
static int same_slots_added(KnTypeObject *a, KnTypeObject *b)
{
    if (!KN_TYPE_HAS_FLAG(a, KN_TPFLAGS_HEAPTYPE) || !KN_TYPE_HAS_FLAG(b, KN_TPFLAGS_HEAPTYPE))
        return 0;
    kn_ssize_t size = a->tp_base->tp_basicsize;
    KnObject *sa = ((KnHeapTypeObject *)a)->ht_slots, *sb = ((KnHeapTypeObject *)b)->ht_slots;
    if (sa != NULL && sb != NULL) {
        if (KN_SIZE(sa) != KN_SIZE(sb))
            return 0;
        for (kn_ssize_t i = 0; i < KN_SIZE(sa); i++)
            if (!ob_str_equal(KN_TUPLE_GET(sa, i), KN_TUPLE_GET(sb, i)))
                return 0;
        size += PTR * KN_SIZE(sa);
    }
    if (a->tp_dictoffset == size && b->tp_dictoffset == size)
        size += PTR;
    if (a->tp_weaklistoffset == size && b->tp_weaklistoffset == size)
        size += PTR;
    return size == a->tp_basicsize && size == b->tp_basicsize;
}

int ob_heaptype_layout_compatible(KnTypeObject *oldt, KnTypeObject *newt, const char *attr)
{
    /* CPython compares tp_free: GC and non-GC objects are freed apart */
    if (KN_TYPE_HAS_FLAG(oldt, KN_TPFLAGS_HAVE_GC) != KN_TYPE_HAS_FLAG(newt, KN_TPFLAGS_HAVE_GC)) {
        ob_err_format(ob_exc_TypeError, "%s assignment: '%s' deallocator differs from '%s'", attr,
                      newt->tp_name, oldt->tp_name);
        return 0;
    }
    KnTypeObject *nb = newt, *ob = oldt;
    while (same_layout_as_base(nb))
        nb = nb->tp_base;
    while (same_layout_as_base(ob))
        ob = ob->tp_base;
    if (nb != ob && (nb->tp_base != ob->tp_base || !same_slots_added(nb, ob))) {
        ob_err_format(ob_exc_TypeError, "%s assignment: '%s' object layout differs from '%s'",
                      attr, newt->tp_name, oldt->tp_name);
        return 0;
    }
    return 1;
}

/* ------------------------------------------------------------ mangling */

KnObject *ob_heaptype_mangle(KnObject *classname, KnObject *ident)
{
    kn_ssize_t n;
    const char *id = ob_str_as_utf8(ident, &n);
    if (id == NULL)
        return NULL;
    /* only __private names: not dunders, not dotted */
    if (n < 3 || id[0] != '_' || id[1] != '_' || (id[n - 1] == '_' && id[n - 2] == '_') ||
        strchr(id, '.') != NULL)
        return ident;
    const char *cls = ob_str_as_utf8(classname, NULL);
    if (cls == NULL)
        return NULL;
    while (*cls == '_')
        cls++;
    if (*cls == '\0')
        return ident;
    return ob_str_from_format("_%s%U", cls, ident);
}

/* ------------------------------------------------------------- __slots__ */

static int slot_is(KnObject *s, const char *what)
{
    return ob_str_equal_cstr(s, what);
}

/* __slots__ as a tuple: a str is one name; tuples and lists directly,
 * any other iterable through the sequence protocol. */
static KnObject *slots_tuple(KnObject *slots)
{
    if (KN_STR_CHECK(slots))
        return ob_tuple_pack(1, slots);
    if (KN_TUPLE_CHECK(slots))
        return slots;
    if (KN_LIST_CHECK(slots))
        return ob_tuple_from_array(KN_LIST_ITEMS(slots), KN_SIZE(slots));
    return ob_sequence_tuple(slots);
}

/* Insertion sort of str objects by code point (slot lists are short). */
static void sort_names(KnObject **v, kn_ssize_t n)
{
    for (kn_ssize_t i = 1; i < n; i++) {
        KnObject *x = v[i];
        kn_ssize_t j = i;
        while (j > 0 && ob_str_compare(v[j - 1], x) > 0) {
            v[j] = v[j - 1];
            j--;
        }
        v[j] = x;
    }
}

int ob_heaptype_plan_slots(KnSlotsPlan *plan, KnObject *name, KnObject *bases, KnObject *dict)
{
    KnTypeObject *base = plan->base;
    int may_add_dict = base->tp_dictoffset == 0;
    int may_add_weak = base->tp_weaklistoffset == 0 && base->tp_itemsize == 0;
    plan->slots = NULL;
    plan->nslot = 0;
    plan->add_dict = plan->add_weak = 0;

    KnObject *slots = ob_dict_getitem(dict, KN_ID(__slots__));
    if (slots == NULL) {
        if (ob_err_occurred())
            return -1;
        plan->add_dict = may_add_dict;
        plan->add_weak = may_add_weak;
        return 0;
    }
    KnObject *tup = slots_tuple(slots);
    if (tup == NULL)
        return -1;
    kn_ssize_t n = KN_SIZE(tup);
    if (n > 0 && base->tp_itemsize != 0) {
        ob_err_format(ob_exc_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                      base->tp_name);
        return -1;
    }
    for (kn_ssize_t i = 0; i < n; i++) {
        KnObject *s = KN_TUPLE_GET(tup, i);
        if (!KN_STR_CHECK(s)) {
            ob_err_format(ob_exc_TypeError, "__slots__ items must be strings, not '%s'",
                          KN_TNAME(s));
            return -1;
        }
        if (!ob_str_isidentifier(s)) {
            ob_err_set_string(ob_exc_TypeError, "__slots__ must be identifiers");
            return -1;
        }
        if (slot_is(s, "__dict__")) {
            if (!may_add_dict || plan->add_dict) {
                ob_err_set_string(ob_exc_TypeError, "__dict__ slot disallowed: we already got one");
                return -1;
            }
            plan->add_dict = 1;
        }
        if (slot_is(s, "__weakref__")) {
            if (!may_add_weak || plan->add_weak) {
                ob_err_set_string(ob_exc_TypeError,
                                  "__weakref__ slot disallowed: either we already got one, "
                                  "or __itemsize__ != 0");
                return -1;
            }
            plan->add_weak = 1;
        }
    }
    /* the real slots: mangled, minus __dict__/__weakref__, sorted */
    KnObject **names = kgc_alloc(sizeof(KnObject *) * (size_t)(n + 1));
    if (names == NULL) {
        ob_err_nomemory();
        return -1;
    }
    kn_ssize_t k = 0;
    for (kn_ssize_t i = 0; i < n; i++) {
        KnObject *s = KN_TUPLE_GET(tup, i);
        if ((plan->add_dict && slot_is(s, "__dict__")) ||
            (plan->add_weak && slot_is(s, "__weakref__")))
            continue;
        KnObject *m = ob_heaptype_mangle(name, s);
        if (m == NULL || (m = ob_str_intern(m)) == NULL)
            return -1;
        if (ob_dict_getitem(dict, m) != NULL && !slot_is(m, "__qualname__") &&
            !slot_is(m, "__classcell__")) {
            ob_err_format(ob_exc_ValueError, "%R in __slots__ conflicts with class variable", m);
            return -1;
        }
        if (ob_err_occurred())
            return -1;
        names[k++] = m;
    }
    sort_names(names, k);
    if ((plan->slots = ob_tuple_from_array(names, k)) == NULL)
        return -1;
    plan->nslot = k;

    /* Other bases than the best one may bring a __dict__ / __weakref__. */
    if (KN_SIZE(bases) > 1 &&
        ((may_add_dict && !plan->add_dict) || (may_add_weak && !plan->add_weak))) {
        for (kn_ssize_t i = 0; i < KN_SIZE(bases); i++) {
            KnTypeObject *b = (KnTypeObject *)KN_TUPLE_GET(bases, i);
            if (b == base)
                continue;
            if (may_add_dict && !plan->add_dict && b->tp_dictoffset != 0)
                plan->add_dict = 1;
            if (may_add_weak && !plan->add_weak && b->tp_weaklistoffset != 0)
                plan->add_weak = 1;
        }
    }
    return 0;
}

/* ------------------------------------------ __dict__ / __weakref__ getsets */

static KnObject *subtype_get_weakref(KnObject *o, void *closure)
{
    kn_ssize_t off = KN_TYPE(o)->tp_weaklistoffset;
    if (off <= 0) {
        ob_err_set_string(ob_exc_AttributeError, "This object has no __weakref__");
        return NULL;
    }
    KnObject *w = *(KnObject **)((char *)o + off);
    return w ? w : KN_None;
}

/* Unlike static types' __dict__, a class's may be deleted (a fresh
 * empty one appears on the next access). */
static int subtype_set_dict(KnObject *o, KnObject *v, void *closure)
{
    if (v == NULL) {
        KnObject **dp = ob_object_dict_ptr(o);
        if (dp == NULL) {
            ob_err_set_string(ob_exc_AttributeError, "This object has no __dict__");
            return -1;
        }
        *dp = NULL;
        return 0;
    }
    return ob_object_set_dict(o, v, closure);
}

#define DICT_GETSET { "__dict__", ob_object_get_dict, subtype_set_dict, \
                      "dictionary for instance variables", NULL }
#define WEAK_GETSET { "__weakref__", subtype_get_weakref, NULL, \
                      "list of weak references to the object", NULL }
#define END_GETSET { NULL, NULL, NULL, NULL, NULL }

static KnGetSetDef getsets_full[] = { DICT_GETSET, WEAK_GETSET, END_GETSET };
static KnGetSetDef getsets_dict_only[] = { DICT_GETSET, END_GETSET };
static KnGetSetDef getsets_weak_only[] = { WEAK_GETSET, END_GETSET };

/* ---------------------------------------------------------------- layout */

void ob_heaptype_apply_layout(KnHeapTypeObject *ht, const KnSlotsPlan *plan, KnMemberDef *mp)
{
    KnTypeObject *t = &ht->ht_type, *base = plan->base;
    kn_ssize_t off = base->tp_basicsize;
    for (kn_ssize_t i = 0; i < plan->nslot; i++) {
        mp[i].name = ob_str_as_utf8(KN_TUPLE_GET(plan->slots, i), NULL);
        mp[i].type = KN_T_OBJECT_EX;
        mp[i].offset = off;
        mp[i].flags = 0;
        mp[i].doc = NULL;
        off += PTR;
    }
    t->tp_members = mp;
    t->tp_itemsize = base->tp_itemsize;
    t->tp_dictoffset = base->tp_dictoffset;
    t->tp_weaklistoffset = base->tp_weaklistoffset;
    if (plan->add_dict) {
        if (base->tp_itemsize != 0) {
            t->tp_dictoffset = -PTR;    /* last word, after the items */
        } else {
            t->tp_dictoffset = off;
        }
        off += PTR;
    }
    if (plan->add_weak) {
        t->tp_weaklistoffset = off;
        off += PTR;
    }
    t->tp_basicsize = off;
    if (plan->add_dict && plan->add_weak)
        t->tp_getset = getsets_full;
    else if (plan->add_dict)
        t->tp_getset = getsets_dict_only;
    else if (plan->add_weak)
        t->tp_getset = getsets_weak_only;
}
