/* libjit/tests/test_compile.c — compile snippets and compare the
 * disassembly with the expected text (written from python3.11 -m dis,
 * adjusted for Kiln's instruction set: no PRECALL, own cache sizes).
 * `test_compile --dis FILE` prints a file's disassembly (development). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "compile_util.h"
#include "opcode.h"

static void check_dis(const char *src, const char *expected)
{
    char *got = tu_dis(src);
    if (!got) {
        KnObject *e = ob_err_fetch();
        fail_msg("compile failed: %s", e ? ob_str_as_utf8(ob_repr(e), NULL) : "?");
    }
    if (strcmp(got, expected) != 0) {
        print_error("--- source:\n%s--- expected:\n%s--- got:\n%s", src, expected, got);
        fail();
    }
    free(got);
}

static void test_dis_1(void **state)
{
    (void)state;
    check_dis("def f(a, b=1, *args, c, d=2, **kw) -> int:\n"
              "    def g():\n"
              "        return a + c\n"
              "    return g\n",
              "  0           0 RESUME                   0\n"
              "\n"
              "  1           2 LOAD_CONST               0 ((1,))\n"
              "              4 LOAD_CONST               1 (2)\n"
              "              6 LOAD_CONST               2 (('d',))\n"
              "              8 BUILD_CONST_KEY_MAP      1\n"
              "             10 LOAD_CONST               3 ('return')\n"
              "             12 LOAD_NAME                0 (int)\n"
              "             14 BUILD_TUPLE              2\n"
              "             16 LOAD_CONST               4 (<code object f, file \"x.py\", line 1>)\n"
              "             18 MAKE_FUNCTION            7 (defaults, kwdefaults, annotations)\n"
              "             20 STORE_NAME               1 (f)\n"
              "             22 LOAD_CONST               5 (None)\n"
              "             24 RETURN_VALUE\n"
              "\n"
              "Disassembly of <code object f, file \"x.py\", line 1>:\n"
              "              0 MAKE_CELL                0 (a)\n"
              "              2 MAKE_CELL                2 (c)\n"
              "\n"
              "  1           4 RESUME                   0\n"
              "\n"
              "  2           6 LOAD_CLOSURE             0 (a)\n"
              "              8 LOAD_CLOSURE             2 (c)\n"
              "             10 BUILD_TUPLE              2\n"
              "             12 LOAD_CONST               1 (<code object g, file \"x.py\", line 2>)\n"
              "             14 MAKE_FUNCTION            8 (closure)\n"
              "             16 STORE_FAST               6 (g)\n"
              "\n"
              "  4          18 LOAD_FAST                6 (g)\n"
              "             20 RETURN_VALUE\n"
              "\n"
              "Disassembly of <code object g, file \"x.py\", line 2>:\n"
              "              0 COPY_FREE_VARS           2\n"
              "\n"
              "  2           2 RESUME                   0\n"
              "\n"
              "  3           4 LOAD_DEREF               0 (a)\n"
              "              6 LOAD_DEREF               1 (c)\n"
              "              8 BINARY_OP                0 (+)\n"
              "             12 RETURN_VALUE\n");
}

static void test_dis_2(void **state)
{
    (void)state;
    check_dis("def f():\n"
              "    try:\n"
              "        g()\n"
              "    finally:\n"
              "        h()\n",
              "  0           0 RESUME                   0\n"
              "\n"
              "  1           2 LOAD_CONST               0 (<code object f, file \"x.py\", line 1>)\n"
              "              4 MAKE_FUNCTION            0\n"
              "              6 STORE_NAME               0 (f)\n"
              "              8 LOAD_CONST               1 (None)\n"
              "             10 RETURN_VALUE\n"
              "\n"
              "Disassembly of <code object f, file \"x.py\", line 1>:\n"
              "  1           0 RESUME                   0\n"
              "\n"
              "  2           2 NOP\n"
              "\n"
              "  3           4 LOAD_GLOBAL              1 (NULL + g)\n"
              "             16 CALL                     0\n"
              "             26 POP_TOP\n"
              "\n"
              "  5          28 LOAD_GLOBAL              3 (NULL + h)\n"
              "             40 CALL                     0\n"
              "             50 POP_TOP\n"
              "             52 JUMP_FORWARD            17 (to 88)\n"
              "        >>   54 PUSH_EXC_INFO\n"
              "             56 LOAD_GLOBAL              3 (NULL + h)\n"
              "             68 CALL                     0\n"
              "             78 POP_TOP\n"
              "             80 RERAISE                  0\n"
              "        >>   82 COPY                     3\n"
              "             84 POP_EXCEPT\n"
              "             86 RERAISE                  1\n"
              "        >>   88 LOAD_CONST               0 (None)\n"
              "             90 RETURN_VALUE\n"
              "ExceptionTable:\n"
              "  4 to 26 -> 54 [0]\n"
              "  54 to 80 -> 82 [1] lasti\n");
}

static void test_dis_3(void **state)
{
    (void)state;
    check_dis("x = 2 ** 10 + -3\n"
              "y = \"ab\" * 3, (1, (2, 3)), 2 ** 1000, not 1\n"
              "z = a < b < c\n"
              "if x is None or not y:\n"
              "    pass\n",
              "  0           0 RESUME                   0\n"
              "\n"
              "  1           2 LOAD_CONST               0 (1021)\n"
              "              4 STORE_NAME               0 (x)\n"
              "\n"
              "  2           6 LOAD_CONST               1 ('ababab')\n"
              "              8 LOAD_CONST               2 ((1, (2, 3)))\n"
              "             10 LOAD_CONST               3 (2)\n"
              "             12 LOAD_CONST               4 (1000)\n"
              "             14 BINARY_OP                8 (**)\n"
              "             18 LOAD_CONST               5 (False)\n"
              "             20 BUILD_TUPLE              4\n"
              "             22 STORE_NAME               1 (y)\n"
              "\n"
              "  3          24 LOAD_NAME                2 (a)\n"
              "             26 LOAD_NAME                3 (b)\n"
              "             28 SWAP                     2\n"
              "             30 COPY                     2\n"
              "             32 COMPARE_OP               0 (<)\n"
              "             38 JUMP_IF_FALSE_OR_POP     5 (to 50)\n"
              "             40 LOAD_NAME                4 (c)\n"
              "             42 COMPARE_OP               0 (<)\n"
              "             48 JUMP_FORWARD             2 (to 54)\n"
              "        >>   50 SWAP                     2\n"
              "             52 POP_TOP\n"
              "        >>   54 STORE_NAME               5 (z)\n"
              "\n"
              "  4          56 LOAD_NAME                0 (x)\n"
              "             58 POP_JUMP_FORWARD_IF_NONE     2 (to 64)\n"
              "             60 LOAD_NAME                1 (y)\n"
              "             62 POP_JUMP_FORWARD_IF_TRUE     2 (to 68)\n"
              "\n"
              "  5     >>   64 LOAD_CONST               6 (None)\n"
              "             66 RETURN_VALUE\n"
              "\n"
              "  4     >>   68 LOAD_CONST               6 (None)\n"
              "             70 RETURN_VALUE\n");
}

static void test_dis_4(void **state)
{
    (void)state;
    check_dis("class C(B, metaclass=M):\n"
              "    \"doc\"\n"
              "    x: int = 1\n"
              "    def m(self):\n"
              "        return super().m()\n",
              "  0           0 RESUME                   0\n"
              "\n"
              "  1           2 PUSH_NULL\n"
              "              4 LOAD_BUILD_CLASS\n"
              "              6 LOAD_CONST               0 (<code object C, file \"x.py\", line 1>)\n"
              "              8 MAKE_FUNCTION            0\n"
              "             10 LOAD_CONST               1 ('C')\n"
              "             12 LOAD_NAME                0 (B)\n"
              "             14 LOAD_NAME                1 (M)\n"
              "             16 KW_NAMES                 2 (('metaclass',))\n"
              "             18 CALL                     4\n"
              "             28 STORE_NAME               2 (C)\n"
              "             30 LOAD_CONST               3 (None)\n"
              "             32 RETURN_VALUE\n"
              "\n"
              "Disassembly of <code object C, file \"x.py\", line 1>:\n"
              "              0 MAKE_CELL                0 (__class__)\n"
              "\n"
              "  1           2 RESUME                   0\n"
              "              4 LOAD_NAME                0 (__name__)\n"
              "              6 STORE_NAME               1 (__module__)\n"
              "              8 LOAD_CONST               0 ('C')\n"
              "             10 STORE_NAME               2 (__qualname__)\n"
              "             12 SETUP_ANNOTATIONS\n"
              "\n"
              "  2          14 LOAD_CONST               1 ('doc')\n"
              "             16 STORE_NAME               3 (__doc__)\n"
              "\n"
              "  3          18 LOAD_CONST               2 (1)\n"
              "             20 STORE_NAME               4 (x)\n"
              "             22 LOAD_NAME                5 (int)\n"
              "             24 LOAD_NAME                6 (__annotations__)\n"
              "             26 LOAD_CONST               3 ('x')\n"
              "             28 STORE_SUBSCR\n"
              "\n"
              "  4          32 LOAD_CLOSURE             0 (__class__)\n"
              "             34 BUILD_TUPLE              1\n"
              "             36 LOAD_CONST               4 (<code object m, file \"x.py\", line 4>)\n"
              "             38 MAKE_FUNCTION            8 (closure)\n"
              "             40 STORE_NAME               7 (m)\n"
              "             42 LOAD_CLOSURE             0 (__class__)\n"
              "             44 COPY                     1\n"
              "             46 STORE_NAME               8 (__classcell__)\n"
              "             48 RETURN_VALUE\n"
              "\n"
              "Disassembly of <code object m, file \"x.py\", line 4>:\n"
              "              0 COPY_FREE_VARS           1\n"
              "\n"
              "  4           2 RESUME                   0\n"
              "\n"
              "  5           4 LOAD_GLOBAL              1 (NULL + super)\n"
              "             16 CALL                     0\n"
              "             26 LOAD_METHOD              1 (m)\n"
              "             48 CALL                     0\n"
              "             58 RETURN_VALUE\n");
}

static void test_dis_5(void **state)
{
    (void)state;
    check_dis("def f(x):\n"
              "    try:\n"
              "        return g(x)\n"
              "    except ValueError as e:\n"
              "        return e\n",
              "  0           0 RESUME                   0\n"
              "\n"
              "  1           2 LOAD_CONST               0 (<code object f, file \"x.py\", line 1>)\n"
              "              4 MAKE_FUNCTION            0\n"
              "              6 STORE_NAME               0 (f)\n"
              "              8 LOAD_CONST               1 (None)\n"
              "             10 RETURN_VALUE\n"
              "\n"
              "Disassembly of <code object f, file \"x.py\", line 1>:\n"
              "  1           0 RESUME                   0\n"
              "\n"
              "  2           2 NOP\n"
              "\n"
              "  3           4 LOAD_GLOBAL              1 (NULL + g)\n"
              "             16 LOAD_FAST                0 (x)\n"
              "             18 CALL                     1\n"
              "             28 RETURN_VALUE\n"
              "        >>   30 PUSH_EXC_INFO\n"
              "\n"
              "  4          32 LOAD_GLOBAL              2 (ValueError)\n"
              "             44 CHECK_EXC_MATCH\n"
              "             46 POP_JUMP_FORWARD_IF_FALSE    12 (to 72)\n"
              "             48 STORE_FAST               1 (e)\n"
              "\n"
              "  5          50 LOAD_FAST                1 (e)\n"
              "             52 SWAP                     2\n"
              "             54 POP_EXCEPT\n"
              "             56 LOAD_CONST               0 (None)\n"
              "             58 STORE_FAST               1 (e)\n"
              "             60 DELETE_FAST              1 (e)\n"
              "             62 RETURN_VALUE\n"
              "        >>   64 LOAD_CONST               0 (None)\n"
              "             66 STORE_FAST               1 (e)\n"
              "             68 DELETE_FAST              1 (e)\n"
              "             70 RERAISE                  1\n"
              "\n"
              "  4     >>   72 RERAISE                  0\n"
              "        >>   74 COPY                     3\n"
              "             76 POP_EXCEPT\n"
              "             78 RERAISE                  1\n"
              "ExceptionTable:\n"
              "  4 to 26 -> 30 [0]\n"
              "  30 to 48 -> 74 [1] lasti\n"
              "  50 to 50 -> 64 [1] lasti\n"
              "  64 to 72 -> 74 [1] lasti\n");
}

static void test_dis_6(void **state)
{
    (void)state;
    check_dis("s = f\"{a!r:>{w}} {b}\"\n"
              "r = [i for i in x if i]\n"
              "with m as v:\n"
              "    v.go()\n",
              "  0           0 RESUME                   0\n"
              "\n"
              "  1           2 LOAD_NAME                0 (a)\n"
              "              4 LOAD_CONST               0 ('>')\n"
              "              6 LOAD_NAME                1 (w)\n"
              "              8 FORMAT_VALUE             0\n"
              "             10 BUILD_STRING             2\n"
              "             12 FORMAT_VALUE             6 (repr, with format)\n"
              "             14 LOAD_CONST               1 (' ')\n"
              "             16 LOAD_NAME                2 (b)\n"
              "             18 FORMAT_VALUE             0\n"
              "             20 BUILD_STRING             3\n"
              "             22 STORE_NAME               3 (s)\n"
              "\n"
              "  2          24 LOAD_CONST               2 (<code object <listcomp>, file \"x.py\", line 2>)\n"
              "             26 MAKE_FUNCTION            0\n"
              "             28 LOAD_NAME                4 (x)\n"
              "             30 GET_ITER\n"
              "             32 CALL                     0\n"
              "             42 STORE_NAME               5 (r)\n"
              "\n"
              "  3          44 LOAD_NAME                6 (m)\n"
              "             46 BEFORE_WITH\n"
              "             48 STORE_NAME               7 (v)\n"
              "\n"
              "  4          50 LOAD_NAME                7 (v)\n"
              "             52 LOAD_METHOD              8 (go)\n"
              "             74 CALL                     0\n"
              "             84 POP_TOP\n"
              "\n"
              "  3          86 LOAD_CONST               3 (None)\n"
              "             88 LOAD_CONST               3 (None)\n"
              "             90 LOAD_CONST               3 (None)\n"
              "             92 CALL                     2\n"
              "            102 POP_TOP\n"
              "            104 LOAD_CONST               3 (None)\n"
              "            106 RETURN_VALUE\n"
              "        >>  108 PUSH_EXC_INFO\n"
              "            110 WITH_EXCEPT_START\n"
              "            112 POP_JUMP_FORWARD_IF_TRUE     4 (to 122)\n"
              "            114 RERAISE                  2\n"
              "        >>  116 COPY                     3\n"
              "            118 POP_EXCEPT\n"
              "            120 RERAISE                  1\n"
              "        >>  122 POP_TOP\n"
              "            124 POP_EXCEPT\n"
              "            126 POP_TOP\n"
              "            128 POP_TOP\n"
              "            130 LOAD_CONST               3 (None)\n"
              "            132 RETURN_VALUE\n"
              "ExceptionTable:\n"
              "  48 to 84 -> 108 [1] lasti\n"
              "  108 to 114 -> 116 [3] lasti\n"
              "\n"
              "Disassembly of <code object <listcomp>, file \"x.py\", line 2>:\n"
              "  2           0 RESUME                   0\n"
              "              2 BUILD_LIST               0\n"
              "              4 LOAD_FAST                0 (.0)\n"
              "        >>    6 FOR_ITER                 6 (to 20)\n"
              "              8 STORE_FAST               1 (i)\n"
              "             10 LOAD_FAST                1 (i)\n"
              "             12 POP_JUMP_BACKWARD_IF_FALSE     4 (to 6)\n"
              "             14 LOAD_FAST                1 (i)\n"
              "             16 LIST_APPEND              2\n"
              "             18 JUMP_BACKWARD            7 (to 6)\n"
              "        >>   20 RETURN_VALUE\n");
}

/* co_stacksize of the function in each snippet, as python3.11 computes it
 * (Kiln's instruction shapes keep CPython's stack use). */
