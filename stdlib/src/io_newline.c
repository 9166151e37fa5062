/*
 * io_newline.c — newline handling shared by StringIO and TextIOWrapper,
 * and the IncrementalNewlineDecoder class built on it.
 *
 * Text is handled as arrays of code points (uint32_t).  The decoder state:
 * `pendingcr` — the previous chunk ended in '\r' that was held back, since
 * a following '\n' would make it one "\r\n"; `seennl` — which endings were
 * met (IO_NL_LF | IO_NL_CR | IO_NL_CRLF), reported by `newlines`.
 */
#include <string.h>

#include "libgc/gc.h"
#include "io_internal.h"

uint32_t *io_ucs4_of(KnObject *s, kn_ssize_t *n)
{
    kn_ssize_t len = ob_str_length(s);
    uint32_t *buf = kgc_alloc_atomic((size_t)(len + 1) * sizeof(uint32_t));
    if (buf == NULL) {
        ob_err_nomemory();
        return NULL;
    }
    ob_str_copy_ucs4(s, 0, len, buf);
    *n = len;
    return buf;
}

int io_nl_process(IoNlState *st, const uint32_t *in, kn_ssize_t n, int final, uint32_t **out,
                  kn_ssize_t *outn)
{
    uint32_t *buf = kgc_alloc_atomic((size_t)(n + 2) * sizeof(uint32_t));
    if (buf == NULL) {
        ob_err_nomemory();
        return -1;
    }
    kn_ssize_t len = 0;
    if (st->pendingcr && (n > 0 || final)) {
        buf[len++] = '\r';
        st->pendingcr = 0;
    }
    io_memcpy(buf + len, in, (size_t)n * sizeof(uint32_t));
    len += n;
    if (!final && len > 0 && buf[len - 1] == '\r') {
        len--;
        st->pendingcr = 1;
    }
    /* note the endings, translating in place when asked */
    kn_ssize_t w = 0;
    for (kn_ssize_t i = 0; i < len; i++) {
        uint32_t c = buf[i];
        if (c == '\n') {
            st->seennl |= IO_NL_LF;
        } else if (c == '\r') {
            if (i + 1 < len && buf[i + 1] == '\n') {
                st->seennl |= IO_NL_CRLF;
                if (st->translate) {
                    buf[w++] = '\n';
                    i++;
                    continue;
                }
            } else {
                st->seennl |= IO_NL_CR;
            }
            if (st->translate)
                c = '\n';
        }
        buf[w++] = c;
    }
    *out = buf;
    *outn = w;
    return 0;
}

KnObject *io_nl_newlines(int seennl)
{
    static const char *const one[] = {NULL, "\n", "\r", NULL, "\r\n"};
    switch (seennl) {
    case 0:
        return KN_None;
    case IO_NL_LF: case IO_NL_CR: case IO_NL_CRLF:
        return ob_str_from_cstr(one[seennl]);
    case IO_NL_CR | IO_NL_LF:
        return ob_tuple_pack(2, ob_str_from_cstr("\r"), ob_str_from_cstr("\n"));
    case IO_NL_CR | IO_NL_CRLF:
        return ob_tuple_pack(2, ob_str_from_cstr("\r"), ob_str_from_cstr("\r\n"));
    case IO_NL_LF | IO_NL_CRLF:
        return ob_tuple_pack(2, ob_str_from_cstr("\n"), ob_str_from_cstr("\r\n"));
    default:
        return ob_tuple_pack(3, ob_str_from_cstr("\r"), ob_str_from_cstr("\n"),
                             ob_str_from_cstr("\r\n"));
    }
}

kn_ssize_t io_find_line_end(const uint32_t *s, kn_ssize_t start, kn_ssize_t end, int translated,
                            int universal, const uint32_t *nl, int nllen, kn_ssize_t *consumed)
{
    if (translated) {
        for (kn_ssize_t i = start; i < end; i++)
            if (s[i] == '\n')
                return i + 1;
        *consumed = end;
        return -1;
    }
    if (universal) {
        for (kn_ssize_t i = start; i < end; i++) {
            if (s[i] == '\n')
                return i + 1;
            if (s[i] == '\r') {
                if (i + 1 < end && s[i + 1] == '\n')
                    return i + 2;
                return i + 1;
            }
        }
        *consumed = end;
        return -1;
    }
    for (kn_ssize_t i = start; i + nllen <= end; i++) {
        if (s[i] == nl[0] && (nllen == 1 || s[i + 1] == nl[1]))
            return i + nllen;
    }
    /* a terminator may begin in the last nllen - 1 characters */
    *consumed = end;
    for (kn_ssize_t i = end - nllen + 1 > start ? end - nllen + 1 : start; i < end; i++)
        if (s[i] == nl[0]) {
            *consumed = i;
            break;
        }
    return -1;
}

/* ------------------------------------------- IncrementalNewlineDecoder */

typedef struct IoNlDecoder {
    KN_OBJECT_HEAD;
    KnObject *decoder;      /* inner decoder or None */
    KnObject *errors;
    IoNlState st;
    int ok;
} IoNlDecoder;

#define D(o) ((IoNlDecoder *)(o))

static int check_ok(KnObject *self)
{
    if (!D(self)->ok) {
        ob_err_set_string(ob_exc_ValueError,
                          "IncrementalNewlineDecoder.__init__() not called");
        return -1;
    }
    return 0;
}

static const char *const nld_kw[] = {"decoder", "translate", "errors", NULL};
static const KnArgSpec nld_spec = {"IncrementalNewlineDecoder", nld_kw, 2, 3, 0};

