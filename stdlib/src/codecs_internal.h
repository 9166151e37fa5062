/*
 * codecs_internal.h — shared by the files of the `_codecs` module
 * (codecs_module.c: registry and error handlers; codecs_funcs.c: the
 * per-encoding *_encode / *_decode functions; codecs_charmap.c).
 */
#ifndef STDLIB_CODECS_INTERNAL_H
#define STDLIB_CODECS_INTERNAL_H

#include "libgc/gc.h"
#include "libobject/libobject.h"

/* Bytes of a bytes-like argument, copied out of the buffer (the buffer
 * is released before return).  -1 with TypeError "a bytes-like object is
 * required, not 'X'". */
typedef struct CdBytes { const char *data; kn_ssize_t len; } CdBytes;
int cd_get_bytes(KnObject *o, CdBytes *out);

/* errors argument: NULL/None -> NULL (strict); str -> its UTF-8;
 * otherwise TypeError "F() argument N must be str or None, not X". */
int cd_get_errors(const char *fname, int argno, KnObject *o, const char **errors);

/* -1 with TypeError unless o is a str: "F() argument N must be str, not X". */
int cd_check_str(const char *fname, int argno, KnObject *o);

/* Positional-only argument check (no keywords). */
int cd_args(const char *fname, KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames,
            kn_ssize_t min, kn_ssize_t max);

/* (a, n) tuple. */
KnObject *cd_pair(KnObject *a, kn_ssize_t n);

/* Run the error handler `errors` (NULL: strict) for obj[start:end]: a
 * Unicode{En,De}codeError(encoding, obj, start, end, reason) is built and
 * passed to it; *rep gets the replacement (str, or bytes for encoding),
 * *newpos the position to resume at (negative counts from len; IndexError
 * when out of range). */
int cd_call_handler(const char *encoding, const char *reason, const char *errors,
                    KnTypeObject *exc_type, KnObject *obj, kn_ssize_t len, kn_ssize_t start,
                    kn_ssize_t end, KnObject **rep, kn_ssize_t *newpos);
KnObject *kn_codecs_lookup_error(const char *name);

/* ob_str_decode / ob_str_encode honouring any registered error handler
 * (codecs_handled.c). */
KnObject *cd_str_decode(const char *data, kn_ssize_t len, const char *encoding, const char *errors);
KnObject *cd_str_encode(KnObject *s, const char *encoding, const char *errors);
/* Decode all[off:off+n]; error positions and exception objects refer to
 * the whole all[0:all_len]. */
KnObject *cd_str_decode_in(const char *all, kn_ssize_t all_len, kn_ssize_t off, kn_ssize_t n,
                           const char *encoding, const char *errors);
/* 1 for NULL and the names libobject's codecs handle themselves. */
int cd_builtin_handler(const char *errors);

extern KnMethodDef cd_codec_methods[];     /* codecs_funcs.c */
extern KnMethodDef cd_charmap_methods[];   /* codecs_charmap.c */
extern KnMethodDef cd_escape_methods[];    /* codecs_escape.c */
extern KnMethodDef cd_utf7_methods[];      /* codecs_utf7.c */

#endif /* STDLIB_CODECS_INTERNAL_H */
