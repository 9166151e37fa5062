/* libjit/src/fold.c — literal values and constant folding.
 *
 * CPython folds on the AST before code generation; Kiln folds while
 * compiling (jit_c_fold is asked before an operator is emitted) with the
 * same rules: unary and binary operators on constants, tuples of
 * constants, subscripts of constants, __debug__; the size limits of
 * CPython 3.11's optimizer keep 2**10000 or "x" * 10**6 out of co_consts;
 * an operation that raises (1/0) is simply not folded.  The operators are
 * applied through the built-in types' slots, which is all constants need. */
#include <string.h>

#include "compile.h"
#include "libobject/libobject.h"
#include "libobject/complex.h"

#define MAX_INT_SIZE 128        /* bits */
#define MAX_COLLECTION_SIZE 256
#define MAX_STR_SIZE 4096
#define MAX_TOTAL_ITEMS 1024

static KnObject *str_constant(const char *s, size_t len)
{
    int ident = len > 0;
    for (size_t i = 0; i < len && ident; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (!(ch == '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
              (ch >= '0' && ch <= '9')))
            ident = 0;
    }
    KnObject *v;
    if (memchr(s, 0xED, len))
        v = ob_str_decode_utf8(s, (kn_ssize_t)len, "surrogatepass");
    else
        v = ob_str_from_utf8(s, (kn_ssize_t)len);
    if (v && ident)
        v = ob_str_intern(v);
    return v;
}

KnObject *jit_const_object(const ps_constant *k)
{
    switch (k->kind) {
    case PS_CONST_NONE:
        return &ob_none_obj;
    case PS_CONST_TRUE:
        return (KnObject *)&ob_true_obj;
    case PS_CONST_FALSE:
        return (KnObject *)&ob_false_obj;
    case PS_CONST_ELLIPSIS:
        return &ob_ellipsis_obj;
    case PS_CONST_INT: {
        if (k->u.i.fits)
            return ob_int_from_long_long(k->u.i.value);
        kn_ssize_t n = (kn_ssize_t)strlen(k->u.i.digits);
        if (k->u.i.decimal)   /* the int/str digit limit applies (ValueError) */
            return ob_int_from_string(k->u.i.digits, n, 10);
        /* a hex, octal or binary literal: its decimal digits are libparse's,
         * not the program's, so the limit is lifted for the conversion */
        kn_ssize_t limit = ob_int_get_max_str_digits();
        ob_int_set_max_str_digits(0);
        KnObject *v = ob_int_from_string(k->u.i.digits, n, 10);
        ob_int_set_max_str_digits(limit);
        return v;
    }
    case PS_CONST_FLOAT:
        return ob_float_from_double(k->u.f);
    case PS_CONST_COMPLEX:
        return ob_complex_from_doubles(0.0, k->u.f);
    case PS_CONST_STR:
        return str_constant(k->u.s.data, k->u.s.len);
    case PS_CONST_BYTES:
        return ob_bytes_from_data(k->u.s.data, (kn_ssize_t)k->u.s.len);
    case PS_CONST_OBJECT:
        /* compile() of an ast tree: the tree's own (validated) value */
        return (KnObject *)k->u.obj;
    }
    ob_err_set_string(ob_exc_SystemError, "compiler: unknown constant kind");
    return NULL;
}

int jit_c_constant(jit_compiler *c, const ps_constant *k, KnObject **out)
{
    *out = jit_const_object(k);
    if (*out)
        return 0;
    if (k->kind == PS_CONST_INT && ob_err_matches((KnObject *)ob_exc_ValueError)) {
        /* a decimal literal past sys.get_int_max_str_digits(): CPython's
         * parser reports it as a SyntaxError at the literal's line */
        KnObject *exc = ob_err_fetch();
        KnObject *s = exc ? ob_str(exc) : NULL;
        const char *msg = s ? ob_str_as_utf8(s, NULL) : NULL;
        if (msg == NULL)
            return jit_c_objerr(c);
        return jit_c_error_at(c, c->u->pos.lineno, -1, c->u->pos.lineno, -1,
                              "%s - Consider hexadecimal for huge integer literals to avoid "
                              "decimal conversion limits.", msg);
    }
    return jit_c_objerr(c);
}

/* ---- operators through the slots ---- */

static int is_int(KnObject *o)
{
    return KN_TYPE(o) == &ob_int_type || KN_TYPE(o) == &ob_bool_type;
}

static long long int_bits(KnObject *o)
{
    kn_ssize_t n = KN_SIZE(o);
    if (n < 0)
        n = -n;
    if (n == 0)
        return 0;
    kn_digit top = ((KnLongObject *)o)->ob_digit[n - 1];
    long long bits = (long long)(n - 1) * 30;
    while (top) {
        bits++;
        top >>= 1;
    }
    return bits;
}