static const struct {
    const char *src;
    int module, func;
} stack_cases[] = {
    {"def f(a, b):\n    return a + b * (a - b)\n", 1, 4},
    {"def f(x):\n    return [i * j for i in x for j in x if i]\n", 1, 2},
    {"def f():\n    try:\n        g()\n    finally:\n        h()\n", 1, 4},
    {"def f(p):\n    with open(p) as a, open(p) as b:\n        return a.read() + b.read()\n", 1, 7},
    {"def f(a, b, c):\n    return a < b < c and not (a or b)\n", 1, 3},
    {"def f(x):\n    match x:\n        case [a, *b, {'k': c}] if a:\n            return b\n"
     "        case P(q=1) | Q(2):\n            return 0\n", 1, 7},
    {"async def f(x):\n    async with x as y:\n        async for i in y:\n            await i\n", 1, 6},
    {"def f():\n    try:\n        a()\n    except* ValueError as e:\n        b(e)\n"
     "    except* TypeError:\n        pass\n", 1, 7},
    {"def f(*a, k=1, **kw):\n    return {**kw, 'a': a, 'k': k}, {*a}, [*a, 1]\n", 2, 4},
    {"def f():\n    for i in range(3):\n        try:\n            continue\n        finally:\n"
     "            return i\n", 1, 5},
};

