/*
 * ast_module_reverse.c — `_ast` node objects back to libparse's C tree
 * (what compile(<AST object>, ...) needs).  The walk is the mirror of
 * ast_module_convert.c over the same field tables: each object must be an
 * instance of a class of the expected family, required fields and
 * positions must be present, optional ones may be missing or None.
 * Constants the C tree cannot hold (negative ints, tuples, frozensets)
 * raise NotImplementedError.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "libobject/libobject.h"
#include "libobject/complex.h"
#include "libobject/set.h"
#include "libparse/parser.h"
#include "ast_meta.h"
#include "stdlib/ast.h"

typedef struct {
    KnObject *classes;   /* _ast's module dict */
    ps_arena *arena;
    const char *owner;   /* the node whose fields are being read */
} Rev;

static int rev_node(Rev *r, int type, KnObject *o, void **out);

/* Size of one node struct of family `type`. */
static size_t node_size(int type)
{
    static const struct { const char *name; size_t size; } sizes[] = {
        { "mod", sizeof(ps_mod) }, { "stmt", sizeof(ps_stmt) }, { "expr", sizeof(ps_expr) },
        { "comprehension", sizeof(ps_comprehension) },
        { "excepthandler", sizeof(ps_excepthandler) },
        { "arguments", sizeof(ps_arguments) }, { "arg", sizeof(ps_arg) },
        { "keyword", sizeof(ps_keyword_arg) }, { "alias", sizeof(ps_alias) },
        { "withitem", sizeof(ps_withitem) }, { "match_case", sizeof(ps_match_case) },
        { "pattern", sizeof(ps_pattern) }, { "type_ignore", sizeof(ps_type_ignore) },
    };
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        if (strcmp(sizes[i].name, ps_meta_types[type].name) == 0)
            return sizes[i].size;
    }
    return 0;
}

static KnObject *cls_named(Rev *r, const char *name)
{
    KnObject *cls = ob_dict_getitem_str(r->classes, name);
    if (cls == NULL && !ob_err_occurred())
        ob_err_format(ob_exc_SystemError, "_ast: no class %s", name);
    return cls;
}

/* The field `name` of o: 1 present (not None), 0 missing or None (*v is
 * then NULL or None), -1 error. */
static int get_field(KnObject *o, const char *name, KnObject **v)
{
    *v = NULL;
    int found = ob_lookup_attr(o, ob_str_intern_cstr(name), v);
    if (found <= 0)
        return found;
    return *v != KN_None;
}

static int missing(const char *field, const char *owner)
{
    ob_err_format(ob_exc_TypeError, "required field \"%s\" missing from %s", field, owner);
    return -1;
}

static const char *arena_utf8(Rev *r, KnObject *s, const char *errors, size_t *len)
{
    KnObject *b = ob_str_encode(s, "utf-8", errors);
    if (b == NULL)
        return NULL;
    *len = (size_t)KN_SIZE(b);
    char *p = ps_arena_strndup(r->arena, KN_BYTES_AS_STRING(b), *len);
    if (p == NULL)
        ob_err_nomemory();
    return p;
}

/* CPython's rule for Constant values: None, Ellipsis, bool, and exact
 * int, float, complex, str, bytes, or an exact tuple or frozenset of
 * those.  0, or -1 with TypeError naming the innermost bad value's type. */
static int constant_check(Rev *r, KnObject *v)
{
    if (v == KN_None || v == KN_Ellipsis || v == KN_True || v == KN_False ||
        KN_INT_CHECK_EXACT(v) || KN_FLOAT_CHECK_EXACT(v) || KN_COMPLEX_CHECK_EXACT(v) ||
        KN_STR_CHECK_EXACT(v) || KN_TYPE(v) == &ob_bytes_type)
        return 0;
    if (KN_TYPE(v) != &ob_tuple_type && KN_TYPE(v) != &ob_frozenset_type) {
        ob_err_format(ob_exc_TypeError, "got an invalid type in %s: %s", r->owner,
                      ob_type_name(KN_TYPE(v)));
        return -1;
    }
    KnObject *it = ob_get_iter(v);
    if (it == NULL)
        return -1;
    if (ob_enter_recursive_call(" during compilation") < 0)
        return -1;
    int rc = 0;
    KnObject *item;
    while (rc == 0 && (item = ob_iter_next(it)) != NULL)
        rc = constant_check(r, item);
    ob_leave_recursive_call();
    if (rc == 0 && ob_err_occurred())
        return -1;
    return rc;
}

