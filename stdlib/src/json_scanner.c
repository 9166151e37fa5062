/*
 * json_scanner.c — `_json.Scanner` (json.scanner.c_make_scanner):
 * Scanner(context) reads strict, object_hook, object_pairs_hook,
 * parse_float, parse_int and parse_constant from the decoder; calling it
 * as scan_once(string, idx) returns (value, end).
 *
 * As in CPython 3.11, "nothing to parse here" is StopIteration(idx) — it
 * propagates out of nested containers and JSONDecoder.raw_decode turns it
 * into "Expecting value" — while the other errors are JSONDecodeError
 * raised at their position.  Object keys go through a memo dict (one per
 * call) so repeated keys share one str.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json_internal.h"

typedef struct Scanner {
    KN_OBJECT_HEAD;
    char strict;
    KnObject *object_hook, *object_pairs_hook, *parse_float, *parse_int, *parse_constant;
    vectorcallfunc vectorcall;
} Scanner;

#define KEY_CACHE_SIZE 64      /* a power of two */
#define KEY_CACHE_MAXLEN 64     /* longer keys skip the cache */

typedef struct Scan {
    Scanner *sc;
    KnObject *str;
    const void *data;
    int kind;
    kn_ssize_t len;
    KnObject *memo;
    /* Object keys already through the memo, by a hash of their raw
     * characters: a repeated key without escapes is found here without
     * making a str, hashing it or probing the memo (see key_cached). */
    KnObject *key_cache[KEY_CACHE_SIZE];
} Scan;

#define AT(S, i) KN_STR_READ((S)->kind, (S)->data, (i))
#define IS_WS(c) ((c) == ' ' || (c) == '\t' || (c) == '\n' || (c) == '\r')

static KnObject *scan_once(Scan *S, kn_ssize_t idx, kn_ssize_t *next);

static kn_ssize_t skip_ws(Scan *S, kn_ssize_t idx)
{
    while (idx < S->len && IS_WS(AT(S, idx)))
        idx++;
    return idx;
}

/* The object key whose text starts at `start` (just past its '"'), when
 * it has no escape or control character and the cache holds it: the
 * memo's str for it, *after just past the closing quote.  Otherwise NULL
 * and *slot is where to remember the memo's str (-1: not cacheable).
 * A hit returns the very object the memo would (the cache only holds
 * memo results), so keys are shared exactly as without it. */
static KnObject *key_cached(Scan *S, kn_ssize_t start, kn_ssize_t *after, int *slot)
{
    *slot = -1;
    kn_ssize_t i = start, stop = start + KEY_CACHE_MAXLEN;
    if (stop > S->len)
        stop = S->len;
    uint32_t h = 2166136261u;
    for (; i < stop; i++) {
        uint32_t c = AT(S, i);
        if (c == '"')
            break;
        if (c == '\\' || c < 0x20)
            return NULL;
        h = (h ^ c) * 16777619u;
    }
    if (i >= stop)
        return NULL;
    kn_ssize_t n = i - start;
    *slot = (int)((h ^ (uint32_t)n) & (KEY_CACHE_SIZE - 1));
    KnObject *k = S->key_cache[*slot];
    if (k == NULL || KN_STR_LEN(k) != n)
        return NULL;
    int kk = KN_STR_KIND(k);
    const void *kd = KN_STR_DATA(k);
    if (kk == S->kind) {
        if (memcmp(kd, (const char *)S->data + start * kk, (size_t)(n * kk)) != 0)
            return NULL;
    } else {
        for (kn_ssize_t j = 0; j < n; j++)
            if (KN_STR_READ(kk, kd, j) != AT(S, start + j))
                return NULL;
    }
    *after = i + 1;
    return k;
}

