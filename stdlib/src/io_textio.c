/*
 * io_textio.c — _io.TextIOWrapper: text over a buffered binary stream.
 *
 * Reading decodes chunks of chunk_size bytes (buffer.read1 when it exists)
 * into chars[], applying the newline rules of newline=:
 *   None   universal newlines, translated to '\n' (readtranslate);
 *   ""     universal newlines, untranslated;
 *   "\n", "\r", "\r\n"   lines end at that string only.
 * Writing encodes (with '\n' -> writenl for "\r" / "\r\n") into `pending`,
 * handed to the buffer when it passes chunk_size, on write_through, or on
 * a newline under line_buffering (which also flushes the buffer).
 * tell()/seek() use plain byte offsets as cookies (io_textio_tell.c).
 */
#include <string.h>

#include "libgc/gc.h"
#include "io_textio.h"

#define T(o) ((IoText *)(o))

/* ------------------------------------------------------------- checks */

static int check_attached(IoText *t)
{
    if (!t->ok) {
        ob_err_set_string(ob_exc_ValueError, t->detached ? "underlying buffer has been detached"
                                                         : "I/O operation on uninitialized object");
        return -1;
    }
    return 0;
}

static int check_open(KnObject *self)
{
    if (check_attached(T(self)) < 0)
        return -1;
    KnObject *c = ob_getattr_str(T(self)->buffer, "closed");
    if (c == NULL)
        return -1;
    int r = ob_is_true(c);
    if (r < 0)
        return -1;
    if (r) {
        io_err_closed();
        return -1;
    }
    return 0;
}

/* ------------------------------------------------------- configuration */

/* Parse newline= (NULL: absent = None). */
static int set_newline(IoText *t, KnObject *nl)
{
    const char *s = NULL;
    if (nl != NULL && nl != KN_None) {
        if (!KN_STR_CHECK(nl)) {
            ob_err_format(ob_exc_TypeError,
                          "TextIOWrapper() argument 'newline' must be str or None, not %s",
                          ob_type_name(KN_TYPE(nl)));
            return -1;
        }
        s = ob_str_as_utf8(nl, NULL);
        if (s == NULL)
            return -1;
        if (strcmp(s, "") && strcmp(s, "\n") && strcmp(s, "\r") && strcmp(s, "\r\n")) {
            ob_err_format(ob_exc_ValueError, "illegal newline value: %s", s);
            return -1;
        }
    }
    t->newline = s == NULL ? KN_None : nl;
    t->readuniversal = s == NULL || s[0] == '\0';
    t->readtranslate = s == NULL;
    t->readnl_len = 0;
    if (s != NULL)
        for (const char *p = s; *p; p++)
            t->readnl[t->readnl_len++] = (uint32_t)*p;
    /* '\n' stays '\n' on POSIX for newline=None */
    t->writenl = s != NULL && s[0] == '\r' ? (s[1] ? "\r\n" : "\r") : NULL;
    t->nl = (IoNlState){0, 0, t->readtranslate};
    return 0;
}

static int set_encoding(IoText *t, KnObject *enc, KnObject *errors)
{
    if (enc != NULL && enc != KN_None && !KN_STR_CHECK(enc)) {
        ob_err_format(ob_exc_TypeError, "TextIOWrapper() argument 'encoding' must be str or None, "
                      "not %s", ob_type_name(KN_TYPE(enc)));
        return -1;
    }
    if (errors != NULL && errors != KN_None && !KN_STR_CHECK(errors)) {
        ob_err_format(ob_exc_TypeError, "TextIOWrapper() argument 'errors' must be str or None, "
                      "not %s", ob_type_name(KN_TYPE(errors)));
        return -1;
    }
    /* The locale's encoding is taken to be UTF-8 (NOTES-io.md). */
    if (enc == NULL || enc == KN_None || ob_str_equal_cstr(enc, "locale"))
        enc = ob_str_from_cstr("UTF-8");
    if (errors == NULL || errors == KN_None)
        errors = ob_str_from_cstr("strict");
    const char *e = ob_str_as_utf8(enc, NULL), *r = ob_str_as_utf8(errors, NULL);
    if (e == NULL || r == NULL)
        return -1;
    if (io_codec_lookup(e, &t->codec) < 0 || io_errors_lookup(r, &t->err) < 0)
        return -1;
    t->encoding = enc;
    t->errors = errors;
    return 0;
}

static void reset_decoder(IoText *t)
{
    t->chars = NULL;
    t->nchars = t->charpos = t->charcap = 0;
    t->npartial = 0;
    t->eof = 0;
    t->last_ndec = 0;
    t->nl.pendingcr = 0;
    t->snap = (IoBytes){0};
    t->snap_valid = 0;
    t->had_chunk = 0;
    t->lost = 0;
    t->bom_len = 0;
}

static int is_bom_codec(IoCodecKind k)
{
    return k == IO_CODEC_UTF16 || k == IO_CODEC_UTF32 || k == IO_CODEC_UTF8SIG;
}

