/*
 * sqlite_stmt.h — statement helpers shared by the cursor and the
 * connection (sqlite_bind.c).
 */
#ifndef KILN_SQLITE_STMT_H
#define KILN_SQLITE_STMT_H

#include "sqlite_internal.h"

const char *sq_skip_blank(const char *p);
/* Leading keyword INSERT / UPDATE / DELETE / REPLACE. */
int sq_is_dml(const char *sql);
/* Bind a sequence (qmark) or mapping (named); params NULL: none. */
int sq_bind_parameters(sqlite3_stmt *st, KnObject *params);

/* Prepare exactly one statement from a str (*out NULL for an empty one),
 * with 3.11's checks: null character, length limit, a second statement.
 * *sqltext receives its UTF-8 text. */
int sq_prepare_one(SqConnection *c, KnObject *sql, sqlite3_stmt **out, const char **sqltext);

#endif
