/* libjit/src/specialize_ops.c — the specialisers: given the operands an
 * adaptive instruction is about to work on, pick its specialised form and
 * fill its cache (layouts in NOTES-specialization.md), or record a failed
 * attempt.  They never raise: a lookup error here only means "do not
 * specialise" (the generic path then raises it properly). */
#include <string.h>

#include "libobject/descr.h"
#include "libobject/module.h"
#include "specialize.h"
#include "specialize_attr.h"
#include "specialize_iter.h"

#define REWRITE(instr, name) jit_spec_rewrite((instr), JIT_OP_##name)

void jit_specialize_load_global(jit_frame *f, uint16_t *instr, KnObject *name)
{
    KnCodeObject *co = f->code;
    KnObject *g = f->globals, *b = f->builtins;
    if (!KN_DICT_CHECK_EXACT(g) || !KN_STR_CHECK_EXACT(name))
        goto fail;
    KnObject *v = ob_dict_getitem(g, name);
    int builtin = 0;
    if (v == NULL) {
        if (ob_err_occurred() || b == NULL || !KN_DICT_CHECK_EXACT(b))
            goto fail_clear;
        v = ob_dict_getitem(b, name);
        if (v == NULL)
            goto fail_clear;
        builtin = 1;
    }
    uint16_t idx = jit_spec_slot_for(co, &instr[2]);
    if (idx == 0)
        goto fail_clear;
    jit_spec_slot *s = jit_spec_slot_at(co, idx);
    s->dict = g;
    s->version = ob_dict_version(g);
    s->version2 = builtin ? ob_dict_version(b) : 0;
    s->value = v;
    if (builtin)
        REWRITE(instr, LOAD_GLOBAL_BUILTIN);
    else
        REWRITE(instr, LOAD_GLOBAL_MODULE);
    return;
fail_clear:
    ob_err_clear();
fail:
    jit_spec_fail(instr);
}

/* The version tag of tp (0 when the type cannot be tagged). */
static uint32_t type_version(KnTypeObject *tp)
{
    return ob_type_version(tp);
}

static int is_data_descr(KnObject *d)
{
    return d != NULL && KN_TYPE(d)->tp_descr_set != NULL;
}

static int slot_member(KnObject *descr, int writable)
{
    if (descr == NULL || KN_TYPE(descr) != &ob_member_descr_type)
        return -1;
    KnMemberDef *m = ((KnMemberDescrObject *)descr)->d_member;
    if (m->type != KN_T_OBJECT_EX || m->offset <= 0 || m->offset > 0xffff)
        return -1;
    if (writable && (m->flags & KN_READONLY))
        return -1;
    return (int)m->offset;
}

static int module_slot(KnCodeObject *co, uint16_t *unit, KnObject *module, KnObject *name)
{
    KnObject *d = ((KnModuleObject *)module)->md_dict;
    if (d == NULL || !KN_DICT_CHECK_EXACT(d))
        return -1;
    KnObject *v = ob_dict_getitem(d, name);
    if (v == NULL) {
        ob_err_clear();
        return -1;
    }
    uint16_t idx = jit_spec_slot_for(co, unit);
    if (idx == 0)
        return -1;
    jit_spec_slot *s = jit_spec_slot_at(co, idx);
    s->dict = d;
    s->version = ob_dict_version(d);
    s->value = v;
    return 0;
}

/* The instance-dict offset through which `name` of tp's instances is read
 * (store: written) with no descriptor in the way; -1 when it is not. */
static int instance_dict_offset(KnTypeObject *tp, KnObject *name, int store)
{
    if (store ? tp->tp_setattro != ob_generic_setattr : tp->tp_getattro != ob_generic_getattr)
        return -1;
    if (tp->tp_dictoffset <= 0 || tp->tp_dictoffset > 0xffff)
        return -1;
    KnObject *descr = ob_type_lookup(tp, name);
    if (ob_err_occurred()) {
        ob_err_clear();
        return -1;
    }
    /* A heap-typed class attribute could become a data descriptor (its
     * class gaining __set__) without tp's version changing. */
    if (descr != NULL && KN_TYPE_HAS_FLAG(KN_TYPE(descr), KN_TPFLAGS_HEAPTYPE))
        return -1;
    return is_data_descr(descr) ? -1 : (int)tp->tp_dictoffset;
}

