/*
 * sqlite_cursor.c — sqlite3.Cursor: execute / executemany (implicit
 * BEGIN before DML while isolation_level is not None), executescript,
 * the fetch methods and iteration, description, rowcount, lastrowid.
 *
 * A cursor reads one step ahead: after execute the statement stands on
 * its first row (has_row), each fetch builds that row and steps again,
 * and the statement is finalized as soon as it reports SQLITE_DONE.
 */
#include <limits.h>
#include <string.h>

#include "sqlite_internal.h"
#include "sqlite_stmt.h"

#define CUR(o) ((SqCursor *)(o))

/* A statement of a connection closed since is gone already. */
static void sq_cursor_forget_stale(SqCursor *cur)
{
    if (cur->stmt != NULL && cur->stmt_generation != cur->conn->generation) {
        cur->stmt = NULL;
        cur->has_row = 0;
    }
}

static void sq_cursor_drop_stmt(SqCursor *cur)
{
    if (cur->stmt != NULL && cur->conn->db != NULL && cur->stmt_generation == cur->conn->generation)
        sqlite3_finalize(cur->stmt);
    cur->stmt = NULL;
    cur->has_row = 0;
}

static int sq_cursor_check(SqCursor *cur)
{
    if (!cur->initialized) {
        sq_raise(sq_ProgrammingError, "Base Cursor.__init__ not called.");
        return -1;
    }
    if (cur->closed) {
        sq_raise(sq_ProgrammingError, "Cannot operate on a closed cursor.");
        return -1;
    }
    if (cur->locked) {
        sq_raise(sq_ProgrammingError, "Recursive use of cursors not allowed.");
        return -1;
    }
    return sq_check_connection(cur->conn);
}

static KnObject *sq_cursor_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    (void)args; (void)kwargs;
    SqCursor *cur = (SqCursor *)ob_type_generic_alloc(t, 0);
    if (cur == NULL)
        return NULL;
    cur->description = KN_None;
    cur->lastrowid = KN_None;
    cur->row_factory = KN_None;
    cur->rowcount = -1;
    cur->arraysize = 1;
    return (KnObject *)cur;
}

static int sq_cursor_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    static const char *const names[] = {"", NULL};
    static const KnArgSpec spec = {"Cursor", names, 1, 1, 0};
    KnObject *a[1] = {0};
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0)
        return -1;
    if (!ob_type_is_subtype(KN_TYPE(a[0]), &sq_connection_type)) {
        ob_err_format(ob_exc_TypeError, "Cursor() argument 1 must be sqlite3.Connection, not %s",
                      ob_type_name(KN_TYPE(a[0])));
        return -1;
    }
    SqCursor *cur = CUR(self);
    if (cur->locked) {
        sq_raise(sq_ProgrammingError, "Recursive use of cursors not allowed.");
        return -1;
    }
    cur->conn = (SqConnection *)a[0];
    cur->description = KN_None;
    cur->lastrowid = KN_None;
    cur->row_factory = KN_None;
    cur->rowcount = -1;
    cur->arraysize = 1;
    cur->initialized = 1;
    return 0;
}

/* The converter for column i (detect_types), or None. */
static KnObject *sq_column_converter(SqCursor *cur, int i)
{
    int detect = cur->conn->detect_types;
    if (detect & 2) {
        const char *name = sqlite3_column_name(cur->stmt, i);
        const char *lb = name ? strchr(name, '[') : NULL;
        const char *rb = lb ? strchr(lb + 1, ']') : NULL;
        if (rb != NULL) {
            KnObject *key = ob_str_from_utf8(lb + 1, rb - lb - 1);
            KnObject *up = key ? ob_call_method(key, "upper", 0) : NULL;
            if (up == NULL)
                return NULL;
            KnObject *conv = ob_dict_getitem(sq_converters, up);
            if (conv != NULL)
                return conv;
            if (ob_err_occurred())
                return NULL;
        }
    }
    if (detect & 1) {
        const char *decl = sqlite3_column_decltype(cur->stmt, i);
        if (decl != NULL) {
            size_t n = 0;
            while (decl[n] && decl[n] != ' ' && decl[n] != '(')
                n++;
            KnObject *key = ob_str_from_utf8(decl, (kn_ssize_t)n);
            KnObject *up = key ? ob_call_method(key, "upper", 0) : NULL;
            if (up == NULL)
                return NULL;
            KnObject *conv = ob_dict_getitem(sq_converters, up);
            if (conv != NULL)
                return conv;
            if (ob_err_occurred())
                return NULL;
        }
    }
    return KN_None;
}