static int int_sign(KnObject *o)
{
    kn_ssize_t n = KN_SIZE(o);
    return n < 0 ? -1 : n > 0;
}

static kn_ssize_t seq_len(KnObject *o)
{
    KnTypeObject *t = KN_TYPE(o);
    if (t == &ob_tuple_type || t == &ob_bytes_type)
        return KN_SIZE(o);
    if (t == &ob_str_type)
        return ob_str_length(o);
    return -1;
}

typedef KnObject *(*binfn)(KnObject *, KnObject *);

static binfn num_slot(KnTypeObject *t, ps_operator op)
{
    KnNumberMethods *nb = t->tp_as_number;
    if (!nb)
        return NULL;
    switch (op) {
    case PS_Add: return nb->nb_add;
    case PS_Sub: return nb->nb_subtract;
    case PS_Mult: return nb->nb_multiply;
    case PS_MatMult: return nb->nb_matrix_multiply;
    case PS_Div: return nb->nb_true_divide;
    case PS_Mod: return nb->nb_remainder;
    case PS_LShift: return nb->nb_lshift;
    case PS_RShift: return nb->nb_rshift;
    case PS_BitOr: return nb->nb_or;
    case PS_BitXor: return nb->nb_xor;
    case PS_BitAnd: return nb->nb_and;
    case PS_FloorDiv: return nb->nb_floor_divide;
    default: return NULL;
    }
}

/* NULL without an error: not foldable. */
static KnObject *apply_binop(ps_operator op, KnObject *a, KnObject *b)
{
    KnObject *r = NULL;
    if (op == PS_Pow) {
        ternaryfunc fa = KN_TYPE(a)->tp_as_number ? KN_TYPE(a)->tp_as_number->nb_power : NULL;
        ternaryfunc fb = KN_TYPE(b)->tp_as_number ? KN_TYPE(b)->tp_as_number->nb_power : NULL;
        if (fa) {
            r = fa(a, b, &ob_none_obj);
            if (r != KN_NotImplemented)
                return r;
        }
        if (fb && fb != fa) {
            r = fb(a, b, &ob_none_obj);
            if (r != KN_NotImplemented)
                return r;
        }
        return NULL;
    }
    binfn fa = num_slot(KN_TYPE(a), op), fb = num_slot(KN_TYPE(b), op);
    if (fa) {
        r = fa(a, b);
        if (r != KN_NotImplemented)
            return r;
    }
    if (fb && fb != fa) {
        r = fb(a, b);
        if (r != KN_NotImplemented)
            return r;
    }
    KnSequenceMethods *sa = KN_TYPE(a)->tp_as_sequence, *sb = KN_TYPE(b)->tp_as_sequence;
    if (op == PS_Add && sa && sa->sq_concat && KN_TYPE(a) == KN_TYPE(b))
        return sa->sq_concat(a, b);
    if (op == PS_Mult) {
        if (sa && sa->sq_repeat && is_int(b))
            return sa->sq_repeat(a, ob_int_as_ssize(b));
        if (sb && sb->sq_repeat && is_int(a))
            return sb->sq_repeat(b, ob_int_as_ssize(a));
    }
    return NULL;
}

static int safe_multiply(KnObject *v, KnObject *w)
{
    if (is_int(v) && is_int(w)) {
        if (int_sign(v) && int_sign(w) && int_bits(v) + int_bits(w) > MAX_INT_SIZE)
            return 0;
        return 1;
    }
    if (is_int(v) && seq_len(w) >= 0) {
        kn_ssize_t size = seq_len(w);
        if (!size)
            return 1;
        if (int_bits(v) > 62)
            return 0;
        long long n = ob_int_as_ssize(v);
        if (KN_TYPE(w) == &ob_tuple_type) {
            if (n < 0 || n > MAX_COLLECTION_SIZE / size)
                return 0;
        } else if (n < 0 || n > MAX_STR_SIZE / size) {
            return 0;
        }
        return 1;
    }
    if (is_int(w) && seq_len(v) >= 0)
        return safe_multiply(w, v);
    return 1;
}

