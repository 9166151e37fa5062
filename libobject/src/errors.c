/*
 * errors.c — the current exception (errors.h).
 *
 * Invariant: the thread state holds the exception normalised — curexc_value
 * is an instance, curexc_type its class, curexc_traceback its __traceback__.
 * Raising by class with a value instantiates the class right away (Kiln has
 * no lazy (type, value) pairs: C code never observes them).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"

static KnObject *nomemory_instance;

/* The instance to raise for exc(value) (value NULL: no argument). */
static KnObject *make_instance(KnTypeObject *exc, KnObject *value)
{
    if (value != NULL && KN_EXC_CHECK(value) && ob_type_is_subtype(KN_TYPE(value), exc))
        return value;
    KnObject *args;
    if (value == NULL || value == KN_None)
        args = ob_tuple_empty();
    else if (KN_TUPLE_CHECK(value))
        args = value;
    else
        args = ob_tuple_pack(1, value);
    if (args == NULL)
        return NULL;
    return ob_call((KnObject *)exc, args, NULL);
}

void ob_err_restore(KnObject *exc)
{
    KnThreadState *ts = ob_tstate_get();
    if (exc == NULL) {
        ts->curexc_type = ts->curexc_value = ts->curexc_traceback = NULL;
        return;
    }
    ts->curexc_type = (KnObject *)KN_TYPE(exc);
    ts->curexc_value = exc;
    KnObject *tb = ((KnBaseExceptionObject *)exc)->traceback;
    ts->curexc_traceback = (tb == KN_None) ? NULL : tb;
}

static void raise_instance(KnTypeObject *exc, KnObject *value)
{
    if (ob_exc_SystemError == NULL) {
        /* raised before the exception classes exist: a start-up bug */
        fputs("kiln: error raised before exception classes exist\n", stderr);
        abort();
    }
    if (exc == NULL || !KN_EXC_CLASS_CHECK(exc)) {
        ob_err_format(ob_exc_SystemError, "exception %R is not a BaseException subclass",
                      (KnObject *)exc);
        return;
    }
    /* A new exception replaces one still pending (as PyErr_SetObject
     * does); clear it first, or calling the class would see it and fail. */
    ob_err_clear();
    KnObject *inst = make_instance(exc, value);
    if (inst == NULL)
        return;         /* the constructor's own error is set */
    if (!KN_EXC_CHECK(inst)) {
        ob_err_format(ob_exc_TypeError,
                      "calling %R should have returned an instance of BaseException, not %s",
                      (KnObject *)exc, KN_TNAME(inst));
        return;
    }
    ob_err_chain_context(inst);
    ob_err_restore(inst);
}

void ob_err_set_object(KnTypeObject *exc, KnObject *value)
{
    raise_instance(exc, value);
}

void ob_err_set_none(KnTypeObject *exc)
{
    raise_instance(exc, NULL);
}

void ob_err_set_string(KnTypeObject *exc, const char *msg)
{
    KnObject *s = ob_str_from_cstr(msg);
    if (s == NULL)
        return;
    KnObject *args = ob_tuple_pack(1, s);
    if (args == NULL)
        return;
    raise_instance(exc, args);
}

KnObject *ob_err_formatv(KnTypeObject *exc, const char *fmt, va_list ap)
{
    ob_err_clear();     /* the message's %R/%S calls must not see a stale error */
    KnObject *s = ob_errfmt_str(fmt, ap);
    if (s == NULL)
        return NULL;
    KnObject *args = ob_tuple_pack(1, s);
    if (args != NULL)
        raise_instance(exc, args);
    return NULL;
}

KnObject *ob_err_format(KnTypeObject *exc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ob_err_formatv(exc, fmt, ap);
    va_end(ap);
    return NULL;
}

KnObject *ob_err_nomemory(void)
{
    if (nomemory_instance == NULL) {
        /* Before start-up finished: nothing better to do. */
        fputs("kiln: out of memory during start-up\n", stderr);
        return NULL;
    }
    ob_err_restore(nomemory_instance);
    return NULL;
}

/* Called by ob_exceptions_init once MemoryError exists. */
void ob_errors_preallocate(void);
void ob_errors_preallocate(void)
{
    nomemory_instance = make_instance(ob_exc_MemoryError, NULL);
}

void ob_err_bad_internal_call(void)
{
    ob_err_set_string(ob_exc_SystemError, "bad argument to internal function");
}

KnTypeObject *ob_err_occurred(void)
{
    KnThreadState *ts = ob_tstate_get();
    return (KnTypeObject *)ts->curexc_type;
}

