/* libjit/tests/test_code.c — the code type's Python-level attributes,
 * co_positions(), co_lines(), replace(), repr, equality and hash
 * (expected values from python3.11 on the same sources). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "compile_util.h"
#include "opcode.h"

static KnObject *func_code(const char *src, int nth)
{
    KnObject *co = tu_compile(src, JIT_MODE_EXEC);
    assert_non_null(co);
    KnObject *consts = JIT_CODE(co)->co_consts;
    for (kn_ssize_t i = 0; i < KN_SIZE(consts); i++) {
        KnObject *k = ((KnTupleObject *)consts)->ob_item[i];
        if (KN_TYPE(k) == &jit_code_type && nth-- == 0)
            return k;
    }
    fail_msg("no function in %s", src);
    return NULL;
}

static char *repr_of(KnObject *v)
{
    KnObject *r = ob_repr(v);
    assert_non_null(r);
    return strdup(ob_str_as_utf8(r, NULL));
}

static char *attr_repr(KnObject *o, const char *name)
{
    KnObject *v = ob_getattr_str(o, name);
    if (!v)
        fail_msg("no attribute %s", name);
    return repr_of(v);
}

#define ATTR_IS(o, name, text)                      \
    do {                                            \
        char *got_ = attr_repr((o), (name));        \
        assert_string_equal(got_, (text));          \
        free(got_);                                 \
    } while (0)

static const char *SRC =
    "def f(a, b, /, c, *args, d, e=1, **kw):\n"
    "    \"doc\"\n"
    "    x = a\n"
    "    def g():\n"
    "        return x + y\n"
    "    y = 2\n"
    "    return g\n";

static void test_attributes(void **state)
{
    (void)state;
    KnObject *f = func_code(SRC, 0);
    ATTR_IS(f, "co_name", "'f'");
    ATTR_IS(f, "co_qualname", "'f'");
    ATTR_IS(f, "co_filename", "'x.py'");
    ATTR_IS(f, "co_firstlineno", "1");
    ATTR_IS(f, "co_argcount", "3");
    ATTR_IS(f, "co_posonlyargcount", "2");
    ATTR_IS(f, "co_kwonlyargcount", "2");
    ATTR_IS(f, "co_varnames", "('a', 'b', 'c', 'd', 'e', 'args', 'kw', 'g')");
    ATTR_IS(f, "co_nlocals", "8");
    ATTR_IS(f, "co_cellvars", "('x', 'y')");
    ATTR_IS(f, "co_freevars", "()");
    ATTR_IS(f, "co_flags", "15");      /* OPTIMIZED NEWLOCALS VARARGS VARKEYWORDS */
    ATTR_IS(f, "co_stacksize", "2");
    assert_true(ob_str_equal_cstr(((KnTupleObject *)JIT_CODE(f)->co_consts)->ob_item[0], "doc"));
    KnObject *g = NULL;
    KnObject *consts = JIT_CODE(f)->co_consts;
    for (kn_ssize_t i = 0; i < KN_SIZE(consts); i++)
        if (KN_TYPE(((KnTupleObject *)consts)->ob_item[i]) == &jit_code_type)
            g = ((KnTupleObject *)consts)->ob_item[i];
    assert_non_null(g);
    ATTR_IS(g, "co_qualname", "'f.<locals>.g'");
    ATTR_IS(g, "co_freevars", "('x', 'y')");
    ATTR_IS(g, "co_varnames", "()");
    ATTR_IS(g, "co_flags", "19");      /* OPTIMIZED NEWLOCALS NESTED */
}

static char *list_of_iter(KnObject *it)
{
    assert_non_null(it);
    KnObject *list = ob_list_new(0);
    KnObject *x;
    while ((x = KN_TYPE(it)->tp_iternext(it)) != NULL)
        ob_list_append(list, x);
    ob_err_clear();
    return repr_of(list);
}

