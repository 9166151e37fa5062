/*
 * cjk_internal.h — the CJK multi-byte codecs (_multibytecodec and the
 * _codecs_{cn,jp,kr,tw,hk} modules).  Layout of the generated tables
 * (cjk_tables.c, tools/gen_cjk_tables.py) and the interface between the
 * codec engines (cjk_engine.c, cjk_hz.c) and the Python-facing objects
 * (cjk_codec.c, cjk_incr.c, cjk_stream.c).  Design: stdlib/NOTES-cjk.md.
 */
#ifndef STDLIB_CJK_INTERNAL_H
#define STDLIB_CJK_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "libgc/gc.h"
#include "libobject/libobject.h"

/* ---- generated tables */

/* uint16 entries of nodes below the root. */
#define CJK_ILL 0xFFF8      /* + (n - 1): illegal sequence of n bytes */
#define CJK_MAKEUP 0xFFFC   /* euc_kr: a4 d4 starts an 8-byte make-up sequence */
#define CJK_FOUR 0xFFFD     /* gb18030: four-byte code */
#define CJK_EXT 0xFFFE      /* see the codec's extras */
/* uint32 root entries and extras values. */
#define CJK_ROOT_CHILD 0x40000000u   /* | node index */
#define CJK_ROOT_ILL 0x20000000u     /* | length */
#define CJK_OVER_MAKEUP 8            /* CjkOverride.len: euc_kr make-up */

typedef struct CjkNode {
    uint16_t lo, hi;        /* bytes lo..hi have entries cjk_vals[off + b - lo] */
    uint16_t dflt;          /* entry of the other bytes */
    uint32_t off;
} CjkNode;

typedef struct CjkExtra {
    uint32_t seq;           /* the byte sequence, big-endian */
    uint32_t a, b;          /* code point(s) (b 0: one), or a = CHILD | node */
} CjkExtra;

typedef struct CjkOverride {
    uint32_t cp;
    uint32_t code;          /* bytes, big-endian */
    uint32_t len;           /* 0: not encodable */
} CjkOverride;

typedef struct CjkPair {
    uint32_t first, second;
    uint32_t code, len;
} CjkPair;

typedef struct CjkRun {
    uint32_t lo, hi;        /* gb18030 four-byte index range */
    uint32_t cp;            /* code point of index lo */
} CjkRun;

typedef struct CjkTable {
    const char *name;
    const uint32_t *root;
    const CjkExtra *extras; size_t nextras;
    const CjkOverride *over; size_t nover;
    const CjkPair *pairs; size_t npairs;
    const CjkRun *four; size_t nfour;
} CjkTable;

extern const uint16_t cjk_vals[];
extern const CjkNode cjk_nodes[];
extern const uint8_t cjk_euckr_cho[19], cjk_euckr_jung[21], cjk_euckr_jong[28];
extern const CjkTable cjk_table_gb2312, cjk_table_gbk, cjk_table_gb18030, cjk_table_shift_jis,
    cjk_table_cp932, cjk_table_euc_jp, cjk_table_shift_jis_2004, cjk_table_shift_jisx0213,
    cjk_table_euc_jis_2004, cjk_table_euc_jisx0213, cjk_table_euc_kr, cjk_table_cp949,
    cjk_table_johab, cjk_table_big5, cjk_table_cp950, cjk_table_big5hkscs;

/* ---- codec engines */

/* Results of one step (besides n > 0: an illegal sequence of n units). */
#define CJK_OK 0
#define CJK_TOOFEW (-1)     /* input ends inside a sequence */
#define CJK_NOMEM (-2)      /* exception set */

/* A growable output: bytes when encoding, code points when decoding. */
typedef struct CjkOut {
    unsigned char *b; uint32_t *u;
    size_t len, cap;
} CjkOut;
int cjk_out_bytes(CjkOut *o, const unsigned char *p, size_t n);
int cjk_out_char(CjkOut *o, uint32_t c);

/* Codec state: 8 bytes, as getstate() shows them (little-endian). */
typedef struct CjkState { unsigned char c[8]; } CjkState;

typedef struct CjkCodec CjkCodec;
struct CjkCodec {
    const char *name;
    const CjkTable *table;          /* stateless table codecs; hz: gb2312 */
    /* Decode one unit at in[0..n): appends to out, returns CJK_OK and sets
     * *used, CJK_TOOFEW, or the length of an illegal sequence. */
    int (*decode)(const CjkCodec *, CjkState *, const unsigned char *in, size_t n, CjkOut *out,
                  size_t *used);
    /* Encode at in[0..n): flush says no more input follows. */
    int (*encode)(const CjkCodec *, CjkState *, const uint32_t *in, size_t n, int flush,
                  CjkOut *out, size_t *used);
    /* Bytes that end the encoder's state (may be NULL). */
    int (*encreset)(const CjkCodec *, CjkState *, CjkOut *out);
    void (*decreset)(CjkState *);
    /* Initial states (NULL: all zero). */
    void (*encinit)(CjkState *);
    void (*decinit)(CjkState *);
    const struct CjkIsoVariant *iso;
};
void cjk_state_init(const CjkCodec *c, CjkState *st, int encoder);

