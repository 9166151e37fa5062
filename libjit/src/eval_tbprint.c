/* libjit/src/eval_tbprint.c — print an exception with its traceback the
 * way CPython 3.11 does (traceback.py's TracebackException.format):
 * chained causes and contexts oldest first, each frame's source line with
 * PEP 657 carets (`^^^^`, or `~~~^^^` anchored at a binary operator or a
 * subscript), repeated frames folded after three, exception groups drawn
 * in boxes, SyntaxError's caret line, __notes__.
 *
 * Columns are UTF-8 byte offsets in code positions and in libparse's AST;
 * the caret arithmetic is in characters, as Python's is. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "libparse/parser.h"
#include "eval.h"
#include "builtins.h"

#define RECURSIVE_CUTOFF 3
#define MAX_GROUP_WIDTH 15
#define MAX_GROUP_DEPTH 10

/* ---- a growable byte buffer ---- */
typedef struct sbuf {
    char *p;
    size_t n, cap;
} sbuf;

static void sb_put(sbuf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 256;
        while (cap < b->n + n + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (p == NULL)
            return;
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

static void sb_puts(sbuf *b, const char *s)
{
    sb_put(b, s, strlen(s));
}

static void sb_repeat(sbuf *b, char c, long n)
{
    for (long i = 0; i < n; i++)
        sb_put(b, &c, 1);
}

static void sb_obj(sbuf *b, KnObject *s)
{
    kn_ssize_t n = 0;
    const char *u = s ? ob_str_as_utf8(s, &n) : NULL;
    if (u == NULL) {
        ob_err_clear();
        sb_puts(b, "<?>");
        return;
    }
    sb_put(b, u, (size_t)n);
}

/* ---- printing context: exception-group indentation ---- */
typedef struct ctx {
    FILE *out;
    int depth;
    int need_close;
    KnObject **seen;
    size_t nseen, capseen;
} ctx;

/* Write text, each line prefixed by the group indentation (and the
 * margin character when inside a group), as textwrap.indent does. */
static void emit(ctx *c, const char *text, char margin)
{
    const char *s = text;
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t len = nl ? (size_t)(nl - s + 1) : strlen(s);
        for (int i = 0; i < 2 * c->depth; i++)
            fputc(' ', c->out);
        if (c->depth) {
            fputc(margin ? margin : '|', c->out);
            fputc(' ', c->out);
        }
        fwrite(s, 1, len, c->out);
        s += len;
    }
}

static int seen(ctx *c, KnObject *e)
{
    for (size_t i = 0; i < c->nseen; i++)
        if (c->seen[i] == e)
            return 1;
    return 0;
}

static void mark_seen(ctx *c, KnObject *e)
{
    if (c->nseen == c->capseen) {
        size_t cap = c->capseen ? c->capseen * 2 : 16;
        KnObject **p = realloc(c->seen, cap * sizeof *p);
        if (p == NULL)
            return;
        c->seen = p;
        c->capseen = cap;
    }
    c->seen[c->nseen++] = e;
}

/* ---- source lines ---- */

/* Line `lineno` of file `path` with its newline, malloc'd; NULL if none. */
static char *read_source_line(const char *path, int lineno)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int n = 0;
    while ((len = getline(&line, &cap, f)) >= 0) {
        if (++n == lineno) {
            fclose(f);
            return line;
        }
    }
    free(line);
    fclose(f);
    return NULL;
}

/* UTF-8 characters in s[0, bytes). */
static long chars_in(const char *s, long bytes)
{
    long n = 0;
    for (long i = 0; i < bytes && s[i]; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

/* Byte index of character `ch` in s (or its length). */
static long byte_of_char(const char *s, long ch)
{
    long i = 0, n = 0;
    while (s[i]) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            if (n == ch)
                return i;
            n++;
        }
        i++;
    }
    return i;
}

static int is_space(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
}

/* traceback.py's _extract_caret_anchors_from_line_segment: 1 with the
 * anchors (character offsets in seg) for a binary operator or subscript. */
