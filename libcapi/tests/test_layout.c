/* libcapi/tests/test_layout.c — Kiln's shared structs and constants against
 * CPython 3.11's (DESIGN.md §3; NOTES-abi.md lists what is checked).
 *
 *   layout tables   layout_cpython.c / layout_kiln.c measure both sides
 *                   from the same X-macro table; every field's offset and
 *                   size, every struct's size, every constant and the str
 *                   state bits must agree (layout_static.c also
 *                   _Static_asserts them, so drift usually fails the build)
 *   type flags      Kiln's built-in types, once ready, carry the same
 *                   fast-subclass bits, behaviour flags and instance sizes
 *                   as CPython's — measured by asking /usr/bin/python3.11
 *                   itself (known differences are kept in ledgers). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "libobject/libobject.h"
#include "libobject/bytes.h"
#include "libobject/complex.h"
#include "libobject/iter.h"
#include "libobject/range.h"
#include "libobject/set.h"
#include "libobject/slice.h"
#include "layout.h"

/* ---- the tables ---- */

static void test_struct_layouts(void **state)
{
    layout_side cpy, kn;
    layout_cpython(&cpy);
    layout_kiln(&kn);
    cpy.n_consts = kn.n_consts = 0;     /* structs only */
    assert_true(cpy.n_entries > 500);   /* the table was really expanded */
    size_t bad = layout_compare(&cpy, &kn);
    if (bad)
        fail_msg("%zu of %zu struct sizes/offsets differ from CPython 3.11 (listed above)",
                 bad, cpy.n_entries);
}

static void test_constants_and_state_bits(void **state)
{
    layout_side cpy, kn;
    layout_cpython(&cpy);
    layout_kiln(&kn);
    cpy.n_entries = kn.n_entries = 0;   /* constants and bit masks only */
    assert_true(cpy.n_consts > 80);
    size_t bad = layout_compare(&cpy, &kn);
    if (bad)
        fail_msg("%zu of %zu constants differ from CPython 3.11 (listed above)", bad,
                 cpy.n_consts);
}

/* The comparison itself must notice a wrong offset, size, constant, name
 * or table length — otherwise the two tests above prove nothing.  Kiln's
 * table is compared with a doctored copy of itself. */
static void test_compare_reports_mismatches(void **state)
{
    layout_side kn;
    layout_kiln(&kn);
    assert_int_equal(layout_compare(&kn, &kn), 0);

    static layout_entry entries[1024];
    static layout_const consts[256];
    assert_true(kn.n_entries <= 1024 && kn.n_consts <= 256);
    memcpy(entries, kn.entries, kn.n_entries * sizeof *entries);
    memcpy(consts, kn.consts, kn.n_consts * sizeof *consts);
    layout_side bent = kn;
    bent.label = "bent copy";
    bent.entries = entries;
    bent.consts = consts;

    entries[2].offset += 8;            /* one field moved */
    entries[7].size = 4;               /* one field shrunk */
    consts[0].value ^= 1;              /* one constant changed */
    printf("(the three mismatches below are expected)\n");
    assert_int_equal(layout_compare(&kn, &bent), 3);

    memcpy(entries, kn.entries, kn.n_entries * sizeof *entries);
    memcpy(consts, kn.consts, kn.n_consts * sizeof *consts);
    entries[5].name = "PyObject.ob_renamed";
    bent.n_consts--;                   /* a constant missing */
    printf("(the mismatches below are expected)\n");
    assert_int_equal(layout_compare(&kn, &bent), 2);
}

/* PyWeakReference: Kiln has no weakref struct yet (the _weakref module is
 * not written), but libgc's weakref kind leaves exactly one word untraced,
 * word 2 (libgc/gc.h, kgc_alloc_weakref_object), on the promise that it is
 * CPython's wr_object. */
static void test_weakref_word(void **state)
{
    assert_int_equal(layout_cpython_weakref_object_offset(), 2 * (long long)sizeof(void *));
}

/* PyCMethodObject (METH_METHOD functions) is PyCFunctionObject plus
 * mm_class; Kiln's KnCFunctionObject has CPython's size, so the C-API layer
 * can extend it the same way. */
static void test_cmethod_extends_cfunction(void **state)
{
    assert_int_equal(layout_cpython_cmethod_class_offset(), (long long)sizeof(KnCFunctionObject));
    assert_int_equal(layout_cpython_cmethod_size(),
                     (long long)(sizeof(KnCFunctionObject) + sizeof(KnTypeObject *)));
}

/* ---- built-in types against python3.11 ---- */

