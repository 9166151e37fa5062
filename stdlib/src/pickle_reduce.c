/* pickle_reduce.c — everything save() does for objects that are not a
 * built-in container or atom: reducer_override, dispatch tables,
 * __reduce_ex__ / __reduce__, the reduce tuple (NEWOBJ, NEWOBJ_EX,
 * REDUCE, list/dict item iterators, BUILD or a state setter), globals
 * (GLOBAL / STACK_GLOBAL / EXT*, with _compat_pickle's renames for
 * protocols < 3) and persistent ids.  Messages are CPython's. */
#include <string.h>

#include "pickle_internal.h"

extern KnClassHooks ob_type_hooks;

/* ---- persistent ids ---- */

int pk_save_pers(PkPickler *p, KnObject *obj)
{
    KnObject *pid = ob_call_onearg(p->pers_func, obj);
    if (pid == NULL)
        return -1;
    if (pid == KN_None)
        return 0;
    if (p->bin) {
        if (pk_save(p, pid, 1) < 0 || pk_write_op(p, 'Q') < 0)
            return -1;
        return 1;
    }
    KnObject *s = ob_str(pid);
    if (s == NULL)
        return -1;
    if (!KN_STR_IS_ASCII(s)) {
        ob_err_set_string(PK_ERR(PicklingError),
                          "persistent IDs in protocol 0 must be ASCII strings");
        return -1;
    }
    kn_ssize_t n;
    const char *d = ob_str_as_utf8(s, &n);
    if (d == NULL || pk_write_op(p, 'P') < 0 || pk_write(p, d, n) < 0
        || pk_write_op(p, '\n') < 0)
        return -1;
    return 1;
}

/* ---- dotted names ---- */

KnObject *pk_dotted_path(KnObject *obj, KnObject *name)
{
    if (!KN_STR_CHECK(name))
        return ob_err_format(ob_exc_TypeError, "must be str, not %s", KN_TYPE(name)->tp_name);
    KnObject *list = ob_list_new(0);
    if (list == NULL)
        return NULL;
    kn_ssize_t len = KN_STR_LEN(name), start = 0;
    KnObject *dot = ob_str_from_char('.');
    for (;;) {
        kn_ssize_t i = ob_str_find(name, dot, start, len, 0);
        kn_ssize_t end = i < 0 ? len : i;
        KnObject *part = ob_str_substring(name, start, end);
        if (part == NULL)
            return NULL;
        if (ob_str_equal_cstr(part, "<locals>")) {
            if (obj == NULL)
                return ob_err_format(ob_exc_AttributeError, "Can't pickle local object %R", name);
            return ob_err_format(ob_exc_AttributeError, "Can't get local attribute %R on %R",
                                 name, obj);
        }
        if (ob_list_append(list, part) < 0)
            return NULL;
        if (i < 0)
            break;
        start = i + 1;
    }
    return list;
}

/* getattr along path; NULL without an exception when a name is missing. */
KnObject *pk_deep_attribute(KnObject *obj, KnObject *path, KnObject **parent)
{
    kn_ssize_t n = KN_SIZE(path);
    KnObject *par = NULL;
    for (kn_ssize_t i = 0; i < n; i++) {
        par = obj;
        if (ob_lookup_attr(par, KN_LIST_GET(path, i), &obj) < 0 || obj == NULL)
            return NULL;
    }
    if (parent != NULL)
        *parent = par;
    return obj;
}

