/* test_marshal.c — marshal's byte format against python3.11's output for
 * the same values (bytes taken from `marshal.dumps(v).hex()`), round trips,
 * errors, and Kiln's code-object record (cmocka). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "libjit/jit.h"
#include "libobject/libobject.h"

KnObject *jit_marshal_dumps(KnObject *v, int version);
KnObject *jit_marshal_loads(const char *data, kn_ssize_t len);

static KnObject *hex_of(KnObject *b)
{
    assert_non_null(b);
    return ob_call_method(b, "hex", 0);
}

static void assert_dumps(KnObject *v, int version, const char *hex)
{
    assert_non_null(v);
    KnObject *b = jit_marshal_dumps(v, version);
    if (b == NULL) {
        KnObject *e = ob_err_fetch();
        fail_msg("dumps failed: %s", e ? ob_str_as_utf8(ob_str(e), NULL) : "?");
    }
    assert_string_equal(ob_str_as_utf8(hex_of(b), NULL), hex);
    /* and back */
    KnObject *back = jit_marshal_loads(KN_BYTES_AS_STRING(b), KN_SIZE(b));
    assert_non_null(back);
    assert_int_equal(ob_richcompare_bool(back, v, KN_EQ), 1);
}

static KnObject *E(const char *expr)
{
    KnObject *co = jit_compile_source(expr, strlen(expr), "<test>", JIT_MODE_EVAL, 0, 0);
    assert_non_null(co);
    KnObject *g = ob_dict_new();
    KnObject *v = jit_eval_code(co, g, g);
    assert_non_null(v);
    return v;
}

/* Expected hex strings: python3.11 -c "import marshal; print(marshal.dumps(<expr>).hex())" */
static void test_scalars(void **state)
{
    (void)state;
    assert_dumps(KN_None, 4, "4e");
    assert_dumps(KN_True, 4, "54");
    assert_dumps(KN_False, 4, "46");
    assert_dumps(KN_Ellipsis, 4, "2e");
    assert_dumps(E("1"), 4, "e901000000");
    assert_dumps(E("-2"), 4, "e9feffffff");
    assert_dumps(E("2**31"), 4, "6c03000000000000000200");
    assert_dumps(E("-(2**40)"), 4, "6cfdffffff000000000004");
    assert_dumps(E("10**30"), 4, "6c0700000000000000a937a733044d93652703");
    assert_dumps(E("1.5"), 4, "67000000000000f83f");
    assert_dumps(E("1.5"), 1, "6603312e35");
    assert_dumps(E("2+3j"), 4, "7900000000000000400000000000000840");
    assert_dumps(E("b'ab\\x00'"), 4, "7303000000616200");
    assert_dumps(E("'a b'"), 4, "7a03612062");
    assert_dumps(E("'abc'"), 4, "da03616263");
    assert_dumps(E("''"), 4, "da00");
    assert_dumps(E("b''"), 4, "f300000000");
    assert_dumps(E("'a'"), 4, "da0161");
    assert_dumps(E("257"), 4, "6901010000");
    assert_dumps(E("-6"), 4, "69faffffff");
    assert_dumps(E("'a b'"), 2, "7503000000612062");
    assert_dumps(E("'h\\u00e9'"), 4, "750300000068c3a9");
    assert_dumps(E("'\\u00e9'"), 4, "f502000000c3a9");
}

static void test_containers(void **state)
{
    (void)state;
    assert_dumps(E("(1, 'a b')"), 4, "2902e9010000007a03612062");
    assert_dumps(E("('abc', 'abc')"), 4, "2902da036162637200000000");
    assert_dumps(E("[[]] * 2"), 4, "5b02000000db000000007200000000");
    assert_dumps(E("(1.5,) * 2"), 4, "2902e7000000000000f83f7200000000");
    assert_dumps(E("()"), 4, "a900");
    assert_dumps(E("[None, [True]]"), 4, "5b020000004e5b0100000054");
    assert_dumps(E("{'a b': 1}"), 4, "7b7a03612062e90100000030");
    assert_dumps(E("(1, 2)"), 2, "280200000069010000006902000000");
    assert_dumps(E("frozenset()"), 4, "3e00000000");
}

static void test_loads_refs_and_errors(void **state)
{
    (void)state;
    /* a tuple holding the same list twice: CPython's r-reference */
    static const char data[] = "\xa9\x02\xdb\x00\x00\x00\x00r\x01\x00\x00\x00";
    KnObject *v = jit_marshal_loads(data, sizeof data - 1);
    assert_non_null(v);
    assert_ptr_equal(KN_TUPLE_GET(v, 0), KN_TUPLE_GET(v, 1));
    assert_null(jit_marshal_loads("\xe9\x01", 2));
    assert_ptr_equal(ob_err_occurred(), ob_exc_EOFError);
    ob_err_clear();
    assert_null(jit_marshal_loads("?", 1));
    assert_ptr_equal(ob_err_occurred(), ob_exc_ValueError);
    ob_err_clear();
    assert_null(jit_marshal_dumps(ob_module_new_cstr("m"), 4));
    assert_ptr_equal(ob_err_occurred(), ob_exc_ValueError);
    ob_err_clear();
    /* a CPython code object is refused with a clear error */
    assert_null(jit_marshal_loads("\xe3\x00\x00\x00\x00", 5));
    assert_ptr_equal(ob_err_occurred(), ob_exc_ValueError);
    ob_err_clear();
}

static void test_code_round_trip(void **state)
{
    (void)state;
    const char *src = "def f(a, *b, k=2):\n"
                      "    try:\n        return [x * k for x in (a,) + b]\n"
                      "    except TypeError:\n        return None\n"
                      "r = f(1, 2, k=3)\n";
    KnObject *co = jit_compile_source(src, strlen(src), "m.py", JIT_MODE_EXEC, 0, 0);
    assert_non_null(co);
    KnObject *b = jit_marshal_dumps(co, 4);
    assert_non_null(b);
    KnObject *co2 = jit_marshal_loads(KN_BYTES_AS_STRING(b), KN_SIZE(b));
    assert_non_null(co2);
    assert_ptr_equal(KN_TYPE(co2), &jit_code_type);
    assert_int_equal(ob_richcompare_bool(co, co2, KN_EQ), 1);
    KnObject *g = ob_dict_new();
    assert_non_null(jit_eval_code(co2, g, g));
    KnObject *r = ob_dict_getitem_str(g, "r");
    assert_non_null(r);
    assert_string_equal(ob_str_as_utf8(ob_repr(r), NULL), "[3, 6]");
    KnObject *fn = ob_dict_getitem_str(g, "f");
    KnObject *bad = ob_call_onearg(fn, KN_None);
    assert_non_null(bad);   /* the exception table survived: TypeError caught */
    assert_ptr_equal(bad, KN_None);
}

static int setup(void **state)
{
    (void)state;
    char *argv[] = { "test_marshal", NULL };
    static jit_config cfg = { .int_max_str_digits = -1, .no_site = 1 };
    jit_configure(&cfg);
    return jit_init(1, argv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scalars),
        cmocka_unit_test(test_containers),
        cmocka_unit_test(test_loads_refs_and_errors),
        cmocka_unit_test(test_code_round_trip),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
