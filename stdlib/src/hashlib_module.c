/*
 * hashlib_module.c — `_hashlib` (part hashlib): digest lookup by Python
 * name, OpenSSL error messages, new() and the openssl_* constructors,
 * openssl_md_meth_names, get_fips_mode, compare_digest and the module.
 */
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/objects.h>

#include "hashlib_internal.h"
#include "libobject/set.h"
#include "stdlib/modules.h"

KnObject *kn_init__operator(void);   /* operator_module.c */

KnObject *hl_unsupported_error;
KnObject *hl_constructors;
static KnMethodDef *hl_table;        /* hl_functions, set at init */

/* Python names whose OpenSSL spelling differs, and back (by NID). */
static const struct { const char *py, *ossl; int nid; } name_map[] = {
    { "md5", "md5", NID_md5 },
    { "sha1", "sha1", NID_sha1 },
    { "sha224", "sha224", NID_sha224 },
    { "sha256", "sha256", NID_sha256 },
    { "sha384", "sha384", NID_sha384 },
    { "sha512", "sha512", NID_sha512 },
    { "sha512_224", "sha512-224", NID_sha512_224 },
    { "sha512_256", "sha512-256", NID_sha512_256 },
    { "sha3_224", "sha3-224", NID_sha3_224 },
    { "sha3_256", "sha3-256", NID_sha3_256 },
    { "sha3_384", "sha3-384", NID_sha3_384 },
    { "sha3_512", "sha3-512", NID_sha3_512 },
    { "shake_128", "shake128", NID_shake128 },
    { "shake_256", "shake256", NID_shake256 },
    { "blake2b", "blake2b512", NID_blake2b512 },
    { "blake2s", "blake2s256", NID_blake2s256 },
};
#define NAME_MAP_LEN (sizeof name_map / sizeof name_map[0])

KnObject *hl_raise_openssl(KnObject *exc, const char *fallback)
{
    unsigned long e = ERR_peek_last_error();
    ERR_clear_error();
    const char *lib = e ? ERR_lib_error_string(e) : NULL;
    const char *reason = e ? ERR_reason_error_string(e) : NULL;
    if (lib != NULL && reason != NULL)
        ob_err_format((KnTypeObject *)exc, "[%s] %s", lib, reason);
    else if (reason != NULL)
        ob_err_set_string((KnTypeObject *)exc, reason);
    else
        ob_err_set_string((KnTypeObject *)exc, fallback);
    return NULL;
}

EVP_MD *hl_digest_by_name(const char *name, int usedforsecurity)
{
    const char *ossl = name;
    for (size_t i = 0; i < NAME_MAP_LEN; i++)
        if (strcmp(name, name_map[i].py) == 0)
            ossl = name_map[i].ossl;
    ERR_clear_error();
    EVP_MD *md = EVP_MD_fetch(NULL, ossl, usedforsecurity ? NULL : "-fips");
    if (md == NULL)
        hl_raise_openssl((KnObject *)ob_exc_ValueError, "unsupported hash type");
    return md;
}

const char *hl_digest_pyname(const EVP_MD *md)
{
    int nid = EVP_MD_get_type(md);
    for (size_t i = 0; i < NAME_MAP_LEN; i++)
        if (nid == name_map[i].nid)
            return name_map[i].py;
    const char *ln = nid != NID_undef ? OBJ_nid2ln(nid) : NULL;
    return ln != NULL ? ln : EVP_MD_get0_name(md);
}

EVP_MD *hl_digest_by_digestmod(KnObject *digestmod)
{
    if (KN_STR_CHECK(digestmod)) {
        const char *s = ob_str_as_utf8(digestmod, NULL);
        return s == NULL ? NULL : hl_digest_by_name(s, 1);
    }
    /* One of our openssl_* functions, from any instance of the module
     * (a fresh import makes new function objects over the same table);
     * anything else, unhashable included, is unsupported (3.11.2). */
    if (KN_TYPE(digestmod) == &ob_cfunction_type) {
        KnMethodDef *ml = ((KnCFunctionObject *)digestmod)->m_ml;
        for (KnMethodDef *d = hl_table; d != NULL && d->ml_name != NULL; d++)
            if (d == ml && strncmp(ml->ml_name, "openssl_", 8) == 0)
                return hl_digest_by_name(ml->ml_name + 8, 1);
    }
    ob_err_format((KnTypeObject *)hl_unsupported_error, "Unsupported digestmod %R", digestmod);
    return NULL;
}

