/* libjit/src/compile_match.c — the match statement (PEP 634) with
 * CPython 3.11's MATCH_* instructions.
 *
 * A pattern is compiled with the subject on top of the stack.  Names a
 * pattern captures are not stored at once: they stay on the stack (each new
 * one rotated below the earlier ones and below the `on_top` items still in
 * use) until the whole pattern has matched, then the case stores them all.
 * A failing test jumps to fail_pop[n], a chain of blocks that pops the n
 * items the pattern had pushed so far and falls through to fail_pop[0]. */
#include <string.h>

#include "compile.h"
#include "libobject/libobject.h"

int jit_c_fold(jit_compiler *c, ps_expr *e, KnObject **out);

typedef struct pattern_ctx {
    const char **stores;
    int nstores, storecap;
    int allow_irrefutable;
    int *fail_pop;
    int fail_pop_size;
    int on_top;
} pattern_ctx;

#define WILDCARD(p) ((p)->kind == PS_PATTERN_MatchAs && !(p)->v.MatchAs.pattern && !(p)->v.MatchAs.name)
#define WILDCARD_STAR(p) ((p)->kind == PS_PATTERN_MatchStar && !(p)->v.MatchStar.name)

static int pattern(jit_compiler *c, ps_pattern *p, pattern_ctx *pc);

static int perr(jit_compiler *c, ps_pattern *p, const char *fmt, const char *arg)
{
    return jit_c_error_at(c, p->lineno, p->col_offset, p->end_lineno, p->end_col_offset, fmt,
                          arg);
}

static int ensure_fail_pop(jit_compiler *c, pattern_ctx *pc, int n)
{
    int size = n + 1;
    if (size <= pc->fail_pop_size)
        return 0;
    int *nf = ps_arena_alloc(c->arena, sizeof(int) * (size_t)size);
    if (!nf)
        return jit_c_nomem(c);
    if (pc->fail_pop_size)
        memcpy(nf, pc->fail_pop, sizeof(int) * (size_t)pc->fail_pop_size);
    for (int i = pc->fail_pop_size; i < size; i++) {
        nf[i] = jit_c_new_block(c);
        if (nf[i] < 0)
            return -1;
    }
    pc->fail_pop = nf;
    pc->fail_pop_size = size;
    return 0;
}

static int jump_to_fail_pop(jit_compiler *c, pattern_ctx *pc, int op)
{
    int pops = pc->on_top + pc->nstores;
    if (ensure_fail_pop(c, pc, pops) < 0)
        return -1;
    EMIT_JUMP(op, pc->fail_pop[pops]);
    return 0;
}

static int emit_and_reset_fail_pop(jit_compiler *c, pattern_ctx *pc)
{
    if (!pc->fail_pop_size)
        return 0;
    while (--pc->fail_pop_size) {
        USE_BLOCK(pc->fail_pop[pc->fail_pop_size]);
        if (jit_c_emit_noloc(c, JIT_OP_POP_TOP, 0) < 0)
            return -1;
    }
    USE_BLOCK(pc->fail_pop[0]);
    pc->fail_pop = NULL;
    return 0;
}

static int rotate(jit_compiler *c, int count)
{
    while (1 < count)
        EMIT(JIT_OP_SWAP, count--);
    return 0;
}

static int stores_find(pattern_ctx *pc, const char *name)
{
    for (int i = 0; i < pc->nstores; i++)
        if (strcmp(pc->stores[i], name) == 0)
            return i;
    return -1;
}

static int stores_append(jit_compiler *c, pattern_ctx *pc, const char *name)
{
    if (pc->nstores == pc->storecap) {
        int nc = pc->storecap ? pc->storecap * 2 : 8;
        const char **ns = ps_arena_alloc(c->arena, sizeof(char *) * (size_t)nc);
        if (!ns)
            return jit_c_nomem(c);
        if (pc->nstores)
            memcpy(ns, pc->stores, sizeof(char *) * (size_t)pc->nstores);
        pc->stores = ns;
        pc->storecap = nc;
    }
    pc->stores[pc->nstores++] = name;
    return 0;
}

