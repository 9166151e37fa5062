/*
 * csv_writer.c — `_csv.writer`: writerow joins a row's fields into one
 * line and passes it to the file's write(); writerows does it per row.
 *
 * A field is quoted when the quoting mode says so (QUOTE_ALL; for
 * QUOTE_NONNUMERIC anything that is not a number) or, under
 * QUOTE_MINIMAL, when it holds the delimiter, the quote character or a
 * character of the line terminator; quote characters are doubled
 * (doublequote) or escaped.  Under QUOTE_NONE those characters are escaped
 * instead, and without an escapechar that is an error.  A row of one empty
 * field is written as "" so it reads back as [''].
 */
#include <string.h>

#include "libgc/gc.h"
#include "csv_internal.h"
#include "libobject/complex.h"

typedef struct CsvWriter {
    KN_OBJECT_HEAD;
    KnObject *write;
    KnObject *dialect;
} CsvWriter;

typedef struct Rec {
    uint32_t *buf;
    kn_ssize_t len, cap;
    int num_fields;
} Rec;

static int rec_put(Rec *r, uint32_t c)
{
    if (r->len == r->cap) {
        kn_ssize_t cap = r->cap * 2 + 64;
        uint32_t *p = kgc_alloc_atomic((size_t)cap * sizeof(uint32_t));
        if (p == NULL) {
            ob_err_nomemory();
            return -1;
        }
        if (r->len > 0)
            memcpy(p, r->buf, (size_t)r->len * sizeof(uint32_t));
        r->buf = p;
        r->cap = cap;
    }
    r->buf[r->len++] = c;
    return 0;
}

static int in_lineterminator(CsvDialect *d, uint32_t c)
{
    KnObject *lt = d->lineterminator;
    for (kn_ssize_t i = 0; i < KN_STR_LEN(lt); i++)
        if (ob_str_read_char(lt, i) == c)
            return 1;
    return 0;
}

/* What c needs: 0 nothing, 1 quoting of the field, 2 an escape char
 * before it, 3 doubling (a quote char with doublequote). */
static int char_need(CsvDialect *d, uint32_t c)
{
    if (c != d->delimiter && c != d->escapechar && c != d->quotechar && !in_lineterminator(d, c))
        return 0;
    if (d->quoting == CSV_QUOTE_NONE)
        return 2;
    if (c == d->quotechar)
        return d->doublequote ? 3 : 2;
    if (c == d->escapechar)
        return 2;
    return 1;
}

/* Append one field (NULL: an empty one). */
static int append_field(Rec *r, CsvDialect *d, KnObject *field, int quoted)
{
    kn_ssize_t n = field != NULL ? KN_STR_LEN(field) : 0;
    for (kn_ssize_t i = 0; i < n; i++) {
        int need = char_need(d, ob_str_read_char(field, i));
        if (need == 2 && d->escapechar == CSV_NOT_SET) {
            csv_err("need to escape, but no escapechar set");
            return -1;
        }
        if (need == 1 || need == 3)
            quoted = 1;
    }
    if (r->num_fields > 0 && rec_put(r, d->delimiter) < 0)
        return -1;
    if (quoted && rec_put(r, d->quotechar) < 0)
        return -1;
    for (kn_ssize_t i = 0; i < n; i++) {
        uint32_t c = ob_str_read_char(field, i);
        int need = char_need(d, c);
        if (need == 3 && rec_put(r, d->quotechar) < 0)
            return -1;
        if (need == 2 && rec_put(r, d->escapechar) < 0)
            return -1;
        if (rec_put(r, c) < 0)
            return -1;
    }
    if (quoted && rec_put(r, d->quotechar) < 0)
        return -1;
    r->num_fields++;
    return 0;
}

/* PyNumber_Check: int, float, complex or anything with __index__,
 * __int__ or __float__. */
static int is_number(KnObject *o)
{
    KnNumberMethods *nb = KN_TYPE(o)->tp_as_number;
    if (nb != NULL && (nb->nb_index != NULL || nb->nb_int != NULL || nb->nb_float != NULL))
        return 1;
    return ob_type_is_subtype(KN_TYPE(o), &ob_complex_type);
}

