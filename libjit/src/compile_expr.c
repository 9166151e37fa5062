/* libjit/src/compile_expr.c — expressions, assignment targets, calls and
 * conditional jumps.  Instruction shapes follow CPython 3.11's compiler for
 * the instructions of the same names (without PRECALL). */
#include <string.h>

#include "compile.h"
#include "libobject/libobject.h"
#include "libobject/set.h"

#define STACK_USE_GUIDELINE 30

int jit_c_fold(jit_compiler *c, ps_expr *e, KnObject **out);

int jit_c_exprs(jit_compiler *c, ps_expr_seq *seq)
{
    for (ptrdiff_t i = 0; i < PS_SEQ_LEN(seq); i++)
        VISIT(seq->items[i]);
    return 0;
}

static int binop_arg(ps_operator op)
{
    switch (op) {
    case PS_Add: return JIT_NB_ADD;
    case PS_Sub: return JIT_NB_SUBTRACT;
    case PS_Mult: return JIT_NB_MULTIPLY;
    case PS_MatMult: return JIT_NB_MATRIX_MULTIPLY;
    case PS_Div: return JIT_NB_TRUE_DIVIDE;
    case PS_Mod: return JIT_NB_REMAINDER;
    case PS_Pow: return JIT_NB_POWER;
    case PS_LShift: return JIT_NB_LSHIFT;
    case PS_RShift: return JIT_NB_RSHIFT;
    case PS_BitOr: return JIT_NB_OR;
    case PS_BitXor: return JIT_NB_XOR;
    case PS_BitAnd: return JIT_NB_AND;
    case PS_FloorDiv: return JIT_NB_FLOOR_DIVIDE;
    }
    return JIT_NB_ADD;
}

int jit_c_binop_arg(ps_operator op, int inplace)
{
    return binop_arg(op) + (inplace ? JIT_NB_INPLACE_ADD : 0);
}

static int cmp_arg(ps_cmpop op)
{
    switch (op) {
    case PS_Lt: return 0;
    case PS_LtE: return 1;
    case PS_Eq: return 2;
    case PS_NotEq: return 3;
    case PS_Gt: return 4;
    case PS_GtE: return 5;
    default: return -1;
    }
}

static int emit_compare(jit_compiler *c, ps_cmpop op)
{
    switch (op) {
    case PS_Is: EMIT(JIT_OP_IS_OP, 0); return 0;
    case PS_IsNot: EMIT(JIT_OP_IS_OP, 1); return 0;
    case PS_In: EMIT(JIT_OP_CONTAINS_OP, 0); return 0;
    case PS_NotIn: EMIT(JIT_OP_CONTAINS_OP, 1); return 0;
    default: EMIT(JIT_OP_COMPARE_OP, cmp_arg(op)); return 0;
    }
}

int jit_c_check_forbidden(jit_compiler *c, const char *name, const void *node,
                          ps_expr_context ctx)
{
    if (ctx == PS_Store && strcmp(name, "__debug__") == 0)
        return jit_c_error(c, node, "cannot assign to __debug__");
    if (ctx == PS_Del && strcmp(name, "__debug__") == 0)
        return jit_c_error(c, node, "cannot delete __debug__");
    return 0;
}

/* ---- containers ---- */

static int has_starred(ps_expr_seq *elts)
{
    for (ptrdiff_t i = 0; i < PS_SEQ_LEN(elts); i++)
        if (elts->items[i]->kind == PS_EXPR_Starred)
            return 1;
    return 0;
}

/* Build a list / tuple / set from elts (with *starred items).  kind:
 * 0 list, 1 tuple, 2 set.  pushed: items already on the stack before. */
static int starunpack(jit_compiler *c, ps_expr_seq *elts, int pushed, int kind)
{
    ptrdiff_t n = PS_SEQ_LEN(elts);
    int build = kind == 2 ? JIT_OP_BUILD_SET : JIT_OP_BUILD_LIST;
    int add = kind == 2 ? JIT_OP_SET_ADD : JIT_OP_LIST_APPEND;
    int extend = kind == 2 ? JIT_OP_SET_UPDATE : JIT_OP_LIST_EXTEND;
    int tuple = kind == 1;
    /* Constant items: one constant tuple (a list or set of more than two
     * extends from it). */
    if (!pushed && n > 0 && !has_starred(elts) && (tuple || n > 2)) {
        KnObject *t = ob_tuple_new(n);
        if (!t)
            return jit_c_objerr(c);
        int allconst = 1;
        for (ptrdiff_t i = 0; i < n && allconst; i++) {
            KnObject *v;
            int r = jit_c_fold(c, elts->items[i], &v);
            if (r < 0)
                return -1;
            if (!r)
                allconst = 0;
            else
                ((KnTupleObject *)t)->ob_item[i] = v;
        }
        if (allconst) {
            if (tuple)
                return jit_c_load_const(c, t);
            KnObject *k = t;
            if (kind == 2 && !(k = ob_frozenset_new(t))) {
                ob_err_clear();        /* unhashable: built at run time */
                goto general;
            }
            EMIT(build, 0);
            if (jit_c_load_const(c, k) < 0)
                return -1;
            EMIT(extend, 1);
            return 0;
        }
    }
general:;
    int big = n + pushed > STACK_USE_GUIDELINE;
    if (!has_starred(elts) && !big) {
        for (ptrdiff_t i = 0; i < n; i++)
            VISIT(elts->items[i]);
        if (tuple)
            EMIT(JIT_OP_BUILD_TUPLE, (int)(n + pushed));
        else
            EMIT(build, (int)(n + pushed));
        return 0;
    }
    /* With a starred item, or too many items for the stack: start from
     * the items already pushed and add one at a time. */
    int seen = big;
    if (big)
        EMIT(build, pushed);
    for (ptrdiff_t i = 0; i < n; i++) {
        ps_expr *e = elts->items[i];
        if (e->kind == PS_EXPR_Starred) {
            if (!seen) {
                EMIT(build, (int)(i + pushed));
                seen = 1;
            }
            VISIT(e->v.Starred.value);
            EMIT(extend, 1);
        } else {
            VISIT(e);
            if (seen)
                EMIT(add, 1);
        }
    }
    if (!seen)
        EMIT(build, (int)(n + pushed));
    if (tuple)
        EMIT(JIT_OP_LIST_TO_TUPLE, 0);
    return 0;
}