static KnCodeObject *first_code_const(KnObject *co)
{
    KnObject *consts = JIT_CODE(co)->co_consts;
    for (kn_ssize_t i = 0; i < KN_SIZE(consts); i++) {
        KnObject *k = ((KnTupleObject *)consts)->ob_item[i];
        if (KN_TYPE(k) == &jit_code_type)
            return JIT_CODE(k);
    }
    return NULL;
}

static void test_stack_depth(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof stack_cases / sizeof stack_cases[0]; i++) {
        KnObject *co = tu_compile(stack_cases[i].src, JIT_MODE_EXEC);
        assert_non_null(co);
        KnCodeObject *f = first_code_const(co);
        assert_non_null(f);
        if (JIT_CODE(co)->co_stacksize != stack_cases[i].module ||
            f->co_stacksize != stack_cases[i].func)
            fail_msg("case %zu: stacksize %d/%d, expected %d/%d", i,
                     JIT_CODE(co)->co_stacksize, f->co_stacksize, stack_cases[i].module,
                     stack_cases[i].func);
    }
}

/* try/finally: the body is covered by a handler at depth 0 without lasti;
 * the finally-on-exception code by the cleanup handler (depth 1, lasti). */
static void test_exception_table(void **state)
{
    (void)state;
    KnObject *co = tu_compile("def f():\n    try:\n        g()\n    finally:\n        h()\n",
                              JIT_MODE_EXEC);
    assert_non_null(co);
    KnCodeObject *f = first_code_const(co);
    assert_int_equal(f->co_nexc, 2);
    jit_exc_entry *e = f->co_exctable;
    assert_int_equal(e[0].depth, 0);
    assert_int_equal(e[0].lasti, 0);
    assert_int_equal(e[1].depth, 1);
    assert_int_equal(e[1].lasti, 1);
    /* the first handler is where the second range starts: PUSH_EXC_INFO */
    assert_int_equal(e[0].target, e[1].start);
    assert_int_equal(f->co_code_orig[e[0].target] & 0xFF, JIT_OP_PUSH_EXC_INFO);
    /* the body range covers the call to g: LOAD_GLOBAL ... CALL ... POP_TOP */
    assert_int_equal(f->co_code_orig[e[0].start] & 0xFF, JIT_OP_LOAD_GLOBAL);
    assert_int_equal(f->co_code_orig[e[0].end - 1] & 0xFF, JIT_OP_POP_TOP);
    /* the cleanup handler: COPY 3; POP_EXCEPT; RERAISE 1 */
    assert_int_equal(f->co_code_orig[e[1].target], JIT_OP_COPY | (3 << 8));
    assert_int_equal(f->co_code_orig[e[1].target + 1] & 0xFF, JIT_OP_POP_EXCEPT);
    assert_int_equal(f->co_code_orig[e[1].target + 2], JIT_OP_RERAISE | (1 << 8));
    /* nothing outside try is protected */
    for (int k = 0; k < f->co_nexc; k++)
        assert_true(e[k].start > 0);
}

