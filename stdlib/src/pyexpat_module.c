/*
 * pyexpat_module.c — `pyexpat` over Debian's libexpat, as CPython 3.11:
 * ParserCreate, ErrorString, ExpatError / error, XMLParserType,
 * EXPAT_VERSION, version_info, native_encoding, features, the
 * XML_PARAM_ENTITY_PARSING_* constants and the `errors` and `model`
 * submodules (also in sys.modules as pyexpat.errors / pyexpat.model).
 * The parser type is in pyexpat_parser.c, its callbacks in
 * pyexpat_handlers.c.  No expat_CAPI capsule (nothing in Kiln uses it).
 */
#include <string.h>

#include "pyexpat_internal.h"
#include "compress_internal.h"

#define FC(f) ((KnCFunction)(void (*)(void))(f))

KnObject *kn_init_pyexpat(void);
/* libjit's importer when linked (weak): used to reach sys.modules. */
KnObject *jit_import_module(const char *name) __attribute__((weak));

KnObject *xp_error_type;

static KnObject *xp_parser_create(KnObject *m, KnObject *const *args, kn_ssize_t nargs,
                                  KnObject *kwnames)
{
    (void)m;
    static const char *const names[] = { "encoding", "namespace_separator", "intern", NULL };
    static const KnArgSpec spec = { "ParserCreate", names, 0, 3, 0 };
    KnObject *a[3];
    const char *encoding, *separator;
    encoding = separator = NULL;
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0 ||
        (a[0] != NULL && xp_str_arg("ParserCreate", "'encoding'", a[0], 1, &encoding) < 0) ||
        (a[1] != NULL &&
         xp_str_arg("ParserCreate", "'namespace_separator'", a[1], 1, &separator) < 0))
        return NULL;
    if (separator != NULL && strlen(separator) > 1) {
        ob_err_set_string(ob_exc_ValueError,
                          "namespace_separator must be at most one character, omitted, or None");
        return NULL;
    }
    KnObject *intern = a[2];
    if (intern == KN_None) {
        intern = NULL;
    } else if (intern == NULL) {
        if ((intern = ob_dict_new()) == NULL)
            return NULL;
    } else if (!KN_DICT_CHECK(intern)) {
        ob_err_set_string(ob_exc_TypeError, "intern must be a dictionary");
        return NULL;
    }
    /* A separator given as "" is expat's NUL separator, as in CPython. */
    return (KnObject *)xp_parser_new(encoding, separator, intern);
}

static KnObject *xp_error_string(KnObject *m, KnObject *arg)
{
    (void)m;
    if (KN_FLOAT_CHECK(arg) || !ob_index_check(arg))
        return ob_err_format(ob_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                             ob_type_name(KN_TYPE(arg)));
    kn_ssize_t code = ob_number_as_ssize(arg, ob_exc_OverflowError);
    if (code == -1 && ob_err_occurred())
        return NULL;
    const XML_LChar *s = XML_ErrorString((enum XML_Error)code);
    return s == NULL ? KN_None : ob_str_decode_utf8(s, (kn_ssize_t)strlen(s), "strict");
}

static KnMethodDef xp_functions[] = {
    { "ParserCreate", FC(xp_parser_create), KN_METH_FASTCALL | KN_METH_KEYWORDS,
      "Return a new XML parser object." },
    { "ErrorString", FC(xp_error_string), KN_METH_O,
      "Returns string error for given number." },
    { NULL, NULL, 0, NULL }
};

static int add_int(KnObject *m, const char *name, long v)
{
    return ob_module_add_object(m, name, ob_int_from_ssize(v));
}

static KnObject *errors_module(void)
{
    KnObject *m = ob_module_new_cstr("pyexpat.errors");
    KnObject *codes = ob_dict_new(), *messages = ob_dict_new();
    if (m == NULL || codes == NULL || messages == NULL ||
        ob_module_add_object(m, "__doc__",
                             ob_str_from_cstr("Constants used to describe error conditions.")) < 0)
        return NULL;
    static const struct { const char *name; int code; } table[] = {
#define XP_ERROR(n) { #n, n },
#include "pyexpat_errors.def"
#undef XP_ERROR
    };
    for (size_t i = 0; i < sizeof table / sizeof *table; i++) {
        const char *s = XML_ErrorString((enum XML_Error)table[i].code);
        if (s == NULL)
            continue;
        KnObject *msg = ob_str_from_cstr(s), *num = ob_int_from_ssize(table[i].code);
        if (msg == NULL || num == NULL || ob_module_add_object(m, table[i].name, msg) < 0 ||
            ob_dict_setitem(codes, msg, num) < 0 || ob_dict_setitem(messages, num, msg) < 0)
            return NULL;
    }
    if (ob_module_add_object(m, "codes", codes) < 0 ||
        ob_module_add_object(m, "messages", messages) < 0)
        return NULL;
    return m;
}

