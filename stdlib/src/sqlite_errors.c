/*
 * sqlite_errors.c — turning SQLite result codes into the DB-API
 * exceptions of `_sqlite3`, with the 3.11 attributes sqlite_errorcode
 * (the extended code) and sqlite_errorname ("SQLITE_CONSTRAINT_UNIQUE").
 */
#include <string.h>

#include "sqlite_internal.h"

static const struct { int code; const char *name; } sq_errnames[] = {
#define SQ_ERRNAME(n) {n, #n},
#include "sqlite_errnames.def"
#undef SQ_ERRNAME
};

const char *sq_error_name(int code)
{
    for (size_t i = 0; i < sizeof sq_errnames / sizeof sq_errnames[0]; i++)
        if (sq_errnames[i].code == code)
            return sq_errnames[i].name;
    return "unknown";
}

void sq_raise(KnObject *cls, const char *msg)
{
    ob_err_set_string((KnTypeObject *)cls, msg);
}

/* The DB-API class standing for a primary result code. */
static KnObject *sq_class_for(int primary)
{
    switch (primary) {
    case SQLITE_INTERNAL:
    case SQLITE_NOTFOUND:
        return sq_InternalError;
    case SQLITE_NOMEM:
        return (KnObject *)ob_exc_MemoryError;
    case SQLITE_ERROR: case SQLITE_PERM: case SQLITE_ABORT: case SQLITE_BUSY:
    case SQLITE_LOCKED: case SQLITE_READONLY: case SQLITE_INTERRUPT:
    case SQLITE_IOERR: case SQLITE_FULL: case SQLITE_CANTOPEN:
    case SQLITE_PROTOCOL: case SQLITE_EMPTY: case SQLITE_SCHEMA:
        return sq_OperationalError;
    case SQLITE_CORRUPT:
        return sq_DatabaseError;
    case SQLITE_TOOBIG:
        return sq_DataError;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
        return sq_IntegrityError;
    case SQLITE_MISUSE:
    case SQLITE_RANGE:
        return sq_InterfaceError;
    default:
        return sq_DatabaseError;
    }
}

void sq_set_db_error(sqlite3 *db)
{
    int code = sqlite3_extended_errcode(db);
    if (code == SQLITE_OK)
        return;
    KnObject *cls = sq_class_for(code & 0xff);
    if (cls == (KnObject *)ob_exc_MemoryError) {
        ob_err_nomemory();
        return;
    }
    const char *text = sqlite3_errmsg(db);
    KnObject *msg = ob_str_from_utf8(text, (kn_ssize_t)strlen(text));
    if (msg == NULL)
        return;
    KnObject *exc = ob_call_onearg(cls, msg);
    if (exc == NULL)
        return;
    if (ob_setattr_str(exc, "sqlite_errorcode", ob_int_from_long_long(code)) < 0
        || ob_setattr_str(exc, "sqlite_errorname", ob_str_from_cstr(sq_error_name(code))) < 0)
        return;
    ob_err_set_object((KnTypeObject *)cls, exc);
}