static KnObject *whichmodule(KnObject *global, KnObject *path)
{
    KnObject *modname;
    if (ob_lookup_attr(global, PK_ID(__module__), &modname) < 0)
        return NULL;
    if (modname != NULL && modname != KN_None)
        return modname;
    KnObject *sys = pk_import(PK_ID(sys));
    KnObject *modules = sys ? ob_getattr_str(sys, "modules") : NULL;
    if (modules == NULL)
        return NULL;
    KnObject *items = ob_call_method(modules, "items", 0);
    KnObject *list = items ? ob_sequence_list(items) : NULL;
    if (list == NULL)
        return NULL;
    for (kn_ssize_t i = 0; i < KN_SIZE(list); i++) {
        KnObject *pair = KN_LIST_GET(list, i);
        KnObject *name = KN_TUPLE_GET(pair, 0), *module = KN_TUPLE_GET(pair, 1);
        if (KN_STR_CHECK(name) && ob_str_equal_cstr(name, "__main__"))
            continue;
        if (module == KN_None)
            continue;
        KnObject *cand = pk_deep_attribute(module, path, NULL);
        if (cand == NULL) {
            if (ob_err_occurred())
                return NULL;
            continue;
        }
        if (cand == global)
            return name;
    }
    return PK_ID(__main__);
}

/* _compat_pickle's Python 3 -> 2 renames (protocols < 3). */
static int fix_imports(KnObject **module, KnObject **name)
{
    KnObject *key = ob_tuple_pack(2, *module, *name);
    if (key == NULL)
        return -1;
    KnObject *item = ob_dict_getitem(pk_state.name_mapping_3to2, key);
    if (item != NULL) {
        if (!KN_TUPLE_CHECK(item) || KN_SIZE(item) != 2) {
            ob_err_format(ob_exc_RuntimeError,
                          "_compat_pickle.REVERSE_NAME_MAPPING values should be 2-tuples, not %s",
                          KN_TYPE(item)->tp_name);
            return -1;
        }
        KnObject *m = KN_TUPLE_GET(item, 0), *g = KN_TUPLE_GET(item, 1);
        if (!KN_STR_CHECK(m) || !KN_STR_CHECK(g)) {
            ob_err_format(ob_exc_RuntimeError,
                          "_compat_pickle.REVERSE_NAME_MAPPING values should be pairs of str, "
                          "not (%s, %s)", KN_TYPE(m)->tp_name, KN_TYPE(g)->tp_name);
            return -1;
        }
        *module = m;
        *name = g;
        return 0;
    }
    if (ob_err_occurred())
        return -1;
    item = ob_dict_getitem(pk_state.import_mapping_3to2, *module);
    if (item != NULL) {
        if (!KN_STR_CHECK(item)) {
            ob_err_format(ob_exc_RuntimeError,
                          "_compat_pickle.REVERSE_IMPORT_MAPPING values should be strings, not %s",
                          KN_TYPE(item)->tp_name);
            return -1;
        }
        *module = item;
        return 0;
    }
    return ob_err_occurred() ? -1 : 0;
}

static int write_global_line(PkPickler *p, KnObject *s, const char *what)
{
    KnObject *enc = ob_str_encode(s, p->proto == 3 ? "utf-8" : "ascii", "strict");
    if (enc == NULL) {
        if (ob_err_matches((KnObject *)ob_exc_UnicodeEncodeError))
            ob_err_format(PK_ERR(PicklingError),
                          "can't pickle %s identifier '%S' using pickle protocol %i", what, s,
                          p->proto);
        return -1;
    }
    if (pk_write(p, KN_BYTES_AS_STRING(enc), KN_SIZE(enc)) < 0 || pk_write_op(p, '\n') < 0)
        return -1;
    return 0;
}