/* A valid constant: the kinds the compiler reads (docstrings, f-string
 * parts, small ints) as libparse values, anything else (negative or huge
 * ints, tuples, frozensets, complex numbers with a real part) handed over
 * as PS_CONST_OBJECT -- the tree object keeps it alive during compile(). */
static int rev_constant(Rev *r, KnObject *v, ps_constant *k)
{
    memset(k, 0, sizeof *k);
    if (constant_check(r, v) < 0)
        return -1;
    if (v == KN_None || v == KN_True || v == KN_False || v == KN_Ellipsis) {
        *k = ps_const_singleton(v == KN_None ? PS_CONST_NONE : v == KN_True ? PS_CONST_TRUE
                                : v == KN_False ? PS_CONST_FALSE : PS_CONST_ELLIPSIS);
        return 0;
    }
    if (KN_INT_CHECK_EXACT(v)) {
        int overflow = 0;
        long long n = ob_int_as_long_long_and_overflow(v, &overflow);
        if (!overflow && n >= 0) {
            char buf[32];
            int len = snprintf(buf, sizeof buf, "%lld", n);
            k->kind = PS_CONST_INT;
            k->u.i.digits = ps_arena_strndup(r->arena, buf, (size_t)len);
            k->u.i.fits = 1;
            k->u.i.value = n;
            if (k->u.i.digits == NULL) {
                ob_err_nomemory();
                return -1;
            }
            return 0;
        }
    } else if (KN_FLOAT_CHECK_EXACT(v)) {
        k->kind = PS_CONST_FLOAT;
        k->u.f = ob_float_as_double(v);
        return 0;
    } else if (KN_COMPLEX_CHECK_EXACT(v) && KN_COMPLEX_VALUE(v).real == 0.0 &&
               !signbit(KN_COMPLEX_VALUE(v).real)) {
        k->kind = PS_CONST_COMPLEX;   /* an imaginary literal's value */
        k->u.f = KN_COMPLEX_VALUE(v).imag;
        return 0;
    } else if (KN_STR_CHECK(v) || KN_BYTES_CHECK(v)) {
        size_t len;
        const char *data;
        if (KN_STR_CHECK(v)) {
            if ((data = arena_utf8(r, v, "surrogatepass", &len)) == NULL)
                return -1;
            *k = ps_const_str(data, len);
        } else {
            len = (size_t)KN_SIZE(v);
            if ((data = ps_arena_strndup(r->arena, KN_BYTES_AS_STRING(v), len)) == NULL) {
                ob_err_nomemory();
                return -1;
            }
            *k = ps_const_bytes(data, len);
        }
        return 0;
    }
    k->kind = PS_CONST_OBJECT;
    k->u.obj = v;
    return 0;
}

/* One value of leaf or family `type` into addr. */
static int rev_value(Rev *r, int type, KnObject *v, void *addr, const char *field)
{
    switch (type) {
    case PS_T_IDENTIFIER:
    case PS_T_STRING: {
        if (!KN_STR_CHECK(v)) {
            (void)field;
            ob_err_format(ob_exc_TypeError, "AST %s must be of type str",
                          type == PS_T_IDENTIFIER ? "identifier" : "string");
            return -1;
        }
        size_t len;
        const char *s = arena_utf8(r, v, "strict", &len);
        if (s == NULL)
            return -1;
        *(const char **)addr = s;
        return 0;
    }
    case PS_T_INT: {
        if (!KN_INT_CHECK(v)) {
            KnObject *rep = ob_repr(v);
            ob_err_format(ob_exc_ValueError, "invalid integer value: %s",
                          rep != NULL ? ob_str_as_utf8(rep, NULL) : "?");
            return -1;
        }
        int overflow = 0;
        long long n = ob_int_as_long_long_and_overflow(v, &overflow);
        if (overflow || n > 2147483647LL || n < -2147483647LL - 1) {
            ob_err_set_string(ob_exc_OverflowError, "Python int too large to convert to C int");
            return -1;
        }
        *(int *)addr = (int)n;
        return 0;
    }
    case PS_T_CONSTANT:
        return rev_constant(r, v, (ps_constant *)addr);
    }
    const ps_meta_type *t = &ps_meta_types[type];
    if (t->kind == PS_META_ENUM) {
        for (int k = 0; k < t->nalts; k++) {
            KnObject *cls = cls_named(r, t->alts[k].name);
            if (cls == NULL)
                return -1;
            int is = ob_isinstance(v, cls);
            if (is < 0)
                return -1;
            if (is) {
                *(int *)addr = k + 1;
                return 0;
            }
        }
        KnObject *rep = ob_repr(v);
        ob_err_format(ob_exc_TypeError, "expected some sort of %s, but got %s", t->name,
                      rep != NULL ? ob_str_as_utf8(rep, NULL) : "?");
        return -1;
    }
    return rev_node(r, type, v, (void **)addr);
}

