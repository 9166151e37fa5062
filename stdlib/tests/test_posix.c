/*
 * test_posix.c — the posix module (src/posix_*.c) from C, in a scratch
 * directory: stat_result, path conversion and its errors, listdir,
 * scandir/DirEntry, names and descriptors, environ, processes, and the
 * _stat module; expected values are python3.11's.
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "test_posix_util.h"

static KnObject *px, *st;

static int setup(void **state)
{
    (void)state;
    setenv("KILN_POSIX_TEST", "value\xff", 1);
    if (ob_runtime_init() < 0 || (px = kn_init_posix()) == NULL || (st = kn_init__stat()) == NULL)
        return -1;
    return px_make_tmp();
}

static void test_stat_result(void **state)
{
    (void)state;
    put_file("f", "hello");
    struct stat c;
    assert_int_equal(stat(tp("f"), &c), 0);
    KnObject *r = OK(CALL(px, "stat", TP("f")));
    assert_int_equal(ob_length(r), 10);
    ASSERT_INT(attr(r, "st_size"), 5);
    ASSERT_INT(attr(r, "st_mode"), c.st_mode);
    ASSERT_INT(ob_sequence_getitem(r, 6), 5);
    ASSERT_INT(attr(r, "st_ino"), (long long)c.st_ino);
    ASSERT_INT(ob_sequence_getitem(r, 8), (long long)c.st_mtim.tv_sec);
    KnObject *mt = attr(r, "st_mtime");
    assert_true(KN_FLOAT_CHECK(mt));
    assert_true(ob_float_as_double(mt) - (double)c.st_mtim.tv_sec < 1.0);
    KnObject *ns = attr(r, "st_mtime_ns");
    KnObject *want = ob_number_add(ob_number_multiply(I(c.st_mtim.tv_sec), I(1000000000)), I(c.st_mtim.tv_nsec));
    assert_int_equal(ob_richcompare_bool(ns, want, KN_EQ), 1);
    ASSERT_INT(attr(r, "st_blksize"), c.st_blksize);
    /* repr labels the visible items; integer times under the st_*time names */
    char buf[256];
    snprintf(buf, sizeof buf, "os.stat_result(st_mode=%u, st_ino=%llu,", (unsigned)c.st_mode,
             (unsigned long long)c.st_ino);
    const char *rep = ob_str_as_utf8(ob_repr(r), NULL);
    assert_true(strncmp(rep, buf, strlen(buf)) == 0);
    snprintf(buf, sizeof buf, "st_atime=%lld, st_mtime=%lld, st_ctime=%lld)", (long long)c.st_atim.tv_sec,
             (long long)c.st_mtim.tv_sec, (long long)c.st_ctim.tv_sec);
    assert_non_null(strstr(rep, buf));
    /* the type: n_fields, construction from Python values */
    KnObject *t = ob_getattr_str(px, "stat_result");
    ASSERT_INT(attr(t, "n_fields"), 19);
    ASSERT_INT(attr(t, "n_sequence_fields"), 10);
    ASSERT_INT(attr(t, "n_unnamed_fields"), 3);
    ASSERT_STR(attr(t, "__module__"), "os");
    KnObject *seq = ob_tuple_new(10);
    for (int i = 0; i < 10; i++)
        KN_TUPLE_SET(seq, i, I(i));
    KnObject *made = OK(ob_call(t, ob_tuple_pack(2, seq, KW("st_atime", ob_float_from_double(5.5))), NULL));
    assert_true(ob_float_as_double(attr(made, "st_atime")) == 5.5);
    assert_ptr_equal(attr(made, "st_rdev"), KN_None);
    made = OK(ob_call(t, ob_tuple_pack(1, seq), NULL));
    ASSERT_INT(attr(made, "st_mtime"), 8);    /* the float times default to items 7-9 */
    assert_int_equal(ob_richcompare_bool(made, seq, KN_EQ), 1);
    assert_null(ob_call(t, ob_tuple_pack(1, ob_tuple_pack(3, I(1), I(2), I(3))), NULL));
    RAISED(ob_exc_TypeError, "os.stat_result() takes an at least 10-sequence (3-sequence given)");
    assert_null(ob_call(t, ob_tuple_pack(1, I(5)), NULL));
    RAISED(ob_exc_TypeError, "constructor requires a sequence");
    KnObject *red = OK(ob_call_method(r, "__reduce__", 0));
    assert_ptr_equal(KN_TUPLE_GET(red, 0), t);
}

/* A class whose __fspath__ is a builtin returning tmp/f. */
static KnObject *fspath_impl(KnObject *self, KnObject *unused)
{
    (void)self;
    (void)unused;
    return TP("f");
}

