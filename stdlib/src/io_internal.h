/*
 * io_internal.h — what the files of the `_io` module share (not public).
 *
 * Every _io object starts with IoBase: the instance __dict__ (CPython's
 * classes keep `name`, `mode`, ... there), a weakref list and the closed
 * flag of _IOBase.close().  Concrete classes extend it; their C code reaches
 * sibling methods through the method tables (ob_call_method) whenever the
 * object may be a Python subclass, so overrides are honoured.
 * See stdlib/NOTES-io.md.
 */
#ifndef STDLIB_IO_INTERNAL_H
#define STDLIB_IO_INTERNAL_H

#include <stdint.h>
#include <string.h>

#include "libobject/libobject.h"

#define IO_DEFAULT_BUFFER_SIZE 8192
#define KN_SSIZE_MAX ((kn_ssize_t)(SIZE_MAX >> 1))
#define KN_SSIZE_HALF (KN_SSIZE_MAX / 2)

#define IO_BASE_HEAD \
    KN_OBJECT_HEAD; \
    KnObject *dict; \
    KnObject *weakreflist; \
    int iobase_closed

typedef struct IoBase { IO_BASE_HEAD; } IoBase;

/* memcpy that accepts NULL pointers when n == 0 (empty buffers). */
static inline void io_memcpy(void *dst, const void *src, size_t n)
{
    if (n > 0)
        memcpy(dst, src, n);
}

/* Method-table entries of any calling convention. */
#define FC(f) ((KnCFunction)(void (*)(void))(f))

/* The classes (io_base.c, io_fileio.c, ...). */
extern KnTypeObject io_iobase_type, io_rawiobase_type, io_bufferediobase_type,
    io_textiobase_type, io_fileio_type, io_bytesio_type, io_stringio_type,
    io_bufferedreader_type, io_bufferedwriter_type, io_bufferedrandom_type,
    io_bufferedrwpair_type, io_textiowrapper_type, io_nldecoder_type;

/* io.UnsupportedOperation (created by io_types_init). */
extern KnTypeObject *io_unsupported_operation;

/* Ready every class and create UnsupportedOperation; idempotent. */
int io_types_init(void);

/* ---- io_util.c ---- */

/* Raise UnsupportedOperation(msg); NULL. */
KnObject *io_unsupported(const char *msg);
/* ValueError "I/O operation on closed file." (IOBase wording); NULL. */
KnObject *io_err_closed(void);
/* 1 when self.closed is true, 0 when false, -1 on error. */
int io_is_closed(KnObject *self);
/* -1 with ValueError when self.closed is true. */
int io_check_closed(KnObject *self);
/* self.readable() / writable() / seekable() must answer True, else
 * UnsupportedOperation("File or stream is not readable." ...). */
int io_check_readable(KnObject *self);
int io_check_writable(KnObject *self);
int io_check_seekable(KnObject *self);

/* A size argument: NULL or None -> -1, else an index ("argument should be
 * integer or None, not 'str'"). */
int io_size_arg(KnObject *o, kn_ssize_t *out);
/* An offset argument (seek): an integer (not a float). */
int io_offset_arg(KnObject *o, off_t *out);

/* A contiguous view of a bytes-like object.  writable: only writable
 * buffers are accepted ("readinto() argument must be read-write
 * bytes-like object, not bytes").  fname names the caller in messages. */
typedef struct IoView {
    char *data;
    kn_ssize_t len;
    KnBuffer view;
    int has_view;
} IoView;
int io_view_get(KnObject *o, IoView *v, int writable, const char *fname);
void io_view_release(IoView *v);

/* A growable byte buffer in GC memory (atomic). */
typedef struct IoBytes {
    char *data;
    kn_ssize_t len, cap;
} IoBytes;
int io_bytes_reserve(IoBytes *b, kn_ssize_t need);
int io_bytes_append(IoBytes *b, const char *data, kn_ssize_t n);

/* ob_call_method helpers that hand back a converted result. */
int io_call_bool(KnObject *self, const char *meth);      /* -1, 0, 1 */

/* Finish a two-step close (flush, then close): `first` is the exception
 * of step one (NULL: it succeeded), `second` the result of step two.  A
 * failing second step keeps its error, with `first` as its __context__;
 * else `first` is raised again.  None on success. */
KnObject *io_close_finish(KnObject *first, KnObject *second);
/* truncate()'s size for an in-memory stream: args[0] when given and not
 * None (a negative one raises ValueError negfmt, a "%zd" format), else
 * pos.  Checks the argument count too. */
int io_truncate_size(KnObject *const *args, kn_ssize_t nargs, kn_ssize_t pos, const char *negfmt,
                     kn_ssize_t *size);
/* The whence argument args[1] (0 when absent) as a C integer. */
int io_whence_arg(KnObject *const *args, kn_ssize_t nargs, long long *whence);

/* Raise the errno-selected OSError subclass (filename may be NULL). */
KnObject *io_err_errno(KnObject *filename);

/* Method tables that subclasses' C code reuses. */
KnObject *io_iobase_close(KnObject *self, KnObject *unused);
KnObject *io_iobase_enter(KnObject *self, KnObject *unused);
KnObject *io_iobase_exit(KnObject *self, KnObject *const *args, kn_ssize_t nargs);
KnObject *io_iobase_iternext(KnObject *self);

/* ---- io_fileio.c: C-level access for the buffered classes ---- */
/* 1 when o is exactly a FileIO (its C methods may be used directly). */
int io_fileio_exact(KnObject *o);
/* 1 when the FileIO o is closed (fd < 0). */
int io_fileio_closed(KnObject *o);
/* read(2)/write(2) with EINTR retried.  -2: would block (EAGAIN), -1 error
 * set.  Otherwise the count. */
kn_ssize_t io_fileio_read_raw(KnObject *self, char *buf, kn_ssize_t n);
kn_ssize_t io_fileio_write_raw(KnObject *self, const char *buf, kn_ssize_t n);

/* ---- io_newline.c ---- */
#define IO_NL_LF 1
#define IO_NL_CR 2
#define IO_NL_CRLF 4
typedef struct IoNlState {
    int pendingcr, seennl, translate;
} IoNlState;
/* The code points of str s in fresh GC memory (*n of them). */
uint32_t *io_ucs4_of(KnObject *s, kn_ssize_t *n);
/* Newline step of a decoder: record endings, hold back a final '\r'
 * unless `final`, translate to '\n' when st->translate. */
int io_nl_process(IoNlState *st, const uint32_t *in, kn_ssize_t n, int final, uint32_t **out,
                  kn_ssize_t *outn);
/* The `newlines` value for a seennl mask. */
KnObject *io_nl_newlines(int seennl);
/* End (index after the terminator) of the first line in s[start:end], or
 * -1 with *consumed = where a later search may resume.  translated: only
 * '\n'; universal: '\r', '\n', "\r\n"; else the nllen-char nl. */
kn_ssize_t io_find_line_end(const uint32_t *s, kn_ssize_t start, kn_ssize_t end, int translated,
                            int universal, const uint32_t *nl, int nllen, kn_ssize_t *consumed);
/* IncrementalNewlineDecoder.decode from C. */
KnObject *io_nldecoder_decode(KnObject *self, KnObject *input, int final);

/* ---- io_module.c ---- */
KnObject *io_open(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames);
KnObject *io_open_code(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames);
KnObject *io_text_encoding(KnObject *self, KnObject *const *args, kn_ssize_t nargs);

#endif /* STDLIB_IO_INTERNAL_H */
