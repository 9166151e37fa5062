/*
 * kgc_test.h -- helpers shared by libgc's cmocka tests.
 *
 * Conservative stack scanning means a stale pointer left in a dead stack
 * frame or a callee-saved register can keep an object alive.  The tests
 * therefore (1) create and link objects only inside noinline helpers that
 * hand back nothing but integers or malloc'd holders, (2) wipe the unused
 * stack below the caller before collecting, and (3) collect several times.
 * "Reclaimed" is always proven positively: a hook was called, a weak slot
 * became the sentinel, or a Boehm disappearing link (kt_watch) was cleared.
 */
#ifndef KGC_TEST_H
#define KGC_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <gc/gc.h>
#include "libgc/gc.h"

#define KT_NOINLINE __attribute__((noinline, unused))

/* Test objects.  "type" tells which layout the hooks are looking at. */
static char kt_type_obj, kt_type_wr;
struct kt_obj {
    intptr_t refcnt;
    void *type;
    long id;
    void *a, *b, *c;
};
struct kt_wr {              /* PyWeakReference-shaped: word 2 is the slot */
    intptr_t refcnt;
    void *type;
    void *wr_object;
    long id;
    void *extra;
};

static inline struct kt_obj *kt_new(long id)
{
    struct kt_obj *o = kgc_alloc_object(sizeof *o);
    o->type = &kt_type_obj;
    o->id = id;
    return o;
}

static inline struct kt_wr *kt_new_wr(long id)
{
    struct kt_wr *w = kgc_alloc_weakref_object(sizeof *w);
    w->type = &kt_type_wr;
    w->id = id;
    return w;
}

static inline long kt_id(void *o)
{
    if (((struct kt_obj *)o)->type == &kt_type_wr)
        return ((struct kt_wr *)o)->id;
    return ((struct kt_obj *)o)->id;
}

/* Event log written by the hooks. */
enum { KT_FIN = 1, KT_WEAKCB, KT_CLEAR, KT_DEALLOC };
struct kt_event { int ev; long id; };
static struct kt_event kt_log[8192];
static int kt_nlog;
static int kt_sentinel_storage;
#define KT_SENTINEL ((void *)&kt_sentinel_storage)
static void (*kt_on_finalize)(void *obj);
static void (*kt_on_weakcb)(void *cookie);

static inline void kt_record(int ev, long id)
{
    if (kt_nlog < (int)(sizeof kt_log / sizeof kt_log[0]))
        kt_log[kt_nlog++] = (struct kt_event){ ev, id };
}

static void kt_hook_finalize(void *obj)
{
    kt_record(KT_FIN, kt_id(obj));
    if (kt_on_finalize)
        kt_on_finalize(obj);
}
static void kt_hook_weakcb(void *cookie)
{
    kt_record(KT_WEAKCB, kt_id(cookie));
    if (kt_on_weakcb)
        kt_on_weakcb(cookie);
}
static void kt_hook_clear(void *obj)
{
    kt_record(KT_CLEAR, kt_id(obj));
    if (((struct kt_obj *)obj)->type == &kt_type_obj) {
        struct kt_obj *o = obj;
        o->a = o->b = o->c = NULL;
    }
}
static void kt_hook_dealloc(void *obj)
{
    kt_record(KT_DEALLOC, kt_id(obj));
}

static inline void kt_install_hooks(void)
{
    struct kgc_hooks h = {
        .finalize = kt_hook_finalize,
        .weak_callback = kt_hook_weakcb,
        .clear = kt_hook_clear,
        .dealloc = kt_hook_dealloc,
        .weak_sentinel = KT_SENTINEL,
    };
    kgc_set_hooks(&h);
    kt_nlog = 0;
    kt_on_finalize = NULL;
    kt_on_weakcb = NULL;
}

static inline int kt_count(int ev, long id)
{
    int n = 0;
    for (int i = 0; i < kt_nlog; i++)
        if (kt_log[i].ev == ev && kt_log[i].id == id)
            n++;
    return n;
}

/* Index of the first / last event ev for id, -1 if none. */
static inline int kt_first(int ev, long id)
{
    for (int i = 0; i < kt_nlog; i++)
        if (kt_log[i].ev == ev && kt_log[i].id == id)
            return i;
    return -1;
}

KT_NOINLINE static void kt_clear_stack(void)
{
    volatile char buf[32768];
    for (size_t i = 0; i < sizeof buf; i++)
        buf[i] = 0;
    __asm__ volatile("" : : "r"(buf) : "memory");
}

KT_NOINLINE static size_t kt_collect(void)
{
    size_t n = 0;
    for (int i = 0; i < 3; i++) {
        kt_clear_stack();
        n += kgc_collect();
    }
    kt_clear_stack();
    return n;
}

/* A Boehm disappearing link on obj, in malloc memory (not scanned), value
 * hidden: kt_alive(w) turns 0 once a collection found obj unreachable. */
static inline void **kt_watch(void *obj)
{
    void **link = malloc(sizeof *link);
    *link = (void *)~(uintptr_t)obj;
    GC_general_register_disappearing_link(link, obj);
    return link;
}
static inline int kt_alive(void **link)
{
    return *(void *volatile *)link != NULL;
}

/* Churn the allocator so freed memory gets reused (and zeroed). */
KT_NOINLINE static void kt_churn(void)
{
    for (int i = 0; i < 20000; i++) {
        struct kt_obj *o = kgc_alloc_object(sizeof *o);
        o->id = -1;
        void *p = kgc_alloc(48);
        memset(p, 0, 48);
    }
}

#endif /* KGC_TEST_H */