static int subdict(jit_compiler *c, ps_expr *e, ptrdiff_t begin, ptrdiff_t end)
{
    ptrdiff_t n = end - begin;
    ps_expr_seq *keys = e->v.Dict.keys, *vals = e->v.Dict.values;
    int big = n * 2 > STACK_USE_GUIDELINE;
    int allconst = n > 1 && !big;
    KnObject *t = allconst ? ob_tuple_new(n) : NULL;
    if (allconst && !t)
        return jit_c_objerr(c);
    for (ptrdiff_t i = begin; i < end && allconst; i++) {
        KnObject *v;
        int r = jit_c_fold(c, keys->items[i], &v);
        if (r < 0)
            return -1;
        if (!r)
            allconst = 0;
        else
            ((KnTupleObject *)t)->ob_item[i - begin] = v;
    }
    if (allconst) {
        for (ptrdiff_t i = begin; i < end; i++)
            VISIT(vals->items[i]);
        if (jit_c_load_const(c, t) < 0)
            return -1;
        EMIT(JIT_OP_BUILD_CONST_KEY_MAP, (int)n);
        return 0;
    }
    if (big)
        EMIT(JIT_OP_BUILD_MAP, 0);
    for (ptrdiff_t i = begin; i < end; i++) {
        VISIT(keys->items[i]);
        VISIT(vals->items[i]);
        if (big)
            EMIT(JIT_OP_MAP_ADD, 1);
    }
    if (!big)
        EMIT(JIT_OP_BUILD_MAP, (int)n);
    return 0;
}

static int compile_dict(jit_compiler *c, ps_expr *e)
{
    ptrdiff_t n = PS_SEQ_LEN(e->v.Dict.values), elements = 0;
    int have_dict = 0;
    for (ptrdiff_t i = 0; i < n; i++) {
        int is_unpack = e->v.Dict.keys->items[i] == NULL;
        if (is_unpack) {
            if (elements) {
                if (subdict(c, e, i - elements, i) < 0)
                    return -1;
                if (have_dict)
                    EMIT(JIT_OP_DICT_UPDATE, 1);
                have_dict = 1;
                elements = 0;
            }
            if (!have_dict) {
                EMIT(JIT_OP_BUILD_MAP, 0);
                have_dict = 1;
            }
            VISIT(e->v.Dict.values->items[i]);
            EMIT(JIT_OP_DICT_UPDATE, 1);
        } else if (elements * 2 > STACK_USE_GUIDELINE) {
            /* a big chunk, this item included */
            if (subdict(c, e, i - elements, i + 1) < 0)
                return -1;
            if (have_dict)
                EMIT(JIT_OP_DICT_UPDATE, 1);
            have_dict = 1;
            elements = 0;
        } else {
            elements++;
        }
    }
    if (elements) {
        if (subdict(c, e, n - elements, n) < 0)
            return -1;
        if (have_dict)
            EMIT(JIT_OP_DICT_UPDATE, 1);
        have_dict = 1;
    }
    if (!have_dict)
        EMIT(JIT_OP_BUILD_MAP, 0);
    return 0;
}

/* An iterable or the right operand of `in`: a list display is built as a
 * tuple (a constant one when it can be), a set display of constants is a
 * frozenset constant (CPython's fold_iter). */
int jit_c_iter_expr(jit_compiler *c, ps_expr *e)
{
    if (e->kind == PS_EXPR_List && e->v.List.ctx == PS_Load && !has_starred(e->v.List.elts)) {
        jit_position saved = c->u->pos;
        SET_LOC(c, e);
        int r = starunpack(c, e->v.List.elts, 0, 1);
        c->u->pos = saved;
        return r;
    }
    if (e->kind == PS_EXPR_Set && !has_starred(e->v.Set.elts)) {
        ptrdiff_t n = PS_SEQ_LEN(e->v.Set.elts);
        KnObject *t = ob_tuple_new(n);
        if (!t)
            return jit_c_objerr(c);
        int allconst = 1;
        for (ptrdiff_t i = 0; i < n && allconst; i++) {
            KnObject *v;
            int r = jit_c_fold(c, e->v.Set.elts->items[i], &v);
            if (r < 0)
                return -1;
            if (!r)
                allconst = 0;
            else
                ((KnTupleObject *)t)->ob_item[i] = v;
        }
        if (allconst) {
            KnObject *fs = ob_frozenset_new(t);
            if (!fs) {
                /* an unhashable constant: build the set at run time */
                ob_err_clear();
            } else {
                jit_position saved = c->u->pos;
                SET_LOC(c, e);
                int r = jit_c_load_const(c, fs);
                c->u->pos = saved;
                return r;
            }
        }
    }
    return jit_c_expr(c, e);
}

/* The i-th comparator of a Compare: the last one of an `in` test goes
 * through jit_c_iter_expr. */
static int visit_comparator(jit_compiler *c, ps_expr *e, ptrdiff_t i)
{
    ptrdiff_t n = PS_SEQ_LEN(e->v.Compare.ops);
    ps_cmpop op = e->v.Compare.ops->items[n - 1];
    ps_expr *x = e->v.Compare.comparators->items[i];
    if (i == n - 1 && (op == PS_In || op == PS_NotIn))
        return jit_c_iter_expr(c, x);
    return jit_c_expr(c, x);
}

/* ---- comparisons ---- */

/* a < b < c ...: every comparison but the last, each leaving the right
 * operand for the next and jumping (with `jump`) to cleanup when false */
static int check_compare(jit_compiler *c, ps_expr *e);

static int compare_chain(jit_compiler *c, ps_expr *e, int jump, int cleanup)
{
    ptrdiff_t n = PS_SEQ_LEN(e->v.Compare.ops);
    for (ptrdiff_t i = 0; i < n - 1; i++) {
        VISIT(e->v.Compare.comparators->items[i]);
        EMIT(JIT_OP_SWAP, 2);
        EMIT(JIT_OP_COPY, 2);
        if (emit_compare(c, e->v.Compare.ops->items[i]) < 0)
            return -1;
        EMIT_JUMP(jump, cleanup);
    }
    return 0;
}

static int compile_compare(jit_compiler *c, ps_expr *e)
{
    if (check_compare(c, e) < 0)
        return -1;
    ptrdiff_t n = PS_SEQ_LEN(e->v.Compare.ops);
    VISIT(e->v.Compare.left);
    if (n == 1) {
        if (visit_comparator(c, e, 0) < 0)
            return -1;
        return emit_compare(c, e->v.Compare.ops->items[0]);
    }
    NEW_BLOCK(cleanup);
    if (compare_chain(c, e, JIT_OP_JUMP_IF_FALSE_OR_POP, cleanup) < 0)
        return -1;
    if (visit_comparator(c, e, n - 1) < 0)
        return -1;
    if (emit_compare(c, e->v.Compare.ops->items[n - 1]) < 0)
        return -1;
    NEW_BLOCK(end);
    EMIT_JUMP(JIT_OP_JUMP, end);
    USE_BLOCK(cleanup);
    EMIT(JIT_OP_SWAP, 2);
    EMIT(JIT_OP_POP_TOP, 0);
    USE_BLOCK(end);
    return 0;
}