static KnObject *pathlike(void)
{
    static KnMethodDef defs[] = {{"impl", fspath_impl, KN_METH_NOARGS, NULL}, {NULL, NULL, 0, NULL}};
    KnObject *hm = ob_module_new_cstr("helper");
    ob_module_add_functions(hm, defs);
    KnObject *ns = ob_dict_new();
    ob_dict_setitem_str(ns, "__fspath__", ob_getattr_str(hm, "impl"));
    KnObject *cls = ob_type_new(&ob_type_type, S("P"), ob_tuple_pack(1, (KnObject *)&ob_object_type), ns);
    return ob_call_noargs(OK(cls));
}

static void test_path_arguments(void **state)
{
    (void)state;
    put_file("f", "abc");
    ASSERT_INT(attr(OK(CALL(px, "stat", B(tp("f")))), "st_size"), 3);
    KnObject *p = OK(pathlike());
    ASSERT_INT(attr(OK(CALL(px, "stat", p)), "st_size"), 3);
    ASSERT_STR(CALL(px, "fspath", p), tp("f"));
    assert_null(CALL(px, "fspath", I(3)));
    RAISED(ob_exc_TypeError, "expected str, bytes or os.PathLike object, not int");
    assert_null(CALL(px, "stat", ob_float_from_double(1.5)));
    RAISED(ob_exc_TypeError, "stat: path should be string, bytes, os.PathLike or integer, not float");
    assert_null(CALL(px, "mkdir", I(3)));
    RAISED(ob_exc_TypeError, "mkdir: path should be string, bytes or os.PathLike, not int");
    assert_null(CALL(px, "stat", ob_str_from_utf8("a\0b", 3)));
    RAISED(ob_exc_ValueError, "embedded null byte");
    assert_null(CALL(px, "stat", ob_bytes_from_data("a\0b", 3)));
    RAISED(ob_exc_ValueError, "stat: embedded null character in path");
    assert_null(CALL(px, "stat", I(1LL << 40)));
    RAISED(ob_exc_OverflowError, "fd is greater than maximum");
    assert_null(CALL0(px, "stat"));
    RAISED(ob_exc_TypeError, "stat() missing required argument 'path' (pos 1)");
    assert_null(callv(px, "stat", 1, (KnObject *[]){I(0)}, KW("follow_symlinks", KN_False)));
    RAISED(ob_exc_ValueError, "stat: cannot use fd and follow_symlinks together");
    /* a surrogate-escaped str name reaches the file system as the raw byte */
    put_file("\xff", "x");
    KnObject *name = OK(ob_str_decode_utf8("\xff", 1, "surrogateescape"));
    ASSERT_INT(attr(OK(CALL(px, "stat", OK(ob_str_concat(S(tp("")), name)))), "st_size"), 1);
}

static void test_errors(void **state)
{
    (void)state;
    KnObject *missing = TP("missing");
    assert_null(CALL(px, "stat", missing));
    KnObject *e = RAISED(ob_exc_FileNotFoundError, NULL);
    ASSERT_INT(attr(e, "errno"), ENOENT);
    ASSERT_STR(attr(e, "strerror"), "No such file or directory");
    assert_ptr_equal(attr(e, "filename"), missing);
    char msg[320];
    snprintf(msg, sizeof msg, "[Errno 2] No such file or directory: '%s'", tp("missing"));
    ASSERT_STR(ob_str(e), msg);
    assert_null(CALL(px, "rename", missing, TP("other")));
    e = RAISED(ob_exc_FileNotFoundError, NULL);
    assert_ptr_equal(attr(e, "filename"), missing);
    ASSERT_STR(attr(e, "filename2"), tp("other"));
    put_file("plain", "");
    assert_null(CALL(px, "listdir", TP("plain")));
    RAISED(ob_exc_NotADirectoryError, NULL);
    assert_null(CALL(px, "mkdir", TP("plain")));
    RAISED(ob_exc_FileExistsError, NULL);
    assert_null(CALL(px, "close", I(9999)));
    e = RAISED(ob_exc_OSError, "[Errno 9] Bad file descriptor");
    assert_ptr_equal(attr(e, "filename"), KN_None);
    assert_null(CALL(px, "rmdir", TP("plain")));
    RAISED(ob_exc_NotADirectoryError, NULL);
}

static int has_item(KnObject *list, const char *name)
{
    return ob_contains(list, S(name)) == 1;
}