static int caret_anchors(const char *seg, long *left_end, long *right_start)
{
    ps_arena *arena = ps_arena_new();
    if (arena == NULL)
        return 0;
    ps_error err;
    ps_error_init(&err);
    int found = 0;
    ps_mod *m = ps_parse(seg, strlen(seg), "<segment>", PS_MODE_EXEC, PS_INPUT_IS_UTF8_STR,
                         arena, &err);
    if (m != NULL && m->v.Module.body != NULL && m->v.Module.body->len == 1 &&
        m->v.Module.body->items[0]->kind == PS_STMT_Expr) {
        ps_expr *e = m->v.Module.body->items[0]->v.Expr.value;
        if (e->kind == PS_EXPR_BinOp) {
            long op_start = chars_in(seg, e->v.BinOp.left->end_col_offset);
            long op_end = chars_in(seg, e->v.BinOp.right->col_offset);
            const char *ops = seg + byte_of_char(seg, op_start);
            long oplen = op_end - op_start, off = 0;
            while (off < oplen && is_space(ops[off]))
                off++;
            long left = e->v.BinOp.left->end_col_offset + off;
            long right = left + 1;
            if (off + 1 < oplen && !is_space(ops[off + 1]))
                right++;
            *left_end = chars_in(seg, left);
            *right_start = chars_in(seg, right);
            found = 1;
        } else if (e->kind == PS_EXPR_Subscript) {
            *left_end = chars_in(seg, e->v.Subscript.value->end_col_offset);
            *right_start = chars_in(seg, e->v.Subscript.slice->end_col_offset + 1);
            found = 1;
        }
    }
    ps_error_clear(&err);
    ps_arena_free(arena);
    return found;
}

/* One frame: the File line, the source line, the carets. */
static void format_frame(sbuf *b, KnCodeObject *co, int lasti, int lineno)
{
    const char *filename = ob_str_as_utf8(co->co_filename, NULL);
    sb_puts(b, "  File \"");
    sb_obj(b, co->co_filename);
    sb_puts(b, "\", line ");
    char num[32];
    if (lineno < 0)
        sb_puts(b, "None");
    else {
        snprintf(num, sizeof num, "%d", lineno);
        sb_puts(b, num);
    }
    sb_puts(b, ", in ");
    sb_obj(b, co->co_name);
    sb_puts(b, "\n");
    if (filename == NULL || lineno < 1) {
        ob_err_clear();
        return;
    }
    char *raw = read_source_line(filename, lineno);
    if (raw == NULL)
        return;
    long rawlen = (long)strlen(raw);
    long lead = 0, end = rawlen;
    while (lead < end && is_space(raw[lead]))
        lead++;
    while (end > lead && is_space(raw[end - 1]))
        end--;
    if (end == lead) {
        free(raw);
        return;
    }
    sb_puts(b, "    ");
    sb_put(b, raw + lead, (size_t)(end - lead));
    sb_puts(b, "\n");
    long stripped_len = chars_in(raw + lead, end - lead);
    long stripped_chars = chars_in(raw, rawlen) - stripped_len;
    jit_position *pos = (co->co_positions && lasti >= 0 && lasti < co->co_ncode)
                            ? &co->co_positions[lasti] : NULL;
    if (pos != NULL && pos->col >= 0 && pos->end_col >= 0 && pos->lineno == lineno) {
        long start = chars_in(raw, pos->col) + 1;
        long stop = chars_in(raw, pos->end_col) + 1;
        long left = 0, right = 0;
        int anchors = 0;
        if (pos->end_lineno == pos->lineno) {
            long bs = byte_of_char(raw, start - 1), be = byte_of_char(raw, stop - 1);
            if (be > bs) {
                char *seg = malloc((size_t)(be - bs) + 1);
                if (seg != NULL) {
                    memcpy(seg, raw + bs, (size_t)(be - bs));
                    seg[be - bs] = '\0';
                    anchors = caret_anchors(seg, &left, &right);
                    free(seg);
                }
            }
        } else {
            stop = stripped_chars + stripped_len;
        }
        if (stop - start < stripped_len || (anchors && right - left > 0)) {
            sb_puts(b, "    ");
            sb_repeat(b, ' ', start - stripped_chars);
            if (anchors) {
                sb_repeat(b, '~', left);
                sb_repeat(b, '^', right - left);
                sb_repeat(b, '~', stop - start - right);
            } else {
                sb_repeat(b, '^', stop - start);
            }
            sb_puts(b, "\n");
        }
    }
    free(raw);
}

