/*
 * bytes.c — bytes objects: creation, the byte builder, hashing, repr,
 * comparison, concatenation and the buffer protocol.
 *
 * Layout (CPython's PyBytesObject): var head, ob_shash (-1 until computed),
 * then ob_size bytes and a NUL.  Exact bytes are allocated at their exact
 * size (tp_basicsize 33 = offsetof(ob_sval) + the NUL, tp_itemsize 1, so
 * ob_alloc's rule also fits).  b'' and the 256 one-byte strings are shared.
 */
#include "bytes_internal.h"
#include "libobject/hash.h"
#include "libgc/head.h"

static KnObject *bytes_empty_obj;
static KnObject *bytes_char_cache[256];

/* A new bytes of len bytes, contents uninitialised except the NUL. */
static KnObject *bytes_alloc(kn_ssize_t len)
{
    if (len < 0) {
        ob_err_set_string(ob_exc_SystemError, "Negative size passed to PyBytes_FromStringAndSize");
        return NULL;
    }
    if ((size_t)len > (size_t)0x7fffffffffffffffULL - offsetof(KnBytesObject, ob_sval) - 1)
        return ob_err_nomemory();
    /* The contents hold no pointers: past the head that libgc scans anyway,
     * they are never scanned (a big file's bytes would be read at every
     * collection, and could pin garbage). */
    size_t size = offsetof(KnBytesObject, ob_sval) + (size_t)len + 1;
    KnBytesObject *b = size >= KGC_HEAD_SCANNED ? kgc_alloc_object_head(size)
                                                : kgc_alloc_object(size);
    if (b == NULL)
        return ob_err_nomemory();
    b->ob_base.ob_base.ob_type = &ob_bytes_type;
    b->ob_base.ob_size = len;
    b->ob_shash = -1;
    return (KnObject *)b;
}

KnObject *ob_bytes_from_data(const void *data, kn_ssize_t len)
{
    if (len == 0) {
        if (bytes_empty_obj == NULL)
            bytes_empty_obj = bytes_alloc(0);
        return bytes_empty_obj;
    }
    if (len == 1 && data != NULL) {
        unsigned char c = *(const unsigned char *)data;
        if (bytes_char_cache[c] == NULL) {
            KnObject *b = bytes_alloc(1);
            if (b == NULL)
                return NULL;
            KN_BYTES_AS_STRING(b)[0] = (char)c;
            bytes_char_cache[c] = b;
        }
        return bytes_char_cache[c];
    }
    KnObject *b = bytes_alloc(len);
    if (b == NULL)
        return NULL;
    if (data != NULL)
        memcpy(KN_BYTES_AS_STRING(b), data, (size_t)len);
    else
        memset(KN_BYTES_AS_STRING(b), 0, (size_t)len);
    return b;
}

KnObject *ob_bytes_new_uninit(kn_ssize_t len)
{
    if (len == 0)
        return ob_bytes_from_data(NULL, 0);
    return bytes_alloc(len);
}

/* ---- the byte builder ---- */

void ob_bytes_writer_init(KnBytesWriter *w, kn_ssize_t hint)
{
    w->data = NULL;
    w->len = 0;
    w->cap = 0;
    if (hint > 0) {
        w->data = kgc_alloc_atomic((size_t)hint);
        if (w->data != NULL)
            w->cap = hint;
    }
}

static int bytes_writer_grow(KnBytesWriter *w, kn_ssize_t extra)
{
    if (extra > (kn_ssize_t)0x7fffffffffffffffLL / 2 - w->len) {
        ob_err_nomemory();
        return -1;
    }
    kn_ssize_t need = w->len + extra;
    kn_ssize_t cap = w->cap < 32 ? 32 : w->cap;
    while (cap < need)
        cap += cap / 2 + 16;
    char *nd = w->data ? kgc_realloc(w->data, (size_t)cap) : kgc_alloc_atomic((size_t)cap);
    if (nd == NULL) {
        ob_err_nomemory();
        return -1;
    }
    w->data = nd;
    w->cap = cap;
    return 0;
}

int ob_bytes_writer_put(KnBytesWriter *w, const void *p, kn_ssize_t n)
{
    if (w->len + n > w->cap && bytes_writer_grow(w, n) < 0)
        return -1;
    if (n > 0)
        memcpy(w->data + w->len, p, (size_t)n);
    w->len += n;
    return 0;
}

int ob_bytes_writer_putc(KnBytesWriter *w, int c)
{
    if (w->len + 1 > w->cap && bytes_writer_grow(w, 1) < 0)
        return -1;
    w->data[w->len++] = (char)c;
    return 0;
}

KnObject *ob_bytes_writer_finish(KnBytesWriter *w)
{
    return ob_bytes_from_data(w->data, w->len);
}

/* ---- hashing, comparison, repr ---- */

kn_hash_t ob_bytes_hash(KnObject *o)
{
    KnBytesObject *b = (KnBytesObject *)o;
    if (b->ob_shash == -1)
        b->ob_shash = ob_hash_bytes(b->ob_sval, KN_SIZE(o));
    return b->ob_shash;
}

