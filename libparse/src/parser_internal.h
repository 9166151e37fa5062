/* parser_internal.h — state and helpers shared by the parser's files.
 *
 *   parser.c          entry point, token buffer, errors, sequence scratch stack
 *   parse_expr.c      expressions, targets, arguments, comprehensions
 *   parse_stmt.c      statements and blocks, function parameters
 *   parse_pattern.c   match statement patterns
 *   parse_string.c    string literals: concatenation and f-strings
 *   parse_nfkc.c      NFKC normalisation of non-ASCII identifiers
 *
 * Protocol: every pp_* rule returns the node (or 1) on success and NULL (or
 * 0) on failure.  A failure either has an error recorded (p->failed != 0,
 * sticky: nothing clears it; the whole parse ends) or is a plain "no match"
 * that the caller may recover from by resetting p->pos.  When the top level
 * sees a plain no-match, it reports "invalid syntax" at the furthest token
 * any rule looked at (p->maxpos), as CPython does.  See NOTES-parser.md.
 */
#ifndef LIBPARSE_PARSER_INTERNAL_H
#define LIBPARSE_PARSER_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "libparse/arena.h"
#include "libparse/ast.h"
#include "libparse/error.h"
#include "libparse/parser.h"
#include "libparse/token.h"

/* Nesting limit (expression recursion, operator and trailer chains): past it
 * the parse fails with MemoryError as CPython 3.11's parser does when its
 * own stack overflows.  Bounds the C stack and the depth of the tree. */
#define PP_MAX_DEPTH 3000

/* A token kind that matches nothing: what the parser sees past the point
 * where the tokenizer failed. */
#define PP_TOK_BAD PS_TOK__COUNT

typedef struct pp_parser {
    const ps_token *toks;
    size_t ntok;            /* tokens the tokenizer produced */
    unsigned char *kw;      /* ps_keyword of each NAME token (0 otherwise) */
    size_t pos;             /* next token */
    size_t maxpos;          /* furthest token looked at */
    ps_token bad;           /* stands for every token past ntok on failure */
    int tok_failed;         /* the tokenizer stopped with tok_err */
    ps_error tok_err;
    ps_tokenizer *tz;
    ps_arena *arena;
    ps_error *err;
    int failed;             /* err holds the (sticky) error */
    int depth;
    int indent_error;       /* failed with the generic unexpected (un)indent */
    int for_targets;        /* parsing the targets of a for (see pp_set_context) */
    unsigned char *tried;   /* token positions a second-pass re-parse already
                               ran at (pp_first_try); malloc'd, lazily */
    int flags;              /* PS_PARSE_* / PS_CF_* flags from ps_parse */
    int mode;
    int in_fstring;         /* parsing an f-string replacement field */
    int noinvalid;          /* inside expression_without_invalid: no invalid_* checks */
    /* f-string sub-parses: where the expression text sits in the file */
    int fs_line, fs_col;
    /* LIFO scratch stack used to collect sequence items */
    void **stk;
    size_t top, cap;
} pp_parser;

/* ---- tokens ------------------------------------------------------------ */

const ps_token *pp_tok_slow(pp_parser *p, size_t i);

static inline const ps_token *pp_at(pp_parser *p, size_t i)
{
    if (i < p->ntok) {
        if (i > p->maxpos)
            p->maxpos = i;
        return &p->toks[i];
    }
    return pp_tok_slow(p, i);
}
static inline const ps_token *pp_cur(pp_parser *p) { return pp_at(p, p->pos); }
static inline int pp_kind(pp_parser *p) { return (int)pp_cur(p)->kind; }
static inline int pp_kind_at(pp_parser *p, size_t i) { return (int)pp_at(p, i)->kind; }
/* The keyword a NAME token spells (hard or soft), 0 for anything else. */
static inline int pp_kw_at(pp_parser *p, size_t i)
{
    return pp_at(p, i)->kind == PS_TOK_NAME ? p->kw[i] : 0;
}
static inline int pp_kw(pp_parser *p) { return pp_kw_at(p, p->pos); }
static inline int pp_is_hard_kw(int kw) { return kw && kw < PS_KW_UNDERSCORE; }
/* A NAME usable as an identifier (soft keywords included). */
static inline int pp_is_name_at(pp_parser *p, size_t i)
{
    return pp_at(p, i)->kind == PS_TOK_NAME && !pp_is_hard_kw(p->kw[i]);
}
static inline int pp_is_name(pp_parser *p) { return pp_is_name_at(p, p->pos); }
static inline const ps_token *pp_prev(pp_parser *p) { return &p->toks[p->pos - 1]; }
/* The last consumed token that is not NEWLINE/INDENT/DEDENT/ENDMARKER:
 * where a rule's node ends (CPython's _PyPegen_get_last_nonnwhitespace_token). */
