/*
 * sqlite_bind.c — statement helpers of `_sqlite3`: prepare and step with
 * the GIL released, the scan for a second statement after the first, the
 * DML test behind implicit transactions, and parameter binding (qmark
 * sequences and named mappings, with adaptation through sq_adapt).
 */
#include <limits.h>
#include <string.h>
#include <strings.h>

#include "sqlite_internal.h"
#include "sqlite_stmt.h"
#include "libobject/tstate.h"

int sq_prepare(SqConnection *c, const char *sql, int len, sqlite3_stmt **out, const char **tail)
{
    ob_gil_release();
    int rc = sqlite3_prepare_v2(c->db, sql, len, out, tail);
    ob_gil_acquire();
    if (rc != SQLITE_OK) {
        if (!ob_err_occurred())
            sq_set_db_error(c->db);
        *out = NULL;
        return -1;
    }
    return 0;
}

int sq_step(sqlite3_stmt *stmt)
{
    ob_gil_release();
    int rc = sqlite3_step(stmt);
    ob_gil_acquire();
    return rc;
}

/* Past white space and SQL comments. */
const char *sq_skip_blank(const char *p)
{
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
            p++;
        if (p[0] == '-' && p[1] == '-') {
            while (*p && *p != '\n')
                p++;
        } else if (p[0] == '/' && p[1] == '*') {
            const char *end = strstr(p + 2, "*/");
            if (end == NULL)
                return p + strlen(p);
            p = end + 2;
        } else {
            return p;
        }
    }
}

int sq_is_dml(const char *sql)
{
    const char *p = sq_skip_blank(sql);
    static const char *const kw[] = {"INSERT", "UPDATE", "DELETE", "REPLACE"};
    for (int i = 0; i < 4; i++) {
        size_t n = strlen(kw[i]);
        if (strncasecmp(p, kw[i], n) == 0)
            return 1;
    }
    return 0;
}

static int sq_bind_one(sqlite3_stmt *st, int pos, KnObject *v)
{
    int need = sq_base_types_adapted
        || !(KN_TYPE(v) == &ob_int_type || KN_TYPE(v) == &ob_float_type
             || KN_TYPE(v) == &ob_str_type || KN_TYPE(v) == &ob_bytearray_type);
    if (need && v != KN_None) {
        v = sq_adapt(v, (KnObject *)&sq_prepare_protocol_type, v);
        if (v == NULL)
            return -1;
    }
    int rc;
    if (v == KN_None) {
        rc = sqlite3_bind_null(st, pos);
    } else if (KN_INT_CHECK(v)) {
        int overflow = 0;
        long long x = ob_int_as_long_long_and_overflow(v, &overflow);
        if (overflow) {
            ob_err_set_string(ob_exc_OverflowError, "Python int too large to convert to SQLite INTEGER");
            return -1;
        }
        if (x == -1 && ob_err_occurred())
            return -1;
        rc = sqlite3_bind_int64(st, pos, x);
    } else if (KN_FLOAT_CHECK(v) || ob_type_is_subtype(KN_TYPE(v), &ob_float_type)) {
        rc = sqlite3_bind_double(st, pos, ob_float_as_double(v));
    } else if (KN_STR_CHECK(v)) {
        kn_ssize_t n;
        const char *s = ob_str_as_utf8(v, &n);
        if (s == NULL)
            return -1;
        if (n > INT_MAX) {
            ob_err_set_string(ob_exc_OverflowError, "string longer than INT_MAX bytes");
            return -1;
        }
        rc = sqlite3_bind_text(st, pos, s, (int)n, SQLITE_TRANSIENT);
    } else if (ob_buffer_check(v)) {
        KnBuffer view;
        if (ob_buffer_get(v, &view, KN_BUF_SIMPLE) < 0)
            return -1;
        if (view.len > INT_MAX) {
            ob_buffer_release(&view);
            ob_err_set_string(ob_exc_OverflowError, "BLOB longer than INT_MAX bytes");
            return -1;
        }
        rc = sqlite3_bind_blob(st, pos, view.buf, (int)view.len, SQLITE_TRANSIENT);
        ob_buffer_release(&view);
    } else {
        rc = -1;
    }
    if (rc != SQLITE_OK) {
        ob_err_format((KnTypeObject *)sq_ProgrammingError, "Error binding parameter %d: type '%s' is not supported",
                      pos, ob_type_name(KN_TYPE(v)));
        return -1;
    }
    return 0;
}

static int sq_is_sequence(KnObject *o)
{
    KnTypeObject *t = KN_TYPE(o);
    return !KN_DICT_CHECK(o) && t->tp_as_sequence != NULL && t->tp_as_sequence->sq_item != NULL;
}

static int sq_is_mapping(KnObject *o)
{
    KnTypeObject *t = KN_TYPE(o);
    return KN_DICT_CHECK(o) || (t->tp_as_mapping != NULL && t->tp_as_mapping->mp_subscript != NULL);
}

int sq_bind_parameters(sqlite3_stmt *st, KnObject *params)
{
    int n = sqlite3_bind_parameter_count(st);
    if (params == NULL)
        params = ob_tuple_empty();
    if (KN_TUPLE_CHECK(params) || KN_LIST_CHECK(params) || (!KN_STR_CHECK(params) && sq_is_sequence(params))) {
        kn_ssize_t given = ob_length(params);
        if (given < 0)
            return -1;
        if (given != n) {
            ob_err_format((KnTypeObject *)sq_ProgrammingError,
                          "Incorrect number of bindings supplied. The current statement uses %d, and there are %zd supplied.",
                          n, given);
            return -1;
        }
        for (int i = 0; i < n; i++) {
            KnObject *v = ob_sequence_getitem(params, i);
            if (v == NULL || sq_bind_one(st, i + 1, v) < 0)
                return -1;
        }
        return 0;
    }
    if (!KN_STR_CHECK(params) && sq_is_mapping(params)) {
        for (int i = 1; i <= n; i++) {
            const char *name = sqlite3_bind_parameter_name(st, i);
            if (name == NULL) {
                ob_err_format((KnTypeObject *)sq_ProgrammingError,
                              "Binding %d has no name, but you supplied a dictionary (which has only names).", i);
                return -1;
            }
            name++;   /* past ':', '@' or '$' */
            KnObject *key = ob_str_from_utf8(name, (kn_ssize_t)strlen(name));
            if (key == NULL)
                return -1;
            KnObject *v = ob_getitem(params, key);
            if (v == NULL) {
                if (ob_err_matches((KnObject *)ob_exc_KeyError)) {
                    ob_err_format((KnTypeObject *)sq_ProgrammingError,
                                  "You did not supply a value for binding parameter :%s.", name);
                }
                return -1;
            }
            if (sq_bind_one(st, i, v) < 0)
                return -1;
        }
        return 0;
    }
    sq_raise(sq_ProgrammingError, "parameters are of unsupported type");
    return -1;
}