/* The method `name` of tp's instances (a method descriptor no instance
 * attribute can hide when dictoffset is 0), with *offset tp's dict offset;
 * NULL when it is not one. */
static KnObject *plain_method(KnTypeObject *tp, KnObject *name, int *offset)
{
    if (tp->tp_getattro != ob_generic_getattr || tp->tp_dictoffset < 0 ||
        tp->tp_dictoffset > 0xffff)
        return NULL;
    KnObject *descr = ob_type_lookup(tp, name);
    if (ob_err_occurred()) {
        ob_err_clear();
        return NULL;
    }
    if (descr == NULL || !KN_TYPE_HAS_FLAG(KN_TYPE(descr), KN_TPFLAGS_METHOD_DESCRIPTOR))
        return NULL;
    *offset = (int)tp->tp_dictoffset;
    return descr;
}

/* A fresh polymorphic slot at unit *unit whose first entry is (ver, value). */
static int poly_start(KnCodeObject *co, uint16_t *unit, uint32_t ver, KnObject *value)
{
    uint16_t idx = jit_spec_slot_for(co, unit);
    if (idx == 0)
        return -1;
    jit_spec_slot *s = jit_spec_slot_at(co, idx);
    for (int i = 0; i < JIT_POLY; i++) {
        s->types[i] = 0;
        s->values[i] = NULL;
    }
    s->types[0] = ver;
    s->values[0] = value;
    return 0;
}

int jit_spec_poly_add(KnCodeObject *co, uint16_t *instr, KnObject *owner, KnObject *name)
{
    KnTypeObject *tp = KN_TYPE(owner);
    uint16_t *c = instr + 1;
    int op = *instr & 0xff;
    jit_spec_slot *s = jit_spec_slot_at(co, op == JIT_OP_LOAD_ATTR_INSTANCE_VALUE ||
                                                    op == JIT_OP_STORE_ATTR_INSTANCE_VALUE
                                                ? c[1] : c[3]);
    int free = -1;
    for (int i = JIT_POLY - 1; i >= 0; i--)
        if (s->types[i] == 0)
            free = i;
    if (free < 0)
        return -1;
    uint32_t ver = ob_type_version(tp);
    if (ver == 0)
        return -1;
    KnObject *value = NULL;
    int offset;
    switch (op) {
    case JIT_OP_LOAD_ATTR_INSTANCE_VALUE:
    case JIT_OP_STORE_ATTR_INSTANCE_VALUE:
        offset = instance_dict_offset(tp, name, op == JIT_OP_STORE_ATTR_INSTANCE_VALUE);
        if (offset != c[2])
            return -1;
        break;
    default:
        value = plain_method(tp, name, &offset);
        if (value == NULL || offset != c[4])
            return -1;
        break;
    }
    s->types[free] = ver;
    s->values[free] = value;
    return free;
}