/* Jump to `target` when the truth of e equals cond. */
int jit_c_jump_if(jit_compiler *c, ps_expr *e, int target, int cond)
{
    jit_position saved = c->u->pos;
    SET_LOC(c, e);
    int r = 0;
    if (e->kind == PS_EXPR_Constant || e->kind == PS_EXPR_UnaryOp || e->kind == PS_EXPR_BinOp ||
        e->kind == PS_EXPR_Name) {
        /* a constant condition: an unconditional jump or nothing */
        KnObject *k;
        int f = jit_c_fold(c, e, &k);
        if (f < 0)
            return -1;
        if (f) {
            int t = ob_is_true(k);
            if (t < 0)
                return jit_c_objerr(c);
            if (t == cond)
                EMIT_JUMP(JIT_OP_JUMP, target);
            else
                EMIT(JIT_OP_NOP, 0);
            goto out;
        }
    }
    switch (e->kind) {
    case PS_EXPR_UnaryOp:
        if (e->v.UnaryOp.op == PS_Not) {
            r = jit_c_jump_if(c, e->v.UnaryOp.operand, target, !cond);
            goto out;
        }
        break;
    case PS_EXPR_BoolOp: {
        ps_expr_seq *s = e->v.BoolOp.values;
        int cond2 = e->v.BoolOp.op == PS_Or;
        int next2 = target;
        if (cond2 != cond) {
            next2 = jit_c_new_block(c);
            if (next2 < 0)
                return -1;
        }
        for (ptrdiff_t i = 0; i < PS_SEQ_LEN(s) - 1; i++)
            if (jit_c_jump_if(c, s->items[i], next2, cond2) < 0)
                return -1;
        if (jit_c_jump_if(c, s->items[PS_SEQ_LEN(s) - 1], target, cond) < 0)
            return -1;
        if (next2 != target)
            USE_BLOCK(next2);
        goto out;
    }
    case PS_EXPR_IfExp: {
        NEW_BLOCK(end);
        NEW_BLOCK(next2);
        if (jit_c_jump_if(c, e->v.IfExp.test, next2, 0) < 0)
            return -1;
        if (jit_c_jump_if(c, e->v.IfExp.body, target, cond) < 0)
            return -1;
        EMIT_JUMP(JIT_OP_JUMP_NO_INTERRUPT, end);
        USE_BLOCK(next2);
        if (jit_c_jump_if(c, e->v.IfExp.orelse, target, cond) < 0)
            return -1;
        USE_BLOCK(end);
        goto out;
    }
    case PS_EXPR_Compare: {
        ptrdiff_t n = PS_SEQ_LEN(e->v.Compare.ops);
        if (n == 1) {
            ps_cmpop op = e->v.Compare.ops->items[0];
            ps_expr *right = e->v.Compare.comparators->items[0];
            if ((op == PS_Is || op == PS_IsNot) && right->kind == PS_EXPR_Constant &&
                right->v.Constant.value.kind == PS_CONST_NONE) {
                if (check_compare(c, e) < 0)
                    return -1;
                VISIT(e->v.Compare.left);
                int is_none = (op == PS_Is) == cond;
                EMIT_JUMP(is_none ? JIT_OP_POP_JUMP_IF_NONE : JIT_OP_POP_JUMP_IF_NOT_NONE, target);
                goto out;
            }
            break;
        }
        if (check_compare(c, e) < 0)
            return -1;
        VISIT(e->v.Compare.left);
        NEW_BLOCK(cleanup);
        if (compare_chain(c, e, JIT_OP_POP_JUMP_IF_FALSE, cleanup) < 0)
            return -1;
        if (visit_comparator(c, e, n - 1) < 0)
            return -1;
        if (emit_compare(c, e->v.Compare.ops->items[n - 1]) < 0)
            return -1;
        EMIT_JUMP(cond ? JIT_OP_POP_JUMP_IF_TRUE : JIT_OP_POP_JUMP_IF_FALSE, target);
        NEW_BLOCK(end);
        EMIT_JUMP(JIT_OP_JUMP_NO_INTERRUPT, end);
        USE_BLOCK(cleanup);
        EMIT(JIT_OP_POP_TOP, 0);
        if (!cond)
            EMIT_JUMP(JIT_OP_JUMP_NO_INTERRUPT, target);
        USE_BLOCK(end);
        goto out;
    }
    default:
        break;
    }
    VISIT(e);
    EMIT_JUMP(cond ? JIT_OP_POP_JUMP_IF_TRUE : JIT_OP_POP_JUMP_IF_FALSE, target);
out:
    c->u->pos = saved;
    return r;
}

/* ---- "perhaps you missed a comma?" (CPython's compile-time checks) ---- */

/* The type name of a literal expression, or NULL when unknown. */
static const char *literal_type(ps_expr *e)
{
    switch (e->kind) {
    case PS_EXPR_Tuple: return "tuple";
    case PS_EXPR_List: case PS_EXPR_ListComp: return "list";
    case PS_EXPR_Dict: case PS_EXPR_DictComp: return "dict";
    case PS_EXPR_Set: case PS_EXPR_SetComp: return "set";
    case PS_EXPR_GeneratorExp: return "generator";
    case PS_EXPR_Lambda: return "function";
    case PS_EXPR_JoinedStr: case PS_EXPR_FormattedValue: return "str";
    case PS_EXPR_Constant:
        switch (e->v.Constant.value.kind) {
        case PS_CONST_NONE: return "NoneType";
        case PS_CONST_TRUE: case PS_CONST_FALSE: return "bool";
        case PS_CONST_ELLIPSIS: return "ellipsis";
        case PS_CONST_INT: return "int";
        case PS_CONST_FLOAT: return "float";
        case PS_CONST_COMPLEX: return "complex";
        case PS_CONST_STR: return "str";
        case PS_CONST_BYTES: return "bytes";
        case PS_CONST_OBJECT: return ob_type_name(KN_TYPE((KnObject *)e->v.Constant.value.u.obj));
        }
        return NULL;
    default:
        return NULL;
    }
}

static int warn_at(jit_compiler *c, ps_expr *e, const char *fmt, const char *a, const char *b)
{
    return jit_c_warn(c, ob_exc_SyntaxWarning, e->lineno, e->col_offset, e->end_lineno,
                      e->end_col_offset, fmt, a, b);
}

static int check_caller(jit_compiler *c, ps_expr *f)
{
    switch (f->kind) {
    case PS_EXPR_Constant: case PS_EXPR_Tuple: case PS_EXPR_List: case PS_EXPR_ListComp:
    case PS_EXPR_Dict: case PS_EXPR_DictComp: case PS_EXPR_Set: case PS_EXPR_SetComp:
    case PS_EXPR_GeneratorExp: case PS_EXPR_JoinedStr: case PS_EXPR_FormattedValue:
        return warn_at(c, f, "'%s' object is not callable; perhaps you missed a comma?%s",
                       literal_type(f), "");
    default:
        return 0;
    }
}

