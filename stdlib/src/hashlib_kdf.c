/*
 * hashlib_kdf.c — `_hashlib.pbkdf2_hmac` and `_hashlib.scrypt` (PKCS #5
 * v2.0 and RFC 7914 through OpenSSL), with CPython 3.11's checks and
 * messages; the derivation runs without the GIL.
 */
#include <limits.h>

#include <openssl/err.h>

#include "hashlib_internal.h"

/* A bytes-like argument ("a bytes-like object is required, not 'T'"). */
static int get_bytes(KnObject *o, KnBuffer *view)
{
    return ob_buffer_get(o, view, KN_BUF_SIMPLE);
}

/* password / salt must fit an int for OpenSSL.  0 or -1. */
static int check_lengths(const KnBuffer *pw, const KnBuffer *salt)
{
    if (pw->len > INT_MAX) {
        ob_err_set_string(ob_exc_OverflowError, "password is too long.");
        return -1;
    }
    if (salt->len > INT_MAX) {
        ob_err_set_string(ob_exc_OverflowError, "salt is too long.");
        return -1;
    }
    return 0;
}

/* The derived key as bytes (ok 1), OpenSSL's error (ok 0) or NULL with
 * the exception already set (ok -1); releases both views. */
static KnObject *kdf_finish(int ok, const unsigned char *key, kn_ssize_t dklen,
                            KnBuffer *pw, KnBuffer *salt)
{
    KnObject *res = NULL;
    if (ok == 0)
        hl_raise_openssl((KnObject *)ob_exc_ValueError, "no reason supplied");
    else if (ok > 0)
        res = ob_bytes_from_data(key, dklen);
    if (pw->obj != NULL)
        ob_buffer_release(pw);
    if (salt->obj != NULL)
        ob_buffer_release(salt);
    return res;
}

static const char *const pbkdf2_names[] = { "hash_name", "password", "salt", "iterations", "dklen", NULL };

KnObject *hl_pbkdf2_hmac(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames)
{
    (void)m;
    KnArgSpec spec = { "pbkdf2_hmac", pbkdf2_names, 4, 5, 0 };
    KnObject *a[5];
    KnBuffer pw = { 0 }, salt = { 0 };
    EVP_MD *md = NULL;
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    if (!KN_STR_CHECK(a[0]))
        return ob_err_format(ob_exc_TypeError, "pbkdf2_hmac() argument 'hash_name' must be str, not %s",
                             ob_type_name(KN_TYPE(a[0])));
    const char *name = ob_str_as_utf8(a[0], NULL);
    if (name == NULL || get_bytes(a[1], &pw) < 0)
        return NULL;
    if (get_bytes(a[2], &salt) < 0)
        goto error;
    kn_ssize_t iters = ob_number_as_ssize(a[3], ob_exc_OverflowError);
    if (iters == -1 && ob_err_occurred())
        goto error;
    md = hl_digest_by_name(name, 1);
    if (md == NULL)
        goto error;
    if (check_lengths(&pw, &salt) < 0)
        goto error;
    if (iters < 1) {
        ob_err_set_string(ob_exc_ValueError, "iteration value must be greater than 0.");
        goto error;
    }
    if (iters > INT_MAX) {
        ob_err_set_string(ob_exc_OverflowError, "iteration value is too great.");
        goto error;
    }
    kn_ssize_t dklen = EVP_MD_get_size(md);
    if (a[4] != NULL && a[4] != KN_None) {
        dklen = ob_number_as_ssize(a[4], ob_exc_OverflowError);
        if (dklen == -1 && ob_err_occurred()) {
            if (!ob_err_matches((KnObject *)ob_exc_OverflowError))
                goto error;
            ob_err_clear();
            dklen = (kn_ssize_t)INT_MAX + 1;
        }
    }
    if (dklen < 1) {
        ob_err_set_string(ob_exc_ValueError, "key length must be greater than 0.");
        goto error;
    }
    if (dklen > INT_MAX) {
        ob_err_set_string(ob_exc_OverflowError, "key length is too great.");
        goto error;
    }
    unsigned char *key = kgc_alloc_atomic((size_t)dklen);
    if (key == NULL) {
        ob_err_nomemory();
        goto error;
    }
    ob_gil_release();
    int ok = PKCS5_PBKDF2_HMAC(pw.buf, (int)pw.len, salt.buf, (int)salt.len, (int)iters,
                               md, (int)dklen, key);
    ob_gil_acquire();
    EVP_MD_free(md);
    return kdf_finish(ok != 0, key, dklen, &pw, &salt);
error:
    EVP_MD_free(md);
    return kdf_finish(-1, NULL, 0, &pw, &salt);
}