static KnObject *writerow(KnObject *self, KnObject *row)
{
    CsvWriter *w = (CsvWriter *)self;
    CsvDialect *d = (CsvDialect *)w->dialect;
    KnObject *it = ob_get_iter(row);
    if (it == NULL) {
        if (ob_err_matches((KnObject *)ob_exc_TypeError)) {
            ob_err_clear();
            return csv_err("iterable expected, not %.200s", KN_TYPE(row)->tp_name);
        }
        return NULL;
    }
    Rec r = {NULL, 0, 0, 0};
    KnObject *field;
    while ((field = ob_iter_next(it)) != NULL) {
        int quoted = d->quoting == CSV_QUOTE_ALL ||
                     (d->quoting == CSV_QUOTE_NONNUMERIC && !is_number(field));
        KnObject *text = field;
        if (field == KN_None)
            text = NULL;
        else if (!KN_STR_CHECK(field) && (text = ob_str(field)) == NULL)
            return NULL;
        if (append_field(&r, d, text, quoted) < 0)
            return NULL;
    }
    if (ob_err_occurred())
        return NULL;
    if (r.num_fields > 0 && r.len == 0) {
        if (d->quoting == CSV_QUOTE_NONE)
            return csv_err("single empty field record must be quoted");
        r.num_fields--;
        if (append_field(&r, d, NULL, 1) < 0)
            return NULL;
    }
    KnObject *lt = d->lineterminator;
    for (kn_ssize_t i = 0; i < KN_STR_LEN(lt); i++)
        if (rec_put(&r, ob_str_read_char(lt, i)) < 0)
            return NULL;
    KnObject *line = ob_str_from_codepoints(r.buf, r.len);
    return line == NULL ? NULL : ob_call_onearg(w->write, line);
}

static KnObject *writerows(KnObject *self, KnObject *rows)
{
    KnObject *it = ob_get_iter(rows);
    if (it == NULL)
        return NULL;
    KnObject *row;
    while ((row = ob_iter_next(it)) != NULL)
        if (writerow(self, row) == NULL)
            return NULL;
    return ob_err_occurred() ? NULL : KN_None;
}

KnObject *csv_writer(KnObject *m, KnObject *args, KnObject *kwargs)
{
    (void)m;
    kn_ssize_t n = KN_SIZE(args);
    if (n < 1 || n > 2)
        return ob_err_format(ob_exc_TypeError, " expected at %s argument%s, got %zd",
                             n < 1 ? "least 1" : "most 2", n < 1 ? "" : "s", n);
    CsvWriter *w = (CsvWriter *)ob_type_generic_alloc(&csv_writer_type, 0);
    if (w == NULL)
        return NULL;
    if (ob_lookup_attr(KN_TUPLE_GET(args, 0), ob_str_intern_cstr("write"), &w->write) < 0)
        return NULL;
    if (w->write == NULL || !ob_callable_check(w->write))
        return ob_err_format(ob_exc_TypeError, "argument 1 must have a \"write\" method");
    w->dialect = csv_call_dialect(n > 1 ? KN_TUPLE_GET(args, 1) : NULL, kwargs);
    return w->dialect == NULL ? NULL : (KnObject *)w;
}

#define FC(f) ((KnCFunction)(void (*)(void))(f))

static KnMethodDef writer_methods[] = {
    {"writerow", FC(writerow), KN_METH_O,
     "writerow(iterable)\n\nConstruct and write a CSV record from an iterable of fields.  Non-string\n"
     "elements will be converted to string."},
    {"writerows", FC(writerows), KN_METH_O,
     "writerows(iterable of iterables)\n\nConstruct and write a series of iterables to a csv file.  Non-string\n"
     "elements will be converted to string."},
    {NULL, NULL, 0, NULL}
};

static KnMemberDef writer_members[] = {
    {"dialect", KN_T_OBJECT, offsetof(CsvWriter, dialect), KN_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

KnTypeObject csv_writer_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "_csv.writer",
    .tp_basicsize = sizeof(CsvWriter),
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_doc = "CSV writer\n\nWriter objects are responsible for generating tabular data\n"
              "in CSV format from sequence input.\n",
    .tp_methods = writer_methods,
    .tp_members = writer_members,
};
