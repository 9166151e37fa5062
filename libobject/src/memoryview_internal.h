/* memoryview_internal.h — what memoryview*.c share.  Not a public header. */
#ifndef LIBOBJECT_MEMORYVIEW_INTERNAL_H
#define LIBOBJECT_MEMORYVIEW_INTERNAL_H
#include "libobject/libobject.h"
#include "libobject/buffer.h"
#include "libobject/memoryview.h"
#include "libgc/gc.h"

#define MV(o) ((KnMemoryViewObject *)(o))

/* ValueError "operation forbidden on released memoryview object". */
int ob_mv_check_released(KnObject *self);
/* A new view on mbuf copying src's description (shape etc. are copied into
 * the new object); its flags are recomputed. */
KnObject *ob_mv_new_from(KnManagedBufferObject *mbuf, const KnBuffer *src);
/* Recompute KN_MV_C / FORTRAN / SCALAR / PIL from the view. */
void ob_mv_init_flags(KnMemoryViewObject *mv);

/* memoryview_fmt.c: the native single-character struct formats.
 * ob_mv_native_char: the code of "X" or "@X" when X is one memoryview can
 * unpack natively, else 0; ob_mv_native_size its size. */
int ob_mv_native_char(const char *fmt);
kn_ssize_t ob_mv_native_size(int code);
KnObject *ob_mv_unpack(int code, const char *p);
/* "memoryview: invalid type / value for format 'X'" errors. */
int ob_mv_pack(int code, const char *fmtname, char *p, KnObject *v);
/* An unpacker for view's format: NotImplementedError "memoryview:
 * unsupported format X" when it is not native. */
int ob_mv_item_code(const KnBuffer *view);

/* memoryview_items.c */
KnObject *ob_mv_tolist(KnObject *self, KnObject *unused);
KnObject *ob_mv_cast(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw);
KnObject *ob_mv_subscript(KnObject *self, KnObject *key);
int ob_mv_ass_subscript(KnObject *self, KnObject *key, KnObject *value);
KnObject *ob_mv_iter(KnObject *self);
KnObject *ob_mv_richcompare(KnObject *a, KnObject *b, int op);

#endif
