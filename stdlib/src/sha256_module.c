/*
 * sha256_module.c — `_sha256`: SHA-256 and SHA-224 (FIPS 180-4 §6.2, §6.3)
 * on the shared hash object (hash_object.h).  Round constants and the
 * SHA-256 initial value are the top 32 bits of SHA-512's (FIPS 180-4 §4.2).
 */
#include <string.h>

#include "hash_object.h"
#include "stdlib/modules.h"

#define FC(f) ((KnCFunction)(void (*)(void))(f))

extern const uint64_t sha512_k[80];
extern const uint64_t sha512_iv[8];

static const uint32_t sha224_iv[8] = {
    0xc1059ed8u, 0x367cd507u, 0x3070dd17u, 0xf70e5939u,
    0xffc00b31u, 0x68581511u, 0x64f98fa7u, 0xbefa4fa4u,
};

typedef struct {
    uint32_t h[8];
    HashMD md;
} Sha256Ctx;

static void sha256_compress(void *state, const uint8_t *block)
{
    uint32_t *h = state, w[64];
    for (int t = 0; t < 16; t++)
        w[t] = hash_be32(block + 4 * t);
    for (int t = 16; t < 64; t++) {
        uint32_t s0 = hash_ror32(w[t - 15], 7) ^ hash_ror32(w[t - 15], 18) ^ (w[t - 15] >> 3);
        uint32_t s1 = hash_ror32(w[t - 2], 17) ^ hash_ror32(w[t - 2], 19) ^ (w[t - 2] >> 10);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
    for (int t = 0; t < 64; t++) {
        uint32_t S1 = hash_ror32(e, 6) ^ hash_ror32(e, 11) ^ hash_ror32(e, 25);
        uint32_t t1 = k + S1 + ((e & f) ^ (~e & g)) + (uint32_t)(sha512_k[t] >> 32) + w[t];
        uint32_t S0 = hash_ror32(a, 2) ^ hash_ror32(a, 13) ^ hash_ror32(a, 22);
        uint32_t t2 = S0 + ((a & b) ^ (a & c) ^ (b & c));
        k = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d;
    h[4] += e; h[5] += f; h[6] += g; h[7] += k;
}

static void sha256_init(void *ctx)
{
    Sha256Ctx *c = ctx;
    memset(c, 0, sizeof *c);
    for (int i = 0; i < 8; i++)
        c->h[i] = (uint32_t)(sha512_iv[i] >> 32);
}

static void sha224_init(void *ctx)
{
    Sha256Ctx *c = ctx;
    memset(c, 0, sizeof *c);
    memcpy(c->h, sha224_iv, sizeof c->h);
}

static void sha256_update(void *ctx, const uint8_t *p, size_t n)
{
    Sha256Ctx *c = ctx;
    hash_md_update(&c->md, 64, c->h, sha256_compress, p, n);
}

static void sha256_final(const void *ctx, uint8_t *out, size_t outlen)
{
    Sha256Ctx c;
    memcpy(&c, ctx, sizeof c);
    hash_md_finish(&c.md, 64, c.h, sha256_compress, 8, 1);
    uint8_t full[32];
    for (int i = 0; i < 8; i++)
        hash_put_be32(full + 4 * i, c.h[i]);
    memcpy(out, full, outlen);
}

_Static_assert(sizeof(Sha256Ctx) <= HASH_CTX_BYTES, "context fits");

static const HashAlg alg_sha256 = { "sha256", 32, 64, sha256_init, sha256_update, sha256_final, 0 };
static const HashAlg alg_sha224 = { "sha224", 28, 64, sha224_init, sha256_update, sha256_final, 0 };

static KnTypeObject sha256_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_sha256.sha256", .tp_basicsize = sizeof(HashObject),
    .tp_getattro = ob_generic_getattr, .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_methods = hash_methods, .tp_getset = hash_getset,
};
static KnTypeObject sha224_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_sha256.sha224", .tp_basicsize = sizeof(HashObject),
    .tp_getattro = ob_generic_getattr, .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_methods = hash_methods, .tp_getset = hash_getset,
};

static KnObject *new_sha256(KnObject *m, KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    (void)m;
    return hash_construct(&sha256_type, &alg_sha256, "sha256", a, n, kw);
}

static KnObject *new_sha224(KnObject *m, KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    (void)m;
    return hash_construct(&sha224_type, &alg_sha224, "sha224", a, n, kw);
}

static KnMethodDef sha256_functions[] = {
    { "sha256", FC(new_sha256), KN_METH_FASTCALL | KN_METH_KEYWORDS, "Return a new SHA-256 hash object; optionally initialized with a string." },
    { "sha224", FC(new_sha224), KN_METH_FASTCALL | KN_METH_KEYWORDS, "Return a new SHA-224 hash object; optionally initialized with a string." },
    { NULL, NULL, 0, NULL }
};

KnObject *kn_init__sha256(void)
{
    if (ob_type_ready(&sha256_type) < 0 || ob_type_ready(&sha224_type) < 0)
        return NULL;
    KnObject *m = ob_module_new_cstr("_sha256");
    if (m == NULL || ob_module_add_functions(m, sha256_functions) < 0 ||
        ob_module_add_object(m, "SHA224Type", (KnObject *)&sha224_type) < 0 ||
        ob_module_add_object(m, "SHA256Type", (KnObject *)&sha256_type) < 0)
        return NULL;
    return m;
}