static inline const ps_token *pp_last(pp_parser *p)
{
    size_t i = p->pos - 1;
    while (i > 0 && (p->toks[i].kind == PS_TOK_NEWLINE || p->toks[i].kind == PS_TOK_INDENT
                     || p->toks[i].kind == PS_TOK_DEDENT || p->toks[i].kind == PS_TOK_ENDMARKER))
        i--;
    return &p->toks[i];
}

/* Consume a token of `kind` / keyword `kw`: 1 if it was there. */
static inline int pp_accept(pp_parser *p, int kind)
{
    if (pp_kind(p) == kind) {
        p->pos++;
        return 1;
    }
    return 0;
}
static inline int pp_accept_kw(pp_parser *p, int kw)
{
    if (pp_kw(p) == kw) {
        p->pos++;
        return 1;
    }
    return 0;
}

/* Position arguments for a constructor: from the start of token `st` to
 * the end of the last consumed token (CPython's EXTRA). */
#define PP_EXTRA(p, st) (p)->toks[st].lineno, (p)->toks[st].col_offset, \
    pp_last(p)->end_lineno, pp_last(p)->end_col_offset, (p)->arena
/* From node/token a's start to node/token b's end. */
#define PP_SPAN(p, a, b) (a)->lineno, (a)->col_offset, (b)->end_lineno, (b)->end_col_offset, (p)->arena

/* ---- errors (parser.c) --------------------------------------------------- */

/* Record a SyntaxError (kind) over [l:c, el:ec) (byte columns); returns NULL. */
void *pp_error_at(pp_parser *p, ps_error_kind kind, int l, int c, int el, int ec,
                  const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 7, 8)))
#endif
    ;
/* ... over a token / over a node (anything with the four position fields). */
#define PP_ERR_TOK(p, t, ...) pp_error_at(p, PS_ERR_SYNTAX, (t)->lineno, (t)->col_offset, \
    (t)->end_lineno, (t)->end_col_offset, __VA_ARGS__)
#define PP_ERR_NODE(p, n, ...) PP_ERR_TOK(p, n, __VA_ARGS__)
#define PP_ERR_RANGE(p, a, b, ...) pp_error_at(p, PS_ERR_SYNTAX, (a)->lineno, (a)->col_offset, \
    (b)->end_lineno, (b)->end_col_offset, __VA_ARGS__)
void *pp_nomem(pp_parser *p);
/* CPython's CHECK_VERSION: 1 when the target version (PS_FEATURE_VERSION)
 * has the syntax, else 0 with "<what> only supported in Python 3.<minor>
 * and greater" at the last token read. */
int pp_version_ok(pp_parser *p, int minor, const char *what);
/* After an error raised at token t: if t is a DEDENT, CPython (whose DEDENT
 * has no position) reports the tokenizer's position instead — the new
 * indentation, or at the end of the source the end of the last line — and
 * no end offset. */
void pp_dedent_location(pp_parser *p, const ps_token *t);
/* 1 the first time it is asked about token position pos, 0 afterwards (and
 * when out of memory).  Guards the second-pass checks that re-parse with
 * further checks enabled, which would otherwise repeat at every nesting
 * level: exponential time on nested input, where CPython memoizes. */
