/*
 * str_format.c — str.format, str.format_map and the C side of the _string
 * module (formatter_parser, formatter_field_name_split).  The template
 * syntax is parsed by str_format_parse.c; values are formatted through
 * format(value, spec) (ob_format).  Messages are CPython 3.11's.
 */
#include "str_internal.h"
#include "format_spec.h"
#include "core.h"
#include "libobject/tuple.h"
#include "libobject/list.h"
#include "libobject/dict.h"

/* Positional fields: all automatic ({}) or all manual ({0}). */
enum { NUM_INIT, NUM_AUTO, NUM_MANUAL };

typedef struct FormatCtx {
    KnObject *args;         /* tuple; NULL for format_map */
    KnObject *mapping;      /* kwargs dict / format_map's mapping; may be NULL */
    int numbering;
    kn_ssize_t next_auto;
} FormatCtx;

static KnObject *lookup_key(FormatCtx *ctx, KnObject *key)
{
    if (ctx->mapping == NULL) {
        ob_err_set_object(ob_exc_KeyError, key);
        return NULL;
    }
    if (KN_DICT_CHECK_EXACT(ctx->mapping)) {
        KnObject *v = ob_dict_getitem(ctx->mapping, key);
        if (v == NULL && !ob_err_occurred())
            ob_err_set_object(ob_exc_KeyError, key);
        return v;
    }
    return ob_getitem(ctx->mapping, key);
}

static KnObject *lookup_index(FormatCtx *ctx, kn_ssize_t i)
{
    if (ctx->args == NULL) {
        ob_err_set_string(ob_exc_ValueError, "Format string contains positional fields");
        return NULL;
    }
    if (i >= KN_SIZE(ctx->args))
        return ob_err_format(ob_exc_IndexError,
                             "Replacement index %zd out of range for positional args tuple", i);
    return KN_TUPLE_GET(ctx->args, i);
}

/* The object a field name [start, end) designates. */
static KnObject *field_object(FormatCtx *ctx, KnObject *s, kn_ssize_t start, kn_ssize_t end)
{
    kn_ssize_t first_end = ob_fmt_field_first_end(s, start, end);
    kn_ssize_t index = ob_fmt_field_integer(s, start, first_end);
    if (index == -2)
        return NULL;
    int empty = start == first_end;
    if (empty || index >= 0) {
        if (ctx->numbering == NUM_INIT)
            ctx->numbering = empty ? NUM_AUTO : NUM_MANUAL;
        if (ctx->numbering == NUM_MANUAL && empty)
            return ob_err_format(ob_exc_ValueError, "cannot switch from manual field "
                                 "specification to automatic field numbering");
        if (ctx->numbering == NUM_AUTO && !empty)
            return ob_err_format(ob_exc_ValueError, "cannot switch from automatic field "
                                 "numbering to manual field specification");
        if (empty)
            index = ctx->next_auto++;
    }
    KnObject *obj;
    if (index >= 0) {
        obj = lookup_index(ctx, index);
    } else {
        KnObject *key = ob_str_substring(s, start, first_end);
        obj = key ? lookup_key(ctx, key) : NULL;
    }
    kn_ssize_t pos = first_end, ps, pe, idx;
    int is_attr, r;
    while (obj != NULL && (r = ob_fmt_field_next(s, &pos, end, &is_attr, &ps, &pe, &idx)) != 0) {
        if (r < 0)
            return NULL;
        KnObject *name = idx >= 0 ? ob_int_from_ssize(idx) : ob_str_substring(s, ps, pe);
        if (name == NULL)
            return NULL;
        obj = is_attr ? ob_getattr(obj, name) : ob_getitem(obj, name);
    }
    return obj;
}

static KnObject *convert(KnObject *obj, uint32_t conversion)
{
    switch (conversion) {
    case 'r': return ob_repr(obj);
    case 's': return ob_str(obj);
    case 'a': return ob_ascii(obj);
    }
    if (conversion > 32 && conversion < 128)
        return ob_err_format(ob_exc_ValueError, "Unknown conversion specifier %c",
                             (int)conversion);
    return ob_err_format(ob_exc_ValueError, "Unknown conversion specifier \\x%x",
                         (unsigned)conversion);
}

