/* float_internal.h — helpers shared by float*.c and complex.c. */
#ifndef LIBOBJECT_FLOAT_INTERNAL_H
#define LIBOBJECT_FLOAT_INTERNAL_H
#include <stddef.h>
#include "libobject/float.h"

/* Shortest round-trip decimal digits of |v| (v finite): writes the digit
 * string (no trailing zeros, "0" for zero) and the decimal point position
 * (value = 0.DIGITS * 10**decpt); returns the digit count. */
int ob_float_shortest_digits(double v, char *digits, int *decpt);
/* repr() text of v; add_dot0 = 0 gives complex's style ("1" for 1.0).
 * Returns the length, -1 when buf is too small. */
int ob_float_repr_style(double v, char *buf, size_t size, int add_dot0);
/* Parse a float literal as float(str) does (whitespace and underscores
 * already handled by the caller's rules: see float_parse.c).  Returns 0 and
 * *out, or -1 without an exception when the text is not a float. */
int ob_float_parse_cstr(const char *s, size_t len, double *out, int allow_underscores);
KnObject *ob_float_from_string(const char *s, kn_ssize_t len, KnObject *orig);
KnObject *ob_float_trunc(KnObject *a);

#endif