static int duplicate_store(jit_compiler *c, const char *name)
{
    return jit_c_error(c, NULL, "multiple assignments to name '%s' in pattern", name);
}

static int store_name(jit_compiler *c, ps_pattern *p, const char *name, pattern_ctx *pc)
{
    if (!name) {
        EMIT(JIT_OP_POP_TOP, 0);
        return 0;
    }
    if (jit_c_check_forbidden(c, name, p, PS_Store) < 0)
        return -1;
    if (stores_find(pc, name) >= 0)
        return duplicate_store(c, name);
    if (rotate(c, pc->on_top + pc->nstores + 1) < 0)
        return -1;
    return stores_append(c, pc, name);
}

static int subpattern(jit_compiler *c, ps_pattern *p, pattern_ctx *pc)
{
    int saved = pc->allow_irrefutable;
    pc->allow_irrefutable = 1;
    int r = pattern(c, p, pc);
    pc->allow_irrefutable = saved;
    return r;
}

static int load_int(jit_compiler *c, long long v)
{
    return jit_c_load_const(c, ob_int_from_long_long(v));
}

static int unpack_patterns(jit_compiler *c, ps_pattern_seq *ps)
{
    ptrdiff_t n = PS_SEQ_LEN(ps);
    for (ptrdiff_t i = 0; i < n; i++)
        if (ps->items[i]->kind == PS_PATTERN_MatchStar) {
            EMIT(JIT_OP_UNPACK_EX, (int)(i + ((n - i - 1) << 8)));
            return 0;
        }
    EMIT(JIT_OP_UNPACK_SEQUENCE, (int)n);
    return 0;
}

static int sequence_pattern(jit_compiler *c, ps_pattern *p, pattern_ctx *pc)
{
    ps_pattern_seq *ps = p->v.MatchSequence.patterns;
    ptrdiff_t size = PS_SEQ_LEN(ps);
    ptrdiff_t star = -1;
    int only_wildcard = 1, star_wildcard = 0;
    for (ptrdiff_t i = 0; i < size; i++) {
        ps_pattern *q = ps->items[i];
        if (q->kind == PS_PATTERN_MatchStar) {
            if (star >= 0)
                return perr(c, q, "multiple starred names in sequence pattern%s", "");
            star_wildcard = WILDCARD_STAR(q);
            only_wildcard &= star_wildcard;
            star = i;
            continue;
        }
        only_wildcard &= WILDCARD(q);
    }
    pc->on_top++;
    EMIT(JIT_OP_MATCH_SEQUENCE, 0);
    if (jump_to_fail_pop(c, pc, JIT_OP_POP_JUMP_IF_FALSE) < 0)
        return -1;
    if (star < 0) {
        EMIT(JIT_OP_GET_LEN, 0);
        if (load_int(c, size) < 0)
            return -1;
        EMIT(JIT_OP_COMPARE_OP, 2);
        if (jump_to_fail_pop(c, pc, JIT_OP_POP_JUMP_IF_FALSE) < 0)
            return -1;
    } else if (size - 1) {
        EMIT(JIT_OP_GET_LEN, 0);
        if (load_int(c, size - 1) < 0)
            return -1;
        EMIT(JIT_OP_COMPARE_OP, 5);
        if (jump_to_fail_pop(c, pc, JIT_OP_POP_JUMP_IF_FALSE) < 0)
            return -1;
    }
    pc->on_top--;
    if (only_wildcard) {
        EMIT(JIT_OP_POP_TOP, 0);
        return 0;
    }
    if (star_wildcard) {
        /* index the subject instead of unpacking it all */
        pc->on_top++;
        for (ptrdiff_t i = 0; i < size; i++) {
            ps_pattern *q = ps->items[i];
            if (WILDCARD(q) || i == star)
                continue;
            EMIT(JIT_OP_COPY, 1);
            if (i < star) {
                if (load_int(c, i) < 0)
                    return -1;
            } else {
                EMIT(JIT_OP_GET_LEN, 0);
                if (load_int(c, size - i) < 0)
                    return -1;
                EMIT(JIT_OP_BINARY_OP, JIT_NB_SUBTRACT);
            }
            EMIT(JIT_OP_BINARY_SUBSCR, 0);
            if (subpattern(c, q, pc) < 0)
                return -1;
        }
        pc->on_top--;
        EMIT(JIT_OP_POP_TOP, 0);
        return 0;
    }
    if (unpack_patterns(c, ps) < 0)
        return -1;
    pc->on_top += (int)size;
    for (ptrdiff_t i = 0; i < size; i++) {
        pc->on_top--;
        if (subpattern(c, ps->items[i], pc) < 0)
            return -1;
    }
    return 0;
}

