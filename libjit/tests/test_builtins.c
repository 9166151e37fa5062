/* test_builtins.c — the builtins and sys modules called from C (cmocka).
 * Expected values and messages are what python3.11 gives for the same
 * calls. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "libjit/jit.h"
#include "libobject/libobject.h"

static KnObject *B(const char *name)
{
    KnObject *f = ob_dict_getitem_str(jit_builtins_dict(), name);
    assert_non_null(f);
    return f;
}

static KnObject *S(const char *s) { return ob_str_from_cstr(s); }
static KnObject *I(long long v) { return ob_int_from_long_long(v); }

/* name(args...) with `nkw` trailing keyword arguments named in kw. */
static KnObject *callv(const char *name, int nargs, KnObject **args, int nkw, const char **kw)
{
    KnObject *kwnames = NULL;
    if (nkw > 0) {
        kwnames = ob_tuple_new(nkw);
        for (int i = 0; i < nkw; i++)
            KN_TUPLE_SET(kwnames, i, S(kw[i]));
    }
    return ob_vectorcall(B(name), args, (size_t)(nargs - nkw), kwnames);
}

#define CALL(name, ...) callv(name, (int)(sizeof((KnObject *[]){ __VA_ARGS__ }) / sizeof(KnObject *)), \
                              (KnObject *[]){ __VA_ARGS__ }, 0, NULL)
#define CALL0(name) callv(name, 0, NULL, 0, NULL)

static void assert_repr(KnObject *o, const char *expected)
{
    if (o == NULL) {
        KnObject *e = ob_err_fetch();
        fail_msg("got an exception: %s: %s", e ? ob_type_name(KN_TYPE(e)) : "?",
                 e ? ob_str_as_utf8(ob_str(e), NULL) : "");
    }
    KnObject *r = ob_repr(o);
    assert_non_null(r);
    assert_string_equal(ob_str_as_utf8(r, NULL), expected);
}

/* The call failed with exactly this exception type and message. */
static void assert_error_at(KnObject *result, KnTypeObject *type, const char *msg,
                            const char *file, int line)
{
    _assert_true(result == NULL, "result == NULL", file, line);
    KnObject *e = ob_err_fetch();
    _assert_true(e != NULL, "an exception is set", file, line);
    _assert_string_equal(ob_type_name(KN_TYPE(e)), ob_type_name(type), file, line);
    if (msg != NULL)
        _assert_string_equal(ob_str_as_utf8(ob_str(e), NULL), msg, file, line);
}
#define assert_error(r, t, m) assert_error_at((r), (t), (m), __FILE__, __LINE__)

/* A str result equal to expected. */
static void assert_str(KnObject *o, const char *expected)
{
    assert_non_null(o);
    assert_true(KN_STR_CHECK(o));
    assert_string_equal(ob_str_as_utf8(o, NULL), expected);
}

extern KnTypeObject ob_bytes_type __attribute__((weak));

static int setup(void **state)
{
    static char *argv[] = { "prog.py", "a1", NULL };
    /* A unit test of builtins and sys: no site, no stdlib needed. */
    static jit_config cfg = { .int_max_str_digits = -1, .no_site = 1 };
    jit_configure(&cfg);
    return jit_init(2, argv);
}

static void test_len_abs_repr(void **state)
{
    KnObject *l = ob_list_from_array((KnObject *[]){ I(1), I(2), I(3) }, 3);
    assert_repr(CALL("len", l), "3");
    assert_error(CALL("len", l, l), ob_exc_TypeError, "len() takes exactly one argument (2 given)");
    assert_error(CALL("len", I(1)), ob_exc_TypeError, "object of type 'int' has no len()");
    assert_repr(CALL("abs", I(-5)), "5");
    assert_error(CALL("abs", S("a")), ob_exc_TypeError, "bad operand type for abs(): 'str'");
    assert_str(CALL("repr", S("x'y")), "\"x'y\"");
    assert_str(CALL("ascii", S("\xc3\xa9")), "'\\xe9'");
    assert_repr(CALL("callable", B("len")), "True");
    assert_repr(CALL("callable", I(1)), "False");
}