static int save_ext(PkPickler *p, KnObject *obj, KnObject *code_obj)
{
    if (!KN_INT_CHECK(code_obj)) {
        ob_err_format(PK_ERR(PicklingError), "Can't pickle %R: extension code %R isn't an integer",
                      obj, code_obj);
        return -1;
    }
    int overflow;
    long long code = ob_int_as_long_long_and_overflow(code_obj, &overflow);
    if (overflow || code <= 0 || code > 0x7fffffffLL) {
        if (overflow)
            ob_err_set_string(ob_exc_OverflowError, "Python int too large to convert to C long");
        else
            ob_err_format(PK_ERR(PicklingError), "Can't pickle %R: extension code %ld is out of range",
                          obj, (long)code);
        return -1;
    }
    char buf[5];
    int n;
    if (code <= 0xff) {
        buf[0] = '\x82';
        buf[1] = (char)code;
        n = 2;
    } else if (code <= 0xffff) {
        buf[0] = '\x83';
        buf[1] = (char)(code & 0xff);
        buf[2] = (char)(code >> 8);
        n = 3;
    } else {
        buf[0] = '\x84';
        for (int i = 0; i < 4; i++)
            buf[1 + i] = (char)(code >> (8 * i));
        n = 5;
    }
    return pk_write(p, buf, n);
}

int pk_save_global(PkPickler *p, KnObject *obj, KnObject *name)
{
    KnObject *global_name = name;
    if (global_name == NULL) {
        if (ob_lookup_attr(obj, PK_ID(__qualname__), &global_name) < 0)
            return -1;
        if (global_name == NULL && (global_name = ob_getattr(obj, PK_ID(__name__))) == NULL)
            return -1;
    }
    KnObject *path = pk_dotted_path(NULL, global_name);
    if (path == NULL)
        return -1;
    KnObject *module_name = whichmodule(obj, path);
    if (module_name == NULL)
        return -1;
    KnObject *module = pk_import(module_name);
    if (module == NULL) {
        ob_err_format(PK_ERR(PicklingError), "Can't pickle %R: import of module %R failed", obj,
                      module_name);
        return -1;
    }
    KnObject *lastname = KN_LIST_GET(path, KN_SIZE(path) - 1);
    KnObject *parent = NULL;
    KnObject *cls = pk_deep_attribute(module, path, &parent);
    if (cls == NULL) {
        ob_err_format(PK_ERR(PicklingError), "Can't pickle %R: attribute lookup %S on %S failed",
                      obj, global_name, module_name);
        return -1;
    }
    if (cls != obj) {
        ob_err_format(PK_ERR(PicklingError), "Can't pickle %R: it's not the same object as %S.%S",
                      obj, module_name, global_name);
        return -1;
    }
    if (p->proto >= 2) {
        KnObject *key = ob_tuple_pack(2, module_name, global_name);
        if (key == NULL)
            return -1;
        KnObject *code = ob_dict_getitem(pk_state.extension_registry, key);
        if (code != NULL)
            return save_ext(p, obj, code);
        if (ob_err_occurred())
            return -1;
    }
    if (parent == module)
        global_name = lastname;
    /* Memo hits depend on identity.  CPython interns the module names of
     * built-in types and the (undotted) qualnames of classes and functions
     * defined in Python, so equal names there are one object; built-in
     * types' qualnames are made afresh.  Do the same here. */
    if (KN_STR_CHECK_EXACT(module_name) && KN_TYPE_OBJ_CHECK(obj)
        && !KN_TYPE_HAS_FLAG((KnTypeObject *)obj, KN_TPFLAGS_HEAPTYPE))
        module_name = ob_str_intern(module_name);
    if (name == NULL && KN_SIZE(path) == 1 && KN_STR_CHECK_EXACT(global_name)
        && ((KN_TYPE_OBJ_CHECK(obj) && KN_TYPE_HAS_FLAG((KnTypeObject *)obj, KN_TPFLAGS_HEAPTYPE))
            || (ob_type_hooks.function_type != NULL && KN_TYPE(obj) == ob_type_hooks.function_type)))
        global_name = ob_str_intern(global_name);
    if (p->proto >= 4) {
        if (pk_save(p, module_name, 0) < 0 || pk_save(p, global_name, 0) < 0
            || pk_write_op(p, '\x93') < 0)
            return -1;
    } else if (parent != module) {
        KnObject *args = ob_tuple_pack(2, parent, lastname);
        KnObject *rv = args ? ob_tuple_pack(2, pk_state.getattr, args) : NULL;
        if (rv == NULL || pk_save_reduce(p, rv, NULL) < 0)
            return -1;
    } else {
        if (pk_write_op(p, 'c') < 0)
            return -1;
        if (p->proto < 3 && p->fix_imports && fix_imports(&module_name, &global_name) < 0)
            return -1;
        if (write_global_line(p, module_name, "module") < 0
            || write_global_line(p, global_name, "global") < 0)
            return -1;
    }
    return pk_memo_put(p, obj);
}

