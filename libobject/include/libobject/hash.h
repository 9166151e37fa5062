/*
 * libobject/hash.h — hashing of byte strings (src/hash.c).
 *
 * str, bytes and memoryview hash their raw data with SipHash-1-3 keyed by a
 * 16-byte secret, exactly as CPython 3.11 does, so hash values (and with them
 * set/dict iteration orders) equal CPython's for the same PYTHONHASHSEED:
 *   unset or "random"  key from getrandom()
 *   "0"                randomisation off: the key is all zeros
 *   N (1..4294967295)  key bytes from CPython's LCG seeded with N
 * The empty string hashes to 0; a result of -1 becomes -2.
 */
#ifndef LIBOBJECT_HASH_H
#define LIBOBJECT_HASH_H
#include "libobject/object.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Hash of len bytes at data (never -1). */
kn_hash_t ob_hash_bytes(const void *data, kn_ssize_t len);

/* Set the secret from a PYTHONHASHSEED-style value (NULL: unset).  Returns
 * 0, or -1 (no exception: runtime init reports it) when the text is not
 * "random" or an integer in [0, 4294967295].  Called once by runtime init;
 * if never called, the first hash initialises from getenv("PYTHONHASHSEED"). */
int ob_hash_init(const char *seed_text);

/* The raw SipHash-1-3 of data under an explicit key (exposed for tests). */
uint64_t ob_hash_siphash13(uint64_t k0, uint64_t k1, const void *data, size_t len);

/* The 24 secret bytes (CPython's _Py_HashSecret_t; bytes 0..15 are the
 * SipHash key, 16..23 expat's salt). */
const unsigned char *ob_hash_secret(void);

#ifdef __cplusplus
}
#endif
#endif /* LIBOBJECT_HASH_H */
