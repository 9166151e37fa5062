/*
 * io_textio.h — TextIOWrapper's state and its codecs (io_textio.c,
 * io_textio_tell.c, io_codec.c).  See NOTES-io.md for the tell() cookie.
 */
#ifndef STDLIB_IO_TEXTIO_H
#define STDLIB_IO_TEXTIO_H

#include "io_internal.h"

typedef enum {
    IO_CODEC_UTF8, IO_CODEC_ASCII, IO_CODEC_LATIN1,
    IO_CODEC_UTF16LE, IO_CODEC_UTF16BE, IO_CODEC_UTF32LE, IO_CODEC_UTF32BE,
    IO_CODEC_UTF16, IO_CODEC_UTF32,     /* byte order from a BOM */
    IO_CODEC_UTF8SIG,                   /* utf-8, a BOM skipped / written first */
    IO_CODEC_REGISTRY                   /* any other text codec (io_codec_registry.c) */
} IoCodecKind;
typedef enum {
    IO_ERR_STRICT, IO_ERR_IGNORE, IO_ERR_REPLACE, IO_ERR_SURROGATEESCAPE, IO_ERR_BACKSLASH
} IoErrors;

struct IoRegCodec;
typedef struct IoCodec {
    IoCodecKind kind;
    const char *name;       /* the name libobject's codecs know */
    struct IoRegCodec *reg; /* IO_CODEC_REGISTRY: its incremental decoder */
} IoCodec;

/* The fixed-order codec a BOM selects (kind UTF16/UTF32 and the first
 * bytes); 0 when the bytes are not a BOM. */
int io_codec_bom(IoCodec *codec, const uint8_t *s, kn_ssize_t n);

/* The built-in codecs, else the codec registry's text encodings;
 * LookupError "unknown encoding: x". */
int io_codec_lookup(const char *name, IoCodec *codec);
int io_errors_lookup(const char *name, IoErrors *e);
/* One decoding step at s[0] (n > 0 bytes left): the bytes consumed, 0
 * when a character is cut by the end of a non-final input, -1 for an
 * error under "strict" (nothing raised).  out gets *nout code points. */
int io_codec_step(const IoCodec *codec, IoErrors e, const uint8_t *s, kn_ssize_t n, int final,
                  uint32_t out[16], int *nout);
/* Decode s[0, n): *used bytes consumed (the rest is a cut character);
 * UnicodeDecodeError under "strict". */
int io_codec_decode(const IoCodec *codec, IoErrors e, const uint8_t *s, kn_ssize_t n, int final,
                    uint32_t **out, kn_ssize_t *outn, kn_ssize_t *used);
/* io_codec_registry.c: the same three for a codec of the registry. */
int io_codec_registry_lookup(const char *name, IoCodec *codec);
int io_codec_registry_step(const IoCodec *codec, IoErrors e, const uint8_t *s, kn_ssize_t n,
                           int final, uint32_t out[16], int *nout);
int io_codec_registry_decode(const IoCodec *codec, IoErrors e, const uint8_t *s, kn_ssize_t n,
                             int final, uint32_t **out, kn_ssize_t *outn, kn_ssize_t *used);

typedef struct IoText {
    IO_BASE_HEAD;
    KnObject *buffer;           /* NULL when detached */
    int ok, detached;
    KnObject *encoding, *errors;    /* str, as given */
    IoCodec codec;              /* what decodes now (a BOM fixes the order) */
    IoCodec codec0;             /* as named: what a seek to 0 restores */
    IoCodec detected;           /* the order a BOM selected (else codec0) */
    IoErrors err;
    int bom_pending;            /* "utf-16"/"utf-32": the next write starts with a BOM */
    kn_ssize_t bom_at, bom_len; /* a BOM inside the snapshot (bom_len 0: none) */
    /* newline= */
    KnObject *newline;          /* None or str */
    int readuniversal, readtranslate;
    uint32_t readnl[2];
    int readnl_len;
    const char *writenl;        /* NULL: no translation on write */
    int line_buffering, write_through;
    int seekable, telling, has_read1;
    kn_ssize_t chunk_size;
    /* read side: chars[charpos, nchars) decoded and not yet returned */
    uint32_t *chars;
    kn_ssize_t nchars, charpos, charcap;
    IoNlState nl;
    uint8_t partial[8];         /* bytes of a cut character (after a restart,
                                   with the held '\r' in front) */
    int npartial;
    int eof;
    kn_ssize_t last_ndec;       /* chars the last chunk gave (0: none since reset) */
    double b2cratio;            /* bytes per char of the last chunk (0: none) */
    /* snapshot: every byte fed to the decoder since chars[0] began, from
     * a clean decoder state; valid while snap_valid */
    IoBytes snap;
    int snap_valid;
    int had_chunk;              /* a chunk decoded since the last reset */
    kn_ssize_t last_input;      /* bytes the last decoded chunk took, with held ones */
    kn_ssize_t lost;            /* bytes read past the snapshot (after a decode error) */
    /* write side: encoded text not yet handed to the buffer */
    IoBytes pending;
} IoText;

/* io_textio_tell.c: the byte offset, from the start of the snapshot, at
 * which decoding from a clean state yields chars[charpos:]. */
kn_ssize_t io_text_snapshot_offset(IoText *t);

#endif /* STDLIB_IO_TEXTIO_H */
