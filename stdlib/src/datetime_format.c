/*
 * datetime_format.c — text in and out for `_datetime`: UTC offsets,
 * isoformat's time part, strftime (the %z %Z %f expansion done before
 * time.strftime sees the format) and 3.11's fromisoformat parsers.
 *
 * The parsers work on the string's UTF-8 bytes (NUL-terminated), so only
 * ASCII digits count as digits.  Which forms are accepted, and where the
 * date/time separator is looked for, follow CPython 3.11 (NOTES-datetime.md).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datetime_internal.h"

int dt_format_offset(char *buf, size_t size, KnObject *offset, const char *sep)
{
    buf[0] = '\0';
    if (offset == NULL)
        return -1;
    if (offset == KN_None)
        return 0;
    char sign = '+';
    if (DT_DELTA(offset)->days < 0) {
        sign = '-';
        if ((offset = dt_delta_neg(offset)) == NULL)
            return -1;
    }
    int s = DT_DELTA(offset)->seconds, us = DT_DELTA(offset)->us;
    if (us)
        snprintf(buf, size, "%c%02d%s%02d%s%02d.%06d", sign, s / 3600, sep, s / 60 % 60, sep, s % 60, us);
    else if (s % 60)
        snprintf(buf, size, "%c%02d%s%02d%s%02d", sign, s / 3600, sep, s / 60 % 60, sep, s % 60);
    else
        snprintf(buf, size, "%c%02d%s%02d", sign, s / 3600, sep, s / 60 % 60);
    return 0;
}

KnObject *dt_format_iso_time(int hh, int mm, int ss, int us, KnObject *timespec)
{
    const char *spec = "auto";
    if (timespec != NULL) {
        if (!KN_STR_CHECK(timespec)) {
            ob_err_format(ob_exc_TypeError, "isoformat() argument 'timespec' must be str, not %s",
                          ob_type_name(KN_TYPE(timespec)));
            return NULL;
        }
        if ((spec = ob_str_as_utf8(timespec, NULL)) == NULL)
            return NULL;
    }
    if (strcmp(spec, "auto") == 0)
        spec = us ? "microseconds" : "seconds";
    char buf[32];
    if (strcmp(spec, "hours") == 0)
        snprintf(buf, sizeof buf, "%02d", hh);
    else if (strcmp(spec, "minutes") == 0)
        snprintf(buf, sizeof buf, "%02d:%02d", hh, mm);
    else if (strcmp(spec, "seconds") == 0)
        snprintf(buf, sizeof buf, "%02d:%02d:%02d", hh, mm, ss);
    else if (strcmp(spec, "milliseconds") == 0)
        snprintf(buf, sizeof buf, "%02d:%02d:%02d.%03d", hh, mm, ss, us / 1000);
    else if (strcmp(spec, "microseconds") == 0)
        snprintf(buf, sizeof buf, "%02d:%02d:%02d.%06d", hh, mm, ss, us);
    else {
        ob_err_set_string(ob_exc_ValueError, "Unknown timespec value");
        return NULL;
    }
    return ob_str_from_cstr(buf);
}

/* ---- strftime ---- */

typedef struct Buf {
    char *p;
    size_t n, cap;
} Buf;

