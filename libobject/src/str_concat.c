/*
 * str_concat.c — a + b for str, amortised linear for `s += t` in a loop.
 *
 * Without reference counts Kiln cannot tell that `s` in `s += t` has no
 * other reference, so it cannot resize it in place as CPython does.
 * Instead a long concatenation result is a *growable* str: a valid legacy
 * (non-compact) PEP 393 string whose data pointer is the start of a shared
 * buffer with spare capacity.  The buffer records how many code units are
 * in use; concatenating onto the str whose length equals that count (the
 * "tip") writes the new characters after it and returns a NEW header that
 * shares the buffer with a longer length.  No existing str ever changes:
 * every header only reads data[0, length), and appends go past the end
 * of the longest one.  See NOTES-str-concat.md.
 */
#include <pthread.h>
#include <stdlib.h>
#include "str_internal.h"

/* Results shorter than this are ordinary compact strings. */
#define GROW_MIN 64

/* Bits 8.. of the PEP 393 state word are padding in CPython 3.11's
 * layout (never read by its macros): bit 8 marks a growable str, bits
 * 9..16 hold its buffer's capacity class.  Accessed through the whole
 * 32-bit word so the public struct stays CPython's. */
#define GROW_FLAG (1u << 8)
#define GROW_CLASS_SHIFT 9
#define GROW_CLASS_MASK 0xffu

static inline uint32_t state_word(KnObject *s)
{
    uint32_t w;
    memcpy(&w, &KN_STR_ASCII(s)->state, sizeof w);
    return w;
}

static inline void state_word_set(KnObject *s, uint32_t w)
{
    memcpy(&KN_STR_ASCII(s)->state, &w, sizeof w);
}

int ob_str_is_growable(KnObject *s)
{
    return (state_word(s) & GROW_FLAG) != 0;
}

/* Capacity of class c, in code units: (8 + c % 8) << (c / 8), steps of at
 * most 12.5%, up to 15 << 31 units; longer strings stay compact. */
static kn_ssize_t class_cap(unsigned c)
{
    return (kn_ssize_t)(8 + (c & 7)) << (c >> 3);
}

/* The smallest class whose capacity is >= n; -1 when none is. */
static int class_for(kn_ssize_t n)
{
    unsigned c = 0;
    if (n > 15) {
        int top = 63 - __builtin_clzll((unsigned long long)n);   /* 2^top <= n */
        c = (unsigned)(top - 3) * 8;
    }
    while (c <= GROW_CLASS_MASK && class_cap(c) < n)
        c++;
    if (c > GROW_CLASS_MASK || class_cap(c) > ((kn_ssize_t)1 << 56))
        return -1;
    return (int)c;
}

/* Buffer layout: cap + 1 code units (the last one for a NUL after the
 * tip), padded to 8 bytes, then the count of code units in use. */
static size_t trailer_offset(kn_ssize_t cap, int kind)
{
    return (((size_t)cap + 1) * (size_t)kind + 7) & ~(size_t)7;
}

static kn_ssize_t *buffer_used(KnObject *s)
{
    unsigned c = (state_word(s) >> GROW_CLASS_SHIFT) & GROW_CLASS_MASK;
    char *data = ((KnUnicodeObject *)s)->data.any;
    return (kn_ssize_t *)(void *)(data + trailer_offset(class_cap(c), KN_STR_KIND(s)));
}

/* A header over the first n units of data (a buffer of class c). */
static KnObject *growable_header(void *data, kn_ssize_t n, int kind, int ascii, unsigned c)
{
    KnUnicodeObject *u = kgc_alloc_object(sizeof(KnUnicodeObject));
    if (u == NULL)
        return ob_err_nomemory();
    KnASCIIObject *a = &u->_base._base;
#ifdef KILN_DEBUG
    {   /* the named PEP 393 bits must fill bits 0..7 only (GCC allocates
         * bit-fields from the low bit on little-endian targets) */
        KnASCIIObject probe;
        memset(&probe, 0, sizeof probe);
        probe.state.interned = 3;
        probe.state.kind = 7;
        probe.state.compact = probe.state.ascii = probe.state.ready = 1;
        if (state_word((KnObject *)&probe) != 0xffu)
            abort();
    }
#endif
    a->ob_base.ob_type = &ob_str_type;
    a->length = n;
    a->hash = -1;
    a->state.kind = (unsigned)kind;
    a->state.compact = 0;
    a->state.ascii = (unsigned)ascii;
    a->state.ready = 1;
    state_word_set((KnObject *)u, state_word((KnObject *)u) | GROW_FLAG | (c << GROW_CLASS_SHIFT));
    u->data.any = data;
    return (KnObject *)u;
}