/* "utf-16"/"utf-32" write a BOM first unless the stream does not start
 * here (CPython checks buffer.tell() when it can). */
static int init_encoder_state(IoText *t)
{
    t->bom_pending = is_bom_codec(t->codec0.kind);
    if (!t->bom_pending || !t->seekable)
        return 0;
    int w = io_call_bool(t->buffer, "writable");
    if (w <= 0)
        return w;
    KnObject *pos = ob_call_method(t->buffer, "tell", 0);
    if (pos == NULL)
        return -1;
    int zero = ob_richcompare_bool(pos, ob_int_from_ssize(0), KN_EQ);
    if (zero < 0)
        return -1;
    t->bom_pending = zero;
    return 0;
}

/* After a seek to `at_start` (the stream's beginning) or elsewhere: a BOM
 * is looked for / written again only at the start; elsewhere the native
 * order (little-endian) applies until a BOM was seen. */
static void seeked(IoText *t, int at_start)
{
    if (at_start) {
        t->codec = t->codec0;
        t->bom_pending = is_bom_codec(t->codec0.kind);
    } else {
        /* CPython's cookie carries the byte order; Kiln's plain offset
         * relies on the order the stream's BOM selected */
        if (is_bom_codec(t->codec.kind))
            t->codec = t->detected;
        if (t->codec.kind == IO_CODEC_UTF16)
            t->codec = (IoCodec){IO_CODEC_UTF16LE, "utf-16-le"};
        else if (t->codec.kind == IO_CODEC_UTF32)
            t->codec = (IoCodec){IO_CODEC_UTF32LE, "utf-32-le"};
        else if (t->codec.kind == IO_CODEC_UTF8SIG)
            t->codec = (IoCodec){IO_CODEC_UTF8, "utf-8"};
        t->bom_pending = 0;
    }
}

/* The codec name for the next encode (a BOM-writing one only once). */
static const char *encode_name(IoText *t)
{
    if (!is_bom_codec(t->codec0.kind) || t->codec0.kind == IO_CODEC_UTF8SIG)
        return t->codec0.name;      /* utf-8-sig: the BOM is added by write() */
    if (t->bom_pending)
        return t->codec0.name;
    return t->codec0.kind == IO_CODEC_UTF16 ? "utf-16-le" : "utf-32-le";
}

/* Before decoding `in` with "utf-16"/"utf-32": 1 go on (*skip: BOM bytes
 * to pass over), 0 more bytes needed, -1 no BOM (UnicodeError). */
static int resolve_bom(IoText *t, const uint8_t *in, kn_ssize_t len, int final, kn_ssize_t *skip)
{
    *skip = 0;
    if (!is_bom_codec(t->codec.kind))
        return 1;
    if (t->codec.kind == IO_CODEC_UTF8SIG) {
        /* a BOM, or a cut one, is dropped; anything else is utf-8 */
        static const uint8_t bom[3] = {0xEF, 0xBB, 0xBF};
        if (len == 0)
            return final ? 1 : 0;
        kn_ssize_t k = len < 3 ? len : 3;
        if (k < 3 && memcmp(in, bom, (size_t)k) == 0 && !final)
            return 0;
        t->codec = t->detected = (IoCodec){IO_CODEC_UTF8, "utf-8"};
        if (memcmp(in, bom, (size_t)k) == 0)
            *skip = k;
        return 1;
    }
    kn_ssize_t need = t->codec.kind == IO_CODEC_UTF16 ? 2 : 4;
    if (len == 0)
        return final ? 1 : 0;
    if (len < need && !final)
        return 0;
    *skip = io_codec_bom(&t->codec, in, len);
    if (*skip > 0) {
        t->detected = t->codec;
        return 1;
    }
    /* no BOM: CPython decodes in the native order first (its errors come
     * first), then refuses once a whole unit was seen */
    IoCodec native = need == 2 ? (IoCodec){IO_CODEC_UTF16LE, "utf-16-le"}
                               : (IoCodec){IO_CODEC_UTF32LE, "utf-32-le"};
    uint32_t *d;
    kn_ssize_t nd, used;
    if (io_codec_decode(&native, t->err, in, len, final, &d, &nd, &used) < 0)
        return -1;
    if (used < need)
        return final ? 1 : 0;
    ob_err_format(ob_exc_UnicodeError, "UTF-%d stream does not start with BOM", need == 2 ? 16 : 32);
    return -1;
}

