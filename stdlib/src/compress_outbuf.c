/*
 * compress_outbuf.c — the output and pending-input buffers the _bz2 and
 * _lzma stream objects share (compress_internal.h).
 */
#include <string.h>

#include "compress_internal.h"

#define CX_FIRST_BLOCK (32 * 1024)

int cx_out_room(CxOut *o, size_t limit, size_t max_avail, uint8_t **next, size_t *avail)
{
    if (o->len == o->cap && o->len < limit) {
        size_t cap = o->cap ? o->cap * 2 : CX_FIRST_BLOCK;
        if (cap < o->cap) {
            ob_err_nomemory();
            return -1;
        }
        if (cap > limit)
            cap = limit;
        uint8_t *b = o->buf ? kgc_realloc(o->buf, cap) : kgc_alloc_atomic(cap);
        if (b == NULL) {
            ob_err_nomemory();
            return -1;
        }
        o->buf = b;
        o->cap = cap;
    }
    size_t room = o->cap - o->len;
    if (room > max_avail)
        room = max_avail;
    *next = o->buf == NULL ? NULL : o->buf + o->len;
    *avail = room;
    return 0;
}

KnObject *cx_out_bytes(const CxOut *o)
{
    return ob_bytes_from_data(o->len ? o->buf : (const uint8_t *)"", (kn_ssize_t)o->len);
}

const uint8_t *cx_pending_join(CxPending *p, const uint8_t *data, size_t len, size_t *total)
{
    if (p->len == 0) {
        *total = len;
        return data;
    }
    uint8_t *b = kgc_alloc_atomic(p->len + len + 1);
    if (b == NULL) {
        ob_err_nomemory();
        return NULL;
    }
    memcpy(b, p->buf, p->len);
    if (len)
        memcpy(b + p->len, data, len);
    *total = p->len + len;
    return b;
}

int cx_pending_keep(CxPending *p, const uint8_t *from, size_t len)
{
    if (len == 0) {
        p->buf = NULL;
        p->len = 0;
        return 0;
    }
    uint8_t *b = kgc_alloc_atomic(len);
    if (b == NULL) {
        ob_err_nomemory();
        return -1;
    }
    memcpy(b, from, len);
    p->buf = b;
    p->len = len;
    return 0;
}

KnObject *cx_new_exception(const char *module, const char *name, const char *doc)
{
    KnObject *bases = ob_tuple_pack(1, (KnObject *)ob_exc_Exception);
    KnObject *ns = ob_dict_new();
    if (bases == NULL || ns == NULL ||
        ob_dict_setitem_str(ns, "__module__", ob_str_from_cstr(module)) < 0 ||
        (doc != NULL && ob_dict_setitem_str(ns, "__doc__", ob_str_from_cstr(doc)) < 0))
        return NULL;
    return ob_type_new(&ob_type_type, ob_str_from_cstr(name), bases, ns);
}
