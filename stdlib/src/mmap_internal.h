/*
 * mmap_internal.h — what the files of the `mmap` module share:
 * mmap_module.c (the type: constructor, sequence / mapping / buffer
 * slots, close, repr, the module) and mmap_methods.c (read / write / find
 * / seek / resize ... ).  See stdlib/NOTES-mmap.md.
 */
#ifndef STDLIB_MMAP_INTERNAL_H
#define STDLIB_MMAP_INTERNAL_H

#include <sys/mman.h>

#include "unix_internal.h"

/* CPython's access modes (mmap.ACCESS_*). */
enum { MM_ACCESS_DEFAULT, MM_ACCESS_READ, MM_ACCESS_WRITE, MM_ACCESS_COPY };

typedef struct MmObject {
    KN_OBJECT_HEAD;
    char *data;            /* the mapping, NULL once closed */
    kn_ssize_t size;       /* its length */
    kn_ssize_t pos;        /* the file position of read / write / seek */
    long long offset;      /* file offset the mapping starts at */
    int fd;                /* our dup of the file's descriptor, -1 anonymous */
    int flags, prot;       /* what mmap(2) was given (resize re-maps alike) */
    int access;            /* MM_ACCESS_* */
    kn_ssize_t exports;    /* live buffer exports (block close / resize) */
    KnObject *weakreflist;
} MmObject;

#define MM(o) ((MmObject *)(o))

/* ValueError "mmap closed or invalid" when closed; 0 / -1. */
int mm_check_valid(MmObject *m);
/* TypeError for a read-only map; 0 / -1. */
int mm_check_writable(MmObject *m);
/* An "n" argument: a C ssize_t from an int or __index__ object. */
int mm_ssize_arg(KnObject *o, kn_ssize_t *out);

/* mmap_module.c: close, the context manager, pickling refused. */
KnObject *mm_close(KnObject *self, KnObject *unused);
KnObject *mm_enter(KnObject *self, KnObject *unused);
KnObject *mm_exit(KnObject *self, KnObject *const *args, kn_ssize_t nargs);
KnObject *mm_reduce(KnObject *self, KnObject *unused);

extern KnMethodDef mm_methods[];   /* mmap_methods.c: the whole table */

#endif /* STDLIB_MMAP_INTERNAL_H */