static int save_singleton_type(PkPickler *p, KnObject *obj, KnObject *singleton)
{
    KnObject *args = ob_tuple_pack(1, singleton);
    KnObject *rv = args ? ob_tuple_pack(2, (KnObject *)&ob_type_type, args) : NULL;
    return rv == NULL ? -1 : pk_save_reduce(p, rv, obj);
}

int pk_save_type(PkPickler *p, KnObject *obj)
{
    if (obj == (KnObject *)&ob_none_type)
        return save_singleton_type(p, obj, KN_None);
    if (obj == (KnObject *)&ob_ellipsis_type)
        return save_singleton_type(p, obj, KN_Ellipsis);
    if (obj == (KnObject *)&ob_notimplemented_type)
        return save_singleton_type(p, obj, KN_NotImplemented);
    return pk_save_global(p, obj, NULL);
}

/* ---- the reduce tuple ---- */

static int save_newobj_ex(PkPickler *p, KnObject *argtup)
{
    if (KN_SIZE(argtup) != 3) {
        ob_err_format(PK_ERR(PicklingError),
                      "length of the NEWOBJ_EX argument tuple must be exactly 3, not %zd",
                      KN_SIZE(argtup));
        return -1;
    }
    KnObject *cls = KN_TUPLE_GET(argtup, 0), *args = KN_TUPLE_GET(argtup, 1),
             *kwargs = KN_TUPLE_GET(argtup, 2);
    if (!KN_TYPE_OBJ_CHECK(cls)) {
        ob_err_format(PK_ERR(PicklingError),
                      "first item from NEWOBJ_EX argument tuple must be a class, not %s",
                      KN_TYPE(cls)->tp_name);
        return -1;
    }
    if (!KN_TUPLE_CHECK(args)) {
        ob_err_format(PK_ERR(PicklingError),
                      "second item from NEWOBJ_EX argument tuple must be a tuple, not %s",
                      KN_TYPE(args)->tp_name);
        return -1;
    }
    if (!KN_DICT_CHECK(kwargs)) {
        ob_err_format(PK_ERR(PicklingError),
                      "third item from NEWOBJ_EX argument tuple must be a dict, not %s",
                      KN_TYPE(kwargs)->tp_name);
        return -1;
    }
    if (p->proto >= 4) {
        if (pk_save(p, cls, 0) < 0 || pk_save(p, args, 0) < 0 || pk_save(p, kwargs, 0) < 0
            || pk_write_op(p, '\x92') < 0)
            return -1;
        return 0;
    }
    /* older protocols: functools.partial(cls.__new__, cls, *args, **kwargs)() */
    KnObject *newargs = ob_tuple_new(KN_SIZE(args) + 2);
    KnObject *cls_new = newargs ? ob_getattr(cls, PK_ID(__new__)) : NULL;
    if (cls_new == NULL)
        return -1;
    KN_TUPLE_SET(newargs, 0, cls_new);
    KN_TUPLE_SET(newargs, 1, cls);
    for (kn_ssize_t i = 0; i < KN_SIZE(args); i++)
        KN_TUPLE_SET(newargs, i + 2, KN_TUPLE_GET(args, i));
    KnObject *callable = ob_call(pk_state.partial, newargs, kwargs);
    if (callable == NULL)
        return -1;
    if (pk_save(p, callable, 0) < 0 || pk_save(p, ob_tuple_empty(), 0) < 0
        || pk_write_op(p, 'R') < 0)
        return -1;
    return 0;
}

