/*
 * bytes_case.c — the ASCII character-class and case methods (is*, lower,
 * upper, swapcase, capitalize, title), padding (center, ljust, rjust,
 * zfill), expandtabs, translate and maketrans, shared by bytes and
 * bytearray.  Bytes >= 0x80 are never letters, digits or whitespace.
 */
#include "bytes_internal.h"

static int b_lower(int c) { return c >= 'a' && c <= 'z'; }
static int b_upper(int c) { return c >= 'A' && c <= 'Z'; }
static int b_alpha(int c) { return b_lower(c) || b_upper(c); }
static int b_digit(int c) { return c >= '0' && c <= '9'; }
static int b_space(int c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static int to_lower(int c) { return b_upper(c) ? c + 32 : c; }
static int to_upper(int c) { return b_lower(c) ? c - 32 : c; }

/* True when non-empty and every byte passes (CPython's is* rule). */
static KnObject *all_bytes(KnObject *self, int (*pred)(int))
{
    KnBView v = ob_bv_self(self);
    if (v.n == 0)
        return KN_False;
    for (kn_ssize_t i = 0; i < v.n; i++)
        if (!pred((unsigned char)v.s[i]))
            return KN_False;
    return KN_True;
}

static int b_alnum(int c) { return b_alpha(c) || b_digit(c); }

KnObject *ob_bm_isalnum(KnObject *self, KnObject *unused) { return all_bytes(self, b_alnum); }
KnObject *ob_bm_isalpha(KnObject *self, KnObject *unused) { return all_bytes(self, b_alpha); }
KnObject *ob_bm_isdigit(KnObject *self, KnObject *unused) { return all_bytes(self, b_digit); }
KnObject *ob_bm_isspace(KnObject *self, KnObject *unused) { return all_bytes(self, b_space); }

KnObject *ob_bm_isascii(KnObject *self, KnObject *unused)
{
    KnBView v = ob_bv_self(self);
    for (kn_ssize_t i = 0; i < v.n; i++)
        if ((unsigned char)v.s[i] >= 0x80)
            return KN_False;
    return KN_True;
}

/* islower / isupper: some cased byte, none of the other case. */
static KnObject *cased_only(KnObject *self, int (*want)(int), int (*other)(int))
{
    KnBView v = ob_bv_self(self);
    int seen = 0;
    for (kn_ssize_t i = 0; i < v.n; i++) {
        int c = (unsigned char)v.s[i];
        if (other(c))
            return KN_False;
        seen |= want(c);
    }
    return KN_BOOL(seen);
}

KnObject *ob_bm_islower(KnObject *self, KnObject *unused) { return cased_only(self, b_lower, b_upper); }
KnObject *ob_bm_isupper(KnObject *self, KnObject *unused) { return cased_only(self, b_upper, b_lower); }

/* Uppercase only after an uncased byte, lowercase only after a cased one. */
KnObject *ob_bm_istitle(KnObject *self, KnObject *unused)
{
    KnBView v = ob_bv_self(self);
    int cased = 0, prev_cased = 0;
    for (kn_ssize_t i = 0; i < v.n; i++) {
        int c = (unsigned char)v.s[i];
        if (b_upper(c)) {
            if (prev_cased)
                return KN_False;
            prev_cased = cased = 1;
        } else if (b_lower(c)) {
            if (!prev_cased)
                return KN_False;
            prev_cased = cased = 1;
        } else {
            prev_cased = 0;
        }
    }
    return KN_BOOL(cased);
}

/* A copy with fn applied to each byte; fn sees the index and the state. */
typedef int (*mapfn)(int c, int *state);

static KnObject *map_bytes(KnObject *self, mapfn fn)
{
    KnBView v = ob_bv_self(self);
    char *out;
    KnObject *r = ob_bv_result_uninit(self, v.n, &out);
    if (r == NULL)
        return NULL;
    int state = 0;
    for (kn_ssize_t i = 0; i < v.n; i++)
        out[i] = (char)fn((unsigned char)v.s[i], &state);
    return r;
}

static int m_lower(int c, int *st) { return to_lower(c); }
static int m_upper(int c, int *st) { return to_upper(c); }
static int m_swap(int c, int *st) { return b_upper(c) ? c + 32 : b_lower(c) ? c - 32 : c; }

/* state: 0 at the start, 1 afterwards */
static int m_capitalize(int c, int *st)
{
    int r = *st ? to_lower(c) : to_upper(c);
    *st = 1;
    return r;
}

/* state: whether the previous byte was cased */
static int m_title(int c, int *st)
{
    int r = *st ? to_lower(c) : to_upper(c);
    *st = b_alpha(c);
    return r;
}

KnObject *ob_bm_lower(KnObject *self, KnObject *unused) { return map_bytes(self, m_lower); }
KnObject *ob_bm_upper(KnObject *self, KnObject *unused) { return map_bytes(self, m_upper); }
KnObject *ob_bm_swapcase(KnObject *self, KnObject *unused) { return map_bytes(self, m_swap); }
KnObject *ob_bm_capitalize(KnObject *self, KnObject *unused) { return map_bytes(self, m_capitalize); }
KnObject *ob_bm_title(KnObject *self, KnObject *unused) { return map_bytes(self, m_title); }

/* ---- padding ---- */

static KnObject *pad(KnObject *self, kn_ssize_t left, kn_ssize_t right, char fill)
{
    KnBView v = ob_bv_self(self);
    if (left < 0)
        left = 0;
    if (right < 0)
        right = 0;
    if (left == 0 && right == 0)
        return ob_bv_result_self(self);
    if (left > KN_SSIZE_MAX - v.n - right)
        return ob_err_nomemory();
    char *out;
    KnObject *r = ob_bv_result_uninit(self, left + v.n + right, &out);
    if (r == NULL)
        return NULL;
    memset(out, fill, (size_t)left);
    memcpy(out + left, v.s, (size_t)v.n);
    memset(out + left + v.n, fill, (size_t)right);
    return r;
}

/* (width, fillchar=b' ') of center / ljust / rjust. */
static int pad_args(const char *name, KnObject *const *args, kn_ssize_t nargs,
                    kn_ssize_t *width, char *fill)
{
    if (ob_args_check_positional(name, nargs, 1, 2) < 0 || ob_bv_ssize(args[0], width) < 0)
        return -1;
    *fill = ' ';
    if (nargs == 2) {
        KnObject *f = args[1];
        if ((KN_BYTES_CHECK(f) || KN_BYTEARRAY_CHECK(f)) && KN_SIZE(f) == 1) {
            *fill = ob_bv_self(f).s[0];
        } else {
            ob_err_format(ob_exc_TypeError,
                          "%s() argument 2 must be a byte string of length 1, not %.50s", name,
                          ob_type_name(KN_TYPE(f)));
            return -1;
        }
    }
    return 0;
}

KnObject *ob_bm_center(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    kn_ssize_t width;
    char fill;
    if (pad_args("center", args, nargs, &width, &fill) < 0)
        return NULL;
    kn_ssize_t n = KN_SIZE(self);
    if (width <= n)
        return ob_bv_result_self(self);
    kn_ssize_t marg = width - n;
    kn_ssize_t left = marg / 2 + (marg & width & 1);
    return pad(self, left, marg - left, fill);
}

KnObject *ob_bm_ljust(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    kn_ssize_t width;
    char fill;
    if (pad_args("ljust", args, nargs, &width, &fill) < 0)
        return NULL;
    return pad(self, 0, width - KN_SIZE(self), fill);
}

KnObject *ob_bm_rjust(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    kn_ssize_t width;
    char fill;
    if (pad_args("rjust", args, nargs, &width, &fill) < 0)
        return NULL;
    return pad(self, width - KN_SIZE(self), 0, fill);
}

KnObject *ob_bm_zfill(KnObject *self, KnObject *arg)
{
    kn_ssize_t width;
    if (ob_bv_ssize(arg, &width) < 0)
        return NULL;
    kn_ssize_t n = KN_SIZE(self);
    if (width <= n)
        return ob_bv_result_self(self);
    KnObject *r = pad(self, width - n, 0, '0');
    if (r == NULL)
        return NULL;
    /* a leading sign moves in front of the zeros */
    char *d = (char *)ob_bv_self(r).s;
    kn_ssize_t fill = width - n;
    if (d[fill] == '+' || d[fill] == '-') {
        d[0] = d[fill];
        d[fill] = '0';
    }
    return r;
}

/* ---- expandtabs ---- */

static const char *const expandtabs_names[] = {"tabsize", NULL};

KnObject *ob_bm_expandtabs(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                           KnObject *kw)
{
    KnArgSpec spec = {"expandtabs", expandtabs_names, 0, 1, 0};
    KnObject *a[1];
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    int tabsize = 8;
    if (a[0] != NULL && ob_bv_cint(a[0], &tabsize) < 0)
        return NULL;
    KnBView v = ob_bv_self(self);
    KnBytesWriter w;
    ob_bytes_writer_init(&w, v.n);
    kn_ssize_t col = 0;
    for (kn_ssize_t i = 0; i < v.n; i++) {
        char c = v.s[i];
        if (c == '\t') {
            if (tabsize > 0) {
                kn_ssize_t spaces = tabsize - col % tabsize;
                col += spaces;
                while (spaces-- > 0)
                    if (ob_bytes_writer_putc(&w, ' ') < 0)
                        return NULL;
            }
        } else {
            if (ob_bytes_writer_putc(&w, c) < 0)
                return NULL;
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
        }
    }
    return ob_bv_result(self, w.data, w.len);
}

/* ---- translate / maketrans ---- */

static const char *const translate_names[] = {"", "delete", NULL};

KnObject *ob_bm_translate(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                          KnObject *kw)
{
    KnArgSpec spec = {"translate", translate_names, 1, 2, 0};
    KnObject *a[2];
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    KnBView table = {NULL, 0}, del = {"", 0};
    if (a[0] != KN_None) {
        if (ob_bv_arg(a[0], &table) < 0)
            return NULL;
        if (table.n != 256) {
            ob_err_set_string(ob_exc_ValueError, "translation table must be 256 characters long");
            return NULL;
        }
    }
    if (a[1] != NULL && ob_bv_arg(a[1], &del) < 0)
        return NULL;
    unsigned char drop[256] = {0};
    for (kn_ssize_t i = 0; i < del.n; i++)
        drop[(unsigned char)del.s[i]] = 1;
    KnBView v = ob_bv_self(self);
    KnBytesWriter w;
    ob_bytes_writer_init(&w, v.n);
    int changed = 0;
    for (kn_ssize_t i = 0; i < v.n; i++) {
        unsigned char c = (unsigned char)v.s[i];
        if (drop[c]) {
            changed = 1;
            continue;
        }
        unsigned char t = table.s ? (unsigned char)table.s[c] : c;
        changed |= t != c;
        if (ob_bytes_writer_putc(&w, t) < 0)
            return NULL;
    }
    if (!changed)
        return ob_bv_result_self(self);
    return ob_bv_result(self, w.data, w.len);
}

/* bytes.maketrans(frm, to): a static method of both types. */
KnObject *ob_bytes_maketrans(KnObject *unused, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("maketrans", nargs, 2, 2) < 0)
        return NULL;
    KnBView frm, to;
    if (ob_bv_arg(args[0], &frm) < 0 || ob_bv_arg(args[1], &to) < 0)
        return NULL;
    if (frm.n != to.n) {
        ob_err_set_string(ob_exc_ValueError, "maketrans arguments must have same length");
        return NULL;
    }
    KnObject *r = ob_bytes_new_uninit(256);
    if (r == NULL)
        return NULL;
    char *t = KN_BYTES_AS_STRING(r);
    for (int i = 0; i < 256; i++)
        t[i] = (char)i;
    for (kn_ssize_t i = 0; i < frm.n; i++)
        t[(unsigned char)frm.s[i]] = to.s[i];
    return r;
}
