/* marshal_code.c — Kiln's code-object record in the marshal format.
 *
 * After the 'c' type byte: the four bytes "KILN", ten int32 fields
 * (argcount, posonlyargcount, kwonlyargcount, nlocalsplus, nlocals,
 * ncellvars, nfreevars, stacksize, flags, firstlineno), then the objects
 * consts, names, localsplusnames, filename, name, qualname, and three
 * bytes objects: localspluskinds (one byte a slot), code (co_code as the
 * compiler made it, 16-bit little-endian units), positions (four int32 a
 * unit) and the exception table (five int32 an entry).  NOTES-marshal.md. */
#include <string.h>

#include "code.h"
#include "libgc/gc.h"
#include "libjit/jit.h"
#include "marshal.h"

KnCodeObject *jit_code_new(void);

static int put_i32s(mw_state *w, const int32_t *v, kn_ssize_t n)
{
    KnObject *b = ob_bytes_from_data(NULL, n * 4);
    if (b == NULL)
        return -1;
    unsigned char *p = (unsigned char *)KN_BYTES_AS_STRING(b);
    for (kn_ssize_t i = 0; i < n; i++) {
        uint32_t u = (uint32_t)v[i];
        p[4 * i] = (unsigned char)u;
        p[4 * i + 1] = (unsigned char)(u >> 8);
        p[4 * i + 2] = (unsigned char)(u >> 16);
        p[4 * i + 3] = (unsigned char)(u >> 24);
    }
    return mw_object(w, b);
}

int mw_code(mw_state *w, KnObject *o)
{
    KnCodeObject *co = JIT_CODE(o);
    int32_t f[10] = { co->co_argcount, co->co_posonlyargcount, co->co_kwonlyargcount,
                      co->co_nlocalsplus, co->co_nlocals, co->co_ncellvars, co->co_nfreevars,
                      co->co_stacksize, co->co_flags, co->co_firstlineno };
    if (mw_bytes(w, "KILN", 4) < 0)
        return -1;
    for (int i = 0; i < 10; i++)
        if (mw_int32(w, f[i]) < 0)
            return -1;
    if (mw_object(w, co->co_consts) < 0 || mw_object(w, co->co_names) < 0
        || mw_object(w, co->co_localsplusnames) < 0 || mw_object(w, co->co_filename) < 0
        || mw_object(w, co->co_name) < 0 || mw_object(w, co->co_qualname) < 0)
        return -1;
    KnObject *kinds = ob_bytes_from_data(co->co_localspluskinds, co->co_nlocalsplus);
    KnObject *code = ob_bytes_from_data(NULL, (kn_ssize_t)co->co_ncode * 2);
    if (kinds == NULL || code == NULL)
        return -1;
    unsigned char *p = (unsigned char *)KN_BYTES_AS_STRING(code);
    for (int32_t i = 0; i < co->co_ncode; i++) {
        p[2 * i] = (unsigned char)co->co_code_orig[i];
        p[2 * i + 1] = (unsigned char)(co->co_code_orig[i] >> 8);
    }
    if (mw_object(w, kinds) < 0 || mw_object(w, code) < 0)
        return -1;
    if (put_i32s(w, (const int32_t *)co->co_positions, (kn_ssize_t)co->co_ncode * 4) < 0)
        return -1;
    return put_i32s(w, (const int32_t *)co->co_exctable, (kn_ssize_t)co->co_nexc * 5);
}

static KnObject *get_typed(mr_state *r, KnTypeObject *t)
{
    KnObject *v = mr_object(r);
    if (v != NULL && KN_TYPE(v) != t)
        return ob_err_format(ob_exc_ValueError, "bad marshal data (code object field is %s, not %s)",
                             ob_type_name(KN_TYPE(v)), t->tp_name);
    return v;
}

/* A bytes field holding n int32 values, copied into fresh atomic memory. */
static int32_t *get_i32s(mr_state *r, kn_ssize_t n)
{
    KnObject *b = get_typed(r, &ob_bytes_type);
    if (b == NULL)
        return NULL;
    if (KN_SIZE(b) != n * 4) {
        ob_err_format(ob_exc_ValueError, "bad marshal data (code object table size)");
        return NULL;
    }
    int32_t *out = kgc_alloc_atomic(sizeof(int32_t) * (size_t)(n + 5));
    if (out == NULL) {
        ob_err_nomemory();
        return NULL;
    }
    const unsigned char *p = (const unsigned char *)KN_BYTES_AS_STRING(b);
    for (kn_ssize_t i = 0; i < n; i++)
        out[i] = (int32_t)((uint32_t)p[4 * i] | (uint32_t)p[4 * i + 1] << 8
                           | (uint32_t)p[4 * i + 2] << 16 | (uint32_t)p[4 * i + 3] << 24);
    return out;
}

