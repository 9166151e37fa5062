/* test_main.c — the `python` command line, run as a child process
 * (cmocka).  Run from the repository root (tools/run-tests does); the
 * binary under test is KILN_PYTHON, set by the build.  Expected outputs
 * and statuses are python3.11's for the same command lines. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <cmocka.h>

#ifndef KILN_PYTHON
#define KILN_PYTHON "build/release/bin/python"
#endif

/* Run `sh -c cmd` (KILN_PYTHON as $PY), capture stdout+stderr. */
static int run(const char *cmd, char *out, size_t outsz)
{
    char full[2048];
    snprintf(full, sizeof full, "PY=%s%s; export PYTHONHASHSEED=0; %s 2>&1",
             KILN_PYTHON[0] == '/' ? "" : "$PWD/", KILN_PYTHON, cmd);
    FILE *p = popen(full, "r");
    assert_non_null(p);
    size_t n = fread(out, 1, outsz - 1, p);
    out[n] = '\0';
    int st = pclose(p);
    if (WIFSIGNALED(st))
        return 128 + WTERMSIG(st);
    return WEXITSTATUS(st);
}

static void expect(const char *cmd, int status, const char *output)
{
    char out[8192];
    int st = run(cmd, out, sizeof out);
    if (strcmp(out, output) != 0 || st != status)
        fail_msg("%s\n  status %d (expected %d)\n  output [%s]\n  expected [%s]", cmd, st,
                 status, out, output);
}

static void test_version_and_help(void **state)
{
    expect("$PY -V", 0, "Python 3.11.2\n");
    expect("$PY --version", 0, "Python 3.11.2\n");
    char out[8192];
    assert_int_equal(run("$PY -h", out, sizeof out), 0);
    assert_non_null(strstr(out, "-c cmd"));
    assert_int_equal(run("$PY -VV", out, sizeof out), 0);
    assert_true(strncmp(out, "Python 3.11.2 (main, ", 21) == 0);
}

static void test_usage_errors(void **state)
{
    char out[8192];
    assert_int_equal(run("$PY -z", out, sizeof out), 2);
    assert_true(strncmp(out, "Unknown option: -z\nusage: ", 26) == 0);
    assert_int_equal(run("$PY -c", out, sizeof out), 2);
    assert_true(strncmp(out, "Argument expected for the -c option\n", 36) == 0);
    assert_int_equal(run("$PY --nope", out, sizeof out), 2);
    assert_true(strncmp(out, "unknown option --nope\n", 22) == 0);
    assert_int_equal(run("cd /tmp && $PY -m no_such_module_kiln", out, sizeof out), 1);
    assert_non_null(strstr(out, ": No module named no_such_module_kiln"));
    assert_int_equal(run("cd /tmp && $PY /nonexistent/x.py", out, sizeof out), 2);
    assert_non_null(strstr(out, "can't open file '/nonexistent/x.py': [Errno 2] No such file"));
}

static void test_command_and_argv(void **state)
{
    expect("$PY -c 'import sys; print(sys.argv)' a -b", 0, "['-c', 'a', '-b']\n");
    expect("$PY -c'print(6*7)'", 0, "42\n");
    expect("echo 'import sys; print(sys.argv, __file__)' | $PY - x", 0, "['-', 'x'] <stdin>\n");
    expect("echo 'import sys; print(sys.argv)' | $PY", 0, "['']\n");
    expect("$PY -c 'import sys; print(repr(sys.path[0]))'", 0, "''\n");
    expect("$PY -I -c 'import sys; print(sys.path[0], sys.flags.isolated)'", 0,
           "/usr/lib/python311.zip 1\n");
    expect("$PY -uBsSq -c 'import sys; f = sys.flags; "
           "print(f.dont_write_bytecode, f.no_user_site, f.no_site, f.quiet)'",
           0, "1 1 1 1\n");
    expect("$PY -OO -c 'import sys; print(sys.flags.optimize, __debug__)'", 0, "2 False\n");
    expect("$PY -X dev -X a=b -W ignore -c 'import sys; print(sys._xoptions, sys.warnoptions)'",
           0, "{'dev': True, 'a': 'b'} ['default', 'ignore']\n");
}

static void test_hash_seed(void **state)
{
    expect("$PY -c 'print(hash(\"abc\"))'", 0, "-4594863902769663758\n");
    char out[8192];
    assert_int_equal(run("PYTHONHASHSEED=abc $PY -c 'print(1)'", out, sizeof out), 1);
    assert_non_null(strstr(out, "PYTHONHASHSEED must be \"random\" or an integer"));
    expect("PYTHONHASHSEED=abc $PY -E -c 'print(1)'", 0, "1\n");
}

static void test_exit_status(void **state)
{
    expect("$PY -c 'raise SystemExit'", 0, "");
    expect("$PY -c 'raise SystemExit(7)'", 7, "");
    expect("$PY -c 'import sys; sys.exit(\"bye\")'", 1, "bye\n");
    expect("$PY -c 'print(1, end=\"\"); raise SystemExit(3)'", 3, "1");
    expect("$PY -c 'raise ValueError(\"v\")'", 1,
           "Traceback (most recent call last):\n"
           "  File \"<string>\", line 1, in <module>\n"
           "ValueError: v\n");
    expect("$PY -c 'raise KeyboardInterrupt'", 130,
           "Traceback (most recent call last):\n"
           "  File \"<string>\", line 1, in <module>\n"
           "KeyboardInterrupt\n");
    expect("$PY -c 'def f(:'", 1,
           "  File \"<string>\", line 1\n"
           "    def f(:\n"
           "          ^\n"
           "SyntaxError: invalid syntax\n");
}

/* -i with piped input: CPython's prompts (on stderr) and outputs. */
static void test_interactive(void **state)
{
    expect("printf '1+1\\nfor i in range(2):\\n    print(i)\\n\\nx = (1,\\n 2)\\nx\\n' "
           "| $PY -i -q", 0,
           ">>> 2\n>>> ... ... 0\n1\n>>> ... >>> (1, 2)\n>>> \n");
    expect("printf 'print(y)\\nexit(4)\\n' | $PY -i -c 'y = 7'", 4, ">>> 7\n>>> ");
    expect("printf '1/0\\n' | $PY -i -q", 0,
           ">>> Traceback (most recent call last):\n"
           "  File \"<stdin>\", line 1, in <module>\n"
           "ZeroDivisionError: division by zero\n>>> \n");
}

static void test_script(void **state)
{
    expect("printf 'import sys\\nprint(sys.argv[1:], __name__)\\n' > /tmp/kiln_tm.py && "
           "$PY /tmp/kiln_tm.py 1 2",
           0, "['1', '2'] __main__\n");
    expect("printf '#!junk line\\nprint(\"x\")\\n' > /tmp/kiln_tm.py && $PY -x /tmp/kiln_tm.py",
           0, "x\n");
    expect("$PY examples/hello.py", 0, "Hello, Kiln!\n285\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_version_and_help),
        cmocka_unit_test(test_usage_errors),
        cmocka_unit_test(test_command_and_argv),
        cmocka_unit_test(test_hash_seed),
        cmocka_unit_test(test_exit_status),
        cmocka_unit_test(test_interactive),
        cmocka_unit_test(test_script),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
