/*
 * binascii_module.c — `binascii` as CPython 3.11: hex (with sep and
 * bytes_per_sep), base64 (newline, strict_mode), uuencode, CRC-32,
 * CRC-CCITT (crc_hqx), the Error (ValueError) and Incomplete exceptions.
 * Quoted-printable lives in binascii_qp.c.  The a2b_* functions take
 * ASCII str as well as bytes-like objects (binascii_internal.h).
 */
#include <string.h>

#include "binascii_internal.h"
#include "stdlib/modules.h"

#define FC(f) ((KnCFunction)(void (*)(void))(f))
#define KWFAST (KN_METH_FASTCALL | KN_METH_KEYWORDS)

KnObject *binascii_error, *binascii_incomplete;

static const char hexdigits[] = "0123456789abcdef";
static const char b64chars[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int ba_ascii_arg(KnObject *o, BaData *d)
{
    d->owned = 0;
    if (KN_STR_CHECK(o)) {
        if (!KN_STR_IS_ASCII(o)) {
            ob_err_set_string(ob_exc_ValueError,
                              "string argument should contain only ASCII characters");
            return -1;
        }
        d->p = KN_STR_DATA(o);
        d->n = KN_STR_LEN(o);
        return 0;
    }
    return ba_bytes_arg(o, d);
}

int ba_bytes_arg(KnObject *o, BaData *d)
{
    if (ob_buffer_get(o, &d->view, KN_BUF_SIMPLE) < 0)
        return -1;
    d->owned = 1;
    d->p = d->view.buf;
    d->n = d->view.len;
    return 0;
}

void ba_release(BaData *d)
{
    if (d->owned)
        ob_buffer_release(&d->view);
    d->owned = 0;
}

uint8_t *ba_alloc(size_t n)
{
    uint8_t *p = kgc_alloc_atomic(n + 1);
    if (p == NULL)
        ob_err_nomemory();
    return p;
}

void ba_set_error(const char *msg)
{
    ob_err_set_string((KnTypeObject *)binascii_error, msg);
}

/* A C int argument (hexlify's bytes_per_sep). */
static int c_int_arg(KnObject *o, int *out)
{
    int overflow;
    KnObject *i = ob_number_index(o);
    if (i == NULL)
        return -1;
    long long v = ob_int_as_long_long_and_overflow(i, &overflow);
    if (overflow || v > 2147483647 || v < -2147483647 - 1) {
        ob_err_set_string(ob_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)v;
    return 0;
}

/* CRC arguments are taken modulo 2^32 (clinic's unsigned_int(bitwise=True)). */
static int crc_arg(KnObject *o, uint32_t *out)
{
    KnObject *i = ob_number_index(o);
    if (i == NULL)
        return -1;
    KnObject *low = ob_number_and(i, ob_int_from_unsigned_long_long(0xffffffffu));
    if (low == NULL)
        return -1;
    *out = (uint32_t)ob_int_as_long_long(low);
    return 0;
}

/* ---- hex */

static KnObject *hex_impl(const char *fname, KnObject *const *args, kn_ssize_t nargs,
                          KnObject *kwnames)
{
    static const char *const names[] = { "data", "sep", "bytes_per_sep", NULL };
    KnArgSpec spec = { fname, names, 1, 3, 0 };
    KnObject *a[3];
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    int group = 1, sep = -1;
    if (a[1] != NULL) {
        kn_ssize_t len;
        if (KN_STR_CHECK(a[1])) {
            len = KN_STR_LEN(a[1]);
            if (len == 1)
                sep = (int)(KN_STR_READ(KN_STR_KIND(a[1]), KN_STR_DATA(a[1]), 0) & 0xff);
        } else if (KN_BYTES_CHECK(a[1])) {
            len = KN_SIZE(a[1]);
            if (len == 1)
                sep = (uint8_t)KN_BYTES_AS_STRING(a[1])[0];
        } else {
            len = ob_length(a[1]);
            if (len < 0)
                return NULL;
            ob_err_set_string(ob_exc_TypeError, "sep must be str or bytes.");
            return NULL;
        }
        if (len != 1) {
            ob_err_set_string(ob_exc_ValueError, "sep must be length 1.");
            return NULL;
        }
    }
    if (a[2] != NULL && c_int_arg(a[2], &group) < 0)
        return NULL;
    BaData d;
    if (ba_bytes_arg(a[0], &d) < 0)
        return NULL;
    size_t n = (size_t)d.n, g = group < 0 ? (size_t)-(long)group : (size_t)group;
    if (sep < 0 || g == 0 || n == 0)
        g = 0;
    size_t nsep = g ? (n - 1) / g : 0;
    uint8_t *out = ba_alloc(2 * n + nsep);
    if (out == NULL) {
        ba_release(&d);
        return NULL;
    }
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        /* a separator before byte i when a group boundary falls there:
         * counted from the right end for positive groups, from the left
         * for negative ones */
        if (g && i > 0 && (group > 0 ? (n - i) % g == 0 : i % g == 0))
            out[o++] = (uint8_t)sep;
        out[o++] = (uint8_t)hexdigits[d.p[i] >> 4];
        out[o++] = (uint8_t)hexdigits[d.p[i] & 15];
    }
    ba_release(&d);
    return ob_bytes_from_data(out, (kn_ssize_t)o);
}

static KnObject *ba_hexlify(KnObject *m, KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    (void)m;
    return hex_impl("hexlify", a, n, kw);
}

static KnObject *ba_b2a_hex(KnObject *m, KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    (void)m;
    return hex_impl("b2a_hex", a, n, kw);
}

static int hexval(uint8_t c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

int ba_hexval(uint8_t c)
{
    return hexval(c);
}

static KnObject *unhex_impl(const char *fname, KnObject *const *args, kn_ssize_t nargs,
                            KnObject *kwnames)
{
    static const char *const names[] = { "hexstr", NULL };
    KnArgSpec spec = { fname, names, 1, 1, 0 };
    KnObject *a[1];
    BaData d;
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0 || ba_ascii_arg(a[0], &d) < 0)
        return NULL;
    KnObject *r = NULL;
    uint8_t *out = NULL;
    if (d.n % 2) {
        ba_set_error("Odd-length string");
        goto done;
    }
    if ((out = ba_alloc((size_t)d.n / 2)) == NULL)
        goto done;
    for (kn_ssize_t i = 0; i < d.n; i += 2) {
        int hi = hexval(d.p[i]), lo = hexval(d.p[i + 1]);
        if (hi < 0 || lo < 0) {
            ba_set_error("Non-hexadecimal digit found");
            goto done;
        }
        out[i / 2] = (uint8_t)(hi << 4 | lo);
    }
    r = ob_bytes_from_data(out, d.n / 2);
done:
    ba_release(&d);
    return r;
}

static KnObject *ba_unhexlify(KnObject *m, KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    (void)m;
    return unhex_impl("unhexlify", a, n, kw);
}

static KnObject *ba_a2b_hex(KnObject *m, KnObject *const *a, kn_ssize_t n, KnObject *kw)
{
    (void)m;
    return unhex_impl("a2b_hex", a, n, kw);
}

/* ---- base64 */

static KnObject *ba_b2a_base64(KnObject *m, KnObject *const *args, kn_ssize_t nargs,
                               KnObject *kwnames)
{
    (void)m;
    static const char *const names[] = { "", "newline", NULL };
    KnArgSpec spec = { "b2a_base64", names, 1, 1, 0 };
    KnObject *a[2];
    BaData d;
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    int newline = 1;
    if (a[1] != NULL && (newline = ob_is_true(a[1])) < 0)
        return NULL;
    if (ba_bytes_arg(a[0], &d) < 0)
        return NULL;
    size_t n = (size_t)d.n;
    uint8_t *out = ba_alloc((n + 2) / 3 * 4 + 1);
    if (out == NULL) {
        ba_release(&d);
        return NULL;
    }
    size_t o = 0, i = 0;
    for (; i + 3 <= n; i += 3) {
        uint32_t v = (uint32_t)d.p[i] << 16 | (uint32_t)d.p[i + 1] << 8 | d.p[i + 2];
        out[o++] = (uint8_t)b64chars[v >> 18];
        out[o++] = (uint8_t)b64chars[(v >> 12) & 63];
        out[o++] = (uint8_t)b64chars[(v >> 6) & 63];
        out[o++] = (uint8_t)b64chars[v & 63];
    }
    if (n - i == 1) {
        out[o++] = (uint8_t)b64chars[d.p[i] >> 2];
        out[o++] = (uint8_t)b64chars[(d.p[i] & 3) << 4];
        out[o++] = '=';
        out[o++] = '=';
    } else if (n - i == 2) {
        uint32_t v = (uint32_t)d.p[i] << 8 | d.p[i + 1];
        out[o++] = (uint8_t)b64chars[v >> 10];
        out[o++] = (uint8_t)b64chars[(v >> 4) & 63];
        out[o++] = (uint8_t)b64chars[(v & 15) << 2];
        out[o++] = '=';
    }
    if (newline)
        out[o++] = '\n';
    ba_release(&d);
    return ob_bytes_from_data(out, (kn_ssize_t)o);
}

static int b64val(uint8_t c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == '/')
        return 63;
    return -1;
}