static int save_newobj(PkPickler *p, KnObject *argtup, KnObject *obj)
{
    if (KN_SIZE(argtup) < 1) {
        ob_err_set_string(PK_ERR(PicklingError), "__newobj__ arglist is empty");
        return -1;
    }
    KnObject *cls = KN_TUPLE_GET(argtup, 0);
    if (!KN_TYPE_OBJ_CHECK(cls)) {
        ob_err_set_string(PK_ERR(PicklingError), "args[0] from __newobj__ args is not a type");
        return -1;
    }
    if (obj != NULL) {
        KnObject *oc = ob_getattr(obj, PK_ID(__class__));
        if (oc == NULL)
            return -1;
        if (oc != cls) {
            ob_err_set_string(PK_ERR(PicklingError),
                              "args[0] from __newobj__ args has the wrong class");
            return -1;
        }
    }
    if (pk_save(p, cls, 0) < 0)
        return -1;
    KnObject *rest = ob_tuple_from_array(&KN_TUPLE_ITEMS(argtup)[1], KN_SIZE(argtup) - 1);
    if (rest == NULL || pk_save(p, rest, 0) < 0)
        return -1;
    return pk_write_op(p, '\x81');
}

int pk_save_reduce(PkPickler *p, KnObject *args, KnObject *obj)
{
    kn_ssize_t size = KN_SIZE(args);
    if (size < 2 || size > 6) {
        ob_err_set_string(PK_ERR(PicklingError),
                          "tuple returned by __reduce__ must contain 2 through 6 elements");
        return -1;
    }
    KnObject *callable = KN_TUPLE_GET(args, 0), *argtup = KN_TUPLE_GET(args, 1);
    KnObject *state = size > 2 ? KN_TUPLE_GET(args, 2) : KN_None;
    KnObject *listitems = size > 3 ? KN_TUPLE_GET(args, 3) : KN_None;
    KnObject *dictitems = size > 4 ? KN_TUPLE_GET(args, 4) : KN_None;
    KnObject *setter = size > 5 ? KN_TUPLE_GET(args, 5) : KN_None;
    if (!ob_callable_check(callable)) {
        ob_err_set_string(PK_ERR(PicklingError),
                          "first item of the tuple returned by __reduce__ must be callable");
        return -1;
    }
    if (!KN_TUPLE_CHECK(argtup)) {
        ob_err_set_string(PK_ERR(PicklingError),
                          "second item of the tuple returned by __reduce__ must be a tuple");
        return -1;
    }
    if (state == KN_None)
        state = NULL;
    if (listitems == KN_None) {
        listitems = NULL;
    } else if (!ob_iter_check(listitems)) {
        ob_err_format(PK_ERR(PicklingError),
                      "fourth element of the tuple returned by __reduce__ must be an iterator, "
                      "not %s", KN_TYPE(listitems)->tp_name);
        return -1;
    }
    if (dictitems == KN_None) {
        dictitems = NULL;
    } else if (!ob_iter_check(dictitems)) {
        ob_err_format(PK_ERR(PicklingError),
                      "fifth element of the tuple returned by __reduce__ must be an iterator, "
                      "not %s", KN_TYPE(dictitems)->tp_name);
        return -1;
    }
    if (setter == KN_None) {
        setter = NULL;
    } else if (!ob_callable_check(setter)) {
        ob_err_format(PK_ERR(PicklingError),
                      "sixth element of the tuple returned by __reduce__ must be a function, "
                      "not %s", KN_TYPE(setter)->tp_name);
        return -1;
    }
    int use_newobj = 0, use_newobj_ex = 0;
    if (p->proto >= 2) {
        KnObject *name;
        if (ob_lookup_attr(callable, PK_ID(__name__), &name) < 0)
            return -1;
        if (name != NULL && KN_STR_CHECK(name)) {
            use_newobj_ex = ob_str_equal_cstr(name, "__newobj_ex__");
            if (!use_newobj_ex)
                use_newobj = ob_str_equal_cstr(name, "__newobj__");
        }
    }
    if (use_newobj_ex) {
        if (save_newobj_ex(p, argtup) < 0)
            return -1;
    } else if (use_newobj) {
        if (save_newobj(p, argtup, obj) < 0)
            return -1;
    } else if (pk_save(p, callable, 0) < 0 || pk_save(p, argtup, 0) < 0
               || pk_write_op(p, 'R') < 0) {
        return -1;
    }
    if (obj != NULL) {
        if (pk_memo_get(&p->memo, obj) != NULL) {
            if (pk_write_op(p, '0') < 0)
                return -1;
            return pk_memo_emit_get(p, obj);
        }
        if (pk_memo_put(p, obj) < 0)
            return -1;
    }
    if (listitems && pk_batch_list(p, listitems) < 0)
        return -1;
    if (dictitems && pk_batch_dict(p, dictitems) < 0)
        return -1;
    if (state) {
        if (setter == NULL) {
            if (pk_save(p, state, 0) < 0 || pk_write_op(p, 'b') < 0)
                return -1;
        } else if (pk_save(p, setter, 0) < 0 || pk_save(p, obj, 0) < 0
                   || pk_save(p, state, 0) < 0 || pk_write(p, "\x86R0", 3) < 0) {
            return -1;
        }
    }
    return 0;
}

