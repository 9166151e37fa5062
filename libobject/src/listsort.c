/*
 * listsort.c — list.sort: a stable, adaptive natural merge sort.
 *
 * The algorithm is the one Tim Peters described for CPython (listsort.txt):
 * find natural runs (reversing strictly descending ones), extend short runs
 * to `minrun` with binary insertion, keep a stack of pending runs whose
 * lengths satisfy the balance invariants, and merge neighbours with a merge
 * that switches to galloping (exponential search) when one side keeps
 * winning.  Only `<` is ever used, so the sort is stable for any total or
 * partial order the elements define.
 *
 * Items are sorted as (key, value) pairs: without a key function the key
 * is the value itself.  While sorting, the list looks empty (ob_item NULL,
 * allocated -1): code run by comparisons or key calls that mutates the list
 * is detected afterwards ("list modified during sort") and its changes are
 * discarded, as CPython does.  reverse=True reverses before and after the
 * sort, which keeps equal elements in their original order.
 */
#include <string.h>
#include "containers.h"

typedef struct {
    KnObject *key;
    KnObject *val;
} SortItem;

#define MAX_PENDING 85          /* enough for 2**64 elements */
#define MIN_GALLOP 7

typedef struct {
    SortItem *tmp;              /* merge buffer */
    kn_ssize_t tmp_cap;
    kn_ssize_t min_gallop;
    int n;                      /* pending runs */
    SortItem *base[MAX_PENDING];
    kn_ssize_t len[MAX_PENDING];
} MergeState;

/* a < b: 1, 0, or -1 on error. */
static int lt(KnObject *a, KnObject *b)
{
    KnObject *r = ob_richcompare(a, b, KN_LT);
    if (r == NULL)
        return -1;
    if (r == KN_True)
        return 1;
    if (r == KN_False)
        return 0;
    return ob_is_true(r);
}

static void reverse_items(SortItem *lo, SortItem *hi)   /* [lo, hi) */
{
    for (--hi; lo < hi; lo++, hi--) {
        SortItem t = *lo;
        *lo = *hi;
        *hi = t;
    }
}

static SortItem *tmp_for(MergeState *ms, kn_ssize_t need)
{
    if (need <= ms->tmp_cap)
        return ms->tmp;
    kn_ssize_t cap = need < 256 ? 256 : need;
    ms->tmp = (SortItem *)kgc_alloc((size_t)cap * sizeof(SortItem));
    if (ms->tmp == NULL) {
        ms->tmp_cap = 0;
        ob_err_nomemory();
        return NULL;
    }
    ms->tmp_cap = cap;
    return ms->tmp;
}

/* Length of the run starting at lo (n > 0 items available); *desc is set
 * when the run is strictly descending.  -1 on error. */
static kn_ssize_t count_run(SortItem *lo, kn_ssize_t n, int *desc)
{
    *desc = 0;
    if (n == 1)
        return 1;
    int k = lt(lo[1].key, lo[0].key);
    if (k < 0)
        return -1;
    kn_ssize_t i = 2;
    if (k) {
        *desc = 1;
        for (; i < n; i++) {
            k = lt(lo[i].key, lo[i - 1].key);
            if (k < 0)
                return -1;
            if (!k)
                break;
        }
    } else {
        for (; i < n; i++) {
            k = lt(lo[i].key, lo[i - 1].key);
            if (k < 0)
                return -1;
            if (k)
                break;
        }
    }
    return i;
}

/* [lo, start) is sorted; insert [start, hi) one at a time (stable: after
 * equal keys). */
static int binary_insertion(SortItem *lo, SortItem *hi, SortItem *start)
{
    for (; start < hi; start++) {
        SortItem pivot = *start;
        SortItem *l = lo, *r = start;
        while (l < r) {
            SortItem *m = l + (r - l) / 2;
            int k = lt(pivot.key, m->key);
            if (k < 0)
                return -1;
            if (k)
                r = m;
            else
                l = m + 1;
        }
        memmove(l + 1, l, (size_t)(start - l) * sizeof(SortItem));
        *l = pivot;
    }
    return 0;
}

