/*
 * heapq_module.c — `_heapq`: the binary min-heap (and the _max helpers
 * heapq.merge / nlargest use) on a list, as CPython 3.11: sift-down from
 * the new leaf on push, sift the hole at the root down to a leaf and back
 * up on pop, comparisons with `<` only; a list whose size changes during
 * a comparison raises RuntimeError "list changed size during iteration".
 * heapify processes every parent after its children, so its result equals
 * CPython's whatever order it uses.
 */
#include <stdio.h>

#include "libobject/libobject.h"
#include "stdlib/modules.h"

#define FC(f) ((KnCFunction)(void (*)(void))(f))

/* a < b for the min-heap, b < a for the max-heap. */
static int before(KnObject *a, KnObject *b, int max)
{
    return max ? ob_richcompare_bool(b, a, KN_LT) : ob_richcompare_bool(a, b, KN_LT);
}

static int changed(void)
{
    ob_err_set_string(ob_exc_RuntimeError, "list changed size during iteration");
    return -1;
}

/* Move heap[pos] up toward `start` while it sorts before its parent. */
static int sift_down(KnObject *heap, kn_ssize_t start, kn_ssize_t pos, int max)
{
    kn_ssize_t size = KN_SIZE(heap);
    while (pos > start) {
        kn_ssize_t parent = (pos - 1) >> 1;
        KnObject *item = KN_LIST_GET(heap, pos), *up = KN_LIST_GET(heap, parent);
        int lt = before(item, up, max);
        if (lt < 0)
            return -1;
        if (size != KN_SIZE(heap))
            return changed();
        if (!lt)
            break;
        KnObject **arr = KN_LIST_ITEMS(heap);
        item = arr[pos];
        arr[pos] = arr[parent];
        arr[parent] = item;
        pos = parent;
    }
    return 0;
}

/* Move the smaller child up into the hole at pos down to a leaf, then
 * sift the item there back up. */
static int sift_up(KnObject *heap, kn_ssize_t pos, int max)
{
    kn_ssize_t end = KN_SIZE(heap), start = pos, limit = end >> 1;
    while (pos < limit) {
        kn_ssize_t child = 2 * pos + 1;
        if (child + 1 < end) {
            int lt = before(KN_LIST_GET(heap, child), KN_LIST_GET(heap, child + 1), max);
            if (lt < 0)
                return -1;
            if (!lt)
                child++;
            if (end != KN_SIZE(heap))
                return changed();
        }
        KnObject **arr = KN_LIST_ITEMS(heap);
        KnObject *t = arr[child];
        arr[child] = arr[pos];
        arr[pos] = t;
        pos = child;
    }
    return sift_down(heap, start, pos, max);
}

static int need_list(KnObject *o, const char *fname, const char *argname)
{
    if (KN_LIST_CHECK(o))
        return 0;
    ob_err_format(ob_exc_TypeError, "%s() %s must be list, not %s", fname, argname,
                  o == KN_None ? "None" : KN_TYPE(o)->tp_name);
    return -1;
}

static int two_args(const char *fname, KnObject *const *args, kn_ssize_t nargs,
                    KnObject *kwnames)
{
    char q[64];
    snprintf(q, sizeof q, "_heapq.%s", fname);
    if (ob_args_no_keywords(q, kwnames) < 0 || ob_args_check_positional(fname, nargs, 2, 2) < 0)
        return -1;
    return need_list(args[0], fname, "argument 1");
}

static int one_arg(const char *fname, KnObject *const *args, kn_ssize_t nargs)
{
    char q[64];
    snprintf(q, sizeof q, "_heapq.%s", fname);
    if (ob_args_exactly_one(q, nargs) < 0)
        return -1;
    return need_list(args[0], fname, "argument");
}

static KnObject *heappush(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    (void)m;
    if (two_args("heappush", args, nargs, kw) < 0 || ob_list_append(args[0], args[1]) < 0 ||
        sift_down(args[0], 0, KN_SIZE(args[0]) - 1, 0) < 0)
        return NULL;
    return KN_None;
}