static int mapping_pattern(jit_compiler *c, ps_pattern *p, pattern_ctx *pc)
{
    ps_expr_seq *keys = p->v.MatchMapping.keys;
    ps_pattern_seq *ps = p->v.MatchMapping.patterns;
    ptrdiff_t size = PS_SEQ_LEN(keys);
    const char *star_target = p->v.MatchMapping.rest;
    if (size != PS_SEQ_LEN(ps))
        return perr(c, p, "keys / patterns length mismatch in mapping pattern%s", "");
    pc->on_top++;
    EMIT(JIT_OP_MATCH_MAPPING, 0);
    if (jump_to_fail_pop(c, pc, JIT_OP_POP_JUMP_IF_FALSE) < 0)
        return -1;
    if (!size && !star_target) {
        pc->on_top--;
        EMIT(JIT_OP_POP_TOP, 0);
        return 0;
    }
    if (size) {
        EMIT(JIT_OP_GET_LEN, 0);
        if (load_int(c, size) < 0)
            return -1;
        EMIT(JIT_OP_COMPARE_OP, 5);
        if (jump_to_fail_pop(c, pc, JIT_OP_POP_JUMP_IF_FALSE) < 0)
            return -1;
    }
    KnObject **seen = ps_arena_alloc(c->arena, sizeof(KnObject *) * (size_t)(size + 1));
    if (!seen)
        return jit_c_nomem(c);
    int nseen = 0;
    for (ptrdiff_t i = 0; i < size; i++) {
        ps_expr *key = keys->items[i];
        KnObject *k = NULL;
        int r = key->kind == PS_EXPR_Attribute ? 0 : jit_c_fold(c, key, &k);
        if (r < 0)
            return -1;
        if (r) {
            for (int j = 0; j < nseen; j++) {
                int eq = ob_richcompare_bool(seen[j], k, KN_EQ);
                if (eq < 0)
                    ob_err_clear();
                if (eq > 0) {
                    KnObject *rep = ob_repr(k);
                    const char *s = rep ? ob_str_as_utf8(rep, NULL) : "?";
                    return jit_c_error_at(c, p->lineno, p->col_offset, p->end_lineno,
                                          p->end_col_offset,
                                          "mapping pattern checks duplicate key (%s)", s);
                }
            }
            seen[nseen++] = k;
        } else if (key->kind != PS_EXPR_Attribute) {
            return jit_c_error_at(c, key->lineno, key->col_offset, key->end_lineno,
                                  key->end_col_offset,
                                  "mapping pattern keys may only match literals and attribute "
                                  "lookups");
        }
    }
    if (nseen == size) {
        /* all keys are constants: one constant tuple */
        KnObject *t = ob_tuple_new(size);
        if (!t)
            return jit_c_objerr(c);
        for (ptrdiff_t i = 0; i < size; i++)
            ((KnTupleObject *)t)->ob_item[i] = seen[i];
        if (jit_c_load_const(c, t) < 0)
            return -1;
    } else {
        for (ptrdiff_t i = 0; i < size; i++)
            VISIT(keys->items[i]);
        EMIT(JIT_OP_BUILD_TUPLE, (int)size);
    }
    EMIT(JIT_OP_MATCH_KEYS, 0);
    pc->on_top += 2;
    EMIT(JIT_OP_COPY, 1);
    if (jump_to_fail_pop(c, pc, JIT_OP_POP_JUMP_IF_NONE) < 0)
        return -1;
    EMIT(JIT_OP_UNPACK_SEQUENCE, (int)size);
    pc->on_top += (int)size - 1;
    for (ptrdiff_t i = 0; i < size; i++) {
        pc->on_top--;
        if (subpattern(c, ps->items[i], pc) < 0)
            return -1;
    }
    pc->on_top -= 2;
    if (star_target) {
        /* rest = dict(subject) without the matched keys */
        EMIT(JIT_OP_BUILD_MAP, 0);
        EMIT(JIT_OP_SWAP, 3);
        EMIT(JIT_OP_DICT_UPDATE, 2);
        EMIT(JIT_OP_UNPACK_SEQUENCE, (int)size);
        while (size) {
            EMIT(JIT_OP_COPY, (int)(1 + size--));
            EMIT(JIT_OP_SWAP, 2);
            EMIT(JIT_OP_DELETE_SUBSCR, 0);
        }
        return store_name(c, p, star_target, pc);
    }
    EMIT(JIT_OP_POP_TOP, 0);
    EMIT(JIT_OP_POP_TOP, 0);
    return 0;
}

