/*
 * sqlite_backup.c — Connection.backup (the online backup API, stepping
 * with the GIL released and reporting to an optional progress callable)
 * and Connection.setlimit / getlimit.
 */
#include <math.h>

#include "sqlite_internal.h"
#include "libobject/tstate.h"

static int sq_limit_category(KnObject *o, int *out)
{
    if (!KN_INT_CHECK(o)) {
        ob_err_format(ob_exc_TypeError, "'%s' object cannot be interpreted as an integer", ob_type_name(KN_TYPE(o)));
        return -1;
    }
    int overflow;
    long long v = ob_int_as_long_long_and_overflow(o, &overflow);
    if (overflow || v > 2147483647LL || v < -2147483648LL) {
        ob_err_set_string(ob_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)v;
    return 0;
}

static KnObject *sq_limit(SqConnection *c, KnObject *const *args, kn_ssize_t nargs, KnObject *kw, int set)
{
    const char *fname = set ? "setlimit" : "getlimit";
    if (ob_args_no_keywords(fname, kw) < 0 || ob_args_check_positional(fname, nargs, set ? 2 : 1, set ? 2 : 1) < 0)
        return NULL;
    int category, value = -1;
    if (sq_limit_category(args[0], &category) < 0 || (set && sq_limit_category(args[1], &value) < 0)
        || sq_check_connection(c) < 0)
        return NULL;
    int old = sqlite3_limit(c->db, category, value);
    if (old < 0) {
        sq_raise(sq_ProgrammingError, "'category' is out of bounds");
        return NULL;
    }
    return ob_int_from_long_long(old);
}

KnObject *sq_setlimit(SqConnection *c, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    return sq_limit(c, args, nargs, kw, 1);
}

KnObject *sq_getlimit(SqConnection *c, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    return sq_limit(c, args, nargs, kw, 0);
}

KnObject *sq_backup(SqConnection *c, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"target", "pages", "progress", "name", "sleep", NULL};
    static const KnArgSpec spec = {"backup", names, 1, 1, 0};
    KnObject *a[5] = {0};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    if (!ob_type_is_subtype(KN_TYPE(a[0]), &sq_connection_type)) {
        ob_err_format(ob_exc_TypeError, "backup() argument 'target' must be sqlite3.Connection, not %s",
                      ob_type_name(KN_TYPE(a[0])));
        return NULL;
    }
    SqConnection *target = (SqConnection *)a[0];
    int pages = -1;
    if (a[1] != NULL && sq_limit_category(a[1], &pages) < 0)
        return NULL;
    if (pages == 0)
        pages = -1;
    KnObject *progress = a[2] != NULL && a[2] != KN_None ? a[2] : NULL;
    const char *name = "main";
    if (a[3] != NULL) {
        if (!KN_STR_CHECK(a[3])) {
            ob_err_format(ob_exc_TypeError, "backup() argument 'name' must be str, not %s", ob_type_name(KN_TYPE(a[3])));
            return NULL;
        }
        if ((name = ob_str_as_utf8(a[3], NULL)) == NULL)
            return NULL;
    }
    double sleep_s = 0.250;
    if (a[4] != NULL) {
        KnObject *f = ob_number_float(a[4]);
        if (f == NULL)
            return NULL;
        sleep_s = ob_float_as_double(f);
    }
    if (sq_check_connection(c) < 0 || sq_check_connection(target) < 0)
        return NULL;
    if (target == c) {
        ob_err_set_string(ob_exc_ValueError, "target cannot be the same connection instance");
        return NULL;
    }
    if (progress != NULL && !ob_callable_check(progress)) {
        ob_err_set_string(ob_exc_TypeError, "progress argument must be a callable");
        return NULL;
    }
    if (sleep_s < 0) {
        ob_err_set_string(ob_exc_ValueError, "sleep must be greater-than or equal to zero");
        return NULL;
    }
    ob_gil_release();
    sqlite3_backup *bck = sqlite3_backup_init(target->db, "main", c->db, name);
    ob_gil_acquire();
    if (bck == NULL) {
        sq_set_db_error(target->db);
        return NULL;
    }
    int rc;
    do {
        ob_gil_release();
        rc = sqlite3_backup_step(bck, pages);
        ob_gil_acquire();
        if (progress != NULL) {
            KnObject *pa[3] = {ob_int_from_long_long(rc), ob_int_from_long_long(sqlite3_backup_remaining(bck)),
                               ob_int_from_long_long(sqlite3_backup_pagecount(bck))};
            if (ob_vectorcall(progress, pa, 3, NULL) == NULL) {
                KnObject *exc = ob_err_fetch();
                sqlite3_backup_finish(bck);
                ob_err_restore(exc);
                return NULL;
            }
        }
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
            ob_gil_release();
            sqlite3_sleep((int)(sleep_s * 1000.0));
            ob_gil_acquire();
        }
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    ob_gil_release();
    rc = sqlite3_backup_finish(bck);
    ob_gil_acquire();
    if (rc != SQLITE_OK) {
        sq_set_db_error(target->db);
        return NULL;
    }
    return KN_None;
}