/* The column name shown in description (PARSE_COLNAMES cuts " [type]"). */
static KnObject *sq_column_name(SqCursor *cur, int i)
{
    const char *name = sqlite3_column_name(cur->stmt, i);
    if (name == NULL) {
        ob_err_nomemory();
        return NULL;
    }
    size_t n = strlen(name);
    if (cur->conn->detect_types & 2) {
        const char *lb = strchr(name, '[');
        if (lb != NULL) {
            if (lb != name && lb[-1] == ' ')
                lb--;
            n = (size_t)(lb - name);
        }
    }
    return ob_str_from_utf8(name, (kn_ssize_t)n);
}

static int sq_cursor_describe(SqCursor *cur)
{
    int ncol = sqlite3_column_count(cur->stmt);
    if (ncol == 0) {
        cur->description = KN_None;
        cur->converters = NULL;
        return 0;
    }
    KnObject *desc = ob_tuple_new(ncol);
    KnObject *convs = ob_list_new(0);
    if (desc == NULL || convs == NULL)
        return -1;
    for (int i = 0; i < ncol; i++) {
        KnObject *name = sq_column_name(cur, i);
        if (name == NULL)
            return -1;
        KnObject *item = ob_tuple_pack(7, name, KN_None, KN_None, KN_None, KN_None, KN_None, KN_None);
        KnObject *conv = cur->conn->detect_types ? sq_column_converter(cur, i) : KN_None;
        if (item == NULL || conv == NULL || ob_list_append(convs, conv) < 0)
            return -1;
        KN_TUPLE_ITEMS(desc)[i] = item;
    }
    cur->description = desc;
    cur->converters = convs;
    return 0;
}

int sq_prepare_one(SqConnection *c, KnObject *sql, sqlite3_stmt **out, const char **sqltext)
{
    kn_ssize_t len;
    const char *text = ob_str_as_utf8(sql, &len);
    if (text == NULL)
        return -1;
    if (strlen(text) != (size_t)len) {
        sq_raise(sq_ProgrammingError, "the query contains a null character");
        return -1;
    }
    if (len > sqlite3_limit(c->db, SQLITE_LIMIT_SQL_LENGTH, -1)) {
        sq_raise(sq_DataError, "query string is too large");
        return -1;
    }
    const char *tail;
    if (sq_prepare(c, text, (int)len + 1, out, &tail) < 0)
        return -1;
    if (*sq_skip_blank(tail) != '\0') {
        sqlite3_finalize(*out);
        *out = NULL;
        sq_raise(sq_ProgrammingError, "You can only execute one statement at a time.");
        return -1;
    }
    *sqltext = text;
    return 0;
}

