/*
 * cont_generic.c — __class_getitem__ of the generic built-in containers
 * (list, tuple, dict, set, frozenset): cls[item] is types.GenericAlias
 * (PEP 585), built by the classes part's ob_generic_alias_new.
 */
#include "containers.h"

KnObject *ob_cont_class_getitem(KnObject *cls, KnObject *item)
{
    return ob_generic_alias_new(cls, item);
}
