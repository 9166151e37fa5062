/* libobject/str.h — str (src/str*.c), PEP 393 layouts of CPython 3.11.
 *
 * A str is one of (see NOTES-str.md):
 *   compact ASCII    KnASCIIObject, 1-byte data inline after the struct
 *   compact          KnCompactUnicodeObject, 1/2/4-byte data inline
 *   legacy (ready)   KnUnicodeObject, data in a separate block (str
 *                    subclass instances, some C-API paths, and long
 *                    concatenation results sharing a growable buffer:
 *                    NOTES-str-concat.md; read their data only up to length)
 * Inline data is NUL-terminated (one extra code unit).  Kiln creates exact
 * str compact (or growable), and always in the narrowest kind: a
 * 2-byte str contains at least one code point > 0xFF, and so on.  Code that
 * compares kinds relies on that canonical form.
 * Layouts are CPython's (48 / 72 / 80 bytes); tests/test_str.c asserts them. */
#ifndef LIBOBJECT_STR_H
#define LIBOBJECT_STR_H
#include <stdarg.h>
#include <stddef.h>
#include <wchar.h>
#include "libobject/object.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct KnASCIIObject {
    KN_OBJECT_HEAD;
    kn_ssize_t length;          /* code points */
    kn_hash_t hash;             /* -1 until computed */
    struct {
        unsigned int interned:2;    /* KN_SSTATE_* */
        unsigned int kind:3;        /* KN_STR_1BYTE_KIND ... (0: wchar, legacy) */
        unsigned int compact:1;     /* data inline after the struct */
        unsigned int ascii:1;       /* all < 0x80 (kind 1) */
        unsigned int ready:1;       /* always 1 for Kiln-made strings */
        unsigned int :24;
    } state;
    wchar_t *wstr;              /* unused by Kiln: NULL (C-API may fill it) */
} KnASCIIObject;

typedef struct KnCompactUnicodeObject {
    KnASCIIObject _base;
    kn_ssize_t utf8_length;     /* bytes, without the NUL; 0 while utf8 NULL */
    char *utf8;                 /* cached UTF-8 (separate atomic block) */
    kn_ssize_t wstr_length;
} KnCompactUnicodeObject;

typedef struct KnUnicodeObject {
    KnCompactUnicodeObject _base;
    union {
        void *any;
        uint8_t *latin1;
        uint16_t *ucs2;
        uint32_t *ucs4;
    } data;
} KnUnicodeObject;

#define KN_SSTATE_NOT_INTERNED 0
#define KN_SSTATE_INTERNED_MORTAL 1
#define KN_SSTATE_INTERNED_IMMORTAL 2

#define KN_STR_1BYTE_KIND 1
#define KN_STR_2BYTE_KIND 2
#define KN_STR_4BYTE_KIND 4

extern KnTypeObject ob_str_type;
#define KN_STR_CHECK(o) KN_FAST_SUBCLASS(o, KN_TPFLAGS_UNICODE_SUBCLASS)
#define KN_STR_CHECK_EXACT(o) (KN_TYPE(o) == &ob_str_type)

#define KN_STR_ASCII(o) ((KnASCIIObject *)(o))
#define KN_STR_LEN(o) (KN_STR_ASCII(o)->length)
#define KN_STR_KIND(o) ((int)KN_STR_ASCII(o)->state.kind)
#define KN_STR_IS_ASCII(o) (KN_STR_ASCII(o)->state.ascii)
#define KN_STR_IS_COMPACT(o) (KN_STR_ASCII(o)->state.compact)
#define KN_STR_DATA(o)                                                     \
    (KN_STR_IS_COMPACT(o)                                                  \
         ? (KN_STR_IS_ASCII(o) ? (void *)(KN_STR_ASCII(o) + 1)             \
                               : (void *)((KnCompactUnicodeObject *)(o) + 1)) \
         : ((KnUnicodeObject *)(o))->data.any)
