/*
 * sqlite_connection.c — sqlite3.Connection: opening (with the GIL
 * released), the thread check, transactions (commit / rollback /
 * isolation_level / in_transaction, the context manager), close, the
 * execute* shortcuts through a fresh cursor, iterdump.
 */
#include <string.h>
#include <strings.h>

#include "sqlite_internal.h"
#include "sqlite_stmt.h"
#include "libobject/tstate.h"
#include "libjit/jit.h"

#pragma weak jit_import_module

#define CONN(o) ((SqConnection *)(o))

int sq_check_thread(SqConnection *c)
{
    if (c->check_same_thread && c->initialized && !pthread_equal(c->thread, pthread_self())) {
        ob_err_format((KnTypeObject *)sq_ProgrammingError,
                      "SQLite objects created in a thread can only be used in that same thread. "
                      "The object was created in thread id %lu and this is thread id %lu.",
                      (unsigned long)c->thread, (unsigned long)pthread_self());
        return -1;
    }
    return 0;
}

int sq_check_connection(SqConnection *c)
{
    if (!c->initialized) {
        sq_raise(sq_ProgrammingError, "Base Connection.__init__ not called.");
        return -1;
    }
    if (sq_check_thread(c) < 0)
        return -1;
    if (c->db == NULL) {
        sq_raise(sq_ProgrammingError, "Cannot operate on a closed database.");
        return -1;
    }
    return 0;
}

int sq_exec_simple(SqConnection *c, const char *sql)
{
    sqlite3_stmt *st;
    if (sq_prepare(c, sql, -1, &st, NULL) < 0)
        return -1;
    int rc = sq_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        if (!ob_err_occurred())
            sq_set_db_error(c->db);
        return -1;
    }
    return 0;
}

/* Close the blobs, finalize every statement (cursors see the generation
 * change and leave theirs alone) and close the database. */
static int sq_conn_shut(SqConnection *c)
{
    sq_blob_close_all(c);
    sqlite3_stmt *st;
    while ((st = sqlite3_next_stmt(c->db, NULL)) != NULL)
        sqlite3_finalize(st);
    int rc = sqlite3_close_v2(c->db);
    if (rc == SQLITE_OK) {
        c->db = NULL;
        c->generation++;
    }
    return rc;
}

static KnObject *sq_conn_new(KnTypeObject *t, KnObject *args, KnObject *kwargs)
{
    (void)args; (void)kwargs;
    SqConnection *c = (SqConnection *)ob_type_generic_alloc(t, 0);
    if (c == NULL)
        return NULL;
    c->isolation_level = ob_str_from_cstr("");
    c->row_factory = KN_None;
    c->text_factory = (KnObject *)&ob_str_type;
    return (KnObject *)c;
}

/* Accepts '', DEFERRED, IMMEDIATE, EXCLUSIVE (any case) or None; *out
 * is the canonical (upper-case) spelling, or None. */
static int sq_check_isolation(KnObject *v, KnObject **out)
{
    *out = v;
    if (v == KN_None)
        return 0;
    if (!KN_STR_CHECK(v)) {
        ob_err_set_string(ob_exc_TypeError, "isolation_level must be str or None");
        return -1;
    }
    static const char *const ok[] = {"", "DEFERRED", "IMMEDIATE", "EXCLUSIVE"};
    kn_ssize_t n;
    const char *text = ob_str_as_utf8(v, &n);
    if (text == NULL)
        return -1;
    /* Compared on the text itself (ASCII case-insensitively), whatever a
     * str subclass's upper() does. */
    for (int i = 0; i < 4; i++)
        if ((size_t)n == strlen(ok[i]) && strncasecmp(text, ok[i], (size_t)n) == 0) {
            *out = ob_str_from_cstr(ok[i]);
            return *out == NULL ? -1 : 0;
        }
    ob_err_set_string(ob_exc_ValueError,
                      "isolation_level string must be '', 'DEFERRED', 'IMMEDIATE', or 'EXCLUSIVE'");
    return -1;
}