KnObject *sq_cursor_execute_impl(SqCursor *cur, KnObject *sql, KnObject *params, int many)
{
    const char *fname = many ? "executemany" : "execute";
    if (sq_cursor_check(cur) < 0)
        return NULL;
    if (!KN_STR_CHECK(sql)) {
        ob_err_format(ob_exc_TypeError, "%s() argument 1 must be str, not %s", fname, ob_type_name(KN_TYPE(sql)));
        return NULL;
    }
    SqConnection *c = cur->conn;
    sq_cursor_drop_stmt(cur);
    cur->description = KN_None;
    cur->converters = NULL;
    cur->rowcount = -1;
    sqlite3_stmt *st;
    const char *text;
    if (sq_prepare_one(c, sql, &st, &text) < 0)
        return NULL;
    if (st == NULL)
        return (KnObject *)cur;
    int dml = sq_is_dml(text);
    KnObject *iter = NULL;
    if (many) {
        if (!dml) {
            sqlite3_finalize(st);
            sq_raise(sq_ProgrammingError, "executemany() can only execute DML statements.");
            return NULL;
        }
        if ((iter = ob_get_iter(params)) == NULL) {
            sqlite3_finalize(st);
            return NULL;
        }
    }
    cur->dml = dml;
    if (dml)
        cur->rowcount = 0;
    cur->stmt = st;
    cur->stmt_generation = c->generation;
    cur->locked = 1;
    int rc = SQLITE_DONE;
    for (;;) {
        KnObject *p = params;
        if (many) {
            p = ob_iter_next(iter);
            if (p == NULL) {
                if (ob_err_occurred())
                    goto error;
                break;
            }
        }
        if (dml && c->isolation_level != KN_None && sqlite3_get_autocommit(c->db)) {
            KnObject *begin = ob_str_concat(ob_str_from_cstr("BEGIN "), c->isolation_level);
            const char *b = begin ? ob_str_as_utf8(begin, NULL) : NULL;
            if (b == NULL || sq_exec_simple(c, b) < 0)
                goto error;
        }
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        if (sq_bind_parameters(st, p) < 0)
            goto error;
        rc = sq_step(st);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
            if (!ob_err_occurred())
                sq_set_db_error(c->db);
            goto error;
        }
        if (cur->description == KN_None && sq_cursor_describe(cur) < 0)
            goto error;
        if (rc == SQLITE_ROW && many) {
            sq_raise(sq_ProgrammingError, "executemany() can only execute DML statements.");
            goto error;
        }
        if (dml && rc == SQLITE_DONE)
            cur->rowcount += sqlite3_changes(c->db);
        if (!many)
            break;
    }
    cur->lastrowid = ob_int_from_long_long(sqlite3_last_insert_rowid(c->db));
    cur->locked = 0;
    if (rc == SQLITE_ROW)
        cur->has_row = 1;
    else
        sq_cursor_drop_stmt(cur);
    return (KnObject *)cur;
error:
    cur->locked = 0;
    sq_cursor_drop_stmt(cur);
    return NULL;
}

KnObject *sq_cursor_executescript_impl(SqCursor *cur, KnObject *script)
{
    if (!KN_STR_CHECK(script)) {
        ob_err_format(ob_exc_TypeError, "executescript() argument must be str, not %s",
                      ob_type_name(KN_TYPE(script)));
        return NULL;
    }
    if (sq_cursor_check(cur) < 0)
        return NULL;
    SqConnection *c = cur->conn;
    kn_ssize_t len;
    const char *text = ob_str_as_utf8(script, &len);
    if (text == NULL)
        return NULL;
    if (strlen(text) != (size_t)len) {
        ob_err_set_string(ob_exc_ValueError, "embedded null character");
        return NULL;
    }
    if (len > sqlite3_limit(c->db, SQLITE_LIMIT_SQL_LENGTH, -1)) {
        sq_raise(sq_DataError, "query string is too large");
        return NULL;
    }
    sq_cursor_drop_stmt(cur);
    cur->description = KN_None;
    if (!sqlite3_get_autocommit(c->db) && sq_exec_simple(c, "COMMIT") < 0)
        return NULL;
    const char *p = text;
    while (*p) {
        sqlite3_stmt *st;
        const char *tail;
        if (sq_prepare(c, p, -1, &st, &tail) < 0)
            return NULL;
        if (st != NULL) {
            int rc;
            while ((rc = sq_step(st)) == SQLITE_ROW)
                ;
            sqlite3_finalize(st);
            if (rc != SQLITE_DONE) {
                if (!ob_err_occurred())
                    sq_set_db_error(c->db);
                return NULL;
            }
        }
        p = tail;
    }
    return (KnObject *)cur;
}

