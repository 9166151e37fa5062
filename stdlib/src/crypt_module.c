/*
 * crypt_module.c — the `_crypt` module behind the stdlib's crypt.py:
 * crypt(word, salt) through libcrypt's reentrant crypt_r.  An unknown
 * method gives libcrypt's failure token ("*0"); a NULL result is the
 * errno-selected OSError.
 *
 * crypt_r is a weak reference: python-bin and libkiln-stdlib.so link
 * libcrypt ($crypt_libs from configure, with --no-as-needed, since the
 * linker would drop a library only weak references use), while test
 * programs that link the static library without it still link — there
 * `import _crypt` is an ImportError, never a crash.
 */
#include <crypt.h>

#include "libgc/gc.h"
#include "unix_internal.h"

KnObject *kn_init__crypt(void);
extern char *crypt_r(const char *, const char *, struct crypt_data *) __attribute__((weak));

static KnObject *cr_crypt(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    if (ob_args_check_positional("crypt", nargs, 2, 2) < 0)
        return NULL;
    const char *word = ux_utf8_arg(args[0], "crypt", "argument 1", 1);
    const char *salt = word ? ux_utf8_arg(args[1], "crypt", "argument 2", 1) : NULL;
    if (salt == NULL)
        return NULL;
    /* crypt_data is large (about 32 KB): GC memory, not the C stack. */
    struct crypt_data *data = kgc_alloc_atomic(sizeof *data);
    if (data == NULL)
        return ob_err_nomemory();
    memset(data, 0, sizeof *data);
    const char *out = crypt_r(word, salt, data);
    if (out == NULL)
        return ux_oserror();
    return ob_str_from_cstr(out);
}

static KnMethodDef cr_methods[] = {
    {"crypt", UX_FC(cr_crypt), KN_METH_FASTCALL,
     "Hash a *word* with the given *salt* and return the hashed password.\n\n"
     "*word* will usually be a user's password.  *salt* (either a random 2 or 16\n"
     "character string, possibly prefixed with $digit$ to indicate the method)\n"
     "will be used to perturb the encryption algorithm and produce distinct\n"
     "results for a given *word*."},
    {NULL, NULL, 0, NULL}
};

KnObject *kn_init__crypt(void)
{
    if (crypt_r == NULL) {
        ob_err_set_string(ob_exc_ImportError, "_crypt: this program is not linked with libcrypt");
        return NULL;
    }
    KnObject *mod = ob_module_new_cstr("_crypt");
    if (mod == NULL || ob_module_add_functions(mod, cr_methods) < 0)
        return NULL;
    return mod;
}
