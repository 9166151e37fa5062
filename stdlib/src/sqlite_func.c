/*
 * sqlite_func.c — Python callables registered with SQLite: scalar
 * functions, aggregates (classes with step / finalize), collations, the
 * authorizer, the progress handler and the trace callback.
 *
 * SQLite calls these from inside sqlite3_step / sqlite3_prepare, which
 * run with the GIL released, so each trampoline takes the GIL for its
 * duration.  The object handed to SQLite as user data is also appended
 * to the connection's `keep` list so the collector sees it.  A callback
 * that raises is reported through the unraisable hook when
 * enable_callback_tracebacks(True) is in force, and cleared otherwise;
 * SQLite then sees the error as 3.11's messages describe it.
 */
#include <stdio.h>
#include <string.h>

#include "sqlite_internal.h"
#include "libobject/tstate.h"
#include "libjit/jit.h"

/* Report the pending exception of a callback to SQLite as 3.11 does:
 * MemoryError and OverflowError become SQLite's own "out of memory" and
 * "string or blob too big", anything else `msg`. */
static void sq_result_error(sqlite3_context *ctx, const char *msg)
{
    if (ob_err_matches((KnObject *)ob_exc_MemoryError))
        sqlite3_result_error_nomem(ctx);
    else if (ob_err_matches((KnObject *)ob_exc_OverflowError))
        sqlite3_result_error_toobig(ctx);
    else
        sqlite3_result_error(ctx, msg, -1);
}

static void sq_callback_error(KnObject *where)
{
    if (!sq_callback_tracebacks)
        ob_err_clear();
    else
        ob_err_write_unraisable(where);     /* sys.unraisablehook */
}

KnObject *sq_value_to_object(sqlite3_value *v)
{
    switch (sqlite3_value_type(v)) {
    case SQLITE_INTEGER:
        return ob_int_from_long_long(sqlite3_value_int64(v));
    case SQLITE_FLOAT:
        return ob_float_from_double(sqlite3_value_double(v));
    case SQLITE_TEXT:
        return ob_str_from_utf8((const char *)sqlite3_value_text(v), sqlite3_value_bytes(v));
    case SQLITE_BLOB:
        return ob_bytes_from_data(sqlite3_value_blob(v), sqlite3_value_bytes(v));
    default:
        return KN_None;
    }
}

static KnObject *sq_args_tuple(int argc, sqlite3_value **argv)
{
    KnObject *t = ob_tuple_new(argc);
    if (t == NULL)
        return NULL;
    for (int i = 0; i < argc; i++) {
        KnObject *v = sq_value_to_object(argv[i]);
        if (v == NULL)
            return NULL;
        KN_TUPLE_ITEMS(t)[i] = v;
    }
    return t;
}

/* Store a Python result in ctx; -1 with an exception set when the value
 * has no SQLite type. */
static int sq_set_result(sqlite3_context *ctx, KnObject *r)
{
    if (r == KN_None) {
        sqlite3_result_null(ctx);
    } else if (KN_INT_CHECK(r)) {
        int overflow = 0;
        long long x = ob_int_as_long_long_and_overflow(r, &overflow);
        if (overflow) {
            ob_err_set_string(ob_exc_OverflowError, "Python int too large to convert to SQLite INTEGER");
            return -1;
        }
        sqlite3_result_int64(ctx, x);
    } else if (ob_type_is_subtype(KN_TYPE(r), &ob_float_type)) {
        sqlite3_result_double(ctx, ob_float_as_double(r));
    } else if (KN_STR_CHECK(r)) {
        kn_ssize_t n;
        const char *s = ob_str_as_utf8(r, &n);
        if (s == NULL)
            return -1;
        sqlite3_result_text64(ctx, s, (sqlite3_uint64)n, SQLITE_TRANSIENT, SQLITE_UTF8);
    } else if (ob_buffer_check(r)) {
        KnBuffer view;
        if (ob_buffer_get(r, &view, KN_BUF_SIMPLE) < 0)
            return -1;
        sqlite3_result_blob64(ctx, view.buf, (sqlite3_uint64)view.len, SQLITE_TRANSIENT);
        ob_buffer_release(&view);
    } else {
        ob_err_format(ob_exc_TypeError, "unsupported return type '%s'", ob_type_name(KN_TYPE(r)));
        return -1;
    }
    return 0;
}

