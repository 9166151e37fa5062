/*
 * sqlite_blob.c — sqlite3.Blob (Connection.blobopen, 3.11): incremental
 * I/O on one BLOB cell through sqlite3_blob_*, file-like (read, write,
 * seek, tell, close, context manager) and indexable (ints and slices,
 * assignment without resizing).  Blobs are closed with their connection.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "sqlite_internal.h"
#include "libobject/slice.h"
#include "libobject/tstate.h"

typedef struct SqBlob {
    KN_OBJECT_HEAD;
    SqConnection *conn;
    sqlite3_blob *blob;      /* NULL once closed */
    int offset;
    KnObject *weakreflist;
} SqBlob;

#define BLOB(o) ((SqBlob *)(o))

static KnTypeObject sq_blob_type;

void sq_blob_close_all(SqConnection *c)
{
    if (c->blobs == NULL)
        return;
    kn_ssize_t n = ob_length(c->blobs);
    for (kn_ssize_t i = 0; i < n; i++) {
        KnObject *b = ob_sequence_getitem(c->blobs, i);
        if (b != NULL && BLOB(b)->blob != NULL) {
            sqlite3_blob_close(BLOB(b)->blob);
            BLOB(b)->blob = NULL;
        }
    }
    ob_err_clear();
    c->blobs = NULL;
}

static int sq_blob_check(SqBlob *b)
{
    if (sq_check_connection(b->conn) < 0)
        return -1;
    if (b->blob == NULL) {
        sq_raise(sq_ProgrammingError, "Cannot operate on a closed blob.");
        return -1;
    }
    return 0;
}

KnObject *sq_blobopen(SqConnection *c, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"", "", "", "readonly", "name", NULL};
    static const KnArgSpec spec = {"blobopen", names, 3, 3, 0};
    KnObject *a[5] = {0};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    const char *what[3] = {"1", "2", NULL};
    for (int i = 0; i < 2; i++)
        if (!KN_STR_CHECK(a[i])) {
            ob_err_format(ob_exc_TypeError, "blobopen() argument %s must be str, not %s", what[i],
                          ob_type_name(KN_TYPE(a[i])));
            return NULL;
        }
    if (!KN_INT_CHECK(a[2])) {
        ob_err_format(ob_exc_TypeError, "'%s' object cannot be interpreted as an integer", ob_type_name(KN_TYPE(a[2])));
        return NULL;
    }
    int overflow;
    long long row = ob_int_as_long_long_and_overflow(a[2], &overflow);
    if (overflow) {
        ob_err_set_string(ob_exc_OverflowError, "Python int too large to convert to C long long");
        return NULL;
    }
    int readonly = 0;
    if (a[3] != NULL && (readonly = ob_is_true(a[3])) < 0)
        return NULL;
    const char *dbname = "main";
    if (a[4] != NULL) {
        if (!KN_STR_CHECK(a[4])) {
            ob_err_format(ob_exc_TypeError, "blobopen() argument 'name' must be str, not %s", ob_type_name(KN_TYPE(a[4])));
            return NULL;
        }
        dbname = ob_str_as_utf8(a[4], NULL);
    }
    const char *table = ob_str_as_utf8(a[0], NULL);
    const char *column = table ? ob_str_as_utf8(a[1], NULL) : NULL;
    if (dbname == NULL || column == NULL)
        return NULL;
    sqlite3_blob *blob = NULL;
    ob_gil_release();
    int rc = sqlite3_blob_open(c->db, dbname, table, column, row, !readonly, &blob);
    ob_gil_acquire();
    if (rc != SQLITE_OK) {
        sq_set_db_error(c->db);
        return NULL;
    }
    SqBlob *b = (SqBlob *)ob_type_generic_alloc(&sq_blob_type, 0);
    if (b == NULL || (c->blobs == NULL && (c->blobs = ob_list_new(0)) == NULL)
        || ob_list_append(c->blobs, (KnObject *)b) < 0) {
        sqlite3_blob_close(blob);
        return NULL;
    }
    b->conn = c;
    b->blob = blob;
    return (KnObject *)b;
}

