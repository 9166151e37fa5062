/*
 * struct_codec.c — packing and unpacking one value per compiled item:
 * integers (range checks with CPython's messages), bool, char, strings,
 * IEEE floats and halves, in native or explicit byte order.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "struct_internal.h"

static int little_order(char order)
{
    if (order == '<')
        return 1;
    if (order == '>')
        return 0;
    const uint16_t probe = 1;
    return *(const uint8_t *)&probe == 1;
}

static void put_uint(char *p, uint64_t v, kn_ssize_t n, int little)
{
    for (kn_ssize_t i = 0; i < n; i++) {
        uint8_t b = (uint8_t)(v >> (8 * i));
        p[little ? i : n - 1 - i] = (char)b;
    }
}

static uint64_t get_uint(const char *p, kn_ssize_t n, int little)
{
    uint64_t v = 0;
    for (kn_ssize_t i = 0; i < n; i++)
        v |= (uint64_t)(uint8_t)p[little ? i : n - 1 - i] << (8 * i);
    return v;
}

static int st_fail(const char *msg)
{
    ob_err_set_string((KnTypeObject *)st_error, msg);
    return -1;
}

/* The argument as an exact int (through __index__). */
static KnObject *as_pyint(KnObject *v)
{
    if (KN_INT_CHECK(v))
        return v;
    if (!KN_FLOAT_CHECK(v) && ob_index_check(v))
        return ob_number_index(v);
    st_fail("required argument is not an integer");
    return NULL;
}

/* 0 with *out, or -1: overflow (*ovf set, no exception) or another error. */
static int to_unsigned64(KnObject *i, uint64_t *out, int *ovf)
{
    *ovf = 0;
    if (ob_int_sign(i) < 0) {
        *ovf = -1;
        return -1;
    }
    int o;
    long long v = ob_int_as_long_long_and_overflow(i, &o);
    if (!o) {
        if (v == -1 && ob_err_occurred())
            return -1;
        *out = (uint64_t)v;
        return 0;
    }
    KnObject *hi = ob_number_rshift(i, ob_int_from_ssize(32));
    if (hi == NULL)
        return -1;
    long long h = ob_int_as_long_long_and_overflow(hi, &o);
    if (o || h >= (1LL << 32)) {
        *ovf = 1;
        return -1;
    }
    KnObject *lo = ob_number_and(i, ob_int_from_long_long(0xffffffffLL));
    if (lo == NULL)
        return -1;
    long long l = ob_int_as_long_long(lo);
    *out = ((uint64_t)h << 32) | (uint64_t)l;
    return 0;
}

static int range_error(char code, int is_signed, kn_ssize_t size, int big)
{
    char msg[128];
    switch (big && code != 'b' && code != 'B' ? 0 : code) {
    case 'b': return st_fail("byte format requires -128 <= number <= 127");
    case 'B': return st_fail("ubyte format requires 0 <= number <= 255");
    case 'h': return st_fail("short format requires -32768 <= number <= 32767");
    case 'H': return st_fail("ushort format requires 0 <= number <= 65535");
    default: break;
    }
    if (is_signed) {
        long long max = (long long)((1ULL << (8 * size - 1)) - 1);
        snprintf(msg, sizeof msg, "'%c' format requires %lld <= number <= %lld", code, -max - 1,
                 max);
    } else {
        snprintf(msg, sizeof msg, "'%c' format requires 0 <= number <= %llu", code,
                 (unsigned long long)((1ULL << (8 * size)) - 1));
    }
    return st_fail(msg);
}

/* Integer codes: b B h H i l q n are read as signed 64-bit values (B and H
 * too, so -1 gets their range message; big-endian H is unsigned), I L Q N P
 * as unsigned; P also takes negative values (a pointer's bit pattern). */
