/*
 * memoryview_fmt.c — reading and writing one item of a native struct
 * format ('@' optional), the set CPython 3.11's memoryview handles without
 * the struct module: c b B h H i I l L q Q n N f d ? P.
 */
#include <string.h>
#include <stdint.h>
#include "memoryview_internal.h"
#include "int_internal.h"

int ob_mv_native_char(const char *fmt)
{
    if (fmt == NULL)
        return 'B';
    if (fmt[0] == '@')
        fmt++;
    if (fmt[0] == '\0' || fmt[1] != '\0')
        return 0;
    return ob_mv_native_size(fmt[0]) > 0 ? fmt[0] : 0;
}

kn_ssize_t ob_mv_native_size(int code)
{
    switch (code) {
    case 'c': case 'b': case 'B': case '?': return 1;
    case 'h': case 'H': return sizeof(short);
    case 'i': case 'I': return sizeof(int);
    case 'l': case 'L': return sizeof(long);
    case 'q': case 'Q': return sizeof(long long);
    case 'n': case 'N': return sizeof(size_t);
    case 'f': return sizeof(float);
    case 'd': return sizeof(double);
    case 'P': return sizeof(void *);
    default: return 0;
    }
}

int ob_mv_item_code(const KnBuffer *view)
{
    int c = ob_mv_native_char(view->format);
    if (c == 0)
        ob_err_format(ob_exc_NotImplementedError, "memoryview: unsupported format %s",
                      view->format);
    return c;
}

/* memcpy keeps the loads aligned-agnostic (views may start anywhere). */
#define LOAD(T) do { T x; memcpy(&x, p, sizeof x); v = x; } while (0)

KnObject *ob_mv_unpack(int code, const char *p)
{
    long long v = 0;
    unsigned long long u = 0;
    switch (code) {
    case 'B': return ob_int_from_ssize((unsigned char)*p);
    case 'b': return ob_int_from_ssize((signed char)*p);
    case 'c': return ob_bytes_from_data(p, 1);
    case '?': return KN_BOOL(*p != 0);
    case 'h': LOAD(short); break;
    case 'i': LOAD(int); break;
    case 'l': LOAD(long); break;
    case 'q': LOAD(long long); break;
    case 'n': LOAD(kn_ssize_t); break;
    case 'H': { unsigned short x; memcpy(&x, p, sizeof x); u = x; goto unsig; }
    case 'I': { unsigned int x; memcpy(&x, p, sizeof x); u = x; goto unsig; }
    case 'L': { unsigned long x; memcpy(&x, p, sizeof x); u = x; goto unsig; }
    case 'Q': { unsigned long long x; memcpy(&x, p, sizeof x); u = x; goto unsig; }
    case 'N': { size_t x; memcpy(&x, p, sizeof x); u = x; goto unsig; }
    case 'P': { uintptr_t x; memcpy(&x, p, sizeof x); u = x; goto unsig; }
    case 'f': { float x; memcpy(&x, p, sizeof x); return ob_float_from_double(x); }
    case 'd': { double x; memcpy(&x, p, sizeof x); return ob_float_from_double(x); }
    default:
        ob_err_format(ob_exc_NotImplementedError, "memoryview: unsupported format %c", code);
        return NULL;
    }
    return ob_int_from_long_long(v);
unsig:
    return ob_int_from_unsigned_long_long(u);
}

static int bad_type(const char *fmtname)
{
    ob_err_format(ob_exc_TypeError, "memoryview: invalid type for format '%s'", fmtname);
    return -1;
}

static int bad_value(const char *fmtname)
{
    ob_err_format(ob_exc_ValueError, "memoryview: invalid value for format '%s'", fmtname);
    return -1;
}

/* An int above LLONG_MAX as unsigned long long; 0 when it does not fit. */
static unsigned long long as_ull(KnObject *i)
{
    KnObject *half = ob_int_from_unsigned_long_long(1ULL << 63);
    KnObject *rest = half ? ob_int_sub(i, half) : NULL;
    if (rest == NULL) {
        ob_err_clear();
        return 0;
    }
    int overflow = 0;
    long long r = ob_int_as_long_long_and_overflow(rest, &overflow);
    if (overflow)
        return 0;
    return (1ULL << 63) + (unsigned long long)r;
}

#define STORE(T, x) do { T y_ = (T)(x); memcpy(p, &y_, sizeof y_); } while (0)

int ob_mv_pack(int code, const char *fmtname, char *p, KnObject *v)
{
    if (code == 'c') {
        if (!KN_BYTES_CHECK(v))
            return bad_type(fmtname);
        if (KN_SIZE(v) != 1)
            return bad_value(fmtname);
        *p = KN_BYTES_AS_STRING(v)[0];
        return 0;
    }
    if (code == '?') {
        int t = ob_is_true(v);
        if (t < 0)
            return -1;
        *p = (char)t;
        return 0;
    }
    if (code == 'f' || code == 'd') {
        double d = ob_float_as_double(v);
        if (d == -1.0 && ob_err_occurred()) {
            if (ob_err_matches((KnObject *)ob_exc_TypeError)) {
                ob_err_clear();
                return bad_type(fmtname);
            }
            return -1;
        }
        if (code == 'f')
            STORE(float, d);
        else
            STORE(double, d);
        return 0;
    }
    /* integer codes: __index__, then the C type's range */
    if (!ob_index_check(v))
        return bad_type(fmtname);
    KnObject *i = ob_number_index(v);
    if (i == NULL)
        return -1;
    int overflow = 0;
    long long x = ob_int_as_long_long_and_overflow(i, &overflow);
    int neg = ob_int_sign(i) < 0;
    unsigned long long ux = 0;
    int signed_code = strchr("bhilqn", code) != NULL;
    if (signed_code) {
        if (overflow)
            return bad_value(fmtname);
    } else {
        if (neg && code != 'P')
            return bad_value(fmtname);
        if (neg) {
            if (overflow)
                return bad_value(fmtname);
            ux = (unsigned long long)x;       /* 'P' wraps as a pointer does */
        } else if (overflow) {
            if ((ux = as_ull(i)) == 0)
                return bad_value(fmtname);
        } else {
            ux = (unsigned long long)x;
        }
    }
    kn_ssize_t size = ob_mv_native_size(code);
    if (signed_code) {
        long long lim = size >= 8 ? 0 : (1LL << (size * 8 - 1));
        if (lim != 0 && (x < -lim || x >= lim))
            return bad_value(fmtname);
    } else if (size < 8 && ux >> (size * 8) != 0) {
        return bad_value(fmtname);
    }
    switch (code) {
    case 'b': STORE(signed char, x); break;
    case 'B': STORE(unsigned char, ux); break;
    case 'h': STORE(short, x); break;
    case 'H': STORE(unsigned short, ux); break;
    case 'i': STORE(int, x); break;
    case 'I': STORE(unsigned int, ux); break;
    case 'l': STORE(long, x); break;
    case 'L': STORE(unsigned long, ux); break;
    case 'q': STORE(long long, x); break;
    case 'Q': STORE(unsigned long long, ux); break;
    case 'n': STORE(kn_ssize_t, x); break;
    case 'N': STORE(size_t, ux); break;
    case 'P': STORE(uintptr_t, ux); break;
    default:
        return bad_type(fmtname);
    }
    return 0;
}
