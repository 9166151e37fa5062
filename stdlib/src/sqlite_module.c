/*
 * sqlite_module.c — the `_sqlite3` module object: the DB-API exception
 * hierarchy, the adapter / converter registries (adapt, register_adapter,
 * register_converter), connect, complete_statement, the SQLITE_* and
 * PARSE_* constants, PrepareProtocol.
 */
#include <string.h>

#include "sqlite_internal.h"

KnObject *kn_init__sqlite3(void);

KnObject *sq_Warning, *sq_Error, *sq_InterfaceError, *sq_DatabaseError,
    *sq_DataError, *sq_OperationalError, *sq_IntegrityError, *sq_InternalError,
    *sq_ProgrammingError, *sq_NotSupportedError;
KnObject *sq_adapters, *sq_converters;
int sq_callback_tracebacks;
int sq_base_types_adapted;

/* ---- PrepareProtocol: only a marker type for adapt() ---- */

static KnObject *sq_pp_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    if (ob_length(args) > 0 || (kwargs != NULL && ob_length(kwargs) > 0)) {
        ob_err_set_string(ob_exc_TypeError, "PrepareProtocol() takes no arguments");
        return NULL;
    }
    return ob_type_generic_alloc(t, 0);
}

KnTypeObject sq_prepare_protocol_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "sqlite3.PrepareProtocol",
    .tp_basicsize = sizeof(KnObject),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_doc = "PEP 246 style object adaption protocol type.",
    .tp_new = sq_pp_new,
};

/* ---- adaptation ---- */

KnObject *sq_adapt(KnObject *obj, KnObject *proto, KnObject *alt)
{
    KnObject *key = ob_tuple_pack(2, (KnObject *)KN_TYPE(obj), proto);
    if (key == NULL)
        return NULL;
    KnObject *adapter = ob_dict_getitem(sq_adapters, key);
    if (adapter == NULL && ob_err_occurred())
        return NULL;
    if (adapter != NULL)
        return ob_call_onearg(adapter, obj);
    KnObject *meth;
    if (ob_lookup_attr(proto, ob_str_intern_cstr("__adapt__"), &meth) < 0)
        return NULL;
    if (meth != NULL) {
        KnObject *r = ob_call_onearg(meth, obj);
        if (r == NULL) {
            if (!ob_err_matches((KnObject *)ob_exc_TypeError))
                return NULL;
            ob_err_clear();
        } else if (r != KN_None) {
            return r;
        }
    }
    if (ob_lookup_attr(obj, ob_str_intern_cstr("__conform__"), &meth) < 0)
        return NULL;
    if (meth != NULL) {
        KnObject *r = ob_call_onearg(meth, proto);
        if (r == NULL) {
            if (!ob_err_matches((KnObject *)ob_exc_TypeError))
                return NULL;
            ob_err_clear();
        } else if (r != KN_None) {
            return r;
        }
    }
    if (alt != NULL)
        return alt;
    sq_raise(sq_ProgrammingError, "can't adapt");
    return NULL;
}

static KnObject *sq_mod_adapt(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    (void)m;
    static const char *const names[] = {"", "", "", NULL};
    static const KnArgSpec spec = {"adapt", names, 1, 3, 0};
    KnObject *a[3] = {0};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    return sq_adapt(a[0], a[1] ? a[1] : (KnObject *)&sq_prepare_protocol_type, a[2]);
}

static KnObject *sq_mod_register_adapter(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    (void)m;
    if (ob_args_no_keywords("register_adapter", kw) < 0
        || ob_args_check_positional("register_adapter", nargs, 2, 2) < 0)
        return NULL;
    KnObject *t = args[0];
    if (t == (KnObject *)&ob_int_type || t == (KnObject *)&ob_float_type
        || t == (KnObject *)&ob_str_type || t == (KnObject *)&ob_bytearray_type)
        sq_base_types_adapted = 1;
    KnObject *key = ob_tuple_pack(2, t, (KnObject *)&sq_prepare_protocol_type);
    if (key == NULL || ob_dict_setitem(sq_adapters, key, args[1]) < 0)
        return NULL;
    return KN_None;
}

static KnObject *sq_mod_register_converter(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    (void)m;
    if (ob_args_no_keywords("register_converter", kw) < 0
        || ob_args_check_positional("register_converter", nargs, 2, 2) < 0)
        return NULL;
    if (!KN_STR_CHECK(args[0])) {
        ob_err_format(ob_exc_TypeError, "register_converter() argument 1 must be str, not %s",
                      ob_type_name(KN_TYPE(args[0])));
        return NULL;
    }
    KnObject *upper = ob_call_method(args[0], "upper", 0);
    if (upper == NULL || ob_dict_setitem(sq_converters, upper, args[1]) < 0)
        return NULL;
    return KN_None;
}