static void test_numbers(void **state)
{
    assert_repr(CALL("divmod", I(7), I(-2)), "(-4, -1)");
    assert_error(CALL("divmod", I(1)), ob_exc_TypeError, "divmod expected 2 arguments, got 1");
    assert_repr(CALL("pow", I(2), I(10)), "1024");
    assert_repr(CALL("pow", I(2), I(3), I(5)), "3");
    assert_error(CALL("pow", I(1)), ob_exc_TypeError, "pow() missing required argument 'exp' (pos 2)");
    assert_repr(CALL("round", ob_float_from_double(2.5)), "2");
    assert_repr(CALL("round", ob_float_from_double(2.675), I(2)), "2.67");
    assert_error(CALL("round", S("a")), ob_exc_TypeError, "type str doesn't define __round__ method");
    assert_repr(CALL("hex", I(255)), "'0xff'");
    assert_repr(CALL("bin", I(-5)), "'-0b101'");
    assert_repr(CALL("oct", I(8)), "'0o10'");
    assert_error(CALL("hex", ob_float_from_double(1.5)), ob_exc_TypeError,
                 "'float' object cannot be interpreted as an integer");
    assert_repr(CALL("format", I(42), S("05d")), "'00042'");
    assert_error(CALL("format", I(1), I(2)), ob_exc_TypeError,
                 "format() argument 2 must be str, not int");
    assert_repr(CALL("hash", I(-1)), "-2");
}

static void test_sum(void **state)
{
    KnObject *l = ob_list_from_array((KnObject *[]){ I(1), I(2), I(3) }, 3);
    assert_repr(CALL("sum", l), "6");
    assert_repr(CALL("sum", l, I(10)), "16");
    KnObject *args[] = { l, I(100) };
    assert_repr(callv("sum", 2, args, 1, (const char *[]){ "start" }), "106");
    assert_error(CALL("sum", l, S("")), ob_exc_TypeError,
                 "sum() can't sum strings [use ''.join(seq) instead]");
    assert_error(CALL0("sum"), ob_exc_TypeError,
                 "sum() takes at least 1 positional argument (0 given)");
    assert_error(CALL("sum", I(3)), ob_exc_TypeError, "'int' object is not iterable");
}

static void test_chr_ord(void **state)
{
    assert_repr(CALL("chr", I(65)), "'A'");
    assert_repr(CALL("chr", I(0x20ac)), "'\xe2\x82\xac'");
    assert_error(CALL("chr", I(0x110000)), ob_exc_ValueError, "chr() arg not in range(0x110000)");
    assert_error(CALL("chr", S("a")), ob_exc_TypeError,
                 "'str' object cannot be interpreted as an integer");
    assert_repr(CALL("ord", S("\xe2\x82\xac")), "8364");
    if (&ob_bytes_type != NULL)     /* bytes is being written in parallel */
        assert_repr(CALL("ord", ob_bytes_from_data("A", 1)), "65");
    assert_error(CALL("ord", S("ab")), ob_exc_TypeError,
                 "ord() expected a character, but string of length 2 found");
    assert_error(CALL("ord", I(1)), ob_exc_TypeError,
                 "ord() expected string of length 1, but int found");
}

static void test_min_max_sorted(void **state)
{
    assert_repr(CALL("max", I(3), I(7), I(5)), "7");
    assert_repr(CALL("min", I(3), I(7), I(5)), "3");
    KnObject *empty = ob_list_new(0);
    assert_error(CALL("max", empty), ob_exc_ValueError, "max() arg is an empty sequence");
    assert_error(CALL0("max"), ob_exc_TypeError, "max expected at least 1 argument, got 0");
    KnObject *dargs[] = { empty, S("none") };
    assert_repr(callv("min", 2, dargs, 1, (const char *[]){ "default" }), "'none'");
    KnObject *two[] = { I(1), I(2), I(3) };
    assert_error(callv("max", 3, two, 1, (const char *[]){ "default" }), ob_exc_TypeError,
                 "Cannot specify a default for max() with multiple positional arguments");
    assert_error(callv("max", 2, two, 1, (const char *[]){ "foo" }), ob_exc_TypeError,
                 "'foo' is an invalid keyword argument for max()");
    KnObject *words = ob_list_from_array((KnObject *[]){ S("ccc"), S("a"), S("bb") }, 3);
    KnObject *kargs[] = { words, B("len") };
    assert_repr(callv("max", 2, kargs, 1, (const char *[]){ "key" }), "'ccc'");
    assert_repr(CALL("sorted", words), "['a', 'bb', 'ccc']");
    assert_repr(words, "['ccc', 'a', 'bb']");    /* sorted() copies */
    KnObject *rargs[] = { words, B("len"), KN_True };
    assert_repr(callv("sorted", 3, rargs, 2, (const char *[]){ "key", "reverse" }),
                "['ccc', 'bb', 'a']");
    assert_error(CALL0("sorted"), ob_exc_TypeError, "sorted expected 1 argument, got 0");
}

static void test_iteration(void **state)
{
    KnObject *l = ob_list_from_array((KnObject *[]){ I(0), I(1) }, 2);
    assert_repr(CALL("any", l), "True");
    assert_repr(CALL("all", l), "False");
    assert_repr(CALL("all", ob_list_new(0)), "True");
    KnObject *it = CALL("iter", l);
    assert_non_null(it);
    assert_repr(CALL("next", it), "0");
    assert_repr(CALL("next", it), "1");
    assert_repr(CALL("next", it, S("end")), "'end'");
    assert_error(CALL("next", it), ob_exc_StopIteration, "");
    assert_error(CALL("next", I(1)), ob_exc_TypeError, "'int' object is not an iterator");
    assert_error(CALL("iter", I(1), I(2)), ob_exc_TypeError, "iter(v, w): v must be callable");
    assert_error(CALL("aiter", I(1)), ob_exc_TypeError, "'int' object is not an async iterable");
}

