/* libcapi/tests/layout_expand.h — turns layout_table.h into one side's
 * tables.  Included once, at the end of layout_cpython.c or layout_kiln.c,
 * after that file has defined:
 *   LAYOUT_PICK(cpython, kiln)  the half of each pair this side measures
 *   LAYOUT_FN                   the name of the fill function
 *   LAYOUT_LABEL                the side's name in messages
 * Names are always CPython's spelling, so both tables share their keys. */
#include <string.h>
#include "layout.h"
#include "layout_table.h"

#define LAYOUT_STR_(x) #x
#define LAYOUT_STR(x) LAYOUT_STR_(x)
/* P is a parenthesised pair (cpython_type, kiln_type). */
#define LAYOUT_CPY_(c, k) c
#define LAYOUT_CPY(P) LAYOUT_CPY_ P
#define LAYOUT_TYPE(P) LAYOUT_PICK P

#define LAYOUT_FIELD(P, m) \
    { LAYOUT_STR(LAYOUT_CPY(P)) "." #m, \
      (long long)sizeof(((LAYOUT_TYPE(P) *)0)->m), \
      (long long)offsetof(LAYOUT_TYPE(P), m) },
#define LAYOUT_STRUCT(c, k, fields) \
    { "sizeof " #c, (long long)sizeof(LAYOUT_PICK(c, k)), -1 }, \
    fields(LAYOUT_FIELD, (c, k))
#define LAYOUT_PREFIX(c, k, fields) fields(LAYOUT_FIELD, (c, k))

static const layout_entry layout_entries[] = {
    KN_LAYOUT_STRUCTS(LAYOUT_STRUCT)
    KN_LAYOUT_PREFIXES(LAYOUT_PREFIX)
};

/* The bits one bit-field covers in the word holding it: set the field to
 * all ones in a zeroed struct (decrementing an unsigned field wraps) and
 * read the word back. */
#define LAYOUT_BIT_FN(c, k, mem, bit) \
    static unsigned long long layout_mask_##mem##_##bit(void) \
    { \
        LAYOUT_PICK(c, k) o; \
        unsigned long long word = 0; \
        memset(&o, 0, sizeof o); \
        o.mem.bit--; \
        memcpy(&word, &o.mem, sizeof o.mem < sizeof word ? sizeof o.mem : sizeof word); \
        return word; \
    }
KN_LAYOUT_BITS(LAYOUT_BIT_FN)

#define LAYOUT_CONST(c, k) { #c, (unsigned long long)(LAYOUT_PICK(c, k)) },
#define LAYOUT_BIT_SLOT(c, k, mem, bit) { #c "." #mem "." #bit " (mask)", 0 },
static layout_const layout_consts[] = {
    KN_LAYOUT_CONSTS(LAYOUT_CONST)
    KN_LAYOUT_BITS(LAYOUT_BIT_SLOT)
};

void LAYOUT_FN(layout_side *side)
{
    size_t n_bits = 0;
#define LAYOUT_COUNT_BIT(c, k, mem, bit) n_bits++;
    KN_LAYOUT_BITS(LAYOUT_COUNT_BIT)
    size_t i = sizeof layout_consts / sizeof layout_consts[0] - n_bits;
#define LAYOUT_FILL_BIT(c, k, mem, bit) layout_consts[i++].value = layout_mask_##mem##_##bit();
    KN_LAYOUT_BITS(LAYOUT_FILL_BIT)
    side->label = LAYOUT_LABEL;
    side->entries = layout_entries;
    side->n_entries = sizeof layout_entries / sizeof layout_entries[0];
    side->consts = layout_consts;
    side->n_consts = sizeof layout_consts / sizeof layout_consts[0];
}
