/*
 * test_io_cases.c — random operation sequences on the buffered classes and
 * TextIOWrapper, checked against python3.11's traces (io_cases.inc, made by
 * gen_io_cases.py; see its docstring for the format).
 */
#include "test_io_util.h"

typedef struct BufCase {
    char kind;
    const char *initial;
    kn_ssize_t initial_len;
    int size;
    const char *ops, *trace;
} BufCase;

typedef struct TxtCase {
    const char *data;
    kn_ssize_t data_len;
    const char *encoding, *newline, *errors;
    int chunk;
    const char *ops, *trace;
} TxtCase;

#define BUF(k, init, size, ops, trace) {k, init, sizeof(init) - 1, size, ops, trace},
#define TXT(d, enc, nl, err, chunk, ops, trace)
static const BufCase buf_cases[] = {
#include "io_cases.inc"
};
#undef BUF
#undef TXT
#define BUF(k, init, size, ops, trace)
#define TXT(d, enc, nl, err, chunk, ops, trace) {d, sizeof(d) - 1, enc, nl, err, chunk, ops, trace},
static const TxtCase txt_cases[] = {
#include "io_cases.inc"
};

/* Run one op token on f; the repr of the result, or the exception's class
 * name.  *cookie holds the last tell() result for "S". */
static const char *run_op(KnObject *f, const char *tok, int text, KnObject **cookie)
{
    char k = tok[0];
    const char *arg = tok + 1;
    KnObject *r = NULL;
    switch (k) {
    case 'r': case 'l':
        r = *arg ? M(f, k == 'r' ? "read" : "readline", 1, I(atoi(arg)))
                 : M(f, k == 'r' ? "read" : "readline", 0);
        break;
    case 'w': {
        char data[64];
        size_t n = strlen(arg);
        for (size_t i = 0; i <= n && i < sizeof data; i++)
            data[i] = arg[i] == '_' ? '\n' : arg[i];
        r = M(f, "write", 1, text ? S(data) : B(data));
        break;
    }
    case 's': {
        int p = atoi(arg), w = atoi(strchr(arg, '.') + 1);
        r = M(f, "seek", 2, I(p), I(w));
        break;
    }
    case 't':
        r = M(f, "tell", 0);
        if (r != NULL)
            *cookie = r;
        break;
    case 'f':
        r = M(f, "flush", 0);
        break;
    case '1':
        r = M(f, "read1", 1, I(atoi(arg)));
        break;
    case 'p':
        r = M(f, "peek", 1, I(atoi(arg)));
        break;
    case 'i': case 'j': {
        KnObject *ba = ob_bytearray_from_data(NULL, atoi(arg));
        r = M(f, k == 'i' ? "readinto" : "readinto1", 1, ba);
        if (r != NULL) {
            kn_ssize_t n = r == KN_None ? 0 : ob_int_as_ssize(r);
            r = ob_tuple_pack(2, r, BN(((KnByteArrayObject *)ba)->ob_start, n));
        }
        break;
    }
    case 'u':
        r = *arg ? M(f, "truncate", 1, I(atoi(arg))) : M(f, "truncate", 0);
        break;
    case 'S':
        r = M(f, "seek", 1, *cookie);
        break;
    }
    if (r == NULL) {
        KnObject *e = ob_err_fetch();
        return e ? ob_type_name(KN_TYPE(e)) : "no exception";
    }
    KnObject *s = ob_repr(r);
    return s ? ob_str_as_utf8(s, NULL) : "repr failed";
}

/* Compare the next '|'-separated item of *expected with got ('?' matches
 * anything); advances *expected. */
static int item_matches(const char **expected, const char *got)
{
    const char *e = *expected, *bar = strchr(e, '|');
    size_t n = bar ? (size_t)(bar - e) : strlen(e);
    *expected = bar ? bar + 1 : e + n;
    if (n == 1 && e[0] == '?')
        return 1;
    return strlen(got) == n && memcmp(got, e, n) == 0;
}

