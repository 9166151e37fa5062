/*
 * format_spec.h — the format mini-language (format_spec*.c), shared with
 * str.format (str_format*.c) and printf-style % (str_percent.c,
 * bytes_percent.c).  Not a public header.  See NOTES-format.md.
 */
#ifndef LIBOBJECT_FORMAT_SPEC_H
#define LIBOBJECT_FORMAT_SPEC_H
#include <stdint.h>
#include "libobject/object.h"

/* [[fill]align][sign][z][#][0][width][grouping][.precision][type] */
typedef struct KnFormatSpec {
    uint32_t fill;          /* ' ' unless given (or '0' from the 0 flag) */
    uint32_t align;         /* '<' '>' '=' '^' (the caller's default if not given) */
    uint32_t sign;          /* '+' '-' ' ' or 0 when not given */
    int no_neg_0;           /* 'z' */
    int alternate;          /* '#' */
    kn_ssize_t width;       /* -1: none */
    uint32_t grouping;      /* ',' '_' or 0 */
    kn_ssize_t precision;   /* -1: none */
    uint32_t type;          /* the caller's default when not given; 0 = none */
} KnFormatSpec;

/* Parse spec[start:end] (a str).  default_type: 's' for str, 'd' for int,
 * 0 for float/complex; default_align '<' or '>'.  obj only names the type in
 * "Invalid format specifier" errors.  0 ok, -1 + ValueError. */
int ob_fmt_spec_parse(KnObject *spec, kn_ssize_t start, kn_ssize_t end, uint32_t default_type,
                      uint32_t default_align, KnObject *obj, KnFormatSpec *out);

/* ValueError "Unknown format code 'c' for object of type 'T'"; NULL. */
KnObject *ob_fmt_unknown_code(uint32_t type, KnObject *obj);

/* ---- numbers as ASCII pieces (format_spec_num.c) ---- */

/* Flags for ob_fmt_float_body. */
#define OB_FMT_ALT 1        /* '#': keep the point (and trailing zeros for g) */
#define OB_FMT_ADD_DOT_0 2  /* at least one digit after the point (str(float)) */
#define OB_FMT_NO_NEG_0 4   /* 'z': a result that rounds to zero loses its '-' */

/* |v| in text: type one of e E f F g G r (r = repr's shortest digits); the
 * caller handles '%' (multiply, then 'f') and 'n'.  text is ASCII in GC
 * memory, without sign; intlen counts its leading digit run (what grouping
 * applies to; 0 for inf/nan).  neg: a '-' must be shown.  text may point
 * into the struct itself: do not copy a KnFloatBody by value. */
typedef struct KnFloatBody {
    char *text;             /* GC memory, static, or `small` (short results) */
    kn_ssize_t len;
    kn_ssize_t intlen;
    int neg;
    char small[64];
} KnFloatBody;
int ob_fmt_float_body(double v, int type, kn_ssize_t precision, int flags, KnFloatBody *out);

/* Lay out a number: sign+prefix, digits (intlen of them grouped), the rest
 * of text, a suffix ('%' / 'j' ...), then pad to spec->width with its fill
 * and align (the '=' and zero-padding rules of format()).  Appends to w. */
struct KnStrWriter;
int ob_fmt_number(struct KnStrWriter *w, const KnFormatSpec *spec, const char *signpfx,
                  const char *text, kn_ssize_t intlen, kn_ssize_t len, const char *suffix);
/* Pad a str to spec's width/align/fill (precision truncates when trunc). */
int ob_fmt_pad_str(struct KnStrWriter *w, const KnFormatSpec *spec, KnObject *s, int trunc);

/* format() entry points for the number types (format_spec_num.c). */
KnObject *ob_fmt_int(KnObject *v, KnObject *spec);
KnObject *ob_fmt_float(double v, KnObject *spec, KnObject *obj);
KnObject *ob_fmt_complex(double re, double im, KnObject *spec, KnObject *obj);

#endif

/* ---- str.format's template syntax (str_format_parse.c) ---- */

/* One step over a template: literal text [lit_start, lit_end), then maybe a
 * replacement field {name!conv:spec}. */
typedef struct KnMarkup {
    kn_ssize_t lit_start, lit_end;
    int field;                  /* a field follows the literal */
    kn_ssize_t name_start, name_end;
    kn_ssize_t spec_start, spec_end;
    uint32_t conversion;        /* 0 when none */
    int spec_nested;            /* the spec holds {...} to expand first */
} KnMarkup;

typedef struct KnMarkupIter {
    KnObject *s;
    kn_ssize_t pos, end;
} KnMarkupIter;

