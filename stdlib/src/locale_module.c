/*
 * locale_module.c — `_locale`: setlocale, localeconv, nl_langinfo and its
 * constants, strcoll / strxfrm (on wide strings, as CPython does),
 * getencoding, the gettext family, Error (locale.Error).
 *
 * Text from the C library is decoded with the current LC_CTYPE
 * (mbstowcs); when that fails, as UTF-8 with surrogateescape.
 */
#include <langinfo.h>
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "libgc/gc.h"
#include "libobject/libobject.h"

KnObject *kn_init__locale(void);

static KnTypeObject *locale_error;

static KnObject *loc_decode(const char *s)
{
    size_t n = mbstowcs(NULL, s, 0);
    if (n != (size_t)-1) {
        wchar_t *w = kgc_alloc_atomic((n + 1) * sizeof(wchar_t));
        uint32_t *cps = kgc_alloc_atomic((n + 1) * sizeof(uint32_t));
        if (w == NULL || cps == NULL)
            return ob_err_nomemory();
        mbstowcs(w, s, n + 1);
        for (size_t i = 0; i < n; i++)
            cps[i] = (uint32_t)w[i];
        return ob_str_from_codepoints(cps, (kn_ssize_t)n);
    }
    return ob_str_decode(s, (kn_ssize_t)strlen(s), "utf-8", "surrogateescape");
}

/* str -> wide string (NUL inside: ValueError "embedded null character"). */
static wchar_t *to_wide(KnObject *s)
{
    kn_ssize_t n = ob_str_length(s);
    wchar_t *w = kgc_alloc_atomic(((size_t)n + 1) * sizeof(wchar_t));
    if (w == NULL) {
        ob_err_nomemory();
        return NULL;
    }
    for (kn_ssize_t i = 0; i < n; i++) {
        uint32_t c = ob_str_read_char(s, i);
        if (c == 0) {
            ob_err_format(ob_exc_ValueError, "embedded null character");
            return NULL;
        }
        w[i] = (wchar_t)c;
    }
    w[n] = 0;
    return w;
}

static int str_arg(const char *fname, int argno, KnObject *o, int none_ok)
{
    if (KN_STR_CHECK(o) || (none_ok && o == KN_None))
        return 0;
    ob_err_format(ob_exc_TypeError, "%s() argument %d must be str%s, not %s", fname, argno,
                  none_ok ? " or None" : "", ob_type_name(KN_TYPE(o)));
    return -1;
}

static int int_arg(KnObject *o, int *v)
{
    if (KN_FLOAT_CHECK(o) || !ob_index_check(o)) {
        ob_err_format(ob_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                      ob_type_name(KN_TYPE(o)));
        return -1;
    }
    long long x = ob_int_as_long_long(ob_number_index(o));
    if (x == -1 && ob_err_occurred())
        return -1;
    if (x > INT_MAX || x < INT_MIN) {
        ob_err_format(ob_exc_OverflowError, "signed integer is %s",
                      x > 0 ? "greater than maximum" : "less than minimum");
        return -1;
    }
    *v = (int)x;
    return 0;
}

static const char *utf8_or_null(KnObject *o)
{
    return o == NULL || o == KN_None ? NULL : ob_str_as_utf8(o, NULL);
}

static KnObject *lc_setlocale(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    int cat;
    if (ob_args_check_positional("setlocale", nargs, 1, 2) < 0 || int_arg(args[0], &cat) < 0
        || (nargs > 1 && str_arg("setlocale", 2, args[1], 1) < 0))
        return NULL;
    const char *want = nargs > 1 ? utf8_or_null(args[1]) : NULL;
    if (nargs > 1 && args[1] != KN_None && want == NULL)
        return NULL;
    const char *r = setlocale(cat, want);
    if (r == NULL) {
        ob_err_set_string(locale_error, want ? "unsupported locale setting" : "locale query failed");
        return NULL;
    }
    return loc_decode(r);
}

