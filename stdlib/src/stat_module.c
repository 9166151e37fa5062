/*
 * stat_module.c — the `_stat` module: the S_* / UF_* / SF_* constants,
 * the S_IS*() tests, S_IMODE, S_IFMT and filemode(), for the pure-Python
 * `stat` module to import.  The file-type constants of other systems
 * (S_IFDOOR, S_IFPORT, S_IFWHT) are 0 on Linux, as in CPython.
 */
#include <limits.h>
#include <sys/stat.h>

#include "libobject/libobject.h"

KnObject *kn_init__stat(void);

#define FC(f) ((KnCFunction)(void (*)(void))(f))

/* A mode argument: an int (not merely an __index__ object) in mode_t's
 * range, with CPython's messages. */
static int mode_conv(KnObject *o, mode_t *out)
{
    if (!KN_INT_CHECK(o)) {
        ob_err_set_string(ob_exc_TypeError, "an integer is required");
        return -1;
    }
    if (ob_int_sign(o) < 0) {
        ob_err_set_string(ob_exc_OverflowError, "can't convert negative value to unsigned int");
        return -1;
    }
    int overflow = 0;
    long long v = ob_int_as_long_long_and_overflow(o, &overflow);
    if (overflow) {
        KnObject *max = ob_int_from_unsigned_long_long(ULONG_MAX);
        int gt = max ? ob_richcompare_bool(o, max, KN_GT) : -1;
        if (gt < 0)
            return -1;
        ob_err_set_string(ob_exc_OverflowError, gt ? "Python int too large to convert to C unsigned long"
                                                   : "mode out of range");
        return -1;
    }
    if ((unsigned long long)v > UINT_MAX) {
        ob_err_set_string(ob_exc_OverflowError, "mode out of range");
        return -1;
    }
    *out = (mode_t)v;
    return 0;
}

#define ST_TEST(name, fmt) \
    static KnObject *st_##name(KnObject *m, KnObject *arg) \
    { \
        (void)m; \
        mode_t mode; \
        if (mode_conv(arg, &mode) < 0) \
            return NULL; \
        return KN_BOOL((fmt) != 0 && (mode & S_IFMT) == (fmt)); \
    }
ST_TEST(S_ISDIR, S_IFDIR)
ST_TEST(S_ISCHR, S_IFCHR)
ST_TEST(S_ISBLK, S_IFBLK)
ST_TEST(S_ISREG, S_IFREG)
ST_TEST(S_ISFIFO, S_IFIFO)
ST_TEST(S_ISLNK, S_IFLNK)
ST_TEST(S_ISSOCK, S_IFSOCK)

/* Types Linux does not have: always False (after checking the argument). */
static KnObject *st_never(KnObject *m, KnObject *arg)
{
    (void)m;
    mode_t mode;
    if (mode_conv(arg, &mode) < 0)
        return NULL;
    return KN_False;
}

static KnObject *st_S_IMODE(KnObject *m, KnObject *arg)
{
    (void)m;
    mode_t mode;
    if (mode_conv(arg, &mode) < 0)
        return NULL;
    return ob_int_from_ssize(mode & 07777);
}

static KnObject *st_S_IFMT(KnObject *m, KnObject *arg)
{
    (void)m;
    mode_t mode;
    if (mode_conv(arg, &mode) < 0)
        return NULL;
    return ob_int_from_ssize(mode & S_IFMT);
}

static char type_char(mode_t mode)
{
    switch (mode & S_IFMT) {
    case S_IFREG: return '-';
    case S_IFDIR: return 'd';
    case S_IFLNK: return 'l';
    case S_IFCHR: return 'c';
    case S_IFBLK: return 'b';
    case S_IFIFO: return 'p';
    case S_IFSOCK: return 's';
    default: return '?';
    }
}

/* One permission triplet: r, w, then x / s-or-S / t-or-T for a special bit. */
static void triplet(char *out, mode_t mode, mode_t r, mode_t w, mode_t x, mode_t special, char sc)
{
    out[0] = mode & r ? 'r' : '-';
    out[1] = mode & w ? 'w' : '-';
    if (mode & special)
        out[2] = mode & x ? sc : (char)(sc - 'a' + 'A');
    else
        out[2] = mode & x ? 'x' : '-';
}

static KnObject *st_filemode(KnObject *m, KnObject *arg)
{
    (void)m;
    mode_t mode;
    if (mode_conv(arg, &mode) < 0)
        return NULL;
    char buf[10];
    buf[0] = type_char(mode);
    triplet(buf + 1, mode, S_IRUSR, S_IWUSR, S_IXUSR, S_ISUID, 's');
    triplet(buf + 4, mode, S_IRGRP, S_IWGRP, S_IXGRP, S_ISGID, 's');
    triplet(buf + 7, mode, S_IROTH, S_IWOTH, S_IXOTH, S_ISVTX, 't');
    return ob_str_from_latin1(buf, 10);
}

