/* libjit/src/specialize_attr.c — attribute and call specialisations: the
 * slow halves of the hinted instance-dict forms, the class-instantiation
 * specialiser and keyword binding helpers (see specialize_attr.h). */
#include "libobject/descr.h"
#include "specialize_attr.h"

KnObject *jit_attr_hint_lookup(KnObject *d, KnObject *name, uint16_t *hint)
{
    kn_ssize_t ix = ob_dict_index_of(d, name);
    if (ix < 0)
        return NULL;            /* absent, or the error is set */
    if (ix <= 0xffff)
        *hint = (uint16_t)ix;
    return DK(d)->dk_entries[ix].value;
}

int jit_attr_hint_store(KnObject *d, KnObject *name, KnObject *v, uint16_t *hint)
{
    kn_ssize_t ix = ob_dict_store_index(d, name, v);
    if (ix == DKIX_ERROR)
        return -1;
    if (ix <= 0xffff)
        *hint = (uint16_t)ix;
    return 0;
}

/* ---- calls ---- */

/* A Python function whose frame can run inline (not a generator or
 * coroutine): its code, else NULL. */
static KnCodeObject *inline_code(KnObject *f)
{
    if (!JIT_FUNCTION_CHECK(f))
        return NULL;
    KnCodeObject *code = JIT_CODE(JIT_FUNC(f)->func_code);
    return (code->co_flags & JIT_SPEC_GENERAL_NOT_INLINE) == JIT_CO_OPTIMIZED ? code : NULL;
}

/* The class instantiation form: cls's instances come from object.__new__
 * (through tp_alloc), its metaclass does not override __call__, and
 * __init__ is a Python function. */
static int specialize_class_call(KnCodeObject *co, uint16_t *instr, KnObject *cls)
{
    KnTypeObject *tp = (KnTypeObject *)cls;
    if (!KN_TYPE_HAS_FLAG(tp, KN_TPFLAGS_HEAPTYPE) ||
        KN_TYPE(cls)->tp_call != ob_type_type.tp_call || tp->tp_new != ob_object_type.tp_new ||
        KN_TYPE_HAS_FLAG(tp, KN_TPFLAGS_IS_ABSTRACT | KN_TPFLAGS_DISALLOW_INSTANTIATION))
        return 0;
    uint32_t ver = ob_type_version(tp);
    if (ver == 0)
        return 0;
    KnObject *init = ob_type_lookup(tp, ob_str_intern_cstr("__init__"));
    if (init == NULL) {
        ob_err_clear();
        return 0;
    }
    if (inline_code(init) == NULL)
        return 0;
    uint16_t idx = jit_spec_slot_for(co, &instr[2]);
    if (idx == 0)
        return 0;
    jit_spec_slot *s = jit_spec_slot_at(co, idx);
    s->value = cls;
    s->types[0] = ver;
    s->values[0] = init;
    s->version2 = 0;            /* instance dict size seen after __init__ */
    jit_spec_rewrite(instr, JIT_OP_CALL_ALLOC_AND_INIT);
    return 1;
}

int jit_specialize_call_attr(KnCodeObject *co, uint16_t *instr, KnObject *callable, int nargs,
                             KnObject *kwnames)
{
    (void)nargs;
    if (KN_TYPE_OBJ_CHECK(callable))
        return specialize_class_call(co, instr, callable);
    if (KN_TYPE(callable) == &ob_method_type)
        callable = ((KnMethodObject *)callable)->im_func;
    KnCodeObject *code = inline_code(callable);
    if (code == NULL)
        return 0;
    /* Plain positional calls are CALL_PY_EXACT_ARGS / WITH_DEFAULTS. */
    if (kwnames == NULL && code->co_kwonlyargcount == 0 &&
        !(code->co_flags & (JIT_CO_VARARGS | JIT_CO_VARKEYWORDS)))
        return 0;
    jit_spec_rewrite(instr, JIT_OP_CALL_PY_GENERAL);
    return 1;
}

int jit_attr_call_ex_inline(KnObject *func)
{
    return inline_code(func) != NULL;
}

