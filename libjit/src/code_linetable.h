/* libjit/src/code_linetable.h — location tables of code objects
 * (co_linetable, co_lnotab) and the iterators of co_lines() /
 * co_positions(); see code_linetable.c. */
#ifndef LIBJIT_CODE_LINETABLE_H
#define LIBJIT_CODE_LINETABLE_H

#include "libobject/object.h"

extern KnTypeObject jit_line_iterator_type;
extern KnTypeObject jit_positions_iterator_type;

/* co_linetable bytes in CPython 3.11's format, from co_positions. */
KnObject *jit_code_linetable(KnObject *code);
/* co_lnotab bytes in CPython 3.10's format. */
KnObject *jit_code_lnotab(KnObject *code);
/* An iterator of `type` over the items of `list`. */
KnObject *jit_code_table_iter(KnTypeObject *type, KnObject *list);

#endif /* LIBJIT_CODE_LINETABLE_H */
