/*
 * sqlite_internal.h — shared declarations of the `_sqlite3` module
 * (sqlite_*.c; design note stdlib/NOTES-sqlite.md).  The module sits on
 * Debian's libsqlite3; every object here is Boehm-GC memory, so anything
 * handed to SQLite as user data is also kept reachable from a Python
 * object (Connection.keep) for as long as SQLite may call back with it.
 */
#ifndef KILN_SQLITE_INTERNAL_H
#define KILN_SQLITE_INTERNAL_H

#include <pthread.h>
#include <sqlite3.h>

#include "libobject/libobject.h"
#include "libobject/buffer.h"

typedef struct SqConnection {
    KN_OBJECT_HEAD;
    sqlite3 *db;                /* NULL once closed (or before __init__) */
    int initialized;
    unsigned generation;        /* bumped when db is closed: older statements are gone */
    int detect_types;
    int check_same_thread;
    pthread_t thread;
    KnObject *isolation_level;  /* str, or None for autocommit */
    KnObject *row_factory;
    KnObject *text_factory;
    KnObject *keep;             /* list: callables / aggregate instances lent to SQLite */
    KnObject *blobs;            /* list of Blob objects opened (closed with the connection) */
    KnObject *weakreflist;
} SqConnection;

typedef struct SqCursor {
    KN_OBJECT_HEAD;
    SqConnection *conn;
    sqlite3_stmt *stmt;         /* the statement being read, or NULL */
    unsigned stmt_generation;   /* conn->generation when stmt was made */
    int initialized;
    int closed;
    int has_row;                /* stmt stands on a row not yet fetched */
    int locked;                 /* inside execute (recursive use refused) */
    int dml;                    /* the statement is INSERT/UPDATE/DELETE/REPLACE */
    KnObject *description;
    KnObject *converters;       /* list, one converter (or None) per column */
    KnObject *lastrowid;
    long long rowcount;
    long arraysize;
    KnObject *row_factory;
    KnObject *weakreflist;
} SqCursor;

extern KnTypeObject sq_connection_type, sq_cursor_type, sq_row_type, sq_prepare_protocol_type;

/* Exceptions (sqlite_module.c). */
extern KnObject *sq_Warning, *sq_Error, *sq_InterfaceError, *sq_DatabaseError,
    *sq_DataError, *sq_OperationalError, *sq_IntegrityError, *sq_InternalError,
    *sq_ProgrammingError, *sq_NotSupportedError;
extern KnObject *sq_adapters, *sq_converters;   /* the module's dicts */
extern int sq_callback_tracebacks;
extern int sq_base_types_adapted;

/* Raise the exception matching db's last error (sqlite_errors.c). */
void sq_set_db_error(sqlite3 *db);
/* Raise a class given as KnObject with a C message. */
void sq_raise(KnObject *cls, const char *msg);
/* Name of an (extended) result code, "SQLITE_CONSTRAINT_UNIQUE". */
const char *sq_error_name(int code);

/* sqlite_module.c */
KnObject *sq_adapt(KnObject *obj, KnObject *proto, KnObject *alt);

/* Connection checks (sqlite_connection.c): 0, or -1 with ProgrammingError. */
int sq_check_thread(SqConnection *c);
int sq_check_connection(SqConnection *c);       /* thread + open */
/* Run one statement with no parameters and no result rows. */
int sq_exec_simple(SqConnection *c, const char *sql);
/* Statement (sqlite_cursor.c): prepare with the GIL released. */
int sq_prepare(SqConnection *c, const char *sql, int len, sqlite3_stmt **out, const char **tail);
int sq_step(sqlite3_stmt *stmt);
KnObject *sq_cursor_execute_impl(SqCursor *cur, KnObject *sql, KnObject *params, int many);
KnObject *sq_cursor_executescript_impl(SqCursor *cur, KnObject *script);

/* sqlite_func.c */
KnObject *sq_create_function(SqConnection *c, KnObject *const *args, kn_ssize_t nargs, KnObject *kw);
KnObject *sq_create_aggregate(SqConnection *c, KnObject *const *args, kn_ssize_t nargs, KnObject *kw);
KnObject *sq_create_collation(SqConnection *c, KnObject *const *args, kn_ssize_t nargs, KnObject *kw);
KnObject *sq_set_authorizer(SqConnection *c, KnObject *const *args, kn_ssize_t nargs, KnObject *kw);
KnObject *sq_set_progress_handler(SqConnection *c, KnObject *const *args, kn_ssize_t nargs, KnObject *kw);
KnObject *sq_set_trace_callback(SqConnection *c, KnObject *const *args, kn_ssize_t nargs, KnObject *kw);
KnObject *sq_create_window_function(SqConnection *c, KnObject *const *args, kn_ssize_t nargs, KnObject *kw);
/* sqlite_backup.c */
KnObject *sq_backup(SqConnection *c, KnObject *const *args, kn_ssize_t nargs, KnObject *kw);
KnObject *sq_setlimit(SqConnection *c, KnObject *const *args, kn_ssize_t nargs, KnObject *kw);
KnObject *sq_getlimit(SqConnection *c, KnObject *const *args, kn_ssize_t nargs, KnObject *kw);
/* sqlite_blob.c */
KnObject *sq_blobopen(SqConnection *c, KnObject *const *args, kn_ssize_t nargs, KnObject *kw);
void sq_blob_close_all(SqConnection *c);
KnTypeObject *sq_blob_type_ready(void);
/* An sqlite3_value as a Python object (None/int/float/str/bytes). */
KnObject *sq_value_to_object(sqlite3_value *v);

#define SQ_FC(f) ((KnCFunction)(void (*)(void))(f))
#define SQ_KW (KN_METH_FASTCALL | KN_METH_KEYWORDS)

#endif