static void test_attributes(void **state)
{
    KnObject *o = I(5);
    assert_repr(CALL("getattr", o, S("real")), "5");
    assert_repr(CALL("getattr", o, S("nope"), S("dflt")), "'dflt'");
    assert_error(CALL("getattr", o, S("nope")), ob_exc_AttributeError,
                 "'int' object has no attribute 'nope'");
    assert_error(CALL("getattr", o, I(2)), ob_exc_TypeError,
                 "attribute name must be string, not 'int'");
    assert_repr(CALL("hasattr", o, S("real")), "True");
    assert_repr(CALL("hasattr", o, S("nope")), "False");
    assert_repr(CALL("isinstance", KN_True, (KnObject *)&ob_int_type), "True");
    assert_repr(CALL("issubclass", (KnObject *)&ob_bool_type, (KnObject *)&ob_int_type), "True");
    assert_error(CALL("isinstance", o), ob_exc_TypeError, "isinstance expected 2 arguments, got 1");
    assert_error(CALL("vars", o), ob_exc_TypeError, "vars() argument must have __dict__ attribute");
}

static void test_constants_and_types(void **state)
{
    KnObject *d = jit_builtins_dict();
    assert_ptr_equal(ob_dict_getitem_str(d, "None"), KN_None);
    assert_ptr_equal(ob_dict_getitem_str(d, "Ellipsis"), KN_Ellipsis);
    assert_ptr_equal(ob_dict_getitem_str(d, "__debug__"), KN_True);
    assert_ptr_equal(ob_dict_getitem_str(d, "int"), (KnObject *)&ob_int_type);
    assert_ptr_equal(ob_dict_getitem_str(d, "ValueError"), (KnObject *)ob_exc_ValueError);
    assert_ptr_equal(ob_dict_getitem_str(d, "IOError"), (KnObject *)ob_exc_OSError);
    assert_non_null(ob_dict_getitem_str(d, "ExceptionGroup"));
}

static void test_import(void **state)
{
    KnObject *sys = CALL("__import__", S("sys"));
    assert_non_null(sys);
    assert_repr(ob_getattr_str(sys, "__name__"), "'sys'");
    assert_error(CALL("__import__", S("nosuch")), ob_exc_ModuleNotFoundError,
                 "No module named 'nosuch'");
    assert_error(CALL("__import__", S("sys.x")), ob_exc_ModuleNotFoundError,
                 "No module named 'sys.x'; 'sys' is not a package");
    assert_error(CALL("__import__", S("")), ob_exc_ValueError, "Empty module name");
    KnObject *args[] = { S("sys"), I(-1) };
    assert_error(callv("__import__", 2, args, 1, (const char *[]){ "level" }),
                 ob_exc_ValueError, "level must be >= 0");
}

static void test_compile_errors(void **state)
{
    assert_error(CALL("compile", S("1"), S("f"), S("x")), ob_exc_ValueError,
                 "compile() mode must be 'exec', 'eval' or 'single'");
    assert_error(CALL("compile", I(1), S("f"), S("exec")), ob_exc_TypeError,
                 "compile() arg 1 must be a string, bytes or AST object");
    assert_error(CALL("compile", ob_str_from_utf8("a\0", 2), S("f"), S("exec")), ob_exc_ValueError,
                 "source code string cannot contain null bytes");
    assert_error(CALL("exec", I(1), ob_dict_new()), ob_exc_TypeError,
                 "exec() arg 1 must be a string, bytes or code object");
    assert_error(CALL("eval", S("1"), I(1)), ob_exc_TypeError, "globals must be a dict");
    assert_error(CALL("exec", S("1"), ob_dict_new(), I(1)), ob_exc_TypeError,
                 "locals must be a mapping or None, not int");
    assert_error(CALL0("__build_class__"), ob_exc_TypeError,
                 "__build_class__: not enough arguments");
    assert_error(CALL("__build_class__", I(1), S("A")), ob_exc_TypeError,
                 "__build_class__: func must be a function");
}

static KnObject *sys_attr(const char *name)
{
    KnObject *sys = CALL("__import__", S("sys"));
    assert_non_null(sys);
    return ob_getattr_str(sys, name);
}

