/*
 * int_internal.h — what the int*.c / bool.c / float*.c / complex.c files share.
 *
 * Digit arrays ("magnitudes") are little-endian arrays of 30-bit digits held
 * in uint32_t.  A magnitude is *normalised* when its top digit is non-zero (an
 * empty array is zero).  Object-level ints keep the sign in ob_size exactly as
 * CPython 3.11's PyLongObject does; see NOTES-numbers.md.
 */
#ifndef LIBOBJECT_INT_INTERNAL_H
#define LIBOBJECT_INT_INTERNAL_H

#include <stdbool.h>
#include "libobject/int.h"
#include "libobject/float.h"

typedef uint64_t kn_twodigits;
typedef int64_t kn_stwodigits;
#define KN_INT_BASE ((kn_twodigits)1 << KN_INT_SHIFT)

#define OB_INT_NDIGITS(v) (KN_SIZE(v) < 0 ? -KN_SIZE(v) : KN_SIZE(v))
#define OB_INT_DIGITS(v) (((KnLongObject *)(v))->ob_digit)
/* Values with at most one digit fit a C long long with room to spare: the
 * arithmetic fast paths work on them directly. */
#define OB_INT_IS_MEDIUM(v) (KN_SIZE(v) >= -1 && KN_SIZE(v) <= 1)
static inline kn_stwodigits ob_int_medium_value(KnObject *v)
{
    return KN_SIZE(v) * (kn_stwodigits)OB_INT_DIGITS(v)[0];
}

/* Values of at most two digits (|v| < 2**60): sums, differences, floor
 * quotients, shifts right and bitwise results of two of them fit a 64-bit
 * integer, so the slots compute them in C (products when they do not
 * overflow). */
#define OB_INT_IS_SMALL2(v) (KN_SIZE(v) >= -2 && KN_SIZE(v) <= 2)
static inline kn_stwodigits ob_int_small2_value(KnObject *v)
{
    kn_ssize_t n = KN_SIZE(v);
    const kn_digit *d = OB_INT_DIGITS(v);
    kn_stwodigits x = n == 0 ? 0 : (kn_stwodigits)d[0];
    if (n == 2 || n == -2)
        x |= (kn_stwodigits)d[1] << KN_INT_SHIFT;
    return n < 0 ? -x : x;
}

/* Small ints -5..256 are preallocated (as CPython does), so `is` behaves the
 * same for them.  Never mutate one. */
#define OB_INT_SMALL_NEG 5
#define OB_INT_SMALL_POS 257
extern KnLongObject ob_int_small[OB_INT_SMALL_NEG + OB_INT_SMALL_POS];

/* ---- int.c ---- */
/* A fresh int with room for n digits; ob_size = n, digits zeroed. */
KnLongObject *ob_int_alloc(kn_ssize_t n);
/* Drop leading zero digits; returns the cached small int when in range. */
KnObject *ob_int_normalize(KnLongObject *v);
/* Build an int from a magnitude (copied) and a sign (-1/+1). */
KnObject *ob_int_from_digits(const kn_digit *d, kn_ssize_t n, int sign);
KnObject *ob_int_copy(KnObject *v);             /* exact-int copy (for subclasses) */
/* Exact-int coercion for int subclasses (bool, user subclasses). */
KnObject *ob_int_exact(KnObject *v);
/* frexp for ints: v ≈ m * 2**e with 0.5 <= |m| < 1, correctly rounded.
 * *e may exceed the double range (no error here). */
double ob_int_frexp(KnObject *v, int64_t *e);
int ob_int_compare(KnObject *a, KnObject *b);   /* -1 / 0 / 1 */
kn_hash_t ob_int_hash(KnObject *v);
uint64_t ob_int_bit_length_u(KnObject *v);      /* of |v| */

