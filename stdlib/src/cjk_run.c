/*
 * cjk_run.c — driving a codec over a whole input with an error handler.
 *
 * "strict", "ignore" and "replace" are handled here as python3.11's
 * multibytecodec does (replace encodes '?' through the codec itself, so a
 * stateful codec switches back to ASCII for it; decoding gives U+FFFD);
 * any other name is looked up with codecs.lookup_error only when an error
 * happens, and its replacement str is encoded strictly in the current
 * state.  Positions in the exception objects are those of `obj`, the
 * whole input (pending data of an incremental codec included).
 */
#include <string.h>

#include "cjk_internal.h"
#include "codecs_internal.h"

#define REASON_ILLEGAL "illegal multibyte sequence"
#define REASON_TOOFEW "incomplete multibyte sequence"

KnObject *cjk_out_to_bytes(CjkOut *o)
{
    return ob_bytes_from_data(o->len ? o->b : (const unsigned char *)"", (kn_ssize_t)o->len);
}

KnObject *cjk_out_to_str(CjkOut *o)
{
    return o->len ? ob_str_from_codepoints(o->u, (kn_ssize_t)o->len) : ob_str_empty();
}

uint32_t *cjk_str_ucs4(KnObject *s, size_t *n)
{
    kn_ssize_t len = ob_str_length(s);
    uint32_t *u = kgc_alloc_atomic(((size_t)len + 1) * sizeof(uint32_t));
    if (u == NULL) {
        ob_err_nomemory();
        return NULL;
    }
    ob_str_copy_ucs4(s, 0, len, u);
    *n = (size_t)len;
    return u;
}

int cjk_errors_arg(KnObject *o, const char **errors)
{
    if (o == NULL || o == KN_None) {
        *errors = "strict";
        return 0;
    }
    if (!KN_STR_CHECK(o)) {
        ob_err_set_string(ob_exc_TypeError, "errors must be a string, not None");
        return -1;
    }
    *errors = ob_str_as_utf8(o, NULL);
    return *errors == NULL ? -1 : 0;
}

/* Call the handler registered as `errors` for in[start:end) of obj; *rep
 * gets its replacement (str, or bytes when encoding), *newpos where to go
 * on (negative counts from the end). */
static int call_handler(const CjkCodec *c, const char *reason, const char *errors, int encoding,
                        KnObject *obj, size_t n, size_t start, size_t end, KnObject **rep,
                        size_t *newpos)
{
    KnObject *h = kn_codecs_lookup_error(errors);
    if (h == NULL)
        return -1;
    KnTypeObject *type = encoding ? ob_exc_UnicodeEncodeError : ob_exc_UnicodeDecodeError;
    KnObject *exc = ob_call((KnObject *)type,
                            ob_tuple_pack(5, ob_str_from_cstr(c->name), obj,
                                          ob_int_from_ssize((kn_ssize_t)start),
                                          ob_int_from_ssize((kn_ssize_t)end),
                                          ob_str_from_cstr(reason)), NULL);
    if (exc == NULL)
        return -1;
    KnObject *r = ob_call_onearg(h, exc);
    if (r == NULL)
        return -1;
    if (!KN_TUPLE_CHECK(r) || KN_SIZE(r) != 2
        || !(KN_STR_CHECK(KN_TUPLE_GET(r, 0)) || (encoding && KN_BYTES_CHECK(KN_TUPLE_GET(r, 0))))
        || !KN_INT_CHECK(KN_TUPLE_GET(r, 1))) {
        ob_err_set_string(ob_exc_TypeError, encoding
                          ? "encoding error handler must return (str, int) tuple"
                          : "decoding error handler must return (str, int) tuple");
        return -1;
    }
    kn_ssize_t p = ob_int_as_ssize(KN_TUPLE_GET(r, 1));
    if (p == -1 && ob_err_occurred()) {
        if (!ob_err_matches((KnObject *)ob_exc_OverflowError))
            return -1;
        ob_err_clear();
    } else if (p < 0) {
        p += (kn_ssize_t)n;
    }
    if (p < 0 || p > (kn_ssize_t)n) {
        ob_err_format(ob_exc_IndexError, "position %zd from error handler out of bounds", p);
        return -1;
    }
    *rep = KN_TUPLE_GET(r, 0);
    *newpos = (size_t)p;
    return 0;
}