static KnObject *model_module(void)
{
    KnObject *m = ob_module_new_cstr("pyexpat.model");
    if (m == NULL ||
        ob_module_add_object(m, "__doc__", ob_str_from_cstr(
            "Constants used to interpret content model information.")) < 0 ||
        add_int(m, "XML_CTYPE_EMPTY", XML_CTYPE_EMPTY) < 0 ||
        add_int(m, "XML_CTYPE_ANY", XML_CTYPE_ANY) < 0 ||
        add_int(m, "XML_CTYPE_MIXED", XML_CTYPE_MIXED) < 0 ||
        add_int(m, "XML_CTYPE_NAME", XML_CTYPE_NAME) < 0 ||
        add_int(m, "XML_CTYPE_CHOICE", XML_CTYPE_CHOICE) < 0 ||
        add_int(m, "XML_CTYPE_SEQ", XML_CTYPE_SEQ) < 0 ||
        add_int(m, "XML_CQUANT_NONE", XML_CQUANT_NONE) < 0 ||
        add_int(m, "XML_CQUANT_OPT", XML_CQUANT_OPT) < 0 ||
        add_int(m, "XML_CQUANT_REP", XML_CQUANT_REP) < 0 ||
        add_int(m, "XML_CQUANT_PLUS", XML_CQUANT_PLUS) < 0)
        return NULL;
    return m;
}

static KnObject *features_list(void)
{
    KnObject *list = ob_list_new(0);
    if (list == NULL)
        return NULL;
    for (const XML_Feature *f = XML_GetFeatureList(); f->feature != XML_FEATURE_END; f++) {
        KnObject *item = ob_tuple_pack(2, ob_str_from_cstr(f->name), ob_int_from_ssize(f->value));
        if (item == NULL || ob_list_append(list, item) < 0)
            return NULL;
    }
    return list;
}

/* sys.modules[name] = m, when the interpreter is there. */
static int register_submodule(const char *name, KnObject *m)
{
    if (jit_import_module == NULL)
        return 0;
    KnObject *sys = jit_import_module("sys");
    KnObject *modules = sys == NULL ? NULL : ob_getattr_str(sys, "modules");
    if (modules == NULL)
        return -1;
    return ob_setitem(modules, ob_str_from_cstr(name), m);
}

KnObject *kn_init_pyexpat(void)
{
    if (xp_error_type == NULL) {
        xp_error_type = cx_new_exception("xml.parsers.expat", "ExpatError", NULL);
        if (xp_error_type == NULL || ob_type_ready(&xp_parser_type) < 0)
            return NULL;
    }
    KnObject *m = ob_module_new_cstr("pyexpat");
    if (m == NULL || ob_module_add_functions(m, xp_functions) < 0 ||
        ob_module_add_object(m, "__doc__", ob_str_from_cstr("Python wrapper for Expat parser.")) < 0 ||
        ob_module_add_object(m, "XMLParserType", (KnObject *)&xp_parser_type) < 0 ||
        ob_module_add_object(m, "ExpatError", xp_error_type) < 0 ||
        ob_module_add_object(m, "error", xp_error_type) < 0)
        return NULL;
    XML_Expat_Version v = XML_ExpatVersionInfo();
    KnObject *features = features_list();
    if (features == NULL ||
        ob_module_add_object(m, "EXPAT_VERSION", ob_str_from_cstr(XML_ExpatVersion())) < 0 ||
        ob_module_add_object(m, "version_info",
                             ob_tuple_pack(3, ob_int_from_ssize(v.major), ob_int_from_ssize(v.minor),
                                           ob_int_from_ssize(v.micro))) < 0 ||
        ob_module_add_object(m, "native_encoding", ob_str_from_cstr("UTF-8")) < 0 ||
        ob_module_add_object(m, "features", features) < 0 ||
        add_int(m, "XML_PARAM_ENTITY_PARSING_NEVER", XML_PARAM_ENTITY_PARSING_NEVER) < 0 ||
        add_int(m, "XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE",
                XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE) < 0 ||
        add_int(m, "XML_PARAM_ENTITY_PARSING_ALWAYS", XML_PARAM_ENTITY_PARSING_ALWAYS) < 0)
        return NULL;
    KnObject *errors = errors_module(), *model = model_module();
    if (errors == NULL || model == NULL ||
        ob_module_add_object(m, "errors", errors) < 0 ||
        ob_module_add_object(m, "model", model) < 0 ||
        register_submodule("pyexpat.errors", errors) < 0 ||
        register_submodule("pyexpat.model", model) < 0)
        return NULL;
    return m;
}