static KnObject *pop_impl(KnObject *heap, int max)
{
    kn_ssize_t n = KN_SIZE(heap);
    if (n == 0) {
        ob_err_set_string(ob_exc_IndexError, "index out of range");
        return NULL;
    }
    KnObject *last = KN_LIST_GET(heap, n - 1);
    KN_LIST_ITEMS(heap)[n - 1] = NULL;
    KN_SET_SIZE(heap, n - 1);
    if (n == 1)
        return last;
    KnObject *top = KN_LIST_GET(heap, 0);
    KN_LIST_ITEMS(heap)[0] = last;
    return sift_up(heap, 0, max) < 0 ? NULL : top;
}

static KnObject *replace_impl(KnObject *heap, KnObject *item, int max)
{
    if (KN_SIZE(heap) == 0) {
        ob_err_set_string(ob_exc_IndexError, "index out of range");
        return NULL;
    }
    KnObject *top = KN_LIST_GET(heap, 0);
    KN_LIST_ITEMS(heap)[0] = item;
    return sift_up(heap, 0, max) < 0 ? NULL : top;
}

static KnObject *heapify_impl(KnObject *heap, int max)
{
    for (kn_ssize_t i = KN_SIZE(heap) / 2 - 1; i >= 0; i--)
        if (sift_up(heap, i, max) < 0)
            return NULL;
    return KN_None;
}

static KnObject *heappop(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    return one_arg("heappop", args, nargs) < 0 ? NULL : pop_impl(args[0], 0);
}

static KnObject *heappop_max(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    return one_arg("_heappop_max", args, nargs) < 0 ? NULL : pop_impl(args[0], 1);
}

static KnObject *heapreplace(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    (void)m;
    return two_args("heapreplace", args, nargs, kw) < 0 ? NULL : replace_impl(args[0], args[1], 0);
}

static KnObject *heapreplace_max(KnObject *m, KnObject *const *args, kn_ssize_t nargs,
                                 KnObject *kw)
{
    (void)m;
    return two_args("_heapreplace_max", args, nargs, kw) < 0 ? NULL
                                                              : replace_impl(args[0], args[1], 1);
}

static KnObject *heapify(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    return one_arg("heapify", args, nargs) < 0 ? NULL : heapify_impl(args[0], 0);
}

static KnObject *heapify_max(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    return one_arg("_heapify_max", args, nargs) < 0 ? NULL : heapify_impl(args[0], 1);
}

static KnObject *heappushpop(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    (void)m;
    if (two_args("heappushpop", args, nargs, kw) < 0)
        return NULL;
    KnObject *heap = args[0], *item = args[1];
    if (KN_SIZE(heap) == 0)
        return item;
    int lt = ob_richcompare_bool(KN_LIST_GET(heap, 0), item, KN_LT);
    if (lt < 0)
        return NULL;
    if (!lt)
        return item;
    return replace_impl(heap, item, 0);
}

#define KWFAST (KN_METH_FASTCALL | KN_METH_KEYWORDS)
static KnMethodDef heapq_functions[] = {
    { "heappush", FC(heappush), KWFAST, "Push item onto heap, maintaining the heap invariant." },
    { "heappushpop", FC(heappushpop), KWFAST, "Push item on the heap, then pop and return the smallest item from the heap." },
    { "heappop", FC(heappop), KN_METH_FASTCALL, "Pop the smallest item off the heap, maintaining the heap invariant." },
    { "heapreplace", FC(heapreplace), KWFAST, "Pop and return the current smallest value, and add the new item." },
    { "heapify", FC(heapify), KN_METH_FASTCALL, "Transform list into a heap, in-place, in O(len(heap)) time." },
    { "_heappop_max", FC(heappop_max), KN_METH_FASTCALL, "Maxheap variant of heappop." },
    { "_heapreplace_max", FC(heapreplace_max), KWFAST, "Maxheap variant of heapreplace." },
    { "_heapify_max", FC(heapify_max), KN_METH_FASTCALL, "Maxheap variant of heapify." },
    { NULL, NULL, 0, NULL }
};

KnObject *kn_init__heapq(void)
{
    KnObject *m = ob_module_new_cstr("_heapq");
    if (m == NULL || ob_module_add_functions(m, heapq_functions) < 0)
        return NULL;
    return m;
}