static int check_subscripter(jit_compiler *c, ps_expr *v)
{
    switch (v->kind) {
    case PS_EXPR_Constant: {
        ps_const_kind k = v->v.Constant.value.kind;
        if (k != PS_CONST_NONE && k != PS_CONST_ELLIPSIS && k != PS_CONST_INT &&
            k != PS_CONST_FLOAT && k != PS_CONST_COMPLEX && k != PS_CONST_TRUE &&
            k != PS_CONST_FALSE)
            return 0;
        break;
    }
    case PS_EXPR_Set: case PS_EXPR_SetComp: case PS_EXPR_GeneratorExp: case PS_EXPR_Lambda:
        break;
    default:
        return 0;
    }
    return warn_at(c, v, "'%s' object is not subscriptable; perhaps you missed a comma?%s",
                   literal_type(v), "");
}

static int check_index(jit_compiler *c, ps_expr *v, ps_expr *index)
{
    const char *it = literal_type(index);
    /* ints (bools included) are fine indices; None and ... are not */
    if (!it || (index->kind == PS_EXPR_Constant &&
                (index->v.Constant.value.kind == PS_CONST_INT ||
                 index->v.Constant.value.kind == PS_CONST_TRUE ||
                 index->v.Constant.value.kind == PS_CONST_FALSE ||
                 (index->v.Constant.value.kind == PS_CONST_OBJECT &&
                  KN_INT_CHECK((KnObject *)index->v.Constant.value.u.obj)))))
        return 0;
    switch (v->kind) {
    case PS_EXPR_Constant:
        if (v->v.Constant.value.kind != PS_CONST_STR && v->v.Constant.value.kind != PS_CONST_BYTES)
            return 0;
        break;
    case PS_EXPR_Tuple: case PS_EXPR_List: case PS_EXPR_ListComp: case PS_EXPR_JoinedStr:
    case PS_EXPR_FormattedValue:
        break;
    default:
        return 0;
    }
    return warn_at(c, v, "%s indices must be integers or slices, not %s; perhaps you missed a "
                         "comma?", literal_type(v), it);
}

/* `x is 1`: "is" with a literal (None, True, False and ... are fine). */
static int is_literal_arg(jit_compiler *c, ps_expr *e, int *lit)
{
    *lit = 0;
    if (e->kind != PS_EXPR_Constant && e->kind != PS_EXPR_UnaryOp && e->kind != PS_EXPR_BinOp &&
        e->kind != PS_EXPR_Tuple)
        return 0;
    KnObject *k;
    int r = jit_c_fold(c, e, &k);
    if (r < 0)
        return -1;
    *lit = r && k != &ob_none_obj && k != &ob_ellipsis_obj && k != (KnObject *)&ob_true_obj &&
           k != (KnObject *)&ob_false_obj;
    return 0;
}

static int check_compare(jit_compiler *c, ps_expr *e)
{
    int left;
    if (is_literal_arg(c, e->v.Compare.left, &left) < 0)
        return -1;
    for (ptrdiff_t i = 0; i < PS_SEQ_LEN(e->v.Compare.ops); i++) {
        int right;
        if (is_literal_arg(c, e->v.Compare.comparators->items[i], &right) < 0)
            return -1;
        ps_cmpop op = e->v.Compare.ops->items[i];
        if ((op == PS_Is || op == PS_IsNot) && (left || right))
            return warn_at(c, e, "%s", op == PS_Is ? "\"is\" with a literal. Did you mean \"==\"?"
                                            : "\"is not\" with a literal. Did you mean \"!=\"?",
                           NULL);
        left = right;
    }
    return 0;
}

/* ---- calls ---- */

static int validate_keywords(jit_compiler *c, ps_keyword_seq *kws)
{
    for (ptrdiff_t i = 0; i < PS_SEQ_LEN(kws); i++) {
        ps_keyword_arg *k = kws->items[i];
        if (!k->arg)
            continue;
        if (jit_c_check_forbidden(c, k->arg, k, PS_Store) < 0)
            return -1;
        for (ptrdiff_t j = i + 1; j < PS_SEQ_LEN(kws); j++) {
            ps_keyword_arg *o = kws->items[j];
            if (o->arg && strcmp(k->arg, o->arg) == 0)
                return jit_c_error_at(c, o->lineno, o->col_offset, o->end_lineno,
                                      o->end_col_offset, "keyword argument repeated: %s",
                                      k->arg);
        }
    }
    return 0;
}

static int kwnames_const(jit_compiler *c, ps_keyword_seq *kws, ptrdiff_t begin, ptrdiff_t end,
                         KnObject **out)
{
    KnObject *t = ob_tuple_new(end - begin);
    if (!t)
        return jit_c_objerr(c);
    for (ptrdiff_t i = begin; i < end; i++) {
        KnObject *s = jit_c_str(c, kws->items[i]->arg);
        if (!s)
            return jit_c_objerr(c);
        ((KnTupleObject *)t)->ob_item[i - begin] = s;
    }
    *out = t;
    return 0;
}

/* keyword arguments [begin, end) into one dict on the stack */
static int subkwargs(jit_compiler *c, ps_keyword_seq *kws, ptrdiff_t begin, ptrdiff_t end)
{
    ptrdiff_t n = end - begin;
    int big = n * 2 > STACK_USE_GUIDELINE;
    if (big) {
        EMIT(JIT_OP_BUILD_MAP, 0);
        for (ptrdiff_t i = begin; i < end; i++) {
            if (jit_c_load_const(c, jit_c_str(c, kws->items[i]->arg)) < 0)
                return -1;
            VISIT(kws->items[i]->value);
            EMIT(JIT_OP_MAP_ADD, 1);
        }
        return 0;
    }
    if (n > 1) {
        for (ptrdiff_t i = begin; i < end; i++)
            VISIT(kws->items[i]->value);
        KnObject *t;
        if (kwnames_const(c, kws, begin, end, &t) < 0 || jit_c_load_const(c, t) < 0)
            return -1;
        EMIT(JIT_OP_BUILD_CONST_KEY_MAP, (int)n);
        return 0;
    }
    for (ptrdiff_t i = begin; i < end; i++) {
        if (jit_c_load_const(c, jit_c_str(c, kws->items[i]->arg)) < 0)
            return -1;
        VISIT(kws->items[i]->value);
    }
    EMIT(JIT_OP_BUILD_MAP, (int)n);
    return 0;
}