static KnObject *ba_a2b_base64(KnObject *m, KnObject *const *args, kn_ssize_t nargs,
                               KnObject *kwnames)
{
    (void)m;
    static const char *const names[] = { "", "strict_mode", NULL };
    KnArgSpec spec = { "a2b_base64", names, 1, 1, 0 };
    KnObject *a[2];
    BaData d;
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    int strict = 0;
    if (a[1] != NULL && (strict = ob_is_true(a[1])) < 0)
        return NULL;
    if (ba_ascii_arg(a[0], &d) < 0)
        return NULL;
    KnObject *r = NULL;
    uint8_t *out = ba_alloc((size_t)d.n / 4 * 3 + 3);
    if (out == NULL)
        goto done;
    size_t o = 0;
    int quad = 0, pads = 0, padding = 0;
    unsigned left = 0;
    if (strict && d.n > 0 && d.p[0] == '=') {
        ba_set_error("Leading padding not allowed");
        goto done;
    }
    for (kn_ssize_t i = 0; i < d.n; i++) {
        uint8_t c = d.p[i];
        if (c == '=') {
            padding = 1;
            if (quad >= 2 && quad + ++pads >= 4) {
                if (strict && i + 1 < d.n) {
                    ba_set_error("Excess data after padding");
                    goto done;
                }
                quad = 0;
                break;
            }
            continue;
        }
        int v = b64val(c);
        if (v < 0) {
            if (strict) {
                ba_set_error("Only base64 data is allowed");
                goto done;
            }
            continue;
        }
        if (strict && padding) {
            ba_set_error("Discontinuous padding not allowed");
            goto done;
        }
        pads = 0;
        switch (quad) {
        case 0:
            left = (unsigned)v;
            quad = 1;
            break;
        case 1:
            out[o++] = (uint8_t)(left << 2 | (unsigned)v >> 4);
            left = (unsigned)v & 15;
            quad = 2;
            break;
        case 2:
            out[o++] = (uint8_t)(left << 4 | (unsigned)v >> 2);
            left = (unsigned)v & 3;
            quad = 3;
            break;
        default:
            out[o++] = (uint8_t)(left << 6 | (unsigned)v);
            left = 0;
            quad = 0;
            break;
        }
    }
    if (quad == 1) {
        ob_err_format((KnTypeObject *)binascii_error,
                      "Invalid base64-encoded string: number of data characters (%zd) cannot "
                      "be 1 more than a multiple of 4", (kn_ssize_t)(o / 3 * 4 + 1));
        goto done;
    }
    if (quad != 0) {
        ba_set_error("Incorrect padding");
        goto done;
    }
    r = ob_bytes_from_data(out, (kn_ssize_t)o);
done:
    ba_release(&d);
    return r;
}

