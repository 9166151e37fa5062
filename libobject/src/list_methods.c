/*
 * list_methods.c — the methods of list reached by name (append, pop, ...).
 * Argument rules and messages are CPython 3.11's (argument clinic).
 */
#include <string.h>
#include "containers.h"

/* The 'n' converter of clinic: __index__, then OverflowError "Python int
 * too large to convert to C ssize_t". */
static int arg_ssize(KnObject *o, kn_ssize_t *out)
{
    KnObject *i = ob_number_index(o);
    if (i == NULL)
        return -1;
    kn_ssize_t v = ob_int_as_ssize(i);
    if (v == -1 && ob_err_occurred())
        return -1;
    *out = v;
    return 0;
}

static KnObject *list_append(KnObject *self, KnObject *item)
{
    if (ob_list_append(self, item) < 0)
        return NULL;
    return KN_None;
}

static KnObject *list_extend_m(KnObject *self, KnObject *iterable)
{
    if (ob_list_extend(self, iterable) < 0)
        return NULL;
    return KN_None;
}

static KnObject *list_insert(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("insert", nargs, 2, 2) < 0)
        return NULL;
    kn_ssize_t where;
    if (arg_ssize(args[0], &where) < 0)
        return NULL;
    kn_ssize_t n = KN_SIZE(self);
    if (ob_list_resize(self, n + 1) < 0)
        return NULL;
    if (where < 0) {
        where += n;
        if (where < 0)
            where = 0;
    }
    if (where > n)
        where = n;
    KnObject **items = KN_LIST_ITEMS(self);
    memmove(items + where + 1, items + where, (size_t)(n - where) * sizeof(KnObject *));
    items[where] = args[1];
    return KN_None;
}

static KnObject *list_pop(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("pop", nargs, 0, 1) < 0)
        return NULL;
    kn_ssize_t index = -1;
    if (nargs == 1 && arg_ssize(args[0], &index) < 0)
        return NULL;
    kn_ssize_t n = KN_SIZE(self);
    if (n == 0) {
        ob_err_set_string(ob_exc_IndexError, "pop from empty list");
        return NULL;
    }
    if (index < 0)
        index += n;
    if ((size_t)index >= (size_t)n) {
        ob_err_set_string(ob_exc_IndexError, "pop index out of range");
        return NULL;
    }
    KnObject *v = KN_LIST_GET(self, index);
    if (index == n - 1) {
        if (ob_list_resize(self, n - 1) < 0)
            return NULL;
        return v;
    }
    if (ob_list_ass_slice(self, index, index + 1, NULL) < 0)
        return NULL;
    return v;
}

static KnObject *list_remove(KnObject *self, KnObject *value)
{
    for (kn_ssize_t i = 0; i < KN_SIZE(self); i++) {
        KnObject *item = KN_LIST_GET(self, i);
        int r = ob_richcompare_bool(item, value, KN_EQ);
        if (r < 0)
            return NULL;
        if (r > 0) {
            if (ob_list_ass_slice(self, i, i + 1, NULL) < 0)
                return NULL;
            return KN_None;
        }
    }
    ob_err_set_string(ob_exc_ValueError, "list.remove(x): x not in list");
    return NULL;
}

static KnObject *list_index(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("index", nargs, 1, 3) < 0)
        return NULL;
    kn_ssize_t start = 0, stop = KN_SSIZE_MAX;
    if (nargs >= 2 && ob_cont_index_bound(args[1], &start) < 0)
        return NULL;
    if (nargs >= 3 && ob_cont_index_bound(args[2], &stop) < 0)
        return NULL;
    if (start < 0) {
        start += KN_SIZE(self);
        if (start < 0)
            start = 0;
    }
    if (stop < 0) {
        stop += KN_SIZE(self);
        if (stop < 0)
            stop = 0;
    }
    for (kn_ssize_t i = start; i < stop && i < KN_SIZE(self); i++) {
        int r = ob_richcompare_bool(KN_LIST_GET(self, i), args[0], KN_EQ);
        if (r < 0)
            return NULL;
        if (r > 0)
            return ob_int_from_ssize(i);
    }
    return ob_err_format(ob_exc_ValueError, "%R is not in list", args[0]);
}

