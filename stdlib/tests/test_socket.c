/*
 * test_socket.c — the _socket module's internal helpers from C: timeout
 * conversion (rounding away from zero), sk_set_ipaddr's special names,
 * address round trips through sk_addr_parse / sk_addr_make, and sk_call's
 * timeout (raised, or returned as EWOULDBLOCK for connect_ex).  The
 * Python-level behaviour is tested by the .py files of tests/socket/ against python3.11.
 */
#include <arpa/inet.h>
#include <unistd.h>

#include "test_posix_util.h"
#include "socket_internal.h"

KnObject *kn_init__socket(void);

static int setup(void **state)
{
    (void)state;
    return ob_runtime_init() < 0 || kn_init__socket() == NULL ? -1 : 0;
}

static void test_timeouts(void **state)
{
    (void)state;
    sk_time_t t;
    assert_int_equal(sk_parse_timeout(ob_float_from_double(1e-10), &t), 0);
    assert_int_equal(t, 1);                       /* rounded up to 1 ns */
    ASSERT_REPR(sk_timeout_to_object(t), "1e-09");
    assert_int_equal(sk_parse_timeout(I(3), &t), 0);
    assert_int_equal(t, 3 * SK_NS);
    ASSERT_REPR(sk_timeout_to_object(t), "3.0");
    assert_int_equal(sk_parse_timeout(KN_None, &t), 0);
    assert_int_equal(t, -1);
    assert_true(sk_timeout_to_object(-1) == KN_None);
    assert_int_equal(sk_parse_timeout(ob_float_from_double(-1e-10), &t), -1);
    RAISED(ob_exc_ValueError, "Timeout value out of range");
    assert_int_equal(sk_parse_timeout(S("1"), &t), -1);
    RAISED(ob_exc_TypeError, "'str' object cannot be interpreted as an integer");
}

static void test_set_ipaddr(void **state)
{
    (void)state;
    SkAddr a;
    assert_int_equal(sk_set_ipaddr("", &a.sa, sizeof a.in4, AF_INET), 4);
    assert_int_equal(a.in4.sin_addr.s_addr, htonl(INADDR_ANY));
    assert_int_equal(sk_set_ipaddr("<broadcast>", &a.sa, sizeof a.in4, AF_INET), 4);
    assert_int_equal(a.in4.sin_addr.s_addr, htonl(INADDR_BROADCAST));
    assert_int_equal(sk_set_ipaddr("<broadcast>", &a.sa, sizeof a.in6, AF_INET6), -1);
    RAISED(ob_exc_OSError, "address family mismatched");
    assert_int_equal(sk_set_ipaddr("10.1.2.3", &a.sa, sizeof a.in4, AF_INET), 4);
    assert_int_equal(a.in4.sin_addr.s_addr, htonl(0x0a010203));
    assert_int_equal(sk_set_ipaddr("::1", &a.sa, sizeof a.in6, AF_INET6), 16);
    assert_int_equal(a.in6.sin6_family, AF_INET6);
    assert_int_equal(sk_set_ipaddr("10.1.2.3", &a.sa, sizeof a.in6, AF_INET6), -1);
    assert_true(ob_err_matches(sk_gaierror));
    ob_err_clear();
}

/* parse(o) then make(): the same Python value back. */
static void round_trip(int family, KnObject *o, const char *repr)
{
    SockObject s = {.family = family};
    SkAddr a;
    socklen_t len;
    assert_int_equal(sk_addr_parse(&s, o, &a, &len, "bind"), 0);
    ASSERT_REPR(sk_addr_make(&a.sa, len, 0), repr);
}

static void test_addresses(void **state)
{
    (void)state;
    round_trip(AF_INET, ob_tuple_pack(2, S("127.0.0.1"), I(80)), "('127.0.0.1', 80)");
    round_trip(AF_INET6, ob_tuple_pack(4, S("::1"), I(443), I(5), I(0)), "('::1', 443, 5, 0)");
    round_trip(AF_UNIX, S("/tmp/x.sock"), "'/tmp/x.sock'");
    round_trip(AF_UNIX, ob_bytes_from_data("\0abstract", 9), "b'\\x00abstract'");
    round_trip(AF_NETLINK, ob_tuple_pack(2, I(0), I(1)), "(0, 1)");
    assert_true(sk_addr_make(NULL, 0, 0) == KN_None);
    SockObject s = {.family = AF_INET};
    SkAddr a;
    socklen_t len;
    assert_int_equal(sk_addr_parse(&s, ob_tuple_pack(2, S("127.0.0.1"), I(65536)), &a, &len, "connect"), -1);
    RAISED(ob_exc_OverflowError, "connect(): port must be 0-65535.");
    s.family = AF_PACKET;
    assert_int_equal(sk_addr_parse(&s, ob_tuple_pack(2, S("lo"), I(0)), &a, &len, "bind"), -1);
    RAISED(ob_exc_NotImplementedError, NULL);
}

static int recv_one(SockObject *s, void *data)
{
    return recv(s->fd, data, 1, 0) < 0 ? -1 : 0;
}

static void test_call_timeout(void **state)
{
    (void)state;
    int sv[2];
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    SockObject s = {.fd = sv[0], .family = AF_UNIX, .type = SOCK_STREAM, .timeout = SK_NS / 100};
    assert_int_equal(sk_set_blocking_fd(sv[0], 0), 0);
    char c;
    assert_int_equal(sk_call(&s, 0, recv_one, &c, 0, NULL, s.timeout), -1);
    RAISED(ob_exc_TimeoutError, "timed out");
    int err = 0;
    assert_int_equal(sk_call(&s, 0, recv_one, &c, 0, &err, s.timeout), -2);
    assert_int_equal(err, EWOULDBLOCK);
    assert_int_equal(write(sv[1], "z", 1), 1);
    assert_int_equal(sk_call(&s, 0, recv_one, &c, 0, NULL, s.timeout), 0);
    assert_int_equal(c, 'z');
    close(sv[0]);
    close(sv[1]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_timeouts),
        cmocka_unit_test(test_set_ipaddr),
        cmocka_unit_test(test_addresses),
        cmocka_unit_test(test_call_timeout),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
