/*
 * cell.c — cell objects (types.CellType): the boxes closures share a
 * variable through.  An empty cell (ob_ref NULL) is an unbound variable.
 */
#include "protocols.h"
#include "ob_alloc.h"

#define CELL(o) ((KnCellObject *)(o))

KnObject *ob_cell_new(KnObject *value)
{
    KnObject *c = ob_alloc_exact(&ob_cell_type, sizeof(KnCellObject));
    if (c != NULL)
        CELL(c)->ob_ref = value;
    return c;
}

static KnObject *cell_tp_new(KnTypeObject *type, KnObject *args, KnObject *kwargs)
{
    if (ob_args_no_kwargs_dict("cell", kwargs) < 0 ||
        ob_args_check_positional("cell", KN_SIZE(args), 0, 1) < 0)
        return NULL;
    return ob_cell_new(KN_SIZE(args) ? KN_TUPLE_GET(args, 0) : NULL);
}

static KnObject *cell_repr(KnObject *self)
{
    KnObject *v = CELL(self)->ob_ref;
    if (v == NULL)
        return ob_str_from_format("<cell at %p: empty>", (void *)self);
    return ob_str_from_format("<cell at %p: %.80s object at %p>", (void *)self, KN_TNAME(v),
                              (void *)v);
}

/* Cells compare by contents; an empty cell sorts before any full one. */
static KnObject *cell_richcompare(KnObject *a, KnObject *b, int op)
{
    if (KN_TYPE(a) != &ob_cell_type || KN_TYPE(b) != &ob_cell_type)
        return KN_NotImplemented;
    KnObject *x = CELL(a)->ob_ref, *y = CELL(b)->ob_ref;
    if (x != NULL && y != NULL)
        return ob_richcompare(x, y, op);
    int l = x != NULL, r = y != NULL, res;
    switch (op) {
    case KN_LT: res = l < r; break;
    case KN_LE: res = l <= r; break;
    case KN_EQ: res = l == r; break;
    case KN_NE: res = l != r; break;
    case KN_GT: res = l > r; break;
    default: res = l >= r; break;
    }
    return KN_BOOL(res);
}

static KnObject *cell_get_contents(KnObject *self, void *closure)
{
    KnObject *v = CELL(self)->ob_ref;
    if (v == NULL)
        ob_err_set_string(ob_exc_ValueError, "Cell is empty");
    return v;
}

static int cell_set_contents(KnObject *self, KnObject *value, void *closure)
{
    CELL(self)->ob_ref = value;
    return 0;
}

static KnGetSetDef cell_getset[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

KnTypeObject ob_cell_type = {
    KN_VAR_HEAD_INIT(&ob_type_type, 0),
    .tp_name = "cell",
    .tp_basicsize = sizeof(KnCellObject),
    .tp_repr = cell_repr,
    .tp_hash = ob_hash_not_implemented,
    .tp_getattro = ob_generic_getattr,
    .tp_flags = KN_TPFLAGS_DEFAULT | KN_TPFLAGS_HAVE_GC,
    .tp_doc = "cell([contents])\n--\n\n"
              "A box holding one variable shared by nested scopes (may be empty).",
    .tp_richcompare = cell_richcompare,
    .tp_getset = cell_getset,
    .tp_new = cell_tp_new,
};
