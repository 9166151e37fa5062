/* hash_object.h — the object shared by _md5, _sha1, _sha256, _sha512 and
 * _sha3 (src/hash_object.c): one C struct, one set of methods, a HashAlg
 * per algorithm naming its functions and sizes.  Not public. */
#ifndef STDLIB_HASH_OBJECT_H
#define STDLIB_HASH_OBJECT_H

#include <stddef.h>
#include <stdint.h>

#include "libgc/gc.h"
#include "libobject/libobject.h"
#include "libobject/buffer.h"

#define HASH_CTX_BYTES 512

typedef struct HashAlg {
    const char *name;           /* "sha256": the .name attribute */
    int digest_size;            /* 0 for the shake (variable-length) ones */
    int block_size;
    void (*init)(void *ctx);
    void (*update)(void *ctx, const uint8_t *p, size_t n);
    /* Writes `outlen` bytes (digest_size, or any length for shake) from a
     * copy of the context, which stays usable. */
    void (*final)(const void *ctx, uint8_t *out, size_t outlen);
    int sha3_suffix;            /* _sha3 only: the domain byte, else 0 */
} HashAlg;

typedef struct HashObject {
    KN_OBJECT_HEAD;
    const HashAlg *alg;
    int digest_size;            /* alg->digest_size; per object for BLAKE2 */
    _Alignas(8) uint8_t ctx[HASH_CTX_BYTES];
} HashObject;

/* Fixed-digest methods and getters for types whose tp_basicsize is
 * sizeof(HashObject). */
extern KnMethodDef hash_methods[];
extern KnGetSetDef hash_getset[];
/* Write a digest in lowercase hex as a str. */
KnObject *hash_hex(const uint8_t *d, size_t n);
/* Feed a bytes-like object (CPython's hashing messages for str / others). */
int hash_feed(HashObject *h, KnObject *data);
/* The variable-length (shake) methods: digest(length), hexdigest(length). */
extern KnMethodDef hash_xof_methods[];
/* _sha3's extra attributes _capacity_bits, _rate_bits, _suffix + name/sizes. */
extern KnGetSetDef hash_sha3_getset[];

/* The constructor `fname(string=None, *, usedforsecurity=True)`: a new
 * object of type t for alg, fed the optional data. */
KnObject *hash_construct(KnTypeObject *t, const HashAlg *alg, const char *fname,
                         KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames);
/* tp_call-style form of the same (for types with tp_new). */
KnObject *hash_construct_tuple(KnTypeObject *t, const HashAlg *alg, const char *fname,
                               KnObject *args, KnObject *kwargs);

/* Big-endian / little-endian loads and stores for the algorithms. */
static inline uint32_t hash_be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}
static inline uint64_t hash_be64(const uint8_t *p)
{
    return (uint64_t)hash_be32(p) << 32 | hash_be32(p + 4);
}
static inline uint32_t hash_le32(const uint8_t *p)
{
    return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}
static inline uint64_t hash_le64(const uint8_t *p)
{
    return (uint64_t)hash_le32(p + 4) << 32 | hash_le32(p);
}
static inline void hash_put_be32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (24 - 8 * i));
}
static inline void hash_put_be64(uint8_t *p, uint64_t v)
{
    hash_put_be32(p, (uint32_t)(v >> 32));
    hash_put_be32(p + 4, (uint32_t)v);
}
static inline void hash_put_le32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}
static inline void hash_put_le64(uint8_t *p, uint64_t v)
{
    hash_put_le32(p, (uint32_t)v);
    hash_put_le32(p + 4, (uint32_t)(v >> 32));
}
static inline uint32_t hash_rol32(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }
static inline uint32_t hash_ror32(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }
static inline uint64_t hash_ror64(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }
static inline uint64_t hash_rol64(uint64_t x, int n) { return n ? (x << n) | (x >> (64 - n)) : x; }

/* Block buffering shared by the Merkle–Damgård hashes (MD5, SHA-1, SHA-2):
 * feeds whole blocks of `bs` bytes to `compress`. */
typedef struct HashMD {
    uint64_t total;             /* bytes hashed (low 64 bits) */
    uint64_t total_hi;          /* carry for SHA-384/512's 128-bit length */
    size_t used;
    uint8_t buf[128];
} HashMD;
void hash_md_update(HashMD *md, size_t bs, void *state,
                    void (*compress)(void *state, const uint8_t *block),
                    const uint8_t *p, size_t n);
/* Pads with 0x80, zeros and the bit length (lenbytes = 8 or 16, big- or
 * little-endian) and compresses the last block(s). */
void hash_md_finish(HashMD *md, size_t bs, void *state,
                    void (*compress)(void *state, const uint8_t *block),
                    size_t lenbytes, int big_endian);

#endif /* STDLIB_HASH_OBJECT_H */