static int render(KnStrWriter *w, KnObject *s, kn_ssize_t start, kn_ssize_t end,
                  FormatCtx *ctx, int depth)
{
    if (depth <= 0) {
        ob_err_set_string(ob_exc_ValueError, "Max string recursion exceeded");
        return -1;
    }
    KnMarkupIter it = {s, start, end};
    KnMarkup m;
    int r;
    while ((r = ob_fmt_markup_next(&it, &m)) > 0) {
        if (ob_str_writer_put_substr(w, s, m.lit_start, m.lit_end) < 0)
            return -1;
        if (!m.field)
            continue;
        KnObject *obj = field_object(ctx, s, m.name_start, m.name_end);
        if (obj == NULL)
            return -1;
        if (m.conversion && (obj = convert(obj, m.conversion)) == NULL)
            return -1;
        KnObject *spec;
        if (m.spec_nested) {
            KnStrWriter sw;
            ob_str_writer_init(&sw, m.spec_end - m.spec_start);
            if (render(&sw, s, m.spec_start, m.spec_end, ctx, depth - 1) < 0)
                return -1;
            spec = ob_str_writer_finish(&sw);
        } else {
            spec = ob_str_substring(s, m.spec_start, m.spec_end);
        }
        KnObject *text = spec ? ob_format_fast(obj, spec) : NULL;
        if (text == NULL || ob_str_writer_put_str(w, text) < 0)
            return -1;
    }
    return r;
}

static KnObject *format_with(KnObject *self, FormatCtx *ctx)
{
    KnStrWriter w;
    kn_ssize_t n = ob_str_length(self);
    ob_str_writer_init(&w, n + 16);
    if (render(&w, self, 0, n, ctx, 2) < 0)
        return NULL;
    return ob_str_writer_finish(&w);
}

KnObject *ob_str_format_meth(KnObject *self, KnObject *args, KnObject *kwargs)
{
    FormatCtx ctx = {args, kwargs, NUM_INIT, 0};
    return format_with(self, &ctx);
}

KnObject *ob_str_format_map_meth(KnObject *self, KnObject *mapping)
{
    FormatCtx ctx = {NULL, mapping, NUM_INIT, 0};
    return format_with(self, &ctx);
}

/* ---- _string helpers ---- */

static KnObject *or_none(KnObject *s, kn_ssize_t start, kn_ssize_t end, int present)
{
    return present ? ob_str_substring(s, start, end) : KN_None;
}

KnObject *ob_str_formatter_parser(KnObject *s)
{
    if (!KN_STR_CHECK(s))
        return ob_err_format(ob_exc_TypeError, "expected str, got %s", KN_TNAME(s));
    KnObject *out = ob_list_new(0);
    if (out == NULL)
        return NULL;
    KnMarkupIter it = {s, 0, ob_str_length(s)};
    KnMarkup m;
    int r;
    while ((r = ob_fmt_markup_next(&it, &m)) > 0) {
        KnObject *lit = ob_str_substring(s, m.lit_start, m.lit_end);
        KnObject *name = or_none(s, m.name_start, m.name_end, m.field);
        KnObject *spec = or_none(s, m.spec_start, m.spec_end, m.field);
        KnObject *conv = m.field && m.conversion ? ob_str_from_char(m.conversion) : KN_None;
        KnObject *t = lit && name && spec && conv ? ob_tuple_pack(4, lit, name, spec, conv) : NULL;
        if (t == NULL || ob_list_append(out, t) < 0)
            return NULL;
    }
    return r < 0 ? NULL : out;
}

KnObject *ob_str_formatter_field_name_split(KnObject *s)
{
    if (!KN_STR_CHECK(s))
        return ob_err_format(ob_exc_TypeError, "expected str, got %s", KN_TNAME(s));
    kn_ssize_t end = ob_str_length(s), first_end = ob_fmt_field_first_end(s, 0, end);
    kn_ssize_t index = ob_fmt_field_integer(s, 0, first_end);
    if (index == -2)
        return NULL;
    KnObject *first = index >= 0 ? ob_int_from_ssize(index) : ob_str_substring(s, 0, first_end);
    KnObject *rest = ob_list_new(0);
    if (first == NULL || rest == NULL)
        return NULL;
    kn_ssize_t pos = first_end, ps, pe, idx;
    int is_attr, r;
    while ((r = ob_fmt_field_next(s, &pos, end, &is_attr, &ps, &pe, &idx)) > 0) {
        KnObject *key = idx >= 0 ? ob_int_from_ssize(idx) : ob_str_substring(s, ps, pe);
        KnObject *t = key ? ob_tuple_pack(2, KN_BOOL(is_attr), key) : NULL;
        if (t == NULL || ob_list_append(rest, t) < 0)
            return NULL;
    }
    return r < 0 ? NULL : ob_tuple_pack(2, first, rest);
}
