/* libjit/src/compile.c — the compiler's driver: code units, blocks,
 * instruction emission, constant and name tables, name resolution, and
 * jit_compile_source().  Statements, expressions, comprehensions and
 * patterns are in compile_*.c. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compile.h"
#include "xoptions.h"
#include "libgc/gc.h"
#include "libobject/libobject.h"
#include "libobject/complex.h"
#include "libparse/parser.h"

/* ---- warnings ---- */

static jit_warn_hook warn_hook;

void jit_compile_set_warn_hook(jit_warn_hook hook)
{
    warn_hook = hook;
}

/* The source line (without indentation and newline) for the default
 * warning display. */
static void print_source_line(const char *src, size_t len, int lineno)
{
    const char *p = src, *end = src + len;
    for (int l = 1; l < lineno && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        p = nl ? nl + 1 : end;
    }
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\f'))
        p++;
    const char *q = p;
    while (q < end && *q != '\n' && *q != '\r')
        q++;
    if (q > p)
        fprintf(stderr, "  %.*s\n", (int)(q - p), p);
}

/* 0: go on; -1: the hook turned the warning into an exception. */
static int emit_warning(KnTypeObject *category, const char *msg, KnObject *filename,
                        const char *src, size_t srclen, int lineno)
{
    if (warn_hook) {
        KnObject *m = ob_str_from_cstr(msg);
        if (!m)
            return -1;
        return warn_hook(category, m, filename, lineno);
    }
    /* the warnings machinery when it is there (filters, -W error,
     * catch_warnings), as CPython's PyErr_WarnExplicitObject */
    KnObject *w = jit_import_module("_warnings");
    if (w != NULL) {
        KnObject *m = ob_str_from_cstr(msg);
        KnObject *ln = ob_int_from_ssize(lineno);
        if (m == NULL || ln == NULL)
            return -1;
        return ob_call_method(w, "warn_explicit", 4, m, (KnObject *)category, filename,
                              ln) == NULL ? -1 : 0;
    }
    ob_err_clear();
    if (category != ob_exc_SyntaxWarning)
        return 0;           /* DeprecationWarning: ignored by default */
    const char *fn = ob_str_as_utf8(filename, NULL);
    fflush(stdout);
    fprintf(stderr, "%s:%d: SyntaxWarning: %s\n", fn ? fn : "?", lineno, msg);
    if (src)
        print_source_line(src, srclen, lineno);
    return 0;
}

