/*
 * unicodedata_module.c — the `unicodedata` module (Unicode 14.0.0, as
 * CPython 3.11): lookup, name, decimal, digit, numeric, category,
 * bidirectional, combining, east_asian_width, mirrored, decomposition,
 * normalize, is_normalized, unidata_version, and ucd_3_2_0, a
 * `unicodedata.UCD` object answering the same methods from Unicode 3.2.0
 * (stringprep and encodings.idna use it).
 *
 * Each function serves both: called on the module it uses 14.0, bound to
 * the UCD object the 3.2.0 data.
 */
#include <stdio.h>
#include <string.h>

#include "libobject/bytes.h"
#include "stdlib/modules.h"
#include "unicodedata_internal.h"

KnObject *kn_init_unicodedata(void);

typedef struct Ucd {
    KN_OBJECT_HEAD;
    KnObject *version;
} Ucd;

static KnTypeObject ucd_type;

#define IS_OLD(self) (KN_TYPE(self) == &ucd_type)
#define FC(f) ((KnCFunction)(void (*)(void))(f))

/* The single character of argument 1 (fname "f() argument 1" for the
 * functions with a default, "f() argument" for the one-argument ones). */
static int one_char(const char *fname, KnObject *o, uint32_t *cp)
{
    const char *which = strcmp(fname, "decimal") == 0 || strcmp(fname, "digit") == 0 ||
                        strcmp(fname, "numeric") == 0 || strcmp(fname, "name") == 0
                        ? " 1" : "";
    if (!KN_STR_CHECK(o) || KN_STR_LEN(o) != 1) {
        ob_err_format(ob_exc_TypeError, "%s() argument%s must be a unicode character, not %.50s",
                      fname, which, KN_TYPE(o)->tp_name);
        return -1;
    }
    *cp = ob_str_read_char(o, 0);
    return 0;
}