/* Copy s's code units into data (of kind `kind` >= s's) at position at. */
void ob_str_copy_units(void *data, int kind, kn_ssize_t at, KnObject *s)
{
    int ks = KN_STR_KIND(s);
    kn_ssize_t n = KN_STR_LEN(s);
    const void *ds = KN_STR_DATA(s);
    if (ks == kind) {
        memcpy((char *)data + at * kind, ds, (size_t)n * (size_t)kind);
    } else {
        for (kn_ssize_t i = 0; i < n; i++)
            KN_STR_WRITE(kind, data, at + i, KN_STR_READ(ks, ds, i));
    }
}

/* a + b into a new growable buffer with room for `want` code units. */
static KnObject *concat_new_buffer(KnObject *a, KnObject *b, kn_ssize_t want, int kind, int ascii)
{
    kn_ssize_t na = KN_STR_LEN(a), nb = KN_STR_LEN(b);
    int c = class_for(want);
    if (c < 0)
        return NULL;   /* no error set: the caller makes a compact str */
    kn_ssize_t cap = class_cap((unsigned)c);
    size_t off = trailer_offset(cap, kind);
    char *data = kgc_alloc_atomic(off + sizeof(kn_ssize_t));
    if (data == NULL)
        return ob_err_nomemory();
    ob_str_copy_units(data, kind, 0, a);
    ob_str_copy_units(data, kind, na, b);
    KN_STR_WRITE(kind, data, na + nb, 0);
    *(kn_ssize_t *)(void *)(data + off) = na + nb;
    return growable_header(data, na + nb, kind, ascii, (unsigned)c);
}

KnObject *ob_str_new_big(kn_ssize_t size, int kind, int ascii)
{
    int c = class_for(size);
    if (c < 0)
        return NULL;
    size_t off = trailer_offset(class_cap((unsigned)c), kind);
    char *data = kgc_alloc_atomic(off + sizeof(kn_ssize_t));
    if (data == NULL)
        return ob_err_nomemory();
    KN_STR_WRITE(kind, data, size, 0);
    *(kn_ssize_t *)(void *)(data + off) = size;
    return growable_header(data, size, kind, ascii, (unsigned)c);
}

/* strs (r5): two non-empty compact ASCII strs making a short result, the
 * common case of `a + b + c` on words: the result's header and characters
 * written straight, no kind or growable-buffer decisions. */
static KnObject *concat_short_ascii(KnObject *a, kn_ssize_t na, KnObject *b, kn_ssize_t nb)
{
    KnObject *r = ob_str_new_ascii_short(na + nb);
    if (r == NULL)
        return NULL;
    char *d = (char *)(KN_STR_ASCII(r) + 1);
    memcpy(d, KN_STR_ASCII(a) + 1, (size_t)na);
    memcpy(d + na, KN_STR_ASCII(b) + 1, (size_t)nb);
    return r;
}

