/* constant.c — ps_constant: literal values without Python objects.
 *
 * Integers are kept as decimal digit strings (plus an int64 when they fit)
 * so that the dumper prints them exactly as Python's repr does, however
 * large and in whatever base they were written.  Non-decimal literals are
 * converted with a small schoolbook bignum in base 10^9. */
#include "libparse/constant.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

ps_constant ps_const_singleton(ps_const_kind kind)
{
    ps_constant c;
    memset(&c, 0, sizeof c);
    c.kind = kind;
    return c;
}

ps_constant ps_const_str(const char *utf8, size_t len)
{
    ps_constant c = ps_const_singleton(PS_CONST_STR);
    c.u.s.data = utf8;
    c.u.s.len = len;
    return c;
}

ps_constant ps_const_bytes(const char *data, size_t len)
{
    ps_constant c = ps_const_singleton(PS_CONST_BYTES);
    c.u.s.data = data;
    c.u.s.len = len;
    return c;
}

static int const_digit_value(char ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F')
        return ch - 'A' + 10;
    return 99;
}

/* Fills c->u.i from decimal digits `d` (no underscores, may have leading
 * zeros), copying them into the arena. */
static int const_set_decimal(ps_constant *c, const char *d, size_t n, ps_arena *arena)
{
    while (n > 1 && *d == '0')
        d++, n--;
    char *digits = ps_arena_strndup(arena, d, n);
    if (!digits)
        return -1;
    c->kind = PS_CONST_INT;
    c->u.i.digits = digits;
    /* INT64_MAX has 19 digits; compare as strings when the length ties. */
    c->u.i.fits = n < 19 || (n == 19 && strcmp(digits, "9223372036854775807") <= 0);
    c->u.i.value = c->u.i.fits ? (int64_t)strtoull(digits, NULL, 10) : 0;
    return 0;
}

/* Converts digits of `base` (2, 8 or 16) to decimal. */
static int const_set_based(ps_constant *c, const char *d, size_t n, int base,
                           ps_arena *arena)
{
    /* Each input digit adds at most 4 bits; 10^9 > 2^29, so n*4/29 + 1
     * limbs always suffice. */
    size_t cap = n * 4 / 29 + 2, used = 0;
    uint32_t *limb = calloc(cap, sizeof *limb);  /* little-endian, base 1e9 */
    if (!limb)
        return -1;
    for (size_t i = 0; i < n; i++) {
        uint64_t carry = (uint64_t)const_digit_value(d[i]);
        for (size_t k = 0; k < used; k++) {
            uint64_t t = (uint64_t)limb[k] * (uint64_t)base + carry;
            limb[k] = (uint32_t)(t % 1000000000u);
            carry = t / 1000000000u;
        }
        if (carry)
            limb[used++] = (uint32_t)carry;
    }
    char *text = malloc(used * 9 + 2), *p = text;
    if (!text) {
        free(limb);
        return -1;
    }
    if (used == 0) {
        *p++ = '0';
    } else {
        p += sprintf(p, "%u", (unsigned)limb[used - 1]);
        for (size_t k = used - 1; k-- > 0;)
            p += sprintf(p, "%09u", (unsigned)limb[k]);
    }
    int r = const_set_decimal(c, text, (size_t)(p - text), arena);
    free(text);
    free(limb);
    return r;
}

int ps_const_number(ps_constant *out, const char *text, size_t len, ps_arena *arena)
{
    *out = ps_const_singleton(PS_CONST_INT);
    /* Drop the underscores first; every branch below wants plain digits. */
    char small[64];
    char *buf = len < sizeof small ? small : malloc(len + 1);
    if (!buf)
        return -1;
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (text[i] != '_')
            buf[n++] = text[i];
    buf[n] = '\0';
    int r = -1;
    if (n == 0)
        goto done;
    if (buf[n - 1] == 'j' || buf[n - 1] == 'J') {
        buf[n - 1] = '\0';
        char *end;
        out->kind = PS_CONST_COMPLEX;
        out->u.f = strtod(buf, &end);
        r = end == buf + n - 1 ? 0 : -1;
        goto done;
    }
    if (n > 2 && buf[0] == '0' && strchr("xXoObB", buf[1])) {
        int base = (buf[1] == 'x' || buf[1] == 'X') ? 16 : (buf[1] == 'o' || buf[1] == 'O') ? 8 : 2;
        for (size_t i = 2; i < n; i++)
            if (const_digit_value(buf[i]) >= base)
                goto done;
        r = const_set_based(out, buf + 2, n - 2, base, arena);
        goto done;
    }
    if (strpbrk(buf, ".eE")) {
        char *end;
        out->kind = PS_CONST_FLOAT;
        out->u.f = strtod(buf, &end);
        r = end == buf + n ? 0 : -1;
        goto done;
    }
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)buf[i]))
            goto done;
    r = const_set_decimal(out, buf, n, arena);
    out->u.i.decimal = true;
done:
    if (buf != small)
        free(buf);
    return r;
}