/* ---- int_mag.c: algorithms on raw magnitudes ---- */
int ob_int_mag_cmp(const kn_digit *a, kn_ssize_t na, const kn_digit *b, kn_ssize_t nb);
/* r[0..na] = a + b, na >= nb; writes na+1 digits. */
void ob_int_mag_add(kn_digit *r, const kn_digit *a, kn_ssize_t na, const kn_digit *b, kn_ssize_t nb);
/* r[0..na) = a - b, requires a >= b and na >= nb. */
void ob_int_mag_sub(kn_digit *r, const kn_digit *a, kn_ssize_t na, const kn_digit *b, kn_ssize_t nb);
/* r[0..na+nb) = a * b (schoolbook or Karatsuba). -1 on MemoryError (set). */
int ob_int_mag_mul(kn_digit *r, const kn_digit *a, kn_ssize_t na, const kn_digit *b, kn_ssize_t nb);
/* q[0..na) = a / d, returns a % d.  q may alias a. */
kn_digit ob_int_mag_divrem1(kn_digit *q, const kn_digit *a, kn_ssize_t na, kn_digit d);
/* a = a * m + c in place over n digits; returns the carry out (< 2**30). */
kn_digit ob_int_mag_muladd1(kn_digit *a, kn_ssize_t n, kn_digit m, kn_digit c);
/* Knuth D: nb >= 2, na >= nb, b normalised.  q gets na-nb+1 digits, r gets
 * nb digits (r may be NULL: remainder not wanted).  -1 on MemoryError (set). */
int ob_int_mag_divrem(kn_digit *q, kn_digit *r, const kn_digit *a, kn_ssize_t na,
                      const kn_digit *b, kn_ssize_t nb);
kn_ssize_t ob_int_mag_strip(const kn_digit *a, kn_ssize_t n);   /* normalised length */

/* ---- int_arith.c: the number slots (also called directly by float/bool) ---- */
KnObject *ob_int_add(KnObject *a, KnObject *b);
KnObject *ob_int_sub(KnObject *a, KnObject *b);
KnObject *ob_int_mul(KnObject *a, KnObject *b);
KnObject *ob_int_floordiv(KnObject *a, KnObject *b);
KnObject *ob_int_mod(KnObject *a, KnObject *b);
KnObject *ob_int_divmod(KnObject *a, KnObject *b);
KnObject *ob_int_truediv(KnObject *a, KnObject *b);
KnObject *ob_int_pow(KnObject *a, KnObject *b, KnObject *m);
KnObject *ob_int_neg(KnObject *a);
KnObject *ob_int_pos(KnObject *a);
KnObject *ob_int_abs(KnObject *a);
KnObject *ob_int_invert(KnObject *a);
KnObject *ob_int_lshift(KnObject *a, KnObject *b);
KnObject *ob_int_rshift(KnObject *a, KnObject *b);
KnObject *ob_int_and(KnObject *a, KnObject *b);
KnObject *ob_int_or(KnObject *a, KnObject *b);
KnObject *ob_int_xor(KnObject *a, KnObject *b);
KnObject *ob_int_richcompare(KnObject *a, KnObject *b, int op);
int ob_int_bool(KnObject *a);
/* floor division with remainder on exact ints (either out may be NULL). */
int ob_int_divmod_parts(KnObject *a, KnObject *b, KnObject **q, KnObject **r);
/* a << n / a >> n for a C shift count (n >= 0). */
KnObject *ob_int_lshift_n(KnObject *a, uint64_t n);
KnObject *ob_int_rshift_n(KnObject *a, uint64_t n);

/* ---- int_format.c ---- */
/* The digits of v in base 2..36 as a NUL-terminated ASCII string in GC
 * memory, with '-' and (alternate) a 0b/0o/0x prefix.  Honours the
 * str-digits limit for non-power-of-two bases.  NULL + error. */
char *ob_int_format_cstr(KnObject *v, int base, int alternate, kn_ssize_t *len);
/* Parse [s, s+len) as int(str, base) does; orig (may be NULL) is the object
 * quoted in the error message. */
KnObject *ob_int_parse(const char *s, kn_ssize_t len, int base, KnObject *orig);
/* sys.set_int_max_str_digits / get_int_max_str_digits (0 = no limit). */
int ob_int_set_max_str_digits(kn_ssize_t n);
kn_ssize_t ob_int_get_max_str_digits(void);
/* strings-perf: the digits of u in base 2, 8, 10 or 16 (lower case), written
 * backwards ending just before `end` (room for 64 characters); returns how
 * many were written. */
int ob_int_u64_digits(unsigned long long u, int base, char *end);
#define OB_INT_MAX_STR_DIGITS_DEFAULT 4300
#define OB_INT_MAX_STR_DIGITS_THRESHOLD 640

/* ---- float.c (used by int for true division / negative powers) ---- */
KnObject *ob_float_pow_doubles(double a, double b);
kn_hash_t ob_float_hash_double(KnObject *self, double v);
/* Compare float v with int w exactly: -1/0/1; 2 when v is nan. */
int ob_float_compare_int(double v, KnObject *w);

#endif
