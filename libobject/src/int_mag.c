/*
 * int_mag.c — arithmetic on raw magnitudes (arrays of 30-bit digits).
 *
 * No objects here: the callers in int_arith.c / int_format.c own allocation
 * of results.  Scratch space is malloc'd because it never holds pointers and
 * never outlives the call.  Algorithms: schoolbook add/sub/mul, Karatsuba
 * above OB_INT_KARATSUBA_CUTOFF digits (with a chunked loop for lopsided
 * operands), Knuth's algorithm D for division.
 *
 * Speed notes: the loops are bound by their carry chains, so add/sub step
 * two digits (one 60-bit pair) at a time; schoolbook multiplication runs
 * one row per digit of the *shorter* operand (a big int times a small one
 * is a single pass) and writes the first row instead of clearing r; a
 * square (same array twice) computes each cross product once, doubles,
 * then adds the diagonal; Knuth D never builds the normalised (shifted)
 * copies of its operands: only the three top digits its quotient estimate
 * reads are shifted, on the fly, and the multiply-subtract works on the
 * unshifted digits (paired like the rows), so the running remainder is the
 * remainder and a quotient of a digit or two (numbers of similar size)
 * costs one copy and one pass per quotient digit.
 *
 * On x86-64 with AVX-512F or AVX2 (checked at run time), rows of 24+ digits
 * (products, Knuth D's multiply-subtract) and add/sub over 32+ shared
 * digits run in a carry-free vector form instead, with carries settled by
 * a scalar pass only when one must ripple: see the SIMD sections below and
 * NOTES-int-simd.md.
 */
#include <stdlib.h>
#include <string.h>
#include "int_internal.h"
#include "libobject/errors.h"

/* x86-64: AVX-512F / AVX2 loops, chosen at run time (simd_level). */
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define OB_INT_SIMD 1
static inline int simd_level(void)
{
    if (__builtin_cpu_supports("avx512f"))
        return 2;
    return __builtin_cpu_supports("avx2") ? 1 : 0;
}
#endif

/* Below this many digits in the smaller operand, schoolbook wins. */
#define OB_INT_KARATSUBA_CUTOFF 70
/* With the vector rows schoolbook stays ahead up to about 200 digits
 * (measured: 140-300 digit products 25-30% faster than with 70). */
#define OB_INT_KARATSUBA_CUTOFF_SIMD 200

kn_ssize_t ob_int_mag_strip(const kn_digit *a, kn_ssize_t n)
{
    while (n > 0 && a[n - 1] == 0)
        n--;
    return n;
}

int ob_int_mag_cmp(const kn_digit *a, kn_ssize_t na, const kn_digit *b, kn_ssize_t nb)
{
    if (na != nb)
        return na < nb ? -1 : 1;
    for (kn_ssize_t i = na - 1; i >= 0; i--)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
}

/* add and sub walk two digits per step: a pair is a 60-bit number in a
 * uint64_t, so the carry chain (the loop's critical path) is half as long. */
#define PAIR(p, i) ((kn_twodigits)(p)[i] | ((kn_twodigits)(p)[(i) + 1] << KN_INT_SHIFT))
#define PAIR_MASK (((kn_twodigits)1 << (2 * KN_INT_SHIFT)) - 1)

/* ---- add and sub on SIMD units (x86-64 with AVX-512F / AVX2) ----
 *
 * Over the digits both operands have, a sum s(i) = a[i] + b[i] < 2**31 and
 * a difference d(i) = a[i] - b[i] + B in [1, 2**31) fit 32-bit lanes, and
 *   add: E(i) = s(i) mod B + floor(s(i-1) / B)          in [0, B]
 *   sub: E(i) = d(i) mod B + floor(d(i-1) / B) - 1      in [-1, B-1]
 * (s(-1) = 0, d(-1) = B: no carry or borrow into digit 0) give the result
 * as sum E(i)*B**i with every lane independent.  The carry (borrow) out of
 * the last common digit goes on through the longer operand as usual; a
 * lane at B (-1) -- a carry (borrow) that must ripple on, which takes a
 * digit of all ones (equal digits) in just the wrong place -- is seen in
 * an OR of all lanes and settled by one scalar pass over the result. */
#ifdef OB_INT_SIMD
/* Operands sharing fewer digits than this stay on the scalar loops. */
#define OB_INT_ADD_SIMD_MIN 32

/* r[0..n) holds values up to B (one carry still to pass on at some digits):
 * make them digits.  The caller knows nothing is carried out of r[n-1]. */
static void settle_carries(kn_digit *r, kn_ssize_t n)
{
    kn_digit carry = 0;
    for (kn_ssize_t k = 0; k < n; k++) {
        kn_digit x = r[k] + carry;
        r[k] = x & KN_INT_MASK;
        carry = x >> KN_INT_SHIFT;
    }
}

static inline kn_digit add_e(const kn_digit *a, const kn_digit *b, kn_ssize_t i)
{
    kn_digit s = a[i] + b[i];
    kn_digit below = i > 0 ? (a[i - 1] + b[i - 1]) >> KN_INT_SHIFT : 0;
    return (s & KN_INT_MASK) + below;
}

/* As a 32-bit pattern: -1 is 0xFFFFFFFF (bit 31 set), nothing else is. */
static inline kn_digit sub_e(const kn_digit *a, const kn_digit *b, kn_ssize_t i)
{
    kn_digit d = a[i] - b[i] + (kn_digit)KN_INT_BASE;
    kn_digit below = i > 0 ? (a[i - 1] - b[i - 1] + (kn_digit)KN_INT_BASE) >> KN_INT_SHIFT : 1;
    return (d & KN_INT_MASK) + below - 1;
}

/* E(i) for i = 1, 2, ... in whole vectors while they fit below n; returns
 * the first i not done and ORs every lane into *seen.  sub selects the
 * difference form.  One body for both widths, in GCC vector types (the
 * memcpy loads and stores compile to unaligned vector moves). */