/* ---- scalar functions ---- */

static void sq_func_trampoline(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    ob_gil_acquire();
    KnObject *fn = sqlite3_user_data(ctx);
    KnObject *args = sq_args_tuple(argc, argv);
    KnObject *r = args ? ob_call(fn, args, NULL) : NULL;
    if (r == NULL || sq_set_result(ctx, r) < 0) {
        sq_result_error(ctx, "user-defined function raised exception");
        sq_callback_error(fn);
    }
    ob_gil_release();
}

static int sq_keep(SqConnection *c, KnObject *o)
{
    return ob_list_append(c->keep, o);
}

static int sq_str_arg(const char *fname, const char *what, int pos, KnObject *o)
{
    if (KN_STR_CHECK(o))
        return 0;
    (void)pos;
    ob_err_format(ob_exc_TypeError, "%s() argument '%s' must be str, not %s", fname, what, ob_type_name(KN_TYPE(o)));
    return -1;
}

static int sq_int_arg(KnObject *o, int *out)
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

KnObject *sq_create_function(SqConnection *c, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"name", "narg", "func", "deterministic", NULL};
    static const KnArgSpec spec = {"create_function", names, 3, 3, 0};
    KnObject *a[4] = {0};
    int narg, det = 0;
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0 || sq_str_arg("create_function", "name", 1, a[0]) < 0
        || sq_int_arg(a[1], &narg) < 0 || (a[3] != NULL && (det = ob_is_true(a[3])) < 0))
        return NULL;
    const char *name = ob_str_as_utf8(a[0], NULL);
    if (name == NULL)
        return NULL;
    int flags = SQLITE_UTF8 | (det ? SQLITE_DETERMINISTIC : 0);
    int rc;
    if (a[2] == KN_None) {
        rc = sqlite3_create_function_v2(c->db, name, narg, flags, NULL, NULL, NULL, NULL, NULL);
    } else {
        if (sq_keep(c, a[2]) < 0)
            return NULL;
        rc = sqlite3_create_function_v2(c->db, name, narg, flags, a[2], sq_func_trampoline, NULL, NULL, NULL);
    }
    if (rc != SQLITE_OK) {
        sq_raise(sq_OperationalError, "Error creating function");
        return NULL;
    }
    return KN_None;
}

/* ---- aggregates and window functions: user data is a (class,
 * connection) tuple; the instance lives in the aggregate context ---- */

static void sq_agg_error(sqlite3_context *ctx, KnObject *cls, const char *method)
{
    int missing = ob_err_matches((KnObject *)ob_exc_AttributeError);
    char msg[96];
    snprintf(msg, sizeof msg, "user-defined aggregate's '%s' method %s", method,
             missing ? "not defined" : "raised error");
    sq_result_error(ctx, msg);
    sq_callback_error(cls);
}

/* Call instance.<method>(*args) for step / inverse; the instance is made
 * on the first step. */
static void sq_agg_feed(sqlite3_context *ctx, int argc, sqlite3_value **argv, const char *method)
{
    ob_gil_acquire();
    KnObject *info = sqlite3_user_data(ctx);
    KnObject *cls = KN_TUPLE_GET(info, 0);
    SqConnection *c = (SqConnection *)KN_TUPLE_GET(info, 1);
    KnObject **slot = sqlite3_aggregate_context(ctx, sizeof(KnObject *));
    if (slot == NULL) {
        sqlite3_result_error_nomem(ctx);
        goto done;
    }
    if (*slot == NULL) {
        KnObject *inst = ob_call_noargs(cls);
        if (inst == NULL || sq_keep(c, inst) < 0) {
            sq_callback_error(cls);
            sqlite3_result_error(ctx, "user-defined aggregate's '__init__' method raised error", -1);
            goto done;
        }
        *slot = inst;
    }
    KnObject *fn = ob_getattr_str(*slot, method);
    KnObject *t = fn ? sq_args_tuple(argc, argv) : NULL;
    if (t == NULL || ob_call(fn, t, NULL) == NULL)
        sq_agg_error(ctx, cls, method);
done:
    ob_gil_release();
}

