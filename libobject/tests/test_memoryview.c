/* test_memoryview.c — the buffer protocol (src/buffer.c) and memoryview
 * (src/memoryview*.c).  Expected values: python3.11. */
#include "test_cont.h"
#include "libobject/buffer.h"
#include "libobject/memoryview.h"
#include "libobject/weakref.h"

#include <stddef.h>
/* CPython 3.11's PyMemoryViewObject / _PyManagedBufferObject on LP64
 * (Include/memoryobject.h, measured with python3.11-dev's headers). */
_Static_assert(sizeof(KnBuffer) == 80, "Py_buffer size");
_Static_assert(offsetof(KnMemoryViewObject, mbuf) == 24, "mbuf");
_Static_assert(offsetof(KnMemoryViewObject, hash) == 32, "hash");
_Static_assert(offsetof(KnMemoryViewObject, flags) == 40, "flags");
_Static_assert(offsetof(KnMemoryViewObject, exports) == 48, "exports");
_Static_assert(offsetof(KnMemoryViewObject, view) == 56, "view");
_Static_assert(offsetof(KnMemoryViewObject, weakreflist) == 136, "weakreflist");
_Static_assert(offsetof(KnMemoryViewObject, ob_array) == 144, "ob_array");
_Static_assert(offsetof(KnManagedBufferObject, flags) == 16, "mbuf flags");
_Static_assert(offsetof(KnManagedBufferObject, exports) == 24, "mbuf exports");
_Static_assert(offsetof(KnManagedBufferObject, master) == 32, "master");
_Static_assert(sizeof(KnManagedBufferObject) == 112, "mbuf size");

static KnObject *MVW(KnObject *o)
{
    return tc_ok(ob_memoryview_from_object(o));
}

static KnObject *getitem(KnObject *o, KnObject *k)
{
    return KN_TYPE(o)->tp_as_mapping->mp_subscript(o, k);
}

static int setitem(KnObject *o, KnObject *k, KnObject *v)
{
    return KN_TYPE(o)->tp_as_mapping->mp_ass_subscript(o, k, v);
}

static void test_flags_and_get(void **state)
{
    (void)state;
    assert_int_equal(KN_BUF_STRIDES, 0x18);
    assert_int_equal(KN_BUF_FULL_RO, 0x11c);
    assert_int_equal(KN_BUF_RECORDS, 0x1d);
    KnBuffer v;
    assert_int_equal(ob_buffer_get(B("abc"), &v, KN_BUF_SIMPLE), 0);
    assert_int_equal(v.len, 3);
    assert_true(ob_buffer_is_contiguous(&v, 'C'));
    ob_buffer_release(&v);
    assert_int_equal(ob_buffer_get(S("abc"), &v, 0), -1);
    assert_exc(NULL, TypeError, "a bytes-like object is required, not 'str'");
    assert_int_equal(ob_buffer_get(B("abc"), &v, KN_BUF_WRITABLE), -1);
    assert_exc(NULL, BufferError, "Object is not writable.");
    char *data;
    kn_ssize_t n;
    KnObject *odd = getitem(MVW(B("abcdef")), SL(NULL, NULL, I(2)));
    assert_int_equal(ob_buffer_copy_data(odd, &data, &n), 1);
    assert_int_equal(n, 3);
    assert_string_equal(data, "ace");
    assert_int_equal(ob_buffer_copy_data(I(3), &data, &n), 0);
    assert_null(ob_err_occurred());
    /* a strided view refuses a simple request */
    assert_int_equal(ob_buffer_get(odd, &v, KN_BUF_SIMPLE), -1);
    assert_exc(NULL, BufferError, "memoryview: underlying buffer is not C-contiguous");
    kn_ssize_t shape[2] = {2, 3}, strides[2];
    ob_buffer_fill_contiguous_strides(2, shape, strides, 4, 'C');
    assert_int_equal(strides[0], 12);
    assert_int_equal(strides[1], 4);
    ob_buffer_fill_contiguous_strides(2, shape, strides, 4, 'F');
    assert_int_equal(strides[0], 4);
    assert_int_equal(strides[1], 8);
}

static KnObject *attr(KnObject *o, const char *name)
{
    return ob_getattr_str(o, name);
}