#define ADDSUB_E_KERNEL(name, isa, lanes)                                          \
    typedef kn_digit name##_vec __attribute__((vector_size(4 * (lanes))));         \
    __attribute__((target(isa)))                                                   \
    static kn_ssize_t name(kn_digit *r, const kn_digit *a, const kn_digit *b,      \
                           kn_ssize_t n, int sub, kn_digit *seen)                  \
    {                                                                              \
        name##_vec acc = {0}, a0, b0, a1, b1, x0, x1, e;                           \
        kn_ssize_t i = 1;                                                          \
        for (; i + (lanes) - 1 < n; i += (lanes)) {                                \
            memcpy(&a0, a + i, sizeof a0);                                         \
            memcpy(&b0, b + i, sizeof b0);                                         \
            memcpy(&a1, a + i - 1, sizeof a1);                                     \
            memcpy(&b1, b + i - 1, sizeof b1);                                     \
            if (sub) {                                                             \
                x0 = a0 - b0 + (kn_digit)KN_INT_BASE;                              \
                x1 = a1 - b1 + (kn_digit)KN_INT_BASE;                              \
                e = (x0 & KN_INT_MASK) + (x1 >> KN_INT_SHIFT) - 1;                 \
            } else {                                                               \
                x0 = a0 + b0;                                                      \
                x1 = a1 + b1;                                                      \
                e = (x0 & KN_INT_MASK) + (x1 >> KN_INT_SHIFT);                     \
            }                                                                      \
            acc |= e;                                                              \
            memcpy(r + i, &e, sizeof e);                                           \
        }                                                                          \
        for (int k = 0; k < (lanes); k++)                                          \
            *seen |= acc[k];                                                       \
        return i;                                                                  \
    }
ADDSUB_E_KERNEL(addsub_e_avx512, "avx512f", 16)
ADDSUB_E_KERNEL(addsub_e_avx2, "avx2", 8)

/* r[0..nb) = the E(i) of a + b (sub: a - b), their OR into *seen; 0 when
 * the CPU has neither instruction set (nothing written). */
static int addsub_e(kn_digit *r, const kn_digit *a, const kn_digit *b, kn_ssize_t nb,
                    int sub, kn_digit *seen)
{
    int level = simd_level();
    kn_ssize_t i;
    if (level == 2)
        i = addsub_e_avx512(r, a, b, nb, sub, seen);
    else if (level == 1)
        i = addsub_e_avx2(r, a, b, nb, sub, seen);
    else
        return 0;
    r[0] = sub ? sub_e(a, b, 0) : add_e(a, b, 0);
    *seen |= r[0];
    for (; i < nb; i++) {
        r[i] = sub ? sub_e(a, b, i) : add_e(a, b, i);
        *seen |= r[i];
    }
    return 1;
}
#endif

void ob_int_mag_add(kn_digit *r, const kn_digit *a, kn_ssize_t na, const kn_digit *b, kn_ssize_t nb)
{
    kn_twodigits carry = 0;
    kn_ssize_t i = 0;
#ifdef OB_INT_SIMD
    kn_digit seen = 0;
    if (nb >= OB_INT_ADD_SIMD_MIN && addsub_e(r, a, b, nb, 0, &seen)) {
        i = nb;
        carry = ((kn_twodigits)a[nb - 1] + b[nb - 1]) >> KN_INT_SHIFT;
    }
#endif
    for (; i + 1 < nb; i += 2) {
        carry += PAIR(a, i) + PAIR(b, i);
        r[i] = (kn_digit)(carry & KN_INT_MASK);
        r[i + 1] = (kn_digit)((carry >> KN_INT_SHIFT) & KN_INT_MASK);
        carry >>= 2 * KN_INT_SHIFT;
    }
    for (; i < nb; i++) {
        carry += (kn_twodigits)a[i] + b[i];
        r[i] = (kn_digit)(carry & KN_INT_MASK);
        carry >>= KN_INT_SHIFT;
    }
    for (; carry && i < na; i++) {
        carry += a[i];
        r[i] = (kn_digit)(carry & KN_INT_MASK);
        carry >>= KN_INT_SHIFT;
    }
    if (i < na) {
        memcpy(r + i, a + i, (size_t)(na - i) * sizeof(kn_digit));
        i = na;
    }
    r[i] = (kn_digit)carry;
#ifdef OB_INT_SIMD
    /* a lane reached B: carry it on (a + b < B**(na+1): none falls off) */
    if (seen & KN_INT_BASE)
        settle_carries(r, na + 1);
#endif
}

void ob_int_mag_sub(kn_digit *r, const kn_digit *a, kn_ssize_t na, const kn_digit *b, kn_ssize_t nb)
{
    kn_twodigits borrow = 0;
    kn_ssize_t i = 0;
#ifdef OB_INT_SIMD
    kn_digit seen = 0;
    if (nb >= OB_INT_ADD_SIMD_MIN && addsub_e(r, a, b, nb, 1, &seen)) {
        i = nb;
        borrow = a[nb - 1] < b[nb - 1];
    }
#endif
    for (; i + 1 < nb; i += 2) {
        /* wraps on a negative difference: bit 63 is then the borrow */
        kn_twodigits t = PAIR(a, i) - PAIR(b, i) - borrow;
        r[i] = (kn_digit)(t & KN_INT_MASK);
        r[i + 1] = (kn_digit)((t >> KN_INT_SHIFT) & KN_INT_MASK);
        borrow = t >> 63;
    }
    for (; i < nb; i++) {
        kn_twodigits t = (kn_twodigits)a[i] - b[i] - borrow;
        r[i] = (kn_digit)(t & KN_INT_MASK);
        borrow = t >> 63;
    }
    for (; borrow && i < na; i++) {
        kn_twodigits t = (kn_twodigits)a[i] - borrow;
        r[i] = (kn_digit)(t & KN_INT_MASK);
        borrow = t >> 63;
    }
    if (i < na)
        memcpy(r + i, a + i, (size_t)(na - i) * sizeof(kn_digit));
#ifdef OB_INT_SIMD
    if (seen >> 31) {
        /* a lane at -1: borrow it on (a >= b: none falls off).  r[k] - bw
         * is in [-2, B-1]; bit 31 of its 32-bit pattern says it is
         * negative (digit + B, borrow 1). */
        kn_digit bw = 0;
        for (kn_ssize_t k = 0; k < na; k++) {
            kn_digit x = r[k] - bw;
            bw = x >> 31;
            r[k] = x & KN_INT_MASK;
        }
    }
#endif
}

