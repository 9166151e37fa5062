/* set_internal.h — the table primitives shared by set.c and set_ops.c.
 * Not a public header. */
#ifndef LIBOBJECT_SET_INTERNAL_H
#define LIBOBJECT_SET_INTERNAL_H
#include <string.h>
#include "containers.h"
#include "dict_internal.h"     /* ob_key_hash_fast */

/* Marks a deleted slot (hash -1); never visible to Python code. */
extern KnObject *const ob_set_dummy;

/* Entry-level operations: 1/0 found, -1 error.  The *_key forms hash first. */
int ob_set_add_entry(KnSetObject *so, KnObject *key, kn_hash_t hash);
int ob_set_contains_entry(KnSetObject *so, KnObject *key, kn_hash_t hash);
int ob_set_discard_entry(KnSetObject *so, KnObject *key, kn_hash_t hash);
int ob_set_add_key(KnSetObject *so, KnObject *key);
int ob_set_contains_key(KnSetObject *so, KnObject *key);
int ob_set_discard_key(KnSetObject *so, KnObject *key);
int ob_set_table_resize(KnSetObject *so, kn_ssize_t minused);
void ob_set_clear_internal(KnSetObject *so);
int ob_set_next_entry(KnSetObject *so, kn_ssize_t *pos, KnSetEntry **entry);
int ob_set_update_internal(KnSetObject *so, KnObject *other);
/* An empty instance of type, then filled from iterable (may be NULL). */
KnObject *ob_set_make(KnTypeObject *type, KnObject *iterable);
#endif