static void test_listdir(void **state)
{
    (void)state;
    OK(CALL(px, "mkdir", TP("ld")));
    put_file("ld/a", "1");
    put_file("ld/b", "22");
    OK(CALL(px, "mkdir", TP("ld/sub")));
    KnObject *l = OK(CALL(px, "listdir", TP("ld")));
    assert_int_equal(ob_length(l), 3);
    assert_true(has_item(l, "a") && has_item(l, "b") && has_item(l, "sub"));
    l = OK(CALL(px, "listdir", B(tp("ld"))));
    assert_int_equal(ob_contains(l, B("sub")), 1);
    int fd = open(tp("ld"), O_RDONLY);
    l = OK(CALL(px, "listdir", I(fd)));
    assert_int_equal(ob_length(l), 3);
    l = OK(CALL(px, "listdir", I(fd)));    /* the descriptor is rewound and still open */
    assert_int_equal(ob_length(l), 3);
    /* scandir(fd): entries are looked up relative to that descriptor,
     * also after the iterator is exhausted */
    KnObject *entries = OK(ob_sequence_list(OK(CALL(px, "scandir", I(fd)))));
    assert_int_equal(ob_length(entries), 3);
    for (int i = 0; i < 3; i++) {
        KnObject *e = ob_sequence_getitem(entries, i);
        KnObject *st1 = OK(ob_call_method(e, "stat", 0));
        assert_ptr_equal(attr(e, "path"), attr(e, "name"));
        if (ob_str_equal_cstr(attr(e, "name"), "b"))
            ASSERT_INT(attr(st1, "st_size"), 2);
    }
    close(fd);
    char cwd[512];
    assert_non_null(getcwd(cwd, sizeof cwd));
    OK(CALL(px, "chdir", TP("ld")));
    assert_int_equal(ob_length(OK(CALL0(px, "listdir"))), 3);
    ASSERT_STR(CALL0(px, "getcwd"), tp("ld"));
    assert_true(KN_BYTES_CHECK(OK(CALL0(px, "getcwdb"))));
    assert_int_equal(chdir(cwd), 0);
}

static void test_scandir(void **state)
{
    (void)state;
    OK(CALL(px, "mkdir", TP("sd")));
    put_file("sd/file", "abcd");
    OK(CALL(px, "mkdir", TP("sd/dir")));
    OK(CALL(px, "symlink", S("file"), TP("sd/link")));
    OK(CALL(px, "symlink", S("nowhere"), TP("sd/dangling")));
    KnObject *it = OK(CALL(px, "scandir", TP("sd")));
    assert_ptr_equal(OK(ob_call_method(it, "__enter__", 0)), it);
    int seen = 0;
    KnObject *e;
    while ((e = ob_iter_next(it)) != NULL) {
        const char *name = ob_str_as_utf8(attr(e, "name"), NULL);
        char want[256];
        snprintf(want, sizeof want, "%s/sd/%s", px_tmp, name);
        ASSERT_STR(attr(e, "path"), want);
        ASSERT_STR(ob_call_method(e, "__fspath__", 0), want);
        KnObject *isdir = OK(ob_call_method(e, "is_dir", 0));
        KnObject *isfile = OK(ob_call_method(e, "is_file", 0));
        KnObject *islink = OK(ob_call_method(e, "is_symlink", 0));
        if (strcmp(name, "file") == 0) {
            seen |= 1;
            assert_true(isfile == KN_True && isdir == KN_False && islink == KN_False);
            KnObject *s1 = OK(ob_call_method(e, "stat", 0));
            assert_ptr_equal(ob_call_method(e, "stat", 0), s1);     /* cached */
            ASSERT_INT(attr(s1, "st_size"), 4);
            ASSERT_INT(ob_call_method(e, "inode", 0), ob_int_as_long_long(attr(s1, "st_ino")));
            ASSERT_REPR(e, "<DirEntry 'file'>");
        } else if (strcmp(name, "dir") == 0) {
            seen |= 2;
            assert_true(isdir == KN_True && isfile == KN_False);
        } else if (strcmp(name, "link") == 0) {
            seen |= 4;
            assert_true(islink == KN_True && isfile == KN_True);
            KnObject *f = OK(ob_call(ob_getattr_str(e, "is_file"), ob_tuple_empty(), KW("follow_symlinks", KN_False)));
            assert_ptr_equal(f, KN_False);
            KnObject *ls = OK(ob_call(ob_getattr_str(e, "stat"), ob_tuple_empty(), KW("follow_symlinks", KN_False)));
            assert_true(S_ISLNK(ob_int_as_long_long(attr(ls, "st_mode"))));
        } else if (strcmp(name, "dangling") == 0) {
            seen |= 8;
            assert_true(islink == KN_True && isfile == KN_False && isdir == KN_False);
            assert_null(ob_call_method(e, "stat", 0));
            RAISED(ob_exc_FileNotFoundError, NULL);
        }
    }
    assert_null(ob_err_occurred());
    assert_int_equal(seen, 15);
    OK(ob_call_method(it, "__exit__", 3, KN_None, KN_None, KN_None));
    /* closed early: the iterator is exhausted */
    it = OK(CALL(px, "scandir", TP("sd")));
    OK(ob_call_method(it, "close", 0));
    assert_null(ob_iter_next(it));
    assert_null(ob_err_occurred());
    /* bytes argument: bytes names and paths */
    it = OK(CALL(px, "scandir", B(tp("sd"))));
    e = OK(ob_iter_next(it));
    assert_true(KN_BYTES_CHECK(attr(e, "name")) && KN_BYTES_CHECK(attr(e, "path")));
    assert_null(CALL(px, "scandir", TP("nothere")));
    RAISED(ob_exc_FileNotFoundError, NULL);
    assert_null(ob_call(ob_getattr_str(px, "DirEntry"), ob_tuple_empty(), NULL));
    RAISED(ob_exc_TypeError, "cannot create 'posix.DirEntry' instances");
}

