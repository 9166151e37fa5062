/*
 * io_buffered.h — the state shared by BufferedReader, BufferedWriter and
 * BufferedRandom (io_buffered.c, io_buffered_raw.c).  See NOTES-io.md.
 *
 * The buffer is in one mode at a time:
 *   read mode   buf[pos, read_end) holds bytes read ahead; the raw stream
 *               stands at the end of them (logical = raw - (read_end - pos));
 *   write mode  buf[0, wlen) holds bytes not yet written; they belong at
 *               the raw stream's position (logical = raw + wlen).
 * Both are empty (read_end == pos == 0, wlen == 0) after a flush or seek.
 */
#ifndef STDLIB_IO_BUFFERED_H
#define STDLIB_IO_BUFFERED_H

#include "io_internal.h"

typedef struct IoBuffered {
    IO_BASE_HEAD;
    KnObject *raw;            /* NULL once detached */
    int ok, detached;
    int readable, writable;
    int raw_fileio;           /* raw is exactly a FileIO */
    char *buf;
    kn_ssize_t size;          /* buffer_size */
    kn_ssize_t pos, read_end; /* read mode */
    kn_ssize_t wlen;          /* write mode */
} IoBuffered;

/* io_buffered_raw.c: -1 error, -2 would block, else a byte count. */
kn_ssize_t io_raw_read(IoBuffered *b, char *buf, kn_ssize_t n);
kn_ssize_t io_raw_write(IoBuffered *b, const char *buf, kn_ssize_t n);
/* Write everything (BlockingIOError when the raw stream would block). */
int io_raw_write_all(IoBuffered *b, const char *buf, kn_ssize_t n);
off_t io_raw_seek(IoBuffered *b, off_t off, int whence);   /* -1 error */
off_t io_raw_tell(IoBuffered *b);

#endif /* STDLIB_IO_BUFFERED_H */