static KnObject *list_count(KnObject *self, KnObject *value)
{
    kn_ssize_t count = 0;
    for (kn_ssize_t i = 0; i < KN_SIZE(self); i++) {
        KnObject *item = KN_LIST_GET(self, i);
        if (item == value) {
            count++;
            continue;
        }
        int r = ob_richcompare_bool(item, value, KN_EQ);
        if (r < 0)
            return NULL;
        count += r;
    }
    return ob_int_from_ssize(count);
}

static KnObject *list_reverse(KnObject *self, KnObject *unused)
{
    KnObject **items = KN_LIST_ITEMS(self);
    for (kn_ssize_t lo = 0, hi = KN_SIZE(self) - 1; lo < hi; lo++, hi--) {
        KnObject *t = items[lo];
        items[lo] = items[hi];
        items[hi] = t;
    }
    return KN_None;
}

static KnObject *list_copy(KnObject *self, KnObject *unused)
{
    return ob_list_from_array(KN_LIST_ITEMS(self), KN_SIZE(self));
}

static KnObject *list_clear(KnObject *self, KnObject *unused)
{
    ob_list_clear_items(self);
    return KN_None;
}

static KnObject *list_reversed(KnObject *self, KnObject *unused)
{
    return ob_listiter_new(self, 1);
}

static KnObject *list_sizeof(KnObject *self, KnObject *unused)
{
    kn_ssize_t alloc = ((KnListObject *)self)->allocated;
    if (alloc < 0)
        alloc = 0;
    return ob_int_from_ssize((kn_ssize_t)sizeof(KnListObject) +
                             alloc * (kn_ssize_t)sizeof(KnObject *));
}

#define FAST(f) (KnCFunction)(void (*)(void))(f)

KnMethodDef ob_list_methods[] = {
    KN_CONT_CLASS_GETITEM_METHOD
    {"__reversed__", (KnCFunction)list_reversed, KN_METH_NOARGS,
     "Return a reverse iterator over the list."},
    {"__sizeof__", (KnCFunction)list_sizeof, KN_METH_NOARGS,
     "Return the size of the list in memory, in bytes."},
    {"clear", (KnCFunction)list_clear, KN_METH_NOARGS, "Remove all items from list."},
    {"copy", (KnCFunction)list_copy, KN_METH_NOARGS, "Return a shallow copy of the list."},
    {"append", (KnCFunction)list_append, KN_METH_O, "Append object to the end of the list."},
    {"insert", FAST(list_insert), KN_METH_FASTCALL, "Insert object before index."},
    {"extend", (KnCFunction)list_extend_m, KN_METH_O,
     "Extend list by appending elements from the iterable."},
    {"pop", FAST(list_pop), KN_METH_FASTCALL,
     "Remove and return item at index (default last).\n\n"
     "Raises IndexError if list is empty or index is out of range."},
    {"remove", (KnCFunction)list_remove, KN_METH_O,
     "Remove first occurrence of value.\n\nRaises ValueError if the value is not present."},
    {"index", FAST(list_index), KN_METH_FASTCALL,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", (KnCFunction)list_count, KN_METH_O, "Return number of occurrences of value."},
    {"reverse", (KnCFunction)list_reverse, KN_METH_NOARGS, "Reverse *IN PLACE*."},
    {"sort", FAST(ob_listsort_method), KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "Sort the list in ascending order and return None.\n\n"
     "The sort is in-place (i.e. the list itself is modified) and stable (i.e. the\n"
     "order of two equal elements is maintained).\n\n"
     "If a key function is given, apply it once to each list item and sort them,\n"
     "ascending or descending, according to their function values.\n\n"
     "The reverse flag can be set to sort in descending order."},
    {NULL, NULL, 0, NULL}
};
