/*
 * hashlib_hash.c — `_hashlib.HASH` and its subclass `HASHXOF` (the shake
 * digests): an EVP_MD_CTX per object, freed by the finalizer; update
 * releases the GIL for large data; digest works on a copy of the context.
 */
#include <string.h>

#include "hashlib_internal.h"

int hl_get_view(KnObject *data, KnBuffer *view)
{
    if (KN_STR_CHECK(data)) {
        ob_err_set_string(ob_exc_TypeError, "Strings must be encoded before hashing");
        return -1;
    }
    if (!ob_buffer_check(data)) {
        ob_err_set_string(ob_exc_TypeError, "object supporting the buffer API required");
        return -1;
    }
    if (ob_buffer_get(data, view, KN_BUF_SIMPLE) < 0)
        return -1;
    if (view->ndim > 1) {
        ob_buffer_release(view);
        ob_err_set_string(ob_exc_BufferError, "Buffer must be single dimension");
        return -1;
    }
    return 0;
}

int hl_locked_update(pthread_mutex_t *lock, void *ctx, const void *p, size_t n,
                     int (*update)(void *ctx, const void *p, size_t n))
{
    int ok;
    if (n >= HL_GIL_MINSIZE) {
        ob_gil_release();
        pthread_mutex_lock(lock);
        ok = update(ctx, p, n);
        pthread_mutex_unlock(lock);
        ob_gil_acquire();
    } else {
        pthread_mutex_lock(lock);
        ok = update(ctx, p, n);
        pthread_mutex_unlock(lock);
    }
    return ok;
}

static int md_update(void *ctx, const void *p, size_t n)
{
    return EVP_DigestUpdate(ctx, p, n);
}

static int hh_feed(HlHash *h, KnObject *data)
{
    KnBuffer view;
    if (hl_get_view(data, &view) < 0)
        return -1;
    int ok = hl_locked_update(&h->lock, h->ctx, view.buf, (size_t)view.len, md_update);
    ob_buffer_release(&view);
    if (!ok) {
        hl_raise_openssl((KnObject *)ob_exc_ValueError, "digest update failed");
        return -1;
    }
    return 0;
}

static void hh_finalize(KnObject *self)
{
    HlHash *h = (HlHash *)self;
    EVP_MD_CTX_free(h->ctx);
    h->ctx = NULL;
}

static HlHash *hh_alloc(KnTypeObject *t)
{
    HlHash *h = (HlHash *)ob_alloc(t, 0);
    if (h == NULL)
        return NULL;
    pthread_mutex_init(&h->lock, NULL);
    h->ctx = EVP_MD_CTX_new();
    if (h->ctx == NULL) {
        ob_err_nomemory();
        return NULL;
    }
    return h;
}

KnObject *hl_hash_new(EVP_MD *md, KnObject *data)
{
    int xof = (EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF) != 0;
    HlHash *h = hh_alloc(xof ? &hl_hashxof_type : &hl_hash_type);
    if (h == NULL)
        return NULL;
    int ok = EVP_DigestInit_ex(h->ctx, md, NULL);
    EVP_MD_free(md);
    if (!ok)
        return hl_raise_openssl((KnObject *)ob_exc_ValueError, "digest init failed");
    if (data != NULL && data != KN_None && hh_feed(h, data) < 0)
        return NULL;
    return (KnObject *)h;
}

/* A private copy of h's context (under its lock), or NULL with an error. */
static EVP_MD_CTX *hh_snapshot(HlHash *h)
{
    EVP_MD_CTX *c = EVP_MD_CTX_new();
    if (c == NULL)
        return (EVP_MD_CTX *)ob_err_nomemory();
    pthread_mutex_lock(&h->lock);
    int ok = EVP_MD_CTX_copy_ex(c, h->ctx);
    pthread_mutex_unlock(&h->lock);
    if (!ok) {
        EVP_MD_CTX_free(c);
        return (EVP_MD_CTX *)hl_raise_openssl((KnObject *)ob_exc_ValueError, "copy failed");
    }
    return c;
}

static KnObject *hh_update(KnObject *self, KnObject *data)
{
    return hh_feed((HlHash *)self, data) < 0 ? NULL : KN_None;
}

static KnObject *hh_copy(KnObject *self, KnObject *unused)
{
    (void)unused;
    HlHash *h = (HlHash *)self;
    HlHash *c = hh_alloc(KN_TYPE(self));
    if (c == NULL)
        return NULL;
    pthread_mutex_lock(&h->lock);
    int ok = EVP_MD_CTX_copy_ex(c->ctx, h->ctx);
    pthread_mutex_unlock(&h->lock);
    if (!ok)
        return hl_raise_openssl((KnObject *)ob_exc_ValueError, "copy failed");
    return (KnObject *)c;
}

/* The fixed-size digest into out (EVP_MAX_MD_SIZE bytes); its length. */
static int hh_final(HlHash *h, unsigned char *out, unsigned int *len)
{
    EVP_MD_CTX *c = hh_snapshot(h);
    if (c == NULL)
        return -1;
    int ok = EVP_DigestFinal_ex(c, out, len);
    EVP_MD_CTX_free(c);
    if (!ok) {
        hl_raise_openssl((KnObject *)ob_exc_ValueError, "digest failed");
        return -1;
    }
    return 0;
}