/* Jumps longer than 255 units get EXTENDED_ARG prefixes. */
static void test_extended_arg(void **state)
{
    (void)state;
    char src[20000];
    strcpy(src, "def f(x):\n    if x:\n");
    for (int i = 0; i < 300; i++)
        strcat(src, "        x = x + 1\n");
    strcat(src, "    return x\n");
    KnObject *co = tu_compile(src, JIT_MODE_EXEC);
    assert_non_null(co);
    KnCodeObject *f = first_code_const(co);
    int found = 0;
    for (int i = 0; i + 1 < f->co_ncode; i++)
        if ((f->co_code_orig[i] & 0xFF) == JIT_OP_EXTENDED_ARG &&
            (f->co_code_orig[i + 1] & 0xFF) == JIT_OP_POP_JUMP_FORWARD_IF_FALSE) {
            int arg = (f->co_code_orig[i] >> 8) << 8 | (f->co_code_orig[i + 1] >> 8);
            /* the target is the `return x`: LOAD_FAST x */
            int target = i + 2 + arg;
            assert_int_equal(f->co_code_orig[target] & 0xFF, JIT_OP_LOAD_FAST);
            assert_int_equal(f->co_code_orig[target + 1] & 0xFF, JIT_OP_RETURN_VALUE);
            found = 1;
        }
    assert_true(found);
}

