/*
 * sha512_module.c — `_sha512`: SHA-512 and SHA-384 (FIPS 180-4 §6.4, §6.5)
 * on the shared hash object (hash_object.h).  The round constants of
 * SHA-256 are the top halves of these (sha256_module.c uses sha512_k).
 */
#include <string.h>

#include "hash_object.h"
#include "stdlib/modules.h"

#define FC(f) ((KnCFunction)(void (*)(void))(f))

const uint64_t sha512_k[80] = {
    0x428a2f98d728ae22u, 0x7137449123ef65cdu, 0xb5c0fbcfec4d3b2fu, 0xe9b5dba58189dbbcu,
    0x3956c25bf348b538u, 0x59f111f1b605d019u, 0x923f82a4af194f9bu, 0xab1c5ed5da6d8118u,
    0xd807aa98a3030242u, 0x12835b0145706fbeu, 0x243185be4ee4b28cu, 0x550c7dc3d5ffb4e2u,
    0x72be5d74f27b896fu, 0x80deb1fe3b1696b1u, 0x9bdc06a725c71235u, 0xc19bf174cf692694u,
    0xe49b69c19ef14ad2u, 0xefbe4786384f25e3u, 0x0fc19dc68b8cd5b5u, 0x240ca1cc77ac9c65u,
    0x2de92c6f592b0275u, 0x4a7484aa6ea6e483u, 0x5cb0a9dcbd41fbd4u, 0x76f988da831153b5u,
    0x983e5152ee66dfabu, 0xa831c66d2db43210u, 0xb00327c898fb213fu, 0xbf597fc7beef0ee4u,
    0xc6e00bf33da88fc2u, 0xd5a79147930aa725u, 0x06ca6351e003826fu, 0x142929670a0e6e70u,
    0x27b70a8546d22ffcu, 0x2e1b21385c26c926u, 0x4d2c6dfc5ac42aedu, 0x53380d139d95b3dfu,
    0x650a73548baf63deu, 0x766a0abb3c77b2a8u, 0x81c2c92e47edaee6u, 0x92722c851482353bu,
    0xa2bfe8a14cf10364u, 0xa81a664bbc423001u, 0xc24b8b70d0f89791u, 0xc76c51a30654be30u,
    0xd192e819d6ef5218u, 0xd69906245565a910u, 0xf40e35855771202au, 0x106aa07032bbd1b8u,
    0x19a4c116b8d2d0c8u, 0x1e376c085141ab53u, 0x2748774cdf8eeb99u, 0x34b0bcb5e19b48a8u,
    0x391c0cb3c5c95a63u, 0x4ed8aa4ae3418acbu, 0x5b9cca4f7763e373u, 0x682e6ff3d6b2b8a3u,
    0x748f82ee5defb2fcu, 0x78a5636f43172f60u, 0x84c87814a1f0ab72u, 0x8cc702081a6439ecu,
    0x90befffa23631e28u, 0xa4506cebde82bde9u, 0xbef9a3f7b2c67915u, 0xc67178f2e372532bu,
    0xca273eceea26619cu, 0xd186b8c721c0c207u, 0xeada7dd6cde0eb1eu, 0xf57d4f7fee6ed178u,
    0x06f067aa72176fbau, 0x0a637dc5a2c898a6u, 0x113f9804bef90daeu, 0x1b710b35131c471bu,
    0x28db77f523047d84u, 0x32caab7b40c72493u, 0x3c9ebe0a15c9bebcu, 0x431d67c49c100d4cu,
    0x4cc5d4becb3e42b6u, 0x597f299cfc657e2au, 0x5fcb6fab3ad6faecu, 0x6c44198c4a475817u,
};

/* The SHA-512 initial value; SHA-256's is its top halves. */
const uint64_t sha512_iv[8] = {
    0x6a09e667f3bcc908u, 0xbb67ae8584caa73bu, 0x3c6ef372fe94f82bu, 0xa54ff53a5f1d36f1u,
    0x510e527fade682d1u, 0x9b05688c2b3e6c1fu, 0x1f83d9abfb41bd6bu, 0x5be0cd19137e2179u,
};

static const uint64_t sha384_iv[8] = {
    0xcbbb9d5dc1059ed8u, 0x629a292a367cd507u, 0x9159015a3070dd17u, 0x152fecd8f70e5939u,
    0x67332667ffc00b31u, 0x8eb44a8768581511u, 0xdb0c2e0d64f98fa7u, 0x47b5481dbefa4fa4u,
};

