/*
 * time_internal.h — what time_module.c and time_convert.c share (not
 * public): struct_time and the conversions between time values, C's
 * struct tm and struct_time.
 */
#ifndef STDLIB_TIME_INTERNAL_H
#define STDLIB_TIME_INTERNAL_H

#include <time.h>

#include "libobject/libobject.h"

#define TM_FC(f) ((KnCFunction)(void (*)(void))(f))

extern KnTypeObject *tm_struct_time_type;
int tm_types_init(void);

/* A timestamp argument (int or float seconds) as time_t, rounded toward
 * minus infinity; NULL or None: now. */
int tm_object_to_time_t(KnObject *o, time_t *out);
/* struct tm -> time.struct_time (with tm_zone and tm_gmtoff). */
KnObject *tm_struct_from_tm(const struct tm *tm);

/* The functions of time_convert.c (gmtime, localtime, mktime, asctime,
 * ctime, strftime). */
extern KnMethodDef tm_convert_methods[];

#endif /* STDLIB_TIME_INTERNAL_H */