/* x[0..m) += y[0..n), m >= n; returns the carry out of x[m-1]. */
static kn_digit mag_iadd(kn_digit *x, kn_ssize_t m, const kn_digit *y, kn_ssize_t n)
{
    kn_digit carry = 0;
    kn_ssize_t i = 0;
    for (; i < n; i++) {
        carry += x[i] + y[i];
        x[i] = carry & KN_INT_MASK;
        carry >>= KN_INT_SHIFT;
    }
    for (; carry && i < m; i++) {
        carry += x[i];
        x[i] = carry & KN_INT_MASK;
        carry >>= KN_INT_SHIFT;
    }
    return carry;
}

/* x[0..m) -= y[0..n), m >= n; returns the borrow out. */
static kn_digit mag_isub(kn_digit *x, kn_ssize_t m, const kn_digit *y, kn_ssize_t n)
{
    kn_digit borrow = 0;
    kn_ssize_t i = 0;
    for (; i < n; i++) {
        borrow = x[i] - y[i] - borrow;
        x[i] = borrow & KN_INT_MASK;
        borrow = (borrow >> KN_INT_SHIFT) & 1;
    }
    for (; borrow && i < m; i++) {
        borrow = x[i] - borrow;
        x[i] = borrow & KN_INT_MASK;
        borrow = (borrow >> KN_INT_SHIFT) & 1;
    }
    return borrow;
}

/* The row loops take digits in pairs to shorten the carry chain: with
 * f*a[j] = h0*B + l0 and f*a[j+1] = h1*B + l1 (B = 2**30),
 *   S = carry + l0 + (h0 + l1) * B        (< 2**62; r's digits add < 2**33)
 * gives digits j and j+1 of the row, and the next carry is S / B**2 + h1. */

/* ---- the first row on SIMD units (x86-64 with AVX2 / AVX-512F) ----
 *
 * With f*a[k] = hi(k)*B + lo(k) (both 0 for k outside 0..n-1):
 *   T(j) = lo(j) + hi(j-1)                    < 2**31
 *   E(j) = T(j) mod B + floor(T(j-1) / B)    <= 2**30
 * and the sum of E(j)*B**j over j = 0..n is f*a.  E(j) reads a[j-2..j]
 * only, so every lane of a vector is independent (no carry chain).  E(j)
 * reaches B (a carry still to ripple on) only when T(j) mod B = B-1 and
 * T(j-1) >= B, which random digits almost never do; when some lane did,
 * one scalar pass over the row settles the carries. */
#ifdef OB_INT_SIMD
/* Rows shorter than this stay on the scalar loop. */
#define OB_INT_ROW_SIMD_MIN 24

static kn_digit row_e(const kn_digit *a, kn_ssize_t n, kn_ssize_t j, kn_twodigits f)
{
    kn_twodigits p0 = j < n ? f * a[j] : 0;
    kn_twodigits p1 = j >= 1 && j - 1 < n ? f * a[j - 1] : 0;
    kn_twodigits p2 = j >= 2 && j - 2 < n ? f * a[j - 2] : 0;
    kn_twodigits t0 = (p0 & KN_INT_MASK) + (p1 >> KN_INT_SHIFT);
    kn_twodigits t1 = (p1 & KN_INT_MASK) + (p2 >> KN_INT_SHIFT);
    return (kn_digit)((t0 & KN_INT_MASK) + (t1 >> KN_INT_SHIFT));
}

/* E(j) for j = 2, 3, ... in groups of 8 while j+7 < n; returns the first j
 * not done and ORs every E into *seen. */
__attribute__((target("avx512f")))
static kn_ssize_t row_e_avx512(kn_digit *r, const kn_digit *a, kn_ssize_t n, kn_twodigits f,
                               kn_digit *seen)
{
    const __m512i vf = _mm512_set1_epi64((long long)f);
    const __m512i mask = _mm512_set1_epi64(KN_INT_MASK);
    __m512i acc = _mm512_setzero_si512();
    kn_ssize_t j = 2;
    for (; j + 7 < n; j += 8) {
        __m512i a0 = _mm512_cvtepu32_epi64(_mm256_loadu_si256((const __m256i *)(a + j)));
        __m512i a1 = _mm512_cvtepu32_epi64(_mm256_loadu_si256((const __m256i *)(a + j - 1)));
        __m512i a2 = _mm512_cvtepu32_epi64(_mm256_loadu_si256((const __m256i *)(a + j - 2)));
        __m512i p0 = _mm512_mul_epu32(a0, vf), p1 = _mm512_mul_epu32(a1, vf);
        __m512i p2 = _mm512_mul_epu32(a2, vf);
        __m512i t0 = _mm512_add_epi64(_mm512_and_si512(p0, mask), _mm512_srli_epi64(p1, KN_INT_SHIFT));
        __m512i t1 = _mm512_add_epi64(_mm512_and_si512(p1, mask), _mm512_srli_epi64(p2, KN_INT_SHIFT));
        __m512i e = _mm512_add_epi64(_mm512_and_si512(t0, mask), _mm512_srli_epi64(t1, KN_INT_SHIFT));
        acc = _mm512_or_si512(acc, e);
        _mm256_storeu_si256((__m256i *)(r + j), _mm512_cvtepi64_epi32(e));
    }
    if (_mm512_test_epi64_mask(acc, _mm512_set1_epi64((long long)KN_INT_BASE)))
        *seen |= (kn_digit)KN_INT_BASE;
    return j;
}

