/* pickle_memo.c — the pickler's memo (object identity -> memo index) and
 * the PicklerMemoProxy / UnpicklerMemoProxy objects behind `.memo`.
 *
 * The table is open addressing over object addresses (objects never move
 * under Boehm).  Its entry array is GC-scanned: the memo must keep every
 * memoized object alive, or a freed object's address could be reused by a
 * new object and be mistaken for it. */
#include <string.h>

#include "pickle_internal.h"
#include "libgc/gc.h"

#define MEMO_MIN 64

static size_t hash_ptr(const KnObject *o)
{
    uint64_t x = (uint64_t)(uintptr_t)o;
    x ^= x >> 4;
    x *= 0x9E3779B97F4A7C15ull;
    return (size_t)(x >> 17);
}

int pk_memo_init(PkMemo *m)
{
    m->table = kgc_alloc(sizeof(PkMemoEntry) * MEMO_MIN);
    if (m->table == NULL) {
        ob_err_nomemory();
        return -1;
    }
    m->mask = MEMO_MIN - 1;
    m->used = 0;
    return 0;
}

static PkMemoEntry *lookup(const PkMemo *m, const KnObject *key)
{
    size_t i = hash_ptr(key) & (size_t)m->mask;
    for (;;) {
        PkMemoEntry *e = &m->table[i];
        if (e->key == key || e->key == NULL)
            return e;
        i = (i + 1) & (size_t)m->mask;
    }
}

kn_ssize_t *pk_memo_get(PkMemo *m, KnObject *key)
{
    PkMemoEntry *e = lookup(m, key);
    return e->key == NULL ? NULL : &e->value;
}

static int resize(PkMemo *m, kn_ssize_t minsize)
{
    kn_ssize_t size = MEMO_MIN;
    while (size <= minsize)
        size <<= 1;
    PkMemoEntry *old = m->table;
    kn_ssize_t oldsize = m->mask + 1;
    PkMemoEntry *t = kgc_alloc(sizeof(PkMemoEntry) * (size_t)size);
    if (t == NULL) {
        ob_err_nomemory();
        return -1;
    }
    m->table = t;
    m->mask = size - 1;
    for (kn_ssize_t i = 0; i < oldsize; i++) {
        if (old[i].key != NULL)
            *lookup(m, old[i].key) = old[i];
    }
    return 0;
}

int pk_memo_set(PkMemo *m, KnObject *key, kn_ssize_t value)
{
    PkMemoEntry *e = lookup(m, key);
    if (e->key != NULL) {
        e->value = value;
        return 0;
    }
    e->key = key;
    e->value = value;
    m->used++;
    /* keep the load under 2/3 */
    if (m->used * 3 >= (m->mask + 1) * 2)
        return resize(m, m->used * 4);
    return 0;
}

void pk_memo_clear(PkMemo *m)
{
    if (m->table != NULL)
        memset(m->table, 0, sizeof(PkMemoEntry) * (size_t)(m->mask + 1));
    m->used = 0;
}

int pk_memo_copy(PkMemo *dst, const PkMemo *src)
{
    PkMemoEntry *t = kgc_alloc(sizeof(PkMemoEntry) * (size_t)(src->mask + 1));
    if (t == NULL) {
        ob_err_nomemory();
        return -1;
    }
    memcpy(t, src->table, sizeof(PkMemoEntry) * (size_t)(src->mask + 1));
    dst->table = t;
    dst->mask = src->mask;
    dst->used = src->used;
    return 0;
}

/* ---- the proxies ---- */

typedef struct MemoProxy {
    KN_OBJECT_HEAD;
    KnObject *owner;      /* PkPickler or PkUnpickler */
} MemoProxy;