static void test_sys(void **state)
{
    assert_repr(sys_attr("argv"), "['prog.py', 'a1']");
    assert_repr(sys_attr("version_info"),
                "sys.version_info(major=3, minor=11, micro=2, releaselevel='final', serial=0)");
    KnObject *vi = sys_attr("version_info");
    assert_repr(ob_getattr_str(vi, "minor"), "11");
    assert_repr(ob_sequence_getitem(vi, 0), "3");
    assert_repr(ob_richcompare(vi, ob_tuple_pack(2, I(3), I(11)), KN_GE), "True");
    assert_repr(sys_attr("hexversion"), "51053296");
    assert_repr(sys_attr("maxsize"), "9223372036854775807");
    assert_repr(sys_attr("int_info"),
                "sys.int_info(bits_per_digit=30, sizeof_digit=4, default_max_str_digits=4300, "
                "str_digits_check_threshold=640)");
    assert_repr(ob_getattr_str(sys_attr("float_info"), "epsilon"), "2.220446049250313e-16");
    assert_repr(ob_getattr_str(sys_attr("implementation"), "cache_tag"), "'kiln-311'");
    assert_repr(ob_getattr_str(sys_attr("hash_info"), "modulus"), "2305843009213693951");
    assert_repr(ob_sequence_getitem(sys_attr("path"), -1), "'/usr/lib/python3.11/lib-dynload'");
    /* the table grows with every module linked in: check its shape */
    KnObject *names = sys_attr("builtin_module_names");
    assert_true(ob_contains(names, S("builtins")) == 1);
    assert_true(ob_contains(names, S("sys")) == 1);
    assert_true(ob_contains(names, S("_imp")) == 1);
    KnObject *sorted_names = ob_sequence_list(names);
    assert_non_null(sorted_names);
    assert_int_equal(ob_list_sort(sorted_names), 0);
    assert_true(ob_richcompare_bool(ob_sequence_tuple(sorted_names), names, KN_EQ) == 1);
    assert_repr(ob_contains(sys_attr("stdlib_module_names"), S("asyncio")) == 1 ? KN_True
                                                                                 : KN_False,
                "True");
    assert_repr(ob_call_noargs(sys_attr("getrecursionlimit")), "1000");
    assert_repr(ob_call_noargs(sys_attr("getdefaultencoding")), "'utf-8'");
    assert_repr(ob_call_noargs(sys_attr("exc_info")), "(None, None, None)");
    assert_error(ob_call_onearg(sys_attr("setrecursionlimit"), I(0)), ob_exc_ValueError,
                 "recursion limit must be greater or equal than 1");
    assert_error(ob_call_onearg(sys_attr("intern"), I(1)), ob_exc_TypeError,
                 "intern() argument must be str, not int");
    KnObject *r = ob_call_onearg(sys_attr("exit"), I(3));
    assert_null(r);
    KnObject *e = ob_err_fetch();
    assert_true(KN_TYPE_CHECK(e, ob_exc_SystemExit));
    assert_repr(ob_getattr_str(e, "code"), "3");
    assert_error(ob_call_noargs(sys_attr("exit")), ob_exc_SystemExit, "");
    assert_error(ob_vectorcall(ob_type_of(vi), NULL, 0, NULL), ob_exc_TypeError,
                 "cannot create 'sys.version_info' instances");
}

/* print() through sys.stdout, with fd 1 redirected to a pipe. */
static void test_print(void **state)
{
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    fflush(stdout);
    int saved = dup(1);
    dup2(fds[1], 1);
    KnObject *args[] = { I(1), S("two"), ob_float_from_double(3.5), S("-"), S("!\n") };
    KnObject *r = callv("print", 5, args, 2, (const char *[]){ "sep", "end" });
    KnObject *flushed = ob_call_method(sys_attr("stdout"), "flush", 0);
    dup2(saved, 1);
    close(saved);
    close(fds[1]);
    assert_ptr_equal(r, KN_None);
    assert_non_null(flushed);
    char buf[64] = { 0 };
    ssize_t n = read(fds[0], buf, sizeof buf - 1);
    close(fds[0]);
    assert_true(n > 0);
    assert_string_equal(buf, "1-two-3.5!\n");
    KnObject *bad[] = { I(1), I(2) };
    assert_error(callv("print", 2, bad, 1, (const char *[]){ "sep" }), ob_exc_TypeError,
                 "sep must be None or a string, not int");
    assert_error(ob_call_onearg(ob_getattr_str(sys_attr("stdout"), "write"), I(1)),
                 ob_exc_TypeError, "write() argument must be str, not int");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_len_abs_repr),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_sum),
        cmocka_unit_test(test_chr_ord),
        cmocka_unit_test(test_min_max_sorted),
        cmocka_unit_test(test_iteration),
        cmocka_unit_test(test_attributes),
        cmocka_unit_test(test_constants_and_types),
        cmocka_unit_test(test_import),
        cmocka_unit_test(test_compile_errors),
        cmocka_unit_test(test_sys),
        cmocka_unit_test(test_print),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
