/* test_import.c — the import system with the stdlib's modules registered
 * (cmocka): the bootstrap, _imp, _warnings, _thread, _weakref and
 * __import__, driven by small programs whose `out` is compared with what
 * python3.11 prints for the same program. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "libjit/jit.h"
#include "libobject/libobject.h"
#include "stdlib/modules.h"

/* Run src as a module; return repr(out). */
static const char *run(const char *src)
{
    KnObject *co = jit_compile_source(src, strlen(src), "<test>", JIT_MODE_EXEC, 0, 0);
    KnObject *g = ob_dict_new();
    if (co == NULL || ob_dict_setitem_str(g, "__name__", ob_str_from_cstr("__test__")) < 0
        || jit_eval_code(co, g, g) == NULL) {
        KnObject *e = ob_err_fetch();
        fail_msg("%s: %s", e ? ob_type_name(KN_TYPE(e)) : "?",
                 e ? ob_str_as_utf8(ob_str(e), NULL) : "");
    }
    KnObject *out = ob_dict_getitem_str(g, "out");
    assert_non_null(out);
    return ob_str_as_utf8(ob_repr(out), NULL);
}

static void test_bootstrap(void **state)
{
    (void)state;
    assert_string_equal(run("import sys\n"
                            "out = [type(m).__name__ for m in sys.meta_path], "
                            "'_frozen_importlib' in sys.modules, "
                            "sys.modules['_imp'].__spec__.origin, "
                            "sys.implementation.cache_tag\n"),
                        "(['type', 'type', 'type'], True, 'built-in', 'kiln-311')");
    assert_string_equal(run("import _thread, _weakref, marshal, _io\n"
                            "out = _thread.__spec__.loader.__name__, marshal.version\n"),
                        "('BuiltinImporter', 4)");
}

static void test_imp(void **state)
{
    (void)state;
    assert_string_equal(run("import _imp\n"
                            "out = (_imp.is_builtin('sys'), _imp.is_builtin('_io'), "
                            "_imp.is_builtin('nope'), _imp.is_frozen('os'), "
                            "_imp.find_frozen('os'), _imp.extension_suffixes(), "
                            "_imp.check_hash_based_pycs, _imp.source_hash(3495, b'abc'))\n"),
                        "(-1, 1, 0, False, None, [], 'default', b'\\xf4l\\x9d\\x83\\xf8\\xaa\\xba\\x8b')");
    assert_string_equal(run("import _imp\n"
                            "_imp.acquire_lock(); _imp.acquire_lock()\n"
                            "a = _imp.lock_held(); _imp.release_lock(); _imp.release_lock()\n"
                            "try:\n    _imp.release_lock()\nexcept RuntimeError as e:\n    b = str(e)\n"
                            "out = a, _imp.lock_held(), b\n"),
                        "(True, False, 'not holding the import lock')");
    assert_string_equal(run("import _imp\n"
                            "c = compile('def f(): pass', 'old.py', 'exec')\n"
                            "_imp._fix_co_filename(c, 'new.py')\n"
                            "out = c.co_filename, c.co_consts[0].co_filename\n"),
                        "('new.py', 'new.py')");
}

static void test_warnings(void **state)
{
    (void)state;
    assert_string_equal(run("import _warnings\n"
                            "out = [f[0] for f in _warnings.filters], _warnings._defaultaction\n"),
                        "(['default', 'ignore', 'ignore', 'ignore', 'ignore'], 'default')");
    assert_string_equal(run("import _warnings\n"
                            "saved = _warnings.filters[:]\n"
                            "_warnings.filters.insert(0, ('error', None, UserWarning, None, 0))\n"
                            "_warnings._filters_mutated()\n"
                            "try:\n    _warnings.warn('boom')\nexcept UserWarning as e:\n    out = repr(e)\n"
                            "_warnings.filters[:] = saved\n_warnings._filters_mutated()\n"),
                        "\"UserWarning('boom')\"");
    assert_string_equal(run("import _warnings\n"
                            "try:\n    _warnings.warn('x', 5)\nexcept TypeError as e:\n    out = str(e)\n"),
                        "\"category must be a Warning subclass, not 'int'\"");
    assert_string_equal(run("import _warnings\n"
                            "reg = {}\n"
                            "_warnings.warn_explicit('quiet', DeprecationWarning, 'f.py', 3, 'm', reg)\n"
                            "out = list(reg)\n"),
                        "['version']");
}

