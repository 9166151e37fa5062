/* libjit/src/code_linetable.h — location tables of code objects
 * (co_linetable, co_lnotab) and the iterators of co_lines() /
 * co_positions(); see code_linetable.c. */
#ifndef LIBJIT_CODE_LINETABLE_H
#define LIBJIT_CODE_LINETABLE_H

#include "libobject/object.h"
#include "code.h"

extern KnTypeObject jit_line_iterator_type;
extern KnTypeObject jit_positions_iterator_type;

/* co_linetable bytes in CPython 3.11's format, from co_positions. */
KnObject *jit_code_linetable(KnObject *code);
/* co_lnotab bytes in CPython 3.10's format. */
KnObject *jit_code_lnotab(KnObject *code);
/* Positions of n code units from a co_linetable bytes object (units the
 * table does not cover have none); -1 with ValueError when malformed. */
int jit_code_decode_linetable(KnObject *table, int firstlineno, jit_position *out, int n);
/* An iterator of `type` over the items of `list`. */
KnObject *jit_code_table_iter(KnTypeObject *type, KnObject *list);

#endif /* LIBJIT_CODE_LINETABLE_H */