/* The same in groups of 4. */
__attribute__((target("avx2")))
static kn_ssize_t row_e_avx2(kn_digit *r, const kn_digit *a, kn_ssize_t n, kn_twodigits f,
                             kn_digit *seen)
{
    const __m256i vf = _mm256_set1_epi64x((long long)f);
    const __m256i mask = _mm256_set1_epi64x(KN_INT_MASK);
    const __m256i low_halves = _mm256_setr_epi32(0, 2, 4, 6, 1, 3, 5, 7);
    __m256i acc = _mm256_setzero_si256();
    kn_ssize_t j = 2;
    for (; j + 3 < n; j += 4) {
        __m256i a0 = _mm256_cvtepu32_epi64(_mm_loadu_si128((const __m128i *)(a + j)));
        __m256i a1 = _mm256_cvtepu32_epi64(_mm_loadu_si128((const __m128i *)(a + j - 1)));
        __m256i a2 = _mm256_cvtepu32_epi64(_mm_loadu_si128((const __m128i *)(a + j - 2)));
        __m256i p0 = _mm256_mul_epu32(a0, vf), p1 = _mm256_mul_epu32(a1, vf);
        __m256i p2 = _mm256_mul_epu32(a2, vf);
        __m256i t0 = _mm256_add_epi64(_mm256_and_si256(p0, mask), _mm256_srli_epi64(p1, KN_INT_SHIFT));
        __m256i t1 = _mm256_add_epi64(_mm256_and_si256(p1, mask), _mm256_srli_epi64(p2, KN_INT_SHIFT));
        __m256i e = _mm256_add_epi64(_mm256_and_si256(t0, mask), _mm256_srli_epi64(t1, KN_INT_SHIFT));
        acc = _mm256_or_si256(acc, e);
        __m256i packed = _mm256_permutevar8x32_epi32(e, low_halves);
        _mm_storeu_si128((__m128i *)(r + j), _mm256_castsi256_si128(packed));
    }
    if (!_mm256_testz_si256(acc, _mm256_set1_epi64x((long long)KN_INT_BASE)))
        *seen |= (kn_digit)KN_INT_BASE;
    return j;
}

/* r[0..n] = a[0..n) * f through the E(j) form; 0 when the CPU has neither
 * instruction set (the caller then runs the scalar loop). */
static int mul_row_set_simd(kn_digit *r, const kn_digit *a, kn_ssize_t n, kn_twodigits f)
{
    kn_digit seen = 0;
    kn_ssize_t j;
    int level = simd_level();
    if (level == 2)
        j = row_e_avx512(r, a, n, f, &seen);
    else if (level == 1)
        j = row_e_avx2(r, a, n, f, &seen);
    else
        return 0;
    for (kn_ssize_t i = 0; i < 2; i++) {
        r[i] = row_e(a, n, i, f);
        seen |= r[i];
    }
    for (; j <= n; j++) {
        r[j] = row_e(a, n, j, f);
        seen |= r[j];
    }
    if (seen & KN_INT_BASE)
        settle_carries(r, n + 1);
    return 1;
}
#endif

/* r[0..n] = a[0..n) * f: the first row of a product, written without
 * reading r (so r needs no clearing beforehand). */
static void mul_row_set(kn_digit *r, const kn_digit *a, kn_ssize_t n, kn_twodigits f)
{
#ifdef OB_INT_SIMD
    if (n >= OB_INT_ROW_SIMD_MIN && mul_row_set_simd(r, a, n, f))
        return;
#endif
    kn_twodigits carry = 0;
    kn_ssize_t j = 0;
    for (; j + 1 < n; j += 2) {
        kn_twodigits p0 = f * a[j], p1 = f * a[j + 1];
        kn_twodigits s = carry + (p0 & KN_INT_MASK) +
                         (((p0 >> KN_INT_SHIFT) + (p1 & KN_INT_MASK)) << KN_INT_SHIFT);
        r[j] = (kn_digit)(s & KN_INT_MASK);
        r[j + 1] = (kn_digit)((s >> KN_INT_SHIFT) & KN_INT_MASK);
        carry = (s >> (2 * KN_INT_SHIFT)) + (p1 >> KN_INT_SHIFT);
    }
    for (; j < n; j++) {
        carry += f * a[j];
        r[j] = (kn_digit)(carry & KN_INT_MASK);
        carry >>= KN_INT_SHIFT;
    }
    r[n] = (kn_digit)carry;
}

#ifdef OB_INT_SIMD
/* ---- rows that add to (or subtract from) digits in place ----
 *
 * Column i of u[0..n) + f*v[0..n) (sub: minus), before carries, with
 * f*v[i] = hi(i)*B + lo(i) and hi(-1) = 0:
 *   add: c(i) = u[i] + lo(i) + hi(i-1)         in [0, 3B)
 *   sub: c(i) = u[i] + 2B - lo(i) - hi(i-1)    in [3, 3B)
 *   E(i) = c(i) mod B + floor(c(i-1) / B) - (sub ? 2 : 0)
 * with floor(c(-1) / B) taken as 0 (add) or 2 (sub).  E is in [0, B+1]
 * (add) or [-2, B-1] (sub): the new digits but for carries or borrows still
 * to ripple.  E(i) reads the old u[i-1] and u[i], so columns are written
 * from the top down; the callers work out the top digit first. */
static inline kn_twodigits rowacc_c(const kn_digit *u, const kn_digit *v, kn_ssize_t i,
                                    kn_twodigits f, int sub)
{
    if (i < 0)
        return sub ? 2 * KN_INT_BASE : 0;
    kn_twodigits x = ((f * v[i]) & KN_INT_MASK) + (i > 0 ? (f * v[i - 1]) >> KN_INT_SHIFT : 0);
    return sub ? u[i] + 2 * KN_INT_BASE - x : u[i] + x;
}