/* idx is just past '{'. */
static KnObject *parse_object(Scan *S, kn_ssize_t idx, kn_ssize_t *next)
{
    Scanner *sc = S->sc;
    int pairs = sc->object_pairs_hook != KN_None;
    KnObject *acc = pairs ? ob_list_new(0) : ob_dict_new();
    if (acc == NULL)
        return NULL;
    idx = skip_ws(S, idx);
    if (idx >= S->len || AT(S, idx) != '}') {
        for (;;) {
            if (idx >= S->len || AT(S, idx) != '"')
                return json_raise_errmsg("Expecting property name enclosed in double quotes",
                                         S->str, idx);
            kn_ssize_t after;
            int slot;
            KnObject *key = key_cached(S, idx + 1, &after, &slot);
            if (key == NULL) {
                key = json_scanstring(S->str, idx + 1, sc->strict, &after);
                if (key == NULL)
                    return NULL;
                key = ob_dict_setdefault(S->memo, key, key);
                if (key == NULL)
                    return NULL;
                if (slot >= 0)
                    S->key_cache[slot] = key;
            }
            idx = skip_ws(S, after);
            if (idx >= S->len || AT(S, idx) != ':')
                return json_raise_errmsg("Expecting ':' delimiter", S->str, idx);
            idx = skip_ws(S, idx + 1);
            KnObject *val = scan_once(S, idx, &after);
            if (val == NULL)
                return NULL;
            if (pairs) {
                KnObject *t = ob_tuple_pack(2, key, val);
                if (t == NULL || ob_list_append(acc, t) < 0)
                    return NULL;
            } else if (ob_dict_setitem(acc, key, val) < 0) {
                return NULL;
            }
            idx = skip_ws(S, after);
            if (idx < S->len && AT(S, idx) == '}')
                break;
            if (idx >= S->len || AT(S, idx) != ',')
                return json_raise_errmsg("Expecting ',' delimiter", S->str, idx);
            idx = skip_ws(S, idx + 1);
        }
    }
    *next = idx + 1;
    if (pairs)
        return ob_call_onearg(sc->object_pairs_hook, acc);
    if (sc->object_hook != KN_None)
        return ob_call_onearg(sc->object_hook, acc);
    return acc;
}

/* idx is just past '['. */
static KnObject *parse_array(Scan *S, kn_ssize_t idx, kn_ssize_t *next)
{
    KnObject *list = ob_list_new(0);
    if (list == NULL)
        return NULL;
    idx = skip_ws(S, idx);
    if (idx >= S->len || AT(S, idx) != ']') {
        for (;;) {
            kn_ssize_t after;
            KnObject *val = scan_once(S, idx, &after);
            if (val == NULL || ob_list_append(list, val) < 0)
                return NULL;
            idx = skip_ws(S, after);
            if (idx < S->len && AT(S, idx) == ']')
                break;
            if (idx >= S->len || AT(S, idx) != ',')
                return json_raise_errmsg("Expecting ',' delimiter", S->str, idx);
            idx = skip_ws(S, idx + 1);
        }
    }
    *next = idx + 1;
    return list;
}

static KnObject *parse_constant(Scan *S, const char *name, kn_ssize_t idx, kn_ssize_t *next)
{
    KnObject *r = ob_call_onearg(S->sc->parse_constant, ob_str_intern_cstr(name));
    if (r != NULL)
        *next = idx + (kn_ssize_t)strlen(name);
    return r;
}

static int is_digit_at(Scan *S, kn_ssize_t i)
{
    if (i >= S->len)
        return 0;
    uint32_t c = AT(S, i);
    return c >= '0' && c <= '9';
}