static void sq_agg_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    sq_agg_feed(ctx, argc, argv, "step");
}

static void sq_agg_inverse(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    sq_agg_feed(ctx, argc, argv, "inverse");
}

/* instance.value() / instance.finalize() as the SQL result; finalize
 * also lets the instance go. */
static void sq_agg_result(sqlite3_context *ctx, const char *method, int last)
{
    ob_gil_acquire();
    KnObject *info = sqlite3_user_data(ctx);
    SqConnection *c = (SqConnection *)KN_TUPLE_GET(info, 1);
    KnObject **slot = sqlite3_aggregate_context(ctx, 0);
    if (slot == NULL || *slot == NULL)
        goto done;
    KnObject *inst = *slot;
    if (last)
        *slot = NULL;
    KnObject *fn = ob_getattr_str(inst, method);
    KnObject *r = fn ? ob_call_noargs(fn) : NULL;
    if (r == NULL || sq_set_result(ctx, r) < 0)
        sq_agg_error(ctx, KN_TUPLE_GET(info, 0), method);
    if (last && ob_call_method(c->keep, "remove", 1, inst) == NULL)
        ob_err_clear();
done:
    ob_gil_release();
}

static void sq_agg_final(sqlite3_context *ctx)
{
    sq_agg_result(ctx, "finalize", 1);
}

static void sq_agg_value(sqlite3_context *ctx)
{
    sq_agg_result(ctx, "value", 0);
}

KnObject *sq_create_window_function(SqConnection *c, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    if (ob_args_no_keywords("create_window_function", kw) < 0
        || ob_args_check_positional("create_window_function", nargs, 3, 3) < 0)
        return NULL;
    int narg;
    if (!KN_STR_CHECK(args[0])) {
        ob_err_format(ob_exc_TypeError, "create_window_function() argument 1 must be str, not %s",
                      ob_type_name(KN_TYPE(args[0])));
        return NULL;
    }
    if (sq_int_arg(args[1], &narg) < 0)
        return NULL;
    const char *name = ob_str_as_utf8(args[0], NULL);
    if (name == NULL)
        return NULL;
    int rc;
    if (args[2] == KN_None) {
        rc = sqlite3_create_window_function(c->db, name, narg, SQLITE_UTF8, NULL, NULL, NULL, NULL, NULL, NULL);
    } else {
        KnObject *info = ob_tuple_pack(2, args[2], (KnObject *)c);
        if (info == NULL || sq_keep(c, info) < 0)
            return NULL;
        rc = sqlite3_create_window_function(c->db, name, narg, SQLITE_UTF8, info, sq_agg_step, sq_agg_final,
                                            sq_agg_value, sq_agg_inverse, NULL);
    }
    if (rc != SQLITE_OK) {
        /* SQLite leaves the connection's error alone here. */
        sq_raise(sq_ProgrammingError, sqlite3_errstr(rc));
        return NULL;
    }
    return KN_None;
}

