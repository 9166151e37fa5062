/* modules.c — the table of built-in C modules this library provides
 * (stdlib/include/stdlib/modules.h). */
#include "stdlib/modules.h"

KnObject *kn_init__io(void);
KnObject *kn_init_posix(void);
KnObject *kn_init_errno(void);
KnObject *kn_init__stat(void);
KnObject *kn_init_time(void);
KnObject *kn_init__thread(void);
KnObject *kn_init__weakref(void);
KnObject *kn_init_gc(void);
KnObject *kn_init__codecs(void);
KnObject *kn_init_math(void);
KnObject *kn_init_cmath(void);
KnObject *kn_init__signal(void);
KnObject *kn_init_atexit(void);
KnObject *kn_init__locale(void);
KnObject *kn_init__random(void);
KnObject *kn_init__sha512(void);
KnObject *kn_init__sha256(void);
KnObject *kn_init__md5(void);
KnObject *kn_init__sha1(void);
KnObject *kn_init__sha3(void);
KnObject *kn_init__bisect(void);
KnObject *kn_init__heapq(void);
KnObject *kn_init_binascii(void);
KnObject *kn_init_zlib(void);
KnObject *kn_init__blake2(void);
KnObject *kn_init__struct(void);
KnObject *kn_init__sre(void);

const stdlib_module stdlib_modules[] = {
    {"_io", kn_init__io},
    {"posix", kn_init_posix},
    {"errno", kn_init_errno},
    {"_stat", kn_init__stat},
    {"time", kn_init_time},
    {"_thread", kn_init__thread},
    {"_weakref", kn_init__weakref},
    {"gc", kn_init_gc},
    {"_codecs", kn_init__codecs},
    {"math", kn_init_math},
    {"cmath", kn_init_cmath},
    {"_signal", kn_init__signal},
    {"atexit", kn_init_atexit},
    {"_locale", kn_init__locale},
    {"_random", kn_init__random},
    {"_sha512", kn_init__sha512},
    {"_sha256", kn_init__sha256},
    {"_md5", kn_init__md5},
    {"_sha1", kn_init__sha1},
    {"_sha3", kn_init__sha3},
    {"_bisect", kn_init__bisect},
    {"_heapq", kn_init__heapq},
    {"binascii", kn_init_binascii},
    {"zlib", kn_init_zlib},
    {"_blake2", kn_init__blake2},
    {"_struct", kn_init__struct},
    {"_sre", kn_init__sre},
    {NULL, NULL}
};