static int is(const char *errors, const char *name)
{
    return strcmp(errors, name) == 0;
}

int cjk_encode_run(const CjkCodec *c, CjkState *st, KnObject *obj, const uint32_t *in, size_t n,
                   const char *errors, int flags, CjkOut *out, size_t *consumed)
{
    size_t i = 0;
    while (i < n) {
        size_t used = 0;
        int r = c->encode(c, st, in + i, n - i, flags & CJK_FLUSH, out, &used);
        if (r == CJK_OK) {
            i += used;
            continue;
        }
        if (r == CJK_NOMEM)
            return -1;
        const char *reason = REASON_ILLEGAL;
        size_t len = (size_t)r;
        if (r == CJK_TOOFEW) {
            if (!(flags & CJK_FLUSH))
                break;
            reason = REASON_TOOFEW;
            len = n - i;
        }
        if (is(errors, "ignore")) {
            i += len;
            continue;
        }
        if (is(errors, "replace")) {
            static const uint32_t qm[1] = {'?'};
            size_t u2;
            int rr = c->encode(c, st, qm, 1, 1, out, &u2);
            if (rr == CJK_NOMEM)
                return -1;
            if (rr != CJK_OK)
                errors = "strict";
            else {
                i += len;
                continue;
            }
        }
        KnObject *rep;
        size_t newpos;
        if (call_handler(c, reason, errors, 1, obj, n, i, i + len, &rep, &newpos) < 0)
            return -1;
        if (KN_BYTES_CHECK(rep)) {
            if (cjk_out_bytes(out, (const unsigned char *)KN_BYTES_AS_STRING(rep),
                              (size_t)KN_SIZE(rep)) < 0)
                return -1;
        } else {
            size_t rn, rused;
            uint32_t *ru = cjk_str_ucs4(rep, &rn);
            if (ru == NULL
                || cjk_encode_run(c, st, rep, ru, rn, "strict", CJK_FLUSH, out, &rused) < 0)
                return -1;
        }
        i = newpos;
    }
    if ((flags & CJK_RESET) && c->encreset != NULL && c->encreset(c, st, out) < 0)
        return -1;
    *consumed = i;
    return 0;
}

int cjk_decode_run(const CjkCodec *c, CjkState *st, KnObject *obj, const unsigned char *in,
                   size_t n, const char *errors, int final, CjkOut *out, size_t *consumed)
{
    size_t i = 0;
    while (i < n) {
        size_t used = 0;
        int r = c->decode(c, st, in + i, n - i, out, &used);
        if (r == CJK_OK) {
            i += used;
            continue;
        }
        if (r == CJK_NOMEM)
            return -1;
        const char *reason = REASON_ILLEGAL;
        size_t len = (size_t)r;
        if (r == CJK_TOOFEW) {
            if (!final)
                break;
            reason = REASON_TOOFEW;
            len = n - i;
        }
        if (is(errors, "ignore")) {
            i += len;
            continue;
        }
        if (is(errors, "replace")) {
            if (cjk_out_char(out, 0xFFFD) < 0)
                return -1;
            i += len;
            continue;
        }
        KnObject *rep;
        size_t newpos;
        if (obj == NULL && (obj = ob_bytes_from_data(in, (kn_ssize_t)n)) == NULL)
            return -1;
        if (call_handler(c, reason, errors, 0, obj, n, i, i + len, &rep, &newpos) < 0)
            return -1;
        kn_ssize_t rl = ob_str_length(rep);
        for (kn_ssize_t k = 0; k < rl; k++)
            if (cjk_out_char(out, ob_str_read_char(rep, k)) < 0)
                return -1;
        i = newpos;
    }
    *consumed = i;
    return 0;
}