int pp_first_try(pp_parser *p, size_t pos);
/* Count one level of nesting; 0 (error recorded) past PP_MAX_DEPTH. */
int pp_enter(pp_parser *p);
static inline void pp_leave(pp_parser *p) { p->depth--; }
/* A check of CPython's second pass (an invalid_* rule) that did not match:
 * back to `pos`; the tokens it looked at do not count for the generic
 * error's location, which CPython takes from its first pass. */
static inline void pp_unlook(pp_parser *p, size_t pos, size_t maxpos)
{
    p->pos = pos;
    p->maxpos = maxpos;
}
/* fn(p) one nesting level deeper; NULL (error recorded) past the limit. */
static inline ps_expr *pp_nested(pp_parser *p, ps_expr *(*fn)(pp_parser *))
{
    if (!pp_enter(p))
        return NULL;
    ps_expr *r = fn(p);
    pp_leave(p);
    return r;
}

/* ---- sequences ------------------------------------------------------------ */

int pp_push(pp_parser *p, void *item);
/* Items pushed since `base` become a new arena sequence; the stack drops
 * back to `base`.  The pointer sequences share one layout (len, items[]). */
void *pp_seq_from(pp_parser *p, size_t base);
#define PP_SEQ(p, type, base) ((ps_##type##_seq *)pp_seq_from(p, base))
ps_expr_seq *pp_seq1(pp_parser *p, ps_expr *e);

/* ---- identifiers ---------------------------------------------------------- */

/* The identifier a NAME token spells (NFKC-normalised if not ASCII). */
const char *pp_ident(pp_parser *p, const ps_token *t);
ps_expr *pp_name_from_tok(pp_parser *p, size_t i, ps_expr_context ctx);
char *pp_nfkc(const char *s, size_t n, size_t *out_len);

/* ---- rules ------------------------------------------------------------------ */

/* parse_expr.c */
ps_expr *pp_expression(pp_parser *p);
ps_expr *pp_named_expression(pp_parser *p);
ps_expr *pp_star_expressions(pp_parser *p);
ps_expr *pp_star_named_expression(pp_parser *p);
ps_expr *pp_star_named_expressions_tuple(pp_parser *p);
ps_expr *pp_disjunction(pp_parser *p);
ps_expr *pp_bitwise_or(pp_parser *p);
ps_expr *pp_primary(pp_parser *p);
ps_expr *pp_yield_expr(pp_parser *p);
ps_expr *pp_star_targets(pp_parser *p);
ps_expr *pp_star_target(pp_parser *p);
ps_expr *pp_expressions(pp_parser *p);
int pp_call_args(pp_parser *p, size_t lpar, int allow_genexp, ps_expr_seq **args,
                 ps_keyword_seq **kws);
ps_arguments *pp_lambda_params(pp_parser *p);
/* Turn an expression into an assignment/del target: 0 (error set) if it
 * cannot be one.  `what` is the CPython message fragment context. */
int pp_set_context(pp_parser *p, ps_expr *e, ps_expr_context ctx);
const char *pp_expr_name(const ps_expr *e);
ps_expr *pp_invalid_target(ps_expr *e, ps_expr_context ctx);
ps_expr *pp_for_targets(pp_parser *p);
void pp_invalid_for_target(pp_parser *p, size_t tpos);

/* parse_stmt.c */
ps_stmt_seq *pp_statements(pp_parser *p);
ps_stmt_seq *pp_single_statement(pp_parser *p);
void *pp_expected_block(pp_parser *p, const char *what, int line);
ps_stmt_seq *pp_block(pp_parser *p, const char *what, const ps_token *kwtok);
ps_arguments *pp_params(pp_parser *p, int lambda);
ps_expr *pp_type_expressions_stub(pp_parser *p);

/* parse_pattern.c */
ps_stmt *pp_match_stmt(pp_parser *p);

/* parse_string.c */
ps_expr *pp_strings(pp_parser *p);
ps_constant pp_const_none(void);

#endif