/* The database argument as a file-system path (str, bytes, PathLike). */
static const char *sq_db_path(KnObject *o, KnObject **keep)
{
    if (!KN_STR_CHECK(o) && !KN_BYTES_CHECK(o)) {
        KnObject *meth;
        if (ob_lookup_attr((KnObject *)KN_TYPE(o), ob_str_intern_cstr("__fspath__"), &meth) < 0)
            return NULL;
        if (meth == NULL) {
            ob_err_format(ob_exc_TypeError, "expected str, bytes or os.PathLike object, not %s",
                          ob_type_name(KN_TYPE(o)));
            return NULL;
        }
        o = ob_call_onearg(meth, o);
        if (o == NULL)
            return NULL;
    }
    if (KN_STR_CHECK(o))
        o = ob_str_encode(o, "utf-8", "surrogateescape");
    if (o == NULL || !KN_BYTES_CHECK(o)) {
        if (o != NULL)
            ob_err_set_string(ob_exc_TypeError, "expected str, bytes or os.PathLike object");
        return NULL;
    }
    const char *s = KN_BYTES_AS_STRING(o);
    if (strlen(s) != (size_t)KN_SIZE(o)) {
        ob_err_set_string(ob_exc_ValueError, "embedded null byte");
        return NULL;
    }
    *keep = o;
    return s;
}

static int sq_conn_init(KnObject *self, KnObject *args, KnObject *kwargs)
{
    static const char *const names[] = {"database", "timeout", "detect_types", "isolation_level",
                                        "check_same_thread", "factory", "cached_statements", "uri", NULL};
    static const KnArgSpec spec = {"Connection", names, 1, 8, 0};
    KnObject *a[8] = {0};
    SqConnection *c = CONN(self);
    if (ob_args_parse_tuple(&spec, args, kwargs, a) < 0)
        return -1;
    KnObject *keep = NULL;
    const char *path = sq_db_path(a[0], &keep);
    if (path == NULL)
        return -1;
    double timeout = 5.0;
    if (a[1] != NULL) {
        KnObject *f = ob_number_float(a[1]);
        if (f == NULL)
            return -1;
        timeout = ob_float_as_double(f);
    }
    long long detect = 0;
    if (a[2] != NULL) {
        if (!KN_INT_CHECK(a[2])) {
            ob_err_format(ob_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          ob_type_name(KN_TYPE(a[2])));
            return -1;
        }
        detect = ob_int_as_long_long(a[2]);
        if (detect == -1 && ob_err_occurred())
            return -1;
    }
    KnObject *iso;
    if (sq_check_isolation(a[3] ? a[3] : ob_str_from_cstr(""), &iso) < 0)
        return -1;
    int same = 1, uri = 0;
    if (a[4] != NULL && (same = ob_is_true(a[4])) < 0)
        return -1;
    if (a[7] != NULL && (uri = ob_is_true(a[7])) < 0)
        return -1;
    if (c->db != NULL) {          /* __init__ called again: reopen */
        /* As 3.11, cursors keep reading statements of the old database:
         * sqlite3_close_v2 keeps it until the last one is finalized. */
        sq_blob_close_all(c);
        sqlite3_close_v2(c->db);
        c->db = NULL;
    }
    c->initialized = 0;
    sqlite3 *db = NULL;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | (uri ? SQLITE_OPEN_URI : 0);
    ob_gil_release();
    int rc = sqlite3_open_v2(path, &db, flags, NULL);
    ob_gil_acquire();
    if (db == NULL) {
        ob_err_nomemory();
        return -1;
    }
    if (rc != SQLITE_OK) {
        sq_set_db_error(db);
        sqlite3_close_v2(db);
        return -1;
    }
    sqlite3_busy_timeout(db, (int)(timeout * 1000.0));
    c->db = db;
    c->detect_types = (int)detect;
    c->isolation_level = iso;
    c->check_same_thread = same;
    c->thread = pthread_self();
    c->row_factory = KN_None;
    c->text_factory = (KnObject *)&ob_str_type;
    if ((c->keep = ob_list_new(0)) == NULL)
        return -1;
    c->initialized = 1;
    return 0;
}

static KnObject *sq_conn_cursor(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"factory", NULL};
    static const KnArgSpec spec = {"cursor", names, 0, 1, 0};
    KnObject *a[1] = {0};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0 || sq_check_connection(CONN(self)) < 0)
        return NULL;
    KnObject *factory = a[0] ? a[0] : (KnObject *)&sq_cursor_type;
    KnObject *cur = ob_call_onearg(factory, self);
    if (cur == NULL)
        return NULL;
    if (!ob_type_is_subtype(KN_TYPE(cur), &sq_cursor_type)) {
        ob_err_format(ob_exc_TypeError, "factory must return a cursor, not %s", ob_type_name(KN_TYPE(cur)));
        return NULL;
    }
    if (CONN(self)->row_factory != KN_None)
        ((SqCursor *)cur)->row_factory = CONN(self)->row_factory;
    return cur;
}

static KnObject *sq_conn_new_cursor(KnObject *self)
{
    return sq_conn_cursor(self, NULL, 0, NULL);
}

