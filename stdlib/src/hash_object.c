/*
 * hash_object.c — the hash object behind _md5, _sha1, _sha256, _sha512 and
 * _sha3 (hash_object.h): update / digest / hexdigest / copy, the name,
 * digest_size and block_size attributes, the `string` / `usedforsecurity`
 * constructor, CPython 3.11's messages; and the block buffering and length
 * padding the Merkle–Damgård algorithms share.
 */
#include <string.h>

#include "hash_object.h"

#define FC(f) ((KnCFunction)(void (*)(void))(f))

/* Feed a bytes-like object to h (CPython's GET_BUFFER_VIEW_OR_ERROUT). */
int hash_feed(HashObject *h, KnObject *data)
{
    if (KN_STR_CHECK(data)) {
        ob_err_set_string(ob_exc_TypeError, "Strings must be encoded before hashing");
        return -1;
    }
    if (!ob_buffer_check(data)) {
        ob_err_set_string(ob_exc_TypeError, "object supporting the buffer API required");
        return -1;
    }
    KnBuffer view;
    if (ob_buffer_get(data, &view, KN_BUF_SIMPLE) < 0)
        return -1;
    if (view.ndim > 1) {
        ob_buffer_release(&view);
        ob_err_set_string(ob_exc_BufferError, "Buffer must be single dimension");
        return -1;
    }
    h->alg->update(h->ctx, view.buf, (size_t)view.len);
    ob_buffer_release(&view);
    return 0;
}

static KnObject *hash_update(KnObject *self, KnObject *data)
{
    return hash_feed((HashObject *)self, data) < 0 ? NULL : KN_None;
}

KnObject *hash_hex(const uint8_t *d, size_t n)
{
    static const char digits[] = "0123456789abcdef";
    char *s = kgc_alloc_atomic(2 * n + 1);
    if (s == NULL)
        return ob_err_nomemory();
    for (size_t i = 0; i < n; i++) {
        s[2 * i] = digits[d[i] >> 4];
        s[2 * i + 1] = digits[d[i] & 15];
    }
    return ob_str_from_utf8(s, (kn_ssize_t)(2 * n));
}

static KnObject *hash_digest(KnObject *self, KnObject *unused)
{
    (void)unused;
    HashObject *h = (HashObject *)self;
    uint8_t out[64];
    h->alg->final(h->ctx, out, (size_t)h->digest_size);
    return ob_bytes_from_data(out, h->digest_size);
}

static KnObject *hash_hexdigest(KnObject *self, KnObject *unused)
{
    (void)unused;
    HashObject *h = (HashObject *)self;
    uint8_t out[64];
    h->alg->final(h->ctx, out, (size_t)h->digest_size);
    return hash_hex(out, (size_t)h->digest_size);
}

static KnObject *hash_copy(KnObject *self, KnObject *unused)
{
    (void)unused;
    HashObject *h = (HashObject *)self;
    HashObject *c = (HashObject *)ob_alloc(KN_TYPE(self), 0);
    if (c == NULL)
        return NULL;
    c->alg = h->alg;
    c->digest_size = h->digest_size;
    memcpy(c->ctx, h->ctx, sizeof c->ctx);
    return (KnObject *)c;
}

/* shake: digest(length) / hexdigest(length), length >= 0. */
static uint8_t *xof_out(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                        const char *meth, size_t *len)
{
    HashObject *h = (HashObject *)self;
    if (nargs != 1) {
        ob_err_format(ob_exc_TypeError, "%s.%s() takes exactly one argument (%zd given)",
                      h->alg->name, meth, nargs);
        return NULL;
    }
    kn_ssize_t n = ob_number_as_ssize(args[0], ob_exc_OverflowError);
    if (n == -1 && ob_err_occurred())
        return NULL;
    if (n < 0) {
        ob_err_set_string(ob_exc_ValueError, "value must be positive");
        return NULL;
    }
    if (n >= ((kn_ssize_t)1 << 29)) {
        ob_err_set_string(ob_exc_ValueError, "length is too large");
        return NULL;
    }
    uint8_t *out = kgc_alloc_atomic((size_t)n + 1);
    if (out == NULL) {
        ob_err_nomemory();
        return NULL;
    }
    h->alg->final(h->ctx, out, (size_t)n);
    *len = (size_t)n;
    return out;
}

static KnObject *xof_digest(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    size_t n;
    uint8_t *out = xof_out(self, args, nargs, "digest", &n);
    return out == NULL ? NULL : ob_bytes_from_data(out, (kn_ssize_t)n);
}

static KnObject *xof_hexdigest(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    size_t n;
    uint8_t *out = xof_out(self, args, nargs, "hexdigest", &n);
    return out == NULL ? NULL : hash_hex(out, n);
}

static KnObject *get_name(KnObject *self, void *c)
{
    (void)c;
    return ob_str_from_cstr(((HashObject *)self)->alg->name);
}

static KnObject *get_digest_size(KnObject *self, void *c)
{
    (void)c;
    return ob_int_from_ssize(((HashObject *)self)->digest_size);
}

static KnObject *get_block_size(KnObject *self, void *c)
{
    (void)c;
    return ob_int_from_ssize(((HashObject *)self)->alg->block_size);
}