#define FAST_SUBCLASS_BITS                                                         \
    (KN_TPFLAGS_LONG_SUBCLASS | KN_TPFLAGS_LIST_SUBCLASS | KN_TPFLAGS_TUPLE_SUBCLASS | \
     KN_TPFLAGS_BYTES_SUBCLASS | KN_TPFLAGS_UNICODE_SUBCLASS | KN_TPFLAGS_DICT_SUBCLASS | \
     KN_TPFLAGS_BASE_EXC_SUBCLASS | KN_TPFLAGS_TYPE_SUBCLASS)

typedef struct builtin_type {
    const char *name;           /* CPython's __name__ */
    const char *expr;           /* Python expression for the type */
    KnTypeObject *type;
} builtin_type;

static builtin_type g_types[160];
static size_t g_ntypes;

static void add_type(const char *name, const char *expr, KnTypeObject *type)
{
    assert_true(g_ntypes < sizeof g_types / sizeof g_types[0]);
    assert_non_null(type);
    g_types[g_ntypes++] = (builtin_type){ name, expr, type };
}

static void collect_types(void)
{
    g_ntypes = 0;
    add_type("type", "type", &ob_type_type);
    add_type("object", "object", &ob_object_type);
    add_type("super", "super", &ob_super_type);
    add_type("int", "int", &ob_int_type);
    add_type("bool", "bool", &ob_bool_type);
    add_type("float", "float", &ob_float_type);
    add_type("complex", "complex", &ob_complex_type);
    add_type("str", "str", &ob_str_type);
    add_type("bytes", "bytes", &ob_bytes_type);
    add_type("bytearray", "bytearray", &ob_bytearray_type);
    add_type("tuple", "tuple", &ob_tuple_type);
    add_type("list", "list", &ob_list_type);
    add_type("dict", "dict", &ob_dict_type);
    add_type("set", "set", &ob_set_type);
    add_type("frozenset", "frozenset", &ob_frozenset_type);
    add_type("slice", "slice", &ob_slice_type);
    add_type("range", "range", &ob_range_type);
    add_type("property", "property", &ob_property_type);
    add_type("classmethod", "classmethod", &ob_classmethod_type);
    add_type("staticmethod", "staticmethod", &ob_staticmethod_type);
    add_type("enumerate", "enumerate", &ob_enumerate_type);
    add_type("zip", "zip", &ob_zip_type);
    add_type("map", "map", &ob_map_type);
    add_type("filter", "filter", &ob_filter_type);
    add_type("reversed", "reversed", &ob_reversed_type);
    add_type("module", "type(sys)", &ob_module_type);
    add_type("cell", "_cell", &ob_cell_type);
    add_type("NoneType", "type(None)", &ob_none_type);
    add_type("NotImplementedType", "type(NotImplemented)", &ob_notimplemented_type);
    add_type("ellipsis", "type(...)", &ob_ellipsis_type);
    add_type("mappingproxy", "type(type.__dict__)", &ob_mappingproxy_type);
    add_type("builtin_function_or_method", "type(len)", &ob_cfunction_type);
    add_type("method", "_method", &ob_method_type);
    add_type("method_descriptor", "type(str.join)", &ob_method_descr_type);
    add_type("classmethod_descriptor", "type(dict.__dict__['fromkeys'])",
             &ob_classmethod_descr_type);
    add_type("member_descriptor", "type(type.__dict__['__basicsize__'])",
             &ob_member_descr_type);
    add_type("getset_descriptor", "type(int.real)", &ob_getset_descr_type);
    add_type("wrapper_descriptor", "type(object.__init__)", &ob_wrapper_descr_type);
    add_type("method-wrapper", "type(object().__init__)", &ob_method_wrapper_type);
#define ADD_EXC(name) add_type(#name, #name, ob_exc_##name);
    OB_EXC_LIST(ADD_EXC)
#undef ADD_EXC
}

typedef struct cpython_type {
    unsigned long flags;
    long basicsize, itemsize;
} cpython_type;

/* Ask python3.11 for __flags__, __basicsize__ and __itemsize__ of every
 * type in g_types, in order.  0 on success. */