static KnObject *sq_conn_execute(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    if (ob_args_no_keywords("execute", kw) < 0 || ob_args_check_positional("execute", nargs, 1, 2) < 0)
        return NULL;
    KnObject *cur = sq_conn_new_cursor(self);
    if (cur == NULL)
        return NULL;
    return sq_cursor_execute_impl((SqCursor *)cur, args[0], nargs > 1 ? args[1] : NULL, 0);
}

static KnObject *sq_conn_executemany(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    if (ob_args_no_keywords("executemany", kw) < 0 || ob_args_check_positional("executemany", nargs, 2, 2) < 0)
        return NULL;
    KnObject *cur = sq_conn_new_cursor(self);
    if (cur == NULL)
        return NULL;
    return sq_cursor_execute_impl((SqCursor *)cur, args[0], args[1], 1);
}

static KnObject *sq_conn_executescript(KnObject *self, KnObject *arg)
{
    KnObject *cur = sq_conn_new_cursor(self);
    if (cur == NULL)
        return NULL;
    return sq_cursor_executescript_impl((SqCursor *)cur, arg);
}

static KnObject *sq_conn_commit(KnObject *self, KnObject *unused)
{
    (void)unused;
    SqConnection *c = CONN(self);
    if (sq_check_connection(c) < 0)
        return NULL;
    if (!sqlite3_get_autocommit(c->db) && sq_exec_simple(c, "COMMIT") < 0)
        return NULL;
    return KN_None;
}

static KnObject *sq_conn_rollback(KnObject *self, KnObject *unused)
{
    (void)unused;
    SqConnection *c = CONN(self);
    if (sq_check_connection(c) < 0)
        return NULL;
    if (!sqlite3_get_autocommit(c->db) && sq_exec_simple(c, "ROLLBACK") < 0)
        return NULL;
    return KN_None;
}

static KnObject *sq_conn_close(KnObject *self, KnObject *unused)
{
    (void)unused;
    SqConnection *c = CONN(self);
    if (sq_check_thread(c) < 0)
        return NULL;
    if (!c->initialized) {
        sq_raise(sq_ProgrammingError, "Base Connection.__init__ not called.");
        return NULL;
    }
    if (c->db != NULL && sq_conn_shut(c) != SQLITE_OK) {
        sq_set_db_error(c->db);
        return NULL;
    }
    return KN_None;
}

/* An unreachable open connection is closed by the collector (CPython
 * closes it on deallocation). */
static void sq_conn_finalize(KnObject *self)
{
    SqConnection *c = CONN(self);
    if (c->db != NULL)
        sq_conn_shut(c);
}

static KnObject *sq_conn_interrupt(KnObject *self, KnObject *unused)
{
    (void)unused;
    SqConnection *c = CONN(self);
    if (!c->initialized || c->db == NULL) {
        sq_raise(sq_ProgrammingError, "Cannot operate on a closed database.");
        return NULL;
    }
    sqlite3_interrupt(c->db);
    return KN_None;
}

static KnObject *sq_conn_enter(KnObject *self, KnObject *unused)
{
    (void)unused;
    if (sq_check_connection(CONN(self)) < 0)
        return NULL;
    return self;
}

static KnObject *sq_conn_exit(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    if (ob_args_check_positional("__exit__", nargs, 3, 3) < 0)
        return NULL;
    if (args[0] == KN_None) {
        if (sq_conn_commit(self, NULL) != NULL)
            return KN_False;
        KnObject *exc = ob_err_fetch();
        if (sq_conn_rollback(self, NULL) == NULL)
            ob_err_clear();
        ob_err_restore(exc);
        return NULL;
    }
    if (sq_conn_rollback(self, NULL) == NULL)
        return NULL;
    return KN_False;
}

static KnObject *sq_conn_iterdump(KnObject *self, KnObject *unused)
{
    (void)unused;
    if (sq_check_connection(CONN(self)) < 0)
        return NULL;
    if (jit_import_module == NULL) {
        ob_err_set_string(ob_exc_NotImplementedError, "iterdump() needs the import system");
        return NULL;
    }
    KnObject *mod = jit_import_module("sqlite3.dump");
    if (mod == NULL)
        return NULL;
    KnObject *fn = ob_getattr_str(mod, "_iterdump");
    return fn == NULL ? NULL : ob_call_onearg(fn, self);
}

/* Connection(sql): 3.11 compiles the statement and returns an opaque
 * sqlite3.Statement with no Python-visible API.  The compiled form is
 * let go at once (nothing can use it), so the object only records that
 * the SQL was valid. */