static KnObject *get_rate_bits(KnObject *self, void *c)
{
    (void)c;
    return ob_int_from_ssize(((HashObject *)self)->alg->block_size * 8);
}

static KnObject *get_capacity_bits(KnObject *self, void *c)
{
    (void)c;
    return ob_int_from_ssize(1600 - ((HashObject *)self)->alg->block_size * 8);
}

static KnObject *get_suffix(KnObject *self, void *c)
{
    (void)c;
    uint8_t s = (uint8_t)((HashObject *)self)->alg->sha3_suffix;
    return ob_bytes_from_data(&s, 1);
}

KnMethodDef hash_methods[] = {
    { "update", FC(hash_update), KN_METH_O, "Update this hash object's state with the provided string." },
    { "digest", FC(hash_digest), KN_METH_NOARGS, "Return the digest value as a bytes object." },
    { "hexdigest", FC(hash_hexdigest), KN_METH_NOARGS, "Return the digest value as a string of hexadecimal digits." },
    { "copy", FC(hash_copy), KN_METH_NOARGS, "Return a copy of the hash object." },
    { NULL, NULL, 0, NULL }
};

KnMethodDef hash_xof_methods[] = {
    { "update", FC(hash_update), KN_METH_O, "Update this hash object's state with the provided bytes-like object." },
    { "digest", FC(xof_digest), KN_METH_FASTCALL, "Return the digest value as a bytes object." },
    { "hexdigest", FC(xof_hexdigest), KN_METH_FASTCALL, "Return the digest value as a string of hexadecimal digits." },
    { "copy", FC(hash_copy), KN_METH_NOARGS, "Return a copy of the hash object." },
    { NULL, NULL, 0, NULL }
};

KnGetSetDef hash_getset[] = {
    { "name", get_name, NULL, NULL, NULL },
    { "digest_size", get_digest_size, NULL, NULL, NULL },
    { "block_size", get_block_size, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

KnGetSetDef hash_sha3_getset[] = {
    { "name", get_name, NULL, NULL, NULL },
    { "digest_size", get_digest_size, NULL, NULL, NULL },
    { "block_size", get_block_size, NULL, NULL, NULL },
    { "_capacity_bits", get_capacity_bits, NULL, NULL, NULL },
    { "_rate_bits", get_rate_bits, NULL, NULL, NULL },
    { "_suffix", get_suffix, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

static KnObject *hash_make(KnTypeObject *t, const HashAlg *alg, KnObject *data)
{
    HashObject *h = (HashObject *)ob_alloc(t, 0);
    if (h == NULL)
        return NULL;
    h->alg = alg;
    h->digest_size = alg->digest_size;
    alg->init(h->ctx);
    if (data != NULL && data != KN_None && hash_feed(h, data) < 0)
        return NULL;
    return (KnObject *)h;
}

static const char *const ctor_names[] = { "string", "usedforsecurity", NULL };

KnObject *hash_construct(KnTypeObject *t, const HashAlg *alg, const char *fname,
                         KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames)
{
    KnArgSpec spec = { fname, ctor_names, 0, 1, 0 };
    KnObject *a[2];
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    if (a[1] != NULL && ob_is_true(a[1]) < 0)
        return NULL;
    return hash_make(t, alg, a[0]);
}

KnObject *hash_construct_tuple(KnTypeObject *t, const HashAlg *alg, const char *fname,
                               KnObject *args, KnObject *kwargs)
{
    KnArgSpec spec = { fname, ctor_names, 0, 1, 0 };
    KnObject *a[2];
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0)
        return NULL;
    if (a[1] != NULL && ob_is_true(a[1]) < 0)
        return NULL;
    return hash_make(t, alg, a[0]);
}

void hash_md_update(HashMD *md, size_t bs, void *state,
                    void (*compress)(void *state, const uint8_t *block),
                    const uint8_t *p, size_t n)
{
    uint64_t before = md->total;
    md->total += n;
    if (md->total < before)
        md->total_hi++;
    if (md->used > 0) {
        size_t take = bs - md->used < n ? bs - md->used : n;
        memcpy(md->buf + md->used, p, take);
        md->used += take;
        p += take;
        n -= take;
        if (md->used < bs)
            return;
        compress(state, md->buf);
        md->used = 0;
    }
    for (; n >= bs; p += bs, n -= bs)
        compress(state, p);
    if (n > 0)      /* p may be NULL for empty input */
        memcpy(md->buf, p, n);
    md->used = n;
}

void hash_md_finish(HashMD *md, size_t bs, void *state,
                    void (*compress)(void *state, const uint8_t *block),
                    size_t lenbytes, int big_endian)
{
    uint64_t lo = md->total << 3, hi = (md->total_hi << 3) | (md->total >> 61);
    md->buf[md->used++] = 0x80;
    if (md->used > bs - lenbytes) {
        memset(md->buf + md->used, 0, bs - md->used);
        compress(state, md->buf);
        md->used = 0;
    }
    memset(md->buf + md->used, 0, bs - md->used);
    uint8_t *end = md->buf + bs;
    if (big_endian) {
        hash_put_be64(end - 8, lo);
        if (lenbytes == 16)
            hash_put_be64(end - 16, hi);
    } else {
        hash_put_le64(end - 8, lo);
    }
    compress(state, md->buf);
}
