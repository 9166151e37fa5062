/* libobject/tests/test_doc_sig.c — splitting "name(params)\n--\n\n" text
 * signature headers from built-in docstrings (src/doc_sig.c), and
 * bound-method reduction through the registered getattr (func_reduce.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "test_abstract_util.h"

static void test_header_split(void **state)
{
    (void)state;
    const char *d = "len($module, obj, /)\n--\n\nReturn the number of items.";
    assert_str(ob_doc_text_signature("len", d), "($module, obj, /)");
    assert_str(ob_doc_body("len", d), "Return the number of items.");
    /* a qualified name matches by its last part */
    const char *m = "append($self, object, /)\n--\n\nAppend.";
    assert_str(ob_doc_text_signature("list.append", m), "($self, object, /)");
    /* a header that wraps over lines */
    const char *w = "f(a,\n  b)\n--\n\nbody";
    assert_str(ob_doc_text_signature("f", w), "(a,\n  b)");
    assert_str(ob_doc_body("f", w), "body");
}

static void test_no_header(void **state)
{
    (void)state;
    const char *plain = "iter(iterable) -> iterator\n\nGet an iterator.";
    assert_true(ob_doc_text_signature("iter", plain) == KN_None);
    assert_str(ob_doc_body("iter", plain), plain);
    /* another name's header is not ours */
    const char *other = "g(x)\n--\n\nbody";
    assert_true(ob_doc_text_signature("f", other) == KN_None);
    assert_str(ob_doc_body("f", other), other);
    /* a blank line before the marker ends the header */
    const char *blank = "f(x\n\n)\n--\n\nbody";
    assert_true(ob_doc_text_signature("f", blank) == KN_None);
    assert_true(ob_doc_text_signature("f", NULL) == KN_None);
    assert_true(ob_doc_body("f", NULL) == KN_None);
    /* a header alone leaves no documentation */
    assert_true(ob_doc_body("f", "f()\n--\n\n") == KN_None);
}

static void test_reduce_as_getattr(void **state)
{
    (void)state;
    ob_func_register_builtin_getattr(NULL);
    assert_null(ob_reduce_as_getattr(S("obj"), S("upper")));
    assert_raised(ob_exc_NotImplementedError, NULL);
    KnObject *marker = S("getattr-stand-in");
    ob_func_register_builtin_getattr(marker);
    KnObject *r = ob_reduce_as_getattr(S("obj"), S("upper"));
    assert_non_null(r);
    assert_repr(r, "('getattr-stand-in', ('obj', 'upper'))");
    ob_func_register_builtin_getattr(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_header_split),
        cmocka_unit_test(test_no_header),
        cmocka_unit_test(test_reduce_as_getattr),
    };
    return cmocka_run_group_tests(tests, tu_setup, NULL);
}
