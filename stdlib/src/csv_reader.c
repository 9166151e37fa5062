/*
 * csv_reader.c — `_csv.reader`: a state machine fed one code point at a
 * time, plus an end-of-line event after each input string (a record may
 * span strings when a quoted field holds a newline).  States and
 * transitions are CPython 3.11's, so quirks agree: "\r" and "\n" end a
 * record outside quotes, text after a newline in the same string is
 * "new-line character seen in unquoted field", a closing quote not
 * followed by the delimiter is an error only in strict mode, and a quoted
 * field left open at the end of the input is returned (or "unexpected end
 * of data" when strict).
 */
#include <string.h>

#include "libgc/gc.h"
#include "csv_internal.h"

#define CSV_EOL ((uint32_t)-2)

typedef enum {
    START_RECORD, START_FIELD, ESCAPED_CHAR, IN_FIELD, IN_QUOTED_FIELD,
    ESCAPE_IN_QUOTED_FIELD, QUOTE_IN_QUOTED_FIELD, EAT_CRNL, AFTER_ESCAPED_CRNL
} ParserState;

typedef struct CsvReader {
    KN_OBJECT_HEAD;
    KnObject *input_iter;
    KnObject *dialect;
    KnObject *fields;       /* list being built */
    ParserState state;
    uint32_t *field;
    kn_ssize_t field_len, field_cap;
    int numeric_field;
    unsigned long line_num;
} CsvReader;

static int save_field(CsvReader *r)
{
    KnObject *f = ob_str_from_codepoints(r->field, r->field_len);
    if (f == NULL)
        return -1;
    r->field_len = 0;
    if (r->numeric_field) {
        r->numeric_field = 0;
        if ((f = ob_number_float(f)) == NULL)
            return -1;
    }
    return ob_list_append(r->fields, f);
}

static int add_char(CsvReader *r, uint32_t c)
{
    if (r->field_len >= csv_field_limit) {
        csv_err("field larger than field limit (%ld)", csv_field_limit);
        return -1;
    }
    if (r->field_len == r->field_cap) {
        kn_ssize_t cap = r->field_cap * 2 + 64;
        uint32_t *p = kgc_alloc_atomic((size_t)cap * sizeof(uint32_t));
        if (p == NULL) {
            ob_err_nomemory();
            return -1;
        }
        if (r->field_len > 0)
            memcpy(p, r->field, (size_t)r->field_len * sizeof(uint32_t));
        r->field = p;
        r->field_cap = cap;
    }
    r->field[r->field_len++] = c;
    return 0;
}

static int end_of_line(uint32_t c)
{
    return c == '\n' || c == '\r' || c == CSV_EOL;
}

static int process_char(CsvReader *r, uint32_t c)
{
    CsvDialect *d = (CsvDialect *)r->dialect;
    switch (r->state) {
    case START_RECORD:
        if (c == CSV_EOL)
            return 0;   /* an empty line: [] */
        if (c == '\n' || c == '\r') {
            r->state = EAT_CRNL;
            return 0;
        }
        r->state = START_FIELD;
        /* fall through */
    case START_FIELD:
        if (end_of_line(c)) {
            if (save_field(r) < 0)
                return -1;
            r->state = c == CSV_EOL ? START_RECORD : EAT_CRNL;
        } else if (c == d->quotechar && d->quoting != CSV_QUOTE_NONE) {
            r->state = IN_QUOTED_FIELD;
        } else if (c == d->escapechar) {
            r->state = ESCAPED_CHAR;
        } else if (c == ' ' && d->skipinitialspace) {
            /* leading space dropped */
        } else if (c == d->delimiter) {
            if (save_field(r) < 0)
                return -1;
        } else {
            if (d->quoting == CSV_QUOTE_NONNUMERIC)
                r->numeric_field = 1;
            if (add_char(r, c) < 0)
                return -1;
            r->state = IN_FIELD;
        }
        return 0;
    case ESCAPED_CHAR:
        if (c == '\n' || c == '\r') {
            if (add_char(r, c) < 0)
                return -1;
            r->state = AFTER_ESCAPED_CRNL;
            return 0;
        }
        if (c == CSV_EOL)
            c = '\n';
        if (add_char(r, c) < 0)
            return -1;
        r->state = IN_FIELD;
        return 0;
    case AFTER_ESCAPED_CRNL:
        if (c == CSV_EOL)
            return 0;
        /* fall through */
    case IN_FIELD:
        if (end_of_line(c)) {
            if (save_field(r) < 0)
                return -1;
            r->state = c == CSV_EOL ? START_RECORD : EAT_CRNL;
        } else if (c == d->escapechar) {
            r->state = ESCAPED_CHAR;
        } else if (c == d->delimiter) {
            if (save_field(r) < 0)
                return -1;
            r->state = START_FIELD;
        } else if (add_char(r, c) < 0) {
            return -1;
        }
        return 0;
    case IN_QUOTED_FIELD:
        if (c == CSV_EOL) {
            /* the newline is kept as part of the field's text */
        } else if (c == d->escapechar) {
            r->state = ESCAPE_IN_QUOTED_FIELD;
        } else if (c == d->quotechar && d->quoting != CSV_QUOTE_NONE) {
            r->state = d->doublequote ? QUOTE_IN_QUOTED_FIELD : IN_FIELD;
        } else if (add_char(r, c) < 0) {
            return -1;
        }
        return 0;
    case ESCAPE_IN_QUOTED_FIELD:
        if (c == CSV_EOL)
            c = '\n';
        if (add_char(r, c) < 0)
            return -1;
        r->state = IN_QUOTED_FIELD;
        return 0;
    case QUOTE_IN_QUOTED_FIELD:
        if (d->quoting != CSV_QUOTE_NONE && c == d->quotechar) {
            if (add_char(r, c) < 0)
                return -1;
            r->state = IN_QUOTED_FIELD;
        } else if (c == d->delimiter) {
            if (save_field(r) < 0)
                return -1;
            r->state = START_FIELD;
        } else if (end_of_line(c)) {
            if (save_field(r) < 0)
                return -1;
            r->state = c == CSV_EOL ? START_RECORD : EAT_CRNL;
        } else if (!d->strict) {
            if (add_char(r, c) < 0)
                return -1;
            r->state = IN_FIELD;
        } else {
            csv_err("'%c' expected after '%c'", (int)d->delimiter, (int)d->quotechar);
            return -1;
        }
        return 0;
    case EAT_CRNL:
        if (c == '\n' || c == '\r')
            return 0;
        if (c == CSV_EOL) {
            r->state = START_RECORD;
            return 0;
        }
        csv_err("new-line character seen in unquoted field - do you need to open the file in "
                "universal-newline mode?");
        return -1;
    }
    return 0;
}