/* Columns [lo, n) in vectors of 8 from the top down (n - lo a multiple of
 * 8, lo >= 2); returns the OR of all E (as 64-bit values). */
__attribute__((target("avx512f")))
static uint64_t rowacc_e_avx512(kn_digit *u, const kn_digit *v, kn_ssize_t lo, kn_ssize_t n,
                                kn_twodigits f, int sub)
{
    const __m512i vf = _mm512_set1_epi64((long long)f);
    const __m512i mask = _mm512_set1_epi64(KN_INT_MASK);
    const __m512i two_b = _mm512_set1_epi64((long long)(2 * KN_INT_BASE));
    const __m512i two = _mm512_set1_epi64(2);
    __m512i acc = _mm512_setzero_si512();
    for (kn_ssize_t i = n - 8; i >= lo; i -= 8) {
        __m512i u0 = _mm512_cvtepu32_epi64(_mm256_loadu_si256((const __m256i *)(u + i)));
        __m512i u1 = _mm512_cvtepu32_epi64(_mm256_loadu_si256((const __m256i *)(u + i - 1)));
        __m512i p0 = _mm512_mul_epu32(_mm512_cvtepu32_epi64(_mm256_loadu_si256((const __m256i *)(v + i))), vf);
        __m512i p1 = _mm512_mul_epu32(_mm512_cvtepu32_epi64(_mm256_loadu_si256((const __m256i *)(v + i - 1))), vf);
        __m512i p2 = _mm512_mul_epu32(_mm512_cvtepu32_epi64(_mm256_loadu_si256((const __m256i *)(v + i - 2))), vf);
        __m512i x0 = _mm512_add_epi64(_mm512_and_si512(p0, mask), _mm512_srli_epi64(p1, KN_INT_SHIFT));
        __m512i x1 = _mm512_add_epi64(_mm512_and_si512(p1, mask), _mm512_srli_epi64(p2, KN_INT_SHIFT));
        __m512i c0, c1, e;
        if (sub) {
            c0 = _mm512_sub_epi64(_mm512_add_epi64(u0, two_b), x0);
            c1 = _mm512_sub_epi64(_mm512_add_epi64(u1, two_b), x1);
        } else {
            c0 = _mm512_add_epi64(u0, x0);
            c1 = _mm512_add_epi64(u1, x1);
        }
        e = _mm512_add_epi64(_mm512_and_si512(c0, mask), _mm512_srli_epi64(c1, KN_INT_SHIFT));
        if (sub)
            e = _mm512_sub_epi64(e, two);
        acc = _mm512_or_si512(acc, e);
        _mm256_storeu_si256((__m256i *)(u + i), _mm512_cvtepi64_epi32(e));
    }
    return (uint64_t)_mm512_reduce_or_epi64(acc);
}

/* The same in vectors of 4. */
__attribute__((target("avx2")))
static uint64_t rowacc_e_avx2(kn_digit *u, const kn_digit *v, kn_ssize_t lo, kn_ssize_t n,
                              kn_twodigits f, int sub)
{
    const __m256i vf = _mm256_set1_epi64x((long long)f);
    const __m256i mask = _mm256_set1_epi64x(KN_INT_MASK);
    const __m256i two_b = _mm256_set1_epi64x((long long)(2 * KN_INT_BASE));
    const __m256i two = _mm256_set1_epi64x(2);
    const __m256i low_halves = _mm256_setr_epi32(0, 2, 4, 6, 1, 3, 5, 7);
    __m256i acc = _mm256_setzero_si256();
    for (kn_ssize_t i = n - 4; i >= lo; i -= 4) {
        __m256i u0 = _mm256_cvtepu32_epi64(_mm_loadu_si128((const __m128i *)(u + i)));
        __m256i u1 = _mm256_cvtepu32_epi64(_mm_loadu_si128((const __m128i *)(u + i - 1)));
        __m256i p0 = _mm256_mul_epu32(_mm256_cvtepu32_epi64(_mm_loadu_si128((const __m128i *)(v + i))), vf);
        __m256i p1 = _mm256_mul_epu32(_mm256_cvtepu32_epi64(_mm_loadu_si128((const __m128i *)(v + i - 1))), vf);
        __m256i p2 = _mm256_mul_epu32(_mm256_cvtepu32_epi64(_mm_loadu_si128((const __m128i *)(v + i - 2))), vf);
        __m256i x0 = _mm256_add_epi64(_mm256_and_si256(p0, mask), _mm256_srli_epi64(p1, KN_INT_SHIFT));
        __m256i x1 = _mm256_add_epi64(_mm256_and_si256(p1, mask), _mm256_srli_epi64(p2, KN_INT_SHIFT));
        __m256i c0, c1, e;
        if (sub) {
            c0 = _mm256_sub_epi64(_mm256_add_epi64(u0, two_b), x0);
            c1 = _mm256_sub_epi64(_mm256_add_epi64(u1, two_b), x1);
        } else {
            c0 = _mm256_add_epi64(u0, x0);
            c1 = _mm256_add_epi64(u1, x1);
        }
        e = _mm256_add_epi64(_mm256_and_si256(c0, mask), _mm256_srli_epi64(c1, KN_INT_SHIFT));
        if (sub)
            e = _mm256_sub_epi64(e, two);
        acc = _mm256_or_si256(acc, e);
        __m256i packed = _mm256_permutevar8x32_epi32(e, low_halves);
        _mm_storeu_si128((__m128i *)(u + i), _mm256_castsi256_si128(packed));
    }
    uint64_t lanes[4];
    _mm256_storeu_si256((__m256i *)lanes, acc);
    return lanes[0] | lanes[1] | lanes[2] | lanes[3];
}

/* u[0..n) gets the E(i) of u +- f*v (n >= 2), their OR (64-bit patterns) in
 * *seen; 0 (nothing written) when the CPU has neither instruction set. */
