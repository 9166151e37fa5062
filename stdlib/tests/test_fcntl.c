/*
 * test_fcntl.c — the fcntl module from C: fcntl with int and bytes
 * arguments, ioctl(FIONREAD) into a bytearray and with a bytes argument,
 * flock and lockf on a scratch file, errors as python3.11 words them.
 */
#include <fcntl.h>
#include <sys/file.h>
#include <sys/ioctl.h>

#include "test_posix_util.h"
#include "libobject/buffer.h"

KnObject *kn_init_fcntl(void);

static KnObject *fc;
static int rfd, wfd;

static int setup(void **state)
{
    (void)state;
    int p[2];
    if (ob_runtime_init() < 0 || (fc = kn_init_fcntl()) == NULL || pipe(p) < 0)
        return -1;
    rfd = p[0];
    wfd = p[1];
    return px_make_tmp();
}

static void test_fcntl_int(void **state)
{
    (void)state;
    KnObject *fl = OK(CALL(fc, "fcntl", I(rfd), I(F_GETFL)));
    assert_int_equal(ob_int_as_long_long(fl) & O_NONBLOCK, 0);
    OK(CALL(fc, "fcntl", I(rfd), I(F_SETFL), I(ob_int_as_long_long(fl) | O_NONBLOCK)));
    assert_true(fcntl(rfd, F_GETFL) & O_NONBLOCK);
    ASSERT_INT(CALL(fc, "fcntl", I(rfd), I(F_SETFL), fl), 0);
    assert_false(fcntl(rfd, F_GETFL) & O_NONBLOCK);
    ASSERT_INT(CALL(fc, "fcntl", I(rfd), I(F_GETFD)), fcntl(rfd, F_GETFD));
    /* a struct flock passed as bytes comes back as bytes of the same size */
    char path[256];
    snprintf(path, sizeof path, "%s/lk", px_tmp);
    int fd = open(path, O_RDWR | O_CREAT, 0600);
    struct flock l = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
    KnObject *r = OK(CALL(fc, "fcntl", I(fd), I(F_GETLK), ob_bytes_from_data(&l, sizeof l)));
    assert_int_equal(ob_length(r), sizeof l);
    struct flock got;
    memcpy(&got, KN_BYTES_AS_STRING(r), sizeof got);
    assert_int_equal(got.l_type, F_UNLCK);
    /* flock / lockf succeed on a regular file */
    assert_true(OK(CALL(fc, "flock", I(fd), I(LOCK_EX | LOCK_NB))) == KN_None);
    OK(CALL(fc, "flock", I(fd), I(LOCK_UN)));
    assert_true(OK(CALL(fc, "lockf", I(fd), I(LOCK_EX), I(10), I(0), I(0))) == KN_None);
    OK(CALL(fc, "lockf", I(fd), I(LOCK_UN)));
    assert_null(CALL(fc, "lockf", I(fd), I(LOCK_NB)));
    RAISED(ob_exc_ValueError, "unrecognized lockf argument");
    close(fd);
}

static void test_errors(void **state)
{
    (void)state;
    assert_null(CALL(fc, "fcntl", I(-1), I(1)));
    RAISED(ob_exc_ValueError, "file descriptor cannot be a negative integer (-1)");
    assert_null(CALL(fc, "fcntl", S("x"), I(1)));
    RAISED(ob_exc_TypeError, "argument must be an int, or have a fileno() method.");
    char big[1025];
    memset(big, 'x', sizeof big);
    assert_null(CALL(fc, "fcntl", I(0), I(1), ob_bytes_from_data(big, sizeof big)));
    RAISED(ob_exc_ValueError, "fcntl string arg too long");
    assert_null(CALL(fc, "ioctl", I(0), I(1), ob_bytes_from_data(big, sizeof big)));
    RAISED(ob_exc_ValueError, "ioctl string arg too long");
    assert_null(CALL(fc, "fcntl", I(0), I(1), ob_float_from_double(1.5)));
    RAISED(ob_exc_TypeError, "'float' object cannot be interpreted as an integer");
    /* request -1 is truncated, not rejected: the kernel answers ENOTTY */
    assert_null(CALL(fc, "ioctl", I(rfd), I(-1)));
    RAISED(ob_exc_OSError, "[Errno 25] Inappropriate ioctl for device");
    assert_null(CALL(fc, "flock", I(rfd + 1000), I(LOCK_SH)));
    RAISED(ob_exc_OSError, "[Errno 9] Bad file descriptor");
}

static const void *ba_data(KnObject *ba)
{
    KnBuffer v;
    if (ob_buffer_get(ba, &v, KN_BUF_SIMPLE) < 0)
        return NULL;
    ob_buffer_release(&v);
    return v.buf;
}

static void test_ioctl_fionread(void **state)
{
    (void)state;
    assert_int_equal(write(wfd, "hello", 5), 5);
    /* mutable buffer: filled in place, the call's result returned */
    KnObject *ba = OK(ob_bytearray_from_data("\0\0\0\0", 4));
    ASSERT_INT(CALL(fc, "ioctl", I(rfd), I(FIONREAD), ba), 0);
    int n;
    memcpy(&n, ba_data(ba), sizeof n);
    assert_int_equal(n, 5);
    /* immutable buffer: a new bytes object */
    int zero = 0;
    KnObject *r = OK(CALL(fc, "ioctl", I(rfd), I(FIONREAD), ob_bytes_from_data(&zero, sizeof zero)));
    memcpy(&n, KN_BYTES_AS_STRING(r), sizeof n);
    assert_int_equal(n, 5);
    /* mutate_flag False: bytes returned, the bytearray left alone */
    KnObject *ba2 = OK(ob_bytearray_from_data("\0\0\0\0", 4));
    r = OK(CALL(fc, "ioctl", I(rfd), I(FIONREAD), ba2, KN_False));
    memcpy(&n, KN_BYTES_AS_STRING(r), sizeof n);
    assert_int_equal(n, 5);
    memcpy(&n, ba_data(ba2), sizeof n);
    assert_int_equal(n, 0);
    char buf[5];
    assert_int_equal(read(rfd, buf, 5), 5);
}

static void test_constants(void **state)
{
    (void)state;
    ASSERT_INT(attr(fc, "LOCK_EX"), 2);
    ASSERT_INT(attr(fc, "F_SETPIPE_SZ"), 1031);
    ASSERT_INT(attr(fc, "F_OFD_SETLKW"), 38);
    ASSERT_INT(attr(fc, "DN_MULTISHOT"), 2147483648LL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fcntl_int),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_ioctl_fionread),
        cmocka_unit_test(test_constants),
    };
    return cmocka_run_group_tests(tests, setup, px_remove_tmp);
}