static void test_names(void **state)
{
    (void)state;
    put_file("n1", "0123456789");
    OK(CALL(px, "rename", TP("n1"), TP("n2")));
    assert_int_equal(access(tp("n1"), F_OK), -1);
    put_file("n3", "x");
    OK(CALL(px, "replace", TP("n3"), TP("n2")));
    ASSERT_INT(attr(OK(CALL(px, "stat", TP("n2"))), "st_size"), 1);
    OK(CALL(px, "link", TP("n2"), TP("n4")));
    ASSERT_INT(attr(OK(CALL(px, "stat", TP("n2"))), "st_nlink"), 2);
    OK(CALL(px, "symlink", S("n2"), TP("n5")));
    ASSERT_STR(CALL(px, "readlink", TP("n5")), "n2");
    KnObject *rb = OK(CALL(px, "readlink", B(tp("n5"))));
    assert_true(KN_BYTES_CHECK(rb));
    OK(CALL(px, "chmod", TP("n2"), I(0600)));
    ASSERT_INT(attr(OK(CALL(px, "stat", TP("n2"))), "st_mode"), S_IFREG | 0600);
    assert_ptr_equal(CALL(px, "access", TP("n2"), I(R_OK | W_OK)), KN_True);
    assert_ptr_equal(CALL(px, "access", TP("n2"), I(X_OK)), KN_False);
    assert_ptr_equal(CALL(px, "access", TP("none"), I(F_OK)), KN_False);
    OK(CALL(px, "utime", TP("n2"), ob_tuple_pack(2, I(1000), ob_float_from_double(2000.25))));
    KnObject *r = OK(CALL(px, "stat", TP("n2")));
    ASSERT_INT(ob_sequence_getitem(r, 7), 1000);
    ASSERT_INT(attr(r, "st_mtime_ns"), 2000250000000LL);
    OK(callv(px, "utime", 1, (KnObject *[]){TP("n2")}, KW("ns", ob_tuple_pack(2, I(5), I(3000000000LL)))));
    ASSERT_INT(attr(OK(CALL(px, "stat", TP("n2"))), "st_mtime_ns"), 3000000000LL);
    OK(CALL(px, "truncate", TP("n2"), I(0)));
    ASSERT_INT(attr(OK(CALL(px, "stat", TP("n2"))), "st_size"), 0);
    OK(CALL(px, "unlink", TP("n4")));
    OK(CALL(px, "remove", TP("n5")));
    OK(CALL(px, "mkdir", TP("dd"), I(0700)));
    ASSERT_INT(attr(OK(CALL(px, "stat", TP("dd"))), "st_mode"), S_IFDIR | 0700);
    OK(CALL(px, "rmdir", TP("dd")));
    assert_int_equal(access(tp("dd"), F_OK), -1);
    /* lstat does not follow */
    OK(CALL(px, "symlink", S("n2"), TP("n6")));
    assert_true(S_ISLNK(ob_int_as_long_long(attr(OK(CALL(px, "lstat", TP("n6"))), "st_mode"))));
    /* dir_fd */
    int dfd = open(px_tmp, O_RDONLY | O_DIRECTORY);
    ASSERT_INT(attr(OK(callv(px, "stat", 1, (KnObject *[]){S("n2")}, KW("dir_fd", I(dfd)))), "st_size"), 0);
    close(dfd);
    long long old = ob_int_as_long_long(OK(CALL(px, "umask", I(022))));
    ASSERT_INT(CALL(px, "umask", I(old)), 022);
}

