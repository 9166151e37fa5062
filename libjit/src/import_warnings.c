/* import_warnings.c — the `_warnings` module (CPython's C half of the
 * warnings machinery): filters, _defaultaction, _onceregistry, warn,
 * warn_explicit, _filters_mutated; installed as libobject's warning hook.
 * It lives in libjit (not stdlib) because it reads the caller's frame.
 *
 * As in CPython, once the `warnings` module is imported its attributes
 * (filters, _defaultaction, _onceregistry, _showwarnmsg) win over this
 * module's own, so warnings.catch_warnings() and warnings.showwarning
 * overrides work. */
#include <stdio.h>
#include <string.h>

#include "builtins.h"
#include "import.h"
#include "libjit/jit.h"

#define FC(f) ((KnCFunction)(void (*)(void))(f))

static KnObject *w_filters, *w_default_action, *w_once_registry;
static long w_filters_version;

/* warnings.<name> if the warnings module is imported, else ours. */
static KnObject *get_attr(const char *name, KnObject *ours)
{
    KnObject *mods = jit_sys_modules();
    KnObject *w = mods ? ob_dict_getitem_str(mods, "warnings") : NULL;
    if (w != NULL && w != KN_None) {
        KnObject *v = ob_getattr_str(w, name);
        if (v != NULL)
            return v;
        ob_err_clear();
    }
    return ours;
}

static KnObject *get_filters(void)
{
    KnObject *f = get_attr("filters", w_filters);
    if (f == NULL || !KN_LIST_CHECK(f))
        return ob_err_format(ob_exc_ValueError, "_warnings.filters must be a list");
    return f;
}

static int matches(KnObject *pattern, KnObject *text)
{
    if (pattern == KN_None)
        return 1;
    if (KN_STR_CHECK_EXACT(pattern))    /* a plain string matches exactly */
        return ob_richcompare_bool(pattern, text, KN_EQ);
    KnObject *r = ob_call_method(pattern, "match", 1, text);
    return r == NULL ? -1 : ob_is_true(r);
}

/* The action for a warning, and the matched filter item in *item. */
static KnObject *get_filter(KnObject *category, KnObject *text, long lineno, KnObject *module,
                            KnObject **item)
{
    KnObject *filters = get_filters();
    if (filters == NULL)
        return NULL;
    for (kn_ssize_t i = 0; i < KN_SIZE(filters); i++) {
        KnObject *f = KN_LIST_GET(filters, i);
        if (!KN_TUPLE_CHECK(f) || KN_SIZE(f) != 5)
            return ob_err_format(ob_exc_ValueError, "_warnings.filters item %zd isn't a 5-tuple", i);
        KnObject *action = KN_TUPLE_GET(f, 0), *msg = KN_TUPLE_GET(f, 1);
        KnObject *cat = KN_TUPLE_GET(f, 2), *mod = KN_TUPLE_GET(f, 3);
        if (!KN_STR_CHECK(action))
            return ob_err_format(ob_exc_TypeError, "action must be a string, not '%s'",
                                 ob_type_name(KN_TYPE(action)));
        long ln = (long)ob_number_as_ssize(KN_TUPLE_GET(f, 4), ob_exc_OverflowError);
        if (ln == -1 && ob_err_occurred())
            return NULL;
        int ok = matches(msg, text);
        if (ok < 0)
            return NULL;
        if (!ok)
            continue;
        /* a filter's category may be a tuple (simplefilter("ignore",
         * (SyntaxWarning, DeprecationWarning)) as codeop does) */
        ok = ob_issubclass(category, cat);
        if (ok < 0)
            return NULL;
        if (!ok)
            continue;
        if ((ok = matches(mod, module)) < 0)
            return NULL;
        if (ok && (ln == 0 || ln == lineno)) {
            *item = f;
            return action;
        }
    }
    *item = KN_None;
    KnObject *a = get_attr("_defaultaction", w_default_action);
    if (a == NULL || !KN_STR_CHECK(a))
        return ob_err_format(ob_exc_ValueError, "_warnings.defaultaction must be a string");
    return a;
}

