/* builtins_attr.c — builtins about attributes, types and namespaces:
 * getattr setattr delattr hasattr dir vars isinstance issubclass globals
 * locals. */
#include "builtins.h"

static int check_name(KnObject *name)
{
    if (KN_STR_CHECK(name))
        return 0;
    ob_err_format(ob_exc_TypeError, "attribute name must be string, not '%s'",
                  ob_type_name(KN_TYPE(name)));
    return -1;
}

static KnObject *bi_getattr(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("getattr", nargs, 2, 3) < 0 || check_name(args[1]) < 0)
        return NULL;
    if (nargs == 2)
        return ob_getattr(args[0], args[1]);
    KnObject *r;
    int found = ob_lookup_attr(args[0], args[1], &r);
    if (found < 0)
        return NULL;
    return found ? r : args[2];
}

static KnObject *bi_setattr(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("setattr", nargs, 3, 3) < 0 || check_name(args[1]) < 0)
        return NULL;
    if (ob_setattr(args[0], args[1], args[2]) < 0)
        return NULL;
    return KN_None;
}

static KnObject *bi_delattr(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("delattr", nargs, 2, 2) < 0 || check_name(args[1]) < 0)
        return NULL;
    if (ob_setattr(args[0], args[1], NULL) < 0)
        return NULL;
    return KN_None;
}

static KnObject *bi_hasattr(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("hasattr", nargs, 2, 2) < 0 || check_name(args[1]) < 0)
        return NULL;
    KnObject *r;
    int found = ob_lookup_attr(args[0], args[1], &r);
    if (found < 0)
        return NULL;
    return KN_BOOL(found);
}

static KnObject *bi_dir(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("dir", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 1)
        return ob_dir(args[0]);
    KnObject *locals = jit_current_locals();
    if (locals == NULL)
        return NULL;
    KnObject *names = KN_DICT_CHECK(locals) ? ob_dict_keys_list(locals)
                                            : ob_sequence_list(locals);
    if (names == NULL || ob_list_sort(names) < 0)
        return NULL;
    return names;
}

static KnObject *bi_vars(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("vars", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 0)
        return jit_current_locals();
    KnObject *d;
    int found = ob_lookup_attr(args[0], ob_str_intern_cstr("__dict__"), &d);
    if (found < 0)
        return NULL;
    if (!found)
        return ob_err_format(ob_exc_TypeError, "vars() argument must have __dict__ attribute");
    return d;
}

static KnObject *bi_isinstance(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("isinstance", nargs, 2, 2) < 0)
        return NULL;
    int r = ob_isinstance(args[0], args[1]);
    return r < 0 ? NULL : KN_BOOL(r);
}

static KnObject *bi_issubclass(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("issubclass", nargs, 2, 2) < 0)
        return NULL;
    int r = ob_issubclass(args[0], args[1]);
    return r < 0 ? NULL : KN_BOOL(r);
}

static KnObject *bi_globals(KnObject *self, KnObject *unused)
{
    return jit_current_globals();
}

static KnObject *bi_locals(KnObject *self, KnObject *unused)
{
    return jit_current_locals();
}

#define FAST(f) ((KnCFunction)(void (*)(void))(f))

KnMethodDef jit_builtins_attr_methods[] = {
    { "delattr", FAST(bi_delattr), KN_METH_FASTCALL,
      "delattr($module, obj, name, /)\n--\n\n"
      "Deletes the named attribute from the given object." },
    { "dir", FAST(bi_dir), KN_METH_FASTCALL,
      "dir([object]) -> list of strings\n\n"
      "Show attributes of an object." },
    { "getattr", FAST(bi_getattr), KN_METH_FASTCALL,
      "getattr(object, name[, default]) -> value\n\n"
      "Get a named attribute from an object." },
    { "globals", bi_globals, KN_METH_NOARGS,
      "globals($module, /)\n--\n\n"
      "Return the dictionary containing the current scope's global variables." },
    { "hasattr", FAST(bi_hasattr), KN_METH_FASTCALL,
      "hasattr($module, obj, name, /)\n--\n\n"
      "Return whether the object has an attribute with the given name." },
    { "isinstance", FAST(bi_isinstance), KN_METH_FASTCALL,
      "isinstance($module, obj, class_or_tuple, /)\n--\n\n"
      "Return whether an object is an instance of a class or of a subclass thereof." },
    { "issubclass", FAST(bi_issubclass), KN_METH_FASTCALL,
      "issubclass($module, cls, class_or_tuple, /)\n--\n\n"
      "Return whether 'cls' is derived from another class or is the same class." },
    { "locals", bi_locals, KN_METH_NOARGS,
      "locals($module, /)\n--\n\n"
      "Return a dictionary containing the current scope's local variables." },
    { "setattr", FAST(bi_setattr), KN_METH_FASTCALL,
      "setattr($module, obj, name, value, /)\n--\n\n"
      "Sets the named attribute on the given object to the specified value." },
    { "vars", FAST(bi_vars), KN_METH_FASTCALL,
      "vars([object]) -> dictionary\n\n"
      "Show vars." },
    { NULL, NULL, 0, NULL },
};
