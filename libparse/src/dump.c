/* dump.c — ps_dump_*: the text of ast.dump(), computed from libparse's tree.
 *
 * The walk is generic: the field tables generated from ast.def (ast_meta.h)
 * say, for every node, its Python class name and where each field sits.  The
 * rules reproduced from CPython 3.11's ast.dump:
 *   - every field is printed as name=value, in declaration order;
 *   - an absent optional field (`?` in ast.def, NULL here) is left out;
 *     a sequence is always printed, `[]` when empty; a NULL item in a
 *     sequence prints as None;
 *   - with attributes, lineno, col_offset, end_lineno, end_col_offset follow
 *     the fields of nodes that have them;
 *   - enum values print as a call with no arguments: Load(), Add();
 *   - identifiers, strings and constants print as Python's repr().
 * Everything about repr() (float formatting, quote choice, escapes) is in the
 * second half of this file. */
#include "libparse/dump.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast_meta.h"
#include "printable.h"

/* ---- output buffer ---------------------------------------------------- */

typedef struct dump_buf {
    char *data;
    size_t len, cap;
    int failed;  /* an allocation failed: the result is dropped */
} dump_buf;

static void buf_reserve(dump_buf *b, size_t extra)
{
    if (b->failed || b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p) {
        b->failed = 1;
        return;
    }
    b->data = p;
    b->cap = cap;
}

static void buf_put(dump_buf *b, const char *s, size_t n)
{
    buf_reserve(b, n);
    if (b->failed)
        return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
}

static void buf_puts(dump_buf *b, const char *s)
{
    buf_put(b, s, strlen(s));
}

static void buf_putc(dump_buf *b, char c)
{
    buf_put(b, &c, 1);
}

static void buf_int(dump_buf *b, long v)
{
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, "%ld", v);
    buf_put(b, tmp, (size_t)n);
}

static char *buf_finish(dump_buf *b, size_t *len)
{
    buf_reserve(b, 0);
    if (b->failed) {
        free(b->data);
        return NULL;
    }
    b->data[b->len] = '\0';
    if (len)
        *len = b->len;
    return b->data;
}

/* ---- repr ------------------------------------------------------------- */

/* Python's float repr ('r' format): the shortest digit string that reads back
 * as the same double, written positionally when the decimal point falls in
 * -4 < decpt <= 16 and in exponent form otherwise (1e+16, 1e-05: at least two
 * exponent digits).  `dot0` adds ".0" to integral positional values, as
 * float.__repr__ does and complex.__repr__ does not. */
static void repr_double(dump_buf *b, double v, int dot0)
{
    if (isinf(v)) {
        buf_puts(b, v < 0 ? "-inf" : "inf");
        return;
    }
    if (isnan(v)) {
        buf_puts(b, "nan");
        return;
    }
    char tmp[40];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*e", prec - 1, v);
        if (strtod(tmp, NULL) == v)
            break;
    }
    /* tmp is [-]D[.DDD]e[+-]XX: collect the digits and the exponent. */
    const char *p = tmp;
    if (*p == '-') {
        buf_putc(b, '-');
        p++;
    }
    char digits[24];
    int nd = 0;
    for (; *p != 'e'; p++)
        if (*p != '.')
            digits[nd++] = *p;
    int exp10 = atoi(p + 1);
    while (nd > 1 && digits[nd - 1] == '0')
        nd--;
    int decpt = exp10 + 1;  /* digits[0..decpt) come before the point */
    if (decpt > -4 && decpt <= 16) {
        if (decpt <= 0) {
            buf_puts(b, "0.");
            for (int i = decpt; i < 0; i++)
                buf_putc(b, '0');
            buf_put(b, digits, (size_t)nd);
        } else if (decpt >= nd) {
            buf_put(b, digits, (size_t)nd);
            for (int i = nd; i < decpt; i++)
                buf_putc(b, '0');
            if (dot0)
                buf_puts(b, ".0");
        } else {
            buf_put(b, digits, (size_t)decpt);
            buf_putc(b, '.');
            buf_put(b, digits + decpt, (size_t)(nd - decpt));
        }
        return;
    }
    buf_putc(b, digits[0]);
    if (nd > 1) {
        buf_putc(b, '.');
        buf_put(b, digits + 1, (size_t)(nd - 1));
    }
    char e[16];
    int n = snprintf(e, sizeof e, "e%c%02d", exp10 < 0 ? '-' : '+', abs(exp10));
    buf_put(b, e, (size_t)n);
}

/* Decodes one code point of libparse's generalized UTF-8 (surrogates allowed)
 * at s[*i], advancing *i.  A malformed byte comes back as itself, 0x80..0xFF,
 * so nothing is ever lost (it cannot happen with tokenizer output). */