static int sq_blob_len_int(SqBlob *b)
{
    return sqlite3_blob_bytes(b->blob);
}

static KnObject *sq_blob_read_at(SqBlob *b, int offset, int n)
{
    KnObject *out = ob_bytes_new_uninit(n);
    if (out == NULL)
        return NULL;
    ob_gil_release();
    int rc = sqlite3_blob_read(b->blob, KN_BYTES_AS_STRING(out), n, offset);
    ob_gil_acquire();
    if (rc != SQLITE_OK) {
        sq_set_db_error(b->conn->db);
        return NULL;
    }
    return out;
}

static int sq_blob_write_at(SqBlob *b, const void *data, int n, int offset)
{
    ob_gil_release();
    int rc = sqlite3_blob_write(b->blob, data, n, offset);
    ob_gil_acquire();
    if (rc != SQLITE_OK) {
        sq_set_db_error(b->conn->db);
        return -1;
    }
    return 0;
}

static KnObject *sq_blob_read(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    SqBlob *b = BLOB(self);
    if (ob_args_check_positional("read", nargs, 0, 1) < 0)
        return NULL;
    long long length = -1;
    if (nargs == 1) {
        int overflow;
        if (!KN_INT_CHECK(args[0])) {
            ob_err_format(ob_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          ob_type_name(KN_TYPE(args[0])));
            return NULL;
        }
        length = ob_int_as_long_long_and_overflow(args[0], &overflow);
        if (overflow || length > INT_MAX || length < INT_MIN) {
            ob_err_set_string(ob_exc_OverflowError, "Python int too large to convert to C int");
            return NULL;
        }
    }
    if (sq_blob_check(b) < 0)
        return NULL;
    int size = sq_blob_len_int(b);
    int left = size - b->offset;
    if (length < 0 || length > left)
        length = left;
    if (length <= 0)
        return ob_bytes_from_data("", 0);
    KnObject *r = sq_blob_read_at(b, b->offset, (int)length);
    if (r != NULL)
        b->offset += (int)length;
    return r;
}

static KnObject *sq_blob_write(KnObject *self, KnObject *data)
{
    SqBlob *b = BLOB(self);
    KnBuffer view;
    if (ob_buffer_get(data, &view, KN_BUF_SIMPLE) < 0)
        return NULL;
    KnObject *result = NULL;
    if (sq_blob_check(b) < 0)
        goto done;
    if (view.len > INT_MAX || view.len > sq_blob_len_int(b) - b->offset) {
        ob_err_set_string(ob_exc_ValueError, "data longer than blob length");
        goto done;
    }
    if (sq_blob_write_at(b, view.buf, (int)view.len, b->offset) < 0)
        goto done;
    b->offset += (int)view.len;
    result = KN_None;
done:
    ob_buffer_release(&view);
    return result;
}

static KnObject *sq_blob_seek(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    SqBlob *b = BLOB(self);
    if (ob_args_check_positional("seek", nargs, 1, 2) < 0)
        return NULL;
    long long off, origin = 0;
    int overflow = 0;
    for (kn_ssize_t i = 0; i < nargs; i++)
        if (!KN_INT_CHECK(args[i])) {
            ob_err_format(ob_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          ob_type_name(KN_TYPE(args[i])));
            return NULL;
        }
    off = ob_int_as_long_long_and_overflow(args[0], &overflow);
    if (!overflow && nargs == 2)
        origin = ob_int_as_long_long_and_overflow(args[1], &overflow);
    if (overflow || off > INT_MAX || off < INT_MIN || origin > INT_MAX || origin < INT_MIN) {
        ob_err_set_string(ob_exc_OverflowError, "Python int too large to convert to C int");
        return NULL;
    }
    if (sq_blob_check(b) < 0)
        return NULL;
    long long size = sq_blob_len_int(b);
    switch (origin) {
    case 0: break;
    case 1: off += b->offset; break;
    case 2: off += size; break;
    default:
        ob_err_set_string(ob_exc_ValueError, "'origin' should be os.SEEK_SET, os.SEEK_CUR, or os.SEEK_END");
        return NULL;
    }
    if (off > INT_MAX || off < INT_MIN) {
        ob_err_set_string(ob_exc_OverflowError, "seek offset results in overflow");
        return NULL;
    }
    if (off < 0 || off > size) {
        ob_err_set_string(ob_exc_ValueError, "offset out of blob range");
        return NULL;
    }
    b->offset = (int)off;
    return KN_None;
}

