/*
 * datetime_module.c — the `_datetime` module: readies the types, sets
 * their class attributes (min, max, resolution, utc) and exports them.
 * datetime.py ends with `from _datetime import *`, so these types replace
 * the pure-Python ones whenever this module imports.  No datetime_CAPI
 * capsule is provided (NOTES-datetime.md).
 */
#include "datetime_internal.h"

KnObject *kn_init__datetime(void);

static int set_attr(KnTypeObject *t, const char *name, KnObject *v)
{
    if (v == NULL || ob_dict_setitem_str(t->tp_dict, name, v) < 0)
        return -1;
    ob_type_modified(t);
    return 0;
}

/* The methods of dt_datetime_conv_methods (datetime_dtconv.c) become
 * descriptors of datetime, as if they were in its tp_methods. */
static int add_conv_methods(void)
{
    for (KnMethodDef *m = dt_datetime_conv_methods; m->ml_name != NULL; m++) {
        KnObject *d = (m->ml_flags & KN_METH_CLASS) ? ob_descr_new_classmethod(&dt_datetime_type, m)
                                                      : ob_descr_new_method(&dt_datetime_type, m);
        if (set_attr(&dt_datetime_type, m->ml_name, d) < 0)
            return -1;
    }
    return 0;
}

static int init_types(void)
{
    static int done;
    if (done)
        return 0;
    KnTypeObject *types[] = {&dt_delta_type, &dt_date_type, &dt_time_type, &dt_datetime_type,
                             &dt_tzinfo_type, &dt_timezone_type, &dt_isocal_type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (ob_type_ready(types[i]) < 0)
            return -1;
    if (add_conv_methods() < 0)
        return -1;
    KnObject *us1 = dt_delta_new(0, 0, 1);
    if (set_attr(&dt_delta_type, "min", dt_delta_new(-DT_MAX_DELTA_DAYS, 0, 0)) < 0
        || set_attr(&dt_delta_type, "max", dt_delta_new(DT_MAX_DELTA_DAYS, 86399, 999999)) < 0
        || set_attr(&dt_delta_type, "resolution", us1) < 0
        || set_attr(&dt_date_type, "min", dt_date_alloc(&dt_date_type, 1, 1, 1)) < 0
        || set_attr(&dt_date_type, "max", dt_date_alloc(&dt_date_type, 9999, 12, 31)) < 0
        || set_attr(&dt_date_type, "resolution", dt_delta_new(1, 0, 0)) < 0
        || set_attr(&dt_time_type, "min", dt_time_alloc(&dt_time_type, 0, 0, 0, 0, KN_None, 0)) < 0
        || set_attr(&dt_time_type, "max", dt_time_alloc(&dt_time_type, 23, 59, 59, 999999, KN_None, 0)) < 0
        || set_attr(&dt_time_type, "resolution", us1) < 0
        || set_attr(&dt_datetime_type, "min", dt_datetime_alloc(&dt_datetime_type, 1, 1, 1, 0, 0, 0, 0, KN_None, 0)) < 0
        || set_attr(&dt_datetime_type, "max",
                    dt_datetime_alloc(&dt_datetime_type, 9999, 12, 31, 23, 59, 59, 999999, KN_None, 0)) < 0
        || set_attr(&dt_datetime_type, "resolution", us1) < 0
        || dt_tz_init() < 0)
        return -1;
    done = 1;
    return 0;
}

KnObject *kn_init__datetime(void)
{
    if (init_types() < 0)
        return NULL;
    KnObject *mod = ob_module_new_cstr("_datetime");
    if (mod == NULL
        || ob_module_add_object(mod, "__doc__", ob_str_from_cstr("Fast implementation of the datetime type.")) < 0
        || ob_module_add_object(mod, "MINYEAR", ob_int_from_long_long(DT_MINYEAR)) < 0
        || ob_module_add_object(mod, "MAXYEAR", ob_int_from_long_long(DT_MAXYEAR)) < 0
        || ob_module_add_object(mod, "date", (KnObject *)&dt_date_type) < 0
        || ob_module_add_object(mod, "datetime", (KnObject *)&dt_datetime_type) < 0
        || ob_module_add_object(mod, "time", (KnObject *)&dt_time_type) < 0
        || ob_module_add_object(mod, "timedelta", (KnObject *)&dt_delta_type) < 0
        || ob_module_add_object(mod, "tzinfo", (KnObject *)&dt_tzinfo_type) < 0
        || ob_module_add_object(mod, "timezone", (KnObject *)&dt_timezone_type) < 0
        || ob_module_add_object(mod, "UTC", dt_utc) < 0)
        return NULL;
    return mod;
}
