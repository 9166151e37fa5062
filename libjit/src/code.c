/* libjit/src/code.c — the `code` type: attributes, co_positions(),
 * co_lines(), replace(), repr, equality and hash as CPython 3.11. */
#include <string.h>

#include "code.h"
#include "code_linetable.h"
#include "compile.h"
#include "libgc/gc.h"
#include "libobject/libobject.h"
#include "libobject/complex.h"
#include "libobject/hash.h"
#include "opcode.h"

KnObject *jit_exctable_bytes(const jit_exc_entry *e, int n);

KnCodeObject *jit_code_new(void)
{
    return (KnCodeObject *)ob_alloc(&jit_code_type, 0);
}

/* ---- attributes ---- */

static KnObject *names_of_kind(KnCodeObject *co, int kind, int exclusive_local)
{
    int n = 0;
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        int k = co->co_localspluskinds[i];
        if ((k & kind) && !(exclusive_local && (k & JIT_LOCAL_LOCAL) && kind != JIT_LOCAL_LOCAL))
            n++;
    }
    KnObject *t = ob_tuple_new(n);
    if (!t)
        return NULL;
    int w = 0;
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        int k = co->co_localspluskinds[i];
        if ((k & kind) && !(exclusive_local && (k & JIT_LOCAL_LOCAL) && kind != JIT_LOCAL_LOCAL))
            ((KnTupleObject *)t)->ob_item[w++] = ((KnTupleObject *)co->co_localsplusnames)->ob_item[i];
    }
    return t;
}

static KnObject *get_varnames(KnObject *o, void *cl)
{
    (void)cl;
    return names_of_kind(JIT_CODE(o), JIT_LOCAL_LOCAL, 0);
}

static KnObject *get_cellvars(KnObject *o, void *cl)
{
    (void)cl;
    return names_of_kind(JIT_CODE(o), JIT_LOCAL_CELL, 0);
}

static KnObject *get_freevars(KnObject *o, void *cl)
{
    (void)cl;
    return names_of_kind(JIT_CODE(o), JIT_LOCAL_FREE, 0);
}

static KnObject *get_code(KnObject *o, void *cl)
{
    (void)cl;
    KnCodeObject *co = JIT_CODE(o);
    KnObject *b = ob_bytes_new_uninit((kn_ssize_t)co->co_ncode * 2);
    if (!b)
        return NULL;
    char *p = ((KnBytesObject *)b)->ob_sval;
    for (int i = 0; i < co->co_ncode; i++) {
        p[2 * i] = (char)(co->co_code_orig[i] & 0xFF);
        p[2 * i + 1] = (char)(co->co_code_orig[i] >> 8);
    }
    return b;
}

static KnObject *get_exctable(KnObject *o, void *cl)
{
    (void)cl;
    return jit_exctable_bytes(JIT_CODE(o)->co_exctable, JIT_CODE(o)->co_nexc);
}

static KnObject *get_linetable(KnObject *o, void *cl)
{
    (void)cl;
    return jit_code_linetable(o);
}

static KnObject *get_lnotab(KnObject *o, void *cl)
{
    (void)cl;
    return jit_code_lnotab(o);
}

#define INT_GETTER(field)                                         \
    static KnObject *get_##field(KnObject *o, void *cl)           \
    {                                                             \
        (void)cl;                                                 \
        return ob_int_from_long_long(JIT_CODE(o)->field);         \
    }
INT_GETTER(co_argcount)
INT_GETTER(co_posonlyargcount)
INT_GETTER(co_kwonlyargcount)
INT_GETTER(co_nlocals)
INT_GETTER(co_stacksize)
INT_GETTER(co_flags)
INT_GETTER(co_firstlineno)

#define OBJ_GETTER(field)                                         \
    static KnObject *get_##field(KnObject *o, void *cl)           \
    {                                                             \
        (void)cl;                                                 \
        return JIT_CODE(o)->field;                                \
    }
OBJ_GETTER(co_consts)
OBJ_GETTER(co_names)
OBJ_GETTER(co_filename)
OBJ_GETTER(co_name)
OBJ_GETTER(co_qualname)