static int rowacc_e(kn_digit *u, const kn_digit *v, kn_ssize_t n, kn_twodigits f, int sub,
                    uint64_t *seen)
{
    int level = simd_level();
    if (level == 0)
        return 0;
    kn_ssize_t width = level == 2 ? 8 : 4;
    kn_ssize_t lo = 2 + (n - 2) % width;
    *seen = level == 2 ? rowacc_e_avx512(u, v, lo, n, f, sub) : rowacc_e_avx2(u, v, lo, n, f, sub);
    for (kn_ssize_t i = lo - 1; i >= 0; i--) {
        kn_twodigits c0 = rowacc_c(u, v, i, f, sub), c1 = rowacc_c(u, v, i - 1, f, sub);
        kn_stwodigits e = (kn_stwodigits)((c0 & KN_INT_MASK) + (c1 >> KN_INT_SHIFT)) - (sub ? 2 : 0);
        u[i] = (kn_digit)e;
        *seen |= (uint64_t)e;
    }
    return 1;
}

/* mul_row_add through the E form: r[n] = hi(n-1) + floor(c(n-1) / B), at
 * most B before the carries settle.  0 (nothing done) without AVX2. */
static int mul_row_add_simd(kn_digit *r, const kn_digit *a, kn_ssize_t n, kn_twodigits f)
{
    kn_twodigits cn = rowacc_c(r, a, n - 1, f, 0);     /* reads the old r[n-1] */
    kn_digit top = (kn_digit)(((f * a[n - 1]) >> KN_INT_SHIFT) + (cn >> KN_INT_SHIFT));
    uint64_t seen;
    if (!rowacc_e(r, a, n, f, 0, &seen))
        return 0;
    r[n] = top;
    /* r + a*f < B**(n+1): nothing is carried out of r[n] */
    if ((seen | top) & KN_INT_BASE)
        settle_carries(r, n + 1);
    return 1;
}
#endif

/* r[0..n) += a[0..n) * f, and r[n] = the carry out (r[n] not read). */
static void mul_row_add(kn_digit *r, const kn_digit *a, kn_ssize_t n, kn_twodigits f)
{
#ifdef OB_INT_SIMD
    if (n >= OB_INT_ROW_SIMD_MIN && mul_row_add_simd(r, a, n, f))
        return;
#endif
    kn_twodigits carry = 0;
    kn_ssize_t j = 0;
    for (; j + 1 < n; j += 2) {
        kn_twodigits p0 = f * a[j], p1 = f * a[j + 1];
        kn_twodigits s = carry + r[j] + (p0 & KN_INT_MASK) +
                         (((p0 >> KN_INT_SHIFT) + (p1 & KN_INT_MASK) + r[j + 1]) << KN_INT_SHIFT);
        r[j] = (kn_digit)(s & KN_INT_MASK);
        r[j + 1] = (kn_digit)((s >> KN_INT_SHIFT) & KN_INT_MASK);
        carry = (s >> (2 * KN_INT_SHIFT)) + (p1 >> KN_INT_SHIFT);
    }
    for (; j < n; j++) {
        /* carry + r[j] + f*a[j] < 2**31 + 2**30 + 2**60: no overflow */
        carry += r[j] + f * a[j];
        r[j] = (kn_digit)(carry & KN_INT_MASK);
        carry >>= KN_INT_SHIFT;
    }
    r[n] = (kn_digit)carry;
}

/* Schoolbook with na >= nb: one row per digit of the shorter operand, so the
 * inner loop runs over the long one (a one-digit multiplier is one pass).
 * Every digit of r[0..na+nb) is written; nothing is cleared first. */
static void mul_school(kn_digit *r, const kn_digit *a, kn_ssize_t na, const kn_digit *b, kn_ssize_t nb)
{
    mul_row_set(r, a, na, b[0]);
    for (kn_ssize_t i = 1; i < nb; i++) {
        if (b[i] == 0)
            r[i + na] = 0;
        else
            mul_row_add(r + i, a, na, b[i]);
    }
}

/* r[0..2n) = a[0..n)**2: each cross product a[i]*a[j] (i < j) once, the sum
 * doubled by a one-bit shift, then the squares a[i]**2 added on the
 * diagonal -- about half the digit products of mul_school. */
static void sqr_school(kn_digit *r, const kn_digit *a, kn_ssize_t n)
{
    r[0] = 0;
    if (n > 1) {
        mul_row_set(r + 1, a + 1, n - 1, a[0]);
        for (kn_ssize_t i = 1; i < n - 1; i++)
            mul_row_add(r + 2 * i + 1, a + i + 1, n - i - 1, a[i]);
    } else {
        r[1] = 0;
    }
    r[2 * n - 1] = 0;
    /* double: r <<= 1 (the cross sum is < a**2 / 2, so no bit falls off) */
    kn_digit top = 0;
    for (kn_ssize_t k = 0; k < 2 * n; k++) {
        kn_digit d = r[k];
        r[k] = ((d << 1) & KN_INT_MASK) | top;
        top = d >> (KN_INT_SHIFT - 1);
    }
    /* add the diagonal a[i]**2 at digit 2i */
    kn_twodigits carry = 0;
    for (kn_ssize_t i = 0; i < n; i++) {
        kn_twodigits sq = (kn_twodigits)a[i] * a[i];
        carry += r[2 * i] + (sq & KN_INT_MASK);
        r[2 * i] = (kn_digit)(carry & KN_INT_MASK);
        carry >>= KN_INT_SHIFT;
        carry += r[2 * i + 1] + (sq >> KN_INT_SHIFT);
        r[2 * i + 1] = (kn_digit)(carry & KN_INT_MASK);
        carry >>= KN_INT_SHIFT;
    }
}

static int mul_rec(kn_digit *r, const kn_digit *a, kn_ssize_t na, const kn_digit *b, kn_ssize_t nb);

/* na >= 2*nb: multiply b by nb-sized slices of a and accumulate, so each
 * product is balanced enough for Karatsuba to pay off. */