static KnMethodDef stat_functions[] = {
    {"S_ISDIR", st_S_ISDIR, KN_METH_O, "S_ISDIR(mode) -> bool\n\nReturn True if mode is from a directory."},
    {"S_ISCHR", st_S_ISCHR, KN_METH_O, "S_ISCHR(mode) -> bool\n\nReturn True if mode is from a character special device file."},
    {"S_ISBLK", st_S_ISBLK, KN_METH_O, "S_ISBLK(mode) -> bool\n\nReturn True if mode is from a block special device file."},
    {"S_ISREG", st_S_ISREG, KN_METH_O, "S_ISREG(mode) -> bool\n\nReturn True if mode is from a regular file."},
    {"S_ISFIFO", st_S_ISFIFO, KN_METH_O, "S_ISFIFO(mode) -> bool\n\nReturn True if mode is from a FIFO (named pipe)."},
    {"S_ISLNK", st_S_ISLNK, KN_METH_O, "S_ISLNK(mode) -> bool\n\nReturn True if mode is from a symbolic link."},
    {"S_ISSOCK", st_S_ISSOCK, KN_METH_O, "S_ISSOCK(mode) -> bool\n\nReturn True if mode is from a socket."},
    {"S_ISDOOR", st_never, KN_METH_O, "S_ISDOOR(mode) -> bool\n\nReturn True if mode is from a door."},
    {"S_ISPORT", st_never, KN_METH_O, "S_ISPORT(mode) -> bool\n\nReturn True if mode is from an event port."},
    {"S_ISWHT", st_never, KN_METH_O, "S_ISWHT(mode) -> bool\n\nReturn True if mode is from a whiteout."},
    {"S_IMODE", st_S_IMODE, KN_METH_O, "Return the portion of the file's mode that can be set by os.chmod()."},
    {"S_IFMT", st_S_IFMT, KN_METH_O, "Return the portion of the file's mode that describes the file type."},
    {"filemode", st_filemode, KN_METH_O, "Convert a file's mode to a string of the form '-rwxrwxrwx'"},
    {NULL, NULL, 0, NULL}
};

typedef struct StConst { const char *name; long value; } StConst;

static const StConst stat_constants[] = {
    {"S_IFDIR", S_IFDIR}, {"S_IFCHR", S_IFCHR}, {"S_IFBLK", S_IFBLK},
    {"S_IFREG", S_IFREG}, {"S_IFIFO", S_IFIFO}, {"S_IFLNK", S_IFLNK}, {"S_IFSOCK", S_IFSOCK},
    {"S_IFDOOR", 0}, {"S_IFPORT", 0}, {"S_IFWHT", 0},
    {"S_ISUID", S_ISUID}, {"S_ISGID", S_ISGID}, {"S_ISVTX", S_ISVTX}, {"S_ENFMT", S_ISGID},
    {"S_IREAD", S_IRUSR}, {"S_IWRITE", S_IWUSR}, {"S_IEXEC", S_IXUSR},
    {"S_IRWXU", S_IRWXU}, {"S_IRUSR", S_IRUSR}, {"S_IWUSR", S_IWUSR}, {"S_IXUSR", S_IXUSR},
    {"S_IRWXG", S_IRWXG}, {"S_IRGRP", S_IRGRP}, {"S_IWGRP", S_IWGRP}, {"S_IXGRP", S_IXGRP},
    {"S_IRWXO", S_IRWXO}, {"S_IROTH", S_IROTH}, {"S_IWOTH", S_IWOTH}, {"S_IXOTH", S_IXOTH},
    /* BSD file flags (st_flags): the values of <sys/stat.h> on the BSDs */
    {"UF_NODUMP", 0x1}, {"UF_IMMUTABLE", 0x2}, {"UF_APPEND", 0x4}, {"UF_OPAQUE", 0x8},
    {"UF_NOUNLINK", 0x10}, {"UF_COMPRESSED", 0x20}, {"UF_HIDDEN", 0x8000},
    {"SF_ARCHIVED", 0x10000}, {"SF_IMMUTABLE", 0x20000}, {"SF_APPEND", 0x40000},
    {"SF_NOUNLINK", 0x100000}, {"SF_SNAPSHOT", 0x200000},
    /* indices into the stat tuple */
    {"ST_MODE", 0}, {"ST_INO", 1}, {"ST_DEV", 2}, {"ST_NLINK", 3}, {"ST_UID", 4},
    {"ST_GID", 5}, {"ST_SIZE", 6}, {"ST_ATIME", 7}, {"ST_MTIME", 8}, {"ST_CTIME", 9},
    {NULL, 0}
};

KnObject *kn_init__stat(void)
{
    KnObject *m = ob_module_new_cstr("_stat");
    if (m == NULL || ob_module_add_functions(m, stat_functions) < 0)
        return NULL;
    for (const StConst *c = stat_constants; c->name != NULL; c++)
        if (ob_module_add_object(m, c->name, ob_int_from_ssize(c->value)) < 0)
            return NULL;
    return m;
}