jit_frame *jit_attr_call_ex_frame(jit_tstate *jt, KnObject *func, KnObject *callargs,
                                  KnObject *kwargs)
{
    KnFunctionObject *fn = JIT_FUNC(func);
    jit_frame *nf = jit_frame_push(jt, func, JIT_CODE(fn->func_code), fn->func_globals,
                                   fn->func_builtins, NULL);
    if (nf == NULL)
        return NULL;
    if (jit_function_bind_ex(func, nf, callargs, kwargs) < 0) {
        jit_frame_pop(jt, nf);
        return NULL;
    }
    return nf;
}

KnObject *jit_attr_new_instance(KnTypeObject *tp, jit_spec_slot *s)
{
    KnObject *obj = tp->tp_alloc(tp, 0);
    if (obj == NULL || tp->tp_dictoffset <= 0 || s->version2 == 0)
        return obj;
    KnObject *d = ob_dict_new_instance((kn_ssize_t)s->version2);
    if (d == NULL)
        return NULL;
    *(KnObject **)((char *)obj + tp->tp_dictoffset) = d;
    return obj;
}

int jit_attr_init_done(KnCodeObject *co, uint16_t *instr, KnObject *retval, KnObject *obj)
{
    if (retval != KN_None) {
        ob_err_format(ob_exc_TypeError, "__init__() should return None, not '%s'",
                      ob_type_name(KN_TYPE(retval)));
        return -1;
    }
    KnTypeObject *tp = KN_TYPE(obj);
    if ((*instr & 0xff) == JIT_OP_CALL_ALLOC_AND_INIT && tp->tp_dictoffset > 0) {
        KnObject *d = *(KnObject **)((char *)obj + tp->tp_dictoffset);
        jit_spec_slot *s = jit_spec_slot_at(co, instr[2]);
        if (d != NULL && KN_DICT_CHECK(d) && (uint64_t)ob_dict_size(d) > s->version2 &&
            ob_dict_size(d) <= 64)
            s->version2 = (uint64_t)ob_dict_size(d);
    }
    return 0;
}

/* ---- class attributes ---- */

/* How a class attribute `attr` reads without running arbitrary code
 * (JIT_ATTR_*), or -1.  Values must be of a static type: a heap type could
 * gain __get__ later without any version this cache checks changing. */
static int class_attr_kind(KnObject *attr)
{
    KnTypeObject *t = KN_TYPE(attr);
    if (JIT_FUNCTION_CHECK(attr))
        return JIT_ATTR_FUNCTION;
    if (t == &ob_staticmethod_type)
        return JIT_ATTR_STATIC;
    if (t == &ob_classmethod_type)
        return JIT_FUNCTION_CHECK(((KnClassMethodObject *)attr)->cm_callable)
                   ? JIT_ATTR_CLASSMETHOD : -1;
    if (t->tp_descr_get == NULL && !KN_TYPE_HAS_FLAG(t, KN_TPFLAGS_HEAPTYPE))
        return JIT_ATTR_VALUE;
    return -1;
}

/* `name` read on the class `cls` itself: the attribute found in cls's MRO
 * with its kind in *kind, when no data descriptor of the metaclass takes
 * precedence; NULL otherwise.  Both versions are returned for the guard. */
static KnObject *class_side_attr(KnObject *cls, KnObject *name, int *kind, uint32_t *v1,
                                 uint32_t *v2)
{
    KnTypeObject *meta = KN_TYPE(cls);
    if (meta->tp_getattro != ob_type_type.tp_getattro || !KN_STR_CHECK_EXACT(name))
        return NULL;
    *v1 = ob_type_version((KnTypeObject *)cls);
    *v2 = ob_type_version(meta);
    if (*v1 == 0 || *v2 == 0)
        return NULL;
    KnObject *meta_attr = ob_type_lookup(meta, name);
    KnObject *attr = ob_type_lookup((KnTypeObject *)cls, name);
    if (ob_err_occurred()) {
        ob_err_clear();
        return NULL;
    }
    if (attr == NULL)
        return NULL;
    if (meta_attr != NULL && (KN_TYPE(meta_attr)->tp_descr_set != NULL ||
                              KN_TYPE_HAS_FLAG(KN_TYPE(meta_attr), KN_TPFLAGS_HEAPTYPE)))
        return NULL;
    *kind = class_attr_kind(attr);
    return *kind < 0 ? NULL : attr;
}

