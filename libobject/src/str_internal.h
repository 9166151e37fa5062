/* str_internal.h — shared by the str/bytes/bytearray sources (STRINGS part).
 * Not a public header. */
#ifndef LIBOBJECT_STR_INTERNAL_H
#define LIBOBJECT_STR_INTERNAL_H
#include <string.h>
#include "libobject/object.h"
#include "libobject/str.h"
#include "libobject/bytes.h"
#include "libobject/errors.h"
#include "libobject/abstract.h"
#include "libobject/type.h"
#include "libobject/args.h"
#include "libgc/gc.h"

/* ---- str_writer.c: an adaptive-width builder for new str ----
 * Starts as 1-byte data and widens when a larger code point arrives, so the
 * result needs no second pass to find its kind.  Short results live in the
 * writer's own `small` array (no allocation until they outgrow it); longer
 * ones in atomic GC memory: an abandoned writer needs no cleanup.  A writer
 * holds a pointer into itself: never copy one by value. */
#define KN_STR_WRITER_SMALL 256
typedef struct KnStrWriter {
    void *data;
    int kind;
    kn_ssize_t len, cap;
    uint32_t maxchar;       /* >= every code point written */
    uint32_t small[KN_STR_WRITER_SMALL / 4];
} KnStrWriter;

void ob_str_writer_init(KnStrWriter *w, kn_ssize_t hint);
int ob_str_writer_reserve(KnStrWriter *w, kn_ssize_t extra, uint32_t maxchar);
int ob_str_writer_put(KnStrWriter *w, uint32_t ch);
int ob_str_writer_put_ascii(KnStrWriter *w, const char *s, kn_ssize_t n);
int ob_str_writer_put_str(KnStrWriter *w, KnObject *s);
int ob_str_writer_put_substr(KnStrWriter *w, KnObject *s, kn_ssize_t start, kn_ssize_t end);
int ob_str_writer_put_repeat(KnStrWriter *w, uint32_t ch, kn_ssize_t n);
KnObject *ob_str_writer_finish(KnStrWriter *w);

/* ---- byte builder (bytes_writer in bytes.c) ---- */
typedef struct KnBytesWriter {
    char *data;
    kn_ssize_t len, cap;
} KnBytesWriter;
void ob_bytes_writer_init(KnBytesWriter *w, kn_ssize_t hint);
int ob_bytes_writer_put(KnBytesWriter *w, const void *p, kn_ssize_t n);
int ob_bytes_writer_putc(KnBytesWriter *w, int c);
KnObject *ob_bytes_writer_finish(KnBytesWriter *w);

/* Largest code point of a kind's range, for ob_str_new. */
static inline uint32_t ob_str_kind_max(int kind)
{
    return kind == 1 ? 0xff : kind == 2 ? 0xffff : 0x10ffff;
}

/* str.c: exceptions with structured arguments */
void ob_str_raise_decode_error(const char *encoding, const char *data, kn_ssize_t len,
                               kn_ssize_t start, kn_ssize_t end, const char *reason);
void ob_str_raise_encode_error(const char *encoding, KnObject *s, kn_ssize_t start,
                               kn_ssize_t end, const char *reason);

/* str_concat.c: a growable str (shares a buffer; see NOTES-str-concat.md)
 * stands in for a compact one: sys.getsizeof reports the compact size. */
int ob_str_is_growable(KnObject *s);
/* ob_str_new for a large str: a growable one over atomic (uncleared)
 * memory.  NULL without an exception when size is beyond the classes. */
KnObject *ob_str_new_big(kn_ssize_t size, int kind, int ascii);
/* Copy s's code units to data (of kind `kind`, at least s's) at index at. */
void ob_str_copy_units(void *data, int kind, kn_ssize_t at, KnObject *s);
/* sep.join(items) for n >= 0 str items (sep NULL: no separator). */
KnObject *ob_str_join_array(KnObject *sep, KnObject *const *items, kn_ssize_t n);
/* The same over any objects when check is 1: the first non-str item is
 * the TypeError str.join raises (checked in the length pass). */
KnObject *ob_str_join_checked(KnObject *sep, KnObject *const *items, kn_ssize_t n, int check);

