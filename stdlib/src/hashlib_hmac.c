/*
 * hashlib_hmac.c — `_hashlib.HMAC`, hmac_new and hmac_digest over OpenSSL
 * 3's EVP_MAC "HMAC"; digest() finalises a duplicate so the object keeps
 * accepting data.
 */
#include <limits.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/params.h>

#include "hashlib_internal.h"

typedef struct HlHmac {
    KN_OBJECT_HEAD;
    EVP_MAC_CTX *ctx;
    const char *mdname;         /* CPython's name of the digest */
    int block_size;
    pthread_mutex_t lock;
} HlHmac;

static void hmac_finalize(KnObject *self)
{
    HlHmac *h = (HlHmac *)self;
    EVP_MAC_CTX_free(h->ctx);
    h->ctx = NULL;
}

static HlHmac *hmac_alloc(void)
{
    HlHmac *h = (HlHmac *)ob_alloc(&hl_hmac_type, 0);
    if (h != NULL)
        pthread_mutex_init(&h->lock, NULL);
    return h;
}

static int mac_update(void *ctx, const void *p, size_t n)
{
    return EVP_MAC_update(ctx, p, n);
}

static int hmac_feed(HlHmac *h, KnObject *data)
{
    KnBuffer view;
    if (hl_get_view(data, &view) < 0)
        return -1;
    int ok = hl_locked_update(&h->lock, h->ctx, view.buf, (size_t)view.len, mac_update);
    ob_buffer_release(&view);
    if (!ok) {
        hl_raise_openssl((KnObject *)ob_exc_ValueError, "no reason supplied");
        return -1;
    }
    return 0;
}

/* A new HMAC keyed with key (a bytes-like object) over md. */
static HlHmac *hmac_make(KnObject *key, EVP_MD *md)
{
    KnBuffer kv;
    if (ob_buffer_get(key, &kv, KN_BUF_SIMPLE) < 0)
        return NULL;
    HlHmac *h = NULL;
    if (kv.len > INT_MAX) {
        ob_err_set_string(ob_exc_OverflowError, "key is too long.");
        goto error;
    }
    if ((h = hmac_alloc()) == NULL)
        goto error;
    h->mdname = hl_digest_pyname(md);
    h->block_size = EVP_MD_get_block_size(md);
    EVP_MAC *mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
    h->ctx = mac == NULL ? NULL : EVP_MAC_CTX_new(mac);
    EVP_MAC_free(mac);
    OSSL_PARAM params[2] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, (char *)EVP_MD_get0_name(md), 0),
        OSSL_PARAM_construct_end(),
    };
    if (h->ctx == NULL || !EVP_MAC_init(h->ctx, kv.buf, (size_t)kv.len, params)) {
        hl_raise_openssl((KnObject *)ob_exc_ValueError, "no reason supplied");
        h = NULL;
    }
error:
    ob_buffer_release(&kv);
    return h;
}

static const char *const new_names[] = { "key", "msg", "digestmod", NULL };

KnObject *hl_hmac_new(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames)
{
    (void)m;
    KnArgSpec spec = { "hmac_new", new_names, 1, 3, 0 };
    KnObject *a[3];
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    if (a[2] == NULL || a[2] == KN_None)
        return ob_err_format(ob_exc_TypeError, "Missing required parameter 'digestmod'.");
    if (!ob_buffer_check(a[0]))
        return ob_err_format(ob_exc_TypeError, "a bytes-like object is required, not '%s'",
                             ob_type_name(KN_TYPE(a[0])));
    EVP_MD *md = hl_digest_by_digestmod(a[2]);
    if (md == NULL)
        return NULL;
    HlHmac *h = hmac_make(a[0], md);
    EVP_MD_free(md);
    if (h == NULL)
        return NULL;
    if (a[1] != NULL && a[1] != KN_None && hmac_feed(h, a[1]) < 0)
        return NULL;
    return (KnObject *)h;
}

/* The MAC so far into out (EVP_MAX_MD_SIZE bytes); its length or -1. */
static kn_ssize_t hmac_final(HlHmac *h, unsigned char *out)
{
    pthread_mutex_lock(&h->lock);
    EVP_MAC_CTX *c = EVP_MAC_CTX_dup(h->ctx);
    pthread_mutex_unlock(&h->lock);
    size_t n = 0;
    int ok = c != NULL && EVP_MAC_final(c, out, &n, EVP_MAX_MD_SIZE);
    EVP_MAC_CTX_free(c);
    if (!ok) {
        hl_raise_openssl((KnObject *)ob_exc_ValueError, "no reason supplied");
        return -1;
    }
    return (kn_ssize_t)n;
}