/* StackSummary.format: frames, with runs of the same line folded. */
/* sys.tracebacklimit, as CPython's printer reads it: an int keeps the
 * last `limit` entries (none, and no header, when <= 0); anything else,
 * or no such attribute, means no limit. */
static long long traceback_limit(void)
{
    KnObject *v = jit_sys_get("tracebacklimit");
    if (v == NULL || !KN_INT_CHECK(v)) {
        ob_err_clear();
        return LLONG_MAX;
    }
    int overflow;
    long long limit = ob_int_as_long_long_and_overflow(v, &overflow);
    ob_err_clear();
    return overflow > 0 ? LLONG_MAX : overflow < 0 ? 0 : limit;
}

static void format_stack(ctx *c, KnObject *tb, long long limit)
{
    KnObject *last_file = NULL, *last_name = NULL;
    int last_line = -2, count = 0;
    char msg[96];
    long long depth = 0;
    for (KnTracebackObject *t = (KnTracebackObject *)tb; t != NULL; t = t->tb_next)
        depth++;
    for (KnTracebackObject *t = (KnTracebackObject *)tb; t != NULL; t = t->tb_next) {
        if (depth-- > limit)
            continue;           /* the outermost entries go first */
        if (t->tb_frame == NULL || t->tb_frame->f_frame == NULL)
            continue;
        KnCodeObject *co = t->tb_frame->f_frame->code;
        if (last_file == NULL || !ob_str_equal(last_file, co->co_filename) ||
            last_line != t->tb_lineno || !ob_str_equal(last_name, co->co_name)) {
            if (count > RECURSIVE_CUTOFF) {
                count -= RECURSIVE_CUTOFF;
                snprintf(msg, sizeof msg, "  [Previous line repeated %d more time%s]\n", count,
                         count > 1 ? "s" : "");
                emit(c, msg, 0);
            }
            last_file = co->co_filename;
            last_line = t->tb_lineno;
            last_name = co->co_name;
            count = 0;
        }
        if (++count > RECURSIVE_CUTOFF)
            continue;
        sbuf b = { 0 };
        format_frame(&b, co, t->tb_lasti / 2, t->tb_lineno);
        if (b.p != NULL)
            emit(c, b.p, 0);
        free(b.p);
    }
    if (count > RECURSIVE_CUTOFF) {
        count -= RECURSIVE_CUTOFF;
        snprintf(msg, sizeof msg, "  [Previous line repeated %d more time%s]\n", count,
                 count > 1 ? "s" : "");
        emit(c, msg, 0);
    }
}

/* str(x) for printing, or "<what str() failed>". */
static void safe_str(sbuf *b, KnObject *x, const char *what, int use_repr)
{
    KnObject *s = use_repr ? ob_repr(x) : ob_str(x);
    if (s == NULL || !KN_STR_CHECK(s)) {
        ob_err_clear();
        sb_puts(b, "<");
        sb_puts(b, what);
        sb_puts(b, use_repr ? " repr() failed>" : " str() failed>");
        return;
    }
    sb_obj(b, s);
}

static void type_name(sbuf *b, KnTypeObject *t)
{
    KnObject *mod = NULL;
    if (ob_lookup_attr((KnObject *)t, ob_str_intern_cstr("__module__"), &mod) < 0)
        ob_err_clear();
    if (mod == NULL || !KN_STR_CHECK(mod)) {
        sb_puts(b, "<unknown>.");
    } else if (!ob_str_equal_cstr(mod, "__main__") && !ob_str_equal_cstr(mod, "builtins")) {
        sb_obj(b, mod);
        sb_puts(b, ".");
    }
    KnObject *qn = ob_type_qualname(t);
    if (qn == NULL) {
        ob_err_clear();
        sb_puts(b, t->tp_name);
    } else {
        sb_obj(b, qn);
    }
}

