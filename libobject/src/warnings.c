/*
 * warnings.c — issuing a warning from libobject (errors.h: ob_err_warn).
 *
 * The warnings machinery (filters, -W, sys.warnoptions, the `warnings`
 * module, the frame a warning is attributed to) lives above libobject:
 * libjit registers it with ob_err_set_warn_hook().  Until it does, a
 * warning is treated the way CPython treats one raised with no Python
 * frame and its default filters: it is attributed to module `sys`,
 * line 1, so DeprecationWarning, PendingDeprecationWarning, ImportWarning
 * and ResourceWarning are ignored, and any other category is printed
 * once per (category, message) as
 *
 *     sys:1: RuntimeWarning: message
 *
 * on stderr (CPython's "default" action and its frameless location).
 */
#include <stdio.h>

#include "core.h"

static KnWarnHook warn_hook;
/* (category, message) pairs already shown by the fallback. */
static KnObject *shown_once;

void ob_err_set_warn_hook(KnWarnHook hook)
{
    warn_hook = hook;
}

static int ignored_by_default(KnTypeObject *category)
{
    KnTypeObject *const quiet[] = { ob_exc_DeprecationWarning, ob_exc_PendingDeprecationWarning,
                                    ob_exc_ImportWarning, ob_exc_ResourceWarning };
    for (size_t i = 0; i < sizeof quiet / sizeof quiet[0]; i++)
        if (ob_type_is_subtype(category, quiet[i]))
            return 1;
    return 0;
}

static int fallback_show(KnTypeObject *category, KnObject *message)
{
    if (ignored_by_default(category))
        return 0;
    if (shown_once == NULL && (shown_once = ob_dict_new()) == NULL)
        return -1;
    KnObject *key = ob_tuple_pack(2, (KnObject *)category, message);
    if (key == NULL)
        return -1;
    int seen = ob_dict_contains(shown_once, key);
    if (seen != 0)
        return seen < 0 ? -1 : 0;
    if (ob_dict_setitem(shown_once, key, KN_True) < 0)
        return -1;
    kn_ssize_t len;
    const char *text = ob_str_as_utf8(message, &len);
    if (text == NULL)
        return -1;
    fprintf(stderr, "sys:1: %s: %s\n", ob_type_name(category), text);
    fflush(stderr);
    return 0;
}

static int warn_object(KnObject *category, KnObject *message, kn_ssize_t stacklevel)
{
    if (category == NULL)
        category = (KnObject *)ob_exc_RuntimeWarning;
    if (!KN_TYPE_OBJ_CHECK(category) ||
        !ob_type_is_subtype((KnTypeObject *)category, ob_exc_Warning)) {
        ob_err_format(ob_exc_TypeError, "category must be a Warning subclass, not '%s'",
                      KN_TNAME(category));
        return -1;
    }
    if (warn_hook != NULL)
        return warn_hook(category, message, stacklevel);
    return fallback_show((KnTypeObject *)category, message);
}

int ob_err_warn(KnObject *category, const char *message, kn_ssize_t stacklevel)
{
    KnObject *m = ob_str_from_cstr(message);
    return m == NULL ? -1 : warn_object(category, m, stacklevel);
}

int ob_err_warn_format(KnObject *category, kn_ssize_t stacklevel, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    KnObject *m = ob_str_from_formatv(fmt, ap);
    va_end(ap);
    return m == NULL ? -1 : warn_object(category, m, stacklevel);
}
