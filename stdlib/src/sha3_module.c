/*
 * sha3_module.c — `_sha3`: SHA3-224/256/384/512 and SHAKE128/256
 * (FIPS 202) on the shared hash object (hash_object.h).  Keccak-f[1600]'s
 * round constants and rotation offsets are derived once from the
 * specification's LFSR (§3.2.5) and (x, y) walk (§3.2.2).  A sponge
 * context XORs input bytes straight into the state lanes.
 */
#include <string.h>

#include "hash_object.h"
#include "stdlib/modules.h"

typedef struct {
    uint64_t a[25];
    size_t pos;        /* bytes absorbed into the current block */
    size_t rate;       /* bytes */
    uint8_t suffix;    /* 0x06 SHA-3, 0x1f SHAKE */
} KeccakCtx;

static uint64_t keccak_rc[24];
static int keccak_rot[25];

static int lfsr_bit(int t)
{
    if (t % 255 == 0)
        return 1;
    unsigned r = 1;          /* bit i of r is R[i] */
    for (int i = 1; i <= t % 255; i++) {
        r <<= 1;
        if (r & 0x100)
            r ^= 0x171;      /* R[0], R[4], R[5], R[6] ^= R[8]; truncate */
    }
    return r & 1;
}

static void keccak_tables(void)
{
    for (int ir = 0; ir < 24; ir++) {
        uint64_t rc = 0;
        for (int j = 0; j <= 6; j++)
            if (lfsr_bit(j + 7 * ir))
                rc |= (uint64_t)1 << ((1 << j) - 1);
        keccak_rc[ir] = rc;
    }
    int x = 1, y = 0;
    keccak_rot[0] = 0;
    for (int t = 0; t < 24; t++) {
        keccak_rot[x + 5 * y] = ((t + 1) * (t + 2) / 2) % 64;
        int nx = y, ny = (2 * x + 3 * y) % 5;
        x = nx;
        y = ny;
    }
}

static void keccak_f(uint64_t *a)
{
    for (int ir = 0; ir < 24; ir++) {
        uint64_t c[5], b[25];
        for (int x = 0; x < 5; x++)
            c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
        for (int x = 0; x < 5; x++) {
            uint64_t d = c[(x + 4) % 5] ^ hash_rol64(c[(x + 1) % 5], 1);
            for (int y = 0; y < 5; y++)
                a[x + 5 * y] ^= d;
        }
        for (int x = 0; x < 5; x++)
            for (int y = 0; y < 5; y++)
                b[y + 5 * ((2 * x + 3 * y) % 5)] = hash_rol64(a[x + 5 * y], keccak_rot[x + 5 * y]);
        for (int x = 0; x < 5; x++)
            for (int y = 0; y < 5; y++)
                a[x + 5 * y] = b[x + 5 * y] ^ (~b[(x + 1) % 5 + 5 * y] & b[(x + 2) % 5 + 5 * y]);
        a[0] ^= keccak_rc[ir];
    }
}

static void xor_byte(uint64_t *a, size_t i, uint8_t v)
{
    a[i / 8] ^= (uint64_t)v << (8 * (i % 8));
}

static void keccak_update(void *ctx, const uint8_t *p, size_t n)
{
    KeccakCtx *k = ctx;
    for (size_t i = 0; i < n; i++) {
        xor_byte(k->a, k->pos++, p[i]);
        if (k->pos == k->rate) {
            keccak_f(k->a);
            k->pos = 0;
        }
    }
}

static void keccak_final(const void *ctx, uint8_t *out, size_t outlen)
{
    KeccakCtx k;
    memcpy(&k, ctx, sizeof k);
    xor_byte(k.a, k.pos, k.suffix);
    xor_byte(k.a, k.rate - 1, 0x80);
    keccak_f(k.a);
    for (size_t i = 0, j = 0; i < outlen; i++, j++) {
        if (j == k.rate) {
            keccak_f(k.a);
            j = 0;
        }
        out[i] = (uint8_t)(k.a[j / 8] >> (8 * (j % 8)));
    }
}

_Static_assert(sizeof(KeccakCtx) <= HASH_CTX_BYTES, "context fits");

#define SHA3_VARIANT(name, rate_bytes, sfx)                 \
    static void name##_init(void *ctx)                      \
    {                                                       \
        KeccakCtx *k = ctx;                                 \
        memset(k, 0, sizeof *k);                            \
        k->rate = rate_bytes;                               \
        k->suffix = sfx;                                    \
    }
SHA3_VARIANT(sha3_224, 144, 0x06)
SHA3_VARIANT(sha3_256, 136, 0x06)
SHA3_VARIANT(sha3_384, 104, 0x06)
SHA3_VARIANT(sha3_512, 72, 0x06)
SHA3_VARIANT(shake_128, 168, 0x1f)
SHA3_VARIANT(shake_256, 136, 0x1f)

static const HashAlg algs[6] = {
    { "sha3_224", 28, 144, sha3_224_init, keccak_update, keccak_final, 0x06 },
    { "sha3_256", 32, 136, sha3_256_init, keccak_update, keccak_final, 0x06 },
    { "sha3_384", 48, 104, sha3_384_init, keccak_update, keccak_final, 0x06 },
    { "sha3_512", 64, 72, sha3_512_init, keccak_update, keccak_final, 0x06 },
    { "shake_128", 0, 168, shake_128_init, keccak_update, keccak_final, 0x1f },
    { "shake_256", 0, 136, shake_256_init, keccak_update, keccak_final, 0x1f },
};

static KnTypeObject sha3_types[6];

/* tp_new: the type's HashAlg is found by its index in sha3_types.  CPython
 * 3.11 names sha3_224 in every SHA-3/SHAKE constructor's messages. */
static KnObject *sha3_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    KnTypeObject *base = t;
    while (base != NULL && (base < sha3_types || base >= sha3_types + 6))
        base = base->tp_base;
    if (base == NULL) {
        ob_err_set_string(ob_exc_TypeError, "not a _sha3 type");
        return NULL;
    }
    return hash_construct_tuple(t, &algs[base - sha3_types], "sha3_224", args, kwargs);
}

KnObject *kn_init__sha3(void)
{
    static int ready;
    if (!ready) {
        keccak_tables();
        static const char *const tnames[6] = {
            "_sha3.sha3_224", "_sha3.sha3_256", "_sha3.sha3_384", "_sha3.sha3_512",
            "_sha3.shake_128", "_sha3.shake_256",
        };
        for (int i = 0; i < 6; i++) {
            KnTypeObject *t = &sha3_types[i];
            KnTypeObject init = { KN_VAR_HEAD_INIT(&ob_type_type, 0) };
            *t = init;
            t->tp_name = tnames[i];
            t->tp_basicsize = sizeof(HashObject);
            t->tp_getattro = ob_generic_getattr;
            t->tp_flags = KN_TPFLAGS_DEFAULT;
            t->tp_methods = i < 4 ? hash_methods : hash_xof_methods;
            t->tp_getset = hash_sha3_getset;
            t->tp_new = sha3_new;
            if (ob_type_ready(t) < 0)
                return NULL;
        }
        ready = 1;
    }
    KnObject *m = ob_module_new_cstr("_sha3");
    if (m == NULL)
        return NULL;
    for (int i = 0; i < 6; i++)
        if (ob_module_add_object(m, algs[i].name, (KnObject *)&sha3_types[i]) < 0)
            return NULL;
    if (ob_module_add_object(m, "keccakopt", ob_int_from_ssize(64)) < 0 ||
        ob_module_add_object(m, "implementation", ob_str_from_cstr("kiln")) < 0)
        return NULL;
    return m;
}
