/* token.h — libparse's tokenizer (CPython 3.11's tokenizer, in plain C) and
 * the string-literal decoder the parser uses on STRING tokens.
 *
 * Source handling.  ps_tok_new() takes the whole source at once.  For raw
 * bytes it detects a UTF-8 BOM and a PEP 263 coding cookie in the first two
 * lines, decodes to UTF-8 and rejects undecodable input as CPython does; for
 * an already-decoded string (PS_TOK_STR, compile() of a str) the cookie is
 * ignored.  Line endings "\r\n" and "\r" are translated to "\n" (as CPython's
 * universal-newline reading does), so token text, string literal bodies and
 * line texts only ever contain "\n".  The decoded buffer belongs to the
 * tokenizer: every pointer in a ps_token stays valid until ps_tok_free().
 *
 * Tokens.  ps_tok_next() hands out one token at a time; the parser, which
 * needs unlimited lookahead, either buffers them itself or calls ps_tok_all()
 * which keeps every token in an array owned by the tokenizer.  Positions are
 * those of the ast module: 1-based lines, 0-based UTF-8 byte columns.
 * NEWLINE at the end of a line has the position and text of the newline
 * character; at EOF without a trailing newline CPython still emits NEWLINE
 * (here with empty text, at the end of the last line),
 * then one DEDENT per open indentation level, then ENDMARKER.  INDENT/DEDENT
 * and ENDMARKER have empty text.  The tokenizer never emits COMMENT, NL or
 * ERRORTOKEN tokens (the C tokenizer CPython's parser uses does not either).
 *
 * Errors.  Every function that can fail returns -1 (or NULL) and fills the
 * ps_error it was given, with CPython's exception class, message, and
 * SyntaxError attributes (see error.h).  After an error the tokenizer is
 * finished: further ps_tok_next() calls return -1 again with the same error.
 */
#ifndef LIBPARSE_TOKEN_H
#define LIBPARSE_TOKEN_H

#include <stddef.h>
#include <stdint.h>

#include "libparse/error.h"

typedef enum ps_token_kind {
#define PS_TOKEN(name, text) PS_TOK_##name,
#include "libparse/token.def"
    PS_TOK__COUNT
} ps_token_kind;

typedef struct ps_token {
    ps_token_kind kind;
    const char *start;  /* token text in the decoded UTF-8 buffer */
    size_t len;         /* in bytes; 0 for DEDENT, ENDMARKER and a NEWLINE at EOF
                           without "\n"; INDENT spans the indentation */
    int lineno;         /* 1-based */
    int col_offset;     /* 0-based byte offset from the start of its line */
    int end_lineno;
    int end_col_offset;
    const char *line;   /* start of the line holding the token's first char */
} ps_token;

/* ps_tok_new flags */
#define PS_TOK_STR 0x1  /* src is already text (UTF-8): no BOM/cookie decoding */
#define PS_TOK_TYPE_COMMENTS 0x2  /* PEP 484 comments become TYPE_COMMENT/TYPE_IGNORE */

typedef struct ps_tokenizer ps_tokenizer;

/* Decode src[0..len) and prepare to tokenize it.  The source is copied.
 * Returns NULL with `err` filled when the source cannot be decoded: unknown
 * encoding, invalid UTF-8, null bytes, out of memory. */
ps_tokenizer *ps_tok_new(const char *src, size_t len, int flags, ps_error *err);
void ps_tok_free(ps_tokenizer *tok);

/* SyntaxWarnings found while tokenizing ("invalid decimal literal" for `1if`)
 * go to `fn`; without a sink they are dropped.  See ps_warn_fn in error.h. */
void ps_tok_set_warn(ps_tokenizer *tok, ps_warn_fn fn, void *ctx);

/* Next token into *out; returns its kind (>= 0), or -1 with the error filled
 * into the record given to ps_tok_new.  After ENDMARKER, returns ENDMARKER
 * again. */
int ps_tok_next(ps_tokenizer *tok, ps_token *out);

/* Tokenize everything (from where ps_tok_next left off; tokens it already
 * returned are not repeated) into an array owned by the tokenizer and valid
 * until ps_tok_free.  Returns 0 when it ends with ENDMARKER; -1 on an error,
 * with the tokens read before the error still in *toks / *n, so a parser can
 * first report a syntax error that comes earlier, as CPython's does. */
int ps_tok_all(ps_tokenizer *tok, const ps_token **toks, size_t *n);

/* The TYPE_IGNORE tokens ps_tok_all read (they are not in its array):
 * their line and, as text, the tag after "ignore". */
const ps_token *ps_tok_type_ignores(const ps_tokenizer *tok, size_t *n);

/* The decoded text of line `lineno` (1-based), without its "\n"; NULL if the
 * tokenizer has not reached that line.  For error messages. */
const char *ps_tok_line(ps_tokenizer *tok, int lineno, size_t *len);

/* The encoding the source declared, as CPython names it ("utf-8",
 * "iso-8859-1", ...), or "utf-8" by default. */
const char *ps_tok_encoding(const ps_tokenizer *tok);