int cjk_table_decode(const CjkCodec *, CjkState *, const unsigned char *in, size_t n,
                     CjkOut *out, size_t *used);
/* One sequence of table t at in[0..n) (the same results). */
int cjk_trie_decode(const CjkTable *t, const unsigned char *in, size_t n, CjkOut *out,
                    size_t *used);
int cjk_table_encode(const CjkCodec *, CjkState *, const uint32_t *in, size_t n, int flush,
                     CjkOut *out, size_t *used);
/* Code of c in a table codec: length (0: none), bytes in *code. */
int cjk_table_code(const CjkTable *t, uint32_t c, uint32_t *code);
/* Decoding of a two-byte sequence, 0 if unmapped or not one code point. */
uint32_t cjk_table_char2(const CjkTable *t, unsigned b1, unsigned b2);

extern const CjkCodec cjk_codec_hz;

/* ISO 2022 variants (generated; marks are described in cjk_iso2022.c). */
#define CJK_ISO_KR 1        /* SO/SI with KS X 1001 in G1 */
#define CJK_ISO_G2 2        /* G2 designations and single shift ESC N */
typedef struct CjkIsoVariant {
    const char *name;
    int flags;
    const uint16_t *marks;          /* charsets the decoder accepts, 0-terminated */
    const uint16_t *order;          /* the order the encoder tries them in */
    const CjkTable *const *tables;  /* per marks[i]; NULL for one-byte sets */
    const CjkOverride *over; size_t nover;  /* len = mark << 8 | bytes */
    const CjkPair *pairs; size_t npairs;    /* second 0: only makes the encoder wait */
} CjkIsoVariant;
extern const CjkIsoVariant cjk_iso_iso2022_jp, cjk_iso_iso2022_jp_1, cjk_iso_iso2022_jp_2,
    cjk_iso_iso2022_jp_2004, cjk_iso_iso2022_jp_3, cjk_iso_iso2022_jp_ext, cjk_iso_iso2022_kr;
extern const uint16_t cjk_iso8859_7[96];
extern const CjkCodec cjk_codec_iso2022_jp, cjk_codec_iso2022_jp_1, cjk_codec_iso2022_jp_2,
    cjk_codec_iso2022_jp_2004, cjk_codec_iso2022_jp_3, cjk_codec_iso2022_jp_ext,
    cjk_codec_iso2022_kr;

/* ---- the Python layer */

/* The MultibyteCodec object of a codec (one per codec, cached). */
KnObject *cjk_codec_object(const CjkCodec *c);
/* getcodec(name) of a module whose codecs are list[0..n). */
KnObject *cjk_getcodec(const CjkCodec *const *list, size_t n, KnObject *name);

/* Encode/decode with an errors name (NULL: strict), appending to out.
 * Positions in error objects are those of the whole `obj`. */
int cjk_encode_run(const CjkCodec *c, CjkState *st, KnObject *obj, const uint32_t *in, size_t n,
                   const char *errors, int flags, CjkOut *out, size_t *consumed);
int cjk_decode_run(const CjkCodec *c, CjkState *st, KnObject *obj, const unsigned char *in,
                   size_t n, const char *errors, int final, CjkOut *out, size_t *consumed);
#define CJK_FLUSH 1
#define CJK_RESET 2

KnObject *cjk_out_to_bytes(CjkOut *o);
KnObject *cjk_out_to_str(CjkOut *o);
/* The code points of a str (GC memory). */
uint32_t *cjk_str_ucs4(KnObject *s, size_t *n);
/* errors argument: NULL/None -> "strict"; else must be str. */
int cjk_errors_arg(KnObject *o, const char **errors);

/* The incremental encoders/decoders and stream readers/writers. */
typedef struct CjkStateful {
    KN_OBJECT_HEAD;
    const CjkCodec *codec;
    CjkState state;
    KnObject *errors;       /* str */
    KnObject *pending;      /* NULL, or str (encoding) / bytes (decoding) */
    KnObject *stream;       /* stream readers and writers */
} CjkStateful;
#define CJK_MAXENCPENDING 2
#define CJK_MAXDECPENDING 8

/* A new object of type t (a subclass with a `codec` class attribute). */
KnObject *cjk_stateful_new(KnTypeObject *t, KnObject *errors, KnObject *stream, int encoder);
/* Encode pending + input (str() of it) statefully; final flushes and
 * resets.  What a pair-starting character at the end leaves is kept. */
KnObject *cjk_stateful_encode(CjkStateful *self, KnObject *input, int final);
/* Decode pending + data; an incomplete tail is kept unless final. */
KnObject *cjk_stateful_decode(CjkStateful *self, KnObject *obj, const char *data, size_t n,
                              int final);
extern KnGetSetDef cjk_stateful_getset[];
int cjk_noop_init(KnObject *self, KnObject *args, KnObject *kwargs);

const CjkCodec *cjk_codec_of(KnObject *codec_obj);   /* NULL unless a MultibyteCodec */
extern KnTypeObject cjk_codec_type;
extern KnTypeObject cjk_ienc_type, cjk_idec_type, cjk_reader_type, cjk_writer_type;

#endif /* STDLIB_CJK_INTERNAL_H */