static KnObject *hh_digest(KnObject *self, KnObject *unused)
{
    (void)unused;
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int n;
    if (hh_final((HlHash *)self, out, &n) < 0)
        return NULL;
    return ob_bytes_from_data(out, (kn_ssize_t)n);
}

static KnObject *hh_hexdigest(KnObject *self, KnObject *unused)
{
    (void)unused;
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int n;
    if (hh_final((HlHash *)self, out, &n) < 0)
        return NULL;
    return hl_hex(out, n);
}

/* HASHXOF: digest(length) / hexdigest(length). */
static unsigned char *xof_out(KnObject *self, const char *meth, KnObject *const *args,
                              kn_ssize_t nargs, KnObject *kwnames, size_t *len)
{
    static const char *const names[] = { "length", NULL };
    KnArgSpec spec = { meth, names, 1, 1, 0 };
    KnObject *a[1];
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    kn_ssize_t n = ob_number_as_ssize(a[0], ob_exc_OverflowError);
    if (n == -1 && ob_err_occurred())
        return NULL;
    if (n < 0) {
        /* CPython 3.11 passes the length straight to PyBytes. */
        ob_err_set_string(ob_exc_SystemError, "Negative size passed to PyBytes_FromStringAndSize");
        return NULL;
    }
    unsigned char *out = kgc_alloc_atomic((size_t)n + 1);
    if (out == NULL) {
        ob_err_nomemory();
        return NULL;
    }
    *len = (size_t)n;
    if (n == 0)
        return out;
    EVP_MD_CTX *c = hh_snapshot((HlHash *)self);
    if (c == NULL)
        return NULL;
    int ok = EVP_DigestFinalXOF(c, out, (size_t)n);
    EVP_MD_CTX_free(c);
    if (!ok) {
        hl_raise_openssl((KnObject *)ob_exc_ValueError, "digest failed");
        return NULL;
    }
    return out;
}

static KnObject *xof_digest(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    size_t n;
    unsigned char *out = xof_out(self, "digest", args, nargs, kw, &n);
    return out == NULL ? NULL : ob_bytes_from_data(out, (kn_ssize_t)n);
}

static KnObject *xof_hexdigest(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    size_t n;
    unsigned char *out = xof_out(self, "hexdigest", args, nargs, kw, &n);
    return out == NULL ? NULL : hl_hex(out, n);
}

static const EVP_MD *hh_md(KnObject *self)
{
    return EVP_MD_CTX_get0_md(((HlHash *)self)->ctx);
}

static KnObject *get_name(KnObject *self, void *c)
{
    (void)c;
    return ob_str_from_cstr(hl_digest_pyname(hh_md(self)));
}

static KnObject *get_digest_size(KnObject *self, void *c)
{
    (void)c;
    const EVP_MD *md = hh_md(self);
    int xof = (EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF) != 0;
    return ob_int_from_ssize(xof ? 0 : EVP_MD_get_size(md));
}

static KnObject *get_block_size(KnObject *self, void *c)
{
    (void)c;
    return ob_int_from_ssize(EVP_MD_get_block_size(hh_md(self)));
}

static KnObject *hh_repr(KnObject *self)
{
    return ob_str_from_format("<%s %s object @ %p>", hl_digest_pyname(hh_md(self)),
                              KN_TYPE(self)->tp_name, (void *)self);
}

static KnMethodDef hh_methods[] = {
    { "update", FC(hh_update), KN_METH_O, "Update this hash object's state with the provided string." },
    { "digest", FC(hh_digest), KN_METH_NOARGS, "Return the digest value as a bytes object." },
    { "hexdigest", FC(hh_hexdigest), KN_METH_NOARGS, "Return the digest value as a string of hexadecimal digits." },
    { "copy", FC(hh_copy), KN_METH_NOARGS, "Return a copy of the hash object." },
    { NULL, NULL, 0, NULL }
};

static KnMethodDef xof_methods[] = {
    { "digest", FC(xof_digest), KN_METH_FASTCALL | KN_METH_KEYWORDS, "Return the digest value as a bytes object." },
    { "hexdigest", FC(xof_hexdigest), KN_METH_FASTCALL | KN_METH_KEYWORDS, "Return the digest value as a string of hexadecimal digits." },
    { NULL, NULL, 0, NULL }
};

static KnGetSetDef hh_getset[] = {
    { "name", get_name, NULL, NULL, NULL },
    { "digest_size", get_digest_size, NULL, NULL, NULL },
    { "block_size", get_block_size, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

KnTypeObject hl_hash_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_hashlib.HASH", .tp_basicsize = sizeof(HlHash),
    .tp_repr = hh_repr, .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE | KN_TPFLAGS_HAVE_FINALIZE,
    .tp_doc = "A hash is an object used to calculate a checksum of a string of information.",
    .tp_methods = hh_methods, .tp_getset = hh_getset,
    .tp_finalize = hh_finalize,
};

KnTypeObject hl_hashxof_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_hashlib.HASHXOF", .tp_basicsize = sizeof(HlHash),
    .tp_repr = hh_repr, .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_HAVE_FINALIZE,
    .tp_doc = "A hash is an object used to calculate a checksum of a string of information.",
    .tp_methods = xof_methods, .tp_base = &hl_hash_type,
    .tp_finalize = hh_finalize,
};