/* '\r' as the codec writes it; its length. */
static int cr_bytes(const IoCodec *c, uint8_t out[4])
{
    memset(out, 0, 4);
    switch (c->kind) {
    case IO_CODEC_UTF16LE: out[0] = '\r'; return 2;
    case IO_CODEC_UTF16BE: out[1] = '\r'; return 2;
    case IO_CODEC_UTF32LE: out[0] = '\r'; return 4;
    case IO_CODEC_UTF32BE: out[3] = '\r'; return 4;
    case IO_CODEC_REGISTRY: {
        KnObject *b = ob_str_encode(ob_str_from_cstr("\r"), c->name, "strict");
        if (b != NULL && KN_SIZE(b) >= 1 && KN_SIZE(b) <= 4) {
            io_memcpy(out, KN_BYTES_AS_STRING(b), (size_t)KN_SIZE(b));
            return (int)KN_SIZE(b);
        }
        ob_err_clear();     /* no '\r' in this codec: none was decoded either */
        out[0] = '\r';
        return 1;
    }
    default: out[0] = '\r'; return 1;
    }
}

static const char *const text_kw[] = {"buffer", "encoding", "errors", "newline",
                                      "line_buffering", "write_through", NULL};
static const KnArgSpec text_spec = {"TextIOWrapper", text_kw, 1, 6, 0};

static int textio_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    IoText *t = T(self);
    KnObject *a[6];
    if (ob_args_parse_tuple(&text_spec, args, kwargs, a) < 0)
        return -1;
    t->ok = 0;
    t->detached = 0;
    if (set_encoding(t, a[1], a[2]) < 0 || set_newline(t, a[3]) < 0)
        return -1;
    t->line_buffering = t->write_through = 0;
    if (a[4] != NULL && (t->line_buffering = ob_is_true(a[4])) < 0)
        return -1;
    if (a[5] != NULL && (t->write_through = ob_is_true(a[5])) < 0)
        return -1;
    KnObject *buffer = a[0];
    int s = io_call_bool(buffer, "seekable");
    if (s < 0)
        return -1;
    t->buffer = buffer;
    t->seekable = t->telling = s;
    t->has_read1 = ob_hasattr(buffer, ob_str_intern_cstr("read1"));
    t->chunk_size = IO_DEFAULT_BUFFER_SIZE;
    t->pending = (IoBytes){0};
    t->codec0 = t->detected = t->codec;
    reset_decoder(t);
    if (init_encoder_state(t) < 0)
        return -1;
    t->ok = 1;
    return 0;
}

/* ------------------------------------------------------------ writing */

static int flush_pending(IoText *t)
{
    if (t->pending.len == 0)
        return 0;
    KnObject *b = ob_bytes_from_data(t->pending.data, t->pending.len);
    t->pending = (IoBytes){0};
    if (b == NULL || ob_call_method(t->buffer, "write", 1, b) == NULL)
        return -1;
    return 0;
}

static KnObject *textio_write(KnObject *self, KnObject *text)
{
    IoText *t = T(self);
    if (!KN_STR_CHECK(text))
        return ob_err_format(ob_exc_TypeError, "write() argument must be str, not %s",
                             ob_type_name(KN_TYPE(text)));
    if (check_open(self) < 0)
        return NULL;
    kn_ssize_t len = ob_str_length(text);
    KnObject *out = text;
    int haslf = 0;
    if (t->writenl != NULL || t->line_buffering) {
        kn_ssize_t lf = ob_str_find(text, ob_str_from_cstr("\n"), 0, len, 0);
        haslf = lf >= 0;
        if (haslf && t->writenl != NULL) {
            out = ob_str_replace(text, ob_str_from_cstr("\n"), ob_str_from_cstr(t->writenl), -1);
            if (out == NULL)
                return NULL;
        }
        if (!haslf && t->line_buffering)
            haslf = ob_str_find(text, ob_str_from_cstr("\r"), 0, len, 0) >= 0;
    }
    int needflush = t->write_through || (t->line_buffering && haslf);
    if (t->codec0.kind == IO_CODEC_UTF8SIG && t->bom_pending &&
        io_bytes_append(&t->pending, "\xef\xbb\xbf", 3) < 0)
        return NULL;
    KnObject *b = ob_str_encode(out, encode_name(t), ob_str_as_utf8(t->errors, NULL));
    if (b == NULL)
        return NULL;
    t->bom_pending = 0;
    if (io_bytes_append(&t->pending, KN_BYTES_AS_STRING(b), KN_SIZE(b)) < 0)
        return NULL;
    if (needflush || t->pending.len > t->chunk_size) {
        if (flush_pending(t) < 0)
            return NULL;
    }
    if (t->line_buffering && haslf && ob_call_method(t->buffer, "flush", 0) == NULL)
        return NULL;
    /* what was decoded ahead no longer describes the stream; like
     * CPython's decoder.reset(), "utf-16"/"utf-32" look for a BOM again */
    reset_decoder(t);
    t->codec = t->codec0;
    return ob_int_from_ssize(len);
}

/* ------------------------------------------------------------ reading */

static int append_chars(IoText *t, const uint32_t *c, kn_ssize_t n)
{
    if (t->nchars + n > t->charcap) {
        kn_ssize_t cap = t->charcap < 256 ? 256 : t->charcap;
        while (cap < t->nchars + n)
            cap *= 2;
        uint32_t *p = t->chars ? kgc_realloc(t->chars, (size_t)cap * 4)
                               : kgc_alloc_atomic((size_t)cap * 4);
        if (p == NULL) {
            ob_err_nomemory();
            return -1;
        }
        t->chars = p;
        t->charcap = cap;
    }
    io_memcpy(t->chars + t->nchars, c, (size_t)n * 4);
    t->nchars += n;
    return 0;
}

