/*
 * format_spec.c — parsing the format mini-language, padding and number
 * layout, and str.__format__.  Number bodies and the int/float/complex
 * entry points are in format_spec_num.c.  See NOTES-format.md.
 */
#include <stdio.h>
#include "str_internal.h"
#include "format_spec.h"
#include "core.h"
#include "libobject/unicode.h"

#define FMT_SSIZE_MAX ((kn_ssize_t)(SIZE_MAX >> 1))

static int is_align(uint32_t c)
{
    return c == '<' || c == '>' || c == '=' || c == '^';
}

/* The format code as the messages quote it: itself when printable ASCII,
 * else \x and its hex value. */
static void code_text(uint32_t c, char *buf, size_t size)
{
    if (c > 32 && c < 128)
        snprintf(buf, size, "%c", (int)c);
    else
        snprintf(buf, size, "\\x%x", (unsigned)c);
}

KnObject *ob_fmt_unknown_code(uint32_t type, KnObject *obj)
{
    char code[16];
    code_text(type, code, sizeof code);
    return ob_err_format(ob_exc_ValueError, "Unknown format code '%s' for object of type '%s'",
                         code, KN_TNAME(obj));
}

/* Decimal digits at *pos (any Unicode decimal, as CPython accepts).
 * Returns how many were read, -1 + ValueError on overflow. */