KnObject *sq_create_aggregate(SqConnection *c, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"name", "n_arg", "aggregate_class", NULL};
    static const KnArgSpec spec = {"create_aggregate", names, 3, 3, 0};
    KnObject *a[3] = {0};
    int narg;
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0 || sq_str_arg("create_aggregate", "name", 1, a[0]) < 0
        || sq_int_arg(a[1], &narg) < 0)
        return NULL;
    const char *name = ob_str_as_utf8(a[0], NULL);
    if (name == NULL)
        return NULL;
    int rc;
    if (a[2] == KN_None) {
        rc = sqlite3_create_function_v2(c->db, name, narg, SQLITE_UTF8, NULL, NULL, NULL, NULL, NULL);
    } else {
        KnObject *info = ob_tuple_pack(2, a[2], (KnObject *)c);
        if (info == NULL || sq_keep(c, info) < 0)
            return NULL;
        rc = sqlite3_create_function_v2(c->db, name, narg, SQLITE_UTF8, info, NULL, sq_agg_step, sq_agg_final, NULL);
    }
    if (rc != SQLITE_OK) {
        sq_raise(sq_OperationalError, "Error creating aggregate");
        return NULL;
    }
    return KN_None;
}

/* ---- collations ---- */

static int sq_collation_trampoline(void *arg, int n1, const void *s1, int n2, const void *s2)
{
    ob_gil_acquire();
    int result = 0;
    KnObject *a = ob_str_from_utf8(s1, n1);
    KnObject *b = a ? ob_str_from_utf8(s2, n2) : NULL;
    KnObject *args[2] = {a, b};
    KnObject *r = b ? ob_vectorcall((KnObject *)arg, args, 2, NULL) : NULL;
    if (r != NULL && KN_INT_CHECK(r)) {
        int sign = ob_int_sign(r);
        result = sign;
    } else if (r != NULL) {
        ob_err_set_string(ob_exc_TypeError, "collation callback must return an int");
        sq_callback_error((KnObject *)arg);
    } else {
        sq_callback_error((KnObject *)arg);
    }
    ob_gil_release();
    return result;
}

KnObject *sq_create_collation(SqConnection *c, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    if (ob_args_no_keywords("create_collation", kw) < 0
        || ob_args_check_positional("create_collation", nargs, 2, 2) < 0)
        return NULL;
    if (!KN_STR_CHECK(args[0])) {
        ob_err_format(ob_exc_TypeError, "create_collation() argument 1 must be str, not %s",
                      ob_type_name(KN_TYPE(args[0])));
        return NULL;
    }
    const char *name = ob_str_as_utf8(args[0], NULL);
    if (name == NULL)
        return NULL;
    KnObject *fn = args[1];
    int rc;
    if (fn == KN_None) {
        rc = sqlite3_create_collation_v2(c->db, name, SQLITE_UTF8, NULL, NULL, NULL);
    } else {
        if (!ob_callable_check(fn)) {
            ob_err_set_string(ob_exc_TypeError, "parameter must be callable");
            return NULL;
        }
        if (sq_keep(c, fn) < 0)
            return NULL;
        rc = sqlite3_create_collation_v2(c->db, name, SQLITE_UTF8, fn, sq_collation_trampoline, NULL);
    }
    if (rc != SQLITE_OK) {
        sq_set_db_error(c->db);
        return NULL;
    }
    return KN_None;
}

/* ---- authorizer, progress handler, trace ---- */

static KnObject *sq_opt_str(const char *s)
{
    return s ? ob_str_from_utf8(s, (kn_ssize_t)strlen(s)) : KN_None;
}

static int sq_authorizer_trampoline(void *arg, int action, const char *a1, const char *a2,
                                    const char *dbname, const char *source)
{
    ob_gil_acquire();
    int rc = SQLITE_DENY;
    KnObject *args[5] = {ob_int_from_long_long(action), sq_opt_str(a1), sq_opt_str(a2),
                         sq_opt_str(dbname), sq_opt_str(source)};
    int ok = 1;
    for (int i = 0; i < 5; i++)
        ok = ok && args[i] != NULL;
    KnObject *r = ok ? ob_vectorcall((KnObject *)arg, args, 5, NULL) : NULL;
    if (r != NULL && KN_INT_CHECK(r)) {
        int overflow;
        long long v = ob_int_as_long_long_and_overflow(r, &overflow);
        if (!overflow && v >= -2147483647LL && v <= 2147483647LL)
            rc = (int)v;
        else
            ob_err_clear();
    } else if (r == NULL) {
        sq_callback_error((KnObject *)arg);
    }
    ob_gil_release();
    return rc;
}