static KnObject *pmp_copy(KnObject *self, KnObject *unused)
{
    (void)unused;
    PkPickler *p = (PkPickler *)((MemoProxy *)self)->owner;
    KnObject *d = ob_dict_new();
    if (d == NULL)
        return NULL;
    for (kn_ssize_t i = 0; i <= p->memo.mask; i++) {
        PkMemoEntry *e = &p->memo.table[i];
        if (e->key == NULL)
            continue;
        KnObject *k = ob_int_from_size((size_t)(uintptr_t)e->key);
        KnObject *v = ob_int_from_ssize(e->value);
        KnObject *t = (k && v) ? ob_tuple_pack(2, v, e->key) : NULL;
        if (t == NULL || ob_dict_setitem(d, k, t) < 0)
            return NULL;
    }
    return d;
}

static KnObject *pmp_clear(KnObject *self, KnObject *unused)
{
    (void)unused;
    pk_memo_clear(&((PkPickler *)((MemoProxy *)self)->owner)->memo);
    return KN_None;
}

static KnObject *ump_copy(KnObject *self, KnObject *unused)
{
    (void)unused;
    PkUnpickler *u = (PkUnpickler *)((MemoProxy *)self)->owner;
    KnObject *d = ob_dict_new();
    if (d == NULL)
        return NULL;
    for (kn_ssize_t i = 0; i < u->memo_size; i++) {
        if (u->memo[i] == NULL)
            continue;
        KnObject *k = ob_int_from_ssize(i);
        if (k == NULL || ob_dict_setitem(d, k, u->memo[i]) < 0)
            return NULL;
    }
    if (u->memo_far != NULL && ob_dict_update(d, u->memo_far) < 0)
        return NULL;
    return d;
}

static KnObject *ump_clear(KnObject *self, KnObject *unused)
{
    (void)unused;
    PkUnpickler *u = (PkUnpickler *)((MemoProxy *)self)->owner;
    for (kn_ssize_t i = 0; i < u->memo_size; i++)
        u->memo[i] = NULL;
    u->memo_far = NULL;
    u->memo_len = 0;
    return KN_None;
}

static KnObject *proxy_reduce(KnObject *self, KnObject *copy)
{
    if (copy == NULL)
        return NULL;
    KnObject *args = ob_tuple_pack(1, copy);
    return args ? ob_tuple_pack(2, (KnObject *)&ob_dict_type, args) : NULL;
}

static KnObject *pmp_reduce(KnObject *self, KnObject *unused)
{
    return proxy_reduce(self, pmp_copy(self, unused));
}

static KnObject *ump_reduce(KnObject *self, KnObject *unused)
{
    return proxy_reduce(self, ump_copy(self, unused));
}

static KnMethodDef pmp_methods[] = {
    {"clear", PK_FC(pmp_clear), KN_METH_NOARGS, "Remove all items from memo."},
    {"copy", PK_FC(pmp_copy), KN_METH_NOARGS, "Copy the memo to a new object."},
    {"__reduce__", PK_FC(pmp_reduce), KN_METH_NOARGS, "Implement pickle support."},
    {NULL, NULL, 0, NULL}
};

static KnMethodDef ump_methods[] = {
    {"clear", PK_FC(ump_clear), KN_METH_NOARGS, "Remove all keys from memo."},
    {"copy", PK_FC(ump_copy), KN_METH_NOARGS, "Copy the memo to a new object."},
    {"__reduce__", PK_FC(ump_reduce), KN_METH_NOARGS, "Implement pickling support."},
    {NULL, NULL, 0, NULL}
};

KnTypeObject pk_pickler_memoproxy_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_pickle.PicklerMemoProxy",
    .tp_basicsize = sizeof(MemoProxy),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_methods = pmp_methods,
};

KnTypeObject pk_unpickler_memoproxy_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_pickle.UnpicklerMemoProxy",
    .tp_basicsize = sizeof(MemoProxy),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_methods = ump_methods,
};

KnObject *pk_memoproxy_new(KnTypeObject *t, KnObject *owner)
{
    MemoProxy *m = (MemoProxy *)ob_alloc(t, 0);
    if (m != NULL)
        m->owner = owner;
    return (KnObject *)m;
}

KnObject *pk_memoproxy_owner(KnObject *proxy)
{
    return ((MemoProxy *)proxy)->owner;
}
