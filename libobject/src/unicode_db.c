/*
 * unicode_db.c — lookups in the generated character database
 * (unicode_db.inc, written by tools/gen_unicode_db.py from CPython 3.11's
 * own answers, Unicode 14.0).  Regenerate with
 *   /usr/bin/python3.11 tools/gen_unicode_db.py
 *
 * A case mapping is stored as a delta to the code point, unless its bit in
 * `ext` is set: then it is an offset into udb_ext (a count followed by that
 * many code points), for SpecialCasing results such as 'ß' -> "SS".
 */
#include <stdint.h>
#include "libobject/unicode.h"

typedef struct UdbRecord {
    uint16_t flags;
    uint8_t category;
    int8_t decimal;
    int8_t digit;
    uint16_t numeric;      /* index into udb_numeric; 0 is "none" (-1.0) */
    uint8_t ext;           /* bit i: mapping i is in udb_ext */
    int32_t map[4];        /* lower, upper, title, fold */
} UdbRecord;

#include "unicode_db.inc"

static const UdbRecord *udb_get(uint32_t ch)
{
    if (ch > 0x10ffff)
        ch = 0x10ffff;      /* a noncharacter: unassigned properties */
    unsigned block = udb_index1[ch >> UDB_SHIFT];
    return &udb_records[udb_index2[(block << UDB_SHIFT) | (ch & ((1u << UDB_SHIFT) - 1))]];
}

#define UDB_PRED(name, flag) \
    int ob_unicode_##name(uint32_t ch) { return (udb_get(ch)->flags & (flag)) != 0; }

UDB_PRED(isprintable, UDB_PRINTABLE)
UDB_PRED(isspace, UDB_SPACE)
UDB_PRED(islinebreak, UDB_LINEBREAK)
UDB_PRED(isalpha, UDB_ALPHA)
UDB_PRED(isdecimal, UDB_DECIMAL)
UDB_PRED(isdigit, UDB_DIGIT)
UDB_PRED(isnumeric, UDB_NUMERIC)
UDB_PRED(isalnum, UDB_ALPHA | UDB_DECIMAL | UDB_DIGIT | UDB_NUMERIC)
UDB_PRED(islower, UDB_LOWER)
UDB_PRED(isupper, UDB_UPPER)
UDB_PRED(istitle, UDB_TITLE)
UDB_PRED(iscased, UDB_CASED)
UDB_PRED(iscaseignorable, UDB_CASE_IGNORABLE)
UDB_PRED(isxidstart, UDB_XID_START)
UDB_PRED(isxidcontinue, UDB_XID_CONTINUE)

int ob_unicode_decimal(uint32_t ch)
{
    return udb_get(ch)->decimal;
}

int ob_unicode_digit(uint32_t ch)
{
    return udb_get(ch)->digit;
}

double ob_unicode_numeric(uint32_t ch)
{
    return udb_numeric[udb_get(ch)->numeric];
}

const char *ob_unicode_category(uint32_t ch)
{
    return udb_categories[udb_get(ch)->category];
}

static int udb_map(uint32_t ch, int which, uint32_t out[3])
{
    const UdbRecord *r = udb_get(ch);
    if (r->ext & (1u << which)) {
        const uint32_t *e = &udb_ext[r->map[which]];
        int n = (int)e[0];
        for (int i = 0; i < n; i++)
            out[i] = e[1 + i];
        return n;
    }
    out[0] = (uint32_t)((int32_t)ch + r->map[which]);
    return 1;
}

int ob_unicode_to_lower(uint32_t ch, uint32_t out[3]) { return udb_map(ch, 0, out); }
int ob_unicode_to_upper(uint32_t ch, uint32_t out[3]) { return udb_map(ch, 1, out); }
int ob_unicode_to_title(uint32_t ch, uint32_t out[3]) { return udb_map(ch, 2, out); }
int ob_unicode_to_folded(uint32_t ch, uint32_t out[3]) { return udb_map(ch, 3, out); }
