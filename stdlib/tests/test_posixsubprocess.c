/*
 * test_posixsubprocess.c — _posixsubprocess.fork_exec from C, called the
 * way subprocess.py 3.11 calls it: /bin/echo's output read through a pipe,
 * env and cwd, close_fds with pass_fds, the errpipe reports ("OSError:2:"
 * for a missing program, "...:noexec" for a bad cwd, the preexec_fn
 * failure), and argument errors as python3.11 words them.
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/wait.h>

#include "test_posix_util.h"

KnObject *kn_init__posixsubprocess(void);

static KnObject *psp;

static int setup(void **state)
{
    (void)state;
    return ob_runtime_init() < 0 || (psp = kn_init__posixsubprocess()) == NULL ? -1 : 0;
}

static KnObject *T1(KnObject *o) { return ob_tuple_pack(1, o); }

/* The 23 arguments with no pipes; the caller fills what it needs. */
static void defaults(KnObject **a, KnObject *argv, const char *exe, int errpipe_r, int errpipe_w)
{
    a[0] = argv;
    a[1] = T1(B(exe));
    a[2] = KN_True;
    a[3] = T1(I(errpipe_w));
    a[4] = KN_None;
    a[5] = KN_None;
    for (int i = 6; i < 12; i++)
        a[i] = I(-1);
    a[12] = I(errpipe_r);
    a[13] = I(errpipe_w);
    a[14] = KN_True;
    a[15] = KN_False;
    a[16] = I(-1);
    a[17] = KN_None;
    a[18] = KN_None;
    a[19] = KN_None;
    a[20] = I(-1);
    a[21] = KN_None;
    a[22] = KN_True;
}

static KnObject *fork_exec(KnObject **a, int n)
{
    return ob_call(attr(psp, "fork_exec"), ob_tuple_from_array(a, n), NULL);
}

/* Run: returns the pid; *errdata gets what the child wrote to errpipe;
 * out (if not NULL) what it wrote to stdout. */
typedef struct Run { int status; char err[256]; char out[256]; } Run;

static void run(KnObject **a, Run *r, int want_out)
{
    int ep[2], op[2] = {-1, -1};
    assert_int_equal(pipe2(ep, O_CLOEXEC), 0);
    if (want_out) {
        assert_int_equal(pipe2(op, O_CLOEXEC), 0);
        a[8] = I(op[0]);
        a[9] = I(op[1]);
    }
    a[12] = I(ep[0]);
    a[13] = I(ep[1]);
    KnObject *keep = a[3];
    if (ob_length(keep) == 1)
        a[3] = T1(I(ep[1]));
    KnObject *pid = OK(fork_exec(a, 23));
    close(ep[1]);
    if (want_out)
        close(op[1]);
    memset(r, 0, sizeof *r);
    ssize_t n, tot = 0;
    while ((n = read(ep[0], r->err + tot, sizeof r->err - 1 - (size_t)tot)) > 0)
        tot += n;
    close(ep[0]);
    if (want_out) {
        tot = 0;
        while ((n = read(op[0], r->out + tot, sizeof r->out - 1 - (size_t)tot)) > 0)
            tot += n;
        close(op[0]);
    }
    assert_int_equal(waitpid((pid_t)ob_int_as_long_long(pid), &r->status, 0), ob_int_as_long_long(pid));
}

static void test_echo(void **state)
{
    (void)state;
    KnObject *a[23];
    defaults(a, ob_tuple_pack(3, B("echo"), B("hello"), S("w\xc3\xb6rld")), "/bin/echo", -1, -1);
    Run r;
    run(a, &r, 1);
    assert_string_equal(r.err, "");
    assert_string_equal(r.out, "hello w\xc3\xb6rld\n");
    assert_true(WIFEXITED(r.status) && WEXITSTATUS(r.status) == 0);
}

static void test_env_cwd_path_search(void **state)
{
    (void)state;
    KnObject *a[23];
    /* the first candidate is missing, the second runs */
    defaults(a, ob_tuple_pack(3, B("sh"), B("-c"), B("echo $KN_X; pwd")), "/nonexistent/sh", -1, -1);
    a[1] = ob_tuple_pack(2, B("/nonexistent/sh"), B("/bin/sh"));
    a[5] = T1(B("KN_X=42"));
    a[4] = S("/");
    Run r;
    run(a, &r, 1);
    assert_string_equal(r.err, "");
    assert_string_equal(r.out, "42\n/\n");
}

