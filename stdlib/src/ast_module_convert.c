/*
 * ast_module_convert.c — libparse's C tree to `_ast` node objects.
 *
 * The walk is generic over libparse's field tables (ast_meta.h, generated
 * from the same libparse/ast.def as our class table): each node becomes an
 * instance of the class of the same name, every field is set (absent
 * optionals as None, sequences as lists, enums as one shared instance of
 * their class), then lineno/col_offset/end_lineno/end_col_offset for families
 * that have positions.  Constants become Python values.
 */
#include <string.h>

#include "libobject/libobject.h"
#include "libobject/complex.h"
#include "libparse/parser.h"
#include "ast_meta.h"
#include "stdlib/ast.h"

typedef struct {
    KnObject *classes;   /* _ast's module dict */
    const char *filename;
    int lineno;          /* of the innermost node with a position */
} Conv;

/* One shared instance per enum class (Load(), Add(), ...), as CPython's
 * parser hands out: `t.body[0].value.ctx is t.body[1].value.ctx`. */
static KnObject *enum_instances;

static KnObject *conv_node(Conv *c, int type, const void *node);
static void raise_parse_error(const ps_error *err, const char *filename);

/* A big int literal: hex, octal and binary ones convert without the
 * int/str digit limit (their decimal digits are libparse's); a decimal one
 * past the limit is the SyntaxError CPython's parser raises. */
static KnObject *conv_big_int(Conv *c, const ps_constant *k)
{
    kn_ssize_t n = (kn_ssize_t)strlen(k->u.i.digits);
    if (!k->u.i.decimal) {
        kn_ssize_t limit = ob_int_get_max_str_digits();
        ob_int_set_max_str_digits(0);
        KnObject *v = ob_int_from_string(k->u.i.digits, n, 10);
        ob_int_set_max_str_digits(limit);
        return v;
    }
    KnObject *v = ob_int_from_string(k->u.i.digits, n, 10);
    if (v != NULL || !ob_err_matches((KnObject *)ob_exc_ValueError))
        return v;
    KnObject *exc = ob_err_fetch();
    KnObject *s = exc != NULL ? ob_str(exc) : NULL;
    const char *msg = s != NULL ? ob_str_as_utf8(s, NULL) : NULL;
    if (msg == NULL)
        return NULL;
    ps_error err;
    ps_error_init(&err);
    ps_error_setf(&err, PS_ERR_SYNTAX, "%s - Consider hexadecimal for huge integer literals "
                  "to avoid decimal conversion limits.", msg);
    err.lineno = err.end_lineno = c->lineno;
    err.offset = err.end_offset = 0;
    raise_parse_error(&err, c->filename);
    ps_error_clear(&err);
    return NULL;
}

static KnObject *conv_constant(Conv *c, const ps_constant *k)
{
    switch (k->kind) {
    case PS_CONST_NONE:
        return KN_None;
    case PS_CONST_TRUE:
        return KN_True;
    case PS_CONST_FALSE:
        return KN_False;
    case PS_CONST_ELLIPSIS:
        return KN_Ellipsis;
    case PS_CONST_INT:
        if (k->u.i.fits)
            return ob_int_from_long_long(k->u.i.value);
        return conv_big_int(c, k);
    case PS_CONST_FLOAT:
        return ob_float_from_double(k->u.f);
    case PS_CONST_COMPLEX:
        return ob_complex_from_doubles(0.0, k->u.f);
    case PS_CONST_STR:
        /* each code point encoded on its own: lone surrogates pass through */
        return ob_str_decode(k->u.s.data, (kn_ssize_t)k->u.s.len, "utf-8", "surrogatepass");
    case PS_CONST_BYTES:
        return ob_bytes_from_data(k->u.s.data, (kn_ssize_t)k->u.s.len);
    case PS_CONST_OBJECT:
        return (KnObject *)k->u.obj;
    }
    ob_err_format(ob_exc_SystemError, "_ast: unknown constant kind %d", (int)k->kind);
    return NULL;
}