/* Start a fresh snapshot when everything decoded was consumed: the held
 * bytes (a pending '\r', a cut character) become its first bytes and the
 * decoder restarts clean. */
static int maybe_restart(IoText *t)
{
    if (t->snap_valid && t->charpos < t->nchars)
        return 0;
    uint8_t held[8];
    int nh = 0, had = t->had_chunk;
    if (t->nl.pendingcr)
        nh = cr_bytes(&t->codec, held);
    io_memcpy(held + nh, t->partial, (size_t)t->npartial);
    nh += t->npartial;
    reset_decoder(t);       /* also forgets EOF: the stream may have grown */
    t->snap_valid = 1;
    t->had_chunk = had;
    if (nh > 0) {
        if (io_bytes_append(&t->snap, (const char *)held, nh) < 0)
            return -1;
        io_memcpy(t->partial, held, (size_t)nh);   /* fed again with the next chunk */
        t->npartial = nh;
    }
    return 0;
}

/* Decode one more chunk into chars: 1 data came, 0 at EOF, -1 error.
 * size_hint: characters the caller still wants (0: a line); the chunk is
 * sized from it by the last bytes-per-char ratio, as CPython does — it
 * decides where the buffer stands, which later writes can see. */
static int read_chunk(IoText *t, kn_ssize_t size_hint)
{
    if (maybe_restart(t) < 0)
        return -1;
    if (t->eof)
        return 0;
    kn_ssize_t want = t->chunk_size;
    if (size_hint > 0) {
        double r = t->b2cratio > 1.0 ? t->b2cratio : 1.0;
        double h = r * (double)size_hint;
        if (h > (double)want)
            want = h >= (double)KN_SSIZE_HALF ? KN_SSIZE_HALF : (kn_ssize_t)h;
    }
    KnObject *chunk = ob_call_method(t->buffer, t->has_read1 ? "read1" : "read", 1,
                                     ob_int_from_ssize(want));
    if (chunk == NULL)
        return -1;
    if (chunk == KN_None)
        chunk = ob_bytes_from_data("", 0);
    if (!KN_BYTES_CHECK(chunk)) {
        ob_err_format(ob_exc_TypeError, "underlying %s() should have returned a bytes-like "
                      "object, not '%s'", t->has_read1 ? "read1" : "read",
                      ob_type_name(KN_TYPE(chunk)));
        return -1;
    }
    kn_ssize_t n = KN_SIZE(chunk);
    t->eof = n == 0;
    if (io_bytes_append(&t->snap, KN_BYTES_AS_STRING(chunk), n) < 0)
        return -1;
    /* input = cut character so far + chunk */
    IoBytes in = {0};
    if (io_bytes_append(&in, (const char *)t->partial, t->npartial) < 0 ||
        io_bytes_append(&in, KN_BYTES_AS_STRING(chunk), n) < 0)
        return -1;
    kn_ssize_t skip;
    int rb = resolve_bom(t, (const uint8_t *)in.data, in.len, t->eof, &skip);
    if (rb < 0)
        goto failed;
    if (rb == 0) {                      /* too short to tell a BOM yet */
        io_memcpy(t->partial, in.data, (size_t)in.len);
        t->npartial = (int)in.len;
        return 1;
    }
    if (skip > 0) {
        t->bom_at = t->snap.len - in.len;
        t->bom_len = skip;
    }
    uint32_t *dec;
    kn_ssize_t ndec, used;
    if (io_codec_decode(&t->codec, t->err, (const uint8_t *)in.data + skip, in.len - skip, t->eof,
                        &dec, &ndec, &used) < 0) {
    failed:
        /* as CPython: the undecodable chunk is gone from the buffer and
         * the text decoded so far for this call is lost; the decoder keeps
         * the bytes it held before the chunk */
        if (t->had_chunk) {
            /* CPython's snapshot is still the last good chunk, measured
             * back from the buffer's new position: tell() is that minus
             * the chunk's input, plus the characters returned from it —
             * none after readline() (which drops them first), all of them
             * after read(n), i.e. all but the bytes the decoder holds */
            t->nchars = t->charpos = 0;
            t->snap = (IoBytes){0};
            t->lost = size_hint > 0 ? t->npartial + t->nl.pendingcr : t->last_input;
            if (size_hint == 0)
                t->last_ndec = 0;   /* readline() had let go of the chunk's text */
        } else {
            /* no snapshot: tell() is the buffer's position; the decoder
             * still holds what it held */
            uint8_t keep[8];
            int nkeep = t->npartial, cr = t->nl.pendingcr;
            io_memcpy(keep, t->partial, (size_t)nkeep);
            reset_decoder(t);
            io_memcpy(t->partial, keep, (size_t)nkeep);
            t->npartial = nkeep;
            t->nl.pendingcr = cr;
        }
        return -1;
    }
    used += skip;
    t->npartial = (int)(in.len - used);
    io_memcpy(t->partial, in.data + used, (size_t)t->npartial);
    if (t->readuniversal) {
        /* the held '\r' of a previous chunk is part of this snapshot's
         * bytes already; io_nl_process re-emits it */
        if (io_nl_process(&t->nl, dec, ndec, t->eof, &dec, &ndec) < 0)
            return -1;
    }
    if (append_chars(t, dec, ndec) < 0)
        return -1;
    t->b2cratio = ndec > 0 ? (double)n / (double)ndec : 0.0;
    t->had_chunk = 1;
    t->last_input = in.len;
    t->last_ndec = ndec;
    return !t->eof;
}

