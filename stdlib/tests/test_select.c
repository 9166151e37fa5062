/*
 * test_select.c — the select module from C: select() and poll() on a
 * pipe, poll register/modify/unregister errors, epoll register/poll/
 * close and its errors; messages are python3.11's.
 */
#include <errno.h>
#include <poll.h>
#include <sys/epoll.h>

#include "test_posix_util.h"

KnObject *kn_init_select(void);

static KnObject *sel;
static int rfd, wfd;

static int setup(void **state)
{
    (void)state;
    int p[2];
    if (ob_runtime_init() < 0 || (sel = kn_init_select()) == NULL || pipe(p) < 0)
        return -1;
    rfd = p[0];
    wfd = p[1];
    return 0;
}

static KnObject *L1(int fd)
{
    KnObject *l = ob_list_new(0);
    ob_list_append(l, I(fd));
    return l;
}

static void test_select_pipe(void **state)
{
    (void)state;
    /* nothing to read yet: ([], [wfd], []) with a zero timeout */
    KnObject *r = OK(CALL(sel, "select", L1(rfd), L1(wfd), ob_list_new(0), I(0)));
    assert_int_equal(ob_length(ob_sequence_getitem(r, 0)), 0);
    ASSERT_INT(ob_sequence_getitem(ob_sequence_getitem(r, 1), 0), wfd);
    assert_int_equal(write(wfd, "x", 1), 1);
    r = OK(CALL(sel, "select", L1(rfd), ob_list_new(0), ob_list_new(0), ob_float_from_double(0.5)));
    ASSERT_INT(ob_sequence_getitem(ob_sequence_getitem(r, 0), 0), rfd);
    char c;
    assert_int_equal(read(rfd, &c, 1), 1);
    /* a timeout that expires */
    r = OK(CALL(sel, "select", L1(rfd), ob_list_new(0), ob_list_new(0), ob_float_from_double(0.01)));
    assert_int_equal(ob_length(ob_sequence_getitem(r, 0)), 0);
    /* errors */
    assert_null(CALL(sel, "select", ob_list_new(0), ob_list_new(0), ob_list_new(0), I(-1)));
    RAISED(ob_exc_ValueError, "timeout must be non-negative");
    assert_null(CALL(sel, "select", ob_list_new(0), ob_list_new(0), ob_list_new(0), S("x")));
    RAISED(ob_exc_TypeError, "timeout must be a float or None");
    assert_null(CALL(sel, "select", I(1), ob_list_new(0), ob_list_new(0)));
    RAISED(ob_exc_TypeError, "arguments 1-3 must be sequences");
    assert_null(CALL(sel, "select", L1(-1), ob_list_new(0), ob_list_new(0)));
    RAISED(ob_exc_ValueError, "file descriptor cannot be a negative integer (-1)");
}

static void test_poll_pipe(void **state)
{
    (void)state;
    KnObject *p = OK(CALL0(sel, "poll"));
    OK(CALL(p, "register", I(rfd)));
    KnObject *r = OK(CALL(p, "poll", I(0)));
    assert_int_equal(ob_length(r), 0);
    assert_int_equal(write(wfd, "ab", 2), 2);
    r = OK(CALL(p, "poll", I(1000)));
    assert_int_equal(ob_length(r), 1);
    KnObject *t = ob_sequence_getitem(r, 0);
    ASSERT_INT(ob_sequence_getitem(t, 0), rfd);
    ASSERT_INT(ob_sequence_getitem(t, 1), POLLIN);
    /* modify to POLLOUT only: a read end is never writable */
    OK(CALL(p, "modify", I(rfd), I(POLLOUT)));
    r = OK(CALL(p, "poll", ob_float_from_double(2.5)));
    assert_int_equal(ob_length(r), 0);
    OK(CALL(p, "unregister", I(rfd)));
    assert_null(CALL(p, "unregister", I(rfd)));
    RAISED(ob_exc_KeyError, NULL);
    assert_null(CALL(p, "modify", I(rfd), I(1)));
    RAISED(ob_exc_FileNotFoundError, "[Errno 2] No such file or directory");
    assert_null(CALL(p, "register", I(-1)));
    RAISED(ob_exc_ValueError, "file descriptor cannot be a negative integer (-1)");
    assert_null(CALL(p, "poll", S("x")));
    RAISED(ob_exc_TypeError, "timeout must be an integer or None");
    char buf[2];
    assert_int_equal(read(rfd, buf, 2), 2);
}