static void format_syntax_error(sbuf *b, KnObject *exc)
{
    KnSyntaxErrorObject *se = (KnSyntaxErrorObject *)exc;
    KnObject *suffix = NULL;
    if (se->lineno != NULL && se->lineno != KN_None) {
        sb_puts(b, "  File \"");
        if (se->filename != NULL && se->filename != KN_None)
            safe_str(b, se->filename, "filename", 0);
        else
            sb_puts(b, "<string>");
        sb_puts(b, "\", line ");
        safe_str(b, se->lineno, "lineno", 0);
        sb_puts(b, "\n");
    } else if (se->filename != NULL && se->filename != KN_None) {
        suffix = se->filename;
    }
    if (se->text != NULL && KN_STR_CHECK(se->text)) {
        kn_ssize_t n = 0;
        const char *t = ob_str_as_utf8(se->text, &n);
        long rend = (long)n;
        while (rend > 0 && t[rend - 1] == '\n')
            rend--;
        long l = 0;
        while (l < rend && (t[l] == ' ' || t[l] == '\n' || t[l] == '\f'))
            l++;
        long spaces = chars_in(t, l);
        sb_puts(b, "    ");
        sb_put(b, t + l, (size_t)(rend - l));
        sb_puts(b, "\n");
        if (se->offset != NULL && KN_INT_CHECK(se->offset)) {
            long offset = (long)ob_int_as_ssize(se->offset);
            long end_offset = offset;
            if (se->end_offset != NULL && KN_INT_CHECK(se->end_offset)) {
                long e = (long)ob_int_as_ssize(se->end_offset);
                if (e != 0)
                    end_offset = e;
            }
            if (offset == end_offset || end_offset == -1)
                end_offset = offset + 1;
            long colno = offset - 1 - spaces, end_colno = end_offset - 1 - spaces;
            if (colno >= 0) {
                sb_puts(b, "    ");
                long bl = byte_of_char(t + l, colno);
                for (long i = 0; i < bl && l + i < rend; i++) {
                    char ch = t[l + i];
                    if (((unsigned char)ch & 0xC0) == 0x80)
                        continue;
                    sb_put(b, is_space(ch) ? &ch : " ", 1);
                }
                sb_repeat(b, '^', end_colno - colno);
                sb_puts(b, "\n");
            }
        }
        ob_err_clear();
    }
    type_name(b, KN_TYPE(exc));
    sb_puts(b, ": ");
    if (se->msg != NULL && se->msg != KN_None)
        safe_str(b, se->msg, "msg", 0);
    else
        sb_puts(b, "<no detail available>");
    if (suffix != NULL) {
        sb_puts(b, " (");
        safe_str(b, suffix, "filename", 0);
        sb_puts(b, ")");
    }
    sb_puts(b, "\n");
}


/* ---- "Did you mean" (CPython 3.11's suggestions for NameError and
 * AttributeError) ----
 * The candidate closest to the missing name by an edit distance where a
 * case flip costs 1 and any other edit 2, among at most 750 candidates of
 * at most 40 bytes (after trimming the common prefix and suffix), within
 * a third of the characters involved. */
#define SUGGEST_MAX_ITEMS 750
#define SUGGEST_MAX_LEN 40
#define SUGGEST_MOVE 2
#define SUGGEST_CASE 1

static long subst_cost(char a, char b)
{
    if (a == b)
        return 0;
    if ((a & 31) != (b & 31))
        return SUGGEST_MOVE;
    char la = (a >= 'A' && a <= 'Z') ? (char)(a + 32) : a;
    char lb = (b >= 'A' && b <= 'Z') ? (char)(b + 32) : b;
    return la == lb ? SUGGEST_CASE : SUGGEST_MOVE;
}