static int fill_class_slot(KnCodeObject *co, uint16_t *unit, KnObject *attr, uint32_t v1,
                           uint32_t v2)
{
    uint16_t idx = jit_spec_slot_for(co, unit);
    if (idx == 0)
        return -1;
    jit_spec_slot *s = jit_spec_slot_at(co, idx);
    s->value = attr;
    s->types[0] = v1;
    s->types[1] = v2;
    return 0;
}

/* A site reading `name` on the class `owner`: the slot at cache unit
 * [slot_unit], the kind at [kind_unit], rewritten to op.  1 when done. */
static int class_site(KnCodeObject *co, uint16_t *instr, KnObject *owner, KnObject *name,
                      int slot_unit, int kind_unit, int op)
{
    int kind;
    uint32_t v1, v2;
    KnObject *attr = class_side_attr(owner, name, &kind, &v1, &v2);
    if (attr == NULL || fill_class_slot(co, &instr[1 + slot_unit], attr, v1, v2) < 0)
        return 0;
    instr[1 + kind_unit] = (uint16_t)kind;
    jit_spec_rewrite(instr, op);
    return 1;
}

/* `name` looked up on owner's type when its instances read attributes
 * through the generic getattr and the type has a version: 1 with *attr
 * (NULL when not found) and *ver, else 0. */
static int generic_lookup(KnObject *owner, KnObject *name, KnObject **attr, uint32_t *ver)
{
    KnTypeObject *tp = KN_TYPE(owner);
    if (tp->tp_getattro != ob_generic_getattr || !KN_STR_CHECK_EXACT(name))
        return 0;
    *ver = ob_type_version(tp);
    if (*ver == 0)
        return 0;
    *attr = ob_type_lookup(tp, name);
    if (ob_err_occurred()) {
        ob_err_clear();
        return 0;
    }
    return 1;
}

/* A class attribute read through the instance `owner`: a non-data
 * attribute of its type (kind in *kind, the type's version in *ver) that
 * the instance dict does not shadow now (checked again at run time). */
static KnObject *instance_class_attr(KnObject *owner, KnObject *name, int *kind, uint32_t *ver)
{
    KnTypeObject *tp = KN_TYPE(owner);
    KnObject *attr;
    if (tp->tp_dictoffset < 0 || tp->tp_dictoffset > 0xffff ||
        !generic_lookup(owner, name, &attr, ver))
        return NULL;
    if (attr == NULL)
        return NULL;
    *kind = class_attr_kind(attr);
    if (*kind < 0 && KN_TYPE(attr) == &ob_method_descr_type)
        *kind = JIT_ATTR_METHOD_DESCR;
    if (*kind < 0)
        return NULL;
    KnObject *d = tp->tp_dictoffset > 0 ? *(KnObject **)((char *)owner + tp->tp_dictoffset)
                                        : NULL;
    if (d != NULL) {
        int has = ob_dict_contains(d, name);
        if (has != 0) {
            if (has < 0)
                ob_err_clear();
            return NULL;    /* the instance's own value: LOAD_ATTR_INSTANCE_VALUE */
        }
    }
    return attr;
}

/* A member or getset descriptor (static descriptor types, always data
 * descriptors) found for `name` on owner's type: it decides the read
 * whatever the instance dict holds.  The descriptor, or NULL. */
static KnObject *static_data_descr(KnObject *owner, KnObject *name, uint32_t *ver)
{
    KnObject *descr;
    if (!generic_lookup(owner, name, &descr, ver))
        return NULL;
    if (descr == NULL ||
        (KN_TYPE(descr) != &ob_member_descr_type && KN_TYPE(descr) != &ob_getset_descr_type) ||
        KN_TYPE(descr)->tp_descr_get == NULL || KN_TYPE(descr)->tp_descr_set == NULL)
        return NULL;
    return descr;
}