KnObject *mr_code(mr_state *r, kn_ssize_t ref_index)
{
    const unsigned char *magic = mr_take(r, 4);
    if (magic == NULL)
        return NULL;
    if (memcmp(magic, "KILN", 4) != 0)
        return ob_err_format(ob_exc_ValueError,
                             "bad marshal data (code object not in Kiln's format)");
    KnCodeObject *co = jit_code_new();
    if (co == NULL)
        return NULL;
    if (ref_index >= 0)
        KN_LIST_GET(r->refs, ref_index) = (KnObject *)co;
    int32_t f[10];
    for (int i = 0; i < 10; i++)
        if (mr_int32(r, &f[i]) < 0)
            return NULL;
    co->co_argcount = f[0];
    co->co_posonlyargcount = f[1];
    co->co_kwonlyargcount = f[2];
    co->co_nlocalsplus = f[3];
    co->co_nlocals = f[4];
    co->co_ncellvars = f[5];
    co->co_nfreevars = f[6];
    co->co_stacksize = f[7];
    co->co_flags = f[8];
    co->co_firstlineno = f[9];
    if ((co->co_consts = get_typed(r, &ob_tuple_type)) == NULL
        || (co->co_names = get_typed(r, &ob_tuple_type)) == NULL
        || (co->co_localsplusnames = get_typed(r, &ob_tuple_type)) == NULL
        || (co->co_filename = get_typed(r, &ob_str_type)) == NULL
        || (co->co_name = get_typed(r, &ob_str_type)) == NULL
        || (co->co_qualname = get_typed(r, &ob_str_type)) == NULL)
        return NULL;
    KnObject *kinds = get_typed(r, &ob_bytes_type);
    KnObject *code = kinds ? get_typed(r, &ob_bytes_type) : NULL;
    if (code == NULL)
        return NULL;
    if (f[3] < 0 || KN_SIZE(co->co_localsplusnames) != f[3] || KN_SIZE(kinds) != f[3]
        || KN_SIZE(code) % 2 != 0)
        return ob_err_format(ob_exc_ValueError, "bad marshal data (inconsistent code object)");
    int32_t n = (int32_t)(KN_SIZE(code) / 2);
    co->co_localspluskinds = kgc_alloc_atomic((size_t)f[3] + 1);
    co->co_code = kgc_alloc_atomic(sizeof(uint16_t) * ((size_t)n + 1));
    co->co_code_orig = kgc_alloc_atomic(sizeof(uint16_t) * ((size_t)n + 1));
    if (co->co_localspluskinds == NULL || co->co_code == NULL || co->co_code_orig == NULL)
        return ob_err_nomemory();
    memcpy(co->co_localspluskinds, KN_BYTES_AS_STRING(kinds), (size_t)f[3]);
    const unsigned char *p = (const unsigned char *)KN_BYTES_AS_STRING(code);
    for (int32_t i = 0; i < n; i++)
        co->co_code[i] = co->co_code_orig[i] = (uint16_t)(p[2 * i] | p[2 * i + 1] << 8);
    co->co_ncode = n;
    if ((co->co_positions = (jit_position *)get_i32s(r, (kn_ssize_t)n * 4)) == NULL)
        return NULL;
    KnObject *exc = mr_object(r);
    if (exc == NULL)
        return NULL;
    if (KN_TYPE(exc) != &ob_bytes_type || KN_SIZE(exc) % 20 != 0)
        return ob_err_format(ob_exc_ValueError, "bad marshal data (code object exception table)");
    co->co_nexc = (int32_t)(KN_SIZE(exc) / 20);
    int32_t *e = kgc_alloc_atomic(sizeof(int32_t) * ((size_t)co->co_nexc * 5 + 5));
    if (e == NULL)
        return ob_err_nomemory();
    const unsigned char *q = (const unsigned char *)KN_BYTES_AS_STRING(exc);
    for (kn_ssize_t i = 0; i < (kn_ssize_t)co->co_nexc * 5; i++)
        e[i] = (int32_t)((uint32_t)q[4 * i] | (uint32_t)q[4 * i + 1] << 8
                         | (uint32_t)q[4 * i + 2] << 16 | (uint32_t)q[4 * i + 3] << 24);
    co->co_exctable = (jit_exc_entry *)e;
    return (KnObject *)co;
}