static void test_construct_and_release(void **state)
{
    (void)state;
    KnObject *ba = BA("abc");
    KnObject *m = MVW(ba);
    KnObject *m2 = MVW(m);
    assert_ptr_equal(tc_ok(attr(m2, "obj")), ba);
    assert_exc(try_call(ba, "append", 1, I(1)), BufferError,
               "Existing exports of data: object cannot be re-sized");
    call(m, "release", 0);
    /* m2 still holds the managed buffer */
    assert_exc(try_call(ba, "append", 1, I(1)), BufferError, NULL);
    assert_int_obj(getitem(m2, I(0)), 97);
    call(m2, "release", 0);
    call(ba, "append", 1, I(100));
    assert_exc(attr(m, "nbytes"), ValueError, "operation forbidden on released memoryview object");
    assert_exc(ob_memoryview_from_object(S("x")), TypeError,
               "memoryview: a bytes-like object is required, not 'str'");
    assert_int_equal(strncmp(R(m), "<released memory at 0x", 22), 0);
}

static void test_items_and_cast(void **state)
{
    (void)state;
    KnObject *m = MVW(BA("\x01\x00\x02\x00\xff\xff\x00\x80"));
    KnObject *h = call(m, "cast", 1, S("h"));
    assert_repr(call(h, "tolist", 0), "[1, 2, -1, -32768]");
    assert_repr(call(call(m, "cast", 1, S("@H")), "tolist", 0), "[1, 2, 65535, 32768]");
    assert_int_equal(setitem(h, I(0), I(-2)), 0);
    assert_int_obj(getitem(m, I(0)), 254);
    assert_int_equal(setitem(h, I(0), I(40000)), -1);
    assert_exc(NULL, ValueError, "memoryview: invalid value for format 'h'");
    assert_int_equal(setitem(h, I(0), S("x")), -1);
    assert_exc(NULL, TypeError, "memoryview: invalid type for format 'h'");
    assert_exc(try_call(h, "cast", 1, S("i")), TypeError,
               "memoryview: cannot cast between two non-byte formats");
    assert_exc(try_call(m, "cast", 1, S("<h")), ValueError,
               "memoryview: destination format must be a native single character format "
               "prefixed with an optional '@'");
    KnObject *m2 = call(m, "cast", 2, S("B"), T(2, I(2), I(4)));
    assert_repr(attr(m2, "shape"), "(2, 4)");
    assert_repr(attr(m2, "strides"), "(4, 1)");
    assert_repr(call(m2, "tolist", 0), "[[254, 255, 2, 0], [255, 255, 0, 128]]");
    assert_int_obj(getitem(m2, T(2, I(1), I(3))), 128);
    assert_exc(getitem(m2, I(0)), NotImplementedError,
               "multi-dimensional sub-views are not implemented");
    KnObject *rev = getitem(m, SL(NULL, NULL, I(-2)));
    assert_repr(call(rev, "tobytes", 0), "b'\\x80\\xff\\x00\\xff'");
    assert_false_obj(attr(rev, "c_contiguous"));
    assert_exc(try_call(rev, "cast", 1, S("B")), TypeError,
               "memoryview: casts are restricted to C-contiguous views");
    assert_exc(getitem(m, I(8)), IndexError, "index out of bounds on dimension 1");
}

static void test_compare_hash_hex(void **state)
{
    (void)state;
    KnObject *m = MVW(B("abc"));
    assert_true_obj(ob_richcompare(m, B("abc"), KN_EQ));
    assert_false_obj(ob_richcompare(m, call(m, "cast", 1, S("c")), KN_EQ));
    assert_int_equal(ob_hash(m), ob_hash(B("abc")));
    ob_hash(MVW(BA("abc")));
    assert_exc(NULL, ValueError, "cannot hash writable memoryview object");
    assert_repr(call(m, "hex", 2, S(":"), I(2)), "'61:6263'");
    KnObject *w = MVW(BA("abcd"));
    assert_int_equal(setitem(w, SL(I(0), I(2), NULL), getitem(w, SL(I(2), NULL, NULL))), 0);
    assert_repr(call(w, "tobytes", 0), "b'cdcd'");
    assert_int_equal(setitem(w, SL(I(0), I(2), NULL), B("abc")), -1);
    assert_exc(NULL, ValueError, "memoryview assignment: lvalue and rvalue have different structures");
}