static void test_positions_and_lines(void **state)
{
    (void)state;
    KnObject *g = NULL;
    KnObject *f = func_code(SRC, 0);
    KnObject *consts = JIT_CODE(f)->co_consts;
    for (kn_ssize_t i = 0; i < KN_SIZE(consts); i++)
        if (KN_TYPE(((KnTupleObject *)consts)->ob_item[i]) == &jit_code_type)
            g = ((KnTupleObject *)consts)->ob_item[i];
    char *pos = list_of_iter(ob_call_method(g, "co_positions", 0));
    assert_string_equal(pos, "[(None, None, None, None), (4, 4, 0, 0), (5, 5, 15, 16), "
                             "(5, 5, 19, 20), (5, 5, 15, 20), (5, 5, 15, 20), (5, 5, 8, 20)]");
    free(pos);
    char *lines = list_of_iter(ob_call_method(g, "co_lines", 0));
    assert_string_equal(lines, "[(0, 2, None), (2, 4, 4), (4, 6, 5), (6, 8, 5), (8, 12, 5), "
                               "(12, 14, 5)]");
    free(lines);
    KnObject *h = func_code("def h(x):\n    return x\n", 0);
    pos = list_of_iter(ob_call_method(h, "co_positions", 0));
    assert_string_equal(pos, "[(1, 1, 0, 0), (2, 2, 11, 12), (2, 2, 4, 12)]");
    free(pos);
    KnObject *code = ob_getattr_str(h, "co_code");
    assert_non_null(code);
    assert_int_equal(KN_SIZE(code), 6);
    const unsigned char *b = (const unsigned char *)((KnBytesObject *)code)->ob_sval;
    assert_int_equal(b[0], JIT_OP_RESUME);
    assert_int_equal(b[2], JIT_OP_LOAD_FAST);
    assert_int_equal(b[4], JIT_OP_RETURN_VALUE);
    assert_int_equal(b[1] | b[3] | b[5], 0);
}

static void test_repr_eq_hash_replace(void **state)
{
    (void)state;
    const char *src = "def h(x):\n    return x\n";
    KnObject *h1 = func_code(src, 0), *h2 = func_code(src, 0);
    assert_ptr_not_equal(h1, h2);
    assert_int_equal(ob_richcompare_bool(h1, h2, KN_EQ), 1);
    assert_int_equal(ob_hash(h1), ob_hash(h2));
    char *r = repr_of(h1);
    char expect[128];
    snprintf(expect, sizeof expect, "<code object h at %p, file \"x.py\", line 1>", (void *)h1);
    assert_string_equal(r, expect);
    free(r);
    /* a different line makes a different code object */
    KnObject *h3 = func_code("\ndef h(x):\n    return x\n", 0);
    assert_int_equal(ob_richcompare_bool(h1, h3, KN_EQ), 0);
    /* 1 and 1.0 are different constants */
    KnObject *c1 = func_code("def k():\n    return 1\n", 0);
    KnObject *c2 = func_code("def k():\n    return 1.0\n", 0);
    assert_int_equal(ob_richcompare_bool(c1, c2, KN_EQ), 0);
    /* replace(): keyword arguments only, a new object */
    KnObject *meth = ob_getattr_str(h1, "replace");
    assert_non_null(meth);
    KnObject *kw = ob_dict_new();
    ob_dict_setitem_str(kw, "co_name", ob_str_from_cstr("k"));
    ob_dict_setitem_str(kw, "co_firstlineno", ob_int_from_ssize(7));
    KnObject *h4 = ob_call(meth, ob_tuple_empty(), kw);
    assert_non_null(h4);
    ATTR_IS(h4, "co_name", "'k'");
    ATTR_IS(h4, "co_firstlineno", "7");
    ATTR_IS(h4, "co_varnames", "('x',)");
    ATTR_IS(h1, "co_name", "'h'");
    assert_int_equal(ob_richcompare_bool(h1, h4, KN_EQ), 0);
    ob_dict_setitem_str(kw, "co_name", ob_int_from_ssize(1));
    assert_null(ob_call(meth, ob_tuple_empty(), kw));
    KnObject *e = ob_err_fetch();
    assert_true(ob_type_is_subtype(KN_TYPE(e), ob_exc_TypeError));
    kw = ob_dict_new();
    ob_dict_setitem_str(kw, "co_varnames", ob_tuple_pack(1, ob_str_from_cstr("y")));
    KnObject *h5 = ob_call(meth, ob_tuple_empty(), kw);
    assert_non_null(h5);
    ATTR_IS(h5, "co_varnames", "('y',)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_attributes),
        cmocka_unit_test(test_positions_and_lines),
        cmocka_unit_test(test_repr_eq_hash_replace),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