int jit_c_warn(jit_compiler *c, KnTypeObject *category, int lineno, int col, int end_lineno,
               int end_col, const char *fmt, ...)
{
    char msg[PS_ERROR_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (emit_warning(category, msg, c->filename, c->src, c->srclen, lineno) == 0)
        return 0;
    if (!ob_err_matches((KnObject *)category))
        return jit_c_objerr(c);
    /* the warning became an error: report it as a SyntaxError there */
    ob_err_clear();
    return jit_c_error_at(c, lineno, col, end_lineno, end_col, "%s", msg);
}

/* libparse's warnings (escape sequences, "is" with a literal, ...). */
typedef struct parse_warn_ctx {
    KnObject *filename;
    const char *src;
    size_t srclen;
} parse_warn_ctx;

static int parse_warn(void *vctx, ps_warn_category cat, int lineno, int col, const char *msg)
{
    parse_warn_ctx *ctx = vctx;
    (void)col;
    KnTypeObject *category = cat == PS_WARN_SYNTAX ? ob_exc_SyntaxWarning
                                                   : ob_exc_DeprecationWarning;
    if (emit_warning(category, msg, ctx->filename, ctx->src, ctx->srclen, lineno) == 0)
        return 0;
    /* libparse turns it into a SyntaxError with the same message */
    ob_err_clear();
    return -1;
}

/* ---- errors ---- */

int jit_c_error_at(jit_compiler *c, int lineno, int col, int end_lineno, int end_col,
                   const char *fmt, ...)
{
    char msg[PS_ERROR_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return jit_syntax_error(c->err, c->src, c->srclen, lineno, col, end_lineno, end_col, "%s",
                            msg);
}

int jit_c_error(jit_compiler *c, const void *node, const char *fmt, ...)
{
    (void)node;
    char msg[PS_ERROR_MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    jit_position *p = &c->u->pos;
    return jit_syntax_error(c->err, c->src, c->srclen, p->lineno, p->col, p->end_lineno,
                            p->end_col, "%s", msg);
}

int jit_c_nomem(jit_compiler *c)
{
    ps_error_nomem(c->err);
    return -1;
}

/* An exception already set in the thread state: recorded as PS_ERR_NONE
 * with msg "\x01" so jit_compile_source leaves it in place. */
int jit_c_objerr(jit_compiler *c)
{
    c->err->kind = PS_ERR_NONE;
    strcpy(c->err->msg, "\x01");
    return -1;
}

static void *grow(void *p, int n, int *cap, size_t elem)
{
    if (n < *cap)
        return p;
    int nc = *cap ? *cap * 2 : 8;
    void *q = kgc_alloc(elem * (size_t)nc);
    if (!q)
        return NULL;
    if (p && n)
        memcpy(q, p, elem * (size_t)n);
    *cap = nc;
    return q;
}

/* ---- blocks and instructions ---- */

int jit_c_new_block(jit_compiler *c)
{
    jit_unit *u = c->u;
    jit_block *nb = grow(u->blocks, u->nblocks, &u->blockcap, sizeof(jit_block));
    if (!nb)
        return jit_c_nomem(c);
    u->blocks = nb;
    jit_block *b = &u->blocks[u->nblocks];
    memset(b, 0, sizeof *b);
    b->depth = -1;
    return u->nblocks++;
}

int jit_c_use_block(jit_compiler *c, int b)
{
    jit_unit *u = c->u;
    if (u->blocks[b].placed) {
        u->cur = b;
        return 0;
    }
    int *no = grow(u->order, u->norder, &u->ordercap, sizeof(int));
    if (!no)
        return jit_c_nomem(c);
    u->order = no;
    u->order[u->norder++] = b;
    u->blocks[b].placed = 1;
    u->cur = b;
    return 0;
}

static int emit_full(jit_compiler *c, int op, int arg, int target, int with_loc)
{
    jit_unit *u = c->u;
    jit_block *b = &u->blocks[u->cur];
    jit_instr *ni = grow(b->ins, b->n, &b->cap, sizeof(jit_instr));
    if (!ni)
        return jit_c_nomem(c);
    b->ins = ni;
    jit_instr *i = &b->ins[b->n++];
    i->op = op;
    i->arg = arg;
    i->target = target;
    i->region = u->cur_region;
    if (with_loc)
        i->pos = u->pos;
    else
        i->pos = (jit_position){-1, -1, -1, -1};
    /* After a terminator, later code goes to a new (possibly dead) block. */
    if (jit_op_flags(op) & JIT_OPF_TERM) {
        int nb = jit_c_new_block(c);
        if (nb < 0)
            return -1;
        return jit_c_use_block(c, nb);
    }
    return 0;
}

int jit_c_emit(jit_compiler *c, int op, int arg)
{
    return emit_full(c, op, arg, -1, 1);
}

int jit_c_emit_noloc(jit_compiler *c, int op, int arg)
{
    return emit_full(c, op, arg, -1, 0);
}

int jit_c_emit_jump(jit_compiler *c, int op, int target)
{
    return emit_full(c, op, 0, target, 1);
}

int jit_c_emit_jump_noloc(jit_compiler *c, int op, int target)
{
    return emit_full(c, op, 0, target, 0);
}

void jit_c_set_pos(jit_compiler *c, int lineno, int col, int end_lineno, int end_col)
{
    c->u->pos = (jit_position){lineno, end_lineno, col, end_col};
}

/* ---- regions and frame blocks ---- */

int jit_c_push_region(jit_compiler *c, int setup_op, int handler)
{
    jit_unit *u = c->u;
    if (jit_c_emit_jump(c, setup_op, handler) < 0)
        return -1;
    jit_region *nr = grow(u->regions, u->nregions, &u->regioncap, sizeof(jit_region));
    if (!nr)
        return jit_c_nomem(c);
    u->regions = nr;
    jit_region *r = &u->regions[u->nregions];
    r->handler = handler;
    r->setup_op = setup_op;
    r->lasti = setup_op != JIT_OP_SETUP_FINALLY;
    r->depth = -1;
    r->parent = u->cur_region;
    /* The SETUP just emitted carries the region it opens in its arg. */
    jit_block *b = &u->blocks[u->cur];
    b->ins[b->n - 1].arg = u->nregions;
    u->cur_region = u->nregions++;
    return 0;
}

void jit_c_pop_region(jit_compiler *c)
{
    jit_unit *u = c->u;
    if (u->cur_region >= 0)
        u->cur_region = u->regions[u->cur_region].parent;
}

int jit_c_push_fblock(jit_compiler *c, fb_kind kind, int block, int exit, const void *datum)
{
    jit_unit *u = c->u;
    if (u->nfblocks >= (int)(sizeof u->fblocks / sizeof u->fblocks[0]))
        return jit_c_error(c, NULL, "too many statically nested blocks");
    jit_fblock *f = &u->fblocks[u->nfblocks++];
    f->kind = kind;
    f->block = block;
    f->exit = exit;
    f->datum = datum;
    f->region = u->cur_region;
    return 0;
}

void jit_c_pop_fblock(jit_compiler *c)
{
    c->u->nfblocks--;
}

/* ---- constants ---- */

KnObject *jit_c_str(jit_compiler *c, const char *s)
{
    (void)c;
    return ob_str_intern_cstr(s);
}

/* A dedup key for a constant: its type and value as text; NULL for
 * constants that are not shared (code objects, frozensets). */
static char *const_key(KnObject *v, ps_arena *a);

static char *key_cat(ps_arena *a, const char *pre, const char *data, size_t n)
{
    size_t pl = strlen(pre);
    char *k = ps_arena_alloc(a, pl + 2 * n + 1);
    if (!k)
        return NULL;
    memcpy(k, pre, pl);
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)data[i];
        if (ch == 0 || ch == 0x01 || ch == '%') {
            k[pl++] = '%';
            k[pl++] = (char)('a' + (ch == 0 ? 0 : ch == 1 ? 1 : 2));
        } else {
            k[pl++] = (char)ch;
        }
    }
    k[pl] = 0;
    return k;
}

static char *const_key(KnObject *v, ps_arena *a)
{
    KnTypeObject *t = KN_TYPE(v);
    char buf[64];
    if (v == &ob_none_obj)
        return "N";
    if (v == &ob_ellipsis_obj)
        return "E";
    if (v == (KnObject *)&ob_true_obj)
        return "T";
    if (v == (KnObject *)&ob_false_obj)
        return "F";
    if (t == &ob_str_type) {
        kn_ssize_t n;
        const char *s = ob_str_as_utf8(v, &n);
        if (!s) {
            ob_err_clear();
            return NULL;
        }
        return key_cat(a, "s", s, (size_t)n);
    }
    if (t == &ob_bytes_type)
        return key_cat(a, "b", ((KnBytesObject *)v)->ob_sval, (size_t)KN_SIZE(v));
    if (t == &ob_int_type) {
        KnObject *d = ob_int_to_decimal_string(v);
        if (!d) {
            ob_err_clear();
            return NULL;
        }
        kn_ssize_t n;
        const char *s = ob_str_as_utf8(d, &n);
        return key_cat(a, "i", s, (size_t)n);
    }
    if (t == &ob_float_type) {
        double x = ((KnFloatObject *)v)->ob_fval;
        snprintf(buf, sizeof buf, "f%a", x);
        return key_cat(a, "", buf, strlen(buf));
    }
    if (t == &ob_complex_type) {
        KnComplex z = ((KnComplexObject *)v)->cval;
        snprintf(buf, sizeof buf, "c%a,%a", z.real, z.imag);
        return key_cat(a, "", buf, strlen(buf));
    }
    if (t == &ob_tuple_type) {
        size_t len = 2;
        kn_ssize_t n = KN_SIZE(v);
        char **parts = ps_arena_alloc(a, sizeof(char *) * (size_t)(n + 1));
        if (!parts)
            return NULL;
        for (kn_ssize_t i = 0; i < n; i++) {
            parts[i] = const_key(((KnTupleObject *)v)->ob_item[i], a);
            if (!parts[i])
                return NULL;
            len += strlen(parts[i]) + 1;
        }
        char *k = ps_arena_alloc(a, len + 1);
        if (!k)
            return NULL;
        strcpy(k, "(");
        for (kn_ssize_t i = 0; i < n; i++) {
            strcat(k, parts[i]);
            strcat(k, "\x01");
        }
        strcat(k, ")");
        return k;
    }
    return NULL;
}

int jit_c_add_const(jit_compiler *c, KnObject *v)
{
    jit_unit *u = c->u;
    char *key = const_key(v, c->arena);
    if (key) {
        int *idx = jit_strmap_get(&u->constkeys, key);
        if (idx)
            return *idx;
    } else if (KN_TYPE(v) == &jit_code_type) {
        /* equal code objects (a while test compiled twice) are shared */
        for (int i = 0; i < u->nconsts; i++) {
            if (KN_TYPE(u->consts[i]) != &jit_code_type)
                continue;
            int eq = ob_richcompare_bool(u->consts[i], v, KN_EQ);
            if (eq < 0)
                return jit_c_objerr(c);
            if (eq)
                return i;
        }
    }
    KnObject **nc = grow(u->consts, u->nconsts, &u->constcap, sizeof(KnObject *));
    if (!nc)
        return jit_c_nomem(c);
    u->consts = nc;
    u->consts[u->nconsts] = v;
    if (key && jit_strmap_add(&u->constkeys, key, u->nconsts, c->arena) < 0)
        return jit_c_nomem(c);
    return u->nconsts++;
}

int jit_c_load_const(jit_compiler *c, KnObject *v)
{
    if (!v)
        return jit_c_objerr(c);
    int i = jit_c_add_const(c, v);
    if (i < 0)
        return -1;
    return jit_c_emit(c, JIT_OP_LOAD_CONST, i);
}

/* ---- names ---- */

int jit_c_name_index(jit_compiler *c, jit_strmap *m, const char *name)
{
    int i = jit_strmap_find(m, name);
    if (i >= 0)
        return i;
    i = jit_strmap_add(m, name, 0, c->arena);
    return i < 0 ? jit_c_nomem(c) : i;
}

const char *jit_c_mangle(jit_compiler *c, const char *name)
{
    const char *m = jit_mangle(c->u->private_name, name, c->arena);
    if (!m)
        jit_c_nomem(c);
    return m;
}

int jit_c_add_name(jit_compiler *c, const char *name)
{
    const char *m = jit_c_mangle(c, name);
    if (!m)
        return -1;
    return jit_c_name_index(c, &c->u->names, m);
}

int jit_c_is_top_level_await(jit_compiler *c)
{
    return (c->flags & JIT_CF_ALLOW_TOP_LEVEL_AWAIT) && c->u->scope_type == SCOPE_MODULE;
}

/* Raw index of a cell or free variable: cells number 0.. in u->cellvars,
 * free variables follow them.  The assembler turns raw indexes into
 * localsplus slots (jit_c_deref_slot) once the locals are all known. */
static int deref_index(jit_compiler *c, const char *name, int isfree)
{
    jit_unit *u = c->u;
    if (!isfree) {
        int i = jit_strmap_find(&u->cellvars, name);
        if (i >= 0)
            return i;
    }
    int i = jit_strmap_find(&u->freevars, name);
    if (i < 0)
        return -1;
    return u->cellvars.len + i;
}

int jit_c_deref_slot(jit_unit *u, int raw)
{
    int nl = u->varnames.len, k = 0;
    if (raw < u->cellvars.len) {
        /* a cell that is also a parameter shares the parameter's slot */
        int v = jit_strmap_find(&u->varnames, u->cellvars.keys[raw]);
        if (v >= 0)
            return v;
        for (int j = 0; j < raw; j++)
            if (jit_strmap_find(&u->varnames, u->cellvars.keys[j]) < 0)
                k++;
        return nl + k;
    }
    for (int j = 0; j < u->cellvars.len; j++)
        if (jit_strmap_find(&u->varnames, u->cellvars.keys[j]) < 0)
            k++;
    return nl + k + (raw - u->cellvars.len);
}

int jit_c_nameop(jit_compiler *c, const char *name, ps_expr_context ctx)
{
    jit_unit *u = c->u;
    const char *m = jit_c_mangle(c, name);
    if (!m)
        return -1;
    jit_scope scope = jit_ste_scope(u->ste, m);
    enum { OP_FAST, OP_GLOBAL, OP_DEREF, OP_NAME } kind = OP_NAME;
    switch (scope) {
    case JIT_SCOPE_FREE:
        kind = OP_DEREF;
        break;
    case JIT_SCOPE_CELL:
        kind = OP_DEREF;
        break;
    case JIT_SCOPE_LOCAL:
        if (u->ste->type == JIT_BLOCK_FUNCTION)
            kind = OP_FAST;
        break;
    case JIT_SCOPE_GLOBAL_IMPLICIT:
        if (u->ste->type == JIT_BLOCK_FUNCTION)
            kind = OP_GLOBAL;
        break;
    case JIT_SCOPE_GLOBAL_EXPLICIT:
        kind = OP_GLOBAL;
        break;
    default:
        break;
    }
    /* `__class__` etc. free in a class body are free variables of the body */
    if (scope == JIT_SCOPE_NONE && jit_strmap_find(&u->freevars, m) >= 0)
        kind = OP_DEREF;
    int op = 0, arg = 0;
    switch (kind) {
    case OP_DEREF: {
        int isfree = scope == JIT_SCOPE_FREE || jit_strmap_find(&u->cellvars, m) < 0;
        arg = deref_index(c, m, isfree);
        if (arg < 0)
            return jit_c_error(c, NULL, "compiler: no cell for '%s'", m);
        if (ctx == PS_Load)
            op = (u->ste->type == JIT_BLOCK_CLASS && !u->in_inlined_comp) ? JIT_OP_LOAD_CLASSDEREF
                                                                          : JIT_OP_LOAD_DEREF;
        else
            op = ctx == PS_Store ? JIT_OP_STORE_DEREF : JIT_OP_DELETE_DEREF;
        break;
    }
    case OP_FAST:
        arg = jit_c_name_index(c, &u->varnames, m);
        op = ctx == PS_Load ? JIT_OP_LOAD_FAST : ctx == PS_Store ? JIT_OP_STORE_FAST
                                                                 : JIT_OP_DELETE_FAST;
        break;
    case OP_GLOBAL:
        arg = jit_c_name_index(c, &u->names, m);
        op = ctx == PS_Load ? JIT_OP_LOAD_GLOBAL : ctx == PS_Store ? JIT_OP_STORE_GLOBAL
                                                                   : JIT_OP_DELETE_GLOBAL;
        if (op == JIT_OP_LOAD_GLOBAL)
            arg <<= 1;
        break;
    case OP_NAME:
        arg = jit_c_name_index(c, &u->names, m);
        op = ctx == PS_Load ? JIT_OP_LOAD_NAME : ctx == PS_Store ? JIT_OP_STORE_NAME
                                                                 : JIT_OP_DELETE_NAME;
        break;
    }
    if (arg < 0)
        return -1;
    return jit_c_emit(c, op, arg);
}

/* ---- scopes (units) ---- */

static KnObject *make_qualname(jit_compiler *c, jit_unit *u)
{
    jit_unit *p = u->parent;
    if (!p || p->scope_type == SCOPE_MODULE)
        return ob_str_from_cstr(u->name);
    /* A global declaration in the parent makes the name top-level. */
    if (p->ste && (u->scope_type == SCOPE_FUNCTION || u->scope_type == SCOPE_ASYNC_FUNCTION ||
                   u->scope_type == SCOPE_CLASS)) {
        const char *m = jit_mangle(p->private_name, u->name, c->arena);
        if (m && jit_ste_scope(p->ste, m) == JIT_SCOPE_GLOBAL_EXPLICIT)
            return ob_str_from_cstr(u->name);
    }
    const char *pq;
    kn_ssize_t pn;
    pq = ob_str_as_utf8(p->qualname, &pn);
    if (!pq)
        return NULL;
    int fn = p->scope_type == SCOPE_FUNCTION || p->scope_type == SCOPE_ASYNC_FUNCTION ||
             p->scope_type == SCOPE_LAMBDA;
    return ob_str_from_format("%s%s.%s", pq, fn ? ".<locals>" : "", u->name);
}

int jit_c_enter_scope(jit_compiler *c, const char *name, int scope_type, const void *key,
                      int lineno)
{
    if (c->nesting > 200)
        return jit_c_error(c, NULL, "too many nested blocks");
    jit_unit *u = kgc_alloc(sizeof *u);
    if (!u)
        return jit_c_nomem(c);
    u->parent = c->u;
    u->scope_type = scope_type;
    u->name = name;
    u->firstlineno = lineno;
    u->cur_region = -1;
    if (key == NULL)
        u->ste = c->st->top;
    else
        u->ste = c->u ? jit_ste_child(c->u->ste, key) : NULL;
    if (!u->ste)
        return jit_c_error(c, NULL, "compiler: no scope for '%s'", name);
    u->private_name = u->parent ? u->parent->private_name : NULL;
    if (scope_type == SCOPE_CLASS)
        u->private_name = name;
    /* Parameters come first among the locals, in order. */
    for (int i = 0; i < u->ste->nparams; i++)
        if (jit_strmap_find(&u->varnames, u->ste->params[i]) < 0 &&
            jit_strmap_add(&u->varnames, u->ste->params[i], 0, c->arena) < 0)
            return jit_c_nomem(c);
    /* Cells: sorted by name (CPython sorts them); __class__ first for classes. */
    jit_ste *e = u->ste;
    const char **cells = ps_arena_alloc(c->arena, sizeof(char *) * (size_t)(e->symbols.len + 1));
    const char **frees = ps_arena_alloc(c->arena, sizeof(char *) * (size_t)(e->symbols.len + 1));
    if (!cells || !frees)
        return jit_c_nomem(c);
    int ncell = 0, nfree = 0;
    if (scope_type == SCOPE_CLASS && e->needs_class_closure)
        cells[ncell++] = "__class__";
    for (int i = 0; i < e->symbols.len; i++) {
        if (e->scopes[i] == JIT_SCOPE_CELL)
            cells[ncell++] = e->symbols.keys[i];
        else if (e->scopes[i] == JIT_SCOPE_FREE || (e->symbols.vals[i] & JIT_DEF_FREE_CLASS))
            frees[nfree++] = e->symbols.keys[i];
    }
    for (int i = 1; i < ncell; i++)
        for (int j = i; j > 0 && strcmp(cells[j - 1], cells[j]) > 0; j--) {
            const char *t = cells[j];
            cells[j] = cells[j - 1];
            cells[j - 1] = t;
        }
    for (int i = 1; i < nfree; i++)
        for (int j = i; j > 0 && strcmp(frees[j - 1], frees[j]) > 0; j--) {
            const char *t = frees[j];
            frees[j] = frees[j - 1];
            frees[j - 1] = t;
        }
    for (int i = 0; i < ncell; i++)
        if (jit_strmap_add(&u->cellvars, cells[i], 0, c->arena) < 0)
            return jit_c_nomem(c);
    for (int i = 0; i < nfree; i++)
        if (jit_strmap_add(&u->freevars, frees[i], 0, c->arena) < 0)
            return jit_c_nomem(c);
    c->u = u;
    c->nesting++;
    u->qualname = make_qualname(c, u);
    if (!u->qualname)
        return jit_c_objerr(c);
    int b = jit_c_new_block(c);
    if (b < 0 || jit_c_use_block(c, b) < 0)
        return -1;
    jit_c_set_pos(c, lineno, -1, lineno, -1);
    /* Prologue: cells, free variables, generator creation, RESUME. */
    if (e->type == JIT_BLOCK_FUNCTION && (e->is_generator || e->is_coroutine) &&
        scope_type != SCOPE_MODULE) {
        /* emitted below after cells */
    }
    for (int i = 0; i < ncell; i++) {
        int idx = deref_index(c, cells[i], 0);
        if (jit_c_emit_noloc(c, JIT_OP_MAKE_CELL, idx) < 0)
            return -1;
    }
    if (nfree && jit_c_emit_noloc(c, JIT_OP_COPY_FREE_VARS, nfree) < 0)
        return -1;
    if (e->type == JIT_BLOCK_FUNCTION && (e->is_generator || e->is_coroutine)) {
        jit_c_set_pos(c, lineno, -1, lineno, -1);
        if (jit_c_emit(c, JIT_OP_RETURN_GENERATOR, 0) < 0 || jit_c_emit(c, JIT_OP_POP_TOP, 0) < 0)
            return -1;
    }
    if (scope_type == SCOPE_MODULE)
        jit_c_set_pos(c, 0, 0, 1, 0);
    else
        jit_c_set_pos(c, lineno, 0, lineno, 0);
    if (jit_c_emit(c, JIT_OP_RESUME, 0) < 0)
        return -1;
    if (scope_type == SCOPE_MODULE)
        jit_c_set_pos(c, -1, -1, -1, -1);
    return 0;
}

KnObject *jit_c_exit_scope(jit_compiler *c, int add_return)
{
    jit_unit *u = c->u;
    if (add_return) {
        /* The implicit `return None` has no position of its own: the
         * assembler gives it the line of the code that reaches it. */
        int k = jit_c_add_const(c, &ob_none_obj);
        if (k < 0 || jit_c_emit_noloc(c, JIT_OP_LOAD_CONST, k) < 0 ||
            jit_c_emit_noloc(c, JIT_OP_RETURN_VALUE, 0) < 0)
            return NULL;
    }
    KnObject *co = jit_assemble(c, u);
    c->u = u->parent;
    c->nesting--;
    return co;
}

int jit_c_make_closure(jit_compiler *c, KnObject *co, int flags)
{
    KnCodeObject *code = JIT_CODE(co);
    if (code->co_nfreevars) {
        /* each free variable of co is a cell or free variable here */
        for (int i = 0; i < code->co_nfreevars; i++) {
            KnObject *nm = ((KnTupleObject *)code->co_localsplusnames)
                               ->ob_item[code->co_nlocalsplus - code->co_nfreevars + i];
            const char *name = ob_str_as_utf8(nm, NULL);
            if (!name)
                return jit_c_objerr(c);
            jit_unit *u = c->u;
            int arg;
            int isfree = jit_strmap_find(&u->cellvars, name) < 0;
            /* a class body passing its own __class__ cell, or a name it
             * receives */
            arg = deref_index(c, name, isfree);
            if (arg < 0)
                return jit_c_error(c, NULL, "compiler: cannot find closure variable '%s'",
                                   name);
            if (jit_c_emit(c, JIT_OP_LOAD_CLOSURE, arg) < 0)
                return -1;
        }
        if (jit_c_emit(c, JIT_OP_BUILD_TUPLE, code->co_nfreevars) < 0)
            return -1;
        flags |= 0x08;
    }
    if (jit_c_load_const(c, co) < 0)
        return -1;
    return jit_c_emit(c, JIT_OP_MAKE_FUNCTION, flags);
}

/* ---- the module ---- */

static KnObject *compile_mod(jit_compiler *c, ps_mod *mod, jit_mode mode)
{
    if (jit_c_enter_scope(c, "<module>", SCOPE_MODULE, NULL, 1) < 0)
        return NULL;
    int add_return = 1;
    switch (mod->kind) {
    case PS_MOD_Module:
        if (jit_c_body(c, mod->v.Module.body, 1) < 0)
            return NULL;
        break;
    case PS_MOD_Interactive:
        c->interactive = 1;
        if (jit_c_body(c, mod->v.Interactive.body, 0) < 0)
            return NULL;
        break;
    case PS_MOD_Expression:
        if (jit_c_expr(c, mod->v.Expression.body) < 0)
            return NULL;
        if (jit_c_emit(c, JIT_OP_RETURN_VALUE, 0) < 0)
            return NULL;
        add_return = 0;
        break;
    default:
        jit_c_error_at(c, 1, 0, 1, 0, "cannot compile this kind of module");
        return NULL;
    }
    (void)mode;
    return jit_c_exit_scope(c, add_return);
}

static void raise_ps_error(ps_error *err, const char *filename)
{
    KnTypeObject *cls = ob_exc_SyntaxError;
    switch (err->kind) {
    case PS_ERR_MEMORY:
        ob_err_nomemory();
        return;
    case PS_ERR_VALUE:
        ob_err_set_string(ob_exc_ValueError, err->msg);
        return;
    case PS_ERR_OVERFLOW:
        ob_err_set_string(ob_exc_OverflowError, err->msg);
        return;
    case PS_ERR_INDENTATION:
        cls = ob_exc_IndentationError;
        break;
    case PS_ERR_TAB:
        cls = ob_exc_TabError;
        break;
    default:
        break;
    }
    KnObject *msg = ob_str_decode_utf8(err->msg, (kn_ssize_t)strlen(err->msg), "replace");
    KnObject *fn = ob_str_decode_utf8(filename, (kn_ssize_t)strlen(filename), "surrogateescape");
    KnObject *text = &ob_none_obj;
    if (err->text) {
        text = ob_str_decode_utf8(err->text, (kn_ssize_t)strlen(err->text), "replace");
        if (!text)
            return;
    }
    if (!msg || !fn)
        return;
    KnObject *lineno = ob_int_from_long_long(err->lineno);
    KnObject *off = ob_int_from_long_long(err->offset);
    KnObject *el = ob_int_from_long_long(err->end_lineno);
    KnObject *eo = err->end_offset == JIT_ERR_NO_END ? &ob_none_obj
                                                     : ob_int_from_long_long(err->end_offset);
    if (!lineno || !off || !el || !eo)
        return;
    KnObject *det = ob_tuple_pack(6, fn, lineno, off, text, el, eo);
    if (!det)
        return;
    KnObject *args = ob_tuple_pack(2, msg, det);
    if (!args)
        return;
    KnObject *exc = ob_exc_new(cls, args);
    if (exc)
        ob_err_set_object((KnTypeObject *)KN_TYPE(exc), exc);
}

void jit_compile_raise_error(ps_error *err, const char *filename)
{
    raise_ps_error(err, filename);
}

/* Fold, scope and generate code for a tree (from the parser or from ast
 * objects); src may be NULL (no source lines for error texts). */
/* Line `lineno` of the file `filename` (with its newline), malloc'd, or
 * NULL when there is no such file or line. */
static char *file_line(const char *filename, int lineno)
{
    FILE *f = lineno > 0 ? fopen(filename, "rb") : NULL;
    if (!f)
        return NULL;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = 0;
    for (int l = 0; l < lineno && n >= 0; l++)
        n = getline(&line, &cap, f);
    fclose(f);
    if (n < 0) {
        free(line);
        return NULL;
    }
    return line;
}

/* A SyntaxError found after parsing (scopes, the compiler): CPython quotes
 * the line from the file it names, not from the source given, so a string
 * compiled under a name that is no file has no text. */
static void text_from_file(ps_error *err, const char *filename)
{
    if (err->kind != PS_ERR_SYNTAX)
        return;
    free(err->text);
    err->text = file_line(filename, err->lineno);
}

static KnObject *compile_tree(ps_mod *mod, const char *src, size_t len, KnObject *fnobj,
                              jit_mode mode, int flags, int optimize, ps_arena *arena,
                              ps_error *err, const char *filename)
{
    if (optimize < 0)
        optimize = 0;
    if (jit_fold_mod(mod, optimize, arena, err) < 0)
        return NULL;
    jit_symtable *st = jit_symtable_build(mod, filename, src, len, flags, arena, err);
    if (!st) {
        text_from_file(err, filename);
        return NULL;
    }
    jit_compiler c = {0};
    c.st = st;
    c.arena = arena;
    c.err = err;
    c.src = src;
    c.srclen = len;
    c.optimize = optimize;
    c.future = st->future;
    c.flags = flags;
    c.filename = fnobj;
    KnObject *co = compile_mod(&c, mod, mode);
    if (!co)
        text_from_file(err, filename);
    return co;
}

/* The error of a failed compile as an exception (unless one is set or err
 * says so with "\x01"); err is cleared. */
static KnObject *finish(KnObject *result, ps_error *err, const char *filename)
{
    if (!result && !(err->kind == PS_ERR_NONE && err->msg[0] == '\x01') && !ob_err_occurred())
        raise_ps_error(err, filename);
    ps_error_clear(err);
    return result;
}

KnObject *jit_compile_source(const char *src, size_t len, const char *filename,
                             jit_mode mode, int flags, int optimize)
{
    if (jit_code_ready() < 0)
        return NULL;
    if (!filename)
        filename = "<string>";
    ps_arena *arena = ps_arena_new();
    if (!arena)
        return ob_err_nomemory();
    ps_error err;
    ps_error_init(&err);
    KnObject *result = NULL;
    ps_mode pm = mode == JIT_MODE_EVAL ? PS_MODE_EVAL
               : mode == JIT_MODE_SINGLE ? PS_MODE_SINGLE : PS_MODE_EXEC;
    int pflags = 0;
    if (flags & JIT_CF_SOURCE_IS_UTF8)
        pflags |= PS_INPUT_IS_UTF8_STR;
    if (flags & JIT_FUTURE_BARRY_AS_BDFL)
        pflags |= PS_FUTURE_BARRY_AS_BDFL;
    if (flags & 0x4000)   /* PyCF_ALLOW_INCOMPLETE_INPUT */
        pflags |= PS_ALLOW_INCOMPLETE;
    if (flags & 0x0200)   /* PyCF_DONT_IMPLY_DEDENT */
        pflags |= PS_DONT_IMPLY_DEDENT;
    parse_warn_ctx wctx = {NULL, src, len};
    wctx.filename = ob_str_decode_utf8(filename, (kn_ssize_t)strlen(filename), "surrogateescape");
    if (wctx.filename) {
        ps_mod *mod = ps_parse_ex(src, len, filename, pm, pflags, arena, &err, parse_warn,
                                  &wctx);
        if (mod)
            result = compile_tree(mod, src, len, wctx.filename, mode, flags, optimize, arena,
                                  &err, filename);
        if (result)
            jit_xopt_dis_compiled(result);
    }
    result = finish(result, &err, filename);
    ps_arena_free(arena);
    return result;
}

KnObject *jit_compile_tree(struct ps_mod *mod, struct ps_arena *arena, const char *filename,
                           jit_mode mode, int flags, int optimize)
{
    if (jit_code_ready() < 0 || jit_validate_mod(mod) < 0)
        return NULL;
    KnObject *fnobj = ob_str_decode_utf8(filename, (kn_ssize_t)strlen(filename),
                                         "surrogateescape");
    if (!fnobj)
        return NULL;
    ps_error err;
    ps_error_init(&err);
    KnObject *result = compile_tree(mod, NULL, 0, fnobj, mode, flags, optimize, arena, &err,
                                    filename);
    return finish(result, &err, filename);
}