/* Errors in the source are SyntaxErrors; runtime-only problems are not
 * raised at compile time (1/0 is simply not folded). */
static void test_no_fold_on_error(void **state)
{
    (void)state;
    char *d = tu_dis("x = 1 / 0\n");
    assert_non_null(d);
    assert_non_null(strstr(d, "BINARY_OP               11 (/)"));
    free(d);
    d = tu_dis("x = 'abc'[1]\ny = -(5)\nz = 2 ** 200\n");
    assert_non_null(d);
    assert_non_null(strstr(d, "LOAD_CONST               0 ('b')"));
    assert_non_null(strstr(d, "LOAD_CONST               1 (-5)"));
    assert_non_null(strstr(d, "BINARY_OP                8 (**)"));
    free(d);
}

static void test_assign(void **state)
{
    (void)state;
    check_dis("x = 1\n",
              "  0           0 RESUME                   0\n"
              "\n"
              "  1           2 LOAD_CONST               0 (1)\n"
              "              4 STORE_NAME               0 (x)\n"
              "              6 LOAD_CONST               1 (None)\n"
              "              8 RETURN_VALUE\n");
}

/* --summary FILE: one line per code object (depth first) with the facts
 * python3.11 can be compared on (tools: a script prints the same there). */
static void print_tuple_names(KnObject *t)
{
    fputc('(', stdout);
    for (kn_ssize_t i = 0; i < KN_SIZE(t); i++)
        printf("%s%s", i ? "," : "", ob_str_as_utf8(((KnTupleObject *)t)->ob_item[i], NULL));
    fputc(')', stdout);
}