static int pack_int(char code, kn_ssize_t size, char *p, KnObject *v, int little, int big)
{
    KnObject *i = as_pyint(v);
    if (i == NULL)
        return -1;
    int is_signed = strchr(big ? "bBhilqn" : "bBhHilqn", code) != NULL;
    uint64_t bits;
    if (is_signed || (code == 'P' && ob_int_sign(i) < 0)) {
        int ovf;
        long long x = ob_int_as_long_long_and_overflow(i, &ovf);
        if (x == -1 && ob_err_occurred())
            return -1;
        if (ovf)
            return st_fail(code == 'P' || (big && code == 'q') ? "int too large to convert"
                                                               : "argument out of range");
        if (code == 'B' || code == 'H') {
            long long max = (1LL << (8 * size)) - 1;
            if (x < 0 || x > max)
                return range_error(code, 0, size, big);
        } else if (size < 8 && code != 'P') {
            long long max = (1LL << (8 * size - 1)) - 1;
            if (x < -max - 1 || x > max)
                return range_error(code, 1, size, big);
        }
        bits = (uint64_t)x;
    } else {
        int ovf;
        if (to_unsigned64(i, &bits, &ovf) < 0) {
            if (!ovf)
                return -1;
            return st_fail(code == 'P' || (big && code == 'Q') ? "int too large to convert"
                                                               : "argument out of range");
        }
        if (size < 8 && bits >> (8 * size) != 0)
            return range_error(code, 0, size, big);
    }
    put_uint(p, bits, size, little);
    return 0;
}

/* Round-half-even double -> IEEE binary16 bits; -1 on overflow. */
static int half_bits(double x, uint16_t *out)
{
    uint16_t sign = signbit(x) ? 0x8000 : 0;
    double ax = fabs(x);
    if (isnan(x)) {
        *out = sign | 0x7e00;
        return 0;
    }
    if (isinf(x)) {
        *out = sign | 0x7c00;
        return 0;
    }
    if (ax < ldexp(1.0, -14)) {
        /* subnormal: units of 2**-24; 1024 units is the smallest normal */
        *out = sign | (uint16_t)nearbyint(ldexp(ax, 24));
        return 0;
    }
    int e;
    (void)frexp(ax, &e);
    e -= 1;                             /* ax = 1.m * 2**e */
    double m = nearbyint(ldexp(ax, 10 - e));
    if (m >= 2048.0) {
        m = 1024.0;
        e++;
    }
    if (e > 15)
        return -1;
    *out = sign | (uint16_t)((e + 15) << 10) | (uint16_t)((int)m - 1024);
    return 0;
}

static double half_value(uint16_t h)
{
    int e = (h >> 10) & 0x1f, m = h & 0x3ff;
    double v;
    if (e == 0)
        v = ldexp(m, -24);
    else if (e == 31)
        v = m ? NAN : INFINITY;
    else
        v = ldexp(m + 1024, e - 25);
    return (h & 0x8000) ? -v : v;
}

static int pack_float(char code, char *p, KnObject *v, int little, int native)
{
    double x = ob_float_as_double(v);
    if (x == -1.0 && ob_err_occurred()) {
        ob_err_clear();
        return st_fail("required argument is not a float");
    }
    uint64_t bits;
    if (code == 'd') {
        memcpy(&bits, &x, 8);
        put_uint(p, bits, 8, little);
    } else if (code == 'f') {
        float y = (float)x;
        if (!native && isinf(y) && !isinf(x)) {
            ob_err_set_string(ob_exc_OverflowError, "float too large to pack with f format");
            return -1;
        }
        uint32_t b32;
        memcpy(&b32, &y, 4);
        put_uint(p, b32, 4, little);
    } else {
        uint16_t h;
        if (half_bits(x, &h) < 0) {
            ob_err_set_string(ob_exc_OverflowError, "float too large to pack with e format");
            return -1;
        }
        put_uint(p, h, 2, little);
    }
    return 0;
}