/* ------------------------------------------------------------ new() etc */

static const char *const new_names[] = { "name", "string", "usedforsecurity", NULL };

static KnObject *hl_new(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames)
{
    (void)m;
    KnArgSpec spec = { "new", new_names, 1, 2, 0 };
    KnObject *a[3];
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    if (!KN_STR_CHECK(a[0]))
        return ob_err_format(ob_exc_TypeError, "name must be a string");
    int usedforsecurity = 1;
    if (a[2] != NULL && (usedforsecurity = ob_is_true(a[2])) < 0)
        return NULL;
    const char *name = ob_str_as_utf8(a[0], NULL);
    if (name == NULL)
        return NULL;
    if (a[1] != NULL && a[1] != KN_None && KN_STR_CHECK(a[1]))
        return ob_err_format(ob_exc_TypeError, "Strings must be encoded before hashing");
    EVP_MD *md = hl_digest_by_name(name, usedforsecurity);
    return md == NULL ? NULL : hl_hash_new(md, a[1]);
}

static const char *const ctor_names[] = { "string", "usedforsecurity", NULL };

static KnObject *construct(const char *fname, const char *alg, KnObject *const *args,
                           kn_ssize_t nargs, KnObject *kwnames)
{
    KnArgSpec spec = { fname, ctor_names, 0, 1, 0 };
    KnObject *a[2];
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    int usedforsecurity = 1;
    if (a[1] != NULL && (usedforsecurity = ob_is_true(a[1])) < 0)
        return NULL;
    if (a[0] != NULL && a[0] != KN_None && KN_STR_CHECK(a[0]))
        return ob_err_format(ob_exc_TypeError, "Strings must be encoded before hashing");
    EVP_MD *md = hl_digest_by_name(alg, usedforsecurity);
    return md == NULL ? NULL : hl_hash_new(md, a[0]);
}