static void test_errpipe_reports(void **state)
{
    (void)state;
    KnObject *a[23];
    Run r;
    defaults(a, T1(B("x")), "/nonexistent/prog", -1, -1);
    run(a, &r, 0);
    assert_string_equal(r.err, "OSError:2:");
    assert_true(WIFEXITED(r.status) && WEXITSTATUS(r.status) == 255);
    /* EACCES from a non-executable candidate wins over a later ENOENT */
    defaults(a, T1(B("x")), "/etc/passwd", -1, -1);
    a[1] = ob_tuple_pack(2, B("/etc/passwd"), B("/nonexistent/prog"));
    run(a, &r, 0);
    assert_string_equal(r.err, "OSError:d:");
    /* chdir failure: exec never reached */
    defaults(a, T1(B("echo")), "/bin/echo", -1, -1);
    a[4] = B("/nonexistent-dir");
    run(a, &r, 0);
    assert_string_equal(r.err, "OSError:2:noexec");
    /* preexec_fn raising */
    defaults(a, T1(B("echo")), "/bin/echo", -1, -1);
    a[21] = I(5);
    run(a, &r, 0);
    assert_string_equal(r.err, "SubprocessError:0:Exception occurred in preexec_fn.");
}

static void test_close_fds(void **state)
{
    (void)state;
    int keep[2], drop[2];
    assert_int_equal(pipe(keep), 0);
    assert_int_equal(pipe(drop), 0);
    char cmd[128];
    /* a kept descriptor stays open in the child (and inheritable), the
     * others are closed */
    snprintf(cmd, sizeof cmd, "test -e /proc/self/fd/%d && echo kept; test -e /proc/self/fd/%d || echo closed",
             keep[1], drop[1]);
    KnObject *a[23];
    defaults(a, ob_tuple_pack(3, B("sh"), B("-c"), B(cmd)), "/bin/sh", -1, -1);
    Run r;
    /* run() replaces a 1-tuple keep list; build the 2-item one after it */
    int ep[2], op[2];
    assert_int_equal(pipe2(ep, O_CLOEXEC), 0);
    assert_int_equal(pipe2(op, O_CLOEXEC), 0);
    fcntl(keep[1], F_SETFD, FD_CLOEXEC);
    a[8] = I(op[0]);
    a[9] = I(op[1]);
    a[12] = I(ep[0]);
    a[13] = I(ep[1]);
    a[3] = keep[1] < ep[1] ? ob_tuple_pack(2, I(keep[1]), I(ep[1])) : ob_tuple_pack(2, I(ep[1]), I(keep[1]));
    KnObject *pid = OK(fork_exec(a, 23));
    close(ep[1]);
    close(op[1]);
    memset(&r, 0, sizeof r);
    assert_int_equal(read(ep[0], r.err, sizeof r.err - 1), 0);
    ssize_t n, tot = 0;
    while ((n = read(op[0], r.out + tot, sizeof r.out - 1 - (size_t)tot)) > 0)
        tot += n;
    assert_string_equal(r.out, "kept\nclosed\n");
    waitpid((pid_t)ob_int_as_long_long(pid), NULL, 0);
    close(ep[0]);
    close(op[0]);
    close(keep[0]);
    close(keep[1]);
    close(drop[0]);
    close(drop[1]);
}

static void test_argument_errors(void **state)
{
    (void)state;
    KnObject *a[23];
    defaults(a, T1(B("x")), "/bin/x", -1, 5);
    assert_null(fork_exec(a, 0));
    RAISED(ob_exc_TypeError, "fork_exec() takes exactly 23 arguments (0 given)");
    a[3] = KN_None;
    assert_null(fork_exec(a, 23));
    RAISED(ob_exc_TypeError, "fork_exec() argument 4 must be tuple, not NoneType");
    a[3] = ob_tuple_pack(2, I(5), I(3));
    a[13] = I(2);
    assert_null(fork_exec(a, 23));
    RAISED(ob_exc_ValueError, "errpipe_write must be >= 3");
    a[13] = I(5);
    assert_null(fork_exec(a, 23));
    RAISED(ob_exc_ValueError, "bad value(s) in fds_to_keep");
    a[3] = ob_tuple_pack(2, I(3), I(5));
    a[0] = I(5);
    assert_null(fork_exec(a, 23));
    RAISED(ob_exc_TypeError, "argv must be a tuple");
    a[0] = T1(I(5));
    assert_null(fork_exec(a, 23));
    RAISED(ob_exc_TypeError, "expected str, bytes or os.PathLike object, not int");
    a[0] = T1(B("x"));
    a[17] = S("x");
    assert_null(fork_exec(a, 23));
    RAISED(ob_exc_TypeError, "gid should be integer, not str");
    a[17] = KN_None;
    a[18] = I(5);
    assert_null(fork_exec(a, 23));
    RAISED(ob_exc_TypeError, "setgroups argument must be a list");
    a[18] = KN_None;
    a[1] = T1(ob_bytes_from_data("/bin/a\0b", 8));
    assert_null(fork_exec(a, 23));
    RAISED(ob_exc_ValueError, "embedded null byte");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_echo),
        cmocka_unit_test(test_env_cwd_path_search),
        cmocka_unit_test(test_errpipe_reports),
        cmocka_unit_test(test_close_fds),
        cmocka_unit_test(test_argument_errors),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