static KnObject *take_chars(IoText *t, kn_ssize_t n)
{
    KnObject *r = ob_str_from_kind_data(KN_STR_4BYTE_KIND, t->chars + t->charpos, n);
    if (r != NULL)
        t->charpos += n;
    return r;
}

static KnObject *textio_read(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    IoText *t = T(self);
    if (ob_args_check_positional("read", nargs, 0, 1) < 0 || check_attached(t) < 0)
        return NULL;
    kn_ssize_t n;
    if (io_size_arg(nargs ? args[0] : NULL, &n) < 0 || check_open(self) < 0)
        return NULL;
    if (flush_pending(t) < 0)
        return NULL;
    if (n < 0) {
        KnObject *all = ob_call_method(t->buffer, "read", 0);
        if (all == NULL)
            return NULL;
        if (all == KN_None)
            all = ob_bytes_from_data("", 0);
        if (!KN_BYTES_CHECK(all))
            return ob_err_format(ob_exc_TypeError, "underlying read() should have returned a "
                                 "bytes object, not '%s'", ob_type_name(KN_TYPE(all)));
        /* decode what is left as the final input; on an error the decoder
         * keeps what it held (a cut character, a '\r'), as CPython's */
        IoBytes in = {0};
        if (io_bytes_append(&in, (const char *)t->partial, t->npartial) < 0 ||
            io_bytes_append(&in, KN_BYTES_AS_STRING(all), KN_SIZE(all)) < 0)
            return NULL;
        uint32_t *dec;
        kn_ssize_t ndec, used, skip;
        if (resolve_bom(t, (const uint8_t *)in.data, in.len, 1, &skip) < 0)
            return NULL;
        if (io_codec_decode(&t->codec, t->err, (const uint8_t *)in.data + skip, in.len - skip, 1,
                            &dec, &ndec, &used) < 0)
            return NULL;
        if (t->readuniversal && io_nl_process(&t->nl, dec, ndec, 1, &dec, &ndec) < 0)
            return NULL;
        /* only now is what was decoded before handed out (CPython keeps
         * it when the decode fails) */
        KnObject *rest = take_chars(t, t->nchars - t->charpos);
        reset_decoder(t);
        KnObject *tail = ob_str_from_kind_data(KN_STR_4BYTE_KIND, dec, ndec);
        return tail && rest ? ob_str_concat(rest, tail) : NULL;
    }
    while (t->nchars - t->charpos < n) {
        int r = read_chunk(t, n - (t->nchars - t->charpos));
        if (r < 0)
            return NULL;
        if (r == 0)
            break;
    }
    kn_ssize_t k = t->nchars - t->charpos;
    return take_chars(t, k < n ? k : n);
}

static KnObject *readline_limit(KnObject *self, kn_ssize_t limit)
{
    IoText *t = T(self);
    if (check_open(self) < 0 || flush_pending(t) < 0)
        return NULL;
    /* like CPython: unless the last chunk gave characters (used or not),
     * decode some before looking at the limit */
    while (t->last_ndec == 0) {
        int r = read_chunk(t, 0);
        if (r < 0)
            return NULL;
        if (r == 0)
            break;
    }
    kn_ssize_t scan = t->charpos;
    for (;;) {
        kn_ssize_t consumed = scan;
        kn_ssize_t end = io_find_line_end(t->chars, scan, t->nchars, t->readtranslate,
                                          t->readuniversal, t->readnl, t->readnl_len, &consumed);
        if (end >= 0) {
            kn_ssize_t have = end - t->charpos;
            return take_chars(t, limit >= 0 && have > limit ? limit : have);
        }
        /* no terminator yet: only the part that cannot begin one counts
         * against the limit (CPython reads on otherwise) */
        if (limit >= 0 && consumed - t->charpos >= limit)
            return take_chars(t, limit);
        if (t->eof) {
            kn_ssize_t have = t->nchars - t->charpos;
            return take_chars(t, limit >= 0 && have > limit ? limit : have);
        }
        /* more is needed: decoded chars are kept, unless all were used
         * (then the snapshot restarts and chars[] begins afresh) */
        int restart = !t->snap_valid || t->charpos >= t->nchars;
        if (read_chunk(t, 0) < 0)
            return NULL;
        scan = restart ? t->charpos : consumed;
    }
}

