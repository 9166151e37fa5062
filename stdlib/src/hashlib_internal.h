/* hashlib_internal.h — `_hashlib` over OpenSSL 3's EVP interface (part
 * hashlib; design note NOTES-hashlib.md).  Not public. */
#ifndef STDLIB_HASHLIB_INTERNAL_H
#define STDLIB_HASHLIB_INTERNAL_H

#include <pthread.h>

#include <openssl/evp.h>

#include "libgc/gc.h"
#include "libobject/libobject.h"
#include "libobject/buffer.h"
#include "hash_object.h"

#define FC(f) ((KnCFunction)(void (*)(void))(f))

/* Data at least this long is hashed with the GIL released (CPython's
 * HASHLIB_GIL_MINSIZE). */
#define HL_GIL_MINSIZE 2048

/* A HASH / HASHXOF object.  `lock` serialises the context while a thread
 * hashes without the GIL; it is only ever taken by threads that are not
 * waiting for the GIL while holding it. */
typedef struct HlHash {
    KN_OBJECT_HEAD;
    EVP_MD_CTX *ctx;
    pthread_mutex_t lock;
} HlHash;

extern KnTypeObject hl_hash_type, hl_hashxof_type, hl_hmac_type;
extern KnObject *hl_unsupported_error;     /* UnsupportedDigestmodError */
extern KnObject *hl_constructors;          /* {openssl_md5: 'md5', ...} */

/* The digest for a Python name ("sha3_256", "SHA256", "blake2b", ...), or
 * NULL with ValueError set (3.11.2 raises the plain ValueError here). */
EVP_MD *hl_digest_by_name(const char *name, int usedforsecurity);
/* The digest for a str name or one of _constructors' functions (hmac's
 * digestmod); NULL with an exception set. */
EVP_MD *hl_digest_by_digestmod(KnObject *digestmod);
/* CPython's name for md: "sha3_256", "blake2b", "md5-sha1", ... */
const char *hl_digest_pyname(const EVP_MD *md);
/* Raise exc with OpenSSL's last error as "[lib] reason" (or `fallback`
 * when the queue is empty); clears the queue.  Returns NULL. */
KnObject *hl_raise_openssl(KnObject *exc, const char *fallback);

/* A C-contiguous one-dimensional view of a bytes-like object, refusing
 * str with CPython's message.  0 or -1. */
int hl_get_view(KnObject *data, KnBuffer *view);
/* A HASH (or HASHXOF for a shake) for md, fed `data` when not NULL/None. */
KnObject *hl_hash_new(EVP_MD *md, KnObject *data);
/* Feed n bytes to ctx under lock, without the GIL when n is large. */
int hl_locked_update(pthread_mutex_t *lock, void *ctx, const void *p, size_t n,
                     int (*update)(void *ctx, const void *p, size_t n));
/* Lowercase hex of n bytes as a str (hash_object.c's). */
#define hl_hex(d, n) hash_hex((const uint8_t *)(d), (size_t)(n))

/* hashlib_kdf.c / hashlib_hmac.c */
KnObject *hl_pbkdf2_hmac(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames);
KnObject *hl_scrypt(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames);
KnObject *hl_hmac_new(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames);
KnObject *hl_hmac_digest(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames);

#endif /* STDLIB_HASHLIB_INTERNAL_H */
