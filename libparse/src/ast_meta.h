#ifndef LIBPARSE_AST_META_H
#define LIBPARSE_AST_META_H

/* Field tables describing ast.h's structs, generated into ast_gen.c.
 * Generic code (the dumper) walks a tree with them instead of knowing every
 * node: ps_meta_types[id] describes family `id`; a field records where it
 * sits in its struct, its type id and its shape.  Type ids >= 0 index
 * ps_meta_types; leaves use the negative PS_T_* codes. */

#include <stddef.h>

#include "libparse/ast.h"

enum {
    PS_T_IDENTIFIER = -1,
    PS_T_STRING = -2,
    PS_T_INT = -3,
    PS_T_CONSTANT = -4,
};

typedef enum { PS_SHAPE_ONE, PS_SHAPE_OPT, PS_SHAPE_SEQ } ps_meta_shape;
typedef enum { PS_META_ENUM, PS_META_SUM, PS_META_PRODUCT } ps_meta_kind;

typedef struct ps_meta_field {
    const char *name;
    ps_meta_shape shape;
    int type;
    size_t offset;
} ps_meta_field;

typedef struct ps_meta_alt {
    const char *name;
    const ps_meta_field *fields;
    int nfields;
} ps_meta_alt;

typedef struct ps_meta_type {
    const char *name;
    ps_meta_kind kind;
    int nalts;              /* alternative k (kind value k) is alts[k - 1] */
    const ps_meta_alt *alts;
    long pos_offset;        /* offset of lineno..end_col_offset, or -1 */
} ps_meta_type;

extern const ps_meta_type ps_meta_types[];
extern const int ps_meta_ntypes;
extern const int ps_meta_id_mod, ps_meta_id_stmt, ps_meta_id_expr,
    ps_meta_id_pattern;

/* Shared by the generated ps_<type>_seq_new functions (ast.c). */
void *ps_ast_seq_alloc_(ps_arena *arena, ptrdiff_t len, size_t item_size);

#endif
