/* builtins.c — the `builtins` module: its functions (from the per-family
 * method tables, see builtins.h), constants, built-in types and every
 * exception class.
 *
 * Types written by other parts of libobject in parallel (set, range,
 * bytes, property, super, the iterator types, ...) are referenced weakly:
 * a type whose part has not landed yet is simply not registered (the name
 * is then a NameError, never a crash), and appears as soon as it links in. */
#include <stdio.h>

#include "builtins.h"
#include "eval.h"
#include "libobject/set.h"
#include "libobject/range.h"
#include "libobject/slice.h"
#include "libobject/iter.h"
#include "libobject/complex.h"

static KnObject *builtins_module;


static int add_types(KnObject *d)
{
    static const struct { const char *name; KnTypeObject *type; } always[] = {
        { "object", &ob_object_type }, { "type", &ob_type_type },
        { "int", &ob_int_type }, { "bool", &ob_bool_type },
        { "float", &ob_float_type }, { "complex", &ob_complex_type },
        { "str", &ob_str_type }, { "tuple", &ob_tuple_type },
        { "list", &ob_list_type }, { "dict", &ob_dict_type },
        { "slice", &ob_slice_type }, { "classmethod", &ob_classmethod_type },
        { "staticmethod", &ob_staticmethod_type },
    };
    for (size_t i = 0; i < sizeof always / sizeof always[0]; i++)
        if (ob_dict_setitem_str(d, always[i].name, (KnObject *)always[i].type) < 0)
            return -1;
#define ADD_WEAK(pyname, sym) \
    if (&sym != NULL && ob_dict_setitem_str(d, #pyname, (KnObject *)&sym) < 0) \
        return -1;
    WEAK_TYPES(ADD_WEAK)
#undef ADD_WEAK
    return 0;
}

static int add_exceptions(KnObject *d)
{
#define ADD_EXC(name) \
    if (ob_exc_##name != NULL && ob_dict_setitem_str(d, #name, (KnObject *)ob_exc_##name) < 0) \
        return -1;
    OB_EXC_LIST(ADD_EXC)
#undef ADD_EXC
    /* CPython keeps these aliases of OSError in builtins. */
    if (ob_dict_setitem_str(d, "EnvironmentError", (KnObject *)ob_exc_OSError) < 0
        || ob_dict_setitem_str(d, "IOError", (KnObject *)ob_exc_OSError) < 0)
        return -1;
    return 0;
}

static int add_constants(KnObject *d)
{
    if (ob_dict_setitem_str(d, "None", KN_None) < 0
        || ob_dict_setitem_str(d, "Ellipsis", KN_Ellipsis) < 0
        || ob_dict_setitem_str(d, "NotImplemented", KN_NotImplemented) < 0
        || ob_dict_setitem_str(d, "True", KN_True) < 0
        || ob_dict_setitem_str(d, "False", KN_False) < 0
        || ob_dict_setitem_str(d, "__debug__", KN_BOOL(jit_opt_level() == 0)) < 0)
        return -1;
    return 0;
}

static const char builtins_doc[] =
    "Built-in functions, types, exceptions, and other objects.\n\n"
    "This module provides direct access to all 'built-in'\n"
    "identifiers of Python; for example, builtins.len is\n"
    "the full name for the built-in function len().\n\n"
    "This module is not normally accessed explicitly by most\n"
    "applications, but can be useful in modules that provide\n"
    "objects with the same name as a built-in value, but in\n"
    "which the built-in value for that name is also needed.";

KnObject *jit_builtins_create(void)
{
    KnObject *m = ob_module_new_cstr("builtins");
    if (m == NULL)
        return NULL;
    KnObject *d = ob_module_get_dict(m);
    KnMethodDef *tables[] = {
        jit_builtins_exec_methods, jit_builtins_num_methods, jit_builtins_iter_methods,
        jit_builtins_attr_methods, jit_builtins_io_methods,
    };
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
        if (ob_module_add_functions(m, tables[i]) < 0)
            return NULL;
    KnObject *doc = ob_str_from_cstr(builtins_doc);
    if (doc == NULL || ob_dict_setitem_str(d, "__doc__", doc) < 0)
        return NULL;
    if (add_constants(d) < 0 || add_types(d) < 0 || add_exceptions(d) < 0)
        return NULL;
    builtins_module = m;
    return m;
}

KnObject *jit_builtins_module(void)
{
    return builtins_module;
}

KnObject *jit_builtins_dict(void)
{
    return builtins_module ? ob_module_get_dict(builtins_module) : NULL;
}

KnObject *jit_current_globals(void)
{
    jit_frame *f = jit_frame_current();
    if (f == NULL)
        return ob_err_format(ob_exc_SystemError, "globals(): no Python frame is running");
    return f->globals;
}

KnObject *jit_current_locals(void)
{
    jit_frame *f = jit_frame_current();
    if (f == NULL)
        return ob_err_format(ob_exc_SystemError, "locals(): no Python frame is running");
    return jit_frame_get_locals(f);
}