static KnTypeObject sq_statement_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "sqlite3.Statement",
    .tp_basicsize = sizeof(KnObject),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
};

static KnObject *sq_conn_call(KnObject *self, KnObject *args, KnObject *kwargs)
{
    if (sq_check_connection(CONN(self)) < 0 || ob_args_no_kwargs_dict("sqlite3.Connection", kwargs) < 0)
        return NULL;
    if (ob_length(args) != 1) {
        ob_err_format(ob_exc_TypeError, "function takes exactly 1 argument (%zd given)", ob_length(args));
        return NULL;
    }
    KnObject *sql = KN_TUPLE_GET(args, 0);
    if (!KN_STR_CHECK(sql)) {
        ob_err_format(ob_exc_TypeError, "argument 1 must be str, not %s", ob_type_name(KN_TYPE(sql)));
        return NULL;
    }
    sqlite3_stmt *st;
    const char *text;
    if (sq_prepare_one(CONN(self), sql, &st, &text) < 0)
        return NULL;
    sqlite3_finalize(st);
    if (ob_type_ready(&sq_statement_type) < 0)
        return NULL;
    return ob_type_generic_alloc(&sq_statement_type, 0);
}

static KnObject *sq_conn_funcs(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw,
                               KnObject *(*fn)(SqConnection *, KnObject *const *, kn_ssize_t, KnObject *))
{
    if (sq_check_connection(CONN(self)) < 0)
        return NULL;
    return fn(CONN(self), args, nargs, kw);
}

/* backup checks both connections itself (a closed source is refused
 * after the arguments are read). */
static KnObject *sq_backup_method(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    return sq_backup(CONN(self), args, nargs, kw);
}

#define SQ_FORWARD(name, impl) \
    static KnObject *name(KnObject *self, KnObject *const *args, kn_ssize_t nargs, KnObject *kw) \
    { return sq_conn_funcs(self, args, nargs, kw, impl); }
SQ_FORWARD(sq_conn_create_function, sq_create_function)
SQ_FORWARD(sq_conn_create_aggregate, sq_create_aggregate)
SQ_FORWARD(sq_conn_create_collation, sq_create_collation)
SQ_FORWARD(sq_conn_set_authorizer, sq_set_authorizer)
SQ_FORWARD(sq_conn_set_progress_handler, sq_set_progress_handler)
SQ_FORWARD(sq_conn_set_trace_callback, sq_set_trace_callback)
SQ_FORWARD(sq_conn_create_window_function, sq_create_window_function)
SQ_FORWARD(sq_conn_setlimit, sq_setlimit)
SQ_FORWARD(sq_conn_getlimit, sq_getlimit)
SQ_FORWARD(sq_conn_blobopen, sq_blobopen)

static KnMethodDef sq_conn_methods[] = {
    {"cursor", SQ_FC(sq_conn_cursor), SQ_KW, "Return a cursor for the connection."},
    {"execute", SQ_FC(sq_conn_execute), SQ_KW, "Executes an SQL statement."},
    {"executemany", SQ_FC(sq_conn_executemany), SQ_KW, "Repeatedly executes an SQL statement."},
    {"executescript", SQ_FC(sq_conn_executescript), KN_METH_O, "Executes multiple SQL statements at once."},
    {"commit", SQ_FC(sq_conn_commit), KN_METH_NOARGS, "Commit the current transaction."},
    {"rollback", SQ_FC(sq_conn_rollback), KN_METH_NOARGS, "Roll back the current transaction."},
    {"close", SQ_FC(sq_conn_close), KN_METH_NOARGS, "Closes the connection."},
    {"interrupt", SQ_FC(sq_conn_interrupt), KN_METH_NOARGS, "Abort any pending database operation."},
    {"iterdump", SQ_FC(sq_conn_iterdump), KN_METH_NOARGS, "Returns iterator to the dump of the database in an SQL text format."},
    {"create_function", SQ_FC(sq_conn_create_function), SQ_KW, "Creates a new function."},
    {"create_aggregate", SQ_FC(sq_conn_create_aggregate), SQ_KW, "Creates a new aggregate."},
    {"create_collation", SQ_FC(sq_conn_create_collation), SQ_KW, "Creates a collation function."},
    {"set_authorizer", SQ_FC(sq_conn_set_authorizer), SQ_KW, "Sets authorizer callback."},
    {"set_progress_handler", SQ_FC(sq_conn_set_progress_handler), SQ_KW, "Sets progress handler callback."},
    {"set_trace_callback", SQ_FC(sq_conn_set_trace_callback), SQ_KW, "Sets a trace callback called for each SQL statement."},
    {"create_window_function", SQ_FC(sq_conn_create_window_function), SQ_KW, "Creates or redefines an aggregate window function."},
    {"setlimit", SQ_FC(sq_conn_setlimit), SQ_KW, "Set connection run-time limits."},
    {"getlimit", SQ_FC(sq_conn_getlimit), SQ_KW, "Get connection run-time limits."},
    {"blobopen", SQ_FC(sq_conn_blobopen), SQ_KW, "Open and return a BLOB object."},
    {"backup", SQ_FC(sq_backup_method), SQ_KW, "Makes a backup of the database."},
    {"__enter__", SQ_FC(sq_conn_enter), KN_METH_NOARGS, "Called when the connection is used as a context manager."},
    {"__exit__", SQ_FC(sq_conn_exit), KN_METH_FASTCALL, "Called when the connection is used as a context manager."},
    {NULL, NULL, 0, NULL}
};