static int query_python(cpython_type *out)
{
    char path[] = "/tmp/kiln-test-layout-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return -1;
    FILE *script = fdopen(fd, "w");
    if (script == NULL)
        return -1;
    fprintf(script, "import sys\n"
                    "class _C:\n    def f(self): pass\n"
                    "_method = type(_C().f)\n"
                    "_cell = type((lambda x: lambda: x)(0).__closure__[0])\n");
    for (size_t i = 0; i < g_ntypes; i++)
        fprintf(script, "t = %s\nprint(t.__name__, t.__flags__, t.__basicsize__, t.__itemsize__)\n",
                g_types[i].expr);
    fclose(script);

    char cmd[128];
    snprintf(cmd, sizeof cmd, "/usr/bin/python3.11 -I %s", path);
    FILE *p = popen(cmd, "r");
    if (p == NULL) {
        remove(path);
        return -1;
    }
    size_t n = 0;
    char name[64];
    while (n < g_ntypes &&
           fscanf(p, "%63s %lu %ld %ld", name, &out[n].flags, &out[n].basicsize,
                  &out[n].itemsize) == 4) {
        if (strcmp(name, g_types[n].name) != 0) {
            printf("python3.11 named %s where %s was expected\n", name, g_types[n].name);
            break;
        }
        n++;
    }
    int status = pclose(p);
    remove(path);
    return n == g_ntypes && status == 0 ? 0 : -1;
}

static cpython_type g_cpython[160];

static int setup_types(void **state)
{
    if (ob_runtime_init() != 0)
        return -1;
    collect_types();
    return query_python(g_cpython);
}

static void test_fast_subclass_bits(void **state)
{
    size_t bad = 0;
    for (size_t i = 0; i < g_ntypes; i++) {
        unsigned long want = g_cpython[i].flags & FAST_SUBCLASS_BITS;
        unsigned long have = g_types[i].type->tp_flags & FAST_SUBCLASS_BITS;
        if (want != have) {
            printf("%s: fast-subclass bits %#lx in CPython 3.11, %#lx in Kiln\n",
                   g_types[i].name, want, have);
            bad++;
        }
    }
    if (bad)
        fail_msg("%zu of %zu built-in types carry other fast-subclass bits than CPython's",
                 bad, g_ntypes);
}

/* Flag bits with visible behaviour: pattern matching (SEQUENCE, MAPPING,
 * MATCH_SELF), instantiation and subclassing (DISALLOW_INSTANTIATION,
 * BASETYPE, IS_ABSTRACT), setting attributes on the type (IMMUTABLETYPE,
 * HEAPTYPE).  The rest (READY, HAVE_GC, version tags, vectorcall, method
 * descriptors) are each runtime's own business. */
#define BEHAVIOUR_BITS                                                          \
    (KN_TPFLAGS_SEQUENCE | KN_TPFLAGS_MAPPING | KN_TPFLAGS_MATCH_SELF |        \
     KN_TPFLAGS_DISALLOW_INSTANTIATION | KN_TPFLAGS_BASETYPE |                 \
     KN_TPFLAGS_IS_ABSTRACT | KN_TPFLAGS_IMMUTABLETYPE | KN_TPFLAGS_HEAPTYPE)

/* Known differences: the bits (of BEHAVIOUR_BITS) in which Kiln's type
 * differs from CPython's.  Same rules as size_ledger below. */
static const struct {
    const char *name;
    unsigned long bits;
    const char *why;
} flag_ledger[] = {
    /* (none left: every behaviour flag matches CPython 3.11) */
    { NULL, 0, NULL }   /* terminator, not an entry */
};

static void test_behaviour_flags(void **state)
{
    size_t bad = 0, known = 0;
    const size_t n_ledger = sizeof flag_ledger / sizeof flag_ledger[0] - 1;
    for (size_t i = 0; i < g_ntypes; i++) {
        unsigned long diff = (g_cpython[i].flags ^ g_types[i].type->tp_flags) & BEHAVIOUR_BITS;
        unsigned long listed = 0;
        for (size_t j = 0; j < n_ledger; j++)
            if (strcmp(flag_ledger[j].name, g_types[i].name) == 0)
                listed = flag_ledger[j].bits, known++;
        if (diff)
            printf("%s %s: flags %#lx in CPython 3.11, %#lx in Kiln (differ in %#lx)\n",
                   diff == listed ? "known difference," : "NEW DIFFERENCE,", g_types[i].name,
                   g_cpython[i].flags & BEHAVIOUR_BITS,
                   g_types[i].type->tp_flags & BEHAVIOUR_BITS, diff);
        else if (listed)
            printf("%s: flags now match CPython 3.11 -- remove it from flag_ledger\n",
                   g_types[i].name);
        if (diff != listed)
            bad++;
    }
    if (known != n_ledger)
        fail_msg("flag_ledger names a type the test does not know");
    if (bad)
        fail_msg("%zu of %zu built-in types disagree with the flag ledger", bad, g_ntypes);
}

