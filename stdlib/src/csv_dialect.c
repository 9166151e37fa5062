/*
 * csv_dialect.c — `_csv.Dialect`: the immutable, validated set of CSV
 * options, and the dialect registry (register_dialect, get_dialect, ...).
 *
 * Dialect(dialect=None, delimiter=, doublequote=, escapechar=,
 * lineterminator=, quotechar=, quoting=, skipinitialspace=, strict=):
 * an option not given is read from `dialect` (a registered name or any
 * object; a missing attribute means the default), then checked with
 * CPython 3.11's messages.  A Dialect passed alone is returned as is.
 */
#include <stdarg.h>

#include "csv_internal.h"

static const char *const dialect_names[] = {
    "dialect", "delimiter", "doublequote", "escapechar", "lineterminator",
    "quotechar", "quoting", "skipinitialspace", "strict", NULL};
enum { D_DIALECT, D_DELIM, D_DQUOTE, D_ESC, D_LINETERM, D_QUOTECHAR, D_QUOTING, D_SKIPSP,
       D_STRICT, D_COUNT };

KnObject *csv_dialects;   /* name -> Dialect */

static int set_char(const char *name, uint32_t *target, KnObject *src, uint32_t dflt, int none_ok)
{
    if (src == NULL) {
        *target = dflt;
        return 0;
    }
    if (none_ok && src == KN_None) {
        *target = CSV_NOT_SET;
        return 0;
    }
    if (!KN_STR_CHECK(src)) {
        ob_err_format(ob_exc_TypeError, none_ok ? "\"%s\" must be string or None, not %.200s"
                                                : "\"%s\" must be string, not %.200s",
                      name, KN_TYPE(src)->tp_name);
        return -1;
    }
    if (KN_STR_LEN(src) != 1) {
        ob_err_format(ob_exc_TypeError, "\"%s\" must be a 1-character string", name);
        return -1;
    }
    *target = ob_str_read_char(src, 0);
    return 0;
}

static int set_bool(char *target, KnObject *src, int dflt)
{
    int v = src == NULL ? dflt : ob_is_true(src);
    if (v < 0)
        return -1;
    *target = (char)v;
    return 0;
}

static KnObject *dialect_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    KnObject *v[D_COUNT] = {0};
    kn_ssize_t n = KN_SIZE(args);
    if (n > D_COUNT)
        return ob_err_format(ob_exc_TypeError, "function takes at most %d arguments (%zd given)",
                             D_COUNT, n);
    for (kn_ssize_t i = 0; i < n; i++)
        v[i] = KN_TUPLE_GET(args, i);
    if (kwargs != NULL) {
        kn_ssize_t pos = 0;
        KnObject *key, *val;
        while (ob_dict_next(kwargs, &pos, &key, &val)) {
            int found = -1;
            for (int i = 0; i < D_COUNT && KN_STR_CHECK(key); i++)
                if (ob_str_equal_cstr(key, dialect_names[i]))
                    found = i;
            if (found < 0)
                return ob_err_format(ob_exc_TypeError,
                                     "'%U' is an invalid keyword argument for this function", key);
            if (v[found] != NULL)
                return ob_err_format(ob_exc_TypeError,
                                     "argument for function given by name ('%s') and position (%d)",
                                     dialect_names[found], found + 1);
            v[found] = val;
        }
    }
    KnObject *dialect = v[D_DIALECT];
    if (dialect != NULL) {
        if (KN_STR_CHECK(dialect)) {
            dialect = ob_dict_getitem(csv_dialects, dialect);
            if (dialect == NULL) {
                if (ob_err_occurred())
                    return NULL;
                return csv_err("unknown dialect");
            }
        }
        int only = 1;
        for (int i = 1; i < D_COUNT; i++)
            if (v[i] != NULL)
                only = 0;
        if (only && ob_type_is_subtype(KN_TYPE(dialect), &csv_dialect_type))
            return dialect;
        for (int i = 1; i < D_COUNT; i++) {
            if (v[i] != NULL)
                continue;
            KnObject *a = NULL;
            if (ob_lookup_attr(dialect, ob_str_intern_cstr(dialect_names[i]), &a) < 0)
                ob_err_clear();
            v[i] = a;
        }
    }
    CsvDialect *d = (CsvDialect *)ob_type_generic_alloc(t, 0);
    if (d == NULL)
        return NULL;
    if (set_char("delimiter", &d->delimiter, v[D_DELIM], ',', 0) < 0 ||
        set_bool(&d->doublequote, v[D_DQUOTE], 1) < 0 ||
        set_char("escapechar", &d->escapechar, v[D_ESC], CSV_NOT_SET, 1) < 0)
        return NULL;
    KnObject *lt = v[D_LINETERM];
    if (lt == NULL) {
        d->lineterminator = ob_str_from_cstr("\r\n");
    } else if (lt == KN_None) {
        d->lineterminator = NULL;
    } else if (!KN_STR_CHECK(lt)) {
        return ob_err_format(ob_exc_TypeError, "\"%s\" must be a string", "lineterminator");
    } else {
        d->lineterminator = lt;
    }
    if (set_char("quotechar", &d->quotechar, v[D_QUOTECHAR], '"', 1) < 0)
        return NULL;
    KnObject *q = v[D_QUOTING];
    d->quoting = CSV_QUOTE_MINIMAL;
    if (q != NULL) {
        if (!KN_INT_CHECK_EXACT(q))
            return ob_err_format(ob_exc_TypeError, "\"%s\" must be an integer", "quoting");
        int overflow;
        long long qv = ob_int_as_long_long_and_overflow(q, &overflow);
        if (overflow || qv < INT32_MIN || qv > INT32_MAX)
            return ob_err_format(ob_exc_OverflowError, "Python int too large to convert to C int");
        d->quoting = (int)qv;
    }
    if (set_bool(&d->skipinitialspace, v[D_SKIPSP], 0) < 0 || set_bool(&d->strict, v[D_STRICT], 0) < 0)
        return NULL;
    if (d->quoting < CSV_QUOTE_MINIMAL || d->quoting > CSV_QUOTE_NONE)
        return ob_err_format(ob_exc_TypeError, "bad \"quoting\" value");
    if (v[D_QUOTECHAR] == KN_None && q == NULL)
        d->quoting = CSV_QUOTE_NONE;
    if (d->quoting != CSV_QUOTE_NONE && d->quotechar == CSV_NOT_SET)
        return ob_err_format(ob_exc_TypeError, "quotechar must be set if quoting enabled");
    if (d->lineterminator == NULL)
        return ob_err_format(ob_exc_TypeError, "lineterminator must be set");
    return (KnObject *)d;
}