static int mul_lopsided(kn_digit *r, const kn_digit *a, kn_ssize_t na, const kn_digit *b, kn_ssize_t nb)
{
    kn_digit *tmp = malloc((size_t)(2 * nb) * sizeof(kn_digit));
    if (!tmp) {
        ob_err_nomemory();
        return -1;
    }
    /* The first slice's product lands in r directly; only the digits above
     * it need clearing before the others are accumulated. */
    if (mul_rec(r, a, nb, b, nb) < 0) {
        free(tmp);
        return -1;
    }
    memset(r + 2 * nb, 0, (size_t)(na - nb) * sizeof(kn_digit));
    for (kn_ssize_t off = nb; off < na; off += nb) {
        kn_ssize_t c = na - off < nb ? na - off : nb;
        int rc = c >= nb ? mul_rec(tmp, a + off, c, b, nb) : mul_rec(tmp, b, nb, a + off, c);
        if (rc < 0) {
            free(tmp);
            return -1;
        }
        mag_iadd(r + off, na + nb - off, tmp, c + nb);
    }
    free(tmp);
    return 0;
}

/* Karatsuba with na >= nb: split both at s = nb/2 digits,
 *   a*b = hh*B^2s + ((ah+al)(bh+bl) - hh - ll)*B^s + ll.
 * hh and ll are computed straight into r's two halves. */
static int mul_rec(kn_digit *r, const kn_digit *a, kn_ssize_t na, const kn_digit *b, kn_ssize_t nb)
{
    int square = a == b && na == nb;
    kn_ssize_t cutoff = OB_INT_KARATSUBA_CUTOFF;
#ifdef OB_INT_SIMD
    if (simd_level())
        cutoff = OB_INT_KARATSUBA_CUTOFF_SIMD;
#endif
    if (nb < cutoff) {
        if (square)
            sqr_school(r, a, na);
        else
            mul_school(r, a, na, b, nb);
        return 0;
    }
    if (na >= 2 * nb)
        return mul_lopsided(r, a, na, b, nb);
    kn_ssize_t s = nb >> 1;
    kn_ssize_t nah = na - s, nbh = nb - s;        /* nah >= nbh >= s */
    kn_ssize_t lsa = nah + 1, lsb = nbh + 1;
    kn_digit *buf = malloc((size_t)(lsa + lsb + lsa + lsb) * sizeof(kn_digit));
    if (!buf) {
        ob_err_nomemory();
        return -1;
    }
    kn_digit *sa = buf, *sb = buf + lsa, *t3 = buf + lsa + lsb;
    if (mul_rec(r, a, s, b, s) < 0)                         /* ll -> r[0..2s) */
        goto error;
    if (mul_rec(r + 2 * s, a + s, nah, b + s, nbh) < 0)     /* hh -> r[2s..) */
        goto error;
    ob_int_mag_add(sa, a + s, nah, a, s);
    if (square)
        sb = sa;        /* (ah+al)**2: mul_rec squares again */
    else
        ob_int_mag_add(sb, b + s, nbh, b, s);
    if (mul_rec(t3, sa, lsa, sb, lsb) < 0)
        goto error;
    kn_ssize_t n3 = lsa + lsb;
    mag_isub(t3, n3, r, 2 * s);
    mag_isub(t3, n3, r + 2 * s, nah + nbh);
    n3 = ob_int_mag_strip(t3, n3);
    mag_iadd(r + s, na + nb - s, t3, n3);
    free(buf);
    return 0;
error:
    free(buf);
    return -1;
}

int ob_int_mag_mul(kn_digit *r, const kn_digit *a, kn_ssize_t na, const kn_digit *b, kn_ssize_t nb)
{
    /* a == b with equal lengths is a square: mul_rec takes the cheaper
     * squaring paths (x*x and x**2 both arrive here with one array). */
    if (na < nb)
        return mul_rec(r, b, nb, a, na);
    return mul_rec(r, a, na, b, nb);
}

kn_digit ob_int_mag_divrem1(kn_digit *q, const kn_digit *a, kn_ssize_t na, kn_digit d)
{
    kn_twodigits rem = 0;
    for (kn_ssize_t i = na - 1; i >= 0; i--) {
        rem = (rem << KN_INT_SHIFT) | a[i];
        q[i] = (kn_digit)(rem / d);
        rem %= d;
    }
    return (kn_digit)rem;
}

kn_digit ob_int_mag_muladd1(kn_digit *a, kn_ssize_t n, kn_digit m, kn_digit c)
{
    kn_twodigits carry = c;
    for (kn_ssize_t i = 0; i < n; i++) {
        carry += (kn_twodigits)a[i] * m;
        a[i] = (kn_digit)(carry & KN_INT_MASK);
        carry >>= KN_INT_SHIFT;
    }
    return (kn_digit)carry;
}

static int digit_bits(kn_digit d)
{
    return d ? 32 - __builtin_clz(d) : 0;
}

/* The digit of x << d (0 <= d < 30) whose unshifted neighbours are hi (same
 * position) and lo (one below). */
static inline kn_digit shifted_digit(kn_digit hi, kn_digit lo, int d)
{
    return (kn_digit)(((((kn_twodigits)hi << KN_INT_SHIFT) | lo) >> (KN_INT_SHIFT - d)) & KN_INT_MASK);
}

#ifdef OB_INT_SIMD
/* mul_row_sub through the E form of the row section (u -= f*v, NOTES-int-simd.md):
 * the window's top digit becomes u[n] - hi(n-1) - (2 - floor(c(n-1) / B)).
 * 0 (nothing done) without AVX2. */