static KnObject *sq_get_isolation(KnObject *self, void *closure)
{
    (void)closure;
    if (sq_check_connection(CONN(self)) < 0)
        return NULL;
    return CONN(self)->isolation_level;
}

static int sq_set_isolation(KnObject *self, KnObject *v, void *closure)
{
    (void)closure;
    SqConnection *c = CONN(self);
    if (v == NULL) {
        ob_err_set_string(ob_exc_AttributeError, "cannot delete attribute");
        return -1;
    }
    KnObject *level;
    if (sq_check_connection(c) < 0 || sq_check_isolation(v, &level) < 0)
        return -1;
    if (v == KN_None && sq_conn_commit(self, NULL) == NULL)
        return -1;
    c->isolation_level = level;
    return 0;
}

static KnObject *sq_get_in_transaction(KnObject *self, void *closure)
{
    (void)closure;
    if (sq_check_connection(CONN(self)) < 0)
        return NULL;
    return KN_BOOL(!sqlite3_get_autocommit(CONN(self)->db));
}

static KnObject *sq_get_total_changes(KnObject *self, void *closure)
{
    (void)closure;
    if (sq_check_connection(CONN(self)) < 0)
        return NULL;
    return ob_int_from_long_long(sqlite3_total_changes(CONN(self)->db));
}

static KnObject *sq_get_exc(KnObject *self, void *closure)
{
    (void)self;
    return *(KnObject **)closure;
}

static KnGetSetDef sq_conn_getset[] = {
    {"isolation_level", sq_get_isolation, sq_set_isolation, NULL, NULL},
    {"in_transaction", sq_get_in_transaction, NULL, NULL, NULL},
    {"total_changes", sq_get_total_changes, NULL, NULL, NULL},
    {"Warning", sq_get_exc, NULL, NULL, &sq_Warning},
    {"Error", sq_get_exc, NULL, NULL, &sq_Error},
    {"InterfaceError", sq_get_exc, NULL, NULL, &sq_InterfaceError},
    {"DatabaseError", sq_get_exc, NULL, NULL, &sq_DatabaseError},
    {"DataError", sq_get_exc, NULL, NULL, &sq_DataError},
    {"OperationalError", sq_get_exc, NULL, NULL, &sq_OperationalError},
    {"IntegrityError", sq_get_exc, NULL, NULL, &sq_IntegrityError},
    {"InternalError", sq_get_exc, NULL, NULL, &sq_InternalError},
    {"ProgrammingError", sq_get_exc, NULL, NULL, &sq_ProgrammingError},
    {"NotSupportedError", sq_get_exc, NULL, NULL, &sq_NotSupportedError},
    {NULL, NULL, NULL, NULL, NULL}
};

static KnMemberDef sq_conn_members[] = {
    {"row_factory", KN_T_OBJECT, offsetof(SqConnection, row_factory), 0, NULL},
    {"text_factory", KN_T_OBJECT, offsetof(SqConnection, text_factory), 0, NULL},
    {NULL, 0, 0, 0, NULL}
};

KnTypeObject sq_connection_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "sqlite3.Connection",
    .tp_basicsize = sizeof(SqConnection),
    .tp_getattro = ob_generic_getattr,
    .tp_setattro = ob_generic_setattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_BASETYPE,
    .tp_doc = "SQLite database connection object.",
    .tp_weaklistoffset = offsetof(SqConnection, weakreflist),
    .tp_methods = sq_conn_methods,
    .tp_members = sq_conn_members,
    .tp_getset = sq_conn_getset,
    .tp_call = sq_conn_call,
    .tp_finalize = sq_conn_finalize,
    .tp_new = sq_conn_new,
    .tp_init = sq_conn_init,
};