KnObject *csv_call_dialect(KnObject *dialect, KnObject *kwargs)
{
    KnObject *args = dialect != NULL ? ob_tuple_pack(1, dialect) : ob_tuple_empty();
    if (args == NULL)
        return NULL;
    return ob_call((KnObject *)&csv_dialect_type, args, kwargs);
}

#define DIALECT(o) ((CsvDialect *)(o))

static KnObject *char_or_none(uint32_t c)
{
    return c == CSV_NOT_SET ? KN_None : ob_str_from_char(c);
}

static KnObject *get_delimiter(KnObject *o, void *c)
{
    (void)c;
    return char_or_none(DIALECT(o)->delimiter);
}

static KnObject *get_escapechar(KnObject *o, void *c)
{
    (void)c;
    return char_or_none(DIALECT(o)->escapechar);
}

static KnObject *get_quotechar(KnObject *o, void *c)
{
    (void)c;
    return char_or_none(DIALECT(o)->quotechar);
}

static KnObject *get_lineterminator(KnObject *o, void *c)
{
    (void)c;
    return DIALECT(o)->lineterminator;
}

static KnObject *get_quoting(KnObject *o, void *c)
{
    (void)c;
    return ob_int_from_long_long(DIALECT(o)->quoting);
}

static KnGetSetDef dialect_getset[] = {
    {"delimiter", get_delimiter, NULL, NULL, NULL},
    {"escapechar", get_escapechar, NULL, NULL, NULL},
    {"lineterminator", get_lineterminator, NULL, NULL, NULL},
    {"quotechar", get_quotechar, NULL, NULL, NULL},
    {"quoting", get_quoting, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static KnMemberDef dialect_members[] = {
    {"skipinitialspace", KN_T_BOOL, offsetof(CsvDialect, skipinitialspace), KN_READONLY, NULL},
    {"doublequote", KN_T_BOOL, offsetof(CsvDialect, doublequote), KN_READONLY, NULL},
    {"strict", KN_T_BOOL, offsetof(CsvDialect, strict), KN_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

KnTypeObject csv_dialect_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_csv.Dialect",
    .tp_basicsize = sizeof(CsvDialect),
    .tp_getattro = ob_generic_getattr,
    .tp_setattro = ob_generic_setattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_doc = "CSV dialect\n\nThe Dialect type records CSV parsing and generation options.\n",
    .tp_members = dialect_members,
    .tp_getset = dialect_getset,
    .tp_new = dialect_new,
};

/* ---- the registry ---- */

KnObject *csv_register_dialect(KnObject *m, KnObject *args, KnObject *kwargs)
{
    (void)m;
    kn_ssize_t n = KN_SIZE(args);
    if (n < 1 || n > 2)
        return ob_err_format(ob_exc_TypeError, "register_dialect() expected at %s argument%s, got %zd",
                             n < 1 ? "least 1" : "most 2", n < 1 ? "" : "s", n);
    KnObject *name = KN_TUPLE_GET(args, 0);
    if (!KN_STR_CHECK(name))
        return ob_err_format(ob_exc_TypeError, "dialect name must be a string");
    KnObject *d = csv_call_dialect(n > 1 ? KN_TUPLE_GET(args, 1) : NULL, kwargs);
    if (d == NULL || ob_dict_setitem(csv_dialects, name, d) < 0)
        return NULL;
    return KN_None;
}

KnObject *csv_unregister_dialect(KnObject *m, KnObject *const *args, kn_ssize_t nargs,
                                 KnObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"name", NULL};
    static const KnArgSpec spec = {"unregister_dialect", names, 1, 1, 0};
    KnObject *name;
    if (ob_args_parse(&spec, args, nargs, kwnames, &name) < 0)
        return NULL;
    int has = ob_dict_contains(csv_dialects, name);
    if (has < 0)
        return NULL;
    if (!has)
        return csv_err("unknown dialect");
    return ob_dict_delitem(csv_dialects, name) < 0 ? NULL : KN_None;
}

KnObject *csv_get_dialect(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"name", NULL};
    static const KnArgSpec spec = {"get_dialect", names, 1, 1, 0};
    KnObject *name;
    if (ob_args_parse(&spec, args, nargs, kwnames, &name) < 0)
        return NULL;
    KnObject *d = ob_dict_getitem(csv_dialects, name);
    if (d == NULL && !ob_err_occurred())
        return csv_err("unknown dialect");
    return d;
}

KnObject *csv_list_dialects(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    return ob_dict_keys_list(csv_dialects);
}

KnObject *csv_err(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ob_err_formatv((KnTypeObject *)csv_error, fmt, ap);
    va_end(ap);
    return NULL;
}