static int put_str(KnObject *d, const char *k, const char *v)
{
    KnObject *s = loc_decode(v);
    return s == NULL ? -1 : ob_dict_setitem_str(d, k, s);
}

static int put_int(KnObject *d, const char *k, char v)
{
    return ob_dict_setitem_str(d, k, ob_int_from_long_long((unsigned char)v));
}

/* "\3\3" -> [3, 3, 0]; CHAR_MAX ends without the 0. */
static int put_grouping(KnObject *d, const char *k, const char *g)
{
    KnObject *l = ob_list_new(0);
    if (l == NULL)
        return -1;
    for (const char *p = g; *p; p++) {
        if (ob_list_append(l, ob_int_from_long_long((unsigned char)*p)) < 0)
            return -1;
        if ((unsigned char)*p == CHAR_MAX)
            break;
        if (p[1] == '\0' && ob_list_append(l, ob_int_from_long_long(0)) < 0)
            return -1;
    }
    return ob_dict_setitem_str(d, k, l);
}

static KnObject *lc_localeconv(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    struct lconv *lc = localeconv();
    KnObject *d = ob_dict_new();
    if (d == NULL)
        return NULL;
    if (put_str(d, "int_curr_symbol", lc->int_curr_symbol) < 0
        || put_str(d, "currency_symbol", lc->currency_symbol) < 0
        || put_str(d, "mon_decimal_point", lc->mon_decimal_point) < 0
        || put_str(d, "mon_thousands_sep", lc->mon_thousands_sep) < 0
        || put_grouping(d, "mon_grouping", lc->mon_grouping) < 0
        || put_str(d, "positive_sign", lc->positive_sign) < 0
        || put_str(d, "negative_sign", lc->negative_sign) < 0
        || put_int(d, "int_frac_digits", lc->int_frac_digits) < 0
        || put_int(d, "frac_digits", lc->frac_digits) < 0
        || put_int(d, "p_cs_precedes", lc->p_cs_precedes) < 0
        || put_int(d, "p_sep_by_space", lc->p_sep_by_space) < 0
        || put_int(d, "n_cs_precedes", lc->n_cs_precedes) < 0
        || put_int(d, "n_sep_by_space", lc->n_sep_by_space) < 0
        || put_int(d, "p_sign_posn", lc->p_sign_posn) < 0
        || put_int(d, "n_sign_posn", lc->n_sign_posn) < 0
        || put_str(d, "decimal_point", lc->decimal_point) < 0
        || put_str(d, "thousands_sep", lc->thousands_sep) < 0
        || put_grouping(d, "grouping", lc->grouping) < 0)
        return NULL;
    return d;
}

#define LANGINFO_LIST(X) \
    X(CODESET) X(D_T_FMT) X(D_FMT) X(T_FMT) X(T_FMT_AMPM) X(AM_STR) X(PM_STR) \
    X(DAY_1) X(DAY_2) X(DAY_3) X(DAY_4) X(DAY_5) X(DAY_6) X(DAY_7) \
    X(ABDAY_1) X(ABDAY_2) X(ABDAY_3) X(ABDAY_4) X(ABDAY_5) X(ABDAY_6) X(ABDAY_7) \
    X(MON_1) X(MON_2) X(MON_3) X(MON_4) X(MON_5) X(MON_6) X(MON_7) X(MON_8) X(MON_9) \
    X(MON_10) X(MON_11) X(MON_12) \
    X(ABMON_1) X(ABMON_2) X(ABMON_3) X(ABMON_4) X(ABMON_5) X(ABMON_6) X(ABMON_7) \
    X(ABMON_8) X(ABMON_9) X(ABMON_10) X(ABMON_11) X(ABMON_12) \
    X(RADIXCHAR) X(THOUSEP) X(YESEXPR) X(NOEXPR) X(CRNCYSTR) X(ERA) X(ERA_D_FMT) \
    X(ERA_D_T_FMT) X(ERA_T_FMT) X(ALT_DIGITS) X(_DATE_FMT)