static long edit_distance(const char *a, long na, const char *b, long nb, long limit)
{
    while (na && nb && a[0] == b[0]) {
        a++, b++;
        na--, nb--;
    }
    while (na && nb && a[na - 1] == b[nb - 1])
        na--, nb--;
    if (na == 0 || nb == 0)
        return (na + nb) * SUGGEST_MOVE;
    if (na > SUGGEST_MAX_LEN || nb > SUGGEST_MAX_LEN)
        return limit + 1;
    if (nb < na) {
        const char *t = a;
        a = b;
        b = t;
        long tn = na;
        na = nb;
        nb = tn;
    }
    if ((nb - na) * SUGGEST_MOVE > limit)
        return limit + 1;
    long row[SUGGEST_MAX_LEN];
    for (long i = 0; i < na; i++)
        row[i] = (i + 1) * SUGGEST_MOVE;
    long cur = 0;
    for (long j = 0; j < nb; j++) {
        long diag = j * SUGGEST_MOVE, best = -1;
        cur = diag;
        for (long i = 0; i < na; i++) {
            long sub = diag + subst_cost(b[j], a[i]);
            diag = row[i];
            long del = (cur < diag ? cur : diag) + SUGGEST_MOVE;
            cur = del < sub ? del : sub;
            row[i] = cur;
            if (best < 0 || cur < best)
                best = cur;
        }
        if (best > limit)
            return limit + 1;
    }
    return cur;
}

/* The best candidate in `names` (a list or tuple of str), or NULL. */
static KnObject *closest(KnObject *names, KnObject *name)
{
    if (names == NULL)
        return NULL;
    kn_ssize_t n = KN_SIZE(names);
    if (n >= SUGGEST_MAX_ITEMS)
        return NULL;
    kn_ssize_t nlen = 0;
    const char *ns = ob_str_as_utf8(name, &nlen);
    if (ns == NULL)
        return NULL;
    KnObject *best = NULL;
    long best_dist = 0;
    for (kn_ssize_t i = 0; i < n; i++) {
        KnObject *item = KN_LIST_CHECK(names) ? KN_LIST_GET(names, i) : KN_TUPLE_GET(names, i);
        if (!KN_STR_CHECK(item))
            continue;
        kn_ssize_t ilen = 0;
        const char *is = ob_str_as_utf8(item, &ilen);
        if (is == NULL || ob_str_equal(item, name))
            continue;
        long limit = (long)(nlen + ilen + 3) * SUGGEST_MOVE / 6;
        if (best != NULL && best_dist - 1 < limit)
            limit = best_dist - 1;
        long d = edit_distance(ns, (long)nlen, is, (long)ilen, limit);
        if (d > limit)
            continue;
        if (best == NULL || d < best_dist) {
            best = item;
            best_dist = d;
        }
    }
    return best;
}

static KnObject *suggestion(KnObject *exc)
{
    if (ob_type_is_subtype(KN_TYPE(exc), ob_exc_AttributeError)) {
        KnAttributeErrorObject *ae = (KnAttributeErrorObject *)exc;
        if (ae->name == NULL || !KN_STR_CHECK(ae->name) || ae->obj == NULL)
            return NULL;
        KnObject *dir = ob_dir(ae->obj);
        return dir && KN_LIST_CHECK(dir) ? closest(dir, ae->name) : NULL;
    }
    if (!ob_type_is_subtype(KN_TYPE(exc), ob_exc_NameError))
        return NULL;
    KnObject *name = ((KnNameErrorObject *)exc)->name;
    KnTracebackObject *tb = (KnTracebackObject *)ob_exc_get_traceback(exc);
    if (name == NULL || !KN_STR_CHECK_EXACT(name) || tb == NULL)
        return NULL;
    while (tb->tb_next != NULL)
        tb = tb->tb_next;
    jit_frame *f = tb->tb_frame ? tb->tb_frame->f_frame : NULL;
    if (f == NULL)
        return NULL;
    KnCodeObject *co = f->code;
    KnObject *varnames = ob_list_new(0);
    for (int i = 0; varnames != NULL && i < co->co_nlocalsplus; i++)
        if ((co->co_localspluskinds[i] & JIT_LOCAL_LOCAL) || co->co_localspluskinds[i] == 0)
            ob_list_append(varnames, KN_TUPLE_GET(co->co_localsplusnames, i));
    KnObject *s = closest(varnames, name);
    if (s == NULL && KN_DICT_CHECK(f->globals))
        s = closest(ob_dict_keys_list(f->globals), name);
    if (s == NULL && f->builtins != NULL && KN_DICT_CHECK(f->builtins))
        s = closest(ob_dict_keys_list(f->builtins), name);
    return s;
}

