/* fuzz_tokenizer.c — libFuzzer target for the tokenizer, the source decoder
 * and the string-literal decoder.  Built by run.sh (clang, ASan + UBSan),
 * not by the default ninja build.
 *
 * The first input byte picks the mode (bytes vs already-decoded text); the
 * rest is the source.  Every STRING token is also decoded, so the escape
 * decoder sees real tokenizer output.  Invariants checked: positions are
 * monotonic and within the buffer, every error has a message, and the token
 * count is bounded by the input size (linear time). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "libparse/token.h"

static int quiet_warn(void *ctx, ps_warn_category cat, int lineno, int col,
                      const char *msg)
{
    (void)cat; (void)lineno; (void)col;
    size_t *n = ctx;
    if (msg[0] == '\0')
        abort();
    /* every 7th warning is turned into an error, as "-W error" would */
    return (++*n % 7 == 0) ? -1 : 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    int flags = (data[0] & 1) ? PS_TOK_STR : 0;
    const char *src = (const char *)data + 1;
    size_t len = size - 1;
    ps_error err;
    ps_error_init(&err);
    ps_tokenizer *tok = ps_tok_new(src, len, flags, &err);
    if (!tok) {
        if (err.kind == PS_ERR_NONE)
            abort();
        ps_error_clear(&err);
        return 0;
    }
    size_t nwarn = 0;
    ps_tok_set_warn(tok, quiet_warn, &nwarn);
    const ps_token *toks;
    size_t n;
    int rc = ps_tok_all(tok, &toks, &n);
    if (rc < 0 && (err.kind == PS_ERR_NONE || (err.kind != PS_ERR_MEMORY && !err.msg[0])))
        abort();
    /* each token but INDENT/DEDENT/ENDMARKER consumes input; dedents are at
     * most 100 per line */
    if (n > 4 * len + 256)
        abort();
    int prev_line = 0;
    for (size_t i = 0; i < n; i++) {
        const ps_token *t = &toks[i];
        if (t->lineno < prev_line || t->end_lineno < t->lineno)
            abort();
        prev_line = t->lineno;
        if (t->col_offset < 0 || t->end_col_offset < 0)
            abort();
        volatile char sink = 0;
        for (size_t k = 0; k < t->len; k++)
            sink ^= t->start[k];
        (void)sink;
        size_t ll;
        const char *l = ps_tok_line(tok, t->lineno, &ll);
        if (l && ll)
            sink ^= l[ll - 1];
        if (t->kind == PS_TOK_NAME)
            (void)ps_keyword_lookup(t->start, t->len);
        if (t->kind == PS_TOK_STRING) {
            ps_strlit lit;
            if (ps_strlit_parse(t->start, t->len, &lit) < 0)
                abort();
            char *out = NULL;
            size_t olen = 0;
            ps_error e2;
            ps_error_init(&e2);
            size_t w2 = 0;
            if (ps_decode_body(lit.body, lit.body_len, lit.flags & ~PS_STR_FSTRING,
                               &out, &olen, quiet_warn, &w2, &e2) == 0) {
                if (olen > lit.body_len)
                    abort();
                free(out);
            } else if (e2.kind == PS_ERR_NONE) {
                abort();
            }
            ps_error_clear(&e2);
        }
    }
    /* the raw-bytes decoder on arbitrary bodies, too */
    {
        char *out = NULL;
        size_t olen = 0;
        ps_error e3;
        ps_error_init(&e3);
        unsigned fl = (unsigned)(data[0] >> 1) & (PS_STR_RAW | PS_STR_BYTES);
        if (ps_decode_body(src, len, fl, &out, &olen, NULL, NULL, &e3) == 0)
            free(out);
        ps_error_clear(&e3);
    }
    ps_tok_free(tok);
    ps_error_clear(&err);
    return 0;
}