static void test_thread(void **state)
{
    (void)state;
    assert_string_equal(run("import _thread\n"
                            "l = _thread.allocate_lock()\n"
                            "a = l.acquire(); b = l.acquire(False); c = l.acquire(True, 0.01)\n"
                            "l.release()\n"
                            "with l:\n    d = l.locked()\n"
                            "r = _thread.RLock(); r.acquire(); r.acquire(); r.release()\n"
                            "e = r._is_owned(); r.release()\n"
                            "try:\n    r.release()\nexcept RuntimeError as x:\n    f = str(x)\n"
                            "try:\n    l.acquire(False, 1)\nexcept ValueError as x:\n    g = str(x)\n"
                            "loc = _thread._local(); loc.v = 3\n"
                            "out = a, b, c, d, l.locked(), e, f, g, loc.v, "
                            "type(_thread.get_ident()).__name__, _thread.error is RuntimeError\n"),
                        "(True, False, False, True, False, True, 'cannot release un-acquired lock', "
                        "\"can't specify a timeout for a non-blocking call\", 3, 'int', True)");
    assert_string_equal(run("import _thread\n"
                            "l = _thread.allocate_lock(); l.acquire()\n"
                            "box = []\n"
                            "def f(x):\n    box.append(x); l.release()\n"
                            "_thread.start_new_thread(f, (5,))\n"
                            "l.acquire()\n"
                            "out = box\n"),
                        "[5]");
}

static void test_weakref(void **state)
{
    (void)state;
    assert_string_equal(run("import _weakref\n"
                            "class C: pass\n"
                            "c = C()\n"
                            "r = _weakref.ref(c)\n"
                            "p = _weakref.proxy(c); c.v = 7\n"
                            "d = {'k': r}\n"
                            "_weakref._remove_dead_weakref(d, 'k')\n"
                            "out = r() is c, r is _weakref.ref(c), _weakref.getweakrefcount(c), "
                            "p.v, 'k' in d, hash(r) == hash(c), r == _weakref.ref(c)\n"),
                        "(True, True, 2, 7, True, True, True)");
    assert_string_equal(run("import _weakref\n"
                            "try:\n    _weakref.ref(1)\nexcept TypeError as e:\n    out = str(e)\n"),
                        "\"cannot create weak reference to 'int' object\"");
}

static void test_import_errors(void **state)
{
    (void)state;
    assert_string_equal(run("try:\n    import no_such_module_q\n"
                            "except ModuleNotFoundError as e:\n    out = str(e), e.name\n"),
                        "(\"No module named 'no_such_module_q'\", 'no_such_module_q')");
    assert_string_equal(run("try:\n    import sys.x\n"
                            "except ModuleNotFoundError as e:\n    out = str(e)\n"),
                        "\"No module named 'sys.x'; 'sys' is not a package\"");
    assert_string_equal(run("try:\n    from . import x\n"
                            "except ImportError as e:\n    out = str(e)\n"),
                        "'attempted relative import with no known parent package'");
    assert_non_null(jit_import_module("_thread"));
    assert_null(jit_import_module("no_such_module_q"));
    ob_err_clear();
}

static int setup(void **state)
{
    (void)state;
    for (const stdlib_module *m = stdlib_modules; m->name != NULL; m++)
        jit_import_add_builtin(m->name, m->init);
    /* no .pyc files written into the system's stdlib by a test */
    static jit_config cfg = { .int_max_str_digits = -1, .dont_write_bytecode = 1,
                                .no_site = 1 };
    jit_configure(&cfg);
    char *argv[] = { "test_import", NULL };
    return jit_init(1, argv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bootstrap),
        cmocka_unit_test(test_imp),
        cmocka_unit_test(test_warnings),
        cmocka_unit_test(test_thread),
        cmocka_unit_test(test_weakref),
        cmocka_unit_test(test_import_errors),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