int ob_bytes_compare_data(const char *a, kn_ssize_t na, const char *b, kn_ssize_t nb)
{
    kn_ssize_t n = na < nb ? na : nb;
    int r = n ? memcmp(a, b, (size_t)n) : 0;
    if (r != 0)
        return r < 0 ? -1 : 1;
    return na < nb ? -1 : na > nb ? 1 : 0;
}

KnObject *ob_bytes_repr_data(const char *data, kn_ssize_t n, const char *prefix,
                             const char *suffix)
{
    return ob_bytes_repr_quoted(data, n, prefix, suffix, 0);
}

/* repr of raw bytes as b'...' (prefix/suffix let bytearray wrap it).
 * bytearray's repr escapes ' even inside "..." (CPython 3.11 does):
 * escape_sq says so. */
KnObject *ob_bytes_repr_quoted(const char *data, kn_ssize_t n, const char *prefix,
                               const char *suffix, int escape_sq)
{
    int has_sq = 0, has_dq = 0;
    for (kn_ssize_t i = 0; i < n; i++) {
        if (data[i] == '\'')
            has_sq = 1;
        else if (data[i] == '"')
            has_dq = 1;
    }
    char quote = (has_sq && !has_dq) ? '"' : '\'';
    KnBytesWriter w;
    ob_bytes_writer_init(&w, n + 3 + (kn_ssize_t)strlen(prefix) + (kn_ssize_t)strlen(suffix));
    if (ob_bytes_writer_put(&w, prefix, (kn_ssize_t)strlen(prefix)) < 0 ||
        ob_bytes_writer_putc(&w, 'b') < 0 || ob_bytes_writer_putc(&w, quote) < 0)
        return NULL;
    for (kn_ssize_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)data[i];
        char buf[4];
        int k = 0;
        if (c == (unsigned char)quote || c == '\\' || (escape_sq && c == '\'')) {
            buf[k++] = '\\';
            buf[k++] = (char)c;
        } else if (c == '\t') {
            buf[k++] = '\\'; buf[k++] = 't';
        } else if (c == '\n') {
            buf[k++] = '\\'; buf[k++] = 'n';
        } else if (c == '\r') {
            buf[k++] = '\\'; buf[k++] = 'r';
        } else if (c < ' ' || c >= 0x7f) {
            buf[k++] = '\\';
            buf[k++] = 'x';
            buf[k++] = "0123456789abcdef"[c >> 4];
            buf[k++] = "0123456789abcdef"[c & 0xf];
        } else {
            buf[k++] = (char)c;
        }
        if (ob_bytes_writer_put(&w, buf, k) < 0)
            return NULL;
    }
    if (ob_bytes_writer_putc(&w, quote) < 0 ||
        ob_bytes_writer_put(&w, suffix, (kn_ssize_t)strlen(suffix)) < 0)
        return NULL;
    return ob_str_from_kind_data(1, w.data, w.len);
}

KnObject *ob_bytes_repr(KnObject *o)
{
    return ob_bytes_repr_data(KN_BYTES_AS_STRING(o), KN_SIZE(o), "", "");
}

KnObject *ob_bytes_concat(KnObject *a, KnObject *b)
{
    kn_ssize_t na = KN_SIZE(a), nb = KN_SIZE(b);
    if (na > (kn_ssize_t)0x7fffffffffffffffLL - nb)
        return ob_err_nomemory();
    KnObject *r = ob_bytes_new_uninit(na + nb);
    if (r == NULL)
        return NULL;
    memcpy(KN_BYTES_AS_STRING(r), KN_BYTES_AS_STRING(a), (size_t)na);
    memcpy(KN_BYTES_AS_STRING(r) + na, KN_BYTES_AS_STRING(b), (size_t)nb);
    return r;
}

/* ---- buffer protocol ----
 * bytes exports read-only, contiguous, format "B".  CPython's
 * PyBuffer_FillInfo semantics: a writable request fails with BufferError. */
int ob_bytes_fill_buffer(KnBuffer *view, KnObject *obj, void *buf, kn_ssize_t len,
                         int readonly, int flags)
{
    if ((flags & 0x0001) && readonly) {   /* PyBUF_WRITABLE */
        ob_err_set_string(ob_exc_BufferError, "Object is not writable.");
        return -1;
    }
    view->obj = obj;
    view->buf = buf;
    view->len = len;
    view->readonly = readonly;
    view->itemsize = 1;
    view->format = (flags & 0x0004) ? (char *)"B" : NULL;   /* PyBUF_FORMAT */
    view->ndim = 1;
    view->shape = (flags & 0x0008) ? &view->len : NULL;     /* PyBUF_ND */
    view->strides = ((flags & 0x0018) == 0x0018) ? &view->itemsize : NULL; /* PyBUF_STRIDES */
    view->suboffsets = NULL;
    view->internal = NULL;
    return 0;
}

int ob_bytes_getbuffer(KnObject *o, KnBuffer *view, int flags)
{
    return ob_bytes_fill_buffer(view, o, KN_BYTES_AS_STRING(o), KN_SIZE(o), 1, flags);
}