static KnObject *sq_cursor_execute(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    if (ob_args_no_keywords("execute", kw) < 0 || ob_args_check_positional("execute", nargs, 1, 2) < 0)
        return NULL;
    return sq_cursor_execute_impl(CUR(self), args[0], nargs > 1 ? args[1] : NULL, 0);
}

static KnObject *sq_cursor_executemany(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    if (ob_args_no_keywords("executemany", kw) < 0 || ob_args_check_positional("executemany", nargs, 2, 2) < 0)
        return NULL;
    return sq_cursor_execute_impl(CUR(self), args[0], args[1], 1);
}

static KnObject *sq_cursor_executescript(KnObject *self, KnObject *arg)
{
    return sq_cursor_executescript_impl(CUR(self), arg);
}

/* Column i of the current row as a Python object. */
static KnObject *sq_column_value(SqCursor *cur, int i)
{
    sqlite3_stmt *st = cur->stmt;
    int type = sqlite3_column_type(st, i);
    KnObject *conv = cur->converters ? ob_sequence_getitem(cur->converters, i) : KN_None;
    if (conv == NULL)
        return NULL;
    if (conv != KN_None && type != SQLITE_NULL) {
        const void *data = sqlite3_column_blob(st, i);
        int n = sqlite3_column_bytes(st, i);
        if (data == NULL)          /* a zero-sized value: None, as 3.11 */
            return KN_None;
        KnObject *b = ob_bytes_from_data(data, n);
        return b ? ob_call_onearg(conv, b) : NULL;
    }
    switch (type) {
    case SQLITE_NULL:
        return KN_None;
    case SQLITE_INTEGER:
        return ob_int_from_long_long(sqlite3_column_int64(st, i));
    case SQLITE_FLOAT:
        return ob_float_from_double(sqlite3_column_double(st, i));
    case SQLITE_TEXT: {
        const char *s = (const char *)sqlite3_column_text(st, i);
        int n = sqlite3_column_bytes(st, i);
        KnObject *tf = cur->conn->text_factory;
        if (tf == (KnObject *)&ob_str_type) {
            KnObject *r = ob_str_from_utf8(s, n);
            if (r == NULL && ob_err_matches((KnObject *)ob_exc_UnicodeDecodeError)) {
                ob_err_clear();
                KnObject *shown = ob_str_decode_utf8(s, n, "replace");
                const char *name = sqlite3_column_name(st, i);
                if (shown != NULL)
                    ob_err_format((KnTypeObject *)sq_OperationalError,
                                  "Could not decode to UTF-8 column '%s' with text '%U'", name ? name : "", shown);
            }
            return r;
        }
        KnObject *b = ob_bytes_from_data(s, n);
        if (b == NULL || tf == (KnObject *)&ob_bytes_type)
            return b;
        return ob_call_onearg(tf, b);
    }
    default:
        return ob_bytes_from_data(sqlite3_column_blob(st, i), sqlite3_column_bytes(st, i));
    }
}

/* The next row (after row_factory), NULL with no error at the end. */
static KnObject *sq_cursor_next_row(SqCursor *cur)
{
    if (sq_cursor_check(cur) < 0)
        return NULL;
    sq_cursor_forget_stale(cur);
    if (!cur->has_row)
        return NULL;
    int ncol = sqlite3_data_count(cur->stmt);
    KnObject *row = ob_tuple_new(ncol);
    if (row == NULL)
        return NULL;
    cur->locked = 1;               /* converters may not reuse the cursor */
    for (int i = 0; i < ncol; i++) {
        KnObject *v = sq_column_value(cur, i);
        if (v == NULL) {
            cur->locked = 0;
            return NULL;
        }
        KN_TUPLE_ITEMS(row)[i] = v;
    }
    cur->locked = 0;
    int rc = sq_step(cur->stmt);
    if (rc == SQLITE_DONE) {
        if (cur->dml)              /* UPDATE ... RETURNING ends here */
            cur->rowcount = sqlite3_changes(cur->conn->db);
        sq_cursor_drop_stmt(cur);
    } else if (rc != SQLITE_ROW) {
        if (!ob_err_occurred())
            sq_set_db_error(cur->conn->db);
        sq_cursor_drop_stmt(cur);
        return NULL;
    }
    if (cur->row_factory != KN_None) {
        KnObject *args[2] = {(KnObject *)cur, row};
        return ob_vectorcall(cur->row_factory, args, 2, NULL);
    }
    return row;
}