static int class_pattern(jit_compiler *c, ps_pattern *p, pattern_ctx *pc)
{
    ps_pattern_seq *ps = p->v.MatchClass.patterns;
    ps_identifier_seq *attrs = p->v.MatchClass.kwd_attrs;
    ps_pattern_seq *kps = p->v.MatchClass.kwd_patterns;
    ptrdiff_t nargs = PS_SEQ_LEN(ps), nattrs = PS_SEQ_LEN(attrs);
    if (nattrs != PS_SEQ_LEN(kps))
        return perr(c, p, "kwd_attrs / kwd_patterns length mismatch in class pattern%s", "");
    for (ptrdiff_t i = 0; i < nattrs; i++) {
        const char *a = attrs->items[i];
        if (jit_c_check_forbidden(c, a, p, PS_Store) < 0)
            return -1;
        for (ptrdiff_t j = i + 1; j < nattrs; j++)
            if (strcmp(a, attrs->items[j]) == 0) {
                ps_pattern *q = kps->items[j];
                return jit_c_error_at(c, q->lineno, q->col_offset, q->end_lineno,
                                      q->end_col_offset,
                                      "attribute name repeated in class pattern: %s",
                                      attrs->items[j]);
            }
    }
    VISIT(p->v.MatchClass.cls);
    KnObject *names = ob_tuple_new(nattrs);
    if (!names)
        return jit_c_objerr(c);
    for (ptrdiff_t i = 0; i < nattrs; i++) {
        KnObject *s = jit_c_str(c, attrs->items[i]);
        if (!s)
            return jit_c_objerr(c);
        ((KnTupleObject *)names)->ob_item[i] = s;
    }
    if (jit_c_load_const(c, names) < 0)
        return -1;
    EMIT(JIT_OP_MATCH_CLASS, (int)nargs);
    EMIT(JIT_OP_COPY, 1);
    pc->on_top++;
    if (jump_to_fail_pop(c, pc, JIT_OP_POP_JUMP_IF_NONE) < 0)
        return -1;
    EMIT(JIT_OP_UNPACK_SEQUENCE, (int)(nargs + nattrs));
    pc->on_top += (int)(nargs + nattrs) - 1;
    for (ptrdiff_t i = 0; i < nargs + nattrs; i++) {
        pc->on_top--;
        ps_pattern *q = i < nargs ? ps->items[i] : kps->items[i - nargs];
        if (WILDCARD(q)) {
            EMIT(JIT_OP_POP_TOP, 0);
            continue;
        }
        if (subpattern(c, q, pc) < 0)
            return -1;
    }
    return 0;
}

