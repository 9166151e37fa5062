/*
 * libobject/abstract.h — the protocols every value answers to.
 *
 * Implemented in src/object.c (attributes, repr/str, hash, compare, truth),
 * src/call.c (calls), src/abstract.c (numbers, sequences, mappings,
 * iteration).  Semantics are CPython 3.11's, messages included.
 * Every function: NULL (or -1) with the exception set on failure.
 */
#ifndef LIBOBJECT_ABSTRACT_H
#define LIBOBJECT_ABSTRACT_H

#include "libobject/object.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- attributes (object.c) ---- */
KnObject *ob_getattr(KnObject *o, KnObject *name);
KnObject *ob_getattr_str(KnObject *o, const char *name);
/* 1 found (*res set), 0 missing (AttributeError swallowed), -1 error. */
int ob_lookup_attr(KnObject *o, KnObject *name, KnObject **res);
int ob_setattr(KnObject *o, KnObject *name, KnObject *value); /* value NULL: delete */
int ob_setattr_str(KnObject *o, const char *name, KnObject *value);
int ob_hasattr(KnObject *o, KnObject *name);                  /* 0/1, never raises */
KnObject *ob_generic_getattr(KnObject *o, KnObject *name);     /* object.__getattribute__ */
int ob_generic_setattr(KnObject *o, KnObject *name, KnObject *value);
KnObject *ob_dir(KnObject *o);
/* A special method looked up on the type, bound to o (NULL, no error: none). */
KnObject *ob_lookup_special(KnObject *o, KnObject *name);

/* ---- text (object.c) ---- */
KnObject *ob_repr(KnObject *o);
KnObject *ob_str(KnObject *o);
KnObject *ob_ascii(KnObject *o);
KnObject *ob_format(KnObject *o, KnObject *spec);   /* format(o, spec) */
/* Guard for container reprs: 1 when o is already being repr'd (print "..."),
 * 0 when entered, -1 on error.  ob_repr_leave always pairs with 0. */
int ob_repr_enter(KnObject *o);
void ob_repr_leave(KnObject *o);

/* ---- identity, hashing, comparison, truth (object.c) ---- */
kn_hash_t ob_hash(KnObject *o);                  /* -1 on error */
kn_hash_t ob_hash_not_implemented(KnObject *o);  /* TypeError: unhashable type */
KnObject *ob_richcompare(KnObject *a, KnObject *b, int op);
int ob_richcompare_bool(KnObject *a, KnObject *b, int op); /* identity implies EQ */
int ob_is_true(KnObject *o);
int ob_not(KnObject *o);
int ob_callable_check(KnObject *o);

/* ---- types (type.c) ---- */
int ob_isinstance(KnObject *o, KnObject *cls);   /* honours __instancecheck__ */
int ob_issubclass(KnObject *derived, KnObject *cls);
int ob_type_is_subtype(KnTypeObject *a, KnTypeObject *b); /* MRO walk, no hooks */
#define KN_TYPE_CHECK(o, t) (KN_TYPE(o) == (t) || ob_type_is_subtype(KN_TYPE(o), (t)))
/* Attribute lookup along the MRO without descriptors (borrowed, NULL: none). */
KnObject *ob_type_lookup(KnTypeObject *t, KnObject *name);
/* Fill in a static type (inherit slots, build tp_dict, tp_mro, ...). */
int ob_type_ready(KnTypeObject *t);
const char *ob_type_name(KnTypeObject *t);       /* short name, for messages */

/* ---- calls (call.c) ---- */
KnObject *ob_call(KnObject *callable, KnObject *args, KnObject *kwargs);
KnObject *ob_vectorcall(KnObject *callable, KnObject *const *args, size_t nargsf,
                        KnObject *kwnames);
KnObject *ob_call_noargs(KnObject *callable);
KnObject *ob_call_onearg(KnObject *callable, KnObject *arg);
/* ob_call_method(o, "name", n, a1, ..., an) */
KnObject *ob_call_method(KnObject *o, const char *name, int nargs, ...);
/* Vectorcall with keywords from a dict (for f(*a, **kw)). */
KnObject *ob_vectorcall_dict(KnObject *callable, KnObject *const *args, size_t nargs,
                             KnObject *kwargs);

