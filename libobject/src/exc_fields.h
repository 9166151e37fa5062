/* exc_fields.h — hooks for exception classes with extra fields
 * (exc_fields.c), used by exceptions.c's class table. */
#ifndef LIBOBJECT_EXC_FIELDS_H
#define LIBOBJECT_EXC_FIELDS_H
#include "core.h"

int ob_exc_systemexit_init(KnObject *self, KnObject *args, KnObject *kwargs);
int ob_exc_stopiteration_init(KnObject *self, KnObject *args, KnObject *kwargs);
int ob_exc_attributeerror_init(KnObject *self, KnObject *args, KnObject *kwargs);
int ob_exc_nameerror_init(KnObject *self, KnObject *args, KnObject *kwargs);
int ob_exc_importerror_init(KnObject *self, KnObject *args, KnObject *kwargs);
int ob_exc_oserror_init(KnObject *self, KnObject *args, KnObject *kwargs);
int ob_exc_syntaxerror_init(KnObject *self, KnObject *args, KnObject *kwargs);
int ob_exc_unicodedecode_init(KnObject *self, KnObject *args, KnObject *kwargs);
int ob_exc_unicodeencode_init(KnObject *self, KnObject *args, KnObject *kwargs);
int ob_exc_unicodetranslate_init(KnObject *self, KnObject *args, KnObject *kwargs);
KnObject *ob_exc_unicodedecode_str(KnObject *self);
KnObject *ob_exc_unicodeencode_str(KnObject *self);
KnObject *ob_exc_unicodetranslate_str(KnObject *self);
KnObject *ob_exc_keyerror_str(KnObject *self);
KnObject *ob_exc_importerror_str(KnObject *self);
KnObject *ob_exc_oserror_str(KnObject *self);
KnObject *ob_exc_syntaxerror_str(KnObject *self);
extern KnMemberDef ob_exc_systemexit_members[], ob_exc_stopiteration_members[],
    ob_exc_attributeerror_members[], ob_exc_nameerror_members[], ob_exc_importerror_members[],
    ob_exc_oserror_members[], ob_exc_syntaxerror_members[],
    ob_exc_unicodeerror_members[];

/* BaseExceptionGroup (exc_group.c); ExceptionGroup is a heap class made
 * by ob_exc_group_make_exception_group() once Exception exists. */
KnObject *ob_exc_group_new(KnTypeObject *cls, KnObject *args, KnObject *kwargs);
KnObject *ob_exc_group_str(KnObject *self);
extern KnMemberDef ob_exc_group_members[];
extern KnMethodDef ob_exc_group_methods[];
KnTypeObject *ob_exc_group_make_exception_group(void);

extern KnGetSetDef ob_exc_oserror_getset[];   /* characters_written */
extern KnMethodDef ob_exc_oserror_methods[], ob_exc_importerror_methods[];   /* __reduce__ */

#endif