KnObject *ob_str_concat(KnObject *a, KnObject *b)
{
    if (!KN_STR_CHECK(a) || !KN_STR_CHECK(b)) {
        KnObject *bad = KN_STR_CHECK(a) ? b : a;
        return ob_err_format(ob_exc_TypeError, "can only concatenate str (not \"%.200s\") to str",
                             KN_TYPE(bad)->tp_name);
    }
    kn_ssize_t na = KN_STR_LEN(a), nb = KN_STR_LEN(b);
    if (KN_STR_IS_ASCII(a) && KN_STR_IS_COMPACT(a) && KN_STR_IS_ASCII(b) &&
        KN_STR_IS_COMPACT(b) && na > 0 && nb > 0 && na + nb < OB_STR_SHORT_MAX)
        return concat_short_ascii(a, na, b, nb);
    if (nb == 0 && KN_STR_CHECK_EXACT(a))
        return a;
    if (na == 0 && KN_STR_CHECK_EXACT(b))
        return b;
    if (na > (kn_ssize_t)0x7fffffffffffffffLL - nb) {
        ob_err_set_string(ob_exc_OverflowError, "strings are too large to concat");
        return NULL;
    }
    kn_ssize_t n = na + nb;
    uint32_t ma = KN_STR_IS_ASCII(a) ? 0x7f : ob_str_kind_max(KN_STR_KIND(a));
    uint32_t mb = KN_STR_IS_ASCII(b) ? 0x7f : ob_str_kind_max(KN_STR_KIND(b));
    uint32_t maxchar = ma > mb ? ma : mb;
    if (n >= GROW_MIN) {
        int kind = KN_STR_KIND(a);
        int ascii = KN_STR_IS_ASCII(a) && KN_STR_IS_ASCII(b);
        if (KN_STR_CHECK_EXACT(a) && ob_str_is_growable(a) && KN_STR_KIND(b) <= kind) {
            kn_ssize_t *used = buffer_used(a);
            unsigned c = (state_word(a) >> GROW_CLASS_SHIFT) & GROW_CLASS_MASK;
            if (*used == na) {
                /* a is the tip: append in place when there is room, else
                 * move to a buffer twice as large. */
                if (n <= class_cap(c)) {
                    void *data = ((KnUnicodeObject *)a)->data.any;
                    ob_str_copy_units(data, kind, na, b);
                    KN_STR_WRITE(kind, data, n, 0);
                    *used = n;
                    return growable_header(data, n, kind, ascii, c);
                }
                if (n <= (kn_ssize_t)1 << 55) {
                    KnObject *r = concat_new_buffer(a, b, 2 * n, kind, ascii);
                    if (r != NULL || ob_err_occurred())
                        return r;
                }
            }
        }
        /* A first long result: some room to grow, in case it is the
         * start of a loop of appends. */
        int rkind = maxchar < 0x100 ? 1 : maxchar < 0x10000 ? 2 : 4;
        if (n <= (kn_ssize_t)1 << 55) {
            KnObject *r = concat_new_buffer(a, b, n + n / 4 + 16, rkind, maxchar < 0x80);
            if (r != NULL || ob_err_occurred())
                return r;
        }
    }
    KnObject *r = ob_str_new(n, maxchar);
    if (r == NULL)
        return NULL;
    int kr = KN_STR_KIND(r);
    void *dr = KN_STR_DATA(r);
    if (kr == 1) {
        memcpy(dr, KN_STR_DATA(a), (size_t)na);
        memcpy((char *)dr + na, KN_STR_DATA(b), (size_t)nb);
    } else {
        ob_str_copy_units(dr, kr, 0, a);
        ob_str_copy_units(dr, kr, na, b);
    }
    return r;
}

KnObject *ob_str_join_array(KnObject *sep, KnObject *const *items, kn_ssize_t n)
{
    return ob_str_join_checked(sep, items, n, 0);
}

#define JOIN_PREFETCH 8
#define JOIN_PREFETCH_ONE 96   /* one-pass: ~3 ns an item, so look ~300 ns (a DRAM miss) ahead */
#define JOIN_ONEPASS_MIN 256    /* items; fewer: the two-pass join */

/* The one-pass join's scratch buffer, kept per thread between joins so
 * a long join does not map and fault in fresh pages each time (glibc
 * serves big blocks from mmap).  Nothing in the join runs Python code, so
 * a thread never uses it twice at once.  Buffers above JOIN_KEEP_MAX are
 * given back after the join. */