void jit_specialize_load_attr(KnCodeObject *co, uint16_t *instr, KnObject *owner, KnObject *name)
{
    KnTypeObject *tp = KN_TYPE(owner);
    uint16_t *c = instr + 1;
    if (!KN_STR_CHECK_EXACT(name))
        goto fail;
    if (jit_specialize_load_attr_complex(instr, owner, name))   /* specialize_iter.c */
        return;
    if (tp == &ob_module_type) {
        if (module_slot(co, &c[1], owner, name) < 0)
            goto fail;
        REWRITE(instr, LOAD_ATTR_MODULE);
        return;
    }
    if (tp->tp_getattro != ob_generic_getattr)
        goto fail;
    uint32_t ver = type_version(tp);
    if (ver == 0)
        goto fail;
    KnObject *descr = ob_type_lookup(tp, name);
    if (ob_err_occurred())
        goto fail_clear;
    int off = slot_member(descr, 0);
    if (off > 0) {
        if (poly_start(co, &c[1], ver, NULL) < 0)
            goto fail;
        c[2] = (uint16_t)off;
        REWRITE(instr, LOAD_ATTR_SLOT);
        return;
    }
    if (descr != NULL && KN_TYPE(descr) == &ob_property_type &&
        ((KnPropertyObject *)descr)->prop_get != NULL &&
        ((KnPropertyObject *)descr)->prop_get != KN_None) {
        if (poly_start(co, &c[1], ver, ((KnPropertyObject *)descr)->prop_get) < 0)
            goto fail;
        REWRITE(instr, LOAD_ATTR_PROPERTY);
        return;
    }
    if (descr != NULL && jit_specialize_load_attr_class(co, instr, owner, name))
        return;
    off = instance_dict_offset(tp, name, 0);
    if (off < 0 || poly_start(co, &c[1], ver, NULL) < 0)
        goto fail;
    c[2] = (uint16_t)off;
    REWRITE(instr, LOAD_ATTR_INSTANCE_VALUE);
    return;
fail_clear:
    ob_err_clear();
fail:
    if (jit_specialize_load_attr_class(co, instr, owner, name))
        return;
    jit_spec_fail(instr);
}

void jit_specialize_store_attr(KnCodeObject *co, uint16_t *instr, KnObject *owner, KnObject *name)
{
    KnTypeObject *tp = KN_TYPE(owner);
    uint16_t *c = instr + 1;
    if (!KN_STR_CHECK_EXACT(name) || tp->tp_setattro != ob_generic_setattr)
        goto fail;
    uint32_t ver = type_version(tp);
    if (ver == 0)
        goto fail;
    KnObject *descr = ob_type_lookup(tp, name);
    if (ob_err_occurred())
        goto fail_clear;
    int off = slot_member(descr, 1);
    if (off > 0) {
        if (poly_start(co, &c[1], ver, NULL) < 0)
            goto fail;
        c[2] = (uint16_t)off;
        REWRITE(instr, STORE_ATTR_SLOT);
        return;
    }
    off = instance_dict_offset(tp, name, 1);
    if (off < 0 || poly_start(co, &c[1], ver, NULL) < 0)
        goto fail;
    c[2] = (uint16_t)off;
    REWRITE(instr, STORE_ATTR_INSTANCE_VALUE);
    return;
fail_clear:
    ob_err_clear();
fail:
    jit_spec_fail(instr);
}

void jit_specialize_load_method(KnCodeObject *co, uint16_t *instr, KnObject *owner,
                                KnObject *name)
{
    KnTypeObject *tp = KN_TYPE(owner);
    uint16_t *c = instr + 1;
    if (!KN_STR_CHECK_EXACT(name))
        goto fail;
    if (tp == &ob_module_type) {
        if (module_slot(co, &c[3], owner, name) < 0)
            goto fail;
        REWRITE(instr, LOAD_METHOD_MODULE);
        return;
    }
    if (KN_TYPE_HAS_FLAG(tp, KN_TPFLAGS_TYPE_SUBCLASS) &&
        jit_specialize_load_method_class(co, instr, owner, name))
        return;
    if (KN_TYPE_HAS_FLAG(tp, KN_TPFLAGS_TYPE_SUBCLASS)) {
        /* A class attribute read on the class itself: no descriptor on the
         * metaclass, and a value that binds to nothing. */
        KnTypeObject *cls = (KnTypeObject *)owner;
        if (tp->tp_getattro != ob_type_type.tp_getattro)
            goto fail;
        uint32_t v1 = type_version(cls), v2 = type_version(tp);
        if (v1 == 0 || v2 == 0)
            goto fail;
        KnObject *meta_attr = ob_type_lookup(tp, name);
        KnObject *attr = meta_attr == NULL ? ob_type_lookup(cls, name) : NULL;
        if (ob_err_occurred())
            goto fail_clear;
        if (attr == NULL ||
            (!JIT_FUNCTION_CHECK(attr) && KN_TYPE(attr)->tp_descr_get != NULL))
            goto fail;
        uint16_t idx = jit_spec_slot_for(co, &c[3]);
        if (idx == 0)
            goto fail;
        jit_spec_slot_at(co, idx)->value = attr;
        jit_cache_write32(&c[1], v1);
        jit_cache_write32(&c[5], v2);
        REWRITE(instr, LOAD_METHOD_CLASS);
        return;
    }
    if (tp->tp_getattro != ob_generic_getattr)
        goto fail;
    uint32_t ver = type_version(tp);
    if (ver == 0)
        goto fail;
    /* A method shadowed by an instance attribute, class attributes other
     * than functions (specialize_attr.c). */
    if (jit_specialize_load_method_inst(co, instr, owner, name))
        return;
    int off;
    KnObject *descr = plain_method(tp, name, &off);
    if (descr == NULL || poly_start(co, &c[3], ver, descr) < 0)
        goto fail;
    c[4] = (uint16_t)off;
    if (tp->tp_dictoffset == 0)
        REWRITE(instr, LOAD_METHOD_NO_DICT);
    else
        REWRITE(instr, LOAD_METHOD_WITH_VALUES);
    return;
fail_clear:
    ob_err_clear();
fail:
    jit_spec_fail(instr);
}