static uint32_t utf8_next(const unsigned char *s, size_t n, size_t *i)
{
    unsigned c = s[*i];
    int extra;
    if (c < 0x80)
        extra = 0;
    else if (c >= 0xC0 && c < 0xE0)
        extra = 1;
    else if (c >= 0xE0 && c < 0xF0)
        extra = 2;
    else if (c >= 0xF0 && c < 0xF8)
        extra = 3;
    else
        extra = -1;
    if (extra <= 0 || *i + (size_t)extra >= n) {
        (*i)++;
        return c;
    }
    uint32_t cp = c & (0x3Fu >> extra);
    for (int k = 1; k <= extra; k++) {
        unsigned cc = s[*i + (size_t)k];
        if ((cc & 0xC0) != 0x80) {
            (*i)++;
            return c;
        }
        cp = (cp << 6) | (cc & 0x3F);
    }
    *i += (size_t)extra + 1;
    return cp;
}

/* Python's quote choice: single quotes unless the text holds a ' and no ". */
static char repr_quote(const char *s, size_t n)
{
    return memchr(s, '\'', n) && !memchr(s, '"', n) ? '"' : '\'';
}

static void repr_str(dump_buf *b, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    char q = repr_quote(s, n);
    char tmp[16];
    buf_putc(b, q);
    for (size_t i = 0; i < n;) {
        size_t at = i;
        uint32_t cp = utf8_next(u, n, &i);
        if (cp == (uint32_t)q || cp == '\\') {
            buf_putc(b, '\\');
            buf_putc(b, (char)cp);
        } else if (cp == '\t') {
            buf_puts(b, "\\t");
        } else if (cp == '\n') {
            buf_puts(b, "\\n");
        } else if (cp == '\r') {
            buf_puts(b, "\\r");
        } else if (cp < 0x20 || cp == 0x7F) {
            snprintf(tmp, sizeof tmp, "\\x%02x", (unsigned)cp);
            buf_puts(b, tmp);
        } else if (cp < 0x7F) {
            buf_putc(b, (char)cp);
        } else if (ps_printable(cp) && i - at > 1) {
            buf_put(b, s + at, i - at);  /* printable: the UTF-8 as it stands */
        } else {
            if (cp <= 0xFF)
                snprintf(tmp, sizeof tmp, "\\x%02x", (unsigned)cp);
            else if (cp <= 0xFFFF)
                snprintf(tmp, sizeof tmp, "\\u%04x", (unsigned)cp);
            else
                snprintf(tmp, sizeof tmp, "\\U%08x", (unsigned)cp);
            buf_puts(b, tmp);
        }
    }
    buf_putc(b, q);
}

static void repr_bytes(dump_buf *b, const char *s, size_t n)
{
    char q = repr_quote(s, n);
    char tmp[8];
    buf_putc(b, 'b');
    buf_putc(b, q);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == (unsigned char)q || c == '\\') {
            buf_putc(b, '\\');
            buf_putc(b, (char)c);
        } else if (c == '\t') {
            buf_puts(b, "\\t");
        } else if (c == '\n') {
            buf_puts(b, "\\n");
        } else if (c == '\r') {
            buf_puts(b, "\\r");
        } else if (c < 0x20 || c >= 0x7F) {
            snprintf(tmp, sizeof tmp, "\\x%02x", c);
            buf_puts(b, tmp);
        } else {
            buf_putc(b, (char)c);
        }
    }
    buf_putc(b, q);
}

static void repr_constant(dump_buf *b, const ps_constant *c)
{
    switch (c->kind) {
    case PS_CONST_NONE: buf_puts(b, "None"); break;
    case PS_CONST_TRUE: buf_puts(b, "True"); break;
    case PS_CONST_FALSE: buf_puts(b, "False"); break;
    case PS_CONST_ELLIPSIS: buf_puts(b, "Ellipsis"); break;
    case PS_CONST_INT: buf_puts(b, c->u.i.digits ? c->u.i.digits : "0"); break;
    case PS_CONST_FLOAT: repr_double(b, c->u.f, 1); break;
    case PS_CONST_COMPLEX:
        /* complex(0, y) with a +0.0 real part reprs as just `<y>j`. */
        repr_double(b, c->u.f, 0);
        buf_putc(b, 'j');
        break;
    case PS_CONST_STR: repr_str(b, c->u.s.data, c->u.s.len); break;
    case PS_CONST_BYTES: repr_bytes(b, c->u.s.data, c->u.s.len); break;
    case PS_CONST_OBJECT: buf_puts(b, "<object>"); break;  /* opaque to libparse */
    default: buf_puts(b, "None"); break;  /* zero-filled: never built */
    }
}