int jit_specialize_load_attr_class(KnCodeObject *co, uint16_t *instr, KnObject *owner,
                                   KnObject *name)
{
    uint16_t *c = instr + 1;
    int kind;
    uint32_t v1;
    if (KN_TYPE_OBJ_CHECK(owner))
        return class_site(co, instr, owner, name, 1, 2, JIT_OP_LOAD_ATTR_CLASS);
    KnObject *descr = static_data_descr(owner, name, &v1);
    if (descr != NULL) {
        if (fill_class_slot(co, &c[1], descr, v1, 0) < 0)
            return 0;
        jit_spec_rewrite(instr, JIT_OP_LOAD_ATTR_DATA_DESCR);
        return 1;
    }
    KnObject *attr = instance_class_attr(owner, name, &kind, &v1);
    if (attr == NULL || fill_class_slot(co, &c[1], attr, v1, 0) < 0)
        return 0;
    c[2] = (uint16_t)KN_TYPE(owner)->tp_dictoffset;
    c[3] = (uint16_t)kind;
    jit_spec_rewrite(instr, JIT_OP_LOAD_ATTR_CLASS_ATTR);
    return 1;
}

int jit_specialize_load_method_class(KnCodeObject *co, uint16_t *instr, KnObject *owner,
                                     KnObject *name)
{
    return class_site(co, instr, owner, name, 3, 4, JIT_OP_LOAD_METHOD_CLASS_DESCR);
}

/* LOAD_METHOD finding `name` in the instance dict (a callable stored on
 * the instance) with no data descriptor of that name on the type:
 * LOAD_METHOD_INSTANCE_ATTR.  1 when instr was rewritten. */
static int instance_own_attr(KnCodeObject *co, uint16_t *instr, KnObject *owner, KnObject *name)
{
    KnTypeObject *tp = KN_TYPE(owner);
    uint16_t *c = instr + 1;
    uint32_t ver;
    KnObject *descr;
    if (tp->tp_dictoffset <= 0 || tp->tp_dictoffset > 0xffff ||
        !generic_lookup(owner, name, &descr, &ver))
        return 0;
    KnObject *d = *(KnObject **)((char *)owner + tp->tp_dictoffset);
    if (d == NULL)
        return 0;
    /* A heap-typed class attribute could become a data descriptor (its
     * class gaining __set__) without the type's version changing. */
    if (descr != NULL && (KN_TYPE(descr)->tp_descr_set != NULL ||
                          KN_TYPE_HAS_FLAG(KN_TYPE(descr), KN_TPFLAGS_HEAPTYPE)))
        return 0;
    uint16_t hint = 0;
    if (jit_attr_hint_lookup(d, name, &hint) == NULL ||
        fill_class_slot(co, &c[3], NULL, ver, 0) < 0) {
        ob_err_clear();
        return 0;
    }
    c[4] = (uint16_t)tp->tp_dictoffset;
    c[5] = hint;
    jit_spec_rewrite(instr, JIT_OP_LOAD_METHOD_INSTANCE_ATTR);
    return 1;
}

int jit_specialize_load_method_inst(KnCodeObject *co, uint16_t *instr, KnObject *owner,
                                    KnObject *name)
{
    uint16_t *c = instr + 1;
    int kind;
    uint32_t ver;
    KnObject *attr = instance_class_attr(owner, name, &kind, &ver);
    if (attr == NULL && instance_own_attr(co, instr, owner, name))
        return 1;
    /* Python functions are LOAD_METHOD_NO_DICT / WITH_VALUES. */
    if (attr == NULL || kind == JIT_ATTR_FUNCTION || kind == JIT_ATTR_METHOD_DESCR ||
        fill_class_slot(co, &c[3], attr, ver, 0) < 0)
        return 0;
    c[4] = (uint16_t)KN_TYPE(owner)->tp_dictoffset;
    c[5] = (uint16_t)kind;
    jit_spec_rewrite(instr, JIT_OP_LOAD_METHOD_CLASS_ATTR);
    return 1;
}