static int float_or_int(KnObject *o)
{
    return KN_TYPE(o) == &ob_float_type || KN_INT_CHECK_EXACT(o);
}

void jit_specialize_binary_op(uint16_t *instr, int nb, KnObject *a, KnObject *b)
{
    int add = nb == JIT_NB_ADD || nb == JIT_NB_INPLACE_ADD;
    int sub = nb == JIT_NB_SUBTRACT || nb == JIT_NB_INPLACE_SUBTRACT;
    int mul = nb == JIT_NB_MULTIPLY || nb == JIT_NB_INPLACE_MULTIPLY;
    int div = nb == JIT_NB_TRUE_DIVIDE || nb == JIT_NB_INPLACE_TRUE_DIVIDE;
    if (KN_INT_CHECK_EXACT(a) && KN_INT_CHECK_EXACT(b)) {
        if (add)
            REWRITE(instr, BINARY_OP_ADD_INT);
        else if (sub)
            REWRITE(instr, BINARY_OP_SUBTRACT_INT);
        else if (mul)
            REWRITE(instr, BINARY_OP_MULTIPLY_INT);
        else if (jit_int_arith_op(nb) >= 0)
            REWRITE(instr, BINARY_OP_INT_ARITH);
        else
            goto fail;
        return;
    }
    if (KN_TYPE(a) == &ob_float_type && KN_TYPE(b) == &ob_float_type) {
        if (add)
            REWRITE(instr, BINARY_OP_ADD_FLOAT);
        else if (sub)
            REWRITE(instr, BINARY_OP_SUBTRACT_FLOAT);
        else if (mul)
            REWRITE(instr, BINARY_OP_MULTIPLY_FLOAT);
        else if (div)
            REWRITE(instr, BINARY_OP_FLOAT_ARITH);
        else
            goto fail;
        return;
    }
    if (float_or_int(a) && float_or_int(b) && (add || sub || mul || div)) {
        REWRITE(instr, BINARY_OP_FLOAT_ARITH);
        return;
    }
    if (KN_STR_CHECK_EXACT(a) && KN_STR_CHECK_EXACT(b) && add) {
        REWRITE(instr, BINARY_OP_ADD_UNICODE);
        return;
    }
    if (KN_STR_CHECK_EXACT(a) && (nb == JIT_NB_REMAINDER || nb == JIT_NB_INPLACE_REMAINDER) &&
        (KN_STR_CHECK_EXACT(b) || !KN_STR_CHECK(b))) {
        REWRITE(instr, BINARY_OP_MOD_STR);
        return;
    }
    /* not `+=`: that extends the list in place */
    if (KN_LIST_CHECK_EXACT(a) && KN_LIST_CHECK_EXACT(b) && nb == JIT_NB_ADD) {
        REWRITE(instr, BINARY_OP_ADD_LIST);
        return;
    }
    if (KN_TYPE(a) == &ob_bytes_type && KN_TYPE(b) == &ob_bytes_type && add) {
        REWRITE(instr, BINARY_OP_ADD_BYTES);
        return;
    }
fail:
    jit_spec_fail(instr);
}