/* The callable (and NULL or self) is on the stack; n items already pushed
 * as leading positional arguments. */
int jit_c_call_helper(jit_compiler *c, int n, ps_expr_seq *args, ps_keyword_seq *kws)
{
    if (validate_keywords(c, kws) < 0)
        return -1;
    ptrdiff_t nargs = PS_SEQ_LEN(args), nkw = PS_SEQ_LEN(kws);
    int simple = n + nargs + nkw * 2 <= STACK_USE_GUIDELINE;
    for (ptrdiff_t i = 0; i < nargs && simple; i++)
        if (args->items[i]->kind == PS_EXPR_Starred)
            simple = 0;
    for (ptrdiff_t i = 0; i < nkw && simple; i++)
        if (!kws->items[i]->arg)
            simple = 0;
    if (simple) {
        for (ptrdiff_t i = 0; i < nargs; i++)
            VISIT(args->items[i]);
        if (nkw) {
            for (ptrdiff_t i = 0; i < nkw; i++)
                VISIT(kws->items[i]->value);
            KnObject *t;
            if (kwnames_const(c, kws, 0, nkw, &t) < 0)
                return -1;
            int idx = jit_c_add_const(c, t);
            if (idx < 0)
                return -1;
            EMIT(JIT_OP_KW_NAMES, idx);
        }
        EMIT(JIT_OP_CALL, (int)(n + nargs + nkw));
        return 0;
    }
    /* General form: CALL_FUNCTION_EX with an args tuple and a kwargs dict. */
    if (n == 0 && nargs == 1 && args->items[0]->kind == PS_EXPR_Starred) {
        /* f(*a): CALL_FUNCTION_EX converts a to a tuple itself, with
         * CPython's message when it is not iterable */
        VISIT(args->items[0]->v.Starred.value);
    } else if (starunpack(c, args, n, 1) < 0) {
        return -1;
    }
    if (nkw) {
        ptrdiff_t nseen = 0;
        int have_dict = 0;
        for (ptrdiff_t i = 0; i < nkw; i++) {
            ps_keyword_arg *k = kws->items[i];
            if (!k->arg) {
                if (nseen) {
                    if (subkwargs(c, kws, i - nseen, i) < 0)
                        return -1;
                    if (have_dict)
                        EMIT(JIT_OP_DICT_MERGE, 1);
                    have_dict = 1;
                    nseen = 0;
                }
                if (!have_dict) {
                    EMIT(JIT_OP_BUILD_MAP, 0);
                    have_dict = 1;
                }
                VISIT(k->value);
                EMIT(JIT_OP_DICT_MERGE, 1);
            } else {
                nseen++;
            }
        }
        if (nseen) {
            if (subkwargs(c, kws, nkw - nseen, nkw) < 0)
                return -1;
            if (have_dict)
                EMIT(JIT_OP_DICT_MERGE, 1);
        }
    }
    EMIT(JIT_OP_CALL_FUNCTION_EX, nkw > 0);
    return 0;
}

static int compile_call(jit_compiler *c, ps_expr *e)
{
    ps_expr *f = e->v.Call.func;
    ps_expr_seq *args = e->v.Call.args;
    ps_keyword_seq *kws = e->v.Call.keywords;
    if (check_caller(c, f) < 0)
        return -1;
    /* obj.meth(...) without * / ** uses LOAD_METHOD. */
    if (f->kind == PS_EXPR_Attribute && f->v.Attribute.ctx == PS_Load &&
        PS_SEQ_LEN(args) + PS_SEQ_LEN(kws) + (PS_SEQ_LEN(kws) != 0) < STACK_USE_GUIDELINE) {
        int ok = 1;
        for (ptrdiff_t i = 0; i < PS_SEQ_LEN(args) && ok; i++)
            if (args->items[i]->kind == PS_EXPR_Starred)
                ok = 0;
        for (ptrdiff_t i = 0; i < PS_SEQ_LEN(kws) && ok; i++)
            if (!kws->items[i]->arg)
                ok = 0;
        if (ok) {
            if (validate_keywords(c, kws) < 0)
                return -1;
            VISIT(f->v.Attribute.value);
            jit_position saved = c->u->pos;
            SET_LOC(c, f);
            int idx = jit_c_add_name(c, f->v.Attribute.attr);
            if (idx < 0)
                return -1;
            EMIT(JIT_OP_LOAD_METHOD, idx);
            c->u->pos = saved;
            return jit_c_call_helper(c, 0, args, kws);
        }
    }
    if (f->kind == PS_EXPR_Name) {
        /* LOAD_GLOBAL pushes the NULL itself */
        const char *m = jit_c_mangle(c, f->v.Name.id);
        if (!m)
            return -1;
        jit_scope sc = jit_ste_scope(c->u->ste, m);
        if ((sc == JIT_SCOPE_GLOBAL_EXPLICIT ||
             (sc == JIT_SCOPE_GLOBAL_IMPLICIT && c->u->ste->type == JIT_BLOCK_FUNCTION))) {
            jit_position saved = c->u->pos;
            SET_LOC(c, f);
            if (jit_c_nameop(c, f->v.Name.id, PS_Load) < 0)
                return -1;
            jit_block *b = &c->u->blocks[c->u->cur];
            b->ins[b->n - 1].arg |= 1;
            c->u->pos = saved;
            return jit_c_call_helper(c, 0, args, kws);
        }
    }
    jit_position saved = c->u->pos;
    SET_LOC(c, f);
    EMIT(JIT_OP_PUSH_NULL, 0);
    c->u->pos = saved;
    VISIT(f);
    return jit_c_call_helper(c, 0, args, kws);
}

/* ---- yield, await ---- */

int jit_c_add_yield_from(jit_compiler *c, int await)
{
    NEW_BLOCK(start);
    NEW_BLOCK(exit);
    USE_BLOCK(start);
    EMIT_JUMP(JIT_OP_SEND, exit);
    EMIT(JIT_OP_YIELD_VALUE, 0);
    EMIT(JIT_OP_RESUME, await ? 3 : 2);
    EMIT_JUMP(JIT_OP_JUMP_NO_INTERRUPT, start);
    USE_BLOCK(exit);
    return 0;
}

int jit_c_await_check(jit_compiler *c, ps_expr *e)
{
    if (jit_c_is_top_level_await(c))
        return 0;
    jit_unit *u = c->u;
    if (u->ste->type != JIT_BLOCK_FUNCTION)
        return jit_c_error(c, e, "'await' outside function");
    if (u->scope_type != SCOPE_ASYNC_FUNCTION && u->scope_type != SCOPE_COMPREHENSION)
        return jit_c_error(c, e, "'await' outside async function");
    return 0;
}

/* ---- f-strings ---- */