static void format_exception_only(ctx *c, KnObject *exc)
{
    sbuf b = { 0 };
    if (ob_type_is_subtype(KN_TYPE(exc), ob_exc_SyntaxError)) {
        format_syntax_error(&b, exc);
    } else {
        type_name(&b, KN_TYPE(exc));
        sbuf v = { 0 };
        safe_str(&v, exc, "exception", 0);
        if (v.n > 0) {
            sb_puts(&b, ": ");
            sb_put(&b, v.p, v.n);
        }
        free(v.p);
        KnObject *sugg = suggestion(exc);
        ob_err_clear();
        if (sugg != NULL) {
            sb_puts(&b, ". Did you mean: '");
            sb_obj(&b, sugg);
            sb_puts(&b, "'?");
        }
        sb_puts(&b, "\n");
    }
    KnObject *notes = NULL;
    if (ob_lookup_attr(exc, ob_str_intern_cstr("__notes__"), &notes) < 0)
        ob_err_clear();
    if (notes != NULL && (KN_LIST_CHECK(notes) || KN_TUPLE_CHECK(notes))) {
        for (kn_ssize_t i = 0; i < KN_SIZE(notes); i++) {
            KnObject *note = KN_LIST_CHECK(notes) ? KN_LIST_GET(notes, i) : KN_TUPLE_GET(notes, i);
            safe_str(&b, note, "note", 0);
            sb_puts(&b, "\n");
        }
    } else if (notes != NULL) {
        safe_str(&b, notes, "__notes__", 1);
    }
    if (b.p != NULL)
        emit(c, b.p, 0);
    free(b.p);
}

static const char cause_msg[] =
    "\nThe above exception was the direct cause of the following exception:\n\n";
static const char context_msg[] =
    "\nDuring handling of the above exception, another exception occurred:\n\n";

static int is_group(KnObject *e)
{
    return ob_type_is_subtype(KN_TYPE(e), ob_exc_BaseExceptionGroup);
}

static void format_exc(ctx *c, KnObject *exc, int chain);