/* str_find.c: searching in code units of one kind. */
kn_ssize_t ob_str_find_kind(int kind, const void *hay, kn_ssize_t n,
                            const void *needle, kn_ssize_t m, int reverse);
kn_ssize_t ob_str_count_kind(int kind, const void *hay, kn_ssize_t n,
                             const void *needle, kn_ssize_t m, kn_ssize_t maxcount);
void ob_str_adjust_indices(kn_ssize_t len, kn_ssize_t *start, kn_ssize_t *end);
/* byte search (shared with bytes) */
kn_ssize_t ob_str_find_bytes(const char *hay, kn_ssize_t n, const char *needle,
                             kn_ssize_t m, int reverse);

/* str_methods.c: an index argument (clinic's Py_ssize_t converter). */
int ob_str_arg_ssize(KnObject *o, kn_ssize_t *out);

/* Methods implemented outside str_methods.c, listed in ob_str_methods. */
KnObject *ob_str_split_meth(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw);
KnObject *ob_str_rsplit_meth(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw);
KnObject *ob_str_splitlines_meth(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw);
KnObject *ob_str_strip_meth(KnObject *self, KnObject *const *args, kn_ssize_t nargs);
KnObject *ob_str_lstrip_meth(KnObject *self, KnObject *const *args, kn_ssize_t nargs);
KnObject *ob_str_rstrip_meth(KnObject *self, KnObject *const *args, kn_ssize_t nargs);
KnObject *ob_str_lower(KnObject *self, KnObject *unused);
KnObject *ob_str_upper(KnObject *self, KnObject *unused);
KnObject *ob_str_casefold(KnObject *self, KnObject *unused);
KnObject *ob_str_title(KnObject *self, KnObject *unused);
KnObject *ob_str_capitalize(KnObject *self, KnObject *unused);
KnObject *ob_str_swapcase(KnObject *self, KnObject *unused);
KnObject *ob_str_islower(KnObject *self, KnObject *unused);
KnObject *ob_str_isupper(KnObject *self, KnObject *unused);
KnObject *ob_str_istitle(KnObject *self, KnObject *unused);
KnObject *ob_str_isspace(KnObject *self, KnObject *unused);
KnObject *ob_str_isdecimal(KnObject *self, KnObject *unused);
KnObject *ob_str_isdigit(KnObject *self, KnObject *unused);
KnObject *ob_str_isnumeric(KnObject *self, KnObject *unused);
KnObject *ob_str_isalpha(KnObject *self, KnObject *unused);
KnObject *ob_str_isalnum(KnObject *self, KnObject *unused);
KnObject *ob_str_isidentifier_meth(KnObject *self, KnObject *unused);
KnObject *ob_str_isprintable(KnObject *self, KnObject *unused);
KnObject *ob_str_format_meth(KnObject *self, KnObject *args, KnObject *kwargs);
KnObject *ob_str_format_map_meth(KnObject *self, KnObject *mapping);
KnObject *ob_str_format_spec_meth(KnObject *self, KnObject *spec);

/* str_type.c / str_methods.c */
extern KnMethodDef ob_str_methods[];
extern KnTypeObject ob_striter_type;
extern KnTypeObject ob_str_ascii_iter_type;

/* A compact ASCII str of n (> 0, small: under a page) characters, left
 * for the caller to fill (the NUL after them is set); NULL with
 * MemoryError. */
#define OB_STR_SHORT_MAX 64
KnObject *ob_str_new_ascii_short(kn_ssize_t n);

/* A compact str's header on fresh zeroed memory from
 * kgc_alloc_object_head (str.c's ob_str_new, str_concat.c's short path). */
static inline void ob_str_init_compact(KnASCIIObject *o, kn_ssize_t size, int kind, int ascii)
{
    o->ob_base.ob_type = &ob_str_type;
    o->length = size;
    o->hash = -1;
    o->state.interned = KN_SSTATE_NOT_INTERNED;
    o->state.kind = (unsigned)kind;
    o->state.compact = 1;
    o->state.ascii = (unsigned)ascii;
    o->state.ready = 1;
}

#endif