static int compile_formatted(jit_compiler *c, ps_expr *e)
{
    VISIT(e->v.FormattedValue.value);
    int oparg = 0;
    switch (e->v.FormattedValue.conversion) {
    case 's': oparg = 1; break;
    case 'r': oparg = 2; break;
    case 'a': oparg = 3; break;
    default: oparg = 0; break;
    }
    if (e->v.FormattedValue.format_spec) {
        VISIT(e->v.FormattedValue.format_spec);
        oparg |= 4;
    }
    EMIT(JIT_OP_FORMAT_VALUE, oparg);
    return 0;
}

static int compile_joined(jit_compiler *c, ps_expr *e)
{
    ps_expr_seq *vals = e->v.JoinedStr.values;
    ptrdiff_t n = PS_SEQ_LEN(vals);
    if (n > STACK_USE_GUIDELINE) {
        /* ''.join([...]) */
        if (jit_c_load_const(c, ob_str_empty()) < 0)
            return -1;
        int idx = jit_c_add_name(c, "join");
        if (idx < 0)
            return -1;
        EMIT(JIT_OP_LOAD_METHOD, idx);
        EMIT(JIT_OP_BUILD_LIST, 0);
        for (ptrdiff_t i = 0; i < n; i++) {
            VISIT(vals->items[i]);
            EMIT(JIT_OP_LIST_APPEND, 1);
        }
        EMIT(JIT_OP_CALL, 1);
        return 0;
    }
    for (ptrdiff_t i = 0; i < n; i++)
        VISIT(vals->items[i]);
    if (n == 0)
        return jit_c_load_const(c, ob_str_empty());
    if (n != 1)
        EMIT(JIT_OP_BUILD_STRING, (int)n);
    return 0;
}

/* ---- assignment targets ---- */

int jit_c_unpack_helper(jit_compiler *c, ps_expr_seq *elts)
{
    ptrdiff_t n = PS_SEQ_LEN(elts);
    int seen_star = 0;
    for (ptrdiff_t i = 0; i < n; i++) {
        ps_expr *e = elts->items[i];
        if (e->kind == PS_EXPR_Starred && !seen_star) {
            if (i >= (1 << 8) || n - i - 1 >= (INT32_MAX >> 8))
                return jit_c_error_at(c, e->lineno, e->col_offset, e->end_lineno,
                                      e->end_col_offset,
                                      "too many expressions in star-unpacking assignment");
            EMIT(JIT_OP_UNPACK_EX, (int)(i + ((n - i - 1) << 8)));
            seen_star = 1;
        } else if (e->kind == PS_EXPR_Starred) {
            return jit_c_error_at(c, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset,
                                  "multiple starred expressions in assignment");
        }
    }
    if (!seen_star)
        EMIT(JIT_OP_UNPACK_SEQUENCE, (int)n);
    return 0;
}

int jit_c_assign_target(jit_compiler *c, ps_expr *t)
{
    jit_position saved = c->u->pos;
    SET_LOC(c, t);
    switch (t->kind) {
    case PS_EXPR_Name:
        if (jit_c_check_forbidden(c, t->v.Name.id, t, PS_Store) < 0)
            return -1;
        if (jit_c_nameop(c, t->v.Name.id, PS_Store) < 0)
            return -1;
        break;
    case PS_EXPR_Attribute: {
        SET_LOC(c, t);
        if (jit_c_check_forbidden(c, t->v.Attribute.attr, t, PS_Store) < 0)
            return -1;
        VISIT(t->v.Attribute.value);
        int idx = jit_c_add_name(c, t->v.Attribute.attr);
        if (idx < 0)
            return -1;
        EMIT(JIT_OP_STORE_ATTR, idx);
        break;
    }
    case PS_EXPR_Subscript:
        VISIT(t->v.Subscript.value);
        VISIT(t->v.Subscript.slice);
        EMIT(JIT_OP_STORE_SUBSCR, 0);
        break;
    case PS_EXPR_Tuple:
    case PS_EXPR_List:
        if (jit_c_unpack_helper(c, t->v.Tuple.elts) < 0)
            return -1;
        for (ptrdiff_t i = 0; i < PS_SEQ_LEN(t->v.Tuple.elts); i++) {
            ps_expr *el = t->v.Tuple.elts->items[i];
            if (jit_c_assign_target(c, el->kind == PS_EXPR_Starred ? el->v.Starred.value : el) < 0)
                return -1;
        }
        break;
    case PS_EXPR_Starred:
        return jit_c_error(c, t, "starred assignment target must be in a list or tuple");
    default:
        return jit_c_error(c, t, "cannot assign to expression");
    }
    c->u->pos = saved;
    return 0;
}

/* ---- lambda ---- */

int jit_c_defaults(jit_compiler *c, ps_arguments *a, int *flags)
{
    if (PS_SEQ_LEN(a->defaults)) {
        if (starunpack(c, a->defaults, 0, 1) < 0)
            return -1;
        *flags |= 0x01;
    }
    ptrdiff_t nkw = 0;
    for (ptrdiff_t i = 0; i < PS_SEQ_LEN(a->kwonlyargs); i++)
        if (PS_SEQ_LEN(a->kw_defaults) > i && a->kw_defaults->items[i])
            nkw++;
    if (!nkw)
        return 0;
    KnObject *keys = ob_tuple_new(nkw);
    if (!keys)
        return jit_c_objerr(c);
    ptrdiff_t k = 0;
    for (ptrdiff_t i = 0; i < PS_SEQ_LEN(a->kwonlyargs); i++) {
        ps_expr *d = PS_SEQ_LEN(a->kw_defaults) > i ? a->kw_defaults->items[i] : NULL;
        if (!d)
            continue;
        const char *m = jit_c_mangle(c, a->kwonlyargs->items[i]->arg);
        KnObject *name = m ? jit_c_str(c, m) : NULL;
        if (!name)
            return m ? jit_c_objerr(c) : -1;
        ((KnTupleObject *)keys)->ob_item[k++] = name;
        VISIT(d);
    }
    if (jit_c_load_const(c, keys) < 0)
        return -1;
    EMIT(JIT_OP_BUILD_CONST_KEY_MAP, (int)nkw);
    *flags |= 0x02;
    return 0;
}