static int mul_row_sub_simd(kn_digit *u, const kn_digit *v, kn_ssize_t n, kn_twodigits f,
                            kn_stwodigits *top)
{
    kn_twodigits cn = rowacc_c(u, v, n - 1, f, 1);     /* reads the old u[n-1] */
    kn_stwodigits t = (kn_stwodigits)u[n] - (kn_stwodigits)((f * v[n - 1]) >> KN_INT_SHIFT) -
                      (2 - (kn_stwodigits)(cn >> KN_INT_SHIFT));
    uint64_t seen;
    if (!rowacc_e(u, v, n, f, 1, &seen))
        return 0;
    if (seen >> 63) {
        /* E - borrow is in [-3, B-1]: bit 31 of the pattern marks a negative
         * value (digit + B, borrow 1) */
        kn_digit bw = 0;
        for (kn_ssize_t k = 0; k < n; k++) {
            kn_digit x = u[k] - bw;
            bw = x >> 31;
            u[k] = x & KN_INT_MASK;
        }
        t -= bw;
    }
    *top = t;
    return 1;
}
#endif

/* u[0..n] -= f * v[0..n) where u[n] is the top digit of the window; returns
 * the new value of that top digit as a signed number (negative when f was
 * one too large).  Digits are taken in pairs as in the mul_row loops: with
 * f*v[i] = h0*B + l0 and f*v[i+1] = h1*B + l1 the pair subtracts
 * l0 + (h0 + l1)*B, and what is left to subtract at the next pair is h1
 * plus the (negated) arithmetic overflow of the 60-bit window. */
static kn_stwodigits mul_row_sub(kn_digit *u, const kn_digit *v, kn_ssize_t n, kn_twodigits f)
{
#ifdef OB_INT_SIMD
    kn_stwodigits top;
    if (n >= OB_INT_ROW_SIMD_MIN && mul_row_sub_simd(u, v, n, f, &top))
        return top;
#endif
    kn_twodigits borrow = 0;
    kn_ssize_t i = 0;
    for (; i + 1 < n; i += 2) {
        kn_twodigits p0 = f * v[i], p1 = f * v[i + 1];
        kn_twodigits sub = (p0 & KN_INT_MASK) +
                           (((p0 >> KN_INT_SHIFT) + (p1 & KN_INT_MASK)) << KN_INT_SHIFT);
        /* PAIR(u) < 2**60, sub < 2**62, borrow < 2**31 + 4: t > -2**63 */
        kn_stwodigits t = (kn_stwodigits)PAIR(u, i) - (kn_stwodigits)sub - (kn_stwodigits)borrow;
        u[i] = (kn_digit)(t & KN_INT_MASK);
        u[i + 1] = (kn_digit)((t >> KN_INT_SHIFT) & KN_INT_MASK);
        borrow = (p1 >> KN_INT_SHIFT) - (kn_twodigits)(t >> (2 * KN_INT_SHIFT));
    }
    for (; i < n; i++) {
        kn_twodigits p = f * v[i];
        kn_stwodigits t = (kn_stwodigits)u[i] - (kn_stwodigits)(p & KN_INT_MASK) - (kn_stwodigits)borrow;
        u[i] = (kn_digit)(t & KN_INT_MASK);
        borrow = (p >> KN_INT_SHIFT) - (kn_twodigits)(t >> KN_INT_SHIFT);
    }
    return (kn_stwodigits)u[n] - (kn_stwodigits)borrow;
}

/* Scratch for the running remainder: on the stack up to this many digits. */
#define DIVREM_STACK_DIGITS 2048

int ob_int_mag_divrem(kn_digit *q, kn_digit *r, const kn_digit *a, kn_ssize_t na,
                      const kn_digit *b, kn_ssize_t nb)
{
    /* Knuth D wants v's top digit to have its bit 29 set: then qhat (from
     * the top two digits of u and the top digit of v) is at most 2 too
     * large, and the v[nb-2] test makes it almost always exact.  Shifting
     * u and v left by d bits changes no quotient digit, and the
     * multiply-subtract gives the same result either way (shifted by d), so
     * only the few top digits the estimate reads are shifted, on the fly;
     * the running remainder u stays unshifted and ends up the remainder. */
    kn_digit stack[DIVREM_STACK_DIGITS];
    kn_digit *u = stack;
    if (na + 1 > DIVREM_STACK_DIGITS) {
        u = malloc((size_t)(na + 1) * sizeof(kn_digit));
        if (!u) {
            ob_err_nomemory();
            return -1;
        }
    }
    memcpy(u, a, (size_t)na * sizeof(kn_digit));
    u[na] = 0;
    int d = KN_INT_SHIFT - digit_bits(b[nb - 1]);
    kn_digit vtop = shifted_digit(b[nb - 1], b[nb - 2], d);
    kn_digit vnext = shifted_digit(b[nb - 2], nb > 2 ? b[nb - 3] : 0, d);
    for (kn_ssize_t j = na - nb; j >= 0; j--) {
        kn_ssize_t k = j + nb;
        kn_digit u0 = shifted_digit(u[k], u[k - 1], d);
        kn_digit u1 = shifted_digit(u[k - 1], u[k - 2], d);
        kn_digit u2 = shifted_digit(u[k - 2], k >= 3 ? u[k - 3] : 0, d);
        kn_twodigits top = ((kn_twodigits)u0 << KN_INT_SHIFT) | u1;
        kn_twodigits qhat = top / vtop, rhat = top % vtop;
        while (qhat >= KN_INT_BASE || qhat * vnext > ((rhat << KN_INT_SHIFT) | u2)) {
            qhat--;
            rhat += vtop;
            if (rhat >= KN_INT_BASE)
                break;
        }
        kn_stwodigits t = mul_row_sub(u + j, b, nb, qhat);
        if (t < 0) {
            /* qhat was one too large (rare): add b back. */
            kn_digit c = 0;
            for (kn_ssize_t i = 0; i < nb; i++) {
                c += u[i + j] + b[i];
                u[i + j] = c & KN_INT_MASK;
                c >>= KN_INT_SHIFT;
            }
            t += c;
            qhat--;
        }
        u[k] = (kn_digit)(t & KN_INT_MASK);
        q[j] = (kn_digit)qhat;
    }
    if (r)
        memcpy(r, u, (size_t)nb * sizeof(kn_digit));
    if (u != stack)
        free(u);
    return 0;
}