static void test_epoll(void **state)
{
    (void)state;
    KnObject *e = OK(CALL0(sel, "epoll"));
    assert_true(attr(e, "closed") == KN_False);
    KnObject *fd = attr(e, "fileno");
    assert_true(ob_int_as_long_long(OK(ob_call_noargs(fd))) > 2);
    OK(CALL(e, "register", I(rfd), I(EPOLLIN)));
    assert_int_equal(ob_length(OK(CALL(e, "poll", I(0)))), 0);
    assert_int_equal(write(wfd, "z", 1), 1);
    KnObject *r = OK(CALL(e, "poll", ob_float_from_double(1.0)));
    assert_int_equal(ob_length(r), 1);
    ASSERT_INT(ob_sequence_getitem(ob_sequence_getitem(r, 0), 0), rfd);
    ASSERT_INT(ob_sequence_getitem(ob_sequence_getitem(r, 0), 1), EPOLLIN);
    assert_null(CALL(e, "register", I(rfd)));
    RAISED(ob_exc_FileExistsError, NULL);
    assert_null(CALL(e, "poll", I(0), I(0)));
    RAISED(ob_exc_ValueError, "maxevents must be greater than 0, got 0");
    OK(CALL(e, "modify", I(rfd), I(EPOLLOUT)));
    assert_int_equal(ob_length(OK(CALL(e, "poll", I(0)))), 0);
    OK(CALL(e, "unregister", I(rfd)));
    assert_null(CALL(e, "unregister", I(rfd)));
    RAISED(ob_exc_FileNotFoundError, NULL);
    /* context manager: __exit__ closes */
    assert_true(OK(CALL0(e, "__enter__")) == e);
    OK(CALL(e, "__exit__", KN_None, KN_None, KN_None));
    assert_true(attr(e, "closed") == KN_True);
    assert_null(CALL0(e, "fileno"));
    RAISED(ob_exc_ValueError, "I/O operation on closed epoll object");
    assert_null(CALL(e, "poll"));
    RAISED(ob_exc_ValueError, "I/O operation on closed epoll object");
    OK(CALL0(e, "close"));
    /* constructor errors */
    KnObject *ep = attr(sel, "epoll");
    assert_null(ob_call(ep, ob_tuple_new(0), KW("sizehint", I(0))));
    RAISED(ob_exc_ValueError, "negative sizehint");
    assert_null(ob_call(ep, ob_tuple_new(0), KW("flags", I(5))));
    RAISED(ob_exc_OSError, "invalid flags");
    char c;
    assert_int_equal(read(rfd, &c, 1), 1);
}

static void test_constants(void **state)
{
    (void)state;
    ASSERT_INT(attr(sel, "POLLIN"), 1);
    ASSERT_INT(attr(sel, "POLLRDHUP"), 8192);
    ASSERT_INT(attr(sel, "EPOLLET"), 1LL << 31);
    ASSERT_INT(attr(sel, "EPOLLEXCLUSIVE"), 1 << 28);
    ASSERT_INT(attr(sel, "PIPE_BUF"), 4096);
    assert_true(attr(sel, "error") == (KnObject *)ob_exc_OSError);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_select_pipe),
        cmocka_unit_test(test_poll_pipe),
        cmocka_unit_test(test_epoll),
        cmocka_unit_test(test_constants),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