static KnObject *sq_blob_tell(KnObject *self, KnObject *unused)
{
    (void)unused;
    if (sq_blob_check(BLOB(self)) < 0)
        return NULL;
    return ob_int_from_long_long(BLOB(self)->offset);
}

static KnObject *sq_blob_close(KnObject *self, KnObject *unused)
{
    (void)unused;
    SqBlob *b = BLOB(self);
    if (sq_check_connection(b->conn) < 0)
        return NULL;
    if (b->blob != NULL) {
        ob_gil_release();
        sqlite3_blob_close(b->blob);
        ob_gil_acquire();
        b->blob = NULL;
    }
    return KN_None;
}

static KnObject *sq_blob_enter(KnObject *self, KnObject *unused)
{
    (void)unused;
    return sq_blob_check(BLOB(self)) < 0 ? NULL : self;
}

static KnObject *sq_blob_exit(KnObject *self, KnObject *const *args, kn_ssize_t nargs)
{
    (void)args;
    if (ob_args_check_positional("__exit__", nargs, 3, 3) < 0 || sq_blob_check(BLOB(self)) < 0)
        return NULL;
    return sq_blob_close(self, NULL) == NULL ? NULL : KN_False;
}

static kn_ssize_t sq_blob_length(KnObject *self)
{
    if (sq_blob_check(BLOB(self)) < 0)
        return -1;
    return sq_blob_len_int(BLOB(self));
}

/* An int index into the blob, negative from the end; -1 with IndexError. */
static int sq_blob_index(SqBlob *b, KnObject *key, int *out)
{
    kn_ssize_t i = ob_number_as_ssize(key, ob_exc_IndexError);
    if (i == -1 && ob_err_occurred())
        return -1;
    int size = sq_blob_len_int(b);
    if (i < 0)
        i += size;
    if (i < 0 || i >= size) {
        ob_err_set_string(ob_exc_IndexError, "Blob index out of range");
        return -1;
    }
    *out = (int)i;
    return 0;
}

static KnObject *sq_blob_subscript(KnObject *self, KnObject *key)
{
    SqBlob *b = BLOB(self);
    if (sq_blob_check(b) < 0)
        return NULL;
    if (ob_index_check(key)) {
        int i;
        if (sq_blob_index(b, key, &i) < 0)
            return NULL;
        KnObject *one = sq_blob_read_at(b, i, 1);
        return one ? ob_int_from_long_long((unsigned char)KN_BYTES_AS_STRING(one)[0]) : NULL;
    }
    if (KN_SLICE_CHECK(key)) {
        kn_ssize_t start, stop, step, n;
        if (ob_slice_get_indices(key, sq_blob_len_int(b), &start, &stop, &step, &n) < 0)
            return NULL;
        if (n <= 0)
            return ob_bytes_from_data("", 0);
        if (step == 1)
            return sq_blob_read_at(b, (int)start, (int)n);
        KnObject *whole = sq_blob_read_at(b, 0, sq_blob_len_int(b));
        KnObject *out = whole ? ob_bytes_new_uninit(n) : NULL;
        if (out == NULL)
            return NULL;
        for (kn_ssize_t k = 0, j = start; k < n; k++, j += step)
            KN_BYTES_AS_STRING(out)[k] = KN_BYTES_AS_STRING(whole)[j];
        return out;
    }
    ob_err_set_string(ob_exc_TypeError, "Blob indices must be integers");
    return NULL;
}

