/* string_module.c — the `_string` module: the two parsing helpers that
 * string.Formatter is built on.  The parsing itself is libobject's (the
 * same code str.format uses: src/str_format*.c); this file only shapes the
 * results as CPython's module returns them.
 *
 * Deviation: CPython returns its own iterator types (formatteriterator,
 * fieldnameiterator) that report a bad field lazily, while iterating;
 * libobject parses eagerly, so the error comes from the call itself and the
 * iterators are list iterators.  The items are the same. */
#include "libobject/libobject.h"
#include "stdlib/modules.h"

static int check_str(KnObject *s)
{
    if (KN_STR_CHECK(s))
        return 0;
    ob_err_format(ob_exc_TypeError, "expected str, got %s", ob_type_name(KN_TYPE(s)));
    return -1;
}

static KnObject *string_formatter_parser(KnObject *self, KnObject *s)
{
    if (check_str(s) < 0)
        return NULL;
    KnObject *items = ob_str_formatter_parser(s);
    return items ? ob_get_iter(items) : NULL;
}

static KnObject *string_formatter_field_name_split(KnObject *self, KnObject *s)
{
    if (check_str(s) < 0)
        return NULL;
    KnObject *pair = ob_str_formatter_field_name_split(s);
    if (pair == NULL)
        return NULL;
    KnObject *rest = ob_get_iter(KN_TUPLE_GET(pair, 1));
    return rest ? ob_tuple_pack(2, KN_TUPLE_GET(pair, 0), rest) : NULL;
}

static KnMethodDef string_functions[] = {
    { "formatter_parser", string_formatter_parser, KN_METH_O,
      "formatter_parser($module, s, /)\n--\n\n"
      "Iterate over (literal, field_name, format_spec, conversion) parts of s." },
    { "formatter_field_name_split", string_formatter_field_name_split, KN_METH_O,
      "formatter_field_name_split($module, s, /)\n--\n\n"
      "Split a field name into its first part and an iterator of (is_attr, key)." },
    { NULL, NULL, 0, NULL }
};

KnObject *kn_init__string(void)
{
    KnObject *m = ob_module_new_cstr("_string");
    if (m == NULL || ob_module_add_functions(m, string_functions) < 0 ||
        ob_module_add_object(m, "__doc__", ob_str_from_cstr("string helper module")) < 0)
        return NULL;
    return m;
}