static KnObject *sq_mod_complete_statement(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    (void)m;
    static const char *const names[] = {"statement", NULL};
    static const KnArgSpec spec = {"complete_statement", names, 1, 1, 0};
    KnObject *a[1] = {0};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    if (!KN_STR_CHECK(a[0])) {
        ob_err_format(ob_exc_TypeError, "complete_statement() argument 'statement' must be str, not %s",
                      ob_type_name(KN_TYPE(a[0])));
        return NULL;
    }
    kn_ssize_t len;
    const char *s = ob_str_as_utf8(a[0], &len);
    if (s == NULL)
        return NULL;
    if (strlen(s) != (size_t)len) {
        ob_err_set_string(ob_exc_ValueError, "embedded null character");
        return NULL;
    }
    return KN_BOOL(sqlite3_complete(s));
}

static KnObject *sq_mod_enable_callback_tracebacks(KnObject *m, KnObject *arg)
{
    (void)m;
    int v = ob_is_true(arg);
    if (v < 0)
        return NULL;
    sq_callback_tracebacks = v;
    return KN_None;
}

static KnObject *sq_mod_enable_shared_cache(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    (void)m;
    static const char *const names[] = {"do_enable", NULL};
    static const KnArgSpec spec = {"enable_shared_cache", names, 1, 1, 0};
    KnObject *a[1] = {0};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    int v = ob_is_true(a[0]);
    if (v < 0)
        return NULL;
    if (sqlite3_enable_shared_cache(v) != SQLITE_OK) {
        sq_raise(sq_OperationalError, "Changing the shared_cache flag failed");
        return NULL;
    }
    return KN_None;
}

/* connect(): the factory (Connection unless given) receives every other
 * argument as passed. */
static KnObject *sq_mod_connect(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    (void)m;
    KnObject *factory = (KnObject *)&sq_connection_type;
    KnObject *pos[8];
    kn_ssize_t npos = 0;
    if (nargs > 8) {
        ob_err_format(ob_exc_TypeError, "connect() takes at most 8 arguments (%zd given)", nargs);
        return NULL;
    }
    for (kn_ssize_t i = 0; i < nargs; i++) {
        if (i == 5)
            factory = args[i];
        else
            pos[npos++] = args[i];
    }
    KnObject *kwargs = NULL;
    kn_ssize_t nkw = kw ? ob_length(kw) : 0;
    if (nkw > 0) {
        kwargs = ob_dict_new();
        if (kwargs == NULL)
            return NULL;
        for (kn_ssize_t i = 0; i < nkw; i++) {
            KnObject *name = ob_sequence_getitem(kw, i);
            if (name == NULL)
                return NULL;
            if (ob_str_equal_cstr(name, "factory"))
                factory = args[nargs + i];
            else if (ob_dict_setitem(kwargs, name, args[nargs + i]) < 0)
                return NULL;
        }
    }
    if (nargs > 5 && npos < 5) {
        ob_err_set_string(ob_exc_TypeError, "connect() missing required argument");
        return NULL;
    }
    KnObject *t = ob_tuple_from_array(pos, npos);
    if (t == NULL)
        return NULL;
    if (npos == 0 && (kwargs == NULL || ob_dict_getitem_str(kwargs, "database") == NULL)) {
        ob_err_set_string(ob_exc_TypeError, "connect() missing required argument 'database' (pos 1)");
        return NULL;
    }
    return ob_call(factory, t, kwargs);
}

static KnMethodDef sq_module_methods[] = {
    {"connect", SQ_FC(sq_mod_connect), SQ_KW, "Opens a connection to the SQLite database file database."},
    {"adapt", SQ_FC(sq_mod_adapt), SQ_KW, "Adapt given object to given protocol."},
    {"register_adapter", SQ_FC(sq_mod_register_adapter), SQ_KW, "Register a function to adapt Python objects to SQLite values."},
    {"register_converter", SQ_FC(sq_mod_register_converter), SQ_KW, "Register a function to convert SQLite values to Python objects."},
    {"complete_statement", SQ_FC(sq_mod_complete_statement), SQ_KW, "Checks if a string contains a complete SQL statement."},
    {"enable_callback_tracebacks", SQ_FC(sq_mod_enable_callback_tracebacks), KN_METH_O, "Enable or disable callback functions throwing errors to stderr."},
    {"enable_shared_cache", SQ_FC(sq_mod_enable_shared_cache), SQ_KW, "Enable or disable shared cache mode for the calling thread."},
    {NULL, NULL, 0, NULL}
};

static KnObject *sq_new_exc(const char *name, KnObject *base)
{
    KnObject *dict = ob_dict_new();
    if (dict == NULL || ob_dict_setitem_str(dict, "__module__", ob_str_from_cstr("sqlite3")) < 0)
        return NULL;
    return ob_type_new(&ob_type_type, ob_str_from_cstr(name), ob_tuple_pack(1, base), dict);
}

