/* libcapi/tests/layout.h — measured layouts, one table per side.
 *
 * layout_cpython.c and layout_kiln.c each fill a table from the X-macros of
 * layout_table.h; the entries come in the same order on both sides and are
 * keyed by CPython's spelling ("PyListObject.allocated"), so test_layout.c
 * can match them one to one and name the field that differs. */
#ifndef LIBCAPI_TESTS_LAYOUT_H
#define LIBCAPI_TESTS_LAYOUT_H

#include <stddef.h>

/* A struct (offset -1, size = sizeof) or one of its fields. */
typedef struct layout_entry {
    const char *name;
    long long size;
    long long offset;
} layout_entry;

/* A constant's value, or the mask a bit-field covers in its word. */
typedef struct layout_const {
    const char *name;
    unsigned long long value;
} layout_const;

typedef struct layout_side {
    const char *label;              /* "CPython 3.11" / "Kiln" */
    const layout_entry *entries;
    size_t n_entries;
    const layout_const *consts;     /* constants, then bit masks */
    size_t n_consts;
} layout_side;

/* Fill *side with the measured tables (static storage; idempotent). */
void layout_cpython(layout_side *side);
void layout_kiln(layout_side *side);

/* Facts only CPython's headers know (layout_cpython.c): offsetof
 * PyWeakReference.wr_object, offsetof PyCMethodObject.mm_class and
 * sizeof(PyCMethodObject) — structs Kiln has no counterpart of yet. */
long long layout_cpython_weakref_object_offset(void);
long long layout_cpython_cmethod_class_offset(void);
long long layout_cpython_cmethod_size(void);

/* Compare two sides; print one line per mismatch naming the field, both
 * values and both labels.  Returns the number of mismatches (a name or
 * length disagreement between the tables counts too). */
size_t layout_compare(const layout_side *a, const layout_side *b);

#endif /* LIBCAPI_TESTS_LAYOUT_H */