/* 1: *m filled, 0: done, -1: ValueError. */
int ob_fmt_markup_next(KnMarkupIter *it, KnMarkup *m);

/* The decimal value of s[start:end] (any Unicode decimal digits): -1 when
 * empty or not all digits, -2 + ValueError when too large. */
kn_ssize_t ob_fmt_field_integer(KnObject *s, kn_ssize_t start, kn_ssize_t end);

/* Walking a field name's tail ".attr" / "[key]": 1 one part (*is_attr,
 * [*start, *end), *index (-1: not an integer)), 0 done, -1 ValueError. */
int ob_fmt_field_next(KnObject *s, kn_ssize_t *pos, kn_ssize_t end, int *is_attr,
                      kn_ssize_t *start, kn_ssize_t *stop, kn_ssize_t *index);
/* Where the first part of a field name ends (at the first '.' or '['). */
kn_ssize_t ob_fmt_field_first_end(KnObject *s, kn_ssize_t start, kn_ssize_t end);

/* ---- printf-style formatting shared by str % and bytes % (str_percent.c) ---- */

#define OB_PCT_LJUST 1      /* '-' */
#define OB_PCT_SIGN 2       /* '+' */
#define OB_PCT_BLANK 4      /* ' ' */
#define OB_PCT_ALT 8        /* '#' */
#define OB_PCT_ZERO 16      /* '0' */

/* The right operand: a tuple's items one by one, or a single value once;
 * mapping: where %(key) looks (NULL: not a mapping). */
typedef struct KnPctArgs {
    KnObject *args;
    KnObject *mapping;
    kn_ssize_t len, idx;    /* CPython's arglen/argidx: -1/-2 for one value */
} KnPctArgs;

typedef struct KnPctSpec {
    int flags;
    kn_ssize_t width;       /* -1: none */
    kn_ssize_t prec;        /* -1: none */
    uint32_t conv;
    kn_ssize_t conv_index;  /* position of the conversion character */
} KnPctSpec;

/* The template: code points (str) or bytes widened to uint32_t. */
typedef struct KnPctFormat {
    const uint32_t *f;
    kn_ssize_t n;
    int is_bytes;           /* keys are bytes; the "bytes" wording */
    KnObject *src;          /* str %: the template (keys are its slices); else NULL */
} KnPctFormat;

void ob_pct_args_init(KnPctArgs *a, KnObject *args, KnObject *mapping);
KnObject *ob_pct_next_arg(KnPctArgs *a);
/* Parse one conversion after the '%' at *pos-1 (key, flags, width,
 * precision, length modifier, conversion character).  0 / -1. */
int ob_pct_parse(const KnPctFormat *fmt, kn_ssize_t *pos, KnPctArgs *a, KnPctSpec *sp);
/* -1 + TypeError when arguments are left over. */
int ob_pct_finish(const KnPctFormat *fmt, KnPctArgs *a);
/* ValueError "unsupported format character ..."; NULL. */
KnObject *ob_pct_unsupported(const KnPctFormat *fmt, const KnPctSpec *sp);

/* The template walk shared by str % and bytes %: literal runs and "%%" go
 * through literal(w, start, end) (a slice of the template), conversions
 * through convert(w, fmt, spec, value).  0 / -1. */
typedef int (*KnPctLiteral)(void *w, kn_ssize_t start, kn_ssize_t end);
typedef int (*KnPctConvert)(void *w, const KnPctFormat *fmt, const KnPctSpec *sp, KnObject *v);
int ob_pct_run(const KnPctFormat *fmt, KnObject *args, KnObject *mapping, void *w,
               KnPctLiteral literal, KnPctConvert convert);

/* A numeric conversion (d i u o x X e E f F g G) of v as ASCII pieces:
 * sign ("", "-", "+", " "), prefix ("0x" ...), body (GC memory).
 * 0 ok, -1 error. */
typedef struct KnPctNumber {
    const char *sign, *prefix;
    char *body;             /* GC memory or `small` */
    kn_ssize_t len;
    char small[80];
} KnPctNumber;
/* is_bytes: bytes %'s wording ("%d" for %i, "float argument required"). */
int ob_pct_number(KnObject *v, const KnPctSpec *sp, int is_bytes, KnPctNumber *out);
/* Padding of a conversion of len characters: spaces before, zeros between
 * sign/prefix and body (numbers only), spaces after. */
void ob_pct_padding(const KnPctSpec *sp, kn_ssize_t len, int numeric, kn_ssize_t *before,
                    kn_ssize_t *zeros, kn_ssize_t *after);
