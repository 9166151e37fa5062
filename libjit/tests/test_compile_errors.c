/* libjit/tests/test_compile_errors.c — SyntaxErrors raised by the symbol
 * table and the compiler: message and location (lineno, offset,
 * end_lineno, end_offset) as python3.11's compile(src, "x.py", "exec")
 * reports them (the table was produced by running python3.11). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "compile_util.h"

typedef struct err_case {
    const char *src, *expected;
} err_case;

static const err_case cases[] = {
    {"def f():\n    x = 1\n    global x\n",
     "name 'x' is assigned to before global declaration|3|5|3|13"},
    {"def f():\n  print(x)\n  global x\n",
     "name 'x' is used prior to global declaration|3|3|3|11"},
    {"nonlocal x\n",
     "nonlocal declaration not allowed at module level|1|1|1|11"},
    {"def f():\n  nonlocal y\n",
     "no binding for nonlocal 'y' found|2|3|2|13"},
    {"def f(a, a): pass\n",
     "duplicate argument 'a' in function definition|1|10|1|11"},
    {"return 1\n",
     "'return' outside function|1|1|1|9"},
    {"yield 1\n",
     "'yield' outside function|1|1|1|8"},
    {"await x\n",
     "'await' outside function|1|1|1|8"},
    {"def f():\n  await x\n",
     "'await' outside async function|2|3|2|10"},
    {"break\n",
     "'break' outside loop|1|1|1|6"},
    {"for x in y:\n  def f():\n    continue\n",
     "'continue' not properly in loop|3|5|3|13"},
    {"class C:\n  [(y := 1) for x in z]\n",
     "assignment expression within a comprehension cannot be used in a class body|2|5|2|6"},
    {"[(x := 1) for x in z]\n",
     "assignment expression cannot rebind comprehension iteration variable 'x'|1|3|1|4"},
    {"x = 1\n__debug__ = 2\n",
     "cannot assign to __debug__|2|1|2|10"},
    {"def f(x):\n  global x\n",
     "name 'x' is parameter and global|2|3|2|11"},
    {"def f():\n  x: int\n  global x\n",
     "annotated name 'x' can't be global|3|3|3|11"},
    {"from x import *\ndef f():\n  from x import *\n",
     "import * only allowed at module level|3|17|3|18"},
    {"def f():\n  x = [i async for i in y]\n",
     "asynchronous comprehension outside of an asynchronous function|2|7|2|27"},
    {"def f():\n    global x\n    nonlocal x\n",
     "name 'x' is nonlocal and global|2|5|2|13"},
    {"[i for i in (j := 2)]\n",
     "assignment expression cannot be used in a comprehension iterable expression|1|14|1|20"},
    {"def f():\n  x = 1\n  def g():\n    nonlocal x\n    global x\n",
     "name 'x' is nonlocal and global|4|5|4|15"},
    {"def f():\n  async with x: pass\n",
     "'async with' outside async function|2|3|2|21"},
    {"def f():\n  async for x in y: pass\n",
     "'async for' outside async function|2|3|2|25"},
    {"async def f():\n  yield 1\n  return 2\n",
     "'return' with value in async generator|3|3|3|11"},
    {"match x:\n  case a:\n    pass\n  case 1:\n    pass\n",
     "name capture 'a' makes remaining patterns unreachable|2|8|2|9"},
    {"match x:\n  case [a, a]:\n    pass\n",
     "multiple assignments to name 'a' in pattern|2|12|2|13"},
    {"match x:\n  case a | 1:\n    pass\n",
     "name capture 'a' makes remaining patterns unreachable|2|8|2|9"},
    {"match x:\n  case {1: a, 1: b}:\n    pass\n",
     "mapping pattern checks duplicate key (1)|2|8|2|20"},
    {"f(x=1, x=2)\n",
     "keyword argument repeated: x|1|8|1|11"},
    {"def f():\n  yield from (yield)\nclass C:\n  yield 1\n",
     "'yield' outside function|4|3|4|10"},
    {"x = [(yield) for i in y]\n",
     "'yield' inside list comprehension|1|7|1|12"},
    {"from __future__ import braces\n",
     "not a chance|1|1|1|None"},
    {"import os\nfrom __future__ import annotations\n",
     "from __future__ imports must occur at the beginning of the file|2|1|2|35"},
    {"try:\n  pass\nexcept* ValueError:\n  break\n",
     "'break', 'continue' and 'return' cannot appear in an except* block|4|3|4|8"},
    {"del __debug__\n",
     "cannot delete __debug__|1|5|1|14"},
    {"lambda: (yield from x)\n",
     "OK"},
    {"async def f():\n  yield from x\n",
     "'yield from' inside async function|2|3|2|15"},
    {"try:\n  pass\nexcept:\n  pass\nexcept ValueError:\n  pass\n",
     "default 'except:' must be last|3|1|4|7"},
    {"def f(*, a, a): pass\n",
     "duplicate argument 'a' in function definition|1|13|1|14"},
    {"def f():\n  x = 1\n  nonlocal x\n",
     "name 'x' is assigned to before nonlocal declaration|3|3|3|13"},
    {"class C:\n  def f(self):\n    nonlocal __x\n",
     "no binding for nonlocal '_C__x' found|3|5|3|17"},
};

static void test_errors(void **state)
{
    (void)state;
    int bad = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *got = tu_syntax_error(cases[i].src);
        if (strcmp(got, cases[i].expected) != 0) {
            print_error("source: %s\n  expected: %s\n  got:      %s\n", cases[i].src,
                        cases[i].expected, got);
            bad++;
        }
        free(got);
    }
    assert_int_equal(bad, 0);
}

/* Compile-time warnings go to the hook with CPython's messages and lines;
 * a hook that raises turns the warning into a SyntaxError. */
static char warn_log[2048];
static int warn_raise;

static int hook(KnTypeObject *cat, KnObject *msg, KnObject *filename, int lineno)
{
    (void)filename;
    char line[512];
    snprintf(line, sizeof line, "%s:%d:%s\n", cat->tp_name, lineno, ob_str_as_utf8(msg, NULL));
    strcat(warn_log, line);
    if (warn_raise) {
        ob_err_set_object(cat, msg);
        return -1;
    }
    return 0;
}

static void test_warnings(void **state)
{
    (void)state;
    tu_init();
    jit_compile_set_warn_hook(hook);
    warn_log[0] = 0;
    warn_raise = 0;
    const char *src = "x = 'd'\nif 1 is x: pass\nassert (x, 1)\nz = (1)(2)\n"
                      "r = [1, 2]['a']\ns = {1}[0]\n";
    KnObject *co = tu_compile(src, JIT_MODE_EXEC);
    assert_non_null(co);
    assert_string_equal(warn_log,
        "SyntaxWarning:2:\"is\" with a literal. Did you mean \"==\"?\n"
        "SyntaxWarning:3:assertion is always true, perhaps remove parentheses?\n"
        "SyntaxWarning:4:'int' object is not callable; perhaps you missed a comma?\n"
        "SyntaxWarning:5:list indices must be integers or slices, not str; perhaps you "
        "missed a comma?\n"
        "SyntaxWarning:6:'set' object is not subscriptable; perhaps you missed a comma?\n");
    warn_raise = 1;
    char *got = tu_syntax_error("y = 0\nassert (y, 1)\n");
    assert_string_equal(got, "assertion is always true, perhaps remove parentheses?|2|1|2|14");
    free(got);
    jit_compile_set_warn_hook(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_warnings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