static void summary(KnObject *co)
{
    KnCodeObject *c = JIT_CODE(co);
    printf("%s %d flags=%d args=%d/%d/%d stack=%d vars=", ob_str_as_utf8(c->co_qualname, NULL),
           c->co_firstlineno, c->co_flags, c->co_argcount, c->co_posonlyargcount,
           c->co_kwonlyargcount, c->co_stacksize);
    print_tuple_names(ob_getattr_str(co, "co_varnames"));
    fputs(" cells=", stdout);
    print_tuple_names(ob_getattr_str(co, "co_cellvars"));
    fputs(" frees=", stdout);
    print_tuple_names(ob_getattr_str(co, "co_freevars"));
    fputc('\n', stdout);
    for (kn_ssize_t i = 0; i < KN_SIZE(c->co_consts); i++) {
        KnObject *k = ((KnTupleObject *)c->co_consts)->ob_item[i];
        if (KN_TYPE(k) == &jit_code_type)
            summary(k);
    }
}

/* --positions FILE: each instruction of the module code with its position
 * (the format of dis.get_instructions' Positions, for comparing). */
static void print_positions(KnObject *co)
{
    KnCodeObject *c = JIT_CODE(co);
    for (int i = 0; i < c->co_ncode;) {
        int op = c->co_code_orig[i] & 0xFF;
        jit_position p = c->co_positions[i];
        if (op != JIT_OP_EXTENDED_ARG) {
            printf("%s Positions(lineno=", jit_op_name(op));
            p.lineno < 0 ? printf("None") : printf("%d", p.lineno);
            printf(", end_lineno=");
            p.end_lineno < 0 ? printf("None") : printf("%d", p.end_lineno);
            printf(", col_offset=");
            p.col < 0 ? printf("None") : printf("%d", p.col);
            printf(", end_col_offset=");
            p.end_col < 0 ? printf("None") : printf("%d", p.end_col);
            printf(")\n");
        }
        i += 1 + jit_op_caches(op);
    }
    for (kn_ssize_t k = 0; k < KN_SIZE(c->co_consts); k++) {
        KnObject *v = ((KnTupleObject *)c->co_consts)->ob_item[k];
        if (KN_TYPE(v) == &jit_code_type)
            print_positions(v);
    }
}

/* --check FILE...: compile each file, print the ones that fail. */
static int check_files(int argc, char **argv)
{
    int bad = 0;
    tu_init();
    for (int i = 2; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f)
            continue;
        fseek(f, 0, SEEK_END);
        long n = ftell(f);
        fseek(f, 0, SEEK_SET);
        char *buf = malloc((size_t)n + 1);
        size_t got = fread(buf, 1, (size_t)n, f);
        fclose(f);
        buf[got] = 0;
        KnObject *co = jit_compile_source(buf, got, argv[i], JIT_MODE_EXEC, 0, 0);
        if (co && strcmp(argv[1], "--summary") == 0)
            summary(co);
        if (co && strcmp(argv[1], "--positions") == 0)
            print_positions(co);
        if (!co) {
            KnObject *e = ob_err_fetch();
            KnObject *r = e ? ob_repr(e) : NULL;
            printf("%s: %s\n", argv[i], r ? ob_str_as_utf8(r, NULL) : "?");
            bad++;
        }
        free(buf);
    }
    return bad != 0;
}

/* from __future__ import annotations: the strings are what CPython's
 * unparser writes (table produced with python3.11). */