static int or_pattern(jit_compiler *c, ps_pattern *p, pattern_ctx *pc)
{
    ps_pattern_seq *alts = p->v.MatchOr.patterns;
    ptrdiff_t size = PS_SEQ_LEN(alts);
    int end = jit_c_new_block(c);
    if (end < 0)
        return -1;
    pattern_ctx old = *pc;
    const char **control = NULL;
    int ncontrol = 0;
    for (ptrdiff_t i = 0; i < size; i++) {
        ps_pattern *alt = alts->items[i];
        SET_LOC(c, alt);
        pc->stores = NULL;
        pc->nstores = pc->storecap = 0;
        pc->allow_irrefutable = (i == size - 1) && old.allow_irrefutable;
        pc->fail_pop = NULL;
        pc->fail_pop_size = 0;
        pc->on_top = 0;
        EMIT(JIT_OP_COPY, 1);
        if (pattern(c, alt, pc) < 0)
            return -1;
        int nstores = pc->nstores;
        if (i == 0) {
            control = pc->stores;
            ncontrol = nstores;
        } else if (nstores != ncontrol) {
            goto diff;
        } else if (nstores) {
            for (int icontrol = nstores - 1; icontrol >= 0; icontrol--) {
                int istores = stores_find(pc, control[icontrol]);
                if (istores < 0)
                    goto diff;
                if (icontrol != istores) {
                    /* move stores[:rotations] to sit at icontrol - istores,
                     * on the stack and in the list alike */
                    int rotations = istores + 1;
                    const char *tmp[256];
                    if (rotations > 256)
                        return jit_c_error(c, NULL, "too many names bound in or-pattern");
                    memcpy(tmp, pc->stores, sizeof(char *) * (size_t)rotations);
                    memmove(pc->stores, pc->stores + rotations,
                            sizeof(char *) * (size_t)(pc->nstores - rotations));
                    int at = icontrol - istores;
                    memmove(pc->stores + at + rotations, pc->stores + at,
                            sizeof(char *) * (size_t)(pc->nstores - rotations - at));
                    memcpy(pc->stores + at, tmp, sizeof(char *) * (size_t)rotations);
                    while (rotations--)
                        if (rotate(c, icontrol + 1) < 0)
                            return -1;
                }
            }
        }
        EMIT_JUMP(JIT_OP_JUMP, end);
        if (emit_and_reset_fail_pop(c, pc) < 0)
            return -1;
    }
    *pc = old;
    /* no alternative matched: pop the subject's copy and fail */
    EMIT(JIT_OP_POP_TOP, 0);
    if (jump_to_fail_pop(c, pc, JIT_OP_JUMP) < 0)
        return -1;
    USE_BLOCK(end);
    int nrots = ncontrol + 1 + pc->on_top + pc->nstores;
    for (int i = 0; i < ncontrol; i++) {
        if (rotate(c, nrots) < 0)
            return -1;
        if (stores_find(pc, control[i]) >= 0)
            return duplicate_store(c, control[i]);
        if (stores_append(c, pc, control[i]) < 0)
            return -1;
    }
    EMIT(JIT_OP_POP_TOP, 0);
    return 0;
diff:
    return jit_c_error(c, NULL, "alternative patterns bind different names");
}