static KnObject *new_instance(Conv *c, const char *name)
{
    KnObject *cls = ob_dict_getitem_str(c->classes, name);
    if (cls == NULL) {
        if (!ob_err_occurred())
            ob_err_format(ob_exc_SystemError, "_ast: no class %s", name);
        return NULL;
    }
    return ob_call_noargs(cls);
}

/* One field value or sequence item of leaf or family `type` at addr. */
static KnObject *conv_value(Conv *c, int type, const void *addr)
{
    switch (type) {
    case PS_T_IDENTIFIER:
    case PS_T_STRING: {
        const char *s = *(const char *const *)addr;
        return s != NULL ? ob_str_from_utf8(s, (kn_ssize_t)strlen(s)) : KN_None;
    }
    case PS_T_INT:
        return ob_int_from_long_long(*(const int *)addr);
    case PS_T_CONSTANT:
        return conv_constant(c, (const ps_constant *)addr);
    }
    const ps_meta_type *t = &ps_meta_types[type];
    if (t->kind == PS_META_ENUM) {
        int v = *(const int *)addr;
        if (v < 1 || v > t->nalts) {
            ob_err_format(ob_exc_SystemError, "_ast: bad %s value %d", t->name, v);
            return NULL;
        }
        const char *name = t->alts[v - 1].name;
        KnObject *inst = ob_dict_getitem_str(enum_instances, name);
        if (inst != NULL || ob_err_occurred())
            return inst;
        if ((inst = new_instance(c, name)) == NULL ||
            ob_dict_setitem_str(enum_instances, name, inst) < 0)
            return NULL;
        return inst;
    }
    return conv_node(c, type, *(const void *const *)addr);
}

static size_t item_size(int type)
{
    if (type == PS_T_INT)
        return sizeof(int);
    if (type >= 0 && ps_meta_types[type].kind == PS_META_ENUM)
        return sizeof(ps_cmpop);
    return sizeof(void *);
}

static KnObject *conv_seq(Conv *c, int type, const void *addr)
{
    const ps_expr_seq *seq = *(const ps_expr_seq *const *)addr;
    ptrdiff_t n = PS_SEQ_LEN(seq);
    KnObject *list = ob_list_new(0);
    if (list == NULL)
        return NULL;
    size_t sz = item_size(type);
    for (ptrdiff_t k = 0; k < n; k++) {
        KnObject *v = conv_value(c, type, (const char *)seq->items + (size_t)k * sz);
        if (v == NULL || ob_list_append(list, v) < 0)
            return NULL;
    }
    return list;
}

static KnObject *conv_node(Conv *c, int type, const void *node)
{
    if (node == NULL)
        return KN_None;
    if (ob_enter_recursive_call(" during ast construction") < 0)
        return NULL;
    KnObject *res = NULL;
    const ps_meta_type *t = &ps_meta_types[type];
    const ps_meta_alt *alt = &t->alts[0];
    if (t->kind == PS_META_SUM) {
        int kind = *(const int *)node;
        if (kind < 1 || kind > t->nalts) {
            ob_err_format(ob_exc_SystemError, "_ast: bad %s kind %d", t->name, kind);
            goto done;
        }
        alt = &t->alts[kind - 1];
    }
    KnObject *obj = new_instance(c, alt->name);
    if (obj == NULL)
        goto done;
    const char *base = node;
    if (t->pos_offset >= 0)
        c->lineno = *(const int *)(base + t->pos_offset);
    for (int i = 0; i < alt->nfields; i++) {
        const ps_meta_field *f = &alt->fields[i];
        const void *addr = base + f->offset;
        KnObject *v = f->shape == PS_SHAPE_SEQ ? conv_seq(c, f->type, addr)
                                               : conv_value(c, f->type, addr);
        if (v == NULL || ob_setattr_str(obj, f->name, v) < 0)
            goto done;
    }
    if (t->pos_offset >= 0) {
        static const char *const names[4] = { "lineno", "col_offset", "end_lineno",
                                              "end_col_offset" };
        const int *pos = (const int *)(base + t->pos_offset);
        for (int i = 0; i < 4; i++) {
            KnObject *v = ob_int_from_long_long(pos[i]);
            if (v == NULL || ob_setattr_str(obj, names[i], v) < 0)
                goto done;
        }
    }
    res = obj;
done:
    ob_leave_recursive_call();
    return res;
}