/* file: the scratch file under a FileIO raw stream, or NULL. */
static int run_trace(KnObject *f, const char *ops, const char *trace, int text, int idx,
                     const char *what, const char *file)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", ops);
    KnObject *cookie = I(0);
    const char *exp = trace;
    for (char *tok = strtok(buf, " "); tok; tok = strtok(NULL, " ")) {
        const char *got = run_op(f, tok, text, &cookie);
        const char *at = exp;
        if (!item_matches(&exp, got)) {
            print_error("%s case %d, op %s: got %s\n  trace %s\n  at    %s\n", what, idx, tok, got,
                        trace, at);
            return 0;
        }
    }
    /* last item: the final contents */
    KnObject *tail;
    if (text) {
        tail = M(f, "seek", 1, I(0));
        if (tail != NULL)
            tail = M(f, "readlines", 0);
    } else {
        KnObject *raw = ob_getattr_str(f, "raw");
        if (!KN_TYPE_CHECK(f, &io_bufferedreader_type))
            M(f, "flush", 0);
        if (file != NULL) {
            M(raw, "close", 0);
            size_t n;
            char *data = tget(file, &n);
            tail = BN(data, (kn_ssize_t)n);
        } else {
            tail = M(raw, "getvalue", 0);
        }
    }
    const char *got;
    if (tail == NULL) {
        KnObject *e = ob_err_fetch();
        got = e ? ob_type_name(KN_TYPE(e)) : "no exception";
    } else {
        got = ob_str_as_utf8(ob_repr(tail), NULL);
    }
    if (!item_matches(&exp, got)) {
        print_error("%s case %d, final: got %s\n  trace %s\n", what, idx, got, trace);
        return 0;
    }
    return 1;
}

static void test_buffered_traces(void **state)
{
    int bad = 0;
    size_t n = sizeof buf_cases / sizeof buf_cases[0];
    for (size_t i = 0; i < n; i++) {
        const BufCase *c = &buf_cases[i];
        char k = (char)(c->kind | 0x20);
        KnTypeObject *t = k == 'r' ? &io_bufferedreader_type
                        : k == 'w' ? &io_bufferedwriter_type : &io_bufferedrandom_type;
        const char *file = c->kind != k ? "trace" : NULL;
        KnObject *raw;
        if (file != NULL) {
            tput(file, c->initial, (size_t)c->initial_len);
            raw = mk(&io_fileio_type, 2, tpath(file), S(c->kind == 'R' ? "rb" : "r+b"));
        } else {
            raw = mk(&io_bytesio_type, 1, BN(c->initial, c->initial_len));
        }
        KnObject *f = assert_ok(mk(t, 2, assert_ok(raw), I(c->size)));
        bad += !run_trace(f, c->ops, c->trace, 0, (int)i, "buffered", file);
        if (file != NULL)
            M(raw, "close", 0);
    }
    assert_int_equal(bad, 0);
}

static void test_text_traces(void **state)
{
    int bad = 0;
    size_t n = sizeof txt_cases / sizeof txt_cases[0];
    for (size_t i = 0; i < n; i++) {
        const TxtCase *c = &txt_cases[i];
        KnObject *kw = ob_dict_new();
        ob_dict_setitem_str(kw, "encoding", S(c->encoding));
        ob_dict_setitem_str(kw, "errors", S(c->errors));
        ob_dict_setitem_str(kw, "newline", c->newline ? S(c->newline) : KN_None);
        KnObject *raw = mk(&io_bytesio_type, 1, BN(c->data, c->data_len));
        KnObject *f = assert_ok(ob_call((KnObject *)&io_textiowrapper_type, ob_tuple_pack(1, raw), kw));
        assert_int_equal(ob_setattr_str(f, "_CHUNK_SIZE", I(c->chunk)), 0);
        bad += !run_trace(f, c->ops, c->trace, 1, (int)i, "text", NULL);
    }
    assert_int_equal(bad, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_buffered_traces),
        cmocka_unit_test(test_text_traces),
    };
    return cmocka_run_group_tests(tests, io_setup, io_teardown);
}