static const struct {
    const char *stmt, *expected;
} ann_cases[] = {
    {"a: int", "int"},
    {"b: List[int]", "List[int]"},
    {"c: Dict[str,int] = {}", "Dict[str, int]"},
    {"d: Optional[\"X\"]", "Optional['X']"},
    {"e: 'a' + 1 * 2 ** -3", "'a' + 1 * 2 ** (-3)"},
    {"f: lambda x, *y, z=1, **k: x if y else z", "lambda x, *y, z=1, **k: x if y else z"},
    {"g: (1, 2)", "(1, 2)"},
    {"h: x[1:2, ::3]", "x[1:2, ::3]"},
    {"i: f(a, *b, c=1, **d)", "f(a, *b, c=1, **d)"},
    {"j: [x for x in y if x] ", "[x for x in y if x]"},
    {"k: {1: 2, **m}", "{1: 2, **m}"},
    {"l: not a and b or c", "not a and b or c"},
    {"m: a < b <= c is not d in e", "a < b <= c is not d in e"},
    {"n: -(-1) ** 2", "-(-1) ** 2"},
    {"p: x.y.z", "x.y.z"},
    {"q: 1 .real", "1 .real"},
    {"r: ...", "..."},
    {"s: 1e400", "1e309"},
    {"t: Tuple[()]", "Tuple[()]"},
    {"u: {*a, b}", "{*a, b}"},
    {"x: f\"a{b!r:>{w}}c{{\"", "f'a{b!r:>{w}}c{{'"},
    {"y: b'xy' + 'q\\n'", "b'xy' + 'q\\n'"},
    {"z: (a, b)[0]", "(a, b)[0]"},
    {"aa: x[a,]", "x[a,]"},
    {"bb: ~a | b ^ c & d << 2", "~a | b ^ c & d << 2"},
    {"cc: (lambda: 1)()", "(lambda: 1)()"},
    {"dd: {}", "{}"},
    {"ee: set()", "set()"},
    {"ff: a if b else (c if d else e)", "a if b else c if d else e"},
    {"gg: (a for b in c)", "(a for b in c)"},
    {"hh: f(a for b in c)", "f(a for b in c)"},
};

static void test_annotation_strings(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof ann_cases / sizeof ann_cases[0]; i++) {
        char src[512];
        snprintf(src, sizeof src, "from __future__ import annotations\n%s\n", ann_cases[i].stmt);
        KnObject *co = tu_compile(src, JIT_MODE_EXEC);
        assert_non_null(co);
        /* the annotation is the first str constant after the target's name */
        KnObject *consts = JIT_CODE(co)->co_consts;
        int found = 0;
        for (kn_ssize_t k = 0; k < KN_SIZE(consts) && !found; k++) {
            KnObject *v = ((KnTupleObject *)consts)->ob_item[k];
            if (KN_TYPE(v) == &ob_str_type && ob_str_equal_cstr(v, ann_cases[i].expected))
                found = 1;
        }
        if (!found)
            fail_msg("%s: no constant %s", ann_cases[i].stmt, ann_cases[i].expected);
    }
}

/* Nesting deeper than CPython's compile-time bound (3 x the recursion
 * limit) is a RecursionError, as in python3.11; just below it compiles. */
static void test_recursion_bound(void **state)
{
    (void)state;
    for (int n = 2900; n <= 3000; n += 100) {
        size_t len = 4 + 2 * (size_t)n + 2;
        char *src = malloc(len);
        strcpy(src, "x = a");
        for (int i = 1; i < n; i++)
            strcat(src, "+a");
        strcat(src, "\n");
        KnObject *co = tu_compile(src, JIT_MODE_EXEC);
        if (n == 2900) {
            assert_non_null(co);
        } else {
            assert_null(co);
            KnObject *e = ob_err_fetch();
            assert_true(ob_type_is_subtype(KN_TYPE(e), ob_exc_RecursionError));
        }
        free(src);
    }
}

/* PEP 657 positions of every instruction, as python3.11's
 * dis.get_instructions reports them (PRECALL and caches left out). */
