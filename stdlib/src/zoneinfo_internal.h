/*
 * zoneinfo_internal.h — shared between the files of the `_zoneinfo`
 * module (zoneinfo_module.c: type, caches, methods; zoneinfo_data.c:
 * TZif tables and lookups).  See NOTES-zoneinfo.md.
 */
#ifndef KILN_ZONEINFO_INTERNAL_H
#define KILN_ZONEINFO_INTERNAL_H
#include "libobject/libobject.h"

/* One local time type: offsets in seconds and as timedeltas, the name. */
typedef struct ZiType {
    long long utcoff_s;
    KnObject *utcoff;       /* timedelta */
    KnObject *dstoff;       /* timedelta */
    KnObject *tzname;       /* str */
} ZiType;

typedef struct ZoneInfoObject {
    KN_OBJECT_HEAD;
    KnObject *key;          /* str or None */
    KnObject *file_repr;    /* repr(fobj) for from_file, else NULL */
    int from_cache;
    kn_ssize_t ntrans;
    long long *trans_utc;
    long long *trans_local[2];  /* wall-clock seconds for fold 0 / fold 1 */
    ZiType **trans_type;        /* the type in force after each transition */
    ZiType *before;             /* before the first transition */
    ZiType *after;              /* after the last one (no TZ rule), or NULL */
    KnObject *tz_rule;          /* the POSIX TZ rule object, or NULL */
    int fixed_offset;
    KnObject *weakreflist;
} ZoneInfoObject;

/* Helpers from zoneinfo_data.c.  All return -1 / NULL with an exception. */
KnObject *zi_import(const char *name);
int zi_load_file(ZoneInfoObject *zi, KnObject *fobj);
/* The type in force at local wall time dt (fold from dt); *out_rule is
 * set instead when the TZ rule answered (a Python _ttinfo). */
int zi_find(ZoneInfoObject *zi, KnObject *dt, ZiType **out, KnObject **out_rule);
KnObject *zi_fromutc(ZoneInfoObject *zi, KnObject *dt);

#endif
