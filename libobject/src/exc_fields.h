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
KnObject *ob_exc_keyerror_str(KnObject *self);
KnObject *ob_exc_importerror_str(KnObject *self);
KnObject *ob_exc_oserror_str(KnObject *self);
KnObject *ob_exc_syntaxerror_str(KnObject *self);
extern KnMemberDef ob_exc_systemexit_members[], ob_exc_stopiteration_members[],
    ob_exc_attributeerror_members[], ob_exc_nameerror_members[], ob_exc_importerror_members[],
    ob_exc_oserror_members[], ob_exc_syntaxerror_members[];

#endif
