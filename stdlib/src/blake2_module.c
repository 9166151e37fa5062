/*
 * blake2_module.c — `_blake2`: BLAKE2b and BLAKE2s (RFC 7693, with the
 * parameter block of the BLAKE2 paper for salt, personalization and tree
 * hashing) on the shared hash object (hash_object.h), CPython 3.11's
 * constructor arguments and messages.  One template serves both widths;
 * the initial values are SHA-512's and SHA-256's (sha512_iv).
 */
#include <string.h>

#include "hash_object.h"
#include "stdlib/modules.h"

extern const uint64_t sha512_iv[8];

static const uint8_t sigma[10][16] = {
    { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 },
    { 14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3 },
    { 11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4 },
    { 7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8 },
    { 9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13 },
    { 2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9 },
    { 12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11 },
    { 13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10 },
    { 6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5 },
    { 10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0 },
};

/* B2(name, word type, bytes per word, rounds, rotations, load, store). */
#define B2(NAME, W, WB, ROUNDS, R1, R2, R3, R4, LOAD, STORE, ROR, IVW)              \
    typedef struct {                                                               \
        W h[8];                                                                    \
        W t[2];                                                                    \
        W f[2];                                                                    \
        size_t used;                                                               \
        int last_node;  /* f[1] is set for the final block only */                 \
        uint8_t buf[16 * WB];                                                      \
    } NAME##Ctx;                                                                   \
    static void NAME##_compress(NAME##Ctx *c, const uint8_t *block)               \
    {                                                                              \
        W m[16], v[16];                                                            \
        for (int i = 0; i < 16; i++)                                               \
            m[i] = LOAD(block + WB * i);                                           \
        for (int i = 0; i < 8; i++) {                                              \
            v[i] = c->h[i];                                                        \
            v[i + 8] = IVW(i);                                                     \
        }                                                                          \
        v[12] ^= c->t[0];                                                          \
        v[13] ^= c->t[1];                                                          \
        v[14] ^= c->f[0];                                                          \
        v[15] ^= c->f[1];                                                          \
        for (int r = 0; r < ROUNDS; r++) {                                         \
            const uint8_t *s = sigma[r % 10];                                      \
            static const uint8_t lanes[8][4] = {                                   \
                { 0, 4, 8, 12 }, { 1, 5, 9, 13 }, { 2, 6, 10, 14 }, { 3, 7, 11, 15 }, \
                { 0, 5, 10, 15 }, { 1, 6, 11, 12 }, { 2, 7, 8, 13 }, { 3, 4, 9, 14 }, \
            };                                                                     \
            for (int g = 0; g < 8; g++) {                                          \
                W *a = &v[lanes[g][0]], *b = &v[lanes[g][1]];                      \
                W *cc = &v[lanes[g][2]], *d = &v[lanes[g][3]];                     \
                *a = *a + *b + m[s[2 * g]];                                        \
                *d = ROR(*d ^ *a, R1);                                             \
                *cc = *cc + *d;                                                    \
                *b = ROR(*b ^ *cc, R2);                                            \
                *a = *a + *b + m[s[2 * g + 1]];                                    \
                *d = ROR(*d ^ *a, R3);                                             \
                *cc = *cc + *d;                                                    \
                *b = ROR(*b ^ *cc, R4);                                            \
            }                                                                      \
        }                                                                          \
        for (int i = 0; i < 8; i++)                                                \
            c->h[i] ^= v[i] ^ v[i + 8];                                            \
    }                                                                              \
    static void NAME##_count(NAME##Ctx *c, size_t n)                              \
    {                                                                              \
        c->t[0] += (W)n;                                                           \
        if (c->t[0] < (W)n)                                                        \
            c->t[1]++;                                                             \
    }                                                                              \
    /* Full blocks are compressed only once more input follows: the last  \
     * block gets the final flag. */                                               \
    static void NAME##_update(void *ctx, const uint8_t *p, size_t n)              \
    {                                                                              \
        NAME##Ctx *c = ctx;                                                        \
        const size_t bs = 16 * WB;                                                 \
        while (n > 0) {                                                            \
            if (c->used == bs) {                                                   \
                NAME##_count(c, bs);                                               \
                NAME##_compress(c, c->buf);                                        \
                c->used = 0;                                                       \
            }                                                                      \
            size_t take = bs - c->used < n ? bs - c->used : n;                     \
            memcpy(c->buf + c->used, p, take);                                     \
            c->used += take;                                                       \
            p += take;                                                             \
            n -= take;                                                             \
        }                                                                          \
    }                                                                              \
    static void NAME##_final(const void *ctx, uint8_t *out, size_t outlen)        \
    {                                                                              \
        NAME##Ctx c;                                                               \
        memcpy(&c, ctx, sizeof c);                                                 \
        NAME##_count(&c, c.used);                                                  \
        memset(c.buf + c.used, 0, sizeof c.buf - c.used);                          \
        c.f[0] = (W)~(W)0;                                                         \
        if (c.last_node)                                                           \
            c.f[1] = (W)~(W)0;                                                     \
        NAME##_compress(&c, c.buf);                                                \
        uint8_t full[8 * WB];                                                      \
        for (int i = 0; i < 8; i++)                                                \
            STORE(full + WB * i, c.h[i]);                                          \
        memcpy(out, full, outlen);                                                 \
    }                                                                              \
    _Static_assert(sizeof(NAME##Ctx) <= HASH_CTX_BYTES, "context fits");

#define IV64(i) (sha512_iv[i])
#define IV32(i) ((uint32_t)(sha512_iv[i] >> 32))
B2(b2b, uint64_t, 8, 12, 32, 24, 16, 63, hash_le64, hash_put_le64, hash_ror64, IV64)
B2(b2s, uint32_t, 4, 10, 16, 12, 8, 7, hash_le32, hash_put_le32, hash_ror32, IV32)

static void no_init(void *ctx)
{
    memset(ctx, 0, HASH_CTX_BYTES);
}

static const HashAlg alg_b2b = { "blake2b", 64, 128, no_init, b2b_update, b2b_final, 0 };
static const HashAlg alg_b2s = { "blake2s", 32, 64, no_init, b2s_update, b2s_final, 0 };

typedef struct {
    const HashAlg *alg;
    int max_digest, max_key, salt_size, person_size;
    unsigned long long max_offset;      /* node_offset limit (2^48 - 1 for s) */
} B2Kind;

static const B2Kind kind_b = { &alg_b2b, 64, 64, 16, 16, ~0ULL };
static const B2Kind kind_s = { &alg_b2s, 32, 32, 8, 8, (1ULL << 48) - 1 };

static KnTypeObject blake2b_type, blake2s_type;

static const char *const b2_names[] = {
    "", "digest_size", "key", "salt", "person", "fanout", "depth", "leaf_size", "node_offset",
    "node_depth", "inner_size", "last_node", "usedforsecurity", NULL,
};

static int small_int(KnObject *o, long long *out)
{
    if (KN_FLOAT_CHECK(o)) {
        ob_err_set_string(ob_exc_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    KnObject *i = ob_number_index(o);
    if (i == NULL)
        return -1;
    int overflow;
    *out = ob_int_as_long_long_and_overflow(i, &overflow);
    if (overflow) {
        ob_err_set_string(ob_exc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    return 0;
}

/* An unsigned parameter: ValueError for negatives as CPython 3.11. */
static int unsigned_arg(KnObject *o, unsigned long long limit, const char *name,
                        unsigned long long *out)
{
    KnObject *i = ob_number_index(o);
    if (i == NULL)
        return -1;
    if (ob_int_sign(i) < 0) {
        ob_err_set_string(ob_exc_ValueError, "value must be positive");
        return -1;
    }
    KnObject *lim = ob_int_from_unsigned_long_long(limit);
    int gt = lim == NULL ? -1 : ob_richcompare_bool(i, lim, KN_GT);
    if (gt < 0)
        return -1;
    if (gt) {
        ob_err_format(ob_exc_OverflowError, "%s is too large", name);
        return -1;
    }
    KnObject *low = ob_number_and(i, ob_int_from_unsigned_long_long(0xffffffffu));
    KnObject *high = ob_number_rshift(i, ob_int_from_ssize(32));
    if (low == NULL || high == NULL)
        return -1;
    *out = (unsigned long long)ob_int_as_long_long(high) << 32 |
           (unsigned long long)ob_int_as_long_long(low);
    return 0;
}

/* The bytes of a buffer argument of at most `max` bytes into dst. */
static int bytes_param(KnObject *o, uint8_t *dst, int max, const char *what, int *len)
{
    KnBuffer view;
    if (ob_buffer_get(o, &view, KN_BUF_SIMPLE) < 0)
        return -1;
    if (view.len > max) {
        ob_buffer_release(&view);
        ob_err_format(ob_exc_ValueError, "maximum %s length is %d bytes", what, max);
        return -1;
    }
    memcpy(dst, view.buf, (size_t)view.len);
    *len = (int)view.len;
    ob_buffer_release(&view);
    return 0;
}

static KnObject *b2_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    const B2Kind *k = ob_type_is_subtype(t, &blake2s_type) ? &kind_s : &kind_b;
    const char *fname = k == &kind_s ? "blake2s" : "blake2b";
    KnArgSpec spec = { fname, b2_names, 0, 1, 0 };
    KnObject *a[13];
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0)
        return NULL;
    int wb = k == &kind_s ? 4 : 8;
    long long digest = k->max_digest, fanout = 1, depth = 1, node_depth = 0, inner = 0;
    unsigned long long leaf = 0, offset = 0;
    uint8_t salt[16] = { 0 }, person[16] = { 0 }, key[64] = { 0 };
    int saltlen = 0, personlen = 0, keylen = 0, last_node = 0;
    if (a[1] != NULL && small_int(a[1], &digest) < 0)
        return NULL;
    if (digest < 1 || digest > k->max_digest) {
        ob_err_format(ob_exc_ValueError, "digest_size must be between 1 and %d bytes",
                      k->max_digest);
        return NULL;
    }
    if (a[3] != NULL && bytes_param(a[3], salt, k->salt_size, "salt", &saltlen) < 0)
        return NULL;
    if (a[4] != NULL && bytes_param(a[4], person, k->person_size, "person", &personlen) < 0)
        return NULL;
    if (a[5] != NULL && small_int(a[5], &fanout) < 0)
        return NULL;
    if (fanout < 0 || fanout > 255) {
        ob_err_set_string(ob_exc_ValueError, "fanout must be between 0 and 255");
        return NULL;
    }
    if (a[6] != NULL && small_int(a[6], &depth) < 0)
        return NULL;
    if (depth <= 0 || depth > 255) {
        ob_err_set_string(ob_exc_ValueError, "depth must be between 1 and 255");
        return NULL;
    }
    if (a[7] != NULL && unsigned_arg(a[7], 0xffffffffu, "leaf_size", &leaf) < 0)
        return NULL;
    if (a[8] != NULL && unsigned_arg(a[8], k->max_offset, "node_offset", &offset) < 0)
        return NULL;
    if (a[9] != NULL && small_int(a[9], &node_depth) < 0)
        return NULL;
    if (node_depth < 0 || node_depth > 255) {
        ob_err_set_string(ob_exc_ValueError, "node_depth must be between 0 and 255");
        return NULL;
    }
    if (a[10] != NULL && small_int(a[10], &inner) < 0)
        return NULL;
    if (inner < 0 || inner > k->max_digest) {
        ob_err_format(ob_exc_ValueError, "inner_size must be between 0 and is %d", k->max_digest);
        return NULL;
    }
    if (a[2] != NULL && bytes_param(a[2], key, k->max_key, "key", &keylen) < 0)
        return NULL;
    if (a[11] != NULL && (last_node = ob_is_true(a[11])) < 0)
        return NULL;
    if (a[12] != NULL && ob_is_true(a[12]) < 0)
        return NULL;

    /* the parameter block (64 bytes for b, 32 for s) */
    uint8_t pb[64] = { 0 };
    pb[0] = (uint8_t)digest;
    pb[1] = (uint8_t)keylen;
    pb[2] = (uint8_t)fanout;
    pb[3] = (uint8_t)depth;
    hash_put_le32(pb + 4, (uint32_t)leaf);
    if (wb == 8) {
        hash_put_le64(pb + 8, offset);
        pb[16] = (uint8_t)node_depth;
        pb[17] = (uint8_t)inner;
        memcpy(pb + 32, salt, 16);
        memcpy(pb + 48, person, 16);
    } else {
        hash_put_le32(pb + 8, (uint32_t)offset);
        pb[12] = (uint8_t)(offset >> 32);
        pb[13] = (uint8_t)(offset >> 40);
        pb[14] = (uint8_t)node_depth;
        pb[15] = (uint8_t)inner;
        memcpy(pb + 16, salt, 8);
        memcpy(pb + 24, person, 8);
    }
    HashObject *h = (HashObject *)ob_alloc(t, 0);
    if (h == NULL)
        return NULL;
    h->alg = k->alg;
    h->digest_size = (int)digest;
    memset(h->ctx, 0, sizeof h->ctx);
    if (wb == 8) {
        b2bCtx *c = (b2bCtx *)h->ctx;
        for (int i = 0; i < 8; i++)
            c->h[i] = IV64(i) ^ hash_le64(pb + 8 * i);
        c->last_node = last_node;
    } else {
        b2sCtx *c = (b2sCtx *)h->ctx;
        for (int i = 0; i < 8; i++)
            c->h[i] = IV32(i) ^ hash_le32(pb + 4 * i);
        c->last_node = last_node;
    }
    if (keylen > 0) {
        uint8_t block[128] = { 0 };
        memcpy(block, key, (size_t)keylen);
        k->alg->update(h->ctx, block, (size_t)(16 * wb));
    }
    if (a[0] != NULL && hash_feed(h, a[0]) < 0)
        return NULL;
    return (KnObject *)h;
}

static KnGetSetDef b2_getset[] = {
    { "name", NULL, NULL, NULL, NULL },             /* filled from hash_getset */
    { "digest_size", NULL, NULL, NULL, NULL },
    { "block_size", NULL, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

static KnTypeObject blake2b_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_blake2.blake2b", .tp_basicsize = sizeof(HashObject),
    .tp_getattro = ob_generic_getattr, .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_doc = "Return a new BLAKE2b hash object.",
    .tp_methods = hash_methods, .tp_getset = b2_getset, .tp_new = b2_new,
};
static KnTypeObject blake2s_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_blake2.blake2s", .tp_basicsize = sizeof(HashObject),
    .tp_getattro = ob_generic_getattr, .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_doc = "Return a new BLAKE2s hash object.",
    .tp_methods = hash_methods, .tp_getset = b2_getset, .tp_new = b2_new,
};

KnObject *kn_init__blake2(void)
{
    if (b2_getset[0].get == NULL)
        for (int i = 0; i < 3; i++)
            b2_getset[i] = hash_getset[i];
    if (ob_type_ready(&blake2b_type) < 0 || ob_type_ready(&blake2s_type) < 0)
        return NULL;
    KnObject *m = ob_module_new_cstr("_blake2");
    if (m == NULL || ob_module_add_object(m, "blake2b", (KnObject *)&blake2b_type) < 0 ||
        ob_module_add_object(m, "blake2s", (KnObject *)&blake2s_type) < 0)
        return NULL;
    static const struct { const char *name; int v; } consts[] = {
        { "BLAKE2B_SALT_SIZE", 16 }, { "BLAKE2B_PERSON_SIZE", 16 },
        { "BLAKE2B_MAX_KEY_SIZE", 64 }, { "BLAKE2B_MAX_DIGEST_SIZE", 64 },
        { "BLAKE2S_SALT_SIZE", 8 }, { "BLAKE2S_PERSON_SIZE", 8 },
        { "BLAKE2S_MAX_KEY_SIZE", 32 }, { "BLAKE2S_MAX_DIGEST_SIZE", 32 },
    };
    for (size_t i = 0; i < sizeof consts / sizeof *consts; i++) {
        /* BLAKE2B_SALT_SIZE in the module, SALT_SIZE on the class */
        KnTypeObject *t = consts[i].name[6] == 'B' ? &blake2b_type : &blake2s_type;
        KnObject *v = ob_int_from_ssize(consts[i].v);
        if (v == NULL || ob_module_add_object(m, consts[i].name, v) < 0
            || ob_dict_setitem_str(t->tp_dict, consts[i].name + 8, v) < 0)
            return NULL;
    }
    ob_type_modified(&blake2b_type);
    ob_type_modified(&blake2s_type);
    return m;
}