/* registry[key] true?  A registry whose version is stale is cleared. */
static int already_warned(KnObject *registry, KnObject *key, int should_set)
{
    if (registry == NULL || registry == KN_None)
        return 0;
    if (!KN_DICT_CHECK(registry)) {
        ob_err_format(ob_exc_TypeError, "'registry' must be a dict or None");
        return -1;
    }
    KnObject *ver = ob_dict_getitem_str(registry, "version");
    long v = ver && KN_INT_CHECK(ver) ? (long)ob_int_as_ssize(ver) : -1;
    if (ver == NULL || v != w_filters_version) {
        if (ob_call_method(registry, "clear", 0) == NULL
            || ob_dict_setitem_str(registry, "version", ob_int_from_ssize(w_filters_version)) < 0)
            return -1;
    } else {
        KnObject *hit = ob_dict_getitem(registry, key);
        if (hit != NULL) {
            int t = ob_is_true(hit);
            if (t != 0)
                return t;
        }
    }
    if (should_set)
        return ob_dict_setitem(registry, key, KN_True) < 0 ? -1 : 0;
    return 0;
}

/* The source line `lineno` of `filename` (stripped), or NULL. */
static KnObject *source_line(KnObject *filename, long lineno)
{
    const char *path = ob_str_as_utf8(filename, NULL);
    FILE *f = path ? fopen(path, "r") : NULL;
    if (f == NULL) {
        ob_err_clear();
        return NULL;
    }
    char buf[4096];
    long n = 0;
    KnObject *line = NULL;
    while (fgets(buf, sizeof buf, f) != NULL)
        if (++n == lineno) {
            char *s = buf, *e = buf + strlen(buf);
            while (*s == ' ' || *s == '\t' || *s == '\f')
                s++;
            while (e > s && (e[-1] == '\n' || e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
                e--;
            line = ob_str_from_utf8(s, e - s);
            break;
        }
    fclose(f);
    if (line == NULL)
        ob_err_clear();
    return line;
}

static int show_warning(KnObject *filename, long lineno, KnObject *text, KnObject *category,
                        KnObject *message, KnObject *source)
{
    KnObject *show = get_attr("_showwarnmsg", NULL);
    KnObject *mods = jit_sys_modules();
    KnObject *w = mods ? ob_dict_getitem_str(mods, "warnings") : NULL;
    if (show != NULL && w != NULL) {
        if (!ob_callable_check(show)) {
            ob_err_format(ob_exc_TypeError, "warnings._showwarnmsg() must be set to a callable");
            return -1;
        }
        KnObject *cls = ob_getattr_str(w, "WarningMessage");
        KnObject *wm = cls ? ob_call_method(w, "WarningMessage", 7, message, category, filename,
                                            ob_int_from_ssize(lineno), KN_None, KN_None,
                                            source ? source : KN_None) : NULL;
        return wm == NULL || ob_call_onearg(show, wm) == NULL ? -1 : 0;
    }
    KnObject *name = ob_getattr_str(category, "__name__");
    KnObject *out = name ? ob_str_from_format("%U:%ld: %U: %U\n", filename, lineno, name, text)
                         : NULL;
    if (out == NULL)
        return -1;
    KnObject *line = source_line(filename, lineno);
    if (line != NULL && (out = ob_str_from_format("%U  %U\n", out, line)) == NULL)
        return -1;
    KnObject *err = jit_sys_get("stderr");
    if (err == NULL || err == KN_None) {
        fputs(ob_str_as_utf8(out, NULL), stderr);
        return 0;
    }
    if (jit_file_write_str(err, out) < 0)
        ob_err_clear();
    return 0;
}

static KnObject *warn_explicit(KnObject *category, KnObject *message, KnObject *filename,
                               long lineno, KnObject *module, KnObject *registry,
                               KnObject *source)
{
    if (registry != NULL && registry != KN_None && !KN_DICT_CHECK(registry))
        return ob_err_format(ob_exc_TypeError, "'registry' must be a dict or None");
    if (module == NULL || module == KN_None) {
        kn_ssize_t n = KN_STR_LEN(filename);
        if (n == 0)
            module = ob_str_from_cstr("<unknown>");
        else if (n >= 3 && ob_str_find(filename, ob_str_intern_cstr(".py"), n - 3, n, 1) == n - 3)
            module = ob_str_substring(filename, 0, n - 3);
        else
            module = filename;
        if (module == NULL)
            return NULL;
    }
    KnObject *text;
    if (KN_TYPE_CHECK(message, ob_exc_Warning)) {
        text = ob_str(message);
        category = (KnObject *)KN_TYPE(message);
    } else {
        text = message;
        message = ob_call_onearg(category, message);
    }
    if (text == NULL || message == NULL)
        return NULL;
    KnObject *lnobj = ob_int_from_ssize(lineno);
    KnObject *key = lnobj ? ob_tuple_pack(3, text, category, lnobj) : NULL;
    if (key == NULL)
        return NULL;
    int r = already_warned(registry, key, 0);
    if (r != 0)
        return r < 0 ? NULL : KN_None;
    KnObject *item;
    KnObject *action = get_filter(category, text, lineno, module, &item);
    if (action == NULL)
        return NULL;
    const char *a = ob_str_as_utf8(action, NULL);
    if (strcmp(a, "error") == 0) {
        ob_err_set_object((KnTypeObject *)KN_TYPE(message), message);
        return NULL;
    }
    if (strcmp(a, "ignore") == 0)
        return KN_None;
    if (strcmp(a, "once") == 0) {
        if (registry == NULL || registry == KN_None) {
            registry = get_attr("_onceregistry", w_once_registry);
            if (registry == NULL || !KN_DICT_CHECK(registry))
                return ob_err_format(ob_exc_TypeError, "_warnings.onceregistry must be a dict");
        } else if (already_warned(registry, key, 1) < 0) {
            return NULL;
        }
        KnObject *once = get_attr("_onceregistry", w_once_registry);
        KnObject *okey = ob_tuple_pack(2, text, category);
        if (okey == NULL || once == NULL || !KN_DICT_CHECK(once))
            return ob_err_format(ob_exc_TypeError, "_warnings.onceregistry must be a dict");
        if ((r = already_warned(once, okey, 1)) != 0)
            return r < 0 ? NULL : KN_None;
    } else if (strcmp(a, "module") == 0) {
        if (registry != NULL && registry != KN_None) {
            if (already_warned(registry, key, 1) < 0)
                return NULL;
            KnObject *akey = ob_tuple_pack(3, text, category, ob_int_from_ssize(0));
            if (akey == NULL || (r = already_warned(registry, akey, 1)) != 0)
                return r < 0 || akey == NULL ? NULL : KN_None;
        }
    } else if (strcmp(a, "default") == 0) {
        if (registry != NULL && registry != KN_None && already_warned(registry, key, 1) < 0)
            return NULL;
    } else if (strcmp(a, "always") != 0) {
        return ob_err_format(ob_exc_RuntimeError,
                             "Unrecognized action (%R) in warnings.filters:\n %R", action, item);
    }
    if (show_warning(filename, lineno, text, category, message, source) < 0)
        return NULL;
    return KN_None;
}

static int is_importlib_frame(KnObject *frame)
{
    KnObject *code = ob_getattr_str(frame, "f_code");
    KnObject *fn = code ? ob_getattr_str(code, "co_filename") : NULL;
    const char *s = fn && KN_STR_CHECK(fn) ? ob_str_as_utf8(fn, NULL) : NULL;
    if (s == NULL) {
        ob_err_clear();
        return 0;
    }
    return strstr(s, "importlib") != NULL && strstr(s, "_bootstrap") != NULL;
}

/* globals, filename, lineno of the frame `stacklevel` levels up. */
static int setup_context(kn_ssize_t stacklevel, KnObject **globals, KnObject **filename,
                         long *lineno, KnObject **module, KnObject **registry)
{
    KnObject *getframe = jit_sys_get("_getframe");
    KnObject *frame = getframe ? ob_call_noargs(getframe) : NULL;
    if (frame == NULL)
        ob_err_clear();
    int skip_internal = stacklevel > 1 && frame != NULL && is_importlib_frame(frame);
    while (frame != NULL && frame != KN_None && --stacklevel > 0) {
        frame = ob_getattr_str(frame, "f_back");
        if (skip_internal)
            while (frame != NULL && frame != KN_None && is_importlib_frame(frame))
                frame = ob_getattr_str(frame, "f_back");
    }
    if (frame == NULL)
        return -1;
    if (frame == KN_None) {
        *globals = ob_module_get_dict(jit_sys_module());
        *filename = ob_str_from_cstr("sys");
        *lineno = 1;
    } else {
        KnObject *code = ob_getattr_str(frame, "f_code");
        KnObject *ln = ob_getattr_str(frame, "f_lineno");
        *globals = ob_getattr_str(frame, "f_globals");
        *filename = code ? ob_getattr_str(code, "co_filename") : NULL;
        if (ln == NULL || *globals == NULL || *filename == NULL)
            return -1;
        *lineno = ln == KN_None ? 0 : (long)ob_int_as_ssize(ln);
    }
    KnObject *reg = ob_dict_getitem_str(*globals, "__warningregistry__");
    if (reg == NULL) {
        if ((reg = ob_dict_new()) == NULL
            || ob_dict_setitem_str(*globals, "__warningregistry__", reg) < 0)
            return -1;
    }
    *registry = reg;
    *module = ob_dict_getitem_str(*globals, "__name__");
    if (*module == NULL || !KN_STR_CHECK(*module))
        *module = ob_str_from_cstr("<string>");
    return 0;
}

static KnObject *get_category(KnObject *message, KnObject *category)
{
    if (KN_TYPE_CHECK(message, ob_exc_Warning))
        return (KnObject *)KN_TYPE(message);
    if (category == NULL || category == KN_None)
        return (KnObject *)ob_exc_UserWarning;
    if (!KN_TYPE_CHECK(category, &ob_type_type)
        || !ob_type_is_subtype((KnTypeObject *)category, ob_exc_Warning))
        return ob_err_format(ob_exc_TypeError, "category must be a Warning subclass, not '%s'",
                             ob_type_name(KN_TYPE(category)));
    return category;
}

static KnObject *do_warn(KnObject *message, KnObject *category, kn_ssize_t stacklevel,
                         KnObject *source)
{
    KnObject *globals, *filename, *module, *registry;
    long lineno;
    if (setup_context(stacklevel, &globals, &filename, &lineno, &module, &registry) < 0)
        return NULL;
    return warn_explicit(category, message, filename, lineno, module, registry, source);
}

static KnObject *w_warn(KnObject *m, KnObject *const *args, kn_ssize_t nargs, KnObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"message", "category", "stacklevel", "source", NULL};
    static const KnArgSpec spec = {"warn", names, 1, 4, 0};
    KnObject *a[4];
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    KnObject *category = get_category(a[0], a[1]);
    if (category == NULL)
        return NULL;
    kn_ssize_t level = 1;
    if (a[2] != NULL && (level = ob_number_as_ssize(a[2], ob_exc_OverflowError)) == -1
        && ob_err_occurred())
        return NULL;
    return do_warn(a[0], category, level, a[3]);
}

static KnObject *w_warn_explicit(KnObject *m, KnObject *const *args, kn_ssize_t nargs,
                                 KnObject *kwnames)
{
    (void)m;
    static const char *const names[] = {"message", "category", "filename", "lineno", "module",
                                        "registry", "module_globals", "source", NULL};
    static const KnArgSpec spec = {"warn_explicit", names, 4, 8, 0};
    KnObject *a[8];
    if (ob_args_parse(&spec, args, nargs, kwnames, a) < 0)
        return NULL;
    if (!KN_STR_CHECK(a[2]))
        return ob_err_format(ob_exc_TypeError, "warn_explicit() argument 3 must be str, not %s",
                             ob_type_name(KN_TYPE(a[2])));
    long lineno = (long)ob_number_as_ssize(a[3], ob_exc_OverflowError);
    if (lineno == -1 && ob_err_occurred())
        return NULL;
    KnObject *category = KN_TYPE_CHECK(a[0], ob_exc_Warning) ? (KnObject *)KN_TYPE(a[0]) : a[1];
    return warn_explicit(category, a[0], a[2], lineno, a[4], a[5], a[7]);
}

static KnObject *w_filters_mutated(KnObject *m, KnObject *unused)
{
    (void)m;
    (void)unused;
    w_filters_version++;
    return KN_None;
}

/* libobject's warning hook (ob_err_warn from C code). */
static int warn_hook(KnObject *category, KnObject *message, kn_ssize_t stacklevel)
{
    if (category == NULL)
        category = (KnObject *)ob_exc_RuntimeWarning;
    return do_warn(message, category, stacklevel, NULL) == NULL ? -1 : 0;
}

static KnMethodDef w_functions[] = {
    {"warn", FC(w_warn), KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "Issue a warning, or maybe ignore it or raise an exception."},
    {"warn_explicit", FC(w_warn_explicit), KN_METH_FASTCALL | KN_METH_KEYWORDS,
     "Low-level interface to warnings functionality."},
    {"_filters_mutated", FC(w_filters_mutated), KN_METH_NOARGS,
     "Invalidate the warning registries."},
    {NULL, NULL, 0, NULL}
};

static KnObject *filter(const char *action, KnTypeObject *cat, const char *module)
{
    return ob_tuple_pack(5, ob_str_intern_cstr(action), KN_None, (KnObject *)cat,
                         module ? ob_str_from_cstr(module) : KN_None, ob_int_from_ssize(0));
}

KnObject *kn_init__warnings(void)
{
    static KnObject *mod;
    if (mod != NULL)
        return mod;
    w_filters = ob_list_new(0);
    w_default_action = ob_str_intern_cstr("default");
    w_once_registry = ob_dict_new();
    if (w_filters == NULL || w_default_action == NULL || w_once_registry == NULL)
        return NULL;
    KnObject *defaults[] = {
        filter("default", ob_exc_DeprecationWarning, "__main__"),
        filter("ignore", ob_exc_DeprecationWarning, NULL),
        filter("ignore", ob_exc_PendingDeprecationWarning, NULL),
        filter("ignore", ob_exc_ImportWarning, NULL),
        filter("ignore", ob_exc_ResourceWarning, NULL),
    };
    for (size_t i = 0; i < sizeof defaults / sizeof defaults[0]; i++)
        if (defaults[i] == NULL || ob_list_append(w_filters, defaults[i]) < 0)
            return NULL;
    KnObject *m = ob_module_new_cstr("_warnings");
    if (m == NULL || ob_module_add_functions(m, w_functions) < 0
        || ob_module_add_object(m, "filters", w_filters) < 0
        || ob_module_add_object(m, "_defaultaction", w_default_action) < 0
        || ob_module_add_object(m, "_onceregistry", w_once_registry) < 0)
        return NULL;
    ob_err_set_warn_hook(warn_hook);
    return mod = m;
}