/* ---- the tree walk ---------------------------------------------------- */

static void dump_node(dump_buf *b, int type, const void *node, int flags);

/* One value of a field or sequence item, of leaf or family `type`. */
static void dump_value(dump_buf *b, int type, const void *addr, int flags)
{
    switch (type) {
    case PS_T_IDENTIFIER:
    case PS_T_STRING: {
        const char *s = *(const char *const *)addr;
        if (s)
            repr_str(b, s, strlen(s));
        else
            buf_puts(b, "None");
        return;
    }
    case PS_T_INT:
        buf_int(b, *(const int *)addr);
        return;
    case PS_T_CONSTANT:
        repr_constant(b, (const ps_constant *)addr);
        return;
    }
    const ps_meta_type *t = &ps_meta_types[type];
    if (t->kind == PS_META_ENUM) {
        int v = *(const int *)addr;
        buf_puts(b, v >= 1 && v <= t->nalts ? t->alts[v - 1].name : "?");
        buf_puts(b, "()");
        return;
    }
    dump_node(b, type, *(const void *const *)addr, flags);
}

/* Size of one sequence item of `type` (pointers, ints and enums). */
static size_t item_size(int type)
{
    if (type == PS_T_INT)
        return sizeof(int);
    if (type >= 0 && ps_meta_types[type].kind == PS_META_ENUM)
        return sizeof(ps_cmpop);
    return sizeof(void *);
}

static void dump_node(dump_buf *b, int type, const void *node, int flags)
{
    if (!node) {
        buf_puts(b, "None");
        return;
    }
    const ps_meta_type *t = &ps_meta_types[type];
    const ps_meta_alt *alt = &t->alts[0];
    if (t->kind == PS_META_SUM) {
        int kind = *(const int *)node;
        if (kind < 1 || kind > t->nalts) {
            buf_puts(b, "?");
            return;
        }
        alt = &t->alts[kind - 1];
    }
    const char *base = node;
    const char *sep = "";
    buf_puts(b, alt->name);
    buf_putc(b, '(');
    for (int i = 0; i < alt->nfields; i++) {
        const ps_meta_field *f = &alt->fields[i];
        const void *addr = base + f->offset;
        if (f->shape == PS_SHAPE_OPT && *(const void *const *)addr == NULL)
            continue;
        buf_puts(b, sep);
        buf_puts(b, f->name);
        buf_putc(b, '=');
        sep = ", ";
        if (f->shape != PS_SHAPE_SEQ) {
            dump_value(b, f->type, addr, flags);
            continue;
        }
        const ps_expr_seq *seq = *(const ps_expr_seq *const *)addr;
        ptrdiff_t n = PS_SEQ_LEN(seq);
        size_t sz = item_size(f->type);
        buf_putc(b, '[');
        for (ptrdiff_t k = 0; k < n; k++) {
            if (k)
                buf_puts(b, ", ");
            dump_value(b, f->type, (const char *)seq->items + (size_t)k * sz, flags);
        }
        buf_putc(b, ']');
    }
    if ((flags & PS_DUMP_ATTRIBUTES) && t->pos_offset >= 0) {
        static const char *const names[4] = {"lineno", "col_offset", "end_lineno",
                                             "end_col_offset"};
        const int *pos = (const int *)(base + t->pos_offset);
        for (int i = 0; i < 4; i++) {
            buf_puts(b, sep);
            buf_puts(b, names[i]);
            buf_putc(b, '=');
            buf_int(b, pos[i]);
            sep = ", ";
        }
    }
    buf_putc(b, ')');
}

static char *dump_family(int type, const void *node, int flags, size_t *len)
{
    dump_buf b = {0};
    dump_node(&b, type, node, flags);
    return buf_finish(&b, len);
}

char *ps_dump_mod(const ps_mod *mod, int flags, size_t *len)
{
    return dump_family(ps_meta_id_mod, mod, flags, len);
}

char *ps_dump_stmt(const ps_stmt *stmt, int flags, size_t *len)
{
    return dump_family(ps_meta_id_stmt, stmt, flags, len);
}

char *ps_dump_expr(const ps_expr *expr, int flags, size_t *len)
{
    return dump_family(ps_meta_id_expr, expr, flags, len);
}

char *ps_dump_pattern(const ps_pattern *pattern, int flags, size_t *len)
{
    return dump_family(ps_meta_id_pattern, pattern, flags, len);
}

char *ps_dump_constant(const ps_constant *c, size_t *len)
{
    dump_buf b = {0};
    repr_constant(&b, c);
    return buf_finish(&b, len);
}