/* 1 when the source was raw bytes with neither a BOM nor a coding cookie.
 * CPython's parser then reports SyntaxError.offset/end_offset in BYTES
 * rather than characters (its tok->encoding is NULL and it skips the
 * conversion); the parser must do the same to match compile(bytes). */
int ps_tok_byte_offsets(const ps_tokenizer *tok);

/* After a failure: 1 when CPython's tokenizer reports this error through a
 * return code instead of raising it (indentation and tab errors, "unexpected
 * character after line continuation character", "unexpected EOF while
 * parsing", a bracket still open at the end).  When the parser has already
 * failed, CPython tokenizes on and lets a *raised* tokenizer error replace
 * the parser's; a deferred one does not, except that a bracket opened on a
 * line before the parser's error line is then reported as never closed. */
int ps_tok_error_deferred(const ps_tokenizer *tok);
/* Line of the innermost bracket open where the tokenizer stopped; 0 if none. */
int ps_tok_open_bracket_line(const ps_tokenizer *tok);
/* Report that bracket as "'(' was never closed" in the tokenizer's error
 * record (returns -1); 0 and nothing set when no bracket is open. */
int ps_tok_unclosed_error(ps_tokenizer *tok);

/* CPython's token name ("NAME", "LPAR", ...) and operator spelling ("(", or
 * NULL for kinds without fixed text). */
const char *ps_token_name(ps_token_kind kind);
const char *ps_token_text(ps_token_kind kind);

/* ---- keywords ---------------------------------------------------------- */

typedef enum ps_keyword {
    PS_KW_NOT_A_KEYWORD = 0,
#define PS_KEYWORD(name, text, soft) PS_KW_##name,
#include "libparse/keyword.def"
    PS_KW__COUNT
} ps_keyword;

/* Classify a NAME's text: a hard or soft keyword (match, case, _) or
 * PS_KW_NOT_A_KEYWORD.  Constant time (length + first char switch). */
ps_keyword ps_keyword_lookup(const char *s, size_t len);
int ps_keyword_is_soft(ps_keyword kw);
const char *ps_keyword_text(ps_keyword kw);

/* ---- identifiers (PEP 3131, Unicode 14.0 as in CPython 3.11) ------------ */

int ps_is_xid_start(uint32_t cp);     /* '_' counts as a start, as in Python */
int ps_is_xid_continue(uint32_t cp);

/* ---- string literals --------------------------------------------------- */

#define PS_STR_RAW     0x1  /* r / R */
#define PS_STR_BYTES   0x2  /* b / B */
#define PS_STR_FSTRING 0x4  /* f / F (the parser splits it; decode literal parts
                               with ps_decode_body) */
#define PS_STR_UNICODE 0x8  /* u / U (the parser records kind='u' in Constant) */

typedef struct ps_strlit {
    unsigned flags;     /* PS_STR_* */
    int quote_len;      /* 1 or 3 */
    char quote;         /* '\'' or '"' */
    const char *body;   /* between the quotes */
    size_t body_len;
} ps_strlit;

/* Split a STRING token into prefix flags, quotes and body.  Returns 0, or -1
 * if the text is not a well-formed string token (never for tokenizer output). */
int ps_strlit_parse(const char *tok, size_t len, ps_strlit *out);

/* Decode the escapes of a string body.  `flags` as in ps_strlit.  The result
 * is malloc'd (caller frees with free()), NUL-terminated, *out_len bytes
 * without the terminator, and may contain NULs:
 *   str literal   -> generalized UTF-8: every code point is encoded on its own
 *                    in 1..4 bytes, lone surrogates U+D800..U+DFFF (from
 *                    "\ud800") included as 3-byte ED xx xx sequences; a pair
 *                    "\ud83d\ude00" stays two code points (len 2 in Python),
 *                    it is NOT combined.  Without surrogates this is UTF-8.
 *   bytes literal -> the raw bytes.
 * Errors as CPython 3.11 raises them ("(unicode error) 'unicodeescape' codec
 * can't decode bytes in position 0-1: truncated \xXX escape", "(value error)
 * invalid \x escape at position 0", "bytes can only contain ASCII literal
 * characters") with no location (lineno 0): the parser adds the token's.
 * With PS_STR_FSTRING (a literal piece of an f-string) the body always goes
 * through the escape decoder, as in CPython: undecodable bytes are then
 * reported relative to their run of non-ASCII bytes.
 * Invalid escapes like "\d" are kept as is and reported to `warn` (if given)
 * as DeprecationWarning "invalid escape sequence '\d'"; a warn callback
 * returning -1 turns it into a SyntaxError with that message. */
int ps_decode_body(const char *body, size_t len, unsigned flags,
                   char **out, size_t *out_len,
                   ps_warn_fn warn, void *warn_ctx, ps_error *err);

/* ps_strlit_parse + ps_decode_body on a whole (non-f) STRING token. */
int ps_decode_string(const char *tok, size_t len, char **out, size_t *out_len,
                     unsigned *flags, ps_warn_fn warn, void *warn_ctx,
                     ps_error *err);

#endif