static const char *const scrypt_names[] = { "password", "salt", "n", "r", "p", "maxmem", "dklen", NULL };

/* n, r, p: ints read as unsigned long; TypeError with CPython's text. */
static int scrypt_uint(KnObject *o, const char *name, unsigned long *out)
{
    if (o != NULL && !KN_INT_CHECK(o)) {
        ob_err_format(ob_exc_TypeError, "scrypt() argument '%s' must be int, not %s", name,
                      ob_type_name(KN_TYPE(o)));
        return -1;
    }
    kn_ssize_t v = o == NULL ? -1 : ob_number_as_ssize(o, ob_exc_OverflowError);
    if (v < 0) {
        ob_err_clear();
        ob_err_format(ob_exc_TypeError, "%s is required and must be an unsigned int", name);
        return -1;
    }
    *out = (unsigned long)v;
    return 0;
}

/* maxmem / dklen: ints in [lo, INT_MAX], else ValueError msg. */
static int scrypt_range(KnObject *o, long dflt, long lo, const char *msg, long *out)
{
    if (o == NULL) {
        *out = dflt;
        return 0;
    }
    kn_ssize_t v = ob_number_as_ssize(o, ob_exc_OverflowError);
    if (v == -1 && ob_err_occurred()) {
        if (!ob_err_matches((KnObject *)ob_exc_OverflowError))
            return -1;
        ob_err_clear();
        v = (kn_ssize_t)INT_MAX + 1;
    }
    if (v < lo || v > INT_MAX) {
        ob_err_format(ob_exc_ValueError, msg, INT_MAX);
        return -1;
    }
    *out = (long)v;
    return 0;
}

KnObject *hl_scrypt(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames)
{
    (void)m;
    KnArgSpec spec = { "scrypt", scrypt_names, 1, 1, 0 };
    KnObject *a[7];
    KnBuffer pw = { 0 }, salt = { 0 };
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    if (get_bytes(a[0], &pw) < 0)
        return NULL;
    if (a[1] == NULL || a[1] == KN_None) {
        ob_err_set_string(ob_exc_TypeError, "salt is required");
        goto error;
    }
    if (get_bytes(a[1], &salt) < 0)
        goto error;
    if (check_lengths(&pw, &salt) < 0)
        goto error;
    unsigned long n, r, p;
    long maxmem, dklen;
    if (scrypt_uint(a[2], "n", &n) < 0)
        goto error;
    if (n < 2 || (n & (n - 1)) != 0) {
        ob_err_set_string(ob_exc_ValueError, "n must be a power of 2.");
        goto error;
    }
    if (scrypt_uint(a[3], "r", &r) < 0 || scrypt_uint(a[4], "p", &p) < 0 ||
        scrypt_range(a[5], 0, 0, "maxmem must be positive and smaller than %d", &maxmem) < 0 ||
        scrypt_range(a[6], 64, 1, "dklen must be greater than 0 and smaller than %d", &dklen) < 0)
        goto error;
    /* OpenSSL validates the combination without deriving. */
    ERR_clear_error();
    if (!EVP_PBE_scrypt(NULL, 0, NULL, 0, n, r, p, (uint64_t)maxmem, NULL, 0)) {
        /* OpenSSL's reason when it queued one (the memory limit) */
        hl_raise_openssl((KnObject *)ob_exc_ValueError,
                         "Invalid parameter combination for n, r, p, maxmem.");
        goto error;
    }
    unsigned char *key = kgc_alloc_atomic((size_t)dklen);
    if (key == NULL) {
        ob_err_nomemory();
        goto error;
    }
    ob_gil_release();
    int ok = EVP_PBE_scrypt(pw.buf, (size_t)pw.len, salt.buf, (size_t)salt.len, n, r, p,
                            (uint64_t)maxmem, key, (size_t)dklen);
    ob_gil_acquire();
    return kdf_finish(ok != 0, key, dklen, &pw, &salt);
error:
    return kdf_finish(-1, NULL, 0, &pw, &salt);
}