/* Code point i of data of the given kind. */
#define KN_STR_READ(kind, data, i)                                         \
    ((kind) == KN_STR_1BYTE_KIND ? (uint32_t)((const uint8_t *)(data))[i]  \
     : (kind) == KN_STR_2BYTE_KIND ? (uint32_t)((const uint16_t *)(data))[i] \
                                   : ((const uint32_t *)(data))[i])
#define KN_STR_WRITE(kind, data, i, c)                                     \
    do {                                                                   \
        if ((kind) == KN_STR_1BYTE_KIND) ((uint8_t *)(data))[i] = (uint8_t)(c); \
        else if ((kind) == KN_STR_2BYTE_KIND) ((uint16_t *)(data))[i] = (uint16_t)(c); \
        else ((uint32_t *)(data))[i] = (uint32_t)(c);                      \
    } while (0)

/* ---- creation (str.c) ---- */
/* A fresh compact str of `size` code points able to hold `maxchar`; the
 * data is uninitialised (the NUL after it is set).  Fill it before use. */
KnObject *ob_str_new(kn_ssize_t size, uint32_t maxchar);
/* New str from UTF-8 (strict: UnicodeDecodeError on bad input). */
KnObject *ob_str_from_utf8(const char *s, kn_ssize_t len);
KnObject *ob_str_from_cstr(const char *s);
KnObject *ob_str_from_latin1(const char *s, kn_ssize_t len);
/* From code units of a kind (1, 2 or 4); narrows to the canonical kind. */
KnObject *ob_str_from_kind_data(int kind, const void *data, kn_ssize_t len);
KnObject *ob_str_from_codepoints(const uint32_t *cps, kn_ssize_t n);
KnObject *ob_str_from_char(uint32_t ch);         /* chr(ch); cached for < 256 */
KnObject *ob_str_empty(void);                    /* the '' singleton */
KnObject *ob_str_substring(KnObject *s, kn_ssize_t start, kn_ssize_t end);
/* Interned str for a C identifier (cached; the usual way to make names). */
KnObject *ob_str_intern_cstr(const char *s);
KnObject *ob_str_intern(KnObject *s);            /* interned equal str */
/* CPython's PyUnicode_FromFormat / FromFormatV (str_fmt.c). */
KnObject *ob_str_from_format(const char *fmt, ...);
KnObject *ob_str_from_formatv(const char *fmt, va_list ap);

/* ---- access (str.c) ---- */
/* UTF-8 view (cached in the object, NUL-terminated); NULL + UnicodeEncodeError
 * for lone surrogates. */
const char *ob_str_as_utf8(KnObject *s, kn_ssize_t *len);
kn_ssize_t ob_str_length(KnObject *s);           /* in code points */
uint32_t ob_str_read_char(KnObject *s, kn_ssize_t i);
uint32_t ob_str_max_char(KnObject *s);           /* bound of its kind: 0x7f, 0xff, 0xffff, 0x10ffff */
/* Copy code points [start, start+n) into a 4-byte buffer. */
void ob_str_copy_ucs4(KnObject *s, kn_ssize_t start, kn_ssize_t n, uint32_t *out);

/* ---- comparison, hashing, concatenation (str.c) ---- */
int ob_str_equal(KnObject *a, KnObject *b);      /* both exact-or-sub str; no error */
int ob_str_equal_cstr(KnObject *a, const char *s);
int ob_str_compare(KnObject *a, KnObject *b);    /* <0, 0, >0 by code points */
kn_hash_t ob_str_hash(KnObject *s);              /* cached in s->hash */
KnObject *ob_str_concat(KnObject *a, KnObject *b);
KnObject *ob_str_join(KnObject *sep, KnObject *iterable);
KnObject *ob_str_repr(KnObject *s);              /* repr(s) */
/* ascii(s): repr with every non-ASCII code point escaped. */
KnObject *ob_str_ascii_repr(KnObject *s);

