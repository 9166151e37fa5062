/* libjit/src/specialize_attr.h — attribute and call specialisations
 * (specialize_attr.c, eval_spec_attr.inc): index hints into instance
 * dicts, class instantiation run inline, keyword binding.  See
 * NOTES-specialization.md ("Attribute hints", "Class instantiation").
 *
 * The hints read the dict table directly: libobject's dict_internal.h
 * gives the inline accessors (its "attr" block) so the hit path is a few
 * loads in the interpreter loop, with no call. */
#ifndef LIBJIT_SPECIALIZE_ATTR_H
#define LIBJIT_SPECIALIZE_ATTR_H

#include "../../libobject/src/dict_internal.h"
#include "specialize.h"

/* Does the instance dict of owner (at offset off, 0: none) hold the str
 * name?  1 / 0, -1 with the exception set (a key's __eq__ failed). */
static inline int jit_attr_shadowed(KnObject *owner, uint16_t off, KnObject *name)
{
    if (off == 0)
        return 0;
    KnObject *d = *(KnObject **)((char *)owner + off);
    if (d == NULL || ob_dict_str_surely_absent(d, name, KN_STR_ASCII(name)->hash))
        return 0;
    KnObject *v = ob_dict_getitem(d, name);
    if (v == NULL)
        return ob_err_occurred() ? -1 : 0;
    return 1;
}

/* The miss path of a hinted load: look `name` up in the instance dict d,
 * remember its entry index in *hint, and return its value (borrowed); NULL
 * when absent, NULL + exception on error. */
KnObject *jit_attr_hint_lookup(KnObject *d, KnObject *name, uint16_t *hint);

/* The miss path of a hinted store: d[name] = v, remembering the entry. */
int jit_attr_hint_store(KnObject *d, KnObject *name, KnObject *v, uint16_t *hint);

/* Bind a call's arguments into fr's parameter slots (fr pushed for func,
 * a Python function) exactly as a vectorcall of func does, with CPython's
 * errors (unexpected / multiple values / missing arguments); 0, or -1 with
 * the exception set.  function.c. */
int jit_function_bind(KnObject *func, jit_frame *fr, KnObject *const *args, kn_ssize_t nargs,
                      KnObject *kwnames);

/* The same for CALL_FUNCTION_EX: positional arguments from the tuple
 * callargs, keywords from the dict kwargs (or NULL). */
int jit_function_bind_ex(KnObject *func, jit_frame *fr, KnObject *callargs, KnObject *kwargs);
/* CALL_FUNCTION_EX of a Python function (not a generator / coroutine):
 * its frame pushed and bound, to run inline; NULL with the exception set
 * when binding failed. */
jit_frame *jit_attr_call_ex_frame(jit_tstate *jt, KnObject *func, KnObject *callargs,
                                  KnObject *kwargs);
/* Can CALL_FUNCTION_EX run func inline? */
int jit_attr_call_ex_inline(KnObject *func);

/* jit_frame.is_entry of a frame CALL_ALLOC_AND_INIT runs inline: on return
 * the caller checks __init__ returned None and keeps the instance. */
#define JIT_ENTRY_INLINE 0
#define JIT_ENTRY_C 1
#define JIT_ENTRY_INIT 2

/* Code flags that keep CALL_PY_GENERAL / CALL_ALLOC_AND_INIT off a code
 * object: only generators and coroutines (they need their own frame
 * object); *args, **kwargs and keyword-only parameters are bound here. */
#define JIT_SPEC_GENERAL_NOT_INLINE                                            \
    (JIT_CO_GENERATOR | JIT_CO_COROUTINE | JIT_CO_ASYNC_GENERATOR |            \
     JIT_CO_ITERABLE_COROUTINE | JIT_CO_OPTIMIZED)

/* CALL specialisations of this part: CALL_ALLOC_AND_INIT (a class whose
 * instances come from object.__new__ and a Python __init__) and
 * CALL_PY_GENERAL (a Python function called with keywords, or taking
 * *args / **kwargs / keyword-only parameters).  1 when instr was
 * rewritten; 0 leaves it to jit_specialize_call's other forms. */
int jit_specialize_call_attr(KnCodeObject *co, uint16_t *instr, KnObject *callable, int nargs,
                             KnObject *kwnames);

/* CALL_ALLOC_AND_INIT: a new instance of tp (its dict pre-sized to what
 * instances made at this site ended __init__ with). */
KnObject *jit_attr_new_instance(KnTypeObject *tp, jit_spec_slot *s);
/* An inline __init__ returned retval with obj on the caller's stack:
 * TypeError unless None; remembers obj's dict size for the site at
 * instr.  0, or -1 with the exception set. */
int jit_attr_init_done(KnCodeObject *co, uint16_t *instr, KnObject *retval, KnObject *obj);

/* Class attributes (LOAD_ATTR_CLASS, LOAD_ATTR_CLASS_ATTR,
 * LOAD_METHOD_CLASS_DESCR): how the cached attribute reads. */
enum {
    JIT_ATTR_VALUE,         /* as is (no __get__) */
    JIT_ATTR_FUNCTION,      /* a Python function: itself on the class, bound on an instance */
    JIT_ATTR_STATIC,        /* staticmethod: its callable (read at run time) */
    JIT_ATTR_CLASSMETHOD,   /* classmethod of a Python function: bound to the class */
    JIT_ATTR_METHOD_DESCR,  /* a builtin type's method descriptor read through an
                             * instance (`lst.append` as a value): bound by its
                             * __get__; LOAD_ATTR_CLASS_ATTR only */
};
/* LOAD_ATTR on a class, or reading a class attribute through an instance;
 * LOAD_METHOD on a class.  1 when instr was rewritten. */
int jit_specialize_load_attr_class(KnCodeObject *co, uint16_t *instr, KnObject *owner,
                                   KnObject *name);
int jit_specialize_load_method_class(KnCodeObject *co, uint16_t *instr, KnObject *owner,
                                     KnObject *name);
/* LOAD_METHOD on an instance finding a staticmethod, classmethod or plain
 * value in its class (LOAD_METHOD_CLASS_ATTR). */
int jit_specialize_load_method_inst(KnCodeObject *co, uint16_t *instr, KnObject *owner,
                                    KnObject *name);

#endif
