/*
 * csv_module.c — the `_csv` module: reader, writer (csv_reader.c,
 * csv_writer.c), Dialect and the registry (csv_dialect.c),
 * field_size_limit, Error and the QUOTE_* constants.  csv.py builds its
 * public API on these.
 */
#include "csv_internal.h"
#include "stdlib/modules.h"

KnObject *kn_init__csv(void);

KnObject *csv_error;
long csv_field_limit = 128 * 1024;
extern KnObject *csv_dialects;

KnObject *csv_register_dialect(KnObject *m, KnObject *args, KnObject *kwargs);
KnObject *csv_unregister_dialect(KnObject *m, KnObject *const *args, kn_ssize_t nargs,
                                 KnObject *kwnames);
KnObject *csv_get_dialect(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames);
KnObject *csv_list_dialects(KnObject *m, KnObject *unused);

static KnObject *field_size_limit(KnObject *m, KnObject *const *args, kn_ssize_t nargs,
                                  KnObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"new_limit", NULL};
    static const KnArgSpec spec = {"field_size_limit", names, 0, 1, 0};
    KnObject *lim = NULL;
    if (ob_args_parse(&spec, args, nargs, kwnames, &lim) < 0)
        return NULL;
    long old = csv_field_limit;
    if (lim != NULL) {
        if (!KN_INT_CHECK(lim))
            return ob_err_format(ob_exc_TypeError, "limit must be an integer");
        long long v = ob_int_as_long_long(lim);
        if (v == -1 && ob_err_occurred())
            return NULL;
        csv_field_limit = (long)v;
    }
    return ob_int_from_long_long(old);
}

#define FC(f) ((KnCFunction)(void (*)(void))(f))
#define KWFAST (KN_METH_FASTCALL | KN_METH_KEYWORDS)

static KnMethodDef csv_functions[] = {
    {"reader", FC(csv_reader), KN_METH_VARARGS | KN_METH_KEYWORDS,
     "    csv_reader = reader(iterable [, dialect='excel']\n"
     "                        [optional keyword args])\n"
     "    for row in csv_reader:\n"
     "        process(row)\n"},
    {"writer", FC(csv_writer), KN_METH_VARARGS | KN_METH_KEYWORDS,
     "    csv_writer = csv.writer(fileobj [, dialect='excel']\n"
     "                            [optional keyword args])\n"
     "    for row in sequence:\n"
     "        csv_writer.writerow(row)\n"},
    {"register_dialect", FC(csv_register_dialect), KN_METH_VARARGS | KN_METH_KEYWORDS,
     "Create a mapping from a string name to a dialect class.\n"
     "    dialect = csv.register_dialect(name[, dialect[, **fmtparams]])"},
    {"unregister_dialect", FC(csv_unregister_dialect), KWFAST,
     "Delete the name/dialect mapping associated with a string name.\n"
     "    csv.unregister_dialect(name)"},
    {"get_dialect", FC(csv_get_dialect), KWFAST,
     "Return the dialect instance associated with name.\n"
     "    dialect = csv.get_dialect(name)"},
    {"list_dialects", FC(csv_list_dialects), KN_METH_NOARGS,
     "Return a list of all know dialect names.\n"
     "    names = csv.list_dialects()"},
    {"field_size_limit", FC(field_size_limit), KWFAST,
     "Sets an upper limit on parsed fields.\n"
     "    csv.field_size_limit([limit])\n\n"
     "Returns old limit. If limit is not given, no new limit is set and\n"
     "the old limit is returned"},
    {NULL, NULL, 0, NULL}
};

KnObject *kn_init__csv(void)
{
    if (ob_type_ready(&csv_dialect_type) < 0 || ob_type_ready(&csv_reader_type) < 0 ||
        ob_type_ready(&csv_writer_type) < 0)
        return NULL;
    if (csv_dialects == NULL && (csv_dialects = ob_dict_new()) == NULL)
        return NULL;
    if (csv_error == NULL) {
        KnObject *dict = ob_dict_new();
        if (dict == NULL || ob_dict_setitem_str(dict, "__module__", ob_str_from_cstr("_csv")) < 0)
            return NULL;
        csv_error = ob_type_new(&ob_type_type, ob_str_from_cstr("Error"),
                                ob_tuple_pack(1, (KnObject *)ob_exc_Exception), dict);
        if (csv_error == NULL)
            return NULL;
    }
    KnObject *m = ob_module_new_cstr("_csv");
    if (m == NULL || ob_module_add_functions(m, csv_functions) < 0)
        return NULL;
    static const char *const quote_names[] = {"QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC",
                                              "QUOTE_NONE"};
    for (int i = 0; i < 4; i++)
        if (ob_module_add_object(m, quote_names[i], ob_int_from_long_long(i)) < 0)
            return NULL;
    if (ob_module_add_object(m, "__version__", ob_str_from_cstr("1.0")) < 0 ||
        ob_module_add_object(m, "Error", csv_error) < 0 ||
        ob_module_add_object(m, "Dialect", (KnObject *)&csv_dialect_type) < 0 ||
        ob_module_add_object(m, "Reader", (KnObject *)&csv_reader_type) < 0 ||
        ob_module_add_object(m, "Writer", (KnObject *)&csv_writer_type) < 0 ||
        ob_module_add_object(m, "_dialects", csv_dialects) < 0 ||
        ob_module_add_object(m, "__doc__", ob_str_from_cstr(
            "CSV parsing and writing.\n\nThis module provides classes that assist in the reading "
            "and writing\nof Comma Separated Value (CSV) files, and implements the interface\n"
            "described by PEP 305.\n")) < 0)
        return NULL;
    return m;
}