/* ---- uuencode */

static KnObject *ba_b2a_uu(KnObject *m, KnObject *const *args, kn_ssize_t nargs,
                           KnObject *kwnames)
{
    (void)m;
    static const char *const names[] = { "", "backtick", NULL };
    KnArgSpec spec = { "b2a_uu", names, 1, 1, 0 };
    KnObject *a[2];
    BaData d;
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    int backtick = 0;
    if (a[1] != NULL && (backtick = ob_is_true(a[1])) < 0)
        return NULL;
    if (ba_bytes_arg(a[0], &d) < 0)
        return NULL;
    KnObject *r = NULL;
    if (d.n > 45) {
        ba_set_error("At most 45 bytes at once");
        goto done;
    }
    uint8_t out[2 + 60 + 1];
    size_t o = 0;
#define UU(v) ((uint8_t)(backtick && (v) == 0 ? '`' : ' ' + (v)))
    out[o++] = UU((unsigned)d.n);
    for (kn_ssize_t i = 0; i < d.n; i += 3) {
        uint32_t v = (uint32_t)d.p[i] << 16;
        if (i + 1 < d.n)
            v |= (uint32_t)d.p[i + 1] << 8;
        if (i + 2 < d.n)
            v |= d.p[i + 2];
        for (int k = 18; k >= 0; k -= 6)
            out[o++] = UU((v >> k) & 63);
    }
#undef UU
    out[o++] = '\n';
    r = ob_bytes_from_data(out, (kn_ssize_t)o);
done:
    ba_release(&d);
    return r;
}