static int safe_binop(ps_operator op, KnObject *v, KnObject *w)
{
    switch (op) {
    case PS_Mult:
        return safe_multiply(v, w);
    case PS_Pow:
        if (is_int(v) && is_int(w) && int_sign(v) && int_sign(w) > 0) {
            long long vb = int_bits(v);
            if (int_bits(w) > 62)
                return 0;
            long long wb = ob_int_as_ssize(w);
            if (vb > MAX_INT_SIZE / wb)
                return 0;
        }
        return 1;
    case PS_LShift:
        if (is_int(v) && is_int(w) && int_sign(v) && int_sign(w)) {
            if (int_sign(w) < 0 || int_bits(w) > 62)
                return 0;
            long long vb = int_bits(v), wb = ob_int_as_ssize(w);
            if (vb > MAX_INT_SIZE || wb > MAX_INT_SIZE || vb + wb > MAX_INT_SIZE)
                return 0;
        }
        return 1;
    case PS_Mod:
        return KN_TYPE(v) != &ob_str_type && KN_TYPE(v) != &ob_bytes_type;
    default:
        return 1;
    }
}

static KnObject *apply_unary(ps_unaryop op, KnObject *v)
{
    KnNumberMethods *nb = KN_TYPE(v)->tp_as_number;
    switch (op) {
    case PS_Not: {
        int t = ob_is_true(v);
        if (t < 0)
            return NULL;
        return t ? (KnObject *)&ob_false_obj : (KnObject *)&ob_true_obj;
    }
    case PS_USub:
        return nb && nb->nb_negative ? nb->nb_negative(v) : NULL;
    case PS_UAdd:
        return nb && nb->nb_positive ? nb->nb_positive(v) : NULL;
    case PS_Invert:
        return nb && nb->nb_invert ? nb->nb_invert(v) : NULL;
    }
    return NULL;
}

/* 1 and *out when e is (or folds to) a constant, 0 when not, -1 error. */
int jit_c_fold(jit_compiler *c, ps_expr *e, KnObject **out)
{
    KnObject *a, *b;
    int r;
    switch (e->kind) {
    case PS_EXPR_Constant:
        if (jit_c_constant(c, &e->v.Constant.value, out) < 0)
            return -1;
        return 1;
    case PS_EXPR_Name:
        if (e->v.Name.ctx == PS_Load && strcmp(e->v.Name.id, "__debug__") == 0) {
            *out = c->optimize ? (KnObject *)&ob_false_obj : (KnObject *)&ob_true_obj;
            return 1;
        }
        return 0;
    case PS_EXPR_UnaryOp:
        r = jit_c_fold(c, e->v.UnaryOp.operand, &a);
        if (r <= 0)
            return r;
        *out = apply_unary(e->v.UnaryOp.op, a);
        if (!*out) {
            ob_err_clear();
            return 0;
        }
        return 1;
    case PS_EXPR_BinOp:
        r = jit_c_fold(c, e->v.BinOp.left, &a);
        if (r <= 0)
            return r;
        r = jit_c_fold(c, e->v.BinOp.right, &b);
        if (r <= 0)
            return r;
        if (!safe_binop(e->v.BinOp.op, a, b)) {
            ob_err_clear();
            return 0;
        }
        *out = apply_binop(e->v.BinOp.op, a, b);
        if (!*out) {
            ob_err_clear();
            return 0;
        }
        return 1;
    case PS_EXPR_Tuple: {
        if (e->v.Tuple.ctx != PS_Load)
            return 0;
        ptrdiff_t n = PS_SEQ_LEN(e->v.Tuple.elts);
        KnObject *t = ob_tuple_new(n);
        if (!t)
            return jit_c_objerr(c);
        for (ptrdiff_t i = 0; i < n; i++) {
            ps_expr *el = e->v.Tuple.elts->items[i];
            if (el->kind == PS_EXPR_Starred)
                return 0;
            r = jit_c_fold(c, el, &a);
            if (r <= 0)
                return r;
            ((KnTupleObject *)t)->ob_item[i] = a;
        }
        *out = t;
        return 1;
    }
    case PS_EXPR_Subscript: {
        if (e->v.Subscript.ctx != PS_Load || e->v.Subscript.slice->kind == PS_EXPR_Slice)
            return 0;
        r = jit_c_fold(c, e->v.Subscript.value, &a);
        if (r <= 0)
            return r;
        r = jit_c_fold(c, e->v.Subscript.slice, &b);
        if (r <= 0)
            return r;
        KnMappingMethods *mp = KN_TYPE(a)->tp_as_mapping;
        if (!mp || !mp->mp_subscript)
            return 0;
        *out = mp->mp_subscript(a, b);
        if (!*out) {
            ob_err_clear();
            return 0;
        }
        return 1;
    }
    default:
        return 0;
    }
}

int jit_fold_mod(ps_mod *mod, int optimize, ps_arena *arena, ps_error *err)
{
    /* folding happens during code generation (jit_c_fold) */
    (void)mod, (void)optimize, (void)arena, (void)err;
    return 0;
}