void jit_specialize_compare_op(uint16_t *instr, KnObject *a, KnObject *b)
{
    int op = *instr >> 8;
    double x, y;
    if (KN_TYPE(a) != KN_TYPE(b)) {
        /* `t < 0`, `x == 1`: a float against an int that is an exact
         * double (the same form, guarded per operand). */
        if ((KN_TYPE(a) == &ob_float_type || KN_TYPE(b) == &ob_float_type) &&
            jit_exact_double(a, &x) && jit_exact_double(b, &y)) {
            REWRITE(instr, COMPARE_OP_FLOAT);
            return;
        }
        goto fail;
    }
    if (KN_INT_CHECK_EXACT(a)) {
        REWRITE(instr, COMPARE_OP_INT);
        return;
    }
    if (KN_TYPE(a) == &ob_float_type) {
        REWRITE(instr, COMPARE_OP_FLOAT);
        return;
    }
    if (KN_STR_CHECK_EXACT(a) && (op == KN_EQ || op == KN_NE)) {
        REWRITE(instr, COMPARE_OP_STR);
        return;
    }
fail:
    jit_spec_fail(instr);
}

void jit_specialize_binary_subscr(uint16_t *instr, KnObject *container, KnObject *key)
{
    if (KN_LIST_CHECK_EXACT(container) && KN_INT_CHECK_EXACT(key))
        REWRITE(instr, BINARY_SUBSCR_LIST_INT);
    else if (KN_TUPLE_CHECK_EXACT(container) && KN_INT_CHECK_EXACT(key))
        REWRITE(instr, BINARY_SUBSCR_TUPLE_INT);
    else if (KN_DICT_CHECK_EXACT(container))
        REWRITE(instr, BINARY_SUBSCR_DICT);
    else if (KN_TYPE(container) == &ob_bytes_type && KN_INT_CHECK_EXACT(key))
        REWRITE(instr, BINARY_SUBSCR_BYTES_INT);
    else
        jit_spec_fail(instr);
}

void jit_specialize_store_subscr(uint16_t *instr, KnObject *container, KnObject *key)
{
    if (KN_LIST_CHECK_EXACT(container) && KN_INT_CHECK_EXACT(key))
        REWRITE(instr, STORE_SUBSCR_LIST_INT);
    else if (KN_DICT_CHECK_EXACT(container))
        REWRITE(instr, STORE_SUBSCR_DICT);
    else
        jit_spec_fail(instr);
}

void jit_specialize_unpack_sequence(uint16_t *instr, int n, KnObject *seq)
{
    if (KN_TUPLE_CHECK_EXACT(seq) && KN_SIZE(seq) == n) {
        if (n == 2)
            REWRITE(instr, UNPACK_SEQUENCE_TWO_TUPLE);
        else
            REWRITE(instr, UNPACK_SEQUENCE_TUPLE);
    } else if (KN_LIST_CHECK_EXACT(seq) && KN_SIZE(seq) == n) {
        REWRITE(instr, UNPACK_SEQUENCE_LIST);
    } else {
        jit_spec_fail(instr);
    }
}

/* The calling convention of a C function's flags the CALL_*_O / _FAST
 * forms handle: KN_METH_O, KN_METH_FASTCALL (with or without KEYWORDS),
 * or 0. */
static int c_convention(int flags)
{
    flags &= ~KN_METH_COEXIST;
    if (flags == KN_METH_O)
        return KN_METH_O;
    if (flags == KN_METH_FASTCALL || flags == (KN_METH_FASTCALL | KN_METH_KEYWORDS))
        return KN_METH_FASTCALL;
    if (flags == KN_METH_NOARGS)
        return KN_METH_NOARGS;
    return 0;
}