static KnObject *ba_a2b_uu(KnObject *m, KnObject *const *args, kn_ssize_t nargs,
                           KnObject *kwnames)
{
    (void)m;
    static const char *const names[] = { "", NULL };
    KnArgSpec spec = { "a2b_uu", names, 1, 1, 0 };
    KnObject *a[1];
    BaData d;
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0 || ba_ascii_arg(a[0], &d) < 0)
        return NULL;
    KnObject *r = NULL;
    /* the length character; an empty line reads as a NUL (length 32) */
    size_t want = (size_t)(((d.n > 0 ? d.p[0] : 0) - ' ') & 63);
    uint8_t out[64];
    size_t o = 0;
    kn_ssize_t i = 1;
    unsigned acc = 0;
    int bits = 0;
    for (; o < want; i++) {
        unsigned v = 0;
        if (i < d.n && d.p[i] != '\n' && d.p[i] != '\r') {
            uint8_t c = d.p[i];
            if (c < ' ' || c > ' ' + 64) {
                ba_set_error("Illegal char");
                goto done;
            }
            v = (unsigned)(c - ' ') & 63;
        }
        acc = (acc << 6) | v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[o++] = (uint8_t)(acc >> bits);
            acc &= (1u << bits) - 1;
        }
    }
    for (; i < d.n; i++) {
        uint8_t c = d.p[i];
        if (c != ' ' && c != ' ' + 64 && c != '\n' && c != '\r') {
            ba_set_error("Trailing garbage");
            goto done;
        }
    }
    r = ob_bytes_from_data(out, (kn_ssize_t)o);
done:
    ba_release(&d);
    return r;
}

/* ---- CRCs */

static uint32_t crc32_table[256];

uint32_t ba_crc32(uint32_t crc, const uint8_t *p, size_t n)
{
    if (crc32_table[1] == 0)
        for (uint32_t i = 0; i < 256; i++) {
            uint32_t c = i;
            for (int k = 0; k < 8; k++)
                c = (c & 1) ? (c >> 1) ^ 0xedb88320u : c >> 1;
            crc32_table[i] = c;
        }
    crc = ~crc;
    for (size_t i = 0; i < n; i++)
        crc = crc32_table[(crc ^ p[i]) & 0xff] ^ (crc >> 8);
    return ~crc;
}

