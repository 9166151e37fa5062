/* libjit/src/marshal.h — the marshal format's writer and reader state,
 * shared by marshal.c (values, the module) and marshal_code.c (Kiln's
 * code-object record).  Format: NOTES-marshal.md. */
#ifndef LIBJIT_MARSHAL_H
#define LIBJIT_MARSHAL_H

#include <stdint.h>
#include "libobject/libobject.h"

#define MARSHAL_VERSION 4
#define MARSHAL_FLAG_REF 0x80
#define MARSHAL_MAX_DEPTH 2000

typedef struct mw_state {
    char *buf;
    kn_ssize_t len, cap;
    int version;
    int depth;
    KnObject *refs;          /* dict id(obj) -> index; NULL below version 3 */
    KnObject *counts;        /* dict id(obj) -> times seen in the value */
} mw_state;

typedef struct mr_state {
    const unsigned char *p, *end;
    int depth;
    KnObject *refs;          /* list of the objects flagged so far */
} mr_state;

int mw_byte(mw_state *w, int c);
int mw_bytes(mw_state *w, const void *data, kn_ssize_t n);
int mw_int32(mw_state *w, int32_t v);
int mw_object(mw_state *w, KnObject *v);

int mr_byte(mr_state *r);                 /* -1 with EOFError set */
int mr_int32(mr_state *r, int32_t *out);
const unsigned char *mr_take(mr_state *r, kn_ssize_t n);
KnObject *mr_object(mr_state *r);
KnObject *mr_bad(void);                   /* ValueError "bad marshal data (...)" */

/* Kiln's code record (marshal_code.c), after the 'c' type byte. */
int mw_code(mw_state *w, KnObject *co);
KnObject *mr_code(mr_state *r, kn_ssize_t ref_index);

/* For import.c: bytes <-> object, as marshal.dumps / marshal.loads. */
KnObject *jit_marshal_dumps(KnObject *v, int version);
KnObject *jit_marshal_loads(const char *data, kn_ssize_t len);
KnObject *kn_init_marshal(void);

#endif /* LIBJIT_MARSHAL_H */