static void test_descriptors(void **state)
{
    (void)state;
    KnObject *fd = OK(CALL(px, "open", TP("fdfile"), I(O_RDWR | O_CREAT | O_TRUNC), I(0644)));
    assert_ptr_equal(CALL(px, "get_inheritable", fd), KN_False);
    ASSERT_INT(CALL(px, "write", fd, B("hello world")), 11);
    ASSERT_INT(CALL(px, "lseek", fd, I(6), I(SEEK_SET)), 6);
    KnObject *data = OK(CALL(px, "read", fd, I(100)));
    assert_int_equal(KN_SIZE(data), 5);
    assert_memory_equal(KN_BYTES_AS_STRING(data), "world", 5);
    ASSERT_INT(attr(OK(CALL(px, "fstat", fd)), "st_size"), 11);
    OK(CALL(px, "ftruncate", fd, I(4)));
    OK(CALL(px, "fsync", fd));
    ASSERT_INT(attr(OK(CALL(px, "stat", fd)), "st_size"), 4);
    KnObject *fd2 = OK(CALL(px, "dup", fd));
    assert_ptr_equal(CALL(px, "get_inheritable", fd2), KN_False);
    OK(CALL(px, "set_inheritable", fd2, KN_True));
    assert_ptr_equal(CALL(px, "get_inheritable", fd2), KN_True);
    assert_ptr_equal(CALL(px, "get_blocking", fd2), KN_True);
    OK(CALL(px, "close", fd2));
    OK(CALL(px, "close", fd));
    assert_null(CALL(px, "read", fd, I(1)));
    RAISED(ob_exc_OSError, "[Errno 9] Bad file descriptor");
    KnObject *p = OK(CALL0(px, "pipe"));
    KnObject *r = KN_TUPLE_GET(p, 0), *w = KN_TUPLE_GET(p, 1);
    OK(CALL(px, "set_blocking", r, KN_False));
    assert_ptr_equal(CALL(px, "get_blocking", r), KN_False);
    assert_null(CALL(px, "read", r, I(1)));
    RAISED(ob_exc_BlockingIOError, NULL);
    OK(CALL(px, "write", w, B("xy")));
    data = OK(CALL(px, "read", r, I(10)));
    assert_int_equal(KN_SIZE(data), 2);
    assert_ptr_equal(CALL(px, "isatty", r), KN_False);
    assert_ptr_equal(CALL(px, "device_encoding", r), KN_None);
    assert_null(CALL(px, "get_terminal_size", r));
    RAISED(ob_exc_OSError, NULL);
    OK(CALL(px, "close", r));
    OK(CALL(px, "close", w));
    assert_null(CALL(px, "write", I(1), S("text")));
    RAISED(ob_exc_TypeError, "a bytes-like object is required, not 'str'");
    assert_null(CALL(px, "open", TP("nope/x"), I(O_RDONLY)));
    KnObject *e = RAISED(ob_exc_FileNotFoundError, NULL);
    ASSERT_STR(attr(e, "filename"), tp("nope/x"));
}

/* Fork hooks record their order in `hook_log`. */
static char hook_log[16];
static KnObject *hook_a(KnObject *self, KnObject *unused) { (void)self; (void)unused; strcat(hook_log, "a"); return KN_None; }
static KnObject *hook_b(KnObject *self, KnObject *unused) { (void)self; (void)unused; strcat(hook_log, "b"); return KN_None; }
static KnObject *hook_p(KnObject *self, KnObject *unused) { (void)self; (void)unused; strcat(hook_log, "P"); return KN_None; }

static void test_register_at_fork(void **state)
{
    (void)state;
    static KnMethodDef defs[] = {
        {"a", hook_a, KN_METH_NOARGS, NULL}, {"b", hook_b, KN_METH_NOARGS, NULL},
        {"p", hook_p, KN_METH_NOARGS, NULL}, {NULL, NULL, 0, NULL}
    };
    KnObject *hm = ob_module_new_cstr("hooks");
    ob_module_add_functions(hm, defs);
    KnObject *reg = ob_getattr_str(px, "register_at_fork");
    OK(ob_call(reg, ob_tuple_empty(), KW("before", ob_getattr_str(hm, "a"))));
    OK(ob_call(reg, ob_tuple_empty(), KW("before", ob_getattr_str(hm, "b"))));
    OK(ob_call(reg, ob_tuple_empty(), KW("after_in_parent", ob_getattr_str(hm, "p"))));
    assert_null(ob_call(reg, ob_tuple_empty(), NULL));
    RAISED(ob_exc_TypeError, "At least one argument is required.");
    assert_null(ob_call(reg, ob_tuple_empty(), KW("before", I(1))));
    RAISED(ob_exc_TypeError, "'before' must be callable, not int");
    KnObject *pid = OK(CALL0(px, "fork"));
    if (ob_int_as_long_long(pid) == 0)
        _exit(0);
    OK(CALL(px, "waitpid", pid, I(0)));
    assert_string_equal(hook_log, "baP");    /* before: newest first */
}