/* An unreachable cursor lets its statement go (the collector's PEP 442
 * pass; not as prompt as CPython's reference counting). */
static void sq_cursor_finalize(KnObject *self)
{
    if (CUR(self)->conn != NULL)
        sq_cursor_drop_stmt(CUR(self));
}

static KnObject *sq_cursor_iter(KnObject *self)
{
    return self;
}

static KnObject *sq_cursor_iternext(KnObject *self)
{
    return sq_cursor_next_row(CUR(self));
}

static KnObject *sq_cursor_fetchone(KnObject *self, KnObject *unused)
{
    (void)unused;
    KnObject *r = sq_cursor_next_row(CUR(self));
    if (r == NULL && !ob_err_occurred())
        return KN_None;
    return r;
}

static KnObject *sq_cursor_fetch_n(SqCursor *cur, long long limit)
{
    KnObject *list = ob_list_new(0);
    if (list == NULL)
        return NULL;
    for (long long i = 0; limit < 0 || i < limit; i++) {
        KnObject *r = sq_cursor_next_row(cur);
        if (r == NULL) {
            if (ob_err_occurred())
                return NULL;
            break;
        }
        if (ob_list_append(list, r) < 0)
            return NULL;
    }
    return list;
}

static KnObject *sq_cursor_fetchmany(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"size", NULL};
    static const KnArgSpec spec = {"fetchmany", names, 0, 1, 0};
    KnObject *a[1] = {0};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    long long n = CUR(self)->arraysize;
    if (a[0] != NULL) {
        if (!KN_INT_CHECK(a[0])) {
            ob_err_format(ob_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          ob_type_name(KN_TYPE(a[0])));
            return NULL;
        }
        int overflow;
        n = ob_int_as_long_long_and_overflow(a[0], &overflow);
        if (overflow || n > INT_MAX || n < INT_MIN) {
            ob_err_set_string(ob_exc_OverflowError, "Python int too large to convert to C int");
            return NULL;
        }
    }
    return sq_cursor_fetch_n(CUR(self), n);
}

static KnObject *sq_cursor_fetchall(KnObject *self, KnObject *unused)
{
    (void)unused;
    return sq_cursor_fetch_n(CUR(self), -1);
}

static KnObject *sq_cursor_close(KnObject *self, KnObject *unused)
{
    (void)unused;
    SqCursor *cur = CUR(self);
    if (!cur->initialized) {
        sq_raise(sq_ProgrammingError, "Base Cursor.__init__ not called.");
        return NULL;
    }
    if (sq_check_thread(cur->conn) < 0)
        return NULL;
    if (cur->locked) {
        sq_raise(sq_ProgrammingError, "Recursive use of cursors not allowed.");
        return NULL;
    }
    if (cur->conn->db == NULL) {
        sq_raise(sq_ProgrammingError, "Cannot operate on a closed database.");
        return NULL;
    }
    sq_cursor_drop_stmt(cur);
    cur->closed = 1;
    return KN_None;
}

static KnObject *sq_cursor_noop(KnObject *self, KnObject *arg)
{
    (void)self; (void)arg;
    return KN_None;
}

static KnObject *sq_cursor_setoutputsize(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    (void)self; (void)args;
    if (ob_args_check_positional("setoutputsize", nargs, 1, 2) < 0)
        return NULL;
    return KN_None;
}