/* ---- iteration (abstract.c) ---- */
KnObject *ob_get_iter(KnObject *o);
/* Next item; NULL without an exception when exhausted (StopIteration is
 * swallowed), NULL with one on error. */
KnObject *ob_iter_next(KnObject *it);
int ob_iter_check(KnObject *o);

/* ---- containers (abstract.c) ---- */
kn_ssize_t ob_length(KnObject *o);
kn_ssize_t ob_length_hint(KnObject *o, kn_ssize_t dflt);
KnObject *ob_getitem(KnObject *o, KnObject *key);
int ob_setitem(KnObject *o, KnObject *key, KnObject *value);
int ob_delitem(KnObject *o, KnObject *key);
int ob_contains(KnObject *container, KnObject *item);   /* `item in container` */
KnObject *ob_sequence_tuple(KnObject *iterable);        /* tuple(iterable) */
KnObject *ob_sequence_list(KnObject *iterable);         /* list(iterable) */
KnObject *ob_sequence_getitem(KnObject *o, kn_ssize_t i);

/* ---- numbers (abstract.c): binary ops with the reflected/subclass rules ---- */
KnObject *ob_number_add(KnObject *a, KnObject *b);
KnObject *ob_number_subtract(KnObject *a, KnObject *b);
KnObject *ob_number_multiply(KnObject *a, KnObject *b);
KnObject *ob_number_matmul(KnObject *a, KnObject *b);
KnObject *ob_number_truediv(KnObject *a, KnObject *b);
KnObject *ob_number_floordiv(KnObject *a, KnObject *b);
KnObject *ob_number_remainder(KnObject *a, KnObject *b);
KnObject *ob_number_divmod(KnObject *a, KnObject *b);
KnObject *ob_number_power(KnObject *a, KnObject *b, KnObject *mod); /* mod: None */
KnObject *ob_number_lshift(KnObject *a, KnObject *b);
KnObject *ob_number_rshift(KnObject *a, KnObject *b);
KnObject *ob_number_and(KnObject *a, KnObject *b);
KnObject *ob_number_or(KnObject *a, KnObject *b);
KnObject *ob_number_xor(KnObject *a, KnObject *b);
KnObject *ob_number_inplace_add(KnObject *a, KnObject *b);
KnObject *ob_number_inplace_subtract(KnObject *a, KnObject *b);
KnObject *ob_number_inplace_multiply(KnObject *a, KnObject *b);
KnObject *ob_number_inplace_matmul(KnObject *a, KnObject *b);
KnObject *ob_number_inplace_truediv(KnObject *a, KnObject *b);
KnObject *ob_number_inplace_floordiv(KnObject *a, KnObject *b);
KnObject *ob_number_inplace_remainder(KnObject *a, KnObject *b);
KnObject *ob_number_inplace_power(KnObject *a, KnObject *b, KnObject *mod);
KnObject *ob_number_inplace_lshift(KnObject *a, KnObject *b);
KnObject *ob_number_inplace_rshift(KnObject *a, KnObject *b);
KnObject *ob_number_inplace_and(KnObject *a, KnObject *b);
KnObject *ob_number_inplace_or(KnObject *a, KnObject *b);
KnObject *ob_number_inplace_xor(KnObject *a, KnObject *b);
KnObject *ob_number_negative(KnObject *o);
KnObject *ob_number_positive(KnObject *o);
KnObject *ob_number_absolute(KnObject *o);
KnObject *ob_number_invert(KnObject *o);
KnObject *ob_number_index(KnObject *o);          /* operator.index() -> exact int */
KnObject *ob_number_long(KnObject *o);           /* int(o) */
KnObject *ob_number_float(KnObject *o);          /* float(o) */
/* o.__index__() as a C integer; on overflow raise `exc` (OverflowError when
 * NULL... as CPython's PyNumber_AsSsize_t: NULL exc clamps). */
kn_ssize_t ob_number_as_ssize(KnObject *o, KnTypeObject *exc);
int ob_index_check(KnObject *o);

#ifdef __cplusplus
}
#endif
#endif /* LIBOBJECT_ABSTRACT_H */