static KnObject *crc_common(const char *fname, int hqx, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional(fname, nargs, hqx ? 2 : 1, 2) < 0)
        return NULL;
    uint32_t crc = 0;
    BaData d;
    if (ba_bytes_arg(args[0], &d) < 0)
        return NULL;
    if (nargs > 1 && crc_arg(args[1], &crc) < 0) {
        ba_release(&d);
        return NULL;
    }
    if (hqx) {
        crc &= 0xffff;
        for (kn_ssize_t i = 0; i < d.n; i++) {
            crc ^= (uint32_t)d.p[i] << 8;
            for (int k = 0; k < 8; k++)
                crc = (crc & 0x8000) ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
        }
    } else {
        crc = ba_crc32(crc, d.p, (size_t)d.n);
    }
    ba_release(&d);
    return ob_int_from_unsigned_long_long(crc);
}

static KnObject *ba_crc32_fn(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    return crc_common("crc32", 0, args, nargs);
}

static KnObject *ba_crc_hqx(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    return crc_common("crc_hqx", 1, args, nargs);
}

static KnMethodDef binascii_functions[] = {
    { "a2b_uu", FC(ba_a2b_uu), KWFAST, "Decode a line of uuencoded data." },
    { "b2a_uu", FC(ba_b2a_uu), KWFAST, "Uuencode line of data." },
    { "a2b_base64", FC(ba_a2b_base64), KWFAST, "Decode a line of base64 data." },
    { "b2a_base64", FC(ba_b2a_base64), KWFAST, "Base64-code line of data." },
    { "a2b_hex", FC(ba_a2b_hex), KWFAST, "Binary data of hexadecimal representation." },
    { "b2a_hex", FC(ba_b2a_hex), KWFAST, "Hexadecimal representation of binary data." },
    { "hexlify", FC(ba_hexlify), KWFAST, "Hexadecimal representation of binary data." },
    { "unhexlify", FC(ba_unhexlify), KWFAST, "Binary data of hexadecimal representation." },
    { "crc_hqx", FC(ba_crc_hqx), KN_METH_FASTCALL, "Compute CRC-CCITT incrementally." },
    { "crc32", FC(ba_crc32_fn), KN_METH_FASTCALL, "Compute CRC-32 incrementally." },
    { "a2b_qp", FC(ba_a2b_qp), KWFAST, "Decode a string of qp-encoded data." },
    { "b2a_qp", FC(ba_b2a_qp), KWFAST, "Encode a string using quoted-printable encoding." },
    { NULL, NULL, 0, NULL }
};

static KnObject *new_exception(const char *name, KnTypeObject *base)
{
    KnObject *bases = ob_tuple_pack(1, (KnObject *)base);
    KnObject *ns = ob_dict_new();
    if (bases == NULL || ns == NULL ||
        ob_dict_setitem_str(ns, "__module__", ob_str_from_cstr("binascii")) < 0)
        return NULL;
    return ob_type_new(&ob_type_type, ob_str_from_cstr(name), bases, ns);
}

KnObject *kn_init_binascii(void)
{
    if (binascii_error == NULL) {
        binascii_error = new_exception("Error", ob_exc_ValueError);
        binascii_incomplete = new_exception("Incomplete", ob_exc_Exception);
        if (binascii_error == NULL || binascii_incomplete == NULL)
            return NULL;
    }
    KnObject *m = ob_module_new_cstr("binascii");
    if (m == NULL || ob_module_add_functions(m, binascii_functions) < 0 ||
        ob_module_add_object(m, "Error", binascii_error) < 0 ||
        ob_module_add_object(m, "Incomplete", binascii_incomplete) < 0 ||
        ob_module_add_object(m, "__doc__", ob_str_from_cstr("Conversion between binary data and ASCII")) < 0)
        return NULL;
    return m;
}