static KnObject *textio_readline(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("readline", nargs, 0, 1) < 0 || check_attached(T(self)) < 0)
        return NULL;
    kn_ssize_t n;
    if (io_size_arg(nargs ? args[0] : NULL, &n) < 0)
        return NULL;
    return readline_limit(self, n);
}

static KnObject *textio_iternext(KnObject *self)
{
    IoText *t = T(self);
    KnObject *line;
    if (check_attached(t) < 0)
        return NULL;
    t->telling = 0;
    if (KN_TYPE(self) == &io_textiowrapper_type) {
        line = readline_limit(self, -1);
    } else {
        line = ob_call_method(self, "readline", 0);
        if (line != NULL && !KN_STR_CHECK(line))
            return ob_err_format(ob_exc_OSError, "readline() should have returned a str object, "
                                 "not '%s'", ob_type_name(KN_TYPE(line)));
    }
    if (line == NULL || ob_str_length(line) == 0) {
        t->snap_valid = 0;
        t->telling = t->seekable;
        return NULL;
    }
    return line;
}

/* ----------------------------------------------------------- position */

static KnObject *textio_flush(KnObject *self, KnObject *unused)
{
    IoText *t = T(self);
    if (check_open(self) < 0)
        return NULL;
    t->telling = t->seekable;
    if (flush_pending(t) < 0)
        return NULL;
    return ob_call_method(t->buffer, "flush", 0);
}

static KnObject *textio_tell(KnObject *self, KnObject *unused)
{
    IoText *t = T(self);
    if (check_open(self) < 0)
        return NULL;
    if (!t->seekable)
        return io_unsupported("underlying stream is not seekable");
    if (!t->telling)
        return ob_err_format(ob_exc_OSError, "telling position disabled by next() call");
    if (textio_flush(self, NULL) == NULL)
        return NULL;
    KnObject *posobj = ob_call_method(t->buffer, "tell", 0);
    if (posobj == NULL || !t->snap_valid)
        return posobj;
    long long pos = ob_int_as_long_long(posobj);
    if (pos == -1 && ob_err_occurred())
        return NULL;
    kn_ssize_t off = io_text_snapshot_offset(t);
    if (off < 0)
        return NULL;
    return ob_int_from_long_long(pos - t->lost - t->snap.len + off);
}

static KnObject *textio_seek(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    IoText *t = T(self);
    if (ob_args_check_positional("seek", nargs, 1, 2) < 0 || check_open(self) < 0)
        return NULL;
    long long whence;
    if (io_whence_arg(args, nargs, &whence) < 0)
        return NULL;
    if (!t->seekable)
        return io_unsupported("underlying stream is not seekable");
    KnObject *cookie = args[0];
    switch (whence) {
    case 1: case 2: {
        int zero = ob_richcompare_bool(cookie, ob_int_from_ssize(0), KN_EQ);
        if (zero < 0)
            return NULL;
        if (!zero)
            return io_unsupported(whence == 1 ? "can't do nonzero cur-relative seeks"
                                              : "can't do nonzero end-relative seeks");
        if (whence == 1)
            return textio_tell(self, NULL);
        if (textio_flush(self, NULL) == NULL)
            return NULL;
        reset_decoder(t);
        KnObject *r = ob_call_method(t->buffer, "seek", 2, ob_int_from_ssize(0),
                                     ob_int_from_ssize(2));
        if (r == NULL)
            return NULL;
        int at_start = ob_richcompare_bool(r, ob_int_from_ssize(0), KN_EQ);
        if (at_start < 0)
            return NULL;
        seeked(t, at_start);
        return r;
    }
    case 0:
        break;
    default:
        return ob_err_format(ob_exc_ValueError, "invalid whence (%lld, should be 0, 1 or 2)", whence);
    }
    KnObject *pos = ob_number_index(cookie);
    if (pos == NULL)
        return NULL;
    if (ob_int_sign(pos) < 0)
        return ob_err_format(ob_exc_ValueError, "negative seek position %R", cookie);
    if (textio_flush(self, NULL) == NULL)
        return NULL;
    reset_decoder(t);
    if (ob_call_method(t->buffer, "seek", 1, pos) == NULL)
        return NULL;
    seeked(t, ob_int_sign(pos) == 0);
    return cookie;
}

static KnObject *textio_truncate(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    IoText *t = T(self);
    if (ob_args_check_positional("truncate", nargs, 0, 1) < 0 || check_attached(t) < 0)
        return NULL;
    if (ob_call_method(self, "flush", 0) == NULL)
        return NULL;
    return ob_call_method(t->buffer, "truncate", 1, nargs ? args[0] : KN_None);
}

/* --------------------------------------------------- life cycle, misc */