static void test_environ_and_process(void **state)
{
    (void)state;
    KnObject *env = ob_getattr_str(px, "environ");
    assert_true(KN_DICT_CHECK(env));
    KnObject *v = ob_dict_getitem(env, B("KILN_POSIX_TEST"));
    assert_non_null(v);
    assert_int_equal(KN_SIZE(v), 6);
    assert_memory_equal(KN_BYTES_AS_STRING(v), "value\xff", 6);
    OK(CALL(px, "putenv", S("KILN_PUT"), S("1")));
    assert_string_equal(getenv("KILN_PUT"), "1");
    OK(CALL(px, "unsetenv", S("KILN_PUT")));
    assert_null(getenv("KILN_PUT"));
    assert_null(CALL(px, "putenv", S("A=B"), S("1")));
    RAISED(ob_exc_ValueError, "illegal environment variable name");
    ASSERT_INT(CALL0(px, "getpid"), getpid());
    ASSERT_INT(CALL0(px, "getppid"), getppid());
    ASSERT_INT(CALL0(px, "getuid"), getuid());
    ASSERT_INT(CALL0(px, "getegid"), getegid());
    assert_true(KN_LIST_CHECK(OK(CALL0(px, "getgroups"))));
    KnObject *u = OK(CALL0(px, "uname"));
    ASSERT_STR(attr(u, "sysname"), "Linux");
    assert_int_equal(ob_length(u), 5);
    assert_int_equal(KN_SIZE(OK(CALL(px, "urandom", I(32)))), 32);
    assert_null(CALL(px, "urandom", I(-1)));
    RAISED(ob_exc_ValueError, "negative argument not allowed");
    ASSERT_STR(CALL(px, "strerror", I(ENOENT)), "No such file or directory");
    ASSERT_INT(CALL0(px, "cpu_count"), sysconf(_SC_NPROCESSORS_ONLN));
    ASSERT_INT(CALL(px, "sysconf", S("SC_PAGESIZE")), sysconf(_SC_PAGESIZE));
    assert_null(CALL(px, "sysconf", S("NOPE")));
    RAISED(ob_exc_ValueError, "unrecognized configuration name");
    assert_int_equal(ob_length(OK(CALL0(px, "times"))), 5);
    /* fork, exit status and the W* macros */
    KnObject *pid = OK(CALL0(px, "fork"));
    if (ob_int_as_long_long(pid) == 0)
        _exit(3);
    KnObject *res = OK(CALL(px, "waitpid", pid, I(0)));
    KnObject *status = KN_TUPLE_GET(res, 1);
    assert_ptr_equal(CALL(px, "WIFEXITED", status), KN_True);
    ASSERT_INT(CALL(px, "WEXITSTATUS", status), 3);
    assert_ptr_equal(CALL(px, "WIFSIGNALED", status), KN_False);
    ASSERT_INT(CALL(px, "waitstatus_to_exitcode", status), 3);
    ASSERT_INT(CALL(px, "waitstatus_to_exitcode", I(9)), -9);
    assert_null(CALL(px, "waitpid", I(-1), I(0)));
    RAISED(ob_exc_ChildProcessError, NULL);
    assert_null(CALL(px, "execv", S("/bin/true"), ob_list_new(0)));
    RAISED(ob_exc_ValueError, "execv() arg 2 must not be empty");
}

static void test_module_constants(void **state)
{
    (void)state;
    ASSERT_INT(attr(px, "O_CREAT"), O_CREAT);
    ASSERT_INT(attr(px, "W_OK"), W_OK);
    ASSERT_INT(attr(px, "SEEK_DATA"), SEEK_DATA);
    assert_null(ob_getattr_str(px, "SEEK_END"));   /* os.py defines SEEK_SET/CUR/END itself */
    ob_err_clear();
    ASSERT_INT(attr(px, "WNOHANG"), WNOHANG);
    ASSERT_INT(attr(px, "EX_OK"), 0);
    assert_ptr_equal(attr(px, "error"), ob_exc_OSError);
    KnObject *have = attr(px, "_have_functions");
    assert_int_equal(ob_contains(have, S("HAVE_FSTATAT")), 1);
    assert_int_equal(ob_contains(have, S("HAVE_MKFIFOAT")), 1);
    assert_int_equal(ob_contains(have, S("HAVE_FUTIMESAT")), 0);
    ASSERT_REPR(attr(px, "terminal_size"), "<class 'os.terminal_size'>");
}

