/* test_bisect_heapq_util.h — int lists for test_bisect.c / test_heapq.c. */
#ifndef TEST_BISECT_HEAPQ_UTIL_H
#define TEST_BISECT_HEAPQ_UTIL_H

static KnObject *int_list(const int *v, int n)
{
    KnObject *l = ob_list_new(0);
    assert_non_null(l);
    for (int i = 0; i < n; i++)
        assert_int_equal(ob_list_append(l, ob_int_from_ssize(v[i])), 0);
    return l;
}

static void assert_list_is(KnObject *l, const int *v, int n)
{
    assert_int_equal(KN_SIZE(l), n);
    for (int i = 0; i < n; i++)
        assert_int_equal(ob_int_as_ssize(KN_LIST_GET(l, i)), v[i]);
}

static void expect_error(KnTypeObject *exc, const char *msg)
{
    KnObject *e = ob_err_fetch();
    assert_non_null(e);
    assert_true(KN_TYPE_CHECK(e, exc));
    assert_string_equal(ob_str_as_utf8(ob_str(e), NULL), msg);
}

static KnObject *call(KnObject *m, const char *name, int nargs, ...)
{
    KnObject *args[4];
    va_list ap;
    va_start(ap, nargs);
    for (int i = 0; i < nargs; i++)
        args[i] = va_arg(ap, KnObject *);
    va_end(ap);
    KnObject *f = ob_getattr_str(m, name);
    assert_non_null(f);
    return ob_vectorcall(f, args, (size_t)nargs, NULL);
}

#endif