static void test_formats_iter_memory(void **state)
{
    (void)state;
    static const char *const codes[] = {"b", "B", "h", "H", "i", "I", "l", "L", "q", "Q",
                                        "n", "N", "P", "f", "d", "?", "@c"};
    KnObject *m = MVW(BA("\x00\x00\x00\x00\x00\x00\x00\x00"));
    for (size_t k = 0; k < sizeof codes / sizeof codes[0]; k++) {
        KnObject *v = call(m, "cast", 1, S(codes[k]));
        KnObject *val = codes[k][0] == '?' ? KN_True
                      : codes[k][1] == 'c' ? B("z")
                      : (codes[k][0] == 'f' || codes[k][0] == 'd') ? ob_float_from_double(1.5)
                      : I(7);
        assert_int_equal(setitem(v, I(0), val), 0);
        KnObject *got = getitem(v, I(0));
        assert_true(ob_richcompare_bool(got, val, KN_EQ));
        assert_string_equal(text(attr(v, "format")), codes[k]);
        assert_int_obj(attr(v, "itemsize"), codes[k][1] == 'c' ? 1 : (long long)(
            codes[k][0] == 'b' || codes[k][0] == 'B' || codes[k][0] == '?' ? 1 :
            codes[k][0] == 'h' || codes[k][0] == 'H' ? 2 :
            codes[k][0] == 'i' || codes[k][0] == 'I' || codes[k][0] == 'f' ? 4 : 8));
        call(m, "__setitem__", 2, SL(NULL, NULL, NULL), B("\0\0\0\0\0\0\0\0"));
    }
    KnObject *it = tc_ok(ob_get_iter(MVW(B("xy"))));
    assert_string_equal(ob_type_name(KN_TYPE(it)), "memory_iterator");
    assert_int_obj(ob_iter_next(it), 120);
    assert_int_obj(ob_iter_next(it), 121);
    assert_null(ob_iter_next(it));
    assert_null(ob_err_occurred());
    char raw[4] = "abc";
    KnObject *rm = tc_ok(ob_memoryview_from_memory(raw, 3, KN_BUF_WRITE));
    assert_int_equal(setitem(rm, I(1), I(66)), 0);
    assert_string_equal(raw, "aBc");
    assert_ptr_equal(attr(rm, "obj"), KN_None);
    KnObject *ro = call(rm, "toreadonly", 0);
    assert_true_obj(attr(ro, "readonly"));
    assert_int_equal(setitem(ro, I(0), I(1)), -1);
    assert_exc(NULL, TypeError, "cannot modify read-only memory");
    KnBuffer v;
    assert_int_equal(ob_buffer_get(rm, &v, KN_BUF_WRITABLE), 0);
    assert_exc(try_call(rm, "release", 0), BufferError, "memoryview has 1 exported buffer");
    ob_buffer_release(&v);
    call(rm, "release", 0);
}

/* Views made and dropped in a frame of their own, so that no live stack
 * slot still points at them when the collector runs. */
static __attribute__((noinline)) void view_and_drop(KnObject *ba)
{
    KnObject *m = MVW(ba);
    KnObject *s = getitem(m, SL(I(1), NULL, NULL));
    assert_int_obj(getitem(s, I(0)), 98);
}

static __attribute__((noinline)) void scrub_stack(void)
{
    volatile char junk[8192];
    memset((char *)junk, 0, sizeof junk);
}

static void test_collect_releases(void **state)
{
    (void)state;
    KnObject *ba = BA("abc");
    view_and_drop(ba);
    scrub_stack();
    ob_gc_collect();
    assert_non_null(try_call(ba, "append", 1, I(100)));
    assert_repr(ba, "bytearray(b'abcd')");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_flags_and_get),
        cmocka_unit_test(test_construct_and_release),
        cmocka_unit_test(test_items_and_cast),
        cmocka_unit_test(test_compare_hash_hex),
        cmocka_unit_test(test_formats_iter_memory),
        cmocka_unit_test(test_collect_releases),
    };
    return cmocka_run_group_tests(tests, tc_setup, NULL);
}