/* A class statement over a built-in base inherits the base's
 * fast-subclass bit (CPython's inherit_special): class X(int) is an int
 * to PyLong_Check. */
static void test_heap_subclass_bits(void **state)
{
    KnTypeObject *bases[] = { &ob_int_type, &ob_list_type, &ob_tuple_type, &ob_bytes_type,
                              &ob_str_type, &ob_dict_type, &ob_type_type,
                              ob_exc_BaseException, ob_exc_ValueError };
    for (size_t i = 0; i < sizeof bases / sizeof bases[0]; i++) {
        KnObject *name = ob_str_from_cstr("Sub");
        KnObject *tuple = ob_tuple_pack(1, (KnObject *)bases[i]);
        KnObject *dict = ob_dict_new();
        assert_non_null(name);
        assert_non_null(tuple);
        assert_non_null(dict);
        KnObject *cls = ob_type_new(&ob_type_type, name, tuple, dict);
        assert_non_null(cls);
        unsigned long want = bases[i]->tp_flags & FAST_SUBCLASS_BITS;
        unsigned long have = ((KnTypeObject *)cls)->tp_flags & FAST_SUBCLASS_BITS;
        if (want != have)
            fail_msg("class Sub(%s): fast-subclass bits %#lx, base has %#lx",
                     bases[i]->tp_name, have, want);
        assert_true(want != 0);
    }
}

/* Known differences in instance size, each a ledger entry: the test
 * fails on a difference not listed here AND on a listed type that now
 * matches (so the ledger is shrunk as libobject catches up).  NOTES-abi.md
 * says more. */
static const struct {
    const char *name;
    const char *why;
} size_ledger[] = {
    /* Kiln's own layouts of structs CPython keeps private: */
    { "enumerate", "private struct (CPython caches a result tuple and a long index)" },
    { "zip", "private struct (CPython keeps a result tuple and a strict flag)" },
};

static int in_size_ledger(const char *name)
{
    for (size_t i = 0; i < sizeof size_ledger / sizeof size_ledger[0]; i++)
        if (strcmp(size_ledger[i].name, name) == 0)
            return 1;
    return 0;
}

/* Extensions subclass built-in types in C (tp_base = &PyList_Type with
 * tp_basicsize = sizeof(PyListObject) + ...) and Cython refuses to import
 * a module when a built-in type is smaller than its header says: instances
 * must be as big as CPython's. */
static void test_instance_sizes(void **state)
{
    size_t bad = 0, known = 0;
    for (size_t i = 0; i < g_ntypes; i++) {
        const KnTypeObject *t = g_types[i].type;
        int differs = t->tp_basicsize != g_cpython[i].basicsize ||
                      t->tp_itemsize != g_cpython[i].itemsize;
        int listed = in_size_ledger(g_types[i].name);
        if (differs)
            printf("%s %s: basicsize/itemsize %ld/%ld in CPython 3.11, %ld/%ld in Kiln\n",
                   listed ? "known difference," : "NEW DIFFERENCE,", g_types[i].name,
                   g_cpython[i].basicsize, g_cpython[i].itemsize, (long)t->tp_basicsize,
                   (long)t->tp_itemsize);
        else if (listed)
            printf("%s: now matches CPython 3.11 -- remove it from size_ledger\n",
                   g_types[i].name);
        if (differs != listed)
            bad++;
        else if (listed)
            known++;
    }
    if (known != sizeof size_ledger / sizeof size_ledger[0])
        fail_msg("size_ledger names a type the test does not know");
    if (bad)
        fail_msg("%zu of %zu built-in types disagree with the size ledger", bad, g_ntypes);
}

int main(void)
{
    const struct CMUnitTest layout[] = {
        cmocka_unit_test(test_struct_layouts),
        cmocka_unit_test(test_constants_and_state_bits),
        cmocka_unit_test(test_compare_reports_mismatches),
        cmocka_unit_test(test_weakref_word),
        cmocka_unit_test(test_cmethod_extends_cfunction),
    };
    const struct CMUnitTest types[] = {
        cmocka_unit_test(test_fast_subclass_bits),
        cmocka_unit_test(test_heap_subclass_bits),
        cmocka_unit_test(test_behaviour_flags),
        cmocka_unit_test(test_instance_sizes),
    };
    int failed = cmocka_run_group_tests_name("layout", layout, NULL, NULL);
    failed += cmocka_run_group_tests_name("builtin types", types, setup_types, NULL);
    return failed;
}