static KnObject *reader_next(KnObject *self)
{
    CsvReader *r = (CsvReader *)self;
    if ((r->fields = ob_list_new(0)) == NULL)
        return NULL;
    r->state = START_RECORD;
    r->field_len = 0;
    r->numeric_field = 0;
    do {
        KnObject *line = ob_iter_next(r->input_iter);
        if (line == NULL) {
            if (!ob_err_occurred() && (r->field_len != 0 || r->state == IN_QUOTED_FIELD)) {
                if (((CsvDialect *)r->dialect)->strict)
                    return csv_err("unexpected end of data");
                if (save_field(r) < 0)
                    return NULL;
                break;
            }
            return NULL;
        }
        if (!KN_STR_CHECK(line))
            return csv_err("iterator should return strings, not %.200s (the file should be "
                           "opened in text mode)", KN_TYPE(line)->tp_name);
        r->line_num++;
        kn_ssize_t n = KN_STR_LEN(line);
        int kind = KN_STR_KIND(line);
        const void *data = KN_STR_DATA(line);
        for (kn_ssize_t i = 0; i < n; i++)
            if (process_char(r, KN_STR_READ(kind, data, i)) < 0)
                return NULL;
        if (process_char(r, CSV_EOL) < 0)
            return NULL;
    } while (r->state != START_RECORD);
    KnObject *fields = r->fields;
    r->fields = NULL;
    return fields;
}

static KnObject *reader_iter(KnObject *self)
{
    return self;
}

KnObject *csv_reader(KnObject *m, KnObject *args, KnObject *kwargs)
{
    (void)m;
    kn_ssize_t n = KN_SIZE(args);
    if (n < 1 || n > 2)
        return ob_err_format(ob_exc_TypeError, " expected at %s argument%s, got %zd",
                             n < 1 ? "least 1" : "most 2", n < 1 ? "" : "s", n);
    CsvReader *r = (CsvReader *)ob_type_generic_alloc(&csv_reader_type, 0);
    if (r == NULL || (r->input_iter = ob_get_iter(KN_TUPLE_GET(args, 0))) == NULL)
        return NULL;
    r->dialect = csv_call_dialect(n > 1 ? KN_TUPLE_GET(args, 1) : NULL, kwargs);
    if (r->dialect == NULL)
        return NULL;
    r->state = START_RECORD;
    return (KnObject *)r;
}

static KnMemberDef reader_members[] = {
    {"dialect", KN_T_OBJECT, offsetof(CsvReader, dialect), KN_READONLY, NULL},
    {"line_num", KN_T_ULONG, offsetof(CsvReader, line_num), KN_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

KnTypeObject csv_reader_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_csv.reader",
    .tp_basicsize = sizeof(CsvReader),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_doc = "CSV reader\n\nReader objects are responsible for reading and parsing tabular data\n"
              "in CSV format.\n",
    .tp_iter = reader_iter,
    .tp_iternext = reader_next,
    .tp_members = reader_members,
};
