#ifndef LIBPARSE_CONSTANT_H
#define LIBPARSE_CONSTANT_H

/* ps_constant — a literal's value without Python objects.
 *
 * It is the payload of Constant and MatchSingleton nodes.  Payloads (digits,
 * string bytes) live in the parse's arena.
 *
 *   kind              value
 *   PS_CONST_NONE     None       (also TRUE, FALSE, ELLIPSIS: no payload)
 *   PS_CONST_INT      u.i.digits: decimal digits, no sign, no leading zeros
 *                     ("0" for zero), whatever the literal's base; u.i.fits
 *                     says u.i.value holds the same number as an int64_t;
 *                     u.i.decimal says the literal was written in base 10
 *                     (CPython's int/str digit limit applies to it only).
 *   PS_CONST_FLOAT    u.f, a double (1e999 is +inf, as in CPython)
 *   PS_CONST_COMPLEX  u.f is the imaginary part; literals have no real part
 *   PS_CONST_STR      u.s.data/len: the text encoded as UTF-8 in which every
 *                     code point is encoded on its own, surrogates included
 *                     (U+D800..U+DFFF as 3-byte ED A0 80..ED BF BF; a pair
 *                     of surrogates is NOT merged into one 4-byte sequence,
 *                     because Python keeps "\ud83d\ude00" as two code
 *                     points).  May contain NUL bytes; data[len] is NUL.
 *   PS_CONST_BYTES    u.s.data/len: the raw bytes; data[len] is NUL.
 *   PS_CONST_OBJECT   u.obj: a value owned by the embedder (compile() of an
 *                     ast tree holding a tuple, a frozenset, a negative
 *                     int...).  libparse never builds, reads or frees it;
 *                     the embedder keeps it alive while the tree is used. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "libparse/arena.h"

typedef enum ps_const_kind {
    PS_CONST_NONE = 1,
    PS_CONST_TRUE,
    PS_CONST_FALSE,
    PS_CONST_ELLIPSIS,
    PS_CONST_INT,
    PS_CONST_FLOAT,
    PS_CONST_COMPLEX,
    PS_CONST_STR,
    PS_CONST_BYTES,
    PS_CONST_OBJECT,
} ps_const_kind;

typedef struct ps_constant {
    ps_const_kind kind;
    union {
        struct {
            const char *digits;
            int64_t value;
            bool fits;
            bool decimal;
        } i;
        double f;
        struct {
            const char *data;
            size_t len;
        } s;
        const void *obj;
    } u;
} ps_constant;

/* None, True, False or Ellipsis. */
ps_constant ps_const_singleton(ps_const_kind kind);

/* A str or bytes constant over `len` bytes the caller already placed in the
 * arena (with a NUL after them); nothing is copied. */
ps_constant ps_const_str(const char *utf8, size_t len);
ps_constant ps_const_bytes(const char *data, size_t len);

/* Converts the text of a NUMBER token (`0x_FF`, `1_000`, `1.5e3`, `2j`, ...)
 * into *out: an int (any size, any base), a float or an imaginary number.
 * Returns 0, or -1 when the arena is out of memory or `text` is not a
 * well-formed number literal (the tokenizer has already checked it, so -1
 * normally means out of memory). */
int ps_const_number(ps_constant *out, const char *text, size_t len, ps_arena *arena);

#endif