static KnMethodDef sq_cursor_methods[] = {
    {"execute", SQ_FC(sq_cursor_execute), SQ_KW, "Executes an SQL statement."},
    {"executemany", SQ_FC(sq_cursor_executemany), SQ_KW, "Repeatedly executes an SQL statement."},
    {"executescript", SQ_FC(sq_cursor_executescript), KN_METH_O, "Executes multiple SQL statements at once."},
    {"fetchone", SQ_FC(sq_cursor_fetchone), KN_METH_NOARGS, "Fetches one row from the resultset."},
    {"fetchmany", SQ_FC(sq_cursor_fetchmany), SQ_KW, "Fetches several rows from the resultset."},
    {"fetchall", SQ_FC(sq_cursor_fetchall), KN_METH_NOARGS, "Fetches all rows from the resultset."},
    {"close", SQ_FC(sq_cursor_close), KN_METH_NOARGS, "Closes the cursor."},
    {"setinputsizes", SQ_FC(sq_cursor_noop), KN_METH_O, "Required by DB-API. Does nothing in sqlite3."},
    {"setoutputsize", SQ_FC(sq_cursor_setoutputsize), KN_METH_FASTCALL, "Required by DB-API. Does nothing in sqlite3."},
    {NULL, NULL, 0, NULL}
};

static KnObject *sq_cursor_get_connection(KnObject *self, void *closure)
{
    (void)closure;
    return CUR(self)->conn ? (KnObject *)CUR(self)->conn : KN_None;
}

static KnObject *sq_cursor_get_rowcount(KnObject *self, void *closure)
{
    (void)closure;
    return ob_int_from_long_long(CUR(self)->rowcount);
}

static KnObject *sq_cursor_get_arraysize(KnObject *self, void *closure)
{
    (void)closure;
    return ob_int_from_long_long(CUR(self)->arraysize);
}

static int sq_cursor_set_arraysize(KnObject *self, KnObject *v, void *closure)
{
    (void)closure;
    if (v == NULL) {
        ob_err_set_string(ob_exc_TypeError, "can't delete numeric/char attribute");
        return -1;
    }
    if (!KN_INT_CHECK(v)) {
        ob_err_set_string(ob_exc_TypeError, "an integer is required");
        return -1;
    }
    int overflow;
    long long n = ob_int_as_long_long_and_overflow(v, &overflow);
    if (overflow || n > INT_MAX || n < INT_MIN) {
        ob_err_set_string(ob_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    CUR(self)->arraysize = (long)n;
    return 0;
}

static KnGetSetDef sq_cursor_getset[] = {
    {"connection", sq_cursor_get_connection, NULL, NULL, NULL},
    {"rowcount", sq_cursor_get_rowcount, NULL, NULL, NULL},
    {"arraysize", sq_cursor_get_arraysize, sq_cursor_set_arraysize, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static KnMemberDef sq_cursor_members[] = {
    {"description", KN_T_OBJECT, offsetof(SqCursor, description), KN_READONLY, NULL},
    {"lastrowid", KN_T_OBJECT, offsetof(SqCursor, lastrowid), KN_READONLY, NULL},
    {"row_factory", KN_T_OBJECT, offsetof(SqCursor, row_factory), 0, NULL},
    {NULL, 0, 0, 0, NULL}
};

KnTypeObject sq_cursor_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "sqlite3.Cursor",
    .tp_basicsize = sizeof(SqCursor),
    .tp_getattro = ob_generic_getattr,
    .tp_setattro = ob_generic_setattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_doc = "SQLite database cursor class.",
    .tp_weaklistoffset = offsetof(SqCursor, weakreflist),
    .tp_iter = sq_cursor_iter,
    .tp_iternext = sq_cursor_iternext,
    .tp_methods = sq_cursor_methods,
    .tp_members = sq_cursor_members,
    .tp_getset = sq_cursor_getset,
    .tp_new = sq_cursor_new,
    .tp_init = sq_cursor_init,
    .tp_finalize = sq_cursor_finalize,
};