static int args_1_2(const char *fname, KnObject *const *args, kn_ssize_t nargs, int max)
{
    if (nargs < 1 || nargs > max) {
        if (max == 1)
            ob_err_format(ob_exc_TypeError, "%s() takes exactly one argument (%zd given)", fname, nargs);
        else
            ob_err_format(ob_exc_TypeError, "%s expected %s %d argument%s, got %zd", fname,
                          nargs < 1 ? "at least" : "at most", nargs < 1 ? 1 : max,
                          nargs < 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

static KnObject *u_decimal(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    uint32_t cp;
    if (args_1_2("decimal", args, nargs, 2) < 0 || one_char("decimal", args[0], &cp) < 0)
        return NULL;
    UdProps p;
    ud_props(cp, IS_OLD(self), &p);
    int v = p.assigned ? ud_decimal(cp, IS_OLD(self)) : -1;
    if (v >= 0)
        return ob_int_from_long_long(v);
    if (nargs > 1)
        return args[1];
    ob_err_set_string(ob_exc_ValueError, "not a decimal");
    return NULL;
}

static KnObject *u_digit(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    uint32_t cp;
    if (args_1_2("digit", args, nargs, 2) < 0 || one_char("digit", args[0], &cp) < 0)
        return NULL;
    /* CPython's digit() answers from the current data even on ucd_3_2_0 */
    int v = ud_digit(cp, 0);
    if (v >= 0)
        return ob_int_from_long_long(v);
    if (nargs > 1)
        return args[1];
    ob_err_set_string(ob_exc_ValueError, "not a digit");
    return NULL;
}

static KnObject *u_numeric(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    uint32_t cp;
    if (args_1_2("numeric", args, nargs, 2) < 0 || one_char("numeric", args[0], &cp) < 0)
        return NULL;
    UdProps p;
    ud_props(cp, IS_OLD(self), &p);
    double v;
    if (p.assigned && ud_numeric(cp, IS_OLD(self), &v) == 0)
        return ob_float_from_double(v);
    if (nargs > 1)
        return args[1];
    ob_err_set_string(ob_exc_ValueError, "not a numeric character");
    return NULL;
}

static KnObject *u_name(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    uint32_t cp;
    if (args_1_2("name", args, nargs, 2) < 0 || one_char("name", args[0], &cp) < 0)
        return NULL;
    char buf[256];
    if (ud_name(cp, IS_OLD(self), buf, sizeof buf))
        return ob_str_from_cstr(buf);
    if (nargs > 1)
        return args[1];
    ob_err_set_string(ob_exc_ValueError, "no such name");
    return NULL;
}

/* The simple properties: which one is in the method's closure-less name. */
static KnObject *prop(const char *fname, KnObject *self, KnObject *arg, int which)
{
    uint32_t cp;
    if (one_char(fname, arg, &cp) < 0)
        return NULL;
    UdProps p;
    ud_props(cp, IS_OLD(self), &p);
    switch (which) {
    case 0: return ob_str_from_cstr(p.category);
    case 1: return ob_str_from_cstr(p.bidirectional);
    case 2: return ob_int_from_long_long(p.combining);
    case 3: return ob_str_from_cstr(p.east_asian_width);
    default: return ob_int_from_long_long(p.mirrored);
    }
}

static KnObject *u_category(KnObject *self, KnObject *arg)
{
    return prop("category", self, arg, 0);
}

static KnObject *u_bidirectional(KnObject *self, KnObject *arg)
{
    return prop("bidirectional", self, arg, 1);
}

static KnObject *u_combining(KnObject *self, KnObject *arg)
{
    return prop("combining", self, arg, 2);
}

static KnObject *u_east_asian_width(KnObject *self, KnObject *arg)
{
    return prop("east_asian_width", self, arg, 3);
}

static KnObject *u_mirrored(KnObject *self, KnObject *arg)
{
    return prop("mirrored", self, arg, 4);
}

static KnObject *u_decomposition(KnObject *self, KnObject *arg)
{
    uint32_t cp;
    if (one_char("decomposition", arg, &cp) < 0)
        return NULL;
    UdProps p;
    ud_props(cp, IS_OLD(self), &p);
    const char *tag;
    const uint32_t *cps;
    int n = ud_decomp_entry(p.decomp, &tag, &cps);
    char buf[160];
    size_t at = 0;
    buf[0] = '\0';
    if (n > 0 && tag[0] != '\0')
        at += (size_t)snprintf(buf, sizeof buf, "%s", tag);
    for (int i = 0; i < n && at < sizeof buf - 12; i++)
        at += (size_t)snprintf(buf + at, sizeof buf - at, "%s%04X", at ? " " : "", (unsigned)cps[i]);
    return ob_str_from_cstr(buf);
}

static KnObject *u_lookup(KnObject *self, KnObject *arg)
{
    const char *name;
    kn_ssize_t len;
    if (KN_STR_CHECK(arg)) {
        if ((name = ob_str_as_utf8(arg, &len)) == NULL)
            return NULL;
    } else if (KN_BYTES_CHECK(arg)) {
        name = KN_BYTES_AS_STRING(arg);
        len = KN_SIZE(arg);
    } else {
        return ob_err_format(ob_exc_TypeError, "a bytes-like object is required, not '%.50s'",
                             KN_TYPE(arg)->tp_name);
    }
    return ud_lookup(name, (size_t)len, IS_OLD(self));
}

static KnObject *norm_common(const char *fname, KnObject *self, KnObject *const *args,
                             kn_ssize_t nargs, int check)
{
    if (nargs != 2)
        return ob_err_format(ob_exc_TypeError, "%s expected 2 arguments, got %zd", fname, nargs);
    if (!KN_STR_CHECK(args[0]))
        return ob_err_format(ob_exc_TypeError, "%s() argument 1 must be str, not %.50s", fname,
                             KN_TYPE(args[0])->tp_name);
    if (!KN_STR_CHECK(args[1]))
        return ob_err_format(ob_exc_TypeError, "%s() argument 2 must be str, not %.50s", fname,
                             KN_TYPE(args[1])->tp_name);
    const char *form = ob_str_as_utf8(args[0], NULL);
    if (form == NULL)
        return NULL;
    return ud_normalize(form, args[1], IS_OLD(self), check);
}

static KnObject *u_normalize(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    return norm_common("normalize", self, args, nargs, 0);
}

static KnObject *u_is_normalized(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    return norm_common("is_normalized", self, args, nargs, 1);
}

static KnMethodDef ud_functions[] = {
    {"decimal", FC(u_decimal), KN_METH_FASTCALL,
     "decimal($self, chr, default=<unrepresentable>, /)\n--\n\nConverts a Unicode character into its equivalent decimal value.\n\n"
     "Returns the decimal value assigned to the character chr as integer.\nIf no such value is defined, default is returned, or, if not given,\nValueError is raised."},
    {"digit", FC(u_digit), KN_METH_FASTCALL,
     "digit($self, chr, default=<unrepresentable>, /)\n--\n\nConverts a Unicode character into its equivalent digit value.\n\n"
     "Returns the digit value assigned to the character chr as integer.\nIf no such value is defined, default is returned, or, if not given,\nValueError is raised."},
    {"numeric", FC(u_numeric), KN_METH_FASTCALL,
     "numeric($self, chr, default=<unrepresentable>, /)\n--\n\nConverts a Unicode character into its equivalent numeric value.\n\n"
     "Returns the numeric value assigned to the character chr as float.\nIf no such value is defined, default is returned, or, if not given,\nValueError is raised."},
    {"category", FC(u_category), KN_METH_O,
     "category($self, chr, /)\n--\n\nReturns the general category assigned to the character chr as string."},
    {"bidirectional", FC(u_bidirectional), KN_METH_O,
     "bidirectional($self, chr, /)\n--\n\nReturns the bidirectional class assigned to the character chr as string.\n\n"
     "If no such value is defined, an empty string is returned."},
    {"combining", FC(u_combining), KN_METH_O,
     "combining($self, chr, /)\n--\n\nReturns the canonical combining class assigned to the character chr as integer.\n\n"
     "Returns 0 if no combining class is defined."},
    {"mirrored", FC(u_mirrored), KN_METH_O,
     "mirrored($self, chr, /)\n--\n\nReturns the mirrored property assigned to the character chr as integer.\n\n"
     "Returns 1 if the character has been identified as a \"mirrored\"\ncharacter in bidirectional text, 0 otherwise."},
    {"east_asian_width", FC(u_east_asian_width), KN_METH_O,
     "east_asian_width($self, chr, /)\n--\n\nReturns the east asian width assigned to the character chr as string."},
    {"decomposition", FC(u_decomposition), KN_METH_O,
     "decomposition($self, chr, /)\n--\n\nReturns the character decomposition mapping assigned to the character chr as string.\n\n"
     "An empty string is returned in case no such mapping is defined."},
    {"is_normalized", FC(u_is_normalized), KN_METH_FASTCALL,
     "is_normalized($self, form, unistr, /)\n--\n\nReturn whether the Unicode string unistr is in the normal form 'form'.\n\n"
     "Valid values for form are 'NFC', 'NFKC', 'NFD', and 'NFKD'."},
    {"normalize", FC(u_normalize), KN_METH_FASTCALL,
     "normalize($self, form, unistr, /)\n--\n\nReturn the normal form 'form' for the Unicode string unistr.\n\n"
     "Valid values for form are 'NFC', 'NFKC', 'NFD', and 'NFKD'."},
    {"name", FC(u_name), KN_METH_FASTCALL,
     "name($self, chr, default=<unrepresentable>, /)\n--\n\nReturns the name assigned to the character chr as a string.\n\n"
     "If no name is defined, default is returned, or, if not given,\nValueError is raised."},
    {"lookup", FC(u_lookup), KN_METH_O,
     "lookup($self, name, /)\n--\n\nLook up character by name.\n\n"
     "If a character with the given name is found, return the\ncorresponding character.  If not found, KeyError is raised."},
    {NULL, NULL, 0, NULL}
};

static KnMemberDef ucd_members[] = {
    {"unidata_version", KN_T_OBJECT, offsetof(Ucd, version), KN_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static KnTypeObject ucd_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "unicodedata.UCD",
    .tp_basicsize = sizeof(Ucd),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_methods = ud_functions,
    .tp_members = ucd_members,
};

KnObject *kn_init_unicodedata(void)
{
    if (ob_type_ready(&ucd_type) < 0)
        return NULL;
    Ucd *old = (Ucd *)ob_type_generic_alloc(&ucd_type, 0);
    if (old == NULL || (old->version = ob_str_from_cstr("3.2.0")) == NULL)
        return NULL;
    KnObject *m = ob_module_new_cstr("unicodedata");
    if (m == NULL || ob_module_add_functions(m, ud_functions) < 0 ||
        ob_module_add_object(m, "unidata_version", ob_str_from_cstr("14.0.0")) < 0 ||
        ob_module_add_object(m, "UCD", (KnObject *)&ucd_type) < 0 ||
        ob_module_add_object(m, "ucd_3_2_0", (KnObject *)old) < 0 ||
        ob_module_add_object(m, "__doc__", ob_str_from_cstr(
            "This module provides access to the Unicode Character Database which\n"
            "defines character properties for all Unicode characters. The data in\n"
            "this database is based on the UnicodeData.txt file version\n"
            "14.0.0 which is publicly available from ftp://ftp.unicode.org/.\n\n"
            "The module uses the same names and symbols as defined by the\n"
            "UnicodeData File Format 14.0.0.")) < 0)
        return NULL;
    return m;
}