static KnGetSetDef code_getset[] = {
    {"co_argcount", get_co_argcount, NULL, NULL, NULL},
    {"co_posonlyargcount", get_co_posonlyargcount, NULL, NULL, NULL},
    {"co_kwonlyargcount", get_co_kwonlyargcount, NULL, NULL, NULL},
    {"co_nlocals", get_co_nlocals, NULL, NULL, NULL},
    {"co_stacksize", get_co_stacksize, NULL, NULL, NULL},
    {"co_flags", get_co_flags, NULL, NULL, NULL},
    {"co_firstlineno", get_co_firstlineno, NULL, NULL, NULL},
    {"co_consts", get_co_consts, NULL, NULL, NULL},
    {"co_names", get_co_names, NULL, NULL, NULL},
    {"co_filename", get_co_filename, NULL, NULL, NULL},
    {"co_name", get_co_name, NULL, NULL, NULL},
    {"co_qualname", get_co_qualname, NULL, NULL, NULL},
    {"co_varnames", get_varnames, NULL, NULL, NULL},
    {"co_cellvars", get_cellvars, NULL, NULL, NULL},
    {"co_freevars", get_freevars, NULL, NULL, NULL},
    {"co_code", get_code, NULL, NULL, NULL},
    {"_co_code_adaptive", get_code, NULL, NULL, NULL},
    {"co_exceptiontable", get_exctable, NULL, NULL, NULL},
    {"co_linetable", get_linetable, NULL, NULL, NULL},
    {"co_lnotab", get_lnotab, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* ---- co_positions(), co_lines() ---- */

static KnObject *opt_int(int32_t v)
{
    if (v < 0)
        return &ob_none_obj;
    return ob_int_from_long_long(v);
}


static KnObject *code_positions(KnObject *self, KnObject *unused)
{
    (void)unused;
    KnCodeObject *co = JIT_CODE(self);
    KnObject *list = ob_list_new(0);
    if (!list)
        return NULL;
    for (int i = 0; i < co->co_ncode; i++) {
        jit_position *p = &co->co_positions[i];
        KnObject *t = ob_tuple_pack(4, opt_int(p->lineno), opt_int(p->end_lineno),
                                    opt_int(p->col), opt_int(p->end_col));
        if (!t || ob_list_append(list, t) < 0)
            return NULL;
    }
    return jit_code_table_iter(&jit_positions_iterator_type, list);
}

/* (start, end, line) byte ranges, one per instruction (its EXTENDED_ARG
 * prefixes and caches included), as CPython 3.11's co_lines(). */
static KnObject *code_lines(KnObject *self, KnObject *unused)
{
    (void)unused;
    KnCodeObject *co = JIT_CODE(self);
    KnObject *list = ob_list_new(0);
    if (!list)
        return NULL;
    int start = 0;
    for (int i = 0; i < co->co_ncode;) {
        int op = co->co_code_orig[i] & 0xFF;
        int next = i + 1 + jit_op_caches(op);
        if (op == JIT_OP_EXTENDED_ARG) {
            i = next;
            continue;
        }
        KnObject *t = ob_tuple_pack(3, ob_int_from_long_long(start * 2),
                                    ob_int_from_long_long(next * 2),
                                    opt_int(co->co_positions[start].lineno));
        if (!t || ob_list_append(list, t) < 0)
            return NULL;
        i = start = next;
    }
    return jit_code_table_iter(&jit_line_iterator_type, list);
}

/* ---- replace() ---- */

static const char *const replace_names[] = {
    "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals",
    "co_stacksize", "co_flags", "co_firstlineno", "co_code", "co_consts", "co_names",
    "co_varnames", "co_freevars", "co_cellvars", "co_filename", "co_name", "co_qualname",
    "co_linetable", "co_exceptiontable", NULL,
};

static int as_int32(KnObject *v, const char *what, int32_t *out)
{
    if (!KN_FAST_SUBCLASS(v, KN_TPFLAGS_LONG_SUBCLASS)) {
        ob_err_format(ob_exc_TypeError, "replace() argument '%s' must be int, not %s", what,
                      ob_type_name(KN_TYPE(v)));
        return -1;
    }
    kn_ssize_t x = ob_int_as_ssize(v);
    if (x == -1 && ob_err_occurred())
        return -1;
    *out = (int32_t)x;
    return 0;
}

static int check_type(KnObject *v, KnTypeObject *t, const char *what)
{
    if (KN_TYPE(v) != t) {
        ob_err_format(ob_exc_TypeError, "replace() argument '%s' must be %s, not %s", what,
                      t->tp_name, ob_type_name(KN_TYPE(v)));
        return -1;
    }
    return 0;
}

static KnObject *code_replace(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                              KnObject *kwnames)
{
    static const KnArgSpec spec = {"replace", replace_names, 0, 0, 0};
    KnObject *v[18] = {0};
    if (ob_args_parse(&spec, args, nargs, kwnames, v) < 0)
        return NULL;
    KnCodeObject *src = JIT_CODE(self);
    KnCodeObject *co = jit_code_new();
    if (!co)
        return NULL;
    /* copy everything after the object header */
    memcpy((char *)co + sizeof(KnObject), (char *)src + sizeof(KnObject),
           sizeof(KnCodeObject) - sizeof(KnObject));
    co->co_weakreflist = NULL;
    co->co_extra = NULL;
    int32_t *ints[7] = {&co->co_argcount, &co->co_posonlyargcount, &co->co_kwonlyargcount,
                        &co->co_nlocals, &co->co_stacksize, &co->co_flags,
                        &co->co_firstlineno};
    for (int i = 0; i < 7; i++)
        if (v[i] && as_int32(v[i], replace_names[i], ints[i]) < 0)
            return NULL;
    if (v[7]) {
        if (check_type(v[7], &ob_bytes_type, "co_code") < 0)
            return NULL;
        kn_ssize_t n = KN_SIZE(v[7]);
        if (n % 2) {
            ob_err_set_string(ob_exc_ValueError, "code: co_code is malformed");
            return NULL;
        }
        int units = (int)(n / 2);
        uint16_t *code = kgc_alloc_atomic(sizeof(uint16_t) * (size_t)(units + 1));
        uint16_t *orig = kgc_alloc_atomic(sizeof(uint16_t) * (size_t)(units + 1));
        jit_position *pos = kgc_alloc_atomic(sizeof(jit_position) * (size_t)(units + 1));
        if (!code || !orig || !pos)
            return ob_err_nomemory();
        const unsigned char *b = (const unsigned char *)((KnBytesObject *)v[7])->ob_sval;
        for (int i = 0; i < units; i++) {
            code[i] = orig[i] = (uint16_t)(b[2 * i] | (b[2 * i + 1] << 8));
            pos[i] = i < src->co_ncode ? src->co_positions[i]
                                       : (jit_position){-1, -1, -1, -1};
        }
        co->co_code = code;
        co->co_code_orig = orig;
        co->co_positions = pos;
        co->co_ncode = units;
    } else {
        /* the copy gets its own mutable code units */
        uint16_t *code = kgc_alloc_atomic(sizeof(uint16_t) * (size_t)(co->co_ncode + 1));
        if (!code)
            return ob_err_nomemory();
        memcpy(code, src->co_code_orig, sizeof(uint16_t) * (size_t)co->co_ncode);
        co->co_code = code;
    }
    if (v[8]) {
        if (check_type(v[8], &ob_tuple_type, "co_consts") < 0)
            return NULL;
        co->co_consts = v[8];
    }
    if (v[9]) {
        if (check_type(v[9], &ob_tuple_type, "co_names") < 0)
            return NULL;
        co->co_names = v[9];
    }
    if (v[10] || v[11] || v[12]) {
        KnObject *vn = v[10] ? v[10] : get_varnames(self, NULL);
        KnObject *fv = v[11] ? v[11] : get_freevars(self, NULL);
        KnObject *cv = v[12] ? v[12] : get_cellvars(self, NULL);
        if (!vn || !fv || !cv)
            return NULL;
        if (check_type(vn, &ob_tuple_type, "co_varnames") < 0 ||
            check_type(fv, &ob_tuple_type, "co_freevars") < 0 ||
            check_type(cv, &ob_tuple_type, "co_cellvars") < 0)
            return NULL;
        kn_ssize_t nv = KN_SIZE(vn), nf = KN_SIZE(fv), nc = KN_SIZE(cv);
        KnObject *lpn = ob_tuple_new(nv + nc + nf);
        uint8_t *kinds = kgc_alloc_atomic((size_t)(nv + nc + nf + 1));
        if (!lpn || !kinds)
            return NULL;
        kn_ssize_t w = 0;
        for (kn_ssize_t i = 0; i < nv; i++, w++) {
            ((KnTupleObject *)lpn)->ob_item[w] = ((KnTupleObject *)vn)->ob_item[i];
            kinds[w] = JIT_LOCAL_LOCAL;
        }
        for (kn_ssize_t i = 0; i < nc; i++, w++) {
            ((KnTupleObject *)lpn)->ob_item[w] = ((KnTupleObject *)cv)->ob_item[i];
            kinds[w] = JIT_LOCAL_CELL;
        }
        for (kn_ssize_t i = 0; i < nf; i++, w++) {
            ((KnTupleObject *)lpn)->ob_item[w] = ((KnTupleObject *)fv)->ob_item[i];
            kinds[w] = JIT_LOCAL_FREE;
        }
        co->co_localsplusnames = lpn;
        co->co_localspluskinds = kinds;
        co->co_nlocalsplus = (int32_t)w;
        co->co_nlocals = (int32_t)nv;
        co->co_ncellvars = (int32_t)nc;
        co->co_nfreevars = (int32_t)nf;
    }
    KnObject **strs[3] = {&co->co_filename, &co->co_name, &co->co_qualname};
    for (int i = 0; i < 3; i++) {
        if (!v[13 + i])
            continue;
        if (check_type(v[13 + i], &ob_str_type, replace_names[13 + i]) < 0)
            return NULL;
        *strs[i] = v[13 + i];
    }
    if (v[16]) {
        if (check_type(v[16], &ob_bytes_type, "co_linetable") < 0)
            return NULL;
        jit_position *pos = kgc_alloc_atomic(sizeof(jit_position) * (size_t)(co->co_ncode + 1));
        if (!pos)
            return ob_err_nomemory();
        if (jit_code_decode_linetable(v[16], co->co_firstlineno, pos, co->co_ncode) < 0)
            return NULL;
        co->co_positions = pos;
    }
    if (v[17]) {
        ob_err_set_string(ob_exc_NotImplementedError,
                          "Kiln's code objects keep the exception table as an array; "
                          "replace(co_exceptiontable=) is not supported");
        return NULL;
    }
    return (KnObject *)co;
}

/* _varname_from_oparg(oparg): the name of fast-locals slot `oparg`. */
static KnObject *code_varname_from_oparg(KnObject *self, KnObject *const *args,
                                         kn_ssize_t nargs, KnObject *kwnames)
{
    static const char *const names[] = {"oparg", NULL};
    static const KnArgSpec spec = {"_varname_from_oparg", names, 1, 1, 0};
    KnObject *v[1] = {0};
    if (ob_args_parse(&spec, args, nargs, kwnames, v) < 0)
        return NULL;
    if (!KN_FAST_SUBCLASS(v[0], KN_TPFLAGS_LONG_SUBCLASS))
        return ob_err_format(ob_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                             ob_type_name(KN_TYPE(v[0])));
    kn_ssize_t i = ob_int_as_ssize(v[0]);
    if (i == -1 && ob_err_occurred())
        return NULL;
    KnCodeObject *co = JIT_CODE(self);
    if (i < 0)
        i += co->co_nlocalsplus;
    if (i < 0 || i >= co->co_nlocalsplus) {
        ob_err_set_string(ob_exc_IndexError, "tuple index out of range");
        return NULL;
    }
    return ((KnTupleObject *)co->co_localsplusnames)->ob_item[i];
}

static KnObject *code_sizeof(KnObject *self, KnObject *unused)
{
    (void)unused;
    KnCodeObject *co = JIT_CODE(self);
    return ob_int_from_long_long((long long)sizeof(KnCodeObject) + co->co_ncode * 2);
}

static KnMethodDef code_methods[] = {
    {"co_positions", (KnCFunction)code_positions, KN_METH_NOARGS, NULL},
    {"co_lines", (KnCFunction)code_lines, KN_METH_NOARGS, NULL},
    {"replace", (KnCFunction)(void (*)(void))code_replace, KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "replace($self, /, **changes)\n--\n\nReturn a copy of the code object with new values "
     "for the specified fields."},
    {"_varname_from_oparg",
     (KnCFunction)(void (*)(void))code_varname_from_oparg, KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "_varname_from_oparg($self, /, oparg)\n--\n\n(internal-only) Return the local variable "
     "name for the given oparg.\n\nWARNING: this method is for internal use only and may "
     "change or go away."},
    {"__sizeof__", (KnCFunction)code_sizeof, KN_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- repr, equality, hash ---- */

static KnObject *code_repr(KnObject *o)
{
    KnCodeObject *co = JIT_CODE(o);
    const char *name = ob_str_as_utf8(co->co_name, NULL);
    const char *file = ob_str_as_utf8(co->co_filename, NULL);
    if (!name || !file)
        return NULL;
    return ob_str_from_format("<code object %s at %p, file \"%s\", line %d>", name, (void *)o,
                              file, (int)co->co_firstlineno);
}

/* Constants compare by type and value (1 and 1.0 and True differ; 0.0
 * and -0.0 differ), recursively in tuples — CPython's constant key. */
static int const_equal(KnObject *a, KnObject *b)
{
    if (a == b)
        return 1;
    if (KN_TYPE(a) != KN_TYPE(b))
        return 0;
    if (KN_TYPE(a) == &ob_float_type) {
        double x = ((KnFloatObject *)a)->ob_fval, y = ((KnFloatObject *)b)->ob_fval;
        return memcmp(&x, &y, sizeof x) == 0;
    }
    if (KN_TYPE(a) == &ob_complex_type) {
        KnComplex x = ((KnComplexObject *)a)->cval, y = ((KnComplexObject *)b)->cval;
        return memcmp(&x, &y, sizeof x) == 0;
    }
    if (KN_TYPE(a) == &ob_tuple_type) {
        if (KN_SIZE(a) != KN_SIZE(b))
            return 0;
        for (kn_ssize_t i = 0; i < KN_SIZE(a); i++) {
            int r = const_equal(((KnTupleObject *)a)->ob_item[i], ((KnTupleObject *)b)->ob_item[i]);
            if (r <= 0)
                return r;
        }
        return 1;
    }
    return ob_richcompare_bool(a, b, KN_EQ);
}

static int code_equal(KnCodeObject *a, KnCodeObject *b)
{
    if (a->co_argcount != b->co_argcount || a->co_posonlyargcount != b->co_posonlyargcount ||
        a->co_kwonlyargcount != b->co_kwonlyargcount || a->co_flags != b->co_flags ||
        a->co_firstlineno != b->co_firstlineno || a->co_ncode != b->co_ncode ||
        a->co_nlocalsplus != b->co_nlocalsplus || a->co_nexc != b->co_nexc)
        return 0;
    if (memcmp(a->co_code_orig, b->co_code_orig, sizeof(uint16_t) * (size_t)a->co_ncode) ||
        memcmp(a->co_positions, b->co_positions, sizeof(jit_position) * (size_t)a->co_ncode) ||
        memcmp(a->co_exctable, b->co_exctable, sizeof(jit_exc_entry) * (size_t)a->co_nexc) ||
        memcmp(a->co_localspluskinds, b->co_localspluskinds, (size_t)a->co_nlocalsplus))
        return 0;
    int r = ob_richcompare_bool(a->co_name, b->co_name, KN_EQ);
    if (r <= 0)
        return r;
    r = ob_richcompare_bool(a->co_names, b->co_names, KN_EQ);
    if (r <= 0)
        return r;
    r = ob_richcompare_bool(a->co_localsplusnames, b->co_localsplusnames, KN_EQ);
    if (r <= 0)
        return r;
    return const_equal(a->co_consts, b->co_consts);
}

static KnObject *code_richcompare(KnObject *a, KnObject *b, int op)
{
    if ((op != KN_EQ && op != KN_NE) || KN_TYPE(b) != &jit_code_type)
        return KN_NotImplemented;
    int r = code_equal(JIT_CODE(a), JIT_CODE(b));
    if (r < 0)
        return NULL;
    if (op == KN_NE)
        r = !r;
    return r ? (KnObject *)&ob_true_obj : (KnObject *)&ob_false_obj;
}

static kn_hash_t code_hash(KnObject *o)
{
    KnCodeObject *co = JIT_CODE(o);
    kn_hash_t h = ob_hash(co->co_name);
    if (h == -1)
        return -1;
    kn_hash_t h2 = ob_hash(co->co_names);
    if (h2 == -1)
        return -1;
    kn_hash_t h3 = ob_hash(co->co_localsplusnames);
    if (h3 == -1)
        return -1;
    kn_hash_t hc = (kn_hash_t)ob_hash_bytes(co->co_code_orig, (kn_ssize_t)co->co_ncode * 2);
    h = h ^ h2 ^ h3 ^ hc ^ co->co_argcount ^ co->co_posonlyargcount ^ co->co_kwonlyargcount ^
        co->co_flags;
    if (h == -1)
        h = -2;
    return h;
}

KnTypeObject jit_code_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "code",
    .tp_basicsize = sizeof(KnCodeObject),
    .tp_repr = code_repr,
    .tp_hash = code_hash,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_doc = "Create a code object.  Not for the faint of heart.",
    .tp_richcompare = code_richcompare,
    .tp_weaklistoffset = offsetof(KnCodeObject, co_weakreflist),
    .tp_methods = code_methods,
    .tp_getset = code_getset,
};

int jit_code_ready(void)
{
    if (jit_code_type.tp_dict)
        return 0;
    return ob_type_ready(&jit_code_type);
}