static int nld_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    KnObject *a[3];
    if (ob_args_parse_tuple(&nld_spec, args, kwargs, a) < 0)
        return -1;
    int tr = ob_is_true(a[1]);
    if (tr < 0)
        return -1;
    D(self)->decoder = a[0];
    D(self)->errors = a[2] ? a[2] : ob_str_from_cstr("strict");
    D(self)->st.translate = tr;
    D(self)->st.pendingcr = 0;
    D(self)->st.seennl = 0;
    D(self)->ok = 1;
    return 0;
}

KnObject *io_nldecoder_decode(KnObject *self, KnObject *input, int final)
{
    if (check_ok(self) < 0)
        return NULL;
    KnObject *text = input;
    if (D(self)->decoder != KN_None) {
        KnObject *kw = ob_tuple_pack(1, ob_str_intern_cstr("final"));
        KnObject *meth = ob_getattr_str(D(self)->decoder, "decode");
        if (meth == NULL || kw == NULL)
            return NULL;
        text = ob_vectorcall(meth, (KnObject *[]){input, KN_BOOL(final)}, 1, kw);
        if (text == NULL)
            return NULL;
    }
    if (!KN_STR_CHECK(text))
        return ob_err_format(ob_exc_TypeError, "decoder should return a string result, not '%s'",
                             ob_type_name(KN_TYPE(text)));
    kn_ssize_t n, outn;
    uint32_t *in = io_ucs4_of(text, &n), *out;
    if (in == NULL || io_nl_process(&D(self)->st, in, n, final, &out, &outn) < 0)
        return NULL;
    return ob_str_from_kind_data(KN_STR_4BYTE_KIND, out, outn);
}

static const char *const decode_kw[] = {"input", "final", NULL};
static const KnArgSpec decode_spec = {"decode", decode_kw, 1, 2, 0};

static KnObject *nld_decode(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                            KnObject *kwnames)
{
    KnObject *a[2];
    if (ob_args_parse(&decode_spec, args, nargs, kwnames, a) < 0)
        return NULL;
    int final = 0;
    if (a[1] != NULL && (final = ob_is_true(a[1])) < 0)
        return NULL;
    return io_nldecoder_decode(self, a[0], final);
}

static KnObject *nld_getstate(KnObject *self, KnObject *unused)
{
    if (check_ok(self) < 0)
        return NULL;
    KnObject *buf;
    long long flag;
    if (D(self)->decoder != KN_None) {
        KnObject *st = ob_call_method(D(self)->decoder, "getstate", 0);
        if (st == NULL)
            return NULL;
        if (!KN_TUPLE_CHECK(st) || KN_SIZE(st) != 2 || !KN_INT_CHECK(KN_TUPLE_GET(st, 1)))
            return ob_err_format(ob_exc_TypeError, "illegal decoder state");
        buf = KN_TUPLE_GET(st, 0);
        flag = ob_int_as_long_long(KN_TUPLE_GET(st, 1));
        if (flag == -1 && ob_err_occurred())
            return NULL;
        flag <<= 1;
    } else {
        buf = ob_bytes_from_data("", 0);
        flag = 0;
    }
    if (D(self)->st.pendingcr)
        flag |= 1;
    return ob_tuple_pack(2, buf, ob_int_from_long_long(flag));
}

static KnObject *nld_setstate(KnObject *self, KnObject *state)
{
    if (check_ok(self) < 0)
        return NULL;
    if (!KN_TUPLE_CHECK(state) || KN_SIZE(state) != 2)
        return ob_err_format(ob_exc_TypeError, "state argument must be a tuple");
    long long flag = ob_int_as_long_long(KN_TUPLE_GET(state, 1));
    if (flag == -1 && ob_err_occurred())
        return NULL;
    D(self)->st.pendingcr = (int)(flag & 1);
    if (D(self)->decoder != KN_None) {
        KnObject *t = ob_tuple_pack(2, KN_TUPLE_GET(state, 0), ob_int_from_long_long(flag >> 1));
        if (t == NULL || ob_call_method(D(self)->decoder, "setstate", 1, t) == NULL)
            return NULL;
    }
    return KN_None;
}

static KnObject *nld_reset(KnObject *self, KnObject *unused)
{
    if (check_ok(self) < 0)
        return NULL;
    D(self)->st.seennl = 0;
    D(self)->st.pendingcr = 0;
    if (D(self)->decoder != KN_None && ob_call_method(D(self)->decoder, "reset", 0) == NULL)
        return NULL;
    return KN_None;
}

static KnObject *nld_newlines(KnObject *self, void *closure)
{
    if (check_ok(self) < 0)
        return NULL;
    return io_nl_newlines(D(self)->st.seennl);
}

static KnMethodDef nld_methods[] = {
    {"decode", FC(nld_decode), KN_METH_FASTCALL | KN_METH_KEYWORDS, NULL},
    {"getstate", FC(nld_getstate), KN_METH_NOARGS, NULL},
    {"setstate", FC(nld_setstate), KN_METH_O, NULL},
    {"reset", FC(nld_reset), KN_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static KnGetSetDef nld_getset[] = {
    {"newlines", nld_newlines, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

KnTypeObject io_nldecoder_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_io.IncrementalNewlineDecoder",
    .tp_basicsize = sizeof(IoNlDecoder),
    .tp_getattro = ob_generic_getattr,
    .tp_setattro = ob_generic_setattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_doc = "Codec used when reading a file in universal newlines mode.",
    .tp_methods = nld_methods,
    .tp_getset = nld_getset,
    .tp_init = nld_init,
    .tp_new = ob_type_generic_new,
};