/* Exact powers of ten as doubles (10**22 is the last exact one). */
static const double json_pow10[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* buf (a JSON number, checked by match_number) as a double when that is
 * exact without strtod: at most 15 significant digits (m < 2**53, an exact
 * double) and a decimal exponent in [-22, 22] (10**|e| exact), so m * 10**e
 * or m / 10**-e is one correctly rounded operation on exact operands.
 * Returns 0 when strtod is needed. */
static int json_fast_double(const char *buf, kn_ssize_t n, double *out)
{
    const char *p = buf, *end = buf + n;
    int neg = *p == '-';
    p += neg;
    uint64_t m = 0;
    int ndig = 0, frac = 0, seen_dot = 0;
    for (; p < end && *p != 'e' && *p != 'E'; p++) {
        if (*p == '.') {
            seen_dot = 1;
            continue;
        }
        if (m == 0 && *p == '0') {
            frac += seen_dot;
            continue;
        }
        if (++ndig > 15)
            return 0;
        m = m * 10 + (uint64_t)(*p - '0');
        frac += seen_dot;
    }
    int e10 = 0;
    if (p < end) {
        p++;
        int eneg = *p == '-';
        p += *p == '-' || *p == '+';
        if (end - p > 3)
            return 0;
        for (; p < end; p++)
            e10 = e10 * 10 + (*p - '0');
        e10 = eneg ? -e10 : e10;
    }
    e10 -= frac;
    double v = (double)m;
    if (m == 0)
        v = 0.0;
    else if (e10 >= 0 && e10 <= 22)
        v *= json_pow10[e10];
    else if (e10 < 0 && e10 >= -22)
        v /= json_pow10[-e10];
    else
        return 0;
    *out = neg ? -v : v;
    return 1;
}

static KnObject *match_number(Scan *S, kn_ssize_t start, kn_ssize_t *next)
{
    kn_ssize_t idx = start;
    int is_float = 0;
    if (AT(S, idx) == '-') {
        idx++;
        if (idx >= S->len)
            return json_stop_iteration(start);
    }
    uint32_t c = AT(S, idx);
    if (c >= '1' && c <= '9') {
        idx++;
        while (is_digit_at(S, idx))
            idx++;
    } else if (c == '0') {
        idx++;
    } else {
        return json_stop_iteration(start);
    }
    if (idx + 1 < S->len && AT(S, idx) == '.' && is_digit_at(S, idx + 1)) {
        is_float = 1;
        idx += 2;
        while (is_digit_at(S, idx))
            idx++;
    }
    if (idx + 1 < S->len && (AT(S, idx) == 'e' || AT(S, idx) == 'E')) {
        kn_ssize_t e_start = idx++;
        if (idx + 1 < S->len && (AT(S, idx) == '-' || AT(S, idx) == '+'))
            idx++;
        while (is_digit_at(S, idx))
            idx++;
        if (is_digit_at(S, idx - 1))
            is_float = 1;
        else
            idx = e_start;
    }
    *next = idx;
    Scanner *sc = S->sc;
    KnObject *custom = NULL;
    if (is_float && sc->parse_float != (KnObject *)&ob_float_type)
        custom = sc->parse_float;
    else if (!is_float && sc->parse_int != (KnObject *)&ob_int_type)
        custom = sc->parse_int;
    kn_ssize_t n = idx - start;
    if (custom != NULL) {
        KnObject *numstr = ob_str_substring(S->str, start, idx);
        return numstr == NULL ? NULL : ob_call_onearg(custom, numstr);
    }
    char small[64];
    char *buf = n < (kn_ssize_t)sizeof small ? small : malloc((size_t)n + 1);
    if (buf == NULL)
        return ob_err_nomemory();
    for (kn_ssize_t i = 0; i < n; i++)
        buf[i] = (char)AT(S, start + i);
    buf[n] = '\0';
    KnObject *r;
    double d;
    if (is_float) {
        r = ob_float_from_double(json_fast_double(buf, n, &d) ? d : strtod(buf, NULL));
    } else if (n <= 18) {
        /* at most 18 digits: no overflow */
        long long x = 0;
        for (kn_ssize_t i = buf[0] == '-'; i < n; i++)
            x = x * 10 + (buf[i] - '0');
        r = ob_int_from_long_long(buf[0] == '-' ? -x : x);
    } else {
        r = ob_int_from_string(buf, n, 10);
    }
    if (buf != small)
        free(buf);
    return r;
}

static int match_word(Scan *S, kn_ssize_t idx, const char *w)
{
    kn_ssize_t n = (kn_ssize_t)strlen(w);
    if (idx + n > S->len)
        return 0;
    for (kn_ssize_t i = 0; i < n; i++)
        if (AT(S, idx + i) != (unsigned char)w[i])
            return 0;
    return 1;
}

static KnObject *scan_once(Scan *S, kn_ssize_t idx, kn_ssize_t *next)
{
    if (idx < 0) {
        ob_err_set_string(ob_exc_ValueError, "idx cannot be negative");
        return NULL;
    }
    if (idx >= S->len)
        return json_stop_iteration(idx);
    KnObject *r;
    switch (AT(S, idx)) {
    case '"':
        return json_scanstring(S->str, idx + 1, S->sc->strict, next);
    case '{':
        if (ob_enter_recursive_call(" while decoding a JSON object from a unicode string") < 0)
            return NULL;
        r = parse_object(S, idx + 1, next);
        ob_leave_recursive_call();
        return r;
    case '[':
        if (ob_enter_recursive_call(" while decoding a JSON array from a unicode string") < 0)
            return NULL;
        r = parse_array(S, idx + 1, next);
        ob_leave_recursive_call();
        return r;
    case 'n':
        if (match_word(S, idx, "null")) {
            *next = idx + 4;
            return KN_None;
        }
        break;
    case 't':
        if (match_word(S, idx, "true")) {
            *next = idx + 4;
            return KN_True;
        }
        break;
    case 'f':
        if (match_word(S, idx, "false")) {
            *next = idx + 5;
            return KN_False;
        }
        break;
    case 'N':
        if (match_word(S, idx, "NaN"))
            return parse_constant(S, "NaN", idx, next);
        break;
    case 'I':
        if (match_word(S, idx, "Infinity"))
            return parse_constant(S, "Infinity", idx, next);
        break;
    case '-':
        if (match_word(S, idx, "-Infinity"))
            return parse_constant(S, "-Infinity", idx, next);
        break;
    default:
        break;
    }
    return match_number(S, idx, next);
}

/* ---- the type ---- */

static KnObject *scanner_vectorcall(KnObject *self, KnObject *const *args, size_t nargsf,
                                    KnObject *kwnames)
{
    static const char *const names[] = {"string", "idx", NULL};
    static const KnArgSpec spec = {"scan_once", names, 2, 2, 0};
    KnObject *a[2];
    if (ob_args_parse(&spec, args, KN_VECTORCALL_NARGS(nargsf), kwnames, a) < 0)
        return NULL;
    if (!ob_index_check(a[1]))
        return ob_err_format(ob_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                             KN_TYPE(a[1])->tp_name);
    kn_ssize_t idx = ob_number_as_ssize(a[1], ob_exc_OverflowError);
    if (idx == -1 && ob_err_occurred())
        return NULL;
    if (!KN_STR_CHECK(a[0]))
        return ob_err_format(ob_exc_TypeError, "first argument must be a string, not %.80s",
                             KN_TYPE(a[0])->tp_name);
    Scan S = {(Scanner *)self, a[0], KN_STR_DATA(a[0]), KN_STR_KIND(a[0]), KN_STR_LEN(a[0]), NULL,
              {NULL}};
    if ((S.memo = ob_dict_new()) == NULL)
        return NULL;
    kn_ssize_t next = 0;
    KnObject *v = scan_once(&S, idx, &next);
    if (v == NULL)
        return NULL;
    KnObject *end = ob_int_from_ssize(next);
    return end == NULL ? NULL : ob_tuple_pack(2, v, end);
}

static KnObject *scanner_call(KnObject *self, KnObject *args, KnObject *kwargs)
{
    kn_ssize_t n = KN_SIZE(args);
    KnObject *kwnames = NULL;
    KnObject *vec[8];
    kn_ssize_t nkw = kwargs != NULL ? ob_dict_size(kwargs) : 0;
    if (n + nkw > 8)
        return ob_err_format(ob_exc_TypeError, "scan_once() takes at most 2 arguments (%zd given)",
                             n + nkw);
    for (kn_ssize_t i = 0; i < n; i++)
        vec[i] = KN_TUPLE_GET(args, i);
    if (nkw > 0) {
        if ((kwnames = ob_tuple_new(nkw)) == NULL)
            return NULL;
        kn_ssize_t pos = 0, k = 0;
        KnObject *key, *val;
        while (ob_dict_next(kwargs, &pos, &key, &val)) {
            KN_TUPLE_SET(kwnames, k, key);
            vec[n + k++] = val;
        }
    }
    return scanner_vectorcall(self, vec, (size_t)n, kwnames);
}

static KnObject *scanner_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    static const char *const names[] = {"context", NULL};
    static const KnArgSpec spec = {"make_scanner", names, 1, 1, 0};
    KnObject *ctx;
    if (ob_args_parse_tuple(&spec, args, kwargs, &ctx) < 0)
        return NULL;
    Scanner *s = (Scanner *)ob_type_generic_alloc(t, 0);
    if (s == NULL)
        return NULL;
    KnObject *strict = ob_getattr_str(ctx, "strict");
    if (strict == NULL)
        return NULL;
    int st = ob_is_true(strict);
    if (st < 0)
        return NULL;
    s->strict = (char)st;
    if ((s->object_hook = ob_getattr_str(ctx, "object_hook")) == NULL ||
        (s->object_pairs_hook = ob_getattr_str(ctx, "object_pairs_hook")) == NULL ||
        (s->parse_float = ob_getattr_str(ctx, "parse_float")) == NULL ||
        (s->parse_int = ob_getattr_str(ctx, "parse_int")) == NULL ||
        (s->parse_constant = ob_getattr_str(ctx, "parse_constant")) == NULL)
        return NULL;
    s->vectorcall = scanner_vectorcall;
    return (KnObject *)s;
}

static KnMemberDef scanner_members[] = {
    {"strict", KN_T_BOOL, offsetof(Scanner, strict), KN_READONLY, NULL},
    {"object_hook", KN_T_OBJECT, offsetof(Scanner, object_hook), KN_READONLY, NULL},
    {"object_pairs_hook", KN_T_OBJECT, offsetof(Scanner, object_pairs_hook), KN_READONLY, NULL},
    {"parse_float", KN_T_OBJECT, offsetof(Scanner, parse_float), KN_READONLY, NULL},
    {"parse_int", KN_T_OBJECT, offsetof(Scanner, parse_int), KN_READONLY, NULL},
    {"parse_constant", KN_T_OBJECT, offsetof(Scanner, parse_constant), KN_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

KnTypeObject json_scanner_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_json.Scanner",
    .tp_basicsize = sizeof(Scanner),
    .tp_vectorcall_offset = offsetof(Scanner, vectorcall),
    .tp_call = scanner_call,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE | KN_TPFLAGS_HAVE_VECTORCALL,
    .tp_doc = "JSON scanner object",
    .tp_members = scanner_members,
    .tp_new = scanner_new,
};