typedef struct {
    uint64_t h[8];
    HashMD md;
} Sha512Ctx;

static void sha512_compress(void *state, const uint8_t *block)
{
    uint64_t *h = state, w[80];
    for (int t = 0; t < 16; t++)
        w[t] = hash_be64(block + 8 * t);
    for (int t = 16; t < 80; t++) {
        uint64_t s0 = hash_ror64(w[t - 15], 1) ^ hash_ror64(w[t - 15], 8) ^ (w[t - 15] >> 7);
        uint64_t s1 = hash_ror64(w[t - 2], 19) ^ hash_ror64(w[t - 2], 61) ^ (w[t - 2] >> 6);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
    for (int t = 0; t < 80; t++) {
        uint64_t S1 = hash_ror64(e, 14) ^ hash_ror64(e, 18) ^ hash_ror64(e, 41);
        uint64_t t1 = k + S1 + ((e & f) ^ (~e & g)) + sha512_k[t] + w[t];
        uint64_t S0 = hash_ror64(a, 28) ^ hash_ror64(a, 34) ^ hash_ror64(a, 39);
        uint64_t t2 = S0 + ((a & b) ^ (a & c) ^ (b & c));
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

static void sha512_init(void *ctx)
{
    Sha512Ctx *c = ctx;
    memset(c, 0, sizeof *c);
    memcpy(c->h, sha512_iv, sizeof c->h);
}

static void sha384_init(void *ctx)
{
    Sha512Ctx *c = ctx;
    memset(c, 0, sizeof *c);
    memcpy(c->h, sha384_iv, sizeof c->h);
}

static void sha512_update(void *ctx, const uint8_t *p, size_t n)
{
    Sha512Ctx *c = ctx;
    hash_md_update(&c->md, 128, c->h, sha512_compress, p, n);
}

static void sha512_final(const void *ctx, uint8_t *out, size_t outlen)
{
    Sha512Ctx c;
    memcpy(&c, ctx, sizeof c);
    hash_md_finish(&c.md, 128, c.h, sha512_compress, 16, 1);
    uint8_t full[64];
    for (int i = 0; i < 8; i++)
        hash_put_be64(full + 8 * i, c.h[i]);
    memcpy(out, full, outlen);
}

_Static_assert(sizeof(Sha512Ctx) <= HASH_CTX_BYTES, "context fits");

static const HashAlg alg_sha512 = { "sha512", 64, 128, sha512_init, sha512_update, sha512_final, 0 };
static const HashAlg alg_sha384 = { "sha384", 48, 128, sha384_init, sha512_update, sha512_final, 0 };

static KnTypeObject sha512_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_sha512.sha512", .tp_basicsize = sizeof(HashObject),
    .tp_getattro = ob_generic_getattr, .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_methods = hash_methods, .tp_getset = hash_getset,
};
static KnTypeObject sha384_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_sha512.sha384", .tp_basicsize = sizeof(HashObject),
    .tp_getattro = ob_generic_getattr, .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_methods = hash_methods, .tp_getset = hash_getset,
};

static KnObject *new_sha512(KnObject *m, KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    (void)m;
    return hash_construct(&sha512_type, &alg_sha512, "sha512", a, n, kw);
}

static KnObject *new_sha384(KnObject *m, KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    (void)m;
    return hash_construct(&sha384_type, &alg_sha384, "sha384", a, n, kw);
}

static KnMethodDef sha512_functions[] = {
    { "sha512", FC(new_sha512), KN_METH_FASTCALL | KN_METH_KEYWORDS, "Return a new SHA-512 hash object; optionally initialized with a string." },
    { "sha384", FC(new_sha384), KN_METH_FASTCALL | KN_METH_KEYWORDS, "Return a new SHA-384 hash object; optionally initialized with a string." },
    { NULL, NULL, 0, NULL }
};

KnObject *kn_init__sha512(void)
{
    if (ob_type_ready(&sha512_type) < 0 || ob_type_ready(&sha384_type) < 0)
        return NULL;
    KnObject *m = ob_module_new_cstr("_sha512");
    /* CPython 3.11 exports only SHA384Type, bound to the sha512 class. */
    if (m == NULL || ob_module_add_functions(m, sha512_functions) < 0 ||
        ob_module_add_object(m, "SHA384Type", (KnObject *)&sha512_type) < 0)
        return NULL;
    return m;
}