#define CTOR(alg)                                                                   \
    static KnObject *ctor_##alg(KnObject *m, KnObject *const *a, kn_ssize_t n,      \
                                KnObject *kw)                                       \
    {                                                                               \
        (void)m;                                                                    \
        return construct("openssl_" #alg, #alg, a, n, kw);                          \
    }
CTOR(md5) CTOR(sha1) CTOR(sha224) CTOR(sha256) CTOR(sha384) CTOR(sha512)
CTOR(sha3_224) CTOR(sha3_256) CTOR(sha3_384) CTOR(sha3_512) CTOR(shake_128) CTOR(shake_256)
#undef CTOR

static KnObject *hl_get_fips_mode(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    return ob_int_from_ssize(EVP_default_properties_is_fips_enabled(NULL) ? 1 : 0);
}

/* compare_digest is _operator._compare_digest under this module's name. */
static KnCFunctionObject *operator_compare;

static KnObject *hl_compare_digest(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    if (ob_args_check_positional("compare_digest", nargs, 2, 2) < 0)
        return NULL;
    KnObject *(*f)(KnObject *, KnObject *const *, kn_ssize_t) =
        (KnObject * (*)(KnObject *, KnObject *const *, kn_ssize_t))(void (*)(void))
            operator_compare->m_ml->ml_meth;
    return f(operator_compare->m_self, args, nargs);
}

/* openssl_md_meth_names: the Python names of every digest the default
 * provider offers. */
static void add_md_name(EVP_MD *md, void *set)
{
    if (EVP_MD_get_type(md) == NID_undef)
        return;
    KnObject *s = ob_str_from_cstr(hl_digest_pyname(md));
    if (s == NULL || ob_set_add((KnObject *)set, s) < 0)
        ob_err_clear();
}

static KnObject *md_meth_names(void)
{
    KnObject *set = ob_set_new(NULL);
    if (set == NULL)
        return NULL;
    EVP_MD_do_all_provided(NULL, add_md_name, set);
    return ob_frozenset_new(set);
}

static KnMethodDef hl_functions[] = {
    { "new", FC(hl_new), KN_METH_FASTCALL | KN_METH_KEYWORDS, "Return a new hash object using the named algorithm." },
#define C(alg, doc) { "openssl_" #alg, FC(ctor_##alg), KN_METH_FASTCALL | KN_METH_KEYWORDS, "Returns a " doc " hash object; optionally initialized with a string" },
    C(md5, "md5") C(sha1, "sha1") C(sha224, "sha224") C(sha256, "sha256") C(sha384, "sha384")
    C(sha512, "sha512") C(sha3_224, "sha3-224") C(sha3_256, "sha3-256") C(sha3_384, "sha3-384")
    C(sha3_512, "sha3-512") C(shake_128, "shake-128 variable") C(shake_256, "shake-256 variable")
#undef C
    { "pbkdf2_hmac", FC(hl_pbkdf2_hmac), KN_METH_FASTCALL | KN_METH_KEYWORDS, "Password based key derivation function 2 (PKCS #5 v2.0) with HMAC as pseudorandom function." },
    { "scrypt", FC(hl_scrypt), KN_METH_FASTCALL | KN_METH_KEYWORDS, "scrypt password-based key derivation function." },
    { "hmac_digest", FC(hl_hmac_digest), KN_METH_FASTCALL | KN_METH_KEYWORDS, "Single-shot HMAC." },
    { "hmac_new", FC(hl_hmac_new), KN_METH_FASTCALL | KN_METH_KEYWORDS, "Return a new hmac object." },
    { "get_fips_mode", FC(hl_get_fips_mode), KN_METH_NOARGS, "Determine the OpenSSL FIPS mode of operation." },
    { "compare_digest", FC(hl_compare_digest), KN_METH_FASTCALL, "Return 'a == b'." },
    { NULL, NULL, 0, NULL }
};

static const char *const ctor_list[] = {
    "md5", "sha1", "sha224", "sha256", "sha384", "sha512",
    "sha3_224", "sha3_256", "sha3_384", "sha3_512", "shake_128", "shake_256", NULL
};

static KnObject *new_exception(const char *name, KnTypeObject *base)
{
    KnObject *bases = ob_tuple_pack(1, (KnObject *)base);
    KnObject *ns = ob_dict_new();
    if (bases == NULL || ns == NULL ||
        ob_dict_setitem_str(ns, "__module__", ob_str_from_cstr("_hashlib")) < 0)
        return NULL;
    return ob_type_new(&ob_type_type, ob_str_from_cstr(name), bases, ns);
}

KnObject *kn_init__hashlib(void)
{
    if (operator_compare == NULL) {
        KnObject *op = kn_init__operator();
        KnObject *f = op == NULL ? NULL : ob_getattr_str(op, "_compare_digest");
        if (f == NULL)
            return NULL;
        if (KN_TYPE(f) != &ob_cfunction_type)
            return ob_err_format(ob_exc_ImportError, "_operator._compare_digest is not built in");
        operator_compare = (KnCFunctionObject *)f;
    }
    if (hl_unsupported_error == NULL &&
        (hl_unsupported_error = new_exception("UnsupportedDigestmodError", ob_exc_ValueError)) == NULL)
        return NULL;
    if (ob_type_ready(&hl_hash_type) < 0 || ob_type_ready(&hl_hashxof_type) < 0 ||
        ob_type_ready(&hl_hmac_type) < 0)
        return NULL;
    KnObject *m = ob_module_new_cstr("_hashlib");
    if (m == NULL || ob_module_add_functions(m, hl_functions) < 0)
        return NULL;
    KnObject *ctors = ob_dict_new();
    if (ctors == NULL)
        return NULL;
    for (int i = 0; ctor_list[i] != NULL; i++) {
        char fname[32];
        snprintf(fname, sizeof fname, "openssl_%s", ctor_list[i]);
        KnObject *f = ob_getattr_str(m, fname);
        KnObject *name = f == NULL ? NULL : ob_str_from_cstr(ctor_list[i]);
        if (name == NULL || ob_dict_setitem(ctors, f, name) < 0)
            return NULL;
    }
    hl_constructors = ctors;
    hl_table = hl_functions;
    KnObject *proxy = ob_mappingproxy_new(ctors);
    KnObject *names = md_meth_names();
    if (proxy == NULL || names == NULL ||
        ob_module_add_object(m, "_constructors", proxy) < 0 ||
        ob_module_add_object(m, "openssl_md_meth_names", names) < 0 ||
        ob_module_add_object(m, "UnsupportedDigestmodError", hl_unsupported_error) < 0 ||
        ob_module_add_object(m, "HASH", (KnObject *)&hl_hash_type) < 0 ||
        ob_module_add_object(m, "HASHXOF", (KnObject *)&hl_hashxof_type) < 0 ||
        ob_module_add_object(m, "HMAC", (KnObject *)&hl_hmac_type) < 0)
        return NULL;
    return m;
}