static int rev_seq(Rev *r, int type, KnObject *v, void *addr, const char *field,
                   const char *owner)
{
    if (!KN_LIST_CHECK(v)) {
        ob_err_format(ob_exc_TypeError, "%s field \"%s\" must be a list, not a %s", owner,
                      field, KN_TYPE(v)->tp_name);
        return -1;
    }
    kn_ssize_t n = KN_SIZE(v);
    size_t sz = type == PS_T_INT || (type >= 0 && ps_meta_types[type].kind == PS_META_ENUM)
                    ? sizeof(int) : sizeof(void *);
    ps_expr_seq *seq = ps_ast_seq_alloc_(r->arena, n, sz);
    if (seq == NULL) {
        ob_err_nomemory();
        return -1;
    }
    for (kn_ssize_t k = 0; k < n && k < KN_SIZE(v); k++) {
        KnObject *item = KN_LIST_ITEMS(v)[k];
        void *dst = (char *)seq->items + (size_t)k * sz;
        if (item == KN_None && sz == sizeof(void *) && type >= 0)
            continue;   /* Dict.keys / kw_defaults holes */
        if (rev_value(r, type, item, dst, field) < 0)
            return -1;
    }
    *(ps_expr_seq **)addr = seq;
    return 0;
}

static int rev_node(Rev *r, int type, KnObject *o, void **out)
{
    const ps_meta_type *t = &ps_meta_types[type];
    KnObject *family = cls_named(r, t->name);
    if (family == NULL)
        return -1;
    int is = ob_isinstance(o, family);
    if (is <= 0) {
        if (is == 0) {
            KnObject *rep = ob_repr(o);
            ob_err_format(ob_exc_TypeError, "expected some sort of %s, but got %s", t->name,
                          rep != NULL ? ob_str_as_utf8(rep, NULL) : "?");
        }
        return -1;
    }
    int kind = 0;
    const ps_meta_alt *alt = &t->alts[0];
    if (t->kind == PS_META_SUM) {
        for (int k = 0; k < t->nalts && kind == 0; k++) {
            KnObject *cls = cls_named(r, t->alts[k].name);
            if (cls == NULL || (is = ob_isinstance(o, cls)) < 0)
                return -1;
            if (is)
                kind = k + 1;
        }
        if (kind == 0) {
            KnObject *rep = ob_repr(o);
            ob_err_format(ob_exc_TypeError, "expected some sort of %s, but got %s", t->name,
                          rep != NULL ? ob_str_as_utf8(rep, NULL) : "?");
            return -1;
        }
        alt = &t->alts[kind - 1];
    }
    size_t size = node_size(type);
    char *node = size != 0 ? ps_arena_alloc(r->arena, size) : NULL;
    if (node == NULL) {
        if (size == 0)
            ob_err_format(ob_exc_SystemError, "_ast: unknown family %s", t->name);
        else
            ob_err_nomemory();
        return -1;
    }
    memset(node, 0, size);
    if (t->kind == PS_META_SUM)
        *(int *)node = kind;
    if (ob_enter_recursive_call(" during compilation") < 0)
        return -1;
    int rc = -1;
    /* positions first, as CPython reads them */
    if (t->pos_offset >= 0) {
        static const char *const names[4] = { "lineno", "col_offset", "end_lineno",
                                              "end_col_offset" };
        int *pos = (int *)(node + t->pos_offset);
        for (int i = 0; i < 4; i++) {
            KnObject *v;
            int has = get_field(o, names[i], &v);
            if (has < 0)
                goto done;
            if (!has && i < 2 && v == KN_None) {
                rev_value(r, PS_T_INT, v, &pos[i], names[i]);   /* "invalid integer" */
                goto done;
            }
            if (!has) {
                if (i < 2) {
                    missing(names[i], t->name);
                    goto done;
                }
                pos[i] = pos[i - 2];   /* no end: the start, as CPython */
                continue;
            }
            if (rev_value(r, PS_T_INT, v, &pos[i], names[i]) < 0)
                goto done;
        }
    }
    for (int i = 0; i < alt->nfields; i++) {
        const ps_meta_field *f = &alt->fields[i];
        KnObject *v;
        r->owner = alt->name;
        int has = get_field(o, f->name, &v);
        if (has < 0)
            goto done;
        if (!has && f->type == PS_T_CONSTANT && v == KN_None)
            has = 1;   /* Constant(None), MatchSingleton(None) */
        if (!has && v == KN_None && f->shape == PS_SHAPE_SEQ) {
            rev_seq(r, f->type, v, NULL, f->name, alt->name);   /* "must be a list" */
            goto done;
        }
        if (!has && v == KN_None && f->type == PS_T_INT && strcmp(f->name, "level") == 0)
            continue;   /* ImportFrom's `int? level`, the one optional int (ast.def) */
        if (!has && v == KN_None && f->shape != PS_SHAPE_OPT) {
            if (f->type == PS_T_INT || (f->type >= 0 && ps_meta_types[f->type].kind == PS_META_ENUM)) {
                if (rev_value(r, f->type, v, node + f->offset, f->name) < 0)
                    goto done;
                continue;
            }
            /* the node's constructor refuses the hole, as CPython's */
            ob_err_format(ob_exc_ValueError, "field '%s' is required for %s", f->name,
                          alt->name);
            goto done;
        }
        if (!has) {
            if (f->shape == PS_SHAPE_OPT)
                continue;
            missing(f->name, alt->name);
            goto done;
        }
        int res = f->shape == PS_SHAPE_SEQ ? rev_seq(r, f->type, v, node + f->offset, f->name,
                                                     alt->name)
                                           : rev_value(r, f->type, v, node + f->offset, f->name);
        if (res < 0)
            goto done;
    }
    *out = node;
    rc = 0;
done:
    ob_leave_recursive_call();
    return rc;
}

