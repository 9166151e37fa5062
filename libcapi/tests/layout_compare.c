/* libcapi/tests/layout_compare.c — match two measured layout tables and
 * report every disagreement by field name. */
#include <stdio.h>
#include <string.h>
#include "layout.h"

static size_t compare_entries(const layout_side *a, const layout_side *b)
{
    size_t bad = 0;
    size_t n = a->n_entries < b->n_entries ? a->n_entries : b->n_entries;
    if (a->n_entries != b->n_entries) {
        printf("layout: %s has %zu layout entries, %s has %zu\n", a->label,
               a->n_entries, b->label, b->n_entries);
        bad++;
    }
    for (size_t i = 0; i < n; i++) {
        const layout_entry *x = &a->entries[i], *y = &b->entries[i];
        if (strcmp(x->name, y->name) != 0) {
            printf("layout: entry %zu is %s in %s but %s in %s\n", i, x->name,
                   a->label, y->name, b->label);
            bad++;
            continue;
        }
        if (x->offset != y->offset) {
            printf("layout: %s: offset %lld in %s, %lld in %s\n", x->name,
                   x->offset, a->label, y->offset, b->label);
            bad++;
        }
        if (x->size != y->size) {
            printf("layout: %s: size %lld in %s, %lld in %s\n", x->name, x->size,
                   a->label, y->size, b->label);
            bad++;
        }
    }
    return bad;
}

static size_t compare_consts(const layout_side *a, const layout_side *b)
{
    size_t bad = 0;
    size_t n = a->n_consts < b->n_consts ? a->n_consts : b->n_consts;
    if (a->n_consts != b->n_consts) {
        printf("layout: %s has %zu constants, %s has %zu\n", a->label, a->n_consts,
               b->label, b->n_consts);
        bad++;
    }
    for (size_t i = 0; i < n; i++) {
        const layout_const *x = &a->consts[i], *y = &b->consts[i];
        if (strcmp(x->name, y->name) != 0) {
            printf("layout: constant %zu is %s in %s but %s in %s\n", i, x->name,
                   a->label, y->name, b->label);
            bad++;
        } else if (x->value != y->value) {
            printf("layout: %s: %#llx in %s, %#llx in %s\n", x->name, x->value,
                   a->label, y->value, b->label);
            bad++;
        }
    }
    return bad;
}

size_t layout_compare(const layout_side *a, const layout_side *b)
{
    return compare_entries(a, b) + compare_consts(a, b);
}