#define JOIN_KEEP_MAX ((size_t)4 << 20)
static _Thread_local char *join_scratch;
static _Thread_local size_t join_scratch_cap;
static pthread_key_t join_scratch_key;     /* frees a thread's buffer at its exit */
static pthread_once_t join_scratch_once = PTHREAD_ONCE_INIT;
static int join_scratch_key_ok;

static void join_scratch_key_init(void)
{
    join_scratch_key_ok = pthread_key_create(&join_scratch_key, free) == 0;
}

/* Keep buf as this thread's scratch buffer (or free it). */
static void join_scratch_keep(char *buf, size_t cap)
{
    pthread_once(&join_scratch_once, join_scratch_key_init);
    if (cap > JOIN_KEEP_MAX || !join_scratch_key_ok ||
        pthread_setspecific(join_scratch_key, buf) != 0) {
        if (join_scratch_key_ok)
            pthread_setspecific(join_scratch_key, NULL);
        free(buf);
        join_scratch_cap = 0;
        return;
    }
    join_scratch = buf;
    join_scratch_cap = cap;
}

/* Copy the len (< 16 in the common case) bytes at src to dst: the short
 * sizes with two overlapping fixed-size moves, reading and writing only
 * [0, len); memcpy beyond that. */
static inline void join_copy(char *dst, const char *src, size_t len)
{
    if (len >= 8) {
        if (len > 16) {
            memcpy(dst, src, len);
            return;
        }
        uint64_t a, b;
        memcpy(&a, src, 8);
        memcpy(&b, src + len - 8, 8);
        memcpy(dst, &a, 8);
        memcpy(dst + len - 8, &b, 8);
    } else if (len >= 4) {
        uint32_t a, b;
        memcpy(&a, src, 4);
        memcpy(&b, src + len - 4, 4);
        memcpy(dst, &a, 4);
        memcpy(dst + len - 4, &b, 4);
    } else if (len > 0) {
        dst[0] = src[0];
        dst[len >> 1] = src[len >> 1];
        dst[len - 1] = src[len - 1];
    }
}

/* A long join of 1-byte pieces in one pass over the items: each piece is
 * checked and copied into the scratch buffer as it is read, then the
 * result is one sequential copy of that buffer.  The items of a long join
 * are scattered 80-byte objects that miss the cache; the two-pass join
 * (lengths, then copies) missed on each one twice.  Returns NULL with
 * *fallback = 1 (no exception) on the first piece that is not a 1-byte
 * str (non-str pieces included: the two-pass join reports them). */
static KnObject *join_one_pass(KnObject *sep, KnObject *const *items, kn_ssize_t n, int *fallback)
{
    kn_ssize_t seplen = sep ? KN_STR_LEN(sep) : 0;
    const char *sd = seplen ? KN_STR_DATA(sep) : NULL;
    int ascii = seplen ? KN_STR_IS_ASCII(sep) : 1;
    *fallback = 1;
    if (seplen && KN_STR_KIND(sep) != 1)
        return NULL;
    size_t cap = join_scratch_cap, at = 0;
    char *buf = join_scratch;
    if (buf == NULL) {
        cap = 65536;
        buf = malloc(cap);
        if (buf == NULL)
            return ob_err_nomemory();
    }
    join_scratch = NULL;    /* owned by this join until it ends */
    KnObject *r = NULL;
    for (kn_ssize_t i = 0; i < n; i++) {
        if (i + JOIN_PREFETCH_ONE < n)
            __builtin_prefetch(items[i + JOIN_PREFETCH_ONE]);
        KnObject *it = items[i];
        if ((KN_TYPE(it) != &ob_str_type && !KN_STR_CHECK(it)) || KN_STR_KIND(it) != 1)
            goto done;
        size_t len = (size_t)KN_STR_LEN(it), add = len + (i ? (size_t)seplen : 0);
        if (add > cap - at) {
            size_t ncap = cap;
            while (add > ncap - at) {
                if (ncap > ((size_t)1 << 61)) {
                    *fallback = 0;
                    ob_err_set_string(ob_exc_OverflowError, "join() result is too long for a Python string");
                    goto done;
                }
                ncap *= 2;
            }
            char *nb = realloc(buf, ncap);
            if (nb == NULL) {
                *fallback = 0;
                ob_err_nomemory();
                goto done;
            }
            buf = nb;
            cap = ncap;
        }
        if (i && seplen) {
            join_copy(buf + at, sd, (size_t)seplen);
            at += (size_t)seplen;
        }
        join_copy(buf + at, KN_STR_DATA(it), len);
        at += len;
        ascii &= len == 0 || KN_STR_IS_ASCII(it);
    }
    *fallback = 0;
    r = at == 0 ? ob_str_empty() : ob_str_new((kn_ssize_t)at, ascii ? 0x7f : 0xff);
    if (r != NULL && at != 0)
        memcpy(KN_STR_DATA(r), buf, at);
done:
    join_scratch_keep(buf, cap);
    return r;
}