static void test_extras(void **state)
{
    (void)state;
    KnObject *v = OK(CALL(px, "statvfs", S(px_tmp)));
    ASSERT_REPR(attr(px, "statvfs_result"), "<class 'os.statvfs_result'>");
    assert_int_equal(ob_length(v), 10);
    assert_true(ob_int_as_long_long(attr(v, "f_bsize")) > 0);
    assert_true(KN_INT_CHECK(attr(v, "f_fsid")));
    ASSERT_INT(CALL(px, "makedev", I(8), I(1)), 2049);
    ASSERT_INT(CALL(px, "major", I(2049)), 8);
    ASSERT_INT(CALL(px, "minor", I(2049)), 1);
    OK(CALL(px, "mkfifo", TP("fifo")));
    assert_true(S_ISFIFO(ob_int_as_long_long(attr(OK(CALL(px, "stat", TP("fifo"))), "st_mode"))));
    KnObject *fd = OK(CALL(px, "open", TP("pfile"), I(O_RDWR | O_CREAT), I(0600)));
    ASSERT_INT(CALL(px, "pwrite", fd, B("abcdef"), I(2)), 6);
    KnObject *data = OK(CALL(px, "pread", fd, I(3), I(4)));
    assert_int_equal(KN_SIZE(data), 3);
    assert_memory_equal(KN_BYTES_AS_STRING(data), "cde", 3);
    ASSERT_INT(attr(OK(CALL(px, "fstatvfs", fd)), "f_namemax"),
               ob_int_as_long_long(attr(v, "f_namemax")));
    assert_null(CALL(px, "ttyname", fd));
    RAISED(ob_exc_OSError, "[Errno 25] Inappropriate ioctl for device");
    OK(CALL(px, "close", fd));
    ASSERT_INT(CALL(px, "system", S("exit 3")), 3 << 8);
    assert_null(CALL(px, "system", I(5)));
    RAISED(ob_exc_TypeError, "expected str, bytes or os.PathLike object, not int");
    KnObject *cpus = OK(CALL(px, "sched_getaffinity", I(0)));
    assert_true(ob_length(cpus) >= 1);
    ASSERT_INT(CALL(px, "getpgid", I(0)), getpgid(0));
    ASSERT_INT(CALL(px, "pathconf", S("/"), S("PC_NAME_MAX")), pathconf("/", _PC_NAME_MAX));
    assert_null(CALL(px, "pathconf", S("/"), S("X")));
    RAISED(ob_exc_ValueError, "unrecognized configuration name");
    unsigned ru, eu, su;
    getresuid(&ru, &eu, &su);
    KnObject *ids = OK(CALL0(px, "getresuid"));
    ASSERT_INT(KN_TUPLE_GET(ids, 1), eu);
    assert_int_equal(KN_SIZE(OK(CALL(px, "getrandom", I(7)))), 7);
    assert_null(CALL(px, "getrandom", I(-1)));
    RAISED(ob_exc_OSError, "[Errno 22] Invalid argument");
    ASSERT_INT(attr(px, "ST_RDONLY"), 1);
    ASSERT_INT(CALL(px, "getsid", I(0)), getsid(0));
}