/* The exception compile() raises for a failed parse. */
static void raise_parse_error(const ps_error *err, const char *filename)
{
    KnTypeObject *cls = ob_exc_SyntaxError;
    if (err->kind == PS_ERR_MEMORY) {
        ob_err_nomemory();
        return;
    }
    if (err->kind == PS_ERR_VALUE || err->kind == PS_ERR_OVERFLOW) {
        ob_err_set_string(err->kind == PS_ERR_VALUE ? ob_exc_ValueError : ob_exc_OverflowError,
                          err->msg);
        return;
    }
    if (err->kind == PS_ERR_INDENTATION)
        cls = ob_exc_IndentationError;
    else if (err->kind == PS_ERR_TAB)
        cls = ob_exc_TabError;
    KnObject *msg = ob_str_decode(err->msg, (kn_ssize_t)strlen(err->msg), "utf-8", "replace");
    KnObject *fn = ob_str_decode(filename, (kn_ssize_t)strlen(filename), "utf-8",
                                 "surrogateescape");
    KnObject *text = err->text == NULL ? KN_None
        : ob_str_decode(err->text, (kn_ssize_t)strlen(err->text), "utf-8", "replace");
    if (msg == NULL || fn == NULL || text == NULL)
        return;
    KnObject *detail = ob_tuple_pack(6, fn, ob_int_from_long_long(err->lineno),
                                     ob_int_from_long_long(err->offset), text,
                                     ob_int_from_long_long(err->end_lineno),
                                     ob_int_from_long_long(err->end_offset));
    if (detail == NULL)
        return;
    KnObject *args = ob_tuple_pack(2, msg, detail);
    KnObject *exc = args != NULL ? ob_call((KnObject *)cls, args, NULL) : NULL;
    if (exc != NULL)
        ob_err_set_object((KnTypeObject *)KN_TYPE(exc), exc);
}

KnObject *kn_ast_from_source(const char *src, size_t len, const char *filename, int mode)
{
    int pflags = (mode & KN_AST_SOURCE_IS_STR) ? PS_INPUT_IS_UTF8_STR : 0;
    if (mode & KN_AST_TYPE_COMMENTS)
        pflags |= PS_TYPE_COMMENTS;
    int fv = (mode >> KN_AST_FEATURE_VERSION_SHIFT) & 0xff;
    if (fv > 0)
        pflags |= PS_FEATURE_VERSION(fv - 1);
    mode &= 0xff;
    if (mode < PS_MODE_EXEC || mode > PS_MODE_FUNC_TYPE) {
        ob_err_format(ob_exc_ValueError, "kn_ast_from_source: bad mode %d", mode);
        return NULL;
    }
    KnObject *m = kn_init__ast();
    if (m == NULL)
        return NULL;
    if (filename == NULL)
        filename = "<unknown>";
    Conv c = { ob_module_get_dict(m), filename, 0 };
    if (enum_instances == NULL && (enum_instances = ob_dict_new()) == NULL)
        return NULL;
    if (filename == NULL)
        filename = "<unknown>";
    ps_arena *arena = ps_arena_new();
    if (arena == NULL)
        return ob_err_nomemory();
    ps_error err;
    ps_error_init(&err);
    KnObject *res = NULL;
    ps_mod *mod = ps_parse(src, len, filename, (ps_mode)mode, pflags, arena, &err);
    if (mod == NULL)
        raise_parse_error(&err, filename);
    else
        res = conv_node(&c, ps_meta_id_mod, mod);
    ps_error_clear(&err);
    ps_arena_free(arena);
    return res;
}