static void format_group(ctx *c, KnObject *exc, int chain)
{
    KnObject *tb = ob_exc_get_traceback(exc);
    if (c->depth > MAX_GROUP_DEPTH) {
        char msg[64];
        snprintf(msg, sizeof msg, "... (max_group_depth is %d)\n", MAX_GROUP_DEPTH);
        emit(c, msg, 0);
        return;
    }
    int toplevel = c->depth == 0;
    if (toplevel)
        c->depth++;
    long long limit = tb != NULL ? traceback_limit() : 0;
    if (tb != NULL && limit > 0) {
        emit(c, "Exception Group Traceback (most recent call last):\n", toplevel ? '+' : 0);
        format_stack(c, tb, limit);
    }
    format_exception_only(c, exc);
    /* Through the attribute, not the struct: a group type whose layout
     * lacks `excs` must not be read past its end. */
    KnObject *excs = NULL;
    if (ob_lookup_attr(exc, ob_str_intern_cstr("exceptions"), &excs) < 0)
        ob_err_clear();
    if (excs != NULL && !KN_TUPLE_CHECK(excs))
        excs = NULL;
    kn_ssize_t num = excs ? KN_SIZE(excs) : 0;
    kn_ssize_t n = num <= MAX_GROUP_WIDTH ? num : MAX_GROUP_WIDTH + 1;
    c->need_close = 0;
    for (kn_ssize_t i = 0; i < n; i++) {
        int last = i == n - 1;
        if (last)
            c->need_close = 1;
        int truncated = i >= MAX_GROUP_WIDTH;
        for (int k = 0; k < 2 * c->depth; k++)
            fputc(' ', c->out);
        if (truncated)
            fprintf(c->out, "%s+---------------- ... ----------------\n", i == 0 ? "+-" : "  ");
        else
            fprintf(c->out, "%s+---------------- %zd ----------------\n", i == 0 ? "+-" : "  ",
                    i + 1);
        c->depth++;
        if (!truncated) {
            KnObject *sub = KN_TUPLE_GET(excs, i);
            mark_seen(c, sub);
            format_exc(c, sub, chain);
        } else {
            char msg[64];
            kn_ssize_t rem = num - MAX_GROUP_WIDTH;
            snprintf(msg, sizeof msg, "and %zd more exception%s\n", rem, rem > 1 ? "s" : "");
            emit(c, msg, 0);
        }
        if (last && c->need_close) {
            for (int k = 0; k < 2 * c->depth; k++)
                fputc(' ', c->out);
            fputs("+------------------------------------\n", c->out);
            c->need_close = 0;
        }
        c->depth--;
    }
    if (toplevel)
        c->depth = 0;
}

static void format_exc(ctx *c, KnObject *exc, int chain)
{
    /* The chain newest first, as TracebackException builds it. */
    KnObject *items[256];
    const char *msgs[256];
    int n = 0;
    KnObject *e = exc;
    while (e != NULL && n < 256) {
        KnBaseExceptionObject *be = (KnBaseExceptionObject *)e;
        KnObject *cause = chain && be->cause && KN_EXC_CHECK(be->cause) && !seen(c, be->cause)
                              ? be->cause : NULL;
        KnObject *context = chain && be->context && KN_EXC_CHECK(be->context) &&
                                    !seen(c, be->context)
                                ? be->context : NULL;
        if (cause)
            mark_seen(c, cause);
        if (context)
            mark_seen(c, context);
        items[n] = e;
        if (cause) {
            msgs[n++] = cause_msg;
            e = cause;
        } else if (context && !be->suppress_context) {
            msgs[n++] = context_msg;
            e = context;
        } else {
            msgs[n++] = NULL;
            e = NULL;
        }
    }
    for (int i = n - 1; i >= 0; i--) {
        KnObject *x = items[i];
        if (msgs[i] != NULL)
            emit(c, msgs[i], 0);
        if (is_group(x)) {
            format_group(c, x, chain);
        } else {
            KnObject *tb = ob_exc_get_traceback(x);
            long long limit = tb != NULL ? traceback_limit() : 0;
            if (tb != NULL && limit > 0) {
                emit(c, "Traceback (most recent call last):\n", 0);
                format_stack(c, tb, limit);
            }
            format_exception_only(c, x);
        }
    }
}

int jit_traceback_print(KnObject *exc, FILE *out)
{
    if (exc == NULL || !KN_EXC_CHECK(exc))
        return -1;
    KnObject *pending = ob_err_fetch();
    ctx c = { .out = out };
    mark_seen(&c, exc);
    format_exc(&c, exc, 1);
    free(c.seen);
    fflush(out);
    ob_err_clear();
    ob_err_restore(pending);
    return 0;
}

KnObject *jit_traceback_format(KnObject *exc)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (f == NULL)
        return ob_err_nomemory();
    int r = jit_traceback_print(exc, f);
    fclose(f);
    KnObject *s = NULL;
    if (r < 0)
        ob_err_format(ob_exc_TypeError, "print_exception(): Exception expected, got %s",
                      exc ? ob_type_name(KN_TYPE(exc)) : "NULL");
    else
        s = ob_str_decode_utf8(buf, (kn_ssize_t)len, "replace");
    free(buf);
    return s;
}