void jit_specialize_call(KnCodeObject *co, uint16_t *instr, KnObject *callable, int nargs, KnObject *kwnames)
{
    uint16_t *c = instr + 1;
    if (jit_specialize_call_attr(co, instr, callable, nargs, kwnames))
        return;
    if (kwnames != NULL)
        goto fail;
    if (KN_TYPE(callable) == &ob_method_type &&
        JIT_FUNCTION_CHECK(((KnMethodObject *)callable)->im_func)) {
        /* CALL_PY_* unpack a bound method of a Python function. */
        callable = ((KnMethodObject *)callable)->im_func;
        nargs++;
    }
    if (JIT_FUNCTION_CHECK(callable)) {
        KnFunctionObject *fn = JIT_FUNC(callable);
        KnCodeObject *code = JIT_CODE(fn->func_code);
        if (code->co_flags & (JIT_CO_VARARGS | JIT_CO_VARKEYWORDS | JIT_CO_GENERATOR |
                              JIT_CO_COROUTINE | JIT_CO_ASYNC_GENERATOR |
                              JIT_CO_ITERABLE_COROUTINE))
            goto fail;
        if (code->co_kwonlyargcount != 0 || !(code->co_flags & JIT_CO_OPTIMIZED))
            goto fail;
        if (nargs == code->co_argcount) {
            REWRITE(instr, CALL_PY_EXACT_ARGS);
            return;
        }
        kn_ssize_t ndef = fn->func_defaults ? KN_SIZE(fn->func_defaults) : 0;
        if (nargs < code->co_argcount && nargs >= code->co_argcount - ndef) {
            REWRITE(instr, CALL_PY_WITH_DEFAULTS);
            return;
        }
        goto fail;
    }
    if (callable == (KnObject *)&ob_type_type && nargs == 1) {
        REWRITE(instr, CALL_TYPE_1);
        return;
    }
    if ((callable == (KnObject *)&ob_int_type || callable == (KnObject *)&ob_str_type ||
         callable == (KnObject *)&ob_tuple_type || callable == (KnObject *)&ob_list_type ||
         callable == (KnObject *)&ob_range_type) && nargs == 1 && kwnames == NULL) {
        REWRITE(instr, CALL_BUILTIN_CLASS_1);
        return;
    }
    if (KN_TYPE(callable) == &ob_cfunction_type) {
        KnCFunctionObject *cf = (KnCFunctionObject *)callable;
        const char *n = cf->m_ml->ml_name;
        int is_len = nargs == 1 && strcmp(n, "len") == 0;
        int is_isinstance = nargs == 2 && strcmp(n, "isinstance") == 0;
        if ((is_len || is_isinstance) && cf->m_self != NULL && KN_MODULE_CHECK(cf->m_self) &&
            ((KnModuleObject *)cf->m_self)->md_name != NULL &&
            KN_STR_CHECK_EXACT(((KnModuleObject *)cf->m_self)->md_name) &&
            ob_str_equal_cstr(((KnModuleObject *)cf->m_self)->md_name, "builtins")) {
            uint16_t idx = jit_spec_slot_for(co, &c[1]);
            if (idx == 0)
                goto fail;
            jit_spec_slot_at(co, idx)->value = callable;
            if (is_len)
                REWRITE(instr, CALL_LEN);
            else
                REWRITE(instr, CALL_ISINSTANCE);
            return;
        }
        int conv = c_convention(((KnCFunctionObject *)callable)->m_ml->ml_flags);
        if (conv == KN_METH_O && nargs == 1) {
            REWRITE(instr, CALL_BUILTIN_O);
            return;
        }
        if (conv == KN_METH_FASTCALL || (conv == KN_METH_NOARGS && nargs == 0)) {
            REWRITE(instr, CALL_BUILTIN_FAST);
            return;
        }
        goto fail;
    }
    if (KN_TYPE(callable) == &ob_method_descr_type && nargs >= 1) {
        int conv = c_convention(((KnMethodDescrObject *)callable)->d_method->ml_flags);
        if (conv == KN_METH_O && nargs == 2) {
            REWRITE(instr, CALL_METHOD_DESCRIPTOR_O);
            return;
        }
        if (conv == KN_METH_FASTCALL || (conv == KN_METH_NOARGS && nargs == 1)) {
            REWRITE(instr, CALL_METHOD_DESCRIPTOR_FAST);
            return;
        }
    }
fail:
    jit_spec_fail(instr);
}
