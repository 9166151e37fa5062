/*
 * csv_internal.h — shared pieces of the `_csv` module (csv_*.c).
 *
 * A dialect's characters are code points, CSV_NOT_SET when absent (an
 * escapechar or quotechar of None): it never equals a real character, so
 * the reader and writer compare against it without a separate flag.
 */
#ifndef STDLIB_CSV_INTERNAL_H
#define STDLIB_CSV_INTERNAL_H

#include <stdint.h>

#include "libobject/libobject.h"

#define CSV_NOT_SET ((uint32_t)-1)

enum { CSV_QUOTE_MINIMAL, CSV_QUOTE_ALL, CSV_QUOTE_NONNUMERIC, CSV_QUOTE_NONE };

typedef struct CsvDialect {
    KN_OBJECT_HEAD;
    char doublequote, skipinitialspace, strict;
    int quoting;
    uint32_t delimiter, quotechar, escapechar;
    KnObject *lineterminator;   /* str */
} CsvDialect;

extern KnTypeObject csv_dialect_type, csv_reader_type, csv_writer_type;
extern KnObject *csv_error;          /* _csv.Error */
extern long csv_field_limit;

/* Dialect(dialect, **kwargs) as reader()/writer()/register_dialect() make
 * it: dialect may be NULL, a name, a Dialect or any object with the
 * attributes. */
KnObject *csv_call_dialect(KnObject *dialect, KnObject *kwargs);
/* Raise _csv.Error with a printf-style message; returns NULL. */
KnObject *csv_err(const char *fmt, ...);

KnObject *csv_reader(KnObject *m, KnObject *args, KnObject *kwargs);
KnObject *csv_writer(KnObject *m, KnObject *args, KnObject *kwargs);

#endif
