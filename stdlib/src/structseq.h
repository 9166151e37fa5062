/*
 * structseq.h — struct sequences for the stdlib modules (structseq.c):
 * tuple subclasses whose items also have attribute names (os.stat_result,
 * time.struct_time, posix.uname_result, ...).
 *
 * A type has n_fields fields; the first n_in_sequence are the tuple items
 * (len(), indexing, comparison), the rest are reachable by name only.  A
 * field whose name is NULL is unnamed (stat_result's integer times).
 * All fields live in the tuple's inline item array; ob_size is
 * n_in_sequence, so tuple's own methods only ever see the visible part.
 */
#ifndef STDLIB_STRUCTSEQ_H
#define STDLIB_STRUCTSEQ_H

#include "libobject/libobject.h"

/* name is "module.qualname" (e.g. "os.stat_result"); fields has n_fields
 * entries.  The type lives for the whole run. */
KnTypeObject *ss_new_type(const char *name, const char *doc, const char *const *fields,
                          int n_fields, int n_in_sequence);
/* A new instance holding values[0 .. n_fields-1] (NULL entries become
 * None). */
KnObject *ss_new(KnTypeObject *type, KnObject *const *values);
/* A fix-up run on instances created from Python (T(sequence, dict)),
 * e.g. stat_result's float times defaulting to the integer ones. */
void ss_set_post_new(KnTypeObject *type, void (*post_new)(KnObject *self));
/* Field i of an instance (any index below n_fields). */
KnObject *ss_get(KnObject *self, int i);

#endif /* STDLIB_STRUCTSEQ_H */
