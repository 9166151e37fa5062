/*
 * hash.c — SipHash-1-3 for str/bytes and the PYTHONHASHSEED secret.
 *
 * The algorithm is Aumasson & Bernstein's SipHash with one compression round
 * per 8-byte block and three finalisation rounds (the variant CPython 3.11
 * uses).  The message is read little-endian; the final block carries the
 * length in its top byte.  The key words are the first and second 8 bytes of
 * the 24-byte secret, read in host order (x86-64: little-endian), which is
 * what CPython does by overlaying a union on the same bytes.
 */
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sys/random.h>
#include <unistd.h>
#include "libobject/hash.h"

static unsigned char hash_secret[24];
static int hash_ready;

static inline uint64_t hash_rotl(uint64_t x, int b)
{
    return (x << b) | (x >> (64 - b));
}

#define HASH_ROUND(v0, v1, v2, v3)                                   \
    do {                                                             \
        v0 += v1; v1 = hash_rotl(v1, 13); v1 ^= v0; v0 = hash_rotl(v0, 32); \
        v2 += v3; v3 = hash_rotl(v3, 16); v3 ^= v2;                  \
        v0 += v3; v3 = hash_rotl(v3, 21); v3 ^= v0;                  \
        v2 += v1; v1 = hash_rotl(v1, 17); v1 ^= v2; v2 = hash_rotl(v2, 32); \
    } while (0)

static inline uint64_t hash_load_le64(const unsigned char *p)
{
    uint64_t x = 0;
    for (int i = 7; i >= 0; i--)
        x = (x << 8) | p[i];
    return x;
}

uint64_t ob_hash_siphash13(uint64_t k0, uint64_t k1, const void *data, size_t len)
{
    const unsigned char *p = data;
    uint64_t v0 = k0 ^ 0x736f6d6570736575ULL;
    uint64_t v1 = k1 ^ 0x646f72616e646f6dULL;
    uint64_t v2 = k0 ^ 0x6c7967656e657261ULL;
    uint64_t v3 = k1 ^ 0x7465646279746573ULL;
    size_t left = len;

    while (left >= 8) {
        uint64_t m = hash_load_le64(p);
        v3 ^= m;
        HASH_ROUND(v0, v1, v2, v3);
        v0 ^= m;
        p += 8;
        left -= 8;
    }
    uint64_t last = (uint64_t)(len & 0xff) << 56;
    for (size_t i = 0; i < left; i++)
        last |= (uint64_t)p[i] << (8 * i);
    v3 ^= last;
    HASH_ROUND(v0, v1, v2, v3);
    v0 ^= last;
    v2 ^= 0xff;
    HASH_ROUND(v0, v1, v2, v3);
    HASH_ROUND(v0, v1, v2, v3);
    HASH_ROUND(v0, v1, v2, v3);
    return v0 ^ v1 ^ v2 ^ v3;
}

/* CPython derives the secret for a numeric seed from the MSVC rand() LCG:
 * each byte is bits 16..23 of the next state. */
static void hash_lcg_fill(unsigned long seed, unsigned char *out, size_t n)
{
    uint32_t x = (uint32_t)seed;
    for (size_t i = 0; i < n; i++) {
        x = x * 214013u + 2531011u;
        out[i] = (unsigned char)((x >> 16) & 0xff);
    }
}

static int hash_random_fill(unsigned char *out, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t r = getrandom(out + got, n - got, 0);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        got += (size_t)r;
    }
    return 0;
}

int ob_hash_init(const char *seed_text)
{
    hash_ready = 1;
    if (seed_text == NULL || seed_text[0] == '\0' || strcmp(seed_text, "random") == 0) {
        if (hash_random_fill(hash_secret, sizeof hash_secret) < 0) {
            /* no entropy source: fall back to something time-varying rather
             * than failing start-up */
            hash_lcg_fill((unsigned long)(uintptr_t)&seed_text ^ (unsigned long)getpid(),
                          hash_secret, sizeof hash_secret);
        }
        return 0;
    }
    char *end;
    errno = 0;
    unsigned long long v = strtoull(seed_text, &end, 10);
    if (*end != '\0' || errno != 0 || v > 4294967295ULL || seed_text[0] == '-') {
        memset(hash_secret, 0, sizeof hash_secret);
        return -1;
    }
    if (v == 0)
        memset(hash_secret, 0, sizeof hash_secret);
    else
        hash_lcg_fill((unsigned long)v, hash_secret, sizeof hash_secret);
    return 0;
}

const unsigned char *ob_hash_secret(void)
{
    if (!hash_ready)
        ob_hash_init(getenv("PYTHONHASHSEED"));
    return hash_secret;
}

kn_hash_t ob_hash_bytes(const void *data, kn_ssize_t len)
{
    if (len <= 0)
        return 0;
    const unsigned char *key = ob_hash_secret();
    uint64_t k0, k1;
    memcpy(&k0, key, 8);
    memcpy(&k1, key + 8, 8);
    kn_hash_t h = (kn_hash_t)ob_hash_siphash13(k0, k1, data, (size_t)len);
    return h == -1 ? -2 : h;
}