static void test_more(void **state)
{
    (void)state;
    ASSERT_INT(attr(px, "MFD_HUGE_2GB"), 2080374784);
    ASSERT_INT(attr(px, "EFD_CLOEXEC"), 524288);
    KnObject *efd = OK(CALL(px, "eventfd", I(3)));
    assert_ptr_equal(CALL(px, "get_inheritable", efd), KN_False);
    ASSERT_INT(CALL(px, "eventfd_read", efd), 3);
    OK(CALL(px, "eventfd_write", efd, I(5)));
    ASSERT_INT(CALL(px, "eventfd_read", efd), 5);
    OK(CALL(px, "close", efd));
    KnObject *mfd = OK(CALL(px, "memfd_create", S("kiln")));
    KnObject *bufs = ob_list_new(0);
    ob_list_append(bufs, B("ab"));
    ob_list_append(bufs, B("cde"));
    ASSERT_INT(CALL(px, "writev", mfd, bufs), 5);
    OK(CALL(px, "lseek", mfd, I(0), I(SEEK_SET)));
    KnObject *b1 = ob_bytearray_from_data(NULL, 3), *b2 = ob_bytearray_from_data(NULL, 4);
    ASSERT_INT(CALL(px, "readv", mfd, ob_tuple_pack(2, b1, b2)), 5);
    ASSERT_REPR(b1, "bytearray(b'abc')");
    ASSERT_REPR(b2, "bytearray(b'de\\x00\\x00')");
    assert_null(CALL(px, "readv", mfd, ob_tuple_pack(1, B("x"))));
    RAISED(ob_exc_BufferError, NULL);
    assert_null(CALL(px, "writev", mfd, S("x")));
    RAISED(ob_exc_TypeError, "a bytes-like object is required, not 'str'");
    /* sendfile / copy_file_range into a file */
    KnObject *out = OK(CALL(px, "open", TP("sent"), I(O_RDWR | O_CREAT | O_TRUNC), I(0600)));
    ASSERT_INT(CALL(px, "sendfile", out, mfd, I(1), I(3)), 3);
    ASSERT_INT(attr(OK(CALL(px, "fstat", out)), "st_size"), 3);
    KnObject *out2 = OK(CALL(px, "open", TP("copied"), I(O_RDWR | O_CREAT | O_TRUNC), I(0600)));
    ASSERT_INT(CALL(px, "copy_file_range", out, out2, I(2), I(1), I(0)), 2);
    KnObject *all = OK(CALL(px, "pread", out2, I(10), I(0)));
    assert_int_equal(KN_SIZE(all), 2);
    assert_memory_equal(KN_BYTES_AS_STRING(all), "cd", 2);
    OK(CALL(px, "close", out2));
    OK(CALL(px, "close", out));
    OK(CALL(px, "close", mfd));
    /* waitid on a child that exits with 4 */
    KnObject *pid = OK(CALL0(px, "fork"));
    if (ob_int_as_long_long(pid) == 0)
        _exit(4);
    KnObject *w = OK(CALL(px, "waitid", I(P_PID), pid, I(WEXITED)));
    ASSERT_REPR(attr(px, "waitid_result"), "<class 'posix.waitid_result'>");
    ASSERT_INT(attr(w, "si_status"), 4);
    ASSERT_INT(attr(w, "si_code"), CLD_EXITED);
    assert_int_equal(ob_richcompare_bool(attr(w, "si_pid"), pid, KN_EQ), 1);
    assert_null(CALL(px, "waitid", I(P_ALL), I(0), I(WEXITED | WNOHANG)));
    RAISED(ob_exc_ChildProcessError, NULL);
    OK(CALL(px, "mknod", TP("node"), I(S_IFIFO | 0600)));
    assert_true(S_ISFIFO(ob_int_as_long_long(attr(OK(CALL(px, "stat", TP("node"))), "st_mode"))));
}

static void test_stat_module(void **state)
{
    (void)state;
    ASSERT_STR(CALL(st, "filemode", I(0100755)), "-rwxr-xr-x");
    ASSERT_STR(CALL(st, "filemode", I(040000 | 07777)), "drwsrwsrwt");
    ASSERT_STR(CALL(st, "filemode", I(0120777)), "lrwxrwxrwx");
    ASSERT_STR(CALL(st, "filemode", I(01000)), "?--------T");
    ASSERT_STR(CALL(st, "filemode", I(02010)), "?-----s---");
    ASSERT_STR(CALL(st, "filemode", KN_True), "?--------x");
    assert_ptr_equal(CALL(st, "S_ISDIR", I(040755)), KN_True);
    assert_ptr_equal(CALL(st, "S_ISREG", I(040755)), KN_False);
    assert_ptr_equal(CALL(st, "S_ISDOOR", I(040755)), KN_False);
    ASSERT_INT(CALL(st, "S_IMODE", I(0104755)), 04755);
    ASSERT_INT(CALL(st, "S_IFMT", I(0104755)), 0100000);
    assert_null(CALL(st, "S_IMODE", I(-1)));
    RAISED(ob_exc_OverflowError, "can't convert negative value to unsigned int");
    assert_null(CALL(st, "S_IMODE", I(1LL << 40)));
    RAISED(ob_exc_OverflowError, "mode out of range");
    assert_null(CALL(st, "S_ISDIR", S("x")));
    RAISED(ob_exc_TypeError, "an integer is required");
    ASSERT_INT(attr(st, "S_IFDOOR"), 0);
    ASSERT_INT(attr(st, "SF_SNAPSHOT"), 2097152);
    ASSERT_INT(attr(st, "ST_MTIME"), 8);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stat_result),
        cmocka_unit_test(test_path_arguments),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_listdir),
        cmocka_unit_test(test_scandir),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_descriptors),
        cmocka_unit_test(test_environ_and_process),
        cmocka_unit_test(test_register_at_fork),
        cmocka_unit_test(test_module_constants),
        cmocka_unit_test(test_extras),
        cmocka_unit_test(test_more),
        cmocka_unit_test(test_stat_module),
    };
    return cmocka_run_group_tests(tests, setup, px_remove_tmp);
}