/* Leftmost k with a[k-1] < key <= a[k], searching outward from hint. */
static kn_ssize_t gallop_left(KnObject *key, SortItem *a, kn_ssize_t n, kn_ssize_t hint)
{
    kn_ssize_t lastofs = 0, ofs = 1, maxofs;
    int k = lt(a[hint].key, key);
    if (k < 0)
        return -1;
    if (k) {
        maxofs = n - hint;
        while (ofs < maxofs) {
            k = lt(a[hint + ofs].key, key);
            if (k < 0)
                return -1;
            if (!k)
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
            if (ofs <= 0)
                ofs = maxofs;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    } else {
        maxofs = hint + 1;
        while (ofs < maxofs) {
            k = lt(a[hint - ofs].key, key);
            if (k < 0)
                return -1;
            if (k)
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
            if (ofs <= 0)
                ofs = maxofs;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        kn_ssize_t t = lastofs;
        lastofs = hint - ofs;
        ofs = hint - t;
    }
    /* now a[lastofs] < key <= a[ofs] (with a[-1] = -inf, a[n] = +inf) */
    lastofs++;
    while (lastofs < ofs) {
        kn_ssize_t m = lastofs + ((ofs - lastofs) >> 1);
        k = lt(a[m].key, key);
        if (k < 0)
            return -1;
        if (k)
            lastofs = m + 1;
        else
            ofs = m;
    }
    return ofs;
}

/* Rightmost k with a[k-1] <= key < a[k], searching outward from hint. */
static kn_ssize_t gallop_right(KnObject *key, SortItem *a, kn_ssize_t n, kn_ssize_t hint)
{
    kn_ssize_t lastofs = 0, ofs = 1, maxofs;
    int k = lt(key, a[hint].key);
    if (k < 0)
        return -1;
    if (k) {
        maxofs = hint + 1;
        while (ofs < maxofs) {
            k = lt(key, a[hint - ofs].key);
            if (k < 0)
                return -1;
            if (!k)
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
            if (ofs <= 0)
                ofs = maxofs;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        kn_ssize_t t = lastofs;
        lastofs = hint - ofs;
        ofs = hint - t;
    } else {
        maxofs = n - hint;
        while (ofs < maxofs) {
            k = lt(key, a[hint + ofs].key);
            if (k < 0)
                return -1;
            if (k)
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
            if (ofs <= 0)
                ofs = maxofs;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    }
    lastofs++;
    while (lastofs < ofs) {
        kn_ssize_t m = lastofs + ((ofs - lastofs) >> 1);
        k = lt(key, a[m].key);
        if (k < 0)
            return -1;
        if (k)
            ofs = m;
        else
            lastofs = m + 1;
    }
    return ofs;
}

/* Merge adjacent runs pa[0..na) and pb[0..nb) (pb == pa + na), na <= nb:
 * copy the left run out and fill from the left.  Invariant: dest + na == pb,
 * so whatever is left of the copied run always fits the gap — also when a
 * comparison fails, which keeps the array a permutation of its input. */
static int merge_lo(MergeState *ms, SortItem *pa, kn_ssize_t na, SortItem *pb, kn_ssize_t nb)
{
    SortItem *a = tmp_for(ms, na);
    if (a == NULL)
        return -1;
    memcpy(a, pa, (size_t)na * sizeof(SortItem));
    SortItem *dest = pa;
    kn_ssize_t min_gallop = ms->min_gallop;
    int k;
    kn_ssize_t g;
    while (na > 0 && nb > 0) {
        kn_ssize_t acount = 0, bcount = 0;
        for (;;) {
            k = lt(pb->key, a->key);
            if (k < 0)
                goto fail;
            if (k) {
                *dest++ = *pb++;
                bcount++;
                acount = 0;
                if (--nb == 0)
                    goto done;
                if (bcount >= min_gallop)
                    break;
            } else {
                *dest++ = *a++;
                acount++;
                bcount = 0;
                if (--na == 0)
                    goto done;
                if (acount >= min_gallop)
                    break;
            }
        }
        min_gallop++;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            g = gallop_right(pb->key, a, na, 0);
            if (g < 0)
                goto fail;
            acount = g;
            if (g) {
                memcpy(dest, a, (size_t)g * sizeof(SortItem));
                dest += g;
                a += g;
                na -= g;
                if (na == 0)
                    goto done;
            }
            *dest++ = *pb++;
            if (--nb == 0)
                goto done;
            g = gallop_left(a->key, pb, nb, 0);
            if (g < 0)
                goto fail;
            bcount = g;
            if (g) {
                memmove(dest, pb, (size_t)g * sizeof(SortItem));
                dest += g;
                pb += g;
                nb -= g;
                if (nb == 0)
                    goto done;
            }
            *dest++ = *a++;
            if (--na == 0)
                goto done;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        min_gallop++;
        ms->min_gallop = min_gallop;
    }
done:
    if (na)
        memcpy(dest, a, (size_t)na * sizeof(SortItem));
    return 0;
fail:
    if (na)
        memcpy(dest, a, (size_t)na * sizeof(SortItem));
    return -1;
}

/* The mirror image, na >= nb: copy the right run out and fill from the
 * right.  Invariant: the gap (pa + na - 1, dest] holds exactly nb items. */
static int merge_hi(MergeState *ms, SortItem *pa, kn_ssize_t na, SortItem *pb, kn_ssize_t nb)
{
    SortItem *tmp = tmp_for(ms, nb);
    if (tmp == NULL)
        return -1;
    memcpy(tmp, pb, (size_t)nb * sizeof(SortItem));
    SortItem *dest = pb + nb - 1;
    SortItem *a = pa + na - 1;          /* last of the left run */
    SortItem *b = tmp + nb - 1;         /* last of the copied right run */
    kn_ssize_t min_gallop = ms->min_gallop;
    int k;
    kn_ssize_t g;
    while (na > 0 && nb > 0) {
        kn_ssize_t acount = 0, bcount = 0;
        for (;;) {
            k = lt(b->key, a->key);
            if (k < 0)
                goto fail;
            if (k) {
                *dest-- = *a--;
                acount++;
                bcount = 0;
                if (--na == 0)
                    goto done;
                if (acount >= min_gallop)
                    break;
            } else {
                *dest-- = *b--;
                bcount++;
                acount = 0;
                if (--nb == 0)
                    goto done;
                if (bcount >= min_gallop)
                    break;
            }
        }
        min_gallop++;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            g = gallop_right(b->key, pa, na, na - 1);
            if (g < 0)
                goto fail;
            g = na - g;                 /* left items greater than *b */
            acount = g;
            if (g) {
                dest -= g;
                a -= g;
                memmove(dest + 1, a + 1, (size_t)g * sizeof(SortItem));
                na -= g;
                if (na == 0)
                    goto done;
            }
            *dest-- = *b--;
            if (--nb == 0)
                goto done;
            g = gallop_left(a->key, tmp, nb, nb - 1);
            if (g < 0)
                goto fail;
            g = nb - g;                 /* right items not less than *a */
            bcount = g;
            if (g) {
                dest -= g;
                b -= g;
                memcpy(dest + 1, b + 1, (size_t)g * sizeof(SortItem));
                nb -= g;
                if (nb == 0)
                    goto done;
            }
            *dest-- = *a--;
            if (--na == 0)
                goto done;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        min_gallop++;
        ms->min_gallop = min_gallop;
    }
done:
    if (nb)
        memcpy(dest - nb + 1, tmp, (size_t)nb * sizeof(SortItem));
    return 0;
fail:
    if (nb)
        memcpy(dest - nb + 1, tmp, (size_t)nb * sizeof(SortItem));
    return -1;
}

/* Merge pending runs i and i+1. */
static int merge_at(MergeState *ms, int i)
{
    SortItem *pa = ms->base[i], *pb = ms->base[i + 1];
    kn_ssize_t na = ms->len[i], nb = ms->len[i + 1];
    ms->len[i] = na + nb;
    if (i == ms->n - 3) {
        ms->base[i + 1] = ms->base[i + 2];
        ms->len[i + 1] = ms->len[i + 2];
    }
    ms->n--;
    /* items of a already <= b[0] stay where they are */
    kn_ssize_t k = gallop_right(pb->key, pa, na, 0);
    if (k < 0)
        return -1;
    pa += k;
    na -= k;
    if (na == 0)
        return 0;
    /* items of b already >= a[last] stay where they are */
    nb = gallop_left(pa[na - 1].key, pb, nb, nb - 1);
    if (nb <= 0)
        return (int)nb;
    return na <= nb ? merge_lo(ms, pa, na, pb, nb) : merge_hi(ms, pa, na, pb, nb);
}

/* Restore the stack invariants len[i-2] > len[i-1] + len[i], len[i-1] > len[i]
 * (checked one level deeper too, which the original rule missed). */
static int merge_collapse(MergeState *ms)
{
    kn_ssize_t *len = ms->len;
    while (ms->n > 1) {
        int i = ms->n - 2;
        if ((i > 0 && len[i - 1] <= len[i] + len[i + 1]) ||
            (i > 1 && len[i - 2] <= len[i - 1] + len[i])) {
            if (len[i - 1] < len[i + 1])
                i--;
        } else if (len[i] > len[i + 1]) {
            break;
        }
        if (merge_at(ms, i) < 0)
            return -1;
    }
    return 0;
}

static int merge_force_collapse(MergeState *ms)
{
    while (ms->n > 1) {
        int i = ms->n - 2;
        if (i > 0 && ms->len[i - 1] < ms->len[i + 1])
            i--;
        if (merge_at(ms, i) < 0)
            return -1;
    }
    return 0;
}

static kn_ssize_t compute_minrun(kn_ssize_t n)
{
    kn_ssize_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

static int timsort(SortItem *items, kn_ssize_t n)
{
    if (n < 2)
        return 0;
    MergeState ms;
    ms.tmp = NULL;
    ms.tmp_cap = 0;
    ms.min_gallop = MIN_GALLOP;
    ms.n = 0;
    kn_ssize_t minrun = compute_minrun(n);
    SortItem *lo = items;
    kn_ssize_t remaining = n;
    while (remaining > 0) {
        int desc;
        kn_ssize_t run = count_run(lo, remaining, &desc);
        if (run < 0)
            return -1;
        if (desc)
            reverse_items(lo, lo + run);
        if (run < minrun) {
            kn_ssize_t force = remaining < minrun ? remaining : minrun;
            if (binary_insertion(lo, lo + force, lo + run) < 0)
                return -1;
            run = force;
        }
        ms.base[ms.n] = lo;
        ms.len[ms.n] = run;
        ms.n++;
        if (merge_collapse(&ms) < 0)
            return -1;
        lo += run;
        remaining -= run;
    }
    return merge_force_collapse(&ms);
}

/* Sort `list` in place.  keyfunc NULL (or None): compare the items. */
static int list_sort_impl(KnObject *list, KnObject *keyfunc, int reverse)
{
    KnListObject *self = (KnListObject *)list;
    kn_ssize_t n = KN_SIZE(self);
    KnObject **saved = self->ob_item;
    kn_ssize_t saved_alloc = self->allocated;
    int status = 0;

    /* the list looks empty while we own its items */
    self->ob_item = NULL;
    self->allocated = -1;
    KN_SET_SIZE(self, 0);

    SortItem *items = NULL;
    if (n > 0) {
        items = (SortItem *)kgc_alloc((size_t)n * sizeof(SortItem));
        if (items == NULL) {
            ob_err_nomemory();
            status = -1;
            goto restore;
        }
    }
    for (kn_ssize_t i = 0; i < n; i++) {
        items[i].val = saved[i];
        if (keyfunc != NULL) {
            items[i].key = ob_call_onearg(keyfunc, saved[i]);
            if (items[i].key == NULL) {
                /* nothing moved yet: the list keeps its original order */
                status = -1;
                goto restore;
            }
        } else {
            items[i].key = saved[i];
        }
    }
    if (reverse && n > 1)
        reverse_items(items, items + n);
    status = timsort(items, n);
    if (reverse && n > 1)
        reverse_items(items, items + n);
    for (kn_ssize_t i = 0; i < n; i++)
        saved[i] = items[i].val;

restore:
    if (self->allocated != -1 && status == 0) {
        ob_err_set_string(ob_exc_ValueError, "list modified during sort");
        status = -1;
    }
    self->ob_item = saved;
    self->allocated = saved_alloc;
    KN_SET_SIZE(self, n);
    return status;
}

int ob_list_sort(KnObject *list)
{
    if (!KN_LIST_CHECK(list)) {
        ob_err_bad_internal_call();
        return -1;
    }
    return list_sort_impl(list, NULL, 0);
}

KnObject *ob_listsort_method(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                             KnObject *kwnames)
{
    static const char *const names[] = {"key", "reverse", NULL};
    static const KnArgSpec spec = {"sort", names, 0, 0, 0};
    if (nargs > 0) {
        ob_err_set_string(ob_exc_TypeError, "sort() takes no positional arguments");
        return NULL;
    }
    KnObject *out[2] = {NULL, NULL};
    if (ob_args_parse(&spec, args, nargs, kwnames, out) < 0)
        return NULL;
    KnObject *key = out[0] == KN_None ? NULL : out[0];
    int reverse = 0;
    if (out[1] != NULL) {
        KnObject *r = ob_number_index(out[1]);
        if (r == NULL)
            return NULL;
        reverse = ob_int_sign(r) != 0;
    }
    if (list_sort_impl(self, key, reverse) < 0)
        return NULL;
    return KN_None;
}
