/* libobject/str.h — str (src/str*.c), PEP 393 layouts of CPython 3.11.
 * The struct definitions (KnASCIIObject, KnCompactUnicodeObject,
 * KnUnicodeObject with the state bits) live here; see NOTES-str.md. */
#ifndef LIBOBJECT_STR_H
#define LIBOBJECT_STR_H
#include <stdarg.h>
#include "libobject/object.h"

extern KnTypeObject ob_str_type;
#define KN_STR_CHECK(o) KN_FAST_SUBCLASS(o, KN_TPFLAGS_UNICODE_SUBCLASS)
#define KN_STR_CHECK_EXACT(o) (KN_TYPE(o) == &ob_str_type)

/* New str from UTF-8 (strict: UnicodeDecodeError on bad input). */
KnObject *ob_str_from_utf8(const char *s, kn_ssize_t len);
KnObject *ob_str_from_cstr(const char *s);
/* Interned str for a C identifier (cached; the usual way to make names). */
KnObject *ob_str_intern_cstr(const char *s);
KnObject *ob_str_intern(KnObject *s);            /* interned equal str */
/* CPython's PyUnicode_FromFormat / FromFormatV. */
KnObject *ob_str_from_format(const char *fmt, ...);
KnObject *ob_str_from_formatv(const char *fmt, va_list ap);
/* UTF-8 view (cached in the object, NUL-terminated); NULL + UnicodeEncodeError
 * for lone surrogates. */
const char *ob_str_as_utf8(KnObject *s, kn_ssize_t *len);
kn_ssize_t ob_str_length(KnObject *s);           /* in code points */
uint32_t ob_str_read_char(KnObject *s, kn_ssize_t i);
KnObject *ob_str_from_codepoints(const uint32_t *cps, kn_ssize_t n);
KnObject *ob_str_concat(KnObject *a, KnObject *b);
int ob_str_equal(KnObject *a, KnObject *b);      /* both exact-or-sub str; no error */
int ob_str_equal_cstr(KnObject *a, const char *s);
int ob_str_compare(KnObject *a, KnObject *b);    /* <0, 0, >0 by code points */
KnObject *ob_str_join(KnObject *sep, KnObject *iterable);

#endif
