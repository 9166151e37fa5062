/*
 * test_time.c — the time module (src/time_module.c, src/time_convert.c):
 * conversions against values python3.11 gives (TZ=UTC), clocks, sleep,
 * struct_time and the error messages.
 */
#include <math.h>
#include <pthread.h>
#include <time.h>

#include "test_posix_util.h"

static KnObject *tm;

static int setup(void **state)
{
    (void)state;
    setenv("TZ", "UTC", 1);
    if (ob_runtime_init() < 0 || (tm = kn_init_time()) == NULL)
        return -1;
    return 0;
}

static double F(KnObject *o)
{
    o = OK(o);
    assert_true(KN_FLOAT_CHECK(o));
    return ob_float_as_double(o);
}

static void test_gmtime(void **state)
{
    (void)state;
    ASSERT_REPR(CALL(tm, "gmtime", I(1234567890)),
                "time.struct_time(tm_year=2009, tm_mon=2, tm_mday=13, tm_hour=23, tm_min=31, "
                "tm_sec=30, tm_wday=4, tm_yday=44, tm_isdst=0)");
    ASSERT_REPR(CALL(tm, "gmtime", I(-1)),
                "time.struct_time(tm_year=1969, tm_mon=12, tm_mday=31, tm_hour=23, tm_min=59, "
                "tm_sec=59, tm_wday=2, tm_yday=365, tm_isdst=0)");
    ASSERT_REPR(CALL(tm, "gmtime", ob_float_from_double(-1.5)),
                "time.struct_time(tm_year=1969, tm_mon=12, tm_mday=31, tm_hour=23, tm_min=59, "
                "tm_sec=58, tm_wday=2, tm_yday=365, tm_isdst=0)");
    ASSERT_REPR(CALL(tm, "gmtime", ob_float_from_double(1e10 + 0.7)),
                "time.struct_time(tm_year=2286, tm_mon=11, tm_mday=20, tm_hour=17, tm_min=46, "
                "tm_sec=40, tm_wday=5, tm_yday=324, tm_isdst=0)");
    ASSERT_REPR(CALL(tm, "gmtime", I(-86400LL * 365 * 100)),
                "time.struct_time(tm_year=1870, tm_mon=1, tm_mday=25, tm_hour=0, tm_min=0, "
                "tm_sec=0, tm_wday=1, tm_yday=25, tm_isdst=0)");
    KnObject *t = OK(CALL(tm, "gmtime", I(0)));
    ASSERT_STR(attr(t, "tm_zone"), "GMT");
    ASSERT_INT(attr(t, "tm_gmtoff"), 0);
    assert_int_equal(ob_length(t), 9);
    assert_null(CALL(tm, "gmtime", S("x")));
    RAISED(ob_exc_TypeError, "'str' object cannot be interpreted as an integer");
    assert_null(CALL(tm, "gmtime", ob_float_from_double(1e300)));
    RAISED(ob_exc_OverflowError, "timestamp out of range for platform time_t");
    assert_null(CALL(tm, "gmtime", ob_float_from_double(NAN)));
    RAISED(ob_exc_ValueError, "Invalid value NaN (not a number)");
    assert_null(CALL(tm, "gmtime", I(1), I(2)));
    RAISED(ob_exc_TypeError, "gmtime() takes at most 1 argument (2 given)");
    /* no argument: now */
    long long year = ob_int_as_long_long(attr(OK(CALL0(tm, "gmtime")), "tm_year"));
    assert_true(year >= 2024);
}

static void test_localtime_mktime(void **state)
{
    (void)state;
    KnObject *t = OK(CALL(tm, "localtime", I(12345)));
    ASSERT_STR(attr(t, "tm_zone"), "UTC");
    ASSERT_INT(attr(t, "tm_hour"), 3);
    assert_true(F(CALL(tm, "mktime", t)) == 12345.0);
    KnObject *tup = ob_tuple_pack(9, I(2009), I(2), I(13), I(23), I(31), I(30), I(0), I(0), I(-1));
    assert_true(F(CALL(tm, "mktime", tup)) == 1234567890.0);
    assert_null(CALL(tm, "mktime", ob_tuple_pack(2, I(1), I(2))));
    RAISED(ob_exc_TypeError, "mktime(): illegal time tuple argument");
    assert_null(CALL(tm, "mktime", ob_list_new(0)));
    RAISED(ob_exc_TypeError, "Tuple or struct_time argument required");
    ASSERT_INT(attr(tm, "timezone"), 0);
    ASSERT_INT(attr(tm, "daylight"), 0);
    ASSERT_REPR(attr(tm, "tzname"), "('UTC', 'UTC')");
}

