/*
 * md5_module.c — `_md5` (RFC 1321) and `_sha1` (FIPS 180-4 §6.1) on the
 * shared hash object (hash_object.h).  MD5's sine table is computed once
 * (RFC 1321 §3.4: floor(2^32 * |sin(i)|)).
 */
#include <math.h>
#include <string.h>

#include "hash_object.h"
#include "stdlib/modules.h"

#define FC(f) ((KnCFunction)(void (*)(void))(f))

typedef struct {
    uint32_t h[5];
    HashMD md;
} MdCtx;

static uint32_t md5_t[64];
static const uint8_t md5_shift[16] = { 7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21 };

static void md5_compress(void *state, const uint8_t *block)
{
    uint32_t *h = state, x[16];
    for (int i = 0; i < 16; i++)
        x[i] = hash_le32(block + 4 * i);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
    for (int i = 0; i < 64; i++) {
        uint32_t f;
        int g, round = i / 16;
        if (round == 0) {
            f = (b & c) | (~b & d);
            g = i;
        } else if (round == 1) {
            f = (d & b) | (~d & c);
            g = (5 * i + 1) % 16;
        } else if (round == 2) {
            f = b ^ c ^ d;
            g = (3 * i + 5) % 16;
        } else {
            f = c ^ (b | ~d);
            g = (7 * i) % 16;
        }
        uint32_t t = d;
        d = c;
        c = b;
        b = b + hash_rol32(a + f + md5_t[i] + x[g], md5_shift[round * 4 + i % 4]);
        a = t;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d;
}

static void md5_init(void *ctx)
{
    MdCtx *c = ctx;
    memset(c, 0, sizeof *c);
    c->h[0] = 0x67452301u;
    c->h[1] = 0xefcdab89u;
    c->h[2] = 0x98badcfeu;
    c->h[3] = 0x10325476u;
    c->h[4] = 0xc3d2e1f0u;    /* SHA-1 only */
}

static void md5_update(void *ctx, const uint8_t *p, size_t n)
{
    MdCtx *c = ctx;
    hash_md_update(&c->md, 64, c->h, md5_compress, p, n);
}

static void md5_final(const void *ctx, uint8_t *out, size_t outlen)
{
    MdCtx c;
    memcpy(&c, ctx, sizeof c);
    hash_md_finish(&c.md, 64, c.h, md5_compress, 8, 0);
    uint8_t full[16];
    for (int i = 0; i < 4; i++)
        hash_put_le32(full + 4 * i, c.h[i]);
    memcpy(out, full, outlen);
}

static void sha1_compress(void *state, const uint8_t *block)
{
    uint32_t *h = state, w[80];
    for (int t = 0; t < 16; t++)
        w[t] = hash_be32(block + 4 * t);
    for (int t = 16; t < 80; t++)
        w[t] = hash_rol32(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int t = 0; t < 80; t++) {
        uint32_t f, k;
        if (t < 20) {
            f = (b & c) | (~b & d);
            k = 0x5a827999u;
        } else if (t < 40) {
            f = b ^ c ^ d;
            k = 0x6ed9eba1u;
        } else if (t < 60) {
            f = (b & c) | (b & d) | (c & d);
            k = 0x8f1bbcdcu;
        } else {
            f = b ^ c ^ d;
            k = 0xca62c1d6u;
        }
        uint32_t tmp = hash_rol32(a, 5) + f + e + k + w[t];
        e = d;
        d = c;
        c = hash_rol32(b, 30);
        b = a;
        a = tmp;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e;
}

static void sha1_update(void *ctx, const uint8_t *p, size_t n)
{
    MdCtx *c = ctx;
    hash_md_update(&c->md, 64, c->h, sha1_compress, p, n);
}

static void sha1_final(const void *ctx, uint8_t *out, size_t outlen)
{
    MdCtx c;
    memcpy(&c, ctx, sizeof c);
    hash_md_finish(&c.md, 64, c.h, sha1_compress, 8, 1);
    uint8_t full[20];
    for (int i = 0; i < 5; i++)
        hash_put_be32(full + 4 * i, c.h[i]);
    memcpy(out, full, outlen);
}

_Static_assert(sizeof(MdCtx) <= HASH_CTX_BYTES, "context fits");

static const HashAlg alg_md5 = { "md5", 16, 64, md5_init, md5_update, md5_final, 0 };
static const HashAlg alg_sha1 = { "sha1", 20, 64, md5_init, sha1_update, sha1_final, 0 };

static KnTypeObject md5_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_md5.md5", .tp_basicsize = sizeof(HashObject),
    .tp_getattro = ob_generic_getattr, .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_methods = hash_methods, .tp_getset = hash_getset,
};
static KnTypeObject sha1_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_sha1.sha1", .tp_basicsize = sizeof(HashObject),
    .tp_getattro = ob_generic_getattr, .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_methods = hash_methods, .tp_getset = hash_getset,
};

static KnObject *new_md5(KnObject *m, KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    (void)m;
    return hash_construct(&md5_type, &alg_md5, "md5", a, n, kw);
}

static KnObject *new_sha1(KnObject *m, KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    (void)m;
    return hash_construct(&sha1_type, &alg_sha1, "sha1", a, n, kw);
}

static KnMethodDef md5_functions[] = {
    { "md5", FC(new_md5), KN_METH_FASTCALL | KN_METH_KEYWORDS, "Return a new MD5 hash object; optionally initialized with a string." },
    { NULL, NULL, 0, NULL }
};
static KnMethodDef sha1_functions[] = {
    { "sha1", FC(new_sha1), KN_METH_FASTCALL | KN_METH_KEYWORDS, "Return a new SHA1 hash object; optionally initialized with a string." },
    { NULL, NULL, 0, NULL }
};

KnObject *kn_init__md5(void)
{
    for (int i = 0; i < 64; i++)
        md5_t[i] = (uint32_t)(fabs(sin((double)(i + 1))) * 4294967296.0);
    if (ob_type_ready(&md5_type) < 0)
        return NULL;
    KnObject *m = ob_module_new_cstr("_md5");
    if (m == NULL || ob_module_add_functions(m, md5_functions) < 0 ||
        ob_module_add_object(m, "MD5Type", (KnObject *)&md5_type) < 0)
        return NULL;
    return m;
}

KnObject *kn_init__sha1(void)
{
    if (ob_type_ready(&sha1_type) < 0)
        return NULL;
    KnObject *m = ob_module_new_cstr("_sha1");
    if (m == NULL || ob_module_add_functions(m, sha1_functions) < 0 ||
        ob_module_add_object(m, "SHA1Type", (KnObject *)&sha1_type) < 0)
        return NULL;
    return m;
}
