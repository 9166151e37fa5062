/*
 * str_format_parse.c — the template syntax of str.format: literal text with
 * {{ and }} escapes, replacement fields {name!conv:spec} and field names
 * (first part, then .attr / [key] parts).  Used by str.format/format_map
 * (str_format.c) and the _string helpers.  Messages are CPython 3.11's.
 */
#include "str_internal.h"
#include "format_spec.h"
#include "libobject/unicode.h"

#define AT(i) ob_str_read_char(s, (i))
#define FMT_SSIZE_MAX ((kn_ssize_t)(SIZE_MAX >> 1))

static int fail(const char *msg)
{
    ob_err_set_string(ob_exc_ValueError, msg);
    return -1;
}

/* The field after a '{' at *pos: name, optional !c, optional :spec, up to
 * the matching '}' (consumed). */
static int parse_field(KnObject *s, kn_ssize_t *pos, kn_ssize_t end, KnMarkup *m)
{
    kn_ssize_t p = *pos;
    uint32_t c = 0;
    m->name_start = p;
    m->conversion = 0;
    m->spec_start = m->spec_end = p;
    m->spec_nested = 0;
    while (p < end) {
        c = AT(p++);
        if (c == '{')
            return fail("unexpected '{' in field name");
        if (c == '[') {
            while (p < end && AT(p) != ']')
                p++;
            continue;
        }
        if (c == '}' || c == ':' || c == '!')
            break;
    }
    m->name_end = p - 1;
    if (c != '!' && c != ':') {
        if (c != '}')
            return fail("expected '}' before end of string");
        *pos = p;
        return 0;
    }
    if (p >= end && c == '!')
        return fail("end of string while looking for conversion specifier");
    if (c == '!') {
        m->conversion = AT(p++);
        if (p < end) {
            c = AT(p++);
            if (c == '}') {
                m->spec_start = m->spec_end = p - 1;
                *pos = p;
                return 0;
            }
            if (c != ':')
                return fail("expected ':' after conversion specifier");
        }
    }
    /* The spec runs to the '}' that balances the field's '{'. */
    m->spec_start = p;
    int depth = 1;
    while (p < end) {
        c = AT(p++);
        if (c == '{') {
            m->spec_nested = 1;
            depth++;
        } else if (c == '}' && --depth == 0) {
            m->spec_end = p - 1;
            *pos = p;
            return 0;
        }
    }
    return fail("unmatched '{' in format spec");
}

int ob_fmt_markup_next(KnMarkupIter *it, KnMarkup *m)
{
    KnObject *s = it->s;
    kn_ssize_t end = it->end, p = it->pos;
    if (p >= end)
        return 0;
    m->lit_start = p;
    m->field = 0;
    uint32_t c = 0;
    int brace = 0;
    while (p < end) {
        c = AT(p++);
        if (c == '{' || c == '}') {
            brace = 1;
            break;
        }
    }
    int at_end = p >= end;
    if (c == '}' && brace && (at_end || AT(p) != '}'))
        return fail("Single '}' encountered in format string");
    if (c == '{' && brace && at_end)
        return fail("Single '{' encountered in format string");
    m->lit_end = p;
    if (brace) {
        if (AT(p) == c) {       /* {{ or }}: the literal keeps one brace */
            p++;
        } else {
            m->lit_end = p - 1;
            m->field = 1;
            if (parse_field(s, &p, end, m) < 0)
                return -1;
        }
    }
    it->pos = p;
    return 1;
}

kn_ssize_t ob_fmt_field_integer(KnObject *s, kn_ssize_t start, kn_ssize_t end)
{
    if (start >= end)
        return -1;
    kn_ssize_t acc = 0;
    for (kn_ssize_t i = start; i < end; i++) {
        int d = ob_unicode_decimal(AT(i));
        if (d < 0)
            return -1;
        if (acc > (FMT_SSIZE_MAX - d) / 10) {
            fail("Too many decimal digits in format string");
            return -2;
        }
        acc = acc * 10 + d;
    }
    return acc;
}

kn_ssize_t ob_fmt_field_first_end(KnObject *s, kn_ssize_t start, kn_ssize_t end)
{
    while (start < end && AT(start) != '.' && AT(start) != '[')
        start++;
    return start;
}

int ob_fmt_field_next(KnObject *s, kn_ssize_t *pos, kn_ssize_t end, int *is_attr,
                      kn_ssize_t *start, kn_ssize_t *stop, kn_ssize_t *index)
{
    kn_ssize_t p = *pos;
    if (p >= end)
        return 0;
    uint32_t c = AT(p++);
    *index = -1;
    if (c == '.') {
        *is_attr = 1;
        *start = p;
        while (p < end && AT(p) != '.' && AT(p) != '[')
            p++;
        *stop = p;
    } else if (c == '[') {
        *is_attr = 0;
        *start = p;
        while (p < end && AT(p) != ']')
            p++;
        if (p >= end)
            return fail("Missing ']' in format string");
        *stop = p++;
        *index = ob_fmt_field_integer(s, *start, *stop);
        if (*index == -2)
            return -1;
    } else {
        return fail("Only '.' or '[' may follow ']' in format field specifier");
    }
    if (*start == *stop)
        return fail("Empty attribute in format string");
    *pos = p;
    return 1;
}