static void test_formatting(void **state)
{
    (void)state;
    ASSERT_STR(CALL(tm, "asctime", OK(CALL(tm, "gmtime", I(0)))), "Thu Jan  1 00:00:00 1970");
    ASSERT_STR(CALL(tm, "ctime", I(0)), "Thu Jan  1 00:00:00 1970");
    KnObject *leap = ob_tuple_pack(9, I(2024), I(2), I(29), I(13), I(5), I(9), I(3), I(60), I(0));
    ASSERT_STR(CALL(tm, "asctime", leap), "Thu Feb 29 13:05:09 2024");
    ASSERT_STR(CALL(tm, "strftime", S("%Y-%m-%d %H:%M:%S %a %j"), OK(CALL(tm, "gmtime", I(1234567890)))),
               "2009-02-13 23:31:30 Fri 044");
    ASSERT_STR(CALL(tm, "strftime", S("%Z %z"), OK(CALL(tm, "gmtime", I(86400 * 365)))), "GMT +0000");
    ASSERT_STR(CALL(tm, "strftime", S(""), leap), "");
    KnObject *zeros = ob_tuple_pack(9, I(2000), I(0), I(0), I(0), I(0), I(0), I(0), I(0), I(0));
    ASSERT_STR(CALL(tm, "strftime", S("%Y"), zeros), "2000");
    assert_null(CALL(tm, "asctime", zeros));
    RAISED(ob_exc_ValueError, "month out of range");
    KnObject *bad = ob_tuple_pack(9, I(2000), I(13), I(1), I(0), I(0), I(0), I(0), I(1), I(0));
    assert_null(CALL(tm, "strftime", S("%Y"), bad));
    RAISED(ob_exc_ValueError, "month out of range");
    assert_null(CALL(tm, "asctime", ob_tuple_pack(2, I(1), I(2))));
    RAISED(ob_exc_TypeError, "asctime(): illegal time tuple argument");
    assert_null(CALL(tm, "strftime", I(5)));
    RAISED(ob_exc_TypeError, "strftime() argument 1 must be str, not int");
    assert_null(CALL(tm, "strftime", ob_str_from_utf8("a\0b", 3)));
    RAISED(ob_exc_ValueError, "embedded null character");
    assert_null(CALL0(tm, "strftime"));
    RAISED(ob_exc_TypeError, "strftime() takes at least 1 argument (0 given)");
}

static void test_struct_time(void **state)
{
    (void)state;
    KnObject *t = attr(tm, "struct_time");
    KnObject *nine = ob_tuple_new(9);
    for (int i = 0; i < 9; i++)
        KN_TUPLE_SET(nine, i, I(1));
    ASSERT_REPR(ob_call(t, ob_tuple_pack(1, nine), NULL),
                "time.struct_time(tm_year=1, tm_mon=1, tm_mday=1, tm_hour=1, tm_min=1, tm_sec=1, "
                "tm_wday=1, tm_yday=1, tm_isdst=1)");
    KnObject *twelve = ob_tuple_new(12);
    for (int i = 0; i < 12; i++)
        KN_TUPLE_SET(twelve, i, I(1));
    assert_null(ob_call(t, ob_tuple_pack(1, twelve), NULL));
    RAISED(ob_exc_TypeError, "time.struct_time() takes an at most 11-sequence (12-sequence given)");
    ASSERT_INT(attr(t, "n_fields"), 11);
    ASSERT_INT(attr(t, "n_sequence_fields"), 9);
    /* a struct_time from gmtime goes through mktime's tuple parsing */
    KnObject *g = OK(CALL(tm, "gmtime", I(1234567890)));
    ASSERT_INT(ob_sequence_getitem(g, 0), 2009);
    assert_true(F(CALL(tm, "mktime", g)) == 1234567890.0);
}

static void test_clocks(void **state)
{
    (void)state;
    double now = F(CALL0(tm, "time"));
    assert_true(fabs(now - (double)time(NULL)) < 2.0);
    KnObject *ns = OK(CALL0(tm, "time_ns"));
    assert_true(KN_INT_CHECK(ns));
    assert_true(fabs(ob_int_as_double(ns) / 1e9 - now) < 2.0);
    double m1 = F(CALL0(tm, "monotonic"));
    double p1 = F(CALL0(tm, "perf_counter"));
    OK(CALL(tm, "sleep", ob_float_from_double(0.02)));
    double m2 = F(CALL0(tm, "monotonic"));
    assert_true(m2 - m1 >= 0.02);
    assert_true(F(CALL0(tm, "perf_counter")) - p1 >= 0.02);
    assert_true(F(CALL0(tm, "process_time")) >= 0.0);
    assert_true(F(CALL0(tm, "thread_time")) >= 0.0);
    assert_true(KN_INT_CHECK(OK(CALL0(tm, "monotonic_ns"))));
    assert_true(KN_INT_CHECK(OK(CALL0(tm, "process_time_ns"))));
    KnObject *rt = attr(tm, "CLOCK_REALTIME");
    assert_true(fabs(F(CALL(tm, "clock_gettime", rt)) - now) < 2.0);
    assert_true(F(CALL(tm, "clock_getres", attr(tm, "CLOCK_MONOTONIC"))) > 0.0);
    OK(CALL(tm, "sleep", I(0)));
    KnObject *clk = OK(CALL(tm, "pthread_getcpuclockid", I((long long)pthread_self())));
    assert_true(F(CALL(tm, "clock_gettime", clk)) >= 0.0);
    assert_null(CALL(tm, "clock_settime", I(12345), I(0)));
    RAISED(ob_exc_OSError, "[Errno 22] Invalid argument");
    assert_null(CALL(tm, "sleep", I(-1)));
    RAISED(ob_exc_ValueError, "sleep length must be non-negative");
    assert_null(CALL(tm, "sleep", S("x")));
    RAISED(ob_exc_TypeError, "'str' object cannot be interpreted as an integer");
    assert_null(CALL(tm, "clock_gettime", I(12345)));
    RAISED(ob_exc_OSError, "[Errno 22] Invalid argument");
}

static void test_needs_import(void **state)
{
    (void)state;
    /* without libjit's import hook these cannot work and say so */
    assert_null(CALL(tm, "strptime", S("2000"), S("%Y")));
    RAISED(ob_exc_NotImplementedError, "Kiln: time needs the _strptime module and no import hook is set");
    assert_null(CALL(tm, "get_clock_info", S("nope")));
    RAISED(ob_exc_ValueError, "unknown clock");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gmtime),
        cmocka_unit_test(test_localtime_mktime),
        cmocka_unit_test(test_formatting),
        cmocka_unit_test(test_struct_time),
        cmocka_unit_test(test_clocks),
        cmocka_unit_test(test_needs_import),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
