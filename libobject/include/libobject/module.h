/* libobject/module.h — module objects (src/module.c) and cells (src/cell.c). */
#ifndef LIBOBJECT_MODULE_H
#define LIBOBJECT_MODULE_H

#include "libobject/object.h"

#ifdef __cplusplus
extern "C" {
#endif

/* CPython's PyModuleDef_Base / PyModuleDef, for the C-API layer. */
typedef struct KnModuleDefBase {
    KN_OBJECT_HEAD;
    KnObject *(*m_init)(void);
    kn_ssize_t m_index;
    KnObject *m_copy;
} KnModuleDefBase;

typedef struct KnModuleDef {
    KnModuleDefBase m_base;
    const char *m_name;
    const char *m_doc;
    kn_ssize_t m_size;
    KnMethodDef *m_methods;
    void *m_slots;
    traverseproc m_traverse;
    inquiry m_clear;
    freefunc m_free;
} KnModuleDef;

/* CPython's PyModuleObject. */
typedef struct KnModuleObject {
    KN_OBJECT_HEAD;
    KnObject *md_dict;
    KnModuleDef *md_def;
    void *md_state;
    KnObject *md_weaklist;
    KnObject *md_name;
} KnModuleObject;

extern KnTypeObject ob_module_type, ob_cell_type;
#define KN_MODULE_CHECK(o) KN_TYPE_CHECK(o, &ob_module_type)

/* A module named `name` (str) with __name__, __doc__ None, __package__
 * None, __loader__ None, __spec__ None set. */
KnObject *ob_module_new(KnObject *name);
KnObject *ob_module_new_cstr(const char *name);
KnObject *ob_module_get_dict(KnObject *m);
/* Add the functions of `methods` (NULL-name terminated) bound to m. */
int ob_module_add_functions(KnObject *m, KnMethodDef *methods);
int ob_module_add_object(KnObject *m, const char *name, KnObject *value);

/* CPython's PyCellObject. */
typedef struct KnCellObject {
    KN_OBJECT_HEAD;
    KnObject *ob_ref;        /* NULL: empty */
} KnCellObject;

KnObject *ob_cell_new(KnObject *value);          /* value may be NULL */
#define KN_CELL_GET(c) (((KnCellObject *)(c))->ob_ref)
#define KN_CELL_SET(c, v) (((KnCellObject *)(c))->ob_ref = (v))

/* ---- added by the protocols part: mappingproxy (src/mappingproxy.c) ---- */

/* types.MappingProxyType: a read-only, live view of `mapping` (TypeError
 * "mappingproxy() argument must be a mapping, not X" for a non-mapping,
 * a list or a tuple).  Also declared in src/core.h for type.__dict__. */
extern KnTypeObject ob_mappingproxy_type;
KnObject *ob_mappingproxy_new(KnObject *mapping);

#ifdef __cplusplus
}
#endif
#endif /* LIBOBJECT_MODULE_H */
