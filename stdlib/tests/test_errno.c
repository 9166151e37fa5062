/*
 * test_errno.c — the errno module (src/errno_module.c): names, values and
 * errorcode as python3.11 has them on Linux.
 */
#include <errno.h>

#include "test_posix_util.h"

static KnObject *em;

static int setup(void **state)
{
    (void)state;
    if (ob_runtime_init() < 0 || (em = kn_init_errno()) == NULL)
        return -1;
    return 0;
}

static void test_values(void **state)
{
    (void)state;
    ASSERT_INT(attr(em, "ENOENT"), ENOENT);
    ASSERT_INT(attr(em, "EAGAIN"), 11);
    ASSERT_INT(attr(em, "EWOULDBLOCK"), 11);
    ASSERT_INT(attr(em, "ERFKILL"), 132);
    assert_null(ob_getattr_str(em, "EHWPOISON"));   /* not in python3.11 */
    RAISED(ob_exc_AttributeError, NULL);
    ASSERT_INT(attr(em, "ENOTSUP"), 95);
    ASSERT_INT(attr(em, "EOPNOTSUPP"), 95);
}

static void test_errorcode(void **state)
{
    (void)state;
    KnObject *codes = attr(em, "errorcode");
    assert_int_equal(ob_dict_size(codes), 130);
    ASSERT_STR(ob_dict_getitem(codes, I(2)), "ENOENT");
    /* for shared values the name python3.11 keeps */
    ASSERT_STR(ob_dict_getitem(codes, I(11)), "EAGAIN");
    ASSERT_STR(ob_dict_getitem(codes, I(35)), "EDEADLOCK");
    ASSERT_STR(ob_dict_getitem(codes, I(95)), "ENOTSUP");
    /* every value maps back to a module attribute with that value */
    kn_ssize_t pos = 0;
    KnObject *k, *v;
    int n = 0;
    while (ob_dict_next(codes, &pos, &k, &v)) {
        KnObject *a = ob_getattr(em, v);
        assert_non_null(a);
        assert_int_equal(ob_richcompare_bool(a, k, KN_EQ), 1);
        n++;
    }
    assert_int_equal(n, 130);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_errorcode),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