static int buf_put(Buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t cap = (b->n + n + 1) * 2;
        char *p = realloc(b->p, cap);
        if (p == NULL) {
            ob_err_nomemory();
            return -1;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
    return 0;
}

static KnObject *tzinfo_of(KnObject *obj)
{
    if (DT_DATETIME_CHECK(obj))
        return DT_DT(obj)->tzinfo;
    if (DT_TIME_CHECK(obj))
        return DT_TIME(obj)->tzinfo;
    return KN_None;
}

KnObject *dt_wrap_strftime(KnObject *obj, KnObject *format, KnObject *timetuple, KnObject *tzinfoarg)
{
    kn_ssize_t len;
    const char *f = ob_str_as_utf8(format, &len);
    if (f == NULL)
        return NULL;
    KnObject *tz = tzinfo_of(obj);
    KnObject *zrep = NULL;       /* %Z expansion (UTF-8 bytes) */
    char zbuf[64], fbuf[16];
    int have_z = 0, have_f = 0;
    Buf b = {NULL, 0, 0};
    if (buf_put(&b, "", 0) < 0)
        return NULL;
    /* CPython's loop stops at an embedded NUL, and so does this one */
    len = (kn_ssize_t)strnlen(f, (size_t)len);
    for (kn_ssize_t i = 0; i < len; i++) {
        char ch = f[i];
        if (ch != '%' || i + 1 >= len) {
            if (buf_put(&b, &f[i], 1) < 0)
                goto error;
            continue;
        }
        ch = f[++i];
        int r = 0;
        if (ch == 'z') {
            if (!have_z) {
                zbuf[0] = '\0';
                if (tz != KN_None && dt_format_offset(zbuf, sizeof zbuf, dt_call_utcoffset(tz, tzinfoarg), "") < 0)
                    goto error;
                have_z = 1;
            }
            r = buf_put(&b, zbuf, strlen(zbuf));
        } else if (ch == 'Z') {
            if (zrep == NULL) {
                zrep = ob_str_empty();
                if (tz != KN_None) {
                    KnObject *name = dt_call_tzname(tz, tzinfoarg);
                    if (name == NULL)
                        goto error;
                    if (name != KN_None) {
                        zrep = ob_call_method(name, "replace", 2, ob_str_from_cstr("%"), ob_str_from_cstr("%%"));
                        if (zrep == NULL)
                            goto error;
                        if (!KN_STR_CHECK(zrep)) {
                            ob_err_set_string(ob_exc_TypeError, "tzname().replace() must return a str");
                            goto error;
                        }
                    }
                }
            }
            kn_ssize_t zl;
            const char *zs = ob_str_as_utf8(zrep, &zl);
            r = zs == NULL ? -1 : buf_put(&b, zs, (size_t)zl);
        } else if (ch == 'f') {
            if (!have_f) {
                int us = DT_DATETIME_CHECK(obj) ? DT_DT(obj)->us : DT_TIME_CHECK(obj) ? DT_TIME(obj)->us : 0;
                snprintf(fbuf, sizeof fbuf, "%06d", us);
                have_f = 1;
            }
            r = buf_put(&b, fbuf, strlen(fbuf));
        } else {
            r = buf_put(&b, &f[i - 1], 2);
        }
        if (r < 0)
            goto error;
    }
    /* the expanded format ends at its first NUL (a %Z name may hold one) */
    KnObject *newfmt = ob_str_from_utf8(b.p, (kn_ssize_t)strlen(b.p));
    free(b.p);
    if (newfmt == NULL)
        return NULL;
    KnObject *strftime = dt_import("time", "strftime");
    if (strftime == NULL)
        return NULL;
    KnObject *args[2] = {newfmt, timetuple};
    return ob_vectorcall(strftime, args, 2, NULL);
error:
    free(b.p);
    return NULL;
}

/* ---- fromisoformat ---- */

static const char *parse_digits(const char *p, int *var, int n)
{
    for (int i = 0; i < n; i++) {
        unsigned d = (unsigned)(unsigned char)p[i] - '0';
        if (d > 9)
            return NULL;
        *var = *var * 10 + (int)d;
    }
    return p + n;
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* 0 ok; <0 malformed (the caller reports an invalid string). */
static int parse_date(const char *s, kn_ssize_t len, int *y, int *m, int *d)
{
    const char *p = parse_digits(s, y, 4);
    if (p == NULL)
        return -1;
    int sep = *p == '-';
    if (sep)
        p++;
    if (*p == 'W') {
        int week = 0, wday = 0;
        p = parse_digits(p + 1, &week, 2);
        if (p == NULL)
            return -3;
        if (p - s < len) {
            if (sep && *p++ != '-')
                return -2;
            if ((p = parse_digits(p, &wday, 1)) == NULL)
                return -4;
        } else {
            wday = 1;
        }
        if (dt_iso_to_ymd(*y, week, wday, y, m, d) < 0) {
            ob_err_clear();
            return -5;
        }
        return 0;
    }
    if ((p = parse_digits(p, m, 2)) == NULL)
        return -1;
    if (sep && *p++ != '-')
        return -2;
    return parse_digits(p, d, 2) == NULL ? -1 : 0;
}

/* [HH[:?MM[:?SS[.fff...]]]] between s and end: -3/-4 malformed, 0 when
 * the string ends right after, 1 when something (a UTC offset) follows. */
static int parse_hms(const char *s, const char *end, int *hh, int *mm, int *ss, int *us)
{
    *hh = *mm = *ss = *us = 0;
    int *vals[3] = {hh, mm, ss};
    const char *p = s;
    int has_sep = 1;
    for (int i = 0; i < 3; i++) {
        if ((p = parse_digits(p, vals[i], 2)) == NULL)
            return -3;
        char c = *p++;
        if (i == 0)
            has_sep = c == ':';
        if (p >= end)
            return c != '\0';
        if (has_sep && c == ':')
            continue;
        if (c == '.' || c == ',')
            break;
        if (!has_sep)
            p--;
        else
            return -4;
    }
    kn_ssize_t left = end - p;
    int n = left >= 6 ? 6 : (int)left;
    if (n <= 0 || (p = parse_digits(p, us, n)) == NULL)
        return -3;
    static const int scale[6] = {100000, 10000, 1000, 100, 10, 1};
    *us *= scale[n - 1];
    while (is_digit(*p))
        p++;
    return *p != '\0';
}

/* 0: no offset; 1: offset in *off_s / *off_us; <0 malformed. */
static int parse_time(const char *s, kn_ssize_t len, int *hh, int *mm, int *ss, int *us, int *off_s, int *off_us)
{
    const char *end = s + len, *tzp = s;
    while (tzp < end && *tzp != 'Z' && *tzp != '+' && *tzp != '-')
        tzp++;
    int rv = parse_hms(s, tzp, hh, mm, ss, us);
    if (rv < 0)
        return rv;
    if (tzp == end)
        return rv == 1 ? -5 : 0;
    if (*tzp == 'Z') {
        *off_s = *off_us = 0;
        return tzp[1] != '\0' ? -5 : 1;
    }
    int sign = *tzp == '-' ? -1 : 1;
    int th, tm, ts;
    rv = parse_hms(tzp + 1, end, &th, &tm, &ts, off_us);
    *off_s = sign * (th * 3600 + tm * 60 + ts);
    *off_us *= sign;
    return rv ? -5 : 1;
}

static KnObject *tz_from_parse(int rv, int off_s, int off_us)
{
    if (rv != 1)
        return KN_None;
    if (off_s == 0)
        return dt_utc;
    KnObject *delta = dt_delta_new(0, off_s, off_us);
    return delta == NULL ? NULL : dt_timezone_new(delta, NULL);
}

static KnObject *invalid(KnObject *s)
{
    ob_err_format(ob_exc_ValueError, "Invalid isoformat string: %R", s);
    return NULL;
}

static const char *iso_utf8(KnObject *s, kn_ssize_t *len)
{
    if (!KN_STR_CHECK(s)) {
        ob_err_set_string(ob_exc_TypeError, "fromisoformat: argument must be str");
        return NULL;
    }
    const char *p = ob_str_as_utf8(s, len);
    if (p == NULL) {
        ob_err_clear();
        invalid(s);
    }
    return p;
}

KnObject *dt_date_fromisoformat(KnObject *cls, KnObject *s)
{
    kn_ssize_t len;
    const char *p = iso_utf8(s, &len);
    if (p == NULL)
        return NULL;
    int y = 0, m = 0, d = 0;
    if ((len != 7 && len != 8 && len != 10) || parse_date(p, len, &y, &m, &d) < 0)
        return invalid(s);
    return dt_date_new_sub(y, m, d, cls);
}

KnObject *dt_time_fromisoformat(KnObject *cls, KnObject *s)
{
    kn_ssize_t len;
    const char *p = iso_utf8(s, &len);
    if (p == NULL)
        return NULL;
    if (*p == 'T') {
        p++;
        len--;
    }
    int hh, mm, ss, us, off_s = 0, off_us = 0;
    int rv = parse_time(p, len, &hh, &mm, &ss, &us, &off_s, &off_us);
    if (rv < 0)
        return invalid(s);
    KnObject *tz = tz_from_parse(rv, off_s, off_us);
    if (tz == NULL)
        return NULL;
    if (cls == (KnObject *)&dt_time_type) {
        if (dt_check_time(hh, mm, ss, us, 0) < 0)
            return NULL;
        return dt_time_alloc(&dt_time_type, hh, mm, ss, us, tz, 0);
    }
    KnObject *args[5] = {ob_int_from_long_long(hh), ob_int_from_long_long(mm), ob_int_from_long_long(ss),
                         ob_int_from_long_long(us), tz};
    return ob_vectorcall(cls, args, 5, NULL);
}

/* Where the date part of a datetime string ends (CPython 3.11's rules:
 * the date forms are told apart by characters 4, 5 and 8). */
static kn_ssize_t find_separator(const char *s, kn_ssize_t len)
{
    if (len == 7)
        return 7;
    if (s[4] == '-') {
        if (s[5] != 'W')
            return 10;
        if (len < 8)
            return -1;
        if (len > 8 && s[8] == '-') {
            if (len == 9)
                return -1;
            if (len > 10 && is_digit(s[10]))
                return 8;
            return 10;
        }
        return 8;
    }
    if (s[4] == 'W') {
        kn_ssize_t i = 7;
        while (i < len && is_digit(s[i]))
            i++;
        if (i < 9)
            return i;
        return i % 2 == 0 ? 7 : 8;
    }
    return 8;
}

KnObject *dt_datetime_fromisoformat(KnObject *cls, KnObject *s)
{
    if (!KN_STR_CHECK(s)) {
        ob_err_set_string(ob_exc_TypeError, "fromisoformat: argument must be str");
        return NULL;
    }
    kn_ssize_t n = ob_str_length(s);
    if (n < 7)
        return invalid(s);
    /* a surrogate is allowed as the separator only: make it 'T' */
    KnObject *clean = s;
    static const kn_ssize_t seps[3] = {7, 8, 10};
    for (int i = 0; i < 3 && seps[i] < n; i++) {
        uint32_t c = ob_str_read_char(s, seps[i]);
        if (c >= 0xd800 && c <= 0xdfff) {
            KnObject *head = ob_str_substring(s, 0, seps[i]);
            KnObject *tail = head ? ob_str_substring(s, seps[i] + 1, n) : NULL;
            if (tail == NULL || (clean = ob_str_from_format("%UT%U", head, tail)) == NULL)
                return NULL;
            break;
        }
    }
    kn_ssize_t len;
    const char *p = ob_str_as_utf8(clean, &len);
    if (p == NULL) {
        ob_err_clear();
        return invalid(s);
    }
    kn_ssize_t sep = find_separator(p, len);
    if (sep < 0)
        return invalid(s);
    int y = 0, m = 0, d = 0, hh = 0, mm = 0, ss = 0, us = 0, off_s = 0, off_us = 0;
    int rv = parse_date(p, sep, &y, &m, &d);
    if (rv == 0 && len > sep) {
        /* the separator may be any one character: skip its UTF-8 bytes */
        unsigned char c = (unsigned char)p[sep];
        kn_ssize_t skip = c < 0x80 ? 1 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf0) == 0xf0 ? 4 : 2;
        if (sep + skip > len)
            return invalid(s);
        rv = parse_time(p + sep + skip, len - sep - skip, &hh, &mm, &ss, &us, &off_s, &off_us);
    }
    if (rv < 0)
        return invalid(s);
    KnObject *tz = tz_from_parse(rv, off_s, off_us);
    if (tz == NULL)
        return NULL;
    return dt_datetime_new_sub(y, m, d, hh, mm, ss, us, tz, 0, cls);
}