int jit_c_lambda(jit_compiler *c, ps_expr *e)
{
    ps_arguments *a = e->v.Lambda.args;
    int flags = 0;
    SET_LOC(c, e);
    if (jit_c_check_debug_args(c, a) < 0 || jit_c_defaults(c, a, &flags) < 0)
        return -1;
    if (jit_c_enter_scope(c, "<lambda>", SCOPE_LAMBDA, e, e->lineno) < 0)
        return -1;
    jit_unit *u = c->u;
    u->argcount = (int)(PS_SEQ_LEN(a->args) + PS_SEQ_LEN(a->posonlyargs));
    u->posonlyargcount = (int)PS_SEQ_LEN(a->posonlyargs);
    u->kwonlyargcount = (int)PS_SEQ_LEN(a->kwonlyargs);
    /* co_consts[0] is the docstring slot: None for a lambda */
    if (jit_c_add_const(c, &ob_none_obj) < 0)
        return -1;
    VISIT(e->v.Lambda.body);
    if (u->ste->is_generator) {
        EMIT(JIT_OP_POP_TOP, 0);
        if (jit_c_load_const(c, &ob_none_obj) < 0)
            return -1;
    }
    EMIT(JIT_OP_RETURN_VALUE, 0);
    KnObject *co = jit_c_exit_scope(c, 0);
    if (!co)
        return -1;
    return jit_c_make_closure(c, co, flags);
}

/* 'fmt' % (a, b) with only %s / %r / %a / %% in fmt and one item per
 * specifier becomes an f-string (CPython 3.11's optimize_format, for the
 * forms without flags, width or precision).  1 done, 0 not applicable. */
static int percent_format(jit_compiler *c, ps_expr *e)
{
    ps_expr *l = e->v.BinOp.left, *r = e->v.BinOp.right;
    if (e->v.BinOp.op != PS_Mod || l->kind != PS_EXPR_Constant ||
        l->v.Constant.value.kind != PS_CONST_STR || r->kind != PS_EXPR_Tuple ||
        has_starred(r->v.Tuple.elts))
        return 0;
    const char *f = l->v.Constant.value.u.s.data;
    size_t len = l->v.Constant.value.u.s.len;
    ptrdiff_t nargs = PS_SEQ_LEN(r->v.Tuple.elts), used = 0;
    if (nargs > STACK_USE_GUIDELINE / 2)
        return 0;
    for (size_t i = 0; i < len; i++) {
        if (f[i] != '%')
            continue;
        if (i + 1 >= len)
            return 0;
        char ch = f[++i];
        if (ch == '%')
            continue;
        if (ch != 's' && ch != 'r' && ch != 'a')
            return 0;
        used++;
    }
    if (used != nargs)
        return 0;
    char *lit = ps_arena_alloc(c->arena, len + 1);
    if (!lit)
        return jit_c_nomem(c);
    int pieces = 0;
    ptrdiff_t arg = 0;
    size_t n = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && f[i] != '%') {
            lit[n++] = f[i];
            continue;
        }
        if (i < len && f[i + 1] == '%') {
            lit[n++] = '%';
            i++;
            continue;
        }
        if (n) {
            if (jit_c_load_const(c, ob_str_decode_utf8(lit, (kn_ssize_t)n, "surrogatepass")) < 0)
                return -1;
            pieces++;
            n = 0;
        }
        if (i == len)
            break;
        char ch = f[++i];
        VISIT(r->v.Tuple.elts->items[arg++]);
        EMIT(JIT_OP_FORMAT_VALUE, ch == 's' ? 1 : ch == 'r' ? 2 : 3);
        pieces++;
    }
    if (pieces == 0)
        return jit_c_load_const(c, ob_str_empty()) < 0 ? -1 : 1;
    if (pieces > 1)
        EMIT(JIT_OP_BUILD_STRING, pieces);
    return 1;
}

/* ---- the dispatcher ---- */

static int compile_slice(jit_compiler *c, ps_expr *e)
{
    int n = 2;
    if (e->v.Slice.lower)
        VISIT(e->v.Slice.lower);
    else if (jit_c_load_const(c, &ob_none_obj) < 0)
        return -1;
    if (e->v.Slice.upper)
        VISIT(e->v.Slice.upper);
    else if (jit_c_load_const(c, &ob_none_obj) < 0)
        return -1;
    if (e->v.Slice.step) {
        VISIT(e->v.Slice.step);
        n = 3;
    }
    EMIT(JIT_OP_BUILD_SLICE, n);
    return 0;
}