static const struct { const char *name; int value; } langinfo_names[] = {
#define X(n) {#n, n},
    LANGINFO_LIST(X)
#undef X
};
#define N_LANGINFO (sizeof langinfo_names / sizeof langinfo_names[0])

static KnObject *lc_nl_langinfo(KnObject *m, KnObject *arg)
{
    (void)m;
    int key;
    if (int_arg(arg, &key) < 0)
        return NULL;
    for (size_t i = 0; i < N_LANGINFO; i++)
        if (langinfo_names[i].value == key)
            return loc_decode(nl_langinfo((nl_item)key));
    return ob_err_format(ob_exc_ValueError, "unsupported langinfo constant");
}

static KnObject *lc_strcoll(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    if (ob_args_check_positional("strcoll", nargs, 2, 2) < 0
        || str_arg("strcoll", 1, args[0], 0) < 0 || str_arg("strcoll", 2, args[1], 0) < 0)
        return NULL;
    wchar_t *a = to_wide(args[0]), *b = a ? to_wide(args[1]) : NULL;
    return b == NULL ? NULL : ob_int_from_long_long(wcscoll(a, b));
}

static KnObject *lc_strxfrm(KnObject *m, KnObject *arg)
{
    (void)m;
    if (str_arg("strxfrm", 1, arg, 0) < 0)
        return NULL;
    wchar_t *w = to_wide(arg);
    if (w == NULL)
        return NULL;
    size_t n = wcsxfrm(NULL, w, 0);
    wchar_t *out = kgc_alloc_atomic((n + 1) * sizeof(wchar_t));
    uint32_t *cps = kgc_alloc_atomic((n + 1) * sizeof(uint32_t));
    if (out == NULL || cps == NULL)
        return ob_err_nomemory();
    wcsxfrm(out, w, n + 1);
    for (size_t i = 0; i < n; i++)
        cps[i] = (uint32_t)out[i];
    return ob_str_from_codepoints(cps, (kn_ssize_t)n);
}

static KnObject *lc_getencoding(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    const char *cs = nl_langinfo(CODESET);
    return ob_str_from_cstr(cs && *cs ? cs : "UTF-8");
}

/* ---- gettext ---- */

static KnObject *text_or_none(const char *s)
{
    return s == NULL ? KN_None : loc_decode(s);
}

static KnObject *lc_gettext(KnObject *m, KnObject *arg)
{
    (void)m;
    if (str_arg("gettext", 1, arg, 0) < 0)
        return NULL;
    return text_or_none(gettext(ob_str_as_utf8(arg, NULL)));
}

static KnObject *lc_dgettext(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    if (ob_args_check_positional("dgettext", nargs, 2, 2) < 0
        || str_arg("dgettext", 1, args[0], 1) < 0 || str_arg("dgettext", 2, args[1], 0) < 0)
        return NULL;
    return text_or_none(dgettext(utf8_or_null(args[0]), ob_str_as_utf8(args[1], NULL)));
}

static KnObject *lc_dcgettext(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    int cat;
    if (ob_args_check_positional("dcgettext", nargs, 3, 3) < 0
        || str_arg("dcgettext", 1, args[0], 1) < 0 || str_arg("dcgettext", 2, args[1], 0) < 0
        || int_arg(args[2], &cat) < 0)
        return NULL;
    return text_or_none(dcgettext(utf8_or_null(args[0]), ob_str_as_utf8(args[1], NULL), cat));
}

static KnObject *lc_textdomain(KnObject *m, KnObject *arg)
{
    (void)m;
    if (str_arg("textdomain", 1, arg, 1) < 0)
        return NULL;
    const char *r = textdomain(utf8_or_null(arg));
    return r == NULL ? ob_err_from_errno(ob_exc_OSError, NULL) : loc_decode(r);
}