KnObject *ob_str_join_checked(KnObject *sep, KnObject *const *items, kn_ssize_t n, int check)
{
    if (n >= JOIN_ONEPASS_MIN) {
        int fallback;
        KnObject *r = join_one_pass(sep, items, n, &fallback);
        if (r != NULL || !fallback)
            return r;
    }
    kn_ssize_t seplen = sep ? KN_STR_LEN(sep) : 0, total = 0;
    uint32_t maxchar = seplen && n > 1 ? ob_str_max_char(sep) : 0;
    /* Long joins are bound by cache misses on the item headers (Boehm's
     * free lists scatter them): prefetch a few items ahead in both passes. */
    for (kn_ssize_t i = 0; i < n; i++) {
        if (i + JOIN_PREFETCH < n)
            __builtin_prefetch(items[i + JOIN_PREFETCH]);
        if (check && !KN_STR_CHECK(items[i]))
            return ob_err_format(ob_exc_TypeError, "sequence item %zd: expected str instance, %.80s found",
                                 i, KN_TYPE(items[i])->tp_name);
        kn_ssize_t len = KN_STR_LEN(items[i]), add = len + (i ? seplen : 0);
        if (total > (kn_ssize_t)0x7fffffffffffffffLL - add) {
            ob_err_set_string(ob_exc_OverflowError, "join() result is too long for a Python string");
            return NULL;
        }
        total += add;
        uint32_t m = !len ? 0 : KN_STR_IS_ASCII(items[i]) ? 0x7f
                                                  : ob_str_kind_max(KN_STR_KIND(items[i]));
        if (m > maxchar)
            maxchar = m;
    }
    if (total == 0)
        return ob_str_empty();
    /* Kiln's str are canonical (narrowest kind, exact ascii bit), so the
     * kind bounds give the result's exact kind: one allocation, no scan. */
    KnObject *r = ob_str_new(total, maxchar);
    if (r == NULL)
        return NULL;
    int kind = KN_STR_KIND(r);
    void *data = KN_STR_DATA(r);
    kn_ssize_t at = 0;
    if (kind == 1) {
        /* every piece is 1-byte too: plain copies */
        char *o = data;
        const char *sd = seplen ? KN_STR_DATA(sep) : NULL;
        for (kn_ssize_t i = 0; i < n; i++) {
            if (i + JOIN_PREFETCH < n)
                __builtin_prefetch(items[i + JOIN_PREFETCH]);
            if (i && seplen) {
                memcpy(o + at, sd, (size_t)seplen);
                at += seplen;
            }
            kn_ssize_t len = KN_STR_LEN(items[i]);
            memcpy(o + at, KN_STR_DATA(items[i]), (size_t)len);
            at += len;
        }
        return r;
    }
    for (kn_ssize_t i = 0; i < n; i++) {
        if (i && seplen) {
            ob_str_copy_units(data, kind, at, sep);
            at += seplen;
        }
        ob_str_copy_units(data, kind, at, items[i]);
        at += KN_STR_LEN(items[i]);
    }
    return r;
}

KnObject *ob_str_concat_array(KnObject *const *items, kn_ssize_t n)
{
    if (n == 1 && KN_STR_CHECK_EXACT(items[0]))
        return items[0];
    return ob_str_join_array(NULL, items, n);
}