static int sq_blob_ass_subscript(KnObject *self, KnObject *key, KnObject *value)
{
    SqBlob *b = BLOB(self);
    if (sq_blob_check(b) < 0)
        return -1;
    if (value == NULL) {
        ob_err_set_string(ob_exc_TypeError, "Blob doesn't support item deletion");
        return -1;
    }
    if (ob_index_check(key)) {
        int i;
        if (sq_blob_index(b, key, &i) < 0)
            return -1;
        if (!ob_index_check(value)) {
            ob_err_format(ob_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          ob_type_name(KN_TYPE(value)));
            return -1;
        }
        kn_ssize_t v = ob_number_as_ssize(value, NULL);
        if (v == -1 && ob_err_occurred())
            return -1;
        if (v < 0 || v > 255) {
            ob_err_set_string(ob_exc_ValueError, "byte must be in range(0, 256)");
            return -1;
        }
        unsigned char byte = (unsigned char)v;
        return sq_blob_write_at(b, &byte, 1, i);
    }
    if (!KN_SLICE_CHECK(key)) {
        ob_err_set_string(ob_exc_TypeError, "Blob indices must be integers");
        return -1;
    }
    kn_ssize_t start, stop, step, n;
    if (ob_slice_get_indices(key, sq_blob_len_int(b), &start, &stop, &step, &n) < 0)
        return -1;
    KnBuffer view;
    if (ob_buffer_get(value, &view, KN_BUF_SIMPLE) < 0)
        return -1;
    int rc = -1;
    if (view.len != n) {
        ob_err_set_string(ob_exc_IndexError, "Blob slice assignment is wrong size");
    } else if (n == 0) {
        rc = 0;
    } else if (step == 1) {
        rc = sq_blob_write_at(b, view.buf, (int)n, (int)start);
    } else {
        KnObject *whole = sq_blob_read_at(b, 0, sq_blob_len_int(b));
        if (whole != NULL) {
            char *p = KN_BYTES_AS_STRING(whole);
            for (kn_ssize_t k = 0, j = start; k < n; k++, j += step)
                p[j] = ((const char *)view.buf)[k];
            rc = sq_blob_write_at(b, p, (int)KN_SIZE(whole), 0);
        }
    }
    ob_buffer_release(&view);
    return rc;
}

static KnMethodDef sq_blob_methods[] = {
    {"read", SQ_FC(sq_blob_read), KN_METH_FASTCALL, "Read data at the current offset position."},
    {"write", SQ_FC(sq_blob_write), KN_METH_O, "Write data at the current offset."},
    {"seek", SQ_FC(sq_blob_seek), KN_METH_FASTCALL, "Set the current access position to offset."},
    {"tell", SQ_FC(sq_blob_tell), KN_METH_NOARGS, "Return the current access position for the blob."},
    {"close", SQ_FC(sq_blob_close), KN_METH_NOARGS, "Close the blob."},
    {"__enter__", SQ_FC(sq_blob_enter), KN_METH_NOARGS, "Blob context manager enter."},
    {"__exit__", SQ_FC(sq_blob_exit), KN_METH_FASTCALL, "Blob context manager exit."},
    {NULL, NULL, 0, NULL}
};

static KnMappingMethods sq_blob_as_mapping = {
    .mp_length = sq_blob_length,
    .mp_subscript = sq_blob_subscript,
    .mp_ass_subscript = sq_blob_ass_subscript,
};

static KnSequenceMethods sq_blob_as_sequence = {
    .sq_length = sq_blob_length,
};

static KnTypeObject sq_blob_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "sqlite3.Blob",
    .tp_basicsize = sizeof(SqBlob),
    .tp_as_sequence = &sq_blob_as_sequence,
    .tp_as_mapping = &sq_blob_as_mapping,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT,
    .tp_weaklistoffset = offsetof(SqBlob, weakreflist),
    .tp_methods = sq_blob_methods,
};

KnTypeObject *sq_blob_type_ready(void)
{
    return ob_type_ready(&sq_blob_type) < 0 ? NULL : &sq_blob_type;
}