struct ps_mod *kn_ast_to_c(KnObject *tree, struct ps_arena *arena)
{
    KnObject *m = kn_init__ast();
    if (m == NULL)
        return NULL;
    Rev r = { ob_module_get_dict(m), arena, "mod" };
    void *mod = NULL;
    if (rev_node(&r, ps_meta_id_mod, tree, &mod) < 0)
        return NULL;
    return mod;
}

/* compile()'s hook (jit_set_ast_tree_hook): is obj an ast node, and, given
 * an arena, the tree of the root class `mode` asks for. */
int kn_ast_tree_hook(KnObject *obj, int mode, struct ps_arena *arena, struct ps_mod **out)
{
    static const char *const roots[] = { "Module", "Expression", "Interactive", "FunctionType" };
    KnObject *m = kn_init__ast();
    if (m == NULL)
        return -1;
    Rev r = { ob_module_get_dict(m), arena, "mod" };
    KnObject *base = cls_named(&r, "AST");
    int is = base != NULL ? ob_isinstance(obj, base) : -1;
    if (is <= 0 || arena == NULL)
        return is;
    KnObject *root = cls_named(&r, roots[mode & 3]);
    if (root == NULL || (is = ob_isinstance(obj, root)) < 0)
        return -1;
    if (!is) {
        ob_err_format(ob_exc_TypeError, "expected %s node, got %.400s", roots[mode & 3],
                      ob_type_name(KN_TYPE(obj)));
        return -1;
    }
    *out = kn_ast_to_c(obj, arena);
    return *out != NULL ? 1 : -1;
}