static void test_positions(void **state)
{
    (void)state;
    KnObject *co = tu_compile("x = obj.attr.meth(1, 2)\ny = f(a)[b] + g.h\nobj.m2(\n  1)\n", JIT_MODE_EXEC);
    assert_non_null(co);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    FILE *saved = stdout;
    stdout = f;
    print_positions(co);
    stdout = saved;
    fclose(f);
    assert_string_equal(buf,
        "RESUME Positions(lineno=0, end_lineno=1, col_offset=0, end_col_offset=0)\n"
        "LOAD_NAME Positions(lineno=1, end_lineno=1, col_offset=4, end_col_offset=7)\n"
        "LOAD_ATTR Positions(lineno=1, end_lineno=1, col_offset=4, end_col_offset=12)\n"
        "LOAD_METHOD Positions(lineno=1, end_lineno=1, col_offset=4, end_col_offset=17)\n"
        "LOAD_CONST Positions(lineno=1, end_lineno=1, col_offset=18, end_col_offset=19)\n"
        "LOAD_CONST Positions(lineno=1, end_lineno=1, col_offset=21, end_col_offset=22)\n"
        "CALL Positions(lineno=1, end_lineno=1, col_offset=4, end_col_offset=23)\n"
        "STORE_NAME Positions(lineno=1, end_lineno=1, col_offset=0, end_col_offset=1)\n"
        "PUSH_NULL Positions(lineno=2, end_lineno=2, col_offset=4, end_col_offset=5)\n"
        "LOAD_NAME Positions(lineno=2, end_lineno=2, col_offset=4, end_col_offset=5)\n"
        "LOAD_NAME Positions(lineno=2, end_lineno=2, col_offset=6, end_col_offset=7)\n"
        "CALL Positions(lineno=2, end_lineno=2, col_offset=4, end_col_offset=8)\n"
        "LOAD_NAME Positions(lineno=2, end_lineno=2, col_offset=9, end_col_offset=10)\n"
        "BINARY_SUBSCR Positions(lineno=2, end_lineno=2, col_offset=4, end_col_offset=11)\n"
        "LOAD_NAME Positions(lineno=2, end_lineno=2, col_offset=14, end_col_offset=15)\n"
        "LOAD_ATTR Positions(lineno=2, end_lineno=2, col_offset=14, end_col_offset=17)\n"
        "BINARY_OP Positions(lineno=2, end_lineno=2, col_offset=4, end_col_offset=17)\n"
        "STORE_NAME Positions(lineno=2, end_lineno=2, col_offset=0, end_col_offset=1)\n"
        "LOAD_NAME Positions(lineno=3, end_lineno=3, col_offset=0, end_col_offset=3)\n"
        "LOAD_METHOD Positions(lineno=3, end_lineno=3, col_offset=0, end_col_offset=6)\n"
        "LOAD_CONST Positions(lineno=4, end_lineno=4, col_offset=2, end_col_offset=3)\n"
        "CALL Positions(lineno=3, end_lineno=4, col_offset=0, end_col_offset=4)\n"
        "POP_TOP Positions(lineno=3, end_lineno=4, col_offset=0, end_col_offset=4)\n"
        "LOAD_CONST Positions(lineno=3, end_lineno=4, col_offset=0, end_col_offset=4)\n"
        "RETURN_VALUE Positions(lineno=3, end_lineno=4, col_offset=0, end_col_offset=4)\n");
    free(buf);
}

static char *dis_mode(const char *src, jit_mode mode)
{
    KnObject *co = tu_compile(src, mode);
    assert_non_null(co);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    jit_code_dis(co, f);
    fclose(f);
    return buf;
}

/* compile(..., "eval") returns the value; "single" prints expression
 * statements (PRINT_EXPR) anywhere at module level. */
static void test_eval_and_single(void **state)
{
    (void)state;
    char *d = dis_mode("a + 1", JIT_MODE_EVAL);
    assert_string_equal(d, "  0           0 RESUME                   0\n"
                           "\n"
                           "  1           2 LOAD_NAME                0 (a)\n"
                           "              4 LOAD_CONST               0 (1)\n"
                           "              6 BINARY_OP                0 (+)\n"
                           "             10 RETURN_VALUE\n");
    free(d);
    d = dis_mode("if x:\n  x + 1\n", JIT_MODE_SINGLE);
    assert_non_null(strstr(d, "BINARY_OP                0 (+)\n"
                              "             14 PRINT_EXPR\n"));
    free(d);
    d = dis_mode("def f():\n  x + 1\n", JIT_MODE_SINGLE);
    assert_null(strstr(d, "PRINT_EXPR"));
    free(d);
}

int main(int argc, char **argv)
{
    if (argc >= 2 && (strcmp(argv[1], "--check") == 0 || strcmp(argv[1], "--summary") == 0 ||
                      strcmp(argv[1], "--positions") == 0))
        return check_files(argc, argv);
    if (argc == 3 && strcmp(argv[1], "--dis") == 0) {
        FILE *f = fopen(argv[2], "rb");
        if (!f)
            return 2;
        static char buf[1 << 20];
        size_t n = fread(buf, 1, sizeof buf - 1, f);
        fclose(f);
        buf[n] = 0;
        tu_init();
        KnObject *co = jit_compile_source(buf, n, argv[2], JIT_MODE_EXEC, 0, 0);
        if (!co) {
            KnObject *e = ob_err_fetch();
            KnObject *r = ob_repr(e);
            fprintf(stderr, "error: %s\n", r ? ob_str_as_utf8(r, NULL) : "?");
            return 1;
        }
        jit_code_dis(co, stdout);
        return 0;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_assign),
        cmocka_unit_test(test_dis_1),
        cmocka_unit_test(test_dis_2),
        cmocka_unit_test(test_dis_3),
        cmocka_unit_test(test_dis_4),
        cmocka_unit_test(test_dis_5),
        cmocka_unit_test(test_dis_6),
        cmocka_unit_test(test_stack_depth),
        cmocka_unit_test(test_exception_table),
        cmocka_unit_test(test_extended_arg),
        cmocka_unit_test(test_no_fold_on_error),
        cmocka_unit_test(test_recursion_bound),
        cmocka_unit_test(test_annotation_strings),
        cmocka_unit_test(test_positions),
        cmocka_unit_test(test_eval_and_single),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
