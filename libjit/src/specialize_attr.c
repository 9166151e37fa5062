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
    kn_ssize_t ix = ob_dict_index_of(d, name);
    if (ix == DKIX_ERROR)
        return -1;
    if (ix < 0 || !ob_dict_hinted_store(d, name, ix, v)) {
        /* A new key (appended), or an equal key of another object. */
        if (ob_dict_setitem(d, name, v) < 0)
            return -1;
        if (ix < 0)
            ix = DK(d)->dk_nentries - 1;
    }
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

KnObject *jit_attr_new_instance(KnTypeObject *tp, jit_spec_slot *s)
{
    KnObject *obj = tp->tp_alloc(tp, 0);
    if (obj == NULL || tp->tp_dictoffset <= 0 || s->version2 == 0)
        return obj;
    KnObject *d = ob_dict_new_with_room((kn_ssize_t)s->version2);
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
