/* libjit/src/eval_exc.c — raise, except matching and except* of the
 * interpreter (RAISE_VARARGS, CHECK_EXC_MATCH, CHECK_EG_MATCH,
 * PREP_RERAISE_STAR). */
#include "eval.h"

#define EXC(o) ((KnBaseExceptionObject *)(o))

/* sys.exc_info()[1]: the innermost exception being handled, or NULL. */
static KnObject *handled_exception(void)
{
    for (KnErrStackItem *it = ob_tstate_get()->exc_info; it != NULL; it = it->previous_item)
        if (it->exc_value != NULL && it->exc_value != KN_None)
            return it->exc_value;
    return NULL;
}

/* An exception instance from a raise operand (class or instance); NULL
 * with TypeError otherwise.  what: message for a wrong kind. */
static KnObject *instantiate(KnObject *v, const char *what)
{
    if (KN_TYPE_OBJ_CHECK(v) && KN_EXC_CLASS_CHECK(v)) {
        KnObject *inst = ob_call_noargs(v);
        if (inst == NULL)
            return NULL;
        if (!KN_EXC_CHECK(inst))
            return ob_err_format(ob_exc_TypeError,
                                 "calling %R should have returned an instance of "
                                 "BaseException, not %s",
                                 v, ob_type_name(KN_TYPE(inst)));
        return inst;
    }
    if (KN_EXC_CHECK(v))
        return v;
    ob_err_set_string(ob_exc_TypeError, what);
    return NULL;
}

int jit_eval_do_raise(KnObject *exc, KnObject *cause)
{
    if (exc == NULL) {
        KnObject *v = handled_exception();
        if (v == NULL) {
            ob_err_set_string(ob_exc_RuntimeError, "No active exception to reraise");
            return 0;
        }
        ob_err_restore(v);
        return 1;
    }
    KnObject *value = instantiate(exc, "exceptions must derive from BaseException");
    if (value == NULL)
        return 0;
    if (cause != NULL) {
        KnObject *fixed = NULL;
        if (cause != KN_None) {
            fixed = instantiate(cause, "exception causes must derive from BaseException");
            if (fixed == NULL)
                return 0;
        }
        ob_exc_set_cause(value, fixed);
    }
    ob_err_chain_context(value);
    ob_err_restore(value);
    return 0;
}

static int is_exc_class(KnObject *t)
{
    return KN_TYPE_OBJ_CHECK(t) && KN_EXC_CLASS_CHECK(t);
}

static int is_group_class(KnObject *t)
{
    return ob_type_is_subtype((KnTypeObject *)t, ob_exc_BaseExceptionGroup);
}

int jit_eval_check_except_type(KnObject *type, int star)
{
    int ok = 1, group = 0;
    if (KN_TUPLE_CHECK(type)) {
        for (kn_ssize_t i = 0; i < KN_SIZE(type); i++) {
            KnObject *t = KN_TUPLE_GET(type, i);
            if (!is_exc_class(t))
                ok = 0;
            else if (is_group_class(t))
                group = 1;
        }
    } else if (!is_exc_class(type)) {
        ok = 0;
    } else {
        group = is_group_class(type);
    }
    if (!ok) {
        ob_err_set_string(ob_exc_TypeError,
                          "catching classes that do not inherit from BaseException is not "
                          "allowed");
        return -1;
    }
    if (star && group) {
        ob_err_set_string(ob_exc_TypeError,
                          "catching ExceptionGroup with except* is not allowed. Use except "
                          "instead.");
        return -1;
    }
    return 0;
}

static int is_group(KnObject *exc)
{
    return ob_type_is_subtype(KN_TYPE(exc), ob_exc_BaseExceptionGroup);
}

/* except* T: split exc into (match, rest); None for an empty part. */
int jit_eval_eg_match(KnObject *exc, KnObject *type, KnObject **match, KnObject **rest)
{
    *match = *rest = KN_None;
    if (exc == KN_None)
        return 0;
    if (ob_err_given_matches(exc, type)) {
        if (is_group(exc)) {
            *match = exc;
            return 0;
        }
        /* A naked exception caught by except*: wrap it in a group. */
        KnObject *excs = ob_tuple_pack(1, exc);     /* a tuple, as CPython's */
        KnObject *args = excs ? ob_tuple_pack(2, ob_str_empty(), excs) : NULL;
        KnObject *wrapped = args ? ob_call((KnObject *)ob_exc_BaseExceptionGroup, args, NULL)
                                 : NULL;
        if (wrapped == NULL)
            return -1;
        EXC(wrapped)->traceback = EXC(exc)->traceback;
        *match = wrapped;
        return 0;
    }
    if (is_group(exc)) {
        KnObject *pair = ob_call_method(exc, "split", 1, type);
        if (pair == NULL)
            return -1;
        if (!KN_TUPLE_CHECK(pair) || KN_SIZE(pair) != 2) {
            ob_err_format(ob_exc_TypeError, "%s.split must return a 2-tuple, got %s",
                          ob_type_name(KN_TYPE(exc)), ob_type_name(KN_TYPE(pair)));
            return -1;
        }
        *match = KN_TUPLE_GET(pair, 0);
        *rest = KN_TUPLE_GET(pair, 1);
        return 0;
    }
    *rest = exc;
    return 0;
}

static int same_metadata(KnObject *a, KnObject *b)
{
    return EXC(a)->notes == EXC(b)->notes && EXC(a)->traceback == EXC(b)->traceback &&
           EXC(a)->cause == EXC(b)->cause && EXC(a)->context == EXC(b)->context;
}

KnObject *jit_eval_prep_reraise_star(KnObject *orig, KnObject *excs)
{
    kn_ssize_t n = KN_SIZE(excs);
    if (n == 0)
        return KN_None;
    if (!is_group(orig))
        return KN_LIST_GET(excs, 0);
    KnObject *raised = ob_list_new(0), *reraised = ob_list_new(0);
    if (raised == NULL || reraised == NULL)
        return NULL;
    for (kn_ssize_t i = 0; i < n; i++) {
        KnObject *e = KN_LIST_GET(excs, i);
        if (e == KN_None)
            continue;
        if (ob_list_append(same_metadata(e, orig) ? reraised : raised, e) < 0)
            return NULL;
    }
    KnObject *reraised_eg = ob_exc_group_projection(orig, reraised);
    if (reraised_eg == NULL)
        return NULL;
    if (KN_SIZE(raised) == 0)
        return reraised_eg;
    if (reraised_eg != KN_None && ob_list_append(raised, reraised_eg) < 0)
        return NULL;
    /* raised in a handler of a group: always a new group (even of one);
     * BaseExceptionGroup() picks ExceptionGroup when it can */
    KnObject *args = ob_tuple_pack(2, ob_str_empty(), raised);
    return args ? ob_call((KnObject *)ob_exc_BaseExceptionGroup, args, NULL) : NULL;
}