static int pack_bytes(const StItem *it, char *p, KnObject *v)
{
    const char *data;
    kn_ssize_t n;
    if (KN_BYTES_CHECK(v)) {
        data = KN_BYTES_AS_STRING(v);
        n = KN_SIZE(v);
    } else if (KN_TYPE_CHECK(v, &ob_bytearray_type)) {
        data = ((KnByteArrayObject *)v)->ob_start;
        n = KN_SIZE(v);
    } else {
        return st_fail(it->code == 's' ? "argument for 's' must be a bytes object"
                                       : "argument for 'p' must be a bytes object");
    }
    if (it->code == 's') {
        if (n > it->size)
            n = it->size;
        if (n > 0)
            memcpy(p, data, (size_t)n);
        return 0;
    }
    if (it->size == 0)
        return 0;
    if (n > it->size - 1)
        n = it->size - 1;
    if (n > 0)
        memcpy(p + 1, data, (size_t)n);
    *p = (char)(uint8_t)(n > 255 ? 255 : n);
    return 0;
}

int st_pack_items(StStruct *s, char *buf, KnObject *const *args)
{
    int little = little_order(s->order), native = s->order == '@';
    for (kn_ssize_t k = 0; k < s->nitems; k++) {
        const StItem *it = &s->items[k];
        char *p = buf + it->offset;
        KnObject *v = args[k];
        int r = 0;
        switch (it->code) {
        case 'c':
            if (!KN_BYTES_CHECK(v) || KN_SIZE(v) != 1)
                return st_fail("char format requires a bytes object of length 1");
            *p = KN_BYTES_AS_STRING(v)[0];
            break;
        case '?': {
            int t = ob_is_true(v);
            if (t < 0)
                return -1;
            *p = (char)t;
            break;
        }
        case 's': case 'p':
            r = pack_bytes(it, p, v);
            break;
        case 'e': case 'f': case 'd':
            r = pack_float(it->code, p, v, little, native);
            break;
        default:
            r = pack_int(it->code, it->size, p, v, little, s->order == '>');
            break;
        }
        if (r < 0)
            return -1;
    }
    return 0;
}

static KnObject *unpack_one(const StItem *it, const char *p, int little)
{
    switch (it->code) {
    case 'c':
        return ob_bytes_from_data(p, 1);
    case '?':
        return KN_BOOL(*p != 0);
    case 's':
        return ob_bytes_from_data(p, it->size);
    case 'p': {
        kn_ssize_t n = it->size == 0 ? 0 : (uint8_t)*p;
        if (it->size > 0 && n > it->size - 1)
            n = it->size - 1;
        return ob_bytes_from_data(p + 1, n);
    }
    case 'e':
        return ob_float_from_double(half_value((uint16_t)get_uint(p, 2, little)));
    case 'f': {
        uint32_t b = (uint32_t)get_uint(p, 4, little);
        float y;
        memcpy(&y, &b, 4);
        return ob_float_from_double(y);
    }
    case 'd': {
        uint64_t b = get_uint(p, 8, little);
        double y;
        memcpy(&y, &b, 8);
        return ob_float_from_double(y);
    }
    default: break;
    }
    uint64_t u = get_uint(p, it->size, little);
    if (strchr("bhilqn", it->code) != NULL) {
        if (it->size < 8 && (u >> (8 * it->size - 1)) & 1)
            u |= ~0ULL << (8 * it->size);
        return ob_int_from_long_long((long long)u);
    }
    return ob_int_from_unsigned_long_long(u);
}

KnObject *st_unpack_items(StStruct *s, const char *buf)
{
    int little = little_order(s->order);
    KnObject *t = ob_tuple_new(s->nitems);
    if (t == NULL)
        return NULL;
    for (kn_ssize_t k = 0; k < s->nitems; k++) {
        KnObject *v = unpack_one(&s->items[k], buf + s->items[k].offset, little);
        if (v == NULL)
            return NULL;
        KN_TUPLE_SET(t, k, v);
    }
    return t;
}