/* save() for everything without a dedicated opcode. */
int pk_save_via_reduce(PkPickler *p, KnObject *obj)
{
    KnTypeObject *type = KN_TYPE(obj);
    KnObject *rv = NULL, *func = NULL;
    if (p->reducer_override != NULL) {
        rv = ob_call_onearg(p->reducer_override, obj);
        if (rv == NULL)
            return -1;
        if (rv != KN_NotImplemented)
            goto reduce;
        rv = NULL;
    }
    if (type == &ob_type_type)
        return pk_save_type(p, obj);
    if (ob_type_hooks.function_type != NULL && type == ob_type_hooks.function_type)
        return pk_save_global(p, obj, NULL);
    if (p->dispatch_table == NULL) {
        func = ob_dict_getitem(pk_state.dispatch_table, (KnObject *)type);
        if (func == NULL && ob_err_occurred())
            return -1;
    } else {
        func = ob_getitem(p->dispatch_table, (KnObject *)type);
        if (func == NULL) {
            if (!ob_err_matches((KnObject *)ob_exc_KeyError))
                return -1;
            ob_err_clear();
        }
    }
    if (func != NULL) {
        rv = ob_call_onearg(func, obj);
    } else if (ob_type_is_subtype(type, &ob_type_type)) {
        return pk_save_global(p, obj, NULL);
    } else {
        if (ob_lookup_attr(obj, PK_ID(__reduce_ex__), &func) < 0)
            return -1;
        if (func != NULL) {
            KnObject *proto = ob_int_from_long_long(p->proto);
            rv = proto ? ob_call_onearg(func, proto) : NULL;
        } else {
            if (ob_lookup_attr(obj, PK_ID(__reduce__), &func) < 0)
                return -1;
            if (func == NULL) {
                ob_err_format(PK_ERR(PicklingError), "can't pickle '%s' object: %R",
                              type->tp_name, obj);
                return -1;
            }
            rv = ob_call_noargs(func);
        }
    }
    if (rv == NULL)
        return -1;
reduce:
    if (KN_STR_CHECK(rv))
        return pk_save_global(p, obj, rv);
    if (!KN_TUPLE_CHECK(rv)) {
        ob_err_set_string(PK_ERR(PicklingError), "__reduce__ must return a string or tuple");
        return -1;
    }
    return pk_save_reduce(p, rv, obj);
}