static KnObject *textio_close(KnObject *self, KnObject *unused)
{
    IoText *t = T(self);
    if (check_attached(t) < 0)
        return NULL;
    int c = io_is_closed(t->buffer);
    if (c < 0)
        return NULL;
    if (c)
        return KN_None;
    KnObject *r = ob_call_method(self, "flush", 0);
    KnObject *exc = r == NULL ? ob_err_fetch() : NULL;
    return io_close_finish(exc, ob_call_method(t->buffer, "close", 0));
}

static KnObject *textio_detach(KnObject *self, KnObject *unused)
{
    IoText *t = T(self);
    if (check_attached(t) < 0)
        return NULL;
    if (ob_call_method(self, "flush", 0) == NULL)
        return NULL;
    KnObject *b = t->buffer;
    t->buffer = NULL;
    t->ok = 0;
    t->detached = 1;
    return b;
}

static KnObject *delegate(KnObject *self, const char *meth)
{
    if (check_attached(T(self)) < 0)
        return NULL;
    return ob_call_method(T(self)->buffer, meth, 0);
}

static KnObject *textio_fileno(KnObject *self, KnObject *u) { return delegate(self, "fileno"); }
static KnObject *textio_seekable(KnObject *self, KnObject *u) { return delegate(self, "seekable"); }
static KnObject *textio_readable(KnObject *self, KnObject *u) { return delegate(self, "readable"); }
static KnObject *textio_writable(KnObject *self, KnObject *u) { return delegate(self, "writable"); }
static KnObject *textio_isatty(KnObject *self, KnObject *u) { return delegate(self, "isatty"); }

static const char *const reconf_kw[] = {"encoding", "errors", "newline", "line_buffering",
                                        "write_through", NULL};
static const KnArgSpec reconf_spec = {"reconfigure", reconf_kw, 0, 0, 0};

static KnObject *textio_reconfigure(KnObject *self, KnObject *const *args, kn_ssize_t nargs,
                                    KnObject *kwnames)
{
    IoText *t = T(self);
    KnObject *a[5];
    if (nargs > 0)
        return ob_err_format(ob_exc_TypeError, "reconfigure() takes no positional arguments");
    if (ob_args_parse(&reconf_spec, args, nargs, kwnames, a) < 0 || check_attached(t) < 0)
        return NULL;
    KnObject *enc = a[0], *errors = a[1], *nl = a[2];
    if ((enc != NULL || errors != NULL || nl != NULL) && t->charpos < t->nchars)
        return io_unsupported("It is not possible to set the encoding or newline of stream "
                              "after the first read");
    if (ob_call_method(self, "flush", 0) == NULL)
        return NULL;
    if (enc != NULL || errors != NULL) {
        IoText copy = *t;
        if (enc == NULL || enc == KN_None)
            enc = t->encoding;
        else if (errors == NULL)
            errors = ob_str_from_cstr("strict");
        if (errors == NULL || errors == KN_None)
            errors = t->errors;
        if (set_encoding(&copy, enc, errors) < 0)
            return NULL;
        t->encoding = copy.encoding;
        t->errors = copy.errors;
        t->codec = t->codec0 = t->detected = copy.codec;
        t->err = copy.err;
        if (init_encoder_state(t) < 0)
            return NULL;
    }
    if (nl != NULL && set_newline(t, nl) < 0)
        return NULL;
    if (a[3] != NULL && a[3] != KN_None && (t->line_buffering = ob_is_true(a[3])) < 0)
        return NULL;
    if (a[4] != NULL && a[4] != KN_None && (t->write_through = ob_is_true(a[4])) < 0)
        return NULL;
    return KN_None;
}

static KnObject *textio_repr(KnObject *self)
{
    IoText *t = T(self);
    if (ob_repr_enter(self) != 0) {
        if (!ob_err_occurred())
            ob_err_format(ob_exc_RuntimeError, "reentrant call inside %s.__repr__",
                          KN_TYPE(self)->tp_name);
        return NULL;
    }
    KnObject *res = ob_str_from_format("<%s", KN_TYPE(self)->tp_name);
    static const char *const attrs[] = {"name", "mode"};
    for (int i = 0; res != NULL && i < 2; i++) {
        KnObject *v = NULL;
        int r = ob_lookup_attr(self, ob_str_intern_cstr(attrs[i]), &v);
        if (r < 0) {
            if (!ob_err_matches((KnObject *)ob_exc_ValueError)) {
                res = NULL;
                break;
            }
            ob_err_clear();
            r = 0;
        }
        if (r > 0) {
            KnObject *part = ob_str_from_format(" %s=%R", attrs[i], v);
            res = part == NULL ? NULL : ob_str_concat(res, part);
        }
    }
    if (res != NULL && t->encoding != NULL) {
        KnObject *part = ob_str_from_format(" encoding=%R", t->encoding);
        res = part == NULL ? NULL : ob_str_concat(res, part);
    }
    if (res != NULL)
        res = ob_str_concat(res, ob_str_from_cstr(">"));
    ob_repr_leave(self);
    return res;
}