static KnObject *lc_bindtextdomain(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    if (ob_args_check_positional("bindtextdomain", nargs, 2, 2) < 0
        || str_arg("bindtextdomain", 1, args[0], 0) < 0)
        return NULL;
    const char *dir = NULL;
    if (args[1] != KN_None) {
        KnObject *p = KN_STR_CHECK(args[1]) || KN_BYTES_CHECK(args[1]) ? args[1]
                    : ob_call_method(args[1], "__fspath__", 0);
        if (p == NULL)
            return NULL;
        dir = KN_STR_CHECK(p) ? ob_str_as_utf8(p, NULL) : KN_BYTES_CHECK(p) ? KN_BYTES_AS_STRING(p) : NULL;
        if (dir == NULL)
            return NULL;
    }
    const char *r = bindtextdomain(ob_str_as_utf8(args[0], NULL), dir);
    return r == NULL ? ob_err_from_errno(ob_exc_OSError, NULL) : loc_decode(r);
}

static KnObject *lc_bind_textdomain_codeset(KnObject *m, KnObject *const *args, kn_ssize_t nargs)
{
    (void)m;
    if (ob_args_check_positional("bind_textdomain_codeset", nargs, 2, 2) < 0
        || str_arg("bind_textdomain_codeset", 1, args[0], 0) < 0
        || str_arg("bind_textdomain_codeset", 2, args[1], 1) < 0)
        return NULL;
    return text_or_none(bind_textdomain_codeset(ob_str_as_utf8(args[0], NULL), utf8_or_null(args[1])));
}

#define FA(name) {#name, (KnCFunction)(void *)lc_##name, KN_METH_FASTCALL, NULL}
#define O1(name) {#name, (KnCFunction)lc_##name, KN_METH_O, NULL}
static KnMethodDef lc_methods[] = {
    FA(setlocale), {"localeconv", (KnCFunction)lc_localeconv, KN_METH_NOARGS, NULL},
    O1(nl_langinfo), FA(strcoll), O1(strxfrm),
    {"getencoding", (KnCFunction)lc_getencoding, KN_METH_NOARGS, NULL},
    O1(gettext), FA(dgettext), FA(dcgettext), O1(textdomain), FA(bindtextdomain),
    FA(bind_textdomain_codeset),
    {NULL, NULL, 0, NULL}
};

KnObject *kn_init__locale(void)
{
    KnObject *m = ob_module_new_cstr("_locale");
    if (m == NULL || ob_module_add_functions(m, lc_methods) < 0)
        return NULL;
    static const struct { const char *name; int value; } consts[] = {
        {"LC_CTYPE", LC_CTYPE}, {"LC_COLLATE", LC_COLLATE}, {"LC_TIME", LC_TIME},
        {"LC_MONETARY", LC_MONETARY}, {"LC_NUMERIC", LC_NUMERIC}, {"LC_ALL", LC_ALL},
        {"LC_MESSAGES", LC_MESSAGES}, {"CHAR_MAX", CHAR_MAX},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
        if (ob_module_add_object(m, consts[i].name, ob_int_from_long_long(consts[i].value)) < 0)
            return NULL;
    for (size_t i = 0; i < N_LANGINFO; i++)
        if (ob_module_add_object(m, langinfo_names[i].name,
                                 ob_int_from_long_long(langinfo_names[i].value)) < 0)
            return NULL;
    if (locale_error == NULL) {
        KnObject *ns = ob_dict_new();
        if (ns == NULL || ob_dict_setitem_str(ns, "__module__", ob_str_from_cstr("locale")) < 0)
            return NULL;
        KnObject *cls = ob_type_new(&ob_type_type, ob_str_from_cstr("Error"),
                                    ob_tuple_pack(1, (KnObject *)ob_exc_Exception), ns);
        if (cls == NULL)
            return NULL;
        locale_error = (KnTypeObject *)cls;
    }
    if (ob_module_add_object(m, "Error", (KnObject *)locale_error) < 0)
        return NULL;
    return m;
}
