/* libobject/int.h — int (src/int*.c) and bool (src/bool.c).
 * Layout = CPython 3.11 PyLongObject: 30-bit digits in uint32_t, the sign in
 * ob_size (negative size = negative number, 0 = zero). */
#ifndef LIBOBJECT_INT_H
#define LIBOBJECT_INT_H
#include "libobject/object.h"

#define KN_INT_SHIFT 30
#define KN_INT_MASK ((uint32_t)((1u << KN_INT_SHIFT) - 1))
typedef uint32_t kn_digit;

typedef struct KnLongObject {
    KN_OBJECT_VAR_HEAD;
    kn_digit ob_digit[1];
} KnLongObject;

extern KnTypeObject ob_int_type;
#define KN_INT_CHECK(o) KN_FAST_SUBCLASS(o, KN_TPFLAGS_LONG_SUBCLASS)
#define KN_INT_CHECK_EXACT(o) (KN_TYPE(o) == &ob_int_type)

KnObject *ob_int_from_ssize(kn_ssize_t v);
KnObject *ob_int_from_long_long(long long v);
KnObject *ob_int_from_unsigned_long_long(unsigned long long v);
KnObject *ob_int_from_size(size_t v);
KnObject *ob_int_from_double(double v);          /* int(3.7): truncates; errors for inf/nan */
/* Parse digits in `base` (0: Python literal rules) like int(str, base). */
KnObject *ob_int_from_string(const char *s, kn_ssize_t len, int base);
/* -1 + OverflowError "Python int too large to convert to C ssize_t" */
kn_ssize_t ob_int_as_ssize(KnObject *o);
long long ob_int_as_long_long(KnObject *o);
/* -1 with overflow flag: *overflow = +1/-1 when out of range, no exception. */
long long ob_int_as_long_long_and_overflow(KnObject *o, int *overflow);
double ob_int_as_double(KnObject *o);            /* OverflowError if too large */
int ob_int_sign(KnObject *o);                    /* -1, 0, 1 */
KnObject *ob_int_to_decimal_string(KnObject *o); /* str(o), honours the 4300-digit limit */

/* ---- the int/str conversion limit (sys.get/set_int_max_str_digits) ----
 * 0 means no limit; otherwise at least 640 ("maxdigits must be 0 or larger
 * than 640", ValueError, -1). */
int ob_int_set_max_str_digits(kn_ssize_t n);
kn_ssize_t ob_int_get_max_str_digits(void);

#endif