KnObject *sq_set_authorizer(SqConnection *c, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"authorizer_callback", NULL};
    static const KnArgSpec spec = {"set_authorizer", names, 1, 1, 0};
    KnObject *a[1] = {0};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    int rc;
    if (a[0] == KN_None) {
        rc = sqlite3_set_authorizer(c->db, NULL, NULL);
    } else {
        if (sq_keep(c, a[0]) < 0)
            return NULL;
        rc = sqlite3_set_authorizer(c->db, sq_authorizer_trampoline, a[0]);
    }
    if (rc != SQLITE_OK) {
        sq_raise(sq_OperationalError, "Error setting authorizer callback");
        return NULL;
    }
    return KN_None;
}

static int sq_progress_trampoline(void *arg)
{
    ob_gil_acquire();
    int rc = 1;
    KnObject *r = ob_call_noargs((KnObject *)arg);
    if (r == NULL) {
        sq_callback_error((KnObject *)arg);
    } else {
        rc = ob_is_true(r);
        if (rc < 0) {
            sq_callback_error((KnObject *)arg);
            rc = 1;
        }
    }
    ob_gil_release();
    return rc;
}

KnObject *sq_set_progress_handler(SqConnection *c, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"progress_handler", "n", NULL};
    static const KnArgSpec spec = {"set_progress_handler", names, 2, 2, 0};
    KnObject *a[2] = {0};
    int n;
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0 || sq_int_arg(a[1], &n) < 0)
        return NULL;
    if (a[0] == KN_None) {
        sqlite3_progress_handler(c->db, 0, NULL, NULL);
    } else {
        if (sq_keep(c, a[0]) < 0)
            return NULL;
        sqlite3_progress_handler(c->db, n, sq_progress_trampoline, a[0]);
    }
    return KN_None;
}

static int sq_trace_trampoline(unsigned type, void *arg, void *p, void *x)
{
    (void)x;
    if (type != SQLITE_TRACE_STMT)
        return 0;
    ob_gil_acquire();
    char *sql = sqlite3_expanded_sql((sqlite3_stmt *)p);
    KnObject *s;
    if (sql != NULL) {
        s = ob_str_from_utf8(sql, (kn_ssize_t)strlen(sql));
        sqlite3_free(sql);
    } else {
        /* Too long to expand under SQLITE_LIMIT_LENGTH: reported as 3.11
         * does, then the callback gets the unexpanded text. */
        sq_raise(sq_DataError, "Expanded SQL string exceeds the maximum string length");
        sq_callback_error((KnObject *)arg);
        const char *raw = sqlite3_sql((sqlite3_stmt *)p);
        s = sq_opt_str(raw);
    }
    if (s == NULL || ob_call_onearg((KnObject *)arg, s) == NULL)
        sq_callback_error((KnObject *)arg);
    ob_gil_release();
    return 0;
}

KnObject *sq_set_trace_callback(SqConnection *c, KnObject *const *args, kn_ssize_t nargs, KnObject *kw)
{
    static const char *const names[] = {"trace_callback", NULL};
    static const KnArgSpec spec = {"set_trace_callback", names, 1, 1, 0};
    KnObject *a[1] = {0};
    if (ob_args_parse(&spec, args, nargs, kw, a) < 0)
        return NULL;
    if (a[0] == KN_None) {
        sqlite3_trace_v2(c->db, SQLITE_TRACE_STMT, NULL, NULL);
    } else {
        if (sq_keep(c, a[0]) < 0)
            return NULL;
        sqlite3_trace_v2(c->db, SQLITE_TRACE_STMT, sq_trace_trampoline, a[0]);
    }
    return KN_None;
}