static kn_ssize_t read_integer(KnObject *s, kn_ssize_t *pos, kn_ssize_t end, kn_ssize_t *out)
{
    kn_ssize_t acc = 0, n = 0;
    int kind = KN_STR_KIND(s);
    const void *data = KN_STR_DATA(s);
    for (; *pos < end; (*pos)++, n++) {
        uint32_t c = KN_STR_READ(kind, data, *pos);
        int d = c - '0' < 10u ? (int)(c - '0') : c < 0x80 ? -1 : ob_unicode_decimal(c);
        if (d < 0)
            break;
        if (acc > (FMT_SSIZE_MAX - d) / 10) {
            ob_err_set_string(ob_exc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        acc = acc * 10 + d;
    }
    *out = acc;
    return n;
}

static int both_separators(void)
{
    ob_err_set_string(ob_exc_ValueError, "Cannot specify both ',' and '_'.");
    return -1;
}

int ob_fmt_spec_parse(KnObject *spec, kn_ssize_t start, kn_ssize_t end, uint32_t default_type,
                      uint32_t default_align, KnObject *obj, KnFormatSpec *out)
{
    kn_ssize_t pos = start;
    int fill_given = 0, align_given = 0;
    int spec_kind = KN_STR_KIND(spec);
    const void *spec_data = KN_STR_DATA(spec);
#define AT(i) KN_STR_READ(spec_kind, spec_data, (i))
    out->fill = ' ';
    out->align = default_align;
    out->sign = 0;
    out->no_neg_0 = 0;
    out->alternate = 0;
    out->width = -1;
    out->grouping = 0;
    out->precision = -1;
    out->type = default_type;

    if (end - pos >= 2 && is_align(AT(pos + 1))) {
        out->fill = AT(pos);
        out->align = AT(pos + 1);
        fill_given = align_given = 1;
        pos += 2;
    } else if (end - pos >= 1 && is_align(AT(pos))) {
        out->align = AT(pos);
        align_given = 1;
        pos++;
    }
    if (end - pos >= 1 && (AT(pos) == '+' || AT(pos) == '-' || AT(pos) == ' '))
        out->sign = AT(pos++);
    if (end - pos >= 1 && AT(pos) == 'z') {
        out->no_neg_0 = 1;
        pos++;
    }
    if (end - pos >= 1 && AT(pos) == '#') {
        out->alternate = 1;
        pos++;
    }
    /* A leading 0 means zero padding, unless a fill was given; it implies
     * '=' alignment only for types that align right by default (numbers). */
    if (!fill_given && end - pos >= 1 && AT(pos) == '0') {
        out->fill = '0';
        if (!align_given && default_align == '>')
            out->align = '=';
        pos++;
    }
    kn_ssize_t width;
    kn_ssize_t n = read_integer(spec, &pos, end, &width);
    if (n < 0)
        return -1;
    if (n > 0)
        out->width = width;
    if (end - pos >= 1 && AT(pos) == ',') {
        out->grouping = ',';
        pos++;
    }
    if (end - pos >= 1 && AT(pos) == '_') {
        if (out->grouping)
            return both_separators();
        out->grouping = '_';
        pos++;
    }
    if (end - pos >= 1 && AT(pos) == ',' && out->grouping == '_')
        return both_separators();
    if (end - pos >= 1 && AT(pos) == '.') {
        pos++;
        kn_ssize_t prec;
        n = read_integer(spec, &pos, end, &prec);
        if (n < 0)
            return -1;
        if (n == 0) {
            ob_err_set_string(ob_exc_ValueError, "Format specifier missing precision");
            return -1;
        }
        out->precision = prec;
    }
    if (end - pos > 1) {
        KnObject *sub = ob_str_substring(spec, start, end);
        if (sub != NULL)
            ob_err_format(ob_exc_ValueError, "Invalid format specifier '%U' for object of type '%s'",
                          sub, KN_TNAME(obj));
        return -1;
    }
    if (end - pos == 1)
        out->type = AT(pos);
#undef AT
    if (out->grouping) {
        switch (out->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (out->grouping == '_')
                break;
            /* fall through */
        default: {
            char code[16];
            code_text(out->type, code, sizeof code);
            ob_err_format(ob_exc_ValueError, "Cannot specify '%c' with '%s'.", (int)out->grouping,
                          code);
            return -1;
        }
        }
    }
    return 0;
}

/* ---- output ---- */

static int put_padding(KnStrWriter *w, uint32_t fill, kn_ssize_t n)
{
    return ob_str_writer_put_repeat(w, fill, n);
}

int ob_fmt_pad_str(KnStrWriter *w, const KnFormatSpec *spec, KnObject *s, int trunc)
{
    kn_ssize_t len = ob_str_length(s);
    if (trunc && spec->precision >= 0 && spec->precision < len)
        len = spec->precision;
    kn_ssize_t pad = spec->width > len ? spec->width - len : 0, left = 0;
    if (spec->align == '>' || spec->align == '=')
        left = pad;
    else if (spec->align == '^')
        left = pad / 2;
    if (put_padding(w, spec->fill, left) < 0 || ob_str_writer_put_substr(w, s, 0, len) < 0 ||
        put_padding(w, spec->fill, pad - left) < 0)
        return -1;
    return 0;
}

/* Digits d[0..n) with a separator every `group` digits from the right,
 * zero-extended on the left to `total` digits (total >= n). */
static int put_grouped(KnStrWriter *w, const char *d, kn_ssize_t n, uint32_t sep, int group,
                       kn_ssize_t total)
{
    if (ob_str_writer_reserve(w, total + total / group, sep) < 0)
        return -1;
    for (kn_ssize_t i = 0; i < total; i++) {
        kn_ssize_t left = total - i;    /* digits from here to the end */
        char c = i < total - n ? '0' : d[i - (total - n)];
        if (ob_str_writer_put(w, (unsigned char)c) < 0)
            return -1;
        if (left > 1 && (left - 1) % group == 0 && ob_str_writer_put(w, sep) < 0)
            return -1;
    }
    return 0;
}

static kn_ssize_t grouped_len(kn_ssize_t n, int group)
{
    return n + (n - 1) / group;
}

int ob_fmt_number(KnStrWriter *w, const KnFormatSpec *spec, const char *signpfx,
                  const char *text, kn_ssize_t intlen, kn_ssize_t len, const char *suffix)
{
    kn_ssize_t npfx = (kn_ssize_t)strlen(signpfx), nsuf = (kn_ssize_t)strlen(suffix);
    int group = (spec->type == 'b' || spec->type == 'o' || spec->type == 'x' ||
                 spec->type == 'X') ? 4 : 3;
    int grouping = spec->grouping && intlen > 0;
    kn_ssize_t rest = len - intlen;
    /* Zero padding of a grouped number extends the digits (grouped too)
     * instead of padding in front; the result never starts with a
     * separator, so it may come out one longer than the width. */
    kn_ssize_t ndig = intlen;
    if (grouping && spec->fill == '0' && spec->align == '=' && spec->width > 0) {
        kn_ssize_t min_int = spec->width - npfx - rest - nsuf;
        /* the fewest digits whose grouped length reaches min_int */
        kn_ssize_t need = min_int > 0 ? min_int - (min_int - 1) / (group + 1) : 0;
        if (need > ndig)
            ndig = need;
        while (grouped_len(ndig, group) < min_int)
            ndig++;
    }
    kn_ssize_t digits = grouping ? grouped_len(ndig, group) : intlen;
    kn_ssize_t total = npfx + digits + rest + nsuf;
    kn_ssize_t pad = spec->width > total ? spec->width - total : 0, left = 0, mid = 0;
    switch (spec->align) {
    case '<': break;
    case '^': left = pad / 2; break;
    case '=': mid = pad; break;
    default: left = pad; break;
    }
    if (put_padding(w, spec->fill, left) < 0 ||
        ob_str_writer_put_ascii(w, signpfx, npfx) < 0 ||
        put_padding(w, spec->fill, mid) < 0)
        return -1;
    if (grouping) {
        if (put_grouped(w, text, intlen, spec->grouping, group, ndig) < 0)
            return -1;
    } else if (ob_str_writer_put_ascii(w, text, intlen) < 0) {
        return -1;
    }
    if (ob_str_writer_put_ascii(w, text + intlen, rest) < 0 ||
        ob_str_writer_put_ascii(w, suffix, nsuf) < 0 ||
        put_padding(w, spec->fill, pad - left - mid) < 0)
        return -1;
    return 0;
}

/* ---- str.__format__ ---- */

KnObject *ob_str_format_spec_meth(KnObject *self, KnObject *spec)
{
    if (!KN_STR_CHECK(spec))
        return ob_err_format(ob_exc_TypeError, "__format__() argument must be str, not %s",
                             KN_TNAME(spec));
    kn_ssize_t n = ob_str_length(spec);
    if (n == 0)
        return KN_STR_CHECK_EXACT(self) ? self : ob_str_substring(self, 0, ob_str_length(self));
    KnFormatSpec f;
    if (ob_fmt_spec_parse(spec, 0, n, 's', '<', self, &f) < 0)
        return NULL;
    if (f.type != 's')
        return ob_fmt_unknown_code(f.type, self);
    if (f.sign)
        return ob_err_format(ob_exc_ValueError, f.sign == ' '
                             ? "Space not allowed in string format specifier"
                             : "Sign not allowed in string format specifier");
    if (f.no_neg_0)
        return ob_err_format(ob_exc_ValueError,
                             "Negative zero coercion (z) not allowed in string format specifier");
    if (f.alternate)
        return ob_err_format(ob_exc_ValueError,
                             "Alternate form (#) not allowed in string format specifier");
    if (f.align == '=')
        return ob_err_format(ob_exc_ValueError,
                             "'=' alignment not allowed in string format specifier");
    if ((f.width < 0 || f.width <= ob_str_length(self)) &&
        (f.precision < 0 || f.precision >= ob_str_length(self)) && KN_STR_CHECK_EXACT(self))
        return self;
    KnStrWriter w;
    ob_str_writer_init(&w, f.width > 0 ? f.width : 16);
    if (ob_fmt_pad_str(&w, &f, self, 1) < 0)
        return NULL;
    return ob_str_writer_finish(&w);
}