static KnObject *textio_encoding_get(KnObject *self, void *c) { return T(self)->encoding ? T(self)->encoding : KN_None; }
static KnObject *textio_errors_get(KnObject *self, void *c) { return T(self)->errors ? T(self)->errors : KN_None; }

static KnObject *textio_buffer_get(KnObject *self, void *c)
{
    return check_attached(T(self)) < 0 ? NULL : T(self)->buffer;
}

static KnObject *textio_closed_get(KnObject *self, void *c)
{
    return check_attached(T(self)) < 0 ? NULL : ob_getattr_str(T(self)->buffer, "closed");
}

static KnObject *textio_name_get(KnObject *self, void *c)
{
    return check_attached(T(self)) < 0 ? NULL : ob_getattr_str(T(self)->buffer, "name");
}

static KnObject *textio_newlines_get(KnObject *self, void *c)
{
    if (check_attached(T(self)) < 0)
        return NULL;
    return T(self)->readuniversal ? io_nl_newlines(T(self)->nl.seennl) : KN_None;
}

static KnObject *textio_line_buffering_get(KnObject *self, void *c)
{
    return check_attached(T(self)) < 0 ? NULL : KN_BOOL(T(self)->line_buffering);
}

static KnObject *textio_write_through_get(KnObject *self, void *c)
{
    return check_attached(T(self)) < 0 ? NULL : KN_BOOL(T(self)->write_through);
}

static KnObject *textio_chunk_get(KnObject *self, void *c)
{
    return check_attached(T(self)) < 0 ? NULL : ob_int_from_ssize(T(self)->chunk_size);
}

static int textio_chunk_set(KnObject *self, KnObject *v, void *c)
{
    if (check_attached(T(self)) < 0)
        return -1;
    if (v == NULL) {
        ob_err_set_string(ob_exc_AttributeError, "cannot delete attribute");
        return -1;
    }
    kn_ssize_t n = ob_number_as_ssize(v, ob_exc_OverflowError);
    if (n == -1 && ob_err_occurred())
        return -1;
    if (n <= 0) {
        ob_err_set_string(ob_exc_ValueError, "a strictly positive integer is required");
        return -1;
    }
    T(self)->chunk_size = n;
    return 0;
}

static KnMethodDef textio_methods[] = {
    {"detach", FC(textio_detach), KN_METH_NOARGS, NULL},
    {"reconfigure", FC(textio_reconfigure), KN_METH_FASTCALL | KN_METH_KEYWORDS, NULL},
    {"write", FC(textio_write), KN_METH_O, NULL},
    {"read", FC(textio_read), KN_METH_FASTCALL, NULL},
    {"readline", FC(textio_readline), KN_METH_FASTCALL, NULL},
    {"flush", FC(textio_flush), KN_METH_NOARGS, NULL},
    {"close", FC(textio_close), KN_METH_NOARGS, NULL},
    {"fileno", FC(textio_fileno), KN_METH_NOARGS, NULL},
    {"seekable", FC(textio_seekable), KN_METH_NOARGS, NULL},
    {"readable", FC(textio_readable), KN_METH_NOARGS, NULL},
    {"writable", FC(textio_writable), KN_METH_NOARGS, NULL},
    {"isatty", FC(textio_isatty), KN_METH_NOARGS, NULL},
    {"seek", FC(textio_seek), KN_METH_FASTCALL, NULL},
    {"tell", FC(textio_tell), KN_METH_NOARGS, NULL},
    {"truncate", FC(textio_truncate), KN_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL}
};

static KnGetSetDef textio_getset[] = {
    {"encoding", textio_encoding_get, NULL, NULL, NULL},
    {"errors", textio_errors_get, NULL, NULL, NULL},
    {"buffer", textio_buffer_get, NULL, NULL, NULL},
    {"closed", textio_closed_get, NULL, NULL, NULL},
    {"name", textio_name_get, NULL, NULL, NULL},
    {"newlines", textio_newlines_get, NULL, NULL, NULL},
    {"line_buffering", textio_line_buffering_get, NULL, NULL, NULL},
    {"write_through", textio_write_through_get, NULL, NULL, NULL},
    {"_CHUNK_SIZE", textio_chunk_get, textio_chunk_set, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

KnTypeObject io_textiowrapper_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_io.TextIOWrapper",
    .tp_basicsize = sizeof(IoText),
    .tp_repr = textio_repr,
    .tp_getattro = ob_generic_getattr,
    .tp_setattro = ob_generic_setattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE | KN_TPFLAGS_HAVE_FINALIZE,
    .tp_doc = "Character and line based layer over a BufferedIOBase object, buffer.",
    .tp_iternext = textio_iternext,
    .tp_methods = textio_methods,
    .tp_getset = textio_getset,
    .tp_base = &io_textiobase_type,
    .tp_init = textio_init,
    .tp_new = ob_type_generic_new,
};
