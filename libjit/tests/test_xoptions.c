/* libjit/tests/test_xoptions.c — the -X debug switches (src/xoptions.c)
 * and faulthandler's traceback writer (src/traceback_dump.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <unistd.h>

#include <cmocka.h>

#include "compile_util.h"
#include "specialize.h"
#include "xoptions.h"

/* Run fn with fd `fd` redirected to a temporary file; malloc'd text. */
static char *capture_fd(int fd, void (*fn)(void *), void *arg)
{
    FILE *tmp = tmpfile();
    assert_non_null(tmp);
    fflush(stderr);
    int saved = dup(fd);
    dup2(fileno(tmp), fd);
    fn(arg);
    fflush(stderr);
    dup2(saved, fd);
    close(saved);
    fseek(tmp, 0, SEEK_END);
    long n = ftell(tmp);
    if (n < 0)
        n = 0;
    char *text = calloc(1, (size_t)n + 1);
    rewind(tmp);
    if (fread(text, 1, (size_t)n, tmp) != (size_t)n)
        text[0] = '\0';
    fclose(tmp);
    return text;
}

static void apply(const char *opt)
{
    const char *opts[1] = { opt };
    jit_config cfg = {0};
    cfg.xoptions = opts;
    cfg.n_xoptions = 1;
    jit_xoptions_apply(&cfg);
}

static void compile_one(void *src)
{
    assert_non_null(tu_compile(src, JIT_MODE_EXEC));
}

static void test_dis_all(void **state)
{
    (void)state;
    apply("dis=all");
    char *out = capture_fd(2, compile_one, "x = 1\n");
    assert_non_null(strstr(out, "-- Kiln bytecode of <module> (x.py) --\n"));
    assert_non_null(strstr(out, "STORE_NAME               0 (x)"));
    free(out);
    jit_set_dis_on_compile(0);
    out = capture_fd(2, compile_one, "y = 2\n");
    assert_string_equal(out, "");
    free(out);
}

static void dis_main(void *code)
{
    jit_xopt_dis_compiled(code);    /* not in main-only mode */
    jit_xopt_dis_main(code);
}

static void test_dis_main(void **state)
{
    (void)state;
    KnObject *code = tu_compile("def f():\n    return 3\n", JIT_MODE_EXEC);
    assert_non_null(code);
    apply("dis");
    char *out = capture_fd(2, dis_main, code);
    const char *head = "-- Kiln bytecode of <module> (x.py) --\n";
    assert_non_null(strstr(out, head));
    assert_null(strstr(strstr(out, head) + 1, head));    /* printed once */
    assert_non_null(strstr(out, "Disassembly of <code object f"));
    free(out);
    jit_set_dis_on_compile(0);
}

static void test_specstats(void **state)
{
    (void)state;
    int before = jit_spec_stats_on;
    apply("specstats");
    assert_int_equal(jit_spec_stats_on, 1);
    jit_spec_stats_on = before;
    apply("other=1");
    assert_int_equal(jit_spec_stats_on, before);
}

static void dump_none(void *unused)
{
    (void)unused;
    assert_int_equal(jit_dump_traceback_fd(1, NULL), -1);
    jit_dump_thread_header(1, 0x1234ab, 1);
    jit_dump_thread_header(1, 0x7f, 0);
}

static void test_dump_without_frames(void **state)
{
    (void)state;
    tu_init();
    char *out = capture_fd(1, dump_none, NULL);
    assert_string_equal(out, "  <no Python frame>\n"
                             "Current thread 0x00000000001234ab (most recent call first):\n"
                             "Thread 0x000000000000007f (most recent call first):\n");
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dis_all),
        cmocka_unit_test(test_dis_main),
        cmocka_unit_test(test_specstats),
        cmocka_unit_test(test_dump_without_frames),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