static int expr1(jit_compiler *c, ps_expr *e)
{
    switch (e->kind) {
    case PS_EXPR_NamedExpr:
        VISIT(e->v.NamedExpr.value);
        EMIT(JIT_OP_COPY, 1);
        return jit_c_assign_target(c, e->v.NamedExpr.target);
    case PS_EXPR_BoolOp: {
        int op = e->v.BoolOp.op == PS_And ? JIT_OP_JUMP_IF_FALSE_OR_POP : JIT_OP_JUMP_IF_TRUE_OR_POP;
        NEW_BLOCK(end);
        ps_expr_seq *s = e->v.BoolOp.values;
        for (ptrdiff_t i = 0; i < PS_SEQ_LEN(s) - 1; i++) {
            VISIT(s->items[i]);
            EMIT_JUMP(op, end);
        }
        VISIT(s->items[PS_SEQ_LEN(s) - 1]);
        USE_BLOCK(end);
        return 0;
    }
    case PS_EXPR_BinOp: {
        KnObject *k;
        int r = jit_c_fold(c, e, &k);
        if (r < 0)
            return -1;
        if (r)
            return jit_c_load_const(c, k);
        r = percent_format(c, e);
        if (r)
            return r < 0 ? -1 : 0;
        VISIT(e->v.BinOp.left);
        VISIT(e->v.BinOp.right);
        EMIT(JIT_OP_BINARY_OP, binop_arg(e->v.BinOp.op));
        return 0;
    }
    case PS_EXPR_UnaryOp: {
        KnObject *k;
        int r = jit_c_fold(c, e, &k);
        if (r < 0)
            return -1;
        if (r)
            return jit_c_load_const(c, k);
        ps_expr *o = e->v.UnaryOp.operand;
        if (e->v.UnaryOp.op == PS_Not && o->kind == PS_EXPR_Compare &&
            PS_SEQ_LEN(o->v.Compare.ops) == 1) {
            ps_cmpop op = o->v.Compare.ops->items[0];
            ps_cmpop inv = op == PS_Is ? PS_IsNot : op == PS_IsNot ? PS_Is
                         : op == PS_In ? PS_NotIn : op == PS_NotIn ? PS_In : 0;
            if (inv) {
                VISIT(o->v.Compare.left);
                if (visit_comparator(c, o, 0) < 0)
                    return -1;
                return emit_compare(c, inv);
            }
        }
        VISIT(o);
        switch (e->v.UnaryOp.op) {
        case PS_Invert: EMIT(JIT_OP_UNARY_INVERT, 0); break;
        case PS_Not: EMIT(JIT_OP_UNARY_NOT, 0); break;
        case PS_UAdd: EMIT(JIT_OP_UNARY_POSITIVE, 0); break;
        case PS_USub: EMIT(JIT_OP_UNARY_NEGATIVE, 0); break;
        }
        return 0;
    }
    case PS_EXPR_Lambda:
        return jit_c_lambda(c, e);
    case PS_EXPR_IfExp: {
        NEW_BLOCK(end);
        NEW_BLOCK(next2);
        if (jit_c_jump_if(c, e->v.IfExp.test, next2, 0) < 0)
            return -1;
        VISIT(e->v.IfExp.body);
        EMIT_JUMP(JIT_OP_JUMP_NO_INTERRUPT, end);
        USE_BLOCK(next2);
        VISIT(e->v.IfExp.orelse);
        USE_BLOCK(end);
        return 0;
    }
    case PS_EXPR_Dict:
        return compile_dict(c, e);
    case PS_EXPR_Set:
        return starunpack(c, e->v.Set.elts, 0, 2);
    case PS_EXPR_GeneratorExp:
    case PS_EXPR_ListComp:
    case PS_EXPR_SetComp:
    case PS_EXPR_DictComp:
        return jit_c_comprehension(c, e);
    case PS_EXPR_Yield:
        if (c->u->ste->type != JIT_BLOCK_FUNCTION)
            return jit_c_error(c, e, "'yield' outside function");
        if (e->v.Yield.value)
            VISIT(e->v.Yield.value);
        else if (jit_c_load_const(c, &ob_none_obj) < 0)
            return -1;
        if (c->u->ste->is_generator && c->u->ste->is_coroutine)
            EMIT(JIT_OP_ASYNC_GEN_WRAP, 0);
        EMIT(JIT_OP_YIELD_VALUE, 0);
        EMIT(JIT_OP_RESUME, 1);
        return 0;
    case PS_EXPR_YieldFrom:
        if (c->u->ste->type != JIT_BLOCK_FUNCTION)
            return jit_c_error(c, e, "'yield' outside function");
        if (c->u->scope_type == SCOPE_ASYNC_FUNCTION)
            return jit_c_error(c, e, "'yield from' inside async function");
        VISIT(e->v.YieldFrom.value);
        EMIT(JIT_OP_GET_YIELD_FROM_ITER, 0);
        if (jit_c_load_const(c, &ob_none_obj) < 0)
            return -1;
        return jit_c_add_yield_from(c, 0);
    case PS_EXPR_Await:
        if (jit_c_await_check(c, e) < 0)
            return -1;
        VISIT(e->v.Await.value);
        EMIT(JIT_OP_GET_AWAITABLE, 0);
        if (jit_c_load_const(c, &ob_none_obj) < 0)
            return -1;
        return jit_c_add_yield_from(c, 1);
    case PS_EXPR_Compare: {
        KnObject *k;
        int r = jit_c_fold(c, e, &k);
        if (r < 0)
            return -1;
        if (r)
            return jit_c_load_const(c, k);
        return compile_compare(c, e);
    }
    case PS_EXPR_Call:
        return compile_call(c, e);
    case PS_EXPR_FormattedValue:
        return compile_formatted(c, e);
    case PS_EXPR_JoinedStr:
        return compile_joined(c, e);
    case PS_EXPR_Constant: {
        KnObject *v;
        if (jit_c_constant(c, &e->v.Constant.value, &v) < 0)
            return -1;
        return jit_c_load_const(c, v);
    }
    case PS_EXPR_Attribute: {
        if (e->v.Attribute.ctx != PS_Load) {
            /* obj.__debug__ = ... is refused like __debug__ = ... */
            if (e->v.Attribute.ctx == PS_Store &&
                jit_c_check_forbidden(c, e->v.Attribute.attr, e, PS_Store) < 0)
                return -1;
            VISIT(e->v.Attribute.value);
            int idx = jit_c_add_name(c, e->v.Attribute.attr);
            if (idx < 0)
                return -1;
            EMIT(e->v.Attribute.ctx == PS_Store ? JIT_OP_STORE_ATTR : JIT_OP_DELETE_ATTR, idx);
            return 0;
        }
        VISIT(e->v.Attribute.value);
        int idx = jit_c_add_name(c, e->v.Attribute.attr);
        if (idx < 0)
            return -1;
        EMIT(JIT_OP_LOAD_ATTR, idx);
        return 0;
    }
    case PS_EXPR_Subscript: {
        KnObject *k;
        if (e->v.Subscript.ctx == PS_Load) {
            int r = jit_c_fold(c, e, &k);
            if (r < 0)
                return -1;
            if (r)
                return jit_c_load_const(c, k);
        }
        if (e->v.Subscript.ctx == PS_Load &&
            (check_subscripter(c, e->v.Subscript.value) < 0 ||
             check_index(c, e->v.Subscript.value, e->v.Subscript.slice) < 0))
            return -1;
        VISIT(e->v.Subscript.value);
        VISIT(e->v.Subscript.slice);
        EMIT(e->v.Subscript.ctx == PS_Load ? JIT_OP_BINARY_SUBSCR
             : e->v.Subscript.ctx == PS_Store ? JIT_OP_STORE_SUBSCR : JIT_OP_DELETE_SUBSCR, 0);
        return 0;
    }
    case PS_EXPR_Starred:
        if (e->v.Starred.ctx == PS_Store)
            return jit_c_error(c, e, "starred assignment target must be in a list or tuple");
        return jit_c_error(c, e, "can't use starred expression here");
    case PS_EXPR_Slice:
        return compile_slice(c, e);
    case PS_EXPR_Name:
        if (jit_c_check_forbidden(c, e->v.Name.id, e, e->v.Name.ctx) < 0)
            return -1;
        return jit_c_nameop(c, e->v.Name.id, e->v.Name.ctx);
    case PS_EXPR_List:
        if (e->v.List.ctx == PS_Store)
            return jit_c_assign_target(c, e);
        if (e->v.List.ctx == PS_Del)
            return jit_c_exprs(c, e->v.List.elts);
        return starunpack(c, e->v.List.elts, 0, 0);
    case PS_EXPR_Tuple: {
        if (e->v.Tuple.ctx == PS_Store)
            return jit_c_assign_target(c, e);
        if (e->v.Tuple.ctx == PS_Del)
            return jit_c_exprs(c, e->v.Tuple.elts);
        KnObject *k;
        int r = jit_c_fold(c, e, &k);
        if (r < 0)
            return -1;
        if (r)
            return jit_c_load_const(c, k);
        return starunpack(c, e->v.Tuple.elts, 0, 1);
    }
    }
    return jit_c_error(c, e, "compiler: unknown expression kind %d", (int)e->kind);
}

int jit_c_expr(jit_compiler *c, ps_expr *e)
{
    jit_position saved = c->u->pos;
    SET_LOC(c, e);
    int r = expr1(c, e);
    c->u->pos = saved;
    return r;
}