/* ---- str_type.c, str_find.c, str_mod.c ---- */
KnObject *ob_str_repeat(KnObject *s, kn_ssize_t n);           /* s * n */
/* Index of sub in s[start:end] (clamped like slices), -1 when absent,
 * -2 with MemoryError set when sub could not be widened to s's kind;
 * reverse: last occurrence. */
kn_ssize_t ob_str_find(KnObject *s, KnObject *sub, kn_ssize_t start, kn_ssize_t end,
                       int reverse);
kn_ssize_t ob_str_count(KnObject *s, KnObject *sub, kn_ssize_t start, kn_ssize_t end);
KnObject *ob_str_replace(KnObject *s, KnObject *old, KnObject *new_, kn_ssize_t count);
KnObject *ob_str_mod_format(KnObject *fmt, KnObject *args);   /* fmt % args */
int ob_str_isidentifier(KnObject *s);                         /* str_case.c */

/* ---- codecs (str_codecs.c) ---- */
/* Decode/encode through the built-in C codecs: utf-8 (utf8, u8), ascii,
 * latin-1 (latin1, iso-8859-1, l1), utf-16[-le|-be], utf-32[-le|-be].
 * errors: NULL/"strict", "ignore", "replace", "surrogateescape",
 * "surrogatepass", "backslashreplace" (encode: also "xmlcharrefreplace").
 * Other encodings: LookupError "unknown encoding: x" (for now). */
KnObject *ob_str_decode(const char *data, kn_ssize_t len, const char *encoding,
                        const char *errors);
KnObject *ob_str_encode(KnObject *s, const char *encoding, const char *errors);
KnObject *ob_str_decode_utf8(const char *s, kn_ssize_t len, const char *errors);
KnObject *ob_str_encode_utf8(KnObject *s, const char *errors);   /* -> bytes */

/* ---- ob-format: the C side of the _string module (str_format.c) ----
 * formatter_parser(s): a list of (literal, field_name, format_spec,
 * conversion) tuples (None for the last three after plain text);
 * formatter_field_name_split(name): (first, [(is_attr, key), ...]), first
 * and keys being ints when all digits.  CPython returns iterators and
 * raises a bad field name's error lazily; wrap the lists with iter(). */
KnObject *ob_str_formatter_parser(KnObject *s);
KnObject *ob_str_formatter_field_name_split(KnObject *s);

/* ---- stdlib-codecs: codec registry hooks (src/codec_hooks.c) ----
 * Set by the `_codecs` module at initialisation.  For an encoding or an
 * error-handler name the built-in C codecs do not know, ob_str_decode /
 * ob_str_encode should call these (when non-NULL) instead of raising
 * LookupError: they look the codec up in the registry (or use the
 * registered handler with libobject's codec) and return what
 * bytes.decode / str.encode return — a str, resp. a bytes — or NULL with
 * the exception set ("unknown encoding: x", "'x' decoder returned 'int'
 * instead of 'str'; use codecs.decode() to decode to arbitrary types",
 * "unknown error handler name 'y'", ...). */
typedef struct KnCodecHooks {
    KnObject *(*decode)(const char *data, kn_ssize_t len, const char *encoding,
                        const char *errors);
    KnObject *(*encode)(KnObject *s, const char *encoding, const char *errors);
} KnCodecHooks;
extern KnCodecHooks ob_codec_hooks;

/* ---- strings-perf (str_concat.c) ---- */
/* items[0] + ... + items[n-1], every item a str (exact or subclass): one
 * allocation (BUILD_STRING). */
KnObject *ob_str_concat_array(KnObject *const *items, kn_ssize_t n);
/* format(v, spec) (spec a str, or NULL for ''): exact int/float/str are
 * formatted directly, anything else through ob_format. */
KnObject *ob_format_fast(KnObject *v, KnObject *spec);
/* bin/oct/hex of an int v (exact int or subclass; its __format__ is not
 * used): base 2, 8 or 16, with the 0b/0o/0x prefix (int_format.c). */
KnObject *ob_int_to_base_str(KnObject *v, int base);

#ifdef __cplusplus
}
#endif
#endif