static const char *const digest_names[] = { "key", "msg", "digest", NULL };

KnObject *hl_hmac_digest(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames)
{
    (void)m;
    KnArgSpec spec = { "hmac_digest", digest_names, 3, 3, 0 };
    KnObject *a[3];
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    if (!ob_buffer_check(a[0]) || !ob_buffer_check(a[1])) {
        KnObject *bad = ob_buffer_check(a[0]) ? a[1] : a[0];
        return ob_err_format(ob_exc_TypeError, "a bytes-like object is required, not '%s'",
                             ob_type_name(KN_TYPE(bad)));
    }
    EVP_MD *md = hl_digest_by_digestmod(a[2]);
    if (md == NULL)
        return NULL;
    HlHmac *h = hmac_make(a[0], md);
    EVP_MD_free(md);
    if (h == NULL || hmac_feed(h, a[1]) < 0)
        return NULL;
    unsigned char out[EVP_MAX_MD_SIZE];
    kn_ssize_t n = hmac_final(h, out);
    return n < 0 ? NULL : ob_bytes_from_data(out, n);
}

static KnObject *hmac_update(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames)
{
    static const char *const names[] = { "msg", NULL };
    KnArgSpec spec = { "update", names, 1, 1, 0 };
    KnObject *a[1];
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    return hmac_feed((HlHmac *)self, a[0]) < 0 ? NULL : KN_None;
}

static KnObject *hmac_copy(KnObject *self, KnObject *unused)
{
    (void)unused;
    HlHmac *h = (HlHmac *)self, *c = hmac_alloc();
    if (c == NULL)
        return NULL;
    c->mdname = h->mdname;
    c->block_size = h->block_size;
    pthread_mutex_lock(&h->lock);
    c->ctx = EVP_MAC_CTX_dup(h->ctx);
    pthread_mutex_unlock(&h->lock);
    if (c->ctx == NULL)
        return hl_raise_openssl((KnObject *)ob_exc_ValueError, "no reason supplied");
    return (KnObject *)c;
}

static KnObject *hmac_digest(KnObject *self, KnObject *unused)
{
    (void)unused;
    unsigned char out[EVP_MAX_MD_SIZE];
    kn_ssize_t n = hmac_final((HlHmac *)self, out);
    return n < 0 ? NULL : ob_bytes_from_data(out, n);
}

static KnObject *hmac_hexdigest(KnObject *self, KnObject *unused)
{
    (void)unused;
    unsigned char out[EVP_MAX_MD_SIZE];
    kn_ssize_t n = hmac_final((HlHmac *)self, out);
    return n < 0 ? NULL : hl_hex(out, (size_t)n);
}

static KnObject *get_name(KnObject *self, void *c)
{
    (void)c;
    return ob_str_from_format("hmac-%s", ((HlHmac *)self)->mdname);
}

static KnObject *get_digest_size(KnObject *self, void *c)
{
    (void)c;
    return ob_int_from_ssize((kn_ssize_t)EVP_MAC_CTX_get_mac_size(((HlHmac *)self)->ctx));
}

static KnObject *get_block_size(KnObject *self, void *c)
{
    (void)c;
    return ob_int_from_ssize(((HlHmac *)self)->block_size);
}

static KnObject *hmac_repr(KnObject *self)
{
    return ob_str_from_format("<%s HMAC object @ %p>", ((HlHmac *)self)->mdname, (void *)self);
}

static KnMethodDef hmac_methods[] = {
    { "update", FC(hmac_update), KN_METH_FASTCALL | KN_METH_KEYWORDS, "Update the HMAC object with msg." },
    { "copy", FC(hmac_copy), KN_METH_NOARGS, "Return a copy (\"clone\") of the HMAC object." },
    { "digest", FC(hmac_digest), KN_METH_NOARGS, "Return the digest of the bytes passed to the update() method so far." },
    { "hexdigest", FC(hmac_hexdigest), KN_METH_NOARGS, "Return hexadecimal digest of the bytes passed to the update() method so far." },
    { NULL, NULL, 0, NULL }
};

static KnGetSetDef hmac_getset[] = {
    { "name", get_name, NULL, NULL, NULL },
    { "digest_size", get_digest_size, NULL, NULL, NULL },
    { "block_size", get_block_size, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

KnTypeObject hl_hmac_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_hashlib.HMAC", .tp_basicsize = sizeof(HlHmac),
    .tp_repr = hmac_repr, .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_HAVE_FINALIZE,
    .tp_doc = "The object used to calculate HMAC of a message.",
    .tp_methods = hmac_methods, .tp_getset = hmac_getset,
    .tp_finalize = hmac_finalize,
};