static int pattern(jit_compiler *c, ps_pattern *p, pattern_ctx *pc)
{
    SET_LOC(c, p);
    switch (p->kind) {
    case PS_PATTERN_MatchValue: {
        ps_expr *v = p->v.MatchValue.value;
        KnObject *k;
        int r = v->kind == PS_EXPR_Attribute ? 0 : jit_c_fold(c, v, &k);
        if (r < 0)
            return -1;
        if (!r && v->kind != PS_EXPR_Attribute)
            return perr(c, p, "patterns may only match literals and attribute lookups%s", "");
        if (r) {
            if (jit_c_load_const(c, k) < 0)
                return -1;
        } else {
            VISIT(v);
        }
        EMIT(JIT_OP_COMPARE_OP, 2);
        return jump_to_fail_pop(c, pc, JIT_OP_POP_JUMP_IF_FALSE);
    }
    case PS_PATTERN_MatchSingleton: {
        KnObject *k;
        if (jit_c_constant(c, &p->v.MatchSingleton.value, &k) < 0 || jit_c_load_const(c, k) < 0)
            return -1;
        EMIT(JIT_OP_IS_OP, 0);
        return jump_to_fail_pop(c, pc, JIT_OP_POP_JUMP_IF_FALSE);
    }
    case PS_PATTERN_MatchSequence:
        return sequence_pattern(c, p, pc);
    case PS_PATTERN_MatchMapping:
        return mapping_pattern(c, p, pc);
    case PS_PATTERN_MatchClass:
        return class_pattern(c, p, pc);
    case PS_PATTERN_MatchStar:
        return store_name(c, p, p->v.MatchStar.name, pc);
    case PS_PATTERN_MatchAs:
        if (!p->v.MatchAs.pattern) {
            if (!pc->allow_irrefutable) {
                if (p->v.MatchAs.name)
                    return perr(c, p, "name capture '%s' makes remaining patterns unreachable",
                                p->v.MatchAs.name);
                return perr(c, p, "wildcard makes remaining patterns unreachable%s", "");
            }
            return store_name(c, p, p->v.MatchAs.name, pc);
        }
        pc->on_top++;
        EMIT(JIT_OP_COPY, 1);
        if (pattern(c, p->v.MatchAs.pattern, pc) < 0)
            return -1;
        pc->on_top--;
        return store_name(c, p, p->v.MatchAs.name, pc);
    case PS_PATTERN_MatchOr:
        return or_pattern(c, p, pc);
    }
    return perr(c, p, "compiler: unknown pattern kind%s", "");
}

int jit_c_match(jit_compiler *c, ps_stmt *s)
{
    VISIT(s->v.Match.subject);
    int end = jit_c_new_block(c);
    if (end < 0)
        return -1;
    ps_match_case_seq *cases = s->v.Match.cases;
    ptrdiff_t n = PS_SEQ_LEN(cases);
    ps_match_case *last = cases->items[n - 1];
    int has_default = WILDCARD(last->pattern) && n > 1;
    for (ptrdiff_t i = 0; i < n - has_default; i++) {
        ps_match_case *m = cases->items[i];
        SET_LOC(c, m->pattern);
        if (i != n - has_default - 1)
            EMIT(JIT_OP_COPY, 1);
        pattern_ctx pc = {0};
        pc.allow_irrefutable = m->guard != NULL || i == n - 1;
        if (pattern(c, m->pattern, &pc) < 0)
            return -1;
        for (int k = 0; k < pc.nstores; k++)
            if (jit_c_nameop(c, pc.stores[k], PS_Store) < 0)
                return -1;
        if (m->guard) {
            if (ensure_fail_pop(c, &pc, 0) < 0)
                return -1;
            if (jit_c_jump_if(c, m->guard, pc.fail_pop[0], 0) < 0)
                return -1;
        }
        if (i != n - has_default - 1)
            EMIT(JIT_OP_POP_TOP, 0);
        if (jit_c_stmts(c, m->body) < 0)
            return -1;
        EMIT_JUMP(JIT_OP_JUMP, end);
        SET_LOC(c, m->pattern);
        if (emit_and_reset_fail_pop(c, &pc) < 0)
            return -1;
    }
    if (has_default) {
        SET_LOC(c, last->pattern);
        if (n == 1)
            EMIT(JIT_OP_POP_TOP, 0);
        else
            EMIT(JIT_OP_NOP, 0);
        if (last->guard && jit_c_jump_if(c, last->guard, end, 0) < 0)
            return -1;
        if (jit_c_stmts(c, last->body) < 0)
            return -1;
    }
    USE_BLOCK(end);
    return 0;
}