int ob_err_given_matches(KnObject *given, KnObject *exc)
{
    if (given == NULL || exc == NULL)
        return 0;
    if (KN_TUPLE_CHECK(exc)) {
        for (kn_ssize_t i = 0; i < KN_SIZE(exc); i++)
            if (ob_err_given_matches(given, KN_TUPLE_GET(exc, i)))
                return 1;
        return 0;
    }
    KnTypeObject *gt = KN_TYPE_OBJ_CHECK(given) ? (KnTypeObject *)given : KN_TYPE(given);
    if (KN_TYPE_OBJ_CHECK(exc))
        return ob_type_is_subtype(gt, (KnTypeObject *)exc);
    return given == exc;
}

int ob_err_matches(KnObject *exc)
{
    KnThreadState *ts = ob_tstate_get();
    return ob_err_given_matches(ts->curexc_type, exc);
}

KnObject *ob_err_fetch(void)
{
    KnThreadState *ts = ob_tstate_get();
    KnObject *v = ts->curexc_value;
    ts->curexc_type = ts->curexc_value = ts->curexc_traceback = NULL;
    return v;
}

void ob_err_clear(void)
{
    ob_err_restore(NULL);
}

/* The exception being handled (sys.exc_info()[1]) or NULL. */
static KnObject *handled_exception(void)
{
    KnThreadState *ts = ob_tstate_get();
    for (KnErrStackItem *it = ts->exc_info; it != NULL; it = it->previous_item)
        if (it->exc_value != NULL && it->exc_value != KN_None)
            return it->exc_value;
    return NULL;
}

void ob_err_chain_context(KnObject *exc)
{
    KnObject *handled = handled_exception();
    if (handled == NULL || handled == exc)
        return;
    /* Break a cycle the new context would create (CPython does the same:
     * walk the chain from `handled`, cut it where it reaches exc). */
    KnObject *o = handled;
    int steps = 0;
    while (o != NULL && o != KN_None) {
        KnObject *ctx = ((KnBaseExceptionObject *)o)->context;
        if (ctx == exc) {
            ((KnBaseExceptionObject *)o)->context = NULL;
            break;
        }
        o = ctx;
        if (++steps > 100000)
            break;
    }
    ((KnBaseExceptionObject *)exc)->context = handled;
}

int (*ob_unraisable_handler)(KnObject *exc, const char *err_msg, KnObject *context_obj);

void ob_err_write_unraisable_msg(const char *err_msg, KnObject *context_obj)
{
    KnObject *exc = ob_err_fetch();
    if (exc == NULL)
        return;
    if (ob_unraisable_handler != NULL && ob_unraisable_handler(exc, err_msg, context_obj) == 0)
        return;
    ob_err_clear();
    fputs(err_msg != NULL ? err_msg : "Exception ignored in", stderr);
    if (context_obj != NULL) {
        KnObject *r = ob_repr(context_obj);
        const char *s = r ? ob_str_as_utf8(r, NULL) : NULL;
        fputs(": ", stderr);
        fputs(s ? s : "<object repr() failed>", stderr);
        ob_err_clear();
    }
    fputc('\n', stderr);
    KnObject *s = ob_str(exc);
    const char *msg = s ? ob_str_as_utf8(s, NULL) : NULL;
    ob_err_clear();
    if (msg != NULL && msg[0] != '\0')
        fprintf(stderr, "%s: %s\n", KN_TNAME(exc), msg);
    else
        fprintf(stderr, "%s\n", KN_TNAME(exc));
}

void ob_err_write_unraisable(KnObject *context_obj)
{
    ob_err_write_unraisable_msg(NULL, context_obj);
}

int ob_enter_recursive_call(const char *where)
{
    KnThreadState *ts = ob_tstate_get();
    if (++ts->c_recursion_depth > ts->recursion_limit + 50 ||
        --ts->recursion_remaining < 0) {
        /* Raising calls the RecursionError class, which enters this guard
         * again: give it 50 levels of headroom, or every RecursionError
         * would recurse until the C stack overflows. */
        ts->c_recursion_depth -= 51;
        ts->recursion_remaining += 51;
        ob_err_format(ob_exc_RecursionError, "maximum recursion depth exceeded%s", where);
        ts->c_recursion_depth += 50;
        ts->recursion_remaining -= 50;
        return -1;
    }
    return 0;
}

void ob_leave_recursive_call(void)
{
    KnThreadState *ts = ob_tstate_get();
    ts->c_recursion_depth--;
    ts->recursion_remaining++;
}
