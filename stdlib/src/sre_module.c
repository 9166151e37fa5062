/*
 * sre_module.c — the _sre module: compile, the constants re/_compiler.py
 * checks (MAGIC, CODESIZE, MAXREPEAT, MAXGROUPS), getcodesize and the case
 * helpers of the compiler.
 */
#include "stdlib/modules.h"
#include "sre_internal.h"

#define FC(f) ((KnCFunction)(void (*)(void))(f))

static KnObject *m_compile(KnObject *mod, KnObject *const *args, kn_ssize_t n, KnObject *kw)
{
    (void)mod;
    static const char *const names[] = { "pattern", "flags", "code", "groups", "groupindex",
                                         "indexgroup", NULL };
    static const KnArgSpec spec = { "compile", names, 6, 6, 0 };
    KnObject *a[6];
    if (ob_args_parse(&spec, args, n, kw, a) < 0)
        return NULL;
    kn_ssize_t flags = ob_number_as_ssize(a[1], ob_exc_OverflowError);
    if (flags == -1 && ob_err_occurred())
        return NULL;
    kn_ssize_t groups = ob_number_as_ssize(a[3], ob_exc_OverflowError);
    if (groups == -1 && ob_err_occurred())
        return NULL;
    if (!KN_DICT_CHECK(a[4])) {
        ob_err_format(ob_exc_TypeError, "compile() argument 'groupindex' must be dict, not %s",
                      ob_type_name(KN_TYPE(a[4])));
        return NULL;
    }
    if (!KN_TUPLE_CHECK(a[5])) {
        ob_err_format(ob_exc_TypeError, "compile() argument 'indexgroup' must be tuple, not %s",
                      ob_type_name(KN_TYPE(a[5])));
        return NULL;
    }
    return sre_pattern_compile(a[0], (int)flags, a[2], groups, a[4], a[5]);
}

static int char_arg(KnObject *o, uint32_t *ch)
{
    kn_ssize_t v = ob_number_as_ssize(o, ob_exc_OverflowError);
    if (v == -1 && ob_err_occurred())
        return -1;
    *ch = (uint32_t)v;
    return 0;
}

static KnObject *m_getcodesize(KnObject *mod, KnObject *unused)
{
    (void)mod;
    (void)unused;
    return ob_int_from_ssize(4);
}

static KnObject *m_ascii_iscased(KnObject *mod, KnObject *o)
{
    (void)mod;
    uint32_t ch;
    if (char_arg(o, &ch) < 0)
        return NULL;
    return KN_BOOL(ch < 128 && ((ch | 32) >= 'a' && (ch | 32) <= 'z'));
}

static KnObject *m_unicode_iscased(KnObject *mod, KnObject *o)
{
    (void)mod;
    uint32_t ch;
    if (char_arg(o, &ch) < 0)
        return NULL;
    return KN_BOOL(ch != sre_lower_unicode(ch) || ch != sre_upper_unicode(ch));
}

static KnObject *m_ascii_tolower(KnObject *mod, KnObject *o)
{
    (void)mod;
    uint32_t ch;
    if (char_arg(o, &ch) < 0)
        return NULL;
    return ob_int_from_ssize(sre_lower_ascii(ch));
}

static KnObject *m_unicode_tolower(KnObject *mod, KnObject *o)
{
    (void)mod;
    uint32_t ch;
    if (char_arg(o, &ch) < 0)
        return NULL;
    return ob_int_from_ssize(sre_lower_unicode(ch));
}

static KnMethodDef sre_functions[] = {
    {"compile", FC(m_compile), KN_METH_FASTCALL | KN_METH_KEYWORDS, NULL},
    {"getcodesize", FC(m_getcodesize), KN_METH_NOARGS, NULL},
    {"ascii_iscased", FC(m_ascii_iscased), KN_METH_O, NULL},
    {"unicode_iscased", FC(m_unicode_iscased), KN_METH_O, NULL},
    {"ascii_tolower", FC(m_ascii_tolower), KN_METH_O, NULL},
    {"unicode_tolower", FC(m_unicode_tolower), KN_METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

KnObject *kn_init__sre(void)
{
    if (ob_type_ready(&sre_pattern_type) < 0 || ob_type_ready(&sre_match_type) < 0 ||
        ob_type_ready(&sre_scanner_type) < 0)
        return NULL;
    KnObject *m = ob_module_new_cstr("_sre");
    if (m == NULL || ob_module_add_functions(m, sre_functions) < 0 ||
        ob_module_add_object(m, "MAGIC", ob_int_from_ssize(SRE_MAGIC)) < 0 ||
        ob_module_add_object(m, "CODESIZE", ob_int_from_ssize(4)) < 0 ||
        ob_module_add_object(m, "MAXREPEAT", ob_int_from_ssize(SRE_MAXREPEAT)) < 0 ||
        ob_module_add_object(m, "MAXGROUPS", ob_int_from_ssize(SRE_MAXGROUPS)) < 0 ||
        ob_module_add_object(m, "copyright",
                             ob_str_from_cstr(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret "
                                              "Labs AB ")) < 0)
        return NULL;
    return m;
}