static int sq_make_exceptions(void)
{
    if (sq_Error != NULL)
        return 0;
    KnObject *exc = (KnObject *)ob_exc_Exception;
    if ((sq_Warning = sq_new_exc("Warning", exc)) == NULL
        || (sq_Error = sq_new_exc("Error", exc)) == NULL
        || (sq_InterfaceError = sq_new_exc("InterfaceError", sq_Error)) == NULL
        || (sq_DatabaseError = sq_new_exc("DatabaseError", sq_Error)) == NULL
        || (sq_DataError = sq_new_exc("DataError", sq_DatabaseError)) == NULL
        || (sq_OperationalError = sq_new_exc("OperationalError", sq_DatabaseError)) == NULL
        || (sq_IntegrityError = sq_new_exc("IntegrityError", sq_DatabaseError)) == NULL
        || (sq_InternalError = sq_new_exc("InternalError", sq_DatabaseError)) == NULL
        || (sq_ProgrammingError = sq_new_exc("ProgrammingError", sq_DatabaseError)) == NULL
        || (sq_NotSupportedError = sq_new_exc("NotSupportedError", sq_DatabaseError)) == NULL)
        return -1;
    return 0;
}

static const struct { const char *name; int value; } sq_consts[] = {
#define SQ_CONST(n) {#n, n},
#include "sqlite_consts.def"
#undef SQ_CONST
};

KnObject *kn_init__sqlite3(void)
{
    if (sqlite3_libversion_number() < 3007015) {
        ob_err_set_string(ob_exc_ImportError, "SQLite 3.7.15 or higher required");
        return NULL;
    }
    if (ob_type_ready(&sq_prepare_protocol_type) < 0 || ob_type_ready(&sq_connection_type) < 0
        || ob_type_ready(&sq_cursor_type) < 0 || ob_type_ready(&sq_row_type) < 0
        || sq_blob_type_ready() == NULL || sq_make_exceptions() < 0)
        return NULL;
    if (sq_adapters == NULL && ((sq_adapters = ob_dict_new()) == NULL || (sq_converters = ob_dict_new()) == NULL))
        return NULL;
    KnObject *mod = ob_module_new_cstr("_sqlite3");
    if (mod == NULL || ob_module_add_functions(mod, sq_module_methods) < 0)
        return NULL;
    int ts = sqlite3_threadsafe();
    int threadsafety = ts == 0 ? 0 : ts == 2 ? 1 : 3;
    if (ob_module_add_object(mod, "Connection", (KnObject *)&sq_connection_type) < 0
        || ob_module_add_object(mod, "Cursor", (KnObject *)&sq_cursor_type) < 0
        || ob_module_add_object(mod, "Row", (KnObject *)&sq_row_type) < 0
        || ob_module_add_object(mod, "Blob", (KnObject *)sq_blob_type_ready()) < 0
        || ob_module_add_object(mod, "PrepareProtocol", (KnObject *)&sq_prepare_protocol_type) < 0
        || ob_module_add_object(mod, "Warning", sq_Warning) < 0
        || ob_module_add_object(mod, "Error", sq_Error) < 0
        || ob_module_add_object(mod, "InterfaceError", sq_InterfaceError) < 0
        || ob_module_add_object(mod, "DatabaseError", sq_DatabaseError) < 0
        || ob_module_add_object(mod, "DataError", sq_DataError) < 0
        || ob_module_add_object(mod, "OperationalError", sq_OperationalError) < 0
        || ob_module_add_object(mod, "IntegrityError", sq_IntegrityError) < 0
        || ob_module_add_object(mod, "InternalError", sq_InternalError) < 0
        || ob_module_add_object(mod, "ProgrammingError", sq_ProgrammingError) < 0
        || ob_module_add_object(mod, "NotSupportedError", sq_NotSupportedError) < 0
        || ob_module_add_object(mod, "adapters", sq_adapters) < 0
        || ob_module_add_object(mod, "converters", sq_converters) < 0
        || ob_module_add_object(mod, "PARSE_DECLTYPES", ob_int_from_long_long(1)) < 0
        || ob_module_add_object(mod, "PARSE_COLNAMES", ob_int_from_long_long(2)) < 0
        || ob_module_add_object(mod, "version", ob_str_from_cstr("2.6.0")) < 0
        || ob_module_add_object(mod, "sqlite_version", ob_str_from_cstr(sqlite3_libversion())) < 0
        || ob_module_add_object(mod, "threadsafety", ob_int_from_long_long(threadsafety)) < 0)
        return NULL;
    for (size_t i = 0; i < sizeof sq_consts / sizeof sq_consts[0]; i++)
        if (ob_module_add_object(mod, sq_consts[i].name, ob_int_from_long_long(sq_consts[i].value)) < 0)
            return NULL;
    return mod;
}
